"""別添1 member lists of layout text (issue 7), one class of pdftotext output per test: cut from
pdftotext output of generated reports (tests/fixtures/layout/members/). Rows are rebuilt from what
their pieces say they are; a row whose pieces or role cannot be told is not read."""

from __future__ import annotations

from pipeline.process import process_document
from pipeline.records import DocumentResult
from tests.conftest import ROOT

MEMBERS = ROOT / "tests" / "fixtures" / "layout" / "members"


def run(name: str) -> DocumentResult:
    return process_document((MEMBERS / name).read_bytes())


def rows(result: DocumentResult) -> list[tuple[object, ...]]:
    return [(m.row_no, m.role, m.designation, m.name, m.phone) for m in result.members]


def unread(result: DocumentResult) -> list[str]:
    return [c.detail for c in result.checks if c.check == "member_row_unread"]


def test_names_addresses_and_phones_wrapped_over_lines_are_joined_in_their_columns() -> None:
    """pdftotext -layout: `医療法人社団和光会 桜川整形外科` / `クリニック` two lines apart with the
    address between; `０２９－８２２－２` / `５７９`. The participants' label prints beside rows 3
    and 4, the backup hospitals' beside row 8: rows 1-4 are participants and row 8 a backup
    hospital whichever way the list splits, while rows 5-7 could be either (a label prints
    anywhere within its merged cell) and are not read."""
    result = run("wrapped-names-addresses-phones.layout.txt")
    assert rows(result) == [
        (1, "participant", None, "医療法人社団和光会 桜川整形外科クリニック", "029-822-2579"),
        (2, "participant", "hub", "鹿島診療所", "029-836-9699"),
        (3, "participant", None, "医療法人 みやざき診療所", "029-721-8118"),
        (4, "participant", None, "医療法人社団仁愛会 那珂皮膚科クリニック", "029-389-9637"),
        (8, "backup_hospital", None, "医療法人啓明会 佐藤中央病院", "029-343-3526"),
    ]
    unread_names = [d.split("'")[1] for d in unread(result)]
    assert unread_names == [
        "ひまわり医院",
        "株式会社えがお 訪問看護ステーションみどり",
        "訪問看護ステーションけやき",
    ]


def test_rows_between_two_role_labels_are_left_unread() -> None:
    """The participants' label printed at the top of its run, not its middle: a role is never
    guessed from where in its run a label sits. The 医師会 row (told by its name), the row the
    participants' label prints over and the row the backup hospitals' prints over are read; the
    four rows between could belong to either run and are not, each with a check."""
    result = run("roles-not-at-their-runs-middle.layout.txt")
    assert rows(result) == [
        (1, "medical_association", "hub", "常陸太田市医師会", "0294-37-5935"),
        (2, "participant", None, "医療法人財団慈心会 いずみ診療所", "0294-87-1071"),
        (7, "backup_hospital", None, "涸沼総合病院", "0294-78-0396"),
    ]
    assert len(unread(result)) == 4
    assert result.document.status == "partial"


def test_a_designation_mark_printed_apart_from_its_row_leaves_its_pages_rows_unread() -> None:
    """Default mode prints `②` among the header pieces, above the first name though it is the
    second row's: no row of that page can be given it with certainty. The next page prints one
    mark and one row: that row's mark."""
    result = run("mark-printed-apart.default.txt")
    assert rows(result) == [(3, "participant", "active", "小貝川皮膚科クリニック", "0294-24-1668")]
    assert len(unread(result)) == 2
    assert all("1 mark(s) printed apart from the 2 rows of its page" in detail for detail in unread(result))


def test_marks_go_to_the_rows_of_their_page_only_where_they_are_as_many() -> None:
    """Default mode: page 1 prints one `①` before the list's header and three rows, page 2 one
    `①` and one row. The page whose marks are as many as its rows is read in print order; the
    rows of the other page are not, each with a check. Without form feeds the pages cannot be
    told: two marks for four rows, and no row is read."""
    data = (MEMBERS / "marks-paired-by-page.default.txt").read_bytes()
    result = process_document(data)
    assert rows(result) == [
        (4, "participant", "hub", "たんぽぽ訪問看護ステーション・サテライト", "029-465-5513")
    ]
    assert [d.split("'")[1] for d in unread(result)] == [
        "医療法人清風会 大塚ファミリークリニック",
        "みらい訪問看護ステーション",
        "訪問看護ステーションいずみ",
    ]
    assert result.document.status == "partial"
    without_pages = process_document(data.replace(b"\f", b""))
    assert without_pages.members == ()
    assert len(unread(without_pages)) == 4
    assert all("2 mark(s) printed apart from the 4 rows" in d for d in unread(without_pages))


