import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.phone import normalize_phone, phone_digits, phone_exchange

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("029-869-9660", "029-869-9660"),
        ("０２９－８６９－９６６０", "029-869-9660"),
        ("(029)869-9660", "029-869-9660"),
        ("029（869）9660", "029-869-9660"),
        ("029 869 9660", "029-869-9660"),
        ("TEL:029-869-9660", "029-869-9660"),
        ("ＴＥＬ：０２９７－３８－４０２３", "0297-38-4023"),
        ("029ー869ー9660", "029-869-9660"),
        ("029‐869‐9660", "029-869-9660"),
        ("0298699660", "0298699660"),  # printed grouping kept: no hyphens invented
        ("029-8699660", "029-8699660"),
        ("090-1234-5678", "090-1234-5678"),
        ("+81-29-869-9660", "029-869-9660"),
        ("〒305-0031 TEL 029-869-9660", "029-869-9660"),
        ("TEL 029-869-9660 FAX 029-869-9661", "029-869-9660"),
        ("12345", None),
        ("029-869-96", None),  # 8 digits
        ("029-869-9660-1234", None),  # 14 digits
        ("なし", None),
        ("", None),
    ],
)
def test_normalize_phone(text: str, expected: str | None) -> None:
    assert normalize_phone(text) == expected


@FAST
@given(st.text())
def test_normalize_phone_never_raises(text: str) -> None:
    phone = normalize_phone(text)
    assert phone is None or (9 <= sum(c.isdigit() for c in phone) <= 11 and set(phone) <= set("0123456789-"))


@pytest.mark.parametrize(
    ("text", "digits", "exchange"),
    [
        ("(0297)22-4180", "0297224180", "029722"),
        ("0297-22-4180", "0297224180", "029722"),
        ("０２９７－２２－４１８０", "0297224180", "029722"),
        ("TEL 029(873)2511", "0298732511", "029873"),
        ("029-873-3111", "0298733111", "029873"),
        ("0297224180", "0297224180", None),  # printed without groups: the exchange is never guessed
        ("029-8699660", "0298699660", None),
        ("22-4180", None, None),  # no area code: not a number to compare
        ("", None, None),
        ("なし", None, None),
        (None, None, None),
    ],
)
def test_phone_digits_and_exchange(text: str | None, digits: str | None, exchange: str | None) -> None:
    assert phone_digits(text) == digits
    assert phone_exchange(text) == exchange


@FAST
@given(st.text(alphabet="0123456789０１２３（）()-－ 　TEL"))
def test_phone_digits_are_the_normalized_number_without_hyphens(text: str) -> None:
    normalized = normalize_phone(text)
    assert phone_digits(text) == (normalized.replace("-", "") if normalized else None)
    exchange = phone_exchange(text)
    assert exchange is None or (phone_digits(text) or "").startswith(exchange)
