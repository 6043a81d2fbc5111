"""Integers and counts as printed in report cells."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from normalizers.text import fold_width, normalize_space

_INT_RE = regex.compile(r"(?P<sign>[-+\u2212▲△])?\s*(?P<digits>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)")
_N = r"(?P<n>[0-9][0-9,]*)\s*(?P<u>[回件名人])"
# The whole segment is a count: `3回`, `1回/年`, `2回（9月～3月）`.
_WHOLE_RE = regex.compile(rf"{_N}(?:\s*/\s*年度?)?(?:\s*\([^()]*\))?")
# A count closing a segment: `…講師派遣（1回）`, `…の開催：0回`, `…ファシリテーター 18回`, and
# `…開催・調整0回` where a PDF line wrap ate the space. Not a rate (`月2回`, `年 1 回`), nor digits
# a space after other digits (`市民公開講座 2 4回`: a wrap inside `24回`, which digits count cannot
# be told).
_WORDY = r"[\p{Han}\p{Hiragana}\p{Katakana}ー」』]"
_TAIL_RE = regex.compile(
    rf"(?:\(\s*{_N}\s*\)|(?::|(?<![0-9月年週日毎]) |(?<![月年週日毎])(?<={_WORDY}))"
    rf"\s*(?<![約第およそ概延計]){_N})$"
)
# Any count of what was done inside a segment: not a rate (`月2回`, `1回/4箇月`, `年 1 回`), an
# ordinal (`第3回`) or an estimate (`約3回`).
_STATED_RE = regex.compile(rf"(?<![0-9,月年週日毎約第およそ概延計]\s*)(?<![0-9])\s*{_N}(?!\s*/)")
_TRAILING_DIGITS_RE = regex.compile(r"(?P<pre>[^0-9]?)(?P<d>[0-9]+)$")  # after fold_width
DATE_SEPARATORS = frozenset("/.-~〜～")  # what precedes the digits that end a date or a range
MAX_DIGITS = 18  # int64 range; longer digit strings are not counts


@dataclass(frozen=True)
class Count:
    value: int
    unit: str


def parse_int(text: str) -> int | None:
    """Digits as printed (ASCII or full-width, optional thousands commas, leading + - ▲ △); else None."""
    m = _INT_RE.fullmatch(fold_width(text).strip())
    if m is None or len(digits := m.group("digits").replace(",", "")) > MAX_DIGITS:
        return None
    return -int(digits) if m.group("sign") not in (None, "+") else int(digits)


def parse_status_count(segment: str) -> Count | None:
    """The count of what was done stated by a status segment (SCHEMA `status.value`), else None."""
    s = normalize_space(fold_width(segment))
    m = _WHOLE_RE.fullmatch(s) or _TAIL_RE.search(s)
    if m is None:
        return None
    value = parse_int(m.group("n"))
    return Count(value, m.group("u")) if value is not None and value >= 0 else None


def counts_stated(segment: str) -> int:
    """How many counts of what was done a status segment states: two (`…講師派遣：6回ネットワーク
    会議1回`) are two entries the print ran together, and its value cannot be told."""
    return len(_STATED_RE.findall(normalize_space(fold_width(segment))))


def continues_a_number(before: str, segment: str) -> bool:
    """`症例検討会：1` | `2回`: a segment opening with a digit right after one that ends with a count's
    digits may be the rest of that number (a line wrapped inside `12回`), so its count cannot be
    told. Digits that end a date or a time (`5/31`, `14:00`) are no count's."""
    end, start = fold_width(before).rstrip(), fold_width(segment).lstrip()
    tail = _TRAILING_DIGITS_RE.search(end)
    if tail is None or not (start[:1].isascii() and start[:1].isdigit()):
        return False
    pre, digits = tail.group("pre"), tail.group("d")
    minutes = pre == ":" and len(digits) == 2 and end[: tail.start()][-1:].isdigit()  # `14:00`
    return pre not in DATE_SEPARATORS and not minutes
