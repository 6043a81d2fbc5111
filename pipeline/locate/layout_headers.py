"""Shared reading of layout-text lines: period headers printed over several lines, line spans."""

from __future__ import annotations

import itertools

from extractors.blocks import Block, Span
from normalizers.forms import INSTRUCTION_WORDS, PERIOD_NOTE_OPENERS, PERIOD_NOTE_WORDS, period_of_header
from normalizers.text import fold_width, match_key, reflow
from pipeline.locate.layout_cells import Word, span_x

DEFAULT_PERIOD_WORD_CHARS = 4  # `取組目標`: the longest period word


def header_labels(lines: list[Block]) -> list[str]:
    """Period headers printed over several lines: a line that starts with a period word opens a
    label; lines continue it while its parentheses are open (or open them)."""
    labels: list[str] = []
    for line in lines:
        text = line.text.strip()
        if period_of_header(text):
            labels.append(text)
        elif labels and (open_parens(labels[-1]) > 0 or ("（" not in labels[-1] and text[:1] in "（(")):
            labels[-1] = reflow([labels[-1], text])
    return [" ".join(label.split()) for label in labels]


def open_parens(text: str) -> int:
    folded = fold_width(text)
    return folded.count("(") - folded.count(")")


def span_of(lines: list[Block]) -> Span:
    if not lines:
        return Span()
    return Span(line_start=lines[0].span.line_start, line_end=lines[-1].span.line_end)


def period_labels(pieces: list[list[str]]) -> list[str]:
    """Period headers from their printed pieces (the words of each header line, in order): a
    period word (`現 状`, spaced or not) opens a label; a parenthesis goes to the first label
    still without one, and words after it to the first label whose parenthesis is open. Lines
    may hold several headers side by side (`現 状   計 画   実 績`, `(…状況) (…取組)`): there a
    parenthesis that opens a header's note starts the next label's."""
    labels: list[list[str]] = []  # [word, note]
    opened_on: dict[int, int] = {}  # label index -> the piece its note opened on
    last_on: dict[int, int] = {}  # label index -> the piece its note last grew on
    for row, words in enumerate(pieces):
        for word in _merge_spaced_words(words):
            if period_of_header(word) is not None and fold_width(word)[:1] not in "(":
                labels.append([word, ""])
                continue
            target = next((i for i, lab in enumerate(labels) if open_parens(lab[1]) > 0), None)
            beside = target is not None and opened_on.get(target) == row and opens_note(word)
            if (target is None or beside) and fold_width(word)[:1] == "(":
                target = next((i for i, lab in enumerate(labels) if not lab[1]), None)
                if target is not None:
                    opened_on[target] = row
            if target is None:
                continue
            note = labels[target][1]
            if not note:
                labels[target][1] = word
            elif last_on.get(target) == row:
                labels[target][1] = f"{note} {word}"  # words of one printed line keep their space
            else:
                labels[target][1] = reflow([note, word])
            last_on[target] = row
    return [reflow(label) if label[1] else label[0] for label in labels]


def opens_note(word: str) -> bool:
    key = match_key(word)
    return key[:1] == "(" and any(key[1:].startswith(w) for w in PERIOD_NOTE_OPENERS)


def _merge_spaced_words(words: list[str]) -> list[str]:
    """`現`, `状` -> `現 状`: a period word printed with spaces between its characters."""
    out: list[str] = []
    for word in words:
        if (out and period_of_header(out[-1]) is None and period_of_header(out[-1] + word) is not None) or (
            out and len(out[-1]) == 1 and period_of_header(out[-1] + word) is not None
        ):
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return out


def placed_period_labels(lines: list[list[tuple[str, float]]]) -> list[str]:
    """Period headers where each word keeps its place on the page (pdftotext -layout): the
    pieces of each header line, as (text, center column), go to the period word printed nearest
    above them. `lines` are the header lines in order; returns the labels left to right where the
    words print side by side, in printed order where they print one under another."""
    words: list[tuple[float, int, list[str]]] = []  # center, line, [word, note pieces...]
    for row, pieces in enumerate(lines):
        for text, center in pieces:
            if period_of_header(text) is not None and fold_width(text)[:1] not in "(":
                words.append((center, row, [text]))
    if not words:
        return []
    by_center = sorted(words, key=lambda w: w[0])
    reach = min((b[0] - a[0] for a, b in itertools.pairwise(by_center)), default=float("inf")) / 2
    for pieces in lines:
        whole = _whole_notes_in_order(pieces, by_center, reach)
        for text, center in pieces:
            if period_of_header(text) is not None and fold_width(text)[:1] not in "(":
                continue
            nearest = min(words, key=lambda w: abs(w[0] - center))
            note = "".join(nearest[2][1:])
            is_note = fold_width(text)[:1] == "(" or open_parens(note) > 0 or is_period_note(match_key(text))
            instruction = any(w in text for w in INSTRUCTION_WORDS)
            if is_note and not instruction and (abs(nearest[0] - center) <= reach or whole):
                nearest[2].append(text)
    stacked = len({row for _, row, _ in words}) == len(words)  # one word a line: printed order
    ordered = words if stacked else by_center
    return [reflow(parts) for _, _, parts in ordered]


def _whole_notes_in_order(
    pieces: list[tuple[str, float]], words: list[tuple[float, int, list[str]]], reach: float
) -> bool:
    """A line of whole notes, one under each period word in the words' order: as many pieces as
    words, each a closed parenthesis, each nearest its own word, and all but one within `reach`
    of it. The one further off (a note wider than its column, which pdftotext starts left of it:
    `（グループ化前（Ｒ２年度（Ａ）））` under `現 状`) is its word's too, confirmed by the others."""
    if len(pieces) != len(words) or len(words) < 2:
        return False
    ordered = sorted(pieces, key=lambda p: p[1])
    for text, _ in ordered:
        folded = fold_width(text)
        if folded[:1] != "(" or open_parens(text) != 0 or any(w in text for w in INSTRUCTION_WORDS):
            return False
    far = 0
    for (_, center), word in zip(ordered, words, strict=True):
        if min(words, key=lambda w: abs(w[0] - center)) is not word:
            return False
        far += abs(word[0] - center) > reach
    return far <= 1


def is_period_note(key: str) -> bool:
    """The parenthesis under a period header, or a piece of it: `(事前協議月の前月から過去6箇月間の`."""
    return any(match_key(w) in key for w in PERIOD_NOTE_WORDS)


def period_words(words: list[Word]) -> list[tuple[str, list[Word]]]:
    """The period words of a header line (`現 状`, spaced or not), each with the printed words it
    is made of, left to right."""
    found: list[tuple[str, list[Word]]] = []
    index = 0
    while index < len(words):
        word, end = words[index].text, index
        if period_of_header(word) is None and index + 1 < len(words):
            pair = word + words[index + 1].text
            if period_of_header(pair) is not None and len(pair) <= DEFAULT_PERIOD_WORD_CHARS:
                word, end = pair, index + 1
        if period_of_header(word) is not None and fold_width(word)[:1] != "(":
            found.append((word, words[index : end + 1]))
            index = end + 1
            continue
        index += 1
    return found


def period_word_places(words: list[Word]) -> list[tuple[str, float]]:
    """The period words of a header line and the columns of their centers (layout text that keeps
    each word at its place on the page)."""
    places: list[tuple[str, float]] = []
    for word, pieces in period_words(words):
        left, right = span_x(pieces)
        places.append((word, (left + right) / 2))
    return places
