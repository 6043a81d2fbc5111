"""One class of pdftotext default-mode output per test (issue 7): the 取組 table printed one
column after another. Item titles printed beside their content are split off by the form's
known titles; the short lines of the period columns are read only where each is one period's
cell for certain, else left out (`status_cell_unread`, `partial`). The texts are cut from
pdftotext output of generated reports, names and figures changed."""

from __future__ import annotations

import pytest

from pipeline.locate.layout_items import past_the_column
from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT

LAYOUT = ROOT / "tests" / "fixtures" / "layout"
HEADING = "【地域で支え合う医療機関等の連携体制を構築するために必要な3つの取組】"
HEADER = "取組事項\n\n取組内容\n\n現状\n取組目標\n実績\n(事前協議月の前\n月から過去6箇月\n間の状況)\n"
# the title column printed beside the bullets, line by line
ITEM1 = """\
1 これから在宅医 ①各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に
療への参入又は拡 症例検討会を継続していきます。
充に取り組む医療 ②ひかり訪問看護ステーションの参入により、訪問看護指示書
機関等の連携強化 や報告書以外に必要に応じて電話やFAXで情報共有をします。
を図るための取組
※グループ内の取
組に関すること。
"""
# period cells printed between the bullets' lines
ITEM2 = """\
2 在宅医療を提供 ①多職種連携研修会を令和2年4/1～4/11に開催しました。
＊10回
する連携体制とし ②7月〜12月に水戸市地域ケア会議へ出席し、事例を報告しま
依頼（令和2年8月中
て必要な拠点機能 した。
を担う取組
※地域との連携に
関すること。
"""
# one count a period, printed after the bullets
ITEM3 = """\
3 在宅医療につい ■「在宅訪問診療・往診の実施に関する調査」の実施
ての普及啓発活動
等の取組

0回

2回

1回
"""


def run(*parts: str) -> DocumentResult:
    return process_document("\n".join([HEADING, "", *parts]).encode("utf-8"))


def bullets(result: DocumentResult) -> list[tuple[int, str]]:
    return [(i.item_no, i.text) for i in result.initiatives]


def unread(result: DocumentResult) -> list[str]:
    return [c.detail for c in result.checks if c.check == "status_cell_unread"]


def test_titles_printed_beside_the_bullets_are_split_off_by_the_known_titles() -> None:
    result = run(HEADER, ITEM1, ITEM2, ITEM3)
    assert not [c for c in result.checks if c.check == "cells_ambiguous"]  # nothing before the titles
    assert bullets(result)[:2] == [
        (1, "各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に症例検討会を継続していきます。"),
        (
            1,
            "ひかり訪問看護ステーションの参入により、訪問看護指示書や報告書以外に必要に応じて電話やFAXで情報共有をします。",
        ),
    ]
    assert (
        "これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化" in result.initiatives[0].item_title
    )


def test_period_lines_printed_between_the_bullets_are_kept_out_of_them_and_left_unread() -> None:
    result = run(HEADER, ITEM1, ITEM2, ITEM3)
    assert [t for n, t in bullets(result) if n == 2] == [
        "多職種連携研修会を令和2年4/1～4/11に開催しました。",
        "7月〜12月に水戸市地域ケア会議へ出席し、事例を報告しました。",
    ]
    assert not [s for s in result.status if s.item_no == 2]
    assert any(d.startswith("取組2") for d in unread(result))
    assert result.document.status == "partial"


def test_one_count_a_period_after_the_bullets_is_read_in_the_periods_order() -> None:
    result = run(HEADER, ITEM1, ITEM2, ITEM3)
    assert [(s.period, s.text) for s in result.status if s.item_no == 3] == [
        ("baseline", "0回"),
        ("plan", "2回"),
        ("actual", "1回"),
    ]


def test_the_table_opens_at_its_first_header_word_when_the_second_prints_below_item_1() -> None:
    result = run("取組事項\n", ITEM1, "取組内容\n", ITEM2, ITEM3)
    assert [n for n, _ in bullets(result)] == [1, 1, 2, 2, 3]


def test_a_group_name_cut_by_its_narrow_cell_is_joined_from_the_short_lines_closing_its_quote() -> None:
    cell = "グループ名：\n「あおばネッ\nトワーク」\nポスター掲示\n"
    assert run(HEADER, ITEM1, ITEM2, ITEM3, cell).document.group_name == "あおばネットワーク"
    cut = (
        "グループ名：「つく\n◆これから新たに在宅医療に取り組もうとする医療機関があった場合は\n"
        "ば地区グループ 2」\n"
    )
    assert run(HEADER, ITEM1, ITEM2, ITEM3, cut).document.group_name is None  # never the cut piece


def test_a_period_piece_printed_one_space_after_a_full_line_of_content_is_kept_out_of_the_bullet() -> None:
    item1 = ITEM1.replace(
        "①各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に",
        "①各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に 研修テーマ：「",
    )
    result = run(HEADER, item1, ITEM2, ITEM3)
    assert bullets(result)[0] == (
        1,
        "各医療機関が持ち回り形式で、定期的（1回／2ヶ月程度）に症例検討会を継続していきます。",
    )
    assert any(d.startswith("取組1") for d in unread(result))


