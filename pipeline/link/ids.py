"""facility_id for each facility: derived from its evidence, and kept across runs.

A fresh id hashes what the facility's anchor row says (its kind and phone, else its name key
and municipality or group): the anchor is the earliest year's row, printed text before OCR, a
member row before an outcome row. Where the last recorded run already named this evidence,
that name is kept (so adding reports, even of an earlier year, never renumbers a facility);
where new evidence joins facilities that had two ids, the one with more evidence stays and the
other becomes an alias row (`merged`); a facility taken out of an old one (`split_from`) gets
a fresh id and names the old one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.link.evidence import Evidence, hash_id


@dataclass(frozen=True)
class History:
    """What the last recorded run decided: evidence_id -> {facility_id: rows}, former -> current."""

    ids_by_evidence: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # former -> (current, evidence_id)


@dataclass(frozen=True)
class Alias:
    group: int  # index of the facility that carries the alias row
    former_id: str
    rule: str  # `merged` or `split_from`
    row: int  # the evidence row the alias row repeats


def anchor_order(e: Evidence) -> tuple[object, ...]:
    return (
        e.fiscal_year is None,
        e.fiscal_year or 0,
        e.ocr,
        e.source_table != "members",
        e.founding_text,
        e.doc_id,
        e.row_no or 0,
    )


def anchor_of(group: Sequence[int], evidence: Sequence[Evidence]) -> int:
    return min(group, key=lambda i: anchor_order(evidence[i]))


def _previous_counts(group: Sequence[int], evidence: Sequence[Evidence], history: History) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i in group:
        counts.update(dict(history.ids_by_evidence.get(evidence[i].evidence_id, {})))
    return counts


def _fresh_id(group: Sequence[int], evidence: Sequence[Evidence], taken: set[str]) -> str:
    anchor = evidence[anchor_of(group, evidence)]
    ordered = sorted(group, key=lambda i: anchor_order(evidence[i]))
    for text in [anchor.founding_text] + [evidence[i].signature for i in ordered]:
        if hash_id(text) not in taken:
            return hash_id(text)
    n = 2
    while hash_id(f"{anchor.founding_text}#{n}") in taken:
        n += 1
    return hash_id(f"{anchor.founding_text}#{n}")


def assign_ids(
    groups: Sequence[Sequence[int]], evidence: Sequence[Evidence], history: History
) -> tuple[list[str], list[Alias]]:
    """One id per group (in the groups' order) and the alias rows to write."""
    position = {
        g: n
        for n, g in enumerate(sorted(range(len(groups)), key=lambda g: _group_order(groups[g], evidence)))
    }
    previous = [_previous_counts(groups[g], evidence, history) for g in range(len(groups))]
    ids: dict[int, str] = {}
    used: set[str] = set()
    # Old ids go to the groups holding most of their rows, one id per group.
    # Most rows first; on a tie the id whose rows are the oldest (the id founded first).
    claims = sorted(
        (-n, position[g], _oldest_row(groups[g], evidence, history, fid), fid, g)
        for g in position
        for fid, n in previous[g].items()
    )
    for _, _, _, fid, group in claims:
        if group not in ids and fid not in used:
            ids[group], used = fid, used | {fid}
    aliases: list[Alias] = []
    for fid in sorted({f for counts in previous for f in counts} - used):
        g = min((g for g in position if fid in previous[g]), key=lambda g: (-previous[g][fid], position[g]))
        aliases.append(Alias(g, fid, "merged", _row_of(groups[g], evidence, history, fid)))
    merged_into = {a.former_id: a.group for a in aliases}
    taken = set(ids.values())
    for g in sorted(position, key=position.__getitem__):
        if g not in ids:
            ids[g] = _fresh_id(groups[g], evidence, taken)
            taken.add(ids[g])
        for fid in sorted(previous[g]):
            if fid != ids[g] and merged_into.get(fid) != g:
                aliases.append(Alias(g, fid, "split_from", _row_of(groups[g], evidence, history, fid)))
    aliases += _carried_aliases(ids, aliases, groups, evidence, history)
    return [ids[g] for g in range(len(groups))], aliases


def _group_order(group: Sequence[int], evidence: Sequence[Evidence]) -> list[tuple[object, ...]]:
    return sorted(anchor_order(evidence[i]) for i in group)


def _oldest_row(
    group: Sequence[int], evidence: Sequence[Evidence], history: History, fid: str
) -> tuple[object, ...]:
    return anchor_order(evidence[_row_of(group, evidence, history, fid)])


def _row_of(group: Sequence[int], evidence: Sequence[Evidence], history: History, fid: str) -> int:
    """The first row of the group that the last run gave `fid` (else its anchor)."""
    for i in sorted(group, key=lambda i: anchor_order(evidence[i])):
        if fid in history.ids_by_evidence.get(evidence[i].evidence_id, {}):
            return i
    return anchor_of(group, evidence)


def _carried_aliases(
    ids: Mapping[int, str],
    new: Sequence[Alias],
    groups: Sequence[Sequence[int]],
    evidence: Sequence[Evidence],
    history: History,
) -> list[Alias]:
    """Alias rows of earlier runs, pointed at the id their facility has now."""
    group_of = {fid: g for g, fid in ids.items()}
    group_of.update({a.former_id: a.group for a in new if a.rule == "merged"})
    written = {a.former_id for a in new} | set(ids.values())
    carried = []
    for former, (current, evidence_id) in sorted(history.aliases.items()):
        g = group_of.get(current)
        if g is not None and former not in written:
            row = next(
                (i for i in groups[g] if evidence[i].evidence_id == evidence_id),
                anchor_of(groups[g], evidence),
            )
            carried.append(Alias(g, former, "merged", row))
            written.add(former)
    return carried
