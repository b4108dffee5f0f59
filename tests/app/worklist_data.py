"""A small hand-made caseload whose every row a test can reason about."""
from __future__ import annotations

import datetime as dt

from db.models import Case
from db.models import MdtRequest
from db.models import OrgUnit
from db.models import Patient
from db.models import Referral
from db.models import Task
from db.models import User

TODAY = dt.date(2026, 11, 18)  # a Wednesday
UTC = dt.timezone.utc
NOON = dt.datetime(2026, 11, 18, 4, 0, tzinfo=UTC)  # 12:00 in China

PEOPLE = [
    # name, pinyin, initials, sex, birth, id, phone, cancer, stage, due offset, station
    ("张三", "zhangsan", "zs", "M", dt.date(1960, 5, 17), "33020619600517123X", "13800001234", "lung", "screen", -3, 0),
    ("张珊珊", "zhangshanshan", "zss", "F", dt.date(1972, 1, 2), "330206197201021248", "13900005678", "breast", "treat", 0, 0),
    ("李四", "lisi", "ls", "M", dt.date(1955, 8, 30), "330211195508301017", "13700009999", "colorectal", "rehab", 2, 1),
    ("王五", "wangwu", "ww", "M", dt.date(1949, 12, 1), "330203194912010035", "13600004321", "stomach", "diagnose", 30, 1),
    ("赵_%六", "zhaoliu", "zl", "F", dt.date(1966, 6, 6), "330204196606060026", "13500001111", "liver", "screen", None, 0),
]


def load(profile, user_id_holder: dict | None = None) -> dict:
    """Insert the caseload; returns names → (patient id, case id) and the ids of stations/users."""
    out: dict = {}
    with profile.sessions.begin() as s:
        stations = [OrgUnit(kind="street_station", code=f"S{i}", name=n) for i, n in enumerate(["新城街道工作站", "老街街道工作站"])]
        s.add_all(stations)
        s.flush()
        me = User(username="cm01", display_name="陈敏", role="community_cm", org_unit_id=stations[0].id)
        other = User(username="cm02", display_name="周杰", role="clinic_cm", org_unit_id=stations[1].id)
        s.add_all([me, other])
        s.flush()
        out["me"], out["other"] = me.id, other.id
        out["stations"] = [st.id for st in stations]
        for _i, (name, py, ini, sex, birth, idn, phone, cancer, stage, due, st) in enumerate(PEOPLE):
            p = Patient(name=name, name_pinyin=py, name_initials=ini, sex=sex, birth_date=birth,
                        id_number=idn, phone=phone)
            s.add(p)
            s.flush()
            c = Case(patient_id=p.id, cancer_type=cancer, stage=stage, opened_at=NOON,
                     station_id=stations[st].id, community_cm_id=me.id if st == 0 else other.id,
                     clinic_cm_id=other.id)
            s.add(c)
            s.flush()
            s.add(Task(patient_id=p.id, case_id=c.id, kind="care", args={"step": "phone_followup"},
                       due_date=None if due is None else TODAY + dt.timedelta(days=due)))
            s.flush()
            out[name] = (p.id, c.id)
        zs_case = out["张三"][1]
        s.add(Referral(patient_id=out["张三"][0], case_id=zs_case, direction="up",
                       from_org_id=stations[0].id, to_org_id=stations[1].id, reason="肺结节8mm",
                       state="sent", short_code="ABC123"))
        s.add(Referral(patient_id=out["李四"][0], case_id=out["李四"][1], direction="down",
                       from_org_id=stations[1].id, to_org_id=stations[0].id, reason="术后康复",
                       state="closed", short_code="DEF456"))
        s.add(MdtRequest(patient_id=out["王五"][0], case_id=out["王五"][1], question="胃癌分期与治疗方案",
                         state="requested"))
    return out
