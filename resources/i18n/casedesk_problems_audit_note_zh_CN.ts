<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Registered at the desk</source>
      <translation>窗口登记</translation>
    </message>
    <message>
      <source>Registered at the desk: case opened</source>
      <translation>窗口登记：建立个案</translation>
    </message>
    <message>
      <source>Contact details changed at the desk</source>
      <translation>窗口修改联系信息</translation>
    </message>
    <message>
      <source>Risk assessment</source>
      <translation>高危人群评估</translation>
    </message>
    <message>
      <source>Risk assessment result: enrolled in screening</source>
      <translation>高危评估结果：纳入筛查</translation>
    </message>
    <message>
      <source>Risk assessment: the case moved to screening and is planned anew</source>
      <translation>高危评估：转入筛查期，按新阶段安排</translation>
    </message>
    <message>
      <source>Risk assessment result</source>
      <translation>高危评估结果</translation>
    </message>
    <message>
      <source>Referral draft made by a follow-up's outcome</source>
      <translation>随访结局自动生成的转诊草稿</translation>
    </message>
    <message>
      <source>Case closed by a follow-up's outcome</source>
      <translation>个案已结案（随访结局）</translation>
    </message>
    <message>
      <source>Screening list import</source>
      <translation>筛查名单导入</translation>
    </message>
    <message>
      <source>Screening list import: a confirmed match filled in the record</source>
      <translation>筛查名单导入：确认合并</translation>
    </message>
    <message>
      <source>The case moved to another stage and is planned anew</source>
      <translation>阶段变更，按新阶段重新安排</translation>
    </message>
  </context>
</TS>
