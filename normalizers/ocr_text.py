"""Known misreadings of the PP-OCR reader in Japanese text, fixed outside figures only (digits are
never touched: a figure is accepted only where two readers agree on its digits as read).

- simplified Chinese forms, which Japanese text never prints, to the Japanese form (况 → 況), and
  the Latin middle dot · to the Japanese ・;
- katakana ロ between two kanji to the kanji 口 (北ロ市 → 北口市); next to kana it stays;
- the long-vowel mark ー between two kanji to the kanji 一 (第ー回 → 第一回), and the kanji 一 right
  after a katakana and not before a kanji to ー (グル一プ → グループ; ケア一体 stays).
"""

from __future__ import annotations

import regex

# Simplified forms PP-OCR prints for Japanese kanji; none of them is a Japanese character.
SIMPLIFIED_TO_JAPANESE = str.maketrans(
    {
        "·": "・",  # the Latin middle dot: Japanese prints the katakana one
        "爱": "愛",
        "查": "査",
        "况": "況",
        "县": "県",
        "疗": "療",
        "际": "際",
        "连": "連",
        "诊": "診",
        "访": "訪",
        "问": "問",
        "协": "協",
        "议": "議",
        "实": "実",
        "绩": "績",
        "护": "護",
        "师": "師",
        "关": "関",
        "间": "間",
        "开": "開",
        "门": "門",
        "话": "話",
        "说": "説",
        "时": "時",
        "对": "対",
        "应": "応",
        "级": "級",
        "组": "組",
        "织": "織",
        "设": "設",
        "讯": "訊",
        "业": "業",
        "务": "務",
        "员": "員",
        "东": "東",
        "岛": "島",
        "进": "進",
        "过": "過",
        "还": "還",
        "现": "現",
        "发": "発",
        "证": "証",
        "书": "書",
        "计": "計",
        "划": "画",
        "报": "報",
        "职": "職",
        "种": "種",
        "临": "臨",
        "终": "終",
        "难": "難",
        "紧": "緊",
        "转": "転",
        "运": "運",
        "营": "営",
        "续": "続",
        "练": "練",
        "讲": "講",
        "习": "習",
        "从": "従",
        "机": "機",
        "构": "構",
        "络": "絡",
        "统": "統",
        "围": "囲",
        "约": "約",
        "导": "導",
        "环": "環",
    }
)
_KANJI = r"\p{Han}"
_KATAKANA = r"\p{Katakana}"
_RO_IN_KANJI = regex.compile(rf"(?<={_KANJI})ロ(?={_KANJI})")
_BAR_IN_KANJI = regex.compile(rf"(?<={_KANJI})ー(?={_KANJI})")
_ONE_AFTER_KATAKANA = regex.compile(rf"(?<={_KATAKANA})一(?!{_KANJI})")


def fix_confusions(text: str) -> str:
    """`text` with the known misreadings fixed; digits and everything else as read."""
    text = text.translate(SIMPLIFIED_TO_JAPANESE)
    text = _RO_IN_KANJI.sub("口", text)
    text = _BAR_IN_KANJI.sub("一", text)
    return _ONE_AFTER_KATAKANA.sub("ー", text)
