<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Sync clash on this {table} settled: kept {kept}</source>
      <translation>同步冲突已处理（{table}）：保留了{kept}</translation>
    </message>
    <message>
      <source>{direction} draft to {to_org}</source>
      <translation>{direction}单草稿：{to_org}</translation>
    </message>
    <message>
      <source>{direction} draft edited</source>
      <translation>修改{direction}单草稿</translation>
    </message>
    <message>
      <source>{direction} sent: {from_org} → {to_org}</source>
      <translation>发出{direction}单：{from_org} → {to_org}</translation>
    </message>
    <message>
      <source>{direction} sent: {from_org} → {to_org} (green channel)</source>
      <translation>发出{direction}单：{from_org} → {to_org}（绿色通道）</translation>
    </message>
    <message>
      <source>{direction} received by {to_org}</source>
      <translation>{to_org}已接收{direction}单</translation>
    </message>
    <message>
      <source>Referral accepted by {to_org}</source>
      <translation>{to_org}接受转诊</translation>
    </message>
    <message>
      <source>Referral declined by {to_org}: {reason}</source>
      <translation>{to_org}拒绝转诊：{reason}</translation>
    </message>
    <message>
      <source>Referral cancelled: {reason}</source>
      <translation>取消转诊：{reason}</translation>
    </message>
    <message>
      <source>Appointment booked: {at} {place}</source>
      <translation>预约就诊：{at} {place}</translation>
    </message>
    <message>
      <source>Appointment moved: {at} {place}</source>
      <translation>改约：{at} {place}</translation>
    </message>
    <message>
      <source>Seen at {to_org}</source>
      <translation>已在{to_org}就诊</translation>
    </message>
    <message>
      <source>{direction} closed: the referral loop is complete</source>
      <translation>{direction}闭环：转诊已关闭</translation>
    </message>
    <message>
      <source>{direction} closed: the referral loop is complete ({note})</source>
      <translation>{direction}闭环：转诊已关闭（{note}）</translation>
    </message>
    <message>
      <source>Reason for the referral delay: {breach_reason}</source>
      <translation>转诊超时原因：{breach_reason}</translation>
    </message>
    <message>
      <source>MDT requested: {specialties}</source>
      <translation>申请MDT会诊：{specialties}</translation>
    </message>
    <message>
      <source>MDT requested</source>
      <translation>申请MDT会诊</translation>
    </message>
    <message>
      <source>MDT documents complete, waiting for a session</source>
      <translation>MDT资料已齐备，待排期</translation>
    </message>
    <message>
      <source>MDT preparation updated</source>
      <translation>MDT准备项更新</translation>
    </message>
    <message>
      <source>MDT booked: {at} {place}</source>
      <translation>MDT已预约：{at} {place}</translation>
    </message>
    <message>
      <source>MDT booked</source>
      <translation>MDT已预约</translation>
    </message>
    <message>
      <source>MDT moved: {at} {place}</source>
      <translation>MDT改约：{at} {place}</translation>
    </message>
    <message>
      <source>MDT request cancelled: {reason}</source>
      <translation>MDT申请已取消：{reason}</translation>
    </message>
    <message>
      <source>MDT request cancelled</source>
      <translation>MDT申请已取消</translation>
    </message>
    <message>
      <source>MDT decision: {plan}</source>
      <translation>MDT讨论：建议{plan}</translation>
    </message>
    <message>
      <source>MDT decision: {decision}</source>
      <translation>MDT讨论：{decision}</translation>
    </message>
    <message>
      <source>Follow-up {method}: not reached (attempt {attempts})</source>
      <translation>{method}随访未联系上（第{attempts}次）</translation>
    </message>
    <message>
      <source>Follow-up {method}: not reached (attempt {attempts}), moved to active tracing</source>
      <translation>{method}随访未联系上（第{attempts}次），转主动追踪</translation>
    </message>
    <message>
      <source>Follow-up: not reached {attempts} times in a row, moved to active tracing</source>
      <translation>随访未联系上：连续{attempts}次未联系上，转主动追踪</translation>
    </message>
    <message>
      <source>Follow-up {method}: {outcome}</source>
      <translation>{method}随访：{outcome}</translation>
    </message>
    <message>
      <source>Follow-up moved: {old} → {new}</source>
      <translation>随访改期：{old} → {new}</translation>
    </message>
    <message>
      <source>Clinic closed, follow-up moved: {old} → {new}</source>
      <translation>停诊顺延：{old} → {new}</translation>
    </message>
    <message>
      <source>Follow-up cancelled: {reason}</source>
      <translation>随访取消：{reason}</translation>
    </message>
    <message>
      <source>Stage changed: {from_stage} → {to_stage}</source>
      <translation>阶段变更：{from_stage}→{to_stage}</translation>
    </message>
    <message>
      <source>Stage changed back: {from_stage} → {to_stage}</source>
      <translation>阶段变更：{from_stage}→{to_stage}（回退）</translation>
    </message>
    <message>
      <source>{cancer} risk assessment: {level}</source>
      <translation>{cancer}风险评估：{level}</translation>
    </message>
    <message>
      <source>Put on the screening list: {programmes}</source>
      <translation>列入{programmes}筛查名单</translation>
    </message>
    <message>
      <source>Put on the screening list</source>
      <translation>列入筛查名单</translation>
    </message>
    <message>
      <source>Enrolled in high-risk health management</source>
      <translation>纳入高危人群健康管理</translation>
    </message>
    <message>
      <source>{programme}: {result}</source>
      <translation>{programme}：{result}</translation>
    </message>
    <message>
      <source>Reason: {reason}
