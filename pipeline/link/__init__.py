"""Facility linking (SCHEMA v2 `facilities`, `facility_matches`): one body across reports and years.

    evidence (one per member row / outcome institution) -> candidates + rules (links, doubts)
    -> cluster (strongest links first, conflicts refused) -> ids (stable across runs) -> build

`link_run` is the one call a run makes, after every document is processed.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipeline.link.history import read_history
from pipeline.link.ids import History
from pipeline.link.stage import Linked, facility_id_changes, link_facilities
from pipeline.records import FileResult

__all__ = ["History", "Linked", "facility_id_changes", "link_facilities", "link_run", "read_history"]


def link_run(files: list[FileResult], output: Path) -> tuple[list[FileResult], dict[str, pa.Table]]:
    """The run's files with facility ids and checks, and the facilities / facility_matches
    tables; ids kept from the last recorded run in `output`."""
    linked = link_facilities(files, read_history(output))
    return linked.files, linked.tables()
