"""Recognise an input from its bytes, never from its file name: PDF magic, binary formats we do
not read; the text of text renditions is read by `text_decode`."""

from __future__ import annotations

from extractors.text_decode import Decoded, decode_text

__all__ = ["Decoded", "decode_text", "is_pdf", "unsupported_kind"]

PDF_MAGIC = b"%PDF-"
# Binary formats we recognise but do not read: (magic bytes, what it is).
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP container (xlsx/docx/zip)"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 Office file (xls/doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]


def unsupported_kind(data: bytes) -> str | None:
    """What a binary file we do not read is (`a PNG image`), or None."""
    return next((what for magic, what in UNSUPPORTED_MAGIC if data.startswith(magic)), None)
