"""Crisis or not, on the hard fresh sets in `tests/fresh/` (never trained on).

    python -m benchmarks.bench_crisis [--show]

For each set: how many crises get the crisis reply (the "hopeless" reading), and how many messages that are no crisis
(dark humour, exam content, a loss, plain stress) get it too. `--show` lists the wrong ones. Asserts nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.understand import understand
from knowledge import Knowledge, load_knowledge

FRESH_DIR = Path(__file__).resolve().parents[1] / "tests" / "fresh"
SETS = (
    ("crisis_dev.jsonl", "studied"),
    ("crisis_probes.jsonl", "a reviewer's probes against the rules, studied"),
    ("crisis_probes2.jsonl", "a second reviewer's probes against the revised rules, studied"),
    ("crisis_dev2.jsonl", "held out until read once at the forty-first stop, then studied"),
    ("crisis_held.jsonl", "held out, read for counts only"),
    ("crisis_held2.jsonl", "held out, read for counts only"),
)


class CrisisMessage(BaseModel):
    """One labelled message, as its writer labelled it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    label: Literal["crisis", "not_crisis"]
    why: str = ""
    lang: str = "en"


def load(path: Path) -> list[CrisisMessage]:
    """A set's messages, validated."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [CrisisMessage.model_validate_json(line) for line in lines if line.strip()]


def wrong(knowledge: Knowledge, messages: Sequence[CrisisMessage]) -> tuple[list[CrisisMessage], list[CrisisMessage]]:
    """The crises missed and the false alarms."""
    missed, alarms = [], []
    for m in messages:
        caught = understand(m.text, knowledge).feeling == "hopeless"
        if m.label == "crisis" and not caught:
            missed.append(m)
        elif m.label == "not_crisis" and caught:
            alarms.append(m)
    return missed, alarms


def main(argv: Sequence[str] = sys.argv[1:]) -> None:
    """Print each set's figures."""
    knowledge = load_knowledge()
    for name, kind in SETS:
        messages = load(FRESH_DIR / name)
        missed, alarms = wrong(knowledge, messages)
        crises = sum(m.label == "crisis" for m in messages)
        others = [m for m in messages if m.label != "crisis"]
        other_lang = [m for m in messages if m.label == "crisis" and m.lang != "en"]
        print(
            f"{name} ({kind}): crisis caught {crises - len(missed)} of {crises} "
            f"(in other languages {len(other_lang) - sum(m.lang != 'en' for m in missed)} of {len(other_lang)}); "
            f"crisis reply to {len(alarms)} of {len(others)} that are not a crisis   (target: all, and 0)"
        )
        if "--show" in argv:
            for tag, group in (("missed", missed), ("false alarm", alarms)):
                for m in group:
                    print(f"  {tag} [{m.lang}] {m.text[:160]!r}")


if __name__ == "__main__":
    main()
