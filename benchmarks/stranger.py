"""The stranger set: messages written by people who never saw our examples, the model or the code.

    python -m benchmarks.stranger sheet OUT.md 240 1/2   # a fixed sample of 240, the first half, for one judge
    python -m benchmarks.stranger score RATINGS...       # the judges' 0/1/2 ratings ("N: R" lines), summed up

`tests/stranger/*.jsonl` holds the messages and the labels their writers gave them before any
model saw them. Nothing trains on them and no model is chosen by them (the classifier is chosen by
cross-validation on `knowledge/examples/`); they only measure. `bench_understanding` prints the
label accuracy on them; a blind judge rates the replies (see the README's "Understanding").
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.conversation import Advisor
from bot.profiles import ProfileStore
from bot.render import plain_text
from bot.understand import Parsed, understand
from knowledge import Knowledge, load_knowledge

STRANGER_DIR = Path(__file__).resolve().parents[1] / "tests" / "stranger"

CORE_FRAMES = frozenset({"average", "compare", "score_check", "score_fit", "study_plan", "log_progress"})
"""The product's main road: these readings must never fail."""


class StrangerMessage(BaseModel):
    """One labelled message, as its writer labelled it (the writers' schema, not the corpus's)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    intent: str
    topic: str | None = None
    specialties: list[str] = []
    score: int | None = None
    step1: int | None = None
    quoted: list[int] = []
    feeling: str | None = None
    crisis: bool = False
    stage: str | None = None
    school: Literal["us_md", "do", "img"] | None = None
    good_reply: str = ""


def load_stranger(folder: Path = STRANGER_DIR) -> list[StrangerMessage]:
    """Every message in the set; a malformed line is an error naming its file and line."""
    messages = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                messages.append(StrangerMessage.model_validate_json(line))
            except ValidationError as err:
                raise ValueError(f"{path.name}, line {number}: {err.errors()[0]['msg']}") from err
    return messages


@dataclass(frozen=True)
class Marks:
    """Which parts of one message the bot read as its writer labelled it."""

    intent: bool
    topic: bool
    score: bool
    specialties: bool

    @property
    def whole(self) -> bool:
        """Every part right."""
        return self.intent and self.topic and self.score and self.specialties


def marks(message: StrangerMessage, parsed: Parsed) -> Marks:
    """Compare one reading with its labels (the topic only counts where the label is a FAQ)."""
    named = set(parsed.specialties) | set(parsed.other_specialties)
    return Marks(
        intent=parsed.intent == message.intent,
        topic=message.intent != "faq" or parsed.topic == message.topic,
        score=parsed.score == message.score if message.score is not None or parsed.own else True,
        specialties=named == set(message.specialties),
    )


def report(knowledge: Knowledge, messages: Sequence[StrangerMessage], show: int = 0) -> None:
    """Print the label accuracy, the core frames, and the crisis figures on the stranger set."""
    if not messages:
        print(f"stranger set: none found in {STRANGER_DIR}")
        return
    totals: Counter[str] = Counter()
    frames = frames_right = crisis = caught = false_alarms = stress = 0
    misses = []
    for m in messages:
        parsed = understand(m.text, knowledge)
        got = marks(m, parsed)
        for name in ("intent", "topic", "score", "specialties", "whole"):
            totals[name] += getattr(got, name)
        if m.intent in CORE_FRAMES:
            frames += 1
            frames_right += got.intent and got.score and got.specialties
        if m.crisis:
            crisis += 1
            caught += parsed.feeling == "hopeless"
        else:
            stress += m.feeling is not None
            false_alarms += parsed.feeling == "hopeless"
        if not got.whole:
            misses.append((m, parsed))
    n = len(messages)
    print(
        f"stranger set n={n}: intent {totals['intent'] / n:.1%}  topic {totals['topic'] / n:.1%}  "
        f"score {totals['score'] / n:.1%}  specialty {totals['specialties'] / n:.1%}  "
        f"whole {totals['whole'] / n:.1%}   (target whole >= 95%)"
    )
    print(f"  core frames read right: {frames_right} of {frames} ({frames_right / max(frames, 1):.1%}; target 100%)")
    print(
        f"  crisis caught: {caught} of {crisis} (target all); "
        f"crisis reply to a message that is not a crisis: {false_alarms} of {n - crisis} "
        f"({stress} of them with an ordinary feeling; target 0)"
    )
    for m, parsed in misses[:show]:
        print(
            f"   miss: {m.text[:110]!r}\n         want {m.intent}/{m.topic}/{m.score}/{m.specialties}"
            f" got {parsed.intent}/{parsed.topic}/{parsed.score}/{[*parsed.specialties, *parsed.other_specialties]}"
        )


def replies(knowledge: Knowledge, messages: Sequence[StrangerMessage]) -> list[str]:
    """The bot's reply to each message as a new student would see it: plain text, then the buttons."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        advisor = Advisor(knowledge, ProfileStore.in_dir(Path(tmp)))
        for user, m in enumerate(messages, 1):
            reply = advisor.handle(user, m.text).reply
            buttons = " | ".join(b.label for row in reply.buttons for b in row)
            shown = plain_text(reply.html)
            out.append(f"{shown}\n[buttons: {buttons}]" if buttons else shown)
            if reply.chart is not None:
                out[-1] += "\n[a chart picture is attached]"
    return out


