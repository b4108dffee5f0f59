<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>--certfile and --keyfile go together: give both to serve HTTPS.</source>
      <translation>--certfile 和 --keyfile 须同时给出，才能提供 HTTPS 服务。</translation>
    </message>
    <message>
      <source>{url} already holds tables; --init-demo needs an empty database.</source>
      <translation>{url} 中已有数据表；--init-demo 需要一个空数据库。</translation>
    </message>
    <message>
      <source>The settings file {path} cannot be read: {reason}.</source>
      <translation>无法读取配置文件 {path}：{reason}。</translation>
    </message>
    <message>
      <source>The settings file {path} is not valid TOML: {reason}.</source>
      <translation>配置文件 {path} 不是有效的 TOML：{reason}。</translation>
    </message>
    <message>
      <source>This setting is not known (known here: {known}). Check its spelling.</source>
      <translation>无此配置项（此处可用：{known}），请检查拼写。</translation>
    </message>
    <message>
      <source>This setting must be a {expected}.</source>
      <translation>此配置项的类型应为 {expected}。</translation>
    </message>
    <message>
      <source>This setting is required.</source>
      <translation>此配置项为必填。</translation>
    </message>
    <message>
      <source>This is not a database URL (for example postgresql+psycopg://casedesk@127.0.0.1:5432/casedesk).</source>
      <translation>这不是有效的数据库 URL（例如 postgresql+psycopg://casedesk@127.0.0.1:5432/casedesk）。</translation>
    </message>
    <message>
      <source>Take the password out of the URL: put it in the environment variable {env} or in a file named by database.password_file.</source>
      <translation>请勿在 URL 中写入密码：请放在环境变量 {env} 中，或写入 database.password_file 指定的文件。</translation>
    </message>
    <message>
      <source>{path} can be read by other users (mode {mode}). Make it readable only by the service user: chmod 600 {path}.</source>
      <translation>{path} 可被其他用户读取（权限 {mode}）。请设为仅服务账户可读：chmod 600 {path}。</translation>
    </message>
    <message>
      <source>{path} cannot be used: {reason}.</source>
      <translation>{path} 无法使用：{reason}。</translation>
    </message>
    <message>
      <source>{path} is empty; it must hold the database password.</source>
      <translation>{path} 为空，其中应保存数据库密码。</translation>
    </message>
    <message>
      <source>The certificate and its key go together: give both server.certfile and server.keyfile.</source>
      <translation>证书与私钥须同时配置：请同时填写 server.certfile 和 server.keyfile。</translation>
    </message>
    <message>
      <source>The certificate and key cannot be used together: {reason}.</source>
      <translation>证书与私钥无法配合使用：{reason}。</translation>
    </message>
    <message>
      <source>The server cannot write in {path}. Give the service user write access.</source>
      <translation>服务器无法写入 {path}，请授予服务账户写权限。</translation>
    </message>
    <message>
      <source>This setting must be between {low} and {high}.</source>
      <translation>此配置项的取值应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
      <source>The database {url} does not answer with these settings: {reason}.</source>
      <translation>按此配置无法连接数据库 {url}：{reason}。</translation>
    </message>
  </context>
</TS>
