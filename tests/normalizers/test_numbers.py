import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.numbers import Count, continues_a_number, counts_stated, parse_int, parse_status_count
from normalizers.text import fold_width

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", 3),
        ("0", 0),
        ("007", 7),
        ("１２３", 123),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("12,345,678", 12345678),
        (" 42 ", 42),
        ("-5", -5),
        ("▲5", -5),
        ("△１２", -12),
        ("+3", 3),
        ("1,23", None),
        ("1,2345", None),
        ("1.5", None),
        ("3回", None),
        ("名", None),
        ("", None),
        ("  ", None),
        ("abc", None),
        ("9" * 19, None),
        ("9" * 5000, None),
    ],
)
def test_parse_int(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("3回", Count(3, "回")),
        ("10件", Count(10, "件")),
        ("0回", Count(0, "回")),
        ("5名", Count(5, "名")),
        ("12人", Count(12, "人")),
        ("３回", Count(3, "回")),
        ("1回/年", Count(1, "回")),
        ("1回／年", Count(1, "回")),
        ("2回（9月～3月）", Count(2, "回")),
        ("研修会等への出席及び講師派遣（1回）", Count(1, "回")),
        ("研修会等への出席及び講師派遣（５回）", Count(5, "回")),
        ("茨城県医療施設等グループ化推進事業「水戸市全域ネットワーク会議」の開催：0回", Count(0, "回")),
        ("「地域ケア個別会議」への出席およびファシリテーター 18回", Count(18, "回")),
        ("医師参加の「ケース会議」の開催・調整 0回", Count(0, "回")),
        ("医師参加の「ケース会議」の開催・調整0回", Count(0, "回")),
        ("研修会を毎月2回", None),
        ("在宅医療研修会 第3回", None),
        ("第3回", None),
        ("…開催：約3回", None),
        ("勉強会を年2回", None),
        ("延べ参加者 1,200 名", Count(1200, "名")),
        ("※定期的（1回/4箇月）開催", None),
        ("1回/4箇月", None),
        ("随時", None),
        ("開催日時：7/6(水)14:00～", None),
        ("開催回数：月 2 回", None),
        ("開催回数：月 2 回程度", None),
        ("3 圏域各 1 回開催", None),
        ("ポスター掲示は準備が出来次第開始", None),
        ("回", None),
        ("3", None),
        ("3日", None),
        ("1,2回", None),
        # a line wrapped inside `24回`, the wrap joined with a space: which digits count is not told
        ("市民公開講座 2 4回", None),
        ("", None),
    ],
)
def test_parse_status_count(segment: str, expected: Count | None) -> None:
    assert parse_status_count(segment) == expected


def _digits_in(value: int, text: str) -> bool:
    return str(abs(value)) in fold_width(text).replace(",", "")


@FAST
@given(st.text())
def test_parse_int_digits_come_from_input(text: str) -> None:
    value = parse_int(text)
    assert value is None or _digits_in(value, text)


@FAST
@given(st.text())
def test_parse_status_count_digits_come_from_input(text: str) -> None:
    count = parse_status_count(text)
    assert count is None or (_digits_in(count.value, text) and count.unit in "回件名人")


@FAST
@given(
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from("回件名人"),
    st.sampled_from(["{n}{u}", "…の開催：{n}{u}", "講師派遣（{n}{u}）", "ファシリテーター {n}{u}"]),
)
def test_parse_status_count_reads_printed_counts(n: int, unit: str, form: str) -> None:
    assert parse_status_count(form.format(n=n, u=unit)) == Count(n, unit)


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("研修会等への出席及び講師派遣：6回ネットワーク会議1回", 2),
        ("5回 6回", 2),
        ("３回", 1),
        ("2回（9月～3月）", 1),
        ("延べ参加者 1,200 名", 1),
        ("※定期的（1回/2箇月）開催令和元年十二月十一日開催5回", 1),
        ("年3回開催予定ケース会議3回", 1),
        ("1回/年", 0),
        ("勉強会を年 2 回", 0),
        ("開催回数：月 2 回", 0),
        ("第3回", 0),
        ("約 3回", 0),
        ("随時", 0),
    ],
)
def test_counts_stated(segment: str, expected: int) -> None:
    assert counts_stated(segment) == expected


@FAST
@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from("回件名人"),
    st.sampled_from(["研修会：", "ケース会議", "講師派遣（", "会議 "]),
    st.sampled_from(["", "）", "開催"]),
)
def test_two_entries_run_together_state_two_counts(n: int, m: int, unit: str, label: str, tail: str) -> None:
    segment = f"{label}{n}{unit}{tail}{label}{m}{unit}"
    assert counts_stated(segment) == 2
    assert counts_stated(f"{label}{m}{unit}") == 1


@pytest.mark.parametrize(
    ("before", "segment", "expected"),
    [
        ("症例検討会：1", "2回", True),
        ("症例検討会：１", "２回", True),
        ("開催日時：6/5", "2件", False),  # a date's day
        ("開催日時：平成29年5/31", "０回/年", False),
        ("開催日時：14:00", "2回", False),  # a time's minutes
        ("症例検討会：12", "0回", True),
        ("3", "2回", True),
        ("症例検討会", "2回", False),
        ("症例検討会：1回", "2回", False),
        ("", "2回", False),
        ("症例検討会：1", "研修会2回", False),
    ],
)
def test_continues_a_number(before: str, segment: str, expected: bool) -> None:
    assert continues_a_number(before, segment) == expected
