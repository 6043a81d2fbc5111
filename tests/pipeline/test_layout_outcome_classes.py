"""One class of pdftotext output per test (issue 7): the 取組効果 cells and rows of layout text,
rebuilt where certain and left unplaced (null-free, `cells_ambiguous`, `partial`) where not.
The texts are cut from pdftotext output of generated reports, names and figures changed."""

from __future__ import annotations

from extractors.blocks import Block, Span
from pipeline.locate.layout_cells import CellDraft, read_line, words_of
from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT

HEADING = "【参入促進・連携（グループ化）の取組効果】"
SECTION1 = "１ 在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）"
SECTION2 = "２ 在宅に赴いて診療（往診、訪問診療）する合計回数"
SECTION4 = (
    "４ グループ化した医療機関における後方支援病院等への在宅医療患者の診療の紹介数、"
    "急変時の受入数及び後方支援病院等からの逆紹介数"
)
PERIODS = "現 状\n取組目標\n実 績"
OUTCOMES = ROOT / "tests" / "fixtures" / "layout" / "outcomes"  # layout texts of generated reports


def run(*parts: str) -> DocumentResult:
    return process_document("\n\n".join([HEADING, *parts]).encode("utf-8"))


def figures(result: DocumentResult, section: int) -> set[tuple[object, ...]]:
    return {
        (o.institution, o.metric, o.period, o.value)
        for o in result.outcomes
        if o.section == section and o.value is not None
    }


def group_visits(periods: dict[str, tuple[int, int, int]]) -> set[tuple[object, ...]]:
    """Section 2's group-total figures: period -> (合計回数, 往診, 訪問診療)."""
    metrics = ("visits", "visits_on_call", "visits_scheduled")
    return {(None, m, p, v) for p, values in periods.items() for m, v in zip(metrics, values, strict=True)}


def ambiguous(result: DocumentResult) -> list[str]:
    return [c.detail for c in result.checks if c.check == "cells_ambiguous"]


def read(lines: list[str]) -> list[CellDraft]:
    """Cells of printed lines read one after another, as the layout stream reads them."""
    cells: list[CellDraft] = []
    for number, text in enumerate(lines, start=1):
        line = Block("line", Span(line_start=number, line_end=number), text)
        reading = read_line(words_of(text), [c for c in cells if not c.ended])
        for target, words in reading.pieces:
            cell = target if isinstance(target, CellDraft) else CellDraft(target, line, words[0].col, number)
            cell.add(words, line, number)
            if cell not in cells:
                cells.append(cell)
    return cells


def test_cells_whose_lines_alternate_are_rebuilt_with_a_number_wrapped_between_them() -> None:
    cells = read(
        [
            "合計回数： 849 回（うち往",
            "合計回数： 回（うち往診：",
            "診： 146 回、訪問診療： 70",
            "回、訪問診療： 回）",
            "3 回）",
        ]
    )
    assert [c.text for c in cells] == [
        "合計回数： 849 回（うち往診： 146 回、訪問診療： 703 回）",
        "合計回数： 回（うち往診：回、訪問診療： 回）",
    ]


def test_three_cells_printed_beside_each_other_on_every_line() -> None:
    cells = read(
        [
            "合計回数： 270 回（うち往 合計回数： 572 回（うち往 合計回数： 385 回（うち往",
            "診： 46 回、訪問診療： 224 診： 34 回、訪問診療： 538 診： 89 回、訪問診療： 296",
            "回）",
            "回）",
            "回）",
        ]
    )
    assert [c.key for c in cells] == [
        "合計回数:270回(うち往診:46回、訪問診療:224回)",
        "合計回数:572回(うち往診:34回、訪問診療:538回)",
        "合計回数:385回(うち往診:89回、訪問診療:296回)",
    ]


def _block_of_labels(total: tuple[int, int, int]) -> DocumentResult:
    """Default mode printing the names as one block and the figures as another."""
    a, b, c = total
    return run(
        SECTION1,
        PERIODS,
        "・あおば医院\n・さくらクリニック",
        "1名\n2名\n3名\n4名\n5名\n6名",
        "連携する医療機関内の合計",
        f"{a}名\n{b}名\n{c}名",
    )


def test_labels_printed_apart_from_their_rows_are_placed_where_the_total_confirms_them() -> None:
    result = _block_of_labels((5, 7, 9))
    assert figures(result, 1) >= {
        ("あおば医院", "patients", "baseline", 1),
        ("あおば医院", "patients", "actual", 3),
        ("さくらクリニック", "patients", "plan", 5),
        (None, "patients", "actual", 9),
    }
    assert not ambiguous(result)


def test_labels_printed_apart_from_their_rows_are_not_placed_where_the_total_disagrees() -> None:
    result = _block_of_labels((5, 7, 10))
    assert figures(result, 1) == set()
    assert len(ambiguous(result)) == 3
    assert result.document.status == "partial"


def test_a_digit_printed_apart_from_its_cell_leaves_the_cell_that_lost_it_unplaced() -> None:
    """`２` of `２３回` printed after the table: the cell reads 3 + 89 ≠ 112 and is not placed;
    a cell of the same section that adds up is."""
    result = run(
        SECTION2,
        PERIODS,
        "・あおば医院",
        "合計回数: 10回(うち往診: 1回、訪問診療: 9回)",
        "合計回数: 11回(うち往診: 2回、訪問診療: 9回)",
        "合計回数: 112回(うち往診:\n3回、訪問診療: 89回)",
        "２",
    )
    assert figures(result, 2) == set()
    assert any("printed apart from its cell" in d for d in ambiguous(result))


def test_a_name_cut_short_is_not_taken_for_an_institution() -> None:
    result = run(SECTION1, PERIODS, "・加藤整形外科クリニッ", "4名\n5名\n6名")
    assert figures(result, 1) == set()
    assert any("cut short" in d for d in ambiguous(result))


def test_a_name_whose_end_printed_apart_is_joined() -> None:
    result = run(SECTION1, PERIODS, "・加藤整形外科クリニッ", "4名\n5名\n6名", "在宅に赴いて診療 ク")
    assert ("加藤整形外科クリニック", "patients", "actual", 6) in figures(result, 1)


