"""Places: countries, regions and cities, normalised to one English name.

Country and region names come from CLDR (through Babel, loaded on first use) in
English, French, Spanish and German; a compact list adds major cities, US
states and regions, and common aliases ("U.S." -> "United States"). Other cities
come from GeoNames (:mod:`.worldnames`) when the text says they are places.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spans import Mention

# Cities and sub-national regions news names most often.
_CITIES = """Des Moines|Oakland|
Abidjan|Abu Dhabi|Abuja|Accra|Addis Ababa|Aleppo|Algiers|Amman|Amsterdam|Ankara|
Antwerp|Athens|
Atlanta|Auckland|Baghdad|Baku|Bali|Baltimore|Bamako|Bangalore|Bangkok|Barcelona|Basra|Beijing|
Beirut|Belfast|Belgrade|Benghazi|Berlin|Bern|Birmingham|Bogotá|Bogota|Bombay|Bonn|Bordeaux|Boston|
Brasília|Brasilia|Bratislava|Brisbane|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Calcutta|
Calgary|Canberra|Cape Town|Caracas|Cardiff|Casablanca|Chennai|Chicago|Christchurch|Cologne|
Copenhagen|Dakar|Dallas|Damascus|Dar es Salaam|Delhi|New Delhi|Denver|Detroit|Dhaka|Doha|Dubai|
Dublin|Durban|Edinburgh|Florence|Frankfurt|Gaza|Geneva|Genoa|Glasgow|Gothenburg|Guangzhou|
Guatemala City|Hamburg|Hanoi|Harare|Havana|Helsinki|Hiroshima|Ho Chi Minh City|Hong Kong|Honolulu|
Houston|Islamabad|Istanbul|Jakarta|Jeddah|Jerusalem|Johannesburg|Kabul|Kampala|Kandahar|Karachi|
Kathmandu|Khartoum|Kharkiv|Kigali|Kinshasa|Kyiv|Kiev|Kolkata|Kuala Lumpur|Kuwait City|Lagos|Lahore|
Las Vegas|Leeds|Leipzig|Lima|Lisbon|Liverpool|Ljubljana|London|Los Angeles|Luanda|Lusaka|Lyon|
Madrid|Managua|Manchester|Manila|Maputo|Marseille|Mecca|Medina|Melbourne|Mexico City|Miami|Milan|
Minneapolis|Minsk|Mogadishu|Mombasa|Monrovia|Montevideo|Montreal|Moscow|Mosul|Mumbai|Munich|Nairobi|
Naples|Nashville|New Orleans|New York|New York City|Nice|Osaka|Oslo|Ottawa|Oxford|Cambridge|
Panama City|Paris|Perth|Philadelphia|Phnom Penh|Phoenix|Port-au-Prince|Porto|Prague|Pretoria|
Pyongyang|Quebec|Quito|Rabat|Ramallah|Rangoon|Yangon|Reykjavik|Riga|Rio de Janeiro|Riyadh|Rome|
Rotterdam|Saint Petersburg|St. Petersburg|San Diego|San Francisco|San José|San Juan|Santiago|
Sarajevo|São Paulo|Sao Paulo|Seattle|Seoul|Seville|Shanghai|Shenzhen|Singapore|Sofia|Stockholm|
Strasbourg|Stuttgart|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|Tel Aviv|Tijuana|Tokyo|Toronto|
Toulouse|Tripoli|Tunis|Turin|Ulaanbaatar|Valencia|Vancouver|Venice|Vienna|Vilnius|Warsaw|Washington|
Washington, D.C.|Wellington|Wuhan|Yerevan|Zagreb|Zurich|Galveston|L'Aquila|Padang|Fukushima|Kobe|
Kyoto|Sendai|Chernobyl|Odesa|Odessa|Mariupol|Lviv|Donetsk|Luhansk|Crimea|Gaza City|Haifa|Bethlehem|
Hebron|Nablus|Tyre|Sidon|Homs|Idlib|Raqqa|Fallujah|Tikrit|Kirkuk|Erbil|Cusco|Valparaíso|Medellín|
Cali|Guadalajara|Monterrey|Acapulco|Cancún|Cancun|Kingston|Nassau|Bristol|Sheffield|Newcastle|
Nottingham|Leicester|Southampton|Brighton|Aberdeen|Swansea|Cork|Galway|Dresden|Bremen|Hanover|
Hannover|Düsseldorf|Dortmund|Essen|Nuremberg|Nürnberg|Mainz|Kiel|Rostock|Magdeburg|Potsdam|Erfurt|
Wiesbaden|Saarbrücken|Schwerin|Duisburg|Bochum|Lille|Nantes|Rennes|Montpellier|Grenoble|Reims|
Bologna|Palermo|Bari|Catania|Verona|Trieste|Porto Alegre|Recife|Fortaleza|Belo Horizonte|Curitiba|
Manaus|Córdoba|Rosario|Arequipa|Guayaquil|Barranquilla|Cartagena|Puebla|Tucson|San Antonio|
Sacramento|Pittsburgh|Cleveland|Cincinnati|Indianapolis|Milwaukee|Kansas City|St. Louis|
Salt Lake City|Orlando|Tampa|Raleigh|Newark|Albany|Anchorage|Hyderabad|Ahmedabad|Pune|Surat|Jaipur|
Lucknow|Kanpur|Nagpur|Patna|Chittagong|Colombo|Kandy|Peshawar|Quetta|Rawalpindi|Faisalabad|Multan|
Mashhad|Isfahan|Tabriz|Shiraz|Izmir|Bursa|Antalya|Alexandria|Giza|Luxor|Aswan|Marrakesh|Fez|Tangier|
Oran|Sfax|Kano|Ibadan|Port Harcourt|Kumasi|Bulawayo|Lubumbashi|Goma|Kisumu|Nakuru|Eldoret|Arusha|
Dodoma|Zanzibar|Juba|Asmara|Djibouti|Hargeisa|Kismayo|Misrata|Surabaya|Bandung|Medan|Makassar|Cebu|
Davao|Chiang Mai|Phuket|Da Nang|Haiphong|Mandalay|Busan|Incheon|Daegu|Nagoya|Yokohama|Sapporo|
Fukuoka|Chongqing|Chengdu|Tianjin|Nanjing|Hangzhou|Xi'an|Harbin|Shenyang|Qingdao|Lhasa|Urumqi|
Kaohsiung|Taichung|Macau|Novosibirsk|Yekaterinburg|Kazan|Sochi|Vladivostok|Murmansk|Chisinau|Almaty|
Astana|Bishkek|Dushanbe|Ashgabat|Samarkand|Malmö|Bergen|Tampere|Turku|Aarhus|Krakow|Kraków|Gdansk|
Wrocław|Poznań|Łódź|Brno|Ostrava|Košice|Debrecen|Cluj-Napoca|Timișoara|Iași|Plovdiv|Varna|
Thessaloniki|Patras|Dubrovnik|Skopje|Tirana|Podgorica|Pristina|Banja Luka|Limassol|Nicosia|Valletta|
Ajaccio|Bilbao|Zaragoza|Málaga|Malaga|Palma|Las Palmas|Granada|Coimbra|Funchal|Basel|Lausanne|Graz|
Linz|Salzburg|Innsbruck|Luxembourg|Ghent|Bruges|Liège|Charleroi|Utrecht|The Hague|Eindhoven|
Groningen|Limerick|Derry|Inverness|Dundee|Exeter|Plymouth|Coventry|Bradford|Sunderland|
Wolverhampton|Norwich|Ipswich|Canterbury""".replace("\n", "")

_MULTI_CITIES = """Addis Ababa|Abu Dhabi|Buenos Aires|Cape Town|Dar es Salaam|New Delhi|
Guatemala City|
Ho Chi Minh City|Hong Kong|Kuala Lumpur|Kuwait City|Las Vegas|Los Angeles|Mexico City|New Orleans|
New York|New York City|Panama City|Phnom Penh|Rio de Janeiro|Saint Petersburg|St. Petersburg|
San Diego|
San Francisco|San José|San Juan|São Paulo|Sao Paulo|Tel Aviv|Washington, D.C.|Gaza City|Gaza Strip|
West Bank|Middle East|Latin America|North America|South America|Central America|Southeast Asia|
East Africa|West Africa|Southern Africa|North Africa|Sub-Saharan Africa|Western Europe|
Eastern Europe|
Central Europe|Central Asia|South Asia|East Asia|Persian Gulf|Gulf of Mexico|Horn of Africa|
Balkans|Caribbean|Scandinavia|Sahel|Kashmir|Darfur|Tibet|Xinjiang|Chechnya|Kurdistan|Catalonia|
Catalogne|Cataluña|Katalonien|Bavaria|Bayern|Quebec|Ontario|British Columbia|Alberta|Scotland|Wales|
England|Northern Ireland|Ecosse|Écosse|Escocia|Schottland|Sicily|Sardinia|Corsica|Tuscany|Lombardy|
Abruzzo|Andalusia|Galicia|Basque Country|Siberia|Patagonia|Amazon|Sahara|Punjab|Bengal|Kerala|
Gujarat|
Queensland|New South Wales|Victoria|Tasmania|Hokkaido|Okinawa|Mindanao|Java|Sumatra|Borneo|
Florida Panhandle|Silicon Valley|Long Island|Manhattan|Brooklyn|Gulf Coast|Mexico Beach|
South Australia|Western Australia|Northern Territory|Australian Capital Territory|Manitoba|
Saskatchewan|
Nova Scotia|New Brunswick|Newfoundland|Sachsen|Saxony|Niedersachsen|Lower Saxony|
Nordrhein-Westfalen|
North Rhine-Westphalia|Hessen|Hesse|Thüringen|Thuringia|Brandenburg|Sachsen-Anhalt|
Schleswig-Holstein|
Mecklenburg-Vorpommern|Rheinland-Pfalz|Baden-Württemberg|Saarland|Île-de-France|Bretagne|Brittany|
Normandie|Normandy|Provence|Alsace|New Territories|Kowloon|Hong Kong Island""".replace("\n", "")

_US_STATES = """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
Georgia|Hawaii|
Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|
Minnesota|
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|
North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
South Dakota|
Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming""".replace(
    "\n", ""
)

# Written forms that mean a place named otherwise in the gazetteer.
ALIASES: dict[str, str] = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "United States of America": "United States",
    "America": "United States",
    "the States": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates",
    "DRC": "Congo - Kinshasa",
    "Democratic Republic of the Congo": "Congo - Kinshasa",
    "Ivory Coast": "Côte d’Ivoire",
    "Côte d'Ivoire": "Côte d’Ivoire",
    "Burma": "Myanmar (Burma)",
    "Myanmar": "Myanmar (Burma)",
    "Holland": "Netherlands",
    "Czech Republic": "Czechia",
    "Russian Federation": "Russia",
    "South Korea": "South Korea",
    "North Korea": "North Korea",
    "Palestine": "Palestinian Territories",
    "Palästina": "Palestinian Territories",
    "Palestina": "Palestinian Territories",
    "Kiev": "Kyiv",
    "Bombay": "Mumbai",
    "Calcutta": "Kolkata",
    "Rangoon": "Yangon",
    "Bogota": "Bogotá",
    "Brasilia": "Brasília",
    "Sao Paulo": "São Paulo",
    "St. Petersburg": "Saint Petersburg",
    "Odessa": "Odesa",
    "Cancun": "Cancún",
    "New York City": "New York",
    "Washington, D.C.": "Washington",
    "EE.UU.": "United States",
    "EEUU": "United States",
    "USA.": "United States",
    "Etats-Unis": "United States",
    "États-Unis": "United States",
    "Vereinigte Staaten": "United States",
    "Estados Unidos": "United States",
    "Royaume-Uni": "United Kingdom",
    "Reino Unido": "United Kingdom",
    "Großbritannien": "United Kingdom",
    "Grande-Bretagne": "United Kingdom",
    # Major cities and regions as other languages write them.
    "Ciudad de México": "Mexico City",
    "Nueva York": "New York",
    "New York": "New York",
    "Londres": "London",
    "Pékin": "Beijing",
    "Pekín": "Beijing",
    "Peking": "Beijing",
    "Moscou": "Moscow",
    "Moscú": "Moscow",
    "Moskau": "Moscow",
    "Bruxelles": "Brussels",
    "Bruselas": "Brussels",
    "Brüssel": "Brussels",
    "Genève": "Geneva",
    "Genf": "Geneva",
    "Ginebra": "Geneva",
    "Wien": "Vienna",
    "Vienne": "Vienna",
    "München": "Munich",
    "Köln": "Cologne",
    "Lisboa": "Lisbon",
    "Lisbonne": "Lisbon",
    "Varsovie": "Warsaw",
    "Warschau": "Warsaw",
    "Roma": "Rome",
    "Rom": "Rome",
    "Genova": "Genoa",
    "Gênes": "Genoa",
    "Milano": "Milan",
    "Mailand": "Milan",
    "Napoli": "Naples",
    "Neapel": "Naples",
    "Firenze": "Florence",
    "Florenz": "Florence",
    "Venezia": "Venice",
    "Venedig": "Venice",
    "Torino": "Turin",
    "Athènes": "Athens",
    "Atenas": "Athens",
    "Athen": "Athens",
    "Le Caire": "Cairo",
    "El Cairo": "Cairo",
    "Kairo": "Cairo",
    "Jérusalem": "Jerusalem",
    "Jerusalén": "Jerusalem",
    "Pechino": "Beijing",
    "Sachsen": "Saxony",
    "Niedersachsen": "Lower Saxony",
    "Nordrhein-Westfalen": "North Rhine-Westphalia",
    "Hessen": "Hesse",
    "Thüringen": "Thuringia",
    "Bayern": "Bavaria",
    "Katalonien": "Catalonia",
    "Catalogne": "Catalonia",
    "Cataluña": "Catalonia",
    "Ecosse": "Scotland",
    "Écosse": "Scotland",
    "RDC": "Democratic Republic of the Congo",
    "RD Congo": "Democratic Republic of the Congo",
    "Escocia": "Scotland",
    "Schottland": "Scotland",
    "Kiew": "Kyiv",
}
# AP-style US state abbreviations as datelines write them ("Arlington, Va."); those
# that are also common words or titles ("Miss.", "Me.", "Ind.") are left out.
_AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Tex.": "Texas",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
ALIASES.update(_AP_STATES)
ALIASES.setdefault("America", "United States")
# CLDR names that are not how news writes them, or that clash with common words.
_SKIP_CLDR = frozenset(
    {
        "world",
        "Unknown Region",
        "Outlying Oceania",
        "Pseudo-Accents",
        "Pseudo-Bidi",
        "Jersey",
        "Guernsey",
        "Chad",
        "Georgia",
        "Jordan",
        "Turkey",
        "Niger",
        "Guinea",
        "Man",
        "Isle of Man",
        "Christmas Island",
        "Norfolk Island",
        "Heard & McDonald Islands",
        "Réunion",
        "Mayotte",
        "Martinique",
        "Guadeloupe",
        "Sark",
        "Canary Islands",
    }
)
# Names that are places only when nothing says otherwise (never standing alone as a person).
_AMBIGUOUS_OK = {
    "Chad": "Chad",
    "Georgia": "Georgia",
    "Jordan": "Jordan",
    "Turkey": "Turkey",
    "Niger": "Niger",
    "Guinea": "Guinea",
    "Jersey": "Jersey",
    "Réunion": "Réunion",
}


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Every known written form -> its normalised English name."""
    names: dict[str, str] = {}
    for name, canonical in _cldr_territories().items():
        if name in _SKIP_CLDR or canonical in ("world",):
            continue
        names[name] = canonical
    for name, canonical in _AMBIGUOUS_OK.items():
        names[name] = canonical
    for part in (_MULTI_CITIES + "|" + _US_STATES).split("|"):
        part = part.strip()
        if part:
            names[part] = part.replace(" State", "") if part.endswith(" State") else part
    for city in _CITIES.split("|"):
        if city.strip():
            names.setdefault(city.strip(), city.strip())
    for alias, canonical in ALIASES.items():
        names[alias] = canonical
    # Nicer English forms for CLDR's disambiguated names.
    for raw, nice in (
        ("Congo - Kinshasa", "Democratic Republic of the Congo"),
        ("Congo - Brazzaville", "Republic of the Congo"),
        ("Myanmar (Burma)", "Myanmar"),
        ("Palestinian Territories", "Palestine"),
        ("Hong Kong SAR China", "Hong Kong"),
        ("Macao SAR China", "Macau"),
    ):
        for k, v in names.items():
            if v == raw:
                names[k] = nice
        names[nice] = nice
    return names


