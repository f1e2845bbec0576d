"""The repair detectors on a report written for the tests: each kind fixed, correct names untouched."""

from __future__ import annotations

import itertools

import pytest

from kartoteka.repair import DEFAULT_MIN_CONFIDENCE, find_corrections, repair
from repair_fixture import REPORT


@pytest.fixture(scope="module")
def result():
    return repair(REPORT)


def _applied(result):
    return {(c.original, c.replacement): c for c in result.corrections}


@pytest.mark.parametrize(
    ("original", "replacement", "kind"),
    [
        ("Kameney", "Kamenev", "name"),
        ("interregations", "interrogations", "word"),
        ("govemment", "government", "word"),
        ("interro gation", "interrogation", "split"),
        ("Five- Year", "Five-Year", "split"),
        ("inRussian", "in Russian", "merge"),
        ("platoonsthe", "platoons the", "merge"),
        ("Malen-kov", "Malenkov", "hyphen"),
        ("pre-pared", "prepared", "hyphen"),
    ],
)
def test_each_kind_is_repaired(result, original, replacement, kind):
    c = _applied(result).get((original, replacement))
    assert c is not None, f"{original!r} -> {replacement!r} not applied"
    assert c.kind == kind
    assert REPORT[c.start : c.end] == original
    assert c.reason and 0.0 < c.confidence <= 1.0


@pytest.mark.parametrize(
    "word",
    [
        "Yezhov",
        "Krestinskiy",
        "Zinovyev",
        "Zinovyeva",
        "Ordzhonikidze",
        "Tskhakaya",
        "Istoricheskiye",
        "Ocherki",
        "half-joking",
        "Antonov-Ovseyenko",
        "Bonch-Bruyevich",
        "non-Marxist",
        "Rostov-na-Donu",
        "small-",
        "Kaluga",
        "Trotsky",
    ],
)
def test_correct_names_and_compounds_are_untouched(word):
    corrections = find_corrections(REPORT)
    start = 0
    while (start := REPORT.find(word, start)) >= 0:
        end = start + len(word)
        touching = [c for c in corrections if c.start < end and c.end > start]
        assert not touching, f"{word!r} touched by {touching}"
        start = end


def test_repaired_text_and_offsets(result):
    assert "Kameney" not in result.text and "in Russian No 2" in result.text
    i = result.text.index("Malenkov had")
    s, e = result.span_to_source(i, i + len("Malenkov"))
    assert REPORT[s:e] == "Malen-kov"
    # a span ending inside a correction covers the whole corrected source span
    s, e = result.span_to_source(i, i + 3)
    assert REPORT[s:e] == "Malen-kov"
    assert result.from_source(REPORT.index("Malen-kov")) == i
    j = result.text.index("Kaluga")
    assert REPORT[result.to_source(j) : result.to_source(j + 6)] == "Kaluga"


def test_corrections_are_sorted_disjoint_and_faithful():
    corrections = find_corrections(REPORT)
    for a, b in itertools.pairwise(corrections):
        assert a.end <= b.start
    for c in corrections:
        assert REPORT[c.start : c.end] == c.original
        assert set(c.to_json()) == {"start", "end", "original", "replacement", "kind", "reason", "confidence"}


def test_threshold_controls_what_is_applied():
    everything = repair(REPORT, min_confidence=0.0)
    nothing = repair(REPORT, min_confidence=1.0)
    assert nothing.text == REPORT and not nothing.corrections
    assert len(everything.corrections) >= len(repair(REPORT).corrections)
    assert all(c.confidence >= DEFAULT_MIN_CONFIDENCE for c in repair(REPORT).corrections)


def test_real_words_and_bigrams_are_left_alone():
    text = (
        "The committee met a part of the day. It was a bandy sort of reply, and the steamships "
        "sailed. Nonparty specialists and intraparty democracy were discussed. " * 3
    )
    assert find_corrections(text) == []


def test_lowercase_name_capitalised():
    text = "Stalin spoke. " + "It was said by Stalin that Stalin knew. " * 12 + "Nobody asked stalin again."
    cs = find_corrections(text)
    assert [(c.original, c.replacement, c.kind) for c in cs] == [("stalin", "Stalin", "name")]


def test_empty_and_plain_text():
    assert repair("").text == ""
    assert repair("No errors here at all.").corrections == ()


@pytest.mark.parametrize(
    ("original", "replacement", "kind"),
    [
        ("Andrevey", "Andreyev", "name"),
        ("LV.", "I.V.", "name"),
        ("F\tarty", "Party", "word"),
        ("Usurnation", "Usurpation", "word"),
        ("contruction", "construction", "word"),
        ("as", "was", "word"),
    ],
)
def test_document_and_lexicon_evidence_beyond_one_edit(original, replacement, kind):
    from repair_fixture import REPORT_MORE

    applied = {(c.original, c.replacement): c for c in repair(REPORT_MORE).corrections}
    c = applied.get((original, replacement))
    assert c is not None, f"{original!r} -> {replacement!r} not applied: {sorted(applied)}"
    assert c.kind == kind and REPORT_MORE[c.start : c.end] == original


def test_second_report_touches_nothing_else():
    from repair_fixture import REPORT_MORE

    changed = {c.original for c in repair(REPORT_MORE).corrections}
    assert changed == {"Andrevey", "LV.", "F\tarty", "Usurnation", "contruction", "as"}


def test_report_restores_lost_characters():
    text = (
        "The so-called plan was read. " * 3
        + "The party met, and the party voted. " * 30
        + "Later the socalled centre of arty work was closed by freigh cars.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert got == {
        ("socalled", "so-called", "merge"),
        ("arty", "party", "word"),
        ("freigh", "freight", "word"),
    }


def test_singular_determiner_before_a_plural_noun():
    text = "According to the testimony of this friends, he had left. Nobody saw this house again.\n"
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("this", "his")]


