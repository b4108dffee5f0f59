<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DaySheetDialog</name>
    <message>
        <location filename="../../ui/daysheets.py" line="36" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="37" />
        <source>Day sheets: today's calls, home visits, the chase list or this list, as PDF</source>
        <translation>打印日程：今日电话随访、入户随访、主动追踪清单或当前清单，保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="46" />
        <location filename="../../ui/daysheets.py" line="97" />
        <source>Day sheets</source>
        <translation>打印日程</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="48" />
        <source>Today's call list (phone numbers in full)</source>
        <translation>今日电话随访清单（完整电话号码）</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="49" />
        <source>Home-visit sheet, by community</source>
        <translation>入户随访单（按社区分组）</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="50" />
        <source>Chase list: patients not reached</source>
        <translation>主动追踪清单：未联系上的患者</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="51" />
        <source>The worklist as filtered now</source>
        <translation>当前筛选的工作清单</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="53" />
        <source>Print which sheet?</source>
        <translation>打印哪一份？</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="67" />
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="69" />
        <source>Printing a phone number in full is recorded in the audit log, once for each patient on the sheet.</source>
        <translation>完整打印电话号码会记入审计日志，清单上每位患者记录一次。</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="75" />
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="76" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/daysheets.py" line="106" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
</TS>