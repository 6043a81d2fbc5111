"""dates records: every date or range written in initiatives and status text."""

from __future__ import annotations

from collections.abc import Iterable

from normalizers.dates import find_dates
from pipeline.build.context import DocContext, span_of_record
from pipeline.records import Check, DateMention, Initiative, StatusSegment


def _mentions(
    ctx: DocContext,
    table: str,
    item_no: int,
    period: str | None,
    text: str,
    page: int | None,
    line: int | None,
) -> list[DateMention]:
    return [
        DateMention(
            doc_id=ctx.doc_id,
            fiscal_year=ctx.fiscal_year,
            group_name=ctx.group_name,
            page=page,
            line=line,
            source_table=table,
            item_no=item_no,
            period=period,
            raw=found.raw,
            date_start=found.date_start,
            date_end=found.date_end,
            time_start=found.time_start,
            time_end=found.time_end,
            weekday_printed=found.weekday_printed,
            weekday_ok=found.weekday_ok,
            year_inferred=found.year_inferred,
            era_out_of_range=found.era_out_of_range,
        )
        for found in find_dates(text, ctx.fiscal_year)
    ]


def build_dates(
    ctx: DocContext, initiatives: Iterable[Initiative], status: Iterable[StatusSegment]
) -> tuple[list[DateMention], list[Check]]:
    dates: list[DateMention] = []
    for bullet in initiatives:
        dates += _mentions(ctx, "initiatives", bullet.item_no, None, bullet.text, bullet.page, bullet.line)
    for segment in status:
        dates += _mentions(
            ctx, "status", segment.item_no, segment.period, segment.text, segment.page, segment.line
        )
    checks = [
        _check(
            ctx,
            d,
            "weekday_mismatch",
            f"{d.raw!r} prints {d.weekday_printed} but {d.date_start} is another weekday",
        )
        for d in dates
        if d.weekday_ok is False
    ]
    checks += [
        _check(
            ctx,
            d,
            "era_out_of_range",
            f"{d.raw!r} is written in an era that had not begun (or had ended) "
            "on that date; resolved arithmetically",
        )
        for d in dates
        if d.era_out_of_range
    ]
    checks += [
        _check(
            ctx,
            d,
            "date_unresolved",
            f"{d.raw!r} gives no calendar date (no such day in its year, "
            "or no fiscal year to place it in); kept as printed",
        )
        for d in dates
        if d.date_start is None
    ]
    return dates, checks


def _check(ctx: DocContext, d: DateMention, name: str, detail: str) -> Check:
    where = f"{d.source_table} 取組{d.item_no} {d.period or ''}"
    return ctx.check(name, f"{where}: {detail}", span_of_record(d))
