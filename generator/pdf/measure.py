"""How many lines a text takes in a cell, from the font's own advance widths (as Calc wraps it:
Japanese breaks between any two chars, an ASCII word only where it fits, kinsoku characters
never start a line)."""

from __future__ import annotations

import functools
import shutil
import subprocess

import pymupdf

PT_PER_MM = 72 / 25.4
NO_LINE_START = frozenset("、。，．,.)）」』】〕］｝〉》ー…：；？！ぁぃぅぇぉっゃゅょァィゥェォッャュョ")  # noqa: RUF001
DEFAULT_WIDTH_SLACK = 0.96  # wrap a little earlier than the exact width: metrics and hinting differ


@functools.lru_cache(maxsize=8)
def font(family: str) -> pymupdf.Font:
    """The font file fontconfig picks for the family, as LibreOffice does."""
    exe = shutil.which("fc-match")
    if exe is None:
        raise RuntimeError("fc-match (fontconfig) is needed to measure text")
    found = subprocess.run([exe, "-f", "%{file}", family], capture_output=True, check=True, text=True)
    return pymupdf.Font(fontfile=found.stdout.strip())


def line_pitch_em(family: str) -> float:
    """Distance of baselines in a Calc cell, in em: the font's ascender plus descender."""
    f = font(family)
    return float(f.ascender - f.descender)


def units(text: str) -> list[str]:
    """Pieces a line may not be broken inside: ASCII words and numbers, a char with the closing
    punctuation after it."""
    out: list[str] = []
    for ch in text:
        glue = out and (
            (ch.isascii() and ch.isalnum() and out[-1][-1:].isascii() and out[-1][-1:].isalnum())
            or ch in NO_LINE_START
        )
        if glue:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def count_lines(text: str, family: str, size_pt: float, width_mm: float) -> int:
    """Printed lines of `text` ("\\n" separates paragraphs) wrapped at `width_mm`."""
    f = font(family)
    available = width_mm * PT_PER_MM * DEFAULT_WIDTH_SLACK
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for unit in units(paragraph):
            w = f.text_length(unit, size_pt)
            if used and used + w > available:
                lines += 1
                used = 0.0
            while w > available:  # a unit wider than the line is broken anyway
                lines += 1
                w -= available
            used += w
    return lines


def text_width_mm(text: str, family: str, size_pt: float) -> float:
    return float(max(font(family).text_length(p, size_pt) for p in text.split("\n"))) / PT_PER_MM
