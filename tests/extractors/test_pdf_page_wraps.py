"""Soft and hard line breaks inside a cell, on synthetic lines: a break is soft (a wrap) only
when the next line's first unit would not have fitted, counting the autospace office software
puts between Latin and Asian neighbours and a space printed at the line's end."""

from __future__ import annotations

import pytest

from extractors.pdf_page import (
    DEFAULT_CELL_SLACK,
    Char,
    Line,
    first_unit_width,
    is_soft_wrap,
    join_lines,
    measure_autospace,
)

SIZE = 7.0
DIGIT = 3.885


def line(text: str, baseline: float, x0: float = 0.0, autospace: float = 0.0) -> Line:
    chars, x = [], x0
    for i, ch in enumerate(text):
        width = DIGIT if ch.isascii() and ch.isalnum() else (2.3 if ch == " " else SIZE)
        prev = text[i - 1] if i else ""
        if prev and (prev.isascii() and prev.isalnum()) != (ch.isascii() and ch.isalnum()) and ch != "（":
            x += autospace * SIZE if prev != "（" else 0.0
        chars.append(Char(ch, x, x + width, baseline, SIZE))
        x += width
    return Line(tuple(chars))


def test_a_unit_that_would_have_fitted_makes_the_break_hard() -> None:
    prev, nxt = line("調査期間調査期", 10), line("発送", 19)
    assert not is_soft_wrap(prev, nxt, available=8 * SIZE + 0.1 * SIZE, slack=DEFAULT_CELL_SLACK)
    assert is_soft_wrap(prev, nxt, available=8 * SIZE - 0.5, slack=DEFAULT_CELL_SLACK)
    # within the cell slack of fitting (measurement noise): a wrap
    assert is_soft_wrap(prev, nxt, available=8 * SIZE + 0.02 * SIZE, slack=DEFAULT_CELL_SLACK)


def test_autospace_before_an_asian_char_after_a_digit_counts() -> None:
    prev, nxt = line("医療機関への協力依頼（6", 10), line("月中）", 19)
    available = prev.chars[-1].x1 + SIZE + 0.5  # the unit fits, but not with 0.2 em of autospace
    assert not is_soft_wrap(prev, nxt, available, autospace=0.0, slack=0.0)
    assert is_soft_wrap(prev, nxt, available, autospace=0.2, slack=0.0)


def test_a_space_printed_at_the_line_end_must_fit_too() -> None:
    prev, nxt = line("在宅に赴いて診療） ", 10), line("する", 19)
    ink_end = prev.chars[-2].x1
    assert is_soft_wrap(prev, nxt, available=ink_end + SIZE + 1.0, slack=0.0)


def test_measure_autospace_from_the_page() -> None:
    chars = list(line("令和4年9月2日開催R3年度", 10, autospace=0.2).chars)
    assert abs(measure_autospace(chars) - 0.2) < 1e-6
    assert measure_autospace(list(line("医療機関名", 10).chars)) == 0.0


def test_a_char_that_cannot_open_a_line_goes_with_the_one_before() -> None:
    """`市・` wraps together: ・ may not open a line (kinsoku), so `市` did not fit."""
    prev, nxt = line("グループ名：「常総", 10), line("市・かすみ", 19)
    available = prev.chars[-1].x1 + SIZE + 1.0  # room for 市, not for 市・
    assert is_soft_wrap(prev, nxt, available, slack=DEFAULT_CELL_SLACK)


def test_a_full_line_that_ends_a_count_before_a_new_label_ends_its_paragraph() -> None:
    """Where the fit cannot tell (the line is full), a count or bracket at its end followed by a
    count, a `label：` or a year opens a new paragraph; a time after a date does not."""
    full = 8 * SIZE  # every prev line below fills the cell: the next unit cannot fit
    assert not is_soft_wrap(line("ケース会議：10回", 10), line("調査期間：令和3", 19), full)
    assert not is_soft_wrap(line("研修会（2回）", 10), line("4回/年", 19), full)
    assert is_soft_wrap(line("開催日10/15(金)", 10), line("14時30分～", 19), full)
    assert is_soft_wrap(line("研修会等への参加", 10), line("を行う", 19), full)
    # an open time range ends its entry before a count; a rate range (`年1～` | `2回`) does not
    for prev_text, next_text, soft in [
        ("発送：1月3日18:30～", "１回（8月〜12月）", False),
        ("講演会19時～", "2回", False),
        ("勉強会を年1～", "2回", True),
        ("発送：1月3日18:30～", "20:00", True),
    ]:
        prev = line(prev_text, 10)
        assert is_soft_wrap(prev, line(next_text, 19), prev.chars[-1].x1) == soft, (prev_text, next_text)


