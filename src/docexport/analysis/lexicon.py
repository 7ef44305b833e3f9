"""Word lists the extractors share: titles, organisation words, calendar words.

General knowledge of how news prose names things, in English first and the
commonest forms in French, Spanish and German. Nothing here is about a
particular article.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` (word lists read better as text)."""
    return frozenset(text.split())


_words = words


def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TITLES_RAW = """
Administrator|Admiral|Agent|Alcalde|Alcaldesa|Ambassador|Archbishop|Assistant Attorney
General|Assistant Secretary|Attorney|Attorney
General|Bishop|Bundeskanzler|Bundeskanzlerin|Bürgermeister|Bürgermeisterin|CEO|Capt.|Captain|Cardinal|Chair|Chairman|Chairwoman|Chancellor|Chief|Chief
Executive|Chief Financial Officer|Chief Justice|Chief Minister|Chief Operating
Officer|Coach|Col.|Colonel|Commander|Commissioner|Congressman|Congresswoman|Constable|Councillor|Councilman|Crown
Prince|Curator|Dame|Dean|Defence Minister|Defense Minister|Deputy|Deputy Prime
Minister|Deputy Secretary|Detective|Director|Director General|Director-General|District
Attorney|Don|Doña|Dr|Dr.|Education Minister|Emir|Emperor|Energy
Minister|Envoy|Father|Finance Minister|Foreign Minister|Foreign
Secretary|Frau|Gen.|General|Governor|Général|Health Minister|Herr|Home
Secretary|Imam|Inspector|Interior Minister|Judge|Juez|Jueza|Juge|Justice|Justice
Minister|Kanzler|Kanzlerin|King|Lady|Lieutenant|Lieutenant
Governor|Lord|Lt.|M.|Madame|Magistrate|Maire|Major|Manager|Mayor|Minister|Ministerin|Ministerpräsident|Ministra|Ministre|Ministro|Miss|Mme|Monsieur|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Mufti|Officer|Pope|Premier|Premier
ministre|President|President-elect|Presidente|Prime
Minister|Prince|Princess|Prof.|Professor|Prosecutor|Präsident|Präsidentin|Président|Présidente|Queen|Rabbi|Rector|Rep.|Representative|Rev.|Reverend|Richter|Richterin|Secretary|Secretary
General|Secretary of
State|Secretary-General|Sen.|Senator|Senior|Sergeant|Señor|Señora|Sgt.|Sheikh|Sheriff|Sir|Speaker|Spokesman|Spokesperson|Spokeswoman|Sultan|Superintendent|Trade
Minister|Treasurer|Under Secretary|Undersecretary|Vice President|Vice-President|Pvt.|Pfc.
|Roi|Reine|Rey|Reina|König|Königin
|Special Agent|Special Agent in Charge|U.S. Attorney|Assistant U.S.
Attorney|Special Assistant U.S. Attorney|District Judge|U.S. District Judge|Senior U.S. District
Judge|Magistrate Judge
|Spc.|Cpl.|Lance Cpl.|Staff Sgt.|Sgt. 1st Class|Sgt. First Class|Sgt. Maj.|Sergeant Major
|1st Sgt.|First Sgt.|Master
Sgt.|Sfc.|1st Lt.|2nd Lt.|Lt. Col.|Lt. Gen.|Maj.|Maj. Gen.|Brig. Gen.|Adm.|Vice Adm.|Rear
Adm.|Cpt.|Cmdr.|Petty Officer|Chief Petty Officer|Seaman|Airman|Ensign|Private|Corporal|Specialist
|Major General|Brigadier General|Lieutenant General|Lieutenant Colonel|Rear Admiral|Vice Admiral
|Command Sergeant Major|Sergeant First Class|Staff Sergeant|Master Sergeant|Second Lieutenant|First
Lieutenant
"""
# Titles that precede a name: "President William Ruto", "Mr Hu".
# Longest first so "Prime Minister" wins over "Minister".
TITLES: tuple[str, ...] = tuple(
    sorted(
        {" ".join(t.split()) for t in _TITLES_RAW.replace("\n", " ").split("|") if t.strip()},
        key=lambda t: (-len(t), t),
    )
)


