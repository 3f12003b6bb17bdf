"""understand(): students' free text -> Parsed, checked phrase by phrase against the real knowledge."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.understand import MAX_CHARS, Parsed, _asked_in_the_questions, _question_sentences, model, understand
from bot.understand.cues import did_not_match, just_matched
from bot.understand.vectors import predict
from knowledge import Knowledge, load_knowledge
from knowledge.corpus import TOPICS
from knowledge.text import normalize
from tests.property_budget import examples

PLASTICS = "plastic-surgery"
DERM = "dermatology"
ENT = "otolaryngology"
ORTHO = "orthopedic-surgery"
RADS = "radiology"
NSGY = "neurosurgery"
GS = "general-surgery"
EM = "emergency-medicine"
OBGYN = "obstetrics-gynecology"
IM = "internal-medicine"
NEURO = "neurology"
PEDS = "pediatrics"
PSYCH = "psychiatry"
PMR = "physical-medicine-rehabilitation"
FM = "family-medicine"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    """The real knowledge files (specialties, FAQ phrasings), loaded once for this module."""
    return load_knowledge()


@pytest.fixture(autouse=True)
def parser_never_fails() -> Iterator[None]:
    """understand() hides a parser crash from students behind "unknown"; here it fails the test."""
    crashes: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = crashes.append  # type: ignore[method-assign]
    logger = logging.getLogger("bot.understand")
    logger.addHandler(handler)
    yield
    logger.removeHandler(handler)
    assert not crashes, [r.getMessage() + "\n" + str(r.exc_info) for r in crashes]


def case(text: str, intent: str, **fields: Any) -> Any:
    """One table row: the message, the intent, and the other Parsed fields that matter for it."""
    return pytest.param(text, intent, fields, id=text[:60])


NUMBER_INTENTS = frozenset({"average", "score_check", "score_fit", "compare", "invalid_score"})


def check(parsed: Parsed, intent: str, fields: dict[str, Any]) -> None:
    """The row's fields must match exactly. Its intent too, except "unknown", which in these tables
    means "nothing here to answer with a number", and "*" (any): what else the classifier makes of
    such a message ("I'm 26", "7am") is measured on the corpus by benchmarks/bench_understanding.py."""
    if intent == "unknown":
        assert parsed.intent not in NUMBER_INTENTS, parsed
    elif intent == "*":
        pass  # the row is about the entities; the intent is the classifier's call
    else:
        assert parsed.intent == intent, parsed
    for name, value in fields.items():
        assert getattr(parsed, name) == value, (name, parsed)


# Every alias group, by name, abbreviation and slang, in any case and with punctuation.
SPECIALTY_CASES = [
    case("derm", "average", specialties=(DERM,), score=None),
    case("Dermatology?", "average", specialties=(DERM,)),
    case("avg for DERM!!", "average", specialties=(DERM,)),
    case("plastics", "average", specialties=(PLASTICS,)),
    case("PRS average", "average", specialties=(PLASTICS,)),
    case("plastic surgery", "average", specialties=(PLASTICS,)),
    case("ENT?", "average", specialties=(ENT,)),
    case("what about oto", "average", specialties=(ENT,)),
    case("ear nose and throat", "average", specialties=(ENT,)),
    case("ortho", "average", specialties=(ORTHO,)),
    case("Orthopaedic surgery avg", "average", specialties=(ORTHO,)),
    case("ortho surgery", "average", specialties=(ORTHO,)),
    case("avg for rads", "average", specialties=(RADS,)),
    case("DR", "average", specialties=(RADS,)),
    case("IR", "average", specialties=("interventional-radiology-integrated",)),
    case("interventional radiology", "average", specialties=("interventional-radiology-integrated",)),
    case("nsgy", "average", specialties=(NSGY,)),
    case("neurosurg", "average", specialties=(NSGY,)),
    case("neuro surgery", "average", specialties=(NSGY,)),
    case("Neuro-surgery?", "average", specialties=(NSGY,)),
    case("neurosurgery", "average", specialties=(NSGY,)),
    case("gen surg", "average", specialties=(GS,)),
    case("GS avg", "average", specialties=(GS,)),
    case("general surgery", "average", specialties=(GS,)),
    case("surgery", "average", specialties=(GS,)),
    case("EM", "average", specialties=(EM,)),
    case("ER?", "average", specialties=(EM,)),
    case("emergency medicine", "average", specialties=(EM,)),
    case("i want em", "average", specialties=(EM,)),
    case("OB", "average", specialties=(OBGYN,)),
    case("OBGYN", "average", specialties=(OBGYN,)),
    case("ob-gyn", "average", specialties=(OBGYN,)),
    case("Ob/Gyn avg", "average", specialties=(OBGYN,)),
    case("obstetrics and gynecology", "average", specialties=(OBGYN,)),
    case("IM", "average", specialties=(IM,)),
    case("what's the avg for im", "average", specialties=(IM,)),
    case("categorical im", "average", specialties=(IM,)),
    case("internal medicine", "average", specialties=(IM,)),
    case("neuro", "average", specialties=(NEURO,)),
    case("Neurology", "average", specialties=(NEURO,)),
    case("peds", "average", specialties=(PEDS,)),
    case("paeds", "average", specialties=(PEDS,)),
    case("what about psych?", "average", specialties=(PSYCH,)),
    case("psychiatry", "average", specialties=(PSYCH,)),
    case("PM&R", "average", specialties=(PMR,)),
    case("pmr", "average", specialties=(PMR,)),
    case("PM and R", "average", specialties=(PMR,)),
    case("physiatry", "average", specialties=(PMR,)),
    case("FM", "average", specialties=(FM,)),
    case("fam med", "average", specialties=(FM,)),
    case("family medicine", "average", specialties=(FM,)),
    case("derm? 🙏🙏", "average", specialties=(DERM,)),
    case("<b>ortho</b>", "average", specialties=(ORTHO,)),
    case("what score do i need for ortho", "average", specialties=(ORTHO,)),
    case("how competitive is derm", "average", specialties=(DERM,)),
    # Typos (rapidfuzz, tokens of 5+ letters) and plurals.
    case("dermatolgy", "average", specialties=(DERM,)),
    case("pediatircs?", "average", specialties=(PEDS,)),
    case("orthopeadics avg", "average", specialties=(ORTHO,)),
    case("orthopedcs", "average", specialties=(ORTHO,)),
    case("psychiatary", "average", specialties=(PSYCH,)),
    case("radiolgy", "average", specialties=(RADS,)),
    case("emergancy medicine", "average", specialties=(EM,)),
    case("what do radiologists score", "average", specialties=(RADS,)),
    case("PEDIATRICIANS", "average", specialties=(PEDS,)),
    # Context-only names ("gas", "path", "surgery", "cards") read by their neighbours.
    case("241 for gas... too low?", "score_check", score=241, specialties=("anesthesiology",)),
    case("Path with a 226, realistic?", "score_check", score=226, specialties=("pathology",)),
    case("i have 233 and want surgery general, ok?", "score_check", score=233, specialties=(GS,)),
    case("did 150 anki cards", "log_progress", specialties=()),
]

COMPARE_CASES = [
    case("derm vs ortho", "compare", specialties=(DERM, ORTHO)),
    case("compare IM, peds and FM", "compare", specialties=(IM, PEDS, FM)),
    case("compare im, peds and fm", "compare", specialties=(IM, PEDS, FM)),
    case("im, peds or fm?", "compare", specialties=(IM, PEDS, FM)),
    case("derm vs plastics vs ENT", "compare", specialties=(DERM, PLASTICS, ENT)),
    case("EM or IM?", "compare", specialties=(EM, IM)),
    case("im vs fm", "compare", specialties=(IM, FM)),
    case("ob or peds", "compare", specialties=(OBGYN, PEDS)),
    case("pmr vs fm", "compare", specialties=(PMR, FM)),
    case("neurosurgery vs neurology", "compare", specialties=(NSGY, NEURO)),
    case("derm, derm and ortho", "compare", specialties=(DERM, ORTHO)),
    case("RADS vs. gen surg", "compare", specialties=(RADS, GS)),
    case("dr vs ir", "compare", specialties=(RADS, "interventional-radiology-integrated")),  # IR matches on its own
]

# Short aliases that are also ordinary words: "im" = "I'm", "Dr. Patel", "er", "let em", ...
TRAP_CASES = [
    case("im scared", "unknown", specialties=()),
    case("im at 240", "score_fit", score=240, specialties=()),
    case("im at 240 and want derm", "score_check", score=240, specialties=(DERM,)),
    case("Im a MS3 applying to derm", "average", specialties=(DERM,)),
    case("im so stressed about derm lol", "average", specialties=(DERM,)),
    case("im interested in im", "average", specialties=(IM,)),
    case("IM SCARED I GOT 230", "score_fit", score=230, specialties=()),
    case("I GOT 250 IS THAT GOOD FOR IM", "score_check", score=250, specialties=(IM,)),
    case("im, not sure", "unknown", specialties=()),
    case("Dr. Patel said I need 250 for derm", "average", quoted=(250,), specialties=(DERM,)),  # a figure heard
    case("I got 250 and Dr. Patel said that is fine", "score_fit", score=250, specialties=()),
    case("talk to dr smith about rads", "average", specialties=(RADS,)),
    case("er, not sure", "unknown", specialties=()),
    case("let em know", "unknown", specialties=()),
    case("that's rad", "unknown", specialties=()),
    case("anki cards for derm", "average", specialties=(DERM,), other_specialty=None),
    case("nothing to do with medicine lol", "unknown", specialties=()),
    case("what about dr", "average", specialties=(RADS,)),
    case("is gs competitive", "average", specialties=(GS,)),
    case("PGY-1 in IM", "average", specialties=(IM,), score=None),
    case("I love neurosurgery", "average", specialties=(NSGY,)),
    case("general question about matching", "unknown", specialties=()),
    case("derm and ortho are very different paths and both appeal", "*", specialties=(DERM, ORTHO)),
    case("pathologists avg step 2", "*", specialties=("pathology",)),
    case("rads vs gas which is higher", "*", specialties=(RADS, "anesthesiology")),
    case("245 gas ok?", "*", score=245, specialties=("anesthesiology",)),
]

OTHER_SPECIALTY_CASES = [
    case("anesthesiology avg", "average", other_specialty=None, specialties=("anesthesiology",)),
    case("urology", "average", other_specialty=None, specialties=("urology",)),
    case("urology average?", "average", other_specialty=None, specialties=("urology",)),
    case("nuclear med average?", "average", other_specialty="nuclear-medicine", specialties=()),
    case("ophtho", "average", other_specialty=None, specialties=("ophthalmology",)),
    case("opthamology", "average", other_specialty=None, specialties=("ophthalmology",)),
    case("rad onc", "average", other_specialty=None, specialties=("radiation-oncology",)),
    case("med-peds", "average", other_specialty=None, specialties=("internal-medicine-pediatrics",)),
    case("peds neuro", "average", other_specialty=None, specialties=("child-neurology",)),
    case("cards vs gi", "average", other_specialty="cardiology"),
    case("vascular surgery", "average", other_specialty=None, specialties=("vascular-surgery",)),
    case("is 250 good for uro", "score_check", other_specialty=None, score=250, specialties=("urology",)),
    case("can i match ophtho with 245", "score_check", score=245, specialties=("ophthalmology",)),
    case("gas vs anesthesia vs urology", "compare", other_specialty=None, specialties=("anesthesiology", "urology")),
    case("rad onc vs rads", "compare", other_specialty=None, specialties=("radiation-oncology", RADS)),
]

# Every score form, and a score with one, several or no specialties.
SCORE_CASES = [
    case("248 good enough for ortho??", "score_check", score=248, specialties=(ORTHO,)),
    case("I got 250, what can I match?", "score_fit", score=250, specialties=()),
    case("is 238 competitive for anything", "score_fit", score=238),
    case("I got 245, what fits?", "score_fit", score=245),
    case("i got 250!!", "score_fit", score=250),
    case("I got 2 48", "score_fit", score=248),
    case("2 50 for rads?", "score_check", score=250, specialties=(RADS,)),
    case("24 5 peds", "score_check", score=245, specialties=(PEDS,)),
    case("high 240s for derm", "score_check", score=247, specialties=(DERM,)),
    case("high 240s for gen surg", "score_check", score=247, specialties=(GS,)),
    case("mid 240s", "score_fit", score=245),
    case("mid-240s", "score_fit", score=245),
    case("low 240s", "score_fit", score=242),
    case("low 240's ortho", "score_check", score=242, specialties=(ORTHO,)),
    case("I'm in the low 200s", "*", score=202),  # read as a score; a statement, so its reply is the fit list
    case("250+ derm?", "score_check", score=250, specialties=(DERM,)),
    case("~250 ortho", "score_check", score=250, specialties=(ORTHO,)),
    case("250ish", "score_fit", score=250),
    case("got a 250", "score_fit", score=250),
    case("a 250 in rads", "score_check", score=250, specialties=(RADS,)),
    case("I got 248 on step 2 ck. Derm?", "score_check", score=248, specialties=(DERM,)),
    case("step 2: 255, applying plastics", "score_check", score=255, specialties=(PLASTICS,)),
    case("my score is 262", "score_fit", score=262),
    case("🔥🔥 scored 251 🔥🔥 rads?", "score_check", score=251, specialties=(RADS,)),
    case("dr 250?", "score_check", score=250, specialties=(RADS,)),
    case("neurosurgery 252", "score_check", score=252, specialties=(NSGY,)),
    case("dermatolgy 250", "score_check", score=250, specialties=(DERM,)),
    case("is 245 ok for ER?", "score_check", score=245, specialties=(EM,)),
    case("I got 250, derm or plastics?", "score_check", score=250, specialties=(DERM, PLASTICS)),
    case("240 - IM vs FM vs peds", "score_check", score=240, specialties=(IM, FM, PEDS)),
    case("got 99 on step 2", "score_fit", score=99),
    case("hi, I got 250", "score_fit", score=250),
    case("step 1 pass, 245 on step 2", "*", score=245, step1=None),
    case("step 1 230 step 2 250 ortho", "score_check", score=250, specialties=(ORTHO,)),
    case("my step 1 was 230 and step 2 is 250", "*", score=250, step1=230),
    case("I got 245 on step 2 but 260 on uwsa2", "score_fit", score=245),
    case("my uwsa was 260 but got 245 on the real thing", "score_fit", score=245),
    case("is 250 enough for derm, i got 245", "score_check", score=245, specialties=(DERM,)),
    case("I'm 240", "score_fit", score=240),
    case("step 2 ck 250", "score_fit", score=250),
    case("s2ck 250", "score_fit", score=250),
    case("score 240s neuro", "score_check", score=245, specialties=(NEURO,)),
    case(
        "I scored a 251 on CK, applying to ENT and derm, thoughts?", "score_check", score=251, specialties=(ENT, DERM)
    ),
    case("my step 2 score came back 238 :( can i still do em", "*", score=238, own=True, specialties=(EM,)),
    case("Is a 242 good for OB/GYN?", "score_check", score=242, specialties=(OBGYN,)),
    case("hey! got 260 🎉 what can i match into?", "score_fit", score=260),
    case("got my score back 250 what now", "score_fit", score=250, topic=None),
]

# Numbers that are not the Step 2 score: ages, practice exams, Step 1, dates, years, counts, times.
NOT_A_SCORE_CASES = [
    case("I'm 26", "unknown", score=None, bad_score=None),
    case("26 years old, 250 derm", "score_check", score=250, specialties=(DERM,)),
    case("26yo", "unknown", score=None),
    case("26 y/o, 245, peds", "score_check", score=245, specialties=(PEDS,)),
    case("I'm 26 and got 250 for im", "score_check", score=250, specialties=(IM,)),
    case("NBME 12", "unknown", score=None),
    case("NBME 12 was 240", "unknown", score=None),
    case("NBME 250 derm", "*", score=None, specialties=(DERM,)),
    # asked against a field: its averages, the practice result named beside them (test_conversation)
    case("my NBME 12 was 230, I'm 26, is that ok for peds", "average", score=None, specialties=(PEDS,)),
    # A practice result reported is progress to log; asked about, it is the practice question.
    case("just did nbme 13, got a 244", "log_progress", score=None),
    case("just did nbme 13, got a 244. does that predict well?", "practice_score", score=None),
    # "a good score" asked of a practice result: the result read, not what makes a real CK score good
    case("is 241 on uwsa2 a good score for ck?", "practice_score", score=None),
    case("nbme 12 244, good score or nah", "practice_score", score=None),
    case("UWSA1 245", "unknown", score=None),
    case("UWSA2 255 derm", "*", score=None, specialties=(DERM,)),
    case("uwsa 2 250", "unknown", score=None),
    case("CBSE 80", "unknown", score=None, bad_score=None),
    case("free 120 78%", "unknown", score=None),
    case("uworld 65%", "unknown", score=None),
    case("scored 70% on uworld", "unknown", score=None, bad_score=None),
    case("got 65 percent on free 120", "unknown", score=None),
    case("CMS form 8", "unknown", score=None),
    case("CMS form 8: 250", "unknown", score=None),
    case("got 250 on my nbme, ortho?", "average", score=None, specialties=(ORTHO,)),
    case("my practice score was 250", "unknown", score=None),
    case("March 3", "unknown", score=None),
    case("on the 15th I have my exam", "unknown", score=None),
    case("3/3/2027", "unknown", score=None, bad_score=None),
    case("2025", "unknown", score=None, bad_score=None),
    case("I got 2025 derm", "average", score=None, bad_score=None, specialties=(DERM,)),
    case("2025 match derm", "average", score=None, specialties=(DERM,)),
    case("PGY-1", "unknown", score=None),
    case("step 1 pass", "unknown", score=None),
    case("step 1 score 230", "unknown", score=None),
    case("step 1 score 230, what about derm", "*", score=None, specialties=(DERM,)),
    case("got 230 on step 1", "unknown", score=None),
    case("I do 40 questions a day", "unknown", score=None),
    case("6 weeks", "unknown", score=None),
    case("3 months", "unknown", score=None),
    case("2 attempts at step 1", "unknown", score=None),
    case("I have 150 anki cards due", "unknown", score=None),
    case("7am", "unknown", score=None),
    case("19:30", "unknown", score=None),
    case("7am block, 250 ortho?", "score_check", score=250, specialties=(ORTHO,)),
    case("up at 7 am, 250 for ortho?", "score_check", score=250, specialties=(ORTHO,)),
    case("I got 250 am I good for derm", "score_check", score=250, specialties=(DERM,)),
    case("I scored 260 am I good for anything", "score_fit", score=260),
    case("at 19:30 i got my score 244", "score_fit", score=244),
    case("score is 240-250 range", "score_fit", score=None, range=(240, 250)),
    case("$250 for the nbme", "unknown", score=None),
    case("I got 3 kids and want peds", "average", score=None, bad_score=None, specialties=(PEDS,)),
]

# What an NBME / UWSA / Free 120 predicts is a practice score (kept for the plan), not the Step 2 CK score.
PREDICTED_CASES = [
    case("my NBME predicted 250", "unknown", score=None, practice_score=250),
    case("NBME 11 predicted a 245 for ortho", "unknown", score=None, practice_score=245, specialties=(ORTHO,)),
    case("UWSA2 predicts 255", "unknown", score=None, practice_score=255),
    # With no exam named, the number stays the score; what is asked (fit, or how well predictions hold) may vary.
    case("predicted 248", "*", score=248),
    case("uworld self assessment predicted 260 derm", "*", score=260, specialties=(DERM,)),
    case("free 120 predicted 240 is that ok for im", "*", score=None, practice_score=240, specialties=(IM,)),
    # A goal beside practice results: the results read against the goal, not the goal as their score.
    case("goal 258. nbme 10 was 244, uwsa1 252, six weeks out. realistic?", "practice_score", score=258, own=False),
    case("shooting for 250 for gas, uwsa2 at 241 with 3 wks left, doable?", "practice_score", score=250),
    # A field named before a practice test: still the field ("ENT, nbme 12...")
    case("want ENT, nbme 12 was 243 last week", "*", specialties=("otolaryngology",), practice_score=243),
    # A bare number after a practice test asked about for a field: the field's averages, the result beside them
    case("took uwsa1 this morning. 238. ok for peds?", "average", score=None, practice_score=238),
]

INVALID_CASES = [
    case("I got 320", "invalid_score", bad_score=320, score=None),
    case("score 400 derm", "invalid_score", bad_score=400, specialties=(DERM,)),
    case("I got 3 derm interviews, is that enough?", "*", score=None, bad_score=None, specialties=(DERM,)),
    case("got 5 peds interviews", "*", score=None, bad_score=None, specialties=(PEDS,)),
    case("nbme 240", "unknown", score=None, practice_score=240),
    case("my nbme was 240, what can i match?", "unknown", score=None, practice_score=240),
    case("got 245 on my nbme, good for EM?", "*", score=None, practice_score=245, specialties=(EM,)),
    case("nbme 240, predicted 245 for EM", "score_check", score=245, practice_score=None),
    case("got 250 on step 2, nbme was 240, derm?", "score_check", score=250, practice_score=None),
    case("uwsa 2", "unknown", score=None, practice_score=None),
    case("scored 0", "invalid_score", bad_score=0, score=None),
    case("step 2 score of 999", "invalid_score", bad_score=999),
    case("got a -5", "invalid_score", bad_score=-5),
    case("I got 320 on step 2 lol", "invalid_score", bad_score=320),
    case("my step 2 is 400, derm?", "invalid_score", bad_score=400, specialties=(DERM,)),
    case("scored 12345", "invalid_score", bad_score=12345),
    # Big numbers with no score context are not scores at all.
    case("12345", "unknown", bad_score=None),
    case("call me at 5551234", "unknown", bad_score=None, score=None),
    case("call me at 555 123 4567", "unknown", bad_score=None, score=None),
    case("I got 1000 followers", "unknown", bad_score=None),
    case("320 for derm?", "invalid_score", bad_score=320, score=None, specialties=(DERM,)),
]

GREETING_HELP_CASES = [
    case("hi", "greeting"),
    case("Hello!", "greeting"),
    case("hey there", "greeting"),
    case("yo", "greeting"),
    case("good morning 🙂", "greeting"),
    case("thanks?", "thanks"),
    case("thank you so much", "thanks"),
    case("👋", "greeting"),
    case("/start", "greeting"),
    case("help", "help"),
    case("HELP ME", "help"),
    case("what can you do", "help"),
    case("hey bot, what can you do?", "help"),
    case("how does this work", "help"),
    case("commands", "help"),
    case("what are the commands?", "help"),
    # "help" with something more specific in it is that more specific thing.
    case("help me choose between derm and ortho", "compare", specialties=(DERM, ORTHO)),
    case("can you help me with derm", "average", specialties=(DERM,)),
    case("help, I failed step 2", "faq", topic="after_fail"),
]

STUDY_PLAN_CASES = [
    case("make me a study plan", "study_plan"),
    case("study schedule please", "study_plan"),
    case("my exam is on March 3", "study_plan"),
    case("exam on 3/3/2027", "study_plan", score=None, bad_score=None),
    case("test in 6 weeks", "study_plan"),
    case("test tomorrow", "study_plan"),
    case("exam next friday", "study_plan"),
    case("my exam is 2027-03-03", "study_plan", score=None),
    case("exam day after tomorrow", "study_plan"),
    case("3 weeks of dedicated left", "study_plan"),
    case("I took step 2 last friday, how long until scores come out", "faq", topic="score_release"),
    case("score release date for the march 3 exam?", "faq", topic="score_release"),
    # a span weighed is how long to study, asked: no schedule set up for it
    case("is 2 weeks dedicated enough for CK if shelfs went ok?", "faq", topic="study_length"),
    case("took a practice test today", "unknown"),
    case("I'm taking a break today", "unknown"),
    case("plan my dedicated", "study_plan"),
    case("step 2 in 6 weeks, make me a schedule", "study_plan"),
    case("I take step 2 on 3/3/2027", "study_plan"),
    case("taking CK in 2 months, plan pls", "study_plan"),
    case("I have 4 weeks of dedicated", "study_plan"),
    case("6 weeks left", "study_plan"),
    case("can you help me plan my studying", "study_plan"),
    case("exam in 5 weeks and uwsa2 predicts 245", "study_plan", score=None, practice_score=245),
    # A practice result told first is the news; the days left are its context.
    case("uwsa2 259 three days out", "log_progress", score=None, practice_score=259),
    # A plan asked for holds the frame however unsure the model is; a feeling about the bank is no plan request.
    case("6 wk schedule but I take fridays off for my mental health", "study_plan", exam_date=False),
    case("why does every uworld explanation make me feel stupid", "vent", weighing="stupid"),
    case("i have 3 weeks and havent started uworld", "*", weighing="behind"),  # behind, said as what hasn't begun
    case("got 231, feel like garbage", "score_fit", score=231, feeling="disappointment"),  # a letdown, said coarsely
    case("testing in september and now i'm freaking out that i picked a bad month", "*", feeling="panic"),
    case("im not freaking out, just curious what the avg is", "*", feeling=None),
    # Other fields than the one named: every field against the score.
    case("245 img what can I apply to besides IM", "score_fit", score=245),
    case("i'm an IMG with 250, is that enough for something other than IM/FM?", "score_fit", score=250),
    # "medicine" after "my family in" is the profession, not internal medicine.
    case("I'm the only one in my family in medicine. 244 isn't bad right?", "*", specialties=()),
    # A field asked about however it's put; what a score fits; two fields weighed.
    case("path?? what do matched ppl score", "average", specialties=("pathology",)),
    case("Respected sir, my step 2 ck result is 236. Kindly advise which residencies I should consider.", "score_fit"),
    case("is uro harder to match than ENT score-wise", "compare", specialties=("urology", "otolaryngology")),
    case("265!!! what should i even go for now lol", "score_fit", score=265, feeling="celebration"),
    # Shaking or "freaking out" beside a high score just told is the shock of good news; beside a
    # comparison, a practice result before the exam or a fear said, it stays the panic it sounds like.
    case("JUST GOT MY SCORE 266 IM FREAKING OUT", "*", score=266, feeling="celebration"),
    case("CK 258. im shaking. i genuinely thought i failed", "*", score=258, feeling="celebration"),
    case("got 252 and im freaking out bc derm avg is 257", "*", score=252, feeling="panic"),
    case("PASSED. 224. sitting in the parking lot shaking", "*", score=224, feeling="celebration"),  # any pass
    # shaking beside distress, or with no sign of joy, stays what it sounds like
    case("passed 226, shaking, i really don't know how to tell my parents", "*", score=226, feeling="panic"),
    case("got 246. freaking out. nobody will care anyway", "*", score=246, feeling="panic"),
    case("got 246 and im freaking out is it enough for ortho", "*", score=246, feeling="panic"),
    # a fear said plainly, with no other feeling heard, is met as worry (a feared score stays supposed)
    case("im so scared ill end up with a 240 and have to give up ortho", "*", score=240, feeling="worry"),
    # "IM" lower-cased is internal medicine's figure, not "I'm"
    case("ortho avg is 255 and IM is 250", "*", score=None),
    case("FM average is 235 and IM is 245, which one should i go for with a 240", "*", score=240),
    case("my uwsa2 was 250 and exam is tomorrow im freaking out", "*", feeling="panic"),
    # Grades in a subject, a shelf in the past, practice results under a plain label: not what they seem.
    case(
        "ENT hopeful, MS3. got honors in surgery and peds. want to take CK in july",
        "*",
        specialties=("otolaryngology",),
    ),
    case("dedicated starts monday, 5 weeks, want peds-heavy review since my shelf was bad", "study_plan"),
    case("just got 81 on my surgery shelf. start ck prep now or after peds?", "*", score=None),  # a shelf's, by subject
    case("my ck starts at 8 tomorrow and i can't sleep", "*", score=None),  # an hour, not a score
    # a figure heard, then the writer's own number after it
    case("advisor says 250 is the floor for derm and i'm at 253", "*", score=253, quoted=(250,)),
    case("is 240 really the cutoff for IM? my advisor thinks so and im at 243", "*", score=243, quoted=(240,)),
    case("first attempt 205 last year. pass is 214 now right?", "*", score=205, quoted=(214,)),
    case("my practice scores: 228, 235, 233. exam in 9 days. will i pass?", "practice_score", score=None),
    case("classmate got 270 and i got 241 and i feel like an idiot", "*", score=241, quoted=(270,)),
    # Their own result under every recent pass mark is a fail; one the exam date decides is not called one.
    case("got a 211. i feel so embarrassed", "*", score=211, status="failed"),
    case("i got a 209 :(", "*", score=209, status="failed", feeling="failure"),
    case("got 216 on ck, can i still match FM?", "score_check", score=216, status=None),
    # under a mark they name as the pass (a recent one), or told as a failed first attempt
    case("got a 216 and passing was 218, what now", "*", score=216, status="failed"),
    # a practice test for the exam is not the exam: no wait for a score, no "five weeks and still no score"
    case("took CK practice test today: 244. real one in 5 weeks", "*", score=None, status=None),
    # "N days out" is the exam's distance, unless another event is what is near
    case("2 days out and my nerves are shot", "*", exam_date=True),
    case("I am 3 days out from my interview at mayo, any tips?", "*", exam_date=False),
    case("I got a 216 back in 2024 and passed. now passing is 218, do programs care?", "*", status="taken"),  # no fail
    case("my first attempt ck was 204 last may. nbme 12 now 231", "*", score=204, status="failed"),
    # The new day said against the old one is a move, and names the day.
    case("took it earlier than planned, it's tomorrow now instead of next friday!!!", "exam_moved", exam_date=True),
    case("uwsa1 245, exam in 10 days, make me a plan", "study_plan", score=None),
    # A past calendar date next to a score is when they sat it, not a date to plan for.
    case("got 250 on step 2 in march, derm?", "score_check", score=250, specialties=(DERM,)),
    case("is it too late to take step 2 in august", "faq", topic="timing"),
]

# FAQ questions in students' own words, not copied from faq.json, one or more per topic.
FAQ_CASES = [
    case("does step 1 even matter anymore since it's pass/fail?", "faq", topic="step1_pass_fail"),
    case("difference between step 1 and step 2?", "faq", topic="step1_vs_step2"),
    case("what's the difference btw step 1 and ck", "faq", topic="step1_vs_step2"),
    case("step 1 vs step 2 which one do PDs care about more", "faq", topic="step1_vs_step2"),
    case("Can I still match with an average Step 2 score?", "faq", topic="match_with_average"),
    case("will an avg ck score be enough to match", "faq", topic="match_with_average"),
    case("my score is kinda low, am I cooked?", "faq", topic="low_score"),
    case("I got a bad score on step 2 :(", "faq", topic="low_score"),
    case("is 230 a low score", "faq", topic="low_score", score=230),
    case("is my 230 too low", "faq", topic="low_score", score=230),
    case("what is a low step 2 score for ortho", "faq", topic="low_score", specialties=(ORTHO,)),
    case("do program directors actually use step 2 for screening?", "faq", topic="program_directors"),
    case("do programs have step 2 cutoffs", "faq", topic="program_directors"),
    case("do derm programs screen by step 2", "faq", topic="program_directors", specialties=(DERM,)),
    case("I'm an IMG, does step 2 matter more for me?", "faq", topic="img"),
    case("can IMGs match derm", "faq", topic="img", specialties=(DERM,)),
    case("as a caribbean student what score do i need", "faq", topic="img"),
    case("do imgs score lower", "faq", topic="img"),
    case("is step 2 harder than step 1??", "faq", topic="difficulty"),
    case("how hard is CK honestly", "faq", topic="difficulty"),
    # a field called hard to get into: its figures, not how hard the exam is (issue 18's "hard to get into")
    case("how hard is it to match derm", "average", specialties=(DERM,)),
    case("matching into derm is so hard now right", "average", specialties=(DERM,)),
    case("why does step 2 ck matter so much now", "faq", topic="why_step2_matters"),
    case("how important is step 2 for residency apps", "faq", topic="why_step2_matters"),
    case("what else do programs look at besides scores", "faq", topic="beyond_scores"),
    case("do LORs matter a lot", "faq", topic="beyond_scores"),
    case("does research help for derm", "faq", topic="beyond_scores", specialties=(DERM,)),
    case("how should i study for ck", "faq", topic="study_strategies"),
    case("best resources for step 2?", "faq", topic="study_strategies"),
    case("how do I raise my practice scores", "faq", topic="study_strategies"),
    case("how to studdy for step2", "faq", topic="study_strategies"),
    case("when should I take step 2?", "faq", topic="timing"),
    case("wen shuld i take step 2", "faq", topic="timing"),
    case("what's the passing score for step 2", "faq", topic="passing_score"),
    case("what's the passing score", "faq", topic="passing_score"),
    case("what do I need to pass ck", "faq", topic="passing_score"),
    case("wat is the pasing score for step 2", "faq", topic="passing_score"),
    case("when do step 2 scores come out", "faq", topic="score_release"),
    case("how long until I get my ck results", "faq", topic="score_release"),
    case("still no score after 3 weeks 😭", "faq", topic="score_release"),
    case("can I retake step 2 if I fail", "faq", topic="retakes"),
    case("I failed step 2 what now", "faq", topic="retakes"),
    case("how many attempts do I get for ck", "faq", topic="retakes"),
    case("how many blocks is the exam", "faq", topic="exam_format"),
    case("how long is step 2 ck", "faq", topic="exam_format"),
    case("what's the format of step 2", "faq", topic="exam_format"),
    case("what's the average step 2 score", "faq", topic="overall_average"),
    case("what is the mean ck score nationally", "faq", topic="overall_average"),
    case("whats a good step 2 score", "faq", topic="overall_average"),
    # An exact FAQ phrasing wins, even with a score in it.
    case("is 250 good", "faq", topic="overall_average", score=250),
    # A score and a specialty beat a looser FAQ cue.
    case("is 240 too low for derm", "score_check", score=240, specialties=(DERM,), topic=None),
    case("as an IMG with 240 can I match IM", "score_check", score=240, specialties=(IM,)),
]

# Asking for reminders is asking for the plan (it is how they come), however the model reads it;
# asking for fewer is not.
REMINDER_CASES = [
    case("nudge me every day pls", "study_plan"),
    case("can u ping me daily", "study_plan"),
    case("i want daily reminders", "study_plan"),
    case("remind me to study every day, exam in 6 weeks", "study_plan"),
    case("could you send me study reminders? i keep slacking", "study_plan"),
    case(
        "hey so my exam is in 6 weeks and I really struggle with consistency, could you remind me every day "
        "to do my blocks? thanks so much",
        "study_plan",
    ),
    case("remind me what the passing score is", "faq", topic="passing_score"),
    case("tell me a joke", "smalltalk"),
    case("know any good jokes?", "smalltalk"),
    # A short question is read against every answer of the bank, not only the topic the model heard.
    case("If I apply to both EM and FM, how do signals work?", "faq", topic="signals_geography"),
    case("whats actually on the score report, is there a breakdown by subject?", "faq", answer="sr-report-contents"),
]

# The core frames hold whatever the model says, and the question it heard is kept as a button.
FRAME_CASES = [
    case("whats the average for peds if youre an IMG", "average", specialties=(PEDS,), topic=None),
    case("I'm an IMG with a 245, can I match IM?", "score_check", score=245, specialties=(IM,), school="img"),
    case("DO student, 251, realistic for anesthesia?", "score_check", score=251),
    case("what do ppl usually get for ortho", "average"),
    case("DO, 251, gas?", "score_check", score=251, specialties=("anesthesiology",)),  # alone after a score
    # A practice result, whatever word comes before the test ("my last practice test"), is not their score.
    case("got a 245 on my last practice test, good for EM?", "practice_score", score=None),
]

# Another exam than Step 2 CK gets a kind "not mine"; naming Step 2 CK keeps it ours.
SCOPE_CASES = [
    case("how do i prepare for step 3", "out_of_scope"),
    case("is step 2 cs still a thing", "out_of_scope"),
    case("best resources for step 1?", "out_of_scope"),
    case("what's a good step 1 study plan", "out_of_scope"),  # a plan, but for Step 1
    case("what's the hardest step 1 topic", "out_of_scope"),
    # another exam's pass rate is that exam's figure, not Step 2 CK's pass mark
    case("what was the step 2 cs pass rate before it ended", "out_of_scope"),
    case("comlex level 3 pass rate this year?", "out_of_scope"),
    case("how to study for the surgery shelf", "out_of_scope"),
    case("my comlex level 3 is next week, any tips", "out_of_scope"),
    case("what's a good mcat", "out_of_scope"),
    # A doctor sought for their own care: not the field's averages.
    case("can you recommend a good dermatologist near me in Houston", "out_of_scope"),
    case("passed ck! can you help me plan step 3 now", "out_of_scope"),  # a plan, but for Step 3
    case("just got my score, 222. passed. is step 3 something i should do before residency?", "out_of_scope"),
    case("is it insane to start step 3 stuff while waiting on ck lol", "out_of_scope"),  # Step 3 prep, asked
    case("should i take step 2 ck before my surgery shelf", "faq"),
    # Shelves told as background: what they ask is still ours.
    case("exam june 20. shelf scores were meh. whats a realistic 5 week plan", "study_plan"),
    case("step 1 p, shelves average, nbme 11 = 233, uwsa1 = 246. am i ready?", "practice_score"),
    case("step 1 was 214, how bad is that?", "faq", step1=214),
    # COMLEX's own figures are NBOME's; converting one, or a Step 2 CK score beside it, stays ours.
    case("avg comlex level 2 for em?", "out_of_scope"),
    case("what score do you need to pass step 1", "out_of_scope"),
    # How moving the exam works is a question, not news of a new date or a plan to build.
    case("how do i reschedule my step 2 date", "faq", topic="timing"),
    case("is it possible to push my ck back 2 weeks", "faq", topic="timing"),
    case("could you write my personal statement for derm", "out_of_scope"),
    case("can you help me with my personal statement for EM", "out_of_scope"),  # a field named: still writing
    case("how do i petition ecfmg about my ck attempt", "faq"),  # ECFMG's business is ours
    case("practice were 238 and 243, am i ready?", "faq", topic="practice_tests"),  # results, not the session
    # someone else's practice result, asked about for them: what practice tests tell, not a topic half-heard
    case("my brother's uwsa2 was 241, is he ready?", "faq", topic="practice_tests", score=None),
    # a scored Step 1 asked about among other things: what it still weighs
    case(
        "step 1 was scored (211) and nbme 11 was 240. will programs still look at that 211? want EM",
        "faq",
        topic="step1_vs_step2",
        step1=211,
    ),
    case("my roommate got 229 on her nbme 11, is that bad with 3 weeks left?", "faq", topic="practice_tests"),
    case("is step 3 harder than ck?", "out_of_scope"),  # Step 3 set beside CK
    case("pathoma or first aid for step 1 micro?", "out_of_scope"),
    case("step 1 is in 2 weeks, what should i prioritize", "out_of_scope"),
    case("how do i appeal my surgery clerkship grade", "out_of_scope"),
    case("can i petition my school for a grade change in IM", "out_of_scope"),  # the school's, not IM's averages
    # A low feeling said outright, asking nothing, is heard, not answered with a topic the model half-heard.
    case("fried after that block 💀 renal is evil", "vent"),
    case("so burnt out, 3 night shifts and still 2 blocks to do", "vent"),
    case("ashamed to tell my PD I failed, do i tell them", "*"),  # a question stays one (the topic may answer)
    # No fail told, no DO or IMG said: none of their topics' answers
    case(
        "matched FM! never took ck though, school didn't require it. can i start residency without it?",
        "*",
        status=None,
    ),
    case("can a DO match without ever taking USMLE?", "faq", topic="do_without_usmle"),  # DO in capitals counts
    case("so overwhelmed, nbmes stuck, help me figure out if i should push the exam", "faq", topic="timing"),
    # A pass rate asked in other words is the pass standard's question, not match rates
    # how passing works answers a pass rate (USMLE's own rates are not held: `respond` says so first)
    case("what % of ppl fail step 2 on the first go", "faq", topic="passing_score"),
    case("heard 1 in 4 IMGs don't pass ck first time, true?", "faq", topic="passing_score"),
    case("how do i pass step 1 pharm", "out_of_scope"),  # Step 1 prep, "pass" or not
    # After the exam, the wait is what's asked, not how hard CK is: the answer on walking out sure of a fail tells it
    case(
        "ck felt so brutal, pretty sure i failed. every question had two right answers",
        "faq",
        topic="difficulty",
        answer="diff-felt-awful",
    ),
    case("how do i write a good personal statement for IM", "out_of_scope"),
    case("i passed step 1, what's the step 2 passing score", "faq", topic="passing_score"),
    case("what level 2 score do DOs need for ortho", "out_of_scope"),
    case("can i convert my comlex 550 to usmle", "faq"),
    case("DO with comlex 600 and step 2 250, good for EM?", "score_check", score=250),
]

UNKNOWN_CASES = [
    case("", "unknown"),
    case("   ", "unknown"),
    case("🙂", "unknown"),
    case("asdfghjkl", "unknown"),
    case("what's the weather like", "unknown"),
    case("ok", "unknown"),
    case("lol", "unknown"),
]

ALL_CASES = (
    SPECIALTY_CASES
    + COMPARE_CASES
    + TRAP_CASES
    + OTHER_SPECIALTY_CASES
    + SCORE_CASES
    + NOT_A_SCORE_CASES
    + PREDICTED_CASES
    + INVALID_CASES
    + GREETING_HELP_CASES
    + STUDY_PLAN_CASES
    + REMINDER_CASES
    + FRAME_CASES
    + SCOPE_CASES
    + UNKNOWN_CASES
)


@pytest.mark.parametrize(("text", "intent", "fields"), ALL_CASES)
def test_understand(kb: Knowledge, text: str, intent: str, fields: dict[str, Any]) -> None:
    check(understand(text, kb), intent, fields)


def test_table_is_large_and_has_no_duplicates() -> None:
    texts = [p.values[0] for p in ALL_CASES]
    assert len(texts) >= 150
    assert len(texts) == len(set(texts))


def test_every_faq_phrasing_maps_to_its_topic(kb: Knowledge) -> None:
    for phrasing, topic in kb.phrasing_index.items():
        parsed = understand(phrasing, kb)
        assert (parsed.intent, parsed.topic) == ("faq", topic), phrasing


def test_every_alias_is_recognized(kb: Knowledge) -> None:
    for alias, ident in kb.alias_index.items():
        parsed = understand(f"what is the average for {alias}?", kb)
        assert parsed.specialties == (ident,), alias
    for alias, ident in kb.other_alias_index.items():
        parsed = understand(f"what is the average for {alias}?", kb)
        assert parsed.other_specialty == ident, alias


def test_faq_questions_in_students_words_get_their_topic(kb: Knowledge) -> None:
    """The classifier, not a rule, reads these, so the bar is a share: most must be right."""
    misses = []
    for row in FAQ_CASES:
        text, intent, fields = row.values
        parsed = understand(text, kb)
        if parsed.intent != intent or any(getattr(parsed, k) != v for k, v in fields.items()):
            misses.append((text, parsed.intent, parsed.topic))
    assert len(misses) <= 0.15 * len(FAQ_CASES), misses


def test_topics_are_only_known_topics(kb: Knowledge) -> None:
    messages = [p.values[0] for p in ALL_CASES + FAQ_CASES]
    for text in messages:
        topic = understand(text, kb).topic
        assert topic is None or topic in TOPICS, text


@pytest.mark.parametrize(
    "text",
    [
        "derm 250 " * 100_000,
        "1 2 3 4 5 6 7 8 9 " * 2_000,
        "<script>alert('x')</script>&amp;&lt;" * 500,
        "\x00\x01\x02\x7f\u200b\ufeff derm",
        "😭🔥💀🙏" * 5_000,
        "İ" * 3_000 + " 250 derm",
        "-" * 10_000,
        "9" * 50_000,
        "\n\n\t\r" * 1_000,
    ],
    ids=["repeated", "digits", "html", "control", "emoji", "unicode", "dashes", "long-number", "whitespace"],
)
def test_never_raises_on_odd_or_huge_text(kb: Knowledge, text: str) -> None:
    parsed = understand(text, kb)
    assert isinstance(parsed, Parsed)
    assert parsed.score is None or 1 <= parsed.score <= 300


def test_random_text_never_raises(kb: Knowledge) -> None:
    rng = random.Random(2024)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,!?-/&%:~+'\"<>😭é\n"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        parsed = understand(text, kb)
        assert parsed.score is None or 1 <= parsed.score <= 300
        assert parsed.intent != "invalid_score" or parsed.bad_score is not None


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_parses(kb: Knowledge, text: str) -> None:
    parsed = understand(text, kb)
    assert parsed.score is None or 1 <= parsed.score <= 300
    assert (parsed.intent == "invalid_score") == (parsed.bad_score is not None)
    assert all(s in kb.specialties for s in parsed.specialties)
    assert parsed.other_specialty is None or parsed.other_specialty in kb.other_specialties


def test_only_the_start_of_a_huge_message_is_read(kb: Knowledge) -> None:
    parsed = understand("x " * MAX_CHARS + "derm 250", kb)
    assert (parsed.score, parsed.specialties, parsed.intent in NUMBER_INTENTS) == (None, (), False)


def test_non_string_input_is_unknown(kb: Knowledge) -> None:
    assert understand(None, kb) == Parsed("unknown")  # type: ignore[arg-type]


def test_results_do_not_depend_on_earlier_messages(kb: Knowledge) -> None:
    first = understand("dermatolgy 250", kb)
    understand("orthopeadics pediatircs psychiatary " * 50, kb)
    assert understand("dermatolgy 250", kb) == first


def test_a_question_tacked_on_after_and_also_is_offered_too(kb: Knowledge) -> None:
    text = (
        "ok so kind of panicking rn. got a 238 on step 1 back when it was scored, and my nbme came back 241 "
        "two weeks ago. is 241 even competitive for EM?? "
        "and also how long do scores take to come out"
    )
    assert "faq:score_release" in understand(text, kb).also


@pytest.mark.parametrize(
    "text",
    [
        "ngl kind of ashamed to tell my parents my ck score, they think everyone gets 260s",
        "Got my score back, 218. Passed but barely, and I had a 231 on UWSA2 the week before",
    ],
)
def test_no_fail_told_is_no_fail_topic(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).topic not in {"after_fail", "retakes"}


def test_a_practice_result_asked_about_stays_one_beside_a_figure_heard(kb: Knowledge) -> None:
    text = "Last NBME was 221 four days out and the programs I want say they want 230+. is 221 close to the real score?"
    assert understand(text, kb).intent == "practice_score"


@pytest.mark.parametrize(
    "text",
    [
        "retaking next month, first attempt was 208. my NBMEs are 226, 231, 229. is that enough margin?",
        "failed with 207 last time, retaking in 3 weeks. nbme 10 was 233 and uwsa2 238, is that enough?",
        "took the free 120 today, 74%. no idea what that means in real score terms lol",
    ],
)
def test_a_retakers_or_a_free_120s_practice_results_are_what_is_asked(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).intent == "practice_score"


def test_a_question_is_not_congratulated_on_the_models_word_alone(kb: Knowledge) -> None:
    assert understand("is 62% on uworld first pass decent for a 245", kb).feeling != "celebration"


def test_a_few_word_question_is_never_offered_as_a_topic_of_its_own(kb: Knowledge) -> None:
    text = (
        "Applying to a couple of programs next month and my nerves are shot. Is there a dress code at the test "
        "center? Do they check it? And can I bring my migraine medicine into the room?"
    )
    assert "faq:score_recheck" not in understand(text, kb).also  # "check" alone is no recheck


def test_a_short_message_asking_two_things_has_its_second_question_read(kb: Knowledge) -> None:
    two = understand("exam in 5 weeks, nbme 9 was 228. should i push my date back? and how many nbmes should i do?", kb)
    assert "answer:pt-how-many" in two.also
    # one question, however long its story, is read whole: no sentence of it offered again
    assert understand("exam in 5 weeks, nbme 9 was 228 and i'm worried. should i push my date back?", kb).also == ()


def test_a_faq_topics_own_name_reads_as_that_topic(knowledge: Knowledge) -> None:
    """ "@bot retakes" in inline mode, or "percentiles" in the chat: the topic's name alone is enough."""
    for topic in knowledge.faq:
        for text in (topic.replace("_", " "), topic.replace("_", " ").title() + "?"):
            parsed = understand(text, knowledge)
            assert (parsed.intent, parsed.topic) == ("faq", topic), text


