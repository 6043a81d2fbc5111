import subprocess
import sys

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
