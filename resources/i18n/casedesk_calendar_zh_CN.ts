<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>CalendarLabels</name>
        <message>
            <location filename="../../ui/calendar/labels.py" line="40" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="41" />
            <source>Clinic</source>
            <translation>门诊</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="42" />
            <source>Home visit</source>
            <translation>上门</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="48" />
            <source>Planned</source>
            <translation>待随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="49" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="50" />
            <source>Not reached</source>
            <translation>未联系上</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="51" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="58" />
            <source>Stable</source>
            <translation>病情稳定</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="59" />
            <source>Symptoms, advised to see a doctor</source>
            <translation>出现不适，已指导就诊</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="60" />
            <source>Needs a clinic re-check</source>
            <translation>需门诊复查</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="61" />
            <source>In hospital</source>
            <translation>目前住院中</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="62" />
            <source>Recurrence suspected</source>
            <translation>疑似复发</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="63" />
            <source>Declined follow-up</source>
            <translation>拒绝随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="64" />
            <source>Moved away</source>
            <translation>迁出</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="65" />
            <source>Deceased</source>
            <translation>死亡</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="72" />
            <source>Off</source>
            <translation>休</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="73" />
            <source>Work</source>
            <translation>班</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="80" />
            <source>New Year</source>
            <translation>元旦</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="81" />
            <source>Spring Festival</source>
            <translation>春节</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="82" />
            <source>Qingming</source>
            <translation>清明节</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="83" />
            <source>Labour Day</source>
            <translation>劳动节</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="84" />
            <source>Dragon Boat</source>
            <translation>端午节</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="85" />
            <source>Mid-Autumn</source>
            <translation>中秋节</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/labels.py" line="86" />
            <source>National Day</source>
            <translation>国庆节</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <location filename="../../ui/calendar/page.py" line="148" />
            <source>Previous</source>
            <translation>向前</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="149" />
            <source>Next</source>
            <translation>向后</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="150" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="151" />
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="152" />
            <source>Week</source>
            <translation>周</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="153" />
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="154" />
            <source>All follow-ups</source>
            <translation>全部随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="156" />
            <source>My follow-ups</source>
            <translation>我的随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="157" />
            <source>Clinic closed…</source>
            <translation>停诊顺延…</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="158" />
            <source>Move all of a station's follow-ups on one day to the next working day</source>
            <translation>把一个站点某天的全部随访顺延到下一个工作日</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="212" />
            <source>Public holidays for {years} are not in the calendar data: due dates there are moved over weekends only. Ask an administrator to add the year's holiday file.</source>
            <translation>{years}年的法定节假日与调休安排尚未收录：这些年份的到期日只避开了周末。请管理员添加该年的节假日文件。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="222" />
            <source>MMMM yyyy</source>
            <translation>yyyy年M月</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="225" />
            <source>Week of {date}</source>
            <translation>{date} 所在周</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="227" />
            <source>MMM d</source>
            <translation>M月d日</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/page.py" line="257" />
            <location filename="../../ui/calendar/page.py" line="275" />
            <source>%n follow-up(s) moved to {date}.</source>
            <translation>
                <numerusform>已将 %n 条随访改到 {date}。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="265" />
            <source>{day} is not a working day. Use Reschedule… to choose it anyway.</source>
            <translation>{day} 不是工作日。如确需安排，请用“改期…”。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/page.py" line="270" />
            <source>Moved in the week view</source>
            <translation>在周视图中拖动改期</translation>
        </message>
    </context>
    <context>
        <name>CloseDayDialog</name>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="143" />
            <source>Clinic closed for a day</source>
            <translation>停诊顺延</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="144" />
            <source>Station</source>
            <translation>站点</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="144" />
            <source>Closed on</source>
            <translation>停诊日期</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="144" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="145" />
            <source>e.g. power cut, staff training</source>
            <translation>如：停电、人员培训</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/reschedule_dialog.py" line="156" />
            <source>%n follow-up(s) planned that day will move to {date}.</source>
            <translation>
                <numerusform>当天的 %n 条待随访将顺延到 {date}。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="159" />
            <source>Holidays for {year} are not in the data: check this day yourself.</source>
            <translation>{year}年的节假日安排尚未收录：请自行确认这一天是否上班。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="166" />
            <source>Choose a station.</source>
            <translation>请选择站点。</translation>
        </message>
    </context>
    <context>
        <name>CompleteDialog</name>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="95" />
            <source>Complete follow-up</source>
            <translation>完成随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="96" />
            <source>&lt;b&gt;{name}&lt;/b&gt; · due {date}</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; · 应随访日期 {date}</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="101" />
            <source>Reached</source>
            <translation>已联系上</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="102" />
            <source>Not reached</source>
            <translation>未联系上</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="103" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="103" />
            <source>Contact</source>
            <translation>联系情况</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="103" />
            <source>Outcome</source>
            <translation>结局</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="104" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="104" />
            <source>Next follow-up</source>
            <translation>下次随访</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="126" />
            <source>Proposed by the rules:</source>
            <translation>按规则建议：</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="128" />
            <source>No further follow-up is planned after this outcome.</source>
            <translation>该结局之后不再安排随访。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="131" />
            <source>The attempt is counted. After {n} unanswered attempts the follow-up goes to the chase list.</source>
            <translation>本次尝试将被记录。连续 {n} 次未联系上后，该随访转入主动追踪。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="138" />
            <source>Saving creates a referral draft to the county cancer centre.</source>
            <translation>保存后将生成转往县肿瘤防治中心的转诊草稿。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="139" />
            <source>Saving closes the case and cancels its planned follow-ups.</source>
            <translation>保存后将结案，并取消该个案已安排的随访。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/complete_dialog.py" line="140" />
            <source>Saving flags the case for review.</source>
            <translation>保存后将标记该个案待复核。</translation>
        </message>
    </context>
    <context>
        <name>FollowupList</name>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="23" />
            <source>Due</source>
            <translation>应随访日期</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="24" />
            <source>Patient</source>
            <translation>患者</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="25" />
            <source>Cancer</source>
            <translation>癌种</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="26" />
            <source>Method</source>
            <translation>方式</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="27" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="28" />
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="29" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/list_model.py" line="30" />
            <source>Assigned to</source>
            <translation>负责人</translation>
        </message>
    </context>
    <context>
        <name>ListsPanel</name>
        <message>
            <location filename="../../ui/calendar/lists_panel.py" line="79" />
            <source>Complete…</source>
            <translation>完成随访…</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/lists_panel.py" line="80" />
            <source>Reschedule…</source>
            <translation>改期…</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/lists_panel.py" line="81" />
            <source>Open patient</source>
            <translation>打开患者</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/lists_panel.py" line="113" />
            <source>{day} (%n)</source>
            <translation>
                <numerusform>{day}（%n）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/lists_panel.py" line="114" />
            <source>Overdue (%n)</source>
            <translation>
                <numerusform>逾期（%n）</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/lists_panel.py" line="115" />
            <source>Chase list (%n)</source>
            <translation>
                <numerusform>主动追踪（%n）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/lists_panel.py" line="133" />
            <source>Select a follow-up to see why it is on its day.</source>
            <translation>选中一条随访，查看它为何排在这一天。</translation>
        </message>
        <message numerus="yes">
            <source>Reschedule %n…</source>
            <translation>
                <numerusform>改期 %n 条…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-ups selected: Reschedule… moves them together to one day.</source>
            <translation>
                <numerusform>已选择 %n 条随访：点“改期…”可一起改到同一天。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MonthView</name>
        <message numerus="yes">
            <location filename="../../ui/calendar/month_view.py" line="220" />
            <source>Done: %n</source>
            <translation>
                <numerusform>已完成：%n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/month_view.py" line="222" />
            <source>Not reached: %n</source>
            <translation>
                <numerusform>未联系上：%n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RescheduleDialog</name>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="108" />
            <source>Reschedule follow-up</source>
            <translation>随访改期</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="109" />
            <source>New date</source>
            <translation>新日期</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="109" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="110" />
            <source>e.g. the patient asked for another day</source>
            <translation>如：患者要求改到其他日期</translation>
        </message>
    </context>
    <context>
        <name>WeekView</name>
        <message numerus="yes">
            <location filename="../../ui/calendar/week_view.py" line="143" />
            <source>%n planned</source>
            <translation>
                <numerusform>待随访 %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_MoveDialog</name>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="73" />
            <source>Holidays for {year} are not in the data: check this day yourself.</source>
            <translation>{year}年的节假日安排尚未收录：请自行确认这一天是否上班。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="75" />
            <source>{day} is a public holiday ({name}).</source>
            <translation>{day} 是法定节假日（{name}）。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="77" />
            <source>{day} is a make-up working day.</source>
            <translation>{day} 是调休上班日。</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/reschedule_dialog.py" line="79" />
            <source>{day} is a weekend day.</source>
            <translation>{day} 是周末。</translation>
        </message>
    </context>
    <context>
        <name>BulkRescheduleDialog</name>
        <message>
            <source>Reschedule follow-ups</source>
            <translation>批量改期随访</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s) selected.</source>
            <translation>
                <numerusform>已选择 %n 条随访。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The next follow-up of each of %n case(s) moves.</source>
            <translation>
                <numerusform>%n 个个案各自的下一次随访将改期。</numerusform>
            </translation>
        </message>
        <message>
            <source>e.g. the clinic moved its session</source>
            <translation>例如：门诊调整了出诊时间</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>改期</translation>
        </message>
        <message>
            <source>New date</source>
            <translation>新日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Holidays for {year} are not in the data: check this day yourself.</source>
            <translation>{year}年的节假日安排尚未收录：请自行确认这一天是否上班。</translation>
        </message>
        <message>
            <source>{day} is a public holiday ({name}).</source>
            <translation>{day} 是法定节假日（{name}）。</translation>
        </message>
        <message>
            <source>{day} is a weekend day.</source>
            <translation>{day} 是周末。</translation>
        </message>
        <message>
            <source>Clinic visits go to the next working day, {date}; calls and home visits stay on {day}.</source>
            <translation>门诊随访顺延到下一个工作日 {date}；电话随访和上门访视仍在 {day}。</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s) moved to {date}.</source>
            <translation>
                <numerusform>%n 条随访已改到 {date}。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s) moved to {date}; {clinic} clinic visit(s) of them to {next} instead (the clinic is closed on {date}).</source>
            <translation>
                <numerusform>%n 条随访已改到 {date}；其中 {clinic} 个门诊改在 {next}（{date} 门诊不开）。</numerusform>
            </translation>
        </message>
    </context>
</TS>
