<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The password is too short: at least {min} characters are needed.</source>
      <translation>密码太短：至少需要 {min} 个字符。</translation>
    </message>
    <message>
      <source>The password needs characters of at least {needed} of these kinds: lower-case letters, capital letters, digits, other signs.</source>
      <translation>密码须包含以下字符中的至少 {needed} 类：小写字母、大写字母、数字、其他符号。</translation>
    </message>
    <message>
      <source>The password must not contain the login name “{username}”.</source>
      <translation>密码中不能包含登录名“{username}”。</translation>
    </message>
    <message>
      <source>This password was used recently: choose one that is not among the last {count}.</source>
      <translation>该密码最近用过：请选择一个不在最近 {count} 次之内的密码。</translation>
    </message>
    <message>
      <source>The two passwords are not the same. Nothing was changed.</source>
      <translation>两次输入的密码不一致，未作任何更改。</translation>
    </message>
    <message>
      <source>This password must be changed before you can sign in (a first or reset password, or an expired one). Change it with: python main.py password --profile DIR --login USER</source>
      <translation>须先修改密码才能登录（初始密码、重置后的密码或已过期的密码）。请用以下命令修改：python main.py password --profile DIR --login USER</translation>
    </message>
    <message>
      <source>This password must be changed before you can sign in (a first or reset password, or an expired one): choose “Change the password now…” below.</source>
      <translation>必须先修改此密码才能登录（初始密码、重置后的密码或已过期的密码）：请点击下方的“立即修改密码…”。</translation>
    </message>
    <message>
      <source>Your password expires in {days} day(s): change it soon (python main.py password).</source>
      <translation>您的密码将在 {days} 天后过期，请尽快修改（python main.py password）。</translation>
    </message>
    <message>
      <source>The password of {username} was changed; you are signed in.</source>
      <translation>{username} 的密码已修改，您已登录。</translation>
    </message>
    <message>
      <source>There is no account “{username}”.</source>
      <translation>不存在账号“{username}”。</translation>
    </message>
    <message>
      <source>“{username}” cannot be a login name: use letters, digits and . _ - (at most 64), beginning and ending with a letter or digit.</source>
      <translation>“{username}”不能用作登录名：只能使用字母、数字和 . _ -（最多 64 个字符），且须以字母或数字开头和结尾。</translation>
    </message>
    <message>
      <source>The login name “{username}” is taken already.</source>
      <translation>登录名“{username}”已被占用。</translation>
    </message>
    <message>
      <source>Enter the person's name (at most {max} characters).</source>
      <translation>请填写姓名（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <source>“{role}” is not a role. Roles: 一体化门诊个案管理师, 专病个案管理师, 属地个案管理师, 家庭医生, 管理员 (or clinic_cm, ward_cm, community_cm, family_doctor, admin).</source>
      <translation>“{role}”不是有效的角色。可用角色：一体化门诊个案管理师、专病个案管理师、属地个案管理师、家庭医生、管理员（或 clinic_cm、ward_cm、community_cm、family_doctor、admin）。</translation>
    </message>
    <message>
      <source>“{phone}” is not a telephone number.</source>
      <translation>“{phone}”不是有效的电话号码。</translation>
    </message>
    <message>
      <source>There is no active organisation unit with the code “{unit}” (server org import adds units).</source>
      <translation>没有编码为“{unit}”的在用机构（可用 server org import 导入机构）。</translation>
    </message>
    <message>
      <source>“{username}” is the last active administrator and cannot be disabled.</source>
      <translation>“{username}”是最后一个在用的管理员，不能停用。</translation>
    </message>
    <message>
      <source>server {action} needs --db URL (the server's database).</source>
      <translation>server {action} 需要 --db URL（服务器数据库）。</translation>
    </message>
    <message>
      <source>The database {url} cannot be used: {reason}</source>
      <translation>无法使用数据库 {url}：{reason}</translation>
    </message>
    <message>
      <source>No password given: set {env} or run the command in a terminal to type it.</source>
      <translation>未提供密码：请设置 {env}，或在终端中运行该命令以输入密码。</translation>
    </message>
    <message>
      <source>{path} is not a .csv, .xlsx, .xls or .ods file.</source>
      <translation>{path} 不是 .csv、.xlsx、.xls 或 .ods 文件。</translation>
    </message>
    <message>
      <source>{path} cannot be read: {reason}</source>
      <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
      <source>The staff list has no lines under its header row.</source>
      <translation>人员名单的表头下没有任何数据行。</translation>
    </message>
    <message>
      <source>The staff list lacks the column(s) {columns} (the first row names the columns 用户名, 姓名, 角色, 机构编码, 电话).</source>
      <translation>人员名单缺少列：{columns}（第一行须为列名：用户名、姓名、角色、机构编码、电话）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: “{value}” cannot be a login name (letters, digits and . _ -).</source>
      <translation>第 {line} 行“{column}”列：“{value}”不能用作登录名（只能使用字母、数字和 . _ -）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: “{value}” is in the list already (line {first}).</source>
      <translation>第 {line} 行“{column}”列：“{value}”在名单中重复（已见于第 {first} 行）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: the name is empty or longer than 64 characters.</source>
      <translation>第 {line} 行“{column}”列：姓名为空或超过 64 个字符。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: “{value}” is not a role (一体化门诊个案管理师, 专病个案管理师, 属地个案管理师, 家庭医生, 管理员, or a role code).</source>
      <translation>第 {line} 行“{column}”列：“{value}”不是有效的角色（一体化门诊个案管理师、专病个案管理师、属地个案管理师、家庭医生、管理员，或角色代码）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: there is no organisation unit with the code “{value}”.</source>
      <translation>第 {line} 行“{column}”列：没有编码为“{value}”的机构。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: the organisation unit “{value}” is inactive.</source>
      <translation>第 {line} 行“{column}”列：机构“{value}”已停用。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: “{value}” is not a telephone number.</source>
      <translation>第 {line} 行“{column}”列：“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
      <source>{path} exists already: name a new file for the one-time passwords (an earlier sheet may be the only copy of other people's passwords).</source>
      <translation>{path} 已存在：请为初始密码指定一个新文件（之前的密码表可能是其他人初始密码的唯一副本）。</translation>
    </message>
    <message>
      <source>The one-time passwords go to a .csv file, not {path}.</source>
      <translation>初始密码只能写入 .csv 文件，不能写入 {path}。</translation>
    </message>
    <message>
      <source>Server initialised: the schema is ready and the administrator “admin” can sign in. Import the organisation tree (server org import) and the staff (server users import) next.</source>
      <translation>服务器已初始化：数据库结构已就绪，管理员“admin”可以登录。下一步请导入机构树（server org import）和人员名单（server users import）。</translation>
    </message>
    <message>
      <source>The database is already initialised (it has user accounts): nothing was changed.</source>
      <translation>数据库已初始化（已有用户账号），未作任何更改。</translation>
    </message>
    <message>
      <source>Added {username}.</source>
      <translation>已添加 {username}。</translation>
    </message>
    <message>
      <source>One-time password for {username}: {password}  (shown only now; it must be changed at the first sign-in)</source>
      <translation>{username} 的初始密码：{password}  （仅显示这一次；首次登录时必须修改）</translation>
    </message>
    <message>
      <source>{username} is disabled; every sign-in of theirs has ended.</source>
      <translation>{username} 已停用，其所有登录均已失效。</translation>
    </message>
    <message>
      <source>{username} is enabled.</source>
      <translation>{username} 已启用。</translation>
    </message>
    <message>
      <source>{username} was disabled already: nothing changed.</source>
      <translation>{username} 原已停用，未作更改。</translation>
    </message>
    <message>
      <source>{username} was enabled already: nothing changed.</source>
      <translation>{username} 原已启用，未作更改。</translation>
    </message>
    <message>
      <source>{count} account(s)</source>
      <translation>共 {count} 个账号</translation>
    </message>
    <message>
      <source>{count} problem(s) in the staff list: nothing was imported.</source>
      <translation>人员名单中有 {count} 处问题，未导入任何内容。</translation>
    </message>
    <message>
      <source>Staff list imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
      <translation>人员名单已导入：新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人。</translation>
    </message>
    <message>
      <source>The one-time passwords of the {count} new people are in {path} (the only copy: hand them out, then delete the file).</source>
      <translation>{count} 名新增人员的初始密码已写入 {path}（唯一副本：分发后请删除该文件）。</translation>
    </message>
    <message>
      <source>new password for {username}: </source>
      <translation>{username} 的新密码：</translation>
    </message>
    <message>
      <source>the same new password again: </source>
      <translation>请再次输入新密码：</translation>
    </message>
    <message>
      <source>current password for {username}: </source>
      <translation>{username} 的当前密码：</translation>
    </message>
  </context>
</TS>
