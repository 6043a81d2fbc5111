"""Mutations of report files, as archives damage them: rows printed in another order, lines lost,
other encodings and line breaks, damaged bytes, control characters, files cut short. Each
mutation keeps the truth of what it leaves readable (a swapped row keeps its cells; no encoding
that cannot hold a character is used), so the records of a mutant must still agree with the gold
of the original: fewer of them, never different ones. Deterministic given the `random.Random`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

HEADER_WORDS = (
    "取組事項",
    "所在地",
    "現 状",
    "現状",
    "実 績",
    "実績",
    "取組目標",
    "計 画",
    "計画",
    "|---",
    "| ---",
)
ENCODINGS = ("utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp932", "euc-jp")
LINE_BREAKS = ("\r\n", "\r", "\x85", "\u2028")
CONTROLS = ("\x00", "\x0b", "\x0c", "\x1c", "\x1e", "\x7f", "\ufeff", "\u2028")


@dataclass(frozen=True)
class Mutant:
    kind: str
    detail: str
    data: bytes


def _is_table_row(line: str) -> bool:
    return ("\t" in line or line.lstrip().startswith("|")) and not any(w in line for w in HEADER_WORDS)


def swap_rows(text: str, rng: random.Random) -> Mutant | None:
    """Two neighbouring data rows of a table swapped (tab- or pipe-separated renditions)."""
    lines = text.split("\n")
    pairs = [i for i in range(len(lines) - 1) if _is_table_row(lines[i]) and _is_table_row(lines[i + 1])]
    if not pairs:
        return None
    i = rng.choice(pairs)
    lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return Mutant("swapped_rows", f"lines {i + 1} and {i + 2}", "\n".join(lines).encode("utf-8"))


def delete_line(text: str, rng: random.Random) -> Mutant | None:
    lines = text.split("\n")
    printed = [i for i, line in enumerate(lines) if line.strip()]
    i = rng.choice(printed)
    del lines[i]
    return Mutant("deleted_line", f"line {i + 1}", "\n".join(lines).encode("utf-8"))


def reencode(text: str, rng: random.Random) -> Mutant | None:
    """Another encoding that holds every character, or another line-break convention."""
    if rng.random() < 0.3:
        line_break = rng.choice(LINE_BREAKS)
        return Mutant("line_breaks", repr(line_break), text.replace("\n", line_break).encode("utf-8"))
    for encoding in rng.sample(ENCODINGS, len(ENCODINGS)):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        if data.decode(encoding).lstrip("\ufeff") == text:  # CP932 reads 〜 (U+301C) back as ～
            return Mutant("reencoded", encoding, data)
    return None


def damage_bytes(text: str, rng: random.Random) -> Mutant | None:
    data = bytearray(text.encode("utf-8"))
    spots = sorted(rng.sample(range(len(data)), rng.randint(1, 3)))
    for spot in spots:
        data[spot] = rng.randint(0x80, 0xFF)
    return Mutant("damaged_bytes", f"bytes {spots}", bytes(data))


def insert_controls(text: str, rng: random.Random) -> Mutant | None:
    chars = list(text)
    spots = sorted(rng.sample(range(len(chars)), rng.randint(1, 5)), reverse=True)
    inserted = []
    for spot in spots:
        control = rng.choice(CONTROLS)
        chars.insert(spot, control)
        inserted.append((spot, f"U+{ord(control):04X}"))
    return Mutant("control_characters", str(inserted), "".join(chars).encode("utf-8"))


def truncate(text: str, rng: random.Random) -> Mutant | None:
    data = text.encode("utf-8")
    cut = rng.randint(len(data) // 3, len(data) - 1)
    return Mutant("truncated", f"at byte {cut} of {len(data)}", data[:cut])


TEXT_MUTATIONS: tuple[Callable[[str, random.Random], Mutant | None], ...] = (
    swap_rows,
    delete_line,
    reencode,
    damage_bytes,
    insert_controls,
    truncate,
)


def pdf_mutants(data: bytes, rng: random.Random) -> list[Mutant]:
    """A PDF cut short, with damaged bytes, with bytes appended after its end."""
    cut = rng.randint(len(data) // 2, len(data) - 1)
    damaged = bytearray(data)
    spots = sorted(rng.sample(range(len(data) // 10, len(data)), 3))
    for spot in spots:
        damaged[spot] = rng.randint(0, 0xFF)
    tail = bytes(rng.randint(0, 0xFF) for _ in range(rng.randint(10, 4000)))
    return [
        Mutant("truncated", f"at byte {cut} of {len(data)}", data[:cut]),
        Mutant("damaged_bytes", f"bytes {spots}", bytes(damaged)),
        Mutant("appended_bytes", f"{len(tail)} bytes", data + tail),
    ]
