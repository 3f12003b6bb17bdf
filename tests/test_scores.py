"""bot/understand/scores.py: which exam each number belongs to, ranges, and whose score it is."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.understand.scores import Numbers, PracticeResult, _numbers_in, read_numbers
from knowledge.corpus import Corpus


def row(text: str, **fields: Any) -> Any:
    return pytest.param(text, fields, id=text[:60])


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # Step 1 is context, never the Step 2 CK score.
        row("Step 1 was 214, how bad is that?", score=None, step1=214),
        row("I took Step 1 in 2021 when it was still scored, and got a 242. CK next spring", score=None, step1=242),
        # A practice test's result, with Step 2 CK named only as the exam ahead.
        row(
            "I just took my first NBME and I'm shocked. I got a 201. CK is in 8 weeks",
            score=None,
            practice=(PracticeResult("nbme", "", score=201),),
        ),
        # A goal stays a goal wherever it comes again, or sits beside what was wanted.
        row("my goal is 260 for plastics. am i on track for 260?", score=260, hypothetical=True),
        row("I wanted a solid score, like 250 or higher", score=250, hypothetical=True),
        row("will a high ck like 250 help an old graduate", score=250, hypothetical=True),
        row("i wanted 250 but got 241", score=241, hypothetical=False),
        # A feared score is supposed, and never a goal.
        row("my biggest fear is getting a 240 and being shut out of EM", score=240, hypothetical=True, feared=True),
        row("so scared i get a 220 on the real thing", score=220, hypothetical=True, feared=True),
        row("what if i get a 260, could i match derm?", score=260, hypothetical=True, feared=False),  # a hope
        row("worried i wont hit 250 for derm", score=250, hypothetical=True, feared=False, goal=True),
        # A condition on the result is supposed, but no goal to read practice results against.
        row("if the real thing comes back under 250 should i still go derm", score=250, hypothetical=True, goal=False),
        row("people say nobody opens your application unless ck is 250+", score=None, quoted=(250,)),
        # Their own beside a figure heard: "mine is" owns it, whoever spoke before.
        row("PD said our median is 252 and mine is 238", score=238, quoted=(252,)),
        row("honestly i keep seeing 246, 248, 250 on random sites for IM", score=None, quoted=(246, 248, 250)),
        row("nbme 241. not applying derm unless my real score is 250 or more", score=250, hypothetical=True),
        row("nbme 12 was 245. does 245 vs 255 on the real thing matter for derm?", score=255, hypothetical=True),
        row("nbme 244 uwsa2 250, if i only hit 235 on the real thing is derm dead", score=235, goal=False),
        row("nbme 238. want to know if 250 is good for derm", score=250, goal=False),
        row("nbme 241 uwsa2 246, would be happy with 250", score=250, goal=True),
        row("step 1 I took in 2021 right before the switch to pass fail, got 219. ck next", score=None, step1=219),
        # Another exam's result told as news leaves a supposed CK score supposed.
        row("level 2 came back 601. would sitting ck and getting like 238 hurt me?", score=238, hypothetical=True),
        # A scored Step 1 told with its era, and a Step 1 said with "got", are Step 1's; CK's result is the score.
        row("step 1 I took in 2021 just before pass/fail, got 219. now 2 months from ck", score=None, step1=219),
        row("took step 1 and got a 231, ck was 250", score=250, step1=231),
        # A failed attempt told with its number is the student's own result, never only supposed.
        row(
            "failed my ck first try in march with 205. retake in 4 weeks. if i pass will they see the 205?",
            score=205,
            own=True,
            hypothetical=False,
        ),
        row("my first attempt ck was 204 in may. nbme 12 is 230 now", score=204, own=True),
        row("my friend failed with a 209 last year, what should she do", score=209, own=False),
        row("I failed CK with a 205 and they say programs will see it forever", score=205, own=True),
        # Figures read online, a partner's result told by whose it is, and a result that "ended up" somewhere.
        row("somewhere i read derm is 257 and ortho is 255, true?", score=None, quoted=(257, 255)),
        # "after me" is no one who scored: the boyfriend named first opened it
        row("my boyfriend took his CK two weeks after me and opened a 261 yesterday", score=None, quoted=(261,)),
        row("my friend took it a week after me and got 255, I got 241", score=241, quoted=(255,)),
        row("opened a 252 this morning!! applying EM", score=252, quoted=()),
        row("when i google the average i get 245 on one site and 249 on another", score=None, quoted=(245, 249)),
        row("matched ortho today!!! CK ended up at 258 after a 231 diagnostic", score=258, hypothetical=False),
        row(
            "my partner matched FM too (her score was 241, she was so nervous). CK was 255 for me",
            score=255,
            quoted=(241,),
        ),
        # A goal said as a wish, and practice results listed after the forms they belong to.
        row("I'd like to land around 250 for gas, nbme 10 was 232", score=250, hypothetical=True, goal=True),
        row("I'd say my 245 is solid for peds, right?", score=245, hypothetical=False),
        row("Done NBME 9, 10 and 11 so far (231, 238, 245). test in 4 weeks", score=None),
        # A practice exam's result, though no test is named, is no CK score; the real one said after it is.
        row("i took a practice exam today, 233. 5 weeks out", score=None),
        row("got 241 on a practice test, is that good for IM", score=None),
        row("I got 238 on my diagnostic, exam in 8 weeks", score=None),
        row("after all those practice exams i got a 251 on the real thing", score=251),
        row("my practice tests were 240s but CK came back 250", score=250),
        row("Score came out! after all those practice exams, 252. good for EM?", score=252),
        row("did a practice exam last month and freaked out!! Today my score posted: 251", score=251),
        # "actually" as stress on a question is no correction: the score said first stands.
        row(
            "CK 243. programs list a 240 cutoff, does 243 actually get reviewed? deciding between 100 and 150 programs",
            score=243,
        ),
        # Someone else's Step 1, named up to 48 characters back, is theirs, not the student's Step 1.
        row("ms2 here. my cousin matched gas in 2019 with a 248 on step 1, is ck it now", step1=None, quoted=(248,)),
        row("my roommate got 250 on step 1 and i got 238 on step 1", step1=238, quoted=(250,)),
        row("step 1 was 231, ck 250. my brother had 260 on step 1", score=250, step1=231, quoted=(260,)),
        row("comlex l2 was 655, step 2 ck 251. do PDs care more about 251 vs 655?", score=251, hypothetical=False),
        row("nbme 240, hoping for 250 on the real thing", score=250, hypothetical=True, goal=True),
        row("uwsa2 248, my goal is 255. thoughts", score=255, hypothetical=True, goal=True),
        row("hoping for 250 on ck", score=250, hypothetical=True, feared=False),
        # A result told as news is theirs, whatever the question around it supposes.
        row("got my score back today. would a 246 keep me in the running for neuro?", score=246, hypothetical=False),
        row("score came in at the high end of what i expected (259)", score=259, hypothetical=False),
        row("2 NBMEs a week, and my scores went 241, 243, 240, 242. exam monday", score=None),  # a practice run
        row("passing is 218 if i'm right", score=None, quoted=(218,)),  # the pass mark, not their score
        row("my practice scores are all over the place: 229, 251, 236. normal?", score=None),
        row("my practice scores were great but i got 231 on the real thing", score=231),
        row("is it a hard cutoff like below 230 = auto reject?", score=None, quoted=(230,)),
        row("my passing score was 231", score=231),
        row("I got a passing score of 226, is that bad for IM?", score=226),
        row("nbme 12 was 240 last month. got a 256!! step 2 done", score=256),  # Step 2 CK named as sat, after it
        row("everyone on the forums seems to be at 250", score=None, quoted=(250,)),
        row("embarrassed to tell my family my ck score, they expect 260s", score=None),  # their expectation
        row("my scores were 209 then 213, third attempt next", score=209),  # attempts, not a practice run
        row("people in my class keep talking about needing 260 for ortho", score=260, hypothetical=True),
        # An earlier practice result said with "down from", not the Step 2 CK score.
        row("NBME 12: 229, down from 234 on 11", score=None),
        # The pass after the fail is the score now.
        row("failed with a 208, and then passed with a 239 three months later", score=239),
        # A number wished for steps aside for the one asked about; someone's practice result is no CK score.
        row("i'd rather not grind for a 260, is 245 fine for anesthesia", score=245),
        row("my sister got 250 on her nbme, is that good for derm", score=None, someone=False),
        row("my sister's nbme 12 was 238, is that good for derm", practice=()),  # hers: nothing kept as theirs
        row("her uwsa2 was 250", practice=()),
        # news still ahead ("so the score is back before aways") tells no result: the figure asked after is supposed
        row(
            "do i test on schedule so the score is back before aways? would something like a 236 hurt me?",
            score=236,
            hypothetical=True,
        ),
        # a result still to come, or a decade, is none told
        row("would it be crazy to reschedule if the next NBME is still ~240?", practice=()),
        row("my nbmes have been in the 240s, exam in 2 weeks", practice=()),
        row("step 1: 232, step 2: 251", score=251, step1=232),
        row("got 230 on step 1 and 250 on ck", score=250, step1=230),
        row("step 1 pass, 245 on step 2", score=245, step1=None),
        # Practice tests, their forms, 3-digit and percent results.
        row(
            "NBME 12 232, uwsa2 245 am i ready",
            score=None,
            practice=(PracticeResult("nbme", "12", score=232), PracticeResult("uwsa", "2", score=245)),
        ),
        row("free 120 was 71%", score=None, practice=(PracticeResult("free120", "", percent=71),)),
        row("CMS form 8: 250", score=None, practice=(PracticeResult("cms", "8", score=250),)),
        row("only my 2nd nbme, uworld about 60% done, avg 67%", score=None, practice=()),  # the bank's, not an NBME's
        row("1) is it insane 2) do shelves feed into CK 3) what counts as a good step 2 score", score=None),  # marks
        row("failed CK in september (207), retaking in january", score=207),  # a result in brackets is no mark
        row(
            "free 120 was 71%, nbme 239. is 71% on the free 120 in line?",  # one Free 120, said twice
            score=None,
            practice=(PracticeResult("free120", "", percent=71), PracticeResult("nbme", "", score=239)),
        ),
        row("my CCSSA was 219, exam in 3 weeks", score=None, practice=(PracticeResult("nbme", "", score=219),)),
        row(
            "uwsa1 was 230, then NBMEs: 10 - 240, 11 - 250",  # in the order said, so a trend reads right
            score=None,
            practice=(
                PracticeResult("uwsa", "1", score=230),
                PracticeResult("nbme", "10", score=240),
                PracticeResult("nbme", "11", score=250),
            ),
        ),
        row(
            "NBMEs: 10 - 243, 11 - 247, 12 - 251. Goal was 250",  # forms and results listed under one name
            score=250,  # the goal, read as one: never a fourth result
            hypothetical=True,
            practice=(
                PracticeResult("nbme", "10", score=243),
                PracticeResult("nbme", "11", score=247),
                PracticeResult("nbme", "12", score=251),
            ),
        ),
        row("NBME 10 for CK today was 228", score=None, practice=(PracticeResult("nbme", "10", score=228),)),
        # When it was taken sits between the test and its result.
        row("did my nbme 12 last week and got a 246", score=None, practice=(PracticeResult("nbme", "12", score=246),)),
        row("uwsa 2 two weeks ago: 71%", score=None, practice=(PracticeResult("uwsa", "2", percent=71),)),
        row("just got a 255 on uwsa 1 omg", score=None, practice=(PracticeResult("uwsa", "1", score=255),)),
        row(
            "my NBMEs are all over the place: 229, 247, 238. which do I trust",
            score=None,
            practice=tuple(PracticeResult("nbme", "", score=v) for v in (229, 247, 238)),
        ),
        row("my uwsa was 260 but got 245 on the real thing", score=245, own=True),
        # Whose, and which attempt: the retake's result, the one they describe themselves by, a supposition.
        row("failed CK in march (208). retook in june and just got 231", score=231),
        row("I'm a pathology applicant with a 229. whats the avg", score=229, quoted=()),
        row("applicants with a 229 match path?", score=None, quoted=(229,)),
        row("it's 251. everyone assumed i should have gotten 260+. where does 251 fall", score=251),
        row("say I get a 230, do I have to tell programs?", score=230, hypothetical=True),
        row("worst case 225, is that a fail", score=225, hypothetical=True),
        row("i'm at 230s on nbmes and people post 270s", score=None, quoted=(275,)),
        row("scored 214 on my first nbme. fail risk?", score=None, practice=(PracticeResult("nbme", "", score=214),)),
        # A practice test the only exam named: the result told after it is that test's, not a CK score.
        row(
            "Is UWSA1 inflated? I got a 262 and I don't buy it",
            score=None,
            practice=(PracticeResult("uwsa", "1", score=262),),
        ),
        row(
            "finished my 2nd NBME (form 12) and got 218, exam in 12 days",
            score=None,
            practice=(PracticeResult("nbme", "", score=218),),
        ),
        row("got 248 but my nbmes were all 250+, why lower", score=248, own=True),  # told before the tests
        row("my nbme 11 was 231, is 245 realistic for gas", score=245),  # a goal asked about, not a result
        row("nbme 12 was 240. got my ck back: 251", score=251),  # CK named: the real one
        # A figure they heard, or someone else's score, is never theirs.
        row("someone said 249 is the median, is that true", score=None, quoted=(249,)),
        row("a 220 is the minimum for an interview right?", score=None, quoted=(220,)),
        row("the median for derm is like 257 right?", score=None, quoted=(257,)),
        row("cutoff of 230 for IM programs?", score=None, quoted=(230,)),
        row("rads avg, ive seen 249 and 251 posted, which one", score=None, quoted=(249, 251)),  # both heard
        row("people say 245 or 250 is the IM average, i got 248", score=248, own=True, quoted=(245, 250)),
        row("my seniors say ent is 255, true?", score=None, quoted=(255,)),
        row("245 for IM? everyone says 245 is the avg", score=245),  # their own, with the same figure heard
        row("read on reddit that anything under 235 gets filtered for gas", score=None, quoted=(235,)),
        row("exam next week. what's passing now, still 214?", score=None, quoted=(214,)),  # the pass mark asked
        row("my comat peds was 108, does that matter", score=None),  # a school exam's number
        row("whats the avg for ENT now, is it like 258?", score=None, quoted=(258,)),  # a figure asked about
        row("going FM so im not aiming for 250, just a pass", score=None, quoted=(250,)),  # waved away
        row("how many weeks to study to land a competitive score, like 250+", score=250, hypothetical=True),
        row("my level 2 was 595, is that equivalent to a 245?", score=None, quoted=(245,)),  # a conversion asked
        row("my friend got 260 and matched derm, i got 245", score=245, own=True, quoted=(260,)),
        row("i scored 245 and my roommate scored 250", score=245, own=True, quoted=(250,)),
        row("my husband got 250 last year, is that good for EM", score=250, someone=True),
        row("my husband got 250 last year and matched EM", score=None, quoted=(250,)),
        row("the resident told me anesthesia wants 240+", score=None, quoted=(240,)),
        row("i told my mom i got 250", score=250, own=True),
        # A small count is no score: "all 3", "my top 2".
        row("gas vs EM vs IM avg on step 2, torn between all 3", score=None),
        row("my best friend scored 262 and matched derm", score=None, quoted=(262,)),
        # Whose number: the last one named before it decides; a figure heard is never theirs.
        row("everyone in my group chat got 250+ and i got 231", score=231, quoted=(250,)),
        row("my sister took it in 2015 and got 231 and matched ortho", score=None, quoted=(231,)),
        row("Took it with 3 friends. They got 251, 244 and 260. Is mine delayed?", score=None, quoted=(251, 244, 260)),
        row("my dad keeps saying his step 2 was '99' and asking why mine (241) is so low", score=241),
        row("they said my 240 is fine for IM", score=240, quoted=()),
        row("what can someone match with 230", score=230, quoted=()),
        row("is the IM average really 240 or is that old data", score=None, quoted=(240,)),
        row("avg for derm n is it over 255", score=None, quoted=(255,)),
        row("upperclassmen scare me saying you need 260+ for plastics", score=None, quoted=(260,)),
        row("people keep throwing numbers like 250 and 245 around", score=None, quoted=(250, 245)),
        row("i checked 40 times and it says 258", score=258),  # the score report speaking: theirs
        row("derm avg and i got 255, chances?", score=255),  # their own result after the figure word
        row("i saw a graph saying 75th %ile is 256, is that right", score=None, quoted=(256,)),
        row("a chart shows 250 is average for gas", score=None, quoted=(250,)),
        row("my friends say the IR average is super high, like 255+", score=None, quoted=(255,)),
        row("ortho avg was 256 last year? or 251?", score=None, quoted=(256, 251)),
        row("obgyn step 2 avg — is it still around 245?", score=None, quoted=(245,)),
        row("i read that anything under 230 gets filtered for IM", score=None, quoted=(230,)),
        row("uro avg step 2 ck, i heard 250", score=None, quoted=(250,)),
        # A year dates the score of its own sentence only.
        row("First was 205 last fall. Step 1 was 209 (I took it scored, 2021).", score=205, past_year=None),
        # A score supposed ("thought i'd get like 240") steps aside for the one they got.
        row("it was 251!!!! my nbmes were 238-244 so i thought i'd get like 240", score=251),
        # A Step 1 named earlier doesn't take a number from a new clause ("..., so ... my 251").
        row("a first-attempt step 1, so i don't know whether my 251 makes up for it", step1=None, score=251),
        row("honestly so embarrassed. told everyone i'd crush it and got a 224", score=224, quoted=()),
        row("If I take CK and get like 230, is that worse than not taking it", score=230, hypothetical=True),
        # A retake's result is the one that counts now.
        row("I failed CK in March (211, passing is 214) and just got my retake score: 236", score=236),
        row("2nd attempt passer of CK (first 210, second 236), applying FM", score=236),
        # A year before today's rules is kept beside the score it dates.
        row("got a 95 on step 2 back in 2009", score=95, past_year=2009),
        row("i got 250 on ck", score=250, past_year=None),
        # the year they graduated dates no score ("YOG 2018, took ck last month, got 209" is a result of now)
        row("IMG, graduated 2019, ck 212, what now?", score=212, past_year=None),
        row("YOG 2018, took ck last month, got 209", score=209, past_year=None),
        row("graduated in 2015, my ck back in 2016 was 205", score=205, past_year=2016),
        # COMLEX is its own scale.
        row("COMLEX level 2 was 580, is step 2 worth it", score=None, comlex=580),
        # Ranges are ranges.
        row("240-250 for derm?", score=None, range=(240, 250)),
        row("between 235 and 245 for psych", score=None, range=(235, 245)),
        row("nbme 230-240 lately", range=None),
        # "actually" far from any number corrects nothing: the result told stays theirs
        row(
            "Step 1 was 221 (2021). CK came back 250! does the jump actually help or do programs anchor on the 221?",
            score=250,
            step1=221,
        ),
        # Counts of interviews or letters are no score, whatever field is named between
        row("I got 4 FM interviews and 2 psych interviews so far, worried", score=None),
        row("my mentor says i'm in the 245-250 range, good for IM?", range=(245, 250)),  # theirs, told by a mentor
        # A range heard leaves the result told alone
        row("CK score back: 259. my advisor says the ENT average is around 255-258", score=259, range=None),
        # Step 1's retake is Step 1's; the CK told after it is theirs
        row("step 1 was 194 (failed) in 2021, passed on retake with 219. my ck came back 244", score=244),
        row("what do i say in ERAS about failing (209) before passing with 231?", score=231),
        # practice results in brackets after the tests' name
        row("took ck yesterday, nbmes were around 240 (238, 243, 241), worried now", score=None),
        # "Second," numbers a question, not an attempt: the result told first stays theirs
        row(
            "I got 244 on CK. First, is 244 ok for IM? Second, should I couples match with my gf (EM, 251)?", score=244
        ),
        # Figures guessed at or listed from hearsay are quoted, not theirs
        row("step 2 avg for ortho? is it like 257", score=None, quoted=(257,)),
        row("people say peds avg is 240 and FM is 236, true?", score=None, quoted=(240, 236)),
        # Practice results said without a test's name are the practice tests'
        row("exam in 5 days, I've been 238-ish on everything", score=None, other=238),
        row("waiting on my score. practice were 241 and 246", score=None),
        row("panicked halfway through nbme 13. score 224. shaking", score=None),
        row("program director here, one of our students got a 231 and wants ortho", score=None, quoted=(231,)),
        # Someone else's, told apart from theirs.
        row("EM avg? my friend matched EM in 2021 with a 238, said that was average", score=None, quoted=(238,)),
        row("she's going peds (CK 239) and I'm going IM (CK 252), couples matching", score=252, quoted=(239,)),
        row("my husband (ck 247) and me (ck 233) are couples matching, which of us drags", score=233, quoted=(247,)),
        # A bare number after a practice test, with no real exam named, is the practice test's.
        row("uwsa1 done. 241. exam in 9 days", score=None, practice=(PracticeResult("uwsa", "1", score=241),)),
        row("ugh two nbmes this week. 229 and 233", score=None),
        row("did uwsa2. 251. then took ck and got 248", score=248),  # the real exam named: its number
        row("my nbmes were 240ish. score came out today. 244.", score=244),  # a result told: the real one
        row("uwsa2 250. results posted. 246. happy-ish", score=246),
        # Counts, years, percentages and times are not scores.
        row("did 40 qs today at 70%, exam in 2026", score=None, bad=None),
        row("I got 3 derm interviews", score=None, bad=None),
        row("I got 400 on step 2", score=None, bad=400),
        row("step 2 ck 2-digit score isn't reported anymore right?", score=None, bad=None),  # "2-digit" is a kind
        # A rough score with the exact one beside it: the exact one.
        row("mid 230s score (234), no clue what I want", score=234),
        # Someone's chances asked, their score read for them (never kept as the student's).
        row("my girlfriend wants derm and has a 258, will she match", score=258, someone=True),
        row("my boyfriend got 245 and wants EM, whats his chances", score=245, someone=True),
        row("my friend got 236 on CK and IM ghosted her. is 236 too low for IM now?", score=236, someone=True),
        row("writing for my girlfriend. she got 219 on step 2. how bad is 219 for OBGYN?", score=219, someone=True),
        row("my advisee scored 230 and wants ortho. what should i tell him?", score=230, someone=True, own=False),
        row("my little brother got 251, which residencies can he get?", score=251, someone=True),
        row("finished my 4th nbme and they're 241, 238, 243. enough for EM?", score=None, quoted=()),  # the tests'
        row("I have read many posts that IMGs need 250 for psych", score=None, quoted=(250,)),
        # Lists of one test's results, however they run; a rate and an argued average are no score.
        row("my nbme trend: 236 (nov 14), 233 (nov 21), 229 (nov 28), 231 (today)", score=None),
        row("nbme 9 was 244, 11 was 240, 12 was 238. want EM", score=None),
        row("NBMEs: form 9 236, form 10 233. ENT avg is what, 255?", score=None, quoted=(255,)),
        row("plastics avg is probably 255 right? mine came back 247", score=247, quoted=(255,)),  # a hedged guess
        row("my avg is probably 245 across the nbmes, enough for EM?", score=245),  # their own (review22 #10)
        row("nbme 238, uwsa2 244. is 240ish going to be enough for IM?", score=240, hypothetical=True),  # rough, ahead
        row("my score was 240ish, enough for IM?", score=240),  # rough, but told as theirs
        row("nbme 12 was 238. i want gas so thinking 245ish is safe", score=245, hypothetical=True),  # a level thought
        row("i can't stop thinking about my 228. will IM programs care", score=228, hypothetical=False),  # theirs
        row("Anki reviews 300/day. Aiming 255 for ortho", score=255, hypothetical=True),
        row("last nbme 243, uwsa2 251, so i'm guessing high 240s? i want anesthesia", hypothetical=True),
        row("kinda nervous i'll plateau at 245 like on shelves", score=245, hypothetical=True),
        # The score that stands after a fail; the real one beside a practice test's
        row("got 238 on my retake (failed the first with 208). peds?", score=238),
        row("2 attempts on CK: 210 (fail) then 242. Step 1 pass.", score=242),
        row("they asked about my 2 attempts on step 2 (first was 209 fail, then 237). how much detail?", score=237),
        row("failed at 211, then passed with 229. applying FM", score=229),
        row("fail 210. planning retake in 8 weeks", score=210),  # no later result: the fail is the score
        row("nbme said 250 but real came back 241 for gas", score=241),
        # A post written for someone else: their score, read for them
        row(
            "writing for my wife. she took CK in october. her score came out last wednesday: 247",
            score=247,
            someone=True,
        ),
        row(
            "wife of an IMG here. He failed CK in november (211) and has interviews in january", score=211, someone=True
        ),
        row("my cousin is a non-US IMG. step 2 ck 259, graduated in 2015. does YOG matter?", score=259, someone=True),
        row("one says the CK average is 249, another says 245, i say its closer to 247", score=None),
        # Someone else's result, whoever they are: "one of them", an upperclassman, "this girl from my school".
        row("the M4s keep bragging, one of them got a 268 and matched ENT. should i start uworld", score=None),
        row("an upperclassman got 259 and matched rads, how long did he study", score=None),
        row("this girl from my school got a 271, how", score=None),
        row("everyone on my feed has 255+, am I behind", score=None),
        row("i'm a guy and got 247, ok for ortho?", score=247),  # the student's own, said of themselves
        row("did all of them and got 242 on ck, ok for IM?", score=242),  # all their practice tests, then theirs
        row("as a girl who got 239, is gen surg realistic", score=239),
        # A result told with a dash or a colon, beside a prediction: the result is theirs.
        row("score came out - 243. my uwsa2 predicted 251, what happened", score=243),
        row("Retake: 228. First attempt was 209. finally", score=228),
        row("passed!! 226 on the retake after a 211 last spring", score=226),  # the result before the attempt named
        row("retook it and PASSED, 224 this time, first attempt was 209", score=224),
        row("step 1 pass, ck attempt 1: 204 (fail), ck attempt 2: 229", score=229),  # CK's attempts, Step 1 aside
        row("free 120 was 71% with a week left", practice=(PracticeResult("free120", "", percent=71),)),
        # A figure heard, said again later, is still the figure heard; an average guessed at is one too.
        row("a resident said under 235 gets screened out for peds. is the 235 thing true?", score=None, quoted=(235,)),
        row("241 avg on my nbmes. psych avg is what, like 246?", score=None, quoted=(246,), other=241),
        row("heard derm cuts at 250 now but my friend matched w 243", score=None, quoted=(250, 243)),
        # A run of forms told with "was": each a practice result, and the goal asked about after them is the goal.
        row(
            "nbmes so far: 10 was 231, 12 was 238. on track for 250?",
            score=250,
            hypothetical=True,
            practice=(PracticeResult("nbme", "10", score=231), PracticeResult("nbme", "12", score=238)),
        ),
        # Each result with the test it was said on: "205 on NBME 10, and 233 on UWSA1".
        row(
            "began at 205 on NBME 10, and 233 on UWSA1 yesterday",
            score=None,
            practice=(PracticeResult("nbme", "10", score=205), PracticeResult("uwsa", "1", score=233)),
        ),
        # The student naming their own role is no one else's score; another intern or resident's still is.
        row("incoming peds intern with a 238 on ck, does it matter now?", score=238, quoted=()),
        row("i'm a prelim resident w a 241, will fellowships care?", score=241, quoted=()),
        row("a resident with a 250 told me derm is out of reach", score=None, quoted=(250,)),
        row("my co-intern with a 244 matched rads", score=None, quoted=(244,)),
        row("my cousin is an IM resident with a 262 and matched cards", score=None, quoted=(262,)),
        row("senior resident with a 255 told me derm is out of reach", score=None, quoted=(255,)),
        row("another intern with a 244 matched rads, am i behind?", score=None, quoted=(244,)),
        row("i spoke to the department chief resident with a 262 who matched derm", score=None, quoted=(262,)),
        # After another's number, one said in a sentence of its own, of no one else, is theirs; one wished for isn't.
        row("My roommate is going ortho with a 262. Applying general surgery with 251, ok?", score=251, quoted=(262,)),
        row("my friend got 262. 250 is what i need for derm right?", score=250, hypothetical=False, quoted=(262,)),
        # A count asked about is how many, never a score; nor is a number called a practice score.
        row("how many interviews does a DO need to feel safe for EM? got 8, COMLEX 2 at 601", score=None, bad=None),
        row("got a 244 practice score last week, good for EM?", score=None),
        # The real exam's result said as such, after a practice test named: "to a real 247".
        row("went from NBME 218 to a real 247. I literally screamed", score=247),
        # Their own said apart from a practice range it falls inside; their self-description as an applicant.
        row(
            "just opened my score report, 247 on step 2. my nbmes were all over (231 to 252). above average?", score=247
        ),
        row("USMD, ortho applicant with a 247. not terrible, not great for ortho", score=247),
        row("a derm applicant with a 260 didnt match", score=None, quoted=(260,)),
        # Others' scores however far back they are told: a group's decade, a sister's match years ago.
        row("nbme 12: 219. everyone in my study group is in the 240s and i feel stuck", score=None),
        row("my older sister matched FM a few years ago with a 231 and nobody asked", score=None),
        # A cut-off heard, hedged; a level to push for.
        row("nbmes around 236. is 250 basically the cutoff for rads now?", score=None, quoted=(250,)),
        row("nbme 12 = 241. is it better to wait and push for 250+ or take it at 240", hypothetical=True),
        # A score said in words; a range other people keep quoting.
        row("two forty-one on CK. rads. thoughts?", score=241),
        row("two hundred and thirty five on ck", score=235),
        row("i have two kids and 241 on ck", score=241),
        row("nsgy avg step 2? people in my class keep quoting 255-260", score=None, range=None),
        # a time or an age band in words is no score; a fail band in words is one; their own range "posted" is theirs
        row("exam at two thirty tomorrow, so nervous", score=None),
        row("its two thirty am and i cant sleep", score=None),
        row("my two twenty something friends all matched", score=None),
        row("got two fourteen on ck. failed.", score=214),
        row("been posting 245-250 on uwsas, is derm realistic?", range=(245, 250)),
        # Two results told, then their difference asked: hers and theirs, not a range.
        row(
            "my best friend got a 268 and i got a 241, both applying IM. is the difference between 241 and 268 "
            "meaningful to programs?",
            score=241,
            quoted=(268,),
            range=None,
        ),
        row("between 235 and 245 for gas ok?", range=(235, 245)),
        # Their own score, whoever tells it to them; how many programs, whoever says it.
        row("the PD told me my score (237) is right in the middle of their applicants. good sign?", score=237),
        row(
            "idk how many IM programs to apply to, my whatsapp group keeps saying 150 minimum and i cannot afford 150",
            score=None,
            quoted=(),
        ),
        row("how many programs should i apply to with a 195 for FM?", score=195),
        # The pass mark asked about ("still 214 or did they raise it?") is no result of theirs.
        row("What is the passing score for CK now, still 214 or did they raise it? my friend told me 218", score=None),
        # The pass mark named ("the line is 218") is no result of theirs.
        row("just got 219 on NBME 13 two days before my retake. the line is 218 now right??", score=None),
        # the real result told as news after the practice tests, not another practice result
        row(
            "my NBMEs averaged 255, UWSA2 was 261, free 120 82%. got my score today: 232",
            score=232,
            practice=(
                PracticeResult("nbme", "", score=255),
                PracticeResult("uwsa", "2", score=261),
                PracticeResult("free120", "", percent=82),
            ),
        ),
        row("uwsa2 261. score came out today: 232", score=232),
        row("last NBME was 226, first real attempt was 211. enough margin?", score=211),  # the real attempt's
        # another's result, or figures seen around, never theirs
        row("I matched EM, but my friend didn't match derm with a 251. how?", score=None),
        row("couples matching. partner is an IMG with 235, I'm a US MD with 252, both IM", score=252),
        # a Step 1 set against their CK score names no Step 1 number
        row(
            "step 1 pass (2nd attempt), ck 251. how much will the step 1 attempt hurt me compared to the 251?",
            score=251,
            step1=None,
        ),
        row("my friend who is applying derm with a 250 says I have no shot", score=None),
        # the student describing themselves, or their own practice average, is theirs (review26 #5, #6)
        row("I'm a senior who is applying IM with a 240, chances?", score=240),
        row("my practice average on step 2 is 244, am i ready?", quoted=()),
        # another's news elsewhere in the post leaves a practice result a practice result (review26 #4)
        row(
            "is uwsa2 accurate? got a 241. scores are out for the june takers so everyone is posting",
            score=None,
            practice=(PracticeResult("uwsa", "2", score=241),),
        ),
        row("avg for ortho? I see numbers all over the place, like 250 in one place and 257 in another", score=None),
        # the exam's median as a friend tells it is a quote, never theirs
        row("my friend keeps telling me the median on step 2 is 250 now, is that true?", score=None, quoted=(250,)),
        # The results a practice test went through.
        row(
            "nbme went from 218 to 229, good?",
            score=None,
            practice=(PracticeResult("nbme", "", score=218), PracticeResult("nbme", "", score=229)),
        ),
        # the one before, pointed back to: the same exam's earlier result, kept in time order (ar)
        row(
            "step 2 is booked for june 20. my last NBME was a 247, the one before was 241. keep the date?",
            score=None,
            practice=(PracticeResult("nbme", "", score=241), PracticeResult("nbme", "", score=247)),
        ),
        # a note in brackets is no pointer back: "(before dedicated)" leaves the results in the order said (review35 H2)
        row(
            "nbme 9 was 230 (before dedicated), then 241, then 248. am i ready?",
            score=None,
            practice=(
                PracticeResult("nbme", "9", score=230),
                PracticeResult("nbme", "", score=241),
                PracticeResult("nbme", "", score=248),
            ),
        ),
        # a practice result told roughly is no number to note (ar: "NBMEs were 250s" had been noted as 255)
        row("I think it'll be a good score (NBMEs were 250s)", score=None, other=None, practice=()),
        # a figure said to sit nearer a number is a quote too (ar)
        row(
            "my mentor said 240 is fine but charting outcomes seems to show a median more like 245",
            score=None,
            quoted=(240, 245),
        ),
        # whose number, thirty-first stop: a quoted average, a figure said of a field or a group, someone they teach
        row("rads avg ck is like 250 right? mine's 243", score=243, quoted=(250,)),
        row("rads avg ~250? i have 253", score=253, quoted=(250,)),
        row("under the 240 my friend says is the IMG median for IM", score=None, quoted=(240,)),
        row("I keep reading ortho wants 255+ on CK", score=None, quoted=(255,)),
        row("won't look at DOs under 250 on step 2?", score=None, quoted=(250,)),
        row("a med student I mentor just got 214", score=None, quoted=(214,)),
        row("my big sib matched derm w a 262", score=None, quoted=(262,)),
        row("my bf got 262 and im at 239", score=239, quoted=(262,)),
        row("tutor says consistent 235+ on NBMEs", score=None, quoted=(235,), practice=()),
        row("someone said 79% on the free 120 converts to like 255", score=None, quoted=(255,)),
        # ...and their own, told beside what someone said or with the test speaking (review39 H2, H3)
        row("got 249 my advisor said its fine for EM", score=249, quoted=()),
        row("uwsa2 said 261, nbme 12 said 243", score=None, quoted=()),
        row(
            "honestly my friends say nbme 10 is brutal, got 229 on it",
            quoted=(),
            practice=(PracticeResult("nbme", "10", score=229),),
        ),
        row("apparently nbme 12 was 238 for me", quoted=(), practice=(PracticeResult("nbme", "12", score=238),)),
        # A figure seen or read somewhere is a quote, however it is said; a result on the real thing is theirs.
        row("the matched peds average i saw was 247. if i get 240 am i done", score=240, quoted=(247,)),
        row("read 235 somewhere for psych, my nbme was 229", score=None, quoted=(235,)),
        row("i read the avg step 2 for matched ortho is around 257", score=None, quoted=(257,)),
        row("from 214 on my first nbme to 246 on the real thing!!", score=246),
        row("level 2 came back 598 and ck 243 last week. would 243 work for peds", score=243, hypothetical=False),
        row("a classmate matched em with 244 and i also have 244", score=244, own=True, quoted=()),
        row(
            "mine said 241 on the nbme, is that accurate", quoted=(), practice=(PracticeResult("nbme", "", score=241),)
        ),
        row("thinking of sitting ck at 238 or pushing?", score=238, own=False, hypothetical=True),
        # A count, another exam's figure or a temperature is no Step 2 CK score; a score set before programs is one.
        row("ck 231, applied to 160 IM programs", score=231),
        row("will 228 fm programs even look at me?", score=228),
        row("fever 101 and my exam is tomorrow, can i still pass?", score=None),
        row("we need 70 on the cbse before they let us sit", score=None),
        row("fever 101 this morning and my exam is friday", score=None),
        row("got a 68 on the renal block, class average 80", score=None),
        # "mine's" sets their result beside another's: on the same test where one was named, else their score
        row(
            "his nbme 12 was 244 and he ended up with 229. mine's 243, am i in trouble",
            score=None,
            practice=(PracticeResult("nbme", "12", score=243),),
        ),
        row("my roommate got 252 on ck. mine's 247", score=247, someone=False),
        row("his uwsa2 was 255 and he got 262 on ck. mine's 249, bad for gas?", score=249, practice=()),
        # the real exam's result at the end of a list of practice results; figures heard, listed tersely
        row("from nbme 210 to a 245 on the real one", score=245, own=True, practice=(PracticeResult("nbme", "", 210),)),
        row("uwsa1 was 251 then 248 on the real thing", score=248, own=True),
        row("charting outcomes says matched 259 average and unmatched 250 for plastics", score=None),
        row("derm matched people are like 255+ right? i have 249", score=249, quoted=(255,)),
        row("what's the plastics average again, like 255? real score: 247", score=247, own=True, quoted=(255,)),
        row("PD said our median is 252 and mine is 238", score=238, own=True, quoted=(252,)),
        # someone else's match told at length before their number; a result said again is one result
        row(
            "my roommate matched IM at a big academic place with a 255 so now im spiraling. is 241 on the nbme ok?",
            score=None,
        ),
        row(
            "took NBME 12 on sunday and got a 241. is 241 on the nbme ok for IM?",
            practice=(PracticeResult("nbme", "12", score=241),),
        ),
        row(
            "my NBMEs have been 224, 223, 225, 224",  # four tests, none named: two of them 224
            practice=tuple(PracticeResult("nbme", "", score=n) for n in (224, 223, 225, 224)),
        ),
    ],
)
def test_numbers_belong_to_their_exam(text: str, fields: dict[str, Any]) -> None:
    found = read_numbers(text)
    for name, value in fields.items():
        assert getattr(found, name) == value, (name, found)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("I got 251", True),
        ("actually it's 251", True),
        ("my ck came back 244", True),
        ("my step 2 score is 238, can I do EM", True),
        ("scored a 249 :(", True),
        ("is 240 good?", False),
        ("what can someone match with 230", False),
        ("if I get 250 can I do derm", False),
        ("would 245 be ok for psych", False),
        ("I want a 260", False),
        ("248 good enough for ortho??", False),
        ("PD said their cutoff is 230 and I have 228", True),
        ("everyone posted theirs and mine is 233", True),
        # the real exam's result, labelled or told as news (fortieth stop)
        ("real score: 247, uwsa2 was 262", True),
        ("CK: 238. nbme 11 was 244", True),
        ("CK 263, uwsa1 254. ENT, fewer programs now?", True),
        ("official came back today at 252", True),
        ("my score dropped this morning: 246", True),
        ("passed with 219, barely", True),
        ("the real thing gave me 250, uwsa2 had me at 263", True),
        ("will i get 245 on the real thing", False),
        ("is ck 240 ok for IM?", False),
        # counter-examples a stranger-style reviewer found: another's, a figure, a hope, the pass mark
        ("my brother passed with 235, is that good for FM?", False),
        ("her stats:\nCK: 251\nis she competitive for derm?", False),
        ("CK: 250+ for ortho right?", False),
        ("praying for 250 on the real one", False),
        ("uwsa1 243, uwsa2 249. 250 on the real thing realistic?", False),
        ("the pass mark went up, the real one is 218 now", False),
        ("CK 240, 245, or 250, what is the real cutoff for IM?", False),
        ("derm avg 257? just got 251", True),
    ],
)
def test_a_stated_score_is_the_students_own_and_an_asked_one_is_not(text: str, own: bool) -> None:
    found = read_numbers(text)
    assert found.score is not None and found.own is own, found


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("hoping for a 255, enough for plastics?", True),
        ("if I get 240 can I still do EM", True),
        ("what if i only get like 230", True),
        ("terrified I'll end up with 225", True),
        ("aiming for 250+ for gas", True),
        ("need a 245 for IM?", True),
        ("is 58% correct bad for a 245 goal", True),  # the goal named after the number
        ("250 or bust for rads, is that crazy", True),
        ("studied 300 hours so far, is that enough for 250", True),
        ("nbme 9 was 219, can i get to 245 in five weeks", True),  # a figure to climb to
        ("NBME 9 was 221, is 245 realistic for IM?", True),  # a level asked about as reachable
        ("38 days left, 2150 uworld qs to go, nbme 238. can i hit 250?", True),  # "can i hit": asked, not hit
        ("i hit 250 on the real thing!", False),
        ("is a 240 even realistic for IM at this point", True),
        ("got 245, realistic for derm?", False),  # a result told, then asked about
        ("CK 245 realistic for derm?", False),  # named by its exam: a result (review26 #11)
        ("does 248 vs 252 change anything for anesthesia", True),  # two figures set side by side
        ("matched ortho with a mediocre score like 238, possible?", True),  # a figure picked to ask with
        ("i got a score of like 233, ok for FM?", False),  # a result told loosely is still theirs
        ("managed to get up to 246 on the real thing, good for EM?", False),
        ("is 245 enough for ortho", False),  # the number asked about comes first: "your 245"
        ("is 240 good for IM?", False),  # asked about, not supposed: "your 240"
        ("I got 251, ok for derm?", False),
        ("my friend got 260", False),
    ],
)
def test_a_hoped_for_or_feared_score_is_hypothetical(text: str, hypothetical: bool) -> None:
    found = read_numbers(text)
    assert found.score is not None or found.quoted, found
    assert found.hypothetical is hypothetical, found


def test_nothing_found_in_plain_words() -> None:
    assert read_numbers("how should I study") == Numbers()


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("ugh autocorrect. it's 239 not 293, obviously no one got a 293. is 239 ok for PM&R", 239),
        ("actually scratch that, i typed 261 but its 216. is 216 going to get me screened", 216),
        ("earlier I told you 215 but I misread the report, it's actually 251! My UWSA1 was 248", 251),
        ("i told you i got 228 but that was my nbme 13. my actual ck is 240, with 240 am i ok", 240),
        ("a decent CK (UWSA2 predicted 246, real score 244), 1 abstract", 244),
    ],
)
def test_a_corrected_score_is_the_one_that_counts(text: str, score: int) -> None:
    assert read_numbers(text).score == score


@pytest.mark.parametrize(
    ("text", "step1", "score"),
    [
        ("I took Step 1 in 2020 and got 236. I'm on a research year", 236, None),
        ("My step 1 (2021, scored 230) took 3 weeks.", 230, None),
        ("Step 1 was a while ago, and I got 250 on ck", None, 250),
    ],
)
def test_step1_is_found_across_its_sentence(text: str, step1: int | None, score: int | None) -> None:
    found = read_numbers(text)
    assert (found.step1, found.score) == (step1, score)


def test_without_a_digit_no_rule_finds_anything(corpus: Corpus) -> None:
    # read_numbers skips the rules for text without a digit: each rule, run anyway, must agree.
    texts = [e.text for e in corpus.examples]
    stripped = [re.sub(r"\d", "", t).lower() for t in texts]
    assert sum(t != s for t, s in zip(texts, stripped, strict=True)) > 500  # plenty had numbers to lose
    for text in stripped:
        assert _numbers_in(text, ()) == Numbers(), text
