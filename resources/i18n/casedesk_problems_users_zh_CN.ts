<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Enter a login name.</source>
      <translation>请输入登录名。</translation>
    </message>
    <message>
      <source>A login name has at most {max} characters.</source>
      <translation>登录名最多 {max} 个字符。</translation>
    </message>
    <message>
      <source>A login name uses only letters, digits and . _ -, and starts and ends with a letter or digit.</source>
      <translation>登录名只能包含字母、数字和 . _ -，并且以字母或数字开头和结尾。</translation>
    </message>
    <message>
      <source>“{login}” is reserved by the operating system and cannot be a login name.</source>
      <translation>“{login}”是操作系统保留的名称，不能用作登录名。</translation>
    </message>
    <message>
      <source>“{login}” already works at this desktop.</source>
      <translation>此电脑上已有用户“{login}”。</translation>
    </message>
    <message>
      <source>Nobody called “{login}” works at this desktop.</source>
      <translation>此电脑上没有用户“{login}”。</translation>
    </message>
    <message>
      <source>The profile of “{login}” ({path}) is missing and was not recreated: restore it from a backup.</source>
      <translation>找不到“{login}”的配置目录（{path}），系统没有重新创建：请从备份恢复。</translation>
    </message>
    <message>
      <source>{login} has {changes} change(s) and {audit} audit record(s) that have not reached the server; on this desktop they are the only copy. Sign in as {login} and sync, then remove them.</source>
      <translation>“{login}”还有 {changes} 项修改和 {audit} 条审计记录尚未同步到服务器，本机上的是唯一副本，不能移除。请以“{login}”登录并同步后再移除。</translation>
    </message>
    <message>
      <source>The list of people at this desktop ({path}) cannot be read ({reason}). It was left untouched; each person's profile is still in the users directory.</source>
      <translation>本机用户列表（{path}）无法读取（{reason}），文件未作任何改动；每个人的配置仍保存在 users 目录中。</translation>
    </message>
    <message>
      <source>Login name</source>
      <translation>登录名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
  </context>
</TS>
