<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SwitchUserAction</name>
    <message>
        <location filename="../../ui/users/session.py" line="141" />
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>UserChooser</name>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="160" />
        <source>Remove {user} from this desktop? Their profile and its key are deleted from this computer; what they synced stays on the server, and they can be added again and sync it back.</source>
        <translation>要从这台电脑移除 {user} 吗？其配置和密钥将从本机删除；已同步的内容仍在服务器上，重新添加后可再同步回来。</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="175" />
        <source>Remove user</source>
        <translation>移除用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="195" />
        <source>{user} — signed in now</source>
        <translation>{user} — 当前登录</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="198" />
        <source>{user} — last here {when}</source>
        <translation>{user} — 上次使用 {when}</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="202" />
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="202" />
        <source>Choose user</source>
        <translation>选择用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="203" />
        <source>Who is working at this desktop? Each person's data and key stay in their own profile.</source>
        <translation>请选择在这台电脑上工作的用户。每个人的数据和密钥都保存在各自的配置中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/users/chooser_dialog.py" line="205" />
        <source>%n change(s) not yet synced will stay in your profile and be sent the next time you sign in here.</source>
        <translation>
            <numerusform>%n 条更改尚未同步，将保留在您的配置中，下次您在此登录时继续发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="207" />
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="208" />
        <source>&amp;Login name:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="209" />
        <source>&amp;Name (optional):</source>
        <translation>姓名（可选）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="210" />
        <source>as on the server, e.g. cm01</source>
        <translation>与服务器上的用户名相同，例如 cm01</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="211" />
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="212" />
        <source>&amp;Remove from this desktop…</source>
        <translation>从本机移除(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/users/chooser_dialog.py" line="213" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
</TS>