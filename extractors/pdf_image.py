"""Scanned PDFs (pages without a text layer) -> neutral blocks by OCR (rendition "pdf_image").

With Debian's `tesseract` and its `jpn` data installed, each page is rendered at
DEFAULT_DPI in gray with PyMuPDF, and:

1. Tesseract's orientation detection (`--psm 0`, needs tesseract-ocr-osd) says how far to turn
   the page image upright (`pdf_orientation`), the page's `/Rotate` set aside;
2. ruling lines are found on the raster as long runs of dark pixels (numpy):
   horizontal runs of at least DEFAULT_MIN_RULE_H inches, vertical ones of
   DEFAULT_MIN_RULE_V inches, far longer than any stroke of a character; those runs
   become table edges, and grids as on text-layer pages (`pdf_grid.grids_from_edges`;
   PyMuPDF's finder ignores added lines on a page without text);
3. the rules are painted out and Tesseract reads the page (`-l jpn`, DEFAULT_PSM,
   hOCR with character boxes);
4. the characters, in page points, go through the same assembly as text-layer
   pages (`pdf_page.assemble_page`): cells with soft/hard breaks, merged cells
   once, paragraphs outside tables.

Without Tesseract or its Japanese data: no blocks and an `ocr_unavailable` finding
naming the packages. The OCR text is as read: expect misread characters.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pymupdf

from extractors import pdf_grid
from extractors.blocks import Block, Finding, Span
from extractors.pdf_orientation import osd_turn
from extractors.pdf_page import Char, assemble_page

RENDITION = "pdf_image"
DEFAULT_DPI = 300
DEFAULT_PSM = 6  # one uniform block: whole lines across cells, positions kept per character
DEFAULT_DARK = 128  # gray level below which a pixel is ink
DEFAULT_MIN_RULE_H = 0.3  # inch
DEFAULT_MIN_RULE_V = 0.15  # inch
DEFAULT_TIMEOUT = 300  # s per page
DEFAULT_OSD_STEP = 2  # orientation is detected on every 2nd pixel (150 dpi): as sure, faster
NO_OCR_PROBLEM = (
    "scanned PDF without a text layer: install Debian's tesseract-ocr and tesseract-ocr-jpn to extract it"
)
HOCR_NS = {"h": "http://www.w3.org/1999/xhtml"}


def find_tesseract() -> str | None:
    """Path of a tesseract binary that has the `jpn` language, else None."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    langs = subprocess.run([binary, "--list-langs"], check=False, capture_output=True, text=True, timeout=60)
    return binary if "jpn" in langs.stdout.split() else None


def tesseract_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], check=False, capture_output=True, text=True, timeout=60)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def ocr_pages(doc: pymupdf.Document, page_numbers: list[int]) -> tuple[list[Block], list[Finding]]:
    """Blocks of the given 1-based pages and the `ocr_used` finding, or no blocks and an
    `ocr_unavailable` finding when OCR is missing."""
    binary = find_tesseract()
    if binary is None:
        return [], [Finding("ocr_unavailable", NO_OCR_PROBLEM)]
    blocks: list[Block] = []
    findings: list[Finding] = []
    for pno in page_numbers:
        page, turn = page_blocks(doc[pno - 1], pno, binary)
        blocks.extend(page)
        if turn:
            detail = f"p.{pno}: scanned page turned {turn}° clockwise to read it upright (Tesseract OSD)"
            findings.append(Finding("page_rotated", detail, Span(page=pno)))
    detail = (
        f"{tesseract_version(binary)} (jpn, psm {DEFAULT_PSM}, {DEFAULT_DPI} dpi), {len(page_numbers)} pages"
    )
    return blocks, [*findings, Finding("ocr_used", detail)]


