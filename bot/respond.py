"""The answer road: a message as understood, and the student, to one composed Reply.

Everything `interpret.road` sends to "answer" (and the feeling roads) is answered here, in the
order the reply is read: the feeling first, a quoted figure named as not theirs, the most
specific answer there is (the answer bank, else the topic's or the frame's own), the student's
numbers beside it, the next step for their stage, then their other questions as buttons.
Pure: no store, no clock (today is passed in), no transport.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from html import escape

from bot import advice, interpret, quick_re, talk
from bot.answer_bank import band_against, best_answer, fits, in_band
from bot.memory import merged_about, older_score
from bot.parse_answers import find_exam_date
from bot.reply import Reply
from bot.stage import stage_of
from bot.student import Profile
from bot.understand import (
    BLOCK_SWINGS_ANSWER,
    EARLY_MATCH_FIELDS,
    FAILED_ATTEMPT_ANSWER,
    FELT_AWFUL_ANSWER,
    PRACTICE_DROPPED_ANSWER,
    RANKING_ANSWER,
    SPECIFIC_CHARS,
    WEAK_AREAS_ANSWER,
    Parsed,
    cues,
    moot,
)
from bot.understand.about import failed_comlex, failed_step1, someone_else_failed
from bot.understand.scores import someone_got
from knowledge import Knowledge, topics
from knowledge.models import Answer, ScoreBand
from knowledge.text import normalize

_WANTED_MORE_RE = quick_re.compile(
    r"\b(?:wanted|hoped for|hoping for|expected|was aiming for|aimed for|goal was|target was)\s+(?:an?\s+)?"
    r"(?:\d{3}|more|higher|better)\b"
)
"""A wish for a higher number, said beside the result ("266. wanted 270")."""
WHAT_A_FAIL_TOUCHES = frozenset(
    {topics.WHY_STEP2_MATTERS, topics.PROGRAM_DIRECTORS, topics.RETAKES, topics.USMLE_TIME_LIMITS, topics.LOW_SCORE}
)
"""Topics a matched student's question about a fail behind them may be in ("will it hurt my fellowship?")."""
FAILED_READS = frozenset(
    {
        topics.LOW_SCORE,
        topics.RETAKES,
        topics.AFTER_FAIL,
        topics.SCORE_RELEASE,
        topics.PASSING_SCORE,
        topics.GOOD_SCORE,
        topics.PERCENTILES,
        topics.IMG,  # "I'm an IMG, matched IM but just failed ck": the fail is what to answer
        topics.DO_STUDENTS,  # "failed CK by 4 points... I'm a DO, COMLEX passed": not whether to add Step 2 CK
        None,
    }
)
"""Topics a student who says they failed is really asking about what to do next."""


_PASS_MARK_ASKED_RE = quick_re.compile(
    r"\b(?:what s|whats|what is)\s+(?:the\s+)?(?:passing|pass mark|pass score|minimum)\b"
    r"|\bpassing score (?:again|now)\b"
)
"""The pass mark asked outright ("what's the passing score again"), whatever else a retaker tells."""
_RETEST_RE = quick_re.compile(r"\b(?:retake|retest|re take|again|second attempt|attempts?)\b")
PRACTICE_DROPPED = PRACTICE_DROPPED_ANSWER  # understanding leads to it too: one name for the id
"""What to do when a practice score falls ("one dip isn't a verdict"): only for a fall said."""
"""Whether programs look at Step 2 CK again when they rank, for questions after interviews."""
REAL_LOWER_ANSWER = "pt-real-lower"
"""Why a real result came in under practice ones."""
AROUND_RANKING = frozenset(
    {
        topics.SCORE_BEFORE_INTERVIEW,
        topics.MATCH_WITH_AVERAGE,
        topics.PROGRAM_DIRECTORS,
        topics.LOW_SCORE,
        topics.GOOD_SCORE,
        topics.SCORE_RELEASE,
    }
)
"""Topics a question about being ranked after interviews is heard as, whose general answers are about screening."""
MATCHED_SCORE_ANSWER = "matched-score-still-matters"
MATCHED_WHAT_NOW_ANSWER = "matched-what-now"
CANT_START_ANSWER = "after-fail-cant-start"
"""The NRMP's answer for a matched student who can't start on time: a waiver of the commitment, a deferral."""
NOT_MATCHED_ANSWER = "match-unmatched-soap"
REAPPLY_ANSWER = "match-reapply"
IMG_AVERAGES_ANSWER = "img-where-averages"
"""Where IMGs' averages are published: led by the ones the store holds for the fields asked about."""
PASSED_NO_RETAKE_ANSWER = "low-cant-retake-passed"
FAIL_ON_RECORD_ANSWER = "rt-programs-see-fail"
"""For a fail behind a passed retake: whether programs still see it, not what to do right after failing."""
EXPLAIN_THE_FAIL_ANSWERS = frozenset({"af-explain-in-eras", "interview-score-question"})
"""How to tell of a fail behind them (in ERAS, at interviews): asked of it, these lead before its being on record."""
DELAY_ANSWER = "timing-delay-or-pending"
"""For "should I push my exam?": whether to delay, against testing unready or applying with the score pending."""
SCORE_ASKS = frozenset({"score_check", "score_fit"})
FAIL_BEHIND = frozenset({topics.AFTER_FAIL, topics.RETAKES})
_FAIL_ASKED_RE = quick_re.compile(r"\bfail\w*\b[^.?!]*\?")
"""A question about the fail itself ("will programs filter me for the fail?")."""
_FAIL_TOLD_RE = quick_re.compile(
    r"(?<!\blike )(?<!\bthinking )(?<!\bthink )(?<!\bthought )(?<!\bsure )(?<!\bconvinced )(?<!\bworried )"
    r"(?<!\bscared )(?<!\bafraid )(?<!\bif )(?<!\bwhether )"
    r"\bi(?:'ve| have)?\s+(?:(?!(?:a|an|the|my)\b)\w+\s+){0,3}?failed\b"
)
"""An answer written for someone who failed ("I've matched but failed Step 2 CK. What do I tell my program?"); not
one for a fail only feared ("I walked out of Step 2 feeling like I failed")."""
SCORED_STEP1_ANSWER = talk.SCORED_STEP1_ANSWER
LEAVE_EARLY_ANSWER = "rt-incomplete"
FINAL_DAYS_ANSWER = "ed-final-days"
FINAL_DAYS = 3
"""Days before the exam from which a reply's next step is the last days' advice (light review, ID, sleep), not a
self-assessment or a plan of weeks."""
NERVES_DAYS = 5
"""Days before the exam within which nerves with no question are met with the last days' advice (its answer is
written for "a few days")."""
HELD_ANSWER = "score-held-investigation"
LATE_SCORE_ANSWER = "sr-not-yet"
"""For a late score feared to mean an irregularity ("my friend said a delay might mean a flag??"): why scores are
late, not what happens once USMLE holds a score (`HELD_ANSWER`), which would feed the fear."""
COUPLES_ANSWER = "match-couples"
EARLY_COUPLES_ANSWER = "em-couples-military"
PRECLINICAL_ANSWER = "s1pf-preclinical-plan"
RISE_TOLD = 15
"""Points from a scored Step 1 up to the CK result from which the rise is the news, whatever the Step 1 was called."""
_WHEN_ASKED_RE = quick_re.compile(
    r"\bwhen\b|\bwhat (?:year|month|time)\b|\bhow (?:early|soon)\b"
    # "should i care about CK yet"
    r"|\b(?:care|worry|think|start)\w*\s+(?:about\s+)?(?:ck|step\s*2|it)\s+(?:yet|already|now)\b"
)
"""When to take it, asked: not how to reschedule, nor in which order the Steps go."""
_PREP_AHEAD_RE = quick_re.compile(
    r"\bwhat (?:should|do|can) i (?:do|be doing|start)\b|\bhow (?:do|should|can) i (?:prepare|prep|get ready|start)\b"
    r"|\bget ahead\b"
    # "what should my step 2 schedule look like", "when do i start thinking about ck"
    r"|\b(?:schedule|timeline|plan)\s+(?:look|be)\s+like\b|\bwhen\s+(?:do|should)\s+i\s+(?:even\s+)?start\b"
    # "M1 here, is it dumb to start UWorld for step 2 already?": starting now, weighed
    r"|\b(?:start|starting)\s+(?:on\s+)?(?:uworld|uw|amboss|a qbank|the qbank|qbanks?|studying|prepping|prep)\b"
    r"|\btoo early to\b"
)
"""What to do now, asked by a preclinical student: the preclinical plan, not a score to weigh."""
CONVERT_COMLEX_ANSWER = "do-convert-comlex"
_CONVERTS_RE = quick_re.compile(
    r"\b(?:convert\w*|translat\w*|equivalent|equal to|the same as|like an? \d{3}|corresponds?|conversion|"
    r"on the usmle(?: scale)?|usmle (?:scale|equivalent|terms))\b"
)
"""A COMLEX score asked about as a USMLE one: the conversion (none official) is the answer."""
OLD_STEP1_ANSWER = "s1s2-old-step1-number"
"""A scored Step 1 asked about without calling it low: programs still see its number."""


