"""Try the renderer on one layout:

python -m generator.pdf LAYOUT.json OUT.pdf --style grid --font IPAMincho --orientation mixed
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from generator.pdf.options import FONTS, ORIENTATIONS, STYLES, PdfOptions
from generator.pdf.render import render_pdf, source_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.pdf", description=__doc__)
    parser.add_argument("layout", type=Path, help="layout document (JSON)")
    parser.add_argument("out", type=Path, help="PDF to write")
    parser.add_argument("--style", choices=STYLES, default="word")
    parser.add_argument("--font", choices=FONTS, default=PdfOptions.font)
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape")
    parser.add_argument("--break-seed", type=int, default=None, help="break tables at rows drawn from it")
    parser.add_argument("--font-size", type=float, default=None, help="points (default: the layout's)")
    parser.add_argument("--source", action="store_true", help="also keep the ODF source beside the PDF")
    args = parser.parse_args(argv)
    layout = json.loads(args.layout.read_text(encoding="utf-8"))
    options = PdfOptions(args.style, args.font, args.orientation, args.break_seed, args.font_size)
    started = time.monotonic()
    render_pdf(layout, args.out, options)
    if args.source:
        suffix, text = source_document(layout, options)
        args.out.with_suffix(suffix).write_text(text, encoding="utf-8")
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
