import re
import subprocess
import sys
from typing import Any

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


def test_the_dictionary_is_loaded_out_of_the_collectors_generations() -> None:
    """pykakasi's dictionary (270,000 containers) is built with the collector off and then frozen:
    later full collections of a linking run do not walk it, and the collector is on again."""
    script = (
        "import gc; from normalizers.readings import reading_of; before = gc.get_freeze_count(); "
        "assert reading_of('有馬') == 'アリマ'; print(gc.get_freeze_count() - before, gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    frozen, enabled = out.stdout.split()
    assert int(frozen) > 200_000
    assert enabled == "True"


def _kanji_runs() -> list[str]:
    """Runs of kanji and kana as the committed sample prints them (names, titles, wording), and
    the generator's name words: every first character pykakasi's dictionary is read under."""
    from generator import vocab
    from tests.conftest import ROOT

    texts = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    )
    runs = sorted(set(re.findall(r"[\u3041-\u30ff\u3400-\u9fff々〆ヶ]{2,16}", texts)))
    words = (*vocab.SURNAMES, *vocab.NICE_WORDS, *vocab.PLACE_WORDS, *vocab.AREA_WORDS, *vocab.PEOPLE)
    return runs + sorted(set(words)) + ["髙野", "﨑山", "葛\U000e0100飾", "辻\ufe00本", "一ツ橋"]


def test_the_converter_reads_as_pykakasi_does() -> None:
    """The converter's look-up by the longest word the text starts with gives pykakasi's own
    readings and lengths, word for word."""
    import pykakasi

    from normalizers.readings import _converter

    texts = _kanji_runs()
    assert len(texts) > 500
    ours, theirs = _converter(), pykakasi.kakasi()
    assert type(ours._kakasi._jconv) is not type(theirs._kakasi._jconv)
    assert [ours.convert(t) for t in texts] == [theirs.convert(t) for t in texts]


@FAST
@given(
    st.text(
        alphabet="有馬鴻巣髙﨑田中大日本東京都医療法人社団会病院記念総合ありまアリマ内科医院々ヶ 1A\ufe00"
    )
)
def test_the_converter_reads_any_text_as_pykakasi_does(text: str) -> None:
    """The same readings, or the same error (pykakasi fails on a variation selector alone)."""
    import pykakasi

    from normalizers.readings import _converter

    def outcome(converter: Any) -> object:
        try:
            return converter.convert(text)
        except IndexError as error:
            return type(error)

    assert outcome(_converter()) == outcome(pykakasi.kakasi())
