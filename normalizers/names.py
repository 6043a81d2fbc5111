"""Member names (corporation / facility) and municipalities from addresses."""

from __future__ import annotations

import regex

from normalizers.text import fold_width, normalize_space

# Corporation types that open a name, longest first so that 医療法人社団 wins over 医療法人.
_TYPE_WORDS = """
    医療法人 医療法人社団 医療法人財団 社会医療法人 特定医療法人 社会福祉法人
    一般社団法人 公益社団法人 一般財団法人 公益財団法人 株式会社 有限会社 合同会社 合資会社 合名会社
    独立行政法人 地方独立行政法人 国立大学法人 公立大学法人 学校法人
    特定非営利活動法人 NPO法人 医療生活協同組合 生活協同組合 宗教法人
"""
CORPORATION_TYPES: tuple[str, ...] = tuple(sorted(_TYPE_WORDS.split(), key=len, reverse=True))
# Abbreviated types printed in parentheses: （医）, (医), (株), (社福) …
_ABBREVIATED_RE = regex.compile(r"\((?:医|医社|医財|社|財|福|社福|株|有|学|独|特非|NPO)\)")
_TYPE_RE = regex.compile("|".join(CORPORATION_TYPES))
_PREFECTURE_RE = regex.compile(r"^(?:北海道|東京都|京都府|大阪府|[^\s都道府県市区町村郡]{2,3}県)")
_POSTAL_RE = regex.compile(r"^〒?\s*[0-9]{3}-?[0-9]{4}")
# A district (郡) before a town or village: 稲敷郡阿見町 -> 阿見町 (but not 郡山市, 小郡市).
_DISTRICT_RE = regex.compile(r"^\S{1,5}?郡(?!市)(?=\S*?[町村])")
_MUNICIPALITY_RE = regex.compile(r"^\S+?[市町村]")
# With no space printed (or read by OCR) after the corporation, its body's name ends at its first
# `…会` (貴風会, 済生会, 看護協会), where a facility's name follows; not a word that goes on (会館,
# 会社, 会議 …). A name opening with 会 (会田クリニック) has no body.
_BODY_RE = regex.compile(r"(?P<body>[^\s会]{1,10}会)(?![館社議場員計話長])(?P<rest>\S{2,})")
_SPACES_RE = regex.compile(r"\s+")


def corporation_prefix(token: str) -> str | None:
    """The corporation type that ``token`` opens with (matched on its width-folded form)."""
    folded = fold_width(token)
    m = _ABBREVIATED_RE.match(folded) or _TYPE_RE.match(folded)
    return token[: m.end()] if m else None


def split_corporation(name: str, glued_body: bool = True) -> tuple[str | None, str]:
    """``医療法人貴風会 なかざわクリニック`` -> (``医療法人貴風会``, ``なかざわクリニック``). With no
    space after the corporation, its body's name is taken to end at its first `…会` (the members'
    columns); ``glued_body=False`` takes the bare type word only (the linking key, which never
    relies on an end the print does not show)."""
    s = normalize_space(name)
    head, _, rest = s.partition(" ")
    prefix = corporation_prefix(head)
    if prefix is None:
        return None, s
    if rest:
        second, _, after = rest.partition(" ")
        if head == prefix and after:  # `医療法人社団 青洲会 神立病院`: the type, then the body's name
            return f"{head} {second}", after
        return head, rest
    if s == prefix:
        return None, s
    # No space: the body's name where it ends with 会 (社会医療法人貴風会筑西記念病院), else only the
    # bare type word is a prefix (医療法人みらい平クリニック).
    body = _BODY_RE.fullmatch(s[len(prefix) :]) if glued_body else None
    if body is not None:
        return prefix + body.group("body"), body.group("rest")
    return prefix, s[len(prefix) :]


def municipality_from_address(address: str) -> str | None:
    """``茨城県稲敷郡阿見町中央`` -> ``阿見町``: the first 市/町/村 after prefecture and 郡."""
    s = _SPACES_RE.sub("", fold_width(address))
    s = _POSTAL_RE.sub("", s)
    s = _PREFECTURE_RE.sub("", s)
    s = _DISTRICT_RE.sub("", s)
    m = _MUNICIPALITY_RE.match(s)
    return m.group() if m else None
