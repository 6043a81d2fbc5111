"""Linking decisions that need more than a pair: reports' own lists, chains, co-listing, checks."""

from __future__ import annotations

from pipeline.link import Linked, link_facilities
from tests.link.factory import Row, doc_id_for, report

AMI = [
    Row("稲敷医師会", "阿見町", "029-887-0012"),
    Row("医療法人 印南クリニック", "阿見町", "029-889-2111"),
    Row("さかえ医院", "阿見町", "029-834-1234"),
    Row("なるしま内科医院", "阿見町", "029-887-5678"),
]


def ids_of(linked: Linked, label: str, table: str = "members") -> dict[object, str]:
    doc = doc_id_for(label)
    return {ref[2]: fid for ref, fid in linked.facility_ids.items() if ref[0] == doc and ref[1] == table}


def ambiguous(linked: Linked) -> list[str]:
    return [c.detail for cs in linked.checks.values() for c in cs if c.check == "facility_ambiguous"]


def test_one_report_names_its_members_in_outcomes() -> None:
    files = [
        report("r4", 2022, None, members=AMI, institutions=["印南クリニック", "・さかえ医院", "なるしま内科"])
    ]
    linked = link_facilities(files)
    members, outcomes = ids_of(linked, "r4"), ids_of(linked, "r4", "outcomes")
    assert outcomes == {"印南クリニック": members[2], "・さかえ医院": members[3], "なるしま内科": members[4]}
    rules = {m.name: m.rule for m in linked.matches if m.source_table == "outcomes"}
    assert rules == {
        "印南クリニック": "same_report",
        "・さかえ医院": "same_report",
        "なるしま内科": "same_report_partial",
    }
    assert ambiguous(linked) == []


def test_an_outcome_name_two_members_hold_is_left_alone_and_raised() -> None:
    rows = [
        Row("みらい平クリニック", "つくばみらい市", "0297-38-4023"),
        Row("みらい平こどもクリニック", "つくばみらい市", "0297-47-2255"),
    ]
    linked = link_facilities([report("r", 2022, "G", members=rows, institutions=["みらい平"])])
    members, outcomes = ids_of(linked, "r"), ids_of(linked, "r", "outcomes")
    assert outcomes["みらい平"] not in members.values()
    (detail,) = ambiguous(linked)
    assert "2 members of the report hold this name" in detail


def test_outcome_only_report_joins_a_later_member_list_by_co_listed_names() -> None:
    files = [
        report("r3", 2021, None, institutions=["印南クリニック", "さかえ医院", "なるしま内科医院"]),
        report("r4", 2022, None, members=AMI),
    ]
    linked = link_facilities(files)
    members, outcomes = ids_of(linked, "r4"), ids_of(linked, "r3", "outcomes")
    assert outcomes == {
        "印南クリニック": members[2],
        "さかえ医院": members[3],
        "なるしま内科医院": members[4],
    }
    assert {m.rule for m in linked.matches if m.doc_id == doc_id_for("r3")} == {"co_listed"}


def test_one_shared_name_alone_does_not_join_an_outcome_only_report() -> None:
    files = [report("r3", 2021, None, institutions=["さかえ医院"]), report("r4", 2022, None, members=AMI)]
    linked = link_facilities(files)
    assert ids_of(linked, "r3", "outcomes")["さかえ医院"] != ids_of(linked, "r4")[3]
    (detail,) = ambiguous(linked)
    assert "the same name, and no phone, municipality, group or co-listed names shared" in detail


def test_a_phone_less_row_of_a_name_two_bodies_bear_joins_neither() -> None:
    """Two 中央クリニック of one town with numbers of two exchanges, and a third row with no
    phone: it could be either, so it is its own facility (never the first one tried)."""
    files = [
        report("a", 2020, "A", members=[Row("中央クリニック", "水戸市", "029-224-1000")]),
        report("b", 2021, "B", members=[Row("中央クリニック", "水戸市", "029-303-2000")]),
        report("c", 2022, "C", members=[Row("中央クリニック", "水戸市", None)]),
    ]
    linked = link_facilities(files)
    a, b, c = (ids_of(linked, x)[1] for x in "abc")
    assert len({a, b, c}) == 3
    details = ambiguous(linked)
    assert len(details) == 3  # one check per pair of facilities
    assert sum("link withheld: the row could name more than one body" in d for d in details) == 2
    assert sum("the same name, but phones differ" in d for d in details) == 1


