"""`make_truth(seed, form)`: one invented report, the same for the same seed and form."""

from __future__ import annotations

import random

from generator import vocab, wording
from generator.invent_group import Body, group_name, invent_body, medical_association, member_list
from generator.invent_items import FLAT_MARKERS, Writer, item_bullets
from generator.invent_outcomes import group_total_sections, outcome_plan, per_institution_sections
from generator.invent_status import status_cells
from generator.outcome_cells import cell_style
from generator.printing import fiscal_year_label
from generator.truth import Item, OutcomeSection, ReportTruth

DEFAULT_MEMBER_LIST_RATE = 0.55
DEFAULT_CHART_RATE = 0.25
DEFAULT_UNMARKED_RATE = 0.15


def _bodies(rng: random.Random) -> tuple[list[Body], list[tuple[str, Body]], vocab.Municipality]:
    """The clinics that report figures (1-10) and the group's member list (1-15 bodies)."""
    home = rng.choice(vocab.MUNICIPALITIES)
    near = [m for m in vocab.MUNICIPALITIES if m.area_code == home.area_code] or [home]
    taken: set[str] = set()
    clinics = [invent_body(rng, "clinic", rng.choice(near), taken) for _ in range(rng.randint(1, 10))]
    stations = [
        invent_body(rng, "visiting_nurse_station", rng.choice(near), taken) for _ in range(rng.randint(0, 3))
    ]
    hospitals = [invent_body(rng, "hospital", rng.choice(near), taken) for _ in range(rng.randint(0, 2))]
    listed: list[tuple[str, Body]] = []
    if rng.random() < 0.8:
        listed.append(("medical_association", medical_association(rng, home)))
    listed += [("participant", b) for b in clinics + stations]
    listed += [("backup_hospital", b) for b in hospitals]
    size = rng.randint(1, min(len(listed), 15))
    keep = sorted(rng.sample(range(len(listed)), size))
    return clinics, [listed[i] for i in keep], home


def _names(
    clinics: list[Body], listed: list[tuple[str, Body]], home: vocab.Municipality
) -> dict[str, list[str]]:
    kinds = {role: [b.facility_name for r, b in listed if r == role] for role in ("backup_hospital",)}
    stations = [b.facility_name for _, b in listed if b.kind == "visiting_nurse_station"]
    associations = [b.name for r, b in listed if r == "medical_association"]
    return {
        "f": [c.facility_name for c in clinics],
        "h": kinds["backup_hospital"] or ["地域の後方支援病院"],
        "s": stations or ["訪問看護ステーション"],
        "a": associations or [f"{home.name}医師会"],
        "m": [home.name],
    }


def _chart(rng: random.Random, listed: list[tuple[str, Body]]) -> tuple[tuple[str, ...], ...]:
    """An org chart of the members: 医師会 on top, participants below, hospitals at the bottom."""
    rows = [
        tuple(b.facility_name for r, b in listed if r == role)
        for role in ("medical_association", "participant", "backup_hospital")
    ]
    rows = [r[:4] for r in rows if r]
    return tuple(rows) if len(rows) >= 2 else ()


def _group_line(
    rng: random.Random, name: str, form: str, home: vocab.Municipality, label: str
) -> tuple[str, str | None]:
    if form == "H30" or rng.random() < 0.4:
        return f"グループ名：「{name}」", None
    bold = f"<b>{name}</b>" if rng.random() < 0.5 else name
    reference = f"※参考資料1 {home.name}「{label}茨城県医療提供施設等グループ化推進事業計画」参照"
    return f"グループ名 {bold}", reference if rng.random() < 0.6 else None


def make_truth(seed: int, form: str) -> ReportTruth:
    rng = random.Random(f"{seed}:{form}")
    fiscal_year = rng.choice(wording.FORM_YEARS[form])
    digits = rng.choice(("half", "half", "half", "full", "mixed"))
    label = fiscal_year_label(fiscal_year, rng, spaced=rng.random() < 0.3)
    clinics, listed, home = _bodies(rng)
    has_members = rng.random() < DEFAULT_MEMBER_LIST_RATE
    name = group_name(rng, home, rng.choice(vocab.MUNICIPALITIES))
    place = (
        rng.choice(("title", "title", "status", None))
        if not has_members
        else rng.choice(("title", "title", "status"))
    )
    writer = Writer(rng, fiscal_year, _names(clinics, listed, home), digits)
    style = "none" if rng.random() < DEFAULT_UNMARKED_RATE else "marked"
    marker = rng.choice(FLAT_MARKERS)
    items = []
    for item_no in (1, 2, 3):
        shape = "flat"
        if style == "marked":
            shape = rng.choices(("flat", "outline", "headed"), (6, 3 if form == "R4" else 1, 1))[0]
        group_line, reference = (None, None)
        if item_no == 1 and place == "status":
            group_line, reference = _group_line(rng, name, form, home, label)
        chart = _chart(rng, listed) if item_no == 1 and rng.random() < DEFAULT_CHART_RATE else ()
        items.append(
            Item(
                item_no=item_no,
                title_lines=wording.WORDING[form].item_titles[item_no - 1],
                bullets=item_bullets(writer, item_no, shape, None if style == "none" else marker),
                status=status_cells(writer, group_line, reference),
                chart=chart,
            )
        )
    outcome_style = _outcome_style(rng, form)
    outcomes: list[OutcomeSection] = []
    flaws: list[str] = []
    institutions = tuple(c.facility_name for c in clinics)
    if outcome_style == "group_total":
        outcomes, flaws = group_total_sections(rng, form, cell_style(rng, digits))
    elif outcome_style == "per_institution":
        plan = outcome_plan(rng, form, fiscal_year, institutions, digits)
        outcomes, flaws = per_institution_sections(rng, plan)
    title_printed = has_members or outcome_style != "per_institution" or rng.random() > 0.1
    return ReportTruth(
        seed=seed,
        form=form,
        fiscal_year=fiscal_year,
        fiscal_year_label=label,
        title_printed=title_printed,
        group_name=name if place else None,
        group_name_place=place,
        members=member_list(rng, listed) if has_members else (),
        member_headers=rng.choice(wording.MEMBER_HEADER_VARIANTS),
        items=tuple(items),
        outcome_style=outcome_style,
        outcomes=tuple(outcomes),
        institutions=institutions if outcome_style == "per_institution" else (),
        flaws=tuple(sorted(set(flaws))),
        digits=digits,
    )


def _outcome_style(rng: random.Random, form: str) -> str:
    if form == "H30":
        return rng.choice(("none", "group_total"))
    if form == "R4":
        return "per_institution"
    return rng.choice(("group_total", "per_institution", "per_institution"))
