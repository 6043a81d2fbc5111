"""Each document's linking evidence kept between runs, so a run that changes a few files reads back
from the tables the evidence of no document it kept (`dataset.link_dataset`).

A document's evidence is a function of its records, and its records of its bytes (`doc_id`) and
the code: the store lives beside the block cache, under the code's fingerprint, so the evidence
kept for a doc_id is what reading its rows again would give. It holds the last run's documents
(a document without evidence as an empty entry), in one file written whole or not at all; a torn
or unreadable file is read as empty, and the documents it lacks are read from the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.link.evidence import Evidence
from pipeline.store.pickled import read_pickle, write_pickle

EVIDENCE_FILE = "evidence.pickle"


class EvidenceStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / EVIDENCE_FILE

    def load(self) -> dict[str, tuple[Evidence, ...]]:
        found = read_pickle(self.path)
        return found if isinstance(found, dict) else {}

    def save(self, doc_ids: Iterable[str], evidence: Sequence[Evidence]) -> None:
        """Keep the evidence of these documents (every document of the run)."""
        by_doc: dict[str, list[Evidence]] = {doc_id: [] for doc_id in doc_ids}
        for e in evidence:
            by_doc[e.doc_id].append(e)
        write_pickle(self.path, {doc_id: tuple(rows) for doc_id, rows in by_doc.items()})
