"""Plausible synthetic Chinese names and their pinyin search keys.

Surnames are drawn by their approximate share of the population; given names have one
or two characters from lists that read as typical for men or women of the generations
now aged 30-90. A small share carries a rare character (生僻字) so that fonts, input
methods and pinyin search get exercised with characters outside the common set.
"""
from __future__ import annotations

import itertools
from bisect import bisect
from typing import Protocol

from app.pinyin import SURNAME_READINGS  # noqa: F401 - re-exported: moved to app/pinyin.py
from app.pinyin import name_keys  # noqa: F401 - re-exported: moved to app/pinyin.py

# (surname, share in per mille), after the 2020 census top-100 ranking, rounded.
_SURNAMES = (
    ("王", 74), ("李", 72), ("张", 69), ("刘", 54), ("陈", 46), ("杨", 32), ("黄", 24),
    ("赵", 23), ("吴", 21), ("周", 21), ("徐", 17), ("孙", 15), ("马", 15), ("胡", 13),
    ("朱", 13), ("郭", 13), ("何", 12), ("罗", 11), ("高", 11), ("林", 11), ("郑", 9),
    ("梁", 9), ("谢", 8), ("宋", 8), ("唐", 8), ("许", 7), ("邓", 7), ("冯", 7), ("韩", 7),
    ("曹", 7), ("曾", 6), ("彭", 6), ("萧", 2), ("蔡", 6), ("潘", 5), ("田", 5), ("董", 5),
    ("袁", 5), ("于", 5), ("余", 5), ("叶", 5), ("蒋", 5), ("杜", 5), ("苏", 4), ("魏", 4),
    ("程", 4), ("吕", 4), ("丁", 4), ("沈", 4), ("任", 4), ("姚", 4), ("卢", 4), ("傅", 3),
    ("钟", 3), ("姜", 3), ("崔", 3), ("谭", 3), ("廖", 3), ("范", 3), ("汪", 3), ("陆", 3),
    ("金", 3), ("石", 3), ("戴", 3), ("贾", 3), ("韦", 3), ("夏", 3), ("邱", 3), ("方", 3),
    ("侯", 3), ("邹", 3), ("熊", 3), ("孟", 3), ("秦", 3), ("白", 3), ("江", 3), ("阎", 2),
    ("薛", 2), ("尹", 2), ("段", 2), ("雷", 2), ("黎", 2), ("史", 2), ("龙", 2), ("陶", 2),
    ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2), ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2),
    ("严", 2), ("赖", 2), ("覃", 1), ("洪", 2), ("武", 2), ("莫", 1), ("孔", 1), ("单", 1),
    ("解", 1), ("仇", 1), ("查", 1), ("乐", 1), ("缪", 1), ("应", 2), ("俞", 2), ("竺", 1),
)
SURNAMES = tuple(s for s, _ in _SURNAMES)
SURNAME_WEIGHTS = tuple(itertools.accumulate(w for _, w in _SURNAMES))

MALE_CHARS = (
    "伟 强 军 勇 杰 涛 明 超 刚 平 辉 波 斌 建 国 华 峰 林 海 东 文 志 永 春 兵 龙 "
    "鹏 飞 宏 成 俊 德 金 荣 福 祥 生 根 忠 宝 贵 庆 良 才 松 全 立 民 山 发 新 利 "
    "清 仁 义 礼 智 信 卫 红 光 耀 振 家 旭 晨 昊 浩 宇 轩 博 睿 磊 鑫 "
).split()
FEMALE_CHARS = (
    "芳 娜 敏 静 丽 艳 娟 霞 秀 英 华 玲 红 梅 萍 燕 琴 兰 凤 云 莲 珍 洁 琳 颖 "
    "慧 雪 婷 美 月 春 桂 菊 翠 玉 爱 素 彩 香 君 宁 晶 佳 欣 莉 倩 蓉 雯 "
    "嘉 怡 悦 琪 璐 淑 惠 秋 珠 亚 "
).split()
# Rare characters seen on real ID cards; each needs a font and input method that has it.
RARE_MALE = ("䶮", "堃", "喆", "犇", "淼", "垚", "昇", "赟", "祎")
RARE_FEMALE = ("玥", "堃", "喆", "婕", "旻", "琇", "翀", "珺", "祎")
RARE_RATE = 0.005


class HasRandom(Protocol):
    """A random.Random, or the generator's Context: only random() is used."""

    def random(self) -> float: ...


def make_name(rng: HasRandom, sex: str, rare_rate: float = RARE_RATE) -> str:
    """A full name: surname plus one (about a third) or two given-name characters.
    Only rng.random() is used, so any object with that method will do."""
    rnd = rng.random
    surname = SURNAMES[bisect(SURNAME_WEIGHTS, rnd() * SURNAME_WEIGHTS[-1])]
    pool = MALE_CHARS if sex == "M" else FEMALE_CHARS
    size = len(pool)
    given = pool[int(rnd() * size)]
    if rnd() >= 0.32:
        second = pool[int(rnd() * size)]
        if second == given and rnd() < 0.7:
            second = pool[int(rnd() * size)]  # doubled names (婷婷) exist but are rarer than chance
        given += second
    if rnd() < rare_rate:
        rare = RARE_MALE if sex == "M" else RARE_FEMALE
        given = given[:-1] + rare[int(rnd() * len(rare))]
    return surname + given
