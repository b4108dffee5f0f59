<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="156" />
        <source>Resolving…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="176" />
        <source>Settle a conflict</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="178" />
        <source>{record} was changed here and on the server. Choose which value to keep for each field; fields that belong together are kept together.</source>
        <translation>{record}在本机和服务器上都被修改了。请逐项选择要保留的值；相互关联的项目只能一起保留。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="180" />
        <source>{record} was deleted here but changed on the server. Delete it, or keep it with the server's changes?</source>
        <translation>{record}在本机被删除，但在服务器上被修改了。删除它，还是保留服务器上的修改？</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="182" />
        <source>{record} was deleted on the server, so this desktop's change cannot be kept. Copy anything you still need, then take the server's version.</source>
        <translation>{record}已在服务器上删除，本机的修改无法保留。请先抄下仍需要的内容，再采用服务器的版本。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="188" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="189" />
        <source>This desktop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="190" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="195" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="196" />
        <source>Delete it</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="198" />
        <source>Keep it (changed there: {fields})</source>
        <translation>保留（服务器上改了：{fields}）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="204" />
        <source>Also in this change, sent again as they are: {fields}</source>
        <translation>本次修改中的其他项目将照原样重新发送：{fields}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="207" />
        <source>Keep all mine</source>
        <translation>全部保留本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="208" />
        <source>Take all from the server</source>
        <translation>全部采用服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="209" />
        <source>Resolve</source>
        <translation>确定处理</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="214" />
        <source>Who changed it on the server is not known.</source>
        <translation>不知道服务器上是谁修改的。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="215" />
        <source>a colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="217" />
        <source>this desktop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="218" />
        <source>desktop {code}</source>
        <translation>终端 {code}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" line="219" />
        <source>On the server: changed by {name} on {time}, from {desktop}.</source>
        <translation>服务器上：{name} 于 {time} 在{desktop}修改。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Pathway stage, next step and closing</source>
        <translation>路径阶段、下一步与结案</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Referral step (state, times, appointment, reasons)</source>
        <translation>转诊进度（状态、时间、预约、原因）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Referral route (direction, from, to, department, green channel)</source>
        <translation>转诊路线（方向、转出、转入、科室、绿色通道）</translation>
    </message>
    <message>
        <source>Examination booking (slot, state, attendance, reason)</source>
        <translation>检查预约（号源、状态、到检、原因）</translation>
    </message>
    <message>
        <source>Examination slot (time, length, places, place)</source>
        <translation>检查号源（时间、时长、名额、地点）</translation>
    </message>
    <message>
        <source>Household health supervisor (who and phone)</source>
        <translation>家庭健康监督员（人员及电话）</translation>
    </message>
    <message>
        <source>Down-referral handover (discharge summary, treatment plan, rehabilitation)</source>
        <translation>下转交接（出院小结、治疗方案、康复指导）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Follow-up result (status, date, method, attempts, outcome)</source>
        <translation>随访结果（状态、日期、方式、次数、结局）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Task closing (state, time, note)</source>
        <translation>任务完成情况（状态、时间、说明）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>MDT progress (state, checklist, session, decision)</source>
        <translation>MDT 进度（状态、资料清单、会诊时间、决定）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>ID number, date of birth and sex</source>
        <translation>身份证号、出生日期与性别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Name and its pinyin</source>
        <translation>姓名及拼音</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Address, community and family doctor</source>
        <translation>住址、社区与家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Screening result (day, result, details)</source>
        <translation>筛查结果（日期、结果、详情）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>{group}
(kept together)</source>
        <translation>{group}
（须一起保留）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_dialog.py" />
        <source>Next step: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
