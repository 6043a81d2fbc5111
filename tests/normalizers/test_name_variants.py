import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.variants import fold_kana_script, fold_variants

FAST = settings(max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("髙橋内科医院", "高橋内科医院"),
        ("山﨑クリニック", "山崎クリニツク"),
        ("竜ヶ崎済生会病院", "竜ケ崎済生会病院"),
        ("龍ケ崎済生会病院", "竜ケ崎済生会病院"),
        ("霞ヵ浦", "霞ケ浦"),
        ("桜が丘", "桜ケ丘"),
        ("一の瀬医院", "一ノ瀬医院"),
        ("渡邉", "渡辺"),
        ("渡邊", "渡辺"),
        ("齊藤", "斉藤"),
        ("齋藤", "斎藤"),  # 斎 and 斉 are two names: each keeps its own
        ("なるしま内科醫院", "ナルシマ内科医院"),
        ("ありま皮膚科", "アリマ皮膚科"),
        ("ステ-ション", "ステーシヨン"),
        ("ハ−ト", "ハート"),
        ("クリニック", "クリニツク"),
        ("ぁぃぅぇぉっゃゅょゎ", "アイウエオツヤユヨワ"),
        ("ヶ月", "ケ月"),  # not between two kanji: small ケ folded as kana
        ("つくば市", "ツクバ市"),
        ("029-869-9660", "029-869-9660"),  # a dash after digits stays
        ("", ""),
    ],
)
def test_fold_variants(text: str, expected: str) -> None:
    assert fold_variants(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ありま", "アリマ"), ("アリマ", "アリマ"), ("有馬", "有馬"), ("ゔ", "ヴ"), ("abc", "abc")],
)
def test_fold_kana_script(text: str, expected: str) -> None:
    assert fold_kana_script(text) == expected


@FAST
@given(st.text())
def test_fold_variants_is_total_and_idempotent(text: str) -> None:
    once = fold_variants(text)
    assert fold_variants(once) == once


@FAST
@given(st.text(alphabet="ぁあぃいっつゃやァアッツャヤヶヵケ竜龍髙高﨑崎が之の-ー 　abc1"))
def test_fold_variants_keeps_length_and_leaves_no_small_kana_or_hiragana(text: str) -> None:
    folded = fold_variants(text)
    assert len(folded) == len(text)
    assert not set(folded) & set("ぁぃっゃァィッャヵヶ髙﨑龍")
    assert not any("\u3041" <= c <= "\u3096" for c in folded)
