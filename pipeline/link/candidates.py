"""Which pairs of evidence are compared (blocking), and the links and doubts they give.

Pairs come from shared keys (same name key, same phone) and, for doubts only, from names close
to each other within one municipality or one group: never all pairs, so a run over every member
of every year stays cheap.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

import regex

from normalizers.readings import reading_of
from pipeline.link.evidence import Evidence
from pipeline.link.names import close_names, similarity
from pipeline.link.rules import Doubt, Link, co_listed, compare

DEFAULT_MIN_PARTIAL_LENGTH = 2  # an outcome's name shorter than this never matches inside another
_HAN_RE = regex.compile(r"\p{Han}")


def _buckets(evidence: Sequence[Evidence], key: Callable[[Evidence], str | None]) -> list[list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        k = key(e)
        if k:
            found[k].append(i)
    return [found[k] for k in sorted(found) if len(found[k]) > 1]


def document_keys(evidence: Sequence[Evidence]) -> dict[str, frozenset[str]]:
    """Each document's name keys."""
    keys_of: dict[str, set[str]] = defaultdict(set)
    for e in evidence:
        keys_of[e.doc_id].add(e.key)
    return {doc_id: frozenset(keys) for doc_id, keys in keys_of.items()}


def co_listing(keys_of: Mapping[str, frozenset[str]]) -> Callable[[str, str], bool]:
    """Whether two documents list one group (rules.co_listed), from each document's name keys
    (`document_keys` of all its rows), cached per pair."""
    cache: dict[tuple[str, str], bool] = {}

    def together(a: str, b: str) -> bool:
        pair = (a, b) if a < b else (b, a)
        if pair not in cache:
            shared = len(keys_of[a] & keys_of[b])
            cache[pair] = co_listed(shared, len(keys_of[a]), len(keys_of[b]))
        return cache[pair]

    return together


def same_report_links(evidence: Sequence[Evidence]) -> Iterator[Link | Doubt]:
    """An institution named in a report's outcomes and a member of the same report: the same key
    links; else a unique member whose key holds the institution's (or the reverse) links; two
    candidates are a doubt."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        by_doc[e.doc_id].append(i)
    for indexes in by_doc.values():
        members = [i for i in indexes if evidence[i].source_table == "members"]
        for o in (i for i in indexes if evidence[i].source_table == "outcomes"):
            yield from _institution_links(o, members, evidence)


def _institution_links(o: int, members: list[int], evidence: Sequence[Evidence]) -> Iterator[Link | Doubt]:
    out = evidence[o]
    exact = [m for m in members if evidence[m].key == out.key]
    if len({(evidence[m].key, evidence[m].digits) for m in exact}) > 1:
        yield Doubt(o, exact[0], f"the report lists {len(exact)} members of this name")
        return
    if exact:
        yield from (Link(o, m, "same_report", 1.0) for m in exact)
        return
    if len(out.key) < DEFAULT_MIN_PARTIAL_LENGTH:
        return
    partial = [
        m
        for m in members
        if (out.key in evidence[m].key or evidence[m].key in out.key)
        and out.kind in (evidence[m].kind, "other")
    ]
    if len({evidence[m].key for m in partial}) == 1:
        yield from (Link(o, m, "same_report_partial", similarity(out.key, evidence[m].key)) for m in partial)
    elif partial:
        yield Doubt(o, partial[0], f"{len(partial)} members of the report hold this name")


def _cross_pairs(evidence: Sequence[Evidence]) -> Iterator[tuple[int, int]]:
    """Every pair under one name key, then every other pair under one phone (a pair under both
    comes once, with its name key's): no set of the pairs seen, which grows with their square.

    Rows of one name key and one phone are linked `exact` whatever else they print, nothing can
    refuse such a link, and `exact` is the strongest rule: they become one facility, and each row's
    strongest link is the one with the first of them. So of their pairs only those with the first
    row are made: the facilities, their strongest links and the doubts are the same as with every
    pair, and a body printed in many reports does not cost the square of their number."""
    for bucket in _buckets(evidence, lambda e: e.key):
        first_by_phone: dict[str, int] = {}
        for i in bucket:
            if evidence[i].digits:
                first_by_phone.setdefault(evidence[i].digits or "", i)
        for i, j in itertools.combinations(bucket, 2):
            phone = evidence[i].digits
            if phone and phone == evidence[j].digits and first_by_phone[phone] != i:
                continue
            yield i, j
    for bucket in _buckets(evidence, lambda e: e.digits):
        for i, j in itertools.combinations(bucket, 2):
            if evidence[i].key != evidence[j].key:
                yield i, j


def close_keys(keys: set[str]) -> Iterator[tuple[str, str]]:
    """Pairs of keys that may be close (names.close_names decides), found through indexes rather
    than by trying every pair: one deletion in common (one character apart), one reading (kana
    and kanji), one key ending with another."""
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in keys:
        buckets[("del", key)].append(key)
        for n in range(len(key)):
            buckets[("del", key[:n] + key[n + 1 :])].append(key)
        reading = reading_of(key) if _HAN_RE.search(key) else key  # kana keys read as written
        buckets[("read", reading or key)].append(key)
    for bucket in buckets.values():
        yield from itertools.combinations(sorted(set(bucket)), 2)
    for key in keys:
        for n in range(1, len(key) - 1):
            if key[n:] in keys:
                yield tuple(sorted((key, key[n:])))  # type: ignore[misc]


def _close_pairs(evidence: Sequence[Evidence]) -> Iterator[tuple[int, int]]:
    """Rows under two close keys of one kind, seen in one municipality or one named group."""
    seen: set[tuple[str, str]] = set()
    for bucket in _buckets(evidence, lambda e: e.municipality) + _buckets(evidence, lambda e: e.group_key):
        by_key: dict[str, list[int]] = defaultdict(list)
        for i in bucket:
            by_key[evidence[i].key].append(i)
        for ka, kb in sorted(set(close_keys(set(by_key)))):
            a, b = evidence[by_key[ka][0]], evidence[by_key[kb][0]]
            if (ka, kb) in seen or a.kind != b.kind or not close_names(ka, kb):
                continue
            seen.add((ka, kb))
            yield from ((i, j) for i in by_key[ka] for j in by_key[kb])


def find_links(
    evidence: Sequence[Evidence], together: Callable[[str, str], bool] | None = None
) -> tuple[list[Link], list[Doubt]]:
    """Every link and doubt between the rows, in a stable order. `together`: whether two documents
    list one group (`co_listing`), by default from these rows."""
    together = together or co_listing(document_keys(evidence))
    links: list[Link] = []
    doubts: list[Doubt] = []
    found: list[Link | Doubt | None] = list(same_report_links(evidence))
    for i, j in itertools.chain(_cross_pairs(evidence), _close_pairs(evidence)):
        a, b = evidence[i], evidence[j]
        if a.doc_id == b.doc_id and a.source_table != b.source_table:
            continue  # outcome and member of one report: same_report_links decided
        found.append(compare(i, j, a, b, together(a.doc_id, b.doc_id)))
    for result in found:
        if isinstance(result, Link):
            links.append(result)
        elif isinstance(result, Doubt):
            doubts.append(result)
    return links, doubts
