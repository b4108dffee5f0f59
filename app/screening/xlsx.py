"""A lean reader for the first sheet of an .xlsx: values only, row by row.

openpyxl's read-only mode builds a cell object per value and reads 100,000 list rows in
about 15 seconds, half an import's time budget; streaming the sheet XML with the
standard library's C parser does it in a fraction. Only what lists hold is understood:
shared and inline strings, numbers, booleans, and dates (a number in a date format, or
an ISO date cell). Anything else in the file is ignored; a file this reader cannot
follow raises XlsxUnreadable and the caller falls back to openpyxl.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from xml.etree.ElementTree import ParseError
from xml.etree.ElementTree import iterparse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Built-in number formats that are dates (ECMA-376 18.8.30), plus the Chinese-locale ones.
DATE_FORMAT_IDS = frozenset(range(14, 23)) | frozenset(range(27, 37)) | frozenset(range(45, 48)) \
    | frozenset(range(50, 59))
_DATE_CODE = re.compile(r"[ymd]", re.I)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')
EPOCH_1900 = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)


class XlsxUnreadable(Exception):
    pass


def _column(ref: str) -> int:
    n = 0
    for ch in ref:
        if ch.isdigit():
            break
        n = n * 26 + ord(ch) - 64
    return n - 1


def _first_sheet(z: zipfile.ZipFile) -> tuple[str, bool]:
    with z.open("xl/workbook.xml") as fh:
        root = _parse(fh)
    sheet = root.find(f"{NS}sheets/{NS}sheet")
    pr = root.find(f"{NS}workbookPr")
    date1904 = pr is not None and pr.get("date1904") in ("1", "true")
    rid = sheet.get(f"{REL_NS}id")
    with z.open("xl/_rels/workbook.xml.rels") as fh:
        rels = _parse(fh)
    for rel in rels.iter(f"{PKG_REL_NS}Relationship"):
        if rel.get("Id") == rid:
            target = rel.get("Target")
            return (target[1:] if target.startswith("/") else "xl/" + target), date1904
    raise XlsxUnreadable("first sheet not found")


def _parse(fh):
    from xml.etree.ElementTree import parse

    return parse(fh).getroot()


def _shared_strings(z: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out = []
    with z.open("xl/sharedStrings.xml") as fh:
        for _event, el in iterparse(fh):
            if el.tag == f"{NS}si":
                out.append("".join(t.text or "" for t in el.iter(f"{NS}t") if not _in_phonetic(el, t)))
                el.clear()
    return out


def _in_phonetic(si, t) -> bool:
    return any(t in list(ph.iter()) for ph in si.findall(f"{NS}rPh"))


def _date_styles(z: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats that show a number as a date."""
    if "xl/styles.xml" not in z.namelist():
        return set()
    with z.open("xl/styles.xml") as fh:
        root = _parse(fh)
    custom = set()
    for fmt in root.iter(f"{NS}numFmt"):
        if _DATE_CODE.search(_QUOTED.sub("", fmt.get("formatCode", ""))):
            custom.add(int(fmt.get("numFmtId")))
    xfs = root.find(f"{NS}cellXfs")
    if xfs is None:
        return set()
    return {i for i, xf in enumerate(xfs.findall(f"{NS}xf"))
            if int(xf.get("numFmtId", 0)) in DATE_FORMAT_IDS | custom}


def read_rows(path):
    """(rows expected, an iterator of (line, cells)) for the first sheet; empty rows included."""
    try:
        z = zipfile.ZipFile(path)
        name, date1904 = _first_sheet(z)
        strings, dates = _shared_strings(z), _date_styles(z)
        with z.open(name) as fh:
            m = _DIMENSION.search(fh.read(4096))
    except (KeyError, AttributeError, ValueError, zipfile.BadZipFile) as exc:
        raise XlsxUnreadable(str(exc)) from None
    epoch = EPOCH_1904 if date1904 else EPOCH_1900
    return (int(m.group(1)) if m else 1), _rows(z, name, strings, dates, epoch)


def _rows(z, name, strings, dates, epoch):
    row_tag, c_tag, v_tag, is_tag, t_tag = f"{NS}row", f"{NS}c", f"{NS}v", f"{NS}is", f"{NS}t"
    columns: dict[str, int] = {}
    expected = 1
    try:
        with z.open(name) as fh:
            for _event, el in iterparse(fh):
                if el.tag != row_tag:
                    continue
                line = int(el.get("r") or expected)
                while expected < line:  # rows a spreadsheet leaves out are empty
                    yield expected, []
                    expected += 1
                cells: list = []
                for c in el:
                    if c.tag != c_tag:
                        continue
                    ref = c.get("r")
                    if ref:
                        letters = ref.rstrip("0123456789")
                        index = columns.get(letters)
                        if index is None:
                            index = columns[letters] = _column(letters)
                        if index > len(cells):
                            cells.extend([None] * (index - len(cells)))
                    kind = c.get("t")
                    if kind == "s":  # most cells of a list: a shared string
                        v = c.find(v_tag)
                        cells.append(strings[int(v.text)] if v is not None else None)
                    else:
                        cells.append(_value(c, v_tag, is_tag, t_tag, strings, dates, epoch))
                el.clear()
                yield line, cells
                expected = line + 1
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, IndexError, ValueError) as exc:
        raise XlsxUnreadable(f"{exc.__class__.__name__}: {exc}") from None
    finally:
        z.close()


def _value(c, v_tag, is_tag, t_tag, strings, dates, epoch):
    kind = c.get("t", "n")
    if kind == "inlineStr":
        node = c.find(is_tag)
        return "".join(t.text or "" for t in node.iter(t_tag)) if node is not None else None
    v = c.find(v_tag)
    if v is None or v.text is None:
        return None
    text = v.text
    if kind == "s":
        return strings[int(text)]
    if kind in ("str", "e"):
        return text
    if kind == "b":
        return text == "1"
    if kind == "d":
        return dt.datetime.fromisoformat(text)
    number = float(text)
    if c.get("s") is not None and int(c.get("s")) in dates:
        return epoch + dt.timedelta(days=number)
    return int(number) if number.is_integer() and "E" not in text and "." not in text else number
