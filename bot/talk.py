"""Replies about the conversation rather than the data: feelings first, a caring reply when a
student sounds hopeless, small talk, a question when we're unsure, and the short fallback.

Pure functions of Parsed + Profile + Knowledge, like bot/advice.py. Variants are picked by a
hash of what was asked, so the same question gets the same reply and different ones differ.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from html import escape
from typing import Literal

from bot import quick_re
from bot.advice import distance, faq_answer, joined
from bot.answer_bank import best_answer, fits, for_someone_else, in_band
from bot.plans.messages import EXAM_DAY_BUTTON, EXAM_EVE, EXAM_TODAY
from bot.reply import Button, Reply
from bot.student import Profile
from bot.understand import Parsed
from bot.understand.cues import (
    asks_about_logging,
    asks_for_joke,
    asks_who_we_are,
    hyped,
    out_of_scope,
    resident_asks_step3,
    says_the_pass_mark_is,
)
from knowledge import Knowledge, topics
from knowledge.models import Answer, ScoreBand, Stage
from knowledge.text import normalize

CRISIS_FACT = "crisis-line-us"
STEP1_MARK_FACT = "step1-passing-standard"
COMLEX_PE_FACT = "comlex-level2-pe-ended"
HEAVY_FEELINGS = frozenset({"failure", "shame", "panic", "hopeless"})
"""Feelings beside which an upbeat closing line would jar."""

_STRESS_ANY_TIME = "I hear you: this exam puts real pressure on people. Let's take it one piece at a time."
_PANIC_ANY_TIME = "That rush of panic is awful, and you're far from the only one feeling it. One step at a time."
_ACK: dict[str, tuple[str, ...]] = {
    "stress": (
        "That sounds like a lot to carry right now. Feeling this way before Step 2 CK is common, "
        "and it says nothing about how you'll do.",
        _STRESS_ANY_TIME,
    ),
    "panic": (
        "Take a slow breath first. That rush of panic is very common, and it passes. Let's keep this simple.",
        _PANIC_ANY_TIME,
    ),
    "failure": (
        "I'm really sorry. A result like that hurts, and it's okay to sit with it for a moment before planning.",
        "I'm sorry it went that way. It's a setback, not the end of the road, and people come back from it.",
    ),
    "shame": (
        "There's nothing to be ashamed of here. Plenty of people you'd never guess have been exactly where you are.",
        "Feeling embarrassed about this is understandable, and it's far more common than people admit. It doesn't "
        "change what you can still do.",
    ),
    "exhaustion": (
        "That sounds exhausting. Being worn out after weeks of this is real, and rest is part of the work.",
        "Burnout is real, and pushing through it rarely helps. A proper break can do more than another block.",
    ),
    "celebration": (
        "Congratulations! 🎉 That's a result you earned.",
        "That's great news, congratulations! 🎉 Enjoy it.",
    ),
    "disappointment": (
        "It's okay to feel let down when the number isn't the one you hoped for. Let's look at what it "
        "really means for you.",
        "I'm sorry it isn't the score you wanted. That sting is real, and it's worth a clear look at where "
        "you actually stand.",
    ),
    "relief": (
        "What a relief! 😌 Let that weight come off for a moment.",
        "Phew, that's a weight off. 😌 Well done for getting through it.",
    ),
    "worry": (
        "I hear the worry. One number rarely settles things on its own.",
        # both said alone too (a worry asking nothing): neither promises a look that may not follow
        "That's a fair thing to worry about, and it's rarely as final as it feels.",
    ),
}


def pick(options: Sequence[str], *key: object) -> str:
    """One of `options`, the same one for the same key (stable across runs, unlike hash())."""
    return options[zlib.crc32(repr(key).encode()) % len(options)]


_ACK_AFTER_THE_EXAM = {
    "stress": (_STRESS_ANY_TIME,),
    "panic": (_PANIC_ANY_TIME,),
    # after the exam, tiredness is the long stretch behind them: no "another block" to weigh a break against
    "exhaustion": (
        "You've just come through a long stretch, so being wiped out now makes sense. Rest is the whole "
        "job for a few days.",
    ),
}
_ONE_PIECE = "and it's normal to feel it. Let's take it one piece at a time."
_STRESS_BY_STAGE: dict[Stage, str] = {
    # years before the exam ("OMS-1 and already stressed"): no "before Step 2 CK" as if it were close
    "preclinical": "Feeling the pressure this early is common. Step 2 CK is still a way off, so there's time to plan "
    "it calmly.",
    "waiting": f"Waiting on a score is hard on nearly everyone, {_ONE_PIECE}",
    "has_score": "I hear you: this part of the road puts real pressure on people.",
    "applying": f"Application season piles a lot on at once, {_ONE_PIECE}",
    "interviewing": f"Interview season piles a lot on at once, {_ONE_PIECE}",
    # a resident-to-be, or one already in residency ("intern year is brutal")
    "incoming_resident": f"Residency and everything around it asks a lot of people, {_ONE_PIECE}",
    "retaking": f"Getting ready for a retake carries a pressure of its own, {_ONE_PIECE}",
}
"""Strain named for where the student is, in place of the exam's own pressure (an exam date told keeps the exam's:
"so stressed, exam in 5 days... worried about my application timeline")."""
_WORRY_BEFORE = (
    "That worry is one of the most common feelings before Step 2 CK, and it doesn't predict how you'll do. "
    "Let's make it feel more manageable."
)
_WORRY_BY_STAGE: dict[Stage, str] = {
    "preclinical": "Worrying about Step 2 CK this early is common. It's still a way off, so there's time to plan "
    "it calmly.",
    "applying": "Worrying while your applications are out is very common, and it's rarely as final as it feels.",
    # (said of the season, not of one interview: the worry may be a late score or a count of invites)
    "interviewing": "Interview season brings worries of its own, and they're rarely as final as they feel in the "
    "moment.",
    "incoming_resident": "That makes sense: residency brings a whole new set of pressures, and it's normal to feel "
    "them.",
}
"""A worry with no number named for where the student is, past or far from the exam (not "before Step 2 CK")."""
_WORRY_WAITING = (
    # (what follows says how little the feeling tells: the wait's own words, or the answer written for it)
    "Walking out sure you failed is one of the most common feelings after Step 2 CK. The wait is the hard part."
)
_LOW_NO_SCORE = "That sounds like a rough moment, and it's okay to feel it. You're not the only one."
_PASSED_BUT_LOW = (
    "A pass is a pass, and that part is done. It's still fair to feel the sting of a number lower than you "
    "hoped, so let's look at what it really means for you."
)
_EARLY_YEARS_RE = quick_re.compile(r"ms ?[12]|m[12]|(?:first|second|1st|2nd) year")
"""For a student with their score, past the exam or years from it: no line that speaks of the exam close ahead."""


_WEIGHING_ACK = {
    "grief": "I'm so sorry for your loss. Grief on top of this exam is a lot to hold, and it's okay if studying "
    "comes second for a while.",
    "unmatched": "Not matching is one of the hardest things in this whole process, and it says nothing final about "
    "the doctor you'll be, and it doesn't close the door: there are real next steps.",
    "family": "Carrying your family's expectations on top of the exam itself is a lot. One score is one part of "
    "your story, not all of it.",
    "first_gen": "Doing this as the first in your family, often without anyone who's been through it, takes a lot. "
    "You've already come a long way.",
    "comparison": "Comparing yourself with other people is brutal, and it's a skewed picture: you see their best "
    "news and best moments, and your own worst.",
    "partner": "Setting your score beside the score of someone close to you is hard, and it says nothing about your "
    "worth to each other or as a doctor: you were each measured on a different day, and your match depends on far "
    "more than one number.",
    "numb": "Feeling flat or empty after months of pressure is common: it doesn't switch off the moment something "
    "arrives. If it lasts for weeks, talk to a doctor or your school's counselling service: that's what they're for.",
    "lonely": "Doing this mostly on your own is really hard: weeks with a question bank or a hotel room for company "
    "would wear anyone down. Reaching out to a friend, even for a short call or a walk, is part of getting through it.",
    "impostor": "Feeling like an impostor is very common in medicine, and it says more about the bar you set "
    "yourself than about what you know. You earned your place here.",
    "abroad": "Doing this as an IMG, often far from home and with less support, is hard. Feeling behind doesn't mean "
    "you're out of the race.",
    "high_but_wanted_more": "Wanting more after all that work is understandable. For what it's worth, this score "
    "sits at or above every specialty average I hold.",
    "tears": "Tears after this exam can mean relief, shock or a bit of both, and all of it is allowed. Here's where "
    "the number itself stands:",
    "body": "Not sleeping or eating well makes everything feel heavier. Looking after that is part of the "
    "preparation, not a break from it.",
    "pride": "Good for you: that is worth being proud of.",
    "guilt": "Feeling guilty about what this exam takes from the people around you shows how much you care. This "
    "stretch is temporary.",
    "rest_guilt": "Resting is nothing to feel guilty about: a tired brain holds on to less, so a nap or a day off "
    "is part of studying well, not time taken from it.",
    "worth": "A score measures how one exam day went, not the doctor you are or will be.",
    "calm": "There's no right way to feel before an exam, and calm is a fine place to start from.",
    "excited": "Not weird at all: there's no right way to feel before an exam, and looking forward to it is a great "
    "place to start from.",
    "low_block": "One rough block says little on its own: the misses are where the points come from, and the "
    "trend over many blocks is what counts.",
    "waiting": "Waiting for a score is its own kind of hard. Nothing you do now changes the result, so be gentle "
    "with yourself.",
    "opening": "The moment before you open it is one of the tensest in this whole process. There's no rush: open "
    "it when you're ready, with someone beside you if that helps. Whatever it says, I'll help you read it and plan "
    "what comes next.",
    "match_wait": "The stretch between certifying a rank list and Match Day is its own kind of waiting: the work "
    "is done, and nothing you do now changes it. Fill the days with people and things you enjoy; you've earned them.",
    "soap": "SOAP week is one of the hardest weeks in this whole process. I can't promise how it turns out, but "
    "you don't have to do it alone: your school's dean's office and advisors guide applicants through SOAP, so "
    "lean on them this week.",
    "anger": "It makes sense to be angry about that. Let's put the energy into what you can still control.",
    "overwhelmed": "When everything piles up at once it's hard to know where to start. Let's take one piece first.",
    "behind": "Feeling behind is heavy to carry. Let's look at where you actually are, which is often further along "
    "than it feels.",
    "stuck": "A score that won't move is frustrating. Let's look at what might shift it.",
    "known": "It can feel like everyone knows, but most people are far too busy with their own exams to track "
    "anyone else's. What counts now is this attempt, and you don't owe anyone an explanation.",
    "avoidance": "Not being able to face the books for a few days happens to a lot of people near the exam, and it "
    "usually means exhaustion or dread, not laziness. Start small: one short untimed block today. If the dread "
    "doesn't lift, talk it over with your advisor, including whether your date still works.",
    "stupid": "Feeling stupid in a question bank is what learning there feels like: the misses are where the points "
    "come from.",
}
"""What weighs on them, named in place of the feeling's stock line (a loss comes first, feeling or not)."""
_WITHOUT_A_FEELING = frozenset(
    {
        "tears",
        "grief",
        "unmatched",
        "family",
        "body",
        "opening",
        "pride",
        "guilt",
        "rest_guilt",
        "low_block",
        "worth",
        "calm",
        "excited",
        "waiting",
        "anger",
        "overwhelmed",
        "numb",
        "partner",
        "comparison",
        "lonely",
        "known",
        "avoidance",
        "impostor",
        "first_gen",  # "the first in my family to go to college": named whether or not a feeling was heard
    }
)
"""What weighs enough to name even when the model heard no feeling in how it was said."""
_PROUD_TOO = {"first_gen": "As the first in your family to get here, that's even bigger."}
"""Beside good news, what weighed on them makes it bigger, not heavier."""