def test_section4_rows_printed_in_a_block_need_the_difference_to_confirm_them() -> None:
    headers = "現 状\n(グループ化前 (R3年度 (A)))\n実 績\n(グループ化後 (R4年度 (B)))\n差\n(B) - (A)"
    block = "紹介数\n急変時の受入数\n9件\n28件\n19件\n3件\n0件\n−3件"
    confirmed = run(SECTION4, headers, block)
    assert ("emergency_admissions", "difference", -3) in {(m, p, v) for _, m, p, v in figures(confirmed, 4)}
    broken = run(SECTION4, headers, block.replace("19件", "18件"))
    assert figures(broken, 4) == set()


def test_section4_rows_printed_in_a_block_without_a_difference_are_not_placed() -> None:
    headers = "現 状\n取組目標\n実 績"
    result = run(SECTION4, headers, "紹介数\n急変時の受入数\n9件\n28件\n19件\n3件\n0件\n3件")
    assert figures(result, 4) == set()


def test_two_cells_for_three_periods_give_no_figure() -> None:
    result = run(SECTION1, PERIODS, "73 名", "75 名")
    assert figures(result, 1) == set()
    assert any("2 figure cells for 3 period columns" in d for d in ambiguous(result))


def test_an_unknown_column_header_never_turns_rows_into_totals() -> None:
    result = run(
        SECTION1,
        "医療機関の名前（各機関ごと）",
        PERIODS,
        "・あおば医院     1名     2名     3名",
        "・さくらクリニック     4名     5名     6名",
        "連携する医療機関内の合計     5名     7名     9名",
    )
    placed = figures(result, 1)
    assert ("あおば医院", "patients", "plan", 2) in placed
    assert (None, "patients", "plan", 7) in placed
    assert sum(1 for who, *_ in placed if who is None) == 3  # the 合計 row only


# pdftotext -layout: each word at its place on the page.
LAYOUT_ROWS = """\
                              現 状             計 画             実 績
            医療機関名
         ※医療機関ごとに記載    (補助金交付申請の前月から過去6 (補助金交付申請の月から翌年 (補助金交付申請の月から翌年3月
                            箇月間の状況)        3月末までの取組)        末までの取組)

        ・鈴木内科クリニック           33名             37名             44名

         ・小林在宅クリニック          10名              7名              6名
在宅に赴いて診療
（往診、訪問診療 ・ひらのこどもクリニッ
）する合計診療患 ク                    0名              6名             13名
者数（※実人数を
記載）
        連携する医療機関内の合計      43名              50名             63名
"""  # noqa: E501 - pdftotext -layout text: its columns are the data


def test_layout_rows_take_the_label_printed_at_their_height() -> None:
    result = run(SECTION1, LAYOUT_ROWS)
    assert figures(result, 1) >= {
        ("小林在宅クリニック", "patients", "plan", 7),
        ("ひらのこどもクリニック", "patients", "actual", 13),
        (None, "patients", "baseline", 43),
    }
    assert not ambiguous(result)


def test_layout_cells_crowded_into_each_other_that_do_not_add_up_are_not_placed() -> None:
    rows = """\
                              現 状                      計 画                      実 績

        ・加藤こどもクリニック    合計回数: １５３回(うち往診 診: 合計回数: ３４回(うち往 合計回数: 171回(うち往診: 8
                                          ７回、訪問診療: 27回
                       : 11回、訪問診療: 142回)
                                               )
                                                        回、訪問診療: 163回)
"""  # noqa: E501 - pdftotext -layout text: its columns are the data
    result = run(SECTION2, rows)
    assert not {f for f in figures(result, 2) if f[0] == "加藤こどもクリニック" and f[1] != "visits"}


def test_more_labels_than_rows_printed_between_blocks_of_figures_are_never_matched_by_order() -> None:
    """Default mode printed two rows, then five names, then two more rows: which name goes with
    which row cannot be told (the total would add up whatever the order of the rows). No row gets
    figures: not the institutions, nor the 合計 row, which nothing placed can confirm."""
    result = run(
        "３ 在宅に赴いて診療（往診、訪問診療）する合計診療患者数に占める死亡患者数"
        "（うち医療機関以外での死亡患者数）",
        "現状\n実績",
        "死亡患者数:2名(うち医療機関以外:2名)\n死亡患者数:8名(うち医療機関以外:7名)",
        "死亡患者数:5名(うち医療機関以外:2名)\n死亡患者数:4名(うち医療機関以外:3名)",
        "関内科クリニック\n印南クリニック\n陽光台ファミリークリニック\nひかり内科クリニック\n連携する医療機関内の合計",
        "死亡患者数:4名(うち医療機関以外:2名)\n死亡患者数:6名(うち医療機関以外:4名)",
        "死亡患者数:11名(うち医療機関以外:6名)\n死亡患者数:18名(うち医療機関以外:14名)",
    )
    assert figures(result, 3) == set()
    assert any("never guessed" in d for d in ambiguous(result))


def test_a_section4_row_label_never_names_another_sections_row() -> None:
    result = run(SECTION1, PERIODS, "・あおば医院", "1名\n2名\n3名", "急変時の受入数", "4名\n5名\n6名")
    assert not [f for f in figures(result, 1) if f[0] == "急変時の受入数"]
    assert any("'(no label)' (4名 | 5名 | 6名)" in d for d in ambiguous(result))


def test_the_end_of_the_sections_own_label_printed_left_of_a_name_is_not_part_of_it() -> None:
    """-layout prints the wrapped section label down the left edge: `)` and `数` end up on the
    lines of institution rows, set apart from their names."""
    rows = """\
                              現 状                   計 画                   実 績

在宅に赴いて診療（往診、訪問診療） 加藤内科医院                  1 名                  18 名                  18 名
する合計診療患者数（※実人数を記載 陽光台診療所                 34 名                  36 名                  34 名
）                 つばさ外科内科医院            15 名                  23 名                  27 名
"""  # noqa: E501 - pdftotext -layout text: its columns are the data
    names = {who for who, *_ in figures(run(SECTION1, rows), 1)}
    assert names == {"加藤内科医院", "陽光台診療所", "つばさ外科内科医院"}


