"""Rows of one 取組効果 section rebuilt from the layout stream.

Cells are taken in reading order, as many to a row as the section has period columns, and
ordered left to right where they printed side by side; where they printed column by column
(`layout_stacks`), rows are read across the columns' stacks. A row's label is printed beside its cells
(while they were being printed), or in a run of labels before its run of rows, or right after
it; labels left over go to rows left over in order when there are as many of each.

A row is certain when its label sat right before it and its cells came one after another; a
row placed any other way carries doubts, and keeps its figures only where the section's figures
confirm them (`layout_verify`). A row that cannot be placed at all has a problem: no figures.
"""

from __future__ import annotations

import regex

from normalizers.forms import (
    LAYOUT_CELL_RESIDUE,
    PERIOD_ALIASES,
    SECTION4_ROW_METRICS,
    first_word_match,
    is_total_label,
    period_of_header,
)
from normalizers.text import fold_width
from pipeline.locate.layout_cells import CellDraft, compact
from pipeline.locate.layout_headers import opens_note
from pipeline.locate.layout_row_parts import (
    BLANK_AMONG,
    LABEL_AMONG,
    LABEL_IN_EARLIER_ROW,
    TORN,
    RowDraft,
    SectionRows,
    label_name,
)
from pipeline.locate.layout_stacks import STACKED, stacked_rows
from pipeline.locate.layout_stream import Header, Label, Stream
from pipeline.locate.layout_verify import check_rows, confirm

_RESIDUE = regex.compile(LAYOUT_CELL_RESIDUE)
FORM_TEXT_AMONG = "the form's text printed between its cells"


def is_section4_label(text: str) -> bool:
    """A row label of section 4 (紹介数, 急変時の受入数, 逆紹介数): never an institution's."""
    return first_word_match(text, SECTION4_ROW_METRICS) is not None


def is_residue(label: Label) -> bool:
    """Text of a figure cell whose lines came out of order (`問診療: 回)`): not a label."""
    return _RESIDUE.search(fold_width(label.text)) is not None


def section_labels(stream: Stream, section: int, used: set[int]) -> list[Label]:
    """Labels printed next to this section's cells: the nearest cell before or after the label
    (with no section heading between) is one of this section's, or a cell of it was open."""
    headings = sorted(h.order for h in stream.headings)
    out = []
    for label in stream.labels:
        if id(label) in used or is_residue(label) or (section == 4) != is_section4_label(label.text):
            continue
        before = max((c for c in stream.cells if c.order < label.order), key=lambda c: c.order, default=None)
        after = min((c for c in stream.cells if c.order > label.order), key=lambda c: c.order, default=None)
        near = [
            c
            for c in (before, after)
            if c is not None
            and not any(min(c.order, label.order) < h < max(c.order, label.order) for h in headings)
        ]
        if any(c.section == section for c in near) or any(c.section == section for c in label.open_cells):
            out.append(label)
    return out


def section_rows(stream: Stream, section: int, periods: list[str], used: set[int]) -> SectionRows:
    cells = sorted((c for c in stream.cells if c.section == section), key=lambda c: c.order)
    result = SectionRows()
    if not cells:
        return result
    width = len(periods)
    if len(cells) % width:
        detail = f"{len(cells)} figure cells for {width} period columns: rows cannot be told apart"
        result.left_out.append((detail, cells[0].line))
        return result
    grouped = stacked_rows(cells, width) or [
        (_left_to_right(cells[i : i + width], stream), False) for i in range(0, len(cells), width)
    ]
    result.rows = [RowDraft(row, doubts=[STACKED] if across else []) for row, across in grouped]
    torn = is_torn(stream, section)
    # one row alone: no sums can tell whether its cells came in the columns' order
    apart = len(result.rows) == 1 and _first_column_apart(stream, section, cells)
    # one row whose blank cells printed right after their own column's header: its columns are told
    pinned = len(result.rows) == 1 and _under_their_headers(stream, section, cells, width)
    for row in result.rows:
        if torn:
            row.doubts.append(TORN)
        if apart:
            row.doubts.append("the first period column's header printed on its own, its cells elsewhere")
        if _form_text_inside(row, stream):
            row.doubts.append(FORM_TEXT_AMONG)
        if _interleaved(row.cells, stream):
            row.doubts.append("its cells printed line by line into each other")
        if (
            row.has_figures
            and any(c.blank for c in row.cells)
            and not (pinned or STACKED in row.doubts or _on_one_line(row, stream))
        ):
            # a blank cell may print apart from the filled ones (default mode): reading order
            # is then not the columns' order
            row.doubts.append(BLANK_AMONG)
    labels_of_section = section_labels(stream, section, used)
    labels = _match_total(result.rows, labels_of_section)
    leftovers = _match_labels(result.rows, labels)
    leftovers = _match_after(result.rows, leftovers)
    result.stray = _match_in_order(result.rows, leftovers)
    used.update(id(r.label) for r in result.rows if r.label is not None)
    if _cells_before_heading(stream, section, cells):
        for row in result.rows:
            if row.label is not None and row.how not in ("beside", "total"):
                row.doubts.append("cells of the section printed before its heading, apart from their labels")
    elif _cells_before_labels(labels_of_section, result.rows):
        for row in result.rows:
            if row.label is not None and row.how not in ("beside", "total"):
                row.doubts.append("a row's cells printed before any label of the section")
    check_rows(result.rows, section)
    confirm(result.rows, section, periods, strict=True)
    return result


