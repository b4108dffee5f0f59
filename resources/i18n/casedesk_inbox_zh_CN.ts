<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../ui/inbox/model.py" line="33" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="34" />
        <source>Refused change</source>
        <translation>被拒的修改</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="35" />
        <source>Incoming referral</source>
        <translation>转入</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="36" />
        <source>MDT decision</source>
        <translation>MDT 结论</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="42" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="43" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="44" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="45" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" line="61" />
        <source>{text} ({detail})</source>
        <translation>{text}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/model.py" />
        <source>Clash settled</source>
        <translation>冲突已处理</translation>
    </message>
</context>
<context>
    <name>InboxNotice</name>
    <message>
        <location filename="../../ui/inbox/wiring.py" line="26" />
        <source>New in your inbox: {kind}, {patient}</source>
        <translation>收件箱有新消息：{kind}，{patient}</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/wiring.py" line="28" />
        <source>{count} new items in your inbox, first: {kind}, {patient}</source>
        <translation>收件箱有 {count} 条新消息，第一条：{kind}，{patient}</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/inbox/page.py" line="141" />
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="145" />
        <source>{unread} unread of {total}. Conflicts and refused changes come first: until they are settled, those changes are on this computer only. Double-click an item to open it.</source>
        <translation>共 {total} 条，未读 {unread} 条。冲突和被拒的修改排在最前：处理之前，这些修改只在本机上。双击一条即可打开。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="150" />
        <source>Nothing new: no conflicts, no refused changes, no referrals waiting for your answer and no MDT decisions in the last two weeks.</source>
        <translation>没有新消息：没有冲突，没有被拒的修改，没有等您答复的转诊，近两周也没有 MDT 结论。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/page.py" line="152" />
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>What arrived for you: conflicts and refused changes first, then incoming referrals and MDT decisions.</source>
        <translation>发给您的消息：冲突和被拒的修改在前，然后是转入的转诊和 MDT 结论。</translation>
    </message>
</context>
</TS>