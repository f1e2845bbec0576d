"""Facts from a report: trigger words, the persons they take, modality, agent and year.

Works paragraph by paragraph on the repaired reading and reports source offsets. The rules
follow English clause shape rather than a parser: passive (`X and Y were shot`), fronted
(`Executed was X`), active (`the NKVD arrested X`), attributive (`the exiled X`), nominal
(`the arrest of X`, `Kirov's murder`), relative (`X, who was arrested in 1937`), and he/him or
they/them for persons named just before.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention
from kartoteka.extract.quantities import find_quantities
from kartoteka.facts.aggregates import aggregate_id, aggregates_in_paragraph
from kartoteka.facts.attributes import ACCORDING, agent_of, place_of
from kartoteka.facts.dated_events import EventMention, find_dated_events
from kartoteka.facts.lists import (
    AND_OTHERS,
    VERB_CUE,
    after_preposition,
    closes_list,
    including,
    list_after,
    list_before,
    listed_after,
    plural_groups,
    possessive,
    semicolon_items,
    verb_cue,
)
from kartoteka.facts.modality import DENIED, modality_of
from kartoteka.facts.model import Aggregate, Fact, PersonRef
from kartoteka.facts.sentences import clause_spans, sentence_spans
from kartoteka.facts.speakers import SpeakerTracker, first_person, speaker_at
from kartoteka.facts.triggers import Trigger, find_triggers
from kartoteka.facts.years import (
    CLAUSE,
    OWN,
    PARAGRAPH,
    SENTENCE,
    Years,
    YearValue,
    episodes_named,
    episodes_referred,
    last_year,
    one_year,
    year_items,
)
from kartoteka.resolve.lexicon import FEMALE_GIVEN, GIVEN, GROUP_NOUNS

_AUX = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:(?:\w+ly|also|later|then|soon|not|never|again|all|"
                  r"both|themselves|himself|herself|subsequently|eventually|immediately|finally|first|still|even|"
                  r"found|once|in \d{4}|at\s+(?:once|first)|"
                  r"for\s+(?:a\s+long\s+time|(?:many\s+)?(?:years|months|weeks))),?\s+)"
                  r"{0,3}$", re.IGNORECASE)
# `X was one of those convicted`, `X was among those arrested`: a passive
_ONE_OF_THOSE = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+|also\s+)?(?:(?:one|some|two|three)\s+of\s+those|among\s+those)\s+$", re.IGNORECASE
)
# what may open the sentence before a fronted verb (`Also arrested were X, Y`)
_FRONTED_LEFT = re.compile(r"\s*(?:(?:also|then|later|soon|subsequently|in\s+\d{4}|at\s+the\s+same\s+time),?\s+)?",
                           re.IGNORECASE)
_FRONTED = re.compile(r"^\s*(?:(?:and|also|then)\s+)?(?:was|were)\b", re.IGNORECASE)
_AMONG = re.compile(r"\bamong\s+(?:those|the|them|others)?\s*(?:who\s+(?:were|had\s+been)\s+)?$", re.IGNORECASE)
_GROUP_ANAPHOR = (r"the\s+defendants|all\s+(?:of\s+)?the\s+defendants|the\s+accused|the\s+convicts|all\s+of\s+them|"
                  r"none\s+of\s+them")
_LATTER = re.compile(r"\b(?:the|The)\s+(latter|former)\s+(?:\w+\s+){0,2}$")
_ONE_OF = r"(?:(?:one|some|two|three)\s+of\s+those\s+|among\s+those\s+)"
_PRONOUN_BEFORE = re.compile(rf"\b(he|she|they|{_GROUP_ANAPHOR})\s+(?:\w+\s+){{0,3}}{_ONE_OF}?$", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(rf"^\s+(him|her|them|{_GROUP_ANAPHOR})\b", re.IGNORECASE)
# (`and he advanced Yezhov`: a pronoun opens a clause, and the name after its verb is its object)
_IN_PHRASE = re.compile(r"\b(?:of|by|with|to|from|for|against|about|on|under|than|and|or)\s+(?:the\s+)?"
                        r"(?:(?!(?:he|she|they|we|it|that|when|while|because|although|if)\s)[a-z]+\s+){0,2}"
                        r"(?:[A-Z][a-z]?\.\s?){0,3}$")  # (`it stands to reason that Stalin`: a clause's subject)
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her|their)\s+(?:own\s+)?$", re.IGNORECASE)
# an object named by its title before its name: `the recent people's commissar of armaments, `
_TITLED_OBJECT = re.compile(r"\s+(?:also\s+)?(?:the|his|her|their)\s+(?:[a-z][\w'’-]*\s+){1,6}?(?:of\s+(?:the\s+)?"
                            r"[\w'’-]+\s+){0,2}?[a-z][\w'’-]*,\s*"
                            # (a body's capitalised name may close the title: `the first secretary of the
                            # Komsomol Central Committee, A. V. Orlov`)
                            r"|\s+(?:also\s+)?(?:the|his|her|their)\s+(?:[a-z][\w'’-]*\s+){1,4}?of\s+(?:the\s+)?"
                            r"(?:[A-Z][\w'’()-]*\s+){0,3}[A-Z][\w'’()-]*,\s*")
_BY_BEFORE = re.compile(r"\bby\s+(?:[A-Z][a-z]?\.\s?){0,3}$")
# a phrase shifted before a heavy object: `expelled from the party X`, `removed from their posts X, Y`
_SHIFTED_PHRASE = re.compile(r"\s+from\s+(?:the\s+)?(?:party|VKP\(b\)|Komsomol|Central\s+Committee|Politburo|army|"
                             r"(?:his|her|their)\s+posts?)\s+")
# the object's noun phrase before its name: `one of the best foreign Comintern workers, `
_OBJECT_NP = re.compile(r"(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,6}?[\w-]+,\s*"
                        r"(?=(?:[A-Z][a-z]?\.\s?)*[A-Z])")
_OF_AFTER = re.compile(r"^\s+(?:of|from the party of)\s", re.IGNORECASE)
_COORDINATED_NOUN_OF = re.compile(r"\s+and\s+(?:the\s+)?(?:subsequent\s+|later\s+)?[a-z]+ of ")
#: `X, whose arrest`: a relative possessive before an event noun (`whose subsequent arrest`)
_WHOSE_BEFORE = re.compile(r",\s*whose\s+(?:[a-z]+\s+)?$")
_POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s|s')\s+(?:\w+\s+)?$")
_COUNT_CUE = re.compile(r"\d|\b(?:hundreds|thousands|millions|dozens?|several|one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
                        re.IGNORECASE)
_AMONG_NOUN = re.compile(r"\b[Aa]mong\s+(?:the\s+|those\s+)?(?:[\w\"'“”-]+\s+){0,4}$")
# `Among the leaders who perished were`: a frame with a relative clause, closed by its copula (not an
# auxiliary: `who perished and were no longer serving`)
_AMONG_RELATIVE = re.compile(r"\b[Aa]mong\s+(?:the\s+|those\s+)?[^.;:!?,()]{0,60}?\bwho\s+(?:had\s+|have\s+)?$")
_FRAME_CLOSES = re.compile(
    r"[^.;:!?]{0,140}?(?:,\s*|\s)(?:are|were)\s+(?!(?:no|not|never|also|being)\b|\w+(?:ing|ed)\b)"
)
_THERE_WERE = re.compile(r"[^.;:!?]{0,60}?\b(?:there\s+)?(?:were|was)\b[^.;:!?]{0,80}?(?:such\s+as|including|:|—)?\s*"
                         r"(?=[A-Z])")
_PASSIVE_CHAIN = re.compile(
    r"\b(?:was|were)\s+(?:(?:\w+ly|then|later|soon|also)\s+)?\w+ed\b[^.;:]{0,70}?(?:,|\band\b)\s+"
    r"(?:(?:and|then|later|soon|afterwards|"
    r"subsequently|immediately|finally)\s+){0,3}$",
    re.IGNORECASE,
)
_PLURAL_ANTECEDENT = re.compile(
    r"\b(?:officers|members|people|workers|communists|leaders|specialists|engineers|scientists|commanders|"
    r"delegates|officials|residents|Bolsheviks|Chekists|peasants|writers|documents|papers|letters|materials|"
    r"committees|organizations|others|children|wives|relatives|families|prisoners|students|men|women|victims|"
    r"comrades|friends|colleagues|associates|persons|cadres|the\s+(?:arrested|accused|condemned|convicted))\b"
    r"(?!['’]s)",  # (not `People's Commissars`)
    re.IGNORECASE,  # (`People were not questioned, they were simply shot`)
)
#: what may stand between a plural noun and the names that say who they are (`his comrades, A and B`; `his
#: comrades-in-arms in the leadership of ..., A and B`)
_NAMES_THEM = re.compile(r"(?:[^.;:,()]{0,80},)?\s*[,:(—–-]?\s*(?:(?:the|such|as|namely|including|among\s+them)\s+)*")
# `After Kashketin and his commission had done it, they were shot`: `they` are named in this sentence
_AND_HIS = re.compile(r"\b(?:and|with)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:commission|group|brigade|family|"
                      r"assistants|deputies|men|comrades|colleagues|associates|accomplices|staff|wife|husband|son|"
                      r"sons|daughter|brother|friends?)\b", re.IGNORECASE)
_AND_WHO = re.compile(r"\s*,?\s*(?:and|or)\s+who\s+(?:also\s+|later\s+)?(?:(?:were|was|had\s+been)\s+)?")
_THOSE_WHO = re.compile(r"\b[Tt]hose\s+who\s+(?:were|had\s+been)\s+$")
_COORDINATED = re.compile(
    r"[^.;:!?]{0,90}?(?:,|\band\b|\bor\b|\bbut\b|\bas\s+well\s+as\b)\s+(?:(?:and|then|later|soon|subsequently|afterwards|was|were|"
    r"also|himself|herself|themselves|immediately|finally|being|in\s+being)\s+){0,3}$"
)
_ASIDE = re.compile(r"\([^()]{1,120}\)")

_OTHER_VERB = re.compile(r"\b(?:said|wrote|told|asked|declared|became|went|came|knew|saw|thought|believed|who|which|"
                         r"that|whom|had|has|have|is|are)\b", re.IGNORECASE)


@dataclass
class _Paragraph:
    text: str  # repaired text of the block
    offset: int  # repaired offset of the block start
    persons: list[tuple[int, int, PersonRef]]  # spans relative to `text`
    previous_group: list | None = None  # the last list of persons of the previous paragraph
    carried_year: YearValue | None = None  # the year in force at the previous paragraph's end (absolute offsets)
    episode_year: YearValue | None = None  # the year of the episode this year-less paragraph goes on telling
    #: who speaks the quotation this paragraph opens with, when an earlier paragraph named them
    speaker: tuple | None = None


class TextScan:
    """Triggers and DATE mentions of a whole text, found once and handed out per paragraph
    (per-paragraph scans cost more than the rest of the layer together)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.triggers = find_triggers(text)
        self.trigger_starts = [t.start for t in self.triggers]
        self.dates = find_dates(text)
        self.date_starts = [d.start for d in self.dates]
        self.events = find_dated_events(text)
        self.event_starts = [e.start for e in self.events]
        self._quantities: list[Mention] | None = None
        self.quantity_starts: list[int] = []

    def quantities_in(self, start: int, end: int) -> list[Mention]:
        if self._quantities is None:  # only the aggregates need them
            self._quantities = find_quantities(self.text, dates=self.dates)
            self.quantity_starts = [q.start for q in self._quantities]
        i, j = bisect_left(self.quantity_starts, start), bisect_left(self.quantity_starts, end)
        return [replace(q, start=q.start - start, end=q.end - start) for q in self._quantities[i:j] if q.end <= end]

    def triggers_in(self, start: int, end: int) -> list[Trigger]:
        i, j = bisect_left(self.trigger_starts, start), bisect_left(self.trigger_starts, end)
        return [Trigger(t.type, t.role, t.start - start, t.end - start) for t in self.triggers[i:j] if t.end <= end]

    def events_in(self, start: int, end: int) -> list[EventMention]:
        i, j = bisect_left(self.event_starts, start), bisect_left(self.event_starts, end)
        return [_shift_event(e, -start) for e in self.events[i:j] if e.end <= end]

    def dates_in(self, start: int, end: int) -> list[Mention]:
        i, j = bisect_left(self.date_starts, start), bisect_left(self.date_starts, end)
        return [replace(d, start=d.start - start, end=d.end - start) for d in self.dates[i:j] if d.end <= end]


_RELATIVE_OPENS = re.compile(r",\s*(?:who|whom)\b")