@pytest.mark.parametrize(
    "text",
    [
        "i always psych myself out the night before",
        "peds questions are killing my percentages",
        "my OB rotation ends friday, then dedicated",
        "weak on neuro blocks, any tips",
        "weak in OB and biostats, 4 weeks left",
        "struggling with peds questions lately",
        "why did i choose medicine 😩 (jk mostly)",  # the profession, not Internal Medicine
        "plan for 8 weeks, i'm weak in obgyn and peds",  # both subjects, the second after "and"
        "2 blocks, 71 and 64. rough day in obgyn",
        "did all of cardio in amboss, 58% ugh",
        "my weakest areas are OB and peds, 3 weeks left",  # subjects named as weak spots
        "worst subjects are psych and renal, any tips",
        "my weak areas: OB and peds. nbme 231, exam in 3 weeks",  # named after a colon
        "I keep missing OB and peds questions, nbme 231",
        "need to work on OB and peds, 231 on nbme 11",
        "lowest in OB and peds on my NBME, got 231",
        "my weakest: OB, peds. 231 on uwsa1",  # a list that goes on after a comma
        "exam in 10 days and gyn is killing me, rest day or push through?",  # named before what it does to them
        "psych is my weakest by far, 12 days left",
        "I'm an M3, on OB now, just took NBME 9 cold as a baseline = 214",  # the rotation they're on
        "did a timed block today, 64%. OB and peds were brutal as usual",  # both, the first before "and"
        "64% on today's block, ob and peds questions killed me again",
        "uworld 62% overall but 48% in OB. exam in 10 days",  # a share scored in it
        "my weakest areas on nbmes are OB and peds, how do i fix that with 3 weeks left?",  # words between
        "my psychiatrist documented my panic attacks, can I get a separate room on CK?",  # their own doctor
        "before I forgot everything from peds, my free 120 was 74%",  # a subject forgotten
        "her dermatologist said it was eczema, anyway is 240 a good score?",
        "my OB is terrible, i keep missing those questions. 238 on nbme 10, what else should i do?",
        "should i spend tomorrow on OB or cardio?",  # a day's subject
        "got an OB day planned tomorrow, is that a good way to split it",
        "strong on IM, weak on renal. 241 on uwsa2",  # a strength is a subject too
        "been studying peds all week and my uworld % is stuck",
        "I failed a shelf (OB) in third year. nbme 11 221, should I postpone?",  # the shelf's subject
        "took them 5 days apart and honestly ran out of gas, I was skipping questions by the end",  # the idiom
        "ran out of gas but made it to prometric on time",  # the idiom, a clause after it
        "OB 55%, peds 60%, everything else 70s. exam in 2 weeks. thoughts?",  # a share right after each name
        "gyn is my worst, 3 weeks left, should i take tomorrow off or grind gyn",  # the worst, then ground at
        "i went to the er but they said im fine, exam in 2 weeks",  # a place gone to
        "should I focus more on OB and peds in my last 2 weeks? my uworld is 62%",  # study time
        "uwsa2 245, OB and peds lowest. should I spend the last week on them?",
        "OB and peds are killing me on uworld, 19 days left. how do i fix OB fast",  # what they do to them
        "surgery and OB are where I'm worst, six weeks left",
        "OB and psych are where I get destroyed, nbmes stuck at 223",
        "neuro is my lowest on every nbme, 3 weeks left",
        "I'm on FM now, dedicated after, when should I start uworld?",  # the rotation they're on
        "on gen surg rn, 70+ hr weeks, CK in march. is doing like 20 qs a day pointless",
        "bombing OB and peds on uworld, exam in 12 days",
        "gyn keeps dragging my score down, 55% on those",
        # set at (written for this by a helper who never saw the code)
        "4 weeks out, NBME report: gyn low, neuro low. thoughts",  # a level read off a report, then a stop
        "obgyn + peds are my two lowest on the cms forms, step in 4 weeks",
        "free 120 was 72%. lost most of my points in peds and OB",
        "derm pics always get me. any image banks worth it",
        # a shelf percentile right after the subject (thirty-first stop)
        "shelf percentiles: surgery 38th, peds 82nd. 6 wks dedicated, mixed blocks?",
        "OB shelf 12th %ile lol. how much time do i give it in dedicated",
        "neuro 20th percentile on the shelf, drill it or keep doing mixed blocks?",
    ],
)
def test_a_subject_or_rotation_is_not_a_specialty_asked_about(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).specialties == ()


