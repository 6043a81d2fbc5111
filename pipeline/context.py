"""Document-level facts every record repeats: doc_id, fiscal year, group name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from extractors.blocks import Span


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
