"""The form's own words read back where the recognizer misread one of their letters.

PP-OCR reads a line as the most likely letter at each step; on a binarized 150 dpi scan the thin
strokes of 糸 break and 組 reads 相 (`取相事項`, 0.61 against 組 0.37), 績 reads 精. Where a run of
READ_BACK_SPAN letters of a line is, but for one letter, a run of the form's printed wording
(`normalizers.forms.OCR_FORM_PHRASES`), and the recognizer itself gives the printed letter at least
READ_BACK_SUPPORT at that step and the letter it read no more than READ_BACK_DOUBT, the printed
letter is taken. A line shorter than READ_BACK_SPAN is compared whole with runs of its own length
(a header cell `実精`). Digits are compared as one (`(合和2年度)` reads back as the form's
`(令和0年度)`: 令和).

Never a digit, either way (figures are read by two readers and only where they agree), never a
mark or a bracket (only letters are read back), never a run that is printed wording as it is.

The one exception is `circled_marks`: the form's circled numbers (`①拠点、②積極的役割`) read as
plain digits, where the whole run from the first mark to the letters after the last is the form's
(`1拠点、2積極`): they are the form's marks, not figures (a lone `2` stays a digit).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import numpy as np

from normalizers.forms import OCR_FORM_PHRASES
from normalizers.text import fold_width

READ_BACK_SPAN = 4  # letters compared at a time
READ_BACK_SUPPORT = 0.02  # the recognizer's own probability of the printed letter, at least
READ_BACK_DOUBT = 0.9  # a letter read with more than this probability is kept as read
CIRCLED_AFTER = 2  # letters after the last circled mark of a run that must be read as printed
CIRCLED = {chr(0x2460 + n): str(n + 1) for n in range(20)}  # ① … ⑳ and the digits they print
GAP = "\0"  # the one letter of a run left open
Support = Callable[[int, str], float]  # the recognizer's probability of a letter at the i-th letter read


DIGIT = "0"  # every digit, printed or read, as the runs are compared (a year's digits vary)
DIGITS = str.maketrans("123456789０１２３４５６７８９", DIGIT * 19)


def comparable(text: str) -> str:
    """The text as runs are compared: width folded, every digit DIGIT."""
    return fold_width(text).translate(DIGITS)


def is_letter(ch: str) -> bool:
    """A letter that may be read back: kana, kanji, Latin (no digit, mark or bracket)."""
    return len(ch) == 1 and unicodedata.category(ch)[0] == "L"


@functools.cache
def runs_of_phrases(phrases: tuple[str, ...] = OCR_FORM_PHRASES) -> dict[str, frozenset[str]]:
    """For every run of 2..READ_BACK_SPAN letters of the phrases with one letter left open (GAP),
    the letters printed there; and every run whole, mapped to nothing (printed as it is)."""
    out: dict[str, set[str]] = {}
    for phrase in phrases:
        text = comparable(phrase)
        for n in range(2, READ_BACK_SPAN + 1):
            for i in range(len(text) - n + 1):
                run = text[i : i + n]
                out.setdefault(run, set())
                for j in range(n):
                    if is_letter(run[j]):
                        out.setdefault(run[:j] + GAP + run[j + 1 :], set()).add(run[j])
    return {key: frozenset(letters) for key, letters in out.items()}


def read_back(text: str, support: Support, runs: dict[str, frozenset[str]]) -> str:
    """`text` with the letters of the form's wording read back (`support(i, letter)`: the
    recognizer's probability of `letter` at the i-th letter of `text`)."""
    letters = list(text)
    n = min(READ_BACK_SPAN, len(letters))
    if n < 2:
        return text
    for i in range(len(letters) - n + 1):
        run = comparable("".join(letters[i : i + n]))
        if len(run) != n or run in runs:
            continue
        for j in range(n):
            if not is_letter(run[j]) or support(i + j, letters[i + j]) > READ_BACK_DOUBT:
                continue
            printed = runs.get(run[:j] + GAP + run[j + 1 :], frozenset())
            weighed = [(support(i + j, p), p) for p in sorted(printed) if p != run[j]]
            best = max(weighed, default=(0.0, ""))
            if best[0] >= READ_BACK_SUPPORT:
                letters[i + j] = best[1]
                break
    return "".join(letters)


