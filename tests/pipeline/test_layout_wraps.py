"""Paragraphs of a -layout period cell (pipeline.locate.layout_wraps.cell_paragraphs): where a line
fills the cell, the entry so far may still tell that the next line opens an entry of its own, by
the same cues text-layer PDF cells use (extractors.pdf_page.opens_entry_after)."""

from __future__ import annotations

import pytest

from pipeline.locate.layout_wraps import cell_paragraphs


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # a labelled date's day, then a word no date goes on with: two entries
        (
            ["開催日時：202", "0 年 8 月 12 日", "ホームページ掲", "載"],
            "開催日時：202\n0 年 8 月 12 日\n\nホームページ掲\n載",
        ),
        # the entry's own label printed again: two entries
        (
            ["講師：つくば在", "宅クリニック", "講師：みどり医", "院"],
            "講師：つくば在\n宅クリニック\n\n講師：みどり医\n院",
        ),
        # a date without a label may go on (`12日` | `オンライン開催`): one entry
        (["2020 年 8 月 12 日", "オンライン開催"], "2020 年 8 月 12 日\nオンライン開催"),
        # another label is no repetition: the full line wraps
        (
            ["講師：つくば在宅", "クリニック院長", "講演：在宅医療"],
            "講師：つくば在宅\nクリニック院長\n講演：在宅医療",
        ),
    ],
)
def test_the_entry_tells_where_a_full_line_ends_it(lines: list[str], paragraphs: str) -> None:
    assert cell_paragraphs(lines) == paragraphs
