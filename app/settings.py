"""Every setting declared once, typed, with its default (secrets never live here).

Stored as JSON in the profile directory; unknown keys are kept so a newer build's
settings survive a round trip through an older one.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    choices: tuple = ()


SETTINGS = {
    s.key: s
    for s in (
        Setting("ui.language", "zh_CN", str, ("zh_CN", "en")),
        # 小 / 标准 / 大 / 特大 for older staff (ui/fonts.py scales the whole interface)
        Setting("ui.font_size", "standard", str, ("small", "standard", "large", "xlarge")),
        Setting("user.id", "", str),
        Setting("sync.server_url", "", str),
        Setting("sync.username", "", str),
        # On a shared desktop (app/users.py) the one server account this profile belongs to.
        Setting("station.login", "", str),
        Setting("sync.interval_s", 60, int),
        Setting("security.idle_lock_minutes", 10, int),
        Setting("letters.letterhead", "县肿瘤防治中心", str),
        Setting("letters.paper", "A4", str, ("A4", "A5")),
    )
}


class Settings:
    def __init__(self, path: Path):
        self.path = path
        self._values: dict[str, Any] = {}
        if path.exists():
            try:
                self._values = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._values = {}  # a damaged settings file falls back to defaults

    def get(self, key: str) -> Any:
        spec = SETTINGS[key]
        value = self._values.get(key, spec.default)
        if not isinstance(value, spec.kind) or (spec.choices and value not in spec.choices):
            return spec.default
        return value

    def set(self, key: str, value: Any) -> None:
        spec = SETTINGS[key]
        if not isinstance(value, spec.kind):
            raise TypeError(f"setting {key} takes {spec.kind.__name__}, not {value!r}")
        if spec.choices and value not in spec.choices:
            raise ValueError(f"setting {key} takes one of {spec.choices}, not {value!r}")
        self._values[key] = value

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: a crash never leaves half a settings file
