"""Linking rewrites an unchanged document's rows only in the tables where they change: a report
added beside it that changes only the wording of its linking check (the other row a doubt names)
rewrites its checks rows, not its members or outcomes rows, whose data files stay untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from deltalake import DeltaTable

from pipeline.records import LINKED_TABLES
from pipeline.run import run_extract
from tests.link.test_link_blocks import make_archive
from tests.pipeline.test_incremental import assert_same_as_full_run, data_files

LINK_CHECK = "facility_ambiguous"


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def link_checks(output: Path) -> dict[str, list[str]]:
    rows = DeltaTable(str(output / "checks")).to_pyarrow_table(columns=["doc_id", "check", "detail"])
    found: dict[str, list[str]] = {}
    for row in rows.to_pylist():
        if row["check"] == LINK_CHECK:
            found.setdefault(row["doc_id"], []).append(row["detail"])
    return found


def test_a_document_whose_linking_check_alone_changed_keeps_its_member_and_outcome_files(
    tmp_path: Path,
) -> None:
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    before = link_checks(output)
    # a doubt's wording names the first row of the other facility: a copy of the report it names
    # now, whose doc_id sorts first, is named instead (the copy's rows link as that report's)
    named = next(d for details in before.values() for d in details if "of document " in d)
    other = named.split("of document ")[2].split(",")[0]
    source = next(p for p in archive.iterdir() if doc_id_of(p.read_bytes()) == other)
    data = source.read_bytes()
    copy = next(data + b"\n" * n for n in range(1, 200) if doc_id_of(data + b"\n" * n) < other)
    (archive / f"copy-{source.name}").write_bytes(copy)
    files = {name: data_files(output / name) for name in ("members", "outcomes", "checks")}

    assert run_extract(archive, output, workers=0).extracted == 1
    after = link_checks(output)
    reworded = {doc for doc in before if doc != other and before[doc] != after.get(doc)}
    assert reworded  # an unchanged document's linking check now names the copy's row
    for name in ("members", "outcomes"):  # its facility ids did not change: nothing rewritten
        assert files[name].items() <= data_files(output / name).items(), name
    assert not files["checks"].items() <= data_files(output / "checks").items()  # its checks were
    assert_same_as_full_run(archive, output, tmp_path)


def test_a_run_that_changes_no_facility_leaves_the_facility_tables_files_untouched(tmp_path: Path) -> None:
    """Linking runs (a file came), but no facility's rows change: `facilities` and
    `facility_matches` keep their data files (they were written whole by every run)."""
    archive, output = make_archive(tmp_path / "in"), tmp_path / "out"
    run_extract(archive, output, workers=0)
    files = {name: data_files(output / name) for name in LINKED_TABLES}
    assert all(files.values())
    (archive / "notes.txt").write_text("打合せメモ\n次回は来月。\n", encoding="utf-8")  # no report
    assert run_extract(archive, output, workers=0).extracted == 1
    for name in LINKED_TABLES:
        assert data_files(output / name) == files[name], name
    assert_same_as_full_run(archive, output, tmp_path)
