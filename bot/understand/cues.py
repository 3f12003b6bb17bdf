"""The few rules that stay beside the classifier: pure greetings, help, and study-plan requests.

They are cheap, exact and easy to explain; everything else about intent is learned from
the labelled examples in knowledge/examples/.
"""

from __future__ import annotations

import re

from bot.parse_answers import find_exam_date
from bot.understand.exam_ahead import ANY_DAY, EXAM_WORDS, PAST_WORDS, words_re
from bot.understand.specialties import Token
from knowledge.text import normalize
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
_EXAM_WORD_RE = words_re(*EXAM_WORDS, "step two", "step (?:2|two) ck", "s2ck", "boards?")
# A date beside these is an exam taken, a practice test or a score question, not one to plan for.
_NOT_AHEAD_RE = words_re(*PAST_WORDS, "did|were|practice|uworld|uw|nbme|uwsa|cbse|free 120|blocks?|scores?|results?")
_PLAN_SPAN_RE = re.compile(
    rf"\b{_SPAN} (?:left|until|till|to go|out|before (?:my|the) (?:exam|test)|of dedicated|dedicated)\b"
)
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
    if not _EXAM_WORD_RE.search(norm) or _NOT_AHEAD_RE.search(norm) or find_exam_date(text, ANY_DAY) is None:
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


# Hopelessness and self-harm, as patterns beside the phrase list in knowledge/vocab/words.json:
# people say it in many shapes ("i kinda want to just not exist", "thinking of ending things"),
# and a missed one is the mistake we cannot afford; a caring reply to a false alarm costs little.
_HOPELESS_RE = re.compile(
    r"\b(?:want|wanna|wanted|wanting|wish|wishing|thinking|thought|thoughts|considering|going|gonna|might|"
    r"ready|planning|tempted|urge)\b(?:\s+\w+){0,4}?\s+(?:to\s+|of\s+|about\s+)?(?:just\s+)?"
    r"(?:die|dying|be dead|kill(?:ing)? myself|end(?:ing)? (?:it all|my life|things|everything|it)|"
    r"not (?:be )?(?:alive|here|exist|existing|wake up)|(?:stop )?exist(?:ing)?\s+any\s*more|unalive|"
    r"tak(?:e|ing) my (?:own )?life|hurt(?:ing)? myself|harm(?:ing)? myself|disappear (?:forever|for good)|"
    r"sleep (?:forever|and (?:never|not) wake up)|jump(?:ing)? off|overdos\w*)\b"
    r"|\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|starve|starving)\s+myself\b"
    r"|\bsuicid\w*|\bself\s*-?\s*harm\w*|\boverdos\w*|\bkms\b|\bunalive\b"
    r"|\b(?:no|zero|not any|nothing)\s+(?:reason|point|will)\s+(?:to|in|of|for)\s+(?:live|living|go on|going on|"
    r"be alive|being alive|life|existing|keep going)\b"
    r"|\b(?:life|living|my life)\s+(?:is|isn t|isnt|feels|seems)\s+(?:not worth|pointless|meaningless|worthless|"
    r"over)\b"
    r"|\bnot worth (?:living|being alive|it anymore|going on)\b"
    r"|\bbetter off (?:dead|gone|without me|if i (?:was|were)n ?t (?:here|alive|around))\b"
    r"|\b(?:don t|dont|do not|no longer)\s+want\s+to\s+(?:live|exist|be alive|be here|wake up|go on)\b"
    r"|\bwish i (?:was|were|wasn t|wasnt|weren t|werent|could|had never been|hadn t been)\s+"
    r"(?:dead|alive|born|here|disappear|die|sleep forever|never born|around)\b"
    r"|\b(?:what s|whats|what is)\s+the\s+point\s+(?:of|in)\s+(?:living|life|anything|going on|it all|being alive)\b"
    r"|\b(?:give|gave|giving)\s+up\s+on\s+(?:life|living|everything|myself)\b"
    r"|\b(?:no|don t see a|dont see a|can t see a|cant see a)\s+way\s+out\b"
    r"|\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bi\s*m\s+a\s+burden\b|\bburden\s+to\s+everyone\b"
    r"|\brather be dead\b|\bno future for me\b|\bchecking out (?:permanently|for good)\b"
    r"|\b(?:all|bottle of|handful of|saved up|stockpil\w*|hoard\w*)\s+(?:my\s+|of\s+my\s+)?(?:pills|meds|medication)\b"
    r"|\b(?:hit|hits|hitting)\s+by\s+a\s+(?:car|bus|truck|train)\b|\b(?:car|bus|truck|train)\s+hits\s+me\b"
    r"|\bdriv\w*\s+(?:my car\s+)?into\s+a\s+(?:wall|tree|truck)\b|\b(?:goodbye|suicide)\s+(?:note|letter)\b"
    r"|\bnot safe (?:right now|tonight|alone|with myself)\b|\bdon t trust myself\b"
    r"|\bways to (?:die|end it|kill myself|end my life)\b|\b(?:can t|cant|cannot)\s+survive\s+this\b"
    r"|\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|my)\s+(?:bridge|roof|building|balcony|window|ledge)\b"
    r"|\b(?:scratch|scratched|scratching|burn|burned|burnt|burning|punch|punched|punching)\s+myself\b"
    r"|\bstop existing\b"
)