FREE120_ANSWER = "pt-free120-like-real"
"""What USMLE's free sample test is and isn't: the answer to a pass mark asked of it (none exists)."""
_FREE120_SAID_RE = quick_re.compile(r"\bfree\s*120\b|\bfree120\b|\bfree sample (?:test|exam|questions)\b")
NO_QUOTA_ANSWER = "pass-no-quota"
"""How passing is set (no quota), the answer to "how many fail": USMLE's own pass rates are not held."""
BEFORE_THE_MATCH = frozenset(
    {
        topics.SCORE_BEFORE_INTERVIEW,
        topics.TAKE_BEFORE_APPLYING,
        topics.PENDING_SCORE,
        topics.TIMING,
        topics.WHY_STEP2_MATTERS,
        topics.PROGRAM_DIRECTORS,
    }
)
"""Topics about applying (and why the score matters for it, and how program directors screen on it): for
someone matched already, the question is whether it still matters, and what their program asks."""
PASS_NEWS_CHARS = 200
"""In a longer post a pass is background ("...I assume not since I passed"), relieved about only when said with joy."""
_REAPPLY_RE = quick_re.compile(r"\b(?:re ?apply\w*|apply(?:ing)? again|next (?:cycle|year|match)|try again)\b")
"""Not matched, and asking about the next try: the answer on reapplying, not on this week's SOAP."""
_UNEASE_AFTER_PASS_RE = quick_re.compile(
    r"\b(?:but|now|still)\s+(?:i m|im|i am|i feel)?\s*(?:so\s+|really\s+)?(?:paranoid|anxious|worried)\b"
)
"""Unease said after a pass ("I passed with 244 but now I'm paranoid"): what is new, not the pass."""
PRACTICE_GENERAL = "pt-nbme-predict"
"""The answer on what practice tests tell you, for a practice result asked about when no other fits better."""
PERCENT_PREDICT = "pt-qbank-shelf-predict"
"""What a percentage correct tells you: no official conversion to a score, for "is 72% on the free 120 good?"."""
FIGURE_INTENTS = advice.FIGURE_INTENTS
SOON_READS = frozenset({"vent", "unknown", "smalltalk"})
"""Readings that, with the exam hours away, are about that day (`talk.exam_soon`)."""
PASS_ASKED_NEAR = 7
"""Points over the pass mark within which "is that even passing" beside a field is answered as a pass question."""
INTERVIEW_EVE_ANSWER = "interview-tomorrow"
RETAKE_STUDY_ANSWER = "af-retake-study-differently"
WHICH_TO_TRUST_ANSWER = "pt-uwsa-vs-nbme"
_TRUST_ASKED_RE = quick_re.compile(
    r"\b(?:which|what)\b(?:\s+\w+){0,4}?\s+(?:trust|believe|is (?:right|more accurate|real))\b"
    r"|\btrust (?:more|less)\b|\bmore accurate\b|\b(?:over|under)\s*predict\w*\b"
)
"""Which of two practice tests to believe, asked ("uwsa2 253 but nbme 11 was 241, which one do i trust")."""
CK_LOWER_ANSWER = "s1s2-ck-lower-drop"
"""The answer on a Step 2 CK that came out under a scored Step 1 (or COMLEX): how programs read the drop."""
DROP_FELT = 15
"""Points under a scored Step 1 at which a CK told with a feeling is the drop they feel, named or not."""
SEND_COMLEX_ANSWER = "do-send-only-comlex"
COMLEX_WEIGHED_ANSWER = "do-equal-view"
RESEND_ANSWER = "timing-resend-scores"
_INTO_ERAS_RE = quick_re.compile(
    r"\b(?:get|put|add|send|upload)\s+(?:it|my (?:new\s+)?(?:score|ck|step 2)(?:\s+score)?)\s+"
    r"(?:in|into|to|on)\s+eras\b"
    r"|\b(?:add|send)\s+(?:it|my score)\s+after\s+(?:i\s+)?submit\w*"
)
"""A score posted after applying, asked how to get to programs ("how do i get it into eras")."""
FELLOWSHIP_ANSWER = "why-fellowship"
_FELLOWSHIP_ASKED_RE = quick_re.compile(
    r"\bfellowships?\b.{0,40}\b(?:care|matter|look at|see|use|weigh)\w*|"
    r"\b(?:care|matter|look at|weigh|hurt|help|affect|count)\w*\b.{0,40}\bfellowships?\b"
)
"""The score's weight for a fellowship, asked ("does my step 2 matter for fellowship?", "will fellowships care?")."""
_COMLEX_WEIGHED_RE = quick_re.compile(
    r"\bwhich (?:one |score |exam )?(?:matters?|counts?|weighs?) more\b"
    # "do EM programs care more about the USMLE score than the COMLEX one?"
    r"|\b(?:care|look|weigh|value|focus)\w*\s+more\s+(?:about\s+|at\s+|on\s+)?(?:the\s+)?"
    r"(?:usmle|comlex|step 2|ck|level 2|l2)\b"
    r"|\b(?:usmle|step 2|ck)\b.{0,20}\b(?:more|less)\s+than\s+(?:the\s+)?(?:comlex|level 2|l2)\b"
    r"|\b(?:will|does|would|could) (?:a |my )?(?:[3-8]\d\d|comlex|level 2|l2)\b.{0,20}"
    r"\b(?:hurt|drag|count against|hold)\b"
)
"""How COMLEX weighs beside Step 2 CK, asked ("which one matters more", "will a 520 hurt me if my step 2 is 245")."""
_COMFORTED = frozenset({"worry", "stress", "panic", "shame", "disappointment", "failure", "exhaustion"})
"""Feelings met with comfort, which a student may decline ("no pep talk"); joy, relief and despair are still met."""
_COMLEX_NAMED_RE = quick_re.compile(r"\b(?:comlex|(?:level|lvl|l)\s*2(?:\s*ce)?)\b")  # "L2 612" too
_WHICH_TO_SEND_RE = quick_re.compile(
    r"\bwhich (?:one|score|exam|of (?:the|them))\b.{0,30}\b(?:lead|send|report|use|put|show|submit|release)\b"
    r"|\b(?:put|send|report|submit|release|include)\s+both\b|\bboth (?:on|in|to) eras\b"
    r"|\b(?:just|only)\s+(?:send|use|report|release|submit)\s+(?:my\s+|the\s+)?(?:comlex|level 2)\b"
    r"|\bapply (?:with|using) (?:just |only )?(?:my\s+|the\s+)?(?:comlex|level 2)\b"
)
"""Which transcript to send, asked: COMLEX, USMLE or both."""
_DROP_SAID_RE = quick_re.compile(
    r"\b(?:drop|dropped|fell|went down|decreas\w*|declin\w*)\b"
    r"|\b(?:lower|worse) than (?:my )?(?:step 1|step one|s1)\b"
)
"""A CK under a scored Step 1, said as a drop ("will that drop look bad?"); not "applying EM this fall"."""
_EVE_ASKED_RE = quick_re.compile(
    r"\bwhat (?:should|do|can) i (?:do|study|review)\b|\b(?:can ?t|cannot|couldn t|not) (?:fall )?(?:asleep|sleep)\b"
    r"|\b\d\s*(?:hrs?|hours) (?:of )?sleep\b|\bonly (?:get|got|sleep) \d\b|\bis it ruined\b"
    r"|\b(?:any |last |some )(?:tips?|advice)\b(?!\s+(?:for|on|about) (?:block|blocks|timing|staying|focus))"
)
"""What to do with the night before or the morning of, asked."""
SOON_TOPICS = frozenset({topics.STUDY_STRATEGIES, topics.STUDY_LENGTH, topics.TIMING, "prometric_practice"})
"""How to study, how long, when to sit it: with the exam hours away, the answer is that day instead."""
_SURPRISE_RE = quick_re.compile(
    r"\b(?:wow|whoa|omg|oh my god|holy|no way|shock\w*|stunned|speechless|can t believe|cant believe|"
    r"didn t expect|didnt expect|did not expect|never expected)\b"
)
"""A score met with surprise ("wow. 254. did not expect that"): news, told in a line."""
_GOOD_NEWS_SHOUTED_RE = quick_re.compile(r"^\s*(?:got\s+(?:an?\s+)?)?\d{3}\s*!{2,}\s*$", re.IGNORECASE)
"""A score shouted alone ("252!!"): news to be glad about when the score is a good one. ("Freaking out" beside a
score stays as said: it is joy for some and fear for others.)"""
_BAD_NEWS_WORDS_RE = quick_re.compile(
    r"\b(?:scared|afraid|worried|nervous|terrified|fail\w*|low|bad|disappoint\w*|below|ugh)\b"
)
SCORE_NEWS_CHARS = 60
"""Within this, a score told and nothing asked is news: one line on where it sits, not every field's figure."""
FOR_SOMEONE_ELSE = "<i>Here's what helps after a fail, to pass on to them:</i>"
QBANK_READS = frozenset(
    {
        topics.PERCENTILES,
        topics.PRACTICE_TESTS,
        topics.GOOD_SCORE,
        topics.STUDY_STRATEGIES,
        topics.MATCH_WITH_AVERAGE,  # "is a 60% uworld first pass average good": the bank's average, not a field's
        topics.OVERALL_AVERAGE,
    }
)
"""Topics a question bank's own percentage is read under: it is said to be the bank's before the answer."""
STAGED = frozenset({"faq", "score_check", "average", "compare"})
"""The intents whose answer or next step depends on the student's stage (the rest never read it)."""
_HEARD_WHEN_UNSURE = interpret.LISTENED_TO | {"disappointment"}
"""Feelings that, when nothing else of a message was understood, are answered as what was said."""


