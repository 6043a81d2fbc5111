"""initiatives and status records from the located 取組 rows."""

from __future__ import annotations

from collections.abc import Iterable

from normalizers.bullets import split_bullets, split_segments
from normalizers.forms import ITEM_THEMES, period_of_header
from normalizers.numbers import continues_a_number, counts_stated, parse_status_count
from normalizers.text import reflow
from pipeline.build.context import DocContext, position
from pipeline.build.facts import (
    cell_paragraphs,
    is_group_name_paragraph,
    is_reference_note,
    text_after_group_name,
    text_after_reference_note,
)
from pipeline.locate.located import ItemRow
from pipeline.records import Check, Initiative, StatusSegment


def item_title(item: ItemRow) -> str:
    return reflow(item.title.text.split("\n"))


def build_initiatives(ctx: DocContext, items: Iterable[ItemRow]) -> list[Initiative]:
    records: list[Initiative] = []
    for item in items:
        title = item_title(item)
        for number, bullet in enumerate(split_bullets(item.content.text), start=1):
            records.append(
                Initiative(
                    **ctx.common(item.content.span),
                    item_no=item.item_no,
                    item_theme=ITEM_THEMES[item.item_no],
                    item_title=title,
                    bullet_no=number,
                    marker=bullet.marker,
                    level=bullet.level,
                    text=bullet.text,
                )
            )
    return records


def without_group_name(text: str) -> str:
    """The cell without its `グループ名 …` name (also where the label is a paragraph of its own) and a
    reference note (`※参考資料1 … 参照`) printed right below it; a sentence run on after the name in
    the same paragraph stays."""
    kept: list[str] = []
    dropping = False
    for paragraph in cell_paragraphs(text):
        named = is_group_name_paragraph(paragraph)
        dropping = named or (dropping and is_reference_note(paragraph))
        if named and (after := text_after_group_name(paragraph)):
            kept.append(after)
        elif not dropping:
            kept.append(paragraph)
        elif not named and (after := text_after_reference_note(paragraph)):
            kept.append(after)
            dropping = False
    return "\n\n".join(kept)


def build_status(ctx: DocContext, items: Iterable[ItemRow]) -> tuple[list[StatusSegment], list[Check]]:
    """The status segments of every period cell, and a `status_count_ambiguous` check for each
    segment that states more than one count (its value is left null: which count is the segment's
    cannot be told, and the print may have run two entries together), or whose count opens right
    after a segment ending with a digit (a wrap inside the number may have split it)."""
    records: list[StatusSegment] = []
    checks: list[Check] = []
    for item in items:
        for label, cell in item.status:
            period = period_of_header(label)
            if period is None:
                continue
            before = ""
            for seq, segment in enumerate(split_segments(without_group_name(cell.text)), start=1):
                count = parse_status_count(segment.text)
                split = segment.marker is None and continues_a_number(before, segment.text)
                if count is not None and (counts_stated(segment.text) > 1 or split):
                    count = None
                    after = f" after {before!r}" if split else ""
                    detail = f"取組{item.item_no} {period} segment {seq}: {segment.text!r}{after}"
                    checks.append(ctx.check("status_count_ambiguous", detail, cell.span))
                before = segment.text
                records.append(
                    StatusSegment(
                        **ctx.common(cell.span),
                        item_no=item.item_no,
                        period=period,
                        period_label=label,
                        seq=seq,
                        marker=segment.marker,
                        text=segment.text,
                        value=float(count.value) if count else None,
                        unit=count.unit if count else None,
                        **position(cell.span),
                    )
                )
    return records, checks
