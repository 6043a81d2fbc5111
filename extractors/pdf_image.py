"""Scanned PDFs (pages without a text layer) -> neutral blocks by OCR (rendition "pdf_image").

Two readers, chosen on measurement (docs/ocr_engines.md): rapidocr with the PP-OCRv6 small models
its wheel ships (`ocr_rapid`, the better reader: names and text are its reading) and Debian's
Tesseract 5 `jpn` on the page with its ruling lines removed (`ocr_tesseract`). Each page:

1. is rendered grey at its scan's own resolution (the embedded image's, within
   [DEFAULT_MIN_DPI, DEFAULT_MAX_DPI]; DEFAULT_DPI for a page without one), `/Rotate` set aside;
2. is set straight by its ruling lines (`raster_grid`) and its text lines found by rapidocr's
   detector, none read yet; which way it lies is told from them (`ocr_rapid.page_turn`: most
   lines taller than wide, a quarter turn; rapidocr's line classifier on the longest, which way),
   and by Tesseract's orientation detection (`pdf_orientation`) only where they do not say for
   sure; a turned page is rendered again turned (the same pixels as an upright scan) and its lines
   found again; then its lines are read, once, upright (reading is most of a page's cost);
3. has its ruling lines found (opencv morphology) and its grids rebuilt from them, as on
   text-layer pages (`pdf_grid.grids_from_edges`);
4. Tesseract reads the cells and lines where rapidocr reads digits, with the rules painted out and
   the rest of the page blank (regions where the two disagree once more, each alone);
5. keeps a figure only where both readers read the same digits in the same cell (`ocr_agree`);
   elsewhere the figure is marked, left out, and an `ocr_digits_differ` finding says so (the
   document is `partial` only where a mark reaches an emitted figure: `pipeline.build.disputed`);
6. goes through the same assembly as text-layer pages (`pdf_page.assemble_page`), then the same
   locators.

What the readers saw on a page is cached by the page's hash (`ocr_cache`). Without Tesseract (jpn)
or rapidocr's models: no blocks and an `ocr_unavailable` finding naming what to install.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import pymupdf

from extractors import ocr_cache, ocr_lexicon, ocr_rapid, pdf_grid, raster_grid
from extractors.blocks import Block, Finding, Span
from extractors.ocr_agree import Region, agree
from extractors.ocr_tesseract import find_tesseract as find_tesseract  # the OCR path's own, patched by tests
from extractors.ocr_tesseract import read_chars, tesseract_version
from extractors.pdf_orientation import osd_turn
from extractors.pdf_page import Char, assemble_page
from normalizers.ocr_text import fix_confusions

RENDITION = "pdf_image"
DEFAULT_DPI = 200  # a page without an embedded image
DEFAULT_MIN_DPI = 150  # a coarser scan is rendered up to this
DEFAULT_MAX_DPI = 300  # a finer scan is rendered down to this
DEFAULT_OSD_DPI = 150  # orientation is detected on the page sampled down to about this
DEFAULT_REGION_PAD = 3  # px around a region Tesseract reads
DEFAULT_REREAD_ZOOM = (
    1.5  # where the readers disagree, Tesseract reads the region again alone, this much larger
)
DEFAULT_REREAD_GAP = 24  # px between the regions stacked for that reading
SETTINGS = (
    f"{ocr_rapid.ENGINE_NAME}|tesseract jpn psm6 rules removed, digit regions, reread x1.5"
    "|turn by line classifier (pieces of few lines), else osd|straighten"
    "|two-level: lines cut at own resolution, rules smoothed"
    "|form words read back, circled marks|two-level rules also in faint ink (< 200)"
    "|a corporation's space from the letters' pitch, circled marks after 积→積"
    "|a page of 1–2 lines turned by reading them both ways|着護, 医撤 read back"
    "|turned_by names a short page's lines read both ways|21"
)
BY_CLASSIFIER = "rapidocr (its line classifier, or a short page's lines read both ways)"
BY_OSD = "Tesseract OSD"
NO_OCR_PROBLEM = (
    "scanned PDF without a text layer: install Debian's tesseract-ocr and tesseract-ocr-jpn to extract it"
)


@dataclass(frozen=True)
class PageReading:
    """What the readers saw on one page, in page points (the unit of the cache)."""

    turn: int  # clockwise degrees the page was turned to read it upright
    turned_by: str  # what told the turn: BY_CLASSIFIER or BY_OSD
    skew: float  # degrees it was turned to set it straight
    edges: list[pdf_grid.Edge]  # ruling lines as pdfplumber edges
    lines1: list[list[Char]]  # rapidocr's text lines
    chars2: list[Char]  # Tesseract's characters where rapidocr reads digits

    def to_json(self) -> dict[str, Any]:
        def as_list(c: Char) -> list[Any]:
            return [c.text, c.x0, c.x1, c.baseline, c.size]

        return {
            "turn": self.turn,
            "turned_by": self.turned_by,
            "skew": self.skew,
            "edges": self.edges,
            "lines1": [[as_list(c) for c in line] for line in self.lines1],
            "chars2": [as_list(c) for c in self.chars2],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageReading:
        return cls(
            int(data["turn"]),
            str(data["turned_by"]),
            float(data["skew"]),
            list(data["edges"]),
            [[Char(*c) for c in line] for line in data["lines1"]],
            [Char(*c) for c in data["chars2"]],
        )


def engine_names(binary: str) -> tuple[str, str]:
    return ocr_rapid.ENGINE_NAME, f"{tesseract_version(binary)} jpn"


def ocr_pages(
    doc: pymupdf.Document, page_numbers: list[int]
) -> tuple[list[Block], list[Finding], tuple[str, ...]]:
    """Blocks of the given 1-based pages, the findings (`ocr_used`, turns, disagreements) and the
    engines' names; or no blocks and an `ocr_unavailable` finding when a reader is missing."""
    binary = find_tesseract()
    if binary is None:
        return [], [Finding("ocr_unavailable", NO_OCR_PROBLEM)], ()
    try:
        ocr_rapid.engine()
    except ocr_rapid.OcrModelMissing as error:
        return [], [Finding("ocr_unavailable", f"scanned PDF without a text layer: {error}")], ()
    names = engine_names(binary)
    blocks: list[Block] = []
    findings: list[Finding] = []
    for pno in page_numbers:
        reading = read_page(doc[pno - 1], binary)
        if reading.turn:
            turned = f"turned {reading.turn}° clockwise to read it upright ({reading.turned_by})"
            detail = f"p.{pno}: scanned page {turned}"
            findings.append(Finding("page_rotated", detail, Span(page=pno)))
        grids = pdf_grid.grids_from_edges(reading.edges)
        chars, disagreements, _ = agree(grids, reading.lines1, reading.chars2, pno, names)
        page_blocks, _ = assemble_page(grids, chars, [], pno, ocr=True)
        blocks.extend(page_blocks)
        findings.extend(disagreements)
    detail = f"{names[0]} and {names[1]} (figures where both agree), {len(page_numbers)} pages"
    return blocks, [*findings, Finding("ocr_used", detail)], names


