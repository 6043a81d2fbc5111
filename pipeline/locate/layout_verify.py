"""Whether the figures of a 取組効果 section, as rows were rebuilt from layout text, agree with
what the form says they must: the institutions add up to the 合計 row, period by period and
figure by figure; in section 4, rows come in the form's order and 差 is 実績 − 現状.

Rows placed by inference (labels matched by print order, cells printed out of row order) keep
their figures only where the section agrees; a shift of rows or columns breaks these sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from normalizers.forms import (
    SECTION4_ROW_METRICS,
    SECTION4_ROW_ORDER,
    SECTION_CELLS,
    first_word_match,
    is_total_label,
)
from normalizers.numbers import parse_int
from normalizers.text import compiled, fold_width
from pipeline.locate.layout_cells import CellDraft
from pipeline.locate.layout_row_parts import (
    BLANK_AMONG,
    BY_ORDER,
    CELLS_MAY_MOVE,
    TORN,
    RowDraft,
    label_name,
)

Verdict = Literal["holds", "fails", "unknown"]


@dataclass(frozen=True)
class Agreement:
    verdict: Verdict
    failing: frozenset[int] = frozenset()  # period columns whose figures do not add up
    checked: frozenset[int] | None = None  # period columns a sum checked (None: every column)


def cell_values(section: int, text: str) -> dict[str, int | None]:
    """The figures a cell prints, by metric (None: blank or unreadable)."""
    folded = fold_width(text)
    values: dict[str, int | None] = {}
    for pattern in SECTION_CELLS[section]:
        match = compiled(pattern.pattern).search(folded)
        printed = match.group("v").strip() if match else ""
        values[pattern.metric] = parse_int(printed) if printed else None
    return values


def sums_hold(
    section: int, labels: Sequence[str], rows: Sequence[Sequence[str]], periods: Sequence[str]
) -> Agreement:
    """`labels[i]` and the printed cells `rows[i]` of each row of the section."""
    if section == 4:
        return Agreement(_section4_holds(labels, rows, periods))
    totals = [i for i, label in enumerate(labels) if is_total_label(label)]
    if len(totals) != 1:
        return Agreement("unknown")
    total = [cell_values(section, c) for c in rows[totals[0]]]
    parts = [[cell_values(section, c) for c in row] for i, row in enumerate(rows) if i not in totals]
    checked, failing = set(), set()
    for column, expected in enumerate(total):
        for metric, value in expected.items():
            figures = [part[column].get(metric) for part in parts]
            if value is None or any(f is None for f in figures):
                continue
            checked.add(column)
            if sum(f for f in figures if f is not None) != value:
                failing.add(column)
    if failing:
        return Agreement("fails", frozenset(failing), frozenset(checked))
    return Agreement("holds" if checked else "unknown", checked=frozenset(checked))


def _section4_holds(labels: Sequence[str], rows: Sequence[Sequence[str]], periods: Sequence[str]) -> Verdict:
    """Rows in the form's order of counts, and 差 = 実績 − 現状 in every row (without a 差 column
    nothing confirms the cells)."""
    metrics = [first_word_match(label, SECTION4_ROW_METRICS) for label in labels]
    if None in metrics:
        return "unknown"
    ranks = [SECTION4_ROW_ORDER.index(m) for m in metrics if m is not None]
    if ranks != sorted(ranks):
        return "fails"
    if "difference" not in periods:
        return "unknown"  # the order of the rows says nothing of where their cells were printed
    a, b, d = (periods.index(p) for p in ("baseline", "actual", "difference"))
    for row in rows:
        values = [cell_values(4, c).get("count") for c in row]
        if None not in (values[a], values[b], values[d]) and values[b] - values[a] != values[d]:  # type: ignore[operator]
            return "fails"
    return "holds"


def check_rows(rows: list[RowDraft], section: int) -> None:
    """Problems that keep a row's figures from being placed at all."""
    named_table = any(r.label is not None and label_name(r.label) for r in rows)
    for row in rows:
        if not row.has_figures:
            continue
        if any(not c.whole for c in row.cells):
            row.unread_reason = "a cell whose printed pieces do not make a whole cell"
        elif row.guess is not None:
            row.unread_reason = f"{row.guess}: which row a label names is never guessed"
            row.label_in_doubt = True
        elif row.label is None and (named_table or len(rows) > 1):
            row.unread_reason = "no label printed where its row can be told"
            row.label_in_doubt = True
        elif row.label is not None and not label_name(row.label) and not is_total_label(row.label.text):
            row.unread_reason = "figures in a row whose label is empty"
            row.label_in_doubt = True
        elif row.label is not None and row.label.cut:
            row.unread_reason = f"its label {row.label.text!r} may be cut short (no facility word ends it)"
        elif any(c.unsure for c in row.cells) and not all(_adds_up(section, c) for c in row.cells):
            row.unread_reason = "a figure that could belong to another cell, and the cell does not add up"
        elif any(c.unsure and not c.blank for c in row.cells) and section != 2:
            # only 合計回数 = 往診 + 訪問診療 tells a cell's own figures apart; elsewhere the section's must
            row.doubts.append("a figure that could belong to another cell")
        elif TORN in row.doubts and section in (2, 3) and not all(_adds_up(section, c) for c in row.cells):
            row.unread_reason = f"{TORN}, and the cell does not add up"
        elif section in (2, 3) and any(_mixable(c) and not _adds_up(section, c) for c in row.cells):
            row.unread_reason = (
                "a cell printed over several lines whose figures do not add up: its pieces may be mixed"
            )
    if any(r.label is None and r.has_figures for r in rows) and (named_table or len(rows) > 1):
        for row in rows:  # a cell printed apart from its row: any row's blank may stand for it
            if row.label is not None and row.has_figures and ORPHAN not in row.doubts:
                row.doubts.append(ORPHAN)


