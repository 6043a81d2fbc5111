"""The 取組効果 sections of layout text: figure cells rebuilt from what pdftotext prints
(`layout_stream`), grouped into rows with their labels (`layout_rows`), as tables the outcome
builder reads like any other rendition's. A row whose cells or label cannot be placed with
certainty gives no figures: a `cells_ambiguous` check names it and its line."""

from __future__ import annotations

from extractors.blocks import Block, Finding, Span
from normalizers.forms import OUTCOMES_HEADING_WORDS, PERIOD_ALIASES, FormSpec, period_of_header
from pipeline.locate.layout_cells import CellDraft, Word, span_x
from pipeline.locate.layout_grid import grid_rows
from pipeline.locate.layout_headers import opens_note, period_labels, period_words, placed_period_labels
from pipeline.locate.layout_labels import join_wrapped_labels
from pipeline.locate.layout_row_parts import RowDraft, SectionRows, label_name
from pipeline.locate.layout_rows import section_rows
from pipeline.locate.layout_stream import Header, Stream, read_stream
from pipeline.locate.located import OutcomeRow, OutcomeTable, TextAt
from pipeline.locate.tables import section_heading

DEFAULT_PERIODS = {1: 3, 2: 3, 3: 2, 4: 3}  # period columns of a section when the form is unknown
DEFAULT_PIECE_GAP = 2  # spaces that set two pieces of a header line apart


def locate_layout_outcomes(
    lines: list[Block], findings: list[Finding], form: FormSpec | None, placed: bool = False
) -> list[OutcomeTable]:
    """`placed`: the text keeps each word at its place on the page (pdftotext -layout)."""
    start = next((i for i, line in enumerate(lines) if opens_outcomes(line.text)), None)
    if start is None:
        return []
    stream = read_stream(lines[start:], placed)
    join_wrapped_labels(stream)
    sections = sorted({h.section for h in stream.headings} | {c.section for c in stream.cells})
    used: set[int] = set()
    tables = []
    for section in sections:
        periods = _periods(stream, section, form)
        rebuild = grid_rows if stream.placed else section_rows
        drafts = rebuild(stream, section, periods, used)
        tables.append(_table(stream, section, periods, drafts, findings))
    return tables


def opens_outcomes(text: str) -> bool:
    key = "".join(text.split())
    return (key.startswith("【") and any(w in key for w in OUTCOMES_HEADING_WORDS)) or section_heading(
        text
    ) is not None


def _periods(stream: Stream, section: int, form: FormSpec | None) -> list[str]:
    """The section's period columns: the form's, else as many as its printed headers name."""
    if form is not None and section in form.outcome_periods:
        return list(form.outcome_periods[section])
    printed = [period_of_header(label) for label in _printed_labels(stream, section)]
    known = list(dict.fromkeys(p for p in printed if p is not None))  # a header repeated on a page
    return known or ["baseline", "plan", "actual"][: DEFAULT_PERIODS[section]]


def _printed_labels(stream: Stream, section: int) -> list[str]:
    """Period headers printed under the section's heading (before the next heading)."""
    heading = next((h for h in stream.headings if h.section == section), None)
    if heading is None:
        return []
    after = [h.order for h in stream.headings if h.order > heading.order]
    end = min(after, default=stream.order + 1)
    headers = [h for h in stream.headers if heading.order < h.order < end]
    if stream.placed:
        return [
            label
            for block in header_blocks(headers)
            for label in placed_period_labels([_placed_pieces(h.words) for h in block])
        ]
    return period_labels([[w.text for w in h.words] for h in headers])


def header_blocks(headers: list[Header]) -> list[list[Header]]:
    """The header printed again (over a page's continuation, at its own places on that page):
    a line holding a period word after a line of notes opens another block, whose notes go to
    its own words only."""
    blocks: list[list[Header]] = []
    for header in headers:
        words = bool(period_words(header.words))
        if not blocks or (words and not period_words(blocks[-1][-1].words)):
            blocks.append([header])
        else:
            blocks[-1].append(header)
    return blocks


def _placed_pieces(words: list[Word]) -> list[tuple[str, float]]:
    """A header line's pieces and their centers: words set apart by spaces, or a parenthesis
    that opens another header's note (`(…過去6 (…翌年`)."""
    groups: list[list[Word]] = []
    for word in words:
        previous = groups[-1][-1] if groups else None
        apart = previous is None or word.col - (previous.col + len(previous.text)) >= DEFAULT_PIECE_GAP
        if apart or opens_note(word.text):
            groups.append([word])
        else:
            groups[-1].append(word)
    out = []
    for group in groups:
        left, right = span_x(group)
        out.append((" ".join(w.text for w in group), (left + right) / 2))
    return out


def _column_labels(stream: Stream, section: int, periods: list[str]) -> tuple[str, ...]:
    """The header as printed for each period column; the period's word where none was read."""
    printed = _printed_labels(stream, section)
    words = {period: word for word, period in reversed(PERIOD_ALIASES)}
    out = []
    for period in periods:
        label = next((lab for lab in printed if period_of_header(lab) == period), None)
        out.append(label or words[period])
    return tuple(out)


def _table(
    stream: Stream, section: int, periods: list[str], drafts: SectionRows, findings: list[Finding]
) -> OutcomeTable:
    for detail, line in drafts.left_out:
        findings.append(Finding("cells_ambiguous", f"取組効果 {section}: {detail}; not assigned", line.span))
    rows = []
    left_out = len(drafts.left_out)
    for draft in drafts.rows:
        if draft.unread_reason is not None:
            findings.append(Finding("cells_ambiguous", _row_detail(section, draft), draft.line.span))
            left_out += 1
            continue
        label = (
            TextAt(draft.label.text, draft.label.line.span) if draft.label else TextAt("", draft.line.span)
        )
        cells = tuple(TextAt(_figure_text(c), _span(c.lines or [c.line])) for c in draft.cells)
        rows.append(OutcomeRow(label, cells))
    for stray in drafts.stray:
        if label_name(stray) and section != 4:
            detail = f"取組効果 {section}: label text {stray.text!r} taken by no row of figures"
            findings.append(Finding("unknown_wording", detail, stray.line.span))
    named = any(d.label is not None and label_name(d.label) for d in drafts.rows)
    heading = next((h for h in stream.headings if h.section == section), None)
    span = heading.line.span if heading is not None else (drafts.rows[0].line.span if drafts.rows else Span())
    columns = _column_labels(stream, section, periods)
    return OutcomeTable(section, columns, named, tuple(rows), span, rows_left_out=left_out)


def _figure_text(cell: CellDraft) -> str:
    """A cell as printed; a piece of the form's wording that holds no digit and is no whole
    cell (`死亡患者数`, the last line of a row title printed where a cell starts) is no figure
    cell, and gives no figure, not even a null one."""
    return "" if cell.blank and not cell.whole else cell.text


def _row_detail(section: int, draft: RowDraft) -> str:
    label = draft.label.text if draft.label is not None else "(no label)"
    printed = " | ".join(c.text for c in draft.cells)
    return f"取組効果 {section}: row {label!r} ({printed}): {draft.unread_reason}; not assigned"


def _span(lines: list[Block]) -> Span:
    return Span(line_start=lines[0].span.line_start, line_end=lines[-1].span.line_end)
