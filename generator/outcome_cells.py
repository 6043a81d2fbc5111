"""How the figures of one 取組効果 cell are printed: `73名`, `合計回数:1,234回(うち往診:234回、
訪問診療:1,000回)`, `死亡患者数: 0名(うち医療機関以外: 名)`, `▲3件`; blank template cells keep
their unit (`名`, `合計回数: 回(うち往診: 回、訪問診療: 回)`) and are never a 0."""

from __future__ import annotations

import random
from dataclasses import dataclass

from generator.printing import full_width_digits, print_number
from generator.truth import Figure, FigureCell

COMMA_RATE = 0.8
NEGATIVE_SIGNS = ("▲", "-", "−", "△")


@dataclass(frozen=True)
class CellStyle:
    """One writer's habits for figure cells, fixed for a report."""

    digits: str  # half, full, mixed
    colon: str  # ":" or "："
    parens: tuple[str, str]  # "(", ")" or "（", "）"
    pad: str  # "" or " " or "  ": spaces printed after a colon
    unit_space: bool  # `7 回`
    small_breakdown: bool  # seed 000: the breakdown on its own line in <small>


def cell_style(rng: random.Random, digits: str) -> CellStyle:
    full = rng.random() < 0.3
    return CellStyle(
        digits=digits,
        colon="：" if full else ":",
        parens=("（", "）") if full else ("(", ")"),
        pad=rng.choice(("", "", " ", "  ")),
        unit_space=rng.random() < 0.15,
        small_breakdown=False,
    )


def number_text(value: int | None, style: CellStyle, rng: random.Random) -> str:
    """A figure as typed ("" for a blank one): commas on large numbers, full-width digits."""
    if value is None:
        return rng.choice(("", " ", "  "))
    text = print_number(abs(value), commas=rng.random() < COMMA_RATE)
    if style.digits == "full" or (style.digits == "mixed" and rng.random() < 0.5):
        text = full_width_digits(text).replace(",", "，")
    if value < 0:
        text = rng.choice(NEGATIVE_SIGNS) + text
    return text


def _figure(value: int | None, unit: str, style: CellStyle, rng: random.Random) -> str:
    number = number_text(value, style, rng)
    space = " " if style.unit_space and value is not None else ""
    return f"{number}{space}{unit}"


def _figures(pairs: list[tuple[str, int | None, str]]) -> tuple[Figure, ...]:
    return tuple(Figure(metric, value, unit) for metric, value, unit in pairs if value is not None)


def simple_cell(
    metric: str, value: int | None, unit: str, style: CellStyle, rng: random.Random
) -> FigureCell:
    """Sections 1 and 4: `73名`, `  1名`, `6件`, `▲3件`; blank: `名`."""
    lead = rng.choice(("", "", "  ")) if value is not None else ""
    return FigureCell(lead + _figure(value, unit, style, rng), _figures([(metric, value, unit)]))


def visits_cell(
    total: int | None, on_call: int | None, scheduled: int | None, style: CellStyle, rng: random.Random
) -> FigureCell:
    c, (o, e), pad = style.colon, style.parens, style.pad
    head = f"合計回数{c}{pad}{_figure(total, '回', style, rng)}"
    tail = (
        f"{o}うち往診{c}{pad}{_figure(on_call, '回', style, rng)}、"
        f"訪問診療{c}{pad}{_figure(scheduled, '回', style, rng)}{e}"
    )
    printed = f"{head}\n<small>{tail}</small>" if style.small_breakdown else head + tail
    pairs = [
        ("visits", total, "回"),
        ("visits_on_call", on_call, "回"),
        ("visits_scheduled", scheduled, "回"),
    ]
    return FigureCell(printed, _figures(pairs))


def deaths_cell(deaths: int | None, outside: int | None, style: CellStyle, rng: random.Random) -> FigureCell:
    c, (o, e), pad = style.colon, style.parens, style.pad
    printed = (
        f"死亡患者数{c}{pad}{_figure(deaths, '名', style, rng)}"
        f"{o}うち医療機関以外{c}{pad}{_figure(outside, '名', style, rng)}{e}"
    )
    return FigureCell(
        printed, _figures([("deaths", deaths, "名"), ("deaths_outside_hospital", outside, "名")])
    )
