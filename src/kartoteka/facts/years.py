"""The year of an event: stated in its clause, else fixed by its sentence or paragraph; never guessed."""

from __future__ import annotations

import re
from typing import NamedTuple

from kartoteka.extract.dates import find_dates
from kartoteka.extract.mention import Mention
from kartoteka.facts.dated_events import EventMention, find_dated_events

_YEAR = re.compile(r"^(\d{4})")
_RANGE = re.compile(r"^(\d{4})[^/]*/(\d{4})")
_DECADE = re.compile(r"^1[89]\dX$")


# (`It was not until 1987 that ...` is no bound: it says when)
_BOUND = re.compile(r"\b(?:prior\s+to|(?<!\bnot\s)until|(?<!\bnot\s)till|before|up\s+to|no\s+later\s+than)\s+$",
                    re.IGNORECASE)


# `after the 16th Congress`, `following Kirov's murder`, `until Stalin's death`: a dated event that bounds
# the time fixes no year; a year stated before it holds only if it keeps within the bound
_EVENT_BOUND = re.compile(
    r"\b(?:(?P<after>after|following|since|in\s+the\s+(?:wake|aftermath)\s+of)|before|prior\s+to|until|till|up\s+to|"
    r"no\s+later\s+than|by|on\s+the\s+eve\s+of)\s+(?:the\s+)?(?:very\s+)?$",
    re.IGNORECASE,
)


# `soon after`, `a few days after`, `the day after`: so near the event that its year is the year
_SOON = re.compile(
    r"\b(?:soon|shortly|immediately|right|directly|just|(?:a\s+few|several|two|three|\d+)\s+(?:hours|days|weeks)|"
    r"the\s+(?:day|morning|evening|night|week))\s+$",
    re.IGNORECASE,
)
_MORE_NAMES = re.compile(r"\s*(?:,|\band\b)\s*(?:(?:[A-Z][a-z]?\.\s?){1,3})?[A-Z][a-z]")


class YearValue(NamedTuple):
    """An event's year and the expression that fixed it: a date or a dated event (`event`), its span in
    the paragraph (or, `absolute`, in the whole reading: a year carried from the paragraph before), and
    the span of `two years later` when that moved it on."""

    year: int
    date: str
    start: int = -1
    end: int = -1
    event: str | None = None
    shift: tuple[int, int] | None = None
    absolute: bool = False


class Item(NamedTuple):
    """A time stated in a paragraph: a year, a span of years (`year` None), or a dated event; a
    `bound` one (`after the 16th Congress`) fixes no year."""

    start: int
    year: int | None
    edtf: str
    end: int
    event: str | None = None
    bound: str = ""  # "after" (`after the 16th Congress`) or "before" (`until Stalin's death`): fixes no year


_REPEATED = re.compile(r"\b(?:several|many|numerous)\s+times\b|\brepeatedly\b|\bmore\s+than\s+once\b",
                       re.IGNORECASE)


# `Two years later`, `the next year`, `After 3 years`: a shift from the year stated before
_LATER = re.compile(
    r"(?<![-\w])(a|one|two|three|four|five|[1-5])\s+years?\s+later\b|\bthe\s+(?:following|next)\s+year\b"
    r"|\bafter\s+(a|one|two|three|four|five|[1-5])\s+years?\b",
    re.IGNORECASE,
)

# words that tie a paragraph's time to the one before it: `On the next day`, `Five years later`
_ANCHOR = re.compile(
    r"\b(?:the\s+(?:next|following|same)\s+(?:day|year|month)|that\s+(?:same\s+)?(?:day|year|month)|"
    r"(?<![-\w])(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+later)\b",
    re.IGNORECASE,
)

# `was later arrested`, `Subsequently X was shot`: the event moved on from the year stated before it
_MOVED_ON = re.compile(
    r"(?<!years\s)(?<!year\s)(?<!days\s)(?<!weeks\s)(?<!soon\s)(?<!shortly\s)\b(?:later|subsequently|afterwards|eventually)\b",
    re.IGNORECASE,
)

