<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>BookExamDialog</name>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="167" />
      <source>Book an exam — %1</source>
      <translation>预约检查 — %1</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="168" />
      <source>Book an exam</source>
      <translation>预约检查</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="169" />
      <location filename="../../ui/slots/book_dialog.py" line="181" />
      <source>Examination</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="170" />
      <source>For case</source>
      <translation>所属个案</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="171" />
      <source>From</source>
      <translation>起始日期</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="173" />
      <source>Free slots</source>
      <translation>空余号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="174" />
      <source>This resident's bookings</source>
      <translation>该居民的预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="175" />
      <source>Book</source>
      <translation>预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="176" />
      <source>Rebook into this slot</source>
      <translation>改约到此号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="177" />
      <source>Print slip…</source>
      <translation>打印预约单…</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="178" />
      <source>Cancel booking</source>
      <translation>取消预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="179" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="180" />
      <location filename="../../ui/slots/book_dialog.py" line="181" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="180" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="180" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="180" />
      <source>Free</source>
      <translation>空余</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="181" />
      <source>Slip code</source>
      <translation>预约号</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="182" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="182" />
      <source>Server</source>
      <translation>服务器确认</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="192" />
      <source>(none)</source>
      <translation>（不关联）</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="263" />
      <source>Booked: %1. Print the slip for the resident.</source>
      <translation>已预约：%1。请为居民打印预约单。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="276" />
      <source>Rebooked; it is confirmed at the next sync.</source>
      <translation>已改约，下次同步时确认。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="299" />
      <source>Save the appointment slip</source>
      <translation>保存检查预约单</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="299" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/slots/book_dialog.py" line="307" />
      <source>Slip saved: %1</source>
      <translation>预约单已保存：%1</translation>
    </message>
  </context>
  <context>
    <name>PublishSeriesDialog</name>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="86" />
      <source>Publish slots</source>
      <translation>发布号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="88" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="88" />
      <source>Examination</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="88" />
      <source>First day</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="88" />
      <source>Last day</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="89" />
      <source>From</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="89" />
      <source>Until</source>
      <translation>结束时间</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="89" />
      <source>Every (minutes)</source>
      <translation>间隔（分钟）</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="89" />
      <source>Residents per slot</source>
      <translation>每个号源人数</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="90" />
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="90" />
      <source>What to bring</source>
      <translation>携带物品及注意事项</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="92" />
      <source>Working days only (public holidays left out)</source>
      <translation>仅工作日（不含法定节假日）</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="93" />
      <source>e.g. CT room, 2nd floor of the outpatient building</source>
      <translation>例如：门诊楼二楼CT室</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="94" />
      <source>e.g. ID card and medical insurance card; fast for 4 hours</source>
      <translation>例如：带身份证、医保卡；检查前禁食4小时</translation>
    </message>
    <message>
      <location filename="../../ui/slots/publish_dialog.py" line="95" />
      <source>Publish</source>
      <translation>发布</translation>
    </message>
  </context>
  <context>
    <name>SlotPoolPage</name>
    <message>
      <location filename="../../ui/slots/page.py" line="128" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="128" />
      <location filename="../../ui/slots/page.py" line="139" />
      <location filename="../../ui/slots/page.py" line="141" />
      <source>Examination</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="128" />
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="130" />
      <source>Slip code (type or scan)</source>
      <translation>预约号（输入或扫码）</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="131" />
      <source>Publish slots…</source>
      <translation>发布号源…</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="132" />
      <source>Attended</source>
      <translation>已到检</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="133" />
      <source>No-show</source>
      <translation>爽约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="134" />
      <source>Cancel booking</source>
      <translation>取消预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="135" />
      <source>Withdraw slot</source>
      <translation>撤回号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="136" />
      <source>Rebook into this slot</source>
      <translation>改约到此号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="137" />
      <source>The day's slots</source>
      <translation>当日号源</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="138" />
      <source>Bookings the server refused</source>
      <translation>被服务器拒绝的预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="139" />
      <source>Time / resident</source>
      <translation>时间 / 居民</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="139" />
      <source>Booked</source>
      <translation>已预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="140" />
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="140" />
      <source>Place / slip code</source>
      <translation>地点 / 预约号</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="141" />
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="141" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="142" />
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="154" />
      <source>All hospitals</source>
      <translation>全部医院</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="155" />
      <source>All examinations</source>
      <translation>全部检查项目</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="251" />
      <source>Registered as attended.</source>
      <translation>已登记到检。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="254" />
      <source>Registered as a no-show: the community case manager has a task to rebook.</source>
      <translation>已登记爽约：社区个案管理师将收到重新预约的任务。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="255" />
      <source>Booking cancelled.</source>
      <translation>预约已取消。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="261" />
      <source>Slot withdrawn.</source>
      <translation>号源已撤回。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="268" />
      <source>Rebooked; it is confirmed at the next sync.</source>
      <translation>已改约，下次同步时确认。</translation>
    </message>
    <message>
      <location filename="../../ui/slots/page.py" line="273" />
      <source>No booking has the code %1.</source>
      <translation>没有预约号为 %1 的预约。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/slots/page.py" line="285" />
      <source>%n slot(s) published.</source>
      <translation>
        <numerusform>已发布 %n 个号源。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SlotWords</name>
    <message>
      <location filename="../../ui/slots/words.py" line="24" />
      <source>Booked</source>
      <translation>已预约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="25" />
      <source>Attended</source>
      <translation>已到检</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="26" />
      <source>No-show</source>
      <translation>爽约</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="27" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="34" />
      <source>Confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="35" />
      <source>Tentative — confirmed at the next sync</source>
      <translation>待确认 — 下次同步时确认</translation>
    </message>
    <message>
      <location filename="../../ui/slots/words.py" line="36" />
      <source>Refused — rebook</source>
      <translation>被拒绝 — 请改约</translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <source>Book an exam</source>
      <translation>预约检查</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <source>Exam slots</source>
      <translation>号源池</translation>
    </message>
    <message>
      <source>The examination slot pool: hospitals publish CT and endoscopy slots, stations book their high-risk residents into them.</source>
      <translation>检查号源池：医院发布CT、内镜等检查号源，工作站为高危居民预约。</translation>
    </message>
  </context>
</TS>