def test_a_phone_less_row_of_a_name_one_body_bears_joins_it() -> None:
    files = [
        report("a", 2020, "A", members=[Row("中央クリニック", "水戸市", "029-224-1000")]),
        report("b", 2021, "B", members=[Row("中央クリニック", "水戸市", "029-224-1001")]),
        report("c", 2022, "C", members=[Row("中央クリニック", "水戸市", None)]),
    ]
    linked = link_facilities(files)
    assert len({ids_of(linked, x)[1] for x in "abc"}) == 1
    assert ambiguous(linked) == []


def test_two_rows_of_one_list_stay_two_even_with_one_phone() -> None:
    rows = [
        Row("みらい平クリニック", "つくばみらい市", "0297-38-4023"),
        Row("みらい平クリニック 分院", "つくばみらい市", "0297-38-4023"),
    ]
    later = [Row("みらい平クリニック", "つくばみらい市", "0297-38-4023")]
    linked = link_facilities([report("a", 2021, "G", members=rows), report("b", 2022, "G", members=later)])
    first = ids_of(linked, "a")
    assert first[1] != first[2]
    assert ids_of(linked, "b")[1] == first[1]


def test_a_body_printed_twice_in_one_list_is_one_facility() -> None:
    rows = [
        Row("つくば双愛病院", "つくば市", "029-873-2511"),
        Row("つくば双愛病院", "つくば市", "029-873-2511"),
    ]
    linked = link_facilities([report("a", 2021, "G", members=rows)])
    assert len(set(ids_of(linked, "a").values())) == 1


def test_check_sits_on_the_newer_report_and_names_both_rows() -> None:
    files = [
        report("old", 2020, "G", members=[Row("ありま皮膚科クリニック", "つくばみらい市", "0297-38-6116")]),
        report("new", 2022, "G", members=[Row("有馬皮膚科クリニック", "つくばみらい市", None)]),
    ]
    linked = link_facilities(files)
    (check,) = linked.checks[doc_id_for("new")]
    assert check.check == "facility_ambiguous" and check.severity == "warning"
    assert check.fiscal_year == 2022 and check.line == 11
    assert "'有馬皮膚科クリニック' (members row 1" in check.detail
    assert "'ありま皮膚科クリニック' (members row 1" in check.detail and "0297-38-6116" in check.detail
    assert "one name spelt in kana and in kanji, and no shared phone" in check.detail
    assert check in linked.files[1].documents[0].checks  # added to the document's own checks


def test_rows_and_tables_carry_the_ids() -> None:
    files = [report("r4", 2022, None, members=AMI, institutions=["印南クリニック"])]
    linked = link_facilities(files)
    (document,) = linked.files[0].documents
    assert [m.facility_id for m in document.members] == [
        linked.facility_ids[(doc_id_for("r4"), "members", n)] for n in range(1, 5)
    ]
    named, total = document.outcomes
    assert named.facility_id == document.members[1].facility_id
    assert total.is_total and total.facility_id is None
    tables = linked.tables()
    assert tables["facilities"].num_rows == 4 and tables["facility_matches"].num_rows == 5
    clinic = next(f for f in linked.facilities if f.facility_name == "印南クリニック")
    assert (clinic.kind, clinic.municipality, clinic.phones, clinic.corporation) == (
        "clinic",
        "阿見町",
        ("029-889-2111",),
        "医療法人",
    )
    assert (clinic.first_fiscal_year, clinic.last_fiscal_year, clinic.groups, clinic.evidence_count) == (
        2022,
        2022,
        (),
        2,
    )


