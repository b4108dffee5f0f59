"""What an MDT works with: the specialties it calls, the readiness checklist, and the plans
a panel decides, each with its follow-on actions (what, days from the decision).

Specialties are stored as the departments' names, as the network's records write them.
"""
from __future__ import annotations

SPECIALTIES = ("胸外科", "胃肠外科", "肝胆外科", "乳腺外科", "泌尿外科", "头颈外科", "肿瘤内科", "放疗科",
               "影像科", "病理科", "消化内科", "呼吸与危重症医学科", "介入科", "营养科", "心理科", "中医科")

CHECKLIST = ("pathology", "imaging", "staging", "labs", "consent")

PLANS: dict[str, tuple[str, tuple[tuple[str, int], ...]]] = {
    "neoadjuvant_then_surgery": ("新辅助治疗后手术", (
        ("新辅助化疗联合免疫治疗第1周期", 7),
        ("新辅助治疗2周期后影像评估", 42),
        ("外科评估并安排手术", 56))),
    "surgery_then_adjuvant": ("手术治疗，术后辅助治疗", (
        ("外科收治并安排手术", 7),
        ("术后病理复核，制定辅助治疗方案", 28))),
    "chemoradiation": ("同步放化疗", (
        ("放疗定位，开始同步放化疗", 7),
        ("放化疗中期评估", 35))),
    "targeted": ("靶向治疗", (
        ("复核基因检测，开始靶向治疗", 7),
        ("靶向治疗4周后复查", 35))),
    "surveillance": ("随访观察", (
        ("3个月后复查影像", 90),)),
    "palliative": ("姑息与支持治疗", (
        ("安宁疗护与疼痛评估", 7),
        ("居家照护随访", 14))),
}
