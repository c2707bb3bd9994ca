"""Surface forms of countries used by the training-data expander (scripts/train_classifier.py).

Hand-written for newsevents.  Each entry: ISO3, agreement class, then the forms the expander may swap.
French classes: ``f`` (feminine singular), ``m`` (masculine singular), ``pl`` (plural), ``na``
(masculine, no article: Israël, Cuba...).  Swaps only happen inside one class so that agreement
("La France s'est dite prête" / "L'Italie s'est dite prête") stays grammatical.
Keys: name (with article), de, a (à + article), loc (en/au), bare (without article, as in "de France"),
dm/df/dmp/dfp (demonym masc/fem/masc plural/fem plural), cap (capital used as metonym).
"""
from __future__ import annotations


def _fr_f(name, bare, loc, dm, df, cap, iso):
    vowel = bare[0].lower() in "aeiouyéèêâîôû"
    art = "l'" if vowel else "la "
    return {"iso": iso, "cls": "f", "name": art + bare, "de": "de " + art + bare, "a": "à " + art + bare,
            "loc": loc, "bare_de": ("d'" if vowel else "de ") + bare,
            "dm": dm, "df": df, "dmp": dm if dm.endswith("s") else dm + "s", "dfp": df + "s", "cap": cap}

def _fr_m(bare, dm, df, cap, iso):
    vowel = bare[0].lower() in "aeiouyéèêâîôû"
    if vowel:
        name, de, a, loc, bare_de = "l'" + bare, "de l'" + bare, "à l'" + bare, "en " + bare, "d'" + bare
    else:
        name, de, a, loc, bare_de = "le " + bare, "du " + bare, "au " + bare, "au " + bare, "du " + bare
    return {"iso": iso, "cls": "m", "name": name, "de": de, "a": a, "loc": loc, "bare_de": bare_de,
            "dm": dm, "df": df, "dmp": dm if dm.endswith("s") else dm + "s", "dfp": df + "s", "cap": cap}