@pytest.mark.parametrize(
    ("prev_text", "next_text", "soft"),
    [
        # an entry held after a bracket, a date or a time, then a count, a label or a katakana word
        ("※定期的（1回/3箇月）開催", "24回/年", False),
        ("4月20日（火）開催", "調査期間：6月-7月", False),
        ("R1.7.10(水)開催", "ネットワーク会", False),
        ("2021年7月10日開催", "ホームページ掲載", False),
        # a date's day (also in kanji numerals) or a closed time range, then a count or a rate
        ("開催日時：令和3年12月29日", "24回", False),
        ("開催日時：令和二年十月六日", "12回（8月-12月）", False),
        ("令和三年四月十九日開催", "住民向け勉強会（12回）", False),
        ("7/21(土)19時～20時", "月2回程度開催", False),
        # held at a rate, on a dotted date or after an open time, then a count, a label or a word
        # with a count (also one wrapped inside its word)
        ("月３回程度開催", "12回", False),
        ("H30.11.22開催", "6回/年", False),
        ("（日）9:00～開催", "市民公開講座：１", False),
        ("16日(水)9時～10時", "出前講座（1回）", False),
        # a count, then a word with a count of its own (one entry states one count)
        ("症例検討会：18回", "症例検討会 2回", False),
        ("会議（24回）", "ケース会議（１８回）", False),
        # wraps: the minutes of an hour, a range's end (no `label：`), `開催` after a date
        ("13時30分～14時", "30分開催", True),
        ("発送：令和2年12月28日(月)19:00", "～20:00", True),
        ("㋿1年6月23日(日)", "開催", True),
        ("令和三年九月十七日", "開催", True),
        # not told: `…開催` | `予定` goes on; a katakana word after a date alone may too
        ("R3.5.20(木)18時～19時開催", "地域ケア個別会", True),
        ("12月3日（木）", "オンライン開催", True),
        ("市民公開講座", "4回", True),
        ("合計5回", "（うち往診2回）", True),  # a breakdown in brackets goes on
        ("12月3日（木）", "研修会 2回目", True),  # an ordinal is no count
        ("年2回開催", "予定", True),
        ("開催日時：11", "月18日", True),
    ],
)
def test_a_full_line_ends_its_entry_where_an_entry_ends_and_the_next_opens(
    prev_text: str, next_text: str, soft: bool
) -> None:
    prev = line(prev_text, 10)
    assert is_soft_wrap(prev, line(next_text, 19), prev.chars[-1].x1) == soft


def test_a_count_unit_wraps_with_its_number_even_with_a_hair_to_spare() -> None:
    """`出前講座 ２` | `回`: LibreOffice wrapped the unit with 0.09 em to spare; a count's unit never
    opens an entry, so a unit that comes within DEFAULT_UNIT_SLACK em of not fitting wrapped."""
    prev, nxt = line("出前講座 ２", 10), line("回", 19)
    fitted = prev.chars[-1].x1 + SIZE
    assert is_soft_wrap(prev, nxt, fitted + 0.09 * SIZE, slack=DEFAULT_CELL_SLACK)
    assert not is_soft_wrap(prev, nxt, fitted + 0.5 * SIZE, slack=DEFAULT_CELL_SLACK)
    # a month is no count's unit: after a date's day the hard break stands
    prev, nxt = line("R4.5.1", 10), line("月2回程度開催", 19)
    assert not is_soft_wrap(prev, nxt, prev.chars[-1].x1 + SIZE + 0.09 * SIZE, slack=DEFAULT_CELL_SLACK)


