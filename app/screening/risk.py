"""Assessing a person's risk for one cancer against its rule file, with the reasons.

The result says the level, every criterion that fired (text, source), whether the
person is assessed in the programme at all, whether they are in the screening ages for
their level ("high risk, outside the screening ages" is a result of its own), which
criteria could not be judged for want of an answer, what was computed (pack-years from
cigarettes a day × years smoked ÷ 20), which household relative answered the family
history, and the rule version: enough for a case manager to explain the result to the
person, and for an auditor to reproduce it.
"""
from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from typing import NamedTuple

from app import clock
from app.problems import Problem
from app.problems import ProblemError
from app.problems import refuse
from app.screening.riskrules import CONTEXT_KEYS
from app.screening.riskrules import Condition
from app.screening.riskrules import Question
from app.screening.riskrules import RiskRules
from app.screening.riskrules import Test
from app.screening.riskrules import load_all

FAMILY_QUESTION = "family_history"  # the first-degree-relative question household relatives answer
_OPS: dict[str, Callable[[Any, Any], bool]] = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq, "!=": operator.ne}
_MISSING = object()
_LIFE_YEARS = ("smoking_years", "quit_years")
_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "", "!=": "≠"}
_ORDER = ("low", "medium", "high")


class Hit(NamedTuple):  # a tuple: 100,000 people x 8 programmes are assessed in seconds
    id: str
    text: str
    level: str
    source: str
    text_en: str = ""


@dataclass(frozen=True)
class Relative:
    """A household member whose confirmed cancer answered the family-history question."""

    patient_id: str
    relation: str  # parent / child / sibling, as seen from the person assessed
    sex: str
    name: str

    @property
    def key(self) -> str:  # worded in ui/problem_templates/risk.py: parent_M -> father
        return f"{self.relation}_{self.sex}"


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs a setattr call per field
class RiskResult:
    cancer: str
    programme: str
    level: str
    eligible: bool
    eligibility: str
    fired: tuple[Hit, ...]
    undetermined: tuple[str, ...]  # criteria ids that needed a missing answer
    answers: dict
    rules: RiskRules
    screen: bool = False  # in the screening ages of its level (a low result is not screened)
    computed: tuple[str, ...] = ()  # questions whose value was computed, not answered
    relatives: tuple[Relative, ...] = ()

    @property
    def high_risk(self) -> bool:
        return self.level == "high"

    @property
    def in_screening_ages(self) -> bool:
        return self.screen

    @property
    def band(self):
        return (self.rules.screening or {}).get("high" if self.high_risk else "average")

    @property
    def reason(self) -> Problem:
        """Why this level, as a code (area risk) worded in ui/risk_words.py: the criteria by id
        with the rule file's own words (Chinese, and English where the file gives them), the
        conditions that held for each as parts ("50–74 岁", "吸烟 ≥30 包年", "戒烟 <15 年"),
        what was computed, and the relatives who answered the family history."""
        r = self.rules
        if not self.eligible:
            code = "risk.not_eligible"
        elif self.high_risk:
            code = "risk.high" if self.screen else "risk.high_outside_ages"
        else:
            code = "risk.no_factor" if self.screen or self.band is None else "risk.average_outside_ages"
        band = self.band
        params = {"programme": self.programme, "cancer": self.cancer, "level": self.level,
                  "eligibility": self.eligibility, "eligibility_en": r.eligibility_text_en,
                  "criteria": [h.id for h in self.fired], "criteria_text": [h.text for h in self.fired],
                  "criteria_text_en": [h.text_en for h in self.fired],
                  "screen_text": band.text if band else "", "screen_text_en": band.text_en if band else ""}
        if self.fired:
            ages = band.test if band is not None and self.screen else r.eligibility
            for lang, en in (("because", False), ("because_en", True)):
                params[lang] = [condition_words(r, ages.conditions, self.answers, en)
                                + condition_words(r, _criterion(r, h.id).test.conditions, self.answers, en)
                                for h in self.fired]
        if self.computed:
            params["computed"] = [shown(r.questions[q], self.answers, False) for q in self.computed]
            params["computed_en"] = [shown(r.questions[q], self.answers, True) for q in self.computed]
        if self.relatives:
            params["relatives"] = [[rel.key, rel.name] for rel in self.relatives]
        return Problem(code, None, params)

    def as_json(self) -> dict:
        r = self.rules
        return {
            "cancer": self.cancer, "programme": self.programme, "level": self.level,
            "high_risk": self.high_risk, "eligible": self.eligible,
            "eligibility": {"text": self.eligibility, "met": self.eligible},
            "screen": {"due": self.screen, "text": self.band.text if self.band else self.eligibility},
            "criteria_fired": [{"id": h.id, "text": h.text, "level": h.level, "source": h.source}
                               for h in self.fired],
            "undetermined": list(self.undetermined),
            "computed": {q: self.answers[q] for q in self.computed},
            "relatives": [{"patient_id": x.patient_id, "relation": x.relation, "name": x.name}
                          for x in self.relatives],
            "reason": self.reason.to_json(),
            "next": {"text": r.next_text, "due": r.next_due, "letter": r.next_letter} if self.high_risk else None,
            "rule": {"file": r.path.name, "version": r.version, "source": str(r.source),
                     "citation": str(r.citation) if r.citation else None},
            "answers": self.answers,
        }


