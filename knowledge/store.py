"""Load the knowledge files once, validate them, and build the in-memory indexes.

Each file in `knowledge/data/` is a TinyDB database holding one table named after
the file. A non-programmer edits them; `load_knowledge` turns any mistake into one
message that names the file, the record and the field at fault.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from tinydb import TinyDB

from knowledge.models import (
    Answer,
    Encouragement,
    Fact,
    FaqEntry,
    Figure,
    OtherSpecialty,
    Source,
    Specialty,
    Tip,
)
from knowledge.text import normalize

DATA_DIR = Path(__file__).parent / "data"
MINIMUM_SCORE_FACT = "step2-passing-score"
"""The fact holding Step 2 CK's current pass mark (its value) and the date it took effect (its as_of)."""
EARLIER_MINIMUM_FACT = "step2-passing-score-2022"
"""The pass mark before the current one (July 2022 to June 2025): under both, a recent score is a fail."""

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
    answers: Mapping[str, Answer] = field(default_factory=dict)
    """Specific answers by id, each filed under a FAQ topic (answers.json)."""
    encouragements: tuple[Encouragement, ...] = ()
    """The closing lines of study-day nudges, in file order (encouragements.json)."""

    def cite(self, source_id: str) -> str:
        """The short citation students see for a source, e.g. 'OnlineMedEd, May 2025'."""
        return self.sources[source_id].citation

    def label(self, figure: Figure) -> str:
        """Where a figure comes from, whose it is and which year, built from the source and the figure.

        "<citation>: <population>, <year> data"; what the source leaves out is said, not skipped:
        "<citation>, year and population not stated" (the seed article's figures).
        """
        cite = self.cite(figure.source)
        if figure.year is None and figure.population is None:
            return f"{cite}, year and population not stated"
        year = f"{figure.year} data" if figure.year is not None else "year not stated"
        return f"{cite}: {figure.population or 'population not stated'}, {year}"

    def pass_mark(self) -> int | None:
        """Step 2 CK's current pass mark, from its fact; None if the store holds none."""
        fact = self.facts.get(MINIMUM_SCORE_FACT)
        return int(fact.value) if fact is not None and fact.value is not None else None

    def fail_mark(self) -> int | None:
        """Under this, a Step 2 CK score on today's scale fails whichever recent pass mark applied to it."""
        marks = [f.value for f in (self.facts.get(i) for i in (MINIMUM_SCORE_FACT, EARLIER_MINIMUM_FACT)) if f]
        known = [int(m) for m in marks if m is not None]
        return min(known) if known else None

    def typical_average(self) -> int:
        """The middle of the specialties' lead averages: a score at or above it is no low score, whatever the field."""
        values = sorted(self.lead(s).value for s in self.specialties)
        return values[len(values) // 2] if values else 300

    def lowest_average(self) -> int:
        """The lowest of the specialties' lead averages: that field is where a parallel plan usually points."""
        return min((self.lead(s).value for s in self.specialties), default=0)

    def lead(self, specialty_id: str) -> Figure:
        """The figure a reply about one specialty leads with (see `_series` for how it is chosen)."""
        return self._leads[specialty_id]

    def figures_of(self, specialty_id: str) -> tuple[Figure, ...]:
        """Every figure of a specialty, the lead first, then in the same order of preference."""
        return self._figures_of[specialty_id]

    def group_figure(self, specialty_id: str, group: str) -> Figure | None:
        """A specialty's figure for one group of applicants ("img"), the newest data first; None if none is held."""
        spec = self.specialties.get(specialty_id)
        held = [f for f in spec.figures if f.group == group] if spec is not None else []
        return max(held, key=lambda f: (f.year or 0, self.sources[f.source].is_primary, f.as_of), default=None)

    def groups_held(self) -> frozenset[str]:
        """The groups of applicants ("img") the store holds figures of their own for."""
        return self._groups_held

    def groups(self, specialty_ids: Iterable[str]) -> tuple[Group, ...]:
        """The specialties split so that each group's figures share one source, year and population.

        One group when a single series covers them all (the usual case); otherwise the series
        covering most of those left, repeatedly. Replies name each group's label once and never
        set a figure of one group against another's.
        """
        wanted = list(dict.fromkeys(i for i in specialty_ids if i in self.specialties))
        if len(wanted) == len(self.specialties):
            return self._ranking
        return self._partition(wanted)

    def ranking(self) -> tuple[Group, ...]:
        """Every specialty, grouped by series (the largest first), each group highest average first."""
        return self._ranking

    def ranked_specialties(self) -> list[Specialty]:
        """Every specialty in the ranking's order: group by group, each highest average first."""
        return [spec for group in self._ranking for spec, _ in group.rows]

    def nearest(self, specialty_id: str, n: int = 2) -> tuple[Specialty, ...]:
        """The `n` specialties whose averages in this one's lead series are closest (others only to fill up)."""
        return self._nearest[specialty_id][:n]

    def _partition(self, wanted: list[str]) -> tuple[Group, ...]:
        groups: list[Group] = []
        left = set(wanted)
        while left:
            series = min(self._series, key=lambda s: -len(left & s.figures.keys()))  # ties: the preferred one
            rows = tuple((self.specialties[i], f) for i, f in series.figures.items() if i in left)
            groups.append(Group(series, self.label(rows[0][1]), rows))
            left -= {s.id for s, _ in rows}
        return tuple(groups)

    # Worked out once, when the knowledge loads: every reply with a figure reads these.
    @cached_property
    def _series(self) -> tuple[Series, ...]:
        """Every (source, year, population) in the store, most preferred first.

        Which figure leads, and which series a comparison uses when several cover it, is decided
        here and only here. Preferred, in this order:
        1. a figure whose year and population are both stated (a reader can tell whose average it
           is; the seed article's figures state neither, so they lead only where nothing else exists);
        2. the newest data year;
        3. the most primary source: the publisher of the data itself (NRMP, AAMC, SF Match, ...;
           `Source.is_primary`) before a page summarising it;
        4. the most recently published, then the order of the files.
        A comparison, fit list, table or chart first takes the series covering the most of its
        specialties (one source for all of them is the point), and this order only breaks ties.
        """
        found: dict[tuple[str, int | None, str | None], dict[str, Figure]] = {}
        for spec in self.specialties.values():
            for figure in spec.figures:
                if figure.group is not None:
                    continue  # one group's figure never leads, ranks or charts for everyone: `group_figure`
                found.setdefault((figure.source, figure.year, figure.population), {}).setdefault(spec.id, figure)

        def preference(item: tuple[int, tuple[str, int | None, str | None]]) -> tuple[bool, int, bool, int, int]:
            position, (source, year, population) = item
            newest = max(f.as_of for f in found[(source, year, population)].values())
            stated = year is not None and population is not None
            return (not stated, -(year or 0), not self.sources[source].is_primary, -newest.toordinal(), position)

        ordered = sorted(enumerate(found), key=preference)
        return tuple(
            Series(*key, MappingProxyType(dict(sorted(found[key].items(), key=lambda kv: -kv[1].value))))
            for _, key in ordered
        )

    @cached_property
    def _figures_of(self) -> dict[str, tuple[Figure, ...]]:
        out: dict[str, list[Figure]] = {ident: [] for ident in self.specialties}
        for series in self._series:
            for ident, figure in series.figures.items():
                out[ident].append(figure)
        return {ident: tuple(figures) for ident, figures in out.items()}

    @cached_property
    def _groups_held(self) -> frozenset[str]:
        return frozenset(f.group for spec in self.specialties.values() for f in spec.figures if f.group is not None)

    @cached_property
    def _leads(self) -> dict[str, Figure]:
        return {ident: figures[0] for ident, figures in self._figures_of.items()}

    @cached_property
    def _ranking(self) -> tuple[Group, ...]:
        return self._partition(list(self.specialties))

    @cached_property
    def _nearest(self) -> dict[str, tuple[Specialty, ...]]:
        out = {}
        for spec in self.specialties.values():
            lead = self._leads[spec.id]
            series = next(s for s in self._series if s.figures.get(spec.id) is lead)
            near = sorted(
                (i for i in series.figures if i != spec.id), key=lambda i: abs(series.figures[i].value - lead.value)
            )
            rest = sorted(
                (i for i in self.specialties if i != spec.id and i not in series.figures),
                key=lambda i: abs(self._leads[i].value - lead.value),
            )
            out[spec.id] = tuple(self.specialties[i] for i in [*near, *rest])
        return out

    def warm(self) -> Knowledge:
        """Work out the series, leads and rankings now, so no reply pays for them."""
        for ident in self.specialties:
            self.nearest(ident)
        self.ranking()
        self.groups_held()
        return self


@dataclass(frozen=True)
class Series:
    """One source's averages for one year and population: the figures a reply may set side by side."""

    source: str
    year: int | None
    population: str | None
    figures: Mapping[str, Figure]
    """Specialty id -> its figure in this series, highest value first (ties in file order)."""


@dataclass(frozen=True)
class Group:
    """Specialties shown together under one label, because their figures come from one series."""

    series: Series
    label: str
    rows: tuple[tuple[Specialty, Figure], ...]
    """(specialty, its figure in the series), highest first."""


T = TypeVar("T")
_DERIVED: dict[tuple[int, Callable[[Knowledge], Any]], tuple[Knowledge, Any]] = {}


def derived(knowledge: Knowledge, build: Callable[[Knowledge], T]) -> T:
    """What `build` works out from this Knowledge (an index), built on first use and kept beside it.

    Knowledge is unhashable, so it is kept by id, and held so that its id can't be reused.
    """
    key = (id(knowledge), build)
    cached = _DERIVED.get(key)
    if cached is not None and cached[0] is knowledge:
        return cached[1]  # type: ignore[no-any-return]
    if len(_DERIVED) > 16:  # tests build many; a running bot holds one
        _DERIVED.clear()
    value = build(knowledge)
    _DERIVED[key] = (knowledge, value)
    return value


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
        for name in ("sources", "specialties", "other_specialties", "faq", "tips", "encouragements", "facts", "answers")
    }
    sources = _by_id(paths["sources"], _validate(paths["sources"], Source))
    specialties = _by_id(paths["specialties"], _validate(paths["specialties"], Specialty))
    others = _by_id(paths["other_specialties"], _validate(paths["other_specialties"], OtherSpecialty))
    faq = _by_id(paths["faq"], _validate(paths["faq"], FaqEntry), key="topic")
    tips = list(_by_id(paths["tips"], _validate(paths["tips"], Tip)).values())
    encouragements = list(_by_id(paths["encouragements"], _validate(paths["encouragements"], Encouragement)).values())
    facts = _by_id(paths["facts"], _validate(paths["facts"], Fact))
    answers = _by_id(paths["answers"], _validate(paths["answers"], Answer))

    if not specialties:
        raise KnowledgeError(f"{paths['specialties'].name}: holds no specialty")
    if not tips:
        raise KnowledgeError(f"{paths['tips'].name}: holds no tip")
    if not encouragements:
        raise KnowledgeError(f"{paths['encouragements'].name}: holds no encouragement")
    for spec in specialties.values():
        _check_refs(paths["specialties"], spec.id, "figures.source", [f.source for f in spec.figures], sources)
        _check_refs(paths["specialties"], spec.id, "match_sources", spec.match_sources, sources)
        _check_refs(
            paths["specialties"], spec.id, "signals.source", [spec.signals.source] if spec.signals else [], sources
        )
    for other in others.values():
        _check_refs(paths["other_specialties"], other.id, "match_sources", other.match_sources, sources)
        _check_refs(
            paths["other_specialties"], other.id, "residency", [other.residency] if other.residency else [], specialties
        )
    for entry in faq.values():
        _check_refs(paths["faq"], entry.topic, "sources", entry.sources, sources)
        _check_refs(paths["faq"], entry.topic, "related", entry.related, faq)
        if entry.topic in entry.related or len(set(entry.related)) != len(entry.related):
            raise KnowledgeError(f'{paths["faq"].name}, "{entry.topic}", field related: lists itself or a topic twice')
    for tip in tips:
        _check_refs(paths["tips"], tip.id, "source", [tip.source] if tip.source else [], sources)
    for fact in facts.values():
        _check_refs(paths["facts"], fact.id, "source", [fact.source], sources)
    for answer in answers.values():
        _check_refs(paths["answers"], answer.id, "topic", [answer.topic], faq)
        _check_refs(paths["answers"], answer.id, "sources", answer.sources, sources)

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

    knowledge = Knowledge(
        sources=sources,
        specialties=specialties,
        other_specialties=others,
        faq=faq,
        tips=tuple(tips),
        facts=facts,
        alias_index=alias_index,
        other_alias_index=other_index,
        phrasing_index=phrasing_index,
        answers=answers,
        encouragements=tuple(encouragements),
    )
    return knowledge.warm()