def _listened(parsed: Parsed, profile: Profile, k: Knowledge, text: str, norm: str, today: dt.date | None) -> Reply:
    """A feeling met, for the student's stage; a post that is mostly feeling may still ask things ("...is it normal to
    feel this dumb?"), each then answered in a line after listening, as a long post's other questions are."""
    stage = stage_of(parsed, profile.about, norm, today) if text else None
    final_days = _last_days_advice(parsed, profile, k, text, today, NERVES_DAYS) if stage == "studying" else None
    bare = cues.bare_days_left(text, norm) if final_days is None and stage in (None, "studying") else None
    if bare is not None and 0 < bare <= NERVES_DAYS:
        final_days = k.answers.get(FINAL_DAYS_ANSWER)  # "nerves nerves nerves. 2 days": the exam's days, in shorthand
    if (
        final_days is not None
        and parsed.feeling is not None
        and parsed.feeling in talk.SOON_FEELINGS
        and parsed.weighing != "behind"  # "ck in 6 days. i havent started uworld": no "keep it light, nothing new"
        and parsed.score is None
        and not parsed.also
    ):
        # "nerves nerves nerves. 2 days", "so nervous. ck on friday": how to spend the days left, not "tell me what's
        # weighing on you"
        return talk.days_before(parsed, final_days.short)
    heard = talk.vent(parsed, score_out=cues.score_out(norm), stage=stage)
    # "terrified i'll get a 220": the plain fact that it would pass (a point, not "scared ill get 230s", a range)
    point = parsed.score if parsed.feared and parsed.range is None else None
    if point is not None and (passes := advice.feared_still_passes(point, k)):
        heard = heard.noted(passes)
    return talk.also(parsed, k, heard, text, stage) if parsed.also and text else heard


def _percents_only(parsed: Parsed) -> bool:
    """Every practice result said is a percentage correct ("free 120 72%"), none a scaled score."""
    return bool(parsed.practice) and all(p.score is None and p.percent is not None for p in parsed.practice)


def _answered_in_a_note(parsed: Parsed, ident: str) -> Parsed:
    """The reading without an answer a note beside the figures already gives, so "You also asked" doesn't repeat it."""
    return replace(parsed, also=tuple(r for r in parsed.also if r != f"answer:{ident}"))


