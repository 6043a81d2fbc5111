"""The column order of a page's placed pieces, told on bare (start, column) places as on pieces."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.locate.layout_column_order import PlacedPiece, _clash, in_order

PLACES = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 3)), max_size=8)


@given(PLACES)
def test_in_order_is_no_two_pieces_clashing(places: list[tuple[int, int]]) -> None:
    pieces = [PlacedPiece(0, 0, start, column) for start, column in places]
    assert in_order(places) is not any(_clash(a, b) for a, b in itertools.combinations(pieces, 2))


def test_pieces_clash_where_columns_and_starts_run_opposite() -> None:
    assert _clash(PlacedPiece(1, 1, 10, 0), PlacedPiece(2, 1, 5, 1))
    assert _clash(PlacedPiece(1, 1, 5, 1), PlacedPiece(2, 1, 5, 0))  # one start: not in order either
    assert not _clash(PlacedPiece(1, 1, 5, 0), PlacedPiece(2, 1, 10, 1))
    assert not _clash(PlacedPiece(1, 1, 10, 2), PlacedPiece(2, 1, 5, 2))  # one column
    assert in_order([(3, 0), (9, 1), (20, 2)]) and not in_order([(3, 0), (20, 1), (9, 2)])
