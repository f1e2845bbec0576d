"""Small curated word lists for person detection: given names, titles, non-person words, places.

These are general lists (Russian given names, Soviet places, institutional head nouns); they never
list the persons of any particular report.
"""

from __future__ import annotations

_MALE = """
Aleksandr Aleksey Aleksei Anatoliy Andrey Andrei Anton Arkadiy Arseniy Artem Avel Avraam Boris Bogdan Dmitriy
Daniil David Demyan Denis Efim Eduard Emelyan Emil Erik Fedor Feliks Filipp Foma Fyodor Gavriil Gavril Gennadiy
Georgiy Gleb Grigoriy Grigory Igor Ilya Innokentiy Ioann Iosif Isaak Ivan Kirill Klim Kliment Konstantin Kuzma Lavrentiy
Lazar Lev Leonid Lyudvig Makar Maksim Matvey Maxim Mikhail Mikhael Miron Moisey Nikita Nikolay Nikolai Nestor Oleg Osip
Pavel Petr Pyotr Platon Prokofiy Rafail Robert Roman Rostislav Ruben Semen Semyon Sergey Sergei Stanislav Stepan Taras
Timofey Trofim Valentin Valerian Valeriy Vasiliy Vasily Venyamin Viktor Vissarion Vitaliy Vladimir Vladislav Vsevolod
Vyacheslav Yakov Yan Yefim Yegor Yemelyan Yevgeniy Yevgeny Yuriy Yuri Zakhar Zinoviy Mikha Avgust Genrikh Khristian
Karl Friedrich Frederick Fridrikh Georg George John James Thomas Richard Herbert William Henry Charles Louis Jean
Jacques Franz Joseph Josef Rudolf Walter Ernst Otto Heinrich Hermann Bernard Leon Winston Franklin Adolf Benito
Vilgelm Mark Max Paul Peter Albert Alfred Arthur Edward Harold Hugo Jan Ludwig Martin Nicholas Victor Wilhelm Roy
Zhores Benedikt Nikolaus Alexander Mao Bela Milan Josip Georgi Lazar Anastas Valerian Avel Vladimir
Werner Gustav Gustaf Fritz Hans Willi Willy Kurt Heinz Gerhard Helmut Oskar Karol Jozef Jerzy Tadeusz Stefan
Ignatiy Ignaty Dmitry Yulian Julian Antonio Giovanni Giuseppe Paolo Ferenc Laszlo Imre Sandor Tibor Vasil Hristo
Todor Dimitar Eino Lars Nils Olaf Sven Jaan Janis Peteris Kondratiy Titsian
"""
_FEMALE = """
Aleksandra Alla Anna Antonina Valentina Vera Galina Yekaterina Yelena Yevgeniya Yevdokiya Zinaida Zoya Irina Klavdiya
Larisa Lidiya Lyubov Lyuba Lyudmila Margarita Mariya Maria Marina Nadezhda Natalya Nina Olga Polina Raisa Rosa Rozaliya
Roza Sofya Svetlana Tamara Tatyana Varvara Yuliya Inessa Nataliya Yevgeniya Elena Anastasiya Agnessa Marietta Rozaliya
Hilda Grete Margarete Elsa Erna Frida Ilse Zofia Wanda
"""
FEMALE_GIVEN: frozenset[str] = frozenset(_FEMALE.split())
GIVEN: frozenset[str] = frozenset(_MALE.split()) | FEMALE_GIVEN
#: Given names cut short (`Mikh  Rafalsky`, `Nik[olai] Skoblin`, `Yevg. Mikeladze`): never a surname.
GIVEN_CUTS: frozenset[str] = frozenset(g[:k] for g in GIVEN for k in (3, 4) if len(g) > k + 1) - GIVEN


