"""bot/stage.py: the student's stage from this message first, then from what we remember."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.stage import stage_of
from bot.student import About
from bot.understand import understand
from knowledge import Knowledge
from knowledge.text import normalize

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "about", "stage"),
    [
        ("i matched IM! do i need to tell my PD about my ck score", About(), "incoming_resident"),
        ("cant eat cant sleep, 16 more days till my score", About(), "waiting"),  # the days to the score
        ("at the pre interview dinner a resident said they dont rank under 230. im 228", About(), "interviewing"),
        ("incoming intern here, failed ck, what do i tell my program", About(), "incoming_resident"),
        ("i'm a pgy-1 now, does my ck still matter", About(), "incoming_resident"),
        ("would i need a separate pgy-1 year for ophtho?", About(), None),  # asked about, not said of themselves
        # a resident already, said first or as theirs: past the match too
        ("PGY1 FM. mine's 218, lowest in my class. is this going to follow me", About(), "incoming_resident"),
        ("PGY1 in gen surg now, just want to know if my CK follows me", About(), "incoming_resident"),
        # a resident switching fields applies again; an applicant ranks an intern year, not in one
        ("PGY2 in gen surg now, thinking of switching to anesthesia", About(), "applying"),
        # a deadline asked is no start said
        ("applying IM with 255. does H-1B need Step 3 before starting residency?", About(), "applying"),
        ("should i switch to amboss for the last month", About(), None),
        # someone else applying is not their application
        ("M3 here. my friend (applying derm, so take that for what it's worth) says 250 is the median", About(), None),
        ("my friend is applying derm and im applying IM with 240, ok?", About(), "applying"),
        # the exam's own application is no residency application
        ("my usmle application has a typo in my name, will that matter on test day", About(), None),
        ("M3, so stressed. all my friends are applying derm and I'm not sure about my 245", About(), None),
        # a prelim feared or a friend's, or a switch that is no field's, leaves a match a match (review26 #7)
        (
            "Matched IM categorical!! I was so scared I'd end up prelim only. anything to do before july?",
            About(),
            "incoming_resident",
        ),
        (
            "just matched EM, my CK was 244. should I switch out of my research job now or finish it?",
            About(),
            "incoming_resident",
        ),
        # matched to a prelim year only, or a field they mean to leave: applying again, so the score still counts
        ("matched prelim surgery only, no categorical spot. will my CK (241) help next year?", About(), "applying"),
        ("matched prelim, no advanced spot. do i need ck again?", About(), "applying"),  # no categorical nor advanced
        ("matched psych but wondering about neuro. would my 246 let me switch after PGY1?", About(), "applying"),
        # a resident of a state, an intern at a lab, a PGY-1 asked about, a resident asked for: applicants still
        ("I'm a resident of Texas, does that help for UT programs? ck 238, applying IM", About(), "applying"),
        ("im an intern at a research lab during my gap year, got 241 on ck, IM realistic?", About(), "has_score"),
        ("is pgy1 in a prelim year harder than categorical? ck 236", About(), None),
        ("is there any resident here who matched derm with a 240", About(), None),
        # a student who failed and names another field is retaking, not applying again
        ("i failed step 2 (211). thinking of switching to psych, is that realistic now?", About(), "retaking"),
        ("I have 14 rads interviews. do I pick the intern year based on location or quality?", About(), "interviewing"),
        ("intern year starts in 3 weeks and i never opened my ck report", About(), "incoming_resident"),
        ("do i need step 3 done before pgy2?", About(), None),
        ("matched prelim surgery last year, now reapplying categorical gen surg", About(), "applying"),
        ("matched IM!! do i need to reapply for ecfmg certification before july?", About(), "incoming_resident"),
        ("interview invites are slow, does step 2 matter now", About(), "interviewing"),
        ("will programs use my ck when making their rank lists?", About(), "interviewing"),
        ("do they bring up scores in ranking meetings", About(), "interviewing"),
        ("got 6 FM interviews so far, does my ck even matter now", About(), "interviewing"),
        ("finished my 8th IM interview yesterday, should I send a letter of intent?", About(), "interviewing"),
        ("my program needs step 2 passed by june 1 or they'll rescind my contract", About(), "incoming_resident"),
        ("my contract at the research lab ends in may, can i take ck in june?", About(), None),  # no residency's
        ("did my 3rd practice interview today with my advisor", About(), None),  # practice, not a program's
        ("in my second interview they asked about my step 2", About(), "interviewing"),
        ("interview at my top IM program next week, will they ask about my score?", About(), "interviewing"),
        ("still no interviews at any program this week, is it my score?", About(), None),
        ("I have mock interviews with my advisor next week before I apply", About(), None),
        ("interview tmrw, will they ask my score", About(), "interviewing"),
        ("applying derm, sitting on 9 interviews, CK 252. do PDs look at it now?", About(), "interviewing"),
        ("9 IIs for derm so far with a 252", About(), "interviewing"),
        ("peds applicant, 11 interviews. is 11 enough??", About(), "interviewing"),  # counted beside the application
        ("applying IM, need like 12 interviews to feel safe. is 236 enough?", About(), "applying"),  # hoped for
        ("applicant for FM, is 12 interviews enough to match?", About(), None),  # asked about
        ("my step 2 is back to back with my surgery shelf next month, how do i prep?", About(), None),  # not a result
        # the result in hand, said of the exam: "today" is when it came, not an exam date ahead
        ("got my ck back today, 241. am i cooked for gen surg?", About(), "has_score"),
        ("ck came back 244 this morning, is that ok for IM?", About(), "has_score"),
        ("i get my ck back friday and i cant sleep", About(), "waiting"),
        ("pushed my ck back a month, new date 10/22. is that going to mess up ERAS?", About(), "studying"),  # ahead
        ("Step 2 CK is Feb 27. is there any point taking it if im applying FM?", About(), "studying"),
        ("9 interviews in, does CK matter for ranking", About(), "interviewing"),
        ("hoping for 10 interviews in IM, is 240 enough?", About(), None),  # a hope, in a field
        ("I have no research but 9 interviews so far, is 245 ok for IM?", About(), "interviewing"),
        ("0 interviews so far, is it my score", About(), None),  # none yet: still applying, not interviewing
        # a friend's interviews are not theirs: "and i have zero"
        ("applying EM. my friend got 4 interviews already and i have zero. is it my 233?", About(), "applying"),
        ("how many interviews do people need for IM", About(), None),  # asked about, not had
        ("scared i'll end up with 2 interviews, exam is next month", About(), "studying"),  # feared, not had
        ("is 15 interviews enough for IM", About(), None),
        ("submitting ERAS next week, should i list ck as pending", About(), "applying"),
        ("waiting for my score, when does it come out", About(), "waiting"),
        ("took it 3 weeks ago and i get my score tomorrow, what time does it post", About(), "waiting"),
        ("score is due wednesday and i can't sleep", About(), "waiting"),
        ("ms1 here, how much does ck matter", About(), "preclinical"),
        ("OMS-1 and already stressed lol, do DOs need usmle?", About(), "preclinical"),  # an osteopathic first year
        ("path has been my plan since second year. got a 226, still on the table?", About(), "has_score"),
        (
            "got 228 and I was hoping for derm. I've done derm research since M1. is a research year worth it?",
            About(),
            "has_score",
        ),
        ("been set on derm since M1, how much does ck matter for it?", About(), None),  # a year behind them
        ("i got 251 on ck", About(), "has_score"),
        ("took ck in august, my score came out today: 246", About(), "has_score"),
        ("took ck in august, if it comes back 246 is that ok", About(), None),  # only supposed: none in hand
        ("how should i use my last week", About(exam_date="2026-12-20"), "studying"),
        ("how should i use my last week", About(exam_date="2026-11-20"), None),
        ("what now", About(status="failed"), "retaking"),
        ("what now", About(status="taken"), "waiting"),
        ("what now", About(), None),
        # thirty-first stop (and review39 M2): interviews under way are theirs; a rank list ahead is no interview stage
        ("peds interviews going great but ck is 221, will it tank my rank", About(), "interviewing"),
        ("should i take step 3 before my rank list is due? ck 240", About(), None),
        ("my friends interviews went great, i have none yet w 229", About(), None),
        # review of the stage-dependent averages line: a resident's year, Step 1 ahead, a score in hand, a class
        # remembered
        ("im a second year resident, whats the avg ck for derm?", About(), "incoming_resident"),
        ("first year resident here, what's the average ck for ortho", About(), "incoming_resident"),
        ("second year med student, whats the avg ck for derm", About(), "preclinical"),
        ("studying for step 1 rn, avg ck for derm?", About(), "preclinical"),
        ("got my ck score back today, avg for derm?", About(), "has_score"),
        ("what about ortho?", About(stage="ms2"), "preclinical"),
        ("what about ortho?", About(stage="ms3"), None),
        # the score out with no number and no exam named: theirs, in hand; a practice form's result is not
        ("got my score back and it's way under my nbmes", About(), "has_score"),
        ("scored 20 pts below my nbmes. feel awful", About(), "has_score"),
        ("my nbme results came back 230, exam in 3 weeks", About(), "studying"),
        ("my friend got her score and it came back low", About(), None),
    ],
)
def test_stage(knowledge: Knowledge, text: str, about: About, stage: str | None) -> None:
    assert stage_of(understand(text, knowledge), about, normalize(text), TODAY) == stage
