<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Choose the first and the last day of the period.</source>
      <translation>请选择统计期间的第一天和最后一天。</translation>
    </message>
    <message>
      <source>The period starts on {since} and ends on {until}: the first day must not be after the last.</source>
      <translation>统计期间从 {since} 到 {until}：开始日期不能晚于结束日期。</translation>
    </message>
    <message>
      <source>{step} conversion %</source>
      <translation>{step} 转化率%</translation>
    </message>
    <message>
      <source>{step} median days</source>
      <translation>{step} 中位天数</translation>
    </message>
    <message>
      <source>Screening funnel</source>
      <translation>筛查漏斗</translation>
    </message>
    <message>
      <source>Programme</source>
      <translation>筛查项目</translation>
    </message>
    <message>
      <source>Invited / pushed</source>
      <translation>邀请/推送</translation>
    </message>
    <message>
      <source>Screened</source>
      <translation>已筛查</translation>
    </message>
    <message>
      <source>High risk</source>
      <translation>高危</translation>
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
      <source>Diagnosed</source>
      <translation>已确诊</translation>
    </message>
    <message>
      <source>Treated</source>
      <translation>已治疗</translation>
    </message>
    <message>
      <source>Examined within 90 days of a positive screen</source>
      <translation>阳性筛查后90天内完成检查</translation>
    </message>
    <message>
      <source>Positive screens whose 90 days are judged</source>
      <translation>应闭环阳性筛查数</translation>
    </message>
    <message>
      <source>90-day loop closure %</source>
      <translation>90天闭环率%</translation>
    </message>
    <message>
      <source>Positive screens still within 90 days, not yet examined</source>
      <translation>未满90天且尚未检查的阳性筛查</translation>
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
      <source>Follow-up rate %</source>
      <translation>随访率%</translation>
    </message>
    <message>
      <source>Followed up on time</source>
      <translation>及时随访</translation>
    </message>
    <message>
      <source>Timely follow-up rate %</source>
      <translation>随访及时率%</translation>
    </message>
  </context>
</TS>
