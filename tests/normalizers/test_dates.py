import datetime as dt
import itertools
import json
import pathlib
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.dates import _ATOM_RE, _MAY_HOLD_ATOM, FoundDate, find_dates, time_to_hhmm
from normalizers.text import fold_width

FAST = settings(max_examples=200, deadline=None)
GOLD = pathlib.Path(__file__).resolve().parent.parent / "gold"
D = dt.date
# raw, date_start, date_end, time_start, time_end, weekday_printed, weekday_ok, year_inferred
Row = tuple[str, dt.date | None, dt.date | None, str | None, str | None, str | None, bool | None, bool]

# text, fiscal_year,
# [(raw, date_start, date_end, time_start, time_end, weekday_printed, weekday_ok, year_inferred)]
CASES = [
    (
        "開催日時：令和4年9月2日(金)18:30～20:30",
        2022,
        [("令和4年9月2日(金)18:30～20:30", D(2022, 9, 2), None, "18:30", "20:30", "金", True, False)],
    ),
    (
        "開催日時：9/26(月)13:30～15:00",
        2022,
        [("9/26(月)13:30～15:00", D(2022, 9, 26), None, "13:30", "15:00", "月", True, True)],
    ),
    (
        "開催日時：7/6(水)14:00～",
        2022,
        [("7/6(水)14:00～", D(2022, 7, 6), None, "14:00", None, "水", True, True)],
    ),
    (
        "開催日時：12/6(火)14:00～15:30～15:30",
        2022,
        [("12/6(火)14:00～15:30～15:30", D(2022, 12, 6), None, "14:00", "15:30", "火", True, True)],
    ),
    ("発送：6/23", 2022, [("6/23", D(2022, 6, 23), None, None, None, None, None, True)]),
    ("7/7 訪問診療医参加ケース会議開催", 2022, [("7/7", D(2022, 7, 7), None, None, None, None, None, True)]),
    (
        "北部圏域：令和5年2/3(金)14:00～16:00 開催",
        2022,
        [("令和5年2/3(金)14:00～16:00", D(2023, 2, 3), None, "14:00", "16:00", "金", True, False)],
    ),
    (
        "調査期間：令和4年3/1～3/30",
        2022,
        [("令和4年3/1～3/30", D(2022, 3, 1), D(2022, 3, 30), None, None, None, None, False)],
    ),
    (
        "9月1日～9月30日",
        2022,
        [("9月1日～9月30日", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, True)],
    ),
    ("9月1日～30日", 2022, [("9月1日～30日", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, True)]),
    ("9/1〜9/30", 2022, [("9/1〜9/30", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, True)]),
    ("9/1－9/30", 2022, [("9/1－9/30", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, True)]),
    (
        "医療機関への協力依頼（10月中）",
        2022,
        [("10月", D(2022, 10, 1), D(2022, 10, 31), None, None, None, None, True)],
    ),
    ("編集(11月中)", 2022, [("11月", D(2022, 11, 1), D(2022, 11, 30), None, None, None, None, True)]),
    (
        "調査期間：令和5年2月中",
        2022,
        [("令和5年2月", D(2023, 2, 1), D(2023, 2, 28), None, None, None, None, False)],
    ),
    (
        "協力依頼：令和5年3月実施",
        2022,
        [("令和5年3月", D(2023, 3, 1), D(2023, 3, 31), None, None, None, None, False)],
    ),
    ("2回（9月～3月）", 2018, [("9月～3月", D(2018, 9, 1), D(2019, 3, 31), None, None, None, None, True)]),
    (
        "令和4年9月～令和5年3月",
        None,
        [("令和4年9月～令和5年3月", D(2022, 9, 1), D(2023, 3, 31), None, None, None, None, False)],
    ),
    ("１月１３日（金）", 2022, [("１月１３日（金）", D(2023, 1, 13), None, None, None, "金", True, True)]),
    (
        "６／２３（木）１０：００～",
        2022,
        [("６／２３（木）１０：００～", D(2022, 6, 23), None, "10:00", None, "木", True, True)],
    ),
    ("9月2日(土)", 2022, [("9月2日(土)", D(2022, 9, 2), None, None, None, "土", False, True)]),
    (
        "9月2日金曜日 14時～16時半",
        2022,
        [("9月2日金曜日 14時～16時半", D(2022, 9, 2), None, "14:00", "16:30", "金", True, True)],
    ),
    (
        "平成 29 年 3 月 31 日付",
        2020,
        [("平成 29 年 3 月 31 日", D(2017, 3, 31), None, None, None, None, None, False)],
    ),
    ("H30.4.1 から", None, [("H30.4.1", D(2018, 4, 1), None, None, None, None, None, False)]),
    ("2022/9/26", None, [("2022/9/26", D(2022, 9, 26), None, None, None, None, None, False)]),
    ("2022年10月1日", None, [("2022年10月1日", D(2022, 10, 1), None, None, None, None, None, False)]),
    (
        "令和4年12/1～1/15",
        None,
        [("令和4年12/1～1/15", D(2022, 12, 1), D(2023, 1, 15), None, None, None, None, False)],
    ),
    (
        "6/23、6/30",
        2022,
        [
            ("6/23", D(2022, 6, 23), None, None, None, None, None, True),
            ("6/30", D(2022, 6, 30), None, None, None, None, None, True),
        ],
    ),
    # without a fiscal year a year-less date is still a mention, with no date
    ("発送：6/23(木)", None, [("6/23(木)", None, None, None, None, "木", None, False)]),
    ("10月中", None, [("10月", None, None, None, None, None, None, False)]),
    # 2/29 exists, but not in 2023: kept as printed, no date
    ("2/29", 2022, [("2/29", None, None, None, None, None, None, True)]),
    ("2/29", 2023, [("2/29", D(2024, 2, 29), None, None, None, None, None, True)]),
    # a printed year in which the day does not exist: a mention without a date (review D)
    ("令和4年2月29日", None, [("令和4年2月29日", None, None, None, None, None, None, False)]),
    # から joins a range like a dash (review D)
    (
        "9月1日から30日まで",
        2022,
        [("9月1日から30日", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, True)],
    ),
    (
        "令和4年10月1日から令和5年3月31日まで",
        None,
        [("令和4年10月1日から令和5年3月31日", D(2022, 10, 1), D(2023, 3, 31), None, None, None, None, False)],
    ),
    # 午前/午後 times
    (
        "9月2日(金)午後2時～午後4時半",
        2022,
        [
            ("9月2日(金)午後2時～午後4時半", D(2022, 9, 2), None, "14:00", "16:30", "金", True, True),
        ],
    ),
    ("9月2日 午前10時", 2022, [("9月2日 午前10時", D(2022, 9, 2), None, "10:00", None, None, None, True)]),
    # listed days take the month and year of the date before them (review D)
    (
        "9月2日、16日、30日",
        2022,
        [
            ("9月2日", D(2022, 9, 2), None, None, None, None, None, True),
            ("16日", D(2022, 9, 16), None, None, None, None, None, True),
            ("30日", D(2022, 9, 30), None, None, None, None, None, True),
        ],
    ),
    (
        "令和5年1月5日・12日",
        None,
        [
            ("令和5年1月5日", D(2023, 1, 5), None, None, None, None, None, False),
            ("12日", D(2023, 1, 12), None, None, None, None, None, False),
        ],
    ),
    # issue 7: an afternoon range's end without 午後 is afternoon too
    (
        "9月2日(金)午後1時30分～3時",
        2022,
        [("9月2日(金)午後1時30分～3時", D(2022, 9, 2), None, "13:30", "15:00", "金", True, True)],
    ),
    (
        "9/2(金)午前10時～午後3時",
        2022,
        [("9/2(金)午前10時～午後3時", D(2022, 9, 2), None, "10:00", "15:00", "金", True, True)],
    ),
    (
        "9/2 午前10時～11時半",
        2022,
        [("9/2 午前10時～11時半", D(2022, 9, 2), None, "10:00", "11:30", None, None, True)],
    ),
    # issue 7: era ligatures and all-kanji dates keep their own printed year
    ("㋿4年9月2日(金)", 2019, [("㋿4年9月2日(金)", D(2022, 9, 2), None, None, None, "金", True, False)]),
    ("㍻30年4月1日", 2022, [("㍻30年4月1日", D(2018, 4, 1), None, None, None, None, None, False)]),
    ("令和四年九月二日", 2019, [("令和四年九月二日", D(2022, 9, 2), None, None, None, None, None, False)]),
    (
        "平成三十一年四月三十日",
        2022,
        [("平成三十一年四月三十日", D(2019, 4, 30), None, None, None, None, None, False)],
    ),
    (
        "令和四年九月に開催",
        2020,
        [("令和四年九月", D(2022, 9, 1), D(2022, 9, 30), None, None, None, None, False)],
    ),
    # a range's end before です is a day, not a fraction (`2/3です`)
    (
        "開催日は平成30年8/24～9/18です。",
        2022,
        [("平成30年8/24～9/18", D(2018, 8, 24), D(2018, 9, 18), None, None, None, None, False)],
    ),
    # a day the words before it announce is a date before です too
    (
        "講演会の開催日は7/26です。",
        2018,
        [("7/26", D(2018, 7, 26), None, None, None, None, None, True)],
    ),
    # ... and a day after its printed year (seeds 12 and 21: a fraction has no year)
    (
        "講演会の開催日は令和2年10/31です。",
        2020,
        [("令和2年10/31", D(2020, 10, 31), None, None, None, None, None, False)],
    ),
    # must not match
    ("一日も早く", 2022, []),
    ("三月", 2022, []),
    ("2/3の医療機関が参加", 2022, []),
    ("参加医療機関の2/3が対応", 2022, []),
    ("回答率は2/3でした", 2022, []),
    ("約2/3", 2022, []),
    ("うち1/2が", 2022, []),
    ("出席率2/3", 2022, []),
    ("参加者の1/2以上", 2022, []),
    ("2月に1回開催", 2022, []),
    ("1回/2箇月", 2022, []),
    ("定期的（1回/4箇月）開催", 2022, []),
    ("1回／2ヶ月程度", 2022, []),
    ("6箇月間", 2022, []),
    ("2ヶ月", 2022, []),
    ("開催回数：月 2 回程度", 2022, []),
    ("毎月", 2022, []),
    ("講座」2022", 2022, []),
    ("18:30", 2022, []),
    ("1/2箇月 1/3ヶ月 1/4か月 1/5回 2/3人 1/2名 3/4件", 2022, []),
    ("13/40", 2022, []),
    ("4/31", 2022, []),
    ("13月", 2022, []),
    ("R3年度", 2022, []),
    ("令和5年度", 2022, []),
    ("30日", 2022, []),
    ("3 圏域各 1 回開催", 2022, []),
    ("", 2022, []),
]