FR = [
    _fr_f("", "France", "en France", "français", "française", "Paris", "FRA"),
    _fr_f("", "Allemagne", "en Allemagne", "allemand", "allemande", "Berlin", "DEU"),
    _fr_f("", "Italie", "en Italie", "italien", "italienne", "Rome", "ITA"),
    _fr_f("", "Espagne", "en Espagne", "espagnol", "espagnole", "Madrid", "ESP"),
    _fr_f("", "Russie", "en Russie", "russe", "russe", "Moscou", "RUS"),
    _fr_f("", "Chine", "en Chine", "chinois", "chinoise", "Pékin", "CHN"),
    _fr_f("", "Inde", "en Inde", "indien", "indienne", "New Delhi", "IND"),
    _fr_f("", "Turquie", "en Turquie", "turc", "turque", "Ankara", "TUR"),
    _fr_f("", "Pologne", "en Pologne", "polonais", "polonaise", "Varsovie", "POL"),
    _fr_f("", "Grèce", "en Grèce", "grec", "grecque", "Athènes", "GRC"),
    _fr_f("", "Tunisie", "en Tunisie", "tunisien", "tunisienne", "Tunis", "TUN"),
    _fr_f("", "Algérie", "en Algérie", "algérien", "algérienne", "Alger", "DZA"),
    _fr_f("", "Libye", "en Libye", "libyen", "libyenne", "Tripoli", "LBY"),
    _fr_f("", "Colombie", "en Colombie", "colombien", "colombienne", "Bogotá", "COL"),
    _fr_f("", "Argentine", "en Argentine", "argentin", "argentine", "Buenos Aires", "ARG"),
    _fr_f("", "Bolivie", "en Bolivie", "bolivien", "bolivienne", "La Paz", "BOL"),
    _fr_f("", "Éthiopie", "en Éthiopie", "éthiopien", "éthiopienne", "Addis-Abeba", "ETH"),
    _fr_f("", "Somalie", "en Somalie", "somalien", "somalienne", "Mogadiscio", "SOM"),
    _fr_f("", "Norvège", "en Norvège", "norvégien", "norvégienne", "Oslo", "NOR"),
    _fr_f("", "Suède", "en Suède", "suédois", "suédoise", "Stockholm", "SWE"),
    _fr_f("", "Hongrie", "en Hongrie", "hongrois", "hongroise", "Budapest", "HUN"),
    _fr_f("", "Serbie", "en Serbie", "serbe", "serbe", "Belgrade", "SRB"),
    _fr_f("", "Ukraine", "en Ukraine", "ukrainien", "ukrainienne", "Kiev", "UKR"),
    _fr_f("", "Égypte", "en Égypte", "égyptien", "égyptienne", "Le Caire", "EGY"),
    _fr_f("", "Géorgie", "en Géorgie", "géorgien", "géorgienne", "Tbilissi", "GEO"),
    _fr_f("", "Arménie", "en Arménie", "arménien", "arménienne", "Erevan", "ARM"),
    _fr_f("", "Australie", "en Australie", "australien", "australienne", "Canberra", "AUS"),
    _fr_f("", "Indonésie", "en Indonésie", "indonésien", "indonésienne", "Jakarta", "IDN"),
    _fr_f("", "Thaïlande", "en Thaïlande", "thaïlandais", "thaïlandaise", "Bangkok", "THA"),
    _fr_f("", "Roumanie", "en Roumanie", "roumain", "roumaine", "Bucarest", "ROU"),
    _fr_f("", "Mauritanie", "en Mauritanie", "mauritanien", "mauritanienne", "Nouakchott", "MRT"),
    _fr_f("", "Jordanie", "en Jordanie", "jordanien", "jordanienne", "Amman", "JOR"),
    _fr_f("", "Syrie", "en Syrie", "syrien", "syrienne", "Damas", "SYR"),
    _fr_f("", "Tanzanie", "en Tanzanie", "tanzanien", "tanzanienne", "Dodoma", "TZA"),
    _fr_f("", "Finlande", "en Finlande", "finlandais", "finlandaise", "Helsinki", "FIN"),
    _fr_f("", "Moldavie", "en Moldavie", "moldave", "moldave", "Chisinau", "MDA"),
    _fr_m("Mali", "malien", "malienne", "Bamako", "MLI"),
    _fr_m("Maroc", "marocain", "marocaine", "Rabat", "MAR"),
    _fr_m("Sénégal", "sénégalais", "sénégalaise", "Dakar", "SEN"),
    _fr_m("Niger", "nigérien", "nigérienne", "Niamey", "NER"),
    _fr_m("Nigeria", "nigérian", "nigériane", "Abuja", "NGA"),
    _fr_m("Japon", "japonais", "japonaise", "Tokyo", "JPN"),
    _fr_m("Brésil", "brésilien", "brésilienne", "Brasilia", "BRA"),
    _fr_m("Canada", "canadien", "canadienne", "Ottawa", "CAN"),
    _fr_m("Venezuela", "vénézuélien", "vénézuélienne", "Caracas", "VEN"),
    _fr_m("Pérou", "péruvien", "péruvienne", "Lima", "PER"),
    _fr_m("Chili", "chilien", "chilienne", "Santiago", "CHL"),
    _fr_m("Kenya", "kényan", "kényane", "Nairobi", "KEN"),
    _fr_m("Soudan", "soudanais", "soudanaise", "Khartoum", "SDN"),
    _fr_m("Tchad", "tchadien", "tchadienne", "N'Djamena", "TCD"),
    _fr_m("Cameroun", "camerounais", "camerounaise", "Yaoundé", "CMR"),
    _fr_m("Pakistan", "pakistanais", "pakistanaise", "Islamabad", "PAK"),
    _fr_m("Liban", "libanais", "libanaise", "Beyrouth", "LBN"),
    _fr_m("Qatar", "qatari", "qatarie", "Doha", "QAT"),
    _fr_m("Royaume-Uni", "britannique", "britannique", "Londres", "GBR"),
    _fr_m("Portugal", "portugais", "portugaise", "Lisbonne", "PRT"),
    _fr_m("Rwanda", "rwandais", "rwandaise", "Kigali", "RWA"),
    _fr_m("Burkina Faso", "burkinabé", "burkinabée", "Ouagadougou", "BFA"),
    _fr_m("Vietnam", "vietnamien", "vietnamienne", "Hanoï", "VNM"),
    _fr_m("Danemark", "danois", "danoise", "Copenhague", "DNK"),
    _fr_m("Iran", "iranien", "iranienne", "Téhéran", "IRN"),
    _fr_m("Irak", "irakien", "irakienne", "Bagdad", "IRQ"),
    _fr_m("Afghanistan", "afghan", "afghane", "Kaboul", "AFG"),
    _fr_m("Azerbaïdjan", "azerbaïdjanais", "azerbaïdjanaise", "Bakou", "AZE"),
    _fr_m("Gabon", "gabonais", "gabonaise", "Libreville", "GAB"),
    _fr_m("Bénin", "béninois", "béninoise", "Cotonou", "BEN"),
    _fr_m("Togo", "togolais", "togolaise", "Lomé", "TGO"),
    _fr_m("Guatemala", "guatémaltèque", "guatémaltèque", "Guatemala", "GTM"),
]