# `X was arrested later`, `shot soon afterwards`: the event moved on, told after its verb
# (`arrested and later shot`: the `later` is the shooting's, not the arrest's)
_MOVED_ON_AFTER = re.compile(
    r"\S+(?:\s+(?!and\b|or\b|but\b|then\b)[a-z]+){0,3}?\s+(?:later|subsequently|afterwards?)\b", re.IGNORECASE
)

# `the trial in 1936`, `his death in 1980`: a year that a noun of another event takes
# (`the assassination of Lenin in 1918`: through the name its `of` takes)
_OWNED = re.compile(r"\s+(?:of\s+(?:[A-Z][\w.'’-]*\s+){1,4})?(?:in|of)\s+(?:the\s+(?:\w+\s+)?(?:of\s+)?)?$")


# a month named with no year and no day (`in May`, `at the end of May`): a month of the year told
_BARE_MONTH = re.compile(
    r"\b(?:(?:in|by|until|since|at\s+the\s+(?:end|beginning|start)\s+of|early|late)\s+|mid-)"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!,?\s+\d)"
)


_OWN_VERB = re.compile(r"\w+\s+(?:in|since)\s+(?:(?:early|late|mid-?)\s+)?", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)


# An episode a paragraph goes on telling without a year of its own: the events of a trial, a congress, a
# plenum or an insurrection. The paragraph that dates it names the episode (any noun of its family); a
# later one continues it only with a definite reference (`the court sentenced them`, `in the trial`).
_EPISODE_FAMILIES = (
    r"trials?|courts?|defendants|accused|indictment|prosecutors?|prosecution|verdicts?",
    r"congress(?:es)?|delegates",
    r"conferences?",
    r"plenums?|plenary\s+session",
    r"insurrection|uprising|revolt|rebellion",
)
_EPISODE_NAMED = [re.compile(rf"\b(?:{f})\b", re.IGNORECASE) for f in _EPISODE_FAMILIES]
_EPISODE_REFERRED = [
    re.compile(rf"\b(?:the|this|that|these|those|all)\s+(?:(?:same|very|whole|entire|of\s+the)\s+)?(?:{f})\b",
               re.IGNORECASE)
    for f in _EPISODE_FAMILIES
]


def episodes_named(text: str) -> frozenset[int]:
    """The episode families (trial, congress, ...) a paragraph names."""
    return frozenset(i for i, rx in enumerate(_EPISODE_NAMED) if rx.search(text))


def episodes_referred(text: str) -> frozenset[int]:
    """The episode families a paragraph refers back to with a definite phrase (`the defendants`)."""
    return frozenset(i for i, rx in enumerate(_EPISODE_REFERRED) if rx.search(text))


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

# how far an event's year may come from: its clause only, its sentence, or its paragraph before it
# (OWN: only a year its own noun takes, `the anniversary of his death` is not in the year stated)
OWN, CLAUSE, SENTENCE, PARAGRAPH = -1, 0, 1, 2


