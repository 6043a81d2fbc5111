"""dates records: every date or range written in initiatives and status text."""

from __future__ import annotations

from collections.abc import Iterable

from normalizers.dates import find_dates
from pipeline.context import DocContext
from pipeline.records import Check, DateMention, Initiative, StatusSegment


def _mentions(ctx: DocContext, table: str, item_no: int, period: str | None, text: str,
              page: int | None, line: int | None) -> list[DateMention]:
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
        )
        for found in find_dates(text, ctx.fiscal_year)
    ]


def build_dates(ctx: DocContext, initiatives: Iterable[Initiative],
                status: Iterable[StatusSegment]) -> tuple[list[DateMention], list[Check]]:
    dates: list[DateMention] = []
    for bullet in initiatives:
        dates += _mentions(ctx, "initiatives", bullet.item_no, None, bullet.text, bullet.page, bullet.line)
    for segment in status:
        dates += _mentions(ctx, "status", segment.item_no, segment.period, segment.text, segment.page, segment.line)
    checks = [
        Check(doc_id=ctx.doc_id, fiscal_year=ctx.fiscal_year, group_name=ctx.group_name, page=d.page, line=d.line,
              check="weekday_mismatch", severity="warning",
              detail=f"{d.source_table} 取組{d.item_no} {d.period or ''}: {d.raw!r} prints {d.weekday_printed} "
                     f"but {d.date_start} is another weekday")
        for d in dates if d.weekday_ok is False
    ]
    return dates, checks
