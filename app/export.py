"""Export of the visible worklist to CSV and xlsx. Every export is an audited access."""
from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from app.sheets import export_format
from app.sheets import write_table
from app.store import Store
from app.worklist import Filters
from app.worklist import Row
from app.worklist import Worklist

CHUNK = 1000
HEADERS_ZH = {
    "name": "姓名", "sex_age": "性别/年龄", "id_number": "身份证号", "cancer_type": "癌种",
    "stage": "阶段", "next_action": "下一步", "due_date": "到期日", "risk_level": "风险",
    "station": "站点", "case_manager": "个案管理师", "last_contact": "最近联系",
    "waiting_referral": "待转诊", "waiting_mdt": "待MDT", "sync_state": "同步状态",
}
STAGE_ZH = {"prevent": "防", "screen": "筛", "diagnose": "诊", "treat": "治", "rehab": "康", "support": "帮"}
CANCER_ZH = {"lung": "肺癌", "colorectal": "结直肠癌", "breast": "乳腺癌", "cervical": "宫颈癌",
             "stomach": "胃癌", "liver": "肝癌", "oesophagus": "食管癌", "prostate": "前列腺癌",
             "thyroid": "甲状腺癌", "nasopharynx": "鼻咽癌"}
RISK_ZH = {"low": "低", "medium": "中", "high": "高"}
SYNC_ZH = {"synced": "已同步", "pending": "待同步", "conflict": "冲突", "rejected": "被拒"}


def cell(row: Row, key: str) -> str:
    """A plain-text cell; IDs and phones stay masked in exports as in lists."""
    if key == "sex_age":
        return f"{'男' if row.sex == 'M' else '女'}/{row.age}"
    if key == "id_number":
        return row.masked_id
    if key == "cancer_type":
        return CANCER_ZH.get(row.cancer_type, row.cancer_type)
    if key == "stage":
        return STAGE_ZH.get(row.stage, row.stage)
    if key == "risk_level":
        return RISK_ZH.get(row.risk_level, row.risk_level)
    if key == "due_date":
        return row.due_date.isoformat() if row.due_date else ""
    if key == "last_contact":
        return row.last_contact.astimezone().strftime("%Y-%m-%d %H:%M") if row.last_contact else ""
    if key in ("waiting_referral", "waiting_mdt"):
        return "是" if getattr(row, key) else ""
    if key == "sync_state":
        return SYNC_ZH.get(row.sync_state, row.sync_state)
    return str(getattr(row, key) or "")


def _rows(worklist: Worklist, ids: list[str], columns, progress):
    for start in range(0, len(ids), CHUNK):
        block = ids[start:start + CHUNK]
        rows = worklist.rows(block)
        for case_id in block:
            if case_id in rows:
                yield [cell(rows[case_id], key) for key in columns]
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))


def export_worklist(store: Store, worklist: Worklist, path: Path, *, filters: Filters = Filters(),
                    sort: str = "due_date", descending: bool = False, columns=None,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Write the list as CSV or xlsx by suffix, never with a formula (app/sheets.py: names and
    next actions are typed on any desktop of the network)."""
    from app.worklist import COLUMNS

    columns = tuple(columns or COLUMNS)
    path = Path(path)
    fmt = export_format(path)
    ids = worklist.ids(filters, sort, descending)
    header = [HEADERS_ZH[k] for k in columns]
    write_table(path, "工作清单", itertools.chain([header], _rows(worklist, ids, columns, progress)))
    store.record_access("export", detail={"format": fmt[1:], "rows": len(ids), "file": path.name,
                                          "filters": {k: v for k, v in vars(filters).items() if v}})
    return len(ids)