class Years:
    """Years stated in a paragraph, by position, from its DATE mentions and its dated events.

    A span of several years (`in 1929-1931`) is kept as a year that fixes none: an event inside it
    has no one year, and it ends what an earlier year fixed. A year that a noun of an event takes
    (`the trial in 1936`) is no other event noun's. A dated event (`at the Eighth Party Congress`) is
    a year like a stated one; bounded (`after the 16th Congress`) it fixes none."""

    def __init__(self, text: str, mentions: list[Mention] | None = None, triggers: list | None = None,
                 carried: YearValue | tuple[int, str] | None = None, events: list[EventMention] | None = None,
                 episode: YearValue | None = None) -> None:
        self.text = text
        self.carried = YearValue(*carried) if carried is not None else None
        # the year of an episode this year-less paragraph goes on telling (`the court sentenced them`)
        self.episode = episode
        self.mentions = find_dates(text) if mentions is None else mentions
        self.events = find_dated_events(text) if events is None else events
        self.items = year_items(text, self.mentions, self.events)
        # dates with a day and month but no year (`on 16 October`), and months alone (`in May`): days and
        # months of a year the text has told
        days = [d.start for d in self.mentions if isinstance(d.value, dict) and d.value.get("needs_year")]
        self.yearless = sorted(days + [m.start(1) for m in _BARE_MONTH.finditer(text)])
        self.owner: dict[int, int] = {}  # item position -> start of the event noun that takes it
        self.trigger_starts = [t.start for t in triggers or ()]
        self._backstories: dict[int, bool] = {}  # year position -> is it a person's past (cached)
        nouns = [t for t in triggers or () if t.role == "noun"]
        self.noun_starts = {t.start for t in nouns}
        for it in self.items:
            for t in nouns:
                if t.end <= it.start and _OWNED.match(text, t.end, it.start):
                    self.owner[it.start] = t.start

    def of_clause(self, cs: int, ce: int, ss: int, se: int, pivot: int, scope: int = PARAGRAPH,
                  masks: tuple[tuple[int, int], ...] = ()) -> YearValue | None:
        """The year of an event stated at `pivot`: the clause's, else the sentence's, else the
        paragraph's before the sentence, shifted by `a year later`; none for repeated events.
        `scope` narrows where it may come from; years inside `masks` (an apposition) are not its."""
        own = self._own_event(pivot)
        if own is not None:
            return own  # `the Shakhty trial`, `the fifth anniversary of Lenin's death`: the event is the dated one
        comma = self.text.find(",", pivot, ce)
        if _REPEATED.search(self.text, max(cs, pivot - 80), min(comma if comma > 0 else ce, pivot + 40)):
            return None  # `Several times Stalin was arrested`: no one year
        if scope == OWN:
            # the year the event's own word takes: `his death in 1924`, `have been rehabilitated in 1956`
            owned = [it for it in self.items if self.owner.get(it.start) == pivot
                     or (pivot < it.start and _OWN_VERB.fullmatch(self.text, pivot, it.start))]
            return _value(owned[0]) if owned else None
        after = _MOVED_ON_AFTER.match(self.text, pivot, min(ce, pivot + 50))
        if after:
            # `were arrested later`: not in the year stated before; a year after `later` is the event's
            later_items = [it for it in self.items if after.end() <= it.start < ce and not it.bound]
            return _value(later_items[0]) if later_items else None
        moved = [m.end() for m in _MOVED_ON.finditer(self.text, ss, pivot)]
        if moved:
            # `In 1900 ... who was later arrested`, `Later X was shot`: not in 1900; a year after
            # `later` is the event's (`later, in 1937, arrested`)
            scope = CLAUSE
            cs = max(cs, moved[-1])
        cleft = self._cleft(ss, pivot)
        if cleft is not None:
            # `It was not until 16 July 1987 ... that the court reversed the sentences of 1931 and 1935 and
            # rehabilitated them`: the frame's date is the time of its `that` clause
            return _value(cleft)
        # in its clause a year stated wins over a dated event named (`at the congress in 1934`)
        item = self._near(cs, ce, pivot, masks, dates_only=True)
        if item is None or item.start > pivot:
            # ... but a dated event named right after the verb is nearer than a year further on (`was elected at
            # the 18th Party Congress and in 1940 he toured`: 1939)
            named = self._near(cs, ce, pivot, masks)
            if item is None or (named is not None and pivot < named.start < item.start):
                item = named
        if item is None and scope >= SENTENCE:
            item = self._near(ss, se, pivot, masks)
        if item is None and scope == CLAUSE:
            month = next((d for d in self.yearless if max(cs, pivot - 60) <= d < ce), None)
            if month is not None:
                # `he had been sent there in May as a member`: a month with no year is one of the
                # year the sentence tells, though the pluperfect keeps that year from the verb itself
                item = self._near(ss, month, pivot)
        if item is not None:
            value = _value(item)
            return value if value and self._within_bounds(value.year, min(item.start, ss), se) else None
        if scope < PARAGRAPH or any(ss <= it.start < se and not it.bound for it in self.items):
            return None  # the sentence's years are another event's: the paragraph's are no nearer
        year = self.before(ss, pivot)
        later = list(_LATER.finditer(self.text, self._since(ss), pivot))
        m = later[-1] if later else None
        if year and m:
            count = (m.group(1) or m.group(2) or "a").lower()
            shifted = year.year + (int(count) if count.isdecimal() else _NUMBERS.get(count, 1))
            year = year._replace(year=shifted, date=str(shifted), shift=(m.start(), m.end()))
        # `In 1930 X was expelled. After Stalin's death he was released`: 1930 is not after 1953
        return year if year and self._within_bounds(year.year, self._since(ss), se) else None

    def _cleft(self, ss: int, pivot: int) -> Item | None:
        """The date of a cleft sentence (`It was not until 1940 that ...`, `It was precisely during 1939-1940
        that ...`) whose `that` clause holds `pivot`."""
        m = _CLEFT.match(self.text, ss)
        if not m:
            return None
        item = next((it for it in self.items if m.end() <= it.start <= m.end() + 30 and it.event is None), None)
        if item is None or item.end > pivot or not _THAT.search(self.text, item.end, pivot):
            return None
        if any(item.end <= it.start < pivot and it.event is None
               and _TIME_ADVERBIAL.search(self.text, max(0, it.start - 20), it.start) for it in self.items):
            return None  # a time stated after the frame's, nearer the event (`In 1941, X was arrested`), is its own
        return item

    def _within_bounds(self, year: int, start: int, end: int) -> bool:
        """Whether `year` keeps within the dated events that bound the time between `start` and `end`."""
        for it in self.items:
            if it.bound and it.year is not None and start <= it.start < end and (
                (it.bound == "after" and year < it.year) or (it.bound == "before" and year > it.year)
            ):
                return False
        return True

    def _own_event(self, pivot: int) -> YearValue | None:
        """The year of the dated event the trigger at `pivot` names itself (`Kirov's murder`, `the
        "Industrial Party" trial`), unless a year is stated for it or it only bounds another time
        (`after Lenin's death`: a time reference, not a statement of the death)."""
        if any(self.owner.get(it.start) == pivot and it.event is None for it in self.items):
            return None
        for ev in self.events:
            if ev.base_start <= pivot < ev.base_end and ev.base_year is not None:
                if _EVENT_BOUND.search(self.text, max(0, ev.start - 40), ev.start):
                    return None
                if ev.kind == "death" and _MORE_NAMES.match(self.text, ev.base_end):
                    return None  # `the murder of Kirov, Kuybyshev and Gorkiy`: deaths of several years
                return YearValue(ev.base_year, str(ev.base_year), ev.base_start, ev.base_end, ev.base_event)
        return None

    def _near(self, start: int, end: int, pivot: int, masks: tuple[tuple[int, int], ...] = (),
              dates_only: bool = False) -> Item | None:
        # a year another event's noun takes is not this noun's (`his release ... his death in 1980`);
        # a verb may take it (`After Kirov's death in 1934 Yagoda was appointed`)
        noun = pivot in self.noun_starts
        inside = [it for it in self.items if start <= it.start < end and not it.bound
                  and not (dates_only and it.event is not None)
                  and (not noun or self.owner.get(it.start, pivot) == pivot)
                  and not any(a <= it.start < b for a, b in masks)]
        if not inside:
            return None
        # the year the event's own word takes comes first (`was arrested in 1937 and freed in 1939`: freed in 1939)
        own = next((it for it in inside if it.start > pivot and _OWN_VERB.fullmatch(self.text, pivot, it.start)), None)
        if own is not None:
            return own
        before = [it for it in inside if it.start <= pivot]
        if before:
            return before[-1]
        # a year after the event inside a relative clause is another's (`killed A and B, who broke with
        # the service already in 1929`)
        after = [it for it in inside if not _RELATIVE.search(self.text, pivot, it.start)
                 # (nor one a later event's noun takes: `the charges of killing X, of the attempt on Y in 1918`)
                 and self.owner.get(it.start, pivot) == pivot]
        # ... and so is one after a contrast that brings its own event (`arrested X, but they freed him
        # in 1941`)
        after = [it for it in after if not (_CONTRAST.search(self.text, pivot, it.start) and any(
            pivot < t < it.start for t in self.trigger_starts))]
        return after[0] if after else None

    def near(self, start: int, end: int, pivot: int) -> YearValue | None:
        item = self._near(start, end, pivot)
        return _value(item) if item else None

    def before(self, pos: int, pivot: int | None = None) -> YearValue | None:
        """The last year stated before `pos`; none stated, the previous paragraph's when the text
        before `pivot` ties to it (`On the next day`), else the year of the episode it goes on telling."""
        last = next((it for it in reversed(self.items)
                     if it.start < pos and not it.bound and not self._backstory(it.start)), None)
        if last is not None and _BY_BEFORE.search(self.text, max(0, last.start - 40), last.start):
            # `By mid-1939, only seven remained ... All who were arrested were executed`: a bound, and an
            # event of a later sentence is not in that year
            return None
        if (
            last is not None and _ONSET_BEFORE.search(self.text, max(0, last.start - 40), last.start)
            and not _FRAGMENT_AFTER.match(self.text, last.start)
        ):
            # `Already in 1936, the geneticist X was arrested. Y perished, ...`: the first of a series,
            # not the year of the ones told after it
            return None
        if last is not None and last.year is not None and any(
            last.start < it.start < pos and not it.bound and it.year is not None and it.year > last.year
            for it in self.items
        ):
            # `a circle Lenin set up in 1895 ... X, a sailor who guarded Lenin in October 1917, perished. Patrols
            # detained Lenin`: the story has moved past 1895, though 1917 is a relative clause's and no year of its own
            return None
        if last is not None:
            return _value(last)
        until = pos if pivot is None else pivot
        if self.carried and (_ANCHOR.search(self.text, 0, until) or any(d < until for d in self.yearless)):
            # `On the next day`, `On 1 September his request was granted`: a day of the year told before
            return self.carried
        return self.episode

    def _backstory(self, pos: int) -> bool:
        known = self._backstories.get(pos)
        if known is None:
            known = self._backstories[pos] = self._is_backstory(pos)
        return known

    def _is_backstory(self, pos: int) -> bool:
        """Is the year at `pos` a person's past rather than the time of the story the paragraph goes on
        telling? A year in a sentence of joining the party or of birth; in a closed relative clause told in
        the pluperfect, of joining the party, or of no event of the story (`who in 1919 had directed`,
        `when he entered the party in 1919`, `Kamo, who died in 1922,`); in an apposition before the verb
        (`the head of a short-lived republic in 1919, was executed`)."""
        start = max(self.text.rfind(". ", 0, pos), 0)
        end = self.text.find(". ", pos)
        if _JOINED.search(self.text, start, end if end > 0 else len(self.text)):
            return True  # `He joined the party only in 1922.`: a life's start, not the story's
        participle = _PARTICIPLE_TIME.search(self.text, max(start, pos - 60), pos)
        if participle and _SUBJECT_ENDS.match(self.text, pos):
            return True  # `The members elected at the 17th Party Congress were arrested`: the election's time
        # (closed by a comma, or by a dashed aside: `who led the strike in 1901—one of the first—died`)
        closing = _RELATIVE_CLOSE.match(self.text, pos) or _DASHED_CLOSE.match(self.text, pos)
        if not closing:
            return False
        opened = _RELATIVE_OPEN.search(self.text, max(0, pos - 250), pos)
        if opened:
            clause = self.text[opened.start() : closing.end()]
            # (unless it tells the story's own events: `who was arrested in 1937 and survived`)
            return bool(_BACKSTORY.search(clause)) or not _STORY_EVENT.search(clause)
        # `Bela Rubin, the head of a short-lived republic in 1919, was executed`: an apposition's year
        apposed = _APPOSITION_OPEN.search(self.text, max(0, pos - 250), pos)
        return bool(apposed and _PREDICATE.match(self.text, closing.end()))

    def _since(self, pos: int) -> int:
        """Where the year in force at `pos` was stated (0: before the paragraph)."""
        earlier = [it.start for it in self.items if it.start < pos and not it.bound]
        return earlier[-1] if earlier else 0


