"""The few rules that stay beside the classifier: pure greetings, help, and study-plan requests.

They are cheap, exact and easy to explain; everything else about intent is learned from
the labelled examples in knowledge/examples/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from bot import quick_re
from bot.exam_words import ANY_DAY, EXAM_WORDS, PAST_WORDS, PRACTICE_NAME_RE, PRACTICE_TESTS, words_re
from bot.parse_answers import NUMBER_WORDS, find_exam_date
from bot.understand.specialties import Token, is_shouting
from knowledge import topics
from knowledge.text import holds_any, normalize
from knowledge.vocab import vocabulary

# --------------------------------------------------------------------------- intents


def is_greeting(tokens: list[Token]) -> bool:
    """Only greeting and thank-you words, with at least one real greeting among them."""
    words = [t.low for t in tokens]
    if "help" in words:
        return False  # "hi, help" asks for help
    has_greeting = any(w in vocabulary().greeting_words for w in words)
    return has_greeting and all(w in vocabulary().greeting_words or w in vocabulary().greeting_filler for w in words)


_HELP_WHOLE_RE = quick_re.compile(
    r"(?:(?:hi|hey|hello|yo) )?(?:help|help me|helpp+|halp|commands?|menu|options|"
    r"instructions|usage|how to use|guide)(?: (?:me|please|pls|plz))?"
)
_WHAT_WE_DO = (
    r"\bwhat (?:can|do|does) (?:you|u|this bot|the bot|this|it|this thing) do\b"
    r"|\bhow (?:does|do) (?:this|it|you|u|the bot|this bot|this thing) work\b"
    r"|\bhow (?:do|can|should) i use (?:this|you|u|it|the bot|this bot)\b"
)
_WHAT_WE_DO_RE = quick_re.compile(_WHAT_WE_DO)
_HELP_RE = quick_re.compile(
    rf"{_WHAT_WE_DO}"
    r"|\bwho are you\b|\bwhat is this bot\b|\bwhat are you\b|\bcommands\b|\bhelp\b"
)
_HELP_TRIGGERS = ("what", "how", "who", "command", "help")


def asks_help(norm: str) -> bool:
    """ "help", "what can you do", "how does this work", "commands"."""
    if _HELP_WHOLE_RE.fullmatch(norm):
        return True
    return any(t in norm for t in _HELP_TRIGGERS) and _HELP_RE.search(norm) is not None


def asks_what_we_do(norm: str) -> bool:
    """ "what can you do", "how does this work": what the bot is for, asked (not who or what it is)."""
    return _WHAT_WE_DO_RE.search(norm) is not None


_SPAN = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|"
    r"couple|couple of)\s+(?:days?|weeks?|wks?|months?|mos?)"
)
_MATCH_WORDS = (
    r"(?:match|matching|apply|applying|applications?|residency|eras|interviews?|rank\w*|signals?|signaling|soap|"
    r"scramble|unmatched)"
)
"""What a plan may be for besides studying ("a plan for matching IM"): one list, for the plan request and its cue."""
_PLAN_EXPLICIT_RE = quick_re.compile(
    r"\bstudy\s+(?:plan|schedule|calendar|timetable)\b"
    r"|\b(?:make|build|create|give|write|draft|design|set up|set|need|want|plan|get)\b.{0,25}"
    r"(?<!interview )(?<!interview day )(?<!rank list )\b(?:plan|schedule|calendar|timetable)\b"
    # a plan for the match, not for studying ("I passed with a 218. I need a plan for matching IM now")
    rf"(?!\s+(?:for|to)\s+(?:the\s+|my\s+)?{_MATCH_WORDS}\b)"
    # a template for the study day, not a personal statement's: "give me a template for dedicated"
    r"|\btemplate\b(?=.*\b(?:day|days|blocks?|study|studying|dedicated|uworld|qbank|review)\b)"
    r"|\b(?:day|blocks?|study|dedicated|review)\b.*\btemplate\b"
    r"|\bplan (?:out )?(?:my|for my|the|out)? ?(?:dedicated|studying|study|prep|weeks?|"
    r"months?|days?)\b"
    r"|\bdedicated (?:plan|schedule|period|starts?|begins?)\b"
    # "my date is march 3", not "reschedule my prometric date, is there a fee"
    r"|\b(?:exam|test) date\b|\b(?:my )?date is\b(?!\s+(?:there|it)\s+(?:a|any|too|ok|okay|still|possible|free)\b)"
    r"|\bnew (?:study )?(?:plan|schedule)\b|\b(?:plan|schedule) needed\b|\bre-?plan\b"
    # "plan for someone out of school 6 yrs"; not "plan for the match"
    rf"|^(?:a\s+)?(?:study\s+)?plan (?:for|please|pls|plz)\b(?!\s+(?:the\s+|my\s+)?{_MATCH_WORDS}\b)"
    r"|\b\d+\s*(?:wk|wks|weeks?|months?|days?)\s+(?:study\s+)?(?:plan|schedule|calendar)\b"  # "6 wk schedule"
)
_DATE_TOLD_RE = quick_re.compile(r"\b(?:exam|test) date\b|\b(?:my )?date is\b")
"""The plan's explicit words that only tell the exam's date: a plan unless another question is asked beside it."""
_EXAM_WORD_RE = words_re(*EXAM_WORDS, "step two", "step (?:2|two) ck", "s2ck", "boards?")
# A date beside these is an exam taken, a practice test or a score question, not one to plan for.
_NOT_AHEAD_RE = words_re(*PAST_WORDS, "did|were|practice|uworld|uw|nbme|uwsa|cbse|free 120|blocks?|scores?|results?")
_PLAN_SPAN_RE = quick_re.compile(
    rf"\b{_SPAN} (?:left|until|till|to go|out|before (?:my|the) (?:exam|test)|of dedicated|dedicated)\b"
)
# "is it too late to take step 2 in august" asks about timing, it is not a date to plan for.
_RELEASE_ASK_RE = quick_re.compile(
    r"\b(?:score|scores|result|results)\s+(?:release|releases|come out|comes out)\b|\brelease date\b"
)
_PLAN_NOUN_RE = quick_re.compile(r"\b(?:plan|schedule|remind\w*|nudge\w*|timetable)\b")
_TIMING_QUESTION_RE = quick_re.compile(
    r"\btoo (?:late|early)\b|\bwhen\b|\bshould i\b|\bbest time\b"
    # a date that is someone else's deadline, or the score's release: "do i need ck passed ... before july 1",
    # "where to check score release date for my test date"
    r"|\b(?:do|does|will|would)\s+i\s+need\b|\bneed\s+(?:ck|step\s*2|step2|it|my score)\s+(?:passed|back|done)\b"
)
# "what's a good uworld % 2 weeks out": a question about practice numbers, the time left only its setting.
_PRACTICE_QUESTION_RE = quick_re.compile(
    r"\b(?:what|whats|how|is|are|should|do|does)\b.*\b(?:uworld|uw|nbme\w*|uwsa\w*|cbse|free 120|amboss|"
    r"percent(?:age)?s?|averages?|avg|scores?|predict\w*)\b"
)
_PLAN_RELATIVE_RE = quick_re.compile(rf"\bin {_SPAN}\b|\b{_SPAN} (?:left|until|till|to go|out)\b")


_CALENDAR_RE = quick_re.compile(
    r"\b(?:add|put|save|export|sync|send|import|download|load)\b.{0,40}"
    r"\b(?:calendar|cal|gcal|ical|icloud|outlook|ics)\b"
    r"|\b(?:in|into|to|on) (?:my|the|our) (?:google |apple |outlook |phone |phones )?(?:calendar|cal|gcal)\b"
    r"|\bexport (?:my |the |this |our )?(?:study )?(?:plan|schedule)\b"
    r"|\b(?:ics|ical|icalendar|calendar) (?:file|export|invite)\b"
)


def asks_for_calendar(norm: str) -> bool:
    """ "add it to my calendar", "export my plan", "put my exam in google calendar": the plan as a file."""
    return _CALENDAR_RE.search(norm) is not None


def requests_a_plan(norm: str) -> bool:
    """A plan asked for in so many words, at any length ("kindly prepare for me a study timetable", "can you make
    me a schedule"): the frame holds, however long the story around it."""
    if _PLAN_REQUEST_RE.search(norm) is not None:
        return True
    if _FIT_IT_ALL_RE.search(norm) is not None and _WEEKS_OR_RESOURCES_RE.search(norm) is not None:
        return True  # "6 wks, uworld + amboss + NBMEs, how to fit all": their resources fitted into the weeks left
    if _NOT_A_STUDY_PLAN_RE.search(norm) is not None:
        return False
    if _PLAN_ASKED_OTHERWISE_RE.search(norm) is not None:
        return True
    # the days' shape asked ("what should the next 28 days look like", "how do i split that", "need structure"),
    # where the message speaks of studying or of the time left
    if _BARE_PLAN_ASK_RE.search(norm) is not None:
        return True  # "need structure. badly.": the days' shape asked, and nothing else
    if _REDO_IT_RE.search(norm) is not None and _PLAN_NAMED_RE.search(norm) is not None:
        return True  # "my current plan is 3 blocks a day... can we redo it so its doable": the plan named before
    return _DAYS_SHAPE_ASKED_RE.search(norm) is not None and _STUDY_TIME_RE.search(norm) is not None


_PLAN_VERBS = r"(?:make|build|create|give|write|draft|design|set up|prepare|plan out|put together|come up with)"
_PLAN_REQUEST_RE = quick_re.compile(
    # the verb first, then the look for what the plan is for: looking ahead 40 characters at every
    # position of a long post cost it about 0.85 ms
    rf"\b(?={_PLAN_VERBS}|help me)"
    r"(?!.{0,40}\b(?:interview|rank list|rank order|away rotation|call)\b)"
    rf"(?:{_PLAN_VERBS}|help me (?:make|build|plan|with))\s+"
    r"(?:me\s+|for me\s+|us\s+)?(?:an?\s+|my\s+|the\s+)?(?:\w+\s+){0,3}?"
    r"(?:study\s+)?"
    r"(?<!interview )(?<!rank list )(?<!rank )(?:plan|schedule|calendar|timetable)\b"
    r"|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|plz\s+)?(?:make|build|create|give|write|draft|"
    r"prepare|set up|plan)\b.{0,30}\b(?:plan|schedule|calendar|timetable)\b"
)


_PLAN_ASKED_OTHERWISE_RE = quick_re.compile(
    # the days laid out, asked in other words: "help me organize my time", "help me structure something realistic",
    # "tell me what to do each day from now until test day", "lay it out for me week by week", "redo a plan"
    r"\bhelp me (?:organi[sz]e|structure|map out|plan out|lay out|schedule|split up)\s+(?:my\s+|the\s+|these\s+|"
    r"the\s+next\s+|my\s+next\s+|\d+\s+)?(?:time|days?|weeks?|months?|studying|study time|prep|dedicated|something)\b"
    r"|\b(?:tell|show) me what to (?:do|study) (?:each day|every day|each morning|every morning|tomorrow|tmrw|today|"
    r"day by day|from now)\b"
    r"|\blay (?:it|them|this|everything) out (?:for me )?(?:week by week|day by day)\b"
    # "anything i should do each day till then": the days up to the exam
    r"|\b(?:anything|what|stuff)\s+(?:i\s+should|should\s+i|to|i\s+need\s+to)\s+(?:do|study)\s+(?:each|every)\s+day\s+"
    r"(?:till|til|until|up to|leading up to|from now|between now)\b"
    r"|\bredo (?:a |my |the )?(?:study )?(?:plan|schedule)\b"
    # their own hours made into days: "can you help me turn that into an actual schedule"
    r"|\b(?:turn|make|convert)\s+(?:this|that|it|these|those)\s+into\s+(?:an?\s+)?(?:\w+\s+)?(?:study\s+)?"
    r"(?:plan|schedule|calendar|timetable)\b"
    # telegraphic, the plan named first: "study plan for step 2 ck 3 weeks dedicated", "schedule for ck pls"
    r"|^(?:(?:a|my)\s+)?(?:study\s+|ck\s+|step\s*2\s+|dedicated\s+)?(?:plan|schedule|timetable)\s+(?:for|pls|please"
    r"|plz)\b"
    rf"|\b(?:need|want)\s+(?:a|an|some)\s+(?:\w+\s+)?game plan\b(?!\s+(?:for|to)\s+(?:the\s+|my\s+)?{_MATCH_WORDS}\b)"
)
_FIT_IT_ALL_RE = quick_re.compile(
    r"\bhow\s+(?:do\s+i\s+|to\s+|should\s+i\s+|can\s+i\s+|would\s+you\s+)(?:fit|squeeze|cram)\s+"
    r"(?:\w+\s+){0,2}?(?:all|everything|them all|it all)\b"
)
_WEEKS_OR_RESOURCES_RE = quick_re.compile(
    r"\b(?:\d+\s*(?:wks?|weeks?|days?|months?)|uworld|uw|amboss|nbmes?|uwsas?|anki|qbanks?|dedicated|full time job)\b"
)
"""Beside "how do i fit it all": the weeks left or the study resources to fit in, so a schedule is asked for."""
_DAYS_SHAPE_ASKED_RE = quick_re.compile(
    # the study days ahead, by how many or by name: "what should the next 28 days look like" (not "the day of the
    # exam", nor "the schedule", usually USMLE's)
    r"\bwhat (?:should|do|does|will|would) (?:my |the |each |every )?(?:(?:next|last|remaining|rest of (?:the|my))\s+)?"
    r"(?:\d+\s+|few\s+|couple\s+)?(?:days|weeks?|wks|mornings?|stretch|monday|tomorrow)\b"
    r"(?:\s+\w+){0,5}?\s+(?:look like|be)\b"
    # "7 wks out and i dont know what monday should look like"
    r"|\bwhat (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|each day|my days?|my week)\s+"
    r"(?:should|will|would)\s+(?:\w+\s+)?look like\b|\bwhat should each (?:one|day) be\b"
    r"|\bwhat do i do (?:tomorrow|tmrw)\b"
    # the time split (not "how should i use the last days", the final days' own answer, nor pacing inside a block)
    r"|\bhow (?:do|should|would|can) i (?:even |actually |best )?(?:split|spread|divide|fit|structure|break up|"
    r"organi[sz]e|plan)\s+(?:it|this|that|them|my time|my days|my weeks|the (?:next|last|remaining)|everything|stuff|"
    r"\d+\s*(?:days|weeks|wks|months))\b"
    r"|\bhow to (?:pace|split|spread|structure|organi[sz]e|divide|plan|fit) "
    r"(?:it|this|that|them|my (?:time|days|weeks)|everything)\b"
    r"|\bhelp (?:me )?organi[sz]ing (?:the|my) (?:\d+ )?(?:days|weeks|months|time)\b"
    # a span to shape, named: "structure those 5 wks", "split up my time", "lay it out"
    r"|\b(?:structure|restructure|map out|plan out|spread out|split up|schedule out)\s+(?:those|these|the next|"
    r"the remaining|my)\s+(?:\d+\s*)?(?:wks|weeks?|days|months?|time|studying|dedicated)\b"
    r"|\bhelp me (?:map|lay|plan|figure) (?:it|this|that|everything) out\b"
    r"|\b(?:need|want)\s+(?:some\s+|a\s+|more\s+)?(?:structure|routine|day by day)\b"
    r"|\b(?:redo|rebuild|restructure|adjust|fix|rework) (?:my plan|the plan|my schedule|my study schedule|my week)\b"
    r"|\bshift (?:stuff|things) around\b|\bplan is (?:wrecked|ruined|shot|dead|not working)\b"
    r"|\b(?:can|could|will) (?:u|you) (?:build|set up) (?:it|one)\b"
    r"|\bhow many days (?:per|for each|a) (?:system|subject|topic)\b"
)
"""The days' shape asked for without naming a plan: "what should the next 28 days look like", "how do i split that"."""
_REDO_IT_RE = quick_re.compile(r"\b(?:redo|rebuild|rework|adjust|restructure) (?:it|this|that)\b")
_PLAN_NAMED_RE = quick_re.compile(r"\b(?:my|the|your|current|study)\s+(?:plan|schedule)\b")
"""A plan or schedule of theirs named: then "redo it" is the plan redone (not "i failed, can i redo it?")."""
_BARE_PLAN_ASK_RE = quick_re.compile(
    r"^(?:i\s+)?(?:need|want)\s+(?:some\s+|a\s+|more\s+)?(?:structure|routine)(?:\s+\w+)?$"
)
"""A short ask for structure alone ("need structure. badly."): no study word needed beside it."""
_STUDY_TIME_RE = quick_re.compile(
    # (not "exam", "test", "step" or "ck": nearly every message here says one, so they tell no study talk apart)
    r"\b(?:\d+\s*(?:days?|d|wks?|weeks?|months?)|dedicated|uworld|uw|nbmes?|uwsa\w*|study\w*|blocks?|qs|questions|"
    r"til|till|until|mon(?:day)?|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|weekends?|\d+\s*(?:hrs|hours)|system|"
    r"subject|time left|left|remaining days|days left|the last stretch)\b"
)
"""Studying or the time left said: the days asked about are study days."""
_NOT_A_STUDY_PLAN_RE = quick_re.compile(
    r"\b(?:personal statement|ps|eras|soap|interviews?|aways?|away rotations?|application season|lors?|"
    r"(?:organi[sz]e|plan|structure|for)\s+(?:my\s+|the\s+)?applications?|letters|rotations?|"
    r"(?:on|during|for|at) (?:the )?(?:test|exam) day|day of (?:the )?(?:exam|test|step)|"
    r"during the exam|after (?:the|my) (?:exam|test)|results?|score release|wait(?:ing)? (?:for|on) (?:my )?score|"
    r"per block|a block|step\s*3|step3|step 2 cs|level 3|cv|if i fail(?:ed)?|if i don t pass)\b"
)
"""What a plan asked in other words may be for instead of studying: the application, the match, exam day itself,
the score's wait, another exam."""


def plans_the_match(norm: str) -> bool:
    """A plan asked for the match, not for studying ("I need a plan for matching IM", "what's my backup plan if I
    don't match"); not "I plan to apply next year, make me a schedule", nor a backup plan if CK goes badly."""
    return (
        _MATCH_PLAN_RE.search(norm) is not None
        and _STUDY_PLAN_SAID_RE.search(norm) is None
        and _PLAN_REQUEST_RE.search(norm) is None
    )


_MATCH_PLAN_RE = quick_re.compile(
    # the noun, after a word that makes it one ("a plan for matching"), not the verb ("i plan to apply")
    rf"\b(?:a|the|my|our|some|any|good|real|solid|clear|new)\s+(?:game\s+)?(?:plan|strategy)\s+(?:for|to)\s+(?:the\s+|my\s+)?"
    rf"{_MATCH_WORDS}\b|^(?:plan|strategy)\s+for\s+(?:the\s+|my\s+)?{_MATCH_WORDS}\b"
    r"|\b(?:match|application)\s+(?:plan|strategy)\b"
    r"|\b(?:backup|back up)\s+(?:plan|strategy)\b(?=.*\b(?:match|matching|don t match|specialty|field)\b)"
)
_STUDY_PLAN_SAID_RE = quick_re.compile(
    r"\b(?:study|studying|dedicated|exam|test|ck|step 2)\s+(?:plan|schedule)\b|\b(?:fail|failing|retake)\b"
)


def asks_for_plan(norm: str) -> bool:
    """An explicit request for a schedule ("make me a study plan"), not just an exam date."""
    return _PLAN_EXPLICIT_RE.search(norm) is not None


# Changing them: "change reminder time to 9pm", "move my nudge to 7am", "reminders at 6 instead".
_REMINDER_CHANGE_RE = quick_re.compile(
    r"\b(?:change|move|switch|set|update|edit|reschedule|push)\b.{0,20}\b(?:reminders?|nudges?|notifications?|"
    r"check\s*-?\s*ins?|alarm|(?:daily|morning|evening)\s+(?:msgs?|messages?|texts?|pings?))\b"
    r"|\b(?:reminders?|nudges?)\s+(?:at|for)\s+\d"
    # "reminders r too early, make it noon": the time is wrong, said as a complaint
    r"|\b(?:reminders?|nudges?|notifications?|pings?|(?:daily|morning|evening)\s+(?:msgs?|messages?|texts?))\s+"
    r"(?:are|r|is|come|comes|hit|arrive)\s+(?:way\s+|too\s+|so\s+|a\s+bit\s+|kinda\s+)*(?:early|late)\b"
)


def asks_target(norm: str) -> bool:
    """A target score asked for ("what score should i aim for", "target score?"): a field's average answers it."""
    return _TARGET_ASKED_RE.search(norm) is not None


_TARGET_ASKED_RE = quick_re.compile(
    r"\b(?:what|which)\s+(?:ck\s+|step\s*2\s+)?score\s+(?:should|do|would)\s+i\s+(?:aim|shoot|target|need|go)\b"
    r"|\btarget\s+score\b|\bwhat\s+should\s+i\s+(?:aim|shoot)\s+for\b"
    r"|\bwhat\s+(?:do|would)\s+i\s+need\s+to\s+(?:get|score)\b"
)


def wants_release_reminder(norm: str) -> bool:
    """A ping asked for the day a score comes out ("can u ping me the day my score drops?"): USMLE's release, which
    no study-plan nudge can follow."""
    return _RELEASE_REMINDER_RE.search(norm) is not None


_RELEASE_REMINDER_RE = quick_re.compile(
    # asked for: "can u ping me the day my score drops", "remind me every wed till my score drops"; not "can you tell
    # me when scores come out" (asked) nor "my friend said she'd text me when her results come out"
    r"\b(?:remind|ping|nudge|notify|alert)\s+me\s+(?:on\s+|the\s+day\s+|when\s+|once\s+|every\s+\w+\s+(?:\w+\s+)?"
    r"(?:till|until|til)\s+|(?:till|until|til)\s+)(?:my\s+)?(?:ck\s+|step\s*2\s+)?(?:score|scores|result|results)\s+"
    r"(?:drops?|comes? out|is out|are out|releases?|posts?|is released|gets? released)\b"
    r"|\b(?:remind|ping|nudge|notify|alert)\s+me\s+(?:on\s+)?(?:score release|release day)\b"
)


def changes_reminders(norm: str) -> bool:
    """A change of the nudges asked for in words ("move my reminder to 6 am"): the plan's time, not a new plan."""
    return _REMINDER_CHANGE_RE.search(norm) is not None


_REMINDER_RE = quick_re.compile(
    r"\b(?:remind|nudge|ping|text|message|notify|poke|bug)\s+(?:me|us)\b(?!\s+(?:what|how|when|why|who|which|of)\b)"
    r"|\b(?:daily|study|regular|morning|evening|weekly)\s+(?:reminders?|nudges?|notifications?|check\s*-?\s*ins?)\b"
    r"|\b(?:reminders?|nudges?|notifications?)\s+(?:to|for)\s+(?:study|studying|do|review)\b"
    # "can you check on me every afternoon": a daily check-in asked for
    r"|\b(?:check|checking)\s+(?:in\s+)?(?:on|up on|in with)\s+me\b"
    # check-ins wanted, however often: "i'd really like check-ins a few times a week to keep me honest"
    r"|\b(?:like|love|want|need|get|appreciate)\s+(?:some\s+|regular\s+|daily\s+|weekly\s+)?check\s*-?\s*ins\b"
    r"|\bcheck\s*-?\s*ins\s+(?:a few times|a couple (?:of )?times|every|each|twice|\d+\s*(?:x|times))\b"
    r"|\b(?:set\s+up|send|get|want|need|give)\s+(?:me\s+)?(?:some\s+|daily\s+|a\s+|an\s+)?"
    r"(?:daily\s+|nightly\s+|evening\s+|morning\s+|weekly\s+)?(?:reminders?|nudges?)\b"
    # (not "i need a reminder that im not stupid", "a nudge to keep going": reassurance, not a nudge to study)
    r"(?!\s+(?:that|of|why|to keep (?:me\s+)?going|to not give up|to believe))"
    # asking how reminders work: "what time do you send reminders? can it be in my time zone"
    r"|\b(?:do|can|will|does)\s+(?:you|u|it|the bot)\s+(?:send|do|give)\s+(?:reminders?|nudges?)\b"
    rf"|{_REMINDER_CHANGE_RE.pattern}"
)
_REMINDER_OFF_RE = quick_re.compile(
    r"\b(?:stop|stopped|don\s*'?t|dont|do not|no more|pause|mute|quit|cancel|less|fewer|turn off|disable|"
    r"unsubscribe|too many|annoying|spam)\b"
)


_REMINDERS_OFF_RE = quick_re.compile(
    r"\b(?:stop|turn off|switch off|pause|mute|disable|cancel|quit|hold|no more)\b(?:\s+\w+){0,3}?\s+"
    r"(?:reminders?|nudges?|notifications?|pings?|messages|texts)\b"
    # "pls stop sending me the daily reminders" (ours: not "won't stop sending me their score messages")
    r"|\bstop\s+sending\s+(?:me\s+)?(?:the\s+|my\s+|your\s+|these\s+|those\s+|all\s+)?(?:\w+\s+)?"
    r"(?:reminders?|nudges?|pings?|notifications?)\b"
    # "thanks for the reminders, you can stop them now": the reminders named first, then stopped
    r"|\b(?:reminders?|nudges?|pings?)\b.{0,40}?\b(?:stop|turn off|pause|mute|cancel)\s+(?:them|those|these)\b"
    # "stop reminding me for a few days", "don't ping me this weekend"
    r"|\b(?:stop|quit|don t|dont|do not|no more)\s+(?:reminding|pinging|nudging|messaging|texting|bugging|remind|ping|"
    r"nudge|message|text)\s+me\b"
    # "no reminders today pls its my bday": a day off asked for (not "got no reminders today")
    r"|(?<!got )(?<!get )(?<!received )(?<!were )(?<!are )(?<!had )(?<!why )(?<!still )(?<!did )(?<!any )"
    r"\bno\s+(?:reminders?|nudges?|pings?|notifications?)\s+"
    r"(?:for\s+)?(?:today|tomorrow|tonight|this weekend|this week)\b"
)
_SHORT_BREAK_RE = quick_re.compile(
    r"\b(?:this|for the|for a|next)\s+(?:week|weekend|few days|couple (?:of )?days)\b|\b(?:today|tomorrow|tonight)\b"
    r"|\buntil\b|\btill\b|\bfor \d+ days\b"
)


_WEEKDAY_WORDS = {
    **dict.fromkeys(("monday", "mon"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("wednesday", "wed"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("friday", "fri"), 4),
    **dict.fromkeys(("saturday", "sat"), 5),
    **dict.fromkeys(("sunday", "sun"), 6),
}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
_WDS = rf"(?:{_WD}s?|weekends)(?:\s*(?:,|/|&|and|or)\s*(?:{_WD}s?|weekends))*"
_NUDGE_NOUN = r"(?:pings?|reminders?|nudges?|notifications?|messages|texts|alerts)"
_DAYS_DROPPED_RE = quick_re.compile(
    # "stop the saturday pings", "no sunday reminders"
    rf"\b(?:no|stop|skip|drop|remove|cancel|mute|turn off|without)\s+(?:the\s+|my\s+|any\s+|all\s+)?"
    rf"(?P<a>{_WDS})\s+{_NUDGE_NOUN}\b"
    # "no reminders on saturdays", "skip saturdays", "stop pinging me on sundays"
    rf"|\b(?:no|stop|skip|drop|remove|cancel|mute|turn off|without|don t|dont)\s+"
    rf"(?:(?!except\b|but\b|only\b|other\b|this\b|next\b)\w+\s+){{0,2}}?"
    rf"(?:{_NUDGE_NOUN}\s+)?(?:on\s+|every\s+|on\s+the\s+)?(?P<b>(?:{_WD}s|weekends)(?:\s*(?:,|/|&|and|or)\s*"
    rf"(?:{_WD}s?|weekends))*)\b"
    # "saturdays off", "keep sundays free"
    rf"|\b(?P<c>(?:{_WD}s|weekends)(?:\s*(?:,|/|&|and|or)\s*(?:{_WD}s?|weekends?))*)\s+(?:are\s+|r\s+)?(?:off|free)\b"
    # "every day except sundays", "daily reminders but not on saturdays", "every day but sunday"
    rf"|\b(?:every\s*day|daily|each day)\s+(?:{_NUDGE_NOUN}\s+)?(?:except|but not|but|other than|apart from)\s+"
    rf"(?:on\s+)?(?P<d>(?:{_WD}s?|weekends?)(?:\s*(?:,|/|&|and|or)\s*(?:{_WD}s?|weekends?))*)\b"
    # "not on sundays", "never on saturdays please": a day said of every week (a plural), not one date
    rf"|(?<!\bi m )(?<!\bim )(?<!\bi am )(?<!\bwe re )(?<!\bwe are )\b(?:not|never)\s+on\s+"
    rf"(?P<e>(?:{_WD}s|weekends)(?:\s*(?:,|/|&|and|or)\s*(?:{_WD}s?|weekends?))*)\b"
)
"""Weekdays taken out of the plan for good, said of the reminders or the days ("stop the saturday pings",
"no reminders on sundays", "saturdays off"); "skip saturday" alone is this Saturday, a break."""
_DAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekend")
_RESULTS_BEFORE_RE = quick_re.compile(r"\b(?:scores?|results?|grades?)\b")
"""Results named before "drop": "scores only drop on wednesdays" is when they come out, no study day taken out."""
_FOR_A_WHILE_RE = quick_re.compile(
    r"\b(?:this|next|for this|for the next|for a)\s+(?:week|weekend|few days|couple of days)\b|\buntil\b|\btill\b"
)
"""A short limit said beside the days ("this weekend", "for this week", "until friday"): a break, not for good."""


def dropped_weekdays(norm: str) -> frozenset[int]:
    """The weekdays (0 = Monday) a student asks to take out of their study week; empty when none."""
    if not holds_any(norm, _DAY_WORDS):
        return frozenset()  # every way of saying it names a day: most messages skip the scan
    m = _DAYS_DROPPED_RE.search(norm)
    if m is None or _FOR_A_WHILE_RE.search(norm):
        return frozenset()  # "stop the saturday pings this month": a break for a while, not the plan's days
    if m.group().startswith("drop") and _RESULTS_BEFORE_RE.search(norm, 0, m.start()):
        return frozenset()  # "is it true scores only drop on wednesdays?": when results come out
    said = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e") or ""
    days = {
        _WEEKDAY_WORDS.get(word, _WEEKDAY_WORDS.get(word.removesuffix("s"))) for word in re.findall(r"[a-z]+", said)
    }
    if "weekend" in said:
        days |= {5, 6}
    return frozenset(d for d in days if d is not None)


def wants_reminders_off(norm: str) -> Literal["break", "pause"] | None:
    """ "stop reminders this week" (a break), "turn off all reminders" (a pause); None when neither."""
    if _REMINDERS_OFF_RE.search(norm) is None:
        return None
    return "break" if _SHORT_BREAK_RE.search(norm) else "pause"


def thanks_for_reminders(norm: str) -> bool:
    """Thanks for the reminders already sent ("thank u for the 7am reminders every day")."""
    return _THANKS_FOR_REMINDERS_RE.search(norm) is not None


def wants_reminders(norm: str) -> bool:
    """A request for reminders or nudges to study ("can u ping me daily", "remind me to study every day").

    The plan set-up is how the bot sends them, so this always starts it; asking for fewer or none
    ("stop reminding me") is a plan operation, not a request.
    """
    if _ACCOUNTABLE_RE.search(norm) is not None:
        return True  # "can you keep me accountable? i say i'll do 2 blocks and then i don't": nudges, asked for
    if _REMINDERS_REFUSED_RE.search(norm):
        return False  # "i do NOT want the bot to send me daily reminders. can you just answer..."
    # a "don't" elsewhere in a long post ("I don't want to buy 5 resources... can you remind me every friday")
    # turns no reminder down: only one beside the ask does ("don't remind me", "no more reminders please")
    return any(
        _REMINDER_OFF_RE.search(norm, max(0, m.start() - _OFF_BEFORE), m.end() + _OFF_AFTER) is None
        for m in _REMINDER_RE.finditer(norm)
    )


_THANKS_FOR_REMINDERS_RE = quick_re.compile(
    r"\b(?:thank|thanks|thx|ty)\b(?:\s+\w+){0,2}?\s+for\s+(?:\w+\s+){0,3}?(?:reminders?|nudges?|pings?)\b"
)
"""Thanks for the reminders already sent: gratitude, no request for more."""
_REMINDERS_REFUSED_RE = quick_re.compile(
    r"\b(?:don t|dont|do not|not|no)\s+(?:want|need|wanting|needing)\b"
    r"(?:\s+(?!so\b|and\b|but\b|because\b|bc\b|then\b)\w+){0,6}?\s+(?:reminders?|nudges?|"
    r"notifications?|pings?|check\s*-?\s*ins?)\b"
)
"""Reminders turned down in so many words, however far before the ask ("i do NOT want the bot to send me daily
reminders")."""
_OFF_BEFORE = 20
_OFF_AFTER = 20
"""How near a reminder's ask a word turning it down is read as turning it down (characters before, after)."""


_ACCOUNTABLE_RE = quick_re.compile(
    # asked of the bot ("can you keep me accountable", "need someone to hold me accountable"), not told of another
    # ("my study group is keeping me accountable") nor turned down ("you don't need to keep me accountable anymore")
    r"\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?(?:help\s+)?(?:keep"
    r"|hold)\s+me\s+accountable\b"
    r"|\b(?:need|want)\s+(?:someone|somebody|you|u|something)\s+to\s+(?:keep|hold)\s+me\s+accountable\b"
    r"|^(?:please\s+|pls\s+)?(?:keep|hold)\s+me\s+accountable\b|\bhelp\s+me\s+(?:stay|be)\s+accountable\b"
)
"""Accountability asked for: what the daily nudges are for, whatever "don't" the story around it holds."""


_THANKS_US_RE = quick_re.compile(
    r"^(?:(?:just|i|i just|wanted to|want to|just wanted to|i just wanted to|i wanted to|i want to)\s+)*"
    r"(?:say\s+)?(?:thank you|thank u|thanks|thx|tysm|ty)\b"
    # not the thank-you notes programs get: "thank u letters after interviews, do they matter"
    r"(?!\s+(?:you\s+|u\s+)?(?:letters?|notes?|emails?|cards?|messages?)\b)"
)
"""A message that opens by thanking us ("just want to say thank you, your reminders got me through")."""


def thanks_us(text: str, norm: str) -> bool:
    """Thanks said first, asking nothing and for no plan: "thank you, your reminders got me through dedicated";
    or said for what we did after their news ("passed after failing once. just wanted to say thank you for
    the daily pings")."""
    said = _THANKS_US_RE.search(norm) or _THANKS_FOR_RE.search(norm)
    return (
        said is not None
        and "?" not in text
        and _PLAN_EXPLICIT_RE.search(norm) is None
        and _ASKS_US_RE.search(norm) is None
        and wants_reminders_off(norm) is None  # "thanks for the reminders, you can stop them now": the stop is asked
        and _NEWS_AFTER_THANKS_RE.search(norm, said.start()) is None
    )


_THANKS_FOR_RE = quick_re.compile(
    r"\b(?:just\s+)?(?:wanted|want|wanna)\s+to\s+(?:say\s+)?(?:a\s+(?:big\s+|huge\s+)?)?(?:thank you|thanks|thank u)\b"
    r"|\bthank (?:you|u) (?:so much |a lot )?for (?:the|your|all|everything|being|helping|keeping)\b"
)
"""Thanks for what we did, wherever it comes in the message."""


_THANKS_OTHERS_RE = quick_re.compile(
    r"\bthank\w*\s+(?:to\s+)?(?:everyone|everybody|all (?:of )?my|my\s+\w+)"
    r"|\b(?:from|to) my (?:family|friends?|parents|mom|dad|partner|husband|wife|study group|classmates|mentors?)\b"
)


def thanks_others(norm: str) -> bool:
    """Thanks said to the people around them ("thank you for all the support from my family"), not to the bot."""
    return _THANKS_OTHERS_RE.search(norm) is not None


_ASKS_US_RE = quick_re.compile(r"\b(?:can|could|would|will)\s+(?:you|u)\b")
_NEWS_AFTER_THANKS_RE = quick_re.compile(r"\b(?:also|btw|moved|pushed|rescheduled|changed)\b|\d")
"""News after the thanks, to be answered: "ty. also my exam moved to april 2", "thanks! nbme 10 was 231 today"."""


_JOKE_RE = quick_re.compile(
    r"\b(?:tell|give|know|got|have)\b.{0,25}\bjokes?\b|\bsay something funny\b|\bmake me laugh\b"
)


_WHO_ARE_YOU_RE = quick_re.compile(
    r"(?:\b(?:are you|are u|r u|ru|is this|is it|am i talking to|am i chatting with)|^(?:u|you))\s+(?:just\s+)?"
    r"(?:a\s+|an\s+)?"
    r"(?:real\s+)?"
    r"(?:person|human|bot|robot|ai|chatbot|machine)\b|\bwho (?:made|built|created|runs|wrote) (?:you|this)\b"
    r"|\bwhat are you\b"
)


def asks_who_we_are(norm: str) -> bool:
    """ "are you a real person?", "who made you": asked what they are talking to."""
    return _WHO_ARE_YOU_RE.search(norm) is not None


def asks_interview_prep(norm: str) -> bool:
    """ "my peds interview is on thursday, how do i get ready": preparing for a residency interview."""
    return _INTERVIEW_PREP_RE.search(norm) is not None


_INTERVIEW_PREP_RE = quick_re.compile(
    r"\binterviews?\b[^?]{0,50}\b(?:how (?:do|should|can) i (?:prep\w*|get ready)|any (?:last\s+|last minute\s+)?"
    r"(?:tips|advice)|tips|advice|how to prep\w*)\b"
    r"|\b(?:how (?:do|should|can) i (?:prep\w*|get ready)|tips|advice)\b[^?]{0,30}\b(?:for|before)\s+"
    r"(?:my\s+|a\s+|the\s+)?(?:\w+\s+)?interviews?\b"
)


def interview_soon_nerves(norm: str) -> bool:
    """ "interview tmrw at my top IM program... nervous af": the interview hours away, and nerves about it."""
    return "interview" in norm and _INTERVIEW_SOON_NERVES_RE.search(norm) is not None


_INTERVIEW_SOON_NERVES_RE = quick_re.compile(
    # (a mock interview is practice; one today may be behind them: "interview today went well")
    r"(?<!\bmock )\binterview\s+(?:is\s+)?(?:tmrw|tomorrow|tmr|tonight|in the morning|in a few hours)\b"
    r"(?=.*\b(?:nervous|anxious|scared|terrified|freaking|can t sleep|cant sleep|panic\w*|nerves|shaking)\b)"
)


def forgot_id(norm: str) -> bool:
    """ "left my passport at home, ck starts at 8": the ID for the test center forgotten, lost or expired, with
    the exam close (a website's login ID, or an exam weeks away, is another question)."""
    return _FORGOT_ID_RE.search(norm) is not None and _NOT_TODAYS_ID_RE.search(norm) is None


_NOT_TODAYS_ID_RE = quick_re.compile(
    r"\b(?:login|log in|password|website|account|portal|id number|usmle id|nbme id)\b"
    r"|\bin\s+\d+\s+(?:weeks?|months?)\b|\bnext (?:week|month)\b"
)


_FORGOT_ID_RE = quick_re.compile(
    r"\b(?:forgot|forget|left|lost|misplaced|can t find|cant find|don t have|dont have)\s+(?:my\s+)?"
    r"(?:id|passport|license|licence|drivers license|driver s license|permit|scheduling permit)\b"
    r"|\b(?:id|passport|license|licence)\s+(?:is\s+|has\s+|just\s+)?expired\b"
)


def hyped(text: str, norm: str) -> bool:
    """ "day 3 of dedicated lets gooo", "LFG": energy to cheer on, asking nothing (and no score told: "252 LETS GO"
    is news, met as such)."""
    return (
        len(text) < HYPE_MAX_CHARS
        and _HYPE_RE.search(norm) is not None
        and _HYPE_UNDONE_RE.search(norm) is None
        and not asks_something(text, norm)
        and not any(c.isdigit() for c in _DAY_COUNT_RE.sub(" ", norm))
        and _HYPE_ABOUT_NEWS_RE.search(norm) is None
        and not says_a_feeling(text, norm)
    )


HYPE_MAX_CHARS = 80
"""A cheer answers a short burst of energy; a longer message has more in it to meet."""
_HYPE_RE = quick_re.compile(
    r"\b(?:let s go+|lets go+|letsgo+|lfg+|let s do this|lets do this|we got this|i got this|here we go+|"
    r"hyped|pumped|fired up|locked in|lock in)\b"
)
"""Words of energy: "lets gooo", "LFG", "locked in"."""
_HYPE_UNDONE_RE = quick_re.compile(
    # "i'm not pumped", "i cant lock in anymore", "here we go again", "everyone says we got this but i feel like dying"
    r"\b(?:not|never|no longer|can t|cant|cannot|couldn t|don t|dont|isn t|won t|again|anymore|but|though|supposed|"
    r"tired|exhausted|dying|die|sad|cry\w*|hate|ugh|scared|anxious|worried|stressed|panic\w*|burn\w*|lol|lmao|jk|"
    r"yeah right|sure)\b"
)
"""Energy denied, worn out or said wryly: no cheer for it."""
_HYPE_ABOUT_NEWS_RE = quick_re.compile(
    r"\b(?:exam|test|tomorrow|tmrw|tonight|score|scores|result|results|match\w*|pass\w*|fail\w*|interview\w*|"
    r"retake\w*)\b"
)
"""The day itself or news ("exam tomorrow lets go", "scores out today lets go"): met as what it is, not cheered on."""
_DAY_COUNT_RE = quick_re.compile(
    r"\b(?:day|week)\s+\d{1,3}\b|\b\d{1,3}\s+(?:days?|weeks?)\s+(?:in|down|left|out)\b"
    r"|\b\d{1,2}\s*(?:hours?|hrs?|blocks?)\b"
)
"""A day of the plan counted ("day 3 of dedicated", "2 weeks down", "6 hours today"): no score in it."""


def asks_about_logging(norm: str) -> bool:
    """ "can i just text you my question count every night and you keep track?": how logging works, asked."""
    return _ASKS_LOGGING_RE.search(norm) is not None and not any(c.isdigit() for c in norm)  # results told: logged


_ASKS_LOGGING_RE = quick_re.compile(
    r"\b(?:can|could|should|is it (?:ok|okay|weird|fine) if)\s+i\s+(?:just\s+)?"
    r"(?:text|send|tell|message|report|give)\s+"
    r"(?:you|u)\s+(?:my\s+)?(?:daily\s+|nightly\s+)?(?:question count|q count|qs? count|"
    r"how many (?:questions|qs|q)|question totals?)"
    r"|\b(?:can|could|will|would)\s+(?:you|u)\s+(?:keep (?:track|count)|track|log|count)\s+(?:of\s+)?(?:my\s+)?"
    r"(?:questions|qs|question count|progress|daily (?:questions|qs))\b"
)


def asks_for_joke(norm: str) -> bool:
    """ "tell me a joke": small talk, however the words read to the classifier."""
    return _JOKE_RE.search(norm) is not None


_PLAN_PRAISED_RE = quick_re.compile(
    r"(?:\b(?:plan|schedule|reminders?)\b[^.?!]{0,25}\b(?:saved|helped|worked|carried|got me through)\b"
    r"|\b(?:thanks?|thank you|thx|ty)\b[^.?!]{0,30}\b(?:for|that|the|your)\s+(?:\w+\s+){0,2}"
    r"(?:plan|schedule|reminders?)\b)"
    # not when another is asked in the same breath: "the schedule helped a lot, can you make a new one"
    r"(?!.*\b(?:can|could|would|will|make|another|new|again)\b)"
)


def wants_plan(text: str, norm: str, has_score: bool, has_practice: bool = False) -> bool:
    """A request for a study schedule, or an exam date to plan towards.

    Dates are found by the plan flow's own parser, so whatever it can set up from
    ("exam next friday", "test is 2027-03-03", "in 6 weeks") starts it. With a score in
    the message, a calendar date is more likely when they sat the exam ("got 250 on
    step 2 in march"), so only a span ahead ("in 6 weeks") counts then. A practice result told
    first is the news, and only an explicit request makes it a plan.
    """
    if _RELEASE_ASK_RE.search(norm) and not _PLAN_NOUN_RE.search(norm):
        return False  # "where to check score release date for my test date": the score's day, not a plan
    if _PLAN_PRAISED_RE.search(norm):
        return False  # "thanks, that 5 week plan honestly saved me": thanks for one, not a new one asked
    told = list(_PLAN_EXPLICIT_RE.finditer(norm))
    if any(_DATE_TOLD_RE.fullmatch(norm, m.start(), m.end()) is None for m in told):
        return True
    if told and not (_TIMING_QUESTION_RE.search(norm) or _PRACTICE_QUESTION_RE.search(norm)):
        return True  # "my test date is march 3": a date to plan for (not "...my date is next thursday. should i
        # still do an nbme this weekend or just review?", a question with the day as its setting)
    if has_practice and (_told_before_the_date(norm) or "?" in text or _HONEST_ASKED_RE.search(norm)):
        # "uwsa2 259 three days out", "4 wks out, nbme 13 says 215. pls be honest": the result is the news, or the
        # question, and the days left its context; only a plan asked in words (above) makes it a plan
        return False
    if _TOOK_IT_RE.search(norm):
        return False  # "finished step 2 today!!!": the exam is behind them, the day is no exam date
    if _WORRY_RE.search(norm) and not _PLAN_SPAN_ASKED_RE.search(norm):
        return False  # "5 weeks left and so behind on uworld. is it done for me?": a worry to meet, not a schedule
    if _SELF_JUDGED_RE.search(norm):
        return False  # "guilty for taking a nap. 3 weeks out. is that stupid": judged, not a plan asked for
    if _SPAN_ENOUGH_RE.search(norm) and not _PLAN_NOUN_RE.search(norm):
        return False  # "is 2 weeks dedicated enough for ck": how long to study, asked; no schedule wanted yet
    if _TIMING_QUESTION_RE.search(norm) or _PRACTICE_QUESTION_RE.search(norm):
        return False
    if _PLAN_SPAN_RE.search(norm):
        return True
    if not _EXAM_WORD_RE.search(norm) or _NOT_AHEAD_RE.search(norm) or find_exam_date(text, ANY_DAY) is None:
        return False
    return not has_score or _PLAN_RELATIVE_RE.search(norm) is not None


_HONEST_ASKED_RE = quick_re.compile(
    r"\b(?:be (?:honest|real|straight)|honestly (?:tell|what)|real talk|no sugarcoat\w*)\b"
)
"""An honest read asked for, question mark or not: "nbme 13 says 215. pls be honest"."""
_PLAN_SPAN_ASKED_RE = quick_re.compile(r"\b(?:plan|schedule|remind\w*|nudge\w*)\b")
"""A plan or reminders named beside a worry: the worry is met inside the plan's set-up, not instead of it."""


def _told_before_the_date(norm: str) -> bool:
    """A practice test named before any span or exam word ("uwsa2 259 three days out")."""
    practice = PRACTICE_NAME_RE.search(norm)
    dated = [m.start() for m in (_PLAN_SPAN_RE.search(norm), _EXAM_WORD_RE.search(norm)) if m is not None]
    return practice is not None and (not dated or practice.start() < min(dated))


_SPAN_ENOUGH_RE = quick_re.compile(
    rf"\b{_SPAN}\b(?:\s+\w+){{0,3}}?\s+(?:enough|sufficient|too short|too little|realistic|doable)\b"
    r"|\b(?:enough|sufficient)\s+(?:time|study time)\b"
)
"""A span weighed ("is 2 weeks dedicated enough", "are 6 weeks realistic"): a question of how long, not a date."""


_SELF_JUDGED_RE = quick_re.compile(
    r"\b(?:is|was)\s+(?:that|it|this)\s+(?:so\s+|really\s+)?(?:stupid|bad|ok|okay|normal|lazy|dumb|wrong|terrible|"
    r"selfish|weird|crazy)\b|\bam i (?:stupid|lazy|dumb|crazy|weird|a bad)\b"
)
"""Their own doing judged ("is that stupid", "am i lazy"): a worry to answer, not a date to plan to."""


_CUT_OFF_RE = quick_re.compile(r"\b(?:minimum|min|cut\s*-?\s*offs?|threshold|floor|filters?|screens?|requirements?)\b")
_AVERAGE_RE = quick_re.compile(r"\b(?:median|average|avg|mean)\b")


_FEELING_WORDS_RE = quick_re.compile(
    r"\b(?:stress\w*|anxi\w*|worr\w*|scared|afraid|terrified|panic\w*|freak\w*|nervous|tired|exhausted|burn\w*|"
    r"cry\w*|sad|depress\w*|overwhelm\w*|ugh+|cooked|doomed|screwed|dying|dead|calm|"
    r"hopeless|losing it|spiral\w*|fml|omg|wtf|"
    # going over it again and again: "i keep replaying hyponatremia questions in the shower"
    r"replay\w*|obsess\w*|ruminat\w*|(?:can t|cant|can not|cannot) stop (?:thinking|checking|refreshing))\b|[?!]{2,}"
)


_LOW_ON_A_SUBJECT_RE = quick_re.compile(
    r"\b(?:scor\w*|doing|did|getting|got|performing|performed)\s+(?:really\s+|so\s+|super\s+|pretty\s+)?"
    r"(?:low|bad|badly|poorly|terrible|terribly|worse)\s+(?:on|in|with|at)\s+(?:the\s+|my\s+)?"
    # the subjects' questions, never the exam itself ("did badly on step 2 in most sections")
    r"(?:(?!(?:ck|step|exam|test|usmle|real)\b)[\w/]+\s+){0,4}?"
    r"(?:questions|qs|sections?|blocks?|subjects?|systems?|content|topics?)\b"
)


def low_on_a_subject(norm: str) -> bool:
    """Low marks on some subjects' questions ("scoring low on psych and neuro questions"): weak areas, not a result."""
    return _LOW_ON_A_SUBJECT_RE.search(norm) is not None


_SUBJECT_WORDS = (
    (r"ob\s*gyn|obgyn|ob|gyn|gyne|obstetrics|gynecology|women s health", "OB/GYN"),
    (r"repro\w*", "reproductive"),
    (r"peds|pediatrics|paeds", "pediatrics"),
    (r"psych|psychiatry|behavioral science", "psychiatry"),
    (r"surg|surgery|gen surg", "surgery"),
    (r"internal medicine", "internal medicine"),
    (r"neuro|neurology", "neurology"),
    (r"cardio|cardiology", "cardiology"),
    (r"renal|nephro|nephrology", "renal"),
    (r"pulm|pulmonary|pulmonology|respiratory", "pulmonology"),
    (r"gi|gastro\w*", "GI"),
    (r"heme|heme onc|hematology|onc|oncology", "heme/onc"),
    (r"infectious disease", "infectious disease"),
    (r"endo|endocrine", "endocrine"),
    (r"msk|musculoskeletal", "musculoskeletal"),
    (r"derm|dermatology", "dermatology"),
    (r"ethics", "ethics"),
    (r"biostats?|biostatistics|epi|epidemiology", "biostatistics"),
    (r"pharm|pharmacology", "pharmacology"),
    (r"micro|microbiology", "microbiology"),
    (r"immuno|immunology", "immunology"),
    (r"emergency medicine", "emergency medicine"),
    (r"family medicine", "family medicine"),
    (r"ophtho|ophthalmology", "ophthalmology"),
    (r"rheum|rheumatology", "rheumatology"),
    (r"geriatrics", "geriatrics"),
    (r"uro|urology", "urology"),
    (r"ent", "ENT"),
)
"""The exam's subjects as students name them ("obgyn", "renal", "biostats"), and how each is written back to them."""
_SHORT_SUBJECT_WORDS = ((r"im", "internal medicine"), (r"em", "emergency medicine"), (r"id", "infectious disease"))
"""Subjects whose names are words too ("im weak" is "i'm weak"): one only where the words around make it one."""
_SUBJECT = (
    "(?:" + "|".join(words for words, _ in _SUBJECT_WORDS) + ")"
    # not the rotation, a clinic, nor their own health ("my surgery rotation is killing my study time", "struggling
    # with psych meds", "psych stuff, therapy and meds")
    r"(?!\s+(?:rotation|rotations|clerkship|clerkships|residency|residents?|attendings?|team|ward|service|"
    r"stuff|issues|meds|medications|problems|health|appointments?|evals?|evaluations?|clinic)\b)"
)
"""A subject of the exam's questions, not the rotation, a clinic or their own health."""
_SHORT_SUBJECT = "(?:" + "|".join(words for words, _ in _SHORT_SUBJECT_WORDS) + ")"
_THEIR_PRACTICE = (
    r"my\s+(?:\w+\s+)?(?:scores?|average|avg|percent\w*|nbmes?|uworld|uw|practice|blocks?|qbank|self assessments?|"
    r"forms?|shelf|shelves)\b"
)
"""What a weak subject drags down: their practice results ("is tanking my uworld average"), not "my chances"."""
_WEAK_SUBJECT_RE = quick_re.compile(
    # "weak in renal", "consistently lowest in psych", "struggling with ethics", "bad at biostats"
    r"\b(?<!\bnot )(?<!\bno longer )(?<!\bnever )(?:weak|weakest|worst|lowest|low|struggl\w*|bad|terrible|awful|suck|"
    r"sucks|bombing)\s+(?:\w+\s+)?"
    rf"(?:in|at|on|with)\s+(?:the\s+|my\s+)?(?:{_SUBJECT}|{_SHORT_SUBJECT}\b(?=\s+(?:questions|qs|section|blocks?)))\b"
    # "cardio is my weak spot", "neuro keeps dragging me down", "my obgyn section on every nbme is in the red"
    rf"|\b{_SUBJECT}\b(?:\s+(?:section|sections|subscore|percent|percentage|score|scores|questions|qs|blocks?))?"
    r"(?:\s+(?:on|in)\s+(?:every\s+|each\s+|my\s+|the\s+)?\w+)?\s+"
    r"(?:is|are|s|was|were|keeps?|kept|has been|have been|always|consistently|still)\s+"
    r"(?:(?!not\b|never\b|no\b|longer\b)\w+\s+){0,2}?"
    r"(?:my\s+)?(?:weak|weakest|weakness|weak spot|worst|lowest|so low|really low|in the red|red|"
    r"dragging me down|pulling me down|bringing me down|bombing)\b"
    r"(?!\s+(?:paid|paying|salar\w*|compensat\w*|competitive|ranked|yield|priority|rotation)\b)"  # "lowest yield"
    # "every nbme my weakest section is gyn", "my worst subject on uworld is renal"
    r"|\b(?:weak|weakest|worst|lowest)\s+(?:section|subject|area|system|spot|topic|discipline|category)s?\b"
    rf"(?:\s+\w+){{0,3}}?\s+(?:is|are|=|was|were)\s+(?:always\s+|still\s+)?(?:{_SUBJECT}|{_SHORT_SUBJECT})\b"
    # "tips for improving in obstetrics? always my lowest"
    rf"|\b{_SUBJECT}\b.{{0,40}}\b(?:always|consistently|still|usually)\s+(?:my|the)\s+(?:lowest|weakest|worst)\b"
    # "women's health keeps tanking my uworld average", "peds is killing my practice scores"
    rf"|\b{_SUBJECT}\s+(?:keeps?|is|are)\s+(?:\w+\s+)?(?:tanking|dragging|killing|lowering|destroying|wrecking|"
    rf"pulling|bringing)\s+(?:down\s+)?{_THEIR_PRACTICE}"
)


def weak_subject_said(norm: str) -> bool:
    """A subject of the exam named as their weak one ("obgyn is always my lowest on nbmes", "weak in renal"): what to
    do about a weak area, not what the field takes or what a practice test predicts."""
    return _WEAK_SUBJECT_RE.search(norm) is not None


def weak_subjects_named(norm: str) -> tuple[str, ...]:
    """The weak subjects they named, as we write them, in their order ("my weakest are ob peds and biostat" ->
    OB/GYN, pediatrics, biostatistics); none if no weak subject is said."""
    said = _WEAK_SUBJECT_RE.search(norm)
    named = _SUBJECT_NAME_RE.search(said.group()) if said is not None else None
    if said is None or named is None:
        return ()
    words, at = [named.group()], said.end()
    while (more := _MORE_SUBJECTS_RE.match(norm, at)) is not None:  # the list goes on: "ob peds and biostat"
        words.append(more.group(1))
        at = more.end()
    names = (next((name for pattern, name in _SUBJECT_NAMES if pattern.fullmatch(w)), None) for w in words)
    return tuple(dict.fromkeys(name for name in names if name is not None))


_SUBJECT_NAME_RE = quick_re.compile(rf"\b(?:{_SUBJECT}|{_SHORT_SUBJECT})\b")
_MORE_SUBJECTS_RE = quick_re.compile(rf"\s+(?:and\s+|or\s+|n\s+)?({_SUBJECT})\b")
_SUBJECT_NAMES = tuple((re.compile(words), name) for words, name in (*_SUBJECT_WORDS, *_SHORT_SUBJECT_WORDS))
"""How each subject word is written back to the student."""


_WORK_ON_IT_RE = quick_re.compile(
    r"\b(?:fix|fixing|improve|improving|get better|bring (?:it|them|that|this|\w+) up|raise|work on|tips?|"
    r"resources?|advice|recs|recommendations?|drill\w*|what (?:do|should|can) i do|worth (?:drilling|it|focusing)|"
    r"(?:best|good|fastest|quickest) way to (?:study|learn|review|fix|improve|tackle)|"
    r"how (?:do|should|can|would) i (?:study|learn|review|tackle|approach|handle|fix|improve|get)|"
    r"spend (?:more\s+|extra\s+)?(?:time|days?|weeks?)|focus (?:on|more))\b"
)


def asks_to_work_on_it(norm: str) -> bool:
    """Help with working on something asked ("any tips", "how do i fix it", "worth drilling?"): beside a weak subject,
    the question is how to bring it up."""
    return _WORK_ON_IT_RE.search(norm) is not None


def says_a_feeling(text: str, norm: str) -> bool:
    """A feeling said in words, emoji or "??!" ("ugh 238 for derm??", "pls tell me 240 is ok for IM")."""
    return _FEELING_WORDS_RE.search(norm) is not None or "??" in text or felt(text, norm) is not None


_CONDITION_RE = quick_re.compile(
    r"\b(?:diagnosed with|diagnosis of|history of|hx of|documented|"
    r"(?:i|who|and)(?:\s+(?:ve|have|d|ve been|have been))?\s+(?:have|has|had|get|gets|got|suffer from|suffered from|"
    r"struggle with|struggled with|deal with|dealt with|live with|been diagnosed with))"
    r"\s+(?:\w+\s+){0,2}?(?:anxiety|panic|adhd|add|depression|ocd|ptsd|dyslexia)(?:\s+(?:disorders?|attacks?))?\b"
    r"(?!\s+(?:about|over|for|because|since|right now|rn|today|tonight))"  # "I have anxiety about tomorrow": a feeling
    r"|\b(?:generalized anxiety|anxiety|panic|bipolar|depressive) disorders?\b|\bgad\b"
    # "the anxiety diagnosis", "my adhd dx"; test anxiety as the ground asked about ("extra time for test anxiety")
    r"|\b(?:anxiety|panic|adhd|add|depression|ocd|ptsd|dyslexia)\s+(?:diagnosis|dx|condition)\b"
    r"|\b(?:for|with)\s+(?:my\s+)?test anxiety\b"
    r"|\btest anxiety\s+(?:counts|count|qualifies|qualify|is|as)\s+(?:as\s+)?(?:a\s+)?"
    r"(?:disability|documented|diagnos\w*)"
)
"""A condition named, as for accommodations: "diagnosed with GAD", "I get panic attacks in timed tests"."""


def condition_only(text: str, norm: str) -> bool:
    """A condition named beside accommodations ("history of panic disorder... a separate room?") with no strain
    of the moment said: the student describes what they live with, not how they feel right now."""
    if _CONDITION_RE.search(norm) is None or _ACCOMMODATION_ASKED_RE.search(norm) is None:
        return False
    if _EPISODE_NOW_RE.search(norm):
        return False  # "had a panic attack in block 3 today", "exam is tomorrow": a feeling of the moment
    return not says_a_feeling(text, _CONDITION_RE.sub(" ", norm))


_EPISODE_NOW_RE = quick_re.compile(
    r"\b(?:today|tonight|yesterday|this week|all week|last night|this morning|tomorrow|tmrw|right now|rn)\b"
    r"|\b(?:had|having|got)\s+an?\s+(?:panic|anxiety)\s+attack\b"
)


_GROUP_IMG_RE = quick_re.compile(
    r"\b(?:imgs?|fmgs?|international (?:grads?|graduates?|students?|applicants?)|foreign (?:grads?|graduates?))\b"
)
_GROUP_DO_RE = quick_re.compile(r"\b(?:dos|do (?:students?|seniors?|applicants?|grads?)|osteopath\w*|as an? do)\b")


_NOT_A_CITIZEN_RE = quick_re.compile(r"\b(?:not|non) (?:an? )?(?:us|u s|american) citizens?\b")
_NON_US_RE = quick_re.compile(r"\bnon\s*-?\s*(?:us|u\s*s)\b")
_US_IMG_RE = quick_re.compile(
    r"(?<!\bnon )\b(?:us|u s)\s*-?\s*imgs?\b|(?<!\bnon )(?<!\bnot a )\b(?:us|u s|american) citizens?\b"
)
_ABROAD_RE = quick_re.compile(r"\bvisas?\b|\bh\s*-?\s*1\s*-?\s*b\b|\bj\s*-?\s*1\b|\binternational students?\b")
_CARIBBEAN_RE = quick_re.compile(r"\bcaribbean\b|\boffshore\b")


def img_citizenship(norm: str) -> Literal["us", "non_us", "unsure"] | None:
    """Whose IMG figures fit: "us" (a U.S.-citizen IMG: "US-IMG", "US citizen, Caribbean school"), "non_us"
    ("non-US IMG", "on a J-1"), "unsure" (a Caribbean school, citizenship not said), or None (nothing said)."""
    if _NOT_A_CITIZEN_RE.search(norm):
        return "non_us"
    us, non_us = _US_IMG_RE.search(norm) is not None, _NON_US_RE.search(norm) is not None
    if us:
        return "unsure" if non_us else "us"  # "as a US-IMG, do non-US IMGs need higher?": both groups named
    if non_us or _ABROAD_RE.search(norm):
        return "non_us"
    return "unsure" if _CARIBBEAN_RE.search(norm) else None


def group_asked_about(norm: str) -> Literal["img", "do"] | None:
    """A group the figures are asked for ("IM average for IMGs?", "do DOs need higher for gas"), if any."""
    if _GROUP_IMG_RE.search(norm):
        return "img"
    return "do" if _GROUP_DO_RE.search(norm) else None


_EXTREMES_RE = quick_re.compile(
    r"\b(?:highest|lowest|most competitive|least competitive|hardest|easiest|top|bottom)\b.{0,30}"
    r"\b(?:specialt\w*|fields?|avg|average|scores?)\b"
    r"|\b(?:specialt\w*|fields?)\b.{0,30}\b(?:highest|lowest|most competitive|least competitive)\b"
)


_STANDING_ASKED_RE = quick_re.compile(
    r"\b(?:realistic\w*|chances?|competitive|too low|the problem|the reason|hold\w* me back|hurt\w*|"
    r"(?:is|was) (?:it|that|my score|my ck|this) (?:bad|low|ok|okay|good)|"
    r"where (?:do|does) (?:i|my|that) (?:stand|sit))\b"
)


def asks_how_score_stands(norm: str) -> bool:
    """The student asks how their score stands ("is my score the problem?", "trying to be realistic")."""
    return _STANDING_ASKED_RE.search(norm) is not None


def asks_extremes(norm: str) -> bool:
    """ "highest step 2 avg specialty? and lowest?": the whole ranking answers it."""
    return _EXTREMES_RE.search(norm) is not None


_NORMAL_TO_FEEL_RE = quick_re.compile(
    r"\b(?:is (?:this|that|it) (?:normal|bad|weird|a bad sign|ok|okay)|am i the only one|does anyone else|"
    r"is it just me|normal to (?:feel|be))\b"
)


def asks_if_feeling_is_normal(text: str, norm: str) -> bool:
    """ "ms1 and already scared of ck, is that normal": a feeling to be met, not a topic to look up."""
    return _NORMAL_TO_FEEL_RE.search(norm) is not None and says_a_feeling(text, norm)


def only_practice_averages(norm: str) -> bool:
    """Every average said is of practice results ("the same nbme avg as me", "my uworld average"), none the exam's."""
    found = list(_AVERAGE_RE.finditer(norm))
    practice = (_PRACTICE_AVERAGE_BEFORE_RE.search(norm, max(0, m.start() - 24), m.start()) for m in found)
    return bool(found) and all(practice)


_PRACTICE_SOURCES = (
    rf"(?:{PRACTICE_TESTS}|uworld|uw|amboss|qbank|practice(?: test| exam)?s?|self assessments?|shelf|shelves)"
)
"""What a student's own practice results come from: an average of these is theirs, not the exam's."""
_PRACTICE_AVERAGE_BEFORE_RE = quick_re.compile(rf"\b{_PRACTICE_SOURCES}\s+(?:score\s+|scores\s+|percent\s+)?$")
"""Just before an average word: the practice results it averages ("my nbme avg")."""
_PRACTICE_AVERAGE_RE = quick_re.compile(rf"\b{_PRACTICE_SOURCES}\s+(?:score\s+|scores\s+|percent\s+)?(?:avg|average)\b")
"""A practice average named ("the same nbme avg as me"): results behind them, not a practice test sat that day."""


def quotes_cut_off(norm: str) -> bool:
    """A cut-off or a filter heard ("anything under 230 gets filtered", "is 230 the cutoff")."""
    return _CUT_OFF_RE.search(norm) is not None


def quoted_topic(norm: str, guessed: str | None) -> str | None:
    """The topic that answers a figure the student heard: a cut-off is about screening, an average
    about the national mean; otherwise the classifier's topic stands."""
    if _CUT_OFF_RE.search(norm):
        return topics.SCORE_BEFORE_INTERVIEW if "interview" in norm else topics.PROGRAM_DIRECTORS
    if _PERCENTILE_RE.search(norm):
        return topics.PERCENTILES  # "75th %ile is 256?": what a score's percentile is, and where to read it
    if _AVERAGE_RE.search(norm):
        return topics.OVERALL_AVERAGE
    return guessed


_PERCENTILE_RE = quick_re.compile(r"\b(?:percentiles?|ptile|pctl|\d{1,2}(?:st|nd|rd|th)?\s*(?:%\s*ile|ile))\b")


_STEP2_CK_RE = quick_re.compile(r"\b(?:step\s*(?:2|two|ii)(?!\s*cs)|step2(?!cs)|s2(?:ck)?|ck)\b")
_STEP3_RE = quick_re.compile(r"\b(?:step\s*(?:3|three|iii)|step3|usmle\s*3)\b")
"""Step 3 named, however it is written."""
_SHELF_RE = quick_re.compile(r"\b(?:shelf|shelves|shelf exams?|subject exams?|cms|comats?)\b")
_OUT_OF_SCOPE = (
    ("step2_cs", quick_re.compile(r"\b(?:step\s*(?:2|two|ii)\s*cs|step2cs|cs exam|clinical skills(?: exam)?)\b")),
    ("step3", _STEP3_RE),
    ("comlex", quick_re.compile(r"\bcomlex(?:\s*(?:level\s*)?(?:3|2\s*pe)|\s*pe)\b|\blevel\s*(?:3|2\s*pe)\b")),
    # Step 1 set against COMLEX Level 1: two exams, neither of them ours
    (
        "comlex",
        quick_re.compile(
            r"\bstep\s*(?:1|one)\b.{0,40}\bcomlex(?:\s*level)?\s*(?:1|one)\b"
            r"|\bcomlex(?:\s*level)?\s*(?:1|one)\b.{0,40}\bstep\s*(?:1|one)\b"
        ),
    ),
    # COMLEX's own numbers (its pass mark, scale, percentiles, release): NBOME's, not ours. Whether DOs
    # need the USMLE, or how programs read COMLEX, stays ours (the DO topics).
    (
        "comlex",
        quick_re.compile(
            r"\b(?:comlex|level\s*[12](?:\s*ce)?)\b(?!.*\b(?:usmle|residenc\w*|programs?|match\w*|do students?)\b)"
            r".*\b(?:pass(?:ing)?\s*(?:mark|score|standard|line)|min(?:imum)? (?:score|to pass)|scale|percentiles?"
            r"|scores? (?:come|release|out)|results? (?:come|release|out))\b"
        ),
    ),
    (
        "chat",
        quick_re.compile(
            r"\b(?:recommend|suggest|suggestions?|recs?|what should i|where can i|where should i|good)\b.{0,40}"
            r"\b(?:netflix|movies?|tv shows?|shows? to watch|series|restaurants?|coffee shops?|cafes?|coffee places?|"
            r"recipes?|songs?|playlists?|video games?|books? to read|novels?|anime|manga|podcasts?)\b"
            r"|\b(?:renew|replace|apply for)\s+(?:my\s+|a\s+)?(?:passport|driver s licen[cs]e)\b"
            # the world outside the exam: "good coffee near prometric in atlanta", "weather in chicago"
            r"|\b(?:coffee|food|lunch|dinner|restaurants?|hotels?|bars?|pizza|tacos?|burgers?|sushi|brunch)\b.{0,30}"
            r"\b(?:near|around|close to)\b"
            r"|\bweather\b"
            # "best deep dish in chicago? interview trip next week": food asked about, wherever they are
            r"|\bbest\s+(?:deep dish|pizza|coffee|tacos?|burgers?|sushi|brunch|food|restaurants?|bars?)\b"
        ),
    ),
    (
        "career",
        quick_re.compile(
            r"\b(?:pa school|pa program|physician assistant|np school|nurse practitioner|nursing school|"
            r"dental school|vet school|law school|mba program|pance)\b"
            # other careers: "how do i become a PA instead"
            r"|\bbecome an? (?:pa|np|nurse|dentist|pharmacist|physician assistant)\b"
        ),
    ),
    (
        "school",
        quick_re.compile(
            r"\b(?:osce|school exams?|final exams?|midterms?|petition\w*|cbse|grade (?:change|appeal|dispute))\b"
            r"|\bappeal\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+)?grade\b"
            r"|\b(?:school s|schools|my|clerkship|rotation)\s+(?:\w+\s+){0,2}finals?\b"
            # a preclinical course's exam: "my pharm block exam is friday"
            r"|(?<!\d )\b(?:block|module|unit|course)\s+(?:exams?|finals?)\b"
        ),
    ),
    # last: a shelf named is out of scope only when it is what they ask about (`asks_shelf`)
    ("shelf", _SHELF_RE),
)
_MCAT_BEHIND_RE = quick_re.compile(r"\b(?:on|for|during|took|had|my|since|like|same as)\s+(?:the\s+)?mcat\b")
"""The MCAT as their past ("extra time on the MCAT") or a likeness ("my mom thinks it's like the MCAT"), not the
exam asked about."""
_MCAT_RE = quick_re.compile(r"\bmcat\b")
_FOREIGN_EXAM_RE = quick_re.compile(
    r"\b(?:plab\s*\d?|ukmla|mccqe\w*|nac osce|neet\s*pg|fmge|smle)\b"
    # AMC is also an academic medical center ("amc vs community program"): the Australian exam only when named as
    # an exam or set against the USMLE
    r"|\bamc\b(?=.{0,30}\b(?:exam|mcq|australia\w*|instead of (?:the )?usmle|vs (?:the )?usmle|or (?:the )?usmle)\b)"
)
"""Another country's licensing exam: the UK's PLAB or UKMLA, Australia's AMC, Canada's MCCQE, India's NEET PG."""
_FORMAT_RE = quick_re.compile(
    r"\bhow many\s+(?:questions|qs|blocks|sections)\b"
    r"|\bhow long is (?:step\s*(?:1|one)|the exam|the test|each block|a block)\b"
    r"|\bformat\b"
)
_ALL_STEPS_RE = quick_re.compile(r"\b(?:all|every|both)\s+(?:3|three|the)?\s*steps\b")
"""The Steps together ("how long do i have to pass all 3 steps"): their time limit, not Step 1's pass mark."""
_STEP1_NAMED_RE = quick_re.compile(r"\bstep\s*(?:1|one|i)\b")
_STEP1_OR_LEVEL1_RE = quick_re.compile(
    r"\b(?:step\s*(?:1|one)|step1|s1|usmle\s*1|level\s*1|comlex\s*1|basic sciences?)\b"
)


def names_step1(norm: str) -> bool:
    """Step 1, COMLEX Level 1 or the basic sciences they test, named ("step 1 was 228"; not "every step i take")."""
    return _STEP1_OR_LEVEL1_RE.search(norm) is not None


_PASS_MARK_RE = quick_re.compile(
    r"\b(?:pass(?:ing)?\s*(?:mark|score|standard|line|cut\s*off)|min(?:imum)?\s*(?:score|passing|to pass)|to pass)\b"
)
_PASS_RATE_RE = quick_re.compile(
    r"\b(?:pass(?:ing)?\s*(?:rates?|percent(?:age)?)|fail(?:ure)?\s*rates?|(?:%|percent)\s+(?:of people\s+)?pass"
    r"|how many (?:people|ppl|students|test takers|examinees|of us) (?:fail|pass)\w*"
    # "what % of people fail ck first try" ("%" is dropped in normalizing), "1 in 5 IMGs don't pass"
    r"|what (?:percent\s+)?of (?:people|ppl|students|test takers|examinees|imgs|us) (?:fail|pass)\w*"
    r"|what (?:percent(?:age)?|share|proportion|fraction) (?:fail|pass)\w*"
    r"|(?:\d+|one|two|three) (?:in|out of) (?:\d+|four|five|ten)\b.{0,30}\b(?:fail|don t pass|do not pass|pass)\w*)\b"
)


def asks_pass_rate(norm: str) -> bool:
    """ "how many people fail step 2", "what's the fail rate": how many pass or fail Step 2 CK, not a match
    rate (another exam's pass rates, Step 1's, CS's or COMLEX's, are `out_of_scope`)."""
    return _PASS_RATE_RE.search(norm) is not None and out_of_scope(norm) is None  # not Step 1's, CS's, Step 3's


_HOW_TO_STUDY_STEP1_RE = quick_re.compile(
    r"\bhow (?:do|should|can) i (?:study|prep|prepare) for step\s*(?:1|one)\b"
    r"|\bhow (?:do|should|can) i pass step\s*(?:1|one)\b"
)
"""Studying for Step 1 asked outright ("how do i study for step 1? it's p/f now right"): Step 1's own prep."""
_STEP1_PREP_RE = quick_re.compile(
    # Step 1's content: "what's on step 1 for renal physiology", "what's the pharm on step 1 like"
    r"\bwhat(?: s| is)? (?:the\s+)?(?:\w+\s+){0,2}on step\s*(?:1|one)\b"
    r"|\bhow much (?:\w+\s+){0,3}(?:is\s+)?on step\s*(?:1|one)\b|"
    r"\bstep\s*(?:1|one|i)\b.*\b(?:study|studying|prep|prepare|preparing|resources?|first aid|pathoma|sketchy|"
    r"boards and beyond|biochem|micro|pharm|physio|anatomy|dedicated|uworld|anki|blueprint|content outline|"
    r"topics?|subjects?|high yield|hardest|easiest|"
    r"question\s*:)\b"
    r"|\b(?:study|studying|prep|prepare|preparing|resources?|first aid|pathoma|sketchy|boards and beyond|anki|decks?)\b"
    r".*\bstep\s*(?:1|one)\b"
    # Step 1 still ahead, asked about: "step 1 is in 3 weeks, what should i focus on"
    r"|\bstep\s*(?:1|one)\s+(?:exam\s+)?(?:is|s)\s+(?:in|on|next|tomorrow|this)\b.*\b(?:focus|do|study|review|"
    r"use|prioriti[sz]e)\b"
)


_STEP3_ASKED_RE = quick_re.compile(
    r"\b(?:take|taking|took|sit|sitting|schedule|study for|studying for|prep for|prepare for|pass|plan|planning|"
    r"plan for|book|booking|register for|tips for|advice for|resources for|ready for)\s+(?:for\s+)?(?:my\s+|the\s+)?"
    r"(?:step\s*(?:3|three)|step3|usmle step 3)\b"
    r"|\b(?:step\s*(?:3|three)|step3)\b.{0,60}\b(?:when|should i|i should|worth it|worth doing|take it|do i need)\b"
    # "passed CK last year. do i need step 3 before PGY2?"
    r"|\b(?:do i need|need to take|have to take|when do i need)\s+(?:to take\s+)?(?:step\s*(?:3|three)|step3)\b"
    # "a step 3 study plan", "step 3 prep tips"
    r"|\b(?:step\s*(?:3|three)|step3)\s+(?:study\s+)?(?:plan|schedule|prep|tips|resources|qbank|stuff|studying|"
    r"material|questions|content)\b"
    # "COMLEX 3 or step 3 or both?": which of the two licensing exams after residency starts, asked
    r"|\bcomlex\s*(?:level\s*)?3\s+or\s+(?:usmle\s+)?step\s*3\b|\bstep\s*3\s+or\s+comlex\s*(?:level\s*)?3\b"
    # Step 3 set beside CK: "is step 3 harder than ck?"
    r"|\b(?:step\s*(?:3|three)|step3)\s+(?:\w+\s+)?(?:harder|easier|worse|tougher|longer|shorter|different|"
    r"more|less)\b"
    # "how hard is step 3 compared to ck", "matched IM!! do i need to worry abt step 3 now"
    r"|\bhow (?:hard|difficult|tough|bad|long) is (?:the\s+)?(?:usmle\s+)?(?:step\s*(?:3|three)|step3)\b"
    r"|\b(?:worry|worrying)\s+(?:about|abt|bout)\s+(?:usmle\s+)?(?:step\s*(?:3|three)|step3)\b"
    r"(?!\s+(?:and|or|&)\s+(?:step\s*2|ck))"
)
_WRITING_RE = quick_re.compile(
    # asked of us, not of a letter writer: "who should write my LOR", "a doctor... to write my LOR" are questions
    r"\b(?<!\bwho should )(?<!\bwho can )(?<!\bwho will )"
    r"(?:write|writing|draft|edit|proofread|review|fill out|fill in|rewrite|polish|help\s+(?:me\s+)?(?:with|on))"
    r"\s+(?:me\s+)?"
    r"(?:my\s+|a\s+|an\s+|the\s+)?(?:good\s+|strong\s+|great\s+|better\s+)?"
    r"(?:personal statement|ps|cv|resume|eras (?:application|experiences?|section|entries)|experiences? section|"
    r"letter of (?:intent|interest|recommendation)|lor|thank you (?:email|note)|cover letter|essay)\b"
)
_CONTENT_RE = quick_re.compile(
    r"\bhow (?:do|would|should) (?:i|you|we) (?:calculate|dose|treat|manage|interpret|read|work up|differentiate|"
    r"(?:perform|place|insert|do|put in) (?:a|an) (?:lumbar|central|chest|paracentesis|thoracentesis|intubation|"
    r"procedure|pelvic|rectal|suture|splint|cast|nerve|joint|art|arterial|foley|ng)\w*)\b"
    r"|\b(?:what s|whats|what is) the (?:dose|dosing|dosage|first line|drug of choice|antidote)\b"
    r"|\b(?:explain|teach me|quiz me|what is|whats|what s|how does|define|describe|tell me|walk me through|"
    r"go over|go through)\b(?!\s+how (?:to|i|do i|should i))(?!\s+the best way)"
    r".{0,30}\b(?:cycle|pathway|cascade|coag\w*|"
    r"mechanism|plexus|nerve|artery|enzyme|receptor|murmur|ecg|ekg|drug|antibiotic|syndrome|disease|pathophysiology|"
    r"moa|side effects?|treatment|management|diagnosis|anatomy)\b"
    r"(?!\s+(?:for|of)\s+(?:my|me|test|exam|stress|anxiety)\b)"
    r"|\bmechanism of action\b|\bdrug of choice\b"
    # "explain the different kinds of RTA", "go over the types of heart block": medicine's own kinds, not the kinds
    # of questions, programs, visas or letters a student asks us about
    r"|\b(?:explain|teach me|walk me through|go over|go through|break down|describe)\s+(?:the\s+)?"
    r"(?:different\s+|main\s+|various\s+)?(?:types|kinds|classes|causes|stages|classifications?)\s+of\s+"
    r"(?!(?:questions?|qs|scores?|programs?|residenc\w*|specialt\w*|fields?|visas?|letters?|lors?|signals?|"
    r"pathways?|nbmes?|self[- ]?assessments?|practice|exams?|tests?|study|resources?|qbanks?|breaks?|"
    r"accommodations?|attempts?|applicants?|interviews?|match\w*|imgs?|usmle|steps?|ck|blocks?|items?)\b)"
    # "where does furosemide act again": pharmacology itself
    r"|\bwhere (?:does|do) (?:\w+ ){1,2}act\b"
    r"|\bwhich (?:enzyme|drug|nerve|artery|vitamin|gene|chromosome|hormone|bug|organism|antibiotic)\b"
    # "what are the types of renal tubular acidosis": medicine's own lists, not the exam's
    r"|\bwhat are the (?:types|causes|symptoms|signs|findings|complications|stages|classes|criteria) of\b"
    r"(?!\s+(?:questions|blocks|the exam|step|ck|scores?|programs?|residenc\w*|signals|positions|test anxiety|"
    r"anxiety|burnout|stress|depression|panic))"
    r"|\b(?:is|are) (?:deficient|mutated|elevated|inherited) in\b"
    # "explain type 1 vs type 4 RTA", "difference between class II and III": medicine's own kinds
    r"|\b(?:explain|difference between|differentiate|distinguish|tell apart)\b.{0,40}?"
    # (a lone "i" is the pronoun: "explain what type i should pick")
    r"\b(?:type|class|grade)\s*(?:[1-9]|ii|iii|iv)\b(?!\s*(?:and|or|vs|versus)?\s*(?:step|exam|ck|level))"
    # "any trick for remembering the RTA types": a mnemonic for medicine's own lists, not a way to study
    r"|\b(?:mnemonic|trick|way|hack)s? (?:for|to) (?:remember(?:ing)?|memori[sz](?:e|ing)|keep(?:ing)? straight) "
    r"(?:the |all the )?(?:[a-z]+ ){1,4}(?:types|classes|causes|criteria|stages|drugs|nerves|side effects)\b"
    # "what's the best antihypertensive in pregnancy": a question of medicine itself
    r"|\b(?:best|first line|preferred|safest)\s+(?:\w+\s+)?(?:antihypertensive|antibiotic|drug|treatment|abx|"
    r"anticoagulant|therapy)s?\s+(?:in|for|during)\b(?!\s+(?:my|me|test|exam|the exam|stress|anxiety|nerves|burnout))"
)
_CLINICAL_ASKED_RE = quick_re.compile(
    # "first line for strep throat if pt is pcn allergic?", "epi dose for anaphylaxis IM?": not "i can't remember
    # the first line tx for anything" (nerves), "the first line of my personal statement", "a dose of reality"
    r"(?<!remember the )(?<!recall the )(?<!know the )(?<!forgot the )(?<!forget the )(?<!forgetting the )"
    r"\b(?:first line|1st line|drug of choice)\s+(?:tx\s+|treatment\s+|therapy\s+|abx\s+|management\s+)?"
    r"(?:for|of|in)\s+"
    r"(?!(?:anything|everything|my|me|your|our|the|a|an|it|this|that|defen[cs]e|personal|eras|application|test|exam|"
    r"stress|anxiety|nerves|burnout|studying|prep)\b)"
    r"|(?<!\bmy )(?<!\bnormal )(?<!\busual )(?<!\bdaily )(?<!\bregular )"
    r"\b(?:dose|dosing|dosage)\s+(?:of|for)\s+(?!(?:reality|caffeine|coffee|motivation|anxiety|stress|uworld|anki|"
    r"questions|qs|blocks|reviews|cards|study\w*|practice|daily|the exam|exam|test)\b)[a-z]"
    r"|\bif (?:the\s+|a\s+)?(?:pt|patient) (?:is|has)\b|\btumor suppressor\b|\boncogene\b"
    # a poisoning's care or a pharmacology term asked ("tca overdose tx? bicarb first?", "the suicide inhibitor")
    r"|\b(?:tricyclic|tca|acetaminophen|apap|tylenol|aspirin|salicylate|opioid|benzo\w*|lithium|digoxin|iron|"
    r"beta blocker|calcium channel blocker|ccb|warfarin|isoniazid|theophylline|organophosphate|methanol|"
    r"ethylene glycol)\s+(?:overdose|od|toxicity|poisoning)\s+(?:tx|treatment|management|mgmt|antidote|workup)\b"
    r"|\b(?:tricyclic|tca|acetaminophen|apap|beta blocker|digoxin|salicylate|iron)\s+(?:overdose|toxicity)\s*"
    r"(?:\w+\s+){0,3}?(?:bicarb|nac|glucagon|digibind|deferoxamine|dialysis)\b"
    r"|\boverdose\s+(?:antidotes?|management|mgmt)\b|\bsuicide inhibitor\b"
)
"""A question of clinical medicine asked outright, which a study question beside it (`_STUDY_TALK_RE`) is not."""
_STUDY_TALK_RE = quick_re.compile(
    r"\b(?:questions?|qs|vignettes?|miss\w*|tips?|get better|on the exam|always pick|before the exam|normal|"
    r"personal statement|eras|my (?:\w+ )?(?:dose|meds?|medication|prescription))\b"
)


_COMLEX_RE = quick_re.compile(
    r"\bcomlex\b|\b(?:level|lvl)\s*2(?:\s*ce)?\b(?=.*\b(?:do|dos|osteopathic)\b)"
    # a score on COMLEX's scale: "my level 2 is 520", "L2 540"
    r"|\b(?:(?:level|lvl)\s*|l\s?)2(?:\s*ce)?\b(?=.*\b[3-8]\d{2}\b)"
    r"|\b[3-8]\d{2}\s+(?:on|in|for)\s+(?:my\s+|the\s+)?(?:level|lvl)\s*2\b"  # "is 540 on level 2 bad??"
)
_SCORE_JUDGED_RE = quick_re.compile(
    r"\b(?:is|was|are)\s+(?:a\s+|an\s+|my\s+)?[3-8]\d{2}\s+(?:\w+\s+)?"
    r"(?:low|good|bad|ok|okay|fine|competitive|enough|decent|high|solid|strong|weak)\b"
)
"""A score on COMLEX's scale judged ("is 530 low for FM", "is a 540 competitive")."""
_FIGURE_WORDS_RE = quick_re.compile(
    r"\b(?:average|avg|mean|median|good|enough|competitive|need|needed|score for|scores for|percentile\w*|\d{3})\b"
)
_NAMES_USMLE_RE = quick_re.compile(
    # a practice test of Step 2 CK's named beside COMLEX ("uwsa2 244... comlex L1 was a pass") keeps the question ours
    r"\b(?:usmle|step\s*(?:2|two)|step2|ck|convert\w*|conversion|equivalent|uwsa\s*\d?|nbme|free 120)\b"
)


_MOVE_WORDS = ("reschedul", "move", "change", "push", "postpone", "delay", "extend", "defer")
"""Every way `_HOW_TO_MOVE_RE` can end holds one of these."""
_WRITING_WORDS = ("writ", "draft", "edit", "proofread", "review", "fill", "polish", "help")
"""Every alternative of `_WRITING_RE` starts with one of these."""
_HOW_TO_MOVE_RE = quick_re.compile(
    r"\b(?:how (?:do|can|would|should) (?:i|you|we|one)|how to|can i|could i|is it possible to|am i allowed to|"
    r"what does it cost to|does it cost (?:anything |money )?to|is there a fee to)\b.{0,30}?"
    r"\b(?:reschedul\w*|move|change|push|postpone|delay|extend|defer)\b"
)


_WHETHER_TO_DELAY_RE = quick_re.compile(
    # "do i move it??" asks whether, like "should i"; "how/where/when do i reschedule" asks how or when (the how-to
    # answer), so those look-backs
    r"\b(?:should i|(?<!\bhow )(?<!\bwhere )(?<!\bwhen )(?<!\bwhat )(?<!\bwhy )do i|whether to|whether i should|"
    r"if i should|is it (?:smart|better|worth it|dumb) to|worth)\s+"
    r"(?:just\s+)?(?:push|delay|postpone|move|reschedule|pushing|delaying|postponing)\b"
    # ("should I postpone again?": a move already made, asked of once more)
    r"(?:\s+(?:back\s+)?(?:my\s+|the\s+)?(?:exam|test|ck|step\s*2|date|it|back|retake|again))"
    # (not earlier: "should I move my test up while I'm feeling good" is no delay)
    r"(?!\s+(?:\w+\s+)?(?:up|earlier|sooner|forward)\b)"
    # "is that realistic or do I need to push it back?": the need asked, the exam named or "it"
    r"|\b(?:do i|should i|will i|would i)\s+(?:need|have|gotta)\s+(?:to\s+)?"
    r"(?:(?:push|move)\s+(?:it|my\s+(?:exam|test|date|ck)|the\s+(?:exam|test|date))\s+back|"
    r"(?:delay|postpone)(?:\s+(?:it|my\s+(?:exam|test|date|ck)|the\s+(?:exam|test|date)|ck|step 2)\b|\s*$))"
    # "should i delay to hit 250", "should i postpone or take it": the exam left unnamed, the delay itself asked
    r"|\b(?:should i|whether to|whether i should|if i should)\s+(?:just\s+)?(?:delay|postpone|push back)\b"
    r"(?=\s+(?:to\s+(?:hit|get|reach|score|raise|bring)|or\s+(?:just\s+)?(?:take|sit|keep|go))\b)"
    # "three days out, free 120 61%... do I cancel??": calling the exam off, said with the exam as its object or bare
    # at the end of a thought; "should i cancel my vacation / interview / anki subscription" calls off something else
    r"|\b(?:should i|(?<!\bhow )(?<!\bwhere )(?<!\bwhen )do i|whether to|whether i should|if i should)\s+(?:just\s+)?"
    r"cancel(?:\s+(?:my\s+|the\s+)?(?:exam|test|ck|step\s*2|date|it)\b|\s*$|(?=\s+(?:i|im|or|and)\b))"
    # what a delay would cost, asked: "would postponing look bad to programs?", "does pushing my date hurt me"
    r"|\b(?:would|will|does|do|could|is)\s+(?:it\s+)?(?:postponing|delaying|pushing|rescheduling|moving)\b"
    r"(?:\s+(?:it|my|the|ck|step|2|exam|test|date|back)){0,4}\s+(?:going to\s+|gonna\s+)?"
    r"(?:look|hurt|matter|affect|show|be\s+(?:a\s+)?red)\b"
    # "push or no", "push it back or go?", "delay to oct and miss eras opening, or sit now?": the two ways, weighed
    r"|\b(?:push|delay|postpone)\b(?!\s+(?:through|myself|on|harder|forward|ahead)\b)(?:\s+\w+){0,8}?\s+or\s+"
    r"(?:no|not|nah|go|sit|take|keep|just\s+(?:go|sit|take))\b(?!\s+(?:a|the)\s+(?:break|rest|day|nap)\b)"
)
_JUST_TAKE_IT_RE = quick_re.compile(
    r"\bshould i (?:just )?(?:take|sit) (?:it|the exam|the test|ck|step 2)(?: anyway| already)?$"
)
"""Going ahead, weighed against another delay: "DO, moved my CK 3 times already. should i just take it"."""
_BARE_DELAY_RE = quick_re.compile(
    r"(?:^|[.,;:!?\n]\s*|\b(?:so|and|then)\s+)(?:do i\s+|should i\s+)?"
    r"(?:delay|postpone|push|move|reschedule)(?:\s+(?:it|my\s+(?:date|exam|test|ck)|the\s+(?:date|exam|test)))?"
    r"(?:\s+back)?\s*\?+\s*$"
)
"""A delay asked bare at the end of a short text: "IMG, free 120 was 64%. push my date?", "3 days out... delay???"."""
_NEED_TO_DELAY_RE = quick_re.compile(
    r"\b(?:do|will|would|should) i (?:need|have|gotta) (?:to )?(?:delay|postpone)\s*\?"
)
"""The need to delay asked, with nothing after it but the question mark ("...is 240 fine for EM or do I need to
postpone? I really don't want to"): the exam is what would move (not "delay graduation?")."""


KIN = (
    r"(?:sister|brother|friend|roommate|partner|boyfriend|girlfriend|bf|gf|wife|husband|son|daughter|classmate|cousin|"
    r"student|mom|dad|colleague)"
)
"""The people students write about: whose practice results, whose stress."""
_SOMEONES_PRACTICE_RE = quick_re.compile(
    rf"\b(?:(?:my|our)\s+(?:\w+\s+)?{KIN}\s*s|his|her|their)\s+(?:last\s+|first\s+|latest\s+)?"
    rf"(?:{PRACTICE_TESTS}|practice tests?|practice exams?)"
    # "my sister is an MS3 and freaking out about a 231 practice score": named first, the result later in the sentence
    rf"|\b(?:my|our)\s+(?:\w+\s+)?{KIN}\b[^.?!]{{0,60}}?\b(?:her|his|their|a|an)\s+\d{{3}}\s+"
    r"(?:practice|self\s*assessment)\s+(?:score|test|exam|result)s?\b"
)
"""Someone else's practice test ("my brother's uwsa2", "her nbme 12"): theirs to read, asked about for them."""


def asks_about_someones_practice(text: str, norm: str) -> bool:
    """ "my brother's uwsa2 was 245, is he ready?": a practice result of someone else's, asked about."""
    return _SOMEONES_PRACTICE_RE.search(norm) is not None and asks_something(text, norm)


def asks_whether_to_delay(norm: str, text: str = "") -> bool:
    """ "should I push my exam?", "figure out if I should postpone it", "...push my date?": whether to, not how to."""
    if _BARE_DELAY_RE.search(text.lower()) or _NEED_TO_DELAY_RE.search(text.lower()):
        return True
    if _JUST_TAKE_IT_RE.search(norm) and not PRACTICE_NAME_RE.search(norm):
        return True  # (not a practice test: "i have one nbme left... should i take it")
    return (
        holds_any(norm, ("push", "delay", "postpon", "move", "reschedul", "cancel"))
        and _WHETHER_TO_DELAY_RE.search(norm) is not None
    )


def asks_how_to_move_the_exam(norm: str) -> bool:
    """ "how do i reschedule my step 2 date": how moving it works, not news that it moved (nor a grade or
    a graduation moved: "how do i petition my school to change my grade")."""
    return (
        holds_any(norm, _MOVE_WORDS)
        and _HOW_TO_MOVE_RE.search(norm) is not None
        and _SCHOOL_MATTER_RE.search(norm) is None
    )


_SCHOOL_MATTER_RE = quick_re.compile(
    r"\b(?:petition\w*|grades?|graduation|graduate|transcript grade|rotation schedule)\b"
)


_DUAL_APPLY_RE = quick_re.compile(
    r"\bdual(?:\s+|-)?apply\w*|\bbackup specialty\b"
    r"|\b(?:apply|applying|rank|ranking)\s+(?:to\s+)?(?:both|two specialties)\b"
)
_SICK_RE = quick_re.compile(
    r"\b(?:sick|ill|flu|fever|covid|vomit\w*|throwing up|migraine|food poisoning|stomach bug|strep)\b"
)
_THE_EXAM = "|".join((*EXAM_WORDS, "step2", "prometric"))
_EXAM_DAY_NEAR_RE = quick_re.compile(
    rf"\b(?:{_THE_EXAM})\b.{{0,40}}\b(?:tomorrow|tmrw|today|this morning|in the morning)\b"
    rf"|\b(?:tomorrow|tmrw|today)\b.{{0,40}}\b(?:{_THE_EXAM})\b|\b(?:test|exam) day\b"
)


_MOVED_EXAM_RE = quick_re.compile(
    r"\b(?:i\s+|i ve\s+|just\s+|finally\s+)?(?:pushed|moved|rescheduled|postponed|delayed|bumped)\s+"
    r"(?:my\s+|the\s+)?(?:test|exam|ck|step\s*(?:2|two)|it)\b"
    # "im moving the test to april 14": the new day said with it
    r"|\b(?:i m|im|i am)\s+(?:moving|pushing|rescheduling|postponing)\s+(?:my\s+|the\s+)?(?:test|exam|ck|step\s*2)\s+"
    r"(?:back\s+)?(?:to|until|till)\s+(?:\w+\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|mon|tue"
    r"|wed|"
    r"thu|fri|sat|sun)"
    # "had to cancel... rebooked for 2/17", "changed my date again, now it's jan 8": the new day said
    r"|\b(?:(?:rebooked|re-booked|rescheduled)(?:\s+(?:it|my (?:exam|test|date|ck)|ck|step 2|the (?:exam|test)))?|"
    r"moved it|pushed it|changed my (?:exam |test )?date(?:\s+\w+){0,3}?)"
    r"\s+(?:for|to|on|now|now it s|now its)\s+(?:the\s+)?"
    r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|mon|tue|wed|thu|fri|sat|sun)"
    # "it's tomorrow now instead of next friday": the new day said against the old
    r"|\b(?:it s|its|exam is|test is|ck is|now)\b.{0,25}\b(?:now\s+)?instead of\s+(?:the\s+)?"
    r"(?:next|this|on|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)"
)


def moved_the_exam(norm: str) -> bool:
    """ "I pushed my test back 2 weeks": news that their exam moved (not how moving works, nor a score delay)."""
    return _MOVED_EXAM_RE.search(norm) is not None


def asks_dual_apply(norm: str) -> bool:
    """ "can i dual apply ortho and gen surg": applying in two fields, not their averages side by side."""
    return holds_any(norm, ("dual", "backup", "both", "two specialties")) and _DUAL_APPLY_RE.search(norm) is not None


_HOW_MANY_TO_APPLY_RE = quick_re.compile(
    # a count to aim for: applying, ranking or interviews needed ("how many programs should i apply to", "is 9
    # interviews enough"); not how many programs do something ("how many programs use step 2 as a cutoff")
    r"\bhow many\s+(?:\w+\s+){0,2}?(?:programs?|places)\s+(?:should|do|to|must|would|can)\s+(?:i\s+|we\s+)?"
    r"(?:\w+\s+)?(?:apply|rank|send|aim)"
    r"|\bhow many\s+(?:\w+\s+){0,2}?(?:programs?|places|interviews?|invites?|ranks?)\s+"
    r"(?:do i need|is enough|are enough|would be enough|should i (?:aim|apply|rank|get|have))"
    r"|\bapply(?:ing)?\s+to\s+how many\b"
    r"|\b(?:is|are)\s+(?:\d+|[a-z]+)\s+(?:programs?|interviews?|invites?)\s+enough\b"
    r"|\bapply(?:ing)?\s+(?:to\s+)?(?:\d+|more|fewer|less)\s+(?:\w+\s+)?programs?\b"
)


def asks_how_many_to_apply(norm: str) -> bool:
    """ "how many IM programs should I apply to with a 236?", "is 8 interviews enough": a count to aim for."""
    return _HOW_MANY_TO_APPLY_RE.search(norm) is not None


def sick_for_the_exam(norm: str) -> bool:
    """ "i have the flu and my exam is tomorrow": what to do when ill on or before exam day."""
    return _SICK_RE.search(norm) is not None and _EXAM_DAY_NEAR_RE.search(norm) is not None


_NOT_A_SHARE = (
    r"(?!\s+(?:weeks?|wks?|days?|months?|mos?|hours?|hrs?|minutes?|mins?|blocks?|questions?|qs|q s|times?|forms?|"
    r"nbmes?|uwsas?|subjects?|systems?|more|left|a day|per day|daily|a week|per week|q)\b)"
)
"""Not a count of time or things ("amboss or uworld first if i only have 5 weeks"): the bank's figure is a share."""
_QBANK_FIGURE_RE = quick_re.compile(
    # (a number that is no exam's: "the uworld step 2 qbank" names no figure of the bank's)
    r"\b(?:uworld|uw|amboss|qbank|q bank|kaplan|truelearn)\b.{0,40}\b(?:percent\w*|pct|"
    rf"(?<!step )(?<!level )(?<!ms )(?<!block )(?<!nbme )(?<!form )\d{{1,2}}{_NOT_A_SHARE})\b"
    r"|\b(?:\d{1,2}\s*(?:percent|pct)|percentile\w*|\d{1,2}(?:st|nd|rd|th))\b.{0,40}\b(?:uworld|uw|amboss|qbank)\b"
    r"|(?<!step )(?<!level )\b\d{1,2}\s+(?:(?:average|avg|overall|correct|percent|pct)\s+)?(?:on\s+|in\s+)?"
    r"(?:uworld|uw|amboss|qbank)\b(?!\s+(?:blocks?|questions|qs|q|passes|pass|sessions?)\b)"  # "2 uworld blocks"
)


def asks_qbank_figure(norm: str) -> bool:
    """ "uworld 65 percent correct, what percentile is that": a question bank's own figure, not a USMLE one."""
    return (
        holds_any(norm, ("uworld", "uw", "amboss", "qbank", "q bank", "kaplan", "truelearn"))
        and _QBANK_FIGURE_RE.search(norm) is not None
        and not (_QBANK_DONE_RE.search(norm) and not _QBANK_SCORED_RE.search(norm))
    )


def qbank_figure_asked(text: str, norm: str) -> bool:
    """A question bank's own figure is what they ask about ("uworld 61%, is that good?"), not the setting of another
    question ("48% on uworld for OB... how do i fix OB fast", "uworld 58%... which NBMEs should i save?")."""
    if not asks_qbank_figure(norm):
        return False
    sentences = [s for s in _ASKED_SPLIT_RE.split(text) if s.strip()]
    asked = [normalize(s) for s in ([s for s in sentences if "?" in s] or sentences[-1:])]
    return any(_QBANK_FIGURE_RE.search(s) or _PERCENT_SAID_RE.search(s) or _FIGURE_JUDGED_RE.search(s) for s in asked)


_PERCENT_SAID_RE = quick_re.compile(r"\b\d{1,2}\s*(?:percent|pct)\b|\bpercentile\b")
_FIGURE_JUDGED_RE = quick_re.compile(
    # the figure told before, asked about by a word that points back to it
    r"\b(?:is|are|was|s)\s+(?:that|this|it|those|these|mine)\s+(?:\w+\s+)?(?:good|bad|ok|okay|fine|normal|low|"
    r"enough|decent|passing|on track|safe|competitive|legit|accurate|true|reliable)\b"
    r"|\bwhat\s+(?:\w+\s+)?(?:percentile|score|ck score|step 2 score)\s+(?:is|would|does)\s+(?:that|this|it)\b"
    r"|\b(?:that|this|it)\s+(?:means?|translates?|equals?|converts?|predicts?|correlates?)\b"
    r"|^(?:that|this) (?:good|bad|ok)\b"
    # "58% avg... am I cooked", "55% rn. doomed?": the figure judged by what it means for them
    r"|\b(?:am i|am i just|im|i m)\s+(?:cooked|doomed|screwed|toast|done for)\b|^(?:cooked|doomed|screwed)\b"
)


def figure_judged(norm: str) -> bool:
    """A figure told, then judged by what it means ("is that good", "am I cooked")."""
    return _FIGURE_JUDGED_RE.search(norm) is not None


_SWINGS_RE = quick_re.compile(
    r"\b(?:jump\w*|swing\w*|bounc\w*|fluctuat\w*|vary|varies|varying|inconsistent|all over the place|up and down)\b"
)
_BLOCK_RESULTS_RE = quick_re.compile(r"\b(?:blocks?|percent\w*|qbank|q bank|uworld|uw|amboss|scores?)\b")


def block_results_swing(norm: str) -> bool:
    """ "my % jumps between 55 and 80 block to block": results that vary, asked about, not a block to log."""
    return _SWINGS_RE.search(norm) is not None and _BLOCK_RESULTS_RE.search(norm) is not None


_MISSED_DAYS_RE = quick_re.compile(
    r"\b(?:missed|lost|skipped|fell behind|falling behind|behind on|behind in)\b(?:\s+\w+){0,5}?\s+"
    r"(?:days?|a week|weeks|(?:study|studying) (?:schedule|plan)|schedule|plan|studying|dedicated)\b"
)
_START_AGAIN_RE = quick_re.compile(
    r"\b(?:start over|starting over|restart\w*|redo|from (?:zero|scratch)|ruined|catch up|back on track|now what|"
    r"new schedule|make (?:it|them) up)\b"
)


def missed_study_days(norm: str) -> bool:
    """ "i missed 4 days of my plan bc i got sick. do i need to start over?": days lost, and whether to begin again."""
    return _MISSED_DAYS_RE.search(norm) is not None and _START_AGAIN_RE.search(norm) is not None


_QBANK_DONE_RE = quick_re.compile(
    # the share said beside its number: "70% through uworld", "is 70% fine" after "finish all of uworld", "40% done"
    r"\b\d{1,3}\s*(?:percent|pct)?\s+(?:through|of (?:uworld|uw|the qbank|it)|done|left|remaining|complete|completed)\b"
    r"|\bfinish\w* (?:all|the rest) of (?:uworld|uw|the qbank)\b.{0,25}\b\d{1,3}\s*(?:percent|pct)?\s+"
    r"(?:fine|ok|okay|enough)\b"
)
"""How much of the bank is done ("do i need to finish all of uworld or is 70% fine"): a share of it, not a score."""
_QBANK_SCORED_RE = quick_re.compile(
    r"\b(?:correct|avg|average|averag\w*|scor\w*|percentile\w*|first pass|overall|at \d{1,2}|with \d{1,2})\b"
)


_SEVERAL_NUDGES_RE = quick_re.compile(
    r"\b(?:twice|two times|2x|2 times|three times|3x|several times|multiple times)\s+(?:a|per|each)\s+day\b"
    r"|\bevery\s+(?:few|couple of|\d)\s+hours?\b|\bmorning and (?:night|evening)\b"
)


def wants_several_nudges(norm: str) -> bool:
    """ "ping me twice a day": more than the one daily nudge a plan sends."""
    return _SEVERAL_NUDGES_RE.search(norm) is not None


_ASKS_SOMETHING_RE = quick_re.compile(
    r"\b(?:what now|now what|what next|what should i|what do i|when do|when does|when will|when is|how do i|"
    r"how long|how many|do i need|should i|can i|is it ok|is that ok|is that good|will they|any tips|"
    # asked of programs or of anyone, question mark or not: "how do IM programs see a fail then a 245",
    # "who is even gonna look at me", "which do programs care about"
    r"how (?:do|does|will|would)\s+(?:\w+\s+){0,2}?(?:programs?|pds?|they|people|residenc\w+)\b|"
    r"who (?:is|s|will|would)\s+(?:even\s+)?(?:gonna\s+|going to\s+)?(?:want|look at|take|rank|interview|hire)\b|"
    r"which (?:do|does|one|is) (?:programs?|pds?|they|matters?|counts?|better)|"
    r"is there (?:anything|any way|a way)|anything (?:else )?i (?:need|have|should)|do they need|does it matter|"
    # "what ECFMG stuff do i still need before july": what is left to do, asked
    r"what(?:\s+\w+){0,3}?\s+do i (?:still |even )?(?:need|have to)\b|"
    # "MATCHED IM!!! does my ck still matter for fellowship": asked of the score, question mark or not
    r"does (?:my|the|a) (?:\w+\s+){0,3}?(?:still\s+|even\s+)?(?:matter|count|affect|hurt|help)\b|"
    # "do programs ever look at step 2 again after this": asked of programs, question mark or not
    r"do (?:programs?|pds?|residenc\w+|fellowships?) (?:ever |even |still |actually |really )?"
    r"(?:look at|see|care|check|use|ask)\b|"
    r"do i (?:tell|say|mention|disclose)|will (?:my|they|the|it|(?:\w+\s+)?programs?|(?:\w+\s+)?pds?)\b|"
    # "is this going to follow me", "is that gonna hurt me": a fear asked, question mark or not
    r"(?:is|s) (?:this|that|it) (?:going to|gonna) (?:still |even )?(?:follow|hurt|haunt|matter|affect|ruin|kill|sink|"
    r"count)|"
    r"does (?:time|it|that|this)\b.{0,25}\bmatter|"
    # "does the fail follow me forever or": a fear asked, question mark or not
    r"does (?:the|my|a|that|this|it)\s+(?:\w+\s+)?(?:follow|haunt|stay|show|count|hurt)\b|"
    # asked as a request: "tell me about the exam day process", "explain how score release works"
    r"tell me (?:about|how|what|when|where|if|whether|why)|explain|walk me through|any tips|is that true|"
    # asked indirectly: "if I knew whether to signal my away program", "not sure if I should"
    r"(?<!didn t )(?<!did not )(?<!never )(?<!wasn t )(?:know|wondering|wonder|unsure|not sure|no idea|idk) "
    r"(?:whether|if) (?:i|to|my|it|programs?)|if i knew (?:whether|if)|"
    r"(?:what s|whats|what is) the(?! (?:deal|point|matter|use)))\b"
)


def asks_something(text: str, norm: str) -> bool:
    """A question in the message, with or without "?" ("I PASSED with a 241, what now for IM")."""
    return "?" in text or _ASKS_SOMETHING_RE.search(norm) is not None


def school_matter(norm: str) -> bool:
    """A school's own business ("petition my school for a grade change in peds"), whatever field is named."""
    return _SCHOOL_BUSINESS_RE.search(norm) is not None


_SCHOOL_BUSINESS_RE = quick_re.compile(
    r"\bpetition\w*\s+(?:my\s+|the\s+|our\s+)?(?:school|dean|program|clerkship|course|med school|university)\b"
    r"(?!.*\b(?:ck|step\s*2|usmle|ecfmg)\b)"
    r"|\bgrade (?:change|appeal|dispute)\b|\bappeal\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+){0,2}grade\b"
)


def asks_for_writing(norm: str) -> bool:
    """ "can you write my personal statement for rads", "do i need separate personal statements": writing their
    application is not ours, whatever field (a fail or a score to explain in it is: those have their answers)."""
    if "personal statement" in norm and _PS_ASKED_RE.search(norm) and not _PS_ABOUT_A_SCORE_RE.search(norm):
        return True
    return (
        holds_any(norm, _WRITING_WORDS) and _WRITING_RE.search(norm) is not None and not _THEIR_WRITING_RE.search(norm)
    )


_PS_ASKED_RE = quick_re.compile(
    r"\b(?:separate|different|two|multiple|one|same|how long|how many|word count|topic|what (?:to|do i|should i) "
    r"(?:write|say|put))\b[^.?!]{0,25}\bpersonal statements?\b|\bpersonal statements?\b[^.?!]{0,25}\b(?:for each|"
    r"per (?:specialty|program)|for both)\b"
)
"""How to shape the personal statements themselves, asked: "do i need separate personal statements"."""
_PS_ABOUT_A_SCORE_RE = quick_re.compile(r"\b(?:fail\w*|score|step|ck|usmle|comlex|low|improvement|jump|red flag)\b")


def asks_to_track(norm: str) -> bool:
    """ "can you help me keep track of my interviews": a tracker for their applications, which we don't keep."""
    return _TRACK_ASKED_RE.search(norm) is not None


_TRACK_ASKED_RE = quick_re.compile(
    r"\b(?:help me|can you|could you|can u|want to|want you to|pls|please)\b[^.?!]{0,15}\b(?:keep track of|track|"
    r"log)\s+(?:all\s+)?(?:my\s+|the\s+)?(?:interviews?|applications?|invites?)\b"
)


_THEIR_WRITING_RE = quick_re.compile(
    r"\b(?:doctor|attending|pd|faculty|mentor|someone|somebody|them|him|her|writers?|program|chair)\b"
    r"(?:\s+\w+){0,4}?\s+to\s+write\b"
)
"""Someone else asked to write it ("a doctor in my program to write my LOR"): a question about letters, not us."""


def asks_comlex_figures(norm: str) -> bool:
    """COMLEX's own figures asked for ("avg comlex level 2 for em?", "is a 550 comlex good"): Step 2 CK
    averages would answer another exam. Converting COMLEX to USMLE, or naming both, stays ours."""
    if not _names_comlex(norm):
        return False
    if _NAMES_USMLE_RE.search(norm) is not None:
        # "COMLEX L2 was 530, no USMLE. is 530 low for FM?": the USMLE named only as not taken, and the COMLEX score
        # judged ("is COMLEX enough without the USMLE" judges no score: ours)
        return without_the_usmle(norm) and _SCORE_JUDGED_RE.search(norm) is not None
    return _FIGURE_WORDS_RE.search(norm) is not None


def asks_shelf(text: str, norm: str) -> bool:
    """A shelf exam is what they ask about, with no word of Step 2 CK ("nbme shelf for IM was 72, honors?").

    Every question they ask must name it: "shelf scores were meh. whats a realistic 5 week plan" tells of
    the shelves and asks for a plan."""
    if _SHELF_RE.search(norm) is None or _STEP2_CK_RE.search(norm) or _CK_PREP_RE.search(norm):
        return False  # "dedicated starts monday... since my shelf was bad": Step 2 CK prep, the shelf its past
    sentences = [s for s in _ASKED_SPLIT_RE.split(text) if s.strip()]
    asked = [s for s in sentences if "?" in s] or sentences[-1:]
    return all(_SHELF_RE.search(normalize(s)) for s in asked)


_CK_PREP_RE = quick_re.compile(
    r"\b(?:dedicated|uwsa\w*|free ?120|usmle|study plan|remind\w*|help me plan|plan)\b"
    # "exam is the day after my shelf", "my exam is 3 weeks after my surgery shelf"
    r"|(?<!shelf )\bexam\s+(?:is|s)\s+(?:the\s+)?"
    r"(?:day|week|(?:\d+|a|one|two|three|four|five|six)\s+(?:days?|weeks?))\s+after\b"
)
_ASKED_SPLIT_RE = quick_re.compile(r"(?<=[.!?\n])\s*")


def names_step3(norm: str) -> bool:
    """Step 3 is named anywhere in the message ("my CK was 228... does a low CK predict struggling on step 3?")."""
    return _STEP3_RE.search(norm) is not None


def asks_step3(norm: str) -> bool:
    """Step 3 is what they ask about ("when do interns take step 3?"), whatever else the message names."""
    # every way of naming it holds "3", "three" or "iii": most messages skip the pattern
    return holds_any(norm, ("3", "three", "iii")) and _STEP3_ASKED_RE.search(norm) is not None


_IN_RESIDENCY_RE = quick_re.compile(r"\b(?:pgy ?[1-7]|intern year|i m an intern|as an intern|my residency program)\b")
"""The student is in residency now."""
_PREP_ASKED_RE = quick_re.compile(
    r"\b(?:study|studying|prep|prepare|book|booking|schedule|take|taking|sit|sitting|pass)\b"
)
"""A question about preparing for or sitting an exam."""
_OTHER_EXAM_RE = quick_re.compile(r"\b(?:step\s*(?:1|2|one|two)|step[12]|s2|ck|comlex|level\s*[123]|shelf|nbme|uwsa)\b")
"""Another exam named in a question: then the question may be about it."""
_CK_NOT_DONE_RE = quick_re.compile(
    r"\b(?:fail\w*|retake|retaking|retook|haven t passed|havent passed|didn t pass|not passed)\b"
)
"""A fail or a retake told: the exam they prepare for may be the CK still ahead of them."""


def resident_asks_step3(text: str, norm: str) -> bool:
    """A resident asks only about preparing for an exam, with Step 3 the one ahead ("PGY-1... program wants step 3
    passed... how long do people study during intern year and when should I book it?"): Step 3, not the CK behind
    them, whatever score or field the post also tells."""
    if not (_STEP3_RE.search(norm) and _IN_RESIDENCY_RE.search(norm)) or _CK_NOT_DONE_RE.search(norm):
        return False  # "PGY-1... still haven't passed (failed at 209). how long for the retake?": the CK is ahead
    parts = [s for s in _ASKED_SPLIT_RE.split(text) if s.strip()]
    first = next((i for i, s in enumerate(parts) if "?" in s), None)
    if first is None:
        return False
    # what follows the first question is asked too ("when do i take step 3? and does my step 2 score matter for
    # fellowship"): it may name no other exam, and each question in it asks how to prepare
    return all(
        not _OTHER_EXAM_RE.search(norm_s) and ("?" not in s or _PREP_ASKED_RE.search(norm_s))
        for s in parts[first:]
        for norm_s in [normalize(s)]
    )


def asks_last_days_tips(norm: str) -> bool:
    """Advice asked for the few days left before the exam ("exam in 2 days... any last advice?")."""
    return in_the_last_days(norm) and asks_tips(norm)


def in_the_last_days(norm: str) -> bool:
    """The exam a few days away, said ("exam in 2 days", "3 days till my exam")."""
    return _LAST_DAYS_RE.search(norm) is not None


def asks_tips(norm: str) -> bool:
    """Advice or tips asked for, with nothing more specific ("any last tips?", "what should i focus on")."""
    return _TIPS_ASKED_RE.search(norm) is not None


_LAST_DAYS_RE = quick_re.compile(
    # the exam's days: "exam in 2 days", "ck is in three days", "3 days till my exam", "2 days left before ck"
    r"\b(?:exam|ck|step 2(?: ck)?|step2|test)\s+(?:is\s+)?(?:in|only|just)\s+"
    r"(?:[2-5]|two|three|four|five|a few|a couple(?: of)?)\s+days\b"
    r"|\b(?:[2-5]|two|three|four|five)\s+days\s+(?:left\s+)?(?:till|until|before|to)\s+(?:my\s+|the\s+)?"
    r"(?:exam|ck|step 2|test)\b"
)
_TIPS_ASKED_RE = quick_re.compile(
    r"\bany\s+(?:last\s+|last minute\s+|final\s+)?(?:advice|tips?|suggestions?)\b|\bwhat should i (?:do|focus on)\b"
    r"|\bhow (?:do|should) i (?:spend|use)\b"
    # the last night weighed: "cram tonight or just chill", "rest or review?"
    r"|\bcram\w*\b.{0,20}\bor\b.{0,15}\b(?:chill|rest|relax|sleep|take it easy)\b"
    r"|\b(?:chill|rest(?! of)|relax|sleep)\b.{0,15}\bor\b.{0,15}\b(?:cram\w*|review|study)\b"
)


def wants_fewer_nudges(norm: str) -> bool:
    """Fewer reminders than daily asked for ("weekly reminders instead of daily", "not every day")."""
    return _FEWER_NUDGES_RE.search(norm) is not None


_FEWER_NUDGES_RE = quick_re.compile(
    # asked of us: "send me weekly reminders", "remind me once a week", "nudges every other day, not daily"
    r"\b(?:send me|give me|want|prefer|can you do|could you do|just)\s+(?:\w+\s+)?(?:weekly|once a week|"
    r"every week|each week|twice a week|2x a week|every other day|few times a week)\s+"
    r"(?:\w+\s+)?(?:reminders?|nudges?|check ?ins?|pings?|messages?)\b"
    r"|\b(?:weekly|every other day)\s+(?:reminders?|nudges?|pings?)\b"
    r"|\b(?:reminders?|nudges?|pings?|remind me)\s+(?:\w+\s+)?(?:once a week|every week|weekly|"
    r"each week|twice a week|every other day)\b"
    r"|\b(?:reminders?|nudges?|pings?)\b.{0,30}\b(?:instead of|rather than|not)\s+(?:daily|every day)\b"
    # "can you check in weekly instead of daily?", "check in with me every other day" (not "check in weekly with my
    # dean")
    r"|\b(?:(?:can|could|would|will)\s+you\s+check\s+(?:in|on me)|check\s+(?:in\s+with|on)\s+me)\s+(?:\w+\s+)?"
    r"(?:weekly|once a week|every week|each week|twice a week|every other day|few times a week)\b"
)


def rules_out_surgery(norm: str) -> bool:
    """Surgery ruled out of the fields weighed ("not interested in anything surgical", "except surgery")."""
    return _NO_SURGERY_RE.search(norm) is not None


_NO_SURGERY_RE = quick_re.compile(
    # "besides surgery", "except surgical fields" (not "besides general surgery": one field, not all of them)
    r"\b(?:except|besides|other than|apart from|excluding)\s+(?:for\s+)?(?:any\s+|the\s+)?(?:surgery|surgical)\b"
    r"|\b(?:nothing|not|no)\s+(?:anything\s+|any\s+)?surgical\b|\bno surgery\b(?!\s+(?:experience|rotation|yet))"
    r"|\b(?:not interested in|not into|don t want|dont want|do not want|no interest in)\s+(?:to do\s+)?"
    r"(?:anything\s+|any\s+)?(?:surgery|surgical)\b"
    r"|\b(?:hate|avoid)\s+(?:the\s+)?(?:or|surgery|surgical fields)\b(?!\s+(?:is|being))"
    r"|\bnot a surg\w* person\b|\bnon\s?surgical\b"
)


def seeks_care(norm: str) -> bool:
    """A doctor asked for their own care ("recommend a good dermatologist near me"): not a field to weigh."""
    return _CARE_RE.search(norm) is not None


_CARE_RE = quick_re.compile(
    r"\b(?:recommend|find|finding|need|looking for|suggest|see)\s+(?:me\s+)?(?:a|an|any)?\s*"
    r"(?:good|great|decent)?\s*"
    r"(?:doctor|doc|physician|gp|dermatologist|cardiologist|psychiatrist|therapist|dentist|gyn|obgyn|ob gyn|"
    r"gynecologist|neurologist|orthopedist|pediatrician|ent|eye doctor|ophthalmologist|urologist|surgeon)\b"
    r"(?=.{0,40}\b(?:near me|near campus|near my|nearby|around here|in my area|in the area|close to me|in town)\b)"
)


def asks_about_pay(norm: str) -> bool:
    """What doctors earn ("how much do dermatologists make", "ortho salary"): not a figure we hold."""
    return _PAY_RE.search(norm) is not None


_PAY_RE = quick_re.compile(
    r"\bhow much (?:do|does|will|would) (?:an? |the )?\w+ (?:\w+ )?(?:make|earn|get paid)\b"
    r"(?!\s+(?:a|any)\s+difference)"
    r"|\b(?:salary|salaries|compensation)\b"
    r"|\b(?:specialt\w+|fields?|doctors?|jobs?)\s+(?:that\s+)?pay\s+(?:the\s+)?(?:most|best|least|more)\b"
)


_NOT_ABOUT_CK_RE = quick_re.compile(
    r"\bnot (?:really |exactly )?(?:(?:about|related to) (?:ck|step\s*2)|(?:ck|step\s*2) related)\b"
)
"""Step 2 CK named only to set it aside: "not really CK-related, sorry"."""


_LIFE_MATTERS_RE = quick_re.compile(
    r"\b(?:recommend|suggest|good|best|which)\b.{0,30}\b(?:laptops?|ipads?|tablets?|stethoscopes?|headphones|"
    r"backpacks?|desk chairs?)\b"
    r"|\b(?:month to month|short term|furnished)\s+(?:rentals?|housing|apartments?|leases?|sublets?)\b"
    r"|\b(?:sublets?|subleases?|airbnbs?|turbotax|1099|tax returns?|my taxes|file taxes|filing taxes)\b"
)
"""Things to buy, a roof, money matters: outside what we know, unless the message names something of ours."""
_OURS_NAMED_RE = quick_re.compile(
    r"\b(?:step|usmle|ck|scores?|nbmes?|uworld|uwsa|free 120|exam|test|test center|prometric|match\w*|residency|eras|"
    r"programs?|interviews?|applications?|apply\w*|specialt\w*|soap|ecfmg|img|comlex|study\w*|dedicated|retake|"
    r"pass\w*|fail\w*)\b"
)
"""Words of what we do: a message about things, a roof or money that names one is still asked of us ("are scrubs ok at
the test center", "report my 1099 for eras")."""


def out_of_scope(norm: str) -> str | None:
    """Which exam outside Step 2 CK the message is about ("step3", "step2_cs", "comlex", "comlex_figures",
    "abroad" for another country's, "mcat", "school", "shelf", "step1", "step1_mark", "step1_figures"), "content"
    for a question of medicine itself, "pay" for what doctors earn, "writing" for writing their application, or
    "care" for a doctor sought for their own care, when it names no Step 2 CK; else None. Step 3 asked about
    ("should I take step 3 first?") and another country's exam ("is PLAB easier than ck?") are out of scope
    whatever else is named."""
    if asks_step3(norm):
        return "step3"
    if seeks_care(norm):
        return "care"
    if asks_comlex_figures(norm):
        return "comlex_figures"
    if asks_for_writing(norm):
        return "writing"
    if asks_to_track(norm):
        return "tracking"
    if _FOREIGN_EXAM_RE.search(norm):
        return "abroad"  # "is PLAB easier than ck?", "does MCCQE1 count for the US": another country's exam
    if _MCAT_RE.search(norm) and not (_STEP2_CK_RE.search(norm) and _MCAT_BEHIND_RE.search(norm)):
        # "is the MCAT harder than step 2": the MCAT is not ours to weigh, even beside Step 2; but "extra time
        # on the MCAT... for Step 2 can I apply?" tells their past, and asks of Step 2
        return "mcat"
    step1_format = _STEP1_NAMED_RE.search(norm) and _FORMAT_RE.search(norm) and not _ALL_STEPS_RE.search(norm)
    if step1_format and not _STEP2_CK_RE.search(norm):
        return "step1_format"  # "how many questions on step 1": Step 1's format, not Step 2 CK's
    if _STEP2_CK_RE.search(_NOT_ABOUT_CK_RE.sub(" ", norm)):
        return None
    if asks_about_pay(norm):
        return "pay"
    if _CONTENT_RE.search(norm) and not re.search(r"\b(?:score|scores|match|residency|average|avg|exam day)\b", norm):
        return "content"
    if _CLINICAL_ASKED_RE.search(norm) and not _STUDY_TALK_RE.search(norm):
        return "content"
    if _STEP1_NAMED_RE.search(norm) and _PASS_MARK_RE.search(norm) and not _ALL_STEPS_RE.search(norm):
        return "step1_mark"  # "what's the passing score for step 1": its pass mark, not Step 2 CK's
    if _STEP1_NAMED_RE.search(norm) and _PASS_RATE_RE.search(norm) and not _ALL_STEPS_RE.search(norm):
        return "step1_figures"  # "step 1 pass rate this year?": Step 1's own figures, which we don't hold
    for kind, pattern in _OUT_OF_SCOPE:
        if pattern.search(norm):
            return kind
    if _LIFE_MATTERS_RE.search(norm) and not _OURS_NAMED_RE.search(norm):
        return "other"  # "good laptop for med school", "month-to-month rentals", "is my stipend 1099 income"
    if _HOW_TO_STUDY_STEP1_RE.search(norm) or (
        _STEP1_PREP_RE.search(norm) and not re.search(r"\b(?:pass fail|p f|passed|failed|score|scored|got)\b", norm)
    ):
        return "step1"
    return None


# Hopelessness and self-harm, as patterns beside the phrase list in knowledge/vocab/words.json:
# people say it in many shapes ("i kinda want to just not exist", "thinking of ending things"),
# and a missed one is the mistake we cannot afford; a caring reply to a false alarm costs little.
# Each family below is a way of saying it, not a sentence someone once wrote.
_CLOSE = (
    r"(?:family|parents|mom|dad|mum|sister|brother|siblings?|son|daughter|everyone(?: i love)?|friends?|best friend|"
    r"kids|children|partner|wife|husband|boyfriend|girlfriend|fianc\w*|grandma|grandpa|grandmother|grandfather|"
    r"roommate|people)"
)
"""The people close to a student, to whom a farewell letter is written."""
_DRUG = (
    r"(?:pills|meds|tablets|capsules|insulin|oxy\w*|xanax|percocet|tylenol|lexapro|zoloft|prozac|adderall|ambien|"
    r"benadryl|sleeping pills|\w{4,}(?:ine|ol|pam|lam|ide|one|xin|pin|tin))"
)
"""A drug named: the generic words, a few common brands, or the endings most generic names have ("sertraline")."""
_HOPELESS_RE = quick_re.compile(
    # Every family starts with a letter: checked once here, so the families are tried only where one stands
    # (a third of the scan on a long post).
    r"(?=[a-z])(?:"
    # Not waking up as a relief: "it'd be easier if i just didn't wake up" (not "i didn't wake up on time").
    r"\b(?:easier|better|wish|hope|hoping|ok|okay|fine|mind|want|wanna|rather|thoughts?|thinking|think)\b"
    r"(?:\s+\w+){0,6}?\s+(?:not|never|didn t|didnt|did not|don t|dont|wouldn t)\s+(?:wake|waking)\s+up\b"
    r"(?!\s+(?:on time|early|in time|for))"
    # A wish or intent, then the act. "going/gonna/might ... die" is left out on purpose: a forecast
    # ("i'm gonna die if scores aren't out by friday") is how students exaggerate, an intent to act
    # ("gonna end it", "might kill myself") is not, so those keep every trigger.
    r"|\b(?:want|wanna|wanted|wanting|wish|wishing|thinking|thought|thoughts|considering|ready|planning|tempted|"
    r"urge|fantasi[sz]\w*|dream\w*)\b(?:\s+\w+){0,4}?\s+(?:to\s+|of\s+|about\s+)?(?:just\s+)?"
    r"(?:die|dying|be dead|being dead|death)\b"
    r"|\b(?:want|wanna|wanted|wanting|wish|wishing|thinking|thinkin|thought|thoughts|considering|going|gonna|might|"
    r"ready|planning|tempted|urge|feel like|feeling like|felt like)\b(?:\s+\w+){0,4}?\s+"
    r"(?:to\s+|of\s+|about\s+|bout\s+)?"
    r"(?:just\s+)?"
    r"(?:kill(?:ing)? myself|end(?:ing|in)? (?:it all|my life|things|everything|it)(?! with\b)|"
    r"not (?:be )?(?:alive|here|exist|existing|wake up)|(?:stop )?exist(?:ing)?\s+any\s*more|unalive|"
    r"tak(?:e|ing) my (?:own )?life|hurt(?:ing)? myself|harm(?:ing)? myself|disappear (?:forever|for good)|"
    r"sleep (?:forever|and (?:never|not) wake up)|jump(?:ing)? off|overdos\w*|"
    # a method as a bare verb after the wish ("thinking about jumping", "the urge to cut"): only when
    # nothing names what is jumped into or cut ("jumping ship", "cutting anki" are study talk)
    r"(?:jump(?:ing)?|cut(?:ting)?|hang(?:ing)?|drown(?:ing)?)(?=\s*$|\s+(?:myself|again|tonight|lately|every|all|"
    r"and|but|so|because|when|is|was|from (?:a|the|my)|off (?:a|the|my))\b)|"
    r"step in front|step off(?=\s*$|\s+(?:the|a) (?:edge|ledge|roof|platform|bridge|building)\b))"
    # the will to live lost, whatever took it: "neuro is destroying my will to live", "losing my will to live over
    # renal" (said as a figure of speech too, and then a caring reply costs little)
    r"|\b(?:lost|losing|lose|loosing|destroy\w*|kill\w*|sucking|suck\w*|drain\w*|crush\w*|taking|took|"
    r"no|zero|without|don t have (?:a|the|any)|dont have (?:a|the|any))\s+(?:all\s+)?(?:of\s+)?(?:my\s+|the\s+|any\s+)?"
    r"will to (?:live|keep going|go on)\b"
    # going on itself doubted ("honestly not sure i can go on like this", "starting to doubt i can keep going"): said
    # of a task ("keep going with uworld tonight") it is not, and a caring reply to studying talk costs little
    r"|\b(?:can t|cant|cannot|not sure (?:if )?i can|don t know if i can|dont know if i can|doubt i can)\s+"
    r"(?:go on|keep going)\b(?!\s+(?:with|on|through|to|until|till|after|for|tonight|today|studying|at)\b)"
    r"|\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|starve|starving|hit|hitting|hang|hanging)\s+"
    r"(?:my\s*self|myself)\b|\bbeat(?:ing)? myself\b(?!\s+up\b)"  # "beating myself up" is blame, not blows
    # a method or a farewell beside a fail: "failed ck. i bought a rope", "got a 196. i should just jump", "i gave
    # away my stuff" (not "jump into uworld", "jump ship")
    r"|\b(?:bought|got|have|found)\s+(?:a\s+|some\s+)?rope\b"
    r"|\bshould\s+(?:just\s+)?jump\b(?!\s+(?:into|in|on|to|at|ship|start|straight|right)\b)"
    r"|\b(?:gave|giving|give)\s+away\s+(?:all\s+)?(?:of\s+)?my\s+(?:stuff|things|belongings|possessions)\b"
    r"(?!\s+(?:before|bc|because|since|for|to|as)\b)"  # not "giving away my stuff before i move for intern year"
    r"|\bscared of what i (?:might|could|will|m going to|m gonna) do\b"
    r"|\bhow much longer i can (?:do|take) (?:this|it)\b"
    # a lethal amount asked: "what dose of tylenol would kill me"
    r"|\b(?:dose|how much|how many)\b(?:\s+\w+){0,5}?\s+(?:would|will|to|that would|it takes to|needed to)\s+"
    r"(?:kill me|stop my heart|be lethal|end it|end my life|od)\b|\blethal dose\b"
    r"|\b(?:dose|pills?|enough)\b(?:\s+\w+){0,4}?\s+(?:for|to)\s+sleep(?:ing)?\s+forever\b"
    r"|\bkill my self\b|\bsuicid\w*|\bsucid\w*|\bsuicd\w*|\bself\s*-?\s*harm\w*|\boverdos\w*|\bkms\b|\bunaliv\w*"
    r"|\b(?:no|zero|not any|nothing)\s+(?:more\s+)?(?:reason|point|will)\s+(?:to|in|of|for)\s+(?:live|living|go on|"
    r"going on|be alive|being alive|life|existing|keep going)\b"
    r"|\bno point (?:in )?living\b|\b(?:no|any|the)\s+point\s+(?:in|of)\s+(?:living|being alive|going on|existing)\b"
    r"|\b(?:life|living|my life)\s+(?:is|isn t|isnt|feels|seems|has)\s+(?:not worth|pointless|meaningless|worthless|"
    r"over|no (?:meaning|point|purpose))\b"
    # (not a choice weighed: "should i register for step 3 before eras or is that not worth it anymore", "is it
    # not worth it anymore to do observerships"; a bare "is it not worth it anymore?" stays a crisis)
    r"|\bnot worth (?:living|being alive|going on)\b"
    r"|\b(?<!\bor is that )(?<!\bor is it )(?<!\bor is this )not worth it anymore\b(?!\s+to\s+\w)"
    r"|\btired of (?:being alive|living|life|existing|being here|waking up)\b(?!\s+(?:on|in|as|at)\b)"
    # everything wanted over: "i just want it all to end" (not "i want this exam to end", "...to end so i can sleep")
    r"|\b(?:want|wanna|wanted|wish|need)\s+(?:it|this|everything)\s+(?:all\s+)?to\s+(?:just\s+)?end\b"
    r"(?!\s+(?:soon|already|so i|so that|and|because|bc|lol|lmao))"
    r"|\bbetter off (?:dead|gone|without me|if i (?:just\s+)?(?:was|were)n ?t (?:here|alive|around)|"
    r"if i (?:just\s+)?(?:didn t|didnt) exist)\b"
    r"|\b(?:better|happier|easier)\s+(?:without me|"
    r"if i (?:just\s+)?(?:was|were)n ?t (?:here|alive|around|in the picture)|"
    r"if i (?:just\s+)?(?:disappeared|didn t exist|was gone|were gone))\b"
    r"|\b(?:easier|better|simpler)\s+to\s+(?:just\s+)?(?:not be alive|not exist|die|be dead|not wake up)\b"
    r"|\b(?:to|just|rather|would)\s+not\s+be\s+alive\b"
    r"|\b(?:don t|dont|do not|no longer)\s+(?:want|wanna)\s+(?:to\s+)?(?:live|exist|be alive|be here|wake up|go on)\b"
    r"|\b(?:hope|hoping|wish)\s+i\s+(?:don t|dont|do not|never|won t|wont)\s+wake up\b"
    r"|\bwish i (?:was|were|wasn t|wasnt|weren t|werent|could|had never been|hadn t been)\s+"
    r"(?:dead|alive|born|here|disappear|die|sleep forever|never born|around)\b"
    r"|\b(?:what s|whats|what is)\s+the\s+point\s+(?:of|in)\s+(?:living|life|anything|going on|it all|being alive)\b"
    r"|\bno point in anything\b"
    r"|\b(?:give|gave|giving)\s+up\s+on\s+(?:life|living|everything|myself)\b"
    r"|\b(?:no|don t see a|dont see a|can t see a|cant see a)\s+way\s+out\b"
    r"|\b(?:death|dying|being dead)\s+(?:is|feels like|seems like|looks like|would be)\s+(?:the\s+)?"
    r"(?:only|easiest|best|one)\s+(?:way out|option|answer|solution|escape)\b"
    r"|\bnothing\s+(?:left\s+)?to\s+live\s+for\b"
    # "i'm such a burden on my family", "i feel like a burden to everyone"
    r"|\b(?:i m|im|i am|i feel like|feel like|i ve become|ive become)\s+(?:\w+\s+){0,3}?burden\b"
    r"|\bburden\s+to\s+everyone\b"
    r"|\b(?:nobody|no one|noone)\s+would\s+(?:even\s+)?(?:miss|notice|care)\b(?:\s+\w+){0,3}?\s+if\s+i\s+"
    r"(?:was|were|died|disappeared|left|stopped|wasn t|weren t)\b"
    r"|\b(?:doing|do)\s+(?:everyone|the world|my family)\s+a\s+favou?r\s+if\s+i\b"
    # "no one would miss me", said alone (not "no one would miss me at the party if i skipped")
    r"|\b(?:nobody|no one|noone)\s+(?:would|will|d|ll)\s+(?:even\s+|really\s+)?(?:miss|notice)\s+me\b"
    r"(?!\s+(?:at|in|on|during)\s+(?:the\s+|my\s+|a\s+|this\s+|our\s+)?(?:\w+\s+s\s+)?(?:party|class|lecture|rounds|"
    r"grand rounds|session|study session|study group|group|review|conference|clinic|dinner|meeting|event|wedding)\b"
    r"|.{0,40}\bif i (?:skip\w*|study|go study)\b"
    r"|\s+(?:if|when)\s+i\s+(?:skip|skipped|left early|leave early|don t come|didn t come)\b"
    r"|\s+(?:skipping|leaving|missing|ducking out)\b)"
    r"|\brather be dead\b|\bno future for me\b|\bchecking out (?:permanently|for good)\b"
    # death preferred to a fail or a retake (review32's misses), not to another block, which is a task complained of
    r"|\b(?:rather|prefer to)\s+die\s+than\s+(?:fail\w*|retake|retaking|tell|face|go through)\b"
    r"(?!.{0,40}\b(?:lol|lmao|haha|jk)\b)"  # "i'd rather die than retake step 2 lol": a laugh marks the hyperbole
    r"|\b(?:don t|dont|do not|never) belong (?:in this world|on this earth|anywhere|here anymore|alive)\b"
    # being missed by no one: "everyone would be fine without me"
    r"|\b(?:everyone|everybody|they|the world|my family|people|all of them)\s+(?:would|will|d|ll)\s+(?:all\s+)?be\s+"
    r"(?:fine|okay|ok|better|happier)\s+without me\b"
    r"(?!\s+(?:this|next)\b|\s+for\s+(?:a|the|one|two|three|\d+)\b|\s+on\s+(?:the\s+)?(?:weekend|\w+day)\b"
    r"|\s+at\s+(?:work|clinic|the)\b|\s+in\s+(?:clinic|lecture|the\s+(?:morning|afternoon|lab|or|clinic|group))\b)"
    r"|\bplanning how (?:i|i d|i would|i ll|i will) do it\b"
    # indifference to surviving: "stopped caring whether i make it through the week" (not "make it to ortho")
    r"|\b(?:stopped|stop|don t|dont|do not|no longer|not)\s+car(?:e|ing)\s+(?:\w+\s+)?(?:if|whether)\s+i\s+"
    r"(?:(?:will|ll|would|d)\s+)?(?:live|survive|wake up|die|am alive|m alive|make it through (?:the|this|tonight|"
    r"another|one more)(?!\s+(?:block|exam|test|rotation|shelf|dedicated|nbme|uworld|qbank)))\b"
    # hopelessness about any future, not one specialty ("can't see a future where i match derm")
    r"|\b(?:can t|cant|cannot|don t|dont|do not|stopped|no longer|never)\s+see(?:ing)?\s+(?:a|any)\s+future\b"
    r"(?!\s+(?:where|in which|as\b|doing|with\b|in (?!this world|life)))"
    # not being alive later; "i won't be here next week" is a break from study, so "here" needs more
    r"|\b(?:won t|wont|will not|not going to|not gonna)\s+(?:still\s+)?be\s+(?:alive|around for (?:my|the) "
    r"(?:score|results?|match)|(?:here|around) much longer)\b"
    r"|\b(?:don t|dont|do not) think i (?:ll|will) (?:still )?be (?:alive|here|around)\b"
    # doubt about still being here: "idk if i'll still be here by then", "not sure i'll even be around"
    r"|\b(?:idk|i don t know|i dont know|don t know|dont know|not sure|unsure|no idea|doubt)\s+(?:if\s+|whether\s+)?"
    r"i(?: ll| will|ll| d| would)?\s+(?:even\s+|still\s+)+be\s+(?:here|around|alive)\b"
    r"|\b(?:idk|i don t know|i dont know|don t know|dont know|not sure|unsure|no idea|doubt)\s+(?:if\s+|whether\s+)?"
    r"i(?: ll| will|ll| d| would)?\s+be\s+alive\b"
    r"|\b(?:won t|wont|will not)\s+(?:even\s+|still\s+)?be\s+(?:here|around)\s+(?:by|when)\b"
    r"|\b(?:won t|wont|will not|not going to|not gonna)\s+(?:even\s+|still\s+)?be\s+(?:here|around)\b.{0,40}\banyway\b"
    # dwelling on it: "i think about ending it", "thought of killing myself"
    r"|\b(?:think|thinking|thought|thoughts)\s+(?:about|of|bout)\s+(?:just\s+)?"
    r"(?:ending (?:it|it all|things|everything|my life)|killing myself|not being here|not being alive|"
    r"disappearing for good)\b(?!\s+with\b)"
    # being gone as the fix: "disappearing would fix everything for everyone", "me being gone would solve it"
    r"|\b(?:disappearing|vanishing|me being gone|me not being here|me not being around|if i (?:just\s+)?"
    r"(?:disappeared|vanished|was gone|were gone|wasn t here|weren t here|wasn t around|died))\b"
    r"(?:\s+\w+){0,3}?\s+(?:would|will|could|might)\s+(?:\w+\s+)?(?:fix|solve|make|end)\s+"
    r"(?:everything|things|it all|all of this|every\w*|their|everyone)\b"
    r"|\b(?:everything|everyone|it all|things)\s+would\s+be\s+(?:fixed|solved|easier|better|fine)\s+if\s+i\s+"
    r"(?:just\s+)?(?:disappeared|vanished|was gone|were gone|wasn t here|weren t here|died)\b"
    # "it wouldn't matter if i disappeared": their absence said to make no difference
    r"|\b(?:wouldn t|would not|wouldnt|doesn t|does not|won t|wont)\s+(?:even\s+|really\s+)?matter\s+if\s+i\s+"
    r"(?:just\s+)?(?:disappeared|died|was gone|were gone|wasn t here|weren t here|didn t exist|vanished|"
    r"wasn t around)\b"
    # pills set aside: "i have my pills lined up"
    r"|\b(?:pills|meds|tablets)\s+(?:are\s+|all\s+)?(?:lined up|stashed|set aside|saved up)\b"
    r"|\b(?:lined up|stashed|set aside)\s+(?:all\s+)?(?:my|the)\s+(?:\w+\s+)?(?:pills|meds|tablets)\b"
    r"|\b(?:won t|wont|will not)\s+be\s+alive\b|\bnot (?:be|being) alive (?:by|for|when)\b"
    # methods: pills stockpiled or counted, a lethal dose, a noose, a gun turned on oneself, a fall,
    # a crash or a train sought
    r"|\b(?:bottle of|handful of|saved up|stockpil\w*|hoard\w*|count(?:ed|ing)?(?!er)|enough)\s+(?:of\s+)?"
    r"(?:my\s+|the\s+)?"
    r"(?:\w+\s+)?(?:pills|meds|medication|tablets)\b(?!\s+(?:questions?|cards?|for (?:the|this) (?:exam|test)))"
    # "all my meds" alone is a morning routine; all at once, or swallowed, is not
    r"|\b(?:take|taking|took)\s+all\s+(?:of\s+)?(?:my|the)\s+(?:\w+\s+)?(?:pills|meds|medication|tablets)\b"
    r"(?!\s+(?:in the morning|every|each|daily|with|before|after))"
    r"|\ball\s+(?:of\s+)?(?:my|the)\s+(?:\w+\s+)?(?:pills|meds|medication|tablets)\s+(?:at once|together|tonight|"
    r"in one go)\b|\bswallow\w*\s+(?:all|every|a bunch of|the whole|a handful of)\b"
    r"|\b(?:pills|meds|medication|tablets)\b(?:\s+\w+){0,3}?\s+count(?:ing|ed)?\s+(?:them|it)\b"
    # pills already taken, too many or someone else's: "took a bunch of my roommate's pills last night"
    r"|\b(?:took|taken|swallowed|downed|popped)\s+(?:a bunch|a lot|a handful|a ton|too many|way too many|loads|"
    r"a whole bunch|a few|some|\d{2,3})\s+(?:of\s+)?(?:\w+\s+){0,3}?(?:pills|meds|medication|tablets|tylenol|"
    r"advil|ibuprofen|acetaminophen|paracetamol|xanax|benzos?|ambien|insulin|sleeping pills)\b"
    # a dose for a condition, or caffeine to stay up, is no overdose said
    r"(?!\s+(?:for (?:my|a|the|his|her) \w+|to (?:sleep|focus|stay awake|study)|of caffeine|before (?:the|my|an?) \w+))"
    r"|\b(?:took|taken|swallowed)\s+(?:\w+\s+){0,2}?(?:someone s|roommate s|roommates|my (?:mom|dad|mother|father|"
    r"sister|brother|roommate|friend)(?: s|s))\s+(?:pills|meds|medication|tablets)\b"
    r"|\b(?:whole|entire)\s+bottle\b|\b(?:lethal|fatal|deadly)\s+(?:dose|amount)\b"
    r"|\bhow (?:much|many)\b(?:\s+\w+){0,4}?\s+(?:would be|is|are|to be|would it take to)\s+"
    r"(?:lethal|fatal|deadly|die)\b"
    r"|\bnoose\b|\b(?:use|using|turn|turning|point|pointing)\s+it\s+on\s+myself\b|\bgun to my head\b"
    r"|\b(?:hit|hits|hitting)\s+by\s+a\s+(?:car|bus|truck|train)\b|\b(?:car|bus|truck|train)\s+hits\s+me\b"
    r"|\b(?:bus|car|truck|train)\s+hit\s+me\b"
    r"|\b(?:hope|hoping|hopes|wish|wishing)\b(?:\s+\w+){0,4}?\s+(?:plane|car|bus|train)\s+(?:crash\w*|goes down|"
    r"go down|hits me|hit me)\b"
    r"|\bdriv\w*\s+(?:my car\s+|it\s+)?(?:into\s+a\s+(?:wall|tree|truck)|off\s+(?:the|a)\s+(?:edge|bridge|cliff|road|"
    r"overpass))\b|\bswerv\w*\s+into\b|\binto\s+oncoming\s+traffic\b"
    r"|\bin front of (?:a|the) (?:train|bus|truck|car|traffic)\b|\bedge of the (?:platform|roof|bridge|building)\b"
    r"|\bcar (?:crash|accident) would (?:solve|fix|end)\b"
    # an accident wished on oneself: "kinda hoping i get in a car accident so i can skip it"
    r"|\b(?:hope|hoping|hopes|wish\w*|pray\w*)\b(?:\s+\w+){0,4}?\s+(?:get|got|be|was|were|end up)\s+"
    r"(?:into|in)\s+(?:a|an)\s+(?:\w+\s+)?(?:accident|crash|wreck)\b"
    # hurting oneself over wrong answers, said as what they do when they miss: "i hit my head on the desk every
    # time i miss one" (not the idiom "hitting my head against the wall on biostats", nor a bump on a door)
    r"|\bi\s+(?:\w+\s+){0,2}?(?:hit|hitting|punch|punched|punching|slam|slammed|slamming|smack|smacked|smacking)\s+"
    r"my\s+head\s+(?:against|on|into)\s+(?:the\s+|a\s+|my\s+)?(?:wall|desk|table|floor|door)\b"
    r"(?=[^.!?]{0,40}\b(?:when i|whenever i|every time|everytime|each time|till|until|so hard|on purpose|to punish|"
    r"after i (?:miss|get|fail))\b)"
    r"|\b(?:when i|whenever i|every time|everytime|each time)\b[^.!?]{0,50}\bi\s+(?:\w+\s+){0,2}?"
    r"(?:hit|punch|slam|smack)\w*\s+my\s+head\s+(?:against|on|into)\s+(?:the\s+|a\s+|my\s+)?"
    r"(?:wall|desk|table|floor|door)\b"
    r"|\b(?:cut|burn|hurt|hit|scratch|bruis|punch|crash)\w*\b(?:\s+\w+){0,3}?\s+on purpose\b"
    r"|\bknow what it s for\b"
    r"|\b(?:think|thinking|thought)\s+(?:a lot\s+)?(?:about|of|bout)\s+(?:dying|death|being dead|not being alive)\b"
    # a place or means to die, then dwelling on it: "i keep looking at the bridge ... thinking about it"
    r"|\b(?:bridge|roof|ledge|overpass|tracks|balcony|cliff|rope|noose|gun|blade|razor)\b(?:\s+\w+){0,12}?\s+"
    r"(?:thinking about it|think about it|thought about it|how high|how far down)\b"
    r"|\b(?:goodbye|suicide)\s+(?:note|letter)s?\b|\btell\s+(?:my\s+)?\w+\s+(?:that\s+)?i\s+loved\b"
    r"|\bnot safe (?:right now|tonight|alone|with myself)\b|\bdon t trust myself\b"
    r"|\bscared of what i (?:might|could|would) do (?:to myself|tonight)\b"
    r"|\bways to (?:die|end it|kill myself|end my life)\b|\b(?:can t|cant|cannot)\s+survive\s+this\b"
    r"|\b(?:painless|least painful)\s+(?:way|method)s?\b(?!\s+to\s+(?:study|learn|memori\w*|do|review|get|prep))"
    r"|\bwould hurt (?:the )?least\b"
    r"|\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|my)\s+(?:\w+\s+)?(?:bridge|roof|building|balcony|window|ledge|"
    r"garage|overpass|cliff)\b"
    r"|\b(?:scratch|scratched|scratching|burn|burned|burnt|burning|punch|punched|punching)\s+myself\b"
    r"(?!\s+out\b)"  # "burn myself out" is exhaustion
    # "i keep scratching my arms when i get questions wrong": hurting the skin, not an accident on something
    r"|\b(?:scratch\w*|pinch\w*|bit(?:e|ing)|hit(?:ting)?|punch\w*|burn(?:ing|ed|t)?)\s+my\s+(?:own\s+)?"
    r"(?:arms?|wrists?|thighs?|skin|legs?|stomach|hips?)\b"
    # an accident, a workout, a way to stay awake or a figure of speech: "bite my arm off for a 250"
    r"(?!\s+(?:on|against|while|cooking|in the|at the|off|with|to stay|to keep|during))"
    # dying asked about plainly: "what happens to my attempts if i die lol. asking for real"
    r"|\bif i (?:die|died|were to die|was dead|were dead)\b(?!\s+(?:of|from (?:laughing|boredom|embarrassment|"
    r"shame|cringe)|laughing|waiting))"
    # self-harm again: "started cutting again", "relapsed and cut", "cutting my thighs"
    r"|\bcut(?:ting)?\s+(?:again|my\s+(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?))\b"
    r"|\brelaps\w*\b(?:\s+\w+){0,3}?\s+(?:cut|cutting|burn\w*|hurt\w*|self harm\w*)\b"
    r"(?!\s+(?:carbs|sugar|calories|caffeine|coffee|class\w*|corners|back|down|out)\b)"  # "relapsed into cutting carbs"
    r"|\bstop existing\b|\bend(?:ing|in)\s+it\s+all\b"
    # done with more than the exam: "if it isn't i'm done, like done done, not with medicine, with everything"
    r"|\bdone with (?:life|living|existing)\b"
    r"|\bnot (?:just )?with (?:medicine|school|med school|studying|the exam|ck|step 2)\s*,?\s*(?:but\s+)?with "
    r"(?:everything|life|it all)\b"
    # the same said the other way round: "i'm done with all of it, not only medicine"
    r"|\bdone with (?:all of it|everything|it all)\s*,?\s*(?:and\s+)?not (?:just|only) (?:with\s+)?"
    r"(?:medicine|school|med school|studying|the exam|this exam|ck|step 2|boards|usmle|residency|apps|med)\b"
    r"(?!.{0,40}\b(?:weekend|for (?:today|tonight|the day)|going to (?:bed|sleep|the beach)|day off|break|nap)\b)"
    # a place to fall from, and the student's own word that it isn't the usual way: "slowing down on the
    # bridge every morning... not in a normal way"
    # (a word start first, as every family here: an alternative without one made the whole scan five times slower)
    r"|\b(?:i\s+)?(?:(?:keep|kept|have been|ve been|been)\s+)?(?:stopping|stopped|standing|stood|slowing down|slowed "
    r"down|sitting|sat|lingering|looking (?:over|down))\b.{0,40}?\b(?:on|at|over|near|by)\s+(?:the|a|my)\s+"
    r"(?:bridge|overpass|roof|rooftop|ledge|balcony|train tracks|tracks|platform edge|cliff)\b.{0,80}?"
    r"\bnot in (?:a|the) (?:normal|good|healthy|safe|usual) way\b"
    # farewells
    r"|\b(?:this is|this ll be|this will be)\s+my\s+last\s+(?:message|text|post)\b"
    r"|\b(?:say|saying)\s+goodbye\b(?:\s+\w+){0,5}?\s+before\s+i\s+(?:go|leave)\b"
    r"(?!\s+(?:to|into|on|for (?:a|the|my)|back|home|study|out|abroad))"
    r"|\b(?:wrote|written|writing|write|left)\s+(?:goodbye\s+|farewell\s+|last\s+)?(?:letters|notes)\s+(?:to|for)\s+"
    r"(?:my\s+)?(?:family|parents|mom|dad|everyone|friends|kids|partner|wife|husband)\b"
    # letters or notes to the people close to them "just in case": "wrote letters to my sister and my parents
    # this afternoon, just in case"
    rf"|\b(?:wrote|written|writing|write|left)\s+(?:\w+\s+){{0,2}}?(?:letters?|notes?)\s+(?:to|for)\s+(?:my\s+)?"
    rf"(?:\w+\s+){{0,3}}?{_CLOSE}\b(?!\s+(?:about|with|saying|that i ll|to (?:pick|grab|buy|get|feed)))"
    r".{0,80}?\bjust in case\b(?!\s+(?:she|he|they|you|it)\s+(?:needs?|wants?|asks?|is|are|comes?))"
    rf"|\b(?:wrote|written|writing|write)\s+(?:my\s+)?(?:\w+\s+){{0,2}}?{_CLOSE}\s+"
    r"(?:a\s+)?(?:letters?|goodbye notes?)\b"
    r".{0,80}?\bjust in case\b(?!\s+(?:she|he|they|you|it)\s+(?:needs?|wants?|asks?|is|are|comes?))"
    # one note to family, unless what follows plainly makes it an errand ("about thanksgiving", "for her birthday",
    # "thanking them", "saying i'll be at the library"): "i wrote a note to my family tonight" is a farewell
    r"|\b(?:wrote|written|writing|left|leaving)\s+(?:a|my|one)\s+(?:goodbye\s+|farewell\s+|last\s+|final\s+)?"
    r"(?:note|letter)\s+(?:to|for)\s+(?:my\s+)?(?:family|parents|mom|dad|mum|everyone|friends|kids|partner|wife|"
    r"husband|sister|brother)\b(?!\s+(?:about|for\s+(?:her|his|their)\s+birthday|thank\w*|congrat\w*|wishing|"
    r"(?:saying|that)\s+i ll be\s+(?:at|in|offline|back|home|out|away|busy)|and\s+(?:mailed|sent|posted)|"
    r"with\s+(?:my|the)\s+(?:schedule|address|plans?|dates?))\b)"
    r"|\bgiv\w*\s+(?:away\s+(?:all\s+)?(?:my|of my)\s+(?:stuff|things|belongings|possessions)|"
    r"(?:all\s+)?(?:my|of my)\s+(?:stuff|things|belongings|possessions)\s+away)\b"
    r"(?!\s+(?:before|because|since|as)\s+(?:i|we)\b)"  # "before i move for residency": a move, not a farewell
    r"|\b(?:won t|wont|will not|never)\s+(?:hear|see)\s+(?:from\s+)?me\s+again\b(?!\s+(?:until|till|before|for))"
    # a pet given away beside letters or "it doesn't matter anymore": "gave my cat to my sister today and wrote
    # some letters", either way round
    r"|\b(?:gave|giving|given|rehom\w*)\s+(?:away\s+)?(?:my\s+)?(?:cat|dog|pets?|puppy|kitten|bird)\b.{0,120}?"
    r"\b(?:letters|goodbye notes?|goodbyes?|(?:doesn t|does not|won t|will not|wont) (?:really )?matter "
    r"(?:anymore|any more))\b"
    r"|\b(?:wrote|written|writing)\s+(?:some\s+|a few\s+)?(?:letters|goodbye notes?)\b.{0,120}?"
    r"\b(?:gave|giving|given|rehom\w*)\s+(?:away\s+)?(?:my\s+)?(?:cat|dog|pets?|puppy|kitten|bird)\b"
    # passive wishes not to be here, and thoughts or plans of an end, in the words students use; each was caught only
    # by the model's probability, a few hundredths over its bar, until a retrain moved them under it (review30); each
    # is kept from the everyday talk that shares its words (review31: "no reason to be here at 5am for pre rounds")
    r"|\bno reason (?:for me )?to be (?:here|alive|around)\b(?!\s+(?:at|this|so|that|before|until|till|on|for|when|"
    r"early|yet|today|tonight|now|yet|in the|during)\b)"
    r"|\b(?:rather|prefer to|prefer)\s+not\s+(?:to\s+)?(?:be\s+)?(?:around|alive|exist)\b(?!\s+(?:when|while|people|"
    r"anyone|them|him|her|my|for|during|at|on|in|those|these|the)\b)"
    r"|\brather\s+not\s+be\s+here\b(?=\s*$|\s+(?:if|anymore|any more|at all|when i|tbh)\b)"
    r"|\bif\s+i\s+(?:fail\w*|don t pass|dont pass)\b.{0,15}\brather\s+not\s+be\s+here\b"
    r"|\b(?:don t|dont|do not|can t|cant|cannot)\s+see\s+(?:the|any)\s+point\s+(?:of|in)\s+"
    r"(?:any of this|anything|it all|living|life|going on|me|myself)\s+(?:any\s*more|now)\b"
    r"|\bnothing\s+(?:feels|seems|is)\s+worth\s+it\s+(?:any\s*more)\b(?!\s+(?:when it comes to|with|in|for|about)\b)"
    r"|\b(?:think|thinking|thought|thoughts)\s+(?:about|of|bout)\s+just\s+(?:disappearing|vanishing)\b"
    r"(?!\s+(?:for|to|from|after|on|into)\b)"
    r"|\b(?:plan|planning|plans|planned|think|thinking|thought)\s+(?:for\s+|on\s+|about\s+|of\s+)?how\s+"
    r"(?:to|i d|i would|i could|i ll|i will)\s+end\s+it\b(?!\s+(?:with|by|on|early|before|for)\b)"
    r"|\b(?:have|made|making|got)\s+(?:a\s+)?plan\s+(?:to|for how to|on how to)\s+end\s+it\b(?!\s+(?:with|by|early)\b)"
    r"|\b(?:want|wanting|wanted|think|thinks|thinking|thought|thoughts)\s+(?:\w+\s+){0,3}?kill(?:ing)?\s+"
    r"(?:yourself|your self|themselves)\b"
    r"|\b(?:don t|dont|do not|can t|cant)\s+trust\s+myself\s+(?:alone|right now|tonight|rn)\b"
    r"(?!\s+(?:with|in the|in my|around|near|at|to|during)\b)"
    r"|\b(?:don t|dont|do not|not)\s+(?:plan|planning)\s+on\s+(?:being|still being)\s+(?:around|here|alive)\s+"
    r"(?:for the next one|much longer|any\s*more|by then|after (?:this|that|it|the exam|my score|the score)|"
    r"for (?:match day|the match|my score|the score|results))\b"
    r"|\bwish\s+i\s+could\s+(?:just\s+)?(?:vanish|disappear|stop existing|not exist)\b"
    r"(?!\s+(?:lol|lmao|haha|to|for a|from|after|into|on)\b)"
    r"|\bwhat\s*(?:is|s)?\s+(?:even\s+)?the\s+point\s+of\s+me\b(?=\s*$|\s+(?:anymore|any more|even being|being "
    r"(?:alive|here|around)|existing|living|at all|lol|honestly|seriously|tbh|my|friend|i|failed|after|now)\b)"
    r"|\b(?:tired of (?:everything|it all|this|all of this|life)|can t do this|cant do this)\b.{0,40}?"
    r"\bwant it (?:all )?to stop\b"
    r"|\bactually\s+done\b.{0,20}\bnot\s+(?:school|med school|studying|exam)\s+done\b"
    r"|\b(?:don t|dont|do not)\s+deserve\s+to\s+(?:be alive|live|exist|be here)\b"
    r"|\bwish\s+i\s*(?:d|had)\s+never\s+been\s+born\b"
    r"|\bwhy\s+am\s+i\s+(?:even\s+)?(?:still\s+)?alive\b"
    r"|\b(?:easier|better|happier)\s+for\s+(?:everyone|everybody|them|my family|my parents)\s+if\s+i\s+"
    r"(?:wasn t|wasnt|weren t|werent|was not|were not)\s+(?:here|around|alive)\b"
    r"|\b(?:easier|better)\s+to\s+(?:just\s+)?step\s+off\b"
    r"|\bhow\s+much\s+longer\s+i\s+can\s+keep\s+going\b"
    r"|\bdone\s+(?:with\s+)?(?:being\s+alive|living|existing)\b"
    r"|\b(?:looked up|look up|looking up|googled|searched)\s+how\s+many\s+(?:pills|tablets|meds)\b"
    r"|\bhow\s+many\s+(?:pills|tablets)\s+(?:it\s+)?(?:would|will|it d|d)\s+take\b"
    r"|\bhow\s+easy\s+it\s+(?:would|d)\s+be\s+to\s+(?:just\s+)?(?:not go home|not wake up|end it|disappear|not be here|"
    r"step off|jump|let go|drive off)\b"
    r"|\b(?:made|have|got)\s+a\s+plan\b.{0,60}?\b(?:done for good|end it|not be here|won t be here)\b"
    # a way out named, things given away, a harm welcomed, a vanishing made lasting (review32's missed messages)
    r"|\bwalk(?:ing)?\s+into\s+(?:the\s+)?(?:ocean|sea|river|lake|water|traffic)\b"
    r"|\bwon\s?t need (?:them|it|these|those|this|that|my \w+) where i\s?m going\b"
    r"|\b(?:killing|kill) me\b.{0,30}?\b(?:i d|i would|id) (?:welcome|not mind|be ok with) it\b"
    r"|\brather not be around(?: at all|\b.{0,25}?\bor (?:just )?at all)\b"
    r"|\bdisappear\w*(?:\s+\w+){0,6}?\s+(?:then|or|maybe|and)\s+(?:maybe\s+)?(?:for good|forever)\b"
    # everything, not a task, gone pointless ("I failed. everything feels pointless"; not "uworld feels pointless");
    # whether anyone would notice them gone (review34)
    r"|\b(?:everything|it all|all of it|life|my life)\s+(?:feels|seems|is|has become)\s+(?:so\s+|completely\s+|"
    r"totally\s+|just\s+)?(?:pointless|meaningless)\b"
    # the thoughts wanted gone ("i want it to stop, the thoughts, all of it"); a place to fall from dwelt on ("can't
    # stop thinking about the overpass near the hospital"): each caught only by the model's probability until a
    # retrain moved it under the bar
    r"|\bwant (?:it|them|it all|all of it|everything|the thoughts) (?:all )?to stop\b(?=.{0,40}\bthoughts\b)"
    r"|\bthe thoughts\b.{0,40}\bwant (?:it|them|it all|all of it) (?:all )?to stop\b"
    r"|\b(?:can t|cant|cannot|keep)\s+(?:stop\s+)?thinking about (?:the|that)\s+(?:bridge|overpass|roof|ledge|tracks|"
    r"balcony|cliff|train)\b(?!\s+(?:question|case|vignette|q|scene))"
    # self-harm told as done: "burned my arm with a lighter", "hitting my head against the wall... left a bruise" (the
    # idiom alone is frustration; an injury beside it is not); not "burned myself on the stove", "burnt myself out"
    r"|\b(?:burn(?:ed|t|ing)?|cut(?:ting)?|carv(?:ed|ing)|scratch(?:ed|ing)|slic(?:ed|ing))\s+"
    r"(?:myself|my\s+(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?|hands?))\b"
    r"(?!\s+(?:out|on|in|at|while|cooking|shaving|making|baking)\b)"
    r"|\b(?:hit|hitting|bang\w*|slam\w*)\s+(?:my\s+head|myself)\b(?=.{0,80}\b(?:bruis\w*|bled|bleeding|concussion)\b)"
    r"|\bpunch\w*\s+(?:the\s+|a\s+)?walls?\b(?=.{0,80}\b(?:bruis\w*|bled|bleeding|broke|knuckles)\b)"
    # the means dwelt on: pills counted or kept, a lethal dose looked up, goodbye letters, an edge, a platform, a
    # closed garage ("how many of my propranolol it would take", "sat near the edge of the parking garage roof"); a
    # drug named by the endings most names have, or by a common brand
    rf"|\bhow (?:many|much) (?:of (?:my|her|his)\s+(?:\w+\s+)?|{_DRUG}\s+)"
    r"(?:it would|it d|would it|would|does it|it will|will it|it takes) (?:take|kill)\b"
    # not a dose's ceiling asked ("how many tablets does it take to hit the 4 g max")
    r"(?!\s+to\s+(?:hit|reach|exceed|get to|go over)\s+(?:the\s+)?(?:\w+\s+)?(?:\d+\s*(?:g|mg|grams?)\s+)?"
    r"(?:max|maximum|limit|ceiling)\b)"
    r"|\b(?:looking up|look up|looked up|googl\w*|search\w*|research\w*)\s+(?:\w+\s+){0,3}?(?:lethal|fatal|deadly)\s+"
    r"(?:dose|doses|amount|amounts)\b"
    r"|\b(?:stockpil\w*|hoard\w*|saving up|saved up|collecting|been saving)\s+"
    rf"(?:my\s+|some\s+|all\s+(?:my\s+)?)?{_DRUG}\b"
    rf"|\b(?:bottle|stash|handful)\s+of\s+(?:\w+\s+){{0,3}}?{_DRUG}\b"
    r"(?=.{0,100}\b(?:looking at|look at|stare|staring|taking (?:it|them) out|thinking)\b)"
    r"|\b(?:goodbye|suicide)\s+(?:letters?|notes?)\b|\bgoodbye\s+texts?\s+(?:to|for)\s+(?:my|everyone)\b"
    r"|\b(?:written|wrote)\s+(?:the|my)\s+letters\b(?!\s+(?:of|for)\b)(?=.{0,80}\b(?:calm|decided|just in case)\b)"
    # a plan kept for a fail: "if i fail again i already know what i'm doing" (not "...what i'm doing: retake in june")
    r"|\bif i (?:fail|don t pass|dont pass|bomb)\w*(?:\s+\w+){0,3}?\s+i (?:already\s+)?know what i (?:m doing|"
    r"m going to do|m gonna do|ll do|will do)\b(?!\s+(?:retake|reschedule|study|switch|apply|take|push|move|re\w*)\b)"
    # an edge or a platform said of a high place, not of a breaking point ("on the edge of burning out")
    r"|\b(?:roof|rooftop|parking garage|bridge|balcony|overpass|top floor)\b.{0,100}?\b(?:near|on|at|by|over|off)\s+"
    r"the\s+(?:edge|ledge|railing)\b(?!\s+of\s+(?!(?:the\s+|a\s+)?(?:roof|building|bridge|balcony|garage|parking)))"
    r"|\b(?:near|on|at|by|over)\s+the\s+(?:edge|ledge|railing)\s+of\s+(?:the\s+|a\s+)?(?:roof|rooftop|parking garage|"
    r"bridge|balcony|overpass|building)\b"
    r"|\b(?:train|subway|metro)\s+(?:platform|tracks)\b.{0,80}?\b(?:step|stepping|jump\w*|lean\w*)\s+"
    r"(?:forward|in front|onto (?:the )?tracks)\b"
    r"|\b(?:step|stepping|walk|walking|jump|jumping|throw\w* myself)\s+(?:out\s+)?in front of (?:a|the)\s+"
    r"(?:train|bus|car|truck|subway)\b"
    r"|\b(?:closed|shut)\s+garage\b.{0,80}?\bengine\b|\bengine\s+(?:running|on)\b.{0,80}?\b(?:closed|shut)\s+garage\b"
    # cutting to feel, or counted: "cut a couple times last week just to feel something"
    r"|\b(?:cut|cutting|burn\w*)\s+(?:myself\s+)?(?:\w+\s+){0,4}?(?:just\s+)?to feel (?:something|anything|real|"
    r"in control)\b"
    r"|\bcut\s+(?:myself\s+)?(?:a couple|a few|several|two|three|\d+)\s+times\b"
    # a date picked with a fail as its trigger: "i've picked a date. the day after scores come out. if it's a fail,
    # that's it" (not "set a date: june 12. if i fail i'll retake")
    r"|\b(?:picked|chosen|chose|set)\s+a\s+date\b(?!\s+for\b)(?=.{0,120}\bif (?:it s|i) (?:a\s+)?fail\w* that s it\b)"
    # a reason to go on, lost ("i've stopped seeing a reason to keep going with anything, not just this")
    r"|\b(?:no|stopped seeing a|stopped seeing any|don t see a|dont see a|don t see any|can t see a|cant see a|"
    r"lost (?:my|the|any))\s+reason to (?:keep going|go on|live)\b"
    r"(?!\s+with\s+(?:uworld|amboss|anki|the qbank|this qbank|studying)\b)"
    # said of themselves or passed on from a friend: "soon none of this will matter for me" (not "...once i match")
    r"|\bsoon (?:none of (?:this|it)|nothing) (?:will|is going to|gonna) matter\b"
    r"(?!\s+(?:once|when|after|because|bc|since)\b)(?!.{0,20}\b(?:once|when|after) i (?:match|pass|get)\b)"
    # asked as if for a patient, and said not to be: "how deep can a cut be before it needs stitches. not for a patient"
    r"|\b(?:cut|cuts|pills|dose|doses|tablets|bleed\w*|stitches|overdose)\b.{0,80}?\bnot for (?:a |the |my )?patient\b"
    # the method thought through, a wish not to get home, a sleep that lasts, things given away, an attempt stopped
    r"|\bthink\w* about how (?:they d|they would|i d|i would) do it\b"
    r"|\b(?:hope|hoped|hoping|wish|wished)\s+(?:that\s+)?i\s+(?:wouldn t|won t|would not|didn t|don t)\s+make it\s+"
    r"(?:home|back|through the night|to (?:the )?morning|to tomorrow)\b"
    r"|\b(?:go to|fall|went to)\s+sleep\b(?:\s+\w+){0,8}?\s+permanently\b"
    r"|\bwon t be needing (?:them|it|these|those|this) (?:anymore|any more)\b"
    r"(?!\s+(?:after|once|when|since|because|bc)\b)"
    r"|\b(?:gave|giving|rehom\w*)\b.{0,80}?\bloose ends\b|\bloose ends\b.{0,80}?\b(?:gave|giving|rehom\w*)\b"
    r"|\bdidn t go through with it\b(?=.{0,60}\b(?:bottle|pills|still (?:in|have|there)|rope|this time|last night)\b)"
    r"|\bscared of myself (?:tonight|today|right now|rn|lately)\b"
    r"|\bi m done\b.{0,20}?\b(?:don t|dont|do not) mean done with (?:medicine|school|studying|the exam|ck)\b"
    # not being around, said plainly: "exam date doesn't matter, i won't be here for it", "the only thing keeping me
    # here is my dog", "i don't think i'll make it to my exam date, and i don't mean because of studying"; a place
    # to fall from and how easy it would be ("stands on our balcony and thinks about how easy it would be")
    r"|\b(?:balcony|roof|bridge|edge|ledge|platform|tracks|window|pills|overpass)\b.{0,80}?"
    r"\bhow easy it (?:would|d) be\b"
    r"|\bnot (?:gonna|going to) be (?:around|here|alive) for (?:it|the (?:next|retake|exam|results?|score)|"
    r"my (?:exam|retake|score|results?))\b(?!.{0,40}\b(?:travel\w*|trip|vacation|flight|abroad|visiting|out of town)\b)"
    r"|\bi (?:won t|wont|will not) be (?:here|around|alive) (?:for it|for (?:my|the) (?:exam|test|score|results?)|"
    r"to see|much longer|anymore|any more|by then)\b"
    r"(?!.{0,40}\b(?:travel\w*|trip|vacation|flight|abroad|visiting|out of town|moving|at work|on call|rotation)\b)"
    r"|\b(?:make it|be here|be around|be alive) (?:to|until|till|for|by) (?:my|the) \w+(?:\s+date)?\b"
    r"(?=.{0,80}\b(?:don t mean|dont mean|do not mean|not because of)\b)"
    r"|\b(?:only|one) (?:thing|reason|person)\s+(?:keeping|that keeps|that s keeping|thats keeping|keeps)\s+me\s+"
    r"(?:here|alive|around)\b|\bonly reason i m (?:still )?(?:here|alive|around)\b"
    r"|\bthe point (?:of|in) (?:any of it|anything|it all|all of it|any of this|everything)\b"
    r"(?=.{0,60}\b(?:not just|i mean (?:it|that)|anymore|any more)\b)"
    r"|\b(?:no|the) point (?:of|in) (?:existing|being (?:here|alive)|going on|waking up)\b"
    r"|\b(?:wonder|wondering|doubt)\s+(?:if|whether)\s+(?:anyone|anybody|people|they)\s+would\s+(?:even\s+)?"
    r"(?:notice|care)\s+if\s+i\s+(?:just\s+)?(?:stopped|disappeared|vanished|was gone|wasn t here|didn t)\b"
    r")"
)


_IDIOM_RE = quick_re.compile(
    r"(?=[a-z])(?:"  # as for _HOPELESS_RE: every idiom starts with a letter
    # a partner's chances in a couples match, not a life: "he'd match better without me"
    r"\b(?:he|she|they|partner|husband|wife|bf|gf|boyfriend|girlfriend|fianc\w*)\s+(?:d|would|will|could|might)\s+"
    r"(?:\w+\s+){0,2}?match\w*\s+(?:\w+\s+){0,2}?(?:better|easier)\s+without me\b|"
    r"\b(?:die|dying|died)\s+(?:of|from)\s+(?:embarrassment|boredom|cringe|laughter|laughing|shame|hunger)\b"
    # harm to one's chances, not oneself: "am i hurting myself by having the 238 show up"; life as a span of years
    r"|\b(?:hurt|hurting|harm|harming)\s+myself\s+by\s+(?:having|taking|applying|delaying|waiting|sending|letting|"
    r"putting|showing|submitting|retaking|pushing|moving|choosing|picking|ranking|signaling|"
    r"not\s+(?:taking|applying|sending|retaking|signaling))\b"  # chances, not a body: "by taking ck in march"
    # an exam skipped or added, not a meal: "i don't want to hurt myself by skipping it" (of step 2, as a DO)
    r"|\b(?:hurt|hurting|harm|harming)\s+myself\s+(?:either\s+)?by\s+(?:not\s+)?(?:skipping|adding|dropping)\s+"
    r"(?:it|ck|step\s*2|"
    r"the exam|usmle|comlex|level\s*2|that)\b"
    r"|\bshoot\w*\s+myself\s+in\s+the\s+foot\b"
    # a career doubt, not a future unseen: "i can't see myself in peds long term" (not "...in five years")
    r"|\b(?:can t|cant|cannot|couldn t|could not)\s+see\s+myself\s+(?:in|doing|as|going into|practicing|becoming)\s+"
    r"(?!(?:the\s+|a\s+|any\s+)?(?:future|years?|months?|tomorrow|next|anything|five|ten|\d+)\b)"
    r"|\b(?:later|earlier|late|early)\s+in\s+life\b|\b(?:work|real|social)\s+life\b"
    # "I'm not suicidal, just tired": what they rule out is not read as said (anything else still is).
    r"|\b(?:not|never|nt)\s+(?:suicidal|going to (?:hurt|kill) myself|"
    r"thinking (?:of|about) (?:hurting|killing) myself)\b"
    # a denial said in passing: "i don't want to die or anything, i'm just so scared"
    r"|\b(?:don t|dont|do not)\s+want\s+to\s+(?:die|hurt myself|kill myself)\s+or\s+(?:anything|something)\b"
    # refusing to quit: "tired and doubting myself but i'm not giving up"
    r"|\b(?:not|never|nt|won t|wont|will not|refuse to)\s+(?:going to\s+|gonna\s+)?giv(?:e|ing)\s+up\b"
    r"(?!\s+on\s+(?:life|living|myself)\b)"
    # "I'd rather die than do another block": the study task after "than" makes it a complaint
    # about the task; "rather be dead than tell my parents" (no task) still reads as said.
    r"|\brather\s+(?:\w+\s+){0,4}?than\s+(?:do|doing|take|taking|sit|sitting|study|studying|read|"
    r"reading|review|reviewing|open|opening|look at|finish|start|redo|memori[sz]e|watch)\b"
    # "killing myself studying": working too hard, said of the work (never after "thinking about", "thought of")
    r"|\b(?<!about )(?<!of )(?<!bout )(?<!abt )(?<!considering )(?<!contemplating )(?<!planning )(?<!plan on )"
    r"killing myself\s+(?:studying|working|grinding|doing\s+(?:blocks|questions|qs|anki|uworld)|"
    r"to\s+(?:study|get|finish|learn|hit|score|pass|keep up))\b"
    # after the exam, somewhere pleasant
    r"|\bdisappear(?:ing)?\s+(?:to|into|on|off to|under)\s+(?:a\s+|an\s+|the\s+|some\s+|my\s+)?(?:\w+\s+)?"
    r"(?:beach|island|vacation|holiday|trip|cabin|resort|cruise|spa|mountains|bed|couch|blankets?|covers|room)\b"
    # off the grid for a while, not for good: "disappear for a month after ck"
    r"|\bdisappear(?:ing)?\s+for\s+(?:a|an|one|two|three|a\s+few|a\s+couple(?:\s+of)?)\s+(?:day|days|week|weeks|month"
    r"|months|while)\b"
    # (not when a lasting vanishing follows: "disappearing for a week, or maybe forever")
    r"(?!\s*(?:or|and|then)\s+(?:maybe\s+|then\s+|just\s+)?(?:for good|forever|for real)\b)"
    # about chances or a skill, not about living: "is it hopeless for ortho", "hopeless at ekgs"
    r"|\b(?:is it|is this|it s|its|am i)\s+hopeless\s+(?:for|to|with)\s+(?!me\b|myself\b|everything\b|life\b)"
    r"|\bhopeless\s+at\b"
    # "don't want to waste money on 60 applications if it's hopeless": about their chances
    r"|\b(?:if|whether)\s+(?:it s|its|it is|my chances are|my odds are)\s+(?:just\s+|already\s+)?hopeless\b"
    r"(?!\s+(?:anyway|for me|to live|to keep))"
    # money or effort wasted, not a life: "my family spent all this money for nothing" (no open word slots: "i want
    # it all to stop. it was all for nothing" keeps every crisis word)
    r"|\b(?:spent|paid|wasted|sacrificed|gave up)\s+(?:all\s+)?(?:this|that|the|so much|my|their|our)\s+(?:\w+\s+)?"
    r"(?:money|savings|time|years?|months?|effort|work|energy)\s+for nothing\b"
    r"|\ball\s+(?:that|this|those|of (?:it|this|that))\s+(?:\w+\s+)?(?:was\s+)?for nothing\b"
    r"|\b(?:worked|studied)\s+(?:so\s+)?hard\s+for nothing\b"
    r"|\b(?:like|as if|as though)\s+(?:i\s+)?(?:got\s+|was\s+|ve been\s+|had been\s+|d been\s+|been\s+)?hit by a "
    r"(?:truck|bus|train|car)\b"
    # hurting an application, not oneself: "i don't want to hurt myself by applying too broadly"
    r"|\b(?:don t|dont|do not|doesn t|won t)\s+want\s+to\s+(?:hurt|harm)\s+(?:myself|my\s+\w+)\s+"
    r"(?:by|with|in|when|if|application|chances)\b"
    # an alarm clock, not a wish: "didn't wake up on time for my nbme"
    r"|\b(?:wake|woke|waking|wakes)\s+up\s+(?:on time|early|late|in time|for|at\s+\d|before)\b"
    # refusing to work oneself to death for a number: "i'd rather not kill myself for a 260"
    r"|\b(?:not|never|won t|wont)\s+(?:kill|killing)\s+myself\s+for\s+(?:a|an)?\s*\d{3}\b"
    # the exam's content, not life: "feel like i know literally nothing"
    r"|\b(?:know|remember|retained|retain|learned|learnt)\s+(?:literally\s+|absolutely\s+|basically\s+)?nothing\b"
    # a workload, a comparison, a first: "sub-I is eating me alive", "NOTHING like uworld", "never seen a
    # 260 in my life"
    r"|\beat(?:ing|s|en)? (?:me|us) alive\b"
    r"|\bnothing like (?:uworld|uw|the nbmes?|the practice|the qbank|amboss|the free 120|what i|anything i)\b"
    # only a number between: "never had suicidal thoughts in my life until now" keeps every word
    r"|\bnever\s+(?:seen|had|gotten|got|scored|hit|broken|cracked)\s+(?:a\s+|an\s+)?\d{3}(?:\s*-?\s*something)?\s+"
    r"(?:on\s+\w+\s+)?in my (?:whole |entire )?life\b"
    # stopping for the day: "i'll end it here for tonight, 3 blocks done"
    r"|\bend(?:ing)? (?:it|things) (?:here |there |early )?for (?:today|tonight|the day|the night|now)\b"
    r"|\bend it here\b"
    # hiding from embarrassment: "i just want to disappear into a hole (not like that)"
    r"|\b(?:disappear|crawl|hide|sink)\w*\s+(?:into|in)\s+a\s+hole\b"
    # a score ending a dream, said of the dream: "this score might end it for derm" (never a bare "end it":
    # "if i fail ck i'm gonna end it" is a crisis)
    r"|\b(?:number|score|result)\b(?:\s+\w+){0,6}?\s+(?:might|could|would|will)\s+end\s+it\s+for\s+"
    r"(?!me\b|good\b|real\b)\w+"
    # wanting something badly: "i'd kill for a 260", "would kill for a day off"
    r"|\b(?:would|d|ll|could)\s+(?:literally\s+)?kill\s+for\b"
    # a forecast, not an intent: "i'm gonna die if scores aren't out friday"
    r"|\b(?:going to|gonna)\s+die\s+(?:if|when|before|waiting|of|from)\b"
    # what someone else, or the exam, will do to them: a scolding or a hard week, not a wish to die
    r"|\b(?:be|been)\s+the\s+(?:death|end)\s+of\s+me\b"
    r"|\b(?:mom|mum|mother|dad|father|parents|family|pd|program director|advisor|attending|resident|chief|"
    r"girlfriend|boyfriend|gf|bf|wife|husband|partner|roommate|he|she|they)\s+(?:is\s+|are\s+|s\s+|re\s+)?"
    r"(?:going to|gonna|will|would|ll|d)\s+(?:literally\s+)?(?:kill|murder)\s+me\b"
    # the point of a study task, a test gone badly, giving up a study habit: about the exam, not life
    r"|\b(?:(?:can t|cant|cannot|don t|dont|do not)\s+see\s+)?the\s+point\s+(?:of|in)\s+"
    r"(?:doing|taking|studying|reviewing|rereading|redoing|using|buying|another|"
    r"the\s+(?:free|uwsa|nbme|uworld|cms|amboss|anki|first))\b"
    r"|\b(?:like|was|is|s|what)\s+(?:a\s+)?(?:total\s+|complete\s+)?"
    r"(?:car crash|train wreck|trainwreck|dumpster fire)\b"
    r"|\b(?:give|gave|giving)\s+up\s+on\s+(?:my\s+|the\s+)?(?:\w+\s+)?(?:step\s*\w+|studying|study|prep|anki"
    r"|uworld|nbme\w*|"
    r"questions|flashcards|cards|memoriz\w*|biostats|ethics|content|perfect|getting|trying)\b"
    # a joke taken back in so many words: "gonna end it all... by which i mean cancelling uworld", "my life is over if
    # i don't get 250 (jk)" (not "i know it's not...", which may go on to say more)
    r"|\b(?:end it all|kill myself|my life is over|i want to die|kill me)\b"
    r"(?=.{0,40}\b(?:jk|just kidding|by which i mean)\b)"
    # the night's studying stopped, a chat left, a subject hopeless: "can't go on with this qbank tonight", "tell me to
    # stop" (flipping through anki), "would be better off without me in the chat", "hopeless case here, ob is my worst"
    r"|\b(?:can t|cant|cannot)\s+go\s+on\s+(?:with\s+(?:this|the|my|these|another)\s+(?:\w+\s+)?(?:qbank|block|blocks|"
    r"questions|qs|uworld|anki|cards|review|nbme|deck|chapter)|studying|reviewing|tonight)\b"
    r"|\b(?:tell|make) me (?:to )?stop\b(?!\s+(?:living|existing|breathing|being))"
    r"|\bbetter off without me (?:in|on) (?:the|this|our|my) (?:\w+\s+)?(?:chat|group|groupchat|team|call|discord"
    r"|server)\b"
    r"|\bhopeless case\b(?=.{0,60}\b(?:worst|percent|questions|qs|blocks?|subject|shelf|at \d+)\b)"
    # a study task called pointless, a wrong click mourned, a night of waiting got through: about the exam, not life
    r"|\b(?:this|it|that|studying|reviewing)\s+(?:is|s|feels)\s+(?:so\s+|completely\s+|totally\s+)?pointless\b"
    r"(?=.{0,80}\b(?:questions?|qs|blocks?|review\w*|uworld|anki|nbmes?|flashcards|cards|topics?|systems?)\b)"
    r"|\bmy life is over\b(?=\s*(?:i|just)\s+(?:clicked|picked|chose|changed|misread|bubbled|marked|put|missed"
    r"|forgot)\b)"
    r"|\bhow (?:do|will|can|am|would) i (?:even\s+|ever\s+)?(?:going to\s+|gonna\s+)?survive\s+(?:tonight|today"
    r"|the wait\w*|"
    r"this wait|the night|the week|this week|the weekend|until|till|dedicated|the next)\b"
    # the same figures of speech in Spanish and Portuguese: "me muero de los nervios", "morrendo de vergonha"
    r"|\b(?:morir|morirme|muero|muriendo|morrer|morrendo|morro)\s+(?:de|del|da|do)\s+(?:los\s+|las\s+|la\s+)?"
    r"(?:estres|verguenza|risa|nervios|"
    r"sueno|cansancio|hambre|vergonha|rir|nervoso|sono|cansaco|fome)\b"
    # the clinical content of a study day: a patient's overdose or suicide risk in a question
    r"|\bsuicid\w*\s+(?:risk\w*(?:\s+factors?)?|assessment|screening|precautions|prevention|rates?|questions?|"
    r"vignettes?)\b"
    r"|\bself harm\s+(?:vignettes?|questions?|patients?|cases?)\b"
    r"|\b(?:antidote|treatment|management|tx|treat|manage|workup|(?:first|next|best|next best)\s+(?:step|line))\s+"
    r"(?:for|of|in)\s+(?:an?\s+)?(?:\w+\s+)?overdose\b"
    r"|\b(?:patient|patients|pt|pts|vignette)\b(?:\s+(?!i\b|im\b|me\b|my\b|myself\b)\w+){0,8}?\s+"
    r"(?:suicid\w*(?:\s+attempts?)?|overdos\w*|self harm\w*)\b"
    r")"
)


_SOMEONE_IN_CRISIS_RE = quick_re.compile(
    r"\b(?:roommate|roomie|friend|bff|classmate|sister|brother|sibling|partner|boyfriend|girlfriend|bf|gf|wife|"
    r"husband|fiance|fiancee|son|daughter|cousin|colleague|co-?resident|he|she)\b"
    # the words between name no one else ("she dumped me and now i want to die" is the student's own)
    r"(?:\s+(?!i\b|im\b|i m\b|me\b|my\b|myself\b|and\b|but\b|so\b|now\b)\w+){0,4}?\s+"
    r"(?:wants to die|wants to end (?:it|his life|her life|things)|wants to kill (?:herself|himself|themselves)|"
    r"(?:is|s|seems|sounds)\s+(?:really\s+)?suicidal|"
    r"(?:talks|talking|thinks|thinking|keeps talking|keeps saying) (?:about|of) "
    r"(?:killing|hurting|ending|suicide|dying)|"
    r"(?:might|could|will|is going to|s going to) (?:kill|hurt) (?:himself|herself)|"
    r"(?:cut|cuts|cutting|hurt|hurts|hurting|harming) (?:himself|herself)|"
    r"doesn t want to (?:live|be alive|be here) anymore|"
    # a plan told of: "she has been planning how she would do it"
    r"(?:has been|s been|been|is|s)\s+planning how (?:she|he|they) (?:would|d|will|ll|could) do it)"
    # what they said: "told me she wants to die", "said he's suicidal"
    r"|\b(?:told me|said|says|texted me)\s+(?:that\s+)?(?:she|he|they)\s+(?:wants? to die|(?:is|s|are|re) suicidal|"
    r"(?:doesn t|don t) want to (?:live|be alive|be here))"
)
"""Someone else in crisis, told by a student worried for them ("my roommate told me she wants to die")."""


def someone_in_crisis(norm: str) -> bool:
    """A crisis said of someone else: the student needs how to help them, with the same urgency."""
    if holds_any(norm, _GOODBYE_WORDS) and _THEIR_GOODBYE_RE.search(norm) is not None:
        return True  # "he texted the chat 'thanks for everything guys' and now he won't pick up"
    if not holds_any(norm, _CRISIS_VERBS):
        return False  # every way of saying it holds one of these: most messages skip both scans
    return (
        _SOMEONE_IN_CRISIS_RE.search(norm) is not None
        and _SOMEONE_IN_CRISIS_RE.search(without_idioms(norm)) is not None
    )


_THEIR_GOODBYE_RE = quick_re.compile(
    # a goodbye, then silence ("posted 'sorry i couldn't be what you all needed'... she's not answering"); not an
    # email's sign-off beside an adviser who hasn't replied
    r"\b(?:thanks for everything|(?:texted|posted|sent|wrote|messaged)\s+(?:\w+\s+){0,3}?goodbye|sorry for everything|"
    r"couldn t be what|i love you all|sorry i wasn t enough)\b"
    r".{0,120}?\b(?:(?:he|she|they)(?:\s+s|\s+is|\s+re|\s+are)?\s+(?:won t|wont|isn t|isnt|not|doesn t|hasn t|"
    r"stopped|can t|cant)\s+(?:pick(?:ing)? up|answer\w*|respond\w*|repl\w*)\b"
    r"(?!\s+(?:now\s+)?(?:cause|because|bc|since)\b)|(?:no one|nobody|i) can t reach (?:him|her|them)\b|"
    r"(?:no one|nobody) can reach (?:him|her|them)\b)"
    r"|\b(?:he|she|they|son|daughter|brother|sister|friend|roommate)\s+(?:s\s+|is\s+|has\s+)?(?:stopped answering|"
    r"isn t answering|won t answer|not answering)\b.{0,200}?\b(?:sorry for everything|thanks for everything|goodbye)\b"
    # a burden, better gone, belongings handed over: "she keeps saying she's a burden and we'd all be fine without her"
    r"|\b(?:she|he|they)\s+(?:keeps saying|keep saying|said|says|thinks)\s+(?:she s|he s|they re|she is|he is|"
    r"they are)\s+(?:just\s+)?a burden\b"
    r"|\b(?:we d|we would|we ll|we re|we are|everyone|everybody)\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:fine|better off)\s+"
    r"without\s+(?:her|him)\b"
    r"|\b(?:she|he|they)\s+(?:said|says)\s+(?:she|he|they)\s+won t be needing (?:them|it|these|those)\s+"
    r"(?:anymore|any more)\b"
    r"|\b(?:friend|roommate|classmate|sister|brother|partner|he|she|they)\s+(?:\w+\s+){0,3}?(?:wrote|written|left"
    r"|sent)\s+"
    r"(?:\w+\s+){0,2}?(?:goodbye|suicide)\s+(?:letters?|notes?|texts?)\b"
    # what they keep saying, or said in another language ("someone in my study group keeps saying 'soon none of this
    # will matter for me'", "mi amiga me dijo que ya no quiere vivir")
    r"|\b(?:friend|roommate|classmate|someone|somebody|he|she|they|sister|brother|partner|bf|gf|boyfriend|girlfriend|"
    r"amigo|amiga|hermano|hermana|novio|novia)\b(?:\s+\w+){0,8}?\s+(?:keeps saying|keep saying|kept saying|said|says|"
    r"told me|texted|posted|dijo|dice|disse|diz)\b.{0,60}?\b(?:none of (?:this|it) will matter|"
    r"won t be (?:here|around) (?:anymore|much longer|for long)|no quiere vivir|quiere morir|se quiere morir|"
    r"quiere matarse|quiere suicidarse|nao quer mais viver|quer morrer|quer se matar)\b"
)
"""Someone else's goodbye or wish to die, in the words a student passes on: a crisis, theirs to help with."""
_GOODBYE_WORDS = (
    "everything", "goodbye", "couldn t be what", "love you all", "enough", "answer", "burden", "without", "needing",
    "suicid", "matter", "won t be", "vivir", "viver", "morir", "morrer", "matar",
)  # fmt: skip
"""Every way `_THEIR_GOODBYE_RE` can match holds one of these: most messages skip its scan (17 µs on a long post)."""
_CRISIS_VERBS = ("die", "suicid", "kill", "hurt", "harm", "cut", "live", "alive", "end", "be here", "do it")
"""Every way `_SOMEONE_IN_CRISIS_RE` can match holds one of these."""


_LIFE_SUPERLATIVE_RE = quick_re.compile(
    r"\b(?:the\s+)?(?:worst|longest|hardest|best|scariest|weirdest|toughest|most\s+\w+)\s+(?:\w+\s+){1,3}?"
    r"of my (?:whole\s+|entire\s+)?life\b"
)


def without_life_superlatives(norm: str) -> str:
    """The text less a superlative of their life ("the longest 9 hours of my life", "worst week of my life"): how hard a
    time was, which the crisis head hears in "life" unless it is set aside."""
    return _LIFE_SUPERLATIVE_RE.sub(" ", norm) if "of my" in norm else norm


def without_idioms(norm: str) -> str:
    """The text less figures of speech that only sound like a crisis ("I want to die of embarrassment")."""
    if _MEANT_RE.search(norm):
        return norm  # "crawl into a hole and die. not metaphorically": said to be meant, so nothing is set aside
    base = norm
    if _HYPERBOLE_RE.search(norm) and not _SINCERE_RE.search(norm) and len(norm) < HYPERBOLE_CHARS:
        # "killing myself over these nbmes lol", "about to unalive my laptop lol", "thought i'd die in block 5": set
        # aside in a short message only, where nothing says it is meant and nothing else is said in a crisis's words
        asked = _HYPERBOLE_RE.sub(" ", norm)
        if not distress_words(_IDIOM_RE.sub(" ", asked)):
            base = asked
    plain = _IDIOM_RE.sub(" ", _KILL_ME_FIRST_RE.sub(" ", base, count=1))
    if "hopeless" in norm and not _MOOD_RE.search(norm):
        # "i feel hopeless about cardio lol": a subject they can't get, not their life (no word of mood beside it)
        plain = _SUBJECT_HOPELESS_RE.sub(" ", plain)
    if "hopeless" in norm and not _MOOD_RE.search(norm):
        # "is 221 hopeless for IM as a non-US IMG": a score's chances in a field, with no word of mood beside it and no
        # other word a crisis is said in once it is set aside ("is a 199 hopeless for anyone? i feel so numb" keeps it)
        asked = _SCORE_HOPELESS_RE.sub(" ", plain)
        if asked != plain and not distress_words(asked):
            plain = asked
    if "hopeless" in norm and _CHANCES_RE.search(norm) and not _MOOD_RE.search(norm):
        # "matched prelim only, reapplying categorical with a 228. is it hopeless": their chances asked about, with
        # nothing said of mood or life ("i cry every night. is it hopeless" keeps it), and no other word a crisis
        # is said in left once it is set aside
        asked = _CHANCES_HOPELESS_RE.sub(" ", plain)
        if asked != plain and not distress_words(asked):
            plain = asked
    if "hopeless" in norm and not _MOOD_RE.search(norm.replace("kidding myself", "")) and not _SINCERE_RE.search(norm):
        # "feeling hopeless about matching after this score", "hopeless about derm tbh": a field or the match, with no
        # word of mood beside it and no other word a crisis is said in once it is set aside
        asked = _FIELD_HOPELESS_RE.sub(" ", plain)
        if asked != plain and not distress_words(asked):
            plain = asked
    if "suicide" in norm and not _SINCERE_RE.search(norm):
        # "a classmate of mine died by suicide last week... should I push my exam for the memorial": a loss told, met
        # as one, when nothing else in the post is said in a crisis's words
        asked = _LOSS_TO_SUICIDE_RE.sub(" ", plain)
        if asked != plain and not distress_words(asked) and not _TO_FOLLOW_RE.search(asked):
            plain = asked
    if _CONTENT_TERM_RE.search(plain) and not _SINCERE_RE.search(norm) and not _said_of_themselves(norm):
        # exam content, asked in a message that says nothing of the student beyond the asking ("am i mixing stuff
        # up", "confuses me"): kept out only when what is left has no other word a crisis is said in
        asked = _clinical_terms_set_aside(plain)
        if asked != plain and not distress_words(asked):
            plain = asked
    return plain


HYPERBOLE_CHARS = 200
"""Only a message shorter than this has a figure of speech set aside: a long post says more, and may mean it."""
_LAUGH = r"(?:lol|lmao|lmfao|haha\w*|jk|xd)"
_HYPERBOLE_RE = quick_re.compile(
    # worn out by the work, or a thing silenced, with a laugh: "killing myself over these nbmes lol", "about to
    # unalive my laptop lol"
    r"\b(?<!about )(?<!of )(?<!bout )(?<!abt )(?<!like )killing myself\s+(?:over|for|on)\s+(?:this|the|my|these)\s+"
    r"(?:\w+\s+)?(?:exam|test|step|ck|boards?|nbmes?|uworld|qbank|shelf|shelves|anki|prep|rotation|sub i|application|"
    r"apps|eras)\s+" + _LAUGH + r"\b"
    r"|\bunalive\s+(?:my|the|this|that)\s+(?!self\b|family\b)(?:\w+\s+)?(?:laptop|computer|phone|alarm|anki|deck|"
    r"qbank|uworld|printer|wifi|router|tv|textbook|books?|notes)\s+" + _LAUGH + r"\b"
    # an exam's discomfort or an embarrassment, told in the words of dying: "thought i'd die in block 5" (of the cold),
    # "want to crawl into a hole and die lol", "walking into the sea lol"
    r"|\bthought\s+i\s*(?:d|would|was going to|was gonna)\s+die\s+(?:in block \d|during (?:the\s+)?(?:exam|block|test|"
    r"nbme|shelf)|of (?:the\s+)?(?:cold|heat|boredom|embarrassment|hunger|thirst))\b"
    r"|\bcrawl\s+(?:into|in)\s+a\s+hole\s+and\s+die\s+" + _LAUGH + r"\b|\bcould die happy\b"
    r"|\bmy life is over\s+" + _LAUGH + r"\s+it s not\b"
    r"|\bwalk\w*\s+into\s+the\s+(?:sea|ocean)\s+" + _LAUGH + r"\b"
)
"""Exam talk in the words of dying, with a laugh or an exam's discomfort: set aside only in a short message."""
_MEANT = (
    r"not (?:metaphorically|figuratively|a figure of speech|a metaphor)|i mean it|i m not joking|not joking|no joke|"
    r"not kidding|i m serious|i am serious"
)
_MEANT_RE = quick_re.compile(r"\b(?:" + _MEANT + r")\b")
"""A figure of speech said to be meant."""
_SINCERE_RE = quick_re.compile(
    # that it is meant, or a plan, a means or a farewell said beside it
    r"\b(?:" + _MEANT + r"|figure of speech|figuratively|metaphorically|seriously|"
    r"for real|literally|not exaggerating|a plan|planning|planned|the bottle|pills|meds|not laughing|"
    r"except i m not|wish i had|hoped i would|hope i would|hoping i would|and then me|then myself|myself too|"
    r"what i took|i took|took a bunch|swallowed|on purpose|deliberately|intentionally|ok with it|okay with it|at peace|"
    r"my peace|my things|my stuff|who gets|goodbye|letters?|how and where|the drop|gun|firearm|saved|stockpil\w*|"
    r"did it again|last night|ago|own diary|like me|that s me|i am that|i m that)\b"
)
"""Words that say a figure of speech or a clinical word is meant, or stand beside it as a plan, a means or a farewell
("killing myself over this exam. not a figure of speech", "tylenol overdose symptoms? took a bunch an hour ago")."""
_FIELD_HOPELESS_RE = quick_re.compile(
    r"\bhopeless\s+(?:about|for|with|on|re)\s+(?:\w+\s+){0,2}?(?:matching|the match|match|my chances|my odds|"
    r"getting in|getting a spot|residency|this cycle|applying|derm\w*|ortho\w*|plastics|neurosurg\w*|ent|ophtho|"
    r"optho|uro\w*|rads|radiology|anesthesia|peds|psych|surgery|gen surg|obgyn|rad onc|internal medicine|"
    r"family medicine)\b"
)
"""Hopelessness about a field or the match ("hopeless about derm tbh"), not about living."""
_LOSS_TO_SUICIDE_RE = quick_re.compile(
    r"\b(?:classmate|friend|brother|sister|cousin|colleague|co resident|resident|student|attending|mentor|mom|mother|"
    r"dad|father|uncle|aunt|roommate|he|she)(?:\s+(?:of mine|of ours|in (?:my|our) (?:class|year|program|cohort)|"
    r"from (?:my|our) (?:class|school|program)|at (?:my|our) school))?\s+"
    r"(?:died|passed away|committed|killed (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?life)"
    r"(?:\s+(?:by|to|from|of)\s+suicide)?\b"
    r"|\blost (?:a|our|my|one of (?:my|our)) (?:\w+\s+)?(?:classmate|friend|colleague|co resident|resident|student|"
    r"brother|sister|cousin) to suicide\b"
)
"""Someone else's death by suicide, told as a loss."""
_TO_FOLLOW_RE = quick_re.compile(
    r"\bjoin(?:ing)? (?:him|her|them)\b|\bbe with (?:him|her|them) again\b|\bfollow (?:him|her|them)\b|"
    r"\bwhere (?:he|she|they) (?:went|is|are)\b|\bjealous\b|\benv(?:y|ious)\b|\b(?:i m|i ll be|be) next\b|"
    r"\bsame (?:plan|way|thing|pills|method|choice)\b|\bcourage\b|\bright idea\b|\bsense\b.{0,30}\bwhy\b|"
    r"\bwhy (?:he|she|they) did (?:it|that)\b|\bwhat (?:he|she|they) did\b|\b(?:i|me|myself) (?:too|also)\b|"
    r"\bgun\b|\bpills\b|\brope\b|\bholding it\b|\bwish i\b|\bif i\b"
)
"""Following the one lost, or wanting to: never a loss told only."""
_CONTENT_TERM_RE = quick_re.compile(
    # the collocations of exam content only: a bare "suicidal" or "overdose" is never set aside
    r"\bsuicid\w*\s+(?:inhibitor|risk|risk factors?|rates?|screening|assessment|precautions|prevention|attempts? in|"
    r"ideation in|in (?:the )?(?:elderly|adolescents|teens|bipolar|schizophrenia))\b"
    r"|\b(?:risk factors? for|screen\w* for|assess\w* for|ask\w* (?:\w+\s+)?about|black box for|lowers?|reduces?|"
    r"reduced?)\s+(?:\w+\s+)?suicid\w*"
    r"|\b(?:tricyclic|tca|acetaminophen|apap|tylenol|aspirin|salicylate|opioid|benzo\w*|lithium|digoxin|iron|"
    r"beta blocker|calcium channel blocker|ccb|warfarin|insulin|isoniazid|theophylline|ssri|anticholinergic)\s+"
    r"(?:overdose|od|toxicity|poisoning)\s*(?=$|(?:management|mgmt|antidotes?|tx|treatment|workup|in (?:kids|children)|"
    r"bicarb|nac|presentation|sx|symptoms|findings|ecg|ekg|high yield|hy|question|qs?|(?:why\s+)?glucagon|"
    r"digibind|deferoxamine|dialysis)\b)"
    r"|\boverdose\s+(?:antidotes?|management|mgmt|tx|treatment|workup|with unknown|ingestion|nomogram)\b"
    r"|\b(?:acetaminophen|apap|tylenol)\s+overdose\s+with\b(?=.{0,40}\b(?:ingestion|nomogram|nac|level)\b)"
    r"|\b(?:completed|attempted)\s+suicide\b(?=.{0,40}\b(?:best|predict\w*|risk|factor\w*|rates?)\b)"
    r"|\bsuicide risk assessment\b|\bdenies\s+suicidal\s+(?:intent|ideation|thoughts)\b"
    r"|\b(?:antidote|treatment|management|mgmt|tx)\s+(?:for|of)\s+(?:an?\s+)?(?:\w+\s+)?overdose\b"
    r"|\bself harm\s+(?:in (?:borderline|bpd|adolescents?|teens?)|questions?|qs|on the (?:psych )?shelf|risk)\b"
    r"|\b(?:he|she|the patient|the pt|pt|patient)\s+(?:says|said|reports|feels|is|was|endorses|denies|"
    r"admits)\s+(?:(?:he|she)\s+)?(?:feels\s+|is\s+)?(?:hopeless|suicidal)\b"
    r"|\bsuicidal\s+(?:patient|pt|teen|adolescent|man|woman|widower|intent and|ideation and (?:firearm|plan))\b"
    r"|\b(?:says|said|reports|endorses|denies)\s+(?:he|she|they)\s+(?:feels|is|was|felt)\s+(?:hopeless|suicidal)\b"
    r"|\bhopelessness\s+(?:always|trumps|is a|and firearm|plus)\b"
)
"""Crisis words in the phrases of exam content: "suicide risk factors", "acetaminophen overdose management"."""
_MINE_RE = quick_re.compile(r"\b(?:i|i m|im|my|me|myself|i ve|i am|i was|i feel|mine)\b")
"""A word of the student's own, which keeps a crisis word beside it theirs ("i'm lowkey suicidal, the pt...")."""
_ASKING_RE = quick_re.compile(
    r"\b(?:am i|do i|should i|can i|could i|would i|i m (?:mixing|confused|not sure|missing|lost|struggling with)|"
    r"(?:confuses|confusing|tell|help|quiz|remind) me|i (?:always|keep|never) (?:forget\w*|mix\w*|confus\w*|get)|"
    r"i picked|i chose|i thought|i got (?:it|this|that|them) wrong|i need (?:a|an|help|to (?:memorize|know|learn|"
    r"remember))|mixing me up|me up|i (?:keep|always) (?:missing|getting|blank\w*)|i (?:always )?blank on|"
    r"i ve gotten (?:this|these|it)|(?:is )?(?:by far )?my worst subject|"
    r"i (?:want|need) (?:one|a) (?:cheat sheet|list|mnemonic)|i can review|"
    r"what am i missing|i keep missing|i keep getting)\b"
)
"""The student's own words in asking a question of content ("am i mixing stuff up", "the nac timing confuses me")."""


def _said_of_themselves(norm: str) -> bool:
    """Whether a message speaks of the student anywhere beyond the asking: then a clinical word in it is theirs."""
    return _MINE_RE.search(_ASKING_RE.sub(" ", norm)) is not None


_NOW_RE = quick_re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:tonight|today|again|back|lately|now|soon|this week|on purpose|myself|came back|come back|"
    r"returning|won t stop|keep coming|creeping)\b"
)
"""Words just after a crisis word that make it the student's now ("suicidal thoughts came back", "overdose tonight")."""


def _clinical_terms_set_aside(plain: str) -> str:
    """The text less crisis words in the phrases of exam content ("tricyclic overdose: bicarb first?", "suicide risk
    factors"), each only where no word of the student's own stands just before it and nothing after makes it theirs."""

    def content(m: re.Match[str]) -> str:
        before = plain[max(0, m.start() - 25) : m.start()]
        if _MINE_RE.search(before) or _NOW_RE.match(plain, m.end()):
            return m.group(0)
        return " "

    return _CONTENT_TERM_RE.sub(content, plain)


_SUBJECT_HOPELESS_RE = quick_re.compile(
    r"\bhopeless\s+(?:at|about|with|in|on)\s+(?:\w+\s+){0,2}?(?:cardio\w*|renal|neph\w*|pulm\w*|gi|neuro\w*|biostat\w*|"
    r"stats|ethics|ob|obgyn|gyn|peds|psych|surg\w*|pharm\w*|micro|immuno|heme|onc|endo|msk|ecgs?|ekgs?|acid base|"
    r"questions?|qs|uworld|blocks?|anki|topic|math|vignettes?|timing)\b"
)
_SCORE_HOPELESS_RE = quick_re.compile(
    r"\b(?:is|are)\s+(?:a\s+|an\s+|my\s+)?(?:\d{3}|score|ck|step 2|chances|odds)\s+(?:just\s+|totally\s+)?hopeless\s+"
    r"(?:for|in|with)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:im|em|fm|peds|psych|derm|ortho|gen surg|surg\w*|gas|"
    r"anesthesia|rads|radiology|neuro|ob|obgyn|path|ent|uro|ophtho|optho|plastics|internal medicine|family medicine|"
    r"pediatrics|residency|matching|match|programs?|university programs?|academic programs?)\b"
)
"""A score's chances in a named field or in matching, called hopeless ("is 221 hopeless for IM"): no crisis words."""
_CHANCES_HOPELESS_RE = quick_re.compile(
    # (a feeling of hopelessness, hedged or not, is never set aside: "failed ck twice. feeling kinda hopeless")
    r"\b(?:is it|is this|is that|are my chances|are my odds)\s+(?:just\s+|totally\s+|completely\s+)?hopeless\s*$"
)
_CHANCES_RE = quick_re.compile(
    r"\b(?:\d{3}|match\w*|apply\w*|application|categorical|prelim\w*|odds|chances?|programs?|residency|"
    r"interviews?|invites?|spot|position|ck|step\s*2|score)\b"
)
_MOOD_RE = quick_re.compile(
    r"\b(?:everything|all of it|future|whole|myself|empty|cry\w*|normal again|get better|anymore|any more|life|"
    r"living|alive|bed|dark|numb|alone|tired of|"
    r"the point|still trying|hurt\w*|harm\w*|die|dead|rope|jump|pills?)\b"
)


_KILL_ME_FIRST_RE = quick_re.compile(r"\A(?:ugh\s+|omg\s+|just\s+)?kill me(?:\s+now)?(?=\s*(?:$|lol|lmao|i\s))")
"""An exclamation at a mistake, said first ("kill me, i mixed up the mag dose again"); kept apart from
`_IDIOM_RE`, where an anchored branch made every substitution several times slower."""


_CRISIS_SIGNS_RE = quick_re.compile(
    # Signs the families above miss, gathered from a fresh hard set (tests/fresh/crisis_dev.jsonl) and narrowed by two
    # reviewers' counter-examples (tests/fresh/crisis_probes*.jsonl): a plan, a means at hand, a farewell, a death
    # hoped for; and the plain words of a crisis in other languages written in Latin letters. Kept apart from
    # `_HOPELESS_RE` so each family stays readable on its own.
    r"(?=[a-z0-9])(?:"
    # a death hoped for without acting: "hope a truck hits me", "hope my heart stops", "hope i don't survive the
    # night" (not "hope my heart stops racing", "wish the bus would hit the stop on time", "die in my sleep at 90")
    r"\b(?:hope|hoping|hoped|wish|wishing|pray\w*)\b(?:\s+\w+){0,5}?\s+(?:(?:a|the|some)\s+(?:car|truck|bus|train)\s+"
    r"(?:would\s+|will\s+|just\s+)?(?:hits?\s+me|hitting\s+me|crash\w* into me|cross\w* the median|runs? me over)|"
    r"(?:my\s+)?heart\s+(?:would\s+|will\s+|just\s+)?(?:stops?|gives? out)\b(?!\s+(?:racing|pounding|beating|hurting|"
    r"fluttering|skipping|doing|being|from|with|when|so))|(?:i|you)\s+(?:just\s+)?(?:don t|dont|do not|won t|wont|"
    r"wouldn t)\s+(?:survive|make it through)\s+(?:the|this|tonight)\s*(?:night)?\b(?!\s+(?:shift|call|exam|test"
    r"|block))"
    r"|i\s+(?:just\s+)?(?:die|d die|would die)\s+in\s+my\s+sleep\b(?!.{0,30}\b(?:like|when i m|old|someday|one day|"
    r"years from now|at \d+|\d+)\b))"
    # the means looked at: a height judged enough, the wheel let go at a drop, a platform's edge, a bridge looked down
    # from, pills counted towards a dose
    r"|\b(?:looked up|look up|looking up|checked|checking|googled|googling|measured)\s+(?:\w+\s+){0,2}?how\s+"
    r"(?:tall|high|many floors|many stories)\b.{0,60}?\b(?:probably|should be|would be|is|that s|thats)\s+"
    r"(?:high\s+|tall\s+)?enough\b"
    r"|\b(?:think\w*|thought)\s+about\s+(?:just\s+)?letting\s+go\s+of\s+the\s+(?:steering\s+)?wheel\b"
    r"|\blet\w* go of the (?:steering\s+)?wheel\s+(?:at|on|into|off)\s+the\s+(?:overpass|bridge|highway|freeway|"
    r"interstate|median|cliff|river|wall)\b"
    r"|\b(?:step\w*|jump\w*|lean\w*|fall\w*)\s+(?:off|over|from)\s+(?:the\s+|a\s+)?(?:edge|ledge|platform|railing)\b"
    r"|\bbridge\b.{0,80}?\b(?:look\w* down\b(?!\s+at)|jump\w* (?:off|from|over)|over the (?:rail|railing|side|edge))"
    r"|\b(?:looked|stared|staring|looking) (?:at|down from) the (?:bridge|overpass|edge"
    r"|tracks)\b.{0,50}?\b(?:long time|"
    r"while|hours?|minutes)\b"
    r"|\b(?:if|fail|when|tonight|then)\b.{0,40}?\b(?:i m|im|i am|i ll|i will)\s+(?:going|gonna go|driving|walking)\s+"
    r"to\s+the\s+bridge\b(?!\s+(?:club|for|with|at|near|to|and)\b)"
    r"|\bi\s+(?:ve\s+)?(?:stopped|quit)\s+(?:wearing|putting on|buckling)\s+(?:my\s+)?(?:seat\s*belt)\b"
    r"|\bhow many\s+(?:of\s+(?:my|these|those|the)\s+)?(?:\w+\s+)?(?:pills|tablets|tylenol|advil|ibuprofen|"
    r"acetaminophen|paracetamol|benadryl|xanax|ambien|sleeping pills|lithium|insulin|oxy\w*)\s+(?:would|does|will)\s+"
    r"it\s+(?:actually\s+|really\s+)?take\b(?!\s+(?:to|for)\s+(?:hit|reach|get|help|work|treat|kick|a|my|the)\b)"
    r"(?!.{0,40}\b(?:headache|pain|cramps|fever|max|maximum|mg|dose for)\b)"
    r"|\b(?:saving|saved|collect\w*|hoard\w*|stash\w*|junte|juntei)\s+(?:up\s+)?(?:the|my|her|his|all (?:the|my)|"
    r"some of (?:the|my|her))\s+(?:\w+\s+){0,2}?(?:pills|meds|tablets|oxy\w*|opioids|sleeping pills|pastillas)\b"
    r"(?=.{0,160}\b(?:what that|way out|an option|the option|enough to|use them|counted|if the score|if it s a fail|"
    r"if i fail|if things get|if this keeps|unica salida|como hacerlo)\b)"
    r"|\blooked up what (?:that|this|it) (?:amount|many|much|dose) (?:would|will|could) do\b"
    r"|\b(?:researching|looking up|reading up on|googling)\s+(?:painless\s+)?(?:methods|ways to (?:die|do it|end it))\b"
    r"(?!\s+(?:for|of|to|in|and)\b)"
    r"|\bhow long (?:it takes|does it take|would it take) to bleed out\b"
    # pills bought up, a height stood at, a pain wondered about, being found, a date picked, things left in order
    # (a set held out until read once at the forty-first stop, then studied: tests/fresh/crisis_dev2.jsonl)
    r"|\bstock(?:ed|ing)? up on\s+(?!(?:caffeine|vitamin\w*|melatonin|allergy|cold|iron|magnesium|fish)\b)(?:\w+\s+)?"
    r"(?:tylenol|acetaminophen|paracetamol|pills|sleeping pills|benadryl|insulin)\b"
    r"(?!.{0,40}\b(?:headache|cramps|flu|cold|trip|migraine|period)\b)"
    r"|\b(?:won t|wont|will not|not going to|not gonna)\s+be\s+(?:around|here|alive)\s+for\s+(?:my\s+|the\s+)?"
    r"(?:score|results?|results day|score day|match day|graduation)\b(?!.{0,40}\b(?:travel\w*|trip|vacation|flight|"
    r"abroad|visiting|out of town|wedding|conference)\b)"
    r"|\b(?:si|suicidal thoughts)\s+(?:is|are|s)\s+(?:really\s+|so\s+|super\s+)?(?:loud|louder|bad|strong)\b"
    r"(?!.{0,40}\b(?:sitting|joint|pain|back|hip)\b)"
    r"|\bnot done with (?:medicine|school|studying|the exam|ck|med school)\s+done\b"
    r"|\bi ve (?:already )?(?:thought about|figured out|planned|worked out) how\s*$"
    r"|\bsitting with a plan\b|\b(?:someone|somebody|you) (?:to )?know before it happens\b"
    r"|\bpicked a date\b(?!.{0,60}\b(?:exam|ck|step|test|retake|prometric|wedding|move|trip)\b).{0,60}?"
    r"\b(?:so (?:my|they)|parents|see me walk|graduation)\b"
    r"|\b(?:overpass|bridge|roof|window|tracks|train|edge|ledge|balcony)\b.{0,80}?\bwonder\w* (?:if|whether"
    r"|how much) it "
    r"(?:would|d|will) hurt\b"
    r"|\b(?:to be|be) the one (?:who|that) finds me\b|\bfinds? my body\b"
    r"|\b(?:standing|stood|sitting|sat)\s+(?:at|by|on|near)\s+(?:my|the)\s+(?:window|balcony|ledge|edge|roof)\b.{0,80}?"
    r"\b(?:long time|a while|hours|keep opening|opened it)\b"
    r"|\bpasswords?\s+(?:for|to)\s+my\s+(?:sister|brother|mom|dad|parents|wife|husband|"
    r"family)\b|\bsaid goodbye to (?:her|him|them|my \w+) properly\b"
    r"|\b(?:picked|decided|chose|sorted|sorted out) who gets my\b"
    # (not notes handed on after a pass: "sorted out who gets my old anki decks now that i passed")
    r"(?!.{0,80}\b(?:now that|since|because|bc|cause)\s+i\s+(?:passed|matched|graduated|m done|am done)\b)"
    r"|\bwho gets my (?:car|stuff|things|cat|dog|laptop)\b"
    r"|\bthanks for everything\b.{0,80}?\b(?:won t|wont) need\b(?!.{0,120}\b(?:passed|matched|scored|got a \d+)\b)"
    r"|\blast thing i ll (?:ever )?ask (?:you|anyone)\b(?=.{0,40}\b(?:thanks for everything|thank you for everything|"
    r"goodbye|won t need|i mean it)\b)"
    r"|\bi ve already decided\b(?=.{0,80}\b(?:sister|brother|family|someone useful|give them|won t need|last"
    r"|goodbye)\b)"
    r"|\bfuture (?:where|that) i m (?:in it|there)\b|\bfeel like (?:you ve|i ve) already left\b"
    r"|\b(?:essa|esta) e a ultima mensagem\b|\bja decidi o que vou fazer\b|\bho gia scelto il giorno\b"
    r"|\bnie widze sensu (?:dalej )?zyc\b|\bskoczyc z (?:mostu|dachu|okna)\b"
    r"|\bpagod na (?:ako )?(?:sa |ma)buhay\b|\bmawala na (?:lang )?ako\b|\bpaano ko tatapusin\b|"
    r"\bnakatabi na (?:akong|ako ng) (?:mga )?gamot\b"
    # dying, said to be meant: "crawl into a hole and die. not metaphorically"
    r"|\b(?:and|to|just|wanna|gonna)\s+die\b(?=.{0,40}\b(?:not (?:metaphorically|figuratively|a figure of speech)|"
    r"i mean it|not joking|no joke|not kidding|i m serious)\b)"
    r"|\b(?:pills|bottle|meds|oxy\w*|gun|rope)\b.{0,200}?\b(?:i have|having|know i have|knowing i have)\s+a way out\b"
    r"|\b(?:gun|rope|knife|blade)\b.{0,60}?\b(?:thinking about|think about|thought about) using (?:it|them)\b"
    r"|\bi have\s+(?:like\s+|about\s+|over\s+)?\d{2,}\s+(?:tylenol|acetaminophen|paracetamol|sleeping pills|benadryl|"
    r"xanax|ambien|oxy\w*)\b(?!\s+(?:left|remaining|on my|in my script))"
    r"|\btook\s+(?:like\s+|about\s+|around\s+|over\s+)?\d{2,}\s+(?:of\s+(?:my|the|her|his)\s+)?(?:\w+\s+)?"
    r"(?:pills|tablets|tylenol|sertraline|benadryl|xanax|ambien|sleeping pills|meds)\b"
    r"|\b(?:disappointed|sad|upset|sorry)\s+(?:that\s+)?i\s+(?:woke up|survived|didn t die)\b"
    r"(?!\s+(?:with|late|early|at|to|on|in|before|after|so|feeling|this|today|again))"
    r"|\b(?:realizing|realize|realized|realise\w*)\s+(?:that\s+)?i\s+(?:am|m)\s+(?:that|the)\s+(?:pt|patient)\b"
    # slang and shorthand: "ctb tonight probably", "gonna ctb", "si is back and louder", "the sh urges", "sewerslide"
    r"|\bctb\b(?=.{0,30}\b(?:tonight|soon|today|probably|gonna|going to|want|thinking|sorry|plan\w*|this weekend)\b)"
    r"|\b(?:gonna|going to|want to|wanna|might|will)\s+ctb\b|\bsewer ?slide\w*"
    r"|\b(?:si|suicidal ideation|suicidal thoughts)\s+(?:is|are|s)\s+back\b(?=\s+(?:and|louder|again|worse|after"
    r"|since)|"
    r"\s*$)"
    r"|\b(?:suicidal ideation|suicidal thoughts|sh urges|self harm urges)\s+(?:has been|s been|have been|keeps?|are)\s+"
    r"(?:coming back|returning|getting (?:worse|louder|stronger)|louder|stronger|worse|really bad|so bad)\b"
    r"|\b(?:sh|self harm)\s+urges?\b|\burges? to (?:cut|hurt myself|die|end it)\b(?!\s+(?:my|the|down|back|short"
    r"|out)\b)"
    r"|\brelaps\w*\s+(?:on|with)?\s*(?:sh|self harm\w*|hurting myself)\b"
    # a farewell: goodbye letters or notes left, a will with things left to people, things given away for good
    r"|\b(?:wrote|write|writing|written|left|leaving|drafted|drafting|have|saved)\s+(?:\w+\s+){0,3}?(?:goodbye|"
    r"suicide)\s+(?:letters?|notes?|emails?|messages?|texts?|videos?)\b(?!\s+(?:to|for)\s+(?:my\s+|the\s+|our\s+)?"
    r"(?:\w+\s+)?(?:team|class|classmates|coworkers|colleagues|co residents|residents|attendings|rotation|program|"
    r"patients|preceptors?|clinic|unit|floor|host|roommates?|nurses|staff|everyone at)\b)"
    r"|\b(?:letters?|note|notes)\s+(?:\w+\s+){0,2}?(?:to|for)\s+(?:my\s+)?(?:mom|mum|mother|dad|father|parents|family|"
    r"sister|brother|wife|husband|girlfriend|boyfriend|kids|friends)\b.{0,80}?\b(?:right night|when i m gone|"
    r"after i m gone|waiting for the right)\b"
    r"|\b(?:filled out|wrote|drafted|made)\s+(?:out\s+)?(?:a|my)\s+(?:will|last will)\b.{0,120}?\b(?:left|leave"
    r"|leaving)\s+"
    r"my\s+\w+\s+to\b"
    r"|\bgave\s+away\s+my\s+(?!(?:\w+\s+){0,8}?(?:step 1|first aid|pathoma|sketchy|notes|scrubs|anki|old|extra|spare|"
    r"since|now that|cause|cuz|because|bc|for|during|till|until|while)\b)(?:\w+\s+){0,8}?(?:won t|wont"
    r"|will not)\s+be\s+"
    r"needing\s+(?:them|it|those)\s*$"
    r"|\b(?:probably|prob|this is|this ll be|this will be)\s+(?:probably\s+)?(?:the|my)\s+last\s+(?:thing|message|"
    r"post|words?)\s+(?:i ll|i will|i m going to|i)\s+(?:ever\s+)?(?:write|post|send|say)\b"
    r"(?!\s+(?:about|on|before|until|till|today|tonight|this week|on this|the matter|here before))"
    r"|\bafter i m gone\b(?!\s+(?:for|to|on|from|at))"
    r"|\bmy\s+(?:family|parents|mom|mum|dad|sister|brother|friends|wife|husband|girlfriend|boyfriend)\s+"
    r"(?:shouldn t|should not|don t|do not|mustn t)\s+blame\s+(?:themselves|herself|himself)\b"
    r"|\bnot (?:going to|gonna)\s+stick around\b(?=\s*$|\s+(?:for (?:the )?(?:aftermath|results?|score|fallout|"
    r"consequences)|to (?:see|find out|face)|much longer|any longer|anymore))"
    r"|\blast attempt at (?:anything|life|living)\b"
    r"|\b(?:have|got|made)\s+a\s+(?:plan|date)\s+and\s+a\s+(?:date|plan)\b(?!\s+for\s+(?:my|the)\s+(?:exam|test|ck))"
    r"|\bfuture where i (?:m |am |d be |ll be |will be )?(?:still\s+)?(?:alive|here|around|living)\b"
    r"|\b(?:stop|stopped)\s+(?:wanting|trying)\s+to\s+(?:live|be alive|stay alive|exist)\b(?!\s+up\b)"
    # their absence as a relief to others: "would they get over it... if i just wasn't here. it'd be easier for them"
    # (not "easier for my parents if i wasn't around the house so much")
    r"|\bif i (?:just\s+)?(?:wasn t|weren t|was not|were not|wasnt|werent) (?:here|around|alive)\b"
    r"(?!\s+(?:the|so much|as much|for|on|at|during|in|when|to)\b).{0,80}?\b(?:easier|better off|get over|miss me|"
    r"relief)\b"
    r"|\b(?:easier|better off|get over it|miss me|relief)\b.{0,80}?"
    r"\bif i (?:just\s+)?(?:wasn t|weren t|was not|were not|wasnt|werent) (?:here|around|alive)\b"
    r"(?!\s+(?:the|so much|as much|for|on|at|during|in|when|to)\b)"
    r"|\b(?:nao vejo sentido em nada|no le veo sentido a nada)\b"
    # being gone as what others would get over: "everyone would move on fast if i left for good"
    r"|\b(?:everyone|everybody|they|people|my family)\s+would\s+(?:just\s+)?move on\b.{0,30}?\bif i\b"
    r"|\bif i (?:left|was gone|were gone|disappeared|went away) (?:for good|forever|permanently)\b"
    r"|\bso (?:no one|nobody) (?:would|will|d|could) (?:notice|know|find out)\b(?=.{0,60}\b(?:pills|meds|tablets|"
    r"pharmac\w*|bought|gun|rope)\b)|\b(?:pills|meds|tablets|pharmac\w*|bought|gun|rope)\b.{0,100}?\bso (?:no one"
    r"|nobody) "
    r"(?:would|will|d|could) (?:notice|know|find out)\b"
    r"|\bsaid (?:my|all my) goodbyes\b(?=.{0,40}\b(?:people who matter|everyone i love|for good|forever|family)\b)"
    r"|\bsi\s+has\s+been\s+(?:really|so)\s+bad\b(?!.{0,40}\b(?:sitting|joint|pain|back|hip|acting|flare\w*)\b)"
    # following someone lost: "my brother killed himself last year and now i think about joining him"
    r"|\b(?:died|killed (?:himself|herself|themselves)|suicide|passed away|lost (?:him|her|them))\b.{0,120}?"
    r"\b(?:join(?:ing)? (?:him|her|them)\b(?!\s+(?:for|at|in|on|to)\b)|be with (?:him|her|them) again|"
    r"follow (?:him|her|them)\b(?!\s+(?:on|to|at|around))|go where (?:he|she|they) went|i m next|i ll be next)"
    # other languages, as the normaliser writes them (each a wish or an act of the speaker's, never a bare noun, and
    # not the idiom of dying of laughter, hunger or boredom)
    r"|\b(?:quiero|quisiera|ganas de|quero|vontade de|voglio|vorrei|envie de|je veux|je voudrais|ich will|"
    r"ich mochte|ich moechte|ingin|pengen|pingin)\s+"
    r"(?:morire(?!\s+d(?:a|al|alle|i)\s)|morir(?:me)?(?!\s+de\s)|matarme|morrer(?!\s+de\s)|me matar|mourir(?!\s+de\s)|"
    r"en finir(?!\s+avec)|me tuer|farla finita(?!\s+con)|uccidermi|sterben|mati(?!\s+(?:lampu|listrik|gaya|kutu))|"
    r"bunuh diri|desaparecer para siempre|sumir para sempre|disparaitre pour toujours)\b"
    r"|\bqueria\s+(?:morrer|me matar)\b|\bme quiero (?:matar|morir)\b(?!\s+de\s)"
    r"|\bno quiero despertar(?:me)?\b(?!\s+(?:temprano|tan temprano|a las|tarde|antes))|\bno despertar (?:nunca|mas)\b"
    r"|\bnicht mehr da sein\b|\b(?:pense|pensee|pensais|pense a|envie de|je vais)\s+(?:a\s+)?me tuer\b"
    r"|\bce la faccio piu a vivere\b|\bjeena nahi (?:hai|chahta|chahti)\b|\bsab khatam kar (?:dena|du|dun|doon) chah"
    r"|\bpagod na (?:ako )?sa buhay\b|\bcapek hidup\b|\bmenghilang (?:aja |saja )?selamanya\b"
    r"|\b(?:no|ya no|nao|n o|je ne|non)\s+(?:quiero|quero|veux|voglio)\s+(?:mas\s+|mais\s+|plus\s+|piu\s+)?"
    r"(?:vivir|viver|vivre|vivere|seguir viviendo|existir|exister)\b|\bje veux plus vivre\b"
    r"|\b(?:cansad[oa] de vivir|cansad[oa] de viver|quitarme la vida|suicidarme|me suicidar|"
    r"acabar con (?:todo|mi vida)|terminar con (?:todo|mi vida)|acabar com (?:tudo|a minha vida|minha vida))\b"
    r"(?!\s+(?:el|la|lo|los|las|esto|eso|este|esta|o|a|os|as|isso|isto|esse|essa|de)\b)"
    r"|\b(?:la unica salida (?:que me queda|es morir|para mi)|pensando en como hacerlo|"
    r"tirar a minha (?:propria )?vida|tirar minha (?:propria )?vida|"
    r"ninguem (?:ia|vai|iria) sentir (?:a )?minha falta|nadie me (?:va a|iba a) extranar|"
    r"mettre fin a (?:mes jours|ma vie)|me suicider|plus envie de vivre|togliermi la vita|non voglio piu vivere|"
    r"mich umbringen|mich umzubringen|will nicht mehr leben|mochte nicht mehr leben|moechte nicht mehr leben|"
    r"mir das leben nehmen|selbstmord begehen|olmek istiyorum|yasamak istemiyorum|kendimi oldur\w*|"
    r"intihar (?:edecegim|edicem|etmek istiyorum)|chce umrzec|nie chce zyc|zabic sie|chce sie zabic|"
    r"magpakamatay|ayoko (?:na(?:ng)? )?mabuhay|khong muon song|ami morte chai|mi ?kham bemiram)\b"
    r"|\bgusto (?:ko )?(?:na(?:ng)? )?mamatay\b(?!\s+sa\b)|\b(?<!met )muon chet\b(?!\s+(?:di|luon))"
    r"|\blettres?\b.{0,80}?\bfini pour moi\b|\blettres? d adieu\b"
    r"|\b(?:jeene|jine|jeena|jina|jeeney)\s+(?:ka|ki|ko)\s+(?:(?:mann?|dil|iccha|ichha)\s+(?:hi\s+)?|koi\s+(?:wajah"
    r"|vajah)\s+|"
    r"(?:wajah|vajah)\s+)(?:nahi|nahin|nai|na)\b"
    r"|\b(?:marna|mar jana|mar jaana|marne)\s+(?:ko\s+)?(?:chahta|chahti|chahata|chaahta|ka mann?|ka dil)\b"
    r"|\b(?:khudkushi|khudkhushi|aatmhatya|atmahatya|aatmahatya)\s+(?:kar|karna|karne|karunga|karungi|kar lunga|"
    r"kar lungi|ka (?:khayal|vichar|soch))\w*\b"
    r"|\b(?:main|mai|mein)\s+na\s+(?:hota|hoti)\s+(?:toh|to)\s+(?:\w+\s+){0,6}?(?:bachta|bach jata|bach jaata|khush|"
    r"better|accha|achha)\b"
    r"|\b(?:zindagi|jindagi)\s+(?:khatam|khatm)\s+(?:kar|karna|karne|kar doon|kar dunga|kar dungi)\b"
    r"|\b(?:marna|mari)\s+(?:mann?)\s+(?:lagyo|lagcha|lagchha)\b|\b(?:bachna|bachnu)\s+mann?\s+(?:chaina|chhaina)\b"
    r"|\b(?:a5alles|akhalles|a5les|n5alles)\s+(?:3ala\s+)?(?:7ayati|hayati)\b"
    r"|\b(?:bdi|biddi|bade)\s+(?:mout|moot|amoot)\b(?!\s+(?:mn|min|men|mil|3al|3ala|bel|b|men el)\b)"
    r"|\b(?:ant7ar|anta7er|ente7ar|enta7ar)\b"
    r"|\b(?:i|make i)\s+(?:wan|just wan)\s+(?:just\s+)?(?:die|kill myself)\b(?!\s+(?:for|of|from|with)\b)"
    r")"
)
"""A plan, a means, a farewell or a crisis in another language (see the families above)."""


def hopeless(norm: str) -> bool:
    """Hopelessness or self-harm in words the phrase list may not hold (see `_HOPELESS_RE`)."""
    return _HOPELESS_RE.search(norm) is not None or _CRISIS_SIGNS_RE.search(norm) is not None


def hopeless_sentence(text: str) -> bool:
    """Hopelessness said as a sentence of its own, which the normalised text can't tell apart from everyday talk
    ("i'd rather not be here. failed ck with a 209", not "i'd rather not be here on a saturday")."""
    low = text.lower()
    if any(p.search(low) is not None for p in _HOPELESS_SENTENCE):
        return True
    # opening a sentence only: "약도 모아놨어" (I've saved up the pills), not "감기 약 모아 놨어" (cold medicine saved)
    return any(
        _OPENS_A_SENTENCE_RE.search(low[max(0, m.start() - 4) : m.start()]) for m in _OPENING_ONLY_RE.finditer(low)
    )


_OPENING_ONLY_RE = quick_re.compile(
    r"약(?:을|도)?\s*(?:다\s*)?모아\s*놨|살기\s*싫|shinitai\b(?!\s*(?:lol|w\b|www|kusa))"
)
"""Crisis words that are one only when they open a sentence (Korean and Japanese, whose look-alikes open none)."""
_OPENS_A_SENTENCE_RE = re.compile(r"(?:^|[.!?]\s*)$")


_HOPELESS_SENTENCE = quick_re.in_batches(
    # said as a sentence of its own, which normalising can't see: "i'd rather not be here. failed ck with a 209" (not
    # "i'd rather not be here on a saturday"), "so tired. i just want it to stop.", "i really want it to stop. the
    # failing, the pressure, me.", "nothing feels worth it."
    r"\b(?:rather|prefer to|prefer)\s+not\s+(?:to\s+)?be\s+(?:here|around)\s*(?:[.!,;]|$)"
    r"|\bnothing\s+(?:feels|seems)\s+worth\s+it\s*(?:[.!;]|$)"
    r"|(?:^|[.!?]\s*|so tired[.,]?\s*)i\s+(?:just|really)\s+want\s+it\s+(?:all\s+)?to\s+stop\s*(?:[.!;]|$)"
    r"|\b(?:idk|i don.?t know|dont know)\s+why\s+i.?m\s+still\s+here\b(?!\s+(?:at|in|on|studying|awake|up)\b)"
    # scripts the normaliser drops (it keeps a-z and digits): Korean, Russian, Arabic, Hindi, Chinese, Japanese
    # (wishes only: a bare "suicide" there is as often a study topic, "자살 위험", "суицидальный риск")
    r"|살고\s*싶지\s*않|죽고\s*싶|다\s*끝내고\s*싶|자살하고\s*싶|죽어\s*버리고\s*싶|죽어\s*버릴\s*(?:거|래)|사라지고\s*싶"
    r"|자살할까\s*(?:생각|고민)|살\s*이유가\s*없"
    r"|не\s+хочу\s+жить|хочу\s+умереть|покончить\s+с\s+собой|исчезнуть\s+навсегда|не\s+хочу\s+больше\s+жить"
    r"|хочу\s+сдохнуть(?!\s+от)|думаю\s+о\s+самоубийстве"
    r"|أريد\s+أن\s+أموت|بدي\s+موت|نفسي\s+[أا]موت|ما\s+في\s+فايدة\s+من\s+وجودي|أنام\s+وما\s+أصحى"
    r"|[أا]نهي\s+حياتي(?!\s*ال)"
    r"|أنتحر|(?:بدي|راح|رح|سوف)\s*[أا]نتحر|سأنتحر|تعبت\s+من\s+الحياة(?!\s*ال)"
    r"|मरना\s+चाह|जीना\s+नहीं\s+चाह|想死(?!你|我|了你)|不想活|想自杀|死にたい|消えたい|生きていたくない|生きたくない|終わりにしたい"
    r"|活着没意思|消えてしまいたい|[أا]فكر\s+(?:في|ب)\s*الانتحار"
    # Bengali, Persian, Nepali
    r"|মরে\s*গেলেই|মরে\s*যেতে\s*চাই|আত্মহত্যা\s*কর|نمی\s*\u200c?\s*خوام\s+زنده\s+باشم"
    r"|قرص\s*\u200c?\s*ها\s*رو\s+جمع\s+کردم"
    r"|बाँच्न\s*चाहन्न|अन्त्य\s*गरिदिऊँ"
)


# Words that crises are said in. The model alone may call a message hopeless at a low bar only
# when one of these is there: without any, "i want EM" or "i want to learn python" read as hopeless
# to it (from "i want to die"), and a plain question got the crisis reply. A crisis said without
# any of them still reaches help when the model is sure (`understand.HOPELESS_BARE_AT`).
_DISTRESS_RE = quick_re.compile(
    r"\b(?:die\w*|dying|died|dead|death|kil\w*|kms|suicid\w*|unaliv\w*|alive|living|live|life|lives|exist\w*|gone|"
    r"disappear\w*|vanish|hopeless|pointless|the point|no point|worthless|burden|better off|give up|giving up|gave up|"
    r"go on|keep going|can t do this|cant do this|hurt\w*|harm\w*|cut|cutting|bled|bleed\w*|slic\w*|burn\w*|"
    r"pills?|meds|overdose|bridge|roof|overpass|jump\w*|rope|crash\w*|into a wall|wak\w* up|sleep forever|goodbyes?|"
    r"sorry for everything|not safe|unsafe|be alone|alone tonight|be around|end it|end things|end this|end my|to end|"
    r"making it|see myself|"
    r"finish myself|to stop|nothing|no future|"
    # "nobody would notice", not "nobody in my family gets why i can't come to thanksgiving"
    r"(?:no one|nobody) (?:would|will|cares?|cared|notices?|misses|miss|loves?|needs?|wants?|to talk to|left)|"
    r"(?:have|got|there s|theres|there is)\s+(?:no one|nobody)|(?:no one|nobody)$|"
    r"no reason|a reason|survive|numb|tired of|anymore|"
    r"done with everything|way out|"
    # the understatements and hints of a plan, and death words in other languages the model half-hears
    r"burden|permanently|go through with it|loose ends|scared of myself|don t mean done|won t be needing|this world|"
    r"balcony|ledge|not for (?:a |the )?patient|magising|mawala|mamatay|morir|morrer|sterben|sinn|mejor sin mi)\b"
)


def distress_words(norm: str) -> bool:
    """Whether the message has any of the words crises are said in (see `_DISTRESS_RE`); "anymore" said of studying
    ("out of gas today, can't study anymore") is tiredness, not one of them."""
    return _DISTRESS_RE.search(_STOP_THINKING_RE.sub(" ", _STUDY_ANYMORE_RE.sub(" ", norm))) is not None


_STOP_THINKING_RE = quick_re.compile(
    r"\bto stop (?:thinking|worrying|obsessing|stressing|stressin|caring) about (?:my\s+|the\s+)?"
    r"(?:scores?|numbers?|step\s*2|ck|the exam|exams|the match|matching|applications?)\b"
)
"""Worry about scores to be done with ("matched psych and i just want to stop thinking about scores forever"):
not one of the words crises are said in."""


_STUDY_ANYMORE_RE = quick_re.compile(
    r"\b(?:study|studying|focus|focusing|read|reading|review|reviewing|do (?:questions|qs|blocks|uworld|anki)|"
    r"look at (?:uworld|questions|qs|anki))\s+(?:today\s+|tonight\s+)?anymore\b"
)


_ASKS_AVERAGE_RE = quick_re.compile(
    # "mean" the noun ("what's the mean for derm", "mean score"), not the verb ("does a late score mean...",
    # "what does this mean for my application")
    # ("derm step 2 mean for matched US MDs?": the mean of the exam's scores, among a group; not "what does my step 2
    # score mean for my chances")
    # ("averages", "avgs", "medians" too: "how do step 2 averages look for FM vs IM", "avgs for PM&R and neuro?")
    r"\b(?:(?:median|average|avg|avrage|averge|avergae|avarage)s?|(?:the|a|its|their)\s+mean\b|mean\s+(?:score|ck"
    r"|step)\b|"
    r"^mean\b|(?:ck|step\s*2|step2)\s+means\b(?!\s+(?:that|for(?!\s+matched)|i|you|we|my|your)\b)|"
    r"(?:ck|step\s*2|step2)\s+mean\s+(?:for|of|among|in)\s+(?:matched|us|imgs?|dos?|applicants|\w+\s+applicants)\b|"
    r"typical(?:ly)?|usually get|usually score|what do (?:people|ppl|matched)|"
    # (not "do signals matter more than step score for psych": the score weighed against something else)
    r"what (?:ck |step\s*2 |step2 )?(?:score|scores) (?:do|does)|competitive score|"
    r"(?<!than )(?<!than step )(?<!than my )(?<!than the )(?<!than ck )(?<!than my ck )(?<!than step 2 )"
    r"(?<!than my step 2 )score (?:range|for)|"
    # how hard the field is on scores: "is neuro forgiving on step 2", "how competitive is derm"
    r"scores for|stats? for|forgiving|how competitive)\b"
)


def asks_average(norm: str) -> bool:
    """An average word ("avg", "median", "what do people get"): with a specialty, the averages frame; not an average
    of their own practice results ("what would 62% average be score-wise")."""
    # (the share is read just before the word: searching the whole text before it cost a long post a scan per match)
    return any(
        not _PERCENT_AVERAGE_BEFORE_RE.search(norm, max(0, m.start() - 6), m.start())
        for m in _ASKS_AVERAGE_RE.finditer(norm)
    )


_PERCENT_AVERAGE_BEFORE_RE = quick_re.compile(r"(?<![\d.])(?<!\bof )\d{2}\s+$")
"""A two-digit share right before an average word: their own practice average ("what would 62% average be"), not
a field's (nor "the class of 24 average")."""


_MATCHED_RE = quick_re.compile(
    r"\b(?:i|we|finally|just|officially|i ve|ive|i have)\s+(?:just\s+|finally\s+|officially\s+|also\s+|both\s+)?"
    r"matched\b"
    # the word first, then what came before it: eight look-backs at every position cost a long post 0.15 ms
    # (not another's: "he also matched in 1998", "she matched into derm")
    r"|\b(?=matched\s)(?<!\bwho )(?<!\bthat )(?<!\bwhich )(?<!\bpeople )(?<!\bapplicants )(?<!\bimgs )"
    # "how many people with a certain score matched in each specialty": counted, not told
    r"(?<!\bscore )(?<!\bscores )(?<!\bmany )(?<!\bmost )(?<!\bstudents )(?<!\bgrads )"
    r"(?<!\bdos )(?<!\bthose )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\balso )matched\s+(?:into|at|to|in)\b"
    # "MATCHED peds!!", not the matched group's figures: "matched uro median is like 250 right?"
    r"|^matched\b(?!\s+(?:\w+\s+){0,2}?(?:median|medians|average|averages|avg|mean|range)\b)"
)
"""Their own match: not the applicants who matched ("averages for IMGs who matched into IM")."""
_NOT_MATCHED_RE = quick_re.compile(
    r"\b(?:didn t|didnt|did not|not|never|if|hope|hoping|don t|dont|won t|wish)\s+(?:\w+\s+){0,2}?match\w*\b"
    r"|\bunmatched\b"
)
"""A match denied, hoped for or supposed, said of the match itself ("the 226 didn't stop me" is still news)."""


_DID_NOT_MATCH_RE = quick_re.compile(
    # news, not a fear or a supposition: not "what if i didn't match", "i haven't matched yet"
    r"(?<!\bif )(?<!\bworried )(?<!\bscared )(?<!\bafraid )"
    # not "i didn't match my top choice but matched my 3rd": a match, just not the first
    r"\b(?:i|i m|im)\s+(?:didn t|didnt|did not)\s+match\w*\b(?!\s+(?:my|at my|to my|into my)\s+(?:top|first|1st|#?1|"
    r"number one|dream))|\bi\s+(?:went\s+)?unmatched\b|(?<!\bif )(?<!\bif i )\bwent unmatched\b"
    r"|\b(?:everyone|all my friends|my whole class|everybody)\s+matched\s+(?:except|but)\s+me\b|\bi m unmatched\b"
    # "got the 'you did not match' email at 11": the NRMP's own words (not "what if i get that email")
    r"|(?<!\bif i )\b(?:got|opened|saw)\s+(?:the\s+|that\s+)?(?:you|u)\s+(?:did not|didn t|didnt)\s+match\b"
    r"|^(?:so\s+|well\s+|welp\s+|ok\s+)?(?:didn t|didnt|did not)\s+match\b(?!\s+(?:my|at my|to my|into my))"
    # a partial match: "i matched prelim but not advanced for gas" (SOAP is open to them too)
    r"|\bmatched\s+(?:a\s+|the\s+|my\s+)?prelim\w*(?:\s+\w+){0,2}?\s+(?:but|and)\s+not\s+(?:the\s+|an?\s+|my\s+)?"
    r"(?:advanced|categorical)\b|\bpartially matched\b"
    # "SOAP tips? didnt match IM": the subject dropped, SOAP beside it says whose match it was
    # (not "is soap only for people who didn't match", a question about others)
    r"|\bsoap\b.{0,25}(?<!\bwho )(?<!\bif )(?<!\bif you )(?<!\bif i )(?<!\bthat )(?<!\bthey )(?<!\byou )"
    r"\b(?:didn t|didnt|did not)\s+match\b"
    r"(?!\s+(?:my|at my|to my|into my))"
    r"|(?:^|(?<!\bif )\b(?:i|so|well|welp|ok)\s+)(?:didn t|didnt|did not)\s+match\b(?!\s+(?:my|at my|to my|into my))"
    r".{0,25}\bsoap\b"
    # "unmatched US MD, 218. soap into prelim or wait a year?": who they are, said first
    r"|^(?:so\s+|well\s+|welp\s+)?unmatched\b(?!\s+(?:applicants?|rates?|students?|imgs?|people|ppl|grads?|spots?|"
    r"positions?|programs?|lists?|slots?|seats?))"
)


def asks_to_explain_score_at_interview(norm: str) -> bool:
    """ "a PD asked why my ck was below my shelves, how should i answer?", "they'll ask about my 229, how do i
    explain it": what to say about the score in an interview, not where it stands."""
    return (
        _EXPLAIN_HOW_RE.search(norm) is not None
        and _INTERVIEW_ASKED_RE.search(norm) is not None
        and _FAIL_WORD_RE.search(norm) is None  # "how do i explain a fail at interviews": the fail's own answer
        # the score said: not "how do i answer 'tell me about yourself'" or "a research gap"
        and _SCORE_SAID_AT_INTERVIEW_RE.search(norm) is not None
    )


_SCORE_SAID_AT_INTERVIEW_RE = quick_re.compile(
    r"\b(?:score|scores|number|ck|step 2|step two|usmle|\d{3}|drop\w*|jump|lower|low|below my)\b"
)


_EXPLAIN_HOW_RE = quick_re.compile(
    r"\bhow (?:do|should|would|can|could) i (?:explain|frame|answer|address|talk about|handle|justify|respond|"
    r"bring up|spin)\b|\bwhat (?:do|should|would|can) i (?:say|tell)\b|\bhow to (?:explain|frame|answer|address)\b"
)
_INTERVIEW_ASKED_RE = quick_re.compile(
    r"\binterview\w*|\b(?:pd|pds|interviewer|program director|attending|they|he|she)\s+(?:literally\s+|just\s+)?"
    r"(?:asked|asks|ask|will ask|ll ask|might ask|may ask)\b"
)


def past_the_match(norm: str) -> bool:
    """Unmatched, or in SOAP now ("didn't match, soap opens in 3 hours", "soap tmrw"): a score set against a
    field's average is no help here; what happens now is."""
    # "soap" said first: the whole weighing scan (about 0.1 ms) runs only on the few messages that name it
    in_soap = "soap" in norm and _MATCHED_IN_SOAP_RE.search(norm) is not None  # "got a spot thru SOAP": placed
    now = not in_soap and (did_not_match(norm) or ("soap" in norm and weighing(norm) == "soap"))
    # "went unmatched last cycle, reapplying IM": a new application, asked about as one
    return now and _EARLIER_CYCLE_RE.search(norm) is None


_MATCHED_IN_SOAP_RE = quick_re.compile(
    r"\b(?:matched|(?:got|landed|won) (?:a|an|my)\s+(?:[\w&/-]+\s+){0,2}?(?:spot|position|place)|soaped|soap d)\b"
    r"[^.?!]{0,30}?\b"
    r"(?:through|in|via|during|thru|into)?\s*(?:the\s+)?soap\b|\bsoap(?:ed|'d| d)\s+into\b"
)
"""A place won in SOAP ("matched FM through SOAP"): the match is behind them, not still to come."""
_EARLIER_CYCLE_RE = quick_re.compile(
    r"\b(?:last (?:year|cycle)|twice|two cycles|second time applying|previous (?:year|cycle)|in 20\d\d|again)\b"
)
"""A cycle past ("went unmatched last cycle"), not "should i soap or reapply" asked today."""


def did_not_match(norm: str) -> bool:
    """ "ugh everyone matched except me", "i didn't match": their own match didn't come, the hardest news."""
    # Every wording holds "match"; the plain test spares a long post the look-backs at every position.
    if "match" not in norm or _DID_NOT_MATCH_RE.search(norm) is None:
        return False
    # "didnt match, got a spot thru SOAP": placed after all, so no longer unmatched
    return "soap" not in norm or _MATCHED_IN_SOAP_RE.search(norm) is None


_NUMB_RE = quick_re.compile(
    r"\bi\s+(?:just\s+|honestly\s+|kind of\s+|kinda\s+)?(?:feel|felt)\s+(?:\w+\s+){0,2}?(?:numb|empty|hollow|flat)\b"
    r"(?!\s+handed)"
    r"|\b(?:feel|felt|feeling)\s+(?:absolutely\s+|honestly\s+|literally\s+|just\s+)?nothing\b"
    r"(?!\s+(?:is|was|works|will|i|makes|sticks|stuck|helps|goes|went|seems|about|but|else|changes|can|has|have|had))"
    r"|\b(?:i m|im|i am)\s+(?:just\s+|so\s+)?"
    r"(?:numb|empty)\b(?!\s+handed)"
)
"""Flat after the news: "got 244 and i honestly feel nothing", "it's fine right? why do i feel empty"."""

Weighing = Literal[
    "grief",
    "unmatched",
    "family",
    "family_hint",
    "first_gen",
    "comparison",
    "partner",
    "numb",
    "lonely",
    "impostor",
    "abroad",
    "body",
    "stupid",
    "pride",
    "guilt",
    "rest_guilt",
    "low_block",
    "worth",
    "calm",
    "excited",
    "waiting",
    "opening",
    "match_wait",
    "soap",
    "anger",
    "overwhelmed",
    "behind",
    "stuck",
    "known",
    "avoidance",
    "high_but_wanted_more",
    "tears",
]
_GRIEF_RE = quick_re.compile(
    r"\b(?:passed away|funeral|grieving|(?<!good )grief|(?:my|our)\s+(?:\w+\s+)?(?:mom|dad|mother|father|"
    r"grand\w+|brother|sister|uncle|aunt|friend|cousin|dog|cat|pet)\s+(?:just\s+)?(?:died|passed)|lost my\s+"
    r"(?:mom|dad|mother|father|grand\w+|brother|sister|best friend|dog|cat))\b"
)
_FEEL_STUPID_RE = quick_re.compile(
    # (not after an interview: "the PD asked why my CK was low, I froze and felt like an idiot" is no question bank)
    r"^(?!.*\b(?:interview\w*|interviewer|pd|program director)\b).*?"
    r"\b(?:feel|feeling|felt|makes me feel)\s+(?:so\s+|really\s+|like\s+an?\s+)?(?:stupid|dumb|idiot)\b"
)
_PARENTS = ("parent", "family", "mom", "dad", "mother", "father")
_WEIGHING: tuple[tuple[Weighing, tuple[str, ...], quick_re.Pattern], ...] = (
    # (what weighs, words every match holds, so the pattern runs only where one is there, the pattern)
    ("grief", ("passed away", "funeral", "griev", "grief", "died", "lost my", "dog passed", "cat passed"), _GRIEF_RE),
    (
        "first_gen",
        ("first",),
        quick_re.compile(r"\bfirst[\s-]*gen\w*\b(?!\s+surg)|\bfirst (?:one |person )?in my (?:whole )?family\b"),
    ),
    (
        "family",
        _PARENTS,
        quick_re.compile(
            r"\b(?:parents|family(?!\s+med)|mom|dad|mother|father)\b.{0,60}\b(?:expect\w*|pressur\w*|disappoint\w*|"
            r"(?:let|lets|letting) (?:them|her|him|everyone|everybody) down|(?:never|not|won t) be proud|"
            # "my family spent all this money": what they gave for it, weighing on the result
            r"(?:spent|sacrificed|paid)\s+(?:all\s+)?(?:this|that|so much|their|the)\s+(?:\w+\s+)?(?:money|savings)"
            r"(?=.*\b(?:for nothing|if i|wasted|under \d{3}|fail\w*)\b))\b"
            r"|\b(?:family|parental) pressure\b"
            # "cant tell my parents my score. they think im gonna be a surgeon": the news kept from them
            r"|\b(?:can t|cant|cannot|afraid to|scared to|don t know how to|dont know how to|how do i)\s+tell\s+"
            r"(?:my\s+)?(?:parents|family|mom|dad|mother|father)\b"
        ),
    ),
    (
        # weaker signs of the same ("my parents keep asking", "any score under perfect is failure"): named only
        # beside a feeling the message carries (`talk.acknowledge`)
        "family_hint",
        _PARENTS,
        quick_re.compile(
            r"\b(?:parents|family(?!\s+med)|mom|dad|mother|father)\b.{0,60}\b(?:count\w* on|sacrific\w*|keeps? asking|"
            r"compar\w*|perfect|failure|good enough)\b"
        ),
    ),
    (
        # "i feel like an impostor, everyone else is smarter": not belonging, said plainly
        "impostor",
        ("impost", "fraud", "belong", "smarter", "fluke"),
        quick_re.compile(
            r"\b(?:impost[eo]r|imposter syndrome|(?:a|such a|total) fraud|"
            r"(?:don t|do not|dont) belong(?!\s+(?:in this world|on this earth|anywhere|alive))|"
            r"(?:everyone|everybody|they re all|they are all)(?:\s+(?!says?\b|said\b|told\b|makes?\b)\w+){0,4}?\s+"
            r"(?:else\s+)?"
            r"(?:is\s+|s\s+|are\s+|seems?\s+|looks?\s+)?(?:so\s+|way\s+)?smarter|"
            # "my 250 was a fluke and i dont actually know anything"
            r"my\s+(?:\w+\s+)?(?:\d{3}|score|result|pass)\s+(?:was|is)\s+(?:just\s+)?a\s+fluke)\b"
        ),
    ),
    (
        "comparison",
        (
            "everyone",
            "everybody",
            "classmates",
            "people",
            "ppl",
            "friend",
            "classmate",
            "roommate",
            "intern",
            "resident",
            "reddit",
            "insta",
            "sdn",
            "group chat",
            "cohort",
            "class",
            "compar",
            "better",
            "worst",
        ),
        quick_re.compile(
            # "co-intern keeps bragging about his 270": one colleague's boasting, felt
            r"\bco[- ]?(?:interns?|residents?)\b.{0,40}\b(?:brag\w*|flex\w*|show\w* off)\b|"
            r"\b(?:everyone|everybody|classmates|people|ppl|friends|co-?interns|reddit|insta\w*|sdn|group chat|"
            # not a program's residents or a figure cited: "everyone they match has 245+", "the numbers people cite"
            r"cohort)\b(?!\s+(?:they|who|that|whom|cite\w*|quote\w*|here)\b)"  # "older cohort here": who they are
            r".{0,50}\b(?:(?:post\w*|flex\w*|brag\w*|got|getting|scor\w*)\b.{0,20}\b(?:2[4-9]\d|higher|better)|"
            r"(?:have|has|had)\b.{0,20}\b2[4-9]\d)|"
            r"\bcompar\w* myself\b"
            # one person beside them, set against their own: "my friend got 262 and i'm over here with 241" (not
            # "my friend got 262 in derm, what's the average?", a figure told)
            r"|\bmy (?:best |close )?(?:friend|classmate|roommate)\b.{0,30}\b(?:got|scored|has|had)\b.{0,20}"
            r"\b2[4-9]\d\b.{0,20}\b(?:and|but|while)\s+(?:i m|im|i|me)\b.{0,30}"
            r"\b(?:over here|stuck|only|just|feel\w*|dumb|stupid|behind|lol|meanwhile|can ?t (?:even )?look|jealous|"
            r"envious|hate)\b"
            # "everyone on my interview day had way better stats... pretty sure im the worst one there"
            r"|\b(?:everyone|everybody|they|others|other (?:people|applicants|candidates)|people|ppl|classmates)\b"
            r"(?:\s+\w+){0,4}?\s+(?:had|has|have|with)\s+(?:way |much |so much )?better (?:stats|scores|numbers|apps)\b"
            r"|\b(?:i m|im|i am|i was)\s+(?:\w+\s+){0,2}?the worst (?:one|applicant|candidate|interviewee)\b"
            r"(?!\s+at\b)"
            r"|\b(?:everyone|everybody|classmates|class|friends|group chat|cohort)\b.{0,30}"
            r"\bpost\w*\s+(?:their|all their|the)\s+(?:scores?|results?|numbers?)\b"
            # "everyone in my group chat has 10+": their interview counts beside the student's few
            r"|\b(?:everyone|everybody|classmates|people|ppl|friends|group chat|cohort)\b"
            r"(?!\s+(?:they|who|that|whom|cite\w*|quote\w*|here)\b).{0,50}"
            # (not the student's own count after it: "...the numbers people cite are 255. i have 9 interviews")
            r"(?<!\bi )\b(?:has|have|got|getting|with)\s+(?:like\s+)?(?:\d{1,2}\s+(?:interviews|invites|iis)|"
            r"\d{2}\s*\+?(?=\s+(?:i|and|but|so|while|already)\b|$)|double digits?|so many|way more)(?!\w)"
        ),
    ),
    (
        # "my wife got 262 and I got 237... I feel pathetic": someone close's result beside theirs, and how it feels
        "partner",
        (
            "wife",
            "husband",
            "partner",
            "fianc",
            "boyfriend",
            "girlfriend",
            "bf",
            "gf",
            "friend",
            "roommate",
            "twin",
            "brother",
            "sister",
        ),
        quick_re.compile(
            r"\b(?:wife|husband|partner|fianc\w*|boyfriend|girlfriend|bf|gf|best friend|roommate|twin|brother|"
            r"sister)\s+"
            r"(?:got|scored|had)\s+(?:an?\s+)?(?:1\d\d|2\d\d)\b.{0,160}\b(?:(?:feel|felt|feeling)\s+"
            r"(?:so\s+|really\s+|kind of\s+|kinda\s+)?"
            r"(?:pathetic|stupid|dumb|inadequate|behind|worse|bad|like a failure|embarrassed|ashamed|small|jealous|"
            r"useless|like (?:trash|garbage|crap|shit|a loser)|terrible|awful|horrible)\b|not a competition|"
            r"feels like (?:one|a competition))"
        ),
    ),
    ("numb", ("nothing", "numb", "empty", "hollow", "flat"), _NUMB_RE),
    (
        "lonely",  # "nobody tells you how lonely dedicated is", "I talk to my qbank more than people"
        ("lonely", "isolat", "alone", "no one", "nobody"),
        quick_re.compile(
            r"\b(?:lonely|loneliness|so isolat\w*|feel\w* isolat\w*|feel\w* (?:so )?alone|talking to no one|"
            r"talk to no one|"
            r"no one to talk to|nobody to talk to)\b"
        ),
    ),
    (
        "abroad",
        ("img", "fmg", "international"),
        quick_re.compile(r"\b(?:img|fmg|international grad\w*)\b.{0,80}\b(?:behind|alone|no support|left out)\b"),
    ),
    (
        "body",
        ("eat", "sleep", "slept", "insomnia"),
        quick_re.compile(
            r"\b(?:can t|cant|cannot|haven t been able to)\s+(?:eat|sleep)\b|\bnot (?:eating|sleeping)\b(?!\s+in\b)"
            r"|\binsomnia\b"
            r"|\b(?:haven t|havent|have not|hasn t)\s+(?:eaten|slept)\b"
            r"(?!\s+(?:since\s+|much since\s+)?(?:breakfast|lunch|dinner|yet|in my own bed))"
        ),
    ),
    ("stupid", ("stupid", "dumb", "idiot"), _FEEL_STUPID_RE),
    (
        "low_block",  # "i'm cooked. 49% on a timed block", "another 58% block. why am i like this"
        ("block",),
        quick_re.compile(
            # anchored at the start: unanchored, each position would scan the whole post again; not the real exam's
            # blocks ("felt like garbage walking out, marked like 15 per block")
            r"\A(?!.*\b(?:marked|flagged|walk(?:ed|ing) out)\b)"
            r"(?=.*\b(?:cooked|why am i like this|ugh+|dumb|stupid|hate|terrible|awful|pathetic|trash|rough|bad|"
            r"garbage|kill me|done for|doomed|wtf|fml)\b)"
            # a result, not a length or a count ("16 blocks and 45 minutes of break")
            r"(?:.*\b[1-6]\d\b(?!\s*(?:min|hour|hr|sec|question|qs?\b|blocks\b)).{0,25}\bblocks?\b"
            r"|.*\bblocks?\b.{0,25}\b[1-6]\d\b(?!\s*(?:min|hour|hr|sec|question|qs?\b)))"
        ),
    ),
    (
        "worth",  # "does a 220 mean i'm a bad doctor": the score taken as a verdict on them
        ("doctor", "physician", "cut out"),
        quick_re.compile(
            r"\b(?:bad|terrible|worse|lesser|mediocre|incompetent)\s+(?:doctor|physician|resident)\b"
            r"|\bnot cut out (?:for|to be)\b"
        ),
    ),
    (
        "excited",  # "is it weird that I'm kinda excited for test day": looking forward to it, asked about
        ("excited", "looking forward", "pumped", "hyped"),
        quick_re.compile(
            r"(?<!\bnot )(?<!\bnot really )(?<!\bnt )(?<!\bnever )"
            r"\b(?:excited|looking forward|pumped|hyped)\s+(?:for|about|to)\s+(?:take\s+|sit\s+|do\s+)?"
            r"(?:the\s+|my\s+)?(?:test day|exam day|exam|test|ck|step 2|it)\b(?!\s+to be (?:over|done))"
        ),
    ),
    (
        "calm",  # "feeling weirdly calm today, exam monday. is that bad"
        ("calm",),
        quick_re.compile(
            r"(?<!how can i )(?<!how do i )(?<!how to )\b(?:weirdly|strangely|oddly|surprisingly|really|so|very|"
            r"feel\w*|felt|pretty|super)\s+calm\b(?!\s+(?:on|during|for|before)\s+(?:exam|test)\s+day)"
        ),
    ),
    (
        "rest_guilt",  # "guilty for taking a nap": guilt over resting, not over the people around them
        ("guilt",),
        quick_re.compile(
            r"\bguilt\w*\b.{0,40}\b(?:nap\w*|rest\w*|sleep\w*|slept|days? off|break|relax\w*|going out|went out)\b"
            r"|\b(?:nap\w*|rest day|day off|break)\b.{0,30}\bguilt\w*"
            # "burnt out. havent opened uworld in 4 days and i feel guilty": the days not studied, felt as guilt
            r"|\b(?:haven t|havent|have not|didn t|didnt)\s+(?:studied|opened|touched|done)\b.{0,40}\bguilt\w*"
        ),
    ),
    (
        "guilt",
        ("guilt",),
        quick_re.compile(r"\b(?:feel\w*|felt)\s+(?:so\s+|really\s+|super\s+|kinda\s+)?guilty\b|\bguilt\b"),
    ),
    (
        "waiting",
        ("wait", "refresh", "replay", "score", "result"),
        quick_re.compile(
            r"\b(?:the wait(?:ing)?|waiting (?:for|on) (?:my|the) (?:ck |step 2 )?(?:score|result)s?)\b.{0,30}"
            r"\b(?:killing|torture|worst|hard|unbearable|awful|brutal)\b"
            r"|\b(?:keep|can t stop|cant stop|stop)\s+(?:refreshing|replaying|checking my email)\b"
            # "waiting for CK is worse than the exam tbh": the wait weighed against the exam itself
            r"|\bwaiting (?:for|on) (?:my\s+)?(?:ck|step 2|the score|my score|results?|the results?)\b.{0,15}"
            r"\b(?:worse|harder|the worst|hell|torture)\b"
            # "3 weeks of waiting already... every time my phone buzzes i feel sick"
            r"|\b(?:\d+|two|three|four|five|six)\s+(?:weeks?|wks?|days?)\s+of\s+waiting\b"
            # "this score decides everything. drops wednesday and i literally cant breathe": the day it comes, said
            r"|\b(?:score|result|it)\b.{0,40}\bdrops?\s+(?:on\s+)?(?:this\s+)?(?:monday|tuesday|wednesday|thursday"
            r"|friday|"
            r"wed|weds|next week|this week)\b"
            # "refreshed the score page a hundred times": the wait, counted in refreshes
            r"|\brefresh(?:ed|ing)?\s+(?:the\s+|my\s+)?(?:score\s+|usmle\s+|results?\s+)?(?:page|site|email|inbox)\b"
            # the night before it comes, said and nothing more: "score tmrw 🙃🙃🙃"
            r"|^(?:my\s+)?(?:score|scores|results?|ck score)\s+(?:is\s+|are\s+|comes?\s+out\s+|drops?\s+)?"
            r"(?:tmrw|tomorrow|tmr|tonight)\s*$"
        ),
    ),
    (
        "opening",
        ("score", "result", "email", "inbox"),  # the score said somewhere in the message, before or after
        # "the score email is in my inbox and i can't open it": the score is there, unread
        quick_re.compile(
            r"\b(?:can t|cant|cannot|can not|scared to|afraid to|too scared to|not ready to|don t want to|dont want to)"
            r"\s+(?:(?:literally|really|just|even|actually)\s+)?(?:(?:bring|make|get|force) myself (?:to\s+)?)?"
            r"(?:open|click|look at)\b"
            # a page that won't load is no score feared: "can't open the score report pdf, it says error"
            r"(?!.*\b(?:app|account|form|pdf|link|website|site|portal|incorrects|calendar|error|expired|down"
            r"|load\w*)\b)"
        ),
    ),
    (
        "match_wait",
        ("certif", "match"),
        # "rank list is certified. now i just wait": the work done, Match Day ahead (not ECFMG's certification)
        quick_re.compile(
            r"\b(?:rank list|rol)\b.{0,20}\bcertif\w*|\bcertif\w*\s+(?:my\s+|the\s+|our\s+)?(?:rank list|rol)\b"
            r"|\bwaiting (?:for|on) match day\b"
        ),
    ),
    # "it's SOAP week", "what if I end up in SOAP": the week itself, not a question about how SOAP works
    (
        "soap",
        ("soap",),
        quick_re.compile(
            r"\bsoap week\b|\b(?:am|i m|im)\s+(?:in\s+)?soap(?:ing)?\b"
            # "soap opens in 3 hours", "soap tmrw": the day itself, close
            r"|\bsoap\s+(?:tmrw|tomorrow|today|tonight|starts|begins|opens|is (?:tomorrow|today|tmrw|monday))\b"
            r"|\bsoap\b[^.?!]{0,40}\b(?:crying|cry|panic\w*|scared|terrified|shaking|hours?)\b"
        ),
    ),
    (
        # a retake's shame as being watched: "i keep thinking everyone at school knows"
        "known",
        ("knows", "know about", "found out"),
        quick_re.compile(
            r"^(?=.*\b(?:fail\w*|retak\w*|retest\w*|second attempt|2nd attempt|didn t pass|didnt pass)\b)"
            r".*\b(?:everyone|everybody|people|the whole class|my class|classmates)\b(?:\s+\w+){0,3}?\s+"
            r"(?:knows|know about (?:it|my)|found out|can tell|talking about (?:it|me))\b"
            r"(?!\s+(?:uworld|the|that|how|what|nbmes?|amboss|it s|its)\b)"
        ),
    ),
    (
        # "havent studied in 4 days. cant open uworld without feeling sick": dread of the books, not laziness
        "avoidance",
        ("studied", "studying", "open", "look at"),
        quick_re.compile(
            # not with a reason, a glitch, joy or the exam behind them: "on call", "subscription expired", "feels
            # amazing", "took ck yesterday"
            r"^(?!.*\b(?:because|bc|on call|was sick|been sick|got sick|error|subscription|sync|expired|crash\w*|"
            r"login|app|ipad|phone|"
            r"amazing|great|nice|so good|took (?:ck|it|the exam|step 2)|after the exam|exam is over|done with)\b)"
            r".*(?:\b(?:haven t|havent|have not|hasn t)\s+(?:studied|touched (?:uworld|anki|my qbank|anything))\s+"
            r"(?:in|for)\s+(?:\d+|a|two|three|four|five|a few|several)\s+(?:days?|weeks?)\b"
            r"|\b(?:can t|cant|cannot)\s+(?:even\s+)?make myself\s+(?:study|open|start|do)\b"
            r"|\b(?:can t|cant|cannot)\s+(?:even\s+)?(?:open|look at|face)\s+"
            r"(?:uworld|anki|my qbank|the qbank|my notes|the books|amboss)\b)"
        ),
    ),
    ("overwhelmed", ("overwhelm",), quick_re.compile(r"\boverwhelm(?:ed|ing)\b")),
    (
        "behind",
        ("behind", "started", "begun"),
        quick_re.compile(
            r"\b(?:so |really |way |super |hopelessly )?behind\b(?!\s+(?:me|us|them|the wheel))"
            # "i have 3 weeks and havent started uworld": behind, said as what hasn't begun
            r"|\b(?:haven t|havent|have not|not|never)\s+(?:even\s+|really\s+|yet\s+)?(?:started|begun)\s+(?:on\s+)?"
            r"(?:uworld|amboss|studying|dedicated|my qbank|the qbank|a qbank|anything|prep|my prep|anki|questions|qs)\b"
        ),
    ),
    (
        "stuck",
        ("stuck", "plateau", "haven t moved", "not moving", "not improving"),
        quick_re.compile(
            r"\b(?:stuck|plateau\w*|haven t moved|not moving|not improving)\b"
            r"(?=.{0,40}\b(?:nbme|uwsa|score|scores|percent|uworld|qbank|\d{3})\b)"
            r"|\b(?:nbme|uwsa|score|scores|uworld)\w*\b.{0,40}\b(?:stuck|plateau\w*|haven t moved|not moving)\b"
        ),
    ),
    (
        "anger",
        ("angry", "furious", "pissed", "mad at"),
        quick_re.compile(r"\b(?:so\s+|really\s+)?(?:angry|furious|pissed)\s+(?:at|with|about)\b|\bmad at (?!myself)"),
    ),
    (
        "pride",
        ("proud",),
        # never "my dad will never be proud of me", "not so proud of my 205"; the words first, then the look-backs
        quick_re.compile(
            r"\b(?=proud of (?:myself|me)\b|i m (?:so |really |actually |kinda )?proud\b)"
            r"(?<!\bnot )(?<!\bnever )(?<!\bnot so )(?<!\bnever be )(?<!\bnot be )"
        ),
    ),
)


@lru_cache(maxsize=64)  # asked by several rules of one message; each scan is some twenty patterns
def weighing(norm: str) -> Weighing | None:
    """What they say weighs on them: a loss, not matching, family expectations, being first-generation,
    comparing themselves with others, studying as an IMG with little support, not sleeping or eating,
    feeling stupid in the question bank, or pride."""
    if "match" in norm and did_not_match(norm) and not _GRIEF_RE.search(norm):
        return "unmatched"  # "i didn't match the last two cycles": the hardest news, named as such
    return next((kind for kind, words, pattern in _WEIGHING if holds_any(norm, words) and pattern.search(norm)), None)


def low_day(norm: str) -> bool:
    """A day's work told as a bad one ("55% ugh", "psych killed me"): no "good work" after it."""
    return _LOW_DAY_RE.search(norm) is not None


_LOW_DAY_RE = quick_re.compile(
    r"\b(?:ugh+|killed me|kill(?:ed|ing) me|rough|brutal|awful|terrible|horrible|bombed|tanked|destroyed|wrecked|"
    r"sucked|sucks|struggl\w*|meh|not great|bad day|rough day|disaster|"
    # "did 80 today. 58% worse than yesterday": a day measured against the one before and found lower
    r"worse than (?:yesterday|last (?:time|week|block)|before)|(?:went|going|trending) down)\b"
)


def blames_the_score(norm: str) -> bool:
    """The score asked about as the reason things go badly ("is the score what's holding me back")."""
    return _BLAMES_SCORE_RE.search(norm) is not None


_BLAMES_SCORE_RE = quick_re.compile(
    r"\b(?:score|ck|step 2)\b.{0,25}\b(?:holding me back|the (?:reason|problem|issue)|why i (?:didn t|didnt|m not))\b"
)


def asks_about_accommodations(norm: str) -> bool:
    """Testing accommodations asked about ("do I need accommodations approved before scheduling"), not a hotel's,
    and not a plan asked for by a student who has them ("i have accommodations approved, make me a plan")."""
    return (
        _ACCOMMODATIONS_RE.search(norm) is not None
        and _LODGING_RE.search(norm) is None
        and _PLAN_NOUN_RE.search(norm) is None  # "make me a plan" (not "before scheduling the exam date")
    )


_ACCOMMODATIONS_RE = quick_re.compile(
    r"\baccommodations?\b|\bseparate (?:testing|test|exam) room\b|\bextended testing time\b|\btime and a half\b"
    r"|\bdisability services\b"
)
_ACCOMMODATION_ASKED_RE = quick_re.compile(
    _ACCOMMODATIONS_RE.pattern + r"|\b(?:separate|private) room\b|\bextended time\b(?! off)"
    r"|\bextra (?:testing )?time (?:on|for) (?:ck|step|the exam)\b(?! breaks?)"
)
"""Beside a condition told, wider: "a separate room", "extended time" (alone they may be a study room or time off)."""
_LODGING_RE = quick_re.compile(r"\b(?:hotels?|airbnb|motel|lodging|stay|place to stay|inn)\b")


def comlex_alone(norm: str) -> bool:
    """COMLEX named ("L2 was 545", "comlex 2 = 530") by a student who took no USMLE: Step 2 CK's averages are
    another exam's scale for them."""
    return _names_comlex(norm) and without_the_usmle(norm)


def _names_comlex(norm: str) -> bool:
    """COMLEX named: "comlex", "level 2" beside a DO or a score on its scale, "L2 545"."""
    return holds_any(norm, ("comlex", "level", "lvl", "l2", "l 2")) and _COMLEX_RE.search(norm) is not None


def plans_the_usmle(norm: str) -> bool:
    """Step 2 CK weighed as an exam still to take ("is it too late to take CK in October", "should i take step 2
    too"): its averages are a target then, even for a DO on COMLEX so far."""
    return _PLANS_THE_USMLE_RE.search(norm) is not None


_PLANS_THE_USMLE_RE = quick_re.compile(
    r"\b(?:should i|to|will|ll|going to|gonna|planning to|plan to|thinking of|thinking about|too late to|worth it to)"
    r"\s+(?:also\s+|still\s+|just\s+)?(?:take|taking|sit|sitting|add|adding)\s+(?:the\s+)?(?:usmle|step\s*2|ck)\b"
)


def without_the_usmle(norm: str) -> bool:
    """COMLEX alone, no USMLE taken ("I only took COMLEX", "did not take USMLE", "is COMLEX enough")."""
    return _NO_USMLE_RE.search(norm) is not None


_NO_USMLE_RE = quick_re.compile(
    r"\b(?:did not|didn t|didnt|never|not|won t|wont)\s+(?:take|taking|took|sit|sat)\s+(?:the\s+|any\s+)?"
    r"(?:usmle|step\s*(?:1|2)|ck)\b|\bcomlex only\b|\bonly (?:took|take|have|did) comlex\b|\bwithout (?:the\s+)?usmle\b"
    r"|\bis comlex (?:alone )?enough\b"
    # "no USMLE", "USMLE CK not taken", "haven't taken step 2", "skipping the USMLE"
    r"|\bno (?:usmle|step\s*2)\b(?!\s+(?:ck\s+)?(?:scores?|results?|yet)\b)"
    r"|\b(?:usmle|step\s*2)(?:\s+ck)?\s+(?:not|never)\s+taken\b"
    r"|\b(?:haven t|havent|have not)\s+(?:taken|sat)\s+(?:the\s+|any\s+)?(?:usmle|step\s*2|ck)\b"
    r"|\bskipp\w*\s+(?:the\s+)?usmle\b"
)


def score_out(norm: str) -> bool:
    """The score is out, told without the number ("score came out and I'm so disappointed")."""
    return _SCORE_OUT_RE.search(norm) is not None


_SCORE_OUT_RE = quick_re.compile(
    # not a day still ahead ("scores come out tomorrow") nor the wait asked about ("when do scores come out")
    r"\b(?:score|scores|result|results)\s+(?:just\s+)?(?:came\s+(?:out|back|in)\b|(?:posted|released)\b"
    r"(?!\s+(?:on|in|next|tomorrow|tmrw|this)\b))"  # not "scores released next week"
    # present tense only when not a day still ahead nor the wait asked about ("scores come out tomorrow",
    # "when do scores come out")
    r"|\b(?<!when )(?<!when do )(?<!until )(?<!till )(?:score|scores|result|results)\s+(?:come|is|are)"
    r"\s+(?:out|back|in)\b(?!\s+(?:tomorrow|tmrw|tmr|on|next|this|in \d|later|soon|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b)"
    r"|\bgot my (?:ck |step 2 )?(?:score|result)s?\b|\bopened (?:my|the) (?:score|result)"
    # the exam's name for its result: "my ck came out this morning", "step 2 came back today"
    r"|\b(?:my\s+)?(?:ck|step 2|step2|s2)\s+(?:just\s+)?came\s+(?:out|back)\b(?!\s+(?:tomorrow|tmrw|next|on|in \d))"
)


def percentile_said(norm: str) -> int | None:
    """A percentile named ("is the 90th percentile like 260", "70th percentile good for gen surg?"), or None; not a
    rank ("top 25 percentile", "bottom 10th percentile"), which is another reading."""
    said = _PERCENTILE_SAID_RE.search(norm)
    return int(said.group(1)) if said is not None else None


_PERCENTILE_SAID_RE = quick_re.compile(
    r"(?<!\btop )(?<!\bbottom )(?<!\btop the )\b([1-9]\d?)\s*(?:st|nd|rd|th)?\s+(?:percentile|pctl)\b"
)


def result_in_hand(norm: str) -> bool:
    """Their own result, in hand and not told ("got my score and it's lower than every practice test"); not a
    practice form's or a shelf's, named anywhere in the sentence ("got my results back from form 14")."""
    found = _RESULT_IN_HAND_RE.search(norm)
    return found is not None and _PRACTICE_RESULT_AFTER_RE.match(norm, found.end()) is None


_PRACTICE_RESULT_AFTER_RE = quick_re.compile(
    # "got my results back from form 14", "got my score today for uworld self assessment 2", "...report for my shelf"
    r"[^.?!]{0,20}?\b(?:from|for|on|of|in)\s+(?:\w+\s+){0,3}?"
    r"(?:nbme|uwsa\w*|free 120|practice|cms|shelf|shelves|uworld|amboss|self assessment|form \d+|qbank)\b"
)


_RESULT_IN_HAND_RE = quick_re.compile(
    # (not "got my score on uwsa2": a practice test's)
    r"\b(?:got|received|opened)\s+my\s+(?:ck\s+|step 2\s+|real\s+|actual\s+|official\s+)?(?:score|results?)\b"
    r"(?!\s+(?:on|for|from|in)\s+(?:the\s+|my\s+|a\s+)?(?:nbme|uwsa|free|practice|cms|shelf|uworld|amboss|self|block))"
    r"(?!\s+(?:back\s+)?up\b)"
    # "scored 20 pts below my nbmes": the real result, set against the practice tests
    r"|\bscored\s+(?:\d+\s*(?:points?|pts?)\s+|way\s+|much\s+)?(?:below|under|lower than|less than)\s+"
    r"(?:all\s+(?:of\s+)?|every\s+|each\s+(?:of\s+)?|any\s+(?:of\s+)?)?my\s+(?:practice|nbme|uwsa|self|predict)\w*"
)


def just_venting(norm: str) -> bool:
    """ "i just need to vent", "venting, no question": to be listened to, whatever fields the story names."""
    return _VENTING_RE.search(norm) is not None


_VENTING_RE = quick_re.compile(
    r"\b(?:just\s+)?(?:need|needed|want|wanted|have)\s+to\s+vent\b|\bjust\s+venting\b|\bvent(?:ing)?\s+(?:post|sesh"
    r"|session)\b"
)


def asks_for_reassurance(norm: str) -> bool:
    """ "can you just tell me it's going to be ok": comfort asked for, a worry, not small talk."""
    return _REASSURE_RE.search(norm) is not None


_REASSURE_RE = quick_re.compile(
    r"\b(?:tell|say|promise)\s+(?:me\s+)?(?:that\s+)?(?:it|it s|it ll|everything|i ll|i m|i am|i will|i)\s+"
    r"(?:is\s+|s\s+|will\s+|ll\s+|m\s+|am\s+)?(?:going to|gonna)?\s*(?:be\s+)?(?:ok|okay|fine|alright|all right|pass)\b"
)


def compares_the_steps(norm: str) -> bool:
    """Step 1 and Step 2 CK set side by side in words ("is ck harder", "does step 1 predict ck")."""
    return _STEPS_COMPARED_RE.search(norm) is not None


_STEPS_COMPARED_RE = quick_re.compile(
    r"\b(?:harder|easier|differ\w*|vs|versus|compar\w*|predict\w*|correlat\w*|translat\w*|convert\w*|"
    r"same as|like step)\b"
)


def without_practice_results(text: str) -> str:
    """The text with its practice results cut to their test's name ("nbme 9 200" -> "nbme"): what a result
    means is asked in the words around it, and a form's number would match the answer on comparing forms."""
    return _RESULT_RE.sub(lambda m: m.group(1), text)


_RESULT_RE = quick_re.compile(
    rf"\b({PRACTICE_TESTS})\s*#?\s*(?:\d{{1,2}}|form \d{{1,2}})?\s*(?:[:=-]|was|is|of|got)?\s*\d{{3}}\b", re.I
)


def told_latest_first(text: str) -> bool:
    """The later result said first: "nbme 13: 229, up from 218 on nbme 9" (not "went from 218 to 229")."""
    return _LATEST_FIRST_RE.search(text.lower()) is not None


_LATEST_FIRST_RE = quick_re.compile(
    r"\b(?:up|down|rose|fell|dropped|jumped|climbed|improved|went up|went down)\s+(?:\w+\s+){0,2}from\s+"
    r"(?:an?\s+|my\s+)?"
    r"\d{3}\b(?!\s*(?:to|->|→)\s*(?:an?\s+)?\d)"
)


def latest_then_earlier(text: str, first: int) -> bool:
    """The latest result said first, then the earlier ones in their order: "took UWSA2 today: 247. Before that
    NBME 9 236, NBME 10 241" (`first` is the first result said)."""
    low = text.lower()
    said = re.search(rf"(?<!\d){first}(?!\d)", low)
    if said is None:
        return False
    told = _EARLIER_AFTER_RE.search(low, said.end())
    if told is None or re.search(r"\d{3}", low[said.end() : told.start()]):
        return False  # not said right after the first result
    # earlier results listed after it, and nothing later-dated after them ("before that I hadn't touched a qbank.
    # then NBME 12 244 last week" runs forward again)
    listed = re.split(r"[.!?\n]", low[told.end() :], maxsplit=1)[0]
    return re.search(r"\d{3}", listed) is not None and _LATER_RE.search(low, told.end()) is None


_EARLIER_AFTER_RE = quick_re.compile(
    r"\b(?:before that|before this|before it|prior to that|previously|earlier ones?)\b"
)
"""Said right after the first result, before the earlier ones are listed: the first said was the latest."""
_LATER_RE = quick_re.compile(r"\b(?:then|after that|later|yesterday|today|last week|recently|now)\b")


def dated_newest_first(text: str, scores: Sequence[int]) -> bool:
    """Each practice result dated, the newest said first: "Today: NBME 14, 238. Last week: NBME 13, 242"."""
    low = text.lower()
    spots: list[tuple[int, int]] = []
    at = 0
    for score in scores:
        found = re.search(rf"(?<!\d){score}(?!\d)", low[at:])
        if found is None:
            return False
        spots.append((at + found.start(), at + found.end()))
        at += found.end()
    if len(spots) < 2:
        return False
    # The date goes before each result ("Today: 238") or after it ("238 today"): the first result says which
    before = _date_before(low, 0, spots[0][0]) is not None
    ages = [
        _date_before(low, spots[i - 1][1] if i else 0, start)
        if before
        else _date_after(low, end, spots[i + 1][0] if i + 1 < len(spots) else len(low))
        for i, (start, end) in enumerate(spots)
    ]
    known = [a for a in ages if a is not None]
    return len(known) == len(ages) and all(a < b for a, b in pairwise(known))


DATE_REACH = 30
"""How far before a result its date may stand ("Today: NBME 14, 238"); after it, half as far ("238 today")."""


def _date_before(low: str, start: int, at: int) -> int | None:
    """The age in days of the date said just before the result at `at` (after `start`), if it is the result's own."""
    found = list(_AGE_RE.finditer(low, start, at))
    if not found or at - found[-1].end() > DATE_REACH:
        return None
    m = found[-1]
    return None if _not_the_results_date(low, m, at) else _days(m)


def _date_after(low: str, end: int, stop: int) -> int | None:
    """The age in days of the date said just after the result ending at `end` (before `stop`), if it is its own."""
    m = _AGE_RE.search(low, end, stop)
    if m is None or m.start() - end > DATE_REACH // 2 or re.search(r"\d", low[end : m.start()]):
        return None
    return _days(m)


def _not_the_results_date(low: str, m: re.Match[str], at: int) -> bool:
    """A date said of something else: the exam or a wedding ("exam is today, my nbme 11 was 232"), or another result
    standing between it and this one ("free 120 today 78%, nbme 14 245")."""
    return (
        _DAY_OF_ANOTHER_RE.search(low, max(0, m.start() - 16), m.start()) is not None
        or re.search(r"\d+\s*%|\b\d{3}\b", low[m.end() : at]) is not None
    )


_DAY_OF_ANOTHER_RE = quick_re.compile(r"\b(?:exam|test|ck|step 2|wedding|interview|flight|shift|birthday|party)\b")
"""What a date may be said of instead of a practice result, just before it ("exam is today")."""
_AGE_RE = quick_re.compile(
    r"\b(?:(?P<today>today|tonight|this morning|this afternoon|this evening|just now)|(?P<yesterday>yesterday)|"
    r"(?P<n>\d{1,2}|a|one|two|three|four|five|six)\s+(?P<unit>days?|weeks?|months?)\s+ago|"
    r"last (?P<last>week|month))\b"
)
"""When a result was taken, said beside it: "today", "yesterday", "3 days ago", "two weeks ago", "last week"."""
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _days(m: re.Match[str]) -> int:
    """How many days ago a date said ("today", "two weeks ago", "last month") is."""
    if m.group("today"):
        return 0
    if m.group("yesterday"):
        return 1
    if m.group("last"):
        return _UNIT_DAYS[m.group("last")]
    n = m.group("n")
    return (int(n) if n.isdigit() else _COUNTS[n]) * _UNIT_DAYS[m.group("unit").rstrip("s")]


def order_told(text: str) -> bool:
    """Practice results given in the order they came ("231, then 238, now 244", "240 -> 251")."""
    return _ORDER_RE.search(text.lower()) is not None


_ORDER_RE = quick_re.compile(
    r"->|→|\b(?:then|now|latest|most recent|went|going (?:up|down)|trend\w*|progress\w*|over time|in order|"
    r"since|after that|followed by|improv\w*|"
    r"climb\w*|rose|jump\w*|first (?:one|was)|last (?:one|was)|"
    # "started at 209 on NBME 9, just got 241 on UWSA2", "NBMEs so far: 9 was 228, 11 was 235"
    r"started (?:at|with|off at|off with)|baseline|just got|so far|from \d{3} to)\b"
)


def says_a_drop(norm: str) -> bool:
    """A practice score said to have fallen ("uwsa2 dropped 15 points", "my nbmes keep going down")."""
    return _DROP_RE.search(norm) is not None


_DROP_RE = quick_re.compile(
    r"\b(?:drop\w*|fell|fall\w*|went down|go(?:ing)? down|decreas\w*|lower|tank\w*|worse|declin\w*|plummet\w*|dip\w*)\b"
)


def asks_which_fields(norm: str) -> bool:
    """Which fields a score fits, asked even with a field named beside it ("derm and ortho have crossed my mind but what
    else is in range", "I want IM, which specialties can I realistically apply to"): the fit list, not one field."""
    return _WHICH_FIELDS_RE.search(norm) is not None


_WHAT_ELSE_FITS = (
    r"what else (?:is|s|are|would be|might be) (?:in range|realistic|possible|open|competitive)"
    r"|what else (?:fits|would fit|(?:could|can|should) i (?:apply|go for|consider|look at|match))"
)
"""The other fields asked about, not what else to do ("what else should i do to stand out" asks no field)."""
_WHICH_FIELDS_RE = quick_re.compile(
    # (not "which residencies are IMG friendly" or "which residencies should I apply to" for a field named)
    rf"\b(?:which|what)\s+(?:other\s+)?(?:specialties|fields)\b|\b(?:which|what)\s+(?:other|else)\s+residencies\b"
    rf"|\b(?:which|what)\s+(?:other\s+)?specialty\s+(?:i|can|could|should|would)\b|\b(?:{_WHAT_ELSE_FITS})\b"
)


def asks_what_fits(norm: str) -> bool:
    """ "kindly advise which residencies I should consider", "what should i go for": what a score fits."""
    return _WHAT_FITS_RE.search(norm) is not None


_WHAT_FITS_RE = quick_re.compile(
    r"\b(?:which|what)\s+(?:residenc(?:y|ies)|specialt(?:y|ies)|fields?|programs?)\b.{0,30}\b(?:should|can|could|to)\b"
    # "what should i be applying to" as well as "what should i apply to"
    r"|\bwhat\s+(?:should|can|could)\s+i\s+(?:even\s+|realistically\s+)?(?:be\s+)?"
    r"(?:go(?:ing)? for|apply(?:ing)? (?:to|for)|aim(?:ing)? for|consider(?:ing)?)\b"
    r"|\bwhere\s+(?:should|can|could)\s+i\s+(?:even\s+|realistically\s+)?(?:be\s+)?(?:looking|apply|applying|aim)\b"
    # "what is my scope for residency", "where do i stand" (with a score and no field named)
    r"|\bwhat (?:is|s) (?:my|the) scope\b|\bwhere do i (?:stand|fall)\b"
    r"|\b(?:what|which)\s+(?:\w+\s+)?(?:fits|would fit|could fit)\b"  # "what fits?", "which fields fit"
    # "give me a sense of where that lands", "where does that put me" (not "where does that leave me", after a fail)
    r"|\bwhere (?:(?:does|would|will)\s+)?(?:that|this|it|my score|that score|i)\s+(?:lands?|puts? me|falls?|stands?)\b"
    # "270. is there anything out of reach", "what's off the table with a 221"
    r"|\b(?:anything|what s|whats|what is|which fields? (?:are|is))\s+(?:\w+\s+){0,2}?(?:out of reach|off the table|"
    r"closed (?:to me|off)|still open|open to me|within reach)\b"
)


def asks_score_fit(sentence: str, score: int) -> bool:
    """A question sentence weighing the student's own score for a field ("is 243 good for psych as an IMG?", "does 246
    realistically get me interviews"), which the comparison itself answers."""
    return (str(score) in sentence or _MY_SCORE_RE.search(sentence) is not None) and (
        _SCORE_FIT_RE.search(sentence) is not None
    )


_MY_SCORE_RE = quick_re.compile(r"\b(?:my|this|that|a)\s+(?:ck\s+|step\s*2\s+(?:ck\s+)?)?score\b")
_SCORE_FIT_RE = quick_re.compile(
    r"\b(?:good|enough|competitive|safe|realistic\w*|chances?|shot|ok|okay|decent|strong|solid|low|high|"
    r"get me (?:interviews|in)|land|keep me)\b"
)


def ecfmg_certified(norm: str) -> bool:
    """The student says they hold ECFMG certification ("I'm ECFMG certified", "got my ECFMG certificate")."""
    return _ECFMG_CERTIFIED_RE.search(norm) is not None


_ECFMG_CERTIFIED_RE = quick_re.compile(
    # said as held, now or in the past: "I'm ECFMG certified", "just got my ECFMG certificate"; not "I'm not ECFMG
    # certified yet", "how long until I am ECFMG certified", "do I need to have ECFMG certification"
    r"\b(?<!until )(?<!before )(?<!when )(?<!once )(?<!after )(?:i m|im|i am|i got|i ve been|i became|got|just got)"
    r"\s+(?:(?:now|already|finally|officially|fully)\s+)?ecfmg\s+certified\b(?!\s*\?)"
    r"|\b(?:i|just|finally)\s+(?:got|received)\s+my\s+ecfmg\s+(?:certificate|certification)\b"
    r"|\bmy\s+ecfmg\s+(?:certificate|certification)\s+(?:came|arrived|came through|was issued|is done)\b"
)


def pass_mark_named(norm: str) -> int | None:
    """The pass mark the student names as a fact ("the pass was 218", "needed a 218 to pass"); None if none."""
    found = _PASS_MARK_NAMED_RE.search(norm)
    return int(found.group(1) or found.group(2)) if found is not None else None


def says_the_pass_mark_is(norm: str, value: int) -> bool:
    """Whether `value` is said or asked as the pass mark ("passing is 218 right?", "needed 218 to pass"); not a
    number after "passed" ("I passed! my friend got 260")."""
    return (
        re.search(
            rf"\bpass(?:ing)?(?:\s+(?:mark|score|line|cutoff))?\s+(?:is|was|being|at|of|now)\s+(?:\w+\s+)?{value}\b"
            rf"|\b{value}\s+(?:is\s+|was\s+)?(?:to pass|the pass|passing)\b",
            norm,
        )
        is not None
    )


_PASS_MARK_NAMED_RE = quick_re.compile(
    # the mark that applied to their result, told in the past ("got a 215 and passing was 218", "needed 214 to
    # pass"); not today's mark beside an older result ("passed in 2024 with 216, now passing is 218")
    r"\b(?<!now )(?:the\s+)?pass(?:ing)?(?:\s+(?:mark|score|cut\s*off|cutoff|line))?\s+was\s+(?:a\s+)?"
    r"(2[01]\d)\b(?!\s*\?)"
    r"|\bneeded\s+(?:a\s+)?(2[01]\d)\s+to\s+pass\b"
)


def asks_which_is_harder(norm: str) -> bool:
    """ "is uro harder to match than ENT": two fields weighed against each other, not the exams."""
    return _HARDER_TO_MATCH_RE.search(norm) is not None


_HARDER_TO_MATCH_RE = quick_re.compile(
    r"\b(?:harder|easier|tougher|more competitive|less competitive)\b.{0,20}\b(?:to match|to get into|than)\b"
    # "is fm really that much lower than im on step 2": the two fields' averages weighed
    r"|\b(?:lower|higher)\s+(?:\w+\s+)?than\b"
    # "how do gas and em stack up against each other on ck", "how do they compare score-wise"
    r"|\b(?:stack|measure|line)\s+up\s+(?:against|to|with)\s+(?:each other|one another)\b"
    r"|\bhow do (?:they|these|those|the two|both) compare\b"
)


def worry_said(norm: str) -> bool:
    """A worry or strain said in words ("stressed", "scared", "ugh"), not just heard in the tone."""
    return _FEELING_WORDS_RE.search(norm) is not None


def asks_besides(norm: str) -> bool:
    """ "245 img what can I apply to besides IM": the fields a score fits other than the one named."""
    return _BESIDES_RE.search(norm) is not None and _FIELDS_ASKED_RE.search(norm) is not None


_BESIDES_RE = quick_re.compile(
    # (not "beyond": "compare programs beyond vibes", "what matters beyond the score" ask no other field)
    r"\b(?:besides|other than|except|apart from|aside from|outside of)\b"
    # a field ruled out, the rest asked: "rads is off the table, what else fits this score"
    rf"|\b(?:off the table|out of the question|not an option|ruled out)\b(?=.*\b(?:{_WHAT_ELSE_FITS})\b)"
)
_FIELDS_ASKED_RE = quick_re.compile(r"\b(?:what|which|where|anything|something|options?|else|specialt\w*|fields?)\b")


def fears_missing_the_start(norm: str) -> bool:
    """ "what happens if it isn't back in time?" from a matched student: the start date at risk, not a fail."""
    return _START_AT_RISK_RE.search(norm) is not None


def not_passed_by_the_start(norm: str) -> bool:
    """Residency starting before a pass is in: "what if i start residency in july and haven't passed ck yet"."""
    return (
        _START_WORD_RE.search(norm) is not None
        and _NOT_PASSED_YET_RE.search(norm) is not None
        and _APPLYING_RE.search(norm) is None
        and _WHAT_IF_RE.search(norm) is not None  # what happens then, not only what is left to do
    )


_APPLYING_RE = quick_re.compile(r"\b(?:apply|applying|applications?|eras|interviews?)\b")
"""Still applying ("haven't taken ck yet, a problem for residency applications?"): no start date at risk yet."""
_WHAT_IF_RE = quick_re.compile(
    r"\b(?:what happens|what if|what would happen|what do i do|what now|is that a problem|will i lose|lose my spot|"
    r"can they|rescind\w*|in trouble)\b"
)
_START_WORD_RE = quick_re.compile(
    r"\bstart(?:ing|s)?\s+(?:residency|intern year|my program|in (?:june|july))\b|\bresidency starts?\b|\borientation\b"
    r"|\bstart date\b|\bpgy ?1\b|\bjuly 1\b|\bmy program (?:starts|begins|says|requires|wants|needs)\b"
)
_NOT_PASSED_YET_RE = quick_re.compile(
    r"\b(?:haven t|havent|have not|hasn t|hasnt|not|never|still not)\s+(?:yet\s+)?(?:passed|taken|sat|got my score)\s+"
    r"(?:step\s*2|step2|ck|it|the exam)\b(?!\s+(?:before|by|in time)\b.{0,30}\b(?:apply|eras|interview))"
)


_START_AT_RISK_RE = quick_re.compile(
    r"\b(?:in time|on time|back in time|can t start|cannot start|cant start|delay (?:my )?start)\b"
    # "needs step 2 passed by june 1 or they'll rescind my contract"
    r"|\b(?:rescind|revoke)\w* (?:my )?(?:contract|offer|position|match)\b"
    r"|\b(?:what if|what happens if)\b.{0,40}\b(?:before|by) "
    r"(?:orientation|july|june|my start|residency starts?|i start)\b"
)


def fears_a_fail_costs_the_match(norm: str) -> bool:
    """ "rank list certified... if i fail does my match get cancelled?": a fail supposed, and the match it may cost."""
    return "fail" in norm and _FAIL_COSTS_THE_MATCH_RE.search(norm) is not None


_IF_I_FAIL = r"if i (?:fail|don t pass|dont pass|do not pass)"
_MY_MATCH = r"(?:my |the |our )?(?:match|spot|position|contract)"
_LOST = (
    r"(?:cancel\w*|rescind\w*|revok\w*|withdraw\w*|taken away|take\w* (?:it |that |my \w+ )?away|lose|lost|void\w*"
    r"|pull\w*)"
)
_FAIL_COSTS_THE_MATCH_RE = quick_re.compile(
    # "if i fail does my match get cancelled", "if i fail will they rescind my match", "if i fail do i lose my position"
    rf"\b{_IF_I_FAIL}\b.{{0,60}}(?:\b{_MY_MATCH}\b.{{0,30}}\b{_LOST}\b|\b{_LOST}\b.{{0,12}}\b{_MY_MATCH}\b)"
    # "will i lose my match if i fail", "can they take my spot away if i fail", "what happens to my match if i fail"
    rf"|(?:\b{_LOST}\b.{{0,12}}\b{_MY_MATCH}\b|\b{_MY_MATCH}\b.{{0,20}}\b{_LOST}\b|\bwhat happens to {_MY_MATCH}"
    rf"|\btake\w* {_MY_MATCH} away\b)"
    rf".{{0,30}}\b{_IF_I_FAIL}\b"
)


def asks_what_is_left(norm: str) -> bool:
    """ "anything i need to do before july?", "do they need documentation": what is left to do, not what counts."""
    return _LEFT_TO_DO_RE.search(norm) is not None


_LEFT_TO_DO_RE = quick_re.compile(
    r"\b(?:anything|what)\s+(?:else\s+)?(?:do\s+)?i\s+(?:still\s+)?(?:need|have)\s+to\s+do\b|\bwhat now\b"
    # "is there anything I should do before july to prep or should I just rest?"
    r"|\b(?:anything|what)\s+(?:else\s+)?(?:(?:should|do|can|must)\s+i|i\s+(?:should|can|must|need to))\s+"
    r"(?:\w+\s+)?do\s+(?:before|until|between)\b"
    r"|\bnext steps?\b|\b(?:documentation|paperwork|checklist|onboarding|transcript|send (?:my|the|them))\b"
)


def says_a_fail(norm: str) -> bool:
    """A fail (or its retake) told, feared or asked about: what keeps answers about a fail in play."""
    return _FAIL_SAID_RE.search(norm) is not None


_PASSED_ON_RETRY = (
    r"pass\w*\s+(?:it\s+|ck\s+|step\s*2\s+)?(?:on|in)\s+(?:my|the)\s+(?:2nd|second|3rd|third)\s+(?:try|attempt|go|time)"
    r"|pass\w*\s+(?:it\s+|ck\s+|step\s*2\s+)?(?:on|in)\s+(?:my|the)\s+re-?take"  # "then passed on the retake with 224"
)
_PASSED_ON_RETRY_RE = quick_re.compile(rf"\b{_PASSED_ON_RETRY}\b")
_FAIL_SAID_RE = quick_re.compile(
    r"\b(?:fail\w*|flunk\w*|didn t pass|did not pass|not pass\w*|retak\w*|retook|re-?sit\w*|"
    # "missed by 3 points", "missed passing by 2"
    r"missed\s+(?:it\s+|passing\s+|the\s+pass(?:\s+mark)?\s+)?by\s+(?:\d+|one|two|three|four|five|a)\s+points?|"
    # "passed on my 2nd try w 231": a pass that came after a failed attempt
    + _PASSED_ON_RETRY
    + r")\b"
)


def passed_on_a_retry(norm: str) -> bool:
    """ "passed on my 2nd try w 231": a pass that came after a failed attempt."""
    return _PASSED_ON_RETRY_RE.search(norm) is not None


def says_a_ck_fail(norm: str) -> bool:
    """`says_a_fail`, less fails of other exams named with it ("does a low ck predict failing the abfm boards")."""
    return says_a_fail(_OTHER_EXAM_FAIL_RE.sub(" ", norm)) if _FAIL_SAID_RE.search(norm) else False


_OTHER_EXAM_FAIL_RE = quick_re.compile(
    r"\b(?:fail\w*|flunk\w*)\s+(?:(?:the|my|our|an?|on)\s+)?(?:\w+\s+)?"
    r"(?:boards?|board exams?|abfm|abim|abem|abp|in-?service|ite|shelf|shelves|step\s*(?:1|one|3|three)|level\s*[13]|"
    r"comlex|mcat|class|course|block exam|quiz)\b"
)
"""A fail of another exam, said as such ("failing the ABFM boards later", "failed my surgery shelf")."""


def preparing_a_retake(norm: str) -> bool:
    """A retake booked and still to come, the fail behind them ("my retake is in 10 days. failed the first time",
    "failed in march, retaking next week"): what they prepare for is the exam ahead. A fail told as today's news
    ("I failed CK. 209. ... Retake is booked for Oct 2.") is still the news, unless the fail is dated in the past."""
    if not holds_any(norm, _RETAKE_WORDS) or _RETAKE_AHEAD_RE.search(norm) is None:
        return False  # every way of saying it holds one of these: most messages skip the scan
    return _OLD_FAIL_RE.search(norm) is not None or _FRESH_FAIL_RE.search(norm) is None


_RETAKE_WORDS = ("retak", "re take", "retest", "attempt")
"""Every alternative of `_RETAKE_AHEAD_RE` holds one of these."""
_FRESH_FAIL_RE = quick_re.compile(
    r"^(?:so |well |ugh |welp |update |)(?:i )?(?:just )?(?:failed|didn t pass|did not pass)\b"
    r"|\bjust (?:found out|got (?:my|the) (?:score|result)|failed)\b|\b(?:today|this morning)\b.{0,30}\bfail"
)
"""A fail told as today's news: first in the message, "just failed", "found out today"."""
_OLD_FAIL_RE = quick_re.compile(
    r"\bfail(?:ed)?\b(?:\s+\w+){0,3}?\s+(?:in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|back in|last "
    r"(?:time|month|year|week|cycle)|(?:the )?first (?:time|attempt|try)|\w+ (?:weeks|months) ago)\b"
    r"|\bfirst (?:attempt|try) (?:was|at)\b"
)
"""A fail dated in the past ("failed in march", "failed the first time", "first attempt was 211")."""


_RETAKE_AHEAD_RE = quick_re.compile(
    r"\b(?:retake|re take|retest|second attempt|2nd attempt|third attempt|3rd attempt|next attempt)\b"
    r"(?:\s+\w+){0,2}?\s+(?:is\s+|s\s+)?(?:in\s+\d+\s*(?:days?|weeks?|wks?)|(?:booked|scheduled|set)\b|"
    r"(?:on|is on|for) (?:the )?\d{1,2}(?:st|nd|rd|th)?\b|next (?:week|month|monday|tuesday|wednesday|thursday|friday)|"
    r"tomorrow|tmrw|coming up)"
    r"|\bretaking\s+(?:it\s+|ck\s+|step 2\s+)?(?:in\s+\d+\s*(?:days?|weeks?)|next (?:week|month)|tomorrow|on the \d)"
)


def asks_retake_prep(norm: str) -> bool:
    """What to do before a retake asked ("any last advice?", "what should i focus on", "how do i calm down")."""
    return _RETAKE_PREP_RE.search(norm) is not None or asks_retake_rework(norm)


def asks_retake_rework(norm: str) -> bool:
    """How to study differently for a retake asked ("how should i restructure", "what do i do differently")."""
    return _RETAKE_REWORK_RE.search(norm) is not None


_RETAKE_PREP_RE = quick_re.compile(
    r"\b(?:any (?:last |final )?(?:advice|tips)|last (?:minute )?(?:advice|tips)|what should i (?:focus on|do|study|"
    r"prioriti[sz]e)|how (?:do|should) i (?:prepare|prep|use))\b"
)
_RETAKE_REWORK_RE = quick_re.compile(
    r"\bhow (?:do|should|can) i (?:restructure|rework|change|approach|structure|study|plan)\b"
    r"|\b(?:do|study|prep|approach) (?:it |things )?differently\b"
    # "how do i make sure it doesnt happen again"
    r"|\bmake sure (?:it|this|that) (?:doesn t|doesnt|does not|won t|wont|will not|never) happen\w* again\b"
    r"|\b(?:not|never|avoid|stop) repeat\w* (?:the same |my )?mistakes?\b"
)


def asks_to_retake(text: str, norm: str) -> bool:
    """ "should i retake?", "248, retake?", "can i take it again for a higher score": sitting it again, asked."""
    if "tak" not in norm and "redo" not in norm and "sit" not in norm:
        return False  # every wording holds one of these ("retaking" too): most messages skip both patterns
    return _RETAKE_ASK_RE.search(norm) is not None or (
        "retake" in norm and _RETAKE_QUESTION_RE.search(text.lower()) is not None
    )


_RETAKE_ASK_RE = quick_re.compile(
    r"\b(?:should|can|could|may|would|do|allowed to|worth|is it (?:worth|smart|dumb|possible|allowed) to)\s+"
    r"(?:i\s+|you\s+|u\s+|you even\s+|i even\s+)?(?:just\s+)?(?:re-?take|retaking|re take|take (?:it|ck|step 2) again|"
    r"sit (?:it|ck) again|redo (?:it|ck))\b"
    # "thinking of retaking even though I passed": weighing it, asked without a question word
    r"|\b(?:thinking|thought|considering|debating|wondering)\s+(?:of|about|whether to|if i should)?\s*"
    r"(?:re-?taking|re taking|retake)\b"
    # "i thought you can't retake a step once you pass?": a rule doubted, so whether it may be sat again is asked
    r"|\b(?:thought|heard|read|assumed)\s+(?:that\s+)?(?:you|u|i)\s+(?:can t|cant|cannot|can not)\s+re-?take\b"
)
_RETAKE_QUESTION_RE = quick_re.compile(
    r"\bre-?take(?: it| ck| step 2)?(?:\s+to\s+(?:raise|improve|boost|bring|get|push)\w*(?:\s+\w+){0,2})?\s*\?"
)


_LIFE_AROUND_RE = quick_re.compile(
    r"\b(?:kids?|child(?:ren)?|toddler|baby|newborn|son|daughter|night (?:shifts?|float)|nights|full[ -]?time|"
    r"part[ -]?time|my job|work(?:ing)? (?:\d+|full|part|nights|shifts)|shifts?|scribe|wedding|ramadan|fasting|"
    r"caregiver|caring for|deploy\w*|sick (?:mom|dad|parent|family)|commute|second job|"
    # a rotation to study beside: "4-week sub-I then 4 weeks off", "on rotation until July 20"
    r"sub ?is?|sub internships?|on (?:my )?(?:\w+ )?rotations?|rotations? until|clerkships?|on call|call schedule|"
    # rest it must leave room for: "a day off every week, i burned out last time"
    r"days? off|rest days?|burn(?:ed|t)? ?out|burnout)\b"
)


def wants_one_off_reminder(norm: str) -> bool:
    """A reminder for one day or one task ("remind me tomorrow at 6am to take uwsa2", "set a reminder for friday"),
    not daily nudges, nor daily nudges starting on a day ("remind me to study starting tomorrow")."""
    return _ONE_OFF_RE.search(norm) is not None and _EVERY_DAY_RE.search(norm) is None


_WHEN_ONCE = (
    r"(?<!starting )(?<!start )(?<!from )(?<!beginning )"
    r"(?:tomorrow|tmrw|tonight|(?:on |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in \d+ (?:hours?|hrs?|minutes?|mins?|days?))"
)
_ONE_OFF_RE = quick_re.compile(
    rf"\b(?:remind|ping|text|nudge)\s+me\s+(?:\w+\s+){{0,5}}?{_WHEN_ONCE}\b"
    rf"|\bset\s+(?:a|an|one)\s+reminder\s+(?:for\s+)?{_WHEN_ONCE}\b"
)
_EVERY_DAY_RE = quick_re.compile(r"\b(?:every|each|daily|nightly|weekly|all week)\b")


def life_around_study(norm: str) -> bool:
    """Life the study has to fit around, said with a plan request: kids, shifts, a job, a wedding, Ramadan, or rest it
    must leave room for ("a day off a week, I burned out last time"); not a rotation that is over ("just finished my
    sub-I", "done with clerkship", "not on call anymore")."""
    return any(
        not _OVER_BEFORE_RE.search(norm, max(0, m.start() - 25), m.start()) and not _OVER_AFTER_RE.match(norm, m.end())
        for m in _LIFE_AROUND_RE.finditer(norm)
    )


_OVER_BEFORE_RE = quick_re.compile(r"\b(?:finished|done with|wrapped up|just ended|ended|no more|over with)\b")
_OVER_AFTER_RE = quick_re.compile(r"\s+(?:is\s+|are\s+|just\s+)?(?:over|done|finished|ended|anymore)\b")


def asks_daily_count(norm: str) -> bool:
    """How many questions a day to do ("how many qs a day should i do", "questions per day to finish uworld")."""
    return _DAILY_COUNT_RE.search(norm) is not None


_DAILY_COUNT_RE = quick_re.compile(
    r"\bhow many (?:\w+ )?(?:questions|qs|q s|ques|blocks)\b(?:\s+\w+){0,6}?\s+(?:a|per|each|every)\s+day\b"
    r"|\b(?:questions|qs|blocks)\s+(?:a|per)\s+day\b(?:\s+\w+){0,4}?\s+(?:should|do i need|is enough|to finish)\b"
)


def no_date_yet(norm: str) -> bool:
    """No exam date booked yet ("no date yet but remind me daily", "haven't scheduled ck"): a target will do."""
    return _NO_DATE_RE.search(norm) is not None


_NO_DATE_RE = quick_re.compile(
    r"\b(?:no|don t have an?|dont have an?|without an?|haven t got an?|not sure of my|no exact)\s+(?:exam\s+|test\s+)?"
    r"date\b(?!\s+(?:for|of)\s+(?:my\s+)?(?:step\s*(?:1|3)|shelf|comlex))"
    r"|\b(?:haven t|havent|have not|didn t|didnt|not)\s+(?:yet\s+)?(?:booked|scheduled|picked|registered)"
    r"(?:\s+(?:for\s+)?(?:it|my exam|the exam|my test|ck|step 2(?: ck)?|a date)(?:\s+yet)?\b|\s+yet\b|$)"
    r"|\b(?:date|exam|test)\s+(?:is\s+)?(?:tbd|not (?:booked|set|scheduled)(?: yet)?)\b"
)


def names_the_exam(norm: str) -> bool:
    """Step 2 CK (or "the exam", "the test") named anywhere in the message."""
    return _EXAM_WORD_RE.search(norm) is not None


def names_the_score(norm: str) -> bool:
    """Step 2 CK or its score named ("does CK count now?", "my score")."""
    return _STEP2_CK_RE.search(norm) is not None or _SCORE_WORD_RE.search(norm) is not None


_SCORE_WORD_RE = quick_re.compile(r"\b(?:score|scores|usmle)\b")


def just_matched(norm: str) -> bool:
    """ "I MATCHED!!!", "just matched into gen surg": news to congratulate first, not a question about match rates."""
    if "soap" in norm and _MATCHED_IN_SOAP_RE.search(norm) and not _SOMEONE_ELSE_IN_SOAP_RE.search(norm):
        # "got an FM spot through SOAP": placed, as a match is; not a prelim year taken on the way to another try
        # ("SOAP'd into a prelim year and I feel humiliated... categorical next cycle")
        return _SOAP_NO_NEWS_RE.search(norm) is None or _JOY_RE.search(norm) is not None
    if "match" not in norm or _NOT_MATCHED_RE.search(norm) is not None:
        return False
    return any(not _matched_by_someone_else(norm, m.start()) for m in _MATCHED_RE.finditer(norm))


_SOAP_NO_NEWS_RE = quick_re.compile(
    r"\b(?:humiliat\w*|ashamed|embarrass\w*|devastat\w*|crushed|gutted|next cycle|reappl\w*|but i (?:really )?wanted|"
    r"categorical (?:next|later))\b"
)
"""A SOAP place told as a way station or a wound, not news to celebrate."""
_SOMEONE_ELSE_IN_SOAP_RE = quick_re.compile(
    r"\b(?:he|she|they|my (?:\w+ )?(?:friend|sister|brother|partner|classmate))\b"
)
"""Someone else named beside a SOAP place: theirs, not the student's."""


def match_is_news(text: str, norm: str) -> bool:
    """A match told as today's news, to congratulate first: not one told as the past ("matched IM last year, PGY1
    now") or as a letdown ("matched prelim only, didn't get a categorical"), unless said with joy."""
    if not just_matched(norm):
        return False
    return joyful(text, norm) or not (pass_is_old(norm) or prelim_only(norm))


def says_i_matched(norm: str) -> bool:
    """ "this year I matched IM!!!": a match of their own said in so many words, whatever match was missed before."""
    return _I_MATCHED_RE.search(norm) is not None


_I_MATCHED_RE = quick_re.compile(r"\b(?:i|we)\s+(?:just\s+|finally\s+|actually\s+|officially\s+)?matched\b")


def asks_how_to_still_match(norm: str) -> bool:
    """What to do now to match with the score they have ("what can I realistically do now to still match?")."""
    return _STILL_MATCH_RE.search(norm) is not None


_STILL_MATCH_RE = quick_re.compile(
    r"\bwhat (?:can|should|could) i (?:\w+ ){0,2}do (?:\w+ ){0,2}to (?:\w+ ){0,2}match\b|"
    r"\bhow (?:do|can|could) i (?:still |even )?match (?:with|at all)\b|\b(?:can|could|will) i still match\b"
)


def prelim_only(norm: str) -> bool:
    """Their own match to a preliminary year only ("matched prelim surgery only, no categorical spot"): they apply
    again; not a prelim feared ("so scared I'd end up prelim only") or a friend's ("friend got prelim only")."""
    return any(
        not _NOT_MY_PRELIM_RE.search(norm, max(0, m.start() - _PRELIM_WHOSE_SPAN), m.start())
        for m in _PRELIM_ONLY_RE.finditer(norm)
    )


_NOT_MY_PRELIM_RE = quick_re.compile(
    r"\b(?:friends?|roommates?|classmates?|partner|she|he|they|scared|afraid|worried|fear\w*|if|end up|ending up|"
    r"might)\b"
)
_PRELIM_WHOSE_SPAN = 35
"""Characters before "prelim only" in which someone else, or a fear of it, is named."""


_PRELIM_ONLY_RE = quick_re.compile(
    r"\bprelim(?:inary)?\s+(?:year\s+|surgery\s+|surg\s+|medicine\s+|im\s+)?only\b|\bonly\s+(?:a\s+|the\s+)?prelim\b|"
    r"\b(?:didn t|didnt|did not|no)\s+(?:get\s+)?(?:a\s+|an\s+)?(?:categorical|advanced)\b|"
    # "matched into IM prelim but not categorical", "only got a prelim spot in surgery"
    r"\bprelim\w*\s+(?:\w+\s+){0,3}?but\s+not\s+(?:a\s+|the\s+)?(?:categorical|advanced)\b|"
    r"\bonly\s+(?:got|matched|landed|secured)\s+(?:into\s+)?(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?prelim\b"
    r"(?!\s+(?:year\s+)?(?:first|left|before|interview\w*)\b)"
)


def _matched_by_someone_else(norm: str, at: int) -> bool:
    """The match said at `at` is another person's ("my cousin, who is also an IMG, matched in 2022"), unless the
    student is in it ("me and my fiance just matched", "we matched")."""
    before = norm[max(0, at - _WHO_MATCHED_SPAN) : at]
    # (the match's own subject included: "my partner and i both matched")
    return _SOMEONE_BEFORE_RE.search(before) is not None and _WE_RE.search(norm, max(0, at - 40), at + 2) is None


_WHO_MATCHED_SPAN = 40
"""Characters before "matched" within which whose match it is is read."""
_SOMEONE_BEFORE_RE = quick_re.compile(
    r"\b(?:cousin|brother|sister|sibling|friend|friends|roommate|classmate|classmates|husband|wife|partner|"
    r"boyfriend|girlfriend|bf|gf|fiance|fiancee|senior|seniors|mentor|colleague|coworker|mom|dad)\b"
    r"(?:(?!\b(?:i|me|we)\b).){0,30}$"
)
_WE_RE = quick_re.compile(r"\b(?:me and|and i|i and|we|us both|both of us)\b")


_SAT_EXAM_RE = quick_re.compile(
    r"\b(?:just|finally|officially)\s+(?:finished|took|sat|completed|survived|done with|walked out of|got out of)\s+"
    r"(?:my\s+|the\s+)?(?:step\s*(?:2|two)|ck|exam|test|boards|prometric)\b"
    r"|\bwalked out of (?:the\s+)?(?:prometric|test(?:ing)? cent(?:er|re)|exam)\b"
    # "finished step 2 today!!!", "took ck this morning": the day said, and it was today
    r"|\b(?:finished|took|sat|completed|survived|gave|wrote)\s+(?:my\s+|the\s+)?(?:step\s*(?:2|two)|ck|exam|test"
    r"|boards)\s+"
    r"(?:today|this (?:morning|afternoon)|earlier today|just now)\b"
    r"|(?<!practice )(?<!nbme )(?<!shelf )(?<!mock )\b(?:step\s*(?:2|two)|ck|the exam|exam|the test)\s+(?:is\s+)?"
    r"(?:done|over|behind me)\b"
    r"(?!\s+(?:being|yet|grading|in|on|at|by))"
    # "done. exam over.": a bare exam, not a practice test's or a shelf's ("nbme test done", "shelf exam over")
    r"|(?<!nbme )(?<!uwsa )(?<!practice )(?<!shelf )(?<!\d )(?<!form )(?<!free 120 )\bexam\s+(?:is\s+)?(?:done|over)\b"
    r"(?!\s+(?:being|yet|grading|in|on|at|by))(?!.*\bexam in\b)"
    r"|\b(?:i m|im|i am)\s+(?:finally\s+)?done with (?:step\s*(?:2|two)|ck)\b"
    # "just finished. brain is mush. no idea how i did": finished, with how it went unknown
    r"|^(?:just\s+|finally\s+)?(?:finished|done)\b(?=.*\bno idea how i did\b)"
    # "omg its over. 9 hrs. so tired but i'm FREE", "JUST FINISHED!!! 9 hrs of hell. never again": the exam's
    # day told by its length or its end, with no exam word
    r"|^(?:omg\s+|ok\s+|okay\s+|finally\s+|just\s+|it s\s+|its\s+|it is\s+)*(?:over|finished|done)\b"
    r"(?=\s*$|\s+(?:\d|omg|so|and|i|im|i m|it|never|what|now|finally|yay|wow|holy)\b)"
    # (a long study day is not the exam: "its over. 9 hrs of studying today", "finished 2 blocks, 8 hours")
    r"(?!.*\b(?:blocks?|qs|questions|uworld|uw|anki|studying|studied|study|dedicated|nbme|uwsa|practice|shift|call)\b)"
    r"(?!.*\b(?:exam|test|ck|step\s*2)\s+(?:is\s+)?(?:in|tomorrow|tmrw|today)\b)"
    r"(?=.*(?:(?<!\bin )\b(?:[7-9]|eight|nine)\s*(?:hrs?|hours)\b(?!\s+(?:left|away|to go|until|till|from))"
    r"|\b(?:never again|i m free|im free|free at last)\b))"
    r"|\b(?:the exam|the test|step\s*(?:2|two)|ck)\s+was\s+(?:so\s+|really\s+)?(?:brutal|rough|hard|awful|long|"
    r"insane|tough|fine|ok|okay|weird|exhausting)\b(?=.*\bnow (?:i|we) wait\b)|\bnow (?:i|we) wait\b"
)


_PASSED_RE = quick_re.compile(
    # not "i can't retake a passed exam": a pass supposed, not one told
    r"\b(?:i|i ve|ive|we|finally|just|actually|officially|retake|it)\s+(?:(?!(?:a|an|the)\b)\w+\s+){0,2}?passed\b"
    r"(?!\s+out\b)"  # "i passed out in the testing center": fainted
    # "second attempt PASSED, 228!!": a numbered attempt of theirs that passed (not "praying this attempt passed")
    r"|\b(?<!s )(?:second|2nd|third|3rd|fourth|4th) (?:attempt|try) passed\b"
    r"|^passed\b(?!\s+out\b)"
)
_NOT_PASSED_NEWS_RE = quick_re.compile(
    r"\b(?:if|whether|or fail\w*|or not|did i|have i|hope|hoping|pray|praying|fingers crossed|need|needed|pass or|"
    r"step\s*(?:1|one)|s1|"
    r"comlex|level|shelf|barely|retake a|retake it)\b"
    r"|^(?:can|could|should|do|does|is|are|will|would|how|what|when|why|which)\b"  # a question, "?" or not
    r"|\b(?:haven t|havent|have not|hasn t|hasnt|never|didn t|didnt|not yet)\s+(?:\w+\s+)?passed\b"
)


_PASS_QUESTION_RE = quick_re.compile(
    r"\b(?:did i (?:pass|fail)|have i (?:passed|failed)|(?:is|was) (?:that|it|this|mine|my score|an? \d{3}|\d{3}) "
    r"(?:even |really |actually |officially )?(?:a |still a )?(?:pass(?! fail)|passing|fail|failing)|"
    r"pass or (?:a )?fail|passing or failing|enough to pass|"
    r"above the pass(?:ing)? (?:mark|score|line)|below the pass(?:ing)? (?:mark|score|line)|"
    # "what counts as a fail, is it below 214 or 218 now?": the pass mark asked
    r"(?:counts?|count) as a (?:fail|pass)|what (?:is|s) a (?:fail|pass)\b|fail(?:ing)? (?:line|mark|cut\s*off)|"
    # the mark itself checked: "the line is 218 now right??", "passing is still 214 right?"
    # (not "so the bottom line is 250 right for derm?")
    r"(?<!\bbottom )(?:the\s+)?(?:pass(?:ing)?\s+)?(?:line|mark|pass(?:ing)?|passing score)\s+(?:is|s)\s+"
    r"(?:still\s+|now\s+)?\d{3}(?:\s+now)?\s+(?:right|correct|yes|yeah|still))\b"
)


def asks_pass(norm: str) -> bool:
    """ "did i pass with 214?", "is 216 a pass": whether a score passes, not what it fits."""
    return _PASS_QUESTION_RE.search(norm) is not None


def asks_pass_of(norm: str, score: int) -> bool:
    """Whether a pass is asked of this score, by its number or as theirs ("is 218 even a pass", "did i pass",
    "is mine a pass"), not of another's number ("my roommate got 216, is that even a pass?" names 216)."""
    return any(str(score) in m.group() or _THEIRS_ASKED_RE.search(m.group()) for m in _PASS_QUESTION_RE.finditer(norm))


_THEIRS_ASKED_RE = quick_re.compile(r"\b(?:i|mine|my score)\b")
"""A pass question about the student's own result, when no number is named in it."""


_WEIGHS_ON_RE = quick_re.compile(
    r"\b(?:haunt\w*|hurt\w*|hold\w* (?:me )?back|matter\w*|affect\w*|count\w* against|look\w* bad|red flag|"
    r"offset|make up for|compensate|ruin\w*|kill\w* my chances|still count|help\w*|"
    # "step 1 was 221, CK 248. does the jump count for anything": the rise weighed
    r"count\w* for (?:anything|something|much|a lot)|(?:jump|rise|improvement|upward trend)\s+(?:count|matter|mean)\w*|"
    r"notic\w* (?:the |my |that )?(?:jump|rise|improvement|increase)|(?:look|looks|count)\w* like (?:an )?improvement|"
    # "will programs auto filter me because of the old step 1": screened out for it
    r"(?:auto\s*-?\s*)?filter\w*(?:\s+me)?(?:\s+out)?\s+(?:because of|for|over|on)|screen\w*\s+(?:me\s+)?out|"
    r"held against|hold (?:it|that) against|penali[sz]\w*|"
    r"(?:programs?|pds?|they|residencies)\s+(?:still\s+|even\s+)?care\b|"  # "step 1 252, do programs care?"
    # "will programs still look at that 209": whether it is still held against them
    r"(?:still|even)\s+(?:look\w* at|care\w* about|weigh\w*|see)\s+(?:that|my|the|it)|"
    r"(?:care|look)\w*\s+(?:about|at)\s+(?:that|my|the)\s+(?:old\s+|scored\s+)?(?:step\s*1|s1|\d{3})\b)\b"
)


_LOW_STEP1_RE = quick_re.compile(
    r"\b(?:low|bad|poor|weak|below|only|mediocre|meh|ugh|terrible|awful|not great|hurt\w*|haunt\w*|red flag|"
    r"barely pass\w*|barely scraped)\b"
)
"""Words calling a scored Step 1 low, read near where Step 1 is named (`calls_step1_low`); not "lower", which
compares ("if CK comes in lower")."""
_OFFSET_RE = quick_re.compile(
    r"\b(?:offset|make up|compensate|drag\w*|hold\w* me back|against me|fix(?:es)? (?:it|that|this)|"
    r"(?:cancel|balance)s? (?:it |that |this )?out|outweigh\w*|redeem\w*|erase\w*|save me|"
    # a rise asked to count ("does the jump help?"), not one hoped for and missed ("expected a jump")
    r"(?<!expected )(?<!hoped )(?<!hoping for )(?<!wanted )(?<!counting on )"
    r"(?:the|that|this|my) (?:jump|improvement|upward trend|big bump)(?:\s+\w+){0,3}?\s+(?:help|helps|count|counts|"
    r"matter|matters|look good|offset)"
    # "step 1 was 205 and ck came back 244 will PDs notice the jump"
    r"|(?:notice|see|care about|like)\s+(?:the|that|this|my)\s+(?:jump|improvement|upward trend|big bump))\b"
)
"""Asking whether Step 2 CK makes up for Step 1 ("does ck fix it", "cancel it out"), anywhere in the message: it
was low to them."""
_STEP1_SAID_RE = quick_re.compile(r"\b(?:step\s*(?:1|one)|s1)\b")
STEP1_WINDOW = 60
"""Characters either side of "step 1" where a word calls it low ("if CK comes in lower" further on doesn't)."""


def calls_step1_low(norm: str) -> bool:
    """The student calls their scored Step 1 low, or asks whether Step 2 CK makes up for it."""
    if _OFFSET_RE.search(norm):
        return True
    return any(
        _LOW_STEP1_RE.search(norm, max(0, m.start() - STEP1_WINDOW), m.end() + STEP1_WINDOW)
        for m in _STEP1_SAID_RE.finditer(norm)
    )


def asks_ck_offset(norm: str) -> bool:
    """Whether a strong Step 2 CK making up for something is asked ("can step 2 fix that or am i cooked"), in so many
    words: not "time is against me", which `_OFFSET_RE` also hears."""
    return _OFFSET_ASKED_RE.search(norm) is not None


def step1_said_low(norm: str) -> bool:
    """A scored Step 1 called low, or carried with shame, in words near where it is named ("step 1 was 221... i was
    ashamed of it for years")."""
    return any(
        _LOW_STEP1_RE.search(norm, max(0, m.start() - STEP1_WINDOW), m.end() + STEP1_WINDOW)
        or _ASHAMED_OF_IT_RE.search(norm, m.end(), m.end() + STEP1_WINDOW)
        for m in _STEP1_SAID_RE.finditer(norm)
    )


_ASHAMED_OF_IT_RE = quick_re.compile(r"\b(?:ashamed|embarrass\w*|humiliat\w*)\b")


_OFFSET_ASKED_RE = quick_re.compile(
    r"\b(?:can|could|will|would|does|do|might)\b(?:\s+\w+){0,4}?\s+(?:offset|make up|compensate|fix|cancel|balance|"
    r"outweigh|redeem|erase|save)\b"
)
"""The making up asked without a question mark: "can step 2 fix that or am i cooked"."""


def asks_about_leaving_early(norm: str) -> bool:
    """Leaving the exam before its end, asked about ("penalty for leaving the test early"): whether it counts."""
    return _LEAVE_EARLY_RE.search(norm) is not None


_LEAVE_EARLY_RE = quick_re.compile(
    r"\b(?:leav\w*|walk\w* out of|quit\w*|end\w*|stop\w*)\s+(?:the\s+|my\s+)?(?:test|exam|ck|step 2)\s+"
    r"(?:early|halfway|partway|midway|before (?:the end|it s over|finishing))\b"
)


def asks_score_expiry(norm: str) -> bool:
    """Whether a passed Step stays good, asked ("how long do step 2 scores stay valid?", "does my ck expire?"):
    the time limits for finishing the USMLE, not when scores come out."""
    return (
        _EXPIRY_RE.search(norm) is not None
        and _PASSED_STEP_RE.search(norm) is not None
        and _OTHER_EXPIRY_RE.search(norm) is None
    )


_OTHER_EXPIRY_RE = quick_re.compile(
    # what else runs out: "my eligibility period expires", "my pathway expired", "my passport is expired"
    r"\b(?:pathways?|permits?|eligibility|passport|visa|oet|id|license|licence|certificat\w*|subscription|uworld)\b"
)
_EXPIRY_RE = quick_re.compile(
    r"\b(?:stays?|remains?|still|be) valid\b|\bvalid for\b|\bexpir\w*\b|\bgood for how long\b"
    r"|\bhow long (?:is|are|does|do)\s+(?:a\s+|my\s+|the\s+)?(?:\w+\s+){0,2}?(?:score|scores|result|results|pass)\s+"
    r"(?:good|valid|last|stay good)\b"
)
_PASSED_STEP_RE = quick_re.compile(r"\b(?:scores?|ck|step\s*(?:2|1|two|one)|usmle|results?|steps)\b")
"""What may expire in a question of validity: a score or a Step (not an ID or a Pathway, `_OTHER_EXPIRY_RE`)."""


def fears_a_hold(norm: str) -> bool:
    """A score held over an irregularity feared or heard of, not told by USMLE ("my friend said a delay might mean
    a flagged irregularity??", "could it be under investigation")."""
    return _FEARED_HOLD_RE.search(norm) is not None


_FEARED_HOLD_RE = quick_re.compile(
    # not "usmle emailed me about a possible irregularity": a hold told, whose answer is what happens now
    r"\b(?:might|may|could|maybe|mean|means|what if|worried|scared|afraid|paranoid|heard|rumou?rs?|think|"
    r"wonder\w*)\b.{0,60}\b(?:irregular\w*|flag\w*|investigat\w*|on hold|withheld|cheat\w*)"
)


def asks_couples_match(norm: str) -> bool:
    """ "my gf and i want to couples match": how the couples match works, not two fields' averages."""
    return _COUPLES_RE.search(norm) is not None


_COUPLES_RE = quick_re.compile(r"\bcouples?\s*(?:match\w*|matching)\b|\bmatch\w*\s+as\s+a\s+couple\b")


def asks_about_ranking(norm: str) -> bool:
    """ "will it change how they rank me", "does it hurt my ranking": the rank list, not the first screen."""
    return _RANKING_RE.search(norm) is not None


_RANKING_RE = quick_re.compile(r"\b(?:rank|ranks|ranking|ranked|rank list|rank order)\b")


def asks_weight_after_the_match(norm: str) -> bool:
    """Whether the score still counts once matched, asked in general ("does anyone care about step 2 once you're in
    residency?")."""
    return (
        "fellow" not in norm  # a fellowship's use of the score has its own answer
        and _AFTER_THE_MATCH_RE.search(norm) is not None
        and (_WEIGHS_ON_RE.search(norm) is not None or _CARES_RE.search(norm) is not None)
    )


_AFTER_THE_MATCH_RE = quick_re.compile(
    r"\b(?:once|after|when)\s+(?:you|i|u)\s*(?:re|are|m|am)?\s+(?:in residency|a resident|an intern|matched)\b"
    r"|\b(?:once|after)\s+(?:you|i|u)\s+match\b|\bafter (?:the )?match(?:ing)?\b"
    # "does that even matter now we're residents"
    r"|\bnow (?:that )?(?:we|i|you)\s*(?:re|are|m|am)\s+(?:residents?|interns?|in residency|pgy\w*)\b"
)
_CARES_RE = quick_re.compile(r"\bcares?\b")


def asks_what_it_weighs(norm: str) -> bool:
    """What a score still does to their chances: "does my ck score still matter?", "does my 198 on step 1
    still haunt me for peds?"."""
    return _WEIGHS_ON_RE.search(norm) is not None


def pass_is_old(norm: str) -> bool:
    """A pass that is no news: dated in the past ("passed CK with 222 last year") or told by an intern or resident of
    themselves ("intern here, passed CK with 222"). A pass told beside interviews or a rank list may well be new."""
    return _OLD_PASS_RE.search(norm) is not None


_OLD_PASS_RE = quick_re.compile(
    r"\b(?:last (?:year|month|spring|summer|fall|autumn|winter|cycle)|(?:years?|months) ago|back in|in 20\d\d|"
    # their own role, not another's ("my resident told me to check today")
    r"(?<!\bmy )(?<!\bour )(?<!\bthe )(?<!\ba )(?<!\bany )(?:co )?(?:interns?|resident)|pgy ?\d?)\b"
)


def pass_told(norm: str) -> bool:
    """Their pass told, in a post of any length ("passed with a 217. like, barely"), not one supposed or Step 1's."""
    return _PASSED_RE.search(norm) is not None and _PASS_NOT_THEIRS_RE.search(norm) is None


_PASS_NOT_THEIRS_RE = quick_re.compile(
    r"\b(?:if|whether|or fail\w*|or not|did i|have i|hope|hoping)\s+(?:\w+\s+){0,2}?pass"
    r"|\bpassed\s+(?:step\s*(?:1|one)|s1|comlex|level|my shelf|the shelf)\b"
    r"|\bretake (?:a|an|any)\b"  # "can i retake a step i passed": the rule asked, no pass of theirs told
)


def just_passed(norm: str) -> bool:
    """ "I PASSED!!!", "retake passed. 229": news of a pass, to meet with congratulations first."""
    return (
        # (a pass said first is the news, however much follows: "PASSED!!! 221 and honestly i don't even care...")
        (norm.count(" ") < PASSED_NEWS_WORDS or _PASSED_FIRST_RE.match(norm) is not None)
        and _PASSED_RE.search(norm) is not None
        and _NOT_PASSED_NEWS_RE.search(norm) is None
    )


_PASSED_FIRST_RE = quick_re.compile(
    r"(?:i\s+)?(?:just\s+)?(?:finally\s+)?passed\b"
    # not another pass ("passed out at my desk", "passed my 3rd nbme", "passed my boards back home"): only "passed",
    # "passed ck", "passed step 2", "passed the retake" and the like lift the length limit
    r"(?!\s+(?:out|away|by|over|up|around|on|my|a|an|it|nbme|uwsa|osce|boards?|the (?!retake|real|exam)))"
)
"""A pass said first, of CK or of nothing named ("PASSED!!! 221 and...", "passed the retake"): news, however long."""


_RETAKE_RESULT_RE = quick_re.compile(
    r"\b(?:retake|re take|retook|second attempt|2nd attempt|second try|2nd try|second time|2nd time|third attempt|"
    # ("243 first attempt, 2 YOG": the attempt was the first, the 2 another count)
    r"3rd attempt|this time|(?<!first )(?<!1st )attempt (?:2|two|#2)(?! (?:yog|years?|yrs?|ys)\b)|"
    # "failed ck with 198 back in 2023... passed with 231 in 2024": a pass told after a fail is the retake's
    # (only after one: `_FAILED_BEFORE_RE`)
    # "passed second with a 231": the pass named by its attempt
    r"(?P<pass>(?:then |finally |eventually |later )?passed (?:it |ck |step 2 |step 2 ck )?"
    r"(?:(?:the |on the |on my )?(?:second|2nd|third|3rd)(?: time| try| attempt| go)? )?(?:with|on|at)))\b"
)
_FAILED_BEFORE_RE = quick_re.compile(r"\b(?:failed|flunked|didn t pass|did not pass)\b")
_ATTEMPT_SAID_RE = quick_re.compile(r"\b(?:second|2nd|third|3rd)\b")
"""A fail told (not "feel like a failure"), before a pass that is then a retake's."""


def retake_result(norm: str) -> bool:
    """ "failed ck in june, retake came back 231": the score is a retake's, so a fail is behind them; not
    "step 1 passed on second attempt" (another exam's retake), nor "passed with 221" with no fail before it."""
    return any(
        _OTHER_EXAM_BEFORE_RE.search(norm[max(0, m.start() - 30) : m.start()]) is None
        and _RETAKE_ASKED_RE.search(norm[max(0, m.start() - 30) : m.start()]) is None
        and _NOT_A_RETAKE_RESULT_AFTER_RE.match(norm, m.end()) is None
        # a pass after a fail told, or named by its attempt ("passed on my second attempt with 229")
        and (
            m.group("pass") is None
            or _FAILED_BEFORE_RE.search(norm, 0, m.start()) is not None
            or _ATTEMPT_SAID_RE.search(m.group("pass")) is not None
        )
        for m in _RETAKE_RESULT_RE.finditer(norm)
    )


_NOT_A_RETAKE_RESULT_AFTER_RE = quick_re.compile(
    # another exam's retake: "2nd attempt at step 1 was a pass"
    r"\s+(?:at|on|of|for)\s+(?:step\s*(?:1|one)|s1|comlex|level\s*[12]|the shelf|my shelf)\b"
    # one still ahead: "the retake is in two weeks", "retake scheduled for march"
    r"|\s+(?:is|s)\s+(?:in\s+(?:\d+|a|an|one|two|three|four|five|six|a few|few)\s+(?:days?|weeks?|months?)|"
    r"on\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the|\d)|next|coming|"
    r"scheduled|booked|this)\b|\s+(?:scheduled|booked|coming up|next)\b"
)


_RETAKE_ASKED_RE = quick_re.compile(
    r"\b(?:should i|can i|could i|to|if i|would i|will i|allowed to|want to|plan to)\s*$"
    # "reapplying for the 2nd time": the match tried again, not a retake's result
    r"|\b(?:appl\w*|reappl\w*|match\w*|interview\w*|rank\w*|soap\w*)\s+(?:for\s+)?(?:the\s+)?$"
)
"""A retake asked about or planned ("should I retake Step 2"), not one whose result came in."""


_OTHER_EXAM_BEFORE_RE = quick_re.compile(
    r"\b(?:step\s*(?:1|one)|step1|s1|comlex|level\s*[12]|shelf)\b(?!.*\b(?:ck|step\s*2)\b)"
)


PASSED_NEWS_WORDS = 15
"""Longer posts mention a pass as background ("I passed Step 1 and..."), not as the news."""


def just_sat_exam(norm: str) -> bool:
    """ "just walked out of prometric!!", "step 2 is DONE": the exam is behind them, news to share."""
    return _SAT_EXAM_RE.search(norm) is not None


_DISAPPOINTED_RE = quick_re.compile(
    r"\b(?:disappoint\w*|bummed|gutted|let down|crushed(?! it\b)|devastat\w*|defeated|deflated|heartbroken|sad|upset|"
    r"not happy|"
    r"hoped for (?:more|better|higher)|expected (?:more|better|higher)|wanted (?:more|higher|\d{3}))\b"
    # "got 231, feel like garbage", "i feel like crap after that nbme"
    r"|\b(?:feel|feeling|felt)\s+(?:like\s+)?(?:absolute\s+|total\s+|complete\s+)?(?:trash|garbage|crap|shit)\b"
    # "passed thank god, but it's way lower than i wanted": the pass a relief, the number a letdown
    r"|\b(?:\w*\d\w*|score|scores|result|results|number|mine|it|it s)\s+(?:(?:is|was|s|came back|came out)\s+)?"
    r"(?:way\s+|so\s+|much\s+|a lot\s+|a bit\s+)?(?:lower|less|worse|below)\s+(?:than|what)\s+(?:i\s+|what\s+i\s+)?"
    r"(?:wanted|hoped|expected|was hoping|was expecting|was aiming)\b"
    # "only got a 231", not "COMLEX Level 1 only (got a 612)": a COMLEX-sized number is no CK result let down
    r"|\bonly (?:got )?an? ?(?:1\d\d|2\d\d|300)\b"
    r"|\b(?<!happy i )(?<!glad i )(?<!relieved i )passed but\b|\bbarely passed\b"
    # "passed with 219. barely." (not "barely studying")
    r"|\bpassed\s+(?:with\s+)?(?:an?\s+)?\d{3}\s+(?:but\s+)?(?:just\s+)?barely\b"
    r"(?!\s+(?:study\w*|slept|sleep\w*|any|prepared|prep\w*|tried|trying|remember\w*|opened|did|touched|used|ate))"
)
_OLD_STEP1_BEFORE_RE = quick_re.compile(
    r"\b(?:step\s*(?:1|one)|s1)\b(?:(?!\b(?:ck|step\s*2|this time|now)\b).)*\b(?:19|20)[012]\d\b"
    r"(?:(?!\b\d{3}\b|\b(?:ck|step\s*2|this time|now)\b).)*$"  # no other score or exam between it and the letdown
)
"""Right before a letdown word, a scored Step 1 with its year ("step 1 was 216 in 2021, barely passed"): that
exam's letdown, long behind them, not a feeling about Step 2 CK now."""
_BACK_THEN_RE = quick_re.compile(
    r"\s+(?:me\s+|us\s+)?(?:at the time|back then|(?:back\s+)?in (?:19|20)\d\d|last year|years ago|a year ago)\b"
)
"""Right after a letdown word, when it was felt: long ago, not now."""
_PANIC_BODY_RE = quick_re.compile(
    r"\b(?:heart (?:is )?(?:racing|pounding|beating out)|panic attacks?|(?:can t|cant|couldn t) breathe|"
    r"(?:hands?|body|legs?) (?:are |is |keep |won t stop )?(?:literally )?shaking|i m shaking|im shaking|"
    r"hyperventilat\w*|chest (?:is )?tight|cannot breathe|"
    # the stomach says it ("genuinely feel sick", "sick to my stomach"); a bare "i feel sick" may be a cold
    r"(?:genuinely|literally|physically) (?:feel|feeling) sick(?! (?:about|with|from))|sick to my stomach|"
    # "score drops tomorrow and i think i might throw up"
    r"(?:might|gonna|going to|about to|could) (?:throw up|puke|vomit))\b"
)
_ASIDE_RE = quick_re.compile(r"\([^()]*\)")
"""A parenthetical aside: "(first attempt, thank god)"."""
_PAST_EXAM_RE = quick_re.compile(r"\b(?:step\s*(?:1|one)|s1|first (?:try|attempt)|1st (?:try|attempt)|comlex)\b")


def _relief_only_in_an_aside(text: str) -> bool:
    """Relief said only in an aside about another exam or attempt ("step 1 was a pass (first try, thank god)")."""
    asides = _ASIDE_RE.findall(text)
    if not asides or _RELIEF_RE.search(normalize(_ASIDE_RE.sub(" ", text))):
        return False
    return any(_RELIEF_RE.search(normalize(a)) and _PAST_EXAM_RE.search(normalize(a + " " + text)) for a in asides)


_SAD_EMOJI = frozenset("🥲😭😢😞😔😩😫💔☹🙁")
_WISHED_RELIEF_RE = quick_re.compile(
    # "didn't think it would be such a relief", "never thought i would feel this much relief": felt after all
    r"(?<!think it )(?<!thought it )(?<!know it )(?<!think i )(?<!thought i )"
    r"\b(?:would|d|will|ll|could|might|gonna)\s+(?:be|feel)\s+(?:\w+\s+){0,3}?(?:relief|relieved|weight off)\b"
    r"|\b(?:no|any|not a|not much|zero)\s+relief\b(?!\s+like)|\bwhat a relief (?:it|that) (?:would|d|will)\b"
    # expected and not felt: "i thought id feel relieved but i just feel tired", "supposed to feel relief but"
    r"|\b(?:thought|expected|supposed to|should|hoped)\s+(?:(?:i\s*d|id|i\s+would|i\s+would\s+be|to)\s+)?"
    r"(?:feel|be)\s+(?:so\s+|more\s+)?(?:relief|relieved)\s+(?:but|and yet|yet|instead)\b"
)
"""Relief wished for or denied ("it'd be a relief to just know", "no relief yet"): none felt now."""
_RELIEF_RE = quick_re.compile(
    r"\b(?:relieved|relief|phew|thank (?:god|goodness|heavens)|thank fully|thankfully|dodged|weight off)\b"
)
_FEARS_FAILING = (
    r"\b(?:scared|afraid|terrified|worried|anxious|nervous|freaked out|fear\w*)\s+(?:of|about)\s+(?:failing|flunking)\b"
    r"|\b(?:scared|afraid|terrified|worried) (?:that )?i (?:ll|will|might|m going to|m gonna) fail\b|\bwhat if i fail\b"
    # "i think i might fail", "i feel like i'm gonna fail": a fail foreseen, before the exam
    r"|(?<!don t )(?<!dont )(?<!do not )(?<!not )\b(?:think|feel like|feeling like|feel|have a feeling|convinced|sure) "
    r"(?:that )?(?:i (?:ll|will|might|may|m going to|m gonna|could)|im (?:going to|gonna)|ill) "
    r"(?:actually |really |totally )?fail\b"
)
_FEARS_FAILING_RE = quick_re.compile(_FEARS_FAILING)


def without_the_fear_of_failing(norm: str) -> str:
    """The text with every fear of failing taken out ("i think i'm going to fail and then i'm done" -> "and then i'm
    done"): what is left is read again for despair."""
    return _FEARS_FAILING_RE.sub(" ", norm)


def supposes_a_fail(norm: str) -> bool:
    """A fail only supposed, none told ("if I do fail, how many attempts do I get?"): no fail to be sorry for."""
    return _SUPPOSED_FAIL_RE.search(norm) is not None and _FAILED_SAID_RE.search(norm) is None


_SUPPOSED_FAIL_RE = quick_re.compile(
    r"\b(?:if|what if|in case|suppose|say)\s+i\s+(?:do\s+|ever\s+|end up\s+)?(?:fail|flunk)"
)
_FAILED_SAID_RE = quick_re.compile(r"\b(?:failed|flunked|fail(?:ed)? by)\b")
"""A fail said in the past tense (`says_a_fail` also hears "if I fail", so it can't tell a supposed one)."""


def screened_out_asked(norm: str) -> bool:
    """ "do programs auto reject?", "will PDs filter me out": programs screening them out, asked about."""
    return _SCREENED_OUT_RE.search(norm) is not None


_SCREENED_OUT_RE = quick_re.compile(
    # said of programs: "do programs auto reject?", "will PDs filter me out", "programs toss apps with a fail"
    r"\b(?:programs?|pds?|they|residenc\w+)\b.{0,25}\b(?:auto\s*-?\s*reject\w*|reject\w*|filter\w*|screen\w*|"
    r"throw\w* out|toss\w*|blacklist\w*)"
    r"|\b(?:will|would|do|does) (?:any |the )?(?:programs?|pds?|anyone) (?:even |still )?(?:look at|consider) me\b"
)
"""Programs screening them out, asked about: beside a fail, how a failed attempt weighs is the answer."""


def comfort_declined(norm: str) -> bool:
    """ "no pep talk", "steps not feelings": the answer wanted without a word of comfort first."""
    return _COMFORT_DECLINED_RE.search(norm) is not None


_COMFORT_DECLINED_RE = quick_re.compile(
    # (not "not feeling great": a feeling told, not comfort declined)
    r"\b(?:no|without|skip|spare me|don t (?:give|need|want))\s+(?:me\s+)?(?:a\s+|the\s+|any\s+)?"
    r"(?:pep talks?|feelings|sympathy|platitudes?|fluff|sugar\s*coat\w*|motivational \w+|therapy talk|hugs?)\b"
    r"|\bnot (?:a |another )?pep talk|\bno sugarcoat\w*|\bsteps not feelings\b"
)
"""Comfort declined in words: "no pep talk", "spare me the sympathy", "steps not feelings"."""


def fears_failing(norm: str) -> bool:
    """ "terrified of failing step 2 someday": a fear before the exam, not a fail to act on."""
    return ("fail" in norm or "flunk" in norm) and _FEARS_FAILING_RE.search(norm) is not None


_WORRY_RE = quick_re.compile(
    r"\bam i (?:screwed|cooked|done for|doomed|finished|toast|cooked)\b|\bis it (?:over|done) for me\b|\bam i ruined\b"
    r"|\b(?:think|pretty sure|feel like|convinced|afraid|scared|worried) i (?:just )?(?:failed|bombed|tanked|flunked)\b"
    # afraid of failing, before the exam: "so scared of failing step 2", "what if i fail ck"
    r"|(?:" + _FEARS_FAILING + ")"
    # a plea for good news: "pls tell me yes", "please tell me it's enough"
    r"|\b(?:pls|plz|please)\s+(?:just\s+)?tell\s+me\b"
    r"|\b(?:did i|have i) (?:ruin|ruined|tank|tanked|blow|blown|screw|screwed)\b|\bruined my chances\b"
    r"|\bno chance\b|\bany chance at all\b|\bam i (?:out|delusional)\b"
    # afraid of the exam itself: "already scared of ck", "terrified of step 2"
    r"|\b(?:scared|afraid|terrified|frightened)\s+(?:of|about)\s+(?:the\s+|my\s+)?(?:ck|step\s*(?:2|two)|exam|test"
    r"|boards)\b"
)


_FAIL_WORD_RE = quick_re.compile(r"\b(?:fail|failed|failing)\b")
_CRYING_WORDS_RE = quick_re.compile(r"\b(?:crying|cried|in tears|sobbing|sobbed|tearing up|teared up)\b")
_MY_TEARS_RE = quick_re.compile(
    r"\b(?:i|i m|im|i was|i ve been|i have been)\s+(?:just\s+|literally\s+|keep\s+|started\s+|been\s+|kept\s+)?"
    r"(?:\w+\s+)?(?:crying|cried|sobbing|sobbed|in tears|tearing up|teared up)\b|^(?:crying|cried|sobbing|sobbed)\b"
)
"""Tears that are the student's own ("i cried for an hour"), not "my mom cried"."""
_HAPPY_TEARS_RE = quick_re.compile(
    r"\b(?:can t believe|cant believe|happy|omg|finally|yay|let s go|lets go|so proud|proud|crying happy|"
    r"tears of joy|screamed|screaming|i did it|never thought i d (?:see|get|hit|score))\b"
)
_GOOD_NEWS_RE = quick_re.compile(
    r"\b(?:(?<!no )(?<!any )(?<!zero )(?:interview )?invites?|matched|i passed|passed it|got in|accepted|offer)\b"
)
"""News that tears beside "!!" can only be joy at (an invite, a match, a pass told), not panic."""
_INVITES_GOT_RE = quick_re.compile(
    # counted as news, none of them cancelled, few out of many, or still to come
    r"\b(?:got|landed|received|just got)\s+(?!0\b)"
    r"(?:\d{1,2}|a few|several|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:\w+\s+)?(?:interviews|interview invites|invites|iis)\b"
    r"(?!\s+(?:cancel\w*|rescinded|out of|from \d|so far out of|left|to go|next week))"
    # "got my first interview invite!!!": the first one, news of its own
    r"|\b(?:got|landed|received|just got)\s+(?:my|an|a)\s+(?:first\s+|1st\s+)?(?:\w+\s+)?(?:interview\s+)?invite\b"
    r"(?!\s+(?:cancel\w*|rescinded))"
)
"""Interviews counted as theirs ("got 7 IM interviews"): good news when said with "!!"."""


_ONLY_FEW_RE = quick_re.compile(r"\b(?:only|just|barely)\s+(?:got\s+)?(?:\d|one|two|three)\b|\bout of \d{2,3}\b")
"""Few said as few ("only 2", "2 out of 85 apps"): no news to celebrate."""


def invites_got(norm: str) -> bool:
    """Interviews counted as theirs ("got 7 IM interviews with a 228!!"): news of its own, whatever the score."""
    return _INVITES_GOT_RE.search(norm) is not None


_ASHAMED_RE = quick_re.compile(r"\b(?:embarrass\w*|ashamed|shame\w*|humiliat\w*)\b")


def shame_said(norm: str) -> bool:
    """Shame said in words ("shame is the word", "so embarrassed"), whether or not the model hears it as a feeling."""
    return _ASHAMED_RE.search(norm) is not None


_STILL_AFRAID_RE = quick_re.compile(r"\b(?:panick\w*|scared|terrified|anxious|freaking out)\b")
_AFTER_A_FAIL_RE = quick_re.compile(
    r"\bafter (?:failing|a fail|my fail|flunking)\b|\b(?:failed|fail) (?:the first time|last time|once|before)\b"
)
_FEEL_A_FAILURE_RE = quick_re.compile(
    r"\bfeel(?:s|ing)? like (?:a |such a )?(?:total |complete |huge |massive )?failure\b"
)
_SURE_FAILED_RE = quick_re.compile(
    r"\b(?:so sure|was sure|convinced|certain|thought|swore)\s+(?:that\s+)?i\s+(?:had\s+)?(?:failed|bombed|flunked)\b"
)
"""Walking out sure of a fail: beside a pass, the news is relief ("I PASSED. i was so sure i failed")."""
_NOT_OK_RE = quick_re.compile(
    r"\b(?:i m|im|i am)\s+(?:really\s+|so\s+)?not\s+(?:ok|okay|alright)\b(?!\s+with\b)"
    # "my nerves are shot", "nerves are bad": strain said plainly
    r"|\bnerves\s+(?:are|r|is)\s+(?:so\s+|really\s+|totally\s+|completely\s+)?(?:shot|bad|fried|gone|terrible|awful|"
    r"wrecked|through the roof|killing me)\b"
    # "nerves nerves nerves. 2 days", "so many nerves": the word said over, or as the whole of it
    r"|\bnerves(?:\W+nerves)+\b|\b(?:so many|so much|full of)\s+nerves\b"
)


def bare_days_left(text: str, norm: str) -> int | None:
    """Days left said bare at the end of a short message ("nerves nerves nerves. 2 days", "so anxious, 3 days out"):
    the exam's, in a student's shorthand; None otherwise (not "took 2 days off", "2 days ago")."""
    if len(text) > BARE_DAYS_CHARS:
        return None
    said = _BARE_DAYS_LEFT_RE.search(norm)
    if said is None:
        return None
    count = said.group("n")
    return int(count) if count.isdigit() else NUMBER_WORDS[count]


BARE_DAYS_CHARS = 60
"""Only a short message says its days left bare; in a longer one "2 days" may count anything."""
_BARE_DAYS_LEFT_RE = quick_re.compile(
    r"(?<!\btook )(?<!\bfor )(?<!\boff )(?<!\blast )(?<!\bin the last )(?<!\bevery )"
    r"\b(?P<n>[1-7]|one|two|three|four|five|six|seven)\s*(?:days?|d)(?:\s+(?:left|out|to go|away))?\s*$"
)


def asks_to_rest(norm: str) -> bool:
    """Whether to take a day off or rest asked ("should i take a day off before the exam", "is it ok to take a rest
    day tomorrow", "should i rest the day before ck"): a break from studying, with or without a plan."""
    return _ASKS_TO_REST_RE.search(norm) is not None


_ASKS_TO_REST_RE = quick_re.compile(
    r"\b(?:should i|can i|could i|is it (?:ok|okay|fine|bad|smart|dumb) to|is it (?:ok|okay|fine) if i|do i)\s+"
    r"(?:just\s+)?(?:take|have)\s+(?:a|the|one)\s+(?:whole\s+|full\s+)?(?:rest day|day off|off day|break day)\b"
    r"|\b(?:should i|can i|is it (?:ok|okay|fine|bad) to)\s+(?:just\s+)?rest\s+(?:the day before|tomorrow|today|"
    r"before (?:the exam|ck|step 2|my exam)|the night before)\b"
)


def freaking_out(norm: str) -> bool:
    """Panic said of themselves in words ("now i'm freaking out that i picked a bad month"), not denied."""
    return _FREAKING_OUT_RE.search(norm) is not None


_FREAKING_OUT_RE = quick_re.compile(
    r"\b(?:i m|im|i am)\s+(?:now\s+|kinda\s+|so\s+|lowkey\s+|literally\s+|actually\s+)?"
    r"(?:freaking out|panicking|spiraling|spiralling)\b"
)
_STRESS_WORDS = r"stress(?:ed|ing)?|anxious|anxiety|nervous|worried|worrying|panick\w*|freaking out"
_STRESS_WORD_RE = quick_re.compile(rf"\b(?:{_STRESS_WORDS})\b")
_STRESS_SET_ASIDE_RE = quick_re.compile(
    # denied: "im not stressed", "way less stressed", "not that worried", "no longer anxious"
    # ("less" only of someone else, below: "i'd be less stressed if..." is stress of their own)
    r"\b(?:not|n t|nt|never|no longer|without|zero|isn t|isnt|wasn t|wasnt|aren t|arent)\s+"
    r"(?:(?:that|so|too|as|very|really|super|even|much|way|at all)\s+){0,2}$"
    # someone else's: "she s way less stressed", "my partner is stressed", "he was panicking"
    rf"|\b(?:he|she|they|his|her|their|mom|dad|parents|{KIN})\s+"
    r"(?:s\s+|is\s+|are\s+|was\s+|were\s+|gets\s+|got\s+|seems\s+)?(?:(?:so|way|less|more|very|really|super|"
    r"kinda|pretty|also)\s+){0,2}$"
    # told of them first: "my sister is an MS3 and freaking out about..."
    rf"|\b(?:my|our)\s+{KIN}\s+(?:is|s|was|got|scored|has)(?:\s+(?!i\b|im\b|me\b|my\b)\w+){{0,5}}\s+and\s+"
    # ("my friend got a 261 and is still stressing about derm": theirs, a score told first)
    r"(?:is\s+|s\s+|was\s+)?(?:(?:so|really|totally|kinda|still|also)\s+)?$"
)


def stress_set_aside(norm: str) -> bool:
    """Every word of stress in the message is denied or someone else's ("im not stressed, just curious", "her CK
    was 258 so she s way less stressed"): no strain of theirs to meet."""
    found = list(_STRESS_WORD_RE.finditer(norm))
    # "my husband is deployed and stressing me out": the stress is done to them, so theirs
    return bool(found) and all(
        _STRESS_SET_ASIDE_RE.search(norm[max(0, m.start() - 40) : m.start()]) and not _ME_AFTER_RE.match(norm, m.end())
        for m in found
    )


def unease_said(text: str, norm: str) -> bool:
    """A word or face of unease anywhere ("trying not to freak out", "😬"): no joy to congratulate unless said."""
    return _UNEASY_WORD_RE.search(norm) is not None or any(face in text for face in _UNEASY_FACES)


_UNEASY_WORD_RE = quick_re.compile(rf"\b(?:{_STRESS_WORDS}|freak out|scared|terrified|afraid|dread\w*|spiral\w*)\b")


def upbeat(text: str, norm: str) -> bool:
    """Good spirits said: joy, or words like "went well", "feeling good", "pretty chill question"."""
    return joyful(text, norm) or _UPBEAT_RE.search(norm) is not None or any(face in text for face in _UPBEAT_FACES)


_UPBEAT_RE = quick_re.compile(
    r"\b(?:went (?:well|great|good)|(?:feeling|felt|feel) (?:good|great|confident)|thrilled|so happy|excited|pumped|"
    r"stoked|proud|chill question|pretty chill|good news)\b"
)
_UPBEAT_FACES = ("🎉", "🥳", "😊", "😄", "😁", "🙌")


def low_about_themselves(text: str, norm: str) -> bool:
    """Feeling low about themselves, said ("i feel like a failure", "i hate myself", "so ashamed"): whatever else the
    message tells, a feeling to meet."""
    return _FEEL_A_FAILURE_RE.search(norm) is not None or _SELF_LOW_RE.search(norm) is not None


_SELF_LOW_RE = quick_re.compile(
    r"\b(?:i m a failure|im a failure|i am a failure|hate myself|worthless|so ashamed|"
    r"(?<!\bnot )(?<!\bnot really )(?<!\bnever )(?:ashamed|embarrassed)|"
    r"(?:i|i ve|ive|i have)\s+(?:\w+\s+)?(?:ruined|wrecked|screwed up|messed up|blew)\s+"
    r"(?:everything|my (?:whole )?(?:life|career|chances))"
    r")\b"
)


def hard_feeling_said(text: str, norm: str) -> bool:
    """A hard feeling said in words, of any kind ("miserable and weirdly resentful", "ugh, feels like I made this
    harder"): unease, or one of the plainer words for feeling low."""
    return unease_said(text, norm) or _HARD_FEELING_RE.search(norm) is not None


_HARD_FEELING_RE = quick_re.compile(
    r"\b(?:miserable|resent\w*|pathetic|ugh+|frustrat\w*|embarrass\w*|ashamed|shame|awful|drained|overwhelm\w*|"
    r"exhausted|burn(?:ed|t)? out|burnout|sad|depress\w*|cry\w*|hate|hopeless|numb|lost|guilt\w*|jealous)\b"
)
_UNEASY_FACES = ("😬", "😰", "😟", "😨", "😩", "😫", "😖", "😣", "😥", "😢", "😭", "🫠", "😵")


_ME_AFTER_RE = quick_re.compile(r"\s+me\b")


def someone_elses_interviews(norm: str) -> bool:
    """Someone else's interviews named ("my friend has 15 interviews"): their count, not the student's."""
    return _SOMEONES_INTERVIEWS_RE.search(norm) is not None


_SOMEONES_INTERVIEWS_RE = quick_re.compile(
    rf"\b(?:my\s+(?:\w+\s+)?{KIN}|she|he|they|everyone|everybody)\s+(?:has|had|got|have|s got)\s+"
    r"(?:like\s+)?\d{1,2}\s+(?:\w+\s+)?(?:interviews|invites|iis)\b"
)


def no_interviews_yet(norm: str) -> bool:
    """The student's own count of interviews is none ("I have zero", "still 0 interview invites"): applying, and
    waiting on invites."""
    return _NO_INTERVIEWS_RE.search(norm) is not None


_NO_INTERVIEWS_RE = quick_re.compile(
    # "i have zero interviews", "still no invites"; and "...got 4 interviews already and i have zero" (the count
    # elided after someone else's); not "i have no research but 9 interviews"
    r"\b(?:i\s+(?:have|ve|still have|got|m at|am at)|i\s+ve\s+got|still|with)\s+(?:zero|0|no|none)"
    r"\s+(?:interviews?|invites?|interview invites|iis?)\b"
    r"|\binterviews?\b[^.!?]{0,40}\b(?:and|but|while)\s+i\s+(?:have|ve got|got|m at|am at)\s+(?:zero|none|0)\b"
    r"|\b(?:zero|0|no)\s+(?:interviews?|invites?|interview invites)\s+(?:yet|so far)\b"
)


def let_down_said(norm: str) -> bool:
    """A let-down said in words ("kinda bummed", "wanted higher"), not only heard in the tone."""
    return _DISAPPOINTED_RE.search(norm) is not None


def asks_what_now(norm: str) -> bool:
    """What to do with themselves now, asked ("exam done!! now what do i do with myself for 3 weeks")."""
    return _WHAT_NOW_RE.search(norm) is not None


_WHAT_NOW_RE = quick_re.compile(
    r"\b(?:now what|what now|what next|what do i do (?:now|with myself)|what should i do (?:now|with myself|"
    r"while i wait))\b"
)


def fear_said(norm: str) -> bool:
    """A fear said now, in plain words ("im so scared ill end up with a 240"): worry, when nothing else is heard."""
    return _FEAR_SAID_RE.search(norm) is not None


_FEAR_SAID_RE = quick_re.compile(
    r"(?:\b(?:i m|im|i am)\s+(?:so\s+|really\s+|honestly\s+|lowkey\s+|super\s+)?(?:scared|terrified|afraid)\b"
    # "kinda scared tbh", "lowkey terrified": the subject left out, as texts leave it
    r"|(?<!\bis )(?<!\bs )(?<!\bwas )(?<!\bare )\b(?:kinda|kind of|lowkey|a bit|a little|pretty|honestly|really|so)\s+"
    r"(?:scared|terrified|afraid|nervous)\b)"
    r"(?!\s+(?:of\s+)?(?:spiders|heights|flying|needles))"
)


def joy_for_someone_else(norm: str) -> bool:
    """Joy said for another person ("happy for her", "so proud of my roommate") and none said of their own."""
    return _JOY_FOR_SOMEONE_RE.search(norm) is not None and _OWN_JOY_RE.search(norm) is None


_JOY_FOR_SOMEONE_RE = quick_re.compile(
    r"\b(?:happy|glad|proud|stoked|excited|thrilled)\s+(?:for|of)\s+(?:her|him|them|my\s+(?:best\s+)?(?:friend"
    r"|roommate|"
    r"classmate|partner|wife|husband|sister|brother|bf|gf|boyfriend|girlfriend|cousin|co\s*resident|coresident))\b"
    # their own joy, said of them: "she got her score today (she's thrilled, 258)"
    r"|\b(?:she|he|they)\s*(?:s|is|was|are|re|were)\s+(?:so\s+|really\s+)?(?:thrilled|happy|stoked|pumped|ecstatic|"
    r"over the moon)\b"
)
_OWN_JOY_RE = quick_re.compile(
    r"\b(?:i m|im|i am|so|really)\s+(?:so\s+)?(?:happy|thrilled|stoked|excited|proud|glad)\b"
    r"(?!\s+for\s+(?:her|him|them|my|you)\b)"
)


def letdown_beside(norm: str) -> bool:
    """A low feeling of their own beside someone else's good news ("but also kinda want to scream", "feel tiny")."""
    return _LETDOWN_BESIDE_RE.search(norm) is not None


_LETDOWN_BESIDE_RE = quick_re.compile(
    r"\bbut\b(?:\s+\w+){0,6}?\s+(?:scream|cry|jealous|envious|sad|bad|behind|tiny|small|sick|hate|gutted|crushed|"
    r"down|awful|terrible|inadequate|stupid|dumb|trash|garbage|crap|worthless|useless)\b"
)


def tears_alone(text: str, norm: str) -> bool:
    """Tears shown or said ("😭", "i'm literally crying") with no word of disappointment, failing or worry beside them:
    what they mean is left to the score they are shed over."""
    crying = (
        not _SAD_EMOJI.isdisjoint(text)
        or _MY_TEARS_RE.search(norm) is not None
        # "got 266, crying so hard": tears said with no one else named crying
        or (_CRYING_WORDS_RE.search(norm) is not None and _THEIR_TEARS_RE.search(norm) is None)
    )
    # "i genuinely thought i failed" is a fear behind them, not a fail
    said = _SURE_FAILED_RE.sub(" ", norm)
    return crying and not (_DISAPPOINTED_RE.search(said) or _FAIL_WORD_RE.search(said) or _WORRY_RE.search(said))


_THEIR_TEARS_RE = quick_re.compile(
    r"\b(?:mom|dad|mother|father|parents?|she|he|they|wife|husband|partner|friend|sister|brother)\b"
    r"(?:\s+\w+){0,3}\s+(?:crying|cried|sobbing|in tears)\b"
)


def felt(text: str, norm: str) -> str | None:
    """Feelings the model has no label for, by rule: "disappointment" ("passed 🥲 but only 221"),
    "relief" ("phew, 238"), "worry" ("am I screwed?"), and plain joy the model missed ("HOLY CRAP 258");
    None when none is plain."""
    crying = not _SAD_EMOJI.isdisjoint(text) or ":(" in text or ":'(" in text
    later = _LATER_FEELING_RE.search(norm)  # read once: it names the feeling and says the feeling turned
    if later is not None:
        # "the relief lasted like 5 minutes and then the shame hit": the feeling after it is the one they have now
        named = later.group("later") or later.group("after") or later.group("beside")
        return "shame" if named in _SHAME_WORDS else "worry" if named in ("panic", "dread") else "disappointment"
    if _RELIEF_GONE_RE.search(norm):
        return None  # relief gone, nothing named after it: the model's reading stands
    if "hopeless" in norm and _CHANCES_HOPELESS_RE.search(norm):
        return "worry"  # "...does that hurt me more than my score? feeling kinda hopeless": their chances, feared
    if (
        just_passed(norm)
        and (_SURE_FAILED_RE.search(norm) or _AFTER_A_FAIL_RE.search(norm))
        and not _DISAPPOINTED_RE.search(norm)
        and not _STILL_AFRAID_RE.search(norm)
    ):
        # "I PASSED. 233. i was so sure i failed", "I PASSED 233 AFTER FAILING LAST TIME": relief, not the fail; but
        # "failed CK once then passed with 231... kind of embarrassed tbh" carries the fail's shame still
        return "shame" if _ASHAMED_RE.search(norm) and not joyful(text, norm) else "relief"
    if _FEEL_A_FAILURE_RE.search(norm):
        return "shame"  # "feel like a total failure for postponing": low about themselves, said plainly
    if _NUMB_RE.search(norm):
        return "exhaustion"  # "got 244 and i honestly feel nothing": flat after months of it, not joy
    if crying and _HAPPY_TEARS_RE.search(norm) and not _FAIL_WORD_RE.search(norm):
        return "relief"  # "can't believe i got a 259 😭😭": tears of joy (not "screamed when i saw 219 😭 failed")
    # tears said in words count beside a pass: "PASSED. 243. I'm crying in the car"
    crying = crying or (_CRYING_WORDS_RE.search(norm) is not None and _PASSED_RE.search(norm) is not None)
    if crying and _PASSED_RE.search(norm) and not _DISAPPOINTED_RE.search(norm):
        return "relief"  # "SCORE IS OUT AND I PASSED 😭😭😭"; not "passed 🥲 but only 221"
    good_news = _GOOD_NEWS_RE.search(norm) and not (_FAIL_WORD_RE.search(norm) or _DISAPPOINTED_RE.search(norm))
    if crying and joyful(text, norm) and good_news:
        return "celebration"  # "got my first interview invite today!!! 😭": tears beside good news, not "221!! 😭"
    if crying or any(
        not _BACK_THEN_RE.match(norm, m.end())
        and not _OLD_STEP1_BEFORE_RE.search(norm, max(0, m.start() - 60), m.start())
        for m in _DISAPPOINTED_RE.finditer(norm)
    ):
        return "disappointment"  # not "got a 228, which crushed me at the time": a letdown long behind them
    if _MY_TEARS_RE.search(norm) and not _HAPPY_TEARS_RE.search(norm) and not joyful(text, norm):
        return "disappointment"  # "free 120 was 58% and i cried for an hour": tears said in words, no joy beside
    if _NOT_OK_RE.search(norm):
        return "stress"  # "SCORE RELEASE IN 3 HOURS. I'M NOT OK": said plainly
    relief = _RELIEF_RE.search(norm) is not None and _RELIEF_RE.search(_WISHED_RELIEF_RE.sub(" ", norm)) is not None
    if relief and not _relief_only_in_an_aside(text):  # the wished-for set aside only where relief is said at all
        return "relief"  # "I PASSED (thank god)"; not "step 1 was a pass (first attempt, thank god)"
    if _PANIC_BODY_RE.search(norm):
        return "panic"  # "woke up at 3am heart racing thinking about ck": the body says it
    if _WORRY_RE.search(norm):
        return "worry"
    if "interview" in norm and _FROZE_RE.search(norm):
        return "worry"  # "interviewer asked about my step score and i froze": the moment replayed, met
    if _WORN_OUT_RE.search(norm):
        return "exhaustion"  # "honestly done. 12 hour days for 5 weeks. body hurts": worn out, said plainly
    if (
        "!!" in text
        and invites_got(norm)
        and not (_FAIL_WORD_RE.search(norm) or crying or distress_words(norm) or _ONLY_FEW_RE.search(norm))
    ):
        # "got 7 IM interviews with a 228!! didn't expect that": invites in hand, shouted, and no strain said (read
        # after every harder feeling: "!!" is panic too)
        return "celebration"
    if (_JOY_RE.search(norm) or not _PARTY_EMOJI.isdisjoint(text)) and _SCORE_SAID_RE.search(norm):
        return "celebration"  # "SCORE CAME OUT 261 IM SCREAMING" (a reply to a low score drops it: `respond`)
    if "!!!" in text and any(int(n) >= SHOUTED_JOY_FROM for n in _SCORE_SAID_RE.findall(norm)):
        return "celebration"  # "UWSA2 262!!! cant believe it": a high number shouted is news, practice or not
    if _FEEL_STUPID_RE.search(norm):
        return "disappointment"  # "uworld makes me feel stupid": low about themselves (named by `weighing`)
    return None


_FROZE_RE = quick_re.compile(r"\b(?:froze|blanked|went blank|mind went blank|choked|fumbled|rambled)\b")
_WORN_OUT_RE = quick_re.compile(
    r"\b(?:body (?:hurts|aches)|everything hurts|honestly (?:so )?done|so done|running on (?:empty|fumes)|wiped out|"
    r"can t keep (?:going|doing this)|cant keep (?:going|doing this)|"
    r"(?:can t|cant|cannot) (?:focus|concentrate) (?:anymore|any more)|"
    # "dedicated week 3 has broken me", "my brain is fried"
    r"(?:has|have|it s|its|this)\s+(?:totally\s+|officially\s+|completely\s+)?broken me|"
    r"(?:brain|i m|im) (?:is )?(?:so )?fried|"
    # "40q block 54% im actually dying": worn out, said as students say it (not "dying to know")
    r"(?:i m|im|i am)\s+(?:actually\s+|literally\s+|lowkey\s+|so\s+)?dying"
    r"(?!\s+(?:to|for|of|inside\b|laughing|lol|lmao)))"
    r"\b(?!\s+(?:with|w)\b)"
)


_JOY_RE = quick_re.compile(
    r"\b(?:screaming|holy (?:crap|shit|cow|moly)|omg|omfg|let s go+|lets go+|lfg|yay+|woo+h?o*|so happy|thrilled|"
    r"ecstatic|over the moon|stoked|hyped|can t believe i got|cant believe i got|i did it|we did it)\b"
    # pride, not denied ("not so proud of my 205"): the words first, then the look-backs
    r"|\b(?=proud of myself\b|so proud\b)(?<!not )(?<!never )"
)
_PARTY_EMOJI = frozenset("🎉🥳🎊🙌🥂🍾")


def joyful(text: str, norm: str) -> bool:
    """Plain joy in how it's said ("!!!", "omg", 🎉), whatever the words are about."""
    return (
        "!!" in text
        or _JOY_RE.search(norm) is not None
        or not _PARTY_EMOJI.isdisjoint(text)
        or _SHOUTED_NEWS_RE.search(text) is not None
    )


_SHOUTED_NEWS_RE = quick_re.compile(
    # (a high score only, as `SHOUTED_JOY_FROM` reads "!!!": "I GOT A 231 AND I NEEDED 245" is no joy)
    r"\b(?:GOT|SCORED) (?:A |AN )?2(?:4[5-9]|[5-9][0-9])\b"
    # (not "I PASSED OUT IN THE TESTING CENTER", "NOT SURE IF I PASSED", "DIDNT MATCH")
    r"|(?<!IF )(?<!NOT )(?<!T )\b(?:I |WE |JUST )?(?:PASSED|MATCHED)\b(?! OUT\b)"
)
"""Good news shouted in capitals ("GUYS I GOT A 268", "I PASSED"): joy said in how it's typed (case-sensitive)."""


def feeling_turned(norm: str) -> bool:
    """A feeling told as having turned: relief already gone ("the relief lasted like 5 minutes"), or a harder one
    setting in after ("and then the shame hit"). The later feeling is the one to meet."""
    return _RELIEF_GONE_RE.search(norm) is not None or _LATER_FEELING_RE.search(norm) is not None


_RELIEF_GONE_RE = quick_re.compile(
    # the relief itself the subject: not "so relieved the stress is finally gone"
    r"\brelief\s+(?:only\s+|just\s+|barely\s+)?(?:lasted|faded|wore off|went away|was gone|didn t last|didnt last|"
    r"was short lived|was short)\b"
)
_LATER_FEELING_RE = quick_re.compile(
    r"\bthen\s+(?:the\s+)?(?P<later>shame|guilt|embarrassment|panic|dread|sadness|disappointment)\s+"
    r"(?:hit|kicked in|set in|came)\b"
    # relief said, then the feeling it sits beside: "relieved but also embarrassed", "relieved but kinda ashamed"
    r"|\b(?:relief|relieved)\b.{0,30}\bthen\s+(?:just\s+|pure\s+|the\s+)?(?P<after>shame|guilt|embarrassment|panic|"
    r"dread|sadness)\b"
    r"|\breliev\w*\s+but\s+(?:also\s+)?(?:kinda\s+|kind of\s+|a bit\s+|so\s+|really\s+)?"
    r"(?P<beside>embarrassed|ashamed|guilty|disappointed|sad|bummed)\b"
)
_SHAME_WORDS = ("shame", "guilt", "embarrassment", "embarrassed", "ashamed", "guilty")


def overwhelmed_by_news(text: str, norm: str) -> bool:
    """Shaking or "freaking out" with nothing low said and nothing asked ("JUST GOT 266 IM FREAKING OUT"):
    beside a high score just told, the shock of good news, not panic."""
    return (
        _OVERWHELMED_RE.search(norm) is not None
        and "?" not in text
        and _LOW_NEWS_RE.search(norm) is None
        and (not _FAIL_WORD_RE.search(norm) or _SURE_FAILED_RE.search(norm) is not None)
        and not distress_words(norm)
        # a sign of joy, not only the absence of a low word: "!!", "omg", a pass, a shout, "thought i failed"
        and (
            joyful(text, norm)
            or _PASSED_RE.search(norm) is not None
            or _SURE_FAILED_RE.search(norm) is not None
            or is_shouting(text)  # "JUST GOT MY SCORE 266 IM FREAKING OUT": news shouted
        )
    )


_OVERWHELMED_RE = quick_re.compile(
    r"\b(?:freaking out|freakin out|shaking|trembling|in shock|speechless|heart (?:is )?(?:racing|pounding)|"
    r"can t stop (?:shaking|crying|screaming)|cant stop (?:shaking|crying|screaming))\b"
)
_LOW_NEWS_RE = quick_re.compile(
    r"\b(?:only|low|lower|below|not enough|dropped|drop|worse|worst|disappoint\w*|scared|worried|terrified|afraid|"
    r"nervous|anxious|ugh+|sad|cooked|doomed|screwed|tomorrow|tmrw|waiting|need|needed|want|wanted|goal|target|"
    r"avg|average|mean|median|vs|because|bc|cuz|since|enough|is it|should i|parents|expected|nobody|ruin\w*|"
    r"cry\w*|breathe|disown\w*|tell my)\b"
)


_SCORE_SAID_RE = quick_re.compile(r"\b[12]\d{2}\b")
SHOUTED_JOY_FROM = 245
"""A number from here, shouted ("!!!"), is read as joy: below it, "214!!!" is as likely alarm."""
"""Joy is read by rule only beside a score: "omg whats the avg for derm" is no news."""


_TOMORROW_RE = quick_re.compile(
    r"\b(?:tomorrow|tmrw|tmr|2morrow|tonight|night before|in the morning|in \d{1,2} (?:hours?|hrs?))\b"
)
_TODAY_RE = quick_re.compile(
    r"\b(?:today|this morning|this afternoon|in an hour|in a few hours|in [1-4] (?:hours?|hrs?))\b"
    # on the way: "heading to prometric now", "walking in", "about to start"
    r"|\b(?:heading (?:to|into|over to)|on my way to|driving to|walking into|about to (?:start|take|sit|walk into))\s+"
    r"(?:the\s+|my\s+)?(?:prometric|test center|testing center|exam|test|ck|step\s*2)\b"
)
_SOON_ABOUT_RE = words_re(*EXAM_WORDS, "it", "sleep", "slept", "sleeping", "bed", "prometric")


_PRACTICE_SOON_RE = quick_re.compile(rf"\b(?:practice|{PRACTICE_TESTS}|self assessment)\b")
_REAL_EXAM_RE = quick_re.compile(r"\b(?:real (?:exam|test|thing)|step\s*2|step2|ck|prometric|exam day|test day)\b")


def exam_soon(norm: str, *, nerves: bool = False) -> Literal["today", "tomorrow"] | None:
    """When the exam is hours away ("exam tmrw and i cant sleep", "test is today"): not a study question.

    With `nerves` (a feeling was heard), the exam needn't be named: "nervous af for tomorrow".
    """
    if not nerves and _SOON_ABOUT_RE.search(norm) is None:
        return None
    if _DAY_BEHIND_RE.search(norm):
        return None  # "just wanted to say today was hard": a day behind them, not the exam ahead
    if _PRACTICE_SOON_RE.search(_PRACTICE_AVERAGE_RE.sub(" ", norm)) and not _REAL_EXAM_RE.search(norm):
        # "panic attack during my practice nbme today": a practice test, not exam day (an "nbme avg" is no sitting)
        return None
    if _PRACTICE_RUN_RE.search(norm):
        return None  # "heading to prometric for my practice session": at Prometric, but not the exam
    if _TOOK_IT_RE.search(norm):
        return None  # "just took CK today": the day is behind them, not ahead
    if score_out(norm):
        return None  # "ck came back today!! so happy": the result's day, the exam behind them
    # "exam tomorrow", "sunday, which is tomorrow"; not "calm today, exam monday" (read run together as "today exam")
    soon = _EXAM_THAT_DAY_RE.search(norm)
    said_soon = (soon is not None and not _A_WEEKDAY_NEXT_RE.match(norm, soon.end())) or _WHICH_IS_SOON_RE.search(norm)
    if _WEEKS_AHEAD_RE.search(norm) and not said_soon:
        return None  # "too tired to start today... 5 weeks out": the exam is weeks away, today is a study day
    if _EXAM_ON_A_WEEKDAY_RE.search(norm) and not said_soon:
        return None  # "feeling weirdly calm today, exam monday": the exam has its own day
    if _OTHER_DAY_RE.search(norm) and not _EXAM_THAT_DAY_RE.search(norm):
        return None  # "score comes out tomorrow", "40 today at 58%", "skipped today": that day is about something else
    if _TODAY_RE.search(norm) and not _NIGHT_RE.search(norm):
        return "today"  # "exam in 2 hours", "heading to prometric now": the day itself
    if _TOMORROW_RE.search(norm):
        return "tomorrow"
    return "today" if _TODAY_RE.search(norm) else None


_A_WEEKDAY_NEXT_RE = quick_re.compile(rf"\s*(?:is\s+|on\s+)?(?:this\s+|next\s+)?{_WD}\b")
_WHICH_IS_SOON_RE = quick_re.compile(r"\b(?:which|that|it)\s+(?:is|s)\s+(?:tomorrow|today|tonight|tmrw)\b")
_EXAM_ON_A_WEEKDAY_RE = quick_re.compile(
    rf"\b(?:exam|test|ck|step 2)\s+(?:is\s+|s\s+)?(?:on\s+)?(?:this\s+|next\s+)?{_WD}\b"
)
_WEEKS_AHEAD_RE = quick_re.compile(
    rf"\b{_SPAN}\s+(?:out|away|left|until|till|to go|from now|from today)\b|\bin\s+{_SPAN}\b"
)


_NIGHT_RE = quick_re.compile(r"\b(?:tomorrow|tmrw|tmr|2morrow|tonight|night before|sleep|slept|sleeping|bed)\b")
"""The night before, said: "can't sleep, exam in 3 hrs" is still the night."""


_PRACTICE_RUN_RE = quick_re.compile(r"\bpractice (?:session|run|day|test|exam)\b")
_DAY_BEHIND_RE = quick_re.compile(
    r"\b(?:today|tonight|this morning)\s+(?:was|sucked|has been|went|felt|is over)\b"
    r"|\btoday s\s+(?:block|study|studying)"
)
_TOOK_IT_RE = quick_re.compile(
    r"\b(?:took|sat|finished|completed|survived|walked out of|done with|got out of)\s+(?:my\s+|the\s+)?"
    r"(?:step\s*(?:2|two)|ck|exam|test|boards|it)\b"
    # "Exam done!! now what do i do with myself for 3 weeks": the sitting told, not a practice test's
    r"|(?<!practice )(?<!nbme )(?<!shelf )(?<!mock )(?<!self )\b(?:exam|step\s*2|ck|test)\s+(?:is\s+)?(?:done|over)\b"
    r"(?!\s+(?:in|on|by|at)\b)"
)
_OTHER_DAY_RE = quick_re.compile(
    r"\b(?:scores?|results?|release\w*|comes? out|came out|block|blocks|questions|qs|q|percent|skip\w*|studied|"
    r"study|studying|uworld|uw|amboss|anki|shelf|rotation|shift|call|clinic|lecture|interview\w*|reminders?|"
    r"remind)\b|\d\s*%|\b\d{1,3}\s+(?:today|tonight|yesterday)\b|\b(?:today|tonight)\s+at\s+\d"
)
"""What else a day may be about: a score coming out, a day's study, a shift or a reminder."""
_EXAM_THAT_DAY_RE = quick_re.compile(
    r"\b(?:exam|test|step\s*2|ck|prometric|it)\s+(?:is\s+|s\s+)?(?:tomorrow|tmrw|tmr|2morrow|today|tonight|"
    r"in the morning|in \d{1,2} (?:hours?|hrs?))\b"
    r"|\b(?:tomorrow|tmrw|tmr|today)\s*(?:s\s+)?(?:exam|test)\b|\b(?:exam|test) day\b|\bnight before\b"
)
"""The exam itself said to be that day: "exam tomorrow", "ck is today", "the night before"."""


_YES_NO_VERBS = (
    r"(?:is|isn t|are|aren t|am|was|were|can|can t|could|do|does|did|don t|doesn t|will|won t|"
    r"would|should|shall|has|have|had|may|might|must)"
)
"""The verbs a yes/no question opens with (normalized: "isn't" is "isn t")."""
_YES_NO_START_RE = quick_re.compile(
    r"^(?:(?!(?:what|how|why|when|where|which|who|whom|whose)\b)\w+\s+){0,4}?"  # no wh-word before the verb
    rf"{_YES_NO_VERBS}\s+(?:i|it|my|a|an|the|this|that|there|they|we|you|he|she|people|programs?|pds?|[a-z0-9]+)\b"
)
_SENTENCE_END_RE = quick_re.compile(r"(?<=[.?!])\s+|\n+")
_YES_NO_TAG_RE = quick_re.compile(
    r"(?<!what )(?<!how )(?<!why )(?<!when )(?<!where )(?<!which )(?<!who )"
    r"\b(?:is|isn t|was|are) (?:that|it|this) (?:\w+ ){0,2}?(?:enough|ok|okay|normal|bad|good|fine|realistic|doable|"
    r"possible|worth it|a problem|dumb|stupid|weird|too \w+)\W*$"
)
"""A yes/no question closing a long sentence: "school gives us 4 wks dedicated for ck is that enough??"."""


def asks_yes_or_no(text: str) -> bool:
    """A yes/no question asked in words, not a request to us nor one about the plan itself: "is that enough??", "do
    i still apply this cycle?" (not "can you check in weekly?", "can i take a day off every week?", nor "my exam is
    on march 3", which asks nothing)."""
    return any(
        (_YES_NO_OPEN_RE.match(c) or _YES_NO_TAG_RE.search(c))
        and not _ASKED_OF_US_RE.match(c)
        and not _ABOUT_THE_PLAN_RE.search(c)
        for c in _question_clauses(text, whole_if_none=False)
    )


def _question_clauses(text: str, *, whole_if_none: bool) -> list[str]:
    """The normalized question sentences of `text` and each one's last clause after a comma ("passed with 221 but
    want EM, thinking of retaking, can you even retake a pass?"); the whole text if none has a "?" and
    `whole_if_none`. Commas are split before normalizing, which drops them."""
    questions = [s for s in _SENTENCE_END_RE.split(text) if "?" in s] or ([text] if whole_if_none else [])
    return [normalize(part) for q in questions for part in {q, q.rsplit(",", 1)[-1]}]


_ABOUT_THE_PLAN_RE = quick_re.compile(
    r"\b(?:days? off|rest days?|weekends?|hours? a day|per day|each day|every day|study days?|schedule|plan|"
    r"remind\w*|nudge\w*)\b"
)
"""A question about the plan's own shape ("can i take a day off every week?"): the set-up answers it."""
_YES_NO_OPEN_RE = quick_re.compile(
    r"(?:(?:so|ok|okay|and|but|also|wait|honestly|then|hey|yo|like)\s+){0,2}"
    rf"{_YES_NO_VERBS}\s+(?:i|it|my|a|an|the|this|that|there|they|we|you|u|he|she|people|programs?|pds?|\d+)\b"
)
"""A clause that opens as a yes/no question ("do i still apply this cycle?", "is 6 weeks enough?"), not "my exam is on
the 12th, right?"."""
_ASKED_OF_US_RE = quick_re.compile(r"(?:\w+\s+){0,3}?(?:can|could|will|would|pls|please)\s+(?:you|u|ya)\b")
"""A request to us ("can you check in weekly?"), not a question to answer yes or no."""


def yes_no_question(text: str) -> bool:
    """Whether the student's question is a yes/no one ("is 240 enough?", "can IMGs match derm")."""
    return any(
        (_YES_NO_START_RE.match(q) or _YES_NO_TAG_RE.search(q) or " or not" in q or q.endswith(" right"))
        and not _ALARM_ASKED_RE.search(q)
        for q in _question_clauses(text, whole_if_none=True)  # the question may be the sentence's last clause
    )


_ALARM_ASKED_RE = quick_re.compile(r"\bshould i (?:be )?(?:panic\w*|worr\w*|freak\w*|stress\w*|scared|concerned)\b")
"""Whether to be alarmed, asked: a "yes" written for "is that normal?" would tell them to panic."""


# ----------------------------------------------------------------------------- short and odd messages

_KEY_ROWS = (frozenset("qwertyuiop"), frozenset("asdfghjkl"), frozenset("zxcvbnm"))
_VOWELS = frozenset("aeiouy")
MASH_WORDS = 4
"""Only this short a message is judged keyboard mash: longer ones have enough words to read."""


def keyboard_mash(tokens: list[Token]) -> bool:
    """A short message, half or more of its words keyboard mash: four or more vowel-less letters from one
    row of keys ("lkjh", "sdfg"; not "tmrw", whose letters span rows)."""
    if len(tokens) > MASH_WORDS:
        return False
    words = [t.low for t in tokens if t.low.isalpha()]
    mash = [w for w in words if len(w) >= 4 and not set(w) & _VOWELS and any(set(w) <= row for row in _KEY_ROWS)]
    return bool(words) and 2 * len(mash) >= len(words)


_DATE_ALONE_RE = quick_re.compile(
    r"(?:on\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|\d{1,2}\s+\d{1,2}(?:\s+\d{2,4})?)"
)


def date_alone(norm: str) -> bool:
    """The message is only a date ("june 14", "14th of june", "6/14" as normalised)."""
    return _DATE_ALONE_RE.fullmatch(norm) is not None


_ACKNOWLEDGEMENTS = frozenset(
    {
        "yes",
        "yeah",
        "yep",
        "yup",
        "no",
        "nope",
        "nah",
        "sure",
        "nvm",
        "never mind",
        "hmm",
        "idk",
        "maybe",
        "same",
        "right",
        "true",
        "exactly",
        "lol",
        "ya",
        "yea",
    }
)


def acknowledgement(norm: str) -> bool:
    """A reply to a question we never asked ("yes", "nvm"): nothing to answer until they say more ("ok" stays
    small talk)."""
    return norm in _ACKNOWLEDGEMENTS


_TIRED_BUT_OK_RE = quick_re.compile(
    r"\b(?:tired|exhausted|drained|sleepy|wiped)\s+but\s+(?:ok|okay|good|fine|alright|productive|happy|proud|not bad)\b"
)


def tired_but_ok(norm: str) -> bool:
    """ "80 questions today, tired but ok": a day's report, not burnout."""
    return _TIRED_BUT_OK_RE.search(norm) is not None


_WHY_RE = quick_re.compile(r"\b(?:why|how (?:is|was|did|could|come|can|do)|how s that|what happened)\b")
_PRACTICE_VS_REAL_RE = quick_re.compile(
    r"\b(?:practice|nbmes?|uwsa\w*|self assessments?|free 120|predicted)\b.*\b(?:real|actual|the exam|ck)\b"
    r"|\b(?:real|actual|ck)\b.*\b(?:practice|nbmes?|uwsa\w*|predicted)\b"
    r"|\b(?:lower|higher|less|worse|better|below|above)\s+(?:than\s+)?(?:all\s+)?(?:my\s+|the\s+)?"
    r"(?:practice|nbmes?|uwsa\w*|self assessments?|predict\w*)"
)


def asks_why_real_differs(norm: str) -> bool:
    """Why a real result differs from practice ones ("why is my 241 lower than my nbmes"), not what it fits."""
    return _WHY_RE.search(norm) is not None and _PRACTICE_VS_REAL_RE.search(norm) is not None