def respond(parsed: Parsed, profile: Profile, text: str, knowledge: Knowledge, today: dt.date) -> Reply:
    """The answer to free text: small talk, a question when unsure, else the most specific advice."""
    k = knowledge
    norm = normalize(text)
    if parsed.feeling in _COMFORTED and parsed.intent != "vent" and cues.comfort_declined(norm):
        parsed = replace(parsed, feeling=None)  # "steps not feelings", "no pep talk": the answer, first and plain
    news = (
        parsed.score is not None
        and parsed.score >= modest_score(k)
        and parsed.status != "failed"
        and not parsed.quoted
        and not parsed.hypothetical  # "12 days left!!! ... I think I need 245+": a goal, no news to cheer
    )
    shouted = news and parsed.feeling in (None, "panic", "stress") and _GOOD_NEWS_SHOUTED_RE.search(text) is not None
    if shouted and (parsed.feeling is None or not _BAD_NEWS_WORDS_RE.search(norm)):
        parsed = replace(parsed, feeling="celebration")  # "252!!": joy, not a list read out
    if (
        parsed.feeling == "celebration"
        and parsed.score is not None
        and parsed.score < modest_score(k)
        and not cues.just_matched(norm)  # "...passed with 233, and matched at my #2!!!": the match is the news
        and not cues.invites_got(norm)  # "got 7 IM interviews with a 228!!": so are interviews
    ):
        parsed = replace(parsed, feeling=None)  # no "congratulations" for a score under every average
    if (
        parsed.status == "passed"
        and parsed.feeling is None
        and (len(text) < PASS_NEWS_CHARS or cues.joyful(text, norm))
        and not cues.asks_to_retake(text, norm)  # "passed with 219, can i retake it?": not news to be relieved at
        and not failed_comlex(norm)  # "passed step 2 but failed comlex level 2": no relief beside the other fail
        and not (cues.pass_is_old(norm) and not cues.joyful(text, norm))
        and not cues.let_down_said(norm)  # "got a 226. passed but feel like i just blew my shot at gas"
        # "...passed w 228 on my retake. will programs auto reject me": a fear, unless joy is said too
        and not (cues.screened_out_asked(norm) and not cues.joyful(text, norm))
        # "I passed with 244 but now I'm paranoid": the unease is what's new (not "PASSED!!! freaking out")
        and not (
            _UNEASE_AFTER_PASS_RE.search(norm)
            and not cues.joyful(text, norm)
            and not cues.overwhelmed_by_news(text, norm)
        )
    ):
        # "I PASSED with a 241, what now for IM": the pass first; "Passed CK with 251!!": a result to be proud of
        proud = (
            cues.joyful(text, norm)
            and parsed.score is not None
            and parsed.score >= modest_score(k)
            and not cues.says_a_fail(norm)
        )
        parsed = replace(parsed, feeling="celebration" if proud else "relief")
    elif parsed.status == "passed" and parsed.feeling is None and cues.let_down_said(norm):
        parsed = replace(parsed, feeling="disappointment")  # "passed but feel like i just blew my shot at gas"
    pass_mark = k.pass_mark()
    if (
        parsed.intent == "score_check"
        and parsed.score is not None
        and pass_mark is not None
        and parsed.score < pass_mark + PASS_ASKED_NEAR
        and len(text) < SPECIFIC_CHARS
        and not (parsed.someone_else or parsed.hypothetical or parsed.quoted)
        and cues.asks_pass(norm)
    ):
        # "peds with 214?? is that even passing": whether it passes, first; the field's average beside it
        parsed = replace(parsed, intent="faq", topic=topics.PASSING_SCORE, answer=None)
    if (
        parsed.feeling == "disappointment"
        and parsed.intent in ("vent", "score_fit", "score_check")
        and parsed.score is not None
        and not (parsed.someone_else or parsed.hypothetical or parsed.quoted)
        and parsed.score >= k.typical_average()
        # a field named is the yardstick: "got 250 for ortho 😭😭" stays a let-down read against ortho's average
        and all(parsed.score >= k.lead(s).value for s in parsed.specialties if s in k.specialties)
        and cues.tears_alone(text, norm)
    ):
        # "score is 252 i cried in the car 😭😭": tears over a score above the typical average may be joy or shock,
        # so no "sorry it isn't what you wanted"; where the number stands says the rest
        intent = parsed.intent if parsed.specialties and parsed.intent == "score_check" else "score_fit"
        parsed = replace(parsed, feeling=None, weighing="tears", intent=intent)
    # "exam tmrw, any last tips?": that day, not the exam day's general answer
    eve_tips = parsed.topic == topics.EXAM_DAY and parsed.answer is None and cues.asks_tips(norm)
    preparing = parsed.intent == "faq" and (parsed.topic in SOON_TOPICS or eve_tips)
    if (
        (parsed.intent in SOON_READS or preparing or parsed.unsure)
        and parsed.feeling in talk.SOON_FEELINGS
        # "so proud of myself today": joy with no worry said is no exam-day nerves
        and (cues.worry_said(norm) or not cues.joyful(text, norm))
    ):
        when = cues.exam_soon(norm, nerves=parsed.feeling is not None)
        if when is not None:
            return talk.exam_soon(parsed, when)  # "exam tmrw, any last tips?", "test today and I'm shaking"
    if (
        parsed.score is None
        and len(text) < SPECIFIC_CHARS
        and parsed.topic != topics.PROGRAM_DIRECTORS  # "...what do i say if they ask about my score?": that answer
        and cues.interview_soon_nerves(norm)
    ):
        # "interview tmrw at my top IM program and my ck is under their avg. nervous af": the invite already got them
        # past any screen; tips for tomorrow, not the field's averages the night before
        eve = k.answers.get(INTERVIEW_EVE_ANSWER)
        if eve is not None:
            eve_reply = advice.specific_answer(eve, k, [], None, stage="interviewing")
            return talk.with_feeling(eve_reply, parsed, "interviewing")
    if (
        parsed.score is None
        and len(text) < SPECIFIC_CHARS
        and parsed.intent in ("faq", "vent", "unknown", "smalltalk")
        and not (parsed.topic == topics.EXAM_DAY and parsed.answer is not None)  # "exam tmrw, can I bring food?"
        and not parsed.someone_else
        and _EVE_ASKED_RE.search(norm)
        and (when := cues.exam_soon(norm)) is not None
    ):
        # "exam tmrw. what should i do tonight", "test is tmrw and i cant sleep. is it ruined if i only get 4 hrs":
        # how to spend the night, not whichever topic the model heard in it
        return talk.exam_soon(parsed, when)
    match parsed.intent:
        case "thanks":
            return talk.thanks(parsed, done=cues.just_sat_exam(norm) or parsed.status == "taken")
        case "insult":
            return talk.insult()
        case "out_of_scope" if not (parsed.comlex is not None and _CONVERTS_RE.search(norm)):
            return talk.with_feeling(talk.out_of_scope_reply(text, k), parsed)
        case "smalltalk":
            # "tell me a joke. dedicated week 3 has broken me": the tiredness is met first
            return talk.with_feeling(talk.smalltalk(text), parsed)
        case "my_score":
            return talk.my_score(profile, k)
        case "vent" if (
            parsed.feeling in {None, "celebration", "relief"}
            and parsed.score is not None
            and not (
                someone_else_failed(
                    norm
                )  # "my friend failed with a 211, i feel so bad for her": hers, no table of theirs
            )
        ):
            # A score and joy (or nothing to listen to): glad with them if so, then what it opens.
            parsed = replace(parsed, intent="score_fit")
        case "vent" if (
            parsed.status == "failed" and (parsed.own or parsed.score is not None) and not parsed.retake_booked
        ):
            # "got a 211. i feel so embarrassed", "failed. 211. i can't believe it": the fail is the news, answered as
            # such after the feeling
            parsed = replace(parsed, intent="faq", topic=None, feeling=parsed.feeling or "failure")
        case "vent":
            if parsed.status == "failed" and parsed.feeling is None:
                parsed = replace(parsed, feeling="failure")
            return _listened(parsed, profile, k, text, norm, today)
        case "greeting" if profile.score is not None or profile.specialties:
            return talk.greeting_again(profile)
        case "unknown" if parsed.practice_score is None:
            return talk.with_feeling(talk.fallback(parsed, k), parsed)
    if parsed.intent == "average" and not parsed.specialties and not parsed.other_specialties:
        return advice.specialties_table(k)  # "highest step 2 avg specialty? and lowest?": the whole ranking
    if (
        parsed.intent == "score_fit"
        and (
            parsed.feeling in {"celebration", "relief"}
            or (
                len(text) < SCORE_NEWS_CHARS
                and parsed.status != "failed"
                and parsed.score is not None
                and parsed.score >= modest_score(k)  # "wow 212": a fail's warning comes first, not one line
                and _SURPRISE_RE.search(norm)
            )
        )
        and parsed.score is not None
        and not parsed.quoted
        and not cues.asks_something(text, norm)
    ):
        # "I GOT 258!!!!!!! crying rn", "wow. 254. did not expect that": news, with joy first if any, and where it
        # sits in a line; the full list is a tap away
        return talk.with_feeling(advice.score_news(parsed.score, k), parsed)
    if older_score(parsed, k):
        return talk.with_feeling(talk.older_score(parsed), parsed)  # "a 95 back in 2009" is no fail today
    if parsed.unsure:
        # Not sure enough to answer: ask with the likeliest readings, or say so; never guess.
        which = talk.clarify(parsed, k)  # a loss or a feeling is still named first ("my grandfather passed away...")
        if which is None and (parsed.feeling in _HEARD_WHEN_UNSURE or parsed.weighing == "behind"):
            # "gyn is killing me... rest day or push through? I'm so tired", "i have 3 weeks and havent started
            # uworld": the feeling is what we did catch, so it is listened to, not met with "I didn't quite catch that"
            return _listened(replace(parsed, feeling=parsed.feeling or "stress"), profile, k, text, norm, today)
        return talk.with_feeling(which or talk.fallback(parsed, k), parsed)
    their_fail = _their_fail(parsed, text, k)
    if their_fail is not None:
        # "my son got a 212 on step 2, what does he do now": a fail told as a number, and not the student's
        parsed = replace(parsed, intent="faq", topic=topics.AFTER_FAIL, score=None, own=False, quoted=())
    failed = parsed.status == "failed" or profile.about.status == "failed"
    if (
        parsed.intent == "faq"
        and parsed.topic in {topics.RETAKES, topics.AFTER_FAIL}
        and parsed.status == "taken"
        and parsed.feeling == "worry"
        and not failed
        and topics.SCORE_RELEASE in k.faq
        and not _RETEST_RE.search(norm)
    ):
        parsed = replace(parsed, topic=topics.SCORE_RELEASE)  # "took it yesterday, sure I failed, when will I know"
    # matched already (their own match, not a friend's): told by the message or remembered. Read for questions
    # only (the rules that use it), and kept for the answer below: no rule in between changes a field it reads.
    asking = parsed.intent == "faq" or (parsed.intent in FIGURE_INTENTS and cues.asks_something(text, norm))
    stage_said = stage_of(parsed, profile.about, norm, today) if text and asking else None
    matched_now = stage_said == "incoming_resident"
    if (
        parsed.intent == "faq"
        and parsed.topic in ({topics.AFTER_FAIL, topics.RETAKES} | ({topics.LOW_SCORE} if matched_now else set()))
        and not failed
        and parsed.own
        and parsed.score is not None
        and parsed.score >= (k.pass_mark() or 300)
        # "I failed CK once then passed with 231. do I have to explain it?": the fail behind them is asked about
        and not (parsed.status == "passed" and cues.says_a_fail(norm))
        # "PGY2... my CK was 228 way back. does a low CK predict struggling on step 3?": the question named its answer
        and not (parsed.answer is not None and cues.names_step3(norm))
    ):
        # "incoming intern, my ck came back 229 after the match, will my program care?": a pass, not a fail
        parsed = replace(parsed, topic=topics.SCORE_RELEASE if matched_now else topics.GOOD_SCORE)
    ruled_answer = None  # an answer a rule below settles on, whatever the ways of asking match
    if (matched_now or parsed.intent == "faq") and not failed and cues.not_passed_by_the_start(norm):
        ruled_answer = k.answers.get(CANT_START_ANSWER)  # "start residency in july and haven't passed ck yet"
    if matched_now and not failed and parsed.intent == "faq" and cues.fears_missing_the_start(norm):
        # "matched! program needs step 2 passed before orientation... what if it isn't back in time?": not a fail
        ruled_answer = k.answers.get(CANT_START_ANSWER)
    if ruled_answer is None and not failed and parsed.answer is None and cues.fears_a_fail_costs_the_match(norm):
        # "rank list certified (i tested late). if i fail does my match get cancelled?": the commitment and the start
        ruled_answer = k.answers.get(CANT_START_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.AFTER_FAIL, specialties=())
    if (
        ruled_answer is None
        and matched_now
        and parsed.status == "failed"
        and parsed.answer is None
        and cues.asks_something(text, norm)
    ):
        # "matched FM at my #2 and my step 2 came back 212. do they take the spot away??": the start and the match
        # commitment, not the distance to the field's average (an answer the question named still leads: "what do i
        # tell my PD")
        ruled_answer = k.answers.get(CANT_START_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.AFTER_FAIL, specialties=())
    before_the_match = (
        parsed.topic in BEFORE_THE_MATCH
        or parsed.topic == topics.LOW_SCORE  # "matched FM... my CK was 219, does the PD think I'm dumb?"
        or (parsed.topic == topics.EARLY_MATCH and cues.names_the_score(norm))  # "matched prelim. does CK count now?"
        or (parsed.topic == topics.SCORE_RELEASE and cues.asks_what_it_weighs(norm))  # "does my ck still matter?"
    )
    if (
        ruled_answer is None
        and matched_now
        and not failed
        # a long post's own question on another topic ("matched peds... my ECFMG certificate is delayed") is
        # answered as asked: the canned "does my score still matter" was no answer to it
        and (
            (parsed.intent in FIGURE_INTENTS and (parsed.topic is None or before_the_match))
            or (parsed.intent == "faq" and before_the_match)
        )
    ):
        # Matched: what the match leaves to do, or whether the score still counts; not screening, timing for
        # ERAS, or where a 241 sits among applicants' averages ("matched child neuro! ck was 241, anything
        # i need to do before july?")
        # "Matched!!!! ... do they need documentation?", "just matched at my #2 🙏🙏 still processing"
        news = parsed.feeling in (None, "stress") and cues.match_is_news(text, norm) and not cues.worry_said(norm)
        # the answer the answer model read the question as asking for first ("matched... will my fail matter for
        # fellowship?"), else the topic's nearest by words
        told = k.answers.get(parsed.answer or "")
        written = told or (best_answer(text, parsed.topic, k, stage_said) if parsed.intent == "faq" else None)
        parsed = replace(
            parsed, intent="faq", topic=topics.WHY_STEP2_MATTERS, feeling="celebration" if news else parsed.feeling
        )
        left = cues.asks_what_is_left(norm)
        ruled_answer = k.answers.get(MATCHED_WHAT_NOW_ANSWER if left else MATCHED_SCORE_ANSWER)
        # an answer written for a resident-to-be ("can i take ck during intern year?"), or one asked in so many
        # words that holds for anyone with a score ("incoming resident... can you even retake a passed CK?")
        asked_of_a_score = told is not None and (not told.stages or "has_score" in told.stages)
        if written is not None and (stage_said in written.stages or asked_of_a_score):
            ruled_answer = written
        if _FELLOWSHIP_ASKED_RE.search(norm) and not cues.says_a_fail(norm):
            ruled_answer = k.answers.get(FELLOWSHIP_ANSWER)  # "pgy2... does that hurt me for cards fellowship"
    if (
        ruled_answer is None
        and parsed.intent == "faq"
        and parsed.topic in AROUND_RANKING
        and not failed
        and cues.asks_about_ranking(norm)
        and stage_said == "interviewing"  # read above for every question (`asking`)
        # another answer the question named stands ("have 9 FM interviews. how many programs should i rank")
        and parsed.answer in (None, RANKING_ANSWER)
    ):
        # "my score came out after my interviews, will it change how they rank me": ranking, not screening
        ruled_answer = k.answers.get(RANKING_ANSWER)
    practiced = [p.score for p in parsed.practice if p.score is not None]
    if (
        ruled_answer is None
        and parsed.intent == "faq"
        and parsed.topic == topics.PRACTICE_TESTS
        and parsed.score is not None
        and practiced
        and parsed.score < max(practiced)
        and cues.asks_why_real_differs(norm)
    ):
        ruled_answer = k.answers.get(REAL_LOWER_ANSWER)  # "244 on CK and 251 on uwsa2, why so different"
    converts = (
        parsed.intent in {"faq", "practice_score", "unknown", "out_of_scope"} and _CONVERTS_RE.search(norm) is not None
    )
    if ruled_answer is None and converts and parsed.comlex is not None and parsed.score is None:
        # "comlex 2 was 580, is that like a 240 usmle?": the conversion asked, whose 240 is no figure heard
        ruled_answer = k.answers.get(CONVERT_COMLEX_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.DO_STUDENTS, quoted=(), practice=())
    step1_read = parsed.topic in FAILED_READS or parsed.topic in {topics.STEP1_VS_STEP2, topics.PROGRAM_DIRECTORS}
    if (
        ruled_answer is None
        and parsed.intent == "faq"
        and parsed.status != "failed"
        and step1_read
        and failed_step1(norm)
    ):
        # "step 2 after failing step 1, how does that look?": the Step 1 fail programs see, not a CK fail
        ruled_answer = k.answers.get(talk.STEP1_FAIL_ANSWER)
    if ruled_answer is None and parsed.intent == "faq" and cues.asks_about_leaving_early(norm):
        ruled_answer = k.answers.get(LEAVE_EARLY_ANSWER)  # "what's the penalty for leaving the test early"
    if ruled_answer is None and parsed.answer == HELD_ANSWER and cues.fears_a_hold(norm):
        ruled_answer = k.answers.get(LATE_SCORE_ANSWER)
    couples_asked = parsed.intent == "faq" or (parsed.intent in FIGURE_INTENTS and parsed.topic == topics.MATCH_RATES)
    if ruled_answer is None and couples_asked and not failed and cues.asks_couples_match(norm):
        # "couples match question: my partner's in gen surg and im FM...": how the couples match works (a long
        # post with their score and both fields too: the answer first, their score beside their own field)
        early = EARLY_MATCH_FIELDS & {*parsed.specialties, *parsed.other_specialties}
        ruled_answer = k.answers.get(EARLY_COUPLES_ANSWER if early else COUPLES_ANSWER)
    if ruled_answer is None and parsed.intent == "faq" and stage_said == "preclinical" and _PREP_AHEAD_RE.search(norm):
        ruled_answer = k.answers.get(PRECLINICAL_ANSWER)  # "MS1 here. what do I do now to get a good step 2 later"
    if (
        ruled_answer is None
        and parsed.intent == "faq"
        and parsed.topic == topics.WHY_STEP2_MATTERS
        and parsed.score is None
        and cues.asks_weight_after_the_match(norm)
    ):
        ruled_answer = k.answers.get(MATCHED_SCORE_ANSWER)  # "does anyone care about step 2 once you're in residency?"
    preclinical_faq = ruled_answer is None and parsed.intent == "faq" and stage_said == "preclinical"
    if preclinical_faq and parsed.topic == topics.TIMING and parsed.answer is None and _WHEN_ASKED_RE.search(norm):
        # "MS1 here, when should I take step 2?": not yet, Step 1 and the clerkships first (judges marked the answer on
        # taking it right after the core rotations, with its sub-I talk, a different question for an MS1)
        ruled_answer = k.answers.get(PRECLINICAL_ANSWER)
    if (
        ruled_answer is None
        and parsed.step1 is not None
        and parsed.score is not None
        and not (parsed.someone_else or parsed.hypothetical)
        and not failed
        and parsed.score < parsed.step1
        and (
            _DROP_SAID_RE.search(norm)
            or (
                (parsed.feeling is not None or cues.shame_said(norm) or cues.let_down_said(norm))
                and parsed.score + DROP_FELT <= parsed.step1
            )
        )
    ):
        # "ck 244 but step 1 was 258. will that drop look bad?", "shame is the word. 221 on CK after a 258 on step 1":
        # how programs read a CK under a scored Step 1, not a note that a strong CK offsets a low Step 1
        ruled_answer = k.answers.get(CK_LOWER_ANSWER)
        shame = "shame" if parsed.feeling is None and cues.shame_said(norm) else parsed.feeling
        parsed = replace(parsed, intent="faq", topic=topics.STEP1_VS_STEP2, feeling=shame)
    scored_step1 = parsed.topic == topics.STEP1_VS_STEP2 and parsed.step1 is not None
    if ruled_answer is None and parsed.intent == "faq" and scored_step1 and cues.asks_what_it_weighs(norm):
        # a scored Step 1's weight, asked among other things: a low one offset by CK only when they call it low
        # ("step 1 was 255, how much does that help?" is no low score to make up for)
        # a rise told ("step 1 was 219, now 251 on ck. will programs notice the jump?") is a low Step 1 offset too
        # (a Step 1 above a field's average is no low one, however far CK rose past it: "step 1 was 250, CK 268")
        lowest = min((k.lead(s).value for s in k.specialties), default=0)
        risen = (
            parsed.score is not None
            and parsed.step1 is not None
            and parsed.score >= parsed.step1 + RISE_TOLD
            and parsed.step1 < lowest
        )
        low = cues.calls_step1_low(norm) or risen
        ruled_answer = k.answers.get(SCORED_STEP1_ANSWER if low else OLD_STEP1_ANSWER)
    if (
        ruled_answer is None
        and parsed.intent == "faq"
        and (failed or parsed.status == "failed")
        and len(text) < SPECIFIC_CHARS
        and cues.screened_out_asked(norm)
    ):
        # "I failed once. do programs auto reject?": how programs weigh a failed attempt, not the score's first cut
        ruled_answer = k.answers.get(FAILED_ATTEMPT_ANSWER)
        parsed = replace(parsed, topic=topics.PROGRAM_DIRECTORS)
    if (
        ruled_answer is None
        and not failed
        and not cues.says_a_fail(norm)
        and len(text) < SPECIFIC_CHARS
        and _FELLOWSHIP_ASKED_RE.search(norm)
    ):
        # "does my step 2 score matter for fellowship? applying cards in 2 yrs", "got a spot thru SOAP... will
        # fellowships care?": the score's weight there, not the match's topics the words also touch
        ruled_answer = k.answers.get(FELLOWSHIP_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.WHY_STEP2_MATTERS)
    if ruled_answer is None and len(text) < SPECIFIC_CHARS and _INTO_ERAS_RE.search(norm):
        # "just got my score how do i get it into eras": the resend, not when scores come out
        ruled_answer = k.answers.get(RESEND_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.TIMING)
    if ruled_answer is None and _COMLEX_NAMED_RE.search(norm) and _COMLEX_WEIGHED_RE.search(norm):
        # "comlex L2 612 and step 2 243. which one matters more for EM", "will a 520 hurt me if my step 2 is 245?":
        # how programs weigh the two exams, not a transcript to send or the field's average alone
        ruled_answer = k.answers.get(COMLEX_WEIGHED_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.DO_STUDENTS)
    if ruled_answer is None and _COMLEX_NAMED_RE.search(norm) and _WHICH_TO_SEND_RE.search(norm):
        # "COMLEX 480 and step 2 231. which one do i lead w for IM", "should I put both on ERAS?", "failed Step 2 CK but
        # passed Level 2 CE... can I just apply with COMLEX?": which transcript goes where, not the field's average
        ruled_answer = k.answers.get(SEND_COMLEX_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.DO_STUDENTS)
    if (
        parsed.intent == "faq"
        and len(text) < SPECIFIC_CHARS
        and cues.did_not_match(norm)
        and not _REAPPLY_RE.search(norm)
        # "went unmatched last year with CK 229. should i retake CK to get it higher?": a pass stands
        and parsed.answer != PASSED_NO_RETAKE_ANSWER
    ):
        ruled_answer = k.answers.get(NOT_MATCHED_ANSWER)  # "everyone matched except me": what happens now
    if ruled_answer is None and cues.prelim_only(norm):
        # "matched IM prelim but not categorical... should I reapply?": a partial match, and the next try if asked;
        # not the field's averages or holistic review
        ruled_answer = k.answers.get(REAPPLY_ANSWER if _REAPPLY_RE.search(norm) else NOT_MATCHED_ANSWER)
        parsed = replace(parsed, intent="faq", topic=topics.MATCH_RATES) if ruled_answer else parsed
    if parsed.intent == "faq" and parsed.topic == topics.AFTER_FAIL and not failed and cues.fears_failing(norm):
        # "terrified of failing step 2 someday": a fear to listen to, not a fail to plan a retake around
        return talk.vent(replace(parsed, feeling=parsed.feeling or "worry"))
    if parsed.status == "failed" and parsed.intent in ("score_fit", "score_check") and _told_as_a_fail(parsed, norm):
        # "failed. 209. i studied so hard": the fail is the news, not which fields a 209 fits
        parsed = replace(parsed, intent="faq", topic=None)
    if (parsed.intent == "faq" or (parsed.intent in FIGURE_INTENTS and parsed.topic)) and failed:
        topic = next((t for t in (topics.AFTER_FAIL, topics.RETAKES) if t in k.faq), None)
        # a failed attempt is answered as such, unless the pass mark itself is asked ("retaking... what's passing?")
        asks_mark = parsed.topic == topics.PASSING_SCORE and _PASS_MARK_ASKED_RE.search(norm) is not None
        # a retake's own answer the question asked for stays ("failed... once I pass, will programs still see it?")
        asked_retakes = parsed.topic == topics.RETAKES and parsed.answer is not None
        # as does an answer written for a retaker ("failed step 2 but passed COMLEX... can i just apply with COMLEX")
        written_for = k.answers.get(parsed.answer or "")
        for_a_retaker = written_for is not None and "retaking" in written_for.stages
        if topic is not None and parsed.topic in FAILED_READS and not (asks_mark or asked_retakes or for_a_retaker):
            parsed = replace(parsed, topic=topic)
    if (
        parsed.intent == "faq"
        and parsed.topic == topics.LOW_SCORE
        and parsed.answer is None
        and parsed.own
        and parsed.score is not None
        and parsed.score >= k.typical_average()
        and not _LOW_SAID_RE.search(norm)
    ):
        # "I scored 255 but have a 2 year gap... will the score carry me": no low score to weigh, the rest of the file
        parsed = replace(parsed, topic=topics.BEYOND_SCORES)
    if (
        parsed.intent == "faq"
        and parsed.topic in QBANK_READS
        # "OB keeps tanking my uworld average, 58%": the subject, not the %; "my % swings block to block": the swing
        and parsed.answer not in (WEAK_AREAS_ANSWER, BLOCK_SWINGS_ANSWER)
        and cues.qbank_figure_asked(text, norm)
    ):
        # "uworld 65%, what percentile is that?": not a USMLE figure, so no USMLE table after saying so
        return talk.with_feeling(talk.qbank_figure(k), parsed)
    result = parsed.score if not (parsed.hypothetical or parsed.someone_else) else None
    if result is not None:
        top = max((k.lead(s).value for s in k.specialties), default=300)
        # a high score deserves congratulations, unless it is told beside a question with its own answer ("rank list
        # due... my CK is 265. how do i choose": the score is the background, not the news)
        if parsed.own and parsed.feeling is None and result >= top and parsed.answer is None:
            parsed = replace(parsed, feeling="celebration")
        elif (
            parsed.feeling == "disappointment"
            and parsed.weighing is None
            and _WANTED_MORE_RE.search(norm)  # the let-down is the number's, not a match's or the letters'
            and result >= max((f.value for s in k.specialties for f in k.figures_of(s)), default=300)
        ):
            # "266. wanted 270 tbh": the let-down heard, and the plain fact that it tops every average held
            parsed = replace(parsed, weighing="high_but_wanted_more")
    stage = stage_said or (stage_of(parsed, profile.about, norm, today) if text and parsed.intent in STAGED else None)
    # A comparison whose post asks a question of its own (a topic beside the frame): the question is
    # answered first, and the score is set beside the averages in that answer's numbers section.
    band = score_band(parsed, k)
    told = k.answers.get(parsed.answer or "")
    entry = k.faq.get(parsed.topic or "")
    if (
        parsed.intent in FIGURE_INTENTS
        and entry is not None
        and not in_band(entry.score_bands, band)
        and (told is None or not fits(told, None, None, band))
        # only the topic's general answer is banded: "CK 262 applying IM, how many programs?" keeps its own answer
        and best_answer(text, entry.topic, k, band=band) is None
    ):
        # "CK 271, can I get interviews at academic programs?": no "matching with an average" for a score well
        # above it; the comparison answers, the post's other questions in a line each
        parsed = replace(parsed, topic=None, answer=None)
    asked = replace(parsed, intent="faq") if parsed.intent in FIGURE_INTENTS and parsed.topic else parsed
    # a DO applying on COMLEX alone has no Step 2 CK score to set against a field's average
    comlex_only = (
        parsed.score is None
        # (or COMLEX named, in a short message: "DO, COMLEX only, no USMLE. applying psych, thoughts?")
        and (parsed.comlex is not None or (len(text) < SPECIFIC_CHARS and cues.comlex_alone(norm)))
        and cues.without_the_usmle(norm)
        and not cues.names_step1(norm)  # "didn't take step 1" leaves Step 2 CK open, and its averages with it
        and not cues.plans_the_usmle(norm)  # "...no USMLE. too late to take CK in October?": its averages a target
    )
    if comlex_only and asked.intent == "faq":
        asked = replace(asked, specialties=())
    if (
        ruled_answer is None
        and (
            asked.topic == topics.LOW_SCORE
            or (asked.intent in SCORE_ASKS and (parsed.status == "passed" or cues.pass_told(norm)))
            or (asked.topic == topics.RETAKES and (cues.pass_told(norm) or (parsed.status == "passed" and parsed.own)))
            # "227. is it worth retaking to boost it?": a passing score told bare, and a retake to raise it asked
            or (
                asked.topic == topics.RETAKES
                and parsed.score is not None
                and not (parsed.someone_else or parsed.hypothetical)
                and parsed.score >= (k.pass_mark() or 300)
            )
        )
        and not failed
        and cues.asks_to_retake(text, norm)
    ):
        # "my step 2 was 246. should i retake?", "passed with 219, can you even retake a passing score?", "passed with
        # a 217... can I retake to bring it up?": a pass stands
        ruled_answer = k.answers.get(PASSED_NO_RETAKE_ANSWER)
        asked = replace(asked, intent="faq", topic=topics.LOW_SCORE)
    fail_asked = asked.topic in FAIL_BEHIND or (
        asked.intent in SCORE_ASKS
        and (
            _FAIL_ASKED_RE.search(text.lower())
            # "passed on my 2nd try w 231. will FM programs even look at me": the fail is what they ask about
            or (cues.passed_on_a_retry(norm) and cues.asks_something(text, norm))
            # "failed once then passed w 228 on my retake. will IM programs just auto reject me" (review39 M3)
            or cues.screened_out_asked(norm)
        )
    )
    fail_behind = ruled_answer is None and parsed.status == "passed" and fail_asked and cues.says_a_fail(norm)
    if fail_behind and stage == "incoming_resident":
        # "failed, passed on the retake, matched... will the fail hurt my fellowship application?": what they ask
        # of the fail now, not whether programs see it (they matched) nor what to do after a fail
        ruled_answer = next(
            (
                found
                for label in parsed.also
                if (found := k.answers.get(label.removeprefix("answer:"))) is not None
                and label.startswith("answer:")
                and found.topic in WHAT_A_FAIL_TOUCHES
                and fits(found, stage, parsed.school)
            ),
            None,
        )
        if ruled_answer is not None:
            asked = replace(asked, intent="faq", topic=ruled_answer.topic)  # its "also" line is dropped below
    if fail_behind and ruled_answer is None and parsed.answer in EXPLAIN_THE_FAIL_ANSWERS:
        # "passed the retake with a 231. where in ERAS do I explain the fail?": how to tell it, asked first
        ruled_answer = k.answers.get(parsed.answer or "")
    if fail_behind and ruled_answer is None:
        # "failed once, retook and passed with 236; will IM programs filter a fail?": the fail on their record
        ruled_answer = k.answers.get(FAIL_ON_RECORD_ANSWER)
    pass_rates = asked.topic == topics.PASSING_SCORE and parsed.score is None and cues.asks_pass_rate(norm)
    if ruled_answer is None and pass_rates:
        ruled_answer = k.answers.get(NO_QUOTA_ANSWER)  # "what's the pass rate": no quota, then the rates' own home
    if ruled_answer is None and asked.topic == topics.PASSING_SCORE and _FREE120_SAID_RE.search(norm):
        # "what free 120 % do u need to pass": no Free 120 mark exists; what the sample test can and can't tell them
        ruled_answer = k.answers.get(FREE120_ANSWER)
    if (
        ruled_answer is None
        and asked.topic in (topics.TIMING, topics.TAKE_BEFORE_APPLYING)
        and not failed
        and cues.asks_whether_to_delay(norm, text)
    ):
        # "should i push my exam?", "delay to oct and miss ERAS opening, or sit now?": whether to, with what it costs
        ruled_answer = k.answers.get(DELAY_ANSWER)
        asked = replace(asked, topic=topics.TIMING)
    specific = ruled_answer
    if specific is None and asked.intent == "faq" and text:
        school = parsed.school or profile.about.school
        told = k.answers.get(parsed.answer or "")  # the one the answer model read the question as asking for
        # a long post's question the answer model named is weighed as if the stage were unknown: the stage its story
        # suggests is a guess ("...applying IM this fall. Does a late score mean something was flagged?" is a question
        # for anyone waiting too); another school's, a matched student's or a retaker's answer, or another band's,
        # still gives way
        fitting = (
            told is not None
            and told.topic == asked.topic
            and (fits(told, stage, school, band) or (len(text) >= SPECIFIC_CHARS and fits(told, None, school, band)))
        )
        specific = told if fitting else best_answer(text, asked.topic, k, stage, school, band)
        if specific is None and parsed.retake_booked and asked.topic == topics.AFTER_FAIL:
            # "ashamed to tell my parents i failed. second attempt in 6 wks": the retake ahead, not the first days
            # after a fresh fail
            specific = k.answers.get(RETAKE_STUDY_ANSWER)
        if specific is not None and moot(specific.id, norm):
            specific = None  # "I'm ECFMG certified now. do i need anything else?": not how to get certified
        sat = parsed.status == "taken" or stage == "waiting"
        if specific is not None and specific.id == FELT_AWFUL_ANSWER and not sat:
            specific = None  # "has anyone walked out of step 2 feeling good?": no sitting told, so no "rest and wait"
        presumes_fail = specific is not None and (
            set(specific.stages) == {"retaking"} or _FAIL_TOLD_RE.search(specific.question.lower()) is not None
        )
        if presumes_fail and not failed and not parsed.retake_booked and not cues.says_a_fail(norm):
            # an answer about a failed attempt ("I've matched but failed..."), for a student who told of none
            specific = None
        elif presumes_fail and not failed and asked.topic in FAILED_READS and someone_else_failed(norm):
            # "my partner just failed... what can I say": how to be there for them, not their personal statement
            specific = None
        elif (
            specific is not None
            and specific.id == SCORED_STEP1_ANSWER
            and parsed.step1 is not None
            and not cues.calls_step1_low(norm)
        ):
            # "my step 1 was 252 back when it was scored. should i wait on ck?": a number told with no word that
            # it disappointed is not called low (nor answered "Yes." from another question's answer)
            specific = None
    past_the_match = cues.past_the_match(norm)
    if specific is None and asked.topic == topics.MATCH_RATES and past_the_match:
        specific = k.answers.get(NOT_MATCHED_ANSWER)  # "didn't match, soap opens in 3 hours": what happens now
    if specific is not None:
        # the answer that leads is not offered again under "You also asked" (a retaker told of the fail on their
        # record got the same answer twice)
        parsed = _not_offered_again(parsed, specific.id)
    if specific is not None:
        # matched already, the field's average is no longer theirs to weigh; a couple names a partner's field too
        # and unmatched or in SOAP, what happens now matters, not the distance to an average
        weighed = (
            stage != "incoming_resident"
            and not cues.asks_couples_match(norm)
            and not past_the_match
            and not comlex_only
        )
        specs = [k.specialties[s] for s in parsed.specialties if s in k.specialties] if weighed else []
        if (
            stage == "interviewing"
            and parsed.score is not None
            and all(parsed.score < k.lead(s.id).value for s in specs)
            and not cues.asks_how_score_stands(norm)
        ):
            # interviews in hand, and how the score stands not asked: a distance under the field's average beside
            # an answer about something else only unsettles ("19 below the average" the night before an interview)
            specs = []
        reply = advice.specific_answer(
            specific,
            k,
            specs,
            parsed.score,
            yes_no=parsed.yes_no,
            stage=stage,
            whose=advice.whose_score(parsed),
            practice=parsed.practice,
        )
        if specific.id == WEAK_AREAS_ANSWER and (subjects := cues.weak_subjects_named(norm)):
            # "obgyn is always in the red": the subjects they named, said back with a first step for them
            block, look = ("it", "it") if len(subjects) == 1 else ("one of them, in turn", "them")
            reply = reply.noted(
                f"For {advice.joined(subjects)}, start each study day with a timed block of {block}, and look for "
                f"{look} on your next self-assessment's profile."
            )
    else:
        why = None
        if parsed.intent == "practice_score" and text and topics.PRACTICE_TESTS in k.faq:
            # "uwsa1 was 245, what does that translate to": what practice tests tell you, then where it sits
            why = best_answer(cues.without_practice_results(text), topics.PRACTICE_TESTS, k, stage)
            if _TRUST_ASKED_RE.search(norm) and len({p.exam for p in parsed.practice}) > 1:
                # "uwsa2 253 but nbme 11 was 241... which one do i actually trust??": which form to believe, answered
                why = k.answers.get(WHICH_TO_TRUST_ANSWER) or why
            if why is not None and moot(why.id, norm):
                why = None  # "failed in august... will programs see both attempts?": no NBME privacy answer
            if why is None or (why.id == PRACTICE_DROPPED and not cues.says_a_drop(norm)):
                why = k.answers.get(PRACTICE_GENERAL)  # "one dip" only for a score said to have fallen
            if why is not None and why.id == PRACTICE_GENERAL and _percents_only(parsed):
                # "is 72% on free 120 good?": no scaled score to read as a prediction, so whether a percentage
                # converts to one is the question; the general answer on NBME forms leaves it unanswered
                why = k.answers.get(PERCENT_PREDICT) or why
        if why is not None:
            # its short form opens the practice note: not offered again under "You also asked"
            parsed = _not_offered_again(parsed, why.id)
        scores = [p.score for p in parsed.practice if p.score is not None]
        several = len(scores) >= 2  # an order to read only then
        # "229, up from 218": 218 came first (of a longer list, only that pair's order is told: left as said)
        latest_first = len(scores) == 2 and cues.told_latest_first(text)
        first_said = parsed.practice[0].score if parsed.practice else None
        # "took UWSA2 today: 247. before that NBME 9 236, NBME 10 241": the first said is the latest
        latest_then_earlier = several and first_said is not None and cues.latest_then_earlier(text, first_said)
        # "Today: NBME 14, 238. Last week: NBME 13, 242": each dated, the newest first, so read backwards
        dated_newest_first = several and cues.dated_newest_first(text, scores)
        if latest_first or dated_newest_first:
            asked = replace(asked, practice=asked.practice[::-1])
        elif latest_then_earlier:
            asked = replace(asked, practice=(*asked.practice[1:], asked.practice[0]))
        ordered = several and (latest_first or dated_newest_first or latest_then_earlier or cues.order_told(text))
        reply = advice.advise(asked, profile, k, stage, why, order_told=ordered)
    fields = parsed.specialties or (profile.specialties if parsed.intent in SCORE_ASKS else ())
    own_score = parsed.score if not (parsed.hypothetical or parsed.someone_else) else None
    asked_group = cues.group_asked_about(norm)
    whose_group = parsed.school or profile.about.school or asked_group
    imgs = "img" in (whose_group, asked_group) or (specific is not None and specific.id == IMG_AVERAGES_ANSWER)
    citizenship = cues.img_citizenship(norm) if imgs else None  # read only where an IMG's figures may be shown
    if parsed.intent == "score_fit" and not fields and own_score is not None and whose_group is not None:
        fields = tuple(talk.group_fields_near(k, whose_group, own_score))  # "IMG, 223, what can I match?": theirs
    told_before = profile.about.school is not None and (
        parsed.intent in {"score_check", "score_fit", "compare"}
        # "and what about neuro?" from an IMG told of before: their own figure is the answer, where one is held
        or (parsed.intent == "average" and any(k.group_figure(s, profile.about.school) for s in fields))
    )
    if parsed.school or told_before:
        # Where it matters: when they tell us, and beside averages drawn mostly from US MD seniors.
        shown = replace(profile, about=merged_about(profile.about, parsed))
        reply = talk.school_note(
            shown,
            k,
            reply,
            # matched, no figures to weigh; beside a specific answer, only where its numbers section sets some out
            figures=parsed.intent in FIGURE_INTENTS
            and stage != "incoming_resident"
            and (specific is None or bool(reply.numbers)),
            specialties=fields,
            score=own_score,
            citizenship=citizenship,
        )
    elif parsed.intent in FIGURE_INTENTS and asked_group is not None:
        # "the IM average for IMGs?": whose averages these are, said of the group asked about (not remembered)
        shown = replace(profile, about=replace(profile.about, school=asked_group))
        reply = talk.school_note(
            shown,
            k,
            reply,
            figures=True,
            asked_about=True,
            specialties=fields,
            score=own_score,
            citizenship=citizenship,
        )
    if (
        specific is not None
        and specific.id == IMG_AVERAGES_ANSWER
        and citizenship != "us"  # the figures held are non-U.S. IMGs'
        and (held := talk.group_figures_line(k, "img", fields, own_score))
    ):
        reply = reply.led_by(f"<i>{held}</i>")  # "where are IMG averages for IM?": the figure itself, then where
    if parsed.intent in {"score_check", "score_fit"} and not parsed.someone_else and failed_step1(norm):
        # "CK 236, step 1 was a fail on my first try, applying ortho": the fail programs will see, said beside
        # the figures instead of passed over (unless the reply is already that answer, asked about first)
        if specific is None or specific.id != talk.STEP1_FAIL_ANSWER:
            reply = talk.step1_fail_note(reply, k)
        parsed = _answered_in_a_note(parsed, talk.STEP1_FAIL_ANSWER)
    elif (
        parsed.intent in {"score_check", "score_fit"}
        and parsed.step1 is not None
        and parsed.score is not None
        and cues.asks_what_it_weighs(norm)
        and not (specific is not None and specific.id == talk.SCORED_STEP1_ANSWER)  # that answer is the note, whole
    ):
        # "step 1 was 209, applying gen surg with 251 ck, does the 209 still hurt me?": the Step 1 is the question
        reply = talk.step1_scored_note(reply, k, parsed.step1, low=cues.calls_step1_low(norm))
        parsed = _answered_in_a_note(parsed, talk.SCORED_STEP1_ANSWER)
    if pass_rates and ruled_answer is not None:
        reply = reply.led_by(talk.RATES_NOT_HELD)
    pass_mark = k.pass_mark()
    if (
        parsed.score is not None
        and pass_mark is not None
        and parsed.topic != topics.PASSING_SCORE  # its answer leads with the verdict already
        and not (parsed.hypothetical or parsed.someone_else)
        and parsed.score >= pass_mark  # under it, the score's own note weighs the exam date
        and cues.asks_pass_of(norm, parsed.score)
    ):
        # "came back 218. is 218 even a pass now that they raised it?": the verdict first, whatever else is asked
        reply = reply.led_by(advice.pass_verdict(parsed.score, k))
    if their_fail is not None:
        mark = k.fail_mark()
        reply = reply.led_by(
            f"<i>The {their_fail} you mention is under Step 2 CK's pass mark ({mark} or more, depending on the exam "
            f"date), so it counts as a fail. Here's what helps after one, to pass on to them:</i>"
        )
    elif parsed.intent == "faq" and parsed.topic in FAILED_READS and not failed and someone_else_failed(norm):
        reply = reply.led_by(FOR_SOMEONE_ELSE)  # "my friend failed ck, what should she do": theirs, not the student's
    if (
        (parsed.intent == "faq" or parsed.intent in FIGURE_INTENTS)
        and parsed.topic == topics.SIGNALS
        and "signal" in norm  # a letter of intent is in the topic, and says nothing of how many signals a field has
    ):
        # "how many signals for EM?": the field's own count first, the general answer after it
        named = [k.specialties[s] for s in parsed.specialties if s in k.specialties]
        counts = [line for spec in named if (line := advice.signals_line(spec, k))]
        reply = reply.led_by(*counts) if counts else reply
    if parsed.topic == topics.PERCENTILES and parsed.intent == "faq":
        # "what percentile is 251", "is the 90th percentile like 260?": the table's row first, then what a percentile is
        asked_at = cues.percentile_said(norm)
        if asked_at is not None:
            placed = advice.percentile_score_line(asked_at, k)  # a field's average, if named, follows as its figure
        elif parsed.score is not None and not (parsed.someone_else or parsed.hypothetical or parsed.specialties):
            placed = advice.percentile_line(parsed.score, k, "own" if parsed.own else "supposed")
        else:
            placed = ""
        reply = reply.led_by(placed) if placed else reply
    final_days = _last_days_advice(parsed, profile, k, text, today, FINAL_DAYS) if reply.next_step else None
    if final_days is not None and stage in (None, "studying") and not failed:
        # "exam in 2 days... is the pass mark still 218?": no self-assessment or plan of weeks now
        reply = replace(reply, next_step=f"Next: {escape(final_days.short)}")
    # the stage the other questions' answers must fit, read only when a long post asks more than one thing
    also_stage = (stage or stage_of(parsed, profile.about, norm, today)) if parsed.also and text else stage
    figures = bool(reply.numbers) or asked.intent in FIGURE_INTENTS  # the comparison, or the score beside an answer
    reply = talk.also(parsed, k, talk.quoted_note(parsed, reply, text, figures=figures), text, also_stage, band)
    return talk.with_feeling(reply, parsed, also_stage)


