"""Event coding: PLOVER events found in each sentence from the dependency parse and a lexicon.

A trigger is a verb or noun listed in ``data/triggers.json``. Verbs that *govern* a complement
("agreed to a swap", "rejected a meeting", "urged sanctions") set the type themselves and take
mode and context from the complement. Source and target actors come from the clause's subject,
object and participant phrases; modality from negation, auxiliaries, conditionals and the
governing verb. Every event keeps the sentence, the trigger span and the rules that fired.

A ``Coder`` holds the collaborators (lexicon, actor dictionary, gazetteer, optional model) and
runs the ordered rule table ``RULES`` (``rules.py``). Modules: ``lexicon`` (the trigger
lexicon), ``syntax`` (reading the parse), ``triggers`` (finding candidates), ``participants``
(source and target actors), ``modality``, ``modes``, ``rules`` (the table), ``restatements``
(one act told in several sentences is one event), ``coder``.
"""

from accord.extract.events.coder import CodedEvent, Coder, EventModel, Review, build_event
from accord.extract.events.lexicon import Lexicon, TriggerEntry, lexicon_from_data, load_lexicon
from accord.extract.events.participants import MentionIndex, person_spans
from accord.extract.events.rules import RULES, ArticleDraft, EventDraft, Rule, SentenceDraft
from accord.extract.events.triggers import Candidate

__all__ = [
    "RULES",
    "ArticleDraft",
    "Candidate",
    "CodedEvent",
    "Coder",
    "EventDraft",
    "EventModel",
    "Lexicon",
    "MentionIndex",
    "Review",
    "Rule",
    "SentenceDraft",
    "TriggerEntry",
    "build_event",
    "lexicon_from_data",
    "load_lexicon",
    "person_spans",
]
