"""The 取組 table of layout text whose columns come one after another (pdftotext's default mode).

An item starts at a line `N <start of a known item title>`; its title runs until the first
bullet (or a line too wide for the title column); then come the bullets with their wrapped
lines, then short cells of the 現状/目標/実績 columns. Indented lines or lines holding several
labels apart are an org chart drawn inside the cell: kept out of the bullets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from extractors.blocks import Block, Finding
from normalizers.bullets import CIRCLED_NUMBERS, STATUS_EXTRA_MARKERS, SYMBOL_MARKERS
from normalizers.forms import (
    FORMS,
    ITEM_TITLE_NOTES,
    ITEMS_END_WORDS,
    ITEMS_HEADER_WORDS,
    ITEMS_TABLE_HEADING,
    OUTCOMES_HEADING_WORDS,
    PERIOD_ALIASES,
    STATUS_COUNT_PATTERN,
    STATUS_WORDS,
    is_facility_name,
    period_of_header,
)
from normalizers.text import fold_width, match_key
from pipeline.locate.layout_cells import display_width
from pipeline.locate.layout_flow_periods import period_paragraphs
from pipeline.locate.layout_headers import header_labels, open_parens, span_of
from pipeline.locate.located import ItemRow, TextAt
from pipeline.locate.tables import STATUS_PERIODS

DEFAULT_TITLE_COLUMN_CHARS = 24  # a longer line cannot be in the narrow 取組事項 column
DEFAULT_STATUS_MAX_CHARS = 20
DEFAULT_STATUS_LINE_CHARS = 12  # a period column's line is no longer
DEFAULT_FILL_SLACK = 2  # display columns short of the widest line that still fill the column
DEFAULT_PERIOD_SHARE = 0.8  # of a full 取組内容 line: period cells' lines (three side by side) are no wider
DEFAULT_DRAWN_INDENT = 4
DEFAULT_MIN_TITLE_PREFIX = 3
_COUNT = regex.compile(STATUS_COUNT_PATTERN)
_GAP = regex.compile(r"\S\s{2,}\S")
_ITEM_START = regex.compile(r"^\s*([1-3])\s*(\S.*)$")
_WIDE_GAP = regex.compile(r"\s{2,}")  # compiled once: a module-level regex call looks its cache up
_SPACE = regex.compile(" ")
_MARKERS = set(CIRCLED_NUMBERS + SYMBOL_MARKERS)
_CELL_MARKERS = _MARKERS | set(STATUS_EXTRA_MARKERS)  # a period cell's entries open with these too
# a line opening with these goes on with the text above it, never an org chart's label
# (`、訪問看護ステーション` under `▶参加機関：…クリニック`)
_GOES_ON = set("、。，．）)」』")


def known_title_keys() -> set[str]:
    return {match_key(title) for spec in FORMS for title in spec.item_titles.values()}


def item_start(text: str, expected: int, title_keys: set[str]) -> bool:
    """`N <the start of a known item title>`: item N of the 取組 table begins. The title's
    first piece may be followed by the content printed beside it (`1 これから在宅医 ①各医…`)."""
    match = _ITEM_START.match(fold_width(text))
    if not match or int(match.group(1)) != expected:
        return False
    start = match_key(match.group(2).split()[0])
    return len(start) >= DEFAULT_MIN_TITLE_PREFIX and any(key.startswith(start) for key in title_keys)


def titles_with_notes() -> set[str]:
    """Each known item title as the 取組事項 column prints it: alone, or with its note under it."""
    titles = known_title_keys()
    return titles | {title + match_key(note) for title in titles for note in ITEM_TITLE_NOTES}


def title_piece(title: str, text: str, keys: set[str]) -> tuple[str, str]:
    """The piece of a line that goes on with an item's title (the title column printed beside
    the content: `療への参入又は拡 症例検討会を…`), and the rest of the line. Only a whole first
    piece (up to a space) that keeps the title a known one's start is the title's."""
    body = text.strip()
    number = _ITEM_START.match(fold_width(body)) if not title else None
    if number is not None:  # the item's first line: its number, then the title's first piece
        head, _, rest = body[number.start(2) :].partition(" ")
        head = body[: number.start(2)] + head
    else:
        head, _, rest = body.partition(" ")
    done = _ITEM_START.sub(r"\2", fold_width(title)) if title else ""
    if done and not any(k.startswith(match_key(done)) and k != match_key(done) for k in keys):
        return "", body  # the title is whole
    joined = match_key(
        _ITEM_START.sub(r"\2", fold_width(title + head))
        if title
        else _ITEM_START.sub(r"\2", fold_width(head))
    )
    if head and any(k.startswith(joined) for k in keys):
        return head, rest.strip()
    return "", body


def ends_items(text: str) -> bool:
    """The note under the 取組 table, a 別添 label, or the 取組効果 heading."""
    key = match_key(text)
    heading = key.startswith("【") and any(w in key for w in OUTCOMES_HEADING_WORDS)
    return heading or any(key.startswith(match_key(w)) for w in ITEMS_END_WORDS)


def is_status_like(text: str) -> bool:
    body = text.strip()
    if not body or len(body) > DEFAULT_STATUS_MAX_CHARS or _GAP.search(body):
        return False
    return bool(_COUNT.search(fold_width(body))) or body in STATUS_WORDS


def is_drawn_label(text: str) -> bool:
    """An org chart's labels: facility names, one or several set apart by wide gaps."""
    parts = _WIDE_GAP.split(text.strip())
    return all(is_facility_name(part) for part in parts)


