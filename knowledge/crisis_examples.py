"""Messages labelled crisis or not, which teach the understanding model's crisis head.

`knowledge/crisis/*.jsonl`, one message per line: `text`; `label`, "crisis" (hopelessness, suicidal thinking or
self-harm a counsellor would act on, mostly said indirectly) or "not_crisis" (messages that share its words or mood:
dark exam humour, exam content about suicide or overdoses, someone else's crisis or loss, plain stress); `why`, a
few words; `lang`, the language's ISO code. Written at the forty-second stop by seven helpers who never saw the code,
the examples or each other's files, 2,600 messages, about a fifth in other languages: a mix (a), long chatty posts
with the sign buried among exam talk (b), short texts at 2am (c), minimal pairs, each crisis beside a look-alike in
the same words (d), international graduates (e), US students at every stage (f), gen-z texting (g).

The phrase rules (`bot.understand.cues`) catch about half of the crises such writers send; the head, learning from
these beside the corpus's examples, catches more (bot/understand/training.py says how its bars were chosen). The
fresh sets in `tests/fresh/` and the stranger set measure it; none of their messages is here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.models import read_jsonl

CRISIS_DIR = Path(__file__).with_name("crisis")


class CrisisExample(BaseModel):
    """One labelled message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    label: Literal["crisis", "not_crisis"]
    why: str = ""
    lang: str = Field(default="en", pattern=r"^[a-z]{2,3}$")

    @property
    def crisis(self) -> bool:
        """Whether a counsellor would meet this message as a crisis."""
        return self.label == "crisis"


def crisis_files(directory: Path = CRISIS_DIR) -> list[Path]:
    """The files, in name order (the order fixes the model's data fingerprint)."""
    return sorted(directory.glob("*.jsonl"))


def load_crisis_examples(directory: Path = CRISIS_DIR) -> list[CrisisExample]:
    """Every labelled message, validated (an unknown key or a bad label is an error naming the file and line; no file
    at all is one too, so a copy of the bot that lost them can't train a head on the corpus alone)."""
    paths = crisis_files(directory)
    if not paths:
        raise ValueError(f"no crisis examples in {directory}: the crisis head learns from them")
    return [example for path in paths for example in read_jsonl(path, CrisisExample)]
