"""The 取組 table of layout text that keeps each word at its place on the page (pdftotext
-layout): a line holds the title, the content and the three period cells of an item side by
side. The 取組事項 column runs from the left edge, the 取組内容 column from where the content
starts on the title's lines; the period columns are placed by the headers printed above them
(`layout_item_header`). An item starts where its title column starts with its number and a known
title.

pdftotext places a run of words (words one space apart) by its first word only, and where the
page places text anew (another page, or an item printed a few columns to the left) every column
moves with it (`layout_item_parts`). So, item by item:

- a run that starts after a wider gap starts a cell piece: the item's runs must all start at
  the period columns' left edges, shifted alike by at most a few columns (`layout_item_shift`:
  the shift that puts each run at an edge; where no shift does, or two put runs in different
  columns, the item's period cells are not read). pdftotext places each block right of every
  block wholly left of it on the page, so a row's cells need not keep the header's gaps: a shift
  far left is taken only where the item shows every column, and where shifts alike in size place
  its pieces in two ways, the page's column order against other items' cells
  (`layout_column_order`) picks one or the cells are not read; items whose placing breaks that
  order are not read either (`layout_item_pages`);
- pieces whose column is not certain leave their cells unread (`layout_item_placing`), and so do
  pieces that a header whose words may stand centred over their columns places in two columns,
  where no item under it shows every column (`_placed_apart_from_centred`);
- half-width text glued one space after a full 取組内容 line that the next line goes on with
  (`令和 2 年 1` | `1 月`) stays content (`_wraps_on`); a list entry one space after a sentence of
  the content is a period cell's (`_marked_after_a_sentence`);
- on a page where the header is not printed again, the period columns are not known: the
  item's period cells are not read, unless its own cells' pattern or the page's column order
  places them (`layout_item_pages`).

A period cell not read raises `status_cell_unread` (document `partial`). A cell's lines are
joined into paragraphs where a line fills the column (a wrap) and broken where it stops short
(the end of a paragraph); a list marker always opens a new one.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import NamedTuple

from extractors.blocks import Block, Finding, Span
from extractors.pdf_page import WHOLE_COUNT
from normalizers.forms import ITEMS_HEADER_WORDS, NOTE_MARK, is_facility_name, period_of_header
from normalizers.text import match_key
from pipeline.locate.layout_cells import Word, display_width, joined, words_of
from pipeline.locate.layout_headers import span_of
from pipeline.locate.layout_item_header import (
    header_ahead,
    header_block,
    item_columns,
    item_region,
    table_columns,
)
from pipeline.locate.layout_item_pages import (
    distrust_headers_out_of_scale,
    distrust_headers_short_of_a_column,
    distrust_out_of_order,
    page_numbers,
    place_by_own_cells,
    place_by_page_places,
    share_own_patterns,
)
from pipeline.locate.layout_item_parts import (
    DEFAULT_EDGE_TOLERANCE,
    DEFAULT_MAX_SHIFT,
    CellRun,
    ItemColumns,
    ItemDraft,
    places,
    split_at_starts,
    split_line,
)
from pipeline.locate.layout_item_placing import (
    DEFAULT_PUSH,
    cell_splits,
    held,
    period_cells,
    placed_lines,
    room_known,
    within_room,
    word_widths,
)
from pipeline.locate.layout_item_shift import placed_shift
from pipeline.locate.layout_items import (
    DEFAULT_FILL_SLACK,
    content_text,
    glued_piece,
    is_drawn_label,
    item_start,
    known_title_keys,
)
from pipeline.locate.layout_wraps import MARKERS, cell_openers, cell_paragraphs, line_width
from pipeline.locate.located import ItemRow, TextAt

DEFAULT_DRAWN_INDENT = 4  # content printed this much right of the column's start: a drawn label
# room (`line_width`) a piece glued after a full 取組内容 line takes at least to be read as a period
# cell's line: a narrower one may as well be the rest of the 取組内容 line
DEFAULT_GLUED_MIN_WIDTH = 3
DEFAULT_LABEL_LINES = 2  # lines between two pieces of an org chart's label wrapped in its box


def locate_placed_items(lines: list[Block]) -> tuple[list[ItemRow], int, list[Finding]]:
    """Items from the 取組 header on; returns the items, the index after them, and findings."""
    header = next((i for i, line in enumerate(lines) if ITEMS_HEADER_WORDS[0] in match_key(line.text)), None)
    if header is None:
        return [], 0, []
    region = item_region(lines, header)
    head = header_block(lines, header, region[1])
    columns = table_columns([lines[i] for i in head], lines[region[0] : region[1]])
    if columns is None:
        return [], 0, []
    content_col = columns.content
    labels = columns.labels
    page: ItemColumns | None = columns  # the columns of the page being read, None where unknown
    pages = page_numbers(lines)
    headers = {pages[id(lines[head[0]])]: columns.edges}  # page -> its header's period edges
    titles = known_title_keys()
    drafts: list[ItemDraft] = []
    index = max(region[0], max(head) + 1)
    while index < region[1]:
        line = lines[index]
        anchor = header_ahead(lines, index, region[1])
        if anchor is not None:  # the header printed again (on a new page)
            block = header_block(lines, anchor, region[1])
            page = item_columns(content_col, [lines[i] for i in block])
            labels = page.labels if page is not None else labels
            if page is not None:
                headers[pages[id(lines[anchor])]] = page.edges
            index = max(block) + 1
            continue
        index += 1
        if line.new_page:
            page = None  # the page places its columns anew and prints no header for them
        title, content, runs = split_line(line, page, content_col)
        runs = [run for run in runs if not _chart_label(run, content, page)]
        if item_start(title, len(drafts) + 1, titles):
            drafts.append(ItemDraft(len(drafts) + 1, page, labels))
        if not drafts:
            continue
        draft = drafts[-1]
        draft.broken = draft.broken or (line.new_page and bool(draft.lines))
        draft.lines.append(line)
        if page is not draft.columns and (runs or content):
            draft.columns = None  # the item goes on over a page break: its columns are not one
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        draft.runs += runs
    for draft in drafts:
        _read_from_own_content_start(draft, content_col)
        _drop_chart_labels_left_of_the_cells(draft)
    distrust_headers_out_of_scale(drafts)
    distrust_headers_short_of_a_column(drafts)
    rows, findings = [], []
    for draft in drafts:
        if draft.columns is None and not draft.broken and draft.runs:
            place_by_own_cells(draft, content_col, headers.get(pages[id(draft.runs[0].line)]))
    place_by_page_places(drafts, pages, headers, content_col)
    share_own_patterns(drafts, pages, headers, content_col)
    alone = word_widths(drafts)  # read strictly first: the widths of words in cells certain
    for draft in drafts:
        draft.widths = alone
    distrust_out_of_order(drafts, pages, headers)
    full = _full_width(drafts)
    widths = _cell_widths(drafts)
    shown = _columns_shown(drafts)
    read = []
    for draft in drafts:
        own = content_col if draft.content_col is None else draft.content_col
        row, cells, found = _item_row(draft, own, full, widths, shown)
        read.append((row, cells))
        findings += found
    # a period cell's first line opens an entry: a line of another cell that begins as one does
    # opens an entry too, though it follows a full line (`opens_entry_after`)
    openers = cell_openers(cell.lines for _, cells in read for cell in cells)
    for row, cells in read:
        status = tuple(
            (cell.label, TextAt(cell_paragraphs(cell.lines, cell.width, openers), cell.span))
            for cell in cells
        )
        rows.append(replace(row, status=status))
    return rows, region[1], findings


def _read_from_own_content_start(draft: ItemDraft, content_col: int) -> None:
    """An item printed a few columns left of the table (pdftotext places a row anew, every column
    moving with it): its bullets' list markers start left of the 取組内容 column's start, and so do
    the lines its bullets wrap into, one space after its title's pieces (`ての普及啓発活動
    療機関が…`), which would read as the title's. Its lines are read again from where its markers
    start (the leftmost), where that is less than a shift left of the table's start."""
    own = min((words[0].col for _, words in draft.content if words[0].text[:1] in MARKERS), default=None)
    if own is None:
        own = _content_beside_titles(draft, content_col)
    if own is None or not content_col - DEFAULT_MAX_SHIFT <= own < content_col:
        return
    draft.content_col = own
    draft.title, draft.content, draft.runs = [], [], []
    for line in draft.lines:
        title, content, runs = split_line(line, draft.columns, own)
        if title.strip():
            draft.title.append((line, title.strip()))
        if content:
            draft.content.append((line, content))
        draft.runs += [run for run in runs if not _chart_label(run, content, draft.columns)]


def _content_beside_titles(draft: ItemDraft, content_col: int) -> int | None:
    """Where an item printed a few columns left of the table starts its 取組内容 where no list
    marker tells it: words printed less than a shift left of the column's start, one space or
    more after the title's pieces (`３ 在宅医療につい ホームページを…`, `及啓発活動等の取組    参ります。
    参加医療機関の…`) or opening a line (`関に在宅医療に関する…`), would read as the title's. The
    leftmost of them, where the item's first line holds one beside its title and every title
    piece ends left of it; else None."""
    band = range(content_col - DEFAULT_MAX_SHIFT, content_col - 1)
    lines = [words_of(line.text) for line in draft.lines]
    starts = [w.col for words in lines for w in words if w.col in band]
    if not lines or not any(w.col in band for w in lines[0][1:]):
        return None
    own = min(starts)
    ends = [w.col + len(w.text) for words in lines for w in words if w.col < own]
    return own if all(end <= own for end in ends) else None


def _drop_chart_labels_left_of_the_cells(draft: ItemDraft) -> None:
    """An org chart drawn in the 取組内容 whose box prints its label apart, left of the period
    columns (`陽光台在宅クリ` | `ニック`, one under the other): its runs read as a facility name
    together (one a line), start further left of the first period column's edge than an item's
    cells print off the header, and the item's other pieces all start at the header's edges (a
    shift of a run's tolerance at most): they are the chart's label, no cell's piece. A row
    printed left of its header moves every piece; its pieces then do not start at the edges, and
    the item is left as read (its cells not read)."""
    columns = draft.columns
    if columns is None:
        return
    bound = columns.edges[0] - DEFAULT_MAX_SHIFT - DEFAULT_EDGE_TOLERANCE
    left = [r for r in draft.runs if not r.crossing and r.start < bound]
    if not left:
        return
    label = _label_runs(left)
    rest = [r for r in draft.runs if all(r is not run for run in label)]
    if not label or len(label) != len(left) or not rest:
        return
    if not all(
        min(abs(r.start - e) for e in columns.edges) <= DEFAULT_EDGE_TOLERANCE for r in rest if not r.crossing
    ):
        return
    runs = draft.runs
    draft.runs = rest
    shift, doubt = placed_shift(draft, columns)
    if shift is None or doubt or abs(shift) > DEFAULT_EDGE_TOLERANCE:
        draft.runs = runs


def _label_runs(runs: list[CellRun]) -> list[CellRun]:
    """The runs, where they are one chart label: one a line, one under the other a line or two
    apart, starting within a run's tolerance of the first, and their words together naming a
    facility; else none."""
    lines = [r.line.span.line_start or 0 for r in runs]
    if len(set(lines)) != len(runs) or any(b - a > DEFAULT_LABEL_LINES for a, b in itertools.pairwise(lines)):
        return []
    if any(abs(r.start - runs[0].start) > DEFAULT_EDGE_TOLERANCE for r in runs):
        return []
    return runs if is_facility_name("".join(w.text for r in runs for w in r.words)) else []


def _full_width(drafts: list[ItemDraft]) -> float:
    """How wide a full line of the 取組内容 column prints: its widest line without a space."""
    texts = [joined(words) for d in drafts for _, words in d.content]
    return max((display_width(t) for t in texts if " " not in t), default=0) or float("inf")


def _content_kept(words: list[Word], full: float, kept: int) -> int:
    """How many of a line's words are 取組内容 where a period piece is glued after its full line
    (`glued_piece`, which takes the last word): the fewest that fill the column, so that every
    piece glued after the full line is taken (`…訪 医療機関への協力 )開催`, two cells' words)."""
    for count in range(1, kept):
        if display_width(joined(words[:count]).replace(" ", "")) >= full - DEFAULT_FILL_SLACK:
            return count
    return kept


def _wide(char: str) -> bool:
    """A full-width character: pdftotext sets a space between two of them only where the page
    leaves a gap (it sets one around half-width digits wherever they print: `（24 回）`). A symbol
    of ambiguous width that the Japanese character set holds (`※`, `◆`, `①`) prints full-width,
    as the kanji beside it (`line_width`)."""
    return line_width(char) == 2


def _chart_label(run: CellRun, content: list[Word], columns: ItemColumns | None) -> bool:
    """Whether a run is a label of an org chart drawn in the 取組内容, not a period cell's piece:
    its line's 取組内容 words are set apart by wider gaps than a space (the chart's labels), and
    the run names a facility and starts further left of the first period column's edge than an
    item's cells print off the header (`ＡＢ医院   ＣＤクリニック      ＥＦ医院`, the last one
    reaching under the period columns' region)."""
    return (
        columns is not None
        and not run.crossing
        and run.start < columns.edges[0] - DEFAULT_MAX_SHIFT - DEFAULT_EDGE_TOLERANCE
        and len(content) > 1
        and any(b.col - (a.col + len(a.text)) > 1 for a, b in itertools.pairwise(content))
        and is_facility_name(joined(run.words))
    )


def _set_apart(before: str, piece: str) -> bool:
    """Whether a piece glued after a full 取組内容 line is set apart from the line's last word by
    a gap on the page, not by the space pdftotext sets around half-width digits wherever they
    print: one space between two full-width characters, or before a list marker (each bullet of
    the 取組内容 opens a line of its own, so a marked piece after a line's words is no part of it:
    `…図っていきます。 *未定`), or before a whole count printed without a space between its
    half-width number and its unit (`…グループ 1回`, `…密にして 2件`): where pdftotext sets no space
    there, it sets none before the number either, so the space is a gap (and a count alone is an
    entry of a period cell)."""
    first = piece.split(" ")[0]
    return (
        first[:1] in MARKERS
        or (_wide(before[-1]) and _wide(first[0]))
        or (_wide(before[-1]) and _unspaced_count(piece))
    )


def _unspaced_count(piece: str) -> bool:
    """A whole count (`pdf_page.WHOLE_COUNT`) whose half-width number runs into its unit, no
    space between (`1回`, `24回/年`)."""
    return piece[:1].isascii() and " " not in piece and WHOLE_COUNT.match(piece) is not None


def _glued_cells(words: list[Word], widths: dict[int, int], count: int) -> list[list[Word]] | None:
    """A piece glued after a full 取組内容 line, parted into the period cells it holds: a piece
    wider than the first period column's room holds the next column's words too, one space after
    a line that fills the first column's room (`医療機関への協力依 ネットワーク会議`). It is parted
    where exactly one split leaves each part but the last filling its column's room and the last
    fitting its own (`cell_splits`), no part right of the last column, and each part set apart
    from the one before by a gap on the page (`_set_apart`: not the space pdftotext sets around
    half-width digits inside a cell's line); else it is left whole (and, wider than its room, its
    cells are not read). A piece that fits the room whole yet parts so too is one cell's line or
    two cells' alike: None."""
    splits = [
        split
        for split in cell_splits(words, 0, widths)
        if len(split) <= count
        and all(_set_apart(a[-1].text, joined(b)) for a, b in itertools.pairwise(split))
    ]
    if within_room(line_width(joined(words)), 0, widths):
        return None if splits else [words]
    return splits[0] if len(splits) == 1 else [words]


def _wraps_on(line: Block, words: list[Word], piece: str, rest: list[tuple[Block, list[Word]]]) -> bool:
    """Whether a piece glued after a full 取組内容 line is half-width text the line wraps on with:
    letters and digits only (`1`, `2022`, `IC`), one space after a full-width character (the
    space pdftotext sets around half-width text wherever it prints), and the content's next line,
    printed right below, goes on with it (no list marker opens it: `令和 2 年 1` | `1 月に…`,
    `…における IC` | `T の活用…`). A period cell's line is hardly ever letters and digits alone,
    so the piece is the content's; whether the first period cell has a piece on the line is not
    known."""
    if not (piece.isascii() and piece.isalnum() and _wide(words[-2].text[-1])) or not rest:
        return False
    below, after = rest[0]
    right_below = (below.span.line_start or 0) == (line.span.line_start or 0) + 1
    return right_below and after[0].text[:1] not in MARKERS


def _marked_after_a_sentence(words: list[Word]) -> int | None:
    """Where a line of an item's 取組内容 holds a list entry (or a note) one space after a
    sentence's end (`…事例を報告しました。 ※定期的（1回/3箇月）`): the index of its first word,
    else None. Each bullet of the 取組内容 opens a line of its own, and pdftotext sets no space
    between two full-width characters printed side by side, so the entry is printed apart, a
    period cell's."""
    for index, (a, b) in enumerate(itertools.pairwise(words), 1):
        marked = b.text[:1] in MARKERS or b.text.startswith(NOTE_MARK)
        if marked and a.text.endswith("。") and b.col == a.col + len(a.text) + 1:
            return index
    return None


def _reached(last: Word, columns: ItemColumns | None) -> set[int]:
    """The period columns whose left edge a line's words reach to with their last word, as far
    left as an item's cells may print off the header (none where the columns are not known)."""
    end = last.col + len(last.text)
    edges = columns.edges if columns is not None else []
    return {k for k, edge in enumerate(edges) if edge - DEFAULT_MAX_SHIFT <= end}


def _gapped(content: list[tuple[Block, list[Word]]]) -> bool:
    """Whether a line of an item's 取組内容 holds words after a wider gap than a space: a period
    cell's piece printed near the content, taken for it, so the first period column's lines
    are not all known."""
    return any(
        b.col - (a.col + len(a.text)) > 1 for _, words in content for a, b in itertools.pairwise(words)
    )


def _chart_left_of(words: list[Word], pieces: list[tuple[Block, list[Word]]]) -> bool:
    """Whether a line of an item's 取組内容 whose words are set apart by wide gaps is an org chart's
    labels drawn in the content, wholly left of where the pieces glued after its full lines start
    (`…確保 ポスター掲示は準備`): each part set apart names a facility (`なるしま医院   たんぽぽ
    診療所`), and its last word ends further left of every glued piece's start than pdftotext
    prints a piece left of its column's place. A piece of the first period column printed on the
    line would start no further left (`DEFAULT_PUSH`), so the line holds none: it is no period
    piece taken for content (`_gapped`)."""
    if not pieces:
        return False
    start = min(glued[0].col for _, glued in pieces)
    end = words[-1].col + len(words[-1].text)
    return end < start - DEFAULT_PUSH and all(is_facility_name(part) for part in _gap_parts(words))


def _first_cells_lines(pieces: list[tuple[Block, list[Word]]], widths: dict[int, int]) -> bool:
    """Whether the pieces glued after full lines of an item's 取組内容 are lines of its first
    period column's cell: pdftotext prints a piece one space after another line's words only
    where the gap between them on the page is small, so a piece glued after a line that fills
    the 取組内容 column is the next column's, the first period column's, unless it is no line of
    one of its cells (wider than its room: two cells' words; a piece of one word holds no space,
    so however wide, it is one cell's line where the room is known: `◆多職種連携研修会（0`) or too
    short to tell from the rest of a 取組内容 line (`FA`, `分`)."""
    return all(
        line_width(joined(words)) >= DEFAULT_GLUED_MIN_WIDTH
        and (within_room(line_width(joined(words)), 0, widths) or (len(words) == 1 and room_known(0, widths)))
        for _, words in pieces
    )


class CellLines(NamedTuple):
    """A period cell read: its header as printed, its printed lines, where, its column's widest line."""

    label: str
    lines: list[str]
    span: Span
    width: int


def _item_row(
    draft: ItemDraft,
    content_col: int,
    full: float = float("inf"),
    widths: dict[int, int] | None = None,
    shown: dict[tuple[int, ...], dict[int, int]] | None = None,
) -> tuple[ItemRow, list[CellLines], list[Finding]]:
    """The item's title, content and drawn labels, its period cells read (the caller joins each
    cell's lines into paragraphs, knowing every cell's first line) and the findings."""
    title_lines = [text for _, text in draft.title]
    title = TextAt("\n".join(title_lines), span_of([line for line, _ in draft.title]))
    columns = draft.columns
    shift = (placed_shift(draft, columns)[0] or 0) if columns is not None else 0
    starts = {r.start for r in draft.runs if not r.crossing}
    for run in draft.runs:  # the rest of a content run short of the first period column
        if (
            run.crossing
            and columns is not None
            and run.start < columns.edges[0] + shift - DEFAULT_EDGE_TOLERANCE
        ):
            # up to a word printed where the item's cell pieces start: that is a cell's piece
            words = next(w for line, w in draft.content if line is run.line)
            words += split_at_starts([run], starts)[0].words
    glued: list[Block] = []
    pieces: list[tuple[Block, list[Word]]] = []  # the glued pieces
    later: list[tuple[Block, list[list[Word]]]] = []  # a glued piece's next columns' cells
    stuck = {0}  # the period columns whose words a glued piece may hold
    apart = True  # whether each glued piece is one space from full-width text on either side
    count = len(columns.edges) if columns is not None else len(draft.labels)
    marked: list[Block] = []  # lines holding a marked entry one space after a sentence
    marked_stuck = {0}  # the period columns whose words those entries may hold
    for index, (line, words) in enumerate(draft.content):
        piece = glued_piece(joined(words), full)
        cut = None if piece else _marked_after_a_sentence(words)
        if cut:  # not after a full line: that is a glued piece's (below)
            draft.content[index] = (line, words[:cut])
            held_words = {id(word) for run in draft.runs for word in run.words}
            if any(id(word) not in held_words for word in words[cut:]):
                # no run of the period columns holds it (else its cell is read with it or not)
                marked.append(line)
                marked_stuck |= _reached(words[-1], columns)
            continue
        whole = len(words) - 1  # the words before a piece of one word
        if (
            piece
            and len(words) > 1
            and _content_kept(words, full, whole) == whole
            and _wraps_on(line, words, piece, draft.content[index + 1 :])
        ):
            # half-width text the next line goes on with: the content's own, whose first cell
            # may still hold a piece there (`…会を 1` | `2 月 21 日`, never `2 月 21 日` alone)
            glued.append(line)
            apart = False
            continue
        if piece and len(words) > 1:  # a period piece one space after a full line of content
            kept = _content_kept(words, full, len(words) - len(piece.split(" ")))
            draft.content[index] = (line, words[:kept])
            glued.append(line)
            parts = _glued_cells(words[kept:], draft.widths, count)
            if parts is None:  # one cell's line or two cells' alike: neither is certain
                parts, apart, stuck = [words[kept:]], False, stuck | {1}
            pieces.append((line, parts[0]))
            if len(parts) > 1:  # its columns' cells are not read where the glued pieces are not
                later.append((line, parts[1:]))
                stuck |= set(range(len(parts)))
            apart = apart and _set_apart(words[kept - 1].text, joined(parts[0]))
            stuck |= held(line_width(joined(parts[0])), 0, draft.widths, len(draft.labels))
    if (
        draft.columns is not None
        and apart
        and not _gapped([c for c in draft.content if not _chart_left_of(c[1], pieces)])
        and _first_cells_lines(pieces, draft.widths)
    ):
        glued = []  # read as the first period column's lines
    bullets, drawn = [], []
    chart = False  # whether the lines read are an org chart's, drawn under the bullets
    for line, words in draft.content:
        text = line.text[words[0].col : words[-1].col + len(words[-1].text)]
        chart = _chart_line(words, content_col, chart)
        if chart or (words[0].col >= content_col + DEFAULT_DRAWN_INDENT and is_drawn_label(text)):
            drawn.append(TextAt(text.strip(), line.span))
        else:
            bullets.append(Block(kind="line", span=line.span, text=text))
    content = TextAt(content_text(bullets), span_of(bullets))
    findings: list[Finding] = []
    if glued:
        what = "a piece printed one space after a full line"
        findings.append(_no_certain_cell(draft.number, what, stuck, glued))
    if marked:
        what = "a list entry printed one space after a sentence"
        findings.append(_no_certain_cell(draft.number, what, marked_stuck, marked))
    if draft.columns is None:
        if draft.runs:
            span = span_of([r.line for r in draft.runs])
            detail = f"取組{draft.number}: {draft.why}: its 現状/目標/実績 cells not read"
            findings.append(Finding("status_cell_unread", detail, span))
        return ItemRow(draft.number, title, content, (), tuple(drawn)), [], findings
    # pieces glued after full lines read as the first column's: their content runs' rests are no
    # doubt about that column
    taken = {id(line): words[0].col for line, words in pieces} if pieces and not glued else {}
    cells, unread, reason = period_cells(draft, draft.columns, taken)
    reasons = dict.fromkeys(unread, reason)
    starts_shown = (shown or {}).get(tuple(draft.columns.edges), {})
    for column in _placed_apart_from_centred(draft.columns, cells, shift, starts_shown) - unread:
        unread.add(column)
        reasons[column] = (
            "its header's period words may stand centred over their columns, and a piece placed "
            "so falls under another period than by the header's edges"
        )
    for column in _among_chart_labels(draft, cells) - unread:
        unread.add(column)
        reasons[column] = (
            "a piece printed among the labels of the chart drawn in its 取組内容 reads as one of them"
        )
    if pieces and not glued:
        order = {id(line): index for index, line in enumerate(draft.lines)}
        cells[0], tangled = _with_glued(cells[0], pieces)
        cells[0].sort(key=lambda piece: order[id(piece[0])])
        for line, parts in later:
            # the line's pieces printed after the glued cells go to columns right of theirs
            if any(at is line for k in range(1, len(parts) + 1) for at, _ in cells[k]):
                tangled = True
            for k, part in enumerate(parts, 1):
                cells[k] = sorted(cells[k] + [(line, part)], key=lambda piece: order[id(piece[0])])
        if tangled:
            unread |= {0} | {k for _, parts in later for k in range(len(parts) + 1)}
            reasons[0] = (
                "a piece printed one space after a full line of its 取組内容 shares its line with "
                "another piece of the first period column, apart from it"
            )
    for beside, held_columns in ((glued, stuck), (marked, marked_stuck)):
        if beside:  # reported above, but for the columns not read for a reason of their own
            for column in held_columns - (unread - {0}):
                cells[column] = []
            unread |= held_columns
    status: list[CellLines] = []
    for index, (label, cell) in enumerate(zip(draft.columns.labels, cells, strict=True)):
        if period_of_header(label) is None:
            continue
        if index in unread:
            if cell:
                detail = f"取組{draft.number}: {reasons.get(index, reason)}: its {label[:4]} cell not read"
                findings.append(Finding("status_cell_unread", detail, span_of([line for line, _ in cell])))
            continue
        width = (widths or {}).get(index, 0)
        lines = [joined(words) for _, words in cell]
        status.append(CellLines(label, lines, span_of([line for line, _ in cell]), width))
    return ItemRow(draft.number, title, content, (), tuple(drawn)), status, findings


def _no_certain_cell(number: int, what: str, stuck: set[int], lines: list[Block]) -> Finding:
    """The finding for the period columns not read as a piece printed beside the 取組内容 may be
    any of theirs."""
    which = "first period cell" if stuck == {0} else f"first {len(stuck)} period cells"
    detail = f"取組{number}: {what} of its 取組内容 belongs to no certain cell: its {which} not read"
    return Finding("status_cell_unread", detail, span_of(lines))


def _placed_apart_from_centred(
    columns: ItemColumns, cells: list[list[tuple[Block, list[Word]]]], shift: int, shown: dict[int, int]
) -> set[int]:
    """The period columns holding a piece that the edges of a header whose words may stand
    centred over their columns (`ItemColumns.centred`) place in another column: the header tells
    the piece's column in two ways (`…の構築` at 65: 計画 by `計画`'s own start at 61, 実績 by its
    column starting 57 as `現状`'s parenthesis shows), so neither is certain, unless an item
    under the same header shows every column (`_columns_shown`) with a piece starting where this
    one does, in the column it is placed in."""
    if columns.centred is None:
        return set()
    centred = columns.centred
    out = set()
    for column, cell in enumerate(cells):
        for _, words in cell:
            start = words[0].col
            near = {k for at, k in shown.items() if abs(at - start) <= DEFAULT_EDGE_TOLERANCE}
            if near:
                if near != {column}:
                    out.add(column)
                continue
            if min(range(len(centred)), key=lambda k: abs(centred[k] - start + shift)) != column:
                out.add(column)
    return out


def _columns_shown(drafts: list[ItemDraft]) -> dict[tuple[int, ...], dict[int, int]]:
    """Per header whose words may stand centred over their columns (by its edges): where the
    pieces of an item under it start that shows every period column, its pieces' starts falling
    into as many groups as the header has columns, each a column or two apart at most, in order
    (`47 | 63 | 74`): start -> the column it shows."""
    out: dict[tuple[int, ...], dict[int, int]] = {}
    for draft in drafts:
        if draft.columns is None or draft.columns.centred is None:
            continue
        starts = {r.start for r in draft.runs if not r.crossing}
        groups = places(list(starts))  # each group's first start
        if len(groups) == len(draft.columns.edges):
            shown = out.setdefault(tuple(draft.columns.edges), {})
            shown.update(
                {start: max(k for k, first in enumerate(groups) if first <= start) for start in starts}
            )
    return out


def _with_glued(
    cell: list[tuple[Block, list[Word]]], pieces: list[tuple[Block, list[Word]]]
) -> tuple[list[tuple[Block, list[Word]]], bool]:
    """The first period column's pieces with those glued after full 取組内容 lines, and whether a
    line holds two of its pieces apart. A glued piece whose line also went on past the content's
    region (`…していき ◆月 2 回程度開催`: `2 回程度開催` read as a run of the column) is one line of
    the cell with the piece that follows it one space after: they are joined. Two pieces of one
    line otherwise tell no order of the cell's lines."""
    out = list(cell)
    tangled = False
    for line, words in pieces:
        same = [index for index, (at, _) in enumerate(out) if at is line]
        if not same:
            out.append((line, words))
            continue
        rest = out[same[0]][1]
        end = words[-1].col + len(words[-1].text)
        if len(same) == 1 and rest[0].col == end + 1:
            out[same[0]] = (line, [*words, *rest])
        else:
            tangled = True
    return out, tangled


def _chart_line(words: list[Word], content_col: int, chart: bool) -> bool:
    """Whether a line of an item's 取組内容 is a line of an org chart drawn under its bullets: its
    words set apart by wide gaps (boxes side by side), one of them naming a facility
    (`印南こどもクリニッ      久慈こどもクリニッ   なるしま外科内科医`), printed right of the column's
    start; or, right after such a line, a line printed so (the boxes' labels wrapped: `ク   ク
    院`), or a facility name alone. A bullet's line opens with a list marker or at the column's
    start, and holds no wide gap; a line that ends a sentence is no label."""
    if words[0].col <= content_col or words[0].text[:1] in MARKERS or words[-1].text.endswith("。"):
        return False
    parts = _gap_parts(words)
    if len(parts) > 1 and any(is_facility_name(part) for part in parts):
        return True
    return chart and (len(parts) > 1 or all(is_facility_name(part) for part in parts))


def _gap_parts(words: list[Word]) -> list[str]:
    """A line's words, joined where they print one space apart, parted at wider gaps."""
    parts = [words[0].text]
    for a, b in itertools.pairwise(words):
        if b.col - (a.col + len(a.text)) > 1:
            parts.append(b.text)
        else:
            parts[-1] += " " + b.text
    return parts


def _among_chart_labels(draft: ItemDraft, cells: list[list[tuple[Block, list[Word]]]]) -> set[int]:
    """The period columns whose cell reads, from a piece printed on a line of an org chart drawn in
    the 取組内容 (a line whose content part holds words set apart by a wider gap than a space) on,
    as a facility name: the chart prints its labels apart on its lines, a label wrapped over its
    lines (`なるしま外科内科医` | `院`), and one printed under a period column's header reads as
    that column's cell. Whether the cell holds a label or is a cell naming a facility cannot be
    told."""
    chart = {id(line) for line, words in draft.content if _gapped([(line, words)])}
    out = set()
    for column, cell in enumerate(cells):
        for index, (line, _) in enumerate(cell):
            if id(line) in chart and _opens_with_a_facility(_label_from(cell[index:])):
                out.add(column)
    return out


def _opens_with_a_facility(label: str) -> bool:
    """Whether a chart label's text names a facility, or opens with a facility's name and its own
    name after it (`訪問看護ス` | `テーション` | `そよかぜ`, wrapped in its box)."""
    return any(is_facility_name(label[:end]) for end in range(len(label), 0, -1))


def _label_from(pieces: list[tuple[Block, list[Word]]]) -> str:
    """A chart label's text from its first piece on: the pieces of its column on the lines right
    below, a line or two apart (the chart's lines print with blank lines or other labels between)."""
    text, last = "", None
    for line, words in pieces:
        number = line.span.line_start or 0
        if last is not None and number - last > DEFAULT_LABEL_LINES:
            break
        text, last = text + "".join(w.text for w in words), number
    return text


def _cell_widths(drafts: list[ItemDraft]) -> dict[int, int]:
    """How wide each period column's cells print: the widest line read in it, over every item
    (the cells of a column wrap at one width)."""
    widths: dict[int, int] = {}
    for _, index, _, words, read in placed_lines(drafts):
        if read:
            widths[index] = max(widths.get(index, 0), line_width(joined(words)))
    return widths
