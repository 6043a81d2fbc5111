"""A file's blocks -> its parts: one per report, one per stretch of other material (a cover letter,
the guidance slides). A file holding one report is one part.

Decided from the content only (`signals`), in one pass over the blocks and one over the
units they form (no quadratic work):

1. units: each anchor opens a unit, unless it runs on from the unit before (a 取組 table whose
   first item is not 1, a member list or 取組効果 section continued over a page). A 取組 table
   restarting at item 1 (or unnumbered, after a title), a 取組 table after 取組効果
   sections, a 取組効果 section numbered lower than the one before, each opens a new report's unit.
   A unit begins at the opening wording printed right before its anchor (title, 別添 label,
   introduction; lines wrapped from them);
2. other material: a title that opens a stretch with no report structure and text of its own (a
   cover letter, guidance slides) becomes a unit of its own; so does such a stretch before the
   first report. Smaller stretches (a page header) stay with their neighbour;
3. pairing (`pairs`): each 別添1 member list joins the report printed right before or after
   it (the 別添1 may print before or after the 取組 table); where that cannot be told, it stays a
   part of its own with a `member_list_unpaired` finding, never merged into a wrong report.

A report that starts without any opening wording (its table restarts) carries a `split_uncertain`
finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.blocks import Block, Finding
from normalizers.forms import classify_document
from pipeline.split.pairs import Unit, pair_units
from pipeline.split.signals import Signal, signals_of

DEFAULT_MIN_OTHER_CHARS = 120  # printed characters (outside opening wording) of a part of its own
DEFAULT_MIN_TITLED_OTHER_LINES = 3  # or lines of its own after a title (a cover letter)
DEFAULT_MAX_WRAP_LINES = 3  # lines a wrapped opening line may run on over
DEFAULT_MAX_HEADER_GAP = 24  # layout lines of a table's first columns before the header line
DEFAULT_MAX_CELL_CHARS = 40  # a longer line is not one cell of a table


@dataclass(frozen=True)
class Part:
    """Blocks [start, end) of the file, a report (possibly with its member list) or other material."""

    start: int
    end: int
    is_report: bool
    findings: tuple[Finding, ...] = field(default=())


@dataclass
class _State:
    """What the unit being read has shown since its anchor."""

    kind: str = "other"
    anchor: int = -1
    last_section: int | None = None
    opener_since_anchor: bool = False
    # A title or the 取組 heading: other opening wording (a 別添 label, `グループ名` in a status
    # cell of layout text) may print inside a report, these only where one begins.
    title_since_anchor: bool = False
    title_since_section: bool = False
    has_outcomes: bool = False
    items_seen: bool = False  # a 取組 table (not only its heading)


def split_parts(blocks: Sequence[Block]) -> list[Part]:
    signals = signals_of(blocks)
    units = _anchor_units(blocks, signals)
    units = _with_other_material(blocks, signals, units)
    return [Part(u.start, u.end, u.is_report, u.findings) for u in pair_units(units, blocks)]


def _anchor_units(blocks: Sequence[Block], signals: list[Signal]) -> list[Unit]:
    units: list[Unit] = []
    state = _State()
    for index, signal in enumerate(signals):
        if signal.opener:
            state.opener_since_anchor = True
            if not signal.report_wording:
                state.title_since_anchor = state.title_since_section = True
        if signal.anchor is None:
            continue
        kind = _opens_unit(state, signal)
        if kind is not None:
            gap = DEFAULT_MAX_HEADER_GAP if blocks[index].kind == "line" else 0
            start = preamble_start(signals, index, floor=state.anchor + 1, gap=gap)
            finding = _uncertain_start(blocks, signals, index, start, kind) if units else None
            units.append(Unit(start, len(blocks), kind, index, (finding,) if finding else ()))
            if len(units) > 1:
                units[-2] = units[-2].until(start)
            state = _State(kind=kind, anchor=index)
        if signal.anchor == "items" and not signal.opener:  # a 取組 table, not its heading
            state.items_seen = True
        if signal.anchor == "outcomes":
            state.last_section = signal.number or state.last_section
            state.has_outcomes, state.title_since_section = True, False
        state.anchor, state.opener_since_anchor, state.title_since_anchor = index, False, False
    return units


def _opens_unit(state: _State, signal: Signal) -> str | None:
    """The kind of unit this anchor opens ("body" or "annex"), or None when it runs on."""
    if signal.anchor == "items":
        if state.kind != "body" or state.has_outcomes:
            return "body"
        restarts = signal.number == 1 or (signal.number is None and state.title_since_anchor)
        return "body" if restarts and state.items_seen else None  # 2, 3: the table runs on
    if signal.anchor == "members":
        runs_on = state.kind == "annex" and not state.opener_since_anchor
        return None if runs_on else "annex"
    if state.kind != "body":
        return "body"  # 取組効果 with no 取組 table before it: a report whose table is unreadable
    section, last = signal.number, state.last_section
    restarts = (
        section is not None
        and last is not None
        and (section < last or (section == last and state.title_since_section))
    )
    return "body" if restarts else None


def preamble_start(signals: Sequence[Signal], anchor: int, floor: int, gap: int = 0) -> int:
    """Where the opening wording before `anchor` begins: the run of openers right before it,
    lines wrapped from an opener (no sentence end between) included. Up to `gap` short lines may
    stand between the run and the anchor (layout text prints a table's first column headers and
    cells before the header the anchor is on)."""
    start = anchor
    index = anchor - 1
    lowest = max(floor, 0, anchor - gap)
    while index >= lowest and _is_cell_line(signals[index]):
        index -= 1
    if index >= max(floor, 0) and index < anchor - 1 and not signals[index].opener:
        index = anchor - 1  # no opening wording before those lines: they are not a gap
    while index >= max(floor, 0):
        if signals[index].opener:
            start, index = index, index - 1
            continue
        wrapped_from = _wrapped_from(signals, index, floor)
        if wrapped_from is None:
            break
        start, index = wrapped_from, wrapped_from - 1
    return start


def _is_cell_line(signal: Signal) -> bool:
    return not signal.opener and signal.anchor is None and 0 < signal.text_chars <= DEFAULT_MAX_CELL_CHARS


def _wrapped_from(signals: Sequence[Signal], index: int, floor: int) -> int | None:
    """The opener a non-opening line wraps from: one within DEFAULT_MAX_WRAP_LINES before it,
    with no sentence ending in between."""
    for back in range(index - 1, max(floor, 0, index - DEFAULT_MAX_WRAP_LINES) - 1, -1):
        signal = signals[back]
        if signal.ends_sentence or signal.anchor is not None or not signal.text_chars:
            return None
        if signal.opener:
            return back
    return None


def _uncertain_start(
    blocks: Sequence[Block], signals: Sequence[Signal], anchor: int, start: int, kind: str
) -> Finding | None:
    if kind != "body" or start < anchor or signals[anchor].opener:
        return None
    what = "取組 table restarting at item 1" if signals[anchor].anchor == "items" else "取組効果 restarting"
    where = blocks[anchor].span
    detail = f"{where.describe()}: a new report assumed at a {what}, with no title or heading before it"
    return Finding("split_uncertain", detail, where)


def _with_other_material(blocks: Sequence[Block], signals: list[Signal], units: list[Unit]) -> list[Unit]:
    """Units of other material: the stretch before the first unit, and stretches after a unit's
    content that open with a title and hold no report structure, when they are large enough."""
    first = units[0].start if units else len(blocks)
    out = [Unit(0, first, "other", -1)] if first and _is_other(blocks, signals, 0, first) else []
    if units and not out:
        units[0] = Unit(0, units[0].end, units[0].kind, units[0].anchor, units[0].findings)
    if not units:
        return [Unit(0, len(blocks), "other", -1)] if blocks else []
    for unit in units:
        cut = _other_cut(blocks, signals, unit)
        if cut is None:
            out.append(unit)
        else:
            out += [unit.until(cut), Unit(cut, unit.end, "other", -1)]
    return out


def _other_cut(blocks: Sequence[Block], signals: list[Signal], unit: Unit) -> int | None:
    """The first title after the unit's anchor that opens a stretch of other material to its end."""
    anchor_kinds_after: list[int] = [i for i in range(unit.anchor + 1, unit.end) if signals[i].anchor]
    last_anchor = anchor_kinds_after[-1] if anchor_kinds_after else unit.anchor
    for index in range(last_anchor + 1, unit.end):
        if signals[index].title:
            start = preamble_start(signals, index, floor=last_anchor + 1)
            return start if _is_other(blocks, signals, start, unit.end) else None
    return None


def _is_other(blocks: Sequence[Block], signals: Sequence[Signal], start: int, end: int) -> bool:
    """Blocks [start, end) with no report structure nor wording only reports print, and text of
    their own: more than DEFAULT_MIN_OTHER_CHARS, or a title and DEFAULT_MIN_TITLED_OTHER_LINES
    lines (a cover letter)."""
    if any(s.report_wording for s in signals[start:end]):
        return False  # a 別添 label, a group-name line, the form's introduction: part of a report
    own = [s for s in signals[start:end] if not s.opener and s.text_chars]
    titled = any(s.title for s in signals[start:end]) and len(own) >= DEFAULT_MIN_TITLED_OTHER_LINES
    if sum(s.text_chars for s in own) < DEFAULT_MIN_OTHER_CHARS and not titled:
        return False
    text = "\n".join(b.text for b in blocks[start:end] if b.kind != "table")
    return classify_document(text) != "report"