def _is_set_apart(line: Block) -> bool:
    return line.indent >= DEFAULT_DRAWN_INDENT or bool(_GAP.search(line.text.strip()))


@dataclass
class _ItemDraft:
    number: int
    full: float = float("inf")  # how wide a full line of the 取組内容 column prints
    title: list[Block] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)
    status: list[Block] = field(default_factory=list)
    drawn: list[Block] = field(default_factory=list)
    interleaved: bool = False  # a short line printed between the bullets' lines
    shared: bool = False  # its lines were printed after the titles of other items too

    def _content(self, line: Block) -> None:
        self.interleaved = self.interleaved or bool(self.status)
        self.content.append(line)

    def _wraps_a_bullet(self, line: Block) -> bool:
        """Whether the line prints right under a line of the bullets that fills the 取組内容 column
        and leaves its sentence open, not set apart: the bullet's wrapped rest, however much it
        reads like an org chart's label (`…かがやき外科内科` | `医院、訪問看護ステーション`)."""
        number = line.span.line_start
        if not self.content or number is None or _is_set_apart(line):
            return False
        above = self.content[-1]
        text = above.text.strip()
        fills = flow_width(text) >= self.full - DEFAULT_FILL_SLACK
        return above.span.line_start == number - 1 and fills and not text.endswith("。")

    def add(self, line: Block, title_keys: set[str]) -> None:
        title_text = "".join(b.text.strip() for b in self.title)
        head, rest = title_piece(title_text, line.text, title_keys)
        if head:
            self.title.append(Block(kind="line", span=line.span, text=head))
            if not rest:
                return
            line = Block(kind="line", span=line.span, text=rest)
        text = line.text.strip()
        pieces: list[str] = []  # period columns' pieces printed one space after a full line of content
        while glued := _glued_in_flow(text, self.full, bool(pieces)):
            pieces.insert(0, glued)  # the columns' pieces, right to left: the last printed first
            text = text[: -len(glued)].rstrip()
        if past := past_the_column(text, self.full):
            pieces.insert(0, past)
            text = text[: -len(past)].rstrip()
        if pieces:
            self.status += [Block(kind="line", span=line.span, text=piece) for piece in pieces]
            line = Block(kind="line", span=line.span, text=text)
        if not self.content and not head:
            wide = len(text) > DEFAULT_TITLE_COLUMN_CHARS
            if text[:1] not in _MARKERS and not wide and not title_text:
                self.title.append(line)
                return
        sentence_open = bool(self.content) and not self.content[-1].text.rstrip().endswith("。")
        # a period column's lines are short: a short line that ends no sentence is one of
        # them (its bullet's wrapped rest would end the sentence or fill the content column)
        short = len(text) <= DEFAULT_STATUS_LINE_CHARS and not text.endswith("。")
        if text[:1] in _MARKERS and not short:
            self._content(line)
        elif is_status_like(text) or (text[:1] in _MARKERS and short):
            self.status.append(line)
        elif is_drawn_label(text) and text[:1] not in _GOES_ON and not self._wraps_a_bullet(line):
            self.drawn.append(line)
        elif sentence_open and not _is_set_apart(line) and (not short or head):
            self._content(line)  # a wrapped line of the bullet
        elif len(text) <= DEFAULT_STATUS_MAX_CHARS:
            self.status.append(line)  # a short free-text cell of a period column
        else:
            self._content(line)


