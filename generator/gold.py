"""Truth -> gold file in the format of tests/gold/*.gold.json (SCHEMA.md "Gold files").

Derived from the truth alone, never from the pipeline's output. `checks` is the set of check
names a correct pipeline raises on this report; extraction notes (`drawn_labels`, `ocr_used`) are
facts of a rendition, not of the data, and are left to the scorer.
"""

from __future__ import annotations

from typing import Any

from generator.truth import DateTruth, ReportTruth

GOLD_VERSION = 1


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def document_gold(truth: ReportTruth) -> dict[str, Any]:
    return {
        "doc_kind": "report",
        "fiscal_year": truth.fiscal_year,
        "group_name": truth.group_name,
        "status": "ok",
    }


def members_gold(truth: ReportTruth) -> list[dict[str, Any]]:
    return [
        {
            "row_no": m.row_no,
            "role": m.role,
            "designation": m.designation,
            "name": m.name,
            "facility_name": m.facility_name,
            "corporation": m.corporation,
            "address": m.address,
            "municipality": m.municipality,
            "phone": m.phone,
        }
        for m in truth.members
    ]


def initiatives_gold(truth: ReportTruth, markers_lost: bool) -> tuple[bool, list[dict[str, Any]]]:
    """(segmented, rows). Segmented only where the rendition prints the markers."""
    segmented = not markers_lost and all(b.marker for item in truth.items for b in item.bullets)
    rows = []
    for item in truth.items:
        for number, bullet in enumerate(item.bullets, start=1):
            rows.append(
                {
                    "item_no": item.item_no,
                    "bullet_no": number,
                    "marker": bullet.marker if segmented else None,
                    "level": bullet.level if segmented else 0,
                    "text": bullet.text,
                }
            )
    return segmented, rows


def status_gold(truth: ReportTruth) -> list[dict[str, Any]]:
    return [
        {"item_no": item.item_no, "period": cell.period, "text": s.text, "value": s.value, "unit": s.unit}
        for item in truth.items
        for cell in item.status
        for s in cell.segments
    ]


def outcomes_gold(truth: ReportTruth) -> list[dict[str, Any]]:
    rows = []
    for section in truth.outcomes:
        for row in section.rows:
            if row.kind in ("blank", "instruction"):
                continue
            for column, cell in zip(section.columns, row.cells, strict=True):
                for figure in cell.figures:
                    rows.append(
                        {
                            "section": section.section,
                            "metric": figure.metric,
                            "institution": row.institution,
                            "is_total": row.kind != "institution",
                            "period": column.period,
                            "period_fiscal_year": column.fiscal_year,
                            "value": figure.value,
                            "unit": figure.unit,
                        }
                    )
    return rows


def _date_row(table: str, item_no: int, period: str | None, d: DateTruth) -> dict[str, Any]:
    return {
        "source_table": table,
        "item_no": item_no,
        "period": period,
        "raw": d.raw,
        "date_start": _iso(d.date_start),
        "date_end": _iso(d.date_end),
        "time_start": d.time_start,
        "time_end": d.time_end,
        "weekday_printed": d.weekday_printed,
        "weekday_ok": d.weekday_ok,
        "year_inferred": d.year_inferred,
    }


def dates_gold(truth: ReportTruth) -> list[dict[str, Any]]:
    return [_date_row(*mention) for mention in truth.dates]


def checks_gold(truth: ReportTruth) -> list[str]:
    checks = set(truth.flaws)
    if any(s.is_blank for s in truth.outcomes):
        checks.add("template_unfilled")
    dates = [d for *_, d in truth.dates]
    if any(d.weekday_ok is False for d in dates):
        checks.add("weekday_mismatch")
    if any(d.date_start is None for d in dates):
        checks.add("date_unresolved")
    if not truth.title_printed:
        checks.add("fiscal_year_inferred")
    return sorted(checks)


def gold_of(truth: ReportTruth, source: str, rendition: str, markers_lost: bool = False) -> dict[str, Any]:
    """The gold file of one rendition of the report (`source`: the rendition's file name)."""
    segmented, initiatives = initiatives_gold(truth, markers_lost)
    return {
        "source": source,
        "document": document_gold(truth),
        "members": members_gold(truth),
        "initiatives_segmented": segmented,
        "initiatives": initiatives,
        "status": status_gold(truth),
        "outcomes": outcomes_gold(truth),
        "dates": dates_gold(truth),
        "checks": checks_gold(truth),
        "form_version": truth.form,
        "rendition": rendition,
        "generator_seed": truth.seed,
        "gold_version": GOLD_VERSION,
    }
