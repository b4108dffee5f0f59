<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Export to a .csv or .xlsx file, not "{suffix}".</source>
      <translation>只能导出为 .csv 或 .xlsx 文件，不支持“{suffix}”。</translation>
    </message>
    <message>
      <source>Cannot write {file}: {reason}. Choose another folder or close the file in the spreadsheet program.</source>
      <translation>无法写入 {file}：{reason}。请换一个文件夹，或先在表格软件中关闭该文件。</translation>
    </message>
  </context>
</TS>