def _beside_title(text: str, keys: set[str]) -> str:
    """A line without the piece of an item's title printed at its start (`療への参入又は拡 …`)."""
    body: str = _ITEM_START.sub(r"\2", fold_width(text.strip()))
    head, _, rest = body.partition(" ")
    key = match_key(head)
    if rest and len(key) >= DEFAULT_MIN_TITLE_PREFIX and any(key in k for k in keys):
        return rest.strip()
    return text.strip()


def glued_piece(text: str, full: float) -> str:
    """The short piece after the last space of a line whose text before it fills the 取組内容
    column: another column's text printed on the same line (`…確認しま 研修テーマ：「`)."""
    if not _ends_short(text):
        return ""
    left, _, right = text.rpartition(" ")
    return right if display_width(left.replace(" ", "")) >= full - DEFAULT_FILL_SLACK else ""


def _glued_in_flow(text: str, full: float, more: bool = False) -> str:
    """Default mode: the period column's piece printed one space after a line of the 取組内容 column
    that fills it, from the last space that can part two columns: not one pdftotext sets around
    half-width letters and digits within a line of its own (`…（2/24（水）14 時～`, `…電話や F`),
    unless a list marker follows it, which never goes on with a number (`…を1 ▶ホーム…`). The
    piece is short and ends no sentence, its own spaces and all (`…看取り等） 調査期間：3 月`);
    `more`: a piece was glued after this one, and this one may be longer
    (`…推進す *開催日時：R2.6.21( 高齢者支援センター`)."""
    cut = next(
        (m.start() for m in reversed(list(_SPACE.finditer(text))) if _parts_columns(text, m.start())),
        None,
    )
    if not cut:
        return ""
    left, right = text[:cut], text[cut + 1 :]
    short = len(right.replace(" ", "")) <= DEFAULT_STATUS_LINE_CHARS
    if not right or right.endswith("。") or not (short or more):
        return ""
    return right if flow_width(left) >= full - DEFAULT_FILL_SLACK else ""


def past_the_column(text: str, full: float) -> str:
    """Default mode: the other columns' text printed on a line wider than the 取組内容 column
    can hold (`…管理者が調 調査期間：9月1 ※定期的（1回/2箇`, `…情報共有や 5日～19日`): from the one
    space after which the text before it fills the column, up to a full line and no wider. A space
    set around half-width text may be that space, as nothing of the column's own goes past its edge.
    Where two spaces could be it (`…や F AX` near the edge), the one that parts two full-width
    characters; where that does not tell either, the line is kept whole."""
    if flow_width(text) <= full + DEFAULT_FILL_SLACK:
        return ""
    spaces = [m.start() for m in _SPACE.finditer(text)]
    fits = [at for at in spaces if full - DEFAULT_FILL_SLACK <= flow_width(text[:at]) <= full + 1]
    if len(fits) > 1:
        fits = [at for at in fits if _parts_columns(text, at)]
    return text[fits[0] + 1 :] if len(fits) == 1 else ""