def test_a_label_wrapped_before_its_colon_still_opens_a_paragraph() -> None:
    full = 8 * SIZE
    assert not is_soft_wrap(line("研修会 0回", 10), line("ケース会議", 19), full, after="：4回")
    # a label wrapped inside its word, where the line it opens on is full (`多職種連携研` | `修会：0回`)
    lines = [line("4箇月）開催", 10), line("多職種連携研", 19), line("修会：0回", 28)]
    assert join_lines(lines, 6 * SIZE) == "4箇月）開催\n\n多職種連携研\n修会：0回"
    # and a word whose count is printed on the line after (`年１回開催予定` | `市民公開講座 １` | `回`)
    lines = [line("年１回開催予定", 10), line("市民公開講座 １", 19), line("回", 28)]
    assert join_lines(lines, 7 * SIZE) == "年１回開催予定\n\n市民公開講座 １\n回"
    # two lines that only read as a label when joined are no label: `開催` has room left, so
    # `出前講座：24回` opens a paragraph of its own and `開催` ends the one before
    lines = [line("回/3箇月）", 10), line("開催", 19), line("出前講座：24回", 28)]
    assert join_lines(lines, lines[0].chars[-1].x1) == "回/3箇月）\n開催\n\n出前講座：24回"

    # a label wrapped over three lines of a narrow cell (`地域ケア個` | `別会議への` | `出席：2回`)
    lines = [line("1/20（金）", 10), line("地域ケア個", 19), line("別会議への", 28), line("出席：2回", 37)]
    full = min(ln.chars[-1].x1 for ln in lines[:-1])
    assert join_lines(lines, full) == "1/20（金）\n\n地域ケア個\n別会議への\n出席：2回"
    # ... and where the words before the colon are longer than a label (`研修会等への出席及び講師派遣`)
    # the paragraph they open tells: a word that ends as an entry does (`opens_as_paragraph`)
    lines = [
        line("1/20（金）", 10),
        line("研修会等への", 19),
        line("出席及び講師", 28),
        line("派遣：5回", 37),
    ]
    full = min(ln.chars[-1].x1 for ln in lines[:-1])
    assert join_lines(lines, full) == "1/20（金）\n\n研修会等への\n出席及び講師\n派遣：5回"


def test_a_line_is_measured_from_the_cell_text_edge_not_its_first_glyph_box() -> None:
    """`8月2日(火)19:0` | `0～開催`: the first glyph's box starts 0.6 pt right of the text edge (its
    side bearing); measured from that box the next `0` would have fitted, from the edge it would not."""
    edge = 0.0
    prev, nxt = line("8月2日(火)19:0", 10, x0=edge + 0.6), line("0～開催", 19, x0=edge + 0.6)
    available = prev.chars[-1].x1 - edge + DIGIT - 0.1  # the `0` misses by 0.1 pt
    assert join_lines([prev, nxt], available) == "8月2日(火)19:0\n\n0～開催"  # from the glyph box
    assert join_lines([prev, nxt], available, edge=edge) == "8月2日(火)19:0\n0～開催"
    # a line set in by more than the snap (indented or centred) is measured from its own start
    far = 0.5 * SIZE
    prev, nxt = line("8月2日(火)19:0", 10, x0=edge + far), line("0～開催", 19, x0=edge + far)
    available = prev.chars[-1].x1 - edge + DIGIT - 0.1
    assert join_lines([prev, nxt], available, edge=edge) == "8月2日(火)19:0\n\n0～開催"


