"""Japanese eras (和暦) and fiscal years (年度).

A fiscal year is identified by the western year it starts in: 平成30年度 -> 2018,
平成31年度 = 令和元年度 -> 2019. Letter eras (H30, R3) are only recognised in anchored
forms (``R3年度``), never as bare letter + digits inside text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from normalizers.text import fold_width


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: dt.date
    ligature: str  # the era's name as one character (㋿ U+32FF, ㍻ U+337B): fonts print these


# Oldest first. An era ends the day before the next one starts.
ERAS: tuple[Era, ...] = (
    Era("明治", "M", dt.date(1868, 10, 23), "㍾"),
    Era("大正", "T", dt.date(1912, 7, 30), "㍽"),
    Era("昭和", "S", dt.date(1926, 12, 25), "㍼"),
    Era("平成", "H", dt.date(1989, 1, 8), "㍻"),
    Era("令和", "R", dt.date(2019, 5, 1), "㋿"),
)

MAX_ERA_DIGITS = 3  # era years run to 64 (昭和); anything longer is not an era year
ERA_NAMES = "|".join([e.name for e in ERAS] + [e.ligature for e in ERAS])
KANJI_NUMBER = "[一二三四五六七八九十]{1,3}"
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_RE = regex.compile(r"(?:([二三四五六七八九]?)十)?([一二三四五六七八九])?")

# Matched against fold_width(text); offsets are valid for the original text.
FISCAL_YEAR_WORD = "度"  # the last character of every mention (`fold_width` leaves it as it is)
_FISCAL_YEAR_RE = regex.compile(
    rf"""(?:(?P<era>{ERA_NAMES})\s*(?P<n>元|[0-9]{{1,2}}|{KANJI_NUMBER})
        |(?<![A-Za-z])(?P<letter>[HRhr])\s*(?P<ln>元|[0-9]{{1,2}})
        |(?<![0-9])(?P<west>[12][0-9]{{3}}))
        \s*年\s*度""",
    regex.VERBOSE,
)


@dataclass(frozen=True)
class FiscalYearMention:
    year: int
    label: str
    start: int
    end: int


def parse_era_number(text: str) -> int | None:
    """Era year number: ``元`` -> 1, ASCII/full-width digits, kanji numerals up to 九十九."""
    s = fold_width(text).strip()
    if s == "元":
        return 1
    if s.isascii() and s.isdigit():
        return (int(s) or None) if len(s) <= MAX_ERA_DIGITS else None
    m = _KANJI_RE.fullmatch(s)
    if not s or m is None:
        return None
    tens = 0 if "十" not in s else (_KANJI_DIGITS[m.group(1)] if m.group(1) else 1)
    ones = _KANJI_DIGITS[m.group(2)] if m.group(2) else 0
    return tens * 10 + ones or None


def find_era(era: str) -> Era | None:
    """The era named by its kanji name, its ligature (㋿) or its letter (case-insensitive,
    full-width ok)."""
    key = fold_width(era).strip().upper()
    return next((e for e in ERAS if key in (e.name, e.letter, e.ligature)), None)


def era_to_western(era: str, n: int) -> int | None:
    """Western year of year ``n`` of ``era``; years past an era's end are accepted (平成32 -> 2020)."""
    found = find_era(era)
    if found is None or n < 1:
        return None
    return found.start.year + n - 1


def western_to_era(year: int) -> tuple[str, int] | None:
    """The era that names ``year`` (as the prefecture prints fiscal years): 2019 -> (令和, 1)."""
    named = [e for e in ERAS if e.start.year <= year]
    if not named:
        return None
    return named[-1].name, year - named[-1].start.year + 1


def era_date_in_range(era: str, n: int, month: int, day: int) -> bool:
    """Whether 和暦 ``era`` n/month/day lies inside that era (令和元年4月1日 -> False)."""
    found, year = find_era(era), era_to_western(era, n)
    if found is None or year is None:
        return False
    try:
        when = dt.date(year, month, day)
    except (ValueError, OverflowError):
        return False
    later = [e.start for e in ERAS if e.start > found.start]
    return found.start <= when and (not later or when < later[0])


def _mention_year(m: regex.Match[str]) -> int | None:
    if m.group("west"):
        return int(m.group("west"))
    if m.group("era"):
        n = parse_era_number(m.group("n"))
        return None if n is None else era_to_western(m.group("era"), n)
    n = parse_era_number(m.group("ln"))
    return None if n is None else era_to_western(m.group("letter"), n)


def find_fiscal_years(text: str) -> list[FiscalYearMention]:
    """Every ``<era><n>年度`` (or ``2022年度``) in text order, with its label as printed."""
    if FISCAL_YEAR_WORD not in text:  # every mention ends with it (most texts hold none)
        return []
    found = []
    for m in _FISCAL_YEAR_RE.finditer(fold_width(text)):
        year = _mention_year(m)
        if year is not None:
            found.append(FiscalYearMention(year, text[m.start() : m.end()], m.start(), m.end()))
    return found


def parse_fiscal_year(text: str) -> FiscalYearMention | None:
    """The first fiscal year mentioned in ``text``."""
    found = find_fiscal_years(text)
    return found[0] if found else None
