"""The few rules that stay beside the classifier: pure greetings, help, and study-plan requests.

They are cheap, exact and easy to explain; everything else about intent is learned from
the labelled examples in knowledge/examples/.
"""

from __future__ import annotations

import re
from datetime import date

from bot.answers import find_exam_date
from bot.understand.specialties import Token
from knowledge.vocab import vocabulary

# --------------------------------------------------------------------------- intents


def is_greeting(tokens: list[Token]) -> bool:
    """Only greeting and thank-you words, with at least one real greeting among them."""
    words = [t.low for t in tokens]
    if "help" in words:
        return False  # "hi, help" asks for help
    has_greeting = any(w in vocabulary().greeting_words for w in words)
    return has_greeting and all(w in vocabulary().greeting_words or w in vocabulary().greeting_filler for w in words)


_HELP_WHOLE_RE = re.compile(
    r"(?:(?:hi|hey|hello|yo) )?(?:help|help me|helpp+|halp|commands?|menu|options|"
    r"instructions|usage|how to use|guide)(?: (?:me|please|pls|plz))?"
)
_HELP_RE = re.compile(
    r"\bwhat (?:can|do|does) (?:you|u|this bot|the bot|this|it|this thing) do\b"
    r"|\bhow (?:does|do) (?:this|it|you|u|the bot|this bot|this thing) work\b"
    r"|\bhow (?:do|can|should) i use (?:this|you|u|it|the bot|this bot)\b"
    r"|\bwho are you\b|\bwhat is this bot\b|\bwhat are you\b|\bcommands\b|\bhelp\b"
)
_HELP_TRIGGERS = ("what", "how", "who", "command", "help")


def asks_help(norm: str) -> bool:
    """ "help", "what can you do", "how does this work", "commands"."""
    if _HELP_WHOLE_RE.fullmatch(norm):
        return True
    return any(t in norm for t in _HELP_TRIGGERS) and _HELP_RE.search(norm) is not None


_SPAN = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"couple|couple of)\s+(?:days?|weeks?|wks?|months?|mos?)"
)
_PLAN_EXPLICIT_RE = re.compile(
    r"\bstudy\s+(?:plan|schedule|calendar|timetable)\b"
    r"|\b(?:make|build|create|give|write|draft|design|set up|need|want|plan|get)\b.{0,25}"
    r"\b(?:plan|schedule|calendar|timetable)\b"
    r"|\bplan (?:out )?(?:my|for my|the|out)? ?(?:dedicated|studying|study|prep|weeks?|"
    r"months?|days?)\b"
    r"|\bdedicated (?:plan|schedule|period|starts?|begins?)\b"
    r"|\b(?:exam|test) date\b|\b(?:my )?date is\b"
)
_EXAM_WORD_RE = re.compile(r"\b(?:exam|test|step (?:2|two)(?: ck)?|ck|s2ck|boards?)\b")
# A date beside these is an exam taken, a practice test or a score question, not one to plan for.
_NOT_AHEAD_RE = re.compile(
    r"\b(?:took|taken|sat|did|was|were|last|yesterday|ago|practice|uworld|uw|nbme|uwsa|cbse|free 120|"
    r"blocks?|scores?|results?|released?)\b"
)
_PLAN_SPAN_RE = re.compile(
    rf"\b{_SPAN} (?:left|until|till|to go|out|before (?:my|the) (?:exam|test)|of dedicated|dedicated)\b"
)
_ANY_DAY = date(2000, 1, 1)
"""A fixed day for plan detection, which asks only whether an exam date is named; whether it
is past or too far is the plan flow's to say, with the real date, when it asks for one."""
# "is it too late to take step 2 in august" asks about timing, it is not a date to plan for.
_TIMING_QUESTION_RE = re.compile(r"\btoo (?:late|early)\b|\bwhen\b|\bshould i\b|\bbest time\b")
_PLAN_RELATIVE_RE = re.compile(rf"\bin {_SPAN}\b|\b{_SPAN} (?:left|until|till|to go|out)\b")


_CALENDAR_RE = re.compile(
    r"\b(?:add|put|save|export|sync|send|import|download|load)\b.{0,40}"
    r"\b(?:calendar|cal|gcal|ical|icloud|outlook|ics)\b"
    r"|\b(?:in|into|to|on) (?:my|the|our) (?:google |apple |outlook |phone |phones )?(?:calendar|cal|gcal)\b"
    r"|\bexport (?:my |the |this |our )?(?:study )?(?:plan|schedule)\b"
    r"|\b(?:ics|ical|icalendar|calendar) (?:file|export|invite)\b"
)


def asks_for_calendar(norm: str) -> bool:
    """ "add it to my calendar", "export my plan", "put my exam in google calendar": the plan as a file."""
    return _CALENDAR_RE.search(norm) is not None


def asks_for_plan(norm: str) -> bool:
    """An explicit request for a schedule ("make me a study plan"), not just an exam date."""
    return _PLAN_EXPLICIT_RE.search(norm) is not None


def wants_plan(text: str, norm: str, has_score: bool) -> bool:
    """A request for a study schedule, or an exam date to plan towards.

    Dates are found by the plan flow's own parser, so whatever it can set up from
    ("exam next friday", "test is 2027-03-03", "in 6 weeks") starts it. With a score in
    the message, a calendar date is more likely when they sat the exam ("got 250 on
    step 2 in march"), so only a span ahead ("in 6 weeks") counts then.
    """
    if _PLAN_EXPLICIT_RE.search(norm):
        return True
    if _TIMING_QUESTION_RE.search(norm):
        return False
    if _PLAN_SPAN_RE.search(norm):
        return True
    if not _EXAM_WORD_RE.search(norm) or _NOT_AHEAD_RE.search(norm) or find_exam_date(text, _ANY_DAY) is None:
        return False
    return not has_score or _PLAN_RELATIVE_RE.search(norm) is not None
