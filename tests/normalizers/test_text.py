import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.text import (
    _WIDTH_TABLE,
    fold_width,
    match_key,
    nfkc_keep_markers,
    normalize_space,
    reflow,
    unwrap,
)

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("０２９－８６９－９６６０", "029-869-9660"),
        ("Ｒ３年度（Ｂ）", "R3年度(B)"),
        ("１８：３０～２０：３０", "18:30~20:30"),
        ("６／２３", "6/23"),
        ("令和\u3000３年度", "令和 3年度"),
        ("ＡＢＣ！＃", "ABC!#"),
        ("①②・▶※〜－", "①②・▶※〜-"),  # only U+FF01..FF5E and U+3000 change (〜 is U+301C)
        ("ｶﾀｶﾅ", "ｶﾀｶﾅ"),  # half-width katakana is not full-width ASCII
        ("", ""),
    ],
)
def test_fold_width(text: str, expected: str) -> None:
    assert fold_width(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a \u3000\t b\n\nc  ", "a b c"),
        ("令和\u3000\u30004 年度", "令和 4 年度"),
        ("\n\t\u3000", ""),
        ("abc", "abc"),
    ],
)
def test_normalize_space(text: str, expected: str) -> None:
    assert normalize_space(text) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["電話、", "メール"], "電話、メール"),
        (["ICT ア", "プリ(MCS)"], "ICT アプリ(MCS)"),
        (["VR", "体験会"], "VR体験会"),
        (["ICT", "app"], "ICT app"),
        (["Dr.", "Smith"], "Dr.Smith"),
        (["  在宅医療の ", "", "  推進  "], "在宅医療の推進"),
        (["a  b", "の\u3000\u3000d"], "a bの d"),
        (["a  b", "c\u3000\u3000d"], "a b c d"),
        (["14:00～16:0", "0 開催"], "14:00～16:00 開催"),
        (["令和5年2/3(金)14:00", "～16:00"], "令和5年2/3(金)14:00～16:00"),
        (["合計 12", "3件"], "合計 123件"),
        (["1行目\n2行目"], "1行目2行目"),
        ([], ""),
        (["", "  "], ""),
    ],
)
def test_reflow(lines: list[str], expected: str) -> None:
    assert reflow(lines) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("①拠点 ②積極的役割", "①拠点 ②積極的役割"),
        ("⑳", "⑳"),
        ("・▶◆※", "・▶◆※"),
        ("Ｒ３年度（Ｂ）", "R3年度(B)"),
        ("ｶﾀｶﾅ", "カタカナ"),
        ("㈱", "(株)"),
        ("①ｶ", "①カ"),
        ("㉑", "21"),  # beyond ⑳: plain NFKC
    ],
)
def test_nfkc_keep_markers(text: str, expected: str) -> None:
    assert nfkc_keep_markers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("実 績 (補助金交付申請の月から)", "実績(補助金交付申請の月から)"),
        ("取組目標（計画）", "取組目標(計画)"),
        ("①拠点\u3000", "①拠点"),
        ("", ""),
    ],
)
def test_match_key(text: str, expected: str) -> None:
    assert match_key(text) == expected


@FAST
@given(st.text())
def test_fold_width_preserves_length(text: str) -> None:
    assert len(fold_width(text)) == len(text)


@FAST
@given(st.text())
def test_text_functions_never_raise(text: str) -> None:
    normalize_space(text)
    reflow(text.split("\n"))
    nfkc_keep_markers(text)
    assert " " not in match_key(text)


@FAST
@given(st.text(alphabet="①②③⑳・▶◆※abcＡ１ \u3000"))
def test_markers_survive_nfkc(text: str) -> None:
    kept = [c for c in nfkc_keep_markers(text) if c in "①②③⑳・▶◆※"]
    assert kept == [c for c in text if c in "①②③⑳・▶◆※"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医療法人はなみずき皮膚科ク\nリニック", "医療法人はなみずき皮膚科クリニック"),
        ("0293-43-0\n575", "0293-43-0575"),
        ("医療法人社団\n\nみらい平クリニック", "医療法人社団 みらい平クリニック"),
        ("医療法人 みらい平クリニック", "医療法人 みらい平クリニック"),
        ("Home\nCare", "Home Care"),
        ("", ""),
    ],
)
def test_unwrap(text: str, expected: str) -> None:
    assert unwrap(text) == expected


def test_fold_width_folds_every_char_of_its_table_and_no_other() -> None:
    """The scan that lets a text through unchanged looks for exactly the chars the table folds."""
    folded = {ch: fold_width(ch) for ch in map(chr, range(0x10000)) if not 0xD800 <= ord(ch) <= 0xDFFF}
    changed = {ch for ch, out in folded.items() if out != ch}
    assert changed == set(map(chr, _WIDTH_TABLE))
    assert fold_width("取組（全角Ａ１）と　空白") == "取組(全角A1)と 空白"
