"""Whether two pieces of evidence name one body: a link (with the rule that made it certain), a
doubt (they may, but nothing makes it certain: left apart and raised in checks), or neither.

Deterministic rules rather than a learned score: a few thousand names, precision 1.0 wanted,
and every link must be explainable by one rule an analyst can read in facility_matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.link.evidence import Evidence
from pipeline.link.names import close_names, compatible_with_shared_phone, similarity

# Two reports that print this many of the same names, and that share of the shorter list, list
# one group: a name they share names one body, even where neither prints a phone or address
# (an outcome-only report and the group's member list of another year).
DEFAULT_MIN_CO_LISTED = 2
DEFAULT_CO_LISTED_SHARE = 0.5
# Rules from the most certain; links are applied in this order, so a weaker link never joins
# what a stronger one kept apart.
RULES: tuple[str, ...] = (
    "exact",
    "same_report",
    "phone_name",
    "name_municipality",
    "name_exchange",
    "name_group",
    "co_listed",
    "same_report_partial",
)
RULE_PRIORITY = {rule: i for i, rule in enumerate(RULES)}
# How every doubt between two rows of one name key (and nothing else) begins: `build` gathers them.
SAME_NAME = "the same name"
# facility_matches.rule: the link rules, `single` for a facility of one row, and alias rows.
MATCH_RULES = frozenset({*RULES, "single", "merged", "split_from"})


@dataclass(frozen=True, slots=True)  # a run makes one per compared pair: no __dict__ each
class Link:
    a: int  # indexes into the evidence list
    b: int
    rule: str
    score: float


@dataclass(frozen=True, slots=True)
class Doubt:
    a: int
    b: int
    reason: str


def _phones_conflict(a: Evidence, b: Evidence) -> bool:
    """Two different numbers, not two lines of one exchange."""
    if not a.digits or not b.digits or a.digits == b.digits:
        return False
    return a.exchange is None or a.exchange != b.exchange


def conflict(a: Evidence, b: Evidence) -> str | None:
    """Why two rows cannot be one body, or None: one list's two rows, two kinds, two phones,
    two municipalities without a shared phone."""
    one_list = a.doc_id == b.doc_id and a.source_table == b.source_table
    if one_list and (a.key, a.digits) != (b.key, b.digits):
        return "two rows of one report's list"
    if a.kind != b.kind and "other" not in (a.kind, b.kind):
        return f"kinds differ ({a.kind}, {b.kind})"
    if _phones_conflict(a, b):
        return "phones differ"
    shared_phone = a.digits is not None and a.digits == b.digits
    if a.municipality and b.municipality and a.municipality != b.municipality and not shared_phone:
        return "municipalities differ"
    return None


def co_listed(shared: int, names_a: int, names_b: int) -> bool:
    """Whether two reports with `names_a` and `names_b` name keys, `shared` of them in common,
    list one group."""
    return shared >= DEFAULT_MIN_CO_LISTED and shared >= DEFAULT_CO_LISTED_SHARE * min(names_a, names_b)


def _same_name(i: int, j: int, a: Evidence, b: Evidence, listed_together: bool) -> Link | Doubt:
    if a.digits and a.digits == b.digits:
        return Link(i, j, "exact", 1.0)
    why_not = conflict(a, b)
    if why_not:
        return Doubt(i, j, f"{SAME_NAME}, but {why_not}")
    if a.municipality and a.municipality == b.municipality:
        return Link(i, j, "name_exchange" if a.digits and b.digits else "name_municipality", 1.0)
    if a.group_key and a.group_key == b.group_key:
        return Link(i, j, "name_group", 1.0)
    if listed_together:
        return Link(i, j, "co_listed", 1.0)
    return Doubt(i, j, f"{SAME_NAME}, and no phone, municipality, group or co-listed names shared")


def compare(i: int, j: int, a: Evidence, b: Evidence, listed_together: bool) -> Link | Doubt | None:
    """Two rows of different reports (or one report's list printing a body twice).
    `listed_together`: whether the two rows' reports list one group (co_listed)."""
    if a.doc_id == b.doc_id:
        same_list_twice = a.source_table == b.source_table and (a.key, a.digits) == (b.key, b.digits)
        return Link(i, j, "exact", 1.0) if same_list_twice else None
    if a.key == b.key:
        return _same_name(i, j, a, b, listed_together)
    if a.kind != b.kind and "other" not in (a.kind, b.kind):
        return None  # a hospital and its visiting-nurse station often print one number
    if a.digits and a.digits == b.digits:
        if compatible_with_shared_phone(a.key, b.key):  # `other`: a kind word lost to a misprint
            return Link(i, j, "phone_name", similarity(a.key, b.key))
        return Doubt(i, j, "the same phone, but names that may be two bodies") if a.kind == b.kind else None
    towns_differ = a.municipality and b.municipality and a.municipality != b.municipality
    closeness = close_names(a.key, b.key) if a.kind == b.kind and not towns_differ else None
    return Doubt(i, j, f"{closeness}, and no shared phone") if closeness else None