def _patronymics() -> frozenset[str]:
    out: set[str] = set()
    for name in _MALE.split():
        stems: list[str] = []
        if name.endswith("iy"):
            stems += [name + "evich", name[:-1] + "yevich", name + "yevich", name[:-2] + "yevich"]
        elif name.endswith(("y", "i")):
            stems += [name + "evich", name[:-1] + "yevich", name + "yevich"]
        elif name.endswith("a"):
            stems += [name[:-1] + "ich"]
        else:
            stems += [name + "ovich", name + "evich"]
        for s in stems:
            out.add(s)
            out.add(s[: -len("ich")] + "na")
    out.update({"Ilich", "Ilyich", "Ilinichna", "Lvovich", "Lvovna", "Pavlovich", "Pavlovna", "Petrovich",
                "Petrovna", "Fomich", "Kuzmich", "Lukich", "Nikitich", "Savvich", "Yakovlevich", "Yakovlevna"})
    return frozenset(out)


PATRONYMICS: frozenset[str] = _patronymics()
FEMALE_PATRONYMIC_ENDINGS = ("ovna", "evna", "ichna")

#: Words that precede a name and mark it as a person's.
TITLES: frozenset[str] = frozenset(
    "Comrade Comrades Marshal Academician Professor Prof General Gen Colonel Col Lieutenant Major Captain Commander "
    "Admiral Dr Doctor Mr Mrs Citizen Tsar Emperor Empress King Prince Princess Count Countess Father Brigade "
    "Komkor Komdiv Kombrig Komandarm Army Corps Division Commissar Engineer Bishop Patriarch Metropolitan Pope "
    "President Premier Chancellor Ambassador Senator Governor".split()
)
#: Titles that are not military formation words (those only count directly before a name).
PERSON_TITLES: frozenset[str] = TITLES - {"Army", "Corps", "Division", "Brigade"}

#: Capitalised words that never are (the last word of) a person's name.
STOP: frozenset[str] = frozenset(
    """
A An The This That These Those There Their They Them Then He His Him She Her Hers It Its We Our Us You Your I Me My
In On At To From Of For By With Without Within Into Onto Upon Over Under After Before During Since Until Till
And Or But Nor Yet So If As When While Where Whereas Why What Which Who Whom Whose How Although Though Because
Not No Nor Yes All Any Each Every Some Such Many Much More Most Few Other Others Another Both Either Neither One Two
Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Only Even Also Still Already Here
Is Was Were Are Be Been Being Has Had Have Do Does Did Can Could Will Would Shall Should May Might Must Let
Mr Mrs Ms Dr St Mt Vol No Nos Part Chapter Section Page Pages Note Notes Text Editorial Report Excerpts Footnotes
January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul
Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
God Lord Christ Jesus Church Party Committee Central Soviet Soviets Union Union's Republic Republics State States
Army Navy Fleet Front Guard Guards Council Congress Conference Plenum Presidium Secretariat Politburo Orgburo
Commissariat Commissar Commissars People People's Revolution Revolutionary Civil War World Red White Green Black
Great Patriotic October February Bolshevik Bolsheviks Menshevik Mensheviks Bolshevism Menshevism Cadet Cadets
Narodnik Narodniks Kulak Kulaks Nepman Nepmen Chekist Chekists Tsarist Tsarism Tsar Tsars Tsarina Emperor
Comintern Cominform Sovnarkom Narkomnats Gosplan Cheka Duma Kremlin Soviet Western Eastern Northern Southern
West East North South Europe European Asia Asian America American Americans English French German Germans
Russian Russians Georgian Georgians Ukrainian Ukrainians Jewish Jews Jew Polish Poles Latvian Armenian Marxist
Communist Communists Socialist Socialists Social Democrat Democrats Democratic Liberal Labor Labour Workers Worker
Peasant Peasants Academy Institute University School Seminary Museum Library Archive Archives Prize Order
Trial Case Affair Plan Program Programme Constitution Declaration Manifesto Theses Testament Letter Letters
Collected Works Complete Short Course History Biography Chronicle Encyclopedia Dictionary Herald Bulletin
Moscow Leningrad Petrograd Petersburg Russia Siberia Ukraine Georgia Caucasus USSR RSFSR Kiev Tiflis Baku
Mister Madame Herr Monsieur Sir Lady Saint Holy Mother Father Brother Sister Son Daughter Uncle Aunt
However Thus Therefore Indeed Moreover Furthermore Nevertheless Meanwhile Besides Finally Later Earlier Now
Today Yesterday Tomorrow Once Twice Again Ever Never Always Often Sometimes Perhaps Certainly Only Just
Among Between Against Toward Towards Through Throughout Behind Beside Beyond Near Around About Above Below
Like Unlike Despite Except Per Via Versus Re Ibid Op Cit See Cf Etc
Stalinism Leninism Marxism Trotskyism Trotskyist Trotskyists Trotskyite Trotskyites Fascism Fascist Fascists Nazi
Nazis Hitlerite Hitlerites Whites Reds Greens Allies Allied Entente Axis Reich Wehrmacht Gestapo Okhrana
Mausoleum Kremlin's Plant Factory Works Combine Canal Street Square Prospekt Avenue Boulevard Bridge Station
Hall Palace House Theater Theatre Cathedral Monastery Prison Camp Camps Gulag Lubyanka Butyrka
Shock Hero Heroes Labor Memorial Memoirs Diary Notes Question Questions Problem Problems Issue Issues
Marxist-Leninist Marxism-Leninism Stalinist Stalinists Leninist Leninists
Box Latin Cossack Cossacks Jacobin Jacobins Hetman Princes Basin Komsomol Obkom Gorkom Raykom Kraykom Okrug
""".split()
)