@functools.cache
def circled_runs(phrases: tuple[str, ...] = OCR_FORM_PHRASES) -> tuple[tuple[re.Pattern[str], str], ...]:
    """For each phrase with circled marks: the run from its first mark to CIRCLED_AFTER letters after
    its last, as read with any mark a plain digit (a pattern), and as printed."""
    out = []
    for phrase in phrases:
        text = fold_width(phrase)
        marks = [i for i, ch in enumerate(text) if ch in CIRCLED]
        end = marks[-1] + 1 + CIRCLED_AFTER if marks else 0
        if not marks or end > len(text):
            continue
        printed = text[marks[0] : end]
        read = "".join(f"[{CIRCLED[ch]}{ch}]" if ch in CIRCLED else re.escape(ch) for ch in printed)
        out.append((re.compile(f"(?<![0-9]){read}"), printed))
    return tuple(out)


def circled_marks(text: str) -> str:
    """`text` with the form's circled marks read as plain digits put back (`circled_runs`); the same
    length."""
    folded = fold_width(text)
    letters = list(text)
    for pattern, printed in circled_runs():
        for match in pattern.finditer(folded):
            for offset, ch in enumerate(printed):
                if ch in CIRCLED:
                    letters[match.start() + offset] = ch
    return "".join(letters)


class ReadBackDecode:
    """rapidocr's CTC decoder, with the form's words read back in each decoded line (`read_back`):
    the same letters at the same steps, one letter replaced where the form prints another."""

    def __init__(self, decode: Any, phrases: tuple[str, ...] = OCR_FORM_PHRASES) -> None:
        self.decode = decode
        self.character: list[str] = list(decode.character)
        self.index = {ch: i for i, ch in enumerate(self.character)}
        self.runs = runs_of_phrases(phrases)

    def support(self, probs: np.ndarray, steps: list[range], i: int, letter: str) -> float:
        """The recognizer's probability of `letter` at the steps of the i-th decoded letter."""
        k = self.index.get(letter)
        return 0.0 if k is None else float(probs[steps[i].start : steps[i].stop, k].max())

    def __call__(self, preds: np.ndarray, return_word_box: bool = False, **kwargs: Any) -> Any:
        lines, words = self.decode(preds, return_word_box, **kwargs)
        for b, (text, score) in enumerate(lines):
            steps = letter_steps(preds[b])
            if len(steps) != len(text):
                continue
            fixed = read_back(text, functools.partial(self.support, preds[b], steps), self.runs)
            if fixed == text:
                continue
            lines[b] = (fixed, score)
            if return_word_box and b < len(words):
                replace_letters(words[b], text, fixed)
        return lines, words


def letter_steps(probs: np.ndarray) -> list[range]:
    """The steps of each decoded letter (CTC: a letter's run of steps, blanks and repeats removed)."""
    best = probs.argmax(axis=1)
    out: list[range] = []
    for t, k in enumerate(best.tolist()):
        if k == 0:
            continue
        if t and best[t - 1] == k:
            out[-1] = range(out[-1].start, t + 1)
        else:
            out.append(range(t, t + 1))
    return out


def replace_letters(info: Any, before: str, after: str) -> None:
    """rapidocr's word info (its words as lists of letters, spaces left out) with `before`'s letters
    replaced by `after`'s."""
    changed = iter([b for a, b in zip(before, after, strict=True) if not a.isspace()])
    info.words = [[next(changed) for _ in word] for word in (info.words or [])]


def install(engine: Any) -> None:
    """The engine's recognizer decoding with the form's words read back."""
    rec = engine._load_rec_model()
    if not isinstance(rec.postprocess_op, ReadBackDecode):
        rec.postprocess_op = ReadBackDecode(rec.postprocess_op)
