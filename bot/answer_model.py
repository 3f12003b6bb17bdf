"""Which answer of the bank one question sentence asks for, learned from the answers' ways of asking.

`answer_bank` matches a message within the topic understood. A long post's second and third questions
have no topic of their own yet, and the words around them ("Also, does that mean...") are what the
bank's word matching handles worst. So each answer's ways of asking (and each FAQ topic's title and
phrasings, for its general answer) train a multinomial logistic regression over words, word pairs and
character 3-4-grams; a question sentence gets the likeliest answer and its probability.

Measured on question sentences from the development sets' long posts, each labelled by a helper with the
answer that really answers it (`python -m benchmarks.bench_answers`): see `SURE`.

The artefact is plain arrays (`knowledge/model/answers.npz`, no pickle). Only the largest twentieth of the
weights by size are kept, the rest set to zero, so the compressed file is small; that changed the measured
choices by a few in a hundred.
Trained with the understanding model by `python -m bot knowledge train` (bot/understand/training.py).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import math
import re
import threading
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge import text as text_module
from knowledge.post_questions import POST_QUESTIONS_FILE
from knowledge.store import DATA_DIR
from knowledge.text import normalize

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

MODEL_FILE = Path(__file__).resolve().parents[1] / "knowledge" / "model" / "answers.npz"
FEATURES_VERSION = b"answer-features-v2"
"""Bumped when `features` changes, so an artefact built with the old ones is seen as stale."""
SURE = 0.35
"""The probability from which a question sentence is taken to ask for its likeliest answer.

Chosen on the labelled question sentences of development sets ff to kk (`bench_answers`, 2026-12-05): at 0.35 it
named the right answer for 29% of the questions the bank can answer and a wrong one for 9%; 0.3 gave 32% and 12%,
0.4 24% and 8%. On sets ll to qq, held out from the choice: 24% and 9%. (With half the long-post questions, before
a second round of writing, 0.3 gave the same balance.) With sets rr to uu added to what it learns from
(2026-12-06), sets ll to qq at 0.35: 35% and 10%."""
GENERAL = "="
"""Prefix of a topic's general answer among the labels ("=retakes"), as `answer_bank.general` spells it."""
_WORD_RE = re.compile(r"[a-z]+")
_EXAM_NUMBER_RE = re.compile(r"\b(step|level|s|l)\s*([123])\b")
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three"}


def _exam_word(m: re.Match[str]) -> str:
    """ "step 3" -> "stepthree": one word the features keep, where the digit alone would be dropped."""
    return f"{m.group(1)}{_NUMBER_WORDS[m.group(2)]}"


def features(text: str) -> list[str]:
    """Words, word pairs and the character 3- and 4-grams of each word (numbers left out: "a 246" and
    "a 231" ask the same thing; the exam's number kept: "step 1" is not "step 3")."""
    words = _words_of(text)
    out = [f for w in words for f in _word_features(w)]
    out += [f"b {a} {b}" for a, b in pairwise(words)]
    return out


def _words_of(text: str) -> list[str]:
    """The text's words, as the features see them."""
    return _WORD_RE.findall(_EXAM_NUMBER_RE.sub(_exam_word, normalize(text)))


def _word_features(word: str) -> list[str]:
    """A word's own features: itself and its character 3- and 4-grams, padded with spaces."""
    padded = f" {word} "
    return [f"w {word}", *(padded[i : i + size] for size in (3, 4) for i in range(len(padded) - size + 1))]


CACHED_WORDS = 50_000
"""Words whose known features are kept (`AnswerModel._known`); past this the cache starts again."""


@dataclass(frozen=True)
class AnswerModel:
    """A trained answer model: TF-IDF weights and sparse coefficients, one row of them per feature."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weights: npt.NDArray[np.float32]
    """(features, labels), mostly zeros (see `training.ANSWER_KEPT`): stored in half precision, where the
    compressed file keeps the zeros in next to nothing, and read back as single (about 14 MB in memory; a
    half-precision gather cost half of each prediction)."""
    bias: npt.NDArray[np.float32]
    labels: tuple[str, ...]
    """An answer's id, or "=<topic>" for a topic's general answer."""
    digest: str
    _words: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)
    """word -> the indices of its known features, filled as words are met."""

    def likeliest(self, text: str) -> tuple[str, float] | None:
        """The answer this question most likely asks for, with its probability; None if no word is known."""
        import numpy as np

        counts = Counter(self._known(text))
        if not counts:
            return None
        found = np.fromiter(counts, dtype=np.intp, count=len(counts))
        x = self.idf[found] * (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts))))
        x /= math.sqrt(float(x @ x)) or 1.0
        scores = self.bias + x @ self.weights[found]
        scores -= scores.max()
        p = np.exp(scores)
        best = int(p.argmax())
        return self.labels[best], float(p[best] / p.sum())

    def _known(self, text: str) -> list[int]:
        """The vocabulary indices of `features(text)` that the model knows: each word's own looked up once."""
        get, cache = self.vocabulary.get, self._words
        words = _words_of(text)
        found: list[int] = []
        for w in words:
            known = cache.get(w)
            if known is None:
                if len(cache) > CACHED_WORDS:
                    cache.clear()  # typos are endless
                known = cache[w] = tuple(i for f in _word_features(w) if (i := get(f)) is not None)
            found += known
        found += [i for a, b in pairwise(words) if (i := get(f"b {a} {b}")) is not None]
        return found

    def save(self, path: Path = MODEL_FILE) -> None:
        """Write the arrays (no pickled objects) to `path`, and the data stamp beside it."""
        import numpy as np

        path.parent.mkdir(parents=True, exist_ok=True)
        order = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        with path.open("wb") as out:
            np.savez_compressed(
                out,
                vocabulary=np.array(order, dtype=str),
                idf=self.idf.astype(np.float32),
                weights=self.weights.astype(np.float16),
                bias=self.bias.astype(np.float32),
                labels=np.array(self.labels, dtype=str),
                digest=np.array([self.digest], dtype=str),
            )
        path.with_suffix(".json").write_text(json.dumps({"digest": self.digest}) + "\n", encoding="utf-8")