# Titles that are only courtesy forms: no role worth reporting.
COURTESY: frozenset[str] = _words(
    """
    Dame Don Doña Dr Dr. Frau Herr M. Madame Miss Mme Monsieur Mr Mr. Mrs Mrs. Ms Ms. Señor
    Señora Sir
"""
)


# Lower-case role nouns for appositives: "Richard Parsons, chairman and chief executive of ...".
ROLE_NOUNS: frozenset[str] = _words(
    """
    abogado activist actor actress administrator adviser advisor alcalde ambassador analyst
    artist astronaut athlete attorney author avocat banker broker candidate captain ceo
    chair chairman chairwoman chancellor chef chefin chief co-founder coach commander
    commissioner composer correspondant correspondent councillor councilor curator deputy
    designer detective diputado directeur director directrice doctor député economist editor
    engineer entrepreneur executive expert filmmaker fiscal founder general goalkeeper
    gobernador governor head homeopath inspector investigator journalist judge juez juge
    justice lawmaker lawyer leader maire manager mayor member minister ministerin ministre
    ministro musician novelist nurse officer official owner partner performer periodista
    photographer pilot player poet politician portavoz porte-parole premier president
    presidente procureur producer professor prosecutor präsident präsidentin président
    publisher reporter representative researcher rédacteur scientist secretary senador
    senator sheriff singer singer-songwriter spokesman spokesperson spokeswoman sprecher
    sprecherin striker student superintendent surgeon sénateur teacher trader treasurer
    vice-president vorsitzender writer
    woman man girl boy mother father son daughter wife husband resident citizen national victim
    survivor veteran
    referee umpire defender midfielder winger coauthor co-author physician epidemiologist
    virologist biologist chemist physicist astronomer geologist lecturer diplomat negotiator
    campaigner agent king queen roi reine rey reina co-fondateur cofondateur fondateur
    fondatrice cofundador fundador fundadora gründer gründerin professeur profesor profesora
    consultant consultante dirigeant dirigeante entraîneur entrenador trainer
"""
)


# Head words that make a capitalised phrase an organisation.
ORG_WORDS: frozenset[str] = _words(
    """
    AG Administration Agence Agencia Agency Airlines Airways Alliance Army Asamblea Assembly
    Assemblée Association Authority Banco Bank Banque Bewegung Board Broadcasting Bundesrat
    Bundesregierung Bundestag Bundestagsfraktion Bureau Bündnis Bürgerschaft Cabinet Center
    Centre Chamber Club Coalition College Comisión Comité Command Commissariat Commission
    Committee Company Congreso Congress Congrès Conseil Consejo Corp Corp. Corporation Corps
    Corte Council Cour Court Courts Daily Department Directorate Electric Energy Exchange FC
    Federation Force Forces Foundation Fraktion Front Fund Galleries Gallery Gazette Gericht
    Gesellschaft GmbH Gobierno Gouvernement Group Guard Guardian Herald Holdings Hospital
    Inc Inc. Industries Initiative Institute Institution Journal Kommission Konzern LLC
    Laboratories Laboratory Labs Landtag League Library Ltd Ltd. Magazine Ministerio
    Ministerium Ministry Ministère Mission Motors Movement Municipality Museum Museums
    Nations Navy Network News Newspaper Office Oil Orchestra Org Organisation Organization
    PLC Parlement Parliament Partei Partido Partnership Party Petroleum Planetarium Police
    Policia Policía Polizei Post Press Program Programme Radio Regierung SA School
    Secretariat Senado Senate Service Services Society Standards Stiftung Survey Systems
    Sénat Technologies Telegraph Television Theater Theatre Times Tribunal Tribunale Tribune
    Trust Union Universidad University Universität Université Verband Verein Weekly Zoo plc
    Church Unit Division Project Departamento Département Secretaría Dirección Instituto
    Organización Servicio Oficina Fondo Agence Institut Office Headquarters
"""
)