def _closes_relative(text: str, previous: tuple, trig: Trigger) -> bool:
    """`X, the friend of A and B, who had been exiled, perished`: the earlier verb sits in a relative
    clause on its own subject, and a bare comma closes it before this verb (whose subject is X)."""
    prev_trig, group, _how = previous
    named = [p for p in group if p[1] is not None and p[1] <= prev_trig.start]
    if not named or not re.fullmatch(r"\s*,\s*", text[prev_trig.end : trig.start]):
        return False
    return bool(_RELATIVE_OPENS.search(text, named[-1][1], prev_trig.start))


def _shift_event(e: EventMention, by: int) -> EventMention:
    return replace(e, start=e.start + by, end=e.end + by, base_start=e.base_start + by, base_end=e.base_end + by)


def _fact_id(person_id: str, type_: str, start: int) -> str:
    digest = hashlib.sha1(f"{person_id}|{type_}|{start}".encode()).hexdigest()[:12]
    return f"f-{digest}"


def _persons_in(paragraph: _Paragraph, start: int, end: int) -> list[tuple[int, int, PersonRef]]:
    starts = [p[0] for p in paragraph.persons]
    return paragraph.persons[bisect_left(starts, start) : bisect_right(starts, end - 1)]


#: event nouns that are also the verb's bare form (`decided to arrest X`; not `sentenced to death, X ...`)
_VERB_NOUNS = frozenset(["arrest", "rearrest", "re-arrest", "release", "exile", "murder"])


def _patients(text: str, clause: tuple[int, int], persons, trig: Trigger) -> tuple[list, str]:
    """Persons the trigger happens to, and how they were found."""
    cs, ce = clause
    left = text[cs : trig.start]
    right = text[trig.end : ce]
    if trig.role == "noun" and re.search(r"\bto\s+$", left) and text[trig.start : trig.end].lower() in _VERB_NOUNS:
        trig = Trigger(trig.type, "verb", trig.start, trig.end)  # `decided to arrest X`: a verb after all
    if trig.role == "noun":
        # (`the arrest and execution of Igor Kedrov`: the second noun's `of` names the first's persons too)
        coordinated = _COORDINATED_NOUN_OF.match(right)
        of_at = trig.end + coordinated.end() - len(" of ") if coordinated else trig.end
        if _OF_AFTER.match(text[of_at:ce]):
            group = list_after(text, persons, of_at, max_gap=40, strict=True)
            if _ONE_OF.match(text, of_at) and (not group or "—" in text[of_at : group[0][0]]):
                # `the arrest of one of the men he relied on—the head of his guard, A. B. Orlov`:
                # a dash names the one (`one of those he valued—and X knew it` names no one)
                one_of = _ONE_OF_THEN_DASH.match(text, of_at)
                return (list_after(text, persons, one_of.end(), max_gap=160, strict=True)[:1] if one_of else []), \
                    "nominal"
            if group and re.search(r"[\"“”]", text[of_at : group[0][0]]):
                group = []  # `the trial of the "industrial party," X ...`: a named case or group, then X
            if group and _BY_BEFORE.search(text, max(0, group[0][0] - 20), group[0][0]):
                return [], "none"  # `the death of the victim selected by Stalin`: Stalin is the agent
            closing = text[group[-2][1] : group[-1][0]] if len(group) > 1 else "and"
            if not re.search(r"\b(?:and|or|as well as)\b", closing) and not AND_OTHERS.match(text, group[-1][1], ce):
                # a list closes with `and`: in `before the arrest of Blyukher, Stalin spoke` Stalin is a subject
                group = group[:1]
            return group or including(text, persons, trig.end, ce), "nominal"
        if _POSSESSIVE_BEFORE.search(left):
            before = [p for p in persons if p[1] <= trig.start]
            if before and trig.start - before[-1][1] <= 12:
                return [before[-1]], "possessive"
        whose = _WHOSE_BEFORE.search(text, max(0, trig.start - 40), trig.start)
        if whose:
            # `the chemist A. Sokolov, whose arrest caused an outcry`: the name the relative follows
            before = [p for p in persons if p[1] <= whose.start()]
            if before and not text[before[-1][1] : whose.start()].strip():
                return [before[-1]], "possessive"
        if (trig.type == "imprisoned" and _OPENING_ADVERBIAL.match(left) and len(left) <= 80
                and not _POSSESSIVE_PRONOUN.search(left)):
            # `Despite all 20 years of confinement, M. P. Orlov stayed ...`: the opening
            # phrase's confinement is the subject's that follows it
            after = list_after(text, persons, trig.end, max_gap=3, strict=True)
            if len(after) == 1 and not possessive(text, after[0]):
                return after, "possessive"
        return [], "none"
    if _AMONG_RELATIVE.search(left):
        # `Among the heroes of the war who perished in the terror, are the secretary of X, A. B. Orlov, ...`:
        # the frame's verb happens to the persons its copula lists
        m = _FRAME_CLOSES.match(text, trig.end, ce)
        if m:
            return list_after(text, persons, m.end(), max_gap=80), "fronted"
    if trig.role == "intrans":
        group = list_before(text, persons, trig.start, max_gap=45)
        before = [p for p in persons if p[1] <= trig.start] if not group else []
        if before and not possessive(text, before[-1]):
            # `X, the director of the Institute for Problems of Tuberculosis(,) perished`: a long apposition
            gap = text[before[-1][1] : trig.start]
            # (not a name an apposition's `of` holds: `X, the brother of Y, the director of ... perished`)
            held = _APPOSITION_OF.search(text, max(0, before[-1][0] - 80), before[-1][0])
            if _APPOSITION_GAP.fullmatch(gap) and not VERB_CUE.search(gap) and not held:
                group = [before[-1]]
        return group, "subject"
    # verbs
    if _AMONG_NOUN.search(left):
        # `Among the specialists arrested in 1929-1931 there were engineers such as A, B and C`
        m = _THERE_WERE.match(text, trig.end, ce)
        if m:
            return list_after(text, persons, m.end(), max_gap=20), "fronted"
    if _THOSE_WHO.search(left):
        # `Those who were shot or who died in the camps included, among others, A, B and C`
        m = re.search(r"\b(?:included|include|were|are)\b,?(?:\s*among\s+others,?)?\s*", text[trig.end : ce])
        if m:
            return list_after(text, persons, trig.end + m.end(), max_gap=20), "fronted"
    fronted = (_FRONTED_LEFT.fullmatch(left) or re.search(r"\bto\s+be\s+$", left)) and _FRONTED.match(right)
    if (_AMONG.search(left) and not _ONE_OF_THOSE.search(left)) or fronted:
        # `Arrested were the secretary of the Academy of Sciences, A. B. C, and ...`: a title may stand between
        return list_after(text, persons, trig.end, max_gap=110, copula=True), "fronted"
    if _AUX.search(left) or _ONE_OF_THOSE.search(left):
        group = list_before(text, persons, trig.start)
        if group:
            return group, "passive"
        # `X, who was arrested`: the relative pronoun's antecedent
        m = re.search(r"\bwho\b[^.;:!?]{0,80}$", left)
        if m:
            # the antecedent, possibly behind an apposition: `Eykhe, a candidate member ... who was appointed`
            before = [p for p in persons if p[1] <= cs + m.start()]
            gap = text[before[-1][1] : cs + m.start()] if before else ""
            if before and (len(gap) <= 3 or (gap.lstrip().startswith(",") and len(gap) <= 160
                                              and not VERB_CUE.search(gap))):
                return [before[-1]], "relative"
            # `X, a former chekist who worked ... (and who was arrested in 1937)`: a second relative clause
            # goes on with the first one's antecedent
            first = _FIRST_RELATIVE.match(gap) if before and _AND_WHO_BEFORE.search(gap) else None
            if first and not VERB_CUE.search(first.group(1)):
                return [before[-1]], "relative"
        # `V. Smirnov, who ..., visited the mines ..., yet by the close of the year was himself arrested`:
        # a predicate without a subject of its own shares the clause's, named at its start
        subject = [p for p in persons if p[0] - cs <= 3 and not possessive(text, p)]
        shared = _SHARED_SUBJECT.search(left)
        if subject and shared and not re.search(r"\b(?:he|she|they|it)\b", text[subject[0][1] : trig.start],
                                                re.IGNORECASE):
            # a bare comma closes an apposition (`X (Y), secretary ..., was executed`): a passive
            return [subject[0]], "coordinated" if re.match(r",?\s*(?:and|yet|but)\b", shared.group(0)) else "passive"
        group = including(text, persons, trig.end, ce)
        return group, "passive"
    # a chain after a passive: `X was falsely accused of wrecking, arrested and shot`
    m = _PASSIVE_CHAIN.search(left)
    if m:
        return list_before(text, persons, cs + m.start()), "passive"
    # inverted passive: `Only in 1956 was Kuzmenkov rehabilitated`
    before = [p for p in persons if p[1] <= trig.start]
    if before and re.fullmatch(r"\s*(?:\w+ly\s+)?", text[before[-1][1] : trig.start]) and re.search(
        r"\b(?:was|were)\s+$", text[max(cs, before[-1][0] - 8) : before[-1][0]]
    ):
        return [before[-1]], "passive"
    # `Zinovyev, Kamenev, Pyatakov and other officials already annihilated by Stalin`: a reduced relative after
    # `and other ...` says it of the names listed before too
    others = _AND_OTHERS_BEFORE.search(left)
    if others:
        group = _comma_list_ending(text, persons, cs + others.start())
        if group:
            return group, "reduced-relative"
    # attributive `the exiled X` / reduced relative `X, arrested in 1937,`
    if re.search(r"\b(?:the|a|an|newly|recently|later)\s+$", left, re.IGNORECASE):
        group = list_after(text, persons, trig.end, max_gap=25, objects_only=True)
        if group:
            return group, "attributive"
    if re.search(r",\s*$", left):
        before = [p for p in persons if p[1] <= trig.start]
        if before and trig.start - before[-1][1] <= 3:
            return [before[-1]], "reduced-relative"
    if re.search(r",\s*(?:also|later|himself|herself)\s+$", left):
        # `P. Orlov, head of the city soviet and a deputy, also arrested in that office`: a
        # reduced relative after the name's apposition
        before = [p for p in persons if p[1] <= trig.start]
        gap = text[before[-1][1] : trig.start] if before else ""
        if _ROLE_THEN_ALSO.fullmatch(gap) and not VERB_CUE.search(gap) and not possessive(text, before[-1]):
            return [before[-1]], "reduced-relative"
    first_word_end = trig.start + len(text[trig.start : trig.end].split()[0])
    if text[trig.start : trig.end].lower().endswith("to death"):
        first_word_end = trig.end  # `a guard beat to death the botanist X`: the object follows the phrase
    group = list_after(text, persons, first_word_end, max_gap=40, objects_only=True)
    if len(group) > 1 and text[trig.start : trig.end].endswith("ing"):
        # `After murdering X, Y and his men accused ...`: a gerund's list of objects closes with `and`; without
        # one, the comma ends the opening phrase and the next name is the subject
        joined = [i for i in range(1, len(group))
                  if re.search(r"\b(?:and|or|as well as)\b", text[group[i - 1][1] : group[i][0]])]
        if not AND_OTHERS.match(text, group[-1][1], clause[1]):
            group = group[: joined[0] + 1] if joined else group[:1]
    if group:
        return group, "active"
    shifted = _SHIFTED_PHRASE.match(text, first_word_end, clause[1])
    if shifted:
        # `They expelled from the party one of the best workers, W. Orlov`: a phrase shifted before the object
        object_np = _OBJECT_NP.match(text, shifted.end(), clause[1])
        group = list_after(text, persons, object_np.end() if object_np else shifted.end(), max_gap=0)
        if group:
            return group, "active"
    titled = _TITLED_OBJECT.match(text, first_word_end, clause[1])
    if titled:
        # `released the recent people's commissar of armaments, Vannikov`: the name renames the object
        group = list_after(text, persons, titled.end(), max_gap=0)
        if group:
            return group, "active"
    return including(text, persons, trig.end, clause[1]), "including"


def _comma_list_ending(text: str, persons, end: int) -> list:
    """The names listed with commas that end at `end` (`A, B, C` before `and other ...`)."""
    before = [p for p in persons if p[1] <= end and not possessive(text, p)]
    if not before or before[-1][1] != end:
        return []
    group = [before[-1]]
    for p in reversed(before[:-1]):
        if not _LIST_COMMA.fullmatch(text, p[1], group[0][0]):
            break
        group.insert(0, p)
    return group


_LIST_COMMA = re.compile(r"\s*,\s*")
_ALREADY = re.compile(r"\balready\s+$")
#: an opening phrase that puts the persons it names with the sentence's subject: `Together with Yagoda, ...`
_TOGETHER_WITH = re.compile(r"\s*(?:Together|Along)\s+with\s+[^,.;:]{2,80},")
_AND_OTHERS_BEFORE = re.compile(r",?\s+and\s+(?:many\s+|several\s+)?other\s+[a-z][^,.;:()\"“”]{0,60}?\s+"
                                r"(?:(?:already|previously|earlier|since|also)\s+)?$")
