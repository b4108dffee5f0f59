<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Cannot reach the server. Your changes are kept and will be sent when it is back.</source>
      <translation>无法连接服务器。您的更改已保留，服务器恢复后会自动发送。</translation>
    </message>
    <message>
      <source>Cannot reach the server.</source>
      <translation>无法连接服务器。</translation>
    </message>
    <message>
      <source>The server did not answer in time. Your changes are kept; CaseDesk will try again.</source>
      <translation>服务器响应超时。您的更改已保留，CaseDesk 会再试。</translation>
    </message>
    <message>
      <source>The server did not answer in time.</source>
      <translation>服务器响应超时。</translation>
    </message>
    <message>
      <source>The server's answer could not be read. Your changes are kept; CaseDesk will try again.</source>
      <translation>无法读取服务器的回应。您的更改已保留，CaseDesk 会自动重试。</translation>
    </message>
    <message>
      <source>Please sign in to the server (Settings → Sync → Sign in…).</source>
      <translation>请登录服务器（设置 → 同步 → 登录…）。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Too many sign-in attempts. Wait a few minutes, then try again.</source>
      <translation>登录尝试次数过多，请等几分钟后再试。</translation>
    </message>
    <message>
      <source>This account is disabled. Ask an administrator.</source>
      <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
      <source>This desktop profile is registered to another person, so it cannot sign in as you. Use Switch user to work in your own profile.</source>
      <translation>本机的这个个人配置已登记在另一位用户名下，不能以您的账号登录。请用“切换用户”进入您自己的配置。</translation>
    </message>
    <message>
      <source>This profile belongs to {owner}. Use Switch user to work as {username}.</source>
      <translation>这是“{owner}”的个人配置。如需以“{username}”工作，请用“切换用户”。</translation>
    </message>
    <message>
      <source>An administrator has withdrawn this desktop's access to the server. Ask an administrator.</source>
      <translation>管理员已撤销本机访问服务器的权限，请联系系统管理员。</translation>
    </message>
    <message>
      <source>An administrator withdrew this desktop from the server, so the CaseDesk data on it (this profile's database and its key) has been erased. Ask your administrator before working on this computer again.</source>
      <translation>管理员已在服务器上停用本台电脑，因此本机上的 CaseDesk 数据（此配置文件的数据库及其密钥）已被清除。再次在这台电脑上工作前，请先联系管理员。</translation>
    </message>
    <message>
      <source>This CaseDesk is too old or too new for the server. Ask for an update.</source>
      <translation>本机 CaseDesk 版本与服务器不匹配，请联系管理员更新。</translation>
    </message>
    <message>
      <source>The server refused the request (HTTP {status}). Your changes are kept; tell your administrator if this goes on.</source>
      <translation>服务器拒绝了请求（HTTP {status}）。您的更改已保留；如反复出现，请告知系统管理员。</translation>
    </message>
    <message>
      <source>The server is busy. Your changes are kept; CaseDesk will try again shortly.</source>
      <translation>服务器繁忙。您的更改已保留，CaseDesk 稍后会自动重试。</translation>
    </message>
    <message>
      <source>The server ran into a problem. Your changes are kept; tell your administrator if this goes on.</source>
      <translation>服务器出现故障。您的更改已保留；如反复出现，请告知系统管理员。</translation>
    </message>
    <message>
      <source>The system keyring is locked or missing, so the sign-in cannot be kept. Unlock it and try again.</source>
      <translation>系统密钥环已锁定或不可用，无法保存登录。请解锁后重试。</translation>
    </message>
    <message>
      <source>No server is set up. Enter its address in Settings → Sync.</source>
      <translation>没有配置服务器。请在 设置 → 同步 中输入服务器地址。</translation>
    </message>
    <message>
      <source>Sync stopped because of an unexpected problem. Your changes are kept.</source>
      <translation>同步因意外问题中断。您的更改已保留。</translation>
    </message>
    <message>
      <source>The server did not accept this change and gave no reason this CaseDesk can show. Correct it and send it again, or discard it.</source>
      <translation>服务器未接受这项更改，且未给出本机能显示的原因。请修改后重新发送，或放弃此更改。</translation>
    </message>
    <message>
      <source>Your sign-in has ended. Please sign in to the server again (Settings → Sync → Sign in…).</source>
      <translation>登录已失效，请重新登录服务器（设置 → 同步 → 登录…）。</translation>
    </message>
    <message>
      <source>This sign-in belongs to another desktop. Please sign in again.</source>
      <translation>此登录属于另一台电脑，请重新登录。</translation>
    </message>
    <message>
      <source>This sign-in was used twice and has been ended for safety. Please sign in again.</source>
      <translation>此登录凭据被重复使用，为安全起见已终止，请重新登录。</translation>
    </message>
    <message>
      <source>Too many sign-in attempts. Wait {retry_after_s} seconds, then try again.</source>
      <translation>登录尝试次数过多，请等待 {retry_after_s} 秒后再试。</translation>
    </message>
    <message>
      <source>The server does not know one of this desktop's kinds of record. Ask for an update.</source>
      <translation>服务器无法识别本机的某类记录，请联系管理员更新。</translation>
    </message>
    <message>
      <source>The server received some of your changes before the ones ahead of them. Your changes are kept; CaseDesk will send them again.</source>
      <translation>服务器先收到了排在后面的一批更改。您的更改已保留，CaseDesk 会重新发送。</translation>
    </message>
    <message>
      <source>The server refused a request larger than {max_mib} MiB. Tell your administrator.</source>
      <translation>服务器拒绝了超过 {max_mib} MiB 的请求，请告知系统管理员。</translation>
    </message>
    <message>
      <source>The server did not accept this change.</source>
      <translation>服务器未接受这项更改。</translation>
    </message>
    <message>
      <source>An audit entry cannot be sent as a change.</source>
      <translation>审计记录不能作为数据更改发送。</translation>
    </message>
    <message>
      <source>Only an administrator may change a {table}.</source>
      <translation>只有管理员可以修改{table}。</translation>
    </message>
    <message>
      <source>A record with the same identity is already on the server.</source>
      <translation>服务器上已有相同标识的记录。</translation>
    </message>
    <message>
      <source>This change was made on version {base} of the record, which the server never had (it has version {server}). Discard it and make the change again.</source>
      <translation>这项更改基于该记录的第 {base} 版，但服务器从未有过此版本（服务器上为第 {server} 版）。请放弃此更改后重新修改。</translation>
    </message>
    <message>
      <source>This change's id was already used by another account; it cannot be sent.</source>
      <translation>这项更改的编号已被另一账号使用，无法发送。</translation>
    </message>
    <message>
      <source>This change refers to a record the server does not have yet. Send it again after the next sync, or discard it.</source>
      <translation>这项更改引用了服务器上尚没有的记录。请在下次同步后重新发送，或放弃此更改。</translation>
    </message>
    <message>
      <source>The server could not store this change.</source>
      <translation>服务器无法保存这项更改。</translation>
    </message>
    <message>
      <source>{field_name}: the server does not know this field. Ask for an update.</source>
      <translation>{field_name}：服务器无法识别此字段，请联系管理员更新。</translation>
    </message>
    <message>
      <source>signed in as {name} ({role})</source>
      <translation>已登录：{name}（{role}）</translation>
    </message>
    <message>
      <source>resuming the first sync from change {start} (what came before is kept)</source>
      <translation>从第 {start} 号更改继续首次同步（之前收到的已保留）</translation>
    </message>
    <message>
      <source>received changes up to {cursor} of {watermark}</source>
      <translation>已接收到第 {cursor} 号更改，共 {watermark} 号</translation>
    </message>
    <message>
      <source>pushed: {sent}</source>
      <translation>已发送：{sent}</translation>
    </message>
    <message>
      <source>pushed: nothing</source>
      <translation>已发送：无</translation>
    </message>
    <message>
      <source>{count} {push_status}</source>
      <translation>{push_status} {count} 项</translation>
    </message>
    <message>
      <source>pulled: {rows} rows</source>
      <translation>已接收：{rows} 行</translation>
    </message>
    <message>
      <source>repaired: {tables} ({purged} rows left this desktop's scope)</source>
      <translation>已修复：{tables}（{purged} 行已不在本机范围内）</translation>
    </message>
    <message>
      <source>waiting: {count} changes not yet sent</source>
      <translation>待发送：{count} 项更改</translation>
    </message>
    <message>
      <source>attention: {conflict} conflicts and {rejected} rejected changes need a person (open the workstation: Sync → Changes waiting)</source>
      <translation>需处理：{conflict} 项冲突、{rejected} 项被拒的更改（请在工作站中打开 同步 → 待同步的更改）</translation>
    </message>
    <message>
      <source>  ✗ {record}: {reason}</source>
      <translation>  ✗ {record}：{reason}</translation>
    </message>
    <message>
      <source>took {seconds} s</source>
      <translation>用时 {seconds} 秒</translation>
    </message>
    <message>
      <source>The server could not read this desktop's request. Tell your administrator.</source>
      <translation>服务器无法读取本机发出的请求，请告知系统管理员。</translation>
    </message>
    <message>
      <source>The server's database is unavailable. Your changes are kept; CaseDesk will try again later.</source>
      <translation>服务器数据库暂不可用。您的更改已保留，CaseDesk 稍后会自动重试。</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>merged</source>
      <translation>已合并</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>被拒</translation>
    </message>
  </context>
</TS>