def _row(m: FoundDate) -> Row:
    return (
        m.raw,
        m.date_start,
        m.date_end,
        m.time_start,
        m.time_end,
        m.weekday_printed,
        m.weekday_ok,
        m.year_inferred,
    )


@pytest.mark.parametrize(("text", "fiscal_year", "expected"), CASES)
def test_find_dates(text: str, fiscal_year: int | None, expected: list[Row]) -> None:
    found = find_dates(text, fiscal_year)
    assert [_row(m) for m in found] == expected
    assert all(text[m.start : m.end] == m.raw for m in found)


@pytest.mark.parametrize(
    ("text", "era_out_of_range", "date_start"),
    [
        # Pinned decision: a date before its era's start is accepted arithmetically and flagged.
        ("令和元年4月1日", True, D(2019, 4, 1)),
        ("令和元年5月1日", False, D(2019, 5, 1)),
        ("平成31年4月30日", False, D(2019, 4, 30)),
        ("平成31年5月", True, D(2019, 5, 1)),
        ("令和元年5月", False, D(2019, 5, 1)),
        ("2019年4月1日", False, D(2019, 4, 1)),
        # issue 7: an impossible day is no date (date_unresolved), not a date outside its era
        ("令和5年2月29日", False, None),
    ],
)
def test_era_out_of_range_is_flagged_not_rejected(
    text: str, era_out_of_range: bool, date_start: dt.date | None
) -> None:
    (found,) = find_dates(text, None)
    assert (found.era_out_of_range, found.date_start) == (era_out_of_range, date_start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:30", "18:30"),
        ("９：０５", "09:05"),
        ("14時", "14:00"),
        ("16時半", "16:30"),
        ("午後2時", "14:00"),
        ("午前11時30分", "11:30"),
        ("午後12時", "12:00"),
        ("午後13時", None),
        ("10時15分", "10:15"),
        ("24:00", "24:00"),
        ("24:30", None),
        ("25:00", None),
        ("12:60", None),
        ("abc", None),
        ("", None),
    ],
)
def test_time_to_hhmm(text: str, expected: str | None) -> None:
    assert time_to_hhmm(text) == expected


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize(
    ("gold_name", "fiscal_year"),
    [("001_aa0a80047dfd47e6.txt.gold.json", 2022), ("002_ea5a7a86fcbe7014.txt.gold.json", 2018)],
)
def test_gold_dates_from_status_texts(gold_name: str, fiscal_year: int) -> None:
    gold = json.loads((GOLD / gold_name).read_text(encoding="utf-8"))
    found = [m for row in gold["status"] for m in find_dates(row["text"], fiscal_year)]
    got = [
        (
            _key(m.raw),
            m.date_start and m.date_start.isoformat(),
            m.date_end and m.date_end.isoformat(),
            m.weekday_ok,
        )
        for m in found
    ]
    want = [(_key(r["raw"]), r["date_start"], r["date_end"], r["weekday_ok"]) for r in gold["dates"]]
    assert got == want
    # the initiatives of these documents write no dates
    assert [m.raw for row in gold["initiatives"] for m in find_dates(row["text"], fiscal_year)] == []


