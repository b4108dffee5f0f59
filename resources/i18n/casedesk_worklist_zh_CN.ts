<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="99" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="99" />
        <source>My station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="99" />
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="102" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="102" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="102" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="105" />
        <source>Waiting on referral</source>
        <translation>待转诊</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="106" />
        <source>Waiting on MDT</source>
        <translation>待MDT</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="107" />
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/filter_bar.py" line="108" />
        <source>All cancers</source>
        <translation>全部癌种</translation>
    </message>
</context>
<context>
    <name>ViewsMenu</name>
    <message>
        <location filename="../../ui/worklist/views_menu.py" line="29" />
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/views_menu.py" line="38" />
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/views_menu.py" line="40" />
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/views_menu.py" line="50" />
        <location filename="../../ui/worklist/views_menu.py" line="54" />
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/views_menu.py" line="50" />
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
</context>
<context>
    <name>WorklistExport</name>
    <message>
        <location filename="../../ui/worklist/export_dialog.py" line="13" />
        <source>Export worklist</source>
        <translation>导出工作清单</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/export_dialog.py" line="17" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/export_dialog.py" line="30" />
        <source>%n case(s) exported to %1</source>
        <translation>已导出 %n 个个案到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/export_dialog.py" />
        <source>worklist-{date}.xlsx</source>
        <translation>工作清单-{date}.xlsx</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/worklist/model.py" line="36" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="37" />
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="38" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="39" />
        <source>Cancer</source>
        <translation>癌种</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="40" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="41" />
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="42" />
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="43" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="44" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="45" />
        <source>Case manager</source>
        <translation>个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="46" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="47" />
        <source>Referral</source>
        <translation>转诊</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="48" />
        <source>MDT</source>
        <translation>MDT</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="49" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="169" />
        <location filename="../../ui/worklist/model.py" line="171" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="182" />
        <source>Over by %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="183" />
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="193" />
        <source>(overdue %n d)</source>
        <translation>（逾期 %n 天）</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/model.py" line="195" />
        <source>(today)</source>
        <translation>（今天）</translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../ui/worklist/view.py" line="222" />
        <source>Search name, pinyin initials, phone or ID ending  (Ctrl+F)</source>
        <translation>搜索 姓名、拼音首字母、电话或身份证尾号  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/view.py" line="223" />
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/view.py" line="224" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist/view.py" line="225" />
        <source>No cases match. Clear the search or the filters to see more.</source>
        <translation>没有符合条件的个案。清除搜索或筛选条件可查看更多。</translation>
    </message>
</context>
</TS>