# Section 1 in default mode: two rows beside their labels, then the other rows' figures in a
# block, their labels printed after them (in print order, which is not always the rows' order)
SECTION1_LABELS_APART = """\
※医療機関ごとに記載

現状
取組目標
実績
（事前協議月の前月から過去6箇 （事前協議月から向こう6箇月 （事前協議月から翌年3月末まで
月間の状況）
間の取組）
の取組）

・みなみ小児科クリニック

１８名

19名

２３名

・田中整形外科クリニッ
ク

23名

２８名

３６名

名

名

名

33名

31名

３７名

１３名

10名

１２名

１０名

15名

22名

名

名

名

９７名

１０３名

１３０名

・
在宅に赴いて診療
（往診、訪問診療
・ひがし在宅クリニック
）する合計診療患
者数（※実人数を
・藤田皮膚科クリニック
記載）
・北浦内科クリニック
・
連携する医療機関内の合
計

"""


def test_rows_whose_label_cannot_be_told_still_count_in_the_sums_that_confirm_the_others() -> None:
    result = run(SECTION1, "", SECTION1_LABELS_APART)
    assert figures(result, 1) == {
        ("みなみ小児科クリニック", "patients", "baseline", 18),
        ("みなみ小児科クリニック", "patients", "plan", 19),
        ("みなみ小児科クリニック", "patients", "actual", 23),
    }
    # the rows whose labels printed away are never guessed; rows in doubt (a wrapped name, the
    # 合計 label printed apart) need the rows placed to confirm them
    assert len(ambiguous(result)) == 5


# Section 2's group total in default mode: the blank 現状 cell printed after the filled ones
SECTION2_BLANK_PRINTED_LAST = """\
在宅に赴いて診療 （往診、訪問診
療） する合計回数

現 状

取組目標

実 績

（事前協議月の前月から過去 6 箇月間の状況）

（事前協議月から向こう 6 箇月間の取組）

（事前協議月から翌年 3 月末までの取組）

合計回数：180 回（うち往診：16 回、訪
問診療：164 回）

合計回数：360 回（うち往診：68 回、訪
問診療：292 回）

合計回数：

回（うち往診： 回、訪問診
療：回）
"""


def test_a_row_with_a_blank_cell_in_reading_order_is_placed_only_where_the_sums_confirm_it() -> None:
    """Default mode printed the filled 取組目標 and 実績 cells first and the blank 現状 cell last:
    read in order, 180 回 would land in 現状. A row mixing blank and filled cells needs the
    section's figures to confirm its order; a lone 合計 row has none to, and is not placed."""
    result = run(SECTION2, "", SECTION2_BLANK_PRINTED_LAST)
    assert figures(result, 2) == set()
    assert any("blank cell" in d for d in ambiguous(result))
    assert not [c for c in result.checks if c.check == "template_unfilled"]


# Section 1's group total alone in default mode. Printed with 現状 and its parenthesis as a block
# of their own and the three cells after every header: the cells came 取組目標, 実績, 現状
# (３１名 is 取組目標's). Printed with the three words, then the parentheses, then the cells.
SECTION1_TOTAL_FIRST_COLUMN_APART = """\
在宅に赴いて診療 （往診、訪
問診療） する合計診療患者
数

現 状
（事前協議月の前月から過去 6 箇月間の状
況）

取組目標

実 績

（事前協議月から向こう 6 箇月間の取組）

（事前協議月から翌年 3 月末までの取組）

３１名

３０名

３０名

"""
SECTION1_TOTAL_IN_ORDER = """\

在宅に赴いて診療 （往診、訪問
診療） する合計診療患者 数

現状

取組目標

実績

（事前協議月の前月から過去6箇月間の状況）

（事前協議月から向こう6箇月間の取組）

（事前協議月から翌年3月末までの取組）

21名

19名

27名

"""


def test_a_lone_row_whose_first_column_printed_apart_from_its_header_is_not_placed() -> None:
    """Nothing confirms a lone row's cells: where the first column's header printed as a block of
    its own without its cell, the cells' reading order need not be the columns'."""
    result = run(SECTION1, SECTION1_TOTAL_FIRST_COLUMN_APART)
    assert figures(result, 1) == set()
    assert any("printed on its own" in d for d in ambiguous(result))
    in_order = run(SECTION1, SECTION1_TOTAL_IN_ORDER)
    assert figures(in_order, 1) == {
        (None, "patients", "baseline", 21),
        (None, "patients", "plan", 19),
        (None, "patients", "actual", 27),
    }


def test_a_row_in_doubt_keeps_no_figure_in_a_column_the_sums_could_not_check() -> None:
    """Default mode, a generated report: the 合計 row's cells printed line by line into each
    other, 取組目標's `１４３６回` first, 現状's blank cell second. The 実績 column adds up, but
    ひまわり's blank 現状 leaves 現状 unchecked and the blank 合計 leaves 取組目標 unchecked: the
    sums confirm no figure of the row there, and 1436 never becomes the 現状 total. Rows that
    printed with their labels keep their figures."""
    text = OUTCOMES / "total-cells-into-each-other.default.txt"
    result = process_document(text.read_bytes())
    section2 = figures(result, 2)
    assert not {f for f in section2 if f[0] is None}  # no 合計 figure placed
    assert ("佐藤診療所", "visits", "actual", 234) in section2
    assert not {f for f in section2 if f[0] in ("ひまわり在宅クリニック", "すずらん内科医院")}
    details = [d for d in ambiguous(result) if d.startswith("取組効果 2: row '連携する医療機関内の合計'")]
    assert details and "cannot confirm its baseline" in details[0]


