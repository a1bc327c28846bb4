"""Reading the dependency parse: subjects, complements, clauses and their kinds.

Grammar only (dependency labels, closed word classes); where a word's lexicon key matters
(``lemma_of``) the lexicon is passed in.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.events.lexicon import Lexicon, lemma_of
from accord.nlp import children_of, head_offsets, is_to_infinitive, sentence_of

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLIMB_DEPS = {"advcl", "pcomp", "prep", "conj", "xcomp", "acl", "relcl", "ccomp", "acomp"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "into", "from", "around"}
NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass"}
TIMES = {"DATE", "TIME"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll"}
CONDITIONAL_MARKS = {"if", "unless", "provided", "providing"}


def is_perfect(verb: Token) -> bool:
    """ "has armed", "had been withdrawn": a past participle with the perfect's "have"."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children_of(verb)
    )


def is_nominal_verb(token: Token, lexicon: Lexicon) -> bool:
    """A word tagged as a verb but used as a noun: "imposed asset freezes" parsed as "asset
    freezes" (subject and verb) under the light verb."""
    if token.pos_ != "VERB" or token.tag_ not in {"VBZ", "NN", "NNS"}:
        return False
    if token.dep_ in NOMINAL_DEPS:
        return True
    return token.dep_ == "ccomp" and lemma_of(token.head, lexicon) in lexicon.light_verbs


def is_nounlike(token: Token, lexicon: Lexicon) -> bool:
    """A noun, or a verb form the parser tagged wrongly but which stands as a noun."""
    return token.pos_ in {"NOUN", "PROPN"} or is_nominal_verb(token, lexicon)


def complement_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """The content a governing verb takes: an xcomp, an object (or what the object is said to
    have done: "accused X of Y", "blamed X for Y", before a participle the parser hangs on the
    object: "accusing neighboring Sudan of backing"), a to/for/on phrase (an "of" phrase of a
    charge: "two men accused of carrying out an attack"), a ccomp."""
    children = list(children_of(verb))
    for child in children:
        if child.dep_ == "xcomp":
            return child
    if read_as_modifier(verb):  # "Russia's military accused rebel groups of breaching ..."
        return deed_of(verb, list(children_of(verb.head))) or verb.head
    if any(child.dep_ == "dobj" for child in children):
        obj = next(c for c in children if c.dep_ == "dobj")
        told = _clause_told_to(obj, children)
        return told or deed_of(verb, children) or _gerund_read_as_adjective(verb, obj) or obj
    for child in children:
        if child.i < verb.i or child.dep_ not in {"prep", "prt"}:
            continue  # "on Tuesday demanded ...": a date in front is not what was demanded
        charged = child.lower_ == "of" and verb.lemma_ in lexicon.words(
            "charging_verbs"
        )  # "accused of X"
        if child.lower_ in {"to", "for", "on", "upon"} or charged:
            for grandchild in children_of(child):
                if grandchild.dep_ in {"pobj", "pcomp"} and grandchild.ent_type_ not in TIMES:
                    return grandchild
    for child in children:
        if child.dep_ == "ccomp":
            return child
    for child in children:
        if child.dep_ == "nsubjpass":
            return child  # "the exchange was agreed on Tuesday"
    for child in children:  # "have sworn to fight", "pushed for the US to support", parsed
        marked = any(m.dep_ == "mark" and m.lower_ == "for" for m in children_of(child))
        if child.dep_ == "advcl" and child.i > verb.i and (is_to_infinitive(child) or marked):
            return child  # as an adverbial clause
    return None


def _clause_told_to(obj: Token, children: list[Token]) -> Token | None:
    """Rule the-one-warned-is-no-content: "warned Hezbollah it would pay a heavy price",
    "told Kyiv that Moscow would respond": an object followed by a clause is whom the clause
    is said to; the clause is the content."""
    return next((c for c in children if c.dep_ == "ccomp" and c.i > obj.i), None)


def _gerund_read_as_adjective(verb: Token, obj: Token) -> Token | None:
    """ "Tehran denied supplying weapons": the parser reads the gerund right after the verb as
    an adjective of the object ("supplying weapons" as a kind of weapons); it is the content,
    the act denied (its object the noun)."""
    first = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if first is None or first.tag_ != "VBG" or first.dep_ != "amod" or first.head.i != obj.i:
        return None
    return first


