"""Document-level facts every record repeats: doc_id, fiscal year, group name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypedDict

from extractors.blocks import Span
from pipeline.checks import spec_of
from pipeline.records import Check


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
