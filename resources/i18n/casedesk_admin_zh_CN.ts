<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="196" />
        <source>Enter the login name and the name, and choose the unit.</source>
        <translation>请填写登录名和姓名，并选择所属机构。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="206" />
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="207" />
        <source>&amp;Login name:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="207" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="207" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="208" />
        <source>&amp;Unit:</source>
        <translation>机构(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="208" />
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="210" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="211" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin/dialog.py" line="55" />
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="56" />
        <source>People</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="56" />
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="56" />
        <source>Desktops</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="57" />
        <source>Security log</source>
        <translation>安全日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="57" />
        <source>Published files</source>
        <translation>发布文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialog.py" line="59" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AdminEntry</name>
    <message>
        <location filename="../../ui/admin/entry.py" line="73" />
        <source>&amp;Administration…</source>
        <translation>管理(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../ui/admin/base.py" line="170" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/admin/base.py" line="202" />
        <source>Refused: {count} problems, nothing was changed.</source>
        <translation>被拒绝：共 {count} 处问题，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <location filename="../../ui/admin/words.py" line="10" />
        <source>Clinic case manager</source>
        <translation>一体化门诊个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="11" />
        <source>Ward case manager</source>
        <translation>专病个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="12" />
        <source>Community case manager</source>
        <translation>属地个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="13" />
        <source>Family doctor</source>
        <translation>家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="14" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="18" />
        <source>Prevention centre</source>
        <translation>防治中心</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="19" />
        <source>Sub-centre</source>
        <translation>分中心</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="20" />
        <source>Street station</source>
        <translation>街道工作站</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="21" />
        <source>Community point</source>
        <translation>社区防治点</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="22" />
        <source>Partner hospital</source>
        <translation>协作医院</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="26" />
        <source>Signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="27" />
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="28" />
        <source>Sign-ins slowed down</source>
        <translation>登录被限速</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="29" />
        <source>Sign-in used twice</source>
        <translation>登录凭据被重复使用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="30" />
        <source>Desktop refused</source>
        <translation>设备被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="31" />
        <source>Change refused</source>
        <translation>修改被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="32" />
        <source>Outside the person's scope</source>
        <translation>超出本人权限范围</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="33" />
        <source>Audit trail refused</source>
        <translation>审计记录被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="34" />
        <source>Desktop clock off</source>
        <translation>设备时钟偏差</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="35" />
        <source>Invalid sign-in token</source>
        <translation>无效的登录令牌</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="36" />
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="37" />
        <source>New password refused</source>
        <translation>新密码被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="38" />
        <source>Server initialised</source>
        <translation>服务器已初始化</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="39" />
        <source>Person added</source>
        <translation>已添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="40" />
        <source>Person updated</source>
        <translation>已更新人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="41" />
        <source>Person disabled</source>
        <translation>已停用人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="42" />
        <source>Person enabled</source>
        <translation>已启用人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="43" />
        <source>Password reset</source>
        <translation>已重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="44" />
        <source>Staff list imported</source>
        <translation>已导入人员名单</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="45" />
        <source>Organisation tree imported</source>
        <translation>已导入机构树</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="46" />
        <source>Desktop withdrawn</source>
        <translation>已收回设备</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="47" />
        <source>Withdrawn desktop erased</source>
        <translation>已收回的设备已清除数据</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="48" />
        <source>File published</source>
        <translation>已发布文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="49" />
        <source>File withdrawn</source>
        <translation>已撤回文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="50" />
        <source>Administration refused</source>
        <translation>管理操作被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="54" />
        <source>Pathway rules</source>
        <translation>路径规则</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="55" />
        <source>Risk rules</source>
        <translation>风险规则</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="56" />
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="57" />
        <source>Letter template</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="67" />
        <source>by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="68" />
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="69" />
        <source>unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="70" />
        <source>sign-ins ended</source>
        <translation>终止的登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="71" />
        <source>failures in a row</source>
        <translation>连续失败次数</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="72" />
        <source>sign-in series</source>
        <translation>登录系列</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="73" />
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="74" />
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="75" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="76" />
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="77" />
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="78" />
        <source>method</source>
        <translation>请求方式</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="79" />
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="80" />
        <source>wait (s)</source>
        <translation>需等待（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="81" />
        <source>rules not met</source>
        <translation>未满足的规则</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="82" />
        <source>clock off by (s)</source>
        <translation>时钟偏差（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="83" />
        <source>table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="84" />
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="85" />
        <source>operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="86" />
        <source>desktop code</source>
        <translation>设备编码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="87" />
        <source>unsigned</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="88" />
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="89" />
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="90" />
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="91" />
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="92" />
        <source>not in the file</source>
        <translation>文件中没有</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="93" />
        <source>made inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="94" />
        <source>counts</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="95" />
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="100" />
        <source>one-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="101" />
        <source>password expired</source>
        <translation>密码已过期</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="102" />
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="103" />
        <source>too few kinds of characters</source>
        <translation>字符种类不足</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="104" />
        <source>contains the login name</source>
        <translation>包含登录名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="105" />
        <source>used recently</source>
        <translation>近期用过</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="106" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="107" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="125" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/admin/words.py" line="126" />
        <source>{key}: {value}</source>
        <translation>{key}：{value}</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="40" />
        <source>Withdrawn {when}</source>
        <translation>已于 {when} 收回</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="41" />
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="61" />
        <source>The desktop “{name}” was withdrawn; {tokens} sign-in(s) ended.</source>
        <translation>设备“{name}”已收回；已终止 {tokens} 个登录凭据。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="66" />
        <source>Withdraw desktop</source>
        <translation>收回设备</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="67" />
        <source>Withdraw the desktop “{name}” of {person}? Its sign-ins end now, and at its next contact it erases its profile (unsynced changes on it are lost). This cannot be undone.</source>
        <translation>确定收回 {person} 的设备“{name}”吗？其登录立即失效，下次连接服务器时该设备会清除本机档案（其中尚未同步的修改将丢失）。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="71" />
        <source>Withdraw</source>
        <translation>收回</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="74" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="75" />
        <source>&amp;Withdraw…</source>
        <translation>收回(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="76" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="76" />
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="76" />
        <source>CaseDesk version</source>
        <translation>CaseDesk 版本</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="77" />
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="77" />
        <source>Last address</source>
        <translation>最近地址</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="77" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="78" />
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_tab.py" line="78" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="42" />
        <source>No file is published: every desktop uses the files CaseDesk comes with.</source>
        <translation>尚未发布任何文件：各设备使用 CaseDesk 自带的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="47" />
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="58" />
        <source>Publish a file</source>
        <translation>发布文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="59" />
        <source>Rule, holiday and letter files (*.toml *.txt)</source>
        <translation>规则、节假日和文书文件 (*.toml *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="67" />
        <source>{file} published as version {version}: every desktop receives it with its next sync.</source>
        <translation>{file} 已发布（版本 {version}）：各设备将在下次同步时收到。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="72" />
        <source>Publishing {file}: the server checks it…</source>
        <translation>正在发布 {file}：服务器正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="82" />
        <source>{file} was withdrawn.</source>
        <translation>{file} 已撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="86" />
        <source>Withdraw file</source>
        <translation>撤回文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="87" />
        <source>Withdraw {file}? Desktops go back to the file CaseDesk comes with (or an earlier published one) at their next sync.</source>
        <translation>确定撤回 {file} 吗？各设备将在下次同步时恢复使用 CaseDesk 自带的文件（或之前发布的版本）。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="88" />
        <source>Withdraw</source>
        <translation>收回</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="91" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="92" />
        <source>&amp;Publish file…</source>
        <translation>发布文件(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="93" />
        <source>&amp;Withdraw…</source>
        <translation>收回(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="94" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="94" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="94" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="95" />
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="95" />
        <source>By</source>
        <translation>发布人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="95" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/admin/files_tab.py" line="96" />
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="56" />
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="64" />
        <source>The newest {count} events are shown: narrow the days or the person.</source>
        <translation>仅显示最新的 {count} 条事件：请缩小日期范围或指定人员。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="67" />
        <source>No events for this person and these days.</source>
        <translation>该人员在这些日期内没有事件。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="87" />
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="88" />
        <source>login name (all if empty)</source>
        <translation>登录名（留空为全部）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="89" />
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="90" />
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="91" />
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="92" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="92" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="92" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="93" />
        <source>Desktop</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="93" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="93" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/log_tab.py" line="94" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <location filename="../../ui/admin/one_time.py" line="68" />
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/one_time.py" line="69" />
        <source>One-time password for {username}:</source>
        <translation>{username} 的一次性密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/one_time.py" line="70" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/one_time.py" line="71" />
        <source>Copied. The clipboard is cleared when this window closes.</source>
        <translation>已复制。关闭此窗口时将清空剪贴板。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/one_time.py" line="72" />
        <source>It is shown only now and is not kept on this desktop. Give it to the person in private; they must change it when they first sign in.</source>
        <translation>此密码仅显示这一次，本机不保存。请私下交给本人；本人首次登录时必须修改。</translation>
    </message>
</context>
<context>
    <name>OrgTab</name>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="52" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="52" />
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="68" />
        <source>Import the organisation tree</source>
        <translation>导入机构树</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="69" />
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="77" />
        <source>{file} imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} 已导入：新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="80" />
        <source>Not in the file, kept: {codes}.</source>
        <translation>文件中没有、予以保留的机构：{codes}。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="82" />
        <source>Marked inactive: {codes}.</source>
        <translation>已标为停用：{codes}。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="87" />
        <source>Importing {file}: the server checks every line…</source>
        <translation>正在导入 {file}：服务器正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="90" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="91" />
        <source>&amp;Import file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="92" />
        <source>Mark units missing from the file inactive</source>
        <translation>将文件中没有的机构标为停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="93" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="93" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="93" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="93" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="94" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="94" />
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/org_tab.py" line="94" />
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="62" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="62" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="63" />
        <source>{state}, must change password</source>
        <translation>{state}，须修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="93" />
        <source>{username} was added.</source>
        <translation>已添加 {username}。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="111" />
        <source>{username} was enabled.</source>
        <translation>已启用 {username}。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="111" />
        <source>{username} was disabled.</source>
        <translation>已停用 {username}。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="119" />
        <location filename="../../ui/admin/users_tab.py" line="121" />
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="119" />
        <source>Disable {name} ({username})? Their sign-ins end at once on every desktop.</source>
        <translation>确定停用 {name}（{username}）吗？其在所有设备上的登录将立即失效。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="131" />
        <source>The password of {username} was reset.</source>
        <translation>{username} 的密码已重置。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="136" />
        <location filename="../../ui/admin/users_tab.py" line="138" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="137" />
        <source>Give {name} ({username}) a new one-time password? Their sign-ins end at once.</source>
        <translation>确定为 {name}（{username}）生成新的一次性密码吗？其登录将立即失效。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="147" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="148" />
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="149" />
        <source>&amp;Disable…</source>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="150" />
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="151" />
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="152" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="152" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="152" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="153" />
        <source>Unit</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="153" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="153" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_tab.py" line="154" />
        <source>Password changed</source>
        <translation>密码修改时间</translation>
    </message>
</context>
</TS>