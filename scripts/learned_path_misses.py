"""Why the learned path leaves a "no event" miss unread: per tune miss, the clause that tells it,
the model's reading of that clause and the first gate of ``LearnedPath.propose`` that stops it.

    .venv/bin/python scripts/learned_path_misses.py [--sentences] [--sets news notes police ...]
        [--json FILE] [--model FOLDER] [--news FOLD]

A "no event" miss is an expected event no record reports and no record of any type is told in
its sentences (news: ``evaluate_coverage.miss_reason``; notes: a note with no record at all;
team sentences: a sentence with an expected type and no record). The clause that tells it is,
among the clauses headed by a verb inside its labelled sentence(s) (or the sentence root when
none is), the one the model gives the expected type the most probability. Its gate is the first
of: not a main clause (``main_clauses``), a lexicon trigger heads it (``_rules_read``), an
indirect question, a rule candidate sits in it, a saying verb; the model's reading (another
label, or under the bar of its type); a modality gate (a wished act, a likely act); or the
event rule that dropped the proposed candidate (``Coder(drops=...)``). Tune sets only: the
check folds are read as totals only: ``--news tests/corpus_news/check --sets news`` prints the
table, and ``--sentences`` and ``--json`` are refused on it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from accord import evaluate, evaluate_coverage, evaluate_notes
from accord.extract.events.coder import Coder, Drop
from accord.extract.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from accord.extract.events.modality import is_a_likely_act, is_a_wished_act
from accord.extract.events.syntax import is_indirect_question
from accord.extract.events.triggers import Candidate
from accord.ingest import make_article
from accord.learn.model import EventTypeModel
from accord.learn.path import (
    SAYING_VERBS,
    VERBAL,
    Clause,
    LearnedPath,
    _rules_read,
    clause_at,
    default_learned_path,
    main_clauses,
    own_tokens,
)
from accord.nlp import Document, parse_many
from accord.pipeline import process
from accord.resolve.actors import load_dictionary
from accord.resolve.places import load_gazetteer

NEWS = Path("tests/corpus_news/tune")
NOTES = Path("tests/event_notes/tune.jsonl")
TEAM = {
    "police": sorted(Path("tests/police_sentences").glob("*.txt")),
    "diplomacy": sorted(Path("tests/diplomacy_sentences").glob("*.txt")),
}
PUBLISHED = "2024-05-20"  # as scripts/eval_police_sentences.py
BARS = (0.5, 0.4, 0.3)
AUX = {"aux", "auxpass"}


class RecordingPath(LearnedPath):
    """The shipped path, noting per sentence the tokens the rules' candidates hold."""

    def __init__(self, shipped: LearnedPath) -> None:
        super().__init__(
            shipped.model,
            threshold=shipped.threshold,
            thresholds=shipped.thresholds,
            per_clause=shipped.per_clause,
            weak=shipped.weak,
        )
        self.taken: dict[tuple[int, int], set[int]] = {}
        self.clauses: Counter[str] = Counter()  # every main clause of the fold, by its gate

    def propose(self, sentence: Span, found: Sequence[Candidate], coder: Coder) -> list[Candidate]:
        taken = {t.i for c in found for t in (c.token, c.predicate)}
        self.taken[(id(sentence.doc), sentence.start)] = taken
        clauses = main_clauses(sentence, coder.lexicon)
        for clause in clauses:
            gate = structural_gate(clause, clauses, taken, coder.lexicon)
            self.clauses[gate or self.asked_reading(clause)] += 1
        proposed = super().propose(sentence, found, coder)
        self.clauses["proposed"] += len(proposed)
        return proposed

    def asked_reading(self, clause: Clause) -> str:
        """What the model reads in a clause it is asked about: no event, an event under the
        bar of its type, or one over it."""
        prediction = self.model.predict(clause.text, clause.head_lemma, clause.roles)
        if prediction.label is None:
            return "asked: no event"
        bar = self.thresholds.get(prediction.label, self.threshold)
        return "asked: over the bar" if prediction.probability >= bar else "asked: under the bar"


def structural_gate(
    clause: Clause, clauses: Sequence[Clause], taken: set[int], lexicon: Lexicon
) -> str | None:
    """The gate of ``propose`` that keeps the model from being asked about a main clause."""
    if _rules_read(clause, lexicon):
        return "lexicon trigger heads it"
    if is_indirect_question(clause.head):
        return "indirect question"
    if taken & own_tokens(clause, clauses):
        return "rule candidate in clause"
    if clause.head_lemma in SAYING_VERBS:
        return "saying verb"
    return None


