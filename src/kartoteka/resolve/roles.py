"""Appositive role phrases around a person's name.

`people's commissar of internal affairs N. I. Yezhov` (role before the name) and `Yezhov, the people's
commissar of internal affairs,` (role after it). Only phrases headed by a known office or occupation
noun are taken, so ordinary clauses around a name are not mistaken for roles.
"""

from __future__ import annotations

import re

_HEADS = (
    r"commissar|secretary|chairman|chairwoman|member|commander|marshal|general|admiral|colonel|leader|head|chief|"
    r"director|deputy|procurator|prosecutor|writer|poet|novelist|historian|academician|professor|scientist|"
    r"economist|engineer|physicist|biologist|chemist|geneticist|philosopher|publicist|journalist|editor|critic|"
    r"artist|painter|composer|actor|director|revolutionary|ambassador|minister|president|premier|"
    r"investigator|officer|official|worker|organizer|theoretician|ideologist|diplomat|physician|doctor|"
    r"wife|widow|husband|son|daughter|father|mother|brother|sister|friend|secretary-general|commandant|"
    r"founder|author|instructor|teacher|student|military leader|tsar|emperor|king|priest|bishop"
)
_ROLE_WORD = r"[a-z][a-z'’-]*"
_HEAD_SET = frozenset(h for h in _HEADS.split("|") if " " not in h)
#: Heads that name kinship or friendship, not an occupation.
KIN_HEADS = frozenset("wife widow husband son daughter father mother brother sister friend".split())
#: Words a role phrase before a name may contain besides lower-case words.
_ROLE_CAPS = frozenset("Central Committee Politburo Party People's People’s Red Army Comintern Soviet Union USSR "
                       "Foreign Internal Affairs Defense Justice State Security Military Council Commissariat "
                       "Supreme Court Procurator Deputy".split())
_KIN_ADJECTIVES = frozenset("older younger eldest youngest elder first second only late old close best own".split())


def _kin_modifier(word: str) -> bool:
    """An adjective of a kin noun, or another kin noun owning it (`daughter's husband`)."""
    low = word.lower()
    return low in _KIN_ADJECTIVES or (low.endswith(("'s", "’s")) and low[:-2] in KIN_HEADS)
#: A word opening with a quotation mark or a bracket starts a quotation or an aside, no role.
_OPENERS = "\"“”'‘([“"
_BAD_TAIL = frozenset("who which that was were is are to he she they it his her had has by with as".split())
_STOP_BACK = frozenset("the a an and or but by with to from for that which who whom when as was is were had has "
                       "been his her their its our this these those than then also even such on at".split())
_AFTER_RE = re.compile(
    r", (?:the |a |an |then |later |former |at that time )"
    rf"((?:{_ROLE_WORD} ){{0,3}}(?:{_HEADS})\b(?: (?:of|for|in) [^,.;:()\[\]\n]{{0,70}})?)[,.;:)]"
)
_CUT_RE = re.compile(r"^(?:(?:and|or|the|a|an|of|by|to|with|as|was|is|when|who|which|that|then|such|also|even|"
                     r"were|had|has|been|in|on|for|from|at|his|her|their|its|our)\s+)+")


def role_before(text: str, start: int) -> str | None:
    left = text[max(0, start - 120) : start]
    if not left.endswith(" "):
        return None
    words = left[left.rfind("\n") + 1 :].split(" ")[:-1][-9:]
    head = None
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if not w or w[-1] in ",.;:()\"[]" or w[0] in _OPENERS:
            break
        base = w.lower().rstrip("s") if w.islower() else w
        if w.islower() and (w.lower() in _HEAD_SET or base in _HEAD_SET):
            head = k
            break
        if not (w.islower() or w in _ROLE_CAPS or w.isupper()):
            break
    if head is None:
        return None
    tail = [w.lower() for w in words[head + 1 :]]
    if tail and (tail[0] not in ("of", "for") or tail[-1] in _STOP_BACK or tail[-1] in ("of", "for")
                 or any(w in _BAD_TAIL for w in tail)):
        return None
    first = head
    kin = words[head].lower().rstrip("s") in KIN_HEADS
    while first > 0 and (not kin or _kin_modifier(words[first - 1])):
        # (a kin noun takes only its adjectives: not `addresses of brother` in `gave addresses of brother Ivan`)
        w = words[first - 1]
        if not w or w[-1] in ",.;:()\"[]" or w[0] in _OPENERS or w.lower() in _STOP_BACK:
            break
        if not (w.islower() or w in _ROLE_CAPS or w.isupper()):
            break
        first -= 1
    phrase = " ".join(words[first:])
    phrase = _CUT_RE.sub("", phrase).strip()
    return phrase if len(phrase) >= 4 else None


def role_after(text: str, end: int) -> str | None:
    m = _AFTER_RE.match(text, end, min(len(text), end + 160))
    if not m:
        return None
    phrase = m.group(1).strip()
    if any(w in _BAD_TAIL for w in phrase.lower().split()):
        return None
    return phrase if len(phrase) >= 4 else None


def closes_apposition(text: str, end: int) -> bool:
    """Does a comma, stop, bracket or dash follow the name that ends at `end`?"""
    return text[end : end + 1] in (",", ";", ".", ")", "—", ":", "")


# `Stalin's son, Yakov`, `his younger son Leonid`, `his sons A, B and C`: the kin noun and its owner
_KIN_ROLE_RE = re.compile(
    r"(?:(?P<owner>[A-Z][a-z]+)['’]s|\b(?:[Hh]is|[Hh]er|[Tt]heir))\s+"
    r"(?P<adj>(?:older|younger|eldest|youngest|elder|first|second|only)\s+)?"
    r"(?:(?P<one>son|daughter|wife|brother|sister|husband|nephew|niece)(?:,\s*|\s+)"
    r"|(?P<many>sons|daughters|brothers|sisters)(?:,\s*|\s+)(?:[A-Z][a-z]+(?:,\s*|,?\s+and\s+))*)$"
)


def kin_role(text: str, start: int, end: int) -> str | None:
    """`son of Stalin` for `Stalin's son, Yakov`; `younger son` for `his younger son Leonid`. After a comma the
    name must close an apposition (`her husband, Zinaida turned on the light`: no apposition)."""
    m = _KIN_ROLE_RE.search(text, max(0, start - 120), start)
    if not m or (text[m.start() : start].rstrip().endswith(",") and not closes_apposition(text, end)):
        return None
    noun = m.group("one") or m.group("many").rstrip("s")
    role = f"{m.group('adj') or ''}{noun}"
    return f"{role} of {m.group('owner')}" if m.group("owner") else role


def roles_for(text: str, spans: list[tuple[int, int]], limit: int = 6) -> list[str]:
    """Distinct role phrases around the given (repaired-text) spans, in text order."""
    out: list[str] = []
    seen: set[str] = set()
    for s, e in spans:
        before, kin = role_before(text, s), kin_role(text, s, e)
        if before and kin and (kin.startswith(before + " ") or before.rstrip("s") == kin.rstrip("s")):
            before = None  # `older brother` in `Sergo's older brother`, `sons`: the kin role says it (and whose)
        for r in (before, role_after(text, e), kin):
            if r and r.lower() not in seen:
                seen.add(r.lower())
                out.append(r)
                if len(out) >= limit:
                    return _fullest(out)
    return _fullest(out)


def _fullest(roles: list[str]) -> list[str]:
    """Roles without those another one spells out (`older brother` beside `older brother of Sergo`)."""
    return [r for r in roles if not any(o != r and o.startswith(r + " of ") for o in roles)]
