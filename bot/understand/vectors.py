"""The per-message prediction path: the model's answer, reached with less work.

`classifier.features` spells every feature out as a string (training needs them); the plain
way to predict (tests/reference_model.py, the oracle this is tested against) then counts them
and looks each one up in the vocabulary. Most of a message's
features are the character n-grams of its words, and students reuse a small set of words; so
here each word's n-grams are looked up once and kept as vocabulary indices. The vector this
builds is the one the plain way builds, index for index and count for count in the same
order (so even the floating-point sums agree); tests/test_understand_vectors.py checks that
on every example of the corpus.

It lives outside classifier.py on purpose: that file is part of the model's data stamp, and
a change there, even one that changes no feature, would mark the shipped model stale.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.understand.classifier import _SENTENCE_RE, CRISIS, MAX_CHARS, Model, Prediction, _words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

CACHED_WORDS = 50_000
"""Words whose n-gram indices are kept; past this the cache starts again (typos are endless)."""

_cached: list[tuple[Model, dict[str, tuple[int | None, tuple[int, ...]]]]] = []
"""(model, word -> (its "w" feature's index, the indices of its character n-grams in `features`
order)): one model's, so a retrained model never reads indices meant for another vocabulary."""


def _grams(word: str) -> list[str]:
    """A word's character 3-grams then 4-grams, padded with spaces, as `classifier.features` makes them."""
    padded = f" {word} "
    n = len(padded)
    return [padded[i : i + size] for size in (3, 4) for i in range(n - size + 1)]


def known_counts(model: Model, text: str, entities: Sequence[str] = ()) -> tuple[Counter[int], float]:
    """The message's known features as vocabulary index -> count (first-seen order), and its coverage."""
    get = model.vocabulary.get
    text = text[:MAX_CHARS]
    words = _words(text)
    if not _cached or _cached[0][0] is not model or len(_cached[0][1]) > CACHED_WORDS:
        _cached[:] = [(model, {})]
    cache = _cached[0][1]
    read: list[tuple[int | None, tuple[int, ...]]] = []
    for w in words:
        found = cache.get(w)
        if found is None:
            found = cache[w] = (get(f"w {w}"), tuple(i for i in map(get, _grams(w)) if i is not None))
        read.append(found)
    seq: list[int | None] = [w_idx for w_idx, _ in read]
    distinct = dict(zip(words, seq, strict=True))  # first-seen order, as Counter keeps it
    # Coverage is of words, not numbers: "alert(1)" is an unknown word, whatever "1" was seen beside.
    worded = {w: i for w, i in distinct.items() if not w.isdigit()} or distinct
    coverage = sum(i is not None for i in worded.values()) / len(worded) if worded else 0.0
    seq += map(get, [f"b {a} {b}" for a, b in itertools.pairwise(words)])
    for _, grams in read:
        seq += grams
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    if len(sentences) > 1:
        for sentence in [s for s in sentences if "?" in s] or sentences[-1:]:
            asked = _words(sentence)
            seq += map(get, [f"q {w}" for w in asked])
            seq += map(get, [f"qb {a} {b}" for a, b in itertools.pairwise(asked)])
    seq += map(get, entities)
    counted: Counter[int | None] = Counter(seq)  # counted in C; the unknown (None) dropped after
    counted.pop(None, None)
    counts: Counter[int] = counted  # type: ignore[assignment]
    return counts, coverage


def vector(
    model: Model, text: str, entities: Sequence[str] = ()
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.floating[Any]]]:
    """The known features' indices and TF-IDF weights (unit length), as the plain way computes them."""
    return _weighted(model, known_counts(model, text, entities)[0])