def normalise(name: str) -> str | None:
    """The normalised English name of a place, or None when it is not a known place."""
    table = gazetteer()
    name = name.strip()
    if name in table:
        return table[name]
    if name.startswith("the "):
        return table.get(name[4:])
    # German inflection: "den Niederlanden", "Deutschlands".
    if (
        len(name) > 5
        and " " not in name
        and (
            (name.endswith("n") and name[:-1].endswith("e"))
            or (name.endswith("s") and not name.endswith("ns"))
        )
    ):
        stem = name[:-1]
        if stem in table and stem[-1] not in "aiou":
            return table[stem]
    return None


# The languages whose country names every Latin-script article is read with.
CLDR_LANGUAGES = ("en", "fr", "es", "de")


@functools.lru_cache(maxsize=1)
def _cldr_territories() -> dict[str, str]:
    """Country and region names in :data:`CLDR_LANGUAGES` (CLDR via Babel) -> English."""
    from .worldnames import territories

    names: dict[str, str] = {}
    for language in CLDR_LANGUAGES:
        for name, english in territories(language).items():
            names.setdefault(name, english)
    return names


@functools.lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    return frozenset(_cldr_territories().values())


def is_country(name: str) -> bool:
    """Whether ``name`` is a country or world region (not a city or a state)."""
    canonical = normalise(name)
    return canonical is not None and canonical in _territories()


@functools.lru_cache(maxsize=1)
def max_words() -> int:
    return max(len(k.split()) for k in gazetteer())


def resolve_places(mentions: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """(normalised name, its mentions) for each place, in order of first mention."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "place":
            groups.setdefault(m.text, []).append(m)
    # A place known only from "in X" must come back, or be written "X, <region>", to count.
    for name in [
        n for n, ms in groups.items() if all("locative" in m.evidence for m in ms) and len(ms) < 2
    ]:
        del groups[name]
    return list(groups.items())
