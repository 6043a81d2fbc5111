"""Charts of the outcomes across fiscal years: the groups' totals of the 実績 (actual) column, summed
per fiscal year. One chart per entry of CHARTS; SVG made with matplotlib's object API (no pyplot,
no global backend), text drawn as paths so that the page needs no font."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.report.fonts import japanese_rc
from pipeline.store.vocabulary import VALUES

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DEFAULT_PERIOD = "actual"
DEFAULT_SIZE_IN = (5.2, 3.0)


@dataclass(frozen=True)
class ChartSpec:
    title: str
    metrics: tuple[str, ...]
    stacked: bool = False


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("診療患者数 (patients)", ("patients",)),
    ChartSpec("訪問回数 (visits): 往診 / 訪問診療", ("visits_on_call", "visits_scheduled"), stacked=True),
    ChartSpec("死亡患者数 (deaths)", ("deaths", "deaths_outside_hospital")),
    ChartSpec("紹介 (referrals)", ("referrals", "emergency_admissions", "reverse_referrals")),
)


def metric_label(metric: str) -> str:
    doc = VALUES[("outcomes", "metric")].get(metric)
    return doc.term if doc and doc.term else metric


def yearly_totals(outcomes: pd.DataFrame, period: str = DEFAULT_PERIOD) -> pd.DataFrame:
    """fiscal_year × metric: the sum of the groups' printed totals for `period` (blank cells left out)."""
    rows = outcomes[outcomes["is_total"].fillna(False) & (outcomes["period"] == period)]
    rows = rows[rows["value"].notna() & rows["fiscal_year"].notna()]
    table = rows.pivot_table(
        index="fiscal_year", columns="metric", values="value", aggfunc="sum", observed=True
    )
    return table.astype("Int64")


def chart_svg(spec: ChartSpec, totals: pd.DataFrame, years: list[int]) -> bytes:
    import matplotlib
    from matplotlib.figure import Figure

    settings = japanese_rc()
    settings["svg.hashsalt"] = "gurupuka-report"  # the same SVG for the same data
    with matplotlib.rc_context(settings):
        return _draw(spec, totals, years, Figure(figsize=DEFAULT_SIZE_IN, layout="constrained"))


def _draw(spec: ChartSpec, totals: pd.DataFrame, years: list[int], figure: Figure) -> bytes:
    """Draw the chart and save it as SVG, text as paths (the page needs no font)."""
    axes = figure.add_subplot()
    positions = list(range(len(years)))
    width = 0.8 if spec.stacked else 0.8 / len(spec.metrics)
    bottom = [0.0] * len(years)
    for i, metric in enumerate(spec.metrics):
        column = totals[metric] if metric in totals.columns else pd.Series(dtype="Int64")
        heights = column.reindex(years).fillna(0).astype(float).tolist()
        offset = 0.0 if spec.stacked else (i - (len(spec.metrics) - 1) / 2) * width
        axes.bar([p + offset for p in positions], heights, width, bottom=bottom, label=metric_label(metric))
        if spec.stacked:
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_xticks(positions, [f"{y}年度" for y in years])
    axes.set_title(spec.title)
    axes.set_ylabel("実績 (actual), sum of group totals")
    axes.legend(fontsize="small")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def outcome_charts(outcomes: pd.DataFrame, years: list[int]) -> list[tuple[ChartSpec, bytes]]:
    totals = yearly_totals(outcomes)
    return [(spec, chart_svg(spec, totals, years)) for spec in CHARTS]
