<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>{text}</source>
      <translation>{text}</translation>
    </message>
    <message>
      <source>{text} (+{more})</source>
      <translation>{text}（另{more}项）</translation>
    </message>
    <message>
      <source>Health education and risk-factor assessment</source>
      <translation>健康宣教与危险因素评估</translation>
    </message>
    <message>
      <source>Complete the screening and record the result</source>
      <translation>完成筛查并登记结果</translation>
    </message>
    <message>
      <source>Complete the diagnostic work-up (imaging, endoscopy, pathology)</source>
      <translation>完成诊断检查（影像/内镜/病理）</translation>
    </message>
    <message>
      <source>Treatment follow-up (weight, vomiting, nutrition)</source>
      <translation>治疗期随访（体重、呕吐、营养）</translation>
    </message>
    <message>
      <source>Rehabilitation follow-up</source>
      <translation>康复期随访</translation>
    </message>
    <message>
      <source>Supportive follow-up (psychological, pain, home care)</source>
      <translation>支持随访（心理、疼痛、居家照护）</translation>
    </message>
    <message>
      <source>First screening invitation ({cancer})</source>
      <translation>首次筛查邀请（{cancer}）</translation>
    </message>
    <message>
      <source>{method} follow-up</source>
      <translation>{method}随访</translation>
    </message>
    <message>
      <source>Chase: {method} follow-up, {attempts} attempt(s) unanswered</source>
      <translation>追访：{method}随访，已{attempts}次未联系上</translation>
    </message>
    <message>
      <source>Wait for {to_org} to book the visit (24 hours)</source>
      <translation>等待{to_org}预约（24小时内）</translation>
    </message>
    <message>
      <source>Referral refused ({reason}): arrange again</source>
      <translation>转诊未成（{reason}），请重新安排</translation>
    </message>
    <message>
      <source>Attend the booked visit: {place}</source>
      <translation>按预约就诊：{place}</translation>
    </message>
    <message>
      <source>Suspected recurrence: review and send the referral draft</source>
      <translation>疑似复发：审核并发送转诊单</translation>
    </message>
    <message>
      <source>Attend the MDT meeting ({place})</source>
      <translation>参加MDT会诊（{place}）</translation>
    </message>
    <message>
      <source>MDT plan: {step}</source>
      <translation>MDT方案：{step}</translation>
    </message>
    <message>
      <source>Suspected recurrence: create an up-referral (no station or county centre found)</source>
      <translation>疑似复发：请建立上转转诊单（未找到本站或县肿瘤防治中心）</translation>
    </message>
    <message>
      <source>{outcome}: review the case and record why</source>
      <translation>{outcome}：请复核并记录原因</translation>
    </message>
    <message>
      <source>Call back</source>
      <translation>回拨电话</translation>
    </message>
    <message>
      <source>Phone follow-up</source>
      <translation>电话随访</translation>
    </message>
    <message>
      <source>Health education</source>
      <translation>健康宣教</translation>
    </message>
    <message>
      <source>Smoking-cessation follow-up</source>
      <translation>戒烟干预随访</translation>
    </message>
    <message>
      <source>Send a screening invitation</source>
      <translation>发送筛查邀请</translation>
    </message>
    <message>
      <source>Book the screening</source>
      <translation>预约筛查</translation>
    </message>
    <message>
      <source>Phone the screening result</source>
      <translation>电话通知筛查结果</translation>
    </message>
    <message>
      <source>Book a low-dose CT</source>
      <translation>预约低剂量CT</translation>
    </message>
    <message>
      <source>Book the re-check</source>
      <translation>复查预约</translation>
    </message>
    <message>
      <source>Book the examination</source>
      <translation>预约检查</translation>
    </message>
    <message>
      <source>Chase the pathology result</source>
      <translation>病理结果追踪</translation>
    </message>
    <message>
      <source>MDT discussion</source>
      <translation>MDT讨论</translation>
    </message>
    <message>
      <source>Refer up to the county cancer centre</source>
      <translation>上转至县肿瘤防治中心</translation>
    </message>
    <message>
      <source>Green-channel visit</source>
      <translation>绿色通道就诊</translation>
    </message>
    <message>
      <source>Pre-treatment assessment</source>
      <translation>治疗前评估</translation>
    </message>
    <message>
      <source>Follow-up after discharge</source>
      <translation>出院随访</translation>
    </message>
    <message>
      <source>Home monitoring (weight, vomiting, nutrition)</source>
      <translation>居家监测（体重/呕吐/营养）</translation>
    </message>
    <message>
      <source>PICC line care</source>
      <translation>PICC维护</translation>
    </message>
    <message>
      <source>Re-check reminder</source>
      <translation>复查提醒</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>居家访视</translation>
    </message>
    <message>
      <source>Nutrition assessment</source>
      <translation>营养评估</translation>
    </message>
    <message>
      <source>Refer down for community rehabilitation</source>
      <translation>下转社区康复</translation>
    </message>
    <message>
      <source>Psychological support follow-up</source>
      <translation>心理支持随访</translation>
    </message>
    <message>
      <source>Charity aid application</source>
      <translation>慈善援助申请</translation>
    </message>
    <message>
      <source>Palliative care assessment</source>
      <translation>安宁疗护评估</translation>
    </message>
    <message>
      <source>This task is already {state}; it cannot change any more.</source>
      <translation>此任务已{state}，不能再更改。</translation>
    </message>
    <message>
      <source>A new task starts open.</source>
      <translation>新任务必须为待办状态。</translation>
    </message>
    <message>
      <source>A task is due at most {years} years ahead.</source>
      <translation>任务的到期日最多在{years}年之内。</translation>
    </message>
    <message>
      <source>The person this task is handed to is not in the network's directory.</source>
      <translation>任务负责人不在本网络的人员名录中。</translation>
    </message>
    <message>
      <source>This case is closed: it takes no new tasks.</source>
      <translation>此个案已结案，不能再添加任务。</translation>
    </message>
    <message>
      <source>{field_name} is worked out by each desktop; it is never sent.</source>
      <translation>{field_name}由各工作站自行计算，不应上传。</translation>
    </message>
    <message>
      <source>A call lasts from 0 to {max_minutes} minutes.</source>
      <translation>通话时长应在0至{max_minutes}分钟之间。</translation>
    </message>
    <message>
      <source>A call that reached nobody has no duration.</source>
      <translation>未接通的电话没有通话时长。</translation>
    </message>
    <message>
      <source>The call-back time must be after the call.</source>
      <translation>回拨时间必须晚于本次通话。</translation>
    </message>
    <message>
      <source>This patient has no phone number on record.</source>
      <translation>该患者没有登记电话号码。</translation>
    </message>
    <message>
      <source>Choose how the call went.</source>
      <translation>请选择通话结果。</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>门诊</translation>
    </message>
    <message>
      <source>Home-visit</source>
      <translation>上门</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待办</translation>
    </message>
    <message>
      <source>done</source>
      <translation>完成</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>first cycle of neoadjuvant chemo-immunotherapy</source>
      <translation>新辅助化疗联合免疫治疗第1周期</translation>
    </message>
    <message>
      <source>imaging after two neoadjuvant cycles</source>
      <translation>新辅助治疗2周期后影像评估</translation>
    </message>
    <message>
      <source>surgical assessment and booking the operation</source>
      <translation>外科评估并安排手术</translation>
    </message>
    <message>
      <source>surgical admission and booking the operation</source>
      <translation>外科收治并安排手术</translation>
    </message>
    <message>
      <source>review the pathology, plan adjuvant treatment</source>
      <translation>术后病理复核，制定辅助治疗方案</translation>
    </message>
    <message>
      <source>radiotherapy planning, start chemoradiotherapy</source>
      <translation>放疗定位，开始同步放化疗</translation>
    </message>
    <message>
      <source>mid-course chemoradiotherapy assessment</source>
      <translation>放化疗中期评估</translation>
    </message>
    <message>
      <source>review the genetic test, start targeted therapy</source>
      <translation>复核基因检测，开始靶向治疗</translation>
    </message>
    <message>
      <source>re-check after four weeks of targeted therapy</source>
      <translation>靶向治疗4周后复查</translation>
    </message>
    <message>
      <source>imaging re-check in three months</source>
      <translation>3个月后复查影像</translation>
    </message>
    <message>
      <source>hospice care and pain assessment</source>
      <translation>安宁疗护与疼痛评估</translation>
    </message>
    <message>
      <source>home-care follow-up</source>
      <translation>居家照护随访</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>通话时长</translation>
    </message>
    <message>
      <source>Call back at</source>
      <translation>回拨时间</translation>
    </message>
    <message>
      <source>The case's next task</source>
      <translation>个案的下一项任务</translation>
    </message>
    <message>
      <source>The case's open task count</source>
      <translation>个案的待办任务数</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
  </context>
</TS>