# Organisations usually written without a head word.
KNOWN_ORGS: frozenset[str] = _words(
    """
    Adidas Airbus Alibaba Amazon Amnesty Apple AstraZeneca Boeing Danone Disney Embraer
    Europol Facebook Fatah Ferrari Gazprom Google Greenpeace Hamas Hezbollah Honda Huawei
    IBM IKEA Ikea Intel Interpol Mastercard McLaren Mercedes Meta Microsoft Moderna Nestle
    Nestlé Netflix Nike Nissan Nokia OpenAI Oxfam PayPal Petrobras Pfizer Renault Reuters
    Samsung Shell Siemens Sony Spotify Taliban Tesla Toyota Twitter Uber Unilever Visa
    Volkswagen Walmart Wikinews Wikipedia Xinhua Yahoo eBay
    Army Navy Marines Pentagon Kremlin
    Bundestag Bundesrat Knesset Duma Sejm Majlis Riksdag Storting Folketing Oireachtas
    Eduskunta Althing Seimas Saeima Cortes Congreso Congrès Senado Sénat Parlement
    Congress Parliament Senate
"""
)

# Institutions of more than one word that news names bare: legislatures and courts.
INSTITUTIONS: frozenset[str] = frozenset(
    [
        "House of Representatives",
        "House of Commons",
        "House of Lords",
        "House of Councillors",
        "Chamber of Deputies",
        "National Assembly",
        "National People's Congress",
        "Lok Sabha",
        "Rajya Sabha",
        "State Duma",
        "Supreme Court",
        "Constitutional Court",
        "Security Council",
        "European Parliament",
        "European Commission",
        "Federal Reserve",
        "Wall Street",
        "Assemblée nationale",
        "Congreso de los Diputados",
    ]
)
# Stock indices: a head word, usually with a number that is part of the name.
STOCK_INDICES: frozenset[str] = _words(
    """FTSE Nifty Sensex Nikkei Dow Nasdaq S&P DAX CAC Hang KOSPI Kospi STOXX Stoxx TSX ASX
    IBEX SMI MSCI Topix TOPIX Bovespa IPC Merval JSE KLCI PSEi"""
)


# Acronyms that are organisations even when the article does not spell them out.
KNOWN_ACRONYMS: frozenset[str] = _words(
    """
    ABC AFP ANC AP ARD ASEAN ATP AU AfD BBC BND CBS CDC CDU CIA CNN CSU DHS DOJ ECB EPA ESA
    ETA EU FBI FDA FDP FEMA FIFA FSB FTC IAEA ICC ICJ ICRC IMF INGV IOC IPCC IRA IS ISIS KGB
    LR MI5 MI6 MLB MSF NASA NASDAQ NATO NBA NBC NFL NGO NHL NHS NOAA NPR NSA NYSE OAS OEA OECD
    ONU OPEC
    OTAN PBS PLO PP PS PSOE RAI RN SEC SPD UE UEFA UMP UN UNESCO UNHCR UNICEF USGS WHO WTA
    WTO WWF ZDF
"""
)


# All-capital words that are not organisations.
NOT_ORG_ACRONYMS: frozenset[str] = _words(
    """
    AI AIDS AM ATM BA BSC BST CCTV CD CEO CEST CET CFO CNY COO COVID DNA DRC DVD EDT EST EUR
    FAQ GBP GDP GMT GPS HD HIV ID II III IQ IT IV IX JPY KC KES KSH LCD LED LGBT LGBTQ MA MD
    MP MPs MSC OK OS PC PDF PM PST PhD QC RNA RSS SARS SC SUV TNT TV UAE UK UNLESS URL US
    USA USD UTC VAT VI VII VIII XI XII
"""
)


