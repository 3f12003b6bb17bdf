"""The per-message prediction path builds exactly the vector training defines, and predicts the same."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from bot.understand import entity_tokens_for, model
from bot.understand.classifier import Model, Prediction, features
from bot.understand.vectors import predict, vector
from knowledge import Knowledge, load_knowledge
from knowledge.corpus import load_corpus
from tests.reference_model import reference_predict

ODD_TEXTS = [
    "",
    "   ",
    "👋",
    "<b>248</b> good enough for ortho??",
    "ok. " * 400,  # past the 1,000 characters read
    "Résumé’s — 250?! what's the avg for derm. And rads? thx",
    "asdkjh qwpoeiru zxmcnv",
]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def _training_vector(m: Model, text: str, entities: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The vector as `classifier.features` (what training uses) and tests/reference_model.py define it."""
    counts = Counter(features(text, entities))
    known = [(m.vocabulary[f], c) for f, c in counts.items() if f in m.vocabulary]
    idx = np.array([i for i, _ in known], dtype=np.intp)
    tf = np.array([c for _, c in known], dtype=np.float32)
    x = (1.0 + np.log(tf)) * m.idf[idx]
    x /= float(np.sqrt(x @ x)) or 1.0
    return idx, x


# every corpus message through the whole prediction: seconds of CPU
@pytest.mark.e2e
def test_every_corpus_message_gets_the_training_vector_and_the_same_prediction(kb: Knowledge) -> None:
    m = model()
    texts = [e.text for e in load_corpus().examples] + ODD_TEXTS
    assert len(texts) > 1000
    # What training and the plain way say, worked out once; both rounds must meet it.
    expected: dict[str, tuple[list[str], list[int], bytes, tuple[Prediction, Prediction]]] = {}
    for text in texts:
        entities = entity_tokens_for(text, kb)
        training_idx, training_x = _training_vector(m, text, entities)
        plains = reference_predict(m, text, entities), reference_predict(m, text, top=1)
        expected[text] = entities, training_idx.tolist(), training_x.tobytes(), plains
    for round_ in range(2):  # the second round reads every word from the cache
        for text, (entities, want_idx, want_x, (plain, plain_top)) in expected.items():
            idx, x = vector(m, text, entities)
            assert idx.tolist() == want_idx, (round_, text)
            assert x.tobytes() == want_x, (round_, text)  # bit for bit, not approximately
            assert predict(m, text, entities) == plain, (round_, text)
            assert predict(m, text, top=1) == plain_top, (round_, text)


def test_a_second_model_never_reads_the_first_models_cached_words() -> None:
    m = model()
    text = "what is the average step 2 score for dermatology"
    predict(m, text)  # caches these words' indices under m's vocabulary
    shuffled = dict(zip(m.vocabulary, reversed(m.vocabulary.values()), strict=True))
    other = Model(shuffled, m.idf, m.weights, m.bias, m.heads, m.digest)
    assert predict(other, text) == reference_predict(other, text)
    assert predict(m, text) == reference_predict(m, text)
