"""Modality of a claim: asserted, reported (accusations, rumours, attributed claims), denied, or
hypothetical (plans, wishes, orders, conditions). Cues must govern the trigger, so a charge does not
spread to what the text says happened next (`falsely accused of wrecking, arrested and shot`)."""

from __future__ import annotations

import re

DENIED = re.compile(r"\b(?:not(?!\s+only)|never|no\s+one|nobody|neither|nor|without)\b", re.IGNORECASE)


# Plans, wishes and conditions: a modal right before the trigger, a plan word governing it
# (`planned to arrest`, `the proposal to expel`), or a condition (`if`, `unless`) in its clause.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|should|may|must|can|cannot)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:planned|plans?|intended|intend|wanted|want|threatened|threat|demanded|demand|proposed|proposal|"
    r"sought|tried|attempts?|attempted|fought|hoped|expected|ready|prepared|preparing|going|aimed?|asked|requested|"
    r"begged|wished|offered|requests?|appeals?|petitions?|pleas?|instructions?|orders?|permission|consent)\s+"
    r"(?:[\w.]+\s+){0,5}?to\s+(?:\w+\s+){0,2}$"
    r"|\b(?:if|unless|whether|in\s+the\s+event\s+of|in\s+case\s+of|possibility|hypothesis|suggested\s+that|"
    r"it\s+is\s+possible)\b|\bawait(?:ed|s)?\b|\bwas\s+to\s+be\b"
    r"|\bwere\s+to\s+be\b"
    r"|(?<!\bto\s)\bbe\s+$|\bwill\s+(?:\w+\s+){0,2}$",  # `demanded that X be expelled`, `X will be shot`
    re.IGNORECASE,
)


# A sentence frame that denies, doubts, only wishes or only cites what its `that` clause says.
_FRAME = re.compile(
    r"\b(?:(?P<denied>(?:it|this)\s+is\s+(?:not\s+true|untrue|false|a\s+(?:lie|myth|legend))|there\s+is\s+no\s+"
    r"(?:evidence|proof|truth\s+in\s+the\s+claim)|nobody\s+(?:believes|believed))|"
    r"it\s+(?:may|might|can|could)\s+be\s+(?:supposed|assumed|presumed|conjectured|surmised)|"
    r"(?:one|we)\s+(?:may|might|can|could)\s+(?:suppose|assume|presume|conjecture|surmise)|"
    r"(?:it\s+is|it\s+was|it\s+seems)\s+"
    r"(?:doubtful|unlikely|uncertain|not\s+(?:known|certain|clear))|(?:we|I)\s+do\s+not\s+know|"
    r"(?:desire|wish|wished|hope|hoped|request|requested|insisted|demand|demanded|possibility|suggested|"
    r"speculated|conjectured|supposition|hypothesis)|(?P<reported>one\s+(?:can|could)\s+"
    r"read|we\s+read|it\s+(?:is|was)\s+(?:written|stated|claimed|asserted|alleged)))(?:,\s*\w+,)?\s+"
    r"(?:that|whether|if)\b"
    r"(?:(?!\b(?:but|while|whereas|however|although|though|yet)\b)[^.;:!?])*$",
    re.IGNORECASE,
)


# a temporal phrase around an event noun takes the event as given: `after Lenin's death`, `before his arrest`
_PRESUPPOSED = re.compile(
    r"\b(?:after|following|since|before|until|upon|during)\s+(?:the\s+)?(?:[\w.]+\s+){0,2}?(?:\w+(?:'s|’s)|his|her|their)"
    r"\s+(?:own\s+|first\s+|second\s+|final\s+)?$",
    re.IGNORECASE,
)


_REPORTED = re.compile(
    r"\b(?:accused|accusations?|charged|charges?|allegedly|alleged|rumou?rs?|supposedly|so-called|confessed|"
    r"confession|testified|slander|slanderous|fabricated|false|falsely|pretext|it\s+was\s+said|they\s+said|"
    r"claimed|legend|version|according\s+to\s+(?:the\s+)?(?:newspaper|press|official|some|other)\s+"
    r"(?:reports?|accounts?|version|data|information|sources))\b",
    re.IGNORECASE,
)


