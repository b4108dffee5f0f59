<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The system keyring is locked, so the profile's key cannot be read. Unlock it (sign in to the desktop, or open “Passwords and Keys” and unlock “Login”) and run the command again.</source>
      <translation>系统密钥环已锁定，无法读取本档案的密钥。请先解锁（登录桌面，或打开“密码和密钥”并解锁“登录”密钥环），再重新运行命令。</translation>
    </message>
    <message>
      <source>The system keyring did not answer within {seconds} seconds (it may be waiting for someone to unlock it on the screen). Unlock it and try again.</source>
      <translation>系统密钥环在 {seconds} 秒内没有响应（可能正在屏幕上等待有人解锁）。请解锁后重试。</translation>
    </message>
    <message>
      <source>The profile's database is damaged ({reason}). Nothing more was changed. Keep the profile folder as it is for support; restore it from a backup, or set this desktop up again and sync to get its data back from the server.</source>
      <translation>本档案的数据库已损坏（{reason}）。未再做任何更改。请原样保留档案文件夹以便技术支持查看；从备份恢复，或重新设置本机并同步，从服务器取回数据。</translation>
    </message>
    <message>
      <source>The disk holding the profile's database is full: the change was not saved. Free some space on that disk and try again.</source>
      <translation>存放本档案数据库的磁盘已满：此次更改未保存。请清理该磁盘空间后重试。</translation>
    </message>
    <message>
      <source>The disk could not be read or written ({reason}). Nothing more was changed; check the disk and try again.</source>
      <translation>磁盘无法读写（{reason}）。未再做任何更改；请检查磁盘后重试。</translation>
    </message>
    <message>
      <source>No room to write {path} ({reason}): nothing was written there. Free some space on that disk, or choose another place, and try again.</source>
      <translation>没有空间写入 {path}（{reason}）：该处未写入任何内容。请清理该磁盘空间或换一个位置后重试。</translation>
    </message>
    <message>
      <source>The disk is full ({reason}): nothing was written. Free some space and try again.</source>
      <translation>磁盘已满（{reason}）：未写入任何内容。请清理磁盘空间后重试。</translation>
    </message>
  </context>
</TS>
