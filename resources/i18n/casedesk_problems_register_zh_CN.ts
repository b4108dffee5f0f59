<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Enter the name.</source>
      <translation>请填写姓名。</translation>
    </message>
    <message>
      <source>{field_name}: at most {max} characters.</source>
      <translation>{field_name}：最多 {max} 个字。</translation>
    </message>
    <message>
      <source>Enter the 18-character ID number.</source>
      <translation>请填写18位公民身份号码。</translation>
    </message>
    <message>
      <source>The ID number is not valid: {why}.</source>
      <translation>身份证号无效：{why}。</translation>
    </message>
    <message>
      <source>The birth date {given} does not match the ID number, which says {in_id}.</source>
      <translation>出生日期 {given} 与身份证号不符（身份证号为 {in_id}）。</translation>
    </message>
    <message>
      <source>The sex ({given_sex}) does not match the ID number, which says {id_sex}.</source>
      <translation>性别（{given_sex}）与身份证号不符（身份证号为{id_sex}）。</translation>
    </message>
    <message>
      <source>“{value}” is not a mobile number (11 digits) or a landline with its area code (such as 0574-87654321).</source>
      <translation>“{value}”不是手机号（11位）或带区号的固定电话（如 0574-87654321）。</translation>
    </message>
    <message>
      <source>Choose the community.</source>
      <translation>请选择所属社区。</translation>
    </message>
    <message>
      <source>This community is not in the network directory on this computer.</source>
      <translation>本机的机构目录中没有这个社区。</translation>
    </message>
    <message>
      <source>You can register patients only in the communities of your own station.</source>
      <translation>只能在本站所辖社区登记患者。</translation>
    </message>
    <message>
      <source>This person is not an active family doctor.</source>
      <translation>此人不是在岗的家庭医生。</translation>
    </message>
    <message>
      <source>This family doctor works at another station than the community's.</source>
      <translation>这位家庭医生不在该社区所属的工作站。</translation>
    </message>
    <message>
      <source>{name} ({masked_id}, {community}) already has this ID number. Open that patient instead of registering a second record.</source>
      <translation>{name}（{masked_id}，{community}）已使用这个身份证号。请打开该患者，不要重复建档。</translation>
    </message>
    <message>
      <source>A patient with the same name and birth date, or the same phone, is already registered. Check whether it is the same person; register only if not.</source>
      <translation>已有同名同出生日期或同一电话的患者。请核实是否为同一人；确认不是才登记。</translation>
    </message>
    <message>
      <source>Unknown cancer type: {value}.</source>
      <translation>未知癌种：{value}。</translation>
    </message>
    <message>
      <source>Unknown stage: {value}.</source>
      <translation>未知阶段：{value}。</translation>
    </message>
    <message>
      <source>This patient is no longer on this computer.</source>
      <translation>本机已没有这位患者的记录。</translation>
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
