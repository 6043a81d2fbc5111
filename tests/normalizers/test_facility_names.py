import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.facility_names import (
    FACILITY_KINDS,
    facility_key,
    facility_kind,
    facility_kind_of_word,
    group_match_key,
    name_core,
    specialties,
)

FAST = settings(max_examples=300, deadline=None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("医療法人 みらい平クリニック", "ミライ平クリニツク"),
        ("みらい平クリニック", "ミライ平クリニツク"),
        ("みらい平ｸﾘﾆｯｸ", "ミライ平クリニツク"),
        ("・医療法人貴風会 なかざわクリニック", "ナカザワクリニツク"),
        (
            "医療法人貴風会なかざわクリニック",
            "貴風会ナカザワクリニツク",
        ),  # where the corporation ends is not printed
        ("医療法人社団 青洲会 神立病院", "神立病院"),
        ("（医）清風会 さくら病院", "サクラ病院"),
        ("① 髙橋内科医院", "高橋内科医院"),
        ("(1) 山﨑クリニック", "山崎クリニツク"),
        ("● 竜ヶ崎済生会病院", "竜ケ崎済生会病院"),
        ("訪問看護ステーション てとめとて", "訪問看護ステーシヨンテトメトテ"),
        ("ＡＢＣクリニック", "ABCクリニツク"),
        ("水戸市・水戸市医師会", "水戸市水戸市医師会"),
        ("鹿嶋ハ－トクリニック", "鹿島ハートクリニツク"),
        ("", ""),
        ("・", ""),
        ("医療法人", "医療法人"),  # a bare type word is no corporation of anything
    ],
)
def test_facility_key(name: str, expected: str) -> None:
    assert facility_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("つくば市医師会", "medical_association"),
        ("一般社団法人 稲敷医師会", "medical_association"),
        ("水戸市医師会病院", "hospital"),  # the rightmost kind word wins
        ("水戸市医師会訪問看護ステーション", "visiting_nurse_station"),
        ("日立総合病院訪問看護ステーション", "visiting_nurse_station"),
        ("訪問看護ステーションてとめとて", "visiting_nurse_station"),
        ("みらい訪問赴護ステーション", "visiting_nurse_station"),  # OCR slip inside 訪問看護
        ("東京医科大学茨城医療センター", "hospital"),
        ("つくば双愛病院", "hospital"),
        ("みらい平クリニック", "clinic"),
        ("さかえ医院", "clinic"),
        ("なるしま内科", "clinic"),
        ("白十字診療所", "clinic"),
        ("ひまわり歯科医院", "clinic"),
        ("あおば居宅介護支援事業所", "other"),
        ("地域包括支援センター", "other"),
        ("かすみ薬局", "other"),
        ("みらい平クカリニック", "other"),  # OCR broke the kind word: unknown, not guessed
        ("", "other"),
    ],
)
def test_facility_kind(name: str, expected: str) -> None:
    assert facility_kind(name) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("ナルシマ内科医院", "ナルシマ内科"),
        ("ナルシマ内科", "ナルシマ"),
        ("ミライ平クリニツク", "ミライ平"),
        ("ツクバ双愛病院", "ツクバ双愛"),
        ("クリニツク", "クリニツク"),  # nothing left: the key stays
        ("居宅介護支援事業所アオバ", "居宅介護支援事業所アオバ"),
    ],
)
def test_name_core(key: str, expected: str) -> None:
    assert name_core(key) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("ミライ平クリニツク", set()),
        ("ミライ平コドモクリニツク", {"コドモ"}),
        ("サクラ整形外科クリニツク", {"整形外科"}),
        ("サクラ内科クリニツク", {"内科"}),
        ("心療内科ヒカリ", {"心療内科"}),  # 内科 inside 心療内科 is not another department
        ("アリマ皮膚科クリニツク", {"皮膚科"}),
    ],
)
def test_specialties(key: str, expected: set[str]) -> None:
    assert specialties(key) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("クリニック", True),
        ("病院", True),
        ("訪問看護ステーション", True),
        ("医院", True),
        ("みらい平クリニック", False),
        ("", False),
        ("会", False),
    ],
)
def test_facility_kind_of_word(text: str, expected: bool) -> None:
    assert facility_kind_of_word(text) is expected


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("竜ヶ崎地区グループ 1", "竜ケ崎地区グループ1"),
        ("竜ケ崎地区グループ１", "竜ケ崎地区グループ1"),
        ("つくばみらい市グループ", "ツクバミライ市グループ"),
        ("水戸市・水戸市医師会連携グループ", "水戸市水戸市医師会連携グループ"),
        ("", None),
        (None, None),
        ("　", None),
    ],
)
def test_group_match_key(group: str | None, expected: str | None) -> None:
    assert group_match_key(group) == expected


@FAST
@given(st.text())
def test_keys_and_kinds_are_total(text: str) -> None:
    key = facility_key(text)
    assert not any(c.isspace() for c in key)
    assert facility_kind(text) in FACILITY_KINDS
    assert bool(name_core(key)) == bool(key)


@FAST
@given(st.text(alphabet="みらい平ミライクリニックｸﾘﾆｯｸ病院医院髙高﨑崎ヶケが竜・ 　"))
def test_key_ignores_spacing_width_and_variants(text: str) -> None:
    assert facility_key(" ".join(text)) == facility_key(text)
    assert facility_key(text.replace("髙", "高").replace("﨑", "崎")) == facility_key(text)
