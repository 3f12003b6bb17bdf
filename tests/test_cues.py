"""bot/understand/cues.py: the phrases that stay rules, here the request for the plan as a calendar file."""

from __future__ import annotations

import re
from re import _constants as sre_constants
from re import _parser as sre_parse

import pytest

from bot.understand import cues
from bot.understand.cues import (
    asks_about_logging,
    asks_average,
    asks_for_calendar,
    asks_for_plan,
    asks_pass,
    asks_qbank_figure,
    asks_something,
    asks_to_explain_score_at_interview,
    asks_yes_or_no,
    comfort_declined,
    condition_only,
    dropped_weekdays,
    exam_soon,
    felt,
    forgot_id,
    img_citizenship,
    just_passed,
    just_sat_exam,
    low_on_a_subject,
    out_of_scope,
    past_the_match,
    plans_the_match,
    plans_the_usmle,
    says_a_fail,
    screened_out_asked,
    someone_in_crisis,
    supposes_a_fail,
    tears_alone,
    wants_reminders_off,
    weighing,
    without_the_usmle,
    yes_no_question,
)
from knowledge import Knowledge
from knowledge.corpus import load_corpus
from knowledge.text import normalize


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("add it to my calendar", True),
        ("export my plan", True),
        ("Can you put my exam in my Google Calendar?", True),
        ("send me the ics file", True),
        ("sync it with outlook pls", True),
        ("make me a study calendar", False),  # a plan request, not a file
        ("need a study calendar for step2ck", False),
        ("does USMLE publish a calendar of score release dates", False),
        ("avg for derm", False),
        ("my exam got moved to feb 22", False),
    ],
)
def test_asks_for_calendar(text: str, wanted: bool) -> None:
    assert asks_for_calendar(normalize(text)) is wanted


def test_no_labelled_example_is_taken_for_a_calendar_request(knowledge: Knowledge) -> None:
    """The rule runs before the classifier's answer: it must not take a message labelled as anything else."""
    corpus = load_corpus(specialty_ids=[*knowledge.specialties, *knowledge.other_specialties])
    caught = [e.text for e in corpus.examples if asks_for_calendar(normalize(e.text))]
    assert caught == []


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("passed 😭 but only 224", "disappointment"),
        ("kinda bummed about my 239 tbh", "disappointment"),
        ("barely passed, 219", "disappointment"),
        ("phew!! 244, thank god", "relief"),
        ("so relieved it's over", "relief"),
        ("am I cooked with a 231 for gas", "worry"),
        ("did i tank my chances with this", "worry"),
        ("what's the average for neuro", None),
        ("I got 251, is that good for EM?", None),
        ("is 240 a sad score for IM", "disappointment"),
        ("can't believe i got a 259 after this year 😭😭", "relief"),  # tears of joy
        ("happy I passed but honestly not sure what 236 opens up", None),  # glad, not let down
        ("woke up at 3am heart racing thinking about ck", "panic"),  # the body says it
        ("I PASSED (thank god)", "relief"),  # an aside about this exam still counts
        ("ck done, heart racing the whole time, thank god it's over", "relief"),
        ("step 1 was a pass (first attempt, thank god). ck goal 250 feels impossible", None),  # an aside
        ("i passed!! 229, i was convinced i bombed it", "relief"),  # sure of a fail, then a pass
        ("score is 241 and i feel nothing at all", "exhaustion"),  # flat after the news, not joy
        ("uwsa1 was 61% and i cried in the library", "disappointment"),  # tears said in words
        ("got 247, my dad cried on the phone", None),  # someone else's tears are not theirs
        ("got 262, my mom literally cried", None),
        ("failed ck with 212, honestly relieved it's over", "relief"),  # relief said; the fail is met in understand
        ("I GOT 255!!! crying in my car", "celebration"),  # tears beside joy are joy
        ("exam in 2 days and i'm not okay", "stress"),
        ("third block today, 49%, im literally dying", "exhaustion"),  # worn out, as students say it
        ("scores tomorrow and i cannot breathe", "panic"),
        ("nbme 209 five days out and i genuinely feel sick", "panic"),  # the stomach says it
        ("got 7 IM interviews with a 228!! didn't expect that", "celebration"),  # invites in hand, shouted
        ("i feel sick, can i still sit the exam", None),  # a cold, maybe: no panic said
        ("moved my date again and i feel like such a failure", "shame"),
        ("only got a 231, wanted 245", "disappointment"),
        ("my nerves are shot, exam friday", "stress"),
        ("did COMLEX level 1 only (got a 598), never sat step 1", None),  # "only" is the exam's, 598 no CK result
        ("it'd be such a relief to just know if 236 is enough for IM", None),  # relief wished for, none felt
        ("would be a huge weight off if i knew where to signal", None),
        ("no relief yet, score comes out friday", None),
        ("passed!! what a relief. 231", "relief"),
        ("passed!! i didn't think it would be such a relief to finally see that word", "relief"),  # felt after all
        ("253!! never thought i would be feeling this much relief", "relief"),
        ("PASSED. there's no relief like it", "relief"),
        # relief gone, a harder feeling after it: that one is theirs now
        ("216, passed by 2. the relief lasted like 5 minutes and then the shame hit", "shame"),
        ("passed. relief wore off fast and then the panic set in about my app", "worry"),
        ("passed! relief lasted a day", None),
        # a letdown long behind them is no feeling of now
        ("step 1 was a 228 in 2021, which crushed me at the time. ck came back 249", None),
        ("ck came back 249 and honestly i'm crushed", "disappointment"),
        # a pass a relief, the number a letdown: the letdown is what to meet
        ("Got a 222. passed thank god, but it's way lower than i wanted", "disappointment"),
        ("my uwsa2 was less than what i was hoping", "disappointment"),
        ("passed with 219. barely. i can't stop crying", "disappointment"),  # tears for the barely, not relief
        ("passed with 246 barely studying lol", None),  # barely studied, not barely passed
        ("got my score, 247! test day anxiety was way less than i expected, so proud", "celebration"),  # anxiety less
        ("step 1 in 2021 went great. this time i got a 224 and im devastated", "disappointment"),  # today's letdown
        ("exam tomorrow and im actually feeling sick, fever of 101", None),  # a fever, not panic
        ("step 1 was the old scored kind, 216 in 2021, barely passed. ck was 249", None),  # Step 1's, long ago
        ("got my first interview invite today!!! 😭 ortho with a 247", "celebration"),  # tears beside good news
        ("nbme 12 came back 221!! 😭 exam in 5 days", "disappointment"),  # "!!" is panic too (review26 #1)
        ("no interviews yet!! 😭 is 232 the reason?", "disappointment"),
        ("so relieved the stress is finally gone, passed with 235!", "relief"),  # the stress gone, not the relief
        ("i cried all night, 214 on CK. is that a fail?", "disappointment"),
        ("step 1 was 228 which crushed me last year. ck 249 now, ok for IM?", None),  # long behind them
        ("didn't match 😞 CK was 222. I can't retake a passed exam, so what now?", "disappointment"),  # no pass told
        ("second attempt PASSED, 228!! 😭 (first one was 211)", "relief"),  # the attempt that passed (ar: "sting")
        ("praying this attempt passed 😭 score comes out wednesday", "disappointment"),  # hoped, not told (review35)
    ],
)
def test_felt_reads_the_feelings_the_model_has_no_label_for(text: str, feeling: str | None) -> None:
    assert felt(text, normalize(text)) == feeling