def test_a_name_opening_with_its_corporation_starts_a_row_even_under_a_name_no_facility_word_ends() -> None:
    """pdftotext -layout: `訪問看護ステーションあさひ` (no facility word ends it) two lines above
    `医療法人社団青葉会 鈴木済生会病` / `院`: the corporation opens the next row's name, never the
    rest of the name above it. Rows 6-10 could be participants or backup hospitals and are not read."""
    result = run("corporation-after-an-open-name.layout.txt")
    assert rows(result)[-1] == (
        11,
        "backup_hospital",
        None,
        "医療法人社団青葉会 鈴木済生会病院",
        "0296-51-5538",
    )
    assert [r[0] for r in rows(result)] == [1, 2, 3, 4, 5, 11]
    assert "訪問看護ステーションあさひ" in unread(result)[-1]


def test_an_address_wrapped_after_its_phone_number_is_joined() -> None:
    """Default mode prints a row line by line across its cells: `…平塚 2 丁目 2` / `0296-53-0536` /
    `8`, one printed line after the other. The number is whole, so `8` is the address's rest, not
    a piece no row took (which left the whole list unread)."""
    result = run("address-rest-after-the-phone.default.txt")
    assert [(m.row_no, m.address, m.phone) for m in result.members] == [
        (1, "茨城県結城郡八千代町平塚 2 丁目 28", "0296-53-0536"),
        (2, "茨城県筑西市丙1 丁目 29", "0296-83-7981"),
        (3, "茨城県笠間市友部駅前 5 丁目 29", "0296-94-4638"),
    ]
    assert not unread(result)


def test_a_phone_number_wrapped_in_its_cell_starts_after_the_address_never_continues_it() -> None:
    """Default mode: `…上山川 1 丁目 30 番 10 号` then `０２９６－８７－５` / `０４４`. Digits opening
    with an area code and its dash start the phone number (no address goes on with a number
    opening with 0). Each row prints on a page of its own, the third with one `②`: its mark; the
    pages without marks give their rows none."""
    result = run("phone-wrapped-after-the-address.default.txt")
    assert [(m.row_no, m.designation, m.address, m.phone) for m in result.members] == [
        (1, None, "茨城県結城市上山川 1 丁目 30 番 10 号", "0296-87-5044"),
        (2, None, "茨城県桜川市真壁町真壁 1206", "0296-24-0741"),
        (3, "active", "茨城県桜川市岩瀬 1915", "0296-38-2331"),
    ]
    assert not unread(result)


def test_an_address_rest_one_space_after_the_names_wrapped_line_leaves_the_row_unread() -> None:
    """-layout, a generated report: row 2's name wraps (`みどり訪問` / `看護ステーション・サテライト`)
    and its address's last character `号` prints one space after the name's second line, where the
    address starts. Read as one piece, the name became `…サテライト号` and the address lost its
    `号`: a wrapped piece holding a word where another cell of its row starts is not read."""
    result = run("address-rest-one-space-after-the-name.layout.txt")
    assert not [m for m in result.members if "サテライト号" in (m.name or "") or m.row_no == 2]
    assert any("row 2" in d and "another cell of its row starts" in d for d in unread(result))
    assert result.document.status == "partial"


def test_a_name_one_space_before_an_address_opening_with_a_municipality_leaves_the_row_unread() -> None:
    """-layout, a generated report: row 5 prints `株式会社けやき かがやき訪問看護 下妻市下妻乙 ４ 丁目
    ２３`, the name one space before an address that opens with its municipality, not the
    prefecture: taken for one address, the row was named by its name's second line. An address
    that opens with a corporation's name holds a name's piece: the row is not read."""
    result = run("name-one-space-before-a-municipality.layout.txt")
    assert not [m for m in result.members if m.row_no == 5]
    assert not [m for m in result.members if m.name == "ステーション・サテライト"]
    assert any("row 5" in d and "corporation" in d for d in unread(result))


