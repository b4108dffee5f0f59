<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>{file}: import an .xlsx, .xls, .ods or .csv file.</source>
      <translation>{file}：请导入 .xlsx、.xls、.ods 或 .csv 文件。</translation>
    </message>
    <message>
      <source>{file}: the file is damaged ({detail}).</source>
      <translation>{file}：文件已损坏（{detail}）。</translation>
    </message>
    <message>
      <source>{file} cannot be read ({reason}).</source>
      <translation>无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
      <source>{file}: the file is empty.</source>
      <translation>{file}：文件是空的。</translation>
    </message>
    <message>
      <source>{file}: unknown text encoding; save it as UTF-8 or GBK.</source>
      <translation>{file}：无法识别文件编码，请另存为 UTF-8 或 GBK 编码。</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <source>Cancelled: nothing was imported.</source>
      <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
      <source>Two columns are mapped to {column}.</source>
      <translation>有两列都对应“{column}”。</translation>
    </message>
    <message>
      <source>Columns missing: {columns}. A list needs a name, and an ID number or a birth date and sex.</source>
      <translation>缺少必要的列：{columns}。名单需要姓名，以及身份证号或出生日期和性别。</translation>
    </message>
    <message>
      <source>{count} line(s) have problems: nothing was imported.</source>
      <translation>{count} 行有问题，未导入任何数据。</translation>
    </message>
    <message>
      <source>Nothing is left to import: all {excluded} line(s) are excluded. Nothing was written.</source>
      <translation>没有可导入的内容：全部 {excluded} 行都已排除，未写入任何数据。</translation>
    </message>
    <message>
      <source>This patient does not exist (any more).</source>
      <translation>该患者不存在（可能已被删除）。</translation>
    </message>
    <message>
      <source>There are no risk assessment rules for {cancer}; rules exist for: {available}.</source>
      <translation>没有{cancer}的风险评估规则；现有规则：{available}。</translation>
    </message>
    <message>
      <source>To judge whether the person is in the target population, answer: {questions}.</source>
      <translation>判断是否属于目标人群，还需回答：{questions}。</translation>
    </message>
    <message>
      <source>The answers must be a JSON object.</source>
      <translation>答案应为 JSON 对象。</translation>
    </message>
    <message>
      <source>Unknown question(s) {questions}; {file} asks: {asked}.</source>
      <translation>未知问题 {questions}；{file} 中的问题为：{asked}。</translation>
    </message>
    <message>
      <source>{question} ({text}): {value} is not a valid answer.</source>
      <translation>{question}（{text}）：{value} 不是有效答案。</translation>
    </message>
    <message>
      <source>{question} ({text}): {value} is out of the range {min}–{max}.</source>
      <translation>{question}（{text}）：{value} 超出范围 {min}–{max}。</translation>
    </message>
    <message>
      <source>Birth date “{value}”: write YYYY-MM-DD.</source>
      <translation>出生日期“{value}”：请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is empty but required.</source>
      <translation>第 {line} 行：{field_name}为必填项，但没有填写。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is too long (at most {max} characters).</source>
      <translation>第 {line} 行：{field_name}过长（最多 {max} 个字）。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} holds digits or symbols: {value}.</source>
      <translation>第 {line} 行：{field_name}含有数字或符号：{value}。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name}: unknown sex {value} (write M or F, or 男 or 女).</source>
      <translation>第 {line} 行：{field_name}：无法识别的性别 {value}（应为 男/女 或 M/F）。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is not a real date: {value}.</source>
      <translation>第 {line} 行：{field_name}不是有效日期：{value}。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is in the future: {value}.</source>
      <translation>第 {line} 行：{field_name}在将来：{value}。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is too early: {value}.</source>
      <translation>第 {line} 行：{field_name}过早：{value}。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name}: {value} is not a phone number (11-digit mobile, or landline with area code).</source>
      <translation>第 {line} 行：{field_name}：{value} 不是有效电话（手机为 11 位，座机需带区号）。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name} is not a valid ID number: {reason}.</source>
      <translation>第 {line} 行：{field_name}无效：{reason}。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name}: the check digit does not match (it should be {expected}).</source>
      <translation>第 {line} 行：{field_name}校验位不符（应为 {expected}）。</translation>
    </message>
    <message>
      <source>Line {line}: {field_name}: an old 15-digit number; use the 18-digit {suggested}.</source>
      <translation>第 {line} 行：{field_name}为 15 位旧号码，请换成 18 位：{suggested}。</translation>
    </message>
    <message>
      <source>Line {line}: the ID number says born {id_birth}, the birth date column says {birth}.</source>
      <translation>第 {line} 行：身份证号中的出生日期 {id_birth} 与出生日期 {birth} 不一致。</translation>
    </message>
    <message>
      <source>Line {line}: the ID number says sex {id_sex}, the sex column says {sex}.</source>
      <translation>第 {line} 行：身份证号中的性别（{id_sex}）与性别一栏（{sex}）不一致。</translation>
    </message>
    <message>
      <source>Line {line}: birth date and sex are needed when there is no ID number.</source>
      <translation>第 {line} 行：没有身份证号时，出生日期和性别为必填。</translation>
    </message>
    <message>
      <source>Line {line}: column {column}: {value} is no street of the network (name or alias).</source>
      <translation>第 {line} 行：{column} 列的“{value}”与网络中任何街道的名称或别名都不符。</translation>
    </message>
    <message>
      <source>Line {line}: column {column}: {value} is no community of the network (name or alias).</source>
      <translation>第 {line} 行：{column} 列的“{value}”与网络中任何社区的名称或别名都不符。</translation>
    </message>
    <message>
      <source>Line {line}: community {value} is in several streets: give the street.</source>
      <translation>第 {line} 行：多个街道都有社区“{value}”，请填写街道。</translation>
    </message>
    <message>
      <source>Line {line}: community {value} is not in street {street}.</source>
      <translation>第 {line} 行：社区“{value}”不属于街道“{street}”。</translation>
    </message>
    <message>
      <source>Line {line}: unknown screening programme {value}.</source>
      <translation>第 {line} 行：无法识别的筛查项目“{value}”。</translation>
    </message>
    <message>
      <source>Line {line}: the {programme} programme does not apply to this sex.</source>
      <translation>第 {line} 行：{programme}筛查不适用于该性别。</translation>
    </message>
    <message>
      <source>Line {line}: the same person as line {other}.</source>
      <translation>第 {line} 行：与第 {other} 行是同一人。</translation>
    </message>
    <message>
      <source>Line {line}: may be the existing patient {name}: confirm the merge, or leave the line out.</source>
      <translation>第 {line} 行：可能与已有患者 {name} 是同一人，请确认合并或排除此行。</translation>
    </message>
    <message>
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>所属社区</translation>
    </message>
    <message>
      <source>Screening programme</source>
      <translation>筛查项目</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>答案</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>female</source>
      <translation>女</translation>
    </message>
  </context>
</TS>
