"""Risk rule files (resources/risk/*.toml): versioned, sourced, checked on load.

Loaded with the pathway's Loader, so a bad file fails with file:line before anyone is
assessed with it: an unknown question in a condition, a malformed interval, a criterion
without text. A file in `<profile>/risk/` replaces the bundled file of the same name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.pathway.rules import CANCERS
from app.pathway.rules import Loader
from app.pathway.rules import Source
from app.pathway.textfile import RuleFileError
from app.resources import resource_root

BUNDLED_DIR = resource_root() / "risk"
TYPES = ("int", "number", "bool", "choice")
LEVELS = ("low", "medium", "high")
_COND = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(?:(>=|<=|==|!=|>|<)\s*(.+?))?\s*$")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    min: float | None = None
    max: float | None = None
    options: tuple = ()
    default: object = None


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

    @property
    def cite(self) -> str:
        return f"{self.path.name} v{self.version} {self.source}"


def risk_files(override: Path | None = None) -> dict[str, Path]:
    """cancer -> the file that wins (the profile's own replaces the bundled one)."""
    found = {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.toml"))}
    if override and Path(override).is_dir():
        found.update({p.stem: p for p in sorted(Path(override).glob("*.toml"))})
    return found


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
    questions: dict[str, Question] = {}
    for i, q in enumerate(data.get("question", [])):
        qid = ld.rule_id(q, "question", i)
        if q.get("type") not in TYPES:
            raise rt.error("risk_question_type", "question", i, "type", question=str(qid), valid=", ".join(TYPES))
        if qid in questions:
            raise rt.error("risk_question_twice", "question", i, "id", question=str(qid))
        questions[qid] = Question(qid, ld.text(q, "question", i), q["type"], q.get("min"), q.get("max"),
                                  tuple(q.get("options", ())), q.get("default"))
    if "age" not in questions:
        raise rt.error("risk_no_age", "question")
    elig = data.get("eligibility")
    if not isinstance(elig, dict):
        raise rt.error("risk_no_eligibility", "eligibility")
    eligibility = _test(ld, elig, questions, ("eligibility",))
    elig_source = ld.source_of(elig["source"], ("eligibility",)) if "source" in elig else ld.source
    criteria = []
    for i, c in enumerate(data.get("criterion", [])):
        where = ("criterion", i)
        level = c.get("level", "high")
        if level not in LEVELS:
            raise rt.error("risk_level", *where, "level", valid=", ".join(LEVELS))
        src = ld.source_of(c["source"], where + ("source",)) if "source" in c else ld.source
        criteria.append(Criterion(ld.rule_id(c, *where), ld.text(c, *where), level,
                                  _test(ld, c, questions, where), src, rt.line_of(*where, "id")))
    if not criteria:
        raise rt.error("risk_no_criteria", "criterion")
    nxt = data.get("next", {})
    if not isinstance(nxt, dict) or not isinstance(nxt.get("text"), str):
        raise rt.error("risk_no_next", "next")
    ld.interval(nxt.get("due", "14d"), "next", "due")
    return RiskRules(cancer, data["programme"], ld.version, ld.source, Path(path), baseline, questions,
                     ld.text(elig, "eligibility"), eligibility, elig_source, tuple(criteria), nxt["text"],
                     nxt.get("due", "14d"), nxt.get("letter"))


def _test(ld: Loader, item: dict, questions: dict, where: tuple) -> Test:
    modes = [m for m in ("all", "any", "of") if m in item]
    if len(modes) != 1:
        raise ld.rt.error("risk_test_mode", *where)
    mode = modes[0]
    values = item[mode]
    if not isinstance(values, list) or not values:
        raise ld.rt.error("risk_test_list", *where, mode, key=mode)
    conditions = tuple(_condition(ld, v, questions, where + (mode,)) for v in values)
    if mode == "of":
        n = item.get("at_least")
        if not isinstance(n, int) or not 1 <= n <= len(conditions):
            raise ld.rt.error("risk_at_least", *where, "at_least", max=len(conditions))
        return Test("at_least", conditions, n)
    return Test(mode, conditions)


def _condition(ld: Loader, text, questions: dict, where: tuple) -> Condition:
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
