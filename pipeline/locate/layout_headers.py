"""Shared reading of layout-text lines: period headers printed over several lines, line spans."""

from __future__ import annotations

from extractors.blocks import Block, Span
from normalizers.forms import period_of_header
from normalizers.text import fold_width, reflow


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
