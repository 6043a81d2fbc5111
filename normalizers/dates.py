"""Dates and date ranges written in free text (initiatives, status cells).

Matching runs on ``fold_width(text)``, which is length-preserving, so every offset found is
also an offset into the original text and ``raw`` is sliced from the text as printed.

Decisions beyond SCHEMA.md:
- A year-less date takes its year from the fiscal year (April-December: fiscal_year,
  January-March: fiscal_year + 1); without a fiscal year it stays a mention with no date.
- A date that cannot exist in any year (13/40, 4/31) is not a mention; one that only fails in
  its printed or resolved year (2/29 of a common year) is kept with ``date_start`` None.
- Not dates: fractions and ratios (`出席率2/3`, `1/2以上`) and rates (`2月に1回`).
- `から` joins a range like a dash (`9月1日から30日まで`).
- A bare day listed after a date takes its month and year (`9月2日、16日、30日`: three dates).
- A range end without a year takes the start's printed year, plus one when it would otherwise
  fall before the start (令和4年12/1～1/15 ends 2023-01-15); after an inferred start it is
  resolved by the fiscal year on its own.
- An era date outside its era (令和元年4月1日) is computed arithmetically and flagged.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

import regex

from normalizers.era import ERA_NAMES, KANJI_NUMBER, era_date_in_range, era_to_western, parse_era_number
from normalizers.text import fold_width

WEEKDAYS = "月火水木金土日"  # index = date.weekday()
DASH = "[~〜\\-\u2010\u2011\u2013\u2014\u2015\u2212]"  # after fold_width: ～ -> ~, － -> -
_N2 = "[0-9]{1,2}"
_YEAR = rf"""(?:(?P<era>{ERA_NAMES})\s*(?P<en>元|{_N2}|{KANJI_NUMBER})
    |(?<![A-Za-z])(?P<el>[HR])\s*(?P<eln>{_N2})
    |(?<![0-9])(?P<wy>[12][0-9]{{3}}))\s*年\s*"""
# Words that say a day follows (`開催日は7/26です`): a date, whatever follows it.
_DAY_NOUN = r"(?:日|日時|日程|期日)\s*(?:は|[:：])"
# What follows a fraction, never a date: a count word, `2/3以上`, `2/3の医療機関`, `2/3でした` (not
# after a range's dash, the words that announce a day or a printed year: `開催日は令和2年10/31です`).
_SHARE_NOUNS = "医療機関|施設|事業所|機関|住民|参加者|患者|職員|会員|回答|人|方|割合"
_NOT_DAY = rf"""(?![0-9/]|\s*(?:[箇ヶケヵカか]\s*月|回|人|名|件|倍|%|割|分|枚|本|個|世帯|施設|機関
    |以上|以下|未満|程度|の\s*(?:{_SHARE_NOUNS})|(?<!(?:{DASH}|{_DAY_NOUN}|年)\s*{_N2}\s*/\s*{_N2}\s*)で(?:す|した|ある|あった)
    |を占め|強|弱))"""
# What precedes a fraction: `回答率は2/3`, `約2/3`, `うち1/2`, `参加医療機関の2/3`.
_SHARE_BEFORE = rf"(?:率|割合|比率|約|うち|全体の|(?:{_SHARE_NOUNS})\s*の)\s*(?:は|が|で|[:：])?\s*"
_WD = rf"""(?:\s*\(\s*(?P<wd>[{WEEKDAYS}])\s*(?:曜日?)?\s*(?:[・,、]\s*祝日?\s*)?\)
    |\s*(?P<wd>[{WEEKDAYS}])曜日?)?"""
_TIME = rf"(?:午[前後]\s*)?{_N2}\s*(?::\s*[0-9]{{2}}|時(?!間)(?:\s*{_N2}\s*分|半)?)"
_NEXT_DATE = rf"(?:[0-9]|{ERA_NAMES}|[HR]\s*[0-9])"
_TIMES = rf"""(?:\s*(?P<t>{_TIME})(?:\s*{DASH}\s*(?P<t>{_TIME}))*(?:\s*{DASH}(?!\s*{_NEXT_DATE}))?)?"""
# An all-kanji date (令和四年九月二日) or month (令和四年九月): kanji month and day only after a year.
_KANJI_DATE = rf"""(?P<era>{ERA_NAMES})\s*(?P<en>元|{KANJI_NUMBER})\s*年\s*
    (?:(?P<m>{KANJI_NUMBER})\s*月\s*(?P<d>{KANJI_NUMBER})\s*日{_WD}{_TIMES}
      |(?P<mo>{KANJI_NUMBER})\s*月(?!\s*[0-9一二三四五六七八九十]))"""
_ATOM_RE = regex.compile(
    rf"""{_KANJI_DATE}
    |(?:{_YEAR})?(?<![0-9A-Za-z/.])(?<![0-9]:)
        (?:(?P<m>{_N2})\s*(?:月\s*(?P<d>{_N2})\s*日|(?<!{_SHARE_BEFORE}[0-9]{{1,2}})/(?P<d>{_N2}){_NOT_DAY}){_WD}{_TIMES}
          |(?P<mo>{_N2})\s*月(?!\s*[0-9]|\s*に\s*[0-9]+\s*回)
          |(?P<dd>{_N2})\s*日(?!\s*間){_WD}{_TIMES})
    |(?<![A-Za-z])(?P<el>[HR])(?P<eln>{_N2})\.(?P<m>{_N2})\.(?P<d>{_N2})(?![0-9.]){_WD}{_TIMES}
    |(?<![0-9])(?P<wy>[12][0-9]{{3}})/(?P<m>{_N2})/(?P<d>{_N2})(?![0-9/]){_WD}{_TIMES}""",
    regex.VERBOSE,
)
# Every atom holds a digit or an era's name: a text without either holds no date, and telling so
# takes one quick scan (the atoms' pattern tries its lookbehinds at every position of a text; half
# the texts of a report hold no digit).
_MAY_HOLD_ATOM = regex.compile(rf"[0-9]|{ERA_NAMES}")
_GAP_RE = regex.compile(rf"\s*(?:{DASH}|から)\s*")  # `9/1～9/30`, `9月1日から30日まで`
_TIME_PARTS_RE = regex.compile(r"(?:午([前後])\s*)?([0-9]+)\s*(?::\s*([0-9]+)|時\s*(?:([0-9]+)\s*分|(半))?)")


@dataclass(frozen=True)
class FoundDate:
    raw: str
    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    time_start: str | None
    time_end: str | None
    weekday_printed: str | None
    weekday_ok: bool | None
    year_inferred: bool
    era_out_of_range: bool = False


@dataclass(frozen=True)
class _Atom:
    """One date-like piece of a mention: kind ``date`` (M/D), ``month`` (M月) or ``day`` (D日)."""

    kind: str
    start: int
    end: int
    year: int | None
    era: tuple[str, int] | None
    month: int | None
    day: int | None
    weekday: str | None
    times: tuple[str | None, ...]


def time_to_hhmm(text: str) -> str | None:
    """``18:30`` / ``18時30分`` / ``18時半`` / ``18時`` / ``午後2時`` -> ``"HH:MM"``; None when not a
    valid time."""
    m = _TIME_PARTS_RE.fullmatch(fold_width(text).strip())
    if m is None:
        return None
    half_day, hour_text, colon_minutes, minutes, half = m.groups()
    hour = int(hour_text)
    minute = 30 if half else int(colon_minutes or minutes or 0)
    if half_day and hour > 12:
        return None  # 午後13時 is no time
    if half_day == "後" and hour < 12:
        hour += 12
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def _printed_year(m: regex.Match[str]) -> tuple[int | None, tuple[str, int] | None]:
    """The year written in the match (western), with (era, n) when written as 和暦."""
    if m.group("wy"):
        return int(m.group("wy")), None
    era = m.group("era") or m.group("el")
    n = parse_era_number(m.group("en")) if m.group("era") else m.group("eln") and int(m.group("eln"))
    if not era or not n:
        return None, None
    return era_to_western(era, n), (era, n)


def _day_exists(year: int | None, month: int, day: int) -> bool:
    """Whether month/day can exist in some (leap) year. A day that fails only in its printed or
    resolved year (令和4年2月29日) stays a mention, with no date: the caller raises a check."""
    del year  # kept for the call sites: existence is judged on the calendar, not the year
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(2000, month)[1]


def _atom_from_match(m: regex.Match[str]) -> _Atom | None:
    year, era = _printed_year(m)
    if year is None and (m.group("era") or m.group("el")):
        return None  # an era year that does not parse (令和0年) makes no date
    kind = "month" if m.group("mo") else "day" if m.group("dd") else "date"
    month = parse_era_number(m.group("mo") or m.group("m") or "")  # digits, or kanji (九月)
    day = parse_era_number(m.group("d") or m.group("dd") or "")
    if kind == "day" and (year is not None or not 1 <= (day or 0) <= 31):
        return None
    if kind == "month" and not 1 <= (month or 0) <= 12:
        return None
    if kind == "date" and not _day_exists(year, month or 0, day or 0):
        return None
    times = _times_in_order(m.captures("t"))
    return _Atom(kind, m.start(), m.end(), year, era, month, day, m.group("wd"), times)


def _times_in_order(texts: list[str]) -> tuple[str | None, ...]:
    """Times of one range, as HH:MM: an end without 午前/午後 after a 午後 start is afternoon too
    (`午後1時30分～3時` ends at 15:00)."""
    out: list[str | None] = []
    afternoon = False
    for text in texts:
        hhmm = time_to_hhmm(text)
        folded = fold_width(text)
        if "午" in folded:
            afternoon = "午後" in folded
        elif afternoon and hhmm is not None and int(hhmm[:2]) < 12:
            hhmm = f"{int(hhmm[:2]) + 12:02d}{hhmm[2:]}"
        out.append(hhmm)
    return tuple(out)


def _linked(folded: str, a: _Atom, b: _Atom) -> bool:
    """Whether atoms a and b form one range (``9/1～9/30``, ``9月1日～30日``, ``9月～3月``)."""
    kinds_ok = (a.kind == "date" and b.kind in ("date", "day")) or a.kind == b.kind == "month"
    return kinds_ok and _GAP_RE.fullmatch(folded, a.end, b.start) is not None


_LIST_SEP_RE = regex.compile(r"\s*[、,，・]\s*")


def _listed_days(folded: str, atoms: list[_Atom]) -> list[_Atom]:
    """A bare day listed after a date (`9月2日、16日、30日`) is a date of that month and year."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            atom.kind == "day"
            and prev is not None
            and prev.kind == "date"
            and _LIST_SEP_RE.fullmatch(folded, prev.end, atom.start) is not None
            and _day_exists(None, prev.month or 0, atom.day or 0)
        ):
            atom = replace(atom, kind="date", year=prev.year, era=prev.era, month=prev.month)
        out.append(atom)
    return out


