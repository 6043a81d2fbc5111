"""Where a half-width space is printed after a member's corporation, told from the letters' pitch.

A report's names print every letter one em wide (kana, kanji and katakana alike) and a half-width
space (0.22–0.26 em) between a corporation and its facility (`株式会社なごみ つばさ訪問看護ステーション`).
PP-OCR reads no space there, and the blank between the two letters (0.26–0.29 em) is no wider than
between two kanji printed together (0.22–0.26 em), so no blank tells it. But every letter after the
space sits that much further right than the pitch puts it: the letters' centres along the line are
a straight line with one step. Fitted over the whole line (seed 2's scans at 150 dpi, grey and
binarized) the step where the space is printed is 0.21–0.35 em and takes away 35–99 % of the
residual of a fit with no step; elsewhere in those names the best step is at most 0.19 em.

Only a line that opens with a corporation type (`normalizers.names.corporation_prefix`) and shows
no space is asked, and only letters one em wide: half-width letters break the pitch.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from normalizers.names import corporation_prefix

SPACE_STEP = 0.18  # pitches: the least step in the letters' centres that is a printed space
SPACE_FIT = 0.65  # the fit with the step leaves at most this share of the residual without it
# fits whose residual is within this factor of the best are told apart by the blank before the step:
# a narrow kana before the space (ひかり 訪問) shifts PP-OCR's boxes as much as the space does
NEAR_FIT = 1.25
MIN_AFTER = 2  # letters at least after the space (a facility's name)


def residual(centres: np.ndarray, step_at: int | None) -> tuple[float, float, float]:
    """(pitch, step, sum of squared residuals) of the centres fitted as a straight line with one
    step before letter `step_at` (None: no step)."""
    index = np.arange(len(centres), dtype=float)
    columns = [np.ones_like(index), index]
    if step_at is not None:
        columns.append((index >= step_at).astype(float))
    design = np.stack(columns, axis=1)
    beta, *_ = np.linalg.lstsq(design, centres, rcond=None)
    rest = centres - design @ beta
    return float(beta[1]), float(beta[2]) if step_at is not None else 0.0, float(rest @ rest)


def wide(text: str) -> bool:
    return len(text) == 1 and unicodedata.east_asian_width(text) in ("W", "F")


def space_after_corporation(
    letters: Sequence[str], centres: Sequence[float], blanks: Sequence[float]
) -> int | None:
    """The index of the letter a printed space comes before, in a line of `letters` (one character
    each, no space) whose centres along the line are `centres` and with `blanks[i]` the widest blank
    between letter i - 1 and letter i, where the line opens with a corporation type and its letters'
    pitch steps once by at least SPACE_STEP; else None."""
    text = "".join(letters)
    prefix = corporation_prefix(text)
    if prefix is None or not len(letters) == len(centres) == len(blanks) or not all(wide(c) for c in letters):
        return None
    first, last = len(prefix), len(letters) - MIN_AFTER
    if last < first:
        return None
    points = np.asarray(centres, dtype=float)
    pitch, _, plain = residual(points, None)
    if pitch <= 0:
        return None
    fits = {k: residual(points, k) for k in range(first, last + 1)}
    best = min(fit[2] for fit in fits.values())
    k = max((k for k, fit in fits.items() if fit[2] <= NEAR_FIT * best), key=lambda k: blanks[k])
    _, step, rss = fits[k]
    if step >= SPACE_STEP * pitch and rss <= SPACE_FIT * plain:
        return k
    return None
