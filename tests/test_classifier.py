"""bot/understand/classifier.py and training.py: the learned part, its artefact and its freshness."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from bot import __main__ as cli
from bot import understand as understanding
from bot.understand.classifier import MODEL_FILE, ModelError, data_digest, features, load_model
from bot.understand.vectors import predict
from knowledge import load_knowledge
from knowledge.corpus import EXAMPLES_DIR, load_corpus


@pytest.fixture(scope="module")
def model() -> understanding.Model:
    return load_model()


def test_the_shipped_model_was_trained_on_the_shipped_examples() -> None:
    assert understanding.check_model() is None


def test_the_artefact_holds_plain_arrays_only() -> None:
    with zipfile.ZipFile(MODEL_FILE) as z:
        for name in z.namelist():
            with z.open(name) as f:
                header = f.read(128)
            assert b"'descr': '|O'" not in header, name  # no object arrays: nothing to unpickle
    with np.load(MODEL_FILE, allow_pickle=False) as data:
        assert {"vocabulary", "idf", "weights", "bias", "digest", "labels_label", "labels_feeling"} <= set(data.files)


def test_an_edited_example_file_makes_the_model_stale(tmp_path: Path, model: understanding.Model) -> None:
    for path in EXAMPLES_DIR.glob("*.jsonl"):
        shutil.copy(path, tmp_path / path.name)
    assert data_digest(tmp_path) == model.digest
    with (tmp_path / "chat.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"text": "yo yo", "intent": "greeting"}\n')
    assert data_digest(tmp_path) != model.digest


def test_the_bot_refuses_to_start_on_a_stale_model(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))  # its own folder: this process keeps the folder's lock
    monkeypatch.setattr(understanding, "data_digest", lambda: "something else")
    assert cli.main(["ask", "hi"]) == cli.EXIT_CONFIG
    assert "run: python -m bot knowledge train" in capsys.readouterr().err


def test_an_unreadable_model_file_says_what_to_run(tmp_path: Path) -> None:
    broken = tmp_path / "understanding.npz"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="python -m bot knowledge train"):
        load_model(broken)


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])
def test_a_damaged_model_file_says_what_to_run(tmp_path: Path, model: understanding.Model, where: float) -> None:
    path = tmp_path / "understanding.npz"
    model.save(path)
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0xFF  # one flipped byte inside the arrays: never a traceback at start-up
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="python -m bot knowledge train"):
        load_model(path)


def test_a_saved_model_loads_back_with_the_same_predictions(tmp_path: Path, model: understanding.Model) -> None:
    model.save(tmp_path / "m.npz")
    again = load_model(tmp_path / "m.npz")
    for text in ("avg for rads", "how many weeks do people study", "ugh im so burnt out"):
        assert predict(model, text).intent[0][0] == predict(again, text).intent[0][0]


def test_probabilities_are_probabilities(model: understanding.Model) -> None:
    guess = predict(model, "how accurate is uwsa2", top=100)
    for ranking in (guess.intent, guess.topic, guess.feeling):
        assert sum(p for _, p in ranking) == pytest.approx(1.0, abs=1e-3)
        assert [p for _, p in ranking] == sorted((p for _, p in ranking), reverse=True)


def test_features_see_number_sizes_not_values_and_keep_step_numbers() -> None:
    assert features("got 248") == features("got 251")
    assert features("step 1") != features("step 2")
    assert "q derm" in features("I did 3 rotations. What about derm?")


@pytest.mark.parametrize(
    ("text", "intent", "topic"),
    [
        ("are nbme practice scores accurate vs the real exam", "faq", "practice_tests"),
        ("how many weeks do people study", "faq", "study_length"),
        ("is 4 weeks enough", "faq", "study_length"),
        ("how accurate is uwsa2", "faq", "practice_tests"),
        ("whats the percentile for a 250", "faq", "percentiles"),
        ("is it better to apply with Step 2 pending or wait?", "faq", "pending_score"),
        ("derm programs that require step 2 before interviews?", "faq", "score_before_interview"),
        ("thanks!!", "thanks", None),
        ("ur useless lol", "insult", None),
        ("what's my score", "my_score", None),
    ],
)
def test_the_shapes_the_issue_names_are_understood(text: str, intent: str, topic: str | None) -> None:
    parsed = understanding.understand(text, load_knowledge())
    assert (parsed.intent, parsed.topic) == (intent, topic), parsed


@pytest.mark.e2e  # runs the whole pipeline over every message of the test split
def test_the_test_split_is_read_well_enough() -> None:
    """A floor, not the figure (the benchmark prints that): a broken model or feature change falls below it."""
    knowledge = load_knowledge()
    test = load_corpus().test
    right = sum(understanding.understand(e.text, knowledge).intent == e.intent for e in test)
    assert right / len(test) >= 0.8


def test_training_without_the_train_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Python's own way to make an import fail (a None entry in sys.modules), as if scikit-learn
    # were not installed; the training module is imported afresh to meet it.
    monkeypatch.setitem(sys.modules, "sklearn", None)
    for name in [m for m in sys.modules if m.startswith("sklearn.")]:  # another test may have loaded it
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delitem(sys.modules, "bot.understand.training", raising=False)
    assert cli.main(["knowledge", "train"]) == cli.EXIT_CONFIG
    err = capsys.readouterr().err
    assert 'pip install -e ".[train]"' in err and "Traceback" not in err
    assert MODEL_FILE.exists()  # nothing was touched


@pytest.mark.e2e  # the CLI as a process
def test_the_bot_runs_without_scikit_learn(tmp_path: Path) -> None:
    """`ask`, `chat` and `run` import nothing of it: the [train] extra is for training alone."""
    script = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from bot import __main__, console, telegram_app, webhook\n"
        "from bot.understand import preload\n"
        "preload().join()\n"
        "sys.exit(__main__.main(['ask', 'avg for derm']))\n"
    )
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "257" in done.stdout
