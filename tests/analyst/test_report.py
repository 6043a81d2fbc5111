"""The review report: one self-contained HTML file with documents, checks, charts and, for every PDF
figure, the printed cell cut from its page; opened in headless Chromium as a reviewer would."""

from __future__ import annotations

import html as html_module
import io
import re
import unicodedata
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from pipeline import load_all
from pipeline.link.views import facilities_in_several_years
from pipeline.report.charts import CHARTS
from pipeline.report.crops import DEFAULT_CROP_MARGIN_PT, SourceFiles
from pipeline.report.figures import CropTally, figures_section
from tests.analyst.browser import PageView, view_page
from tests.analyst.conftest import HOSTILE_FILE_NAME, HOSTILE_GROUP, Dataset
from tests.conftest import run_cli

MATPLOTLIB_BLUE = (0x1F, 0x77, 0xB4)  # the first bar colour of every chart
FACTS = {
    "title": "document.title",
    "scripts": "document.scripts.length",
    "images": "document.images.length",
    "images_loaded": "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)",
    "charts": "document.querySelectorAll('.charts img').length",
    "charts_loaded": "Array.from(document.querySelectorAll('.charts img')).every(i => i.naturalWidth > 200)",
    "crops": "document.querySelectorAll('.crop img').length",
    "text": "document.body.innerText",
}


@pytest.fixture(scope="module")
def report(analyst_dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    output = tmp_path_factory.mktemp("report") / "review.html"
    result = run_cli("report", "--dataset", str(analyst_dataset.path), "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output, result.stdout


@pytest.fixture(scope="module")
def page(report: tuple[Path, str]) -> PageView:
    return view_page(report[0], FACTS, shots=(".charts",))


def _pdf_cells(dataset: Dataset) -> set[tuple[str, int, float, float, float, float]]:
    tables = load_all(dataset=dataset.path)
    pdf_docs = set(tables["documents"].query("source_format == 'pdf'")["doc_id"])
    cells = set()
    for name in ("outcomes", "status"):
        rows = tables[name][tables[name]["doc_id"].isin(pdf_docs)]
        if name == "status":
            rows = rows[rows["value"].notna()]
        for r in rows.itertuples(index=False):
            cells.add((r.doc_id, r.page, r.bbox_x0, r.bbox_y0, r.bbox_x1, r.bbox_y1))
    return cells


def test_report_is_one_file_that_loads_nothing(report: tuple[Path, str]) -> None:
    html = report[0].read_text(encoding="utf-8")
    assert re.search(r"<script", html, re.IGNORECASE) is None
    assert re.findall(r'(?:src|href)="(?!data:|#)', html) == []
    assert "default-src 'none'" in html
    assert "KiB" in report[1]


def test_every_pdf_figure_has_its_crop(analyst_dataset: Dataset, report: tuple[Path, str]) -> None:
    html = report[0].read_text(encoding="utf-8")
    cells = _pdf_cells(analyst_dataset)
    assert len(cells) > 40
    assert html.count('<span class="crop"><img src="data:image/png;base64,') == len(cells)
    assert f"{len(cells)} PDF cells cropped, 0 without a crop" in report[1]


def test_crop_boxes_hold_the_printed_figure(analyst_dataset: Dataset) -> None:
    """The box the report cuts out holds the figure's digits on that page of that file."""
    tables = load_all(dataset=analyst_dataset.path)
    documents = tables["documents"].set_index("doc_id")
    figures = tables["outcomes"].dropna(subset=["page", "value"])
    assert len(figures) > 20
    for row in figures.itertuples(index=False):
        path = analyst_dataset.input_root / documents.loc[row.doc_id, "source_path"]
        with pymupdf.open(path) as pdf:
            m = DEFAULT_CROP_MARGIN_PT
            clip = pymupdf.Rect(row.bbox_x0 - m, row.bbox_y0 - m, row.bbox_x1 + m, row.bbox_y1 + m)
            printed = unicodedata.normalize("NFKC", pdf[int(row.page) - 1].get_text("text", clip=clip))
        assert str(row.value) in re.sub(r"\s", "", printed), (row.raw, printed)


def test_crops_only_from_the_file_the_run_read(analyst_dataset: Dataset, tmp_path: Path) -> None:
    (tmp_path / "pdf").mkdir()
    for pdf in (analyst_dataset.input_root / "pdf").iterdir():  # same names, other bytes
        (tmp_path / "pdf" / pdf.name).write_bytes(pdf.read_bytes() + b"\n%changed\n")
    tally = CropTally()
    html = figures_section(load_all(dataset=analyst_dataset.path), SourceFiles([tmp_path]), tally)
    assert (tally.made, tally.missing) == (0, len(_pdf_cells(analyst_dataset)))
    assert "source file not found unchanged under the input root: pdf/r3_ami.pdf" in html


def test_sections(report: tuple[Path, str], analyst_dataset: Dataset) -> None:
    html = report[0].read_text(encoding="utf-8")
    tables = load_all(dataset=analyst_dataset.path)
    for heading in ("By status", "By form version", "By rendition", "Outcomes across fiscal years"):
        assert heading in html
    several = facilities_in_several_years(tables)
    assert len(several) >= 5 and f"Facilities seen in several years ({len(several)})" in html
    for facility in several.itertuples(index=False):
        assert facility.facility_id in html and html_module.escape(facility.name) in html
    assert f"Checks ({len(tables['checks'])})" in html
    assert html.count('<img src="data:image/svg+xml;base64,') == len(CHARTS)
    for check in tables["checks"].itertuples(index=False):
        assert html_module.escape(check.detail) in html


def test_hostile_text_is_shown_not_run(report: tuple[Path, str], page: PageView) -> None:
    html = report[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&quot;pwned&quot;" in html
    assert page.facts["scripts"] == 0
    assert page.facts["title"].startswith("Review of run")
    assert HOSTILE_GROUP in page.facts["text"]
    assert HOSTILE_FILE_NAME in page.facts["text"]


def test_renders_in_chromium_with_charts_and_crops(report: tuple[Path, str], page: PageView) -> None:
    html = report[0].read_text(encoding="utf-8")
    assert page.errors == []
    assert page.console == []
    assert page.facts["images_loaded"] is True
    assert page.facts["charts"] == len(CHARTS) and page.facts["charts_loaded"] is True
    assert page.facts["crops"] == html.count('<span class="crop">') > 0
    screen = Image.open(io.BytesIO(page.screenshots["page"])).convert("RGB")
    assert screen.width == 1280 and screen.height > 500
    assert len(screen.getcolors(maxcolors=1 << 20) or []) > 20  # text, rules and shading: not blank
    charts = Image.open(io.BytesIO(page.screenshots[".charts"])).convert("RGB")
    colours: list[tuple[int, tuple[int, int, int]]] = charts.getcolors(maxcolors=1 << 24) or []  # type: ignore[assignment]
    blue = sum(
        n for n, rgb in colours if max(abs(a - b) for a, b in zip(rgb, MATPLOTLIB_BLUE, strict=True)) < 8
    )
    assert blue > 500  # the bars are drawn


def test_the_browser_check_catches_a_broken_page(tmp_path: Path) -> None:
    """Control: a page whose script runs and whose image is missing fails the checks above."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><body><p>x</p><script>console.error("ran")</script>'
        '<img src="missing.png"></body></html>',
        encoding="utf-8",
    )
    view = view_page(bad, {"scripts": "document.scripts.length"})
    assert view.facts["scripts"] == 1
    assert len(view.errors) >= 2
