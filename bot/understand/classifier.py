"""The learned part of understanding: intent, FAQ topic and feeling, each with a probability.

Trained by `python -m bot knowledge check` (see bot/understand/training.py) with scikit-learn:
TF-IDF over word 1-2-grams and character 3-5-grams, and one logistic regression per label
dimension. The artefact is plain arrays in `knowledge/model/understanding.npz` (vocabulary,
idf, coefficients), loaded without pickle, so nothing executable is ever read from disk; only
numpy runs per message. The same `features` function serves training and prediction, so the
two can never disagree about what a message looks like.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from knowledge.corpus import EXAMPLES_DIR, files, fingerprint
from knowledge.store import DATA_DIR
from knowledge.text import normalize

MODEL_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "model" / "understanding.npz"
"""Inside the package, never a folder the bot writes to (it writes only under BOT_DATA_DIR)."""
HEADS = ("intent", "topic", "feeling")
FEATURES_VERSION = b"features-v1"
"""Bumped when `features` changes, so an artefact built with the old ones is seen as stale."""
MAX_CHARS = 1000

_LONG_NUMBER = re.compile(r"\d{2,}")


def _shape(m: re.Match[str]) -> str:
    return "n" + str(min(len(m.group()), 4))  # "248" -> "n3": its size matters, its value doesn't


def features(text: str) -> list[str]:
    """The message as the model sees it: word 1-2-grams and character 3-5-grams within words.

    Numbers of two or more digits become their size ("n3"), so "got 248" and "got 251" look
    alike; single digits stay, since "step 1" and "step 2" differ.
    """
    words = _LONG_NUMBER.sub(_shape, normalize(text[:MAX_CHARS])).split()
    out = [f"w {w}" for w in words]
    out += [f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for w in words:
        padded = f" {w} "
        n = len(padded)
        for size in (3, 4, 5):
            out += [padded[i : i + size] for i in range(n - size + 1)]
    return out


def data_digest(examples: Path = EXAMPLES_DIR) -> str:
    """Fingerprint of what the model learns from: the example files, the shipped FAQ phrasings
    (knowledge/data/faq.json) and the feature version. Cheap: hashing about a megabyte."""
    return fingerprint([*files(examples), DATA_DIR / "faq.json"], FEATURES_VERSION)


@dataclass(frozen=True)
class Prediction:
    """The likeliest labels of each dimension, best first, with probabilities."""

    intent: tuple[tuple[str, float], ...]
    topic: tuple[tuple[str, float], ...]
    feeling: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Model:
    """A trained model as arrays: prediction is a sparse dot product and a softmax."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]
    """(features, all classes of all heads), feature-major so one message gathers rows."""
    bias: npt.NDArray[np.float32]
    heads: tuple[tuple[str, tuple[str, ...], int], ...]
    """(name, class labels, first column) per head."""
    digest: str
    """Fingerprint of the training data this model was fitted on."""

    def predict(self, text: str, top: int = 3) -> Prediction:
        """Probabilities for every head; the `top` likeliest labels of each."""
        counts = Counter(self.vocabulary.get(f, -1) for f in features(text))
        counts.pop(-1, None)
        if counts:
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
            x = tf * self.idf[idx]
            x /= float(np.sqrt(x @ x)) or 1.0
            logits = x @ self.weights[idx] + self.bias
        else:
            logits = self.bias.copy()
        ranked: dict[str, tuple[tuple[str, float], ...]] = {}
        for name, labels, first in self.heads:
            z = logits[first : first + len(labels)]
            p = np.exp(z - z.max())
            p /= p.sum()
            order = np.argsort(-p)[:top]
            ranked[name] = tuple((labels[i], float(p[i])) for i in order)
        return Prediction(ranked["intent"], ranked["topic"], ranked["feeling"])

    def save(self, path: Path = MODEL_FILE) -> None:
        """Write the arrays (no pickled objects) to `path`."""
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


class ModelError(ValueError):
    """The model file is missing or unreadable; the message says what to run."""


def load_model(path: Path = MODEL_FILE) -> Model:
    """Read the arrays back; `allow_pickle=False` means no object in the file can run code."""
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
    except (OSError, KeyError, ValueError) as err:
        raise ModelError(
            f"the understanding model {path.name} can't be read ({err}); run: python -m bot knowledge train"
        ) from None
