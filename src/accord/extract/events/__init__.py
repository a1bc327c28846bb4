"""Event coding: PLOVER events found in each sentence from the dependency parse and a lexicon.

A trigger is a verb or noun listed in ``data/triggers.json``. Verbs that *govern* a complement
("agreed to a swap", "rejected a meeting", "urged sanctions") set the type themselves and take
mode and context from the complement. Source and target actors come from the clause's subject,
object and participant phrases; modality from negation, auxiliaries, conditionals and the
governing verb. Every event keeps the sentence, the trigger span and the rule that fired.

Modules: ``lexicon`` (the trigger lexicon), ``syntax`` (reading the parse), ``triggers``
(finding candidates), ``participants`` (source and target actors), ``modality``, ``modes``,
``coder`` (coding a sentence).
"""

from accord.extract.events.coder import build_event, code_sentence_events
from accord.extract.events.lexicon import Lexicon, TriggerEntry, lexicon_from_data, load_lexicon
from accord.extract.events.participants import MentionIndex, person_spans
from accord.extract.events.triggers import Candidate, find_candidates

__all__ = [
    "Candidate",
    "Lexicon",
    "MentionIndex",
    "TriggerEntry",
    "build_event",
    "code_sentence_events",
    "find_candidates",
    "lexicon_from_data",
    "load_lexicon",
    "person_spans",
]
