"""Spelling variants that name one body: 異体字, small kana, ケ/ヶ/ヵ, kana script, dashes.

Pure and total (any ``str`` in, a ``str`` out). Meant for match keys only, never for a printed
column: `fold_variants("竜ヶ﨑 髙橋クリニック")` is not how anyone printed it.
"""

from __future__ import annotations

import regex

# 異体字 printed for the common form in Japanese names and places. NFKC leaves these alone
# (﨑 U+FA11 is a unified ideograph, 髙 U+9AD9 a separate character). Data, not logic: add rows.
_KANJI_VARIANTS = {
    "髙": "高",
    "﨑": "崎",
    "嵜": "崎",
    "碕": "崎",
    "邉": "辺",
    "邊": "辺",
    "澤": "沢",
    "濱": "浜",
    "濵": "浜",
    "齋": "斎",
    "齊": "斉",
    "櫻": "桜",
    "廣": "広",
    "國": "国",
    "藏": "蔵",
    "德": "徳",
    "眞": "真",
    "龍": "竜",
    "瀨": "瀬",
    "惠": "恵",
    "會": "会",
    "醫": "医",
    "圓": "円",
    "關": "関",
    "嶋": "島",
    "嶌": "島",
    "槇": "槙",
    "栁": "柳",
    "壽": "寿",
    "榮": "栄",
    "黑": "黒",
    "淺": "浅",
    "條": "条",
    "舘": "館",
    "𠮷": "吉",
}
_SMALL_KANA = dict(
    zip(
        "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ",
        "あいうえおつやゆよわかけアイウエオツヤユヨワカケ",
        strict=True,
    )
)
_TABLE = str.maketrans({**_KANJI_VARIANTS, **_SMALL_KANA})
# ケ / ヶ / ヵ / が between two kanji is one place-name particle: 竜ヶ崎 = 竜ケ崎, 霞ヶ浦 = 霞ケ浦.
_KE_RE = regex.compile(r"(?<=\p{Han})[ヶヵケが](?=\p{Han})")
# ノ / の / 之 between two kanji: 一ノ瀬 = 一の瀬.
_NO_RE = regex.compile(r"(?<=\p{Han})[ノの之](?=\p{Han})")
# A dash after katakana is a long vowel mark: ステ-ション (OCR, half-width typists) = ステーション.
_DASH_RE = regex.compile(r"(?<=\p{Katakana})[-‐‑‒–—―−ｰ]")
_HIRAGANA_START, _HIRAGANA_END, _KANA_SHIFT = 0x3041, 0x3096, 0x60


def fold_kana_script(s: str) -> str:
    """Hiragana -> katakana (ありま -> アリマ): one reading, one key."""
    return "".join(chr(ord(c) + _KANA_SHIFT) if _HIRAGANA_START <= ord(c) <= _HIRAGANA_END else c for c in s)


def fold_variants(s: str) -> str:
    """Fold 異体字, ケ/ヶ/ヵ between kanji, ノ/の between kanji, small kana, katakana dashes and
    the kana script, in that order (the particle rules see the kana as printed)."""
    s = _KE_RE.sub("ケ", s)
    s = _NO_RE.sub("ノ", s)
    s = s.translate(_TABLE)
    s = _DASH_RE.sub("ー", s)
    return fold_kana_script(s)