def test_as_many_count_lines_as_periods_printed_one_under_another_are_left_unread() -> None:
    """A generated report's 取組2 (pdftotext default mode): `＊出前講座 ４回` / `＊６回` are the
    実績 cell's two lines and `出前講座：２４回` the 現状 cell's, 取組目標 blank. Three count lines
    for three periods, but printed one under another, not each a paragraph of its own: never
    one a period (that put 出前講座 ４回 in 現状 and ６回 in 取組目標)."""
    item3 = ITEM3.replace("0回\n\n2回\n\n1回\n", "＊出前講座 ４回\n＊６回\n出前講座：２４回\n")
    result = run(HEADER, ITEM1, ITEM2, item3)
    assert not [s for s in result.status if s.item_no == 3]
    assert any(d.startswith("取組3: 3 short lines") for d in unread(result))
    assert result.document.status == "partial"


def test_three_paragraphs_after_the_bullets_are_left_unread_as_they_may_print_out_of_column_order() -> None:
    """A generated R2 report's 取組1 (pdftotext default mode, figures changed): three paragraphs
    after the bullets, each one cell whole, printed 取組目標 (two lines, set at the cell's top), then
    現状 and 実績 (one line each, set in the middle of their cells). Print order is not the columns'
    order: measured on 3 x 40 generated reports, 15 of 47 items printing three such paragraphs had
    them in the columns' order, so three paragraphs are never taken one a period."""
    cells = "・発送：1月8日\n・開催日時：2020年4月29日\n\n１回（5月〜8月）\n\n調査期間：6月〜2月\n"
    item3 = ITEM3.replace("0回\n\n2回\n\n1回\n", cells)
    result = run(HEADER, ITEM1, ITEM2, item3)
    assert not [s for s in result.status if s.item_no == 3]
    assert any(d.startswith("取組3") for d in unread(result))
    assert result.document.status == "partial"


def test_count_lines_are_left_unread_where_a_period_header_printed_apart_from_the_others() -> None:
    """A generated report prints `現状` and its note above 取組事項, apart from the other two
    headers: two headers read, and two count lines (both 現状's) would go to 取組目標 and 実績.
    Cells are given periods only where every column's header printed, in the columns' order."""
    header = "取組事項\n\n取組内容\n\n取組目標\n実績\n(事前協議月から向\nこう6箇月間の取組)\n"
    item3 = ITEM3.replace("0回\n\n2回\n\n1回\n", "グループ連絡会議（24 回）\n\n＊出前講座 2 回\n")
    result = run("現状\n(事前協議月の前月から過去6箇月間の状況)\n", header, ITEM1, ITEM2, item3)
    assert not [s for s in result.status if s.item_no == 3]
    assert any(d.startswith("取組3") for d in unread(result))


# pdftotext default mode prints the period columns' headers between 取組事項 and 取組内容, the
# columns' notes interleaved line by line (a generated R4 report, figures changed)
HEADER_SPLIT = """\
取組事項

計画
現状
実績
(補助金交付
(補助金交付申請
(補助金交付申請
申請の月から
の前月から過去6
の月から翌年3月
箇月間の状況)
末までの取組)
での取組)

取組内容
"""


def test_the_header_ends_at_its_second_word_printed_below_the_period_headers() -> None:
    """`取組内容` printed a dozen lines below `取組事項`, past the period headers only, with item 1
    right under it: the table's items are read (they were all lost)."""
    result = run(HEADER_SPLIT, ITEM1, ITEM2, ITEM3)
    assert [n for n, _ in bullets(result)] == [1, 1, 2, 2, 3]
    assert bullets(result)[0][1].startswith("各医療機関が持ち回り形式で")


def test_the_header_below_the_period_headers_counts_only_where_item_1_starts_right_under_it() -> None:
    """Something else than period headers between `取組内容` and item 1, or an item started before
    `取組内容`: the header is not taken from so far below (the table is not read, as before)."""
    other_line = "グループ内は電話で連携をとっていきます。\n"
    assert run(HEADER_SPLIT, other_line, ITEM1, ITEM2, ITEM3).initiatives == ()
    header_after_item_1 = HEADER_SPLIT.replace("\n取組内容\n", "\n")
    assert run(header_after_item_1, ITEM1, "取組内容\n\n", ITEM2, ITEM3).initiatives == ()


def test_a_table_without_its_header_row_opens_at_its_heading_where_item_1_follows_period_headers() -> None:
    """pdftotext default mode prints the heading, the period headers and item 1, and no
    取組事項 / 取組内容 header before the 取組効果 (a generated R3 report): the items are read
    from the heading on, only where nothing but period headers prints before item 1."""
    periods = (
        "現 状\n（事前協議月の前\n月から過去６箇月\n間の状況）\n"
        "取組目標\n（事前協議月から\n向こう６箇月間の\n取組）\n"
    )
    outcomes = "【参入促進・連携（グループ化）の取組効果】\n"
    result = run(periods, ITEM1, ITEM2, ITEM3, outcomes)
    assert [n for n, _ in bullets(result)] == [1, 1, 2, 2, 3]
    assert run(periods, "未定\n", ITEM1, ITEM2, ITEM3, outcomes).initiatives == ()


# a bullet whose last wrapped line is short (a generated R2 report, names changed)
ITEM2_WRAPPED_END = """\
2 在宅医療を提供す
る連携体制として必
要な拠点機能を担う
取組
※地域との連携に関
すること。

② 打ち合わせ等の内容・開催方法・回数・参加機関等
▶開催方法：参集およびオンライン・電話・メールでの打ち合わせ、進捗
状況の確認等
▶開催回数：月 2 回程度
"""


