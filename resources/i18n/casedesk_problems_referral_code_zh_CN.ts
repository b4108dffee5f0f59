<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Type the code printed on the slip, for example K7P-3XH9Q (letters and digits; case, spaces and the hyphen do not matter).</source>
      <translation>请输入转诊单上印的编号，例如 K7P-3XH9Q（字母和数字，大小写、空格和短横线均可）。</translation>
    </message>
  </context>
</TS>