@pytest.mark.parametrize(
    ("lines_text", "openers", "joined"),
    [
        # a full line that is a cell's first line on the page (`医療機関への協力依` opens the cell
        # above) opens an entry after a bracket (0039 of the committed sample)
        (
            ["「在宅医療講演会」", "医療機関への協力依", "頼（令和2年9月中）"],
            {"医療機関への協力依"},
            "「在宅医療講演会」\n\n医療機関への協力依\n頼（令和2年9月中）",
        ),
        # ... also where the line is only the beginning of that first line (a narrower cell)
        (
            ["「在宅医療講演会」", "医療機関への協"],
            {"医療機関への協力依"},
            "「在宅医療講演会」\n\n医療機関への協",
        ),
        # a line going on past a first line may be another sentence beginning alike
        (
            ["できるように", "それぞれの医療機関の院長"],
            {"それぞれの医療機関"},
            "できるように\nそれぞれの医療機関の院長",
        ),
        # after a comma the entry goes on; a beginning under DEFAULT_OPENER_CHARS chars tells nothing
        (
            ["できるように、", "それぞれの医療機関"],
            {"それぞれの医療機関"},
            "できるように、\nそれぞれの医療機関",
        ),
        (["できるように", "それぞれ"], {"それぞれ"}, "できるように\nそれぞれ"),
        # a labelled date's day, then a katakana word (0051 of the committed sample)
        (
            ["開催日時：202", "0 年8 月12 日", "ホームページ掲", "載"],
            set(),
            "開催日時：202\n0 年8 月12 日\n\nホームページ掲\n載",
        ),
        # a date's day without a label, or a label's date in brackets, may go on with a katakana word
        (["12月3日", "オンライン開催"], set(), "12月3日\nオンライン開催"),
        (["開催日時：12月3日（木）", "オンライン開催"], set(), "開催日時：12月3日（木）\nオンライン開催"),
        # the same `label：` again opens a second entry
        (
            ["講師：すずらん在宅ク", "リニック院長", "講師：みどり医院"],
            set(),
            "講師：すずらん在宅ク\nリニック院長\n\n講師：みどり医院",
        ),
        (
            ["調査期間：10月〜12月", "調査期間：令和3年6/25"],
            set(),
            "調査期間：10月〜12月\n\n調査期間：令和3年6/25",
        ),
        # another label opens one too (`opens_as_paragraph`), unless the line opens in hiragana
        (["講師：すずらん在宅医院", "開催日時：6/25"], set(), "講師：すずらん在宅医院\n\n開催日時：6/25"),
        (["講師：すずらん在宅医院", "の期間：令和3年"], set(), "講師：すずらん在宅医院\nの期間：令和3年"),
    ],
)
def test_a_full_line_opens_an_entry_where_the_page_or_its_entry_tells(
    lines_text: list[str], openers: set[str], joined: str
) -> None:
    """Where the fit cannot tell (every line fills its cell) and the entry's end does not either,
    the page does (the line is a cell's first line there) or the entry does (it holds a whole
    labelled date, or the line repeats its label)."""
    lines = [line(text, 10 + 9 * i) for i, text in enumerate(lines_text)]
    full = min(ln.chars[-1].x1 for ln in lines[:-1])  # no next unit fits after any line
    assert join_lines(lines, full, openers=frozenset(openers)) == joined


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("訪問", SIZE),  # one char
        ("訪", SIZE),  # a line of one char
        ("  訪問", SIZE),  # spaces before the unit are not part of it
        ("AB12 診療", 4 * DIGIT),  # an ASCII word, up to the space
        ("（6月", SIZE + DIGIT),  # an opening bracket with the char after it
        ("（", SIZE),  # an opening bracket alone
        ("診）、。次", 4 * SIZE),  # a char with its trailing closing punctuation
        ("（6）。", SIZE + DIGIT + 2 * SIZE),  # bracket, its char, then closing punctuation
        ("AB）x", 2 * DIGIT + SIZE),  # a word, then closing punctuation
    ],
)
def test_first_unit_width(text: str, width: float) -> None:
    """What cannot be split from the line's start (read only as far as it goes)."""
    assert first_unit_width(line(text, 10)) == pytest.approx(width)


