"""Day sheets: today's call list, the home-visit sheet, the chase list and the worklist as
filtered, printed into one A4 landscape PDF with the letters' bundled fonts. Qt-free.

Calls and visits are made from paper, so those sheets print the phone IN FULL: each patient
whose number is printed is audited as a reveal (the same record the patient window's "show"
makes), before the file gets its real name, so no unaudited printout exists. The file is
written beside its target as a .part and renamed when complete; a failure leaves nothing.
Words come in as a `SheetWords` (ui/daysheet_words.py): app/ holds codes only.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import or_
from sqlalchemy import select

from app import clock
from app.export import SheetWords
from app.export import cell as worklist_cell
from app.letters.fonts import FONT_NAME
from app.letters.fonts import letter_font
from app.letters.fonts import metrics
from app.pathway.queries import PLANNED
from app.pathway.queries import FollowupQueries
from app.pathway.queries import Scope
from app.problems import refuse
from app.worklist import COLUMNS as WORKLIST_COLUMNS
from app.worklist import Filters
from app.worklist import Worklist
from db.models import Case
from db.models import Followup
from db.models import OrgUnit
from db.models import Patient
from db.models import User

if TYPE_CHECKING:
    from app.profile import Profile

KINDS = ("calls", "visits", "chase", "worklist")
OUTCOMES = ("reached", "no_answer", "off", "bad_number", "refused", "other_person", "rescheduled")
PAGE = landscape(A4)
MARGIN = 28.0
SIZE = 8.5  # table text
LEADING = SIZE * 1.3
PAD = 3.0
BAND = "#E8EEF4"  # section headings (a community) and the column titles
LINE = "#8A8A8A"
HAND_ROW = 2 * LEADING + 2 * PAD + 4  # a row someone writes an outcome or a time into


@dataclass
class Sheet:
    """What goes on paper: titled columns (relative widths) and rows in sections."""

    title: str
    columns: list[tuple[str, float]]
    sections: list[tuple[str, list[list[str]]]] = field(default_factory=list)
    empty: str = ""  # said instead of an empty table
    min_row: float = 0.0  # room to write by hand on the calls and visits

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.sections)


@dataclass(frozen=True)
class Printed:
    path: Path
    kind: str
    rows: int
    pages: int
    revealed: int  # patients whose phone was printed in full (each audited)


@dataclass(frozen=True)
class _Followup:
    patient_id: str
    name: str
    sex: str
    phone: str
    address: str
    community: str
    cancer_type: str
    stage: str
    due_date: dt.date
    method: str
    status: str
    attempts: int
    purpose: str
    last_contact: dt.datetime | None


def check_out(out: Path) -> Path:
    """The target, refused before anything is read: a .pdf in a folder that exists."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise refuse("daysheet.out_suffix", "--out", path=str(out))
    if not out.parent.is_dir():
        raise refuse("daysheet.out_folder", "--out", folder=str(out.parent))
    return out


def scope_of(profile: Profile, mine: bool = False) -> Scope:
    """The signed-in person's scope: their station's follow-ups, or only their own; everything
    on a desktop nobody has signed in to."""
    user_id = profile.settings.get("user.id") or None
    if not user_id:
        return Scope()
    if mine:
        return Scope(user_id=user_id)
    return Scope(station_id=FollowupQueries(profile.sessions).user_station(user_id))


def print_day_sheet(profile: Profile, kind: str, out: Path, words: SheetWords, *, day: dt.date | None = None,
                    scope: Scope | None = None, filters: Filters = Filters(), sort: str = "due_date",
                    descending: bool = False, columns=None, worklist: Worklist | None = None) -> Printed:
    if kind not in KINDS:
        raise refuse("daysheet.unknown_kind", "--kind", value=kind, valid=", ".join(KINDS))
    out = check_out(out)
    day = day or clock.today()
    scope = scope_of(profile) if scope is None else scope
    reveal: list[str] = []
    if kind == "worklist":
        worklist = worklist or Worklist(profile.sessions, profile.settings.get("user.id") or None,
                                        FollowupQueries(profile.sessions).user_station(
                                            profile.settings.get("user.id") or None))
        sheet = _worklist_sheet(worklist, words, filters, sort, descending, columns)
    else:
        found = _followups(profile.sessions, kind, day, scope)
        reveal = list(dict.fromkeys(f.patient_id for f in found))
        sheet = {"calls": _call_sheet, "visits": _visit_sheet, "chase": _chase_sheet}[kind](found, words, day)
    head = _header(profile, words, day)

    def audit() -> None:
        store = profile.store
        for patient_id in reveal:
            store.record_access("reveal", "patients", patient_id,
                                detail={"field": "phone", "for": f"day_sheet:{kind}"})
        store.record_access("print", detail={"sheet": kind, "rows": sheet.count, "file": out.name,
                                             "date": day.isoformat()})

    pages = write_pdf(sheet, out, head, words, before_rename=audit)
    return Printed(out, kind, sheet.count, pages, len(reveal))


