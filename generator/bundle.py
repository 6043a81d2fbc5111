"""Bundles of generated reports: one file that binds many reports, as prefectures publish one PDF
per year with every group's report in it, and other material among them (a cover letter, the
guidance slides). Each report is also kept as the file it would be on its own, so a test can
check that the bundle gives each report the records its own file gives.

    bundle = text_bundle(truths, "tsv_html")      # one text rendition
    bundle = pdf_bundle(truths, workdir)          # one PDF (LibreOffice prints every part)

Where each part sits is known: `BundlePart.first`/`last` are its 1-based pages (PDF) or lines
(text) in the bundle. The other material is invented here; its wording names the programme and a
year, as real cover letters do, and holds none of a report's tables.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.layout import make_layout
from generator.render_text import render
from generator.truth import ReportTruth

DEFAULT_OTHER_EVERY = 7  # guidance slides after every 7th report
ERA_LABELS = {2018: "平成30年度", 2019: "令和元年度", 2020: "令和2年度", 2021: "令和3年度", 2022: "令和4年度"}


@dataclass(frozen=True)
class BundlePart:
    kind: str  # report | other
    first: int  # 1-based page (PDF) or line (text) of the bundle where the part begins
    last: int
    truth: ReportTruth | None  # the report's truth (None for other material)
    alone: bytes  # the part as a file of its own


@dataclass(frozen=True)
class Bundle:
    data: bytes
    parts: tuple[BundlePart, ...]

    @property
    def reports(self) -> tuple[BundlePart, ...]:
        return tuple(p for p in self.parts if p.kind == "report")


def cover_letter(year: int) -> list[str]:
    label = ERA_LABELS.get(year, f"{year}年度")
    return [
        f"{label}医療提供施設等グループ化推進事業計画（報告）書の提出について",
        "茨城県保健医療部医療政策課長　殿",
        "標記について、各グループから提出のあった計画（報告）書を別紙のとおり取りまとめましたので提出します。",
        "各グループの取組状況については、それぞれの報告書をご参照ください。",
        "担当：地域医療推進グループ（電話：029-301-3000）",
    ]


def guidance(year: int) -> list[str]:
    label = ERA_LABELS.get(year, f"{year}年度")
    return [
        f"{label}茨城県医療提供施設等グループ化推進事業　説明資料",
        "茨城県医師会　地域ケア推進センター",
        "本日の内容　１．事業の目的　２．事業計画の立て方　３．事業の取組み　４．まとめ",
        "在宅医療への参入を促し、互いに支え合う体制を地域につくることを目的とする。",
        "できるところから取り組んでいただき、グループの中で情報を共有してください。",
    ]


def others_between(truths: Sequence[ReportTruth], every: int) -> list[tuple[int, list[str]]]:
    """(index of the report before which it is printed, paragraphs): a cover letter first, guidance
    slides before every `every`-th report."""
    year = truths[0].fiscal_year if truths else 2022
    out = [(0, cover_letter(year))]
    out += [(i, guidance(truths[i].fiscal_year)) for i in range(every, len(truths), every)]
    return out


def text_bundle(truths: Sequence[ReportTruth], rendition: str, every: int = DEFAULT_OTHER_EVERY) -> Bundle:
    """The reports' text renditions one after another, blank lines between, other material among them."""
    others = dict(others_between(truths, every))
    lines: list[str] = []
    parts: list[BundlePart] = []

    def add(kind: str, text: str, truth: ReportTruth | None) -> None:
        if lines:
            lines.append("")
        body = text.rstrip("\n").split("\n")
        first = len(lines) + 1
        lines.extend(body)
        parts.append(BundlePart(kind, first, len(lines), truth, (text.rstrip("\n") + "\n").encode("utf-8")))

    for index, truth in enumerate(truths):
        if index in others:
            add("other", "\n\n".join(others[index]) + "\n", None)
        add("report", render(make_layout(truth), rendition, truth.seed).text, truth)
    return Bundle(("\n".join(lines) + "\n").encode("utf-8"), tuple(parts))


def other_layout(paragraphs: list[str], rng: random.Random) -> dict[str, Any]:
    items = [{"p": paragraphs[0], "align": "center", "size": 14, "bold": True}]
    items += [{"p": p, "size": 11} for p in paragraphs[1:]]
    orientation = rng.choice(("portrait", "landscape"))
    return {
        "font": "Noto Sans CJK JP",
        "font_size": 11,
        "pages": [{"orientation": orientation, "items": items}],
    }


def pdf_bundle(truths: Sequence[ReportTruth], every: int = DEFAULT_OTHER_EVERY) -> Bundle:
    """Every report and the other material printed by LibreOffice, then bound into one PDF."""
    import pymupdf

    from generator.corpus import pdf_options
    from generator.pdf import PdfOptions, render_pdfs

    others = dict(others_between(truths, every))
    rng = random.Random(f"bundle:{[t.seed for t in truths]}")
    jobs: list[tuple[str, ReportTruth | None, dict[str, Any], Any]] = []
    for index, truth in enumerate(truths):
        if index in others:
            jobs.append(("other", None, other_layout(others[index], rng), PdfOptions("word")))
        jobs.append(("report", truth, make_layout(truth), pdf_options(truth.seed)))
    with tempfile.TemporaryDirectory(prefix="genbundle-") as tmp:
        paths = [Path(tmp) / f"part{n:03d}.pdf" for n in range(len(jobs))]
        render_pdfs(
            [(layout, path, options) for (_, _, layout, options), path in zip(jobs, paths, strict=True)]
        )
        bound = pymupdf.open()
        parts = []
        for (kind, job_truth, _, _), path in zip(jobs, paths, strict=True):
            alone = path.read_bytes()
            first = bound.page_count + 1
            with pymupdf.open(stream=alone, filetype="pdf") as doc:
                bound.insert_pdf(doc)
            parts.append(BundlePart(kind, first, bound.page_count, job_truth, alone))
        data = bound.tobytes(garbage=3, deflate=True)
    return Bundle(data, tuple(parts))
