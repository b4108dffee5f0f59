<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="154" />
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="155" />
        <location filename="../../ui/dashboard/page.py" line="203" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="156" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="157" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="158" />
        <source>By station</source>
        <translation>按站点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="159" />
        <source>By case manager</source>
        <translation>按个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="166" />
        <source>All stations</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="187" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="204" />
        <source>Case manager</source>
        <translation>个案管理师</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="205" />
        <source>Computed at {time} in {seconds} s</source>
        <translation>{time} 计算，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="252" />
        <location filename="../../ui/dashboard/page.py" line="259" />
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="253" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" line="258" />
        <source>{n} rows exported to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/page.py" />
        <source>statistics-{date}.xlsx</source>
        <translation>统计-{date}.xlsx</translation>
    </message>
    <message>
        <source>90-day loop closure</source>
        <translation>90天闭环率</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部筛查项目</translation>
    </message>
    <message>
        <source>Export funnel…</source>
        <translation>导出筛查漏斗…</translation>
    </message>
    <message>
        <source>Export the screening funnel</source>
        <translation>导出筛查漏斗</translation>
    </message>
    <message>
        <source>Follow-up rate</source>
        <translation>随访率</translation>
    </message>
    <message>
        <source>Follow-up rates by case manager</source>
        <translation>随访率（按个案管理师）</translation>
    </message>
    <message>
        <source>Follow-up rates by station</source>
        <translation>随访率（按站点）</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>应随访</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已随访</translation>
    </message>
    <message>
        <source>Followed up on time</source>
        <translation>及时随访</translation>
    </message>
    <message>
        <source>Funnel by programme</source>
        <translation>漏斗（按筛查项目）</translation>
    </message>
    <message>
        <source>Funnel by station</source>
        <translation>漏斗（按站点）</translation>
    </message>
    <message>
        <source>How the funnel counts</source>
        <translation>筛查漏斗的统计口径</translation>
    </message>
    <message>
        <source>How the funnel counts…</source>
        <translation>统计口径…</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>筛查项目</translation>
    </message>
    <message>
        <source>Timely follow-up rate</source>
        <translation>随访及时率</translation>
    </message>
    <message>
        <source>funnel-{date}.xlsx</source>
        <translation>筛查漏斗-{date}.xlsx</translation>
    </message>
</context>
<context>
    <name>DashboardWords</name>
    <message>
        <location filename="../../ui/dashboard/words.py" line="12" />
        <source>Pushed for screening</source>
        <translation>推送筛查</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="13" />
        <location filename="../../ui/dashboard/words.py" line="31" />
        <source>Screened</source>
        <translation>已初筛</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="14" />
        <source>High-risk / abnormal</source>
        <translation>高危/阳性</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="15" />
        <location filename="../../ui/dashboard/words.py" line="33" />
        <source>Examined</source>
        <translation>已精查</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="16" />
        <location filename="../../ui/dashboard/words.py" line="34" />
        <source>Diagnosed</source>
        <translation>已确诊</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="17" />
        <location filename="../../ui/dashboard/words.py" line="35" />
        <source>Treated</source>
        <translation>已治疗</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="18" />
        <source>Referrals done within 24 h</source>
        <translation>24小时内完成转诊</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="19" />
        <source>Follow-ups completed</source>
        <translation>随访完成率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="20" />
        <source>Missed follow-ups chased</source>
        <translation>失访主动追踪率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="21" />
        <source>Treated in the county</source>
        <translation>县域内治疗占比</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="22" />
        <source>Abnormal screen to diagnosis</source>
        <translation>初筛阳性至确诊</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="23" />
        <source>Abnormal screen to first treatment</source>
        <translation>初筛阳性至首次治疗</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="30" />
        <source>Pushed</source>
        <translation>推送</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="32" />
        <source>High-risk</source>
        <translation>高危</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="36" />
        <source>Referral ≤24 h</source>
        <translation>转诊≤24小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="37" />
        <source>Follow-ups done</source>
        <translation>随访完成</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="38" />
        <source>Chased</source>
        <translation>主动追踪</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="39" />
        <source>Treated locally</source>
        <translation>县域内治疗</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="40" />
        <source>Days to diagnosis</source>
        <translation>至确诊天数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="41" />
        <source>Days to treatment</source>
        <translation>至治疗天数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="52" />
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="58" />
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="59" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="60" />
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="61" />
        <source>Last 90 days</source>
        <translation>近90天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="68" />
        <source>nothing to count yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" line="72" />
        <source>median of {n}</source>
        <translation>{n} 例的中位数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" />
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/words.py" />
        <source>From … to …</source>
        <translation>自定义期间…</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="41" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="41" />
        <source>Sex / age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="41" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="42" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="50" />
        <source>Double-click a patient to open them.</source>
        <translation>双击患者可打开其档案。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="54" />
        <source>Met ({n})</source>
        <translation>达标（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="55" />
        <source>Not met ({n})</source>
        <translation>未达标（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="68" />
        <source>{n} patients</source>
        <translation>{n} 名患者</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/drill.py" line="70" />
        <source>(the first {limit} shown; export the statistics for all)</source>
        <translation>（仅显示前 {limit} 名；全部请导出统计）</translation>
    </message>
