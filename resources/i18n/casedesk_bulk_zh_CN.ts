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
        <message numerus="yes">
            <source>Reschedule the next follow-up of %n case(s)…</source>
            <translation>
                <numerusform>为 %n 个个案改期下一次随访…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Print letters for %n case(s)…</source>
            <translation>
                <numerusform>为 %n 个个案打印信函…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BulkLettersDialog</name>
        <message>
            <source>Print letters</source>
            <translation>打印信函</translation>
        </message>
        <message>
            <source>Only needed to print letters again</source>
            <translation>仅在重新打印已打印过的信函时填写</translation>
        </message>
        <message numerus="yes">
            <source>One letter for each of %n selected case(s), in one PDF or one print job.</source>
            <translation>
                <numerusform>为所选 %n 个个案各打印一封信函，合成一个 PDF 或一次打印。</numerusform>
            </translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>保存为 PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>信函类型</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>纸张</translation>
        </message>
        <message>
            <source>Reprint reason</source>
            <translation>补打原因</translation>
        </message>
        <message>
            <source>Save letters as PDF</source>
            <translation>将信函保存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Preparing letters…</source>
            <translation>正在准备信函…</translation>
        </message>
        <message>
            <source>Cancelled: nothing was printed or recorded.</source>
            <translation>已取消：未打印，也未留下打印记录。</translation>
        </message>
        <message>
            <source>Nothing printed; {skipped} skipped.</source>
            <translation>未打印任何信函；跳过 {skipped} 封。</translation>
        </message>
        <message>
            <source>Saved {printed} letters ({pages} pages) to {file}; {skipped} skipped.</source>
            <translation>已将 {printed} 封信函（共 {pages} 页）保存到 {file}；跳过 {skipped} 封。</translation>
        </message>
        <message>
            <source>Sent {printed} letters to the printer; {skipped} skipped.</source>
            <translation>已将 {printed} 封信函发送到打印机；跳过 {skipped} 封。</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more.</source>
            <translation>
                <numerusform>……另有 %n 封。</numerusform>
            </translation>
        </message>
        <message>
            <source>{name}: {reason}</source>
            <translation>{name}：{reason}</translation>
        </message>
    </context>
</TS>
