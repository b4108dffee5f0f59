<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Say why the stage changes.</source>
      <translation>请写明变更阶段的原因。</translation>
    </message>
    <message>
      <source>This case does not exist (any more).</source>
      <translation>该个案不存在（可能已被删除）。</translation>
    </message>
    <message>
      <source>This case is closed; its stage cannot change.</source>
      <translation>该个案已结案，不能变更阶段。</translation>
    </message>
    <message>
      <source>“{value}” is not a pathway stage.</source>
      <translation>“{value}”不是路径中的阶段。</translation>
    </message>
    <message>
      <source>The case is already in the {to_stage} stage.</source>
      <translation>该个案已处于{to_stage}阶段。</translation>
    </message>
    <message>
      <source>Rule {rule} (version {version}) does not allow a move from {from_stage} to {to_stage}. From {from_stage} the case may move to: {stages}.</source>
      <translation>规则 {rule}（版本 {version}）不允许从{from_stage}转入{to_stage}。{from_stage}阶段可转入：{stages}。</translation>
    </message>
    <message>
      <source>Rule {rule} (version {version}) allows no move from {from_stage}.</source>
      <translation>规则 {rule}（版本 {version}）规定{from_stage}阶段不能再转入其他阶段。</translation>
    </message>
    <message>
      <source>There is no rule “{rule}”; `python main.py rules list` shows them all.</source>
      <translation>没有规则“{rule}”；用 `python main.py rules list` 可查看全部规则。</translation>
    </message>
    <message>
      <source>No category of the rules fits a {nodule} nodule of {size_mm} mm. Nodule types: {kinds}.</source>
      <translation>规则中没有适用于 {size_mm} mm {nodule}结节的分级。结节类型：{kinds}。</translation>
    </message>
    <message>
      <source>prevention</source>
      <translation>预防</translation>
    </message>
    <message>
      <source>screening</source>
      <translation>筛查</translation>
    </message>
    <message>
      <source>diagnosis</source>
      <translation>诊断</translation>
    </message>
    <message>
      <source>treatment</source>
      <translation>治疗</translation>
    </message>
    <message>
      <source>rehabilitation</source>
      <translation>康复</translation>
    </message>
    <message>
      <source>support</source>
      <translation>帮扶</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>个案</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
  </context>
</TS>
