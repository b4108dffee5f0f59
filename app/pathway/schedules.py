"""Parsers for each rule file: what a rule means and every check it must pass to load."""
from __future__ import annotations

from app.pathway.rules import CANCERS
from app.pathway.rules import STAGES
from app.pathway.rules import Loader
from app.pathway.rules import Rule

NEXT_KINDS = ("schedule", "none")
ACTIONS = ("referral", "close_case", "flag")
METHODS = ("phone", "clinic", "home")
DEFAULT_INVITE_WITHIN = "14d"


def _graph(ld: Loader, table: str, name: str, data: dict) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise ld.rt.error("not_table", table, name, section=f"[{table}.{name}]")
    graph = {}
    for stage, targets in data.items():
        ld.stage(stage, table, name, stage)
        if not isinstance(targets, list):
            raise ld.rt.error("stage_list", table, name, stage, key=stage)
        graph[stage] = tuple(ld.stage(t, table, name, stage) for t in targets)
    return graph


def _find_cycle(edges: dict[str, tuple[str, ...]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in STAGES:
        if start not in state and (found := visit(start)):
            return found
    return None


def parse_pathway(ld: Loader) -> list[Rule]:
    data = ld.rt.data
    forward = data.get("transitions", {})
    back = data.get("returns", {})
    if "default" not in forward:
        raise ld.rt.error("missing_default_transitions", "transitions")
    for table, tables in (("transitions", forward), ("returns", back)):
        for name in tables:
            if name != "default" and name not in CANCERS:
                raise ld.rt.error("unknown_cancer", table, name, given=f"[{table}.{name}]")
    graphs = {t: {n: _graph(ld, t, n, g) for n, g in tables.items()}
              for t, tables in (("transitions", forward), ("returns", back))}
    for name, graph in graphs["returns"].items():
        for stage, targets in graph.items():
            for target in targets:
                if STAGES.index(target) >= STAGES.index(stage):
                    raise ld.rt.error("return_forward", "returns", name, stage, value=target,
                                      stage=stage, target=target)
    rules = []
    for name in ("default",) + tuple(c for c in CANCERS if c in forward or c in back):
        fwd = {**graphs["transitions"]["default"], **graphs["transitions"].get(name, {})}
        ret = {**graphs["returns"].get("default", {}), **graphs["returns"].get(name, {})}
        cycle = _find_cycle(fwd)
        if cycle:
            a, b = cycle[-2], cycle[-1]
            table = name if b in graphs["transitions"].get(name, {}).get(a, ()) else "default"
            raise ld.rt.error("transition_cycle", "transitions", table, a, value=b, cycle=" → ".join(cycle))
        where = ("transitions", name)
        # no text of its own in the file: the table it is read from, which reads the same in any language
        rules.append(ld.rule(f"pathway-{name}", "pathway", f"[transitions.{name}]", where,
                             {"cancer": name, "forward": fwd, "returns": ret}))
    for stage, item in data.get("action", {}).items():
        ld.stage(stage, "action", stage)
        due = item.get("due")
        if due != "followup":
            due = ld.interval(due, "action", stage, "due")
        rules.append(ld.rule(f"action-{stage}", "action", ld.text(item, "action", stage),
                             ("action", stage), {"stage": stage, "due": due}, item.get("source")))
    missing = [s for s in STAGES if f"action-{s}" not in {r.id for r in rules}]
    if missing:
        raise ld.rt.error("missing_action", "action", section=f"[action.{missing[0]}]")
    return rules


def parse_followup(ld: Loader) -> list[Rule]:
    rules = []
    for i, item in enumerate(ld.rt.data.get("schedule", [])):
        where = ("schedule", i)
        stages = item.get("stages")
        if not isinstance(stages, list) or not stages:
            raise ld.rt.error("stages_list", *where, "stages")
        for s in stages:
            ld.stage(s, *where, "stages")
        steps_in = item.get("steps")
        if not isinstance(steps_in, list) or not steps_in:
            raise ld.rt.error("steps_list", *where, "steps")
        steps, last_until = [], None
        for n, step in enumerate(steps_in):
            every = ld.interval(step.get("every"), *where, "steps")
            until = step.get("until")
            if until is None and n != len(steps_in) - 1:
                raise ld.rt.error("until_missing", *where, "steps")
            if until is not None:
                until = ld.interval(until, *where, "steps")
                if until.unit not in "my" or (last_until and until.months <= last_until.months):
                    raise ld.rt.error("until_order", *where, "steps", value=str(until), until=str(until))
                last_until = until
            steps.append((until, every))
        data = {"stages": tuple(stages), "cancers": ld.cancers(item.get("cancers"), *where, "cancers"),
                "steps": tuple(steps)}
        rules.append(ld.rule(ld.rule_id(item, *where), "schedule", ld.text(item, *where), where, data,
                             item.get("source")))
    return rules


def parse_screening(ld: Loader) -> list[Rule]:
    rules = []
    # How soon a newly listed or registered resident is first invited: the file's window, or a
    # programme's own. A repeat interval ("3y") is for the invitations after the first.
    window = ld.interval(ld.rt.data.get("invite_within", DEFAULT_INVITE_WITHIN), "invite_within")
    for i, item in enumerate(ld.rt.data.get("programme", [])):
        where = ("programme", i)
        if not isinstance(item.get("programme"), str):
            raise ld.rt.error("missing_programme", *where)
        data = {"programme": item["programme"], "cancers": ld.cancers(item.get("cancers"), *where, "cancers"),
                "every": ld.interval(item.get("every"), *where, "every"),
                "invite_within": (ld.interval(item["invite_within"], *where, "invite_within")
                                  if "invite_within" in item else window)}
        rules.append(ld.rule(ld.rule_id(item, *where), "screening", ld.text(item, *where), where, data,
                             item.get("source")))
    return rules


def parse_nodules(ld: Loader) -> list[Rule]:
    rules: list[Rule] = []
    by_type: dict[str, list[Rule]] = {}
    for i, item in enumerate(ld.rt.data.get("category", [])):
        where = ("category", i)
        lo, hi = item.get("min_mm"), item.get("below_mm")
        if not all(isinstance(v, (int, float)) for v in (lo, hi)) or not 0 <= lo < hi:
            raise ld.rt.error("size_range", *where, "min_mm")
        data = {"nodule": item.get("nodule"), "min_mm": lo, "below_mm": hi,
                "recheck": ld.interval(item.get("recheck"), *where, "recheck")}
        rule = ld.rule(ld.rule_id(item, *where), "nodule", ld.text(item, *where), where, data,
                       item.get("source"))
        by_type.setdefault(data["nodule"], []).append(rule)
        rules.append(rule)
    for kind, group in by_type.items():
        edge = 0
        for rule in sorted(group, key=lambda r: r.data["min_mm"]):
            if rule.data["min_mm"] != edge:
                raise ld.rt.error("size_gap", "category", rules.index(rule), "min_mm", nodule=kind, edge=edge)
            edge = rule.data["below_mm"]
    return rules


def parse_outcomes(ld: Loader) -> list[Rule]:
    rules = []
    for code, item in ld.rt.data.get("outcome", {}).items():
        where = ("outcome", code)
        nxt = item.get("next")
        if nxt not in NEXT_KINDS:
            nxt = ld.interval(nxt, *where, "next")
        action = item.get("action")
        if action is not None and action not in ACTIONS:
            raise ld.rt.error("unknown_action", *where, "action", given=str(action), valid=", ".join(ACTIONS))
        method = item.get("method")
        if method is not None and method not in METHODS:
            raise ld.rt.error("unknown_method", *where, "method", given=str(method))
        rules.append(ld.rule(f"outcome-{code}", "outcome", ld.text(item, *where), where,
                             {"code": code, "next": nxt, "action": action, "method": method},
                             item.get("source")))
    return rules


PARSERS = {
    "pathway.toml": parse_pathway, "followup.toml": parse_followup,
    "screening.toml": parse_screening, "nodules.toml": parse_nodules, "outcomes.toml": parse_outcomes,
}
