"""Nothing a student reads copies the seed article: no run of 8 words is shared with it.

The seed lives outside the repo (`../shared/sources`, or SEED_SOURCES_DIR), so a fresh clone
checks against a committed fingerprint instead: hashes of every 8-word run of the seed, which
cannot be read back into its text. When the seed is present, the fingerprint is checked
against it too, so it can't go stale. Regenerate it after the seed changes with:

    SEED_SOURCES_DIR=../shared/sources .venv/bin/python -m tests.test_seed_copying
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from knowledge import Knowledge, load_knowledge
from tests.bot_process import REPO

RUN = 8
"""Words in a row that count as copying."""
FINGERPRINT = Path(__file__).with_name("seed_fingerprint.txt")
SEED_DIR = Path(os.environ.get("SEED_SOURCES_DIR") or REPO.parent / "shared" / "sources")
NOT_SEED = {"README.md"}
"""Files in the sources folder that are ours (a description of the seed), not the seed."""


def words(text: str) -> list[str]:
    """Lower-case words, with curly apostrophes straightened, ignoring punctuation and markup."""
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))


def runs(text: str) -> Iterator[str]:
    """Every RUN-word run of `text`, as one space-joined string."""
    found = words(text)
    for i in range(len(found) - RUN + 1):
        yield " ".join(found[i : i + RUN])


def digest(run: str) -> str:
    return hashlib.sha256(run.encode()).hexdigest()[:16]


def seed_files(folder: Path = SEED_DIR) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in NOT_SEED)


def fingerprint_of(files: Iterable[Path]) -> set[str]:
    return {digest(r) for path in files for r in runs(path.read_text(encoding="utf-8", errors="replace"))}


def committed_fingerprint() -> set[str]:
    lines = FINGERPRINT.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def write_fingerprint() -> None:
    """Rewrite the committed fingerprint from the seed (run when the seed changes)."""
    hashes = sorted(fingerprint_of(seed_files()))
    header = [
        f"# sha256[:16] of every {RUN}-word run of the seed in ../shared/sources (tests/test_seed_copying.py).",
        "# Hashes only: the seed's text can't be recovered from them.",
    ]
    FINGERPRINT.write_text("\n".join(header + hashes) + "\n", encoding="utf-8")


def student_texts(knowledge: Knowledge) -> dict[str, str]:
    """Everything a student can read: knowledge records and the reply strings in the bot's code."""
    texts: dict[str, str] = {}
    for entry in knowledge.faq.values():
        texts[f"faq {entry.topic}"] = f"{entry.title}\n{entry.answer}"
    texts |= {f"fact {f.id}": f.text for f in knowledge.facts.values()}
    texts |= {f"tip {t.id}": t.text for t in knowledge.tips}
    texts |= {f"encouragement {e.id}": e.text for e in knowledge.encouragements}
    for other in knowledge.other_specialties.values():
        texts[f"note {other.id}"] = other.match_note or ""
    for module in sorted((REPO / "bot").rglob("*.py")):  # packages too: the plan's replies are in bot/plans
        name = module.relative_to(REPO / "bot").as_posix()
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts[f"{name}:{node.lineno}"] = texts.get(f"{name}:{node.lineno}", "") + node.value
    return texts


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return student_texts(load_knowledge())


def test_no_student_text_shares_a_run_with_the_fingerprint(texts: dict[str, str]) -> None:
    seed = committed_fingerprint()
    assert len(seed) > 1000  # the real seed, not an empty file
    copied = {where: [r for r in runs(text) if digest(r) in seed] for where, text in texts.items()}
    assert {where: found for where, found in copied.items() if found} == {}


needs_seed = pytest.mark.skipif(
    not SEED_DIR.is_dir(),
    reason=f"the seed article isn't here ({SEED_DIR}); the committed fingerprint still guards against copying",
)


@needs_seed
def test_the_fingerprint_is_the_seeds() -> None:
    assert committed_fingerprint() == fingerprint_of(seed_files()), "seed changed: regenerate the fingerprint"


@needs_seed
def test_no_student_text_shares_a_run_with_the_seed_itself(texts: dict[str, str]) -> None:
    seed = {r for path in seed_files() for r in runs(path.read_text(encoding="utf-8", errors="replace"))}
    copied = {where: sorted(set(runs(text)) & seed) for where, text in texts.items()}
    assert {where: found for where, found in copied.items() if found} == {}


@pytest.mark.parametrize(
    ("ours", "shared"),
    [
        ("Programs read the whole application, not just the number.", 2),
        ("We think PROGRAMS read the whole   application; not just the number!", 2),
        ("programs read the whole application, not just the", 1),
        ("read the whole application, not just the", 0),  # 7 words: allowed
        ("It’s one part of the application, not a verdict on it.", 0),
    ],
)
def test_runs_of_eight_words_are_caught_whatever_the_case_or_punctuation(ours: str, shared: int) -> None:
    source = "Remember: programs read the whole application, not just the number, every year."
    assert len(set(runs(ours)) & set(runs(source))) == shared


if __name__ == "__main__":
    write_fingerprint()
    print(f"wrote {FINGERPRINT}")
