"""One class of pdftotext -layout output per test (issue 7): the 取組 table of layout text that
keeps each word at its place, its period cells (現状/取組目標/実績) read where their column is
certain and left out (`status_cell_unread`, `partial`) where it is not. The texts are cut from
pdftotext -layout output of generated reports, names and figures changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "layout"

HEADING = "【地域で支え合う医療機関等の連携体制を構築するために必要な3つの取組】"
# 現状 printed a line above 取組目標 and 実績; the parentheses start left of their words
HEADER = """\
                                             現状
                                                       取組目標       実績
                                          (事前協議月の前
  取組事項                取組内容                         (事前協議月から今回 (事前協議月から翌年
                                          月から過去6箇月
                                                     6箇月間の取組)  3月末までの取組)
                                            間の状況)
"""
ITEM2 = """\
2 在宅医療を提供 ①多職種連携研修会を令和2年4/1～4/11に開催しました。           ＊10回         24件
する連携体制とし ②多職種による事例検討会に参加し、グループ内の困難事例や              ＊未定          ＊住民向け勉強会：1
て必要な拠点機能 課題を地域課題として提案していくことを継続します。                              回
を担う取組
"""  # noqa: E501 - pdftotext -layout text: its columns are the data
# item 3 printed four columns left of the header's places, its cells one space from the content
# and from each other
ITEM3 = """\
3 在宅医療につい ■「在宅訪問診療・往診の実施に関する調査」の実施    派遣先：水戸市南 ※定期的（1回/3箇月
ての普及啓発活動 ・ホームページを開設している医療機関等は在宅医療について 部高齢者支援セン ）開催
等の取組      掲載していきます。                   ター「在宅医療講 開催日時：R2.8.5(水
          ・水戸市の広報誌に在宅医療の特集記事を掲載します。   演会」      )
                                               調査期間：令和2年9/
                                               23～10/12
                                               １８回
