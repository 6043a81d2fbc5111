"""Links -> facilities: union of linked rows, the strongest links first, refusing any link that
would put two rows that cannot be one body (one list's two rows, two phones, two municipalities,
two kinds) into one facility. A refused link becomes a doubt naming the row it conflicts with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.link.evidence import Evidence
from pipeline.link.rules import RULE_PRIORITY, Doubt, Link, conflict


@dataclass(frozen=True)
class Clustering:
    groups: list[list[int]]  # each facility's rows (indexes into the evidence), sorted
    accepted: list[Link]  # the links inside facilities, in the order they were applied
    doubts: list[Doubt]  # pairs left apart that may be one body


def _first_conflict(
    left: list[int], right: list[int], evidence: Sequence[Evidence]
) -> tuple[int, int, str] | None:
    for i in left:
        for j in right:
            why = conflict(evidence[i], evidence[j])
            if why:
                return i, j, why
    return None


def cluster(evidence: Sequence[Evidence], links: list[Link], doubts: list[Doubt]) -> Clustering:
    parent = list(range(len(evidence)))
    rows: dict[int, list[int]] = {i: [i] for i in range(len(evidence))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    accepted: list[Link] = []
    refused: list[Doubt] = []
    for link in sorted(links, key=lambda k: (RULE_PRIORITY[k.rule], min(k.a, k.b), max(k.a, k.b))):
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            blocking = _first_conflict(rows[ra], rows[rb], evidence)
            if blocking:
                i, j, why = blocking
                other = evidence[j] if i in (link.a, link.b) else evidence[i]
                reason = f"{link.rule} link refused: {why} (with {other.label} {other.name!r})"
                refused.append(Doubt(link.a, link.b, reason))
                continue
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            rows[keep] = sorted(rows[keep] + rows.pop(gone))
        accepted.append(link)
    groups = sorted(rows.values())
    return Clustering(groups=groups, accepted=accepted, doubts=doubts + refused)