@pytest.mark.parametrize(
    ("text", "yes_no"),
    [
        ("is 236 enough for peds?", True),
        ("can an IMG match into neurosurgery", True),
        ("so do programs see my failed attempt?", True),
        ("hey quick q, will PDs care about a 5 point drop?", True),
        ("my score is 240. good or not?", True),
        ("passed with 221 but want EM, thinking of retaking, can you even retake a pass?", True),  # its last clause
        ("how do programs use Step 2 after interviews?", False),
        ("what happens if I fail twice?", False),
        ("why is my score taking so long", False),
        ("tips for the last week before the exam", False),
    ],
)
def test_yes_no_question(text: str, yes_no: bool) -> None:
    assert yes_no_question(text) is yes_no


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("exam tmrw and i cant sleep", "tomorrow"),
        ("step 2 in the morning, any last tips", "tomorrow"),
        ("my test is today and my hands are shaking", "today"),
        ("can't sleep, it's in 8 hours", "tomorrow"),
        ("test day tomorrow!!", "tomorrow"),
        ("exam in 3 weeks", None),
        ("did 40 questions today", None),  # no exam named: a day of studying, not the exam
        ("what's the average for derm", None),
        ("taking my practice nbme today and my hands are shaking", None),  # a practice test, not exam day
        ("uwsa2 today then the real exam tomorrow", "tomorrow"),
        ("ck in 2 hrs, wish me luck", "today"),  # hours away in daylight: the day itself
        ("can't sleep, ck is in 3 hours", "tomorrow"),  # still the night before
        ("driving to prometric now, so nervous", "today"),
        ("just wanted to say today was hard", None),  # a day behind them
        ("heading to prometric now for the practice session", None),  # at Prometric, not the exam
        ("ck came back today!! so happy", None),  # the result's day: the exam is behind them
    ],
)
def test_exam_soon_hears_the_exam_hours_away(text: str, when: str | None) -> None:
    assert exam_soon(normalize(text)) == when


def test_with_nerves_heard_the_exam_need_not_be_named() -> None:
    assert exam_soon(normalize("nervous af for tomorrow lol")) is None
    assert exam_soon(normalize("nervous af for tomorrow lol"), nerves=True) == "tomorrow"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("score comes out tomorrow and i'm nauseous", None),  # the score's day, not the exam's
        ("40 today at 58% I'm scared", None),  # a day's questions
        ("skipped today. just couldn't", None),
        ("feel so dumb after today's block", None),
        ("exam tomorrow. can't sleep. heart racing", "tomorrow"),
        ("ck is tomorrow and i did 40 qs today, scared", "tomorrow"),  # the exam itself named for that day
        ("just took CK today, block 4 was brutal, i think i failed", None),  # the day is behind them
    ],
)
def test_with_nerves_a_day_about_something_else_is_not_exam_day(text: str, when: str | None) -> None:
    assert exam_soon(normalize(text), nerves=True) == when


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what is the comlex level 2 pass mark", "comlex"),
        ("when do level 2 ce scores come out", "comlex"),
        ("is comlex level 3 hard", "comlex"),
        ("do residencies accept comlex instead of usmle", None),  # the DO topic is ours
        ("COMLEX level 2 was 580, is step 2 worth it", None),
        ("step 3 timing after match", "step3"),
        ("Just got my score, 222. Passed. Now is Step 3 something I should do before residency?", "step3"),
        ("passed ck! can you help me plan step 3 now", "step3"),
        ("any tips for step 3 prep", "step3"),
        ("is step 3 worth doing before intern year", "step3"),
        ("i passed step 3 last year, what's the avg ck for cards", None),  # their past; a CK figure asked
        ("what's the step 2 ck passing score", None),
        ("matched FM with a 241 on ck, when do interns usually take step 3", "step3"),  # asked, whatever else
        ("my school's internal medicine final is next week, any tips", "school"),
        ("explain the krebs cycle pls", "content"),
        ("tca overdose tx? bicarb first?", "content"),  # a poisoning's care: exam content, never a crisis of theirs
        ("beta blocker overdose, why glucagon?", "content"),
        ("what's the suicide inhibitor they love asking about? 5-FU?", "content"),
        ("can you explain type 2 vs type 4 RTA, uworld keeps getting me", "content"),
        ("difference between type 1 and type 2 questions on step 2?", None),  # the exam's, not medicine's
        ("can you explain what type i should pick, NBME or UWSA?", None),  # "i", the pronoun
        ("could you tell me the steps of the urea cycle", "content"),
        ("walk me through how to study ecg questions", None),  # how to study is ours
        ("had extra time on the mcat for adhd, can i get it for step 2 too", None),  # their past; Step 2 asked
        ("is the mcat harder than step 2", "mcat"),
        # a likeness someone else drew, beside the Step 2 CK question asked
        ("is step 2 CK still scored? and how long is the exam day, my mom thinks it's like the MCAT", None),
        ("program coordinator here, step 3 question, not really ck related: when do interns take it", "step3"),
        ("where does spironolactone act", "content"),
        ("best sushi in boston? flying in for an interview", "chat"),
        ("what's the treatment for DKA", "content"),
        ("any trick for remembering the renal tubular acidosis types", "content"),  # was the exam format answer
        ("best way to remember everything i study", None),  # how to study is ours
        ("what's the average treatment of a low score lol", None),  # scores are ours
        # medicine's kinds, asked to be explained; the kinds of things we answer stay ours
        ("explain the different kinds of RTA", "content"),
        ("can u go over the types of heart block", "content"),
        ("break down the causes of metabolic alkalosis pls", "content"),
        ("explain the types of questions on ck", None),
        ("can you explain the different types of visas for IMGs", None),
        # a COMLEX score judged, the USMLE named only as not taken: COMLEX's own figures
        ("COMLEX L2 came back 530, no USMLE. is 530 low for FM?", "comlex_figures"),
        ("level 2 is 560 and usmle ck not taken. is a 560 good for EM", "comlex_figures"),
        ("DO, COMLEX only, no USMLE. is COMLEX enough for IM?", None),  # whether COMLEX alone will do: ours
        ("comlex l2 580, is that like a 245 on usmle?", None),  # a conversion asked: ours
        ("took both, L2 575 and step 2 248. is 248 good for gas", None),  # the USMLE taken: its score is ours
        ("explain the kinds of programs that filter by score", None),
        ("walk me through the types of self assessments", None),
    ],
)
def test_out_of_scope_names_the_exam_that_isnt_step_2_ck(text: str, kind: str | None) -> None:
    assert out_of_scope(normalize(text)) == kind


@pytest.mark.parametrize(
    ("text", "sat"),
    [
        ("IT'S OVER!!! just walked out of the prometric", True),
        ("step 2 is DONE", True),
        ("finally done with ck, so tired", True),
        ("just took my exam, feeling weird", True),
        ("the exam was rough, ran out of time on block 6. now i wait", True),
        ("just finished uworld!!", False),  # a question bank, not the exam
        ("just took nbme 12, got 244", False),
        ("when is step 2 done being graded", False),
        ("is it over for me with a 221", False),
    ],
)
def test_just_sat_exam_hears_the_exam_behind_them(text: str, sat: bool) -> None:
    assert just_sat_exam(normalize(text)) is sat