Next: {next_action}, by {due_date}
{due}</source>
      <translation>原因：{reason}
下一步：{next_action}，{due_date} 前
{due}</translation>
    </message>
    <message>
      <source>{risk}</source>
      <translation>{risk}</translation>
    </message>
    <message>
      <source>{risk}
Next: {next_action}, by {due_date}</source>
      <translation>{risk}
下一步：{next_action}，{due_date} 前</translation>
    </message>
    <message>
      <source>Reason: {risk}</source>
      <translation>原因：{risk}</translation>
    </message>
    <message>
      <source>{programme}: book the examination and send the {letter_kind}</source>
      <translation>{programme}：预约检查并发放{letter_kind}</translation>
    </message>
    <message>
      <source>{programme}: book the examination</source>
      <translation>{programme}：预约检查</translation>
    </message>
    <message>
      <source>Source: {file}, line {line}</source>
      <translation>来源：{file} 第{line}行</translation>
    </message>
    <message>
      <source>Done: {done}</source>
      <translation>已完成：{done}</translation>
    </message>
    <message>
      <source>Done: nothing yet</source>
      <translation>已完成：无</translation>
    </message>
    <message>
      <source>{actions}</source>
      <translation>{actions}</translation>
    </message>
    <message>
      <source>{step} (by {due})</source>
      <translation>{step}（{due}前）</translation>
    </message>
    <message>
      <source>Next follow-up on {chosen}, a date set by hand (the rules proposed {proposed})</source>
      <translation>下次随访 {chosen}，由本人手动设定（规则建议 {proposed}）</translation>
    </message>
    <message>
      <source>{notes}
Next follow-up on {chosen}, a date set by hand (the rules proposed {proposed})</source>
      <translation>{notes}