def test_a_whole_name_one_space_before_an_address_opening_with_a_municipality_is_split() -> None:
    """Default mode, a generated report: row 5 prints `医療法人社団貴風会 あおばクリニック 那珂市豊喰4
    丁目 6` on one line, a facility word ending the name one space before an address that opens
    with its municipality (not the prefecture). Taken for one name, the row had no address and
    was not read; the name cut short of its facility word (the -layout class above) still is not."""
    result = run("name-one-space-before-a-municipality.default.txt")
    assert [(m.row_no, m.name, m.address, m.municipality, m.phone) for m in result.members][4] == (
        5,
        "医療法人社団貴風会 あおばクリニック",
        "那珂市豊喰4 丁目 6",
        "那珂市",
        "029-941-2847",
    )
    assert [m.row_no for m in result.members] == [1, 2, 3, 4, 5, 6, 7]
    assert not unread(result)


def test_a_line_of_an_address_numbers_units_after_the_address_finishes_it() -> None:
    """Default mode, a generated report: `茨城県かすみがうら市上土田 2 丁目 9` / `番 15 号` under the
    name `訪問看護ステーションかがやき`, which no facility word ends. A line of number units and
    digits alone after an address ending with a digit finishes its number: no name goes on with
    `番 15 号`, so the row is read (it was left unread as a name's possible rest)."""
    result = run("address-number-rest-after-an-open-name.default.txt")
    assert [(m.row_no, m.role, m.designation, m.name, m.address, m.phone) for m in result.members] == [
        (
            1,
            "participant",
            None,
            "訪問看護ステーションかがやき",
            "茨城県かすみがうら市上土田 2 丁目 9番 15 号",
            "029-327-6248",
        )
    ]
    assert not unread(result)


def test_rows_printed_column_by_column_are_rebuilt_where_the_runs_are_as_many() -> None:
    """Default mode, a generated report: the page prints its 8 names one after another, then the 8
    addresses, then the 8 phone numbers (each column a flow of its own). As many names as
    addresses as whole phone numbers: row i takes the i-th of each. Read in print order, every
    address fell to the last name and rows 1-7 had none; now each row's cells are told, and only
    the page's 4 designation marks, printed apart from its 8 rows, leave the rows unread."""
    result = run("rows-printed-column-by-column.default.txt")
    details = unread(result)
    assert len(details) == 8
    assert all("4 mark(s) printed apart from the 8 rows of its page" in d for d in details)
    assert not [d for d in details if "address" in d or "phone" in d]
    assert result.members == ()


def test_text_between_a_whole_name_and_its_address_is_the_names_rest() -> None:
    """Default mode, a generated report: `株式会社みらい 訪問看護ステーション` / `そよかぜ` /
    `茨城県鉾田市安房 3-5-19`, one printed line after the other. `そよかぜ` names nothing on its own
    and the address opens with the prefecture on the next line: it is the name's rest (left to no
    row, a piece no row took, every row of the list would be unread, row 5 named without it).
    Only the page's 2 designation marks, printed apart from its 7 rows, leave the rows unread."""
    result = run("name-rest-between-a-whole-name-and-its-address.default.txt")
    details = unread(result)
    assert len(details) == 7
    assert "'株式会社みらい 訪問看護ステーションそよかぜ'" in details[4]
    assert all("2 mark(s) printed apart from the 7 rows of its page" in d for d in details)


def test_a_role_labels_wrapped_end_is_no_stray_piece() -> None:
    """Default mode, a generated report: page 2 prints `これから在宅医療への参入又は拡充に取り組む
    医療機関` / `等`, then its 3 names, 3 addresses and 3 phone numbers column by column. The `等`
    ends the role label (left to no row, it made every row unread); the runs give rows 2-4 their
    cells. The 医師会 row is read; rows 2-4 are not, only for their role (two labels, participants
    and backup hospitals, printed apart from the rows)."""
    result = run("role-label-rest-on-a-page-printed-column-by-column.default.txt")
    assert [(m.row_no, m.role, m.name, m.address, m.phone) for m in result.members] == [
        (1, "medical_association", "龍ケ崎市医師会", "茨城県龍ケ崎市佐貫町3丁目14番2号", "0297-40-6550")
    ]
    details = unread(result)
    assert len(details) == 3
    assert all("its role: several role labels" in d for d in details)


