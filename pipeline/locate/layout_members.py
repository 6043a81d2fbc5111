"""The 別添1 member list of layout text, rebuilt from what its pieces say they are: a name ends in
a facility word (`…クリニック`, `…医師会`), an address opens with the prefecture or a municipality,
a phone number is digits in groups, ① / ② mark the designation column, and the role column
prints the form's role labels once for a run of rows.

A row is a name with the address and phone printed beside it (where words keep their place on
the page, pdftotext -layout) or after it (one piece after another). A row whose pieces or role
cannot be told with certainty is not read: `member_row_unread`, and the document is `partial`.
"""

from __future__ import annotations

import regex

from extractors.blocks import Block, Finding
from normalizers.forms import (
    ADDRESS_NUMBER_LAST_UNIT,
    ADDRESS_NUMBER_UNITS,
    ADDRESS_PREFECTURES,
    FACILITY_NAME_ENDINGS,
    MEMBER_DESIGNATION_HEADER,
    MEMBER_DESIGNATION_MARKS,
    MEMBER_HEADER_PHRASES,
    MEMBER_LIST_END_WORDS,
    MEMBER_LIST_WORDS,
    MEMBER_PAGE_LABEL,
    MEMBER_ROLE_LABELS,
    MEMBER_TITLE_WORDS,
    is_facility_name,
)
from normalizers.names import municipality_from_address, split_corporation
from normalizers.phone import normalize_phone
from normalizers.text import fold_width, match_key
from pipeline.locate.layout_cells import compact
from pipeline.locate.layout_member_marks import marks_under_header
from pipeline.locate.layout_member_pages import ListPages, list_pages
from pipeline.locate.layout_member_parts import Entry, MemberRow, Piece
from pipeline.locate.layout_member_roles import assign_roles
from pipeline.locate.layout_member_runs import attach_column_runs
from pipeline.locate.located import MemberTable, TextAt

DEFAULT_WRAP_LINES = 2  # lines below a piece its wrapped rest may print on
DEFAULT_COLUMN_TOLERANCE = 3  # columns by which the wrapped lines of a piece may start apart
DEFAULT_MUNICIPALITY_CHARS = 7  # the longest municipality name an address may open with (つくばみらい市)
_GAP = regex.compile(r"\s{2,}")
_PHONE_CHARS = regex.compile(r"[0-9()\-‐−ー\s]+")
_PHONE_START = regex.compile(r"\(?0[0-9]{1,4}\)?[-‐−ー]")  # an area code and its dash: a number wrapped
_UNIT = "|".join(ADDRESS_NUMBER_UNITS)
_NUMBER_REST = regex.compile(rf"(?:[0-9\-‐−ー]*(?:{_UNIT}))+[0-9\-‐−ー]*")  # `号`, `番 15 号`, `番9号`
# compiled once: a module-level regex call looks its pattern up in the cache (about 17 us a call)
_AREA_CODE_OPENS = regex.compile(r"\(?0")
_WORD_RUN = regex.compile(r"\S+(?: \S+)*")
_SPACE = regex.compile(" ")
_DIGIT = regex.compile(r"\d")
_WORD = regex.compile(r"\S+")
HEADERS = (MEMBER_HEADER_PHRASES[0], MEMBER_DESIGNATION_HEADER, *MEMBER_HEADER_PHRASES[2:])
COLUMN_ROLES = ("role", "designation", "name", "address", "phone")


def kind_of(text: str) -> str:
    key = compact(text)
    folded = fold_width(text)
    if key in MEMBER_DESIGNATION_MARKS:
        return "mark"
    if key in (compact(label) for label in MEMBER_ROLE_LABELS):
        return "role"
    if key and any(key in compact(h) for h in MEMBER_HEADER_PHRASES) and not key.isdigit():
        return "header"  # a header's wrapped piece, down to one character (`を` of `…を担う…`)
    words = text.split()
    if len(words) > 1 and all(kind_of(w) in ("header", "mark") for w in words):
        return "header"  # two headers one space apart: `①拠点、②積極 郡市医師会名又は医療機関等`
    if _is_role_piece(key):
        return "role"
    if _PHONE_CHARS.fullmatch(folded.translate({0xFF0D: 0x2D})):
        opens = _AREA_CODE_OPENS.match(folded) is not None  # a number opens with its area code's 0
        return "phone" if opens and normalize_phone(text) else "digits"
    if key.startswith(ADDRESS_PREFECTURES):
        return "address"
    if split_corporation(text)[0] is not None and not _DIGIT.search(text):
        return "other"  # `社会医療法人慈心会 中村中央`: a name opening with its corporation, no address
    if key in {compact(w) for w in FACILITY_NAME_ENDINGS}:
        return "other"  # `クリニック` alone: the rest of a wrapped name, never a name
    if _names_facility(text):
        return "name"
    if municipality_from_address(text) is not None:
        return "address"
    return "other"