def test_the_total_label_wrapped_before_its_row_is_never_read_as_a_cell() -> None:
    """Default mode, a generated report: `・水郷皮膚科クリニック` (its row printed before it, with
    others), then the 合計 label wrapped as `連携する医療機関内の` / `合計`, then the 合計 row. The
    lone `合計` is the label's end, not the start of a 合計回数 cell: the 合計 row takes its label,
    and 水郷's label never takes the 合計's figures (15 and 15)."""
    path = OUTCOMES / "total-label-wrapped-before-its-row.default.txt"
    result = process_document(path.read_bytes())
    section3 = figures(result, 3)
    assert not {f for f in section3 if f[0] == "水郷皮膚科クリニック"}
    assert ("根本医院", "deaths", "actual", 5) in section3
    assert any("'連携する医療機関内の合計'" in d for d in ambiguous(result) if d.startswith("取組効果 3"))


def test_labels_matched_by_print_order_are_in_doubt_where_a_row_printed_before_the_heading() -> None:
    """Default mode, a generated report: 小林's 合計回数 cells (29回, 315回, 624回) printed at the end
    of section 1, before section 2's heading; `・小林クリニック` printed after the heading, right
    before 関's cells (90回, 240回, 75回). A label matched by where it printed is then in doubt and
    needs the sums, which cannot confirm it: 関's figures never go to 小林."""
    path = OUTCOMES / "row-printed-before-its-heading.default.txt"
    result = process_document(path.read_bytes())
    assert not {f for f in figures(result, 2) if f[0] == "小林クリニック"}
    assert any(
        "cells of the section printed before its heading" in d
        for d in ambiguous(result)
        if d.startswith("取組効果 2: row '・小林クリニック'")
    )
    assert ("かがやき在宅クリニック", "patients", "actual", 19) in figures(result, 1)


def test_a_row_in_doubt_for_its_blank_cells_needs_their_columns_checked_where_others_have_figures() -> None:
    """Default mode, a generated report: two blank cells printed first, so 合計回数 cells taken three
    to a row come out shifted (`・小貝川医院`: blank | blank | 57回, though 57回 is its 現状). Every row
    shifts alike and 実績 still adds up; 現状 and 取組目標 cannot be checked. 小貝川's blank cells
    stand in columns other rows fill: their columns must be checked too, and 57 never becomes its
    実績."""
    path = OUTCOMES / "cells-shifted-by-blank-cells.default.txt"
    result = process_document(path.read_bytes())
    assert not {f for f in figures(result, 2) if f[0] == "小貝川医院"}
    assert any(
        "cannot confirm its baseline, plan cells" in d
        for d in ambiguous(result)
        if d.startswith("取組効果 2: row '・小貝川医院'")
    )


def test_a_first_row_printed_before_every_label_leaves_labels_matched_by_order_in_doubt() -> None:
    """Default mode, a generated report: section 3's first row of figures prints before any of the
    section's institution labels, and its own label prints right before the next row, which took
    it: `はなみずき整形外科クリニック` was given another row's 死亡患者数 (3名, 0名). Labels matched by
    print order are then in doubt and need the sums; no figure goes to another institution."""
    path = OUTCOMES / "first-row-before-its-label.default.txt"
    result = process_document(path.read_bytes())
    truth = {  # section 3 as printed: 死亡患者数 baseline, actual
        "はなみずき整形外科クリニック": (1, 2),
        "かがやき外科内科医院": (3, 5),
        "えがおこどもクリニック": (0, 0),
        "さかえ外科内科医院": (0, 5),
        "那珂ファミリークリニック": (8, 6),
        "研究学園こどもクリニック": (3, 0),
        "鈴木皮膚科クリニック": (1, 0),
        "さかえ整形外科クリニック": (8, 2),
    }
    for name, metric, period, value in figures(result, 3):
        if name in truth and metric == "deaths":
            assert value == truth[name][("baseline", "actual").index(period)], (name, period, value)
    assert any(
        "a row's cells printed before any label of the section" in d
        for d in ambiguous(result)
        if d.startswith("取組効果 3")
    )
    assert result.document.status == "partial"


def test_a_cell_printed_above_its_row_leaves_the_rows_it_may_belong_to_in_doubt() -> None:
    """-layout, a generated report: section 2's `・常陸こどもクリニック` prints its 取組目標 cell
    (1,000回) a line above its label, and its 実績 cell (966回) under 取組目標's header. Read
    without that cell, the row gave 966 as its 取組目標. The three cells print on overlapping
    lines, as many as the columns: they take the columns in their left-to-right order (1,000 in
    取組目標, 966 in 実績), which only the sums may confirm; they fail here (the 合計's cells
    printed into each other), so that row gives no figure. Every other row printed its three
    cells beside its label, under its own headers, and keeps them."""
    path = OUTCOMES / "cell-printed-above-its-row.layout.txt"
    result = process_document(path.read_bytes())
    assert ("常陸こどもクリニック", "visits", "plan", 966) not in figures(result, 2)
    assert not [f for f in figures(result, 2) if f[0] in ("常陸こどもクリニック", None)]
    assert {f[0] for f in figures(result, 2)} == {
        "鈴木こどもクリニック",
        "加藤在宅クリニック",
        "田中診療所",
        "おおた整形外科クリニック",
    }
    assert ("加藤在宅クリニック", "visits", "plan", 44) in figures(result, 2)
    assert any(
        "in their printed order" in d for d in ambiguous(result) if d.startswith("取組効果 2: row '・常陸")
    )
    assert result.document.status == "partial"


def test_a_rows_cells_beside_the_end_of_a_note_marked_row_title_are_read() -> None:
    """-layout, a generated report: section 1's row title ends `※実人数を記載）` on the line that
    prints `・霞ケ浦整形外科クリニ|ック`'s cells. Taken for a note, the line lost its cells, and the
    label joined the next institution's (`霞ケ浦整形外科クリニありまファミリークリニック` got the
    next row's figures). A line with figure cells is no note: each row keeps its own."""
    path = OUTCOMES / "note-line-beside-a-rows-cells.layout.txt"
    result = process_document(path.read_bytes())
    got = figures(result, 1)
    assert {
        ("霞ケ浦整形外科クリニック", "patients", p, v)
        for p, v in (("baseline", 22), ("plan", 25), ("actual", 28))
    } <= got
    assert ("ありまファミリークリニック", "patients", "baseline", 27) in got
    assert not [f for f in got if "ありま" in str(f[0]) and "霞ケ浦" in str(f[0])]


