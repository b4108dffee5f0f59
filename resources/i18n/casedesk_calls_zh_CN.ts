<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="53" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="57" />
        <source>Last call</source>
        <translation>最近拨打</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="191" />
        <source>Phone call — {name}</source>
        <translation>电话记录 — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="191" />
        <source>Phone call</source>
        <translation>电话记录</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="192" />
        <source>How did the call go?</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="193" />
        <source>Connected</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="194" />
        <source>Reached, another time agreed</source>
        <translation>改约</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="195" />
        <source>No answer</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="196" />
        <source>Switched off or out of service</source>
        <translation>关机/停机</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="197" />
        <source>Number not in use</source>
        <translation>空号</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="198" />
        <source>Refused</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="199" />
        <source>Someone else answered</source>
        <translation>他人代接</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="201" />
        <source>Length</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="202" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="203" />
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="204" />
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="205" />
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="206" />
        <source>at</source>
        <translation>于</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="208" />
        <source>For the phone follow-up due {date}</source>
        <translation>计入 {date} 的电话随访</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="210" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/patient/call_dialog.py" line="211" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>