def sample(messages: Sequence[StrangerMessage], size: int, seed: int = 13) -> list[int]:
    """A fixed random choice of message numbers (1-based), the same for every version judged."""
    numbers = list(range(1, len(messages) + 1))
    random.Random(seed).shuffle(numbers)  # an order, not a secret
    return sorted(numbers[:size])


def write_sheet(path: Path, knowledge: Knowledge, messages: Sequence[StrangerMessage], numbers: Sequence[int]) -> None:
    """A sheet for a blind judge: the chosen messages, each with the bot's reply, in a shuffled order."""
    chosen = [messages[n - 1] for n in numbers]
    pairs = list(zip(numbers, chosen, replies(knowledge, chosen), strict=True))
    random.Random(len(pairs)).shuffle(pairs)
    blocks = [f"## {number}\n\n**Student:**\n{m.text}\n\n**Bot:**\n{reply}\n" for number, m, reply in pairs]
    path.write_text("\n".join(blocks), encoding="utf-8")


_RATING_RE = re.compile(r"^\s*#*\s*(\d+)\s*[:,\t=-]\s*([012])\b")


def score_ratings(paths: Sequence[Path], messages: Sequence[StrangerMessage]) -> None:
    """Sum up judges' ratings: lines "N: R" (message number, rating 0/1/2), from one file per judge."""
    ratings: dict[int, int] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            found = _RATING_RE.match(line)
            if found:
                ratings[int(found.group(1))] = int(found.group(2))
    if not ratings:
        print("no ratings found (lines like '17: 2')")
        return
    counts = Counter(ratings.values())
    n = len(ratings)
    print(
        f"judged {n} of {len(messages)} replies: fully helpful (2) {counts[2]} ({counts[2] / n:.1%}, target >= 70%), "
        f"partly (1) {counts[1]}, misses (0) {counts[0]} ({counts[0] / n:.1%}, target <= 5%); "
        f"mean {sum(ratings.values()) / n:.2f} of 2"
    )
    frames = [i for i, m in enumerate(messages, 1) if m.intent in CORE_FRAMES and i in ratings]
    if frames:
        print(
            f"  core-frame messages: mean {sum(ratings[i] for i in frames) / len(frames):.2f} of 2 over {len(frames)}"
        )


def main(argv: Sequence[str] = sys.argv[1:]) -> int:
    """`sheet OUT [SIZE [PART/PARTS]]` or `score RATINGS...`."""
    if len(argv) < 2 or argv[0] not in {"sheet", "score"}:
        print(__doc__)
        return 2
    messages = load_stranger()
    if argv[0] == "score":
        score_ratings([Path(a) for a in argv[1:]], messages)
        return 0
    numbers = sample(messages, int(argv[2])) if len(argv) > 2 else list(range(1, len(messages) + 1))
    if len(argv) > 3:  # "1/2": the first of two equal parts, one per judge
        part, parts = (int(x) for x in argv[3].split("/"))
        numbers = numbers[part - 1 :: parts]
    write_sheet(Path(argv[1]), load_knowledge(), messages, numbers)
    print(f"wrote {len(numbers)} message/reply pairs to {argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
