import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.facility_names import facility_key
from pipeline.link.names import (
    close_names,
    compatible_with_shared_phone,
    extends,
    one_edit_apart,
    related,
    similarity,
    spelling_variant,
)

FAST = settings(max_examples=300, deadline=None)
KEYS = st.text(alphabet="アイウカキクケコサシ内科医院病院クリニツク有馬石井川", max_size=12)


def k(name: str) -> str:
    return facility_key(name)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("みらい平クリニック", "みらい平こどもクリニック", True),
        ("つくば双愛病院", "つくば双愛病院分院", True),
        ("水戸中央病院", "水戸中央病院附属", True),
        ("みらい平クリニック", "みらい平クカリニック", False),  # one character: a slip, not a word
        ("なかざわクリニック", "貴風会なかざわクリニック", False),  # before the name: a corporation
        ("なるしま内科", "なるしま内科医院", False),  # a kind word added at the end
        ("さくらクリニック", "あおぞらクリニック", False),
        ("同じ", "同じ", False),
    ],
)
def test_extends(a: str, b: str, expected: bool) -> None:
    assert extends(k(a), k(b)) is expected
    assert extends(k(b), k(a)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("石井内科医院", "石川内科医院", True),
        ("阿見第一クリニック", "阿見第二クリニック", True),
        ("みらい平クリニック", "みらい平クカリニック", True),  # one added
        ("いしい内科", "いしだ内科", True),
        ("いしおか内科", "いしかわ内科", False),  # two apart
        ("中央医院", "中央医院", False),  # the same key is not "one apart"
        ("A医院", "B医院", False),  # too short to call close
    ],
)
def test_one_edit_apart(a: str, b: str, expected: bool) -> None:
    assert one_edit_apart(k(a), k(b)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ありま皮膚科クリニック", "有馬皮膚科クリニック", True),
        ("こうのすクリニック", "鴻巣クリニック", True),
        ("いばらき診療所", "茨城診療所", True),
        ("ありまクリニック", "アリマクリニック", False),  # one key: not a variant, the same
        ("さくらクリニック", "あおぞらクリニック", False),  # kana and kana
        ("有馬クリニック", "石井クリニック", False),  # kanji and kanji
        ("ありま", "有馬", True),
        ("斎藤医院", "斉藤医院", True),  # two kanji of one reading
        ("なるしま内科医院", "成島内科医院", True),
        ("みらい平クリニック", "なかざわクリニック", False),  # kanji and kana, other readings
        ("髙野内科クリニック", "なかざわクリニック", False),
        ("さくらクリニック", "田中クリニック", False),
        ("クリニック", "クリニック", False),
    ],
)
def test_spelling_variant(a: str, b: str, expected: bool) -> None:
    assert spelling_variant(k(a), k(b)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("ありま皮膚科クリニック", "有馬皮膚科クリニック", True),
        ("なかざわクリニック", "医療法人貴風会なかざわクリニック", True),
        ("なるしま内科医院", "なるしま内科クリニック", True),
        ("石井内科医院", "石井内科", True),
        ("みらい訪問看護ステーション", "みらい訪問赴護ステーション", True),
        ("みらい平クリニック", "みらい平クカリニック", True),
        ("土浦協同病院", "総合病院 土浦協同病院", True),
        ("石井内科医院", "石川内科医院", True),  # with a shared phone, one kanji is a misprint
        ("みらい平クリニック", "みらい平こどもクリニック", False),  # a word inserted
        ("さくら内科クリニック", "さくら整形外科クリニック", False),  # another department
        ("つくば双愛病院", "つくば双愛病院分院", False),
        ("さくらクリニック", "あおぞらクリニック", False),  # nothing but the kind word shared
        ("つくば在宅クリニック", "在宅クリニックつくば", False),  # words reordered: not recognized
    ],
)
def test_compatible_with_shared_phone(a: str, b: str, expected: bool) -> None:
    assert compatible_with_shared_phone(k(a), k(b)) is expected
    assert compatible_with_shared_phone(k(b), k(a)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("石井内科医院", "石川内科医院", "names one character apart"),
        ("ありま皮膚科クリニック", "有馬皮膚科クリニック", "one name spelt in kana and in kanji"),
        ("医療法人貴風会なかざわクリニック", "なかざわクリニック", "one name ends with the other"),
        ("宮本医院", "宮本内科医院", None),
        ("さかえ医院", "さかえクリニック", None),
        ("同じ医院", "同じ医院", None),
    ],
)
def test_close_names(a: str, b: str, expected: str | None) -> None:
    assert close_names(k(a), k(b)) == expected


@FAST
@given(KEYS, KEYS)
def test_relations_are_symmetric(a: str, b: str) -> None:
    assert one_edit_apart(a, b) == one_edit_apart(b, a)
    assert spelling_variant(a, b) == spelling_variant(b, a)
    assert extends(a, b) == extends(b, a)
    assert related(a, b) == related(b, a)
    assert compatible_with_shared_phone(a, b) == compatible_with_shared_phone(b, a)
    assert similarity(a, b) == similarity(b, a)


@FAST
@given(KEYS)
def test_a_key_is_compatible_with_itself_and_close_to_nothing_it_equals(a: str) -> None:
    assert compatible_with_shared_phone(a, a)
    assert not one_edit_apart(a, a)
    assert not extends(a, a)