#: a role set off after a name, up to its verb: `, the director of the Central Institute for ...,`
_APPOSITION_GAP = re.compile(r",\s*(?:the|a|an|former)\s[^,;:.()\"“”]{5,110}?,?\s*")
_APPOSITION_OF = re.compile(r",\s*(?:the|a|an|former)\s[^,;:.()\"“”]{0,60}?\bof\s+(?:[A-Z][a-z]?\.\s?){0,3}$")
_ONE_OF = re.compile(r"\s+of\s+one\s+of\s")
_ONE_OF_THEN_DASH = re.compile(
    r"\s+of\s+one\s+of\s+(?:those|them|the\s)[^.;:—()]{0,60}—(?=\s*(?:the\s|his\s|her\s|[A-Z]))"
)
_ROLE_THEN_ALSO = re.compile(
    r",\s*(?:the\s+|a\s+|an\s+)?[a-z][^,;:.()\"“”]{3,100},\s*(?:also|later|himself|herself)\s+"
)
#: Events that each end in death: alternatives among them (`shot or died`) say only that.
_DEATHS = frozenset(["shot", "killed", "died", "suicide"])
_AND_WHO_BEFORE = re.compile(r"(?:\(|,)\s*and\s+$")
#: an apposition (no verb in it) up to the first `who` after a name
_FIRST_RELATIVE = re.compile(r"(,\s*(?:a|an|the|former)\s[^,;:.()]{0,60}?)\s+who\b")
_SUBORDINATE = re.compile(r"\b(?:when|after|before|as\s+soon\s+as|until|while|once)\b", re.IGNORECASE)
_SHARED_SUBJECT = re.compile(
    r"(?:,|\band|\byet|\bbut)\s+(?:(?:at|in|on|by|soon|later|then|afterwards)\b[^,;.]{0,40}?\s+)?(?:was|were)\s+"
    r"(?:(?:himself|herself|themselves|also|later|then|soon|\w+ly)\s+){0,2}$",
    re.IGNORECASE,
)
_GAPPED = re.compile(r"\s+(from|to|as|into|on)\s+[^,.;:()]{1,60}?,?\s+and\s+")
# (`was sentenced "just" to 10 years, and Kamenev to 5`; `were sentenced to 10 years' confinement, Orlov to 8`:
# a bare comma only before a name and a number)
_GAPPED_PASSIVE = re.compile(
    r"\s+(?:\"[^\"]{1,20}\"\s+)?(?:on|in|to)\s+[^,.;:()]{1,30}?"
    r"(?:,?\s+and\s+|,\s+(?=[A-Z][\w-]+\s+(?:to\s+\d|in\s+\d{4})))"
)
_GAPPED_PASSIVE_TAIL = re.compile(r"\s+(?:(?:on|in)\s+(?:\d|[A-Z][a-z]+\s+\d|the\s)|to\s+\d)")
_GAPPED_TAIL = re.compile(r"\s+(?:from|to|as|into|on)\b")
_WITH = re.compile(r"\bwith\s+")
_ROLE_AFTER = re.compile(
    r"\s*,?\s+(?:as\s+)?(?:the\s+|its\s+|his\s+)?(?:\w+\s+)?(?:secretaries|secretary|deputies|deputy|"
    r"members|member|assistants|chairmen|vice-chairmen)\b",
    re.IGNORECASE,
)


def _with_role(text: str, persons, start: int, end: int) -> list:
    """`... with A and B the secretaries` / `with A as his deputy`: the persons the role names."""
    m = _WITH.search(text, start, end)
    if not m:
        return []
    group = list_after(text, persons, m.end(), max_gap=3)
    if not group or group[-1][1] > end or not _ROLE_AFTER.match(text, group[-1][1]):
        return []
    return group


def _resolve_pronoun(text: str, clause: tuple[int, int], sentences, persons, trig: Trigger, how: str,
                     previous_group: list | None = None):
    """The persons a pronoun before (or after) the trigger stands for, and a confidence. A pronoun in
    quoted speech opened in its own sentence (`"There were reasons for his arrest," X replied`) is the
    speaker's: a person named outside the quotation is not its antecedent."""
    group, conf = _pronoun_antecedents(text, clause, sentences, persons, trig, how, previous_group)
    sentence_start = max((s for s, _e in sentences if s <= trig.start), default=0)
    # double quotes, or single ones that are no apostrophe (`'We'll report that he died'`), each kind
    # counted apart (`"I remember what X said: 'They killed him'`)
    head = text[sentence_start : trig.start]
    open_at = []
    for kind in (r"[\"“”]", r"[‘’]|(?<!\w)'|'(?!\w)"):
        marks = [m.start() for m in re.finditer(kind, head)]
        if len(marks) % 2 == 1:
            open_at.append(sentence_start + marks[-1])
    if group and open_at and all(p[0] is not None and p[0] < max(open_at) for p in group):
        return [], None
    return group, conf


def _pronoun_antecedents(text: str, clause: tuple[int, int], sentences, persons, trig: Trigger, how: str,
                         previous_group: list | None = None):
    cs, _ce = clause
    base = cs  # where the text `m` searched begins
    if trig.role == "noun":
        base = max(cs, trig.start - 12)
        m = _POSSESSIVE_PRONOUN.search(text[base : trig.start])
        how = "passive"  # `his death`: the owner is the antecedent, found before
    elif how in ("passive", "subject") and _LATTER.search(text, cs, trig.start):
        # `Kosior and Chubar ..., the latter committed suicide`: the second (or first) of the last two
        m = _LATTER.search(text, cs, trig.start)
        named = [p for p in persons if p[1] <= m.start()]
        distinct = list(dict.fromkeys(p[2].person_id for p in named))[-2:]
        if len(distinct) == 2:
            wanted = distinct[1] if m.group(1) == "latter" else distinct[0]
            return [next(p for p in reversed(named) if p[2].person_id == wanted)], 0.6
        return [], None
    elif how in ("passive", "subject"):
        m = _PRONOUN_BEFORE.search(text[cs : trig.start])
        chain = None if m else _PASSIVE_CHAIN.search(text, cs, trig.start)
        if chain:  # `he was summoned to Alma-Ata and arrested`
            m = _PRONOUN_BEFORE.search(text[cs : chain.start()])
    else:
        m = _PRONOUN_AFTER.match(text[trig.end : trig.end + 40])
    if not m:
        return [], None
    pronoun = {"his": "he", "their": "they"}.get(m.group(1).lower(), m.group(1).lower())
    if trig.role == "noun" and m.group(1).lower() == "their":
        # `One year before their own death Blyukher, Belov and Alksnis took part in ...`: an opening
        # phrase's `their` names the list that follows it as the subject
        sentence_start = max((s for s, _e in sentences if s <= trig.start), default=0)
        opening = re.split(r"[.;:!?]\s", text[sentence_start : trig.start])[-1]  # (`etc. One year before`)
        after = list_after(text, persons, trig.end, max_gap=3)
        if len(opening) <= 60 and len({p[2].person_id for p in after}) >= 2:
            return after, 0.5
    if trig.role == "noun" and m.group(1).lower() in ("his", "her"):
        # `In the third of her years of confinement, S. I. Orlova met ...`: an opening adverbial's
        # `his`/`her` names the subject that follows it
        sentence_start = max((s for s, _e in sentences if s <= trig.start), default=0)
        opening = text[sentence_start : trig.start]
        after = list_after(text, persons, trig.end, max_gap=3, strict=True)
        female = m.group(1).lower() == "her"
        sentence_end = next((e for s, e in sentences if s <= trig.start < e), len(text))
        if (len(opening) <= 80 and _OPENING_ADVERBIAL.match(opening) and len(after) == 1
                and _is_female(text, after[0]) == female
                and not _OBJECT_PRONOUN.search(text, after[0][1], sentence_end)):
            return after, 0.5
    if pronoun not in ("he", "she", "him", "her"):
        pronoun = "they"
        sentence_start = max((s for s, _e in sentences if s <= cs), default=0)
        at = base + m.start() if how in ("passive", "subject") else trig.start
        and_his = _AND_HIS.search(text, sentence_start, at)
        if and_his and any(and_his.end() <= p[0] < at for p in persons):
            and_his = None  # `and his comrades, A and B, were sent ..., where they were arrested`: named
        # (`his comrades, A and B,` names them; a name further on, `the prisoners, ... with the approval of
        # Beria, ... shoot them`, does not)
        plural = [g for g in _PLURAL_ANTECEDENT.finditer(text, sentence_start, trig.start)
                  if not any(g.end() <= p[0] < at and _NAMES_THEM.fullmatch(text, g.end(), p[0]) for p in persons)]
        head = [p for p in persons if and_his and not plural and text[p[1] : and_his.start()].isspace()]
        if head and not possessive(text, head[-1]):
            # `After Orlov and his commission had done their work, they themselves were shot`: the one named
            # is among them
            return head[-1:], 0.5
        if plural or and_his:
            # `Many intelligence officers were called to Moscow, and here they were shot`: `they` are
            # the officers of this sentence, not a list of names named earlier
            return [], None
    if trig.role == "noun" and pronoun in ("he", "she"):
        # `the release of Lenin after his arrest`, `Yakir, prior to his arrest,`: the nearest person named
        # before `his` in its sentence
        sentence_start = max((s for s, _e in sentences if s <= trig.start), default=0)
        near = [p for p in persons if sentence_start <= p[0] and p[1] <= base + m.start()
                and not possessive(text, p) and _is_female(text, p) == (pronoun == "she")]
        if near:
            return [near[-1]], 0.55
    if pronoun in ("him", "her"):
        # `they arrested X and soon executed him`: the pronoun is the object of the first verb, named right
        # before the `and`
        chained = _NAME_AND_VERB.search(text, max(0, trig.start - 40), trig.start)
        named = [p for p in persons if chained and p[1] == chained.start() and not possessive(text, p)
                 and _is_female(text, p) == (pronoun == "her")]
        if named and _VERB_BEFORE_NAME.search(text, max(0, named[0][0] - 40), named[0][0]):
            return named[:1], 0.6
        # `repealed the orders of Sytin and then removed him`: an object pronoun may take a person of
        # a phrase earlier in its own sentence (the verb's subject it cannot take: that is `himself`)
        sentence_start = max((s for s, _e in sentences if s <= trig.start), default=0)
        # (or the main clause's subject when the verb stands in a `when`/`after` clause: `said Orlov to
        # his sister when the NKVD came for him`)
        phrase = [p for p in persons if sentence_start <= p[0] and p[1] <= trig.start and not possessive(text, p)
                  and (_IN_PHRASE.search(text, max(0, p[0] - 25), p[0]) or _SUBORDINATE.search(text, p[1], trig.start))
                  and _is_female(text, p) == (pronoun == "her")]
        if len({p[2].person_id for p in phrase}) == 1:
            return [phrase[-1]], 0.55
    # the nearest earlier sentence (or earlier part of this one) that names persons
    earlier = [p for p in persons if p[1] <= (base + m.start() if how in ("passive", "subject") else cs)]
    # where the pronoun stands (one after the verb was searched from the verb's end)
    at_pronoun = base + m.start() if how in ("passive", "subject") else trig.end + m.start()
    if pronoun in ("he", "she", "him", "her"):
        # persons in a closed parenthesis (`According to testimony (A, B, C) he was shot`) cite, not act:
        # the antecedent is named before them
        earlier = [p for p in earlier if not _in_closed_parenthesis(text, p, base + m.start())]
    if not earlier:
        if pronoun == "they" and previous_group and not _things_before(text, sentences, trig.start):
            return previous_group, 0.45  # the list the previous paragraph named
        return [], None
    last_sentence = max(s for s in sentences if s[0] <= earlier[-1][0])
    in_it = [p for p in earlier if p[0] >= last_sentence[0]]
    distinct = {p[2].person_id for p in in_it}
    here = max((i for i, s in enumerate(sentences) if s[0] <= trig.start), default=0)
    if pronoun in ("he", "she", "him", "her") and here - sentences.index(last_sentence) > 2:
        return [], None  # `they convicted him` three sentences after the last name: someone unnamed
    if pronoun in ("he", "she", "him", "her") and any(
        (r.group().endswith("latter") or not re.search(r",\s*$", text[max(0, r.start() - 3) : r.start()]))
        and not re.match(r"\s+(?:[A-Z][a-z]?\.\s?){0,3}[A-Z][a-z]", text[r.end() :])
        # (`X, his enemy and one of the most prominent Bolsheviks,`: an apposition to the name, not another man)
        and not (text.startswith(",", in_it[-1][1]) and text.endswith("one of ", 0, r.start()))
        for r in _ROLE_NP.finditer(text, in_it[-1][1], at_pronoun)
    ):
        # `The pilot went back to the front. Later he died in battle`; `the latter remained his
        # secretary. He was dismissed`; `a promise from Stalin to spare this veteran of the party. Yet he was
        # never released`: a person named by a noun stands nearer than the last name
        return [], None
    known = {p[2].surname for p in persons}
    if pronoun in ("he", "she", "him", "her") and any(
        u.group() not in known
        for u in _UNKNOWN_NAME.finditer(text, max(last_sentence[1], sentences[here][0]), at_pronoun)
    ):
        # `Investigators Ivanov and Gletkin prepare the novel's hero Rubashov ... during his confinement`:
        # a name no person record holds (a character) stands nearer than the last person
        return [], None
    if pronoun in ("he", "she", "him", "her"):
        # Russian surnames show gender (-a, -aya for women): `her death` is not Stalin's
        female = pronoun in ("she", "her")
        # persons in a closed parenthesis (`According to testimony (A, B, C) he was shot`) cite, not act
        gendered = [p for p in in_it if _is_female(text, p) == female
                    and not _in_closed_parenthesis(text, p, base + m.start())]
        in_it = [p for p in gendered if not possessive(text, p)]
        if not in_it and len({p[2].person_id for p in gendered}) == 1:
            in_it = gendered  # `Belov's concern was justified. He was arrested`: the owner is the one named
        if pronoun in ("him", "her") and trig.role != "noun":
            # `X wrote to Stalin. Stalin brought him back`: an object pronoun is not its own clause's subject
            own = {p[2].person_id for p in persons if p[0] is not None and cs <= p[0] < trig.start
                   and not possessive(text, p)}
            in_it = [p for p in in_it if p[2].person_id not in own]
        distinct = {p[2].person_id for p in in_it}
        if len(distinct) == 1:
            if last_sentence[1] <= trig.start and _IN_PHRASE.search(
                text, max(0, in_it[-1][0] - 25), in_it[-1][0]
            ) and re.search(r"\bshe\b" if female else r"\bhe\b", text[last_sentence[0] : in_it[-1][0]], re.IGNORECASE):
                # `he inflicted defeat on the divisions of Denikin ... Before his arrest, he was ...`: that
                # sentence's `he` is the one the pronoun goes on naming, not the name in its phrase
                return [], None
            return [in_it[-1]], 0.7
        # `Upon the insistence of Trotsky, Stalin was removed ..., but ... he was appointed`:
        # persons inside a prepositional phrase are not antecedents; the latest other one is
        subjects = [p for p in in_it if not _IN_PHRASE.search(text, max(0, p[0] - 25), p[0])]
        if subjects:
            # ... but one named in a phrase after that subject is as near a candidate (`X wrote to Stalin, and
            # he was arrested`): not clear, no fact
            # (one in a parenthetical between commas is not: `X, with the approval of Trotsky, ...`)
            rivals = [p for p in in_it if p[0] > subjects[-1][0] and p[2].person_id != subjects[-1][2].person_id
                      and not _set_off(text, subjects[-1][1], p)]
            if rivals:
                # (`Sokolov refused the release of Orlov, and in 1941 he was shot`, `Sokolov had a use for Orlov,
                # and he was freed`: in one sentence, the person a noun's `of` or `for` names is the one a
                # passive `he` goes on with; `X wrote to Stalin, and he was arrested` stays unclear)
                if (how == "passive" and here == sentences.index(last_sentence)
                        and len({p[2].person_id for p in rivals}) == 1
                        and all(_THEME_OF.search(text, max(0, p[0] - 12), p[0]) for p in rivals)):
                    return [rivals[-1]], 0.5
                return [], None
            return [subjects[-1]], 0.55
        return [], None
    # they/them: the list of the nearest earlier sentence that names several persons
    for sentence in sorted((s for s in sentences if s[0] <= earlier[-1][0]), reverse=True):
        in_sentence = [p for p in earlier if sentence[0] <= p[0] < sentence[1]]
        plural = plural_groups(text, in_sentence)
        if plural:
            if here - sentences.index(sentence) > 3:
                return [], None  # `They hurried to kill them` five sentences after a list: others are meant
            return plural[-1], 0.5
        if len(in_sentence) >= 2:
            return [], None
    if previous_group and not _things_before(text, sentences, trig.start):
        return previous_group, 0.45  # no list in this paragraph before `they`: the recent paragraphs' list
    return [], None