def deed_of(verb: Token, words: list[Token]) -> Token | None:
    """What the object of a verb is said to have done, among ``words`` (the verb's children):
    "accused the RSF of using the pause", "warned X against sending troops": the deed, not
    the doer."""
    for child in words:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "against"} and child.i > verb.i:
            for grandchild in children_of(child):
                if grandchild.dep_ in {"pobj", "pcomp"} and grandchild.ent_type_ not in TIMES:
                    return grandchild
    return None


def is_in_adjunct(noun: Token) -> bool:
    """A noun inside a locative/temporal phrase ("at the Istanbul talks") is scenery, not news."""
    return (
        noun.dep_ == "pobj"
        and noun.head.dep_ in {"prep", "agent"}
        and noun.head.head.pos_
        in {
            "VERB",
            "AUX",
        }
    )


def is_locative(token: Token) -> bool:
    """A noun in a locative phrase of a verb ("in Kyiv", "near the border")."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in LOCATIVE_PREPS
        and token.head.head.pos_
        in {
            "VERB",
            "AUX",
        }
    )


def conjuncts(token: Token) -> list[Token]:
    """A word and the words conjoined after it ("Russia and Ukraine"), and a list the parser
    read as an apposition (rule a-list-is-no-apposition: "Mali, Burkina Faso and Niger" hangs
    "Faso" on Mali as an apposition and Niger on Faso: three names, not one named twice)."""
    listed = [
        word
        for child in children_of(token)
        if _listed_as_apposition(token, child)
        for word in (child, *child.conjuncts)
        if word.i > token.i
    ]
    return [token, *[c for c in token.conjuncts if c.i > token.i], *listed, *comma_subjects(token)]


def _listed_as_apposition(token: Token, child: Token) -> bool:
    """A proper name in apposition to a proper name, itself coordinated with "and" or "or", or
    two place names a comma joins in a headline's subject ("Russia, Ukraine swap prisoners")."""
    if child.dep_ != "appos" or token.pos_ != "PROPN" or child.pos_ != "PROPN":
        return False
    if token.dep_ == "nsubj" and _joined_by_a_comma(token, child):
        return token.ent_type_ == child.ent_type_ == "GPE"
    return any(c.dep_ == "cc" and c.lower_ in {"and", "or"} for c in children_of(child))


def _joined_by_a_comma(first: Token, second: Token) -> bool:
    """Whether a comma alone stands between two words ("Russia, Ukraine")."""
    doc = first.doc
    return second.i == first.i + 2 and doc[first.i + 1].text == ","


def comma_subjects(subject: Token) -> list[Token]:
    """Rule headline-comma-is-and: a headline writes "X, Y agree" for "X and Y agree"; the
    parser hangs X on the verb as a second subject or a modifier ("Ethiopia, Tigray rebels
    sign peace deal", "Pakistan, Afghanistan agree to ceasefire"). The name before the comma
    that opens the sentence is the subject's partner."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}:
        return []
    opener = subject.doc[sentence_of(subject).start]
    if opener.i == subject.i:  # "Ethiopia, Tigray rebels sign": the partner after the comma
        return [
            other
            for other in children_of(verb)
            if other.dep_ == "nsubj"
            and other.i > subject.i
            and [t.text for t in subject.doc[subject.i + 1 : other.left_edge.i]] == [","]
        ]
    if opener.i + 1 >= subject.left_edge.i or opener.pos_ != "PROPN" or opener.head != verb:
        return []
    if opener.dep_ not in {"nsubj", "npadvmod"}:
        return []
    between = subject.doc[opener.i + 1 : subject.left_edge.i]
    if [t.text for t in between] != [","]:
        return []
    return [opener]


def misread_acronym_subject(verb: Token) -> Token | None:
    """ "ECOWAS imposed sanctions on Mali", "IGAD imposed sanctions": the small model reads an
    acronym opening the sentence as its root (the verb hung on it as a modifier) or as an
    auxiliary. The acronym right before a past verb that takes an object is its subject."""
    if verb.i == 0 or verb.tag_ not in {"VBD", "VBN"}:
        return None
    before = verb.doc[verb.i - 1]
    acronym = len(before.text) >= 2 and before.text.isupper() and before.text.isalpha()
    if not acronym:
        return None
    on_the_root = verb.head == before or (verb.head.head == before and verb.head.dep_ == "dobj")
    if verb.dep_ == "amod" and before.dep_ == "ROOT" and on_the_root:
        return before  # "ECOWAS imposed sanctions": the verb hangs on the acronym or its object
    if not any(c.dep_ == "dobj" for c in children_of(verb)):
        return None
    if before.dep_ == "aux" and before.head == verb:
        return before
    return None


def misread_acronym_verb(token: Token) -> Token | None:
    """The verb an acronym misread as the sentence's root stands before ("ECOWAS imposed
    sanctions": "sanctions" hangs on "ECOWAS", the verb on it as a modifier), or None."""
    if token.dep_ != "ROOT" or token.i + 1 >= len(token.doc):
        return None
    verb = token.doc[token.i + 1]
    if verb.dep_ == "amod" and misread_acronym_subject(verb) == token:
        return verb
    return None


