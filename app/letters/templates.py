"""Letter templates: plain UTF-8 files under resources/letters/ that an administrator edits.

    # a comment
    title = 随访提醒
    version = 2026.1
    salutation = 尊敬的{patient_name}{honorific}：   (optional; this is the default)

    [body]       paragraphs, separated by blank lines; printed with a two-character indent
    [details]    "label = value" rows, printed as a framed table
    [closing]    paragraphs after the table (祝您身体健康！)
    [signature]  lines printed right-aligned at the foot of the letter
    [note]       small print above the page footer

Fields are {names} from the kind's list (resources/letters/README.md); {{ and }} print a
brace. A broken template is refused as a whole, naming the file and the line, before any
letter is printed: a half-filled letter must never reach a patient. A template in the
profile's letters/ directory overrides the bundled one of the same name.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from app.errors import CaseDeskError
from app.letters.fonts import RESOURCES
from app.letters.fonts import describe_chars
from app.letters.fonts import metrics
from app.letters.kinds import LetterKind
from app.problems import Problem

TEMPLATE_DIR = RESOURCES / "letters"
SUFFIX = ".txt"
HEADER_KEYS = ("title", "version", "salutation")
SECTIONS = ("body", "details", "closing", "signature", "note")
DEFAULT_SALUTATION = "尊敬的{patient_name}{honorific}："
DEFAULT_SIGNATURE = ("{letterhead}", "{print_date}")
MAX_VERSION = 32  # Letter.template_version


class TemplateError(CaseDeskError):
    """A template that cannot be used; `path` and `line` say where to fix it."""

    def __init__(self, path: Path, line: int, what: str, **params):
        """`what`: the end of the code letters.template_<what>; `params` its specifics."""
        params = {"path": str(path), "line": line, **params}
        super().__init__(problems=[Problem(f"letters.template_{what}", None, params)])
        self.path, self.line, self.reason = path, line, what


@dataclass(frozen=True)
class Piece:
    """One line or paragraph of template text, with where it came from and its fields."""

    text: str
    line: int
    fields: frozenset[str]
    label: str = ""  # [details] rows: the label column


@dataclass
class Template:
    kind: LetterKind
    path: Path
    title: Piece | None = None
    version: str = ""
    salutation: Piece | None = None
    sections: dict[str, list[Piece]] = field(default_factory=lambda: {s: [] for s in SECTIONS})

    def pieces(self) -> list[Piece]:
        return [self.title, self.salutation, *(p for s in SECTIONS for p in self.sections[s])]  # type: ignore[list-item]  # parse_template sets both


def template_path(kind: LetterKind, override_dir: Path | None = None) -> Path:
    if override_dir is not None and (override_dir / f"{kind.code}{SUFFIX}").is_file():
        return override_dir / f"{kind.code}{SUFFIX}"
    return TEMPLATE_DIR / f"{kind.code}{SUFFIX}"


def load_template(kind: LetterKind, override_dir: Path | None = None) -> Template:
    path = template_path(kind, override_dir)
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad saves a BOM
    except FileNotFoundError:
        raise TemplateError(path, 0, "missing") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise TemplateError(path, line, "not_utf8") from None
    return parse_template(kind, path, text)


def parse_template(kind: LetterKind, path: Path, text: str) -> Template:
    tpl = Template(kind, path)
    section: str | None = None
    para: list[str] = []
    para_line = 0
    first_section_line = None

    def end_paragraph():
        nonlocal para
        if para:
            assert section is not None  # called inside a section only
            tpl.sections[section].append(_piece(kind, path, para_line, _join(para)))
            para = []

    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            end_paragraph() if section else None
            section = line[1:-1].strip().lower()
            if section not in SECTIONS:
                raise TemplateError(path, no, "unknown_section", section=f"[{section}]",
                                    sections=", ".join(f"[{s}]" for s in SECTIONS))
            first_section_line = first_section_line or no
            continue
        if section is None:
            if line:
                _header_line(tpl, path, no, line)
        elif section == "details":
            if line:
                label, sep, value = line.partition("=")
                if not sep or not label.strip():
                    raise TemplateError(path, no, "details_row")
                _piece(kind, path, no, label.strip())  # the label may not hold fields either
                tpl.sections["details"].append(_piece(kind, path, no, value.strip(), label.strip()))
        elif section in ("signature",):
            if line:
                tpl.sections[section].append(_piece(kind, path, no, line))
        elif not line:
            end_paragraph()
        else:
            _piece(kind, path, no, line)  # each line checked on its own, so errors name their line
            if not para:
                para_line = no
            para.append(line)
    if section is not None:
        end_paragraph()
    where = first_section_line or max(1, text.count("\n"))
    for key in ("title", "version"):
        if not getattr(tpl, key):
            raise TemplateError(path, where, "header_missing", key=key)
    if not tpl.sections["body"]:
        raise TemplateError(path, where, "no_body")
    if tpl.salutation is None:
        tpl.salutation = _piece(kind, path, 0, DEFAULT_SALUTATION)
    if not tpl.sections["signature"]:
        tpl.sections["signature"] = [_piece(kind, path, 0, s) for s in DEFAULT_SIGNATURE]
    return tpl


def _header_line(tpl: Template, path: Path, no: int, line: str) -> None:
    key, sep, value = line.partition("=")
    key, value = key.strip().lower(), value.strip()
    if not sep or key not in HEADER_KEYS:
        raise TemplateError(path, no, "header_line", keys=", ".join(HEADER_KEYS))
    if not value:
        raise TemplateError(path, no, "empty_value", key=key)
    if key == "version":
        if len(value) > MAX_VERSION or "{" in value:
            raise TemplateError(path, no, "bad_version", max=MAX_VERSION)
        tpl.version = value
    else:
        setattr(tpl, key, _piece(tpl.kind, path, no, value))


def _join(lines: list[str]) -> str:
    """Lines of one paragraph join without a space, except between two Latin words."""
    out = lines[0]
    for nxt in lines[1:]:
        out += (" " if out[-1:].isascii() and out[-1:].isalnum() and nxt[:1].isascii() else "") + nxt
    return out


def _piece(kind: LetterKind, path: Path, no: int, text: str, label: str = "") -> Piece:
    names = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(path, no, "unbalanced_brace", detail=str(exc)) from None
    literal = ""
    for lit, name, spec, conv in parsed:
        literal += lit
        if name is None:
            continue
        if name not in kind.all_fields:
            known = ", ".join("{" + f + "}" for f in kind.all_fields)
            shown = "{" + name + "}" if name else "{}"
            raise TemplateError(path, no, "unknown_field", name=shown, letter_kind=kind.code, known=known)
        if spec or conv:
            raise TemplateError(path, no, "field_format", name="{" + name + "}")
        names.add(name)
    lacking = metrics().missing(literal)
    if lacking:
        raise TemplateError(path, no, "missing_glyphs", chars=describe_chars(lacking))
    return Piece(text, no, frozenset(names), label)
