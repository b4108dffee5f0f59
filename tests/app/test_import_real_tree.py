"""The desktop matches a screening list against the real tree: the example Beilun tree is
imported on the server (PostgreSQL), pulled into a profile as any desktop pulls it, and a list
naming streets and communities by name, alias, code or the beginning of a name imports; a
value that matches nothing is refused with its column and value."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.screening.importer import import_file
from app.screening.validate import Decisions
from app.sync import local
from app.sync import pages
from app.sync.scope import Scope
from db.models import OrgUnit
from db.models import Patient
from tests.app.test_import_data import good_row
from tests.app.test_import_data import write_csv
from tests.app.test_import_data import write_xlsx
from ui.problem_words import say

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "org_tree.csv"
# Headers as a street office's export has them: the refusal names these, not our field names.
HEADERS = ["姓名", "性别", "出生日期", "身份证号", "联系电话", "乡镇街道", "村居", "现住址", "筛查项目"]


@pytest.fixture
def beilun(profile, pg_url, tmp_path):
    """The example tree plus a station whose name only begins with its street's name, pulled."""
    from db import migrate
    from db.engine import url_engine
    from server import org_import
    from server.pull import pull

    extra = tmp_path / "tree.csv"
    extra.write_text(EXAMPLE.read_text(encoding="utf-8") + "BL-MS,梅山街道综合工作站,街道工作站,BL,,,\n"
                     "BL-MS-01,梅东社区防治点,社区防治点,BL-MS,,,\n", encoding="utf-8")
    engine = url_engine(pg_url)
    migrate.upgrade(engine)
    with Session(engine) as session:
        org_import.import_tree(session, extra)
        session.commit()
        page = pull(session, Scope("admin", "admin", None), 0, 1000)
    engine.dispose()
    assert local.apply_page(profile.engine, pages.parse_pull(orjson.dumps(page)), 0) == 16
    with profile.sessions() as s:
        return {u.code: u.id for u in s.scalars(select(OrgUnit))}


def communities(profile) -> dict[str, str]:
    with profile.sessions() as s:
        return dict(s.execute(select(Patient.name, Patient.community_id)).all())


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_a_list_with_real_names_and_aliases_imports_into_the_pulled_tree(profile, beilun, tmp_path, write):
    rows = [
        good_row("张三", seq=11, street="大碶街道", community="璎珞社区"),           # aliases
        good_row("李四", seq=13, street="新碶", community="泰山社区防治点"),         # short alias, full name
        good_row("王五", seq=15, street="小港街道", community="红联"),               # key of the name
        good_row("赵六", seq=17, street="大碶街道工作站", community="九峰山社区"),    # the unit's own name
        good_row("钱七", seq=19, street="BL-CQ", community="柴桥社区"),               # a code
        good_row("孙八", seq=21, street="梅山街道", community="梅东"),               # the station's name begins so
        good_row("周九", seq=23, street="", community="霞浦社区"),                   # community alone
    ]
    path = write(tmp_path / ("list.csv" if write is write_csv else "list.xlsx"), rows, headers=HEADERS)
    report, result = import_file(profile, path)
    assert report.ok, [str(p) for p in report.problems]
    assert result.patients == 7
    assert communities(profile) == {"张三": beilun["BL-DQ-01"], "李四": beilun["BL-XQ-01"], "王五": beilun["BL-XG-01"],
                                    "赵六": beilun["BL-DQ-02"], "钱七": beilun["BL-CQ-01"], "孙八": beilun["BL-MS-01"],
                                    "周九": beilun["BL-XP-01"]}


def test_a_value_that_matches_nothing_is_refused_with_its_column_and_value(profile, beilun, tmp_path):
    rows = [good_row("张三", seq=11, street="大碶街道", community="璎珞社区"),
            good_row("吴十", seq=13, street="白峰街道", community="白峰社区"),       # no such street in the tree
            good_row("郑一", seq=15, street="大碶街道", community="不存在社区"),     # no such community
            good_row("冯二", seq=17, street="大", community="")]                      # too short to begin a name
    path = write_csv(tmp_path / "list.csv", rows, headers=HEADERS)
    report, result = import_file(profile, path)
    assert result is None and report.bad_lines == [3, 4, 5]
    worded = [say(p.coded, "en") for p in report.problems]
    assert worded[0] == "Line 3: column 乡镇街道: 白峰街道 is no street of the network (name or alias)."
    assert worded[1] == "Line 4: column 村居: 不存在社区 is no community of the network (name or alias)."
    assert say(report.problems[0].coded, "zh_CN") == "第 3 行：乡镇街道 列的“白峰街道”与网络中任何街道的名称或别名都不符。"
    assert communities(profile) == {}  # all or nothing
    report, result = import_file(profile, path, Decisions(exclude=frozenset({3, 4, 5})))
    assert result is not None and communities(profile) == {"张三": beilun["BL-DQ-01"]}
