<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Something was refused for a reason this CaseDesk does not know ({code}). Update CaseDesk, or tell your administrator.</source>
      <translation>操作被拒绝，原因代码 {code} 本版本无法识别。请更新 CaseDesk，或告知系统管理员。</translation>
    </message>
    <message>
      <source>{field_name}: this is required.</source>
      <translation>{field_name}：必须填写。</translation>
    </message>
    <message>
      <source>{field_name}: at most {max} characters.</source>
      <translation>{field_name}：最多 {max} 个字。</translation>
    </message>
    <message>
      <source>{field_name}: {value} is not an allowed value.</source>
      <translation>{field_name}：不能取值“{value}”。</translation>
    </message>
    <message>
      <source>{field_name}: this value cannot be used.</source>
      <translation>{field_name}：该值无法使用。</translation>
    </message>
    <message>
      <source>This record does not exist (any more).</source>
      <translation>该记录不存在（或已删除）。</translation>
    </message>
    <message>
      <source>patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>case</source>
      <translation>个案</translation>
    </message>
    <message>
      <source>timeline entry</source>
      <translation>时间线记录</translation>
    </message>
    <message>
      <source>follow-up</source>
      <translation>随访</translation>
    </message>
    <message>
      <source>referral</source>
      <translation>转诊单</translation>
    </message>
    <message>
      <source>MDT request</source>
      <translation>MDT申请</translation>
    </message>
    <message>
      <source>screening</source>
      <translation>筛查</translation>
    </message>
    <message>
      <source>letter</source>
      <translation>信函</translation>
    </message>
    <message>
      <source>audit entry</source>
      <translation>审计记录</translation>
    </message>
    <message>
      <source>organisation unit</source>
      <translation>机构</translation>
    </message>
    <message>
      <source>user</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>所属社区</translation>
    </message>
    <message>
      <source>Family doctor</source>
      <translation>家庭医生</translation>
    </message>
    <message>
      <source>Pathway stage</source>
      <translation>路径阶段</translation>
    </message>
    <message>
      <source>Cancer type</source>
      <translation>癌种</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>转诊方向</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Urgency</source>
      <translation>紧急程度</translation>
    </message>
    <message>
      <source>Green channel</source>
      <translation>绿色通道</translation>
    </message>
    <message>
      <source>Sending organisation</source>
      <translation>转出机构</translation>
    </message>
    <message>
      <source>Receiving organisation</source>
      <translation>接诊机构</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>科室</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>会诊问题</translation>
    </message>
    <message>
      <source>Clinical summary</source>
      <translation>病情摘要</translation>
    </message>
    <message>
      <source>Requested examinations</source>
      <translation>申请检查</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>检查发现</translation>
    </message>
    <message>
      <source>Appointment time</source>
      <translation>预约时间</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Reason for the delay</source>
      <translation>超时原因</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>会诊意见</translation>
    </message>
    <message>
      <source>Session time</source>
      <translation>会诊时间</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>记录人</translation>
    </message>
    <message>
      <source>Printed by</source>
      <translation>打印人</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>患者</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>个案</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
</TS>