#: a plural noun a demonstrative points at: `these ballots`, `those files` (things or persons unnamed)
_DEMONSTRATIVE_PLURAL = re.compile(r"\b(?:[Tt]hese|[Tt]hose)\s+(?:[a-z]+\s+)?[a-z]{3,}s\b")


def _things_before(text: str, sentences, at: int) -> bool:
    """Does the sentence before `at` (or its own, up to it) name a plural that `they` may be: `these ballots`?"""
    here = max((i for i, s in enumerate(sentences) if s[0] <= at), default=0)
    start = sentences[here - 1][0] if here > 0 else 0
    return bool(_DEMONSTRATIVE_PLURAL.search(text, start, at) or _PLURAL_ANTECEDENT.search(text, start, at))


#: what a noun's `of`/`for` names (`the release of Kedrov`), or whom one deals with (`deal with Mdivani`,
#: `settled accounts with Yenukidze`)
_THEME_OF = re.compile(r"(?:\b[a-z]+\s+(?:of|for)|\b(?:deal|dealt|accounts|reckon|reckoned)\s+with|\brevenge\s+on)"
                       r"\s+(?:[A-Z][a-z]?\.\s?)*$")
_OPENING_ADVERBIAL = re.compile(r"(?:In|During|After|Before|Throughout|At|On|Despite|Since|Until|Upon|For|"
                                r"(?:Not\s+long|Shortly|Soon|Just|Long|Only\s+\w+\s+\w+)\s+(?:before|after))\b"
                                r"[^,;.]*$")
# (`Two days before his arrest, Kalinin had awarded him a medal`: `him` in the main clause is the one `his` names)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")


_AUTHORITY_OF = re.compile(
    r"\b(?:approval|insistence|orders?|request|initiative|suggestion|proposal|consent|permission|instructions?|"
    r"behest|direction|sanction)\s+of\s+(?:(?:[A-Z][a-z]?\.\s?){1,3})?$"
)


def _set_off(text: str, after: int, p: tuple) -> bool:
    """Whether person `p` stands aside from what happens after position `after`: closing a phrase set
    off by commas (`, the younger son of G. I. Petrovsky,`, `, in the torture chambers of Petlyura,`)
    or naming whose approval or order it was (`with the approval of Trotsky`)."""
    if _AUTHORITY_OF.search(text, max(after, p[0] - 40), p[0]):
        return True
    opened = text.rfind(",", after, p[0])
    return opened >= 0 and text.startswith(",", p[1]) and not re.search(r"[.;:!?]", text[opened : p[0]])


#: a noun phrase naming a person by role (`the pilot`, `the investigator who ...`, `the latter`, `this veteran of
#: the party`)
_ROLE_NP = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,3}?(?:pilot|investigator|interrogator|guard|prisoner|soldier|"
    r"man|woman|latter|boy|girl|chekist|procurator|judge|sailor|peasant|worker|Bolsheviks?|veteran|revolutionary|"
    r"officer|commander|writer|scientist|engineer)\b"
)
#: a capitalised surname-like word inside a sentence (not after a full stop): a name, known or not
_UNKNOWN_NAME = re.compile(
    r"(?<=[a-z,] )[A-Z][a-z]+(?:ov|ev|in|yn|sky|skiy|ko|ich|vich|shvili|dze|yan)\b(?!['’]|\s+[A-Z])"
)


def _in_closed_parenthesis(text: str, p: tuple, until: int) -> bool:
    opened = text.rfind("(", 0, p[0])
    return opened > text.rfind(")", 0, p[0]) and p[0] - opened < 200 and ")" in text[p[1] : until]


def _is_female(text: str, p: tuple) -> bool:
    # only the unambiguous Russian endings: Yagoda, Lakoba and Smilga are men; a person known by a
    # given name and patronymic alone (`Zinaida Gavrilovna`) is told by the patronymic
    # (or, known by a given name alone, by that name: `his wife Mariya`)
    surname = p[2].surname
    if p[0] is not None and _FEMALE_PATRONYMIC.search(text, p[0], p[1]):
        return True
    if not surname or " " in surname or surname in GIVEN:
        return bool(surname) and surname.split()[0] in FEMALE_GIVEN
    return len(surname) > 4 and surname.endswith(("ova", "eva", "yna", "ina", "aya"))


_FEMALE_PATRONYMIC = re.compile(r"[a-z](?:ovna|evna|ichna)\b")


# `the group of exiles which included A and B`, `defendants ... such as A, B`: a noun names what
# happened to everyone in the list that follows it.
_GROUP_NOUNS = {
    "exiles": "exiled", "prisoners": "imprisoned", "convicts": "imprisoned", "inmates": "imprisoned",
    "defendants": "tried", "accused": "tried", "executed": "shot",
}
_LISTING = re.compile(
    r"\b(?P<noun>exiles|prisoners|convicts|inmates|defendants|the accused|(?:the\s+)?executed)\b[^.;:]{0,50}?"
    r"\b(?:including|included|such as|among them|namely|were\b(?![^.;:]{0,40}:\s))\b"
    # `The composition of the defendants was varied: ...`
    r"|\b(?P<cnoun>exiles|prisoners|convicts|inmates|defendants|the accused)\b[^.;:]{0,50}?(?P<colon>:)(?=\s)"
    r"|\b(?P<body>membership|composition|staff)\b[^.;]{0,80}?\b(?P<verb>included|includes|consisted of|"
    r"was approved including)\b"
    r"|\bwith\s+a\s+membership\s+of\b"
    r"|\bIt\s+also\s+included\b",
    re.IGNORECASE,
)
_THERE_WERE_AFTER = re.compile(r"[^.;:]{0,80}?\bthere\s+were\s+")
_ELECTED_BODY = re.compile(r"Politburo|Central Committee|Orgburo|\bBuro\b|BTsK|Presidium of the (?:Central|Supreme)")


_LISTING_WORDS = ("exiles", "prisoners", "convicts", "inmates", "defendants", "accused", "executed", "membership",
                  "composition", "staff", "also included")


# words without which a paragraph holds no group fact (a list named by a body, a noun or `These were`)
_GROUP_WORDS = (*_LISTING_WORDS, "these were", "they were", "among them were", "established", "formed", "set up",
                "created", "organized", "founded", "taken by", "filled by", "occupied by")


_TRIAL = re.compile(r"\btrials?\b|\bcourt\b|\bthe dock\b|\bMilitary Collegium\b|\btribunal\b", re.IGNORECASE)
_TRIAL_EVENT = re.compile(r"\btrials?\b|\btribunal\b", re.IGNORECASE)
_CHARGED = re.compile(
    r"\s*(?:—|-|,)?\s*(?:were|was)\s+(?:all\s+)?(?:charged|accused|indicted|tried|put\s+on\s+(?:trial|the\s+dock)|"
    r"(?P<verdict>condemned|sentenced|convicted))\b(?P<colon>\s*:)?"
)


def _list_facts(group: list, trig: Trigger, evidence: tuple[int, int], modality: str, confidence: float,
                year) -> list:
    """One fact tuple per person of `group`, all sharing the trigger, evidence, modality and year (no agent)."""
    return [(p[2], trig, evidence, modality, confidence,
             {"agent": None, "according_to": None, "year": year, "mention": (p[0], p[1])}) for p in group]


def _trial_facts(text: str, sentences, paragraph: _Paragraph, years: Years) -> list:
    """`A trial was held ... A, B and C—were charged with sabotage`: the accused at a trial were tried
    (the charge itself is the prosecution's claim; the trial is the text's)."""
    if not _TRIAL.search(text):
        return []
    out = []
    for m in _CHARGED.finditer(text):
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(text)))
        if m.group("verdict") and not _TRIAL_EVENT.search(text, sentence[0], sentence[1]):
            continue  # `were condemned`: tried when the sentence names the trial (`a tribunal at which`)
        group = list_before(text, paragraph.persons, m.start(), max_gap=400)
        if not group and m.group("colon"):
            # `Fourteen persons were accused: A, a writer; B, an economist, ...`
            group = list_after(text, paragraph.persons, m.end(), max_gap=20)
        if not group:
            continue
        window = text[sentence[0] : m.end()]
        # the charge is the prosecution's claim, the trial is the text's: only denial or a plan stops it
        if modality_of(window, len(window), text[sentence[0] : sentence[1]]) in ("denied", "hypothetical") or (
            DENIED.search(m.group(0))
        ):
            continue
        trig = Trigger("tried", "list", m.start(), m.end())
        year = years.near(0, len(text), m.start())
        ev = (min(sentence[0], group[0][0]), max(sentence[1], m.end()))
        out += _list_facts(group, trig, ev, "asserted", 0.6, year)
    return out


