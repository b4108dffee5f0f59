<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock/screen.py" line="80" />
        <source>CaseDesk is locked</source>
        <translation>CaseDesk 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="82" />
        <source>Patient data is hidden. {name}, enter your password to continue.</source>
        <translation>患者信息已隐藏。{name}，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="85" />
        <source>Patient data is hidden. This local demo profile has no password: sign in to a server (Settings → Sync) to protect it.</source>
        <translation>患者信息已隐藏。本地演示配置没有密码：登录服务器（设置 → 同步）后即可用密码保护。</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="89" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="90" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="91" />
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../ui/lock/screen.py" line="111" />
        <source>Checking your password with the server…</source>
        <translation>正在向服务器验证密码…</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <location filename="../../ui/lock/guard.py" line="67" />
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
</context>
</TS>