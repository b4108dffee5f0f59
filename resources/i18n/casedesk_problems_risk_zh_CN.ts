<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Not in the target population of programme {programme}: not screened in this programme</source>
      <translation>不在筛查项目 {programme} 的目标人群，不纳入本项目筛查</translation>
    </message>
    <message>
      <source>Not in the target population ({eligibility}): not screened in this programme</source>
      <translation>不在目标人群（{eligibility}），不纳入本项目筛查</translation>
    </message>
    <message>
      <source>In the target population of programme {programme}; no high-risk factor found</source>
      <translation>符合筛查项目 {programme} 的目标人群，未发现高危因素</translation>
    </message>
    <message>
      <source>In the target population ({eligibility}); no high-risk factor found</source>
      <translation>符合目标人群（{eligibility}），未发现高危因素</translation>
    </message>
    <message>
      <source>High risk: {criteria}</source>
      <translation>高危：{criteria}</translation>
    </message>
    <message>
      <source>High risk: {criteria_text}</source>
      <translation>高危：{criteria_text}</translation>
    </message>
    <message>
      <source>High risk: {because}</source>
      <translation>高危：{because}</translation>
    </message>
    <message>
      <source>High risk, but outside the screening ages ({screen_text}): {because}</source>
      <translation>高危，但不在筛查年龄（{screen_text}）：{because}</translation>
    </message>
    <message>
      <source>Assessed ({eligibility}); no high-risk factor found; not in the screening ages ({screen_text})</source>
      <translation>已评估（{eligibility}），未发现高危因素；不在筛查年龄（{screen_text}）</translation>
    </message>
    <message>
      <source>{relation} {name} (household member) diagnosed with {cancer}</source>
      <translation>{relation} {name}（家庭成员）确诊{cancer}</translation>
    </message>
    <message>
      <source>{question} ({text}) must be answered when {after} is {after_value}.</source>
      <translation>{question}（{text}）：{after} 为 {after_value} 时必须填写。</translation>
    </message>
    <message>
      <source>{question} ({text}) is not asked when {after} is {after_value}; {value} was given.</source>
      <translation>{question}（{text}）：{after} 为 {after_value} 时不填此项，却填了 {value}。</translation>
    </message>
    <message>
      <source>{question} ({text}): {value} years is more than the age ({age}).</source>
      <translation>{question}（{text}）：{value} 年超过了年龄（{age} 岁）。</translation>
    </message>
    <message>
      <source>programme {programme} ({cancer}): {criteria} criteria, {vectors} test vectors</source>
      <translation>筛查项目 {programme}（{cancer}）：{criteria} 条标准，{vectors} 个测试向量</translation>
    </message>
    <message>
      <source>citation: {citation}</source>
      <translation>引文：{citation}</translation>
    </message>
    <message>
      <source>citation: title and year only, {source} (no full citation in this file)</source>
      <translation>引文：仅有标题和年份 {source}（本文件无完整引文）</translation>
    </message>
    <message>
      <source>to be checked by the clinical lead: {check}</source>
      <translation>待临床负责人核对：{check}</translation>
    </message>
    <message>
      <source>set by the programme ({where}): {setting} = {value} — {text}; {choice}</source>
      <translation>由项目设定（{where}）：{setting} = {value} —— {text}；{choice}</translation>
    </message>
    <message>
      <source>{file} v{version}: {vectors} test vectors, {failed} not as expected</source>
      <translation>{file} v{version}：{vectors} 个测试向量，{failed} 个与预期不符</translation>
    </message>
    <message>
      <source>{where} ({note}): expected {expected}, got {got}</source>
      <translation>{where}（{note}）：预期 {expected}，实际 {got}</translation>
    </message>
    <message>
      <source>{where} ({note}): refused at {field}, which the vector does not expect</source>
      <translation>{where}（{note}）：在 {field} 处被拒绝，与测试向量的预期不符</translation>
    </message>
    <message>
      <source>{where} ({note}): expected a refusal at {field}, but the answers were accepted</source>
      <translation>{where}（{note}）：预期在 {field} 处拒绝，但答案被接受了</translation>
    </message>
    <message>
      <source>{where}: the citation in [source] is missing {key} (write it, or "to be checked by the clinical lead"; never a guess).</source>
      <translation>{where}：[source] 的引文缺少 {key}（请填写，或写“to be checked by the clinical lead（待临床负责人核对）”，不要猜测）。</translation>
    </message>
    <message>
      <source>{where}: {key} must be text.</source>
      <translation>{where}：{key} 必须是文本。</translation>
    </message>
    <message>
      <source>{where}: the setting id “{setting}” is not a name (a–z, 0–9, _) or is used twice.</source>
      <translation>{where}：设置项 id“{setting}”不是合法名称（a–z、0–9、_）或重复使用。</translation>
    </message>
    <message>
      <source>{where}: the value of setting {setting} must be a number, not {given}.</source>
      <translation>{where}：设置项 {setting} 的值必须是数字，而不是 {given}。</translation>
    </message>
    <message>
      <source>{where}: setting {setting} is {given}, outside its range {min}–{max}.</source>
      <translation>{where}：设置项 {setting} 为 {given}，超出允许范围 {min}–{max}。</translation>
    </message>
    <message>
      <source>{where}: setting {setting} must say what the guideline leaves to the programme (choice = "…").</source>
      <translation>{where}：设置项 {setting} 须说明指南留给项目决定的内容（choice = "…"）。</translation>
    </message>
    <message>
      <source>{where}: {key} of question {question} may only word its options.</source>
      <translation>{where}：问题 {question} 的 {key} 只能为其选项提供措辞。</translation>
    </message>
    <message>
      <source>{where}: “{term}” in compute “{given}” is neither an earlier numeric question nor a number.</source>
      <translation>{where}：compute“{given}”中的“{term}”既不是前面的数值问题，也不是数字。</translation>
    </message>
    <message>
      <source>{where}: [screening] holds only [screening.high] and [screening.average].</source>
      <translation>{where}：[screening] 只能包含 [screening.high] 和 [screening.average]。</translation>
    </message>
    <message>
      <source>{where}: a [[vector]] needs answers = {{ … }}.</source>
      <translation>{where}：[[vector]] 需要 answers = {{ … }}。</translation>
    </message>
    <message>
      <source>{where}: the vector uses the question “{question}”, which is not defined.</source>
      <translation>{where}：测试向量用到了未定义的问题“{question}”。</translation>
    </message>
    <message>
      <source>{where}: a [[vector]] expects either a level or refused = "question".</source>
      <translation>{where}：[[vector]] 须给出 level 或 refused = "问题" 二者之一。</translation>
    </message>
    <message>
      <source>{where}: fired lists criteria this file does not define: {given}.</source>
      <translation>{where}：fired 列出了本文件未定义的标准：{given}。</translation>
    </message>
    <message>
      <source>Father</source>
      <translation>父亲</translation>
    </message>
    <message>
      <source>Mother</source>
      <translation>母亲</translation>
    </message>
    <message>
      <source>Son</source>
      <translation>儿子</translation>
    </message>
    <message>
      <source>Daughter</source>
      <translation>女儿</translation>
    </message>
    <message>
      <source>Brother</source>
      <translation>兄弟</translation>
    </message>
    <message>
      <source>Sister</source>
      <translation>姐妹</translation>
    </message>
  </context>
</TS>
