<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Not in the target population of programme {programme}: not screened in this programme</source>
      <translation>不在筛查项目 {programme} 的目标人群，不纳入本项目筛查</translation>
    </message>
    <message>
      <source>Not in the target population ({eligibility}): not screened in this programme</source>
      <translation>不在目标人群（{eligibility}），不纳入本项目筛查</translation>
    </message>
    <message>
      <source>In the target population of programme {programme}; no high-risk factor found</source>
      <translation>符合筛查项目 {programme} 的目标人群，未发现高危因素</translation>
    </message>
    <message>
      <source>In the target population ({eligibility}); no high-risk factor found</source>
      <translation>符合目标人群（{eligibility}），未发现高危因素</translation>
    </message>
    <message>
      <source>High risk: {criteria}</source>
      <translation>高危：{criteria}</translation>
    </message>
    <message>
      <source>High risk: {criteria_text}</source>
      <translation>高危：{criteria_text}</translation>
    </message>
  </context>
</TS>