def _criterion(rules: RiskRules, cid: str):
    return next(c for c in rules.criteria if c.id == cid)


def rules_for(cancer: str, override: Path | None = None) -> RiskRules:
    rules = load_all(override)
    if cancer not in rules:
        raise refuse("screening.no_risk_rules", "cancer", cancer=cancer, available=", ".join(sorted(rules)))
    return rules[cancer]


def assess(cancer: str, answers: dict, override: Path | None = None,
           today: dt.date | None = None, relatives: Sequence[Relative] = ()) -> RiskResult:
    return evaluate(rules_for(cancer, override), answers, today or clock.today(), relatives)


def evaluate(rules: RiskRules, answers: dict, today: dt.date, relatives: Sequence[Relative] = ()) -> RiskResult:
    """One person against one loaded rule file (the bench calls this for 100,000 people)."""
    values = clean_answers(rules, answers, today)
    relatives = tuple(relatives) if FAMILY_QUESTION in rules.questions else ()
    if relatives:
        values[FAMILY_QUESTION] = True  # the household's record answers it, whatever was typed
    elig = _test(rules.eligibility, values)
    if elig is None:
        missing = sorted({c.question for c in rules.eligibility.conditions if c.question not in values})
        raise refuse("screening.eligibility_unanswered", missing[0] if missing else None, questions=", ".join(missing))
    fired, undetermined = [], []
    if elig:
        for c in rules.criteria:
            verdict = _test(c.test, values)
            if verdict:
                fired.append(Hit(c.id, c.text, c.level, str(c.source), c.text_en))
            elif verdict is None:
                undetermined.append(c.id)
    level = max((h.level for h in fired), key=_ORDER.index, default=rules.baseline) if elig else "low"
    screen = False
    if elig and level != "low":
        band = (rules.screening or {}).get("high" if level == "high" else "average")
        screen = band is None or bool(_test(band.test, values))
    computed = tuple(q.id for q in rules.computed  # shown when its inputs were answered
                     if answers.get(q.id) is None and q.id in values
                     and any(answers.get(t) is not None for _, t in q.compute if isinstance(t, str)))
    return RiskResult(rules.cancer, rules.programme, level, bool(elig), rules.eligibility_text,
                      tuple(fired), tuple(undetermined), values, rules, screen, computed, relatives)


