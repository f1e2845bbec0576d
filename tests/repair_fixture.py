"""A report written for the tests in the JPRS house style (not taken from any corpus).

It names people in FBIS transliteration, some only once, and carries one of each kind of OCR damage.
"""

REPORT = """JPRS-UPA-90-017

[Text] In the spring of 1926 Kamenev and Zinovyev joined Trotsky. Kamenev spoke first at the plenum,
and Kamenev was answered by Stalin. Later Kamenev was removed, and Kamenev went to Kaluga. Zinovyev
wrote to Kamenev from Leningrad; Zinovyev and Kamenev met in the dacha of Zinovyev. Kameney said
nothing in reply. Zinovyeva, his wife, was arrested later. Zinovyev himself was shot in 1936.

N.I. Yezhov and N.N. Krestinskiy were at the session, with G.K. Ordzhonikidze and M.G. Tskhakaya. The
essays "Istoricheskiye Ocherki" were published in Moscow ZNAMYA inRussian No 2, Feb 89.

The interrogations lasted for weeks. The interrogations were conducted at night, and the
interrogations were recorded. Two interrogations were filmed; other interrogations were not.
Some protocols of the interregations were destroyed. The interro gation
of Kamenev began in July. The govemment did not answer the appeal.

G. Malen-kov had pre-pared the list. Malenkov read it aloud; Malenkov and Yezhov had prepared it
together, and it was prepared again in 1937 when everything had been prepared. It was said half-joking
that V. Antonov-Ovseyenko and V. Bonch-Bruyevich, non-Marxist critics and a writer from
Rostov-na-Donu, saw it. The commanders of companies and platoonsthe commanders of regiments were
listed. In the years of the First Five- Year Plan small- and medium-sized plants were closed.
"""

#: A second report for the detectors that need the report's own frequent spellings or word-pair counts.
REPORT_MORE = (
    """JPRS-UPA-90-021

The Usurnation of Power

[Text] In the winter of 1929 the party press praised I.V. Stalin. The F\tarty apparatus obeyed, and the
party cells obeyed too; I.V. Stalin was now the master of the party and of the state. Later LV. Stalin
wrote to Andreyev, and Andreyev replied. Andreyev was a secretary; Andreyev travelled to the Urals,
where Andreyev inspected the party schools. Andrevey returned in May. In those years Stalin as unable
to rest. Yezhov and Krestinskiy were silent, and Zinovyev was in exile. The party met again.
"""
    + "The construction of plants went on, and construction was hurried. " * 5
    + "One contruction site was abandoned.\n"
)