def _names_facility(text: str) -> bool:
    """A facility's name: a facility word ends it, or stands in it (`訪問看護ステーションてとめとて`)."""
    return is_facility_name(text) or any(w in compact(text) for w in FACILITY_NAME_ENDINGS)


def _is_role_piece(key: str) -> bool:
    labels = [compact(label) for label in MEMBER_ROLE_LABELS]
    return key in labels or (len(key) >= 3 and any(key in label for label in labels[1:]))


def locate_layout_members(lines: list[Block], placed: bool) -> tuple[list[MemberTable], list[Finding]]:
    region = _region(lines)
    if region is None:
        return [], []
    start, end = region
    if placed:
        pieces = _pieces(lines[start:end])
        pages = ListPages([], [])
        loose: list[Piece] = []
    else:  # one piece after another: the page's marks and role labels may print above the list's title
        first = _list_top(lines, start)
        pages = list_pages(lines[first:])
        pieces = [
            p for p in _pieces(lines[first:end]) if p.index >= start - first or p.kind in ("mark", "role")
        ]
        loose = _marks_after(lines[first:], end - first)
    entries = _entries(pieces, placed)
    rows = _rows(entries, pieces, placed, pages, loose)
    if not rows:
        return [], []
    assign_roles(rows, [p for p in pieces if p.kind == "role"], pieces, placed)
    findings = []
    kept, numbers = [], []
    renumbered: str | None = None  # why the rows from here on may be numbered one too high
    for number, row in enumerate(rows, start=1):
        reason = row.unread_reason or renumbered
        if row.name.doubt is not None:  # a name's rest taken for a row of its own, or a row
            renumbered = renumbered or (
                f"row {number} ({row.name.text!r}) before it may be the rest of a name, not a row: "
                "its place in the list cannot be told"
            )
        if reason is not None:
            detail = f"別添1 row {number} ({row.name.text!r}): {reason}; not read"
            findings.append(Finding("member_row_unread", detail, row.name.pieces[0].line.span))
            continue
        kept.append(_cells(row))
        numbers.append(number)
    table = MemberTable(HEADERS, COLUMN_ROLES, tuple(kept), tuple(numbers))
    return [table], findings


def _region(lines: list[Block]) -> tuple[int, int] | None:
    start = next((i for i, line in enumerate(lines) if MEMBER_LIST_WORDS[0] in match_key(line.text)), None)
    if start is None:
        return None
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if any(w in match_key(lines[i].text)[:8] for w in MEMBER_LIST_END_WORDS)
        ),
        len(lines),
    )
    return start + 1, end


def _list_top(lines: list[Block], start: int) -> int:
    """Where the list's page opens: its 別添 label, on the page of the list's first line (form
    feeds mark the pages). Marks and role labels may print between it and the list's title; with
    no label there, the list starts at its title."""
    page = next((i for i in range(start - 1, -1, -1) if lines[i].new_page), 0)
    label = match_key(MEMBER_PAGE_LABEL)
    top = next(
        (i for i in range(start - 1, page - 1, -1) if match_key(lines[i].text).startswith(label)), None
    )
    return start if top is None else top


def _marks_after(lines: list[Block], end: int) -> list[Piece]:
    """Designation marks printed alone on a line after the list (to the end of its page, or of the
    text without form feeds): a row's mark may print anywhere on its page."""
    out = []
    for index in range(end, len(lines)):
        if index > end and lines[index].new_page:
            break
        words = lines[index].text.split()
        if words and all(compact(w) in MEMBER_DESIGNATION_MARKS for w in words):
            out += [Piece(w, lines[index], index, 0, "mark") for w in words]
    return out


