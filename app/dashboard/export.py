"""The dashboard as a table (CSV with BOM for Excel, or xlsx): one row for the area, one
per station, one per case manager; rates with their numerator and denominator so the
figures can be checked. An export is an audited access."""
from __future__ import annotations

from pathlib import Path

from app.dashboard import Dashboard
from app.dashboard.metrics import KEYS
from app.dashboard.metrics import RATES
from app.sheets import export_format
from app.sheets import write_table

HEADERS_ZH = {
    "pushed": "推送人数", "screened": "已初筛", "positive": "高危/阳性", "examined": "已精查", "diagnosed": "已确诊",
    "treated": "已治疗", "referral_24h": "24小时内完成转诊", "followup_completion": "随访完成率",
    "chase_rate": "主动追踪率", "treated_locally": "县域内治疗占比", "days_to_diagnosis": "初筛阳性至确诊（中位天数）",
    "days_to_treatment": "初筛阳性至首次治疗（中位天数）",
}


def table(board: Dashboard) -> list[list]:
    header = ["范围", "名称"]
    for key in KEYS:
        header.append(HEADERS_ZH[key])
        if key in RATES:
            header += [f"{HEADERS_ZH[key]}（分子）", f"{HEADERS_ZH[key]}（分母）"]
    rows = [header]
    scopes = [("全部", board.overall)] + [("站点", f) for f in board.by_station] + [("个案管理师", f) for f in board.by_cm]
    for scope, figures in scopes:
        row = [scope, figures.label or "全部"]
        for key in KEYS:
            f = figures[key]
            if key in RATES:
                row += ["" if f.value is None else round(f.value * 100, 1), f.numerator, f.denominator]
            else:
                row.append("" if f.value is None else f.value)
        rows.append(row)
    return rows


def export_dashboard(store, board: Dashboard, path: Path) -> int:
    path = Path(path)
    fmt = export_format(path)
    rows = table(board)
    write_table(path, "统计", rows)  # station and people's names are text: never a formula
    p = board.period
    store.record_access("export", detail={"format": fmt[1:], "what": "dashboard", "rows": len(rows) - 1,
                                          "file": path.name, "since": str(p.since or ""), "until": str(p.until or "")})
    return len(rows) - 1
