"""The rule set: versioned data files under resources/rules/ (and a profile's rules/ dir).

Each file carries `version` and `[source]` (the guideline it follows, title and year); a
rule may name its own source. Loading checks everything a computation later relies on,
so a bad file fails here with file:line, never halfway through someone's follow-up.
A file in the override directory replaces the bundled file of the same name.
"""
from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from app.pathway.holidays import HolidayYear
from app.pathway.holidays import WorkCalendar
from app.pathway.holidays import load_holiday_file
from app.pathway.intervals import Interval
from app.pathway.intervals import IntervalError
from app.pathway.textfile import RuleFileError
from app.pathway.textfile import RuleText
from app.resources import resource_root
from db.models.enums import CancerType
from db.models.enums import Stage

BUNDLED_DIR = resource_root() / "rules"
STAGES = tuple(s.value for s in Stage)
CANCERS = tuple(c.value for c in CancerType)
RULE_FILES = ("pathway.toml", "followup.toml", "screening.toml", "nodules.toml", "outcomes.toml")


@dataclass(frozen=True)
class Source:
    title: str
    year: int

    def __str__(self) -> str:
        return f"《{self.title}》" + ("" if str(self.year) in self.title else f"（{self.year}）")


@dataclass(frozen=True)
class Rule:
    """One rule as `rules list` shows it and as explanations cite it."""

    id: str
    kind: str  # pathway / action / schedule / screening / nodule / outcome
    version: str
    source: Source
    path: Path
    line: int | None
    text: str
    data: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def cite(self) -> str:
        return f"{self.id} v{self.version} {self.source}"


class Loader:
    """Reads one file and turns its problems into RuleFileErrors that name file:line."""

    def __init__(self, path: Path):
        self.rt = RuleText.read(path)
        self.path = Path(path)
        data = self.rt.data
        if not isinstance(data.get("version"), str) or not data["version"].strip():
            raise self.rt.error("missing_version", "version")
        self.version = data["version"]
        self.source = self.source_of(data.get("source"), ("source",))

    def source_of(self, value, where: tuple) -> Source:
        if not isinstance(value, dict) or not isinstance(value.get("title"), str) \
                or not isinstance(value.get("year"), int):
            raise self.rt.error("missing_source", *where)
        return Source(value["title"], value["year"])

    def rule(self, rule_id: str, kind: str, text: str, where: tuple, data: dict,
             source=None) -> Rule:
        src = self.source if source is None else self.source_of(source, where + ("source",))
        return Rule(rule_id, kind, self.version, src, self.path, self.rt.line_of(*where, "id"), text, data)

    def interval(self, value, *where) -> Interval:
        try:
            return Interval.parse(value)
        except IntervalError as exc:
            raise self.rt.error("file_" + exc.problem.code.split(".", 1)[1], *where,
                                value=value if isinstance(value, str) else None,
                                given=exc.problem.params["value"]) from None

    def stage(self, value, *where) -> str:
        if value not in STAGES:
            raise self.rt.error("unknown_stage", *where, value=value if isinstance(value, str) else None,
                                given=str(value), valid=", ".join(STAGES))
        return value

    def cancers(self, values, *where) -> tuple[str, ...]:
        if not isinstance(values, list) or not values:
            raise self.rt.error("cancers_list", *where)
        for value in values:
            if value != "*" and value not in CANCERS:
                raise self.rt.error("unknown_cancer", *where, value=value, given=str(value))
        return tuple(values)

    def text(self, item: dict, *where) -> str:
        value = item.get("text") or item.get("label")
        if not isinstance(value, str) or not value.strip():
            raise self.rt.error("missing_text", *where)
        return value

    def rule_id(self, item: dict, *where) -> str:
        value = item.get("id")
        if not isinstance(value, str) or not value.strip():
            raise self.rt.error("missing_id", *where)
        return value


class RuleSet:
    """All rules plus the working-day calendar they shift dates with."""

    def __init__(self, rules: list[Rule], calendar: WorkCalendar, dirs: tuple[Path, ...],
                 chase_after_attempts: int):
        self.rules = rules
        self.calendar = calendar
        self.dirs = dirs
        self.chase_after_attempts = chase_after_attempts
        self.by_id = {r.id: r for r in rules}

    def of_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def get(self, rule_id: str) -> Rule:
        if rule_id not in self.by_id:
            from app.problems import refuse  # local, as the import it replaces: rules load at startup

            raise refuse("pathway.no_rule", "rule", rule=rule_id)
        return self.by_id[rule_id]


def rule_files(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """name -> the path that wins (a later directory overrides an earlier one)."""
    found: dict[str, Path] = {}
    for d in dirs:
        for name in RULE_FILES:
            if (d / name).is_file():
                found[name] = d / name
    return found


def holiday_files(dirs: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in dirs:
        folder = d / "holidays"
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.name] = path
    return found


def load_rules(override_dir: Path | None = None, bundled_dir: Path = BUNDLED_DIR) -> RuleSet:
    from app.pathway.schedules import PARSERS  # local: schedules imports Loader from here

    dirs = (bundled_dir,) + ((Path(override_dir),) if override_dir else ())
    files = rule_files(dirs)
    missing = [n for n in RULE_FILES if n not in files]
    if missing:
        raise RuleFileError(bundled_dir / missing[0], None, "file_missing")
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    chase = 3
    for name in RULE_FILES:
        loader = Loader(files[name])
        for rule in PARSERS[name](loader):
            if rule.id in seen:
                raise RuleFileError(rule.path, rule.line, "duplicate_id", id=rule.id,
                                    other=f"{seen[rule.id].path.name}:{seen[rule.id].line}")
            seen[rule.id] = rule
            rules.append(rule)
        if name == "outcomes.toml":
            chase = loader.rt.data.get("chase_after_attempts", 3)
            if not isinstance(chase, int) or not 1 <= chase <= 10:
                raise loader.rt.error("chase_attempts", "chase_after_attempts")
    years: dict[int, HolidayYear] = {}
    for path in holiday_files(dirs).values():
        hy = load_holiday_file(path)
        years[hy.year] = hy
    return RuleSet(rules, WorkCalendar(years), dirs, chase)