def acknowledge(parsed: Parsed, stage: Stage | None = None) -> str:
    """A sentence or two that names the feeling in plain words, or "" when there is none; what weighs on them
    ("my parents keep asking", "everyone posts 260s") is named in place of the stock line, and strain is named for
    where they are (`stage`): applying, matched or retaking is a strain of its own, not "this exam"."""
    if parsed.weighing == "first_gen" and parsed.someone_else:
        return ""  # "my friend is first gen and got 230": their story, not the student's to be met
    if parsed.weighing == "grief" or (parsed.feeling is None and parsed.weighing in _WITHOUT_A_FEELING):
        return _WEIGHING_ACK[parsed.weighing]  # "they think any score under perfect is failure. 244 isn't bad?"
    if parsed.weighing == "pride" and parsed.feeling in ("celebration", "relief"):
        return f"{pick(_ACK['celebration'], parsed.score)} {_WEIGHING_ACK['pride']}"
    if parsed.feeling is None or parsed.feeling not in _ACK:
        return ""
    weighing = "family" if parsed.weighing == "family_hint" else parsed.weighing  # a hint, beside a feeling
    if weighing == "stupid" and (parsed.status in ("failed", "taken") or stage == "has_score"):
        # "i feel so dumb. failed step 2", "got my score, under every nbme. i feel stupid": the result is what hurts,
        # not a question bank
        weighing = None
    if weighing in _WEIGHING_ACK and parsed.feeling not in {"celebration", "relief"}:
        return _WEIGHING_ACK[weighing]
    if parsed.weighing in _PROUD_TOO and parsed.feeling == "celebration":
        return f"{pick(_ACK['celebration'], parsed.score)} {_PROUD_TOO[parsed.weighing]}"
    if parsed.feeling == "stress" and stage in _STRESS_BY_STAGE and not parsed.exam_date:
        return _STRESS_BY_STAGE[stage]  # "...7 EM interviews with a 239, do I start thinking about SOAP?"
    # "did i pass w 212", "my CK was 238", "is 240 good?": a score said (not supposed, not someone else's)
    # is read as a result in, so the feeling is named without "before Step 2 CK"
    has_result = parsed.score is not None and (
        parsed.own or parsed.topic == topics.PASSING_SCORE or not (parsed.hypothetical or parsed.someone_else)
    )
    far = parsed.stage is not None and _EARLY_YEARS_RE.fullmatch(parsed.stage) is not None  # an MS1: years away
    sat = has_result or parsed.status is not None or far
    options = _ACK_AFTER_THE_EXAM.get(parsed.feeling, _ACK[parsed.feeling]) if sat else _ACK[parsed.feeling]
    # (the season's worry, whatever score is beside it; none while an exam date is still ahead)
    by_stage = stage == "interviewing" or (parsed.score is None and not parsed.exam_date)
    if parsed.feeling == "worry" and by_stage and parsed.status is None and stage in _WORRY_BY_STAGE:
        options = (_WORRY_BY_STAGE[stage],)  # "first interview done and i think i bombed it": not the exam's worry
    elif parsed.feeling == "worry" and parsed.score is None and parsed.status is None:
        options = (_WORRY_BEFORE,)  # no number yet: no "one number rarely settles things"
    elif parsed.feeling == "worry" and parsed.score is None and parsed.status == "taken":
        options = (_WORRY_WAITING,)  # "took it yesterday, convinced I failed": the wait, not a number
    elif (
        parsed.feeling == "disappointment"
        and parsed.score is None
        and (parsed.status is None or (parsed.status == "taken" and stage != "has_score"))
    ):
        # "why did i choose medicine 😩", "teared up at the test center": no score to be sorry about
        options = (_LOW_NO_SCORE,)
    elif parsed.feeling == "disappointment" and parsed.status == "passed":
        options = (_PASSED_BUT_LOW,)  # "passed thank god, but it's way lower than i wanted": both at once
    return pick(options, parsed.feeling, parsed.score, parsed.specialties)


