"""The same report printed a little differently gives the same figures: full-width digits, CRLF
line ends, trailing spaces. Guards against extraction keyed to one printing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"
SEEDS = [
    "000_77fec06e79e16c0d.txt",
    "001_aa0a80047dfd47e6.txt",
    "002_ea5a7a86fcbe7014.txt",
    "003_1d5314b91ff3f58c.txt",
]
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def figures(result: DocumentResult) -> dict[str, list[tuple[object, ...]]]:
    return {
        "outcomes": sorted(
            (o.section, o.metric, o.institution or "", o.period, o.value) for o in result.outcomes
        ),
        "status": [(s.item_no, s.period, s.value, s.unit) for s in result.status],
        "dates": [(d.date_start, d.date_end, d.weekday_ok) for d in result.dates],
        "members": [(m.row_no, m.role, m.designation, m.phone) for m in result.members],
        "bullets": [(b.item_no, b.bullet_no, b.marker, b.level) for b in result.initiatives],
        "document": [(result.document.fiscal_year, result.document.form_version, result.document.status)],
    }


def full_width_digits_in_cells(text: str) -> str:
    """Digits outside HTML tags and outside the title line, as Japanese typists often print them."""
    lines = text.split("\n")
    return "\n".join(
        line if "<" in line and "style" in line else line.translate(FULL_WIDTH_DIGITS) for line in lines
    )


VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "trailing_spaces": lambda t: "\n".join(
        line + "  " if line and "\t" not in line else line for line in t.split("\n")
    ),
    "full_width_digits": full_width_digits_in_cells,
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_keeps_figures(seed: str, variant: str) -> None:
    text = (RAW / seed).read_text(encoding="utf-8")
    original = figures(process_document(text.encode("utf-8")))
    changed = figures(process_document(VARIANTS[variant](text).encode("utf-8")))
    assert changed == original
