<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>“{given}” is not a kind of published file; the kinds are {valid}.</source>
      <translation>“{given}”不是可发布的文件类型；可用类型：{valid}。</translation>
    </message>
    <message>
      <source>{file}: a {kind} is named one of: {expected}.</source>
      <translation>{file}：{kind}的文件名须为以下之一：{expected}。</translation>
    </message>
    <message>
      <source>{file} is larger than {max_kib} KiB: that is not a rule file or a letter template.</source>
      <translation>{file} 超过 {max_kib} KiB：这不是规则文件或信函模板。</translation>
    </message>
    <message>
      <source>{file} holds a NUL character: it is not a text file.</source>
      <translation>{file} 含有 NUL 字符：这不是文本文件。</translation>
    </message>
    <message>
      <source>{file}, line {line}: this is not UTF-8 text; save the file as UTF-8.</source>
      <translation>{file} 第 {line} 行：不是 UTF-8 文本；请以 UTF-8 编码保存该文件。</translation>
    </message>
    <message>
      <source>{file} cannot be read ({reason}).</source>
      <translation>无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
      <source>{file} cannot be loaded.</source>
      <translation>无法加载 {file}。</translation>
    </message>
    <message>
      <source>{file}: the version is longer than {max} characters.</source>
      <translation>{file}：版本号超过 {max} 个字符。</translation>
    </message>
    <message>
      <source>{file} ({kind}) is refused — nothing of it is used:</source>
      <translation>{file}（{kind}）被拒绝，其中任何内容都不会使用：</translation>
    </message>
    <message>
      <source>Nothing was published: {bad} of {count} file(s) refused. Correct them and publish all of them again.</source>
      <translation>未发布任何文件：{count} 个文件中有 {bad} 个被拒绝。请改正后将全部文件重新发布。</translation>
    </message>
    <message>
      <source>Published {file} ({kind}, version {version}, id {id}): every desktop takes it with its next sync.</source>
      <translation>已发布 {file}（{kind}，版本 {version}，编号 {id}）：各工作站将在下次同步时取用。</translation>
    </message>
    <message>
      <source>{file} is already published with exactly this content (version {version}, id {id}): nothing changed.</source>
      <translation>{file} 已按完全相同的内容发布过（版本 {version}，编号 {id}）：无任何变化。</translation>
    </message>
    <message>
      <source>Withdrew {file} ({kind}, version {version}): desktops go back to the earlier or the bundled file with their next sync.</source>
      <translation>已撤回 {file}（{kind}，版本 {version}）：各工作站将在下次同步时恢复使用之前发布的或内置的文件。</translation>
    </message>
    <message>
      <source>No published file has the id {id}: `server files list` shows them.</source>
      <translation>没有编号为 {id} 的已发布文件：可用 `server files list` 查看。</translation>
    </message>
    <message>
      <source>{file} (id {id}) was already withdrawn on {at}.</source>
      <translation>{file}（编号 {id}）已于 {at} 撤回。</translation>
    </message>
    <message>
      <source>No file is published: every desktop uses its bundled files.</source>
      <translation>尚未发布任何文件：各工作站使用内置文件。</translation>
    </message>
    <message>
      <source>{username} is not an active administrator: --by names the administrator who publishes.</source>
      <translation>{username} 不是有效的管理员：--by 应填写发布文件的管理员。</translation>
    </message>
    <message>
      <source>Only an administrator may publish or withdraw files.</source>
      <translation>只有管理员可以发布或撤回文件。</translation>
    </message>
    <message>
      <source>The published {file} ({kind}, version {version}) arrived damaged (its checksum differs) and is not used; the file before it stays. The next sync tries again.</source>
      <translation>已发布的 {file}（{kind}，版本 {version}）传输中损坏（校验值不符），未被使用；继续使用原有文件。下次同步将重试。</translation>
    </message>
    <message>
      <source>The published {file} ({kind}, version {version}) fails the check on this desktop and is not used; the file before it stays:</source>
      <translation>已发布的 {file}（{kind}，版本 {version}）在本工作站未通过检查，未被使用；继续使用原有文件：</translation>
    </message>
    <message>
      <source>bundled</source>
      <translation>内置</translation>
    </message>
    <message>
      <source>published {date} by {user}</source>
      <translation>{date} 由 {user} 发布</translation>
    </message>
    <message>
      <source>this desktop's own file</source>
      <translation>本工作站自有文件</translation>
    </message>
    <message>
      <source>Risk rule files:</source>
      <translation>风险评估规则文件：</translation>
    </message>
    <message>
      <source>Letter templates:</source>
      <translation>信函模板：</translation>
    </message>
    <message>
      <source>Published files not used on this desktop:</source>
      <translation>本工作站未使用的已发布文件：</translation>
    </message>
    <message>
      <source>pathway rule file</source>
      <translation>路径规则文件</translation>
    </message>
    <message>
      <source>risk rule file</source>
      <translation>风险评估规则文件</translation>
    </message>
    <message>
      <source>holiday file</source>
      <translation>节假日文件</translation>
    </message>
    <message>
      <source>letter template</source>
      <translation>信函模板</translation>
    </message>
  </context>
</TS>