def crisis(knowledge: Knowledge, *, for_someone: bool = False) -> Reply:
    """For hopelessness or self-harm: care first, then where to find help now. No data, no plan.

    `for_someone`: said of someone else ("my roommate wants to die"), so how to help them comes first."""
    fact = knowledge.facts.get(CRISIS_FACT)
    line = (
        f"• {escape(fact.text)} <i>({escape(knowledge.cite(fact.source))})</i>\n"
        if fact is not None
        else "• Please reach a crisis line or your local emergency number now.\n"
    )
    if for_someone:
        return Reply(
            "I'm so sorry, that's frightening to hear, and you're right to take it seriously.\n\n"
            "• If they might act on it now, call your local emergency number and stay with them.\n"
            f"{line}"
            "• Their school's wellness or counselling service is there for exactly this, and it's confidential: "
            "offer to help them reach it.\n\n"
            "Look after yourself too: a conversation like that is a lot to carry, so tell someone you trust."
        )
    html = (
        "I'm really sorry you're feeling this way. You matter far more than any exam or score, "
        "and you don't have to carry this alone.\n\n"
        f"{line}"
        "• Your school's wellness or counselling service is there for exactly this, and it's confidential.\n"
        "• Tell someone you trust today: a friend, a family member, a classmate or a mentor.\n\n"
        "If you might act on thoughts of hurting yourself, call your local emergency number now. "
        "I'm here to talk about Step 2 whenever you want, but you come first."
    )
    return Reply(html)


def with_feeling(reply: Reply, parsed: Parsed, stage: Stage | None = None) -> Reply:
    """The reply with the feeling acknowledged first (named for the student's `stage`, where known), and the upbeat
    closing dropped when it would jar."""
    ack = acknowledge(parsed, stage)
    if not ack:
        return reply
    heavy = parsed.feeling in HEAVY_FEELINGS
    return replace(reply, feeling=ack, closing="" if heavy else reply.closing)


_EVE_ACK = (
    "Nerves the night before are normal, and they don't mean you aren't ready.",
    "A racing mind the night before is something nearly everyone goes through. It's okay.",
)
SOON_FEELINGS = frozenset({None, "stress", "panic", "exhaustion", "worry"})
"""Feelings that, with the exam hours away, are nerves: answered with that day, not a study change."""


def exam_soon(parsed: Parsed, when: Literal["today", "tomorrow"]) -> Reply:
    """With the exam hours away, nerves or no question at all: how to spend that day, not a study change."""
    if when == "today":
        ack = acknowledge(parsed)
        return Reply(f"{ack}\n\n{EXAM_TODAY}" if ack else EXAM_TODAY, ((EXAM_DAY_BUTTON,),))
    # Tiredness the night before is nerves, not burnout: its usual words ("take a proper break") would jar.
    ack = pick(_EVE_ACK, parsed.feeling) if parsed.feeling == "exhaustion" else acknowledge(parsed)
    ack = ack or "Tomorrow is the day, and nerves tonight are normal: they don't predict how it goes."
    return Reply(f"{ack}\n\n{EXAM_EVE}", ((EXAM_DAY_BUTTON,),))


def days_before(parsed: Parsed, last_days: str) -> Reply:
    """Nerves with the exam a few days away and no question: the feeling, then how to spend the days left."""
    ack = acknowledge(parsed, "studying") or "Nerves this close to the exam are normal, and they don't predict the day."
    return Reply(f"{ack}\n\n{escape(last_days)}", ((EXAM_DAY_BUTTON,),))


def vent(parsed: Parsed, *, score_out: bool = False, stage: Stage | None = None) -> Reply:
    """A feeling with no question: listen, then offer one small next step (`score_out`: the score is out,
    though not told; `stage`: where they are, so that no studying is offered past the exam)."""
    ack = acknowledge(parsed, stage)
    far = parsed.stage is not None and _EARLY_YEARS_RE.fullmatch(parsed.stage) is not None
    # "took it in november, score came out and I'm so disappointed": sat and out, so not waiting (no number told)
    waiting = (
        (parsed.status == "taken" or parsed.weighing in ("waiting", "opening") or stage == "waiting")
        and parsed.score is None
        and not score_out
    )
    if parsed.weighing == "opening" and parsed.score is None:
        return Reply(_WEIGHING_ACK["opening"])  # the score is there, unread: no wait to explain, no study to offer
    if parsed.weighing in ("match_wait", "soap"):
        return Reply(_WEIGHING_ACK[parsed.weighing])  # past the exam and the applying: nothing to study or plan
    if waiting and parsed.weighing == "body":
        # "scores come out tomorrow and I can't eat": the wait is what costs the sleep, not studying
        ack = _WEIGHING_ACK["waiting"]
    if not ack and stage in _PAST_THE_EXAM:
        return Reply("Thanks for telling me how it's going. If there's something I can help with, just say.")
    if stage in _PAST_THE_EXAM and parsed.weighing is None and parsed.feeling in _PAST_THE_EXAM_ACK:
        # "exhausted from interviewing", "interview season is eating me alive": no exam or block to speak of
        ack = _PAST_THE_EXAM_ACK[parsed.feeling]
    if not ack:  # no feeling we can name: no guess that it's a hard one ("I'm proud of myself" got "that sounds hard")
        return Reply(
            "Thanks for telling me how it's going. If there's something I can help with, the score, the date or "
            "the studying, just say.",
            (_VENT_BUTTONS,),
        )
    # What follows the feeling fits where they are: waiting for a score, years from the exam, or in the thick of it.
    buttons: tuple[Button, ...]
    if waiting:
        then, buttons = _AFTER_WAITING, (Button("When do scores come out?", f"/faq {topics.SCORE_RELEASE}"),)
    elif far:
        then, buttons = _AFTER_FAR, (Button("Step 1 P/F and Step 2 CK", f"/faq {topics.STEP1_PASS_FAIL}"),)
    elif (
        parsed.score is not None
        and not (parsed.hypothetical or parsed.someone_else)
        and parsed.weighing not in (None, "pride")
        and parsed.status != "failed"  # a fail keeps its own help first
    ):
        # "my wife got 262 and I got 237... I feel pathetic": their result is in, so no studying is offered
        then = _AFTER_RESULT
        buttons = (Button(f"What fits a {parsed.score}?", f"/score {parsed.score}"),)
    else:
        # "so proud of myself rn": pride said with no other feeling is good news, not something weighing on them
        proud = parsed.weighing == "pride" and parsed.feeling in (None, "celebration", "relief")
        # what weighs on them already said ("my parents don't get why i can't come home"): not asked for again
        after_stress = _AFTER_NAMED if parsed.weighing not in (None, "pride") else _AFTER_STRESS
        then = _AFTER_FEELING["celebration"] if proud else _AFTER_FEELING.get(parsed.feeling or "", after_stress)
        # "i feel like such a failure" beside what weighs on them (3 interviews, everyone else's 12) is no fail told
        failed = parsed.status == "failed" or (parsed.feeling == "failure" and parsed.weighing is None)
        first = Button("After a fail", f"/faq {topics.AFTER_FAIL}") if failed else None
        past_the_exam = stage in _PAST_THE_EXAM and not failed
        if past_the_exam and then in (_AFTER_STRESS, _AFTER_NAMED):
            then = _AFTER_PAST_THE_EXAM  # "2 interviews total... I want to disappear for a month": no studying
        elif past_the_exam and then == _AFTER_FEELING["exhaustion"]:
            then = _REST_PAST_THE_EXAM  # "exhausted from interviewing": no study plan to pause
        buttons = tuple(b for b in (first, *(() if past_the_exam else _VENT_BUTTONS)) if b)
    return Reply(f"{ack}\n\n{then}", (buttons,))