def test_a_short_wrapped_end_of_a_bullet_before_the_next_marker_is_the_bullets_rest() -> None:
    """`状況の確認等` under a line that fills the 取組内容 column and ends no sentence, right above
    the next bullet's marker: the bullet's rest, not a period line (it was cut off the bullet)."""
    result = run(HEADER, ITEM1, ITEM2_WRAPPED_END, ITEM3)
    assert [t for n, t in bullets(result) if n == 2] == [
        "打ち合わせ等の内容・開催方法・回数・参加機関等",
        "開催方法：参集およびオンライン・電話・メールでの打ち合わせ、進捗状況の確認等",
        "開催回数：月 2 回程度",
    ]
    assert not [d for d in unread(result) if d.startswith("取組2")]


def test_a_short_line_under_a_full_bullet_line_stays_a_period_line_where_it_may_be_one() -> None:
    """The same short line with a count, or followed by a line that goes on with the bullet
    (`…進捗` | `2回` | `状況の確認等`), may be a period cell printed between the bullet's lines: it
    stays out of the bullet, and the item's period cells unread."""
    counted = ITEM2_WRAPPED_END.replace("状況の確認等\n", "2回\n")
    between = ITEM2_WRAPPED_END.replace("状況の確認等\n", "研修の開催\n状況の確認等\n")
    for item2 in (counted, between):
        result = run(HEADER, ITEM1, item2, ITEM3)
        assert "開催方法：参集およびオンライン・電話・メールでの打ち合わせ、進捗" in [
            t for n, t in bullets(result) if n == 2
        ]
        assert any(d.startswith("取組2") for d in unread(result))


def test_items_printed_before_the_header_and_item_1s_title_are_read_from_their_titles() -> None:
    """Default mode may print items 2 and 3 (title, bullets, period lines) between the table's
    heading and its 取組事項 / 取組内容 header, and item 1's title only after that header (a
    generated H30 report): items 2 and 3 are read from their titles (they were lost), and the
    bullets printed above item 2's title are item 1's (only its row lies above item 2's)."""
    periods = "現 状\n(事前協議月の前月から過\n去 6 箇月間の状況)\n"
    item1_bullets = "■訪問看護ステーションと連携をとっていきます。\n"
    item1_title = ITEM1.split("\n", 1)[0].split(" ")[0] + " " + ITEM1.split(" ")[1] + "\n"
    result = run(periods, item1_bullets, ITEM2, ITEM3, "取組事項\n\n取組内容\n", item1_title)
    assert [n for n, _ in bullets(result)] == [1, 2, 2, 3]
    assert bullets(result)[:2] == [
        (1, "訪問看護ステーションと連携をとっていきます。"),
        (2, "多職種連携研修会を令和2年4/1～4/11に開催しました。"),
    ]
    assert not [c for c in result.checks if c.check == "cells_ambiguous"]
    # a bullet after a period line there: which cell or bullet it is cannot be told, left unread
    late = run(periods, "未定\n" + item1_bullets, ITEM2, ITEM3, "取組事項\n\n取組内容\n", item1_title)
    assert [n for n, _ in bullets(late)] == [2, 2, 3]
    assert any(d.startswith("取組1: 2 short lines") for d in unread(late))


def test_lines_printed_before_every_items_title_are_given_to_no_item_and_named_by_a_check() -> None:
    """Default mode may print item 1's bullets (and period lines) after the table's heading,
    before the 取組事項 / 取組内容 header and every item's title (a generated H30 report): which
    item they are cannot be told; they are not read, and not silently: `cells_ambiguous`."""
    periods = "現 状\n(事前協議月の前月から過\n去 6 箇月間の状況)\n"
    item1_bullets = "■訪問看護ステーションと連携をとっていきます。\n"
    result = run(periods, item1_bullets, "取組事項\n\n取組内容\n", ITEM1, ITEM2, ITEM3)
    assert not [t for _, t in bullets(result) if "訪問看護ステーションと連携" in t]
    assert [c.detail for c in result.checks if c.check == "cells_ambiguous"] == [
        "取組: 1 lines printed after the table's heading and before every item's title (bullets or "
        "period cells): which item they belong to cannot be told; not read"
    ]
    assert result.document.status == "partial"


def test_items_before_the_header_are_read_from_their_titles_only_where_none_prints_again() -> None:
    """The header printed after every item: the three are read from their titles. Item 2's title
    printed again after the header: the one before it is not taken."""
    periods = "現 状\n(事前協議月の前月から過\n去 6 箇月間の状況)\n"
    last = run(periods, "未定\n", ITEM1, ITEM2, ITEM3, "取組事項\n\n取組内容\n")
    assert [n for n, _ in bullets(last)] == [1, 1, 2, 2, 3]
    again = run(periods, ITEM2, "取組事項\n\n取組内容\n", ITEM1, ITEM2, ITEM3)
    assert [n for n, _ in bullets(again)] == [1, 1, 2, 2, 3]


