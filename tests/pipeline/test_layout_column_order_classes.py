"""One class of pdftotext -layout output per test (issue 7): the 取組 table's period cells
(現状/取組目標/実績) where the header and the rows print at different column scales. pdftotext
places each block of a page right of every block wholly left of it, so the cells' columns do not
keep the header's places, but they keep the page's left-to-right order. A cell is placed where
that order (or a shift its whole pattern shows) tells its column, and left out
(`status_cell_unread`) where it does not: never in a wrong period. The texts are cut from
pdftotext -layout output of generated reports (tests/fixtures/layout)."""

from __future__ import annotations

from pipeline.process import process_document
from tests.pipeline.test_layout_item_classes import FIXTURES, cells, read, unread


def test_two_cells_of_an_item_under_a_narrower_header_go_by_the_page_not_by_a_shift() -> None:
    """The header's period columns print 7 apart, the cells 9 and 10 apart. Item 1 prints two
    cells (3 columns left of 現状, under 取組目標): a shift left would put the second under 実績;
    item 2 below, with a cell in every column, shows the page's 取組目標 column where item 1's
    second cell starts."""
    got = cells(read("items-cells-wider-than-header.layout.txt"))
    assert got[(1, "plan")] == ["研修テーマ：「最期まで望み通りの在宅生活を送るために」"]
    assert (1, "actual") not in got
    assert got[(2, "plan")] == ["派遣先：北茨城市南部高齢者支援センター「在宅医療講演会」"]
    assert got[(3, "actual")] == ["6回", "調査期間：1月 11 日～31日"]


def test_an_item_whose_two_cells_fit_a_shift_left_of_the_header_keeps_them_under_their_own_headers() -> None:
    """Item 2's cells start 2 columns left of 現状 and 3 right of 取組目標: a shift of 4 to the
    left would put the second under 実績, but two cells do not show such a shift."""
    result = read("items-two-cells-left-of-header.layout.txt")
    got = cells(result)
    assert got[(2, "plan")] == ["医療機関への協力依頼（10月中）"]
    assert (2, "actual") not in got
    assert got[(1, "actual")][0] == "６回/年"


