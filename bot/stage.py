"""Where a student is on the road to residency, from what they say now and what we remember.

The stage decides which of several answers fits and which next step is right: a student who
has sat the exam needs no advice on spacing out self-assessments, and an incoming resident
has no school advisor to ask.
"""

from __future__ import annotations

import datetime as dt

from bot import quick_re
from bot.student import About
from bot.understand import EARLY_MATCH_FIELDS, Parsed
from bot.understand.cues import KIN, just_matched, no_interviews_yet, prelim_only, result_in_hand, score_out
from knowledge.models import Stage

_SAID: tuple[tuple[Stage, quick_re.Pattern], ...] = (
    (
        "incoming_resident",
        quick_re.compile(
            # their own match news is `just_matched`'s ("IMGs who matched into IM" is not theirs)
            r"\b(?:incoming (?:[\w&/-]+\s+){0,2}?(?:intern|resident|pgy\s*-?\s*1)|"
            # a PGY-1 said of themselves, not "a separate PGY-1 year" asked about
            # (not the intern year an applicant ranks: "do I pick the intern year based on location?")
            # (not a deadline asked: "do I need Step 3 before starting residency?")
            r"(?<!before )(?<!prior to )(?<!by )(?:start|starting|begin|beginning) (?:my )?(?:residency|intern year)|"
            r"(?:in|during|through|surviving|survive) (?:my )?intern year|"
            r"intern year (?:starts|started|begins|began|is (?:brutal|killing|rough|hard))|intern life\b|"
            r"(?:i m|im|i am|as an?|now an?|currently an?|starting|start) (?:an? )?pgy\s*-?\s*1|pgy\s*-?\s*1 now|"
            # a resident already, said of themselves: "PGY1 FM. ...", "PGY2 in gen surg now", "intern here"; not a
            # PGY-1 asked about ("is pgy1 in a prelim year harder"), a resident of a state, an intern at a lab
            r"^pgy\s*-?\s*[1-7]\b|pgy\s*-?\s*[1-7] (?:here|now|resident|intern)\b|"
            r"pgy\s*-?\s*[1-7] in (?:\w+\s+){1,3}?now\b|"
            r"(?:i m|im|i am|as an?|now an?|currently an?) (?:an? )?pgy\s*-?\s*[2-7]\b|"
            r"(?<!\bany )(?<!\ba )(?<!\bthe )(?<!\bno )(?:intern|resident) here|"
            # "im a second year resident", "first year resident here" (not a med school's first year)
            r"(?:(?:i m|im|i am) (?:an? )?|^)(?:first|second|third|1st|2nd|3rd) year (?:intern|resident)\b|"
            r"(?:i m|im|i am) (?:an? |currently an? )?(?:intern|resident)\b(?! (?:at|of) heart)(?! of\b)"
            r"(?! (?:at|in|with) (?:a |an |the )?(?:research|lab|company|startup|firm|bank|law|tech))|"
            # a residency contract named: "or they'll rescind my contract" (not a job offer pulled), "my residency
            # contract" (not "my contract at the research lab")
            r"(?:rescind|revoke)\w* (?:my )?(?:contract|position|match)|"
            r"my (?:residency|intern|pgy\s*-?\s*1) contract)\b"
        ),
    ),
    (
        "interviewing",
        quick_re.compile(
            r"\b(?:interview (?:invites?|season|trail|day)|interviewing|interviewed (?:at|with)|after (?:my |all )?"
            # (not "should I take Step 3 before rank lists are due": a deadline ahead)
            r"interviews|(?<!before )(?<!until )(?<!till )(?<!by )(?<!before my )(?<!before the )rank lists?|"
            r"(?<!before )(?<!before my )rank order lists?|"
            r"ranking (?:meetings?|season|committee)|rank meetings?|"
            # "interviews are done", "finished my interviews": between the interviews and the rank list
            r"interviews (?:are |r )?(?:done|over|finished)|"
            # "peds interviews going great", "my interviews went well": under way, or behind them
            r"(?<!friends )(?<!friend s )(?<!their )(?<!his )(?<!her )(?<!\b0 )(?<!\bno )(?<!zero )"
            r"interviews (?:are |r |have )?(?:going|went|been going)\b(?! into)|"
            r"(?:finished|done with|wrapped up) (?:my |all )?(?:\w+ )?interviews|"
            # "I have 9 IM interviews so far", "in my third interview the PD asked", "interview tmrw at my #1"
            # counts held, not hoped for or feared ("hoping for 10 interviews", "is 15 interviews enough")
            r"(?<!\bto )(?:had|have|got)\s+(?:\d{1,2}|a few|several|two|three|four|five|six|seven|eight|nine|ten|"
            r"eleven|twelve)\s+(?:\w+\s+)?interviews\b(?!\s+(?:is\s+|are\s+)?(?:enough|good|safe))|"
            r"\b(?!0\b)\d{1,2}\s+(?:\w+\s+)?(?:interviews|invites)\s+(?:so far|done|total|already|lined up|scheduled|"
            r"booked|down|left|to go|out of)|"
            r"in my (?:first|second|third|fourth|fifth|last|\w+th) interview|"
            # "first interview done and i think i bombed it", "interviewer asked about my step score and i froze"
            r"(?:first|second|third|fourth|fifth|last) interview (?:is |was )?(?:done|over|went|today|yesterday)|"
            r"(?<!mock )(?<!practice )interviewer (?:asked|said|told|was|kept)|"
            r"(?<!mock )(?<!practice )in (?:an|my|the) interview (?:today|yesterday|this morning|this week)|"
            r"bombed (?:my |the |that |an |this )?(?:\w+ )?interview\b(?! prep)|"
            # "peds applicant, 11 interviews": a count said beside the application
            r"(?:applicant|applying)\W+(?:(?!need|want|hop|aim|expect|get|enough|how|is|are)\w+\W+){0,3}?(?!0\b)"
            r"\d{1,2}\s+interviews\b(?!\s+(?:enough|needed|to match))|"
            # "finished my 8th IM interview yesterday": an interview behind them, counted
            r"(?:finished|did|had|wrapped up|done with|just did) my "
            r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last) "
            r"(?:(?!mock |practice )\w+ )?interview\b|"
            # "at the pre interview dinner a resident said...", "had an interview today": there now, or just back
            r"(?:pre[- ]?interview (?:dinner|social|night)|interview dinner|(?:had|did) (?:an|my) interview (?:today|"
            r"yesterday|this morning|this week))|"
            # "sitting on 9 interviews", "landed 6 invites", "9 IIs for derm", "9 interviews in"
            r"(?:sitting on|landed|received)\s+(?!0\b)\d{1,2}\s+(?:\w+\s+)?(?:interviews|invites|iis)\b|"
            r"\b(?!0\b)\d{1,2}\s+(?:\w+\s+)?iis\b|\b(?!0\b)\d{1,2}\s+interviews\s+in(?=\s*(?:$|,|(?:and|so|now|already|but|does|do|is|will|should|can)\b))|"
            r"(?<!mock )(?<!practice )interview (?:tomorrow|tmrw|tmr|today|next week|this week|"
            r"on (?:monday|tuesday|wednesday|thursday|friday))|"
            # "interview at my top IM program next week"
            r"(?<!\bno )(?<!\bzero )(?<!\b0 )(?<!\bmock )(?<!\bany )"
            r"interviews? (?:at|with) (?:[\w#&-]+ ){1,5}?(?:tomorrow|tmrw|today|next week|this week|"
            r"on (?:monday|tuesday|wednesday|thursday|friday)))\b"
        ),
    ),
    (
        "applying",
        # (not the exam's own: "my USMLE application doesn't have my middle name", "my application for step 2")
        quick_re.compile(
            r"\b(?:eras|applying|(?<!usmle )(?<!exam )(?<!ck )(?<!step 2 )(?<!step2 )(?<!nbme )(?<!fsmb )(?<!ecfmg )"
            r"application"
            r"(?! (?:for|to) (?:the )?(?:step|ck|exam|usmle))|apply (?:this|next) (?:cycle|year)|residencycas)\b"
        ),
    ),
    (
        "waiting",
        quick_re.compile(
            r"\b(?:waiting (?:for|on) (?:my )?(?:score|result)s?|score (?:isn t|isnt|not) out"
            # "score comes out wednesday", "results release next week": the day it comes, still ahead
            r"|(?:score|scores|result|results)\s+(?:comes?|will come|drops?|releases?|will be released|are released)"
            r"\s+(?:out\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next|this|in)"
            # "supposed to get my score tomorrow morning", "score is due wednesday"
            r"|(?:get|getting|see|seeing)\s+(?:my|the)\s+(?:score|result)s?\s+(?:back\s+)?(?:on\s+)?"
            r"(?:monday|tuesday|wednesday|thursday|friday|tomorrow|tmrw|next week|this week)"
            r"|(?:score|result)s?\s+(?:is|are|s)\s+(?:due|out)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
            r"tomorrow|tmrw|next week|this week)"
            # "16 more days till my score", "a week until results"
            r"|(?:days?|weeks?|hours?)\s+(?:till|until|til|to)\s+(?:my\s+|the\s+)?(?:score|result)s?"
            r"\b)\b"
        ),
    ),
    (
        "preclinical",
        # not "pathology has been my plan since second year", "derm research since M1": a year behind them
        quick_re.compile(
            r"\b(?<!since )(?<!from )(?<!during )(?<!back in )(?:o?ms\s*[12]|oms\s*i{1,2}(?! think)|m[12]|"
            r"(?<!in my )(?:first|second|1st|2nd) year"
            # not "second year in a row", "my second year of applications": a count of years, not a class; not a
            # resident's year ("second year resident")
            r"(?! in a row| of (?:residency|applications?|applying|interviews)| (?:resident|intern|fellow|attending))"
            # studying for Step 1: Step 2 CK is still ahead of the clerkships
            r"|preclinical|pre clinical|studying for (?:step\s*1|step one|usmle step\s*1))\b"
        ),
    ),
    ("studying", quick_re.compile(r"\b(?:dedicated|studying for|study(?:ing)? plan|exam is|test is|my exam on)\b")),
)

