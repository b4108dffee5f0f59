<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Give the server's PostgreSQL database with --db URL.</source>
      <translation>请用 --db URL 指定服务器的 PostgreSQL 数据库。</translation>
    </message>
    <message>
      <source>Backups and restores are made of a PostgreSQL database; {url} is not one. Give the server's PostgreSQL URL (postgresql+psycopg://user@host/casedesk).</source>
      <translation>备份和恢复只针对 PostgreSQL 数据库；{url} 不是。请给出服务器的 PostgreSQL 地址（postgresql+psycopg://user@host/casedesk）。</translation>
    </message>
    <message>
      <source>The database {url} does not answer ({reason}). Check the URL, that PostgreSQL is running, and the password (CASEDESK_DB_PASSWORD).</source>
      <translation>数据库 {url} 没有响应（{reason}）。请检查地址、PostgreSQL 是否在运行以及密码（CASEDESK_DB_PASSWORD）。</translation>
    </message>
    <message>
      <source>Say where to write the backup with --out FILE.</source>
      <translation>请用 --out FILE 指定备份文件的位置。</translation>
    </message>
    <message>
      <source>The folder for {file} does not exist. Nothing was written.</source>
      <translation>{file} 所在的文件夹不存在。未写入任何内容。</translation>
    </message>
    <message>
      <source>There is no backup file {file}. Nothing was changed.</source>
      <translation>备份文件 {file} 不存在。未做任何更改。</translation>
    </message>
    <message>
      <source>{file} is not a CaseDesk backup made by `server backup` (a PostgreSQL custom-format dump of a CaseDesk database). Nothing was changed.</source>
      <translation>{file} 不是由 `server backup` 生成的 CaseDesk 备份（CaseDesk 数据库的 PostgreSQL 自定义格式转储）。未做任何更改。</translation>
    </message>
    <message>
      <source>{tool} is not installed. Install PostgreSQL's client tools (sudo apt-get install {package}) and run the command again.</source>
      <translation>未安装 {tool}。请安装 PostgreSQL 客户端工具（sudo apt-get install {package}）后重新运行此命令。</translation>
    </message>
    <message>
      <source>{tool} is version {version} but the database server is version {server}: install {package} and run the command again.</source>
      <translation>{tool} 的版本是 {version}，而数据库服务器的版本是 {server}：请安装 {package} 后重新运行此命令。</translation>
    </message>
    <message>
      <source>{tool} failed (exit {code}): {reason}. The server's log has its whole output. Nothing was replaced; fix the cause and run the command again.</source>
      <translation>{tool} 执行失败（退出码 {code}）：{reason}。完整输出见服务器日志。未替换任何内容；请排除原因后重新运行此命令。</translation>
    </message>
    <message>
      <source>{connections} other connection(s) use {url}: stop the CaseDesk server (and anything else using the database) before restoring. Nothing was changed.</source>
      <translation>有 {connections} 个其他连接正在使用 {url}：恢复前请先停止 CaseDesk 服务器（以及其他使用该数据库的程序）。未做任何更改。</translation>
    </message>
    <message>
      <source>Backup written: {file} ({size}, {seconds} s).</source>
      <translation>备份已写入：{file}（{size}，用时 {seconds} 秒）。</translation>
    </message>
    <message>
      <source>Restored from {file} in {seconds} s. The server's history has a new id ({history}…), watermark {watermark}: desktops send again what the backup does not hold at their next sync. Start the server again.</source>
      <translation>已从 {file} 恢复，用时 {seconds} 秒。服务器的历史有了新的标识（{history}…），水位 {watermark}：各电脑在下次同步时会重新发送备份中没有的内容。请重新启动服务器。</translation>
    </message>
    <message>
      <source>The server was restored from a backup: this desktop sent again {resent} change(s) the server no longer had. Nothing was lost.</source>
      <translation>服务器已从备份恢复：本电脑重新发送了 {resent} 条服务器已不再保存的更改。没有丢失任何内容。</translation>
    </message>
  </context>
</TS>