class AnswerModelError(ValueError):
    """The answer model file is missing or unreadable; the message says what to run."""


def data_digest() -> str:
    """Fingerprint of what the answer model learns from: every answer's question, ways of asking and questions as
    asked in long posts, every topic's title, phrasings and questions as asked in long posts, the labelled
    sentences of development posts, and the features."""
    picked: dict[str, object] = {}
    answers = json.loads((DATA_DIR / "answers.json").read_text(encoding="utf-8"))["answers"]
    for record in answers.values():
        picked[f"answer:{record['id']}"] = [record["question"], record["asks"], record.get("in_posts", [])]
    for table in json.loads((DATA_DIR / "faq.json").read_text(encoding="utf-8")).values():
        for record in table.values():
            picked[f"topic:{record['topic']}"] = [record["title"], record["phrasings"], record.get("in_posts", [])]
    # the labelled sentences of development long posts it learns from (knowledge/post_questions.py)
    picked["post_questions"] = POST_QUESTIONS_FILE.read_text(encoding="utf-8")
    # the code that makes the features too, so a change to it can't meet a model trained on the old ones
    code = "".join(inspect.getsource(f) for f in (features, _words_of, _word_features, _exam_word)).encode()
    code += _EXAM_NUMBER_RE.pattern.encode() + Path(text_module.__file__ or "").read_bytes()
    return hashlib.sha256(FEATURES_VERSION + code + json.dumps(picked, sort_keys=True).encode()).hexdigest()


def stamped_digest(path: Path = MODEL_FILE) -> str:
    """The model's data stamp, cheaply; raises AnswerModelError when the model or its stamp is missing."""
    try:
        with zipfile.ZipFile(path) as z:
            damaged = z.testzip()  # every member's checksum: half a megabyte, read once at start-up
        if damaged is not None:
            raise ValueError(f"{damaged} is damaged")
        return _stamp(path)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zlib.error) as err:  # zlib: a damaged block
        raise AnswerModelError(
            f"the answer model {path.name} can't be read ({err}); run: python -m bot knowledge train"
        ) from None


def _stamp(path: Path) -> str:
    """The digest written beside the model when it was saved."""
    return str(json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["digest"])


def check() -> str | None:
    """None when the answer model is readable and trained on the answers beside it, else why not."""
    try:
        digest = stamped_digest()
    except AnswerModelError as err:
        return str(err)
    if digest != data_digest():
        return (
            "the answer model was trained on other ways of asking than the knowledge files' (answers.json, "
            "faq.json); run: python -m bot knowledge train"
        )
    return None


def load(path: Path = MODEL_FILE) -> AnswerModel:
    """Read the arrays back; `allow_pickle=False` means no object in the file can run code."""
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            return AnswerModel(
                vocabulary={f: i for i, f in enumerate(data["vocabulary"].tolist())},
                idf=data["idf"].astype(np.float32),
                weights=np.ascontiguousarray(data["weights"].astype(np.float32)),
                bias=data["bias"].astype(np.float32),
                labels=tuple(data["labels"].tolist()),
                digest=str(data["digest"][0]),
            )
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as err:
        raise AnswerModelError(
            f"the answer model {path.name} can't be read ({err}); run: python -m bot knowledge train"
        ) from None


_loaded: list[AnswerModel] = []
_loading = threading.Lock()


def answer_model() -> AnswerModel:
    """The shipped answer model, loaded once."""
    if not _loaded:
        with _loading:
            if not _loaded:
                loaded = load()  # reading the arrays checks their checksums: the stamp alone is compared here
                if loaded.digest != _stamp(MODEL_FILE):
                    raise AnswerModelError(
                        "the answer model's file and its stamp disagree; run: python -m bot knowledge train"
                    )
                _loaded.append(loaded)
    return _loaded[0]


def reset() -> None:
    """Forget the loaded model (after retraining), so the next use reads the new file."""
    with _loading:
        _loaded.clear()
