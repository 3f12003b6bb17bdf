"""A small made-up store whose figures come from several sources, years and populations.

The rule tests use it instead of the shipped data, so they keep testing the rule whatever
figures the knowledge files hold next year. Every value here is invented for the tests.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from knowledge import Knowledge
from knowledge.models import Source, Specialty

SOURCES = {
    "seed": {"citation": "Seed Article, May 2025", "url": "https://seed.example.org/averages"},
    "blog-2024": {"citation": "Summary Blog, Mar 2026", "url": "https://blog.example.org/2024"},
    "nrmp-2024": {"citation": "NRMP Charting Outcomes 2024", "url": "https://www.nrmp.org/charting-outcomes-2024"},
    "sf-2025": {"citation": "SF Match 2025 report", "url": "https://sfmatch.org/report-2025"},
    "table-2020": {"citation": "Undated Table, year from a second source", "url": "https://table.example.org"},
}

SEED = {"source": "seed", "as_of": "2025-05-01"}
"""The seed article's figures: neither year nor population stated."""
BLOG_2024 = {"source": "blog-2024", "as_of": "2026-03-03", "year": 2024, "population": "matched U.S. MD seniors"}
NRMP_2024 = {"source": "nrmp-2024", "as_of": "2024-08-01", "year": 2024, "population": "matched U.S. MD seniors"}
SF_2025 = {"source": "sf-2025", "as_of": "2025-03-01", "year": 2025, "population": "U.S. MD seniors"}
TABLE_2020 = {"source": "table-2020", "as_of": "2020-12-01", "year": 2020, "population": "matched U.S. MD seniors"}

SPECIALTIES: dict[str, tuple[str, str, list[dict[str, Any]]]] = {
    "internal-medicine": ("Internal Medicine", "IM", [{"value": 245, **SEED}, {"value": 250, **BLOG_2024}]),
    "anesthesiology": ("Anesthesiology", "Anesthesia", [{"value": 250, **BLOG_2024}]),
    "family-medicine": ("Family Medicine", "FM", [{"value": 241, **SEED}]),
    "dermatology": (
        "Dermatology",
        "Derm",
        [{"value": 257, **SEED}, {"value": 257, **BLOG_2024}, {"value": 258, **NRMP_2024}],
    ),
    "psychiatry": ("Psychiatry", "Psych", [{"value": 242, **SEED}, {"value": 246, **BLOG_2024}]),
    "pediatrics": ("Pediatrics", "Peds", [{"value": 245, **SEED}, {"value": 247, **BLOG_2024}]),
    "ophthalmology": ("Ophthalmology", "Ophtho", [{"value": 258, "unmatched": 245, **SF_2025}]),
    "vascular-surgery": ("Vascular Surgery", "Vascular", [{"value": 247, **TABLE_2020}]),
}
"""id -> (name, short name, figures in file order: the seed's first where it has one)."""


def mixed_knowledge(real: Knowledge) -> Knowledge:
    """The real store's facts and FAQ with only the made-up sources and specialties above."""
    sources = {i: Source.model_validate({"id": i, "title": i, **s}) for i, s in SOURCES.items()}
    specialties = {
        i: Specialty.model_validate({"id": i, "name": n, "short_name": short, "aliases": [short], "figures": figures})
        for i, (n, short, figures) in SPECIALTIES.items()
    }
    # The facts keep their own sources (the pass mark's note cites them).
    kept = {f.source: real.sources[f.source] for f in real.facts.values()}
    return replace(real, sources={**kept, **sources}, specialties=specialties).warm()