@pytest.mark.parametrize(
    ("text", "passed", "asks"),
    [
        ("I PASSED!!!!!!", True, False),
        ("retake passed. 229.", True, False),
        ("finally passed step 2 ck", True, False),
        ("I passed step 1 and want derm, avg?", False, False),  # Step 1's pass is background
        ("did i pass with 214?", False, True),
        ("is 216 a pass or a fail", False, True),
        ("is 230 enough to pass", False, True),
        ("barely passed, 219", False, False),  # a pass with a sting: the disappointment is named instead
        ("can i retake a step i passed", False, False),  # a question, with or without its "?"
        ("second attempt PASSED, 228!!", True, False),  # a numbered attempt of theirs
        ("praying this attempt passed, score comes out wednesday", False, False),  # hoped, not told (review35 H3)
        ("my friend's second attempt passed with 225. i test in 3 weeks", False, False),  # theirs
    ],
)
def test_news_of_a_pass_and_a_question_about_one(text: str, passed: bool, asks: bool) -> None:
    assert (just_passed(normalize(text)), asks_pass(normalize(text))) == (passed, asks)


@pytest.mark.parametrize(
    ("text", "off"),
    [
        ("stop reminders this week", "break"),
        ("no more nudges till monday", "break"),
        ("turn off all reminders", "pause"),
        ("please mute the notifications", "pause"),
        ("stop reminding me for a few days", "break"),
        ("dont ping me anymore", "pause"),
        ("remind me to study every day", None),
        ("stop stressing me out lol", None),
        ("no reminders tomorrow pls, family wedding", "break"),
        ("i got no reminders today", None),  # a complaint, not a day off
        ("i had no reminders today, is it broken?", None),
        ("pls stop sending me the daily reminders, exam's over", "pause"),
        ("thanks for the reminders, you can stop them now", "pause"),
        ("my group chat won't stop sending me their score messages and i'm spiraling", None),  # not ours to stop
    ],
)
def test_wants_reminders_off(text: str, off: str | None) -> None:
    assert wants_reminders_off(normalize(text)) == off


@pytest.mark.parametrize(
    ("text", "weighs"),
    [
        ("my grandpa passed away last week", "grief"),
        ("good grief my uwsa2 was 231", None),  # an idiom
        ("program A told us everyone they match has 245+, i'm 241", None),  # a program's residents
        ("the numbers people cite are 255 to 260. i have 9 interviews", None),  # figures heard; their own count
        ("took step 2, felt like garbage walking out, marked like 15 per block", None),  # the real exam's blocks
        ("i didn't match the last two cycles", "unmatched"),
        ("my parents expect a perfect score", "family"),
        ("my dad will never be proud of me if i get under 240", "family"),
        ("what score do family medicine programs expect?", None),  # a field
        ("first gen here, just got 251", "first_gen"),
        ("stressed about my first gen surg interview", None),  # a rotation
        ("everyone in my class is posting 260s", "comparison"),
        ("older cohort here with a scored step 1: 209. just got CK back and it's a 251!!", None),  # who they are
        ("can't sleep, exam in 3 days", "body"),
        ("i'm not sleeping in before my exam", None),  # a habit
        ("i'm so proud of myself today", "pride"),
        ("not so proud of my uwsa 205 tbh", None),  # pride denied
        ("uworld makes me feel so stupid", "stupid"),
        ("the PD asked why my CK was low and I froze, felt like an idiot all day", None),  # no question bank
        ("feel so guilty leaving my kids with my mom every weekend to study", "guilt"),
        ("the wait for my score is killing me", "waiting"),
        ("i keep refreshing my email at 3am", "waiting"),
        ("the score email is in my inbox and i cant open it", "opening"),
        ("i cant open the uworld app on my phone", None),  # an app, not a score waiting to be read
        ("i cant open the score report pdf, it says error", None),  # a page that won't load
        ("scared to look at my incorrects, it's depressing", None),
        ("rank list certified, now what? should i send a letter of intent?", "match_wait"),
        ("is match week the third week of march?", None),  # the calendar, asked
        ("certified my rol last night, feeling weird", "match_wait"),
        ("do i need ecfmg certification before the rank list deadline", None),  # ECFMG's, not the list's
        ("it's soap week and i'm barely holding it together", "soap"),
        ("is soap only for people who didn't match at all", None),  # how SOAP works, asked
        ("honestly furious at my school for moving our deadline", "anger"),
        ("mad at myself for skipping two days", None),  # at themselves: no anger at anyone to name
        ("our dog passed yesterday and i can't focus", "grief"),
        ("i'm waiting for my nbme to load", None),
        ("honestly so overwhelmed with dedicated", "overwhelmed"),
        ("way behind on uworld, 40% done", "behind"),
        ("left my charger behind me at the library", None),
        ("nbme scores stuck at 230 for a month", "stuck"),
        ("stuck in traffic on the way to prometric", None),
        ("week 4 of dedicated and it's so lonely", "lonely"),
        ("my fiance got 262 and i'm at 236, not a competition but it feels like one", "partner"),
        ("my girlfriend got 262 and i got 231, i feel like trash", "partner"),
        ("my whole class posted their scores and i didn't", "comparison"),
        ("i studied alone at the library today", None),  # where, not how it feels
        ("i study all alone at home, any tips for focus", None),
        ("my nbmes feel pretty flat, 235 236 235", None),  # a trend, not a feeling
        ("it's 16 blocks and 45 minutes of break total, right? sorry if these are dumb questions", None),  # lengths
        ("ugh 52% on my last block, so bad", "low_block"),
        ("my sister got married last week and i feel bad i missed it", None),  # no score beside it
        ("people have higher expectations of IMGs, is that true", None),
        ("if its under 240 my family spent all this money for nothing", "family"),
        ("we spent the whole weekend on family stuff", None),
        ("everyone on my interview day had way better stats", "comparison"),
        ("pretty sure im the worst one there", "comparison"),
        ("is better scores worth a later date", None),  # a choice weighed, no one compared
        ("how do i get better scores on my nbmes", None),
        ("im the worst person at time management lol, any tips", None),
        ("retaking and i keep thinking everyone at school knows", "known"),
        ("does everyone know the pass mark went up?", None),  # asked, not feared
        ("everyone knows uworld is the gold standard but is amboss worth it too", None),  # a fact everyone knows
        ("havent studied in 4 days and the exam is in 3 weeks", "avoidance"),
        ("cant even open uworld without feeling sick", "avoidance"),
        ("havent studied cardio yet, is that bad", None),  # a subject not reached
        ("cant open uworld, it keeps saying my subscription expired", None),  # a glitch
        ("took ck yesterday, havent studied in 4 days and it feels amazing", None),  # the exam behind them
        ("havent studied in 3 days because i was on call, is that ok", None),  # a reason given
        ("intern here, is it normal to feel like my 250 was a fluke", "impostor"),
        ("everyone in my class seems smarter than me", "impostor"),
        ("everyone says uworld makes you smarter", None),
        ("uwsa2 was 270, i think it was a fluke, is it overpredicting", None),  # a practice test's luck
        ("my parents paid the money for my uworld so i have to use it", None),  # money not tied to the result
        ("havent eaten lunch yet, 3 blocks done", None),  # a meal, not days of not eating
        ("score drops wednesday and i havent eaten properly in 2 days", "body"),
        ("how do i stop refreshing every hour", "waiting"),
    ],
)
def test_what_weighs_on_them_is_read_and_lookalikes_are_not(text: str, weighs: str | None) -> None:
    assert weighing(normalize(text)) == weighs


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("can u stop the saturday pings? i'm on call saturdays", {5}),
        ("no reminders on sundays pls", {6}),
        ("skip saturdays from now on", {5}),
        ("weekends off", {5, 6}),
        ("no monday or friday nudges", {0, 4}),
        ("skip saturday", set()),  # this Saturday: a break, not the plan's days
        ("stop reminders this weekend", set()),  # a break
        ("stop the saturday pings for this week", set()),
        ("no reminders except saturdays", set()),  # not the day named
        ("stop the reminders", set()),  # all of them: a pause
        ("i study mon-fri", set()),
        ("what should i do on saturdays", set()),
        ("every day except sundays", frozenset({6})),  # the rest of the week studied
        ("daily but not on saturdays or sundays", frozenset({5, 6})),
        ("send me daily nudges but not on sundays pls", frozenset({6})),  # the nudges named between
        ("every day but sunday", frozenset({6})),
        ("not on sundays please", frozenset({6})),
        ("never on saturdays", frozenset({5})),
        ("not on sunday", set()),  # one Sunday: a day, not the plan's week
        ("im not on call on sundays", set()),  # a day free, not one taken out
        ("good news: im not on weekends anymore this rotation", set()),  # a rotation's days, said of themselves
    ],
)
def test_weekdays_taken_out_of_the_study_week(text: str, days: set[int]) -> None:
    assert dropped_weekdays(normalize(text)) == days


