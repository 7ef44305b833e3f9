"""Word lists the extractors share: titles, organisation words, calendar words.

General knowledge of how news prose names things, in English first and the
commonest forms in French, Spanish and German. Nothing here is about a
particular article.
"""

from __future__ import annotations

# Titles that precede a name: "President William Ruto", "Mr Hu".
# Longest first so "Prime Minister" wins over "Minister".
_TITLES_RAW = (
        """President|Vice President|Vice-President|President-elect|Prime Minister|Deputy Prime Minister|
        Minister|Foreign Minister|Finance Minister|Defence Minister|Defense Minister|Interior Minister|
        Health Minister|Trade Minister|Justice Minister|Energy Minister|Education Minister|
        Secretary|Secretary-General|Secretary General|Secretary of State|Home Secretary|Foreign Secretary|
        Chancellor|King|Queen|Prince|Princess|Crown Prince|Pope|Emperor|Emir|Sheikh|Sultan|
        Mayor|Governor|Lieutenant Governor|Senator|Sen.|Representative|Rep.|Congressman|Congresswoman|
        Judge|Justice|Chief Justice|Magistrate|Ambassador|Envoy|Commissioner|Inspector|Sheriff|
        General|Gen.|Colonel|Col.|Lieutenant|Lt.|Captain|Capt.|Major|Admiral|Sergeant|Sgt.|Commander|
        Chairman|Chairwoman|Chair|CEO|Director|Director-General|Director General|Dr.|Dr|Professor|Prof.|
        Mr.|Mrs.|Ms.|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Rev.|Reverend|Bishop|Archbishop|Cardinal|
        Father|Rabbi|Imam|Coach|Manager|Spokesman|Spokeswoman|Spokesperson|Detective|Officer|
        Superintendent|Constable|Attorney General|Attorney|Prosecutor|District Attorney|Speaker|Premier|
        Chief|Chief Executive|Chief Minister|Agent|Deputy|Senior|Councillor|Councilman|Dean|Rector|
        Monsieur|Madame|M.|Mme|Herr|Frau|Señor|Señora|Don|Doña|Président|Présidente|Premier ministre|
        Ministre|Presidente|Ministro|Ministra|Präsident|Präsidentin|Bundeskanzler|Bundeskanzlerin|
        Kanzler|Kanzlerin|Ministerpräsident|Bürgermeister|Bürgermeisterin|Richter|Richterin|Minister|
        Ministerin|Juez|Jueza|Alcalde|Alcaldesa|Maire|Juge|Général|General"""
)
TITLES: tuple[str, ...] = tuple(
    sorted(
        {" ".join(t.split()) for t in _TITLES_RAW.replace("\n", "").split("|") if t.strip()},
        key=lambda t: (-len(t), t),
    )
)
# Titles that are only courtesy forms: no role worth reporting.
COURTESY = frozenset("Mr. Mrs. Ms. Mr Mrs Ms Miss Sir Dame Monsieur Madame M. Mme Herr Frau Señor Señora Don Doña Dr Dr.".split())

# Lower-case role nouns for appositives: "Richard Parsons, chairman and chief executive of ...".
ROLE_NOUNS = frozenset(
    """president chairman chairwoman chair chief executive ceo director founder spokesman spokeswoman
    spokesperson minister secretary mayor governor senator judge justice ambassador lawyer attorney
    prosecutor professor researcher scientist analyst economist author head leader manager coach
    captain player striker goalkeeper officer commander general commissioner chancellor premier
    editor reporter correspondent member candidate adviser advisor official owner partner co-founder
    expert doctor surgeon engineer astronaut administrator inspector superintendent sheriff chief
    vice-president deputy representative leader singer actor actress musician writer artist
    président ministre porte-parole directeur directrice presidente ministro portavoz director
    präsident präsidentin minister ministerin sprecher sprecherin vorsitzender chef chefin""".split()
)