# a charge set after the subject, before its own verb (a reduced relative, not the passive `was accused of`)
_ACCUSED_SUBJECT = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?:accused|charged|suspected)\s+(?:of|with)\s+"
    r"[^,;.\"“”]{1,60}?\s+(?:was|were|had\s+been|have\s+been)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


_REPORTED_SENTENCE = re.compile(
    r"^\s*(?:It\s+was\s+(?:said|rumou?red|claimed|alleged)|Rumou?rs?|Allegedly)\b|\baccording\s+to\s+(?:the\s+)?"
    r"(?:official|some|other|certain)\s+(?:version|accounts?|rumou?rs?|reports?)",
    re.IGNORECASE,
)


# Base forms (`arrest`, `execute`, `appoint`) state a plan, a wish or an order (`Arrest them!`,
# `necessary to appoint X`) unless a decision was taken (`the decision was taken to expel X`).
_BASE_FORMS = frozenset(
    "arrest shoot execute kill murder exile deport expel remove dismiss free release rehabilitate appoint elect "
    "sentence".split()
)


# an event only attempted, prepared, proposed or feared (`the attempted assassination of Lenin`,
# `preparing for Kirov's murder`, `proposed the appointment of X`, `the threat of Stalin's
# rehabilitation`), or one a sentence, an order or a wait only has in view (`sentenced to be shot`,
# `waited to be arrested`); `the first to be arrested` is asserted
_ATTEMPTED = re.compile(
    r"\b(?:attempted|attempts?\s+(?:at|on)|(?:threats?|dangers?|fears?|prospects?|possibility|risks?|spectre|specter)\s+of|"
    r"(?:preparing|preparations?|plans?|planning|plotting|plots?)\s+for|"
    r"plans?\s+(?:including|of)|(?:proposed|suggested|recommended|demanded|requested|urged|insisted\s+on|(?:asked|petitioned|appealed|pleaded|called)\s+for)"
    r"(?=\s+(?:the|his|her|their)\s)|complicity\s+in\s+(?:preparing|organizing|planning))\s+(?:the\s+|an?\s+)?"
    r"(?:[\w.]+\s+){0,2}?(?:\w+(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
_TO_BE = re.compile(r"(?<!\bfirst\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bonly\s)(?<!\bone\s)\bto\s+be\s+$", re.IGNORECASE)


_DECIDED = re.compile(
    r"\b(?:decided|resolved|voted|decreed|(?:adopted|passed|took)\s+(?:a\s+)?(?:resolution|decision)|"
    r"decision\s+was\s+(?:taken|made))\b[^.;]{0,120}$",
    re.IGNORECASE,
)


_PLANNED_AFTER = re.compile(
    r"^\S*\s+(?:of\s+\S+(?:\s+\S+)?\s+)?(?:(?:was|were)\s+(?:being\s+)?(?:planned|plotted|prepared|contemplated|"
    r"intended)\b|would\s+have\b|could\s+have\b|(?:was|were|is|are)\s+(?:not\s+only\s+)?(?:possible|necessary|"
    r"desirable|needed|inevitable|unavoidable)\b)",
    re.IGNORECASE,
)


# `Almost all of them perished`, `Many of the defendants were shot`: the event is said of an unnamed
# part of a group, so of none of its members in particular (unless they are named: `for example X`)
_SOME_OF_THEM = re.compile(
    r"\b(?:(?:almost|nearly|virtually|practically)\s+all|most|many|some|several|a\s+few|half)\s+of\s+"
    r"(?:them|these|those|the\s+\w+)\s+(?:(?:were|had\s+been|have\s+been)\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(r"\b(?:for\s+example|for\s+instance|such\s+as|including|among\s+them|namely)\b",
                          re.IGNORECASE)
_SOME_CASES_AFTER = re.compile(
    r"^\S*\s+in\s+(?:the\s+)?(?:majority\s+of|most|many|some|a\s+number\s+of)\s+(?:the\s+)?cases\b", re.IGNORECASE
)


_FULFILLED = re.compile(
    r"(?:[^.;:!?]|(?<=\b[A-Z])\.){0,80}?\b(?:was|were)\s+(?:\w+ly\s+)?(?:carried\s+out|granted|fulfilled|satisfied|met|honou?red)\b",
    re.IGNORECASE,
)


# the next sentence says the request or effort succeeded: `asked for his release. The effort was successful.`
_SUCCEEDED = re.compile(
    # (a time phrase may lead: `On 1 September his request was granted`)
    r"\s*(?:(?:On|In|By|At)\s+[\w ]{1,30}?,?\s+)?(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Tt]hese|[Tt]hose)\s+"
    r"(?:efforts?|requests?|petitions?|appeals?|pleas?|"
    r"intercessions?|attempts?)\s+(?:was|were|proved)\s+(?:\w+ly\s+)?(?:successful|a\s+success|granted|"
    r"carried\s+out|satisfied|fulfilled|met|honou?red)\b"
)


# A verb that says its complement happened (`he was able to kill Kirov`, `managed to free him`): the base form
# after it is no plan or order.
_IMPLICATIVE = re.compile(
    r"\b(?:(?:was|were)\s+(?:\w+ly\s+)?able|managed|contrived|went\s+on)\s+to\s+$", re.IGNORECASE
)


# `held in confinement and exile`: a base form coordinated with a noun of confinement is a noun itself
_NOUN_AND = re.compile(r"\b(?:confinement|imprisonment|prisons?|camps?|jails?)\s+(?:and|or)\s+$",
                       re.IGNORECASE)


def modality_of(clause_text: str, trig_rel: int, sentence_text: str, role: str | None = None,
                following: str = "") -> str:
    """Modality of the trigger at `trig_rel` in `clause_text`; `following`: the text after the sentence."""
    found = _modality(clause_text, trig_rel, sentence_text, role)
    if found == "hypothetical" and _SUCCEEDED.match(following):
        return "asserted"
    return found


def _modality(clause_text: str, trig_rel: int, sentence_text: str, role: str | None = None) -> str:
    """The cue must govern the trigger: look back only to the last comma or `and` before it
    (`falsely accused of wrecking, arrested and shot`: the arrest and the shooting are asserted)."""
    left = clause_text[:trig_rel]
    at = max(0, sentence_text.find(clause_text)) + trig_rel
    frame = _FRAME.search(sentence_text[:at])
    if frame:  # `It is not true that X and Y were shot`, `It is doubtful that X was arrested`
        return "denied" if frame.group("denied") else "reported" if frame.group("reported") else "hypothetical"
    cut = max(left.rfind(","), left.rfind(" and "), left.rfind(";"))
    window = left[cut + 1 :][-70:] if cut >= 0 else left[-70:]
    accused = _ACCUSED_SUBJECT.search(window)
    if accused:
        # `executives ... accused of negligence were dismissed`: the charge is the subject's, the dismissal a fact
        window = window[: accused.start()]
    if _REPORTED.search(window) or _REPORTED_SENTENCE.search(sentence_text[:80]):
        return "reported"
    if role == "noun" and _PRESUPPOSED.search(window):
        return "asserted"  # `was not completed even after Lenin's death`: the negation is the main verb's
    if _ATTEMPTED.search(left[-80:]) or _TO_BE.search(left):
        return "hypothetical"
    if _SOME_OF_THEM.search(left[-60:]) and not _NAMED_AFTER.search(clause_text, trig_rel):
        return "hypothetical"  # `Almost all of them perished`: which ones, unsaid
    if DENIED.search(window[-35:]):
        return "denied"
    if _HYPOTHETICAL.search(window):
        if _FULFILLED.match(sentence_text, at):
            return "asserted"  # `the request to release X was carried out`
        return "hypothetical"
    rest = clause_text[trig_rel:].split(maxsplit=1)
    word = rest[0].lower().strip(".,;:!?\"'") if rest else ""
    if role == "verb" and word in _BASE_FORMS and not _DECIDED.search(left) and not _NOUN_AND.search(left[-40:]):
        if _IMPLICATIVE.search(left[-40:]):
            return "asserted"
        return "asserted" if _FULFILLED.match(sentence_text, at) else "hypothetical"
    if _SOME_CASES_AFTER.match(clause_text[trig_rel:]):
        return "hypothetical"  # `were arrested and perished in the majority of cases`: which ones, unsaid
    if _PLANNED_AFTER.match(clause_text[trig_rel:]):
        return "hypothetical"  # `Stalin's assassination was planned`, `their rehabilitation would have meant`
    return "asserted"
