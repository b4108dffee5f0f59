"""Assessing a person's risk for one cancer against its rule file, with the reasons.

The result says the level, every criterion that fired (text, source), whether the
person is in the programme's target population, which criteria could not be judged
for want of an answer, and the rule version: enough for a case manager to explain the
result to the person, and for an auditor to reproduce it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app import clock
from app.problems import Problem
from app.problems import refuse
from app.screening.riskrules import Condition
from app.screening.riskrules import RiskRules
from app.screening.riskrules import Test
from app.screening.riskrules import load_all

CONTEXT_KEYS = ("birth_date", "sex")  # facts of the patient record, used when a question asks them
_OPS = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
        "<": lambda a, b: a < b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}


@dataclass(frozen=True)
class Hit:
    id: str
    text: str
    level: str
    source: str


@dataclass(frozen=True)
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

    @property
    def high_risk(self) -> bool:
        return self.level == "high"

    @property
    def reason(self) -> Problem:
        """Why this level, as a code (area risk) worded in ui/risk_words.py: the criteria by id,
        with the rule file's own words beside them (a reader of the file's language sees those)."""
        params = {"programme": self.programme, "eligibility": self.eligibility,
                  "criteria": [h.id for h in self.fired], "criteria_text": [h.text for h in self.fired]}
        code = "risk.not_eligible" if not self.eligible else "risk.no_factor" if not self.fired else "risk.high"
        return Problem(code, None, params)

    def as_json(self) -> dict:
        r = self.rules
        return {
            "cancer": self.cancer, "programme": self.programme, "level": self.level,
            "high_risk": self.high_risk, "eligible": self.eligible,
            "eligibility": {"text": self.eligibility, "met": self.eligible},
            "criteria_fired": [{"id": h.id, "text": h.text, "level": h.level, "source": h.source}
                               for h in self.fired],
            "undetermined": list(self.undetermined),
            "reason": self.reason.to_json(),
            "next": {"text": r.next_text, "due": r.next_due, "letter": r.next_letter} if self.high_risk else None,
            "rule": {"file": r.path.name, "version": r.version, "source": str(r.source)},
            "answers": self.answers,
        }


def rules_for(cancer: str, override: Path | None = None) -> RiskRules:
    rules = load_all(override)
    if cancer not in rules:
        raise refuse("screening.no_risk_rules", "cancer", cancer=cancer, available=", ".join(sorted(rules)))
    return rules[cancer]


def assess(cancer: str, answers: dict, override: Path | None = None,
           today: dt.date | None = None) -> RiskResult:
    rules = rules_for(cancer, override)
    values = clean_answers(rules, answers, today or clock.today())
    elig = _test(rules.eligibility, values)
    if elig is None:
        missing = sorted({c.question for c in rules.eligibility.conditions if c.question not in values})
        raise refuse("screening.eligibility_unanswered", missing[0] if missing else None, questions=", ".join(missing))
    fired, undetermined = [], []
    if elig:
        for c in rules.criteria:
            verdict = _test(c.test, values)
            if verdict:
                fired.append(Hit(c.id, c.text, c.level, str(c.source)))
            elif verdict is None:
                undetermined.append(c.id)
    order = ("low", "medium", "high")
    level = max((h.level for h in fired), key=order.index, default=rules.baseline) if elig else "low"
    return RiskResult(rules.cancer, rules.programme, level, bool(elig), rules.eligibility_text,
                      tuple(fired), tuple(undetermined), values, rules)


def clean_answers(rules: RiskRules, answers: dict, today: dt.date) -> dict:
    """Typed answers, defaults filled in; age from birth_date when not given."""
    if not isinstance(answers, dict):
        raise refuse("screening.answers_not_object", "answers")
    unknown = [k for k in answers if k not in rules.questions and k not in CONTEXT_KEYS]
    if unknown:
        raise refuse("screening.unknown_questions", unknown[0], questions=", ".join(unknown), file=rules.path.name,
                     asked=", ".join(rules.questions))
    values = {}
    for qid, q in rules.questions.items():
        raw = answers.get(qid)
        if raw is None and qid == "age" and answers.get("birth_date"):
            raw = _age(answers["birth_date"], today)
        if raw is None:
            if q.default is not None:
                values[qid] = q.default
            continue
        values[qid] = _typed(q, raw)
    return values


def _typed(q, raw):
    bad = refuse("screening.bad_answer", q.id, question=q.id, text=q.text, value=repr(raw))
    if q.type == "bool":
        if isinstance(raw, bool) or raw in (0, 1):
            return bool(raw)
        raise bad
    if q.type == "choice":
        if raw not in q.options:
            raise bad
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or (q.type == "int" and raw != int(raw)):
        raise bad
    value = int(raw) if q.type == "int" else float(raw)
    if (q.min is not None and value < q.min) or (q.max is not None and value > q.max):
        raise refuse("screening.answer_out_of_range", q.id, question=q.id, text=q.text, value=raw, min=q.min, max=q.max)
    return value


def _age(birth, today: dt.date) -> int:
    try:
        b = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(str(birth))
    except ValueError:
        raise refuse("screening.bad_birth_date", "birth_date", value=str(birth)) from None
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def _cond(c: Condition, values: dict) -> bool | None:
    if c.question not in values:
        return None
    v = values[c.question]
    return bool(v) if c.op is None else _OPS[c.op](v, c.value)


def _test(t: Test, values: dict) -> bool | None:
    results = [_cond(c, values) for c in t.conditions]
    yes, unknown = results.count(True), results.count(None)
    if t.mode == "all":
        return False if False in results else None if unknown else True
    need = 1 if t.mode == "any" else t.at_least
    return True if yes >= need else None if yes + unknown >= need else False