def test_a_group_name_whose_end_the_print_does_not_tell_is_left_out() -> None:
    """Default mode prints a narrow 現状 cell line by line: an unquoted name with a line printed
    right under it may go on there (`グループ名` | `下妻市在宅` | `医療連携グ` | `ループ`, or
    `グループ名 けやき` | `3件` | `ネットワーク`), and a quote's first line may hold another cell's
    words (`「美浦村グル 開催日時：…` | `ープ」`): no name rather than a cut or mixed one (22 of
    160 generated reports had one). A name the print ends (a blank line, a closing quote) is read."""
    cut = ["グループ名\n下妻市在宅\n医療連携グ\nループ\n", "グループ名 けやき\n3件\nネットワーク\n"]
    mixed = "グループ名：「美浦村グル 開催日時：平成三十年四月 2回/年\nープ」\n"
    for cell in [*cut, mixed]:
        left_out = run(HEADER, ITEM1, ITEM2, ITEM3, cell)
        assert left_out.document.group_name is None
        assert [c.check for c in left_out.checks if c.check == "group_name_unread"] == ["group_name_unread"]
        assert left_out.document.status == "partial"
        assert "group name" in (left_out.document.message or "")
    ended = run(HEADER, ITEM1, ITEM2, ITEM3, "グループ名 けやきネットワーク\n\n3件\n")
    assert ended.document.group_name == "けやきネットワーク"
    assert "group_name_unread" not in {c.check for c in ended.checks}


# (a narrow 現状 cell with an unquoted group name, as default mode prints it; the name read or None)
UNQUOTED_NAMES = [
    ("グループ名 高萩市医\n師会連携グループ\n※参考資料 1 高萩市\n", "高萩市医師会連携グループ"),  # a note
    ("グループ名 坂東\n市グループ\n6 回/年\n", "坂東市グループ"),  # a count: an entry, not its number
    ("グループ名 坂東\n市グループ\n発送：令和2年5月1日\n", "坂東市グループ"),  # an entry's label
    ("グループ名 県北在\n宅医療推進グループ\n", "県北在宅医療推進グループ"),  # a blank line
    ("グループ名 八千代町グ\nループ\n研修会等への出席及び\n", None),  # may go on
    ("グループ名 つくば地区グ\nループ\n2\n", None),  # its number may be on the next line
    ("グループ名 けやき\n検討中\nネットワーク\n", None),  # a shorter line between: another cell's
    ("グループ名 けやき\n3件\nネットワーク\n", None),  # a count between: another cell's
]


@pytest.mark.parametrize(("cell", "name"), UNQUOTED_NAMES)
def test_an_unquoted_group_name_wrapped_by_a_narrow_cell_is_read_where_the_print_ends_it(
    cell: str, name: str | None
) -> None:
    """An unquoted name wrapped line by line (`グループ名 高萩市医` | `師会連携グループ`) is read where
    its lines, each as wide as the ones after it, end with a group word and a ※ note, a count or a
    blank line follows (3 of 60 generated reports lost theirs); else no name, as before."""
    result = run(HEADER, ITEM1, ITEM2, ITEM3, cell)
    assert result.document.group_name == name
    assert ("group_name_unread" in {c.check for c in result.checks}) == (name is None)


# item 1's title as the R3 form prints it on its own lines, above its content
TITLE_APART = (
    "1 これから在宅医療\nへの参入又は拡充に\n取り組む医療機関等\nの連携強化を図るた\nめの取組\n"
    "※グループ内の取組\nに関すること。\n"
)
# a note under the 取組効果 heading, wider than the 取組内容 column, printed after the table
OUTCOMES_NOTE = (
    "【参入促進・連携（グループ化）の取組効果】\n"
    "※在宅に赴いてこれから診療を始めようとする、又はその取り組みを拡充しようとする医療機関の数を記載してください。\n"
)
# a generated R3 report's item 1: the 現状 cell's lines glued one space after full content lines
GLUED_AFTER_FULL_LINES = """\
●地域の後方支援病院の医療連携室と連携して、夜間・休日の急変時の患者の受け入れを継 医療機関への
続していきます。グループ内は電話、ファックス、メールで連携をとっていきます。
協力依頼（8 月
●患者・家族には、在宅医療の意向や終末期の確認を行い、緊急の事態にも対応できる連絡 中）
体制を引き続き確保します。
●連携医療機関において定期的（1 回/2 箇月）に症例検討会や、勉強会を行う事を継続して
いきます。第 1 回グループ会議を 2021 年 6 月 27 日に関内科クリニックで開催予定です。
"""
# a generated H30 report's item 1: every full line holds half-width digits set apart by spaces
FULL_LINES_WITH_DIGITS = "\n".join(
    (
        "① 患者・家族には、在宅医療の意向や終末期の確認を行い、緊急の"
        "事態にも対応できる連絡体制を引き続き確保します。第 1 回グルー",
        "プ会議を令和 2 年 9/27(日)19:00～に石井こどもクリニックで開催予定です。",
        "② 第 1 回グループ会議を 11 月 1 日（日）に鹿島クリニックで開催予定です。",
        "④ 連携医療機関において定期的（1 回/2 箇月）に症例検討会や、勉"
        "強会を行う事を継続していきます。症例検討会（2/24（水）14 時～",
        "16 時 30 分）では看取りの事例を共有しました。",
        "⑥ 各医療機関が持ち回り形式で、定期的（1 回／2 ヶ月程度）に症"
        "例検討会を継続していきます。症例検討会（㍻31 年 4 月 5 日",
        "（金））では看取りの事例を共有しました。グループ内は電話、ファックス、メールで連携をとっていきます。",
        "",
    )
)
# a generated R2 report's item 1 (no markers): a word in half-width letters broken over two lines
LETTERS_OVER_TWO_LINES = """\
在宅医療における ICT の活用を推進するため、訪問診療を行う医療機関にタブレットを備え、情報
共有アプリを導入し、患者の症状を随時閲覧できるように活用します。
あおば訪問看護ステーションの参入により、訪問看護指示書や報告書以外に必要に応じて電話や F
AX で情報共有をして、不要不急の往診をすることなく早期対応ができるようにしていきます。
"""


