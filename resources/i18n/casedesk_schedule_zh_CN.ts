<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="65" />
        <source>{asked} ({asked_weekday}) is not a working day, and clinic visits are on working days only.

Plan the visit for {to} ({to_weekday}), the next working day?</source>
        <translation>{asked}（{asked_weekday}）不是工作日，门诊随访只安排在工作日。

改为下一个工作日 {to}（{to_weekday}）？</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="68" />
        <source>Clinic closed that day</source>
        <translation>当天门诊不开</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="73" />
        <source>Plan for {to}</source>
        <translation>改到 {to}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="75" />
        <source>Choose another day</source>
        <translation>另选日期</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="88" />
        <source>Clinic visits are on working days only: choose another day.</source>
        <translation>门诊随访只安排在工作日：请另选日期。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="211" />
        <source>Not a working day: {moved}. Saving asks first.</source>
        <translation>不是工作日：{moved}。保存前会先询问。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="215" />
        <source>Holidays for {year} are not in the data: check this day yourself.</source>
        <translation>{year} 年的节假日不在数据中：请自行核对这一天。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="219" />
        <source>{day} ({weekday}) is not a working day; a call or a home visit may be on it.</source>
        <translation>{day}（{weekday}）不是工作日；电话随访或上门访视可以安排在这天。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="251" />
        <source>Schedule follow-up for {name}</source>
        <translation>为{name}安排随访</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="252" />
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="252" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="252" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="252" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="255" />
        <source>No open case</source>
        <translation>无在管个案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="256" />
        <source>Phone call</source>
        <translation>电话随访</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="256" />
        <source>Clinic visit</source>
        <translation>门诊随访</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="256" />
        <source>Home visit</source>
        <translation>上门访视</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="259" />
        <source>A date of my own:</source>
        <translation>自选日期：</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="260" />
        <source>e.g. bring the latest CT report</source>
        <translation>如：请携带最近一次CT报告</translation>
    </message>
    <message>
        <location filename="../../ui/patient/schedule_dialog.py" line="263" />
        <source>The rule's date: {day} ({weekday})</source>
        <translation>规则建议日期：{day}（{weekday}）</translation>
    </message>
</context>
</TS>