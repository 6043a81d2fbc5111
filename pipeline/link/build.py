"""Facilities, their evidence rows and the checks of doubtful pairs, as records."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from normalizers.text import normalize_space
from pipeline.checks import spec_of
from pipeline.link.cluster import Clustering
from pipeline.link.evidence import Evidence
from pipeline.link.ids import Alias, anchor_of
from pipeline.link.rules import RULE_PRIORITY, SAME_NAME, Doubt, Link
from pipeline.records import Check, Facility, FacilityMatch

AMBIGUOUS_CHECK = "facility_ambiguous"
# Facilities printing one name, kept apart, from which one check names them all (`name_sets`).
DEFAULT_MIN_NAME_SET = 3


def _display(text: str | None) -> str | None:
    """A printing as shown in facilities: NFKC (ｸﾘﾆｯｸ -> クリニック), spaces collapsed."""
    return normalize_space(unicodedata.normalize("NFKC", text)) if text is not None else None


def _canonical(group: Sequence[int], evidence: Sequence[Evidence]) -> Evidence:
    """The printing a facility is shown by: member rows before outcome rows, text before OCR, the
    latest year (a renamed body shows its new name), the most printed facility_name, then the
    first in order."""
    printed = Counter(evidence[i].facility_name for i in group)

    def rank(i: int) -> tuple[object, ...]:
        e = evidence[i]
        return (e.source_table != "members", e.ocr, -(e.fiscal_year or 0), -printed[e.facility_name], i)

    return evidence[min(group, key=rank)]


def build_facility(fid: str, group: Sequence[int], evidence: Sequence[Evidence]) -> Facility:
    shown = _canonical(group, evidence)
    rows = [evidence[i] for i in group]
    years = [e.fiscal_year for e in rows if e.fiscal_year is not None]
    latest_municipality = max(
        ((e.fiscal_year or 0, not e.ocr, e.municipality) for e in rows if e.municipality), default=None
    )
    phones = {e.digits: e.phone for e in sorted(rows, key=lambda e: e.phone or "") if e.digits and e.phone}
    return Facility(
        facility_id=fid,
        name=_display(shown.name) or shown.name,
        facility_name=_display(shown.facility_name) or shown.facility_name,
        corporation=_display(shown.corporation),
        kind=shown.kind
        if shown.kind != "other"
        else next((e.kind for e in rows if e.kind != "other"), "other"),
        municipality=latest_municipality[2] if latest_municipality else None,
        phones=tuple(sorted(phones.values())),
        names=tuple(sorted({e.facility_name for e in rows})),
        first_fiscal_year=min(years) if years else None,
        last_fiscal_year=max(years) if years else None,
        groups=tuple(sorted({e.group_name for e in rows if e.group_name})),
        evidence_count=len(rows),
    )


def strongest_links(accepted: Sequence[Link]) -> dict[int, Link]:
    """Each row's first accepted link of the strongest rule (`accepted` in the order applied)."""
    best: dict[int, Link] = {}
    for link in accepted:
        for i in (link.a, link.b):
            if i not in best or RULE_PRIORITY[link.rule] < RULE_PRIORITY[best[i].rule]:
                best[i] = link
    return best


def _match_row(
    fid: str,
    e: Evidence,
    rule: str,
    partner: Evidence | None,
    score: float | None,
    anchor: bool,
    former: str | None,
) -> FacilityMatch:
    return FacilityMatch(
        facility_id=fid,
        rule=rule,
        doc_id=e.doc_id,
        fiscal_year=e.fiscal_year,
        group_name=e.group_name,
        page=e.page,
        line=e.line,
        source_table=e.source_table,
        row_no=e.row_no,
        name=e.name,
        name_key=e.key,
        kind=e.kind,
        phone=e.phone,
        municipality=e.municipality,
        evidence_id=e.evidence_id,
        matched_with=partner.label if partner else None,
        score=score,
        is_anchor=anchor,
        former_id=former,
    )


def build_matches(
    ids: Sequence[str], clustering: Clustering, evidence: Sequence[Evidence], aliases: Sequence[Alias]
) -> list[FacilityMatch]:
    best = strongest_links(clustering.accepted)
    rows: list[FacilityMatch] = []
    for fid, group in zip(ids, clustering.groups, strict=True):
        anchor = anchor_of(group, evidence)
        for i in group:
            link = best.get(i)
            partner = evidence[link.b if link.a == i else link.a] if link else None
            rule, score = (link.rule, link.score) if link else ("single", None)
            rows.append(_match_row(fid, evidence[i], rule, partner, score, i == anchor, None))
    for alias in aliases:
        e = evidence[alias.row]
        rows.append(_match_row(ids[alias.group], e, alias.rule, None, None, False, alias.former_id))
    return sorted(
        rows,
        key=lambda r: (r.facility_id, r.former_id or "", r.doc_id, r.source_table, r.row_no or 0, r.name),
    )


def _describe(e: Evidence, fid: str) -> str:
    where = f"{e.source_table} row {e.row_no}" if e.source_table == "members" else "outcomes"
    year = e.fiscal_year if e.fiscal_year is not None else "year unknown"
    facts = ", ".join(x for x in (e.municipality, e.phone) if x) or "no municipality or phone"
    group = e.group_name or "no group name"
    return f"{e.name!r} ({where} of document {e.doc_id}, {year}, {group}; {facts}; {fid})"


