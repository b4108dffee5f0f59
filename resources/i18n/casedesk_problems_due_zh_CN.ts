<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Due {date} ({weekday})</source>
      <translation>到期日 {date}（{weekday}）</translation>
    </message>
    <message>
      <source>Rule {rule}, version {version}</source>
      <translation>规则 {rule} v{version}</translation>
    </message>
    <message>
      <source>Rule {rule}, version {version}, {source}: {text}</source>
      <translation>规则 {rule} v{version} {source}：{text}</translation>
    </message>
    <message>
      <source>{start} + {interval} = {date}</source>
      <translation>{start} + {interval} = {date}</translation>
    </message>
    <message>
      <source>{start} + {interval} = {date} (that month has no day {day}: its last day)</source>
      <translation>{start} + {interval} = {date}（{day}日在该月不存在，取月末）</translation>
    </message>
    <message>
      <source>{date} is not a working day ({runs}) → moved to the next working day, {to} ({to_weekday}) [holiday data: {source}]</source>
      <translation>{date} 不是工作日（{runs}）→ 顺延至下一个工作日 {to}（{to_weekday}）［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>{span}: weekend</source>
      <translation>{span}周末</translation>
    </message>
    <message>
      <source>{span}: {holiday} holiday</source>
      <translation>{span}{holiday}假期</translation>
    </message>
    <message>
      <source>{first}–{last}</source>
      <translation>{first}–{last}</translation>
    </message>
    <message>
      <source>{day} {month}</source>
      <translation>{month}{day}日</translation>
    </message>
    <message>
      <source>{date} ({weekday}) is not a weekend, so it stays; the holidays of that year are not in the data, so whether it is a day off cannot be checked</source>
      <translation>{date}（{weekday}）不是周末，不顺延；该年节假日未收录，无法确认是否放假</translation>
    </message>
    <message>
      <source>{date} ({weekday}) is a make-up working day for {holiday}, so it stays [holiday data: {source}]</source>
      <translation>{date}（{weekday}）是{holiday}调休上班日，不顺延［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>{date} ({weekday}) is a working day, so it stays [holiday data: {source}]</source>
      <translation>{date}（{weekday}）是工作日，不顺延［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>none (the year is not in the data)</source>
      <translation>无（该年未收录）</translation>
    </message>
    <message>
      <source>Counted from {anchor}{since}: {elapsed} had passed by {last} → phase {phase}: every {every} for {until}</source>
      <translation>起算日 {anchor}{since}，至 {last} 已过 {elapsed} → 第{phase}阶段：{until}内每{every}一次</translation>
    </message>
    <message>
      <source>Counted from {anchor}{since}: {elapsed} had passed by {last} → phase {phase}: every {every} from then on</source>
      <translation>起算日 {anchor}{since}，至 {last} 已过 {elapsed} → 第{phase}阶段：此后每{every}一次</translation>
    </message>
    <message>
      <source> (entering this stage)</source>
      <translation>（进入本阶段）</translation>
    </message>
    <message>
      <source> (entered the {stage} stage on {date})</source>
      <translation>（{date} 进入{stage}期）</translation>
    </message>
    <message>
      <source> (no date of entering this stage is recorded: the day the case was opened)</source>
      <translation>（未记录进入本阶段的日期，按建档日）</translation>
    </message>
    <message>
      <source> (--anchor)</source>
      <translation>（--anchor）</translation>
    </message>
    <message>
      <source> ({text})</source>
      <translation>（{text}）</translation>
    </message>
    <message>
      <source>Screening programme {programme}: an invitation every {every}</source>
      <translation>筛查项目 {programme}：每{every}邀请一次</translation>
    </message>
    <message>
      <source>Newly in screening programme {programme}: the first invitation within {interval} (by {latest}), on the last working day inside it</source>
      <translation>新纳入筛查项目 {programme}：首次邀请在{interval}内（{latest}前），取其中最后一个工作日</translation>
    </message>
    <message>
      <source>A {nodule} nodule of {size_mm} mm: the ≥{min_mm} mm category</source>
      <translation>{nodule}结节 {size_mm} mm，属于 ≥{min_mm} mm 一档</translation>
    </message>
    <message>
      <source>A {nodule} nodule of {size_mm} mm: the {min_mm}–&lt;{below_mm} mm category</source>
      <translation>{nodule}结节 {size_mm} mm，属于 {min_mm}–&lt;{below_mm} mm 一档</translation>
    </message>
    <message>
      <source>No follow-up schedule fits {cancer} in the {stage} stage: one month later by default</source>
      <translation>没有适用于{cancer}（{stage}阶段）的随访计划，默认一个月后</translation>
    </message>
    <message>
      <source>Follow-up outcome “{outcome}”: the next follow-up {interval} later</source>
      <translation>随访结局“{outcome}”：{interval}后再次随访</translation>
    </message>
    <message>
      <source>No case linked: {interval} later by default</source>
      <translation>没有关联个案，默认{interval}后</translation>
    </message>
    <message>
      <source>{text}</source>
      <translation>{text}</translation>
    </message>
    <message>
      <source>⚠ The statutory holidays and make-up working days of {year} are not in the data ({data} has no {year}, and there is no rules/holidays/{year}.toml): dates were moved over weekends only and may fall on a holiday. Ask an administrator to add the year's holiday file.</source>
      <translation>⚠ {year}年的法定节假日与调休安排未收录（{data} 没有 {year} 年的数据，也没有 rules/holidays/{year}.toml）：只按周末顺延，节假日可能未避开。请管理员添加该年的节假日文件。</translation>
    </message>
    <message>
      <source>{date} ({weekday}): a working day [holiday data: {source}]</source>
      <translation>{date}（{weekday}）工作日［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>{date} ({weekday}): a make-up working day for {holiday} [holiday data: {source}]</source>
      <translation>{date}（{weekday}）{holiday}调休上班日［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>{date} ({weekday}): weekend, not a working day [holiday data: {source}]</source>
      <translation>{date}（{weekday}）周末（非工作日）［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>{date} ({weekday}): {holiday} holiday, not a working day [holiday data: {source}]</source>
      <translation>{date}（{weekday}）{holiday}假期（非工作日）［节假日数据：{source}］</translation>
    </message>
    <message>
      <source>Planned by rule {rule}, version {version}</source>
      <translation>由规则 {rule} v{version} 安排</translation>
    </message>
    <message>
      <source>Planned by rule {rule}, version {version}, {source}: {text}</source>
      <translation>由规则 {rule} v{version} {source} 安排：{text}</translation>
    </message>
    <message>
      <source>Planned by rule {rule}, which the current rule set does not have</source>
      <translation>规则：{rule}（当前规则集中没有）</translation>
    </message>
    <message>
      <source>Planned by hand, by no rule</source>
      <translation>手工安排，无规则</translation>
    </message>
    <message>
      <source>{path}  (version {version})</source>
      <translation>{path}（版本 {version}）</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n}天</translation>
    </message>
    <message>
      <source>1 day</source>
      <translation>1天</translation>
    </message>
    <message>
      <source>{n} weeks</source>
      <translation>{n}周</translation>
    </message>
    <message>
      <source>1 week</source>
      <translation>1周</translation>
    </message>
    <message>
      <source>{n} months</source>
      <translation>{n}个月</translation>
    </message>
    <message>
      <source>1 month</source>
      <translation>1个月</translation>
    </message>
    <message>
      <source>{n} years</source>
      <translation>{n}年</translation>
    </message>
    <message>
      <source>1 year</source>
      <translation>1年</translation>
    </message>
    <message>
      <source>{years} {months}</source>
      <translation>{years}{months}</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>1月</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>2月</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>3月</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>4月</translation>
    </message>
    <message>
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>6月</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>7月</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>8月</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>9月</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>10月</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>11月</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>12月</translation>
    </message>
    <message>
      <source>New Year's Day</source>
      <translation>元旦</translation>
    </message>
    <message>
      <source>Spring Festival</source>
      <translation>春节</translation>
    </message>
    <message>
      <source>Qingming Festival</source>
      <translation>清明节</translation>
    </message>
    <message>
      <source>Labour Day</source>
      <translation>劳动节</translation>
    </message>
    <message>
      <source>Dragon Boat Festival</source>
      <translation>端午节</translation>
    </message>
    <message>
      <source>Mid-Autumn Festival</source>
      <translation>中秋节</translation>
    </message>
    <message>
      <source>National Day</source>
      <translation>国庆节</translation>
    </message>
    <message>
      <source>Victory Day</source>
      <translation>抗战胜利纪念日</translation>
    </message>
    <message>
      <source>Stable</source>
      <translation>病情稳定</translation>
    </message>
    <message>
      <source>Symptoms, advised to see a doctor</source>
      <translation>出现不适，已指导就诊</translation>
    </message>
    <message>
      <source>Needs a clinic re-check</source>
      <translation>需门诊复查</translation>
    </message>
    <message>
      <source>In hospital</source>
      <translation>目前住院中</translation>
    </message>
    <message>
      <source>Recurrence suspected</source>
      <translation>疑似复发</translation>
    </message>
    <message>
      <source>Declined follow-up</source>
      <translation>拒绝随访</translation>
    </message>
    <message>
      <source>Moved away</source>
      <translation>迁出</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>死亡</translation>
    </message>
    <message>
      <source>solid</source>
      <translation>实性</translation>
    </message>
    <message>
      <source>non-solid</source>
      <translation>非实性</translation>
    </message>
  </context>
</TS>
