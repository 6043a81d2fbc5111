"""Document-level facts every record repeats: doc_id, fiscal year, group name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypedDict

from extractors.blocks import Span
from pipeline.checks import spec_of
from pipeline.records import Check


class Position(TypedDict):
    """Where on its page a row of members, status or outcomes was printed (SCHEMA v2)."""

    bbox_x0: float | None
    bbox_y0: float | None
    bbox_x1: float | None
    bbox_y1: float | None
    ocr: bool


def position(span: Span | None) -> Position:
    box = span.bbox if span is not None else None
    return Position(
        bbox_x0=box[0] if box else None,
        bbox_y0=box[1] if box else None,
        bbox_x1=box[2] if box else None,
        bbox_y1=box[3] if box else None,
        ocr=span.ocr if span is not None else False,
    )


def row_position(spans: Iterable[Span]) -> Position:
    """The box around a row's cells (a member row: name, address, phone)."""
    placed = [s for s in spans if s.bbox is not None]
    if not placed:
        return position(None)
    boxes = [s.bbox for s in placed if s.bbox is not None]
    union = (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
    return position(Span(page=placed[0].page, bbox=union, ocr=any(s.ocr for s in placed)))


class Common(TypedDict):
    """The columns every record repeats (SCHEMA.md common columns, plus `line`)."""

    doc_id: str
    fiscal_year: int | None
    group_name: str | None
    page: int | None
    line: int | None


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    fiscal_year: int | None
    group_name: str | None

    def common(self, span: Span | None) -> Common:
        return Common(
            doc_id=self.doc_id,
            fiscal_year=self.fiscal_year,
            group_name=self.group_name,
            page=span.page if span is not None else None,
            line=span.line_start if span is not None else None,
        )

    def check(self, name: str, detail: str, span: Span | None = None) -> Check:
        """A `checks` row about this document, placed at `span` (page or line) when known; its
        severity comes from the check registry."""
        return Check(**self.common(span), check=name, severity=spec_of(name).severity, detail=detail)


class Placed(Protocol):
    @property
    def page(self) -> int | None: ...

    @property
    def line(self) -> int | None: ...


def span_of_record(record: Placed) -> Span:
    """Where an already built record was printed, for a check about it."""
    return Span(page=record.page, line_start=record.line)
