"""Who an event happens to: the persons a verb takes as its subject or its objects.

Lists of names (`A, B and C were shot`, `A, B and other leaders of ... perished`), the appositions and
closed relative clauses that stand between a name and its verb (`X, for whom Lenin vouched in 1919,
perished`: X, not Lenin), and the lists a verb with no subject of its own opens with a colon, dash,
bracket, `including` or semicolon items led by a post (`The following perished: A, B`). Persons are
`(start, end, PersonRef)` spans of a paragraph's text.
"""

from __future__ import annotations

import re

from kartoteka.facts.model import PersonRef
from kartoteka.facts.triggers import Trigger, find_triggers

VERB_CUE = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|does|said|wrote|told|asked|declared|became|went|came|knew|saw|"
    r"thought|believed|that|which|who|whom|whose)\b|[.;:!?]",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^[\s,]*(?:(?:and|as well as|or|also)\s+)?(?:the\s+(?:previously\s+mentioned|above-?mentioned|"
                       r"aforementioned|well-?known|famous)\s+)?[\s,]*$", re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\b(?:by|from|of|with|against|about)\s+(?:[A-Z][a-z]?\.\s?){0,3}$")
# `A. B. Pavlov, a member of the board of the bank; C. D. Orlov, ...`: a list with appositions
_APPOSITIVE_GAP = re.compile(
    r"\s*,\s*(?:a|an|the|one\s+of|former)\b[^.!?:]{0,110}?[,;]\s*(?:and\s+)?$|\s*,\s*[^.!?:;]{0,120};\s*(?:and\s+)?$"
)
# `A, who earlier headed the air force, as well as B`: an item's relative clause, then the list goes on
# (an apposition may come first, a title after: `A, the chief of staff, who in 1919 had directed ..., and the
# deputy commissar of defense, B`)
_RELATIVE_ITEM_GAP = re.compile(
    r"\s*,\s*(?:[^.;:!?()]{1,100}?(?:,\s*|\s))?who\s[^.;:!?()]{1,140}?,\s*(?:and|as\s+well\s+as)\s+"
    r"(?:[^.;:!?(),]{0,70}?(?:,\s*|\s+))?"
)
# (`'s secretary `, `'s brother `: the title an owner's name leads)
_OWNED_TITLE = re.compile(r"(?:['’]s|s['’])?\s+(?:[a-z][\w-]*\s+){1,3}")
# `A, who headed the government for a long time, recent peoples commissars B, C`: an item's relative clause,
# then the title that leads the next item
_RELATIVE_TITLE_GAP = re.compile(
    r"\s*,\s*who\s[^.;:!?(),]{1,140},\s*(?:(?:[a-z][\w'’-]*|[A-Z]{2,}[\w()]*)\s+){1,6}"
)
# `... and E—the hero of the campaign, described by Serafimovich in a novel, and F, ...`: a dash opens an item's
# apposition that the list's `, and` closes
_DASH_ITEM_GAP = re.compile(
    r"\s*[—–]\s*[^.;:!?—–]{1,200}?,\s*(?:and|as\s+well\s+as)\s+(?:[^.;:!?(),]{0,70}?(?:,\s*|\s+))?"
)
# `A and B, all members of the bureau, including the scientist C, D and E, perished`
_INCLUDING_GAP = re.compile(r"\s*,[^.;:!?]{0,160}?,\s*including\s+[^.;:!?,]{0,60}")
#: only a name's initials stand between two names, their stops lost (`Barykin O O Gartokh`)
_BARE_INITIALS_GAP = re.compile(r"\s+(?:[A-Z]\.?\s+){1,3}")
_GOVERNED = re.compile(
    r"\b(?:by|to|with|from|for|against|about)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:[A-Z][a-z]?\.\s?){0,3}$"
)
_APPOSITION = re.compile(r",[^.;:!?]{0,320},\s*(?:(?:was|were|had\s+been)\s+)?(?:(?:\w+ly|also|too)\s+)?$")
# `X, the director of the institute was arrested`: an apposition whose closing comma is lost
_UNCLOSED_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an|the|one\s+of)\s[^.;:!?]{1,200}?(?P<verb>\s+(?:(?:was|were|had\s+been)\s+)?"
    r"(?:(?:\w+ly|also|too|later|then|soon)\s+)?)"
)
# a name opening its sentence (`In 1937 X, ...`)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?;][\"'”’]?\s+)(?:(?:In|By|During|Later|Then|Soon)\b[^,.;:]{0,20},?\s+)?$")
# `A and his deputies B, C`: `and` with a title of up to five words, no preposition among them
_AND_TITLE = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:(?:his|her|their)\s+)?"
    r"(?:(?!(?:of|to|with|by|from|for|in|on|at|who|whom|which|that|was|were)\b)[A-Za-z][\w-]*\s+){1,5}"
)
# `A, B, C, as well as dozens of lecturers and even cadets, were arrested`: a list closed by a group
_LIST_CLOSER = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:even\s+)?(?:hundreds|thousands|dozens|tens|many|"
                          r"several|some|numerous|a\s+number|a\s+group|their|his|her)\b")