def _pieces(lines: list[Block]) -> list[Piece]:
    """The pieces of each line: runs of words set apart by wider gaps than one space."""
    out = []
    for index, line in enumerate(lines):
        if any(w in match_key(line.text) for w in MEMBER_TITLE_WORDS):
            continue
        for match in _WORD_RUN.finditer(line.text):
            if kind_of(match.group()) == "header":  # `① 拠点、②積`: the designation header's words
                out.append(Piece(match.group(), line, index, match.start()))
                continue
            for text, col in _split_marks(match.group(), match.start()):
                for part, at in _split_cells(text, col):
                    out.append(Piece(part, line, index, at))
    for piece in out:
        piece.kind = kind_of(piece.text)
    first = next((p.index for p in out if p.kind in ("name", "address", "phone")), len(lines))
    label: Piece | None = None  # the last role label piece: a row's pieces may print between
    for previous, piece in zip([None, *out], out, strict=False):
        if label is not None and _ends_role_label(label, piece):
            piece.kind = "role"  # `…取り組む医療機関` / `等`: the role label's wrapped end
        if piece.kind == "role":
            label = piece
            continue
        if piece.kind == "header" and len(compact(piece.text)) == 1 and piece.index >= first:
            if (
                previous is not None
                and previous.kind == "header"
                and kind_of(previous.text + piece.text) == "header"
            ) or _ends_header_above(out, piece):
                continue  # `問い合わせ先（電話番号` / `）`: the header's own rest, printed after a row
            piece.kind = "other"  # one character below the header: a wrapped rest (`号`), not a header
    return out


def _ends_header_above(pieces: list[Piece], piece: Piece) -> bool:
    """A character that ends a header piece printed over it, a line or two above in its column
    (`役割を担う医療機` / `関` of the header printed again over a page's rows, with `番号）` of
    another header between them): the header's wrapped rest, not a piece of a row."""
    slack = DEFAULT_COLUMN_TOLERANCE
    return any(
        above.kind == "header"
        and 0 < piece.index - above.index <= DEFAULT_WRAP_LINES
        and above.col - slack <= piece.col <= above.col + len(above.text) + slack
        and kind_of(above.text + piece.text) == "header"
        for above in pieces
    )


def _ends_role_label(label: Piece, piece: Piece) -> bool:
    """A piece on the line right under a role label's piece, in its column, that, joined to it, is
    still one of the form's role labels (`…医療機関` / `等`, with a row's pieces printed after the
    label's on its line): the label's wrapped rest, not a header's or a row's."""
    if piece.kind not in ("header", "other") or piece.index != label.index + 1:
        return False
    if abs(piece.col - label.col) > DEFAULT_COLUMN_TOLERANCE:
        return False
    return _is_role_piece(compact(label.text + piece.text))


def _split_cells(text: str, col: int) -> list[tuple[str, int]]:
    """A name one space from its address (`…クリニック 茨城県…`), or an address one space from the
    phone number: cells of their own."""
    for match in _SPACE.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        opens_address = compact(right).startswith(ADDRESS_PREFECTURES) and kind_of(left) in ("name", "other")
        opens_phone = kind_of(right) == "phone" and kind_of(left) == "address"
        if opens_address or opens_phone or _name_before_municipality(left, right):
            return [(left, col), *_split_cells(right, col + match.end())]
    return [(text, col)]


def _name_before_municipality(left: str, right: str) -> bool:
    """`医療法人社団貴風会 あおばクリニック 那珂市豊喰4 丁目 6`: a whole name (a facility word ends
    it) one space before an address that opens with its municipality, not the prefecture. The
    right side names no facility, opens with a short word ending in 市/町/村 and holds a street
    number; a name cut short (`株式会社けやき かがやき訪問看護 下妻市…`) is never split."""
    if not is_facility_name(left) or kind_of(right) != "address" or not _DIGIT.search(right):
        return False
    municipality = municipality_from_address(right)
    return municipality is not None and len(municipality) <= DEFAULT_MUNICIPALITY_CHARS


def _split_marks(text: str, start: int) -> list[tuple[str, int]]:
    """A run of words and its column, split around designation marks (①, ②): a mark is a cell
    of its own even one space from the next cell's words."""
    out: list[tuple[str, int]] = []
    joinable = False
    for word in _WORD.finditer(text):
        mark = compact(word.group()) in MEMBER_DESIGNATION_MARKS
        if joinable and not mark:
            out[-1] = (f"{out[-1][0]} {word.group()}", out[-1][1])
        else:
            out.append((word.group(), start + word.start()))
        joinable = not mark
    return out