@pytest.mark.parametrize(
    ("text", "score", "quoted"),
    [
        ("ortho avg 257?? neurosurg 253?? who even gets those", None, (257, 253)),  # a terse list of figures heard
        ("derm avg 257? just got 251", 251, (257,)),  # their own after it
        ("a resident said they dont rank under 230. im 228", 228, (230,)),  # "im" is "I'm" here, not IM
    ],
)
def test_a_terse_list_of_figures_heard_is_quoted_to_its_end(
    knowledge: Knowledge, text: str, score: int | None, quoted: tuple[int, ...]
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.score, parsed.quoted) == (score, quoted)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # subjects studied, told beside the field chosen (fortieth stop: a fresh helper-written set)
        ("Applying EM. Last block was 52%, mostly gyn and peds. Swap my final week?", ("emergency-medicine",)),
        ("want anesthesia. psych and OB are rough for me, esp the meds. nbme 12 was 241", ("anesthesiology",)),
        ("ENT is the plan. cardio fine, but neuro and peds drag my uworld average down", ("otolaryngology",)),
        ("derm applicant. surgery knowledge is trash and I keep missing OB mgmt", ("dermatology",)),
        ("Does a bad OB shelf mean CK OB will hurt me? want radiology", ("radiology",)),
        ("applying neuro. OB blocks are killing me (55%) and peds isn't much better", ("neurology",)),  # a trial's
        # a field weighed as a career as well stays weighed
        ("applying IM but my peds questions are weak, is 240 ok for peds too?", ("internal-medicine", "pediatrics")),
        ("want EM. did 3 blocks today. would FM be a safer backup?", ("emergency-medicine", "family-medicine")),
        ("psych is my weak subject on uworld, but what's the psych average?", ("psychiatry",)),
        ("deciding between EM and gas. weak subjects are OB and psych", ("emergency-medicine", "anesthesiology")),
        # counter-examples a stranger-style reviewer found: a field offered, or weighed in its own clause
        ("want EM. my uworld is 62%, EM or FM?", ("emergency-medicine", "family-medicine")),
        ("uworld 70%, applying IM, maybe peds?", ("internal-medicine", "pediatrics")),
        ("applying derm, backup: IM, uworld 65%", ("dermatology", "internal-medicine")),
        ("Applying neuro but honestly psych is tempting, my psych blocks are 80%", ("neurology", "psychiatry")),
        ("Applying EM. Interview season is rough, is FM easier?", ("emergency-medicine", "family-medicine")),
        ("applying ortho. letters are strong, gen surg as a safety net?", ("orthopedic-surgery", "general-surgery")),
    ],
)
def test_subjects_studied_beside_a_chosen_field_are_not_fields_weighed(
    knowledge: Knowledge, text: str, fields: tuple[str, ...]
) -> None:
    assert understand(text, knowledge).specialties == fields


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("cardio 78% on uworld but my ID is like 48%", ()),  # cardio the subject: no fellowship is asked about
        ("nbme breakdown: cardio lower, renal borderline. 3 wks left", ()),
        ("what's the average for cardio fellowship?", ("cardiology",)),  # the fellowship, with its figures
        ("I want cardio eventually, is 250 enough for IM?", ("cardiology",)),
    ],
)
def test_cardio_is_a_subject_unless_a_career_is_spoken_of(
    knowledge: Knowledge, text: str, other: tuple[str, ...]
) -> None:
    assert understand(text, knowledge).other_specialties == other


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("the weakest applicants are the ones who apply derm with 230", "dermatology"),  # a weak spot not named
        ("240 for peds, is that weak?", "pediatrics"),
        ("is 48% of applicants in IM international?", "internal-medicine"),  # a share of people, not of questions
        ("I want to be a psychiatrist, is 236 enough?", "psychiatry"),  # the career, not their doctor
        ("heard the match rate is like 95% for peds, is a 232 ok?", "pediatrics"),  # a rate for it (review22 #8)
        ("the worst thing is ortho averages are so high, is my 250 ok?", "orthopedic-surgery"),
        ("the lowest avg is FM right? i have 228", "family-medicine"),
        ("weak on OB, strong on IM. got 241 on uwsa2. aiming for derm lol", "dermatology"),  # the career beside
        ("been studying peds all week, is 240 enough for peds though?", "pediatrics"),  # asked as a field too
        ("how many out of gas programs screen at 230? i have 221", "anesthesiology"),  # not the idiom
        ("I want to focus on derm, is 250 enough?", "dermatology"),  # a career to focus on
        ("is 245 the lowest for derm?", "dermatology"),
        # careers weighed in words a subject is also judged in (review26 #8)
        ("am i good on IM with a 238?", "internal-medicine"),
        ("is 235 solid in FM? want to be safe", "family-medicine"),
        ("derm is so bad for IMGs, is 250 enough?", "dermatology"),
        ("reviewed derm programs' cutoffs and I have 247, realistic?", "dermatology"),
        ("honestly i'm out of gas, is 230 ok for IM?", "internal-medicine"),  # the idiom, said as "i'm out of"
        ("how do i improve my chances for derm with a 240", "dermatology"),  # chances improved, not a subject
        ("im on the fence about peds, is 238 enough?", "pediatrics"),
        ("set on gen surg now, is 240 ok?", "general-surgery"),  # the career chosen, not a rotation
        ("bombed my derm interview, is 250 still ok for derm?", "dermatology"),  # asked as a field too
        # the application in a field, improved or chosen (review30)
        ("how can i improve my ortho app? ck 247", "orthopedic-surgery"),
        ("i'm planning on EM now, is 240 ok", "emergency-medicine"),
        ("i'm going all in on ortho this cycle with a 252. realistic?", "orthopedic-surgery"),
        # an ordinal that ranks the field, not a shelf percentile (review39 H4)
        ("236, peds is 1st on my list. competitive?", "pediatrics"),
        ("applying IM 2nd time w 231", "internal-medicine"),
        # weighed for a field, whatever follows it (thirty-first stop)
        ("252!! enough for gas at academic places?", "anesthesiology"),
        # wanted, then a new clause ("but", "so"): not a name after the word
        ("i want gas but my score is only 236, be honest", "anesthesiology"),
        ("applying path but worried about my 228", "pathology"),
        ("derm 50% match rate? is that true", "dermatology"),  # the field's own rate, not a share scored
        ("ortho is the worst specialty for lifestyle right?", "orthopedic-surgery"),  # judged as a field
    ],
)
def test_a_field_asked_about_near_weak_words_or_shares_stays(knowledge: Knowledge, text: str, specialty: str) -> None:
    assert understand(text, knowledge).specialties == (specialty,)