@pytest.mark.parametrize(
    ("lines_text", "joined"),
    [
        # after a date's day or month, a `label：` or a word with a count (seed 12: `…9/23` |
        # `研修会等への` | `出席及び講師派遣：5回`, a label longer than ITEM_START reads), not a number
        (["調査期間：10月〜12月", "開催日時：6/25"], "+"),
        (["調査期間：10月〜12月", "期間：令和3年"], "+"),
        (["調査期間：令和3年11/30～12/16", "月4回程度開催"], "+"),
        (["開催日時：令和元年9/23", "研修会等への", "出席及び講師派遣：5回"], "+"),
        (["調査期間：5月～8月", "ケース会議 2回"], "+"),
        (["開催日時：令和3年8月", "12日（金）"], None),
        (["開催日時：令和3年8月", "中旬（オンライン）"], None),
        # after no entry's end, a `label：` or a word with a count does not tell either
        (["ポスター掲示は準備が出来次第開始", "出前講座（2回）"], None),
        (["ホームページ掲載", "ケース会議（０回）"], None),
        # after a labelled entry, a line that opens with a `label：` or a word with a count (seed 31:
        # `講師：小松崎外科内科医院院長` | `派遣先：北茨城`), not one that opens in hiragana (`…出席及` |
        # `び講師派遣 １回`), nor after an unlabelled entry (`ホームページ掲載` | `調査期間：…`)
        (["講師：小松崎外科内科医院院長", "派遣先：北茨城", "市南部高齢者支"], "+"),
        (["講師：いずみ内科医院院長", "ケース会議 0回"], "+"),
        (["講師：鹿島医院院長研修会等への出席及", "び講師派遣 １回"], None),
        (["ホームページ掲載", "調査期間：令和2"], None),
        # a status word alone after an entry's end (seed 12: `…（4月中）` | `随時`)
        (["医療機関への協力依頼（4月中）", "随時"], "医療機関への協力依頼（4月中）\n\n随時"),
        (["※定期的（1回/3箇月）開催", "未定"], "※定期的（1回/3箇月）開催\n\n未定"),
        (["発送：令和2年9/14（金）", "準備中"], "発送：令和2年9/14（金）\n\n準備中"),
        # ... not where it begins a longer paragraph, nor a word that goes on after a count
        (["医療機関への協力依頼（4月中）", "随時閲覧できる", "ように"], None),
        (["研修会を年１回開催", "予定"], None),
        # a whole count after a labelled entry
        (["研修内容：寸劇および交流会", "2回"], "+"),
        (["講師：すずらん在宅医院院長", "2回（4月-10月）"], "+"),
        # ... not after an unlabelled one, however long: its last words may be the count's label,
        # and an entry joined by an earlier miss is long too (`…掲載` | `グループ連絡会議` | `０回`)
        (["それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築", "１２件"], None),
        (["ホームページ掲載グループ連絡会議", "０回"], None),
        (["調査期間：4月～5月", "10回/年"], "+"),  # after a date's month
        # ... not after a count's label (`症例検討会` | `18回`, `…講師派遣：` | `3回`), a number or a
        # rate's period (`年` | `2回`, `毎月` | `2回`)
        (["開催頻度：毎月", "2回"], None),
        (["地域ケア個別会議への出席", "18回"], None),
        (["研修会等への出席及び講師派遣：", "3回"], None),
        (["研修会等への出席及び講師派遣（2", "4回）"], None),
        # ... unless the count's digits are of the other width than the number's (seed 9191: a
        # number is printed in one width), and only after a labelled entry
        (["開催日時：平成30年10/13", "４回"], "+"),
        (["開催日時：平成30年10/1", "3回"], None),
        (["地域ケア個別会議への出席 1", "２回"], None),
        (["開催頻度：圏域ごとに年", "2回"], None),
        (["開催頻度：圏域ごとに年", "2回開催"], None),
        # after an end the entry's last line alone does not show, a line that opens an entry
        (["令和三年八月二", "十八日開催", "㋿4年4月11日"], "令和三年八月二\n十八日開催\n\n㋿4年4月11日"),
        # after an entry's end, a word that ends as an entry does (seed 12: `…12回` | `医療機関へ`)
        (["地域ケア個別会議への出席 12回", "医療機関へ", "の協力依頼（11月中）"], "+"),
        (["１８回/年", "医療機関への協力依頼（4月中）"], "+"),
        (["令和二年四月一日開催", "医療機関へ", "の協力依頼（6月中）"], "+"),
        (["4回（8月-11月）", "研修会等への出席", "及び講師派遣：3回"], "+"),
        (["3回（5月-2月）", "ネットワーク会議", "（18回）"], "+"),
        # ... not one that goes on after a date or a count, a bracket, a hiragana particle, a word
        # of under DEFAULT_WORD_CHARS letters, a paragraph that ends as no entry does, or after no end
        (["令和3年5月1日", "開催予定（オンライン）"], None),
        (["開催日時：6月22日（火）", "午後1時～2時30分"], None),
        (["令和3年12月5日", "（日）午後3時～4時開催"], None),
        (["令和3年5月1日", "に開催（オンライン）"], None),
        (["研修会 2回", "実施"], None),
        (["１８回/年", "医療機関への協力依頼を", "行う"], None),
        (["研修会（12月）", "中止となった（感染拡大）"], None),  # it opens with a word that goes on
        (["2回（4月-10月）", "ホームページ掲載"], None),  # a whole paragraph that ends as no entry does
        (["それぞれの医療機関ごとに窓口を", "設置した（4月中）"], None),
        (["12月3日", "オンライン開催"], None),
    ],
)
def test_a_full_line_opens_an_entry_where_the_rest_of_its_paragraph_tells(
    lines_text: list[str], joined: str | None
) -> None:
    """Where the fit cannot tell (every line fills its cell) and neither the line's first word nor
    the page does, the paragraph the line opens may: a status word alone, a whole count after an
    entry no count goes on with, a word that ends as an entry does after an entry's end
    (`opens_as_paragraph`). `None`: a wrap (every line joined by "\\n"); `+`: the first junction
    a break, the others wraps."""
    lines = [line(text, 10 + 9 * i) for i, text in enumerate(lines_text)]
    full = min(ln.chars[-1].x1 for ln in lines[:-1])  # no next unit fits after any line
    if joined is None:
        joined = "\n".join(lines_text)
    elif joined == "+":
        joined = lines_text[0] + "\n\n" + "\n".join(lines_text[1:])
    assert join_lines(lines, full) == joined


