"""Links -> facilities: union of linked rows, the strongest links first, refusing any link that
would put two rows that cannot be one body (one list's two rows, two phones, two municipalities,
two kinds) into one facility. A refused link becomes a doubt naming the row it conflicts with.

A row that joined its facility only by a name (no phone, no exact print) and had a link refused
could name either body: its name links are withheld and it stays apart, so the order in which
links are tried never decides which of two same-named bodies gets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.link.evidence import Evidence
from pipeline.link.rules import RULE_PRIORITY, Doubt, Link, conflict

# Rules from here on join by a name alone (with a town, an exchange, a group or co-listed names).
FIRST_NAME_RULE = RULE_PRIORITY["name_municipality"]
_NAME_REFUSALS = tuple(f"a {rule} link refused" for rule, p in RULE_PRIORITY.items() if p >= FIRST_NAME_RULE)


@dataclass(frozen=True)
class Clustering:
    groups: list[list[int]]  # each facility's rows (indexes into the evidence), sorted
    accepted: list[Link]  # the links inside facilities, in the order they were applied
    doubts: list[Doubt]  # pairs left apart that may be one body


def _by_name(link: Link) -> bool:
    return RULE_PRIORITY[link.rule] >= FIRST_NAME_RULE


def _order(link: Link) -> tuple[int, int, int]:
    """The order links are applied in: the strongest rule first, then by the rows they join."""
    a, b = link.a, link.b
    return (RULE_PRIORITY[link.rule], a, b) if a < b else (RULE_PRIORITY[link.rule], b, a)


def _first_conflict(
    left: list[int], right: list[int], evidence: Sequence[Evidence]
) -> tuple[int, int, str] | None:
    for i in left:
        for j in right:
            why = conflict(evidence[i], evidence[j])
            if why:
                return i, j, why
    return None


def _union(
    evidence: Sequence[Evidence], links: list[Link]
) -> tuple[list[list[int]], list[Link], list[Doubt]]:
    parent = list(range(len(evidence)))
    rows: dict[int, list[int]] = {i: [i] for i in range(len(evidence))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    accepted: list[Link] = []
    refused: list[Doubt] = []
    for link in sorted(links, key=_order):
        ra, rb = find(link.a), find(link.b)
        if ra != rb:
            blocking = _first_conflict(rows[ra], rows[rb], evidence)
            if blocking:
                i, j, why = blocking
                other = evidence[j] if i in (link.a, link.b) else evidence[i]
                reason = f"a {link.rule} link refused: {why} (with {other.label} {other.name!r})"
                refused.append(Doubt(link.a, link.b, reason))
                continue
            keep, gone = min(ra, rb), max(ra, rb)
            parent[gone] = keep
            rows[keep] = sorted(rows[keep] + rows.pop(gone))
        accepted.append(link)
    return sorted(rows.values()), accepted, refused


def _joined_by_name_only(accepted: list[Link]) -> set[int]:
    """Rows whose every accepted link is a name link (none exact, by phone or by its report)."""
    by_name: set[int] = set()
    otherwise: set[int] = set()
    for link in accepted:
        (by_name if _by_name(link) else otherwise).update((link.a, link.b))
    return by_name - otherwise


def cluster(evidence: Sequence[Evidence], links: list[Link], doubts: list[Doubt]) -> Clustering:
    undecided: set[int] = set()
    while True:
        active = [k for k in links if not (_by_name(k) and {k.a, k.b} & undecided)]
        groups, accepted, refused = _union(evidence, active)
        refused_by_name = {frozenset((d.a, d.b)) for d in refused if d.reason.startswith(_NAME_REFUSALS)}
        only_by_name = _joined_by_name_only(accepted)
        newly = {r for pair in refused_by_name for r in pair if r in only_by_name} - undecided
        if not newly:
            break
        undecided |= newly
    withheld = [
        Doubt(k.a, k.b, f"a {k.rule} link withheld: the row could name more than one body")
        for k in links
        if _by_name(k) and {k.a, k.b} & undecided
    ]
    return Clustering(groups=groups, accepted=accepted, doubts=doubts + refused + withheld)
