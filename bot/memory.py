"""What a message tells us about the student, kept: their score, who they are, what they asked about.

Pure: a profile and a parsed message in, the profile to store out (the same object when the
message changed nothing, so the caller can skip the disk).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.parse_answers import find_exam_date
from bot.student import About, Profile
from bot.understand import Parsed
from knowledge import Knowledge

MAX_INTERESTS = 5
"""Specialties remembered, newest first."""


def remember(profile: Profile, parsed: Parsed, text: str, knowledge: Knowledge, today: dt.date) -> Profile:
    """The student's score, what they said about themselves and the specialties asked about, kept.

    A score they state as their own ("I got 251") replaces the remembered one; a score they
    only ask about ("is 240 good?") is kept as context only while we know no real one; one hoped
    for or feared ("if I get 240"), another person's, or one from an exam under older rules, is not kept at all.
    """
    score, own = profile.score, profile.about.score_own
    kept = not (older_score(parsed, knowledge) or parsed.hypothetical or parsed.someone_else)
    if parsed.score is not None and (parsed.own or not own) and kept:
        score, own = parsed.score, parsed.own
    interests = tuple(dict.fromkeys((*parsed.specialties, *profile.specialties)))[:MAX_INTERESTS]
    about = merged_about(profile.about, parsed)
    if own != about.score_own:
        about = replace(about, score_own=own)
    if parsed.exam_date and text:
        found = find_exam_date(text, today)
        if isinstance(found, dt.date):
            about = replace(about, exam_date=found.isoformat())
    if (score, interests, about) == (profile.score, profile.specialties, profile.about):
        return profile  # most messages change nothing: skip the disk entirely
    return replace(profile, score=score, specialties=interests, about=about)


def merged_about(about: About, parsed: Parsed) -> About:
    """What we knew, updated with what this message said (a new statement wins)."""
    if not (parsed.school or parsed.stage or parsed.status or parsed.step1 or parsed.practice):
        return about  # nothing about themselves in this message (most of them)
    practice = tuple(
        f"{p.exam.upper() if p.exam != 'free120' else 'Free 120'}{' ' + p.form if p.form else ''}: "
        + (f"{p.score}" if p.score is not None else f"{p.percent}%")
        for p in parsed.practice
    )
    return replace(
        about,
        school=parsed.school or about.school,
        stage=parsed.stage or about.stage,
        status=parsed.status or about.status,
        step1=parsed.step1 or about.step1,
        practice=tuple(dict.fromkeys((*practice, *about.practice)))[:5] if practice else about.practice,
    )


def older_score(parsed: Parsed, knowledge: Knowledge) -> bool:
    """A score under today's pass mark from a year before today's rules: not today's to judge, nor to keep."""
    if parsed.score is None or parsed.score_year is None:
        return False
    return parsed.score < (knowledge.pass_mark() or 0)
