"""The committed sample PDFs that tests/generator/test_pdf_render.py reads without LibreOffice:
seed layouts of tests/fixtures/pdf_content printed in both styles, both font technologies, all
three orientations and with tables broken at seeded rows. Rebuild them (needs soffice) with

    python -m generator.pdf.samples
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.pdf.options import PdfOptions
from generator.pdf.render import render_pdfs

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "tests" / "fixtures" / "pdf_content"
OUT = ROOT / "tests" / "generator" / "pdf_samples"
# sample file -> (layout in CONTENT, options)
SAMPLES: dict[str, tuple[str, PdfOptions]] = {
    "r2_word_noto_mixed.pdf": ("r2_tsukubamirai", PdfOptions("word", "Noto Sans CJK JP", "mixed", 11)),
    "r2_grid_ipamincho_mixed.pdf": ("r2_tsukubamirai", PdfOptions("grid", "IPAMincho", "mixed", 5)),
    "r3_grid_noto_portrait.pdf": ("r3_ami", PdfOptions("grid", "Noto Sans CJK JP", "portrait", 1)),
    "r3_word_ipagothic_landscape.pdf": ("r3_ami", PdfOptions("word", "IPAGothic", "landscape", 8)),
}


def layout(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CONTENT / f"{name}.json").read_text(encoding="utf-8"))
    return data


def main() -> int:
    jobs = [(layout(name), OUT / sample, options) for sample, (name, options) in SAMPLES.items()]
    render_pdfs(jobs)
    for _, out, _ in jobs:
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