@pytest.mark.parametrize(
    "text", ["flunked ck, matched IM", "i didn't pass ck", "retook and got 236", "my retake is in march"]
)
def test_a_fail_said_in_other_words_is_a_fail_said(text: str) -> None:
    assert says_a_fail(normalize(text))


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("my roommate told me she wants to die", True),
        ("my friend keeps talking about killing himself", True),
        ("she dumped me and now i want to die", False),  # the student's own: answered as theirs
        ("my friend says she's fine but honestly i want to die", False),
        ("they want to die over how hard uworld is lol", False),
        ("my roommate texted 'sorry for everything' an hour ago and she isn't answering", True),
        ("a classmate keeps saying soon none of this will matter for him", True),
        ("mi amigo me dijo que ya no quiere vivir", True),
        ("she said goodbye and left for the airport, not answering now cause she's flying", False),
        ("mi amigo dice que se quiere morir", True),
        ("my friend wrote goodbye letters to everyone", True),
        ("can i skip the uwsas? would i be fine without them?", False),
        ("thanks for everything! my advisor isn't answering my emails though", False),
    ],
)
def test_someone_elses_crisis_is_told_from_the_students_own(text: str, theirs: bool) -> None:
    assert someone_in_crisis(normalize(text)) is theirs


@pytest.mark.parametrize("pattern", [cues._HOPELESS_RE, cues._IDIOM_RE], ids=["hopeless", "idioms"])
def test_every_family_starts_at_a_word_so_the_scan_stays_fast(pattern: re.Pattern[str]) -> None:
    """Python's parser hoists a word boundary shared by every family out of the alternation, so a long post
    is tried only where a word starts; one family without it made the crisis scan five times slower."""
    parsed = list(sre_parse.parse(pattern.pattern))
    assert parsed[1] == (sre_constants.AT, sre_constants.AT_BOUNDARY)


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("didnt match. soap opens in 3 hours and i cant stop shaking. ck 233, only applied ortho", True),
        ("got the you did not match email this morning. EM, 9 interviews, ck 231", True),
        ("soap tmrw. do soap programs care about step 2 at all??", True),
        ("went unmatched last cycle with a 236, reapplying IM this year", False),  # a new application
        ("matched OB at my #2!! honestly thought i'd be soaping", False),  # matched
        ("is soap only for people who didn't match at all", False),  # how SOAP works, asked
        ("will i end up in soap with a 228 applying gen surg?", False),  # a fear months ahead
        ("what if i get the you did not match email on monday?", False),
        ("i didn't match my top choice but matched my 3rd", False),
        ("i didn't match today. should i soap or reapply next year? ck 236 EM", True),
        ("matched FM through SOAP. I'm so relieved I could cry, after the week I had", False),  # won in SOAP
        ("soaped into prelim surgery, relieved i could cry", False),
    ],
)
def test_unmatched_or_in_soap_now_is_told_from_an_earlier_cycle(text: str, now: bool) -> None:
    assert past_the_match(normalize(text)) is now


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("a PD asked why my ck (240) was below my shelves, how should i answer?", True),
        ("interview tomorrow, how do i answer tell me about yourself?", False),  # no score said
        ("how do i explain a leave of absence in interviews", False),
        ("how do i explain a step 2 fail in interviews", False),  # the fail's own answer
    ],
)
def test_what_to_say_about_the_score_at_an_interview_needs_the_score_said(text: str, asked: bool) -> None:
    assert asks_to_explain_score_at_interview(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("can i just text you how many questions i did each night and you keep count?", True),
        ("can i tell you my numbers? nbme 9 231, nbme 10 238", False),  # results told: logged, not explained
        ("should i send my progress to my advisor every week", False),
    ],
)
def test_how_logging_works_is_asked_only_of_the_bot_without_results(text: str, asked: bool) -> None:
    assert asks_about_logging(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "forgot"),
    [
        ("PANIC i left my passport at home, ck starts at 8", True),
        ("forgot my id on the nbme website login how do i reset", False),  # a website's ID
        ("my passport expired last month, exam is in 3 weeks, will they accept my license?", False),  # weeks away
    ],
)
def test_a_forgotten_id_is_the_test_day_s_not_a_login_s(text: str, forgot: bool) -> None:
    assert forgot_id(normalize(text)) is forgot


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("how many questions a day should i do", True),
        ("38 days left. how many qs a day to get through uworld", True),
        ("how many uworld questions per day is realistic", True),
        ("questions per day to finish uworld in a month?", True),
        ("did 40 qs a day all week", False),  # work done, told
        ("how many days a week should i study", False),  # the days, not the count
    ],
)
def test_a_daily_count_is_asked(text: str, asked: bool) -> None:
    assert cues.asks_daily_count(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "none_yet"),
    [
        ("no exam date yet but remind me daily", True),
        ("haven't booked ck yet, make me a plan", True),
        ("i don't have a date, maybe march", True),
        ("make me a plan please, I haven't picked a specialty yet", False),  # not a date
        ("make me a plan, haven't registered for ERAS yet", False),
        ("exam date tbd, want a plan anyway", True),
        ("my exam date is march 3", False),
        ("no date for step 1 yet but ck is on jan 9", False),  # another exam's date
    ],
)
def test_no_exam_date_yet_is_heard(text: str, none_yet: bool) -> None:
    assert cues.no_date_yet(normalize(text)) is none_yet


@pytest.mark.parametrize(
    ("text", "ruled_out"),
    [
        ("I got 244, which specialties could I go for? not interested in anything surgical", True),
        ("239, what can I apply to besides surgery", True),
        ("what fits a 236, nothing surgical please", True),
        ("non-surgical fields for a 240?", True),
        ("I got 250, what fits? I'm not sure about surgery", False),  # unsure, not ruled out
        ("is 250 enough for surgery", False),
    ],
)
def test_surgery_ruled_out_is_heard(text: str, ruled_out: bool) -> None:
    assert cues.rules_out_surgery(normalize(text)) is ruled_out


