"""Ruling lines of a scanned page (opencv morphology), the page set straight by them, and the
page with them painted out for OCR.

1. ink: Otsu's threshold of the grey page (a binarized scan stays as it is);
2. rules: the ink opened with a long thin kernel, horizontal (DEFAULT_MIN_RULE_H inch) and vertical
   (DEFAULT_MIN_RULE_V inch), far longer than any stroke of a character;
3. skew: the slope of the long horizontal rules (least squares over their pixels); a page skewed
   more than DEFAULT_MIN_SKEW degrees is turned straight and its rules found again;
4. each rule component becomes a pdfplumber edge in page points, so grids are rebuilt exactly as
   on text-layer pages (`pdf_grid.grids_from_edges`).

A two-level (1-bit, binarized) scan (`two_level`) draws a skewed rule as a staircase; set straight,
its steps lie a pixel apart and the long thin kernel finds only pieces of it. Its rules are found
on the page smoothed first (DEFAULT_SHARP_SMOOTH px), which joins the steps again; its horizontal
rules and its long vertical ones also where its ink is fainter than Otsu's threshold (where a rule
lies between two pixel rows, each row is half inked: DEFAULT_SHARP_INK).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.pdf_grid import Edge

Run = tuple[int, int, int]  # (row or column, start, end) of a ruling line, in pixels
DEFAULT_MIN_RULE_H = 0.3  # inch
DEFAULT_MIN_RULE_V = 0.15  # inch
DEFAULT_SKEW_RULE = 1.5  # inch: horizontal rules at least this long measure the skew
DEFAULT_MIN_SKEW = 0.05  # degrees: a smaller skew is left as it is
DEFAULT_MAX_SKEW = 5.0  # degrees: a larger measured slope is not a skew of the scan
DEFAULT_ERASE = 2  # px grown around a rule when it is painted out
DEFAULT_TWO_LEVEL = 0.99  # share of the pixels at the two commonest grey levels of a two-level scan
DEFAULT_SHARP_SMOOTH = 0.5  # px: Gaussian sigma a two-level page is smoothed with to find its rules
# A rule of a two-level page set straight lies between two pixel rows (columns) in places, each about
# half inked (grey 140-180 smoothed), which Otsu's threshold (about 128 there) leaves out: such faint
# ink (under DEFAULT_SHARP_INK, smoothed DEFAULT_SHARP_FAINT px) makes horizontal rules, and vertical
# ones at least DEFAULT_MIN_RULE_H long (a tall title's strokes are taken as short vertical rules)
DEFAULT_SHARP_FAINT = 0.6  # px
DEFAULT_SHARP_INK = 200


@dataclass(frozen=True)
class Rules:
    h: list[tuple[int, int, int]]  # (row, x start, x end) in pixels
    v: list[tuple[int, int, int]]  # (column, y start, y end)
    mask: np.ndarray  # uint8, 255 on rule pixels


def ink_of(gray: np.ndarray) -> np.ndarray:
    """255 where the page is ink (Otsu's threshold)."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def rule_masks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    # odd lengths: the kernel's anchor sits in its middle, so nothing shifts
    h_len, v_len = (max(round(inch * dpi), 3) | 1 for inch in (DEFAULT_MIN_RULE_H, DEFAULT_MIN_RULE_V))
    h = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    v = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return h, v


def skew_degrees(h_mask: np.ndarray, dpi: float) -> float:
    """The page's skew from its long horizontal rules (clockwise positive, y down), 0 without them."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(h_mask, connectivity=8)
    slopes, weights = [], []
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        if w < DEFAULT_SKEW_RULE * dpi:
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == i)
        if len(set(xs.tolist())) < 2:
            continue
        slope = float(np.polyfit(xs.astype(float), ys.astype(float), 1)[0])
        slopes.append(slope)
        weights.append(float(w))
    if not slopes:
        return 0.0
    order = np.argsort(slopes)
    cumulative = np.cumsum(np.asarray(weights)[order])
    median = slopes[int(order[np.searchsorted(cumulative, cumulative[-1] / 2)])]
    degrees = float(np.degrees(np.arctan(median)))
    return degrees if abs(degrees) <= DEFAULT_MAX_SKEW else 0.0


def rotate(gray: np.ndarray, degrees: float) -> np.ndarray:
    """The page turned `degrees` about its centre (counter-clockwise on screen for positive), white
    outside."""
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(
        gray, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


def runs_of(mask: np.ndarray, horizontal: bool) -> list[tuple[int, int, int]]:
    """Each rule component as (middle row or column, start, end)."""
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    runs = []
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        if horizontal:
            runs.append((int(y + h // 2), int(x), int(x + w)))
        else:
            runs.append((int(x + w // 2), int(y), int(y + h)))
    return runs


def two_level(gray: np.ndarray) -> bool:
    """Whether the page is a two-level (binarized, 1-bit) scan: nearly all its pixels at two grey
    levels (a grey scan spreads its paper and ink over many)."""
    counts = np.bincount(gray.ravel(), minlength=256)
    top_two = float(np.sort(counts)[-2:].sum())
    return top_two >= DEFAULT_TWO_LEVEL * gray.size


def find_rules(gray: np.ndarray, dpi: float, sharp: bool = False) -> Rules:
    """The page's ruling lines; `sharp`: the page was a two-level scan (its rules are found on it
    smoothed, DEFAULT_SHARP_SMOOTH, and in its faint ink, DEFAULT_SHARP_INK)."""
    if not sharp:
        h, v = rule_masks(ink_of(gray), dpi)
    else:
        _, v = rule_masks(ink_of(cv2.GaussianBlur(gray, (0, 0), DEFAULT_SHARP_SMOOTH)), dpi)
        faint = cv2.GaussianBlur(gray, (0, 0), DEFAULT_SHARP_FAINT) < DEFAULT_SHARP_INK
        h, _ = rule_masks(faint.astype(np.uint8) * 255, dpi)
        long_v, _ = rule_masks(np.ascontiguousarray(faint.T).astype(np.uint8) * 255, dpi)
        v = cv2.bitwise_or(v, np.ascontiguousarray(long_v.T))
    return Rules(runs_of(h, True), runs_of(v, False), cv2.bitwise_or(h, v))


def straighten(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """The page turned straight by its rules, and the turn (degrees; 0 when it was straight)."""
    h, _ = rule_masks(ink_of(gray), dpi)
    skew = skew_degrees(h, dpi)
    if abs(skew) < DEFAULT_MIN_SKEW:
        return gray, 0.0
    return rotate(gray, skew), skew


def without_rules(gray: np.ndarray, rules: Rules) -> np.ndarray:
    """The page with its rules painted white (grown by DEFAULT_ERASE px)."""
    grown = cv2.dilate(rules.mask, np.ones((2 * DEFAULT_ERASE + 1, 2 * DEFAULT_ERASE + 1), np.uint8))
    clean = gray.copy()
    clean[grown > 0] = 255
    return clean


def rule_edges(h_runs: list[Run], v_runs: list[Run], scale: float) -> list[Edge]:
    """Pixel runs as pdfplumber edges in page points."""
    edges = []
    for i, a, b in h_runs:
        y = i / scale
        edges.append(
            {
                "x0": a / scale,
                "x1": b / scale,
                "top": y,
                "bottom": y,
                "width": (b - a) / scale,
                "height": 0.0,
                "orientation": "h",
            }
        )
    for i, a, b in v_runs:
        x = i / scale
        edges.append(
            {
                "x0": x,
                "x1": x,
                "top": a / scale,
                "bottom": b / scale,
                "width": 0.0,
                "height": (b - a) / scale,
                "orientation": "v",
            }
        )
    return edges
