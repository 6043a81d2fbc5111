"""How two facility name keys relate: pure functions over keys (see normalizers.facility_names)."""

from __future__ import annotations

import difflib

import regex

from normalizers.facility_names import facility_kind_of_word, name_core, specialties
from normalizers.readings import reading_of

# A run of this many characters or more inserted inside a name makes another body
# (みらい平クリニック / みらい平こどもクリニック, つくば双愛病院 / つくば双愛病院分院);
# one character is a typo or an OCR slip (みらい平クカリニック).
DEFAULT_MIN_EXTENSION_CHARS = 2
# Keys shorter than this are never called one character apart (two-letter names differ by half).
DEFAULT_MIN_CLOSE_LENGTH = 4
# Names sharing a phone this similar (difflib ratio of the keys) are one printing apart.
DEFAULT_PHONE_NAME_SIMILARITY = 0.8
_HAN_RE = regex.compile(r"\p{Han}")


def similarity(a: str, b: str) -> float:
    """0-1: difflib's ratio of two keys (2 x matching characters / total characters), the higher
    of both orders (difflib's matching blocks depend on the order)."""
    ratios = (difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() for x, y in ((a, b), (b, a)))
    return round(max(ratios), 4)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def extends(a: str, b: str, min_chars: int = DEFAULT_MIN_EXTENSION_CHARS) -> bool:
    """Whether one key is the other with a run of `min_chars` or more inserted after its first
    character: a name for another body (分院, こども, 第二), not a new printing of the same one.
    A kind word added at the end is no new body (ナルシマ内科 / ナルシマ内科医院)."""
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) < min_chars:
        return False
    prefix = _common_prefix(short, long)
    suffix = min(_common_suffix(short, long), len(short) - prefix)
    if prefix == 0 or prefix + suffix < len(short):
        return False
    inserted = long[prefix : len(long) - suffix]
    return not (suffix == 0 and facility_kind_of_word(inserted))


def one_edit_apart(a: str, b: str, min_length: int = DEFAULT_MIN_CLOSE_LENGTH) -> bool:
    """Whether two different keys differ by one character replaced, added or dropped."""
    if a == b or min(len(a), len(b)) < min_length or abs(len(a) - len(b)) > 1:
        return False
    prefix = _common_prefix(a, b)
    suffix = _common_suffix(a[prefix:], b[prefix:])
    return max(len(a), len(b)) - prefix - suffix == 1


def spelling_variant(a: str, b: str) -> bool:
    """Whether two different keys, one of them with kanji, read alike: ``アリマ皮膚科クリニツク`` /
    ``有馬皮膚科クリニツク``, ``斎藤医院`` / ``斉藤医院`` (readings are cached: one lookup per key)."""
    if a == b or not (_HAN_RE.search(a) or _HAN_RE.search(b)):
        return False
    reading = reading_of(a)
    return reading is not None and reading == reading_of(b)


def related(a: str, b: str, min_similarity: float = DEFAULT_PHONE_NAME_SIMILARITY) -> bool:
    """Whether two keys are printings of one name: one ends with the other (a corporation name
    glued before it), the same core with another kind word (医院 / クリニック), one character
    apart, kana and kanji spellings, or `min_similarity` alike."""
    return (
        a.endswith(b)
        or b.endswith(a)
        or name_core(a) in (b, name_core(b))
        or name_core(b) == a
        or one_edit_apart(a, b)
        or spelling_variant(a, b)
        or similarity(a, b) >= min_similarity
    )


def compatible_with_shared_phone(a: str, b: str) -> bool:
    """Whether two keys of one kind that share a phone name one body: related printings, the
    same departments, and neither the other with a word inserted."""
    if a == b:
        return True
    return related(a, b) and specialties(a) == specialties(b) and not extends(a, b)


def close_names(a: str, b: str) -> str | None:
    """How two keys that may name one body are close, where only a shared phone could tell:
    one character apart, kana and kanji spellings, or one ending with the other (a corporation
    name glued before it). None for keys not close (or equal)."""
    if a == b:
        return None
    if one_edit_apart(a, b):
        return "names one character apart"
    if spelling_variant(a, b):
        return "one name spelt in kana and in kanji"
    if a.endswith(b) or b.endswith(a):
        return "one name ends with the other"
    return None
