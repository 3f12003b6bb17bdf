"""The learned part of understanding: intent, FAQ topic, feeling and crisis, each with a probability.

Trained by `python -m bot knowledge check` (see bot/understand/training.py) with scikit-learn:
TF-IDF over word 1-2-grams and character 3-4-grams; a linear SVM for intent-or-topic whose
margins a fitted temperature turns into probabilities, a logistic regression for feeling, and one
for whether a counsellor would meet the message as a crisis (`knowledge/crisis/`).
The artefact is plain arrays in `knowledge/model/understanding.npz` (vocabulary, idf,
coefficients), loaded without pickle, so nothing executable is ever read from disk; only
numpy runs per message. The same `features` function serves training and prediction, so the
two can never disagree about what a message looks like.
"""

from __future__ import annotations

import itertools
import json
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot import quick_re
from knowledge.corpus import EXAMPLES_DIR, files, fingerprint
from knowledge.crisis_examples import crisis_files
from knowledge.store import DATA_DIR
from knowledge.text import normalize
from knowledge.vocab import VOCAB_FILE

if TYPE_CHECKING:  # numpy loads with the model, off the start-up path (see bot.understand.preload)
    import numpy as np
    import numpy.typing as npt

MODEL_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "model" / "understanding.npz"
"""Inside the package, never a folder the bot writes to (it writes only under BOT_DATA_DIR)."""
HEADS = ("label", "feeling", "crisis")
"""label: an intent, or "faq:<topic>" (one decision, so intent and topic never disagree); crisis: whether a
counsellor would meet the message as a crisis (`knowledge.crisis_examples`), beside the feeling head's "hopeless"."""
FEATURES_VERSION = b"features-v4"
"""Bumped when `features` changes, so an artefact built with the old ones is seen as stale."""
CRISIS = "crisis"
"""The crisis head's label for a crisis (its other label is "no")."""
MAX_CHARS = 1000

_LONG_NUMBER = quick_re.compile(r"\d{2,}")


def _shape(m: re.Match[str]) -> str:
    return "n" + str(min(len(m.group()), 4))  # "248" -> "n3": its size matters, its value doesn't


_SENTENCE_RE = quick_re.compile(r"(?<=[.!?])\s+|\n+")


def _words(text: str) -> list[str]:
    return _LONG_NUMBER.sub(_shape, normalize(text)).split()


def features(text: str, entities: Sequence[str] = ()) -> list[str]:
    """The message as the model sees it.

    Word 1-2-grams and character 3-4-grams within words; in a post of several sentences, the
    words of its questions again, marked ("q ..."), since the question carries the intent
    among the context; and `entities`, tokens for what the rules found ("e score", "e spec2").
    Numbers of two or more digits become their size ("n3"): "got 248" and "got 251" look alike,
    while "step 1" and "step 2" stay apart.
    """
    text = text[:MAX_CHARS]
    words = _words(text)
    out = [f"w {w}" for w in words]
    out += [f"b {a} {b}" for a, b in itertools.pairwise(words)]
    for w in words:
        padded = f" {w} "
        n = len(padded)
        for size in (3, 4):
            out += [padded[i : i + size] for i in range(n - size + 1)]
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    if len(sentences) > 1:
        for sentence in [s for s in sentences if "?" in s] or sentences[-1:]:
            asked = _words(sentence)
            out += [f"q {w}" for w in asked]
            out += [f"qb {a} {b}" for a, b in itertools.pairwise(asked)]
    out += entities
    return out


def entity_tokens(
    *, score: bool, own: bool, range_: bool, bad: bool, practice: bool, step1: bool, specialties: int
) -> list[str]:
    """What the entity rules found, as feature tokens: the model learns how they bear on intent."""
    found = [("e score", score), ("e own", own), ("e range", range_), ("e bad", bad), ("e practice", practice)]
    found += [("e step1", step1), ("e spec1", specialties == 1), ("e spec2", specialties > 1)]
    return [token for token, present in found if present]


def data_digest(examples: Path = EXAMPLES_DIR) -> str:
    """Fingerprint of what the model learns from; cheap (about a megabyte of hashing).

    The example files and the crisis examples; the FAQ phrasings, the answers' ways of asking and the specialty aliases
    (phrasings and asks are training examples, aliases decide the entity tokens), but not the
    answers' texts, sources or averages beside them, so editing those needs no retraining; the
    entity rules' code and word lists; and the feature version.
    """
    here = Path(__file__).parent
    rules = [here / "classifier.py", here / "scores.py", here / "specialties.py", VOCAB_FILE]
    return fingerprint([*files(examples), *crisis_files(), *rules], FEATURES_VERSION + _learned_knowledge())


