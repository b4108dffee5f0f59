<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The database already has {holds}: demo data is only generated into an empty profile. Choose a new directory with --profile.</source>
      <translation>数据库已有{holds}：演示数据只生成到空的配置文件中。请用 --profile 另选一个目录。</translation>
    </message>
    <message>
      <source>The server database already holds an organisation tree or patients: demo data goes only into an empty database. Create a new database and pass it with --db.</source>
      <translation>服务器数据库中已有机构树或患者：演示数据只能写入空数据库。请新建一个数据库，并用 --db 指定。</translation>
    </message>
    <message>
      <source>This is a demo profile: its patients are invented, so it does not sign in to {server}, a real network's server. Nothing was sent. To work on the real network, use a new, empty profile: the sign-in window offers to make one, or run python main.py sync --profile NEW_DIR --server {server} --login USER</source>
      <translation>这是演示配置：其中的患者都是虚构的，因此不能登录真实网络的服务器 {server}。没有发送任何内容。要在真实网络上工作，请使用一个新的空配置：登录窗口可以为您新建，或运行 python main.py sync --profile 新目录 --server {server} --login 用户名</translation>
    </message>
    <message>
      <source>This is a demo profile: its patients are invented, so it does not sign in to {server}, a real network's server. Nothing was sent. To work on the real network, start a new, empty profile for this server; the demo profile stays as it is.</source>
      <translation>这是演示配置：其中的患者都是虚构的，因此不能登录真实网络的服务器 {server}。没有发送任何内容。要在真实网络上工作，请为此服务器新建一个空配置；演示配置保持原样。</translation>
    </message>
    <message>
      <source>A new, empty profile for {server} is ready in {path}. CaseDesk now starts again on it; sign in there. The demo profile stays as it was.</source>
      <translation>已在 {path} 为 {server} 新建了一个空配置。CaseDesk 现在将用它重新启动，请在那里登录。演示配置保持原样。</translation>
    </message>
    <message>
      <source>A new, empty profile for {server} is ready in {path}, but CaseDesk could not start on it by itself. Start it with: python main.py --profile {path}</source>
      <translation>已在 {path} 为 {server} 新建了一个空配置，但 CaseDesk 无法自动用它启动。请这样启动：python main.py --profile {path}</translation>
    </message>
    <message>
      <source>patients</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>an organisation network</source>
      <translation>机构网络</translation>
    </message>
  </context>
</TS>