_CONTRAST = re.compile(r"\bbut\b|;")
#: A past participle after a noun, and its time (`members elected at the `), not a finite verb's
_PARTICIPLE_TIME = re.compile(
    r"(?<=[A-Za-z)] )(?<!was )(?<!were )(?<!been )(?<!had )(?<!and )(?<!he )(?<!she )(?<!they )(?<!who )"
    r"(?:[a-z]+ed|held|chosen)\s+(?:at|in|on|during|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
)
#: ... whose noun phrase then takes its verb (`... Party Congress were arrested`)
_SUBJECT_ENDS = re.compile(r"[^.;:,!?]{0,60}?\s(?:was|were)\s")
_RELATIVE_OPEN = re.compile(r",\s*(?:\w+\s+)?(?:who|whom|which)\b(?:[^.;:!?,()]|\b[A-Z][a-z]?\.)*$")
_RELATIVE_CLOSE = re.compile(r"[^.;:!?,()]{0,100},")
_DASHED_CLOSE = re.compile(r"[^.;:!?,()—–]{0,100}[—–][^.;:!?—–]{1,160}[—–]")
_JOINED = re.compile(r"\b(?:joined|entered)\s+the\s+(?:party|RSDLP|RSDRP|VKP|Bolshevik)|\bwas\s+born\b|"
                     r"\b(?:party\s+member|member\s+of\s+the\s+party)\s+since\b")
