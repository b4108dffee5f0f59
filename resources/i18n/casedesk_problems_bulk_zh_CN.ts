<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Select the cases first.</source>
      <translation>请先选择个案。</translation>
    </message>
    <message>
      <source>Only an active case manager can be given cases.</source>
      <translation>只能把个案分派给在职的个案管理师。</translation>
    </message>
    <message>
      <source>Cancelled: no case was changed.</source>
      <translation>已取消：没有更改任何个案。</translation>
    </message>
  </context>
</TS>
