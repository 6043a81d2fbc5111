"""Document facts: the group's name stops where the name ends, whatever is printed after it."""

from __future__ import annotations

import pytest

from pipeline.build.facts import (
    cell_paragraphs,
    group_name_in,
    split_group_name,
    text_after_group_name,
    text_after_reference_note,
)
from pipeline.build.items import without_group_name


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("参入促進・連携（グループ化）名： つくばみらい市グループ", "つくばみらい市グループ"),
        ("グループ名：「竜ヶ崎地区グループ 1」\n※それぞれの医療機関ごとに窓口を設置", "竜ヶ崎地区グループ 1"),
        (
            "グループ名 水戸市・水戸市医師会連携グループ ※参考資料1 水戸市「…」参照",
            "水戸市・水戸市医師会連携グループ",
        ),
        # a name wrapped over two lines of a narrow cell
        ("グループ名 水戸市・水戸市医師会連\n携グループ", "水戸市・水戸市医師会連携グループ"),
        # the sentence printed under the name run on into the same paragraph
        (
            "グループ名 水戸市・水戸市医師会連携グループ水戸市と水戸市医師会が連携し、事業を展開する。",
            "水戸市・水戸市医師会連携グループ",
        ),
        (
            "グループ名 竜ヶ崎地区グループ 1 本グループは、各医療機関の窓口を設置する。",
            "竜ヶ崎地区グループ 1",
        ),
        ("グループ名：「日立市医師会連携グループ」発送：2022年2月7日", "日立市医師会連携グループ"),
        # a status entry printed on the line under the name, wrapped into its paragraph
        ("グループ名：神栖市在宅医療連携グループ\n発送：2021年1月5日", "神栖市在宅医療連携グループ"),
        ("グループ名 神栖市在宅医療連\n携グループ\n講師：鈴木医師", "神栖市在宅医療連携グループ"),
        # a line under the name that opens no label of its own goes on with it
        ("グループ名 神栖市在宅医療連\n携グループ\nつくば", "神栖市在宅医療連携グループつくば"),
        # a narrow cell wraps inside the label and the name
        ("グループ\n名：「日立\n市医師会連\n携グルー\nプ」", "日立市医師会連携グループ"),
        # a sentence without a name ending: no name is made up from it
        ("グループ名 各医療機関が連携し、在宅医療を推進する。", None),
        ("グループ名", None),
    ],
)
def test_group_name_in(paragraph: str, name: str | None) -> None:
    assert group_name_in(paragraph) == name


def test_the_sentence_after_the_name_is_kept_as_text() -> None:
    paragraph = "グループ名 水戸市・水戸市医師会連携グループ水戸市と水戸市医師会が連携し、事業を展開する。"
    assert text_after_group_name(paragraph) == "水戸市と水戸市医師会が連携し、事業を展開する。"
    assert split_group_name("つくばみらい市グループ") == ("つくばみらい市グループ", "")
    assert text_after_group_name("グループ名：神栖市在宅医療連携グループ\n発送：2021年1月5日\nホーム") == (
        "発送：2021年1月5日ホーム"
    )


@pytest.mark.parametrize(
    ("cell", "paragraphs"),
    [
        # the label printed as a paragraph of its own: the next paragraph is its name
        (
            "グループ名\n\n竜ヶ崎地区グ\nループ 2\n\n※参考資料1",
            ["グループ名\n竜ヶ崎地区グ\nループ 2", "※参考資料1"],
        ),
        ("グループ名：\n\n「日立市医師会連携グループ」", ["グループ名：\n「日立市医師会連携グループ」"]),
        # a label with its name on its line, or no label: paragraphs as printed
        ("グループ名 水戸グループ\n\n3回", ["グループ名 水戸グループ", "3回"]),
        ("3回\n\n2件", ["3回", "2件"]),
        ("グループ名", ["グループ名"]),
    ],
)
def test_cell_paragraphs(cell: str, paragraphs: list[str]) -> None:
    assert cell_paragraphs(cell) == paragraphs


def test_a_name_under_a_label_of_its_own_paragraph_is_read() -> None:
    cell = "グループ名\n\n竜ヶ崎地区グ\nループ 2\n\n※参考資料1 つくばみらい市「…」参照"
    assert group_name_in(cell.split("\n\n")[0]) is None  # the label alone names nothing
    assert group_name_in(cell_paragraphs(cell)[0]) == "竜ヶ崎地区グループ 2"


@pytest.mark.parametrize(
    ("paragraph", "after"),
    [
        ("※参考資料1 ひたちなか\n市「…計画」参照\n発送：2021年1月17日", "発送：2021年1月17日"),
        ("※参考資料1 水戸市「…」参照", ""),
        ("※参考資料1 水戸市「…」参\n照", ""),
        ("※参考資料1 水戸市「…計画」を参照\n3回\n(9月)", "3回\n(9月)"),
    ],
)
def test_text_after_reference_note(paragraph: str, after: str) -> None:
    assert text_after_reference_note(paragraph) == after


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        # the name under a label of its own line, the note after it, and an entry the note's wrap ran on
        (
            "グループ名\n\n竜ヶ崎地区グ\nループ 2\n\n※参考資料1 つくばみらい市「…」参照\n\n2件",
            "2件",
        ),
        (
            "グループ名 筑西グループ\n\n※参考資料1 ひたちなか\n市「…」参照\n発送：2021年1月17日",
            "発送：2021年1月17日",
        ),
        ("グループ名 筑西グループ\n\n※参考資料1 …参照\n発送：1月17日\n\n3回", "発送：1月17日\n\n3回"),
        ("3回\n\n※参考資料1 …参照", "3回\n\n※参考資料1 …参照"),  # a note not under a name stays
    ],
)
def test_a_status_cell_without_its_group_name(cell: str, kept: str) -> None:
    assert without_group_name(cell) == kept
