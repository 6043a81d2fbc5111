from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.bullets import Bullet, Segment, assign_levels, split_bullets, split_segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # list items of an HTML cell: one bullet each
        (
            "・在宅医療を行う。\n\n・勉強会を行う。",
            [("・", 0, "在宅医療を行う。"), ("・", 0, "勉強会を行う。")],
        ),
        # a ・ inside a word is text, not a marker
        ("・水戸市・水戸市医師会が連携する。", [("・", 0, "水戸市・水戸市医師会が連携する。")]),
        # inline markers after a space, with nesting: ①② top, ▶ below ②, ③ back on top, ① under ③
        (
            "①事務局 ②打ち合わせ ▶内容：計画 ▶回数：月 2 回 ③取組 ①研修会の開催 ②一覧の作成",
            [
                ("①", 0, "事務局"),
                ("②", 0, "打ち合わせ"),
                ("▶", 1, "内容：計画"),
                ("▶", 1, "回数：月 2 回"),
                ("③", 0, "取組"),
                ("①", 1, "研修会の開催"),
                ("②", 1, "一覧の作成"),
            ],
        ),
        # a circled number inside a word (水戸グループ①・②) is text
        ("・参加機関：水戸グループ①・②・③関係機関", [("・", 0, "参加機関：水戸グループ①・②・③関係機関")]),
        # wrapped lines of a layout rendition join without a space between Japanese characters
        (
            "・電話、\nメールで連携します。\n・ICT ア\nプリを導入します。",
            [("・", 0, "電話、メールで連携します。"), ("・", 0, "ICT アプリを導入します。")],
        ),
        # markers lost by the rendition: split at sentence ends
        (
            "体制を構築します。 勉強会を開催します。 また、相談に応じます。",
            [
                (None, 0, "体制を構築します。"),
                (None, 0, "勉強会を開催します。"),
                (None, 0, "また、相談に応じます。"),
            ],
        ),
        # a hard break inside one item (PDF cell) continues the item
        (
            "①事務局を担う方\n\n水戸市在宅医療・介護連携支援センター\n\n②打ち合わせ",
            [("①", 0, "事務局を担う方 水戸市在宅医療・介護連携支援センター"), ("②", 0, "打ち合わせ")],
        ),
        # a marker that only opens a wrapped line in mid-sentence is text
        (
            "・既存の水戸グループ①②\n③、水戸東域を補完する。\n・次の取組。",
            [("・", 0, "既存の水戸グループ①②③、水戸東域を補完する。"), ("・", 0, "次の取組。")],
        ),
        # a circled number followed by punctuation continues a sentence, even at a paragraph start
        ("③、水戸東域を補完する。", [(None, 0, "③、水戸東域を補完する。")]),
        ("", []),
    ],
)
def test_split_bullets(text: str, expected: list[tuple[str | None, int, str]]) -> None:
    assert split_bullets(text) == [Bullet(m, lv, t) for m, lv, t in expected]


@pytest.mark.parametrize(
    ("markers", "levels"),
    [
        (["①", "②", "▶", "▶", "③", "①", "②"], [0, 0, 1, 1, 0, 1, 1]),
        (["①", "②", "▶", "③", "⑥", "⑦", "・", "・"], [0, 0, 1, 0, 1, 1, 2, 2]),
        (["③", "・", "・"], [0, 1, 1]),
        (["・", "・", None, "・"], [0, 0, 0, 0]),
        (["・", "◆", "・", "◆"], [0, 1, 0, 1]),
    ],
)
def test_assign_levels(markers: list[str | None], levels: list[int]) -> None:
    assert assign_levels(markers) == levels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1回 *ポスター掲示は準備が出来次第開始 *ホームページ掲載",
            [(None, "1回"), ("*", "ポスター掲示は準備が出来次第開始"), ("*", "ホームページ掲載")],
        ),
        ("0回\n\n10件", [(None, "0回"), (None, "10件")]),
        (
            "2回（9月～3月）\n\n※定期的（1回/4箇月）開催",
            [(None, "2回（9月～3月）"), (None, "※定期的（1回/4箇月）開催")],
        ),
        (
            "⑥研修会（1回） ◆派遣先：東部圏域 ・開催日時：7/6(水)14:00～",
            [("⑥", "研修会（1回）"), ("◆", "派遣先：東部圏域"), ("・", "開催日時：7/6(水)14:00～")],
        ),
        ("③調査実施及びリスト作成・配付", [("③", "調査実施及びリスト作成・配付")]),
        ("④会議への出席およびファシリテーター\n\n18回", [("④", "会議への出席およびファシリテーター 18回")]),
        ("   ", []),
    ],
)
def test_split_segments(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert split_segments(text) == [Segment(m, t) for m, t in expected]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_keeps_text(text: str) -> None:
    for bullet in split_bullets(text):
        assert bullet.text and bullet.level >= 0
    for segment in split_segments(text):
        assert segment.text
