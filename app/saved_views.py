"""Saved worklist views (name + filters + sort + columns), kept per user in the profile."""
from __future__ import annotations

import json
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING

from app.problems import refuse
from app.worklist import COLUMNS
from app.worklist import Filters

if TYPE_CHECKING:
    from app.profile import Profile

NAME_MAX = 40


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: Filters = field(default_factory=Filters)
    sort: str = "due_date"
    descending: bool = False
    columns: tuple[str, ...] = COLUMNS

    def to_json(self) -> dict:
        d = asdict(self)
        d["columns"] = list(self.columns)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "SavedView":
        filters = Filters(**{k: v for k, v in d.get("filters", {}).items() if k in Filters.__dataclass_fields__})
        sort = d["sort"] if d.get("sort") in COLUMNS else "due_date"
        columns = tuple(c for c in d.get("columns", COLUMNS) if c in COLUMNS) or COLUMNS
        return cls(name=str(d["name"]), filters=filters, sort=sort,
                   descending=bool(d.get("descending")), columns=columns)


class SavedViews:
    """Stored in local_state under the user's id: another user on the same desktop has their own."""

    def __init__(self, profile: Profile, user_id: str | None):
        self.profile = profile
        self.key = f"views:{user_id or 'local'}"

    def all(self) -> list[SavedView]:
        raw = self.profile.get_local(self.key)
        if not raw:
            return []
        try:
            return [SavedView.from_json(d) for d in json.loads(raw)]
        except (ValueError, KeyError, TypeError):
            return []  # a damaged entry must not block the worklist

    def save(self, view: SavedView) -> None:
        name = view.name.strip()
        if not name:
            raise refuse("views.name_required", "name")
        if len(name) > NAME_MAX:
            raise refuse("views.name_too_long", "name", max=NAME_MAX)
        views = [v for v in self.all() if v.name != name]
        views.append(SavedView(name, view.filters, view.sort, view.descending, view.columns))
        self.profile.set_local(self.key, json.dumps([v.to_json() for v in views], ensure_ascii=False))

    def delete(self, name: str) -> None:
        views = [v for v in self.all() if v.name != name]
        self.profile.set_local(self.key, json.dumps([v.to_json() for v in views], ensure_ascii=False))
