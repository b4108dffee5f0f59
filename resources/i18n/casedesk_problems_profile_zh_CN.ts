<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>There is no CaseDesk profile at {path}. Create one with `python main.py demo --profile DIR`, or open the workstation once.</source>
      <translation>在 {path} 没有找到 CaseDesk 配置。请用 `python main.py demo --profile DIR` 创建，或先打开一次工作站。</translation>
    </message>
    <message>
      <source>The profile directory {path} cannot be written to ({reason}). Choose another directory with --profile, or fix its permissions.</source>
      <translation>配置目录 {path} 无法写入（{reason}）。请用 --profile 选择其他目录，或修改该目录的权限。</translation>
    </message>
    <message>
      <source>The database {path} is damaged or is not a CaseDesk database. It was left untouched: restore it from a backup, or choose another profile with --profile.</source>
      <translation>数据库 {path} 已损坏，或不是 CaseDesk 数据库。文件未作任何改动：请从备份恢复，或用 --profile 选择其他配置。</translation>
    </message>
    <message>
      <source>The database {path} was written by a newer CaseDesk (schema {revision}). Install that newer version; the file was left unchanged.</source>
      <translation>数据库 {path} 由更新版本的 CaseDesk 写入（数据库版本 {revision}）。请安装该新版本；文件未作任何改动。</translation>
    </message>
    <message>
      <source>The database {path} cannot be opened ({reason}): it is damaged, or its key in this computer's keyring does not match. It was left untouched: restore it from a backup, or choose another profile with --profile.</source>
      <translation>数据库 {path} 无法打开（{reason}）：文件已损坏，或本机密钥环中的密钥与之不匹配。文件未作任何改动：请从备份恢复，或用 --profile 选择其他配置。</translation>
    </message>
    <message>
      <source>The profile file {path} cannot be read ({reason}). It was left untouched.</source>
      <translation>配置文件 {path} 无法读取（{reason}），文件未作任何改动。</translation>
    </message>
    <message>
      <source>The key of the profile in {path} is not in this computer's keyring, so its data cannot be opened here (this is what keeps a copied profile unreadable). On this computer, sign in and sync into a new profile instead.</source>
      <translation>本机密钥环中没有 {path} 中配置的密钥，因此无法在此电脑上打开其数据（这样被复制走的配置也无法读取）。请在本机登录，同步到一个新配置。</translation>
    </message>
    <message>
      <source>The key of the profile in {path} is damaged in this computer's keyring.</source>
      <translation>本机密钥环中 {path} 配置的密钥已损坏。</translation>
    </message>
    <message>
      <source>This profile is already open in another CaseDesk window or sync run (process {process}). Switch to that window, or close it and try again.</source>
      <translation>此配置已在另一个 CaseDesk 窗口或同步任务中打开（进程 {process}）。请切换到该窗口，或将其关闭后重试。</translation>
    </message>
    <message>
      <source>No secure keyring is available ({backend}). Start a desktop session with a keyring (GNOME Keyring, KWallet, Windows Credential Manager or macOS Keychain), unlock it, and try again.</source>
      <translation>没有可用的安全密钥环（{backend}）。请在带有密钥环的桌面会话中运行（GNOME 密钥环、KWallet、Windows 凭据管理器或 macOS 钥匙串），解锁后重试。</translation>
    </message>
    <message>
      <source>The keyring could not be read ({reason}). Unlock it and try again.</source>
      <translation>无法读取密钥环（{reason}）。请解锁后重试。</translation>
    </message>
    <message>
      <source>The keyring could not be written to ({reason}). Unlock it and try again.</source>
      <translation>无法写入密钥环（{reason}）。请解锁后重试。</translation>
    </message>
    <message>
      <source>Wrong password. Tries left: {left}.</source>
      <translation>密码不正确，还可尝试 {left} 次。</translation>
    </message>
    <message>
      <source>Too many wrong passwords: locked for {minutes} minutes.</source>
      <translation>密码错误次数过多，已锁定 {minutes} 分钟。</translation>
    </message>
    <message>
      <source>Too many wrong passwords. Try again in {minutes} minutes.</source>
      <translation>密码错误次数过多，请 {minutes} 分钟后再试。</translation>
    </message>
  </context>
</TS>