# `A, B and other active participants of the struggle in Kazakhstan perished`: the list's own tail
_AND_OTHER_NP = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:(?:many|several|some|hundreds|thousands|dozens|tens)\s+(?:of\s+)?){0,2}other\s+"
    r"[^.;:!?,()]{1,100}?\s+(?:(?:was|were|had\s+been)\s+)?(?:(?:\w+ly|also|later|soon|then)\s+)?"
)
# `A, B, C and many others—outstanding figures of the party—were arrested`
_AND_OTHERS_DASH = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:many\s+|several\s+|some\s+)?others\s*[—–-][^.;:!?—–]{1,120}?[—–-]\s*"
    r"(?:(?:was|were)\s+)?(?:(?:\w+ly|also|later|soon|then)\s+)?"
)
# `A and B, most of the republic's commissars, the heads of many institutes, and teachers were arrested`;
# `A, the former head of the unions, and their comrades in the dock were executed`: the names open a list
# whose other items are groups (no names); the list closes with `, and <group>` right before the verb
_GROUP_ITEMS_TAIL = re.compile(
    r"(?:\s*,\s*(?!and\b)[^,.;:!?()\[\]—–\"“”]{2,90}?){1,6}\s*,\s*(?:and|as\s+well\s+as)\s+"
    r"[^,.;:!?()\[\]—–\"“”]{2,90}?\s+(?:(?:was|were|had\s+been)\s+)?(?:(?:\w+ly|also|later|soon|then)\s+)?"
)
_AUX_TAIL = re.compile(r"\s(?:was|were|had\s+been)\s+(?:(?:\w+ly|also|later|soon|then)\s+)?$")
# an item that is a clause, not a group: `the newspaper printed it`
_FINITE_IN_ITEM = re.compile(r"\b[a-z]+ed\s+(?:the|a|an|him|her|them|it|his|their)\b")
# a relative right after the name, or after its short apposition
_WHO_AFTER = re.compile(r"\s*(?:[,(]\s*(?:[^,.;:!?()]{1,60},\s*)?)?who\b")
_AND_AUX = re.compile(r"\s+and\s+(?:had\s+been|has\s+been|was|were)\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|with|from|for|against|about|on|under|than|of|by)\s+(?:[A-Z][a-z]?\.\s?){0,3}$"
)
# a clause closed by a comma right before the verb (`X, who had replaced Y in the post of ..., also perished`)
# (or closed by a dashed aside: `X, an old Bolshevik who led the strike of 1901—one of the first ...—died`)
_CLOSED = r"[^.;:!?]{0,320}(?:,|[—–][^.;:!?—–]{1,160}[—–])\s*(?:(?:was|were|had\s+been)\s+)?(?:(?:\w+ly|also|too)\s+)?$"
_CLOSED_BEFORE_VERB = re.compile(_CLOSED)
# an apposition after a name (it opens with a comma), closed by a comma or a dashed aside
_CLOSED_APPOSITION = re.compile("," + _CLOSED)
_NEXT_SUBJECT = re.compile(r"\s+(?:had|has|was|were|is|are|became|did|would|could|went|took|remained)\b")
#: a description of the ones included, up to a dash that names them (no clause or stop in between)
_DESCRIBED_THEN_DASH = re.compile(r"\s*(?:the|a|an)\s[^.;:!?—()\"“”]{0,140}?—(?=\s*(?:the\s|[A-Z]))")
_INCLUDING = re.compile(
    r"\b(?:including|includes|included|such as|among them|among whom|namely|for example|for instance)\b,?:?"
    r"(?:\s*among\s+others,?)?|:|—"
)
_PREPOSITION = re.compile(r"\b(?:by|of|at|with|for|from|to|on|in|under|including|among)\b", re.IGNORECASE)


def after_preposition(text: str, p: tuple) -> bool:
    """A preposition governs the name (`by Stalin`, `of N. I. Orlov`): it stands in a phrase."""
    return bool(_PREPOSITION_BEFORE.search(text, max(0, p[0] - 30), p[0]))