def _entries(pieces: list[Piece], placed: bool) -> list[Entry]:
    """Names, addresses and phones with their wrapped pieces: a piece that says nothing of its
    own (or a name's rest, `外科クリニック`) under an unfinished one, in its column. A name may open
    with its corporation (`医療法人財団慈心会 いずみ診`) and a number with its area code."""
    entries: list[Entry] = []
    for at, piece in enumerate(pieces):
        if piece.kind not in ("name", "address", "phone", "digits", "other"):
            continue
        if not placed and _name_rest_before_address(entries, pieces, at):
            entries[-1].pieces.append(piece)
            continue
        wrapped = _rest_around_its_address(entries, pieces, piece) if placed else None
        if wrapped is not None:
            wrapped.pieces.append(piece)
            continue
        above = _continued(entries, piece, placed)
        if above is not None and placed and _opens_another_row(pieces, above, piece):
            entries.append(Entry("name", [piece]))
            continue
        if above is not None:
            above.doubt = above.doubt or _rest_of_which(entries, above, piece, placed)
            above.pieces.append(piece)
        elif piece.kind in ("name", "address", "phone"):
            entries.append(Entry(piece.kind, [piece], doubt=_name_rest_or_name(entries, piece, placed)))
        elif piece.kind == "other" and _opens_name(pieces, at, placed):
            entries.append(Entry("name", [piece]))
        elif piece.kind == "digits" and _PHONE_START.match(fold_width(piece.text)):
            entries.append(Entry("phone", [piece]))
    return entries


def _name_rest_before_address(entries: list[Entry], pieces: list[Piece], at: int) -> bool:
    """Default mode: `株式会社みらい 訪問看護ステーション` / `そよかぜ` / `茨城県鉾田市…`, one printed line
    after the other. Text without digits that names nothing on its own, between a whole name and
    the address that opens with the prefecture on the next line, is the name's rest: it cannot be
    that address's first line, and no other row's piece prints between a name and its address."""
    piece = pieces[at]
    if piece.kind != "other" or at == 0 or at + 1 >= len(pieces) or not entries:
        return False
    name, before, after = entries[-1], pieces[at - 1], pieces[at + 1]
    if name.kind != "name" or name.pieces != [before] or not name.complete():
        return False
    if any(ch.isdigit() for ch in piece.text) or split_corporation(piece.text)[0] is not None:
        return False
    opens_address = after.kind == "address" and compact(after.text).startswith(ADDRESS_PREFECTURES)
    return opens_address and before.index + 1 == piece.index == after.index - 1


def _rest_around_its_address(entries: list[Entry], pieces: list[Piece], piece: Piece) -> Entry | None:
    """-layout: a name's end printed under a name, in its column, with the row's address opening
    on a line between them and none on the two names' own lines (`医療法人社団青洲会 海老原外科内` /
    `茨城県…` / `科医院`; `…高橋外科` / `茨城県…` / `内科医院`; `…訪問看護ステーション` / `茨城県…` /
    `そよかぜ`): the name wrapped around its row's middle line, where the address printed; the end
    is its rest, even when either names a facility on its own (a row of its own would have printed
    its address beside it)."""
    if not entries or not _may_end_a_name(piece):
        return None
    name = next((e for e in reversed(entries) if e.kind == "name"), None)
    if name is None or not (is_facility_name(name.text + piece.text) or _names_facility(name.text)):
        return None
    last = name.pieces[-1]
    if (
        abs(last.col - piece.col) > DEFAULT_COLUMN_TOLERANCE
        or not 1 < piece.index - last.index <= DEFAULT_WRAP_LINES
    ):
        return None

    between = any(_address_opens(pieces, i, piece.col) for i in range(last.index + 1, piece.index))
    beside = any(
        _address_opens(pieces, i, piece.col) for i in [*range(name.top, last.index + 1), piece.index]
    )
    return name if between and not beside else None