def test_a_name_end_printed_apart_is_joined_where_only_row_labels_print_unmarked() -> None:
    """Default mode, a generated report: section 3's one name prints `・ありま皮膚科クリニッ`, a line of
    the section's own label, then `ク`. The 合計 and section 4 row labels, which never carry a `・`,
    no longer outvote the marked names: the name takes its end, or stays cut and gets no figures,
    never its figures under a name cut short."""
    path = OUTCOMES / "name-end-printed-apart-among-unmarked-labels.default.txt"
    result = process_document(path.read_bytes())
    names = {name for name, _, _, _ in figures(result, 3)} - {None}
    assert names == {"ありま皮膚科クリニック"}
    assert ("ありま皮膚科クリニック", "deaths", "baseline", 2) in figures(result, 3)
    assert result.document.status == "partial"


def test_a_label_printed_while_a_row_another_label_claimed_is_open_never_takes_that_row() -> None:
    """Default mode, a generated report: in section 3, `みどりこどもクリニック` prints right before its
    row, whose last cell a closing `名)` printed later keeps open while `桜川外科内科医院` and
    `常陸皮膚科クリニック` print before their rows. The second of them took the open row as printed
    beside it, and みどり's 死亡患者数 (2名, 0名) went to 常陸. A row a run of labels claimed is
    taken by no label printed beside it. (The section's own row label, `在宅に赴いて診療…`, printed
    around the two names, is cut from the fixture: it alone leaves the open row in doubt. The cut
    also leaves one row of figures with no label, which since the rule for figures printed in no
    labelled row puts the section's rows in doubt: where placed, みどり's figures are its own.)"""
    path = OUTCOMES / "label-printed-while-a-claimed-row-is-open.default.txt"
    result = process_document(path.read_bytes())
    placed = figures(result, 3)
    assert not [f for f in placed if f[0] == "常陸皮膚科クリニック"]
    midori = {(f[2], f[3]) for f in placed if f[0] == "みどりこどもクリニック" and f[1] == "deaths"}
    assert midori <= {("baseline", 2), ("actual", 0)}
    assert result.document.status == "partial"


def test_an_unmarked_name_end_printed_apart_is_joined_and_breaks_the_row_it_printed_in() -> None:
    """Default mode, a generated report, names printed without `・`: `えがお整形外科クリニッ` prints
    between 筑波クリニック's cells, its `ク` lines later. Dropped as no name, it let 筑波 take
    えがお's 死亡患者数 (5名, うち3名) as its 実績. Joined, it is a label printed between the row's
    cells: the row needs the sums, which cannot confirm it. (The section's own row label, printed
    among these lines, is cut from the fixture: it alone leaves the rows in doubt.)"""
    path = OUTCOMES / "unmarked-name-end-printed-apart.default.txt"
    result = process_document(path.read_bytes())
    assert not [f for f in figures(result, 3) if f[0] == "筑波クリニック"]
    assert any(d.startswith("取組効果 3: row '筑波クリニック'") for d in ambiguous(result))
    assert result.document.status == "partial"


def test_the_forms_text_printed_between_a_rows_cells_leaves_their_order_in_doubt() -> None:
    """Default mode, a generated H30 report (one group-total row a section, nothing to add up):
    section 2 prints its 取組目標 and 実績 cells, then the row's label `在宅に赴いて診療…する合計回数`,
    then its 現状 cell last. Read in order, 現状's 1,035回 went to 実績 and every figure to the
    wrong period. The form's text printed between a row's cells leaves their order in doubt;
    section 1, printed in order, keeps its figures."""
    path = OUTCOMES / "first-column-cell-printed-after-the-row-label.default.txt"
    result = process_document(path.read_bytes())
    assert not figures(result, 2)
    assert any(
        "the form's text printed between its cells" in d
        for d in ambiguous(result)
        if d.startswith("取組効果 2")
    )
    assert (None, "patients", "baseline", 23) in figures(result, 1)
    assert result.document.status == "partial"


def test_two_rows_in_doubt_with_different_figures_in_a_column_are_not_confirmed_by_its_sum() -> None:
    """Default mode, a generated report: in section 3, `常陸在宅クリニック` prints between
    `かがやき診療所`'s cells, so かがやき's 実績 cell (3名) was read as 常陸's and 常陸's (0名) as
    かがやき's. The 合計 still adds up: a column's sum cannot tell which of two rows in doubt holds
    which figure. Neither row is placed; the rows read in order keep their figures."""
    path = OUTCOMES / "two-rows-in-doubt-exchange-figures.default.txt"
    result = process_document(path.read_bytes())
    placed = figures(result, 3)
    assert not [f for f in placed if f[0] in ("かがやき診療所", "常陸在宅クリニック")]
    assert ("鹿島皮膚科クリニック", "deaths", "actual", 6) in placed
    assert any(
        "another row in doubt prints another" in d for d in ambiguous(result) if d.startswith("取組効果 3")
    )
    assert result.document.status == "partial"


def test_a_period_word_printed_with_the_row_labels_end_still_tells_the_first_column_apart() -> None:
    """Default mode, a generated report with one group-total row: section 1 prints `数現状` (the
    row label's last character with the 現状 header), 現状's note, then 取組目標 and 実績, and its
    cells 16, 21, 10 名 with 現状's (10) last. The period word printed with other header text still
    counts: the first column printed apart, and no cell of the one row is placed."""
    path = OUTCOMES / "first-column-note-printed-before-the-next-period-word.default.txt"
    result = process_document(path.read_bytes())
    assert not figures(result, 1)
    assert any("the first period column's header printed on its own" in d for d in ambiguous(result))
    assert result.document.status == "partial"


