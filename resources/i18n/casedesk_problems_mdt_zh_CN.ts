<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Choose at least {min} specialties for a multidisciplinary meeting.</source>
      <translation>多学科会诊至少需要 {min} 个专科。</translation>
    </message>
    <message>
      <source>A specialty name is empty or longer than {max} characters.</source>
      <translation>专科名称为空或超过 {max} 个字。</translation>
    </message>
    <message>
      <source>Unknown readiness item.</source>
      <translation>未知的准备项。</translation>
    </message>
    <message>
      <source>An MDT request that is {state} cannot become {to}.</source>
      <translation>MDT申请当前为「{state}」，不能改为「{to}」。</translation>
    </message>
    <message>
      <source>Not ready to book: missing {missing}.</source>
      <translation>资料未齐，不能预约：缺{missing}。</translation>
    </message>
    <message>
      <source>Only a request not yet booked changes its readiness items; this one is {state}.</source>
      <translation>只有尚未预约的申请可以更改准备项；此申请当前为「{state}」。</translation>
    </message>
    <message>
      <source>This MDT request is {state}: it cannot change any more.</source>
      <translation>该MDT申请已是「{state}」，不能再更改。</translation>
    </message>
    <message>
      <source>There is no such session ahead.</source>
      <translation>没有这个会诊时段，或已过去。</translation>
    </message>
    <message>
      <source>This session is full ({capacity} patients).</source>
      <translation>该时段已满（{capacity}例）。</translation>
    </message>
    <message>
      <source>Choose the plan the panel decided.</source>
      <translation>请选择会诊确定的治疗方案。</translation>
    </message>
    <message>
      <source>Book a session before recording a decision; this request is {state}.</source>
      <translation>会诊预约后才能记录决定；此申请当前为「{state}」。</translation>
    </message>
    <message>
      <source>Write the panel's decision.</source>
      <translation>请填写会诊意见。</translation>
    </message>
    <message>
      <source>A decision needs the session it was made in.</source>
      <translation>记录会诊决定前须先有会诊时段。</translation>
    </message>
    <message>
      <source>{path}: the MDT session plan cannot be read ({detail}). Each [[session]] needs weekday, time, capacity and place.</source>
      <translation>{path}：MDT时段文件无法读取（{detail}）。每个 [[session]] 需要 weekday、time、capacity 和 place。</translation>
    </message>
    <message>
      <source>{path}: every MDT session needs a weekday from 1 to 7 and a capacity of at least 1, and the plan at least one session.</source>
      <translation>{path}：MDT时段文件有误：每个时段的 weekday 须为 1–7，capacity 至少为 1，且至少有一个时段。</translation>
    </message>
    <message>
      <source>The panel meets on {session}: record its decision on or after that day.</source>
      <translation>会诊定于 {session}：请在当天或之后记录会诊决定。</translation>
    </message>
    <message>
      <source>requested</source>
      <translation>已申请</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>资料齐备</translation>
    </message>
    <message>
      <source>booked</source>
      <translation>已预约</translation>
    </message>
    <message>
      <source>decided</source>
      <translation>已决定</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>pathology</source>
      <translation>病理</translation>
    </message>
    <message>
      <source>imaging</source>
      <translation>影像</translation>
    </message>
    <message>
      <source>staging</source>
      <translation>分期</translation>
    </message>
    <message>
      <source>laboratory tests</source>
      <translation>化验</translation>
    </message>
    <message>
      <source>informed consent</source>
      <translation>知情同意</translation>
    </message>
  </context>
</TS>