@dataclass(frozen=True)
class Miss:
    source: str
    type: str
    fragments: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    miss: Miss
    clause: str
    head: str
    p_type: float  # the model's probability of the expected type
    label: str | None  # the model's reading
    p_label: float
    gate: str
    asked: bool  # whether propose asks the model about this clause


def news_misses(coder: Coder, fold: Path) -> Iterator[tuple[Miss, Document]]:
    files = evaluate.expected_files([fold])
    readings = [evaluate.load_expected(path) for path in files]
    documents = parse_many(evaluate.articles_beside(files, readings))
    for reading, document, path in zip(readings, documents, files, strict=True):
        extraction = process(document, coder)
        expected_events = reading.get("events", [])
        pairs = evaluate_coverage.one_to_one(expected_events, extraction.events)
        for expected, event in pairs:
            if event is not None:
                continue
            if evaluate_coverage.miss_reason(expected, extraction.events)[0] != "no event":
                continue
            fragments = tuple(evaluate.sentences_of(expected))
            yield Miss(path.name.split(".")[0], expected["type"], fragments), document


def notes_misses(coder: Coder) -> Iterator[tuple[Miss, Document]]:
    notes = evaluate_notes.load_notes(NOTES)
    documents = parse_many(evaluate_notes.note_article(note) for note in notes)
    for note, document in zip(notes, documents, strict=True):
        if process(document, coder).events:
            continue
        for expected in note.events:
            yield Miss(f"note {note.id}", expected["type"], (document.article.text,)), document