def possessive(text: str, p: tuple[int, int, PersonRef]) -> bool:
    tail = text[p[1] - 2 : p[1] + 2]
    return "'s" in tail or "’s" in tail


def list_before(text: str, persons: list[tuple[int, int, PersonRef]], trigger_start: int, max_gap: int = 60
                 ) -> list[tuple[int, int, PersonRef]]:
    """The coordinated persons that end just before the trigger (the subject of a passive)."""
    before = [p for p in persons if p[1] <= trigger_start and not possessive(text, p) and not _attributive(text, p)]
    if not before:
        return []
    last = before[-1]
    gap = text[last[1] : trigger_start]
    if re.search(r"[.;:!?]", gap):
        return []
    relative_checked = False  # (`_outside_relative` is asked once per gap)
    if _CLOSED_BEFORE_VERB.fullmatch(gap):
        # a comma closes what stands between: `last` may sit inside a relative clause (`X, for whom Lenin
        # vouched when he joined, perished`) or an apposition (`X, the biographer of Lenin, perished`)
        listed = _antecedent_and_list(text, before, last, trigger_start)
        if listed:
            return listed
        antecedent = _outside_relative(text, before, last, gap)
        relative_checked = True
        if antecedent == ():
            # `X, the leader of ... and a friend of A and B in whom even Stalin saw an ally, perished`: the
            # relative belongs to the apposition of the name that opens the sentence
            return _listed(_opening_owner(text, before, _relative_start(text, last)))
        if antecedent:
            # (with the list it closes: `M. Frinovsky and L. Zakovsky, who had served under Yagoda, were`)
            listed = _coordinated(text, before, antecedent, trigger_start)
            if not after_preposition(text, listed[0]):
                return listed
            # `X, the old friend of A and B, in whom Stalin saw a rival, perished`: A and B stand in a
            # phrase; the verb's subject is the name the apposition belongs to
            return _listed(_opening_owner(text, before, _relative_start(text, last)))
        if after_preposition(text, last):
            owner = _apposition_owner(text, before, trigger_start)
            return _coordinated(text, before, owner, trigger_start) if owner else []
    unclosed = _UNCLOSED_APPOSITION.fullmatch(gap)
    if unclosed and _SENTENCE_OPENS.search(text, max(0, last[0] - 40), last[0]) and not VERB_CUE.search(
        gap, 0, unclosed.start("verb")
    ):
        # `A. Pavlov, the first secretary of the trade unions during 1931-1932 was arrested`: the comma
        # that should close the apposition was lost
        return [last]
    if _group_items_tail(text, gap, last):
        return _antecedent_and_list(text, before, last, trigger_start) or _coordinated(
            text, before, last, trigger_start
        )
    if len(gap) > max_gap and not _CLOSED_APPOSITION.fullmatch(gap) and not _AND_OTHER_NP.fullmatch(gap) and not (
        _AND_OTHERS_DASH.fullmatch(gap)
    ):
        return []  # (`X, commissar of ... in the 1920s, was arrested`; `A, B and other leaders of ... perished`)
    if _AND_AUX.match(gap) and after_preposition(text, last):
        return []  # `those faithful to Trotsky and had been confined`: the object of a preposition is no subject
    # the last gap may hold the auxiliary and a role apposition; no other finite verb
    if re.search(r"\b(?:said|wrote|told|asked|declared|thought|knew|that|which|whom|he|she|they|it)\b", gap,
                 re.IGNORECASE):
        return []  # another subject (`of Antonov he was appointed`) stands between
    if _OTHER_SUBJECT.search(gap):
        return []  # `Orlov visited the plant, and the director was arrested`
    if re.search(r"\bwho\s+(?:\w+\s+)?(?:was|has|is)\b", gap):
        return [last]  # `Stalin and Postyshev, who was elected`: a singular relative's antecedent alone
    antecedent = None if relative_checked else _outside_relative(text, before, last, gap)
    if antecedent is not None:
        return [antecedent] if antecedent else []
    if _WHO_AFTER.match(gap) and (_AGENT_BEFORE.search(text, max(0, last[0] - 20), last[0]) or after_preposition(
        text, last
    )):
        # `evenings with Antonov who also had been exiled`; `notes by K. Orlov, Kirov's cousin, who spent
        # ten years in the camps`
        return [last]
    if after_preposition(text, last):
        # `All persons named by Stalin were arrested`: Stalin is the agent, not the subject; but in
        # `A and many workers who were close to Sergo were arrested` the name opening the sentence is
        rel = _relative_start(text, last, restrictive=True)
        owner = _opening_owner(text, before, rel, closed=False) if rel < last[0] else None
        return _listed(owner if re.fullmatch(r"\s*(?:(?:was|were|had\s+been)\s+)?", gap) else None)
    group = _coordinated(text, before, last, trigger_start)
    if len(group) > 1 and after_preposition(text, group[0]):
        if _CLOSED_BEFORE_VERB.fullmatch(gap):
            # `X, the old friend of A and B, who had been exiled, perished`: a list in a phrase is no
            # subject; the name the apposition belongs to is
            return _listed(_opening_owner(text, before, group[0][0]))
        if not re.match(r"\s*,?\s*who\b", gap):
            # `A, who spoke with B, and C were arrested`: B stands in A's relative clause (but `the authors
            # of A and B were arrested`: none; `the friend of A and B, who had been exiled`: both)
            tail = [p for p in group if not after_preposition(text, p)]
            item = _item_before_relative(text, before, tail[0]) if tail else None
            return [item, *tail] if item else []
    return group


