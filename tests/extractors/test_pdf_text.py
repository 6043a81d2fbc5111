"""extractors.pdf_text on the committed fixtures (tests/fixtures/pdf, built by make_pdfs.py).

Cells are compared with the transcription the PDF was printed from and with the
seed text rendition of the same report, after NFKC and removing all whitespace.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import pymupdf
import pytest

from bench.pdf_tables import expected_tables, join_continued, normalize, transcription_for
from extractors import pdf, pdf_image
from extractors.blocks import ExtractedDocument
from tests.conftest import ROOT

PDF_DIR = ROOT / "tests" / "fixtures" / "pdf"
SEEDS = ROOT / "data" / "raw"  # the seed renditions (same files as shared/seeds)
TEXT_PDFS = ["h30_ryugasaki.pdf", "r2_tsukubamirai.pdf", "r3_ami.pdf", "r4_mito.pdf"]
SEED_OF = {
    "h30_ryugasaki.pdf": "002_ea5a7a86fcbe7014.txt",
    "r2_tsukubamirai.pdf": "000_77fec06e79e16c0d.txt",
    "r3_ami.pdf": "003_1d5314b91ff3f58c.txt",
    "r4_mito.pdf": "001_aa0a80047dfd47e6.txt",
}
ORG_CHART = [
    "稲敷医師会",
    "印南クリニック",
    "さかえ医院",
    "なるしま内科医院",
    "東京医科大学茨城医療センター",
    "東京医科大学霞ケ浦訪問看護ステーション",
    "らふえる訪問看護ステーション",
]


@cache
def extracted(name: str) -> ExtractedDocument:
    return pdf.extract_pdf((PDF_DIR / name).read_bytes())


def tables(doc: ExtractedDocument) -> list[tuple[int, list[list[str]]]]:
    return [
        (b.span.page or 0, [[c.text for c in row] for row in b.rows]) for b in doc.blocks if b.kind == "table"
    ]


def seed_tables(seed: Path) -> list[list[list[str]]]:
    """Tables of a tsv+HTML or Markdown seed: cells with HTML tags stripped."""

    def cell(s: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", " ", s))

    out: list[list[list[str]]] = []
    previous_was_row = False
    for line in seed.read_text(encoding="utf-8").split("\n"):
        if line.startswith("|"):
            row = None if set(line) <= set("|- ") else [cell(c) for c in line.strip()[1:-1].split("|")]
        else:
            row = [cell(c) for c in line.split("\t")] if "\t" in line else None
        is_row = row is not None or line.startswith("|")
        if row is not None:
            (out[-1].append(row) if previous_was_row else out.append([row]))
        previous_was_row = is_row
    return out


def compare(found: list[list[list[str]]], expected: list[list[list[str]]]) -> tuple[int, int, list[str]]:
    right, total, wrong = 0, 0, []
    for t, table in enumerate(expected):
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                got = (
                    found[t][r][c] if t < len(found) and r < len(found[t]) and c < len(found[t][r]) else None
                )
                total += 1
                if got is not None and normalize(got) == normalize(text):
                    right += 1
                else:
                    wrong.append(f"table {t + 1} row {r + 1} col {c + 1}: {got!r} != {text!r}")
    return right, total, wrong


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_cells_match_transcription(name: str) -> None:
    found = join_continued(tables(extracted(name)))
    content = transcription_for(PDF_DIR / name)
    assert content is not None
    right, total, wrong = compare(found, expected_tables(content))
    print(f"{name}: {right}/{total} cells = {right / total:.1%} (transcription)")
    assert wrong == []


@pytest.mark.parametrize("name", ["h30_ryugasaki.pdf", "r2_tsukubamirai.pdf", "r4_mito.pdf"])
def test_cells_match_seed_rendition(name: str) -> None:
    found = join_continued(tables(extracted(name)))
    right, total, wrong = compare(found, seed_tables(SEEDS / SEED_OF[name]))
    print(f"{name}: {right}/{total} cells = {right / total:.1%} (seed {SEED_OF[name]})")
    assert wrong == []


def test_r3_cells_are_in_layout_seed() -> None:
    """The seed of r3 is flattened layout text: every cell must appear in it as a run of text."""
    seed = normalize((SEEDS / SEED_OF["r3_ami.pdf"]).read_text(encoding="utf-8"))
    cells = [c for _, rows in tables(extracted("r3_ami.pdf")) for row in rows for c in row if c]
    missing = [c for c in cells if normalize(c) not in seed]
    print(f"r3_ami.pdf: {len(cells) - len(missing)}/{len(cells)} cells found in the layout seed")
    assert missing == []


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_spans_rows_and_rendition(name: str) -> None:
    doc = extracted(name)
    assert doc.rendition == "pdf_text" and doc.pages
    assert {f.check for f in doc.findings} <= {"drawn_labels"}
    for block in doc.blocks:
        assert block.span.page is not None and 1 <= block.span.page <= doc.pages
        widths = {len(row) for row in block.rows}
        assert len(widths) <= 1, "every row has the table's column count"
        assert all(cell.span.page == block.span.page for row in block.rows for cell in row)


def test_merged_cells_text_once_in_top_left() -> None:
    members = tables(extracted("r2_tsukubamirai.pdf"))[0][1]
    assert [row[0] for row in members[2:8]] == ["これから在宅医療への参入又は拡\n充に取り組む医療機関等"] + [
        ""
    ] * 5
    assert members[1][:2] == ["郡市医師会", "①"] and members[3][1] == ""
    outcome = tables(extracted("r3_ami.pdf"))[1][1]
    assert outcome[5][:2] == ["連携する医療機関内の合計", ""]  # merged over two columns
    assert outcome[1][0].startswith("在宅に赴いて") and outcome[2][0] == outcome[4][0] == ""


def test_org_chart_labels_are_not_cell_text() -> None:
    doc = extracted("r3_ami.pdf")
    index = next(i for i, b in enumerate(doc.blocks) if b.kind == "table")
    item1 = doc.blocks[index].rows[1][1].text
    for label in ORG_CHART:
        if label not in ("東京医科大学茨城医療センター",):  # also named inside a bullet
            assert label not in item1
    assert normalize(item1).endswith(normalize("閲覧報告できるように活用します。"))
    assert [b.text for b in doc.blocks[index + 1 : index + 8]] == ORG_CHART
    assert all(b.kind == "paragraph" for b in doc.blocks[index + 1 : index + 8])
    assert any(f.check == "drawn_labels" for f in doc.findings)


def test_continued_table_on_page_2() -> None:
    doc = extracted("r4_mito.pdf")
    page2 = [b for b in doc.blocks if b.span.page == 2]
    assert page2[0].kind == "table", "the 取組 table continues at the top of page 2"
    rows = page2[0].rows
    assert rows[0][0].text == "取組事項"  # header row repeated, kept as printed
    assert [r[0].text[:1] for r in rows[1:]] == ["2", "3"]
    first = next(b for b in doc.blocks if b.kind == "table")
    assert first.span.page == 1 and len(first.rows) == 2


def test_soft_and_hard_breaks() -> None:
    doc = extracted("r3_ami.pdf")
    rows = next(b for b in doc.blocks if b.kind == "table").rows
    assert rows[0][2].text == "現  状\n\n（事前協議月の前月\nから過去６箇月間の\n状況）"
    bullets = rows[1][1].text.split("\n\n")
    assert len(bullets) == 7 and all(b.startswith("・") for b in bullets)
    assert "FA\nXにて" in bullets[0]  # wrapped inside a word: soft
    assert rows[1][0].text.split("\n\n")[1] == "※グループ内の取組に関す\nること。"


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_paragraph_structure(name: str) -> None:
    """Hard breaks ("\\n\\n") split a cell into the paragraphs it was typed with."""
    found = join_continued(tables(extracted(name)))
    right = total = 0
    content = transcription_for(PDF_DIR / name)
    assert content is not None
    for table, exp_table in zip(found, expected_tables(content), strict=False):
        for row, exp_row in zip(table, exp_table, strict=False):
            for got, text in ((g, e) for g, e in zip(row, exp_row, strict=False) if e):
                total += 1
                right += [normalize(p) for p in got.split("\n\n")] == [normalize(p) for p in text.split("\n")]
    print(f"{name}: {right}/{total} cells split into their paragraphs")
    assert right >= total - 1  # r4: "…の開催・調整" ends at the edge before "0回": read as a wrap


def test_text_outside_tables_in_reading_order() -> None:
    doc = extracted("r3_ami.pdf")
    page1 = [b.kind if b.kind == "table" else b.text for b in doc.blocks if b.span.page == 1]
    assert page1[0] == "【地域で支え合う医療機関等の連携体制を構築するために必要な３つの取組】"
    assert page1[1] == "table"
    assert page1[-3:] == [
        "別添１－２",
        "※本票（別添１－２）は公表資料として活用する。（取組状況に応じて随時、修正するものとする）。",
        "。",
    ]
    r2 = [
        b.text for b in extracted("r2_tsukubamirai.pdf").blocks if b.span.page == 1 and b.kind == "paragraph"
    ]
    assert r2[0] == "別添 1" and "参入促進・連携（グループ化）名： つくばみらい市グループ" in r2


def transformed(name: str, rotate: int = 0, scale: float = 1.0) -> bytes:
    """The fixture's first page scaled onto a new page; with `rotate`, stored sideways (a
    portrait mediabox, content drawn turned) with a /Rotate that shows it upright, as
    scanners and printers write landscape forms."""
    src = pymupdf.open(PDF_DIR / name)
    out = pymupdf.open()
    width, height = src[0].rect.width * scale, src[0].rect.height * scale
    if rotate % 180:
        width, height = height, width
    page = out.new_page(width=width, height=height)
    page.show_pdf_page(page.rect, src, 0, rotate=rotate if rotate <= 180 else rotate - 360)
    page.set_rotation(rotate)
    return out.tobytes()


@pytest.mark.parametrize("rotate,scale", [(90, 1.0), (270, 1.0), (0, 0.7), (90, 1.41)])
def test_rotated_and_scaled_pages_read_alike(rotate: int, scale: float) -> None:
    plain = [b for b in extracted("h30_ryugasaki.pdf").blocks if b.span.page == 1]
    doc = pdf.extract_pdf(transformed("h30_ryugasaki.pdf", rotate, scale))
    assert [(b.kind, b.text, [[c.text for c in r] for r in b.rows]) for b in doc.blocks] == [
        (b.kind, b.text, [[c.text for c in r] for r in b.rows]) for b in plain
    ]


def test_image_only_pages_without_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_image, "find_tesseract", lambda: None)
    doc = pdf.extract_pdf((PDF_DIR / "scan_r2_tsukubamirai.pdf").read_bytes())
    assert doc.blocks == () and doc.pages == 3 and doc.rendition == "pdf_image"
    assert [(f.check, f.detail) for f in doc.findings] == [("ocr_unavailable", pdf_image.NO_OCR_PROBLEM)]


@pytest.mark.parametrize(
    "name,expected", [(n, True) for n in TEXT_PDFS] + [("scan_r2_tsukubamirai.pdf", False)]
)
def test_has_text_layer(name: str, expected: bool) -> None:
    data = (PDF_DIR / name).read_bytes()
    assert pdf.has_text_layer(pdf.open_pdf(data)) is expected


@pytest.mark.parametrize("name", [*TEXT_PDFS, "scan_r2_tsukubamirai.pdf"])
def test_fixtures_are_small(name: str) -> None:
    assert (PDF_DIR / name).stat().st_size < 300_000