def _parts_columns(text: str, at: int) -> bool:
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return after in _CELL_MARKERS or not (_half_width_alnum(before) or _half_width_alnum(after))


def content_text(lines: list[Block]) -> str:
    """Printed lines of a 取組内容 cell: a line that opens with a marker opens a paragraph (a
    bullet); other lines are wraps."""
    text = ""
    for line in lines:
        body = line.text.strip()
        text += ("\n\n" if body[:1] in _MARKERS else "\n") + body if text else body
    return text


def _item_row(draft: _ItemDraft, labels: list[str]) -> ItemRow:
    title = TextAt("\n".join(b.text.strip() for b in draft.title), span_of(draft.title))
    content = TextAt(content_text(draft.content), span_of(draft.content))
    status = tuple(
        (label, TextAt(line.text.strip(), line.span))
        for label, line in zip(labels, draft.status, strict=False)
    )
    drawn = tuple(TextAt(b.text.strip(), b.span) for b in draft.drawn)
    return ItemRow(draft.number, title, content, status, drawn)


def locate_flow_items(lines: list[Block]) -> tuple[list[ItemRow], int, list[Finding]]:
    """Items from the 取組 header on; returns the items, the index after them, and findings.
    Items whose titles print between the table's heading and its 取組事項 / 取組内容 header (the
    header, or the header and item 1's title, printed after them) are read from their titles on,
    each to the next."""
    start = _items_header(lines)
    if start is None:
        return [], 0, []
    title_keys = known_title_keys()
    piece_keys = titles_with_notes()
    header: list[Block] = []
    early_start = _early_items_start(lines, start, title_keys)
    early: list[_ItemDraft] = []
    numbers: tuple[int, ...] = (1, 2, 3)
    if early_start is not None:
        at, number = early_start
        full = _full_width(lines[at : _table_end(lines, at)], piece_keys)
        early, _ = _read_items(lines[:start], at, numbers[number - 1 :], full, header)
        numbers = numbers[: number - 1]
    # the widest line of the table that holds nothing glued: a full line of the 取組内容 column
    full = _full_width(lines[start + 1 : _table_end(lines, start)], piece_keys)  # past the header
    drafts, index = _read_items(lines, start + 1, numbers, full, header)
    drafts = sorted([*drafts, *early], key=lambda d: d.number)
    labels = header_labels(header)
    in_order = [period_of_header(label) for label in labels] == list(STATUS_PERIODS)
    printed = {b.span.line_start for b in lines}
    headers = {b.span.line_start or 0 for b in header}
    for draft in drafts:
        _narrow_paragraphs_to_status(draft, headers, printed)
    findings = []
    orphans = _lines_before_titles(lines, drafts)
    first = next((d for d in drafts if d.number == 1), None)
    if early_start is not None and early_start[1] == 2 and first is not None and not first.content:
        at = early_start[0]
        _give_lines_above(first, orphans, _full_width(lines[at : _table_end(lines, at)], piece_keys))
        orphans = []
    if orphans:
        detail = (
            f"取組: {len(orphans)} lines printed after the table's heading and before every item's "
            "title (bullets or period cells): which item they belong to cannot be told; not read"
        )
        findings.append(Finding("cells_ambiguous", detail, span_of(orphans)))
    if not orphans:  # else an item's bullets may be those printed before every title
        findings += _share_content_after_titles(drafts, printed)
    for draft in drafts:
        _rejoin_wrapped_ends(draft, printed)
        # One count or status word a period, printed after the bullets, each a paragraph of its
        # own: one cell each, in the columns' order. Only where every column's header printed,
        # in the columns' order; lines printed one under another may be one cell's several lines
        # beside a blank cell, and are never taken one a period.
        one_each = in_order and len(draft.status) == len(labels) and not (draft.interleaved or draft.shared)
        apart = all(_on_its_own(b, printed) for b in draft.status)
        if draft.status and not (one_each and apart and all(is_status_like(b.text) for b in draft.status)):
            detail = (
                f"取組{draft.number}: {len(draft.status)} short lines for {len(labels)} period columns, "
                "printed one after another: which cell each belongs to cannot be told; "
                "its 現状/目標/実績 cells not read"
            )
            findings.append(Finding("status_cell_unread", detail, span_of(draft.status)))
            draft.status = []
    return [_item_row(d, labels) for d in drafts], index, findings