@pytest.mark.parametrize(
    ("text", "fewer"),
    [
        ("can you send me weekly reminders instead of daily ones", True),
        ("remind me once a week to do an nbme", True),
        ("nudges every other day pls", True),
        ("remind me every day at 7", False),
        ("i study every day except sunday", False),
    ],
)
def test_fewer_nudges_than_daily_are_heard(text: str, fewer: bool) -> None:
    assert cues.wants_fewer_nudges(normalize(text)) is fewer


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("exam in 2 days and I'm so nervous. any last advice?", True),
        ("ck in 3 days, any last minute tips?", True),
        ("3 days till my exam, what should i focus on", True),
        ("exam in 6 weeks, any tips?", False),  # not the last days
        ("took it 3 days ago, any advice for the wait?", False),  # behind them
        ("my surgery shelf is in 3 days, any last tips?", False),  # another exam's days
        ("my interview is in 2 days, any tips?", False),
        ("my score comes out in 3 days, any advice for the wait?", False),
        ("ERAS opens in 5 days, any advice?", False),
    ],
)
def test_advice_for_the_last_days_is_heard(text: str, asked: bool) -> None:
    assert cues.asks_last_days_tips(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "supposed"),
    [
        ("if I do fail, how many attempts do I get?", True),
        ("what if i fail ck, can i still match", True),
        ("i failed ck with 209, if i fail again what happens", False),  # a fail told
        ("i failed ck. 209. what now", False),
    ],
)
def test_a_fail_only_supposed(text: str, supposed: bool) -> None:
    assert supposes_a_fail(normalize(text)) is supposed


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("im not stressed, just curious: avg for derm?", True),
        ("her ck was 258 so she's way less stressed lol", True),
        ("my partner is stressed about his score, not me", True),
        ("i'd be less stressed if i knew whether 240 is enough", False),  # their own stress, wished away
        ("im so stressed about ck", False),
        ("not gonna lie im stressed", False),
        ("not stressed about step 1 but stressed about ck", False),  # one of them is theirs
        ("what's the avg for IM", False),  # no stress word at all
    ],
)
def test_stress_denied_or_someone_elses_is_set_aside(text: str, aside: bool) -> None:
    assert cues.stress_set_aside(normalize(text)) is aside


@pytest.mark.parametrize(
    ("sentence", "score", "asked"),
    [
        ("Is 244 good for psych as an IMG?", 244, True),
        ("does 246 realistically get me interviews at academic IM?", 246, True),
        ("is my score competitive for rads?", 250, True),
        ("How many programs should I apply to?", 244, False),
        ("is 250 the average for IM?", 244, False),  # another number asked about
    ],
)
def test_a_question_weighing_their_own_score(sentence: str, score: int, asked: bool) -> None:
    assert cues.asks_score_fit(normalize(sentence), score) is asked


@pytest.mark.parametrize(
    ("text", "certified"),
    [
        ("I finished OET and I'm ECFMG certified", True),
        ("just got my ECFMG certificate last week!", True),
        ("do i need to be ecfmg certified before i apply?", False),  # asked about, not held
        ("when will i be ecfmg certified", False),
        ("I'm not ECFMG certified yet, do I need it before I apply?", False),
        ("Do I need to have ECFMG certification before I apply to residency?", False),
        ("how long until I am ECFMG certified after passing CK?", False),
        ("I'm now ECFMG certified, what's next", True),
    ],
)
def test_ecfmg_certification_held_is_told_from_one_asked_about(text: str, certified: bool) -> None:
    assert cues.ecfmg_certified(normalize(text)) is certified


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("got a 215 and passing was 218", 218),
        ("needed a 214 to pass and got 211", 214),
        ("the passing score was 218", 218),
        ("got a 216 back in 2024. now passing is 218", None),  # today's mark, not the one that applied
        ("is passing 218?", None),  # asked, not told
        ("got 215, is that a pass?", None),
    ],
)
def test_a_pass_mark_told_is_read(text: str, mark: int | None) -> None:
    assert cues.pass_mark_named(normalize(text)) == mark


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what's the mean for derm", True),
        ("mean score for ortho?", True),
        ("does a delayed score mean something got flagged", False),  # the verb
        ("does 240 mean i can't do derm", False),
        ("does a late score mean programs will think something is wrong", False),
        ("what does this mean for my application", False),
        # an average of their own practice results, not a field's (fortieth stop)
        ("applying neuro. what would 62% average roughly be score-wise?", False),
        ("what's the neuro average? my uworld avg is 61", True),
        ("what was the class of 24 average for anesthesia?", True),
    ],
)
def test_an_average_word_is_the_noun_not_the_verb(text: str, asked: bool) -> None:
    assert asks_average(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "the_match"),
    [
        ("i passed with a 218. i need a plan for matching im now", True),
        ("what's a good backup plan if i don't match ortho", True),
        ("make me a study plan", False),
        ("exam in 6 weeks, need a study plan and a plan for applying", False),  # a study plan asked too
        ("i plan to apply to im next year and my exam is in 6 weeks, can you make me a schedule?", False),  # the verb
        ("need a backup plan in case i fail ck", False),  # a backup for the exam, not the match
        ("plan for the match with a 230?", True),
        ("plan to apply im", False),  # the verb
    ],
)
def test_a_plan_for_the_match_is_no_study_plan(text: str, the_match: bool) -> None:
    assert plans_the_match(normalize(text)) is the_match


@pytest.mark.parametrize(
    ("text", "calm"),
    [
        ("diagnosed with GAD and I get panic attacks in timed tests. can I get accommodations for CK?", True),
        ("history of panic disorder, well controlled. can i ask for a separate testing room?", True),
        ("I have ADHD, do my med school accommodations carry over?", True),
        ("so stressed rn. I have ADHD and my accommodations request got denied", False),  # strain said beside it
        ("I have anxiety about tomorrow. do they give accommodations for nerves lol", False),  # a feeling, not a need
        ("I get panic attacks during practice blocks, how do I stop them", False),  # no accommodations asked
        ("I've had panic attacks since undergrad, documented. do I need new paperwork for a separate room?", True),
        ("my therapist says my test anxiety counts as a disability. can I get extra time on CK for it?", True),
        # an episode now, or the exam at hand, is a feeling of the moment (review22 #6)
        ("I had a panic attack in block 3 today and had to stop. can I get accommodations for my retake?", False),
        ("I have anxiety and my exam is tomorrow, can I still ask for a separate room?", False),
    ],
)
def test_a_condition_named_for_accommodations_is_no_feeling_of_the_moment(text: str, calm: bool) -> None:
    assert condition_only(text, normalize(text)) is calm


