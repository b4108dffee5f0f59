"""Day sheets (app/daysheets.py, `main.py daysheet`): what a case manager takes on the day's
round reads right on paper, and printing a phone in full is audited."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import select

from app import clock
from app.daysheets import print_day_sheet
from app.pathway.queries import Scope
from app.profile import Profile
from app.worklist import Filters
from app.worklist import Worklist
from db.models import AuditEntry
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import User
from tests.app.test_cli_language import CJK
from tests.support import run_main
from ui.daysheet_words import daysheet_words

TODAY = clock.today()
EARLIER = TODAY - dt.timedelta(days=3)
PHONES = {"王秀英": "13812345678", "李建国": "13987654321", "陈桂兰": "0574-87654321", "周明": "15011112222",
          "吴芳": "18633334444", "郑强": "13755556666"}


def add_round(profile) -> dict[str, str]:
    """One station, two communities, a signed-in case manager and a day of follow-ups."""
    with profile.store.write() as tx:
        station = tx.add(OrgUnit(kind="street_station", code="D-S01", name="澄江街道工作站"))
        other = tx.add(OrgUnit(kind="street_station", code="D-S02", name="霞浦街道工作站"))
        east = tx.add(OrgUnit(kind="community_point", code="D-P01", name="祥山社区", parent_id=station.id))
        west = tx.add(OrgUnit(kind="community_point", code="D-P02", name="西院社区", parent_id=station.id))
        cm = tx.add(User(username="cm-day", display_name="何发福", role="community_cm", org_unit_id=station.id))
        ids = {"cm": cm.id}
        # name: (community, station, address, method, due, status, attempts)
        plan = {
            "王秀英": (east, station, "湾景路134弄29幢504室", "phone", TODAY, "planned", 0),
            "李建国": (west, station, "建设路59弄19幢903室", "phone", EARLIER, "planned", 1),
            "陈桂兰": (east, station, "湾景路12号", "phone", TODAY, "done", 1),  # already called
            "周明": (west, station, "建设路7号", "home", TODAY, "planned", 0),
            "吴芳": (east, station, "祥山路88号", "home", TODAY, "planned", 0),
            "郑强": (east, other, "文化路41号", "phone", TODAY, "planned", 0),  # another station's
        }
        for name, (place, unit, address, method, due, status, attempts) in plan.items():
            p = tx.add(Patient(name=name, sex="F", birth_date=dt.date(1960, 5, 1), phone=PHONES[name],
                               address=address, community_id=place.id))
            c = tx.add(Case(patient_id=p.id, cancer_type="breast", stage="rehab", station_id=unit.id,
                            community_cm_id=cm.id, due_date=due, opened_at=clock.now()))
            tx.add(Followup(patient_id=p.id, case_id=c.id, due_date=due, method=method, status=status,
                            attempts=attempts, assignee_id=cm.id, notes=f"{name}术后随访"))
            ids[name] = p.id
    profile.settings.set("user.id", cm.id)
    profile.settings.save()
    profile.store.user_id = cm.id
    return ids


def pdftotext(path, *args) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def reveals(profile) -> dict[str, dict]:
    with profile.sessions() as s:
        return {e.row_id: e.detail for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal"))}


def test_call_list_prints_full_phones_and_outcome_boxes_and_audits_each_reveal(profile, tmp_path):
    ids = add_round(profile)
    out = tmp_path / "calls.pdf"
    printed = print_day_sheet(profile, "calls", out, daysheet_words("zh_CN"), day=TODAY)
    assert printed.rows == 2 and printed.pages == 1 and printed.revealed == 2
    text = pdftotext(out)
    assert "今日电话随访清单" in text and "澄江街道工作站" in text and "何发福" in text
    assert "13812345678" in text and "13987654321" in text  # in full, not 138****5678
    assert "陈桂兰" not in text and "郑强" not in text  # done already; another station's
    assert "逾期 3 天" in text  # the one left over from earlier in the week
    for word in ("接通", "未接", "关机/停机", "空号", "拒接", "他人代接", "改约", "回拨时间", "乳腺癌"):
        assert word in text, word
    assert re.search(r"第 ?1 ?页 ?/ ?共 ?1 ?页", text)
    audited = reveals(profile)
    assert set(audited) == {ids["王秀英"], ids["李建国"]}
    assert all(d == {"field": "phone", "for": "day_sheet:calls"} for d in audited.values())
    assert not list(tmp_path.glob("*.part"))


def test_home_visits_are_grouped_by_community_with_addresses(profile, tmp_path):
    add_round(profile)
    out = tmp_path / "visits.pdf"
    print_day_sheet(profile, "visits", out, daysheet_words("en"), day=TODAY)
    text = pdftotext(out)
    assert "Home visits" in text and "Visit notes / signature" in text
    east, west = text.index("祥山社区 (1)"), text.index("西院社区 (1)")
    assert east < text.index("吴芳") < west < text.index("周明")
    assert "祥山路88号" in text and "建设路7号" in text and "18633334444" in text
    assert "王秀英" not in text  # a call, not a visit


def test_chase_list_holds_the_unreached(profile, tmp_path):
    add_round(profile)
    out = tmp_path / "chase.pdf"
    printed = print_day_sheet(profile, "chase", out, daysheet_words("en"), day=TODAY)
    text = pdftotext(out)
    assert printed.rows == 1 and "李建国" in text and "13987654321" in text and "王秀英" not in text


def test_worklist_print_follows_the_filter(profile, tmp_path):
    add_round(profile)
    worklist = Worklist(profile.sessions)
    out = tmp_path / "worklist.pdf"
    printed = print_day_sheet(profile, "worklist", out, daysheet_words("en"), worklist=worklist,
                              filters=Filters(due="overdue"))
    text = pdftotext(out)
    assert printed.rows == 1 and "李建国" in text and "王秀英" not in text and "Worklist: 1 case(s)" in text
    assert "13987654321" not in text  # the worklist prints phones masked, as it shows them
    everyone = print_day_sheet(profile, "worklist", tmp_path / "all.pdf", daysheet_words("en"),
                               worklist=worklist, filters=Filters(text="王"))
    assert everyone.rows == 1 and "王秀英" in pdftotext(tmp_path / "all.pdf")


def test_an_empty_day_says_so(profile, tmp_path):
    add_round(profile)
    out = tmp_path / "empty.pdf"
    printed = print_day_sheet(profile, "calls", out, daysheet_words("en"), day=TODAY,
                              scope=Scope(station_id="no-such-station"))
    text = pdftotext(out)
    assert printed.rows == 0 and f"No calls are due on {TODAY.isoformat()}" in text and "Phone" not in text
    assert reveals(profile) == {}


@pytest.fixture
def round_dir(profile_dir):
    profile = Profile.open(profile_dir)
    add_round(profile)
    profile.close()
    return profile_dir


def test_command_prints_the_call_list_and_refuses_a_missing_folder(round_dir, tmp_path):
    out = tmp_path / "calls.pdf"
    r = run_main("--lang", "en", "daysheet", "--profile", str(round_dir), "--kind", "calls",
                 "--date", TODAY.isoformat(), "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "Call list: 2 row(s) on 1 page(s)" in r.stdout and "2 patient(s) were printed in full" in r.stdout
    assert "13812345678" in pdftotext(out)
    bad = tmp_path / "nowhere" / "calls.pdf"
    r = run_main("--lang", "en", "daysheet", "--profile", str(round_dir), "--kind", "calls", "--out", str(bad))
    assert r.returncode == 2 and "The folder" in r.stderr and "does not exist" in r.stderr
    assert not CJK.search(r.stderr) and not (tmp_path / "nowhere").exists()
    zh = run_main("--lang", "zh_CN", "daysheet", "--profile", str(round_dir), "--kind", "calls", "--out", str(bad))
    assert zh.returncode == 2 and "不存在" in zh.stderr
    profile = Profile.open(round_dir)
    try:
        assert len(reveals(profile)) == 2  # the refused runs revealed nothing
    finally:
        profile.close()


def test_a_long_list_runs_over_pages_numbered_with_the_column_titles_on_each(tmp_path):
    from app.daysheets import Sheet
    from app.daysheets import write_pdf

    words = daysheet_words("zh_CN")
    sheet = Sheet("长清单", [("#", 0.3), ("姓名", 1.0), ("地址", 3.0)],
                  [("祥山社区", [[str(n), f"患者{n}", "东陵市澄湾区梅墟街道祥山社区湾景路134弄29幢504室" * (n % 3 + 1)]
                              for n in range(1, 120)])])
    out = tmp_path / "long.pdf"
    pages = write_pdf(sheet, out, ["站点：澄江街道工作站"], words)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdftotext(out, "-f", str(page), "-l", str(page))
        assert re.search(rf"第 ?{page} ?页 ?/ ?共 ?{pages} ?页", text) and "姓名" in text and "祥山社区" in text
    assert "患者1 " in pdftotext(out) and "患者119" in pdftotext(out)


def test_a_failed_sheet_leaves_no_file(tmp_path):
    from app.daysheets import Sheet
    from app.daysheets import write_pdf

    def audit_fails():
        raise OSError("disk full")

    out = tmp_path / "calls.pdf"
    with pytest.raises(OSError):
        write_pdf(Sheet("x", [("#", 1.0)], [("", [["1"]])]), out, [], daysheet_words("en"), before_rename=audit_fails)
    assert list(tmp_path.iterdir()) == []