@pytest.mark.parametrize(
    "text",
    [
        "do I get extra time for the exam breaks if I finish a block early?",
        "how much extended time off do people take before ck",
        "is it worth taking extended time for dedicated, like 10 weeks?",
    ],
)
def test_time_and_rooms_of_other_kinds_are_not_accommodations(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).topic != "accommodations"  # review22 #3


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("did badly on step 2 in most sections, scared it's a low score, will it hurt me for IM?", "low_score"),
        ("scoring low on psych and neuro questions in uworld. any tips?", "study_strategies"),
        ("got a low score, 221, on ck. what now", "low_score"),  # a result of their own
    ],
)
def test_low_marks_on_some_subjects_questions_are_weak_areas(knowledge: Knowledge, text: str, topic: str) -> None:
    assert understand(text, knowledge).topic == topic


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("path step 2 avg", "average"),  # a short alias before "step": the field, not a name
        ("june 14", "study_plan"),  # a date alone: a date to plan to, not 14 questions done
        ("14th of june", "study_plan"),
        ("yes", "unknown"),  # an answer to a question never asked: no topic guessed
        ("nvm", "unknown"),
        ("how do i petition my school to delay my graduation", "out_of_scope"),  # not moving the exam
        ("step 1 question: which enzyme is deficient in Tay-Sachs", "out_of_scope"),
        ("what does the step 1 blueprint look like", "out_of_scope"),
        ("do u know any good coffee near prometric in atlanta", "out_of_scope"),
        ("what's the weather like in chicago", "out_of_scope"),
        ("how do i reschedule my step 2", "faq"),  # still the exam moved
        ("lkjh ck ;;", "unknown"),  # keyboard mash around a known word
        ("exam tmrw", "study_plan"),  # a vowel-less word across rows of keys is no mash
        ("highest step 2 avg specialty? and lowest?", "average"),  # the ranking answers it
        ("pm&r or path which avg is lower", "compare"),  # a short alias set beside another field
        ("avg step 2 ck for ir and does it differ from dr", "compare"),
        ("path w 221 possible?? passed at least", "score_check"),
        ("exam on the 28th, how many questions per day if i have 1400 left", "study_plan"),  # the pace, then a plan
        ("how long do i have to pass all 3 steps? step 1 was 2019", "faq"),  # the Steps' time limit, not Step 1's mark
        ("nbme shelf for IM was 72, is that honors", "out_of_scope"),  # a school exam, whatever field
        ("got 88 on my peds shelf, good enough for peds residency?", "out_of_scope"),
        ("my surgery shelf was rough but i want ortho, is 245 ok", "score_check"),  # their CK score, the shelf past
        ("I pushed my test back 2 weeks, practice scores weren't there", "exam_moved"),  # news, not a score delay
        ("what time do you send reminders? can it be in my time zone (IST)", "study_plan"),  # how reminders work
        ("should i take step 3 before residency? 245 on ck, IM", "out_of_scope"),  # short: Step 3 is the question
        ("ms1 and already scared of ck is that normal", "vent"),  # a feeling to meet, not a topic
        ("logged: 95 qs this weekend", "log_progress"),
        ("im moving my exam to march 9 bc of a family thing", "exam_moved"),  # the new day, said with the move
        ("im moving to boston in april", "faq"),  # a move of house is no exam moved
        ("thank you!! the nudges kept me going all through dedicated", "thanks"),  # not a request for reminders
        ("thanks! can you set up reminders for my exam on march 3", "study_plan"),  # thanks, then a request
        ("ok thanks, what about peds?", "average"),  # the question after the thanks is read
        ("268!! is anything out of reach now", "score_fit"),
        ("whats off the table with a 221", "score_fit"),
        ("wow 257, i really didn't see that coming", "score_fit"),  # news, no topic asked
        ("uwsa2 was 249 yesterday", "log_progress"),  # a result told, whatever topic the model hears
        ("good anki decks for micro for step 1?", "out_of_scope"),  # Step 1's own prep
        ("how should i study for step 1 now that its pass fail", "out_of_scope"),
        ("can i cancel my score if the exam went really badly", "faq"),  # asked what to do, feeling or not
        ("how do i stop feeling like this before my exam", "vent"),  # how to feel: listened to
        ("tips for my test anxiety? exam in 2 weeks", "vent"),
        ("how do i pass step 1, it's in 4 weeks", "out_of_scope"),  # Step 1's own prep
        ("hello. could you please prepare me a timetable for ck, i have 10 weeks and amboss", "study_plan"),
        ("got 3 weeks. what do i even do", "study_plan"),  # the days are known: a plan for them is asked
        ("how many days till my exam", "days_left"),
        ("how do people decide between taking CK before vs after ERAS opens? I can't tell which camp I'm in", "faq"),
        ("nbme 238, 5 weeks out. can i get to 250?", "practice_score"),  # the result against the goal, not a fit list
        ("38 days left, 2150 uworld qs to go, nbme 238. can i hit 250?", "practice_score"),
        ("my retake is in 10 days and I'm spiraling. should I postpone again? I already pushed it once", "faq"),
        ("so excited and also kind of terrified, test on friday", "vent"),  # nerves with the day, nothing asked
        ("panicking, 4 days to go and my uwsa2 was 236", "log_progress"),  # the result read, with the panic met
        ("can i even do this", "vent"),  # self-doubt, not a topic
        ("what are the causes of secondary hypertension", "out_of_scope"),  # medicine itself
        ("how do i cope with the wait for my score", "vent"),  # the wait is the feeling asked about
        ("im the first gen in my family and nobody gets why i skip thanksgiving to study", "vent"),
        ("can you check in on me each night and ask what i finished", "study_plan"),  # a daily check-in asked
        ("what rotations should i split my week into? give me a template for dedicated", "study_plan"),
        ("cms medicine form 4 was 74%", "out_of_scope"),  # a school exam's practice form
        ("first line antibiotic for uti in pregnancy?", "out_of_scope"),  # medicine itself
        ("DO here with a 231, where should i even be applying", "score_fit"),
        ("rebooked it for 3/14 after the snowstorm", "exam_moved"),  # the new day said, not a plan asked
        ("rebooked my flight home for dec 20", "unknown"),  # a flight, not the exam
        ("changed my test date again, now its feb 9", "exam_moved"),
        ("r u a real person", "smalltalk"),
        ("u a bot?", "smalltalk"),
        ("matched! just wanted to say thank you for keeping me on track all year", "thanks"),
        ("tell me about the exam day process", "faq"),  # asked as a request, not a feeling
        ("are 9 interviews enough for FM", "faq"),  # how many to rank, not FM's averages
        ("so tired of interviewing. 7 done, 2 to go", "vent"),  # interviews counted, not questions
        ("uwsa2 249 with 9 days left, ok or no", "practice_score"),  # the result asked about; the days are context
        ("results tomorrow 😬", "vent"),  # the wait's last night, not a plan
        ("10 days out and i've done 0 self assessments", "faq"),  # how many to take, not work logged
        ("what do programs look at besides the score", "faq"),
        ("phew. 258. i was sure i failed the whole time", "score_fit"),  # good news, not a fail
        ("hey, are you a bot? what do you do exactly", "help"),  # what it does answers both
        ("uworld blocks swing from 50% to 75%, normal??", "faq"),  # results that vary, asked about: not a log
        ("did 2 blocks today, 58% and 74%", "log_progress"),  # two blocks told: logged
        ("amboss avg 57% so far... am i doomed", "faq"),  # the bank's figure judged, no block told
        ("amboss first pass 63% overall so far", "log_progress"),  # told, not judged: the progress frame holds
        ("block 9 done, 63%. uw avg now 59%?", "log_progress"),  # a block done, whatever is asked beside it
        ("passed out at my desk after 14 hours, exam in 10 days and i cant focus at all anymore", "vent"),  # no pass
        ("avg ck for ortho? and is step 3 worse", "average"),  # the frame holds; Step 3 is declined in a line
    ],
)
def test_short_and_outside_messages_take_their_road(knowledge: Knowledge, text: str, intent: str) -> None:
    assert understand(text, knowledge).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "checking the portal like a psycho every 5 min",
        "my psycho roommate keeps asking my nbme scores",
        "lost a week to a family emergency, nbme 11 was 228",
        "had a medical emergency in dedicated, should i push",
    ],
)
def test_an_ordinary_word_next_to_an_alias_names_no_field(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).specialties == ()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("sat ck this morning. when do i find out", "score_release"),  # the wait, not days to an exam
        # behind them, a fail feared: the answer written for that wait (its topic, "difficulty"), not the wait's general
        ("the exam was way harder than uwsa2, pretty sure i failed", "difficulty"),
        ("what score gets you into the top 5%", "percentiles"),
        ("whats the 75th percentile score", "percentiles"),
    ],
)
def test_after_the_exam_and_shares_of_takers_take_their_topic(knowledge: Knowledge, text: str, topic: str) -> None:
    assert understand(text, knowledge).topic == topic


