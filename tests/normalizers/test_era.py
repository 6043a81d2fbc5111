import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.era import (
    _FISCAL_YEAR_RE,
    ERAS,
    FISCAL_YEAR_WORD,
    _mention_year,
    era_date_in_range,
    era_to_western,
    find_fiscal_years,
    parse_era_number,
    parse_fiscal_year,
    western_to_era,
)
from normalizers.text import fold_width

FAST = settings(max_examples=200, deadline=None)


def test_era_table_is_ordered_data() -> None:
    assert [(e.name, e.letter) for e in ERAS] == [
        ("明治", "M"),
        ("大正", "T"),
        ("昭和", "S"),
        ("平成", "H"),
        ("令和", "R"),
    ]
    assert ERAS[-1].start == dt.date(2019, 5, 1)
    assert [e.start for e in ERAS] == sorted(e.start for e in ERAS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("元", 1),
        ("1", 1),
        ("30", 30),
        ("３", 3),
        ("３０", 30),
        (" 4 ", 4),
        ("四", 4),
        ("十", 10),
        ("三十", 30),
        ("三十一", 31),
        ("二十九", 29),
        ("0", None),
        ("", None),
        ("十十", None),
        ("〇", None),
        ("元年", None),
        ("abc", None),
        ("1" * 5000, None),
    ],
)
def test_parse_era_number(text: str, expected: int | None) -> None:
    assert parse_era_number(text) == expected


@pytest.mark.parametrize(
    ("era", "n", "expected"),
    [
        ("令和", 1, 2019),
        ("令和", 4, 2022),
        ("平成", 30, 2018),
        ("平成", 31, 2019),
        ("平成", 32, 2020),  # printed in plans written before the era change: accepted arithmetically
        ("昭和", 64, 1989),
        ("H", 30, 2018),
        ("r", 3, 2021),
        ("Ｒ", 3, 2021),
        ("ｈ", 1, 1989),
        ("明治", 1, 1868),
        ("X", 1, None),
        ("令和", 0, None),
        ("", 1, None),
    ],
)
def test_era_to_western(era: str, n: int, expected: int | None) -> None:
    assert era_to_western(era, n) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2019, ("令和", 1)),
        (2018, ("平成", 30)),
        (2022, ("令和", 4)),
        (1989, ("平成", 1)),
        (1868, ("明治", 1)),
        (1867, None),
    ],
)
def test_western_to_era(year: int, expected: tuple[str, int] | None) -> None:
    assert western_to_era(year) == expected


@pytest.mark.parametrize(
    ("era", "n", "month", "day", "expected"),
    [
        # Pinned decision: 令和元年4月1日 is before 令和 began; find_dates accepts it as 2019-04-01
        # and flags era_out_of_range (see test_dates).
        ("令和", 1, 4, 1, False),
        ("令和", 1, 5, 1, True),
        ("平成", 31, 4, 30, True),
        ("平成", 31, 5, 1, False),
        ("平成", 1, 1, 7, False),
        ("平成", 1, 1, 8, True),
        ("R", 4, 9, 2, True),
        ("令和", 4, 2, 30, False),
        ("X", 1, 1, 1, False),
    ],
)
def test_era_date_in_range(era: str, n: int, month: int, day: int, expected: bool) -> None:
    assert era_date_in_range(era, n, month, day) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和 4 年度茨城県医療提供施設等", [(2022, "令和 4 年度")]),
        ("令和　３年度", [(2021, "令和　３年度")]),
        ("Ｒ3年度（Ｂ）", [(2021, "Ｒ3年度")]),
        ("R3年度", [(2021, "R3年度")]),
        ("r3年度", [(2021, "r3年度")]),
        ("Ｒ元年度（Ａ）", [(2019, "Ｒ元年度")]),
        ("ｒ３年度", [(2021, "ｒ３年度")]),
        ("㋿4年度", [(2022, "㋿4年度")]),
        ("㍻30年度", [(2018, "㍻30年度")]),
        ("H30年度", [(2018, "H30年度")]),
        ("Ｈ３０年度", [(2018, "Ｈ３０年度")]),
        ("平成31年度", [(2019, "平成31年度")]),
        ("令和元年度", [(2019, "令和元年度")]),
        ("平成三十年度", [(2018, "平成三十年度")]),
        ("昭和63年度", [(1988, "昭和63年度")]),
        ("2022年度", [(2022, "2022年度")]),
        ("Ｒ2年度（Ａ） Ｒ3年度（Ｂ）", [(2020, "Ｒ2年度"), (2021, "Ｒ3年度")]),
        ("R3", []),
        ("MCS2年度", []),
        ("AR3年度", []),
        ("R3年", []),
        ("12022年度", []),
        ("令和0年度", []),
        ("年度", []),
        ("", []),
    ],
)
def test_find_fiscal_years(text: str, expected: list[tuple[int, str]]) -> None:
    found = find_fiscal_years(text)
    assert [(m.year, m.label) for m in found] == expected
    assert all(text[m.start : m.end] == m.label for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("※本票は公表資料 令和 4 年度茨城県… 令和5年度", 2022),
        ("実績 Ｒ3年度（Ｂ）", 2021),
        ("R3 だけ", None),
        ("", None),
    ],
)
def test_parse_fiscal_year(text: str, expected: int | None) -> None:
    found = parse_fiscal_year(text)
    assert (found.year if found else None) == expected


@FAST
@given(st.integers(min_value=1990, max_value=2100))
def test_era_round_trip(year: int) -> None:
    era = western_to_era(year)
    assert era is not None
    assert era_to_western(*era) == year


@FAST
@given(st.text())
def test_era_functions_never_raise(text: str) -> None:
    parse_era_number(text)
    era_to_western(text, 1)
    for m in find_fiscal_years(text):
        assert text[m.start : m.end] == m.label
    parse_fiscal_year(text)


@FAST
@given(st.text(), st.integers(), st.integers(), st.integers())
def test_era_date_in_range_never_raises(era: str, n: int, month: int, day: int) -> None:
    assert era_date_in_range(era, n, month, day) in (True, False)


@FAST
@given(st.text(alphabet="令和平成昭元一二三十０１２３45 　年度HRhr（）"))
def test_a_text_without_the_fiscal_year_word_holds_no_mention(text: str) -> None:
    """find_fiscal_years skips a text without 度: the pattern ends every mention with it."""
    if FISCAL_YEAR_WORD not in text:
        assert list(_FISCAL_YEAR_RE.finditer(fold_width(text))) == []
    else:
        assert [m.label for m in find_fiscal_years(text)] == [
            text[m.start() : m.end()] for m in _FISCAL_YEAR_RE.finditer(fold_width(text)) if _mention_year(m)
        ]