def _narrow_paragraphs_to_status(draft: _ItemDraft, headers: set[int], printed: set[int | None]) -> None:
    """The period columns' paragraphs printed after the item's bullets, read as bullets: period lines.
    The period columns' lines (of one cell, or of several printed side by side) are at most
    `DEFAULT_PERIOD_SHARE` of a full 取組内容 line wide."""

    def narrow(text: str) -> bool:
        return flow_width(text) <= draft.full * DEFAULT_PERIOD_SHARE

    def open_at_edge(text: str) -> bool:
        return flow_width(text) >= draft.full - DEFAULT_FILL_SLACK and not text.endswith("。")

    others = draft.status + draft.drawn
    moved = period_paragraphs(draft.content, others, draft.title, headers, printed, narrow, open_at_edge)
    if moved:
        draft.content = [b for b in draft.content if b not in moved]
        draft.status = sorted([*draft.status, *moved], key=lambda b: b.span.line_start or 0)


def _share_content_after_titles(drafts: list[_ItemDraft], printed: set[int | None]) -> list[Finding]:
    """Bullets printed apart from their item's title: an item's title printed right after the one
    before it (`1 …取組` | `2 …取組` | their bullets), or an item's bullets before its own title,
    after the bullets of the item above. Every line goes to the title printed last before it.

    The 取組内容 column prints one item's cell after the other, each a paragraph apart: where the
    table's titles print in the items' order and its bullets make exactly one paragraph an item,
    they are the items' in that order. Else the items whose titles print one after another, with
    nothing of theirs between, are not read (`cells_ambiguous`). The period lines of items whose
    bullets moved may be any item's. Items printed out of order, or with lines printed before
    every title (which may be an item's bullets), are left as read."""
    paragraphs = [block for draft in drafts for block in _paragraphs(draft.content, printed)]
    starts = [d.title[0].span.line_start or 0 if d.title else 0 for d in drafts]
    in_order = [d.number for d in drafts] == [1, 2, 3] and starts == sorted(starts) and all(starts)
    if not in_order:
        return []  # items printed before the header, or one missing: as read
    if len(paragraphs) == len(drafts):
        for draft, block in zip(drafts, paragraphs, strict=True):
            draft.shared = draft.shared or draft.content != block
            draft.content = block
        return []
    findings: list[Finding] = []
    run: list[_ItemDraft] = []
    for draft in drafts:
        run.append(draft)
        if not draft.content:
            continue
        if len(run) > 1:
            detail = (
                f"取組{run[0].number}-{run[-1].number}: titles printed one after another, then the "
                "bullets: which item each belongs to cannot be told; not read"
            )
            findings.append(Finding("cells_ambiguous", detail, span_of(draft.content)))
            for item in run:
                item.content, item.shared = [], True
        run = []
    return findings


def _paragraphs(lines: list[Block], printed: set[int | None]) -> list[list[Block]]:
    """The lines cut where a blank line prints between two of them (other lines may print
    between them: a period column's)."""
    out: list[list[Block]] = []
    for line in lines:
        number = line.span.line_start or 0
        if out:
            last = out[-1][-1].span.line_start or 0
            if all(n in printed for n in range(last + 1, number)):
                out[-1].append(line)
                continue
        out.append([line])
    return out