_IDIOM_RE = re.compile(
    r"\b(?:die|dying|died)\s+(?:of|from)\s+(?:embarrassment|boredom|cringe|laughter|laughing|shame|hunger)\b"
    # "I'm not suicidal, just tired": what they rule out is not read as said (anything else still is).
    r"|\b(?:not|never|nt)\s+(?:suicidal|going to (?:hurt|kill) myself|"
    r"thinking (?:of|about) (?:hurting|killing) myself)\b"
)


def without_idioms(norm: str) -> str:
    """The text less figures of speech that only sound like a crisis ("I want to die of embarrassment")."""
    return _IDIOM_RE.sub(" ", norm)


def hopeless(norm: str) -> bool:
    """Hopelessness or self-harm in words the phrase list may not hold (see `_HOPELESS_RE`)."""
    return _HOPELESS_RE.search(norm) is not None


_ASKS_AVERAGE_RE = re.compile(
    r"\b(?:median|average|avg|mean|typical(?:ly)?|usually get|usually score|what do (?:people|ppl|matched)|"
    r"what (?:score|scores) do|competitive score|score (?:range|for)|scores for|stats? for)\b"
)


def asks_average(norm: str) -> bool:
    """An average word ("avg", "median", "what do people get"): with a specialty, the averages frame."""
    return _ASKS_AVERAGE_RE.search(norm) is not None


_MATCHED_RE = re.compile(
    r"\b(?:i|we|finally|just|officially|i ve|ive|i have)\s+(?:just\s+|finally\s+|officially\s+)?matched\b"
    r"|\bmatched\s+(?:into|at|to|in)\b"
)
_NOT_MATCHED_RE = re.compile(r"\b(?:didn t|didnt|did not|not|never|if|hope|hoping|unmatched|don t|dont|won t)\b")


def just_matched(norm: str) -> bool:
    """ "I MATCHED!!!", "just matched into gen surg": news to congratulate first, not a question about match rates."""
    return _MATCHED_RE.search(norm) is not None and _NOT_MATCHED_RE.search(norm) is None


_DISAPPOINTED_RE = re.compile(
    r"\b(?:disappoint\w*|bummed|gutted|let down|crushed|devastat\w*|heartbroken|sad|upset|not happy|"
    r"hoped for (?:more|better|higher)|expected (?:more|better|higher)|wanted (?:more|higher|\d{3}))\b"
    r"|\bonly (?:got )?an? ?\d{3}\b|\bpassed but\b|\bbarely passed\b"
)
_SAD_EMOJI = frozenset("🥲😭😢😞😔😩😫💔☹🙁")
_RELIEF_RE = re.compile(
    r"\b(?:relieved|relief|phew|thank (?:god|goodness|heavens)|thank fully|thankfully|dodged|weight off)\b"
)
_WORRY_RE = re.compile(
    r"\bam i (?:screwed|cooked|done for|doomed|finished|toast|cooked)\b|\bis it over for me\b|\bam i ruined\b"
    r"|\b(?:did i|have i) (?:ruin|ruined|tank|tanked|blow|blown|screw|screwed)\b|\bruined my chances\b"
    r"|\bno chance\b|\bany chance at all\b|\bam i (?:out|delusional)\b"
)


def felt(text: str, norm: str) -> str | None:
    """Feelings the model has no label for, by rule: "disappointment" ("passed 🥲 but only 221"),
    "relief" ("phew, 238"), "worry" ("am I screwed?"); None when none is plain."""
    if _DISAPPOINTED_RE.search(norm) or any(ch in _SAD_EMOJI for ch in text):
        return "disappointment"
    if _RELIEF_RE.search(norm):
        return "relief"
    if _WORRY_RE.search(norm):
        return "worry"
    return None


_YES_NO_START_RE = re.compile(
    r"^(?:(?!(?:what|how|why|when|where|which|who|whom|whose)\b)\w+\s+){0,4}?"  # no wh-word before the verb
    r"(?:is|isn t|are|aren t|am|was|were|can|can t|could|do|does|did|don t|doesn t|will|won t|"
    r"would|should|shall|has|have|had|may|might|must)\s+(?:i|it|my|a|an|the|this|that|there|they|we|you|he|she|"
    r"people|programs?|pds?|[a-z0-9]+)\b"
)
_SENTENCE_END_RE = re.compile(r"(?<=[.?!])\s+|\n+")


def yes_no_question(text: str) -> bool:
    """Whether the student's question is a yes/no one ("is 240 enough?", "can IMGs match derm")."""
    questions = [s for s in _SENTENCE_END_RE.split(text) if "?" in s] or [text]
    return any(
        _YES_NO_START_RE.match(normalize(q)) or " or not" in normalize(q) or normalize(q).endswith(" right")
        for q in questions
    )
