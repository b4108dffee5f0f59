<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Select at least one row first.</source>
      <translation>请先选择至少一行。</translation>
    </message>
    <message>
      <source>Only an active case manager can be given cases.</source>
      <translation>只能把个案分派给在职的个案管理师。</translation>
    </message>
    <message>
      <source>Cancelled: nothing was changed.</source>
      <translation>已取消：未做任何更改。</translation>
    </message>
    <message>
      <source>{count} of the selected cases have no open follow-up to move ({name} among them): nothing was moved.</source>
      <translation>所选个案中有 {count} 个没有可改期的随访（包括{name}）：未做任何改动。</translation>
    </message>
    <message>
      <source>Nothing was moved: the follow-up of {name} cannot go there.</source>
      <translation>未改期任何随访：{name}的随访不能改到这一天。</translation>
    </message>
    <message>
      <source>None of the selected cases has a {letter_kind} to print.</source>
      <translation>所选个案都没有可打印的{letter_kind}。</translation>
    </message>
  </context>
</TS>
