"""Match keys, kinds and specialties of facility names (for linking one body across reports).

Pure functions: a printed name in, a key out. The key is for comparing, never for display:
``医療法人 みらい平クリニック`` and ``みらい平ｸﾘﾆｯｸ`` both give ``ミライ平クリニツク``.
"""

from __future__ import annotations

import unicodedata

import regex

from normalizers.names import split_corporation
from normalizers.text import compiled
from normalizers.variants import fold_variants

# facilities.kind (SCHEMA v2); `other` where no word below names one.
FACILITY_KINDS = ("clinic", "hospital", "visiting_nurse_station", "medical_association", "other")
# Words that name a kind, matched on the key (katakana-folded). The rightmost match wins, so
# `水戸市医師会病院` is a hospital and `〇〇病院訪問看護ステーション` a visiting-nurse station.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("medical_association", r"医師会"),
    (
        "visiting_nurse_station",
        r"訪問看護|看護ステ[ーイ]?ション|訪問.護ステ[ーイ]?ション|ナースステーション|訪看",
    ),
    ("hospital", r"病院|医療センター"),
    ("clinic", r"クリニック|診療所|医院|内科|外科|小児科|皮膚科|眼科|耳鼻咽喉科|泌尿器科|歯科|婦人科"),
)
_KIND_RES = tuple((kind, regex.compile(fold_variants(pattern))) for kind, pattern in KIND_WORDS)
# Departments and target patients a name states: two names that state different ones are
# different bodies even where they share a phone (みらい平クリニック / みらい平こどもクリニック).
_SPECIALTIES = (
    "内科 外科 整形外科 形成外科 脳神経外科 心臓血管外科 消化器外科 皮膚科 小児科 眼科 耳鼻咽喉科 耳鼻科 "
    "泌尿器科 精神科 心療内科 神経内科 脳神経内科 婦人科 産婦人科 産科 循環器 消化器 呼吸器 胃腸 "
    "肛門 腎 透析 リハビリ 歯科 小児歯科 放射線科 麻酔科 ペイン 緩和 乳腺 糖尿病 内分泌 美容 "
    "こども 子ども 子供 小児 レディース 女性 在宅 訪問診療"
)
SPECIALTY_WORDS: tuple[str, ...] = tuple(fold_variants(w) for w in _SPECIALTIES.split(" "))
# Markers printed before a name in a list: ・, ●, ①, (1), 1. …
_LEAD_MARKS_RE = regex.compile(r"^(?:[\s・･●○◎◯■□◆◇▶▷►▸※*＊\-‐]|[①-⑳]|\(\d{1,2}\)|\d{1,2}[.)．])+")
_DROPPED_RE = regex.compile(r"[\s・･]")


def facility_kind_of_word(s: str) -> bool:
    """Whether ``s`` is nothing but a kind word (``クリニック``, ``病院``)."""
    key = fold_variants(unicodedata.normalize("NFKC", s))
    return any(r.fullmatch(key) for _, r in _KIND_RES)


def facility_key(name: str) -> str:
    """The key two printings of one name share: list markers and the corporation dropped,
    NFKC, 異体字 / small kana / ケ folded, hiragana as katakana, no spaces or middle dots.
    ``・医療法人貴風会 なかざわクリニック`` -> ``ナカザワクリニツク``. A corporation's name glued to the
    facility's (医療法人貴風会なかざわクリニック) stays in the key: where it ends is not printed, so it
    is never guessed; linking compares such keys by their ends."""
    s = unicodedata.normalize("NFKC", str(_LEAD_MARKS_RE.sub("", name)))
    s = str(_LEAD_MARKS_RE.sub("", s))
    return fold_variants(str(_DROPPED_RE.sub("", split_corporation(s, glued_body=False)[1])))


def facility_kind(name: str) -> str:
    """``clinic``, ``hospital``, ``visiting_nurse_station``, ``medical_association`` or ``other``,
    read from the name's rightmost kind word."""
    return kind_of_key(facility_key(name))


def kind_of_key(key: str) -> str:
    """facility_kind of a name already made a key (facility_key)."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in _KIND_RES:
        for m in pattern.finditer(key):
            candidate = (m.end(), m.end() - m.start(), kind)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best else "other"


def name_core(key: str) -> str:
    """A key without the kind word it ends with: ``ナルシマ内科医院`` -> ``ナルシマ内科``."""
    for _, pattern in _KIND_RES:
        m = compiled(f"(?:{pattern.pattern})$").search(key)
        if m and m.start() > 0:
            return key[: m.start()]
    return key


def specialties(key: str) -> frozenset[str]:
    """The departments a key states, a word inside a longer one dropped (心療内科, not 内科)."""
    found = {w for w in SPECIALTY_WORDS if w in key}
    return frozenset(w for w in found if not any(w != v and w in v for v in found))


def group_match_key(group_name: str | None) -> str | None:
    """A printed group name as a key: ``竜ヶ崎地区グループ 1`` = ``竜ケ崎地区グループ１``."""
    if not group_name:
        return None
    key = fold_variants(str(_DROPPED_RE.sub("", unicodedata.normalize("NFKC", group_name))))
    return key or None
