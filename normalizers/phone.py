"""Telephone numbers as half-width digits with the printed grouping kept."""

from __future__ import annotations

import regex

from normalizers.text import fold_width

MIN_DIGITS = 9
MAX_DIGITS = 11
# Dash-like characters printed between digit groups (after fold_width: － -> -).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70"
_DASH_TABLE = {ord(c): "-" for c in _DASHES}
# +81 (Japan) written before a number stands for the trunk prefix 0: +81-29-… -> 029-…
_JAPAN_RE = regex.compile(r"\+\s*81[ \t-]*(?:\(0\)[ \t]*)?")
# Digit groups separated by one dash, parentheses or spaces: 029-869-9660, (029)869-9660, 029 869 9660.
_PHONE_RE = regex.compile(r"(?<![0-9+])\(?[0-9]+\)?(?:[ \t]*-?[ \t]*\(?[0-9]+\)?)*")
_DIGITS_RE = regex.compile(r"[0-9]+")


def normalize_phone(text: str) -> str | None:
    """``０２９－８６９－９６６０`` / ``(029)869-9660`` / ``TEL:029 869 9660`` -> ``029-869-9660``.

    The first digit run holding 9-11 digits wins (so a postal code or a second number is
    skipped); its printed grouping is kept, hyphens are never invented.
    """
    folded = _JAPAN_RE.sub("0", fold_width(text).translate(_DASH_TABLE))
    for m in _PHONE_RE.finditer(folded):
        groups = _DIGITS_RE.findall(m.group())
        if MIN_DIGITS <= sum(map(len, groups)) <= MAX_DIGITS:
            return "-".join(groups)
    return None


def phone_digits(phone: str | None) -> str | None:
    """The digits alone, for comparing: ``(0297)22-4180`` and ``0297-22-4180`` -> ``0297224180``.
    None where the text holds no number of 9-11 digits."""
    normalized = normalize_phone(phone) if phone else None
    return normalized.replace("-", "") if normalized else None


def phone_exchange(phone: str | None) -> str | None:
    """Area code and exchange, the number without its subscriber part: ``029-873-2511`` ->
    ``029873``. None unless the number is printed in three groups (the split is never guessed)."""
    normalized = normalize_phone(phone) if phone else None
    groups = normalized.split("-") if normalized else []
    return "".join(groups[:-1]) if len(groups) == 3 else None