def _last_days_advice(
    parsed: Parsed, profile: Profile, k: Knowledge, text: str, today: dt.date | None, within: int
) -> Answer | None:
    """The last days' answer (light review, ID and route, sleep) when the exam is 1 to `within` days away, else None."""
    last_days = k.answers.get(FINAL_DAYS_ANSWER)
    days_left = _days_to_exam(parsed, profile, text, today) if last_days is not None and today is not None else None
    return last_days if days_left is not None and 0 < days_left <= within else None


def _days_to_exam(parsed: Parsed, profile: Profile, text: str, today: dt.date) -> int | None:
    """Days to the exam: the date this message names, else the one remembered; None when neither is known."""
    said = find_exam_date(text, today) if parsed.exam_date else None
    if isinstance(said, dt.date):
        return (said - today).days
    try:
        return (dt.date.fromisoformat(profile.about.exam_date or "") - today).days
    except ValueError:
        return None


def _not_offered_again(parsed: Parsed, ident: str) -> Parsed:
    """`parsed` without the answer `ident` among a post's other questions: the reply gives it already."""
    return replace(parsed, also=tuple(a for a in parsed.also if a != f"answer:{ident}"))


def _their_fail(parsed: Parsed, text: str, knowledge: Knowledge) -> int | None:
    """Another person's Step 2 CK result under every recent pass mark, told and not judged against a field."""
    mark = knowledge.fail_mark()
    if mark is None or parsed.own or parsed.specialties or parsed.intent not in {"faq", "score_fit", "unknown"}:
        return None
    if parsed.score is not None and not parsed.someone_else:
        return None
    theirs = someone_got(text)
    # a year said may be one with an older, lower mark ("my dad got 205 back in 1998")
    return theirs if theirs is not None and 100 <= theirs < mark and not _YEAR_RE.search(text) else None


