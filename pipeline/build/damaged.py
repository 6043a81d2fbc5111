"""Figures and names that hold undecodable bytes (U+FFFD, put there by `extractors.text_decode`).

Damaged bytes elsewhere (a bullet's prose, a note) leave the document as it is, with the
`bytes_replaced` check on their line; a figure, a phone number or a name that holds one is
`damaged_text` and leaves the document `partial`. Figures are never changed here: the builders
already keep a cell that does not read as a number as null with its `raw`.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractors.text_decode import REPLACEMENT
from pipeline.build.context import DocContext, span_of_record
from pipeline.records import Check, Member, Outcome, StatusSegment


def damaged_checks(
    ctx: DocContext,
    outcomes: Iterable[Outcome],
    status: Iterable[StatusSegment],
    members: Iterable[Member],
) -> list[Check]:
    checks = []
    if ctx.group_name and REPLACEMENT in ctx.group_name:
        checks.append(ctx.check("damaged_text", f"the group name {ctx.group_name!r} holds undecodable bytes"))
    seen: set[tuple[int | None, int | None, str]] = set()
    for outcome in outcomes:
        for field, value in (("figure", outcome.raw), ("institution", outcome.institution or "")):
            key = (outcome.page, outcome.line, value)
            if REPLACEMENT in value and key not in seen:
                seen.add(key)
                detail = f"取組効果 section {outcome.section}, {field} {value!r} holds undecodable bytes"
                checks.append(ctx.check("damaged_text", detail, span_of_record(outcome)))
    for segment in status:
        if REPLACEMENT in segment.text:
            detail = f"取組{segment.item_no} {segment.period_label}: {segment.text!r} holds undecodable bytes"
            checks.append(ctx.check("damaged_text", detail, span_of_record(segment)))
    for member in members:
        for field, value in (("name", member.name), ("phone", member.phone_raw or "")):
            if REPLACEMENT in value:
                detail = f"別添1 row {member.row_no}: {field} {value!r} holds undecodable bytes"
                checks.append(ctx.check("damaged_text", detail, span_of_record(member)))
    return checks
