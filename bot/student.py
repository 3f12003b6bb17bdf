"""Who the student is to the bot: their `Profile` (score, specialties, plan, draft) and `About` them.

Pure data with its JSON form; where it is kept is `bot.profiles` (or `bot.pg_store`), so the
reply modules that read a profile need not import the storage layer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from bot.plans.model import Plan, PlanDraft, stored_draft, stored_plan


@dataclass(frozen=True)
class About:
    """What the student told us about themselves (bot.understand reads it; /forget erases it)."""

    school: str | None = None
    """"us_md", "do" or "img"."""
    stage: str | None = None
    """As they put it: "ms3", "4th year", "intern"."""
    exam_date: str | None = None
    """Their upcoming Step 2 CK date, ISO format."""
    status: str | None = None
    """"taken", "passed" or "failed" (Step 2 CK)."""
    score_own: bool = False
    """`Profile.score` is their real result, so a score they only ask about doesn't replace it."""
    step1: int | None = None
    practice: tuple[str, ...] = ()
    """Latest practice-test results, most recent first, as they read ("NBME 12: 232")."""

    @classmethod
    def from_doc(cls, doc: dict[str, Any] | None) -> About:
        """Rebuild from the stored dict, ignoring keys we no longer use."""
        doc = doc or {}
        kept = {k: v for k, v in doc.items() if k in _ABOUT_KEYS}
        kept["practice"] = tuple(kept.get("practice") or ())
        return cls(**kept)

    def to_doc(self) -> dict[str, Any]:
        """The JSON document stored for it."""
        # Not dataclasses.asdict: its deep copy of plain strings and numbers showed in profiles.
        doc = {name: getattr(self, name) for name in _ABOUT_FIELDS}
        doc["practice"] = list(self.practice)
        return doc


_ABOUT_FIELDS = tuple(f.name for f in fields(About))
_ABOUT_KEYS = frozenset(_ABOUT_FIELDS)


@dataclass(frozen=True)
class Profile:
    """What the bot remembers about one user; nothing else is ever stored."""

    user_id: int
    score: int | None = None
    specialties: tuple[str, ...] = ()
    plan: Plan | None = None
    """The study plan (validated; stored as Plan.to_dict)."""
    draft: PlanDraft | None = None
    """A study-plan conversation in progress (stored as PlanDraft.to_dict)."""
    about: About = About()
    """What the student told us about themselves."""

    def __post_init__(self) -> None:
        # Older callers and stored records hand over plain dicts: read them into the models.
        if not isinstance(self.plan, Plan | None):
            object.__setattr__(self, "plan", stored_plan(self.plan))
        if not isinstance(self.draft, PlanDraft | None):
            object.__setattr__(self, "draft", stored_draft(self.draft))

    def to_doc(self) -> dict[str, Any]:
        """The JSON document stored for this profile (user_id is the document id)."""
        return {
            "score": self.score,
            "specialties": list(self.specialties),
            "plan": self.plan.to_dict() if self.plan is not None else None,
            "draft": self.draft.to_dict() if self.draft is not None else None,
            "about": self.about.to_doc(),
        }

    @classmethod
    def from_doc(cls, user_id: int, doc: dict[str, Any]) -> Profile:
        """Rebuild a profile from its stored document, ignoring fields we no longer use."""
        return cls(
            user_id=user_id,
            score=doc.get("score"),
            specialties=tuple(doc.get("specialties") or ()),
            plan=stored_plan(doc.get("plan")),
            draft=stored_draft(doc.get("draft")),
            about=About.from_doc(doc.get("about")),
        )
