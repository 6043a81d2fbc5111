"""facility_id: derived from the evidence, the same for the same input, kept when reports are
added (even of an earlier year), merges and splits recorded as alias rows."""

from __future__ import annotations

import random

from pipeline.link import Linked, facility_id_changes, link_facilities
from pipeline.link.history import history_of_matches
from tests.link.factory import Row, doc_id_for, report

TSUKUBAMIRAI = [
    Row("つくば市医師会", "つくば市", "029-869-9660"),
    Row("医療法人 みらい平クリニック", "つくばみらい市", "0297-38-4023"),
    Row("みらい平こどもクリニック", "つくばみらい市", "0297-47-2255"),
    Row("ありま皮膚科クリニック", "つくばみらい市", "0297-38-6116"),
]
LATER = [
    Row("つくば市医師会", "つくば市", "(029)869-9660"),
    Row("みらい平クリニック", "つくばみらい市", "0297-38-4023"),
    Row("みらい平こどもｸﾘﾆｯｸ", "つくばみらい市", "0297-47-2255"),
    Row("有馬皮膚科クリニック", "つくばみらい市", "(0297)38-6116"),
    Row("髙野内科クリニック", "つくばみらい市", "0297-52-0101"),
]


def member_ids(linked: Linked, label: str) -> list[str]:
    doc = doc_id_for(label)
    refs = sorted(ref for ref in linked.facility_ids if ref[0] == doc and ref[1] == "members")
    return [linked.facility_ids[ref] for ref in refs]


def test_the_same_input_in_any_order_gives_the_same_ids() -> None:
    files = [report("r2", 2020, "G", members=TSUKUBAMIRAI), report("r4", 2022, "G", members=LATER)]
    first = link_facilities(files)
    shuffled = files[::-1]
    random.Random(7).shuffle(shuffled)
    again = link_facilities(shuffled)
    assert first.facility_ids == again.facility_ids
    assert first.facilities == again.facilities and first.matches == again.matches
    assert all(fid.startswith("fac_") and len(fid) == 16 for fid in first.facility_ids.values())


def test_adding_a_later_year_neither_renumbers_nor_splits() -> None:
    before = link_facilities([report("r2", 2020, "G", members=TSUKUBAMIRAI)])
    after = link_facilities(
        [report("r2", 2020, "G", members=TSUKUBAMIRAI), report("r4", 2022, "G", members=LATER)]
    )
    assert member_ids(after, "r2") == member_ids(before, "r2")
    assert member_ids(after, "r4")[:4] == member_ids(before, "r2")
    assert member_ids(after, "r4")[4] not in member_ids(before, "r2")
    years = {f.facility_id: (f.first_fiscal_year, f.last_fiscal_year) for f in after.facilities}
    assert [years[fid] for fid in member_ids(before, "r2")] == [(2020, 2022)] * 4


def test_adding_an_earlier_year_keeps_the_ids_the_last_run_gave() -> None:
    """A 2019 row without a phone becomes the earliest row: a fresh run would found the id on it;
    with the last run's facility_matches the id stays."""
    later = [report("r4", 2022, "G", members=LATER)]
    earlier = report("r1", 2019, "G", members=[Row("みらい平クリニック", "つくばみらい市", None)])
    before = link_facilities(later)
    fresh = link_facilities([earlier, *later])
    kept = link_facilities([earlier, *later], history_of_matches(before.matches))
    clinic = member_ids(before, "r4")[1]
    assert member_ids(fresh, "r4")[1] != clinic  # the anchor moved to 2019
    assert member_ids(kept, "r4") == member_ids(before, "r4")
    assert member_ids(kept, "r1") == [clinic]
    assert not [m for m in kept.matches if m.former_id]


def test_a_merge_new_evidence_makes_certain_keeps_the_older_id_and_records_the_other() -> None:
    kana = report("a", 2020, "G", members=[Row("ありま皮膚科クリニック", "つくばみらい市", "0297-38-6116")])
    kanji = report("b", 2021, "G", members=[Row("有馬皮膚科クリニック", "つくばみらい市", None)])
    bridge = report("c", 2022, "G", members=[Row("有馬皮膚科クリニック", "つくばみらい市", "0297-38-6116")])
    first = link_facilities([kana, kanji])
    (a_id,), (b_id,) = member_ids(first, "a"), member_ids(first, "b")
    assert a_id != b_id  # kana and kanji, no shared phone: apart, and raised
    assert first.checks[doc_id_for("b")][0].check == "facility_ambiguous"
    second = link_facilities([kana, kanji, bridge], history_of_matches(first.matches))
    assert member_ids(second, "a") == member_ids(second, "b") == member_ids(second, "c") == [a_id]
    (alias,) = [m for m in second.matches if m.former_id]
    assert (alias.facility_id, alias.former_id, alias.rule, alias.doc_id) == (
        a_id,
        b_id,
        "merged",
        doc_id_for("b"),
    )
    assert not second.checks  # the doubt is settled
    third = link_facilities([kana, kanji, bridge], history_of_matches(second.matches))
    assert [m for m in third.matches if m.former_id] == [alias]  # the alias row is kept run after run
    assert third.facility_ids == second.facility_ids


def test_a_facility_taken_out_of_an_old_one_names_it() -> None:
    """The last run had two rows in one facility; now they are apart (a rule became stricter):
    the bigger part keeps the id, the other gets a new one with a `split_from` row."""
    rows = [
        report("a", 2020, "G", members=[Row("中央クリニック", "水戸市", "029-224-1000")]),
        report("b", 2021, "G", members=[Row("中央クリニック", "水戸市", "029-224-1000")]),
        report("c", 2022, "H", members=[Row("中央クリニック", "水戸市", "029-303-2000")]),
    ]
    now = link_facilities(rows)
    a_id, c_id = member_ids(now, "a")[0], member_ids(now, "c")[0]
    merged_before = [m.__class__(**{**m.__dict__, "facility_id": a_id}) for m in now.matches]
    again = link_facilities(rows, history_of_matches(merged_before))
    assert member_ids(again, "a") == member_ids(again, "b") == [a_id]
    (new_id,) = member_ids(again, "c")
    assert new_id != a_id and new_id == c_id
    (split,) = [m for m in again.matches if m.former_id]
    assert (split.facility_id, split.former_id, split.rule) == (new_id, a_id, "split_from")


def test_changed_rows_are_listed_for_a_writer_that_rewrites_only_them() -> None:
    kana = report("a", 2020, "G", members=[Row("ありま皮膚科クリニック", "つくばみらい市", "0297-38-6116")])
    kanji = report(
        "b",
        2021,
        "G",
        members=[Row("有馬皮膚科クリニック", "つくばみらい市", None)],
        institutions=["有馬皮膚科"],
    )
    bridge = report("c", 2022, "G", members=[Row("有馬皮膚科クリニック", "つくばみらい市", "0297-38-6116")])
    first = link_facilities([kana, kanji])
    second = link_facilities([kana, kanji, bridge], history_of_matches(first.matches))
    changed = facility_id_changes(first.facility_ids, second.facility_ids)
    b_id = member_ids(first, "b")[0]  # two rows (member and outcome) had it: it stays
    assert changed == {(doc_id_for("a"), "members", 1): b_id, (doc_id_for("c"), "members", 1): b_id}
    assert facility_id_changes(second.facility_ids, {}) == dict.fromkeys(second.facility_ids)
    assert facility_id_changes(second.facility_ids, second.facility_ids) == {}
