<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>There is no letter kind “{given}”. The kinds are: {valid}.</source>
      <translation>没有“{given}”这种信函类型。可用的类型：{valid}。</translation>
    </message>
    <message>
      <source>There is no {letter_kind} to print for this patient: no matching {table} record.</source>
      <translation>此患者没有可打印的{letter_kind}：没有相应的{table}记录。</translation>
    </message>
    <message>
      <source>There is no station “{given}”. Stations: {valid}.</source>
      <translation>没有“{given}”这个工作站。现有工作站：{valid}。</translation>
    </message>
    <message>
      <source>--mine needs a signed-in user, and nobody has signed in on this profile yet.</source>
      <translation>--mine 需要已登录的用户，但此配置还没有人登录过。</translation>
    </message>
    <message>
      <source>{name}: no postal address</source>
      <translation>{name}：没有邮寄地址</translation>
    </message>
    <message>
      <source>{name}: the letter font lacks characters — {detail}</source>
      <translation>{name}：信函字体缺少字符 — {detail}</translation>
    </message>
    <message>
      <source>{name}: a field of the template has no value — {detail}</source>
      <translation>{name}：模板中的字段没有数据 — {detail}</translation>
    </message>
    <message>
      <source>{name}: already printed (give a reprint reason to print it again)</source>
      <translation>{name}：已打印过（如需再次打印，请填写重印原因）</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: the template file is missing.</source>
      <translation>信函模板 {path}:{line}：模板文件不存在。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: this is not UTF-8 text; save the file as UTF-8.</source>
      <translation>信函模板 {path}:{line}：文件不是 UTF-8 文本，请另存为 UTF-8 编码。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: unknown section {section}; the sections are {sections}.</source>
      <translation>信函模板 {path}:{line}：未知的段落 {section}；可用的段落为 {sections}。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: a [details] row is written “label = value”.</source>
      <translation>信函模板 {path}:{line}：[details] 中每行应写成“标签 = 内容”。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: no “{key} = …” line before the first [section].</source>
      <translation>信函模板 {path}:{line}：第一个 [段落] 之前缺少“{key} = …”一行。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: the template has no [body] text.</source>
      <translation>信函模板 {path}:{line}：模板没有 [body] 正文。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: expected “key = value” with a key of {keys}, or a [section] line.</source>
      <translation>信函模板 {path}:{line}：此行应为“键 = 值”（键为 {keys} 之一），或 [段落] 行。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: “{key}” is empty.</source>
      <translation>信函模板 {path}:{line}：“{key}”没有填写内容。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: a version is plain text of at most {max} characters.</source>
      <translation>信函模板 {path}:{line}：版本号应为不超过 {max} 个字符的纯文本。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: unbalanced brace ({detail}); write {{{{ or }}}} for a literal brace.</source>
      <translation>信函模板 {path}:{line}：花括号不配对（{detail}）；如需显示花括号本身，请写成 {{{{ 或 }}}}。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: unknown field {name} for a {letter_kind}; the known fields are {known}.</source>
      <translation>信函模板 {path}:{line}：{letter_kind}没有字段 {name}；可用的字段为 {known}。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: the field {name} takes no format (“:” or “!”).</source>
      <translation>信函模板 {path}:{line}：字段 {name} 不能带格式（“:”或“!”）。</translation>
    </message>
    <message>
      <source>Letter template {path}:{line}: the letter font has no glyph for {chars}.</source>
      <translation>信函模板 {path}:{line}：信函字体中没有 {chars} 这些字符。</translation>
    </message>
    <message>
      <source>screening invitation</source>
      <translation>筛查邀请函</translation>
    </message>
    <message>
      <source>appointment notice</source>
      <translation>预约通知单</translation>
    </message>
    <message>
      <source>follow-up reminder</source>
      <translation>随访提醒</translation>
    </message>
    <message>
      <source>referral slip</source>
      <translation>转诊单</translation>
    </message>
    <message>
      <source>results-ready notice</source>
      <translation>结果领取通知</translation>
    </message>
    <message>
      <source>missed follow-up letter</source>
      <translation>失访追踪信</translation>
    </message>
    <message>
      <source>the case's next action date</source>
      <translation>个案下次处理日期</translation>
    </message>
    <message>
      <source>the appointment date</source>
      <translation>预约就诊日期</translation>
    </message>
    <message>
      <source>the follow-up due date</source>
      <translation>随访到期日</translation>
    </message>
    <message>
      <source>the date the referral was sent</source>
      <translation>转诊发出日期</translation>
    </message>
    <message>
      <source>the screening date</source>
      <translation>筛查日期</translation>
    </message>
    <message>
      <source>the due date of the missed follow-up</source>
      <translation>未联系上的随访到期日</translation>
    </message>
  </context>
</TS>
