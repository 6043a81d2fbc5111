"""A synthetic archive of N report files for `make bench`, shaped like the real one.

What a realistic archive is: the real archive is the groups' yearly reports (fiscal years H30-R4),
each report kept in one or two renditions (the PDF, and sometimes a text rendition of it: Markdown,
TSV with HTML cells, poppler's text of the PDF). A facility is printed by the reports of its
group, in their renditions: a handful of files, never dozens. A larger archive has more reports
(more groups, more years), not more copies of the same reports. So here every report is one of
its own: the report generator invents report `i` from its own seed (its group, members, phones,
figures, form version and layout drawn from the generator's vocabulary), and the report is kept
in one or two renditions:
- `PDF_RATE` of the reports are printed to a PDF (LibreOffice, 2-6 pages, as the generator prints
  them); of those, `SECOND_RENDITION_RATE` are also kept as a text rendition (poppler's text of
  that PDF, Markdown or TSV);
- the others are kept as a text rendition only (Markdown or TSV), `SECOND_RENDITION_RATE` of them
  in both;
so about half the files are PDFs and a report has 1.4 files on average. Facility names are drawn
from the generator's vocabulary, so two reports may print one name (as two clinics of one surname
do in the real prefecture), but no report is copied. Not modelled: a group's members carried from
one fiscal year's report to the next (each report invents its group), so a body is never printed
again with its phone. Known limit: the vocabulary is small (51 visiting nurse station names, about
740 clinic names) and every body gets a fresh phone, so the bodies that share a name grow with N
(at N=4000 one station name is printed by 73 rows of different stations, where a real prefecture
has a few); the pairs in doubt between them grow with the square of N (94,618 at N=4000), raised
as one `facility_ambiguous` check a name (1,213 at N=4000), and linking compares each pair.
A larger archive shaped like the real one would draw its bodies from a prefecture of a bounded
size, each body keeping its name and phone in every report that prints it.

Each report's files are made once and cached under `~/.cache/gurupuka-bench/reports-<key>/<seed>/`
(override with $GURUPUKA_BENCH_CACHE), keyed by a hash of the generator's source: a changed
generator makes new files, and a larger archive reuses a smaller one's reports (report `i` is the
same in every archive). Printing the PDFs costs about 0.3 s each (LibreOffice), so the first
N=4000 archive takes several minutes to build.

The bench's changes: a changed file gets new bytes with the same report in it (a PDF saved anew
with other metadata; a text rendition with a line of tabs and spaces at its end), so its doc_id,
and every row keyed by it, changes; an added file is the next files of the same sequence (new
reports, or the second rendition of the last report).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
REPORT_SEED = 20261
PDF_RATE = 0.7
SECOND_RENDITION_RATE = 0.4
TEXT_RENDITIONS = ("markdown", "tsv_html")
PDF_TEXT_RENDITIONS = ("pdftotext_layout", "pdftotext_default", "markdown", "tsv_html")
CACHE_ENV = "GURUPUKA_BENCH_CACHE"
FILES_PER_FOLDER = 500
REPORTS_PER_PRINT = 40  # PDFs printed per LibreOffice run
SUFFIXES = {"pdf_text": ".pdf"}  # every other rendition is a .txt


@dataclass(frozen=True)
class Report:
    """One invented report and the renditions the archive keeps of it, in order."""

    index: int
    seed: int
    form: str
    renditions: tuple[str, ...]


@dataclass(frozen=True)
class ArchiveFile:
    name: str  # <seed>_<rendition><suffix>
    data: bytes

    @property
    def is_pdf(self) -> bool:
        return self.data.startswith(b"%PDF")


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV, Path.home() / ".cache" / "gurupuka-bench"))


def generator_key() -> str:
    """A hash of the generator's source and the archive's plan."""
    digest = hashlib.sha256(
        json.dumps([REPORT_SEED, PDF_RATE, SECOND_RENDITION_RATE, PDF_TEXT_RENDITIONS]).encode()
    )
    for path in sorted((ROOT / "generator").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def report(index: int) -> Report:
    """Report `index` of every archive: its own seed, the form versions in turn, its renditions."""
    from generator.wording import FORMS

    seed = REPORT_SEED * 1_000_000 + index
    rng = random.Random(f"bench:{seed}")
    if rng.random() < PDF_RATE:
        renditions: tuple[str, ...] = ("pdf_text",)
        if rng.random() < SECOND_RENDITION_RATE:
            renditions += (rng.choice(PDF_TEXT_RENDITIONS),)
    else:
        first = rng.choice(TEXT_RENDITIONS)
        renditions = (first,)
        if rng.random() < SECOND_RENDITION_RATE:
            renditions += tuple(r for r in TEXT_RENDITIONS if r != first)
    return Report(index, seed, FORMS[index % len(FORMS)], renditions)


def plan(count: int, start: int = 0) -> list[tuple[Report, str]]:
    """Files `start` .. `start + count` of the sequence every archive is a prefix of: each report's
    renditions in turn."""
    files: list[tuple[Report, str]] = []
    index = 0
    while len(files) < start + count:
        r = report(index)
        files += [(r, rendition) for rendition in r.renditions]
        index += 1
    return files[start : start + count]


def file_name(r: Report, rendition: str) -> str:
    return f"{r.seed}_{rendition}{SUFFIXES.get(rendition, '.txt')}"


def _folder(r: Report) -> Path:
    return cache_root() / f"reports-{generator_key()}" / str(r.seed)


def _make(reports: list[Report]) -> None:
    """Invent, lay out and print the reports; each report's folder appears whole or not at all."""
    from generator.corpus import PDF_TEXT_MODES, print_pdfs
    from generator.invent import make_truth
    from generator.layout import make_layout
    from generator.pdf import pdftotext
    from generator.render_text import render

    laid_out = [(make_truth(r.seed, r.form), r) for r in reports]
    layouts = [(truth, make_layout(truth)) for truth, _ in laid_out]
    with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
        printing = [
            (t, lay) for (t, lay), (_, r) in zip(layouts, laid_out, strict=True) if "pdf_text" in r.renditions
        ]
        pdfs = {truth.seed: path for truth, path in print_pdfs(printing, Path(tmp))}
        for (truth, layout), (_, r) in zip(layouts, laid_out, strict=True):
            folder = _folder(r)
            partial = folder.with_name(folder.name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            for rendition in r.renditions:
                if rendition == "pdf_text":
                    data = pdfs[truth.seed].read_bytes()
                elif rendition in PDF_TEXT_MODES:
                    data = pdftotext(pdfs[truth.seed], PDF_TEXT_MODES[rendition]).encode("utf-8")
                else:
                    data = render(layout, rendition, truth.seed).text.encode("utf-8")
                (partial / file_name(r, rendition)).write_bytes(data)
            shutil.rmtree(folder, ignore_errors=True)
            partial.rename(folder)


def ensure_reports(count: int) -> None:
    """Make the reports of the first `count` files that the cache lacks, a print run at a time."""
    reports = sorted({r.index: r for r, _ in plan(count)}.values(), key=lambda r: r.index)
    missing = [r for r in reports if not _folder(r).is_dir()]
    if missing:
        print(f"bench archive: inventing and printing {len(missing)} reports once (cached)", flush=True)
    for start in range(0, len(missing), REPORTS_PER_PRINT):
        _make(missing[start : start + REPORTS_PER_PRINT])


def archive_files(count: int, start: int = 0) -> list[ArchiveFile]:
    ensure_reports(start + count)
    return [
        ArchiveFile(name, (_folder(r) / name).read_bytes())
        for r, rendition in plan(count, start)
        for name in (file_name(r, rendition),)
    ]


def archive_path(root: Path, index: int, file: ArchiveFile) -> Path:
    return root / f"part{index // FILES_PER_FOLDER:03d}" / f"{index:05d}_{file.name}"


def build_archive(root: Path, count: int, start: int = 0) -> list[Path]:
    """Files `start` .. `start + count` of the sequence written under `root`; their paths."""
    paths = []
    for offset, file in enumerate(archive_files(count, start)):
        path = archive_path(root, start + offset, file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.data)
        paths.append(path)
    return paths


def pdf_saved_anew(data: bytes, k: int) -> bytes:
    """The same PDF saved again with other metadata: the same pages, other bytes."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    metadata = dict(doc.metadata or {})
    metadata.update(title=f"bench change {k}", keywords=f"v{k}")
    doc.set_metadata({key: value for key, value in metadata.items() if isinstance(value, str)})
    return bytes(doc.tobytes())


def text_saved_anew(data: bytes, k: int) -> bytes:
    """The same text with a trailing line of tabs and spaces (k in binary): nothing a reader prints."""
    return data + b"\n" + format(k, "b").replace("0", " ").replace("1", "\t").encode() + b"\n"


def change_files(root: Path, share: float, seed: int = 5) -> list[Path]:
    """Give `share` of the archive's files new bytes holding the same report; returns them."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    chosen = random.Random(seed).sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        data, k = path.read_bytes(), 100_000 + files.index(path)
        path.write_bytes(pdf_saved_anew(data, k) if data.startswith(b"%PDF") else text_saved_anew(data, k))
    return chosen
