<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Give the view a name.</source>
      <translation>请输入视图名称。</translation>
    </message>
    <message>
      <source>A view's name has at most {max} characters.</source>
      <translation>视图名称最多 {max} 个字。</translation>
    </message>
    <message>
      <source>There is no user “{given}”.</source>
      <translation>没有用户“{given}”。</translation>
    </message>
    <message>
      <source>There is no station “{given}”.</source>
      <translation>没有站点“{given}”。</translation>
    </message>
    <message>
      <source>There is no patient {patient} (or the record was deleted).</source>
      <translation>没有患者 {patient}（或该记录已删除）。</translation>
    </message>
    <message>
      <source>{path} cannot be written ({reason}).</source>
      <translation>无法写入 {path}（{reason}）。</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Station</source>
      <translation>站点</translation>
    </message>
  </context>
</TS>
