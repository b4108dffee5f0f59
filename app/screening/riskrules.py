"""Risk rule files (resources/risk/*.toml): versioned, cited, checked on load.

Loaded with the pathway's Loader, so a bad file fails with file:line before anyone is
assessed with it: an unknown question in a condition, a malformed interval, a criterion
without text, a citation missing a field, a programme setting out of its range, a test
vector that asks an unknown question. A file in `<profile>/risk/` (published through the
server or put there by hand) replaces the bundled file of the same name.

Beyond the criteria a file carries (see resources/risk/README.md):
- the full citation of the guideline ([source]: authors, journal, year, volume, pages,
  DOI; a value not yet verified says so instead of being made up);
- settings the guideline leaves to the programme ([[setting]]: an age band's end …), used
  in conditions by name, so the county's administrator changes one number in a published
  file and the criteria follow;
- the screening ages per risk level ([screening.high], [screening.average]), so "high risk,
  outside the screening ages" can be said;
- questions that are computed (pack-years) or asked only after another answer (quit years
  of a former smoker);
- test vectors ([[vector]]) taken from the guideline text at every boundary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.pathway.rules import CANCERS
from app.pathway.rules import Loader
from app.pathway.rules import Source
from app.pathway.textfile import RuleFileError
from app.problems import Problem
from app.resources import resource_root

BUNDLED_DIR = resource_root() / "risk"
TYPES = ("int", "number", "bool", "choice")
LEVELS = ("low", "medium", "high")
CITATION = ("authors", "journal", "volume", "pages", "doi")  # beside title and year, which the Loader checks
CONTEXT_KEYS = ("birth_date", "sex")  # facts of the patient record, used when a question asks them
_COND = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(?:(>=|<=|==|!=|>|<)\s*(.+?))?\s*$")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_FACTOR = re.compile(r"\s*([*/])\s*")


class RiskFileError(RuleFileError):
    """A risk file's own problem: code risk.file_<what> (worded in ui/problem_templates/risk.py),
    still a RuleFileError with its file and line for everything that catches those."""

    def __init__(self, path: Path, line: int | None, what: str, **params):
        super().__init__(path, line, what, **params)
        self.problems = [Problem(f"risk.file_{what}", None, dict(self.problems[0].params))]


@dataclass(frozen=True)
class Citation:
    title: str
    year: int
    authors: str
    journal: str
    volume: str
    pages: str
    doi: str
    check: str = ""  # which fields are still to be checked against the printed article

    def __str__(self) -> str:
        return f"{self.authors}. {self.title}. {self.journal}, {self.year}, {self.volume}: {self.pages}. DOI: {self.doi}"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    min: float | None = None
    max: float | None = None
    options: tuple = ()
    default: object = None
    text_en: str = ""
    term: str | None = None  # a condition on it in a reason: "吸烟 ≥30 包年" ("" for none; None: its text)
    term_en: str | None = None
    unit: str = ""
    unit_en: str = ""
    words: dict | None = None  # a choice's options in a reason
    words_en: dict | None = None
    asked_if: Condition | None = None
    otherwise: object = None  # its value when asked_if does not hold
    compute: tuple = ()  # ((op, question id or number), ...): the first op is "*"
    shown: str = ""  # how a computed value is shown, {question} placeholders
    shown_en: str = ""


@dataclass(frozen=True)
class Condition:
    question: str
    op: str | None  # None: a yes/no question on its own
    value: object = None
    text: str = ""


@dataclass(frozen=True)
class Test:
    """all / any / at_least-of over conditions."""

    mode: str  # all / any / at_least
    conditions: tuple[Condition, ...]
    at_least: int = 1


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    level: str
    test: Test
    source: Source
    line: int | None
    text_en: str = ""


@dataclass(frozen=True)
class Setting:
    """A choice the guideline leaves to the programme; the county administrator sets `value`."""

    id: str
    value: float
    text: str
    choice: str  # what the guideline says about it
    line: int | None
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Band:
    """Who of a risk level is screened ([screening.high] / [screening.average])."""

    text: str
    text_en: str
    test: Test


@dataclass(frozen=True)
class Vector:
    answers: dict
    line: int | None
    level: str | None = None
    screen: bool | None = None
    fired: tuple | None = None
    refused: str | None = None  # the question an answer set is refused for
    note: str = ""


@dataclass(frozen=True)
class RiskRules:
    cancer: str
    programme: str
    version: str
    source: Source
    path: Path
    baseline: str
    questions: dict[str, Question]
    eligibility_text: str
    eligibility: Test
    eligibility_source: Source
    criteria: tuple[Criterion, ...]
    next_text: str
    next_due: str
    next_letter: str | None
    citation: Citation | None = None
    eligibility_text_en: str = ""
    screening: dict | None = None  # "high" / "average" -> Band
    settings: tuple[Setting, ...] = ()
    vectors: tuple[Vector, ...] = ()
    criterion_text: str = ""  # the guideline's words this file encodes, as quoted in the file

    @property
    def cite(self) -> str:
        return f"{self.path.name} v{self.version} {self.source}"

    @property
    def computed(self) -> tuple[Question, ...]:
        return self._computed  # type: ignore[attr-defined]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_computed", tuple(q for q in self.questions.values() if q.compute))


def risk_files(override: Path | None = None) -> dict[str, Path]:
    """cancer -> the file that wins (the profile's own replaces the bundled one)."""
    found = {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.toml"))}
    if override and Path(override).is_dir():
        found.update({p.stem: p for p in sorted(Path(override).glob("*.toml"))})
    return found


def _err(ld: Loader, what: str, *where, value=None, **params) -> RiskFileError:
    return RiskFileError(ld.path, ld.rt.line_of(*where, value=value), what, **params)


def load(path: Path) -> RiskRules:
    ld = Loader(path)
    data, rt = ld.rt.data, ld.rt
    cancer = data.get("cancer")
    if cancer not in CANCERS:
        raise rt.error("unknown_cancer", "cancer", given=str(cancer))
    if not isinstance(data.get("programme"), str):
        raise rt.error("missing_programme", "programme")
    baseline = data.get("baseline", "low")
    if baseline not in LEVELS:
        raise rt.error("risk_baseline", "baseline", valid=", ".join(LEVELS))
    citation = _citation(ld, data["source"])
    settings = _settings(ld, data.get("setting", []))
    values = {s.id: s.value for s in settings}
    questions: dict[str, Question] = {}
    for i, q in enumerate(data.get("question", [])):
        qid = ld.rule_id(q, "question", i)
        if q.get("type") not in TYPES:
            raise rt.error("risk_question_type", "question", i, "type", question=str(qid), valid=", ".join(TYPES))
        if qid in questions:
            raise rt.error("risk_question_twice", "question", i, "id", question=str(qid))
        questions[qid] = _question(ld, q, qid, i, questions, values)
    if "age" not in questions:
        raise rt.error("risk_no_age", "question")
    elig = data.get("eligibility")
    if not isinstance(elig, dict):
        raise rt.error("risk_no_eligibility", "eligibility")
    eligibility = _test(ld, elig, questions, ("eligibility",), values)
    elig_source = ld.source_of(elig["source"], ("eligibility",)) if "source" in elig else ld.source
    criteria = []
    for i, c in enumerate(data.get("criterion", [])):
        where = ("criterion", i)
        level = c.get("level", "high")
        if level not in LEVELS:
            raise rt.error("risk_level", *where, "level", valid=", ".join(LEVELS))
        src = ld.source_of(c["source"], where + ("source",)) if "source" in c else ld.source
        criteria.append(Criterion(ld.rule_id(c, *where), ld.text(c, *where), level,
                                  _test(ld, c, questions, where, values), src, rt.line_of(*where, "id"),
                                  _text_en(ld, c, *where)))
    if not criteria:
        raise rt.error("risk_no_criteria", "criterion")
    nxt = data.get("next", {})
    if not isinstance(nxt, dict) or not isinstance(nxt.get("text"), str):
        raise rt.error("risk_no_next", "next")
    ld.interval(nxt.get("due", "14d"), "next", "due")
    screening = _screening(ld, data.get("screening"), questions, values)
    vectors = _vectors(ld, data.get("vector", []), questions, {c.id for c in criteria})
    guideline = data.get("criterion_text", "")
    if not isinstance(guideline, str):
        raise _err(ld, "not_text", "criterion_text", key="criterion_text")
    return RiskRules(cancer, data["programme"], ld.version, ld.source, Path(path), baseline, questions,
                     ld.text(elig, "eligibility"), eligibility, elig_source, tuple(criteria), nxt["text"],
                     nxt.get("due", "14d"), nxt.get("letter"), citation, _text_en(ld, elig, "eligibility"),
                     screening, settings, vectors, guideline)


def _citation(ld: Loader, source: dict) -> Citation | None:
    """Every field of a full citation; a file without any of them (a profile's file from an
    older release) still loads, one with some but not all is refused at the missing one."""
    present = [k for k in CITATION if k in source]
    if not present:
        return None
    for key in CITATION:
        value = source.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "volume":
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise _err(ld, "citation_field", "source", key, key=key)
    check = source.get("check", "")
    if not isinstance(check, str):
        raise _err(ld, "not_text", "source", "check", key="check")
    authors, journal, volume, pages, doi = (str(source[k]) for k in CITATION)
    return Citation(source["title"], source["year"], authors, journal, volume, pages, doi, check)


def _text_en(ld: Loader, item: dict, *where) -> str:
    value = item.get("text_en", "")
    if not isinstance(value, str):
        raise _err(ld, "not_text", *where, "text_en", key="text_en")
    return value


def _settings(ld: Loader, items) -> tuple[Setting, ...]:
    out: list[Setting] = []
    for i, s in enumerate(items):
        where = ("setting", i)
        sid = ld.rule_id(s, *where)
        if not _NAME.match(sid) or any(o.id == sid for o in out):
            raise _err(ld, "setting_id", *where, "id", setting=sid)
        value, low, high = s.get("value"), s.get("min"), s.get("max")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _err(ld, "setting_value", *where, "value", setting=sid, given=str(value))
        if (low is not None and value < low) or (high is not None and value > high):
            raise _err(ld, "setting_range", *where, "value", setting=sid, given=value, min=low, max=high)
        choice = s.get("choice")
        if not isinstance(choice, str) or not choice.strip():
            raise _err(ld, "setting_choice", *where, setting=sid)
        out.append(Setting(sid, value, ld.text(s, *where), choice, ld.rt.line_of(*where, "id"), low, high))
    return tuple(out)


def _question(ld: Loader, q: dict, qid: str, i: int, earlier: dict, settings: dict) -> Question:
    where = ("question", i)
    asked_if = None
    if "asked_if" in q:
        asked_if = _condition(ld, q["asked_if"], earlier, where + ("asked_if",), settings)
    compute: list = []
    if "compute" in q:
        compute = _compute(ld, q["compute"], earlier, where + ("compute",))
    for key in ("words", "words_en"):
        if key in q and (not isinstance(q[key], dict) or set(q[key]) - set(q.get("options", ()))):
            raise _err(ld, "question_words", *where, key, question=qid, key=key)
    text_fields = ("text_en", "term", "term_en", "unit", "unit_en", "shown", "shown_en")
    for key in text_fields:
        if key in q and not isinstance(q[key], str):
            raise _err(ld, "not_text", *where, key, key=key)
    return Question(qid, ld.text(q, *where), q["type"], q.get("min"), q.get("max"), tuple(q.get("options", ())),
                    q.get("default"), text_en=q.get("text_en", ""), term=q.get("term"), term_en=q.get("term_en"),
                    unit=q.get("unit", ""), unit_en=q.get("unit_en", ""), words=q.get("words"),
                    words_en=q.get("words_en"), asked_if=asked_if, otherwise=q.get("otherwise"),
                    compute=tuple(compute), shown=q.get("shown", ""), shown_en=q.get("shown_en", ""))


def _compute(ld: Loader, text, earlier: dict, where: tuple) -> list:
    """"a * b / 20": a product and quotient of earlier numeric questions and numbers."""
    parts = _FACTOR.split(text.strip()) if isinstance(text, str) else []
    terms, ops = parts[0::2], ["*"] + parts[1::2]
    out = []
    for op, term in zip(ops, terms):
        if term in earlier and earlier[term].type in ("int", "number"):
            out.append((op, term))
            continue
        try:
            out.append((op, float(term)))
        except ValueError:
            raise _err(ld, "compute", *where, value=text if isinstance(text, str) else None,
                       given=str(text), term=str(term)) from None
    if not out or not any(isinstance(t, str) for _, t in out):
        raise _err(ld, "compute", *where, given=str(text), term=str(text))
    return out


def _screening(ld: Loader, data, questions: dict, settings: dict) -> dict | None:
    if data is None:
        return None
    if not isinstance(data, dict) or set(data) - {"high", "average"}:
        raise _err(ld, "screening_levels", "screening")
    return {level: Band(ld.text(band, "screening", level), _text_en(ld, band, "screening", level),
                        _test(ld, band, questions, ("screening", level), settings))
            for level, band in data.items()}


def _vectors(ld: Loader, items, questions: dict, criteria: set) -> tuple[Vector, ...]:
    out = []
    for i, v in enumerate(items):
        where = ("vector", i)
        answers = v.get("answers")
        if not isinstance(answers, dict):
            raise _err(ld, "vector_answers", *where)
        unknown = [k for k in answers if k not in questions and k not in CONTEXT_KEYS]
        if unknown:
            raise _err(ld, "vector_question", *where, "answers", question=unknown[0])
        level, fired, refused = v.get("level"), v.get("fired"), v.get("refused")
        if (level is None) == (refused is None):
            raise _err(ld, "vector_expect", *where)
        if level is not None and level not in LEVELS:
            raise ld.rt.error("risk_level", *where, "level", valid=", ".join(LEVELS))
        if refused is not None and refused not in questions:
            raise _err(ld, "vector_question", *where, "refused", question=str(refused))
        if fired is not None and (not isinstance(fired, list) or set(fired) - criteria):
            raise _err(ld, "vector_fired", *where, "fired", given=str(fired))
        out.append(Vector(answers, ld.rt.line_of(*where, "answers"), level, v.get("screen"),
                          tuple(fired) if fired is not None else None, refused, str(v.get("note", ""))))
    return tuple(out)


def _test(ld: Loader, item: dict, questions: dict, where: tuple, settings: dict) -> Test:
    modes = [m for m in ("all", "any", "of") if m in item]
    if len(modes) != 1:
        raise ld.rt.error("risk_test_mode", *where)
    mode = modes[0]
    values = item[mode]
    if not isinstance(values, list) or not values:
        raise ld.rt.error("risk_test_list", *where, mode, key=mode)
    conditions = tuple(_condition(ld, v, questions, where + (mode,), settings) for v in values)
    if mode == "of":
        n = item.get("at_least")
        if not isinstance(n, int) or not 1 <= n <= len(conditions):
            raise ld.rt.error("risk_at_least", *where, "at_least", max=len(conditions))
        return Test("at_least", conditions, n)
    return Test(mode, conditions)


def _condition(ld: Loader, text, questions: dict, where: tuple, settings: dict) -> Condition:
    m = _COND.match(text) if isinstance(text, str) else None
    if not m:
        raise ld.rt.error("risk_condition", *where, value=text if isinstance(text, str) else None, given=str(text))
    qid, op, raw = m.groups()
    q = questions.get(qid)
    if q is None:
        raise ld.rt.error("risk_condition_question", *where, value=text, question=qid)
    if op is None:
        if q.type != "bool":
            raise ld.rt.error("risk_condition_compare", *where, value=text, question=qid)
        return Condition(qid, None, None, text)
    if raw[:1] in "\"'" and raw[-1:] == raw[:1]:
        value: object = raw[1:-1]
    elif raw in ("true", "false"):
        value = raw == "true"
    elif raw in settings:  # a programme setting: the administrator's number
        value = settings[raw]
    else:
        try:
            value = float(raw)
        except ValueError:
            raise ld.rt.error("risk_condition_value", *where, value=text, given=raw) from None
    if isinstance(value, str) and q.type == "choice" and value not in q.options:
        raise ld.rt.error("risk_condition_option", *where, value=text, question=qid, given=str(value))
    return Condition(qid, op, value, text)


_cache: dict[tuple, dict[str, RiskRules]] = {}


def load_all(override: Path | None = None) -> dict[str, RiskRules]:
    """Every cancer's rules, reloaded only when a file changed on disk."""
    files = risk_files(override)
    key = tuple((str(p), p.stat().st_mtime_ns) for p in files.values())
    if key not in _cache:
        _cache.clear()
        loaded = {}
        for stem, path in files.items():
            rules = load(path)
            if rules.cancer != stem:
                raise RuleFileError(path, None, "risk_file_name", expected=f"{rules.cancer}.toml")
            loaded[stem] = rules
        _cache[key] = loaded
    return _cache[key]