def _may_end_a_name(piece: Piece) -> bool:
    """A name, or text without digits that opens with no corporation (`そよかぜ`)."""
    if piece.kind == "name":
        return True
    text = piece.text
    return piece.kind == "other" and not _DIGIT.search(text) and split_corporation(text)[0] is None


def _opens_name(pieces: list[Piece], at: int, placed: bool) -> bool:
    """Text no entry goes on with that opens a row's name: it opens with a corporation, or
    (-layout) it opens a wrapped name."""
    if split_corporation(pieces[at].text)[0] is not None:
        return True
    return placed and _opens_wrapped_name(pieces, at)


def _opens_wrapped_name(pieces: list[Piece], at: int) -> bool:
    """-layout: text no entry above goes on with, whose rest prints under it in its column and
    which, joined to that rest, names a facility, with an address opening on its line or between
    the two (`はなみずき訪問看護ステーショ` / `ン`, a role label's lines printed between the row and
    the one above): a wrapped name that opens a row."""
    piece = pieces[at]
    rest = next(
        (
            p
            for p in pieces[at + 1 :]
            if p.index > piece.index and abs(p.col - piece.col) <= DEFAULT_COLUMN_TOLERANCE
        ),
        None,
    )
    if rest is None or not 0 < rest.index - piece.index <= DEFAULT_WRAP_LINES or rest.kind != "other":
        return False
    if _names_facility(piece.text) or not is_facility_name(piece.text + rest.text):
        return False
    return any(_address_opens(pieces, i, piece.col) for i in range(piece.index, rest.index))


def _opens_another_row(pieces: list[Piece], name: Entry, piece: Piece) -> bool:
    """-layout: a piece under a name no facility word ends, printed beside an address's first
    line, while an address opened beside that name already (`訪問看護ステーションたんぽぽ 茨城県…` /
    `はなみずき訪問看護ステーショ 茨城県…`): rows never share a printed line, and a row has one
    address, so the piece opens the next row's name, never this one's rest."""
    if name.kind != "name" or piece.kind not in ("name", "other"):
        return False

    opens = _address_opens(pieces, piece.index, piece.col)
    return opens and any(_address_opens(pieces, i, piece.col) for i in range(name.top, piece.index))


def _address_opens(pieces: list[Piece], index: int, right_of: int) -> bool:
    """An address's first piece printed on the line, right of a column."""
    return any(p.index == index and p.kind == "address" and p.col > right_of for p in pieces)


def _continued(entries: list[Entry], piece: Piece, placed: bool) -> Entry | None:
    if not placed and piece.kind == "other":
        name = next((e for e in reversed(entries) if e.kind == "name"), None)
        if name is not None and not name.complete() and is_facility_name(name.text + piece.text):
            return name  # `…クリニッ` / its address / `ク`: the name's rest printed after the address
    if not placed and piece.kind == "name":
        name = _name_before_address(entries, piece)
        if name is not None:
            return name
    if not placed and piece.kind in ("other", "digits"):
        address = _address_before_phone(entries, piece)
        if address is not None:
            return address
    for entry in reversed(entries):
        last = entry.pieces[-1]
        if placed and (
            abs(last.col - piece.col) > DEFAULT_COLUMN_TOLERANCE
            or piece.index - last.index > DEFAULT_WRAP_LINES
        ):
            continue
        if not placed and entry is not entries[-1]:
            return None
        fits = {
            "name": _finishes_name(entry, piece),
            # default mode: a piece opening with a corporation (`医療法人社団光陽会 みやざき`) opens a name
            "address": (piece.kind == "other" and (placed or split_corporation(piece.text)[0] is None))
            or (piece.kind == "digits" and not _opens_phone(piece, placed)),
            "phone": piece.kind == "digits" and not entry.complete(),
        }[entry.kind]
        return entry if fits and piece.index > last.index else None
    return None


def _name_rest_or_name(entries: list[Entry], piece: Piece, placed: bool) -> str | None:
    """Default mode: a name printed right after a name, with nothing of that row between, may be
    its rest or a row of its own where together they name a facility too: `医療法人翠明会 えがお外科内`
    / `科医院`, and even `…そよかぜ外科` / `内科医院`, whose first piece a facility word ends."""
    if placed or piece.kind != "name" or not entries:
        return None
    last = entries[-1]
    if last.kind != "name" or not is_facility_name(last.text + piece.text):
        return None
    return f"{piece.text!r} printed right after the name {last.text!r} may be its rest"


