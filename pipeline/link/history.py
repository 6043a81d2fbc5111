"""The facility ids the last recorded run gave, read from its facility_matches version."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from deltalake import DeltaTable

from pipeline.link.ids import History
from pipeline.records import FacilityMatch
from pipeline.store.data_files import read_rows
from pipeline.store.write import last_recorded_versions, table_path

MATCHES_TABLE = "facility_matches"
_COLUMNS = ("facility_id", "evidence_id", "former_id")


def history_of(rows: Iterable[tuple[str, str, str | None]]) -> History:
    """(facility_id, evidence_id, former_id) rows of facility_matches -> History."""
    ids: dict[str, dict[str, int]] = defaultdict(dict)
    aliases: dict[str, tuple[str, str]] = {}
    for facility_id, evidence_id, former_id in rows:
        if former_id:
            aliases[former_id] = (facility_id, evidence_id)
        else:
            counts = ids[evidence_id]
            counts[facility_id] = counts.get(facility_id, 0) + 1
    return History(ids_by_evidence=dict(ids), aliases=aliases)


def history_of_matches(matches: Iterable[FacilityMatch]) -> History:
    return history_of((m.facility_id, m.evidence_id, m.former_id) for m in matches)


def read_history(output: Path) -> History:
    """Empty where no recorded run wrote facility_matches (a new output, or one from before v2)."""
    version = last_recorded_versions(output).get(MATCHES_TABLE)
    if version is None:
        return History()
    table = DeltaTable(str(table_path(output, MATCHES_TABLE)), version=version)
    columns = read_rows(table, list(_COLUMNS)).to_pydict()
    return history_of(zip(*(columns[c] for c in _COLUMNS), strict=True))
