<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LetterPreviewDialog</name>
    <message>
        <location filename="../../ui/letters/single.py" line="46" />
        <source>{kind} for {name}</source>
        <translation>{name}的{kind}</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="51" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="52" />
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="78" />
        <source>Save letter as PDF</source>
        <translation>将信函保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="79" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <location filename="../../ui/letters/labels.py" line="9" />
        <source>Screening invitation</source>
        <translation>筛查邀请函</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="10" />
        <source>Appointment notice</source>
        <translation>预约通知单</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="11" />
        <source>Follow-up reminder</source>
        <translation>随访提醒</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="12" />
        <source>Referral slip</source>
        <translation>转诊单</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="13" />
        <source>Results-ready notice</source>
        <translation>结果领取通知</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="14" />
        <source>Missed follow-up letter</source>
        <translation>失访追踪信</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="22" />
        <source>Cases at prevention or screening due in this range</source>
        <translation>处于预防或筛查阶段、下次处理日期在此范围内的个案</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="23" />
        <source>Referral appointments in this range</source>
        <translation>预约就诊日期在此范围内的转诊</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="24" />
        <source>Planned follow-ups due in this range</source>
        <translation>到期日在此范围内的计划随访</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="25" />
        <source>Referrals sent in this range</source>
        <translation>在此范围内发出的转诊</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="26" />
        <source>Screenings done in this range</source>
        <translation>在此范围内完成的筛查</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="27" />
        <source>Missed follow-ups due in this range</source>
        <translation>到期日在此范围内、未联系上的随访</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="34" />
        <source>No postal address</source>
        <translation>没有邮寄地址</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="35" />
        <source>The letter font lacks characters</source>
        <translation>信函字体缺少字符</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="36" />
        <source>The template needs a value this record lacks</source>
        <translation>模板所需字段在此记录中没有数据</translation>
    </message>
    <message>
        <location filename="../../ui/letters/labels.py" line="37" />
        <source>Already printed; give a reprint reason to print again</source>
        <translation>已打印过；如需再次打印，请填写补打原因</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="93" />
        <source>Print letter</source>
        <translation>打印信函</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="99" />
        <source>This letter was printed on {when}. Why print it again?</source>
        <translation>此信函已于 {when} 打印过。为什么要再次打印？</translation>
    </message>
    <message>
        <location filename="../../ui/letters/single.py" line="110" />
        <source>This letter cannot be printed for {name}: {reason}</source>
        <translation>无法为{name}打印此信函：{reason}</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message numerus="yes">
        <source>Save %n selected as PDF…</source>
        <translation>
            <numerusform>将所选 %n 封保存为 PDF…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Print %n selected…</source>
        <translation>
            <numerusform>打印所选 %n 封…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="120" />
        <source>Letter</source>
        <translation>信函类型</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="120" />
        <source>From</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="120" />
        <source>Patients</source>
        <translation>患者范围</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="120" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="121" />
        <source>Reprint reason</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="121" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="126" />
        <source>Only needed to print letters again</source>
        <translation>仅在重新打印已打印过的信函时填写</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="127" />
        <source>Find letters</source>
        <translation>查找信函</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="128" />
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="129" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="130" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="131" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="131" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="131" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="135" />
        <source>All patients</source>
        <translation>全部患者</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="138" />
        <source>My patients</source>
        <translation>我的患者</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="140" />
        <source>Station: {name}</source>
        <translation>工作站：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="172" />
        <source>Finding letters…</source>
        <translation>正在查找信函…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="178" />
        <source>Save letters as PDF</source>
        <translation>将信函保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="179" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="183" />
        <source>Writing letters…</source>
        <translation>正在生成信函…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="192" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="211" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="211" />
        <source>Will print</source>
        <translation>将打印</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="222" />
        <source>{ready} letters to print, {skipped} skipped</source>
        <translation>可打印 {ready} 封，跳过 {skipped} 封</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="227" />
        <source>Nothing to print.</source>
        <translation>没有可打印的信函。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="237" />
        <source>This letter will not print: {reason}</source>
        <translation>此信函不会打印：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="247" />
        <source>Cancelled: nothing was printed or recorded.</source>
        <translation>已取消：未打印，也未留下打印记录。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="249" />
        <source>Nothing printed; {skipped} skipped.</source>
        <translation>未打印任何信函；跳过 {skipped} 封。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="251" />
        <source>Saved {printed} letters ({pages} pages) to {file}; {skipped} skipped.</source>
        <translation>已将 {printed} 封信函（共 {pages} 页）保存到 {file}；跳过 {skipped} 封。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="254" />
        <source>Sent {printed} letters to the printer; {skipped} skipped.</source>
        <translation>已将 {printed} 封信函发送到打印机；跳过 {skipped} 封。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="261" />
        <source>Could not list letters: {error}</source>
        <translation>无法列出信函：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/letters/page.py" line="265" />
        <source>Could not print: {error}</source>
        <translation>无法打印：{error}</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/letters/preview.py" line="48" />
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="49" />
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="52" />
        <location filename="../../ui/letters/preview.py" line="67" />
        <source>Select a letter to preview it.</source>
        <translation>选择一封信函即可预览。</translation>
    </message>
    <message>
        <location filename="../../ui/letters/preview.py" line="79" />
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
</context>
</TS>