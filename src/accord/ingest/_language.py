"""English only: a text in another language is refused by name rather than coded as nothing.

accord's model, lexicons and rules are English; a Russian, Arabic or Chinese article gave no
events and no word why. A text is refused only when it is plainly not English, so that short
English texts, headlines and English crowded with foreign names pass:

- its letters are mostly not Latin (Cyrillic, Arabic, Chinese, ...), or
- English function words ("the", "of", "said") make under 8% of its words (English news has
  15% or more in every paragraph of the test corpora; French, German and Spanish under 3%),
  it has at least ``MIN_LETTERS`` letters, and py3langid, restricted to languages news is
  commonly written in, names another language with probability 0.99 or more.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from accord.errors import IngestError
from accord.models import Article

SUPPORTED = "en"
SAMPLE_CHARS = 10_000  # the start of the text says what language it is in
MIN_SCRIPT_LETTERS = 20
MIN_LETTERS = 100
MIN_PROBABILITY = 0.99
MIN_FUNCTION_WORD_SHARE = 0.08
_FUNCTION_WORDS = (
    "the of and to in a an that is was were for on with as by said it at from his he has have "
    "be not are this which had would will their they its"
)
ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Big enough that a foreign text finds its own language; without the many small languages
# of the full model, which took English crowded with names for Pidgin, Frisian or Malay.
_NEWS_LANGUAGES = (
    "en ar az be bg bn bs ca cs da de el es et fa fi fr he hi hr hu hy id it ja ka kk ko ku "
    "lt lv mk ms nl no pl ps pt ro ru sk sl so sq sr sv sw ta th tl tr uk ur uz vi zh"
)
NEWS_LANGUAGES = tuple(_NEWS_LANGUAGES.split())
_WORD = re.compile(r"[^\W\d_]+")
# Not a Latin letter: outside Basic Latin to Latin Extended-B and Latin Extended Additional
_NOT_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's bundled model, restricted to NEWS_LANGUAGES (loaded once, when needed)."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(NEWS_LANGUAGES))
    return identifier


def _function_word_share(text: str) -> float:
    words = _WORD.findall(text.lower())
    return sum(word in ENGLISH_FUNCTION_WORDS for word in words) / max(1, len(words))


def _identified(text: str) -> tuple[str, float]:
    language, probability = _identifier().classify(text)
    return language, probability


def unsupported_language(text: str) -> str | None:
    """The language of a text that is plainly not English (an ISO 639-1 code, or ``und``
    when only the script says so); None for English and for texts too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [char for char in sample if char.isalpha()]
    # counted by one regular expression over the letters, not a call per letter
    latin = len(letters) - len(_NOT_LATIN.findall("".join(letters)))
    if len(letters) >= MIN_SCRIPT_LETTERS and latin < len(letters) / 2:
        language, _ = _identified(sample)
        return language if language != SUPPORTED else "und"
    if len(letters) < MIN_LETTERS or _function_word_share(sample) >= MIN_FUNCTION_WORD_SHARE:
        return None
    language, probability = _identified(sample)
    if language != SUPPORTED and probability >= MIN_PROBABILITY:
        return language
    return None


def language_name(code: str) -> str:
    """``Russian`` for ``ru``; the code itself when pycountry does not know it."""
    found = pycountry.languages.get(alpha_2=code)
    return found.name if found is not None else code


def check_language(article: Article) -> None:
    """Raise IngestError naming the article when its text is plainly not English."""
    language = unsupported_language(article.text)
    if language is None:
        return
    said = "not in the Latin alphabet" if language == "und" else f"in {language_name(language)}"
    raise IngestError(
        article.source or article.url or article.id,
        f"language not supported: the text is {said} ({language}); accord reads English only",
    )