</context>
<context>
    <name>FunnelWords</name>
    <message>
        <source>90-day loop closure: of the positive screens in the period, the share examined within 90 days (day 90 counts, day 91 does not), through the slot pool or by an exam recorded on the timeline. Screens still inside their 90 days and not yet examined are pending and not counted.</source>
        <translation>90天闭环率：本期间内的阳性筛查中，90天内完成诊断检查的比例（第90天计入，第91天不计入），经号源池预约检查或时间线上登记的检查均可。尚在90天内且未检查的阳性筛查为待判定，不计入分母。</translation>
    </message>
    <message>
        <source>A booking the hospital registered as attended. Date: the attendance (or the slot's start).</source>
        <translation>医院登记为已到检的预约。日期：到检时间（未登记时间时取号源开始时间）。</translation>
    </message>
    <message>
        <source>A decided MDT, or the case moved into treatment. Date: the first of these.</source>
        <translation>多学科会诊已作出决定，或个案进入治疗阶段。日期：以上最早者。</translation>
    </message>
    <message>
        <source>A screening result of high risk or abnormal (a high-risk questionnaire, a positive FIT): the positive screen. Date: the first such screening.</source>
        <translation>筛查结果为高危或异常（问卷评估高危、FIT阳性），即阳性筛查。日期：首次此类筛查。</translation>
    </message>
    <message>
        <source>A treatment recorded. Date: the first treatment.</source>
        <translation>已记录治疗。日期：首次治疗。</translation>
    </message>
    <message>
        <source>An examination slot booked for the case on or after the positive screen, not cancelled (booked, attended or no-show). Date: when it was booked.</source>
        <translation>阳性筛查当天或之后为该个案预约的检查号源，未取消（已预约、已到检或爽约）。日期：预约时间。</translation>
    </message>
    <message>
        <source>Cases put in a screening population in the period: pushed by a screening list, opened in prevention or screening, or with any screening record. Date: the first of these.</source>
        <translation>本期间内进入筛查人群的个案：由筛查名单推送、在预防或筛查阶段建档，或有任何筛查记录。日期：以上最早者。</translation>
    </message>
    <message>
        <source>Conversion: the step's cases as a share of the step before. Median days: from the day of the step before to this step's, over the cases that reached it.</source>
        <translation>转化率：本环节个案数占上一环节的比例。中位天数：到达本环节的个案从上一环节日期到本环节日期的天数中位数。</translation>
    </message>
    <message>
        <source>Diagnosed</source>
        <translation>已确诊</translation>
    </message>
    <message>
        <source>Each step counts the cases that reached it on or after the day of the step before; days are calendar days.</source>
        <translation>每个环节只统计在上一环节当天或之后到达的个案；天数按自然日计算。</translation>
    </message>
    <message>
        <source>Exam booked</source>
        <translation>已预约检查</translation>
    </message>
    <message>
        <source>Exam done</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Exam positive</source>
        <translation>检查阳性</translation>
    </message>
    <message>
        <source>Follow-up rate: follow-ups done / follow-ups due in the period up to today (not cancelled). Timely follow-up rate: done no later than 7 days after the due date / follow-ups due. By case manager: the follow-up's assignee; by station: the case's station.</source>
        <translation>随访率：已完成随访数 / 本期间内截至今天应随访数（不含已取消）。随访及时率：不晚于应随访日期后7天完成的随访数 / 应随访数。按个案管理师：随访的负责人；按站点：个案所属站点。</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高危</translation>
    </message>
    <message>
        <source>Invited / pushed</source>
        <translation>邀请/推送</translation>
    </message>
    <message>
        <source>Of those, the ones with a screening result recorded (the questionnaire's risk assessment or a FIT). Date: the first screening.</source>
        <translation>其中已登记筛查结果的个案（问卷风险评估或FIT）。日期：首次筛查。</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>已筛查</translation>
    </message>
    <message>
        <source>The exam found something: an abnormal result recorded after it, or the case moved into diagnosis. Date: the first of these.</source>
        <translation>检查发现异常：检查后登记了异常结果，或个案进入诊断阶段。日期：以上最早者。</translation>
    </message>
    <message>
        <source>Treated</source>
        <translation>已治疗</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
</context>
<context>
    <name>ProgrammeFunnel</name>
    <message>
        <source>90-day loop closure: no positive screen to judge yet</source>
        <translation>90天闭环率：尚无可判定的阳性筛查</translation>
    </message>
    <message>
        <source>90-day loop closure: {rate} ({met} of {due} positive screens examined within 90 days)</source>
        <translation>90天闭环率：{rate}（{due} 例阳性筛查中 {met} 例在90天内完成检查）</translation>
    </message>
    <message>
        <source>; {n} still within their 90 days</source>
        <translation>；另有 {n} 例尚在90天内</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>中位天数</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <location filename="../../ui/screening/action.py" line="31" />
        <source>&amp;Import screening list…</source>
        <translation>导入筛查名单(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="110" />
        <location filename="../../ui/screening/import_dialog.py" line="122" />
        <source>Import screening list</source>
        <translation>导入筛查名单</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="111" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="112" />
        <source>Check rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="113" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="114" />
        <source>Exclude all problem lines</source>
        <translation>排除全部问题行</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="115" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="115" />
        <source>First row</source>
        <translation>第一行示例</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="116" />
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="118" />
        <source>No file chosen. Lists are .xlsx, .xls, .ods or .csv (UTF-8 or GBK).</source>
        <translation>尚未选择文件。名单应为 .xlsx、.xls、.ods 或 .csv（UTF-8 或 GBK 编码）。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="123" />
        <source>Lists (*.xlsx *.xls *.ods *.csv)</source>
        <translation>名单 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="138" />
        <source>Map these columns first: {fields}.</source>
        <translation>请先指定这些列：{fields}。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="165" />
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="173" />
        <source>{rows} rows; headers on line {line}. Column mapping remembered from the last list of this source.</source>
        <translation>共 {rows} 行；表头在第 {line} 行。已沿用该来源上次名单的列对应。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="176" />
        <source>{rows} rows; headers on line {line}. Columns recognised by their headers: check the mapping.</source>
        <translation>共 {rows} 行；表头在第 {line} 行。已按表头自动识别各列，请核对。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="180" />
        <source>Check the rows before importing: nothing is imported while any row has a problem.</source>
        <translation>导入前请先检查：只要有一行有问题，就不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="188" />
        <source>All {good} rows are good ({excluded} lines excluded). Import adds them in one go.</source>
        <translation>全部 {good} 行无误（已排除 {excluded} 行）。点击导入将一次性全部导入。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="190" />
        <source>{bad} lines need a decision or a fix; {good} rows are good. Nothing is imported until every listed line is fixed in the file or excluded here.</source>
        <translation>{bad} 行需要处理，{good} 行无误。在所列各行于文件中改正或在此排除之前，不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="198" />
        <source>Imported: {patients} new patients, {merged} merged, {cases} screening cases.</source>
        <translation>已导入：新患者 {patients} 名，合并 {merged} 名，筛查个案 {cases} 个。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="230" />
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="247" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" line="247" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>Save a template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>A list with the columns the import recognises and one example row</source>
        <translation>含导入可识别的各列和一行示例的名单</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>Save a template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>screening-list-template.xlsx</source>
        <translation>筛查名单模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>The template could not be written: {reason}</source>
        <translation>模板无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/import_dialog.py" />
        <source>Template saved: {path}</source>
        <translation>模板已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <location filename="../../ui/screening/results.py" line="35" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="35" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="35" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="35" />
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="58" />
        <source>Fix the file</source>
        <translation>在文件中改正</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="59" />
        <source>Exclude this line</source>
        <translation>排除此行</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="62" />
        <source>Merge into {name} {id} {community}</source>
        <translation>合并到 {name} {id} {community}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="66" />
        <source>A different person: add as new</source>
        <translation>不是同一人：作为新患者导入</translation>
    </message>
    <message>
        <location filename="../../ui/screening/results.py" line="67" />
        <source>Decide…</source>
        <translation>请选择…</translation>
    </message>
</context>
<context>
    <name>ScreeningLabels</name>
    <message>
        <location filename="../../ui/screening/labels.py" line="14" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="15" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="16" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="17" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="18" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="19" />
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="20" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="21" />
        <source>Address</source>
        <translation>现住址</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="22" />
        <source>Screening programme</source>
        <translation>筛查项目</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="28" />
        <source>is empty but required</source>
        <translation>为必填项，不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="29" />
        <source>is too long (at most {max} characters)</source>
        <translation>过长（最多 {max} 字）</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="30" />
        <source>holds digits or symbols: {value}</source>
        <translation>含数字或符号：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="31" />
        <source>unknown sex {value} (男/女, M/F)</source>
        <translation>无法识别的性别：{value}（应为 男/女）</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="32" />
        <source>is not a real date: {value}</source>
        <translation>不是有效日期：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="33" />
        <source>is in the future: {value}</source>
        <translation>是将来的日期：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="34" />
        <source>is too early: {value}</source>
        <translation>日期过早：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="35" />
        <source>{value} is not a phone number (11-digit mobile, or landline with area code)</source>
        <translation>{value} 不是有效电话（手机11位，座机需带区号）</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="37" />
        <source>is not a valid ID number: {reason}</source>
        <translation>身份证号无效：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="38" />
        <source>check digit does not match (should be {expected})</source>
        <translation>校验位不符（应为 {expected}）</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="39" />
        <source>old 15-digit number; use the 18-digit {suggested}</source>
        <translation>15位旧号码，请改为18位：{suggested}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="40" />
        <source>says born {id_birth}, the birth date column says {birth}</source>
        <translation>身份证号显示出生于 {id_birth}，出生日期列为 {birth}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="42" />
        <source>says sex {id_sex}, the sex column says {sex}</source>
        <translation>身份证号显示性别 {id_sex}，性别列为 {sex}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="43" />
        <source>needs birth date and sex when there is no ID number</source>
        <translation>无身份证号时须填写出生日期和性别</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="44" />
        <source>no street named {value}</source>
        <translation>找不到街道：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="45" />
        <source>no community named {value}</source>
        <translation>找不到社区：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="46" />
        <source>{value} is in several streets: give the street</source>
        <translation>{value} 在多个街道都有，请填写街道</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="48" />
        <source>{value} is not in street {street}</source>
        <translation>{value} 不属于 {street}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="50" />
        <source>unknown programme {value}</source>
        <translation>无法识别的筛查项目：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="51" />
        <source>the {programme} programme does not apply to this sex</source>
        <translation>{programme}筛查不适用于该性别</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="53" />
        <source>the same person as line {other}</source>
        <translation>与第 {other} 行是同一人</translation>
    </message>
    <message>
        <location filename="../../ui/screening/labels.py" line="54" />
        <source>may be {name}, already a patient: merge, new person, or exclude</source>
        <translation>可能是已有患者 {name}：请选择合并、新患者或排除</translation>
    </message>
</context>
<context>
    <name>StationChart</name>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="111" />
        <source>Stations against the 80% goal</source>
        <translation>各站点指标（目标80%）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="123" />
        <source>Goal: 80% treated in the county</source>
        <translation>目标：县域内治疗80%</translation>
    </message>
</context>
</TS>