def page_dpi(page: pymupdf.Page) -> int:
    """The resolution of the page's largest image as placed, within [DEFAULT_MIN_DPI, DEFAULT_MAX_DPI]."""
    best: tuple[float, float] = 0.0, float(DEFAULT_DPI)
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        placed = abs(x1 - x0) * abs(y1 - y0)
        if placed > best[0] and info["width"] and info["height"]:
            best = placed, math.sqrt(info["width"] * info["height"] / placed) * 72
    return int(min(max(round(best[1]), DEFAULT_MIN_DPI), DEFAULT_MAX_DPI))


def cache_key(page: pymupdf.Page, binary: str) -> tuple[str, np.ndarray, int]:
    """The key of the page's reading in the cache, its grey rendering (upright as stored, `/Rotate`
    set aside) and the resolution it is read at."""
    page.set_rotation(0)
    dpi = page_dpi(page)
    gray = render_gray(page, dpi)
    return ocr_cache.page_key(gray, f"{SETTINGS}|{tesseract_version(binary)}|{dpi}"), gray, dpi


def read_page(page: pymupdf.Page, binary: str) -> PageReading:
    """What both readers see on the page (from the cache when this very page was read before)."""
    key, gray, dpi = cache_key(page, binary)
    if (cached := ocr_cache.load(key)) is not None:
        return PageReading.from_json(cached)
    sharp = raster_grid.two_level(gray)  # a binarized scan: read at its own resolution, rules smoothed
    straight, skew = raster_grid.straighten(gray, dpi)
    found = ocr_rapid.detect(straight, sharp)  # the lines found, none read yet: which way does the page lie?
    turn = ocr_rapid.page_turn(straight, found.boxes)
    by = BY_CLASSIFIER
    if turn is None:  # Tesseract's orientation detection decides (only there: it costs 1 s a page)
        step = max(1, round(dpi / DEFAULT_OSD_DPI))
        turn, by = osd_turn(gray[::step, ::step], binary), BY_OSD
    if turn:  # rendered again turned (not the raster rotated): the same pixels as an upright scan
        page.set_rotation(turn)
        straight, skew = raster_grid.straighten(render_gray(page, dpi), dpi)
        found = ocr_rapid.detect(straight, sharp)
    gray = straight
    scale = dpi / 72
    rules = raster_grid.find_rules(gray, dpi, sharp)
    edges = raster_grid.rule_edges(rules.h, rules.v, scale)
    grids = pdf_grid.grids_from_edges(edges)
    lines1 = [to_points(line, scale) for line in ocr_rapid.recognize(found)]  # once, upright
    _, _, digit_regions = agree(grids, lines1, [], 0, ("", ""))
    chars2: list[Char] = []
    if digit_regions:
        clean = raster_grid.without_rules(gray, rules)
        chars2 = read_chars(only_regions(clean, digit_regions, scale), binary, dpi, scale)
        _, disputed, _ = agree(grids, lines1, chars2, 0, ("", ""))
        boxes = [f.span.bbox for f in disputed if f.span.bbox is not None]
        if boxes:  # read once more, enlarged: Tesseract misreads small digits next to brackets
            chars2 = [c for c in chars2 if not any(inside(c, b) for b in boxes)]
            chars2 += reread(clean, boxes, binary, dpi, scale)
    reading = PageReading(turn, by, skew, edges, lines1, chars2)
    ocr_cache.store(key, reading.to_json())
    return reading


