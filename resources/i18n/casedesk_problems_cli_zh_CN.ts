<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>error: {message}</source>
      <translation>错误：{message}</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>已中断</translation>
    </message>
    <message>
      <source>{option} “{value}” is not a date; write YYYY-MM-DD, e.g. 2026-11-30.</source>
      <translation>{option}“{value}”不是有效日期，请写成 YYYY-MM-DD，例如 2026-11-30。</translation>
    </message>
    <message>
      <source>The date range is back to front: --due-from {start} is after --due-to {end}.</source>
      <translation>日期范围有误：--due-from {start} 晚于 --due-to {end}。</translation>
    </message>
    <message>
      <source>--out must end in {suffix}: {path}</source>
      <translation>--out 的文件名应以 {suffix} 结尾：{path}</translation>
    </message>
    <message>
      <source>{option}: “{value}” is not a line number.</source>
      <translation>{option}：“{value}”不是行号。</translation>
    </message>
    <message>
      <source>--map “{spec}”: write COLUMN=FIELD, with FIELD one of {fields}.</source>
      <translation>--map “{spec}”：应写成 列=字段，字段为 {fields} 之一。</translation>
    </message>
    <message>
      <source>--map “{spec}”: there is no column “{column}” in the header row.</source>
      <translation>--map “{spec}”：表头中没有“{column}”这一列。</translation>
    </message>
    <message>
      <source>{file}: {rows} rows, header on line {header_line}; columns: {mapping}</source>
      <translation>{file}：共 {rows} 行，表头在第 {header_line} 行；列对应：{mapping}</translation>
    </message>
    <message>
      <source>candidate {id}: {name} {birth_date} {masked_id} {community}</source>
      <translation>可能的已有患者 {id}：{name} {birth_date} {masked_id} {community}</translation>
    </message>
    <message>
      <source>candidate {id}: {name} {birth_date} {masked_id} {community} (same ID number)</source>
      <translation>可能的已有患者 {id}：{name} {birth_date} {masked_id} {community}（身份证号相同）</translation>
    </message>
    <message>
      <source>Nothing imported: {count} line(s) need attention ({lines}). Fix the file, or leave lines out with --exclude-lines; confirm possible patients on file with --merge-lines or --new-lines.</source>
      <translation>未导入任何数据：{count} 行需要处理（{lines}）。请修改文件，或用 --exclude-lines 排除这些行；可能是已有患者的，请用 --merge-lines 或 --new-lines 确认。</translation>
    </message>
    <message>
      <source>Imported {rows} rows: {patients} new patients, {merged} merged, {cases} screening cases, {excluded} lines excluded ({seconds} s)</source>
      <translation>已导入 {rows} 行：新建患者 {patients} 人，合并 {merged} 人，筛查个案 {cases} 个，排除 {excluded} 行（用时 {seconds} 秒）</translation>
    </message>
    <message>
      <source>--sort: there is no column “{value}”; choose one of {valid}.</source>
      <translation>--sort：没有“{value}”这一列，请从 {valid} 中选择。</translation>
    </message>
    <message>
      <source>{count} cases written to {path}</source>
      <translation>已将 {count} 个个案写入 {path}</translation>
    </message>
    <message>
      <source>{count} follow-ups written to {path}</source>
      <translation>已将 {count} 条随访写入 {path}</translation>
    </message>
    <message>
      <source>FHIR R4 Bundle written to {path}: {counts}</source>
      <translation>FHIR R4 Bundle 已写入 {path}：{counts}</translation>
    </message>
    <message>
      <source>The profile {path} already has patients; demo data is only generated into an empty profile. Choose a new directory with --profile.</source>
      <translation>配置 {path} 中已有患者数据；演示数据只能生成到空的配置中。请用 --profile 另选一个新目录。</translation>
    </message>
    <message>
      <source>generating: {done}/{total} patients</source>
      <translation>生成中：{done}/{total} 名患者</translation>
    </message>
    <message>
      <source>Give exactly one of --after, --rule, --cancer or --size.</source>
      <translation>--after、--rule、--cancer、--size 只能且必须给出其中一个。</translation>
    </message>
    <message>
      <source>--cancer is one of {cancers}; --stage is one of {stages}.</source>
      <translation>--cancer 应为 {cancers} 之一；--stage 应为 {stages} 之一。</translation>
    </message>
    <message>
      <source>Rule {rule} ({kind}) has no interval of its own; use --cancer with --stage for dates the follow-up schedules decide.</source>
      <translation>规则 {rule}（{kind}）本身没有间隔；由随访方案决定的日期，请用 --cancer 加 --stage 查询。</translation>
    </message>
    <message>
      <source>--answers {path} cannot be read ({reason}).</source>
      <translation>无法读取 --answers {path}（{reason}）。</translation>
    </message>
    <message>
      <source>--answers {path} is not valid JSON ({detail}).</source>
      <translation>--answers {path} 不是有效的 JSON（{detail}）。</translation>
    </message>
    <message>
      <source>Holiday data:</source>
      <translation>节假日数据：</translation>
    </message>
    <message>
      <source>not covered: dates are moved over weekends only</source>
      <translation>未收录：日期只按周末顺延</translation>
    </message>
    <message>
      <source>Chase after {attempts} unanswered attempts; rule directories: {dirs}</source>
      <translation>连续 {attempts} 次未联系上后主动追踪；规则目录：{dirs}</translation>
    </message>
    <message>
      <source>Audit trail intact: {entries} entries from {devices} desktop(s).</source>
      <translation>审计记录完整：共 {entries} 条，来自 {devices} 台电脑。</translation>
    </message>
    <message>
      <source>Audit trail BROKEN at desktop {device}, entry #{seq} (id {entry}): {reason}. Entries after it cannot be trusted; keep this file for investigation.</source>
      <translation>审计记录在电脑 {device} 的第 {seq} 条（id {entry}）处断裂：{reason}。此后的记录不可信，请保留此文件以备调查。</translation>
    </message>
    <message>
      <source>{count} letter(s) skipped:</source>
      <translation>跳过 {count} 封信函：</translation>
    </message>
    <message>
      <source>Nothing printed: there is no {letter_kind} with {letter_range} from {start} to {end}. No PDF was written.</source>
      <translation>没有打印任何信函：{letter_range}在 {start} 至 {end} 之间的{letter_kind}一封也没有。未生成 PDF。</translation>
    </message>
    <message>
      <source>Nothing printed: every {letter_kind} from {start} to {end} was skipped (see above). No PDF was written.</source>
      <translation>没有打印任何信函：{start} 至 {end} 的{letter_kind}全部被跳过（见上）。未生成 PDF。</translation>
    </message>
    <message>
      <source>{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, {letter_range} {start} – {end}, {paper}]</source>
      <translation>已将 {count} 封信函（共 {pages} 页）写入 {path}［{letter_kind}，{letter_range} {start} 至 {end}，{paper}］</translation>
    </message>
    <message>
      <source>{count} letter(s), {pages} page(s) written to {path} [{letter_kind}, {letter_range} {start} – {end}, {paper}]; {skipped} skipped, listed on stderr</source>
      <translation>已将 {count} 封信函（共 {pages} 页）写入 {path}［{letter_kind}，{letter_range} {start} 至 {end}，{paper}］；跳过 {skipped} 封，详见错误输出</translation>
    </message>
  </context>
</TS>