def read_as_modifier(verb: Token) -> bool:
    """Rule "a-verb-read-as-a-modifier": "Russia's military accused rebel groups of breaching
    the truce": the small model reads "military" as an adjective, the past verb as a modifier
    of the noun after it and that noun as the root of a sentence with no verb. A past verb
    hung as a modifier on the root noun after it, with a noun phrase before it, is the
    sentence's verb: the words before it are its subject, the noun it hangs on its object
    (and what that noun's "of"/"for" phrase says is what it governs)."""
    if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or verb.pos_ != "VERB":
        return False
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or head.i <= verb.i:
        return False
    return misread_modifier_subject(verb) is not None


def read_as_participle(verb: Token) -> bool:
    """Rule "a-verb-read-as-a-participle": "Kenyan police arrested at least 50 protesters in
    Mombasa.", "Riot police fired tear gas at students.": the small model reads the noun phrase
    before the verb as the root of a sentence with no verb and the verb as a participle
    describing it. A passive participle takes no direct object, so one that has its own, hung
    on the root noun before it in a sentence that closes with a mark, is the sentence's verb
    and that noun its subject ("the man arrested yesterday" keeps its reading)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.pos_ != "VERB":
        return False
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or head.i >= verb.i:
        return False
    last = sentence_of(verb)[-1]
    closed = last.is_punct and last.text in {".", "!"}
    return closed and any(c.dep_ == "dobj" for c in children_of(verb))


HEADLINE_WORDS = 12  # at most this many tokens, and no closing mark: a headline


def is_passive_read_as_complement(verb: Token) -> bool:
    """Rule "a-passive-read-as-a-complement": "He was handcuffed and booked", "Protesters were
    tear-gassed": the tagger reads a passive participle after "be" as an adjective complement;
    the subject of "be" is then the one acted on, not the doer."""
    if verb.dep_ != "acomp" or verb.head.lemma_ != "be":
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "JJ" and verb.lower_.endswith("ed"))


def is_headline(sentence: Span) -> bool:
    """A few words with no closing mark: a headline (or a heading)."""
    return len(sentence) <= HEADLINE_WORDS and sentence[-1].text not in {".", "!", "?", '"', "”"}


def heads_a_headline(verb: Token) -> bool:
    """ "Opposition leader arrested in Kampala": the tagger hangs a headline's passive on its
    subject as a participle; on the root noun of a headline with no verb, it is the act the
    headline tells, not a description of the noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT":
        return False
    return verb.head.i < verb.i and is_headline(sentence_of(verb))


def is_headline_participle(verb: Token) -> bool:
    """Rule "a-headline-participle-is-passive": "Man arrested over stabbing in Leeds", "Teen
    held after school shooting": headlines drop the auxiliary of a passive, and the tagger then
    reads the one acted on as the subject (or the participle as a past tense: "Journalist
    detained in Algiers"). Headlines tell what actors did in the present tense ("Police arrest
    30"), so a past form heading a headline (a few words, no closing mark) with a subject, no
    auxiliary and no object is a passive: its subject is the one it was done to."""
    if not is_headline(sentence_of(verb)) or verb.tag_ not in {"VBN", "VBD"} or verb.dep_ != "ROOT":
        return False
    children = list(children_of(verb))
    if any(c.dep_ in {"aux", "auxpass", "dobj"} for c in children):
        return False
    return any(c.dep_ == "nsubj" for c in children)


def misread_modifier_subject(verb: Token) -> Token | None:
    """The subject of a verb read as a modifier (see ``read_as_modifier``): the noun before it
    in the phrase the parser built ("Russia" of "Russia's military accused"), or None."""
    before = [
        c
        for c in children_of(verb.head)
        if c.i < verb.i and c.pos_ in {"NOUN", "PROPN"} and c.dep_ in {"poss", "compound", "nmod"}
    ]
    return before[-1] if before else None


