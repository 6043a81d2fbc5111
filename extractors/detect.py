"""Recognise an input from its bytes, never from its file name: PDF magic, binary formats we do
not read, and the text encoding of text renditions."""

from __future__ import annotations

from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
# Text encodings tried in order; legacy Japanese text is often CP932 (Shift_JIS).
TEXT_ENCODINGS = ("utf-8-sig", "cp932")
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


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC) or PDF_MAGIC in data[:1024]


def unsupported_kind(data: bytes) -> str | None:
    """What a binary file we do not read is (`a PNG image`), or None."""
    return next((what for magic, what in UNSUPPORTED_MAGIC if data.startswith(magic)), None)


def decode_text(data: bytes) -> Decoded | None:
    """The text of a text input, or None when no known encoding decodes it (binary or corrupt)."""
    if b"\x00" in data[:4096]:
        return None
    for encoding in TEXT_ENCODINGS:
        try:
            return Decoded(text=data.decode(encoding), encoding=encoding)
        except UnicodeDecodeError:
            continue
    return None
