"""Noise kept out, nothing lost: bytes appended after a PDF's end, MuPDF's messages, and text
inputs in any encoding, line-break convention, with damaged bytes or control characters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT
from tests.gold_scoring import as_dicts

PDF = ROOT / "tests" / "fixtures" / "pdf" / "r2_tsukubamirai.pdf"
SEED = ROOT / "data" / "raw" / "000_77fec06e79e16c0d.txt"
RECORD_TABLES = ("members", "initiatives", "status", "outcomes", "dates")


def records(result: DocumentResult) -> dict[str, list[dict]]:
    return {
        t: [{k: v for k, v in r.items() if k != "doc_id"} for r in as_dicts(getattr(result, t))]
        for t in RECORD_TABLES
    }


@pytest.fixture(scope="module")
def pdf_upright() -> DocumentResult:
    return process_document(PDF.read_bytes())


@pytest.fixture(scope="module")
def text_upright() -> DocumentResult:
    return process_document(SEED.read_bytes())


@pytest.mark.parametrize("tail", [b"x" * 5000, b"\n" * 3000, b"%PDF-1.4 stray bytes\n" * 300])
def test_bytes_after_the_final_eof_are_an_info_check(pdf_upright: DocumentResult, tail: bytes) -> None:
    result = process_document(PDF.read_bytes() + tail)
    assert (result.document.status, result.document.message) == ("ok", None)
    assert records(result) == records(pdf_upright)
    (check,) = [c for c in result.checks if c.check == "pdf_trailing_bytes"]
    assert check.severity == "info" and check.detail.startswith(f"{len(tail)} bytes after the final %%EOF")
    assert not [c for c in result.checks if c.check in ("pdf_repaired", "pdf_messages")]


def test_a_truncated_pdf_is_still_repaired_and_partial() -> None:
    data = PDF.read_bytes()
    result = process_document(data[: len(data) * 9 // 10])
    assert result.document.status in ("partial", "failed")
    if result.document.status == "partial":
        assert "pdf_repaired" in {c.check for c in result.checks}


def test_mupdf_messages_become_a_check_never_output(tmp_path: Path) -> None:
    """A damaged PDF makes MuPDF talk: its messages are counted and quoted in the document's
    checks; the extract command's output holds none of them."""
    data = PDF.read_bytes()
    damaged = data.replace(b"endobj", b"endobx", 3)
    result = process_document(damaged)
    (check,) = [c for c in result.checks if c.check == "pdf_messages"]
    assert check.severity == "info" and "messages of the PDF reader" in check.detail
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "damaged.pdf").write_bytes(damaged)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "extract",
            "--input",
            str(archive),
            "--output",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode in (0, 1), run.stderr
    output = run.stdout + run.stderr
    assert "MuPDF" not in output and "endobj" not in output and "error:" not in output.lower(), output


ENCODINGS = ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp932"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_gives_the_same_records(text_upright: DocumentResult, encoding: str) -> None:
    result = process_document(SEED.read_text(encoding="utf-8").encode(encoding))
    assert result.document.status == "ok"
    assert records(result) == records(text_upright)


@pytest.mark.parametrize("line_break", ["\r\n", "\r", "\x85", "\u2028"])
def test_every_line_break_gives_the_same_records(text_upright: DocumentResult, line_break: str) -> None:
    result = process_document(SEED.read_text(encoding="utf-8").replace("\n", line_break).encode("utf-8"))
    assert result.document.status == "ok"
    assert records(result) == records(text_upright)


def test_nul_and_controls_are_dropped_with_a_check(text_upright: DocumentResult) -> None:
    text = SEED.read_text(encoding="utf-8")
    row = next(line for line in text.split("\n") if "つくば市医師会" in line)
    damaged = text.replace(row, row.replace("\t", "\t\x0b", 2).replace("医師会", "医\x00師会"), 1)
    result = process_document(("\x00" + damaged).encode("utf-8"))
    assert result.document.status == "ok"
    assert records(result) == records(text_upright)
    dropped = [c for c in result.checks if c.check == "control_characters_dropped"]
    assert {c.line for c in dropped} == {1, text.split("\n").index(row) + 1}


def test_damaged_bytes_in_prose_leave_the_document_ok(text_upright: DocumentResult) -> None:
    text = SEED.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    at = data.index("早期に把握".encode())  # inside a bullet of 取組1
    result = process_document(data[:at] + b"\xff" + data[at + 1 :])
    assert result.document.status == "ok"
    (check,) = [c for c in result.checks if c.check == "bytes_replaced"]
    assert check.line == text[: text.index("早期に把握")].count("\n") + 1
    assert records(result)["outcomes"] == records(text_upright)["outcomes"]
    assert records(result)["members"] == records(text_upright)["members"]


def test_damaged_bytes_in_a_figure_leave_it_null_and_the_document_partial(
    text_upright: DocumentResult,
) -> None:
    data = SEED.read_bytes()
    at = data.index("合計回数:297回".encode()) + len("合計回数:2".encode())  # the 9 of 297
    result = process_document(data[:at] + b"\xff" + data[at + 1 :])
    assert result.document.status == "partial" and "undecodable bytes" in (result.document.message or "")
    assert "damaged_text" in {c.check for c in result.checks}
    visits = [o for o in result.outcomes if o.metric == "visits" and o.period == "plan"]
    assert visits and all(o.value is None and "\ufffd" in o.raw for o in visits)
    truth = {(o.metric, o.period): o.value for o in text_upright.outcomes}
    for outcome in result.outcomes:  # every other figure where it was
        if outcome.value is not None:
            assert truth[(outcome.metric, outcome.period)] == outcome.value
