"""The form registry: one description per version of the 計画（報告）書 form.

Each spec says which wording identifies it (scored over the document's own words, never its
year or file name), the titles of its three 取組, and the outcome sections it prints.
Period headers and outcome sections share their wording across versions and are described once
below; a version lists what it prints. Detection scores every spec; the best one at or above
`DEFAULT_FORM_THRESHOLD` wins, otherwise the caller raises `unknown_form`.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from normalizers.era import ERAS
from normalizers.text import compiled, fold_width, match_key

DEFAULT_FORM_THRESHOLD = 0.6
DEFAULT_FUZZY_CHARS_PER_ERROR = 10

ITEM_THEMES = {1: "intra_group", 2: "regional", 3: "awareness"}


@dataclass(frozen=True)
class FormSpec:
    id: str
    label: str
    # (wording, weight): positive weights identify the version, negative ones rule it out.
    signature: tuple[tuple[str, float], ...]
    item_titles: dict[int, str]
    # 取組効果 section -> its period columns in printed order (layout text, where the printed
    # headers may come out of order, is read against this).
    outcome_periods: dict[int, tuple[str, ...]] = field(default_factory=dict)


_PRIOR_PERIODS = {
    1: ("baseline", "plan", "actual"),
    2: ("baseline", "plan", "actual"),
    3: ("baseline", "actual"),
    4: ("baseline", "plan", "actual"),
}

FORMS: tuple[FormSpec, ...] = (
    FormSpec(
        id="H30",
        label="平成30年度様式 (医療機関同士, 事前協議月, 取組目標)",
        signature=(
            ("医療機関同士の連携強化", 3.0),
            ("事前協議月", 1.0),
            ("取組目標", 1.0),
            ("補助金交付申請", -3.0),
        ),
        item_titles={
            1: "これから在宅医療への参入又は拡充に取り組む医療機関同士の連携強化を図るための取組",
            2: "在宅医療を提供する連携体制として必要な拠点機能を担う取組",
            3: "在宅医療についての普及啓発活動等の取組",
        },
        outcome_periods=_PRIOR_PERIODS,
    ),
    FormSpec(
        id="R2-R3",
        label="令和2・3年度様式 (医療機関等, 事前協議月, 取組目標)",
        signature=(
            ("医療機関等の連携強化を図るための取組", 3.0),
            ("事前協議月", 1.0),
            ("取組目標", 1.0),
            ("医療機関同士の連携強化", -3.0),
            ("補助金交付申請", -3.0),
        ),
        item_titles={
            1: "これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化を図るための取組",
            2: "在宅医療を提供する連携体制として必要な拠点機能を担う取組",
            3: "在宅医療についての普及啓発活動等の取組",
        },
        outcome_periods=_PRIOR_PERIODS,
    ),
    FormSpec(
        id="R4",
        label="令和4年度様式 (補助金交付申請, 計画, 新しい取組名, 差(B)-(A))",
        signature=(
            ("補助金交付申請", 3.0),
            ("グループ化した医療機関等を支える取組", 2.0),
            ("患者・家族を中心とした在宅医療を推進するための取組", 2.0),
            ("差(B)-(A)", 1.0),
            ("事前協議月", -2.0),
        ),
        item_titles={
            1: "グループ化した医療機関等を支える取組",
            2: "患者・家族を中心とした在宅医療を推進するための取組",
            3: "在宅医療についての普及啓発活動等の取組を行う取組",
        },
        outcome_periods={
            1: ("baseline", "plan", "actual"),
            2: ("baseline", "plan", "actual"),
            3: ("baseline", "actual"),
            4: ("baseline", "actual", "difference"),
        },
    ),
)

# Column headers of the 取組 table and the 取組効果 tables -> period, by the header's first words.
PERIOD_ALIASES: tuple[tuple[str, str], ...] = (
    ("現状", "baseline"),
    ("取組目標", "plan"),
    ("計画", "plan"),
    ("実績", "actual"),
    ("差", "difference"),
)

# 取組効果 sections: the words that name each section's heading, most specific first.
SECTION_ANCHORS: tuple[tuple[str, int], ...] = (
    ("死亡患者数", 3),
    ("紹介数", 4),
    ("合計回数", 2),
    ("合計診療患者数", 1),
)


@dataclass(frozen=True)
class MetricPattern:
    metric: str
    unit: str
    # Regex over the width-folded cell: group "v" holds the printed figure (empty: a blank cell).
    pattern: str
    # The word that names this figure inside a cell; where it is printed but the pattern does not
    # read, the figure is kept as unreadable (null + check), never dropped.
    anchor: str | None = None


_V = r"(?P<v>[-+−▲△]?\s*[0-9][0-9,]*|[-+−▲△]?)"  # a signed figure (差 (B)-(A)), or nothing


# How each section's cells print their figures. Section 4 takes its metric from the row label.
SECTION_CELLS: dict[int, tuple[MetricPattern, ...]] = {
    1: (MetricPattern("patients", "名", rf"^\s*{_V}\s*名\s*$"),),
    2: (
        MetricPattern("visits", "回", rf"合計回数\s*[:：]?\s*{_V}\s*回", "合計回数"),
        MetricPattern("visits_on_call", "回", rf"往診\s*[:：]?\s*{_V}\s*回", "往診"),
        MetricPattern("visits_scheduled", "回", rf"訪問診療\s*[:：]?\s*{_V}\s*回", "訪問診療"),
    ),
    3: (
        MetricPattern("deaths", "名", rf"死亡患者数\s*[:：]?\s*{_V}\s*名", "死亡患者数"),
        MetricPattern("deaths_outside_hospital", "名", rf"医療機関以外\s*[:：]?\s*{_V}\s*名", "医療機関以外"),
    ),
    4: (MetricPattern("count", "件", rf"^\s*{_V}\s*件\s*$"),),
}
# In layout renditions a row's cells are found by the word that opens each cell, or by the unit
# that closes it (peeled off the row's end).
SECTION_CELL_OPENERS: dict[int, str] = {2: "合計回数", 3: "死亡患者数"}
SECTION_CELL_UNITS: dict[int, str] = {1: "名", 4: "件"}

SECTION4_ROW_METRICS: tuple[tuple[str, str], ...] = (
    ("逆紹介数", "reverse_referrals"),
    ("急変時の受入数", "emergency_admissions"),
    ("紹介数", "referrals"),
)
SECTION4_ROW_ORDER = ("referrals", "emergency_admissions", "reverse_referrals")  # as the form prints them

# Rows that give the group total rather than one institution: the label ends with these words.
TOTAL_ROW_ENDINGS = ("合計", "総計", "合 計")
TOTAL_ROW_LABELS = ("連携する医療機関内の合計",)  # as the forms print it (layout text wraps it)


def is_total_label(label: str) -> bool:
    return any(match_key(label).endswith(match_key(w)) for w in TOTAL_ROW_ENDINGS)


# Printed instructions of the form (never data).
INSTRUCTION_WORDS = ("記載例",)

# How names of facilities end: labels of an org chart drawn inside a cell are such names.
FACILITY_NAME_ENDINGS = (
    "医師会",
    "薬剤師会",
    "クリニック",
    "医院",
    "病院",
    "診療所",
    "内科",
    "外科",
    "小児科",
    "皮膚科",
    "眼科",
    "歯科",
    "ステーション",
    "センター",
    "薬局",
    "事業所",
    "ホーム",
    "市役所",
    "町役場",
    "村役場",
)


def is_facility_name(text: str) -> bool:
    key = match_key(text)
    return bool(key) and key.endswith(FACILITY_NAME_ENDINGS)


MEMBER_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("医師会", "medical_association"),
    ("参入又は拡充", "participant"),
    ("これから在宅医療", "participant"),
    ("後方支援", "backup_hospital"),
)
DESIGNATION_WORDS: tuple[tuple[str, str], ...] = (("拠点", "hub"), ("積極的役割", "active"))


@dataclass(frozen=True)
class FormMatch:
    spec: FormSpec | None
    score: float


def has_wording(text_key: str, words: str) -> bool:
    """Whether the text holds the wording; a long wording may differ by one character in ten
    (OCR misreads: `医機関等の連携強化を図るための取組`)."""
    key = match_key(words)
    if key in text_key:
        return True
    errors = len(key) // DEFAULT_FUZZY_CHARS_PER_ERROR
    if errors == 0:
        return False
    pattern = compiled(f"(?:{regex.escape(key)}){{e<={errors}}}")
    return any(
        pattern.search(text_key, start, end) is not None for start, end in windows(text_key, key, errors)
    )


def windows(text_key: str, key: str, errors: int) -> list[tuple[int, int]]:
    """Where in `text_key` a match of `key` with at most `errors` edits can lie, as disjoint
    (start, end) ranges in order: a match leaves one of `errors + 1` parts of `key` intact, and
    reaches from that part as far as the rest of `key` and `errors` insertions do (the fuzzy search
    over the ranges finds what it finds over the whole text, at a fraction of the cost)."""
    found = []
    for part, offset in parts_at(key, errors + 1):
        at = text_key.find(part)
        while at >= 0:
            found.append((max(0, at - offset - errors), at - offset + len(key) + errors))
            at = text_key.find(part, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def parts_at(key: str, count: int) -> list[tuple[str, int]]:
    """`key` cut into `count` consecutive parts of (nearly) equal length, each with its offset."""
    cuts = [i * len(key) // count for i in range(count + 1)]
    return [(key[a:b], a) for a, b in itertools.pairwise(cuts)]


def score_form(spec: FormSpec, text_key: str) -> float:
    positive = sum(w for _, w in spec.signature if w > 0)
    hits = sum(w for words, w in spec.signature if has_wording(text_key, words))
    return max(0.0, hits / positive) if positive else 0.0


def detect_form(text: str, threshold: float = DEFAULT_FORM_THRESHOLD) -> FormMatch:
    return form_of_key(match_key(text), threshold)


def detect_form_in(texts: Sequence[str], threshold: float = DEFAULT_FORM_THRESHOLD) -> FormMatch:
    """`detect_form` of the texts joined by line breaks, from each text's key (cached: a document's
    whole text is keyed once for its kind and its form): a line break joins no two characters into
    one under NFKC and the key drops it, so the joined text's key is the texts' keys joined."""
    return form_of_key("".join(map(match_key, texts)), threshold)


def form_of_key(key: str, threshold: float = DEFAULT_FORM_THRESHOLD) -> FormMatch:
    scored = sorted(((score_form(spec, key), spec) for spec in FORMS), key=lambda p: -p[0])
    best_score, best = scored[0]
    return FormMatch(spec=best if best_score >= threshold else None, score=round(best_score, 3))


# Bounded: keys are words of every document a worker reads (a -layout header line's words are
# asked about again and again, alone and in pairs).
DEFAULT_HEADERS_CACHED = 1 << 14


@functools.lru_cache(maxsize=DEFAULT_HEADERS_CACHED)
def period_of_header(header: str) -> str | None:
    key = match_key(header)
    for words, period in PERIOD_ALIASES:
        if key.startswith(words):
            return period
    return None


def section_of_heading(heading: str) -> int | None:
    key = match_key(heading)
    for words, section in SECTION_ANCHORS:
        if words in key:
            return section
    return None


def first_word_match(text: str, table: tuple[tuple[str, str], ...]) -> str | None:
    key = match_key(text)
    for words, value in table:
        if words in key:
            return value
    return None


# --- document kinds -------------------------------------------------------------------------
PROGRAMME_WORDS = ("グループ化推進事業", "医療提供施設等グループ化")
MEMBER_LIST_WORDS = ("医療機関一覧", "所在地")
REPORT_STRUCTURE_WORDS: tuple[tuple[str, ...], ...] = (
    ("取組事項", "取組内容"),
    ("取組効果",),
    MEMBER_LIST_WORDS,
)


def has_member_list(text: str) -> bool:
    key = match_key(text)
    return all(w in key for w in MEMBER_LIST_WORDS)


def classify_document(text: str) -> str:
    """`report` when the text has the report's own structure, `guidance` when it only speaks of the
    programme (slides, notices), `unknown` otherwise."""
    key = match_key(text)
    if any(all(match_key(w) in key for w in words) for words in REPORT_STRUCTURE_WORDS):
        return "report"
    if any(w in key for w in PROGRAMME_WORDS):
        return "guidance"
    return "unknown"


# The wording a report or its 別添1 member list opens with, printed before its first table: the
# 別添 label and its note, the member list's subtitle, the group-name line, the form's
# introduction and the 取組 heading (matched at the start of a line, after `match_key`). With a
# title line (a fiscal year and the programme's name), it marks where a report in a bundle begins.
REPORT_OPENING_WORDS = (
    "別添",
    "※本票",
    "（取組状況に応じて随時",
    "（参入促進・連携（グループ化）している医療機関一覧）",
    "参入促進・連携（グループ化）名",
    "グループ名",
    "※これから在宅医療への参入又は拡充",
    "なお、必要に応じ",
    "【地域で支え合う",
)


# ======================================================================================

# Wording of the table locators and builders (tsv_html, markdown, pdf_text): header words, column
# words, title and group-name patterns. Layout-text wording has a section of its own.
# =============================================================================================

# How checks name the parts of the form they point to.
PART_LABELS = {"items": "取組", "members": "別添1", "outcomes": "取組効果"}
# Header words of the 取組 table: the item's title column and its content column (both in one row).
ITEM_TITLE_HEADER = "取組事項"
ITEM_CONTENT_HEADER = "取組内容"
# A header row holding this word opens the 別添1 member list.
MEMBER_TABLE_HEADER = "所在地"
# Words beside 所在地 that make a header row the 別添1 list's: as a bundle's cut reads a lone header
# line (MEMBER_LIST_HEADER_WORDS) and as a table run into another one reads a row of cells
# (MEMBER_TABLE_COLUMN_WORDS).
MEMBER_LIST_HEADER_WORDS = ("①拠点", "積極的役割", "郡市医師会名", "問い合わせ", "電話番号")
MEMBER_TABLE_COLUMN_WORDS = ("①拠点", "積極的役割", "郡市医師会名", "医療機関等名", "問い合わせ", "電話")
# The heading printed over the 取組 table (`【地域で支え合う…】`).
ITEMS_TABLE_HEADING = "【地域で支え合う"
# Member-list column header words -> the column's role, first match wins.
MEMBER_COLUMN_WORDS: tuple[tuple[str, str], ...] = (
    ("①", "designation"),
    ("所在地", "address"),
    ("電話", "phone"),
    ("問い合わせ", "phone"),
    ("医療機関", "name"),
    ("名称", "name"),
)
# Headers of the 取組効果 column that names each row's institution, as printed without a note in
# brackets or after ※ (`医療機関名（※医療機関ごとに記載）` -> `医療機関名`). Compared whole, never
# as a part: another wording is unknown and its rows are not read.
INSTITUTION_COLUMN_ALIASES = (
    "医療機関名",
    "医療機関等名",
    "機関名",
    "医療機関",
    "医療機関等",
    "医療機関の名称",
    "医療機関名称",
)
INSTITUTION_COLUMN_HEADER = INSTITUTION_COLUMN_ALIASES[0]  # as the forms print it
_BRACKETED = regex.compile(r"\([^()]*\)?")

# Numbers that open a 取組 title (`1 これから…`) and a 取組効果 section heading (`２ 在宅に…`),
# matched on width-folded text.
ITEM_NUMBER_PATTERN = regex.compile(r"^\s*([1-3])(?![0-9])")
SECTION_NUMBER_PATTERN = regex.compile(r"^\s*([1-4])(?![0-9])")

# A year printed before these words names the report (`令和 2 年度茨城県医療提供施設等…`).
TITLE_FOLLOWERS = ("茨城県医療提供施設等グループ化推進事業", "医療提供施設等グループ化推進事業")
# Words a title line holds soon after its year (a title misread by OCR still holds one).
TITLE_WORDS = ("グループ化推進", "計画(報告)書")
# The period after the grouping, printed as `（グループ化後（Ｒ3年度（Ｂ）））`, is the report's year.
REPORT_PERIOD_MARK = regex.compile(r"^\s*[(（]\s*[BＢ]\s*[)）]")

# Where a report prints its group's name: the member list's title line, or a `グループ名` paragraph.
# The group-name label with its name not printed on its line (a narrow cell wraps it).
GROUP_NAME_LABEL_ALONE = regex.compile(r"^\s*グループ名\s*[:：]?\s*$")
GROUP_NAME_PATTERNS = (
    regex.compile(r"参入促進・連携[（(]グループ化[）)]名\s*[:：]?\s*(?P<name>.+)", regex.DOTALL),
    regex.compile(r"^\s*グループ名\s*[:：]?\s*(?P<name>.+)", regex.DOTALL),
)
GROUP_NAME_LABEL = "グループ名"
# Labels a bundle's cover or form prints before a group's name (`グループ化）名`).
GROUP_NAME_LABELS = ("グループ名", "グループ化）名", "グループ化)名")
# How a group's name ends (`…連携グループ`, `竜ヶ崎地区グループ 1`): where a sentence follows the
# name in the same paragraph, the name ends at the first of these.
_GROUP_NUMBER = r"\s?(?:[0-9０-９]{1,2}|[①-⑳]|[A-ZＡ-Ｚ])"  # a group's number or letter after its word
GROUP_NAME_ENDING = regex.compile(rf"グループ(?:{_GROUP_NUMBER}(?=$|\s))?")
# A name wrapped line by line by a narrow cell, without quotes, ends certainly at a line ending
# with one of these words (and its number) where a ※ note or a blank line follows
# (`グループ名 高萩市医` | `師会連携グループ` | `※参考資料 1 …`).
GROUP_NAME_CLOSING = regex.compile(rf"(?:グループ|ネットワーク)(?:{_GROUP_NUMBER})?$")
# A name printed in quotes (`「竜ヶ崎地区グループ 1」`) ends with its closing quote.
QUOTED_NAME = regex.compile(r"^\s*[「『](?P<name>[^」』]+)[」』]")
# What starts a note after the name (`※参考資料1 …参照`), and marks a sentence (not a name).
NOTE_MARK = "※"
SENTENCE_MARKS = ("。", "、")
REFERENCE_NOTE_WORDS = ("参考資料",)
REFERENCE_NOTE_ENDING = "参照"
# `①拠点、②積極的役割を担う医療機関`: each circled number of the designation header and its words.
DESIGNATION_LABEL = regex.compile(r"([①-⑳])\s*([^①-⑳、,，]+)")


def is_institution_column(header: str) -> bool:
    """Whether a 取組効果 column header names the institution of each row."""
    key = _BRACKETED.sub("", match_key(header)).split(NOTE_MARK)[0].strip(":：・")
    return key in INSTITUTION_COLUMN_ALIASES


def reads_as_figure(text: str) -> bool:
    """Whether a cell reads as one of the form's figure cells (`12名`, `合計回数: 3回`, a blank `名`):
    an institution or row label that does is a cell shifted out of its column."""
    folded = fold_width(text).replace("\n", "")
    if not folded.strip():
        return False
    return any(
        compiled(pattern.pattern).search(folded) is not None
        for patterns in SECTION_CELLS.values()
        for pattern in patterns
    )


def figure_cell_complete(section: int, text: str) -> bool:
    """Whether a 取組効果 cell prints each figure its section asks for whole: every figure word
    printed is followed by its value and unit (`訪問診療: 179` alone is not: the rest of the row
    was printed on the next page). A blank cell is complete."""
    folded = fold_width(text).replace("\n", "")
    if not folded.strip():
        return True
    for pattern in SECTION_CELLS.get(section, ()):
        printed = pattern.anchor is None or pattern.anchor in folded
        if printed and compiled(pattern.pattern).search(folded) is None:
            return False
    return True


def is_group_name_paragraph(paragraph: str) -> bool:
    return match_key(paragraph).startswith(GROUP_NAME_LABEL)


def is_reference_note(paragraph: str) -> bool:
    """A ※ note that points to another document (`※参考資料1 水戸市「…」参照`)."""
    key = match_key(paragraph)
    return key.startswith(NOTE_MARK) and (
        any(w in key for w in REFERENCE_NOTE_WORDS) or key.endswith(REFERENCE_NOTE_ENDING)
    )


# --- layout text (pdftotext) -----------------------------------------------------------------
# The wording the layout locators (pipeline/locate/layout*.py) read flattened text by: printed by
# the form itself, shared by its versions (a version's own wording sits in its FormSpec above).

# The note printed under an item's title in the 取組事項 column (items 1 and 2).
ITEM_TITLE_NOTES = ("※グループ内の取組に関すること。", "※地域との連携に関すること。")
ITEMS_HEADER_WORDS = (ITEM_TITLE_HEADER, ITEM_CONTENT_HEADER)  # the 取組 table's header, on one line or a few
# Lines that end the 取組 table: the note under it, the 別添 label, the 取組効果 heading.
ITEMS_END_WORDS = ("※これから在宅医療への参入又は拡充", "別添", "※本票", "【参入促進", "※「参入促進")
# The heading over the 取組効果 tables (`【令和 2 年度 参入促進・連携（グループ化）の実績】`).
OUTCOMES_HEADING_WORDS = ("取組効果", "実績】")
# Short cells of the 現状/目標/実績 columns that state no count.
STATUS_WORDS = (
    "随時",
    "未定",
    "未実施",
    "実施",
    "なし",
    "無し",
    "予定",
    "検討中",
    "継続",
    "中止",
    "延期",
    "-",
    "－",
    "―",
)
# Status words that are an entry of their own: printed alone after another entry's end
# (`医療機関への協力依頼（4月中）` | `随時`) they open an entry, never end the one before (`予定` and
# `実施` may: `年2回開催` | `予定`, `研修会 2回` | `実施`).
ENTRY_WORDS = ("随時", "未定", "準備中", "検討中")
# Words that go on after a date or a count (`令和3年5月1日` | `開催予定（オンライン）`,
# `6月22日（火）` | `午後1時～2時`, `研修会（12月）` | `中止となった`): a line that opens with one
# continues the entry before it.
GOES_ON_WORDS = ("開催", "予定", "実施", "午前", "午後", "中止", "延期", "終了", "完了", "参加")
# A short period cell that states a count (`3回`, `10 件`): a cell of its own, never a wrapped line.
STATUS_COUNT_PATTERN = r"[0-9]+\s*[回件名人]"
_FIGURE = r"[-+−▲△]?[0-9][0-9,]*"
_CELL_FIGURE = r"[^0-9名件()、,:]{0,2}[-+−▲△]?[0-9][0-9,.]*"  # a figure as typed, readable or not (`約0`)
# One whole 取組効果 cell per section, over its width-folded text without whitespace: a layout
# rendition prints a cell over several lines, and beside other cells, and these say where it ends.
LAYOUT_CELL_TEMPLATES: dict[int, str] = {
    1: rf"(?:{_CELL_FIGURE})?名",
    2: rf"合計回数:?(?:{_FIGURE})?回(?:\(うち往診:?(?:{_FIGURE})?回[、,]?訪問診療:?(?:{_FIGURE})?回\))?",
    3: rf"死亡患者数:?(?:{_FIGURE})?名(?:\(うち医療機関以外:?(?:{_FIGURE})?名\))?",
    4: rf"(?:{_CELL_FIGURE})?件",
}
# The headings of the 取組効果 sections, without their numbers (a long one wraps onto a second line).
OUTCOME_SECTION_HEADINGS = (
    "在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）",
    "在宅に赴いて診療（往診、訪問診療）する合計回数",
    "在宅に赴いて診療（往診、訪問診療）する合計診療患者数に占める死亡患者数（うち医療機関以外での死亡患者数）",
    (
        "グループ化した医療機関における後方支援病院等への在宅医療患者の診療の紹介数、急変時の受入数及び"
        "後方支援病院等からの逆紹介数"
    ),
    (
        "グループ化した医療機関が後方支援病院等（グループ内外問わず）への在宅医療患者の診療の紹介数、"
        "急変時の受入数及び後方支援病院等からの逆紹介数"
    ),
)
# The label a 取組効果 section prints across its rows (its wrapped pieces end in `合計` too).
OUTCOME_SECTION_LABELS = (
    "在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）",
    "在宅に赴いて診療（往診、訪問診療）する合計診療患者数に占める死亡患者数",
    "在宅に赴いて診療（往診、訪問診療）する合計回数",
)
# The character a whole cell of each section ends with (a cell without its (うち…) part may go on).
LAYOUT_CELL_ENDS: dict[int, str] = {1: "名", 2: ")", 3: ")", 4: "件"}
# Pieces of a figure cell whose lines came out of order (`問診療: 回)`): never a row's label.
LAYOUT_CELL_RESIDUE = r"[0-9]*[回名件][)）]|[:：]\s*[0-9]*\s*[回名件]|うち|往診:|医療機関以外"
# The list marker of a 取組効果 row's label (`・印南クリニック`); a note's mark is NOTE_MARK above.
LABEL_MARKERS = "・"
# Printed by the form in and around the 取組効果 tables, never data: the section labels, the
# 医療機関名 column header, the notes under the tables, the (記載例) row.
FORM_PHRASES: tuple[str, ...] = (
    *OUTCOME_SECTION_LABELS,
    "医療機関名(※医療機関ごとに記載)",
    "医療機関等名※医療機関ごとに記載",
    "医療機関名称",
    "区分",
    (
        "※在宅に赴いてこれから診療を始めようとする、又はその取り組みを拡充しようとする医療機関における"
        "合計診療患者数に占める死亡患者数（うち医療機関以外での死亡患者数）を記載。"
    ),
    (
        "※在宅に赴いてこれから診療を始めようとする、又はその取り組みを拡充しようとする医療機関における"
        "合計診療患者数（※実人数を記載）を記載。"
    ),
    (
        "※在宅に赴いてこれから診療を始めようとする、又はその取り組みを拡充しようとする医療機関における"
        "合計回数を記載。"
    ),
    (
        "※「在宅に赴いて診療（往診、訪問診療）」とは、自宅へ赴くものとする。施設、グループホーム、"
        "サービス付き高齢者向け住宅等は含まない。"
    ),
    (
        "※「参入促進・連携（グループ化）の取組効果」の公表の取扱いについて、1から2の事項については個々の"
        "医療機関の情報は公表せず、連携する医療機関内の合計数を公表する。また、3の事項（死亡患者数）について"
        "は公表の対象とせず、医療機関からの報告のみとする。"
    ),
    "現状(事前協議月の前月から過去6箇月間の状況)",
    "取組目標(事前協議月から向こう6箇月間の取組)",
    "取組目標(事前協議月から今回6箇月間の取組)",
    "実績(事前協議月から翌年3月末までの取組)",
    "現状(補助金交付申請の前月から過去6箇月間の状況)",
    "計画(補助金交付申請の月から翌年3月末までの取組)",
    "実績(補助金交付申請の月から翌年3月末までの取組)",
    "(記載例)補助金交付申請が6月の場合⇒12月から5月までの期間",
    "(記載例)補助金交付申請が6月の場合⇒6月から3月までの期間の計画",
    "(記載例)補助金交付申請事が6月の場合⇒6月から3月までの期間",
    # the same row as the R2/R3 forms word their period (事前協議月)
    "(記載例)事前協議が6月の場合⇒12月から5月までの期間",
    "(記載例)事前協議が6月の場合⇒6月から3月までの期間の計画",
    "(記載例)事前協議事が6月の場合⇒6月から3月までの期間",
)
# What a period column's header says in parentheses after its word (現状, 取組目標, …), and
# pieces of it that wrap onto lines of their own.
PERIOD_NOTE_WORDS = (
    "事前協議月",
    "補助金交付申請",
    "グループ化前",
    "グループ化後",
    "年度",
    "(B)-(A)",
    "(A)",
    "(B)",
    "箇月間",
    "月末まで",
    "までの取組",
    "間の状況",
)
# Pieces of a period header's parenthesis as layout text wraps it (`の前月から過`, `から向こう６`,
# `状況）`): a line of such pieces under the period words is still the header.
PERIOD_NOTE_PIECES = (
    "前月",
    "過去",
    "向こう",
    "翌年",
    "箇月",
    "状況",
    "取組",
    "末まで",
    "申請",
    "協議",
    "補助金",
)
# Marks that open a heading (`【…】`) or a note (`※…`): such a run is never a piece of a column header.
HEADING_OR_NOTE_MARKS = "【※"
# Words a period header's parenthesis opens with (a parenthesis inside it opens otherwise).
PERIOD_NOTE_OPENERS = ("事前協議月", "補助金交付申請", "グループ化前", "グループ化後")
# The 別添1 member list: its column headers, the labels of its merged role cells as printed, the
# designation header that says what ① and ② mean, the note under it, and how addresses open.
MEMBER_HEADER_PHRASES = (
    "区分",
    "①拠点、②積極的役割を担う医療機関",
    "郡市医師会名又は医療機関等名",
    "所在地",
    "問い合わせ先(電話番号)",
)
MEMBER_ROLE_LABELS = ("郡市医師会", "これから在宅医療への参入又は拡充に取り組む医療機関等", "後方支援病院等")
MEMBER_DESIGNATION_HEADER = "①拠点、②積極的役割を担う医療機関"
MEMBER_DESIGNATION_MARKS = ("①", "②")
MEMBER_TITLE_WORDS = ("参入促進・連携", "医療機関一覧")  # the list's title and group name lines
MEMBER_LIST_END_WORDS = ("※①", "※本票", "【地域で支え合う", "取組事項", "【参入促進")
MEMBER_PAGE_LABEL = REPORT_OPENING_WORDS[0]  # the 別添 label the list's page opens with
ADDRESS_PREFECTURES = ("茨城県",)
# The units of an address's number (`1 丁目 1 番 13 号`): a line made of them and digits alone is the
# wrapped rest of an address whose number they finish, never a piece of a name.
ADDRESS_NUMBER_UNITS = ("丁目", "番地", "番", "号")
ADDRESS_NUMBER_LAST_UNIT = "号"  # the unit after which an address's number goes on no further


# --- scanned pages (OCR) -----------------------------------------------------------------------
# What the form prints, as the OCR reader reads it back (`extractors.ocr_lexicon`): where the
# recognizer reads one letter of these otherwise (取相事項, 実精: a binarized scan's broken strokes)
# and gives the printed letter weight of its own, the printed letter is taken.
OCR_FORM_PHRASES: tuple[str, ...] = (
    *FORM_PHRASES,
    *OUTCOME_SECTION_HEADINGS,
    *MEMBER_HEADER_PHRASES,
    *MEMBER_ROLE_LABELS,
    *MEMBER_TITLE_WORDS,
    *REPORT_OPENING_WORDS,
    *ITEM_TITLE_NOTES,
    *ITEMS_HEADER_WORDS,
    *ITEMS_END_WORDS,
    *OUTCOMES_HEADING_WORDS,
    *PROGRAMME_WORDS,
    *TITLE_FOLLOWERS,
    *TITLE_WORDS,
    *(words for words, _ in PERIOD_ALIASES),
    *TOTAL_ROW_LABELS,
    *INSTITUTION_COLUMN_ALIASES,
    *(f"({era.name}0年度)" for era in ERAS),  # a period column's year (`取組目標(令和2年度)`); any digits
)