def test_a_closing_bracket_alone_ends_the_period_note_left_open_above_it() -> None:
    """Default mode (a generated R3 report's section 4): `（グループ化前（Ｒ２年度（Ａ））` | `）`, the
    現状 note's last bracket printed on a line of its own. It ends that note: the notes printed
    after 取組目標 and 実績 are theirs, and their fiscal years are read (they went to 現状's still
    open note, and 取組目標's and 実績's figures had no fiscal year)."""
    header = (
        "現 状\n（グループ化前（Ｒ２年度（Ａ））\n）\n\n取組目標\n（令和 3年度）\n\n"
        "実 績\n（グループ化後（Ｒ3年度（Ｂ）））"
    )
    rows = "\n\n".join(["22件", "３１件", "16件", "急変時の受入数", "27件", "31件", "３２件"])
    rows += "\n\n逆紹介数\n\n３８件\n\n53件\n\n52件"
    result = run(SECTION4, "紹介数", header, rows)
    years = {(o.metric, o.period): o.period_fiscal_year for o in result.outcomes if o.value is not None}
    assert years[("referrals", "baseline")] == 2020
    assert years[("referrals", "plan")] == 2021
    assert years[("reverse_referrals", "actual")] == 2021


SECTION4_WORDS = "                   現 状            取組目標             実 績"
SECTION4_NOTES = (  # -layout: the 現状 note wider than its column, started left of its word
    "            （グループ化前（Ｒ２年度（Ａ）））",
    "   （令和 3 年度）",
    "   （グループ化後（Ｒ 3 年度（Ｂ）））",
)
SECTION4_ROWS = (
    "紹   介   数          ２７件             38 件            ３９件\n\n"
    "急変時の受入数            5件              19 件             4件\n\n"
    "逆紹介数                3件             12 件             1件"
)


def section4_years(notes: tuple[str, ...]) -> tuple[set[tuple[str, int | None]], int]:
    result = run(SECTION4, f"{SECTION4_WORDS}\n{''.join(notes)}", SECTION4_ROWS)
    years = {(o.period, o.period_fiscal_year) for o in result.outcomes if o.section == 4}
    return years, len(figures(result, 4))


def test_a_note_wider_than_its_column_goes_to_its_word_where_the_line_of_notes_confirms_it() -> None:
    """-layout, a generated R3 report's section 4: `（グループ化前（Ｒ２年度（Ａ）））` is wider than
    現状's column, and pdftotext starts it left of the word, its center nearer 現状 than 取組目標
    but further than half their distance. The line holds one whole note under each period word,
    in their order, the other two near their own: it is 現状's, and the baseline figures have
    their fiscal year (it was left null, with no check)."""
    assert section4_years(SECTION4_NOTES) == ({("baseline", 2020), ("plan", 2021), ("actual", 2021)}, 9)


def test_a_line_of_fewer_notes_than_words_is_not_matched_by_order() -> None:
    """The same line without 実績's note: as many notes as words no longer holds, and the note
    further off than half the words' distance is nobody's (its figures' year stays unread rather
    than guessed)."""
    years, count = section4_years(SECTION4_NOTES[:2])
    assert ("baseline", 2020) not in years and ("plan", 2021) in years and count == 9


def test_a_header_printed_again_over_a_pages_rows_keeps_each_note_with_its_own_word() -> None:
    """-layout, a generated report: section 4's header prints again over the rows continued on
    the next page, its words at other places there. Read as one header, the first page's notes
    went to the nearest word of either page: `(グループ化前(R2年度(A)))` became 実績's, and the
    figures took the wrong period years. Each printing of the header keeps its own notes."""
    path = OUTCOMES / "header-printed-again-at-other-places.layout.txt"
    result = process_document(path.read_bytes())
    years = {(o.period, o.period_fiscal_year) for o in result.outcomes if o.section == 4}
    assert years == {("baseline", 2020), ("plan", 2021), ("actual", 2021)}
    assert len(figures(result, 4)) == 9


def test_the_end_of_a_row_title_printed_where_a_cell_starts_is_no_figure_cell() -> None:
    """-layout, a generated report whose 取組効果 3 is left unfilled: the row title's last line
    `死亡患者数` prints at the left edge, on a line of its own, and was read as a cell: an
    outcome row with a null value and an `unparsed_figure` check came out of an empty form. Form
    wording that holds no digit and is no whole cell gives no figure."""
    path = OUTCOMES / "row-title-end-where-a-cell-starts.layout.txt"
    result = process_document(path.read_bytes())
    assert result.outcomes == ()
    assert not [c for c in result.checks if c.check in ("unparsed_figure", "institution_unnamed")]
    assert [c.check for c in result.checks if c.check == "template_unfilled"] == ["template_unfilled"]


def test_a_form_word_at_the_left_edge_beside_a_lone_row_is_no_cell_of_it() -> None:
    """-layout, a generated report with group totals only: section 2's row title ends `合計回数`
    at the page's left edge, on the line of the row's cells. Read as a cell under 現状, it made a
    row of its own, and the one row of figures, no longer alone, lost them for want of a label.
    Form wording without a digit that makes no whole cell is no cell of any column."""
    path = OUTCOMES / "form-word-at-the-left-edge-beside-a-lone-row.layout.txt"
    result = process_document(path.read_bytes())
    assert figures(result, 2) == group_visits({"plan": (96, 9, 87), "actual": (250, 83, 167)})
    assert not ambiguous(result)


def test_a_piece_between_two_cells_is_weighed_by_the_cells_own_sums_not_taken_for_a_column_doubt() -> None:
    """-layout, a generated report: section 2's 取組目標 cell wraps `２` / `２６回、…` one column
    left of where its first line starts, under the blank 現状 cell's end: the piece could have
    gone to either cell. Each cell is under its own period header; each adds up (往診 +
    訪問診療 = 合計回数), which tells the pieces went where they belong. The row was left out as
    "a cell printed between two period columns"; a cell that adds up with an unsure piece is read,
    as in default mode, and one that does not is not."""
    path = OUTCOMES / "piece-between-two-cells-that-each-add-up.layout.txt"
    result = process_document(path.read_bytes())
    assert (None, "visits_on_call", "plan", 226) in figures(result, 2)
    assert (None, "visits_scheduled", "actual", 1225) in figures(result, 2)
    assert len(figures(result, 2)) == 6
    broken = process_document(path.read_bytes().replace("１６６６".encode(), "１６６５".encode()))
    assert figures(broken, 2) == set()
    assert any("does not add up" in d for d in ambiguous(broken))


