"""The role of each 別添1 row in layout text. The role column is a merged cell per run of rows:
its label prints once, somewhere within its run where words keep their place on the page. The
runs come in the form's order (郡市医師会, then the participants, then the backup hospitals).

A run is certain when one label covers the whole list, when the 医師会 run is told by its names,
or (pdftotext -layout) for the rows every split of the list that prints each label within its run
puts in the same run; a label piece printed on one line with a row's piece is within that row's
run (a label prints within its merged cell, a row's cells within the row). Rows whose run cannot be
told are left unread.
"""

from __future__ import annotations

from dataclasses import dataclass

from normalizers.forms import MEMBER_ROLE_LABELS, MEMBER_ROLE_WORDS, first_word_match
from normalizers.text import match_key, normalize_space
from pipeline.locate.layout_member_parts import MemberRow, Piece

DEFAULT_LABEL_SLACK = 1  # lines a merged cell's label may print above or below its run's text
DEFAULT_LABEL_GAP = 2  # lines between two pieces of one wrapped label
ASSOCIATION = "medical_association"
ROLE_ORDER = ("medical_association", "participant", "backup_hospital")


@dataclass
class _Block:
    text: str
    role: str
    top: int
    bottom: int
    lines: set[int]  # the printed lines its pieces are on

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2


def assign_roles(rows: list[MemberRow], role_pieces: list[Piece], pieces: list[Piece], placed: bool) -> None:
    blocks = _blocks(role_pieces, placed)
    if not blocks:
        for row in rows:
            row.unread_reason = row.unread_reason or "no role printed for the list"
        return
    if len(blocks) == 1:
        _give(rows, blocks[0])
        _check_associations(rows)
        return
    start = 0
    association = next((b for b in blocks if b.role == ASSOCIATION), None)
    if association is not None and blocks[0] is association:
        count = _leading_associations(rows)
        if count:
            _give(rows[:count], association)
            start, blocks = count, blocks[1:]
    if len(blocks) == 1:
        _give(rows[start:], blocks[0])
        return
    if not placed:
        for row in rows[start:]:
            row.unread_reason = (
                row.unread_reason or "its role: several role labels, printed apart from the rows"
            )
        return
    _split_by_labels(rows, start, blocks)


def _check_associations(rows: list[MemberRow]) -> None:
    """The 郡市医師会 run holds 医師会 only: a row that is not one, given that run alone, had its own
    role label missed."""
    for row in rows:
        given = role_of_label(row.role or "")
        named = first_word_match(row.name.text, MEMBER_ROLE_WORDS) == ASSOCIATION
        if given == ASSOCIATION and not named:
            row.unread_reason = (
                row.unread_reason or "its role: only the 郡市医師会 label was read, and it is no 医師会"
            )


def _blocks(pieces: list[Piece], placed: bool) -> list[_Block]:
    """Role label pieces joined where a label wraps; labels of one role printed twice are one."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        last = groups[-1][-1] if groups else None
        joined = last is not None and piece.index - last.index <= DEFAULT_LABEL_GAP
        if joined and _holders("".join(p.text for p in groups[-1] + [piece])):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    blocks: list[_Block] = []
    for group in groups:
        text = normalize_space("".join(p.text for p in group))
        role = role_of_label(text)
        if role is None:
            return []  # a label that names no role: no row's role is certain
        lines = {p.index for p in group}
        if blocks and blocks[-1].role == role:
            blocks[-1].bottom = group[-1].index
            blocks[-1].lines |= lines
            continue
        blocks.append(_Block(text, role, group[0].index, group[-1].index, lines))
    ranks = [ROLE_ORDER.index(b.role) for b in blocks]
    return blocks if ranks == sorted(ranks) else []


def role_of_label(text: str) -> str | None:
    """The role a printed role label (or a piece of one, `これから在宅医療`) names: the one
    registered label that holds it."""
    holders = _holders(text)
    if len(holders) == 1:
        return first_word_match(holders[0], MEMBER_ROLE_WORDS)
    return first_word_match(text, MEMBER_ROLE_WORDS)


def _holders(text: str) -> list[str]:
    key = match_key(text)
    return [label for label in MEMBER_ROLE_LABELS if key in match_key(label)]


def _role_text(block: _Block) -> str:
    """The label as printed; where only a piece of it was (`む医療機関等`), the form's label."""
    if first_word_match(block.text, MEMBER_ROLE_WORDS) == block.role:
        return block.text
    return next(
        label for label in MEMBER_ROLE_LABELS if first_word_match(label, MEMBER_ROLE_WORDS) == block.role
    )


def _give(rows: list[MemberRow], block: _Block) -> None:
    for row in rows:
        row.role = _role_text(block)


def _leading_associations(rows: list[MemberRow]) -> int:
    count = 0
    for row in rows:
        if first_word_match(row.name.text, MEMBER_ROLE_WORDS) != ASSOCIATION:
            break
        count += 1
    return count


def _split_by_labels(rows: list[MemberRow], start: int, blocks: list[_Block]) -> None:
    """A merged cell prints its label within its run (where, within it, varies): every split of
    the rows into runs, in order, that does so is possible. A row takes the role all possible
    splits give it; a row they disagree on (or every row, where no split fits) is not read."""
    splits = _splits(rows, start, blocks)
    for index in range(start, len(rows)):
        roles = {_role_text(_block_of(split, index)) for split in ((s, blocks) for s in splits)}
        if len(roles) == 1:
            rows[index].role = roles.pop()
        else:
            rows[index].unread_reason = (
                rows[index].unread_reason or "its role: the role labels fit more than one split of the rows"
            )


def _block_of(split: tuple[list[tuple[int, int]], list[_Block]], index: int) -> _Block:
    runs, blocks = split
    return next(block for block, (first, last) in zip(blocks, runs, strict=True) if first <= index <= last)


def _splits(rows: list[MemberRow], start: int, blocks: list[_Block]) -> list[list[tuple[int, int]]]:
    """Every split of rows[start:] into runs, in order, that prints each label within its run."""
    if not blocks:
        return [[]] if start == len(rows) else []
    block, rest = blocks[0], blocks[1:]
    ends = [len(rows) - 1] if not rest else range(start, len(rows) - len(rest))
    out = []
    for end in ends:
        top, bottom = rows[start].top, rows[end].bottom
        within = top - DEFAULT_LABEL_SLACK <= block.top and block.bottom <= bottom + DEFAULT_LABEL_SLACK
        if within and not _beside_other_rows(rows, start, end, block):
            out += [[(start, end), *tail] for tail in _splits(rows, end + 1, rest)]
    return out


def _beside_other_rows(rows: list[MemberRow], start: int, end: int, block: _Block) -> bool:
    """A label prints within its merged cell, and a row's pieces within its row: a label piece
    printed on one line with a piece of a row outside rows[start:end + 1] rules that run out."""
    outside = [*rows[:start], *rows[end + 1 :]]
    return any(block.lines & row.lines for row in outside)