def _en(name, dem, cap, iso, cls="bare"):
    return {"iso": iso, "cls": cls, "name": name, "dem": dem, "cap": cap}

EN = [
    _en("France", "French", "Paris", "FRA"), _en("Germany", "German", "Berlin", "DEU"),
    _en("Italy", "Italian", "Rome", "ITA"), _en("Spain", "Spanish", "Madrid", "ESP"),
    _en("Russia", "Russian", "Moscow", "RUS"), _en("China", "Chinese", "Beijing", "CHN"),
    _en("India", "Indian", "New Delhi", "IND"), _en("Turkey", "Turkish", "Ankara", "TUR"),
    _en("Poland", "Polish", "Warsaw", "POL"), _en("Greece", "Greek", "Athens", "GRC"),
    _en("Tunisia", "Tunisian", "Tunis", "TUN"), _en("Algeria", "Algerian", "Algiers", "DZA"),
    _en("Colombia", "Colombian", "Bogota", "COL"), _en("Argentina", "Argentine", "Buenos Aires", "ARG"),
    _en("Ethiopia", "Ethiopian", "Addis Ababa", "ETH"), _en("Somalia", "Somali", "Mogadishu", "SOM"),
    _en("Norway", "Norwegian", "Oslo", "NOR"), _en("Sweden", "Swedish", "Stockholm", "SWE"),
    _en("Hungary", "Hungarian", "Budapest", "HUN"), _en("Serbia", "Serbian", "Belgrade", "SRB"),
    _en("Ukraine", "Ukrainian", "Kyiv", "UKR"), _en("Egypt", "Egyptian", "Cairo", "EGY"),
    _en("Georgia", "Georgian", "Tbilisi", "GEO"), _en("Armenia", "Armenian", "Yerevan", "ARM"),
    _en("Australia", "Australian", "Canberra", "AUS"), _en("Indonesia", "Indonesian", "Jakarta", "IDN"),
    _en("Thailand", "Thai", "Bangkok", "THA"), _en("Romania", "Romanian", "Bucharest", "ROU"),
    _en("Jordan", "Jordanian", "Amman", "JOR"), _en("Syria", "Syrian", "Damascus", "SYR"),
    _en("Mali", "Malian", "Bamako", "MLI"), _en("Morocco", "Moroccan", "Rabat", "MAR"),
    _en("Senegal", "Senegalese", "Dakar", "SEN"), _en("Nigeria", "Nigerian", "Abuja", "NGA"),
    _en("Japan", "Japanese", "Tokyo", "JPN"), _en("Brazil", "Brazilian", "Brasilia", "BRA"),
    _en("Canada", "Canadian", "Ottawa", "CAN"), _en("Venezuela", "Venezuelan", "Caracas", "VEN"),
    _en("Peru", "Peruvian", "Lima", "PER"), _en("Chile", "Chilean", "Santiago", "CHL"),
    _en("Kenya", "Kenyan", "Nairobi", "KEN"), _en("Sudan", "Sudanese", "Khartoum", "SDN"),
    _en("Pakistan", "Pakistani", "Islamabad", "PAK"), _en("Lebanon", "Lebanese", "Beirut", "LBN"),
    _en("Qatar", "Qatari", "Doha", "QAT"), _en("Britain", "British", "London", "GBR"),
    _en("Portugal", "Portuguese", "Lisbon", "PRT"), _en("Rwanda", "Rwandan", "Kigali", "RWA"),
    _en("Vietnam", "Vietnamese", "Hanoi", "VNM"), _en("Iran", "Iranian", "Tehran", "IRN"),
    _en("Iraq", "Iraqi", "Baghdad", "IRQ"), _en("Afghanistan", "Afghan", "Kabul", "AFG"),
    _en("Azerbaijan", "Azerbaijani", "Baku", "AZE"), _en("Israel", "Israeli", "Jerusalem", "ISR"),
    _en("Mexico", "Mexican", "Mexico City", "MEX"), _en("Cuba", "Cuban", "Havana", "CUB"),
    _en("Ghana", "Ghanaian", "Accra", "GHA"), _en("Bangladesh", "Bangladeshi", "Dhaka", "BGD"),
    _en("Finland", "Finnish", "Helsinki", "FIN"), _en("Belarus", "Belarusian", "Minsk", "BLR"),
    _en("Saudi Arabia", "Saudi", "Riyadh", "SAU"), _en("South Korea", "South Korean", "Seoul", "KOR"),
    _en("Niger", "Nigerien", "Niamey", "NER"), _en("Chad", "Chadian", "N'Djamena", "TCD"),
]

