"""bot/understand/about.py: what students say about themselves."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.understand.about import _CLAUSE_RE, AboutFacts, about, failed_comlex, failed_step1, someone_else_failed
from knowledge.text import fold, normalize


def facts(text: str) -> AboutFacts:
    return about(normalize(text), fold(text))


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("I'm an IMG from India, can I match IM", {"school": "img"}),
        ("as an FMG is 240 ok", {"school": "img"}),
        ("caribbean student here, 245 for FM?", {"school": "img"}),
        ("graduated from a med school in Egypt, 235, is IM realistic", {"school": "img"}),
        ("MBBS from Pakistan, 244", {"school": "img"}),
        ("foreign grad, step 2 247, neuro?", {"school": "img"}),
        ("IMG, 240, IM?", {"school": "img"}),
        ("med school in Georgia, 245 for EM", {"school": None}),  # a US state as often as a country
        # where they work as a doctor, a degree only given abroad, a nationality said of themselves
        ("working as a GP in Nigeria full-time, graduated 2019. 230s enough for IM?", {"school": "img"}),
        ("final year student in India, is 235 ok for IM", {"school": "img"}),
        ("final year MBBS, is 240 good for IM", {"school": "img"}),
        ("Indian grad, 4 yrs out of med school. is 240 good for IM", {"school": "img"}),
        ("my friend is an indian grad with 250, is that good for IM", {"school": None}),
        # trained abroad, said without "i" or the word IMG
        ("graduated abroad in 2021, got 247 on step 2, applying psych", {"school": "img"}),
        ("international grad, 250, neuro chances", {"school": "img"}),
        ("derm avg as IMG?", {"school": "img"}),  # "as IMG", no article
        ("im a DO student. do DOs get treated the same as IMGs for derm?", {"school": "do"}),  # compared, not one
        ("my roommate graduated abroad in 2019, can she match IM?", {"school": None}),  # hers
        ("my cousin, a caribbean grad, got 230, can he match?", {"school": None}),
        ("foreign medical graduate, 243 for IM", {"school": "img"}),
        ("YOG 2018, ck 241, IM", {"school": "img"}),
        ("caribbean grad here, 238 IM", {"school": "img"}),
        ("studying in the caribbean, us citizen, ck 240 peds", {"school": "img"}),
        ("she's a caribbean grad, 240, will she match", {"school": None}),  # hers
        ("i m in the caribbean on vacation, exam in 3 weeks", {"school": None}),  # a place, not a school
        ("international student at a US MD school, 245 IM", {"school": None}),
        ("my son is an IMG and just took step 2, how can i support him?", {"school": None}),  # a parent writing
        ("med student in texas, 240 for IM?", {"school": None}),
        # a US school said outweighs a nationality, a family's country or a degree asked about
        ("i'm an indian med student at a US MD school, got 245, is IM realistic?", {"school": None}),
        ("final year US MD student, my family is from Nigeria, is 245 good for IM?", {"school": "us_md"}),
        ("my mentor, a nigerian doctor, matched IM with 230. i got 236, chances for IM?", {"school": None}),
        ("do MBBS grads from the UK have better odds? I'm a US MD with 240", {"school": "us_md"}),
        ("couples matching. partner is an IMG with 235, I'm a US MD with 252, both IM", {"school": "us_md"}),
        # a fail of a clerkship or of COMLEX is no Step 2 CK fail; a fail said first still is, whatever follows
        ("i failed my OB clerkship the first time, remediated with honors. CK 255", {"status": None}),
        ("FAILED COMLEX L2 CE by a small margin, passed CK with 231", {"status": "passed"}),
        ("i failed. the whole class passed. what now", {"status": "failed"}),
        ("i failed, course director wants to meet tomorrow", {"status": "failed"}),
        # the exam sat is said in the past: "i get tested friday" is still ahead
        ("tested monday. what are the odds i passed", {"status": "taken"}),
        ("i get tested friday, any last minute tips?", {"status": None}),
        ("I'm from India, 240 on ck", {"school": None}),  # where they're from is not where they trained
        ("I'm a DO student, should I take step 2 too", {"school": "do"}),
        ("matched FM but i never took ck, can i start without it", {"status": None}),  # never sat
        ("the exam was so hard, every question had two answers", {"status": "taken"}),  # judged afterwards
        ("my older brother took it in 2019 and got a 238", {"status": None}),  # his sitting, not theirs
        ("matched IM!! do i still need to do anything with ERAS?", {"school": None}),  # "do" asks; IM is the field
        ("im a us md student, ms3", {"school": "us_md", "stage": "ms3"}),
        ("I'm a 4th year applying peds", {"stage": "4th year"}),
        ("I failed step 2 and feel terrible", {"status": "failed"}),
        ("got my fail result today and I want to book the retake asap", {"status": "failed"}),  # the result, told
        ("what if i got a failing score, could i retake fast", {"status": None}),
        # a failing score on a practice test, a shelf, or someone else's, is no CK fail of theirs (review26 #2)
        ("got a failing score on nbme 9, exam in 2 weeks. should i postpone?", {"status": None}),
        ("received a failing grade on my surgery shelf, CK in 5 weeks", {"status": None}),
        ("my roommate got a failing score on ck, how do I support her?", {"status": None}),
        ("i got a failing score on ck, what now", {"status": "failed"}),
        ("my friend failed ck, what should she do", {"status": None}),  # hers, not the student's
        ("i failed ck too, my roommate failed step 2 as well", {"status": "failed"}),
        ("I passed ck!!", {"status": "passed"}),
        ("just got my score, 222. passed.", {"status": "passed"}),  # the result, then the verdict
        ("231 passed!! so relieved", {"status": "passed"}),
        ("got 240 passed step 1 with it tho", {"status": None}),  # another exam's
        ("got my score, 214 passed or failed?? whats the cutoff", {"status": None}),  # asked, not told
        ("exam is done and i'm so tired", {"status": "taken"}),
        ("preclinical MS2, exam is over a year away", {"status": None}),  # far ahead, not finished
        ("spiraling rn bc score releases tmrw", {"status": "taken"}),
        ("score tomorrow and i feel sick", {"status": "taken"}),  # the day it comes, no verb
        ("my nbme score today was 231", {"status": None}),  # a practice form's, said first: not the wait
        ("will programs know I took it twice if I passed the second time?", {"status": "taken"}),  # supposed
        ("failed. 209. i studied so hard", {"status": "failed"}),  # the news alone, first
        ("failed 2 practice tests in a row, ugh", {"status": None}),  # practice, not the exam
        ("failed another uworld block", {"status": None}),
        ("failed step 1 first try, now ck", {"status": None}),
        ("took step 2 last week, waiting", {"status": "taken"}),
        ("I got 251", {"status": "taken"}),
        ("took ck 3 weeks ago and i keep convincing myself i failed", {"status": "taken"}),  # a fear, not news
        ("took the test yesterday and i feel awful", {"status": "taken"}),
        ("is uwsa1 inflated? i got a 262", {"status": None}),  # the practice test's result, not a sitting
        ("did nbme 12 last week, i took ck today", {"status": "taken"}),
        ("my nbme scores dropped from 240 to 228", {"status": None}),  # fell, not released
        ("scores dropped!! 251 lets go", {"status": "taken"}),  # released
        ("failed step 1 once but passed later, is that bad", {"status": None}),
        ("my exam is on March 3", {"exam_date": True}),
        ("exam was march 3, score comes out soon", {"exam_date": False}),
        ("my uwsa1 was 241 and my exam is on jan 15", {"exam_date": True}),
        # the day the score comes is no exam ahead (ar: an IMG waiting on it was told to check permit, ID and route)
        ("IMG here. step 2 result should be out next wednesday", {"exam_date": False, "status": "taken"}),
        ("my ck came out this morning. relieved", {"exam_date": False, "status": "taken"}),  # the result's day
        ("prometric cancelled but my ck is back on for aug 3", {"exam_date": True}),  # a sitting back on
        ("release is this wednesday and I start a sub-I monday", {"status": "taken"}),  # waiting on the score
        # another test's result, or a software release, tells no sitting (review35 H1)
        ("peds shelf results will be back friday. should I start uworld for step 2 now?", {"status": None}),
        ("the new usmle interface release is next month, should i practice on it?", {"status": None}),
        # the exam's date, then the score's, in one clause: the exam is still ahead (review35 M5)
        ("ck on aug 20 means my score posts mid september, too late?", {"exam_date": True}),
        ("test date june 10 with scores out july 8, is that ok for eras?", {"exam_date": True}),
        ("step 2 on june 3, scores out about a month later", {"exam_date": True}),
        ("what's the average for derm", {"school": None, "status": None, "exam_date": False}),
    ],
)
def test_self_description(text: str, fields: dict[str, Any]) -> None:
    found = facts(text)
    for name, value in fields.items():
        assert getattr(found, name) == value, (name, found)


@pytest.mark.parametrize(
    ("text", "step1_failed"),
    [
        ("does it matter that my step 1 was a fail on first attempt", True),
        ("failed step 1 on my first try, passed the second", True),
        ("s1 fail then 252 on ck", True),
        ("i failed ck", False),  # Step 2 CK's own fail
        ("step 1 fail rates went up after pass/fail?", False),  # a statistic asked, no fail told
        ("passed step 1 first try", False),
        ("step 1 pass (2nd attempt sadly), step 2 CK 251", True),  # a Step 1 passed on its second attempt
        ("step 1 pass, 2nd attempt at CK passed with 236", False),  # CK's second attempt (review26 #15)
        ("passed step 1, second time taking ck next month", False),
    ],
)
def test_a_step1_fail_is_told_apart_from_a_step2_fail(text: str, step1_failed: bool) -> None:
    assert failed_step1(normalize(text)) is step1_failed


@pytest.mark.parametrize(
    ("text", "comlex_failed"),
    [
        ("my COMLEX L2 was 475 (fail), ck in 3 weeks", True),
        ("failed level 2 last month", True),
        ("comlex level 2 pass, usmle ck 241", False),
        ("i failed ck", False),
    ],
)
def test_a_comlex_fail_is_told_apart_from_a_step2_fail(text: str, comlex_failed: bool) -> None:
    assert failed_comlex(normalize(text)) is comlex_failed


PIECES = [
    "exam",
    "ck",
    "step 2",
    "jan 15",
    "5.5",
    " and ",
    " but ",
    " so ",
    " then ",
    " also ",
    ", ",
    ". ",
    ";",
    "!",
    "?",
    "\n",
]


@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=12).map("".join))
def test_clauses_are_cut_only_at_non_word_characters(text: str) -> None:
    """about() looks for the exam in the whole text before cutting it into clauses. That is
    sound only while every cut begins and ends with a non-word character: then a word boundary
    at a clause's edge is one in the whole text too."""
    for cut in _CLAUSE_RE.finditer(text):
        assert re.match(r"\W", cut.group()[0]) and re.match(r"\W", cut.group()[-1]), (text, cut.group())


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("my roommate failed ck last week", True),
        ("my best friend just failed step 2", True),
        ("what do i write in eras about my failed attempt?", False),  # their own attempt
    ],
)
def test_a_fail_is_someone_elses_only_when_a_person_is_named(text: str, theirs: bool) -> None:
    assert someone_else_failed(normalize(text)) is theirs
