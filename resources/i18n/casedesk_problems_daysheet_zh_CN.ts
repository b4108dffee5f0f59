<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The day sheet is a PDF: give a file name ending in .pdf (not {path}).</source>
      <translation>日程单是 PDF 文件：请给出以 .pdf 结尾的文件名（而不是 {path}）。</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist. Choose a folder that does.</source>
      <translation>文件夹 {folder} 不存在。请选择一个已存在的文件夹。</translation>
    </message>
    <message>
      <source>Unknown day sheet “{value}”; one of: {valid}.</source>
      <translation>未知的日程单“{value}”；可选：{valid}。</translation>
    </message>
    <message>
      <source>{sheet}: {rows} row(s) on {pages} page(s), written to {path}.</source>
      <translation>{sheet}：{rows} 行，共 {pages} 页，已保存到 {path}。</translation>
    </message>
    <message>
      <source>The phone numbers of {count} patient(s) were printed in full; each is recorded in the audit log.</source>
      <translation>已完整打印 {count} 位患者的电话号码；每一次均已记入审计日志。</translation>
    </message>
    <message>
      <source>Today's call list</source>
      <translation>今日电话随访清单</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>入户随访单</translation>
    </message>
    <message>
      <source>Chase list: not reached</source>
      <translation>主动追踪清单：未联系上</translation>
    </message>
    <message>
      <source>Worklist: {count} case(s)</source>
      <translation>工作清单：{count} 例</translation>
    </message>
    <message>
      <source>Station: {station}</source>
      <translation>站点：{station}</translation>
    </message>
    <message>
      <source>all stations</source>
      <translation>全部站点</translation>
    </message>
    <message>
      <source>Date: {date}</source>
      <translation>日期：{date}</translation>
    </message>
    <message>
      <source>Printed by {who}, {at}</source>
      <translation>打印人：{who}，{at}</translation>
    </message>
    <message>
      <source>(not signed in)</source>
      <translation>（未登录）</translation>
    </message>
    <message>
      <source>Page {page} of {pages}</source>
      <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
      <source>overdue by {days} d</source>
      <translation>逾期 {days} 天</translation>
    </message>
    <message>
      <source>{community} ({count})</source>
      <translation>{community}（{count} 人）</translation>
    </message>
    <message>
      <source>No community</source>
      <translation>未填社区</translation>
    </message>
    <message>
      <source>No calls are due on {date}, and none are overdue.</source>
      <translation>{date} 没有到期的电话随访，也没有逾期的。</translation>
    </message>
    <message>
      <source>No home visits are due on {date}, and none are overdue.</source>
      <translation>{date} 没有到期的入户随访，也没有逾期的。</translation>
    </message>
    <message>
      <source>Nobody is waiting to be chased.</source>
      <translation>目前没有需要主动追踪的患者。</translation>
    </message>
    <message>
      <source>No cases match the worklist's filters.</source>
      <translation>没有符合工作清单筛选条件的个案。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Cancer</source>
      <translation>癌种</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>For</source>
      <translation>随访事由</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>应随访日</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>最近联系</translation>
    </message>
    <message>
      <source>Outcome (tick one)</source>
      <translation>结果（勾选一项）</translation>
    </message>
    <message>
      <source>Call back at</source>
      <translation>回拨时间</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Visit notes / signature</source>
      <translation>随访记录 / 签名</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Tries</source>
      <translation>尝试次数</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>接通</translation>
    </message>
    <message>
      <source>No answer</source>
      <translation>未接</translation>
    </message>
    <message>
      <source>Off/Disconnected</source>
      <translation>关机/停机</translation>
    </message>
    <message>
      <source>No such number</source>
      <translation>空号</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>拒接</translation>
    </message>
    <message>
      <source>Someone else</source>
      <translation>他人代接</translation>
    </message>
    <message>
      <source>Rescheduled</source>
      <translation>改约</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>门诊</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>入户</translation>
    </message>
    <message>
      <source>Call list</source>
      <translation>电话随访清单</translation>
    </message>
    <message>
      <source>Chase list</source>
      <translation>主动追踪清单</translation>
    </message>
    <message>
      <source>Worklist</source>
      <translation>工作清单</translation>
    </message>
  </context>
</TS>
