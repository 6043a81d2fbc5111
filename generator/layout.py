"""Truth -> layout document: the JSON format of tests/fixtures/pdf_content/*.json (read by
tests/fixtures/make_pdfs.py), the interface to the PDF renderer in `generator/pdf/`.

    {"font", "font_size", "pages": [{"orientation": "portrait"|"landscape", "items": [item, ...]}]}

An item is a paragraph {"p", "align", "size", "bold"} or a bordered table (`layout_tables.py`).
Every page entry starts a new page; a table may run on over further pages. Additions to the
fixture format: page "orientation" and table "role" (items, outcomes, members).
The text renditions (`render_text.py`) print the same layout, so every rendition shows the same
words. Deterministic: the arrangement's choices come from a generator seeded by the report's seed.
"""

from __future__ import annotations

import random
from typing import Any

from generator.layout_tables import items_table, members_table, outcome_table
from generator.truth import ReportTruth
from generator.wording import (
    GROUP_NAME_TITLE,
    INTRO_NOTE,
    MEMBER_NOTE,
    MEMBER_SUBTITLE,
    OUTCOMES_HEADING,
    PROGRAMME,
    PUBLICATION_NOTE,
    WORDING,
)

PAGE_MM = {"landscape": (297.0, 210.0), "portrait": (210.0, 297.0)}
MARGIN_MM = 12.0
FONTS = ("Noto Sans CJK JP", "Noto Serif CJK JP")
# (page of the member list, pages of the report): all landscape as most reports, all portrait, or mixed
ORIENTATION_PLANS = (
    ("landscape", "landscape"),
    ("landscape", "landscape"),
    ("portrait", "portrait"),
    ("landscape", "portrait"),
    ("portrait", "landscape"),
)


def usable_width(orientation: str) -> float:
    return PAGE_MM[orientation][0] - 2 * MARGIN_MM


def para(text: str, **style: Any) -> dict[str, Any]:
    return {"p": text, **{k: v for k, v in style.items() if v is not None}}


def title_text(truth: ReportTruth) -> str:
    prefecture = "" if truth.form == "H30" else "茨城県"
    return f"{truth.fiscal_year_label}{prefecture}{PROGRAMME}"


def group_name_line(truth: ReportTruth) -> dict[str, Any] | None:
    if truth.group_name_place != "title" or truth.group_name is None:
        return None
    return para(f"{GROUP_NAME_TITLE} {truth.group_name}", size=10)


def member_page(truth: ReportTruth, orientation: str, rng: random.Random) -> dict[str, Any]:
    wording = WORDING[truth.form]
    items: list[dict[str, Any]] = [
        para(wording.annex_label.replace("- 2", "- 1").replace("－２", "－１"), align="right", size=11),
        para(wording.annex_note.replace("- 2", "- 1").replace("－２", "－１")),
        para(title_text(truth), align="center", size=12, bold=True),
        para(MEMBER_SUBTITLE, align="center", size=11),
    ]
    line = group_name_line(truth)
    if line:
        items.append(line)
    items.append(members_table(truth, usable_width(orientation), rng))
    items.append(para(MEMBER_NOTE, size=8))
    return {"orientation": orientation, "items": items}


def report_items(
    truth: ReportTruth, orientation: str, font_pt: float, rng: random.Random
) -> list[dict[str, Any]]:
    wording = WORDING[truth.form]
    items: list[dict[str, Any]] = []
    annex_on_top = truth.form == "R4" or (truth.form == "R3" and rng.random() < 0.5)
    if annex_on_top:
        items.append(para(wording.annex_note, align="right"))
    if truth.title_printed:
        items.append(para(title_text(truth), align="center", size=12, bold=True))
    line = group_name_line(truth)
    if line and not truth.members:
        items.append(line)
    items += [para(wording.intro), para("\u3000" + INTRO_NOTE), para(wording.items_heading, bold=True)]
    items.append(items_table(truth, usable_width(orientation), font_pt, rng))
    if truth.form == "R3" and not annex_on_top:
        items += [para(wording.annex_label, align="right", size=10), para(wording.annex_note, align="right")]
    return items


def outcome_items(truth: ReportTruth, orientation: str, rng: random.Random) -> list[list[dict[str, Any]]]:
    """The 取組効果 part as page groups: one page, or sections 3-4 on a page of their own."""
    if not truth.outcomes:
        return []
    first: list[dict[str, Any]] = []
    if truth.form == "R4":
        first.append(para(PUBLICATION_NOTE))
    if truth.outcome_style == "group_total":
        first.append(para(f"【{truth.fiscal_year_label} 参入促進・連携（グループ化）の実績】", bold=True))
    else:
        first.append(para(OUTCOMES_HEADING, bold=True, size=10))
    pages = [first]
    for section in truth.outcomes:
        if section.section == 3 and rng.random() < 0.5:
            pages.append([])
        pages[-1].append(para(section.heading))
        pages[-1].append(outcome_table(section, usable_width(orientation), rng))
        pages[-1] += [para(note, size=7.5) for note in section.notes]
    return pages


def make_layout(truth: ReportTruth) -> dict[str, Any]:
    rng = random.Random(f"layout:{truth.seed}:{truth.form}")
    member_orientation, orientation = rng.choice(ORIENTATION_PLANS)
    font = rng.choice(FONTS)
    font_pt = rng.choice((7, 8, 8, 9))
    pages: list[dict[str, Any]] = []
    if truth.members:
        pages.append(member_page(truth, member_orientation, rng))
    body = report_items(truth, orientation, font_pt, rng)
    outcome_pages = outcome_items(truth, orientation, rng)
    if outcome_pages and truth.form == "R4" and rng.random() < 0.5:
        body += outcome_pages.pop(0)  # seed 001: the 取組効果 follow the 取組 table on the same page
    pages.append({"orientation": orientation, "items": body})
    pages += [{"orientation": orientation, "items": items} for items in outcome_pages]
    return {
        "font": font,
        "font_size": font_pt,
        "form": truth.form,
        "generator_seed": truth.seed,
        "pages": pages,
    }
