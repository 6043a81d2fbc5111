"""Byte-stable PDFs from LibreOffice: what varies with the soffice process's history is fixed.

LibreOffice 7.4 writes CFF fonts as Type 1 programs whose `/UniqueID` comes from a counter that
runs over every document the process printed, in the clear part of the program and again in its
eexec-encrypted part. Each is renumbered in the order of the document's own fonts, so a document
prints to the same bytes alone or in a batch.
"""

from __future__ import annotations

import re

import pymupdf

EEXEC_KEY, C1, C2 = 55665, 52845, 22719
UNIQUE_ID = re.compile(rb"/UniqueID \d+ def")
FIRST_UNIQUE_ID = 4100001


def eexec(data: bytes, decrypt: bool) -> bytes:
    r, out = EEXEC_KEY, bytearray()
    for byte in data:
        other = byte ^ (r >> 8)
        cipher = byte if decrypt else other
        out.append(other)
        r = ((cipher + r) * C1 + C2) & 0xFFFF
    return bytes(out)


def type1_programs(doc: pymupdf.Document) -> list[int]:
    """Xrefs of embedded Type 1 font programs, in document order."""
    out = []
    for xref in range(1, doc.xref_length()):
        kind, value = doc.xref_get_key(xref, "FontFile")
        if kind == "xref":
            out.append(int(value.split()[0]))
    return out


def renumber(program: bytes, number: int, clear_len: int, cipher_len: int) -> bytes:
    """The program with every /UniqueID set to `number` (same digit count: lengths unchanged)."""
    new = f"/UniqueID {number} def".encode()

    def put(part: bytes) -> bytes:
        return UNIQUE_ID.sub(lambda m: new if len(m.group()) == len(new) else m.group(), part)

    clear, cipher, tail = (
        program[:clear_len],
        program[clear_len : clear_len + cipher_len],
        program[clear_len + cipher_len :],
    )
    plain = eexec(cipher, decrypt=True)
    fixed = put(plain)
    return put(clear) + (cipher if fixed == plain else eexec(fixed, decrypt=False)) + tail


def stabilize_fonts(doc: pymupdf.Document) -> None:
    for n, xref in enumerate(type1_programs(doc)):
        lengths = [doc.xref_get_key(xref, key) for key in ("Length1", "Length2")]
        if any(kind != "int" for kind, _ in lengths):
            continue
        program = doc.xref_stream(xref)
        fixed = renumber(program, FIRST_UNIQUE_ID + n, int(lengths[0][1]), int(lengths[1][1]))
        doc.update_stream(xref, fixed)  # always: one compressor for every program