@pytest.mark.parametrize(
    "text",
    [
        "passed step 1 on the 2nd attempt at step 1, now ck in 8 weeks and first nbme was 219",  # Step 1's retake
        "failed ck with 209, the retake is in 3 weeks and nbmes are 228-235, will a 240 retake help for FM?",
        "failed ck once. does it matter whether my retake is 235 or 250 for IM?",  # the retake's score, supposed
    ],
)
def test_a_retake_ahead_or_another_exams_is_no_pass(knowledge: Knowledge, text: str) -> None:
    parsed = understand(text, knowledge)
    assert parsed.status != "passed" and parsed.feeling != "relief"


@pytest.mark.parametrize(
    "text",
    [
        "my retake is in! 231",
        "retake came back 229, so relieved",
        "Failed CK on first attempt (208) last year, passed second with a 231 in June. is my application dead?",
    ],
)
def test_a_retake_result_told_is_a_pass(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).status == "passed"


@pytest.mark.parametrize(
    "text",
    [
        "failed CK first (208), passed second with a 231. want IM. I feel like I ruined everything with one bad day",
        "I failed CK once then passed with 231. do I have to explain it on ERAS? kind of embarrassed tbh",
    ],
)
def test_a_passed_retake_told_with_self_blame_meets_the_self_blame(knowledge: Knowledge, text: str) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.status, parsed.feeling) == ("passed", "shame")


def test_strain_said_at_the_end_of_a_long_story_is_met(knowledge: Knowledge) -> None:
    text = (
        "MS4, took step 1 back in 2021 when it was scored and got a 221 lol. NBME 12 was 238, uwsa2 246. exam is jan "
        "22. applying IM. will programs hold the old 221 against me if ck is fine? also kinda panicking ngl"
    )
    assert understand(text, knowledge).feeling in ("stress", "panic")


def test_a_denied_embarrassment_is_no_shame(knowledge: Knowledge) -> None:
    text = "failed ck in march (208), passed the retake with 233. not embarrassed, just curious if IM programs screen"
    assert understand(text, knowledge).feeling != "shame"  # review26 #18


def test_a_match_now_after_an_old_non_match_is_good_news(knowledge: Knowledge) -> None:
    parsed = understand("I didn't match last year but this year I matched IM!!! so happy", knowledge)
    assert parsed.feeling in ("celebration", "relief")  # review26 #3


def test_a_pass_named_by_its_attempt_is_a_pass(knowledge: Knowledge) -> None:
    assert understand("passed on my second attempt with 229. will IM programs care?", knowledge).status == "passed"


def test_an_impossible_score_is_never_read_past(knowledge: Knowledge) -> None:
    assert understand("is a 3000 good", knowledge).intent != "faq"  # review26 #14: not a generic answer


@pytest.mark.parametrize(
    "text",
    [
        "216. I passed by 2 points. what should I even do first, is EM off the table?",  # the older mark, passed
        "passed with a 215 (old 214 cutoff). what now for FM?",
    ],
)
def test_a_pass_they_tell_under_todays_mark_is_no_fail(knowledge: Knowledge, text: str) -> None:
    parsed = understand(text, knowledge)
    assert parsed.status != "failed" and parsed.topic not in ("after_fail", "retakes"), parsed


@pytest.mark.parametrize(
    ("text", "not_intent", "not_topic"),
    [
        ("got 2 weeks. what should i do about my rank list", "study_plan", None),  # another deadline's days
        ("what are the signs of burnout", "out_of_scope", None),  # a feeling's signs, not medicine to teach
        ("is a pass on step 1 enough these days", None, "study_strategies"),  # a pass mark, not a qbank pass
    ],
)
def test_this_stops_rules_leave_their_near_misses(
    knowledge: Knowledge, text: str, not_intent: str | None, not_topic: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert parsed.intent != not_intent and parsed.topic != not_topic


def test_their_own_score_said_as_a_statement_stays_theirs(knowledge: Knowledge) -> None:
    parsed = understand("my avg is fine its 245 on ck, good for EM?", knowledge)
    assert parsed.score == 245 and 245 not in parsed.quoted


def test_relief_after_the_exam_is_relief_not_exhaustion(knowledge: Knowledge) -> None:
    assert understand("so relieved it's over, finally going to sleep for 12 hours", knowledge).feeling == "relief"


@pytest.mark.parametrize(
    "text",
    [
        "what if i start intern year and still havent passed ck",
        "my program starts in june and i still haven't passed step 2, what happens",
    ],
)
def test_a_pass_still_ahead_is_no_pass(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).status != "passed"


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("derm average?", None),
        ("ugh whats derm avg", "stress"),
        ("help", None),  # the menu asked for, calmly (fortieth stop: a retrained model once read panic into it)
        ("Help?", None),
    ],
)
def test_a_plain_question_about_a_field_carries_no_feeling_unless_one_is_said(
    knowledge: Knowledge, text: str, feeling: str | None
) -> None:
    assert understand(text, knowledge).feeling == feeling


@pytest.mark.parametrize(
    ("text", "feeling", "status"),
    [
        ("80 questions today. 71 percent. tired but ok", None, None),  # a day's report, not burnout
        ("ms1 and already scared of ck is that normal", "worry", None),
        ("264!!!! i screamed so loud 😭😭 ortho here i come", "relief", None),  # tears of joy, not sorrow
        ("i screamed when i saw 209 😭 i failed", "failure", "failed"),  # not tears of joy
        ("I PASSED!!! 229 after failing last time!!!", "relief", "passed"),
        ("second attempt came back 231. after failing the first one i'm so relieved", "relief", "passed"),
        ("I PASSED 229 AFTER FAILING IN MAY", "relief", "passed"),
        ("failed ck with 210. honestly relieved it's over", "failure", "failed"),  # the fail is met, not relief
        ("phew. 258. i was sure i failed the whole time", "relief", None),  # a fear in the room, not a fail
        ("my hands are shaking opening the score portal", "panic", None),  # the body says it  # the fail is behind them
        ("I took CK yesterday. Now I'm convinced I failed. how soon can I know?", "worry", "taken"),  # no result yet
        ("228 on CK. Step 1 passed on second attempt. is gen surg impossible?", None, None),  # Step 1's retake
        ("Step 2 CK I got 236 last fall, didn't match. Should I retake Step 2 to get a higher score?", None, "taken"),
    ],
)
def test_what_was_felt_and_what_happened(
    knowledge: Knowledge, text: str, feeling: str | None, status: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.feeling, parsed.status) == (feeling, status)


@pytest.mark.parametrize("text", ["kms lkjh", "goodbye lkjh"])  # the second only the model hears
def test_keyboard_mash_never_hides_a_crisis_said_beside_it(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).feeling == "hopeless"


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("ugh everyone matched except me", "faq"),
        ("what if i didn't match?", "not-news"),  # a supposition
        ("i haven't matched yet, interviews in jan", "not-news"),
    ],
)
def test_not_matching_is_news_only_when_said_as_news(text: str, road: str) -> None:
    assert did_not_match(normalize(text)) is (road == "faq")


def test_happy_tears_at_a_pass_are_relief(knowledge: Knowledge) -> None:
    assert understand("SCORE IS OUT AND I PASSED 😭😭😭", knowledge).feeling == "relief"
    assert understand("passed 🥲 but only 221", knowledge).feeling == "disappointment"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a score and a field, and a question the comparison doesn't answer: the question leads, the frame holds
        (
            "got 243, applying peds. how should i split my signals between home state and reach places?",
            "signals_geography",
        ),
        ("what percent of IMGs match neuro these days? my ck is 239", "match_rates"),
        ("with a 244 how many IM programs should i apply to?", "match_with_average"),
        ("238, applying EM, should I dual apply FM?", "match_with_average"),
        # the comparison is what they ask, or the question is one the bank has no answer to: no topic beside it
        ("248 good enough for ortho??", None),
        ("is 238 enough for em", None),
        ("IMG with 236, is IM realistic?", None),
        ("231 in surgery, what are my chances of matching?", None),
        ("would a 245 get me interviews in gas?", None),
        ("260 for derm, should i do a sub-i?", None),
        ("how many programs use step 2 as a cutoff? i have 235 for IM", None),
        ("how many IM programs will interview me with a 232?", None),
        ("is 246 competitive for EM? also, when do step 2 scores usually come out?", None),  # two asks: first leads
    ],
)
def test_a_question_asked_beside_a_score_and_field_is_answered_with_the_comparison(
    knowledge: Knowledge, text: str, topic: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert parsed.intent in ("score_check", "compare")  # the core frame holds
    assert parsed.topic == topic


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # tears over a high score of their own, nothing sad said: joy
        ("got my score, 266, and i'm literally crying right now. is that good enough for derm?", "relief"),
        ("CK 259 😭😭😭 matched my nbmes exactly", "relief"),
        ("I'm in tears, 266 on CK. I genuinely thought I failed. do programs care?", "relief"),  # a fear behind them
        ("got 266, crying so hard. should i tell my programs?", "relief"),  # tears with no one else's named
        ("266. i literally sobbed in my car", "relief"),  # "sobbed" is tears too
        # the same tears beside a higher score someone else got or one they needed, or a low score: let down
        ("scored 257 but im crying bc everyone got 260s", "disappointment"),
        ("258 😭 i needed 265 for plastics", "disappointment"),
        ("got 256 and i'm crying, i wanted 265 for derm", "disappointment"),
        ("my friend got 262 and i'm crying because i got 231", "disappointment"),
        # a retake passed long enough ago to ask what the fail costs, without joy: a worry, not relief
        (
            "failed CK the first time with a 209, retook it and got 233. how much does that fail hurt me now? do "
            "programs only look at the newest score? feels like that one number is my whole app",
            "worry",
        ),
        ("failed CK the first time with a 209, retook it and got 233!!! so happy. does the fail still show?", "relief"),
        # a Step 1 fail told beside the tears is no fail of this score
        (
            "got my CK: 266. I'm honestly crying. Step 1 was a fail on first attempt. Does 266 'erase' the fail?",
            "relief",
        ),
        # tears over the fail or a fear beside it are no joy
        ("CK 259 but I'm still crying because PDs will still see the step 1 fail", "disappointment"),
    ],
)
def test_tears_over_a_high_score_of_their_own_are_joy(knowledge: Knowledge, text: str, feeling: str) -> None:
    assert understand(text, knowledge).feeling == feeling


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a field said of someone else is not theirs to weigh when they name one of their own...
        ("my roommate is going ortho with a 262, and I'm applying gen surg with 251", ("general-surgery",)),
        ("my husband is gen surg and I'm IM with a 241", ("internal-medicine",)),
        ("my dad's an orthopedic surgeon but i want peds, is 240 ok?", ("pediatrics",)),
        # ...but is when it is also said of them, or is the only one named
        (
            "an upperclassman told me ortho averages 257. I'm into ortho but open to EM",
            ("orthopedic-surgery", "emergency-medicine"),
        ),
        ("my friend matched derm with a 250, can i with 245?", ("dermatology",)),
        (
            "my partner is applying EM and im psych. show me the average for emergency medicine next to psychiatry",
            ("emergency-medicine", "psychiatry"),
        ),
        # calling themselves a senior is no other person
        ("I'm a senior applying derm. Backup is FM, is 245 enough?", ("dermatology", "family-medicine")),
        # a field given up, or the prelim year held while switching, is not the one weighed; alone, it still is
        ("231 on ck so derm is off the table i guess. peds realistic?", ("pediatrics",)),
        ("derm is out of the question with a 231 right?", ("dermatology",)),
        ("is derm off the table with a 231, or should i look at IM?", ("dermatology", "internal-medicine")),  # asked
        ("derm was never off the table for me, 255 and applying derm and plastics", ("dermatology", "plastic-surgery")),
        (
            "PGY1 prelim surgery, anesthesia is my goal, how hard is it to switch with a 238?",
            ("general-surgery", "anesthesiology"),
        ),
        ("intern in prelim surgery, want to switch into rads with a 244", ("radiology",)),
        (
            "prelim surgery intern, 236. reapplying to gen surg categorical or switching to anesthesia?",
            ("general-surgery", "anesthesiology"),
        ),  # the prelim's field named again as a goal is weighed
        (
            "As a US senior applying ortho. Also considering IM. 250 enough?",
            ("orthopedic-surgery", "internal-medicine"),
        ),
    ],
)
def test_a_field_said_of_someone_else_is_not_the_students(
    knowledge: Knowledge, text: str, fields: tuple[str, ...]
) -> None:
    assert set(understand(text, knowledge).specialties) == set(fields)


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # a fail told among plans and questions is still met as a fail
        (
            "I failed CK. 209. Needed 214. I was planning to submit IM applications in 3 weeks and now I have no "
            "idea. Retake is booked for Oct 2. Should I still apply this cycle or sit out a year?",
            "failure",
        ),
        # someone else's fail, or one only supposed, is not theirs to be sorry for
        ("my friend failed CK with a 209, what should she do", None),
        ("if I fail with a 210 can I still match IM?", None),
    ],
)
def test_a_fail_of_their_own_told_in_a_long_post_is_met(knowledge: Knowledge, text: str, feeling: str | None) -> None:
    assert understand(text, knowledge).feeling == feeling


