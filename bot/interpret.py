"""One ordered decision: which road a message takes, after understanding and before any reply.

Two layers decide what a message gets, and this is where their precedence is written down:

1. **Inside understanding** (`bot.understand._settle`), rules over the entities overrule the
   model on the core frames: a specialty and an average word are an average question; a Step 2 CK
   score and a specialty are the comparison; a score alone asking what fits is the fit list; any
   request for reminders or a plan is the plan; Step 3, CS and school exams are out of scope.
   The model only decides what no rule settles (the FAQ topic, a vent, small talk...). A frame can carry
   a topic beside it, a question the comparison doesn't answer ("how many programs should I signal for
   EM with a 246?"): that answer comes first, and the score still sits beside the field's averages.
2. **Here**, over the understood message and three facts about the student, in this order; the
   first road that fits wins:

   1. ``crisis``: hopelessness or self-harm, wherever it is said (a command's words, mid set-up).
      Nothing else happens in that turn: nothing is planned, scored or remembered.
   2. ``command``: ``/score 248 ortho`` and every button (each button runs a command).
   3. ``setup``: while the plan set-up waits for an answer, the message is taken as the answer
      (or, when it answers nothing and asks nothing, the question is asked again); ``setup_aside``:
      a real question asked meanwhile is answered, then the set-up question is asked again.
   4. ``matched`` (news of a match, with no question), ``finished`` (news that the exam is behind
      them, "just walked out of prometric!!"), ``passed`` ("I PASSED!!!") and ``feeling`` (a feeling
      that is the point, "im freaking out, my exam is tomorrow"): listened to, not answered with data.
   5. Frames on the student's own plan: ``calendar`` (the plan as a file), ``plan`` (set-up),
      ``plan_operation`` (the exam moved, progress logged, days left, a break).
   6. ``answer``: everything else, from the intent: advice, the answer bank, small talk, a
      question back when unsure.

A feeling that is not the point rides along on whatever road is taken: the reply names it
first (`talk.with_feeling`). `tests/test_interpret.py` checks this whole order as one table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Road = Literal[
    "crisis",
    "command",
    "setup",
    "setup_aside",
    "matched",
    "finished",
    "passed",
    "feeling",
    "calendar",
    "plan",
    "plan_operation",
    "answer",
]

PLAN_OPERATIONS = frozenset({"exam_moved", "log_progress", "days_left", "plan_break"})
"""Free-text operations on the student's own plan ("how many days until my exam")."""
PLAN_READS = PLAN_OPERATIONS | {"study_plan"}
"""Readings for which whether a plan was asked for (`Situation.asks_plan`) can change the road."""
NOT_A_QUESTION = frozenset({"unknown", "study_plan"})
"""During set-up, a message read as one of these is no question of its own: the set-up goes on."""
LISTENED_TO = frozenset({"stress", "panic", "failure", "shame", "exhaustion", "worry"})
"""Feelings that, said with a plan request the student didn't really make, are the point of the message."""


@dataclass(frozen=True)
class Situation:
    """What the decision reads: the message as understood, and what we know of the student's plan."""

    intent: str
    """The understood intent ("command" for a command or a button)."""
    crisis: bool = False
    unsure: bool = False
    feeling: str | None = None
    asks_plan: bool = False
    """Explicitly asks for a plan or a schedule ("make me a study plan")."""
    asks_calendar: bool = False
    """Asks for the plan as a calendar file ("add it to my calendar")."""
    matched: bool = False
    """News that the student has just matched."""
    let_down: bool = False
    """A let-down said in words ("kinda bummed"), beside news or a question."""
    feeling_asked: bool = False
    """Whether what they feel is normal, asked ("kinda bummed tbh, is that weird"): the feeling's reply answers it."""
    what_now: bool = False
    """What to do now, asked ("exam done!! now what do i do with myself"): the news's own reply answers it."""
    finished: bool = False
    """News that the student has just sat the exam."""
    passed: bool = False
    """News that the student has passed ("I PASSED!!!")."""
    exam_soon: bool = False
    """The exam is today or tomorrow ("nervous af for tomorrow")."""
    question: bool = False
    """The message asks something (a question mark)."""
    in_setup: bool = False
    """A plan set-up is waiting for an answer (private chats only)."""
    setup_answered: bool = False
    """The set-up took the message as an answer to its question (or a cancel)."""
    has_plan: bool = False


def _aside(s: Situation) -> bool:
    """A message during set-up that asks something of its own, answered before the set-up goes on."""
    if s.asks_calendar and s.has_plan:
        return True
    # "jan 20" or "did 40 qs" while the first plan is set up operates on no plan yet: not a question.
    operation_without_plan = s.intent in PLAN_OPERATIONS and not s.has_plan
    if s.intent == "vent" and s.feeling is not None:
        return True  # "ok real talk i think i might fail" mid set-up: met first, then the set-up's question again
    return s.intent not in NOT_A_QUESTION and not s.unsure and not operation_without_plan


def _feeling_is_the_point(s: Situation) -> bool:
    """A vent, or a plan request the feeling outweighs ("im freaking out, my exam is tomorrow"); with the
    exam hours away, nerves read as a plan operation too ("nervous af for tomorrow" is no break)."""
    if s.intent == "vent":
        return True
    if s.asks_plan or s.asks_calendar:
        return False
    planned = s.intent == "study_plan" or (s.exam_soon and s.intent in PLAN_OPERATIONS)
    return planned and s.feeling in LISTENED_TO


ROADS: tuple[tuple[Road, Callable[[Situation], bool]], ...] = (
    ("crisis", lambda s: s.crisis),
    ("command", lambda s: s.intent == "command"),
    ("setup", lambda s: s.in_setup and (s.setup_answered or not _aside(s))),
    ("setup_aside", lambda s: s.in_setup),
    # a let-down beside the news is met there too ("matched at my #3. kinda bummed, is that weird?")
    ("matched", lambda s: s.matched and (not s.question or (s.let_down and s.feeling_asked))),
    ("finished", lambda s: s.finished and (not s.question or s.what_now)),
    ("passed", lambda s: s.passed and not s.question),
    ("feeling", _feeling_is_the_point),
    ("calendar", lambda s: s.asks_calendar),
    ("plan", lambda s: s.intent == "study_plan" and not s.unsure),
    ("plan_operation", lambda s: s.intent in PLAN_OPERATIONS and not s.unsure),
)
"""The roads in order of precedence; a message takes the first that fits, else ``answer``."""


def road(situation: Situation) -> Road:
    """The road a message takes: the first in `ROADS` that fits it, else "answer"."""
    return next((name for name, fits in ROADS if fits(situation)), "answer")