def clean_answers(rules: RiskRules, answers: dict, today: dt.date) -> dict:
    """Typed answers, defaults filled in, computed ones computed; age from birth_date when not
    given. A question asked only after another answer (quit years of a former smoker) must be
    answered then; when that other answer is missing altogether (an answer set from before the
    question existed) its `otherwise` value stands, as the older form meant."""
    if not isinstance(answers, dict):
        raise refuse("screening.answers_not_object", "answers")
    unknown = [k for k in answers if k not in rules.questions and k not in CONTEXT_KEYS]
    if unknown:
        raise refuse("screening.unknown_questions", unknown[0], questions=", ".join(unknown), file=rules.path.name,
                     asked=", ".join(rules.questions))
    values: dict = {}
    for qid, q in rules.questions.items():
        raw = answers.get(qid)
        if raw is not None and q.asked_if is None:  # the common case, first
            values[qid] = raw if (raw is True or raw is False) and q.type == "bool" else _typed(q, raw)
            continue
        if raw is None and qid == "age" and answers.get("birth_date"):
            raw = _age(answers["birth_date"], today)
        if q.asked_if is not None:
            applies = _cond(q.asked_if, values)
            if applies is False:
                if raw is not None and q.otherwise is not None and _typed(q, raw) != q.otherwise:
                    raise refuse("risk.answer_not_asked", qid, question=qid, text=q.text, value=raw,
                                 after=q.asked_if.question, after_value=str(values.get(q.asked_if.question)))
                if q.otherwise is not None:
                    values[qid] = q.otherwise
                continue
            if applies is True and raw is None and q.default is None and not q.compute:
                raise refuse("risk.answer_required", qid, question=qid, text=q.text, after=q.asked_if.question,
                             after_value=str(values.get(q.asked_if.question)))
            if applies is None and raw is None and q.otherwise is not None:
                values[qid] = q.otherwise
                continue
        if raw is None and q.compute:
            value = _compute(q, values)
            if value is not None:
                values[qid] = value
            continue
        if raw is None:
            if q.default is not None:
                values[qid] = q.default
            continue
        values[qid] = raw if (raw is True or raw is False) and q.type == "bool" else _typed(q, raw)
    for qid in _LIFE_YEARS:  # years of a life: not more than the age
        if values.get(qid, 0) > values.get("age", 200):
            q = rules.questions[qid]
            raise refuse("risk.answer_above_age", qid, question=qid, text=q.text, value=number(values[qid]),
                         age=values["age"])
    return values


@dataclass(frozen=True)
class FormState:
    """What a questionnaire being filled in shows now: which questions asked after another
    answer apply (None: that answer not given yet), and each computed value with its working."""

    applies: dict
    computed: dict  # question id -> (value, shown in the file's Chinese, shown in its English)


def form_state(rules: RiskRules, answers: dict) -> FormState:
    """As the person types: an answer not (yet) valid is left out, never refused here; the
    refusal comes with Assess, naming the question."""
    values: dict = {}
    applies: dict = {}
    computed: dict = {}
    for qid, q in rules.questions.items():
        raw = answers.get(qid)
        if q.asked_if is not None:
            applies[qid] = _cond(q.asked_if, values)
            if applies[qid] is False:
                if q.otherwise is not None:
                    values[qid] = q.otherwise
                continue
        if raw is None and q.compute:
            value = _compute(q, values)
            if value is not None:
                values[qid] = value
                computed[qid] = (value, shown(q, values, False), shown(q, values, True))
            continue
        if raw is not None:
            try:
                values[qid] = _typed(q, raw)
            except ProblemError:
                continue
    return FormState(applies, computed)


def _compute(q: Question, values: dict) -> float | None:
    result = 1.0
    for op, term in q.compute:
        if isinstance(term, str):
            if term not in values:
                return None
            term = values[term]
        result = result * term if op == "*" else result / term
    return round(result, 2)


def number(value) -> str:
    """A number as a reason shows it: 30, 32.5 (not 30.0)."""
    return f"{round(value, 1):g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def shown(q: Question, values: dict, en: bool) -> str:
    """A computed answer with how it was computed, in the rule file's words for it."""
    template = (q.shown_en if en else q.shown) or ("{" + q.id + "}")
    return template.format_map({k: number(v) for k, v in values.items()})


