<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>An interval is written as text such as “3m”, not {value}.</source>
      <translation>间隔应写成文本，如“3m”，而不是 {value}。</translation>
    </message>
    <message>
      <source>“{value}” is not an interval: write a number and d, w, m or y (days, weeks, months, years), e.g. “3m”.</source>
      <translation>无法识别的间隔“{value}”：应为数字加单位 d、w、m 或 y（天、周、月、年），如“3m”。</translation>
    </message>
    <message>
      <source>{where}: an interval is written as text such as “3m”, not {given}.</source>
      <translation>{where}：间隔应写成文本，如“3m”，而不是 {given}。</translation>
    </message>
    <message>
      <source>{where}: “{given}” is not an interval: write a number and d, w, m or y (days, weeks, months, years), e.g. “3m”.</source>
      <translation>{where}：无法识别的间隔“{given}”：应为数字加单位 d、w、m 或 y（天、周、月、年），如“3m”。</translation>
    </message>
    <message>
      <source>{where}: this is not valid TOML ({detail}).</source>
      <translation>{where}：不是有效的 TOML（{detail}）。</translation>
    </message>
    <message>
      <source>{where}: the file cannot be read ({reason}).</source>
      <translation>{where}：无法读取文件（{reason}）。</translation>
    </message>
    <message>
      <source>{where}: this rule file is missing.</source>
      <translation>{where}：规则文件缺失。</translation>
    </message>
    <message>
      <source>{where}: version is missing (text, e.g. version = "2026.1").</source>
      <translation>{where}：缺少 version（文本，如 version = "2026.1"）。</translation>
    </message>
    <message>
      <source>{where}: the source is missing: source = {{ title = "…", year = 2021 }} (the guideline's title and year).</source>
      <translation>{where}：缺少来源：source = {{ title = "…", year = 2021 }}（指南名称和年份）。</translation>
    </message>
    <message>
      <source>{where}: text is missing (the explanation people read).</source>
      <translation>{where}：缺少 text（给人看的说明）。</translation>
    </message>
    <message>
      <source>{where}: id is missing.</source>
      <translation>{where}：缺少 id。</translation>
    </message>
    <message>
      <source>{where}: the rule id “{id}” is used twice (see also {other}).</source>
      <translation>{where}：规则 id“{id}”重复（另见 {other}）。</translation>
    </message>
    <message>
      <source>{where}: unknown stage “{given}”; the stages are {valid}.</source>
      <translation>{where}：未知阶段“{given}”，应为 {valid} 之一。</translation>
    </message>
    <message>
      <source>{where}: cancers must be a non-empty list, e.g. ["lung"] or ["*"].</source>
      <translation>{where}：cancers 应为非空列表，如 ["lung"] 或 ["*"]。</translation>
    </message>
    <message>
      <source>{where}: unknown cancer type {given}.</source>
      <translation>{where}：未知癌种 {given}。</translation>
    </message>
    <message>
      <source>{where}: chase_after_attempts must be a whole number from 1 to 10.</source>
      <translation>{where}：chase_after_attempts 应为 1–10 的整数。</translation>
    </message>
    <message>
      <source>{where}: {section} must be a table.</source>
      <translation>{where}：{section} 应为表。</translation>
    </message>
    <message>
      <source>{where}: {key} must be a list of stages.</source>
      <translation>{where}：{key} 应为阶段列表。</translation>
    </message>
    <message>
      <source>{where}: [transitions.default] is missing.</source>
      <translation>{where}：缺少 [transitions.default]。</translation>
    </message>
    <message>
      <source>{where}: a return must go back to an earlier stage: {stage} → {target} belongs under [transitions].</source>
      <translation>{where}：returns 只能回到更早的阶段：{stage} → {target} 应写在 [transitions] 中。</translation>
    </message>
    <message>
      <source>{where}: the transitions form a cycle ({cycle}); write a way back under [returns].</source>
      <translation>{where}：阶段转换形成循环（{cycle}）；回到更早阶段请写在 [returns] 中。</translation>
    </message>
    <message>
      <source>{where}: {section} is missing: every stage needs its next action.</source>
      <translation>{where}：缺少 {section}：每个阶段都需要下一步处理。</translation>
    </message>
    <message>
      <source>{where}: stages must be a non-empty list of stages.</source>
      <translation>{where}：stages 应为非空的阶段列表。</translation>
    </message>
    <message>
      <source>{where}: steps must be a non-empty list.</source>
      <translation>{where}：steps 应为非空列表。</translation>
    </message>
    <message>
      <source>{where}: only the last step may leave out until.</source>
      <translation>{where}：只有最后一步可以不写 until。</translation>
    </message>
    <message>
      <source>{where}: until {until} must be in months or years and grow from step to step.</source>
      <translation>{where}：until {until} 应以月或年计，并且逐步增大。</translation>
    </message>
    <message>
      <source>{where}: programme is missing.</source>
      <translation>{where}：缺少 programme。</translation>
    </message>
    <message>
      <source>{where}: min_mm and below_mm must be numbers with min_mm &lt; below_mm.</source>
      <translation>{where}：min_mm 和 below_mm 应为数字，且 min_mm &lt; below_mm。</translation>
    </message>
    <message>
      <source>{where}: the {nodule} nodule size categories must meet without gaps or overlaps (at {edge} mm).</source>
      <translation>{where}：{nodule} 结节的大小分级有缺口或重叠（{edge} mm 处），应首尾相接。</translation>
    </message>
    <message>
      <source>{where}: unknown action “{given}”; the actions are {valid}.</source>
      <translation>{where}：未知 action“{given}”，应为 {valid} 之一。</translation>
    </message>
    <message>
      <source>{where}: unknown follow-up method “{given}”.</source>
      <translation>{where}：未知随访方式“{given}”。</translation>
    </message>
    <message>
      <source>{where}: year is missing or invalid (e.g. year = 2027).</source>
      <translation>{where}：缺少 year 或 year 无效（如 year = 2027）。</translation>
    </message>
    <message>
      <source>{where}: the file is called {file} but says year = {year}.</source>
      <translation>{where}：文件名是 {file}，但 year = {year}。</translation>
    </message>
    <message>
      <source>{where}: {key} is missing (text).</source>
      <translation>{where}：缺少 {key}（文本）。</translation>
    </message>
    <message>
      <source>{where}: each [[holiday]] needs a name.</source>
      <translation>{where}：每个 [[holiday]] 都需要 name。</translation>
    </message>
    <message>
      <source>{where}: {key} must be a date, e.g. {example}.</source>
      <translation>{where}：{key} 应为日期，如 {example}。</translation>
    </message>
    <message>
      <source>{where}: {name}: from and to do not make a holiday ({start} … {end}).</source>
      <translation>{where}：{name}：from/to 不合理（{start} … {end}）。</translation>
    </message>
    <message>
      <source>{where}: workdays must be a list of dates.</source>
      <translation>{where}：workdays 应为日期列表。</translation>
    </message>
    <message>
      <source>{where}: {day} is both a holiday and a working day.</source>
      <translation>{where}：{day} 既是假日又是调休上班日。</translation>
    </message>
    <message>
      <source>{where}: the file must be named after its cancer: {expected}.</source>
      <translation>{where}：文件名应与癌种一致：{expected}。</translation>
    </message>
    <message>
      <source>{where}: baseline must be one of {valid}.</source>
      <translation>{where}：baseline 应为 {valid} 之一。</translation>
    </message>
    <message>
      <source>{where}: the type of question {question} must be one of {valid}.</source>
      <translation>{where}：问题 {question} 的 type 应为 {valid} 之一。</translation>
    </message>
    <message>
      <source>{where}: the question id “{question}” is used twice.</source>
      <translation>{where}：问题 id“{question}”重复。</translation>
    </message>
    <message>
      <source>{where}: every risk file asks the age: the age question is missing.</source>
      <translation>{where}：缺少 age 问题（每个风险评估文件都要问年龄）。</translation>
    </message>
    <message>
      <source>{where}: [eligibility] (the target population) is missing.</source>
      <translation>{where}：缺少 [eligibility]（目标人群）。</translation>
    </message>
    <message>
      <source>{where}: level must be one of {valid}.</source>
      <translation>{where}：level 应为 {valid} 之一。</translation>
    </message>
    <message>
      <source>{where}: at least one [[criterion]] is needed.</source>
      <translation>{where}：至少需要一条 [[criterion]]。</translation>
    </message>
    <message>
      <source>{where}: the [next] text (the next step for a high-risk person) is missing.</source>
      <translation>{where}：缺少 [next] 的 text（高危人群的下一步）。</translation>
    </message>
    <message>
      <source>{where}: write one of all = [...], any = [...], or at_least with of.</source>
      <translation>{where}：请写 all = [...]、any = [...] 或 at_least 加 of 之一。</translation>
    </message>
    <message>
      <source>{where}: {key} must be a non-empty list.</source>
      <translation>{where}：{key} 应为非空列表。</translation>
    </message>
    <message>
      <source>{where}: at_least must be from 1 to {max}.</source>
      <translation>{where}：at_least 应为 1–{max}。</translation>
    </message>
    <message>
      <source>{where}: the condition “{given}” cannot be read; write it like "age &gt;= 50" or "copd".</source>
      <translation>{where}：无法识别的条件“{given}”，请写成 "age &gt;= 50" 或 "copd" 的形式。</translation>
    </message>
    <message>
      <source>{where}: the condition uses the question “{question}”, which is not defined.</source>
      <translation>{where}：条件用到了未定义的问题“{question}”。</translation>
    </message>
    <message>
      <source>{where}: {question} is not a yes/no question: compare it with a value.</source>
      <translation>{where}：{question} 不是是/否问题，需要与某个值比较。</translation>
    </message>
    <message>
      <source>{where}: the value {given} in the condition cannot be read.</source>
      <translation>{where}：无法识别条件中的值 {given}。</translation>
    </message>
    <message>
      <source>{where}: {question} has no option {given}.</source>
      <translation>{where}：{question} 没有选项 {given}。</translation>
    </message>
  </context>
</TS>