def test_a_piece_glued_after_a_full_line_is_told_by_the_tables_own_lines_not_a_wider_note_after_it() -> None:
    """How wide a full 取組内容 line prints is read from the table's lines: a note printed after
    the table (under the 取組効果 heading), wider than the column, had every full line taken for
    a short one, and the 現状 cell's pieces glued after them stayed in the bullets."""
    result = run(HEADER, TITLE_APART, GLUED_AFTER_FULL_LINES, ITEM2, ITEM3, OUTCOMES_NOTE)
    assert [t for n, t in bullets(result) if n == 1][:2] == [
        "地域の後方支援病院の医療連携室と連携して、夜間・休日の急変時の患者の受け入れを継続していきます。"
        "グループ内は電話、ファックス、メールで連携をとっていきます。",
        "患者・家族には、在宅医療の意向や終末期の確認を行い、緊急の事態にも対応できる連絡体制を引き続き確保します。",
    ]
    assert any(d.startswith("取組1") for d in unread(result))


def test_a_full_line_ending_after_a_space_around_half_width_digits_keeps_its_end() -> None:
    """pdftotext sets spaces around half-width digits, so every full line of a wide 取組内容
    column may hold spaces: the full width counts them without their spaces, and a line's end one
    space after a digit (`…（2/24（水）14 時～`) is its own text, never a period cell's piece (the
    date 2/24 14時～16時30分 was cut and lost its times)."""
    result = run(HEADER, TITLE_APART, FULL_LINES_WITH_DIGITS, ITEM2, ITEM3)
    assert [t for n, t in bullets(result) if n == 1] == [
        "患者・家族には、在宅医療の意向や終末期の確認を行い、緊急の事態にも対応できる連絡体制を引き続き確保します。"
        "第 1 回グループ会議を令和 2 年 9/27(日)19:00～に石井こどもクリニックで開催予定です。",
        "第 1 回グループ会議を 11 月 1 日（日）に鹿島クリニックで開催予定です。",
        "連携医療機関において定期的（1 回/2 箇月）に症例検討会や、勉強会を行う事を継続していきます。"
        "症例検討会（2/24（水）14 時～16 時 30 分）では看取りの事例を共有しました。",
        "各医療機関が持ち回り形式で、定期的（1 回／2 ヶ月程度）に症例検討会を継続していきます。"
        "症例検討会（㍻31 年 4 月 5 日（金））では看取りの事例を共有しました。"
        "グループ内は電話、ファックス、メールで連携をとっていきます。",
    ]
    assert "2/24（水）14 時～16 時 30 分" in [d.raw for d in result.dates]
    assert not any(d.startswith("取組1") for d in unread(result))


def test_half_width_letters_after_a_full_line_are_the_lines_own_word() -> None:
    """`…電話や F` | `AX で…`: the space before `F` is pdftotext's around half-width letters; the
    letter stays in the bullet (it was cut off as a period cell's piece: `電話やAX`)."""
    result = run(HEADER, TITLE_APART, LETTERS_OVER_TWO_LINES, ITEM2, ITEM3, OUTCOMES_NOTE)
    assert "電話や F AX で情報共有をして" in "".join(t for n, t in bullets(result) if n == 1)


def test_pieces_of_two_period_columns_glued_after_a_full_line_are_all_kept_out_of_the_bullet() -> None:
    """A generated report's item 3 (the table cut from its pdftotext default output): `…を待合室`
    fills the 取組内容 column and the line goes on with 取組目標's `口を設置して相` and 実績's `*随時`,
    one space apart. Each piece is taken off while the text before it still fills the column (only
    the last one was, and `口を設置して相` stayed in the bullet)."""
    result = process_document(
        (LAYOUT / "items-period-pieces-glued-after-full-lines.default.txt").read_bytes()
    )
    assert [t for n, t in bullets(result) if n == 3][:2] == [
        "令和2年8月20日（木）10:30～11:00に出前講座を実施しました。",
        "人生会議（ACP）の普及のため、リーフレットを待合室に設置します。",
    ]
    assert any(d.startswith("取組3") for d in unread(result))


def test_a_piece_longer_than_a_period_line_glued_before_another_piece_is_kept_out_too() -> None:
    """A generated report's item 3: `…市町村が推進す` fills the 取組内容 column, then 現状's
    `*開催日時：R2.6.21(`, 取組目標's `高齢者支援センター` and 実績's `◆6回`. Once a piece is taken
    off after text that still fills the column, the piece before it is another column's however
    long: the date stayed in the bullet, an 取組 date that is 現状's."""
    result = process_document(
        (LAYOUT / "items-period-piece-longer-than-a-line-glued-before-another.default.txt").read_bytes()
    )
    assert next(t for n, t in bullets(result) if n == 3) == (
        "グループ内の1/2以上の医療機関で看取りに対応できる体制を整えます。高萩市の広報誌に在宅医療の特集記事を"
        "掲載します。市町村が推進する医療と介護の連携についてグループ化した医療機関が協力して参ります。"
    )
    assert not [d for d in result.dates if d.item_no == 3 and d.source_table == "initiatives"]


def _items_of(result: DocumentResult) -> list[tuple[int, str]]:
    return [(n, t[:10]) for n, t in bullets(result)]


