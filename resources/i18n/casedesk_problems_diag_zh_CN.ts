<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The folder {folder} does not exist. Give --out a file in an existing folder.</source>
      <translation>文件夹 {folder} 不存在。请为 --out 指定一个已存在文件夹中的文件。</translation>
    </message>
    <message>
      <source>Could not write {file}: {reason}. Choose another folder (one you may write to, with free space).</source>
      <translation>无法写入 {file}：{reason}。请换一个可写入且有剩余空间的文件夹。</translation>
    </message>
    <message>
      <source>Diagnostics written to {file}: logs, versions and settings; no patient data, no passwords. Send this file to your IT contact.</source>
      <translation>诊断信息已写入 {file}：包含日志、版本和设置，不含患者数据和密码。请将此文件发给信息科联系人。</translation>
    </message>
  </context>
</TS>