def _rest_of_which(entries: list[Entry], above: Entry, piece: Piece, placed: bool) -> str | None:
    """Default mode: text that names nothing on its own after an address printed right after a
    name may be the address's rest or the name's: after a name no facility word ends (`…サテライ`
    / its address / `ト`), and after any name where it holds no digit (`…訪問看護ステーション` / its
    address / `ひかり`; `…整形外科` / its address / `クリニック`). Which one cannot be told."""
    if placed or piece.kind != "other" or above.kind != "address":
        return None
    index = entries.index(above)
    name = entries[index - 1] if index > 0 else None
    if name is None or name.kind != "name":
        return None
    if name.complete() and (len(above.pieces) > 1 or any(ch.isdigit() for ch in piece.text)):
        return None  # the address's own rest: digits, or a line of an address already wrapped
    if _finishes_number(above, piece):
        return None
    return f"{piece.text!r} after its address may be the rest of its name {name.text!r}"


def _finishes_number(address: Entry, piece: Piece) -> bool:
    """`茨城県…阿波山4丁目14番12` / its name's end? / `号`: a piece made of an address number's units
    and digits alone (`号`, `番 15 号`, `5号`) after an address whose number is still open (it ends
    with a digit, or a unit before the last: `…1丁目24番`) finishes that number; no name goes on
    with it, cut or whole."""
    end = compact(fold_width(address.text))
    units = tuple(u for u in ADDRESS_NUMBER_UNITS if u != ADDRESS_NUMBER_LAST_UNIT)
    open_number = end[-1:].isdigit() or end.endswith(units)
    return open_number and _NUMBER_REST.fullmatch(fold_width(compact(piece.text))) is not None


def _name_before_address(entries: list[Entry], piece: Piece) -> Entry | None:
    """A name's wrapped end printed right after its address, the row printed line by line across
    its cells (`…なかざわ整形` / `茨城県鉾田市…` / `外科クリニック`, one printed line after the other):
    the name has no facility word yet, and together they name one."""
    if len(entries) < 2:
        return None
    name, address = entries[-2], entries[-1]
    if name.kind != "name" or address.kind != "address" or len(address.pieces) > 1:
        return None
    if _names_facility(name.text) or not is_facility_name(name.text + piece.text):
        return None
    if split_corporation(piece.text)[0] is not None:
        return None  # a name opening with its corporation is a new row's
    first, second, third = (
        line.span.line_start or 0 for line in (name.pieces[-1].line, address.pieces[0].line, piece.line)
    )
    return name if first > 0 and second == first + 1 and third == second + 1 else None


def _address_before_phone(entries: list[Entry], piece: Piece) -> Entry | None:
    """An address's wrapped rest printed after the phone number: default mode prints the row
    line by line across its cells (`…2丁目12番1` / `(0293)89-6872` / `4号`, one printed line after
    the other). The phone is whole, so the piece can only be the address's rest."""
    if len(entries) < 2:
        return None
    address, phone = entries[-2], entries[-1]
    if address.kind != "address" or phone.kind != "phone" or not phone.complete() or len(phone.pieces) > 1:
        return None
    first, second, third = (
        line.span.line_start or 0 for line in (address.pieces[-1].line, phone.pieces[0].line, piece.line)
    )
    side_by_side = first > 0 and second == first + 1 and third == second + 1
    return address if side_by_side else None


def _opens_phone(piece: Piece, placed: bool) -> bool:
    """Default mode: digits that open with an area code and its dash (`０２９６－８７－５`, the
    number wrapped in its narrow cell) start the phone number printed after the address; no
    address goes on with a number opening with 0."""
    return not placed and _PHONE_START.match(fold_width(piece.text)) is not None


def _finishes_name(entry: Entry, piece: Piece) -> bool:
    """The rest of a wrapped name: text that names nothing on its own under a name no facility
    word ends, a name's end under a name without any facility word (`…鹿島整形` / `外科クリニック`),
    or a facility word alone (`…整形外科` / `クリニック`), which is never a name."""
    if compact(piece.text) in {compact(w) for w in FACILITY_NAME_ENDINGS}:
        return True
    if entry.complete() or split_corporation(piece.text)[0] is not None:
        return False  # a name opening with its corporation (`医療法人社団… 佐藤済生会病`) is a new row's
    return piece.kind == "other" or (piece.kind == "name" and not _names_facility(entry.text))