def test_a_do_asking_to_hold_back_the_usmle_transcript_is_offered_the_dos_answer(knowledge: Knowledge) -> None:
    text = (
        "DO student applying EM. I passed COMLEX Level 2 but failed Step 2 CK with a 212. Every program I want "
        "accepts COMLEX. Do I have to report the fail, or can I just not release my USMLE transcript to programs?"
    )
    parsed = understand(text, knowledge)
    offered = {parsed.answer, *(a.removeprefix("answer:") for a in parsed.also)}
    assert "do-send-only-comlex" in offered and "pd-hold-back-scores" not in offered


def test_the_final_days_answer_waits_for_the_final_days(knowledge: Knowledge) -> None:
    weeks_out = understand(
        "NBME 226, 19 days left. what should I do with these last 19 days? new qs or review?", knowledge
    )
    assert "ed-final-days" not in {weeks_out.answer, *(a.removeprefix("answer:") for a in weeks_out.also)}
    assert understand("exam in 4 days, how should I use the last days?", knowledge).answer == "ed-final-days"


@pytest.mark.parametrize(
    "text",
    [
        "my obgyn section on every nbme is in the red, how do i bring it up",
        "biostat is my worst area by far, is it worth drilling or just let it go",
        "peds is killing my practice scores",  # a subject's questions, not the field's averages
        "every nbme my weakest section is gyn",
        "renal is my worst system, best way to study it in the last month",
    ],
)
def test_a_weak_subject_said_gets_the_answer_on_bringing_it_up(knowledge: Knowledge, text: str) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.intent, parsed.answer, parsed.specialties) == ("faq", "ss-weak-areas", ())


@pytest.mark.parametrize(
    ("text", "intent", "status"),
    [
        ("ck came back today!! so happy", "vent", "taken"),  # not a plan to build for an exam today
        ("step 2 came back today, so happy", "vent", "taken"),  # Step 2 CK's result, not the retired CS exam
        ("my ck came out this morning. relieved", "vent", "taken"),
        ("results came out, passed, good enough for fm, so relieved", "vent", "taken"),  # not when scores come out
    ],
)
def test_a_result_back_today_is_news_met_not_an_exam_today(
    knowledge: Knowledge, text: str, intent: str, status: str
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.intent, parsed.topic, parsed.status, parsed.exam_date) == (intent, None, status, False)


@pytest.mark.parametrize(
    "text",
    [
        "how much of ck is obgyn? it's my weakest",
        "cardio is always my worst, do nbmes predict the real score well?",  # another question asked beside it
        "biostats is my weakest, is uworld enough or do i need amboss",
        "ethics is my lowest on every nbme. how accurate are the nbmes",
        "my surgery percent is so low on uworld, is 58% ok",  # the figure asked about
        "neuro is destroying my will to live, any tips",  # despair: the crisis reply, never a study answer
    ],
)
def test_a_weak_subject_beside_another_question_keeps_that_question(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).answer != "ss-weak-areas"


def test_a_question_about_when_results_come_out_is_still_a_question(knowledge: Knowledge) -> None:
    assert understand("can you take step 2 before step 1 results come out", knowledge).intent == "faq"


def test_a_field_whose_chances_a_score_tanks_stays_the_field(knowledge: Knowledge) -> None:
    parsed = understand("ortho is tanking my chances with a 240, should i switch", knowledge)
    assert parsed.specialties == ("orthopedic-surgery",)


def test_a_question_asked_indirectly_beside_strain_keeps_its_topic(knowledge: Knowledge) -> None:
    text = "it would be a weight off my shoulders if I knew whether to signal my away program. so stressed"
    parsed = understand(text, knowledge)
    assert (parsed.intent, parsed.topic, parsed.feeling) == ("faq", "signals_geography", "stress")


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # a condition described for accommodations, calmly: the answer, no "take a slow breath"
        (
            "I was diagnosed with generalized anxiety disorder last year and I get panic attacks during timed "
            "tests. Can I get accommodations for CK too, and will it show up on my transcript?",
            None,
        ),
        ("so stressed rn. I have ADHD and my accommodations request for step 2 got denied, what do I do??", "stress"),
    ],
)
def test_a_condition_told_for_accommodations_is_not_met_as_panic(
    knowledge: Knowledge, text: str, feeling: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.topic, parsed.feeling) == ("accommodations", feeling)


def test_a_long_post_gets_no_bare_yes_or_no_written_for_another_question(knowledge: Knowledge) -> None:
    text = (
        "MS4, CK came back 251 in July. Applying general surgery, 64 programs, used every signal I had. I'm sitting "
        "at 3 invites. Is my score actually the problem here or is it just early?"
    )
    assert not understand(text, knowledge).yes_no
    assert understand("is 236 enough for peds?", knowledge).yes_no


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a fail told by its margin is a fail
        ("Failed by 4 points. I got a 214 and the pass was 218.", {"status": "failed", "score": 214}),
        # a pass told after the fail is the retake's, and the match after it is the news
        (
            "Failed CK with 198 back in 2023. Fixed my habits, passed with 231 in 2024, and matched at my #3 "
            "program!!! Will my fail matter for fellowship?",
            {"status": "passed", "score": 231, "feeling": "celebration"},
        ),
        # the score said of themselves right after a figure heard is theirs
        ("Program A told us everyone they match has 245+, I'm 241. Does that mean anything?", {"score": 241}),
        # a range of practice results beside the real result leaves the result as the score
        (
            "Applied gen surg with my score pending, then it came back 211. Fail. Is 7 weeks enough given I was "
            "getting 225-230 on NBMEs?",
            {"score": 211, "status": "failed", "range": None},
        ),
        # a second fail told first is a fail; a pass shouted first is a pass (development set bi)
        ("fail #2. one shot left at my school and im terrified", {"status": "failed"}),
        ("failed twice. one shot left and im terrified", {"status": "failed"}),
        ("passed!!! 218 but PASSED. is that gonna kill me for FM tho", {"status": "passed", "score": 218}),
        ("passed step 1, now what about ck", {"status": None}),
        # another exam's fail named beside a pass is not a Step 2 CK fail to plan a retake around
        (
            "My CK was 219 and I barely passed. Does a low CK predict failing the ABFM boards later? "
            "Anything I should do before intern year?",
            {"topic": "low_score"},
        ),
    ],
)
def test_whose_result_and_which_fail(knowledge: Knowledge, text: str, fields: dict[str, Any]) -> None:
    parsed = understand(text, knowledge)
    assert {name: getattr(parsed, name) for name in fields} == fields


def test_a_long_posts_own_question_beside_the_comparison_is_answered_first(knowledge: Knowledge) -> None:
    text = (
        "My score posted at 239 and I'm applying FM this cycle in the Midwest. Signals are done and letters are "
        "in. Oh and can programs see which other places I signaled?"
    )
    parsed = understand(text, knowledge)
    assert (parsed.intent, parsed.topic, parsed.answer) == (
        "score_check",
        "signals_geography",
        "sig-programs-see-others",
    )


@pytest.mark.parametrize(
    ("text", "topic", "answer"),
    [
        (  # a prelim weighed as a backup to a low score: what to do with the score, not how early matches work
            "I'm an MS4 applying to internal medicine with a 218. I passed so I can't retake. What can I realistically "
            "do now to still match? My letters are strong. Should I apply prelim too?",
            "low_score",
            None,
        ),
        (  # a prelim is part of applying to radiology, whatever the score: that answer, not the low score's
            "CK 241 applying rads, what can I do to still match? do I need a prelim year?",
            "early_match",
            "prelim-year-advanced",
        ),
        (  # a score feared, and the post's own question: answered, not a feared 240's fit list
            "My practice scores are great (UWSA2 263, NBME 14 258) but I choke on real exams. So I'm scared CK will be "
            "like 240 and I won't be competitive for plastics. Is there anything that actually helps with test "
            "anxiety that isn't just 'breathe'? Exam in 10 days.",
            "exam_day",
            "exam-day-test-anxiety",
        ),
    ],
)
def test_a_long_posts_question_leads_over_a_score_feared_or_a_prelim_weighed(
    knowledge: Knowledge, text: str, topic: str, answer: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.topic, parsed.answer) == (topic, answer)


def test_a_long_posts_other_question_is_offered_as_the_answer_it_asks_for(knowledge: Knowledge) -> None:
    text = (
        "MS4 here, CK came back 247 and I'm applying pediatrics. Should I signal my home program or is that a "
        "waste? Also, will programs that already downloaded my application see the new score automatically, or "
        "do I have to resend it?"
    )
    assert "answer:timing-resend-scores" in understand(text, knowledge).also  # the first question leads


def test_two_questions_joined_by_and_also_in_one_sentence_are_both_heard(knowledge: Knowledge) -> None:
    text = (
        "MS4 at a US MD school, applying psych. CK came back 239 last week and my advisor thinks that's fine. Should I "
        "apply to more programs than usual, and also do programs even care about step 1 now that it's pass/fail?"
    )
    parsed = understand(text, knowledge)
    assert parsed.topic == "step1_pass_fail"  # the one after "and also"
    assert "answer:match-how-many-programs" in parsed.also  # and the one before it, read alone


def test_a_long_posts_question_leads_over_a_topic_none_of_its_questions_asks(knowledge: Knowledge) -> None:
    # the story (aways done, a score just out) was heard as "beyond your score"; both questions ask what a late
    # score does to an application already sent
    text = (
        "Score just posted, 251, applying ortho with 3 aways done. Should I email programs about the new score or "
        "let ERAS send it? Will programs that already reviewed me look again?"
    )
    parsed = understand(text, knowledge)
    assert (parsed.topic, parsed.answer) == ("score_before_interview", "sbi-score-posts-mid-season")


@pytest.mark.parametrize(
    ("text", "figures_alone"),
    [
        (  # "am I in good shape?" with a score and a field: the comparison, not how program directors use scores
            "262!!! UWSA2 had me at 255 so I'm thrilled. Applying ortho, Step 1 P. My home PD said their typical "
            "interviewee sits near 250. Am I in good shape now? Should I still do a 3rd away or is that overkill?",
            True,
        ),
        (  # a fail told: the distance to an average is no answer, so a topic answers
            "Applied gen surg with my Step 2 pending and got 4 invites, then it came back 209. Fail. Two programs "
            "cancelled within 48 hours. Should I withdraw and reapply with a pass? What retake score would they "
            "take seriously?",
            False,
        ),
    ],
)
def test_a_score_posts_unasked_topic_gives_way_to_the_comparison(
    knowledge: Knowledge, text: str, figures_alone: bool
) -> None:
    assert (understand(text, knowledge).topic is None) is figures_alone


@pytest.mark.parametrize(
    ("ident", "leads"),
    [
        ("match-how-many-programs", True),  # written for every stage (none listed)
        ("rt-how-soon", False),  # only for a retaker, who must say so
    ],
)
def test_a_sure_answer_leads_a_long_post_unless_only_for_a_stage_to_be_said(
    knowledge: Knowledge, ident: str, leads: bool
) -> None:
    question = "So what should I do about that now?"  # placed in no topic the story was heard as
    answer, _ = _asked_in_the_questions(
        [question],
        [(0.95, question, ident)],
        "ecfmg_certification",
        "i failed ck so what should i do about that now",
        None,
        False,
        lambda sentence: predict(model(), sentence, top=3),
        knowledge,
        "ecfmg_certification",
        False,
    )
    assert (answer == ident) is leads


def test_a_long_post_naming_a_field_with_no_score_and_no_average_asked_gets_its_questions_answered(
    knowledge: Knowledge,
) -> None:
    text = (
        "Week 6 since my exam and still no score, though the usual wait is 3-4 weeks. My roommate sat it a week "
        "after me and opened a 258 yesterday. I'm applying IM this fall. Should I email NBME or keep waiting? Does "
        "a late score mean something was flagged on my exam?"
    )
    parsed = understand(text, knowledge)
    assert parsed.intent == "faq" and parsed.score is None  # not IM's averages, nor the roommate's 258


@pytest.mark.parametrize(("fail_told", "topic"), [(False, "step1_vs_step2"), (True, "after_fail")])
def test_a_questions_fail_topic_leads_only_where_a_fail_was_told(
    knowledge: Knowledge, fail_told: bool, topic: str
) -> None:
    # "266!! walked out sure I'd failed... so what now?": a question the model places with the fail's topic
    question = "So what now, honestly?"
    placed = SimpleNamespace(topic=(("after_fail", 0.95),))
    _, chosen = _asked_in_the_questions(
        [question], [], "step1_vs_step2", "266", None, False, lambda _: placed, knowledge, "step1_vs_step2", fail_told
    )
    assert chosen == topic


