"""Figures and names that lie where the two OCR readers read other digits (`⟦12｜17⟧`, put there by
`extractors.ocr_agree`).

A mark anywhere is `ocr_digits_differ` on its line (the extractor's finding; no figure is read from
that line). Only a mark that reaches what the builders emit is `ocr_disagreement` and leaves the
document `partial`: an outcome's figure cell or institution, a status segment, a member's fields, the
group name, a period label whose fiscal year it hides, a bullet's marker, or initiative text where it
hides or changes a date. A mark in a table cell that no located table holds (an item row left out
because its number was disputed) or in an item's title (its number) is `ocr_disagreement` too: what
was left out cannot be told. A mark in a title or a header note (`別添⟦1｜7⟧`, `翌年⟦3｜8⟧月末`)
reaches none of them. Figures are never changed here: a mark is no number, so the builders already keep such
a cell as null with its `raw`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from extractors.blocks import Block
from extractors.ocr_agree import MARK, first_reading
from normalizers.dates import find_dates
from normalizers.era import parse_fiscal_year
from pipeline.build.context import DocContext, Placed, span_of_record
from pipeline.locate.located import LocatedReport, TextAt
from pipeline.records import Check, Initiative, Member, Outcome, StatusSegment


def disputed_checks(
    ctx: DocContext,
    outcomes: Iterable[Outcome],
    status: Iterable[StatusSegment],
    initiatives: Iterable[Initiative],
    members: Iterable[Member],
    blocks: Iterable[Block],
    located: LocatedReport,
    year_inferred: bool = False,
) -> list[Check]:
    """One `ocr_disagreement` check per emitted value a mark reaches (a shared cell counted once),
    one for the marks in table cells the locators left out, and one where the fiscal year had to be
    inferred (`year_inferred`) while a paragraph outside the tables is disputed."""
    found: list[tuple[str, Placed | None]] = []
    if ctx.group_name and MARK.search(ctx.group_name):
        found.append((f"the group name {ctx.group_name!r}", None))
    for o in outcomes:
        where = f"取組効果 section {o.section} row {o.row_no}"
        found += [(f"{where}: figure {o.raw!r}", o)] if MARK.search(o.raw) else []
        found += [(f"{where}: institution {o.institution!r}", o)] if marked(o.institution) else []
        if hides_year(o.period_label):
            found.append((f"{where}: period {o.period_label!r}", o))
    for s in status:
        where = f"取組{s.item_no} {s.period}"
        found += [(f"{where}: {s.text!r}", s)] if marked(s.text) or marked(s.marker) else []
    for i in initiatives:
        where = f"取組{i.item_no} bullet {i.bullet_no}"
        if marked(i.marker) or hides_date(i.text, ctx.fiscal_year):
            found.append((f"{where}: {i.text!r}", i))
    for m in members:
        fields = (m.name, m.facility_name, m.corporation, m.address, m.municipality, m.phone_raw)
        if any(marked(f) for f in (*fields, m.role_label, m.designation_label)):
            found.append((f"別添1 row {m.row_no}: {m.name!r} {m.phone_raw!r}", m))
    checks: list[Check] = []
    seen: set[str] = set()
    for detail, record in found:
        if detail in seen:
            continue
        seen.add(detail)
        text = f"{detail} lies where the two OCR readers read other digits: left out"
        checks.append(
            ctx.check("ocr_disagreement", text, span_of_record(record) if record is not None else None)
        )
    if year_inferred and (disputed := title_year_disputed(located.paragraphs)) is not None:
        detail = (
            f"the fiscal year was inferred while the OCR readers read other digits in {disputed!r}: "
            "the title's year may be the one they dispute"
        )
        checks.append(ctx.check("ocr_disagreement", detail))
    if lost := lost_marks(blocks, located):
        detail = (
            f"the two OCR readers read other digits ({', '.join(lost)}) in table cells the locators left "
            "out or read an item number from: what they hold is left out"
        )
        checks.append(ctx.check("ocr_disagreement", detail))
    return checks


def marked(text: str | None) -> bool:
    return bool(text) and MARK.search(text or "") is not None


def hides_year(label: str) -> bool:
    """A mark in a period label that a fiscal year is read from (the column's `period_fiscal_year`)."""
    return marked(label) and parse_fiscal_year(first_reading(label)) is not None


def hides_date(text: str, fiscal_year: int | None) -> bool:
    """A mark in bullet text that hides or changes a date the `dates` table would hold."""
    if not marked(text):
        return False
    ours = [d.raw for d in find_dates(text, fiscal_year)]
    return ours != [d.raw for d in find_dates(first_reading(text), fiscal_year)]


def lost_marks(blocks: Iterable[Block], located: LocatedReport) -> list[str]:
    """The marks printed in table cells that no located table holds (item titles, whose number is
    the item's, are not counted as held)."""
    printed = Counter(
        m.group(0)
        for b in blocks
        if b.kind == "table"
        for row in b.rows
        for cell in row
        for m in MARK.finditer(cell.text)
    )
    held = Counter(m.group(0) for text in held_texts(located) for m in MARK.finditer(text))
    return sorted((printed - held).elements())


def held_texts(located: LocatedReport) -> Iterator[str]:
    """The texts of the located tables: item contents and status cells, their column headers (once
    each), 取組効果 period labels, row labels and cells, 別添1 headers and cells."""
    headers: set[str] = set()
    for item in located.items:
        yield item.content.text
        yield from (label.text for label in item.drawn_labels)
        for header, cell in item.status:
            headers.add(header)
            yield cell.text
    yield from headers
    for table in located.outcomes:
        yield from table.period_labels
        for row in table.rows:
            yield row.label.text
            yield from (cell.text for cell in row.cells)
    for members in located.members:
        yield from members.headers
        yield from (cell.text for row in members.rows for cell in row)


def title_year_disputed(paragraphs: Iterable[TextAt]) -> str | None:
    """A paragraph outside the tables whose digits the readers dispute, where the fiscal year had
    to be inferred: the title's year may be the one disputed, so the inferred year is not certain."""
    return next((p.text for p in paragraphs if MARK.search(p.text)), None)
