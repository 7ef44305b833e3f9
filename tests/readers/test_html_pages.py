"""The HTML reader on real saved news pages from six sites (see fixtures/pages/SOURCES.md):
headline, byline, date, first and last body paragraphs, and no page furniture in the body."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest

from docexport.model import Article, BlockQuote, Heading, Link, ListBlock, Paragraph, plain_text
from docexport.readers import Reading, read_bytes, sniff

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@dataclass(frozen=True)
class Expected:
    file: str
    headline: str
    authors: tuple[str, ...]
    published: str | None
    site: str
    url: str
    language: str | None
    first: str  # start of the first body paragraph
    last: str  # start of the last body paragraph
    furniture: tuple[str, ...]  # navigation, ads, comments... that must not leak in
    standfirst: str | None = None


CASES = [
    Expected(
        "arstechnica.html",
        "Just-released Minecraft exploit makes it easy to crash game servers",
        ("Dan Goodin",),
        "2015-04-16T20:02:01Z",
        "Ars Technica",
        "https://arstechnica.com/information-technology/2015/04/just-released-minecraft-exploit-makes-it-easy-to-crash-game-servers/",
        "en-US",
        "A flaw in the wildly popular online game Minecraft makes it easy",
        "Ars is asking Mojang for comment and will update this post",
        (
            "Gaming & Culture",
            "Staff Directory",
            "Sign up or login",
            "Share this story",
            "reader comments",
            "login or create an account",
            "Related Stories",
            "Newsletter Signup",
            "Condé Nast",
            "Dan is the Security Editor",
        ),
        "Two-year-old bug exposes thousands of servers to crippling attack.",
    ),
    Expected(
        "heraldsun.html",
        "Angry media won’t buckle over new surveillance laws",
        ("Laurie Oakes",),
        "2015-03-13",
        "HeraldSun",
        "http://www.heraldsun.com.au/news/opinion/angry-media-wont-buckle-over-new-surveillance-laws/story-fni0fha6-1227261886014",
        "en-AU",
        "A HIGH-powered federal government team has been doing the rounds",
        "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR",
        (
            "Breaking News",
            "Barefoot Investor",
            "Login using your Newspass",
            "Subscribe now",
            "Other Opinion Columns",
            "Fraser’s lasting legacy",
            "Most Popular Stories",
            "Wife’s fury",
            "Read more",
        ),
    ),
    Expected(
        "lanacion.html",
        "Una solución no violenta para la cuestión mapuche",
        (),
        "2017-12-07",
        "LA NACION",
        "http://www.lanacion.com.ar/2089096-una-solucion-no-violenta-para-la-cuestion-mapuche",
        None,
        "Abdullah Ocalan, el líder independentista kurdo, desembarcó en Italia",
        "Andrés Malamud es politólogo e investigador en la Universidad de Lisboa",
        (
            "Últimas Noticias",
            "Horóscopo",
            "Dólar hoy",
            "Enviá tu comentario",
            "Los comentarios publicados",
            "Las más leídas",
            "criptogatos",
            "Mapa del sitio",
            "Todos los derechos reservados",
            "Recibí por mail",
        ),
        "Los pueblos indígenas reclaman por derechos que permanecen incumplidos, por eso es más "
        "eficiente canalizar la protesta que reprimirla",
    ),
    Expected(
        "liberation.html",
        "Un troisième Français mort dans le séisme au Népal",
        ("AFP",),
        "2015-04-30T07:19:58",
        "Libération.fr",
        "http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483",
        "fr",
        "Un troisième Français a été tué dans le tremblement de terre samedi au Népal",
        "Le séisme a fait près de 5 500 morts",
        (
            "Se connecter",
            "Le club abonnés",
            "Sur le même sujet",
            "A Katmandou, exode sous pression",
            "Recevoir la newsletter",
            "tuer un Basque",
            "Papouasie",
            "Mentions légales",
            "Imprimer",
        ),
        "Laurent Fabius a accueilli jeudi matin à Roissy un premier avion spécial ramenant des "
        "rescapés.",
    ),
    Expected(
        "lemonde.html",
        "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
        ("Martin Untersinger", "Damien Leloup", "Morgane Tual"),
        "2015-05-04T13:36:31+02:00",
        "Le Monde.fr",
        "http://www.lemonde.fr/pixels/article/2015/05/04/que-contient-la-loi-sur-le-renseignement_4627068_4408996.html",
        "fr",
        "Les députés ont, sans surprise, adopté à une large majorité",
        "La loi prévoit également une forme de protection pour les agents",
        (
            "En poursuivant votre navigation",
            "Boutique Le Monde",
            "Hors-séries",
            "Newsletters",
            "Connexion",
            "Jeux vidéo",
            "Édition Abonnés",
            "Journaliste au Monde",
            "Suivre ce journaliste",
        ),
        "Largement approuvé par les députés, le texte sera désormais examiné par le Sénat, puis "
        "le Conseil constitutionnel.",
    ),
    Expected(
        "futurezone.html",
        "Uber-Konkurrent Lyft startet mit Waymo-Robotertaxis in USA",
        (),
        "2019-05-08T05:30:23Z",
        "futurezone.at",
        "https://futurezone.at/digital-life/uber-konkurrent-lyft-startet-mit-waymo-robotertaxis-in-usa/400487461",
        "de",
        "Einige Kunden des Fahrdienst-Vermittler Lyft in der US-Stadt Phoenix",
        "Lyft ist deutlich kleiner als Uber und bisher nur in Nordamerika aktiv.",
        (
            "Netzpolitik",
            "Community",
            "kurier.at",
            "Teilen per",
            "Uber erleidet Rückschlag",
            "Waymo bittet Autohersteller",
            "Datenschutzrichtlinie",
            "Zur Startseite",
            "Agenturen",
        ),
        "Bereits in den kommenden Monaten will der Uber-Konkurrent mit zehn Fahrzeugen vom "
        "Google-Tochterunternehmen unterwegs sein.",
    ),
]


def _read(name: str) -> Article:
    data = (PAGES / name).read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reading = read_bytes(data, name=name)
    assert isinstance(reading, Reading)
    assert len(reading.articles) == 1
    return reading.articles[0]


def _texts(article: Article) -> list[str]:
    out: list[str] = []
    for b in article.body:
        if isinstance(b, (Paragraph, BlockQuote, Heading)):
            out.append(plain_text(b.inlines))
        elif isinstance(b, ListBlock):
            out.extend(plain_text(i) for i in b.items)
    return out


@pytest.fixture(scope="module", params=CASES, ids=[c.file for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[Expected, Article]:
    exp: Expected = request.param
    return exp, _read(exp.file)


def test_fixture_pages_are_small_and_sniffed_as_html() -> None:
    for c in CASES:
        data = (PAGES / c.file).read_bytes()
        assert len(data) < 300_000
        assert sniff(data, "page") == "html"


def test_headline(case: tuple[Expected, Article]) -> None:
    exp, a = case
    assert a.headline == exp.headline


def test_byline(case: tuple[Expected, Article]) -> None:
    exp, a = case
    assert a.authors == exp.authors


def test_date(case: tuple[Expected, Article]) -> None:
    exp, a = case
    assert a.published == exp.published


def test_site_url_and_language(case: tuple[Expected, Article]) -> None:
    exp, a = case
    assert a.source.name == exp.site
    assert a.source.url == exp.url
    assert a.language == exp.language


def test_standfirst(case: tuple[Expected, Article]) -> None:
    exp, a = case
    assert a.standfirst == exp.standfirst


def test_first_and_last_paragraphs(case: tuple[Expected, Article]) -> None:
    exp, a = case
    paras = [plain_text(b.inlines) for b in a.body if isinstance(b, Paragraph)]
    assert paras[0].startswith(exp.first)
    assert paras[-1].startswith(exp.last)


def test_no_page_furniture_leaks_in(case: tuple[Expected, Article]) -> None:
    exp, a = case
    body = "\n".join(_texts(a))
    for text in exp.furniture:
        assert text not in body, f"{text!r} leaked into the body of {exp.file}"
    assert exp.headline not in _texts(a)[:1]  # the headline is not repeated as the first block


def test_links_are_absolute_web_links(case: tuple[Expected, Article]) -> None:
    _, a = case
    for b in a.body:
        for i in getattr(b, "inlines", ()):
            if isinstance(i, Link):
                assert i.url.startswith(("http://", "https://", "mailto:")), i.url


def test_block_ids_unique_and_provenance_recorded(case: tuple[Expected, Article]) -> None:
    _, a = case
    ids = [b.id for b in a.body]
    assert len(ids) == len(set(ids))
    fields = dict(a.provenance)
    assert {"headline", "body", "source.url"} <= set(fields)
    if a.published:
        assert fields["published"]


def test_ars_keeps_quote_code_and_inline_marks() -> None:
    a = _read("arstechnica.html")
    quotes = [b for b in a.body if isinstance(b, BlockQuote)]
    assert quotes and plain_text(quotes[0].inlines).startswith("The vulnerability stems")
    first = next(b for b in a.body if isinstance(b, Paragraph))
    assert any("emphasis" in i.marks and i.text == "Minecraft" for i in first.inlines)
    links = [i for b in a.body for i in getattr(b, "inlines", ()) if isinstance(i, Link)]
    assert any(i.url == "http://wiki.vg/NBT" for i in links)


def test_lemonde_keeps_section_headings() -> None:
    a = _read("lemonde.html")
    heads = [plain_text(b.inlines) for b in a.body if isinstance(b, Heading)]
    assert heads[0] == "Définition des objectifs des services"
    assert "Un dispositif pour les lanceurs d’alerte" in heads
