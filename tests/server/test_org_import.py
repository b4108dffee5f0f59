"""`server org import` on real PostgreSQL: the example Beilun tree imports (csv and xlsx), a
re-import updates by code and reports what the file left out, every bad line is named with
its column and nothing is written, and imported units reach desktops through pull."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine
from sqlalchemy import text

from app.cli import run

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "org_tree.csv"
HEADER = ["编码", "名称", "类型", "上级编码", "地址", "电话", "别名"]


def example_rows() -> list[list[str]]:
    with EXAMPLE.open(encoding="utf-8") as f:
        return list(csv.reader(f))[1:]


def write_sheet(path: Path, rows: list[list], header=HEADER) -> Path:
    if path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        book.save(path)
    else:
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([header, *rows])
    return path


def org_import(url: str, path: Path, *extra: str) -> int:
    return run(["--lang", "en", "server", "org", "import", "--db", url, str(path), *extra])


def sql(url: str, statement: str, **params):
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


def units(url: str) -> dict[str, tuple]:
    rows = sql(url, "SELECT code, name, kind, active, version, server_seq, aliases FROM org_units")
    return {r[0]: r[1:] for r in rows}


@pytest.fixture
def db(pg_url):
    from db import migrate
    from db.engine import url_engine

    engine = url_engine(pg_url)
    migrate.upgrade(engine)
    engine.dispose()
    return pg_url


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_example_tree_imports_as_synced_rows(db, tmp_path, capsys, suffix):
    path = EXAMPLE if suffix == ".csv" else write_sheet(tmp_path / "org.xlsx", example_rows())
    assert org_import(db, path) == 0
    assert "14 added, 0 updated, 0 unchanged" in capsys.readouterr().out
    found = units(db)
    assert len(found) == 14
    assert found["BL-DQ"][:3] == ("大碶街道工作站", "street_station", True)
    assert found["BL-XQ"][5] == ["新碶街道", "新碶"]  # the full-width ； separates aliases too
    assert found["BL-XG"][1] == "street_station"  # 类型 as a code
    assert found["BL-H1"][1] == "partner_hospital"
    parent = sql(db, "SELECT p.code FROM org_units u JOIN org_units p ON p.id = u.parent_id WHERE u.code = 'BL-DQ-01'")
    assert parent == [("BL-DQ",)]
    # Each unit has its place in the change sequence and a change_log entry: desktops pull them.
    seqs = sorted(u[4] for u in found.values())
    assert seqs == list(range(1, 15)) and all(u[3] == 1 for u in found.values())
    assert sql(db, "SELECT count(*) FROM change_log WHERE table_name = 'org_units'") == [(14,)]
    assert sql(db, "SELECT value FROM seq_counter") == [(14,)]
    assert sql(db, "SELECT kind, detail->>'added' FROM security_events") == [("org_imported", "14")]


def test_reimport_updates_adds_and_reports_missing(db, tmp_path, capsys):
    assert org_import(db, EXAMPLE) == 0
    rows = [r for r in example_rows() if r[0] != "BL-CQ-01"]
    next(r for r in rows if r[0] == "BL-DQ")[6] = "大碶街道;大碶;大碶镇"
    rows.append(["BL-DQ-03", "灵峰社区防治点", "社区防治点", "BL-DQ", "", "", "灵峰社区"])
    capsys.readouterr()
    assert org_import(db, write_sheet(tmp_path / "again.xlsx", rows)) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 updated, 12 unchanged" in out
    assert "BL-CQ-01" in out  # reported …
    found = units(db)
    assert found["BL-CQ-01"][2] is True  # … and kept
    assert found["BL-DQ"][3] == 2 and found["BL-DQ"][5] == ["大碶街道", "大碶", "大碶镇"]
    assert found["BL-DQ"][4] > 14 and found["BL-DQ-03"][4] > 14
    fields = sql(db, "SELECT fields FROM change_log c JOIN org_units u ON u.id = c.row_id "
                     "WHERE u.code = 'BL-DQ' AND c.version = 2")
    assert fields == [(["aliases"],)]


def test_a_station_cannot_become_another_type_while_points_on_the_server_are_under_it(db, tmp_path, capsys):
    assert org_import(db, EXAMPLE) == 0
    rows = [r for r in example_rows() if not r[0].startswith("BL-DQ-")]
    next(r for r in rows if r[0] == "BL-DQ")[2] = "分中心"
    before = units(db)
    capsys.readouterr()
    assert org_import(db, write_sheet(tmp_path / "turned.csv", rows)) == 2
    err = capsys.readouterr().err
    assert "Line 3, column 类型: community points BL-DQ-01, BL-DQ-02 on the server are under this unit" in err
    assert units(db) == before


def test_deactivate_missing_is_refused_while_the_unit_has_active_users(db, tmp_path, capsys):
    assert org_import(db, EXAMPLE) == 0
    sql(db, "INSERT INTO users (id, username, display_name, role, org_unit_id, active, version, updated_at) "
            "SELECT '01890000-0000-7000-8000-000000000001', 'cm_cq', '柴桥个案管理', 'community_cm', id, true, 1, now() "
            "FROM org_units WHERE code = 'BL-CQ-01'")
    rows = [r for r in example_rows() if r[0] not in ("BL-CQ-01", "BL-XP-01")]
    path = write_sheet(tmp_path / "smaller.csv", rows)
    before = units(db)
    capsys.readouterr()
    assert org_import(db, path, "--deactivate-missing") == 2
    err = capsys.readouterr().err
    assert "BL-CQ-01" in err and "1 active user(s)" in err and "BL-XP-01" not in err
    assert units(db) == before
    sql(db, "UPDATE users SET active = false WHERE username = 'cm_cq'")
    assert org_import(db, path, "--deactivate-missing") == 0
    assert "Marked inactive: BL-CQ-01, BL-XP-01" in capsys.readouterr().out
    after = units(db)
    assert after["BL-CQ-01"][2] is False and after["BL-CQ-01"][3] == 2 and after["BL-CQ-01"][4] > 14
    assert "BL-CQ-01" in after  # inactive, never deleted


BAD = [
    ["C", "北仑区癌症防治中心", "防治中心", "", "", "", ""],                 # 2 good
    ["S1", "大碶街道工作站", "街道工作站", "C", "", "", "大碶街道"],          # 3 good
    ["S1", "新碶街道工作站", "街道工作站", "C", "", "", ""],                 # 4 duplicate code
    ["P1", "", "社区防治点", "S1", "", "", ""],                              # 5 missing name
    ["P2", "泰山社区防治点", "卫生院", "S1", "", "", ""],                     # 6 unknown type
    ["P3", "庐山社区防治点", "社区防治点", "NOPE", "", "", ""],               # 7 unknown parent
    ["A", "甲", "分中心", "B", "", "", ""],                                  # 8 cycle A -> B -> A
    ["B", "乙", "分中心", "A", "", "", ""],                                  # 9 cycle
    ["P4", "红联社区防治点", "社区防治点", "C", "", "", ""],                  # 10 point under the centre
    ["S2", "小港街道工作站", "街道工作站", "C", "", "", "大碶街道"],          # 11 alias names S1 already
    ["X" * 40, "霞浦", "街道工作站", "C", "", "", ""],                       # 12 code too long
    ["P5", "柴桥社区防治点", "社区防治点", "P2", "", "", ""],                 # 13 under line 6: named there only
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_bad_line_is_named_with_its_column_and_nothing_is_written(db, tmp_path, capsys, suffix):
    assert org_import(db, write_sheet(tmp_path / f"bad{suffix}", BAD)) == 2
    err = capsys.readouterr().err
    expected = [
        "Line 4, column 编码: the code S1 is already on line 3",
        "Line 5, column 名称: empty",
        "Line 6, column 类型: unknown type 卫生院",
        "Line 7, column 上级编码: no unit has the code NOPE",
        "Line 8, column 上级编码: the parent B makes a loop: A → B → A",
        "Line 9, column 上级编码: the parent A makes a loop: B → A → B",
        "Line 10, column 上级编码: a community point must be under a street station",
        "Line 11, column 别名: “大碶街道” already names unit S1",
        "Line 12, column 编码: too long (at most 32 characters)",
    ]
    for line in expected:
        assert line in err, err
    assert "Line 2," not in err and "Line 3," not in err and "Line 13," not in err
    assert "nothing was imported" in err
    assert sql(db, "SELECT count(*) FROM org_units") == [(0,)]
    assert sql(db, "SELECT count(*) FROM change_log") == [(0,)]
    assert sql(db, "SELECT count(*) FROM security_events") == [(0,)]


def test_a_file_that_is_not_a_tree_is_refused_in_words(db, tmp_path, capsys):
    wrong = write_sheet(tmp_path / "staff.csv", [["zhang", "张三"]], header=["用户名", "姓名"])
    assert org_import(db, wrong) == 2
    assert "Columns missing: 编码、名称、类型、上级编码" in capsys.readouterr().err
    doc = tmp_path / "tree.docx"
    doc.write_bytes(b"PK\x03\x04")
    assert org_import(db, doc) == 2
    assert "import an .xlsx, .xls, .ods or .csv file" in capsys.readouterr().err
    broken = tmp_path / "tree.xlsx"
    broken.write_bytes(b"not a zip")
    assert org_import(db, broken) == 2
    assert "tree.xlsx cannot be read" in capsys.readouterr().err
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\n\n")
    assert org_import(db, empty) == 2
    assert "the file is empty" in capsys.readouterr().err
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("\n".join([",".join(HEADER), "C,北仑区癌症防治中心,防治中心,,,,"]).encode("gbk"))
    assert org_import(db, gbk) == 0  # a sheet saved from Excel in GBK reads too
    assert sql(db, "SELECT name FROM org_units") == [("北仑区癌症防治中心",)]
    assert sql(db, "SELECT count(*) FROM org_units") == [(1,)]


def test_imported_units_reach_a_desktop_through_pull(api, tmp_path, capsys):
    """On a running network (the demo database, whose fictional tree has its own 霞浦 station):
    the admin's desktop pulls the new units."""
    cursor = api.sql("SELECT value FROM seq_counter")[0][0]
    rows = [r for r in example_rows() if not r[0].startswith("BL-XP")]
    assert org_import(api.db_url, write_sheet(tmp_path / "beilun.csv", rows)) == 0
    headers = api.login("admin")
    page = api.client.post("/sync/pull", json={"cursor": cursor, "limit": 500},
                           headers={"Authorization": headers["Authorization"]}).json()
    table = page["tables"]["org_units"]
    names = {dict(zip(table["columns"], r))["name"] for r in table["rows"]}
    assert {"大碶街道工作站", "新碶街道工作站", "小港街道工作站", "璎珞社区防治点"} <= names
    assert page["cursor"] == cursor + 12