def test_two_outcome_only_reports_without_group_names_keep_apart_and_distinct_evidence() -> None:
    files = [
        report("x", 2021, None, institutions=["さかえ医院", "印南クリニック"]),
        report("y", 2021, None, institutions=["さかえ医院", "古河中央医院"]),
    ]
    linked = link_facilities(files)
    x, y = ids_of(linked, "x", "outcomes"), ids_of(linked, "y", "outcomes")
    assert x["さかえ医院"] != y["さかえ医院"]
    evidence = {m.doc_id: m.evidence_id for m in linked.matches if m.name == "さかえ医院"}
    assert evidence[doc_id_for("x")] != evidence[doc_id_for("y")]  # told apart by the names beside it


def test_two_long_lists_sharing_a_few_names_are_not_one_group() -> None:
    """Two groups of one city both list the medical association and a hospital: 3 of 8 names is
    no co-listing, so an outcome-only 中央クリニック of one does not join the other's member."""
    shared = [Row("水戸市医師会", "水戸市", "029-243-1111"), Row("水戸協同病院", "水戸市", "029-231-2371")]
    own = [
        Row(f"{n}クリニック", "水戸市", f"029-200-100{i}")
        for i, n in enumerate(["中央", "青葉", "若葉", "双葉", "赤塚", "内原"])
    ]
    files = [
        report("members", 2021, "水戸グループ①", members=shared + own),
        report(
            "figures",
            2022,
            None,
            institutions=[
                "水戸市医師会",
                "水戸協同病院",
                "中央クリニック",
                "桜川医院",
                "千波医院",
                "見川医院",
                "笠原医院",
                "吉沢医院",
            ],
        ),
    ]
    linked = link_facilities(files)
    assert ids_of(linked, "figures", "outcomes")["中央クリニック"] != ids_of(linked, "members")[3]


def test_bodies_printing_one_name_get_one_check_naming_every_pair() -> None:
    """Six bodies of one name, each with its own phone and town: fifteen pairs in doubt, raised
    by one check on the newest report that numbers every row and lists every pair under its
    reason, not fifteen checks (a name printed by n bodies would raise n(n-1)/2)."""
    towns = ["水戸市", "日立市", "土浦市", "古河市", "石岡市", "結城市"]
    files = [
        report(f"r{n}", 2017 + n, f"G{n}", members=[Row("中央クリニック", town, f"029-2{n}0-1000")])
        for n, town in enumerate(towns)
    ]
    linked = link_facilities(files)
    ids = [ids_of(linked, f"r{n}")[1] for n in range(len(towns))]
    assert len(set(ids)) == len(towns)
    (check,) = (c for cs in linked.checks.values() for c in cs if c.check == "facility_ambiguous")
    assert check.doc_id == doc_id_for("r5") and check.fiscal_year == 2022
    detail = check.detail
    assert detail.startswith("6 facilities print the name '中央クリニツク' and may be one body")
    for n, fid in enumerate(ids, 1):  # rows numbered from the oldest
        assert f"[{n}] '中央クリニック' (members row 1 of document {doc_id_for(f'r{n - 1}')}" in detail
        assert fid in detail
    pairs = [f"{a}-{b}" for a in range(1, 7) for b in range(a + 1, 7)]
    assert "Pairs in doubt: the same name, but phones differ: " + ", ".join(pairs) + ". Kept as 6" in detail


def test_two_bodies_of_one_name_keep_their_pair_check() -> None:
    files = [
        report("a", 2020, "A", members=[Row("中央クリニック", "水戸市", "029-224-1000")]),
        report("b", 2021, "B", members=[Row("中央クリニック", "日立市", "0294-22-2000")]),
    ]
    (detail,) = ambiguous(link_facilities(files))
    assert detail.startswith("'中央クリニック' (members row 1 of document " + doc_id_for("b"))
    assert "may be one body: the same name, but phones differ. Kept as two facilities" in detail