</context>
<context>
    <name>FirstSyncDialog</name>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="95" />
        <source>First sync</source>
        <translation>首次同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="96" />
        <source>Downloading this desktop's patients and cases from the server for the first time. You can keep working meanwhile.</source>
        <translation>正在首次从服务器下载本机的患者和个案。下载期间可以继续工作。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="98" />
        <source>Resuming: changes up to {number} arrived in an earlier attempt and are kept; the download continues after them.</source>
        <translation>继续下载：上次已收到第 {number} 号及之前的变更并已保留，本次从其后继续。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="101" />
        <source>Change {cursor} of {watermark}</source>
        <translation>第 {cursor} / {watermark} 号变更</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="102" />
        <source>Asking the server…</source>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="107" />
        <source>The download stopped: {problem} What arrived is kept; the next attempt continues after change {cursor}.</source>
        <translation>下载中断：{problem}已收到的数据已保留，下次将从第 {cursor} 号变更之后继续。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="111" />
        <source>Done: this desktop is up to date.</source>
        <translation>完成：本机数据已是最新。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="113" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="115" />
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../ui/sync/progress_dialog.py" line="115" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IdentityStatus</name>
    <message>
        <location filename="../../ui/status_bar.py" line="147" />
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="149" />
        <source>User: {name} · {station}</source>
        <translation>当前用户：{name} · {station}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="151" />
        <source>User: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="62" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="65" />
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="100" />
        <source>Sign in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="101" />
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="102" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="103" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="104" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Changed here and on the server</source>
        <translation>本机和服务器上都改过</translation>
    </message>
    <message>
        <source>Deleted here, changed on the server</source>
        <translation>本机已删除，服务器上有修改</translation>
    </message>
    <message>
        <source>Deleted on the server, changed here</source>
        <translation>服务器上已删除，本机有修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="29" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="30" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="31" />
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="32" />
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="33" />
        <source>Fields</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="34" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="35" />
        <source>Server's reason</source>
        <translation>服务器的理由</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="95" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_model.py" line="98" />
        <source>+{count} more</source>
        <translation>等 {count} 项</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="149" />
        <source>Discard my change</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="150" />
        <source>Discard this desktop's change to {record}? The server's version comes back and your change is gone.</source>
        <translation>放弃本机对{record}的修改？将恢复服务器上的版本，您的修改会被丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="172" />
        <source>Changes waiting</source>
        <translation>待同步的更改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="175" />
        <source>Nothing is waiting: every change on this desktop is on the server.</source>
        <translation>没有待同步的更改：本机的所有修改都已在服务器上。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="177" />
        <source>{pending} waiting to be sent · {conflict} conflicts · {rejected} rejected. Conflicts and rejected changes need you; the rest goes with the next sync.</source>
        <translation>{pending} 项等待发送 · {conflict} 项冲突 · {rejected} 项被拒绝。冲突和被拒绝的更改需要您处理，其余的会在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="181" />
        <source>Settle conflict…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="182" />
        <source>Correct and resend…</source>
        <translation>修改后重新发送…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="183" />
        <source>Discard my change…</source>
        <translation>放弃我的修改…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="184" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" line="185" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/outbox_view.py" />
        <source>Discard these %n changes of this desktop? The server's versions come back and the changes are gone.</source>
        <translation>
            <numerusform>放弃本机的这 %n 项更改吗？服务器上的版本会恢复，这些更改将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/outbox_view.py" />
        <source>Discarding: %1 of %2…</source>
        <translation>正在放弃：第 %1 项，共 %2 项…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message numerus="yes">
        <source>Send these %n refused changes again as they are? Do this once their cause is mended (for example the administrator corrected the organisation tree); otherwise the server refuses them again.</source>
        <translation>
            <numerusform>按原样重新发送这 %n 项被拒的更改吗？请在原因已解决后再发送（例如管理员已更正机构树），否则服务器会再次拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Queuing again: %1 of %2…</source>
        <translation>正在重新排队：第 %1 项，共 %2 项…</translation>
    </message>
    <message>
        <source>Send again as they are…</source>
        <translation>按原样重新发送…</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="92" />
        <source>Cannot read this value: {reason}</source>
        <translation>无法识别这个值：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="113" />
        <source>Correct and send again</source>
        <translation>修改后重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="115" />
        <source>The server did not accept this change to {record}.</source>
        <translation>服务器没有接受对{record}的这次修改。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="117" />
        <source>The server did not accept deleting {record}.</source>
        <translation>服务器没有接受删除{record}。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="118" />
        <source>Server's reason: {reason}</source>
        <translation>服务器的理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="120" />
        <source>Before your change: {value}</source>
        <translation>修改前：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="123" />
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/resend_dialog.py" line="124" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/settings/pages.py" line="145" />
        <source>Enter the server address first.</source>
        <translation>请先输入服务器地址。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="189" />
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="190" />
        <source>Signed in as {name}.</source>
        <translation>已登录为 {name}。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="191" />
        <source>Not signed in on this desktop.</source>
        <translation>本机尚未登录。</translation>
    </message>
    </context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/status_bar.py" line="88" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="109" />
        <source>{count} need attention</source>
        <translation>{count} 项需处理</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="110" />
        <source>Conflicts and rejected changes: click to settle them</source>
        <translation>冲突和被拒绝的更改：点击处理</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="112" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="113" />
        <source>Sync with the server now (F5)</source>
        <translation>立即与服务器同步（F5）</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../ui/sync/wiring.py" line="132" />
        <source>Changes &amp;waiting…</source>
        <translation>待同步的更改(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/wiring.py" line="133" />
        <source>Sign &amp;in to the server…</source>
        <translation>登录服务器(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../ui/sync/words.py" line="23" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="24" />
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="25" />
        <source>Timeline entry</source>
        <translation>时间线记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="26" />
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="27" />
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="28" />
        <source>MDT request</source>
        <translation>MDT 申请</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="29" />
        <source>Screening</source>
        <translation>筛查</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="30" />
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="31" />
        <source>Organisation unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="32" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="38" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="39" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="40" />
        <location filename="../../ui/sync/words.py" line="77" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="46" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="47" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="48" />
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="49" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="50" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="51" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="52" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="53" />
        <source>Family doctor</source>
        <translation>家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="54" />
        <source>Family doctor contract</source>
        <translation>家庭医生签约</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="55" />
        <source>Smoking (pack-years)</source>
        <translation>吸烟（包年）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="56" />
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="57" />
        <source>Occupational exposure</source>
        <translation>职业暴露</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="58" />
        <source>Warnings</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="59" />
        <source>Cancer type</source>
        <translation>癌种</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="60" />
        <source>Pathway stage</source>
        <translation>路径阶段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="61" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="62" />
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="63" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="64" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="65" />
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="66" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="67" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="68" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="69" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="70" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="71" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="72" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="73" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="74" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="75" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="76" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="90" />
        <source>Patient {name}</source>
        <translation>患者{name}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="91" />
        <source>{what} of {patient}</source>
        <translation>{patient}的{what}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="107" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="109" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="109" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Sent</source>
        <translation>发出时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Reason for the delay</source>
        <translation>超时原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Direction</source>
        <translation>转诊方向</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>To</source>
        <translation>转至机构</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>From</source>
        <translation>转出机构</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Clinical summary</source>
        <translation>病情摘要</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Requested examinations</source>
        <translation>申请检查</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Specialties</source>
        <translation>参与科室</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Session</source>
        <translation>会诊时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Decided</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Screened on</source>
        <translation>筛查日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Programme</source>
        <translation>筛查项目</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Reason for reprinting</source>
        <translation>重印原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Unit</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Clinic case manager</source>
        <translation>门诊个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Community case manager</source>
        <translation>属地个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Specialist case manager</source>
        <translation>专病个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/sync/words.py" line="83"/>
        <source>Opened</source>
        <translation>建档时间</translation>
    </message>
</context>
</TS>