def test_the_first_import_replaces_the_placeholder_centre_of_server_init(db, capsys, monkeypatch):
    monkeypatch.setenv("CASEDESK_PASSWORD", "Beilun-2026-Ningbo")
    assert run(["--lang", "en", "server", "init", "--db", db]) == 0
    assert units(db)["ROOT"][2] is True
    capsys.readouterr()
    assert org_import(db, EXAMPLE) == 0
    out = capsys.readouterr().out
    assert "took the place of the placeholder centre" in out and "ROOT" not in out.split("took")[0]
    found = units(db)
    assert found["ROOT"][2] is False  # kept (records point at it), inactive
    centre = next(code for code, u in found.items() if u[1] == "centre" and code != "ROOT")
    assert sql(db, "SELECT o.code FROM users u JOIN org_units o ON o.id = u.org_unit_id "
                   "WHERE u.username = 'admin'") == [(centre,)]
    # The move is a synced change: desktops pull the administrator's new unit.
    assert sql(db, "SELECT count(*) FROM change_log c JOIN users u ON u.id = c.row_id WHERE u.username = 'admin' "
                   "AND c.fields::text LIKE '%org_unit_id%'") == [(1,)]
    capsys.readouterr()
    assert org_import(db, EXAMPLE) == 0  # again: nothing left to replace, nothing reported missing
    again = capsys.readouterr().out
    assert "placeholder" not in again and "not in the file" not in again
