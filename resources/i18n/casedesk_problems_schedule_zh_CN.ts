<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>{asked} ({asked_weekday}) → {to} ({to_weekday}): clinic visits are on working days only</source>
      <translation>{asked}（{asked_weekday}）→ {to}（{to_weekday}）（门诊只在工作日）</translation>
    </message>
    <message>
      <source>{asked} ({asked_weekday}, {holiday}) → {to} ({to_weekday}): clinic visits are on working days only</source>
      <translation>{asked}（{asked_weekday}，{holiday}）→ {to}（{to_weekday}）（门诊只在工作日）</translation>
    </message>
    <message>
      <source>{name}: clinic visit {asked} ({asked_weekday}) printed as {to} ({to_weekday}), the next working day; the follow-up moves with it</source>
      <translation>{name}：门诊复诊 {asked}（{asked_weekday}）改印为下一个工作日 {to}（{to_weekday}），随访随之改期</translation>
    </message>
    <message>
      <source>Follow-up planned: {method} on {date}</source>
      <translation>已安排随访：{date} {method}</translation>
    </message>
    <message>
      <source>Follow-up planned: {method} on {date} ({asked} is not a working day)</source>
      <translation>已安排随访：{date} {method}（{asked} 不是工作日）</translation>
    </message>
    <message>
      <source>Clinic follow-up moved: {old} → {new} ({asked} is not a working day)</source>
      <translation>门诊随访改期：{old} → {new}（{asked} 不是工作日）</translation>
    </message>
    <message>
      <source>Reminder printed for the next working day: clinic follow-up {old} → {new}</source>
      <translation>提醒按下一个工作日打印：门诊随访 {old} → {new}</translation>
    </message>
  </context>
</TS>
