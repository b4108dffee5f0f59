<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BreachDialog</name>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="133" />
        <source>Why was the 24-hour target missed?</source>
        <translation>为什么没有在24小时内完成？</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="135" />
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="136" />
        <source>Reason code</source>
        <translation>原因代码</translation>
    </message>
</context>
<context>
    <name>CountdownLabel</name>
    <message>
        <location filename="../../ui/referrals/detail.py" line="42" />
        <source>Clock starts when sent</source>
        <translation>发送后开始计时</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="47" />
        <source>reason needed</source>
        <translation>需填写原因</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/referrals/detail.py" line="84" />
        <source>Select a referral to see it here.</source>
        <translation>选择一张转诊单在此查看。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="90" />
        <source>Direction</source>
        <translation>转诊方向</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="91" />
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="92" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="93" />
        <source>From</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="94" />
        <source>To</source>
        <translation>接诊机构</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="95" />
        <source>Reason</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="96" />
        <source>Question</source>
        <translation>提请协助的问题</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="97" />
        <source>Clinical summary</source>
        <translation>病情摘要</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="98" />
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="99" />
        <source>Requested exams</source>
        <translation>建议检查</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="100" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="101" />
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="103" />
        <source>State reason</source>
        <translation>状态原因</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/detail.py" line="104" />
        <source>Delay reason</source>
        <translation>超时原因</translation>
    </message>
</context>
<context>
    <name>MdtDialog</name>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="54" />
        <source>Choose the plan…</source>
        <translation>请选择治疗方案…</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="42" />
        <source>MDT request for {name}</source>
        <translation>{name}的MDT会诊申请</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="60" />
        <source>Save request</source>
        <translation>保存申请</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="61" />
        <source>Book this session</source>
        <translation>预约该时段</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="62" />
        <source>Record decision</source>
        <translation>记录会诊决定</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="63" />
        <source>Cancel request…</source>
        <translation>取消申请…</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="70" />
        <source>Question for the panel</source>
        <translation>提请会诊的问题</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="73" />
        <source>Specialties needed</source>
        <translation>需要的专科</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="79" />
        <source>Ready for discussion</source>
        <translation>会诊准备</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="87" />
        <source>Sessions (places left)</source>
        <translation>会诊时段（剩余名额）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="93" />
        <source>Decision</source>
        <translation>会诊决定</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="95" />
        <source>Plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="97" />
        <source>Decision as worded by the panel</source>
        <translation>会诊意见原文</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="117" />
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="118" />
        <source>New request</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="133" />
        <source>{when} · {place} · {free} of {capacity} left</source>
        <translation>{when} · {place} · 剩余 {free}/{capacity}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="175" />
        <source>Choose a session first.</source>
        <translation>请先选择会诊时段。</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="188" />
        <source>Next actions on the case:</source>
        <translation>个案的后续工作：</translation>
    </message>
    <message>
        <location filename="../../ui/patient/mdt_dialog.py" line="195" />
        <source>Cancel MDT request</source>
        <translation>取消MDT申请</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="96" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReferralBoard</name>
    <message>
        <location filename="../../ui/referrals/board.py" line="142" />
        <source>Type or scan the slip's code</source>
        <translation>输入或扫描转诊单编号</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="143" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="147" />
        <source>Delay reason…</source>
        <translation>超时原因…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="148" />
        <source>Edit draft…</source>
        <translation>编辑草稿…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="149" />
        <source>Print slip…</source>
        <translation>打印转诊单…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="150" />
        <source>Open patient</source>
        <translation>打开患者</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="151" />
        <source>No referrals here.</source>
        <translation>这里没有转诊单。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="270" />
        <source>Loop closed; the community follow-up is planned.</source>
        <translation>转诊已闭环，社区随访已安排。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="279" />
        <source>No referral with code {code} on this computer.</source>
        <translation>本机没有编号为 {code} 的转诊单。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" line="282" />
        <source>Found {code}: {name}.</source>
        <translation>已找到 {code}：{name}。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="44" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="45" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="46" />
        <source>Direction</source>
        <translation>转诊方向</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="47" />
        <source>From</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="48" />
        <source>To</source>
        <translation>接诊机构</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="49" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="50" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="51" />
        <source>24-hour clock</source>
        <translation>24小时时限</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="52" />
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="53" />
        <source>Reason</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/model.py" line="166" />
        <source>Green</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" />
        <source>{step} for {name} ({code})? This cannot be taken back.</source>
        <translation>确定对 {name}（{code}）执行“{step}”吗？此操作不能撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" />
        <source>{step}: written in {seconds} s.</source>
        <translation>“{step}”将在 {seconds} 秒后写入。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" />
        <source>{step} undone: nothing was written.</source>
        <translation>已撤销“{step}”，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/board.py" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="55" />
        <source>{name} · {sex} · {age} years</source>
        <translation>{name} · {sex} · {age}岁</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="58" />
        <source>Starts when the referral is sent</source>
        <translation>发送后开始计时</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="63" />
        <source>Green channel: seen the same day</source>
        <translation>绿色通道：当日就诊</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="84" />
        <source>Referral for {name}</source>
        <translation>{name}的转诊单</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="87" />
        <source>Direction</source>
        <translation>转诊方向</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="88" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="88" />
        <source>From</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="89" />
        <source>To</source>
        <translation>接诊机构</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="89" />
        <source>Department</source>
        <translation>接诊科室</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="90" />
        <source>Reason</source>
        <translation>转诊原因</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="90" />
        <source>Question for the receiving doctor</source>
        <translation>请接诊医生协助</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="92" />
        <source>Clinical summary</source>
        <translation>病情摘要</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="93" />
        <source>Findings (from the timeline)</source>
        <translation>检查发现（引自时间线）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="94" />
        <source>Requested examinations</source>
        <translation>建议检查</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="95" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="104" />
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="105" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" line="114" />
        <source>24-hour clock:</source>
        <translation>24小时时限：</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" />
        <source>{name} already has an open referral to {org} ({codes}). Make another one?</source>
        <translation>{name} 已有一张发往 {org} 的未结转诊（{codes}）。仍要再建一张吗？</translation>
    </message>
    <message>
        <location filename="../../ui/patient/referral_dialog.py" />
        <source>Not saved: {name} already has an open referral to {org} ({codes}).</source>
        <translation>未保存：{name} 已有一张发往 {org} 的未结转诊（{codes}）。</translation>
    </message>
