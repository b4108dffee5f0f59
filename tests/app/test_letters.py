"""Letters core: line breaking, templates, the PDF, skips and the records a print leaves."""
from __future__ import annotations

import datetime as dt
import random
import subprocess

import pytest
from sqlalchemy import func
from sqlalchemy import select

from app import audit
from app import clock
from app.letters.batch import print_batch
from app.letters.breaker import NO_END
from app.letters.breaker import NO_START
from app.letters.breaker import break_lines
from app.letters.fonts import metrics
from app.letters.kinds import KINDS
from app.letters.prepare import MISSING_GLYPHS
from app.letters.prepare import NO_ADDRESS
from app.letters.prepare import prepare
from app.letters.templates import TemplateError
from app.letters.templates import load_template
from db.models import AuditEntry
from db.models import Followup
from db.models import Letter
from db.models import OrgUnit
from db.models import OutboxEntry
from db.models import Patient
from db.models import TimelineEvent
from db.models import User
from ui.problem_words import say
from ui.timeline_words import event_title

RARE = "\U0002EBF0"  # 𮯰 U+2EBF0, CJK Extension I (Unicode 15.1): no letter font has it (Extension B–H print)
FROM, TO = dt.date(2026, 11, 23), dt.date(2026, 11, 29)
REMINDER = KINDS["followup_reminder"]


@pytest.fixture(autouse=True)
def pinned_clock():
    clock.pin(dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.timezone.utc))
    yield
    clock.pin(None)


def add_patients(profile, people=(("王秀英", "F", "东陵市澄湾区梅墟街道祥山社区湾景路134弄29幢504室"),
                                  ("李建国", "M", "东陵市澄湾区云林街道西院社区建设路59弄19幢903室"),
                                  ("张无址", "M", None),
                                  (f"赵{RARE}", "F", "东陵市澄湾区霞浦街道文化路41号"))) -> dict[str, str]:
    """A station, its community point, one case manager and a follow-up due next week for each person."""
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="T-J01", name="澄江街道工作站",
                                 address="东陵市澄湾区澄江街道新华路29号", phone="0574-86515441"))
        point = tx.add(OrgUnit(kind="community_point", code="T-P01", name="祥山社区防治点", parent_id=station.id))
        cm = tx.add(User(username="cm-test", display_name="何发福", role="community_cm",
                         org_unit_id=station.id, phone="13646064829"))
        ids = {}
        for n, (name, sex, address) in enumerate(people):
            p = tx.add(Patient(name=name, sex=sex, birth_date=dt.date(1960, 5, 1), address=address,
                               community_id=point.id))
            tx.add(Followup(patient_id=p.id, due_date=FROM + dt.timedelta(days=n % 7), method="clinic",
                            status="planned", assignee_id=cm.id))
            ids[name] = p.id
    return ids


def pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_breaker_never_starts_a_line_with_closing_punctuation():
    rng = random.Random(8)
    marks = "。，、；：？！）》」』】”…—·"
    m = metrics()
    for _ in range(200):
        # Written text: words, then at most a mark, a closing quote or bracket and another mark.
        text = "".join(rng.choice(["中文", "随访", "提醒", "请携带", "身份证", "医保卡", "2026", "0574-81390150",
                                   "CT ", "（注意", "《通知", "“复查"]) + rng.choice(["", "", *marks])
                       + rng.choice(["", "", "”", "）", "》"]) + rng.choice(["", "", "", "。", "，"])
                       for _ in range(rng.randint(5, 80)))
        width = rng.choice((60, 97.5, 150, 300))
        lines = break_lines(text, width, 12, m.char, first_indent=24)
        assert "".join(line.text for line in lines).replace(" ", "") == text.strip().replace(" ", "")
        for line in lines[1:]:
            assert line.text[0] not in NO_START, (text, [x.text for x in lines])
        for line in lines[:-1]:
            assert line.text[-1] not in NO_END, (text, [x.text for x in lines])


