"""The registry of checks: every kind of problem the pipeline can find in a document.

A check is one entry: its name (the `checks.check` value), its severity, what it means, and whether
it leaves the document `partial` (part of the report was not read, or not placed with
certainty). Code that finds a problem names an entry; severity and consequence come from here.
The README's checks table is generated from this registry (`python -m pipeline.checks`), and a
test fails when the two drift.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    severity: Severity
    meaning: str
    makes_partial: bool = False  # the document is `partial` when this check is raised


_SPECS = (
    CheckSpec(
        "breakdown_mismatch",
        "warning",
        "往診 + 訪問診療 ≠ 合計回数, or 医療機関以外 > 死亡患者数 (figures kept as printed)",
    ),
    CheckSpec("total_mismatch", "warning", "the institutions' figures do not add up to the printed 合計"),
    CheckSpec("weekday_mismatch", "warning", "the printed weekday is not the date's"),
    CheckSpec(
        "era_out_of_range",
        "warning",
        "a date written in an era that had not begun (令和元年4月1日): resolved arithmetically",
    ),
    CheckSpec(
        "date_unresolved",
        "warning",
        "a date with no calendar day (令和4年2月29日) or no fiscal year to place it in",
    ),
    CheckSpec("template_unfilled", "info", "a 取組効果 section left as the blank form"),
    CheckSpec(
        "fiscal_year_inferred", "info", "no title year; taken from a period header such as `Ｒ3年度（Ｂ）`"
    ),
    CheckSpec("unknown_form", "warning", "the wording fits no registered form version (document `partial`)"),
    CheckSpec(
        "unparsed_figure",
        "warning",
        "a figure cell that does not read as a number: kept with a null value and its `raw`",
    ),
    CheckSpec("institution_unnamed", "warning", "figures in a row without an institution name"),
    CheckSpec(
        "unknown_wording",
        "warning",
        "a label or column header the registry does not know: its row, column or designation not read "
        "(document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "unread_column",
        "warning",
        "a 取組 table column that names no period (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "cells_ambiguous",
        "warning",
        "a table row whose cells cannot be assigned to its header's columns with certainty (more or "
        "fewer cells than the header, a continuation on another page whose columns do not line up by x, "
        "a layout row printing more or fewer figures than periods, 取組 lines of layout text printed "
        "before every item's title): not read (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "label_reads_as_figure",
        "warning",
        "a 取組効果 row whose name cell reads as a figure (`12名`): its cells are shifted, its figures "
        "left out (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "totals_ambiguous",
        "warning",
        "several rows of one 取組効果 table read as the group total: none is certain, their figures "
        "left out (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "joined_total_mismatch",
        "warning",
        "a 取組効果 table continued on another page with other columns (lined up by x position) whose "
        "institutions do not add up to its 合計: rows may have been misplaced at the break (document "
        "`partial`)",
        makes_partial=True,
    ),
    CheckSpec("status_cells_ambiguous", "warning", "layout status cells assigned to periods in order"),
    CheckSpec(
        "status_count_ambiguous",
        "warning",
        "a status segment stating two counts of what was done (`…講師派遣：6回ネットワーク会議1回`: two "
        "entries the print may have run together), or opening with digits right after a segment ending "
        "with one (`症例検討会：1` | `2回`: a wrap inside `12回`): its value left null, text kept "
        "(document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "status_cell_unread",
        "warning",
        "a 取組 table period cell (現状/目標/実績) of layout text whose column or extent cannot be told "
        "with certainty: not read (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "group_name_unread",
        "warning",
        "a `グループ名` label of layout text whose name's end the print does not tell (a narrow cell "
        "printed line by line, or another cell's words on its line): no group name emitted rather than a "
        "cut or mixed one (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "member_row_unread",
        "warning",
        "a 別添1 row without a name, or whose pieces, role or ①/② designation cannot be told "
        "(document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "section_inferred",
        "warning",
        "a 取組効果 table without a readable heading, placed after the previous one: its section is "
        "inferred, not read (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec("drawn_labels", "info", "org-chart labels drawn over a PDF cell, kept out of the bullets"),
    CheckSpec(
        "ocr_used",
        "info",
        "the document was read by OCR: two readers (documents.ocr_engines), figures only where both agree",
    ),
    CheckSpec(
        "ocr_digits_differ",
        "info",
        "the two OCR readers read other digits in a cell or line: they are marked `⟦12｜17⟧` (both "
        "readings) and no figure is read from that line",
    ),
    CheckSpec(
        "ocr_disagreement",
        "warning",
        "a figure, date, period year or name the pipeline emits (or an item number, a table cell the "
        "locators left out) lies where the two OCR readers read other digits: left out (null, both "
        "readings in `raw` as `⟦12｜17⟧`) (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "ocr_unavailable",
        "warning",
        "scanned pages that could not be read: no OCR engine installed (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "facility_ambiguous",
        "warning",
        "two rows that may name one body were kept as two facilities (same name with another phone or "
        "municipality, names one character apart, kana and kanji spellings, one phone with other names); "
        "both are named. Where three or more facilities print one name, one check on the newest row's "
        "document names every row of them under a number and lists every pair in doubt by those numbers",
    ),
    CheckSpec(
        "pdf_repaired",
        "warning",
        "a damaged PDF the reader had to repair; content may be missing (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "table_unread",
        "warning",
        "a table whose header row is missing where it cannot run on the one before: not read "
        "(document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "row_unread",
        "warning",
        "a table row whose cells cannot be placed (a damaged cell boundary): not read (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "pdf_trailing_bytes",
        "info",
        "bytes after the PDF's final `%%EOF` that do not change the document: ignored",
    ),
    CheckSpec("pdf_messages", "info", "messages of the PDF reader (MuPDF): counted, the first few quoted"),
    CheckSpec("page_rotated", "info", "pages whose text runs at 90°, 180° or 270°: read turned upright"),
    CheckSpec(
        "bytes_replaced",
        "warning",
        "undecodable bytes of a text input, replaced by U+FFFD on their line and counted",
    ),
    CheckSpec(
        "control_characters_dropped",
        "info",
        "NUL and other control characters (or byte-order marks) of a text input, dropped on their line",
    ),
    CheckSpec(
        "damaged_text",
        "warning",
        "a figure or a name holds undecodable bytes (U+FFFD): the figure is not read (document `partial`)",
        makes_partial=True,
    ),
    CheckSpec(
        "split_uncertain",
        "warning",
        "a report in a bundle with no title or heading before it: split where its 取組 table or "
        "取組効果 restarts",
    ),
    CheckSpec(
        "member_list_unpaired",
        "warning",
        "a bundle's 別添1 member list that cannot be paired with one report: kept apart (document `partial`)",
        makes_partial=True,
    ),
)
CHECKS: dict[str, CheckSpec] = {spec.name: spec for spec in _SPECS}


def spec_of(name: str) -> CheckSpec:
    """The registered check; an unregistered name is a programming error and raises KeyError."""
    try:
        return CHECKS[name]
    except KeyError:
        raise KeyError(f"check {name!r} is not registered in pipeline/checks.py") from None


def markdown_table() -> str:
    """The README's checks table, generated from the registry."""
    lines = ["| check | severity | meaning |", "|---|---|---|"]
    lines += [f"| `{s.name}` | {s.severity} | {s.meaning} |" for s in _SPECS]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(markdown_table() + "\n")
