"""What can be wrong with a row of a list, as codes with parameters.

The command line prints the Chinese and English texts below; the import dialog
translates the same codes itself (ui/screening/labels.py), so the two never disagree
on what was checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from app.screening.fields import BY_KEY

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("必填项为空", "is empty but required"),
    "too_long": ("过长（最多 {max} 字）", "is too long (at most {max} characters)"),
    "bad_name": ("姓名含数字或符号：{value}", "the name holds digits or symbols: {value}"),
    "bad_sex": ("无法识别的性别：{value}（应为 男/女）", "unknown sex {value} (男/女, M/F)"),
    "bad_date": ("不是有效日期：{value}", "is not a real date: {value}"),
    "date_future": ("日期在将来：{value}", "is in the future: {value}"),
    "date_range": ("日期过早：{value}", "is too early: {value}"),
    "bad_phone": ("电话格式不对：{value}（手机11位，座机带区号）",
                  "bad phone number {value} (11-digit mobile, or landline with area code)"),
    "id_invalid": ("身份证号无效：{reason}", "invalid ID number: {reason}"),
    "id_check": ("身份证号校验位不符（应为 {expected}）", "check digit does not match (should be {expected})"),
    "id_15": ("15位旧身份证号，请换成18位：{suggested}", "old 15-digit ID number; use the 18-digit {suggested}"),
    "id_birth": ("身份证号中的出生日期 {id_birth} 与出生日期 {birth} 不一致",
                 "the ID number's birth date {id_birth} differs from the birth date {birth}"),
    "id_sex": ("身份证号中的性别（{id_sex}）与性别（{sex}）不一致",
               "the ID number's sex ({id_sex}) differs from the sex column ({sex})"),
    "no_birth": ("缺少出生日期和性别（无身份证号时必填）", "needs birth date and sex when there is no ID number"),
    "unknown_street": ("找不到街道：{value}", "no street named {value}"),
    "unknown_community": ("找不到社区：{value}", "no community named {value}"),
    "ambiguous_community": ("社区 {value} 在多个街道，请填写街道", "community {value} is in several streets: give the street"),
    "community_not_in_street": ("社区 {value} 不属于 {street}", "community {value} is not in street {street}"),
    "unknown_programme": ("无法识别的筛查项目：{value}", "unknown screening programme {value}"),
    "programme_sex": ("{programme}筛查不适用于该性别", "the {programme} programme does not apply to this sex"),
    "duplicate_in_file": ("与第 {other} 行是同一人", "the same person as line {other}"),
    "merge_needed": ("与已有患者 {name} 可能是同一人：请确认合并或排除此行",
                     "may be the existing patient {name}: confirm the merge or exclude the line"),
}


@dataclass(frozen=True)
class Problem:
    line: int
    field: str | None  # a field key, or None for the whole row
    code: str
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def text(self, lang: str = "both") -> str:
        zh, en = MESSAGES[self.code]
        zh, en = zh.format(**self.params), en.format(**self.params)
        spec = BY_KEY.get(self.field or "")
        if spec:
            zh, en = f"{spec.label_zh}：{zh}", f"{spec.label_en}: {en}"
        return zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}"

    def __str__(self) -> str:
        return f"第 {self.line} 行 / line {self.line}: {self.text()}"