def test_a_number_rest_after_the_phone_finishes_an_address_ending_with_a_unit() -> None:
    """Default mode, a generated report: `茨城県東茨城郡大洗町磯浜町 1丁目24番` / `(029)356-3148` /
    `5号`, one printed line after the other, under `訪問看護ステーションけやき` (no facility word
    ends it). The address's number is still open after `番`, and `5号` is made of digits and a unit
    alone: it finishes the address, never the name. The page's three `②` for its three rows are
    theirs, and the whole list is read (it was left unread for the last row's doubt)."""
    result = run("address-number-rest-after-its-phone.default.txt")
    assert [(m.row_no, m.designation, m.name, m.address, m.phone) for m in result.members] == [
        (
            1,
            "active",
            "医療法人 みやざき在宅クリニック",
            "茨城県稲敷郡美浦村大谷 2丁目1番13号",
            "029-432-0175",
        ),
        (
            2,
            "active",
            "株式会社はなみずき えがお訪問看護ステーション",
            "茨城県東茨城郡大洗町桜道 876",
            "029-888-8054",
        ),
        (
            3,
            "active",
            "訪問看護ステーションけやき",
            "茨城県東茨城郡大洗町磯浜町 1丁目24番5号",
            "029-356-3148",
        ),
    ]
    assert not unread(result)


def test_text_after_the_address_of_a_name_no_facility_word_ends_leaves_the_row_unread() -> None:
    """Default mode: `みどり訪問看護ステーション・サテライ` / its address / `ト`. The `ト` may be the
    address's rest or the name's: the row is not read (the address went on with `ト`, the name cut)."""
    result = run("name-rest-after-its-address.default.txt")
    assert rows(result) == []
    assert "may be the rest of its name" in unread(result)[0]
    assert result.document.status == "partial"


def test_the_headers_wrapped_rest_printed_after_the_first_row_is_no_address_rest() -> None:
    """Default mode: `問い合わせ先 （電話番号` / `）` printed after the first row's address. A character
    that joins the header printed right before it is the header's rest, not the address's."""
    result = run("header-rest-after-the-first-row.default.txt")
    assert [(m.row_no, m.address, m.phone) for m in result.members] == [
        (1, "茨城県稲敷市犬塚3丁目24番15号", "029-835-0943")
    ]
    assert not unread(result)


def test_a_name_printed_right_after_a_name_no_facility_word_ends_may_be_its_rest() -> None:
    """Default mode: `医療法人翠明会 えがお外科内` / `科医院`, then the address and phone. `科医院`
    names a facility on its own, yet may be the rest of the name before it: neither row is read
    (the second took the first's address and phone as row 4)."""
    result = run("name-rest-printed-as-a-name.default.txt")
    assert [r[3] for r in rows(result)] == ["久慈内科クリニック", "はなみずきこどもクリニック"]
    assert "may be its rest" in unread(result)[-1]
    assert result.document.status == "partial"


def test_a_name_printed_right_after_a_name_a_facility_word_ends_may_still_be_its_rest() -> None:
    """Default mode: `医療法人財団誠和会 そよかぜ外科` / `内科医院`. `外科` ends a name, yet together
    they name a facility too: `内科医院` is not read as a row of its own (it took the address and
    phone of the row before it)."""
    result = run("name-rest-after-a-facility-word.default.txt")
    assert rows(result) == []
    assert "may be its rest" in unread(result)[-1]


def test_a_names_end_printed_right_after_its_address_joins_the_name() -> None:
    """Default mode prints the row line by line across its cells: `医療法人財団啓明会 なかざわ整形` /
    `茨城県鉾田市鉾田 1-19-12` / `外科クリニック`. The name has no facility word yet and the piece
    ends it: the name's end, not a row of its own, which numbered the next row 3 instead of 2."""
    result = run("name-end-after-its-address.default.txt")
    assert [(m.row_no, m.name) for m in result.members] == [
        (1, "医療法人財団啓明会 なかざわ整形外科クリニック"),
        (2, "かがやき訪問看護ステーション"),
    ]
    assert not unread(result)


