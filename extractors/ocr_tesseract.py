"""Reader 2 of scanned pages: Debian's Tesseract 5 (`-l jpn`), on the page with its ruling lines
removed, run with one OpenMP thread (with its default two it collapses under load: 33–180 s a page).

Characters come back from hOCR with character boxes (`hocr_char_boxes=1`), in image pixels.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pymupdf

from extractors.pdf_page import Char

DEFAULT_PSM = 6  # one uniform block: whole lines across cells, positions kept per character
DEFAULT_TIMEOUT = 300  # s per page
THREAD_ENV = {"OMP_THREAD_LIMIT": "1"}
HOCR_NS = {"h": "http://www.w3.org/1999/xhtml"}


def env() -> dict[str, str]:
    """The environment Tesseract runs in: this process's, with one OpenMP thread."""
    return {**os.environ, **THREAD_ENV}


def find_tesseract() -> str | None:
    """Path of a tesseract binary that has the `jpn` language, else None."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    langs = subprocess.run(
        [binary, "--list-langs"], check=False, capture_output=True, text=True, timeout=60, env=env()
    )
    return binary if "jpn" in langs.stdout.split() else None


def tesseract_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], check=False, capture_output=True, text=True, timeout=60)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


def save_png(gray: np.ndarray, path: Path) -> None:
    pix = pymupdf.Pixmap(
        pymupdf.csGRAY, gray.shape[1], gray.shape[0], np.ascontiguousarray(gray).tobytes(), 0
    )
    pix.save(path)


def read_chars(gray: np.ndarray, binary: str, dpi: int, scale: float) -> list[Char]:
    """Tesseract's characters of a grey image, in points (pixels / `scale`)."""
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "page.png"
        save_png(gray, image)
        cmd = [binary, str(image), "stdout", "-l", "jpn", "--psm", str(DEFAULT_PSM), "--dpi", str(dpi)]
        cmd += ["-c", "hocr_char_boxes=1", "hocr"]
        out = subprocess.run(cmd, capture_output=True, check=True, timeout=DEFAULT_TIMEOUT, env=env())
    return parse_hocr(out.stdout, scale)


def parse_hocr(hocr: bytes, scale: float) -> list[Char]:
    """Characters of Tesseract's hOCR (hocr_char_boxes=1) in points, on their line's baseline.
    Tesseract's reading order is kept: character boxes inside a word may overlap, so each
    char starts no further left than the one before it. A box wider than its line's x_size (the
    last character of a word boxed to the word's end: `029-286` read `029` with the `9` boxed to
    the end of `-286`) is cut to that: it stays on its line and in its cell."""
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
            if size > 0:  # the last character of a word may get a box to the word's end: an em at most
                x1 = min(x1, x0 + size)
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