def _give_lines_above(first: _ItemDraft, lines: list[Block], full: float) -> None:
    """Item 1's bullets and period lines printed above item 2's title, item 1's title after the
    header (only item 1's row lies above item 2's, and default mode prints a column's cells from
    the top down): its bullets are the lines read as bullets before the first period line; every
    line after that, bullets included, is one of its period lines (which cell it is in, or
    whether a bullet's, cannot be told: they are left unread with the item's period cells)."""
    draft = _ItemDraft(1, full, title=list(first.title))
    for line in lines:
        draft.add(line, titles_with_notes())
    numbers = [b.span.line_start or 0 for b in draft.status]
    cut = min(numbers, default=None)
    bullets = [b for b in draft.content if cut is None or (b.span.line_start or 0) < cut]
    later = [b for b in draft.content if b not in bullets]
    first.content = bullets + first.content
    first.status = sorted([*draft.status, *later, *first.status], key=lambda b: b.span.line_start or 0)
    first.drawn = draft.drawn + first.drawn


def _lines_before_titles(lines: list[Block], drafts: list[_ItemDraft]) -> list[Block]:
    """The lines printed between the table's heading and the first item title, other than the
    period headers and the 取組事項 / 取組内容 header: default mode may print bullets and period
    cells there, before the titles of their items."""
    starts = [d.title[0].span.line_start for d in drafts if d.title and d.title[0].span.line_start]
    if not starts:
        return []
    first = min(starts)
    opening = match_key(ITEMS_TABLE_HEADING)
    numbers = (b.span.line_start or 0 for b in lines if match_key(b.text).startswith(opening))
    heading = max((n for n in numbers if n < first), default=None)
    if heading is None:
        return []
    out: list[Block] = []
    label = ""
    for line in (b for b in lines if heading < (b.span.line_start or 0) < first):
        label = _period_label(label, line.text)
        if not label and not any(word in match_key(line.text) for word in ITEMS_HEADER_WORDS):
            out.append(line)
    return out


def _table_end(lines: list[Block], start: int) -> int:
    """Where the 取組 table opening at `start` ends: its note, a 別添 label or the 取組効果
    heading (`ends_items`), else the end of the text."""
    return next((i for i in range(start + 1, len(lines)) if ends_items(lines[i].text)), len(lines))


def _full_width(lines: list[Block], keys: set[str]) -> float:
    """How wide a full line of the 取組内容 column prints: the widest line of the table that can
    hold no other column's piece glued at its end (no space in it, or a piece after its last space
    longer than a period column's line). pdftotext sets spaces around half-width digits, so a
    full line of content often holds spaces; its width is counted without them."""
    parts = [_beside_title(b.text, keys) for b in lines]
    whole = (t for t in parts if not _ends_short(t))
    return max((flow_width(t) for t in whole), default=0) or float("inf")


def flow_width(text: str) -> int:
    """How much of the 取組内容 column a line of default-mode text fills: two for a full-width
    character and for one the print sets full-width in a Japanese font (`▶`, `◆`, `①`, `※`:
    East Asian ambiguous width), one for a half-width one; the spaces pdftotext sets around
    half-width text take no room."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text if ch != " ")


def _half_width_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _ends_short(text: str) -> bool:
    """Whether the piece after the line's last space is short and ends no sentence: a period
    column's line may be glued there. Its length is the room it takes (`flow_width`, halved):
    half-width digits take half a full-width character's (`発送：令和2年1/26（日`)."""
    right = text.rpartition(" ")[2]
    short = flow_width(right) <= 2 * DEFAULT_STATUS_LINE_CHARS
    return " " in text and short and not right.endswith("。")


