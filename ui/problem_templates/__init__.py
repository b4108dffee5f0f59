"""English templates for problem codes, one module per area (each owns its codes and its
catalogue resources/i18n/casedesk_problems_<area>_zh_CN.ts). Qt-free.

Each area module defines:
  ENGLISH: dict[code, template]  — "{name}" placeholders name the problem's parameters;
                                   "{field_name}" is the worded field of the problem.
  TERMS: dict["kind.value", English word]  (optional) — vocabulary values worded in params.
  TERM_PARAMS: dict[param name, kind]      (optional) — which params are vocabulary values;
                                           "area:param" applies to codes of that area only.
"""
from __future__ import annotations

import importlib
import pkgutil

ENGLISH: dict[str, str] = {}
TERMS: dict[str, str] = {}
TERM_PARAMS: dict[str, str] = {}
AREAS: dict[str, object] = {}
# Which area's catalogue translates a code's template or a term: one English word may read
# differently in two areas ("rejected": a referral 已拒绝, a sync change 被拒).
AREA_OF_CODE: dict[str, str] = {}
AREA_OF_TERM: dict[str, str] = {}

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    AREAS[_info.name] = _module
    for _code in getattr(_module, "ENGLISH", {}):
        if _code in ENGLISH:
            raise RuntimeError(f"problem code {_code!r} is defined twice (ui/problem_templates/{_info.name}.py)")
    ENGLISH.update(getattr(_module, "ENGLISH", {}))
    TERMS.update(getattr(_module, "TERMS", {}))
    AREA_OF_CODE.update(dict.fromkeys(getattr(_module, "ENGLISH", {}), _info.name))
    AREA_OF_TERM.update(dict.fromkeys(getattr(_module, "TERMS", {}), _info.name))
    TERM_PARAMS.update(getattr(_module, "TERM_PARAMS", {}))
