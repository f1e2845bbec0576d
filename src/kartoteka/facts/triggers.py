"""Words that state an event, by fact type and by how they take their person.

`verb`: a participle/past form that can be passive (`X was arrested`), active (`they arrested X`),
fronted (`Arrested were X, Y`) or attributive (`the exiled X`). `intrans`: the person is the
subject (`X died`). `noun`: the person follows `of` or precedes as a possessive (`the arrest of X`,
`Kirov's murder`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    type: str
    role: str  # verb | intrans | noun
    start: int
    end: int


# Order matters: the first alternative that matches wins, so longer phrases come first.
_TABLE: list[tuple[str, str, str]] = [
    # (`end his life by committing suicide`: an OCR-clipped `ended`)
    ("suicide", "intrans", r"committed suicide|shot (?:him|her|them)sel(?:f|ves)"
                           r"|took (?:his|her|their) own li(?:fe|ves)|hanged (?:him|her|them)sel(?:f|ves)"
                           r"|end(?:ed)? (?:his|her) (?:own )?life (?:by|with|in) (?:committing )?suicide"
                           r"|threw (?:him|her)self (?:out|from|under)"),
    ("expelled", "verb", r"removed (?:\w+ )?from (?:membership"
                         r"|the (?:Politburo|Central Committee|party|VKP\(b\)|Orgburo))"),
    # `released from his duties`, `released, at his request, from his duties`
    ("removed", "verb", r"released(?:, [^,.;]{1,40},)? from (?:the |his |her )?(?:posts?|positions?|duties|work|"
                        r"military|command|leadership|office)|called back from"),
    # `were not elected to the leadership`, `not reelected to the Central Committee`: dropped from a body
    ("removed", "verb", r"not (?:re-?)?elected (?=(?:to|into) )"),
    ("elected", "verb", r"included (?:in|into|on) (?:the |this )?(?:membership of the )?(?:\w+ ){0,2}"
                        r"(?:Central Committee(?! \w+ Buro)|Politburo|BTsK)|co-?opted"),
    ("appointed", "verb", r"included (?:in|into|on) (?:the |this )?(?:membership of the )?(?:[\w()]+ ){0,3}"
                          r"(?:Buro|Presidium|Secretariat|Orgburo|Council|Commission|Collegium|board)"),
    # (the chairman of a security organ is appointed: `became the chairman of the GPU of Georgia`)
    ("appointed", "intrans", r"became (?:the |a )?(?:\w+ )?chairman of the (?:\w+ )?"
                             r"(?:GPU|OGPU|NKVD|Cheka|VChK|MGB|MVD)\b"),
    ("elected", "intrans", r"became (?:a |the )?(?:\w+ )?(?:members?|chairman|candidate members?)"),
    ("appointed", "intrans", r"became (?:the |a )?(?:[\w']+ )?(?:head|leader|chief|commander|secretary|editor|"
                             r"director|commissar|minister|procurator|ambassador)"
                             r"|assumed (?:the |a )?(?:\w+ )?(?:posts?|positions?|duties)"
                             # `He occupied the post of chief arbiter of the council`
                             r"|occupied (?:the |a )?(?:\w+ )?(?:post|position) of"
                             # `who served as secretary of the VKP(b)`, `joined the first Soviet government as
                             # commissar of labor`
                             r"|served as (?:a |the )?(?:member|secretary|chairman|commissar|head|chief|commander|"
                             r"deputy|director|editor|ambassador)\b"
                             r"|joined (?:the )?(?:[\w'’-]+ ){0,3}government as\b"),
    # `named as people's commissar`, not `named as accomplices` (an accusation)
    ("appointed", "verb", r"named (?:to|as)(?! (?:\w+ )?(?:accomplices?|participants?|conspirators?|spies|spy|agents?|"
                          r"organi[sz]ers?|instigators?|culprits?|defendants?|witness|enem|members? of the (?:\w+ )?"
                          r"(?:center|bloc|conspiracy|organi[sz]ation|group)))|sent as|entrusted to head|put in charge|"
                          r"transferred to the post"
                          # `had been sent there in May as a member of its council`, `was sent
                          # to fill the post of secretary` (the word the scan finds is `sent`)
                          r"|sent(?=(?: [\w.,]+){1,6}? as (?:an? |the )?(?:[\w'’-]+ )?(?:members?|secretary|"
                          r"chairman|head|commander|ambassador|commissar|representative|plenipotentiary|director|"
                          r"chief|editor|deputy|envoy|leader)\b)"
                          r"|sent to (?:fill|take|head|occupy) the (?:post|position)"
                          # `X was given a new assignment as a board member`
                          r"|given (?:a |the )?(?:new |minor |responsible |important |high )?(?:assignment|post|"
                          r"position|job|appointment)(?= as\b| of\b| in\b)"),
    ("arrested", "verb", r"taken into custody|came for|taken (?:directly )?to (?:a |the )?(?:\w+ )?(?:prison|jail)"),
    # `Stalin put Yezhov in control of the NKVD`: the one put in charge was appointed
    ("appointed", "verb", r"put(?=\s+(?:[A-Z][a-z]?\.\s?){0,3}[A-Z][a-z]+\s+in\s+(?:control|charge|command)\s+of\b)"),
    # `Mercader mortally wounded Trotsky`
    ("killed", "verb", r"mortally wounded"),
    # `the Military Collegium acquitted him`: he was tried
    ("tried", "verb", r"acquitted"),
    # `the replacement of Yezhov`: he was removed
    ("removed", "noun", r"replacement"),
    ("arrested", "verb", r"detained"),
    # `Beria and Yezhov joined the Central Committee`
    ("elected", "intrans", r"joined (?:the )?(?:[\w()]+ )?(?:Central Committee|Politburo|Orgburo|Presidium)"),
    ("shot", "intrans", r"went to the firing squad|faced the firing squad|went before the firing squad"),
    ("shot", "verb", r"put to death"),
    # `But X was already dead` (the word the scan finds is `dead`; what stands before it says who)
    ("died", "intrans", r"met (?:an? |his |her |their )?(?:untimely |early |tragic |violent )?death|"
                        r"no longer alive|passed away|dead(?:(?<=was dead)|(?<=were dead)|(?<=was already dead)|"
                        r"(?<=were already dead))"),
    ("imprisoned", "intrans", r"(?:ended|wound) up in (?:a |the )?(?:\w+ )?(?:prisons?|jails?|camps?|confinement)"
                              r"|landed in (?:a |the )?(?:prisons?|jails?|camps?)"
                              # `who lived in confinement for many years`
                              r"|lived (?:for (?:many|several|\d+) years )?in (?:confinement|prisons?|camps?)\b"
                              # `spent a comparatively short time in confinement`, `the years she spent in
                              # Stalin's prisons and camps`
                              r"|spent (?:a |the )?(?:\w+ ){0,2}(?:time|months|weeks) in "
                              r"(?:confinement|prisons?|jails?|camps?)\b"
                              r"|spent in (?:[\w'’]+ ){0,2}(?:prisons?|camps?|confinement|jails?)\b"
                              r"|found (?:him|her|them|my)sel(?:f|ves) in (?:a |the )?(?:\w+ )?"
                              r"(?:prisons?|jails?|camps?|cells?|confinement)\b"),
    # `They threw him into a cell, full of water`, `a wave of arrests swept me into prison`
    ("imprisoned", "verb", r"(?:swept|threw|thrown|cast|put|placed)(?=\s+(?:\w+\s+){0,2}?into\s+(?:a\s+|the\s+)?"
                           r"(?:[\w-]+\s+)?(?:prisons?|jails?|camps?|cells?)\b)"),
    # `my intellectual life in prisons and camps` (whose life, a possessive says)
    ("imprisoned", "noun", r"life in (?:prisons?|camps?|confinement)\b"),
    # `was kept for months in a cell for the condemned`, `they kept O. Orlova in prison for 2 years`, `we were
    # held in different prisons`
    ("imprisoned", "verb", r"(?:kept|held)(?=\s+(?:[\w.]+\s+){0,5}?(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}"
                           r"(?:prisons?|jails?|cells?|camps?|confinement)\b)"),
    # `Sergo Ordzhonikidze ... ceased to exist in February 1937`
    ("died", "intrans", r"ceased to exist"),
    # `Platten served time in the prisons of czarist Russia`
    ("imprisoned", "intrans", r"served (?:a |his |her )?(?:\w+ )?(?:time|sentence|term) in (?:the |a )?(?:\w+ )?"
                              r"(?:prisons?|camps?|jails?|confinement)\b"),
    # `(A, B and C were arrested.) None of them survived.`: they all died
    ("died", "intrans", r"survived(?<=[Nn]one of them survived)"),
    # `who survived 16 years of confinement`, `spent about 20 years in prison and camps`
    # (`survived 17 years' confinement`; `returned home after 17 years of confinement`)
    ("imprisoned", "intrans", r"(?:survived|spent|served|after) (?:about |some |nearly |almost |over |more than )?"
                              r"(?:\d+|the|[a-z]+) years(?:['’] | (?:of|in|at) )(?:confinement|imprisonment|prisons?|"
                              r"camps?|prisons? and camps|hard labor)\b"),
    # `he wrote letters in jail`; `X is in prison` (a state: not `they will keep you in prison`, said of the
    # jailers)
    ("imprisoned", "intrans", r"in jail\b"
                              r"|in prison\b(?:(?<=is in prison)|(?<=was in prison)|(?<=were in prison)|"
                              r"(?<=are in prison)|(?<=been in prison))(?! (?:camps?|hospital|transits?)\b)"),
    # `who in 1938 was in the same cell with Orlov's brother`; `said X to his cell mates`: a prisoner (the word
    # the scan finds is `cell`; what stands before it says who was there)
    ("imprisoned", "intrans", r"cell(?:(?<=was in the same cell)|(?<=were in the same cell))(?! ?mates)"),
    ("imprisoned", "noun", r"(?:(?<=his )|(?<=her ))cell ?mates"),
    # `ended his life in confinement`: he died there
    ("died", "intrans", r"ended (?:his|her) (?:own )?(?:life|days)(?! (?:by|with|in) (?:committing )?suicide)"),
    # `returned from exile`; `Stalin brought him back from exile` (the word the scan finds is `brought`)
    ("exiled", "intrans", r"ended up in exile|return(?:ed|ing) from exile"),
    ("exiled", "verb", r"brought(?=\s+(?:[\w.]+\s+){1,4}?back\s+from\s+exile\b)"),
    ("released", "verb", r"set free"),
    # `A, B and other engineers received their freedom`
    ("released", "intrans", r"(?:received|regained|won|got|obtained) (?:his|her|their) (?:freedom|liberty)"),
    ("suicide", "noun", r"suicide"),
    ("arrested", "noun", r"(?:re-?)?arrests?"),
    ("arrested", "verb", r"(?:re-?)?arrested"),
    ("shot", "noun", r"execution"),
    ("shot", "verb", r"shot|executed|liquidated|shoot|execute"),
    # `died from blows on the head`, `died of the beatings`: killed by others
    ("killed", "intrans", r"died (?:from|of|as a result of|after) (?:the |his |her |their )?(?:\w+ )?"
                          r"(?:blows|beatings?|tortures?|wounds|injuries)\b"),
    ("died", "intrans", r"died|perished"),
    ("died", "noun", r"death"),
    ("killed", "noun", r"murder|assassination|killing"),
    # `physically destroyed A`, `already annihilated by Stalin`, `was poisoned at Beria's house`
    # (`after treacherously murdering X`: the gerund takes its object like the verb)
    ("killed", "verb", r"killed|murdered|assassinated|murdering|assassinating|"
                       r"physically (?:destroyed|annihilated|exterminated)|annihilated|"
                       r"exterminated|"
                       r"poisoned|(?:flogged|beaten|beat|tortured) to death|kill"),
    # `Stalin's exile in Turukhanskiy Kray`: the owner named was exiled (`his exile` is left alone)
    ("exiled", "noun", r"deportation|(?<=['’]s )exile(?=\s+(?:to|in)\s+[A-Z])"
                       # `Stalin's arrival in exile in 1913`, `Stalin's time in exile`
                       r"|(?<=['’]s )(?:arrival|time|years|life|stay) in exile"),
    # `I was in exile`, `who lived in exile`
    ("exiled", "intrans", r"exile(?:(?<=was in exile)|(?<=were in exile)|(?<=lived in exile)|(?<=had been in exile))"),
    ("exiled", "verb", r"exiled|deported|banished|exile|deport"),
    # (`during his confinement`, `her years of confinement`; not `places of confinement`, which names no one's)
    ("imprisoned", "noun", r"imprisonment|(?:(?<=his )|(?<=her )|(?<=their ))"
                           r"(?:(?:long |many )?years of )?confinement|(?<=\d )years of confinement"),
    # `were confined in a special wing of Gorkiy Prison`; not `confined to his room`, `confined themselves`
    ("imprisoned", "verb", r"imprisoned|incarcerated|jailed|confined(?!\s+(?:to|themselves|himself|herself)\b)"),
    ("expelled", "noun", r"expulsion"),
    ("expelled", "verb", r"expelled|expel|excluded from (?:the )?(?:party|Komsomol|VKP\(b\))"),
    ("removed", "noun", r"removal|dismissal"),
    ("removed", "verb", r"removed|dismissed|relieved|deposed|ousted|remove|dismiss"),
    ("released", "noun", r"release"),
    # (not `freed myself from the mentality of ...`)
    ("released", "verb", r"(?:released|freed|liberated|free)(?!\s+(?:my|him|her|them|your|our)sel(?:f|ves)\b)"),
    ("rehabilitated", "noun", r"rehabilitation"),
    ("rehabilitated", "verb", r"rehabilitated|rehabilitate"),
    ("appointed", "noun", r"appointment"),
    # `promoted to leading posts`, not `promoted into his entourage` or `promoted the cult`
    ("appointed", "verb", r"appointed|promoted(?=\s+(?:[\w-]+\s+){0,4}?to\s)|appoint"),
    ("elected", "verb", r"(?:re-?)?elected|elect"),
    ("sentenced", "verb", r"sentenced|condemned|convicted|sentence"),
    # `was brought to trial`, `the press reported the bringing to trial ... of a group of commanders: A, B`
    ("tried", "verb", r"brought to trial|bringing to trial|put on trial|stood trial|went on trial"),
    # `A, B and others—nine men altogether—were on the dock`; `ended up on the dock` (the word the scan finds
    # is `dock`; what stands before it says the defendants were there)
    ("tried", "intrans", r"dock(?:(?<=were on the dock)|(?<=was on the dock)|(?<=were in the dock)|"
                         r"(?<=was in the dock)|(?<=ended up on the dock)|(?<=stood in the dock))"),
    ("tried", "verb", r"put (?:on|in) the dock"),
    # `A, B and others—nine men—appeared before the Military Board of the court`
    ("tried", "intrans", r"(?:appeared|stood|came) before (?:the |a )?(?:[\w-]+ ){0,5}?(?:court|tribunal|Collegium|"
                         r"Board of the Supreme Court|judges)\b"),
    ("tried", "noun", r"trial"),
    ("tried", "verb", r"tried(?! to)"),
    ("born", "intrans", r"born"),
]
_ALTERNATIVES = _TABLE
_PATTERN = re.compile(
    # not inside a hyphenated word (`free-spirited`, `self-exiled`)
    r"(?<!-)\b(?:" + "|".join(f"(?P<g{i}>{p})" for i, (_t, _r, p) in enumerate(_ALTERNATIVES)) + r")\b(?!-)",
    re.IGNORECASE,
)


# First four letters of every phrase above: a cheap word scan finds candidate positions and
# the big alternation is tried only there (tried everywhere, it dominates the layer's time).
_STEMS = frozenset(
    "came face went comm met retu swep thro cast plac life "
    "shot took hang thre remo rele call incl co-o coop beca assu name sent entr put tran "
    "take no l pass set ende end land foun surv spen serv brou brin stoo "
    "suic arre re-a rear exec liqu shoo died peri deat dead murd assa kill depo exil bani impr inca jail expu "
    "expe dism reli ouste oust free libe reha appo prom head elec re-e reel cond conv tria trie born conf "
    "phys anni pois flog beat tort kept dock afte not exte woun live year rece rega won got obta appe arri "
    "time stay excl cell held give in j in p mort acqu repl deta join ceas occu".split()
)


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    # str.find per stem is far faster than any regex scan over the text
    positions: set[int] = set()
    for stem in _STEMS:
        i = lowered.find(stem)
        while i >= 0:
            if i == 0 or not lowered[i - 1].isalpha():
                positions.add(start + i)
            i = lowered.find(stem, i + 1)
    out = []
    pos_done = -1
    for pos in sorted(positions):
        if pos < pos_done:
            continue
        m = _PATTERN.match(text, pos, end)
        if not m:
            continue
        index = int(m.lastgroup[1:])
        type_, role, _ = _ALTERNATIVES[index]
        out.append(Trigger(type_, role, m.start(), m.end()))
        pos_done = m.end()
    return out
