"""The words of the demo data: cancer pathways, titles, reasons, next actions (zh-CN).

Only what the generator writes into rows; labels the UI shows for codes live in ui/.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cancer:
    label: str
    programme: str  # Screening.programme
    screen: str  # the screening test, as people say it
    results: tuple[str, str, str]  # what a normal / high-risk / abnormal screen says
    dept: str  # where an up-referral goes
    exams: tuple[str, ...]
    courses: tuple[str, ...]  # drug or radiation courses, given in cycles
    operations: tuple[str, ...]
    specialties: tuple[str, ...]
    question: str  # the MDT question, with {finding}


CANCERS: dict[str, Cancer] = {
    "lung": Cancer("肺癌", "lung_ldct", "低剂量螺旋CT肺癌筛查",
                   ("未见明显结节", "肺结节5mm，建议年度复查", "右上肺混合磨玻璃结节11mm，Lung-RADS 4A"),
                   "胸外科", ("胸部增强CT", "支气管镜检查", "PET-CT", "肺功能检查", "CT引导下穿刺活检"),
                   ("新辅助化疗联合免疫治疗", "靶向治疗（EGFR-TKI）", "立体定向放疗"), ("胸腔镜肺叶切除术",),
                   ("胸外科", "肿瘤内科", "放疗科", "影像科", "病理科", "呼吸与危重症医学科"),
                   "{finding}，是否手术？术前是否需要新辅助治疗？"),
    "colorectal": Cancer("结直肠癌", "colorectal_fit", "粪便免疫化学检测（FIT）+问卷",
                         ("FIT阴性", "问卷评估高危，FIT阴性", "FIT阳性，建议结肠镜检查"),
                         "胃肠外科", ("结肠镜检查", "腹部增强CT", "直肠MRI", "肿瘤标志物CEA/CA199"),
                         ("辅助化疗（CAPEOX）", "新辅助放化疗"), ("腹腔镜结肠癌根治术", "腹腔镜直肠癌根治术"),
                         ("胃肠外科", "肿瘤内科", "放疗科", "影像科", "病理科"),
                         "{finding}，手术方式及是否需要新辅助放化疗？"),
    "breast": Cancer("乳腺癌", "breast_us", "乳腺彩超+钼靶筛查",
                     ("BI-RADS 1类", "BI-RADS 3类，建议6个月复查", "BI-RADS 4B类肿块，建议穿刺"),
                     "乳腺外科", ("乳腺钼靶", "乳腺MRI", "空芯针穿刺活检", "腋窝淋巴结超声"),
                     ("新辅助化疗", "内分泌治疗", "抗HER2靶向治疗"), ("乳腺癌改良根治术", "保乳手术"),
                     ("乳腺外科", "肿瘤内科", "放疗科", "影像科", "病理科"),
                     "{finding}，保乳还是全切？是否先行新辅助治疗？"),
    "cervical": Cancer("宫颈癌", "cervical_hpv", "HPV+TCT宫颈癌筛查",
                       ("HPV阴性，TCT未见异常", "HPV16阳性，TCT未见异常", "HPV16阳性，TCT示HSIL"),
                       "妇科", ("阴道镜检查", "宫颈活检", "盆腔MRI", "SCC抗原"),
                       ("同步放化疗", "近距离放疗"), ("宫颈锥切术", "广泛性子宫切除术"),
                       ("妇科", "肿瘤内科", "放疗科", "影像科", "病理科"),
                       "{finding}，手术还是同步放化疗？"),
    "stomach": Cancer("胃癌", "stomach_pg", "胃蛋白酶原+幽门螺杆菌检测",
                      ("PG指标正常", "PGI/PGII比值偏低，Hp阳性", "PG异常，胃镜示胃窦溃疡性病变"),
                      "胃肠外科", ("胃镜检查", "超声胃镜", "腹部增强CT", "胃镜活检病理"),
                      ("围手术期化疗（SOX）",), ("腹腔镜胃癌根治术", "内镜黏膜下剥离术（ESD）"),
                      ("胃肠外科", "消化内科", "肿瘤内科", "影像科", "病理科"),
                      "{finding}，是否可行ESD？还是根治手术？"),
    "liver": Cancer("肝癌", "liver_afp_us", "AFP+腹部超声肝癌筛查",
                    ("AFP正常，肝脏未见占位", "乙肝携带，AFP轻度升高", "AFP 420ng/ml，肝右叶占位3.2cm"),
                    "肝胆外科", ("上腹部增强MRI", "上腹部增强CT", "肝功能+AFP", "乙肝病毒DNA定量"),
                    ("经动脉化疗栓塞（TACE）", "靶免联合治疗"), ("肝癌切除术", "射频消融"),
                    ("肝胆外科", "介入科", "肿瘤内科", "感染科", "影像科"),
                    "{finding}，手术切除还是TACE/消融？"),
    "oesophagus": Cancer("食管癌", "oesophagus_endoscopy", "上消化道内镜筛查",
                         ("食管黏膜未见异常", "食管低级别上皮内瘤变", "食管中段黏膜不规则隆起，碘染色不着色"),
                         "胸外科", ("胃镜活检病理", "胸部增强CT", "食管造影", "超声内镜"),
                         ("新辅助放化疗",), ("食管癌根治术", "内镜黏膜下剥离术（ESD）"),
                         ("胸外科", "消化内科", "放疗科", "肿瘤内科", "病理科"),
                         "{finding}，先新辅助放化疗还是直接手术？"),
    "prostate": Cancer("前列腺癌", "prostate_psa", "PSA前列腺癌筛查",
                       ("PSA 1.2ng/ml", "PSA 5.8ng/ml，建议复查", "PSA 18.6ng/ml"),
                       "泌尿外科", ("前列腺MRI", "前列腺穿刺活检", "骨扫描", "PSA复查"),
                       ("内分泌治疗", "根治性放疗"), ("腹腔镜前列腺癌根治术",),
                       ("泌尿外科", "肿瘤内科", "放疗科", "影像科", "病理科"),
                       "{finding}，根治手术还是放疗？"),
    "thyroid": Cancer("甲状腺癌", "thyroid_us", "甲状腺彩超筛查",
                      ("甲状腺未见结节", "TI-RADS 3类结节，建议随访", "TI-RADS 4C类结节8mm"),
                      "甲状腺外科", ("甲状腺细针穿刺", "颈部淋巴结超声", "甲状腺功能"),
                      ("放射性碘治疗", "TSH抑制治疗"), ("甲状腺癌根治术",),
                      ("甲状腺外科", "核医学科", "内分泌科", "影像科", "病理科"),
                      "{finding}，手术范围及是否需要碘-131治疗？"),
    "nasopharynx": Cancer("鼻咽癌", "nasopharynx_ebv", "EB病毒抗体筛查",
                          ("EB病毒抗体阴性", "EB病毒VCA-IgA弱阳性", "EB病毒抗体阳性，鼻咽镜见新生物"),
                          "耳鼻咽喉头颈外科", ("鼻咽镜活检", "鼻咽部MRI", "EB病毒DNA定量"),
                          ("调强放疗（IMRT）", "诱导化疗", "同步放化疗"), (),
                          ("耳鼻咽喉头颈外科", "放疗科", "肿瘤内科", "影像科", "病理科"),
                          "{finding}，诱导化疗后同步放化疗是否合适？"),
}

# Cancer type by sex, weights roughly after the county's caseload.
CANCER_WEIGHTS = {
    "M": {"lung": 26, "colorectal": 14, "stomach": 12, "liver": 12, "oesophagus": 8,
          "prostate": 10, "thyroid": 6, "nasopharynx": 4},
    "F": {"breast": 22, "lung": 16, "colorectal": 12, "cervical": 10, "thyroid": 14,
          "stomach": 7, "liver": 5, "oesophagus": 3, "nasopharynx": 2},
}
# Where cases are on the pathway: most are screening or in rehabilitation.
STAGE_WEIGHTS = {"prevent": 6, "screen": 36, "diagnose": 8, "treat": 10, "rehab": 33, "support": 7}
RISK_WEIGHTS = {  # low, medium, high
    "prevent": (60, 30, 10), "screen": (50, 35, 15), "diagnose": (10, 40, 50),
    "treat": (5, 35, 60), "rehab": (40, 45, 15), "support": (15, 45, 40),
}
# The open step of a demo case with no planned follow-up: a care step (task kind "care",
# worded in ui/ as "work.care.<step>").
NEXT_ACTIONS = {
    "prevent": ("phone_followup", "health_education", "smoking_cessation", "screening_invite"),
    "screen": ("book_screening", "tell_screening_result", "screening_invite", "book_ldct", "book_recheck"),
    "diagnose": ("book_exam", "chase_pathology", "mdt_discussion", "refer_up", "green_channel"),
    "treat": ("pre_treatment_assessment", "mdt_discussion", "discharge_followup", "home_monitoring",
              "picc_care", "book_exam"),
    "rehab": ("phone_followup", "recheck_reminder", "home_visit", "book_exam", "nutrition_assessment",
              "refer_down_rehab"),
    "support": ("psychological_support", "charity_aid", "home_visit", "palliative_assessment", "phone_followup"),
}

CALL_TITLES = ("电话随访：病情稳定", "电话随访：提醒按时复查", "电话沟通检查结果",
               "电话随访：未接通，稍后再拨", "电话通知预约时间", "电话随访：询问治疗副反应",
               "电话随访：饮食与营养指导", "家属来电咨询")
CALL_BODIES = ("患者自述一般情况可，饮食睡眠正常。", "已告知复查时间及注意事项，患者表示知晓。",
               "家属接听，转告患者本周内到院复查。", None, None, None)
NOTE_TITLES = {
    "prevent": ("健康宣教：戒烟指导", "健康宣教：防癌知识讲座", "高危人群评估记录"),
    "screen": ("筛查前问卷评估", "健康宣教：筛查意义说明", "个案管理评估记录"),
    "diagnose": ("首诊评估记录", "家属沟通记录", "陪同检查记录"),
    "treat": ("营养评估记录", "化疗副反应评估", "PICC维护记录", "心理评估：焦虑自评量表"),
    "rehab": ("康复评估记录", "营养评估记录", "造口/伤口护理指导", "运动康复指导"),
    "support": ("心理疏导记录", "慈善援助申请材料已提交", "疼痛评估记录", "居家访视记录"),
}

FOLLOWUP_METHODS = ("phone", "phone", "phone", "phone", "clinic", "home")
METHOD_LABELS = {"phone": "电话", "clinic": "门诊", "home": "上门"}
FOLLOWUP_OUTCOMES = (("stable", "病情稳定"), ("stable", "病情稳定"), ("stable", "病情稳定"),
                     ("symptoms", "出现不适，已指导就诊"), ("needs_visit", "需门诊复查"),
                     ("hospitalised", "目前住院中"), ("recurrence_suspected", "疑似复发，已上报"))
FOLLOWUP_RULES = ("rehab-3m", "rehab-6m", "treat-weekly", "screen-annual", None, None)
MISSED_NOTE = "连续{n}次未联系上，转主动追踪"

LETTERS_BY_PHASE = {
    "prevent": ("screening_invitation",), "screen": ("screening_invitation", "results_letter"),
    "diagnose": ("appointment_notice", "referral_slip", "results_letter"),
    "treat": ("appointment_notice",), "rehab": ("followup_reminder", "appointment_notice"),
    "support": ("followup_reminder",),
}

UP_REASON = "{screen}提示：{finding}，需进一步诊治"
DOWN_REASON = "{label}治疗结束，转回社区康复管理及定期随访"
PARTNER_REASON = "疑难病例，申请上级医院会诊及治疗"
RECHECK_REASON = "康复期复查发现异常，需上级医院评估"
DOWN_DEPARTMENT = "社区康复管理"
# A 下转's handover (fixed words: no random draw, so a seed keeps making the same network).
DOWN_DISCHARGE = "{label}规范治疗已完成，一般情况良好，准予出院"
DOWN_PLAN = "按出院医嘱定期复查；如需后续治疗，由专科门诊安排"
DOWN_REHAB = "循序渐进恢复活动，均衡饮食，戒烟限酒；每3个月门诊复查，有不适及时就诊"
REFERRAL_EXAMS = ("增强CT；肿瘤标志物", "病理会诊", "内镜检查", "MRI", "血常规；肝肾功能")
SUMMARY = "{age}岁{sex}，{finding}。{extra}"
SUMMARY_EXTRA = ("既往体健。", "高血压病史10年，药物控制可。", "2型糖尿病，口服药物控制。",
                 "吸烟史{py}包年。", "无特殊既往史。")
REJECT_REASONS = ("资料不全，请补充影像报告", "非本院收治范围，建议转省肿瘤医院", "号源已满，请改约")
CANCEL_REASONS = ("患者拒绝转诊", "患者已自行外院就诊", "患者外出务工，暂缓")
BREACH_REASONS = ("no_slot", "patient_request", "missing_info", "after_hours")
PLACES = ("县肿瘤防治中心 一体化门诊3楼", "县肿瘤防治中心 MDT门诊", "{dept}门诊", "日间化疗中心")

MDT_DECISIONS = ("建议手术治疗，术后辅助化疗", "建议新辅助化疗联合免疫治疗2周期后再评估手术",
                 "建议同步放化疗", "建议靶向治疗，定期复查", "建议随访观察，3个月后复查",
                 "建议介入治疗后再评估")
MDT_TREAT_QUESTION = "术后辅助治疗方案及随访计划"

FAMILY_HISTORY = ("父亲肺癌", "母亲乳腺癌", "姐姐乳腺癌", "父亲胃癌", "母亲结直肠癌", "叔叔肝癌",
                  "父亲食管癌", "一级亲属多人患癌", "母亲宫颈癌")
OCCUPATIONS = ("石棉接触史10年", "矿山粉尘接触", "化工厂苯接触", "放射工作人员", "厨房油烟长期接触",
               "橡胶厂工人", "家具厂甲醛接触")
WARNINGS = ("听力差，电话请大声慢讲", "独居老人，需家属陪同", "对碘造影剂过敏", "只讲方言，需家属翻译",
            "糖尿病，检查前注意血糖")
# Region codes on ID cards: mostly the district, then older county codes and migrants'.
ID_REGIONS = (("330217", 70), ("330225", 10), ("330206", 6), ("341122", 4), ("420117", 3),
              ("512501", 2), ("362330", 2), ("330781", 3))