IMPORT_COLUMNS = ("specialty", "figures", "source", "year", "population")
"""Columns a yearly table must have; `as_of`, `short_name` and `group` ("img", "do") are optional extras."""


def _write_table(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write one TinyDB file the way the shipped ones look, replacing it atomically."""
    table = {path.stem: {str(i): row for i, row in enumerate(rows, 1)}}
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def _parse_figures(cell: str, where: str) -> tuple[int, int | None]:
    """ "250" -> (250, None); "250/241" -> matched 250, unmatched 241."""
    parts = [p.strip() for p in cell.split("/")]
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() for p in parts):
        raise KnowledgeError(
            f'{where}, column figures: "{cell}" is not a score or a matched/unmatched pair like 250/241'
        )
    return int(parts[0]), int(parts[1]) if len(parts) == 2 else None


def import_figures(csv_path: Path, data_dir: Path = DATA_DIR) -> str:
    """Merge a yearly table of labelled figures into the specialty files, validating before writing.

    Each row adds a figure to a specialty (named by id, name or any alias), or replaces the one
    with the same source, year and population. A specialty listed in other_specialties.json
    moves into specialties.json with its first figure. Nothing is written unless the result
    loads cleanly with `load_knowledge`; the message names the row and column at fault.
    """
    knowledge = load_knowledge(data_dir)
    try:
        with csv_path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in IMPORT_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeError(f"{csv_path.name}: missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except OSError as err:
        raise KnowledgeError(f"{csv_path.name}: cannot read it ({err.strerror})") from None
    if not rows:
        raise KnowledgeError(f"{csv_path.name}: holds no rows")

    specs = {s.id: s.model_dump(mode="json", exclude_defaults=True) for s in knowledge.specialties.values()}
    others = {o.id: o.model_dump(mode="json", exclude_defaults=True) for o in knowledge.other_specialties.values()}
    added = replaced = moved = 0
    for line, row in enumerate(rows, 2):  # line 1 is the header
        where = f"{csv_path.name}, line {line}"
        name = (row.get("specialty") or "").strip()
        key = normalize(name)
        ident = knowledge.alias_index.get(key) or knowledge.other_alias_index.get(key) or key.replace(" ", "-")
        source = (row.get("source") or "").strip()
        if source not in knowledge.sources:
            raise KnowledgeError(f'{where}, column source: unknown id "{source}" (add it to sources.json first)')
        as_of = (row.get("as_of") or "").strip() or knowledge.sources[source].published
        if not as_of:
            raise KnowledgeError(f'{where}, column as_of: needed, since source "{source}" has no published date')
        year = (row.get("year") or "").strip()
        value, unmatched = _parse_figures((row.get("figures") or "").strip(), where)
        figure: dict[str, Any] = {"value": value, "source": source, "as_of": str(as_of)}
        if year:
            if not year.isdigit():
                raise KnowledgeError(f'{where}, column year: "{year}" is not a year')
            figure["year"] = int(year)
        if population := (row.get("population") or "").strip():
            figure["population"] = population
        if unmatched is not None:
            figure["unmatched"] = unmatched
        if group := (row.get("group") or "").strip():
            figure["group"] = group
        same = (figure["source"], figure.get("year"), figure.get("population"))
        if ident in others:
            other = others.pop(ident)
            short = (row.get("short_name") or "").strip() or other["name"]
            specs[ident] = {**other, "short_name": short, "figures": [figure]}
            moved += 1
        elif ident in specs:
            figures = specs[ident]["figures"]
            at = next(
                (i for i, f in enumerate(figures) if (f["source"], f.get("year"), f.get("population")) == same), None
            )
            if at is None:
                figures.append(figure)
                added += 1
            else:
                figures[at] = figure
                replaced += 1
        else:
            raise KnowledgeError(f'{where}, column specialty: "{name}" names no specialty in the store')

    # Validate the whole result with the same loader the bot uses, on a scratch copy.
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(shutil.copytree(data_dir, Path(scratch) / "data"))
        _write_table(trial / "specialties.json", list(specs.values()))
        _write_table(trial / "other_specialties.json", list(others.values()))
        try:
            result = load_knowledge(trial)
        except KnowledgeError as err:
            raise KnowledgeError(f"{csv_path.name} would break the store: {err}") from None
    _write_table(data_dir / "specialties.json", list(specs.values()))
    _write_table(data_dir / "other_specialties.json", list(others.values()))
    return (
        f"Imported {len(rows)} row(s) from {csv_path.name}: {added} figure(s) added, {replaced} replaced, "
        f"{moved} specialt{'y' if moved == 1 else 'ies'} moved into specialties.json. "
        f"Now {len(result.specialties)} specialties."
    )