def condition_words(rules: RiskRules, conditions: Sequence[Condition], values: dict, en: bool) -> list[str]:
    """The conditions that held, each as the rule file words it: a lower and upper bound of one
    question become a range ("50–74 岁"); the joiner ("且", "and") is the reader's language's."""
    held = [c for c in conditions if _cond(c, values)]
    out: list[str] = []
    skip: set[int] = set()
    for i, c in enumerate(held):
        if i in skip:
            continue
        q = rules.questions[c.question]
        term = (q.term_en if q.term_en is not None and q.term_en != "" else q.text_en or q.id) if en else \
            (q.term if q.term is not None else q.text)
        unit = q.unit_en if en else q.unit
        if c.op is None:
            out.append(term)
            continue
        if c.op == ">=":
            upper = next((j for j, d in enumerate(held) if j > i and d.question == c.question and d.op == "<="), None)
            if upper is not None:
                skip.add(upper)
                out.append(_join(term, f"{number(c.value)}–{number(held[upper].value)}", unit))
                continue
        if isinstance(c.value, str):
            word = ((q.words_en if en else q.words) or {}).get(c.value, c.value)
            named = (q.term_en if en else q.term) is not None  # "女性", but "细胞学 LSIL 及以上"
            out.append(_join(term if named or c.op != "==" else "", _SYMBOLS[c.op], word))
            continue
        out.append(_join(term, _SYMBOLS[c.op] + number(c.value), unit))
    return out


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _typed(q, raw):
    if q.type == "bool":
        if isinstance(raw, bool) or raw in (0, 1):
            return bool(raw)
        raise _bad(q, raw)
    if q.type == "choice":
        if raw not in q.options:
            raise _bad(q, raw)
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or (q.type == "int" and raw != int(raw)):
        raise _bad(q, raw)
    value = int(raw) if q.type == "int" else float(raw)
    if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
        raise refuse("screening.answer_out_of_range", q.id, question=q.id, text=q.text, value=raw, min=q.min, max=q.max)
    return value


def _bad(q, raw):
    return refuse("screening.bad_answer", q.id, question=q.id, text=q.text, value=repr(raw))


def _age(birth, today: dt.date) -> int:
    try:
        b = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(str(birth))
    except ValueError:
        raise refuse("screening.bad_birth_date", "birth_date", value=str(birth)) from None
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def _cond(c: Condition, values: dict) -> bool | None:
    v = values.get(c.question, _MISSING)
    if v is _MISSING:
        return None
    return bool(v) if c.op is None else _OPS[c.op](v, c.value)


def _test(t: Test, values: dict) -> bool | None:
    """Three-valued: True, False, or None when a missing answer could still decide it. Written
    as loops that stop early: the bench assesses 100,000 people against every programme."""
    if t.mode == "all":
        undecided = False
        for c in t.conditions:
            verdict = _cond(c, values)
            if verdict is False:
                return False
            if verdict is None:
                undecided = True
        return None if undecided else True
    need = 1 if t.mode == "any" else t.at_least
    yes, unknown = 0, 0
    for c in t.conditions:
        verdict = _cond(c, values)
        if verdict:
            yes += 1
            if yes >= need:
                return True
        elif verdict is None:
            unknown += 1
    return None if yes + unknown >= need else False


def check_vectors(rules: RiskRules, today: dt.date) -> list[Problem]:
    """Each [[vector]] of a file run against it: what differs from what the vector expects, as
    problems naming file:line (empty when all hold). For an administrator who changed a setting
    before publishing (`rules vectors`)."""
    out = []
    for v in rules.vectors:
        where = f"{rules.path.name}:{v.line}"
        try:
            result = evaluate(rules, dict(v.answers), today)
        except ProblemError as exc:
            if v.refused != exc.problem.field:
                out.append(Problem("risk.vector_refused", None, {"where": where, "note": v.note,
                                                                 "field": str(exc.problem.field)}))
            continue
        got = {"level": result.level, "screen": result.screen, "fired": [h.id for h in result.fired]}
        want = {"level": v.level, "screen": v.screen, "fired": list(v.fired) if v.fired is not None else None}
        if v.refused is not None:
            out.append(Problem("risk.vector_not_refused", None, {"where": where, "note": v.note, "field": v.refused}))
            continue
        wrong = [k for k, value in want.items() if value is not None and got[k] != value]
        if wrong:
            out.append(Problem("risk.vector_differs", None, {
                "where": where, "note": v.note, "expected": "; ".join(f"{k}={want[k]}" for k in wrong),
                "got": "; ".join(f"{k}={got[k]}" for k in wrong)}))
    return out
