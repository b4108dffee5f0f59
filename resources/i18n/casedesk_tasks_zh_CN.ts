<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>TasksPanel</name>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>in the calendar</source>
            <translation>在随访日历中</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>open</source>
            <translation>待办</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>on the chase list</source>
            <translation>在追访名单中</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Cancel task</source>
            <translation>取消任务</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Why is this task no longer needed?</source>
            <translation>为什么不再需要此任务？</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Add task…</source>
            <translation>添加任务…</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Cancel…</source>
            <translation>取消…</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Move…</source>
            <translation>改期…</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Move task</source>
            <translation>任务改期</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Tasks: %n open</source>
            <translation>
                <numerusform>任务：%n 项待办</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AddTaskDialog</name>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Other (type it below)</source>
            <translation>其他（在下方填写）</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>What is to be done</source>
            <translation>需要做什么</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Case</source>
            <translation>个案</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/patient/tasks_panel.py" />
            <source>Add task</source>
            <translation>添加任务</translation>
        </message>
    </context>
</TS>