_VENT_BUTTONS = (Button("How to study", f"/faq {topics.STUDY_STRATEGIES}"), Button("🗓 Study plan", "/plan"))
_AFTER_STRESS = (
    "If it helps, tell me what's weighing on you most: the score, the date or the studying. Sometimes one small "
    "change to the plan makes the rest feel lighter."
)
_AFTER_NAMED = (
    "I'm here if you want to talk it through, or to shape the studying around it: a lighter week is a plan too."
)
_PAST_THE_EXAM: frozenset[Stage | None] = frozenset({"has_score", "applying", "interviewing", "incoming_resident"})
_AFTER_PAST_THE_EXAM = (
    "If it helps, tell me what's weighing on you most right now: I'm here to listen, and to help with whatever "
    "part of it I can."
)
_PAST_THE_EXAM_ACK = {
    "exhaustion": "That sounds exhausting, and it makes sense: this stretch takes a lot out of people.",
}
"""Past the exam, tiredness named without an exam ahead (strain has its own lines by stage: `_STRESS_BY_STAGE`)."""
_REST_PAST_THE_EXAM = "Rest where you can: nothing here needs doing today, and I'm here when you want to talk."
_AFTER_RESULT = (
    "I'm here if you want to talk it through. When you're ready, we can look at what your score means for the "
    "fields you're weighing."
)
_AFTER_FEELING = {
    "exhaustion": "Take the day if you need it: if you have a plan with me, /pause holds it while you rest, and "
    "nothing is lost.",
    "celebration": "Enjoy this one. When you want to, I can help with what comes next.",
    "relief": "Let it sink in. When you want to, I can help with what comes next.",
    "shame": "When you're ready, tell me what happened, or what you'd like to do next, and we'll take it one step "
    "at a time.",
    "disappointment": "When you're ready, tell me what you'd like to look at: the score, the plan or what comes "
    "next. One step at a time.",
}
_AFTER_WAITING = (
    "There's nothing you need to do while you wait, so be kind to yourself: sleep, eat, see people. How the exam "
    "felt is a poor guide to the result."
)
_AFTER_FAR = (
    "Step 2 CK is a long way off, and that's on your side: learning your courses and clerkships well now is the "
    "groundwork for it."
)


def thanks(parsed: Parsed, done: bool = False) -> Reply:
    """A short, warm you're-welcome; with the exam behind them (`done`), good luck for the score instead, and
    congratulations with a pass told."""
    if parsed.status == "passed":
        return Reply(
            "Congratulations on passing, and thank you for telling me! 🎉 I'm really glad I could help. "
            "Good luck with everything that comes next."
        )
    if (
        parsed.score is not None
        and not (parsed.hypothetical or parsed.someone_else)
        and parsed.feeling == "celebration"
    ):
        # "GOT A 261!!!!! ... thank u for the reminders": their result, celebrated, with the thanks
        return Reply(
            f"Congratulations on your {parsed.score}, and thank you for telling me! 🎉 I'm really glad I could help. "
            "Good luck with everything that comes next."
        )
    if done:
        return Reply("You're welcome, and well done getting through it! Fingers crossed for your score. 🤞")
    return Reply(
        pick(
            (
                "You're welcome! Good luck with whatever comes next. 🙂",  # no stage assumed: a thanks tells none
                "Any time. Come back whenever a question pops up.",
                "Glad it helped! I'm here when you need me.",
            ),
            parsed.confidence,
        )
    )


def insult() -> Reply:
    """No offence taken; one line on what to try."""
    return Reply(
        "Fair enough, I don't always get it right. 🙂 Tell me what you were after, like "
        "“avg for derm” or “is 245 good for IM?”, and I'll have another go."
    )


_JOKES = (
    "Why did the Step 2 vignette take so long to get to the point? It had to mention the patient's travel history "
    "first.",
    "My question bank asked for the next best step. I said a nap. Apparently that's only the right answer the night "
    "before the exam.",
    "A Step 2 question walks into a bar. The bartender asks what brings it in. It starts, “A 45-year-old man "
    "presents with three days of...”, and the block times out.",
)
"""Clean exam jokes, for a student who asks for one (a bot that only declines is no friend)."""
_AFTER_JOKE = "Averages are more my thing than punchlines, though: ask me about a specialty, your score or your plan."
_HOW_ARE_YOU = quick_re.compile(r"\bhow (?:are|r) (?:you|u)\b|\bhow s (?:it going|your day)\b|\bhow you doing\b")


def smalltalk(text: str = "") -> Reply:
    """A friendly line back, then the door to what the bot is for."""
    if _HOW_ARE_YOU.search(normalize(text)):
        return Reply(
            "Doing fine, thanks for asking! I'm all about Step 2 CK: scores, specialties, study plans. "
            "What's on your mind?"
        )
    if asks_for_joke(normalize(text)):
        return Reply(f"{pick(_JOKES, normalize(text))} 🙂\n\n{_AFTER_JOKE}")
    if asks_who_we_are(normalize(text)):
        return Reply(
            "I'm a bot, not a person: an automated helper for Step 2 CK, not part of USMLE or NBME. Every number I "
            "give comes with its source, and for your own situation your school's advisor is the person to ask."
        )
    if hyped(text, normalize(text)):
        return Reply(
            "That's the energy! 💪 One day at a time adds up. Send me your question count when you finish (“did 80”) "
            "and I'll keep the tally: it lives in your study plan, so set one up first if you haven't yet.",
            ((Button("🗓 Study plan", "/plan"),),),
        )
    if asks_about_logging(normalize(text)):
        return Reply(
            "Yes, please do! Send something like “did 80” or “40 qs, 72%” whenever you finish, and I'll keep count: "
            "a log, a streak and a progress chart. They live in your study plan, so set one up first if you "
            "haven't yet.",
            ((Button("🗓 Study plan", "/plan"),),),
        )
    return Reply("I'm here whenever you want to talk Step 2 CK: scores, specialties or your study plan.")