@pytest.mark.parametrize(
    ("lines_text", "joined"),
    [
        # seed 21: `・` inside the group's name, at the start of a line, is no list marker
        (["グループ名：「境町", "・龍ケ崎市在宅ネッ", "トワーク」"], None),
        (["（鉾田市", "・鹿嶋市）"], None),
        # a marker after a closed bracket, or a bracket closed before it, opens an item
        (["「在宅医療講演会」", "・研修会"], "+"),
        (["（鉾田市）", "・鹿嶋市"], "+"),
        # nor does a label or count inside a bracket the entry left open (a 取組効果 cell that
        # wraps inside 訪問診療), while the same label after the bracket closed does
        (["合計回数：7回（うち往診：0回、訪", "問診療：7回）"], None),
        (["合計回数：7回（うち往診：0回）", "訪問診療：7回"], "+"),
    ],
)
def test_a_marker_inside_an_open_bracket_is_no_list_marker(lines_text: list[str], joined: str | None) -> None:
    lines = [line(text, 10 + 9 * i) for i, text in enumerate(lines_text)]
    full = min(ln.chars[-1].x1 for ln in lines[:-1])
    expected = "\n".join(lines_text) if joined is None else lines_text[0] + "\n\n" + "\n".join(lines_text[1:])
    assert join_lines(lines, full) == expected


def test_the_autospace_is_measured_only_where_a_wrap_needs_it() -> None:
    """`assemble_page` hands the page's autospace over as what measures it (once, cached): it is
    asked for where a line may wrap between a Latin and an Asian neighbour, never elsewhere."""
    measured: list[float] = []

    def measure() -> float:
        measured.append(0.2)
        return 0.2

    kana = [line("調査期間調査期", 10), line("発送", 19)]
    assert join_lines(kana, 8 * SIZE - 0.5, measure) == join_lines(kana, 8 * SIZE - 0.5, 0.2)
    assert measured == []
    mixed = [line("医療機関への協力依頼（6", 10), line("月中）", 19), line("医療機関への協力依頼（6", 28)]
    available = mixed[0].chars[-1].x1 + SIZE + 0.5
    assert join_lines(mixed, available, measure, slack=0.0) == join_lines(mixed, available, 0.2, slack=0.0)
    assert join_lines(mixed, available, measure, slack=0.0) != join_lines(mixed, available, 0.0, slack=0.0)
    assert measured  # asked for where a digit wrapped before an Asian char