"""
ITEM1 = """\
1 これから在宅医 ①各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に
療への参入又は拡 症例検討会を継続していきます。
充に取り組む医療
機関等の連携強化
を図るための取組
"""


def run(*parts: str) -> DocumentResult:
    return process_document("\n".join([HEADING, "", *parts]).encode("utf-8"))


def read(name: str, old: str = "", new: str = "") -> DocumentResult:
    """A -layout fixture text (tests/fixtures/layout/) through the pipeline; `old`: its first
    occurrence replaced by `new` before (a variant of the printed text)."""
    data = (FIXTURES / name).read_bytes()
    return process_document(data.replace(old.encode("utf-8"), new.encode("utf-8"), 1) if old else data)


def cells(result: DocumentResult) -> dict[tuple[int, str], list[str]]:
    out: dict[tuple[int, str], list[str]] = {}
    for segment in result.status:
        out.setdefault((segment.item_no, segment.period), []).append(segment.text)
    return out


def unread(result: DocumentResult) -> list[str]:
    return [c.detail for c in result.checks if c.check == "status_cell_unread"]


def test_a_header_over_several_lines_places_each_cell_under_its_period() -> None:
    result = run(HEADER, ITEM1, ITEM2)
    assert [(i.item_no, i.text) for i in result.initiatives][:2] == [
        (1, "各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に症例検討会を継続していきます。"),
        (2, "多職種連携研修会を令和2年4/1～4/11に開催しました。"),
    ]
    assert cells(result) == {
        (2, "plan"): ["10回", "未定"],
        (2, "actual"): ["24件", "住民向け勉強会：1回"],
    }
    assert not unread(result)


def test_an_item_printed_a_few_columns_left_keeps_its_cells_apart() -> None:
    result = run(HEADER, ITEM1, ITEM2, ITEM3)
    got = cells(result)
    assert got[(3, "baseline")] == ["派遣先：水戸市南部高齢者支援センター「在宅医療講演会」"]
    assert got[(3, "plan")] == [
        "※定期的（1回/3箇月）開催",
        "開催日時：R2.8.5(水)",
        "調査期間：令和2年9/23～10/12",
        "１８回",
    ]
    assert not unread(result)


def test_words_run_over_into_the_next_column_leave_both_cells_unread() -> None:
    item = ITEM2.replace("＊10回         24件", "＊10回 ＊未定 24件")
    result = run(HEADER, ITEM1, item)
    assert (2, "plan") not in cells(result) and (2, "actual") not in cells(result)
    assert len(unread(result)) == 2
    assert result.document.status == "partial"


def test_a_page_without_the_header_leaves_its_period_cells_unread_but_its_bullets_read() -> None:
    result = run(HEADER, ITEM1, "\f" + ITEM2)
    assert not [s for s in result.status if s.item_no == 2]
    assert (
        next(i.text for i in result.initiatives if i.item_no == 2)
        == "多職種連携研修会を令和2年4/1～4/11に開催しました。"
    )
    assert unread(result) and "no header" in unread(result)[0]
    assert result.document.status == "partial"


def test_a_header_printed_again_on_a_new_page_places_the_cells_there() -> None:
    moved = "\n".join(" " * 6 + line if line.strip() else line for line in HEADER.splitlines())
    shifted = "\n".join(
        line[:28] + " " * 6 + line[28:] if len(line) > 28 else line for line in ITEM2.splitlines()
    )
    result = run(HEADER, ITEM1, "\f" + moved, shifted)
    assert cells(result)[(2, "plan")] == ["10回", "未定"]
    assert cells(result)[(2, "actual")] == ["24件", "住民向け勉強会：1回"]
    assert not unread(result)


def test_a_page_without_the_header_places_an_item_whose_cells_start_at_one_place_per_period() -> None:
    item = (
        "2 在宅医療を提供 ①多職種連携研修会を令和2年4/1～4/11に開催しました。   準備中      ＊10回      24件\n"  # noqa: E501
        "する連携体制とし ②多職種による事例検討会に参加し、グループ内の困難事例や                ＊未定\n"
    )
    result = run(HEADER, ITEM1, "\f" + item)
    assert cells(result) == {
        (2, "baseline"): ["準備中"],
        (2, "plan"): ["10回", "未定"],
        (2, "actual"): ["24件"],
    }
    assert not unread(result)


def test_a_cell_piece_glued_to_the_content_a_little_left_of_its_column_leaves_the_cell_unread() -> None:
    item = ITEM3.replace("特集記事を掲載します。   演会」", "特集記事を掲載します。 演会」")
    result = run(HEADER, ITEM1, ITEM2, item)
    assert (3, "baseline") not in cells(result)
    assert any("取組3" in detail for detail in unread(result))


def test_a_period_piece_one_space_after_a_full_line_of_content_leaves_the_first_period_cell_unread() -> None:
    item = ITEM2.replace(
        "グループ内の困難事例や              ＊未定", "グループ内の困難事例や 研修会      ＊未定"
    )
    result = run(HEADER, ITEM1, item)
    assert [i.text for i in result.initiatives if i.item_no == 2][1] == (
        "多職種による事例検討会に参加し、グループ内の困難事例や課題を地域課題として提案していくことを継続します。"
    )
    assert (2, "baseline") not in cells(result)
    assert any("取組2" in d and "full line" in d for d in unread(result))


def test_a_header_printed_to_another_scale_than_the_rows_places_no_cell_by_its_columns() -> None:
    """pdftotext set the period headers closer together than the cells under them (実績's cells
    start right of every header place): the header tells no column. Item 3, whose cells start at
    three places, is placed by them; item 1 by the page's column order against item 3's places
    (its pieces start at item 3's 現状 and 取組目標 places); item 2's one piece starts right of
    item 3's 現状 pieces and left of its 取組目標 pieces, but left of where item 3's 現状 pieces
    end: pdftotext places a block right of the end of every block wholly left of it, so it is no
    取組目標 cell, and it is read as 現状's."""
    result = read("items-header-out-of-scale.layout.txt")
    got = cells(result)
    assert got[(3, "plan")] == [
        "地域ケア個別会議への出席：2 回",
        "8/7 開催",
        "研修内容：寸劇および交流会",
        "発送：6/6",
    ]
    assert got[(3, "actual")][0] == "10 件"
    assert got[(1, "baseline")] == [
        "症例検討会：2回",
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
    ]
    assert got[(1, "plan")] == [
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
        "多職種連携研修会 1 回",
    ]
    assert (1, "actual") not in got
    assert [(key, texts) for key, texts in got.items() if key[0] == 2] == [((2, "baseline"), ["2件"])]
    assert sum("another scale" in d for d in unread(result)) == 0


def test_a_cell_line_with_digits_past_the_next_columns_header_edge_is_one_cells_line() -> None:
    """pdftotext gives each half-width digit, and the spaces it sets around them, a column of
    its own: `18 回（8 月-12` runs past 取組目標's header edge yet takes no more room than a
    word printed alone in 現状 (`びこ内科医院`): item 1's cells are read."""
    result = read("items-cell-line-with-digits-past-the-next-edge.layout.txt")
    got = cells(result)
    assert got[(1, "baseline")] == [
        "18 回（8 月-12月）",
        "随時",
        "18 回（4 月-3 月）",
        "検討中",
        "実施予定",
        "講師：やまびこ内科医院院長",
    ]
    assert got[(1, "plan")] == ["調査期間：5月～12 月"]
    assert not any("取組1" in detail for detail in unread(result))


def test_two_cells_one_space_apart_are_split_where_the_first_fills_its_room() -> None:
    """Item 2's line `・ネットワー 回/3 箇月）開` holds 取組目標's line and 実績's one space apart:
    wider than any line of one cell by more than a word alone may fall short, and split one way
    only into a first part that fills 取組目標's room and a second that fits 実績's. Each goes
    to its column."""
    result = read("items-cell-line-with-digits-past-the-next-edge.layout.txt")
    got = cells(result)
    assert got[(2, "plan")] == [
        "18 件",
        "ネットワーク会議（6回）",
        "調査期間：6月～2 月",
        "ケース会議：6 回",
        "講師：山本内科医院院長",
        "ネットワーク会議：0 回",
    ]
    assert got[(2, "actual")] == ["※定期的（1回/3 箇月）開催", "ポスター掲示は準備が出来次第開始", "1件"]


def test_pieces_glued_after_full_content_lines_are_read_as_the_first_period_columns_lines() -> None:
    """Item 2's 現状 lines `グループ連絡` and `会議 2 回` print one space after lines that fill the
    取組内容 column (pdftotext joins words a small gap apart): they are the next column's, 現状's,
    lines, where each fits 現状's room and sits one space from full-width text on either side;
    read in their order among 現状's other lines."""
    result = read("items-cell-line-with-digits-past-the-next-edge.layout.txt")
    assert cells(result)[(2, "baseline")] == [
        "グループ連絡会議 2 回",
        "多職種連携研修会：1 回",
        "月 1 回程度開催",
    ]
    assert not [d for d in unread(result) if "取組2" in d]
    content = "".join(i.text for i in result.initiatives if i.item_no == 2)
    assert "グループ連絡" not in content and "会議 2 回" not in content


def test_a_glued_piece_after_spaced_digits_is_not_read() -> None:
    """Item 3's `（24 回）` is glued after its 取組内容 line with the space pdftotext sets around
    half-width digits, so where the content ends is not known (`…信弘 （24` fills the column
    too): 現状 is not read (never `グループ連絡会議回）`)."""
    result = read("items-glued-piece-after-spaced-digits.layout.txt")
    assert (3, "baseline") not in cells(result)
    assert any("取組3" in d and "full line" in d for d in unread(result))


def test_a_glued_piece_where_the_content_holds_words_after_a_wide_gap_is_not_read() -> None:
    """Item 2's 現状 cell prints close to the 取組内容, its lines taken for content after a wide
    gap (`…行います。              1 年 10/11～10/1`), one of them glued after a full content
    line: the glued piece would be read alone as the cell (`調査期間：令和`). Where the item's
    content holds words after a wide gap, its first period column's lines are not all known,
    so the glued piece is not read."""
    result = read("items-glued-piece-first-column-swallowed.layout.txt")
    assert (2, "baseline") not in cells(result)
    assert any("取組2" in d and "full line" in d for d in unread(result))


def test_two_cells_one_space_apart_short_of_the_next_columns_header_edge_are_not_read() -> None:
    """`6 月 13 日（土） 18 回`: 現状's line and 取組目標's `18 回` one space apart, ending left of
    取組目標's header edge. The run takes more room than any word printed alone in 現状, so it
    holds two cells: neither is read, and 18 回 lands in no 現状 text."""
    result = read("items-two-cells-short-of-the-next-edge.layout.txt")
    got = cells(result)
    assert (3, "baseline") not in got and (3, "plan") not in got
    assert got[(3, "actual")] == ["調査期間：6 月〜9 月"]
    assert not any(
        "18" in text for (item, period), texts in got.items() if period == "baseline" for text in texts
    )
    assert sum("取組3" in detail for detail in unread(result)) == 2
    assert got[(2, "baseline")][:2] == [
        "それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
        "開催日時：2020 年 9 月 11 日",
    ]
    assert result.document.status == "partial"


def test_a_piece_glued_after_a_full_content_line_that_holds_two_cells_leaves_both_unread() -> None:
    """Item 3's 取組内容 line `…（訪問診療、往診、訪` fills its column, and 現状's `医療機関への協力`
    and 取組目標's `)開催` print one space after it, glued to it: the glued words take more room
    than a line of one cell, so neither 現状 nor 取組目標 is read (never 取組目標's text without
    its `)開催`), and neither piece is taken for 取組内容."""
    result = read("items-glued-piece-of-two-cells.layout.txt")
    got = cells(result)
    assert (3, "baseline") not in got and (3, "plan") not in got
    assert [d for d in unread(result) if "取組3" in d] == [
        "取組3: a piece printed one space after a full line of its 取組内容 belongs to no certain cell: "
        "its first 2 period cells not read"
    ]
    content = "".join(i.text for i in result.initiatives if i.item_no == 3)
    assert "医療機関への協力" not in content and ")開催" not in content
    assert "（訪問診療、往診、訪" in content


def test_an_item_whose_own_pieces_show_every_column_is_placed_by_them_where_no_shift_places_it() -> None:
    """Item 1's pieces start at three places well apart (63, 89, 115), one per period column,
    but the header printed to another scale (edges 68, 89, 108): no one shift places them, and
    現状's start left of its header would leave the item unread. Its own pattern shows every
    column in order, right of the header edges of the columns left of each, and puts each
    piece where the header does: 計画 and 実績 are read."""
    result = read("items-own-pattern-against-a-header-to-another-scale.layout.txt")
    got = cells(result)
    assert got[(1, "plan")] == [
        "市民公開講座 12回",
        "0回/年",
        "開催日時：4月17日（日）",
        "18回",
        "ホームページ掲載",
        "2021年11月18日開催",
    ]
    assert got[(1, "actual")] == ["4回"]
    assert not any("取組1" in d and "left of the first period column" in d for d in unread(result))


def test_a_content_line_running_into_a_cells_piece_gives_the_piece_to_the_cell_only() -> None:
    """Item 1's 取組内容 line runs on into the period region (`…事務長 細谷 真人`) with 現状's
    `支援診療所 医師` one space after it, starting where the item's 現状 pieces start: that
    piece is 現状's, not content, and nothing glued after the line is read a second time."""
    result = read("items-content-running-into-a-cell-piece.layout.txt")
    assert cells(result)[(1, "baseline")] == ["派遣講師：在宅療養支援診療所 医師", "随時"]
    content = "".join(i.text for i in result.initiatives if i.item_no == 1)
    assert "細谷 真人" in content and "支援診療所" not in content


def test_the_halves_of_a_run_split_by_their_room_are_not_taken_for_a_run_split_where_a_piece_starts() -> None:
    """Item 2's `市民公開講座 2 回 調査期間：令和 4 年` is split by the columns' room into 現状's
    and 計画's lines; the first half reaching 計画's header edge does not make the halves a
    run split one space before another piece (whose last words' column is not known)."""
    result = read("items-content-running-into-a-cell-piece.layout.txt")
    got = cells(result)
    assert got[(2, "baseline")][0] == "市民公開講座 2 回"
    assert got[(2, "plan")] == ["調査期間：令和 4 年11/16～12/4"]
    assert got[(2, "actual")][1:] == [
        "多職種連携研修会（2 回）",
        "医療機関への協力依頼（令和 4 年 8 月中）",
        "研修テーマ：「最期まで望み通りの在宅生活を送るために」",
    ]
    assert not [d for d in unread(result) if "取組2" in d]


def test_a_chart_label_printed_under_a_period_column_is_not_read_as_its_cell() -> None:
    """Item 1's content holds an org chart whose last label (`さくらぎ外科内科医` | `院`, wrapped in
    its box) prints under 現状's header, on the chart's lines (their labels set apart by wide
    gaps): read as a cell, a facility's name would be a 現状 entry. It is left out with
    `status_cell_unread`; the item's other cells, printed apart from the chart, are read."""
    result = read("items-chart-label-under-a-period-column.layout.txt")
    got = cells(result)
    assert (1, "baseline") not in got
    assert not any("さくらぎ" in text for texts in got.values() for text in texts)
    assert any(d.startswith("取組1") and "chart" in d for d in unread(result))
    assert got[(1, "plan")] == ["調査期間：6月〜9 月"]
    assert got[(1, "actual")] == ["24 件"]
    assert got[(3, "actual")][0] == "医療機関への協力依頼（4 月中）"
    assert result.document.status == "partial"


def test_a_page_without_the_header_places_a_piece_left_of_where_another_items_cell_ends() -> None:
    """Item 2 starts on a page that prints no header; item 3 below shows its three columns. Item
    2's `実施予定` starts a column right of item 3's `２件` (現状), so the starts alone fit 現状
    or 取組目標; but pdftotext places a block right of the end of every block wholly left of it,
    and `実施予定` starts left of where `２件` ends: it is 現状's, and item 2's cells are read."""
    result = read("items-page-order-told-by-where-pieces-end.layout.txt")
    got = cells(result)
    assert got[(2, "baseline")] == ["実施予定"]
    assert got[(2, "plan")] == [
        "派遣講師：在宅療養支援診療所 医師",
        "医療機関への協力依頼（令和 3 年 8月中）",
        "4 回/年",
    ]
    assert (2, "actual") not in got
    assert got[(3, "actual")] == ["開催日時：令和 3年 7 月 2 日"]
    assert not any("取組2" in detail for detail in unread(result))


def test_a_page_whose_items_together_start_at_one_place_per_period_is_read_by_those_places() -> None:
    """The header printed to another scale than the rows tells no column, and no item shows all
    three columns (items 1 and 2 at 53 and 90, item 3 at 53 and 72); but pdftotext gives every
    block of a column on a page one start, right of every block of the columns left of it: the
    page's pieces together start at three places, each ending left of the next, so each place
    is a column in order."""
    result = read("items-header-out-of-scale-page-places.layout.txt")
    got = cells(result)
    assert got[(1, "actual")] == ["14 回", "3 件"]
    assert got[(2, "actual")][:2] == [
        "調査期間：4 月-1月",
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
    ]
    assert got[(3, "baseline")] == [
        "研修テーマ：「最期まで望み通りの在宅生活を送るために」",
        "3/13（月）開催",
        "5 件",
    ]
    assert got[(3, "plan")] == [
        "ホームページ掲載",
        "発送：2022 年 4月 29 日",
        "2022 年 6 月 9 日開催",
        "医療機関への協力依頼（1 月中）",
    ]
    assert not [key for key in got if key[1] == "plan" and key[0] != 3]
    assert not unread(result)


def test_a_page_without_a_trusted_header_places_a_piece_that_reaches_past_where_a_column_starts() -> None:
    """The header prints to another scale than the rows; item 2 shows its three columns (43, 57,
    77). Items 1 and 3 start pieces at 75: by their starts 取組目標 or 実績; but their first words
    reach past 77, where item 2's 実績 starts, and pdftotext places a block right of the end of
    every block wholly left of it: they are 実績's, and item 3's pieces at 57 取組目標's."""
    result = read("items-page-order-told-by-where-a-piece-reaches.layout.txt")
    got = cells(result)
    assert got[(1, "actual")] == [
        "年２回開催予定",
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
    ]
    assert got[(3, "plan")] == [
        "調査期間：2 月-3月",
        "２２回/年",
        "12 回",
        "ケース会議（3回）",
        "１回",
        "多職種連携研修会：１回",
    ]
    assert got[(3, "actual")] == ["２６回", "ホームページ掲載", "発送：R3.7.16"]
    assert (1, "plan") not in got and (3, "baseline") not in got
    assert not [detail for detail in unread(result) if "取組1" in detail or "取組3" in detail]


def test_a_marked_entry_one_space_after_a_full_cell_line_is_the_next_columns_cell() -> None:
    """Item 3's lines `発送：2021 ◆１２件` and `年5月18日 ◆２回` hold 現状's line and 取組目標's
    marked entry one space apart, no wider than 現状's room with a word's slack: a cell's entries
    open its lines, so the marked entry is another cell's, and the one split that leaves 現状's
    part filling its room and the entry fitting 取組目標's puts each in its column. Nothing of
    取組目標 lands in 現状's date."""
    result = read("items-marked-entry-one-space-after-a-full-cell-line.layout.txt")
    got = cells(result)
    assert got[(3, "baseline")][0] == "発送：2021年5月18日"
    assert got[(3, "plan")] == ["１２件", "２回"]
    assert not [d for d in unread(result) if "取組3" in d]


def test_marked_pieces_glued_after_full_content_lines_are_read_as_the_first_period_columns_lines() -> None:
    """Item 2's 現状 entries `*未定` and `*18 回` print one space after lines that fill the 取組内容
    column. A half-width `*` takes a space pdftotext may set around it anyway, but a list marker
    opens a bullet's own line, so the marked piece is no part of the 取組内容 line: they are 現状's
    lines, and no 取組内容 bullet holds them."""
    result = read("items-marked-piece-glued-after-a-full-content-line.layout.txt")
    assert cells(result)[(2, "baseline")] == ["未定", "18 回"]
    assert not [d for d in unread(result) if "取組2" in d]
    content = "".join(i.text for i in result.initiatives if i.item_no == 2)
    assert "未定" not in content and "18 回" not in content


def test_a_piece_where_two_columns_meet_goes_where_the_items_own_pattern_and_the_header_agree() -> None:
    """Item 1's pieces start at three places well apart (47, 55, 72), one per period column, and no
    one shift puts them at the header's edges (47, 56, 65). The pieces at 55 start just left of
    取組目標's edge: by the header 現状's or 取組目標's pushed left; the item's own pattern says
    取組目標, one of the two, and each of its places may be its column by the header: each piece
    goes to its own pattern's column."""
    result = read("items-own-pattern-picks-where-two-columns-meet.layout.txt")
    got = cells(result)
    assert got[(1, "baseline")] == ["3件", "18 回"]
    assert got[(1, "plan")] == [
        "発送：令和 4 年 2月 23 日",
        "３回",
        "㋿3 年 8 月 12 日（木）開催",
        "3 回（2 月〜3月）",
        "随時",
        "医療機関への協力依頼（11 月中）",
    ]
    assert got[(1, "actual")] == ["1 回（11 月～3月）", "調査期間：4 月〜2 月", "２回"]
    assert not [d for d in unread(result) if "取組1" in d]


def test_a_cell_line_closing_a_bracket_right_above_a_header_printed_again_stays_the_cells() -> None:
    """Item 2's 現状 cell ends `医療機関への協力依頼（7` | `月中）` right above the header printed
    again: `月中）` only closes a parenthesis, whose opening no line above it holds, so it is no
    header piece but the cell's last line (never `医療機関への協力依頼（7` cut short)."""
    result = read("items-cell-line-closing-a-bracket-above-a-header-printed-again.layout.txt")
    assert cells(result)[(2, "baseline")][-1] == "医療機関への協力依頼（7月中）"


def test_a_full_cell_line_before_one_that_begins_as_a_cells_first_line_ends_its_entry() -> None:
    """Item 2's 現状 line `に連絡できる体制の構築` fills the cell, and the next, `ポスター掲示は準備が出`,
    begins as item 3's 現状 cell's first line does: a cell's first line opens an entry, so this
    one opens an entry too (as text-layer cells read their page's first lines)."""
    result = read("items-cell-line-closing-a-bracket-above-a-header-printed-again.layout.txt")
    assert cells(result)[(2, "baseline")][1:3] == [
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
        "ポスター掲示は準備が出来次第開始",
    ]


def test_a_cell_line_opening_with_a_wide_symbol_is_a_full_line() -> None:
    """Item 2's 実績 line `※それぞれの医療機関` takes the room of ten kanji (`※` prints full width)
    and wraps into `ごとに窓口を設置して`: one entry, never two."""
    result = read("items-cell-line-opening-with-a-wide-symbol.layout.txt")
    assert cells(result)[(2, "actual")] == [
        "１８件",
        "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
        "多職種連携研修会（２回）",
    ]


def test_a_chart_label_left_of_the_period_columns_is_no_cell_piece() -> None:
    """Item 1's 取組内容 draws an org chart whose labels print set apart on their lines
    (`ひらの外科内科医院    久慈クリニック                   さくらぎ医院`); the last starts well
    left of 現状's edge (58 against 70), further than an item's cells print off the header. It
    names a facility: a label of the chart, not a piece pushing the item's row left, so the item's
    cells, each at its header's edge, are read, and no cell holds the label."""
    result = read("items-chart-label-left-of-the-period-columns.layout.txt")
    got = cells(result)
    assert got[(1, "plan")] == [
        "1件",
        "※定期的（1回/3箇月）開催",
        "研修会等への出席及び講師派遣 18回",
        "地域ケア個別会議への出席（6回）",
    ]
    assert got[(1, "actual")][0] == "ネットワーク会議 6回"
    assert not [d for d in unread(result) if "取組1" in d]
    assert not any("さくらぎ医院" in text for texts in got.values() for text in texts)


def test_pieces_glued_after_full_content_lines_a_little_left_of_the_first_column_are_its_lines() -> None:
    """Item 3's 現状 lines `医療機関への協力依頼` and `（令和3年1月中）` print one space after lines
    that fill the 取組内容 column, a few columns left of 現状's edge. Read as 現状's lines (each one
    space from full-width text, fitting its room), they leave no doubt that a piece near the edge
    may be 現状's pushed left: 現状 is read."""
    result = read("items-glued-piece-pushed-left-of-the-first-column.layout.txt")
    assert cells(result)[(3, "baseline")] == ["医療機関への協力依頼（令和3年1月中）"]
    assert not [d for d in unread(result) if "取組3" in d]
    content = "".join(i.text for i in result.initiatives if i.item_no == 3)
    assert "協力依頼" not in content


def test_a_header_whose_words_inside_a_run_print_to_another_scale_places_its_columns_by_its_runs() -> None:
    """The parentheses under the period words print as one run one space apart (`(事前協議月の
    (事前協議月から (事前協議月から`): pdftotext places a run by its first word only, the rest follow
    to the scale of the run's own text, so the edges its inner words give (62, 71) lie left of
    where the rows print their cells (64, 78-81: too far right for any shift). The runs' starts
    alone (54, 64, 74: each period word printed apart) reach every piece: the items are read
    against those, and only pieces where two columns meet stay unread."""
    result = read("items-header-run-starts-to-the-rows-scale.layout.txt")
    got = cells(result)
    assert got[(1, "actual")] == [
        "研修テーマ：「最期まで望み通りの在宅生活を送るために」",
        "地域ケア個別会議への出席 6回",
    ]
    assert got[(2, "baseline")] == ["5回", "調査期間：令和元年11/14～11/18"]
    assert got[(2, "plan")][:3] == ["実施予定", "0回（9月-12月）", "４回"]
    assert got[(3, "actual")] == ["随時"]
    assert not [d for d in unread(result) if "another scale" in d]
    assert set(got) == {(1, "actual"), (2, "baseline"), (2, "plan"), (3, "actual")}


def test_a_whole_count_glued_after_a_full_content_line_without_digit_spaces_is_the_first_cells() -> None:
    """The print sets no space around half-width digits (`1/2以上`, `1回`): item 2's `1回`, one
    space after a full line of its 取組内容 (`…参加し、グループ 1回`), is set apart by a gap, not
    by a digit's space, and a whole count alone is a period cell's entry: its 現状 cell. Item 1's
    piece where two columns meet stays unread."""
    result = read("items-glued-whole-count-without-digit-spaces.layout.txt")
    assert cells(result).get((2, "baseline")) == ["1回"]
    assert not [d for d in unread(result) if d.startswith("取組2")]
    assert [d for d in unread(result) if d.startswith("取組1")]
    texts = [i.text for i in result.initiatives if i.item_no == 2]
    ending = "グループの取組と課題を報告します。多職種を対象にした在宅医療に関する勉強会を開催します。"
    assert any(t.endswith(ending) for t in texts), texts


def test_an_item_printed_left_of_the_table_keeps_its_wrapped_content_lines() -> None:
    """Item 3 prints two columns left of the table (its bullets' markers at 10, the table's
    取組内容 at 12): the lines its bullets wrap into start one space after its title's pieces
    (`ての普及啓発活動 療機関が協力して参ります。`), left of the table's 取組内容 start. They are
    read from the item's own start, so they go on with their bullets, not the title."""
    result = read("items-item-printed-left-wraps-beside-its-title.layout.txt")
    bullets = [i.text for i in result.initiatives if i.item_no == 3]
    assert bullets[:3] == [
        "市町村が推進する医療と介護の連携についてグループ化した医療機関が協力して参ります。",
        "在宅医療や看取りをテーマとしたパンフレットを購入し、各医療機関に通院している患者・家族等に"
        "配付する事で、普及啓発活動を行います。",
        "人生会議（ACP）の普及のため、リーフレットを待合室に設置します。",
    ]
    titles = {i.item_title for i in result.initiatives if i.item_no == 3}
    assert titles == {"３ 在宅医療についての普及啓発活動等の取組"}, titles
    assert cells(result)[(3, "baseline")][0] == "３件"


def test_an_org_charts_boxes_side_by_side_under_the_bullets_are_no_bullets_line() -> None:
    """An org chart drawn under item 1's bullets prints its boxes' labels on one line, set apart
    by wide gaps, two columns right of the 取組内容 start (`あじさいファミリークリニック    訪問看護
    ステーションほほえみ    みらい訪問看護ステーション`): too little indented for a label alone, yet
    a line of boxes naming facilities, which no bullet prints. It is no line of the bullet."""
    result = read("items-chart-boxes-side-by-side-under-the-bullets.layout.txt")
    assert [i.text for i in result.initiatives if i.item_no == 1] == [
        "これから新たに在宅医療に取り組もうとする医療機関があった場合は相談に乗り、笠間市医師会を通じて"
        "取組を支援していきます。"
    ]


def test_a_chart_label_wrapped_left_of_the_period_columns_is_no_cell_piece() -> None:
    """An org chart drawn under item 1's bullets prints a box's label over two lines left of the
    period columns (`青葉台在宅クリ` | `ニック`, at 45 and 47, the first column's edge at 55): the
    two read as a facility name together, and the item's other pieces start at the header's
    edges. They are the chart's label: item 1's cells are read, not left out for a piece left of
    the first period column."""
    result = read("items-chart-label-wrapped-left-of-the-cells.layout.txt")
    got = cells(result)
    assert got[(1, "baseline")] == ["１回（6 月-1月）", "開催日時：令和 2年 4/8"]
    assert got[(1, "plan")] == ["調査期間：8 月〜9月", "医療機関への協力依頼（3 月中）"]
    assert got[(1, "actual")] == ["１回（12 月-3月）", "１２回"]
    assert not [d for d in unread(result) if d.startswith("取組1")]
    assert not any("青葉台" in text for texts in got.values() for text in texts)


def test_a_chart_label_left_of_the_cells_of_a_row_off_the_header_leaves_the_row_unread() -> None:
    """The same chart label, but item 1's 現状 pieces print eight columns left of their header
    (47, the edge at 55): its pieces do not all start at the header's edges, so the runs left of
    the first period column may be a row printed left as well as a chart's label; item 1's cells
    are not read."""
    result = read("items-chart-label-in-a-row-printed-left.layout.txt")
    assert not [key for key in cells(result) if key[0] == 1]
    assert [d for d in unread(result) if d.startswith("取組1")]


CHART_LINE = (
    "                   みどり野医院        すみれ野診療所      ひだまり内科クリニック      小野崎医院"
)


@pytest.mark.parametrize(
    ("case", "old", "new", "read_first"),
    [
        # the chart's labels, each a facility name, end 9 columns left of the glued pieces (57, 66)
        ("as printed", "", "", True),
        # the same line six columns right: its last label ends within a push of the glued pieces
        ("labels near the glued pieces", CHART_LINE, "      " + CHART_LINE, False),
        # a part set apart naming no facility: it may be a period piece taken for content
        ("a part naming no facility", "すみれ野診療所", "すみれ野の会議", False),
    ],
)
def test_chart_labels_left_of_pieces_glued_after_full_lines(
    case: str, old: str, new: str, read_first: bool
) -> None:
    """Pieces glued one space after full 取組内容 lines (`…確保 ポスター掲示は準備`) are the first
    period column's lines unless a line of the 取組内容 holds words set apart by wide gaps (a
    period piece printed near the content, taken for it). An org chart drawn under the bullets
    prints such lines: where each part names a facility and the line ends further left of the
    glued pieces than pdftotext prints a piece left of its column's place, it holds no period
    piece, and item 1's 現状 cell is read."""
    text = (FIXTURES / "items-chart-labels-left-of-glued-first-cell-lines.layout.txt").read_text()
    result = process_document(text.replace(old, new).encode("utf-8") if old else text.encode("utf-8"))
    got = {key: texts for key, texts in cells(result).items() if key[0] == 1}
    first = [d for d in unread(result) if d.startswith("取組1")]
    if read_first:
        assert got == {
            (1, "baseline"): ["ポスター掲示は準備が出来次第開始", "研修会等への出席及び講師派遣（12回）"]
        }, case
        assert not first, case
    else:
        assert not got, case
        assert first, case
    assert cells(result)[(3, "baseline")] == [
        "多職種連携研修会 6回",
        "研修会等への出席及び講師派遣（18回）",
        "24件",
    ]


@pytest.mark.parametrize(
    ("case", "old", "new", "cells_read"),
    [
        # `年 3 回開催予` (11) and `発送：㋿4 年` (11) fit the columns' rooms (12): the only dealing
        ("as printed", "", "", True),
        # `発送：㋿4 年度末まで` (19) is wider than 実績's room (12) by more than a word alone may
        # fall short of it: no dealing of the run's words to the columns fits
        ("second part wider than its room", "発送：㋿4 年", "発送：㋿4 年度末まで", False),
    ],
)
def test_a_run_split_where_the_next_columns_pieces_start_parts_by_room(
    case: str, old: str, new: str, cells_read: bool
) -> None:
    """Item 2 prints `年 3 回開催予 発送：㋿4 年` as one run, split where the 実績 pieces of its
    other lines start (83); its first part reaches the 実績 column's edge, so its last words might
    be 実績's and the split piece a column further right. Where the split is the only dealing of
    the words to the columns from 計画's on that leaves no column wider than its room (`年 3` |
    `回開催予 発送：㋿4 年` leaves 実績 too wide, and 実績 is the last column), the two cells are
    read; else both are left out."""
    result = read("items-two-cells-one-space-apart-parted-by-room.layout.txt", old, new)
    got = cells(result)
    split = [d for d in unread(result) if d.startswith("取組2") and "one space apart" in d]
    if cells_read:
        assert got[(2, "plan")] == [
            "年 3 回開催予定",
            "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
        ], case
        assert got[(2, "actual")] == ["発送：㋿4 年12 月 2 日（金）"], case
        assert not split, case
    else:
        assert (2, "plan") not in got and (2, "actual") not in got, case
        assert len(split) == 2, case
    assert got[(2, "baseline")] == ["開催日時：令和 5 年 3/13(月)", "ネットワーク会議：2 回"]


def test_a_piece_opening_with_a_note_mark_glued_after_a_full_content_line_is_the_first_cells() -> None:
    """Item 3 prints `…関係機関への配付 ※定期的（1` one space apart: `※` is of ambiguous width but
    prints full-width in a Japanese font, so the space between two full-width characters is a gap
    on the page, not one pdftotext sets around half-width digits: the piece is 現状's line."""
    result = read("items-note-mark-piece-glued-after-a-full-content-line.layout.txt")
    assert cells(result)[(3, "baseline")] == [
        "※定期的（1回/3箇月）開催",
        "研修内容：寸劇および交流会",
        "医療機関への協力依頼（4月中）",
    ]
    assert not [d for d in unread(result) if d.startswith("取組3") and "full line" in d]
    content = "".join(i.text for i in result.initiatives if i.item_no == 3)
    assert "※定期的" not in content


def test_a_piece_of_one_word_glued_after_a_full_content_line_is_the_first_cells_however_wide() -> None:
    """Item 2 prints `…に関する相談 ◆多職種連携研修会（0` one space apart: the piece (21) is wider
    than the widest word printed alone in a period cell (20), yet a word holds no space, and two
    cells print a space apart: it is one cell's line, the first period column's."""
    result = read("items-piece-of-one-word-glued-wider-than-the-room.layout.txt")
    got = cells(result)
    assert got[(2, "baseline")] == [
        "多職種連携研修会（0回）",
        "準備中",
        "研修内容：寸劇および交流会",
        "派遣先：常陸太田市南部高齢者支援センター「在宅医療講演会」",
    ]
    assert got[(2, "plan")][0] == "開催日時：11/26(火)午後3時～4時30分"
    assert not [d for d in unread(result) if d.startswith("取組2")]


@pytest.mark.parametrize(
    ("case", "old", "new", "cells_read"),
    [
        ("one run", "", "", True),
        # two spaces: the count is a piece of its own, apart from the glued one on its line
        ("two pieces apart", "◆月 2 回程度開催", "◆月  2 回程度開催", False),
    ],
)
def test_a_glued_piece_going_on_past_the_content_region_is_one_line_with_the_rest(
    case: str, old: str, new: str, cells_read: bool
) -> None:
    """Item 1 prints `…ようにしていき ◆月 2 回程度開催` as one run: `◆月` glued after the full
    content line, `2 回程度開催` past the content's region, read as a run of the first period
    column. They are one line of 現状's cell, joined, not two pieces ordered apart (`…医師 2 回程度
    開催` | `月`). Where the two print apart on the line, their order in the cell is not told, and
    現状 is not read."""
    result = read("items-glued-piece-going-on-as-a-run-of-the-first-column.layout.txt", old, new)
    got = cells(result)
    if cells_read:
        assert got[(1, "baseline")] == ["派遣講師：在宅療養支援診療所 医師", "月 2 回程度開催"], case
    else:
        assert (1, "baseline") not in got, case
        assert [d for d in unread(result) if d.startswith("取組1") and "shares its line" in d], case
    plan = ["※定期的（1 回/2 箇月）開催", "調査期間：5 月〜8 月", "3 回（2 月～3 月）"]
    assert got[(1, "plan")] == plan, case


def test_the_rest_of_a_content_run_reaching_the_next_columns_edge_leaves_that_column_unread() -> None:
    """Item 3 prints `…グループ化した医 令和4年2月29日開 りの在宅生活を` as one run from its content
    on: the rest past the content's region starts no column's piece (its place is the content's),
    and it reaches over 取組目標's edge with more than one word, so its last words may be
    取組目標's line (`研修テーマ：「最期まで望み通` | `りの在宅生活を` | `送るために」`). Both cells are
    left unread, not 取組目標 read without its line."""
    result = read("items-content-run-going-on-into-two-cells.layout.txt")
    got = cells(result)
    assert (3, "baseline") not in got and (3, "plan") not in got
    assert got[(3, "actual")] == ["1件"]
    assert len([d for d in unread(result) if d.startswith("取組3") and "over a column's edge" in d]) == 2


def test_a_chart_box_label_opening_with_a_facility_word_is_no_cell() -> None:
    """Item 1 draws an org chart under its bullets; its last box's label, wrapped in the box
    (`訪問看護ス` | `テーション` | `あさがお`), prints under 現状's header. Its text opens with a
    facility's name and its own name after it, ending as no facility does: it is a chart label
    all the same, and 現状 (empty in the item) is not read from it."""
    result = read("items-chart-box-label-opening-with-a-facility-word.layout.txt")
    got = cells(result)
    assert (1, "baseline") not in got
    assert got[(1, "plan")] == ["※定期的（1回/4箇月）開催", "講師：森田医院院長", "2/18（木）開催"]
    assert [d for d in unread(result) if d.startswith("取組1") and "labels of the chart" in d]


def test_a_piece_with_half_width_digits_glued_after_a_full_content_line_is_measured_by_its_room() -> None:
    """Item 1 prints `…調整窓口となり 発送：令和2年1/26（日` one space apart: the piece has 13
    characters, more than a period column's line (12), yet its half-width digits take half a
    full-width character's room each, so it is no longer than such a line: it is 現状's first
    line, not the end of the bullet, and the cell is not read without it."""
    result = read("items-piece-of-one-word-glued-wider-than-the-room.layout.txt")
    assert cells(result)[(1, "baseline")] == [
        "発送：令和2年1/26（日）15:00～16:00",
        "研修会等への出席及び講師派遣 1回",
    ]
    bullets = [i.text for i in result.initiatives if i.item_no == 1]
    assert not [b for b in bullets if "発送" in b], bullets


@pytest.mark.parametrize(
    ("case", "old", "new", "cells_read"),
    [
        ("parted by room", "", "", True),
        # a half-width digit after the first part: the space may be one pdftotext sets around it
        ("no gap told", "相互に （9 月中）", "相互に 9 月中）", False),
    ],
)
def test_a_glued_piece_of_two_cells_is_parted_where_the_first_fills_its_room(
    case: str, old: str, new: str, cells_read: bool
) -> None:
    """Item 2 prints `…連絡をすること とに窓口を設置して相互に （9 月中）` one space apart: the
    piece after the full content line is wider than a period cell's line, so it holds two cells.
    Only one split leaves its first part filling 現状's room and the rest fitting 取組目標's, and
    the two print one space apart between full-width characters (a gap on the page): 現状 gets
    `とに窓口を設置して相互に`, 取組目標 `（9 月中）`. Where no gap tells the parts apart, neither
    cell is read."""
    result = read("items-glued-piece-of-two-cells-parted-by-room.layout.txt", old, new)
    got = cells(result)
    if cells_read:
        assert got[(2, "baseline")] == [
            "医療機関への協力依頼（5月中）",
            "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
            "随時",
            "2件",
        ], case
        assert got[(2, "plan")][1:3] == ["4 回（9 月-12 月）", "医療機関への協力依頼（9 月中）"], case
        assert not [d for d in unread(result) if d.startswith("取組2")], case
    else:
        assert (2, "baseline") not in got and (2, "plan") not in got, case
        assert [d for d in unread(result) if d.startswith("取組2") and "full line" in d], case
    assert got[(2, "actual")][0] == "年 3 回開催予定", case


def test_glued_pieces_parted_into_cells_leave_those_cells_unread_where_another_piece_is_not_certain() -> None:
    """Item 1 glues pieces after full content lines; several part into 現状's and 取組目標's cells
    (`それぞれの医療機 して相互に連`), yet the item's glued pieces are not all certain, so none is
    read. The cells the parted pieces hold words of are then reported unread with 現状, not
    取組目標 read without those lines or left out silently."""
    result = read("items-glued-pieces-parted-and-not.layout.txt")
    got = cells(result)
    assert (1, "baseline") not in got and (1, "plan") not in got
    assert [d for d in unread(result) if d.startswith("取組1") and "first 2 period cells" in d]


def test_half_width_text_glued_after_a_full_content_line_that_the_next_line_goes_on_with_stays_content() -> (
    None
):
    """Item 3's 取組内容 line `…掲載します。令和 2 年 1` fills its column and its next line goes on
    `1 月に出前講座…`: the `1` after the space pdftotext sets around half-width digits is the
    content's, never a period piece cut from it (which read 令和2年1月 where the print says
    令和2年11月). Whether 現状 has a piece on the line is not known: it stays unread."""
    result = read("items-content-wrapping-on-after-half-width-text-glued-one-space-after.layout.txt")
    raws = [d.raw for d in result.dates if d.source_table == "initiatives" and d.item_no == 3]
    assert "令和 2 年 11 月" in raws and "令和 2 年 1 月" not in raws
    content = [i.text for i in result.initiatives if i.item_no == 3]
    assert "那珂市の広報誌に在宅医療の特集記事を掲載します。令和 2 年 11 月に出前講座を実施しました。" in (
        content
    )
    assert (3, "baseline") not in cells(result)
    assert any("取組3" in d and "full line" in d for d in unread(result))


def test_a_piece_the_header_places_apart_as_its_words_stand_centred_is_not_read() -> None:
    """The header's period words stand centred over their columns (`現状` at 51 over its
    parenthesis at 47, `計画` at 61 with no parenthesis opening a run near it): item 1's 実績
    pieces at 65 fall under 計画 by `計画`'s own start, under 実績 where 計画's column starts as
    far left of its word as 現状's does. Neither is certain: they are read under no period
    (never 実績's entries as 計画's), while the other items' pieces, placed alike either way,
    are read."""
    result = read("items-header-words-centred-over-their-columns.layout.txt")
    got = cells(result)
    assert (1, "plan") not in got and (1, "actual") not in got
    assert [d for d in unread(result) if "取組1" in d] == [
        "取組1: its header's period words may stand centred over their columns, and a piece placed "
        "so falls under another period than by the header's edges: its 計画(補 cell not read"
    ]
    assert got[(3, "actual")][0] == "月 4 回程度開催"
    assert got[(1, "baseline")][0] == "10 回（9 月-2月）"


def test_an_item_printed_left_without_list_markers_reads_its_content_from_its_own_start() -> None:
    """Item 3 prints two columns left of the table (`３ 在宅医療につい ホームページを…`, `関に在宅医療
    に関する…` opening a line left of the 取組内容 column's start) and no list marker tells where
    its content starts: its content is read from where its words beside the title start, never
    left in the title (which dropped every line but those parted by half-width text: `2/3 でした。`
    alone)."""
    result = read("items-item-printed-left-without-markers.layout.txt")
    content = "".join(i.text for i in result.initiatives if i.item_no == 3)
    assert content.startswith("ホームページを開設している医療機関等は在宅医療について掲載していきます。")
    assert "R3.8.29（日）18:00～20:00 に出前講座を実施しました。" in content
    assert "グループの医療機関に在宅医療に関する内容" in content
    raws = [d.raw for d in result.dates if d.source_table == "initiatives" and d.item_no == 3]
    assert "R3.8.29（日）18:00～20:00" in raws


def test_a_marked_entry_one_space_after_a_sentence_of_the_content_is_no_content() -> None:
    """Item 2's first bullet ends its sentence short of the column (`…事例を報告しました。`) and
    現状's first entry prints one space after it (`※定期的（1回/3箇月）`), running on over 現状's
    edge: a bullet opens a line of its own and pdftotext sets no space between full-width
    characters side by side, so the entry is a period cell's, never the bullet's. Its run
    leaves 現状 unread as before; 計画 is read."""
    result = read("items-marked-entry-one-space-after-a-sentence.layout.txt")
    content = [i.text for i in result.initiatives if i.item_no == 2]
    assert content[0] == "10月～1月に東海村地域ケア会議へ出席し、事例を報告しました。"
    assert not any("定期的" in text for text in content)
    got = cells(result)
    assert (2, "baseline") not in got
    assert got[(2, "plan")][0] == "※定期的（1回/3箇月）開催"
    assert [d for d in unread(result) if "取組2" in d] == [
        "取組2: a run of words reaches over a column's edge, so its cells cannot be told apart: its 現状 "
        "cell not read"
    ]


def test_a_marked_entry_after_a_sentence_well_left_of_the_cells_leaves_the_first_cell_unread() -> None:
    """The same entry printed where no run of the period columns holds it (the bullet's sentence
    shorter): it is cut from the bullet all the same, and 現状, whose entry it may be, is not
    read."""
    text = (FIXTURES / "items-marked-entry-one-space-after-a-sentence.layout.txt").read_text()
    text = text.replace(
        "①10月～1月に東海村地域ケア会議へ出席し、事例を報告しました。", "①10月に出席しました。", 1
    )
    result = process_document(text.encode("utf-8"))
    content = [i.text for i in result.initiatives if i.item_no == 2]
    assert content[0] == "10月に出席しました。"
    assert (2, "baseline") not in cells(result)
    assert [d for d in unread(result) if "取組2" in d] == [
        "取組2: a list entry printed one space after a sentence of its 取組内容 belongs to no certain "
        "cell: its first period cell not read"
    ]


def test_pieces_where_an_item_under_a_centred_header_shows_every_column_are_read() -> None:
    """The header of `items-header-words-centred-over-their-columns` again (`現 状` at 51 over its
    parenthesis at 47, `計 画` at 60 with none), item 1's 計画 pieces at 63: the header's edges
    and its words read as centred place them apart, but item 3 shows every column (47 | 63 | 74),
    63 its second: they are 計画's, read."""
    result = read("items-header-words-centred-and-an-item-showing-every-column.layout.txt")
    got = cells(result)
    assert got[(1, "plan")] == ["住民向け勉強会（５回）", "派遣講師：在宅療養支援診療所 医師"]
    assert got[(2, "plan")] == ["住民向け勉強会：２回"]
    assert not [d for d in unread(result) if "取組1" in d or "取組2" in d]


def test_header_words_printed_one_a_line_label_their_columns_left_to_right() -> None:
    """`現状`, `実績` and `取組目標` print one a line, `実績` above `取組目標` and right of it: the
    columns take their labels left to right by where the words print (現状 | 取組目標 | 実績), never
    in printed order, which read item 1's 実績 entries as 取組目標's."""
    result = read("items-header-words-one-a-line-out-of-their-column-order.layout.txt")
    got = cells(result)
    assert got[(1, "actual")] == ["調査期間：5月-6月", "医療機関への協力依頼（1月中）", "未定"]
    assert (1, "plan") not in got
    assert got[(2, "plan")] == ["2回（4月～5月）"]