#: Head nouns after which the preceding capitalised words name a thing, not a person (Kirov Plant).
HEADS: frozenset[str] = frozenset(
    """
Basin Stanitsa Krai Okrug
Plant Factory Works Combine Mausoleum Prize Prizes Street Square Prospekt Avenue Boulevard Bridge Station Canal
Institute University Academy Museum Library School Seminary Theater Theatre Hall Palace House Cathedral
Monastery Church Prison Camp Region Oblast Kray Rayon District Province Guberniya Uyezd Volost Mountains Mountain
River Sea Lake Island Islands Bay Gulf Peninsula Hills Hill Steppe Valley Desert Forest Line Front Fleet Army
Division Regiment Brigade Corps Order Medal Constitution Code Doctrine Plan Affair Case Trial Group Bloc
Opposition Platform Faction Party Committee Commission Council Society Union Club Circle Collective Kolkhoz
Sovkhoz Mine Mines Port Harbor Railroad Railway Highway Metro Stadium Park Garden Gardens Hospital Clinic
Embassy Ministry Commissariat Department Administration Directorate Trust Enterprise Company Bank Press
Publishing Publishers Prospect Lane Embankment Gate Gates Tower Bridge Dam Project Method Movement Revolution
Era Epoch Years Period Government Cabinet Conference Congress Plenum Pact Treaty Agreement Fund Foundation
Award Lectures Reader Readers Archives Archive Collection Papers Correspondence Memorial Monument
Campaign Campaigns Offensive Expedition Uprising Rebellion Mutiny Raid Battle
""".split()
)
#: Left contexts that make the following name a thing named after a person (Order of Lenin, imeni Kirov).
NAMED_AFTER = ("Order of ", "order of ", "imeni ", "named after ", "named for ", "Prize of ", "Hero of ",
               "Mausoleum of ", "Prize ", "Orders of ", "Ordens of ")

