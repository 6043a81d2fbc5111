"""Checks across outcome figures. They flag; they never change a figure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from pipeline.build.context import DocContext, span_of_record
from pipeline.records import Check, Outcome

# (total metric, parts that must add up to it, or None where the part may not exceed the total)
BREAKDOWNS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("visits", ("visits_on_call", "visits_scheduled"), True),
    ("deaths", ("deaths_outside_hospital",), False),
)


def _where(o: Outcome) -> str:
    who = "グループ合計" if o.is_total else (o.institution or "?")
    page = f"p.{o.page}, " if o.page is not None else (f"l.{o.line}, " if o.line is not None else "")
    return f"{page}取組効果 {o.section} {o.period_label} ({who})"


def _check(ctx: DocContext, at: Outcome, name: str, detail: str) -> Check:
    return ctx.check(name, detail, span_of_record(at))


def breakdown_checks(ctx: DocContext, outcomes: Sequence[Outcome]) -> list[Check]:
    cells: dict[tuple[int, int, str], dict[str, Outcome]] = defaultdict(dict)
    for o in outcomes:
        cells[(o.section, o.row_no, o.period)][o.metric] = o
    checks: list[Check] = []
    for metrics in cells.values():
        for total_metric, parts, must_add_up in BREAKDOWNS:
            total = metrics.get(total_metric)
            found = [metrics.get(p) for p in parts]
            if total is None or total.value is None or any(f is None or f.value is None for f in found):
                continue
            part_sum = sum(f.value for f in found if f is not None and f.value is not None)
            broken = part_sum != total.value if must_add_up else part_sum > total.value
            if broken:
                printed = " + ".join(f"{f.metric} {f.value}" for f in found if f is not None)
                checks.append(
                    _check(
                        ctx,
                        total,
                        "breakdown_mismatch",
                        f"{_where(total)}: {total_metric} {total.value} vs {printed} = {part_sum}",
                    )
                )
    return checks


def total_checks(
    ctx: DocContext,
    outcomes: Sequence[Outcome],
    joined: Mapping[int, tuple[int, ...]] | None = None,
    incomplete: Collection[int] = (),
) -> list[Check]:
    """Sum of the institutions' figures vs the printed 合計, where every institution of the section
    printed that figure; not in `incomplete` sections (printed rows were left out, with a check).
    `joined`: sections whose table was printed in parts whose columns differ (lined up by x
    position), with its pages; a mismatch there may come from the join and also raises
    `joined_total_mismatch`."""
    institutions: dict[int, set[int]] = defaultdict(set)  # rows of institutions, by section
    parts: dict[tuple[int, str, str], dict[int, int]] = defaultdict(dict)
    totals: dict[tuple[int, str, str], Outcome] = {}
    for o in outcomes:
        key = (o.section, o.metric, o.period)
        if o.is_total:
            totals[key] = o
        else:
            institutions[o.section].add(o.row_no)
            if o.value is not None:
                parts[key][o.row_no] = o.value
    checks: list[Check] = []
    broken_joins: dict[int, Outcome] = {}
    for key, total in totals.items():
        values = parts.get(key, {})
        if key[0] in incomplete or total.value is None or not institutions[key[0]]:
            continue
        if set(values) != institutions[key[0]]:
            continue
        if sum(values.values()) != total.value:
            checks.append(
                _check(
                    ctx,
                    total,
                    "total_mismatch",
                    f"{_where(total)}: {total.metric} total {total.value} vs sum of "
                    f"{len(values)} institutions {sum(values.values())}",
                )
            )
            if joined and key[0] in joined:
                broken_joins.setdefault(key[0], total)
    for section, total in broken_joins.items():
        pages = ", ".join(f"p.{p}" for p in (joined or {})[section])
        detail = (
            f"取組効果 {section}: the table runs over {pages} and its institutions do not add up to "
            "its 合計; rows may have been lost or misplaced at the page break"
        )
        checks.append(_check(ctx, total, "joined_total_mismatch", detail))
    return checks
