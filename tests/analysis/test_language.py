from __future__ import annotations

import pytest

from docexport.analysis.language import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The president said that the army was ready and that it will not wait.", "en"),
        ("Le président a déclaré que les forces sont prêtes pour la mission dans le pays.", "fr"),
        ("El presidente dijo que las fuerzas están listas para la misión en el país.", "es"),
        (
            "Der Präsident sagte, dass die Armee bereit ist und nicht auf die Regierung wartet.",
            "de",
        ),
        ("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία.", "el"),
        ("Правительство объявило сегодня новые меры.", "ru"),
    ],
)
def test_detects_language(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_falls_back_when_nothing_tells() -> None:
    assert detect("12 345 678") == "en"
    assert detect("", default="fr") == "fr"
