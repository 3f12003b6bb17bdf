"""The answer bank's matching, measured on its own ways of asking, each left out in turn.

    python -m benchmarks.bench_answers

For every way of asking an answer, the index is built without it and the question is matched within
its answer's topic, as the bot does. Prints, for the bars in bot/answer_bank.py and a few others, how
often an answer is given and how often it is the one the question was written for. Asserts nothing.
"""

from __future__ import annotations

import time

from bot.answer_bank import AT_LEAST, CLEAR_BY, build_index, general, similarities
from knowledge import load_knowledge


def main() -> None:
    """Print the held-out precision and coverage at several bars."""
    knowledge = load_knowledge()
    answers = list(knowledge.answers.values())
    rows: list[tuple[str, float, float]] = []
    for answer in answers:
        for left_out in range(len(answer.asks)):
            kept = [ask for i, ask in enumerate(answer.asks) if i != left_out]
            index = build_index(
                (b.model_copy(update={"asks": kept}) if b.id == answer.id else b for b in answers),
                knowledge.faq.values(),
            )
            found = similarities(answer.asks[left_out], index, answer.topic).items()
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
    index = build_index(answers, knowledge.faq.values())
    start = time.perf_counter()
    for _ in range(1000):
        similarities("do programs re-rank applicants on step 2 after interviews?", index, "program_directors")
    print(f"  matching one message within its topic: {(time.perf_counter() - start):.3f} ms")


if __name__ == "__main__":
    main()
