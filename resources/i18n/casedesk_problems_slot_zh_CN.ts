<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Only the hospital's own staff publish, change or withdraw its examination slots.</source>
      <translation>只有本医院的工作人员可以发布、修改或撤回本院的检查号源。</translation>
    </message>
    <message>
      <source>A published slot keeps its hospital and examination; withdraw it and publish another.</source>
      <translation>已发布的号源不能更改医院和检查项目；请撤回后另行发布。</translation>
    </message>
    <message>
      <source>A slot holds from 1 to {max} residents.</source>
      <translation>每个号源可预约 1 至 {max} 人。</translation>
    </message>
    <message>
      <source>A slot lasts from 1 to {max} minutes.</source>
      <translation>每个号源时长为 1 至 {max} 分钟。</translation>
    </message>
    <message>
      <source>This slot has already begun; choose a later one.</source>
      <translation>该号源时间已过，请选择更晚的号源。</translation>
    </message>
    <message>
      <source>{held} residents are booked into this slot: cancel their bookings before withdrawing it.</source>
      <translation>该号源已有 {held} 人预约：请先取消这些预约再撤回号源。</translation>
    </message>
    <message>
      <source>{held} residents are already booked into this slot: its capacity cannot be lower.</source>
      <translation>该号源已有 {held} 人预约：容量不能低于此数。</translation>
    </message>
    <message>
      <source>{held} residents are booked for this time: cancel their bookings before moving the slot.</source>
      <translation>该时段已有 {held} 人预约：请先取消这些预约再调整时间。</translation>
    </message>
    <message>
      <source>A booking keeps its slot and resident; cancel it and book again.</source>
      <translation>预约不能更改号源或居民；请取消后重新预约。</translation>
    </message>
    <message>
      <source>A booking that is {state} cannot become {next}.</source>
      <translation>状态为“{state}”的预约不能改为“{next}”。</translation>
    </message>
    <message>
      <source>Only the hospital that holds the slot registers it as {state}.</source>
      <translation>只有提供该号源的医院可以登记为“{state}”。</translation>
    </message>
    <message>
      <source>The examination has not begun yet.</source>
      <translation>检查时间尚未到。</translation>
    </message>
    <message>
      <source>Only the resident's own station or the hospital cancels this booking.</source>
      <translation>只有居民所属工作站或医院可以取消该预约。</translation>
    </message>
    <message>
      <source>A booking is cancelled, not deleted.</source>
      <translation>预约只能取消，不能删除。</translation>
    </message>
    <message>
      <source>A new booking starts as booked.</source>
      <translation>新预约的状态必须为“已预约”。</translation>
    </message>
    <message>
      <source>This resident is not one of your station's.</source>
      <translation>该居民不属于您的工作站。</translation>
    </message>
    <message>
      <source>The case belongs to another resident.</source>
      <translation>该个案属于其他居民。</translation>
    </message>
    <message>
      <source>This {modality} slot is full (capacity {capacity}). Nearest free slots: {times}.</source>
      <translation>该{modality}号源已约满（容量 {capacity}）。最近的空余号源：{times}。</translation>
    </message>
    <message>
      <source>The last day comes before the first.</source>
      <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
      <source>Slots start at least 5 minutes apart.</source>
      <translation>号源间隔至少 5 分钟。</translation>
    </message>
    <message>
      <source>A series publishes at most {max} slots: publish a shorter period.</source>
      <translation>一次最多发布 {max} 个号源：请缩短时间段。</translation>
    </message>
    <message>
      <source>No slot fits those days and times.</source>
      <translation>所选日期和时间内没有可发布的号源。</translation>
    </message>
    <message>
      <source>This booking was not refused: nothing to rebook.</source>
      <translation>该预约未被拒绝，无需改约。</translation>
    </message>
    <message>
      <source>A slip prints for a booking that is booked and not refused; this one is {state}.</source>
      <translation>只有已预约且未被拒绝的预约可以打印预约单；该预约为“{state}”。</translation>
    </message>
    <message>
      <source>Low-dose CT</source>
      <translation>低剂量CT</translation>
    </message>
    <message>
      <source>Gastroscopy</source>
      <translation>胃镜</translation>
    </message>
    <message>
      <source>Colonoscopy</source>
      <translation>肠镜</translation>
    </message>
    <message>
      <source>Liver ultrasound + AFP</source>
      <translation>肝脏B超+甲胎蛋白</translation>
    </message>
    <message>
      <source>Mammography</source>
      <translation>乳腺钼靶</translation>
    </message>
    <message>
      <source>Breast ultrasound</source>
      <translation>乳腺B超</translation>
    </message>
    <message>
      <source>Cervical screening (HPV/TCT)</source>
      <translation>宫颈癌筛查（HPV/TCT）</translation>
    </message>
    <message>
      <source>PSA blood test</source>
      <translation>PSA血液检测</translation>
    </message>
    <message>
      <source>booked</source>
      <translation>已预约</translation>
    </message>
    <message>
      <source>attended</source>
      <translation>已到检</translation>
    </message>
    <message>
      <source>a no-show</source>
      <translation>爽约</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Examination slots</source>
      <translation>检查号源</translation>
    </message>
    <message>
      <source>Examination bookings</source>
      <translation>检查预约</translation>
    </message>
    <message>
      <source>Slot</source>
      <translation>号源</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>容量</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>时长（分钟）</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Examination</source>
      <translation>检查项目</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>What to bring</source>
      <translation>携带物品及注意事项</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <source>Attended at</source>
      <translation>到检时间</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Every (minutes)</source>
      <translation>间隔（分钟）</translation>
    </message>
  </context>
</TS>
