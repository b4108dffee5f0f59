<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="116" />
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="117" />
        <source>Waiting to sync</source>
        <translation>待同步</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119" />
        <source>Rejected</source>
        <translation>被拒</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="149" />
        <source>Quick add</source>
        <translation>快速添加</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="152" />
        <source>A note (Ctrl+N)</source>
        <translation>记录（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="153" />
        <source>A phone call record (Ctrl+L)</source>
        <translation>电话记录（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="154" />
        <source>What happened? The first line becomes the title.</source>
        <translation>发生了什么？第一行将作为标题。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="155" />
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="156" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/patient/note_editor.py" line="157" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PatientHeaderPanel</name>
    <message>
        <location filename="../../ui/patient/header.py" line="142" />
        <source>{sex} · {age} years</source>
        <translation>{sex} · {age}岁</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="144" />
        <source>ID</source>
        <translation>身份证</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="145" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="146" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="147" />
        <source>Family doctor</source>
        <translation>家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="149" />
        <source>Contract signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="151" />
        <source>No contract</source>
        <translation>未签约</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="152" />
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="153" />
        <source>{value} pack-years</source>
        <translation>{value} 包年</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="155" />
        <source>Smoking</source>
        <translation>吸烟</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="156" />
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="157" />
        <source>Occupational exposure</source>
        <translation>职业暴露</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="171" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="193" />
        <source>Warning flag</source>
        <translation>警示标记</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="199" />
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="230" />
        <source>Clinic case manager</source>
        <translation>门诊个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="231" />
        <source>Ward case manager</source>
        <translation>病房个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="232" />
        <source>Community case manager</source>
        <translation>社区个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="250" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="255" />
        <source>due {date}, {days} d overdue</source>
        <translation>截止 {date}，已逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="258" />
        <source>due today</source>
        <translation>今天截止</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" line="260" />
        <source>due {date}</source>
        <translation>截止 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/header.py" />
        <source>case closed</source>
        <translation>个案已结案</translation>
    </message>
</context>
<context>
    <name>PatientLabels</name>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>Lung cancer</source>
        <translation>肺癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Colorectal cancer</source>
        <translation>结直肠癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21" />
        <source>Breast cancer</source>
        <translation>乳腺癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Cervical cancer</source>
        <translation>宫颈癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Stomach cancer</source>
        <translation>胃癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Liver cancer</source>
        <translation>肝癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25" />
        <source>Oesophageal cancer</source>
        <translation>食管癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Prostate cancer</source>
        <translation>前列腺癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Thyroid cancer</source>
        <translation>甲状腺癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>Nasopharyngeal cancer</source>
        <translation>鼻咽癌</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Prevent</source>
        <translation>防</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>Screen</source>
        <translation>筛</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>Diagnose</source>
        <translation>诊</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Treat</source>
        <translation>治</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Rehab</source>
        <translation>康</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Support</source>
        <translation>帮</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Prevention</source>
        <translation>预防</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47" />
        <location filename="../../ui/labels.py" line="57" />
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <location filename="../../ui/labels.py" line="61" />
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50" />
        <source>Rehabilitation</source>
        <translation>康复</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51" />
        <source>Support and palliative care</source>
        <translation>帮扶与安宁疗护</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58" />
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59" />
        <source>Examination</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>MDT</source>
        <translation>MDT会诊</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65" />
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66" />
        <source>Stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72" />
        <source>Low risk</source>
        <translation>低危</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73" />
        <source>Medium risk</source>
        <translation>中危</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74" />
        <source>High risk</source>
        <translation>高危</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81" />
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>PatientView</name>
    <message>
        <location filename="../../ui/patient/view.py" line="127" />
        <source>{name} — Patient</source>
        <translation>{name} — 患者</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="128" />
        <source>Patient actions</source>
        <translation>患者操作</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="129" />
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="130" />
        <source>Add a note to the timeline (Ctrl+N)</source>
        <translation>在时间线上添加记录（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="131" />
        <source>Phone call</source>
        <translation>电话记录</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="132" />
        <source>Record a phone call (Ctrl+L)</source>
        <translation>记录一次电话（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="133" />
        <source>Comes with a later update.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="134" />
        <source>Change stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="135" />
        <source>Schedule follow-up</source>
        <translation>安排随访</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="136" />
        <source>New referral</source>
        <translation>新建转诊</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="137" />
        <source>Request MDT</source>
        <translation>申请MDT</translation>
    </message>
    <message>
        <location filename="../../ui/patient/view.py" line="138" />
        <source>Print letter</source>
        <translation>打印信函</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="22" />
        <source>Change stage</source>
        <translation>变更阶段</translation>
    </message>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="28" />
        <source>Why does the stage change? (recorded on the timeline)</source>
        <translation>为什么变更阶段？（将记录在时间线上）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="34" />
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="35" />
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="36" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/patient/stage_dialog.py" line="54" />
        <source> (back)</source>
        <translation>（回退）</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../ui/patient/timeline.py" line="241" />
        <source>Today · {date}</source>
        <translation>今天 · {date}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="243" />
        <source>Yesterday · {date}</source>
        <translation>昨天 · {date}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/patient/timeline.py" line="244" />
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="248" />
        <source>No events yet. Press Ctrl+N to add a note.</source>
        <translation>暂无事件。按 Ctrl+N 添加记录。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="250" />
        <source>No events of the types shown. Use Show all to see every event.</source>
        <translation>所选类型没有事件。点击“显示全部”查看所有事件。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="255" />
        <source>Select an event to read it in full.</source>
        <translation>选择一个事件查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="261" />
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="263" />
        <source>Recorded by: {author}</source>
        <translation>记录人：{author}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="272" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="273" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="273" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="273" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="274" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="274" />
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="277" />
        <source>Show or hide {kind} events</source>
        <translation>显示或隐藏“{kind}”事件</translation>
    </message>
    <message>
        <location filename="../../ui/patient/timeline.py" line="278" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
</context>
</TS>