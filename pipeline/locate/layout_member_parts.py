"""The pieces of a 別添1 member list in layout text and the rows they make (see layout_members)."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.blocks import Block
from normalizers.forms import is_facility_name
from normalizers.phone import normalize_phone


@dataclass
class Piece:
    text: str
    line: Block
    index: int  # the printed line's place in the list
    col: int
    kind: str = ""


@dataclass
class Entry:
    """A name, address or phone number, its wrapped pieces joined."""

    kind: str
    pieces: list[Piece] = field(default_factory=list)
    doubt: str | None = None  # why a piece it took may be another entry's

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def top(self) -> int:
        return self.pieces[0].index

    @property
    def bottom(self) -> int:
        return self.pieces[-1].index

    def complete(self) -> bool:
        if self.kind == "name":
            return is_facility_name(self.text)
        if self.kind == "phone":
            return normalize_phone(self.text) is not None
        return False  # an address may always go on


@dataclass
class MemberRow:
    name: Entry
    mark: Piece | None = None
    address: Entry | None = None
    phone: Entry | None = None
    role: str | None = None  # the role label as printed
    unread_reason: str | None = None

    @property
    def center(self) -> float:
        return (self.name.top + self.name.bottom) / 2

    @property
    def top(self) -> int:
        return min(e.top for e in (self.name, self.address, self.phone) if e is not None)

    @property
    def bottom(self) -> int:
        return max(e.bottom for e in (self.name, self.address, self.phone) if e is not None)

    @property
    def lines(self) -> set[int]:
        """The printed lines its pieces are on."""
        entries = [e for e in (self.name, self.address, self.phone) if e is not None]
        marks = [self.mark] if self.mark is not None else []
        return {p.index for p in [*marks, *(p for e in entries for p in e.pieces)]}