# -- reading ----------------------------------------------------------------------------------

def _followups(sessions, kind: str, day: dt.date, scope: Scope) -> list[_Followup]:
    community = OrgUnit
    q = (select(Followup, Patient.name, Patient.sex, Patient.phone, Patient.address, community.name,
                Case.cancer_type, Case.stage, Case.last_contact_at)
         .join(Patient, Patient.id == Followup.patient_id)
         .outerjoin(Case, Case.id == Followup.case_id)
         .outerjoin(community, community.id == Patient.community_id))
    if kind == "chase":
        ids = FollowupQueries(sessions).ids("chase", scope)
        q = q.where(Followup.id.in_(ids))
    else:
        method = "phone" if kind == "calls" else "home"
        # Today's, and the ones left over from earlier days (marked overdue on the sheet).
        q = FollowupQueries.scoped(q.where(Followup.method == method, Followup.status == PLANNED,
                                           Followup.due_date <= day,
                                           or_(Followup.case_id.is_(None), Case.closed_at.is_(None))), scope)
    q = q.order_by(Followup.due_date, Patient.name_pinyin, Followup.id)
    with sessions() as s:
        return [_Followup(f.patient_id, name, sex, phone or "", address or "", place or "", cancer or "",
                          stage or "", f.due_date, f.method, f.status, f.attempts or 0,
                          f.notes or f.rule_id or "", contact)
                for f, name, sex, phone, address, place, cancer, stage, contact in s.execute(q)]


def _header(profile: Profile, words: SheetWords, day: dt.date) -> list[str]:
    user_id = profile.settings.get("user.id") or None
    who = station = ""
    if user_id:
        with profile.sessions() as s:
            found = s.execute(select(User.display_name, OrgUnit.name)
                              .outerjoin(OrgUnit, OrgUnit.id == User.org_unit_id)
                              .where(User.id == user_id)).first()
        if found:
            who, station = found[0] or "", found[1] or ""
    printed = clock.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return [words.say("daysheet.station", station=station or words.say("daysheet.no_station")),
            words.say("daysheet.date", date=day.isoformat()),
            words.say("daysheet.printed_by", who=who or words.say("daysheet.nobody"), at=printed)]


# -- the sheets -------------------------------------------------------------------------------

def _due(f: _Followup, day: dt.date, words: SheetWords) -> str:
    late = (day - f.due_date).days
    if late > 0:
        return f.due_date.isoformat() + "\n" + words.say("daysheet.overdue", days=late)
    return f.due_date.isoformat()