def test_cells_wider_than_their_column_go_under_the_columns_in_their_order_where_the_sums_confirm() -> None:
    """-layout, a generated report: `・すずらんクリニッ|ク`'s 取組目標 cell wraps into lines wider
    than its column, pushed right, so its middle sits nearer 実績's header: two of the row's three
    cells then went under 実績, and the row was split in two, its figures lost. Cells printed on
    overlapping lines, as many as the columns, take the columns in their left-to-right order,
    where that moves a cell one column at most, and keep their figures only where the section's
    sums check those columns."""
    path = OUTCOMES / "cell-wider-than-its-column-nearer-the-next-header.layout.txt"
    result = process_document(path.read_bytes())
    assert {
        ("すずらんクリニック", "visits", p, v) for p, v in (("baseline", 160), ("plan", 234), ("actual", 370))
    } <= figures(result, 2)
    assert not ambiguous(result)
    broken = process_document(path.read_bytes().replace(b"1,883", b"1,884"))
    assert not {f for f in figures(broken, 2) if f[0] == "すずらんクリニック"}
    assert any("in their printed order" in d for d in ambiguous(broken))


def assert_lone_row_read_in_section2_only(name: str, visits: dict[str, tuple[int, int, int]]) -> None:
    """A generated report with group totals only whose section 2 lone row is read (its group
    figures `visits`, period -> (合計回数, 往診, 訪問診療)), while section 1's stays unread with a
    `cells_ambiguous` check of its own."""
    result = process_document((OUTCOMES / name).read_bytes())
    assert figures(result, 2) == group_visits(visits)
    assert figures(result, 1) == set()
    assert [d.split(":")[0] for d in ambiguous(result)] == ["取組効果 1"]


def test_a_lone_row_whose_cells_each_printed_after_their_own_columns_header_is_placed() -> None:
    """Default mode, a generated report with group totals only: section 2 prints each column as
    a block, its word, its note, then its one cell (the blank 現状 cell first). A blank cell may
    print out of the columns' order, and a lone row has no sums to confirm it; but a cell printed
    after its own column's word and before the next one's is that column's. Section 1, whose
    cells all print after the three headers, stays unread."""
    assert_lone_row_read_in_section2_only(
        "each-column-a-block-with-its-one-cell.default.txt",
        {"plan": (1690, 111, 1569), "actual": (768, 60, 708)},
    )


def test_a_lone_rows_blank_cell_printed_in_its_own_columns_block_tells_the_columns() -> None:
    """Default mode, a generated report with group totals only: 現状 prints as a block of its
    own, its word, its note and its blank cell (`名`); then 取組目標 and 実績, their notes, and
    their two filled cells in order. A blank cell may print apart from the filled ones, but one
    printed right after its own column's note, before the next column's word, is that column's.
    Printed after the filled cells instead, it tells nothing, and the row stays unread."""
    path = OUTCOMES / "first-column-block-with-its-blank-cell.default.txt"
    data = path.read_bytes()
    result = process_document(data)
    assert figures(result, 1) == {(None, "patients", "plan", 12), (None, "patients", "actual", 14)}
    assert (None, "visits_scheduled", "actual", 148) in figures(result, 2)
    assert not ambiguous(result)
    blank_last = data.replace("況）\n\n名\n".encode(), "況）\n\n".encode(), 1).replace(
        "14 名\n".encode(), "14 名\n\n名\n".encode(), 1
    )
    moved = process_document(blank_last)
    assert figures(moved, 1) == set()
    assert any(d.startswith("取組効果 1") and "blank cell" in d for d in ambiguous(moved))


def test_a_lone_rows_cells_printed_side_by_side_on_one_line_keep_their_columns_with_a_blank_first() -> None:
    """Default mode, a generated report with group totals only: section 2's three cells open on
    one printed line, the blank 現状 cell first (`合計回数:回(うち往診:回、訪問 合計回数:52回…`).
    Cells that print on one line stood side by side at one height of the page, each in its own
    column, left to right: the blank cell is in its place, not printed apart. Section 1's cells
    print one to a paragraph, the blank first: which column it is stays unknown, no figure."""
    assert_lone_row_read_in_section2_only(
        "lone-row-cells-side-by-side-blank-first.default.txt", {"plan": (52, 17, 35), "actual": (69, 7, 62)}
    )


def test_rows_printed_column_by_column_are_read_across_the_stacks_where_the_sums_confirm() -> None:
    """Default mode, a generated R4 report: section 1 prints its first two rows a cell to a
    paragraph, then its last three rows column by column: `7名` / `35名` / `72名` on lines one
    right after the other (cells one above another in one column of the page), then the next
    column's three, then the last's. Section 4 prints all its rows so. Such a stack is a column:
    the rows are read across the stacks, and kept where the 合計 (section 1) and 差 = 実績 − 現状
    (section 4) confirm them; the stacks read as rows break both. With the 合計 changed, section 1
    is left unread."""
    path = OUTCOMES / "rows-printed-column-by-column.default.txt"
    data = path.read_bytes()
    result = process_document(data)
    expected = {
        "石田クリニック": (0, 6, 8),
        "ありまこどもクリニック": (30, 35, 34),
        "はなみずき診療所": (7, 15, 12),
        "鹿島診療所": (35, 34, 36),
        None: (72, 90, 90),
    }
    assert figures(result, 1) == {
        (name, "patients", period, value)
        for name, values in expected.items()
        for period, value in zip(("baseline", "plan", "actual"), values, strict=True)
    }
    counts = {
        "referrals": (10, 48, 38),
        "emergency_admissions": (22, 36, 14),
        "reverse_referrals": (38, 32, -6),
    }
    assert figures(result, 4) == {
        (None, metric, period, value)
        for metric, values in counts.items()
        for period, value in zip(("baseline", "actual", "difference"), values, strict=True)
    }
    assert not [d for d in ambiguous(result) if d.startswith(("取組効果 1", "取組効果 4"))]
    broken = process_document(data.replace("\n90名\n\n".encode(), "\n91名\n\n".encode(), 1))
    assert figures(broken, 1) == set()
    assert any(d.startswith("取組効果 1") and "合計 disagrees" in d for d in ambiguous(broken))