def test_bullets_after_titles_printed_one_after_another_are_the_items_paragraphs_in_order() -> None:
    """A generated R4 report (its 取組 table cut from the pdftotext default output): items 1 and 2's
    titles print one after the other, then item 1's bullets, a period cell, item 2's bullets. The
    取組内容 column's paragraphs, one an item, are the items' in order (every bullet was item 2's)."""
    result = process_document((LAYOUT / "items-titles-one-after-another.default.txt").read_bytes())
    got = _items_of(result)
    assert next(t for n, t in got if n == 1) == "6 月-11 月に連"
    assert [t for n, t in got if n == 2] == [
        "地域の後方支援病院と",
        "連携する各医療機関に",
        "グループ内の 1/2",
        "多職種を対象にした在",
    ]
    assert any(d.startswith("取組2") for d in unread(result))  # the period lines: either item's


def test_bullets_printed_above_their_items_title_are_the_items_paragraph() -> None:
    """A generated R3 report: item 2's bullets print after item 1's (a period cell between), above
    item 2's title, which prints right before item 3's. Three paragraphs of bullets for three
    items, the titles in order: each item its paragraph (item 2's bullets were item 1's)."""
    result = process_document((LAYOUT / "items-bullets-above-their-title.default.txt").read_bytes())
    got = _items_of(result)
    assert [n for n, _ in got] == [1, 1, 1, 1, 1, 1, 2, 2, 3, 3]
    assert [t for n, t in got if n == 2] == ["水戸市在宅医療・介護", "多職種を対象にした在"]


def test_titles_one_after_another_with_fewer_paragraphs_than_items_leave_those_items_unread() -> None:
    """A generated H30 report: items 2 and 3's titles print one after the other, then their
    bullets in one paragraph, and item 1's bullets are one paragraph too: two paragraphs for
    three items. Which bullets are item 2's cannot be told: neither item is read (item 3 had
    them all), and `cells_ambiguous` says so."""
    name = "items-titles-one-after-another-bullets-in-one-paragraph.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert {n for n, _ in bullets(result)} == {1}
    assert [c.detail[:24] for c in result.checks if c.check == "cells_ambiguous"] == [
        "取組2-3: titles printed on"
    ]
    assert result.document.status == "partial"


def test_a_piece_opening_with_a_list_marker_is_glued_even_after_a_digit() -> None:
    """A generated report (its pdftotext default output): `…多職種連携研修会を1 ▶ホームページ掲` holds
    実績's `▶ホームページ掲` after the bullet's `1` (of `11月6日`, wrapped): a list marker never goes on
    with a number, so the piece is the period cell's even one space after a half-width digit
    (the bullet read `…研修会を1 ▶ホームページ掲…` and its date 11月6日～26日 was lost)."""
    result = process_document(
        (LAYOUT / "items-period-piece-with-its-marker-after-a-digit.default.txt").read_bytes()
    )
    assert next(t for n, t in bullets(result) if n == 2).endswith(
        "多職種連携研修会を11月6日～26日に開催しました。"
    )
    assert "11月6日～26日" in [d.raw for d in result.dates if d.item_no == 2]


def test_a_line_opening_with_a_full_width_marker_fills_the_column_by_its_printed_width() -> None:
    """A generated report: `▶参加機関：…訪問看護ステー` | `ション` | `▶開催回数…`. The marker `▶`
    prints full-width (East Asian ambiguous width, set full-width in a Japanese font), so the line
    fills the 取組内容 column and `ション` is the bullet's wrapped end, not a period line (counted
    one column short, the line did not fill it, and `ション` was cut off the bullet)."""
    name = "items-bullet-end-under-a-line-opening-with-a-marker.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert "参加機関：常総市高齢福祉課、常総市医師会、筑西医院、訪問看護ステーション" in [
        t for _, t in bullets(result)
    ]


def test_a_period_entry_opening_with_a_marker_after_a_full_line_is_taken_off_spaces_and_all() -> None:
    """`■6 月-11 月に連携会議を開催し、各医療機関の役割分担 ・1 月 29 日` | `を確認しました。`: the line
    fills the 取組内容 column at `…役割分担`, and `・1 月 29 日` (spaces set around its digits) is a
    period entry opening with its marker. It is taken off whole (it stayed, and its `・` opened a
    bullet `1 月 29 日を確認しました。` that took the first bullet's end)."""
    result = process_document((LAYOUT / "items-titles-one-after-another.default.txt").read_bytes())
    first = next(t for n, t in bullets(result) if n == 1)
    assert first == "6 月-11 月に連携会議を開催し、各医療機関の役割分担を確認しました。"
    assert not [t for _, t in bullets(result) if t.startswith("1 月 29 日")]


def test_a_period_piece_holding_spaces_is_cut_at_the_last_space_that_parts_two_columns() -> None:
    """`▶…看取り等） 調査期間：3 月` | `のポスター等を掲示します。`: the last space is one pdftotext sets
    after a half-width digit, the one before `調査期間` parts two full-width characters, and the
    text before it fills the 取組内容 column: the 現状 piece `調査期間：3 月` is taken off whole
    (only `月` was, and `3` stayed in the bullet; kept, its `3 月` read as an 取組 date)."""
    result = process_document(
        (LAYOUT / "items-period-piece-with-spaces-after-a-full-line.default.txt").read_bytes()
    )
    assert next(t for n, t in bullets(result) if n == 3) == (
        "グループの医療機関に在宅医療に関する内容（訪問診療、往診、訪問看護、看取り等）のポスター等を掲示します。"
    )
    assert not [d for d in result.dates if d.item_no == 3 and d.source_table == "initiatives"]