#: Soviet and European places the essays name most; a starting gazetteer, extended by context in the text.
PLACES: frozenset[str] = frozenset(
    """
Moscow Leningrad Petrograd Petersburg Kiev Kharkov Odessa Minsk Tiflis Tbilisi Baku Yerevan Erivan Batum Batumi
Kutais Kutaisi Gori Sukhumi Sochi Tashkent Samarkand Bukhara Alma-Ata Ashkhabad Dushanbe Stalinabad Riga
Tallinn Vilnius Kaunas Kishinev Lvov Novosibirsk Omsk Tomsk Krasnoyarsk Irkutsk Khabarovsk Vladivostok Chita
Tyumen Tobolsk Turukhansk Kureyka Narym Yakutsk Magadan Kolyma Vorkuta Norilsk Karaganda Solovki Solovetskiy
Sverdlovsk Yekaterinburg Perm Ufa Kazan Samara Saratov Tsaritsyn Stalingrad Volgograd Astrakhan Rostov
Krasnodar Novorossiysk Stavropol Voronezh Kursk Orel Tula Ryazan Kaluga Smolensk Pskov Novgorod Tver
Yaroslavl Vologda Arkhangelsk Murmansk Kostroma Ivanovo Nizhniy Vyatka Chelyabinsk
Magnitogorsk Orenburg Penza Tambov Simbirsk Ulyanovsk Kuznetsk Kemerovo Barnaul Semipalatinsk Dnepropetrovsk
Yekaterinoslav Donbass Donbas Donets Zaporozhye Krivoy Rog Kherson Nikolayev Poltava Chernigov Zhitomir Vinnitsa
Crimea Sevastopol Yalta Kerch Volga Don Dnieper Dnepr Neva Ural Urals Caucasus Transcaucasia Siberia Kazakhstan
Uzbekistan Turkmenia Kirghizia Tajikistan Azerbaijan Armenia Georgia Abkhazia Ukraine Belorussia Byelorussia
Moldavia Bessarabia Lithuania Latvia Estonia Karelia Finland Poland Germany Austria Hungary Czechoslovakia
Romania Rumania Bulgaria Yugoslavia Albania Greece Turkey Persia Iran China Japan Korea Mongolia Manchuria
India England Britain France Italy Spain Portugal Switzerland Sweden Norway Denmark Holland Belgium America
Canada Mexico Berlin Vienna Paris London Rome Madrid Prague Warsaw Budapest Bucharest Sofia Belgrade Geneva
Zurich Stockholm Helsinki Helsingfors Cracow Krakow Munich Hamburg Brest Brest-Litovsk Tammerfors Tsaritsyn
Europe Asia Africa Russia Muscovy Kremlin Lubyanka Butyrka Lefortovo Kronshtadt Kronstadt Smolnyy Smolny
Gatchina Tsarskoye Peterhof Zubalovo Kuntsevo Sokolniki Arbat Khamovniki Bolshevo Pitsunda Gagra Borzhomi
Dagestan Daghestan Bashkiria Bashkir Tatar Tatars Chechen Chechnya Kalmyk Ingush Kabarda Yakutia
Buryat Chuvash Udmurt Mari Alazan Tsaritsyno Kuban Transcaucasus Transcaucasia Shakhty Kolyma Osetia Ossetia
Solovetsk Karlag Dalstroy Belomor Khasan Khalkhin-Gol Tannenberg Verdun Spain Manchukuo Stavka
""".split()
)

#: Well-known aliases of Soviet leaders: alias -> surname of the person it names.
ALIASES: dict[str, str] = {
    "Koba": "Stalin",
    "Soso": "Stalin",
    "Dzhugashvili": "Stalin",
    "Djugashvili": "Stalin",
    "Sergo": "Ordzhonikidze",
    "Ilyich": "Lenin",
    "Ilich": "Lenin",
    "Kamo": "Ter-Petrosyan",
    "Bronshteyn": "Trotsky",
    "Bronstein": "Trotsky",
}
#: Full names that are another name of a well-known person (birth names).
FULL_NAME_ALIASES: dict[str, str] = {
    "Iosif Dzhugashvili": "Stalin",
    "Lev Bronshteyn": "Trotsky",
    "Vladimir Ulyanov": "Lenin",
    "Vladimir Ilich": "Lenin",
    "Vladimir Ilyich": "Lenin",
}
#: Initials printed from an alias's first letter, by surname: `S. Ordzhonikidze` is Sergo, whose initials are
#: G. K.; `B. Mdivani` is Budu, P. G. Mdivani; `Maxim Gorkiy` is A. M. Gorkiy. (General knowledge of the
#: period, like ALIASES.) Looked up by transliteration key, so one entry covers Gorkiy, Gorky and Gorki.
ALIAS_INITIALS: dict[str, dict[str, tuple[str, ...]]] = {
    "Ordzhonikidze": {"S": ("G", "K"), "Sergo": ("G", "K")},
    "Mdivani": {"B": ("P", "G"), "Budu": ("P", "G")},
    # a pen name's given name: Maxim Gorky is Aleksey Maksimovich Peshkov
    "Gorkiy": {"M": ("A", "M"), "Maxim": ("A", "M"), "Maksim": ("A", "M")},
}
#: Birth names: read as the alias only for the years before the person took the new name.
BIRTH_NAME_UNTIL: dict[str, int] = {"Dzhugashvili": 1917, "Djugashvili": 1917, "Bronshteyn": 1917,
                                    "Bronstein": 1917, "Ulyanov": 1917}
