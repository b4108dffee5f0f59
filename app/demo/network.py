"""The fictional 澄湾区 (Chengwan district of 东陵市) cancer network, "1+3+11+164+N".

Everything here is invented. The tree and its staff are the same for every demo seed
(ids included), so two demo profiles share one network and usernames are predictable:
cm01-cm06 clinic case managers, cm07-cm16 ward case managers (one per cancer type, in
CancerType order), cm17-cm27 community case managers (one per street station),
doctor01-doctor28 family doctors at community points, and admin.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from dataclasses import field

from app.demo.names import HasRandom
from app.demo.names import make_name
from db.ids import uuid7
from db.models.enums import CancerType
from db.models.enums import OrgKind
from db.models.enums import Role

CITY = "东陵市"
DISTRICT = "澄湾区"
REGION_CODE = "330217"  # the district's (fictional) GB/T 2260 code
NETWORK_BASE_MS = 1_704_067_200_000  # 2024-01-01T00:00Z: network ids do not depend on the seed
AREA_CODE = "0574"

CENTRE_NAME = "澄湾区肿瘤防治中心（区人民医院）"
SUB_CENTRES = ("澄湾区第二人民医院肿瘤防治分中心", "澄湾区中医医院肿瘤防治分中心",
               "澄湾区妇幼保健院肿瘤防治分中心")
PARTNERS = ("东陵大学医学院附属第一医院", "省肿瘤医院", "省人民医院")
STREETS = ("澄江", "湾头", "东陵", "柳汀", "梅墟", "白沙", "青澜", "云林", "桃源", "霞浦", "春晓")
# Community points per street: 164 in all.
POINTS_PER_STREET = (18, 17, 16, 16, 15, 15, 14, 14, 14, 13, 12)
ROADS = ("人民路", "中山路", "解放路", "建设路", "和平路", "新华路", "文化路", "滨江路",
         "湖滨路", "长江路", "春风路", "学府路", "丰收路", "海晏路", "湾景路", "澄浦路")
_COMMUNITY_FIRST = "金银和平安康福兴新东西南中华明光星月春秋桂兰梅竹松柏桃杏荷枫柳青翠碧清泉溪湖海港滨锦瑞祥丰"
_COMMUNITY_SECOND = "苑园里庄桥坊塘浦湾山岭城院畈岙桥塘"
CLINIC_CMS = 6
EXTRA_DOCTOR_STREETS = 6  # the largest streets get a third family-doctor team


@dataclass
class Unit:
    id: str
    kind: str
    code: str
    name: str
    parent_id: str | None
    address: str
    phone: str


@dataclass
class Staff:
    id: str
    username: str
    display_name: str
    role: str
    org_unit_id: str
    phone: str


@dataclass
class Street:
    index: int
    station: Unit
    points: list[Unit]
    community_cm: Staff = field(init=False)  # set by build_network once every street exists
    doctors: list[Staff] = field(default_factory=list)
    road_names: tuple[str, ...] = ()


@dataclass
class Network:
    centre: Unit
    sub_centres: list[Unit]
    streets: list[Street]
    partners: list[Unit]
    clinic_cms: list[Staff]
    ward_cms: dict[str, Staff]  # cancer type -> its ward case manager
    admin: Staff

    @property
    def units(self) -> list[Unit]:
        out = [self.centre, *self.sub_centres]
        out += [s.station for s in self.streets]
        out += [p for s in self.streets for p in s.points]
        return out + self.partners

    @property
    def staff(self) -> list[Staff]:
        out = [*self.clinic_cms, *self.ward_cms.values()]
        out += [s.community_cm for s in self.streets]
        out += [d for s in self.streets for d in s.doctors]
        return out + [self.admin]

    @property
    def case_managers(self) -> list[Staff]:
        return [u for u in self.staff if u.role in (Role.CLINIC_CM, Role.WARD_CM, Role.COMMUNITY_CM)]


def mobile(rng: HasRandom) -> str:
    """A mobile number 1[3-9]xxxxxxxxx; only rng.random() is used."""
    rnd = rng.random
    prefix = _MOBILE_PREFIXES[int(rnd() * len(_MOBILE_PREFIXES))]
    return f"{prefix}{int(rnd() * 10)}{int(rnd() * 100_000_000):08d}"


_MOBILE_PREFIXES = ("13", "13", "15", "15", "18", "18", "17", "19", "14", "16")


def community_names(count: int, rng: random.Random) -> list[str]:
    pairs = [a + b for a in _COMMUNITY_FIRST for b in _COMMUNITY_SECOND if a != b]
    pairs = sorted(set(pairs))
    rng.shuffle(pairs)
    return pairs[:count]


def build_network() -> Network:
    """The whole tree and its staff, deterministically."""
    rng = random.Random("casedesk-demo-network")
    counter = iter(range(1_000_000))

    def new_id() -> str:
        return uuid7(NETWORK_BASE_MS + next(counter), rng.randbytes(10))

    def unit(kind, code, name, parent, address) -> Unit:
        phone = f"{AREA_CODE}-8{rng.randint(0, 9_999_999):07d}"
        return Unit(new_id(), str(kind), code, name, parent.id if parent else None, address, phone)

    prefix = CITY + DISTRICT
    centre = unit(OrgKind.CENTRE, "CW-C01", CENTRE_NAME, None, f"{prefix}人民路1号")
    subs = [unit(OrgKind.SUB_CENTRE, f"CW-S{i + 1:02d}", name, centre,
                 f"{prefix}{ROADS[i + 1]}{rng.randint(10, 300)}号")
            for i, name in enumerate(SUB_CENTRES)]
    names = community_names(sum(POINTS_PER_STREET), rng)
    streets = []
    for i, street in enumerate(STREETS):
        roads = tuple(rng.sample(ROADS, 3))
        station = unit(OrgKind.STREET_STATION, f"CW-J{i + 1:02d}", f"{street}街道工作站",
                       subs[i * len(subs) // len(STREETS)],
                       f"{prefix}{street}街道{roads[0]}{rng.randint(1, 200)}号")
        points = []
        for j in range(POINTS_PER_STREET[i]):
            name = names.pop()
            points.append(unit(OrgKind.COMMUNITY_POINT, f"CW-J{i + 1:02d}-P{j + 1:02d}",
                               f"{name}社区防治点", station,
                               f"{prefix}{street}街道{name}社区服务中心"))
        streets.append(Street(i, station, points, road_names=roads))
    partners = [unit(OrgKind.PARTNER_HOSPITAL, f"P{i + 1:02d}", name, None,
                     f"省城{rng.choice(ROADS)}{rng.randint(1, 500)}号")
                for i, name in enumerate(PARTNERS)]

    def person(username, role, org_unit) -> Staff:
        sex = "F" if rng.random() < 0.7 else "M"  # most case managers are nurses
        if role == Role.FAMILY_DOCTOR:
            sex = "F" if rng.random() < 0.45 else "M"
        return Staff(new_id(), username, make_name(rng, sex, rare_rate=0), str(role),
                     org_unit.id, mobile(rng))

    n = iter(range(1, 100))
    clinic = [person(f"cm{next(n):02d}", Role.CLINIC_CM, centre) for _ in range(CLINIC_CMS)]
    ward = {str(c): person(f"cm{next(n):02d}", Role.WARD_CM, centre) for c in CancerType}
    for s in streets:
        s.community_cm = person(f"cm{next(n):02d}", Role.COMMUNITY_CM, s.station)
    by_size = sorted(streets, key=lambda s: -len(s.points))[:EXTRA_DOCTOR_STREETS]
    d = iter(range(1, 100))
    for s in streets:
        teams = 3 if s in by_size else 2
        s.doctors = [person(f"doctor{next(d):02d}", Role.FAMILY_DOCTOR, s.points[k]) for k in range(teams)]
    admin = person("admin", Role.ADMIN, centre)
    return Network(centre, subs, streets, partners, clinic, ward, admin)