def test_titles_one_after_another_are_left_as_read_where_lines_printed_before_every_title() -> None:
    """A generated report prints item 1's bullets after the table's heading, before every title
    (not read: `cells_ambiguous`), then items 1 and 2's titles one after another and item 2's
    bullets. Item 1's bullets may be those lines: the bullets after the titles are item 2's, as
    read, never shared out by paragraphs nor left out (they were left out)."""
    name = "items-lines-before-every-title-then-titles-one-after-another.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert [n for n, _ in bullets(result)] == [2, 2, 2, 2, 2, 3, 3, 3, 3, 3]
    assert [c.detail[:3] for c in result.checks if c.check == "cells_ambiguous"] == ["取組:"]


def test_the_full_width_is_read_past_the_tables_heading() -> None:
    """A generated report prints the period headers and items right under the table's heading and
    its 取組事項 / 取組内容 header only after them: the table opens at the heading, which is wider
    than the 取組内容 column and is no line of it. Read past it, `…協力し合う体 体制の構築` fills
    the column and 現状's `体制の構築` is taken off the bullet (it stayed in it)."""
    result = process_document(
        (LAYOUT / "items-heading-wider-than-the-content-column.default.txt").read_bytes()
    )
    assert [t for n, t in bullets(result) if n == 1][1] == (
        "はなみずき在宅クリニック、涸沼皮膚科クリニックが在宅医療を行っている利用者に対し、主治医が対応できない"
        "事情が発生した場合に代わりに対応できるように、それぞれの医療機関の院長を通して相互に協力し合う体制を"
        "継続していきます。"
    )


def test_a_bullets_wrapped_end_under_a_line_of_the_title_alone_is_the_bullets_rest() -> None:
    """`取組に関するこ ■在宅医療普及啓発を目的とした地域住民向け「VR 体` | `と。` | `験会」` | `・症例…`:
    the title column's last line prints between the bullet's full line and its wrapped end. The
    end is the bullet's rest as where nothing prints between (it was read as a period line)."""
    result = process_document(
        (LAYOUT / "items-heading-wider-than-the-content-column.default.txt").read_bytes()
    )
    assert [t for n, t in bullets(result) if n == 1][
        2
    ] == "在宅医療普及啓発を目的とした地域住民向け「VR 体験会」"


def test_narrow_paragraphs_after_the_bullets_are_period_cells_even_opening_with_markers() -> None:
    """A generated report's item 3 (its pdftotext default output, names changed): two bullets, then
    five paragraphs of the period columns, whose lines open with `◆`, `▶`, `・` like bullets
    (`・医療機関への協力依頼（1` | `0 月中）`). Every line of those paragraphs is well short of a full
    line of the 取組内容 column: they are period cells, never bullets (seven of them were read as
    bullets, and their dates as 取組 dates); which cell each is stays unread."""
    name = "items-period-cells-opening-with-markers-after-the-bullets.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert [t[:12] for n, t in bullets(result) if n == 3] == [
        "市民公開講座「住み慣れた",
        "在宅医療や看取りをテーマ",
    ]
    assert [d.raw for d in result.dates if d.item_no == 3] == ["8 月 13 日(木)19 時～20 時"]
    assert any(d.startswith("取組3") for d in unread(result))
    assert not [s for s in result.status if s.item_no == 3]


def test_other_columns_text_on_a_line_wider_than_the_content_column_is_kept_out_of_the_bullet() -> None:
    """A generated R2 report's item 1: `…管理者が調 調査期間：9月1 ※定期的（1回/2箇` holds two period
    columns' pieces, together longer than a period line, and `…情報共有や 5日～19日` one whose space
    is one pdftotext may set before a half-width digit. Both lines are wider than the 取組内容
    column can print: the text past its edge is the other columns' (it stayed in the bullet)."""
    result = process_document(
        (LAYOUT / "items-period-pieces-glued-after-full-lines.default.txt").read_bytes()
    )
    assert bullets(result)[0] == (
        1,
        "各医療機関の院長と訪問看護ステーションの管理者が調整窓口となり、電話、メール、FAXにて患者の情報共有や"
        "連携を図っていきます。",
    )


def test_two_period_cells_printed_side_by_side_after_the_bullets_are_no_bullet() -> None:
    """A generated R3 report's item 1: after its bullets and the period headers, 取組目標's and
    実績's cells print side by side in one paragraph (`12 回（5 月～6 月） 開催日時：㋿3 年 7`), wider
    than one period column yet well short of a full 取組内容 line: period lines, not a bullet (the
    paragraph was item 1's fifth bullet, and its dates 取組 dates)."""
    name = "items-two-period-cells-side-by-side-after-the-bullets.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    item1 = [t for n, t in bullets(result) if n == 1]
    assert len(item1) == 4
    assert item1[-1].endswith("症例検討会や、勉強会を行う事を継続していきます。")
    assert [d.raw for d in result.dates if d.item_no == 1] == [
        "9 月",
        "令和 4 年 1 月 12 日（水）午後 2 時 30 分～4 時",
    ]
    assert any(d.startswith("取組1") for d in unread(result))