def team_misses(coder: Coder, paths: Sequence[Path], name: str) -> Iterator[tuple[Miss, Document]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                category, expected, text = line.split("|", 2)
                if expected != "-":
                    rows.append((f"{name} {path.stem}/{category}", expected, text))
    articles = [make_article(text, published=PUBLISHED) for _, _, text in rows]
    for (source, expected, text), document in zip(rows, parse_many(articles), strict=True):
        if not process(document, coder).events:
            yield Miss(source, expected, (text,)), document


def sentences_holding(document: Document, fragment: str) -> list[tuple[Span, int, int]]:
    """The sentences the fragment lies in, with its character range."""
    start = document.doc.text.find(fragment)
    if start < 0:
        return []
    end = start + len(fragment)
    held = [s for s in document.doc.sents if s.end_char > start and s.start_char < end]
    return [(s, start, end) for s in held]


def heads_in(sentence: Span, start: int, end: int) -> list[Token]:
    """The verbs inside the fragment (an auxiliary only as a clause's head: "is" in "X is
    behind ...", not "would"), or the sentence root when it has none."""
    verbs = [
        t
        for t in sentence
        if start <= t.idx < end and (t.pos_ == "VERB" or (t.pos_ in VERBAL and t.dep_ not in AUX))
    ]
    return verbs or [sentence.root]


def first_gate(
    head: Token, sentence: Span, coder: Coder, path: RecordingPath, drops: Sequence[Drop]
) -> tuple[str, bool]:
    """The first gate of ``propose`` (then of the coder) that stops a reading at ``head``."""
    lexicon = coder.lexicon
    clauses = main_clauses(sentence, lexicon)
    clause = next((c for c in clauses if c.head.i == head.i), None)
    if clause is None:
        return "not a main clause", False
    dropped = [d for d in drops if d.start == head.idx and d.sentence == sentence.text]
    taken = path.taken.get((id(sentence.doc), sentence.start), set())
    gate = structural_gate(clause, clauses, taken, lexicon)
    if gate is not None:
        why = f": a rule's candidate dropped by {dropped[-1].rule}" if dropped else ""
        return gate + (why if gate.startswith("lexicon") else ""), False
    prediction = path.model.predict(clause.text, clause.head_lemma, clause.roles)
    if prediction.label is None:
        return "model: no event", True
    if prediction.probability < path.thresholds.get(prediction.label, path.threshold):
        return "under the bar", True
    candidate = Candidate(token=head, entry=TriggerEntry(type=prediction.label), predicate=head)
    if is_a_wished_act(candidate, lexicon) or is_a_likely_act(candidate, lexicon):
        return "modality gate", True
    if dropped:
        return f"dropped: {dropped[-1].rule}", True
    return "proposed (coded elsewhere)", True


def verdict(
    miss: Miss, document: Document, coder: Coder, path: RecordingPath, drops: Sequence[Drop]
) -> Verdict:
    """The miss's best clause, the model's reading of it and its gate."""
    model: EventTypeModel = path.model
    best: tuple[float, Token, Span] | None = None
    for fragment in miss.fragments:
        for sentence, start, end in sentences_holding(document, fragment):
            for head in heads_in(sentence, start, end):
                clause = clause_at(head, coder.lexicon)
                prediction = model.predict(clause.text, clause.head_lemma, clause.roles)
                p_type = dict(prediction.ranked).get(miss.type, 0.0)
                if best is None or p_type > best[0]:
                    best = (p_type, head, sentence)
    if best is None:
        return Verdict(miss, "", "", 0.0, None, 0.0, "sentence not found", False)
    p_type, head, sentence = best
    clause = clause_at(head, coder.lexicon)
    prediction = model.predict(clause.text, clause.head_lemma, clause.roles)
    gate, asked = first_gate(head, sentence, coder, path, drops)
    label, p_label = prediction.label, prediction.probability
    return Verdict(miss, clause.text, head.text, p_type, label, p_label, gate, asked)


def table(verdicts: Sequence[Verdict]) -> list[str]:
    """Counts: right-type readings at each bar, asked or not, and the gates."""
    lines = [f"no-event misses: {len(verdicts)}"]
    for bar in BARS:
        right = [v for v in verdicts if v.label == v.miss.type and v.p_label >= bar]
        asked = sum(v.asked for v in right)
        lines.append(
            f"  read as its type at >= {bar}: {len(right)} ({asked} asked, "
            f"{len(right) - asked} never asked)"
        )
    lines.append(f"  never asked: {sum(not v.asked for v in verdicts)}")
    for gate, n in Counter(v.gate for v in verdicts).most_common():
        right = sum(v.label == v.miss.type and v.p_label >= 0.5 for v in verdicts if v.gate == gate)
        lines.append(f"    {gate:<72} {n:>4}  (right type >= 0.5: {right})")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=["news", "notes", "police", "diplomacy"])
    parser.add_argument("--sentences", action="store_true", help="list each miss")
    parser.add_argument("--json", type=Path, help="write the verdicts here")
    parser.add_argument("--model", type=Path, help="a model folder (default: the shipped one)")
    parser.add_argument("--news", type=Path, default=NEWS, help="the news fold (default: tune)")
    args = parser.parse_args(argv)
    if evaluate.is_check_fold(args.news) and (args.sentences or args.json):
        raise SystemExit("check folds are read as totals only: no --sentences or --json")
    shipped = default_learned_path()
    assert shipped is not None, "the learned path is turned off in its settings"
    if args.model:
        shipped.model = EventTypeModel.load(args.model)
    path = RecordingPath(shipped)
    drops: list[Drop] = []
    coder = Coder(load_lexicon(), load_dictionary(), load_gazetteer(), model=path, drops=drops)
    everything: list[Verdict] = []
    for name in args.sets:
        if name == "news":
            misses = news_misses(coder, args.news)
        elif name == "notes":
            misses = notes_misses(coder)
        else:
            misses = team_misses(coder, TEAM[name], name)
        verdicts = [verdict(miss, document, coder, path, drops) for miss, document in misses]
        drops.clear()
        everything += verdicts
        print(f"== {name}")
        print("\n".join(table(verdicts)))
        gates = ", ".join(f"{gate} {n}" for gate, n in path.clauses.most_common())
        print(f"  all main clauses of the set, by gate: {gates}")
        path.clauses.clear()
        if args.sentences:
            for v in sorted(verdicts, key=lambda v: (v.gate, v.miss.type)):
                print(
                    f"    {v.miss.type} | {v.gate} | {v.label} {v.p_label:.2f} "
                    f"(p {v.miss.type} {v.p_type:.2f}) | {v.head!r} | {v.miss.source}\n"
                    f"        {v.clause[:200]}"
                )
    if len(args.sets) > 1:
        print("== all sets")
        print("\n".join(table(everything)))
    if args.json:
        rows = [
            {
                "source": v.miss.source,
                "type": v.miss.type,
                "gate": v.gate,
                "asked": v.asked,
                "label": v.label,
                "p_label": round(v.p_label, 3),
                "p_type": round(v.p_type, 3),
                "head": v.head,
                "clause": v.clause,
            }
            for v in everything
        ]
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
