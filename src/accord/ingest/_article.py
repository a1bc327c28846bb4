"""Building an ``Article``: normalised text, content-derived id, clean metadata."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

from accord.errors import IngestError
from accord.ingest._files import MAX_ARTICLE_BYTES
from accord.ingest._text import content_hash, has_words, lone_surrogate_at, normalise_text
from accord.models import Article

logger = logging.getLogger("accord.ingest")

ID_LENGTH = 16
# A title, URL, outlet or date longer than this is broken data (and would be parsed whole).
MAX_FIELD_CHARS = 4_000
EMPTY_OF_WORDS = (
    "the article text is empty: no letters or digits, only whitespace, punctuation or "
    "invisible characters (such as zero-width spaces)"
)
# A publication date this far ahead of now is a typo or the wrong field (time zones and
# embargoed releases account for less).
FUTURE_LEEWAY = timedelta(days=1)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
# Absolute dates only: a publication date of "yesterday" would be resolved against today.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def _parse_iso(value: str) -> str | None:
    """ISO 8601 as given: a date stays a date, a datetime stays a datetime."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _parse_rfc2822(value: str) -> str | None:
    """E-mail and RSS style dates such as ``Fri, 16 May 2025 09:30:00 GMT``."""
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_free_form(value: str, language: str) -> str | None:
    """Other absolute dates (``16 May 2025``), through dateparser; time kept only if given."""
    import dateparser  # imported here: it is slow to import and rarely needed

    languages = ["en"] if language == "en" else [language, "en"]
    try:
        parsed = dateparser.parse(value, languages=languages, settings=_DATEPARSER_SETTINGS)
    except (ValueError, TypeError, OverflowError):
        parsed = None
    if parsed is None:
        return None
    if _HAS_TIME.search(value):
        return parsed.isoformat()
    return parsed.date().isoformat()


def normalise_published(
    value: str | date | datetime | None, *, language: str = "en", source: str | None = None
) -> str | None:
    """Publication date as ISO ``YYYY-MM-DD`` (or an ISO datetime when a time is given).

    Relative dates in the article are resolved against it, so a value that cannot be read
    gives None and a logged warning rather than a guess.
    """
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if not text:
        return None
    parsed = _parse_iso(text) or _parse_rfc2822(text) or _parse_free_form(text, language)
    if parsed is None:
        logger.warning("unparseable publication date %r for %s", text, source or "article")
    return parsed


def _published_at(published: str) -> datetime | None:
    """A stored publication date as an aware datetime (a date is its midnight, UTC)."""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def publication_warnings(article: Article, now: datetime | None = None) -> list[str]:
    """What looks wrong in an article's publication date, which relative dates ("on Friday")
    are resolved against: a date more than ``FUTURE_LEEWAY`` after ``now``."""
    if article.published is None:
        return []
    published = _published_at(article.published)
    now = now or datetime.now(UTC)
    if published is None or published <= now + FUTURE_LEEWAY:
        return []
    return [
        f"field 'published' is {article.published}, in the future (now {now:%Y-%m-%d}): the "
        "article is kept, but dates relative to it will be wrong"
    ]


def _clean_field(value: str | None) -> str | None:
    """A metadata string on one line without surrounding whitespace; None when empty."""
    if value is None:
        return None
    cleaned = " ".join(normalise_text(str(value)).split())
    return cleaned or None


def check_encodable(fields: dict[str, object], source: str) -> None:
    """Refuse a field holding a lone surrogate (a JSON escape such as ``\\ud800``): such text
    cannot be hashed or stored, so it is named here instead of failing later."""
    for name, value in fields.items():
        if not isinstance(value, str):
            continue
        at = lone_surrogate_at(value)
        if at is not None:
            code = f"U+{ord(value[at]):04X}"
            raise IngestError(
                source, f"invalid Unicode in field {name!r}: a lone surrogate ({code}) at {at}"
            )


def _check_lengths(text: str, metadata: dict[str, object], source: str) -> None:
    """The article size limit holds for every way in (files, records, the HTTP API, Python)."""
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        reason = f"article text is {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,}"
        raise IngestError(source, reason)
    for name, value in metadata.items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            reason = f"field {name!r} is {len(value):,} characters, over {MAX_FIELD_CHARS:,}"
            raise IngestError(source, reason)


def _utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def make_article(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | date | datetime | None = None,
    source: str | None = None,
    language: str = "en",
) -> Article:
    """Make an Article from raw text: normalised, hashed, ``id`` taken from the hash.

    Raises IngestError when the text has no letter or digit (whitespace and zero-width spaces
    are not an article), is over ``MAX_ARTICLE_BYTES`` in UTF-8, or a field cannot be encoded
    or is over ``MAX_FIELD_CHARS``.
    """
    source_name = source or "<text>"
    metadata = {"title": title, "url": url, "outlet": outlet, "published": published}
    metadata["language"] = language
    check_encodable({"text": text, **metadata}, source_name)
    normalised = normalise_text(text)
    if not has_words(normalised):
        reason = "the article text is empty" if not normalised else EMPTY_OF_WORDS
        raise IngestError(source_name, reason)
    _check_lengths(normalised, metadata, source_name)
    digest = content_hash(normalised)
    language = _clean_field(language) or "en"
    return Article(
        id=digest[:ID_LENGTH],
        text=normalised,
        content_hash=digest,
        title=_clean_field(title),
        url=_clean_field(url),
        outlet=_clean_field(outlet),
        published=normalise_published(published, language=language, source=source),
        language=language,
        source=source,
        ingested_at=_utc_now(),
    )
