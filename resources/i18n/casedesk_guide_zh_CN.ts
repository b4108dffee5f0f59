<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>GuideEntry</name>
    <message>
        <location filename="../../ui/guide.py" line="140"/>
        <source>&amp;User guide</source>
        <translation>用户手册(&amp;U)</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../ui/guide.py" line="100"/>
        <source>CaseDesk user guide</source>
        <translation>CaseDesk 用户手册</translation>
    </message>
</context>
</TS>
