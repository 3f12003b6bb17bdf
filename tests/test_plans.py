"""bot.plans as a whole: pure, so it imports no transport, and the understanding does not import it."""

from __future__ import annotations

import ast

from tests.plan_helpers import BOT


def _imports(name: str) -> set[str]:
    tree = ast.parse((BOT / name).read_text())
    modules = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return modules | {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_core_never_imports_telegram() -> None:
    plan_modules = [str(p.relative_to(BOT)) for p in (BOT / "plans").glob("*.py")]
    for name in (*plan_modules, "plan_flow.py", "parse_answers.py", "formatting.py", "timezones.py"):
        assert not {m for m in _imports(name) if m.split(".")[0] == "telegram"}


def test_understanding_and_settings_do_not_import_the_plan_module() -> None:
    understanding = sorted(p.relative_to(BOT) for p in (BOT / "understand").glob("*.py"))
    assert understanding  # the package is there to check
    for name in (*map(str, understanding), "config.py"):
        assert not {m for m in _imports(name) if m.startswith("bot.plans") or m == "bot.plan_flow"}, name