def _pair_atoms(folded: str, atoms: list[_Atom]) -> list[tuple[_Atom, _Atom | None]]:
    pairs: list[tuple[_Atom, _Atom | None]] = []
    atoms = _listed_days(folded, atoms)
    i = 0
    while i < len(atoms):
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and _linked(folded, atoms[i], nxt):
            pairs.append((atoms[i], nxt))
            i += 2
            continue
        if atoms[i].kind != "day":
            pairs.append((atoms[i], None))
        i += 1
    return pairs


def _fiscal_month_year(month: int, fiscal_year: int | None) -> int | None:
    if fiscal_year is None:
        return None
    return fiscal_year if month >= 4 else fiscal_year + 1


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year is not None else None
    except (ValueError, OverflowError):
        return None


def _atom_span(atom: _Atom, year: int | None, month: int) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by the atom (the same day unless it is a month)."""
    if atom.kind != "month":
        day = _safe_date(year, month, atom.day or 0)
        return day, day
    if year is None or not 1 <= year <= 9999:
        return None, None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _end_span(a: _Atom, first: dt.date | None, b: _Atom, fy: int | None) -> dt.date | None:
    """Last day of the range end b, given the start atom a and its first day."""
    month = b.month or (first.month if first else 0)
    year: int | None
    if b.year is not None:
        year = b.year
    elif a.year is not None or b.kind == "day":
        year = first.year if first else None
    else:
        year = _fiscal_month_year(month, fy)
    last = _atom_span(b, year, month)[1]
    rolls_over = b.kind != "day" and b.year is None and a.year is not None
    if last and first and last < first and rolls_over:
        last = _atom_span(b, year + 1, month)[1] if year is not None else None
    return last


def _weekday_ok(pairs: list[tuple[_Atom, dt.date | None]]) -> bool | None:
    checks = [WEEKDAYS[d.weekday()] == a.weekday for a, d in pairs if a.weekday and d]
    return all(checks) if checks else None


def _out_of_era(atom: _Atom) -> bool:
    """A date that exists but lies outside its printed era (令和元年4月1日); an impossible day
    (令和5年2月29日) is not out of its era: it is no date at all (`date_unresolved`)."""
    if atom.era is None or atom.month is None:
        return False
    era, n = atom.era
    if atom.kind != "month":
        exists = _safe_date(era_to_western(era, n), atom.month, atom.day or 0) is not None
        return exists and not era_date_in_range(era, n, atom.month, atom.day or 0)
    year = era_to_western(era, n) or 2000
    last = calendar.monthrange(year, atom.month)[1] if 1 <= year <= 9999 else 28
    return not (era_date_in_range(era, n, atom.month, 1) or era_date_in_range(era, n, atom.month, last))


def _mention(text: str, a: _Atom, b: _Atom | None, fy: int | None) -> FoundDate:
    month = a.month or 0
    year = a.year if a.year is not None else _fiscal_month_year(month, fy)
    first, last = _atom_span(a, year, month)
    end = _end_span(a, first, b, fy) if b is not None else None
    date_end = end if b is not None else (last if a.kind == "month" else None)
    end_times = [t for t in (b.times if b and b.times else a.times[1:]) if t]
    stop = (b or a).end
    return FoundDate(
        raw=text[a.start : stop],
        start=a.start,
        end=stop,
        date_start=first,
        date_end=date_end,
        time_start=a.times[0] if a.times else None,
        time_end=end_times[-1] if end_times else None,
        weekday_printed=a.weekday or (b.weekday if b else None),
        weekday_ok=_weekday_ok([(a, first)] + ([(b, end)] if b else [])),
        year_inferred=a.year is None and fy is not None,
        era_out_of_range=_out_of_era(a) or (b is not None and _out_of_era(b)),
    )


def find_dates(text: str, fiscal_year: int | None) -> list[FoundDate]:
    """Every date, date range or month mention in ``text``, in order, non-overlapping."""
    folded = fold_width(text)
    if _MAY_HOLD_ATOM.search(folded) is None:
        return []
    atoms = [a for a in map(_atom_from_match, _ATOM_RE.finditer(folded)) if a is not None]
    return [_mention(text, a, b, fiscal_year) for a, b in _pair_atoms(folded, atoms)]
