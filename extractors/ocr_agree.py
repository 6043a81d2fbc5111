"""Figures only where two readers agree.

The characters of reader 1 (rapidocr, the better reader: its text is kept) and of reader 2
(Tesseract) are put in regions: a table cell, or outside tables a text line of reader 1. In each
region, the digit runs of reader 1 on each line (its figures) are compared with reader 2's digit runs
in the same region on that line within RUN_PAD em of them (a digit reader 1 missed next to one counts):

- the same digit strings in the same order: reader 1's characters are kept as read;
- the same digits in the same order where reader 2 runs two or more of reader 1's runs together
  whose separator it left out (`12/12～12/31` read `12/1212/31`: the `～` lost): reader 1's reading,
  where each such separator is a printed character that is no digit, space or point (JOINERS are
  not, as a speck reads as a point or comma: `1.2` against `12` stays a disagreement) and reader 2
  leaves a blank there (SEPARATOR_BLANK: a separator reader 1 made up between two digits printed
  side by side has none); never the other way round (reader 1 running together what reader 2
  reads apart is a disagreement);
- not the same (or reader 2 reads none there): every digit run of reader 1 on that line becomes
  one marker character `⟦12｜17⟧` (reader 1's digits ｜ reader 2's), so no figure is read from the
  line (a marker is no number; a date is never read in part) and the cell's `raw` keeps both
  readings; an `ocr_digits_differ` finding names both readings of the region.

Where the marks land is not judged here: a mark in a title or a header note reaches no figure. The
builders raise `ocr_disagreement` (document `partial`) only where a mark reaches a figure, date, period
year or name they emit (`pipeline.build.disputed`, which reads the marks with `MARK` and `first_reading`).

Digits are compared after folding full-width forms; nothing else is compared (names and text take
reader 1's reading).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from extractors.blocks import Finding, Span
from extractors.pdf_grid import Grid
from extractors.pdf_page import Char, lines_of

MARK_OPEN, MARK_SEP, MARK_CLOSE = "⟦", "｜", "⟧"
MARK = re.compile(f"{MARK_OPEN}([0-9]*){MARK_SEP}([0-9,]*){MARK_CLOSE}")  # reader 1 ｜ reader 2
FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
LINE_PAD_X = 0.5  # em left and right of a reader-1 line (outside tables) where reader 2's chars count
LINE_PAD_Y = 0.15  # em above and below its ink (the next line starts about 0.45 em away)
INK_HEIGHT = 0.9  # em: the height of a line's ink above its baseline
RUN_PAD = 0.5  # em left and right of a reader-1 digit run where reader 2's digits read the same figure
BAND_BELOW = 0.3  # em below a reader-1 baseline that is still its line
# separators between two digit runs of reader 1 that reader 2 may leave out: not these (a speck of
# noise reads as a point or a comma; a space is a blank, not a printed character)
JOINERS = frozenset(".,，．、・'’` \u3000")
SEPARATOR_BLANK = 0.3  # em: reader 2's blank where it left out a separator reader 1 reads


@dataclass(frozen=True)
class Region:
    key: Hashable
    bbox: tuple[float, float, float, float]  # page points


def first_reading(text: str) -> str:
    """The text with every mark replaced by reader 1's digits (what it reads were there no reader 2)."""
    return MARK.sub(lambda m: m.group(1), text)


def is_digit(text: str) -> bool:
    return len(text) == 1 and text.translate(FULL_DIGITS).isascii() and text.translate(FULL_DIGITS).isdigit()


def cell_of(
    grids: list[Grid], owners: list[dict[tuple[int, int], tuple[int, int]]], x: float, y: float
) -> Region | None:
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


def regions_of_reader2(
    grids: list[Grid], regions: Iterable[Region], chars: list[Char]
) -> dict[Hashable, list[Char]]:
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


def runs_and_separators(chars: list[Char]) -> list[tuple[list[list[Char]], list[str]]]:
    """Each line's digit runs (top to bottom, left to right) and the text between each two
    consecutive runs."""
    out: list[tuple[list[list[Char]], list[str]]] = []
    for line in lines_of(chars):
        runs: list[list[Char]] = []
        between: list[str] = []
        gap = ""
        for ch in line.chars:
            if not is_digit(ch.text):
                gap += ch.text
            elif gap or not runs:
                between += [gap] if runs else []
                runs.append([ch])
                gap = ""
            else:
                runs[-1].append(ch)
        out.append((runs, between))
    return out


