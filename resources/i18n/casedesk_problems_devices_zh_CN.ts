<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>No desktop has the id {device}: `server devices list` shows them.</source>
      <translation>没有 ID 为 {device} 的终端：可用 `server devices list` 查看。</translation>
    </message>
    <message>
      <source>Desktop {device} was already withdrawn on {at}.</source>
      <translation>终端 {device} 已于 {at} 被吊销。</translation>
    </message>
    <message>
      <source>Desktop {device} ({user}) withdrawn: {tokens} sign-in token(s) ended. At its next contact it erases its profile.</source>
      <translation>终端 {device}（{user}）已吊销：{tokens} 个登录令牌已失效。该终端下次连接时将清除其本地档案。</translation>
    </message>
    <message>
      <source>No desktop has signed in yet.</source>
      <translation>尚无终端登录过。</translation>
    </message>
    <message>
      <source>No withdrawn desktop has this id.</source>
      <translation>没有编号为此的已停用电脑。</translation>
    </message>
  </context>
</TS>
