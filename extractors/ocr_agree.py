"""Figures only where two readers agree.

The characters of reader 1 (rapidocr, the better reader: its text is kept) and of reader 2
(Tesseract) are put in regions: a table cell, or outside tables a text line of reader 1. In each
region the digit strings of both readers (runs of digits, in reading order) are compared:

- the same strings: reader 1's characters are kept as read;
- not the same: every digit run of reader 1 in the region becomes one marker character
  `⟦12｜17⟧` (reader 1's digits ｜ reader 2's), so no figure is read from the region (a marker is
  no number) and the cell's `raw` keeps both readings; an `ocr_disagreement` finding names both
  readings of the region.

Digits are compared after folding full-width forms; nothing else is compared (names and text take
reader 1's reading).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from extractors.blocks import Finding, Span
from extractors.pdf_grid import Grid
from extractors.pdf_page import Char, lines_of

MARK_OPEN, MARK_SEP, MARK_CLOSE = "⟦", "｜", "⟧"
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
LINE_PAD_X = 0.5  # em left and right of a reader-1 line (outside tables) where reader 2's chars count
LINE_PAD_Y = 0.15  # em above and below its ink (the next line starts about 0.45 em away)
INK_HEIGHT = 0.9  # em: the height of a line's ink above its baseline


@dataclass(frozen=True)
class Region:
    key: Hashable
    bbox: tuple[float, float, float, float]  # page points


def is_digit(text: str) -> bool:
    return len(text) == 1 and text.translate(FULL_DIGITS).isascii() and text.translate(FULL_DIGITS).isdigit()


def cell_of(grids: list[Grid], owners: list[dict], x: float, y: float) -> Region | None:
    for index, (grid, owner) in enumerate(zip(grids, owners, strict=True)):
        x0, y0, x1, y1 = grid.bbox
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        slot = owner.get(grid.slot(x, y))
        if slot is None:
            return None
        bbox = next(b for r, c, b in grid.cells if (r, c) == slot)
        return Region(("cell", index, slot), bbox)
    return None


def line_region(index: int, line: list[Char]) -> Region:
    size = max(c.size for c in line)
    bbox = (
        min(c.x0 for c in line) - LINE_PAD_X * size,
        line[0].baseline - (INK_HEIGHT + LINE_PAD_Y) * size,
        max(c.x1 for c in line) + LINE_PAD_X * size,
        line[0].baseline + LINE_PAD_Y * size,
    )
    return Region(("line", index), bbox)


def regions_of_reader1(grids: list[Grid], lines: list[list[Char]]) -> list[tuple[Char, Region]]:
    """Each reader-1 character with its region: its table cell, else its own text line."""
    owners = [g.owners() for g in grids]
    placed = []
    for index, line in enumerate(lines):
        own = line_region(index, line)
        for ch in line:
            x, y = ch.mid
            placed.append((ch, cell_of(grids, owners, x, y) or own))
    return placed


def regions_of_reader2(grids: list[Grid], regions: Iterable[Region], chars: list[Char]) -> dict:
    """Reader-2 characters by the region of reader 1 they fall in (cells first, then lines)."""
    owners = [g.owners() for g in grids]
    lines = [r for r in regions if r.key[0] == "line"]  # type: ignore[index]
    out: dict[Hashable, list[Char]] = {}
    for ch in chars:
        x, y = ch.mid
        region = cell_of(grids, owners, x, y)
        if region is None:
            region = next(
                (r for r in lines if r.bbox[0] <= x <= r.bbox[2] and r.bbox[1] <= y <= r.bbox[3]), None
            )
        if region is not None:
            out.setdefault(region.key, []).append(ch)
    return out


def runs(chars: list[Char]) -> list[list[Char]]:
    """The digit runs of the characters in reading order (lines top to bottom, left to right)."""
    out: list[list[Char]] = []
    previous_digit = False
    for line in lines_of(chars):
        previous_digit = False
        for ch in line.chars:
            if is_digit(ch.text):
                if previous_digit:
                    out[-1].append(ch)
                else:
                    out.append([ch])
                previous_digit = True
            else:
                previous_digit = False
    return out


def digits(run: list[Char]) -> str:
    return "".join(c.text for c in run).translate(FULL_DIGITS)


def text_of(chars: list[Char]) -> str:
    return " / ".join(line.text.strip() for line in lines_of(chars))


def marked(run1: list[list[Char]], run2: list[list[Char]]) -> dict[int, Char]:
    """For each reader-1 run (by the id of its first char) the marker that replaces it."""
    first, second = [digits(r) for r in run1], [digits(r) for r in run2]
    paired = len(first) == len(second)
    out = {}
    for index, run in enumerate(run1):
        other = second[index] if paired else (",".join(second) if index == 0 else "")
        text = f"{MARK_OPEN}{first[index]}{MARK_SEP}{other}{MARK_CLOSE}"
        out[id(run[0])] = replace(run[0], text=text, x1=run[-1].x1)
    return out


def agree(
    grids: list[Grid], lines1: list[list[Char]], chars2: list[Char], pno: int, names: tuple[str, str]
) -> tuple[list[Char], list[Finding], list[Region]]:
    """Reader 1's characters with every figure the readers do not agree on marked; the findings;
    the regions where reader 1 reads digits (where reader 2 has to read)."""
    placed = regions_of_reader1(grids, lines1)
    by_region: dict[Hashable, list[Char]] = {}
    regions: dict[Hashable, Region] = {}
    for ch, region in placed:
        by_region.setdefault(region.key, []).append(ch)
        regions[region.key] = region
    second = regions_of_reader2(grids, regions.values(), chars2)
    replaced: dict[int, Char] = {}
    dropped: set[int] = set()
    findings = []
    with_digits = []
    for key, chars in by_region.items():
        run1 = runs(chars)
        if not run1:
            continue
        with_digits.append(regions[key])
        run2 = runs(second.get(key, []))
        if [digits(r) for r in run1] == [digits(r) for r in run2]:
            continue
        for run in run1:
            dropped.update(id(c) for c in run[1:])
        replaced.update(marked(run1, run2))
        x0, y0, x1, y1 = regions[key].bbox
        detail = (
            f"p.{pno}: the two OCR readers read other digits in one place ({x0:.0f},{y0:.0f})–({x1:.0f},"
            f"{y1:.0f}) pt: {names[0]} {text_of(chars)!r}, {names[1]} {text_of(second.get(key, []))!r}; "
            "its figures are left out"
        )
        findings.append(Finding("ocr_disagreement", detail, Span(page=pno, bbox=regions[key].bbox, ocr=True)))
    merged = [replaced.get(id(c), c) for c, _ in placed if id(c) not in dropped]
    return merged, findings, with_digits
