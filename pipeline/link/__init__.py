"""Facility linking (SCHEMA v2 `facilities`, `facility_matches`): one body across reports and years.

    evidence (one per member row / outcome institution) -> candidates + rules (links, doubts)
    -> cluster (strongest links first, conflicts refused) -> ids (stable across runs) -> build

A run links over its whole dataset with `pipeline.link.dataset.link_dataset`, after every document is
processed; `link_facilities` links a list of files' documents (tests, tools).
"""

from __future__ import annotations

from pipeline.link.history import read_history
from pipeline.link.ids import History
from pipeline.link.stage import (
    Linked,
    Links,
    apply_links,
    facility_id_changes,
    link_documents,
    link_facilities,
)

__all__ = [
    "History",
    "Linked",
    "Links",
    "apply_links",
    "facility_id_changes",
    "link_documents",
    "link_facilities",
    "read_history",
]