def stray_subject(verb: Token) -> Token | None:
    """ "Hamas freed three women and Israel released 90 prisoners": the parser hangs "Israel"
    on "women" as a conjunct; a name right after "and" and right before a coordinated verb
    that has no subject of its own is that verb's subject."""
    if any(c.dep_ in SUBJECT_DEPS for c in children_of(verb)):
        return None
    misread = misread_acronym_subject(verb)
    if misread is not None:
        return misread
    marked = _subject_on_the_marker(verb)
    if marked is not None:
        return marked
    if read_as_modifier(verb):
        return misread_modifier_subject(verb)
    if read_as_participle(verb):
        return verb.head
    if verb.dep_ != "conj" or verb.i < 2:
        return None
    before, joiner = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if before.dep_ != "conj" or before.pos_ not in {"PROPN", "NOUN"} or before.head.i >= verb.i:
        return None
    return before if joiner.lower_ in {"and", "but", "while"} else None


def _subject_on_the_marker(verb: Token) -> Token | None:
    """Rule subject-on-the-marker: "expelled the ambassador after the Netherlands barred a
    minister": the parser reads "after" as a preposition and hangs the subordinate clause's
    subject on it; a name or noun there, before the clause's verb, is the verb's subject."""
    for mark in children_of(verb):
        if mark.dep_ != "mark" or mark.i > verb.i:
            continue
        for noun in children_of(mark):
            if noun.dep_ == "pobj" and noun.pos_ in {"PROPN", "NOUN", "PRON"} and noun.i < verb.i:
                return noun
    return None


def held_to_account(preposition: Token, lexicon: Lexicon) -> Token | None:
    """The verb that holds someone to account for what the phrase names: "for" after any verb
    ("detained X for", "thanked X for", "blamed X for"), "of" after a verb of charging
    ("accused X of", "suspected of"), also when parsed onto the verb's agent ("is being
    accused by Kurdish forces of carrying out")."""
    head = preposition.head
    if preposition.lower_ == "for":
        return head if head.pos_ == "VERB" else None
    if preposition.lower_ != "of":
        return None
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        head = head.head.head
    return head if head.pos_ == "VERB" and head.lemma_ in lexicon.words("charging_verbs") else None


def _quoted_as(as_word: Token, lexicon: Lexicon) -> Token | None:
    """Rule "quoted-as-saying": "the BBC cited X as saying", "Reuters quoted an official as
    saying": the one quoted speaks, not the outlet quoting them. The quoting verb is the one
    before "as" whose object comes before it (the parser may hang "as" on a later clause)."""
    before = [
        t
        for t in sentence_of(as_word)
        if t.i < as_word.i and lemma_of(t, lexicon) in lexicon.words("quoting_verbs")
    ]
    for verb in reversed(before):
        quoted = next((c for c in children_of(verb) if c.dep_ == "dobj" and c.i < as_word.i), None)
        if quoted is not None:
            return quoted
    return None


def named_after_a_split_descriptor(subject: Token) -> Token | None:
    """Rule "split-subject": a clause has one subject, so when the parser gives its verb a
    common noun and then a name right after it as two ("Sudan's paramilitary Rapid Support
    Forces attacked", "IGAD mediator Seyoum Mesfin said", "The news agency AFP has placed"),
    the description (a bare noun, or a word the tagger misread, with nothing after it) is
    the name's, and the name is the subject. None otherwise."""
    if subject.pos_ in {"PROPN", "PRON"} or subject.right_edge.i != subject.i:
        return None  # "The arrests of opposition leaders Leopoldo Lopez ... came": two nouns
    after = subject.right_edge.i + 1
    doc = subject.doc
    if after < len(doc) and doc[after].text == ",":
        after += 1  # "State Department spokesman, Sean McCormack said"
    for other in children_of(subject.head):
        if other.i > subject.i and other.dep_ == subject.dep_ and other.pos_ == "PROPN":
            return other if other.left_edge.i == after else None
    return None


