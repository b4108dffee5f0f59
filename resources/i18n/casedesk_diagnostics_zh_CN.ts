<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Crash</name>
    <message>
        <location filename="../../ui/crash.py" line="37" />
        <location filename="../../ui/crash.py" line="43" />
        <source>The disk is full: CaseDesk could not save. Free some space (or ask IT to), then try again.</source>
        <translation>磁盘已满，CaseDesk 无法保存。请腾出一些空间（或请信息科处理）后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="41" />
        <source>The local database was busy (another task was writing to it). Try again in a moment.</source>
        <translation>本地数据库正忙（另一项任务正在写入）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="45" />
        <source>The computer ran out of memory. Close other programs, then try again.</source>
        <translation>电脑内存不足。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="46" />
        <source>CaseDesk ran into an unexpected error ({name}).</source>
        <translation>CaseDesk 遇到意外错误（{name}）。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="51" />
        <source>What was saved before is kept. If it happens again, choose Help ▸ Export diagnostics… and send the file to your IT contact. The details are in the log:
{path}</source>
        <translation>此前已保存的内容不受影响。如果再次出现，请选择“帮助 ▸ 导出诊断信息…”，并将文件发给信息科联系人。详细信息已写入日志：
{path}</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="76" />
        <source>CaseDesk: something went wrong</source>
        <translation>CaseDesk：出现错误</translation>
    </message>
</context>
<context>
    <name>DiagnosticsEntry</name>
    <message>
        <location filename="../../ui/diagnostics.py" line="34" />
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="35" />
        <source>Zip files (*.zip)</source>
        <translation>Zip 压缩文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="48" />
        <source>Diagnostics exported</source>
        <translation>诊断信息已导出</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="49" />
        <source>Written to {file}.

It holds the logs, versions and settings: no patient data and no passwords. Send it to your IT contact.</source>
        <translation>已写入 {file}。

其中包含日志、版本和设置，不含患者数据和密码。请将它发给信息科联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="53" />
        <source>Diagnostics not exported</source>
        <translation>诊断信息未导出</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="54" />
        <source>The file could not be written ({reason}). Choose another folder, one with free space.</source>
        <translation>无法写入文件（{reason}）。请选择另一个有剩余空间的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="63" />
        <source>Export &amp;diagnostics…</source>
        <translation>导出诊断信息(&amp;D)…</translation>
    </message>
</context>
</TS>