def near(run: list[Char], others: list[list[Char]]) -> list[list[Char]]:
    """Reader 2's digit runs with a character on `run`'s line within RUN_PAD em of it."""
    size = max(c.size for c in run)
    x0, x1 = run[0].x0 - RUN_PAD * size, run[-1].x1 + RUN_PAD * size
    top, bottom = run[0].baseline - size, run[0].baseline + BAND_BELOW * size
    return [o for o in others if any(c.x1 >= x0 and c.x0 <= x1 and top <= c.mid[1] <= bottom for c in o)]


def line_agrees(runs: list[list[Char]], others: list[list[Char]], between: list[str] | None = None) -> bool:
    """Reader 2 reads the same digit strings, in the same order, as reader 1 on this line (its runs
    near any of reader 1's: `1,234` is two runs for both); or the same digits where it runs
    together runs of reader 1 whose separators (`between`, the text between each two) it left
    out (`coarser`)."""
    hits = {id(o): o for run in runs for o in near(run, others)}
    theirs = sorted(hits.values(), key=lambda o: o[0].x0)
    ours = [digits(r) for r in runs]
    if ours == [digits(o) for o in theirs]:
        return True
    return between is not None and coarser(ours, between, theirs)


def coarser(ours: list[str], between: list[str], theirs: list[list[Char]]) -> bool:
    """`theirs` (reader 2's runs) is `ours` (reader 1's digit strings) with some consecutive runs
    joined, each where reader 1 reads a separator reader 2 left out: the separator
    (`between[i]`, between ours[i] and ours[i + 1]) is printed (not empty, none of JOINERS) and
    reader 2 leaves a blank at least SEPARATOR_BLANK em wide where it lies."""
    index = 0
    for their in theirs:
        if index >= len(ours):
            return False
        joined = ours[index]
        while len(joined) < len(their) and digits(their).startswith(joined):
            cut = len(joined)
            blank = their[cut].x0 - their[cut - 1].x1
            last = index + 1 >= len(ours)
            if last or not leavable(between[index]) or blank < SEPARATOR_BLANK * their[cut].size:
                return False
            index += 1
            joined += ours[index]
        if joined != digits(their):
            return False
        index += 1
    return index == len(ours)


def leavable(separator: str) -> bool:
    return bool(separator) and not any(ch in JOINERS for ch in separator)


def digits(run: list[Char]) -> str:
    return "".join(c.text for c in run).translate(FULL_DIGITS)


def text_of(chars: list[Char]) -> str:
    return " / ".join(line.text.strip() for line in lines_of(chars))


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
        lines = [(runs, between) for runs, between in runs_and_separators(chars) if runs]
        if not lines:
            continue
        with_digits.append(regions[key])
        others = [run for runs, _ in runs_and_separators(second.get(key, [])) for run in runs]
        disputed = False
        for runs, between in lines:
            if line_agrees(runs, others, between):
                continue
            disputed = True
            for run in runs:  # every figure of the line: a date is never read in part
                dropped.update(id(c) for c in run[1:])
                other = ",".join(digits(o) for o in sorted(near(run, others), key=lambda o: o[0].x0))
                text = f"{MARK_OPEN}{digits(run)}{MARK_SEP}{other}{MARK_CLOSE}"
                replaced[id(run[0])] = run[0]._replace(text=text, x1=run[-1].x1)
        if not disputed:
            continue
        x0, y0, x1, y1 = regions[key].bbox
        detail = (
            f"p.{pno}: the two OCR readers read other digits in one place ({x0:.0f},{y0:.0f})–({x1:.0f},"
            f"{y1:.0f}) pt: {names[0]} {text_of(chars)!r}, {names[1]} {text_of(second.get(key, []))!r}; "
            "its figures are left out"
        )
        findings.append(
            Finding("ocr_digits_differ", detail, Span(page=pno, bbox=regions[key].bbox, ocr=True))
        )
    merged = [replaced.get(id(c), c) for c, _ in placed if id(c) not in dropped]
    return merged, findings, with_digits
