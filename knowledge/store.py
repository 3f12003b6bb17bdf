"""Load the knowledge files once, validate them, and build the in-memory indexes.

Each file in `knowledge/data/` is a TinyDB database holding one table named after
the file. A non-programmer edits them; `load_knowledge` turns any mistake into one
message that names the file, the record and the field at fault.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from tinydb import TinyDB

from knowledge.models import Fact, FaqEntry, OtherSpecialty, Source, Specialty, Tip
from knowledge.text import normalize

DATA_DIR = Path(__file__).parent / "data"

M = TypeVar("M", bound=BaseModel)


class KnowledgeError(ValueError):
    """The knowledge files are invalid; the message says where and why."""


@dataclass(frozen=True)
class Knowledge:
    """Validated, read-only knowledge with lookups that cost one dict access."""

    sources: Mapping[str, Source]
    specialties: Mapping[str, Specialty]
    other_specialties: Mapping[str, OtherSpecialty]
    faq: Mapping[str, FaqEntry]
    tips: tuple[Tip, ...]
    facts: Mapping[str, Fact]
    alias_index: Mapping[str, str]
    """normalize(alias) -> specialty id, for every alias and name."""
    other_alias_index: Mapping[str, str]
    """normalize(alias) -> other-specialty id, for specialties we hold no average for."""
    phrasing_index: Mapping[str, str]
    """normalize(phrasing) -> FAQ topic, for every way students ask a question."""

    def cite(self, source_id: str) -> str:
        """The short citation students see for a source, e.g. 'OnlineMedEd, May 2025'."""
        return self.sources[source_id].citation

    def ranked_specialties(self) -> list[Specialty]:
        """Specialties from the highest average to the lowest (ties keep file order)."""
        return sorted(self.specialties.values(), key=lambda s: -s.average_step2)


def _read_table(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """Return (record id, raw record) pairs from one TinyDB file, in file order."""
    if not path.is_file():
        raise KnowledgeError(f"{path.name}: file is missing")
    try:
        with TinyDB(path, access_mode="r") as db:
            raw = db.storage.read() or {}
    except json.JSONDecodeError as err:
        raise KnowledgeError(
            f"{path.name}: not valid JSON at line {err.lineno}, column {err.colno}: {err.msg}"
        ) from None
    table = raw.get(path.stem)
    if not isinstance(table, dict):
        raise KnowledgeError(f'{path.name}: expected a table named "{path.stem}" at the top')
    rows = []
    for doc_id, record in table.items():
        if not isinstance(record, dict):
            raise KnowledgeError(f"{path.name}, record {doc_id}: expected an object")
        rows.append((doc_id, record))
    return rows


def _validate(path: Path, model: type[M]) -> list[tuple[str, M]]:
    """Validate every record of a file against its model, naming the first fault."""
    records = []
    for doc_id, raw in _read_table(path):
        try:
            records.append((doc_id, model.model_validate(raw)))
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "(record)"
            label = raw.get("id") or raw.get("topic")
            name = f'record {doc_id} ("{label}")' if label else f"record {doc_id}"
            raise KnowledgeError(f"{path.name}, {name}, field {field}: {first['msg']}") from None
    return records


def _by_id(path: Path, records: list[tuple[str, M]], key: str = "id") -> dict[str, M]:
    """Index records by their id field, refusing duplicates (and naming both records)."""
    out: dict[str, M] = {}
    where: dict[str, str] = {}
    for doc_id, record in records:
        ident = getattr(record, key)
        if ident in out:
            raise KnowledgeError(f'{path.name}, records {where[ident]} and {doc_id}: {key} "{ident}" appears twice')
        out[ident] = record
        where[ident] = doc_id
    return out


def _alias_index(
    path: Path, entries: Mapping[str, Specialty | OtherSpecialty], taken: Mapping[str, str]
) -> dict[str, str]:
    """Map each normalized alias and name to its owner, refusing clashes."""
    index: dict[str, str] = {}
    for ident, entry in entries.items():
        for alias in [entry.name, *entry.aliases]:
            key = normalize(alias)
            owner = index.get(key) or taken.get(key)
            if owner and owner != ident:
                raise KnowledgeError(f'{path.name}, "{ident}", field aliases: "{alias}" also names "{owner}"')
            index[key] = ident
    return index


def _check_refs(path: Path, owner: str, field: str, refs: list[str], known: Mapping[str, Any]) -> None:
    """Refuse a reference to a source or topic that does not exist."""
    for ref in refs:
        if ref not in known:
            raise KnowledgeError(f'{path.name}, "{owner}", field {field}: unknown id "{ref}"')


def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Load and validate every knowledge file; raise KnowledgeError on the first fault."""
    paths = {
        name: data_dir / f"{name}.json"
        for name in ("sources", "specialties", "other_specialties", "faq", "tips", "facts")
    }
    sources = _by_id(paths["sources"], _validate(paths["sources"], Source))
    specialties = _by_id(paths["specialties"], _validate(paths["specialties"], Specialty))
    others = _by_id(paths["other_specialties"], _validate(paths["other_specialties"], OtherSpecialty))
    faq = _by_id(paths["faq"], _validate(paths["faq"], FaqEntry), key="topic")
    tips = list(_by_id(paths["tips"], _validate(paths["tips"], Tip)).values())
    facts = _by_id(paths["facts"], _validate(paths["facts"], Fact))

    if not specialties:
        raise KnowledgeError(f"{paths['specialties'].name}: holds no specialty")
    if not tips:
        raise KnowledgeError(f"{paths['tips'].name}: holds no tip")
    for spec in specialties.values():
        _check_refs(paths["specialties"], spec.id, "source", [spec.source], sources)
    for entry in faq.values():
        _check_refs(paths["faq"], entry.topic, "sources", entry.sources, sources)
        _check_refs(paths["faq"], entry.topic, "related", entry.related, faq)
        if entry.topic in entry.related or len(set(entry.related)) != len(entry.related):
            raise KnowledgeError(f'{paths["faq"].name}, "{entry.topic}", field related: lists itself or a topic twice')
    for tip in tips:
        _check_refs(paths["tips"], tip.id, "source", [tip.source], sources)
    for fact in facts.values():
        _check_refs(paths["facts"], fact.id, "source", [fact.source], sources)

    alias_index = _alias_index(paths["specialties"], specialties, {})
    other_index = _alias_index(paths["other_specialties"], others, alias_index)
    phrasing_index: dict[str, str] = {}
    for entry in faq.values():
        for phrasing in [entry.title, *entry.phrasings]:
            owner = phrasing_index.setdefault(normalize(phrasing), entry.topic)
            if owner != entry.topic:
                # One question, two answers: the bot could only ever give the first.
                raise KnowledgeError(
                    f'{paths["faq"].name}, "{entry.topic}", field phrasings: "{phrasing}" also asks "{owner}"'
                )

    return Knowledge(
        sources=sources,
        specialties=specialties,
        other_specialties=others,
        faq=faq,
        tips=tuple(tips),
        facts=facts,
        alias_index=alias_index,
        other_alias_index=other_index,
        phrasing_index=phrasing_index,
    )