def _rows(
    entries: list[Entry], pieces: list[Piece], placed: bool, pages: ListPages, loose: list[Piece]
) -> list[MemberRow]:
    rows = [MemberRow(e) for e in entries if e.kind == "name"]
    marks = [p for p in pieces if p.kind == "mark"]
    accounted: set[int] = set()
    if placed:
        _attach_by_height(rows, entries, marks)
    else:
        in_runs = attach_column_runs(rows, entries)
        _attach_in_order(rows, [e for e in entries if id(e) not in in_runs], pieces)
    for row in rows:
        if row.address is None or row.phone is None:
            row.unread_reason = "its address or phone number could not be told"
        elif placed and _cells_one_space_apart(row):
            row.unread_reason = "a piece of one cell reaches where another cell of its row starts"
        elif split_corporation(row.address.pieces[0].text)[0] is not None:
            row.unread_reason = "its address opens with a corporation's name: a name's piece is in it"
        elif row.address.doubt is not None:
            row.unread_reason = row.address.doubt
        elif row.name.doubt is not None:
            row.unread_reason = row.name.doubt
    if not placed:
        beside = _marks_before_names(rows, pieces, pages) | marks_under_header(rows, pieces, pages)
        accounted = beside | _pair_marks_by_page(
            rows, [m for m in [*marks, *loose] if id(m) not in beside], pages
        )
        pieces = [*pieces, *loose]
    used = {id(p) for r in rows for e in (r.name, r.address, r.phone) if e is not None for p in e.pieces}
    used |= {id(r.mark) for r in rows if r.mark is not None} | accounted
    stray = [
        p
        for p in pieces
        if p.kind in ("name", "address", "phone", "digits", "other", "mark") and id(p) not in used
    ]
    if stray:  # a piece no row took: a row may be missing, and the rows after it misnumbered
        for row in rows:
            row.unread_reason = row.unread_reason or f"a piece of the list no row took ({stray[0].text!r})"
    return rows


def _cells_one_space_apart(row: MemberRow) -> bool:
    """Whether a wrapped piece of the row's name or address holds a word one space after its own,
    printed where another cell of the row starts (`…サテライト 号`, the address's `号`): the
    piece holds two cells' words, and which are whose cannot be told."""
    cells = [e for e in (row.name, row.address, row.phone) if e is not None]
    starts = {id(e): e.pieces[0].col for e in cells}
    for entry in cells:
        for piece in entry.pieces[1:]:
            for word in list(_WORD.finditer(piece.text))[1:]:
                col = piece.col + word.start()
                others = (v for k, v in starts.items() if k != id(entry))
                if any(abs(col - start) <= DEFAULT_COLUMN_TOLERANCE for start in others):
                    return True
    return False


def _attach_by_height(rows: list[MemberRow], entries: list[Entry], marks: list[Piece]) -> None:
    """Each address, phone and mark goes to the row printed at its height; two at one row, or one
    as near to two rows, leave the rows in doubt."""
    for kind in ("address", "phone"):
        for entry in (e for e in entries if e.kind == kind):
            center = (entry.top + entry.bottom) / 2
            ranked = sorted(rows, key=lambda r: abs(r.center - center))
            if not ranked:
                continue
            near = ranked[0]
            tie = len(ranked) > 1 and abs(ranked[1].center - center) == abs(near.center - center)
            if getattr(near, kind) is not None or tie:
                near.unread_reason = f"two {kind}s printed at its height"
                continue
            setattr(near, kind, entry)
    for mark in marks:
        nearest = min(rows, key=lambda r: abs(r.center - mark.index), default=None)
        if nearest is not None and nearest.name.top - 1 <= mark.index <= nearest.name.bottom + 1:
            nearest.mark = mark


