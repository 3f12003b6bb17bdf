"""Whose number, which field: readings on the fresh sets in `tests/fresh/` (neither trained on).

    python -m benchmarks.bench_whose [--show]

For each set, how many messages get the fields weighed, the score, its owner and no other number taken as theirs
right, and all four at once. `--show` lists the misread ones. Asserts nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.understand import Parsed, understand
from knowledge import Knowledge, load_knowledge

FRESH_DIR = Path(__file__).resolve().parents[1] / "tests" / "fresh"


class WhoseMessage(BaseModel):
    """One labelled message, as its writer labelled it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    specialties: list[str]
    own_ck: int | None = None
    asked_ck: int | None = None
    practice: list[int] = []
    not_theirs: list[int] = []
    good_reply: str = ""


def marks(message: WhoseMessage, parsed: Parsed) -> dict[str, bool]:
    """Which of the four readings match the writer's labels."""
    wanted = message.own_ck or message.asked_ck
    score = parsed.score == wanted
    return {
        "fields": set(parsed.specialties) == set(message.specialties),
        "score": score,
        # their own when they told it as theirs, and only then (judged only where the score itself is right)
        "owner": not score or (parsed.own and not parsed.hypothetical) == (message.own_ck is not None),
        "no other number": parsed.score in (None, wanted)
        or parsed.score not in (*message.not_theirs, *message.practice),
    }


def report(knowledge: Knowledge, path: Path, show: bool) -> None:
    """Print one set's counts (and its misreadings with `show`)."""
    messages = [WhoseMessage.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line]
    counts = {"fields": 0, "score": 0, "owner": 0, "no other number": 0, "all": 0}
    for m in messages:
        parsed = understand(m.text, knowledge)
        got = marks(m, parsed)
        for name, right in got.items():
            counts[name] += right
        counts["all"] += all(got.values())
        if show and not all(got.values()):
            print(
                f"  {m.text[:160]!r}\n    wanted {m.specialties} own {m.own_ck} asked {m.asked_ck}; read "
                f"{list(parsed.specialties)} score {parsed.score} own {parsed.own} quoted {list(parsed.quoted)}"
            )
    n = len(messages)
    print(f"{path.name}: {n} messages; " + ", ".join(f"{name} {c}/{n}" for name, c in counts.items()))


def main(argv: Sequence[str] = sys.argv[1:]) -> None:
    """Report every fresh set of whose number, which field."""
    knowledge = load_knowledge()
    for path in sorted(FRESH_DIR.glob("whose_*.jsonl")):  # the crisis sets beside them have their own benchmark
        report(knowledge, path, "--show" in argv)


if __name__ == "__main__":
    main()