def _cells_before_heading(stream: Stream, section: int, cells: list[CellDraft]) -> bool:
    """A row's cells printed before the section's heading (at the end of the section above): its
    label printed after the heading, right before another row, which may take it."""
    heading = next((h for h in stream.headings if h.section == section), None)
    return heading is not None and any(c.order < heading.order for c in cells)


def _cells_before_labels(labels: list[Label], rows: list[RowDraft]) -> bool:
    """The first row of figures printed before any of the section's institution labels, and no
    label found at it: its label printed elsewhere, maybe right before another row, which took
    it (blank rows of unused template lines may print first)."""
    named = [lab.order for lab in labels if label_name(lab) and not is_total_label(lab.text)]
    first = next((r for r in rows if r.has_figures), None)
    if not named or first is None or first.cells[0].order > min(named):
        return False
    return first.label is None or first.how in ("order", "guess")  # its label was not found at it


def _first_column_apart(stream: Stream, section: int, cells: list[CellDraft]) -> bool:
    """The first period column printed as a block of its own (its word and parenthesis before
    the next column's word) with none of the section's cells in it: the columns were read as
    separate flows, and the cells' reading order need not be the columns' order."""
    heading = next((h for h in stream.headings if h.section == section), None)
    if heading is None or not cells:
        return False
    end = min((h.order for h in stream.headings if h.order > heading.order), default=stream.order + 1)
    headers = [h for h in stream.headers if heading.order < h.order < end]
    words = _period_words(headers)
    if len(words) < 2:
        return False
    notes = [h.order for h in headers if opens_note(h.text) and words[0] < h.order < words[1]]
    if not notes:
        return False
    return not any(notes[0] < c.order < words[1] for c in cells)


def _under_their_headers(stream: Stream, section: int, cells: list[CellDraft], width: int) -> bool:
    """A lone row whose blank cells are told by the headers: each blank cell printed right after
    its own column's word (its block: the word, its note, the cell, before the next column's
    word), alone there, and every cell printed after its own column's word, none before
    (`現 状` / `(…状況)` / `名` / `取組目標` / `実 績` / … / `12 名` / `14 名`). A blank cell may
    print apart from the filled ones; one printed in its own column's block is that column's,
    and the filled cells keep their order."""
    heading = next((h for h in stream.headings if h.section == section), None)
    if heading is None or len(cells) != width:
        return False
    end = min((h.order for h in stream.headings if h.order > heading.order), default=stream.order + 1)
    words = _period_words([h for h in stream.headers if heading.order < h.order < end])
    if len(words) != width:
        return False
    bounds = [*words, end]
    block_of = [
        next((k for k in range(width) if bounds[k] < c.order and c.last < bounds[k + 1]), None) for c in cells
    ]
    for index, (cell, block) in enumerate(zip(cells, block_of, strict=True)):
        if block is None or block < index:
            return False  # printed before its own column's word, or across two blocks
        if cell.blank and (block != index or block_of.count(block) != 1):
            return False
    return True