_YEAR_RE = quick_re.compile(r"\b(?:19\d\d|20(?:[01]\d|2[0-2]))\b")
"""A year before July 2022's mark of 214, when a lower mark applied."""


def score_band(parsed: Parsed, knowledge: Knowledge) -> ScoreBand | None:
    """Where the student's own score sits against their first field's average; None without both."""
    if parsed.hypothetical or parsed.someone_else:
        return None
    return band_against(parsed.score, parsed.specialties[0] if parsed.specialties else None, knowledge)


def _told_as_a_fail(parsed: Parsed, norm: str) -> bool:
    """A failed score told as the news, with no other figure beside it: read alone ("failed. 209"), or set against
    the pass mark they name ("got a 215 and passing was 218. applying FM", which the mark makes no comparison)."""
    named_mark = cues.pass_mark_named(norm)
    beside = set(parsed.quoted) - {named_mark}
    return not beside and (parsed.intent == "score_fit" or named_mark is not None)


_LOW_SAID_RE = quick_re.compile(r"\b(?:low|lower|lowish|bad|weak|below|under|not good|disappoint\w*)\b")
"""Their own score called low: the low-score answer stands, whatever the number."""


def modest_score(knowledge: Knowledge) -> int:
    """The lowest specialty average (or the pass mark, if higher): below it, no congratulations."""
    lowest = min((knowledge.lead(s).value for s in knowledge.specialties), default=0)
    return max(lowest, knowledge.pass_mark() or 0)