def _contact(at: dt.datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d") if at else ""


def _cancer(f: _Followup, words: SheetWords) -> str:
    return words.term("cancer", f.cancer_type) if f.cancer_type else ""


def _stage(f: _Followup, words: SheetWords) -> str:
    return words.term("stage", f.stage) if f.stage else ""


def _boxes(words: SheetWords) -> str:
    return "  ".join("□" + words.term("ds_outcome", o) for o in OUTCOMES)


def _call_sheet(found: list[_Followup], words: SheetWords, day: dt.date) -> Sheet:
    col = lambda key: words.say(f"daysheet.col_{key}")  # noqa: E731
    sheet = Sheet(words.say("daysheet.title_calls"),
                  [("#", 0.35), (col("name"), 0.9), (col("phone"), 1.15), (col("cancer"), 0.75),
                   (col("stage"), 0.6), (col("purpose"), 1.4), (col("due"), 0.95), (col("last_contact"), 0.9),
                   (col("outcome"), 3.6), (col("call_back"), 1.1)],
                  empty=words.say("daysheet.empty_calls", date=day.isoformat()), min_row=HAND_ROW)
    boxes = _boxes(words)
    rows = [[str(i), f.name, f.phone, _cancer(f, words), _stage(f, words), f.purpose, _due(f, day, words),
             _contact(f.last_contact), boxes, ""] for i, f in enumerate(found, 1)]
    if rows:
        sheet.sections.append(("", rows))
    return sheet


def _visit_sheet(found: list[_Followup], words: SheetWords, day: dt.date) -> Sheet:
    col = lambda key: words.say(f"daysheet.col_{key}")  # noqa: E731
    sheet = Sheet(words.say("daysheet.title_visits"),
                  [("#", 0.35), (col("name"), 0.9), (col("address"), 2.6), (col("phone"), 1.15),
                   (col("cancer"), 0.75), (col("stage"), 0.6), (col("purpose"), 1.5), (col("due"), 1.05),
                   (col("visit_notes"), 2.4)],
                  empty=words.say("daysheet.empty_visits", date=day.isoformat()), min_row=HAND_ROW)
    groups: dict[str, list[_Followup]] = {}
    for f in found:
        groups.setdefault(f.community, []).append(f)
    for place in sorted(groups, key=lambda p: (p == "", p)):
        members = sorted(groups[place], key=lambda f: (f.address, f.name))
        heading = words.say("daysheet.community", community=place or words.say("daysheet.no_community"),
                            count=len(members))
        sheet.sections.append((heading, [
            [str(i), f.name, f.address, f.phone, _cancer(f, words), _stage(f, words), f.purpose,
             _due(f, day, words), ""] for i, f in enumerate(members, 1)]))
    return sheet


def _chase_sheet(found: list[_Followup], words: SheetWords, day: dt.date) -> Sheet:
    col = lambda key: words.say(f"daysheet.col_{key}")  # noqa: E731
    sheet = Sheet(words.say("daysheet.title_chase"),
                  [("#", 0.35), (col("name"), 0.9), (col("phone"), 1.15), (col("cancer"), 0.75),
                   (col("stage"), 0.6), (col("method"), 0.7), (col("due"), 0.95), (col("attempts"), 0.6),
                   (col("last_contact"), 0.9), (col("outcome"), 3.6), (col("call_back"), 1.1)],
                  empty=words.say("daysheet.empty_chase"), min_row=HAND_ROW)
    boxes = _boxes(words)
    rows = [[str(i), f.name, f.phone, _cancer(f, words), _stage(f, words), words.term("ds_method", f.method),
             _due(f, day, words), str(f.attempts), _contact(f.last_contact), boxes, ""]
            for i, f in enumerate(found, 1)]
    if rows:
        sheet.sections.append(("", rows))
    return sheet


def _worklist_sheet(worklist: Worklist, words: SheetWords, filters: Filters, sort: str, descending: bool,
                    columns) -> Sheet:
    columns = tuple(columns or WORKLIST_COLUMNS)
    ids = worklist.ids(filters, sort, descending)
    wide = {"next_action": 2.0, "station": 1.3, "name": 1.0, "last_contact": 1.3, "case_manager": 1.0}
    sheet = Sheet(words.say("daysheet.title_worklist", count=len(ids)),
                  [("#", 0.35)] + [(words.term("column", k), wide.get(k, 0.9)) for k in columns],
                  empty=words.say("daysheet.empty_worklist"))
    rows = []
    for start in range(0, len(ids), 500):
        block = ids[start:start + 500]
        found = worklist.rows(block)
        rows += [[worklist_cell(found[c], k, words) for k in columns] for c in block if c in found]
    if rows:
        sheet.sections.append(("", [[str(i)] + r for i, r in enumerate(rows, 1)]))
    return sheet


# -- the PDF ----------------------------------------------------------------------------------

def _wrap(text: str, width: float, size: float = SIZE) -> list[str]:
    """Greedy lines of at most `width` points; a line break inside Latin text falls at a space."""
    m = metrics()
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line, w = "", 0.0
        for ch in para:
            cw = m.char(ch) * size
            if line and w + cw > width:
                cut = line.rfind(" ")
                # at a space when there is one late in the line (Latin words, the outcome boxes)
                if ch != " " and 0 < cut and len(line) - cut < max(12, len(line) // 2):
                    lines.append(line[:cut])
                    line = line[cut + 1:]
                else:
                    lines.append(line)
                    line = ""
                line = (line + ch).lstrip(" ")
                w = m.width(line, size)
                continue
            line += ch
            w += cw
        lines.append(line)
    return lines or [""]


_WORD = re.compile(r"[^\s\u2e80-\uffff]+")  # a Latin word, a date, a phone: kept on one line if it can be


def _widths(sheet: Sheet, usable: float) -> list[float]:
    """Each column as wide as its longest unbreakable word at least, the rest shared by weight."""
    m = metrics()
    least = []
    for n, (title, _) in enumerate(sheet.columns):
        texts = [title] + [row[n] for _, rows in sheet.sections for row in rows[:400]]
        word = max((m.width(w, SIZE) for t in texts for w in _WORD.findall(t)), default=0.0)
        least.append(min(word + 2 * PAD + 1, usable / 5))
    spare = usable - sum(least)
    total = sum(w for _, w in sheet.columns)
    if spare < 0:
        return [usable * w / total for _, w in sheet.columns]
    return [low + spare * w / total for low, (_, w) in zip(least, sheet.columns)]


def _draw(c: Canvas, x: float, y: float, text: str, size: float) -> None:
    t = c.beginText()
    t.setTextOrigin(x, y)
    for name, piece in metrics().runs(text):  # a rare character from a fallback font
        t.setFont(name, size)
        t.textOut(piece)
    c.drawText(t)


def _layout(sheet: Sheet, widths: list[float], top: float, bottom: float) -> list[list[tuple]]:
    """Rows cut into pages: ("band", text) or ("row", cell lines, height) items."""
    head_h = max(len(_wrap(t, w - 2 * PAD)) for (t, _), w in zip(sheet.columns, widths)) * LEADING + 2 * PAD
    pages: list[list[tuple]] = [[]]
    room = top - bottom - head_h
    band_h = LEADING + 2 * PAD
    for heading, rows in sheet.sections:
        items: list[tuple] = []
        if heading:
            items.append(("band", heading, band_h))
        for row in rows:
            cells = [_wrap(v, w - 2 * PAD) for v, w in zip(row, widths)]
            items.append(("row", cells, max(max(len(x) for x in cells) * LEADING + 2 * PAD, sheet.min_row)))
        for n, item in enumerate(items):
            # a community's heading never ends a page alone
            need = item[2] + (items[n + 1][2] if item[0] == "band" and n + 1 < len(items) else 0)
            if need > room and pages[-1]:
                pages.append([])
                room = top - bottom - head_h
                if item[0] == "row" and heading:
                    pages[-1].append(("band", heading, band_h))
                    room -= band_h
            pages[-1].append(item)
            room -= item[2]
    return pages


def write_pdf(sheet: Sheet, out: Path, header: list[str], words: SheetWords, before_rename=None) -> int:
    letter_font()
    out = Path(out)
    tmp = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.pdf.part")
    try:
        pages = _render(sheet, str(tmp), header, words)
        if before_rename:
            before_rename()
        os.replace(tmp, out)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    return pages


def _render(sheet: Sheet, path: str, header: list[str], words: SheetWords) -> int:
    width, height = PAGE
    c = Canvas(path, pagesize=PAGE, initialFontName=FONT_NAME, initialFontSize=SIZE, pageCompression=1)  # type: ignore[arg-type]  # types-reportlab: a font name, not a float
    c.setTitle(sheet.title)
    c.setAuthor("CaseDesk")
    c.setCreator("CaseDesk day sheets")
    widths = _widths(sheet, width - 2 * MARGIN)
    top, bottom = height - MARGIN - 44, MARGIN + 18
    pages = _layout(sheet, widths, top, bottom) if sheet.count else [[]]
    for number, items in enumerate(pages, 1):
        _draw(c, MARGIN, height - MARGIN - 12, sheet.title, 14)
        _draw(c, MARGIN, height - MARGIN - 30, "    ".join(header), 9)
        footer = words.say("daysheet.page", page=number, pages=len(pages))
        _draw(c, width - MARGIN - metrics().width(footer, 8), MARGIN, footer, 8)
        if not sheet.count:
            _draw(c, MARGIN, top - 24, sheet.empty, 12)
        else:
            _table(c, sheet, widths, items, top)
        c.showPage()
    c.save()
    return len(pages)


def _table(c: Canvas, sheet: Sheet, widths: list[float], items: list[tuple], top: float) -> None:
    from reportlab.lib.colors import HexColor

    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    titles = [_wrap(t, w - 2 * PAD) for (t, _), w in zip(sheet.columns, widths)]
    head_h = max(len(t) for t in titles) * LEADING + 2 * PAD
    c.setLineWidth(0.4)
    c.setStrokeColor(HexColor(LINE))
    c.setFillColor(HexColor(BAND))
    c.rect(xs[0], top - head_h, xs[-1] - xs[0], head_h, stroke=1, fill=1)
    c.setFillColor(HexColor("#000000"))
    _cells(c, xs, titles, top)
    y = top - head_h
    for item in items:
        h = item[2]
        if item[0] == "band":
            c.setFillColor(HexColor(BAND))
            c.rect(xs[0], y - h, xs[-1] - xs[0], h, stroke=1, fill=1)
            c.setFillColor(HexColor("#000000"))
            _draw(c, xs[0] + PAD, y - PAD - SIZE, item[1], SIZE + 0.5)
        else:
            c.rect(xs[0], y - h, xs[-1] - xs[0], h, stroke=1, fill=0)
            for x in xs[1:-1]:
                c.line(x, y, x, y - h)
            _cells(c, xs, item[1], y)
        y -= h
    for x in xs[1:-1]:  # the title row's column rules
        c.line(x, top, x, top - head_h)


def _cells(c: Canvas, xs: list[float], cells: list[list[str]], y: float) -> None:
    for x, lines in zip(xs, cells):
        for n, line in enumerate(lines):
            if line:
                _draw(c, x + PAD, y - PAD - SIZE - n * LEADING + 1, line, SIZE)
