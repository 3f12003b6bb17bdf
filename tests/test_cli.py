"""The command line, as a real subprocess: ask, ask --json, chat, knowledge check and import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.profiles import ProfileStore
from knowledge import Knowledge
from knowledge.store import DATA_DIR
from tests.bot_process import REPO

pytestmark = pytest.mark.e2e  # every test here runs the CLI as a process


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` with no Telegram settings from the caller's environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "KNOWLEDGE_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=REPO,
        input=stdin,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def ask_json_process(env: dict[str, str], stderr: int | None = None) -> subprocess.Popen[str]:
    """A running `python -m bot ask --json -`, its stdin and stdout piped, with no Telegram settings of the caller's."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_", "KNOWLEDGE_"))}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json", "-"],
        cwd=REPO,
        env={**clean, **env},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
    )


@pytest.fixture
def data_env(tmp_path: Path) -> dict[str, str]:
    return {"BOT_DATA_DIR": str(tmp_path / "data")}


def test_ask_prints_one_readable_reply(data_env: dict[str, str]) -> None:
    result = run("ask", "248 good enough for ortho??", env=data_env)
    assert result.returncode == 0
    assert "Your 248 is 9 points below the Orthopedic Surgery average of 257" in result.stdout
    assert "<b>" not in result.stdout  # HTML rendered for a terminal
    assert "[1] 📊 Chart" in result.stdout


def test_ask_json_shares_one_users_memory_across_lines(data_env: dict[str, str]) -> None:
    lines = "I got 250, good for derm?\nwhat about psych?\n\ncan IMGs match derm\n<b>hi</b> & 🤡\n"
    result = run("ask", "--json", "-", stdin=lines, env=data_env)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["intent"] for o in out] == ["score_check", "average", "faq", "greeting"]
    assert out[0]["score"] == 250 and out[0]["specialties"] == ["dermatology"]
    assert "Your 250 (from earlier)" in out[1]["reply"] and out[1]["score"] is None
    assert out[2]["topic"] == "img" and out[2]["specialties"] == ["dermatology"]
    assert "<b>hi</b>" not in out[3]["reply"]
    assert out[0]["profile"] == {"own_score": 250, "status": "taken"}
    for o in out:
        assert set(o) >= {"reply", "intent", "score", "specialties", "topic", "feeling", "profile"}


def test_ask_json_has_stored_every_answer_it_printed_when_killed(data_env: dict[str, str]) -> None:
    """Answers are printed in batches after one shared fsync: a crash right after a line loses nothing."""
    lines = "".join(f"what is the average for {s}?\n" for s in ("derm", "ortho", "rads") * 30)
    proc = ask_json_process(data_env)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(lines + "I got 251, good for derm?\n")
    proc.stdin.flush()  # left open: the process is still waiting for more when it is killed
    printed = [json.loads(proc.stdout.readline()) for _ in range(91)]
    proc.kill()
    proc.wait(timeout=30)
    assert printed[-1]["profile"]["own_score"] == 251
    store = ProfileStore.in_dir(Path(data_env["BOT_DATA_DIR"]))
    try:
        assert store.get(0).score == 251
    finally:
        store.close()