WEEKDAYS: tuple[str, ...] = _word_tuple(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday lundi mardi mercredi jeudi
    vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo Montag
    Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
"""
)


MONTHS: tuple[str, ...] = _word_tuple(
    """
    January February March April May June July August September October November December
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    Januar Februar März April Mai Juni Juli August September Oktober November Dezember
"""
)


# Capitalised words that start sentences or headlines yet name nothing.
FUNCTION_WORDS: frozenset[str] = _words(
    """
    A About According After Against All Also Although Am Among An And Another Around As At
    Auch Avec Because Before Bei Between Both But By Ce Cette Con Dans Das De Der Des
    Despite Die Dr Du During Each Earlier Early Ein Eine El Ella Elle Elles Ellos Er Es Even
    Every First Following For Former From He Her Here His How However I If Il Ils Im In Into
    It Its Just La Las Last Late Later Laut Le Les Less Los Many Meanwhile Mit More Most Mr
    Mrs Ms My Nach New Next No Not Now Of On Once Only Or Other Our Over Par Para Por Pour
    Second Según Selon Several She Sie Since Sir So Some Still Such Sur Than That The Their
    Then There These They Third This Those Though Through Thus To Today Tomorrow Un Una
    Under Une Until Upon We What When Where Which While Who Why With Within Without Yes
    Yesterday Yet You Your Zum Zur
"""
)


# Common capitalised nouns heading a phrase that is neither a person nor (by itself) an
# organisation.
NON_PERSON_HEADS: frozenset[str] = _words(
    """
    Accord Act Age Agreement Airport Avenue Award Awards Base Basin Bay Beach Bill Boulevard
    Bridge Budget Building Camp Canal Cathedral Center Centre Championship Championships
    Church City Coast Code Conference Constitution Convention County Crisis Cup Cyclone Dam
    Day Declaration Desert Disease District Earthquake Empire Era Federation Festival Field
    Fields Flood Forest Fund Gallery Games Gate Grand Gulf Hall Harbor Harbour Highlands
    Highway Hill Hills Hotel House Hurricane Index Initiative Island Islands Jail Kingdom
    Lake Land Lands Law Library Line Lowlands Market Markets Medal Mosque Motorway Mount
    Mountain Mountains Museum Ocean Olympics Open Order Palace Park Peninsula Plan Port
    Prison Prix Prize Program Programme Project Protocol Province Region Report Republic
    River Road Route Rule Rules Scale Sea Series Square Stadium State States Station Storm
    Strait Strategy Street Summit Syndrome Temple Territories Territory Tour Tower Town
    Treaty Trophy Typhoon Valley Village Virus War Week Wood Woods Year Zone
"""
)


# Common given names: weak evidence that a two-word capitalised phrase is a person.
GIVEN_NAMES: frozenset[str] = _words(
    """
    Aaron Abdul Abdullah Abigail Abiy Adam Adebayo Agnès Ahmad Ahmed Ahmet Aisha Akira Al
    Alain Alan Albert Alberto Alejandra Alejandro Alessandra Alessandro Alex Alexander
    Alexei Alexis Alfonso Ali Alice Aliyu Alvin Amanda Amber Amina Amit Amy Ana Anders
    Andrea Andreas Andrei Andrew Andrés Andy Angela Anil Anja Ann Anna Anne Annette Anthony
    Antoine Antonio Antti António Ariel Arjun Arthur Ashley Ashraf Astrid Austin Ayşe Ban
    Barack Barbara Bashar Ben Benazir Benjamin Bernard Bernie Bettina Betty Beverly Bill
    Billy Birgit Bob Bobby Bola Bonnie Boris Brandon Brenda Brian Brigitte Brittany Bruce
    Bryan Camille Carl Carlo Carlos Carly Carmen Carol Carolyn Catherine Charles Charlotte
    Cheryl Chiara Chinedu Chloé Chris Christian Christina Christine Christopher Chuck Claire
    Claudia Claudio Colin Condoleezza Cristiano Cristina Cynthia Cyril Dan Daniel Danielle
    David Davide Deborah Debra Deepak Denise Dennis Diana Diane Dick Diego Dieter Dilma Dirk
    Dmitry Dolores Domenico Donald Donna Doris Dorothy Douglas Dylan Ed Eddie Eduardo Edward
    Ehud Elaine Elena Elijah Elizabeth Elke Ellen Emily Emma Emmanuel Emre Enrico Enrique
    Eric Erik Erling Ethan Eugene Eunice Eva Evelyn Fabio Fatima Fatma Fatou Federica Felipe
    Fernando Florian Frances Francesca Francesco Francisco Francois Frank Frank-Walter
    Franziska François Friedrich Fumio Gabriel Gabriela Gabriele Garry Gary George Gerald
    Gerhard Giorgia Giorgio Giovanni Giulia Giuseppe Gloria Golda Gonzalo Goodluck Gordon
    Grace Greg Gregory Guillaume Hafez Hamid Hannah Hans Harold Harry Hassan Heather Heike
    Heinz Helen Helmut Henrik Henry Hermann Hillary Hiroshi Holger Horace Hosni Hu Hussein
    Hyun Hélène Ibrahim Ibrahima Ignacio Igor Imran Ingrid Irina Isabel Isabella Isabelle
    Ismail Ivan Jacinda Jack Jacob Jacqueline Jacques Jair Jakub James Jan Janet Janice
    Jason Javier Jean Jean-Luc Jean-Marc Jean-Pierre Jeb Jeffrey Jennifer Jens Jeremy Jerry
    Jesse Jessica Jim Joan Joaquín Joe Johan John Johnny Jonathan Joon Jordan Jorge Jose
    Joseph Joshua Joyce Juan Judith Judy Juha Julia Julie Julien Jun Jussi Justin Jutta Jörg
    Jürgen Kamala Kamau Karen Karin Karl Katharine Katherine Kathleen Kathryn Katrin Kayla
    Keir Keith Kelly Kenji Kenneth Kevin Khalid Kim Kimberly Kimi Kirsten Klaus Kofi Kristen
    Kristin Kwame Kyle Kylian Larry Lars Laura Lauren Laurent Lawrence Lee Leif Leo Lewis Li
    Linda Lionel Lisa Liz Logan Lorenzo Louis Luc Luca Lucía Luis Luiz Lukas Lula Lydia Léa
    Madeleine Madison Magnus Mahmoud Malcolm Mamadou Manon Manuel Manuela Marc Marco Marek
    Margaret Maria Mariano Marie Marilyn Marine Mario Mark Markus Marta Martha Martin Mary
    Massimo Mathieu Matteo Matthew Matthias Max Megan Mehmet Melissa Mette Michael Michel
    Michelle Miguel Mika Mike Mikhail Min Ming Mitch Mohamed Mohammed Monika Moussa Muhammad
    Muhammadu Musa Mustafa Nancy Narendra Natalia Natalie Nathalie Nathan Nawaz Nelson Newt
    Neymar Ngozi Nicholas Nick Nicola Nicolas Nicole Nils Noah Nouri Novak Nunzio Olaf Oleg
    Olga Olivia Olivier Olli Olusegun Omar Oumar Pablo Pamela Paolo Park Patricia Patrick
    Paul Paula Pavel Pedro Pervez Pete Peter Petra Philip Philippe Pierre Pieter Pietro
    Pilar Piotr Priscilla Priya Rachel Rafael Rahul Raila Rainer Rajesh Ralf Ralph Randy
    Raquel Ravi Raymond Rebecca Recep Regina Renate Ricardo Richard Rick Rishi Robert
    Roberto Roger Ron Ronald Rosa Rose Roy Russell Ruth Ryan Sabine Saddam Sadio Salvatore
    Sam Samantha Samuel Sandra Sanna Sara Sarah Scott Sean Sebastian Seo Serena Sergei
    Sergey Sergio Sharon Shimon Shinzo Shirley Silvia Silvio Simone Sofía Sonia Sophia
    Sophie Stefan Stefania Stephanie Stephen Steve Steven Sunil Susan Susanne Sven Svetlana
    Sylvie Sébastien Ségolène Takeshi Tanya Tatjana Ted Teresa Terry Thabo Theresa Thierry
    Thomas Tiger Tim Timothy Tobias Tom Tomasz Tony Torsten Tunde Tyler Uhuru Ulrich Ursula
    Usain Uwe Valentino Valérie Venus Victoria Vijay Viktor Vincent Vincenzo Virginia
    Vladimir Volker Walter Wang Wanjiru Wayne Wei Wen Werner Willem William Willie Wilson
    Wolfgang Xi Yasser Yitzhak Yoshihide Yoweri Yuki Yuri Yusuf Zachary Zhang Zinedine
    Álvaro Édouard Élisabeth Óscar
    Jeff Jeffrey Jim Bob Bill Ted Ron Don Greg Doug Rick Matt Mike Dave Steve Andy Tony Fred
"""
)


# Verbs of saying, for speakers ("said X", "X told").
SPEECH_VERBS: frozenset[str] = _words(
    """
    acknowledged acknowledges added adds admits admitted affirme affirmé afirmó agregó
    ajoute ajouté announced announces argued argues aseguró asked asks asserted asserts
    añadió believed believes betont betonte claimed claims commented comments concluded
    concludes confirmed confirms contended contends continued continues declared declares
    declaró dice dijo déclare déclaré emphasised emphasises emphasized emphasizes erklärt
    erklärte estime explained explains explicó explique expliqué fügte indicó insisted
    insists maintained maintains manifestó meint meinte noted notes observed observes
    précise précisé reasoned reasons recalled recalls remarked remarks replied replies
    responded responds sagt sagte said say says señaló sprach stated states stressed
    stresses suggested suggests tells testified testifies told urged urges warned warns
    writes wrote remembered remembers recounted recounts quipped joked shouted
    schrieb warnte ergänzte antwortete fragte écrit répond répondu escribió
    respondió advirtió
"""
)


# Endings that make a capitalised word a title in languages that capitalise nouns
# ("Gesundheitsminister Hermann Gröhe", "Bundestagsabgeordnete Christina Jantz").
TITLE_SUFFIXES: tuple[str, ...] = _word_tuple(
    """
    minister ministerin kommissar kommissarin präsident präsidentin abgeordnete abgeordneter
    vorsitzende vorsitzender sprecher sprecherin bürgermeister bürgermeisterin arzt ärztin
    direktor direktorin kanzler kanzlerin richter richterin anwalt anwältin intendent
    intendentin sekretär sekretärin chef chefin botschafter botschafterin professor
    professorin
"""
)


# Compass words: "Pacific Northwest", "East Africa" name regions, never people.
DIRECTIONS: frozenset[str] = _words(
    """
    Atlantic Central East Eastern Greater Inner Lower North Northeast Northern Northwest
    Outer Pacific South Southeast Southern Southwest Upper West Western
"""
)


# Lower-case nouns that, after a capitalised word, show the word names a body
# ("Scientology officials").
MEMBER_NOUNS: frozenset[str] = _words(
    """
    attorney attorneys board employees executive executives headquarters lawyer lawyers
    leaders leadership member members office officers official officials organisation
    organization property shareholders spokesman spokesperson spokeswoman staff supporters
"""
)


# Words that, before a capitalised name, say it is an organisation ("the magazine MicroMega").
ORG_CUES: frozenset[str] = _words(
    """
    agency airline band bank broadcaster carmaker channel charity club company daily firm
    journal label magazine network newspaper party publisher retailer union website weekly
"""
)


# Words that, before a capitalised name, say it is a place ("the town of Yeoncheon").
PLACE_CUES: frozenset[str] = _words(
    """
    Dorf Gemeinde Hauptstadt Kreisstadt Land Landeshauptstadt Provinz Region Staat Stadt
    capital city ciudad commune country county district département estado island
    municipality port province provincia pueblo region région state suburb town village
    ville
"""
)


# Post-nominal letters that are a role: "Mark Tedeschi, QC".
POST_NOMINALS: frozenset[str] = _words(
    """
    CBE KBE KC MBE MD MEP MP MSP OBE PhD QC SC
"""
)
