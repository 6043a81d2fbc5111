"""Dates printed every way the archive prints them, each with its truth computed from real date
objects (`令和4年9月2日(金)18:30～20:30`, `9/26(月)`, `R4.9.2`, `令和四年九月二日`, `㋿4年9月2日`,
`9月～3月`, `10月中`, `午後1時30分～3時`).

A date printed without a year always lies in the report's fiscal year (April to March), so the
schema's rule (the year comes from the fiscal year) gives back the day that was meant. A date
printed with its year may lie in the year before (the 現状 period), as seed 001's `令和4年3/1`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random

from generator.printing import ERA_GLYPHS, era_of, era_year_text, kanji_number
from generator.truth import DateTruth

WEEKDAYS = "月火水木金土日"
DAY_STYLES = (
    "era",  # 令和4年9月2日
    "md",  # 9月2日
    "slash",  # 9/2
    "era_slash",  # 令和5年2/3
    "letter",  # R4.9.2
    "western",  # 2022年9月2日
    "kanji",  # 令和四年九月二日
    "ligature",  # ㋿4年9月2日
)
YEARLESS_STYLES = frozenset({"md", "slash"})
TIME_STYLES = ("colon_range", "colon_open", "kanji_range", "pm_range", "none")
DEFAULT_PRIOR_YEAR_RATE = 0.25  # dates with a printed year that fall in the previous fiscal year


def fiscal_window(fiscal_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(fiscal_year, 4, 1), dt.date(fiscal_year + 1, 3, 31)


def random_day(rng: random.Random, fiscal_year: int, year_printed: bool = False) -> dt.date:
    """A day of the fiscal year; where the year is printed, now and then one of the year before."""
    if year_printed and rng.random() < DEFAULT_PRIOR_YEAR_RATE:
        fiscal_year -= 1
    first, last = fiscal_window(fiscal_year)
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _era_prefix(day: dt.date, style: str, rng: random.Random) -> str:
    era, n = era_of(day)
    name, _, ligature = ERA_GLYPHS[era]
    if style == "kanji":
        return f"{name}{'元' if n == 1 else kanji_number(n)}年"
    if style == "ligature":
        return f"{ligature}{era_year_text(n, gannen=rng.random() < 0.5)}年"
    return f"{name}{era_year_text(n, gannen=rng.random() < 0.7)}年"


def print_day(day: dt.date, style: str, rng: random.Random) -> str:
    """The day alone (no weekday, no time) in one printed style."""
    if style == "md":
        return f"{day.month}月{day.day}日"
    if style == "slash":
        return f"{day.month}/{day.day}"
    if style == "era_slash":
        return f"{_era_prefix(day, style, rng)}{day.month}/{day.day}"
    if style == "letter":
        era, n = era_of(day)
        return f"{ERA_GLYPHS[era][1]}{n}.{day.month}.{day.day}"
    if style == "western":
        return f"{day.year}年{day.month}月{day.day}日"
    if style == "kanji":
        return f"{_era_prefix(day, style, rng)}{kanji_number(day.month)}月{kanji_number(day.day)}日"
    return f"{_era_prefix(day, style, rng)}{day.month}月{day.day}日"  # era, ligature


def _weekday(day: dt.date, wrong: bool, rng: random.Random) -> tuple[str, str, bool]:
    """(printed weekday in parentheses, the weekday char, whether it is right)."""
    right = WEEKDAYS[day.weekday()]
    char = rng.choice([w for w in WEEKDAYS if w != right]) if wrong else right
    return rng.choice(("({})", "（{}）")).format(char), char, not wrong


def _times(style: str, rng: random.Random) -> tuple[str, str | None, str | None]:
    """(printed time part, time_start, time_end)."""
    start_h = rng.choice((9, 10, 13, 14, 15, 18, 19))
    start_m = rng.choice((0, 0, 30))
    end_h, end_m = start_h + rng.choice((1, 1, 2)), rng.choice((0, 0, 30))
    hhmm = f"{start_h:02d}:{start_m:02d}", f"{end_h:02d}:{end_m:02d}"
    if style == "colon_range":
        return f"{start_h}:{start_m:02d}～{end_h}:{end_m:02d}", *hhmm
    if style == "colon_open":
        return f"{start_h}:{start_m:02d}～", hhmm[0], None
    if style == "kanji_range":
        start = f"{start_h}時" + (f"{start_m}分" if start_m else "")
        end = f"{end_h}時" + (f"{end_m}分" if end_m else "")
        return f"{start}～{end}", *hhmm
    if style == "pm_range" and start_h >= 13:
        start = f"午後{start_h - 12}時" + (f"{start_m}分" if start_m else "")
        end = f"{end_h - 12}時" + (f"{end_m}分" if end_m else "")  # the end keeps the 午後 of the start
        return f"{start}～{end}", *hhmm
    return "", None, None


def day_mention(
    rng: random.Random, fiscal_year: int, style: str | None = None, wrong_weekday: bool = False
) -> DateTruth:
    """One day, maybe with its weekday and a time range."""
    style = style or rng.choice(DAY_STYLES)
    day = random_day(rng, fiscal_year, year_printed=style not in YEARLESS_STYLES)
    raw = print_day(day, style, rng)
    weekday_printed: str | None = None
    weekday_ok: bool | None = None
    if style not in ("western", "kanji") and (wrong_weekday or rng.random() < 0.7):
        printed, weekday_printed, weekday_ok = _weekday(day, wrong_weekday, rng)
        raw += printed
    time_start = time_end = None
    if weekday_printed and rng.random() < 0.6:
        text, time_start, time_end = _times(rng.choice(TIME_STYLES), rng)
        raw += text
    return DateTruth(
        raw=raw,
        date_start=day,
        date_end=None,
        time_start=time_start,
        time_end=time_end,
        weekday_printed=weekday_printed,
        weekday_ok=weekday_ok,
        year_inferred=style in YEARLESS_STYLES,
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_mention(rng: random.Random, fiscal_year: int, with_year: bool) -> DateTruth:
    """`10月` (of `10月中`) or `令和5年3月`: the whole month."""
    day = random_day(rng, fiscal_year, year_printed=with_year).replace(day=1)
    raw = f"{_era_prefix(day, 'era', rng)}{day.month}月" if with_year else f"{day.month}月"
    return DateTruth(raw, day, _month_end(day.year, day.month), None, None, None, None, not with_year)


def month_range(rng: random.Random, fiscal_year: int) -> DateTruth:
    """`9月～3月`: from the first day of the first month to the last day of the last."""
    months = [dt.date(fiscal_year + (m < 4), m, 1) for m in (*range(4, 13), 1, 2, 3)]
    i, j = sorted(rng.sample(range(len(months)), 2))
    first, last = months[i], months[j]
    raw = f"{first.month}月{rng.choice(('～', '〜', '-'))}{last.month}月"
    return DateTruth(raw, first, _month_end(last.year, last.month), None, None, None, None, True)


def day_range(rng: random.Random, fiscal_year: int) -> DateTruth:
    """`令和4年3/1～3/30` (the end takes the start's year) or `9月1日～30日` (year from the fiscal year)."""
    year_printed = rng.random() < 0.5
    first = random_day(rng, fiscal_year, year_printed)
    year_end = dt.date(first.year, 12, 31) if first.month >= 4 else dt.date(first.year, 3, 31)
    last = min(first + dt.timedelta(days=rng.randint(1, 25)), year_end)  # one calendar year
    if last == first:
        first -= dt.timedelta(days=1)
    if year_printed:
        raw = f"{print_day(first, 'era_slash', rng)}～{last.month}/{last.day}"
        inferred = False
    elif last.month == first.month:
        raw = f"{first.month}月{first.day}日～{last.day}日"
        inferred = True
    else:
        raw = f"{first.month}月{first.day}日～{last.month}月{last.day}日"
        inferred = True
    return DateTruth(raw, first, last, None, None, None, None, inferred)


def impossible_day(rng: random.Random, fiscal_year: int) -> DateTruth:
    """`令和5年2月29日` in a common year: printed, but no calendar day (`date_unresolved`)."""
    year = fiscal_year + 1
    while calendar.isleap(year):
        year += 1
    era, n = era_of(dt.date(year, 2, 1))
    return DateTruth(f"{era}{n}年2月29日", None, None, None, None, None, None, False)