def _coordinated(text: str, before: list, last: tuple, trigger_start: int) -> list:
    """`last` and the persons listed with it just before (`A, B and last`)."""
    before = before[: before.index(last) + 1]
    group = [last]
    for prev in reversed(before[:-1]):
        if prev[1] > group[0][0]:
            continue  # (inside the relative clause of an item taken already)
        between = text[prev[1] : group[0][0]]
        if _LIST_GAP.match(between) or _DASH_APPOSITION.fullmatch(between) or (
            _INCLUDING_GAP.fullmatch(between) and not verb_cue(between) and not find_triggers(between)
        ) or (
            # `A and his deputies B, C` (not `valued by Lenin, and officials such as C`)
            _AND_TITLE.fullmatch(between) and not VERB_CUE.search(between) and not find_triggers(between)
            and not after_preposition(text, prev)
        ) or (
            # (initials cut from their surname by a page break are no sentence end: `Bekman, A. S.` / `Grishin`)
            len(between) < 120 and "," in between and not verb_cue(between)
            # (`X, the old friend of A`: A is in a phrase of the apposition, X is no item with it)
            and not after_preposition(text, group[0])
            # `A and B perished, and directors C, D were arrested`; `valued by Lenin, and officials C, D`
            and not find_triggers(between) and not _AGENT_BEFORE.search(text, max(0, prev[0] - 20), prev[0])
        ):
            group.insert(0, prev)
        else:
            item = _item_before_relative(text, before, group[0])
            if item is None:
                break
            group.insert(0, item)  # `A, chairman of X who was valued by Lenin, and officials such as B, C`
    # a subject list closes with `and`: `of L. Trotsky, Stalin was removed` is a phrase and a subject;
    # or with `and others` (`A, B, C and others were condemned`)
    if len(group) > 1 and not re.search(r"\b(?:and|or|as well as)\b", text[group[-2][1] : group[-1][0]]) and not (
        AND_OTHERS.match(text, last[1], trigger_start) or _AND_OTHER_NP.fullmatch(text, last[1], trigger_start)
        or _LIST_CLOSER.match(text, last[1], trigger_start) or _GROUP_ITEMS_TAIL.fullmatch(text, last[1], trigger_start)
        # or brackets: `members of the group (A, B) were arrested later`
        or (text[: group[0][0]].rstrip().endswith("(") and text[last[1] : trigger_start].lstrip().startswith(")"))
    ):
        group = [last]
    return group


def _group_items_tail(text: str, gap: str, last: tuple) -> bool:
    """`gap` (from `last` to the verb) goes on with group items and closes the list: `last` is an item."""
    items = _AUX_TAIL.sub("", gap)  # (the verb's own auxiliary is no verb of an item)
    return bool(
        _GROUP_ITEMS_TAIL.fullmatch(gap) and not verb_cue(items) and not find_triggers(gap)
        and not _FINITE_IN_ITEM.search(gap)
        and not after_preposition(text, last)
    )


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:was|were|had|has|is|are|and|or|who|whom|whose|which|that|himself|herself|did|"
                         r"would|could|said|wrote|also|then|later)\b)[a-z]+\b")


