"""How numbers, eras and fiscal years are printed. The generator's own small implementations: the
pipeline's normalizers read these forms, so they must never be used to write them."""

from __future__ import annotations

import datetime as dt
import random

FULL_WIDTH = str.maketrans("0123456789-,:()/", "０１２３４５６７８９－，：（）／")
DIGITS_ONLY_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
KANJI_DIGITS = "〇一二三四五六七八九"
REIWA_START = dt.date(2019, 5, 1)
HEISEI_START = dt.date(1989, 1, 8)
# era -> (name, letter, ligature)
ERA_GLYPHS = {"令和": ("令和", "R", "\u32ff"), "平成": ("平成", "H", "\u337b")}


def full_width(text: str) -> str:
    """ASCII digits and number punctuation as full-width characters (０１２, －, ：)."""
    return text.translate(FULL_WIDTH)


def full_width_digits(text: str) -> str:
    return text.translate(DIGITS_ONLY_FULL)


def print_number(value: int, commas: bool = True) -> str:
    """A count as a person types it: thousands commas on large numbers (1,234) unless told not to."""
    return f"{value:,}" if commas else str(value)


def kanji_number(n: int) -> str:
    """1..99 in kanji numerals as dates print them: 4 -> 四, 12 -> 十二, 31 -> 三十一."""
    if not 1 <= n <= 99:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else KANJI_DIGITS[tens] + "十")
    return head + (KANJI_DIGITS[ones] if ones else "")


def era_of(day: dt.date) -> tuple[str, int]:
    """(era name, era year) of a calendar day: 2019-04-30 -> (平成, 31), 2019-05-01 -> (令和, 1)."""
    if day >= REIWA_START:
        return "令和", day.year - REIWA_START.year + 1
    return "平成", day.year - HEISEI_START.year + 1


def era_of_fiscal_year(year: int, rng: random.Random) -> tuple[str, int]:
    """How a fiscal year is named: 2019 is both 平成31年度 and 令和元年度."""
    if year == 2019:
        return rng.choice((("令和", 1), ("平成", 31)))
    return ("令和", year - 2018) if year >= 2019 else ("平成", year - 1988)


def era_year_text(n: int, gannen: bool = True) -> str:
    return "元" if n == 1 and gannen else str(n)


def fiscal_year_label(year: int, rng: random.Random, spaced: bool = False, digits: str = "half") -> str:
    """`令和 2 年度`, `令和2年度`, `令和２年度`, `平成30年度`, `令和元年度`."""
    era, n = era_of_fiscal_year(year, rng)
    number = era_year_text(n)
    if digits == "full":
        number = full_width_digits(number)
    return f"{era} {number} 年度" if spaced else f"{era}{number}年度"
