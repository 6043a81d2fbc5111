from __future__ import annotations

import pytest

from extractors import layout_text, markdown, tsv_html
from extractors.detect import decode_text, is_pdf
from extractors.html_cells import html_cell_to_text
from pipeline.formats import Input, format_of


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ('<ul style="x"> <li>・一つ目</li> <li>・二つ目</li> </ul>', "・一つ目\n\n・二つ目"),
        ("<p>0回</p> <p>10件</p>", "0回\n\n10件"),
        ("合計回数:297回 <small>（うち往診:50回）</small>", "合計回数:297回 （うち往診:50回）"),
        (
            'グループ名 <b>水戸市グループ</b> ※<a href="#">参考資料1</a>',
            "グループ名 水戸市グループ ※参考資料1",
        ),
        ("A &amp; B<br>C", "A & B\n\nC"),
        ("", ""),
    ],
)
def test_html_cell_to_text(cell: str, text: str) -> None:
    assert html_cell_to_text(cell) == text


@pytest.mark.parametrize(
    ("text", "rendition"),
    [
        ("## 見出し\n\ta\tb\n1\t<p>x</p>\ty\n", "tsv_html"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"),
        ("取組事項 取組内容\n\n現  状\n", "layout_text"),
    ],
)
def test_detect_text_rendition(text: str, rendition: str) -> None:
    spec = format_of(Input(text.encode()))
    assert spec is not None and spec.name == rendition


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("取組".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "取組".encode(), "utf-8-sig"),
        ("取組～①".encode("cp932"), "cp932"),
        (bytes(range(256)) * 8, None),
    ],
)
def test_decode_text(data: bytes, encoding: str | None) -> None:
    decoded = decode_text(data)
    assert (decoded.encoding if decoded else None) == encoding
    if decoded:
        assert decoded.text.startswith("取組")


def test_is_pdf() -> None:
    assert is_pdf(b"%PDF-1.7\n...") and not is_pdf(b"PK\x03\x04")


def test_tsv_rows_cells_and_spans() -> None:
    text = "## 1 見出し\n\n\t現 状\t実 績\n<p>1 取組</p>\t<p>0回</p>\t2回\n\n注記\n"
    doc = tsv_html.extract(text)
    kinds = [(b.kind, b.span.line_start) for b in doc.blocks]
    assert kinds == [("heading", 1), ("table", 3), ("paragraph", 6)]
    table = doc.blocks[1]
    assert [[c.text for c in row] for row in table.rows] == [["", "現 状", "実 績"], ["1 取組", "0回", "2回"]]
    assert table.rows[1][0].span.line_start == 4 and table.span.line_end == 4


def test_markdown_skips_rule_rows() -> None:
    text = "| 取組事項 | 取組内容 |\n|---|---|\n| <p>1</p> | x |\n"
    table = markdown.extract(text).blocks[0]
    assert [[c.text for c in row] for row in table.rows] == [["取組事項", "取組内容"], ["1", "x"]]


def test_layout_lines_keep_indent_and_line_numbers() -> None:
    doc = layout_text.extract("取組\n\n    0回 \n\f  稲敷医師会   \n")
    assert [(b.text, b.indent, b.span.line_start) for b in doc.blocks] == [
        ("取組", 0, 1),
        ("    0回", 4, 3),
        ("  稲敷医師会", 2, 4),
    ]