def test_breaker_moves_the_previous_character_down_and_keeps_numbers_whole():
    m = metrics()
    # Ten characters fit; the 11th is "。": "访" moves down with it rather than "。" starting a line.
    lines = break_lines("请您按时参加本次随访。电话0574-81390150", 120, 12, m.char)
    assert lines[0].text == "请您按时参加本次随" and lines[1].text.startswith("访。")
    assert any("0574-81390150" in line.text for line in lines)
    assert all(line.width <= 120 + 1e-6 for line in lines)


def test_batch_pdf_holds_names_and_dates_with_every_font_embedded(profile, tmp_path):
    add_patients(profile)
    for paper in ("A4", "A5"):
        out = tmp_path / f"week-{paper}.pdf"
        result = print_batch(profile, REMINDER, out, FROM, TO, paper=paper, reprint_reason="纸张测试")
        assert len(result.printed) == 2 and result.pages == 2
        text = pdftotext(out)
        assert "王秀英" in text and "李建国" in text and "2026年11月23日" in text and "2026年11月24日" in text
        assert "第1页/共1页" in text.replace(" ", "")  # pdftotext drops the narrow spaces
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all("WenQuanYiMicroHei" in r and r.split()[-5] == "yes" for r in rows), fonts


def test_missing_address_and_rare_characters_skip_with_reasons_while_the_rest_print(profile, tmp_path):
    ids = add_patients(profile)
    result = print_batch(profile, REMINDER, tmp_path / "week.pdf", FROM, TO)
    assert {r.data.patient_name for r in result.printed} == {"王秀英", "李建国"}
    skipped = {s.patient_id: s for s in result.skipped}
    assert skipped[ids["张无址"]].reason == NO_ADDRESS
    rare = skipped[ids[f"赵{RARE}"]]
    assert rare.reason == MISSING_GLYPHS and RARE in rare.detail and "U+2AAA5" not in rare.detail
    assert "U+2EBF0" in rare.detail and "patient_name" in rare.detail
    assert metrics().missing(f"王{RARE}华 \ue000𠀾") == [RARE, "\ue000"]  # 𠀾 (Extension B) prints


def test_printing_writes_letter_timeline_and_print_audit_in_one_go(profile, tmp_path):
    ids = add_patients(profile)
    result = print_batch(profile, REMINDER, tmp_path / "week.pdf", FROM, TO)
    with profile.sessions() as s:
        letters = s.scalars(select(Letter)).all()
        assert {x.patient_id for x in letters} == {ids["王秀英"], ids["李建国"]}
        assert all(x.kind == "followup_reminder" and x.template_version == "2026.1" for x in letters)
        events = s.scalars(select(TimelineEvent).where(TimelineEvent.kind == "letter")).all()
        assert {(e.ref_table, e.ref_id) for e in events} == {("letters", x.id) for x in letters}
        assert {(e.title_code, e.title_args["letter_kind"]) for e in events} == {
            ("timeline.letter.printed", "followup_reminder")}
        assert {event_title(e, "zh_CN") for e in events} == {"打印随访提醒"}
        assert {event_title(e, "en") for e in events} == {"Letter printed: follow-up reminder"}
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all()
        assert entry.detail["kind"] == "followup_reminder"
        assert sorted(entry.detail["patients"]) == sorted([ids["王秀英"], ids["李建国"]])
        assert entry.detail["skipped"] == 2 and entry.detail["to"] == "week.pdf"
        assert s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.table_name == "letters")) == 2
        assert audit.verify(s) is None
    assert sorted(result.letter_ids) == sorted(x.id for x in letters)