def greeting_again(profile: Profile) -> Reply:
    """A returning student gets a short hello, not the whole welcome."""
    if profile.score is not None:
        whose = "your" if profile.about.score_own else "the"
        return Reply(f"Hi again! 👋 I still have {whose} {profile.score} in mind. What would you like to look at?")
    return Reply("Hi again! 👋 What would you like to look at?")


def my_score(profile: Profile, knowledge: Knowledge) -> Reply:
    """What we remember about the student, and how to erase it."""
    lines = []
    if profile.score is not None:
        lines.append(
            f"Your Step 2 CK score: <b>{profile.score}</b>."
            if profile.about.score_own
            else f"You asked about <b>{profile.score}</b> (you haven't told me your own score)."
        )
    about = profile.about
    if about.school:
        lines.append(
            {"us_md": "US MD student.", "do": "DO student.", "img": "International graduate (IMG)."}[about.school]
        )
    if about.status:
        lines.append(f"Step 2 CK: {about.status}.")
    if about.exam_date:
        lines.append(f"Exam date: {about.exam_date}.")
    if about.step1:
        lines.append(f"Step 1: {about.step1}.")
    if about.practice:
        lines.append("Practice tests: " + escape(", ".join(about.practice)) + ".")
    if profile.specialties:
        names = [knowledge.specialties[s].short_name for s in profile.specialties if s in knowledge.specialties]
        if names:
            lines.append("Interested in: " + escape(", ".join(names)) + ".")
    if not lines:
        return Reply("I don't remember anything about you yet. Tell me your score with “I got 248”.")
    return Reply("Here's what I remember:\n" + "\n".join(lines) + "\n\n/forget erases all of it.")


def _suggestions(parsed: Parsed, knowledge: Knowledge) -> list[str]:
    out: list[str] = []
    for ident in parsed.specialties[:1]:
        out.append(f"“avg for {knowledge.specialties[ident].short_name.lower()}”")
    if parsed.score is not None:
        out.append(f"“is {parsed.score} good for IM?”")
    out += ["“avg for derm”", "“I got 245, what fits?”", "“how long should I study?”"]
    return list(dict.fromkeys(out))[:3]


def fallback(parsed: Parsed, knowledge: Knowledge) -> Reply:
    """At most four lines: what we didn't get, and two or three things to try that fit."""
    tries = _suggestions(parsed, knowledge)
    html = "I didn't quite catch that. Try " + ", ".join(tries[:-1]) + f" or {tries[-1]}."
    if parsed.practice_score is not None:
        html += (
            f"\n{parsed.practice_score} looks like a practice or Step 1 score, so I didn't take it as your Step 2 CK."
        )
    buttons = ((Button("❓ Common questions", "/faq"), Button("📋 All averages", "/specialties")),)
    return Reply(html, buttons)


def _button(reading: str, parsed: Parsed, knowledge: Knowledge) -> Button | None:
    """The button that asks for one reading, as a command the advisor understands."""
    intent, _, topic = reading.partition(":")
    if intent == "answer":  # one of the bank's answers, named by its question (shortened), the answer when tapped
        answer = knowledge.answers.get(topic)
        return Button(_shortened(answer.question), f"/faq {topic}") if answer is not None else None
    if topic:
        entry = knowledge.faq.get(topic)
        return Button(entry.title, f"/faq {topic}") if entry is not None else None
    spec = knowledge.specialties.get(parsed.specialties[0]) if parsed.specialties else None
    match intent:
        case "average":
            return Button(f"Average for {spec.short_name}", f"/average {spec.short_name}") if spec else None
        case "score_fit" | "score_check" if parsed.score is not None:
            return Button(f"Where {parsed.score} stands", f"/score {parsed.score}")
        case "study_plan" | "exam_moved" | "days_left":
            return Button("🗓 Study plan", "/plan")
        case "help":
            return Button("What you can do", "/help")
        case "practice_score":
            entry = knowledge.faq.get(topics.PRACTICE_TESTS)
            return Button(entry.title, f"/faq {topics.PRACTICE_TESTS}") if entry is not None else None
    return None


BUTTON_CHARS = 40
"""A button's label at most: longer ones are cut on a phone."""


