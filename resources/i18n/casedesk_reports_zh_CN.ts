<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Diagnosis, operation or treatment given, state at discharge</source>
        <translation>诊断、手术或已行治疗、出院时情况</translation>
    </message>
    <message>
        <source>Treatment that goes on (or: none)</source>
        <translation>后续治疗（无则填“无”）</translation>
    </message>
    <message>
        <source>Exercise, diet, wound or line care, when to come back</source>
        <translation>功能锻炼、饮食、伤口或导管护理、复诊时间</translation>
    </message>
    <message>
        <source>Handover to the community</source>
        <translation>下转交接（社区）</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>出院小结</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>Rehabilitation instructions</source>
        <translation>康复指导</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Discharge summary</source>
        <translation>出院小结</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>Rehabilitation instructions</source>
        <translation>康复指导</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Attached reports</source>
        <translation>附件报告</translation>
    </message>
    <message>
        <source>Attach report…</source>
        <translation>附加报告…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No reports attached</source>
        <translation>暂无附件报告</translation>
    </message>
    <message>
        <source>on its way (arrives with the next sync)</source>
        <translation>传输中（下次同步后可打开）</translation>
    </message>
    <message>
        <source>Attach a report</source>
        <translation>附加报告</translation>
    </message>
    <message>
        <source>Reports (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>报告 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No program on this computer opens {name}. It is saved at {path}.</source>
        <translation>本机没有能打开 {name} 的程序。文件已保存在 {path}。</translation>
    </message>
    <message>
        <source>Remove report</source>
        <translation>移除报告</translation>
    </message>
    <message>
        <source>Remove {name} from this referral? Both organisations stop seeing it.</source>
        <translation>要从此转诊单移除 {name} 吗？双方机构都将不再看到它。</translation>
    </message>
</context>
</TS>
