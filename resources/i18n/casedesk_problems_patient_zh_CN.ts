<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>This community is not in the network directory on this computer.</source>
      <translation>该社区不在本机的机构目录中。</translation>
    </message>
    <message>
      <source>The ID number is not valid: {why}.</source>
      <translation>身份证号无效：{why}。</translation>
    </message>
    <message>
      <source>The ID number does not match the date of birth and sex.</source>
      <translation>身份证号与出生日期、性别不符。</translation>
    </message>
    <message>
      <source>This person is not an active family doctor.</source>
      <translation>此人不是在岗的家庭医生。</translation>
    </message>
    <message>
      <source>The family doctor works at another station than the patient's community.</source>
      <translation>该家庭医生不属于患者所在社区的街道工作站。</translation>
    </message>
    <message>
      <source>You can register patients only in your own communities.</source>
      <translation>只能在本人所辖社区登记患者。</translation>
    </message>
    <message>
      <source>A family doctor moves a patient only between communities of his or her own station.</source>
      <translation>家庭医生只能在本街道工作站的社区之间迁移患者。</translation>
    </message>
    <message>
      <source>You can move a patient only to a community of your own station.</source>
      <translation>只能将患者迁入本街道工作站的社区。</translation>
    </message>
    <message>
      <source>A family doctor cannot take another doctor's patient away.</source>
      <translation>家庭医生不能转走其他医生的签约患者。</translation>
    </message>
    <message>
      <source>Write something first.</source>
      <translation>请先填写内容。</translation>
    </message>
    <message>
      <source>{field_name} cannot be shown in full.</source>
      <translation>{field_name}不能完整显示。</translation>
    </message>
    <message>
      <source>The follow-up date {day} is before the patient was born ({birth}).</source>
      <translation>随访日期 {day} 早于患者出生日期（{birth}）。</translation>
    </message>
    <message>
      <source>A follow-up more than {years} years ahead.</source>
      <translation>随访日期超过{years}年以后。</translation>
    </message>
    <message>
      <source>Choose how the follow-up was done.</source>
      <translation>请选择随访方式。</translation>
    </message>
    <message>
      <source>Choose the outcome.</source>
      <translation>请选择随访结局。</translation>
    </message>
    <message>
      <source>This follow-up is already done or cancelled.</source>
      <translation>该随访已完成或已取消。</translation>
    </message>
    <message>
      <source>Say why the clinic is closed.</source>
      <translation>请写明停诊原因。</translation>
    </message>
    <message>
      <source>A clinic visit needs a working day; {day} is not one. Choose another day.</source>
      <translation>门诊随访须安排在工作日；{day} 不是工作日，请另选日期。</translation>
    </message>
    <message>
      <source>{field_name}: this person does not have that role.</source>
      <translation>{field_name}：此人没有相应的岗位。</translation>
    </message>
    <message>
      <source>The screening date is in the future.</source>
      <translation>筛查日期晚于今天。</translation>
    </message>
    <message>
      <source>A {table} is never changed once written.</source>
      <translation>{table}一经写入不能再修改。</translation>
    </message>
    <message>
      <source>This patient is outside your organisation's scope: the server takes no changes to it from you.</source>
      <translation>该患者不在您所在机构的管辖范围内，服务器不接受您对其的修改。</translation>
    </message>
    <message>
      <source>it must be 18 characters</source>
      <translation>应为18位</translation>
    </message>
    <message>
      <source>the first 17 characters must be digits</source>
      <translation>前17位应为数字</translation>
    </message>
    <message>
      <source>the last character must be a digit or X</source>
      <translation>最后一位应为数字或X</translation>
    </message>
    <message>
      <source>the province code is unknown</source>
      <translation>省份代码无效</translation>
    </message>
    <message>
      <source>the birth date in it is not a date</source>
      <translation>其中的出生日期不是有效日期</translation>
    </message>
    <message>
      <source>the birth date in it is out of range</source>
      <translation>其中的出生日期超出范围</translation>
    </message>
    <message>
      <source>the check digit does not match</source>
      <translation>校验位不符</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Clinic case manager</source>
      <translation>一体化门诊个案管理师</translation>
    </message>
    <message>
      <source>Ward case manager</source>
      <translation>专病个案管理师</translation>
    </message>
    <message>
      <source>Community case manager</source>
      <translation>属地个案管理师</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>随访结局</translation>
    </message>
    <message>
      <source>Screening date</source>
      <translation>筛查日期</translation>
    </message>
  </context>
</TS>
