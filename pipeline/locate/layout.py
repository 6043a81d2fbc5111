"""Locate the report's parts in layout text (pdftotext output and the like): the 取組 table
(`layout_items` where columns come one after another, `layout_item_columns` where words keep
their place on the page) and the 取組効果 tables (`layout_outcomes`).
"""

from __future__ import annotations

import regex

from extractors.blocks import Block, ExtractedDocument
from normalizers.forms import detect_form_in
from pipeline.locate.layout_item_columns import locate_placed_items
from pipeline.locate.layout_items import locate_flow_items
from pipeline.locate.layout_members import locate_layout_members
from pipeline.locate.layout_outcomes import locate_layout_outcomes
from pipeline.locate.located import LocatedReport, TextAt, form_wording

DEFAULT_PLACED_SHARE = 0.25  # share of lines with wide gaps in a text that keeps the page's places
_WIDE_GAP = regex.compile(r"\S {3,}\S")


def keeps_places(lines: list[Block]) -> bool:
    """pdftotext -layout keeps each word at its place on the page: many lines hold words set
    apart by runs of spaces (its default mode never prints more than one space)."""
    if not lines:
        return False
    wide = sum(1 for line in lines if _WIDE_GAP.search(line.text))
    return wide / len(lines) >= DEFAULT_PLACED_SHARE


def locate_layout(doc: ExtractedDocument) -> LocatedReport:
    lines = [b for b in doc.blocks if b.kind == "line"]
    placed = keeps_places(lines)
    items, after, findings = (locate_placed_items if placed else locate_flow_items)(lines)
    form = detect_form_in(form_wording(doc.all_text(), items))
    outcomes = locate_layout_outcomes(lines[after if items else 0 :], findings, form.spec, placed)
    members, member_findings = locate_layout_members(lines, placed)
    paragraphs = tuple(TextAt(b.text.strip(), b.span) for b in lines)
    return LocatedReport(
        tuple(items), tuple(outcomes), tuple(members), paragraphs, (*findings, *member_findings), form
    )
