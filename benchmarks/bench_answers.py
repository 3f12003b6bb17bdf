"""The answer bank's matching, measured on its own ways of asking, each left out in turn.

    python -m benchmarks.bench_answers            # the figures below
    python -m benchmarks.bench_answers weights    # the cross-validation that chose the sentences' weight

For every way of asking an answer, the question is matched within its answer's topic, as the bot does,
with that way of asking passed over and its words the bank has nowhere else dropped, as unknown words
are. Other words keep the weights the whole bank gives them: rebuilding the index for each of ~4,000
asks took over twenty minutes, and one ask moves those weights very little (on the 2,191 asks of
2026-12-05 both ways gave 45-47% specific, 91% right). Prints, for the bars in bot/answer_bank.py and
a few others, how often an answer is given and how often it is the one the question was written for.

Then the answer model (bot/answer_model.py) on question sentences from long posts of our development sets
(`knowledge/post_questions.jsonl`: 1,274 sentences, each labelled by a helper with the answer that really answers
it, or none). The model learns from sets ff to kk and rr to uu, so their figures show what it learnt; ll to qq, ac and
ad are held out from its training and from every choice, and are the honest measure.
Asserts nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from bot import answer_model, understand
from bot.answer_bank import AT_LEAST, CLEAR_BY, BankIndex, build_index, general, similarities
from bot.understand.classifier import Model
from bot.understand.training import answer_examples, fit_answer_weights
from bot.understand.vectors import predict
from knowledge import load_knowledge
from knowledge.post_questions import TRAINED_SETS, PostQuestion, load_post_questions, trained_on


def main() -> None:
    """Print the held-out precision and coverage at several bars."""
    knowledge = load_knowledge()
    answers = list(knowledge.answers.values())
    rows: list[tuple[str, float, float]] = []
    index = build_index(answers, knowledge.faq.values())
    first = {owner: index.owner.index(owner) for owner in dict.fromkeys(index.owner)}
    for answer in answers:
        for left_out, ask in enumerate(answer.asks):
            # The question comes first among an answer's asks in the index, then its ways of asking in order.
            found = similarities(ask, index, answer.topic, leave_out=first[answer.id] + 1 + left_out).items()
            scores = sorted(((score, ident) for ident, score in found), reverse=True)
            best, ident = scores[0] if scores else (0.0, general(answer.topic))
            runner_up = scores[1][0] if len(scores) > 1 else 0.0
            verdict = "general" if ident == general(answer.topic) else ("right" if ident == answer.id else "wrong")
            rows.append((verdict, best, best - runner_up))
    print(f"{len(answers)} answers, {len(rows)} ways of asking, each left out in turn (matched within its topic)")
    for at, clear in ((AT_LEAST, CLEAR_BY), (AT_LEAST, 0.0), (AT_LEAST, CLEAR_BY / 2), (0.3, 0.15)):
        given = [v for v, best, margin in rows if v != "general" and best >= at and margin >= clear]
        mark = "  <- the bot's bars" if (at, clear) == (AT_LEAST, CLEAR_BY) else ""
        print(
            f"  at least {at:.2f}, clear by {clear:.2f}: a specific answer for {len(given) / len(rows):.0%} of "
            f"questions (the rest get the topic's own), the right one {given.count('right') / max(len(given), 1):.0%}"
            f" of the time{mark}"
        )
    start = time.perf_counter()
    for _ in range(1000):
        similarities("do programs re-rank applicants on step 2 after interviews?", index, "program_directors")
    print(f"  matching one message within its topic: {(time.perf_counter() - start):.3f} ms")
    _answer_model()


def knowledge_index() -> BankIndex:
    """The bank's index, built once."""
    if not _INDEX:
        knowledge = load_knowledge()
        _INDEX.append(build_index(knowledge.answers.values(), knowledge.faq.values()))
    return _INDEX[0]


_INDEX: list[BankIndex] = []


