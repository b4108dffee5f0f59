"""The appointment slip (检查预约单) of one slot booking: who, which examination, when and where,
what to bring, and the booking's code in words and as a QR code, which the hospital's desk
types or scans to find the booking (app/slots.py SlotService.find). A Chinese document for
the resident, drawn with the letters' layout and bundled fonts (one look on every desktop).

A booking still in the outbox prints as awaiting confirmation; one the server refused, or
cancelled, does not print. The print is audited like any print of personal data.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app import clock
from app.letters.layout import PAPERS
from app.letters.layout import Filled
from app.letters.layout import layout
from app.letters.pdf import PdfWriter
from app.problems import refuse
from app.slots import REFUSED
from app.slots import TENTATIVE
from app.slots import BookingView
from app.slots import SlotService
from db.models import Patient

if TYPE_CHECKING:
    from app.profile import Profile

MODALITY = {"ldct": "低剂量螺旋CT（肺癌筛查）", "gastroscopy": "胃镜", "colonoscopy": "结肠镜（肠镜）",
            "ultrasound_afp": "肝脏B超 + 甲胎蛋白（AFP）", "mammography": "乳腺钼靶", "breast_ultrasound": "乳腺B超",
            "cervical_screening": "宫颈癌筛查（HPV/TCT）", "psa": "前列腺特异性抗原（PSA）"}
WEEKDAYS = "一二三四五六日"


def filled(profile: Profile, view: BookingView) -> Filled:
    slot = view.slot
    start, end = slot.starts_at, slot.starts_at + dt.timedelta(minutes=slot.minutes or 0)
    when = f"{start:%Y年%m月%d日}（星期{WEEKDAYS[start.weekday()]}）{start:%H:%M}–{end:%H:%M}"
    with profile.sessions() as s:
        patient = s.get(Patient, view.patient_id)
        address = (patient.address or "") if patient is not None else ""
    details = [("姓名", view.patient_name), ("检查项目", MODALITY.get(slot.modality, slot.modality)),
               ("检查时间", when), ("医院", slot.hospital), ("地点", slot.place or slot.hospital),
               ("预约号", view.code)]
    if slot.instructions:
        details.append(("请携带", slot.instructions))
    note = ["检查当天请提前15分钟到达，凭本单和身份证到检查科室登记，一次完成检查（只跑一次）。",
            "如需改约或取消，请尽早联系您所在社区的个案管理师。"]
    if view.status == TENTATIVE:
        note.insert(0, "本预约尚待医院确认（联网同步后确认），确认前请勿前往。")
    return Filled(
        letterhead=profile.settings.get("letters.letterhead"),
        sender=f"{slot.hospital} · 筛查专用号源", number=view.code,
        print_date=f"{clock.now().astimezone(start.tzinfo):%Y-%m-%d}",
        recipient=(address, f"{view.patient_name} 收"), title="检查预约单",
        salutation=f"{view.patient_name}：", body=["您好！已为您预约以下检查，请按时前往。"],
        details=details, closing=[], signature=[slot.hospital], note=note,
        footer=f"CaseDesk · 预约号 {view.code}", qr=view.code)


def print_slip(profile: Profile, booking_id: str, out: Path, paper: str = "A5") -> Path:
    """Write the slip's PDF to `out`; refused for a booking the server refused or that ended."""
    view = SlotService(profile).booking(booking_id)
    if view.status == REFUSED or view.state != "booked":
        raise refuse("slot.slip_not_printable", "state", state=view.state, refused=view.status == REFUSED)
    writer = PdfWriter(Path(out), title=f"检查预约单 {view.code}")
    try:
        writer.add_pages(layout(filled(profile, view), PAPERS[paper]))
        path = writer.finish()
    except BaseException:
        writer.abandon()
        raise
    profile.store.record_access("print", "slot_bookings", booking_id, detail={"kind": "exam_slip", "file": path.name})
    return path