def test_a_specific_answer_leading_leaves_its_topics_other_answers_offered(knowledge: Knowledge) -> None:
    text = (
        "Tested 5 weeks ago and still nothing, while two friends from the same week got theirs. Why would mine be "
        "held when theirs came out? It's been weeks now, what should I actually do next?"
    )
    parsed = understand(text, knowledge)
    assert (parsed.answer, parsed.also) == ("delay-score-held", ("answer:srd-no-score-yet",))  # the same topic


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        (
            "I planned to signal the program where I rotated; is that still smart or a wasted signal.",
            ["I planned to signal the program where I rotated; is that still smart or a wasted signal."],
        ),
        (
            "My running average is 68% — is that where people end up before scoring in the 250s. Tomorrow is a "
            "long shift.",
            ["My running average is 68% — is that where people end up before scoring in the 250s."],
        ),
        ("Tomorrow is a long shift; I'll do one block - maybe two.", []),  # no clause asks anything
    ],
)
def test_a_question_after_a_semicolon_or_a_dash_is_read_as_one(text: str, asks: list[str]) -> None:
    assert _question_sentences(text) == asks


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("another 58% block. why am i like this", None),  # asked of themselves: no answer on why Step 2 matters
        ("why does step 2 matter so much now", "why_step2_matters"),
        ("why do i need to take step 2 at all", "why_step2_matters"),
        # the exam's weight asked too: the question, not a vent (review35 M2)
        ("why can't i stop worrying about step 2, is it really that important for residency?", "why_step2_matters"),
    ],
)
def test_a_why_asked_of_themselves_is_not_why_step2_matters(knowledge: Knowledge, text: str, topic: str | None) -> None:
    assert understand(text, knowledge).topic == topic


def test_a_short_messages_question_read_alone_names_its_answer(knowledge: Knowledge) -> None:
    # the message whole leans to "how many questions are enough"; its question, alone, asks which bank (ar)
    text = (
        "is uworld enough for ck or do i need amboss as well?? a classmate swears by some podcast for the final week. "
        "honestly so tired of buying stuff"
    )
    assert understand(text, knowledge).answer == "ss-which-qbank"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("walked out feeling like i failed, does that mean i did", "diff-felt-awful"),  # waiting: the feeling is asked
        ("I failed and feel terrible", None),  # a result told: no answer written for the wait
        ("took ck and failed", None),
    ],
)
def test_an_answer_for_the_wait_is_for_no_one_who_tells_the_result(
    knowledge: Knowledge, text: str, answer: str | None
) -> None:
    parsed = understand(text, knowledge)
    assert parsed.answer == answer
    if answer is None:
        assert parsed.topic == "after_fail"  # the fail told is answered as a fail


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("took ck in october and failed, what now", "after_fail"),  # sat and failed: a fail
        # sat, result unknown, a fail feared: the answer written for that wait
        ("took CK 2 weeks ago and im convinced i failed. guessed on so many", "difficulty"),
    ],
)
def test_a_fail_told_after_the_exam_is_not_read_as_a_fear(knowledge: Knowledge, text: str, topic: str) -> None:
    assert understand(text, knowledge).topic == topic


def test_a_long_posts_question_outside_step2_ck_is_declined_beside_the_answer(knowledge: Knowledge) -> None:
    text = (
        "Matched IM at my #2 and my CK was 243, so I'm done with applications. Two things: do I need to send my "
        "final transcript anywhere before July? And should I take Step 3 early in intern year or wait?"
    )
    assert "outside:step3" in understand(text, knowledge).also


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("my mentor says don't worry about scores but he also matched in 1998 lol", False),
        ("she matched into derm with a 250 last year", False),
        ("i also matched at my #1!!", True),
        ("matched uro median is like 250 right? mine's a bit below", False),  # the matched group's figure
        ("MATCHED peds 🎉 what do i need to do before july?", True),
        ("Matched IM! scores were 235 and 241 for anyone wondering", True),  # news, then figures for others
    ],
)
def test_someone_elses_match_is_not_their_news(text: str, matched: bool) -> None:
    assert just_matched(normalize(text)) is matched


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # a pass with no fail before it is no retake's: the feeling said stands
        ("passed with 221. feel like a failure, is EM over for me?", "failure"),
        ("honestly embarrassed, passed with 221 and all my friends got 250s", "shame"),
    ],
)
def test_a_pass_told_without_a_fail_before_it_is_no_retakes(knowledge: Knowledge, text: str, feeling: str) -> None:
    parsed = understand(text, knowledge)
    assert parsed.feeling == feeling and parsed.status != "passed"


def test_a_fail_answer_is_never_offered_to_a_student_who_told_of_none(knowledge: Knowledge) -> None:
    text = (
        "Just got my CK back, 252, and I'm applying internal medicine this fall with a couple of research posters. "
        "Signals are mostly planned out. So what should I do next?"
    )
    parsed = understand(text, knowledge)
    assert not any("after_fail" in label or "af-" in label for label in parsed.also)
    assert parsed.topic != "after_fail"


@pytest.mark.parametrize(
    ("text", "range_", "score"),
    [
        # a practice range with nothing else stands as the range asked about
        ("practice scores 235-245, what should I expect on the real thing for 100 programs", (235, 245), None),
        ("practice 235-245 and i want 260 for derm", (235, 245), None),
        ("is 240-250 enough for ortho", (240, 250), None),
    ],
)
def test_a_range_stands_unless_a_result_is_told_beside_it(
    knowledge: Knowledge, text: str, range_: tuple[int, int], score: int | None
) -> None:
    parsed = understand(text, knowledge)
    assert (parsed.range, parsed.score) == (range_, score)


@pytest.mark.parametrize(
    "text",
    [
        "I know a dermatologist in Houston who said 245 is enough for derm, is that true?",
        "do I need an ENT in my letters to match ENT?",
        "should I find a doctor in my program to write my LOR?",
    ],
)
def test_a_doctor_named_for_the_application_is_no_care_sought(knowledge: Knowledge, text: str) -> None:
    assert understand(text, knowledge).intent != "out_of_scope"


def test_numbered_questions_without_punctuation_are_read_one_by_one(knowledge: Knowledge) -> None:
    text = (
        "ok so context: step 1 was scored, 236 (meh). NBME 11 last night was 244. exam is feb 12. 1) is 244 decent "
        "for IM 2) will my step 1 follow me to fellowship apps 3) can u remind me every night at 9 to do a block"
    )
    assert "answer:why-fellowship" in understand(text, knowledge).also  # was lost inside one long "sentence"


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("Is it normal to feel like you failed when you didn't?", "worry"),  # a fail feared, none told (review35)
        ("I failed step 2 and feel like i failed at life", "failure"),  # a fail told, felt too
    ],
)
def test_a_fail_felt_but_not_told_is_a_worry(kb: Knowledge, text: str, feeling: str) -> None:
    assert understand(text, kb).feeling == feeling


def test_a_stress_word_said_of_someone_else_is_not_the_writers_feeling(kb: Knowledge) -> None:
    text = "PGY2 IM. my sister is an MS3 and freaking out about a 231 practice score. what should I tell her"
    parsed = understand(text, kb)
    assert parsed.feeling is None and parsed.score is None  # her practice result, her panic
    assert understand("im freaking out, nbme 10 was 221", kb).feeling == "panic"


def test_a_number_called_a_practice_score_is_no_step2_score(kb: Knowledge) -> None:
    parsed = understand("got a 244 practice score last week, good for EM?", kb)
    assert parsed.score is None and parsed.practice_score == 244


@pytest.mark.parametrize(
    ("text", "topic", "status"),
    [
        # the pass mark checked, beside their own old score: the mark answers it, not the retake rules
        (
            "first attempt 203. just got 219 on NBME 13, retake in two days. the line is 218 now right??",
            "passing_score",
            None,
        ),
        # the exam sat, said with its day
        ("nbmes were 219, 224, 231. tested monday. what are the odds i passed", "passing_score", "taken"),
    ],
)
def test_the_pass_mark_checked_and_the_exam_sat_are_read(kb: Knowledge, text: str, topic: str, status: str) -> None:
    parsed = understand(text, kb)
    assert (parsed.topic, parsed.status) == (topic, status)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("fail 210. planning retake in 8 weeks. can i still apply with a fail + pass?", "failed"),
        ("ck 209 fail. IM still possible?", "failed"),
        # the fail said, its number in brackets after it (ar: had been set 40 points under the IM average)
        ("applying IM with the fail already on my record (first attempt 210). will programs wait?", "failed"),
        ("my friend failed with 209, what should she do", None),  # hers
        ("pass/fail 209 on my ck and 245 on my shelf average, confused what counts", None),  # a word, not a verdict
        ("first attempt 203. just got 219 on NBME 13, retake in two days", None),  # a fail behind them, not news
    ],
)
def test_a_number_said_as_a_fail_is_the_students_fail(kb: Knowledge, text: str, status: str | None) -> None:
    assert understand(text, kb).status == status


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the fail is the news, its questions the retake's: not when to take the exam, and the fail is felt
        (
            "I failed. Still haven't told anyone and my whole class is posting 240s. Where do I even start again, "
            "same qbank or a new one? Do I take time off rotations?",
            "after_fail",
        ),
        # a fail behind them, then another question: that question leads
        (
            "failed ck last year, passed the retake with 229, now applying IM this cycle and honestly nervous. how "
            "many programs should i apply to with that history? and do i need to explain it in my personal statement?",
            None,
        ),
    ],
)
def test_a_post_that_opens_with_its_fail_is_about_the_fail(kb: Knowledge, text: str, topic: str | None) -> None:
    parsed = understand(text, kb)
    if topic is not None:
        assert parsed.topic == topic and parsed.answer is None
        assert parsed.feeling in ("failure", "shame", "disappointment")
    else:
        assert parsed.answer is not None  # a question asked gets its own answer, not the general one after a fail


@pytest.mark.parametrize(
    ("text", "signals"),
    [
        (
            "took step 2 last week, level 2 came back 598. does that tell me anything? desperate for any signal lol",
            False,
        ),
        ("how many signals should i send for EM, and is a signal to my home program wasted?", True),
    ],
)
def test_a_signal_as_a_sign_is_no_program_signal(kb: Knowledge, text: str, signals: bool) -> None:
    assert (understand(text, kb).topic == "signals_geography") is signals


def test_going_over_the_exam_again_and_asking_if_that_is_normal_is_met_not_looked_up(kb: Knowledge) -> None:
    parsed = understand("3 weeks of waiting. I keep replaying hyponatremia questions in the shower. is this normal", kb)
    assert parsed.intent == "vent" and parsed.feeling == "worry"


def test_a_posts_questions_are_answered_in_the_order_asked_when_the_model_is_sure_of_each(kb: Knowledge) -> None:
    text = (
        "MS4, applying IM this cycle. Step 1 pass, CK came back last week 236, lower than my NBMEs. Three questions: "
        "1) is 236 going to get me filtered at university programs? 2) should I mention the drop anywhere in my "
        "application or just leave it? 3) how many programs should I apply to now?"
    )
    parsed = understand(text, kb)
    assert parsed.answer == "mwa-academic-programs"  # the first question leads, the surest (the third) follows
    assert parsed.also.index("answer:match-how-many-programs") > 0


def test_strain_in_a_long_post_is_met_only_where_words_say_it(kb: Knowledge) -> None:
    happy = (
        "I think it went WELL?? first time in my life walking out of a standardized test feeling good. MS4, applying "
        "derm, took CK 2 weeks ago. practice: NBME 13 257, NBME 14 262, UWSA2 269. I have 4 pubs. my question: if I "
        "break 255, is that enough that I don't need a research year? and do derm programs review before the score?"
    )
    assert understand(happy, kb).feeling != "stress"
    low = happy.replace(
        "I think it went WELL?? first time in my life walking out of a standardized test feeling good.",
        "I feel kind of pathetic posting this, miserable and weirdly resentful of my friend's 258.",
    )
    assert understand(low, kb).feeling is not None  # a hard feeling said in other words is still met
    scared = happy.replace(
        "I think it went WELL?? first time in my life walking out of a standardized test feeling good.",
        "I'm so stressed and scared about this.",
    )
    assert understand(scared, kb).feeling in {"stress", "worry", "panic"}


@pytest.mark.parametrize(
    "text",
    [
        "could you keep me accountable? i keep saying i'll do two blocks tomorrow and then i don't. exam end of may",
        "i need someone to hold me accountable lol",
        "help me organize my time, retaking in about 10 weeks after failing by 4",
        "whats the smartest way to split 6 weeks? can u lay it out for me week by week",
        "exam moved to november so i have 11 weeks now?? can you redo my plan",
        "wiped from my IM sub-I and ck is in 5 weeks, can you just tell me what to do each day until test day",
        "need a daily game plan for the final 10 days, did every nbme but 13",
        "new baby at home so ~2 hrs a night. 9 weeks out, aiming 240+ for IM. help me structure something realistic?",
    ],
)
def test_a_plan_asked_for_in_other_words_is_the_plan_set_up(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).intent == "study_plan"


@pytest.mark.parametrize(
    "text", ["help me organize my ERAS application", "i need a game plan for the match", "did 40 qs today, 62%"]
)
def test_no_study_plan_where_none_is_asked(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).intent != "study_plan"


def test_a_long_post_of_distress_in_any_words_keeps_its_strain(kb: Knowledge) -> None:
    """From a stranger-style review of this rule: distress said without a stress word, in a post of 400 characters."""
    text = (
        "exam is in 9 days and I feel like I'm drowning. my last two nbmes were 224 and 226 and I need at least a 240 "
        "for the programs I want in IM. I keep rereading the same uworld explanations and nothing sticks anymore. my "
        "heart races every time I open a block and I haven't slept more than 4 hours in days. my partner says I should "
        "push but I don't even know what's real anymore. I'm falling apart honestly."
    )
    assert understand(text, kb).feeling == "stress"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("whats the avg step 2 for gas these days?", "average"),
        ("derm step 2 mean for matched US MDs? my sister matched derm in 2019 with like a 260", "average"),
        ("ck 255. rads is off the table for personal reasons, what else fits this score", "score_fit"),
        ("Got 262 on ck. derm and ortho have both crossed my mind but what else is in range", "score_fit"),
        ("three digit score came back 239. which specialties fit my score? not gen surg pls", "score_fit"),
        ("got 241, is it ok for IM?", "score_check"),
    ],
)
def test_the_score_frames_hold_through_slang_hearsay_and_fields_ruled_out(
    kb: Knowledge, text: str, intent: str
) -> None:
    assert understand(text, kb).intent == intent


@pytest.mark.parametrize(
    ("text", "intent", "fields"),
    [
        ("median ck for peds, fm, im per nrmp", "compare", {"pediatrics", "family-medicine", "internal-medicine"}),
        ("got 244. decent for community im?", "score_check", {"internal-medicine"}),
        ("comlex 2 was 601 and my ck 246, what should i be applying to", "score_fit", set()),
        ("whats the typical ck for path matches", "average", {"pathology"}),
        ("peds vs straight im, which one scores higher on ck", "compare", {"pediatrics", "internal-medicine"}),
        ("is psych a lot lower than im on ck", "compare", {"psychiatry", "internal-medicine"}),
        ("half a block today, 80%", "log_progress", set()),
        ("fm, im so tired of studying", "average", {"family-medicine"}),  # "I'm", after one field and a comma
        ("step 2 averages for psych vs neuro?", "compare", {"psychiatry", "neurology"}),
        ("avgs for gas? im a DO, comlex only so far", "average", {"anesthesiology"}),
        ("DO here, comlex L2 580, no usmle yet. whats the average step 2 for em", "average", {"emergency-medicine"}),
        ("uro vs ent step 2 means?", "compare", {"urology", "otolaryngology"}),
        ("study plan for ck 5 weeks out applying peds", "study_plan", {"pediatrics"}),
        ("ck came back 243. what is my scope for residency?", "score_fit", set()),
        ("step 2 was 236, where do i stand", "score_fit", set()),
    ],
)  # fmt: skip
def test_the_core_frames_hold_for_fields_listed_qualified_or_weighed(
    kb: Knowledge, text: str, intent: str, fields: set[str]
) -> None:
    """Phrasings fresh sets of core-frame messages found misread: IM in a list of fields or after "community",
    "straight" or "academic", a field's matches, "lower than", "what should i be applying to", half a block logged,
    averages in the plural, a DO on COMLEX asking a field's Step 2 CK average, a plan named first, an IMG's "scope"."""
    parsed = understand(text, kb)
    assert (parsed.intent, set(parsed.specialties + parsed.other_specialties)) == (intent, fields)


