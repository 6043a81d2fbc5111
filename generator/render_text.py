"""Layout -> the text renditions of the archive: `tsv_html` (seeds 000, 001: tab-separated rows
with HTML cells, `## ` headings or none) and `markdown` (seed 002: pipe tables with a `|---|` row
and HTML cells).

Cells print their paragraphs as `<ul><li>`, as `<p>` (several bullets sharing one `<p>`, as seed
001 does), or joined by spaces (seed 000's `1回 *ポスター…`). A paragraph is joined to the one
before it only where its start still shows the break: it opens with a list marker, or it continues
a marked bullet. A converter that drops list glyphs (seed 002's `<ul>` without `<li>`) loses the
markers: the rendition reports that, and its gold compares joined text. Drawings (org charts) do
not survive the conversion.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from generator.invent_items import CIRCLED

MARKERS = "・▶◆■○●*＊" + CIRCLED
UL_OPEN = '<ul style="list-style-type: none">'
RENDITIONS = ("tsv_html", "markdown")
DEFAULT_PAGE_BREAK_RATE = 0.2


@dataclass(frozen=True)
class TextRendition:
    text: str
    markers_lost: bool = False


def _opens_with_marker(paragraph: str) -> bool:
    return paragraph[:1] in MARKERS


def pieces_of(text: str) -> list[list[str]]:
    """Paragraphs grouped into list pieces: a marked paragraph and the unmarked ones continuing
    it; before any marker, each paragraph is a piece of its own."""
    pieces: list[list[str]] = []
    marked = False
    for paragraph in (p for p in text.split("\n") if p.strip()):
        if _opens_with_marker(paragraph) or not marked or paragraph.startswith("※参考資料"):
            pieces.append([paragraph])
            marked = marked or _opens_with_marker(paragraph)
        else:
            pieces[-1].append(paragraph)
    return pieces


def _may_join(previous: list[str], piece: list[str]) -> bool:
    """Whether a piece may share a line with the one before it without losing the break."""
    if piece[0].startswith("※参考資料"):
        return previous[0].startswith("グループ名")
    names_group = previous[0].startswith(("グループ名", "※参考資料"))
    return _opens_with_marker(piece[0]) and not names_group


def _grouped(pieces: list[list[str]], rng: random.Random, join_rate: float) -> list[str]:
    groups: list[str] = []
    for index, piece in enumerate(pieces):
        text = " ".join(piece)
        if index and _may_join(pieces[index - 1], piece) and rng.random() < join_rate:
            groups[-1] += " " + text
        else:
            groups.append(text)
    return groups


def _link(text: str, rng: random.Random) -> str:
    if "参考資料1" in text and rng.random() < 0.5:
        return text.replace("参考資料1", '<a href="#">参考資料1</a>', 1)
    return text


@dataclass
class CellPrinter:
    """One converter's habits, fixed for a document."""

    rng: random.Random
    list_style: str  # ul, p, bare (markers dropped)
    status_style: str  # p, joined

    def content(self, text: str) -> str:
        pieces = pieces_of(text)
        if not pieces:
            return ""
        if self.list_style == "ul":
            return UL_OPEN + " " + " ".join(f"<li>{' '.join(p)}</li>" for p in pieces) + " </ul>"
        if self.list_style == "bare":
            bare = [" ".join(p).lstrip("・") for p in pieces]
            return UL_OPEN + " " + " ".join(bare) + " </ul>"
        return " ".join(f"<p>{g}</p>" for g in _grouped(pieces, self.rng, 0.6))

    def status(self, text: str) -> str:
        pieces = pieces_of(text)
        if not pieces:
            return ""
        groups = _grouped(pieces, self.rng, 1.0 if self.status_style == "joined" else 0.4)
        groups = [_link(g, self.rng) for g in groups]
        if len(groups) == 1 and self.status_style == "joined":
            return groups[0]
        return "  ".join(f"<p>{g}</p>" for g in groups)

    def title(self, text: str) -> str:
        lines = text.split("\n")
        if self.rng.random() < 0.5:
            return "  ".join(lines)
        return " ".join(f"<p>{line}</p>" for line in lines)

    def plain(self, text: str) -> str:
        return " ".join(p.strip() for p in text.split("\n") if p.strip())


