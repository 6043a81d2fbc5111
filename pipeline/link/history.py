"""The facility ids the last recorded run gave, read from its facility_matches version."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from deltalake import DeltaTable

from pipeline.link.ids import History
from pipeline.store.write import last_recorded_versions, table_path

MATCHES_TABLE = "facility_matches"


def read_history(output: Path) -> History:
    """Empty where no recorded run wrote facility_matches (a new output, or one from before v2)."""
    version = last_recorded_versions(output).get(MATCHES_TABLE)
    if version is None:
        return History()
    columns = ["facility_id", "evidence_id", "former_id"]
    rows = DeltaTable(str(table_path(output, MATCHES_TABLE)), version=version).to_pyarrow_table(
        columns=columns
    )
    ids: dict[str, dict[str, int]] = defaultdict(dict)
    aliases: dict[str, str] = {}
    for row in rows.to_pylist():
        if row["former_id"]:
            aliases[row["former_id"]] = row["facility_id"]
        else:
            counts = ids[row["evidence_id"]]
            counts[row["facility_id"]] = counts.get(row["facility_id"], 0) + 1
    return History(ids_by_evidence=dict(ids), aliases=aliases)
