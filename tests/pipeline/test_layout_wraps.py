"""Paragraphs of a -layout period cell (pipeline.locate.layout_wraps.cell_paragraphs): where a line
fills the cell, the entry so far may still tell that the next line opens an entry of its own, by
the same cues text-layer PDF cells use (extractors.pdf_page.opens_entry_after)."""

from __future__ import annotations

import pytest

from pipeline.locate.layout_wraps import cell_openers, cell_paragraphs, line_width


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # a labelled date's day, then a word no date goes on with: two entries
        (
            ["開催日時：202", "0 年 8 月 12 日", "ホームページ掲", "載"],
            "開催日時：202\n0 年 8 月 12 日\n\nホームページ掲\n載",
        ),
        # the entry's own label printed again: two entries
        (
            ["講師：つくば在", "宅クリニック", "講師：みどり医", "院"],
            "講師：つくば在\n宅クリニック\n\n講師：みどり医\n院",
        ),
        # a date without a label may go on (`12日` | `オンライン開催`): one entry
        (["2020 年 8 月 12 日", "オンライン開催"], "2020 年 8 月 12 日\nオンライン開催"),
        # the rest of the paragraph a full line opens tells: a status word alone after an entry
        # (`…開催` | `検討中`), a whole count after a labelled one, a word that ends as an entry
        # does after an entry's end: entries of their own
        (
            ["※定期的（1 回/2 箇月）開催", "検討中"],
            "※定期的（1 回/2 箇月）開催\n\n検討中",
        ),
        (["ネットワーク会議：１２回", "準備中"], "ネットワーク会議：１２回\n\n準備中"),
        (["研修内容：寸劇および交流会", "6回"], "研修内容：寸劇および交流会\n\n6回"),
        (
            ["令和 3 年 8/4（水）開催", "医療機関への協力依頼（4", "月中）"],
            "令和 3 年 8/4（水）開催\n\n医療機関への協力依頼（4\n月中）",
        ),
        # a status word that goes on over the next full line is no entry alone: one paragraph
        (
            ["ネットワーク会議：１２回", "準備中の医療機関と調整中", "です"],
            "ネットワーク会議：１２回\n準備中の医療機関と調整中\nです",
        ),
        # a note mark opens an entry as a list marker does (as in text-layer cells), unless a
        # bracket the paragraph opened is still open
        (
            ["多職種連携研修会：１８回", "※それぞれの医療機関ごと", "に窓口を設置"],
            "多職種連携研修会：１８回\n\n※それぞれの医療機関ごと\nに窓口を設置",
        ),
        (
            ["多職種連携研修会（１８回", "※オンライン開催を含む）"],
            "多職種連携研修会（１８回\n※オンライン開催を含む）",
        ),
        # after a labelled entry, a word with a label of its own opens another (as in text-layer
        # cells), but a line opening in hiragana goes on with the word before: it wraps
        (
            ["講師：つくば在宅", "クリニック院長", "講演：在宅医療"],
            "講師：つくば在宅\nクリニック院長\n\n講演：在宅医療",
        ),
        (
            ["講師：つくば在宅", "クリニック出席及", "び講師派遣 １回"],
            "講師：つくば在宅\nクリニック出席及\nび講師派遣 １回",
        ),
    ],
)
def test_the_entry_tells_where_a_full_line_ends_it(lines: list[str], paragraphs: str) -> None:
    assert cell_paragraphs(lines) == paragraphs


@pytest.mark.parametrize(
    ("line", "width"),
    [
        # a symbol of ambiguous width in the Japanese character set prints as wide as a kanji
        ("※それぞれの医療機関", 20),
        ("◆医療機関への協力", 18),
        ("①多職種連携", 12),
        # one outside it comes from another font, narrow
        ("▶医療機関への協力", 17),
        # the spaces pdftotext sets around half-width digits take no room
        ("令和 3 年 8 月", 10),
    ],
)
def test_a_lines_room_counts_japanese_symbols_full_width(line: str, width: int) -> None:
    assert line_width(line) == width


@pytest.mark.parametrize(
    ("lines", "openers", "paragraphs"),
    [
        # a full line, then one that begins as a cell's first line does: two entries
        (
            ["に連絡できる体制の構築", "ポスター掲示は準備が出", "来次第開始"],
            ["ポスター掲示は準備が出"],
            "に連絡できる体制の構築\n\nポスター掲示は準備が出\n来次第開始",
        ),
        # no cell opens so: the full line wraps
        (
            ["に連絡できる体制の構築", "ポスター掲示は準備が出", "来次第開始"],
            ["開催日時：令和 3 年"],
            "に連絡できる体制の構築\nポスター掲示は準備が出\n来次第開始",
        ),
        # shorter than an opener's first chars tell: the full line wraps
        (["医療機関への協力依頼", "の構築"], ["の構築"], "医療機関への協力依頼\nの構築"),
    ],
)
def test_a_line_that_begins_as_a_cells_first_line_opens_an_entry(
    lines: list[str], openers: list[str], paragraphs: str
) -> None:
    assert cell_paragraphs(lines, 0, cell_openers([[o] for o in openers])) == paragraphs


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # a count's unit opens no entry: the line short of the cell's width still wraps
        (["多職種連携研修会 4", "回"], "多職種連携研修会 4\n回"),
        (["出前講座 2", "回（5 月～12 月）"], "出前講座 2\n回（5 月～12 月）"),
        # a word that opens with a unit's letter opens an entry after a line short of the width
        (["症例検討会 4", "人生会議の普及"], "症例検討会 4\n\n人生会議の普及"),
    ],
)
def test_a_line_opening_with_the_unit_of_the_count_before_it_wraps(lines: list[str], paragraphs: str) -> None:
    assert cell_paragraphs(lines, 20) == paragraphs


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # an open time range ends an entry where the next line opens one (a word with its count,
        # a whole count): the range sign does not carry the entry on
        (
            ["開催日時：6 月 23 日（火）9:", "30～", "グループ連絡会議 ２回"],
            "開催日時：6 月 23 日（火）9:\n30～\n\nグループ連絡会議 ２回",
        ),
        (
            ["開催日時：R4.11.18(金)18:00～", "6 回（12 月～2 月）"],
            "開催日時：R4.11.18(金)18:00～\n\n6 回（12 月～2 月）",
        ),
        # a time that ends the range, or a date range's end, goes on
        (["開催日時：8 月 1 日 18:00～", "20:00"], "開催日時：8 月 1 日 18:00～\n20:00"),
        (["研修会 13 時～", "15 時開催"], "研修会 13 時～\n15 時開催"),
        (["調査期間：5 月～", "12 月"], "調査期間：5 月～\n12 月"),
    ],
)
def test_an_open_time_range_before_an_entry_ends_it(lines: list[str], paragraphs: str) -> None:
    assert cell_paragraphs(lines) == paragraphs
