import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.readings import reading_of

FAST = settings(max_examples=100, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有馬", "アリマ"),
        ("ありま", "アリマ"),
        ("アリマ", "アリマ"),
        ("鴻巣", "コウノス"),
        ("茨城", "イバラキ"),
        ("有馬皮膚科", "アリマヒフカ"),
        ("成島内科医院", "ナルシマナイカイイン"),
        ("ABC1", "ABC1"),
        ("", ""),
        ("髙野", None),  # the dictionary drops 髙 and what follows: no reading, never a wrong one
        ("﨑", None),
        ("𠮷田", None),
    ],
)
def test_reading_of(text: str, expected: str | None) -> None:
    assert reading_of(text) == expected


@FAST
@given(st.text(alphabet="有馬鴻巣髙﨑田中ありまアリマ内科医院 1A"))
def test_reading_is_katakana_or_none(text: str) -> None:
    reading = reading_of(text)
    assert reading is None or not any("\u3041" <= c <= "\u3096" for c in reading)