@FAST
@given(st.text(), st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
def test_find_dates_never_raises(text: str, fiscal_year: int | None) -> None:
    found = find_dates(text, fiscal_year)
    assert all(text[m.start : m.end] == m.raw for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@FAST
@given(
    st.integers(min_value=1990, max_value=2100),
    st.dates(D(2000, 1, 1), D(2000, 12, 31)),
    st.sampled_from(["{m}/{d}", "{m}月{d}日", "{m}月", "（{m}月{d}日）", "{m}/{d}(月)"]),
)
def test_year_less_date_resolves_inside_fiscal_year(fiscal_year: int, day: dt.date, form: str) -> None:
    text = form.format(m=day.month, d=day.day)
    found = find_dates(text, fiscal_year)
    assert len(found) == 1 and found[0].year_inferred
    start = found[0].date_start
    if start is None:  # 2/29 in a common year
        assert (day.month, day.day) == (2, 29)
        return
    assert D(fiscal_year, 4, 1) <= start <= D(fiscal_year + 1, 3, 31)
    assert found[0].date_end is None or found[0].date_end <= D(fiscal_year + 1, 3, 31)


NO_DIGIT_ALPHABET = "一二三四五六七八九十元年月日時分午前後半(（)）/～~-から曜火水木金土・、 令平昭HRhr.:："


@FAST
@given(st.text(alphabet=NO_DIGIT_ALPHABET))
def test_a_text_without_a_digit_or_an_era_holds_no_date_atom(text: str) -> None:
    """find_dates skips a text where `_MAY_HOLD_ATOM` finds nothing: no atom can match there
    (kanji numerals and dates' words without a digit or an era's name)."""
    folded = fold_width(text)
    if _MAY_HOLD_ATOM.search(folded) is None:
        assert list(_ATOM_RE.finditer(folded)) == []


@pytest.mark.parametrize("text", ["令和四年九月二日", "R4.9.2", "９月２日", "平成三十年十月", "㋿4年9月"])
def test_a_date_without_ascii_digits_is_still_found(text: str) -> None:
    assert _MAY_HOLD_ATOM.search(fold_width(text)) is not None
    assert find_dates(text, 2022)