def _informative(evidence: Sequence[Evidence]) -> Callable[[Doubt], tuple[int, int, int, str]]:
    """The order doubts are raised in: the most informative first (two member rows say most)."""

    def key(d: Doubt) -> tuple[int, int, int, str]:  # a doubt each: the square of a name's rows
        a, b = (d.a, d.b) if d.a < d.b else (d.b, d.a)
        outcome_rows = (evidence[a].source_table == "outcomes") + (evidence[b].source_table == "outcomes")
        return (outcome_rows, a, b, d.reason)

    return key


def raised_doubts(
    groups: Sequence[Sequence[int]], doubts: Sequence[Doubt], evidence: Sequence[Evidence]
) -> list[Doubt]:
    """The doubt each pair of facilities (groups) that may be one body is raised on: the most
    informative one (`_informative`), in that order; doubts inside one facility left out."""
    group_of = {i: g for g, group in enumerate(groups) for i in group}
    raised: set[tuple[int, int]] = set()
    kept: list[Doubt] = []
    for doubt in sorted(doubts, key=_informative(evidence)):
        ga, gb = group_of[doubt.a], group_of[doubt.b]
        pair = (min(ga, gb), max(ga, gb))
        if ga != gb and pair not in raised:
            raised.add(pair)
            kept.append(doubt)
    return kept


def _newer(evidence: Sequence[Evidence]) -> Callable[[int], tuple[int, str, int]]:
    """The order rows are told older to newer by: fiscal year, document, row."""
    return lambda i: (evidence[i].fiscal_year or 0, evidence[i].doc_id, i)


def _check_on(e: Evidence, detail: str) -> Check:
    return Check(
        doc_id=e.doc_id,
        fiscal_year=e.fiscal_year,
        group_name=e.group_name,
        page=e.page,
        line=e.line,
        check=AMBIGUOUS_CHECK,
        severity=spec_of(AMBIGUOUS_CHECK).severity,
        detail=detail,
    )


def _pair_check(doubt: Doubt, facility_of: Mapping[int, str], evidence: Sequence[Evidence]) -> Check:
    older, newer = sorted((doubt.a, doubt.b), key=_newer(evidence))
    a, b = evidence[older], evidence[newer]
    detail = (
        f"{_describe(b, facility_of[newer])} and {_describe(a, facility_of[older])} may be one body: "
        f"{doubt.reason}. Kept as two facilities; link them by hand if they are one."
    )
    return _check_on(b, detail)


def name_sets(
    doubts: Sequence[Doubt],
    facility_of: Mapping[int, str],
    evidence: Sequence[Evidence],
    min_facilities: int = DEFAULT_MIN_NAME_SET,
) -> dict[str, list[Doubt]]:
    """The doubts between rows of one name key (`rules.SAME_NAME`), by that key, for the keys
    whose doubts span `min_facilities` facilities or more."""
    by_key: dict[str, list[Doubt]] = defaultdict(list)
    for doubt in doubts:
        a, b = evidence[doubt.a], evidence[doubt.b]
        if doubt.reason.startswith(SAME_NAME) and a.key == b.key:
            by_key[a.key].append(doubt)
    return {
        key: found
        for key, found in sorted(by_key.items())
        if len({facility_of[i] for d in found for i in (d.a, d.b)}) >= min_facilities
    }


def _set_check(
    key: str, doubts: Sequence[Doubt], facility_of: Mapping[int, str], evidence: Sequence[Evidence]
) -> Check:
    """One check for the facilities that print one name and were kept apart: each row in doubt
    described once under a number, then every pair in doubt by those numbers under its reason (a
    pair check's reason); it sits on the newest row's document."""
    rows = sorted({i for d in doubts for i in (d.a, d.b)}, key=_newer(evidence))
    number = {i: n for n, i in enumerate(rows, 1)}
    facilities = len({facility_of[i] for i in rows})
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doubt in doubts:
        first, second = sorted((number[doubt.a], number[doubt.b]))
        pairs[doubt.reason].append((first, second))
    described = "; ".join(f"[{number[i]}] {_describe(evidence[i], facility_of[i])}" for i in rows)
    listed = "; ".join(
        f"{reason}: " + ", ".join(f"{a}-{b}" for a, b in sorted(found))
        for reason, found in sorted(pairs.items())
    )
    detail = (
        f"{facilities} facilities print the name {key!r} and may be one body, each pair below by its "
        f"rows' numbers: {described}. Pairs in doubt: {listed}. Kept as {facilities} facilities; link "
        "them by hand where they are one."
    )
    return _check_on(evidence[rows[-1]], detail)


def build_checks(ids: Sequence[str], clustering: Clustering, evidence: Sequence[Evidence]) -> list[Check]:
    """One check per pair of facilities that may be one body, on the newer row's document; where
    `DEFAULT_MIN_NAME_SET` facilities or more print one name, one check for all of them instead
    of one a pair (`name_sets`): its pairs grow with the square of the bodies printing the name.
    `clustering` as `blocks.cluster_blocks` makes it: its doubts are those raised (`raised_doubts`,
    block by block: no two facilities of one pair lie in two blocks)."""
    facility_of = {i: ids[g] for g, group in enumerate(clustering.groups) for i in group}
    sets = name_sets(clustering.doubts, facility_of, evidence)
    in_sets = {d for found in sets.values() for d in found}
    pairs = sorted((d for d in clustering.doubts if d not in in_sets), key=_informative(evidence))
    checks = [_pair_check(d, facility_of, evidence) for d in pairs]
    return checks + [_set_check(key, found, facility_of, evidence) for key, found in sets.items()]