def test_text_without_digits_after_the_address_of_a_whole_name_leaves_the_row_unread() -> None:
    """Default mode: `社会福祉法人白百合会 訪問看護ステーション 茨城県…4-10-5` / `ひかり`. A facility
    word ends the name, yet `ひかり` is its rest, not the address's: text holding no digit after an
    address printed right after its name may be either, and the row is not read."""
    result = run("name-rest-after-the-address-of-a-whole-name.default.txt")
    assert rows(result) == []
    assert "may be the rest of its name" in unread(result)[0]
    assert result.document.status == "partial"


def test_rows_after_a_name_rest_that_may_be_a_row_are_left_unread_their_numbers_unknown() -> None:
    """Default mode: `医療法人翠明会 えがお外科内` / `科医院` may be one row or two, so the rows
    after them may be rows 4 and 5 or 5 and 6: they came out as 5 and 6, a member in a wrong place
    where `科医院` is the name's rest (1 row in 60 generated reports). Their numbers cannot be
    told: not read, each with a check; the rows before are read."""
    result = run("rows-after-a-name-rest-taken-for-a-row.default.txt")
    assert [(m.row_no, m.name) for m in result.members] == [
        (1, "久慈内科クリニック"),
        (2, "はなみずきこどもクリニック"),
    ]
    later = [d for d in unread(result) if "before it may be the rest of a name" in d]
    assert [d.split("'")[1] for d in later] == ["かがやき訪問看護ステーション", "みどり整形外科クリニック"]
    assert result.document.status == "partial"


def test_without_form_feeds_a_header_printed_again_on_each_page_tells_the_pages() -> None:
    """Default mode without form feeds (a generated report): the list's header row prints again on
    each of its three pages. A page's names print after its name header and its marks after its
    designation header (a column prints from the top of the page down), so the headers page the
    list: pages 2 and 3 print one row each and no mark, whose designation is then none for
    certain; page 1 prints one `②` for two rows, which stay unread (every row was: one mark for
    four rows)."""
    result = run("header-again-on-each-page.noff.txt")
    assert rows(result) == [
        (3, "participant", None, "訪問看護ステーションなごみ", "0293-61-7731"),
        (4, "participant", None, "訪問看護ステーションひまわり", "0293-32-0950"),
    ]
    assert [d.split("'")[1] for d in unread(result)] == ["木村整形外科クリニック", "さかえ整形外科クリニック"]
    assert all("1 mark(s) printed apart from the 2 rows of its page" in d for d in unread(result))


def test_a_headers_last_character_under_the_header_printed_again_is_no_piece_of_a_row() -> None:
    """pdftotext -layout, a generated report: the list's header prints again over the rows of the
    next page, and its wrapped `役割を担う医療機` / `関` ends two lines lower, under `番号）` of
    another header. Taken for a piece of a row, `関` left every row of the list unread; it ends
    the header printed over it in its column. Row 3 sits between the two role labels' runs and
    stays unread."""
    result = run("header-rest-under-a-header-printed-again.layout.txt")
    assert rows(result) == [
        (1, "medical_association", "hub", "古河市医師会", "0280-66-8820"),
        (2, "participant", None, "久慈在宅クリニック", "0280-23-5829"),
        (4, "backup_hospital", "hub", "医療法人社団双愛会 小林中央病院", "0280-32-4738"),
    ]
    assert [d.split("'")[1] for d in unread(result)] == ["一般財団法人厚生会 筑西記念病院"]


def test_a_mark_printed_between_two_rows_right_before_a_name_is_that_rows() -> None:
    """Default mode, a generated report: each `①` prints inside the list, after one row's phone
    number and right before the next row's name, on one page: that row's mark (the mark and the
    name share a printed line). The list's other rows then print no mark and have none. Without
    form feeds a mark may open a page, whose column of marks prints first, and no row is read."""
    data = (MEMBERS / "marks-printed-right-before-their-rows.default.txt").read_bytes()
    result = process_document(data)
    marked = {(m.row_no, m.name) for m in result.members if m.designation == "hub"}
    assert marked == {
        (3, "みやざき内科医院"),
        (4, "なるしま内科クリニック"),
        (7, "医療法人誠和会 筑西内科クリニック"),
    }
    assert len(result.members) == 10
    assert [d.split("'")[1] for d in unread(result)] == ["社会福祉法人白百合会 訪問看護ス"]
    assert process_document(data.replace(b"\f", b"")).members == ()