def _item_before_relative(text: str, before: list, first: tuple):
    """The list item before `first` whose apposition and relative clause stand between them, the names
    inside governed by prepositions (`A, chairman of X who was valued by V. I. Lenin, and officials such
    as B`), or None."""
    inside = []
    for q in reversed(before):
        if q[1] > first[0]:
            continue
        if first[0] - q[1] > 300:
            return None
        if after_preposition(text, q) or _THE_BEFORE.search(text, max(0, q[0] - 4), q[0]):
            inside.append(q)  # (in a phrase, or a name as a modifier: `the hero of the Taman Campaign`)
            continue
        gap = _INITIAL_DOT.sub(r"\1_", text[q[1] : first[0]])
        item_gap = _RELATIVE_ITEM_GAP.fullmatch(gap) or _DASH_ITEM_GAP.fullmatch(gap)
        return q if inside and item_gap and not find_triggers(gap) else None
    return None


def _attributive(text: str, p: tuple) -> bool:
    """`the Stalin years`, `the Kirov case`: a name standing as a modifier of the noun after it."""
    return bool(_THE_BEFORE.search(text, max(0, p[0] - 4), p[0]) and _NOUN_AFTER.match(text, p[1]))


_INITIAL_DOT = re.compile(r"\b([A-Z][a-z]?)\.(?=\s*(?:[A-Z]|$))")


def verb_cue(s: str, end: int | None = None) -> bool:
    """A verb or sentence end in `s` (up to `end`); an initial's full stop (`of N. Orlov`, or `A. S.` cut
    from its surname by a page break) is none."""
    masked = _INITIAL_DOT.sub(r"\1_", s)
    return bool(VERB_CUE.search(masked, 0, len(masked) if end is None else end))


def _apposition_owner(text: str, before: list, trigger_start: int):
    """`V. G. Sokolov, the author of a study of Lenin, ..., perished`: the person an apposition
    (no verb in it, the names inside governed by prepositions) belongs to, or None."""
    for p in reversed(before[:-1]):
        between = text[p[1] : trigger_start]
        # (`of N. Orlov` is no sentence end; the auxiliary after the closing comma is the verb's own:
        # `..., was arrested`)
        if not _APPOSITION.fullmatch(_INITIAL_DOT.sub(r"\1_", between)) or verb_cue(between, between.rfind(",")):
            return None
        if not after_preposition(text, p):
            return p
    return None


def _antecedent_and_list(text: str, before: list, last: tuple, trigger_start: int) -> list | None:
    """`A, who replaced B in the post of commander, C, D and E, were executed`: a relative clause closes
    and the list goes on; its antecedent and the persons after it are the subject, B is not."""
    window = max(0, last[0] - 300)
    found = list(re.finditer(r",\s(?:who|whom)\s(?!,)", text[window : last[0]]))
    if not found:
        return None
    rel = window + found[-1].start()
    closing = text.find(",", window + found[-1].end(), last[0])
    owners = [p for p in before if p[1] <= rel]
    if closing < 0 or not owners or text[owners[-1][1] : rel].strip():
        return None
    after = [p for p in before if p[0] > closing]
    if not after or not re.fullmatch(r",\s*(?:and\s+)?", text[closing : after[0][0]]):
        return None
    group = [p for p in _coordinated(text, before, last, trigger_start) if p[0] > closing]
    return [owners[-1], *group] if group and group[0] is after[0] else None


def _outside_relative(text: str, before: list, last: tuple, gap: str):
    """`Orlov, ..., who had sheltered Lenin in 1917, was arrested`: `last` sits inside a relative
    clause that has closed (`, was`); the subject is the clause's antecedent, not `last`. With no
    person as the antecedent (`Rovio, who hid Lenin, was arrested`, Rovio not known as a person;
    `a friend in whom even Stalin saw an ally, perished`), the subject is no one named: `[]`."""
    if "," not in gap and "—" not in gap:
        return None
    window = text[max(0, last[0] - 200) : last[0]]
    found = list(re.finditer(r"\s(who|whom|whose)[\s,]", window))
    if not found:
        return None
    rel = max(0, last[0] - 200) + found[-1].start()
    # the relative encloses `last`: no comma between them but one right after the pronoun (`who, with Lenin,`)
    enclosed = bool(re.fullmatch(r"\s(?:who|whom|whose)\s*,?[^,.;:!?—]*", text[rel : last[0]]))
    if found[-1].group(1) == "whose" and not re.match(r"\s*,", gap):
        enclosed = False  # `X, whose son Orlov was arrested`: the relative's own subject and verb
    owners = [p for p in before if p[1] <= rel]
    if owners:
        owner = owners[-1]
        between = text[owner[1] : rel]
        if between.lstrip().startswith(",") and len(between) <= 160 and not re.search(r"[.;:!?]", between):
            return owner
    return () if enclosed else None