def _these_were_facts(text: str, sentences, paragraph: _Paragraph, years: Years, triggers: list[Trigger]) -> list:
    """`Twenty prisoners were kept in a shed. These were engineers—A, B and C`, `Many commanders
    were arrested. Among them were A and B`: the list names the group the sentence before made the
    subject of an event noun (prisoners, exiles, defendants) or of a passive (`were arrested`)."""
    out = []
    for m in _THESE_WERE.finditer(text):
        k = next((i for i, (a, b) in enumerate(sentences) if a <= m.start() < b), None)
        if not k:
            continue
        ps, pe = sentences[k - 1]
        ss, se = sentences[k]
        if m.start() != ss:
            continue
        noun = _GROUP_SUBJECT.match(text, ps)
        if noun:
            type_ = _GROUP_NOUNS[noun.group(1).lower()]
        else:
            # the group is the subject of a passive with no person named before it
            passive = [t for t in triggers if ps <= t.start < pe and t.role == "verb"
                       and re.search(r"\bwere\s+(?:\w+ly\s+|also\s+)?$", text[max(ps, t.start - 20) : t.start])
                       and not _persons_in(paragraph, ps, t.start)]
            if not passive:
                continue
            type_ = passive[0].type
        group = list_after(text, paragraph.persons, m.end(), max_gap=20)
        if not group:
            continue
        trig = Trigger(type_, "list", m.start(), m.end())
        # the modality and the year are those of the event the sentence before states
        at = noun.start(1) if noun else passive[0].start
        modality = modality_of(text[ps:pe], at - ps, text[ps:pe], "noun" if noun else "verb")
        year = years.of_clause(ps, pe, ps, pe, at)
        out += _list_facts(group, trig, (ps, max(se, group[-1][1])), modality, 0.6, year)
    return out


_THESE_WERE = re.compile(r"\b(?:These|They|Among\s+them)\s+were\b[^.;:—]{0,60}?(?:—|:|\bsuch\s+as\b|\bincluding\b|"
                         r"\bnamely\b)\s*")
# a sentence whose subject is a group noun of an event: `Twenty prisoners were accommodated ...`
_GROUP_SUBJECT = re.compile(r"(?:[\w,-]+\s+){0,4}?(prisoners|exiles|convicts|inmates|defendants)\b(?:\s+\w+){0,2}?\s+"
                            r"(?:were|had\s+been)\b", re.IGNORECASE)


_BODY = (r"(?:commission|committee|council|buro|bureau|front|government|secretariat|presidium|board|administration|"
         r"department|center|centre|membership)")
# the verb leads the scan (a pattern led by a literal is far faster); the body stands before a passive
# (`a commission was established`) or after an active verb (`established a commission`)
_FOUNDING = re.compile(r"\b(?:established|formed|set\s+up|created|organized|founded|elected|appointed)\b",
                       re.IGNORECASE)
_BODY_BEFORE = re.compile(rf"\b{_BODY}\b[^.;]{{0,60}}?\b(?:was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BODY_AFTER = re.compile(rf"\s+(?:a|an|the)\s+(?:new\s+)?(?:\w+\s+){{0,3}}?{_BODY}\b", re.IGNORECASE)
_HEADED_BY = re.compile(r"[^.;()]{0,60}?\b(?:headed|led|chaired)\s+by\s+")
_PAREN_AFTER = re.compile(r"[^.;()]{0,60}?\(")
_ROLE_WORD = re.compile(r"\b(?:commander|chairman|chairmen|members?|head|secretar(?:y|ies)|chief|deput(?:y|ies)|"
                        r"commissar)\b", re.IGNORECASE)


def _founded_facts(text: str, sentences, paragraph: _Paragraph, years: Years) -> list:
    """`The Plenum established a commission headed by X`, `the Southern Front was established
    (commander, A, Military Council members B and C)`: the body's new head and members were
    appointed (elected, when the body was elected)."""
    out = []
    for v in _FOUNDING.finditer(text):
        before = _BODY_BEFORE.search(text, max(0, v.start() - 100), v.start())
        after = None if before else _BODY_AFTER.match(text, v.end())
        if not before and not after:
            continue
        start, end = (before.start(), v.end()) if before else (v.start(), after.end())
        sentence = next(((a, b) for a, b in sentences if a <= start < b), (0, len(text)))
        type_ = "elected" if v.group(0).lower() == "elected" else "appointed"
        group = []
        # `a commission headed by X`, `A new membership of the Gubkom was elected headed by Kirov`
        head = _HEADED_BY.match(text, end)
        if head:
            group = list_after(text, paragraph.persons, head.end(), max_gap=3)
        else:
            paren = _PAREN_AFTER.match(text, end)
            close = text.find(")", paren.end(), sentence[1]) if paren else -1
            if paren and close > 0 and _ROLE_WORD.search(text, paren.end(), close):
                group = [p for p in _persons_in(paragraph, paren.end(), close) if not possessive(text, p)]
        if not group:
            continue
        trig = Trigger(type_, "list", start, end)
        window = text[sentence[0] : end]
        modality = modality_of(window, v.start() - sentence[0], text[sentence[0] : sentence[1]])
        year = years.of_clause(sentence[0], sentence[1], sentence[0], sentence[1], start)
        ev = (sentence[0], max(sentence[1], group[-1][1]))
        out += _list_facts(group, trig, ev, modality, 0.6, year)
    return out


_AMONG_THEM = re.compile(r"Among\s+them\b,?\s*")
# a group made the subject of the event: `Thousands of directors ... perished`, `Many were arrested`
_GROUP_EVENT_BEFORE = re.compile(r"\b(?:were|had\s+been)\s+(?:\w+ly\s+|also\s+)?$")


def _among_them_facts(text: str, sentences, paragraph: _Paragraph, years: Years, triggers: list[Trigger]) -> list:
    """`Thousands of directors ... perished. Among them the chief of X, A; the director of Y, B; ...`: a
    verbless list (it may run on over stops OCR misread for commas) names members of the group the
    sentence before made the subject of an event."""
    out = []
    for m in _AMONG_THEM.finditer(text):
        k = next((i for i, (a, b) in enumerate(sentences) if a == m.start()), None)
        if not k:
            continue
        ps, pe = sentences[k - 1]
        events = [t for t in triggers if ps <= t.start < pe and t.role in ("verb", "intrans")
                  and not _persons_in(paragraph, ps, t.start)
                  and (t.role == "intrans" or _GROUP_EVENT_BEFORE.search(text, max(ps, t.start - 20), t.start))]
        if len({t.type for t in events}) != 1:
            continue
        # the list: this sentence and the verbless ones after it
        end = k
        while end < len(sentences):
            s0, s1 = sentences[end]
            body = text[m.end() if end == k else s0 : s1]
            if any(s0 <= t.start < s1 for t in triggers) or _verb_words(body):
                break
            end += 1
        if end == k:
            continue
        ls, le = m.end(), sentences[end - 1][1]
        group = [p for p in _persons_in(paragraph, ls, le)
                 if not possessive(text, p) and not after_preposition(text, p)]
        if not group:
            continue
        trig = Trigger(events[0].type, "list", m.start(), m.end())
        modality = modality_of(text[ps:pe], events[0].start - ps, text[ps:pe], events[0].role)
        year = years.of_clause(ps, pe, ps, pe, events[0].start)
        out += _list_facts(group, trig, (ps, le), modality, 0.55, year)
    return out


# `The dock was populated mostly by old members of the opposition—A, B and others`
_PHRASE_THEN_DASH = re.compile(r"[^.;:—–()]{1,100}?[—–:]\s*")
_DOCK_BY = re.compile(r"\b[Tt]he\s+dock\s+was\s+(?:populated|occupied|filled)\s+(?:\w+ly\s+)?by\b")


def _dock_facts(text: str, sentences, paragraph: _Paragraph, years: Years) -> list:
    """The persons who populated the dock were tried: named after `by`, or after the noun phrase it
    governs and a dash or colon."""
    out = []
    for m in _DOCK_BY.finditer(text):
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(text)))
        group = list_after(text, paragraph.persons, m.end(), max_gap=3)
        dash = None if group else _PHRASE_THEN_DASH.match(text, m.end(), sentence[1])
        if dash:
            group = list_after(text, paragraph.persons, dash.end(), max_gap=3)
        if group:
            out += _phrase_facts(text, sentence, m, group, "tried", years, 0.6)
    return out


def _phrase_facts(text: str, sentence: tuple[int, int], m: re.Match, group: list, type_: str, years: Years,
                  confidence: float) -> list:
    """Facts of type `type_` for the persons a phrase (`m`) names after it: its sentence's modality and year."""
    trig = Trigger(type_, "list", m.start(), m.end())
    window = text[sentence[0] : m.end()]
    modality = modality_of(window, m.start() - sentence[0], text[sentence[0] : sentence[1]])
    year = years.of_clause(sentence[0], sentence[1], sentence[0], sentence[1], m.start())
    return _list_facts(group, trig, (sentence[0], max(sentence[1], group[-1][1])), modality, confidence, year)


# `His place in Moscow was taken by X`, `Orlov's post was filled by X`: X was appointed to it
_PLACE_TAKEN_BY = re.compile(r"\b(?:[Hh]is|[Hh]er|[A-Z][a-z]+['’]s)\s+(?:place|post|position|seat|job)\s+"
                             r"(?:[^.;:!?]{0,40}?\s+)?(?:was|were)\s+(?:then\s+|soon\s+)?(?:taken|filled|occupied)"
                             r"\s+by\b")


def _successor_facts(text: str, sentences, paragraph: _Paragraph, years: Years) -> list:
    """The successor named after `by` where a person's place was taken was appointed to it."""
    out = []
    for m in _PLACE_TAKEN_BY.finditer(text):
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(text)))
        group = list_after(text, paragraph.persons, m.end(), max_gap=3, strict=True)[:1]
        if group:
            out += _phrase_facts(text, sentence, m, group, "appointed", years, 0.7)
    return out


def _verb_words(s: str) -> bool:
    """A finite verb or a relative pronoun in `s` (its stops aside: OCR reads commas as stops)."""
    return bool(VERB_CUE.search(re.sub(r"[.;:!?]", " ", s)))


def _group_facts(text: str, sentences, paragraph: _Paragraph, years: Years, triggers: list[Trigger]) -> list:
    out = _trial_facts(text, sentences, paragraph, years) + _founded_facts(text, sentences, paragraph, years)
    if "These were" in text or "They were" in text or "Among them were" in text:
        out += _these_were_facts(text, sentences, paragraph, years, triggers)
    if "Among them" in text:
        out += _among_them_facts(text, sentences, paragraph, years, triggers)
    if "dock was" in text:
        out += _dock_facts(text, sentences, paragraph, years)
    if "taken by" in text or "filled by" in text or "occupied by" in text:
        out += _successor_facts(text, sentences, paragraph, years)
    lowered = text.lower()
    if not any(w in lowered for w in _LISTING_WORDS):  # a plain `in` is far cheaper than the pattern
        return out
    for m in _LISTING.finditer(text):
        # `It also included five men: A, B and C`: the count and its noun announce the list
        head = _LIST_HEAD.match(text, m.end())
        group = list_after(text, paragraph.persons, head.end() if head else m.end(), max_gap=20, objects_only=True)
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), (0, len(text)))
        if m.group("colon"):
            # `The composition of the defendants was varied: Besides A, the main defendant, there were B, C,
            # ...; D, a diplomat; ...`: the list goes on after `there were` and over its semicolon items
            there = _THERE_WERE_AFTER.match(text, group[-1][1] if group else m.end())
            if there:
                group += list_after(text, paragraph.persons, there.end(), max_gap=20, objects_only=True)
            if group:
                group += semicolon_items(text, paragraph.persons, group[-1][1], sentence[1])
            if group and not closes_list(text, group[-1][1]):
                group = []  # `The defendants were silent: Rykov alone spoke`: a clause, no list
        if len(group) < 1:
            continue
        noun = (m.group("noun") or m.group("cnoun") or "").lower().replace("the ", "").strip()
        if noun:
            type_ = _GROUP_NOUNS.get(noun)
        else:
            # the body named between `membership` and `included` (or, for `It also included`, in the
            # sentence before): elected bodies (Politburo, Central Committee) elect, others appoint
            if m.group(0).lower().startswith("it"):
                earlier = [a for a, _b in sentences if a < sentence[0]]
                body = text[earlier[-1] if earlier else sentence[0] : m.start()]
            else:
                body = m.group(0) if m.group("body") else ""
            type_ = "elected" if _ELECTED_BODY.search(body) else "appointed"
        if type_ is None:
            continue
        trig = Trigger(type_, "list", m.start(), m.end())
        window = text[sentence[0] : m.start()]
        modality = modality_of(window + " ", len(window) + 1, text[sentence[0] : sentence[1]])
        year = years.of_clause(sentence[0], sentence[1], sentence[0], sentence[1], m.start())
        out += _list_facts(group, trig, (sentence[0], max(sentence[1], group[-1][1])), modality, 0.7, year)
    return out