# figures in a row no label can be told for: printed apart from the row they belong to
ORPHAN = "figures of the section printed in no labelled row, which may be this row's"


DEFAULT_MAX_FAILING_COLUMNS = 0  # more columns not adding up than this: the rows themselves are misread


def confirm(rows: list[RowDraft], section: int, periods: list[str], strict: bool) -> None:
    """Rows in doubt keep their figures only where the section's figures agree. `strict` (rows
    rebuilt from reading order alone): where the 合計 disagrees with the institutions, cells may
    have moved between rows or columns unseen, so no row of the section is placed."""
    placed = [r for r in rows if r.unread_reason is None and r.label is not None]
    labels = [r.label.text for r in placed if r.label is not None]
    agreement = sums_hold(section, labels, [[c.text for c in r.cells] for r in placed], periods)
    # whether cells moved between rows or columns does not hang on the labels: the rows whose
    # only problem is their label count in these sums too (their figures stay unplaced); rows in
    # doubt still need the placed rows' sums to confirm them
    read = [r for r in rows if (r.unread_reason is None or r.label_in_doubt) and r.has_figures]
    moved = agreement
    if section != 4 and len(read) > len(placed):
        labels_read = [r.label.text if r.label is not None and not r.label_in_doubt else "" for r in read]
        whole = sums_hold(section, labels_read, [[c.text for c in r.cells] for r in read], periods)
        moved = whole if whole.verdict != "unknown" else agreement
    if strict and len(moved.failing) > DEFAULT_MAX_FAILING_COLUMNS:
        columns = ", ".join(periods[i] for i in sorted(moved.failing))
        for row in rows:
            if row.unread_reason is None and row.has_figures:
                row.unread_reason = (
                    f"the section's 合計 disagrees with its rows in {columns}: cells may have moved"
                )
        return
    if agreement.verdict == "holds":
        if strict:
            _unconfirmed_columns(rows, agreement, periods)
            _exchangeable(rows, section, periods)
        else:  # cells put under columns by their order need those columns' sums
            _unconfirmed_columns([r for r in rows if BY_ORDER in r.doubts], agreement, periods)
        return
    for row in rows:
        if row.doubts and row.unread_reason is None and row.has_figures:
            why = "do not add up" if agreement.verdict == "fails" else "cannot confirm it"
            row.unread_reason = f"{'; '.join(row.doubts)}, and the section's figures {why}"


def _unconfirmed_columns(rows: list[RowDraft], agreement: Agreement, periods: list[str]) -> None:
    """The sums hold, but only in the columns they could check (a blank cell, or a blank 合計,
    leaves a column unchecked): a row in doubt keeps its figures only where every column it has
    a figure in was checked. Its figure in an unchecked column may be another column's (a 合計
    row whose cells printed into each other: 取組目標's figure first, 現状 blank). A row in doubt
    for its blank cell needs the columns of its blank cells checked too, where other rows have
    figures: the blank may stand where another row's cell printed (cells taken three to a row
    from a reading order shifted by blank cells, every column still adding up)."""
    if agreement.checked is None:
        return
    filled = {i for row in rows for i, c in enumerate(row.cells) if not c.blank}
    for row in rows:
        if not row.doubts or row.unread_reason is not None or not row.has_figures:
            continue
        blank_doubt = BLANK_AMONG in row.doubts
        columns = [i for i, c in enumerate(row.cells) if not c.blank or (blank_doubt and i in filled)]
        unchecked = [periods[i] for i in columns if i not in agreement.checked]
        if unchecked:
            row.unread_reason = (
                f"{'; '.join(row.doubts)}, and the section's figures cannot confirm its "
                f"{', '.join(unchecked)} cells"
            )


def _exchangeable(rows: list[RowDraft], section: int, periods: list[str]) -> None:
    """A column's sum holds whichever of two rows in doubt holds which of their figures: where
    two rows in doubt print different figures in one column, the sums cannot tell them apart
    (a label printed between a row's cells: the cells after it may be the next row's)."""
    doubtful = [
        r
        for r in rows
        if any(d in CELLS_MAY_MOVE for d in r.doubts)
        and r.unread_reason is None
        and r.has_figures
        and not (r.label is not None and is_total_label(r.label.text))  # a 合計 exchanged breaks the sums
    ]
    for column, period in enumerate(periods):
        values = {
            id(r): cell_values(section, r.cells[column].text) for r in doubtful if not r.cells[column].blank
        }
        if len({tuple(sorted(v.items(), key=lambda kv: kv[0])) for v in values.values()}) < 2:
            continue
        for row in doubtful:
            if id(row) in values and row.unread_reason is None:
                row.unread_reason = (
                    f"{'; '.join(row.doubts)}: the sums hold, but another row in doubt prints "
                    f"another {period} figure, which this row may hold instead"
                )


def _mixable(cell: CellDraft) -> bool:
    """Printed over several lines, one space from another cell's pieces (or with a piece that
    could have gone elsewhere): its pieces may be another cell's."""
    return len(cell.parts) > 1 and (cell.crowded or cell.unsure)


def _adds_up(section: int, cell: CellDraft) -> bool:
    """A cell's own figures agree: 往診 + 訪問診療 = 合計回数, 医療機関以外 <= 死亡患者数."""
    values = cell_values(section, cell.text)
    if cell.blank:
        return True
    if section == 2:
        total, a, b = values.get("visits"), values.get("visits_on_call"), values.get("visits_scheduled")
        return total is not None and a is not None and b is not None and a + b == total
    if section == 3:
        deaths, outside = values.get("deaths"), values.get("deaths_outside_hospital")
        return deaths is not None and (outside is None or outside <= deaths)
    return False
