"""Facilities end to end through the real CLI: the seeds and their PDF renditions (text layer and
scan) in a first run, a second "year" of invented reports (tests/fixtures/facilities, derived from
the seeds with spellings and phones printed differently) added in a second run, then the same
input again. Ids must hold across renditions, years and runs; different bodies never share one."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.link import link_facilities
from pipeline.link.views import facilities_in_several_years, facility_timeline
from pipeline.process import process_file
from pipeline.store.load import load_run
from tests.conftest import ROOT

SEED_R2 = "raw/000_77fec06e79e16c0d.txt"  # つくばみらい市グループ, 2020, 8 members
SEED_R3 = "raw/003_1d5314b91ff3f58c.txt"  # 阿見町 (no group name printed), 2021, outcomes of 3 clinics
PDF_R2, SCAN_R2, PDF_R3 = "pdf/r2_tsukubamirai.pdf", "pdf/scan_r2_tsukubamirai.pdf", "pdf/r3_ami.pdf"
YEAR2_TSUKUBAMIRAI, YEAR2_AMI, YEAR2_KOGA = (
    "year2/r4_tsukubamirai.txt",
    "year2/r4_ami.txt",
    "year2/r3_koga.txt",
)


def extract(archive: Path, output: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "pipeline",
        "extract",
        "--input",
        str(archive),
        "--output",
        str(output),
        "--workers",
        "2",
    ]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, pd.DataFrame]]:
    base = tmp_path_factory.mktemp("facilities")
    archive, output = base / "archive", base / "out"
    shutil.copytree(ROOT / "data" / "raw", archive / "raw")
    shutil.copytree(ROOT / "tests" / "fixtures" / "pdf", archive / "pdf")
    extract(archive, output)
    first = load_run(output)
    shutil.copytree(ROOT / "tests" / "fixtures" / "facilities", archive / "year2")
    extract(archive, output)
    second = load_run(output)
    extract(archive, output)
    return [first, second, load_run(output)]


def doc_of(tables: dict[str, pd.DataFrame], path: str) -> str:
    documents = tables["documents"]
    return str(documents.loc[documents["source_path"] == path, "doc_id"].item())


def member_ids(tables: dict[str, pd.DataFrame], path: str) -> dict[int, str]:
    members = tables["members"][tables["members"]["doc_id"] == doc_of(tables, path)]
    return dict(zip(members["row_no"].astype(int), members["facility_id"], strict=True))


def institution_ids(tables: dict[str, pd.DataFrame], path: str) -> dict[str, str]:
    outcomes = tables["outcomes"]
    named = outcomes[(outcomes["doc_id"] == doc_of(tables, path)) & outcomes["institution"].notna()]
    pairs = set(zip(named["institution"], named["facility_id"], strict=True))
    assert len(pairs) == len({name for name, _ in pairs}), "one institution, one id within a report"
    return dict(pairs)


def test_every_member_and_named_outcome_points_at_a_facility(runs: list[dict[str, pd.DataFrame]]) -> None:
    tables = runs[1]
    members, outcomes, facilities = tables["members"], tables["outcomes"], tables["facilities"]
    assert members["facility_id"].notna().all()
    named = outcomes[outcomes["institution"].notna()]
    assert named["facility_id"].notna().all() and outcomes[outcomes["is_total"]]["facility_id"].isna().all()
    assert facilities["facility_id"].is_unique
    assert len(named.merge(facilities, on="facility_id")) == len(named)  # outcomes.merge(facilities) works
    assert set(members["facility_id"]) | set(named["facility_id"]) == set(facilities["facility_id"])
    versions = json.loads(tables["runs"]["table_versions"].iloc[-1])
    assert {"facilities", "facility_matches"} <= set(versions)


def test_renditions_of_one_report_give_the_same_ids(runs: list[dict[str, pd.DataFrame]]) -> None:
    tables = runs[0]
    text = member_ids(tables, SEED_R2)
    assert len(text) == 8 and len(set(text.values())) == 8
    assert member_ids(tables, PDF_R2) == text
    assert member_ids(tables, SCAN_R2) == text  # OCR'd: みらい平クカリニック, 訪問赴護ステーション
    layout = institution_ids(tables, SEED_R3)
    assert (
        set(layout) == {"印南クリニック", "さかえ医院", "なるしま内科医院"} and len(set(layout.values())) == 3
    )
    assert institution_ids(tables, PDF_R3) == layout
    assert len(tables["facilities"]) == 11


def test_adding_a_year_neither_renumbers_nor_splits(runs: list[dict[str, pd.DataFrame]]) -> None:
    first, second = runs[0], runs[1]
    for path in (SEED_R2, PDF_R2, SCAN_R2):
        assert member_ids(second, path) == member_ids(first, path)
    for path in (SEED_R3, PDF_R3):
        assert institution_ids(second, path) == institution_ids(first, path)
    before = first["facilities"].set_index("facility_id")
    after = second["facilities"].set_index("facility_id")
    assert set(before.index) <= set(after.index)
    assert (after.loc[before.index, "first_fiscal_year"] == before["first_fiscal_year"]).all()
    assert not second["facility_matches"]["former_id"].notna().any()  # nothing merged or split


def test_a_second_year_printed_differently_joins_the_same_facilities(
    runs: list[dict[str, pd.DataFrame]],
) -> None:
    tables = runs[1]
    r2, r4 = member_ids(tables, SEED_R2), member_ids(tables, YEAR2_TSUKUBAMIRAI)
    # (029)869-9660; no corporation; 医療法人社団 for 医療法人; ｸﾘﾆｯｸ; 有馬 for ありま (shared phone);
    # 訪問看護ステーション てとめとて; 双愛病院 on another line of its exchange. Row 8 (髙野) is new.
    assert [r4[n] for n in (1, 2, 3, 4, 5, 6, 7, 9)] == [r2[n] for n in range(1, 9)]
    assert r4[8] not in r2.values()
    outcomes = institution_ids(tables, YEAR2_TSUKUBAMIRAI)
    assert outcomes == {"みらい平クリニック": r2[2], "なかざわクリニック": r2[3], "有馬皮膚科": r2[5]}
    ami, layout = member_ids(tables, YEAR2_AMI), institution_ids(tables, SEED_R3)
    assert [ami[2], ami[3], ami[4]] == [
        layout["印南クリニック"],
        layout["さかえ医院"],
        layout["なるしま内科医院"],
    ]
    hospital = tables["facilities"].set_index("facility_id").loc[r2[8]]
    assert list(hospital["phones"]) == ["029-873-2511", "029-873-3111"]
    assert (hospital["first_fiscal_year"], hospital["last_fiscal_year"]) == (2020, 2022)


def test_different_bodies_never_share_an_id(runs: list[dict[str, pd.DataFrame]]) -> None:
    tables = runs[1]
    members = tables["members"]
    per_doc = members.groupby("doc_id")["facility_id"].agg(lambda s: s.nunique() == len(s))
    assert per_doc.all()  # every row of a member list is its own body
    ami = member_ids(tables, YEAR2_AMI)
    assert ami[5] != ami[7]  # 霞ヶ浦訪問看護ステーション and 茨城医療センター print one phone
    koga = member_ids(tables, YEAR2_KOGA)
    assert koga[2] != ami[3]  # さかえ医院 of 古河市 and of 阿見町
    (check,) = tables["checks"][tables["checks"]["check"] == "facility_ambiguous"].itertuples()
    assert (
        koga[2] in check.detail
        and ami[3] in check.detail
        and "the same name, but phones differ" in check.detail
    )


def test_the_same_input_again_gives_the_same_tables(runs: list[dict[str, pd.DataFrame]]) -> None:
    second, third = runs[1], runs[2]
    for name in ("facilities", "facility_matches", "members", "outcomes", "checks"):
        pd.testing.assert_frame_equal(second[name], third[name])


def test_views_list_facilities_seen_in_several_years(runs: list[dict[str, pd.DataFrame]]) -> None:
    tables = runs[1]
    several = facilities_in_several_years(tables)
    assert len(several) == 11 and (several["year_count"] == 2).all()
    assert set(several["kind"]) == {"clinic", "hospital", "visiting_nurse_station", "medical_association"}
    clinic = several[several["names"].map(lambda names: "ありま皮膚科クリニック" in list(names))]
    assert clinic["name"].item() == "有馬皮膚科クリニック" and list(clinic["years"].item()) == [2020, 2022]
    timeline = facility_timeline(tables, clinic["facility_id"].item())
    assert sorted(set(timeline["fiscal_year"])) == [2020, 2022]
    actual = timeline[(timeline["source"] == "outcomes") & (timeline["metric"] == "patients")]
    assert actual.set_index("period")["value"].to_dict() == {"baseline": 5, "plan": 6, "actual": 6}
    assert facilities_in_several_years(runs[0]).empty  # one year only before the second year came


def test_each_rendition_linked_alone_gives_the_ids_of_the_text() -> None:
    """Not only together: a run holding only the PDF of a report names its bodies as a run holding
    only its text rendition does (ids are founded on phones and keys, not on the file)."""

    def ids_alone(path: Path) -> list[str]:
        linked = link_facilities([process_file(path.read_bytes())])
        return [fid for _, fid in sorted((str(ref[1:]), fid) for ref, fid in linked.facility_ids.items())]

    for text, pdf in ((SEED_R2, PDF_R2), (SEED_R3, PDF_R3)):
        from_text = ids_alone(ROOT / "data" / text)
        assert from_text and ids_alone(ROOT / "tests" / "fixtures" / pdf) == from_text