@pytest.mark.parametrize(
    ("text", "intent", "fields", "score"),
    [
        ("my bf is going gen surg and i want gas. whats the avg ck for each?", "compare",
         {"general-surgery", "anesthesiology"}, None),
        ("how do psych and neuro stack up against each other on ck", "compare", {"psychiatry", "neurology"}, None),
        ("is path lower than fm on step 2", "compare", {"pathology", "family-medicine"}, None),
        ("nbme 30 was 251. if i get 250 on the real exam is that competitive for ent?", "score_check",
         {"otolaryngology"}, 250),
        ("if i land a 235 is path still ok", "score_check", {"pathology"}, 235),
        ("IMG, 247 on ck, thinking im. chances?", "score_check", {"internal-medicine"}, 247),
        ("step 1 was p/f so ck is my only usmle number: 238. what fits?", "score_fit", set(), 238),
        ("step 2 came back two forty four, can you give me a sense of where that lands", "score_fit", set(), 244),
        ("scored a 2-4-6 on ck, which specialties fit", "score_fit", set(), 246),
        ("2 hundred 52 on step 2, what fields fit", "score_fit", set(), 252),
        ("what fields is a 249 above avg for", "score_fit", set(), 249),
        ("would really like check-ins a couple times a week to keep me honest, exam in october", "study_plan",
         set(), None),
        ("i do 2 hrs a day on wards, can you turn that into a real schedule till my exam", "study_plan", set(), None),
        # what those rules must leave alone
        ("i'll check in once i finish uworld, what's the avg for psych", "average", {"psychiatry"}, None),
        ("my roommate is going ortho, i want peds. 2 uworld passes for each system or 1?", "faq", {"pediatrics"}, None),
        ("got questions 2-4-6 wrong on block 3, 70% overall", "log_progress", set(), None),
    ],
)  # fmt: skip
def test_the_core_frames_hold_for_each_field_asked_real_exam_scores_and_spelled_scores(
    kb: Knowledge, text: str, intent: str, fields: set[str], score: int | None
) -> None:
    """Phrasings fresh sets found misread: both fields asked "for each" though one is a partner's, "stack up against
    each other", a field set "lower than" another, a supposed score "on the real exam" beside a practice result, a
    score before "is path still ok", "thinking im.", a score told as "my only USMLE number: 238", spelled "2-4-6" or
    "2 hundred 52", "where that lands", "above avg for", check-ins asked for, hours turned into a schedule."""
    parsed = understand(text, kb)
    got = (parsed.intent, set(parsed.specialties + parsed.other_specialties), parsed.score)
    assert got == (intent, fields, score)


@pytest.mark.parametrize(
    "text",
    [
        "ok so 7 wks out and i genuinely dont know what monday should look like. or any day tbh",
        "what should my days look like from now til oct 3",
        "took uwsa1 yesterday, 221. test is in 4 weeks. what should the next 28 days look like",
        "on IM sub-I till the 15th then exactly 3 weeks off before test day. how do i split that",
        "need structure. badly.",
        "the plan isnt working, i have clinic thursdays now. can u shift stuff around",
        "uworld by system first then random. 8 weeks. how many days per system?",
    ],
)
def test_the_days_shape_asked_without_naming_a_plan_is_the_plan_set_up(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).intent == "study_plan"


@pytest.mark.parametrize(
    "text",
    [
        "what would my chances look like with 240 on step 2 for IM",
        "exam in 4 days, how should I use the last days?",
        "how do i split my time between ERAS and studying?",
    ],
)
def test_the_days_shape_is_no_plan_where_something_else_is_asked(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).intent != "study_plan"


@pytest.mark.parametrize(
    "text",
    [
        "retake booked for the 3rd. failed by 4 points. i'm a failure and i hate myself",
        "my retake is in 10 days. failed the first time with 209. i feel like such a failure",
    ],
)
def test_a_retaker_who_says_they_feel_a_failure_is_met(kb: Knowledge, text: str) -> None:
    assert understand(text, kb).feeling == "failure"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("im currently at 238 on nbmes, exam in 3 weeks", "log_progress"),
        ("im rn so stressed, exam in 5 days", "vent"),
        ("what does my step 2 score mean for my chances at derm", "faq"),
    ],
)
def test_im_and_mean_read_as_words_not_a_field_or_an_average(kb: Knowledge, text: str, intent: str) -> None:
    parsed = understand(text, kb)
    assert parsed.intent == intent and "internal-medicine" not in parsed.specialties


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # "im" trailing off is "I'm", not internal medicine
        ("244 and im... fine with it? weird reaction lol. what percentile is that", "specialties", ()),
        ("applying im... what's the avg", "specialties", ("internal-medicine",)),  # "applying" names a field next
        ("peds or im... which has the lower avg", "specialties", ("pediatrics", "internal-medicine")),
        # a Prometric date moved is asked about, not a plan to build
        ("how do i reschedule my prometric date, is there a fee", "answer", "timing-reschedule"),
        # medicine itself, with or without a field's name beside it, is declined kindly
        ("epi dose for anaphylaxis IM?", "intent", "out_of_scope"),
        ("first line for strep throat if pt is pcn allergic?", "intent", "out_of_scope"),
        ("quick one for my step 1: brca1 is tumor suppressor or oncogene?", "intent", "out_of_scope"),
        ("i keep forgetting the first line in hypertension, is that normal before the exam", "intent", "faq"),
        ("how should i start the first line of the personal statement for IM", "intent", "faq"),
        ("what dose of uworld per day is reasonable for IM", "intent", "faq"),
        ("any tips for IM questions if the patient has multiple comorbidities", "intent", "faq"),
        # joy for a friend beside a letdown of their own is no celebration
        (
            "my best friend got 259 on nbme 13 and i got 231. happy for her but also kinda want to scream",
            "feeling",
            "disappointment",
        ),
        # relief beside embarrassment: the embarrassment is met
        ("passed w a 219. relieved but also embarrassed. who is even gonna look at me", "feeling", "shame"),
        ("passed w a 219. so relieved!!", "feeling", "relief"),
        # how much of the bank is done is no score of it; a bank's percent read for passing goes to practice tests
        ("usmd m3, do i need to finish all of uworld or is 70% fine", "answer", "ss-how-many-questions"),
        ("IMG, 6 months to go, 58% UW first pass. will that even pass?", "topic", "practice_tests"),
        # one exam's scores beside another's, not a release date
        ("img, old step 1 score 221. do ck scores usually come out higher?", "topic", "step1_vs_step2"),
        ("when do ck scores come out", "topic", "score_release"),
        # a field's scores asked in other words get its averages
        ("what CK score do ortho programs actually want these days", "intent", "average"),
        ("is neuro forgiving on step 2 or nah", "intent", "average"),
        # a fear asked with no question mark, beside a pass told
        ("PASSED THE RETAKE. 226 after a 207. does the fail follow me forever or", "answer", "rt-programs-see-fail"),
        # tears of the heart beside a friend's joy, and shame after a short relief
        (
            "roommate got 268 the same day i got 241. happy for her but i feel like trash. is 241 bad for gas?",
            "feeling",
            "disappointment",
        ),
        ("passed w a 219 lol. relief for 5 min then shame. is psych still on the table", "feeling", "shame"),
        # a friend's joy and number are hers: no congratulations for a score still to come
        (
            "she got her score today (she's thrilled, 258) and I still haven't gotten mine. is something wrong?",
            "feeling",
            None,
        ),
        ("she got her score today (she's thrilled, 258) and I still haven't gotten mine", "score", None),
        # a question asked after the feeling, with no question mark, is still asked
        ("So stressed about signals rn. do i waste one on my home OB program", "topic", "signals_geography"),
        # a fail weighed for the match is no question of the exam's difficulty
        ("does one CK fail mean no IM program will take me or is it just harder", "answer", "af-can-still-match"),
        # a DO on COMLEX alone asking what it is worth: their question, not nothing at all
        (
            "COMLEX L2 is 498 and I didn't take USMLE. a friend at another DO school had 520. Is 498 ok for psych? "
            "Will MD programs even know how to read it. honestly a little panicky",
            "topic",
            "do_without_usmle",
        ),
        # a practice test's hardness is no question of the exam's
        ("free 120 at 71% two weeks out. is the new free 120 harder than the old one?", "topic", "practice_tests"),
        (
            "ppl keep saying do the free 120 in the last week bc its the most like the real thing. is that true for ck "
            "or just step 1?",
            "topic",
            "practice_tests",
        ),
        # "bring it up" in an interview, or a score pushed up, moves no exam (review31)
        ("nbme 230, how do i push it up to 245", "answer", None),
        # a target thought of is no result, and a friend's score dwelt on is hers (review31)
        ("im thinking 245 would be safe for anesthesia, nbmes 238 240", "hypothetical", True),
        ("my friend keeps thinking about her 228, will IM programs care", "hypothetical", True),
        ("i keep thinking about my 228. will IM programs care", "hypothetical", False),
        ("how do i get better at OB, my nbme 11 was 229", "specialties", ()),
        ("do programs see my nbme scores? i failed nbme 9 lol, 205", "answer", "pt-results-private"),
        # a delay asked with a level to reach, not a score delay
        (
            "my nbmes have been in the 240s, exam in 2 weeks, should i delay to hit 250",
            "topic",
            "timing",  # whether to delay: `respond` answers it (tests/test_conversation.py)
        ),
        # an earlier date asked about is timing, not a delay (review30)
        ("should i move my test up? nbmes 250 255 and i'm bored", "answer", "timing-reschedule"),
        # a question's number in a list is no score
        (
            "M2 here. 1) should i start CK prep now 2) do shelves matter 3) what counts as a good step 2 score",
            "score",
            None,
        ),
        # a move supposed is not a move made; a release-day ping asks when scores come out
        ("if my UWSA2 next week is under 230, tell me to move my date", "intent", "faq"),
        ("pushed my exam 3 weeks", "intent", "exam_moved"),
        ("can u ping me the day my score drops? tested on the 14th", "topic", "score_release"),
        # a practice result asked "score-wise" is read as the result it is
        ("free 120 at 78% two weeks out, what does that usually mean score-wise", "intent", "practice_score"),
        # the test centre's cancellation is asked about, not a move of theirs; a move made keeps its new date
        ("prometric cancelled my ck what now", "answer", "ed-center-cancels-exam"),
        ("exam was may 3, had to push back to june 10", "intent", "exam_moved"),
        # "come out higher" compares exams only when another is named; a type of test compared is the answer model's
        (
            "when do scores come out? and do they come out higher if you test in the morning lol",
            "topic",
            "score_release",
        ),
        ("got 241 on uwsa1, how accurate is uwsa2 compared to nbmes?", "answer", "pt-uwsa-vs-nbme"),
        ("Last NBME was 221 four days out. is 221 close to the real score?", "intent", "practice_score"),
        # a friend's news is no celebration of theirs
        ("so happy for my roommate, she got 265", "feeling", None),
        ("happy for my friend who got 260 but im so scared ill bomb mine next week", "feeling", "worry"),
        # a run of results told with ", then" is one exam's run; asked about being an IMG is not said to be one
        ("nbmes went 251, then 229, then 244. am i ready?", "intent", "practice_score"),
        ("im an international student at a US med school, do i count as an IMG for the match?", "school", None),
        ("im an img, step 2 in june", "school", "img"),
        # a near miss is a pass
        ("intern now, almost failed ck back in the day. will that matter for fellowship?", "status", None),
        # joy of their own stays joy
        ("just got my score, 249, happy for myself honestly", "feeling", "celebration"),
        # whether a strong CK makes up for a weak scored Step 1, asked with or without a question mark
        ("old step 1 was 209 and i want gas. can a good ck fix that or am i done", "answer", "s1s2-offset-low-step1"),
        # a run of practice results falling, asked about: what a fall means
        ("nbmes went 244, 240 then 235. why am i going down??", "answer", "pt-score-dropped"),
        # buying real questions is asked about, and answered
        ("a guy is selling ck recalls in our group, is it risky to buy them?", "answer", "ss-recalls"),
        # raising the gap in an interview is what to say in the room
        (
            "my nbmes were 250s and i got 236 on ck. should i mention the dip in interviews?",
            "answer",
            "interview-score-question",
        ),
        # scores asked about as inflated over the years
        ("my dad says his 232 from 2012 would look bad now. scores inflated?", "answer", "oa-year-to-year"),
        # what a practice result points to, asked as the score to expect
        ("uwsa2 came back 251, what score should i expect on the real thing", "intent", "practice_score"),
        # the exam felt awful, told after sitting it: the fear, not the scores' release day
        (
            "cried at the testing center, nbme was 240 last week but today felt impossible. does that mean anything?",
            "answer",
            "diff-felt-awful",
        ),
        # a friend's result told beside theirs without joy, relief only supposed, good news shouted in capitals
        ("she got 258 and i got 244, not even into derm lol. what fits my score", "feeling", None),
        ("honestly i would cry with relief at 232. is 232 a deal breaker for fm", "feeling", "worry"),
        ("GUYS I GOT A 264. i need to tell someone. what percentile is that", "feeling", "celebration"),
        # a date moved close to the exam, asked with its cost; a rank list's order agonised over
        ("4 days till ck, can i still change my date without paying a fortune?", "answer", "timing-reschedule"),
        ("rank list due friday and im torn between my top two programs", "answer", "match-algorithm"),
        # ...and their lookalikes: research made up for, a delay asked in distress, a gap year, forms in no order,
        # a feeling of deflation, active recall
        ("step 1 was 252 but i have zero research. can a good ck make up for that for derm?", "answer", None),
        ("should i push my exam back? nbmes stuck at 225 and i'm losing my mind", "answer", "timing-delay-or-pending"),
        ("should i mention my gap year in interviews?", "answer", None),
        ("nbme 13 was 251 this week, nbme 10 was 238 last month. is nbme 10 known to run lower?", "answer", None),
        ("step 2 score: 229. deflated.", "topic", None),
        ("is active recall good for step 2?", "answer", None),
        # fainting is no pass; thanks with a stop asked is the stop
        ("I PASSED OUT IN THE TESTING CENTER", "status", None),
        ("panicked at the prometric practice session yesterday, should i do another one", "status", None),
        ("thanks for the reminders, you can stop them now, exam's done", "intent", "study_plan"),
        # a retake asked about is no retake passed, so no relief
        ("went unmatched in march, step 2 was 226. can i retake a step i already passed?", "feeling", "disappointment"),
    ],
)
def test_short_messages_read_as_meant(knowledge: Knowledge, text: str, field: str, expected: object) -> None:
    assert getattr(understand(text, knowledge), field) == expected


def test_an_answer_for_one_stage_only_leads_only_where_that_stage_is_said(knowledge: Knowledge) -> None:
    applicant = understand(
        "it's mid november and I have ZERO EM interviews. step 2 is 239, SLOEs are fine, applied to 55 programs. my "
        "classmate with a 241 has 8 already. I genuinely don't know what's wrong with my app. is it the score? should "
        "I start thinking about SOAP now? what can I even do at this point. trying not to panic but I'm panicking",
        knowledge,
    )
    assert "s1pf-preclinical-plan" not in (applicant.answer, *applicant.also)
    assert "answer:s1pf-preclinical-plan" not in applicant.also
