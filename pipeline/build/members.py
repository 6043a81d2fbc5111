"""members records from the 別添1 list. The role column is a merged cell: a role written once
applies to the rows below it until the next one. The designation header decides ① and ②."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from normalizers.forms import DESIGNATION_LABEL, DESIGNATION_WORDS, MEMBER_ROLE_WORDS, first_word_match
from normalizers.names import municipality_from_address, split_corporation
from normalizers.phone import normalize_phone
from normalizers.text import normalize_space, unwrap
from pipeline.build.context import DocContext, row_position
from pipeline.locate.located import MemberTable, TextAt
from pipeline.records import Check, Member

# a name holds a letter (kana, kanji, Latin): a cell of digits or marks alone (`2`, `②`, `-`) is a
# cell of another column moved into the name's, as where a scan's ①/② column was read apart
NAME_LETTER = regex.compile(r"\p{L}")


def designation_meanings(header: str) -> dict[str, str]:
    """`①拠点、②積極的役割を担う医療機関` -> {"①": "hub", "②": "active"}."""
    meanings: dict[str, str] = {}
    for match in DESIGNATION_LABEL.finditer(header):
        meaning = first_word_match(match.group(2), DESIGNATION_WORDS)
        if meaning:
            meanings[match.group(1)] = meaning
    return meanings


def _cell(row: tuple[TextAt, ...], roles: tuple[str, ...], role: str) -> TextAt | None:
    for cell, column_role in zip(row, roles, strict=False):  # a short row lacks its last cells
        if column_role == role:
            return cell
    return None


def build_members(ctx: DocContext, tables: Iterable[MemberTable]) -> tuple[list[Member], list[Check]]:
    members: list[Member] = []
    checks: list[Check] = []
    for table in tables:
        designation_header = next(
            (h for h, r in zip(table.headers, table.roles, strict=False) if r == "designation"), ""
        )
        meanings = designation_meanings(designation_header)
        role_label: str | None = None
        for index, row in enumerate(table.rows):
            name_cell = _cell(row, table.roles, "name")
            role_cell = _cell(row, table.roles, "role")
            if role_cell is not None and role_cell.text.strip():
                role_label = normalize_space(role_cell.text)
            if name_cell is None or not name_cell.text.strip():
                printed = " | ".join(normalize_space(c.text) for c in row if c.text.strip())
                if printed and printed != role_label:
                    at = next(c for c in row if c.text.strip())
                    detail = f"別添1: a row without a name was not read: {printed!r}"
                    checks.append(ctx.check("member_row_unread", detail, at.span))
                continue
            name = unwrap(name_cell.text)
            if not NAME_LETTER.search(name):
                printed = " | ".join(normalize_space(c.text) for c in row if c.text.strip())
                detail = f"別添1: a row whose name cell holds no name ({name!r}) was not read: {printed!r}"
                checks.append(ctx.check("member_row_unread", detail, name_cell.span))
                continue
            corporation, facility = split_corporation(name)
            mark_cell = _cell(row, table.roles, "designation")
            mark = normalize_space(mark_cell.text) if mark_cell else ""
            address_cell = _cell(row, table.roles, "address")
            address = unwrap(address_cell.text) if address_cell else None
            phone_cell = _cell(row, table.roles, "phone")
            phone_raw = unwrap(phone_cell.text) if phone_cell else None
            role = first_word_match(role_label or "", MEMBER_ROLE_WORDS) or "other"
            designation = meanings.get(mark[:1]) if mark else None
            if mark and designation is None:
                detail = (
                    f"別添1: designation {mark!r} of {name!r} is not named in the header "
                    f"{designation_header!r}"
                )
                checks.append(ctx.check("unknown_wording", detail, name_cell.span))
            members.append(
                Member(
                    **ctx.common(name_cell.span),
                    row_no=table.row_numbers[index] if table.row_numbers else len(members) + 1,
                    role=role,
                    role_label=role_label,
                    designation=designation,
                    designation_label=mark or None,
                    name=name,
                    facility_name=facility,
                    corporation=corporation,
                    address=address or None,
                    municipality=municipality_from_address(address) if address else None,
                    phone=normalize_phone(phone_raw) if phone_raw else None,
                    phone_raw=phone_raw or None,
                    **row_position(c.span for c in row if c.text.strip()),
                )
            )
    return members, checks
