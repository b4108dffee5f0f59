<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>BulkDialog</name>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Assign a case manager</source>
            <translation>分派个案管理师</translation>
        </message>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Add a task</source>
            <translation>添加任务</translation>
        </message>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Case manager</source>
            <translation>个案管理师</translation>
        </message>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/worklist/bulk.py" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/worklist/bulk.py" />
            <source>Assign a case manager to %n case(s)…</source>
            <translation>
                <numerusform>为 %n 个个案分派个案管理师…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/worklist/bulk.py" />
            <source>Add a task to %n case(s)…</source>
            <translation>
                <numerusform>为 %n 个个案添加任务…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/worklist/bulk.py" />
            <source>%n case(s) selected.</source>
            <translation>
                <numerusform>已选择 %n 个个案。</numerusform>
            </translation>
        </message>
    </context>
</TS>
