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


def asks_for_plan(norm: str) -> bool:
    """An explicit request for a schedule ("make me a study plan"), not just an exam date."""
    return _PLAN_EXPLICIT_RE.search(norm) is not None


_REMINDER_RE = re.compile(
    r"\b(?:remind|nudge|ping|text|message|notify|poke|bug)\s+(?:me|us)\b(?!\s+(?:what|how|when|why|who|which|of)\b)"
    r"|\b(?:daily|study|regular|morning|evening|weekly)\s+(?:reminders?|nudges?|notifications?|check\s*-?\s*ins?)\b"
    r"|\b(?:reminders?|nudges?|notifications?)\s+(?:to|for)\s+(?:study|studying|do|review)\b"
    r"|\b(?:set\s+up|send|get|want|need|give)\s+(?:me\s+)?(?:some\s+|daily\s+)?(?:reminders?|nudges?)\b"
)
_REMINDER_OFF_RE = re.compile(
    r"\b(?:stop|stopped|don\s*'?t|dont|do not|no more|pause|mute|quit|cancel|less|fewer|turn off|disable|"
    r"unsubscribe|too many|annoying|spam)\b"
)


def wants_reminders(norm: str) -> bool:
    """A request for reminders or nudges to study ("can u ping me daily", "remind me to study every day").

    The plan set-up is how the bot sends them, so this always starts it; asking for fewer or none
    ("stop reminding me") is a plan operation, not a request.
    """
    return _REMINDER_RE.search(norm) is not None and _REMINDER_OFF_RE.search(norm) is None


_JOKE_RE = re.compile(r"\b(?:tell|give|know|got|have)\b.{0,15}\bjokes?\b|\bsay something funny\b|\bmake me laugh\b")


def asks_for_joke(norm: str) -> bool:
    """ "tell me a joke": small talk, however the words read to the classifier."""
    return _JOKE_RE.search(norm) is not None


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


_CUT_OFF_RE = re.compile(r"\b(?:minimum|min|cut\s*-?\s*offs?|threshold|floor|filters?|screens?|requirements?)\b")
_AVERAGE_RE = re.compile(r"\b(?:median|average|avg|mean)\b")


def quoted_topic(norm: str, guessed: str | None) -> str | None:
    """The topic that answers a figure the student heard: a cut-off is about screening, an average
    about the national mean; otherwise the classifier's topic stands."""
    if _CUT_OFF_RE.search(norm):
        return "score_before_interview" if "interview" in norm else "program_directors"
    if _AVERAGE_RE.search(norm):
        return "overall_average"
    return guessed


_STEP2_CK_RE = re.compile(r"\b(?:step\s*(?:2|two|ii)(?!\s*cs)|step2(?!cs)|s2(?:ck)?|ck)\b")
_OUT_OF_SCOPE = (
    ("step2_cs", re.compile(r"\b(?:step\s*(?:2|two|ii)\s*cs|step2cs|cs exam|clinical skills(?: exam)?)\b")),
    ("step3", re.compile(r"\b(?:step\s*(?:3|three|iii)|step3|usmle\s*3)\b")),
    ("comlex", re.compile(r"\bcomlex(?:\s*(?:level\s*)?3|\s*pe)\b|\blevel\s*3\b")),
    ("mcat", re.compile(r"\bmcat\b")),
    ("school", re.compile(r"\b(?:shelf|shelves|osce|school exams?|final exams?|midterms?|petition\w*|cbse)\b")),
)
_STEP1_PREP_RE = re.compile(
    r"\bstep\s*(?:1|one|i)\b.*\b(?:study|studying|prep|prepare|preparing|resources?|first aid|pathoma|sketchy|"
    r"boards and beyond|biochem|micro|pharm|physio|anatomy|dedicated|uworld|anki)\b"
    r"|\b(?:study|studying|prep|prepare|preparing|resources?)\b.*\bstep\s*(?:1|one)\b"
)


def out_of_scope(norm: str) -> str | None:
    """Which exam outside Step 2 CK the message is about ("step3", "step2_cs", "comlex", "mcat",
    "school", "step1"), when it names no Step 2 CK; else None."""
    if _STEP2_CK_RE.search(norm):
        return None
    for kind, pattern in _OUT_OF_SCOPE:
        if pattern.search(norm):
            return kind
    if _STEP1_PREP_RE.search(norm) and not re.search(r"\b(?:pass|fail|p\s*/\s*f|score|scored|got)\b", norm):
        return "step1"
    return None
