"""accord: news about diplomacy and armed conflict in, a sourced event record out."""

from accord.api import Accord, open
from accord.errors import AccordError, IngestError, NotFoundError, StoreError, StoreLockedError
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
    "Accord",
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
    "StoreLockedError",
    "open",
]
__version__ = "0.1.0"
