"""The 取組効果 sections of an invented report, with figures that add up (往診 + 訪問診療 = 合計回数,
institutions sum to 合計) unless a flaw is planted on purpose, unused template rows between filled
ones, the form's `(記載例)` row, and blank sections left as the form printed them."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

from generator import wording
from generator.outcome_cells import CellStyle, cell_style, deaths_cell, simple_cell, visits_cell
from generator.printing import era_of_fiscal_year, full_width_digits
from generator.truth import FigureCell, OutcomeRow, OutcomeSection, PeriodColumn

DEFAULT_FLAW_RATE = 0.04
DEFAULT_BLANK_SECTION_RATE = 0.2
DEFAULT_TEMPLATE_ROWS = 4  # the form prints four institution rows


@dataclass
class Figures:
    """One row's figures per period: metric -> value (None: left blank)."""

    by_period: dict[str, dict[str, int | None]]


def _institution_figures(rng: random.Random, periods: tuple[str, ...], big: bool) -> Figures:
    out: dict[str, dict[str, int | None]] = {}
    patients = rng.randint(0, 40)
    for period in periods:
        patients = max(0, patients + rng.randint(-3, 8))
        per_patient = rng.randint(2, 12) if not big else rng.randint(20, 60)
        visits = patients * per_patient
        on_call = rng.randint(0, visits // 3) if visits else 0
        deaths = rng.randint(0, max(0, patients // 5))
        out[period] = {
            "patients": patients,
            "visits": visits,
            "visits_on_call": on_call,
            "visits_scheduled": visits - on_call,
            "deaths": deaths,
            "deaths_outside_hospital": rng.randint(0, deaths),
        }
    return Figures(out)


def _blank(figures: Figures, period: str, metrics: tuple[str, ...]) -> None:
    for metric in metrics:
        figures.by_period[period][metric] = None


def _total(rows: list[Figures], periods: tuple[str, ...]) -> Figures:
    """Sums of the printed figures; blank where any institution left that figure blank."""
    out: dict[str, dict[str, int | None]] = {}
    for period in periods:
        out[period] = {}
        for metric in rows[0].by_period[period]:
            values = [r.by_period[period][metric] for r in rows]
            out[period][metric] = (
                None if any(v is None for v in values) else sum(v for v in values if v is not None)
            )
    return Figures(out)


def _cell(
    section: int, values: dict[str, int | None] | None, style: CellStyle, rng: random.Random
) -> FigureCell:
    v = values or {}
    if section == 1:
        return simple_cell("patients", v.get("patients"), "名", style, rng)
    if section == 2:
        return visits_cell(v.get("visits"), v.get("visits_on_call"), v.get("visits_scheduled"), style, rng)
    return deaths_cell(v.get("deaths"), v.get("deaths_outside_hospital"), style, rng)


@dataclass(frozen=True)
class OutcomePlan:
    """Decisions shared by the sections of one report."""

    form: str
    fiscal_year: int
    institutions: tuple[str, ...]
    label_marker: str  # "・" or "" before institution names
    institution_header: str
    cell_style: CellStyle
    instruction_row: bool
    blank_sections: frozenset[int]


def _columns(form: str, periods: tuple[str, ...]) -> tuple[PeriodColumn, ...]:
    headers = wording.WORDING[form].outcome_headers
    return tuple(PeriodColumn(p, headers[p], None) for p in periods)


def _template_rows(
    rng: random.Random, section: int, filled: list[OutcomeRow], plan: OutcomePlan
) -> list[OutcomeRow]:
    """Filled rows with unused template rows between and after them, and the (記載例) row."""
    columns = 2 if section == 3 else 3
    blanks = max(DEFAULT_TEMPLATE_ROWS - len(filled), 0) + rng.choice((0, 0, 1, 2))
    rows = list(filled)
    for _ in range(blanks):
        cells = tuple(_cell(section, None, plan.cell_style, rng) for _ in range(columns))
        rows.insert(rng.randint(0, len(rows)), OutcomeRow("blank", plan.label_marker, None, cells))
    if plan.instruction_row and section == 1:
        event = wording.WORDING[plan.form].event
        cells = tuple(FigureCell(t.format(event=event)) for t in wording.INSTRUCTION_CELLS)
        rows.insert(
            rng.randint(0, min(1, len(rows))), OutcomeRow("instruction", plan.label_marker, None, cells)
        )
    return rows


def per_institution_sections(rng: random.Random, plan: OutcomePlan) -> tuple[list[OutcomeSection], list[str]]:
    """Sections 1-3 with one row per institution and the 合計 row, then section 4. Returns the
    sections and the checks planted flaws must raise."""
    periods = ("baseline", "plan", "actual")
    figures = [_institution_figures(rng, periods, big=rng.random() < 0.1) for _ in plan.institutions]
    if rng.random() < 0.15:  # a new group: nothing to report before it started
        for f in figures:
            _blank(f, "baseline", tuple(f.by_period["baseline"]))
    for f in figures:
        if rng.random() < 0.08:
            _blank(f, rng.choice(periods), tuple(f.by_period["baseline"]))
    if rng.random() < 0.3:  # うち医療機関以外 left blank, as seed 003
        for f in figures:
            for period in periods:
                _blank(f, period, ("deaths_outside_hospital",))
    flaws = _plant_flaw(rng, figures, periods)
    total = _total(figures, periods)
    if rng.random() < 0.05:  # the 合計 row leaves one breakdown figure blank (seed 003)
        _blank(total, rng.choice(periods), ("visits_on_call",))
    flaws += _plant_total_flaw(rng, total, figures, periods)
    sections = []
    for section in (1, 2, 3):
        columns = periods if section != 3 else ("baseline", "actual")
        blank = section in plan.blank_sections
        rows = [
            OutcomeRow(
                "institution",
                plan.label_marker + name,
                name,
                tuple(
                    _cell(section, None if blank else f.by_period[p], plan.cell_style, rng) for p in columns
                ),
            )
            for name, f in zip(plan.institutions, figures, strict=True)
        ]
        if blank:
            rows = [
                dataclasses.replace(r, kind="blank", label=plan.label_marker, institution=None) for r in rows
            ]
        rows = _template_rows(rng, section, rows, plan)
        total_cells = tuple(
            _cell(section, None if blank else total.by_period[p], plan.cell_style, rng) for p in columns
        )
        rows.append(OutcomeRow("total", wording.TOTAL_ROW_LABEL, None, total_cells))
        notes = (wording.SECTION_NOTES[section],) + ((wording.HOME_NOTE,) if plan.form == "R4" else ())
        sections.append(
            OutcomeSection(
                section=section,
                style="per_institution",
                heading=wording.WORDING[plan.form].section_headings[section],
                label=wording.SECTION_LABELS[section],
                institution_header=plan.institution_header,
                columns=_columns(plan.form, columns),
                rows=tuple(rows),
                notes=notes,
            )
        )
    sections.append(section4(rng, plan, blank=4 in plan.blank_sections))
    if any(s.is_blank for s in sections) and flaws:
        flaws = [f for f in flaws if not _flaw_hidden(f, sections)]
    return sections, flaws


def _flaw_hidden(flaw: str, sections: list[OutcomeSection]) -> bool:
    """A flaw planted in a section left blank is not printed."""
    blank = {s.section for s in sections if s.is_blank}
    return (flaw == "breakdown_mismatch" and 2 in blank) or (flaw == "total_mismatch" and 1 in blank)


def _plant_flaw(rng: random.Random, figures: list[Figures], periods: tuple[str, ...]) -> list[str]:
    """Rarely, an institution's 合計回数 that its 往診 + 訪問診療 do not add up to (seed 000)."""
    if rng.random() >= DEFAULT_FLAW_RATE:
        return []
    f, period = rng.choice(figures), rng.choice(periods)
    row = f.by_period[period]
    if row["visits"] is None or row["visits_on_call"] is None or row["visits_scheduled"] is None:
        return []
    deltas = [d for d in (-2, 1, 2, 10) if row["visits"] + d >= 0]
    row["visits"] = row["visits"] + rng.choice(deltas)
    return ["breakdown_mismatch"]


def _plant_total_flaw(
    rng: random.Random, total: Figures, figures: list[Figures], periods: tuple[str, ...]
) -> list[str]:
    """Rarely, a 合計 of 合計診療患者数 that is not the institutions' sum."""
    if rng.random() >= DEFAULT_FLAW_RATE:
        return []
    period = rng.choice(periods)
    value = total.by_period[period]["patients"]
    if value is None:
        return []
    total.by_period[period]["patients"] = value + rng.choice((1, 2, 5))
    return ["total_mismatch"]


def _section4_headers(form: str, fiscal_year: int, rng: random.Random) -> tuple[PeriodColumn, ...]:
    """`現  状\n（グループ化前（Ｒ2年度（Ａ）））`, `取組目標\n（令和 3年度）`, … (R2/R3);
    `現 状\n(グループ化前 (R3年度 (A)))`, `実 績\n(グループ化後 (R4年度 (B)))`, `差\n(B) - (A)` (R4)."""
    prev_era, prev_n = era_of_fiscal_year(fiscal_year - 1, rng)
    era, n = era_of_fiscal_year(fiscal_year, rng)
    prev = "元" if prev_n == 1 and rng.random() < 0.3 else str(prev_n)
    if form == "R4":
        return (
            PeriodColumn("baseline", f"現 状\n(グループ化前 (R{prev}年度 (A)))", fiscal_year - 1),
            PeriodColumn("actual", f"実 績\n(グループ化後 (R{n}年度 (B)))", fiscal_year),
            PeriodColumn("difference", "差\n(B) - (A)", None),
        )
    letter_prev, letter = ("Ｒ" if prev_era == "令和" else "Ｈ"), "Ｒ"
    return (
        PeriodColumn(
            "baseline",
            f"現  状\n（グループ化前（{letter_prev}{full_width_digits(prev)}年度（Ａ）））",
            fiscal_year - 1,
        ),
        PeriodColumn("plan", f"取組目標\n（{era} {n}年度）", fiscal_year),
        PeriodColumn("actual", f"実  績\n（グループ化後（{letter}{n}年度（Ｂ）））", fiscal_year),
    )


def section4(rng: random.Random, plan: OutcomePlan, blank: bool) -> OutcomeSection:
    columns = _section4_headers(plan.form, plan.fiscal_year, rng)
    rows = []
    for metric, labels in wording.SECTION4_ROWS:
        baseline = rng.randint(0, 40)
        actual = max(0, baseline + rng.randint(-10, 40))
        values = {"baseline": baseline, "plan": baseline + rng.randint(0, 20), "actual": actual}
        values["difference"] = actual - baseline
        cells = tuple(
            simple_cell(metric, None if blank else values[c.period], "件", plan.cell_style, rng)
            for c in columns
        )
        rows.append(OutcomeRow("metric", rng.choice(labels), None, cells))
    return OutcomeSection(
        section=4,
        style="metric_rows",
        heading=wording.WORDING[plan.form].section_headings[4],
        label="",
        institution_header=None,
        columns=columns,
        rows=tuple(rows),
    )


def group_total_sections(
    rng: random.Random, form: str, style: CellStyle
) -> tuple[list[OutcomeSection], list[str]]:
    """Seed 000: sections 1-2 as one row of group totals, often without a 現状."""
    style = dataclasses.replace(style, small_breakdown=rng.random() < 0.6)
    periods = ("baseline", "plan", "actual")
    f = _institution_figures(rng, periods, big=rng.random() < 0.4)
    if rng.random() < 0.6:
        _blank(f, "baseline", tuple(f.by_period["baseline"]))
    flaws = _plant_flaw(rng, [f], periods)
    sections = []
    for section in (1, 2):
        cells = tuple(_cell(section, f.by_period[p], style, rng) for p in periods)
        heading = wording.WORDING[form].section_headings[section].replace("（※実人数を記載）", "")
        sections.append(
            OutcomeSection(
                section=section,
                style="group_total",
                heading=heading,
                label=wording.GROUP_TOTAL_LABELS[section],
                institution_header=None,
                columns=tuple(
                    PeriodColumn(
                        p,
                        wording.WORDING[form].outcome_headers[p].replace("\n", "\n<small>") + "</small>",
                        None,
                    )
                    for p in periods
                ),
                rows=(OutcomeRow("total", "", None, cells),),
            )
        )
    return sections, flaws


def outcome_plan(
    rng: random.Random, form: str, fiscal_year: int, institutions: tuple[str, ...], digits: str
) -> OutcomePlan:
    if form == "R4" and rng.random() < 0.15:
        blank = frozenset({1, 2, 3, 4})  # the form sent back unfilled, as seed 001
    else:
        blank = frozenset(s for s in (3, 4) if rng.random() < DEFAULT_BLANK_SECTION_RATE)
    return OutcomePlan(
        form=form,
        fiscal_year=fiscal_year,
        institutions=institutions,
        label_marker=rng.choice(("・", "・", "")),
        institution_header=rng.choice(wording.INSTITUTION_HEADERS),
        cell_style=cell_style(rng, digits),
        instruction_row=rng.random() < (0.5 if form == "R4" else 0.15),
        blank_sections=blank,
    )
