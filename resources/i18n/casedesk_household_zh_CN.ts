<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AddMemberDialog</name>
    <message>
      <source>Add a household member</source>
      <translation>添加家庭成员</translation>
    </message>
    <message>
      <source>Find patient</source>
      <translation>查找患者</translation>
    </message>
    <message>
      <source>Find the patient and select them in the list.</source>
      <translation>请查找患者并在列表中选中。</translation>
    </message>
    <message>
      <source>Name, pinyin, or the last digits of phone or ID number</source>
      <translation>姓名、拼音，或电话、身份证号末几位</translation>
    </message>
    <message>
      <source>Relation to {name}</source>
      <translation>与{name}的关系</translation>
    </message>
    <message>
      <source>in another household</source>
      <translation>已属于其他家庭</translation>
    </message>
    <message>
      <source>{age} years</source>
      <translation>{age}岁</translation>
    </message>
  </context>
  <context>
    <name>HouseholdPanel</name>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Add member…</source>
      <translation>添加成员…</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>个案</translation>
    </message>
    <message>
      <source>Child</source>
      <translation>子女</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>Grandchild</source>
      <translation>孙子女</translation>
    </message>
    <message>
      <source>Grandparent</source>
      <translation>祖父母</translation>
    </message>
    <message>
      <source>Health supervisor: {name}  {phone}</source>
      <translation>家庭健康监督员：{name}  {phone}</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>上门随访</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>家庭单元</translation>
    </message>
    <message>
      <source>In a household kept by another organisation; it is not on this computer.</source>
      <translation>已属于其他机构管理的家庭单元，本机没有该家庭的资料。</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>Next due</source>
      <translation>下次待办</translation>
    </message>
    <message>
      <source>No health supervisor</source>
      <translation>未设家庭健康监督员</translation>
    </message>
    <message>
      <source>Not in a household yet.</source>
      <translation>尚未加入家庭单元。</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Parent</source>
      <translation>父母</translation>
    </message>
    <message>
      <source>Phone call</source>
      <translation>电话随访</translation>
    </message>
    <message>
      <source>Plan call or visit…</source>
      <translation>安排家庭随访…</translation>
    </message>
    <message>
      <source>Relation</source>
      <translation>关系</translation>
    </message>
    <message>
      <source>Relation to {name}</source>
      <translation>与{name}的关系</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Self</source>
      <translation>本人</translation>
    </message>
    <message>
      <source>Sex, age</source>
      <translation>性别、年龄</translation>
    </message>
    <message>
      <source>Sibling</source>
      <translation>兄弟姐妹</translation>
    </message>
    <message>
      <source>Spouse</source>
      <translation>配偶</translation>
    </message>
    <message>
      <source>Start household…</source>
      <translation>建立家庭单元…</translation>
    </message>
    <message>
      <source>Supervisor…</source>
      <translation>监督员…</translation>
    </message>
    <message>
      <source>Take {name} out of the household?</source>
      <translation>将{name}移出家庭单元？</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>no phone</source>
      <translation>无电话</translation>
    </message>
    <message>
      <source>{age} years</source>
      <translation>{age}岁</translation>
    </message>
    <message>
      <source>{cancer} (diagnosed)</source>
      <translation>{cancer}（已确诊）</translation>
    </message>
    <message>
      <source>{household} · {count} member(s)</source>
      <translation>{household} · {count} 名成员</translation>
    </message>
    <message>
      <source>{method} on {day}: {created} new follow-up(s), {moved} moved to that day, {without} member(s) without an open case.</source>
      <translation>{day} {method}：新建 {created} 条随访，{moved} 条移到当天，{without} 名成员无进行中的个案。</translation>
    </message>
  </context>
  <context>
    <name>PlanVisitDialog</name>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Each member with an open case gets a follow-up on this day, so each outcome is recorded for that member; a missed or earlier follow-up of theirs is moved to this day instead of doubled. Members without an open case are left as they are.</source>
      <translation>每位有进行中个案的成员在当天各有一条随访，结果分别记在各自名下；其已错过或更早的随访移到当天，不重复安排。没有进行中个案的成员不变。</translation>
    </message>
    <message>
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Plan a household call or visit</source>
      <translation>安排家庭电话或上门随访</translation>
    </message>
  </context>
  <context>
    <name>StartHouseholdDialog</name>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Household name</source>
      <translation>家庭名称</translation>
    </message>
    <message>
      <source>Start a household</source>
      <translation>建立家庭单元</translation>
    </message>
    <message>
      <source>This patient becomes the household's first member; every other member's relation is to this patient. An empty address takes the patient's.</source>
      <translation>此患者成为家庭单元的第一位成员，其他成员的关系均相对于此患者。地址留空则使用患者的地址。</translation>
    </message>
  </context>
  <context>
    <name>SupervisorDialog</name>
    <message>
      <source>A member</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <source>A member's own phone if left empty</source>
      <translation>留空则用该成员本人的电话</translation>
    </message>
    <message>
      <source>A trained family member who keeps an eye on the household's checks.</source>
      <translation>经过培训、督促家人按时检查的家庭成员。</translation>
    </message>
    <message>
      <source>Health supervisor</source>
      <translation>家庭健康监督员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>No health supervisor</source>
      <translation>不设家庭健康监督员</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Someone who is not a patient</source>
      <translation>非患者的其他人</translation>
    </message>
  </context>
</TS>