def test_a_name_printed_beside_its_own_address_under_a_name_no_facility_word_ends_opens_a_row() -> None:
    """pdftotext -layout, a generated report: `訪問看護ステーションたんぽぽ` (no facility word ends it)
    prints beside its address, and two lines lower, in its column, `はなみずき訪問看護ステーショ`
    beside another address's first line. Taken for the first name's rest, it left an address no
    row took and every row unread. Rows never share a printed line and a row has one address: a
    piece printed beside an address's first line opens the next row."""
    result = run("next-rows-name-beside-its-address-under-an-open-name.layout.txt")
    assert [(m.row_no, m.name, m.phone) for m in result.members][-2:] == [
        (4, "訪問看護ステーションたんぽぽ", "0299-67-8325"),
        (5, "はなみずき訪問看護ステーション", "0299-30-6449"),
    ]
    assert len(result.members) == 5
    assert not unread(result)


def test_a_name_wrapped_around_its_rows_address_line_takes_its_end() -> None:
    """pdftotext -layout, a generated report: `医療法人社団青洲会 海老原外科内` / (its address on the
    next line) / `科医院`. The end names a facility on its own (`…医院`) and was taken for a row:
    the address printed between the two lines went to no row and every row was unread. A row of
    its own would print its address beside it; with the address opening between the two pieces
    and beside neither, the end is the name's rest."""
    result = run("name-wrapped-around-its-rows-address-line.layout.txt")
    assert (5, "participant", None, "医療法人社団青洲会 海老原外科内科医院", "0293-93-0880") in rows(result)
    assert len(result.members) == 8
    assert all("more than one split" in d for d in unread(result))


def test_a_mark_printed_right_under_the_designation_header_is_the_first_rows() -> None:
    """Default mode, a generated H30 report: `①拠点、②積極的役割を担` / `う医療機関` / `①`, the mark
    on the line right after the header's last (one paragraph: it stood right under the header, in
    the first row's designation cell), the page's only mark. Row 1 takes it, no row else has one.
    Printed as a paragraph of its own (a blank line above it), it could be any row's, and the rows
    stay unread. Rows 2-4 stay unread for their role labels either way."""
    data = (MEMBERS / "mark-right-under-the-designation-header.default.txt").read_bytes()
    result = process_document(data)
    assert rows(result) == [(1, "medical_association", "hub", "稲敷市医師会", "029-992-8390")]
    assert [d.split("'")[1] for d in unread(result)] == [
        "霞ケ浦内科クリニック",
        "関内科クリニック",
        "医療法人博仁会 陽光台医療センター",
    ]
    apart = process_document(data.replace("う医療機関\n①\n".encode(), "う医療機関\n\n①\n".encode(), 1))
    assert apart.members == ()
    assert "1 mark(s) printed apart from the 4 rows" in unread(apart)[0]


def test_a_mark_printed_before_a_run_of_names_is_given_to_none_of_them() -> None:
    """Default mode, a generated H30 report: row 1 prints line by line, then `①`, then rows 2-4's
    names one after another (`…すずかけ内科クリニック` / `筑西医院` / `なごみファミリークリニック`), their
    addresses, their phones. A mark right before a row's name is that row's where the row prints
    its cells in turn; before a run of names (the page's columns each a flow) it may be any of
    theirs (here row 4's, not row 2's), and no row of the page is given it."""
    result = run("mark-before-a-run-of-names.default.txt")
    assert not [m for m in result.members if m.designation is not None]
    assert any(
        "すずかけ内科クリニック" in d and "mark(s) printed apart from the" in d for d in unread(result)
    )


def test_a_piece_opening_with_a_corporation_never_goes_on_an_address() -> None:
    """Default mode, a generated R4 report: row 1's address and phone print on one line one space
    apart (`…布川１ 丁目 ０２９７－９０－`), their rests under it, then row 2's name wrapped,
    `医療法人社団光陽会 みやもと` / `外科内科医院`. A piece opening with a corporation opens a row's
    name, never an address's rest: taken by row 1's open address, it left `外科内科医院` a row of its
    own, read as row 2 with row 2's address and phone. Row 1 stays unread (its phone is not told)."""
    result = run("corporation-after-an-address-with-its-phone-inside.default.txt")
    assert rows(result) == [
        (2, "participant", None, "医療法人社団光陽会 みやもと外科内科医院", "0297-65-2450"),
        (3, "participant", None, "かがやき診療所", "0297-50-2997"),
    ]
    assert [d.split("'")[1] for d in unread(result)] == ["飯田外科内科医院"]


