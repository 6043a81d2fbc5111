"""The structured truth of one invented report: what was written, and how it was printed.

Every printed string a rendition shows comes from here (the layout only arranges it), so the gold
(`gold.py`) and every rendition of one report agree by construction. `invent.make_truth` fills
them, deterministic by seed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIODS = ("baseline", "plan", "actual")


@dataclass(frozen=True)
class DateTruth:
    """One date or date range written in a bullet or status segment, as the schema's dates row."""

    raw: str
    date_start: dt.date | None
    date_end: dt.date | None
    time_start: str | None
    time_end: str | None
    weekday_printed: str | None
    weekday_ok: bool | None
    year_inferred: bool


@dataclass(frozen=True)
class Written:
    """A piece of prose with the dates written inside it."""

    text: str
    dates: tuple[DateTruth, ...] = ()


@dataclass(frozen=True)
class Bullet:
    marker: str | None
    level: int
    lines: tuple[str, ...]  # printed lines after the marker: a head line, then body lines
    dates: tuple[DateTruth, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Segment:
    """One segment of a 現状 / 取組目標（計画）/ 実績 cell."""

    marker: str | None
    text: str
    value: int | None
    unit: str | None
    dates: tuple[DateTruth, ...] = ()


@dataclass(frozen=True)
class StatusCell:
    period: str
    segments: tuple[Segment, ...]
    group_line: str | None = None  # `グループ名：「X」`: names the group, is not a segment
    reference_note: str | None = None  # `※参考資料1 … 参照` printed right after the group line


@dataclass(frozen=True)
class Item:
    item_no: int
    title_lines: tuple[str, ...]
    bullets: tuple[Bullet, ...]
    status: tuple[StatusCell, ...]  # baseline, plan, actual
    chart: tuple[tuple[str, ...], ...] = ()  # org chart drawn in the content cell: rows of labels


@dataclass(frozen=True)
class Member:
    row_no: int
    role: str
    designation: str | None
    name: str
    facility_name: str
    corporation: str | None
    address: str
    municipality: str
    phone: str
    phone_printed: str
    kind: str  # clinic, hospital, visiting_nurse_station, medical_association


@dataclass(frozen=True)
class Figure:
    metric: str
    value: int
    unit: str


@dataclass(frozen=True)
class FigureCell:
    printed: str  # "\n" between printed lines; <small> as in seed 000
    figures: tuple[Figure, ...] = ()  # the figures printed in it (blank template cells have none)


@dataclass(frozen=True)
class OutcomeRow:
    kind: str  # institution, total, blank, instruction, metric
    label: str  # as printed, marker included
    institution: str | None
    cells: tuple[FigureCell, ...]  # one per period column


@dataclass(frozen=True)
class PeriodColumn:
    period: str
    header: str
    fiscal_year: int | None


@dataclass(frozen=True)
class OutcomeSection:
    section: int
    style: str  # group_total (one row, no institution column), per_institution, metric_rows (section 4)
    heading: str
    label: str  # the merged label cell of sections 1-3
    institution_header: str | None
    columns: tuple[PeriodColumn, ...]
    rows: tuple[OutcomeRow, ...]
    notes: tuple[str, ...] = ()

    @property
    def is_blank(self) -> bool:
        return not any(cell.figures for row in self.rows for cell in row.cells)


@dataclass(frozen=True)
class ReportTruth:
    seed: int
    form: str  # H30, R2, R3, R4
    fiscal_year: int
    fiscal_year_label: str
    title_printed: bool  # False: no title line; the year only shows in the 取組効果 4 headers
    group_name: str | None
    group_name_place: str | None  # title, status or None
    members: tuple[Member, ...]
    member_headers: tuple[str, ...]
    items: tuple[Item, ...]
    outcome_style: str  # none, group_total, per_institution
    outcomes: tuple[OutcomeSection, ...]
    institutions: tuple[str, ...]  # facilities whose figures the 取組効果 tables print
    flaws: tuple[str, ...] = ()  # checks a correct pipeline raises on deliberately inconsistent data
    digits: str = "half"  # half, full, mixed: how the writer typed figures

    @property
    def dates(self) -> tuple[tuple[str, int, str | None, DateTruth], ...]:
        """(source_table, item_no, period, date) of every date written, in reading order."""
        out: list[tuple[str, int, str | None, DateTruth]] = []
        for item in self.items:
            out += [("initiatives", item.item_no, None, d) for b in item.bullets for d in b.dates]
        for item in self.items:
            for cell in item.status:
                out += [("status", item.item_no, cell.period, d) for s in cell.segments for d in s.dates]
        return tuple(out)
