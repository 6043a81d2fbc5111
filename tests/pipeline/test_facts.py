"""Document facts: the group's name stops where the name ends, whatever is printed after it."""

from __future__ import annotations

import pytest

from pipeline.build.facts import group_name_in, split_group_name, text_after_group_name


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