def _learned_knowledge() -> bytes:
    """The parts of the shipped knowledge files the model learns from, in a stable form."""
    picked: dict[str, object] = {}
    for name, key, learned in (
        ("faq.json", "topic", "phrasings"),
        ("specialties.json", "id", "aliases"),
        ("other_specialties.json", "id", "aliases"),
    ):
        tables = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
        for table in tables.values():
            for record in table.values():
                picked[f"{name}:{record.get(key)}"] = [record.get("name"), record.get(learned)]
    answers = json.loads((DATA_DIR / "answers.json").read_text(encoding="utf-8"))["answers"]
    for record in answers.values():  # each way of asking is an example of the answer's topic
        picked[f"answers.json:{record['id']}"] = [record["topic"], record["question"], record["asks"]]
    return json.dumps(picked, sort_keys=True).encode()


@dataclass(frozen=True)
class Prediction:
    """The likeliest labels of each dimension, best first, with probabilities."""

    intent: tuple[tuple[str, float], ...]
    topic: tuple[tuple[str, float], ...]
    feeling: tuple[tuple[str, float], ...]
    coverage: float = 1.0
    """Share of the message's words the model has seen: gibberish and markup score low."""
    crisis: float = field(kw_only=True)
    """The crisis head's probability that a counsellor would meet the message as a crisis (required: a default would
    switch the head off wherever a Prediction is built without it)."""


@dataclass(frozen=True)
class Model:
    """A trained model as arrays: prediction (bot/understand/vectors.py) is a sparse dot product and a softmax."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]
    """(features, all classes of all heads), feature-major so one message gathers rows."""
    bias: npt.NDArray[np.float32]
    heads: tuple[tuple[str, tuple[str, ...], int], ...]
    """(name, class labels, first column) per head."""
    digest: str
    """Fingerprint of the training data this model was fitted on."""

    def save(self, path: Path = MODEL_FILE) -> None:
        """Write the arrays (no pickled objects) to `path`, and the data stamp beside it."""
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        order = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        arrays: dict[str, npt.NDArray[np.generic]] = {
            "vocabulary": np.array(order, dtype=str),
            "idf": self.idf.astype(np.float32),
            "weights": self.weights.astype(np.float16),  # half precision: a third the size, same argmax
            "bias": self.bias.astype(np.float32),
            "digest": np.array([self.digest], dtype=str),
        }
        for name, labels, _ in self.heads:
            arrays[f"labels_{name}"] = np.array(labels, dtype=str)
        with path.open("wb") as out:
            np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
        stamp_file(path).write_text(json.dumps({"digest": self.digest}) + "\n", encoding="utf-8")


class ModelError(ValueError):
    """The model file is missing or unreadable; the message says what to run."""


def stamp_file(path: Path = MODEL_FILE) -> Path:
    """The small JSON beside the model saying what data it was trained on (read without numpy)."""
    return path.with_suffix(".json")


def stamped_digest(path: Path = MODEL_FILE) -> str:
    """The model's data stamp, cheaply; raises ModelError when the model or its stamp is missing."""
    try:
        with zipfile.ZipFile(path) as z:
            z.namelist()  # a readable archive; the arrays load later, off the start-up path
        return str(json.loads(stamp_file(path).read_text(encoding="utf-8"))["digest"])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zlib.error) as err:  # zlib: a damaged block
        raise ModelError(
            f"the understanding model {path.name} can't be read ({err}); run: python -m bot knowledge train"
        ) from None


def load_model(path: Path = MODEL_FILE) -> Model:
    """Read the arrays back; `allow_pickle=False` means no object in the file can run code."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            vocab = data["vocabulary"].tolist()
            heads: list[tuple[str, tuple[str, ...], int]] = []
            first = 0
            for name in HEADS:
                labels = tuple(data[f"labels_{name}"].tolist())
                heads.append((name, labels, first))
                first += len(labels)
            return Model(
                vocabulary={f: i for i, f in enumerate(vocab)},
                idf=data["idf"].astype(np.float32),
                weights=np.ascontiguousarray(data["weights"].astype(np.float32)),
                bias=data["bias"].astype(np.float32),
                heads=tuple(heads),
                digest=str(data["digest"][0]),
            )
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as err:
        raise ModelError(
            f"the understanding model {path.name} can't be read ({err}); run: python -m bot knowledge train"
        ) from None
