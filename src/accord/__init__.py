"""accord: news about diplomacy and armed conflict in, a sourced event record out."""

from accord.errors import AccordError, IngestError, NotFoundError, StoreError
from accord.models import (
    Actor,
    ActorMention,
    ActorRef,
    Article,
    Counts,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
)

__all__ = [
    "AccordError",
    "Actor",
    "ActorMention",
    "ActorRef",
    "Article",
    "Counts",
    "DateValue",
    "Event",
    "Evidence",
    "Extraction",
    "IngestError",
    "NotFoundError",
    "Place",
    "Quote",
    "StoreError",
]
__version__ = "0.1.0"