_SHARED_OBJECT = re.compile(r"\s+(?:but\s+also|and\s+(?:then\s+|later\s+)?|or|,)\s*")
#: `..., as was Rykov`, `..., as did X`, `..., as is also true of X`
_AS_WAS = re.compile(r",?\s*as\s+(?:(?:is|was)\s+(?:also\s+)?(?:true\s+of|the\s+case\s+with)\b|(was|were|did)\b)")


def _emit(text: str, clause: tuple[int, int], group: list, trig: Trigger, years: Years, ss: int, se: int,
          confidence: float) -> list:
    """Fact tuples for `group` and `trig`, with the usual modality, agent, source and year."""
    if not group:
        return []
    clause_text = text[clause[0] : clause[1]]
    modality = modality_of(clause_text, trig.start - clause[0], text[ss:se], trig.role, text[se : se + 120])
    year = years.of_clause(clause[0], clause[1], ss, se, trig.start)
    here = [p for p in group if p[0] is not None]
    ev = (min([clause[0], *(p[0] for p in here)]), max([clause[1], *(p[1] for p in here)]))
    return _list_facts(group, trig, ev, modality, confidence, year)


_ANNIVERSARY = re.compile(r"\banniversary\s+of\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
# (`... included two old opponents of Trotsky, A and B`: a count and what they are, then the names)
_LIST_HEAD = re.compile(r"\s+(?:[a-z]+\s+){1,3}?[a-z]+:(?=\s)"
                        r"|\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+[^,.;:()]{3,60}?,(?=\s)")
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:now|recently|already|just|since|finally)\s+)?been\s+$",
                              re.IGNORECASE)
_QUOTED = re.compile(r"\s*[\"“]")
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:\w+ly|also|already|been|long|earlier|once)\s+){0,3}$", re.IGNORECASE)


_RELATIVE_TIME = re.compile(
    r"\s+(?:only\s+|just\s+)?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|several)\s+"
    r"(?:years?|months?|weeks?|days?)\s+(?:after|before|prior\s+to)\b",
    re.IGNORECASE,
)


# a past participle after a noun, with its own time, right before the passive (`members elected at the
# 17th Congress were arrested`); not an auxiliary's (`was elected at the congress and was arrested`)
_PARTICIPLE_BEFORE = re.compile(
    r"(?<=[A-Za-z)] )(?<!was )(?<!were )(?<!been )(?<!had )(?<!and )(?:[a-z]+ed|held|chosen)\s+"
    r"(?:at|in|on|during|by)\s+[^.;:,]{1,80}?(?=\s+(?:was|were)\s+(?:\w+ly\s+)?$)"
)


def _year_scope(text: str, clause: tuple[int, int], group: list, trig: Trigger, how: str
                ) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Where the year of this event may come from, and the spans whose years are not its own.

    `the exiled X` names a state, `X had been exiled` an event before the time of the narrative:
    only a year of their own clause is theirs (for the pluperfect, one after its `had`). In
    `X, chairman in 1919, was arrested` the year belongs to the apposition."""
    scope = PARAGRAPH
    masks: list[tuple[int, int]] = []
    pluperfect = _PLUPERFECT.search(text, clause[0], trig.start)
    if how == "attributive" or pluperfect:
        scope = CLAUSE
    if pluperfect:
        masks.append((clause[0], pluperfect.start()))
    if _RELATIVE_TIME.match(text, trig.end, clause[1]):
        scope = CLAUSE  # `arrested one year after the arrest of X`: dated by another event, not by a year stated
    if trig.role == "noun":
        # `the trial of X`, `before his arrest`: an event the text refers back to is not in the year the
        # paragraph narrates; only its sentence may fix it
        scope = min(scope, SENTENCE)
    if trig.role == "noun" and _ANNIVERSARY.search(text, max(0, trig.start - 40), trig.start):
        scope = OWN
    if _ALREADY.search(text, clause[0], trig.start):
        scope = OWN  # `officials already annihilated by Stalin`: done before the time told, whenever that was
    if _PRESENT_PERFECT.search(text, clause[0], trig.start):
        scope = OWN  # `have now been rehabilitated`: at the time of writing, not in a year stated for another event
    if re.search(r"\b(?:years|time)\b", text[trig.start : trig.end]):
        # `returned after 17 years of confinement, in his speech of 1961`, `served time in the prisons of czarist
        # Russia`: a length, dated at most by what its clause tells before it (`arrested in 1937 and survived 17
        # years of confinement`)
        scope = min(scope, CLAUSE)
        masks.append((trig.end, clause[1]))
        # (nor by an earlier predicate's, set off by a comma: `joined the party in 1902, fought on the barricades
        # of 1905, then served long years at hard labor`)
        comma = text.rfind(",", clause[0], trig.start)
        if comma > 0:
            masks.append((clause[0], comma))
    here = [p for p in group if p[1] is not None and p[1] <= trig.start]
    if how in ("passive", "subject") and here and text[here[-1][1] : trig.start].lstrip().startswith((",", "(")):
        # the apposition closes at the last comma before the verb (`X, ..., was arrested in 1940 and died`)
        masks.append((here[-1][1], max(_last_closer(text, here[-1][1], trig.start), here[-1][1])))
    after = [p for p in group if p[0] is not None and p[0] >= trig.end]
    if how == "active" and after and _OBJECT_APPOSITION.match(text, after[-1][1], clause[1]):
        # `destroyed A. S. Orlov, a revolutionary since 1898 who ...`: the object's apposition tells his past
        closing = text.find(",", after[-1][1] + 1, clause[1])
        masks.append((after[-1][1], closing if closing > 0 else clause[1]))
    participle = _PARTICIPLE_BEFORE.search(text, clause[0], trig.start)
    if participle:
        # `the members elected at the 17th Party Congress were arrested`: the congress dates the election
        masks.append((participle.start(), participle.end()))
    # `X, ... who was appointed commissar in 1937, perished`: the closed relative clause's year is its own
    rel = [m.start() for m in re.finditer(r"\b(?:who|whom|whose|which)\b", text[clause[0] : trig.start])]
    if rel:
        closing = _last_closer(text, clause[0] + rel[-1], trig.start)
        # (unless the verb refers back to it: `..., yet in that same year was himself arrested`)
        if closing > 0 and not re.search(r"\b(?:the|that|same)\s+year\b", text[closing : trig.start]):
            masks.append((clause[0] + rel[-1], closing))
    return scope, tuple(masks)


_OBJECT_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the|one\s+of|former)\s")


#: a relative clause opened after a comma and not closed before the end (no comma or stop after `who`)
_OPEN_RELATIVE = re.compile(r",\s*who\b[^,.;:!?]*$")
#: a name, then `and` and the verb: `arrested X and soon executed`
_NAME_AND_VERB = re.compile(r"\s+and\s+(?:(?:soon|then|later|also|afterwards|\w+ly)\s+){0,2}$")
_VERB_BEFORE_NAME = re.compile(r"\b(?:[a-z]+ed|shot|took|sent|put)\s+(?:(?:[A-Z][a-z]?\.\s?){1,3})?$")
# a sentence that opens with a participle (`Returning from exile to Moscow, K. Radek met ...`): what it says
# happened to the subject of the main clause after its comma
_OPENING_PARTICIPLE = re.compile(r"\s*(?:(?:Upon|On|After|While|When)\s+)?")
_PARTICIPLE_CLOSES = re.compile(r"[^,;:.!?\"“”()]{0,80}?,\s*")


def _participle_subject(text: str, paragraph, after: int, se: int) -> list:
    """The name that opens the main clause after an opening participle's phrase, if one does."""
    closes = _PARTICIPLE_CLOSES.match(text, after, se)
    if not closes:
        return []
    first = [p for p in _persons_in(paragraph, closes.end(), se) if p[0] == closes.end()]
    return first[:1] if first and not possessive(text, first[0]) else []


_AND_I = re.compile(r"\s+and\s+I\b")
_WE_BEFORE = re.compile(r"\b[Ww]e\s+(?:\w+\s+){0,2}$")
# `—I in the old fortress, and B in a camp`: each in a place of their own
_DISTRIBUTED = re.compile(r"[^.;:!?—-]{0,60}?[—-]\s*")
_DISTRIBUTED_NEXT = re.compile(r"[^.;:!?—,]{1,80}?(?:,\s*and|,|\s+and)\s+")
_PLACED = re.compile(r"\s+(?:in|to|at|on)\s")


def _distributed(text: str, paragraph, after: int, se: int) -> list:
    """The persons a dash after a plural subject's event distributes it to, each with a place (`—I in A, and
    B in C`); `I` is the quotation's speaker. Two such items at least, or none."""
    m = _DISTRIBUTED.match(text, after, se)
    if not m:
        return []
    persons = _persons_in(paragraph, m.end(), se)
    found, at = [], m.end()
    while at < se:
        named = next((p for p in persons if p[0] == at), None)
        if named is not None and not possessive(text, named):
            end = named[1]
            who = named
        elif text.startswith("I ", at):
            end = at + 1
            who = speaker_at(text, paragraph.persons, paragraph.speaker, at)
        else:
            break
        if not _PLACED.match(text, end):
            break
        found.append(who)
        step = _DISTRIBUTED_NEXT.match(text, end, se)
        if not step:
            break
        at = step.end()
    return [p for p in found if p is not None] if len(found) >= 2 else []


_BESIDES_SELF = re.compile(r"\s*(?:Besides|Apart\s+from|In\s+addition\s+to)\s+(him|himself|her|herself)\s*,")


def _one_named_before(text: str, paragraph, sentences, ss: int, pronoun: str) -> list:
    """The one person (of the pronoun's gender) the sentence before `ss` names, not as an owner."""
    before = next(((a, b) for a, b in reversed(sentences) if b <= ss), None)
    if before is None:
        return []
    named = [p for p in _persons_in(paragraph, *before) if not possessive(text, p)]
    if len({p[2].person_id for p in named}) != 1 or _is_female(text, named[0]) != pronoun.startswith("her"):
        return []
    return named[:1]


def _sole_subject(text: str, before: list, ss: int, verb: int) -> list:
    """The sentence's one person, when a later predicate goes on with it: after `, and then` (`A. P. Orlov,
    who ..., shot his wife and son, and then shot himself`), down a chain of comma predicates from the
    sentence's opening name (`Orlov entered the party in 1902, took part in ..., spent many years at hard
    labor`), or past a verbless apposition."""
    if len(before) != 1 or possessive(text, before[0]) or _SUBJECT_PRONOUN.search(text, before[0][1], verb):
        return []
    name_end, opens = before[0][1], before[0][0] - ss <= 3
    if (_AND_THEN.search(text, ss, verb)
            or (opens and _PREDICATE_AFTER.match(text, name_end) and _CHAINED.search(text, ss, verb)
                and ";" not in text[name_end:verb])
            or (opens and _verbless_apposition(text, name_end, verb))):
        return before
    return []


def _verbless_apposition(text: str, start: int, end: int) -> bool:
    """`X, head of ... (PUR), a member of ... at the time, according to the newspapers, "having lost his
    bearings," ended his life`: all between the sentence's opening name and its verb is set off by commas and
    holds no finite verb (a quoted phrase, a bracket and `according to` aside)."""
    gap = _QUOTED_OR_BRACKETED.sub(" ", text[start:end])
    return gap.lstrip().startswith(",") and gap.rstrip().endswith(",") and not verb_cue(gap)


_QUOTED_OR_BRACKETED = re.compile(r"[\"“][^\"“”]{0,160}[\"”]|\([^()]{0,60}\)|\[[^\[\]]{0,60}\]")
#: a predicate coordinated without a subject of its own, right before the verb
_AND_THEN = re.compile(r"(?:,\s*|\s)and\s+(?:then|later|soon|afterwards|finally)\s+$")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|I)\b")
#: a past-tense verb right after the sentence's opening name: the name is its subject
_PREDICATE_AFTER = re.compile(r"\s+(?:[a-z]+ed|took|spent|became|went|made|wrote|gave|came|left|met|fought|led)\b")
#: one more predicate of a chain, after a comma
_CHAINED = re.compile(r",\s+(?:(?:then|later|soon|\w+ly)\s+)?$")


def _last_closer(text: str, start: int, end: int) -> int:
    """The last comma or dash in `text[start:end]` (an apposition may close with a dashed aside), or -1."""
    return max(text.rfind(",", start, end), text.rfind("—", start, end), text.rfind("–", start, end))