def _listed(person) -> list:
    return [person] if person else []


def _relative_start(text: str, last: tuple, restrictive: bool = False) -> int:
    """Where the relative clause that holds `last` opens (its pronoun), or `last`'s own start. With
    `restrictive`, only a clause with no comma or stop in it (`the workers who were close to Sergo`)."""
    window = max(0, last[0] - 300)
    found = list(re.finditer(r"\s(?:who|whom|whose)[\s,]", text[window : last[0]]))
    if not found:
        return last[0]
    rel = window + found[-1].start()
    if restrictive and re.search(r"[,.;:!?()—–]", _INITIAL_DOT.sub(r"\1_", text[rel : last[0]])):
        return last[0]
    return rel


def _opening_owner(text: str, before: list, upto: int, closed: bool = True):
    """The person that opens its sentence and owns what runs from the name up to `upto` (a relative
    clause or a phrase holding other names), no verb in it, or None. `closed`: that must be an
    apposition set off by a comma (`X, the friend of A ...`); else a coordination may do (`X and his
    wife and many workers who ...`)."""
    for p in before:
        if p[1] > upto:
            break
        head = _INITIAL_DOT.sub(r"\1_", text[p[1] : upto])
        if (
            _SENTENCE_OPENS.search(text, max(0, p[0] - 40), p[0])
            and (re.match(r"\s*,", head) if closed else re.match(r"\s*(?:,|and\b)", head))
            and not verb_cue(head) and not find_triggers(head) and not possessive(text, p)
        ):
            return p
    return None


_NEW_SENTENCE = re.compile(r"\b(?:He|She|They|It|We|I|This|These|There)\s+[a-z]")


def list_after(text: str, persons: list[tuple[int, int, PersonRef]], trigger_end: int, max_gap: int = 60,
                objects_only: bool = False, copula: bool = False, strict: bool = False
                ) -> list[tuple[int, int, PersonRef]]:
    """The coordinated persons that start just after the trigger (its objects). `strict`: joined only
    by list commas, `and` or appositions (`the removal of X, the crisis began, the Y`: Y is no object)."""
    after = [p for p in persons if p[0] >= trigger_end]
    owner = None
    if len(after) > 1 and possessive(text, after[0]) and _OWNED_TITLE.fullmatch(text, after[0][1], after[1][0]):
        owner, after = after[0], after[1:]  # `M. Gorkiy's secretary P. P. Kryuchkov`: the item is the secretary
    if not after or possessive(text, after[0]):
        return []
    first = after[0]
    gap = text[trigger_end : first[0]]
    if copula:  # `Executed was X`, `arrested were X, Y`: the copula belongs to the construction
        gap = re.sub(r"^\s*(?:(?:and|also|then)\s+)?(?:was|were)\b", "", gap, flags=re.IGNORECASE)
    if len(gap) > max_gap or (verb_cue(gap) if owner else VERB_CUE.search(gap)):
        return []
    if objects_only and _PREPOSITION.search(gap):
        return []  # `released at the request of X`: X did not undergo it
    group = [first]
    for nxt in after[1:]:
        if possessive(text, nxt):
            continue  # `A. P. Gorbunov, in the past Lenin's secretary, and ...`: an apposition's owner
        if after_preposition(text, nxt):
            continue  # `W. Hirsch (the secretary of Thaelmann), and others`: inside an item's apposition
        between = text[group[-1][1] : nxt[0]]
        if _LIST_GAP.match(between) or _APPOSITIVE_GAP.match(between) or _RELATIVE_ITEM_GAP.fullmatch(between) or (
            _RELATIVE_TITLE_GAP.fullmatch(between) and not verb_cue(between[between.rfind(",") :])
        ) or (
            # (OCR lost the stops and commas: `colleagues V A Barykin O O Gartokh`; `A and his colleagues B`)
            not strict and (_BARE_INITIALS_GAP.fullmatch(between) or _AND_TITLE.fullmatch(between))
            and not VERB_CUE.search(between)
        ) or (
            # (initials cut from their surname are no sentence end; `..., and Yu. G. Oksman, They kept
            # O. Berggolts`: a lost stop is)
            not strict and len(between) < 120 and "," in between
            and not verb_cue(between) and not _NEW_SENTENCE.search(between)
        ):
            group.append(nxt)
        else:
            break
    if len(group) > 1 and _NEXT_SUBJECT.match(text, group[-1][1]) and not re.search(
        r"\b(?:and|or|as well as)\b", text[group[-2][1] : group[-1][0]]
    ):
        group.pop()  # `when they arrested A, B had already become chief`: B opens the next clause
    return group