_STORY_EVENT = re.compile(r"\b(?:arrested|shot|executed|repressed|sentenced|exiled|imprisoned|rehabilitated|"
                          r"released|expelled|years\s+old)\b")
_APPOSITION_OPEN = re.compile(r",\s*(?:the|a|an|one\s+of|former)\s(?:[^.;:!?,()]|\b[A-Z][a-z]?\.)*$")
_PREDICATE = re.compile(r"\s*(?:was|were|had|also|perished|died)\b")
_BACKSTORY = re.compile(r"\bhad\b|\b(?:entered|joined)\s+the\s+party\b|\bparty\s+member\s+since\b")
# (`Already in April 1938. N. I. Orlov was appointed`: a comma read as a full stop; the year is the next clause's)
_FRAGMENT_AFTER = re.compile(r"(?:[A-Za-z]+\s+)?\d{4}\s*[.,]\s+(?:[A-Z][a-z]?\.\s?){1,3}[A-Z][a-z]+")
_ONSET_BEFORE = re.compile(r"\b(?:[Aa]lready|[Aa]s\s+early\s+as)\s+(?:in\s+)?(?:the\s+\w+\s+of\s+)?$")
_BY_BEFORE = re.compile(r"\b[Bb]y\s+(?:the\s+(?:end|beginning|middle|start|spring|summer|autumn|fall|winter)\s+of\s+|"
                        r"mid-?\s?)?$")


