"""The letter kinds: what each is called, which records it is printed from, which fields it has.

The range a batch asks for ("due next week") means a different date per kind; `range_on`
says which, so the CLI help and the page can tell people what they are choosing.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.problems import refuse

# Every letter has these, whatever its kind.
COMMON_FIELDS = (
    "letterhead", "patient_name", "honorific", "address", "print_date", "number",
    "station", "station_address", "station_phone", "case_manager", "contact_phone",
)


@dataclass(frozen=True)
class LetterKind:
    code: str  # stored in Letter.kind and the template's file name
    label: str  # zh-CN, printed and shown
    source: str  # the table a letter is printed from
    range_on: str  # zh-CN: which date the batch's date range selects
    fields: tuple[str, ...]  # kind-specific template fields

    @property
    def cli_name(self) -> str:
        return self.code.replace("_", "-")

    @property
    def all_fields(self) -> tuple[str, ...]:
        return COMMON_FIELDS + self.fields


KINDS: dict[str, LetterKind] = {k.code: k for k in (
    LetterKind("screening_invitation", "筛查邀请函", "cases", "个案下次处理日期",
               ("due_date", "due_weekday", "programme", "place")),
    LetterKind("appointment_notice", "预约通知单", "referrals", "预约就诊日期",
               ("due_date", "due_weekday", "due_time", "place", "department", "to_org",
                "referral_code")),
    LetterKind("followup_reminder", "随访提醒", "followups", "随访到期日",
               ("due_date", "due_weekday", "method", "place")),
    LetterKind("referral_slip", "转诊单", "referrals", "转诊发出日期",
               ("due_date", "direction", "from_org", "to_org", "department", "reason",
                "requested_exams", "referral_code", "green_channel")),
    LetterKind("results_ready", "结果领取通知", "screenings", "筛查日期",
               ("exam_date", "programme", "due_date", "due_weekday", "place")),
    LetterKind("missed_followup", "失访追踪信", "followups", "未联系上的随访到期日",
               ("due_date", "attempts", "method")),
)}


def parse_kind(name: str) -> LetterKind:
    """A kind by its CLI name (followup-reminder) or code (followup_reminder)."""
    code = name.strip().lower().replace("-", "_")
    if code in KINDS:
        return KINDS[code]
    raise refuse("letters.unknown_kind", "kind", given=name, valid=", ".join(k.cli_name for k in KINDS.values()))


WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
METHODS = {"phone": "电话随访", "clinic": "门诊复诊", "home": "上门访视"}
PROGRAMMES = {  # Screening.programme and Case.cancer_type -> what the invitation offers
    "lung_ldct": "低剂量螺旋CT肺癌筛查", "lung": "低剂量螺旋CT肺癌筛查",
    "colorectal_fit": "结直肠癌筛查（粪便免疫化学检测）", "colorectal": "结直肠癌筛查（粪便免疫化学检测）",
    "breast_us": "乳腺癌筛查（乳腺彩超+钼靶）", "breast": "乳腺癌筛查（乳腺彩超+钼靶）",
    "cervical_hpv": "宫颈癌筛查（HPV+TCT）", "cervical": "宫颈癌筛查（HPV+TCT）",
    "stomach_pg": "胃癌筛查（胃蛋白酶原+幽门螺杆菌）", "stomach": "胃癌筛查（胃蛋白酶原+幽门螺杆菌）",
    "liver_afp_us": "肝癌筛查（AFP+腹部超声）", "liver": "肝癌筛查（AFP+腹部超声）",
    "oesophagus_endoscopy": "食管癌筛查（上消化道内镜）", "oesophagus": "食管癌筛查（上消化道内镜）",
    "prostate_psa": "前列腺癌筛查（PSA）", "prostate": "前列腺癌筛查（PSA）",
    "thyroid_us": "甲状腺癌筛查（甲状腺彩超）", "thyroid": "甲状腺癌筛查（甲状腺彩超）",
    "nasopharynx_ebv": "鼻咽癌筛查（EB病毒抗体）", "nasopharynx": "鼻咽癌筛查（EB病毒抗体）",
}


def chinese_date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
