"""The printed cell behind a figure: its box cut from the PDF page, rendered as PNG (PyMuPDF clip).

A crop is made only from the very file the run read: the source file is found under the input
root and its SHA-256 must equal `documents.source_sha256`; otherwise there is no crop and the
report says why (a crop of another file's page would show a reviewer the wrong cell).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pymupdf

DEFAULT_CROP_ZOOM = 2.0  # pixels per PDF point: 144 dpi, sharp enough to read small print
DEFAULT_CROP_MARGIN_PT = 2.0  # a little of the cell's border around the box


@dataclass(frozen=True)
class Box:
    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float


class SourceFiles:
    """Find a document's file under the candidate input roots, verified by its SHA-256."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self._found: dict[tuple[str, str], Path | None] = {}

    def locate(self, source_path: str, sha256: str) -> Path | None:
        key = (source_path, sha256)
        if key not in self._found:
            self._found[key] = next(
                (
                    root / source_path
                    for root in self.roots
                    if (root / source_path).is_file()
                    and hashlib.sha256((root / source_path).read_bytes()).hexdigest() == sha256
                ),
                None,
            )
        return self._found[key]


class Cropper:
    """Render boxes of PDF pages, each file opened once."""

    def __init__(self, zoom: float = DEFAULT_CROP_ZOOM, margin: float = DEFAULT_CROP_MARGIN_PT) -> None:
        self.zoom, self.margin = zoom, margin
        self._open: dict[Path, pymupdf.Document] = {}

    def crop(self, path: Path, box: Box) -> bytes | None:
        """The box as PNG bytes; None when the page or box does not exist in the file."""
        if path not in self._open:
            self._open[path] = pymupdf.open(path)
        document = self._open[path]
        if not 1 <= box.page <= document.page_count:
            return None
        page = document[box.page - 1]
        m = self.margin
        clip = pymupdf.Rect(box.x0 - m, box.y0 - m, box.x1 + m, box.y1 + m)
        clip &= page.rect
        if clip.is_empty:
            return None
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(self.zoom, self.zoom), clip=clip, alpha=False)
        return bytes(pixmap.tobytes("png"))

    def close(self) -> None:
        for document in self._open.values():
            document.close()
        self._open.clear()
