"""The 取組効果 sections of layout text: a heading line, period headers, then rows whose cells are
found by the words that open them (合計回数:, 死亡患者数:) or the unit that closes them (名, 件)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block, Finding
from normalizers.forms import SECTION_CELL_OPENERS, SECTION_CELL_UNITS, is_total_label, period_of_header
from normalizers.text import fold_width, match_key
from pipeline.locate.layout_headers import header_labels, span_of
from pipeline.locate.located import OutcomeRow, OutcomeTable, TextAt
from pipeline.locate.tables import section_heading


def split_layout_row(text: str, section: int, cells: int) -> tuple[str, list[str]] | None:
    """(label, cells as printed) of one 取組効果 row of layout text, or None if it holds no cell."""
    folded = fold_width(text)
    opener = SECTION_CELL_OPENERS.get(section)
    if opener:
        starts = [m.start() for m in regex.finditer(regex.escape(opener), folded)]
        if not starts or not regex.search(regex.escape(opener) + r"\s*[:：]", folded):
            return None
        bounds = starts + [len(text)]
        return text[: starts[0]].strip(), [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    unit = SECTION_CELL_UNITS[section]
    tokens = [(m.start(), m.end()) for m in regex.finditer(r"\S+", folded)]
    found: list[str] = []
    end = len(folded)
    while tokens and len(found) < cells:
        start, stop = tokens.pop()
        word = folded[start:stop]
        if word == unit and tokens and regex.fullmatch(r"[-+−▲△]?[0-9][0-9,]*", folded[slice(*tokens[-1])]):
            start = tokens.pop()[0]  # `1 名`: the figure and its unit printed apart
        elif not (word.endswith(unit) and (word == unit or regex.search(r"[0-9]", word))):
            break  # not a cell: the row's label
        found.insert(0, text[start:stop])
        end = start
    if not found:
        return None
    return text[:end].strip(), found


# The rest of a cell wrapped onto its own line: `名)`, `名(うち医療機関以外:`.
_CELL_TAIL = regex.compile(r"^\s*(?:[名回件]\s*[()（）]|[)）])")


def _may_label_row(text: str) -> bool:
    """Whether a line before a section's first cells can be that row's label, not a header."""
    key = match_key(text)
    return period_of_header(text) is None and key[:1] not in "（(" and "医療機関名" not in key


@dataclass
class _SectionDraft:
    """Rows of one 取組効果 section. A row prints on one line (`・A医院  1名  2名  1名`) or as its
    label line followed by one line per cell; a merged 合計 label may follow its cells."""

    section: int
    header: list[Block] = field(default_factory=list)
    rows: list[tuple[TextAt, list[TextAt]]] = field(default_factory=list)
    label: Block | None = None  # a label line waiting for its cells
    has_institution: bool = False

    def width(self) -> int:
        return max(len(header_labels(self.header)), 1)

    def add(self, line: Block) -> None:
        text = line.text.strip()
        self.has_institution = self.has_institution or "医療機関名" in match_key(text)
        split = None if text.startswith("※") else split_layout_row(line.text, self.section, self.width())
        if split is not None:
            self._add_cells(line, *split)
        elif self.rows and _CELL_TAIL.match(text):
            last = self.rows[-1][1][-1]
            self.rows[-1][1][-1] = TextAt(last.text + text, last.span)
        elif self.rows and not self.rows[-1][0].text and is_total_label(text):
            self.rows[-1] = (TextAt(text, line.span), self.rows[-1][1])
        elif text.startswith("※"):
            self.label = None
        elif not self.rows:
            self.header.append(line)  # a header line, or the first row's label: _add_cells decides
            self.label = line if _may_label_row(text) else None
        else:
            self.label = line

    def _add_cells(self, line: Block, label: str, cells: list[str]) -> None:
        found = [TextAt(c, line.span) for c in cells]
        open_row = self.rows and len(self.rows[-1][1]) < self.width() and not label
        if open_row:
            self.rows[-1][1].extend(found)
            return
        if not label and self.label is not None:
            if self.label in self.header:
                self.header.remove(self.label)
            label, at = self.label.text.strip(), self.label.span
        else:
            at = line.span
        self.rows.append((TextAt(label, at), found))
        self.label = None

    def table(self, findings: list[Finding]) -> OutcomeTable:
        """A 合計 label printed among the headers (a merged cell read out of order) names the
        last row when that row has no label of its own. A row with fewer cells than period
        columns cannot say which period each figure belongs to: it is reported, not guessed."""
        stray = next((b for b in self.header if is_total_label(b.text)), None)
        if stray is not None and self.rows and not self.rows[-1][0].text:
            self.header.remove(stray)
            self.rows[-1] = (TextAt(stray.text.strip(), stray.span), self.rows[-1][1])
        width = self.width()
        for label, cells in self.rows:
            if len(cells) != width:
                printed = " | ".join(c.text for c in cells)
                detail = (
                    f"取組効果 {self.section}: row {label.text!r} prints {len(cells)} cells for {width} "
                    f"period columns ({printed}); not assigned"
                )
                findings.append(Finding("cells_ambiguous", detail, label.span))
        rows = tuple(OutcomeRow(label, tuple(cells)) for label, cells in self.rows if len(cells) == width)
        return OutcomeTable(
            self.section, tuple(header_labels(self.header)), self.has_institution, rows, span_of(self.header)
        )


def locate_layout_outcomes(lines: list[Block], findings: list[Finding]) -> list[OutcomeTable]:
    drafts: list[_SectionDraft] = []
    for line in lines:
        section = section_heading(line.text)
        if section is not None:
            drafts.append(_SectionDraft(section))
        elif drafts:
            drafts[-1].add(line)
    return [draft.table(findings) for draft in drafts]