def to_points(line: list[ocr_rapid.PixelChar], scale: float) -> list[Char]:
    """rapidocr's characters in points, its known misreadings fixed (never a digit but for the form's
    circled marks read as digits: `ocr_lexicon.circled_marks`, asked of the text with its simplified
    forms made Japanese)."""
    texts = [c.text for c in line]
    fixed = ocr_lexicon.circled_marks(fix_confusions("".join(texts)))  # the marks after 积 → 積
    if all(len(t) == 1 for t in texts) and len(fixed) == len(texts):
        texts = list(fixed)
    return [
        Char(t, c.x0 / scale, c.x1 / scale, c.baseline / scale, c.size / scale)
        for t, c in zip(texts, line, strict=True)
    ]


def inside(ch: Char, bbox: tuple[float, float, float, float]) -> bool:
    x, y = ch.mid
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def reread(
    gray: np.ndarray, boxes: list[tuple[float, float, float, float]], binary: str, dpi: int, scale: float
) -> list[Char]:
    """Tesseract's characters of the given boxes (points) read again DEFAULT_REREAD_ZOOM times
    enlarged, all boxes stacked on one image (one run), in page points."""
    zoom, gap = DEFAULT_REREAD_ZOOM, DEFAULT_REREAD_GAP
    crops: list[tuple[int, np.ndarray]] = []
    placed: list[tuple[int, int, int, int]] = []
    top = int(gap)
    height, width = gray.shape
    for x0, y0, x1, y1 in boxes:
        a, b = max(int(y0 * scale) - DEFAULT_REGION_PAD, 0), min(int(y1 * scale) + DEFAULT_REGION_PAD, height)
        c, d = max(int(x0 * scale) - DEFAULT_REGION_PAD, 0), min(int(x1 * scale) + DEFAULT_REGION_PAD, width)
        if b <= a or d <= c:
            continue
        crop = cv2.resize(gray[a:b, c:d], None, fx=zoom, fy=zoom, interpolation=cv2.INTER_CUBIC)
        crops.append((top, crop))
        placed.append((top, top + crop.shape[0], c, a))
        top += crop.shape[0] + gap
    if not crops:
        return []
    sheet = np.full((top, max(c.shape[1] for _, c in crops) + 2 * gap), 255, dtype=np.uint8)
    for y, crop in crops:
        sheet[y : y + crop.shape[0], gap : gap + crop.shape[1]] = crop
    out = []
    for ch in read_chars(sheet, binary, round(dpi * zoom), 1.0):
        mid = ch.mid[1]
        spot = next((p for p in placed if p[0] <= mid < p[1]), None)
        if spot is None:
            continue
        start, _, c, a = spot

        def to_page(v: float, origin: float, shift: float) -> float:
            return (origin + (v - shift) / zoom) / scale

        out.append(
            Char(
                ch.text,
                to_page(ch.x0, c, gap),
                to_page(ch.x1, c, gap),
                to_page(ch.baseline, a, start),
                ch.size / zoom / scale,
            )
        )
    return out


def only_regions(gray: np.ndarray, regions: list[Region], scale: float) -> np.ndarray:
    """A blank page with only the given regions (page points) of `gray` on it."""
    out = np.full_like(gray, 255)
    height, width = gray.shape
    for region in regions:
        x0, y0, x1, y1 = region.bbox
        a, b = max(int(y0 * scale) - DEFAULT_REGION_PAD, 0), min(int(y1 * scale) + DEFAULT_REGION_PAD, height)
        c, d = max(int(x0 * scale) - DEFAULT_REGION_PAD, 0), min(int(x1 * scale) + DEFAULT_REGION_PAD, width)
        out[a:b, c:d] = gray[a:b, c:d]
    return out


def render_gray(page: pymupdf.Page, dpi: int) -> np.ndarray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width].copy()
