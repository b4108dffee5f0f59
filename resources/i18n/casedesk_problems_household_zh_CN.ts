<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>A household stays with the member it was started from; start a new household instead.</source>
      <translation>家庭单元始终属于建立它的成员；如需更换，请新建家庭单元。</translation>
    </message>
    <message>
      <source>This patient is not known here.</source>
      <translation>本机没有此患者。</translation>
    </message>
    <message>
      <source>This household does not exist (any more).</source>
      <translation>此家庭单元不存在（或已删除）。</translation>
    </message>
    <message>
      <source>A household is removed after its members.</source>
      <translation>请先移除家庭成员，再删除家庭单元。</translation>
    </message>
    <message>
      <source>The health supervisor must be a member of this household, or a person named with a phone number.</source>
      <translation>家庭健康监督员须为本家庭成员，或填写姓名和电话的其他人。</translation>
    </message>
    <message>
      <source>Name the health supervisor the phone number belongs to.</source>
      <translation>请填写此电话所属的家庭健康监督员姓名。</translation>
    </message>
    <message>
      <source>A health supervisor who is not a patient needs a phone number.</source>
      <translation>非患者的家庭健康监督员须填写电话。</translation>
    </message>
    <message>
      <source>“{value}” is not a mobile number (11 digits) or a landline with its area code.</source>
      <translation>“{value}”不是手机号（11 位）或带区号的固定电话。</translation>
    </message>
    <message>
      <source>A member's patient and household stay as they are; remove the member and add the right one.</source>
      <translation>成员的患者和所属家庭不能更改；请移除该成员后重新添加。</translation>
    </message>
    <message>
      <source>The member the household was started from is removed last ({count} other member(s) still in it).</source>
      <translation>建立家庭单元的成员须最后移除（还有 {count} 名其他成员）。</translation>
    </message>
    <message>
      <source>“Self” is the member the household was started from, and only that member.</source>
      <translation>“本人”只能是建立家庭单元的成员。</translation>
    </message>
    <message>
      <source>The member the household was started from is not in it: add that member first.</source>
      <translation>建立家庭单元的成员不在其中：请先添加该成员。</translation>
    </message>
    <message>
      <source>This patient is already a member of this household.</source>
      <translation>此患者已是本家庭成员。</translation>
    </message>
    <message>
      <source>This patient is already a member of another household; remove them there first.</source>
      <translation>此患者已属于另一个家庭单元；请先从那里移除。</translation>
    </message>
    <message>
      <source>This patient is not one your organisation looks after.</source>
      <translation>此患者不属于您所在机构管理。</translation>
    </message>
    <message>
      <source>A family doctor keeps households only for patients contracted with him.</source>
      <translation>家庭医生只能为与其签约的患者管理家庭单元。</translation>
    </message>
    <message>
      <source>Nobody in this household needs a call or visit.</source>
      <translation>此家庭目前没有需要电话随访或上门随访的成员。</translation>
    </message>
    <message>
      <source>A household is called or visited at home.</source>
      <translation>家庭随访方式只能是电话或上门。</translation>
    </message>
    <message>
      <source>household</source>
      <translation>家庭单元</translation>
    </message>
    <message>
      <source>household member</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>家庭单元</translation>
    </message>
    <message>
      <source>Health supervisor</source>
      <translation>家庭健康监督员</translation>
    </message>
    <message>
      <source>Health supervisor's name</source>
      <translation>家庭健康监督员姓名</translation>
    </message>
    <message>
      <source>Health supervisor's phone</source>
      <translation>家庭健康监督员电话</translation>
    </message>
  </context>
</TS>
