"""The answer road (bot/respond.py): one composed reply, as a pure function of message and student."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.render import plain_text
from bot.respond import respond
from bot.student import About, Profile
from bot.understand import understand
from knowledge import Knowledge

TODAY = dt.date(2026, 12, 4)


def answer(knowledge: Knowledge, text: str, profile: Profile | None = None) -> str:
    return plain_text(respond(understand(text, knowledge), profile or Profile(1), text, knowledge, TODAY).html)


@pytest.mark.parametrize(
    ("text", "profile", "says"),
    [
        # A student who failed is answered about what to do next, whatever topic the words suggest.
        ("when do scores come out?", Profile(1, about=About(status="failed")), "after a fail"),
        # The most specific answer in the bank comes first, the topic's general one behind a button.
        ("do programs look at step 2 again when they rank after interviews?", None, "rank"),
        # A scored Step 1's weight on their chances, beside a field: how Step 2 CK offsets it, not the averages.
        ("my step 1 was 203 back when it was scored, does it still hurt me for IM", None, "most direct way"),
        # An IMG or a DO is told whose averages these are, and their own group's where the store holds them.
        ("IMG here, what's the average for IM?", None, "mostly for u.s. md seniors. non-u.s. imgs have their own"),
        ("as a DO what score do I need for ortho", None, "mostly for u.s. md seniors. do seniors have their own"),
        # A score said with nothing to listen to gets what it fits, however the model read it.
        ("I'm in the low 200s", None, "here's how you sit against each specialty"),
        # A practice result asked about: what practice tests tell you, then where it sits against the pass mark.
        ("uwsa1 was 245, what does that translate to", None, "27 points above step 2 ck's pass mark of 218"),
        ("nbme 12 238 and uwsa2 251 which one do i trust", None, "uwsa 2 usually closest"),
        # Whether CK makes up for a scored Step 1, in other words: it was low to them.
        ("old step 1 209 😬 ck 244. does ck fix it", None, "most direct way"),
        ("step 1 was 228 (old scoring), ck 246. does the jump help?", None, "most direct way"),
        # A score they fear, asking nothing: the feeling, and that it would still pass; no list of what it fits.
        ("terrified i'll get like a 220 and ruin everything", None, "a 220 would still pass"),
        # Off the subject, in the student's own words or by what it is: a kind decline, not "didn't catch that".
        ("unrelated but can you help me with my taxes? turbotax is asking about 1099 income", None, "outside what i"),
        ("random q but do u know good sites for month-to-month rentals near a hospital", None, "outside what i"),
        ("whats a good laptop for med school", None, "outside what i"),
        ("can you explain the coag cascade", None, "teaching the medicine itself"),
        # A pass mark asked of the free sample test: what it can and can't tell them, not the real exam's mark.
        ("what free 120 % do u need to pass", None, "can't approximate your step result"),
        # Energy to cheer on, not a question about how long to study; the day itself is met as the day.
        ("gm ☀️ day 3 of dedicated lets gooo", None, "that's the energy"),
        # Things, a roof or money that name something of ours stay ours; study resources are no medicine lesson.
        ("are scrubs ok at the test center", None, "exam day"),
        ("what is a good resource for vitamins and biochem", None, "how to study"),
        # ...but a question of ours flagged as an aside is answered.
        ("unrelated but when do scores come out", None, "3-4 weeks"),
        # A pass they'd like to retake: a passed Step can't be retaken for a score, however it's asked.
        ("passed with 221 but want EM, thinking of retaking, can you even retake a pass?", None, "no. usmle doesn"),
        # A Step 1 passed on a second attempt: that fail's weight, not a low scored Step 1 to offset
        (
            "IMG, YOG 2019. step 1 pass (2nd attempt sadly), step 2 CK 251. applying IM. how much will the step 1 "
            "second attempt hurt me compared to the 251?",
            None,
            "about the step 1 fail you mention: programs see it",  # the note answers it, once
        ),
        # A fail behind a passed retake: whether programs still see it, not what to do right after failing.
        (
            "failed ck last year (206), retook and passed with 238. applying IM. will programs filter me for the fail?",
            None,
            "will programs still see the fail",
        ),
        (  # asked whether to explain it, embarrassed: how to tell of the fail, not "is my score good?"
            "ERAS asks about failed attempts. I failed CK once then passed with 231. do I have to explain it? kind of "
            "embarrassed tbh",
            None,
            "should i explain my failed attempt",
        ),
        # A short score-and-field message's own question leads, the score beside the averages; a second
        # question is answered in a line below.
        (
            "got 245 on the real thing. interview at my top IM program next week, will they ask about my score?",
            None,
            "how do i answer if an interviewer asks about my step 2 score?",
        ),
        ("is 240 ok for peds? also when do scores usually come out", None, "usually on a wednesday"),
        # Questions the bank grew answers for (2026-12-06), asked in words none of their ways of asking use.
        ("Does my Step 2 score matter for cardiology fellowship later on?", None, "many programs require it"),
        ("Do NBME practice scores get sent to my school or programs?", None, "self-assessments aren't on it"),
        ("graduated in 2017 from a school in Egypt, will my graduation year hurt me?", None, "no single official"),
        ("which specialties are most IMG friendly?", None, "internal medicine leads"),
        ("didn't match this year, is it worth reapplying?", None, "reapplicants do match"),  # not this week's SOAP
        ("i freeze on timed blocks, how do i deal with test anxiety on exam day", None, "rehearse the format"),
        (
            "exam in 2 days and I'm so nervous I can't think straight. any last advice?",
            None,
            "keep the last days light",
        ),
        # One question in a long post says which answer it wants, whatever the story around it.
        (
            "One of my co-interns failed CK and has to retake. I passed with 244 but now I'm paranoid. Will programs "
            "look at my score again when I apply for fellowship?",
            None,
            "fellowship",
        ),
        # A feared score is weighed as one, and its next step is not a target to plan towards.
        ("my biggest fear is getting a 240 and being shut out of EM", None, "a number you fear is not a forecast"),
        ("scared i'll get a 220. my nbmes are 235-240 but i'm spiraling", None, "above step 2 ck's pass mark"),
        (
            "240 for peds and i have 6 interviews. how many programs should i rank?",
            None,
            "how many programs should i rank",
        ),
        # Tired and asking whether to rest, with nothing else caught: listened to, never "I didn't quite catch that".
        (
            "exam in 10 days and gyn is killing me, I keep missing those questions. Should I take a rest day this "
            "week or push through? I'm so tired",
            None,
            "take the day if you need it",
        ),
        # Whether to push the exam back: the answer on delaying, not the general timing one.
        ("so behind on uworld and exhausted, should i push my exam back?", None, "moving the date is usually wiser"),
        # A real result lower than practice asks why, not what fits.
        ("why is my 241 lower than my nbmes", None, "why did i score lower on the real step 2"),
        ("244 on CK and 251 on uwsa2, why so different", None, "why did i score lower on the real step 2"),
        ("highest step 2 avg specialty? and lowest?", None, "average step 2 ck by specialty"),
        # Matched already: what's left now, not how to match; a passing score after the Match is no fail.
        ("matched IM!! do i still need to do anything with ERAS?", None, "the application side is done"),
        (
            "incoming intern, my ck came back 229 after the match, will my program care?",
            None,
            "ask your program coordinator",
        ),
        ("ugh everyone matched except me", None, "what happens if i don't match?"),
        # Matched, with a score and a field: what the match leaves to do, or whether the score still counts,
        # not where the score sits among applicants' averages.
        ("matched!!! child neuro at my #1. my ck was 241. anything i need to do before july?", None, "onboarding"),
        # an incoming intern asking about fellowship gets the fellowship answer (the score can be seen there)
        ("incoming anesthesia intern with a 238 on ck, do they look at it again for fellowship?", None, "fellowship"),
        # (whether the program uses it now: for the Match no longer, for licensure and the contract still)
        ("matched to a psych prelim, does my program see my CK for anything now?", None, "binding commitment"),
        (
            "I matched!! my program needs step 2 passed before orientation and my test is june 3. "
            "what happens if it isn't back in time?",
            None,
            "request a waiver",
        ),
        ("can i take ck during intern year?", None, "graduates as well as students"),  # written for them
        # A couple's question: how the couples match works, with no partner's field set against the score.
        ("my gf and i want to couples match, she's peds and i'm IM with a 238. how does that work", None, "couple"),
        # So in a long post: how couples matching works, with no partner's field set against the score.
        (
            "Long story, sorry. My boyfriend and I are both fourth years and want to couples match this cycle. "
            "He's applying peds and I'm applying IM with a 238. How does couples matching work, and will my score "
            "hold him back?",
            None,
            "couple request",
        ),
        # After interviews, a question about being ranked is about the rank list, not the first screen.
        ("my score came out after my interviews, will it change how they rank me", None, "when they rank me"),
        ("interviewed at 9 places, ck came back 231, will that hurt my ranking", None, "when they rank me"),
        ("incoming intern, does my ck score still matter?", None, "binding"),
        # Their own result under the pass mark, told as a feeling: the fail is answered.
        ("got a 211. i feel so embarrassed, everyone in my group got 250s", None, "what to do after a fail"),
        # Matched with CK still to take and a deadline from the program: when it can be taken, and who sets the date.
        (
            "So I matched!!! I still haven't taken step 2 and my program says I need to pass it before July.",
            None,
            "program coordinator",
        ),
        # Score news asking nothing: joy and where it sits in a line, not the whole table.
        ("I GOT 258!!!!!!! crying rn", None, "at or above the average step 2 ck score in"),
        ("is a 60% uworld first pass average good", None, "a question bank's percent correct"),
        (
            "I've been getting 62% average on uworld random timed, is that good",
            None,
            "a question bank's percent correct",
        ),
        (
            "I took CK yesterday and I'm convinced I failed. is that normal? also how soon can I know?",
            None,
            "scores come out on wednesdays",
        ),
        # A group asked about is told whose averages these are, as for a student who says they're one.
        ("whats the IM average for IMGs?", None, "non-u.s. imgs have their own: those who matched internal medicine"),
        (
            "avg for derm as an img?",
            None,
            "imgs have their own, in the nrmp's charting outcomes report for imgs, which",
        ),
        ("do DOs need higher scores for gas? whats the avg", None, "do seniors have their own"),
        # A fail said with its score is answered as the fail, not with the fields a failing score fits.
        ("failed. 209. i studied so hard", None, "what to do after a fail"),
        # Low without a score: no "sorry it isn't the score you wanted".
        ("why did i choose medicine 😩 (jk mostly)", None, "rough moment"),
        # Asked what it is: a plain "I'm a bot", never a dodge.
        ("r u a real human or a bot??", None, "i'm a bot, not a person"),
        ("who built this thing", None, "i'm a bot, not a person"),
        # Matched, with a long post's own question on another topic: that question, not "does my score still matter".
        (
            "Matched into family medicine in March as an IMG, and my CK was 236. Now ECFMG tells me my certificate is "
            "on hold while they verify my diploma. Will that stop me starting in July, and what is ECFMG certification "
            "checking exactly?",
            None,
            "ecfmg certification",
        ),
        # A Step 1 fail behind a passing Step 2 CK: what that fail weighs now, not Step 2 CK retake rules.
        (
            "MS4 here applying IM. CK was 241. Should I explain my score in my personal statement? Also when do "
            "programs send interview invites? And does it matter that my step 1 was a fail on first attempt?",
            None,
            "a strong first-attempt step 2 ck",
        ),
        # Which bank, and which practice forms: no ranking we can't source, and NBME's word on its forms.
        ("uworld or amboss for ck?", None, "endorse any commercial question bank"),
        ("is nbme 9 harder than nbme 13?", None, "statistically equated"),
        # A practice result beside the student's own goal, not only the pass mark.
        ("uwsa1 was 238 three weeks out, am i on track for a 250?", None, "against the 250 you're aiming for, 238"),
        # A passing score with "should I retake?": a passed Step can't be retaken for a higher score.
        (
            "prelim resident reapplying to vascular. my step 2 from 2023 was 246. should i retake it? "
            "or will programs be fine with it?",
            None,
            "doesn't let you retake a step you've passed",
        ),
        # How many fail: the content-based standard, not match rates.
        ("how many people fail step 2", None, "content-based standard"),
        # Asked for a joke: a friendly line back, not the insult reply.
        ("tell me a joke", None, "punchlines"),
        # How long a passed Step stays good: the time limits for finishing the USMLE, not release day.
        ("how long do step 2 scores stay valid? i took it in 2021", None, "seven-year"),
        # A late score feared to mean an irregularity: that many things delay a score, not what a hold means.
        (
            "my score was supposed to come out today and nothing. my friend said a delay might mean a flagged "
            "irregularity?? tested 3.5 weeks ago. is a delay normal and what should i do?",
            None,
            "8 weeks pass with no score",
        ),
        ("my score is on hold, usmle emailed me about a possible irregularity. what now?", None, "cooperate"),
        # Couples matching in a long post with their own score and both fields: how it works, first.
        (
            "my boyfriend and I are doing the couples match this year. he's going ortho (261), I'm going peds with "
            "a 239. will my number hold us back, and should we rank the same cities first?",
            None,
            "couple request",
        ),
        # A pass asked about inside a long post: the verdict, whatever else the post asks.
        (
            "ok so my CK is back and it says 219. I submitted ERAS for FM two weeks ago and have 3 invites. with "
            "the new minimum is 219 even a pass, or am I done? and do I have to email the programs?",
            None,
            "a 219 is a pass",
        ),
        # A fail feared in the wait gets the answer written for that wait, not the retake's.
        ("took it yesterday. felt like i guessed on half. normal?", None, "poor guide to your score"),
        ("walked out thinking I failed. practice avg was 245. what are the odds", None, "poor guide to your score"),
        # A passing score told bare, and a retake to raise it asked: a pass stands.
        ("227. is it worth retaking to boost it?", None, "retake a step you've passed"),
        # Push or go: whether to delay, with their practice result read against the pass mark however far above.
        ("nbme 11 = 231 and my test is in 9 days. push or no", None, "push my step 2 date back"),
        ("nbme 11 = 231 and my test is in 9 days. push or no", None, "13 points above step 2 ck's pass mark"),
        ("delay to oct and miss ERAS opening, or sit now w 225 predicted?", None, "push my step 2 date back"),
        # A retake booked: how to study differently this time, not the exam's format.
        ("2nd attempt in 8 weeks, 1st score was 201. how should i restructure", None, "change my studying for the"),
        ("can programs see how many times i took CK?", None, "will programs still see the fail"),
        (
            "failed by 3 points. my NBMEs were 225-232 so I thought I was safe. retake in 6 weeks. was this just bad "
            "luck or did I do something wrong? how do i make sure it doesnt happen again",
            None,
            "change my studying for the retake",
        ),
        ("M1 here, is it dumb to start UWorld for step 2 already?", None, "i'm preclinical"),
        # Interviews held, asked about: the interviews, with the score beside the field's average.
        ("12 interviews for peds with a 233. am i safe?", None, "interviews or ranked programs"),
        # From the third dev set (be, bf): the room's question, how long a score stays good, good news, hiding a score,
        # COMLEX alone, the old two-digit scale, a subject always missed.
        (
            "got asked about my step 2 in an interview today and totally froze. it's a 226. what's a decent way to "
            "answer 'tell me about your boards' without sounding defensive",
            None,
            "how do i answer if an interviewer asks",
        ),
        (
            "How long is a CK score good for? I took it in 2019, took time off for family, and want to apply in the "
            "next cycle. Can I still use it or do I have to retake?",
            None,
            "time limit to finish usmle",
        ),
        ("got my first interview invite!!! 🎉", None, "congratulations"),
        ("should i release my step 2 to programs or keep it hidden? it's 228", None, "keep a failed attempt or a low"),
        ("Do I need USMLE if I already have COMLEX 550 for FM?", None, "can a do match with comlex only"),
        ("I'm an attending now lol, but what's an old 99 on step 2 in today's scores?", None, "two-digit scores"),
        ("any fast fix for constantly missing OB and peds qs?", None, "which subjects to focus on"),
        # The wait told with no application named: when scores come out, not applying with a score pending.
        ("waiting 3 weeks for the score is torture", None, "when do scores come out"),
        # Whether the score counts once matched, asked in general: the answer written for after the match.
        ("does anyone care about step 2 once you're in residency?", None, "does my step 2 ck score still matter"),
        # A retake ahead, the first attempt's score and a practice result now: the practice result against the mark.
        ("retake in 3 weeks. first time 210. nbme now 232.", None, "14 points above step 2 ck's pass mark"),
        # A long post asking how to answer in the room leads with that (a guard: the interviews-held rule is for short
        # messages only).
        (
            "I have 9 IM interviews so far and in one of them the PD asked me why my CK was 231 and I honestly "
            "rambled through it. how should I answer that question next time? also is 9 interviews enough?",
            None,
            "how do i answer if an interviewer asks",
        ),
        # A rise from a scored Step 1 told: how CK offsets it, whatever the Step 1 was called.
        ("step 1 was 219 back in the day, now 251 on ck. will programs notice the jump?", None, "most direct way"),
        # Thank-you notes asked about are no thanks to us; "unmatched" said first is the news.
        ("thank u letters after interviews, do they matter lol", None, "beyond your score"),
        ("unmatched US MD, 218. soap into prelim or wait a year?", None, "what happens if i don't match"),
        ("tell me a med school joke i need it rn", None, "punchlines"),
        # Typos in the field and the average word; programs looking again, not a USMLE recheck; a DO asked about.
        ("stpe 2 avrage for nuero??", None, "neurology: average step 2 ck scores"),
        ("do programs recheck scores after interviews or is it done", None, "look at step 2 again when they rank"),
        ("does a DO w 245 have a shot at rads at university programs", None, "do seniors have their own"),
        # A rise from a scored Step 1 weighed: how CK offsets it, not how the two exams differ.
        ("step 1 was 221 back in the day, CK 248. does the jump count for anything", None, "most direct way"),
    ],
)
def test_the_answer_fits_the_question_and_the_student(
    knowledge: Knowledge, text: str, profile: Profile | None, says: str
) -> None:
    assert says in answer(knowledge, text, profile).lower()


@pytest.mark.parametrize(
    "text",
    [
        "failed. 209. i studied so hard",  # asks nothing: no "you also asked about 'Is Step 2 harder?'"
        "will programs know I took it twice if I passed the second time?",  # a supposition: no "what a relief"
        "my friend got 262 in derm, what's the derm average?",  # a figure told, not a comparison weighing on them
        # the friend's stress, not theirs: no "this exam puts real pressure on people"
        "my friend got a 261 and is still stressing about derm lol. whats the avg for matched derm",
    ],
)
def test_no_line_for_what_the_student_did_not_say(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "you also asked" not in shown.lower() and "relief" not in shown.lower() and "brutal" not in shown
    assert "stressing" not in text or "pressure" not in shown  # a friend's stress is not theirs to be met
    assert "score you wanted" not in shown


def test_a_scored_step_1_is_called_low_only_when_the_student_says_so(knowledge: Knowledge) -> None:
    told = answer(knowledge, "My Step 1 was 252 back when it was scored. Should I hold off on CK until I'm higher?")
    assert "was low" not in told
    told = answer(knowledge, "my step 1 was a 252 (scored, 2021). should I hold back my CK if it comes in lower?")
    assert "was low" not in told  # "lower" is CK's, and holding back is the score's
    assert "was low" in answer(knowledge, "my scored step 1 was low, can ck make up for it")
    told = answer(knowledge, "my step 1 was 252, save my energy for ck or not? ck 240 for derm")
    assert "offset a low one" not in told and "was low" not in told  # energy saved, not a Step 1 saved
    # a rise hoped for and missed is no low Step 1 to offset
    told = answer(
        knowledge, "step 1 was 240 (scored). i expected the jump to help but ck came back 236. does step 1 matter?"
    )
    assert "offset a low one" not in told and "was low" not in told
    told = answer(knowledge, "step 1 was 240 (scored). expected a jump on ck but got 236. does my step 1 still matter?")
    assert "offset a low one" not in told and "was low" not in told
    assert "was low" in answer(knowledge, "my step 1 was 203 back when it was scored, does it still hurt me for IM")


def test_a_pass_long_behind_them_is_no_news_to_be_relieved_at(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "PGY1 now, passed CK with 231 last year. will my fellowship look at it?")
    assert "relief" not in shown.lower() and "phew" not in shown.lower()


def test_a_pass_told_with_unease_is_not_met_with_relief(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge, "my co-intern failed CK. I passed with 244 but now I'm paranoid, will fellowships see it?"
    )
    assert "phew" not in shown.lower() and "relief" not in shown.lower()
    shown = answer(knowledge, "I PASSED with a 241!!! freaking out, what now for IM")  # the shock of good news
    assert any(word in shown.lower() for word in ("phew", "relief", "congratulations"))


def test_a_short_score_and_field_question_gets_the_comparison_alone(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "I got 245, is that good for IM?")
    assert shown.startswith("👍 Your 245 is 5 points below the Internal Medicine average")
    assert "You also asked" not in shown  # the comparison is the answer to "is it good"


def test_a_score_asked_as_a_pass_gets_the_next_step_for_a_result_in_hand(knowledge: Knowledge) -> None:
    # "216 is that a pass??": a result in hand, so no self-assessment to take before an exam
    step = answer(knowledge, "216 is that a pass??").split("Next")[-1]
    assert "self-assessment" not in step and "send me your score with the field" in step
    # under every recent mark: the retaker's step, not the specialty figures
    assert "weakest areas on your score report" in answer(knowledge, "210 is that a pass??").split("Next")[-1]
    # a score only supposed is no result in hand: the exam is still ahead
    assert "self-assessment" in answer(knowledge, "if i got a 216 would that pass?").split("Next")[-1]


@pytest.mark.parametrize(
    ("text", "met_as"),
    [
        ("scores out today, lets go", "scores usually come out"),  # news of the day, met as such
        ("252 LETS GOOO", "congratulations"),
        ("i'm not pumped, i'm exhausted", "rest"),  # energy denied: the feeling, not a cheer
        ("i just cant lock in anymore", ""),
        ("everyone says we got this but i feel like dying", ""),
    ],
)
def test_energy_denied_or_news_is_not_cheered_on(knowledge: Knowledge, text: str, met_as: str) -> None:
    shown = answer(knowledge, text).lower()
    assert "that's the energy" not in shown and met_as in shown


def test_a_feared_score_alone_is_not_read_out_against_every_field(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "terrified i'll get like a 220 and ruin everything")
    assert "here's how you sit" not in shown and "worry" in shown
    assert "would still pass" not in answer(knowledge, "scared i'll get a 210")  # a fail is no comfort to offer
    assert "would still pass" not in answer(knowledge, "terrified i'll get a 250")  # no one feared failing at 250
    assert "would still pass" not in answer(knowledge, "scared ill get 230s")  # a range, not a point
    assert "here's how you sit" in answer(knowledge, "what if i get a 220, what fits?")  # asked: answered


def test_a_feared_score_is_never_called_a_goal(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "scared i'll get a 220. my nbmes are 235-240 but i'm spiraling")
    assert "aiming for" not in shown and "235" in shown
    shown = answer(knowledge, "nbme 257, uwsa2 266. if the real thing comes back under 250 should i still go derm?")
    assert "aiming for" not in shown and "266" in shown  # a condition, not a goal


def test_practice_results_after_the_exam_get_no_study_advice(knowledge: Knowledge) -> None:
    studying = answer(knowledge, "my nbme 12 was 244, exam in 3 weeks. good enough for peds?")
    assert "aim your review at the weakest areas" in studying
    sat = answer(knowledge, "took CK 9 days ago. my last NBME was 244 and UWSA2 251, is that enough for peds?")
    assert "aim your review" not in sat and "talk your date through" not in sat
    assert "exam is behind you" in sat
    retaking = answer(knowledge, "failed ck in april, my retake is in 5 weeks. nbme 10 227 and nbme 12 233, on track?")
    assert "exam is behind you" not in retaking and "talk your date through" in retaking  # another sitting ahead


def test_no_congratulations_for_a_score_under_every_average(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "yay I got 221!!! 🎉 what fits?")
    assert "congratulations" not in shown.lower() and "221" in shown


def test_it_reads_no_store_and_no_clock(knowledge: Knowledge) -> None:
    text = "is 250 good for IM?"
    first = respond(understand(text, knowledge), Profile(1), text, knowledge, TODAY)
    assert first == respond(understand(text, knowledge), Profile(1), text, knowledge, TODAY)


def test_score_news_stays_short_and_the_full_list_answers_what_fits(knowledge: Knowledge) -> None:
    news = answer(knowledge, "I GOT 258!!!!!!! crying rn")
    assert "At or above the average" not in news and len(news.splitlines()) <= 6  # the list is a tap away
    full = answer(knowledge, "I got 258, what can I apply to?")
    assert "At or above the average" in full  # asked what fits: the list itself


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (  # matched, with a score told: what they ask of it (fellowship), not "does my score still matter?"
            "Matched anesthesia at my #1, still can't believe it. CK was 249 back in August. Will my Step 2 score "
            "matter when I apply for a pain or ICU fellowship later?",
            "fellowship",
        ),
        (  # failed: the retake answer the question asked for, not the after-a-fail card's nearest answer
            "Found out this morning I failed CK, missed by 3 points, and I'm applying FM next cycle. Once I pass, "
            "will programs still see the failed attempt?",
            "will programs still see the fail?",
        ),
    ],
)
def test_the_answer_a_long_posts_question_named_leads(knowledge: Knowledge, text: str, lead: str) -> None:
    shown = answer(knowledge, text)
    assert lead in shown.split("\n\n")[1]  # the paragraph after the greeting or sympathy line


def test_a_long_posts_averages_asked_beside_another_question_are_given_not_what_good_means(
    knowledge: Knowledge,
) -> None:
    post = (
        "First year at a DO school here, sorry if this is basic. Do I need to take Step 1 and Step 2 or is COMLEX "
        "enough? Thinking ortho or PM&R. What's the avg ck for ortho and PM&R, so I know what I'm up against?"
    )
    shown = answer(knowledge, post)
    assert "Orthopedic Surgery average is" in shown and "PM&R) average is" in shown
    assert knowledge.faq["good_score"].title not in shown  # "is my score good?" is no question of theirs
    one_field = post.replace("ortho or PM&R", "ortho").replace("ortho and PM&R", "ortho")
    shown = answer(knowledge, one_field)  # one field: its averages, and the COMLEX question still answered
    asked = (knowledge.answers[i].question for i in ("dwu-can-match-comlex-only", "do-skip-usmle-step1"))
    assert "Orthopedic Surgery" in shown and any(question in shown for question in asked)


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        (  # a DO may leave the USMLE transcript unassigned in ERAS: not "No, programs see everything"
            "DO student, COMLEX 2 was 560 and my Step 2 came back 221. I'm applying FM. Can I just send programs my "
            "COMLEX and leave the USMLE off?",
            "do-send-only-comlex",
        ),
        ("can i hide my failed attempt from programs", "pd-hold-back-scores"),  # no DO named: the transcript rule
        ("Can I just not send my USMLE transcript to some programs?", "pd-hold-back-scores"),  # the DO's sibling
    ],
)
def test_keeping_a_usmle_result_from_programs_is_answered_for_the_students_school(
    knowledge: Knowledge, text: str, answer_id: str
) -> None:
    assert knowledge.answers[answer_id].question in answer(knowledge, text)


@pytest.mark.parametrize(
    ("text", "shown", "not_shown"),
    [
        (  # passed, asking how to match: the score against the field, not a study plan's first question
            "I passed with a 218. I need a plan for matching IM now, what should I do?",
            "Internal Medicine average",
            "When is your Step 2 CK exam?",
        ),
        (  # practice results and whether to push: the answer on pushing, then the results against the pass mark, with
            # what weighs more than one form (not "this close, passing is the figure that matters" 20 points above it)
            "5 weeks out from CK. my NBMEs are 231, 238. should I push my date or keep it?",
            "Should I push my Step 2 date back",
            "this close",
        ),
        (  # a worry with the weeks left: met, not a study plan's set-up
            "5 weeks left and I'm so behind on UWorld. is it done for me?",
            "Feeling behind",
            "How many days a week can you study?",
        ),
        (  # "if I fail" from a student still studying: no answer headed "I failed Step 2 CK"
            "MS3 here, exam is in 7 weeks and I have been doing okay on UWorld, around 65 percent. I'm applying EM "
            "this fall. If I fail, how long do I have to wait before I can retake, and do programs see that?",
            "Retakes and attempt limit",
            "I failed Step 2 CK",
        ),
        (  # signals asked beside a score and a field: the field's own count
            "ERAS opens soon. I'm applying peds with a 241, how many signals do I get and where should they go?",
            "Pediatrics: 5 program signals",
            "When is your Step 2 CK exam?",
        ),
        (  # a contract at risk: what the NRMP asks of a matched student who can't start on time
            "My program needs Step 2 passed by June 1 or they'll rescind my contract and my score isn't out yet. "
            "Should I call the coordinator?",
            "can't start residency on time",
            "When to take Step 2",
        ),
    ],
)
def test_a_plan_or_a_start_date_at_risk_is_read_for_the_students_stage(
    knowledge: Knowledge, text: str, shown: str, not_shown: str
) -> None:
    reply = answer(knowledge, text)
    assert shown in reply and not_shown not in reply


def test_a_long_posts_named_answer_stands_whatever_stage_its_story_suggests(knowledge: Knowledge) -> None:
    post = (
        "Applying IM this fall and my CK from five weeks ago still hasn't posted, though friends who tested the "
        "same week got theirs. Why would mine be held when theirs are already out?"
    )
    assert knowledge.answers["delay-score-held"].question in answer(knowledge, post)


@pytest.mark.parametrize(
    ("post", "wanted"),
    [
        # the wait's own answer, where the question names it: not the general one on when scores come out
        (
            "Took it 2 weeks ago and I'm spiraling. block 6 felt like a different language. Is it normal to walk out "
            "thinking you failed?? and if it's bad can I keep it from programs",
            "diff-felt-awful",
        ),
        # a resident's CK beside Step 3: what Step 3 can do for a low CK, not when CK scores come out
        (
            "PGY2 now, IMG. My program wants everyone to have Step 3 by the end of the year. My CK was 228 way back. "
            "does a low CK predict struggling on step 3?",
            "low-step3-offset",
        ),
    ],
)
def test_a_question_that_names_its_answer_is_not_turned_to_the_wait(
    knowledge: Knowledge, post: str, wanted: str
) -> None:
    shown = answer(knowledge, post)
    assert shown.startswith(knowledge.answers[wanted].question) or f"\n{knowledge.answers[wanted].question}\n" in shown
    assert "When do scores come out?\n" not in shown


@pytest.mark.parametrize(
    "post",
    [
        "applying psych as a DO. I only took COMLEX, L2 is 560. some psych programs list 'USMLE preferred'. Does that "
        "mean they won't look at me without it?",
        # its COMLEX score asked about, the USMLE named only as not taken: once read as nothing at all
        "COMLEX L2 is 498 and I didn't take USMLE. applying psych. a friend at another DO school had 520 and says she "
        "got tons of interviews. Is 498 ok for psych? Will MD programs even know how to read it. honestly a little "
        "panicky bc invites have been slow",
    ],
)
def test_a_do_on_comlex_alone_gets_the_do_answer_and_no_step_2_average(knowledge: Knowledge, post: str) -> None:
    shown = answer(knowledge, post)
    assert "DO match without USMLE?" in shown or knowledge.answers["dwu-can-match-comlex-only"].question in shown
    assert "Psychiatry average" not in shown  # no Step 2 CK score of theirs to set beside it


def test_a_pass_with_a_retake_weighed_is_answered_not_met_with_relief(knowledge: Knowledge) -> None:
    post = (
        "step 2 ck 226, IMG. friends keep telling me to retake it to get a better number. i thought you can't retake "
        "a step once you pass? and if I can't, what can I do to make up for it before I apply"
    )
    shown = answer(knowledge, post)
    assert shown.startswith(knowledge.answers["low-cant-retake-passed"].question)
    assert "relief" not in shown.lower()


def test_the_answer_a_practice_note_opens_with_is_not_offered_again(knowledge: Knowledge) -> None:
    post = (
        "Second attempt in 5 weeks. First was 207. Now NBME 13 is 233 and NBME 14 is 229. Is that safe enough to "
        "sit? What buffer above passing do people aim for before a retake."
    )
    safe = knowledge.answers["pt-safe-score-to-sit"]
    shown = answer(knowledge, post)
    assert safe.short in shown  # the practice note opens with it
    assert shown.count(safe.short) == 1 and safe.question not in shown  # and no "You also asked" repeats it


def test_a_long_posts_other_questions_each_get_their_line(knowledge: Knowledge) -> None:
    post = (
        "ok so im an MS4 applying IM, CK was 238 and step 1 pass. couple things: how many programs should i apply "
        "to? do i need to send my transcript again after my score comes out? and when does ERAS open to programs?"
    )
    shown = answer(knowledge, post)
    assert "How many residency programs should I apply to?" in shown  # the question after the colon
    assert "When can programs first see my ERAS application?" in shown  # the last one, its topic less sure
    assert shown.count("Applying with no score yet") <= 1  # the one answered first is not offered again


@pytest.mark.parametrize(
    "text",
    [
        "IMG from Nigeria, CK 219. I know 219 is a pass but everyone says IMGs need 240+. applying IM",
        "Sitting in my car after opening it. Got my score back, 218. Passed but barely, and I had a 231 on UWSA2 the "
        "week before. I was applying IM and now I don't know what to do with my list",
    ],
)
def test_a_low_pass_gets_no_answer_written_for_a_failed_attempt(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text).lower()
    assert "failed" not in shown and "after a fail" not in shown


def test_a_retaker_asking_how_to_explain_the_fail_gets_that_then_whether_programs_see_it(knowledge: Knowledge) -> None:
    text = (
        "failed step 2 the first time (208), passed the retake with a 233. applying FM. where in ERAS do I explain "
        "the fail and how much should I say? also do programs care that the retake went up or is a fail just a fail"
    )
    shown = answer(knowledge, text)
    seen_fail = knowledge.answers["rt-programs-see-fail"].question
    assert knowledge.answers["af-explain-in-eras"].question in shown.split("\n\n")[1]
    assert shown.count(seen_fail) == 1  # offered once, never both leading and "also asked"


def test_a_question_about_the_exam_is_no_greeting(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "what's the best time slot for ck, morning or afternoon")
    assert not shown.startswith("👋")  # "morning" read as "good morning" got the welcome


@pytest.mark.parametrize("text", ["uwsa2 252!! is that legit", "first nbme was 231, what does that predict"])
def test_a_practice_result_that_did_not_fall_is_not_called_a_dip(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text).lower()
    assert "dip" not in shown and "lower score" not in shown
    assert "dip" in answer(knowledge, "uwsa2 dropped 15 points from uwsa1")  # a fall said: its answer stays


@pytest.mark.parametrize(
    "text", ["is 72% on free 120 good? exam in 9 days", "got 68 on the free 120, passing territory?"]
)
def test_a_percentage_correct_asked_about_gets_whether_it_converts_to_a_score(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "conversion" in shown and "Free 120" in shown
    # a scaled result keeps the answer on what NBME forms predict
    assert "conversion" not in answer(knowledge, "first nbme was 231, what does that predict")


def test_a_couples_question_sets_no_field_against_the_score(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "my gf and i want to couples match, she's peds and i'm IM with a 238. how does that work")
    assert "How does the couples match work?" in shown and "Pediatrics average" not in shown


def test_several_practice_results_are_read_by_their_latest_and_their_way_when_their_order_is_told(
    knowledge: Knowledge,
) -> None:
    shown = answer(knowledge, "nbme 11 231, then uwsa2 244. what will i get?")
    assert "went from 231 to 244: up" in shown and "your latest, 244, is 26 points above" in shown
    unordered = answer(knowledge, "uwsa2 251 and nbme 12 240, which do i trust")  # forms, in no told order
    assert "went from" not in unordered and "latest" not in unordered


@pytest.mark.parametrize(
    ("text", "shown_range"),
    [
        ("uwsa2 262, nbme 11 249, nbme 12 251. am i ready?", "your results (249 to 262) are 31 to 44 points above"),
        ("goal is 255. nbme 9 248 and uwsa2 257, realistic?", "your results (248 to 257) are 7 points below to 2"),
    ],
)
def test_practice_results_in_no_told_order_are_read_as_the_range_they_span(
    knowledge: Knowledge, text: str, shown_range: str
) -> None:
    shown = answer(knowledge, text)  # the first said was read alone: "262 is 44 points above", the 249 unseen
    assert shown_range in shown


def test_a_list_that_went_somewhere_is_read_as_a_trend(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "my nbmes went 228, 235, 241, 246. is this trending the right way")
    assert "went from 228 to 246: up" in shown and "your latest, 246" in shown


def test_low_practice_results_asked_about_are_set_beside_the_pass_mark(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "nbme 9 200 and uwsa1 210, am i going to fail")
    assert "With the lowest, 200, under it" in shown
    assert "equates its forms" not in shown  # "nbme 9" once matched the answer on comparing forms


def test_a_first_practice_result_beside_a_scored_step1_is_read_as_a_practice_result(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "step 1 was 258 and my first nbme for ck was 239, worried")
    assert "Noted: NBME 239" in shown and "Step 1 vs Step 2\n" not in shown
    assert "Is Step 2 harder?" in answer(knowledge, "my step 1 was 250 and nbme 10 was 240, is ck harder?")


def test_a_friends_match_does_not_make_the_student_matched(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "my friend matched derm last year, when should i take ck before applying?")
    assert "I've matched" not in shown


def test_a_scored_step1_asked_about_in_a_long_post_gets_the_offset_answer(knowledge: Knowledge) -> None:
    post = (
        "hey so kinda long. my step 1 was 229 back in 2021 when it was still scored, nbme 11 was 241 last week. "
        "exam is march 3. i want EM. does my step 1 still count against me? also getting nervous"
    )
    assert "Can a strong Step 2 CK make up for it?" in answer(knowledge, post)


def test_no_answer_written_for_a_fail_reaches_a_student_who_told_of_none(knowledge: Knowledge) -> None:
    text = "matched IM!! but i never took ck, my school didn't require it. can i start residency without it?"
    shown = answer(knowledge, text).lower()
    assert "failed" not in shown and "after a fail" not in shown and "retake" not in shown


@pytest.mark.parametrize("text", ["wish me luck, heading to prometric now 😬", "on my way to the test center, nervous"])
def test_on_the_way_to_the_exam_gets_good_luck_for_the_day(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "Good luck today!" in shown and "practice session" not in shown


def test_a_step1_fail_told_beside_a_score_is_answered_not_passed_over(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "CK 236, step 1 was a fail on my first try, applying ortho. thoughts?")
    assert "About the Step 1 fail you mention" in shown and "Orthopedic Surgery average" in shown
    assert "Step 1 fail" not in answer(knowledge, "CK 236, step 1 pass, applying ortho. thoughts?")


def test_a_score_written_for_someone_else_is_read_for_them(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge, "writing for my wife, an IMG. her score came out last wednesday: 247. she wants IM. chances?"
    )
    assert "A 247 is 3 points below" in shown and "Your 247" not in shown


def test_someone_elses_match_is_not_the_students_news(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "IMG, Step 2 CK 252, applying internal medicine this cycle to 120 programs. My cousin matched in 2022 "
        "with 238. Is my score competitive for university programs?",
    )
    assert "you've done it" not in shown and "Congratulations" not in shown
    assert "academic programs" in shown  # the question asked, answered


def test_a_scored_step_1_told_with_its_era_is_not_the_ck_score(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "Step 1 I took in 2021 just before pass/fail, got 219. Now I am 2 months from CK, aiming for IM. "
        "My NBME 10 was 223. What CK score should I aim for?",
    )
    assert "Your 219" not in shown


def test_a_couples_own_match_is_their_news(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "my partner and i both matched IM!!! my ck was 244, does it still matter?")
    assert "congratulations" in shown.lower()


def test_a_pass_verdict_is_about_the_number_asked(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "my ck came back 238, applying peds. my roommate got 216 on hers, is that even a pass?")
    assert "A 238 is a pass" not in shown


def test_a_hypothetical_fail_keeps_its_answer_on_attempts(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "ck in 4 weeks and my nbmes are 225-230, I want peds. is 230 enough for peds? if I do fail, how many attempts "
        "do I get and how soon can I retake?",
    )
    assert "4 attempts" in shown
    assert "sorry" not in shown.lower()  # a fail supposed is no result to be sorry for


def test_a_long_posts_question_on_applying_in_two_fields_leads(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "CK came back 236. I've wanted ortho forever, 2 aways and a few pubs, but my advisor says ortho's average is "
        "way above me and I should also apply gen surg. Is dual applying going to look bad to ortho programs?",
    )
    assert shown.startswith("Can I rank programs in two specialties?")


@pytest.mark.parametrize(
    ("text", "last_days"),
    [
        ("exam in 2 days and i'm so nervous. is the passing score still 218?", True),
        ("ck is in 2 days, nbme 12 was 231 last week. am i going to pass?", True),
        ("exam in 3 weeks, is the passing score 218?", False),  # weeks left: a self-assessment still fits
    ],
)
def test_days_before_the_exam_the_next_step_is_the_last_days(knowledge: Knowledge, text: str, last_days: bool) -> None:
    shown = answer(knowledge, text)
    assert ("Check permit, ID and route" in shown) is last_days
    assert ("self-assessment" in shown.split("Next")[-1]) is not last_days


def test_a_proud_pass_is_congratulated_and_a_feared_one_relieved(knowledge: Knowledge) -> None:
    proud = answer(knowledge, "Passed CK with a 249!! IMG, no USCE yet, want IM. Is that enough to make up for it?")
    assert "congratulations" in proud.splitlines()[0].lower()
    feared = answer(knowledge, "I passed with a 241, what now for IM")  # a pass told plainly: the weight off first
    assert "congratulations" not in feared.lower() and any(w in feared.lower() for w in ("phew", "relief"))


def test_stress_denied_or_someone_elses_gets_no_comfort(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "im not stressed, just curious: avg for derm?")
    assert "pressure" not in shown and "Dermatology" in shown


def test_a_post_that_first_asks_what_its_score_fits_is_answered_with_the_figures_first(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "Got CK back today, 244. I'm an IMG from Jordan, step 1 pass, graduated last year. My uncle thinks psych is "
        "too hard for IMGs now. Is 244 good for psych as an IMG? How many programs should I apply to?",
    )
    assert shown.index("Psychiatry") < shown.index("How many residency programs")


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        # the next step fits where the student is, though the topic's own closing was written for someone studying
        (
            "MS1 here, with step 1 pass/fail now is CK the only number programs care about?",
            "can wait until your clinical year",
            "pick a date",
        ),
        (
            "took ck in august, my score came out today: 246. with step 1 pass/fail is ck what programs compare now?",
            "send it to me with your field",
            "pick a date",
        ),
        (
            "took ck 3 weeks ago, supposed to get my score tomorrow. when do scores usually post?",
            "morning it's due",
            "mark the wednesdays",
        ),
    ],
)
def test_the_next_step_fits_the_students_stage(knowledge: Knowledge, text: str, says: str, never: str) -> None:
    shown = answer(knowledge, text).lower()
    assert says.lower() in shown and never not in shown


def test_a_certified_img_is_not_told_how_to_get_certified(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "IMG from Ghana, graduated 2021, CK 238. I'm ECFMG certified now. Do I need anything else from ECFMG before "
        "I apply to IM? And how many programs should I apply to?",
    )
    assert "Do I need ECFMG certification" not in shown and "ECFMG certification needs passing" not in shown
    asked = answer(knowledge, "IMG from Ghana, CK 238. Do I need ECFMG certification before I apply to IM?")
    assert "Do I need ECFMG certification before I apply" in asked  # not held: still answered


def test_a_us_student_waiting_on_school_sign_off_is_sent_to_the_nbme(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "school still hasn't signed off on my ck eligibility, who do i even ask")
    assert "ask your registrar first, then the NBME" in shown


def test_a_named_pass_mark_decides_a_fail_and_is_no_figure_they_heard(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "Missed by 3 points. Got a 215 and passing was 218. applying FM. how do programs see it?")
    assert "sorry" in shown.lower() and "you mention" not in shown
    assert "below the Family Medicine average" not in shown  # no distance to an average beside a fail
    asked = answer(knowledge, "exam monday, nbme 10 221 and uwsa2 233. am i safe? passing is 218 right?")
    assert "218" in asked and "you mention" not in asked


def test_a_matched_student_past_a_fail_is_answered_about_what_they_ask_now(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "Long story: failed CK the first time with a 201 in 2023, passed with 233 in 2024. Applied to 100 FM "
        "programs and matched at my #2!!! Starting in July. Will the fail hurt me when I apply for sports med "
        "fellowship?",
    )
    first = shown.splitlines()[0].lower()
    assert "congratulations" in first
    assert "fellowship" in shown.split("\n\n")[1].lower() and "What to do after a fail" not in shown


def test_a_score_well_above_the_field_gets_no_answer_written_for_an_average_one(knowledge: Knowledge) -> None:
    high = answer(knowledge, "CK 271, applying IM. Can I get interviews at academic programs with my score?")
    assert "with an average Step 2" not in high and "Matching with an average" not in high
    assert "21 points above the Internal Medicine average" in high
    middling = answer(knowledge, "CK 248, applying IM. Can I get interviews at academic programs with my score?")
    assert "Can I get interviews at academic programs with an average Step 2?" in middling


@pytest.mark.parametrize(
    "text", ["im an m2, what should my step 2 ck schedule look like", "MS1 here. when should i even start on ck?"]
)
def test_a_preclinical_student_asking_how_to_plan_gets_the_preclinical_answer(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "I'm preclinical" in shown and "breaks & blocks" not in shown


def test_someone_elses_fail_asked_about_as_it_touches_the_student(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "a guy in my class failed ck and i passed. could his fail end up on my record?")
    assert "sits on their transcript, not yours" in shown and "to pass on to them" not in shown
    helping = answer(knowledge, "my co-intern just failed CK. how can i help her?")
    assert "to pass on to them" in helping  # asked how to help them: what helps after a fail


@pytest.mark.parametrize(
    "text",
    [
        "OB and peds are my weak areas, nbme 12 was 236",
        "my worst subjects were OB and peds on the nbme, how do i fix that",
        "OB/peds killed me on uwsa2 (238). what should i focus on?",
        "My shelves have been 70s-80s, except neuro which was a 64. is 247 the national average?",
    ],
)
def test_subjects_studied_are_no_fields_to_weigh(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert not any(field in shown for field in ("Obstetrics", "Pediatrics", "Neurology average"))


def test_days_out_said_without_naming_the_exam_still_bring_the_last_days_advice(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "2 days out and my nerves are shot. nbme 12 was 231, am i going to pass?")
    assert "arrive 30 minutes early" in shown and "weakest areas" not in shown
    assert shown.startswith("I hear you")  # the nerves met first


def test_a_let_down_over_a_score_above_every_average_is_met_with_the_fact(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "266. wanted 270 tbh lol")
    assert shown.startswith("Wanting more after all that work") and "isn't the score you wanted" not in shown
    lower = answer(knowledge, "got 241, wanted 250 honestly, kinda bummed")
    assert "every specialty average" not in lower  # under some averages: the let-down line stands


@pytest.mark.parametrize(
    "text",
    ["I had a 268 and still didn't match derm. devastated.", "267 on CK but my letters are weak, so bummed. ortho?"],
)
def test_a_let_down_about_something_else_gets_no_line_about_the_number(knowledge: Knowledge, text: str) -> None:
    assert "every specialty average" not in answer(knowledge, text)


@pytest.mark.parametrize(
    ("text", "shown", "hidden"),
    [
        # a high score asked about beside a gap: the rest of the file, not "Is my score too low?"
        (
            "I scored 255 but have a 2 year gap for family reasons. will the score carry me or will the gap hurt "
            "more. and should i explain the gap in the PS or the experiences section",
            "Beyond your score",
            "Is my score too low?",
        ),
        ("I scored 222, is that too low? will it carry me at all", "", "Beyond your score"),
    ],
)
def test_a_score_above_most_averages_gets_no_low_score_answer(
    knowledge: Knowledge, text: str, shown: str, hidden: str
) -> None:
    reply = answer(knowledge, text)
    assert shown in reply and hidden not in reply


def test_a_fields_signal_count_leads_only_where_signals_are_asked(knowledge: Knowledge) -> None:
    asked = answer(knowledge, "how many signals do i get for gen surg?")
    assert "program signals in the" in asked
    letter = answer(knowledge, "applying gen surg. can I tell my #1 program that I am ranking it first?")
    assert "program signals in the" not in letter


@pytest.mark.parametrize(
    ("text", "cas"),
    [
        (
            "took CK on sept 3 so my score won't be back when ERAS goes out to programs. step 1 pass, honors in "
            "medicine and surgery, applying IM. will programs hold my app until the score comes or just skip me? when "
            "it posts do I need to email programs or does it update on its own? kinda anxious I'm going to get passed "
            "over just because of timing",
            False,
        ),
        ("how do i add my usmle transcript to residencycas", True),
    ],
)
def test_residencycas_is_answered_only_where_it_or_its_field_is_named(
    knowledge: Knowledge, text: str, cas: bool
) -> None:
    assert ("ResidencyCAS" in answer(knowledge, text)) is cas


def test_a_fail_said_beside_a_question_gets_the_pass_mark_not_a_fields_average(knowledge: Knowledge) -> None:
    text = answer(knowledge, "fail 210. planning retake in 8 weeks. can I still apply to IM with a fail + pass?")
    assert "under Step 2 CK's pass mark" in text
    assert "below the Internal Medicine average" not in text


@pytest.mark.parametrize(
    ("text", "leads_with"),
    [
        # a scored Step 1 called low, a CK above it, what the Step 1 still weighs asked: the offset answer, whole
        (
            "step 1 was the old scored kind, 216 in 2021, barely passed. step 2 this year was 249. will programs "
            "filter me because of step 1 even though ck is way better? applying FM",
            "My scored Step 1 was low. Can a strong Step 2 CK make up for it?",
        ),
        # a Step 1 not called low: what it still weighs, in a line, before the rest
        (
            "step 1 was 252 back when it was scored, ck came back 260. will programs still look at my step 1? "
            "applying IM",
            "About your Step 1 of 252: programs still see a scored Step 1",
        ),
    ],
)
def test_what_a_scored_step1_weighs_beside_ck_is_answered_first(
    knowledge: Knowledge, text: str, leads_with: str
) -> None:
    shown = answer(knowledge, text)
    assert leads_with in shown.split("\n\n", 2)[0] + shown.split("\n\n", 2)[1]
    assert "treat your rotations as Step 2 CK prep" not in shown  # no study step for a score in hand


def test_other_peoples_scores_beside_a_fail_told_are_no_lead_note(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "I failed. my friends all got their scores the same day and posted 250s. what now?")
    assert "you mention" not in shown  # their fail is the news, not whose number the 250s are


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to take a day off during dedicated? exam in 3 weeks",
        # a long post of strain with one clear question: the feeling met, then the question answered
        "two weeks out and honestly i'm fried. i open a block and stare at the first question for ten minutes, then "
        "give up and scroll my phone. practice scores have been ok so it's not that. is it fine to take two whole "
        "days off this close, or will i forget everything i've done?",
    ],
)
def test_a_rest_day_asked_about_gets_the_answer_on_rest_days(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "Is it okay to take a day or two off during dedicated" in shown
    assert "tell me what you'd like to look at" not in shown  # a question asked, not a menu


def test_what_to_say_about_a_score_in_interviews_gets_the_interview_answer(knowledge: Knowledge) -> None:
    text = (
        "had my third interview today and the PD asked about my failed first attempt (211, then 236). i mumbled "
        "something about stress. what should i say next time? two more IM interviews next week"
    )
    shown = answer(knowledge, text)
    assert "How do I answer if an interviewer asks about my Step 2 score?" in shown
    assert understand(text, knowledge).score == 236  # the pass that stands, not the fail before it


def test_an_interviewees_question_gets_no_unasked_distance_to_an_average(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "IMG here, got 6 IM interviews with a 229!! honestly shocked. how many interviews is usually enough to match? "
        "should i keep applying to more programs or focus on prepping?",
    )
    assert shown.startswith("Congratulations") or shown.startswith("That's great news")  # the invites are news
    assert "points below" not in shown and "averages below" not in shown  # invites in hand: no gap to unsettle


def test_an_interviewees_score_over_the_average_is_still_set_beside_the_answer(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "my step 2 came back after i submitted ERAS, 257, way better than my shelves. applying IM with 8 interviews "
        "so far. should i send an update email to the programs i already interviewed at, or only the silent ones?",
    )
    assert "points above the Internal Medicine average" in shown  # reassuring, and what they wondered about


@pytest.mark.parametrize(
    ("text", "distance"),
    [
        ("interview at my top IM program next week, ck 236. what do i say if they ask about my score?", False),
        # how the score stands, asked: the distance is part of the answer
        (
            "interview at my top IM program next week, ck 236. is my score too low for them to rank me highly? and "
            "what do i say if they ask about it?",
            True,
        ),
    ],
)
def test_an_interviewees_distance_under_the_average_only_where_asked(
    knowledge: Knowledge, text: str, distance: bool
) -> None:
    assert ("points below the Internal Medicine average" in answer(knowledge, text)) is distance


@pytest.mark.parametrize(
    ("text", "congratulated"),
    [
        ("got 7 IM interviews with a 228!! didn't expect that. how many is usually enough?", True),
        # few, none, cancelled or said with strain: no congratulations
        ("got 0 interviews!! what am i supposed to do now", False),
        ("got 2 interviews cancelled!! what do i do", False),
        ("got 2 interviews!! out of 85 apps with a 221. is my score the reason?", False),
        ("have 3 interviews next week!! so stressed i cant sleep, how do i prep", False),
    ],
)
def test_interviews_got_are_congratulated_only_as_news(knowledge: Knowledge, text: str, congratulated: bool) -> None:
    assert ("ongratulations" in answer(knowledge, text)) is congratulated


@pytest.mark.parametrize(
    "text",
    [
        "just found out i failed. i have an interview friday. what do i tell my fiance, i cant stop shaking",
        "how much detail should i give about my research in interviews? ck was 247",
    ],
)
def test_what_to_say_to_someone_else_or_about_something_else_is_no_interview_score_answer(
    knowledge: Knowledge, text: str
) -> None:
    assert "How do I answer if an interviewer asks about my Step 2 score?" not in answer(knowledge, text)


def test_a_friends_fail_beside_the_students_own_studying_is_no_question_about_their_record(
    knowledge: Knowledge,
) -> None:
    shown = answer(
        knowledge, "my roommate failed step 2 last week and i can't focus on my own studying, exam in 3 weeks. tips?"
    )
    assert "Could their fail show up on my record?" not in shown


def test_a_scored_step1_nobody_called_low_is_never_called_low(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "step 1 was 250 back in 2021, ck 256. will programs filter me because of my step 1?")
    assert "was low" not in shown and "offset a low one" not in shown


def test_a_pass_told_in_a_long_post_asking_to_retake_gets_that_a_pass_stands(knowledge: Knowledge) -> None:
    shown = answer(
        knowledge,
        "passed with a 216, barely, like 2 points over. want EM and my eval was honors. can i retake to bring it up? "
        "a classmate says you can petition. is EM off the table now?",
    )
    assert "Can I retake Step 2 CK to replace a low passing score?" in shown
    assert "before booking again" not in shown  # no retake rules for a pass, as if it were a fail


@pytest.mark.parametrize(
    ("text", "met_with"),
    [
        # A fail foreseen is a worry, not a fail to be sorry for.
        ("ok real talk i think i might fail", "that worry is one of the most common feelings before step 2 ck"),
        ("i feel like i'm gonna fail step 2", "that worry is one of the most common feelings before step 2 ck"),
        ("since step 1 is p/f now does CK basically decide everything?? kinda scared tbh", "that worry is one"),
        # Past the exam, or far from it: the worry named for where they are.
        ("first interview done and i think i bombed it", "interview season brings worries"),
        ("lowkey miss having one number to obsess over. intern life is chaos", "residency brings"),
        ("i think i failed. what now", "walking out sure you failed"),
        ("just walked out. brain is soup. that was brutal", "just come through a long stretch"),
        ("score drops wed right?? can't sleep", "waiting for a score"),
        ("score drops tomorrow morning and i think i might throw up", "panic"),
        # A pass that let them down is no fail; a friend's score beside theirs is a comparison, not a question bank.
        ("219 😞 passed but feel like a failure", "a pass is a pass"),
        ("my friend got 262 and i'm over here with 241 lol. feel dumb", "comparing yourself"),
    ],
)
def test_the_feeling_is_met_where_the_student_is(knowledge: Knowledge, text: str, met_with: str) -> None:
    shown = answer(knowledge, text).lower()
    assert met_with in shown.split("\n\n")[0]  # first
    assert "i'm sorry it went that way" not in shown and "burnout" not in shown


def test_a_joke_asked_for_is_told_and_tiredness_beside_it_is_met_first(knowledge: Knowledge) -> None:
    plain = answer(knowledge, "tell me a joke").lower()
    tired = answer(knowledge, "tell me a joke. dedicated week 3 has broken me").lower()
    unfocused = answer(knowledge, "i cant focus anymore. 3 weeks left and every block i second guess everything")
    assert "burnout" in unfocused.lower() or "exhausting" in unfocused.lower()  # met, not "thanks for telling me"
    assert "walks into a bar" in plain or "vignette" in plain or "next best step" in plain  # a joke, not a decline
    first = tired.split("\n\n")[0]
    assert "exhausting" in first or "burnout" in first


@pytest.mark.parametrize(
    "text",
    [
        "IMG here, 243 first attempt, 2 YOG. realistic for IM?",  # a first attempt: no retake passed to be relieved at
        "anything above 245 and im crying happy tears",  # joy hoped for: no result in to congratulate
    ],
)
def test_no_joy_is_named_for_news_not_told(knowledge: Knowledge, text: str) -> None:
    shown = answer(knowledge, text)
    assert "relief" not in shown.lower() and "Congratulations" not in shown


@pytest.mark.parametrize(
    ("text", "not_shown"),
    [
        # a fail only imagined, or asked about, is no fail told, and no "rest and wait" for one feared
        ("took ck last week, i think i failed. how do i even tell my parents i failed?", "after a fail"),
        ("took ck monday. if i failed can i still match this year?", "feeling like i failed"),
        ("has anyone walked out of step 2 feeling good?", "feeling like i failed"),
        ("i feel like i failed at studying today, only did 20 questions", "after step 2 ck"),
        # "in residency applications" is no life after the match; a fellowship keeps its own answer
        ("how much does step 2 matter in residency applications?", "i've matched"),
        ("does step 2 matter for fellowship during residency?", "i've matched"),
        # pushing through a day is no delay of the exam
        ("should i push through or take a break today?", "push my step 2 date back"),
        # a higher Step 1 is no low one; a classmate's score beside a higher one of theirs weighs on no one
        ("step 1 was 250, CK 268. does step 1 still matter?", "was low"),
        ("my classmate had 245 and i scored 250, is that good for EM?", "comparing yourself"),
        # someone else's worry or interviews, and a worry denied, are not theirs
        ("my friend is kinda scared about her step 2, how can i help", "that worry is one"),
        ("i don't think i will fail, but is 4 weeks enough?", "that worry is one"),
        ("my friend has 15 interviews, what are my chances with 2?", "interviews or ranked programs"),
        # a resource weighed for a field's prep is no fit question; positions left unmatched are no student unmatched
        ("uwsa 240, is amboss good for peds prep?", "pediatrics: average"),
        ("unmatched positions after soap, how do they work?", "not matching is one of the hardest"),
        ("this qbank makes me want to throw up lol. 52% avg", "rush of panic"),
    ],
)
def test_a_rule_stays_inside_what_it_was_written_for(knowledge: Knowledge, text: str, not_shown: str) -> None:
    assert not_shown not in answer(knowledge, text).lower()


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        # a Free 120 percentage: what NBME says of that practice session, not a shelf-exam study
        ("free 120 was 74%, is that good", "can't approximate a step result", "shelves"),
        # the attempt rules asked with no fail told: a retake is spoken of as a case, not assumed
        ("how many attempts do you get for ck", "if you're facing a retake", "before booking again, find"),
    ],
)
def test_a_plain_question_is_not_answered_as_someone_elses_situation(
    knowledge: Knowledge, text: str, says: str, never: str
) -> None:
    shown = answer(knowledge, text).lower()
    assert says in shown and never not in shown


TABLE = "📍 On USMLE's table for July 2017 to June 2020 takers,"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("which percentile does a 251 land in", f"{TABLE} a 251 fell between"),
        ("roughly what score is the 90th percentile?", f"{TABLE} the 90th"),
        ("would 262 put me near the 90th percentile", f"{TABLE} the 90th"),  # a score beside it is no score of theirs
        ("what score is the 70th percentile, thinking gen surg", f"{TABLE} the 70th"),
    ],
)
def test_a_percentile_question_is_answered_off_the_table_first(knowledge: Knowledge, text: str, first: str) -> None:
    shown = answer(knowledge, text)
    assert shown.startswith(first)
    assert "your 262" not in shown


@pytest.mark.parametrize(
    ("text", "answered"),
    [
        # a match to a prelim year only: the next try when it is asked, else what a partial match can do now
        (
            "I matched into IM prelim but not categorical. 236 on CK. should I reapply to categorical IM next year?",
            "I didn't match last year. Is there any point applying again?",
        ),
        ("only got a prelim spot in surgery, no categorical. 229 on ck. what now", "What happens if I don't match?"),
    ],
)
def test_a_prelim_only_match_gets_the_next_try_not_the_fields_average_alone(
    knowledge: Knowledge, text: str, answered: str
) -> None:
    shown = answer(knowledge, text)
    assert shown.startswith(answered) and "congratulations" not in shown.lower()


def test_whether_clerkships_must_come_first_is_answered_from_usmles_eligibility_rules(knowledge: Knowledge) -> None:
    shown = answer(knowledge, "can ms3s take ck before all their clerkships")
    assert shown.startswith("Do I have to finish my clerkships before I can take Step 2 CK?")
    assert "USMLE Bulletin" in shown  # the rule's source, cited


@pytest.mark.parametrize(
    "text",
    [
        "comlex 612 and step 2 243. which one matters more for EM",
        "DO, COMLEX L2 586 and CK 238. do EM programs care more about the USMLE score than the COMLEX one?",
        "do programs weigh usmle more than comlex for IM?",
    ],
)
def test_how_programs_weigh_comlex_beside_step_2_is_answered_as_asked(knowledge: Knowledge, text: str) -> None:
    assert answer(knowledge, text).startswith("Are programs supposed to treat COMLEX and USMLE scores the same?")
