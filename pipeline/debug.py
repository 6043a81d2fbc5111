"""`python -m pipeline debug FILE`: what the pipeline sees in one file, for notebooks and bug reports."""

from __future__ import annotations

from normalizers.forms import FORMS, classify_document, detect_form, score_form
from normalizers.text import match_key
from pipeline.process import NotExtracted, read_input
from pipeline.split.bundle import split_parts

DEFAULT_PREVIEW_CHARS = 60


def _preview(text: str, width: int = DEFAULT_PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def describe(data: bytes) -> str:
    try:
        spec, extracted = read_input(data)
    except NotExtracted as error:
        return f"unreadable ({error.status}): {error}"
    text = extracted.all_text()
    form = detect_form(text)
    lines = [
        f"format: {spec.source_format}  rendition: {extracted.rendition}  pages: {extracted.pages}",
        f"doc_kind: {classify_document(text)}",
        f"form: {form.spec.id if form.spec else 'unknown'} (score {form.score}); all scores: "
        + ", ".join(f"{s.id} {score_form(s, match_key(text)):.2f}" for s in FORMS),
    ]
    lines.append(f"blocks: {len(extracted.blocks)}")
    for block in extracted.blocks:
        where = block.span.describe()
        if block.kind == "table":
            lines.append(
                f"  {where:>8} table {len(block.rows)} rows x {max(map(len, block.rows), default=0)} cols"
            )
            for row in block.rows:
                lines.append("           | " + " | ".join(_preview(c.text, 24) for c in row))
        else:
            lines.append(f"  {where:>8} {block.kind}: {_preview(block.text)}")
    parts = split_parts(extracted.blocks)
    if len(parts) > 1:
        lines.append(f"parts (a bundle): {len(parts)}")
        for number, part in enumerate(parts, start=1):
            first, last = extracted.blocks[part.start].span, extracted.blocks[part.end - 1].span
            kind = "report" if part.is_report else "other material"
            lines.append(f"  part {number}: {kind}, {first.describe()} to {last.describe()}")
            lines += [f"    check {f.check}: {f.detail}" for f in part.findings]
    located = spec.locate(extracted)
    for item in located.items:
        if item.drawn_labels:
            labels = " / ".join(label.text for label in item.drawn_labels)
            lines.append(f"item {item.item_no} drawn labels (not bullets): {_preview(labels, 80)}")
        lines.append(
            f"item {item.item_no}: {_preview(item.title.text, 40)} | "
            + " | ".join(f"{label[:6]}={_preview(cell.text, 20)}" for label, cell in item.status)
        )
    for table in located.outcomes:
        lines.append(
            f"outcomes section {table.section}: {len(table.rows)} rows; periods {table.period_labels}"
        )
    for finding in extracted.findings + located.findings:
        lines.append(f"check {finding.check} ({finding.span.describe()}): {finding.detail}")
    return "\n".join(lines)
