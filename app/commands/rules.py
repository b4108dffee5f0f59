"""`python main.py rules list|due|assess|vectors`: the pathway and risk rules, their versions
and sources, how a due date is computed (for administrators checking a rule file or a holiday
year), a risk assessment against the screening risk rules (resources/risk/), and a risk rule
file's test vectors run before it is published."""
from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from app.cli import add_profile_arg

if TYPE_CHECKING:
    from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rules", help="pathway and risk rules: list them, compute a due date, assess a risk")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", help="every pathway rule and risk rule file with its version, source and file")
    add_profile_arg(p)
    p.set_defaults(func=_list)
    p = actions.add_parser("vectors", help="run every risk rule file's test vectors (the profile's files win)",
                           description="Before publishing a changed risk rule file, check it still gives what its "
                                       "[[vector]] tables expect.")
    add_profile_arg(p)
    p.add_argument("--file", metavar="FILE.toml", help="check this file instead of the profile's and bundled ones")
    p.set_defaults(func=_vectors)
    p = actions.add_parser("due", help="a due date and how it was computed",
                           description="Give exactly one of --after, --rule, --cancer or --size.")
    add_profile_arg(p)
    p.add_argument("--from", dest="start", metavar="DATE", help="start date YYYY-MM-DD (default today)")
    p.add_argument("--after", metavar="INTERVAL", help="a plain interval: 14d, 2w, 3m, 1y")
    p.add_argument("--rule", metavar="ID", help="a rule id from `rules list`")
    p.add_argument("--cancer", help="the follow-up schedule of this cancer type (with --stage)")
    p.add_argument("--stage", default="rehab", help="stage for --cancer (default rehab)")
    p.add_argument("--anchor", metavar="DATE", help="when the schedule started (entering the stage); default --from")
    p.add_argument("--size", type=float, metavar="MM", help="a lung nodule's size: its re-check date")
    p.add_argument("--nodule", default="solid", help="nodule type for --size (solid, non_solid)")
    p.set_defaults(func=_due)
    p = actions.add_parser("assess", help="risk assessment for one cancer: result, criteria fired, rule version (JSON)")
    add_profile_arg(p)
    p.add_argument("--cancer", required=True, help="lung, colorectal, breast, cervical, stomach, liver, ...")
    p.add_argument("--answers", required=True, metavar="FILE.json", help="the questionnaire answers as a JSON object")
    p.add_argument("--patient", metavar="ID", help="record it for this patient (needs --profile); "
                                                   "a high-risk result enrols them in screening")
    p.set_defaults(func=_assess)


def _pathway(args):
    from app.pathway import load
    from app.pathway import override_dir

    profile = getattr(args, "profile", None)
    return load(override_dir(profile) if profile else None)


def _date(text: str | None, flag: str) -> dt.date:
    from app import clock
    from app.problems import refuse

    if text is None:
        return clock.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise refuse("cli.bad_date", flag, option=flag, value=text) from None


def _list(args) -> int:
    pathway = _pathway(args)
    origin = _Origins(getattr(args, "profile", None))
    rules = pathway.rules
    width = max(len(r.id) for r in rules.rules)
    current = None
    for r in rules.rules:
        if r.path != current:
            current = r.path
            print("\n" + _say("due.rules_file", path=str(r.path), version=r.version) + "  — " + origin.of("rules", r.path))
        print(f"  {r.id:<{width}}  {r.kind:<9}  v{r.version}  {r.path.name}:{r.line}  {r.source}  {r.text}")
    cal = pathway.calendar
    print("\n" + _say("cli.rules_holidays"))
    today = dt.date.today()
    for year in range(today.year - 1, today.year + 3):
        source = cal.source_of(year)
        told = f"  — {origin.of('holidays', cal.years[year].path)}" if year in cal.years else ""
        print(f"  {year}  {source or '⚠ ' + _say('cli.rules_holidays_missing')}{told}")
    origin.print_others()
    print("\n" + _say("cli.rules_footer", attempts=rules.chase_after_attempts,
                      dirs=", ".join(str(d) for d in rules.dirs)))
    return 0