def _period_words(headers: list[Header]) -> list[int]:
    """Where each period word printed, also one printed a character a line (`現` / `状`)."""
    words: list[int] = []
    skip = False
    for header, after in zip(headers, [*headers[1:], None], strict=True):
        if skip or opens_note(header.text):
            skip = False
            continue
        if period_of_header(header.text) is not None or _holds_period_word(header.text):
            words.append(header.order)
        elif after is not None and not opens_note(after.text) and period_of_header(header.text + after.text):
            words.append(header.order)
            skip = True
    return words


def _holds_period_word(text: str) -> bool:
    """A period word printed with another piece of header text (`数現状`: the row label's end)."""
    key = compact(text)
    return any(len(word) > 1 and word in key for word, _ in PERIOD_ALIASES)


def is_torn(stream: Stream, section: int) -> bool:
    """Digits printed apart from every cell, nearest to this section's cells: a figure of the
    section lost some of its digits (`２` of `２３回`)."""
    strays = list(stream.stray_figures)
    strays += [lab.order for lab in stream.labels if is_residue(lab) and any(ch.isdigit() for ch in lab.text)]
    for order in strays:
        nearest = min(
            stream.cells, key=lambda c: min(abs(c.order - order), abs(c.last - order)), default=None
        )
        if nearest is not None and nearest.section == section:
            return True
    return False


def _left_to_right(cells: list[CellDraft], stream: Stream) -> list[CellDraft]:
    """Reading order, except where two cells printed pieces on one line: there, left first."""
    ordered = list(cells)
    for line in stream.side_by_side:
        shared = [c for c in line if c in ordered]
        if len(shared) > 1 and [ordered.index(c) for c in shared] != sorted(ordered.index(c) for c in shared):
            slots = sorted(ordered.index(c) for c in shared)
            for slot, cell in zip(slots, shared, strict=True):
                ordered[slot] = cell
    return ordered


def _on_one_line(row: RowDraft, stream: Stream) -> bool:
    """Every cell of the row printed a piece on one line: the cells stood side by side at one
    height of the page, each in its own column, in the line's left-to-right order; a blank cell
    among them printed where its column is, never apart from the filled ones."""
    own = {id(c) for c in row.cells}
    return any(len(line) == len(row.cells) and {id(c) for c in line} == own for line in stream.side_by_side)


def _form_text_inside(row: RowDraft, stream: Stream) -> bool:
    """The form's own text printed between the row's first and last cell: the page's columns
    were read apart, and the cells' reading order need not be the columns' (a row's label column
    printed after two of its cells, then the first column's cell)."""
    first, last = min(c.order for c in row.cells), max(c.last for c in row.cells)
    return any(first < place < last for place in stream.form_text)


def _interleaved(cells: list[CellDraft], stream: Stream) -> bool:
    """Two cells of the row whose lines alternated without ever printing side by side: which of
    them is left of the other is not known."""
    for i, first in enumerate(cells):
        for second in cells[i + 1 :]:
            a, b = sorted((first, second), key=lambda c: c.order)
            if a.last > b.order and not any(a in line and b in line for line in stream.side_by_side):
                return True
    return False


def _match_total(rows: list[RowDraft], labels: list[Label]) -> list[Label]:
    """The 合計 row is the form's last row: its one label names it wherever it printed (a merged
    cell printed before or after the table); the section's figures must confirm it."""
    totals = [lab for lab in labels if is_total_label(lab.text)]
    if len(totals) != 1 or not rows:
        return labels
    last = rows[-1]
    last.label, last.how = totals[0], "total"
    last.doubts.append("its 合計 label printed apart from it")
    return [lab for lab in labels if lab is not totals[0]]