def test_the_rest_of_a_wrapped_note_is_never_the_start_of_a_name_under_it() -> None:
    """Default mode, a generated R4 report: section 3 prints the column header's note wrapped,
    `※医療機関ごとに記` / `載`, right above a wrapped name, `みやび在宅クリニ` / `ック`. `載` is the
    note's rest (together they are the form's `※医療機関ごとに記載`), never a piece of the name:
    read as label text, it was joined to the name, and the row's figures went to `載みやび在宅クリニック`."""
    result = process_document((OUTCOMES / "note-wrapped-above-a-wrapped-name.default.txt").read_bytes())
    assert {
        ("みやび在宅クリニック", "deaths", "actual", 0),
        ("みやび在宅クリニック", "deaths_outside_hospital", "actual", 0),
    } <= figures(result, 3)
    assert not [o for o in result.outcomes if o.institution is not None and "載" in o.institution]


def test_a_row_titles_last_line_before_a_rows_label_and_cells_leaves_them_to_the_row() -> None:
    """-layout, a generated report: section 3's row title ends `死亡患者数` at the page's left edge,
    on the line of `・加藤内科医院` and its two cells. The title's end read as a cell opening, and the
    label and cells after it were taken for the line's text: the row was lost without a check (only
    the totals, no longer adding up, told). A line's only piece, a new cell with no figure that is
    not whole, before words that open cells, is form text; the line is read again after it."""
    path = OUTCOMES / "row-title-end-before-a-rows-label-and-cells.layout.txt"
    result = process_document(path.read_bytes())
    assert {f for f in figures(result, 3) if f[0] == "加藤内科医院"} == {
        ("加藤内科医院", "deaths", "baseline", 3),
        ("加藤内科医院", "deaths_outside_hospital", "baseline", 0),
        ("加藤内科医院", "deaths", "actual", 2),
        ("加藤内科医院", "deaths_outside_hospital", "actual", 1),
    }
    assert len(figures(result, 3)) == 20
    assert not [c for c in result.checks if c.check in ("total_mismatch", "cells_ambiguous")]


def test_a_total_label_wrapped_around_its_cells_line_takes_its_end_read_as_a_cell_opening() -> None:
    """-layout, a generated report with one institution: the 合計 row's label prints
    `連携する医療機関内の` / (the row's cells) / `合計`, and `合計` reads as the opening words of a
    合計回数 cell. Taken for a cell, it left the label unfinished and dropped: the 合計 row had no
    label, and the one institution's row, which the sums would have confirmed, was left out with
    it (sections 1 and 2, `cells_ambiguous`). A first piece, a new cell without a figure, that
    finishes the 合計 label printed just above it in its column is that label's end."""
    path = OUTCOMES / "total-label-wrapped-around-its-cells.layout.txt"
    result = process_document(path.read_bytes())
    assert figures(result, 1) == {
        (name, "patients", period, value)
        for name in ("千波医院", None)
        for period, value in (("baseline", 13), ("plan", 16), ("actual", 16))
    }
    totals = group_visits({"baseline": (26, 1, 25), "plan": (176, 12, 164), "actual": (144, 20, 124)})
    assert figures(result, 2) == totals | {("千波医院", *f[1:]) for f in totals}
    assert not ambiguous(result)


def test_the_instruction_row_of_a_form_worded_by_its_consultation_month_is_form_text() -> None:
    """-layout, a generated R3 report: the (記載例) row, worded by the 事前協議 month as the R2/R3
    period headers are, prints under the first row's line (`・加藤こどもクリニック`). Its words were
    not known as the form's, and `事前協議が6月の場合` was joined to the name above it, which no
    facility word then ended: the row was left out as cut short. The row's wording is the form's
    (normalizers/forms.py), dropped like the 補助金交付申請 one."""
    path = OUTCOMES / "instruction-row-under-the-first-row.layout.txt"
    result = process_document(path.read_bytes())
    assert {f for f in figures(result, 1) if f[0] == "加藤こどもクリニック"} == {
        ("加藤こどもクリニック", "patients", "plan", 28),
        ("加藤こどもクリニック", "patients", "actual", 27),
    }
    assert len(figures(result, 1)) == 8
    assert not ambiguous(result)


def test_digits_of_the_instruction_row_spaced_apart_are_no_figure_torn_from_its_cell() -> None:
    """-layout, a generated R4 report: the (記載例) row wraps, and pdftotext sets its digits apart
    (`の場合 ⇒12 月から 5 月までの期`). `5`, `6` and `3` alone are no piece of any of the form's
    phrases and were kept as a figure printed apart from its cell, which put every row of the
    section in doubt (`cells_ambiguous`, no figure). A run of words that is a piece of the form's
    wording is dropped whole, its digits with it. The 実績 total still does not add up (131 vs
    130): that is the report's own figure, and `total_mismatch` says so."""
    path = OUTCOMES / "instruction-row-digits-spaced-apart.layout.txt"
    result = process_document(path.read_bytes())
    assert ("牛久こどもクリニック", "patients", "plan", 8) in figures(result, 1)
    assert (None, "patients", "actual", 131) in figures(result, 1)
    assert len(figures(result, 1)) == 15
    assert not ambiguous(result)
    assert [c.check for c in result.checks if c.check == "total_mismatch"] == ["total_mismatch"]


def test_period_words_printed_over_two_header_lines_place_the_columns_together() -> None:
    """-layout, a generated H30 report with group totals: section 2 prints `現 状` on one header
    line and `取組目標   実 績` on the next (現状's parenthesis wraps longer), and its cells start
    on different lines, so no one line showed where the three columns are and the section was
    left out. Two header lines close together whose period words, one of each period in the
    form's order left to right, number the columns place them as one header line would."""
    path = OUTCOMES / "period-words-over-two-header-lines.layout.txt"
    result = process_document(path.read_bytes())
    assert figures(result, 2) == group_visits({"plan": (256, 78, 178), "actual": (68, 22, 46)})
    assert not ambiguous(result)