class _Origins:
    """Where each file `rules list` shows comes from: bundled, published on the server (the
    record app/sync/files.py keeps in the profile), or a file put on this desktop by hand."""

    def __init__(self, profile_dir):
        from pathlib import Path

        self.profile_dir = Path(profile_dir) if profile_dir else None
        self.published: dict = {}
        self.refused: list = []
        if self.profile_dir is not None:
            self._read_profile(self.profile_dir)

    def _read_profile(self, profile_dir: Path) -> None:
        from app.errors import CaseDeskError
        from app.profile import Profile
        from app.profile import profile_exists
        from app.sync import files

        if not profile_exists(profile_dir):
            return
        try:
            profile = Profile.open(profile_dir)
        except CaseDeskError:  # locked away (no keyring here): the files are still listed, origins unknown
            return
        try:
            self.published, self.refused = files.published(profile), files.refused(profile)
        finally:
            profile.close()

    def of(self, kind: str, path) -> str:
        from pathlib import Path

        from app.pathway import published as checks

        path = Path(path)
        if self.profile_dir is None or not path.is_relative_to(self.profile_dir):
            return _say("files.origin_bundled")
        entry = self.published.get(f"{kind}/{path.name}")
        if entry and path.is_file() and checks.sha256_bytes(path.read_bytes()) == entry.get("sha256"):
            return _say("files.origin_published", date=str(entry.get("published_at", ""))[:10],
                        user=entry.get("published_by", ""))
        return _say("files.origin_own")

    def print_others(self) -> None:
        """Risk rule files and letter templates: name, version, origin."""
        from app.letters.kinds import KINDS
        from app.letters.templates import load_template
        from app.letters.templates import template_path
        from app.pathway import published as checks
        from app.screening.riskrules import load
        from app.screening.riskrules import risk_files

        risk_dir = checks.override_dir(self.profile_dir, "risk") if self.profile_dir else None
        print("\n" + _say("files.list_risk"))
        for path in risk_files(risk_dir).values():
            rules = load(path)
            print(f"  {path.name:<24}  v{rules.version:<10}  {self.of('risk', path)}  {path}")
            _print_risk(rules)
        letters_dir = checks.override_dir(self.profile_dir, "letters") if self.profile_dir else None
        print("\n" + _say("files.list_letters"))
        for kind in KINDS.values():
            path = template_path(kind, letters_dir)
            print(f"  {path.name:<24}  v{load_template(kind, letters_dir).version:<10}  {self.of('letters', path)}")
        if self.refused:
            print("\n" + _say("files.list_refused"))
            for problem in self.refused:
                print("  ⚠ " + _say(problem.code, **problem.params))


def _print_risk(rules) -> None:
    """A risk rule file's programme, the guideline it encodes (full citation, or title and year
    for a file from before citations), what is still to be checked, and the programme's settings."""
    print("      " + _say("risk.list_programme", programme=rules.programme, cancer=rules.cancer,
                          criteria=len(rules.criteria), vectors=len(rules.vectors)))
    c = rules.citation
    print("      " + (_say("risk.list_citation", citation=str(c)) if c else
                      _say("risk.list_no_citation", source=str(rules.source))))
    if c and c.check:
        print("      " + _say("risk.list_check", check=c.check))
    for s in rules.settings:
        print("      " + _say("risk.list_setting", setting=s.id, value=f"{s.value:g}", text=s.text, choice=s.choice,
                              where=f"{rules.path.name}:{s.line}"))


def _vectors(args) -> int:
    """Exit 1 when a vector does not hold, each named file:line with what it expected."""
    from pathlib import Path

    from app import clock
    from app.pathway import published as checks
    from app.screening.risk import check_vectors
    from app.screening.riskrules import load
    from app.screening.riskrules import risk_files

    profile_dir = getattr(args, "profile", None)
    paths = [Path(args.file)] if args.file else list(
        risk_files(checks.override_dir(profile_dir, "risk") if profile_dir else None).values())
    failed = 0
    for path in paths:
        rules = load(path)
        problems = check_vectors(rules, clock.today())
        failed += len(problems)
        print(_say("risk.vectors_file", file=str(path), version=rules.version, vectors=len(rules.vectors),
                   failed=len(problems)))
        for problem in problems:
            print("  ⚠ " + _say(problem.code, **problem.params))
    return 1 if failed else 0


