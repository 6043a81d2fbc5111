"""Default mode: a 別添1 page whose rows print column by column. pdftotext without -layout may print
a page's names one after another, then their addresses, then their phone numbers (each column a
flow of its own). Rows are rebuilt from such runs only where it is certain: as many names as
addresses as phone numbers, each run whole (the entry before the names is none, the one after the
phones no phone), every phone number whole and no address in doubt. A name wrapped over two lines,
an address over two address-like lines or a row without a phone makes the counts disagree, and the
rows are left to the reading in print order (which does not read them).
"""

from __future__ import annotations

from pipeline.locate.layout_member_parts import Entry, MemberRow

MIN_RUN_ROWS = 2  # one name, then its address and phone, is a row printed in order, not a run
RUN_KINDS = ("name", "address", "phone")


def attach_column_runs(rows: list[MemberRow], entries: list[Entry]) -> set[int]:
    """Gives the rows of each certain run their address and phone; returns the ids of the entries
    so attached (the reading in print order leaves them alone)."""
    by_name = {id(row.name): row for row in rows}
    attached: set[int] = set()
    start = 0
    while start < len(entries):
        count = _run_rows(entries, start)
        if count is None:
            start += 1
            continue
        names = entries[start : start + count]
        addresses = entries[start + count : start + 2 * count]
        phones = entries[start + 2 * count : start + 3 * count]
        for name, address, phone in zip(names, addresses, phones, strict=True):
            row = by_name[id(name)]
            row.address, row.phone = address, phone
            name.doubt = None  # the counts tell each name a row of its own, never another's rest
            attached |= {id(address), id(phone)}
        start += 3 * count
    return attached


def _run_rows(entries: list[Entry], start: int) -> int | None:
    """The count of rows of the run of names opening at `start`, where the run is certain."""
    if entries[start].kind != "name" or (start > 0 and entries[start - 1].kind == "name"):
        return None
    count = 0
    while start + count < len(entries) and entries[start + count].kind == "name":
        count += 1
    if count < MIN_RUN_ROWS:
        return None
    runs = [entries[start + i * count : start + (i + 1) * count] for i in range(len(RUN_KINDS))]
    for kind, run in zip(RUN_KINDS, runs, strict=True):
        if len(run) != count or any(entry.kind != kind for entry in run):
            return None
    after = start + 3 * count
    if after < len(entries) and entries[after].kind == "phone":
        return None  # more phone numbers than names: a row's cells are not all in the runs
    if any(entry.doubt is not None for entry in runs[1] + runs[2]):
        return None
    if not all(phone.complete() for phone in runs[2]):
        return None
    return count
