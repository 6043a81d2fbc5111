"""The three 取組 of an invented report: bullets (flat, nested as in seed 001, or without markers)
and the 現状 / 取組目標（計画）/ 実績 cells, with the dates written in them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from generator import datefmt, phrases
from generator.printing import full_width_digits
from generator.truth import Bullet, DateTruth, Written
from generator.vocab import JOBS, PEOPLE

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
FLAT_MARKERS = ("・", "・", "・", "▶", "◆", "■", "○", "●", "①")
DEFAULT_WRONG_WEEKDAY_RATE = 0.04
DEFAULT_IMPOSSIBLE_DAY_RATE = 0.015
DEFAULT_DATED_SENTENCE_RATE = 0.25
DEFAULT_RATIO_SENTENCE_RATE = 0.05
DEFAULT_LONG_BULLET_RATE = 0.2


@dataclass
class Writer:
    """The person filling in one report: the names they mention, how they type digits and dates."""

    rng: random.Random
    fiscal_year: int
    names: dict[str, list[str]]  # f (facility), h (hospital), s (station), a (医師会), m (municipality)
    digits: str  # half, full, mixed
    wrong_weekday_rate: float = DEFAULT_WRONG_WEEKDAY_RATE
    impossible_rate: float = DEFAULT_IMPOSSIBLE_DAY_RATE
    used: set[str] = field(default_factory=set)

    def fill(self, template: str, date: DateTruth | None = None, n: int | None = None) -> Written:
        values = {key: self.rng.choice(options) for key, options in self.names.items()}
        others = [f for f in self.names["f"] if f != values["f"]] or self.names["f"]
        values["f2"] = self.rng.choice(others)
        text = template.format(
            **values, d=date.raw if date else "", n=self.number(n or 0), k=self.rng.randint(2, 4)
        )
        return Written(text, (date,) if date else ())

    def number(self, value: int) -> str:
        full = self.digits == "full" or (self.digits == "mixed" and self.rng.random() < 0.5)
        return full_width_digits(str(value)) if full else str(value)

    def day(self) -> DateTruth:
        roll = self.rng.random()
        if roll < self.impossible_rate:
            return datefmt.impossible_day(self.rng, self.fiscal_year)
        wrong = roll < self.impossible_rate + self.wrong_weekday_rate
        return datefmt.day_mention(self.rng, self.fiscal_year, wrong_weekday=wrong)

    def any_date(self) -> DateTruth:
        kind = self.rng.random()
        if kind < 0.6:
            return self.day()
        if kind < 0.75:
            return datefmt.day_range(self.rng, self.fiscal_year)
        if kind < 0.9:
            return datefmt.month_mention(self.rng, self.fiscal_year, with_year=self.rng.random() < 0.5)
        return datefmt.month_range(self.rng, self.fiscal_year)

    def sentence(self, theme: int) -> Written:
        """A sentence of the theme not used yet in this report (a dated one now and then, rarely
        a ratio such as `2/3`, which is no date)."""
        roll = self.rng.random()
        if roll < DEFAULT_DATED_SENTENCE_RATE:
            return self.fill(self.rng.choice(phrases.DATED_BULLETS[theme]), self.any_date())
        if roll < DEFAULT_DATED_SENTENCE_RATE + DEFAULT_RATIO_SENTENCE_RATE:
            return self.fill(self.rng.choice(phrases.RATIO_BULLETS))
        options = [s for s in phrases.BULLETS[theme] if s not in self.used] or list(phrases.BULLETS[theme])
        chosen = self.rng.choice(options)
        self.used.add(chosen)
        return self.fill(chosen)

    def long_sentence(self, theme: int) -> Written:
        """Usually one sentence; sometimes two or three run together on one line."""
        pieces = [self.sentence(theme)]
        while self.rng.random() < DEFAULT_LONG_BULLET_RATE and len(pieces) < 3:
            pieces.append(self.sentence(theme))
        return Written("".join(p.text for p in pieces), tuple(d for p in pieces for d in p.dates))


def _bullet(marker: str | None, level: int, pieces: list[Written]) -> Bullet:
    return Bullet(marker, level, tuple(p.text for p in pieces), tuple(d for p in pieces for d in p.dates))


def flat_bullets(w: Writer, theme: int, marker: str | None) -> tuple[Bullet, ...]:
    """One list with one marker (circled numbers count up), or no marker at all."""
    bullets = []
    for index in range(w.rng.randint(1, 7)):
        mark = CIRCLED[index] if marker == "①" else marker
        bullets.append(_bullet(mark, 0, [w.long_sentence(theme)]))
    return tuple(bullets)


def outline_bullets(w: Writer, theme: int) -> tuple[Bullet, ...]:
    """Seed 001's outline: ① who coordinates, ② meetings with ▶ details, ③ actions numbered ①…
    (or ⑥… continuing another item's numbers) with ・ details below them.

    Never ④ right after ③: a reader would take it as the next heading, not a sub-item.
    """
    centre = f"{w.rng.choice(w.names['m'])}在宅医療・介護連携支援センター"
    who = f"{centre} {w.rng.choice(JOBS)} {w.rng.choice(PEOPLE)}"
    bullets = [Bullet("①", 0, (phrases.OUTLINE_HEADS[0], who)), Bullet("②", 0, (phrases.OUTLINE_HEADS[1],))]
    for line in w.rng.sample(phrases.MEETING_LINES, w.rng.randint(1, 4)):
        bullets.append(_bullet("▶", 1, [w.fill(line)]))
    bullets.append(Bullet("③", 0, (phrases.OUTLINE_HEADS[2],)))
    start = w.rng.choice((0, 0, 5, 6))
    for offset, event in enumerate(w.rng.sample(phrases.EVENTS, w.rng.randint(1, 4))):
        lines = [w.fill(event)]
        if w.rng.random() < 0.5:
            lines.append(w.fill(w.rng.choice(phrases.EVENT_BODIES)))
        bullets.append(_bullet(CIRCLED[start + offset], 1, lines))
        if w.rng.random() < 0.3:
            for detail in w.rng.sample(phrases.EVENT_DETAILS, w.rng.randint(1, 2)):
                bullets.append(_bullet("・", 2, [w.fill(detail)]))
    return tuple(bullets)


def headed_bullets(w: Writer, theme: int) -> tuple[Bullet, ...]:
    """◆ / ■ headings with ・ details under each."""
    head = w.rng.choice(("◆", "■"))
    bullets = []
    for _ in range(w.rng.randint(1, 3)):
        bullets.append(_bullet(head, 0, [w.fill(w.rng.choice(phrases.EVENTS))]))
        for _ in range(w.rng.randint(1, 3)):
            bullets.append(_bullet("・", 1, [w.sentence(theme)]))
    return tuple(bullets)


def item_bullets(w: Writer, theme: int, style: str, marker: str | None) -> tuple[Bullet, ...]:
    if style == "outline":
        return outline_bullets(w, theme)
    if style == "headed":
        return headed_bullets(w, theme)
    return flat_bullets(w, theme, marker)