def page_blocks(page: pymupdf.Page, pno: int, binary: str) -> tuple[list[Block], int]:
    """The page's blocks and the clockwise turn that made it upright (its `/Rotate` set aside)."""
    page.set_rotation(0)
    gray = render_gray(page, DEFAULT_DPI)
    turn = osd_turn(gray[::DEFAULT_OSD_STEP, ::DEFAULT_OSD_STEP], binary)
    if turn:  # rendered again turned (not the raster rotated): the same pixels as an upright scan
        page.set_rotation(turn)
        gray = render_gray(page, DEFAULT_DPI)
    scale = DEFAULT_DPI / 72
    h_runs = rule_runs(gray < DEFAULT_DARK, round(DEFAULT_MIN_RULE_H * DEFAULT_DPI))
    v_runs = rule_runs((gray < DEFAULT_DARK).T, round(DEFAULT_MIN_RULE_V * DEFAULT_DPI))
    grids = pdf_grid.grids_from_edges(rule_edges(h_runs, v_runs, scale))
    clean = gray.copy()
    for i, a, b in h_runs:
        clean[max(i - 1, 0) : i + 2, a:b] = 255
    for i, a, b in v_runs:
        clean[a:b, max(i - 1, 0) : i + 2] = 255
    chars = ocr_chars(clean, binary, scale)
    blocks, _ = assemble_page(grids, chars, [], pno, ocr=True)
    return blocks, turn


def render_gray(page: pymupdf.Page, dpi: int) -> np.ndarray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width].copy()


Run = tuple[int, int, int]  # (row, start, end) of a run of dark pixels


def rule_runs(mask: np.ndarray, min_len: int) -> list[Run]:
    """(row, start, end) of every run of True at least `min_len` long, row by row."""
    runs = []
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    for row in np.flatnonzero(mask.sum(axis=1) >= min_len):
        starts, ends = np.flatnonzero(diff[row] == 1), np.flatnonzero(diff[row] == -1)
        runs += [(int(row), int(a), int(b)) for a, b in zip(starts, ends, strict=True) if b - a >= min_len]
    return runs


def rule_edges(h_runs: list[Run], v_runs: list[Run], scale: float) -> list[pdf_grid.Edge]:
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


def ocr_chars(gray: np.ndarray, binary: str, scale: float) -> list[Char]:
    pix = pymupdf.Pixmap(
        pymupdf.csGRAY, gray.shape[1], gray.shape[0], np.ascontiguousarray(gray).tobytes(), 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "page.png"
        pix.save(image)
        cmd = [
            binary,
            str(image),
            "stdout",
            "-l",
            "jpn",
            "--psm",
            str(DEFAULT_PSM),
            "--dpi",
            str(DEFAULT_DPI),
            "-c",
            "hocr_char_boxes=1",
            "hocr",
        ]
        out = subprocess.run(cmd, capture_output=True, check=True, timeout=DEFAULT_TIMEOUT)
    return parse_hocr(out.stdout, scale)


def parse_hocr(hocr: bytes, scale: float) -> list[Char]:
    """Characters of Tesseract's hOCR (hocr_char_boxes=1) in points, on their line's baseline.
    Tesseract's reading order is kept: character boxes inside a word may overlap, so each
    char starts no further left than the one before it."""
    chars = []
    for line in ET.fromstring(hocr).iterfind(".//h:span[@class='ocr_line']", HOCR_NS):
        title = line.get("title", "")
        bottom = re.search(r"bbox \d+ \d+ \d+ (\d+)", title)
        if bottom is None:
            continue
        y1 = float(bottom.group(1))
        offset = float(m.group(1)) if (m := re.search(r"baseline [-\d.]+ ([-\d.]+)", title)) else 0.0
        size = float(m.group(1)) if (m := re.search(r"x_size ([\d.]+)", title)) else 0.0
        left = 0.0
        for cinfo in line.iterfind(".//h:span[@class='ocrx_cinfo']", HOCR_NS):
            box = re.search(r"x_bboxes (\d+) \d+ (\d+) \d+", cinfo.get("title", ""))
            glyph = cinfo.text or ""
            if box is None or not glyph.strip():
                continue
            x0, x1 = float(box.group(1)), float(box.group(2))
            left = max(x0, left + 0.01)
            chars.append(
                Char(
                    glyph,
                    left / scale,
                    max(x1, left) / scale,
                    (y1 + offset) / scale,
                    max(size, x1 - x0) / scale,
                )
            )
    return chars
