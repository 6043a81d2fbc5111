"""`python -m bench.facilities`: the cost of the facility-linking stage on an invented archive of
realistic size (years x groups x members, each group's outcome institutions), run as every
extract run runs it: over all documents, with the last run's ids as history.

Invented rows: each body keeps its phone across years; every other year prints its name in
another way (corporation dropped, half-width, 異体字). Prints rows, facilities, links by rule
and seconds (the machine is shared: the seconds are indicative only).
"""

from __future__ import annotations

import random
import time
from collections import Counter

from pipeline.link import link_facilities
from pipeline.link.history import history_of_matches
from tests.link.factory import Row, report

DEFAULT_YEARS = 5
DEFAULT_GROUPS = 120
DEFAULT_MEMBERS = 10
DEFAULT_SEED = 13
TOWNS = ["水戸市", "つくば市", "土浦市", "古河市", "日立市", "取手市", "牛久市", "笠間市", "阿見町", "守谷市"]
KANJI = "山川田中村松本井上木林森石原高﨑竜桜青葉"
TAILS = ["クリニック", "内科医院", "皮膚科クリニック", "病院", "訪問看護ステーション", "こどもクリニック"]


def _head(n: int) -> str:
    """Four kanji; two bodies' heads differ in two places at least (a, b, c, a+b+c), as real names
    of one town mostly do: one kanji apart is the exception the checks are for, not the rule."""
    size = len(KANJI)
    a, b, c = n // size // size % size, n // size % size, n % size
    return KANJI[a] + KANJI[b] + KANJI[c] + KANJI[(a + b + c) % size]


def _bodies(rng: random.Random, groups: int, members: int) -> list[list[Row]]:
    out = []
    for g in range(groups):
        town_no = g % len(TOWNS)
        town = TOWNS[town_no]
        rows = [Row(f"{town[:-1]}医師会", town, f"029-{100 + town_no:03d}-0000")]  # one per town
        for m in range(members - 1):
            name = f"{_head(g * members + m)}{rng.choice(TAILS)}"
            rows.append(
                Row(f"医療法人 {name}" if m % 3 == 0 else name, town, f"029-{200 + g:03d}-{1000 + m:04d}")
            )
        out.append(rows)
    return out


def _printed(row: Row, year: int) -> Row:
    if year % 2 == 0:
        return row
    name = (
        row.name.replace("医療法人 ", "")
        .replace("クリニック", "ｸﾘﾆｯｸ")
        .replace("高", "髙")
        .replace("﨑", "崎")
    )
    return Row(name, row.municipality, row.phone)


def main(years: int = DEFAULT_YEARS, groups: int = DEFAULT_GROUPS, members: int = DEFAULT_MEMBERS) -> None:
    rng = random.Random(DEFAULT_SEED)
    bodies = _bodies(rng, groups, members)
    files = [
        report(
            f"{2018 + y}-{g}",
            2018 + y,
            f"グループ{g}",
            members=[_printed(r, y) for r in rows],
            institutions=[r.name.replace("医療法人 ", "") for r in rows[1:4]],
        )
        for y in range(years)
        for g, rows in enumerate(bodies)
    ]
    start = time.perf_counter()
    first = link_facilities(files)
    fresh = time.perf_counter() - start
    start = time.perf_counter()
    again = link_facilities(files, history_of_matches(first.matches))
    with_history = time.perf_counter() - start
    assert again.facility_ids == first.facility_ids
    rules = Counter(m.rule for m in first.matches)
    print(f"{len(files)} reports, {len(first.facility_ids)} rows -> {len(first.facilities)} facilities")
    print(f"rules: {dict(sorted(rules.items()))}; ambiguity checks: {sum(map(len, first.checks.values()))}")
    print(f"seconds: {fresh:.2f} fresh (readings dictionary loaded once), {with_history:.2f} with history")


if __name__ == "__main__":
    main()