</context>
<context>
    <name>ReferralLabels</name>
    <message>
        <location filename="../../ui/referrals/labels.py" line="13" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="14" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="15" />
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="16" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="17" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="18" />
        <source>Scheduled</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="19" />
        <source>Seen</source>
        <translation>已就诊</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="20" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="21" />
        <location filename="../../ui/referrals/labels.py" line="94" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="27" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="28" />
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="29" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="30" />
        <source>Reject…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="31" />
        <source>Schedule…</source>
        <translation>预约…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="32" />
        <source>Patient seen</source>
        <translation>登记就诊</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="33" />
        <source>Close loop</source>
        <translation>闭环关闭</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="34" />
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="40" />
        <source>Up (to hospital)</source>
        <translation>上转（至医院）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="41" />
        <source>Down (to community)</source>
        <translation>下转（至社区）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="47" />
        <source>Up</source>
        <translation>上转</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="48" />
        <source>Down</source>
        <translation>下转</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="54" />
        <source>Routine</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="55" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="61" />
        <source>No appointment free within 24 hours</source>
        <translation>24小时内无号源</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="62" />
        <source>Patient asked for a later date</source>
        <translation>患者要求延后</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="63" />
        <source>Information missing, waiting for it</source>
        <translation>资料不全，等待补充</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="64" />
        <source>Sent at night or on a holiday</source>
        <translation>夜间或节假日发出</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="65" />
        <source>Patient could not be reached</source>
        <translation>联系不上患者</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="66" />
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="72" />
        <source>Incoming</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="73" />
        <source>Outgoing</source>
        <translation>转出</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="74" />
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="80" />
        <source>Pathology</source>
        <translation>病理</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="81" />
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="82" />
        <source>Staging</source>
        <translation>分期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="83" />
        <source>Lab results</source>
        <translation>化验</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="84" />
        <source>Consent</source>
        <translation>知情同意</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="90" />
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="91" />
        <source>Ready to book</source>
        <translation>资料齐备待排期</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="92" />
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="93" />
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="100" />
        <source>Neoadjuvant therapy, then surgery</source>
        <translation>新辅助治疗后手术</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="101" />
        <source>Surgery, then adjuvant therapy</source>
        <translation>手术，术后辅助治疗</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="102" />
        <source>Concurrent chemoradiotherapy</source>
        <translation>同步放化疗</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="103" />
        <source>Targeted therapy</source>
        <translation>靶向治疗</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="104" />
        <source>Surveillance</source>
        <translation>随访观察</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="105" />
        <source>Palliative and supportive care</source>
        <translation>姑息与支持治疗</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="122" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="124" />
        <source>%1 over</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="126" />
        <source>Within 24 h</source>
        <translation>24小时内完成</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" line="128" />
        <source>Late (reason given)</source>
        <translation>已超时（已填原因）</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/labels.py" />
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <location filename="../../ui/referrals/slip.py" line="19" />
        <source>Print again</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/slip.py" line="20" />
        <source>This slip was printed before. Why print it again?</source>
        <translation>该转诊单已打印过。补打原因？</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="107" />
        <source>Appointment for {name}</source>
        <translation>为{name}预约就诊</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="115" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="116" />
        <source>Place</source>
        <translation>就诊地点</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="118" />
        <source>Reason for the delay</source>
        <translation>超时原因</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="120" />
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../ui/referrals/step_dialogs.py" line="120" />
        <source>Not needed: within 24 hours</source>
        <translation>无需填写：未超过24小时</translation>
    </message>
</context>
</TS>