def test_three_period_cells_printed_side_by_side_after_the_bullets_are_no_bullet() -> None:
    """A generated H30 report's item 3: three period cells print side by side in one paragraph
    (`ネットワーク会議 *派遣先：笠間 開催日時：㍻30年`), three-quarters of a full 取組内容 line wide
    and no line of it full: period lines, not a third bullet (`ネットワーク会議 *派遣先…` was one)."""
    name = "items-three-period-cells-side-by-side-after-the-bullets.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert [t for n, t in bullets(result) if n == 3] == [
        "笠間市の広報誌に在宅医療の特集記事を掲載します。",
        "住民に対する在宅医療に関する勉強会などを市町村と協力して開催します。",
    ]
    assert any(d.startswith("取組3") for d in unread(result))


def test_period_cells_printed_right_under_their_columns_header_are_no_bullet() -> None:
    """A generated R4 report's item 1: `実績` and its note print right above 実績's cell, no blank line
    between (`組)` | `開催日時：2021 年 12` | … | `・調査期間：5 月 25 日` | `～6 月 2 日`). The header
    lines are the form's, the rest narrow: the paragraph is a period cell, and `・調査期間…` no bullet
    (it was item 1's last bullet, and 5月25日 an 取組 date)."""
    name = "items-period-cells-under-their-header-after-the-bullets.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert not [t for _, t in bullets(result) if t.startswith("調査期間")]
    assert not [d for d in result.dates if d.item_no == 1 and d.source_table == "initiatives"]
    assert any(d.startswith("取組1") for d in unread(result))


# a generated R4 report's item 2: a list's wrapped end printed beside the title column's line
ITEM2_LIST_END_BESIDE_THE_TITLE = """\
2 在宅医療を提供 ①事務局、調整機能を担う方
する連携体制とし 水戸市在宅医療・介護連携支援センター 介護支援専門員 田口 雅一
て必要な拠点機能 ②打ち合わせ等の内容・開催方法・回数・参加機関等
を担う取組
▶参加機関：水戸市高齢福祉課、水戸市医師会、かがやき在宅クリニック
※地域との連携に 、訪問看護ステーション
関すること。
▶開催方法：参集およびオンライン・電話・メールでの打ち合わせ
"""


def test_a_wrapped_end_opening_with_a_comma_is_never_an_org_charts_label() -> None:
    """`、訪問看護ステーション` ends like a facility's name, but a line opening with `、` goes on with
    the text above it: the list's rest, not an org chart's label (it was cut off the bullet)."""
    result = run(HEADER, ITEM1, ITEM2_LIST_END_BESIDE_THE_TITLE, ITEM3)
    assert [t for n, t in bullets(result) if n == 2][2] == (
        "参加機関：水戸市高齢福祉課、水戸市医師会、かがやき在宅クリニック、訪問看護ステーション"
    )


def test_a_wrapped_end_reading_like_a_facility_under_a_full_open_line_is_the_bullets_rest() -> None:
    """A generated R2 report's item 1: `▶参加機関：…、かがやき外科内科` fills the 取組内容 column and
    leaves its sentence open, and `医院、訪問看護ステーション` prints right under it. It ends like a
    facility's name, yet it is the list's rest, not an org chart's label (it was cut off)."""
    name = "items-list-end-reading-like-a-facility-under-a-full-line.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert "参加機関：北茨城市高齢福祉課、北茨城市医師会、かがやき外科内科医院、訪問看護ステーション" in [
        t for n, t in bullets(result) if n == 1
    ]


def test_a_short_line_closing_a_bracket_the_bullet_left_open_is_the_bullets_rest() -> None:
    """A generated report's item 1 (pdftotext default mode, names changed): `⑥ …「VR 体験` wraps
    short of the 取組内容 column's edge, as `会」` goes to the next line whole (a closing bracket
    never opens a line), and `会」` closes the bracket the bullet left open: the bullet's rest, not
    a period line (the bullet lost its end)."""
    name = "items-bullet-wrapped-before-its-closing-bracket.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert "在宅医療普及啓発を目的とした地域住民向け「VR 体験会」" in [
        t for n, t in bullets(result) if n == 1
    ]


def test_period_cells_after_an_item_whose_bullets_are_one_line_are_no_bullets() -> None:
    """A generated H30 report's item 1 prints one line of bullets, then its period cells in
    paragraphs (`◆開催日時：7/27(金)` among them). An item of one line of bullets is no sign of a
    print that sets a blank line after every line (its title's lines print one under another):
    the narrow paragraphs are period cells (two of them were bullets, with their dates)."""
    name = "items-one-line-of-bullets-then-period-cells.default.txt"
    result = process_document((LAYOUT / name).read_bytes())
    assert [t for n, t in bullets(result) if n == 1] == [
        "8月26日(日)に連携会議を開催し、各医療機関の役割分担を確認しました。"
    ]
    assert [d.raw for d in result.dates if d.item_no == 1] == ["8月26日(日)"]


FULL = 20  # a full line of the 取組内容 column in these cases: ten full-width characters
PAST_THE_COLUMN = [
    ("あいうえおかきくけこ 調査期間：9月1 ※定期的", "調査期間：9月1 ※定期的"),  # one space fits
    ("あいうえおかきくけこ 5日～19日", "5日～19日"),  # a space before a half-width digit
    ("あいうえおかきくけこ 5", ""),  # no wider than the column may print: kept whole
    ("あいうえおかきくけ F AX で送付", ""),  # two spaces fit, neither parts full-width text
    ("あいうえおかきくけ F こ 調査期間：9月", "調査期間：9月"),  # two fit, one parts full-width text
]


@pytest.mark.parametrize(("text", "past"), PAST_THE_COLUMN)
def test_past_the_column(text: str, past: str) -> None:
    assert past_the_column(text, FULL) == past
