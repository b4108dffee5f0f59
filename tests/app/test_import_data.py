"""Shared synthetic data for the screening tests: a two-street network and list files.

(Kept in a test_ module so it sits with the tests it serves; its one test checks that
the data itself is what the other tests assume.)
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app import idcard
from db.models import OrgUnit
from db.models import User

HEADERS_ZH = ["姓名", "性别", "出生日期", "身份证号", "联系电话", "街道", "社区", "现住址", "筛查项目"]


@dataclass
class Net:
    centre: str
    partner: str
    station_a: str
    station_b: str
    point_a1: str  # 金苑 in 澄江
    point_a2: str  # 银湾 in 澄江
    point_b1: str  # 金苑 in 湾头 too: a community name two streets share
    cm_a: str
    cm_b: str
    clinic_cm: str


def network(profile) -> Net:
    def unit(tx, kind, code, name, parent=None):
        return tx.add(OrgUnit(kind=kind, code=code, name=name, parent_id=parent)).id

    with profile.store.write() as tx:
        centre = unit(tx, "centre", "T-C01", "测试区肿瘤防治中心")
        partner = unit(tx, "partner_hospital", "T-P01", "省肿瘤医院")
        a = unit(tx, "street_station", "T-J01", "澄江街道工作站", centre)
        b = unit(tx, "street_station", "T-J02", "湾头街道工作站", centre)
        a1 = unit(tx, "community_point", "T-J01-P01", "金苑社区防治点", a)
        a2 = unit(tx, "community_point", "T-J01-P02", "银湾社区防治点", a)
        b1 = unit(tx, "community_point", "T-J02-P01", "金苑社区防治点", b)
        cm_a = tx.add(User(username="cm_a", display_name="陈一", role="community_cm", org_unit_id=a)).id
        cm_b = tx.add(User(username="cm_b", display_name="林二", role="community_cm", org_unit_id=b)).id
        clinic = tx.add(User(username="cm_c", display_name="王三", role="clinic_cm", org_unit_id=centre)).id
    return Net(centre, partner, a, b, a1, a2, b1, cm_a, cm_b, clinic)


def person_id(birth: str, sex: str, region: str = "330217", seq: int = 12) -> str:
    return idcard.make_id(region, dt.date.fromisoformat(birth), seq, sex)


def good_row(name="张三", sex="男", birth="1960-05-06", region="330217", seq=12, phone="13812345678",
             street="澄江", community="金苑", address="人民路1号", programme="肺癌") -> list:
    return [name, sex, birth, person_id(birth, "M" if sex == "男" else "F", region, seq), phone, street,
            community, address, programme]


def write_csv(path: Path, rows: list[list], headers=HEADERS_ZH, encoding="utf-8-sig", title: str | None = None) -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        if title:
            w.writerow([title])
        w.writerow(headers)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], headers=HEADERS_ZH) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_the_rows_are_valid_people():
    row = good_row()
    assert idcard.validate(row[3]) and idcard.parse(row[3])[1:] == (dt.date(1960, 5, 6), "M")
    assert idcard.parse(good_row(sex="女", seq=13)[3])[2] == "F"
