<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>This desktop's audit trail was changed (entry {seq}). Nothing of it was sent; keep this desktop as it is and tell your administrator.</source>
      <translation>本机的审计记录已被改动（第 {seq} 条），未发送任何内容。请保持本机现状，并告知管理员。</translation>
    </message>
    <message>
      <source>Audit entry {seq} on this desktop differs from the copy the server already holds: the trail here was changed. Keep this desktop as it is and tell your administrator.</source>
      <translation>本机第 {seq} 条审计记录与服务器已保存的副本不同：本机记录已被改动。请保持本机现状，并告知管理员。</translation>
    </message>
    <message>
      <source>Audit entry {seq} names another person than the one signed in. The server refused the trail; tell your administrator.</source>
      <translation>第 {seq} 条审计记录的操作人不是当前登录的用户，服务器已拒收这些审计记录，请告知管理员。</translation>
    </message>
    <message>
      <source>Audit entry {seq} is dated after this computer's own clock. Check the computer's date and time, then tell your administrator.</source>
      <translation>第 {seq} 条审计记录的时间晚于本机时钟。请检查本机的日期和时间，并告知管理员。</translation>
    </message>
    <message>
      <source>The audit trail was sent twice at once. It will be sent again at the next sync.</source>
      <translation>审计记录被同时发送了两次，将在下次同步时重新发送。</translation>
    </message>
    <message>
      <source>An audit entry cannot be changed once written.</source>
      <translation>审计记录一经写入不可更改。</translation>
    </message>
    <message>
      <source>The server does not offer this. Check the server address, or ask for an update.</source>
      <translation>服务器不提供此功能。请检查服务器地址，或申请更新软件。</translation>
    </message>
    <message>
      <source>The server does not accept this kind of request here. Ask for an update.</source>
      <translation>服务器在此处不接受此类请求，请申请更新软件。</translation>
    </message>
  </context>
</TS>