def _read_items(
    lines: list[Block], index: int, numbers: tuple[int, ...], full: float, header: list[Block]
) -> tuple[list[_ItemDraft], int]:
    """The items numbered `numbers`, in that order, from `index` on: each from its title to the
    next one's, to the end of the table or of `lines`. The period headers met go to `header`.
    Returns the items and the index after them."""
    title_keys = known_title_keys()
    piece_keys = titles_with_notes()
    drafts: list[_ItemDraft] = []
    label = ""  # the period header being read, "" when none is
    while index < len(lines):
        line = lines[index]
        index += 1
        label = _period_label(label, line.text)
        if label:
            header.append(line)  # the period headers, before the items or after item 1's cell
            continue
        if match_key(line.text) in ITEMS_HEADER_WORDS:
            continue  # 取組内容 printed under item 1's title
        expected = numbers[len(drafts)] if len(drafts) < len(numbers) else None
        if expected is not None and item_start(line.text, expected, title_keys):
            drafts.append(_ItemDraft(expected, full))
        elif drafts and ends_items(line.text):
            index -= 1
            break
        if drafts:
            drafts[-1].add(line, piece_keys)
    return drafts, index


def _early_items_start(lines: list[Block], start: int, title_keys: set[str]) -> tuple[int, int] | None:
    """Where the first item title prints between the table's heading and the line `start` that
    ends its header, and its number (default mode may print the header, even item 1's title,
    after the items' titles and bullets), where no title of that number or a later one prints
    after the header, and nothing between ends the table."""
    opening = match_key(ITEMS_TABLE_HEADING)
    heading = max(
        (i for i, b in enumerate(lines[:start]) if match_key(b.text).startswith(opening)), default=None
    )
    if heading is None:
        return None
    first = next(
        (
            (i, n)
            for i in range(heading + 1, start)
            for n in (1, 2)
            if item_start(lines[i].text, n, title_keys)
        ),
        None,
    )
    if first is None:
        return None
    index, number = first
    later = any(item_start(b.text, n, title_keys) for b in lines[start + 1 :] for n in range(number, 4))
    if later or any(ends_items(b.text) for b in lines[index:start]):
        return None
    return first


_BRACKETS = (("「", "」"), ("『", "』"), ("（", "）"), ("(", ")"))


def _closes_bracket(above: str, text: str) -> bool:
    """Whether `text` closes a bracket `above` leaves open, before it opens one of its own."""
    return any(
        above.count(opening) > above.count(closing)
        and closing in text
        and text.index(closing) < (text.index(opening) if opening in text else len(text))
        for opening, closing in _BRACKETS
    )


def _rejoin_wrapped_ends(draft: _ItemDraft, printed: set[int | None]) -> None:
    """A bullet's wrapped end taken for a short period line (`…打ち合わせ、進捗` | `状況の確認等` |
    `▶開催回数…`): a short line printed right under a line of the bullet that fills the 取組内容
    column and ends no sentence, and right above the next bullet's marker or a blank line, is the
    bullet's rest (the bullet goes on somewhere, and nothing else of it prints before the next one).
    A count or status word, or a line opening with a marker, stays a period line."""
    content = {b.span.line_start: b for b in draft.content}
    titles = {b.span.line_start for b in draft.title} - set(content)  # lines of the title alone
    for line in list(draft.status):
        number = line.span.line_start
        if number is None:
            continue
        at = number - 1
        # the title column's lines printed between the bullet's (`…「VR 体` | `と。` | `験会」`)
        while at in titles:
            at -= 1
        if at not in content:
            continue
        above = content[at].text.strip()
        text = line.text.strip()
        # a bracket the bullet's line leaves open, closed by the short line (`…「VR 体験` | `会」`):
        # the wrap fell short of the column's edge, as a closing bracket never opens a line
        fills = flow_width(above) >= draft.full - DEFAULT_FILL_SLACK or _closes_bracket(above, text)
        below = content.get(number + 1)
        next_opens = number + 1 not in printed or (below is not None and below.text.strip()[:1] in _MARKERS)
        if (
            fills
            and not above.endswith("。")
            and next_opens
            and not is_status_like(text)
            and text[:1] not in _MARKERS
        ):
            draft.status.remove(line)
            draft.content.insert(draft.content.index(content[at]) + 1, line)
            content[number] = line
    first = min((b.span.line_start or 0 for b in draft.status), default=None)
    draft.interleaved = first is not None and any((b.span.line_start or 0) > first for b in draft.content)


