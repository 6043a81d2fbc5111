"""The bodies of one invented group: a 医師会, clinics (the institutions whose figures are
reported), visiting nurse stations and backup hospitals, with addresses and phones; its name and
its 別添1 member list."""

from __future__ import annotations

import random
from dataclasses import dataclass

from generator import vocab
from generator.printing import full_width
from generator.truth import Member
from generator.wording import DESIGNATION_MARKS

MAX_MEMBERS = 15
MAX_INSTITUTIONS = 10


@dataclass(frozen=True)
class Body:
    kind: str  # clinic, hospital, visiting_nurse_station, medical_association
    name: str  # as printed, corporation prefix included
    facility_name: str
    corporation: str | None
    address: str
    municipality: str
    phone: str  # half-width digits with hyphens
    phone_printed: str


def _phone(rng: random.Random, place: vocab.Municipality) -> tuple[str, str]:
    """(normalized, printed): 029-869-9660, (0297)22-4180, 029(869)9660, full-width."""
    code = place.area_code
    middle_len = 6 - len(code)  # ten digits: area code, exchange, four-digit subscriber number
    middle = str(rng.randint(10 ** (middle_len - 1) * 2, 10**middle_len - 1))
    last = f"{rng.randint(0, 9999):04d}"
    normal = f"{code}-{middle}-{last}"
    style = rng.random()
    if style < 0.55:
        printed = normal
    elif style < 0.75:
        printed = f"({code}){middle}-{last}"
    elif style < 0.85:
        printed = f"{code}({middle}){last}"
    else:
        printed = full_width(normal)
    return normal, printed


def _address(rng: random.Random, place: vocab.Municipality, full: bool) -> str:
    town = rng.choice(place.towns)
    numbers = rng.choice(
        (
            f"{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
            f"{rng.randint(1, 3000)}",
            f"{rng.randint(1, 5)}丁目{rng.randint(1, 30)}番{rng.randint(1, 20)}号",
            f"{rng.randint(1, 5)} 丁目 {rng.randint(1, 30)}",
        )
    )
    if full:
        numbers = full_width(numbers)
    district = place.district or ""
    prefix = "茨城県" + district if rng.random() < 0.8 or district else ""
    return f"{prefix}{place.name}{town}{rng.choice(('', ' '))}{numbers}"


def _corporate(rng: random.Random, options: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    printed, corporation = rng.choice(options)
    body, word = rng.choice(vocab.CORPORATION_BODIES), rng.choice(vocab.NICE_WORDS)
    return printed.format(b=body, w=word), corporation.format(b=body, w=word)


def _facility_name(rng: random.Random, kind: str, place: vocab.Municipality) -> str:
    if kind == "clinic":
        stem = rng.choice((*vocab.SURNAMES, *vocab.NICE_WORDS, *vocab.PLACE_WORDS))
        return stem + rng.choice(vocab.CLINIC_SUFFIXES)
    if kind == "hospital":
        stem = rng.choice((*vocab.PLACE_WORDS, place.name.rstrip("市町村"), *vocab.SURNAMES[:12]))
        return stem + rng.choice(vocab.HOSPITAL_SUFFIXES)
    pattern = rng.choice(vocab.STATION_PATTERNS)
    return pattern.format(w=rng.choice(vocab.NICE_WORDS), p=rng.choice(("", "・サテライト")))


def invent_body(rng: random.Random, kind: str, place: vocab.Municipality, taken: set[str]) -> Body:
    while True:
        facility = _facility_name(rng, kind, place)
        if facility not in taken:
            taken.add(facility)
            break
    corporation_options = {
        "clinic": vocab.CLINIC_CORPORATIONS,
        "hospital": vocab.HOSPITAL_CORPORATIONS,
        "visiting_nurse_station": vocab.STATION_CORPORATIONS,
    }[kind]
    prefix, corporation = ("", "")
    if rng.random() < (0.6 if kind == "hospital" else 0.35):
        prefix, corporation = _corporate(rng, corporation_options)
    phone, printed = _phone(rng, place)
    return Body(
        kind=kind,
        name=prefix + facility,
        facility_name=facility,
        corporation=corporation or None,
        address=_address(rng, place, full=rng.random() < 0.1),
        municipality=place.name,
        phone=phone,
        phone_printed=printed,
    )


def medical_association(rng: random.Random, place: vocab.Municipality) -> Body:
    name = (place.district.rstrip("郡") if place.district and rng.random() < 0.5 else place.name) + "医師会"
    phone, printed = _phone(rng, place)
    return Body(
        "medical_association", name, name, None, _address(rng, place, False), place.name, phone, printed
    )


def group_name(rng: random.Random, place: vocab.Municipality, other: vocab.Municipality) -> str:
    pattern = rng.choice(vocab.GROUP_NAME_PATTERNS)
    return pattern.format(
        m=place.name,
        m2=other.name,
        a=rng.choice(vocab.AREA_WORDS),
        n=rng.randint(1, 3),
        w=rng.choice(vocab.NICE_WORDS),
    )


def member_list(rng: random.Random, bodies: list[tuple[str, Body]]) -> tuple[Member, ...]:
    """(role, body) pairs -> 別添1 rows; ① / ② marks on a few."""
    members = []
    for row_no, (role, body) in enumerate(bodies, start=1):
        designation = None
        if role == "medical_association" and rng.random() < 0.6:
            designation = "hub"
        elif rng.random() < 0.2:
            designation = rng.choice(tuple(DESIGNATION_MARKS))
        members.append(
            Member(
                row_no=row_no,
                role=role,
                designation=designation,
                name=body.name,
                facility_name=body.facility_name,
                corporation=body.corporation,
                address=body.address,
                municipality=body.municipality,
                phone=body.phone,
                phone_printed=body.phone_printed,
                kind=body.kind,
            )
        )
    return tuple(members)
