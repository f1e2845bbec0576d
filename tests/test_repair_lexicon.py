"""The compact lexicon (hashed tables, cache round trip) and the deletion index for near forms."""

from __future__ import annotations

import random

from kartoteka.repair.candidates import NeighbourIndex, variant_strings
from kartoteka.repair.lexicon import Lexicon, _HashTable, _read_cache, _write_cache


def _small() -> Lexicon:
    zipf = {"the": 7.7, "party": 5.1, "was": 6.6, "unable": 4.4, "zyzzyva": 1.2, "kulak": 2.1}
    return Lexicon.from_tables(zipf, dictionary=["kulak", "party"], bigrams={"was unable": 1000, "the party": 5000})


def test_lookups_on_both_tiers():
    lex = _small()
    assert lex.zipf("Party") == 5.1
    assert abs(lex.zipf("zyzzyva") - 1.2) < 0.03  # the rare tier is quantised
    assert lex.zipf("nosuchword") == 0.0
    assert "kulak" in lex and "nosuchword" not in lex
    assert lex.in_dictionary("kulak") and not lex.in_dictionary("zyzzyva")
    assert lex.is_word("parties") and lex.is_word("kulak") and not lex.is_word("qqqq")
    assert lex.bigram("was", "Unable") == 1000 and lex.bigram("as", "unable") == 0


def test_cache_round_trip(tmp_path):
    rare = _HashTable.build([("zyzzyva", 48), ("kulak", 84)], "B")
    dic = _HashTable.build([("kulak", 1)], "B")
    big = _HashTable.build([("was unable", 1000.0)], "f")
    path = tmp_path / "lex.bin"
    _write_cache(path, {"the": 7.7}, rare, dic, big, "test")
    common, rare2, dic2, big2, origin = _read_cache(path)
    lex = Lexicon(common, rare2, dic2, big2, origin, 0.0)
    assert origin == "test" and lex.zipf("the") == 7.7 and lex.zipf("kulak") == 84 / 40
    assert lex.in_dictionary("kulak") and not lex.in_dictionary("the")
    assert lex.bigram("was", "unable") == 1000.0


def test_neighbour_index_agrees_with_variant_generation():
    rng = random.Random(7)
    letters = "abcdeilmnorstuvy"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(400)}
    words |= {"kamenev", "government", "stalin", "modern"}
    index = NeighbourIndex(words)
    probes = ["kameney", "govemment", "stalim", "modem", "rnodern", *rng.sample(sorted(words), 50)]
    probes += ["".join(rng.choice(letters) for _ in range(6)) for _ in range(200)]
    for probe in probes:
        for inserts in (True, False):
            expected = {r for r in variant_strings(probe, inserts=inserts) if r[0] in words and r[0] != probe}
            assert set(index.near(probe, inserts)) == expected, probe


def test_an_ending_counts_only_after_a_stem_that_takes_it():
    lex = Lexicon.from_tables({"slander": 3.0, "march": 4.5, "hero": 4.5, "free": 5.5, "use": 6.0})
    assert lex.is_word("marches") and lex.is_word("heroes") and lex.is_word("slanders")
    assert lex.is_word("freed") and lex.is_word("used")
    assert not lex.is_word("slanderes")  # `-es` after no hissing sound: a lost `r` of `slanderers`
    assert not lex.is_word("marchd")
