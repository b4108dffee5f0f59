<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Your change to this {table} clashes with the server's version: choose which to keep.</source>
      <translation>您对这条{table}的修改与服务器上的版本冲突：请选择保留哪一个。</translation>
    </message>
    <message>
      <source>The server refused your change to this {table}: correct it and send it again, or discard it.</source>
      <translation>服务器拒收了您对这条{table}的修改：请改正后重新发送，或放弃这次修改。</translation>
    </message>
    <message>
      <source>Incoming {direction} from {from_org} ({short_code}), {state}: {reason}</source>
      <translation>来自{from_org}的{direction}（{short_code}，{state}）：{reason}</translation>
    </message>
    <message>
      <source>MDT decision: {decision}</source>
      <translation>MDT 结论：{decision}</translation>
    </message>
    <message>
      <source>{who} settled a clash on this {table}: kept {kept}.</source>
      <translation>{who}处理了这条{table}的同步冲突：保留了{kept}。</translation>
    </message>
    <message>
      <source>the change made on the settling desktop</source>
      <translation>处理方工作站上的修改</translation>
    </message>
    <message>
      <source>the version on the server</source>
      <translation>服务器上的版本</translation>
    </message>
    <message>
      <source>some of each</source>
      <translation>双方各一部分</translation>
    </message>
  </context>
</TS>
