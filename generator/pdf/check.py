"""Read a rendered PDF back: embedded font technologies, page orientations, ruling lines, and
which layout strings its text layer lacks."""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pymupdf

from generator.pdf.plan import layout_strings

FONT_FILES = {"FontFile": "type1", "FontFile2": "truetype", "FontFile3": "cff"}
DEFAULT_MIN_RULE_PT = 5.0  # shorter strokes are not ruling lines


def squeeze(text: str) -> str:
    """NFKC without whitespace, as the gold is compared."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def embedded_fonts(pdf: Path) -> dict[str, str]:
    """Base font name -> technology of its embedded program (`type1`, `truetype`, `cff`)."""
    out = {}
    with pymupdf.open(pdf) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Type")[1] != "/FontDescriptor":
                continue
            name = doc.xref_get_key(xref, "FontName")[1].lstrip("/")
            for key, tech in FONT_FILES.items():
                if doc.xref_get_key(xref, key)[0] == "xref":
                    out[name.split("+", 1)[-1]] = tech
    return out


def page_orientations(pdf: Path) -> list[str]:
    with pymupdf.open(pdf) as doc:
        return ["landscape" if p.rect.width > p.rect.height else "portrait" for p in doc]


def ruling_lines(page: pymupdf.Page) -> tuple[int, int]:
    """Horizontal and vertical strokes (lines or rectangle edges) at least DEFAULT_MIN_RULE_PT long."""
    h = v = 0
    for path in page.get_drawings():
        for item in path["items"]:
            if item[0] == "l":
                a, b = item[1], item[2]
            elif item[0] == "re":
                r = item[1]
                if r.width >= DEFAULT_MIN_RULE_PT and r.height < 1:
                    h += 1
                elif r.height >= DEFAULT_MIN_RULE_PT and r.width < 1:
                    v += 1
                continue
            else:
                continue
            if abs(a.y - b.y) < 0.1 and abs(a.x - b.x) >= DEFAULT_MIN_RULE_PT:
                h += 1
            elif abs(a.x - b.x) < 0.1 and abs(a.y - b.y) >= DEFAULT_MIN_RULE_PT:
                v += 1
    return h, v


def family(font: str) -> str:
    """`BAAAAA+NotoSansCJKjp-Bold-VKana` -> `NotoSansCJKjp`."""
    return font.split("+", 1)[-1].split("-", 1)[0]


def text_layer(pdf: Path) -> tuple[list[str], frozenset[str]]:
    """Each page's chars in content order, and the chars printed in a fallback font (a glyph the
    chosen font lacks, e.g. ㋿ in IPA fonts: LibreOffice prints it as a run of its own, out of
    reading order)."""
    pages: list[str] = []
    fonts: Counter[str] = Counter()
    by_font: dict[str, set[str]] = {}
    with pymupdf.open(pdf) as doc:
        for page in doc:
            pages.append(page.get_text("text", sort=False))
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", ()):
                    for span in line["spans"]:
                        fonts[family(span["font"])] += len(span["text"])
                        by_font.setdefault(family(span["font"]), set()).update(span["text"])
    main = fonts.most_common(1)[0][0] if fonts else ""
    fallback = {ch for name, chars in by_font.items() if name != main for ch in chars if ch.strip()}
    return pages, frozenset(fallback - by_font.get(main, set()))


def found(s: str, pages: list[str]) -> bool:
    """In one page, or begun on one page and ended on the next (a row broken across pages)."""
    if any(s in p for p in pages):
        return True
    return any(s[:i] in a and s[i:] in b for a, b in itertools.pairwise(pages) for i in range(1, len(s)))


def missing_strings(layout: dict[str, Any], pdf: Path) -> list[str]:
    """Layout strings not found whole in the text layer (fallback-font chars set aside), and
    chars the text layer lacks."""
    raw, fallback = text_layer(pdf)
    pages = [squeeze(p) for p in raw]
    bare = [squeeze("".join(ch for ch in p if ch not in fallback)) for p in raw]
    strings = layout_strings(layout)
    missing = [
        squeeze(s)
        for s in strings
        if not found(squeeze(s), pages)
        and not found(squeeze("".join(c for c in s if c not in fallback)), bare)
    ]
    lacking = Counter(squeeze("".join(strings))) - Counter("".join(pages))
    return missing + [f"chars: {''.join(sorted(lacking.elements()))}"] * bool(lacking)