def _on_its_own(line: Block, printed: set[int | None]) -> bool:
    """A line printed as a paragraph of its own: no printed line right above or below it."""
    number = line.span.line_start
    return number is not None and number - 1 not in printed and number + 1 not in printed


DEFAULT_HEADER_WINDOW = 3  # lines over which 取組事項 and 取組内容 may be printed
DEFAULT_HEADER_SPAN = 24  # lines below 取組事項 over which the period headers may print before 取組内容


def _items_header(lines: list[Block]) -> int | None:
    """Index of the line that ends the 取組事項 / 取組内容 header (on one line or a few), or of
    the table's heading where item 1 starts under it past nothing but the period headers (the
    取組事項 / 取組内容 header printed further down, or not at all)."""
    title_keys = known_title_keys()
    for index, line in enumerate(lines):
        heading = match_key(line.text).startswith(match_key(ITEMS_TABLE_HEADING))
        if heading and _item_one_after_period_headers(lines, index + 1, title_keys):
            return index
        if ITEMS_HEADER_WORDS[0] in match_key(line.text):
            window = lines[index : index + DEFAULT_HEADER_WINDOW]
            for offset, other in enumerate(window):
                if ITEMS_HEADER_WORDS[1] in match_key(other.text):
                    return index + offset
            # 取組内容 printed further down (after item 1's title): the table opens at 取組事項
            # where item 1 starts right under it
            after = lines[index + 1 : index + 1 + DEFAULT_HEADER_WINDOW]
            if any(item_start(other.text, 1, title_keys) for other in after):
                return index
            below = _content_header_below(lines, index, title_keys)
            if below is not None:
                return below
    return None


def _content_header_below(lines: list[Block], index: int, title_keys: set[str]) -> int | None:
    """取組内容 printed below the period columns' headers (`取組事項` | `現状 (…)` … | `取組内容`):
    the header ends there where item 1 starts right under it, past nothing but period headers.
    No line between 取組事項 and 取組内容 may start an item or end the table."""
    for offset, line in enumerate(lines[index + 1 : index + 1 + DEFAULT_HEADER_SPAN], start=index + 1):
        if item_start(line.text, 1, title_keys) or ends_items(line.text):
            return None
        if ITEMS_HEADER_WORDS[1] in match_key(line.text):
            return offset if _item_one_after_period_headers(lines, offset + 1, title_keys) else None
    return None


def _item_one_after_period_headers(lines: list[Block], index: int, title_keys: set[str]) -> bool:
    """Whether item 1 starts at `index`, or right after period headers printed from there
    (`現 状` | `(事前協議月の前月から過` | `去 6 箇月間の状況)` …)."""
    label = ""
    for line in lines[index:]:
        label = _period_label(label, line.text)
        if not label:
            return item_start(line.text, 1, title_keys)
    return False


def _period_label(label: str, text: str) -> str:
    """The period header being read once the line is printed: the line opens one, goes on with
    `label` (its parenthesis), or is no header ("")."""
    if _is_period_header(text):
        return text.strip()
    if label and _continues_label(label, text):
        return label + text.strip()
    return ""


def _is_period_header(text: str) -> bool:
    """A column header line: the period word alone, or followed by its parenthesis."""
    key = match_key(text)
    period = period_of_header(text)
    if period is None or len(text.strip()) > DEFAULT_TITLE_COLUMN_CHARS:
        return False
    word = next(w for w, p in PERIOD_ALIASES if key.startswith(w))
    return key == word or key[len(word) :][:1] in "(（"


def _continues_label(label: str, text: str) -> bool:
    """A header line continues the label while its parenthesis is open, or opens it."""
    has_paren = "（" in label or "(" in label
    return open_parens(label) > 0 or (not has_paren and text.strip()[:1] in "（(")