_PRECLINICAL_RE = dict(_SAID)["preclinical"]
"""A preclinical class, as a remembered stage is read ("ms2", "second year")."""


_SWITCHING_RE = quick_re.compile(
    # a field, not a resource: "should i switch to amboss" is no application
    r"\bswitch(?:ing|ed)?\s+(?:specialties|specialty|fields?)\b|\bchang(?:e|ing)\s+specialt(?:y|ies)\b|"
    r"\bswitch(?:ing|ed)?\s+(?:to|into|over to)\s+(?:rads|radiology|anesthesia|anesthesiology|gas|psych|psychiatry|im|"
    r"internal medicine|fm|family medicine|peds|pediatrics|neuro|neurology|derm|dermatology|em|emergency medicine|path|"
    r"pathology|pm ?r|ent|ortho|gen surg|general surgery|surgery|ob ?gyn|ophtho|ophthalmology|uro|urology)\b"
    # "would my 246 let me switch after PGY1": the field left unsaid, the time of leaving said
    r"|\bswitch(?:ing|ed)?\s+(?:after|during|before|out of)\s+(?:pgy\s*-?\s*\d|intern year|residency|"
    r"(?:my|the|this)\s+(?:program|residency|intern year|pgy\s*-?\s*\d|first year))\b"
)
"""A change of field: for a resident (said in the message), an application again; for a student, a choice of field."""
_REAPPLYING_RE = quick_re.compile(
    r"\b(?:re-?apply\w*|re applying|applying again|apply again)\b(?!\s+(?:to|for)\s+(?:ecfmg|certification|"
    r"a visa|visa|my license|licensure|the license))"
)
_MATCHED_BEFORE_RE = quick_re.compile(
    r"\b(?:last (?:year|cycle)|prelim\w*|transitional|categorical|didn t match|unmatched)\b"
)
"""A match in the past, beside reapplying: the match was a prelim or a year ago, and they apply again."""


