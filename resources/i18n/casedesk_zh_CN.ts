<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="45"/>
        <source>About CaseDesk</source>
        <translation>关于 CaseDesk</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="46"/>
        <source>CaseDesk Case Management Workstation</source>
        <translation>CaseDesk 个案管理工作站</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="47"/>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="48"/>
        <source>Chinese text uses the bundled fonts {font}.</source>
        <translation>中文显示使用随附字体：{font}。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/settings/password.py" line="162"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="163"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="162"/>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="165"/>
        <source>At least 8 characters, with three of: lower-case letters, capital letters, digits, other signs; not containing your login name; not one of your last five passwords.</source>
        <translation>至少 8 个字符，包含小写字母、大写字母、数字、其他符号中的三类；不得包含您的登录名；不得与最近五次用过的密码相同。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="169"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="161"/>
        <location filename="../../ui/settings/password.py" line="168"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="104"/>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="95"/>
        <source>Enter your current password and the new one.</source>
        <translation>请输入当前密码和新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="163"/>
        <source>New password &amp;again:</source>
        <translation>再次输入新密码(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../ui/settings/pages.py" line="110"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="121"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="122"/>
        <source>&amp;Text size:</source>
        <translation>文字大小(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="123"/>
        <source>Small</source>
        <translation>小</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="123"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="123"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="124"/>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="127"/>
        <source>Language and text size change as soon as you press Apply or OK.</source>
        <translation>按“应用”或“确定”后，界面语言和文字大小立即改变。</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <location filename="../../ui/settings/pages.py" line="271"/>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="280"/>
        <source>The letterhead is printed at the top of every letter; it cannot be empty.</source>
        <translation>信头打印在每封信函的顶部，不能为空。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="282"/>
        <source>The letterhead is too long ({count} characters, at most {limit}).</source>
        <translation>信头过长（{count} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="294"/>
        <source>Letter&amp;head:</source>
        <translation>信头(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="295"/>
        <source>&amp;Paper size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="168"/>
        <source>Start a new, empty profile for this server</source>
        <translation>为此服务器新建一个空配置</translation>
    </message>
    <message>
        <location filename="../../ui/sync/login_dialog.py" line="187"/>
        <source>Change the password now…</source>
        <translation>立即修改密码…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>CaseDesk Case Management Workstation</source>
        <translation>CaseDesk 个案管理工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>{title} — demo data (DEMO)</source>
        <translation>{title} — 演示数据 (DEMO)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>Sync now (no server configured)</source>
        <translation>立即同步（未配置服务器）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;About CaseDesk</source>
        <translation>关于 CaseDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/pages.py" line="31"/>
        <source>Worklist</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="32"/>
        <source>Follow-up calendar</source>
        <translation>随访日历</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="33"/>
        <source>Referrals</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="34"/>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="35"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="43"/>
        <source>Today's work for your patients: overdue follow-ups, results to review and referrals waiting for a reply, most urgent first.</source>
        <translation>您负责患者的今日工作：逾期随访、待查看的检查结果和等待回复的转诊，最紧急的排在最前。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="46"/>
        <source>Follow-up appointments by day and by week, with public holidays and make-up working days marked.</source>
        <translation>按日、按周查看随访预约，并标出法定节假日和调休工作日。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="49"/>
        <source>Referrals between township health centres, the county hospital and the cancer centre, and where each one stands.</source>
        <translation>乡镇卫生院、县医院与肿瘤防治中心之间的转诊，以及每一例转诊的进展。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="52"/>
        <source>Appointment and follow-up letters on your letterhead, one at a time or in batches.</source>
        <translation>使用本单位信头打印预约信和随访信，可逐封打印，也可批量打印。</translation>
    </message>
    <message>
        <location filename="../../ui/pages.py" line="55"/>
        <source>Figures for your area: patients on each pathway, follow-ups done on time and referrals completed.</source>
        <translation>本辖区统计：各诊疗路径的患者数、按时完成的随访和已完成的转诊。</translation>
    </message>
</context>
<context>
    <name>PasswordRuleWords</name>
    <message>
        <location filename="../../ui/settings/password.py" line="51"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="51"/>
        <source>Also: {rules}.</source>
        <translation>此外：{rules}。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="49"/>
        <source>contains the login name</source>
        <translation>包含登录名</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="48"/>
        <source>too few kinds of characters</source>
        <translation>字符种类不足</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="47"/>
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <location filename="../../ui/settings/password.py" line="50"/>
        <source>used recently</source>
        <translation>近期用过</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../ui/placeholder.py" line="52"/>
        <source>{title} — coming soon</source>
        <translation>{title} — 即将推出</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <location filename="../../ui/settings/pages.py" line="243"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="252"/>
        <source>&amp;Lock after idle:</source>
        <translation>空闲锁定(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="253"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="254"/>
        <source>The workstation locks after this many minutes without use; patient data stays hidden until you unlock it.</source>
        <translation>工作站在无人操作达到该分钟数后自动锁定；解锁前患者资料不会显示。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/dialog.py" line="84"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>无法保存设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/dialog.py" line="94"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="77"/>
        <source>CaseDesk cannot start</source>
        <translation>CaseDesk 无法启动</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="101"/>
        <source>Preparing demo data…</source>
        <translation>正在准备演示数据…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="102"/>
        <source>CaseDesk first start</source>
        <translation>CaseDesk 首次启动</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/settings/pages.py" line="183"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="197"/>
        <source>The server address must start with http:// or https://, for example https://casedesk.example.org.</source>
        <translation>服务器地址须以 http:// 或 https:// 开头，例如 https://casedesk.example.org。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="204"/>
        <source>A user name has no spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="206"/>
        <source>Enter your user name on this server.</source>
        <translation>请输入您在该服务器上的用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="217"/>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="218"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="226"/>
        <source>Leave the address empty to work offline. Your password is never stored here: you give it when you sign in.</source>
        <translation>地址留空即离线工作。密码不会保存在这里，登录时再输入。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="221"/>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/pages.py" line="225"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/status_bar.py" line="91"/>
        <source>Sync failed · {error}</source>
        <translation>同步失败 · {error}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="94"/>
        <source>Online · last sync {time}</source>
        <translation>在线 · 上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="95"/>
        <source>Online · not synced yet</source>
        <translation>在线 · 尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="99"/>
        <source>Offline · last sync {time}</source>
        <translation>离线 · 上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="101"/>
        <source>Offline · local demo profile</source>
        <translation>离线 · 本地演示配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="103"/>
        <source>Offline · local profile</source>
        <translation>离线 · 本地配置</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="107"/>
        <source>{count} waiting</source>
        <translation>待同步 {count}</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="108"/>
        <source>Local changes not yet sent to the server</source>
        <translation>尚未发送到服务器的本地更改</translation>
    </message>
</context>
</TS>
