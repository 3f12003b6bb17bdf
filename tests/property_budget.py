"""How many examples a property test tries: its full number in the whole suite, a fifth in the fast tier.

The fast tier (`pytest -m "not e2e"`) loads hypothesis's "fast" profile (tests/conftest.py), of
20 examples a test where the default profile has 100; a test that names its own number scales
with it through `examples`. CI runs the whole suite, so every property test tries its full number there.
"""

from __future__ import annotations

from hypothesis import settings

FULL = 100
"""Examples a test under hypothesis's default profile."""


def examples(full: int) -> int:
    """`full` in the whole suite, in proportion under a smaller profile (at least 10)."""
    return max(10, full * settings.default.max_examples // FULL)
