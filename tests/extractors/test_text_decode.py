"""extractors.text_decode: every encoding the archive may hold is read; damage is replaced and
counted on its line, control characters dropped and counted, line breaks read by the file's own
convention (never split inside a row)."""

from __future__ import annotations

import pytest

from extractors.text_decode import decode_text, decoding_findings
from tests.conftest import ROOT

SEED = (ROOT / "data" / "raw" / "000_77fec06e79e16c0d.txt").read_text(encoding="utf-8")
# EUC-JP lacks a few characters of the seeds (①, －): the seed as EUC-JP can print it.
LAYOUT_SEED = (ROOT / "data" / "raw" / "003_1d5314b91ff3f58c.txt").read_text(encoding="utf-8")
EUC_SEED = LAYOUT_SEED.encode("euc-jp", errors="replace").decode("euc-jp")


@pytest.mark.parametrize(
    ("encoding", "text", "read_as"),
    [
        ("utf-8", SEED, "utf-8"),
        ("utf-8-sig", SEED, "utf-8-sig"),
        ("utf-16", SEED, "utf-16-le-sig"),
        ("utf-16-be", SEED, "utf-16-be"),
        ("utf-16-le", SEED, "utf-16-le"),
        ("utf-32", SEED, "utf-32-le-sig"),
        ("utf-32-be", SEED, "utf-32-be"),
        ("cp932", SEED, "cp932"),
        ("euc-jp", EUC_SEED, "euc_jp"),
    ],
)
def test_every_encoding_reads_the_same_text(encoding: str, text: str, read_as: str) -> None:
    decoded = decode_text(text.encode(encoding))
    assert decoded is not None
    assert (decoded.encoding, decoded.text) == (read_as, text)
    assert decoded.replaced == () and decoded.dropped == ()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_a_damaged_byte_is_replaced_and_counted_on_its_line(encoding: str) -> None:
    lines = SEED.split("\n")
    offset = len("\n".join(lines[:10]).encode(encoding)) + len("\n".encode(encoding))  # line 11
    offset += len(lines[10][:3].encode(encoding))
    data = bytearray(SEED.encode(encoding))
    data[offset + 1 if encoding == "utf-16-le" else offset] = 0xD8 if encoding == "utf-16-le" else 0xFF
    decoded = decode_text(bytes(data))
    assert decoded is not None and decoded.encoding == encoding
    ((line, count),) = decoded.replaced
    assert line == 11 and count >= 1
    assert decoded.text.split("\n")[:10] == lines[:10] and decoded.text.split("\n")[11:] == lines[11:]
    (finding,) = decoding_findings(decoded)
    assert finding.check == "bytes_replaced" and finding.span.line_start == 11


def test_a_last_character_cut_in_half_loses_only_itself() -> None:
    text = SEED.rstrip("\n") + "\n以上"
    decoded = decode_text(text.encode("utf-8")[:-1])
    assert decoded is not None and decoded.encoding == "utf-8"
    assert decoded.text == text[:-1] + "\ufffd"
    assert decoded.replaced == ((text.count("\n") + 1, 1),)


def test_control_characters_are_dropped_and_counted() -> None:
    text = SEED.replace("つくば市医師会", "つくば\x00市医\x0b師会", 1)
    decoded = decode_text(("\x00" + text).encode("utf-8"))
    assert decoded is not None and decoded.text == SEED
    assert {(name, n) for _, name, n in decoded.dropped} == {("U+0000", 1), ("U+000B", 1)}
    checks = {f.check for f in decoding_findings(decoded)}
    assert checks == {"control_characters_dropped"}


@pytest.mark.parametrize(
    ("line_break", "name"),
    [
        ("\n", "LF"),
        ("\r\n", "CRLF"),
        ("\r", "CR"),
        ("\x85", "NEL"),
        ("\u2028", "U+2028"),
        ("\u2029", "U+2029"),
    ],
)
def test_every_line_break_convention_is_read(line_break: str, name: str) -> None:
    decoded = decode_text(SEED.replace("\n", line_break).encode("utf-8"))
    assert decoded is not None and (decoded.line_break, decoded.text) == (name, SEED)


def test_characters_that_only_splitlines_breaks_at_stay_in_their_row() -> None:
    """VT, FS, GS, RS are dropped and U+2028 kept inside a row of an LF file: the row stays one line."""
    row = next(line for line in SEED.split("\n") if line.count("\t") >= 4)
    damaged = row.replace("\t", "\t\x0b\x1c", 1).replace("\t", "\u2028\t", 2)
    decoded = decode_text(SEED.replace(row, damaged).encode("utf-8"))
    assert decoded is not None
    assert decoded.text.count("\n") == SEED.count("\n")
    assert "\u2028" in decoded.text and "\x0b" not in decoded.text


def test_binary_is_not_text() -> None:
    assert decode_text(bytes(range(256)) * 8) is None
    assert decode_text(bytes(range(0x80, 0x100)) * 8) is None