def facts_in_paragraph(paragraph: _Paragraph, triggers: list[Trigger] | None = None,
                       dates: list[Mention] | None = None, events: list[EventMention] | None = None
                       ) -> list[tuple[PersonRef, Trigger, tuple[int, int], str, float, dict]]:
    """(person, trigger, evidence clause, modality, confidence, extras) in paragraph-relative offsets.

    `triggers`, `dates` and `events` (paragraph-relative) may come from a `TextScan` of the whole text."""
    text = paragraph.text
    triggers = find_triggers(text) if triggers is None else triggers
    if not triggers and not any(w in text.lower() for w in _GROUP_WORDS):
        return []
    sentences = sentence_spans(text)
    years = Years(text, dates, triggers, paragraph.carried_year, events, paragraph.episode_year)
    out = _group_facts(text, sentences, paragraph, years, triggers)
    for ss, se in sentences:
        clauses = clause_spans(text, ss, se)
        previous: tuple[Trigger, list, str] | None = None
        pending_objects: list[Trigger] = []
        for trig in (t for t in triggers if ss <= t.start < se):
            clause = next(((a, b) for a, b in clauses if a <= trig.start < b), (ss, se))
            persons = _persons_in(paragraph, clause[0], clause[1])
            between = (previous[0].end, trig.start) if previous else (0, 0)
            # an aside in brackets between the two verbs is no new subject (`was removed from the post
            # (Molotov assumed this position) and was appointed ...`)
            gap = _ASIDE.sub(lambda m: " " * len(m.group()), text[between[0] : between[1]])
            coordinated = _COORDINATED.fullmatch(gap) and not (
                _OTHER_VERB.search(gap)
                or any(not gap[p[0] - between[0]].isspace() for p in _persons_in(paragraph, *between))
                or (previous and _closes_relative(text, previous, trig))
            )
            if previous and previous[1] and trig.role != "noun" and previous[0].role != "noun" and (
                coordinated or _AND_WHO.fullmatch(text, *between)  # `those who were shot or who died`
            ):
                group, how = previous[1], previous[2]  # `was arrested and exiled`: one subject, two events
                if re.search(r"\bor\b", gap) and {previous[0].type, trig.type} <= _DEATHS:
                    # `those who were executed or who died in confinement`: either way each died, and
                    # neither way is said of any one of them
                    out = [f for f in out if f[1] is not previous[0]]
                    trig = Trigger("died", trig.role, trig.start, trig.end)
            else:
                group, how = _patients(text, clause, persons, trig)
                if not group and clause[0] > ss and _OPEN_RELATIVE.search(text, ss, clause[0]):
                    # `A and B, who had not been delegates but were now in his cabinet, were elected`: the
                    # `but` that split the clause stands inside a relative clause; the subject is before it
                    clause = (ss, clause[1])
                    persons = _persons_in(paragraph, *clause)
                    group, how = _patients(text, clause, persons, trig)
                if not group and trig.role == "intrans":
                    group = _sole_subject(text, _persons_in(paragraph, ss, trig.start), ss, trig.start)
                    how = "coordinated" if group else how
                if (not group and trig.role == "intrans" and _OPENING_PARTICIPLE.fullmatch(text, ss, trig.start)
                        and re.match(r"[A-Za-z]+ing\b", text[trig.start : trig.end])):
                    group, how = _participle_subject(text, paragraph, trig.end, se), "subject"
                besides = _BESIDES_SELF.match(text, ss) if not group and trig.role == "verb" else None
                if besides and _AUX.search(text, besides.end(), trig.start):
                    # `... was named the leader. Besides himself, some 30 others were put on the dock`: he too
                    group, how = _one_named_before(text, paragraph, sentences, ss, besides.group(1).lower()), "passive"
                together = _TOGETHER_WITH.match(text, ss) if not group and trig.role == "verb" else None
                if together and _AUX.search(text, together.end(), trig.start):
                    # `Together with Yagoda, many of his deputies ... were removed from it`: he was too
                    group = [p for p in _persons_in(paragraph, ss, together.end()) if not possessive(text, p)]
                    how = "passive"
                if how in ("fronted", "active", "including") and group:
                    # `Arrested were the secretaries A and B; C, a member of ...; the members D, E and F`;
                    # `arrested other deputies as well—A and B; chiefs of departments, and board members C, D`
                    group = group + semicolon_items(text, paragraph.persons, group[-1][1], se)
            confidence = 0.85 if how in ("passive", "fronted", "nominal", "subject", "possessive") else 0.7
            if not group and first_person(text, clause[0], trig.start, trig.end):
                # `Gnedin wrote in his memoirs: "... my life in prisons and camps"`: the speaker's
                speaker = speaker_at(text, paragraph.persons, paragraph.speaker, trig.start)
                if speaker is not None:
                    group, how, confidence = [speaker], "speaker", 0.6
            # (a group the paragraph before named has no offsets here)
            if (group and how in ("passive", "subject") and group[-1][1] is not None
                    and _AND_I.match(text, group[-1][1], trig.start)):
                # `Ginzburg and I were held in different prisons`: the speaker too
                speaker = speaker_at(text, paragraph.persons, paragraph.speaker, trig.start)
                if speaker is not None and speaker[2].person_id not in {p[2].person_id for p in group}:
                    group = [*group, speaker]
            if not group and _WE_BEFORE.search(text, clause[0], trig.start):
                # `we were held apart—I in the old fortress, and B in a camp`: each of them
                group = _distributed(text, paragraph, trig.end, se)
                how = "distributed" if group else how
            if not group:
                group, pconf = _resolve_pronoun(text, clause, sentences, paragraph.persons, trig, how,
                                                paragraph.previous_group)
                if not group and trig.role != "noun" and trig.type not in ("elected", "appointed"):
                    # `The following perished: A, B, C`; `were summoned and arrested—A, B and others`
                    # (not a roster: `seven persons became members of the Politburo: A, B, ...`)
                    group, pconf = listed_after(text, paragraph.persons, trig, se), 0.8
                    if group:  # (`also executed were: A, one of ...; B, who had ...; C and D, members ...`)
                        group = group + semicolon_items(text, paragraph.persons, group[-1][1], se)
                if not group:
                    if trig.role == "verb" and how in ("none", "including"):
                        pending_objects.append(trig)
                    continue
                confidence = pconf
            if not _in_closed_parenthesis(text, (trig.start, trig.end), se):
                previous = (trig, group, how)  # (an aside's verb has its own subject: `(Molotov assumed ...)`)
            for earlier_trig in pending_objects:
                # `not only removed but also arrested Snesarev`: the earlier verb shares the object
                if how == "active" and _SHARED_OBJECT.fullmatch(text, earlier_trig.end, trig.start):
                    out.extend(_emit(text, clause, group, earlier_trig, years, ss, se, 0.7))
            pending_objects = [trig] if (trig.role == "verb" and how == "none") else []
            m = _AS_WAS.match(text, clause[1]) or _AS_WAS.search(text, trig.end, min(se, trig.end + 80))
            if m:  # `Tomskiy was expelled from the Politburo, as was Rykov`
                extra_group = list_after(text, paragraph.persons, m.end(), max_gap=5)
                if not extra_group and m.group(1) == "did":
                    # `A and B perished, as did the first Circassian prose writer C; the first ... writer, D`
                    extra_group = list_after(text, paragraph.persons, m.end(), max_gap=60)
                    if extra_group:
                        extra_group += semicolon_items(text, paragraph.persons, extra_group[-1][1], se)
                out.extend(_emit(text, (clause[0], max(clause[1], m.end())), extra_group, trig, years, ss, se, 0.7))
            if how == "active" and group and group[-1][1] is not None:
                # gapping: `to expel Trotsky from the Politburo and Kamenev from its candidates`
                gap = _GAPPED.match(text, group[-1][1], se)
                nxt = [p for p in paragraph.persons if gap and p[0] == gap.end()]
                if nxt and _GAPPED_TAIL.match(text, nxt[0][1]):
                    out.extend(_emit(text, (clause[0], max(clause[1], nxt[0][1])), nxt[:1], trig, years, ss, se, 0.6))
            if how == "passive" and group:
                # gapping in a passive: `Orlov was arrested on 6 May and Stalin on 19 May`
                gap = _GAPPED_PASSIVE.match(text, trig.end, se)
                nxt = [p for p in paragraph.persons if gap and p[0] == gap.end()]
                if nxt and _GAPPED_PASSIVE_TAIL.match(text, nxt[0][1]):
                    out.extend(_emit(text, (clause[0], max(clause[1], nxt[0][1])), nxt[:1], trig, years, ss, se, 0.6))
            if trig.type in ("appointed", "elected"):
                # `X was appointed General Secretary with A and B the secretaries`: the same act for them
                out.extend(_emit(text, clause, _with_role(text, paragraph.persons, trig.end, se), trig, years, ss, se,
                                 0.7))
            clause_text = text[clause[0] : clause[1]]
            modality = modality_of(clause_text, trig.start - clause[0], text[ss:se], trig.role, text[se : se + 120])
            before_names = [p[2].surname for p in persons if p[1] <= trig.start]
            agent = agent_of(clause_text, trig.start - clause[0], how, before_names)
            according = ACCORDING.search(text[ss:se])
            # the clause, else the sentence, else the paragraph before it; earlier paragraphs were
            # measured and make years worse (their last year is often a flashback's)
            year = years.of_clause(clause[0], clause[1], ss, se, trig.start, *_year_scope(text, clause, group, trig,
                                                                                        how))
            here = [p for p in group if p[0] is not None]
            ev_start = min([clause[0], *(p[0] for p in here)])
            ev_end = max([clause[1], *(p[1] for p in here)])
            place = place_of(clause_text, trig.end - clause[0], {q[2].surname for q in paragraph.persons})
            for p in group:
                out.append((p[2], trig, (ev_start, ev_end), modality, confidence, {
                    "agent": agent, "according_to": according.group("src") if according else None,
                    "year": year, "mention": (p[0], p[1]), "place": place,
                }))
            if trig.type == "sentenced" and _TRIAL_NAMED.search(text, ss, se):
                # `one of those convicted in the Bukharin-Rykov trial`, `a tribunal at which A and B were condemned
                # to death`: convicted at a trial, they were tried
                tried = Trigger("tried", trig.role, trig.start, trig.end)
                told = {f[0].person_id for f in out if f[1].type == "tried" and f[2][0] < se and f[2][1] > ss}
                untold = [p for p in group if p[2].person_id not in told]
                out.extend(_list_facts(untold, tried, (ev_start, ev_end), modality, confidence, year))
            if trig.type == "imprisoned" and _ARRESTS_BEFORE.search(text, max(clause[0], trig.start - 30), trig.start):
                # `a wave of arrests swept me into prison`: the arrests put the person there
                arrested = Trigger("arrested", trig.role, trig.start, trig.end)
                out.extend(_list_facts(group, arrested, (ev_start, ev_end), modality, confidence, year))
            if trig.type == "released" and how == "nominal" and not _RELEASED_FROM_POST.match(text, trig.end, se):
                # `fought to win the release of L. Landau`: whether or not he was freed, he was held; when, the
                # release's year does not say
                held = Trigger("imprisoned", trig.role, trig.start, trig.end)
                out.extend(_list_facts(group, held, (ev_start, ev_end), "asserted", confidence * 0.9, None))
    return out


#: a trial or tribunal the sentence names (not `the court`, which may pass sentence apart from the trial told)
_TRIAL_NAMED = re.compile(r"\b(?:trial|tribunal)\b", re.IGNORECASE)
#: `a wave of arrests swept ...`: the arrests are what the verb's subject is
_ARRESTS_BEFORE = re.compile(r"\barrests\s+$")
#: `the release of X from his post`: a dismissal, no prison
_RELEASED_FROM_POST = re.compile(r"\s+of\s+[^.;:]{1,60}?\s+from\s+(?:his|her|the|their)\s+(?:\w+\s+){0,2}?"
                                 r"(?:post|posts|duties|work|job|command|office)\b")


def find_aggregates_in(source_text: str, paragraphs: list[tuple[int, int]], repaired=None,
                       scan: TextScan | None = None) -> list[Aggregate]:
    """Claims about groups and numbers, over the given paragraph spans (source offsets)."""
    text = repaired.text if repaired is not None else source_text
    scan = scan if scan is not None and scan.text is text else TextScan(text)
    to_rep = (lambda i: repaired.from_source(i)) if repaired is not None else (lambda i: i)
    span_to_src = (lambda s, e: repaired.span_to_source(s, e)) if repaired is not None else (lambda s, e: (s, e))
    out: list[Aggregate] = []
    for ps, pe in paragraphs:
        rs, re_ = to_rep(ps), to_rep(pe)
        ptext = text[rs:re_]
        triggers = scan.triggers_in(rs, re_)
        if not triggers or not _COUNT_CUE.search(ptext):
            continue
        years = Years(ptext, scan.dates_in(rs, re_), events=scan.events_in(rs, re_))
        for agg in aggregates_in_paragraph(ptext, triggers, modality_of, quantities=scan.quantities_in(rs, re_)):
            year = years.near(agg["start"], agg["end"], agg["quantity"][0]) or years.before(agg["start"])
            s, e = span_to_src(rs + agg["start"], rs + agg["end"])
            while s < e and source_text[s].isspace():
                s += 1
            while e > s and source_text[e - 1].isspace():
                e -= 1
            out.append(Aggregate(
                id=aggregate_id(agg["type"], s, agg["count"]["number"]), type=agg["type"], group=agg["group"],
                count=agg["count"], year=year[0] if year else None, start=s, end=e, evidence=source_text[s:e],
                modality=agg["modality"], confidence=0.7,
            ))
    return out


