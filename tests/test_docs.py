"""The README and docs/: their links lead somewhere, and their pictures can be drawn again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def relative_links(page: Path) -> list[str]:
    """Every link target in `page` that is a path in this repository (no URL, no bare #anchor)."""
    targets = (m.group(1) for m in LINK.finditer(page.read_text(encoding="utf-8")))
    return [t.split("#", 1)[0] for t in targets if not re.match(r"[a-z]+:|#", t)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_points_to_a_file_that_exists(page: Path) -> None:
    missing = [t for t in relative_links(page) if not (page.parent / t).exists()]
    assert not missing, f"{page.name} links to missing paths: {missing}"


def test_the_readme_links_to_the_long_docs() -> None:
    links = relative_links(ROOT / "README.md")
    assert "docs/performance.md" in links and "docs/knowledge.md" in links


@pytest.mark.e2e
def test_the_screenshot_script_writes_valid_pngs(tmp_path: Path) -> None:
    from docs import make_screenshots

    written = make_screenshots.main(tmp_path)
    assert {p.name for p in written} == {"chart.png", "progress.png", "plan.png"}
    for path in written:
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE), path.name
        assert len(data) > 10_000, path.name  # a real picture, not an empty canvas
