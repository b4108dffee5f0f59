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
      <source>{file} cannot be read ({reason}).</source>
      <translation>无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
      <source>{file}: the file is empty.</source>
      <translation>{file}：文件为空。</translation>
    </message>
    <message>
      <source>{file}: unknown text encoding; save it as UTF-8 or GBK.</source>
      <translation>{file}：无法识别文本编码，请另存为 UTF-8 或 GBK。</translation>
    </message>
    <message>
      <source>Columns missing: {columns}. The first row must name the columns {expected}.</source>
      <translation>缺少列：{columns}。第一行须为列名 {expected}。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: empty, but every unit needs it.</source>
      <translation>第 {line} 行，{column} 列：为空，每个机构都必须填写。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: too long (at most {max} characters).</source>
      <translation>第 {line} 行，{column} 列：过长（最多 {max} 个字符）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: unknown type {value} (use one of {expected}).</source>
      <translation>第 {line} 行，{column} 列：未知类型 {value}（请使用 {expected} 之一）。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: the code {value} is already on line {other}.</source>
      <translation>第 {line} 行，{column} 列：编码 {value} 与第 {other} 行重复。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: no unit has the code {value}, in the file or on the server.</source>
      <translation>第 {line} 行，{column} 列：文件和服务器中都没有编码为 {value} 的机构。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: the parent {value} makes a loop: {chain}.</source>
      <translation>第 {line} 行，{column} 列：上级 {value} 形成循环：{chain}。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: a community point must be under a street station, not “{value}”.</source>
      <translation>第 {line} 行，{column} 列：社区防治点的上级必须是街道工作站，不能是“{value}”。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: {value} is a community point: no other unit can be under it.</source>
      <translation>第 {line} 行，{column} 列：{value} 是社区防治点，其下不能再设其他机构。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: community points {points} on the server are under this unit: it must stay a street station.</source>
      <translation>第 {line} 行，{column} 列：服务器上的社区防治点 {points} 隶属于该机构，其类型须保持为街道工作站。</translation>
    </message>
    <message>
      <source>Line {line}, column {column}: “{value}” already names unit {other} of the same type.</source>
      <translation>第 {line} 行，{column} 列：“{value}”已是同类机构 {other} 的名称或别名。</translation>
    </message>
    <message>
      <source>Unit {code} {name} is not in the file but {users} active user(s) belong to it: move or disable them first, or leave out --deactivate-missing.</source>
      <translation>机构 {code} {name} 不在文件中，但仍有 {users} 个在用账号属于该机构：请先调整或停用这些账号，或不使用 --deactivate-missing。</translation>
    </message>
    <message>
      <source>{count} problem(s) in the file: nothing was imported.</source>
      <translation>文件中有 {count} 处问题：未导入任何内容。</translation>
    </message>
    <message>
      <source>Organisation tree imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
      <translation>机构树已导入：新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
      <source>On the server but not in the file (kept; --deactivate-missing marks them inactive): {codes}.</source>
      <translation>服务器上有但文件中没有的机构（已保留；使用 --deactivate-missing 可将其停用）：{codes}。</translation>
    </message>
    <message>
      <source>Marked inactive: {codes}.</source>
      <translation>已停用：{codes}。</translation>
    </message>
    <message>
      <source>Centre {code} took the place of the placeholder centre that `server init` made (ROOT): its people moved to {code}, and ROOT is inactive.</source>
      <translation>防治中心 {code} 取代了 `server init` 建立的占位中心（ROOT）：其下人员已移到 {code}，ROOT 已停用。</translation>
    </message>
  </context>
</TS>