_THEIR_APPLYING_RE = quick_re.compile(
    rf"\b(?:{KIN}s?|she|he|they|everyone|everybody|people|all my friends)\s+"
    r"(?:who s\s+|who is\s+|who are\s+|is\s+|s\s+|are\s+|re\s+)?(?:all\s+)?(?:also\s+)?applying\b"
)
"""An "applying" said of someone else ("my friend (applying derm...)", "she's applying EM"): not their stage."""


def stage_of(parsed: Parsed, about: About, norm: str, today: dt.date | None = None) -> Stage | None:
    """The student's stage: what this message says first, then what we remember; None when unknown."""
    said = next((stage for stage, pattern in _SAID if pattern.search(norm)), None)
    if _REAPPLYING_RE.search(norm) and (not just_matched(norm) or _MATCHED_BEFORE_RE.search(norm)):
        return "applying"  # "matched prelim surgery last year, reapplying categorical": applying again
    # ophthalmology's first year comes with the position
    prelim = prelim_only(norm) and not EARLY_MATCH_FIELDS & {*parsed.specialties, *parsed.other_specialties}
    if (said == "incoming_resident" or just_matched(norm)) and (_SWITCHING_RE.search(norm) or prelim):
        # "PGY2 in gen surg, seriously thinking about switching to rads", "matched prelim surgery only, no categorical
        # spot": applying again, so the score still counts
        return "applying"
    if said == "incoming_resident" or just_matched(norm):  # "matched IM!! do i still need...": past applying
        return "incoming_resident"  # a resident-to-be who failed needs what to tell their program, not a school advisor
    if parsed.status == "failed" or (parsed.status is None and about.status == "failed"):
        return "retaking"
    if parsed.retake_booked and parsed.status != "passed":
        return "retaking"  # "2nd attempt in 8 weeks, 1st score was 201": a retake ahead, a fail behind them
    for stage, pattern in _SAID:
        if stage == "interviewing" and no_interviews_yet(norm):
            continue  # "my friend got 4 interviews already and i have zero": still applying, whoever has them
        if stage == "applying" and not pattern.search(_THEIR_APPLYING_RE.sub(" ", norm)):
            continue  # "my friend (applying derm, so take that...)": their application, not the student's
        if pattern.search(norm):
            if stage == "applying" and parsed.exam_date and parsed.status is None and parsed.score is None:
                # "Step 2 CK for Feb 27... is there any point if I'm applying FM?": the exam still ahead comes
                # first (an applicant's next steps speak of a score in hand)
                return "studying"
            return stage
    if parsed.status == "taken" and parsed.score is None:
        # "got my ck score back today, avg for derm?": the score is in hand, only not told
        return "has_score" if score_out(norm) else "waiting"
    untold = parsed.status is None and parsed.score is None and not parsed.practice and not parsed.someone_else
    if untold and result_in_hand(norm):
        return "has_score"  # "got my score and it's lower than every practice test": theirs, in hand, untold
    # "took ck in august, my score came out today: 246": a score told after the exam is theirs in hand
    told_after = parsed.status == "taken" and not (parsed.hypothetical or parsed.someone_else)
    if (parsed.score is not None and (parsed.own or told_after)) or parsed.status == "passed" or about.score_own:
        return "has_score"
    if parsed.exam_date or _ahead(about.exam_date, today):
        return "studying"
    if about.status == "taken":
        return "waiting"
    if about.stage and _PRECLINICAL_RE.search(about.stage):
        return "preclinical"  # "MS2 here, avg for derm?", then "what about ortho?": the class they told us
    return None


def _ahead(exam_date: str | None, today: dt.date | None) -> bool:
    """A remembered exam date that is still to come."""
    if not exam_date:
        return False
    try:
        return dt.date.fromisoformat(exam_date) >= (today or dt.date.today())
    except ValueError:
        return False
