"""Fit the understanding model from the labelled examples (never on the test split).

Run by `python -m bot knowledge check` / `knowledge train`; never imported on the message
path (scikit-learn loads only here). `compare` measures the alternatives the README reports.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from bot.understand.classifier import HEADS, Model, data_digest, features
from knowledge import Knowledge
from knowledge.corpus import Corpus

@dataclass(frozen=True)
class Sample:
    """One training text with its label for each head ("" where a head has no label)."""

    text: str
    intent: str
    topic: str
    feeling: str


def samples(corpus: Corpus, knowledge: Knowledge) -> list[Sample]:
    """The training split, plus every FAQ phrasing as an example of its topic.

    `knowledge` must be the shipped one (its faq.json is part of the data fingerprint).
    """
    out = [Sample(e.text, e.intent, e.topic or "", e.feeling_label) for e in corpus.train]
    out += [Sample(p, "faq", topic, "none") for topic, entry in knowledge.faq.items() for p in entry.phrasings]
    return out


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2, dtype=np.float32)


def _logistic() -> LogisticRegression:
    return LogisticRegression(C=20.0, max_iter=2000)


def train(corpus: Corpus, knowledge: Knowledge, make: Callable[[], LogisticRegression] = _logistic) -> Model:
    """Fit the vectorizer and one logistic regression per head; pack them as arrays."""
    data = samples(corpus, knowledge)
    vec = _vectorizer()
    x = vec.fit_transform([s.text for s in data])
    blocks, biases, heads, first = [], [], [], 0
    for head in HEADS:
        rows = [i for i, s in enumerate(data) if getattr(s, head)]
        y = [getattr(data[i], head) for i in rows]
        clf = make()
        if head == "feeling":
            clf.set_params(class_weight="balanced")  # rare feelings (hopeless) matter most
        clf.fit(x[rows], y)
        labels = tuple(str(c) for c in clf.classes_)
        coef, bias = clf.coef_, clf.intercept_
        if len(labels) == 2:  # binary: sklearn keeps one row; softmax over (-z/2, z/2) is the same sigmoid
            coef, bias = np.vstack([-coef / 2, coef / 2]), np.array([-bias[0] / 2, bias[0] / 2])
        blocks.append(coef.T)
        biases.append(bias)
        heads.append((head, labels, first))
        first += len(labels)
    vocab = {str(f): int(i) for f, i in vec.vocabulary_.items()}
    return Model(
        vocabulary=vocab,
        idf=vec.idf_.astype(np.float32),
        weights=np.ascontiguousarray(np.hstack(blocks).astype(np.float32)),
        bias=np.concatenate(biases).astype(np.float32),
        heads=tuple(heads),
        digest=data_digest(),
    )


def compare(corpus: Corpus, knowledge: Knowledge) -> list[str]:
    """Test-split accuracy of the intent and topic heads for a few model choices."""
    data = samples(corpus, knowledge)
    test = corpus.test
    lines = []
    choices: Sequence[tuple[str, Callable[[], TfidfVectorizer], Callable[[], object]]] = (
        ("tf-idf words+chars, logistic regression (shipped)", _vectorizer, _logistic),
        ("tf-idf words+chars, linear SVM", _vectorizer, lambda: LinearSVC(C=1.0)),
        (
            "tf-idf words only, logistic regression",
            lambda: TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
            _logistic,
        ),
    )
    for name, make_vec, make_clf in choices:
        started = time.perf_counter()
        vec = make_vec()
        x = vec.fit_transform([s.text for s in data])
        xt = vec.transform([e.text for e in test])
        scores = []
        for head in ("intent", "topic"):
            rows = [i for i, s in enumerate(data) if getattr(s, head)]
            clf = make_clf()
            clf.fit(x[rows], [getattr(data[i], head) for i in rows])  # type: ignore[attr-defined]
            trows = [i for i, e in enumerate(test) if head == "intent" or e.topic]
            want = [e.intent if head == "intent" else e.topic for e in (test[i] for i in trows)]
            got = clf.predict(xt[trows])  # type: ignore[attr-defined]
            scores.append(sum(a == b for a, b in zip(want, got, strict=True)) / max(len(want), 1))
        took = time.perf_counter() - started
        lines.append(f"{name}: intent {scores[0]:.1%}, topic {scores[1]:.1%} (fit {took:.1f} s)")
    return lines