def test_ask_stops_quietly_when_its_reader_goes_away(data_env: dict[str, str]) -> None:
    """`python -m bot ask --json - < posts | head -1`: no traceback once the reader closes the pipe."""
    proc = ask_json_process(data_env, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write("what is the average for derm?\n" * 400)  # far more than a pipe's buffer of replies
    proc.stdin.close()
    assert json.loads(proc.stdout.readline())["intent"] == "average"
    proc.stdout.close()  # the reader goes away, as `head -1` does
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in proc.stderr.read()


def test_chat_runs_a_conversation_with_buttons_and_forget(data_env: dict[str, str]) -> None:
    script = "I got 250, good for derm?\nwhat about psych?\n/forget\n1\nwhat about psych?\n/quit\n"
    result = run("chat", stdin=script, env=data_env)
    assert result.returncode == 0
    replies = result.stdout.split("bot> ")
    assert "Your 250 (from earlier)" in replies[2]
    assert "[1] Yes, erase it" in replies[3]
    assert "erased everything" in replies[4]  # "1" pressed the first button
    assert "from earlier" not in replies[5]
    assert "Bye" in result.stdout


SF_MATCH = "SF Match 2025 summary data, via the University of Kentucky ophthalmology program director's page"
AMBOSS = "NRMP Charting Outcomes 2020, via the AMBOSS blog, Dec 2020"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "avg for ophtho",
            [f"258 for those who matched, 245 for those who didn't: {SF_MATCH}: U.S. MD seniors, 2025 data"],
        ),
        (
            "is 250 good for ophthalmology",
            [
                "Your 250 is 8 points below the Ophthalmology average of 258",
                f"258 for those who matched, 245 for those who didn't: {SF_MATCH}: U.S. MD seniors, 2025 data",
                "matches through the SF Match",
            ],
        ),
        (
            "integrated IR average",
            [
                "Integrated Interventional Radiology: the average Step 2 CK score is about 255.",
                f"Source: {AMBOSS}: matched U.S. MD seniors, 2020 data.",
            ],
        ),
        (
            "is 250 ok for cardiothoracic",
            [
                "Your 250 is 4 points below the Thoracic Surgery average of 254",
                "AAMC data via Obafemi et al., Annals of Thoracic Surgery, Feb 2022: "
                "residents entering integrated thoracic surgery programs, 2020 data",
            ],
        ),
        ("avg for vascular surgery", ["Vascular Surgery", "247", "MedSchoolCoach table, undated"]),
        ("child neuro average", ["Child Neurology", "246", "matched U.S. MD seniors, 2020 data"]),
        ("avg for uro", ["Urology", "253", "Quantaprep blog summary", "Society of Academic Urologists"]),
        ("nuclear medicine average", ["I don't have a sourced average for Nuclear Medicine yet"]),
    ],
    ids=[
        "ophtho-average",
        "ophtho-score",
        "integrated-ir",
        "thoracic-score",
        "vascular-2020",
        "child-neuro-2020",
        "urology-blog-and-own-match",
        "nuclear-medicine-none",
    ],
)
def test_ask_shows_each_new_specialtys_labelled_figures(
    data_env: dict[str, str], message: str, expected: list[str]
) -> None:
    result = run("ask", message, env=data_env)
    assert result.returncode == 0, result.stderr
    for text in expected:
        assert text in result.stdout


def test_chart_in_the_terminal_is_saved_as_a_png(data_env: dict[str, str]) -> None:
    result = run("ask", "/chart 250", env=data_env)
    path = Path(data_env["BOT_DATA_DIR"]) / "charts" / "chart.png"
    assert f"[chart saved to {path}]" in result.stdout
    assert path.read_bytes().startswith(b"\x89PNG")


def test_no_token_means_the_terminal_chat_with_a_hint(data_env: dict[str, str]) -> None:
    result = run(stdin="avg for rads\n", env=data_env)
    assert result.returncode == 0
    assert "No TELEGRAM_BOT_TOKEN set" in result.stdout
    assert "253" in result.stdout


def test_console_script_is_installed(data_env: dict[str, str]) -> None:
    script = shutil.which("step2-advisor", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "ask", "avg for peds"], env={**os.environ, **data_env}, capture_output=True, text=True, check=False
    )
    assert "245" in result.stdout


def test_knowledge_check_summarises_valid_data() -> None:
    result = run("knowledge", "check")
    assert result.returncode == 0
    assert "Knowledge OK: 25 specialties, 40 FAQ topics" in result.stdout


def test_knowledge_check_shows_how_rankings_group_the_specialties_by_source(knowledge: Knowledge) -> None:
    out = run("knowledge", "check").stdout
    first, *rest = knowledge.ranking()
    assert f"{len(first.rows):>3}  {first.label}\n" in out  # the largest: its specialties go without saying
    for group in rest:  # the others name theirs, so a figure split off by a typo in its population shows
        assert f"{len(group.rows):>3}  {group.label}: " + ", ".join(s.short_name for s, _ in group.rows) in out


def test_invalid_knowledge_stops_every_command_with_the_same_message(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, broken)
    doc = json.loads((broken / "specialties.json").read_text())
    doc["specialties"]["2"]["figures"][0]["value"] = 302
    (broken / "specialties.json").write_text(json.dumps(doc))
    env = {"KNOWLEDGE_DIR": str(broken), "BOT_DATA_DIR": str(tmp_path / "data")}
    messages = set()
    for args in (("knowledge", "check"), ("ask", "hi"), ("run",)):
        result = run(*args, env={**env, "TELEGRAM_BOT_TOKEN": "123456789:" + "a" * 35})
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        messages.add(result.stderr.strip())
    assert messages == {
        'Knowledge files are invalid: specialties.json, record 2 ("dermatology"), field figures.0.value: '
        "Input should be less than or equal to 300"
    }


def test_an_invalid_setting_is_one_clear_line(data_env: dict[str, str]) -> None:
    result = run("ask", "hi", env={**data_env, "BOT_MODE": "carrier-pigeon"})
    assert result.returncode == 2
    assert result.stderr.startswith("Setting BOT_MODE is invalid")


