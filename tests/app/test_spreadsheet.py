"""One spreadsheet reader (python-calamine) for every import: .xlsx as Excel writes it (shared
strings), .xls, .ods; rows numbered as Excel numbers them; damaged files are coded refusals."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from app.spreadsheet import SpreadsheetUnreadable
from app.spreadsheet import first_sheet
from db.models import Patient
from tests.app.test_import_data import HEADERS_ZH
from tests.app.test_import_data import good_row
from tests.app.test_import_data import network
from tests.support import run_main

TITLE = "2026年澄江街道筛查名单"


def write_shared_strings_xlsx(path: Path, rows: list[list], title: str | None = TITLE) -> Path:
    """As Excel saves a list: text in the shared-strings table (xlsxwriter writes it so), a
    title row, an empty row before the headers, a real date cell."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("名单")
    date = book.add_format({"num_format": "yyyy年m月d日"})
    if title:
        sheet.write(0, 0, title)
    sheet.write_row(2, 0, HEADERS_ZH)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            else:
                sheet.write(r, c, value)
    book.close()
    return path


def write_xls(path: Path, rows: list[list], title: str | None = TITLE) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    if title:
        sheet.write(0, 0, title)
    for c, header in enumerate(HEADERS_ZH):
        sheet.write(2, c, header)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            sheet.write(r, c, value, date) if isinstance(value, dt.date) else sheet.write(r, c, value)
    book.save(str(path))
    return path


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write_ods(path: Path, rows: list[list], title: str | None = TITLE, headers=HEADERS_ZH) -> Path:
    """An OpenDocument sheet as LibreOffice stores one: blank rows written once with a repeat
    count, string, float and date cells."""
    def cell(v):
        if isinstance(v, dt.date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                    f"<text:p>{v.isoformat()}</text:p></table:table-cell>")
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'

    def row(values):
        return f"<table:table-row>{''.join(cell(v) for v in values)}</table:table-row>"

    blank = '<table:table-row table:number-rows-repeated="{n}"><table:table-cell/></table:table-row>'
    top = row([title]) + blank.format(n=1) if title else ""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="名单">'
               f"{top}{row(headers)}{''.join(row(r) for r in rows)}"
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def rows_of_two() -> list[list]:
    first = good_row()
    first[4] = 13812345678  # typed into Excel: a number cell
    first[2] = dt.date(1960, 5, 6)
    return [first, good_row("李四", "女", "1970-01-02", seq=13, phone="0574-87654321")]


def test_an_xlsx_with_shared_strings_reads_as_excel_shows_it(tmp_path):
    path = write_shared_strings_xlsx(tmp_path / "list.xlsx", rows_of_two())
    with zipfile.ZipFile(path) as z:  # the file really is in Excel's shape, not openpyxl's inline strings
        assert "xl/sharedStrings.xml" in z.namelist() and b't="s"' in z.read("xl/worksheets/sheet1.xml")
    rows = first_sheet(path)
    assert rows[0][0] == TITLE and not any(rows[1]) and rows[2] == HEADERS_ZH
    assert rows[3][:3] == ["张三", "男", dt.date(1960, 5, 6)] and rows[3][4] == 13812345678  # a number, not 1.38e10
    assert rows[4][:3] == ["李四", "女", "1970-01-02"] and rows[4][4] == "0574-87654321"


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_each_format_gives_the_same_rows_at_the_same_excel_row_numbers(tmp_path, suffix):
    from app.screening.reader import cell_date
    from app.screening.reader import read_list

    writer = {".xlsx": write_shared_strings_xlsx, ".xls": write_xls, ".ods": write_ods}[suffix]
    sheet = read_list(writer(tmp_path / f"list{suffix}", rows_of_two()))
    assert sheet.headers == HEADERS_ZH and sheet.header_line == 3
    assert [line for line, _ in sheet.rows] == [4, 5]
    (_, zhang), (_, li) = sheet.rows
    assert zhang[0] == "张三" and cell_date(zhang[2]) == dt.date(1960, 5, 6) and zhang[4] == 13812345678
    assert li[0] == "李四" and li[4] == "0574-87654321" and li[3] == rows_of_two()[1][3]


def test_an_xls_list_imports_and_a_bad_row_is_named_by_its_excel_row(profile, profile_dir, tmp_path):
    network(profile)
    rows = rows_of_two() + [good_row("王五", seq=15, phone="010-1234")]
    path = write_xls(tmp_path / "list.xls", rows)
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path))
    assert done.returncode == 1 and "Line 6: Phone: 010-1234 is not a phone number" in done.stderr
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(path), "--exclude-lines", "6")
    assert done.returncode == 0, done.stderr
    with profile.sessions() as s:
        phones = dict(s.execute(select(Patient.name, Patient.phone)).all())
    assert phones == {"张三": "13812345678", "李四": "0574-87654321"}


def test_damaged_and_missing_files_are_told_apart(tmp_path):
    broken = tmp_path / "list.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SpreadsheetUnreadable):
        first_sheet(broken)
    truncated = tmp_path / "cut.xls"
    whole = write_xls(tmp_path / "whole.xls", rows_of_two()).read_bytes()
    truncated.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(SpreadsheetUnreadable):
        first_sheet(truncated)
    with pytest.raises(FileNotFoundError):
        first_sheet(tmp_path / "gone.ods")


def test_a_damaged_list_is_a_coded_refusal_naming_the_file(profile_dir, tmp_path):
    broken = tmp_path / "名单.ods"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    done = run_main("--lang", "en", "import", "--profile", str(profile_dir), str(broken))
    assert done.returncode == 2 and "名单.ods: the file is damaged" in done.stderr and "Traceback" not in done.stderr


def test_the_org_tree_and_staff_readers_take_xls_and_ods_with_excel_row_numbers(tmp_path):
    import xlwt

    from server import accounts
    from server import org_import

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("机构")
    for r, row in {0: ["编码", "名称", "类型", "上级编码"], 1: [330206, "北仑区肿瘤防治中心", "中心", ""],
                   3: ["330206-J01", "大碶街道工作站", "街道工作站", 330206]}.items():
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "org.xls"))
    headers, body = org_import.read_table(tmp_path / "org.xls")
    assert headers == ["编码", "名称", "类型", "上级编码"]
    assert body == [(2, ["330206", "北仑区肿瘤防治中心", "中心", ""]), (4, ["330206-J01", "大碶街道工作站", "街道工作站", "330206"])]

    staff = write_ods(tmp_path / "staff.ods", [[""], ["zhao", "赵一", 13812345678]], title=None,
                      headers=["用户名", "姓名", "电话"])
    headers, lines = accounts.read_table(staff)
    assert headers == ["用户名", "姓名", "电话"] and lines == [(3, ["zhao", "赵一", "13812345678"])]