@pytest.mark.parametrize(
    ("text", "citizenship"),
    [
        ("I'm a Caribbean IMG (US citizen), 2024 grad", "us"),
        ("US-IMG applying IM", "us"),
        ("non-US IMG, 252 on CK", "non_us"),
        ("not a US citizen, IMG from Egypt", "non_us"),
        ("IMG from India on a J-1", "non_us"),
        ("caribbean student, 238 for IM?", "unsure"),
        ("IMG, 245 for psych", None),
        ("US-IMG here. do non-US IMGs need higher scores than us for IM?", "unsure"),  # both groups named
    ],
)
def test_an_imgs_citizenship_is_read_where_said(text: str, citizenship: str | None) -> None:
    assert img_citizenship(normalize(text)) == citizenship


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("it would be a weight off if I knew whether to signal my away program", True),
        ("so stressed and not sure if i should push my exam", True),
        ("I MATCHED!!! didn't know if it would happen for me", False),  # past, not asked (review22 #5)
        ("I GOT 254!!! never knew if i could do it", False),
        # asked of programs or of anyone, no question mark
        ("DO student. how do IM programs see a fail then a 245 on the retake", True),
        ("passed w a 219. relieved but also embarrassed. who is even gonna look at me", True),
        ("I PASSED 233 and who cares what anyone thinks", False),
        ("PASSED!!! cant believe how much it took to get here", False),  # an exclamation
        ("who s going to pick me up after the exam lol", False),
    ],
)
def test_a_question_asked_indirectly_counts_a_past_doubt_does_not(text: str, asks: bool) -> None:
    assert asks_something(text, normalize(text)) is asks


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("scoring low on psych and neuro questions in uworld. any tips?", True),
        ("did badly on step 2 in most sections, will it hurt me for IM?", False),  # the exam itself (review22 #7)
        ("I scored low on CK in most sections, what do I do now?", False),
    ],
)
def test_low_marks_on_subjects_are_not_low_marks_on_the_exam(text: str, low: bool) -> None:
    assert low_on_a_subject(normalize(text)) is low


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("my obgyn section on every nbme is in the red, how do i bring it up", True),
        ("im consistently lowest in psych on nbmes", True),
        ("every nbme my weakest section is gyn", True),
        ("cardio is my weak spot", True),
        ("neuro keeps dragging me down on uworld", True),
        ("struggling with ethics questions", True),
        ("women's health keeps tanking my uworld average", True),
        ("tips for improving in obstetrics? always my lowest", True),
        ("derm is so bad for IMGs", False),  # said of the field
        ("surgery is killing me on this rotation", False),  # the rotation, not the subject's questions
        ("peds is the lowest paid specialty, does that matter", False),
        ("im weak", False),  # "i'm weak": no subject
        ("my anki cards are killing my study time", False),
        ("my surgery rotation is killing my study time", False),  # the rotation
        ("struggling with psych meds side effects", False),  # their own health
        ("biostats is the lowest yield section", False),
        ("renal is no longer my weakest", False),
        ("peds is killing my practice scores", True),
        ("is 230 low for peds", False),
    ],
)
def test_a_weak_subject_is_a_subject_named_as_theirs_to_work_on(text: str, weak: bool) -> None:
    assert cues.weak_subject_said(normalize(text)) is weak


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("my obgyn section on every nbme is in the red", ("OB/GYN",)),
        ("women's health keeps tanking my uworld average", ("OB/GYN",)),
        ("im consistently lowest in psych on nbmes", ("psychiatry",)),  # "im" is "i'm" here, psych the subject
        ("My weakest areas are OB, peds, and biostat", ("OB/GYN", "pediatrics", "biostatistics")),
        ("derm is so bad for IMGs", ()),  # no weak subject said
    ],
)
def test_weak_subjects_are_named_back_as_we_write_them(text: str, named: tuple[str, ...]) -> None:
    assert cues.weak_subjects_named(normalize(text)) == named


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("just matched IM! do i still need step 3 before july", True),
        ("only 1 graduate in the last 5 years matched derm from my school", False),
        ("average for people who matched IM?", False),
        ("she matched IM last year with a 230", False),
        ("does the NRMP publish how many people with a certain step 2 score matched in each specialty?", False),
    ],
)
def test_a_match_told_with_the_field_straight_after_is_theirs(text: str, matched: bool) -> None:
    assert cues.just_matched(normalize(text)) is matched


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("should i start the uworld step 2 qbank in m2?", False),  # "step 2" is no figure of the bank's
        ("uworld 65 percent correct, what percentile is that", True),
        ("is 62 on uworld good", True),
        ("should i do amboss or uworld first if i only have 5 weeks", False),  # weeks left, not a share
        ("uworld has 20 blocks left for me", False),
        ("doing 2 uworld blocks a day, 40 a day total, is that enough", False),  # counts a day, not shares
        ("5 weeks out, uworld 63 percent, on track?", True),
    ],
)
def test_a_question_banks_own_figure_is_a_number_said_of_it(text: str, figure: bool) -> None:
    assert cues.asks_qbank_figure(normalize(text)) is figure


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Do I cancel?? I can't even think straight", True),
        ("do I move it?? will I lose my seat", True),
        ("should i cancel my vacation to study more? exam is in 5 weeks", False),
        ("should i just cancel my interview on the 12th to study for ck?", False),
        ("should i cancel my anki subscription and just do uworld", False),
        ("where do i reschedule my exam? prometric site is confusing", False),
        ("when do i move my exam if my nbmes stay under 230?", False),
        ("should I move my test up while I am feeling good? exam is in 4 weeks", False),  # earlier, no delay
        ("should i push my exam back a week?", True),
        ("my nbmes have been in the 240s, should i delay to hit 250", True),  # the exam left unnamed
        ("should i postpone or just take it, nbme 221", True),
        ("should i delay my residency start?", False),
        ("would postponing look bad to programs?", True),  # what a delay costs, asked
        ("does pushing my ck back hurt me for IM?", True),
        ("would pushing harder look bad on rotations?", False),
        ("is that realistic or do I need to push it back?", True),  # the need asked, the exam as "it"
        ("nbme 219 two weeks out, do i have to postpone?", True),
        ("do i need to move to the US for residency", False),
        ("do I need to reschedule if I'm sick", False),  # what to do when sick has its own answer
        ("will i have to delay graduation if i fail ck?", False),  # another thing delayed
        ("do i need to postpone my exam?", True),
        ("is 240 fine for EM or do I need to postpone? I really don't want to", True),  # asked, then more said
    ],
)
def test_whether_to_delay_is_asked_of_the_exam_itself(text: str, asked: bool) -> None:
    assert cues.asks_whether_to_delay(normalize(text), text) is asked


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("can you keep me accountable?", True),
        ("need someone to hold me accountable fr", True),
        ("you don't need to keep me accountable anymore, i passed! thank you", False),
        ("my study group is keeping me accountable so please stop the reminders", False),
    ],
)
def test_accountability_counts_as_reminders_only_when_asked_of_the_bot(text: str, wanted: bool) -> None:
    assert cues.wants_reminders(normalize(text)) is wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # a "don't" elsewhere in the post turns no reminder down
        ("I don't want to buy 5 resources. also can you remind me every friday to do a timed block", True),
        ("i dont have much time, 6 weeks left, remind me to study daily", True),
        ("could you send me a reminder every evening to do like 20 questions", True),
        # reassurance asked, and reminders turned down however far before the ask (review30)
        ("honestly i just need a reminder that im not stupid. nbme 215, exam in 3 weeks", False),
        ("just need a nudge to keep going honestly. exam jan 20", False),
        ("i do NOT want the bot to send me daily reminders. can you just answer: is 6 weeks enough", False),
        ("i dont want to fall behind so send me reminders every morning", True),  # a worry, then the ask
        ("don't remind me anymore please", False),
        ("please stop the daily reminders, i'm done", False),
        ("no more reminders for a bit", False),
    ],
)
def test_only_a_word_beside_the_ask_turns_reminders_down(text: str, wanted: bool) -> None:
    assert cues.wants_reminders(normalize(text)) is wanted


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("uworld 61% is that good", True),
        ("uworld 65 percent correct, what percentile is that?", True),
        ("58% on uworld, on track for 240?", True),
        # the bank's figure is the setting of another question
        ("OB and peds are killing me, like 48% on uworld for those. anyway how do i fix OB fast", False),
        ("uworld first pass 61% with 70% done. also which NBMEs should i save for the last 2 weeks", False),
        ("50% on those UWorld sections. is OME enough for surg or do I need something else?", False),
    ],
)
def test_a_banks_figure_is_answered_only_when_it_is_what_they_ask(text: str, asked: bool) -> None:
    assert cues.qbank_figure_asked(text, normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("my partner is stressed about my exam", True),
        ("my husband is deployed right now and stressing me out so much, exam in 2 weeks", False),
        ("my partner is sick and stressed me out all week", False),
    ],
)
def test_stress_done_to_the_student_is_theirs(text: str, aside: bool) -> None:
    assert cues.stress_set_aside(normalize(text)) is aside


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("help me organize my time, retaking in 10 weeks", True),
        ("can you just tell me what to do each day until test day", True),
        ("scores come out tomorrow. tell me what to do tomorrow if i failed", False),
        ("I wrote a draft of my personal statement for rads, can you help me structure it?", False),
        ("I want a good game plan for the SOAP if I don't match", False),
        ("how should i use my break time on test day? help me structure my time during the exam", False),
        ("tell me what to do every time i get a question wrong on uworld", False),
        # from a second stranger-style review: the word alone, the exam's own shape, a breakup, a retake asked about
        ("what is the structure of the exam", False),
        ("can you lay out the exam format", False),
        ("my boyfriend and i split up during dedicated and i cant focus", False),
        ("I spread out my nbmes every 2 weeks, is that ok?", False),
        ("i failed step 2, can i redo it?", False),
        ("what will the day of the exam look like", False),
        ("what do the next 3 weeks look like while i wait for my score", False),
        ("how do i pace myself with 40 questions per block", False),
        ("how do i plan for step 3 during intern year", False),
        ("how do i organize my LORs", False),
        ("help me organize my time for application season", False),
        ("my current plan is 3 blocks a day but i only finish 2. can we redo it so its doable", True),
        ("remaining days, what should each one be? exam is the 9th", True),
        # the days asked for, or the resources fitted into the weeks left (fortieth stop)
        ("test is on friday. anything i should do each day till then?", True),
        ("5 wks out with uworld, amboss and 4 nbmes. how do i fit it all", True),
        ("how to fit all 40 questions into one block without rushing", False),
        ("what should i do every time i miss a question", False),
        ("what should i do every day during the 3 week wait for scores", False),
        ("anything to do every day for anxiety before the exam?", False),
        ("how do i fit all my stuff in the testing center locker", False),
    ],
)
def test_a_plan_asked_in_other_words_is_a_study_plan_only(text: str, plan: bool) -> None:
    assert cues.requests_a_plan(normalize(text)) is plan