def _say(code: str, **params) -> str:
    """A line of this command's report, worded like errors are (ui/problem_templates/cli.py)."""
    from app.problems import Problem
    from ui.problem_words import say

    return say(Problem(code, None, params))


def _due(args) -> int:
    from app.pathway.intervals import Interval
    from app.pathway.intervals import IntervalError
    from app.pathway.rules import CANCERS
    from app.pathway.rules import STAGES
    from app.problems import ProblemError
    from app.problems import refuse

    chosen = [name for name in ("after", "rule", "cancer", "size") if getattr(args, name) is not None]
    if len(chosen) != 1:
        raise refuse("cli.due_one_of")
    pathway = _pathway(args)
    start = _date(args.start, "--from")
    anchor = _date(args.anchor, "--anchor") if args.anchor else None
    if args.after is not None:
        try:
            due = pathway.after(start, Interval.parse(args.after))
        except IntervalError as exc:
            raise ProblemError(exc.problem) from None
    elif args.size is not None:
        due = pathway.nodule_due(args.size, args.nodule, start)
    elif args.cancer is not None:
        if args.cancer not in CANCERS or args.stage not in STAGES:
            raise refuse("cli.due_cancer_stage", "--cancer", cancers=", ".join(CANCERS), stages=", ".join(STAGES))
        due = pathway.followup_due(args.cancer, args.stage, start, anchor, _since(anchor))
    else:
        due = _by_rule(pathway, args.rule, start, anchor)
    from ui import due_words

    print(due_words.explain(due))  # in the --lang/locale language, as the errors are
    return 0


def _since(anchor: dt.date | None):
    from app.problems import Problem

    return Problem("due.since_option", None, {}) if anchor else ""


def _by_rule(pathway, rule_id: str, start: dt.date, anchor: dt.date | None):
    from app.problems import refuse

    rule = pathway.rules.get(rule_id)
    d = rule.data
    if rule.kind == "schedule":
        return pathway.schedule_due(rule, start, anchor, _since(anchor))
    if rule.kind == "screening":
        return pathway.screening_due(rule, start)
    if rule.kind == "nodule":
        return pathway.after(start, d["recheck"], rule)
    if rule.kind == "action" and d["due"] != "followup":
        return pathway.after(start, d["due"], rule)
    if rule.kind == "outcome" and d["next"] not in ("schedule", "none"):
        return pathway.outcome_due(rule, start)
    raise refuse("cli.rule_no_interval", "--rule", rule=rule_id, kind=rule.kind)


def _assess(args) -> int:
    import json
    from pathlib import Path

    from app.problems import refuse

    try:
        answers = json.loads(Path(args.answers).read_text(encoding="utf-8"))
    except OSError as exc:
        raise refuse("cli.answers_unreadable", "--answers", path=args.answers,
                     reason=exc.strerror or str(exc)) from None
    except ValueError as exc:
        raise refuse("cli.answers_not_json", "--answers", path=args.answers, detail=str(exc)) from None
    if args.patient:
        from app.commands.common import open_profile
        from app.screening.enrol import assess_patient

        profile = open_profile(args)
        try:
            done = assess_patient(profile, args.patient, args.cancer, answers)
        finally:
            profile.close()
        out = {**done.result.as_json(), "recorded": {"screening_id": done.screening_id, "case_id": done.case_id,
                                                     "followup_id": done.followup_id, "enrolled": done.enrolled}}
    else:
        from app.screening.risk import assess

        profile_dir = getattr(args, "profile", None)
        out = assess(args.cancer, answers, Path(profile_dir) / "risk" if profile_dir else None).as_json()
    from ui import risk_words

    out["explanation"] = risk_words.explain(out["reason"])  # in --lang, as the errors are
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
