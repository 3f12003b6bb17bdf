"""bot/answer_model.py: which answer of the bank one question sentence asks for, and its artefact."""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bot import answer_model
from bot.answer_model import MODEL_FILE, AnswerModelError, features, load
from knowledge import load_knowledge


@pytest.fixture(scope="module")
def model() -> answer_model.AnswerModel:
    return answer_model.answer_model()


def test_the_shipped_answer_model_was_trained_on_the_shipped_answers() -> None:
    assert answer_model.check() is None


def test_the_artefact_holds_plain_arrays_only() -> None:
    with zipfile.ZipFile(MODEL_FILE) as z:
        for name in z.namelist():
            with z.open(name) as f:
                assert b"'descr': '|O'" not in f.read(128), name  # no object arrays: nothing to unpickle
    with np.load(MODEL_FILE, allow_pickle=False) as data:
        assert {"vocabulary", "idf", "weights", "bias", "labels", "digest"} <= set(data.files)


def test_every_answer_and_every_topic_can_be_named(model: answer_model.AnswerModel) -> None:
    knowledge = load_knowledge()
    assert set(model.labels) == {*knowledge.answers, *(f"={t}" for t in knowledge.faq)}


@pytest.mark.parametrize(
    ("sentence", "answer", "bar"),
    [
        # questions as they sit inside a long post: leaning on the story, opened by "also", details inline
        # (named first, though since the labelled development sentences joined its training, under the bot's bar)
        ("Also, can you sit step 2 again after passing just to raise it?", "low-cant-retake-passed", 0.2),
        ("And when I pass the retake, will programs still see that first attempt?", "rt-programs-see-fail", None),
        ("Second question: what day of the week do scores usually drop?", "sr-what-day", None),
        ("My real question is how many programs I should rank with 11 interviews?", "match-how-many-ranks", None),
    ],
)
def test_a_question_inside_a_long_post_names_its_answer(
    model: answer_model.AnswerModel, sentence: str, answer: str, bar: float | None
) -> None:
    found = model.likeliest(sentence)
    assert found is not None and found[0] == answer and found[1] >= (bar or answer_model.SURE)


@pytest.mark.parametrize("sentence", ["", "12345 !!!"])
def test_no_words_name_no_answer(model: answer_model.AnswerModel, sentence: str) -> None:
    assert model.likeliest(sentence) is None


@pytest.mark.parametrize("sentence", ["zxqv wblk", "what's your favourite colour?", "lol ok"])
def test_nonsense_or_another_subject_is_named_no_answer_at_the_bots_bar(
    model: answer_model.AnswerModel, sentence: str
) -> None:
    found = model.likeliest(sentence)
    assert found is None or found[1] < answer_model.SURE


def test_its_cached_words_give_the_features_plainly_counted(model: answer_model.AnswerModel) -> None:
    sentence = "and does a low ck get me filtered out at IM programs in Texas?"
    plain = sorted(i for f in features(sentence) if (i := model.vocabulary.get(f)) is not None)
    assert sorted(model._known(sentence)) == plain
    assert sorted(model._known(sentence)) == plain  # the second time from the cache, the same


def test_an_edited_way_of_asking_makes_it_stale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, model: answer_model.AnswerModel
) -> None:
    assert answer_model.data_digest() == model.digest
    for name in ("answers.json", "faq.json"):
        shutil.copy(answer_model.DATA_DIR / name, tmp_path / name)
    monkeypatch.setattr(answer_model, "DATA_DIR", tmp_path)
    assert answer_model.data_digest() == model.digest  # the same files, the same stamp
    answers = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
    next(iter(answers["answers"].values()))["in_posts"].append("And would that still count then?")
    (tmp_path / "answers.json").write_text(json.dumps(answers), encoding="utf-8")
    assert answer_model.data_digest() != model.digest
    assert "knowledge train" in (answer_model.check() or "")


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])  # a checksum, a compressed block's header or its data
def test_a_damaged_file_is_caught_at_start_up_with_what_to_run(
    tmp_path: Path, model: answer_model.AnswerModel, where: float
) -> None:
    path = tmp_path / "answers.npz"
    model.save(path)
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0xFF  # one flipped byte inside the arrays
    path.write_bytes(bytes(data))
    with pytest.raises(AnswerModelError, match="knowledge train"):
        answer_model.stamped_digest(path)
    with pytest.raises(AnswerModelError, match="knowledge train"):
        load(path)


def test_training_names_every_answer_and_topic_of_the_knowledge_it_is_given() -> None:
    from bot.understand.training import train_answers  # scikit-learn: imported only where training is tested

    knowledge = load_knowledge()
    some = dict(list(knowledge.answers.items())[:6])
    topics = {a.topic for a in some.values()}
    small = replace(knowledge, answers=some, faq={t: e for t, e in knowledge.faq.items() if t in topics})
    trained = train_answers(small)
    assert set(trained.labels) == {*some, *(f"={t}" for t in topics)}
    answer = next(iter(some.values()))
    found = trained.likeliest(answer.question)
    assert found is not None and found[0] == answer.id


def test_an_unreadable_file_says_what_to_run(tmp_path: Path) -> None:
    broken = tmp_path / "answers.npz"
    broken.write_bytes(b"not a zip")
    with pytest.raises(AnswerModelError, match="knowledge train"):
        load(broken)
    with pytest.raises(AnswerModelError, match="knowledge train"):
        answer_model.stamped_digest(broken)


def test_saved_and_loaded_it_answers_the_same(tmp_path: Path, model: answer_model.AnswerModel) -> None:
    model.save(tmp_path / "answers.npz")
    again = load(tmp_path / "answers.npz")
    sentence = "Also, do programs see which other programs I signaled?"
    assert again.likeliest(sentence) == pytest.approx(model.likeliest(sentence))
    assert answer_model.stamped_digest(tmp_path / "answers.npz") == model.digest