def test_apostrophe_for_final_l_and_acronym_with_a_lost_letter():
    text = (
        "The Central Committee met; the OGPU reported. " * 10
        + "The Centra' Committee asked the OGU for names. The Soviets' reply came.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert got == {("Centra'", "Central", "word"), ("OGU", "OGPU", "name")}


def test_run_together_compound_modifiers_get_their_hyphen():
    from kartoteka.repair import repair

    text = "It was a highflown speech by the highestranking officials and a wellthought plan."
    got = {c.original: c.replacement for c in repair(text).corrections}
    assert got == {"highflown": "high-flown", "highestranking": "highest-ranking", "wellthought": "well-thought"}


def test_initials_or_given_name_decide_same_person_or_another():
    text = (
        "N. I. Yezhov spoke first. "
        + "Then Yezhov answered, and Rykov and Lakoba listened. " * 8
        + "A. I. Rykov objected; Nestor Lakoba agreed. "
        + "Later N. I. Yezhos was released, and the wife of Nestor Kakoba was arrested. "
        + "Professor B. Ye. Raykov wrote a book on botany.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert got == {("Yezhos", "Yezhov", "name"), ("Kakoba", "Lakoba", "name")}
    # other initials than any the report prints before `Rykov`: another person, never "corrected"
    assert not [c for c in find_corrections(text) if c.original == "Raykov"]


def test_long_words_one_plain_edit_from_a_common_word():
    text = (
        "The new decree would devprive the peasants of their aerable land, and the reminiscenses of the "
        "old men were never printed.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert got == {
        ("devprive", "deprive", "word"),
        ("aerable", "arable", "word"),
        ("reminiscenses", "reminiscences", "word"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # another derivation of the same stem, not a misreading
        "He was accused of vulgar sociologism in the journal.\n",
        # a transliterated title: its neighbours are no English words
        'His book "Velikaya tayna Stalina" was banned.\n',
        # a Russian word glossed by the translator
        'The "kombed" [committee of poor peasants] met in the village.\n',
        # another English spelling (-ize/-ise), the translator's choice
        'The "disenfranchized" lost their ration cards.\n',
    ],
)
def test_long_word_repairs_leave_derivations_and_foreign_words_alone(text):
    assert repair(text).corrections == ()


def test_report_forms_decide_long_and_lopsided_cases_and_leave_crowded_ones():
    text = (
        "He was sent to prison. " * 20
        + "It was done prior to the trial. " * 10
        + "The cooperation of the oblast was good. " * 3
        + "They shot many of them, and many more were exiled. " * 60
        + "The wall turned grey. " * 12
        + "They hurried to the station. " * 3
        + "The families of Russia in those years were hungry. " * 4
        + "They took the man to the prisor at night; a degree of conperation was needed; the letters of "
        "lmany of them were burned; they hurned the icons; the districts of Russiain Central Asia starved.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    # two frequent near forms (`prison` by r/n, `prior` by a dropped letter): crowded, maybe `prisoner`
    assert not [r for o, r in got if o == "prisor"]
    assert ("conperation", "cooperation") in got  # a long word one letter from a report form
    assert ("lmany", "many") in got  # one near form, printed a hundred times as often
    # `turned` (a plain swap, printed more) rivals `hurried` (n/ri): the report cannot choose, and the lexicon
    # takes the commoner OCR confusion, `burned` (a `b` read as `h`), which neither report form is
    assert [r for o, r in got if o == "hurned"] == ["burned"]
    # a run-together pair is no misread `Russian`
    assert ("Russiain", "Russian") not in got


def test_context_decides_between_two_real_words():
    text = (
        "The extent of the damage was large, and the extent of the famine was larger; the extent of it "
        "was hidden, to the extent that nobody spoke. They wanted to extend the railway. "
        "Nobody knew the extend of his losses. The living "
        "of the peasants was poor; the living of the workers was poor; the living of all was poor. It was "
        "much to the liking of Yagoda.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    # `the extend` and `extend of` are unseen word pairs; `the extent`, `extent of` are common
    assert got == {("extend", "extent", "word")}
    c = next(c for c in repair(text).corrections if c.original == "extend")
    assert text[c.start - 4 : c.end + 3] == "the extend of"


def test_a_lost_last_consonant_is_no_ending():
    text = (
        "At the beginning of the year the kolkhozy were formed. " * 12
        + "Before the beginnin of the war one kolkhoz was left.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert got == {("beginnin", "beginning")}  # `kolkhoz` beside `kolkhozy`: a Russian plural ending


def test_merge_left_alone_when_lost_letters_explain_it():
    text = (
        "It was, nevertheless, a plan; nevertheless it failed, and nevertheless it went on. "
        "Its main characteristics were clear. The characteristics of the plan were hidden; its "
        "characteristics mattered. And neverthese. the reason remains. Its chief characteristicswas "
        "strict centralization.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("characteristicswas", "characteristics was") in got  # the frequent form plus a word: a merge
    assert not [r for o, r in got if o == "neverthese"]  # `nevertheless` with letters lost, not `never these`


def test_an_unclosed_bracket_opens_no_gloss():
    fixed = "The list [of names was long. The accounts of evewitnesses were printed.\n"
    kept = "The term [accounts of evewitnesses] was used in the paper.\n"
    assert [(c.original, c.replacement) for c in repair(fixed).corrections] == [("evewitnesses", "eyewitnesses")]
    assert repair(kept).corrections == ()


def test_a_prefixed_word_is_no_pair_run_together():
    text = 'He shouted: "Forgive me, foregive me, I lied."\n'
    assert [(c.original, c.replacement) for c in repair(text).corrections] == [("foregive", "forgive")]


def test_a_stray_last_letter_no_ending_ends_in():
    text = (
        "Sergo Ordzhonikidze came. " * 6
        + "Kamenev spoke. " * 8
        + "The plant imeni Sergo Ordzhonikidzel was built; Kameneva, his wife, and Kamenevu wrote.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert got == {("Ordzhonikidzel", "Ordzhonikidze")}  # -a, -u are Russian endings; -l is none


def test_a_misread_name_inside_a_compound_of_whole_words():
    text = (
        "The Trotskyite opposition met. "
        * 8
        + 'He was charged with "right-Troskyite" activity, and G. Malen-kov and V. Antonov-Ovseyenko '
        "signed the order.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("Troskyite", "Trotskyite") in got
    assert not [c for c in got if c[0] in ("Malen", "Antonov", "Ovseyenko")]


def test_a_compound_that_lost_a_hyphen_the_report_prints():
    text = (
        "His brother-in-law was shot. Later his brotherin-law, a commander-in-chief, was arrested; "
        "the well-known writer and the wellknown-writer affair were discussed.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("brotherin-law", "brother-in-law") in got
    assert not [c for c in got if c[0] == "commander-in-chief"]


def test_a_recurring_name_beside_a_long_word_is_no_foreign_phrase():
    text = "Kavtaradze spoke. " * 4 + "The reminiscenses Kavtaradze wrote were printed.\n"
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert got == {("reminiscenses", "reminiscences")}


def test_a_long_capitalised_word_at_a_sentence_start():
    text = (
        "It was especially cold, especially at night, and especially in the north. "
        "The trials began. Especialls many trials were held in the provinces.\n"
    )
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("Especialls", "Especially")]
    # mid-sentence it may be a name: left alone
    assert repair(text.replace("The trials began. Especialls", "The commissar Especialls")).corrections == ()


def test_an_extra_first_letter_is_another_word_unless_a_stray_mark():
    """`kraykoms` beside a frequent `raykoms` is another body (kray, not rayon, committees); a `C` before
    a frequent name is an opening bracket misread (`Cukraine` for `(Ukraine`)."""
    body = "The raykoms sent reports to the centre, and the raykoms were purged in Ukraine. " * 8
    text = body + "Telegrams went to the obkoms, kraykoms and raykoms. Famine struck Cukraine in the spring."
    fixes = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("kraykoms", "raykoms") not in fixes
    assert ("Cukraine", "Ukraine") in fixes


def test_a_slipped_inner_vowel_or_last_letter_of_a_frequent_name():
    text = (
        "The delegation of Tskhakaya met Gegechkori in Tiflis; the Transcaucasian committee heard them. " * 6
        + "Later Tskhakiya was recalled, and the Transcaucasiap committee was dissolved. "
        + "Zykov and Dzhibladze remained in the Transcaucasian party. Rykov spoke for Gegechkori. " * 6
        + "A certain Rykov wrote, and Gegechkeri did not answer; Zykiv was silent. Tskhakaye wrote.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("Tskhakiya", "Tskhakaya", "name") in got
    assert ("Transcaucasiap", "Transcaucasian", "name") in got
    # an inner consonant (Gegechkori/Gegechkeri is a vowel: fixed), a first letter (Rykov/Zykov), a
    # short name (Zykov/Zykiv) or a final vowel (an ending: Tskhakaye) are other names or inflections
    originals = {o for o, _r, _k in got}
    assert "Zykov" not in originals and "Zykiv" not in originals and "Tskhakaye" not in originals
    assert ("Gegechkeri", "Gegechkori", "name") in got


def test_a_slipped_vowel_is_not_corrected_when_the_initials_disagree():
    text = "P. G. Mdivani spoke. " + "Then Mdivani answered at length. " * 7 + "Later N. N. Mdivini objected.\n"
    assert not [c for c in repair(text).corrections if c.original == "Mdivini"]


def test_an_apostrophe_read_for_a_letter_inside_a_word():
    text = (
        "The delegates ret'rned to the congress, which was call'd a s'yezd, and they didn't object. "
        "The coup d'etat was plan'ned, the Ob'yedineniye was closed, and you'll see the wh'le file.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("ret'rned", "returned", "word") in got
    touched = {c.original for c in find_corrections(text)}
    # contractions, transliterated hard signs, French, and an apostrophe that more than one letter
    # could fill (wh'le: while or whole) stay as printed
    for kept in ("call'd", "s'yezd", "didn't", "d'etat", "Ob'yedineniye", "you'll", "wh'le"):
        assert kept not in touched, kept


def test_a_barely_attested_string_one_ocr_confusion_from_a_common_word():
    text = (
        'The prisoners became "goners" ["dokhodyagi"], caten away by scurvy. The okrug and the sovkhoz sent no '
        "bread; the muzhik and the narod were silent.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("caten", "eaten") in got
    assert not {o for o, _r in got} & {"okrug", "sovkhoz", "muzhik", "narod", "dokhodyagi"}


def test_a_word_beside_a_transliterated_one_is_not_repaired_from_the_lexicon():
    # the same string inside a run of Russian words (no bracket or comma between them) is no English word
    text = 'Its title, "Tsel zhizni caten", was never translated.\n'
    assert not [c for c in find_corrections(text) if c.original == "caten"]


def test_a_stray_capital_glued_before_a_frequent_capitalised_word():
    text = (
        "He served in the Kiev Military District and the Volga Military District. " * 4
        + "In 1937 he took over the Ural IMilitary District. The IKKI and the ISpolkom met; Ivanov and "
        + "Ilyin spoke, and Ignatov answered.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("IMilitary", "Military", "word") in got
    touched = {c.original for c in find_corrections(text)}
    # an acronym, a form whose rest the report does not print, and plain names beginning with I
    assert not touched & {"IKKI", "ISpolkom", "Ivanov", "Ilyin", "Ignatov"}


def test_a_barely_attested_string_that_splits_into_a_set_phrase():
    text = (
        "Engineers as wellas agronomists were arrested, whereby the plant stopped; the terms thereof and "
        "hereto were never published, inasmuch as the decree was secret, and few knowthat today.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert got == {("wellas", "well as", "merge"), ("knowthat", "know that", "merge")}


def test_a_lowercase_l_no_english_word_opens_with_is_a_capital_i():
    text = (
        'Then the old man said: "Do not cry, llyinichna, they will let him go." A llama and a llano were '
        "drawn on the wall, and he told lme nothing.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("llyinichna", "Ilyinichna", "name") in got
    assert not {o for o, _r, _k in got} & {"llama", "llano", "lme"}


def test_the_one_common_word_within_an_edit_of_a_long_non_word():
    text = "He ruled like a tyrand, and the father and sonsent a letter; the tonsent was lost.\n"
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("tyrand", "tyrant") in got
    # two common words run together (`son sent`) explain it better than one random letter (`consent`)
    assert ("sonsent", "son sent") in got
    # `ton` is too rare a short word to split on, and `consent` is no OCR confusion away: left as printed
    assert not {o for o, _r in got} & {"tonsent"}


def test_a_lost_space_yields_to_one_ocr_confusion_but_not_to_a_random_letter():
    # `evewitnesses` is `eyewitnesses` with v read for y (a known confusion), not `eve witnesses`
    text = "The evewitnesses spoke, and the father and sonsent a telegram to the commissar.\n"
    got = {c.original: c for c in repair(text).corrections}
    assert got["evewitnesses"].replacement == "eyewitnesses"
    split = got["sonsent"]
    assert split.replacement == "son sent" and split.kind == "merge"
    assert "no OCR confusion" in split.reason and split.confidence < 0.8


def test_a_surname_in_ey_after_initials_where_the_report_spells_ev():
    text = (
        "Kamenev, Zinovyev, Bakayev, Andreyev and Yevdokimov were tried; Kamenev and Zinovyev were shot. " * 5
        + "The delegate P. S. Kuratey did not return, and Kuratey's wife wrote to Moisey Uritskiy. "
        + "Later Sergey, Korney Chukovskiy and R. Carey came; the Turkey delegation and Matvey were silent. "
        + "A V Lobanovey and N. Godey spoke. Then V. D. Matvey and N. Mokrovey came.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("Kuratey", "Kuratev", "name") in got
    assert ("Godey", "Godev", "name") not in got  # too short to judge
    # the y and v swapped after a vowel: `-ovey` is `-oyev`; after a consonant a given name (`Matvey`)
    assert {("Lobanovey", "Lobanoyev", "name"), ("Mokrovey", "Mokroyev", "name")} <= got
    # given names (before a surname, or without initials), English names
    touched = {c.original for c in find_corrections(text)}
    assert not touched & {"Moisey", "Sergey", "Korney", "Carey", "Turkey", "Matvey"}


def test_a_surname_in_ey_needs_a_report_that_spells_ev():
    text = "The delegate P. S. Kuratey did not return. Others stayed in Kiev.\n"
    assert not [c for c in repair(text).corrections if c.original == "Kuratey"]


def test_an_armenian_surname_in_van_where_the_report_spells_yan():
    text = (
        "Mikoyan, Shaumyan, Khandzhyan, Myasnikyan and Ter-Petrosyan were named. " * 5
        + "The old communists G. Ter-Ovanesvan and D. Akopvan were arrested; Levan Gogoberidze, Ivan "
        + "Smirnov and the Erivan delegates were not, nor was the Sevan fishery.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert {("Ovanesvan", "Ovanesyan", "name"), ("Akopvan", "Akopyan", "name")} <= got
    touched = {c.original for c in find_corrections(text)}
    assert not touched & {"Levan", "Ivan", "Erivan", "Sevan"}


def test_an_acronym_printed_once_with_a_letter_too_many():
    text = (
        "The NKVD and the OGPU and the SSR organs reported. " * 10
        + "An NKVAD officer, the BSSR and the SSRS delegations, and the ZSFSR sent word. The NKVD "
        + "and the OGPDU replied.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert {("NKVAD", "NKVD"), ("OGPDU", "OGPU")} <= got
    assert not {o for o, _r in got} & {"BSSR", "SSRS", "ZSFSR"}


def test_a_surname_in_os_after_initials_where_the_report_spells_ov():
    text = (
        "Molotov, Kirov, Rykov, Sokolov, Kuratov and Orlov were named. " * 5
        + "The academician A. I. Kuratos was shot. J. Santos and Carlos Prestes of the Comintern, and the "
        + "journal KOSMOS, were not touched, nor was N. Kalogeropoulos.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("Kuratos", "Kuratov", "name") in got
    touched = {c.original for c in find_corrections(text)}
    assert not touched & {"Santos", "Carlos", "KOSMOS", "Kalogeropoulos"}


def test_a_seven_letter_capitalised_misread_of_a_word():
    text = "He chaired the Crimcan Soviet; the writers Olesha and Bednyy wrote of Yalta and Kerch.\n"
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert got == {("Crimcan", "Crimean")}


def test_a_long_name_kept_misprinted_through_a_passage():
    text = (
        "Dzerzhinskiy and Kuybyshev met Menzhinskiy. " * 6
        + "Later Dzerzhonskiy wrote, Dzerzhonskiy's deputy answered, and Dzerzhonskiy signed. "
        + "Kuybashev spoke, Kuybashev left, Kuybashev returned. "
        + "Menzhinskay came, Menzhinskay went, Menzhinskay stayed.\n"
    )
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert ("Dzerzhonskiy", "Dzerzhinskiy") in got
    # shorter names, and a last vowel (an ending), repeated three times, stay the report's own
    assert not {o for o, _r in got} & {"Kuybashev", "Menzhinskay"}


def test_a_word_made_of_a_misread_name():
    text = (
        "Bukharin and Tomskiy answered Stalin. " * 20
        + 'The "Bukharinist" line, the "Bukharlnist" platform, the Tomskiyite group and the Stalinist '
        + "press; the Trotskyite-Zinovyevite bloc and a Leninist and a Kantianist were named.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("Bukharlnist", "Bukharinist", "name") in got
    assert not {o for o, _r, _k in got} & {"Bukharinist", "Tomskiyite", "Zinovyevite", "Kantianist"}


def test_two_swapped_letters_that_make_a_common_word():
    got = repair("Their navie faith in the leader survived the purges.\n")
    assert [(c.original, c.replacement, c.kind) for c in got.corrections] == [("navie", "naive", "word")]
    # a swap that makes only a rare word (`verst`) does not outweigh a plain edit to a common one: proposed only
    rare = find_corrections("The old vesrt stood by the road.\n")
    assert rare and all(c.confidence < DEFAULT_MIN_CONFIDENCE for c in rare)


def test_a_transliterated_word_broken_at_a_hyphen_joins_to_another_ending_printed_whole():
    text = (
        "He wrote for the newspaper RABOCHIY PUT in 1917.\n\n"
        "Among the editors who perished were I. I. Sidorov (RAB-OCHAYA MOSKVA) and others.\n"
    )
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("RAB-OCHAYA", "RABOCHAYA", "hyphen")]
    # without a whole form of the word in the report, the halves are left alone
    alone = "Among the editors was I. I. Sidorov (RAB-OCHAYA MOSKVA).\n"
    assert all(c.original != "RAB-OCHAYA" for c in repair(alone).corrections)


def test_a_name_printed_a_few_times_claims_a_one_off_only_after_the_same_initials():
    base = (
        "The Bulgarian communist G. Dimitrov was tried in Leipzig. Later G. Dimitrov led the Comintern, "
        "and Dimitrov spoke at its congress.\n\n"
    )
    same = base + "Although G. Dmitrov saved a few Bulgarians, many perished.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(same).corrections]
    assert got == [("Dmitrov", "Dimitrov", "name")]
    other = base + "The agronomist K. Dmitrov was arrested in 1937.\n"
    assert repair(other).corrections == ()
    # a surname printed only three times is no evidence without initials
    bare = base + "Although Dmitrov saved a few Bulgarians, many perished.\n"
    assert repair(bare).corrections == ()


def test_a_pronoun_read_as_the_agrees_with_what_follows():
    text = (
        "She was held in the inner prison. After one of the beatings the died in her cell, without having "
        "signed anything.\n\n"
        "He was held in the same prison. After one of the beatings the died in his cell.\n"
    )
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("the", "she"), ("the", "he")]


def test_a_short_string_no_dictionary_lists_is_decided_by_its_neighbours():
    filler = "He said that the plan was ready and told me so. " * 32
    text = filler + "\n\nThe fact tht Stalin knew it mattered. Later he told lme about the plan.\n"
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert {("tht", "that", "word"), ("lme", "me", "word")} <= got
    # printed twice it is the report's own; between names the bigram list cannot speak; too few prints
    # of the word make no candidate
    twice = filler + "\n\nThe fact tht Stalin knew it. The fact tht Ivanov knew it.\n"
    names = filler + "\n\nIvanov tht Petrov met.\n"
    rare = "The fact tht Stalin knew it mattered.\n"
    for case in (twice, names, rare):
        assert not [c for c in find_corrections(case) if c.original == "tht"]


def test_a_full_stop_before_a_lowercase_word_is_a_misread_comma():
    text = (
        "Lenin examines the agenda. fills it out and sends it on. Factories, railways, etc. were "
        "controlled. See V. I. Lenin, op. cit., Vol 11. The Central Committee. Moscow met. The pact was "
        "ready. von Ribbentrop flew to Moscow.\n"
    )
    got = [(text[c.start - 6 : c.end + 6], c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("agenda. fills", ",", "other")]
    fixed = repair(text)
    assert "the agenda, fills it out" in fixed.text


def test_a_hyphen_before_initials_is_a_misread_dash():
    text = (
        "The plenum heard the reports of three old comrades-P. S. Lavrov, N. Osokin and V. A. Dubov. "
        "The anti-Soviet press and the Sino-Japanese war were discussed; the X-ray of the heart was normal. "
        "Kuz'min-Karavayev spoke and Lavrov-Dubov answered.\n"
    )
    got = [(text[c.start - 8 : c.end + 4], c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("comrades-P. S", "\u2014", "other")]
    assert "old comrades\u2014P. S. Lavrov" in repair(text).text


def test_a_full_stop_between_names_of_a_list_is_a_misread_comma():
    text = (
        "Arrested were P. S. Lavrov, N. Osokin, A. V. Dubova. Ya. G. Sorin, K. Belov and M. Ilyin. "
        "The books of the VKP(b), Yem. Lavrov and A. Sorin, were burned. The plenum heard Osokin and "
        "Belov. Dubova, Sorin and Ilyin spoke next. In Kiev, I. K. Osokin, V. D. Belova. M. Sorin and others "
        "perished.\n"
    )
    got = [(text[c.start - 6 : c.end + 4], c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("Dubova. Ya.", ",", "other"), ("Belova. M. ", ",", "other")]
    assert "A. V. Dubova, Ya. G. Sorin, K. Belov" in repair(text).text
    assert "V. D. Belova, M. Sorin and others" in repair(text).text
    # a name a lowercase word leads, before two more names set off by commas (one more is no list)
    led = ("The artists Sandro Orlov. Igor Sorin, K. Belov, I. Lavrov were arrested. The hall cheered Orlov. "
           "Sorin, Belov and Lavrov spoke.\n")
    assert [(c.original, c.replacement) for c in repair(led).corrections] == [(".", ",")]
    assert "Sandro Orlov, Igor Sorin" in repair(led).text
    # a sentence of names only after one that ends on a lowercase word
    only = ("Orlov read a statement from himself. Sorin and Belov. It said the group stood behind them. "
            "They met Lavrov. Sorin and Belov left at once.\n")
    assert [(only[c.start - 7 : c.end + 6], c.replacement) for c in repair(only).corrections] == [
        ("himself. Sorin", ",")]


def test_a_hyphen_after_others_opens_an_aside_a_dash_closes():
    text = ("Orlov, Belov and others-9 men in all-were in the dock. Some were freed in 1940, others-soon "
            "after the war. The well-known so-called self-criticism went on.\n")
    got = [(text[c.start - 6 : c.end + 3], c.replacement) for c in repair(text).corrections]
    assert got == [("others-9 m", "\u2014"), ("in all-wer", "\u2014"), ("others-soo", "\u2014")]


def test_a_lone_decade_of_another_century_is_a_misread_nine():
    text = "In the 1930's the terror grew. " * 25 + "By the beginning of the 1030's it had begun.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("10", "19", "other")]
    assert "beginning of the 1930's" in repair(text).text
    # a report about many centuries keeps them
    mixed = "In the 1930's the terror grew. " * 25 + "Kiev was baptised in the 980s; in the 1030s and 1040s it grew.\n"
    assert repair(mixed).corrections == ()


def test_a_name_printed_a_few_times_claims_a_one_off_that_slips_an_inner_vowel():
    base = (
        "I. G. Erenburg wrote about it. Later Erenburg recalled the trial, and Erenburg's memoirs "
        "say more; Erenburg was in Paris then. The NKVD officer B. Z. Kobulov, Kobulov's deputy and "
        "Kobulov's men were there.\n\n"
    )
    text = base + "According to Erinburg's account the scientist Kabulov was arrested.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    # an inner vowel slipped: the same man; a different first vowel makes another surname
    assert got == [("Erinburg", "Erenburg", "name")]


def test_tz_and_ts_are_one_letter_but_z_is_another():
    base = "The commissar A. A. Kuznetsov spoke; Kuznetsov was shot. " * 6
    # `tz` for the `ts` of Kuznetsov is another transliteration of the same letter: left alone
    assert repair(base + "Later Kuznetzov was rehabilitated.\n").corrections == ()
    # a `t` before the `z` is damage
    got = [(c.original, c.replacement) for c in repair(base + "Later Kutznetsov was rehabilitated.\n").corrections]
    assert got == [("Kutznetsov", "Kuznetsov")]


def test_a_closing_bracket_read_as_l_or_as_a_parenthesis():
    named = "Sergo Ordzhonikidze spoke. Ordzhonikidze left. Ordzhonikidze wrote.\n\n"
    text = (
        named + "He chaired the STO [Labor and Defense Councill and the bank.\n\n"
        "The plant [Azov Plant imeni Sergo Ordzhonikidzel, Ya. S. Gugel, was closed.\n\n"
        "The writer Lion Feykhtvanger [Feuchtwanger), who came to Moscow, wrote a book.\n\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("Councill", "Council]", "other") in got
    assert ("Ordzhonikidzel", "Ordzhonikidze]", "other") in got  # not the bare name: the bracket is kept
    assert (")", "]", "other") in got
    assert repair(text).text.count("]") == 3


@pytest.mark.parametrize(
    "text",
    [
        "He chaired the STO [Labor and Defense Councill] and the bank.\n",  # the gloss closes: no bracket lost
        "The [All-Union Communist Party (of Bolsheviks) met in Moscow.\n",  # its `)` has an opening `(`
        "The [Regional Councill of the Soviet Centrall met.\n",  # two words could end it: undecided
        "The [Labor and Defense\n\nCouncill met at the bank.\n",  # the paragraph ended the gloss
    ],
)
def test_a_gloss_closed_matched_or_ambiguous_gains_no_bracket(text):
    assert not [c for c in repair(text).proposed if "]" in c.replacement]


def test_of_before_a_finite_verb_is_a_misread_or():
    text = (
        "They could not of did not want to look. An act of will was needed. Whether he knew of was told, none say.\n"
        "The town of Kharkof was taken.\n"  # `of` inside a word is no `of`
    )
    got = [(c.original, c.replacement, text[c.end + 1 : c.end + 4]) for c in repair(text).corrections]
    assert got == [("of", "or", "did"), ("of", "or", "was")]  # `of will` is English: a noun follows


def test_of_between_two_persons_is_a_misread_or():
    text = (
        "G. Ye. Zinovyev and L. D. Trotsky spoke. He did not seek, like Trotsky of Zinovyev, to have power.\n"
        "Kirov of Leningrad came. Stalin of Georgia? The Congress of Soviets met. The son of Trotsky was there.\n"
        "V. M. Kirov spoke.\n"
    )
    got = [(c.original, c.replacement, text[c.start - 8 : c.start - 1]) for c in repair(text).corrections]
    # `Kirov of Leningrad`: Leningrad is printed after no initials, a place; `Stalin` never after initials here
    assert got == [("of", "or", "Trotsky")]


def test_not_only_then_a_short_word_before_also_is_but():
    text = (
        "The move was made not only by political by also by military need.\n"
        "It was not only strong but also by then old.\n"  # a `but` stands between: left alone
        "He was not only tired. By also he meant the others.\n"  # the sentence ended: no pair
    )
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("by", "but")]
    assert "not only by political but also by military" in repair(text).text
    assert "strong but also by then" in repair(text).text


def test_an_article_before_a_plural_agent_noun_takes_the_singular():
    text = (
        "He met a well-known journalists and a deputy. It was a soldiers' meeting. They were journalists.\n"
        "It stood in a headquarters of the army.\n"  # `headquarter` is far rarer: a singular noun
        "They shot a hundred-odd prisoners.\n"  # a count
    )
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("journalists", "journalist")]


def test_the_first_of_two_participles_after_be_is_an_adverb():
    text = "This post was completed eliminated. It was elected headed by Kirov. It was reported killed.\n"
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("completed", "completely")]


def test_the_misread_head_of_a_capitals_title_is_restored():
    text = "PRAVDA wrote. " * 5 + "Their article in F. AVDA was read. I. AVDA is no head of it. M. ZNAMYA came.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    # `I` is no shape of `P`; ZNAMYA is printed once, no title of this report
    assert got == [("F. AVDA", "PRAVDA", "name")]


def test_a_word_english_never_repeats_is_set_once():
    text = (
        "He was the chief of the the cadres department. The the plenum met. An honest man does not not lie.\n"
        "It had had no effect; the verdict was brought in in absentia; one part a a time; that that was so.\n"
    )
    r = repair(text)
    got = [(c.original, c.replacement) for c in r.corrections]
    assert got == [("the the", "the"), ("The the", "The"), ("not not", "not")]
    assert "of the cadres" in r.text and "The plenum" in r.text and "does not lie" in r.text
    # a span that starts inside the correction maps to the whole doubled pair
    assert r.span_to_source(*_span(r.text, "the cadres")) == _span(text, "the the cadres")


def _span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def test_a_preposition_and_its_article_set_twice_are_set_once():
    text = "If the leaders of the of the obkom do nothing, more and more and more will fall. Proof of the of them.\n"
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("of the of the", "of the")]  # `of the of them` is no doubled phrase: `the` ends no word there


def test_tables_derived_from_a_report_are_built_once_and_shared():
    from kartoteka.repair.document import scan
    from kartoteka.repair.evidence import frequent_forms, neighbours

    doc = scan(REPORT)
    assert frequent_forms(doc) is frequent_forms(doc)
    assert neighbours(doc, "lower") is neighbours(doc, "lower")
    assert neighbours(doc, "title") is not neighbours(doc, "lower")
    assert "kamenev" in frequent_forms(doc)["title"]


def test_a_split_word_whose_space_came_with_a_misread_letter():
    text = "Within the fi amework of the ruling stratum there arose a new class.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("fi amework", "framework", "split")]
    # a lost letter still explains the space first (`as istance`), and nothing common is near `zq uxwv`
    assert [(c.original, c.replacement) for c in repair("He asked for as istance at once.\n").corrections] == [
        ("as istance", "assistance")
    ]
    assert repair("The zq uxwv stood there.\n").corrections == ()


@pytest.mark.parametrize(("hyphenated", "fixed"), [(12, 3), (8, 0)])
def test_a_run_together_compound_printed_a_few_times_beside_its_hyphenated_form(hyphenated, fixed):
    text = "He was a well-known writer of plays.\n" * hyphenated + "She met a wellknown poet there.\n" * 3
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("wellknown", "well-known")] * fixed  # four times as often, or it is the report's own usage


def test_a_capital_i_read_as_l_or_run_into_h():
    text = (
        "The engineers A. M. Lzakson, B. I. Lvov and C. Lloyd were arrested in Lwow; the LSDRP protested. "
        "Vladimir Ilyich wrote to Ilyushka, and later Vladimir Hyich and Hyushka answered him. The Hydra "
        "and the Hyatt were named in LZVESTIYA, which IZVESTIYA denied; Hymnov sang of Lhasa and Ljubljana.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert {("Lzakson", "Izakson", "name"), ("Hyich", "Ilyich", "name"), ("Hyushka", "Ilyushka", "name"),
            ("LZVESTIYA", "IZVESTIYA", "name")} <= got
    # names that do open with L or Hy, an acronym, and an `Hy` form whose `Il` form the report never prints
    touched = {c.original for c in find_corrections(text)}
    assert not touched & {"Lvov", "Lloyd", "Lwow", "LSDRP", "Hydra", "Hyatt", "Hymnov", "Lhasa", "Ljubljana"}


def test_a_run_of_letters_longer_than_any_word_is_left_alone():
    # a damaged scan can leave one "word" of thousands of letters; the detectors' work grows with a
    # form's length, so such a run is no form at all, while the words around it are still repaired
    from kartoteka.repair.document import MAX_TOKEN, scan

    run = "Ab" * 3000
    text = f"The interregations began. {run} Then the govemment fell, and {run[: MAX_TOKEN + 1]} ended.\n"
    assert not any(len(form) > MAX_TOKEN for form in scan(text).forms)
    got = {(c.original, c.replacement) for c in repair(text).corrections}
    assert {("interregations", "interrogations"), ("govemment", "government")} <= got
    assert all(len(original) <= MAX_TOKEN for original, _ in got)


def test_a_text_mostly_not_english_gets_no_repairs_from_the_english_lexicon():
    # a page of OCR noise (or a transliterated passage): every form is unknown, and "correcting" it to
    # English words would only invent text; the same damaged words in English prose are repaired
    import random

    from kartoteka.repair.document import scan
    from kartoteka.repair.evidence import NOT_ENGLISH_SHARE, mostly_not_english
    from kartoteka.repair.lexicon import get_lexicon

    rng = random.Random(5)
    syllables = ["".join(pair) for pair in itertools.product("bcdfghklmnprstvz", "aeiou")]
    noise = " ".join("".join(rng.choice(syllables) for _ in range(3)) for _ in range(400))
    damaged = "The interregations began, and the govemment fell; interro gation went on.\n"
    noisy, prose = scan(noise + "\n" + damaged), scan(REPORT + damaged)
    lex = get_lexicon()
    assert mostly_not_english(noisy, lex) and not mostly_not_english(prose, lex)
    assert NOT_ENGLISH_SHARE > 0.1  # far above a damaged report's share (this corpus: 2.6%)
    in_noise = {(c.original, c.replacement) for c in repair(noise + "\n" + damaged).proposed}
    assert not in_noise & {("interregations", "interrogations"), ("govemment", "government"),
                           ("interro gation", "interrogation")}
    in_prose = {(c.original, c.replacement) for c in repair(REPORT + damaged).corrections}
    assert {("interregations", "interrogations"), ("govemment", "government")} <= in_prose


def test_a_run_together_pair_whose_rare_part_the_report_prints_often():
    text = (
        "The counterrevolutionary center was invented. Every counterrevolutionary group had a leader, and "
        "the counterrevolutionary plot grew. The rightist leaders, the rightist press and the rightist "
        "deviation were named. He confessed to a rightistcounterrevolutionary bloc.\n"
    )
    got = {(c.original, c.replacement, c.kind) for c in repair(text).corrections}
    assert ("rightistcounterrevolutionary", "rightist counterrevolutionary", "merge") in got
    # printed only once, the rare part is no evidence: the string is left alone
    alone = "He confessed to a rightistcounterrevolutionary bloc; no more was said.\n"
    assert not [c for c in repair(alone).corrections if c.original == "rightistcounterrevolutionary"]


def test_a_vowel_added_beside_a_vowel_is_a_misprint_but_one_between_consonants_is_another_name():
    base = (
        "A. V. Gorshakov ran the trust. Gorshakov was removed; Gorshakov's deputy stayed, and later "
        "Gorshakov was arrested. The agronomist Ya. M. Bergin and Bergin's staff, Bergin and Bergin's son.\n\n"
    )
    text = base + "The secretary said that men such as Gaorshakov and Beregin must go.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    # `ao` holds a vowel OCR added beside one; an `e` between consonants makes another surname
    assert got == [("Gaorshakov", "Gorshakov", "name")]
    # a vowel added beside `y` is the transliteration's (Raykov is not Rykov)
    other = base.replace("Gorshakov", "Rykovets") + "Men such as Raykovets must go.\n"
    assert repair(other).corrections == ()


def test_a_name_misread_throughout_one_passage_takes_the_spelling_printed_elsewhere():
    elsewhere = (
        "The writer Ye. Petrushova was expelled in 1936.\n\n"
        "Her husband L. Petrushov and Petrushov's brother were shot; Petrushov had been a commissar.\n\n"
        "Petrushova's novels were withdrawn. Petrushov was rehabilitated in 1956.\n\n"
    )
    passage = (
        "At the board meeting the secretary said: \"Petrnshova is an enemy, and we kept Petrnshova among "
        "us; Petrnshova deceived us.\"\n"
    )
    text = elsewhere + passage
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("Petrnshova", "Petrushova", "name")] * 3
    # the same spelling on two lines is a name the report keeps, not one passage's damage
    split = elsewhere + passage.replace("among us;", "among us.\n\nOne said")
    assert [c.original for c in repair(split).corrections] == []


def test_a_sentence_adverb_run_into_the_word_before_lost_a_dash():
    text = (
        "The revolution swept away the old beliefs and the old rituals. Every movement creates its own "
        "creeds, and the old beliefsnonetheless returned with the passage of time. The beliefsin the "
        "villages lasted longest.\n"
    )
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("beliefsnonetheless", "beliefs\u2014nonetheless", "merge"), ("beliefsin", "beliefs in", "merge")]


def test_one_ocr_confusion_outweighs_commoner_words_a_random_letter_away():
    # `hurned`: `turned` is commoner and one letter away, but only `burned` is a `b` read as `h`
    text = "In the villages the activists hurned the icons and the church books in the square.\n"
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("hurned", "burned", "word")]


def test_self_run_into_its_word_is_hyphenated_even_when_a_word_list_holds_the_run_together():
    text = "The instinct of selfpreservation was strong in the camps, but his selfish friends left him.\n"
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("selfpreservation", "self-preservation")]


def test_a_bare_surname_in_ey_beside_its_ev_spelling_in_the_report():
    text = (
        "Kamenev, Zinovyev, Bakayev, Andreyev and Yevdokimov were tried; Kamenev and Zinovyev were shot. " * 5
        + "They arrested Popov and Taney. Later the USSR made Dimitrov, Tanev and Popov its citizens; Tanev left. "
        + "Carey and Dewey wrote about it, and Sergey came.\n"
    )
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    # (a word list knows `Taney`, and it stands without initials: the report's own `Tanev` decides)
    assert got == [("Taney", "Tanev", "name")]


def test_a_capital_g_read_as_ci():
    text = ("The writers B. A. Pilnyak and Cialina Serebryakova were declared enemies of the people, "
            "and Cicero was quoted at the meeting of the Cinema Workers Union.\n")
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("Cialina", "Galina", "name")]


def test_when_two_report_forms_split_the_lexicon_with_its_ocr_confusions_decides():
    # `hurried` (n read as ri) and `turned` (a random letter) are both printed often: neither settles it
    text = ("The wall turned grey. " * 37 + "They hurried to the station. " * 7
            + "In the village the activists hurned the icons in the square.\n")
    got = {(c.original, c.replacement): c for c in repair(text).corrections}
    fix = got[("hurned", "burned")]
    assert fix.confidence >= 0.6 and "split" in fix.reason


def test_a_whole_word_opening_the_line_after_a_break_is_repaired_from_the_reports_own_words():
    # `autocrat` is rare on the web (Zipf under 2.5) but this report prints it three times; the damaged form
    # opens the line after a page break, yet the line before ends in a whole word it does not join
    text = (
        "The old autocrat feared the congress. Every autocrat needs a police, and the autocrat had one.\n"
        "Some emigres hoped for the return of an all-Russian\n\nautocra, but none came back.\n"
        "The contents:\n\tgation and Detention\t8\n"
    )
    got = {c.original: c for c in repair(text).corrections}
    fix = got["autocra"]
    assert fix.replacement == "autocrat" and fix.kind == "word"
    assert "printed 3 times in this report" in fix.reason
    assert text[fix.start : fix.end] == "autocra"
    assert "gation" not in got  # an indented contents line's cut-off tail stays as printed


def test_a_word_the_break_cut_in_two_is_no_whole_word_after_the_break():
    # `re` + `sponding` is one word: the tail after the break is no misprint of `spending`
    text = "The ministry was re\n\nsponding slowly to the famine reports.\n"
    assert "sponding" not in {c.original for c in find_corrections(text)}


def test_a_names_lost_last_e_is_restored_but_an_added_one_is_a_spelling():
    text = (
        "The first secretary A. G. Mgeladze spoke, and Mgeladze was cheered. " * 3
        + "Later Mgeladze and Mgeladze's deputy were arrested. "
        + "The list named Kosior, Chubar and Mgeladz. A French book, \"Staline\", praised Stalin; "
        + "Stalin read it. " * 6
        + "Kameneva and Kamenev were seen. Kamenev, Kamenev and Kamenev left.\n"
    )
    got = {(c.original, c.replacement): c for c in repair(text).corrections}
    fix = got[("Mgeladz", "Mgeladze")]
    assert fix.kind == "name" and text[fix.start : fix.end] == "Mgeladz"
    # a final -e more than the report's form (a French spelling) and a female -a are no damage
    assert {o for o, _r in got} == {"Mgeladz"}


def test_a_name_begun_broken_off_and_set_again_is_set_once():
    text = (
        "In the cell sat the air marshal G. A. VorG. A. Vorozheykin, a veteran of Spain. "
        "The list ran: N. I. PetN. I. Petrovskiy, K. P. SomK. L. Somov and A. Ivanov.\n"
    )
    rep = repair(text)
    got = {c.original: c for c in rep.corrections}
    fix = got["G. A. VorG. A. "]
    assert fix.replacement == "G. A. " and fix.kind == "name"
    assert text[fix.start : fix.end] == fix.original
    assert "N. I. PetN. I. " in got
    assert "the air marshal G. A. Vorozheykin, a veteran" in rep.text
    # other initials after the break: another person, not a restart
    assert not any("SomK" in c.original for c in rep.proposed)
    # the whole name keeps its source offsets
    start = rep.text.index("Vorozheykin")
    assert text[rep.to_source(start) : rep.to_source(start + len("Vorozheykin"))] == "Vorozheykin"


def test_parentheses_read_for_an_o_inside_a_word():
    text = (
        "He edited the journal PROLETARSKAYA REVOLYUTSIYA until 1930. Later the editor of the journal "
        "PR()-LETARSKAYA REVOLYUTSIYA was arrested, and the c()mmittee met. The functions f() and g() "
        "and the code XQ()ZT stayed.\n"
    )
    got = {c.original: c for c in repair(text).corrections}
    fix = got["PR()-LETARSKAYA"]
    assert fix.replacement == "PROLETARSKAYA" and "printed once elsewhere" in fix.reason
    assert got["c()mmittee"].replacement == "committee"
    assert not {o for o in got if "f()" in o or "g()" in o or "XQ" in o}


def test_a_web_common_short_string_is_repaired_only_when_both_neighbours_speak():
    # `ho` is common on the web (slang), but `knows ho` and `ho many` are never written; `how` is printed often
    common = "Nobody knows how it began, or how the orders came. " * 30
    text = common + "And who knows ho many papers burned.\n"
    got = {(c.original, c.replacement): c for c in repair(text).corrections}
    fix = got[("ho", "how")]
    assert "'knows how' and 'how many'" in fix.reason
    # one speaking neighbour (the other is a full stop) does not outweigh a string the web writes often
    assert not [c for c in repair(common + "And who knows ho. Nobody.\n").corrections if c.original == "ho"]


def test_a_stop_between_a_verb_and_its_object_goes_and_one_before_a_clause_is_a_comma():
    text = ("The commanders were arrested, and our army met. the war without them. The critic perished. as "
            "did the poet. They had organized. their defence well.\n")
    rep = repair(text)
    got = {text[: c.start].split()[-1]: (c.original, c.replacement) for c in rep.corrections}
    assert got == {"met": (". ", " "), "perished": (".", ","), "organized": (". ", " ")}
    assert "our army met the war without them" in rep.text
    assert "perished, as did" in rep.text


def test_two_stray_letters_and_a_word_join_over_a_lost_letter_into_a_word_the_report_prints():
    text = ("Each victim was chosen in advance. " * 3
            + "Stalin never struck at a vi tim without careful preparation. The ne plus ultra and a vi sit.\n")
    got = {c.original: c for c in repair(text).corrections}
    fix = got["vi tim"]
    assert fix.replacement == "victim" and fix.kind == "split"
    assert fix.reason.startswith("'vi' not a word") and "lost 'c'" in fix.reason
    # `visit` is a word, but this report never prints it: two stray letters need the report's own word
    assert "vi sit" not in got and "ne plus" not in got
    # ... and the joined word must be one the report prints: no `victim` elsewhere, no join
    assert not [c for c in repair("He struck at a vi tim without preparation.\n").corrections if "vi" in c.original]


def test_a_hyphen_between_two_words_goes_when_the_report_prints_them_closed_and_english_never_pairs_them():
    text = ("The play-wright wrote the scene. Later the playwright was arrested. A cease-fire came, and the "
            "country-side was quiet. The long-standing dispute ended; the hand-written note was kept.\n")
    got = {c.original: c for c in repair(text).corrections}
    fix = got["play-wright"]
    assert fix.replacement == "playwright" and fix.kind == "hyphen"
    assert "printed closed" in fix.reason and "'play wright'" in fix.reason
    # not printed closed anywhere in the report: a compound, whatever English does
    assert not {"cease-fire", "country-side", "long-standing", "hand-written"} & set(got)
    assert "play-wright" not in {c.original for c in repair("The play-wright wrote the scene.\n").corrections}


def test_a_number_run_into_its_word_takes_the_hyphen_the_report_prints_after_numbers():
    text = ("The 5-year plan, the 2-year course and the 10-year term; then a 3-year plan. The 5year plan "
            "failed. In the 12th year, 4days of leave and 100kilos of grain; a 3-day leave.\n")
    got = {c.original: c for c in repair(text).corrections}
    fix = got["5year"]
    assert (fix.replacement, fix.kind) == ("5-year", "merge") and "printed 4 times" in fix.reason
    # `day` follows a number and a hyphen once only, `kilos` never: not enough to say
    assert not {"4days", "100kilos", "12th"} & set(got)
    more = repair(text + "A 6year-old boy, the x25year code and a 1.5year term.\n")
    assert [c.replacement for c in more.corrections if c.kind == "merge"] == ["5-year", "6-year"]


def test_a_comma_before_a_capitalised_sentence_opener_is_a_misread_full_stop():
    text = ("They took A. V. Orlov and V. Sokolov, In 1942, the poet D. Belov was taken too. The critic "
            "Yu. Orlov, They held B. Sorin in a cell. He wrote to Orlov, The Tempest and Hamlet.\n")
    rep = repair(text)
    got = [(c.original, c.replacement) for c in rep.corrections if c.kind == "other"]
    assert got == [(",", "."), (",", ".")]
    assert "Sokolov. In 1942" in rep.text and "Orlov. They held" in rep.text
    # a title after a comma (`The Tempest`: a capital after `The`) is no sentence
    assert "Orlov, The Tempest" in rep.text


def test_a_full_stop_after_an_opening_phrase_with_no_verb_is_a_misread_comma():
    text = ("Already in May 1936. P. K. Orlov took command. At the congress of 1934. Kirov spoke first. In 1937 "
            "the plenum met. Stalin spoke. In the 1930's the terror grew. In that case. I was wrong. In new "
            "editions of the history of the VKP(b), Yem. Orlov wrote. In 1937 Orlov was shot in 1938. Belov too.\n")
    rep = repair(text)
    fixed = [text[c.start - 4 : c.start] for c in rep.corrections if (c.original, c.replacement) == (".", ",")]
    assert fixed == ["1936", "1934"]
    assert "Already in May 1936, P. K. Orlov" in rep.text and "congress of 1934, Kirov spoke" in rep.text


def test_a_year_with_a_doubled_digit_is_the_year_the_report_prints():
    text = "In 1937 they arrested Orlov. " * 6 + ('The diary "Leningrad 19937" appeared then. About 19937 persons '
                                              "were freed and 19930 tons shipped; code 119937 and 1.19937.\n")
    got = [(c.original, c.replacement) for c in repair(text).corrections]
    assert got == [("19937", "1937")]
    # the year must be one the report prints again and again
    assert not repair('The diary "Leningrad 19937" appeared then.\n').corrections


def test_an_acronym_with_a_tail_printed_once_beside_a_frequent_one_a_letter_apart():
    text = ("The VKP(b) Central Committee met. " * 20 + "The RKP(b) congress opened. The RKP(b) had grown. "
            "The VDP(b) plenum of that year removed him. The KP(b)U and the VKR(b)U met.\n")
    got = [(c.original, c.replacement, c.kind) for c in repair(text).corrections]
    assert got == [("VDP", "VKP", "name")]
    # printed twice, a tail of its own, or a frequent form printed too seldom: left alone
    assert not repair(text.replace("The VDP(b)", "The RKP(b)")).corrections
