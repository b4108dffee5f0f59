<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SwitchUserAction</name>
    <message>
        <location filename="../../ui/users/session.py" line="137" />
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>UserChooser</name>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="158" />
        <source>{user} — signed in now</source>
        <translation>{user} — 当前登录</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="161" />
        <source>{user} — last here {when}</source>
        <translation>{user} — 上次使用 {when}</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="165" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="165" />
        <source>Choose user</source>
        <translation>选择用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="166" />
        <source>Who is working at this desktop? Each person's data and key stay in their own profile.</source>
        <translation>请选择在这台电脑上工作的用户。每个人的数据和密钥都保存在各自的配置中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/users/chooser_dialog.py" line="168" />
        <source>%n change(s) not yet synced will stay in your profile and be sent the next time you sign in here.</source>
        <translation>
            <numerusform>%n 条更改尚未同步，将保留在您的配置中，下次您在此登录时继续发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="170" />
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="171" />
        <source>&amp;Login name:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="172" />
        <source>&amp;Name (optional):</source>
        <translation>姓名（可选）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="173" />
        <source>as on the server, e.g. cm01</source>
        <translation>与服务器上的用户名相同，例如 cm01</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="174" />
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="175" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
</TS>