def test_a_chart_drawn_beside_the_cells_leaves_its_item_unread() -> None:
    """Item 1's content holds an org chart whose labels print left of the period columns: taken
    for cells, they make three places and would move the real cells one period right. Those
    places break the header's order (the second starts where 現状's header does): no pattern, and
    item 1 is not read. Item 2 prints a cell in every column; item 3, whose header places are
    out of scale, is placed by the page's order against item 2's cells."""
    result = read("items-chart-beside-cells.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 1]
    assert any(d.startswith("取組1") for d in unread(result))
    assert got[(2, "baseline")] == ["医療機関への協力依頼（2 月中）"]
    assert got[(2, "actual")][0] == "5 回（11 月-2 月）"
    assert got[(3, "baseline")] == [
        "派遣講師：在宅療養支援診療所 医師",
        "それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築",
    ]
    assert got[(3, "actual")] == ["発送：令和 4 年 3/21（月）10 時～11時"]
    assert (3, "plan") not in got
    assert result.document.status == "partial"


def test_two_cells_that_fit_a_shift_right_and_a_shift_left_alike_are_not_read() -> None:
    """Item 2's cells start 9 columns apart under headers 11 and 12 apart: 5 columns right of
    現状 and 取組目標, or 5 and 8 left of 取組目標 and 実績 (its truth). No other item of the page
    shows its columns: the item's period cells are not read, not guessed."""
    result = read("items-two-cells-fit-two-shifts.layout.txt")
    assert not [key for key in cells(result) if key[0] == 2]
    assert any(d.startswith("取組2") and "more than one placing" in d for d in unread(result))


def test_a_cell_pushed_right_by_its_rows_wider_cell_tells_no_column_beyond_the_next() -> None:
    """Item 1's one 取組目標 cell (`未定`) prints two columns after a long line of its 現状 cell,
    where 実績's header starts: pdftotext pushed it there past the 現状 text, so it may as well
    be 取組目標's. Its period cells are not read; item 2's, printed apart, are."""
    result = read("items-cell-pushed-past-a-column.layout.txt")
    got = cells(result)
    assert (1, "actual") not in got and (1, "plan") not in got
    assert any(d.startswith("取組1") and "push" in d for d in unread(result))
    assert got[(2, "baseline")] == ["実施予定", "グループ連絡会議 3 回", "症例検討会：0 回"]


def test_a_period_word_printed_five_lines_above_the_header_line_is_read_with_the_header() -> None:
    """`現 状` prints five lines above 取組事項, above its own parenthesis pieces: read with the
    header, its column is one of three; missed, the header would have two columns and every 現状
    cell would be read as 取組目標's."""
    got = cells(read("items-header-word-far-above.layout.txt"))
    assert got[(1, "baseline")][:2] == ["発送：令和二年一月十九日", "医療機関への協力依頼（7 月中）"]
    assert got[(1, "plan")] == ["６件"]
    assert got[(2, "plan")] == ["3 回/年", "調査期間：8 月～1月", "医療機関への協力依頼（令和元年 6 月中）"]
    assert got[(2, "actual")][0] == "※それぞれの医療機関ごとに窓口を設置して相互に連絡できる体制の構築"


def test_a_cell_pushed_right_by_its_row_does_not_set_its_items_shift() -> None:
    """Item 1's 現状 cell starts at its header's edge; its 取組目標 cell, pushed right by the
    content, starts 5 right of 取組目標's edge and 4 left of 実績's. One shift of 2 to the left
    would put both within reach of an edge and the 取組目標 cell under 実績: a compromise between
    two shifts, so the item's cells are not read (never 取組目標's text as 実績)."""
    result = read("items-cell-pushed-sets-the-shift.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 1]
    assert any(d.startswith("取組1") and "no one shift places them" in d for d in unread(result))
    assert got[(3, "actual")] == ["未定", "1 回"]
    assert result.document.status == "partial"


def test_a_shift_that_puts_a_cell_left_of_the_header_it_starts_under_is_not_taken() -> None:
    """On the header printed again on the next page, item 3's 取組目標 cell starts a column left
    of 取組目標's edge, its 実績 cell four right of 実績's: a shift of 5 to the right reaches both
    but puts the first under 現状. The two cells take different shifts: not read."""
    result = read("items-shift-between-two-pushes.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 3]
    assert any(d.startswith("取組3") and "no one shift places them" in d for d in unread(result))
    assert got[(2, "plan")][0] == "症例検討会：10回"


def test_a_cell_the_items_own_columns_place_otherwise_than_the_header_is_not_read() -> None:
    """Item 1's pieces start at three places well apart (its own 現状/計画/実績 columns); the
    third starts left of 実績's header, which would put it under 計画. Its own columns and the
    header disagree: the item is not read (never its 実績 figure as 計画)."""
    result = read("items-own-columns-against-header.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 1]
    assert any(d.startswith("取組1") and "its own pieces show" in d for d in unread(result))
    assert got[(2, "actual")] == ["医療機関への協力依頼（8月中）", "年２回開催予定"]


def test_a_row_printed_left_of_the_header_without_a_shift_is_not_placed_by_the_header() -> None:
    """Item 2's 現状 cell starts 5 columns left of 現状's header, its 実績 cell 2 right of
    取組目標's (the row printed left of its header by an amount no one shift tells): read under the
    headers, 実績 would go to 取組目標. The page's other items do not confirm where it starts: not
    read."""
    result = read("items-row-left-of-the-header-unplaced.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 2]
    assert any(d.startswith("取組2") and "left of the first period column" in d for d in unread(result))
    assert got[(1, "actual")] == ["調査期間：6月-1月", "市民公開講座：２４回"]


def test_a_piece_between_the_pages_columns_off_unlike_the_items_other_piece_is_not_read() -> None:
    """Item 3's 現状 cell starts where the page's 現状 cells do; its other cell starts between
    where the page's 取組目標 and 実績 cells start, two columns short of 実績's header: a shift
    of none puts it under 実績, but it is 取組目標's. Its pieces sit unlike off the page's
    columns: not read."""
    result = read("items-piece-between-the-pages-columns.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 3]
    assert any(d.startswith("取組3") and "unlike off where other items" in d for d in unread(result))
    assert got[(1, "plan")][0] == "月1回程度開催"


def test_a_list_marker_one_space_after_a_cells_words_filling_its_room_opens_the_next_columns_cell() -> None:
    """Item 2's 現状 line `◆研修内容：寸 ・2 回` holds the 取組目標 entry `・2 回` one space after
    its own words, short of 取組目標's header: a cell's entries open its lines, so the marked
    entry is another cell's, and the one split that leaves `◆研修内容：寸` filling 現状's room and
    `・2 回` fitting 取組目標's puts it in 取組目標 (as `・10 回` on the next line)."""
    result = read("items-marker-one-space-after-a-cell.layout.txt")
    got = cells(result)
    assert got[(2, "baseline")] == ["研修内容：寸劇および交流会", "24 回", "検討中"]
    assert got[(2, "plan")] == ["2 回", "10 回"]
    assert not [d for d in unread(result) if d.startswith("取組2")]
    assert got[(1, "actual")] == ["多職種連携研修会：0 回", "研修会等への出席及び講師派遣（18 回）"]


def test_a_list_marker_one_space_after_a_cells_words_short_of_its_room_leaves_both_cells_unread() -> None:
    """The same line with 現状's words short of its room (`◆研修 ・2 回`): no split leaves a
    first part filling its column, so which column the marked entry is printed after is not told
    (a cell's entries open its lines, so it may be the next column's cell): neither is read."""
    text = FIXTURES.joinpath("items-marker-one-space-after-a-cell.layout.txt").read_text(encoding="utf-8")
    result = process_document(text.replace("◆研修内容：寸 ・2 回", "◆研修 ・2 回").encode("utf-8"))
    got = cells(result)
    assert (2, "baseline") not in got and (2, "plan") not in got
    assert any(d.startswith("取組2") and "list marker" in d for d in unread(result))


def test_a_marked_entry_split_off_a_cells_run_into_the_same_column_leaves_both_unread() -> None:
    """Item 3's 取組目標 run `開催日時：平成30年11月2日（ ＊症例検討会：3回` is split where the next
    line's 実績 cell starts (`＊研修テーマ…`); both parts fall under 取組目標, so 実績's cell went
    there too. A marked entry one space after a cell's words: neither cell is read."""
    result = read("items-marker-split-off-a-cell.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 3]
    assert any(d.startswith("取組3") and "list marker" in d for d in unread(result))
    assert got[(2, "actual")] == ["発送：平成三十年一月十日"]


def test_three_cells_one_space_apart_leave_the_run_and_its_split_piece_unread() -> None:
    """Item 1's first line prints 現状 `グループ名 小`, 取組目標 `地域ケア個別` and 実績
    `※定期的（1` one space apart. The run is split where the next lines' pieces start (under
    取組目標's header), so 実績's text would go to 取組目標. A run of several words reaching the
    next column's edge, with a piece one space after it: none of those columns is read."""
    result = read("items-three-cells-one-space-apart.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 1]
    assert any(d.startswith("取組1") and "one space apart" in d for d in unread(result))
    assert got[(2, "baseline")][-1] == "１８件"


def test_two_cells_a_far_shift_places_under_two_of_three_headers_are_not_read() -> None:
    """Item 2 prints two cells, 6 right of 現状's edge and 7 right of 計画's: one shift of 5
    places them there, but 実績's header is 7 right of the second too (the header printed to
    another scale): a shift that far, shown by two of three columns, fits more than one pattern.
    Not read (never 実績's counts as 計画's)."""
    result = read("items-two-cells-shifted-far.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 2]
    assert any(d.startswith("取組2") and "a shift this far" in d for d in unread(result))


def test_a_piece_nearer_the_next_columns_edge_without_a_shift_is_not_read() -> None:
    """Item 1's cells start 4 right of 現状's edge and 12 right of 取組目標's, 6 left of 実績's:
    no one shift places them, and read under the header it starts under, the second would go to
    取組目標. A piece nearer the next column's edge than its own: not read."""
    result = read("items-piece-nearer-the-next-edge.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 1]
    assert any(d.startswith("取組1") and "nearer the next column's edge" in d for d in unread(result))


def test_a_piece_midway_between_two_columns_edges_without_a_shift_is_not_read() -> None:
    """Item 2's second cell starts 7 right of 計画's edge and 7 left of 実績's (its 計画 cell
    blank): as near one as the other, it may be either column's. Not read (it is 実績's)."""
    result = read("items-piece-midway-between-two-edges.layout.txt")
    got = cells(result)
    assert not [key for key in got if key[0] == 2]
    assert any(d.startswith("取組2") and "nearer the next column's edge" in d for d in unread(result))


def test_three_cells_one_space_apart_are_told_apart_where_each_but_the_last_fills_its_room() -> None:
    """Item 1's three cells print one space apart on most lines, the columns narrower on the page
    than their text (`派遣先：石岡町南 頼（令和2年3月中） 依頼（5月中）`). Where exactly one split of a
    run leaves each part but the last filling its column's room and the last fitting its own, the
    parts are the cells: 現状's lines are read."""
    got = cells(read("items-three-cells-one-space-apart-told-by-their-room.layout.txt"))
    assert got[(1, "baseline")] == ["H31.4.12開催", "派遣先：石岡町南部高齢者支援センター「在宅医療講演会」"]
    assert got[(2, "actual")] == ["未定", "6回", "発送：2019年9月28日", "2回"]


def test_a_piece_one_space_after_a_whole_line_of_a_cell_starts_a_cell_of_its_own() -> None:
    """Item 1's first line prints `H31.4.12開催` (現状) and one space after it, where the item's
    取組目標 pieces start, `医療機関への協力依 医療機関への協力`: `H31.4.12開催` with the next word would
    take more room than a line of 現状's cell, so the piece starts a cell of its own, placed by
    where it starts, and its two cells are told apart by their room as any run's. Every cell of
    the item is read."""
    result = read("items-three-cells-one-space-apart-told-by-their-room.layout.txt")
    got = cells(result)
    assert got[(1, "plan")][0] == "医療機関への協力依頼（令和2年3月中）"
    assert got[(1, "plan")][-1] == "検討中"
    assert got[(1, "actual")][:2] == ["医療機関への協力依頼（5月中）", "1回/年"]
    assert not [d for d in unread(result) if d.startswith("取組1")]


def test_two_cells_one_space_apart_before_a_third_are_told_apart_by_their_room() -> None:
    """Item 2's first line prints 現状 `※定期的（1 回/2 箇`, 取組目標 `医療機関への協力依` and, one
    space after them, 実績 `*ポスター掲示は準` where the item's 実績 pieces start. The run of the
    first two splits by their room (each filling its column's); the third piece, with the run's
    last cell's word before it, would take more room than a line of 取組目標's cell, and starts
    right of 取組目標's edge: a cell of its own, 実績's. Every cell of the item is read."""
    result = read("items-two-cells-one-space-apart-before-a-third.layout.txt")
    got = cells(result)
    assert got[(2, "baseline")][0] == "※定期的（1 回/2 箇月）開催"
    assert got[(2, "plan")] == ["医療機関への協力依頼（3 月中）"]
    assert got[(2, "actual")][:2] == ["ポスター掲示は準備が出来次第開始", "年２回開催予定"]
    assert not [d for d in unread(result) if d.startswith("取組2")]


def test_a_cell_line_wider_than_any_word_alone_in_its_column_fits_the_room_the_columns_share() -> None:
    """Item 3's 取組目標 line `ネットワーク会議 2` takes 17 columns of room, one more than any word
    printed alone in 取組目標 (16), short of the words alone in 現状 and 実績 (18). The period
    columns print alike wide, so the room of each is the widest of them: the line is one cell's,
    and the item's cells are read, not left out as holding two cells."""
    result = read("items-cell-line-wider-than-any-word-alone-in-its-column.layout.txt")
    got = cells(result)
    assert got[(3, "plan")][:2] == ["ネットワーク会議 2回", "24 件"]
    assert got[(3, "baseline")][0] == "12 回/年"
    assert got[(3, "actual")] == [
        "出前講座：1 回",
        "開催日時：令和 2年 5 月 19 日(火)19:00～",
        "症例検討会 12 回",
    ]
    assert not [d for d in unread(result) if d.startswith("取組3")]