#: Alias readings valid only when no given name or initials stand before them.
BARE_ONLY_ALIASES = frozenset({"Dzhugashvili", "Djugashvili", "Ilyich", "Ilich", "Bronshteyn", "Bronstein", "Ulyanov"})

#: Nouns of a group, a case or a trial named after its members (`the Syrtsov-Lominadze group`).
GROUP_NOUNS = ("group", "groups", "bloc", "trial", "trials", "center", "centre", "opposition", "case", "affair",
               "faction", "platform", "pact", "alliance", "coalition")

#: Surnames a reader of the period knows without initials: a bare one names the person, however common the
#: word is on the web (`Stalin`, Zipf 3.7).
FAMOUS_SURNAMES: frozenset[str] = frozenset(
    "Stalin Lenin Trotsky Bukharin Zinovyev Zinoviev Kamenev Rykov Tomskiy Tomsky Molotov Kaganovich Voroshilov "
    "Yezhov Yagoda Beria Khrushchev Malenkov Mikoyan Ordzhonikidze Tukhachevskiy Tukhachevsky Dzerzhinskiy "
    "Dzerzhinsky Vyshinskiy Vyshinsky Hitler Mussolini Marx Engels Plekhanov Brezhnev Gorbachev "
    # ... and the thinkers, writers and painters of the world the essays cite in passing (`the letters of Kant`,
    # `Paintings by Titian`): general knowledge, like the aliases above
    "Socrates Plato Aristotle Heraclitus Kant Hegel Spinoza Descartes Voltaire Rousseau Gutenberg Copernicus "
    "Galileo Newton Darwin Einstein Shakespeare Goethe Schiller Heine Dante Cervantes Titian Raphael Rubens "
    "Rembrandt Velazquez Renoir Michelangelo Machiavelli Robespierre Napoleon Bismarck".split()
)

#: Suffixes that mark an adjective, an ism or a follower, not a person (Stalinist, Trotskyite, Bukharinites).
NON_PERSON_SUFFIXES = ("ist", "ists", "ism", "isms", "ite", "ites", "ian", "ians", "ism's", "ist's", "ists'",
                       "ized", "ization", "ify", "ish", "ese", "ics", "ly", "tion", "sion", "ment", "ness", "ity",
                       "ance", "ence", "kom", "koms", "ship", "hood", "shchina", "ees", "ional", "sk")
#: Endings typical of Russian, Ukrainian, Georgian, Armenian, Latvian... surnames.
SURNAME_ENDINGS = ("ov", "ev", "yev", "in", "yn", "skiy", "skaya", "sky", "ski", "tskiy", "ova", "eva", "yeva", "ina",
                   "enko", "uk", "yuk", "chuk", "adze", "idze", "shvili", "yan", "ian", "ants", "ich", "vich",
                   "ovich", "evich", "nis", "ins", "lis", "ris", "ek", "ak", "ko", "kiy", "oy", "ykh", "ikh",
                   "ayev", "iyev", "berg", "shteyn", "stein", "man", "mann", "er")

#: Lower-case nouns after a capitalised word that make it a place or thing (`Poltavskaya stanitsa`).
LOWER_HEADS = ("stanitsa", "oblast", "kray", "rayon", "raion", "village", "district", "province", "guberniya",
               "uyezd", "volost", "river", "region", "plant", "factory", "mine", "mines", "camp", "street",
               "station", "canal", "prize", "mausoleum", "institute", "okrug", "republic", "railroad", "steppe",
               "trial", "affair")
#: Left contexts that mark a fictional character (`the novel's hero Rubashov`).
FICTION_LEFT = ("hero ", "heroes ", "heroine ", "character ", "protagonist ", "hero, ", "character, ")
