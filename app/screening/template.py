"""A screening list template: the columns an import recognises, and one example row.

The headers are the Chinese column names lists carry (app/screening/fields.py), which the
import maps by itself; the example is synthetic (an ID number with a valid check digit).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.idcard import make_id
from app.screening.fields import FIELDS
from app.sheets import write_table

EXAMPLE = {"name": "王小明", "sex": "男", "birth_date": "1962-05-17", "phone": "13800000000",
           "street": "春晓街道", "community": "锦庄社区", "address": "文化路52弄3幢101室", "programme": "肺癌"}


def template_rows() -> list[list[str]]:
    example = {**EXAMPLE, "id_number": make_id("330206", dt.date(1962, 5, 17), 123, "M")}
    return [[f.label_zh for f in FIELDS], [example.get(f.key, "") for f in FIELDS]]


def save_template(path: Path | str) -> Path:
    """Written as .xlsx or .csv by its suffix (all or nothing, app/sheets.py)."""
    write_table(Path(path), "筛查名单", template_rows())
    return Path(path)