# Names whose presence ties a sentence to one country: the expander skips a sentence when, after
# swapping, one of these still points at the original party.
LEADERS = {
    "FRA": ["Macron", "Barrot", "Bayrou"], "DEU": ["Scholz", "Merz", "Baerbock"], "ITA": ["Meloni"],
    "ESP": ["Sánchez", "Sanchez"], "RUS": ["Poutine", "Putin", "Lavrov", "Kremlin"],
    "CHN": ["Xi", "Jinping", "Wang Yi"], "IND": ["Modi"], "TUR": ["Erdogan", "Erdoğan"],
    "UKR": ["Zelensky", "Zelenskyy", "Zelenski"], "USA": ["Trump", "Biden", "Rubio", "Pentagone", "Pentagon"],
    "BRA": ["Lula"], "ARG": ["Milei"], "COL": ["Petro"], "VEN": ["Maduro"], "TUN": ["Saïed", "Saied"],
    "SEN": ["Faye", "Sonko"], "DZA": ["Tebboune"], "GBR": ["Starmer", "Sunak", "Downing Street"],
    "ISR": ["Netanyahu", "Netanyahou", "Tsahal"], "IRN": ["Khamenei", "Pezeshkian", "Gardiens de la révolution", "Revolutionary Guards"],
    "PRK": ["Kim"], "ZAF": ["Ramaphosa"], "KEN": ["Ruto", "Nairobi"], "NGA": ["Tinubu"], "RWA": ["Kagame"],
    "COD": ["Tshisekedi"], "MEX": ["Sheinbaum"], "CHL": ["Boric"], "HUN": ["Orbán", "Orban"],
    "SRB": ["Vucic", "Vučić"], "AZE": ["Aliev", "Aliyev"], "ARM": ["Pachinian", "Pashinyan"],
    "JPN": ["Ishiba"], "KOR": ["Lee Jae-myung"], "PAK": ["Sharif"], "EGY": ["Sissi", "Sisi", "Caire", "Cairo"],
}
