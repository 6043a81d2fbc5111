"""The 現状 / 取組目標（計画）/ 実績 cells: zero, one or several segments, counts and other text.

Following SCHEMA.md: a segment states a count only as `3回`, `1回/年`, `2回（9月～3月）`,
`…講師派遣（1回）`, `…の開催：0回`, `… 18回`; a rate (`※定期的（1回/4箇月）開催`, `月2回程度`)
and `随時` are no count. Unmarked segments (split by paragraph breaks) only come before marked
ones: after a marked segment, an unmarked paragraph would read as its continuation.
"""

from __future__ import annotations

from generator import datefmt, phrases
from generator.invent_items import Writer
from generator.truth import PERIODS, Segment, StatusCell

SEGMENT_MARKERS = ("・", "・", "*", "◆", "▶", "＊")
DEFAULT_EMPTY_CELL_RATE = 0.2


def count_segment(w: Writer, unit: str = "回") -> Segment:
    n = w.rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 18, 24))
    number = w.number(n)
    activity = w.rng.choice(phrases.ACTIVITIES)
    form = w.rng.choice(("whole", "whole", "per_year", "months", "paren", "colon", "space"))
    if unit == "件" or form == "whole":
        return Segment(None, f"{number}{unit}", n, unit)
    if form == "per_year":
        return Segment(None, f"{number}回/年", n, "回")
    if form == "months":
        months = datefmt.month_range(w.rng, w.fiscal_year)
        return Segment(None, f"{number}回（{months.raw}）", n, "回", (months,))
    if form == "paren":
        return Segment(None, f"{activity}（{number}回）", n, "回")
    if form == "colon":
        return Segment(None, f"{activity}：{number}回", n, "回")
    return Segment(None, f"{activity} {number}回", n, "回")


def plain_segment(w: Writer) -> Segment:
    template = w.rng.choice(phrases.PLAIN_SEGMENTS)
    return Segment(None, w.fill(template, n=w.rng.randint(1, 4)).text, None, None)


def dated_segment(w: Writer) -> Segment:
    template = w.rng.choice(phrases.DATED_SEGMENTS)
    if "中）" in template:
        date = datefmt.month_mention(w.rng, w.fiscal_year, with_year=w.rng.random() < 0.3)
    elif template.startswith("調査期間"):
        date = w.rng.choice((datefmt.day_range, datefmt.month_range))(w.rng, w.fiscal_year)
    else:
        date = w.day()
    written = w.fill(template, date)
    return Segment(None, written.text, None, None, written.dates)


def note_segment(w: Writer) -> Segment:
    return Segment(None, w.fill(w.rng.choice(phrases.NOTE_SEGMENTS)).text, None, None)


def _segments(w: Writer, count: int) -> list[Segment]:
    out = []
    for _ in range(count):
        roll = w.rng.random()
        if roll < 0.45:
            out.append(count_segment(w, "件" if w.rng.random() < 0.1 else "回"))
        elif roll < 0.7:
            out.append(plain_segment(w))
        else:
            out.append(dated_segment(w))
    return out


def _marked(w: Writer, segments: list[Segment]) -> tuple[Segment, ...]:
    """Markers on the segments: none (each its own paragraph), all, or all but the first."""
    if len(segments) < 2 and w.rng.random() < 0.8:
        return tuple(segments)
    style = w.rng.choice(("none", "all", "after_first"))
    marker = w.rng.choice(SEGMENT_MARKERS)
    if style == "none":
        return tuple(segments)
    start = 1 if style == "after_first" else 0
    return tuple(
        s if i < start else Segment(marker, s.text, s.value, s.unit, s.dates) for i, s in enumerate(segments)
    )


def status_cell(
    w: Writer, period: str, group_line: str | None = None, reference: str | None = None
) -> StatusCell:
    count = 0 if w.rng.random() < DEFAULT_EMPTY_CELL_RATE else w.rng.choice((1, 1, 1, 2, 2, 3, 4, 6))
    segments = _segments(w, count)
    if segments and w.rng.random() < 0.15:  # a ※ note: unmarked, so it sits before any marked one
        segments.insert(w.rng.randint(0, 1), note_segment(w))
        return StatusCell(period, tuple(segments), group_line, reference)
    return StatusCell(period, _marked(w, segments), group_line, reference)


def status_cells(
    w: Writer, group_line: str | None = None, reference: str | None = None
) -> tuple[StatusCell, ...]:
    """The three cells of one item; the group line, where given, opens the 現状 cell."""
    return tuple(
        status_cell(w, period, *((group_line, reference) if period == "baseline" else (None, None)))
        for period in PERIODS
    )