def year_items(text: str, mentions: list[Mention], events: list[EventMention] | None = None) -> list[Item]:
    """The times a paragraph states, in order: its DATE mentions that state a year (a span of years
    with year None) and, when `events` are given, its dated events that are a time (not a topic);
    a dated event that a date overlaps is the date's."""
    items = []
    for d in mentions:
        value = d.value if isinstance(d.value, dict) else {"edtf": d.value}
        edtf = str(value.get("edtf", ""))
        m = _YEAR.match(edtf)
        if _DECADE.match(edtf) and not _BOUND.search(text, max(0, d.start - 12), d.start):
            items.append(Item(d.start, None, edtf, d.end))  # `in the 1930s`: a span of years, no one year
            continue
        if _PUBLISHED.search(text, max(0, d.start - 40), d.start):
            continue  # `in his memoirs published in 1964`: the year of a source, not of what it tells
        # `prior to 1928`, `until 1940`: a bound, not the year something happened
        if m and 1850 <= int(m.group(1)) <= 1995 and "X" not in edtf[:4] and not _BOUND.search(
            text, max(0, d.start - 12), d.start
        ):
            span = _RANGE.match(edtf)
            year = None if span and span.group(1) != span.group(2) else int(m.group(1))
            items.append(Item(d.start, year, edtf, d.end))
    items = _joined_spans(text, items)
    for ev in events or ():
        if not ev.time or any(it.start < ev.end and ev.start < it.end for it in items if it.event is None):
            continue
        m = _EVENT_BOUND.search(text, max(0, ev.start - 40), ev.start)
        bound = ("after" if m.group("after") else "before") if m else ""
        if bound == "after" and _SOON.search(text, max(0, m.start() - 30), m.start()):
            bound = ""  # `soon after the trial`, `a few days after Kirov's murder`: in the event's year
        items.append(Item(ev.start, ev.year, str(ev.year) if ev.year else "", ev.end, ev.event, bound))
    items.sort(key=lambda it: it.start)
    return items


