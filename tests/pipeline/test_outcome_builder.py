"""The outcomes builder on located tables of any locator: a row is read only where its cells are
certain; otherwise it is left out with a check, never shifted or cut to fit."""

from __future__ import annotations

from extractors.blocks import Span
from pipeline.build.context import DocContext
from pipeline.build.outcomes import build_outcomes
from pipeline.locate.located import OutcomeRow, OutcomeTable, TextAt

CTX = DocContext("doc", 2022, None)
PERIODS = ("現状", "計画", "実績")


def at(text: str) -> TextAt:
    return TextAt(text, Span(line_start=1))


def table(*rows: tuple[str, tuple[str, ...]], section: int = 1) -> OutcomeTable:
    located = tuple(OutcomeRow(at(label), tuple(at(c) for c in cells)) for label, cells in rows)
    return OutcomeTable(section, PERIODS, True, located, Span(line_start=1))


def test_a_row_with_more_or_fewer_cells_than_periods_is_left_out() -> None:
    built = build_outcomes(
        CTX,
        [
            table(
                ("Aクリニック", ("1名", "2名", "3名")),
                ("B医院", ("4名", "5名")),
                ("C医院", ("1名", "2名", "3名", "4名")),
            )
        ],
    )
    assert {o.institution for o in built.outcomes} == {"Aクリニック"}
    assert [c.check for c in built.checks] == ["cells_ambiguous", "cells_ambiguous"]
    assert built.incomplete_sections == frozenset({1})


def test_a_name_that_reads_as_a_figure_leaves_the_row_out() -> None:
    built = build_outcomes(CTX, [table(("12名", ("3名", "4名", "")))])
    assert built.outcomes == []
    assert [c.check for c in built.checks] == ["label_reads_as_figure"]


def test_several_group_totals_in_one_table_are_left_out() -> None:
    built = build_outcomes(
        CTX, [table(("合計", ("1名", "2名", "3名")), ("連携する医療機関内の合計", ("4名", "5名", "6名")))]
    )
    assert built.outcomes == []
    assert [c.check for c in built.checks] == ["totals_ambiguous"]
