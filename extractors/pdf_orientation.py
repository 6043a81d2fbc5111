"""Which way a PDF page reads, and turning it upright.

A page's `/Rotate` only says how a viewer shows it; what matters is where its text runs. Pages are
read with `/Rotate` set aside (`set_rotation(0)`), then:

- text-layer pages: the direction most characters run in (PyMuPDF's line `dir`) gives the turn
  that makes it left to right; the page is turned by setting that `/Rotate` and baking it into
  the content (`remove_rotation`), so characters, ruling lines and shapes all turn together;
- scanned pages: Tesseract's orientation and script detection (`--psm 0`, Debian's
  tesseract-ocr-osd) on the rendered page says how far to turn it; the page is then rendered
  again with that `/Rotate`, which gives the very pixels of an upright scan (a raster turned
  after rendering would be sampled differently, and OCR reads it differently).

Turns are clockwise degrees as `/Rotate` counts them: 0, 90, 180, 270.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pymupdf

DEFAULT_MIN_DIRECTION_SHARE = 0.6  # share of a page's characters that must run one way to turn it
DEFAULT_OSD_MIN_CONFIDENCE = 1.0  # Tesseract's orientation confidence below which a scan is not turned
DEFAULT_OSD_TIMEOUT = 120  # s
# Line direction (cos, sin), y pointing down -> the turn that makes it run left to right.
TURN_OF_DIRECTION = {(1, 0): 0, (0, -1): 90, (-1, 0): 180, (0, 1): 270}
_OSD_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_OSD_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def turn_of_lines(lines: Iterable[tuple[tuple[float, float], int]]) -> int:
    """The turn that makes most characters run left to right, from (line direction, chars) pairs;
    0 when no direction holds DEFAULT_MIN_DIRECTION_SHARE of them."""
    counts: Counter[tuple[int, int]] = Counter()
    for (cos, sin), chars in lines:
        counts[(round(cos), round(sin))] += chars
    total = sum(counts.values())
    if not total:
        return 0
    direction, chars = counts.most_common(1)[0]
    if chars < DEFAULT_MIN_DIRECTION_SHARE * total:
        return 0
    return TURN_OF_DIRECTION.get(direction, 0)


def turn_page(page: pymupdf.Page, turn: int) -> None:
    """Turn the page's content `turn` degrees clockwise, for good (content, lines, shapes)."""
    if turn:
        page.set_rotation(turn)
        page.remove_rotation()


def osd_turn(gray: np.ndarray, binary: str) -> int:
    """Tesseract's turn for a scanned page image (clockwise degrees), 0 when it is not sure."""
    pix = pymupdf.Pixmap(
        pymupdf.csGRAY, gray.shape[1], gray.shape[0], np.ascontiguousarray(gray).tobytes(), 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        image = Path(tmp) / "page.png"
        pix.save(image)
        cmd = [binary, str(image), "stdout", "--psm", "0"]
        out = subprocess.run(
            cmd,
            capture_output=True,
            check=False,
            timeout=DEFAULT_OSD_TIMEOUT,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    text = out.stdout.decode("utf-8", errors="replace")
    rotate, confidence = _OSD_ROTATE.search(text), _OSD_CONFIDENCE.search(text)
    if rotate is None or confidence is None or float(confidence.group(1)) < DEFAULT_OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360