def test_the_bottom_line_is_no_pass_mark_asked() -> None:
    assert not cues.asks_pass(normalize("so the bottom line is 250 right for derm?"))
    assert cues.asks_pass(normalize("the line is 218 now right??"))


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("my retake is in 10 days", True),
        ("retaking next week, first attempt was 207", True),
        ("retake booked for the 14th", True),
        ("failed ck, when can i retake", False),
        ("should i retake a 219?", False),
        ("failed in march, retaking next week. how do i calm down", True),
        ("my retake is in 10 days. failed the first time with 209. i just dont want to fail again.", True),
        ("I failed CK. 209. Needed 214. Retake is booked for Oct 2. Should I still apply this cycle?", False),
    ],
)
def test_a_retake_ahead_is_one_booked_and_still_to_come(text: str, ahead: bool) -> None:
    assert cues.preparing_a_retake(normalize(text)) is ahead


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("Got 262 on ck. derm and ortho have crossed my mind but what else is in range", True),
        ("got 250, applying ortho. what else should i do to stand out", False),
        ("248, applying IM. which residencies are IMG friendly?", False),
        ("245, retaking is not an option, want IM. what else can I do", False),
        ("DO rads applicant, 248. how should I compare programs beyond vibes? do scores matter for ranking", False),
    ],
)
def test_which_fields_is_asked_of_fields_not_of_what_else_to_do(text: str, fields: bool) -> None:
    assert (cues.asks_which_fields(normalize(text)) or cues.asks_besides(normalize(text))) is fields


@pytest.mark.parametrize(
    ("text", "theirs"),
    [
        ("got 266, crying so hard", True),
        ("got 266 and my mom started crying", False),  # someone else's tears
        ("my mom cried when i told her, 266", False),
    ],
)
def test_tears_are_the_students_unless_someone_else_is_named_crying(text: str, theirs: bool) -> None:
    assert tears_alone(text, normalize(text)) is theirs


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("uworld 65 percent correct, what percentile is that", True),
        ("do i need to finish all of uworld or is 70% fine", False),  # a share of the bank done
        ("70% through uworld and averaging 62%, is that good", True),  # the average is still the bank's figure
    ],
)
def test_how_much_of_a_bank_is_done_is_not_its_score(text: str, figure: bool) -> None:
    assert asks_qbank_figure(normalize(text)) is figure


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("my date is march 3, can you make me a schedule", True),
        ("how do i reschedule my prometric date, is there a fee", False),  # how moving works, asked
        ("my date is it too late to move", False),
    ],
)
def test_a_date_said_is_a_plan_request_a_question_about_it_is_not(text: str, plan: bool) -> None:
    assert asks_for_plan(normalize(text)) is plan


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("school gives us 4 wks dedicated for ck is that enough??", True),  # the tag closing a long sentence
        ("failed ck, retaking in 6 wks. do i still apply this cycle?", True),
        ("6 wks left, do i push my exam?", True),  # the clause after the comma
        ("is 6 weeks enough for ck?", True),
        ("can you check in weekly instead of daily? exam in 10 weeks", False),  # a request to us
        ("exam in 5 weeks. can i take a day off every week?", False),  # the plan's own shape: the set-up answers
        ("my exam is exactly one week from today right? so the 12th?", False),  # a date checked, not yes/no
        ("my exam is on march 3", False),  # nothing asked
        ("what is that enough for?", False),
    ],
)
def test_a_yes_or_no_question_beside_the_days_left_is_told_apart(text: str, asked: bool) -> None:
    assert asks_yes_or_no(text) is asked


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("failed ck by 3 pts, no pep talk pls, how soon can i retake", True),
        ("steps not feelings. what do i do next", True),
        ("spare me the sympathy, is 221 enough for FM", True),
        ("not a pep talk, just tell me if i should push", True),
        ("failed ck by 2. not feeling great about it. how soon can i retake", False),  # a feeling told (review39 H6)
        ("be honest, is 240 ok for IM", False),
    ],
)
def test_comfort_declined_in_words(text: str, declined: bool) -> None:
    assert comfort_declined(normalize(text)) is declined


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("will IM programs just auto reject me", True),
        ("do programs filter out a fail?", True),
        ("will any programs even look at me", True),
        ("how do programs use my score", False),
    ],
)
def test_programs_screening_them_out_is_asked(text: str, asked: bool) -> None:
    assert screened_out_asked(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("is PLAB easier than ck?", "abroad"),
        ("thinking AMC instead of usmle. anyone compared?", "abroad"),
        ("canadian student, does MCCQE1 count for US match or do i need CK", "abroad"),
        ("amc vs community program for IM?", None),  # an academic medical center (review39 H1)
        ("how long should i study before my next exam?", None),  # their own next exam
    ],
)
def test_another_countrys_exam_is_out_of_scope(text: str, scope: str | None) -> None:
    assert out_of_scope(normalize(text)) == scope