# Head words that make a capitalised phrase an organisation.
ORG_WORDS = frozenset(
    """Police Council Ministry Department Agency Organisation Organization Union Nations Bank Company
    Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC PLC plc Group Party Committee Commission Court Courts
    University College Institute Institution Association Federation Mission Fund Army Forces Force Navy
    Board Authority Service Services League Club FC Parliament Congress Senate Assembly Office Bureau
    Survey Foundation Society Airlines Airways Network Centre Center Hospital School Programme Program
    Alliance Coalition Movement Front Tribunal Cabinet Administration Guard Corps Command Bank Exchange
    Times Post News Press Journal Herald Tribune Gazette Telegraph Guardian Broadcasting Television Radio
    Agency Trust Partnership Industries Holdings Motors Electric Energy Petroleum Oil Systems Technologies
    Labs Laboratory Laboratories Secretariat Directorate Commissariat Council Chamber Ministère Ministerio
    Gobierno Partido Policía Policia Polizei Regierung Partei Gericht Bundestag Bundesrat Ministerium
    Universität Universidad Université Comité Comisión Commission Banque Banco Agence Agencia Assemblée
    Asamblea Congreso Senado Sénat Tribunal Tribunale Stiftung Verband Gesellschaft Konzern AG GmbH SA""".split()
)
# Organisations usually written without a head word.
KNOWN_ORGS = frozenset(
    """Reuters Google Microsoft Apple Amazon Facebook Meta Twitter Boeing Airbus Toyota Wikipedia Wikinews
    Hamas Hezbollah Taliban Fatah Petrobras Embraer Interpol Europol Greenpeace Amnesty Oxfam Nokia Samsung
    Sony Intel IBM Netflix Tesla Volkswagen Siemens Shell Gazprom Alibaba Huawei Xinhua Yahoo OpenAI
    Pfizer Moderna AstraZeneca Walmart Disney Nike Adidas Ferrari McLaren Mercedes Honda Nissan Renault
    Ikea IKEA Uber Spotify eBay PayPal Visa Mastercard Unilever Nestlé Nestle Danone""".split()
)
# Acronyms that are organisations even when the article does not spell them out.
KNOWN_ACRONYMS = frozenset(
    """UN EU NATO WHO IMF FBI CIA NSA NASA ESA BBC CNN AP AFP ABC CBS NBC FIFA UEFA IOC OPEC WTO UNESCO
    UNICEF UNHCR ICC ICJ IAEA OECD ASEAN AU ECB FDA EPA CDC USGS NOAA SEC FTC DOJ DHS FEMA ANC IRA
    PLO RAI ZDF ARD NHS MI5 MI6 KGB FSB ETA ISIS IS NGO INGV WWF IPCC OAS OEA ONU UE OTAN BND SPD CDU
    CSU FDP AfD PP PSOE PS UMP LR RN NPR PBS NFL NBA MLB NHL ATP WTA ICRC MSF""".split()
)
# All-capital words that are not organisations.
NOT_ORG_ACRONYMS = frozenset(
    """US USA UK UAE DRC TV CEO CFO COO GDP AM PM OK ID DNA RNA HIV AIDS COVID SARS UTC GMT EST EDT PST
    CET CEST BST II III IV VI VII VIII IX XI XII MP MPs SUV PDF PhD MD BA MA BSC MSC USD EUR GBP JPY
    CNY KSH KES QC RSS URL FAQ IT AI VAT CCTV LGBT LGBTQ GPS ATM OS PC CD DVD HD LED LCD TNT""".split()
)

WEEKDAYS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag"
).split()
MONTHS = (
    "January February March April May June July August September October November December "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
).split()

