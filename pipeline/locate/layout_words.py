"""What a piece of layout text around the 取組効果 tables is, by the form's own wording: form
text (phrases the form prints, notes, period header notes), a period header, or a row's label
(an institution name, the 合計 label, a section 4 row label)."""

from __future__ import annotations

import functools

from normalizers.forms import (
    FACILITY_NAME_ENDINGS,
    FORM_PHRASES,
    LABEL_MARKERS,
    NOTE_MARK,
    OUTCOME_SECTION_LABELS,
    PERIOD_ALIASES,
    SECTION4_ROW_METRICS,
    TOTAL_ROW_LABELS,
    first_word_match,
    is_facility_name,
    is_total_label,
)
from pipeline.locate.layout_cells import compact
from pipeline.locate.layout_headers import is_period_note

DEFAULT_MIN_PHRASE_CHARS = 2  # a shorter fragment is too common to be told apart as form text


@functools.cache
def _phrase_keys() -> tuple[str, ...]:
    return tuple(compact(p) for p in FORM_PHRASES)


def is_form_text(text: str) -> bool:
    """Printed by the form around its tables: a piece of a known phrase, a note, a header note."""
    key = compact(text)
    if key.startswith(NOTE_MARK):
        return True
    if len(key) >= DEFAULT_MIN_PHRASE_CHARS and any(key in phrase for phrase in _phrase_keys()):
        return True
    return is_period_note(key)


def completes_note(note: str, text: str) -> bool:
    """`text`, printed on the line after the note `note` (its words as joined so far), goes on
    with the words of a note the form prints (`※医療機関ごとに記` / `載`): the note wrapped, and
    its rest is form text, never a label."""
    rest = compact(text)
    return bool(rest) and any(note + rest in phrase for phrase in _phrase_keys())


def opens_label(text: str) -> bool:
    return text.strip()[:1] in LABEL_MARKERS


def is_header(text: str) -> bool:
    """Period header text: a period word (現 状, 取組目標, …) or its parenthesis, or pieces of both."""
    key = compact(text)
    words = [w for w, _ in PERIOD_ALIASES]
    # A one-character period word (差) only opens a header: it is too common inside other text.
    return any(w in key if len(w) > 1 else key.startswith(w) for w in words) or is_period_note(key)


def names_row(text: str) -> bool:
    """Ends a name, or is a piece of the 合計 row's label (`連携する医療機関内の合` / `計`), which
    the form's notes also print."""
    return is_name_end(text) or is_total_piece(text)


def is_total_piece(text: str) -> bool:
    key = compact(text)
    return len(key) >= DEFAULT_MIN_PHRASE_CHARS and any(key in compact(label) for label in TOTAL_ROW_LABELS)


def bare_facility_word(text: str) -> bool:
    """`クリニック` alone: the end of a name wrapped after `…整形外科`, never a name itself."""
    return compact(text) in {compact(w) for w in FACILITY_NAME_ENDINGS}


def is_row_word(text: str) -> bool:
    """A 合計 label (or a piece of it) or a section 4 row label: never part of another name."""
    return (
        first_word_match(text, SECTION4_ROW_METRICS) is not None
        or is_total_piece(text)
        or (is_total_label(text) and is_name_end(text))
    )


def is_name_end(text: str) -> bool:
    """Label text that ends a name: a facility word, a 合計 label, a section 4 row label (not a
    wrapped piece of a section's own label, `…する合計` / `回数`)."""
    if first_word_match(text, SECTION4_ROW_METRICS) is not None or is_facility_name(text):
        return True
    key = compact(text)
    return is_total_label(text) and not any(key in compact(label) for label in OUTCOME_SECTION_LABELS)
