<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>This change was settled already.</source>
      <translation>这条更改已经处理过了。</translation>
    </message>
    <message>
      <source>The record was deleted on the server, so this desktop's change cannot be kept. Take the server's version.</source>
      <translation>这条记录已在服务器上删除，无法保留本机的修改。请采用服务器上的版本。</translation>
    </message>
    <message>
      <source>Nothing to send: the values are as they were before.</source>
      <translation>没有要重新发送的内容：各项值与原来相同。</translation>
    </message>
    <message>
      <source>This change has not been answered by the server yet; it cannot be discarded.</source>
      <translation>这条更改还在等待服务器答复，暂时不能放弃。</translation>
    </message>
    <message>
      <source>First settle the other changes waiting on this record, then discard this one.</source>
      <translation>请先处理这条记录的其他待处理更改，再放弃这一条。</translation>
    </message>
    <message>
      <source>Other records on this desktop still refer to this one; discard their changes first.</source>
      <translation>本机上还有其他记录引用着它，请先放弃那些记录的更改。</translation>
    </message>
    <message>
      <source>{field_name}: “{value}” cannot be used here; write {value_kind}.</source>
      <translation>{field_name}：“{value}”无法使用，请填写{value_kind}。</translation>
    </message>
    <message>
      <source>a whole number</source>
      <translation>整数</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>yes or no</source>
      <translation>“是”或“否”</translation>
    </message>
    <message>
      <source>JSON</source>
      <translation>JSON</translation>
    </message>
    <message>
      <source>a date and time, e.g. 2026-03-02 14:30</source>
      <translation>日期和时间，如 2026-03-02 14:30</translation>
    </message>
    <message>
      <source>a date, YYYY-MM-DD</source>
      <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>待随访</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>not reached</source>
      <translation>未联系上</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>clinic visit</source>
      <translation>门诊</translation>
    </message>
    <message>
      <source>home visit</source>
      <translation>上门</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待办</translation>
    </message>
  </context>
</TS>
