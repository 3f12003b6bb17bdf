"""Command line: run the Telegram bot, chat in the terminal, answer as JSON, check knowledge.

python -m bot                  Telegram when a token is set, else the terminal chat
python -m bot run              the Telegram bot (long polling or webhook)
python -m bot chat             a conversation in the terminal
python -m bot ask "TEXT"       one reply, printed
python -m bot ask --json -     one JSON line per input line
python -m bot knowledge check  validate the knowledge files and examples; retrain the model if stale
python -m bot knowledge train  retrain the understanding model and compare classifiers
python -m bot knowledge import FILE.csv   merge a yearly table of labelled figures into the store
python -m bot store check [--repair]  check the user store; set aside what is damaged
python -m bot store migrate --to postgresql://…|DIR   copy the user store to PostgreSQL (or back to TinyDB)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.config import Settings
from bot.lock import FolderBusy, lock_data_dir
from bot.storage import StoreError
from knowledge import Knowledge, KnowledgeError, load_knowledge
from knowledge.store import DATA_DIR, import_figures

EXIT_CONFIG = 2


NEEDS_TRAIN_EXTRA = (
    "Training the understanding model needs scikit-learn, which the bot itself doesn't: "
    'install it with: pip install -e ".[train]"'
)
"""Said instead of a traceback when training is due and the [train] extra is not installed."""


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_CONFIG


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="step2-advisor", description="Step 2 CK Advisor")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the Telegram bot")
    sub.add_parser("chat", help="chat in the terminal, no token needed")
    ask = sub.add_parser("ask", help="answer one message (or JSON lines with --json -)")
    ask.add_argument("text", help='the message, or "-" to read stdin')
    ask.add_argument("--json", action="store_true", help="one JSON object per input line")
    ask.add_argument("--user", type=int, default=0, help="whose memory to use (default: the terminal's)")
    knowledge = sub.add_parser("knowledge", help="knowledge store tools")
    knowledge.add_argument("action", choices=["check", "train", "import"])
    knowledge.add_argument(
        "file", nargs="?", type=Path, help="for import: a CSV of specialty,figures,source,year,population"
    )
    store = sub.add_parser("store", help="user store tools")
    store.add_argument("action", choices=["check", "migrate"])
    store.add_argument("--repair", action="store_true", help="set aside damaged files and records")
    store.add_argument(
        "--to", metavar="TARGET", help="for migrate: a postgresql:// URL, or a folder for a TinyDB store"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point for `python -m bot` and the `step2-advisor` script."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]).upper()
        reason = str(first["msg"]).removeprefix("Value error, ").rstrip(".")
        return _fail(f"Setting {field} is invalid: {reason}. See .env.example.")
    try:
        knowledge = load_knowledge(settings.knowledge_dir) if settings.knowledge_dir else load_knowledge()
    except KnowledgeError as err:
        return _fail(f"Knowledge files are invalid: {err}")

    if args.command == "knowledge":
        if args.action == "import":
            if args.file is None:
                return _fail("Usage: python -m bot knowledge import FILE.csv")
            try:
                print(import_figures(args.file, settings.knowledge_dir or DATA_DIR))
            except KnowledgeError as err:
                return _fail(f"Nothing imported: {err}")
            return 0
        print(_knowledge_summary(knowledge))
        print(_series_summary(knowledge))
        return _understanding(force=args.action == "train")
    telegram = args.command == "run" or (args.command is None and settings.has_token)
    if telegram and (problem := settings.token_problem()):
        return _fail(problem)
    try:
        # Everything below reads or writes the user store: one process per folder. PostgreSQL
        # (DATABASE_URL) takes any number of processes, so its workers don't lock the folder.
        if settings.database is None:
            lock_data_dir(settings.bot_data_dir)
    except FolderBusy as err:
        return _fail(str(err))
    except OSError as err:
        return _fail(f"BOT_DATA_DIR {settings.bot_data_dir} can't be used: {err.strerror}.")
    if args.command == "store":
        if args.action == "migrate":
            return _store_migrate(settings, args.to)
        if settings.database is not None:
            return _store_check_postgres(settings.database)
        return _store_check(settings, repair=args.repair)
    from bot.understand import check_model, preload  # the store tools need no model

    problem = check_model()
    if problem is not None:
        return _fail(f"Can't start: {problem}")
    if telegram:
        from bot.telegram_app import run  # PTB loads only when Telegram is wanted

        return run(settings, knowledge)  # it loads the model once the plans are restored
    preload()
    try:
        return _terminal(args, settings, knowledge)
    except StoreError as err:
        return _fail(f"The user store can't be opened: {err}")


def _store_check(settings: Settings, *, repair: bool) -> int:
    """Report on the user store; with `repair`, set aside what is damaged. 0 when healthy."""
    from bot.profiles import ProfileStore, check_records
    from bot.storage import scan

    path = settings.bot_data_dir / "profiles.json"
    found = scan(path)
    bad_records, _ = check_records(found.data)
    problems = [str(d) for d in ([found.fatal] if found.fatal else []) + found.bad_lines]
    problems += [f"{path.name}: record {doc_id} is invalid ({why})" for doc_id, why in bad_records.items()]
    users = len(found.data.get("profiles", {})) - len(bad_records)
    if not problems:
        torn = "; the torn tail of an unfinished write will be dropped" if found.torn_tail else ""
        print(f"User store OK: {users} users, {found.journal_lines} journal lines{torn}.")
        return 0
    for problem in problems:
        print(f"damaged: {problem}")
    if not repair:
        print("Run `python -m bot store check --repair` to set these aside (nothing is deleted).")
        return 1
    store = ProfileStore(path, repair=True)
    served = sum(1 for _ in store.all())  # every record checked, as a first read would: the bad set aside
    store.close()
    for kept in store.set_aside:
        print(f"set aside: {kept.name}")
    print(f"Repaired: {served} users served; what was damaged is kept in the files above.")
    return 0


def _store_check_postgres(url: str) -> int:
    """Report on the PostgreSQL store: reachable, its schema version and how many students."""
    from bot.pg_store import PostgresStore

    try:
        store = PostgresStore.connect(url, pool_size=2)
    except StoreError as err:
        return _fail(f"The user store can't be opened: {err}")
    try:
        users, version = len(store), store.schema_version()
        print(f"User store OK: {users} users in PostgreSQL at {store.place}, schema version {version}.")
    finally:
        store.close()
    return 0


def _store_migrate(settings: Settings, target: str | None) -> int:
    """Copy the user store (DATABASE_URL, else the TinyDB file) to `target`, verifying every profile."""
    from bot.store_migrate import MigrationError, copy_store
    from bot.user_store import open_store

    if not target:
        return _fail("Usage: python -m bot store migrate --to postgresql://… (or --to DIR for a TinyDB store)")
    to_postgres = target.startswith(("postgresql://", "postgres://"))
    if not to_postgres and settings.database is None:
        return _fail("Nothing to do: the store is TinyDB already. Set DATABASE_URL to migrate from PostgreSQL.")
    try:
        source = open_store(settings.database, settings.bot_data_dir)
    except StoreError as err:
        return _fail(f"The user store can't be opened: {err}")
    try:
        if not to_postgres:
            Path(target).mkdir(parents=True, exist_ok=True, mode=0o700)
            lock_data_dir(Path(target))  # no bot may be running on the folder we fill
        sink = open_store(target if to_postgres else None, Path(target))
    except (StoreError, FolderBusy, OSError) as err:
        source.close()
        return _fail(f"The target store can't be opened: {err}")
    try:
        done = copy_store(source, sink)
    except MigrationError as err:
        return _fail(f"Migration failed: {err}")
    finally:
        sink.close()
        source.close()
    where = "PostgreSQL" if to_postgres else f"the TinyDB store in {target}"
    print(f"Copied {done.profiles} profile(s) to {where}; all {done.verified} read back identical.")
    if to_postgres:
        print("Set DATABASE_URL to that URL to run the bot on it; the TinyDB files were left as they were.")
    return 0


def _terminal(args: argparse.Namespace, settings: Settings, knowledge: Knowledge) -> int:
    """The terminal transports share one advisor over the same user store."""
    from bot.console import ask, ask_json, chat
    from bot.conversation import Advisor
    from bot.user_store import open_store

    store = open_store(settings.database, settings.bot_data_dir)
    advisor = Advisor(knowledge, store, default_timezone=settings.default_timezone, admin_ids=settings.admin_ids)
    charts = settings.bot_data_dir / "charts"
    try:
        if args.command == "ask":
            if args.json:
                lines = sys.stdin if args.text == "-" else [args.text]
                ask_json(advisor, lines, sys.stdout, user_id=args.user)
            else:
                text = sys.stdin.read() if args.text == "-" else args.text
                ask(advisor, text, sys.stdout, charts, user_id=args.user)
        else:
            intro = ""
            if args.command is None:
                intro = "No TELEGRAM_BOT_TOKEN set, so this is the terminal chat. Put a token in .env to go live."
            chat(advisor, sys.stdin, sys.stdout, charts, intro=intro)
    except KeyboardInterrupt:
        print()
    finally:
        store.close()
    return 0


def _understanding(*, force: bool) -> int:
    """Validate the vocabulary and the labelled examples; retrain the model when they changed."""
    from bot import answer_model
    from bot.understand import reset_model, understanding_stale
    from knowledge.corpus import CorpusError, load_corpus, summary
    from knowledge.vocab import VocabularyError, load_vocabulary

    shipped = load_knowledge()  # the model learns from the shipped files, whatever KNOWLEDGE_DIR says
    try:
        load_vocabulary()
        corpus = load_corpus(specialty_ids=[*shipped.specialties, *shipped.other_specialties])
    except (CorpusError, VocabularyError) as err:
        return _fail(f"Understanding data is invalid: {err}")
    lines, problems = summary(corpus)
    print("\n".join(lines))
    stale, answers_stale = understanding_stale(), answer_model.check()
    if force or stale is not None or answers_stale is not None:
        try:
            from bot.understand.training import compare, train, train_answers  # scikit-learn loads only here
        except ModuleNotFoundError as err:
            if (err.name or "").partition(".")[0] != "sklearn":
                raise
            return _fail(NEEDS_TRAIN_EXTRA)

        if force or stale is not None:
            print(f"Training the understanding model ({stale or 'asked to'})...")
            train(corpus, shipped).save()
            reset_model()
            print("Model written to knowledge/model/understanding.npz.")
        if force or answers_stale is not None:
            print(f"Training the answer model ({answers_stale or 'asked to'})...")
            train_answers(shipped).save()
            answer_model.reset()
            print("Model written to knowledge/model/answers.npz.")
        if force:
            print("Classifiers on the test split:\n" + "\n".join(f"  {line}" for line in compare(corpus, shipped)))
    else:
        print("Understanding and answer models are up to date with the examples.")
    problems += _cross_checks(shipped)
    if problems:
        return _fail("\n".join(problems))
    return 0


def _cross_checks(shipped: Knowledge) -> list[str]:
    """Topics in the data against the model's labels (problems); old sources stating rules (warnings, printed)."""
    import datetime as dt

    from bot.understand.classifier import ModelError, load_model
    from knowledge.checks import named_topic_problems, predictable_topics, stale_rule_warnings, topic_label_problems

    for warning in stale_rule_warnings(shipped, dt.datetime.now(dt.UTC).date()):
        print(f"Warning: {warning}")
    named = named_topic_problems(shipped.faq)
    try:
        labels = next(labels for name, labels, _ in load_model().heads if name == "label")
    except ModelError as err:
        return [*named, str(err)]
    return [*named, *topic_label_problems(shipped.faq, predictable_topics(labels))]


def _knowledge_summary(knowledge: Knowledge) -> str:
    return (
        f"Knowledge OK: {len(knowledge.specialties)} specialties, {len(knowledge.faq)} FAQ topics, "
        f"{len(knowledge.tips)} tips, {len(knowledge.facts)} facts, {len(knowledge.sources)} sources."
    )


def _series_summary(knowledge: Knowledge) -> str:
    """How rankings, charts and fit lists group the specialties, so a stray year or population shows."""
    groups = knowledge.ranking()
    lines = [
        f"{len(g.rows):>3}  {g.label}" + ("" if i == 0 else ": " + ", ".join(s.short_name for s, _ in g.rows))
        for i, g in enumerate(groups)
    ]
    return "Rankings group the specialties by source, year and population (specialties per group):\n" + "\n".join(lines)


def cli() -> int:
    """`main`, quiet when the reader of its output goes away (`python -m bot ask ... | head -3`)."""
    try:
        return main()
    except BrokenPipeError:
        # the reader closed the pipe: nothing more can be shown, and a traceback would be the last thing printed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(cli())
