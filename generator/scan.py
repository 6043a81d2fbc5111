"""Scans of generated text-layer PDFs: every page rendered grey at a resolution, scanner noise,
optionally binarized, slightly skewed, turned 90° or 180°, and written back as an image-only PDF.
The same PDF, variant and seed give the same bytes.

    python -m generator.scan --variants grey200,bin150 --out DIR FILE.pdf ...
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pymupdf

DEFAULT_NOISE = 6.0  # standard deviation of the grey noise added to every pixel
DEFAULT_BLUR = 0.6  # px: the scanner's blur (Gaussian sigma at 200 dpi, scaled by resolution)
DEFAULT_PAPER = 243  # grey level of the paper (scans are never pure white)
DEFAULT_SKEW = (0.3, 1.0)  # degrees, either way, of a skewed variant
DEFAULT_THRESHOLD = 150  # grey level of a binarized scan's threshold


@dataclass(frozen=True)
class ScanVariant:
    name: str
    dpi: int
    binarized: bool = False
    skewed: bool = False
    turn: int = 0  # clockwise degrees the page lies turned


VARIANTS = {
    v.name: v
    for v in (
        ScanVariant("grey120", 120),
        ScanVariant("grey150", 150),
        ScanVariant("grey200", 200),
        ScanVariant("grey300", 300),
        ScanVariant("bin150", 150, binarized=True),
        ScanVariant("bin200", 200, binarized=True),
        ScanVariant("skew200", 200, skewed=True),
        ScanVariant("skew150bin", 150, binarized=True, skewed=True),
        ScanVariant("turn90_200", 200, turn=90),
        ScanVariant("turn180_150", 150, turn=180),
    )
}


def scan_page(gray: np.ndarray, variant: ScanVariant, rng: random.Random) -> np.ndarray:
    """One rendered page as scanned."""
    page: np.ndarray = gray.astype(np.float32) * (DEFAULT_PAPER / 255.0)
    if variant.skewed:
        low, high = DEFAULT_SKEW
        degrees = rng.uniform(low, high) * rng.choice((-1, 1))
        height, width = page.shape
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
        page = cv2.warpAffine(
            page, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=float(DEFAULT_PAPER)
        )
    sigma = DEFAULT_BLUR * variant.dpi / 200
    page = cv2.GaussianBlur(page, (0, 0), sigma)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0.0, DEFAULT_NOISE, page.shape)
    page = np.clip(page + noise, 0, 255)
    if variant.binarized:
        page = np.where(page < DEFAULT_THRESHOLD, 0, 255)
    out = page.astype(np.uint8)
    return np.ascontiguousarray(np.rot90(out, k=-(variant.turn // 90))) if variant.turn else out


def scan_pdf(data: bytes, variant: ScanVariant, seed: int) -> bytes:
    """The PDF as an image-only scan (one grey or black-and-white image a page)."""
    rng = random.Random(f"scan:{seed}:{variant.name}")
    source = pymupdf.open(stream=data, filetype="pdf")
    out = pymupdf.open()
    for page in source.pages():
        pix = page.get_pixmap(dpi=variant.dpi, colorspace=pymupdf.csGRAY, alpha=False)
        gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
        scanned = scan_page(gray, variant, rng)
        height, width = scanned.shape
        image = pymupdf.Pixmap(pymupdf.csGRAY, width, height, scanned.tobytes(), 0)
        target = out.new_page(width=width * 72 / variant.dpi, height=height * 72 / variant.dpi)
        target.insert_image(target.rect, stream=image.tobytes("png"))
    out.set_metadata({})
    printed: bytes = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    return printed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.scan", description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"of {', '.join(VARIANTS)}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.pdfs:
        for name in args.variants.split(","):
            target = args.out / f"{path.stem}.{name}.pdf"
            target.write_bytes(scan_pdf(path.read_bytes(), VARIANTS[name], args.seed))
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
