<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Phone call: connected</source>
      <translation>电话：接通</translation>
    </message>
    <message>
      <source>Phone call: reached, another time agreed</source>
      <translation>电话：改约</translation>
    </message>
    <message>
      <source>Phone call: no answer</source>
      <translation>电话：未接</translation>
    </message>
    <message>
      <source>Phone call: switched off or out of service</source>
      <translation>电话：关机/停机</translation>
    </message>
    <message>
      <source>Phone call: number not in use</source>
      <translation>电话：空号</translation>
    </message>
    <message>
      <source>Phone call: refused</source>
      <translation>电话：拒接</translation>
    </message>
    <message>
      <source>Phone call: answered by someone else</source>
      <translation>电话：他人代接</translation>
    </message>
  </context>
</TS>
