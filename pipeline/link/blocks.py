"""Linking block by block: the evidence cut into blocks no candidate pair crosses, each block's
links found and clustered on its own, and what the rest of linking needs of it kept (its groups,
each row's strongest link, the doubts that raise a check). The result is the clustering of the
whole evidence at once, while memory holds one block's pairs at a time, and a block whose evidence
did not change since the last run is not linked again (`BlockCache`).

A block is closed under everything a pair is found by (`candidates`): rows of one name key, rows of
one phone, an outcome's institution and its report's members whose key holds it or is held by it,
and two close keys of one kind seen in one municipality or one group (every row of both keys).
So a block's pairs, links, doubts and clusters are those of the whole evidence among its rows:
- a block holds every row of each of its keys, so the first municipality or group where two
  close keys meet (`_close_pairs` pairs them there only) is the same in the block;
- whether two documents list one group is decided from all their rows (`co_listing`);
- blocks keep the evidence's order, and clustering's order depends on that order only;
- a row's strongest link and the doubt raised between two facilities come from its own block.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.link.build import raised_doubts, strongest_links
from pipeline.link.candidates import close_keys, co_listing, document_keys, find_links
from pipeline.link.cluster import Clustering, cluster
from pipeline.link.evidence import Evidence
from pipeline.link.evidence_store import EvidenceStore
from pipeline.link.names import close_names
from pipeline.link.readings import ReadingStore
from pipeline.link.rules import RULE_PRIORITY, Doubt, Link
from pipeline.store.pickled import read_pickle, write_pickle

BLOCKS_DIR = "link-blocks"
BLOCKS_FILE = "blocks.pickle"


@dataclass(frozen=True)
class BlockResult:
    """What linking keeps of one block; rows numbered within the block."""

    groups: list[list[int]]
    best: list[Link]  # each row's strongest accepted link (`build.strongest_links`), once each
    doubts: list[Doubt]  # the doubts that raise a check (`build.raised_doubts`)


def _link_order(link: Link) -> tuple[int, int, int]:
    return (RULE_PRIORITY[link.rule], min(link.a, link.b), max(link.a, link.b))


def link_block(rows: Sequence[Evidence], together: Callable[[str, str], bool]) -> BlockResult:
    links, doubts = find_links(rows, together)
    clustering = cluster(rows, links, doubts)
    best = sorted(set(strongest_links(clustering.accepted).values()), key=_link_order)
    return BlockResult(clustering.groups, best, raised_doubts(clustering.groups, clustering.doubts, rows))


def blocks(evidence: Sequence[Evidence]) -> list[list[int]]:
    """The evidence's blocks (indexes, sorted), in the order of their first row."""
    parent = list(range(len(evidence)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first: dict[tuple[str, str], int] = {}
    members: dict[str, list[int]] = defaultdict(list)
    outcomes: dict[str, list[int]] = defaultdict(list)
    places: dict[tuple[str, str], set[str]] = defaultdict(set)  # municipality / group -> keys
    for i, e in enumerate(evidence):
        union(i, first.setdefault(("key", e.key), i))
        if e.digits:
            union(i, first.setdefault(("tel", e.digits), i))
        (members if e.source_table == "members" else outcomes)[e.doc_id].append(i)
        if e.municipality:
            places[("municipality", e.municipality)].add(e.key)
        if e.group_key:
            places[("group", e.group_key)].add(e.key)
    for doc_id, named in outcomes.items():
        for o in named:
            for m in members.get(doc_id, ()):
                if evidence[o].key in evidence[m].key or evidence[m].key in evidence[o].key:
                    union(o, m)
    kinds = {e.key: e.kind for e in evidence}
    for keys in places.values():
        for ka, kb in close_keys(keys):
            if kinds[ka] == kinds[kb] and close_names(ka, kb):
                union(first[("key", ka)], first[("key", kb)])
    found: dict[int, list[int]] = defaultdict(list)
    for i in range(len(evidence)):
        found[find(i)].append(i)
    return [found[root] for root in sorted(found)]


class BlockCache:
    """Block results by a hash of the block's evidence and its documents' name keys (all a block's
    linking reads), under the code's fingerprint: a block is reused only where linking it again
    would give the same result. The last run's blocks are kept in one file (`BLOCKS_FILE`), written
    whole or not at all once the run has linked every block (`keep_only`): a file a block cost a
    cold run more than linking its blocks did (707 files, 0.55 s, for 0.07 s of linking at 400
    bench files). The name keys' readings (`readings`) and each document's evidence (`evidence`)
    are kept beside them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / BLOCKS_FILE
        self.hits = 0
        self.readings = ReadingStore(folder)
        self.evidence = EvidenceStore(folder)
        self._last: dict[str, BlockResult] | None = None  # the last run's blocks, read on first use
        self._run: dict[str, BlockResult] = {}  # this run's blocks, reused or linked
        self._linked = False  # some block of this run was linked (not reused)

    @staticmethod
    def key(rows: Sequence[Evidence], keys_of: Mapping[str, frozenset[str]]) -> str:
        digest = hashlib.sha256(repr(list(rows)).encode())
        for doc_id in sorted({e.doc_id for e in rows}):
            digest.update(repr((doc_id, sorted(keys_of[doc_id]))).encode())
        return digest.hexdigest()

    def _kept(self) -> dict[str, BlockResult]:
        if self._last is None:
            found = read_pickle(self.path)  # absent, torn or stale: every block linked again
            self._last = found if isinstance(found, dict) else {}
        return self._last

    def get(self, key: str) -> BlockResult | None:
        result = self._kept().get(key)
        if not isinstance(result, BlockResult):
            return None
        self.hits += 1
        self._run[key] = result
        return result

    def put(self, key: str, result: BlockResult) -> None:
        self._run[key] = result
        self._linked = True

    def keep_only(self, keys: set[str]) -> None:
        """Keep this run's blocks (`keys`) only, for the next run: it reuses only blocks of the
        evidence it starts from, so older entries are dead weight that grows with every run. The
        file is left as it is where it holds exactly these blocks already."""
        if self._linked or set(self._kept()) != keys:
            write_pickle(self.path, {key: self._run[key] for key in keys if key in self._run})


def cluster_blocks(evidence: Sequence[Evidence], cache: BlockCache | None = None) -> Clustering:
    """The clustering linking needs of the whole evidence (groups, the strongest links, the doubts
    that raise checks), made block by block."""
    keys_of = document_keys(evidence)
    if cache is not None:
        cache.readings.prime({e.key for e in evidence})
    groups: list[list[int]] = []
    best: list[Link] = []
    doubts: list[Doubt] = []
    used: set[str] = set()
    for block in blocks(evidence):
        rows = [evidence[i] for i in block]
        key = BlockCache.key(rows, keys_of) if cache is not None else ""
        used.add(key)
        result = cache.get(key) if cache is not None else None
        if result is None:
            result = link_block(rows, co_listing(keys_of))  # a cache of document pairs per block
            if cache is not None:
                cache.put(key, result)
        groups += [[block[i] for i in group] for group in result.groups]
        best += [Link(block[k.a], block[k.b], k.rule, k.score) for k in result.best]
        doubts += [Doubt(block[d.a], block[d.b], d.reason) for d in result.doubts]
    if cache is not None:
        cache.keep_only(used)
    return Clustering(groups=sorted(groups), accepted=sorted(best, key=_link_order), doubts=doubts)