def _match_labels(rows: list[RowDraft], labels: list[Label]) -> list[Label]:
    """Labels beside their rows, then each run of labels with the run of rows printed after it.
    A label printed between the first and last cell of a row breaks the reading order: that row
    and the rows after it are in doubt. Returns the labels no row took."""
    first = {id(r.cells[0]): index for index, r in enumerate(rows)}
    started: dict[int, int] = {}  # row index -> cells started so far
    events: list[tuple[int, Label | CellDraft]] = [(lab.order, lab) for lab in labels]
    events += [(c.order, c) for r in rows for c in r.cells]
    runs: list[tuple[list[Label], list[RowDraft]]] = [([], [])]
    current, broken = -1, False
    for _, event in sorted(events, key=lambda e: e[0]):
        if isinstance(event, Label):
            row = rows[current] if current >= 0 else None
            if row is not None and started[current] < len(row.cells):
                broken = True  # printed inside a row: rows and cells may no longer line up
                row.doubts.append(LABEL_AMONG)
            # a row some run of labels printed before it will take, whichever run is the last
            claimed = row is not None and any(
                row in run_rows and run_rows.index(row) < len(run_labels) for run_labels, run_rows in runs
            )
            if (
                row is not None
                and row.label is None
                and not claimed
                and _beside(row, started[current], event)
            ):
                row.label, row.how = event, "beside"
            elif runs[-1][1]:
                runs.append(([event], []))
            else:
                runs[-1][0].append(event)
            continue
        if id(event) in first:
            current = first[id(event)]
            runs[-1][1].append(rows[current])
            if broken:
                rows[current].doubts.append(LABEL_IN_EARLIER_ROW)
        started[current] = started.get(current, 0) + 1
    leftovers: list[Label] = []
    for run_labels, run_rows in runs:
        if len(run_rows) > 1 or len(run_labels) > 1:
            for row in run_rows:  # labels and rows printed in blocks, not one after the other
                row.doubts.append("rows printed in a block apart from their labels")
        leftovers += _match_run(run_labels, [r for r in run_rows if r.label is None])
    return leftovers


def _match_run(labels: list[Label], rows: list[RowDraft]) -> list[Label]:
    """Labels printed one after another, then the rows printed after them: one and one is
    certain; as many of each go in order; else rows with figures take named labels (the nearest
    where there are more labels, the first rows where there are more rows) and blank rows take
    empty ones (`・`). Returns the labels no row took."""
    if not labels or not rows:
        return labels
    if len(labels) == len(rows):
        _zip(labels, rows, "before" if len(rows) == 1 else "run")
        return []
    named = [lab for lab in labels if label_name(lab)]
    empty = [lab for lab in labels if not label_name(lab)]
    figures = [r for r in rows if r.has_figures]
    blanks = [r for r in rows if not r.has_figures]
    taken = named[-len(figures) :] if figures and len(named) > len(figures) else named[: len(figures)]
    if len(named) == 1 and taken:
        _zip(taken, figures[:1], "before")  # the one label printed right before its run's first row
    else:
        _zip(taken, figures, "guess")
    taken_empty = empty[-len(blanks) :] if blanks and len(empty) > len(blanks) else empty[: len(blanks)]
    _zip(taken_empty, blanks, "before")
    used = {id(lab) for lab in taken + taken_empty}
    return [lab for lab in labels if id(lab) not in used]


def _zip(labels: list[Label], rows: list[RowDraft], how: str) -> None:
    for label, row in zip(labels, rows, strict=False):
        row.label, row.how = label, how
        if how == "run":
            row.doubts.append("its label matched by print order in a run of as many labels")
        elif how == "guess":
            row.guess = "its label one of more labels than rows printed before them"


def _beside(row: RowDraft, started: int, label: Label) -> bool:
    """The label was printed while the row's cells were: some not yet begun, or still open."""
    return started < len(row.cells) or any(c in label.open_cells for c in row.cells)


def _match_after(rows: list[RowDraft], leftovers: list[Label]) -> list[Label]:
    """A label printed right after a row that has none (a merged 合計 cell printed last)."""
    still = []
    for label in leftovers:
        before = [r for r in rows if r.cells[0].order < label.order]
        row = before[-1] if before else None
        between = row is not None and any(
            r.label is not None and row.cells[0].order < r.label.order < label.order for r in rows
        )
        if row is not None and row.label is None and not between:
            row.label, row.how = label, "after"
            if not (is_total_label(label.text) and row is rows[-1]):
                row.guess = "its label printed after it"
        else:
            still.append(label)
    return still


def _match_in_order(rows: list[RowDraft], leftovers: list[Label]) -> list[Label]:
    """Rows with figures and no label, and named labels no row took: matched in order when
    there are as many of each. Returns the labels still left."""
    bare = [r for r in rows if r.label is None and r.has_figures]
    named = [lab for lab in leftovers if label_name(lab)]
    if bare and len(bare) == len(named):
        for row, label in zip(bare, named, strict=True):
            row.label, row.how = label, "order"
            row.guess = "its label printed away from it, matched by print order"
        return [lab for lab in leftovers if not label_name(lab)]
    return leftovers