def test_a_second_print_needs_a_reprint_reason(profile, tmp_path):
    add_patients(profile)
    print_batch(profile, REMINDER, tmp_path / "a.pdf", FROM, TO)
    again = print_batch(profile, REMINDER, tmp_path / "b.pdf", FROM, TO)
    assert again.out is None and not (tmp_path / "b.pdf").exists()
    assert sum(s.reason == "already_printed" for s in again.skipped) == 2
    reprint = print_batch(profile, REMINDER, tmp_path / "c.pdf", FROM, TO, reprint_reason="患者遗失，补打")
    assert len(reprint.printed) == 2
    with profile.sessions() as s:
        reasons = s.scalars(select(Letter.reprint_reason).order_by(Letter.printed_at)).all()
        notes = s.scalars(select(AuditEntry.note).where(AuditEntry.action == "print")).all()
    assert reasons.count("患者遗失，补打") == 2 and "患者遗失，补打" in notes


def test_cancel_leaves_neither_file_nor_records_and_progress_counts(profile, tmp_path):
    add_patients(profile)
    seen = []
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = print_batch(profile, REMINDER, out_dir / "x.pdf", FROM, TO,
                         progress=lambda done, total: seen.append((done, total)), cancelled=lambda: len(seen) >= 1)
    assert result.cancelled and result.out is None and seen == [(1, 2)]
    assert list(out_dir.iterdir()) == []
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Letter)) == 0


@pytest.mark.parametrize("line, text, expect", [
    (9, "您好，{patinet_name}！", "unknown field {patinet_name} for a follow-up reminder"),
    (9, "您好，{patient_name！", "unbalanced brace"),
    (9, "您好，{due_date:>10}", "takes no format"),
    (9, f"您好，{RARE}", f"no glyph for {RARE}"),
])
def test_a_broken_template_is_refused_naming_file_and_line(profile, line, text, expect):
    folder = profile.path / "letters"
    folder.mkdir()
    bad = folder / "followup_reminder.txt"
    lines = ["# test", "title = 随访提醒", "version = t1", "", "[body]", "第一段。", "", "第二段", text, "", "[details]"]
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(REMINDER, folder)
    assert err.value.path == bad and err.value.line == line
    words = say(err.value, "en")
    assert words.startswith(f"Letter template {bad}:{line}: ") and expect in words
    assert say(err.value, "zh_CN").startswith(f"信函模板 {bad}:{line}：")
    with pytest.raises(TemplateError):
        prepare(profile, REMINDER, FROM, TO)  # nothing of this kind prints with a broken template


def test_a_template_without_version_is_refused(tmp_path):
    bad = tmp_path / "followup_reminder.txt"
    bad.write_text("title = 随访提醒\n\n[body]\n正文\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(REMINDER, tmp_path)
    assert err.value.problem.code == "letters.template_header_missing" and err.value.line == 3
    assert say(err.value, "en") == f"Letter template {bad}:3: no “version = …” line before the first [section]."


def test_every_bundled_template_loads():
    for kind in KINDS.values():
        assert load_template(kind).version


def test_a_long_letter_breaks_properly_and_numbers_its_pages(profile, tmp_path):
    add_patients(profile, people=(("王秀英", "F", "东陵市澄湾区梅墟街道祥山社区湾景路134弄29幢504室"),))
    rng = random.Random(3)
    words = ["随访", "复查", "身份证", "医保卡", "检查报告", "个案管理师", "2026年", "电话", "门诊"]
    paras = []
    for _ in range(14):
        paras.append("".join(rng.choice(words) + rng.choice("，。、；：！？") + ("“注意”" if rng.random() < 0.2 else "")
                             for _ in range(rng.randint(15, 40))))
    folder = profile.path / "letters"
    folder.mkdir()
    (folder / "followup_reminder.txt").write_text(
        "title = 随访提醒\nversion = long\n\n[body]\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    out = tmp_path / "long.pdf"
    result = print_batch(profile, REMINDER, out, FROM, TO)
    assert result.pages >= 2
    text = pdftotext(out, "-layout")
    squeezed = text.replace(" ", "")
    assert f"第1页/共{result.pages}页" in squeezed and f"第{result.pages}页/共{result.pages}页" in squeezed
    body = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(body) > 40
    assert [line for line in body if line[0] in NO_START] == []