@pytest.mark.parametrize(
    ("text", "tips"),
    [
        ("ck is tomorrow. cram tonight or just chill", True),
        ("rest or review tonight?", True),
        ("any last tips?", True),
        ("should i cram anki or qbank this week", False),
    ],
)
def test_the_last_night_weighed_is_tips_asked(text: str, tips: bool) -> None:
    assert cues.asks_tips(normalize(text)) is tips


@pytest.mark.parametrize(
    ("text", "feared"),
    [
        ("rank list certified. if i fail does my match get cancelled?", True),
        ("will my position be rescinded if i fail ck", True),
        ("will i lose my match if i fail step 2?", True),
        ("if i fail ck will they rescind my match?", True),
        ("can they take my spot away if i fail", True),
        ("what happens to my match if i fail ck", True),
        ("if i fail step 2 will my interview offer be taken away?", False),
        ("if i fail can i still apply this cycle", False),
        ("my friend failed and lost her spot", False),
    ],
)
def test_a_fail_supposed_with_the_match_it_may_cost(text: str, feared: bool) -> None:
    assert cues.fears_a_fail_costs_the_match(normalize(text)) is feared


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("matched IM!! do i need to worry abt step 3 now", True),
        ("how hard is step 3 compared to ck", True),
        ("worrying about step 3 and step 2 ck at once, how do i plan", False),  # Step 2 CK asked beside it
        ("thinking about derm, my ck is 250", False),
    ],
)
def test_step3_is_asked_however_it_is_put(text: str, asked: bool) -> None:
    assert cues.asks_step3(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("I only took COMLEX", True),
        ("no usmle, comlex only", True),
        ("L2 530, USMLE CK not taken", True),
        ("i havent taken the usmle and dont plan to", True),
        ("thinking of skipping the usmle entirely", True),
        ("no step 2 score yet, comlex came back 560", False),  # a score awaited, not the USMLE skipped
        ("took step 2 and comlex both", False),
    ],
)
def test_without_the_usmle_hears_comlex_alone(text: str, without: bool) -> None:
    assert without_the_usmle(normalize(text)) is without


@pytest.mark.parametrize(
    ("text", "plans"),
    [
        ("is it too late to take CK in October", True),
        ("should i take step 2 too or just comlex", True),
        ("thinking of adding the usmle for IM", True),
        ("i didnt take usmle, comlex only", False),
        ("took ck in june, 241", False),
    ],
)
def test_plans_the_usmle_hears_step_2_ck_still_to_take(text: str, plans: bool) -> None:
    assert plans_the_usmle(normalize(text)) is plans


@pytest.mark.parametrize(
    ("text", "prelim"),
    [
        ("matched prelim surgery only, no categorical spot", True),
        ("I matched into IM prelim but not categorical. should I reapply?", True),
        ("only got a prelim spot in surgery", True),
        ("so scared i'll end up prelim only", False),  # feared, not theirs
        ("my friend only got a prelim spot", False),
        ("does radiology come with a prelim year or do i match one separately", False),
        ("matched derm, only have a prelim year first. avg step 2 for derm matches?", False),  # the advanced road
        ("only got a prelim interview so far, 235", False),
    ],
)
def test_a_match_to_a_prelim_year_alone_is_told_from_one_feared_or_asked(text: str, prelim: bool) -> None:
    assert cues.prelim_only(normalize(text)) is prelim


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # panic said of themselves in words: read by rule where the model hears no feeling in a post
        ("now i'm freaking out that i picked a bad month", True),
        ("im literally spiraling about my date", True),
        ("im not freaking out, just curious what the avg is", False),  # denied
        ("my roommate is freaking out about her date", False),  # someone else's
    ],
)
def test_panic_said_of_oneself_is_read_by_rule(text: str, said: bool) -> None:
    assert cues.freaking_out(normalize(text)) is said


@pytest.mark.parametrize(
    ("text", "percentile"),
    [
        ("roughly what score is the 90th percentile", 90),
        ("what score is 50th percentile", 50),
        ("is 255 top 25 percentile?", None),  # a rank, not a percentile asked
        ("im in the top 10 percentile of my class, what percentile is a 250?", None),
    ],
)
def test_a_percentile_named_is_told_from_a_rank(text: str, percentile: int | None) -> None:
    assert cues.percentile_said(normalize(text)) == percentile


@pytest.mark.parametrize(
    ("text", "in_hand"),
    [
        ("got my score back and it's way under my nbmes", True),  # set against practice tests, still theirs
        ("scored 20 pts below my nbmes", True),
        ("got my ck score today", True),
        ("got my results back from form 14 and im scared", False),  # a practice form's
        ("got my score today for uworld self assessment 2", False),
        ("just got my score report for my surgery shelf", False),
    ],
)
def test_their_own_result_in_hand_is_told_from_a_practice_forms(text: str, in_hand: bool) -> None:
    assert cues.result_in_hand(normalize(text)) is in_hand


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("should i take a day off before the exam", True),
        ("is it ok to take a rest day tomorrow", True),
        ("should i rest the day before ck", True),
        ("i took a day off yesterday and feel guilty", False),  # told, not asked
        ("should i take a break from uworld", False),  # a resource paused: the study answer's
    ],
)
def test_a_day_off_asked_is_told_from_one_taken(text: str, asked: bool) -> None:
    assert cues.asks_to_rest(normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("so much nerves rn. 3 days", 3),
        ("so anxious, 3 days out", 3),
        ("panicking. five days left", 5),
        ("took 2 days off and feel guilty", None),  # days counted of something else
        ("so tired, i did 120 qs in the last 2 days", None),
    ],
)
def test_days_left_said_bare_at_the_end_of_a_short_message(text: str, days: int | None) -> None:
    assert cues.bare_days_left(text, normalize(text)) == days


@pytest.mark.parametrize(
    ("text", "scores", "newest_first"),
    [
        ("Today: NBME 14, 238. Last week: NBME 13, 242. So it went down", [238, 242], True),
        ("uwsa2 247 today, nbme 10 241 last week, nbme 9 236 three weeks ago", [247, 241, 236], True),
        ("Yesterday UWSA2 was 250. Two weeks ago NBME 11 was 239.", [250, 239], True),
        ("nbme 9 236 three weeks ago, nbme 10 241 last week, uwsa2 247 today", [236, 241, 247], False),  # oldest first
        ("nbme 11 239 and nbme 12 245. exam today", [239, 245], False),  # only the exam is dated
        ("Today: uwsa1 244. nbme 12 240", [244, 240], False),  # one result dated: its order isn't told
        ("exam is today, my nbme 11 was 232 and my uwsa2 last week was 245", [232, 245], False),  # the exam's day
        ("back from my sisters wedding today, nbme 12 was 238 and nbme 13 yesterday was 244", [238, 244], False),
        ("free 120 today 78%, nbme 14 245 last week, nbme 13 240 yesterday", [245, 240], False),  # today: the free 120
        ("nbme 12 yesterday 231, nbme 11 2 weeks ago 236", [231, 236], True),
    ],
)
def test_dated_results_said_newest_first(text: str, scores: list[int], newest_first: bool) -> None:
    assert cues.dated_newest_first(text, scores) is newest_first
