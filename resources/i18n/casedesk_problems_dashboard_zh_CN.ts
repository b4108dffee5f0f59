<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Choose the first and the last day of the period.</source>
      <translation>请选择统计期间的第一天和最后一天。</translation>
    </message>
    <message>
      <source>The period starts on {since} and ends on {until}: the first day must not be after the last.</source>
      <translation>统计期间从 {since} 到 {until}：开始日期不能晚于结束日期。</translation>
    </message>
  </context>
</TS>