def _pair_marks_by_page(rows: list[MemberRow], marks: list[Piece], pages: ListPages) -> set[int]:
    """Default mode prints the designation column's marks apart from the rows (before the list's
    header, or before another row's name), in the order of the rows they mark, page by page. A
    page's marks go to its rows in print order only where they are as many (every row marked) or
    there are none (no row marked); the rows of any other page are left unread. Returns the marks
    so accounted for; a mark on a page without rows is left to no row."""
    page_rows: dict[int, list[MemberRow]] = {}
    page_marks: dict[int, list[Piece]] = {}
    for row in rows:
        page_rows.setdefault(pages.names[row.name.pieces[0].index], []).append(row)
    for mark in marks:
        page_marks.setdefault(pages.marks[mark.index], []).append(mark)
    accounted: set[int] = set()
    for page, on_page in page_marks.items():
        held = [r for r in page_rows.get(page, []) if r.mark is None]  # not marked where printed
        if not page_rows.get(page):
            continue
        accounted |= {id(m) for m in on_page}
        if len(on_page) == len(held):
            for row, mark in zip(held, on_page, strict=True):
                row.mark = mark
            continue
        for row in held:
            row.unread_reason = row.unread_reason or (
                f"its designation: {len(on_page)} mark(s) printed apart from the {len(held)} rows of its "
                "page; which row a mark belongs to cannot be told"
            )
    return accounted


def _marks_before_names(rows: list[MemberRow], pieces: list[Piece], pages: ListPages) -> set[int]:
    """Default mode prints a row's mark right before its name where the two share a printed
    line of the page: a mark printed between the pieces of two rows of one page, the next piece
    the later row's name, is that row's, unless that name is one of a run of names printed one
    after another (`_in_name_run`). One printed among the headers or the role labels, before
    the first row, or at the top of a page (which prints its marks' column first) is not; nor,
    without form feeds, any: a page's top cannot be told there. Returns the marks so given."""
    if max(pages.names, default=0) == 0:
        return set()  # the list's pages are not told: a mark may open a page
    owner = {id(p): r for r in rows for e in (r.name, r.address, r.phone) if e is not None for p in e.pieces}
    starts = {id(r.name.pieces[0]): r for r in rows}
    given: set[int] = set()
    for before, mark, after in zip(pieces, pieces[1:], pieces[2:], strict=False):
        row = starts.get(id(after))
        same_page = len({pages.names[p.index] for p in (before, mark, after)}) == 1
        if (
            mark.kind == "mark"
            and row is not None
            and same_page
            and id(before) in owner
            and owner[id(before)] is not row
            and not _in_name_run(row, rows)
        ):
            row.mark = mark
            given.add(id(mark))
    return given


def _in_name_run(row: MemberRow, rows: list[MemberRow]) -> bool:
    """The row's name printed on the line right above or below another row's name: the page's
    names printed one after another (its columns each a flow), and a mark printed before them may
    be any of theirs."""
    top = row.name.pieces[0].line.span.line_start or 0
    bottom = row.name.pieces[-1].line.span.line_start or 0
    for other in rows:
        if other is row:
            continue
        other_top = other.name.pieces[0].line.span.line_start or 0
        other_bottom = other.name.pieces[-1].line.span.line_start or 0
        if other_top == bottom + 1 or other_bottom + 1 == top:
            return True
    return False


def _attach_in_order(rows: list[MemberRow], entries: list[Entry], pieces: list[Piece]) -> None:
    """One piece after another: a name, then its address and phone (the marks are paired by
    `_pair_marks_by_page`: a mark printed right before a name may be another row's)."""
    by_first = {id(e.pieces[0]): e for e in entries}
    current: MemberRow | None = None
    rows_by_name = {id(r.name): r for r in rows}
    for piece in pieces:
        entry = by_first.get(id(piece))
        if entry is not None and entry.kind == "name":
            current = rows_by_name[id(entry)]
        elif entry is not None and current is not None:
            if getattr(current, entry.kind) is not None:
                current.unread_reason = f"two {entry.kind}s after its name"
            else:
                setattr(current, entry.kind, entry)


def _cells(row: MemberRow) -> tuple[TextAt, ...]:
    at = row.name.pieces[0].line.span
    role = TextAt(row.role or "", at)
    mark = TextAt(row.mark.text if row.mark else "", row.mark.line.span if row.mark else at)
    address = TextAt(
        row.address.text if row.address else "", row.address.pieces[0].line.span if row.address else at
    )
    phone = TextAt(row.phone.text if row.phone else "", row.phone.pieces[0].line.span if row.phone else at)
    return (role, mark, TextAt(row.name.text, at), address, phone)