def _shortened(question: str) -> str:
    """A question as a button's label: whole if short, else cut at a word with "…"."""
    if len(question) <= BUTTON_CHARS:
        return question
    return question[: BUTTON_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def clarify(parsed: Parsed, knowledge: Knowledge) -> Reply | None:
    """One short question with the likeliest readings as buttons; None when fewer than two fit."""
    buttons = [b for b in (_button(r, parsed, knowledge) for r in parsed.alternatives) if b is not None]
    unique = list({b.action: b for b in buttons}.values())[:3]
    if len(unique) < 2:
        return None
    return Reply("Just to be sure I answer the right thing: which did you mean?", tuple((b,) for b in unique))


def also(
    parsed: Parsed,
    knowledge: Knowledge,
    reply: Reply,
    text: str = "",
    stage: Stage | None = None,
    band: ScoreBand | None = None,
) -> Reply:
    """The main answer, then the long post's other questions: each specific one answered in a line
    (its answer's short form), and every one offered as a button for the whole answer. A specific answer
    written for another school, or only for matched students to one who hasn't said so, is left out ("anything
    left to do in ERAS?" from an applicant is no matched student's question)."""
    readings = [
        r
        for r in parsed.also
        if not r.startswith("answer:")
        or (found := knowledge.answers.get(r.removeprefix("answer:"))) is None
        or _shown_to(found, stage, parsed.school, band)
    ]
    # a topic whose general answer is written for other scores ("Matching with an average" to a 271)
    readings = [r for r in readings if not _topic_misfits(r, knowledge, band)]
    actions = {b.action for row in reply.buttons for b in row}
    labels = {b.label for row in reply.buttons for b in row}
    buttons: list[Button] = []
    for b in (_button(r, parsed, knowledge) for r in readings):
        if b is not None and b.action not in actions and b.label not in labels:
            buttons.append(b)
            actions.add(b.action)
            labels.add(b.label)  # two buttons never read the same
    outside = [escape(_WHERE_INSTEAD[label.removeprefix(OUTSIDE)]) for label in readings if label.startswith(OUTSIDE)]
    # each line once: a topic's reading and one of its answers may come to the same line
    short = list(dict.fromkeys(line for label in readings if (line := _also_line(label, text, knowledge, band))))
    if not buttons and not outside and not short:
        return reply  # nothing, or only what a note already offers
    if short or outside:
        lines = "\n".join([*short[:ALSO_SHORT], *outside])
        more = "\n<i>Tap below for more.</i>" if buttons else ""
        return reply.noted(f"<i>You also asked:</i>\n{lines}{more}", buttons=(tuple(buttons),) if buttons else ())
    names = " and ".join(f"“{escape(b.label)}”" for b in buttons)
    return reply.noted(f"<i>You also asked about {names}: tap below.</i>", buttons=(tuple(buttons),))


def _shown_to(answer: Answer, stage: Stage | None, school: str | None, band: ScoreBand | None) -> bool:
    """Whether a post's other question may be answered with this answer: for this student, and for their score."""
    return not for_someone_else(answer, stage, school) and fits(answer, None, None, band)


def _topic_misfits(reading: str, knowledge: Knowledge, band: ScoreBand | None) -> bool:
    """Whether a "faq:<topic>" reading's general answer is written for scores other than the student's."""
    entry = knowledge.faq.get(reading.removeprefix("faq:")) if reading.startswith("faq:") else None
    return entry is not None and not in_band(entry.score_bands, band)


ALSO_SHORT = 2
"""Other questions of a post answered in a line each, at most: the reply stays short on a phone."""
OUTSIDE = "outside:"
"""A long post's other question on something we don't cover ("outside:step3"), declined in a line."""


def _also_line(label: str, text: str, knowledge: Knowledge, band: ScoreBand | None = None) -> str:
    """A post's other question answered in a line: its specific answer's short form, else its topic's own."""
    if label.startswith("answer:"):
        named = knowledge.answers.get(label.removeprefix("answer:"))
        return f"<b>{escape(named.question)}</b> {escape(named.short)}" if named is not None else ""
    topic = label.removeprefix("faq:")
    if topic == label or not text:
        return ""
    found = best_answer(text, topic, knowledge, band=band)
    if found is not None:
        return f"<b>{escape(found.question)}</b> {escape(found.short)}"
    entry = knowledge.faq.get(topic)
    if entry is None:
        return ""
    title = entry.title if entry.title.endswith("?") else f"{entry.title}:"
    return f"<b>{escape(title)}</b> {escape(entry.short)}"


def school_note(
    profile: Profile,
    knowledge: Knowledge,
    reply: Reply,
    *,
    figures: bool = False,
    asked_about: bool = False,
    specialties: Sequence[str] = (),
    score: int | None = None,
    citizenship: str | None = None,
) -> Reply:
    """For an IMG or DO student, a pointer to what differs for them (where the FAQ has it); beside
    specialty averages (`figures`), also whose averages they are, and the group's own for `specialties`
    where the store holds them (else that they are not held), with the student's `score` set against them.
    `asked_about`: the group was asked about ("the IM average for IMGs?"), not said of the student.
    `citizenship` (`cues.img_citizenship`): a U.S.-citizen IMG is never set against non-U.S. IMGs' figures."""
    topic = {"img": topics.IMG, "do": topics.DO_STUDENTS}.get(profile.about.school or "")
    shown = {b.action for row in reply.buttons for b in row}
    if topic is None or topic not in knowledge.faq or f"/faq {topic}" in shown:
        return reply
    img = topic == topics.IMG
    note = f"{'As an IMG' if img else 'As a DO student'}, a few things work differently for you: tap below."
    if figures:
        group = "IMGs" if img else "DO seniors"
        after = (
            "What else differs for them is a tap below."
            if asked_about
            else ("A few other things work differently for you: tap below.")
        )
        # said first: whose figures these are decides how an IMG or a DO student should read every one of them
        us_img = img and citizenship == "us"  # the figures held are non-U.S. IMGs': not theirs
        own = "" if us_img else group_figures_line(knowledge, profile.about.school or "", specialties, score)
        if own and img and citizenship == "unsure":
            own += " If you're a U.S. citizen, the NRMP reports your group separately, and I don't hold those."
        held = " yet (the IMG figures I hold are for non-U.S. citizens)" if us_img else ""
        group = "U.S.-citizen IMGs" if us_img else group
        whose = (
            f"<i>The averages below are mostly for U.S. MD seniors. {own}</i>"
            if own
            else (
                f"<i>These averages are mostly for U.S. MD seniors. {group} have their own, in the NRMP's Charting "
                f"Outcomes report for {group}, which I don't hold"
                f"{held or _for_which(knowledge, profile, specialties)}, so read them as a rough guide.</i>"
            )
        )
        buttons = ((Button(knowledge.faq[topic].title, f"/faq {topic}"),),)
        if reply.numbers:
            # a specific answer leads and their numbers follow it: whose averages these are goes with the numbers
            return replace(reply, numbers=f"{whose}\n\n{reply.numbers}").noted(after, buttons=buttons)
        return reply.led_by(whose).noted(after, buttons=buttons)
    return reply.noted(note, buttons=((Button(knowledge.faq[topic].title, f"/faq {topic}"),),))


def group_figures_line(knowledge: Knowledge, group: str, specialties: Sequence[str], score: int | None) -> str:
    """One group's own averages for the fields asked about ("Non-U.S. IMGs have their own: those who matched
    Internal Medicine in the 2026 Match averaged 249..."), cited, the student's score set against the first;
    "" when the store holds none of them."""
    held = [(knowledge.specialties[s], f) for s in specialties if (f := knowledge.group_figure(s, group)) is not None]
    if not held:
        return ""
    (spec, first), year = held[0], f" in the {held[0][1].year} Match" if held[0][1].year is not None else ""
    if len(held) == 1:
        means = f"those who matched {escape(spec.name)}{year} averaged {first.value}"
        means += f", and those who didn't, {first.unmatched}" if first.unmatched is not None else ""
    else:
        means = f"those who matched{year} averaged " + joined([f"{f.value} in {escape(s.name)}" for s, f in held])
    whose = first.population or group  # a group's figure always says whose (knowledge.models.Figure)
    line = f"{escape(whose[0].upper() + whose[1:])} have their own: {means}"
    line += f" ({escape(knowledge.cite(first.source))})."
    fail_mark = knowledge.fail_mark()
    if score is not None and fail_mark is not None and score < fail_mark:
        score = None  # a failing score set against matched applicants' averages helps no one; the reply meets the fail
    if score is not None and len(held) > 1:
        at = sum(score >= f.value for _, f in held)
        line += (
            f" Your {score} is at or above {at} of these {len(held)}."
            if at
            else f" Your {score} is under each of these averages; by definition, some who matched scored below them."
        )
    elif score is not None:
        line += f" Your {score} is {distance(score, first.value)} their {escape(spec.short_name)} average."
    shown = {s.id for s, _ in held}
    missing = [knowledge.specialties[s].name for s in specialties if s in knowledge.specialties and s not in shown]
    if missing:
        line += f" I hold none of theirs for {escape(joined(missing))}."
    return line + " Averages, not cut-offs."


def group_fields_near(knowledge: Knowledge, group: str, score: int, n: int = 4) -> list[str]:
    """The `n` fields whose averages for one group ("img") lie nearest `score`, lowest average first."""
    held = [
        (f.value, spec.id) for spec in knowledge.specialties.values() if (f := knowledge.group_figure(spec.id, group))
    ]
    return [ident for _, ident in sorted(sorted(held, key=lambda h: abs(h[0] - score))[:n])]


def _for_which(knowledge: Knowledge, profile: Profile, specialties: Sequence[str]) -> str:
    """ " for Dermatology" where the store holds the group's figures for other fields; " yet" where it holds none."""
    if profile.about.school not in knowledge.groups_held():
        return " yet"
    names = [knowledge.specialties[s].name for s in specialties if s in knowledge.specialties]
    return f" for {escape(joined(names))}" if names else " for these fields"


STEP1_FAIL_ANSWER = "s1s2-step1-fail"
"""The answer on a failed Step 1 behind a student, whose short form is the note beside their figures."""
SCORED_STEP1_ANSWER = "s1s2-offset-low-step1"
"""The answer on a scored Step 1 offset by Step 2 CK, cited beside a score's figures when it is asked about."""


RATES_NOT_HELD = (
    "How many pass each year is USMLE's own figure, published in its performance data at usmle.org; I don't hold "
    "it, so I won't guess. What I can tell you is how passing works:"
)
"""Said before the answer on how passing is set, when the share who pass or fail is asked."""


def step1_fail_note(reply: Reply, knowledge: Knowledge) -> Reply:
    """Beside a score's figures, the Step 1 fail the student told of: what it weighs, cited, and where to read more."""
    return _step1_note(reply, knowledge, STEP1_FAIL_ANSWER, "About the Step 1 fail you mention: ")


STEP1_SCORED_NOTE = "programs still see a scored Step 1, but Step 2 CK is now the main USMLE score they compare"
"""What a scored Step 1 weighs beside a Step 2 CK score, in short (the words of `SCORED_STEP1_ANSWER`'s sources)."""


def step1_scored_note(reply: Reply, knowledge: Knowledge, step1: int, *, low: bool) -> Reply:
    """The reply led by what the scored Step 1 they asked about still weighs, cited: their question, answered first."""
    offset = ", so a strong CK is the most direct way to offset a low one." if low else "."
    said = STEP1_SCORED_NOTE + offset
    return _step1_note(reply, knowledge, SCORED_STEP1_ANSWER, f"About your Step 1 of {step1}: ", said, lead=True)


def _step1_note(
    reply: Reply, knowledge: Knowledge, ident: str, opening: str, said: str | None = None, *, lead: bool = False
) -> Reply:
    """A note on Step 1 from an answer of the bank (its short form unless `said`), cited, with its topic's button."""
    answer = knowledge.answers.get(ident)
    if answer is None:
        return reply
    cited = "; ".join(knowledge.cite(s) for s in answer.sources)
    note = f"{escape(opening)}{escape(said or answer.short)} <i>({escape(cited)})</i>"
    more = Button(knowledge.faq[answer.topic].title, f"/faq {answer.topic}") if answer.topic in knowledge.faq else None
    if lead:
        return reply.led_by(note).noted(buttons=((more,),) if more else ())
    return reply.noted(note, buttons=((more,),) if more else ())


def quoted_note(parsed: Parsed, reply: Reply, text: str = "", *, figures: bool = True) -> Reply:
    """The reply, opened by naming the figure they heard as theirs to check, not as their score (`figures`: the
    reply sets their score beside figures; where none are, as beside the couples match's answer, the note says
    only whose number is whose)."""
    if not parsed.quoted or parsed.score in parsed.quoted:
        return reply
    if text and all(says_the_pass_mark_is(normalize(text), n) for n in parsed.quoted):
        return reply  # "got a 215 and passing was 218": the pass mark, answered as one, not a figure they heard
    said = [_as_said(n, text) for n in dict.fromkeys(parsed.quoted)]
    several = len(said) > 1 or said[0].endswith("s")
    kind = _kind_of_figure(text, dict.fromkeys(parsed.quoted))
    if several:
        what = f"read as {_FIGURE_KINDS[kind][1]}" if kind else "read as figures you heard or other people's scores"
    else:
        what = f"reads as {_FIGURE_KINDS[kind][0]}" if kind else "reads as a figure you heard or someone else's score"
    if parsed.score is not None and not (parsed.someone_else or parsed.hypothetical):
        # Their own score is the one set beside the figures: the answer comes first, and a line after it says
        # which number was theirs, instead of a preamble pushing the answer down a long post's reply.
        done = f"so I set your {parsed.score} beside the figures" if figures else f"and I took {parsed.score} as yours"
        return reply.noted(f"<i>The {' and '.join(said)} you mention {what}, {done}.</i>")
    if parsed.status == "failed" and parsed.score is None and not figures:
        return reply  # "I failed... my friends were posting about 250s": their fail is the news, not whose number
    taken = (
        f"not {'scores' if several else 'a score'} of yours"
        if kind
        else f"so I haven't taken {'them' if several else 'it'} as yours"
    )
    note = f"<i>The {' and '.join(said)} you mention {what}, {taken}. Here's what the sources say:</i>"
    return reply.led_by(note)


_FIGURE_KINDS = {
    "stated": ("a program's stated minimum", "programs' stated minimums"),
    "cut-off": ("a cut-off you heard", "cut-offs you heard"),
    "average": ("a published average", "published averages"),
}
"""How a quoted figure's kind is named, one and several."""
_PROGRAM_STATES_RE = quick_re.compile(
    r"\b(?:website|site|page|freida)\b[^.?!]{0,40}?\b(?:says?|lists?|listed|requires?|required|posted|has)\b"
)
"""A program's own page stating its rule ("program's website says min 225", "FREIDA says a program has a minimum"; not
"a friend said the programs in our state screen at 230")."""
_CUTOFF_WORDS_RE = quick_re.compile(r"\b(?:cut\s*offs?|cut-offs?|minimums?|min|filters?|screens?|thresholds?)\b")
_AVERAGE_WORDS_RE = quick_re.compile(r"\b(?:medians?|averages?|avgs?|mean)\b(?!\s+(?:you|that|i|it|we|they)\b)")


def _kind_of_figure(text: str, values: Iterable[int]) -> str:
    """ "cut-off" or "average" when the words beside every quoted number say which it is
    ("a PD said 240 is their cutoff", "charting outcomes says ~247 median"); "" when they don't."""
    low = text.lower()
    numbers = [m.span() for m in re.finditer(r"\b\d{3}\b", low)]
    kinds = set()
    for value in values:
        near = []
        if re.search(rf"\b(?:got|scored|has|had|have|with)\s+(?:an?\s+|like\s+)?{value}\b", low):
            return ""  # "my friend got 216 and says its a pass": a score someone got, whatever words sit near it
        for m in re.finditer(rf"\b{value}\b", low):
            # only its own stretch of words: "my friend got 240 and the median for IM is 250" names 250's kind
            left = max([end for start, end in numbers if end <= m.start()] + [m.start() - 40, 0])
            right = min([start for start, end in numbers if start >= m.end()] + [m.end() + 40])
            near.append(low[left:right])
        if any(_CUTOFF_WORDS_RE.search(n) for n in near):
            # "my program's website says min step 2 of 225": the program's own rule, read, not a rumour heard
            kinds.add("stated" if any(_PROGRAM_STATES_RE.search(n) for n in near) else "cut-off")
        elif any(_AVERAGE_WORDS_RE.search(n) for n in near):
            kinds.add("average")
        else:
            return ""
    return kinds.pop() if len(kinds) == 1 else ""


def _as_said(value: int, text: str) -> str:
    """A figure as they said it: "260s" for the 265 read from "everyone gets 260s", else the number."""
    decade = value - 5
    if value % 10 == 5 and re.search(rf"\b{decade}\s*'?s\b", text):
        return f"{decade}s"
    return str(value)


def older_score(parsed: Parsed) -> Reply:
    """A score from an exam sat under older rules: not judged against today's pass mark or averages."""
    return Reply(
        f"A {parsed.score} from {parsed.score_year} was scored under the rules of that time, and pass marks "
        "have changed since, so I won't judge it against today's pass mark or averages. "
        "If you have a recent Step 2 CK score, tell me and I'll set it beside the averages.",
        ((Button("Passing score", f"/faq {topics.PASSING_SCORE}"),),),
    )


_WHERE_INSTEAD = {
    "step3": "Step 3 is outside what I know well. USMLE's own site, usmle.org, has its current format and rules.",
    "step2_cs": "Step 2 CS is outside what I know well. USMLE's own site, usmle.org, has what replaced it.",
    "comlex": "That COMLEX exam is outside what I know well. NBOME, which runs COMLEX, has its details at nbome.org.",
    "comlex_figures": "COMLEX's own figures are outside what I know: its scores are on NBOME's own scale, so "
    "Step 2 CK averages can't be set against them. NBOME (nbome.org) and the NRMP's match reports on DO seniors "
    "are where COMLEX figures live.",
    "chat": "That one's outside what I know, so I'd only be guessing. Enjoy the break when it comes!",
    "care": "Looking after yourself comes first. Finding a doctor is outside what I can do, but your school's "
    "student health or counseling service, or your insurer's directory, can point you to one; if it's urgent, "
    "call your local emergency number.",
    "other": "That one's outside what I know well, so I'd only be guessing.",
    "career": "Other paths, like PA, NP or other schools, are outside what I know well: their own programs and "
    "advisors are the place to ask.",
    "abroad": "Other countries' licensing exams (PLAB, AMC, MCCQE and the like) are outside what I know well: "
    "the body that runs each one has its rules.",
    "mcat": "The MCAT is outside what I know well. The AAMC runs it and has its details at aamc.org.",
    "school": "School matters (shelf exams, grades, petitions, graduation) are outside what I know well. Your "
    "clerkship director or dean's office is the best guide.",
    "shelf": "Shelf exams are school matters, outside what I know well. Your clerkship director is the best guide.",
    "step1": "Step 1 prep is outside what I know well. Your school's learning specialists and USMLE's own "
    "materials are good places to start.",
    "writing": "Writing or editing your application is outside what I do: your school's advising office, a "
    "mentor in the field or a writing center will give it the careful read it deserves.",
    "step1_figures": "Step 1's own figures, like its pass rates, are outside what I hold. USMLE publishes its "
    "performance data at usmle.org.",
    "step1_mark": "Step 1 is outside what I know well, but here is the one fact I hold on its pass mark.",
    "step1_format": "Step 1's format is outside what I hold. USMLE's own site, usmle.org, describes each Step's "
    "blocks and timing.",
    "tracking": "Keeping track of interviews or applications is outside what I do: a simple spreadsheet or notes "
    "app works well for dates, programs and your impressions.",
    "pay": "What doctors earn is outside what I hold: I keep Step 2 CK figures, not salaries. Specialty "
    "societies and your school's career advisors are better guides.",
    "content": "Teaching the medicine itself is outside what I do: your question bank's explanations or a review "
    "book will explain it far better than I could.",
}
SCOPE = "I'm built for Step 2 CK: scores, specialty averages, the match and your study plan."


_SCOPE_FACTS = {"step1_mark": STEP1_MARK_FACT, "comlex": COMLEX_PE_FACT}
"""The one fact we hold on an exam that isn't ours, given with the decline (the COMLEX one only when PE is named)."""


def out_of_scope_reply(text: str, knowledge: Knowledge) -> Reply:
    """A short, kind "that's outside what I know", where to look instead, and the one fact we hold on it."""
    norm = normalize(text)
    # the model's "not ours" with no rule to say which is "other": no exam named
    kind = out_of_scope(norm) or ("step3" if resident_asks_step3(text, norm) else "other")
    if kind == "step2_cs" and topics.STEP2_CS in knowledge.faq:
        return faq_answer(topics.STEP2_CS, knowledge)  # the one thing we know about it, with its source
    buttons: tuple[tuple[Button, ...], ...] = ()
    if kind in {"step1", "step1_mark"} and topics.STEP1_PASS_FAIL in knowledge.faq:
        buttons = ((Button("Step 1 P/F and Step 2 CK", f"/faq {topics.STEP1_PASS_FAIL}"),),)
    if kind == "comlex_figures" and topics.DO_STUDENTS in knowledge.faq:
        buttons = ((Button("DO students and Step 2 CK", f"/faq {topics.DO_STUDENTS}"),),)
    fact = knowledge.facts.get(_SCOPE_FACTS.get(kind, ""))
    if fact is None or (kind == "comlex" and not re.search(r"\bpe\b", norm)):
        return Reply(f"{_WHERE_INSTEAD[kind]} {SCOPE}", buttons)
    said = f"{escape(fact.text)} <i>({escape(knowledge.cite(fact.source))})</i>"
    return Reply(f"{_WHERE_INSTEAD[kind]}\n\n{said}\n\n{SCOPE}", buttons)


QBANK_NOTE = (
    "A question bank's percent correct and percentile are its own, among its users: they aren't Step 2 CK "
    "scores or USMLE percentiles, and I hold no sourced way to convert one into the other. NBME's "
    "self-assessments are the practice tests that give a predicted Step 2 CK score."
)


def qbank_figure(knowledge: Knowledge) -> Reply:
    """A question bank's own percent or percentile asked about: said to be the bank's, with where to look."""
    buttons = tuple(
        (Button(knowledge.faq[t].title, f"/faq {t}"),)
        for t in (topics.PRACTICE_TESTS, topics.PERCENTILES)
        if t in knowledge.faq
    )
    return Reply(QBANK_NOTE, buttons)


def passed(parsed: Parsed) -> Reply:
    """News of a pass: congratulations first, then what the score means, a tap away."""
    html = "Congratulations, you passed! 🎉 That's a real weight off, so let yourself enjoy it."
    if parsed.feeling == "exhaustion":
        # "i thought id feel relieved but i just feel tired": the pass, and the tiredness they said instead of joy
        html = (
            "You passed. 🎉 Feeling drained rather than relieved is very common after a long push: the body catches "
            "up before the good news does. Rest first; the rest can wait."
        )
    if parsed.score is not None:
        return Reply(html, ((Button(f"What fits a {parsed.score}?", f"/score {parsed.score}"),),))
    return Reply(html, ((Button("Is my score good?", f"/faq {topics.GOOD_SCORE}"),),))


UNSURE_AFTER = frozenset({"worry", "panic", "stress", "failure", "disappointment", "shame"})
"""Feelings after the exam that are doubt about how it went, not joy that it's over."""


def exam_finished(parsed: Parsed) -> Reply:
    """News that the exam is behind them: well done (or, if they doubt how it went, reassurance), rest, and the wait."""
    if parsed.feeling in UNSURE_AFTER:
        html = (
            "You got through it, and that's a long day behind you. Feeling unsure afterwards is very common, and "
            "how it felt in the room is a poor guide to the result. Nothing can change it now, so try to rest; "
            "I'm here when the score comes."
        )
    else:
        html = (
            "You did it: Step 2 CK is behind you! 🎉 That's a long day, so rest, eat something good and let your "
            "brain switch off. There's nothing to do until the score comes, and I'm here when it does."
        )
    return Reply(html, ((Button("When do scores come out?", f"/faq {topics.SCORE_RELEASE}"),),))


MATCHED = (
    "Congratulations on matching! 🎉 That's years of work paying off, so enjoy it. If anything about starting "
    "residency is on your mind, like what your program sees of your Step scores, ask away."
)
MATCHED_MIXED = (
    "Congratulations on matching, and it's okay if it doesn't feel like pure joy. Mixed feelings about where you "
    "matched are very common, and they don't make the achievement smaller. It's fine to feel both for a while. If "
    "anything about starting residency is on your mind, ask away."
)


def matched(parsed: Parsed, *, let_down: bool = False) -> Reply:
    """Match news: congratulations, or, beside a let-down said in words ("matched at my #3. kinda bummed"), room for
    both (a let-down the model only heard in the tone of happy news is no reason to doubt the joy)."""
    return Reply(MATCHED_MIXED if parsed.feeling == "disappointment" and let_down else MATCHED)