_CLEFT = re.compile(r"\s*[\"“]?It\s+was\s+(?:not\s+until|only\s+(?:in|on|after|during)|(?:precisely\s+|exactly\s+)?"
                    r"(?:in|on|during))\s+")
_THAT = re.compile(r"\bthat\b")
_TIME_ADVERBIAL = re.compile(r"\b(?:in|during|on|since|by)\s+(?:(?:early|late|mid-?|the)\s+)?$", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(?:published|printed|issued|reissued|republished)\s+(?:\w+\s+){0,2}?(?:in|of)\s+$",
                        re.IGNORECASE)
_SPAN_OPENS = re.compile(r"\b(?:from|between)\s+(?:the\s+(?:end|beginning|middle)\s+of\s+)?$", re.IGNORECASE)
_SPAN_JOINS = re.compile(r"\s*(?:to|until|till|through|and)\s+(?:the\s+(?:end|beginning|middle)\s+of\s+)?",
                         re.IGNORECASE)


def _joined_spans(text: str, items: list[Item]) -> list[Item]:
    """`from 1929 to 1937`, `between 1936 and 1938`: two dates that make one span of years, which
    fixes no one year (a date mention each for the dates layer)."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.year is not None and it.year is not None and prev.year < it.year
                and _SPAN_JOINS.fullmatch(text, prev.end, it.start)
                and _SPAN_OPENS.search(text, max(0, prev.start - 40), prev.start)):
            out[-1] = Item(prev.start, None, f"{prev.year}/{it.year}", it.end)
            continue
        out.append(it)
    return out


def last_year(items: list[Item]) -> YearValue | None:
    """The year in force at the end of a paragraph of these `year_items` (what `the next day` in the
    next one refers to)."""
    items = [it for it in items if not it.bound]
    return _value(items[-1]) if items else None


def one_year(items: list[Item]) -> YearValue | None:
    """The one year a paragraph of these `year_items` states (every year and dated event in it agree;
    spans of years such as `the 1920s` aside), else None: what dates the episode it tells."""
    items = [it for it in items if not it.bound and it.year is not None]
    return _value(items[-1]) if items and len({it.year for it in items}) == 1 else None


def _value(item: Item) -> YearValue | None:
    if item.year is None or item.bound:
        return None
    return YearValue(item.year, item.edtf, item.start, item.end, item.event)