下次随访 {chosen}，由本人手动设定（规则建议 {proposed}）</translation>
    </message>
    <message>
      <source>Letter printed: {letter_kind}</source>
      <translation>打印{letter_kind}</translation>
    </message>
    <message>
      <source>Examination: {exam}</source>
      <translation>检查：{exam}</translation>
    </message>
    <message>
      <source>Treatment: {regimen} (cycle {cycle})</source>
      <translation>治疗：{regimen}（第{cycle}次）</translation>
    </message>
    <message>
      <source>Treatment: {treatment}</source>
      <translation>治疗：{treatment}</translation>
    </message>
    <message>
      <source>First clinic visit: {finding}; {exam} arranged</source>
      <translation>门诊首诊：{finding}，安排{exam}</translation>
    </message>
    <message>
      <source>Up-referral</source>
      <translation>上转</translation>
    </message>
    <message>
      <source>Down-referral</source>
      <translation>下转</translation>
    </message>
    <message>
      <source>no appointment free within 24 hours</source>
      <translation>号源已满，无法在24小时内安排</translation>
    </message>
    <message>
      <source>the patient asked to wait</source>
      <translation>患者要求延后</translation>
    </message>
    <message>
      <source>documents incomplete, waiting for them</source>
      <translation>资料不全，等待补充</translation>
    </message>
    <message>
      <source>sent at night or on a holiday, handled the next day</source>
      <translation>夜间或节假日发出，次日处理</translation>
    </message>
    <message>
      <source>the patient could not be reached</source>
      <translation>联系不上患者</translation>
    </message>
    <message>
      <source>another reason</source>
      <translation>其他原因</translation>
    </message>
    <message>
      <source>thoracic surgery</source>
      <translation>胸外科</translation>
    </message>
    <message>
      <source>gastrointestinal surgery</source>
      <translation>胃肠外科</translation>
    </message>
    <message>
      <source>hepatobiliary surgery</source>
      <translation>肝胆外科</translation>
    </message>
    <message>
      <source>breast surgery</source>
      <translation>乳腺外科</translation>
    </message>
    <message>
      <source>urology</source>
      <translation>泌尿外科</translation>
    </message>
    <message>
      <source>head and neck surgery</source>
      <translation>头颈外科</translation>
    </message>
    <message>
      <source>medical oncology</source>
      <translation>肿瘤内科</translation>
    </message>
    <message>
      <source>radiotherapy</source>
      <translation>放疗科</translation>
    </message>
    <message>
      <source>radiology</source>
      <translation>影像科</translation>
    </message>
    <message>
      <source>pathology department</source>
      <translation>病理科</translation>
    </message>
    <message>
      <source>gastroenterology</source>
      <translation>消化内科</translation>
    </message>
    <message>
      <source>respiratory and critical care medicine</source>
      <translation>呼吸与危重症医学科</translation>
    </message>
    <message>
      <source>interventional radiology</source>
      <translation>介入科</translation>
    </message>
    <message>
      <source>clinical nutrition</source>
      <translation>营养科</translation>
    </message>
    <message>
      <source>psychology</source>
      <translation>心理科</translation>
    </message>
    <message>
      <source>traditional Chinese medicine</source>
      <translation>中医科</translation>
    </message>
    <message>
      <source>gynaecology</source>
      <translation>妇科</translation>
    </message>
    <message>
      <source>thyroid surgery</source>
      <translation>甲状腺外科</translation>
    </message>
    <message>
      <source>nuclear medicine</source>
      <translation>核医学科</translation>
    </message>
    <message>
      <source>endocrinology</source>
      <translation>内分泌科</translation>
    </message>
    <message>
      <source>infectious diseases</source>
      <translation>感染科</translation>
    </message>
    <message>
      <source>otolaryngology, head and neck surgery</source>
      <translation>耳鼻咽喉头颈外科</translation>
    </message>
    <message>
      <source>neoadjuvant therapy, then surgery</source>
      <translation>新辅助治疗后手术</translation>
    </message>
    <message>
      <source>surgery, then adjuvant therapy</source>
      <translation>手术治疗，术后辅助治疗</translation>
    </message>
    <message>
      <source>concurrent chemoradiotherapy</source>
      <translation>同步放化疗</translation>
    </message>
    <message>
      <source>targeted therapy</source>
      <translation>靶向治疗</translation>
    </message>
    <message>
      <source>watchful follow-up</source>
      <translation>随访观察</translation>
    </message>
    <message>
      <source>palliative and supportive care</source>
      <translation>姑息与支持治疗</translation>
    </message>
    <message>
      <source>by phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>at the clinic</source>
      <translation>门诊</translation>
    </message>
    <message>
      <source>at home</source>
      <translation>上门</translation>
    </message>
    <message>
      <source>stable</source>
      <translation>病情稳定</translation>
    </message>
    <message>
      <source>unwell, advised to see a doctor</source>
      <translation>出现不适，已指导就诊</translation>
    </message>
    <message>
      <source>needs a check-up at the clinic</source>
      <translation>需门诊复查</translation>
    </message>
    <message>
      <source>in hospital now</source>
      <translation>目前住院中</translation>
    </message>
    <message>
      <source>recurrence suspected</source>
      <translation>疑似复发</translation>
    </message>
    <message>
      <source>declined follow-up</source>
      <translation>拒绝随访</translation>
    </message>
    <message>
      <source>moved away</source>
      <translation>迁出</translation>
    </message>
    <message>
      <source>deceased</source>
      <translation>死亡</translation>
    </message>
    <message>
      <source>Lung cancer</source>
      <translation>肺癌</translation>
    </message>
    <message>
      <source>Colorectal cancer</source>
      <translation>结直肠癌</translation>
    </message>
    <message>
      <source>Breast cancer</source>
      <translation>乳腺癌</translation>
    </message>
    <message>
      <source>Cervical cancer</source>
      <translation>宫颈癌</translation>
    </message>
    <message>
      <source>Stomach cancer</source>
      <translation>胃癌</translation>
    </message>
    <message>
      <source>Liver cancer</source>
      <translation>肝癌</translation>
    </message>
    <message>
      <source>Oesophageal cancer</source>
      <translation>食管癌</translation>
    </message>
    <message>
      <source>Prostate cancer</source>
      <translation>前列腺癌</translation>
    </message>
    <message>
      <source>Thyroid cancer</source>
      <translation>甲状腺癌</translation>
    </message>
    <message>
      <source>Nasopharyngeal cancer</source>
      <translation>鼻咽癌</translation>
    </message>
    <message>
      <source>low risk</source>
      <translation>低危</translation>
    </message>
    <message>
      <source>average risk</source>
      <translation>一般风险</translation>
    </message>
    <message>
      <source>high risk</source>
      <translation>高危</translation>
    </message>
    <message>
      <source>Low-dose CT lung screening</source>
      <translation>低剂量螺旋CT肺癌筛查</translation>
    </message>
    <message>
      <source>Faecal immunochemical test (FIT) and questionnaire</source>
      <translation>粪便免疫化学检测（FIT）+问卷</translation>
    </message>
    <message>
      <source>Breast ultrasound and mammography screening</source>
      <translation>乳腺彩超+钼靶筛查</translation>
    </message>
    <message>
      <source>HPV and TCT cervical screening</source>
      <translation>HPV+TCT宫颈癌筛查</translation>
    </message>
    <message>
      <source>Pepsinogen and Helicobacter pylori test</source>
      <translation>胃蛋白酶原+幽门螺杆菌检测</translation>
    </message>
    <message>
      <source>AFP and abdominal ultrasound liver screening</source>
      <translation>AFP+腹部超声肝癌筛查</translation>
    </message>
    <message>
      <source>Upper endoscopy screening</source>
      <translation>上消化道内镜筛查</translation>
    </message>
    <message>
      <source>PSA prostate screening</source>
      <translation>PSA前列腺癌筛查</translation>
    </message>
    <message>
      <source>Thyroid ultrasound screening</source>
      <translation>甲状腺彩超筛查</translation>
    </message>
    <message>
      <source>EB virus antibody screening</source>
      <translation>EB病毒抗体筛查</translation>
    </message>
    <message>
      <source>results letter</source>
      <translation>结果告知书</translation>
    </message>
    <message>
      <source>Title code</source>
      <translation>标题代码</translation>
    </message>
  </context>
</TS>
