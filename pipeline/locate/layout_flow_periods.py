"""Default-mode text: the period columns' paragraphs read as bullets of the 取組内容 column.

pdftotext's default mode prints a table cell as a paragraph of its own. The 取組内容 column is wide and
the 現状/目標/実績 columns narrow, so a paragraph printed after an item's bullets whose every line is
well short of a full line of the 取組内容 column is the period columns' (one cell, or several printed
side by side), even where its lines open with a list marker (`・医療機関への協力依頼（1` | `0 月中）`):
a bullet's lines fill the column but for its last one. Which period cell it is stays unknown (the
caller leaves it unread); only the bullets no longer take it in.
"""

from __future__ import annotations

from collections.abc import Callable

from extractors.blocks import Block


def period_paragraphs(
    content: list[Block],
    others: list[Block],
    title: list[Block],
    headers: set[int],
    printed: set[int | None],
    narrow: Callable[[str], bool],
    open_at_edge: Callable[[str], bool],
) -> list[Block]:
    """The content lines that are a period column's: those of a paragraph (a run of printed lines)
    after the item's first paragraph of bullets, made of the item's own lines (`others`: its period
    lines and drawings, never a title's line) and the period columns' headers (the line numbers
    `headers`: default mode may print a column's header right above its cells), each of the
    item's lines `narrow`, where the content
    line printed last above it is not `open_at_edge` (a sentence left open at the column's edge:
    the paragraph could be the rest of that bullet, printed after a page break). Not where a blank
    line prints after every line of the item, its `title` too: such a print makes each line a
    paragraph."""
    if not content:
        return []
    own = {b.span.line_start: b for b in (*content, *others)}
    ordered = sorted(content, key=_number)
    if not any(_number(b) + 1 in printed for b in (*title, *content, *others)):
        return []  # a blank line after every line (a double-spaced print): paragraphs tell nothing
    first_end = _run(_number(ordered[0]), printed)[1]
    moved: list[Block] = []
    seen: set[int] = set()
    for line in ordered:
        start, end = _run(_number(line), printed)
        if start in seen or start <= first_end:
            continue
        seen.add(start)
        run = [own.get(n) for n in range(start, end + 1) if n not in headers]
        blocks = [b for b in run if b is not None]
        if not blocks or len(blocks) < len(run) or not all(narrow(b.text.strip()) for b in blocks):
            continue
        above = [b for b in ordered if _number(b) < start and b not in moved]
        if above and open_at_edge(above[-1].text.strip()):
            continue
        moved += [b for b in blocks if b in content]
    return moved


def _number(line: Block) -> int:
    return line.span.line_start or 0


def _run(number: int, printed: set[int | None]) -> tuple[int, int]:
    """The first and last line of the run of printed lines holding `number`."""
    start, end = number, number
    while start - 1 in printed:
        start -= 1
    while end + 1 in printed:
        end += 1
    return start, end