def test_a_role_labels_last_line_printed_beside_a_row_puts_that_row_in_its_run() -> None:
    """pdftotext -layout, a generated report: the participants' label wraps over three lines, and
    its last, `療機関等`, prints on the line of row 2 (`医療法人 印南クリニック`), after which the
    backup hospitals' label prints beside row 3. The label's end, printed after the row's own
    pieces on the line above, was not joined to it, and row 2 could have been a backup hospital.
    A label prints within its merged cell and a row within its row: row 2, on one line with the
    participants' label, is in their run."""
    result = run("role-label-rest-on-the-next-rows-line.layout.txt")
    assert rows(result) == [
        (1, "participant", None, "医療法人財団仁愛会 飯田クリニック", "029-571-9444"),
        (2, "participant", None, "医療法人 印南クリニック", "029-427-9695"),
        (3, "backup_hospital", "hub", "医療法人社団翠明会 鬼怒川中央病院", "029-517-7744"),
    ]
    assert not unread(result)


def test_a_name_opening_with_its_corporation_is_no_address_where_it_ends_like_a_village() -> None:
    """pdftotext -layout, a generated report: `社会医療法人慈心会 中村中央` / (its address) / `病院`.
    The first line reads like an address without its prefecture (`…慈心会中村`, a 村): taken for
    one, the row's address and phone went to no row and every row was unread. Text opening with a
    corporation and holding no digit is a name's piece, never an address."""
    result = run("name-with-corporation-ending-like-a-village.layout.txt")
    assert (5, "backup_hospital", None, "社会医療法人慈心会 中村中央病院", "029-491-0321") in rows(result)
    assert [m.row_no for m in result.members] == [1, 2, 5]
    assert all("more than one split" in d for d in unread(result))


def test_a_name_wrapped_between_a_role_labels_lines_opens_its_row() -> None:
    """pdftotext -layout, a generated report: `はなみずき訪問看護ステーショ` / `ン`, each printed between
    two lines of the participants' label, the row's address and phone on the line between. No
    facility word ends the first piece and no entry above goes on with it, so it was dropped: the
    address went to no row and every row was unread. Text whose rest, in its column below, joins
    it into a facility's name, with an address opening beside or between them, opens a row."""
    result = run("name-wrapped-between-role-label-lines.layout.txt")
    assert (4, "participant", None, "はなみずき訪問看護ステーション", "0293-93-5333") in rows(result)
    assert [m.row_no for m in result.members] == [1, 2, 3, 4, 8]
    assert all("more than one split" in d for d in unread(result))


def test_a_names_end_under_a_whole_name_around_its_rows_address_line_is_its_rest() -> None:
    """pdftotext -layout, generated reports: `株式会社みらい 訪問看護ステーション` / (its address and
    phone) / `そよかぜ`, and `医療法人財団双愛会 高橋外科` / (its address) / `内科医院`. The first
    line names a facility already, so the end was left to no row (`そよかぜ`) or taken for a row of
    its own (`内科医院`): rows were lost. A row of its own would print its address beside it; with
    the row's address opening between the two lines and beside neither, the end is the name's
    rest, whole name above or not."""
    result = run("name-rest-under-a-whole-name-around-its-address.layout.txt")
    assert rows(result) == [
        (1, "participant", None, "飯田内科クリニック", "0297-28-0882"),
        (2, "participant", "active", "株式会社みらい 訪問看護ステーションそよかぜ", "0297-23-0818"),
    ]
    result = run("name-end-naming-a-facility-under-a-whole-name.layout.txt")
    assert (3, "participant", "hub", "医療法人財団双愛会 高橋外科内科医院", "0299-75-9164") in rows(result)
    assert [m.row_no for m in result.members] == [1, 2, 3, 4, 5, 10, 11]
    assert all("more than one split" in d for d in unread(result))