def _cell_text(cell: Any) -> str:
    if cell is None:
        return ""
    return cell if isinstance(cell, str) else str(cell.get("text", ""))


def table_rows(table: dict[str, Any], printer: CellPrinter) -> list[list[str]]:
    rows = []
    for index, row in enumerate(table["rows"]):
        texts = [_cell_text(c) for c in row]
        if index < table.get("header_rows", 0) or table.get("role") != "items":
            rows.append([printer.plain(t) for t in texts])
            continue
        title, content, *status = texts
        rows.append([printer.title(title), printer.content(content), *(printer.status(s) for s in status)])
    return rows


def _is_heading(item: dict[str, Any]) -> bool:
    text = item["p"]
    numbered = text[:1] in "1234１２３４" and text[1:2] == " "
    return bool(item.get("bold")) or (item.get("size") or 0) >= 11 or numbered


def _only_dot_lists(layout: dict[str, Any]) -> bool:
    """Whether every 取組内容 cell is a flat `・` list (the glyph a converter may drop)."""
    for page in layout["pages"]:
        for item in page["items"]:
            if item.get("role") == "items":
                for row in item["rows"][item.get("header_rows", 0) :]:
                    paragraphs = [p for p in _cell_text(row[1]).split("\n") if p.strip()]
                    if not all(p.startswith("・") for p in paragraphs):
                        return False
    return True


def _tables(layout: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for page in layout["pages"] for item in page["items"] if "table" in item]


def _broken_table(layout: dict[str, Any], rng: random.Random) -> tuple[int, int] | None:
    """(table index, row) where a page break splits a table, for some documents: the converter
    prints the rest as a table of its own, with the header again only where the form repeats it."""
    tables = _tables(layout)
    candidates = [i for i, t in enumerate(tables) if len(t["rows"]) - t.get("header_rows", 0) >= 3]
    if not candidates or rng.random() >= DEFAULT_PAGE_BREAK_RATE:
        return None
    index = rng.choice(candidates)
    return index, rng.randint(tables[index].get("header_rows", 0) + 1, len(tables[index]["rows"]) - 1)


def render(layout: dict[str, Any], rendition: str, seed: int) -> TextRendition:
    rng = random.Random(f"{rendition}:{seed}")
    lost = rendition == "markdown" and _only_dot_lists(layout) and rng.random() < 0.4
    list_style = "bare" if lost else rng.choice(("ul", "p"))
    printer = CellPrinter(rng, list_style, rng.choice(("p", "joined")))
    headings = rng.random() < (0.6 if rendition == "tsv_html" else 0.2)
    broken = _broken_table(layout, rng)
    lines: list[str] = [""]
    table_no = -1
    for page in layout["pages"]:
        for item in page["items"]:
            if "p" in item:
                prefix = "## " if headings and _is_heading(item) else ""
                lines += [prefix + item["p"].replace("\n", " "), ""]
                continue
            table_no += 1
            rows = table_rows(item, printer)
            blocks = [rows]
            if broken is not None and broken[0] == table_no:
                head = rows[: item.get("header_rows", 0)] if item.get("repeat_header") else []
                blocks = [rows[: broken[1]], head + rows[broken[1] :]]
            for block in blocks:
                lines += ["\t".join(r) for r in block] if rendition == "tsv_html" else _pipe_table(block)
                lines.append("")
    return TextRendition("\n".join(lines).rstrip("\n") + "\n", markers_lost=lost)


def _pipe_table(rows: list[list[str]]) -> list[str]:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "｜") for c in cells) + " |"

    return [line(rows[0]), "|" + "|".join("---" for _ in rows[0]) + "|", *(line(r) for r in rows[1:])]