class _Pieces:
    """A paragraph as the fact layer reads it: one block, or a block and its continuation after a
    page break with notes between (the reader's `continues`), joined by a space so a list keeps its
    verb. Maps paragraph-relative offsets back to offsets of the reading."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.local_starts: list[int] = []
        parts = []
        pos = 0
        for a, b in spans:
            self.local_starts.append(pos)
            parts.append(text[a:b])
            pos += b - a + 1
        self.text = " ".join(parts)

    def to_abs(self, pos: int) -> int:
        k = max(0, bisect_right(self.local_starts, pos) - 1)
        a, b = self.spans[k]
        return min(a + pos - self.local_starts[k], b)


_INITIAL = re.compile(r"[A-Z][a-z]?\.")


#: Names joined by hyphens, then the noun of a group or a case they name (`Syrtsov-Lominadze group`).
_GROUP_NAME = re.compile(rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)+\s(?:{'|'.join(GROUP_NOUNS)})\b")


def _in_group_name(text: str, ref: PersonRef) -> bool:
    """A name joined by a hyphen to another into a group's or a case's name (`the Syrtsov-Lominadze group was
    arrested`, `the Kondratyev-Chayanov group ... all of the defendants`): it names the group, whose events
    are not this person's."""
    if not (text.startswith("-", ref.end) or text.endswith("-", 0, ref.start)):
        return False
    start = ref.start
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    return _GROUP_NAME.match(text, start) is not None


def _given_names_dropped(text: str, refs: list[PersonRef]) -> list[PersonRef]:
    """`Budu Mdivani` read as two persons: a one-word mention right before another person's mention
    that has no initials is a given name of that person, not a person of its own (`I. L. Gartokh
    I. L. Krichevsky` with a lost comma stays two)."""
    out: list[PersonRef] = []
    for a, b in zip(refs, [*refs[1:], None][: len(refs)], strict=True):
        if (b is not None and a.person_id != b.person_id and text[a.end : b.start] == " "
                and " " not in text[a.start : a.end].strip() and "." not in text[a.start : a.end]
                and not _INITIAL.match(text, b.start)):
            continue
        out.append(a)
    return out


def find_facts_in(
    source_text: str, paragraphs: list, persons: list[PersonRef], repaired=None, scan: TextScan | None = None,
) -> list[Fact]:
    """Facts over the given paragraphs of `source_text`: each a `(start, end)` source span, or a list
    of such spans read as one paragraph (a paragraph continued after a page break).

    `repaired`: a `kartoteka.repair.Repaired` reading; facts are found in it and mapped back."""
    text = repaired.text if repaired is not None else source_text
    scan = scan if scan is not None and scan.text is text else TextScan(text)
    to_rep = (lambda i: repaired.from_source(i)) if repaired is not None else (lambda i: i)
    span_to_src = (lambda s, e: repaired.span_to_source(s, e)) if repaired is not None else (lambda s, e: (s, e))
    refs = [r for r in _given_names_dropped(source_text, sorted(persons, key=lambda p: p.start))
            if not _in_group_name(source_text, r)]
    ref_starts = [p.start for p in refs]
    facts: list[Fact] = []
    seen: set[tuple[str, str, int]] = set()
    last_group: list | None = None
    group_age = 0
    carried: YearValue | None = None
    carried_age = 0  # paragraphs without a time since the carried year was stated
    episode: _Episode | None = None
    speakers = SpeakerTracker()
    for item in paragraphs:
        source_spans = [item] if isinstance(item[0], int) else list(item)
        pieces = _Pieces(text, [(to_rep(s), to_rep(e)) for s, e in source_spans])
        local, triggers, dates, events = [], [], [], []
        for (ps, pe), (rs, re_), base in zip(source_spans, pieces.spans, pieces.local_starts, strict=True):
            for ref in refs[bisect_left(ref_starts, ps) : bisect_left(ref_starts, pe)]:
                local.append((to_rep(ref.start) - rs + base, to_rep(ref.end) - rs + base, ref))
            triggers += [replace(t, start=t.start + base, end=t.end + base) for t in scan.triggers_in(rs, re_)]
            dates += [replace(d, start=d.start + base, end=d.end + base) for d in scan.dates_in(rs, re_)]
            events += [_shift_event(e, base) for e in scan.events_in(rs, re_)]
        items = year_items(pieces.text, dates, events)
        episode, episode_year = _go_on(episode, pieces.text, items)
        paragraph = _Paragraph(pieces.text, pieces.spans[0][0], local, last_group, carried, episode_year,
                               speakers.speaker_for(pieces.text, local))
        # the year a next paragraph's `on the next day` refers to; a quoted document's years are its own
        if not _QUOTED.match(pieces.text):
            stated = _absolute(last_year(items), pieces, span_to_src)
            # a paragraph with no time of its own keeps the year told before it in force for the next one (not
            # longer: further back, the last year is as often a flashback's)
            carried_age = 0 if stated is not None else carried_age + 1
            carried = stated or (carried if not items and carried_age <= 1 else None)
            if episode is not None and episode.year is None:
                # an episode has one year: a paragraph stating several (`In 1925 ... as in 1924`) dates none
                dated = _absolute(one_year(items), pieces, span_to_src)
                episode = _Episode(dated, episodes_named(pieces.text)) if dated is not None else None
        groups = plural_groups(paragraph.text, local)
        # the last list of recent paragraphs, for `they` here (its spans lie outside this paragraph);
        # it lapses after two paragraphs that name no list of their own
        if groups:
            last_group, group_age = [(None, None, ref) for _a, _b, ref in groups[-1]], 0
        else:
            group_age += 1
            if group_age > 2:
                last_group = None
        for ref, trig, (es, ee), modality, conf, extra in facts_in_paragraph(paragraph, triggers, dates, events):
            src_s, src_e = span_to_src(pieces.to_abs(es), pieces.to_abs(ee))
            while src_s < src_e and source_text[src_s].isspace():
                src_s += 1
            while src_e > src_s and source_text[src_e - 1].isspace():
                src_e -= 1
            key = (ref.person_id, trig.type, src_s)
            if key in seen:
                continue
            seen.add(key)
            year = extra["year"]
            trig_src = span_to_src(pieces.to_abs(trig.start), pieces.to_abs(trig.end))
            repaired_evidence = pieces.text[es:ee].strip() if repaired is not None else None
            facts.append(Fact(
                id=_fact_id(ref.person_id, trig.type, trig_src[0]),
                person_id=ref.person_id, person=ref.surname, person_mention=(ref.start, ref.end), type=trig.type,
                year=year[0] if year else None, date=year[1] if year else None, place=extra.get("place"),
                year_source=_year_source(source_text, _absolute(year, pieces, span_to_src)),
                agent=extra["agent"], according_to=extra["according_to"], start=src_s, end=src_e,
                evidence=source_text[src_s:src_e], confidence=conf, modality=modality, trigger=trig_src,
                evidence_repaired=(
                    repaired_evidence if repaired_evidence is not None and len(source_spans) == 1
                    and repaired_evidence != source_text[src_s:src_e] else None
                ),
            ))
        if "same fate" in pieces.text:
            facts += _same_fate_facts(source_text, pieces, local, facts, span_to_src, seen)
    facts.sort(key=lambda f: (f.start, f.person_mention[0], f.type))
    return facts


# `The same fate was also suffered by X`, `X met the same fate`: the event the text told just before
_SAME_FATE = re.compile(r"\b(?:[Tt]he\s+same\s+fate\s+was\s+(?:also\s+)?(?:suffered|shared|met)\s+by\b|"
                        r"(?:suffered|shared|met)\s+the\s+same\s+fate\b)")
#: Fates a later person can share (an appointment is no fate).
_FATES = frozenset(["shot", "died", "killed", "arrested", "exiled", "imprisoned", "suicide", "sentenced"])
#: How far back (characters) the event shared may be told.
_FATE_REACH = 1200
#: Longer than any unit the facts are read in (`MAX_UNIT`, 8,000 characters), so no fact of a paragraph
#: starts further back than this before a later paragraph's facts.
_PARAGRAPH_SPAN = 10_000


def _same_fate_facts(source_text: str, pieces: _Pieces, local: list, facts: list[Fact], span_to_src,
                     seen: set) -> list[Fact]:
    """Facts for the persons who `suffered the same fate` as the one the last asserted fate before it
    befell (in this paragraph or the one before): its type, no year (the same fate need not be the
    same year), the evidence from that fact's start to the end of this sentence."""
    text = pieces.text
    out: list[Fact] = []
    for m in _SAME_FATE.finditer(text):
        start, end = next(((s0, e) for s0, e in sentence_spans(text) if s0 <= m.start() < e),
                          (0, len(text.rstrip())))
        if modality_of(text[start:end], m.start() - start, text[start:end], "verb") != "asserted":
            continue  # `X would have met the same fate`, `X did not suffer the same fate`
        if m.group().lower().startswith("the"):
            group = list_after(text, local, m.end(), max_gap=80)
        else:
            group = list_before(text, local, m.start())
        group = [p for p in group if p[1] <= end]
        src_m = span_to_src(pieces.to_abs(m.start()), pieces.to_abs(m.end()))
        named = {p[2].person_id for p in group}
        before = []
        for f in reversed(facts):  # (facts come paragraph by paragraph: the recent ones are at the end)
            if f.start < src_m[0] - _FATE_REACH - _PARAGRAPH_SPAN:
                break
            if (f.modality == "asserted" and f.type in _FATES and f.end <= src_m[0]
                    and src_m[0] - f.start <= _FATE_REACH and f.person_id not in named):
                before.append(f)
        if not group or not before:
            continue
        prev = max(before, key=lambda f: f.trigger[0])
        if any(t.type in _FATES for t in find_triggers(source_text, prev.trigger[1], src_m[0])):
            continue  # a later fate told of someone no fact names (`This hero ... was executed`): unclear
        src_end = span_to_src(pieces.to_abs(end - 1), pieces.to_abs(end))[1]
        for _ps, _pe, ref in group:
            key = (ref.person_id, prev.type, prev.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(Fact(
                id=_fact_id(ref.person_id, prev.type, src_m[0]), person_id=ref.person_id, person=ref.surname,
                person_mention=(ref.start, ref.end), type=prev.type, year=None, date=None, place=None,
                agent=prev.agent, according_to=None, start=prev.start, end=src_end,
                evidence=source_text[prev.start : src_end], confidence=0.5, modality="asserted", trigger=src_m,
            ))
    return out


@dataclass
class _Episode:
    """A dated episode (a trial, a congress ...) later paragraphs may go on telling without a year:
    its year (None right after a paragraph that states years, until that paragraph is read), the
    families it names, and how many paragraphs since one referred to it."""

    year: YearValue | None
    families: frozenset[int]
    lapsed: int = 0


#: Paragraphs that do not refer to an episode before it is over (a note, an aside).
EPISODE_LAPSE = 1


def _go_on(episode: _Episode | None, text: str, items: list) -> tuple[_Episode | None, YearValue | None]:
    """The episode after this paragraph, and the year this paragraph takes from it: only a paragraph
    that states no year or dated event of its own (a span such as `the late 1920s` is background) and
    refers back to the episode by a definite phrase goes on telling it (`All of the defendants pled
    guilty in the trial`)."""
    if any(it.year is not None or it.event is not None for it in items):
        return _Episode(None, frozenset()), None  # its own years start the next episode, if any
    if episode is None or episode.year is None or not episode.families:
        return None, None
    if episodes_referred(text) & episode.families:
        return _Episode(episode.year, episode.families), episode.year
    if episode.lapsed >= EPISODE_LAPSE:
        return None, None
    return _Episode(episode.year, episode.families, episode.lapsed + 1), None


def _absolute(year: YearValue | None, pieces: _Pieces, span_to_src) -> YearValue | None:
    """`year` with the span of what fixed it (and of `two years later`) as source offsets."""
    if year is None or year.absolute or year.start < 0:
        return year
    start, end = span_to_src(pieces.to_abs(year.start), pieces.to_abs(year.end))
    shift = span_to_src(pieces.to_abs(year.shift[0]), pieces.to_abs(year.shift[1])) if year.shift else None
    return year._replace(start=start, end=end, shift=shift, absolute=True)


def _year_source(source_text: str, year: YearValue | None) -> dict | None:
    """The source span of the date or dated event that fixed a fact's year (standoff, like the evidence)."""
    if year is None or year.start < 0:
        return None
    out: dict = {"start": year.start, "end": year.end, "text": source_text[year.start : year.end]}
    if year.event is not None:
        out["event"] = year.event
    if year.shift is not None:
        a, b = year.shift
        out["shift"] = {"start": a, "end": b, "text": source_text[a:b]}
    return out
