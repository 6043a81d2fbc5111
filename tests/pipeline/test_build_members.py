"""build_members on located 別添1 rows: a name cell that holds no letter is another column's cell
moved into the name's (a scan whose ①/② column was read apart gave the name `2`), so the row is
left unread with `member_row_unread`, never emitted under that name."""

from __future__ import annotations

import pytest

from extractors.blocks import Span
from pipeline.build.context import DocContext
from pipeline.build.members import build_members
from pipeline.locate.located import MemberTable, TextAt

HEADERS = ("区分", "①拠点、②積極的役割を担う医療機関", "医療機関名", "所在地", "電話番号")
ROLES = ("role", "designation", "name", "address", "phone")
CTX = DocContext(doc_id="d", fiscal_year=2021, group_name=None)


def _row(*texts: str) -> tuple[TextAt, ...]:
    return tuple(TextAt(text, Span(page=3, line_start=7)) for text in texts)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("稲敷医師会", True),
        ("医療法人 みらい平クリニック", True),
        ("ABC Clinic", True),
        ("2", False),
        ("②", False),
        ("１２", False),
        ("-", False),
    ],
)
def test_a_name_without_a_letter_is_not_read(name: str, read: bool) -> None:
    table = MemberTable(
        headers=HEADERS,
        roles=ROLES,
        rows=(_row("郡市医師会", "", name, "茨城県稲敷郡阿見町中央490", "029-498-6515"),),
    )
    members, checks = build_members(CTX, [table])
    assert [m.name for m in members] == ([name] if read else [])
    assert [c.check for c in checks] == ([] if read else ["member_row_unread"])
    if not read:
        assert repr(name) in checks[0].detail and checks[0].page == 3