_OTHER_SUBJECT = re.compile(
    r"(?:(?<![,(])\s(?:the|a|an|this|that|these|those|its)\s+(?:[\w-]+\s+){1,2}|\s[A-Z]\w+(?:'s|’s)\s+"
    r"(?:son|daughter|wife|husband|brother|sister|father|mother|family|children|deputy|friend)\s+)(?:was|were|had\s+been)\s+"
    r"(?:\w+ly\s+|also\s+|later\s+|then\s+|soon\s+)?$",
    re.IGNORECASE,
)
#: a colon or a dash right after the verb (`perished as well—`, `arrested and executed:`) opens its list
_LIST_END = re.compile(r"\s*(?:[.,;:)(\[\]!?—–]|\s*$|(?:and|as\s+well\s+as)\s+(?:many|several|some|others?|hundreds|"
                       r"thousands|dozens|tens|a\s+number)\b)")
_LISTED_AFTER = re.compile(
    r"(?:\s+(?:as\s+well|too|also|(?:and|or)\s+[a-z]+))?"
    # (`perished in confinement, including`, `died in the camps, among them`)
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[a-z]+(?=,\s+(?:including|among|such\s+as|namely)\b))?"
    r"(?:\s*(?::|—|–|\()|,?\s+(?P<word>including|to\s+include|among\s+them|among\s+whom|such\s+as|namely)\b:?)\s*"
)


def listed_after(text: str, persons, trig: Trigger, end: int) -> list:
    """The persons a colon or dash after a subjectless verb lists: `The following perished: A, B`,
    `commissars were arrested and executed: defense industry—A, light industry—B`."""
    m = _LISTED_AFTER.match(text, trig.end, end)
    start = m.end() if m else _list_intro(text, persons, trig, end)
    group = list_after(text, persons, start, max_gap=40) if start is not None else []
    dash = _DESCRIBED_THEN_DASH.match(text, m.end(), end) if m and m.group("word") and not group else None
    if dash:
        # `perished, including the founders of a small circle of builders—its head, J. T. Orlov`
        group = list_after(text, persons, dash.end(), max_gap=80, strict=True)
    if group and not _LIST_END.match(text, group[-1][1]):
        return []  # `He was arrested: Orlov later told me so`: a new clause's subject, not a list
    return group


#: the end of a list's lead-in: a colon or dash, then a few lowercase words (`—the former marshals A, B`)
_INTRO_TAIL = re.compile(
    r"(?::|—|–|(?<=[a-z])-)\s*(?:[Tt]he\s+|[Aa]n?\s+)?(?:[a-z0-9][\w-]*\s+){0,4}(?:[A-Z][a-z]+\s+)?$"
)
_PREPOSITION_FIRST = re.compile(r"\s*(?:without|with|for|of|from|by|to|in|into|on|at|after|before|under|against|"
                                r"about|during|through|because)\b", re.IGNORECASE)
_AMONG_THERE_WERE = re.compile(r"\b[Aa]mong\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$")
_COPULA_START = re.compile(r"\s+(?:and\s+[a-z]+\s+)?(?:were|was|are|is)\b")


def _list_intro(text: str, persons, trig: Trigger, end: int) -> int | None:
    """Where the list starts that a verb's noun phrase leads into (`Among the rehabilitated were many who
    later won fame—the future generals A, B`; `With him perished leading figures of the party—A, B`;
    `They executed nearly all the chiefs—veterans of the Civil War: A, B`)."""
    after = [p for p in persons if trig.end <= p[0] < end]
    if not after or after[0][0] - trig.end > 240:
        return None
    stretch = text[trig.end : after[0][0]]
    m = _INTRO_TAIL.search(stretch)
    if not m or re.search(r"[.;!?]", stretch[: m.start()]):
        return None
    body = stretch[: m.start()]
    if _COPULA_START.match(body):
        return trig.end + m.start() + 1
    if _AMONG_THERE_WERE.search(text, max(0, trig.start - 60), trig.start) and re.search(
        r"\bthere\s+(?:were|was)\b", body
    ):
        # `Among the tens of thousands of arrested ... there were many officials ...: secretaries A, B`
        return trig.end + m.start() + 1
    if len(stretch) > 160:
        return None
    if VERB_CUE.search(body) or _PREPOSITION_FIRST.match(body):
        # another verb leads into the list (`... arrested him, and Orlov said: A, B`), or a phrase the
        # list only names a noun of (`was released without the signature of its editor—X`)
        return None
    return trig.end + m.start() + 1


