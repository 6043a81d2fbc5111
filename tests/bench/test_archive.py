"""The bench's archive (bench/archive.py) is shaped like the real one: every report its own, kept in
one or two renditions, about half the files PDFs, and a larger archive extends a smaller one."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench.archive import file_name, plan, report, text_saved_anew


def test_every_report_is_its_own_in_one_or_two_renditions() -> None:
    files = plan(1000)
    per_report = Counter(r.seed for r, _ in files)
    assert max(per_report.values()) <= 2  # never a report copied dozens of times
    assert len(per_report) >= 1000 / 2
    names = [file_name(r, rendition) for r, rendition in files]
    assert len(set(names)) == len(names)
    pdfs = sum(rendition == "pdf_text" for _, rendition in files)
    assert 0.4 <= pdfs / len(files) <= 0.6
    assert {r.form for r, _ in files} == {"H30", "R2", "R3", "R4"}
    assert {rendition for _, rendition in files} >= {"pdf_text", "markdown", "tsv_html", "pdftotext_layout"}


def test_a_larger_archive_extends_a_smaller_one() -> None:
    assert plan(4200)[:400] == plan(400)
    assert plan(20, start=400) == plan(420)[400:]
    assert report(7) == report(7)


def test_a_changed_text_file_has_new_bytes(tmp_path: Path) -> None:
    data = "グループ名：「水戸在宅ネット」\n".encode()
    assert text_saved_anew(data, 1) != text_saved_anew(data, 2) != data
    assert text_saved_anew(data, 1).startswith(data)
