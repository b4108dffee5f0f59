"""State shared by the generator's parts for one run: randomness, ids, formats, output."""
from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from dataclasses import field

from app.demo.network import Network
from app.demo.network import Staff
from app.demo.network import Street
from app.demo.network import Unit
from app.demo.rows import EPOCH_ORDINAL
from app.demo.rows import Format
from app.demo.rows import Ids

SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
SHORT_CODE_LENGTH = 6
WORKDAY_SECONDS = 34_200  # 08:00-17:30 Beijing time is 00:00-09:30 UTC


@dataclass
class PatientInfo:
    id: str
    name: str
    sex: str
    age: int
    street: Street
    point: Unit
    doctor: Staff
    pack_years: float | None


@dataclass
class Context:
    rng: random.Random
    ids: Ids
    fmt: Format  # rows.SqliteFormat or rows.PythonFormat
    net: Network
    today_ordinal: int
    rows: dict[str, list[tuple]]
    referral_states: dict[str, int] = field(default_factory=dict)
    mdt_states: dict[str, int] = field(default_factory=dict)
    short_codes: set[str] = field(default_factory=set)
    id_numbers: set[str] = field(default_factory=set)
    json_cache: dict = field(default_factory=dict)

    def __post_init__(self):
        self.random = self.rng.random

    # Faster than random.Random's own choice/randint/choices, which dominate otherwise.
    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def weighted(self, table: tuple[tuple, list]):
        """A key from (keys, cumulative weights)."""
        keys, cum = table
        return keys[bisect(cum, self.random() * cum[-1])]

    def json(self, key, make):
        """fmt.json(make()) memoised by `key`, for documents that repeat."""
        doc = self.json_cache.get(key)
        if doc is None:
            doc = self.json_cache[key] = self.fmt.json(make())
        return doc

    @property
    def today_day(self) -> int:
        """Today as days since 1970-01-01."""
        return self.today_ordinal - EPOCH_ORDINAL

    def at(self, day: int) -> int:
        """Epoch seconds of a random moment in working hours on `day`."""
        return day * 86400 + int(self.random() * WORKDAY_SECONDS)

    def short_code(self) -> str:
        choices, rng = SHORT_CODE_ALPHABET, self.rng
        while True:
            code = "".join(rng.choices(choices, k=SHORT_CODE_LENGTH))
            if code not in self.short_codes:
                self.short_codes.add(code)
                return code

    def pick_state(self, counts: dict[str, int], pool: tuple[tuple[str, int], ...]) -> str:
        """A state from the weighted pool; one not produced yet goes first, so that every
        state shows up in the data even for small sizes."""
        for state, _ in pool:
            if state not in counts:
                counts[state] = 1
                return state
        state = self.weighted(_cumulative(pool))
        counts[state] += 1
        return state


def cumulative(pairs) -> tuple[tuple, list]:
    """(keys, cumulative weights) of (key, weight) pairs, for Context.weighted()."""
    keys, cum, total = [], [], 0
    for key, weight in pairs:
        total += weight
        keys.append(key)
        cum.append(total)
    return tuple(keys), cum


_POOLS: dict[tuple, tuple] = {}


def _cumulative(pool: tuple) -> tuple[tuple, list]:
    table = _POOLS.get(pool)
    if table is None:
        table = _POOLS[pool] = cumulative(pool)
    return table