#: the rest of a list item up to the `;` that opens the next one: an apposition, no verb
# (a bracketed alias may come first: `Vera Orlova (Maria Pavlova), who had given 40 years to ...; B`)
_ITEM_TAIL = re.compile(r"(?:\s*\([^()]{0,120}\))?(?:,[^.;:!?]{0,160}?)?\s*;\s*(?:and\s+)?")


#: a lead that closes on a title of its own after `and` (`chiefs of departments, and board members C`)
_NEW_TITLE = re.compile(r"\band\s+(?:[a-z][\w-]*\s+){1,3}$")


def closes_list(text: str, pos: int) -> bool:
    """Whether a list item ending at `pos` closes a list (punctuation, `and others`), not a clause's subject."""
    return bool(_LIST_END.match(text, pos))


def semicolon_items(text: str, persons, end: int, sentence_end: int) -> list:
    """The items after the first of a list set off by semicolons, each led by its post (`; the committee
    members D. Volgin and A. Rubin; B. Kedrov, the editor of ...`)."""
    out: list = []
    while True:
        m = _ITEM_TAIL.match(text, end, sentence_end)
        if not m:
            return out  # (an item's apposition may hold a relative clause: `A, who had directed ...; B`)
        nxt = next((p for p in persons if p[0] >= m.end()), None)
        if nxt is None or nxt[0] >= sentence_end:
            return out
        lead = text[m.end() : nxt[0]]
        # a post may name its body (`the rector of the Minsk polytechnic, I. Z. Sokolov`) when a
        # comma or dash sets the name off from it
        set_off = re.search(r"[,—–]\s*$", lead)
        if len(lead) > 100 or verb_cue(lead) or (
            _PREPOSITION.search(lead) and not set_off and not _NEW_TITLE.search(lead)
        ):
            return out
        group = list_after(text, persons, m.end(), max_gap=100)
        if not group or not _LIST_END.match(text, group[-1][1]):
            return out  # (`...; then Stalin praised Kedrov`: a clause, no item)
        out.extend(group)
        end = group[-1][1]


def including(text: str, persons, start: int, end: int) -> list:
    """`coopted several persons including A, B and C`: the list the trigger's object introduces."""
    m = _INCLUDING.search(text, start, min(end, start + 120))
    if not m or VERB_CUE.search(text, start, m.start()):
        return []
    if m.group(0) in (":", "—") and re.search(r"\b(?:of|without|with|for)\b", text[start : m.start()]):
        return []  # `was released without the signature of its editor—X`: the dash closes a phrase, no list
    return list_after(text, persons, m.end(), max_gap=12)


def plural_groups(text: str, persons: list) -> list[list]:
    """Coordinated lists of two or more persons (`A, B and C`), in order; a list governed by a
    preposition (`defended by A and B`, `sent to A, B and C`) is left out: `they` is not them."""
    groups: list[list] = []
    for p in persons:
        gap = text[groups[-1][-1][1] : p[0]] if groups else ""
        if groups and (_LIST_GAP.match(gap) or _APPOSITIVE_GAP.match(gap) or _DASH_APPOSITION.fullmatch(gap)
                       or _TITLED_ITEM_GAP.fullmatch(gap)):
            groups[-1].append(p)
        else:
            groups.append([p])
    return [
        g for g in groups
        if len({p[2].person_id for p in g}) >= 2 and not _GOVERNED.search(text, max(0, g[0][0] - 25), g[0][0])
    ]


# `A, the famous economist B, the writer C and the agronomist D`: each item's title before its name (not `A, the
# brother of B`: the title's `of` names another, who is no item)
# (an item may close with a relative clause: `the economist B who in 1917 was a "friend" of the minister, the
# writer C`)
_TITLED_ITEM_GAP = re.compile(
    r"(?:\s+who\s+[^,.;:!?()—–]{1,120}?)?\s*,\s*(?:and\s+)?(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,4}"
    r"(?!(?:of|by|to|with|for|from|and|or|who|whom|which|that)\s)[a-z][\w-]*\s+"
)
# `A—director of the institute, as well as specialists in planning—B, C and D were charged`
_DASH_APPOSITION = re.compile(r"\s*[—–]\s*[^—–.;:!?]{1,200}?[—–]\s*")
# `A, B and others`, `A, B and many other philosophers`
AND_OTHERS = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)\s+(?:many\s+|several\s+|some\s+)?(?:others?\b|other\s+[a-z]+s\b)"
)
