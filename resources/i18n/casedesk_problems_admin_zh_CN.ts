<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Only an administrator may do this. Sign in with an administrator's account.</source>
      <translation>只有管理员可以执行此操作。请用管理员账号登录。</translation>
    </message>
    <message>
      <source>“{value}” is not a date (write it as 2026-12-04).</source>
      <translation>“{value}”不是日期（请写成 2026-12-04 的形式）。</translation>
    </message>
    <message>
      <source>The file did not arrive whole. Choose it again.</source>
      <translation>文件未能完整送达服务器。请重新选择该文件。</translation>
    </message>
    <message>
      <source>{file} cannot be read: {reason}</source>
      <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
      <source>{file} is larger than {max_mib} MiB: it cannot be an organisation tree.</source>
      <translation>{file} 超过 {max_mib} MiB，不可能是机构树文件。</translation>
    </message>
  </context>
</TS>
