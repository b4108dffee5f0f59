<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RiskDialog</name>
    <message>
        <source>(required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <source>Result: {level}</source>
        <translation>结果：{level}</translation>
    </message>
    <message>
        <source>Enrolled in screening: the next step is on the patient&apos;s tasks.</source>
        <translation>已纳入筛查：下一步已列入该患者的任务。</translation>
    </message>
    <message>
        <source>Outside the screening ages: no examination is booked.</source>
        <translation>不在筛查年龄内：不预约检查。</translation>
    </message>
    <message>
        <source>Risk assessment — {name}</source>
        <translation>风险评估 — {name}</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>筛查项目</translation>
    </message>
    <message>
        <source>Age and sex are taken from the patient record. Version {version} of {file}.</source>
        <translation>年龄和性别取自患者档案。规则文件 {file}，版本 {version}。</translation>
    </message>
    <message>
        <source>A household relative&apos;s confirmed cancer answers the family history by itself.</source>
        <translation>家庭成员中已确诊的该癌种会自动回答家族史问题。</translation>
    </message>
    <message>
        <source>Answered by the household: {relatives}</source>
        <translation>由家庭成员记录回答：{relatives}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Risk assessment…</source>
        <translation>风险评估…</translation>
    </message>
    <message>
        <source>Assess this patient&apos;s risk for a screening programme</source>
        <translation>按筛查项目评估该患者的风险</translation>
    </message>
</context>
</TS>
