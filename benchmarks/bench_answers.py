"""The answer bank's matching, measured on its own ways of asking, each left out in turn.

    python -m benchmarks.bench_answers

For every way of asking an answer, the question is matched within its answer's topic, as the bot does,
with that way of asking passed over and its words the bank has nowhere else dropped, as unknown words
are. Other words keep the weights the whole bank gives them: rebuilding the index for each of ~4,000
asks took over twenty minutes, and one ask moves those weights very little (on the 2,191 asks of
2026-12-05 both ways gave 45-47% specific, 91% right). Prints, for the bars in bot/answer_bank.py and
a few others, how often an answer is given and how often it is the one the question was written for.
Asserts nothing.
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


if __name__ == "__main__":
    main()