YEARLY_TABLE = (
    "specialty,figures,source,year,population\n"
    "nuclear medicine,251/240,ama-step2-decoded-2025,2024,U.S. MD seniors\n"
    "Derm,258,ama-step2-decoded-2025,2024,matched U.S. MD seniors\n"
    "Derm,259,ama-step2-decoded-2025,2024,matched U.S. MD seniors\n"
)
"""A made-up yearly table: one specialty new to the figures, one refreshed twice (the second row wins)."""


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA_DIR, tmp_path / "knowledge"))


def test_knowledge_import_merges_a_yearly_table_the_bot_then_answers_from(
    tmp_path: Path, knowledge_copy: Path, data_env: dict[str, str]
) -> None:
    table = tmp_path / "2024.csv"
    table.write_text(YEARLY_TABLE, encoding="utf-8")
    env = {**data_env, "KNOWLEDGE_DIR": str(knowledge_copy)}
    result = run("knowledge", "import", str(table), env=env)
    assert result.returncode == 0, result.stderr
    assert "Imported 3 row(s) from 2024.csv: 1 figure(s) added, 1 replaced, 1 specialty moved" in result.stdout
    assert "Knowledge OK: 26 specialties" in run("knowledge", "check", env=env).stdout

    reply = run("ask", "i got 245 for nuclear medicine", env=env).stdout
    assert "6 points below the Nuclear Medicine average of 251" in reply
    assert "251 for those who matched, 240 for those who didn't: AMA, June 2025: U.S. MD seniors, 2024 data" in reply
    derm = run("ask", "/average derm", env=env).stdout
    assert "259: AMA, June 2025: matched U.S. MD seniors, 2024 data" in derm and "258" not in derm
    assert "257: OnlineMedEd, May 2025, year and population not stated" in derm  # the seed's figure stays
    assert json.loads((DATA_DIR / "specialties.json").read_text()) != json.loads(
        (knowledge_copy / "specialties.json").read_text()
    )  # it wrote the copy, not the shipped files


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("specialty,figures,source\nderm,250,ama-step2-decoded-2025\n", "missing column(s) year, population"),
        (
            "specialty,figures,source,year,population\ncardiac surgery,250,ama-step2-decoded-2025,2024,x\n",
            'line 2, column specialty: "cardiac surgery" names no specialty in the store',
        ),
        (
            "specialty,figures,source,year,population\nderm,250,nrmp-2099,2024,x\n",
            'line 2, column source: unknown id "nrmp-2099"',
        ),
        (
            "specialty,figures,source,year,population\nderm,about 250,ama-step2-decoded-2025,2024,x\n",
            'line 2, column figures: "about 250" is not a score',
        ),
        (
            "specialty,figures,source,year,population\nderm,301,ama-step2-decoded-2025,2024,x\n",
            "field figures.3.value: Input should be less than or equal to 300",
        ),
        (  # a field we hold no figure for, given only one group's: nothing to lead with for everyone else
            "specialty,figures,source,year,population,group\n"
            "nuclear medicine,240,ama-step2-decoded-2025,2024,non-U.S. IMGs,img\n",
            "at least one figure without a group",
        ),
        (
            "specialty,figures,source,year,population,group\nderm,240,ama-step2-decoded-2025,2024,IMGs,foreign\n",
            "field figures.3.group: Input should be 'do' or 'img'",
        ),
    ],
    ids=[
        "missing-columns",
        "unknown-specialty",
        "unknown-source",
        "not-a-number",
        "impossible-score",
        "only-a-groups-figure",
        "unknown-group",
    ],
)
def test_a_bad_table_imports_nothing_and_says_where(
    tmp_path: Path, knowledge_copy: Path, data_env: dict[str, str], table: str, message: str
) -> None:
    before = {p.name: p.read_bytes() for p in knowledge_copy.iterdir()}
    path = tmp_path / "bad.csv"
    path.write_text(table, encoding="utf-8")
    result = run("knowledge", "import", str(path), env={**data_env, "KNOWLEDGE_DIR": str(knowledge_copy)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Nothing imported: bad.csv") and message in result.stderr
    assert {p.name: p.read_bytes() for p in knowledge_copy.iterdir()} == before


def test_the_terminal_chat_saves_the_calendar_file_and_forget_removes_it(data_env: dict[str, str]) -> None:
    steps = "export my plan\n/plan\nin 6 weeks\n5\n19:00\nNew York\nskip\nadd it to my calendar\n"
    result = run("chat", stdin=steps, env=data_env)
    path = Path(data_env["BOT_DATA_DIR"]) / "step2-ck-plan.ics"
    assert result.stdout.count("You don't have a study plan yet") == 1  # before the plan: an offer to make one
    assert f"saved to {path}" in result.stdout
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR") and oct(path.stat().st_mode & 0o777) == "0o600"
    run("chat", stdin="/forget\n1\n", env=data_env)  # 1 = "Yes, erase it"
    assert not path.exists()