# Capitalised words that start sentences or headlines yet name nothing.
FUNCTION_WORDS = frozenset(
    """The A An In On At Of For From To By With As And But Or If When While After Before During Since
    Until Although Though However Meanwhile Also Both Each Every All Some Many Most Several Other Another
    This That These Those There Here It Its He She They We I You His Her Their Our My Your Who What Which
    Where Why How According Despite Following Under Over About Around Among Between Through Against Into
    Upon Without Within Earlier Later Today Yesterday Tomorrow Now Then Yet Still Even Just Only More
    Less Last Next First Second Third New Former Late Early Not No Yes So Thus Such Than Because Once
    Le La Les Un Une Des Du De Dans Pour Par Sur Avec Selon Il Elle Ils Elles Ce Cette El Los Las Una
    Por Para Con Según Ella Ellos Der Die Das Ein Eine Im Am Zum Zur Mit Nach Bei Laut Er Sie Es Auch
    Mr Mrs Ms Dr Sir""".split()
)
# Common capitalised nouns heading a phrase that is neither a person nor (by itself) an organisation.
NON_PERSON_HEADS = frozenset(
    """Palace Street Square Airport Stadium Bridge Road Avenue Park Hall House Building Tower Church
    Cathedral Mosque Temple River Lake Mountain Mountains Mount Island Islands Valley Coast Beach Bay Sea
    Ocean Desert Peninsula Province State States County District Region City Town Village Cup
    Championship Championships Games Olympics Prize Award Awards Act Bill Law Treaty Agreement Accord Day
    War Crisis Summit Conference Festival Week Year Plan Project Initiative Strategy Report Index Award
    Series Tour Open Grand Prix Trophy Medal Airport Station Port Harbour Harbor Hotel Museum Gallery
    Library Prison Jail Base Camp Zone Strait Gulf Canal Highway Motorway Route Line Rule Rules Order
    Code Constitution Declaration Convention Protocol Programme Program Budget Fund Scale Gate Centre
    Center Market Markets Street Boulevard Bridge Dam Field Fields Forest Wood Woods Hill Hills Square
    Hurricane Storm Typhoon Cyclone Earthquake Flood Virus Disease Syndrome Prize Era Age Empire
    Kingdom Republic Federation Territory Territories Land Lands Highlands Lowlands Basin""".split()
)
# Common given names: weak evidence that a two-word capitalised phrase is a person.
GIVEN_NAMES = frozenset(
    """John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason
    Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
    Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas
    Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin
    Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne
    Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Mary Patricia Jennifer Linda
    Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily
    Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen
    Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel
    Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina
    Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa
    Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly
    Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Barack
    Hillary Vladimir Angela Emmanuel Boris Theresa Justin Narendra Xi Jacinda Recep Benjamin Mahmoud Ali
    Mohammed Mohamed Muhammad Ahmed Ahmad Hassan Hussein Omar Abdul Abdullah Ibrahim Yusuf Mustafa Khalid
    Fatima Aisha Jean Pierre Jacques Michel François Francois Philippe Nicolas Alain Bernard Marc Luc
    Nathalie Isabelle Sylvie Catherine Marine Ségolène Juan Carlos Luis Miguel Jorge Pedro Pablo Javier
    Manuel Antonio Francisco Rafael Fernando Alejandro Sergio Andrés Diego Mariano Ana Carmen Lucía
    Isabel Pilar Dolores Hans Klaus Jürgen Wolfgang Helmut Gerhard Angela Ursula Frank-Walter Olaf
    Friedrich Karl Heinz Peter Uwe Dieter Stefan Thomas Andreas Markus Sabine Petra Monika Giuseppe
    Giovanni Luca Marco Matteo Francesco Silvio Mario Sergio Paolo Alessandro Giorgia Vladimir Dmitry
    Sergei Sergey Igor Yuri Viktor Mikhail Alexei Olga Natalia Svetlana Irina Lula Luiz Dilma Jair
    Hu Wen Li Wang Zhang Kim Lee Park Shinzo Yoshihide Fumio Narendra Rahul Sonia Imran Nawaz Benazir
    Uhuru William Raila Cyril Jacob Nelson Thabo Olusegun Goodluck Muhammadu Bola Paul Yoweri Abiy
    Ellen Kofi Ban Antonio António Garry Ariel Ehud Shimon Yitzhak Golda Yasser Ismail Hosni Bashar
    Hafez Saddam Nouri Hamid Ashraf Pervez Kevin Malcolm Tony Gordon Keir Rishi Liz Nick Ed Jeremy
    Boris Nicola Alex Mike Joe Kamala Nancy Chuck Mitch Bernie Elizabeth Pete Ron Greg Rick Ted Marco
    Jeb Newt Al Dick Colin Condoleezza Madeleine Jim Tim Tom Bill Bob Dan Ben Sam Max Leo Lionel
    Cristiano Roger Rafael Novak Andy Serena Venus Usain Michael Tiger Lewis Sebastian Fernando Kimi
    Valentino Diego Zinedine Thierry Wayne Steven Frank Ryan Harry Kylian Neymar Erling Mohamed Sadio""".split()
)

# Verbs of saying, for speakers ("said X", "X told").
SPEECH_VERBS = frozenset(
    """said says say told tells added adds stated states explained explains noted notes warned warns
    announced announces claimed claims insisted insists argued argues asked asks replied replies
    declared declares wrote writes commented comments acknowledged acknowledges admitted admits
    confirmed confirms continued continues concluded concludes remarked remarks stressed stresses
    emphasised emphasized emphasises emphasizes urged urges believes believed suggested suggests
    testified testifies recalled recalls responded responds observed observes
    a déclaré déclare affirme affirmé explique expliqué ajoute ajouté précise précisé estime
    dijo dice declaró afirmó explicó añadió agregó señaló aseguró indicó manifestó
    sagte sagt erklärte erklärt betonte betont meinte meint fügte sprach""".split()
)