def subject_of(verb: Token, lexicon: Lexicon, depth: int = 0) -> Token | None:
    """The subject of a verb, climbing through participles, conjuncts and control verbs."""
    for child in children_of(verb):
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return named_after_a_split_descriptor(child) or child
    if (stray := stray_subject(verb)) is not None:
        return stray
    for aux in children_of(verb):  # "The US has been encouraging", parsed with the subject
        if aux.dep_ == "aux":  # on the auxiliary
            subject = next((c for c in children_of(aux) if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None:
                return subject
    if depth > 4:
        return None
    head = verb.head
    if head == verb:
        return None
    if verb.dep_ == "xcomp" and lemma_of(head, lexicon) not in lexicon.words("instrument_verbs"):
        for child in children_of(head):  # "urged the army to withdraw": the army withdraws
            if child.dep_ == "dobj":
                return child
    if verb.dep_ == "pcomp" and head.lower_ == "by" and head.head.pos_ == "VERB":
        # "criticized the US for encouraging war by supplying weapons": the means is done by
        # whoever does the act it is the means of, the reason's when the parser hangs both on
        # the verb of the judgement
        reason = next(
            (
                c
                for p in children_of(head.head)
                if p.dep_ == "prep" and p.lower_ == "for" and p.i < head.i
                for c in children_of(p)
                if c.dep_ == "pcomp"
            ),
            None,
        )
        return subject_of(reason or head.head, lexicon, depth + 1)
    if verb.dep_ == "pcomp" and head.lower_ == "as" and (quoted := _quoted_as(head, lexicon)):
        return quoted
    holder = held_to_account(head, lexicon) if verb.dep_ == "pcomp" else None
    if holder is not None:
        # "detained 15 activists for holding a rally", "thanked Qatar for mediating", "accused
        # Turkey of carrying out an attack", "was accused of launching": what the object (or
        # the passive subject) is held to account, or thanked, for is its own act
        done_by = next((c for c in children_of(holder) if c.dep_ in {"dobj", "nsubjpass"}), None)
        if done_by is not None:
            return done_by
    if (
        verb.dep_ == "acl"
        and head.lemma_.lower() in lexicon.words("document_nouns")
        and head.head.pos_ == "VERB"
    ):
        return subject_of(head.head, lexicon, depth + 1)  # "X issued a statement demanding ...": X
    if verb.dep_ == "acl" and is_to_infinitive(verb):
        owner = next((c for c in children_of(head) if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ in {"PROPN", "NOUN"}:
            # "welcomed Campaore's decision to withdraw ...": the owner of the decision acts
            return owner
    if verb.dep_ in {"acl", "relcl"} and head.pos_ == "NOUN" and is_to_infinitive(verb):
        # "converged for a rally to protest ...": the rally's people protest
        carrier = head.head.head if head.dep_ == "pobj" else head.head
        if head.dep_ in {"pobj", "dobj"} and carrier.pos_ in {"VERB", "AUX"}:
            return subject_of(carrier, lexicon, depth + 1)
    if verb.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:
        return head
    if verb.dep_ in CLIMB_DEPS - {"ccomp"}:
        return subject_of(head, lexicon, depth + 1)
    return None


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb ("was indicted by the court")."""
    for child in children_of(verb):
        if child.dep_ == "agent":
            for pobj in children_of(child):
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def statement_author(verb: Token, lexicon: Lexicon) -> Token | None:
    """Rule "said-in-a-statement-by": a passive said "in a statement by X" ("the deal was
    condemned in a joint statement by Egypt, Greece and Cyprus") has X as its agent."""
    for document in objects_of_preposition(verb, "in"):
        if document.lemma_.lower() in lexicon.words("statement_nouns"):
            authors = objects_of_preposition(document, "by")
            if authors:
                return authors[0]
    return None


CONJUNCT_LINK = frozenset({"conj"})
CLAUSE_LINKS = frozenset({"conj", "xcomp"})  # the clause a verb belongs to


def top_of_chain(token: Token, links: frozenset[str] = CONJUNCT_LINK) -> Token:
    """The word a chain of these relations hangs from: a conjunct's first conjunct ("would halt
    ... and would lift": halt), or through ``links`` such as xcomp ("are to withdraw")."""
    while token.dep_ in links and token.head != token:
        token = token.head
    return token


def objects_of_preposition(token: Token, preposition: str) -> list[Token]:
    """The objects of one preposition hanging on a word ("opposed to X": X)."""
    return [
        pobj
        for child in children_of(token)
        if child.dep_ == "prep" and child.lower_ == preposition
        for pobj in children_of(child)
        if pobj.dep_ == "pobj"
    ]


# What a participle's "it" can stand for, after the verb it hangs on: "commented on the
# agreement, calling it ...", "was angry about the move, calling it ..."; never a time ("welcomed
# the truce on Friday, calling it ...": the truce) nor a place ("at the UN").
TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "against"})


def object_it_stands_for(pronoun: Token) -> Token | None:
    """Rule it-is-the-object-before: an object "it" of a participle clause that hangs on a verb
    and has no subject of its own ("expelling the U.S. Agency for International Development,
    accusing it of interfering", "commented on the border agreement, calling it null and
    void") stands for what that verb acts on: its direct object, else the object of a topic
    preposition ("on", "about"). The participle's own subject is the verb's, so "it" is never
    that (it would say "itself")."""
    clause = pronoun.head
    if pronoun.lower_ != "it" or pronoun.dep_ != "dobj" or clause.tag_ != "VBG":
        return None
    if clause.dep_ != "advcl" or any(c.dep_ in SUBJECT_DEPS for c in children_of(clause)):
        return None
    verb = clause.head
    before = [c for c in children_of(verb) if c.i < clause.i]
    direct = [c for c in before if c.dep_ == "dobj" and c.pos_ != "PRON"]
    topics = [
        pobj
        for child in before
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS
        for pobj in children_of(child)
        if pobj.dep_ == "pobj" and pobj.pos_ != "PRON" and pobj.ent_type_ not in {"DATE", "TIME"}
    ]
    found = direct or topics
    return found[0] if found else None


def is_conditional_clause(clause: Token) -> bool:
    """An "if"/"unless" clause, an inverted one ("should it refuse"), or an "until" clause of
    a future act ("would keep fighting until the RSF laid down its arms")."""
    children = list(children_of(clause))
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return True
    if _until_of_a_future_act(clause):
        return True
    auxes = [c for c in children if c.dep_ == "aux" and c.lower_ in {"should", "were", "had"}]
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    return bool(auxes and subjects and auxes[0].i < subjects[0].i)


UNTIL_MARKS = {"until", "till"}


def _until_of_a_future_act(clause: Token) -> bool:
    """Rule "until-a-future-end-is-a-condition": what an act to come is to last until is the
    condition that ends it, not an act ("We will fight until the last rebel is defeated");
    after a past act ("fighting went on until troops withdrew") it is one."""
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in UNTIL_MARKS for c in children_of(clause)
    ):
        return False
    head = top_of_chain(clause.head, CLAUSE_LINKS)
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children_of(head))


def is_purpose_clause(verb: Token) -> bool:
    """ "sent inspectors to Iran to investigate": an infinitive stating another act's aim."""
    return verb.dep_ in {"advcl", "xcomp"} and is_to_infinitive(verb) and verb.head.pos_ == "VERB"


def depth_of(token: Token) -> int:
    """How far a token is below its sentence's root."""
    heads = head_offsets(token.doc)  # kept on the doc: no Token made per step
    at, depth = token.i, 0
    while heads[at] != at:
        at, depth = heads[at], depth + 1
    return depth


def phrase(token: Token) -> str:
    """A noun phrase's words, up to a comma (no appositives or relative clauses)."""
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return span.text.split(",")[0].strip()


def reciprocal_object(verb: Token, lexicon: Lexicon) -> Token | None:
    """The reciprocal the verb is done to: "accused each other", "blamed one another", "each
    side accuses the other", "fired at each other"; None when it has none."""
    objects = [c for c in children_of(verb) if c.dep_ in {"dobj", "dative"}]
    if verb.lemma_.lower() in {"trade", "exchange"}:
        traded = [o for o in objects if o.lemma_.lower() in lexicon.words("traded_words")]
        if traded:  # "traded accusations": each side's at the other
            return traded[0]
    for preposition in (c for c in children_of(verb) if c.dep_ == "prep"):
        objects += [o for o in children_of(preposition) if o.dep_ == "pobj"]
    for word in objects:
        determiners = {c.lower_ for c in children_of(word) if c.dep_ == "det"}
        if word.lower_ == "other" and determiners & {"each", "the"}:
            return word
        if word.lower_ == "one" and "another" in determiners:
            return word
    return None


# Words that open an indirect question ("whether it would retaliate", "whom they would
# support"); "when" and "where" are left out ("announced when talks would resume" tells talks).
QUESTION_WORDS = {"whether", "who", "whom", "what", "which", "how", "why"}


def is_indirect_question(verb: Token) -> bool:
    """Whether a verb heads the content of another verb that is an indirect question: the
    first word of its clause is a question word ("did not say whether Iran would respond")."""
    if verb.dep_ != "ccomp":
        return False
    first = verb.doc[verb.left_edge.i]
    return first.lower_ in QUESTION_WORDS
