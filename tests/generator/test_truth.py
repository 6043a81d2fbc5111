"""The invented truth: the same seed gives the same report, and every report obeys the form's
arithmetic and the calendar, so a clean report gives a correct pipeline nothing to flag."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict

import pytest

from generator.datefmt import WEEKDAYS, fiscal_window
from generator.invent import make_truth
from generator.truth import ReportTruth
from generator.wording import FORM_YEARS, FORMS

SEEDS = range(40)
TRUTHS = [make_truth(seed, form) for seed in SEEDS for form in FORMS]


def test_same_seed_same_truth() -> None:
    for form in FORMS:
        assert make_truth(5, form) == make_truth(5, form)
    assert make_truth(5, "R4") != make_truth(6, "R4")


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_sizes_and_years(truth: ReportTruth) -> None:
    assert truth.fiscal_year in FORM_YEARS[truth.form]
    assert 0 <= len(truth.members) <= 15
    assert [m.row_no for m in truth.members] == list(range(1, len(truth.members) + 1))
    if truth.outcome_style == "per_institution":
        assert 1 <= len(truth.institutions) <= 10
    assert [i.item_no for i in truth.items] == [1, 2, 3]
    assert all(item.bullets for item in truth.items)
    if truth.group_name_place is None:
        assert truth.group_name is None


def _figures(truth: ReportTruth) -> dict[tuple[int, str, str], dict[str, int]]:
    """(section, period, row label) -> metric -> value."""
    out: dict[tuple[int, str, str], dict[str, int]] = defaultdict(dict)
    for section in truth.outcomes:
        for row in section.rows:
            for column, cell in zip(section.columns, row.cells, strict=True):
                for figure in cell.figures:
                    out[(section.section, column.period, row.kind + ":" + row.label)][figure.metric] = (
                        figure.value
                    )
    return out


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_breakdowns_add_up_unless_flawed(truth: ReportTruth) -> None:
    for (_, _, label), metrics in _figures(truth).items():
        if {"visits", "visits_on_call", "visits_scheduled"} <= set(metrics):
            adds_up = metrics["visits"] == metrics["visits_on_call"] + metrics["visits_scheduled"]
            assert adds_up or "breakdown_mismatch" in truth.flaws, label
        if {"deaths", "deaths_outside_hospital"} <= set(metrics):
            assert metrics["deaths_outside_hospital"] <= metrics["deaths"], label


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_institutions_sum_to_the_total_unless_flawed(truth: ReportTruth) -> None:
    for section in truth.outcomes:
        if section.style != "per_institution":
            continue
        rows = [r for r in section.rows if r.kind == "institution"]
        total = next(r for r in section.rows if r.kind == "total")
        for index, total_cell in enumerate(total.cells):
            for figure in total_cell.figures:
                parts = [
                    next((f.value for f in r.cells[index].figures if f.metric == figure.metric), None)
                    for r in rows
                ]
                if None in parts:
                    continue  # a blank institution cell: the writer's total cannot be checked
                summed = sum(p for p in parts if p is not None)
                assert summed == figure.value or truth.flaws, (section.section, figure)


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_counts_are_never_negative(truth: ReportTruth) -> None:
    for section in truth.outcomes:
        for column, row in ((c, r) for r in section.rows for c in section.columns):
            if column.period != "difference":
                cell = row.cells[section.columns.index(column)]
                assert all(f.value >= 0 for f in cell.figures), (section.section, row.label)


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_section4_difference_is_b_minus_a(truth: ReportTruth) -> None:
    for section in truth.outcomes:
        periods = [c.period for c in section.columns]
        if section.section != 4 or "difference" not in periods or section.is_blank:
            continue
        for row in section.rows:
            values = {p: c.figures[0].value for p, c in zip(periods, row.cells, strict=True)}
            assert values["difference"] == values["actual"] - values["baseline"]


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_dates_are_real_and_weekdays_as_flagged(truth: ReportTruth) -> None:
    first, last = fiscal_window(truth.fiscal_year)
    for _, _, _, d in truth.dates:
        if d.date_start is None:  # an impossible day, printed on purpose
            match = re.fullmatch(r"(令和|平成)([0-9]+)年2月29日", d.raw)
            assert match is not None, d.raw
            year = int(match.group(2)) + (2018 if match.group(1) == "令和" else 1988)
            assert not calendar.isleap(year), d.raw
            continue
        assert isinstance(d.date_start, dt.date)
        if d.date_end is not None:
            assert d.date_end >= d.date_start
        if d.year_inferred:  # the schema's rule must give back the day meant
            assert first <= d.date_start <= last and (d.date_end is None or d.date_end <= last)
        if d.weekday_printed is not None:
            assert (WEEKDAYS[d.date_start.weekday()] == d.weekday_printed) == d.weekday_ok
            assert d.weekday_printed in d.raw
        if d.time_start and d.time_end:
            assert d.time_start < d.time_end


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda t: f"{t.form}-{t.seed}")
def test_status_segments_unmarked_only_before_marked(truth: ReportTruth) -> None:
    """After a marked segment an unmarked paragraph would read as its continuation."""
    for item in truth.items:
        for cell in item.status:
            markers = [s.marker for s in cell.segments]
            first_marked = next((i for i, m in enumerate(markers) if m), len(markers))
            assert all(markers[first_marked:]), markers


def test_every_form_meets_its_variations() -> None:
    """The seeds' variety shows up over a few dozen reports of each form."""
    for form in FORMS:
        truths = [t for t in TRUTHS if t.form == form]
        styles = {t.outcome_style for t in truths}
        assert styles == {"H30": {"none", "group_total"}, "R4": {"per_institution"}}.get(
            form, {"group_total", "per_institution"}
        )
        assert {t.group_name_place for t in truths} >= {"title", "status"}
        assert any(t.members for t in truths) and any(not t.members for t in truths)
    assert any(t.flaws for t in TRUTHS)
    assert any(any(i.chart for i in t.items) for t in TRUTHS)
