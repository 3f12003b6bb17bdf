"""The understanding model's prediction written the plain way: the oracle the fast path is held to.

`bot.understand.vectors.predict` (what the bot runs per message) gets the same answer with
less work. This spells out the definition instead, from `classifier.features` alone: count
the features, weight the known ones by sublinear TF times IDF, normalise, one dot product,
a softmax per head, and each FAQ topic's share of the "faq" intent. The tests compare the
two bit for bit, so its floating-point steps must stay in this order.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import numpy as np

from bot.understand.classifier import CRISIS, Model, Prediction, features


def _best(probs: dict[str, float], top: int) -> tuple[tuple[str, float], ...]:
    """The `top` likeliest labels, best first (a stable sort: ties keep their order)."""
    return tuple(sorted(probs.items(), key=lambda kv: -kv[1])[:top])


def reference_predict(model: Model, text: str, entities: Sequence[str] = (), top: int = 3) -> Prediction:
    """Probabilities for every head of `model`; the `top` likeliest labels of each."""
    counts = Counter(features(text, entities))
    # The words' own features ("w <word>") lead the list, so the distinct words are the Counter's first keys.
    words = next((i for i, feature in enumerate(counts) if not feature.startswith("w ")), len(counts))
    n = len(counts)
    found = np.fromiter(map(model.vocabulary.get, counts, itertools.repeat(-1)), dtype=np.int64, count=n)
    known = found >= 0
    # Coverage is of words, not numbers ("w 3" doesn't count), unless the message is numbers alone.
    worded = [i for i, feature in enumerate(list(counts)[:words]) if not feature[2:].isdigit()] or list(range(words))
    coverage = float(known[worded].sum()) / len(worded) if worded else 0.0
    if known.any():
        idx = found[known]
        tf = np.fromiter(counts.values(), dtype=np.float32, count=n)[known]
        x = (1.0 + np.log(tf)) * model.idf[idx]  # sublinear tf times idf, as TfidfVectorizer does
        x /= float(np.sqrt(x @ x)) or 1.0
        logits = np.asarray(x @ model.weights[idx] + model.bias, dtype=np.float32)
    else:
        logits = model.bias.copy()
    probs: dict[str, dict[str, float]] = {}
    for name, labels, first in model.heads:
        z = logits[first : first + len(labels)]
        p = np.exp(z - z.max())
        p /= p.sum()
        probs[name] = dict(zip(labels, p.tolist(), strict=True))
    intents: dict[str, float] = {}
    topics: dict[str, float] = {}
    for label, p in probs["label"].items():
        intent, _, topic = label.partition(":")
        intents[intent] = intents.get(intent, 0.0) + p
        if topic:
            topics[topic] = p
    faq = intents.get("faq", 0.0) or 1.0
    return Prediction(
        _best(intents, top),
        _best({t: p / faq for t, p in topics.items()}, top),
        _best(probs["feeling"], top),
        coverage,
        crisis=probs["crisis"][CRISIS],
    )