def _by_topic(sentence: str, loaded: Model, index: BankIndex) -> str | None:
    """The old way: the sentence's likeliest topic if the model is sure of it, then the best ask within it."""
    guess = predict(loaded, sentence, top=1)
    (intent, sure), (topic, topic_sure) = guess.intent[0], guess.topic[0]
    if intent != "faq" or sure < understand.ALSO_AT or topic_sure < 0.35:
        return None
    ranked = sorted(((v, ident) for ident, v in similarities(sentence, index, topic).items()), reverse=True)
    if not ranked or ranked[0][1] == general(topic) or ranked[0][0] < AT_LEAST:
        return general(topic)
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < CLEAR_BY:
        return general(topic)
    return ranked[0][1]


def _answer_model() -> None:
    """Right, wrong and silent answers to labelled question sentences of long posts, at several bars."""
    model = answer_model.answer_model()
    questions = load_post_questions()
    found = [model.likeliest(q.sentence) or ("", 0.0) for q in questions]
    print(f"answer model on {len(questions)} question sentences from development long posts (bar {answer_model.SURE}):")
    held_out = sorted({q.set for q in questions} - TRAINED_SETS)
    for part, trained in (
        (f"sets {', '.join(sorted(TRAINED_SETS))} (trained on)", True),
        (f"sets {', '.join(held_out)} (held out)", False),
    ):
        for bar in (0.2, answer_model.SURE, 0.4, 0.5):
            read = [(q, hit) for q, hit in zip(questions, found, strict=True) if (q.set in TRAINED_SETS) == trained]
            mark = "  <- the bot's bar" if bar == answer_model.SURE else ""
            print(f"  {part}, bar {bar:.2f}: {_tally(read, bar)}{mark}")
    # Before the answer model, a sentence's answer was the understanding model's topic for it (if sure), then
    # the bank's match within that topic, or the topic's general answer.
    loaded = understand.model()
    before = []
    for q in questions:
        got = _by_topic(q.sentence, loaded, knowledge_index())
        before.append((q, (got, 1.0) if got is not None else ("", 0.0)))
    print(f"  before (topic first, then the bank within it), all sets: {_tally(before, 0.5)}")
    start = time.perf_counter()
    for q in questions:
        model.likeliest(q.sentence)
    print(f"  one question sentence: {(time.perf_counter() - start) / len(questions) * 1000:.3f} ms")


def _tally(read: Sequence[tuple[PostQuestion, tuple[str, float]]], bar: float) -> str:
    """Of the sentences the bank can answer, how many got the right answer and how many a wrong one at `bar`; of
    those it can't, how many got one anyway."""
    kept = [(q.answer, ident if p >= bar else None) for q, (ident, p) in read]
    answerable = [(want, got) for want, got in kept if want is not None]
    right = sum(got == want for want, got in answerable)
    wrong = sum(got is not None and got != want for want, got in answerable)
    unanswerable = len(kept) - len(answerable)
    stray = sum(got is not None for want, got in kept if want is None)
    return (
        f"of {len(answerable)} the bank can answer, right {right / max(len(answerable), 1):.0%}, wrong "
        f"{wrong / max(len(answerable), 1):.0%}; of {unanswerable} it can't, answered anyway "
        f"{stray / max(unanswerable, 1):.0%}"
    )


def weights() -> None:
    """The cross-validation that chose `POST_QUESTION_WEIGHT`: trained on half of the trained sets' sentences
    (ff-hh, then ii-kk; chosen before sets rr-uu were written), measured on the other half, for each weight; the
    held-out sets ll-qq take no part. About two minutes a fit."""
    knowledge = load_knowledge()
    everything = load_post_questions()
    questions = trained_on(everything)
    halves = (frozenset({"ff", "gg", "hh"}), frozenset({"ii", "jj", "kk"}))
    for learnt, measured in (halves, halves[::-1]):
        for weight in (0.0, 1.0, 3.0):
            taught = [q for q in questions if q.set in learnt] if weight else []
            vec, clf = fit_answer_weights(answer_examples(knowledge, taught, weight))
            asked = [q for q in everything if q.set in measured]
            probs = clf.predict_proba(vec.transform([q.sentence for q in asked]))
            read = [
                (q, (str(clf.classes_[int(p.argmax())]), float(p.max()))) for q, p in zip(asked, probs, strict=True)
            ]
            name = "-".join(sorted(learnt)[::2])
            print(f"  learnt {name}, weight {weight:g}, bar {answer_model.SURE}: {_tally(read, answer_model.SURE)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["weights"]:
        weights()
    else:
        main()