def _weighted(model: Model, counts: Counter[int]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.floating[Any]]]:
    import numpy as np

    n = len(counts)
    idx = np.fromiter(counts, dtype=np.intp, count=n)
    x = model.idf[idx]  # a copy (fancy indexing), so it can be scaled in place
    # Sublinear TF is 1 + log(count), exactly 1 for a feature seen once: only repeats change a
    # weight, and most messages repeat none. (Products are commutative in IEEE arithmetic, so
    # scaling afterwards gives the same floats as scaling first.)
    tf = np.fromiter(counts.values(), dtype=np.float32, count=n)
    if n and tf.max() > 1:
        x *= 1.0 + np.log(tf)
    # math.sqrt in double rounds to the same float32 as a float32 sqrt (double rounding is
    # harmless for square roots), and the division casts it back to float32.
    x /= math.sqrt(x @ x) or 1.0
    return idx, x


@dataclass(frozen=True)
class _Heads:
    """One model's label head, laid out once for `predict`: which intent each label adds to,
    and which labels name an FAQ topic."""

    intents: tuple[str, ...]
    """Intent names, in the order their first label comes (the order the plain way meets them)."""
    intent_of: npt.NDArray[np.intp]
    """Per label: its intent's index in `intents`."""
    topics: tuple[str, ...]
    topic_labels: tuple[int, ...]
    """Per topic: its label's index."""
    faq: int | None
    """The index of "faq" in `intents`."""


@functools.lru_cache(maxsize=4)
def _heads(labels: tuple[str, ...]) -> _Heads:
    """ "faq:img" -> intent "faq", topic "img"; "average" -> intent "average": split once per model."""
    import numpy as np

    split = [label.partition(":") for label in labels]
    intents = tuple(dict.fromkeys(intent for intent, _, _ in split))
    position = {intent: i for i, intent in enumerate(intents)}
    topic_at = [(topic, i) for i, (_, _, topic) in enumerate(split) if topic]
    return _Heads(
        intents,
        np.array([position[intent] for intent, _, _ in split], dtype=np.intp),
        tuple(topic for topic, _ in topic_at),
        tuple(i for _, i in topic_at),
        position.get("faq"),
    )


def _top(names: Sequence[str], probs: list[float], top: int) -> tuple[tuple[str, float], ...]:
    """The `top` likeliest of a list, best first, ties in order: ranked as the plain way ranks them."""
    best = sorted(range(len(probs)), key=probs.__getitem__, reverse=True)[:top]  # a stable sort
    return tuple((names[i], probs[i]) for i in best)


def _softmax(z: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The plain way's softmax, computed as it computes it (in float32)."""
    import numpy as np

    p: npt.NDArray[np.float32] = np.exp(z - z.max())
    p /= p.sum()
    return p


def predict(model: Model, text: str, entities: Sequence[str] = (), top: int = 3) -> Prediction:
    """Probabilities for every head of `model`; the `top` likeliest labels of each.

    The same probabilities as the plain way (tests/reference_model.py), for less work: that
    splits the labels and sums each intent's probabilities in dicts. Here the
    labels are laid out once per model and numpy's bincount adds the same probabilities in
    the same (label) order, so every float agrees bit for bit.
    """
    import numpy as np

    counts, coverage = known_counts(model, text, entities)
    if counts:
        idx, x = _weighted(model, counts)
        logits = np.asarray(x @ model.weights.take(idx, axis=0) + model.bias, dtype=np.float32)
    else:
        logits = model.bias.copy()
    (_, labels, first), (_, feelings, feeling_first), (_, crisis, crisis_first) = model.heads  # classifier.HEADS
    heads = _heads(labels)
    label_p = _softmax(logits[first : first + len(labels)])
    intent_p = np.bincount(heads.intent_of, weights=label_p, minlength=len(heads.intents)).tolist()
    faq = (intent_p[heads.faq] if heads.faq is not None else 0.0) or 1.0
    label_list = label_p.tolist()
    return Prediction(
        _top(heads.intents, intent_p, top),
        _top(heads.topics, [label_list[i] / faq for i in heads.topic_labels], top),
        _top(feelings, _softmax(logits[feeling_first : feeling_first + len(feelings)]).tolist(), top),
        coverage,
        crisis=float(_softmax(logits[crisis_first : crisis_first + len(crisis)])[crisis.index(CRISIS)]),
    )
