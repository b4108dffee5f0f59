<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>entry #{seq} is missing (the next one found is #{found})</source>
      <translation>第 {seq} 条缺失（其后找到的是第 {found} 条）</translation>
    </message>
    <message>
      <source>entry #{seq} does not link to the entry before it</source>
      <translation>第 {seq} 条与前一条的哈希链接不符</translation>
    </message>
    <message>
      <source>entry #{seq} was changed after it was written</source>
      <translation>第 {seq} 条写入后被改动过</translation>
    </message>
  </context>
</TS>
