"""Units of a bundle -> its parts: each 別添1 member list (an `annex` unit) joins the report (`body`)
printed right before or after it; neighbouring stretches of other material join each other.

An annex pairs with a neighbouring body unless their fiscal years or group names, where both
print one, differ. Pairs forced by the layout (only one free neighbour) are made first, then
their direction (member lists before or after their reports) decides the annexes that had two;
an annex that still has two, or none, stays a part of its own (`member_list_unpaired`): a member
list is never joined to a report it may not belong to. Work is linear in the number of units.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extractors.blocks import Block, Finding
from normalizers.era import find_fiscal_years
from normalizers.forms import GROUP_NAME_LABELS
from pipeline.build.facts import group_name_in, is_title_mention


@dataclass(frozen=True)
class Unit:
    """Blocks [start, end): a report's body, its member list (annex), or other material."""

    start: int
    end: int
    kind: str  # body | annex | other
    anchor: int  # the block that opened it (-1: other material)
    findings: tuple[Finding, ...] = field(default=())

    def until(self, end: int) -> Unit:
        return replace(self, end=end)


@dataclass(frozen=True)
class Identity:
    fiscal_year: int | None
    group_name: str | None

    def fits(self, other: Identity) -> bool:
        years = None in (self.fiscal_year, other.fiscal_year) or self.fiscal_year == other.fiscal_year
        groups = None in (self.group_name, other.group_name) or self.group_name == other.group_name
        return years and groups


@dataclass(frozen=True)
class PairedUnit:
    start: int
    end: int
    is_report: bool
    findings: tuple[Finding, ...] = ()


def identity_of(blocks: Sequence[Block]) -> Identity:
    """The first title's fiscal year and the first printed group name of a unit's blocks."""
    year = next(
        (
            m.year
            for b in blocks
            if b.kind != "table"
            for m in find_fiscal_years(b.text)
            if is_title_mention(b.text, m.start, m.end)
        ),
        None,
    )
    texts = (
        text
        for b in blocks
        for text in ([b.text] if b.kind != "table" else [c.text for row in b.rows for c in row])
        if any(w in text for w in GROUP_NAME_LABELS)
    )
    group = next((g for t in texts for p in t.split("\n\n") if (g := group_name_in(p))), None)
    return Identity(year, group)


def pair_units(units: Sequence[Unit], blocks: Sequence[Block]) -> list[PairedUnit]:
    units = _merged_annexes(units, blocks)
    identities = [identity_of(blocks[u.start : u.end]) if u.kind != "other" else None for u in units]
    partner = _pairs(units, identities)
    annex_of = {body: annex for annex, body in partner.items()}
    out: list[PairedUnit] = []
    for index, unit in enumerate(units):
        if unit.kind == "annex" and index in partner:
            continue  # joined with its body below
        findings = unit.findings
        start, end = unit.start, unit.end
        mate = annex_of.get(index)
        if mate is not None:
            start, end = min(start, units[mate].start), max(end, units[mate].end)
            findings = units[mate].findings + findings
        if unit.kind == "annex":
            where = blocks[unit.anchor].span.describe()
            detail = f"{where}: a 別添1 member list whose report cannot be told: kept as a part of its own"
            findings += (Finding("member_list_unpaired", detail, blocks[unit.anchor].span),)
        if unit.kind == "other" and out and not out[-1].is_report and out[-1].end == start:
            out[-1] = replace(out[-1], end=end)
            continue
        out.append(PairedUnit(start, end, unit.kind != "other", findings))
    return sorted(out, key=lambda p: p.start)


def _merged_annexes(units: Sequence[Unit], blocks: Sequence[Block]) -> list[Unit]:
    """A member list continued after a page's opening wording (a repeated header) is one annex: the
    second of two neighbouring annexes joins the first when it prints no other group name."""
    out: list[Unit] = []
    for unit in units:
        if unit.kind == "annex" and out and out[-1].kind == "annex":
            first = identity_of(blocks[out[-1].start : out[-1].end])
            second = identity_of(blocks[unit.start : unit.end])
            if second.group_name is None or second.group_name == first.group_name:
                out[-1] = replace(out[-1], end=unit.end, findings=out[-1].findings + unit.findings)
                continue
        out.append(unit)
    return out


def _pairs(units: Sequence[Unit], identities: Sequence[Identity | None]) -> dict[int, int]:
    """annex index -> body index."""
    partner: dict[int, int] = {}
    taken: set[int] = set()

    def free(annex: int) -> list[int]:
        own = identities[annex]
        return [
            b
            for b in (annex - 1, annex + 1)
            if 0 <= b < len(units) and units[b].kind == "body" and b not in taken
            if own is not None and (other := identities[b]) is not None and own.fits(other)
        ]

    def settle(queue: deque[int]) -> None:
        while queue:
            annex = queue.popleft()
            if annex in partner:
                continue
            candidates = free(annex)
            named = [b for b in candidates if _same_group(identities[annex], identities[b])]
            if len(named) == 1 or len(candidates) == 1:
                body = named[0] if len(named) == 1 else candidates[0]
                partner[annex] = body
                taken.add(body)
                queue.extend(
                    a for a in (body - 1, body + 1) if 0 <= a < len(units) and units[a].kind == "annex"
                )

    annexes = [i for i, u in enumerate(units) if u.kind == "annex"]
    settle(deque(annexes))
    directions = Counter("before" if b > a else "after" for a, b in partner.items())
    if len(directions) == 1:  # one way throughout: the annexes left with two neighbours follow it
        step = 1 if "before" in directions else -1
        for annex in annexes:
            body = annex + step
            if annex not in partner and body in free(annex):
                partner[annex] = body
                taken.add(body)
    return partner


def _same_group(a: Identity | None, b: Identity | None) -> bool:
    return a is not None and b is not None and a.group_name is not None and a.group_name == b.group_name
