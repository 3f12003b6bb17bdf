"""Free text as students write it -> a structured `Parsed`.

`understand(text, knowledge)` is a pure function: no I/O beyond the model loaded once, and it
never raises. Only the first `MAX_CHARS` characters are read.

How a message is read
---------------------
* Entities by rule (they are exact): specialties (`specialties.py`), numbers and the exam each
  belongs to (`scores.py`), what the student says about themselves (`about.py`).
* Intent, FAQ topic and feeling by the classifier (`classifier.py`), trained on the labelled
  examples in knowledge/examples/. The entities then settle what the classifier cannot see:
  "score_check" needs a score and one specialty, an off-scale score is "invalid_score".
* A few cues stay rules (`cues.py`): a pure greeting, help, an explicit study-plan request,
  and the safety net for hopelessness and self-harm.
* Long posts are split into sentences; the whole post gives the main ask, and a sentence that
  confidently asks something else becomes a secondary ask (`also`).
* Below `CONFIDENT` the reading is kept but marked unsure, with `alternatives` to offer.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from bot import answer_model, quick_re
from bot.answer_bank import band_against, best_answer, fits, in_band
from bot.exam_words import ANY_DAY, PRACTICE_NAME_RE
from bot.parse_answers import (
    days_out,
    days_to_exam,
    did_nothing,
    find_exam_date,
    parse_progress,
    questions_per_day,
    tells_blocks,
)
from bot.understand import cues
from bot.understand.about import AboutFacts, about, failed_comlex, failed_step1, fears_a_fail, someone_else_failed
from bot.understand.classifier import (
    MODEL_FILE,
    Model,
    ModelError,
    Prediction,
    data_digest,
    entity_tokens,
    load_model,
    stamped_digest,
)
from bot.understand.scores import Numbers, PracticeResult, failed_with, read_numbers, someone_got
from bot.understand.specialties import Index, find_specialties, index_for, tokens_of
from bot.understand.vectors import predict
from knowledge import Knowledge, topics
from knowledge.corpus import FeelingName, IntentName, SchoolName, StatusName
from knowledge.models import Answer
from knowledge.text import fold, holds_any, normalize
from knowledge.vocab import phrase_in, vocabulary

log = logging.getLogger(__name__)

Intent = IntentName | Literal["out_of_scope"]
"""The free-text intents: the corpus's (knowledge/corpus.py), so the labels and the code agree, and
"out_of_scope" (another exam than Step 2 CK), which only the rules decide."""
Feeling = FeelingName | Literal["disappointment", "relief", "worry"]
"""The learned feelings (`knowledge.corpus.FeelingName`), and three read by rule alone (`cues.felt`)."""

MAX_CHARS = 1000
"""Only this much of a message is read: questions are short, and work must stay bounded."""
CONFIDENT = 0.45
"""Below this probability for the top intent (and with no entity to settle it) we ask, not guess."""
FEELING_AT = 0.5
"""A feeling is acknowledged only when the classifier is this sure (hopeless has its own bar)."""
HOPELESS_AT = 0.4
"""Lower than other feelings on purpose: missing a student in crisis costs far more than one caring
reply too many. Chosen on the corpus's own test split, beside the phrase list and `cues.hopeless`:
at 0.4 every hopeless message there is caught and one other is not; at 0.25 six others got a hotline.
Since the hyperbole examples of care.jsonl were added (24 of them fell in the test split) it is 8 of 889,
five of them those hard new ones ("what if i fail and have to tell everyone")."""
HOPELESS_BARE_AT = 0.9
"""The model's bar for a message with none of the words crises are said in (`cues.distress_words`)."""
CRISIS_AT = 0.8
"""The crisis head's bar (`classifier.HEADS`) beside a word crises are said in (`cues.distress_words`): a crisis said
in words no rule knows. Chosen with its regularisation by leaving one writer out at a time (`training.CRISIS_C`)."""
CRISIS_BARE_AT = 0.95
"""The crisis head's bar for a message with none of the words crises are said in (`cues.distress_words`)."""
FEAR_REST_WORDS = 3
"""Words of two letters or more left beside a fear of failing from which the rest is read again for despair."""
_WORD_RE = re.compile(r"[a-z]{2,}")
ALSO_AT = 0.6
"""A long post's question sentence the model is this sure asks for something besides an answer (a plan, a
log) is offered as that."""
SPECIFIC_CHARS = 150
"""A post this long with a score, a specialty and a confident question keeps that question: it is the
comparison (the frame holds), and its topic is answered first with the score beside the averages."""
ASKS_READ_FROM = 150
"""From this length a post's question sentences are read one by one (`answer_model`): a shorter message is its
question."""
FRAME_LEAD_SURE = 0.5
"""How sure the answer model must be for a short score-and-field message's own question to lead the reply."""
TOPIC_HOLDS = 0.9
"""How sure of a short question's topic the model must be for the answer model to choose only within it."""
LONG_LEAD_SURE = 0.5
"""How sure the answer model must be of a long post's question sentence for its answer to lead, over the
general answer of the topic the whole post was heard as."""
_FIT_ASKED_RE = quick_re.compile(
    r"\b(?:ok|okay|good|enough|decent|competitive|safe|fine|solid)\s+(?:for|in)\b"
    # (not a resource weighed: "is amboss good for peds prep?")
    r"(?!(?:\s+\w+)?\s+(?:prep|prepping|studying|review|resources?|practice|shelf)\b)"
)
"""A result asked against a field ("ok for IM", "good enough for gas"): the fit, asked in so many words."""
_GOOD_SHAPE_RE = quick_re.compile(
    r"\b(?:am i|are we|is (?:it|that|this|my \w+)) (?:in )?(?:good|ok|okay|decent|solid|fine|safe|competitive|enough)\b"
    r"|\bgood shape\b|\bam i competitive\b|\bis (?:that|it|this) enough\b"
)
"""A post's question on how the student's own score stands ("Am I in good shape now?"), which the comparison answers."""
QUESTION_TOPICS = 3
"""A long post's question sentence's likeliest topics that are read: the post's heard topic among them holds..."""
QUESTION_TOPIC_AT = 0.2
"""...from this probability (a word shared by chance, "does a late score mean...", is no question about averages)."""
SENTENCE_TOPIC_SURE = 0.8
"""How sure of a long post's question sentence's topic the model must be for it to replace the topic its whole
text was heard as, when no question asks about that."""
WITHIN_RULED_SURE = 0.2
"""Within a topic a rule decided, how sure the answer model must be of one of its answers (the topic is settled;
only which of its answers is left)."""
OPENER_BELOW = 150
"""A bare "Yes." or "Often, yes." opens an answer only to a message shorter than this: in a long post it would
answer the answer's own question, not necessarily the student's."""
LOG_CHARS = 80
"""Characters within which a count of questions done, asking nothing, is a day's log whatever the model heard."""
KNOWN_WORDS = 0.5
"""Below this share of words seen in training, a message is "unknown" whatever the model says."""
_UNREAD_NUMBER_RE = quick_re.compile(r"\b\d{3,}\b")
EARLY_MATCH_FIELDS = frozenset({"ophthalmology", "urology"})
"""Fields that match before the NRMP Main Match (SF Match, the AUA's), their first year arranged apart."""
ENTITYLESS_TOPIC_AT = 0.3
"""A number intent with no number or field to answer with gives way to the model's next reading, a question, when
the model places that question's topic at least this surely."""
SHORT_WORDS = 6
SHORT_SURE = 0.95
"""A message this short that names a score or specialty is read by its entities unless the model is this sure."""


@dataclass(frozen=True)
class Parsed:
    """What a message asks, in plain data; no transport and no profile involved."""

    intent: Intent
    score: int | None = None
    """The Step 2 CK score the message is about, 1-300, else None."""
    specialties: tuple[str, ...] = ()
    """Canonical specialty ids, in the order mentioned, without repeats."""
    topic: str | None = None
    """FAQ topic id when the message asks a known question."""
    other_specialty: str | None = None
    """Id from other_specialties when they name a specialty we hold no average for (the first)."""
    bad_score: int | None = None
    """The out-of-range number they gave as a score (intent invalid_score)."""
    practice_score: int | None = None
    """A 100-300 number they gave for a practice test or Step 1 (never used as the score)."""
    own: bool = False
    """`score` is the student's own result ("I got 251"), not one asked about ("is 240 good?")."""
    range: tuple[int, int] | None = None
    """A Step 2 score range asked about ("240-250 for derm?")."""
    practice: tuple[PracticeResult, ...] = ()
    step1: int | None = None
    comlex: int | None = None
    other_specialties: tuple[str, ...] = ()
    """Every specialty named that we hold no figure for, in order."""
    feeling: Feeling | None = None
    confidence: float = 1.0
    """Probability of `intent` (1.0 when rules decided it)."""
    alternatives: tuple[str, ...] = ()
    """When unsure: the likeliest readings, as "intent" or "faq:<topic>", best first."""
    also: tuple[str, ...] = ()
    """Secondary asks of a long post, as "intent", "faq:<topic>" or "answer:<id>" (a specific answer)."""
    answer: str | None = None
    """The id of the bank's answer a long post's own question asks for, within `topic` (`bot.answer_model`)."""
    school: SchoolName | None = None
    stage: str | None = None
    status: StatusName | None = None
    exam_date: bool = False
    """They named their upcoming exam's date (read with the plan parser by the caller)."""
    quoted: tuple[int, ...] = ()
    """Scores that are a figure they heard or someone else's ("249 is the median"): answered, never kept."""
    score_year: int | None = None
    """A year before today's scoring rules (1990-2021) named beside the score: "a 95 back in 2009"."""
    hypothetical: bool = False
    """`score` is hoped for, feared or supposed ("hoping for 255", "if I get 240"): "a 255 would be..."."""
    someone_else: bool = False
    """`score` is another person's, asked about ("my friend got 244, is that good for IM?"): never kept."""
    feared: bool = False
    """`score` is supposed and feared ("what if I get a 220"): never read as their goal."""
    goal: bool = False
    """`score` is supposed as a figure to reach ("aiming for 250"): their practice results are read against it."""
    retake_booked: bool = False
    """A retake is booked and still to come, the fail behind them (`cues.preparing_a_retake`)."""
    weighing: cues.Weighing | None = None
    """What they say weighs on them beside the feeling (family, comparison, grief...), named in the reply."""
    yes_no: bool = True
    """The question can be answered yes or no ("is 240 enough?"); else no reply opens with "Yes."/"No."."""
    no_surgery: bool = False
    """Surgery is ruled out of the fields they weigh ("not interested in anything surgical")."""

    @property
    def unsure(self) -> bool:
        """Too unsure to answer: ask which reading they meant."""
        return bool(self.alternatives)


def understand(text: str, knowledge: Knowledge) -> Parsed:
    """Parse one message; never raises, whatever the text."""
    if not isinstance(text, str):
        return Parsed("unknown")
    try:
        named = knowledge.faq.get(normalize(text[:MAX_CHARS]).replace(" ", "_"))
        if named is not None:
            # A FAQ topic's own name ("retakes", "percentiles"), as typed after "@bot" in
            # inline mode: the topic, even when the model never saw the word alone.
            return Parsed("faq", topic=named.topic)
        # Markup pasted in ("<b>ortho</b>", "<script>...") is no part of what they said.
        said = _TAG_RE.sub(" ", text[:MAX_CHARS])
        # "thanks, what about IM?": the question after the thanks is what needs an answer
        asked = _THANKS_THEN_RE.match(said)
        return _understand(
            said[asked.end() :] if asked is not None and "?" in said[asked.end() :] else said,
            index_for(knowledge),
            model(),
            knowledge,
        )
    except Exception:  # a parser bug must cost one "didn't get that", never the bot
        log.exception("could not parse a %d-character message", len(text))  # the text itself is private
        return Parsed("unknown")


_TAG_RE = quick_re.compile(r"</?[A-Za-z][^<>]{0,60}>")
_THANKS_OPENER = r"(?:thanks?(?: you| u)?(?: so much| a lot)?|thx|ty|tysm|cool|great|ok(?:ay)?|perfect|awesome|got it)"
_THANKS_THEN_RE = quick_re.compile(
    rf"\s*(?:{_THANKS_OPENER}(?:\s*(?:!+|[.,;:]|\u2014|-)\s*|\s+(?=(?:{_THANKS_OPENER}|what|how|and|but|also|can|could|"
    r"is|are|does|do|any)\b)))+"
    r"(?=\S.{6,})",
    re.IGNORECASE,
)
"""A thanks or an ok said first, then more ("thanks! what about IM?"): what follows is read, when it asks."""

_loaded: list[Model] = []
_loading = threading.Lock()


def model() -> Model:
    """The shipped model, loaded once; a message arriving while `preload` runs waits for it."""
    if not _loaded:
        with _loading:
            if not _loaded:
                _loaded.append(load_model(MODEL_FILE))
    return _loaded[0]


def _load_both() -> None:
    model()
    answer_model.answer_model()


def reset_model() -> None:
    """Forget the loaded model (after retraining), so the next use reads the new file."""
    with _loading:
        _loaded.clear()


def preload() -> threading.Thread:
    """Load the models (and numpy, ~0.2 s) in the background, so start-up reaches its first poll sooner."""
    thread = threading.Thread(target=_load_both, name="load-understanding-model", daemon=True)
    thread.start()
    return thread


def check_model() -> str | None:
    """None when both model files (understanding and answers) are readable and were trained on the data
    beside them, else why not.

    Cheap (no numpy): it reads the models' JSON stamps and hashes the training data files.
    """
    return understanding_stale() or answer_model.check()


def understanding_stale() -> str | None:
    """None when the understanding model is readable and was trained on the examples beside it, else why not."""
    try:
        digest = stamped_digest(MODEL_FILE)
    except ModelError as err:
        return str(err)
    if digest != data_digest():
        return (
            "the understanding model was trained on other examples than those in knowledge/examples and "
            "knowledge/crisis; "
            "run: python -m bot knowledge train"
        )
    return None


_SCORE_INTENTS: frozenset[str] = frozenset(
    {"average", "score_check", "score_fit", "compare", "invalid_score", "unknown", "smalltalk", "greeting"}
)
_WORRIES: frozenset[str] = frozenset({"stress", "worry", "panic", "exhaustion"})
_ENTITY_SETTLED: frozenset[str] = frozenset({"average", "score_check", "score_fit", "compare", "invalid_score"})
_SENTENCE_RE = quick_re.compile(r"(?<=[.!?])\s+|\n+|\s+(?=\(?[1-9]\)\s)")
"""Where a post's sentences part: after . ! ?, at a line break, and before a numbered question ("... 2) will my
step 1 follow me"), which students list without punctuation."""
_CLAUSE_RE = quick_re.compile(r"\s*(?:;|\u2014|\u2013|\s-\s)\s*")
"""Where a sentence's clauses part, so a question asked after a semicolon or a dash counts ("...planning to signal
the program where I rotated; is that still smart or a wasted signal.")."""
_NUMBERED_RE = quick_re.compile(r"^\(?[1-9]\)\s+")
"""A question's number ("2) "), set aside so the question reads as one ("will my step 1 follow me...")."""
_DECADE_PHRASE_RE = quick_re.compile(r"\b(?:high|upper|mid|middle|low|lower)[\s-]+(?=\d{3}\s*'?s\b)", re.IGNORECASE)


def _understand(text: str, index: Index, loaded: Model, knowledge: Knowledge) -> Parsed:
    pass_mark, fail_mark = knowledge.pass_mark(), knowledge.fail_mark()
    tokens = tokens_of(text)
    if not tokens:
        if cues.hopeless_sentence(text):
            return Parsed("vent", feeling="hopeless")  # "죽고 싶어": a crisis in a script no word here is read in
        return Parsed("greeting" if "👋" in text else "unknown")
    norm = normalize(text)
    specs, others = find_specialties(text, tokens, index)
    nums = read_numbers(text, index.aliases)
    if (
        nums.score is not None
        and not (nums.own or nums.goal)
        and _LEVEL_ASKED_RE.search(norm)
        and (nums.practice or _QBANK_PERCENT_RE.search(text))
    ):
        # "nbme 14 = 247... does that line up with like a 250ish real score": a level their results are read against
        nums = replace(nums, hypothetical=True, goal=True)
    facts = about(norm, fold(text))
    # "got a 215 and passing was 218": under the mark they name (one of the recent ones) is a fail too
    named_mark = cues.pass_mark_named(norm)
    recent_marks = {m for m in (pass_mark, fail_mark) if m is not None}
    if named_mark in recent_marks and not cues.just_passed(norm):
        fail_mark = max(fail_mark or 0, named_mark)
    if facts.status in (None, "taken") and _below_pass(nums, fail_mark, norm):
        facts = replace(facts, status="failed")  # "got a 211. i feel so embarrassed": under the mark is a fail
    retake_asked = cues.asks_to_retake(text, norm)  # "248, retake?": asked about, not a retake's result
    # (a retake asked about is no retake passed, unless a pass on the retry is told: "passed on the retake with 224...
    # can I retake CK again now that I've passed?")
    retake_passed = (
        facts.status != "passed"
        and (not retake_asked or cues.passed_on_a_retry(norm))
        and _retake_passed(nums, norm, pass_mark)
    )
    if retake_passed:
        facts = replace(facts, status="passed")  # a fail behind them: the news is the pass
    # a post that opens with its fail, no retake yet in sight ("failed ck, retake in 8 weeks, make me a plan": the
    # retake is the news): the fail is what the reply meets and answers
    fail_news = facts.status == "failed" and "retak" not in norm and _FAIL_FIRST_RE.match(text) is not None
    entities = _entity_fields(nums, specs, others, facts)
    # Each return builds its Parsed once: a frozen dataclass of 25 fields costs microseconds
    # a copy, and `replace` after `replace` showed in the bot's profile.

    exact = index.phrasings.get(norm)
    if exact is not None:
        return Parsed("faq", topic=exact, **entities)
    if cues.is_greeting(tokens) and not ({"thanks", "thank", "thx", "ty", "tysm"} & {t.low for t in tokens}):
        return Parsed("greeting", **entities)

    # "low 240s" is a score: the word "low" must not read as a worry about a low score.
    ents = _entities(nums, specs, others)
    guess = predict(loaded, _DECADE_PHRASE_RE.sub(" ", text), ents)
    intent, confidence = guess.intent[0]
    if guess.coverage < KNOWN_WORDS:
        intent, confidence = "unknown", 1.0 - guess.coverage  # mostly words it never saw: don't guess
    elif intent == "help" and confidence < CONFIDENT and not cues.asks_help(norm):
        # "can i even do this": heard as a help request by a hair, with no word about the bot; the runner-up reads it
        intent, confidence = guess.intent[1]
    sure = confidence
    if len(tokens) <= SHORT_WORDS and confidence < SHORT_SURE and (specs or others or nums.score or nums.range):
        sure = 0.0  # "step 2 ck 250", "PRS average": the entities say it all
    settled, sure, ruled = _settle(intent, sure, nums, specs, others, text, norm)
    if settled == "score_check" and nums.goal and nums.practice and ruled is None:
        settled = "practice_score"  # "nbme 14 = 247... line up with a 250ish? applying anesthesia": the results read
    if (
        settled == "unknown"
        and intent in _ENTITY_SETTLED
        and not (specs or others or nums.score or nums.range or nums.practice or nums.bad)
        and not _UNREAD_NUMBER_RE.search(norm)  # "is a 3000 good": a number no reading took, not to be talked past
        and len(guess.intent) > 1
        and guess.intent[1][0] == "faq"
        and guess.topic[0][1] >= ENTITYLESS_TOPIC_AT
    ):
        # "how do people decide between taking CK before vs after ERAS opens?": heard as two things compared, with
        # nothing to compare; the question the model placed next is answered, not "I didn't quite catch that"
        settled, sure = "faq", guess.intent[1][1]
    if settled == "exam_moved" and not facts.exam_date and isinstance(find_exam_date(text, ANY_DAY), date):
        entities["exam_date"] = True  # "it's tomorrow now instead of next friday": the move names the day
    if cues.keyboard_mash(tokens):
        # "lkjh ck ;;": keyboard mash around a known word asks nothing; its feeling is still read below
        # (the model included), so "goodbye lkjh" is never passed over
        settled, sure, ruled = "unknown", 1.0, None
    # A long post's own confident question stays its topic beside the comparison frame ("I got 255 and
    # want uro, when is the AUA deadline?"): `respond` answers it first, with the score beside the averages.
    asked = intent == "faq" and settled == "score_check" and len(text) >= SPECIFIC_CHARS and confidence >= CONFIDENT
    topic = ruled or (guess.topic[0][0] if settled == "faq" or asked else None)
    if topic is None and settled in ("score_check", "compare") and len(text) < BESIDE_CHARS and nums.range is None:
        topic = _asked_beside_the_score(text, norm, loaded, knowledge)
    # a short score-and-field message may ask a question of its own too ("245 on the real thing... will IM
    # programs ask about my score at interviews?"): its sentences are read like a long post's
    framed = settled in ("score_check", "compare") and topic is None
    # a shorter message is its question, read sentence by sentence only beside the comparison or when it asks two
    read_whole = len(text) >= ASKS_READ_FROM or framed
    asks = _question_sentences(text) if read_whole or text.count("?") >= 2 else []
    if not read_whole and len(asks) < 2:
        asks = []
    odds = _answer_odds(asks)  # each question sentence read once by the answer model
    # and by the understanding model, on demand and once each (the lead's check and "You also asked" share it)
    read_before: dict[str, Prediction] = {}  # a dict, not functools.cache: building a cache costs more than most reads

    def read(sentence: str) -> Prediction:
        if (seen := read_before.get(sentence)) is None:
            seen = read_before[sentence] = predict(loaded, sentence, top=QUESTION_TOPICS)
        return seen

    odds = [(p, sentence, ident) for p, sentence, ident in odds if not moot(ident, norm)]
    asked_answers = _surest(odds, answer_model.SURE)
    do_said = facts.school == "do" or _DO_SAID_RE.search(norm) is not None or _DO_CAPS_RE.search(text) is not None
    if do_said:  # "can I just not release my USMLE transcript?" from a DO: a DO may send COMLEX alone
        asked_answers = {sentence: _FOR_A_DO.get(ident, ident) for sentence, ident in asked_answers.items()}
    if framed and (len(text) < ASKS_READ_FROM or settled in ("compare", "average")):
        # the comparison itself answers "is 245 good for IM?": not an answer about what "good" means, nor offered;
        # nor, in a long post, "what's the avg ck for ortho and PM&R?" beside the fields' averages
        asked_answers = {
            sentence: ident for sentence, ident in asked_answers.items() if not _the_comparisons(ident, knowledge)
        }
    answer = None
    if (
        (topic is None or topic in _ANSWERED_BY_THE_FIGURES)
        and settled in ("score_check", "compare")
        and ruled is None
        and asked_answers
    ):
        # a long post's own question beside the comparison ("...CK 247, applying peds. Also, will programs see the
        # new score automatically?"): answered first, the score beside the averages; a topic the comparison
        # itself answers ("is my score good") gives way to it
        fail_said = cues.says_a_ck_fail(norm)
        img_said = _IMG_SAID_RE.search(norm) is not None
        # in a short message its question must be clearer still to lead before the comparison ("260 for derm,
        # should i do a sub-i?" is no question of studying during one)
        leads = asked_answers if len(text) >= ASKS_READ_FROM else _surest(odds, FRAME_LEAD_SURE)
        if asks and nums.score is not None and cues.asks_score_fit(normalize(asks[0]), nums.score):
            # "Is 243 good for psych as an IMG? How many programs should I apply to?": the first question is the
            # comparison's own, so the figures lead and the rest follow in a line each
            leads = {}
        answer = next(
            (
                ident
                for sentence, ident in leads.items()
                if ident in asked_answers.values()  # not one the comparison answers itself
                and ident in knowledge.answers
                and (fail_said or not _presumes_a_fail(ident, knowledge))
                # "...also when do I need step 3 lol": declined in a line of its own, never answered first
                and cues.out_of_scope(normalize(sentence)) not in _DECLINED_BESIDE
                # an international graduate's answer (visas, ECFMG) only to one, or to a post that names it
                and (knowledge.answers[ident].topic not in _IMG_ONLY_TOPICS or facts.school == "img" or img_said)
                # "...with an average Step 2?" never leads for a 271
                and _fits_the_score(knowledge.answers[ident], nums, specs, knowledge)
                # "I've matched. Does my score still matter?" leads only for a student who said they matched
                and _stage_fits(knowledge.answers[ident], norm)
            ),
            None,
        )
        topic = knowledge.answers[answer].topic if answer is not None else topic
    dual = None  # a long post's sentence asking about applying in two fields
    if topic is None and ruled is None and settled in ("score_check", "compare") and len(text) >= ASKS_READ_FROM:
        dual = next((s for s in asks if cues.asks_dual_apply(normalize(s))), None)
    dual_answer = best_answer(dual, topics.MATCH_WITH_AVERAGE, knowledge) if dual is not None else None
    if dual_answer is not None:
        # "...is dual applying a bad look?": a long post's question on applying in two fields, answered first by
        # the bank's answer for it, the score beside the averages (no answer found: the averages alone)
        topic, answer = topics.MATCH_WITH_AVERAGE, dual_answer.id
    # ("how long is a CK score good for?" is no question of what makes a score good, whatever rule heard "good")
    expiry_asked = ruled in (None, topics.GOOD_SCORE) and settled == "faq" and cues.asks_score_expiry(norm)
    if expiry_asked:
        topic = topics.USMLE_TIME_LIMITS  # "how long do step 2 scores stay valid?": the limits, not release day
    if ruled is None and settled == "faq" and nums.quoted and nums.score is None:
        topic = cues.quoted_topic(norm, topic)  # "249 is the median?": the figure they heard decides
    if (
        ruled is None
        and settled == "faq"
        and topic == topics.STEP1_VS_STEP2
        and nums.score is None
        and any(p.score is not None for p in nums.practice)
        and not (specs or others)
        and len(text) < SPECIFIC_CHARS
        and not cues.compares_the_steps(norm)
    ):
        # "step 1 was 258 and my first nbme for ck was 239, worried": the practice result is what they
        # weigh, not how the two exams differ (the model heard both Steps named)
        settled, topic = ("practice_score" if _ASKS_RE.search(norm) or "?" in text else "log_progress"), None
    if ruled is None and settled == "faq" and topic == topics.GOOD_SCORE and nums.practice and nums.score is None:
        # "is a good score" asked of a practice test named, no real score told: the practice result is read, not what
        # makes a real Step 2 CK score good
        settled, topic = "practice_score", None
    if ruled is None and settled == "faq" and nums.score is not None and cues.blames_the_score(norm):
        topic = topics.LOW_SCORE  # "Step 2 is 238. Is the score holding me back?": what a lower score means now
    elif ruled is None and topic == topics.PENDING_SCORE and nums.score is not None and not nums.hypothetical:
        # a score in hand is no pending one
        topic = next((t for t, _ in guess.topic if t != topics.PENDING_SCORE), topic)
    if ruled is None and topic in _IMG_ONLY_TOPICS and facts.school in ("us_md", "do"):
        # "do i need CK to apply as a US MD or just to graduate": not an IMG's question, whatever words it shares
        topic = next((t for t, _ in guess.topic if t not in _IMG_ONLY_TOPICS), topic)
    if ruled is None and topic == "prometric_practice" and (nums.practice or nums.other):
        topic = topics.PRACTICE_TESTS  # "practice were 238 and 243, am i ready?": practice results, not the session
    if ruled is None and settled == "faq" and do_said and "comlex" in norm and cues.without_the_usmle(norm):
        # "DO, COMLEX L2 590, didn't take USMLE. is COMLEX enough?": that, not screening
        topic = topics.DO_WITHOUT_USMLE
    elif (
        ruled is None
        and settled == "unknown"
        and nums.comlex is not None
        and cues.without_the_usmle(norm)
        and cues.asks_something(text, norm)
    ):
        # "COMLEX L2 is 498 and I didn't take USMLE... Is 498 ok for psych? Will MD programs even know how to read
        # it": a DO applying on COMLEX alone asks, never "I didn't quite catch that"
        settled, topic = "faq", topics.DO_WITHOUT_USMLE
    if (
        ruled is None
        and topic == topics.EARLY_MATCH
        and cues.prelim_only(norm)
        and not EARLY_MATCH_FIELDS & {*specs, *others}
    ):
        # "matched into a prelim IM year but didn't get a categorical spot": the match again, not the early matches
        topic = next((t for t, _ in guess.topic if t != topics.EARLY_MATCH), topic)
    if ruled is None and topic in _DO_ONLY_TOPICS and not do_said:
        topic = next((t for t, _ in guess.topic if t not in _DO_ONLY_TOPICS), topic)  # no DO or COMLEX named
    ck_passed = (
        nums.score is not None
        and not (nums.hypothetical or nums.someone)
        # "216. I passed by 2 points": under today's mark, over the one their exam was marked against
        and nums.score >= ((fail_mark or pass_mark or 300) if facts.status == "passed" else (pass_mark or 300))
    )
    # "CK was 241... does it matter that my step 1 was a fail?": the fail is behind them and Step 1's; what
    # it weighs now is answered, not a Step 2 CK retake
    step1_fail_behind = facts.status != "failed" and ck_passed and failed_step1(norm)
    retake_booked = cues.preparing_a_retake(norm)  # read once: topic, feeling and the reply all weigh it
    if settled in _ENTITY_SETTLED and cues.asks_couples_match(norm):
        # a long post about couples matching: how it works, answered first; a partner's field is not theirs to weigh
        topic = topics.MATCH_RATES
    if step1_fail_behind and topic in _FAIL_TOPICS:
        topic = topics.STEP1_VS_STEP2
    elif (
        ruled is None
        and nums.step1 is not None
        and nums.score is None
        and facts.status != "failed"
        and settled in ("average", "faq", "vent", "practice_score", "log_progress", "unknown")
        and _OFFSET_ANSWER in knowledge.answers
        and cues.asks_ck_offset(norm)
        # (a Step 1 that was low: "step 1 was 252 but zero research. can a good ck make up for that" asks of research)
        and (nums.step1 < STEP1_LOW_BELOW or cues.step1_said_low(norm))
    ):
        # "my step 1 was 221 back when it was scored... want ortho. can step 2 fix that or am i cooked": whether a
        # strong CK makes up for a weak Step 1 is the question, the field's figures beside it
        settled, topic, answer = "faq", topics.STEP1_VS_STEP2, _OFFSET_ANSWER
    elif (
        topic == topics.AFTER_FAIL
        and ruled is None
        and facts.status == "taken"
        and nums.score is None
        and _FAIL_BELIEVED_RE.search(norm) is not None
    ):
        # "Took CK 2 weeks ago and im convinced i failed... how often do people who feel like this actually fail?":
        # sat, no result yet, so no fail to plan around; the fear is the question
        topic = next((t for t, _ in guess.topic if t not in _FAIL_TOPICS), topic)
    elif (
        topic == topics.AFTER_FAIL
        and facts.status != "failed"
        # with no score, a pass told ("step 1 pass") may be what the fail was weighed against: left as it is
        and (ck_passed or (nums.score is None and not nums.practice and "pass" not in norm))
        and not cues.says_a_ck_fail(norm)
    ):
        # "got my score back, 218. passed but barely", "ashamed to tell my parents my score": a low score or a
        # feeling about one, not a fail to plan a retake around
        topic = topics.LOW_SCORE
    elif (
        topic == topics.AFTER_FAIL
        and ruled is None
        and facts.status not in ("failed", "passed")
        and nums.score is None
        and not nums.practice
        and not cues.says_a_fail(norm)
        and not cues.fears_failing(norm)
    ):
        # "matched, but i never took CK. can i start residency without it?": no fail told, so not the fail's answer
        topic = next((t for t, _ in guess.topic if t not in _FAIL_TOPICS | _DO_ONLY_TOPICS), topic)
    elif (
        topic == topics.BEYOND_SCORES
        and ruled is None
        and _EXAM_EVE_RE.search(norm)
        and not _APPLICATION_WORD_RE.search(norm)
    ):
        # "exam tmrw, any last tips?": the exam's eve, not what programs read besides the score
        topic = next((t for t, _ in guess.topic if t != topics.BEYOND_SCORES), topic)
    elif (
        # ("2nd attempt in 8 weeks, 1st score was 201. how should i restructure": heard as the exam's format)
        (topic in _FAIL_TOPICS or topic == topics.EXAM_FORMAT)
        and ruled is None
        and retake_booked
        and ((prep := cues.asks_retake_prep(norm)) or _HOW_TO_FEEL_RE.search(norm) is not None)
    ):
        # a retake ahead, the fail behind them: "...any last advice?" is preparing for the exam ahead, not what to do
        # after a fail; "failed in march, retaking next week. how do i calm down" is nerves, met
        settled, topic = (settled, topics.STUDY_STRATEGIES) if prep else ("vent", None)
        if prep and _REWORK_ANSWER in knowledge.answers and cues.asks_retake_rework(norm):
            topic, answer = topics.AFTER_FAIL, _REWORK_ANSWER  # how to study differently this time, not in general
    elif topic == topics.SCORE_RELEASE and ruled is None and _COMES_OUT_COMPARED_RE.search(norm):
        # "old step 1 score 221. do ck scores usually come out higher?": one exam's scores beside another's
        # (before a CK score is told, whether a strong CK offsets a weak Step 1; once told, how a drop reads)
        picked = "s1s2-ck-lower-drop" if nums.score is not None else "s1s2-offset-low-step1"
        topic, answer = topics.STEP1_VS_STEP2, picked if picked in knowledge.answers else None
    elif (
        topic == topics.STEP1_VS_STEP2
        and ruled is None
        and nums.step1 is not None
        and ck_passed
        and cues.asks_what_it_weighs(norm)
        and (cues.calls_step1_low(norm) or (nums.score or 0) < nums.step1)
    ):
        # "step 1 was the old 3 digit 214, barely passed... step 2 was 246. will programs filter me because of the old
        # step 1?": what the low Step 1 weighs beside their CK, not how the two exams differ (a Step 1 nobody called
        # low is answered in a line by `respond`, which never calls it low)
        picked = "s1s2-offset-low-step1" if (nums.score or 0) >= nums.step1 else "s1s2-ck-lower-drop"
        answer = picked if picked in knowledge.answers else None
    elif topic == topics.OVERALL_AVERAGE and ruled is None and cues.only_practice_averages(norm):
        # "my friend had the same nbme avg as me and failed": their practice average, not the exam's national mean;
        # asking nothing, the story is the point ("...why did i look this up")
        if settled == "faq" and not cues.asks_something(text, norm):
            settled, topic = "vent", None
        else:
            topic = next((t for t, _ in guess.topic if t != topics.OVERALL_AVERAGE), topic)
    elif (
        topic == topics.TIMING
        and (_MOVE_UP_RE.search(norm) or (_MOVE_DATE_RE.search(norm) and _FEE_RE.search(norm)))
        and _RESCHEDULE in knowledge.answers
    ):
        # "should i move my test up", "6 days till my exam, can i still move the date without losing my fee?": whether
        # a date can move, and what it costs
        answer = _RESCHEDULE
    elif (
        ruled is None
        and settled == "faq"
        and facts.status != "failed"
        and nums.score is None  # a score told is weighed as one ("my CK just came back 235... bad or okay?")
        and cues.score_out(norm)
        and not _asks(text, norm)  # "can you take step 2 before step 1 results come out": asked
    ):
        # "results came out, passed, good enough for fm, so relieved": the news, met; not when scores come out, nor
        # whatever topic the model heard in the rest of it
        settled, topic = "vent", None
    elif topic == topics.STEP2_CS and ruled is None and not _CS_SAID_RE.search(norm):
        # "step 2 came back today, so happy": the CK result, not the retired clinical skills exam; nothing asked,
        # the news is met
        if settled == "faq" and not cues.asks_something(text, norm):
            settled, topic = "vent", None
        else:
            topic = next((t for t, _ in guess.topic if t != topics.STEP2_CS), topic)
    elif topic == topics.DIFFICULTY and ruled is None and _PRACTICE_HARDER_RE.search(norm):
        # "free 120 at 71%... is the new free 120 harder than the old one?": a practice test's hardness, not the exam's
        topic = topics.PRACTICE_TESTS
    elif (
        ruled is None
        and settled == "faq"
        and topic not in (topics.STUDY_STRATEGIES, topics.EXAM_DAY)
        and cues.asks_to_rest(norm)
    ):
        # "should i rest the day before ck": a day off asked, not whether to take Step 2 before applying
        topic, answer = topics.STUDY_STRATEGIES, REST_DAYS_ANSWER if REST_DAYS_ANSWER in knowledge.answers else None
    elif topic == topics.DIFFICULTY and ruled is None and specs and _HARD_TO_MATCH_RE.search(norm):
        # "how hard is it to match derm": the field's figures, not whether Step 2 CK is a harder exam than Step 1
        settled, topic = "average", None
    elif topic == topics.DIFFICULTY and ruled is None and _FAIL_HARDER_RE.search(norm):
        # "does one CK fail mean no IM program will take me or is it just harder": matching after a fail, not the exam
        topic, answer = topics.AFTER_FAIL, _STILL_MATCH if _STILL_MATCH in knowledge.answers else None
    elif topic == topics.ECFMG_CERTIFICATION and ruled is None and cues.ecfmg_certified(norm):
        # "I'm ECFMG certified now. anything else before I apply?": not how certification works
        topic = None if settled in ("score_check", "compare") else topics.IMG
    elif topic == topics.ECFMG_CERTIFICATION and cues.weighing(norm) == "match_wait":
        # "rank list certified, now what?": the rank list's certifying, not ECFMG's certificate
        topic = next((t for t, _ in guess.topic if t != topics.ECFMG_CERTIFICATION), topic)
    elif (
        settled in _RETAKE_ASKED_IN
        and ck_passed
        and facts.status != "failed"
        and retake_asked
        and not failed_comlex(norm)
    ):
        topic = topics.LOW_SCORE  # "my step 2 was 246. should i retake?": a passed Step can't be retaken for a score
    elif (
        ruled is None
        and settled == "faq"
        and topic in _WEAK_SUBJECT_READS
        and nums.score is None
        and facts.status is None
        and WEAK_AREAS_ANSWER in knowledge.answers
        and cues.weak_subject_said(norm)
        and not _SHARE_ASKED_RE.search(norm)
        and not _hopeless_by_rule(norm, text)  # "neuro is destroying my will to live": never a study answer
        and _works_on_the_subject(text, norm, asks)
    ):
        # "obgyn is always my lowest on nbmes, how do i bring it up": how to work on a weak subject, not how well
        # practice tests predict or how to study in general
        topic, answer = topics.STUDY_STRATEGIES, WEAK_AREAS_ANSWER
    elif topic == topics.LOW_SCORE and ruled is None and nums.score is None and cues.low_on_a_subject(norm):
        topic = topics.STUDY_STRATEGIES  # "scoring low on psych and neuro questions": weak areas to study, not a result
    elif topic in _FAIL_TOPICS and facts.status != "failed" and failed_comlex(norm):
        # "comlex l2 was 475 (fail)... should i still take ck": COMLEX and USMLE, not Step 2 CK retakes
        topic = topics.DO_STUDENTS
    readings: tuple[str, ...] = ()
    if settled == intent and confidence < CONFIDENT and intent not in _ENTITY_SETTLED and sure < 1.0:
        readings = _readings(guess)
    if answer is None and settled == "faq" and len(text) < ASKS_READ_FROM:
        # a short question the model only placed in a topic: the answer model reads it against every answer of
        # the bank (on our development sets' question sentences, right answers 9% -> 16%, wrong 6% -> 7%); a
        # topic a rule decided keeps it, and the answer model chooses within it
        bar = answer_model.SURE if ruled is None else WITHIN_RULED_SURE
        hit = answer_model.answer_model().likeliest(text)
        if (
            hit is not None
            and hit[1] < FRAME_LEAD_SURE
            and (alone := asks or _question_sentences(text))  # a short post's asks, where read, are these
            and alone[0] != text
        ):
            # "is uworld enough or do i need amboss too?? also someone swears by podcasts... so tired of buying
            # stuff": the question, read alone, may name its answer more surely than the message whole
            question_hit = answer_model.answer_model().likeliest(alone[0])
            hit = question_hit if question_hit is not None and question_hit[1] > hit[1] else hit
        found = _short_answer(hit, norm, facts.school, do_said, knowledge, bar)
        # a topic the model is all but certain of holds ("can i retake a step i passed" is retakes, with its rules),
        # and the answer model chooses within it; otherwise its answer may bring its own topic
        held = ruled is not None or dict(guess.topic).get(topic or "", 0.0) >= TOPIC_HOLDS
        if (
            found is not None
            and (not held or knowledge.answers[found].topic == topic)
            and not _for_the_wait(found, facts.status, norm, knowledge)
        ):
            answer, topic = found, knowledge.answers[found].topic
    if answer is None and settled == "faq" and ruled is None and len(asks) == 1:
        # a long post that asks one thing: its question sentence says which answer better than the story around
        # it ("my co-intern failed and has to retake... will programs look at my score when I apply for
        # fellowship?" is no question about retakes)
        hit = next(((ident, p) for p, _, ident in odds), None)  # the one sentence, already read
        answer = _short_answer(hit, norm, facts.school, do_said, knowledge, FRAME_LEAD_SURE)
        topic = knowledge.answers[answer].topic if answer is not None else topic
    if answer is None and topic is not None:
        # the post's own question names one answer of the topic understood: that one, not the nearest by words
        answer = next(
            (i for i in asked_answers.values() if i in knowledge.answers and knowledge.answers[i].topic == topic), None
        )
    if (
        answer is None
        and (settled == "faq" or (settled in ("score_check", "compare") and topic is not None))
        and ruled is None
        and not expiry_asked  # how long a score stays good, asked in a long post: the time limits lead
        and not cues.asks_couples_match(norm)  # a couple's post: how the couples match works leads
        and asks
        and len(text) >= ASKS_READ_FROM
    ):
        # a long post whose story was heard as a topic none of its questions asks about ("...I need ECFMG
        # certification by June. If I fail Feb 10, when can I retake?"): its questions lead, not the story.
        # Beside a score and a field, a topic no question asks about gives way to the comparison itself where the
        # post asks how the score stands, unless the score failed or the match is behind them
        figures_answer = (
            facts.status != "failed"
            and not cues.says_a_ck_fail(norm)
            and not cues.just_matched(norm)
            and _GOOD_SHAPE_RE.search(norm) is not None
        )
        unasked = None if settled != "faq" and figures_answer else topic
        fail_told = not ck_passed and (facts.status == "failed" or cues.says_a_ck_fail(norm))
        answer, topic = _asked_in_the_questions(
            asks, odds, topic, norm, facts.school, do_said, read, knowledge, unasked, fail_told
        )
        if (
            fail_news
            and topic not in _FAIL_TOPICS
            and (answer is None or "retaking" not in knowledge.answers[answer].stages)
        ):
            # "I failed. I haven't told my parents... do I redo UWorld? Do I take time off rotations?": the fail is the
            # news and its questions are the retake's, not when to take the exam
            answer, topic = None, topics.AFTER_FAIL
    if (
        topic == topics.EARLY_MATCH
        and nums.score is not None
        and not (nums.hypothetical or nums.someone)
        and cues.asks_how_to_still_match(norm)
        and not EARLY_MATCH_FIELDS & {*specs, *others}
        and not _ADVANCED_FIELDS & {*specs, *others}  # "CK 241 applying rads... do I need a prelim?": it does
        and band_against(nums.score, specs[0] if specs else "internal-medicine", knowledge) == "below"
    ):
        # "IM with a 218... what can I realistically do now to still match? Should I apply prelim too?": a prelim
        # weighed as a backup to a low score; what to do with that score comes first, not how early matches work
        topic, answer = topics.LOW_SCORE, None
    if ruled is None and topic == topics.RESIDENCYCAS and "signal" in norm and not _RESIDENCYCAS_NAMED_RE.search(norm):
        # "whats the diff between a signal and a normal app on eras": ERAS's signals, not the other service
        topic, answer = topics.SIGNALS, None
    if (
        ruled is None
        and topic == topics.SIGNALS
        and _SIGNAL_AS_A_SIGN_RE.search(norm)
        and not _PROGRAM_SIGNAL_RE.search(norm)
    ):
        # "desperate for any signal lol": a sign of how it went, not the program signals of ERAS
        topic, answer = next((t for t, _ in guess.topic if t != topics.SIGNALS), None), None
    if (
        ruled is None
        and topic == topics.WHY_STEP2_MATTERS
        and answer is None
        and _ABOUT_THEMSELVES_RE.search(norm)
        and not _WEIGHT_ASKED_RE.search(norm)
    ):
        # "another 58% block. why am i like this": a why asked of themselves, not of the exam's weight
        settled, topic = "vent", None
    if ruled is None and topic == topics.STEP1_VS_STEP2 and answer is None and _PRACTICE_LIKENESS_RE.search(norm):
        # "do the free 120 in the last week bc its the most like the real thing. is that true for ck or just step 1?":
        # the practice test asked about, not how the two exams differ
        topic = topics.PRACTICE_TESTS
    if ruled is None and topic == topics.STEP1_VS_STEP2 and answer is None and not cues.names_step1(norm):
        # "I scored 255 but have a 2 year gap... will the score carry me": no Step 1 named, so not the two exams
        fail_said = facts.status == "failed" or cues.says_a_ck_fail(norm)
        topic = next(
            (t for t, _ in guess.topic if t != topics.STEP1_VS_STEP2 and (fail_said or t not in _FAIL_TOPICS)), topic
        )
    if (
        ruled is None
        and facts.status != "failed"
        and _THEIR_FAIL_ON_ME in knowledge.answers
        and ("fail" in norm or "pass" in norm)  # the fail's words, before any pattern runs (as `about` gates it)
        and someone_else_failed(norm)
        and _ON_MY_RECORD_RE.search(norm)
    ):
        # "a guy in my class failed ck and i passed. could his fail end up on my record?": whether it touches them
        topic, answer = knowledge.answers[_THEIR_FAIL_ON_ME].topic, _THEIR_FAIL_ON_ME
    if (
        ruled is None
        and _INTERVIEW_ANSWER in knowledge.answers
        and "interview" in norm
        and _WHAT_TO_SAY_RE.search(norm)
        and _ASKED_ABOUT_THE_SCORE_RE.search(norm)  # the score or the attempts asked of them, not their research
        and not _TELL_THEIR_OWN_RE.search(norm)  # "what do i tell my fiance": not an interviewer
        and not _FAIL_FIRST_RE.match(text)  # a fail just told is the news
        and not cues.past_the_match(norm)
    ):
        # "they asked about my 2 attempts... how much detail should I give? 3 more interviews this month": what to say
        # in the room, not how programs use the score
        topic, answer = knowledge.answers[_INTERVIEW_ANSWER].topic, _INTERVIEW_ANSWER
    if (
        ruled is None
        and answer is None
        and settled in ("score_check", "score_fit")
        # (a retake's pass read as one already gets its answer from `respond`: whether programs still see the fail)
        and facts.status is None
        and _passing(nums, pass_mark)
        and FAILED_ATTEMPT_ANSWER in knowledge.answers
        and cues.says_a_ck_fail(norm)
        and cues.screened_out_asked(norm)
    ):
        # "img, failed once then passed w 228. will IM programs just auto reject me": how programs weigh the fail
        # behind them, first; the score beside the averages after it
        topic, answer = knowledge.answers[FAILED_ATTEMPT_ANSWER].topic, FAILED_ATTEMPT_ANSWER
    if (
        ruled is None
        and topic == topics.SCORE_RECHECK
        and RANKING_ANSWER in knowledge.answers
        and "interview" in norm
        and _PROGRAMS_RECHECK_RE.search(norm)
    ):
        # "do programs recheck scores after interviews or is it done": programs looking again, not a USMLE recheck
        topic, answer = knowledge.answers[RANKING_ANSWER].topic, RANKING_ANSWER
    if (
        ruled is None
        and (nums.score is None or nums.score < 100)  # (a two-digit score is read as one, off today's scale)
        and _TWO_DIGIT_ANSWER in knowledge.answers
        and len(text) < SPECIFIC_CHARS
        and any(ch.isdigit() for ch in norm)  # the pattern needs a number: most messages skip it
        and _OLD_TWO_DIGIT_RE.search(norm)
    ):
        # "what's an old 99 on step 2 in today's scores?": the two-digit scale, not a percentile or a fail
        settled, topic, answer = "faq", knowledge.answers[_TWO_DIGIT_ANSWER].topic, _TWO_DIGIT_ANSWER
    if (
        ruled is None
        and facts.status == "failed"
        and settled in ("faq", "practice_score", "log_progress")
        and _REWORK_ANSWER in knowledge.answers
        and cues.asks_retake_rework(norm)
    ):
        # "failed by 3 points. my NBMEs were 225-232... retake in 6 weeks. how do i make sure it doesnt happen again":
        # how to study differently for the retake leads, whatever practice results are told beside it
        settled, topic, answer = "faq", knowledge.answers[_REWORK_ANSWER].topic, _REWORK_ANSWER
    # a short message on interviews held ("12 interviews for peds with a 233. am i safe?") or none yet ("still 0
    # interview invites and its mid october... 241 for IM"): that is what's asked about, and the score is set beside
    # the field's average in the answer's numbers (a long post's questions are the answer model's to read)
    interviews_told = (
        ruled is None
        and answer is None
        and settled in ("faq", "score_check", "compare", "score_fit")
        and len(text) < SPECIFIC_CHARS
        and holds_any(norm, ("inter", "invit", "ii"))  # every pattern below needs one: most messages skip them all
        and not cues.someone_elses_interviews(norm)  # "my friend has 15 interviews, what are my chances with 2?"
        and not cues.past_the_match(norm)
    )
    held = interviews_told and _INTERVIEWS_ENOUGH_RE.search(norm) is not None
    interviews_answer = (
        _INTERVIEWS_ENOUGH if held else _FEW_INVITES if interviews_told and cues.no_interviews_yet(norm) else None
    )
    if interviews_answer is not None and interviews_answer in knowledge.answers:
        topic, answer = knowledge.answers[interviews_answer].topic, interviews_answer
    # a long post's other questions are offered from a lower bar than the one an answer must clear to lead
    offered = {**_surest(odds, ALSO_SURE), **asked_answers} if len(text) >= ASKS_READ_FROM else asked_answers
    if do_said:  # a DO's sibling answer for every answer offered too, not only for the ones that may lead
        offered = {sentence: _FOR_A_DO.get(ident, ident) for sentence, ident in offered.items()}
    # (a score of theirs told: no answer written for a score still pending is offered beside it)
    scored = nums.score is not None and not (nums.hypothetical or nums.someone)
    also = _also(text, asks, settled, topic, read, knowledge, offered, answer, scored) if asks else ()
    if (
        intent == "faq"
        and settled != "faq"
        and not asked
        and guess.topic[0][0] != topic  # already answered first, as asked beside the score
        and guess.topic[0][1] >= ALSO_AT
        and cues.asks_something(text, norm)  # "failed. 209. i studied so hard" asks nothing more
    ):
        heard = _label("faq", guess.topic[0][0])  # the frame answers first; what else they asked is a button
        also = (heard, *(a for a in also if a != heard))[:2]
    if settled in ("average", "compare") and (outside := cues.out_of_scope(norm)) in _DECLINED_BESIDE:
        also = tuple(dict.fromkeys((*also, f"outside:{outside}")))  # "avg for derm? also is step 3 harder": in a line
    if step1_fail_behind:
        fail_labels = {_label("faq", t) for t in _FAIL_TOPICS}
        also = tuple(dict.fromkeys(_label("faq", topics.STEP1_VS_STEP2) if a in fail_labels else a for a in also))
        also = tuple(a for a in also if a != _label(settled, topic or ""))
    passed = facts.status == "passed" or (nums.score is not None and facts.status != "failed")
    own_fail = (  # a result under the mark, no one else's ("I failed CK. 209."; `nums.own` needs "I got")
        nums.score is not None
        and fail_mark is not None
        and nums.score < fail_mark
        and not (nums.hypothetical or nums.someone)
        and nums.past_year is None
    )
    feeling = _feeling(text, norm, guess, loaded, ents, passed=passed)
    if feeling is None and fail_news:
        feeling = "failure"  # "I failed. I haven't told my parents yet...": the news is the feeling, named or not
    high_own = _high_own_score(nums, norm)
    step1_fail_aside = _step1_fail_aside(norm) if high_own else norm  # read only beside a high score of their own
    # the model hears failure in a Step 1 fail told beside the tears; over a high Step 2 CK they are joy all the same
    misread = _TEARS_MISREAD | {"failure"} if step1_fail_aside != norm else _TEARS_MISREAD
    if feeling in misread and high_own and cues.tears_alone(text, step1_fail_aside):
        feeling = "relief"  # "got 266 and i'm literally crying right now": a score that high, wept over, is joy
    elif feeling in _TEARS_MISREAD and cues.just_matched(norm) and cues.tears_alone(text, norm):
        feeling = "celebration"  # "MATCHED PSYCH 😭😭": a match wept over is joy
    elif (
        feeling == "disappointment"
        and nums.score is None
        and facts.status == "taken"
        and _SCORE_STILL_TO_COME_RE.search(norm)
        and cues.tears_alone(text, norm)
    ):
        feeling = "worry"  # "score drops tmrw morning 😭": no number yet to be let down by, only the wait
    if feeling == "celebration" and nums.score is None and not (cues.joyful(text, norm) or cues.just_matched(norm)):
        feeling = None  # "step 1 was 221... can ck fix that or am i dreaming": no news told to celebrate
    elif (
        feeling == "celebration"
        and nums.score is not None
        and nums.score < knowledge.typical_average()
        and not (nums.hypothetical or nums.someone or nums.quoted)
        and cues.tears_alone(text, norm)
        and not (cues.joyful(text, norm) or cues.just_matched(norm) or cues.just_passed(norm))
    ):
        feeling = "disappointment"  # "223 lmao. cried in my car. can i still do FM": tears over a low score, no joy
    elif feeling == "celebration" and fail_news and not cues.joyful(text, norm):
        feeling = "failure"  # "failed. 211. i can't believe it": disbelief at a fail told first is no joy
    elif feeling in ("relief", "celebration") and nums.hypothetical and _JOY_SUPPOSED_RE.search(norm):
        feeling = "worry"  # "honestly would cry with relief at 230. is 230 a deal breaker": a hope, feared for
    elif (
        feeling == "celebration"
        and nums.quoted
        and not (cues.joyful(text, norm) or cues.just_matched(norm) or cues.just_passed(norm))
        and someone_got(text) is not None
    ):
        # "she got 258. i got 244 and i don't even like derm lol": a friend's result told beside theirs, no joy in it
        feeling = None
    if feeling is None and _UNSURE_HOW_RE.search(norm) and cues.just_sat_exam(norm):
        feeling = "worry"  # "walked out... no idea how i did, felt like guessing": doubt, not a finish to cheer
    if feeling == "panic" and not (_ALARM_SAID_RE.search(norm) or _ALARM_SHOWN_RE.search(text)):
        feeling = None  # "free 120 got 68% is that passing territory": a question asked calmly, no panic said
    if feeling is not None and text.strip().strip("/.?").lower() in _MENU_WORDS and not text.strip().isupper():
        feeling = None  # "help", typed alone as a command: the menu asked for ("help!!" and "HELP" keep their alarm)
    if feeling == "exhaustion" and not _TIRED_SAID_RE.search(norm):
        feeling = None  # "good morning! day 14 of dedicated, 280 UW questions done": a tally, no tiredness said
    if feeling != "hopeless" and cues.someone_in_crisis(norm):
        feeling = "hopeless"  # "my roommate told me she wants to die": a crisis all the same, met as one
    low_what_if = (
        settled == "score_fit"
        and nums.hypothetical
        and nums.score is not None
        and pass_mark is not None
        and nums.score <= pass_mark + NEAR_THE_MARK
        and _WHAT_IF_I_GET_RE.search(norm) is not None
        # "what if i get a 220, what fits?": the fit asked, so answered
        and not (cues.asks_what_fits(norm) or _FIT_LIST_ASKED_RE.search(norm))
    )
    if low_what_if:
        # "bro what if i get like a 215": a score near the pass mark, dreaded before the exam; no list of what it
        # would fit, as if it were their result
        settled, feeling = "vent", feeling or "worry"
    if (
        settled == "vent"
        and facts.status == "failed"
        and nums.score is None
        and len(text) < SPECIFIC_CHARS
        and _FAIL_MARGIN_RE.search(norm)
    ):
        # "failed by 4 points. i cant even look at my parents": the fail is the news, with what to do after it
        settled, topic = "faq", topics.AFTER_FAIL
    if (
        settled == "faq"
        and topic == topics.AFTER_FAIL
        and answer is None
        and not fail_news
        and len(text) < SPECIFIC_CHARS
        and _ON_THE_RETAKE_RE.search(norm)
    ):
        # "failed the first time with 209, hoping for 230 on the retake. realistic?": the retake ahead is the
        # subject, not the first days after a fresh fail
        topic = topics.RETAKES
    if nums.feared and settled == "score_fit" and not cues.asks_something(text, norm):
        # "terrified i'll get like a 220 and ruin everything": a fear told, asking nothing; no list of what a 220
        # would fit, as if it were their result
        settled, feeling = "vent", feeling or "worry"
    elif nums.feared and settled == "score_fit" and ruled is None and asked_answers and answer is None:
        feared_lead = next(
            (
                ident
                for sentence, ident in asked_answers.items()
                if not _the_comparisons(ident, knowledge)
                and not (nums.score is not None and cues.asks_score_fit(normalize(sentence), nums.score))
            ),
            None,
        )
        if feared_lead is not None and feared_lead in knowledge.answers:
            # "scared CK will be like 240 and I won't be competitive for plastics. Anything that helps with test
            # anxiety?": the fear is the story, and the post's own question is answered, not a 240's fit list
            settled, topic, answer = "faq", knowledge.answers[feared_lead].topic, feared_lead
    if (
        feeling in _WORRIES
        and (
            (settled in _ENTITY_SETTLED and len(tokens) <= SHORT_WORDS)
            or (settled in ("study_plan", "days_left") and len(text) < SPECIFIC_CHARS)
        )
        and not cues.says_a_feeling(text, norm)
    ):
        # "derm average?", "my exam is one week from today right? so the 12th?": a plain question about a field or a
        # date, however the model heard its tone
        feeling = None
    if feeling in _WORRIES and cues.condition_only(text, norm):
        # "diagnosed with GAD, I get panic attacks in timed tests. can I get extra time?": a need, calmly told
        feeling = None
    # (relief or joy gives way only where no match of theirs is told now: "didn't match last year but this year I
    # matched IM!!!" is news to celebrate)
    joy = feeling in ("relief", "celebration")
    if (
        feeling in (None, "stress", "worry", "relief", "celebration")
        and cues.did_not_match(norm)
        and not (joy and cues.says_i_matched(norm))
    ):
        feeling = "disappointment"  # not matching hurts; it is the feeling to name first
    if (
        feeling == "exhaustion"
        and settled in {"faq", "unknown"}
        and ruled is None
        and sure < CONFIDENT
        and len(text) < SPECIFIC_CHARS
        and not cues.asks_something(text, norm)
    ):
        settled, topic = "vent", None  # "honestly done. 12 hour days for 5 weeks. body hurts": heard, not a menu
    if feeling == "exhaustion" and cues.tired_but_ok(norm):
        feeling = None  # "80 questions today, tired but ok": a day's report, not burnout
    if (
        settled in {"unknown", "faq"}
        and ruled is None
        # "exam is done and i'm burnt out": a low feeling after the exam, with no result told, is heard, not a topic
        # a low feeling said outright and asking nothing is heard however sure the model is of a topic
        # ("i'm dead after that block, cardio questions are evil" is not a question on the exam's format)
        and (
            sure < CONFIDENT
            or (
                nums.score is None
                and not nums.practice
                and feeling in _SAID_OUTRIGHT
                and "?" not in text
                and _QUESTION_RE.match(norm) is None
            )
        )
        and feeling not in (None, "hopeless")
        and len(text) < SPECIFIC_CHARS
        and not cues.asks_something(text, norm)
        # "so stressed about signals rn. do i waste one on my home program": a question after the feeling
        and not _CLAUSE_ASKS_RE.search(text.lower())
        # "7 weeks, 2 rest days a week, i burn out fast": plan answers ("today was hard" dates nothing)
        and not isinstance(find_exam_date(text, ANY_DAY), date)
    ):
        settled, topic = "vent", None  # "so burnt out": a feeling that asks nothing, not a topic half-heard
    if (
        (settled in {"unknown", "plan_break", "log_progress"} or (settled == "faq" and (sure < CONFIDENT or not asked)))
        and feeling != "hopeless"
        and len(text) < SPECIFIC_CHARS
        and nums.score is None
        and cues.weighing(norm) in ("rest_guilt", "low_block")
    ):
        # "guilty for taking a nap, is that stupid", "another 58% block. why am i like this": what weighs is
        # answered, not a break taken or a topic half-heard
        settled, topic = "vent", None
    if feeling not in ("hopeless",) and ruled is None and cues.asks_for_reassurance(norm):
        # "can you just tell me it's going to be ok": comfort asked for, listened to (not small talk)
        feeling = feeling or "worry"
        if settled in {"unknown", "smalltalk", "greeting", "faq", "vent"} and len(text) < SPECIFIC_CHARS:
            settled, topic = "vent", None
    if feeling is None and settled == "vent" and cues.worry_said(norm):
        feeling = "worry"  # "excited but also terrified, exam monday": the fear said is the one to meet
    if feeling is None and settled == "vent" and cues.weighing(norm) in _WEIGHS_HEARD:
        feeling = "stress"  # "my parents don't get why i can't come home": what weighs is the feeling to meet
    if feeling is None and settled == "vent" and _HOW_TO_FEEL_RE.search(norm):
        feeling = "stress"  # "how do i calm down before my exam": the nerves asked about are the feeling
    if feeling is None and settled == "vent" and cues.just_venting(norm):
        feeling = "stress"  # "i just need to vent": what weighs is said in the story, met with warmth, not a shrug
    if feeling is None and settled == "vent" and cues.exam_soon(norm) is not None:
        feeling = "stress"  # "test is tmrw and my friend with my nbme avg failed... why did i look this up": eve nerves
    if feeling is None and settled == "vent" and cues.asks_if_feeling_is_normal(text, norm):
        feeling = "worry"  # "ms1 and already scared of ck, is that normal": the fear said is the feeling
    if (
        facts.status == "taken"
        and nums.score is None
        and settled == "faq"
        and ruled is None
        and (
            topic in _BEFORE_THE_EXAM_TOPICS
            # "waiting 3 weeks for the score is torture": the wait, not applying with a score pending
            or (topic == topics.PENDING_SCORE and answer is None and not _APPLYING_SAID_RE.search(norm))
        )
        and (
            answer is None
            or "waiting" not in knowledge.answers[answer].stages
            # ("teared up at the test center. uwsa1 was 255... is that feeling meaningful": the exam felt, answered)
            or (nums.practice and answer != FELT_AWFUL_ANSWER)
        )
    ):
        # "the exam was so hard, i think i failed": it's behind them; the wait is next (unless the answer found was
        # written for the wait: "is it normal to walk out thinking you failed??"; beside practice results told, which
        # may be the story of a date still ahead, the wait's general answer stays)
        topic = topics.SCORE_RELEASE
    if (
        facts.status == "taken"
        and nums.score is None
        and settled == "faq"
        and ruled is None
        # "i think i failed. what now": no recheck yet; the wait's general answer, set just above, gives way to it too
        and (topic in _FAIL_TOPICS or topic in (topics.SCORE_RECHECK, topics.SCORE_RELEASE))
        and FELT_AWFUL_ANSWER in knowledge.answers
        and "retak" not in norm  # "pretty sure i failed. when can i retake": the retake's rules are asked
        # ("today felt impossible. does that mean anything?": the exam felt as a disaster, a fail feared in other words)
        and (fears_a_fail(norm) or _FELT_BADLY_RE.search(norm) is not None)
    ):
        # "walked out thinking I failed. practice avg was 245. what are the odds": a fail feared in the wait, not a
        # fail to plan the retake of
        topic, answer = knowledge.answers[FELT_AWFUL_ANSWER].topic, FELT_AWFUL_ANSWER
    if (
        ruled is None
        and answer is None
        and nums.score is None
        and facts.status not in ("taken", "failed", "passed")
        and settled in ("faq", "practice_score", "vent", "log_progress")
        and "?" in text
        and PRACTICE_DROPPED_ANSWER in knowledge.answers
        and _practice_falling(nums, norm)
        and cues.says_a_drop(norm)
    ):
        # "my NBMEs went 245 -> 241 -> 236... is it normal to go down like this?": the fall is what they ask about
        settled, topic, answer = "faq", knowledge.answers[PRACTICE_DROPPED_ANSWER].topic, PRACTICE_DROPPED_ANSWER
    if ruled == topics.OVERALL_AVERAGE and answer is None and _SCORES_INFLATED_RE.search(norm):
        answer = _YEAR_TO_YEAR if _YEAR_TO_YEAR in knowledge.answers else None  # whether scores drift over the years
    # (no fail told in it: "took ck in october and failed, what now" is the fail's)
    waiting = (
        facts.status == "taken" and nums.score is None and ruled is None and not holds_any(norm, ("retak", "fail"))
    )
    next_asked = waiting and answer is None and _NEXT_ASKED_RE.search(norm) is not None
    if next_asked and settled in ("faq", "unknown") and JUST_TOOK_ANSWER in knowledge.answers:
        # "took ck yesterday. what do i do with myself now": the wait ahead, not exam-day logistics
        settled, topic, answer = "faq", knowledge.answers[JUST_TOOK_ANSWER].topic, JUST_TOOK_ANSWER
    elif waiting and not next_asked and settled == "faq" and answer is None and _HOW_LONG_RE.search(norm):
        topic = topics.SCORE_RELEASE  # "waiting on CK, mom asks 'did you pass yet'. how long does it take": the wait
    if (
        answer == _INTERVIEW_ANSWER
        and nums.score is None
        and (facts.status == "taken" or _SCORE_PENDING_RE.search(norm))
        and _INTERVIEW_PENDING_ANSWER in knowledge.answers
    ):
        answer = _INTERVIEW_PENDING_ANSWER  # "interview tmrw and my CK isnt back yet. what if they ask": no number yet
    if (
        nums.score is not None
        and nums.quoted
        and all(q > nums.score for q in nums.quoted)
        and _PROGRAM_MINIMUM_RE.search(norm)
        and _STILL_APPLY_RE.search(norm)
        and BELOW_MINIMUM_ANSWER in knowledge.answers
    ):
        # "program site says min 230 for IMGs. i have 228, still apply?": whether to apply under a program's own rule,
        # not which fields the 228 fits
        settled, topic, answer = "faq", knowledge.answers[BELOW_MINIMUM_ANSWER].topic, BELOW_MINIMUM_ANSWER
    if (
        nums.score is not None
        and pass_mark is not None
        and nums.score >= pass_mark
        and facts.status != "failed"
        and PASSED_NO_RETAKE_ANSWER in knowledge.answers
        and not (nums.someone or nums.goal or nums.feared)
        and retake_asked
    ):
        # "went unmatched last year with CK 229. should i retake CK to get a higher score?", "can I retake if I passed
        # with a 221?": a pass stands, whatever else the post tells
        settled, topic, answer = "faq", knowledge.answers[PASSED_NO_RETAKE_ANSWER].topic, PASSED_NO_RETAKE_ANSWER
    if ruled is None and topic == topics.IMG and _USCE_RE.search(norm) and USCE_ANSWER in knowledge.answers:
        # "8 yrs since graduation, CK 248 first try. do i still need observerships or is the score enough?"
        settled, answer = "faq", USCE_ANSWER
        sure, readings = 1.0, ()  # a rule read it: no clarifying question
    if (
        ruled is None
        and topic in (topics.RETAKES, topics.AFTER_FAIL)
        and any(p.exam == "free120" for p in nums.practice)
        and _WORTH_OF_A_TEST_RE.search(norm)
    ):
        # "free 120 was 72% but im a retaker... is F120 useless for me?": what the sample test tells, not the rules
        topic, answer = topics.PRACTICE_TESTS, None
        sure, readings = 1.0, ()  # a rule read it: no clarifying question
    if (
        facts.stage in _PRECLINICAL_STAGES
        and nums.score is None
        and PRECLINICAL_ANSWER in knowledge.answers
        and _START_PREP_NOW_RE.search(norm)
        and not holds_any(norm, ("average", "avg", "median"))  # "is derm average CK like 260?": that frame holds
    ):
        # "MS1 here, everyone's talking step 2 scores for derm. should i be doing uworld for CK now": when to start,
        # not derm's averages
        settled, topic, answer = "faq", knowledge.answers[PRECLINICAL_ANSWER].topic, PRECLINICAL_ANSWER
        sure, readings = 1.0, ()  # a rule read it: no clarifying question
    if (
        nums.score is None
        and MISSED_DAYS_ANSWER in knowledge.answers
        and cues.missed_study_days(norm)
        and not cues.asks_for_plan(norm)  # "missed a week, make me a new plan": the plan frame holds
        and feeling != "hopeless"
    ):
        # "i missed 4 days of my plan bc i got sick. do i need to start over?": no, and how to pick it up, not the plan
        # set-up or an exam-day answer
        settled, topic, answer = "faq", knowledge.answers[MISSED_DAYS_ANSWER].topic, MISSED_DAYS_ANSWER
        sure, readings = 1.0, ()  # a rule read it: no clarifying question
    if (
        "rank" in norm
        and ruled is None
        and settled != "out_of_scope"
        and RANK_ORDER_ANSWER in knowledge.answers
        and _RANK_LIST_RE.search(norm)
        and _RANK_ORDER_ASKED_RE.search(norm)
    ):
        # "should I move them to #1 even though I liked another program more?", "rank list due. program A loves me,
        # program B is prestigious. how do i choose": how to order the list, not the score's weight
        settled, topic, answer = "faq", knowledge.answers[RANK_ORDER_ANSWER].topic, RANK_ORDER_ANSWER
        sure, readings = 1.0, ()  # a rule read it: no clarifying question
    if settled == "days_left" and facts.status == "taken" and nums.score is None:
        settled, topic = "faq", topics.SCORE_RELEASE  # "just took it today. how long until i know": the score's wait
    if feeling == "failure" and facts.status == "passed" and cues.joyful(text, norm):
        feeling = "relief"  # "I PASSED!!!! 241!!!! after failing the first time": the fail is behind them
    if (
        feeling == "failure"
        and facts.status != "failed"
        and (
            cues.supposes_a_fail(norm)
            or cues.fears_failing(norm)
            or nums.hypothetical
            or (bool(nums.practice) and nums.score is None)
        )
    ):
        # "if I do fail, how many attempts do I get?", "i feel like i'm gonna fail", "if i get like a 214 is that a
        # pass", "first practice NBME came back 209": a fail supposed, foreseen or practised, none to be sorry for
        feeling = "worry"
    felt_a_failure = feeling == "failure" and facts.status is None and _FEEL_A_FAILURE_RE.search(norm) is not None
    if felt_a_failure and not _PASS_WORD_RE.search(norm):
        # "how many qs a day with the shelf in 3 wks? already feeling like a failure": no fail, and no fail's answer;
        # "feeling like a failure after this nbme": what the practice test says
        feeling = "stress"
        if topic in _FAIL_TOPICS:
            unfailed = next((t for t, _ in guess.topic if t not in _FAIL_TOPICS), topic)
            topic, answer = (topics.PRACTICE_TESTS if PRACTICE_NAME_RE.search(norm) else unfailed), None
    if feeling == "failure" and facts.status == "taken":
        feeling = "worry"  # "took CK yesterday, convinced I failed": a fear while waiting, not a result to be sorry for
    if (
        feeling in ("stress", "exhaustion")
        and cues.joyful(text, norm)
        and not cues.worry_said(norm)
        and facts.status != "failed"
    ):
        # "265!!! what should i even go for now lol", "i'm so proud of myself today": joy, not strain
        feeling = "celebration" if nums.score is not None or cues.just_matched(norm) else None
    if (
        feeling in ("panic", "stress", "worry")
        and nums.score is not None
        # a high score, or any pass told ("PASSED. 224. sitting in the car shaking")
        and (nums.score >= cues.SHOUTED_JOY_FROM or cues.just_passed(norm))
        and not (nums.hypothetical or nums.someone)
        and facts.status != "failed"
        and cues.overwhelmed_by_news(text, norm)
    ):
        feeling = "celebration"  # "JUST GOT MY SCORE 266 IM FREAKING OUT": the shock of good news, not panic
    if feeling is None and facts.status == "failed" and own_fail and cues.says_a_fail(norm):
        # "I failed CK. 209. Needed 214. ...": the fail told among plans and questions is still the news to meet
        feeling = "failure"
    if facts.status == "failed" and feeling == "disappointment":
        feeling = "failure"  # "i got a 209 :(": a fail, not a score short of a hope
    if feeling == "failure" and retake_booked and not cues.low_about_themselves(text, norm):
        # the fail is old news once the retake is booked: no "a result like that hurts"; nerves said are still met, and
        # "i feel like a failure" keeps its warmth
        feeling = "stress" if cues.unease_said(text, norm) or _HOW_TO_FEEL_RE.search(norm) else None
    if retake_passed and feeling in {None, "failure", "shame", "relief"} and cues.just_matched(norm):
        feeling = "celebration"  # "failed in 2023... passed with 231... matched at my #3!!!": the match is the news
    elif retake_passed and feeling in {"failure", "shame"}:
        # the word "failed" was the past; the news is a pass, unless the pass is old news too ("scared to even hope. 6
        # interviews after failing CK once (passed 2nd try)"): then what they fear now
        # (and not "...passed w 228 on my retake. will IM programs just auto reject me": a fear of screens is unease)
        # (nor "...retook and got 236. how much does a fail hurt? ... my whole application is that one number": what
        # the fail costs them, asked without joy, is a worry)
        uneasy = (
            cues.unease_said(text, norm)
            or cues.screened_out_asked(norm)
            or (_FAIL_ASKED_RE.search(text) is not None and not cues.joyful(text, norm))
        )
        glad = cues.joyful(text, norm) or not (cues.pass_is_old(norm) or uneasy)
        feeling = "relief" if glad else "worry" if uneasy else None
        if cues.low_about_themselves(text, norm) and not cues.joyful(text, norm):
            # "passed second with a 231... I feel like I ruined everything": the weight they carry now
            feeling = "shame"
    elif (
        feeling == "failure"
        and facts.status != "failed"
        and _passing(nums, pass_mark)
        and not cues.low_about_themselves(text, norm)  # "passed with 221. feel like a failure": said of themselves
    ):
        # "failed step 1 on my first try but just got a 266 on ck!!!": the fail was another exam's
        feeling = "celebration" if cues.joyful(text, norm) else None
    if facts.status == "passed" and nums.score is not None and feeling in _LET_DOWN:
        if (
            # (not a retake asked about: "went unmatched... is it even possible to retake a step I passed?")
            (retake_passed or (cues.retake_result(norm) and not retake_asked))
            and not cues.low_about_themselves(text, norm)
            and not cues.let_down_said(norm)  # "passed my retake with 222 but kinda disappointed" keeps it
            # "second attempt 219 passed but programs will still see my fail 😞": a worry beside the pass keeps it too
            and not any(face in text for face in _SAD_FACES)
            and " but " not in f" {norm} "
        ):
            feeling = "relief"  # "second attempt result in: 219. PASSED 😭": a retake passed, cried over in relief
        elif feeling == "failure":
            feeling = "disappointment"  # "219 😞 passed but feel like a failure": a pass that let them down, no fail
    if (
        feeling == "celebration"
        and (nums.score is None or nums.hypothetical)
        and (nums.quoted or nums.hypothetical)
        and facts.status is None
        and not cues.just_matched(norm)
    ):
        # "anything above 245 and im crying happy tears", "12 days left!!! ... I think I need 245+": joy hoped for,
        # or a goal, no result to congratulate
        feeling = None
    # what weighs on them ("my parents keep asking", "everyone posts 260s"), said with a feeling or without
    weighing = cues.weighing(norm)
    if weighing == "calm" and (nums.score is not None or facts.status is not None):
        weighing = None  # "feeling really calm about my 250": the exam is behind them; no "before an exam"
    if weighing == "waiting" and nums.score is not None and not (nums.hypothetical or nums.someone):
        weighing = None  # "got a 247 this morning... i keep refreshing the PDF": the score is in; no wait to meet
    if weighing == "stupid" and settled == "study_plan" and ruled is None and not cues.wants_plan(text, norm, False):
        settled = "vent"  # "why does every uworld explanation make me feel stupid": heard, not a plan set up
    if weighing == "stupid" and feeling is None and settled == "log_progress":
        # "feel so dumb after today's block. 48%": the low feeling is said in words, whatever the model heard, and
        # the block is met under it, not cheered as good work
        feeling = "disappointment"
    if (
        settled == "vent"
        and feeling not in ("hopeless", "failure", "shame", "panic")
        and ruled is None
        and len(text) >= ASKS_READ_FROM
        and not cues.distress_words(norm)  # distress in any words: listened to first, the door left open
    ):
        # a long post of strain that asks one clear thing ("...is it ok to take 2 full days off this close or will I
        # lose everything?"): the feeling is met first, then the question answered, not a menu of what to look at
        clear = next(
            (
                ident
                for ident in asked_answers.values()
                if ident in knowledge.answers
                and (cues.says_a_ck_fail(norm) or not _presumes_a_fail(ident, knowledge))
                and _may_lead(knowledge.answers[ident], norm)
            ),
            None,
        )
        if clear is not None:
            settled, topic, answer = "faq", knowledge.answers[clear].topic, clear
    return Parsed(
        settled,  # type: ignore[arg-type]
        topic=topic,
        feeling=feeling,
        weighing=weighing,
        yes_no=cues.yes_no_question(text) and len(text) < OPENER_BELOW,  # "Is my score the problem?" -> "Often, yes."
        confidence=sure,
        alternatives=readings,
        also=also,
        answer=answer,
        no_surgery=settled == "score_fit" and cues.rules_out_surgery(norm),
        retake_booked=retake_booked,
        **entities,
    )


_EXPLAIN_TO_FAMILY_RE = quick_re.compile(
    # the family asking about their number: "mom asked if thats like an A", "my parents keep asking what 247 means"
    r"\b(?:mom|mum|dad|parents?|family|grandma|grandpa|relatives?)\b\s+(?:\w+\s+){0,2}?(?:asked|asks|asking|"
    r"wants? to know|doesn t get|don t get|thinks?)\b.{0,50}\b(?:like an? [abcf]|out of 100|percent\b|good|mean)"
    # explaining their score to them: "how do i explain my 247 to my dad", "explain percentiles to non medical people"
    r"|\bexplain\s+(?:my\s+|a\s+|the\s+)?(?:\d{3}|score|it|that|this|percentiles?)\b.{0,20}\b(?:to|for)\s+"
    r"(?:my\s+)?(?:mom|mum|dad|parents?|family|non ?medical)"
)
"""Their score to be explained to family, asked: "mom asked if thats like an A. how do i explain"."""
NEAR_THE_MARK = 7
"""Points over the pass mark within which a "what if I get..." score is dreaded, not hoped for."""
_SCORE_STILL_TO_COME_RE = quick_re.compile(
    r"\b(?:drops?|comes? out|coming out|release\w*|tmrw|tomorrow|tonight|wednesday|waiting|wait|refresh\w*)\b"
)
"""Words that the score is still to come ("score drops tmrw morning 😭"), so tears are the wait's, not a let-down."""
_FIT_LIST_ASKED_RE = quick_re.compile(
    r"\b(?:what|which)\s+(?:fits|would fit|can i (?:get|match|apply)|specialt|fields?)"
)
"""The fit list asked for in words ("what fits?", "which specialties"), not one field's fit (`_FIT_ASKED_RE`)."""
_WHAT_IF_I_GET_RE = quick_re.compile(r"\bwhat if (?:i|i ll|ill)\s+(?:get|score|end up with|only get)\b")
_UNSURE_HOW_RE = quick_re.compile(
    r"\b(?:no idea|idk|not sure|unsure|dunno|no clue) how (?:i|it) (?:did|went|go)\b|\bfelt like (?:i was )?guessing\b"
    r"|\bguess(?:ed|ing) (?:on )?(?:half|a lot|most|every|so many)\b"
)
"""Doubt said about how the exam went."""
_ALARM_SAID_RE = quick_re.compile(
    r"\b(?:panic\w*|freak\w*|scared|scare|terrif\w*|anxi\w*|nervous|worr\w*|fear\w*|afraid|fail\w*|help|omg|"
    r"dying|die|dead|breathe|shaking|shak\w*|spiral\w*|losing it|lose it|sick|cry\w*|screw\w*|cooked|doomed|"
    r"over for me|ruin\w*|stress\w*|overwhelm\w*|hate|cant|can t|cannot|pls|please|urgent|asap|wtf|fml|heart|"
    r"dread\w*|nightmare|insane|crazy|mess|disaster|tank\w*|bomb\w*|throw\w* up|puk\w*|vomit\w*|nause\w*|"
    # unsure how it went: "idk how i did. half of it felt like guessing"
    r"idk|no idea|guess\w*|unsure|not sure)\b"
)
_MENU_WORDS = frozenset({"help", "menu", "commands", "options", "start"})
"""A message of one of these words alone, calmly typed, asks for the menu."""
_ALARM_SHOWN_RE = quick_re.compile(r"[😭😩😰😱😫😖😣😬🥲]|!{2,}|\?{2,}|[A-Z]{4,}")
"""Panic said in words or shown in the typing: without any, the model's "panic" is a guess at a calm question."""
_MET_NOT_LOOKED_UP = frozenset({"worth", "calm", "excited"})
"""What weighs on them that a short message means to be met, not looked up ("is it weird that I'm excited")."""
_TIRED_SAID_RE = quick_re.compile(
    r"\b(?:tired|exhaust\w*|burn\w* ?out|burnt|drain\w*|dead|fried|wiped|spent|sleep\w*|slept|nap\w*|zombie|"
    r"can t (?:focus|keep|do)|cant (?:focus|keep|do)|no energy|running on|done for|over it|mush|brain\w*|collaps\w*|"
    r"crash\w*|grind\w*|weary|fatigue\w*|sore|long day|wrecked|destroyed|dying|struggl\w*|break|rest|broke\w*|"
    r"\d+\s*(?:hour|hr)s?\s+days|body hurts|(?:so|honestly|just|im|i m) done)\b"
)
"""Words a tiredness is said in: without any, the model's "exhaustion" is a guess at a tally of work done."""
_TEARS_MISREAD = frozenset({None, "disappointment", "stress", "worry"})
"""Feelings the model hears in tears that, over a high score of their own, are joy."""
HAPPY_TEARS_FROM = 255
"""A score of their own from here, with tears and no word of disappointment or worry, is met as joy."""


_ADVANCED_FIELDS = frozenset(
    {
        "radiology",
        "dermatology",
        "radiation-oncology",
        "physical-medicine-rehabilitation",
        "anesthesiology",
        "neurology",
    }
)
"""Fields many of whose programs start at PGY-2, so a prelim year is part of applying, not a backup to a low score."""


def _step1_fail_aside(norm: str) -> str:
    """The text less its fail words when a Step 1 fail is told beside a high Step 2 CK ("CK: 266. I'm crying. Step 1 was
    a fail... does 266 erase the fail?"): the tears are over the new score."""
    if "fail" in norm and failed_step1(norm) and not _TEARS_OVER_A_WORRY_RE.search(norm):
        return _FAIL_WORDS_RE.sub(" ", norm)
    return norm


_FAIL_WORDS_RE = quick_re.compile(r"\bfail(?:ed|s|ing)?\b")
_TEARS_OVER_A_WORRY_RE = quick_re.compile(
    r"\b(?:crying|cried|sobbing|tears)\b.{0,20}\b(?:because|bc|cuz|cause|over|about)\b|\b(?:scared|worried|afraid|"
    r"terrified|kills?|killed|ruin\w*|failure|dream was|won t be enough|not enough)\b"
)
"""Tears said to be over something feared ("crying because PDs will still see the step 1 fail", "scared it won't be
enough for derm"): then they are no joy, whatever the score."""


def _high_own_score(nums: Numbers, norm: str) -> bool:
    """Their own Step 2 CK score is high, and no other score said beside it is higher ("everyone got 260s",
    "i needed 265 for plastics")."""
    practiced = {p.score for p in nums.practice}
    return (
        nums.score is not None
        and nums.score >= HAPPY_TEARS_FROM
        and not (nums.hypothetical or nums.someone)
        # practice results aside ("got 264 today... UWSA2 266. I cried in my car" is joy)
        and all(int(n) <= nums.score or int(n) in practiced for n in _SCORE_LIKE_RE.findall(norm))
    )


_SCORE_LIKE_RE = quick_re.compile(r"\b(2\d\d)(?:s|ish)?\b")


def _below_pass(nums: Numbers, fail_mark: int | None, norm: str) -> bool:
    """Their own Step 2 CK result, under `fail_mark` (not one from the older scale, nor supposed): said as theirs,
    or said as a fail ("fail 210. planning retake in 8 weeks"; not "first attempt 203... retake in two days", a
    fail behind them)."""
    return (
        nums.score is not None
        and fail_mark is not None
        and not (nums.hypothetical or nums.someone)
        and nums.past_year is None
        and nums.score < fail_mark
        and (nums.own or (nums.score in failed_with(norm) and not someone_else_failed(norm)))
    )


def _passing(nums: Numbers, pass_mark: int | None) -> bool:
    """Their own Step 2 CK score, at or above the pass mark."""
    return nums.score is not None and nums.own and not nums.hypothetical and nums.score >= (pass_mark or 300)


def _retake_passed(nums: Numbers, norm: str, pass_mark: int | None) -> bool:
    """Their score, from a retake, at or above the pass mark ("failed in june, retake came back 231")."""
    if nums.score is None or pass_mark is None or nums.someone or nums.hypothetical:
        return False
    return nums.score >= pass_mark and cues.retake_result(norm)


def _entities(nums: Numbers, specs: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    return entity_tokens(
        score=nums.score is not None,
        own=nums.own,
        range_=nums.range is not None,
        bad=nums.bad is not None,
        practice=bool(nums.practice),
        step1=nums.step1 is not None,
        specialties=len(specs) + len(others),
    )


def entity_tokens_for(text: str, knowledge: Knowledge) -> list[str]:
    """The entity tokens `understand` gives the model for this text (training uses the same)."""
    text = text[:MAX_CHARS]
    index = index_for(knowledge)
    specs, others = find_specialties(text, tokens_of(text), index)
    return _entities(read_numbers(text, index.aliases), specs, others)


def _entity_fields(nums: Numbers, specs: tuple[str, ...], others: tuple[str, ...], facts: AboutFacts) -> dict[str, Any]:
    """The `Parsed` fields the rules read from a message, whatever its intent."""
    practice_score = None
    if nums.score is None:
        practice_score = next((p.score for p in nums.practice if p.score), None) or nums.step1 or nums.other
    return {
        "score": nums.score,
        "specialties": specs,
        "other_specialty": others[0] if others else None,
        "bad_score": nums.bad,
        "practice_score": practice_score,
        "own": nums.own,
        "range": nums.range,
        "practice": nums.practice,
        "step1": nums.step1,
        "comlex": nums.comlex,
        "other_specialties": others,
        "school": facts.school,
        "stage": facts.stage,
        "status": facts.status,
        "exam_date": facts.exam_date,
        "quoted": nums.quoted,
        "score_year": nums.past_year if nums.score is not None else None,
        "hypothetical": nums.hypothetical,
        "someone_else": nums.someone,
        "feared": nums.feared,
        "goal": nums.goal,
    }


def sounds_hopeless(text: str) -> bool:
    """Hopelessness or self-harm by rule alone (no model): for words that don't go through
    `understand`, such as a command's arguments."""
    return _hopeless_by_rule(normalize(text[:MAX_CHARS]), text[:MAX_CHARS])


def _hopeless_by_rule(norm: str, text: str = "") -> bool:
    # A short phrase list beside the classifier, because the classifier learns from a few dozen
    # examples and a missed "I want to disappear" is the one mistake we cannot afford; a caring
    # reply to a false alarm costs little.
    plain = cues.without_idioms(norm)
    return (
        phrase_in(plain, vocabulary().hopeless_phrases) is not None
        or cues.hopeless(plain)
        or cues.hopeless_sentence(text)
    )


_PRACTICE_LIKENESS_RE = quick_re.compile(
    r"\b(?:free\s*120|f120|uwsas?|nbmes?)\b[^.?!]{0,60}\b(?:like the real|most like|closest to|in the last week|"
    r"the week before|right before the (?:exam|test|real))"
)
"""A self-assessment's likeness to the exam, or its timing, asked about ("do the free 120 in the last week bc its the
most like the real thing")."""
_PRACTICE_HARDER_RE = quick_re.compile(
    r"\b(?:is|are|was|were)\s+(?:the\s+)?(?:new\s+|newer\s+|old\s+|older\s+|latest\s+|updated\s+)?"
    r"(?:free\s*120|f120|nbmes?|uwsas?|uworld|amboss|cms forms?)(?:\s+\w+)?\s+(?:\w+\s+)?(?:harder|easier|tougher)\b"
)
"""A practice test said to be harder or easier than another ("is the new free 120 harder than the old one?")."""
_BEFORE_THE_EXAM_TOPICS = frozenset(
    {
        "difficulty",
        topics.STUDY_STRATEGIES,
        topics.STUDY_LENGTH,
        "exam_format",
        topics.STEP1_PASS_FAIL,
        topics.PRACTICE_TESTS,
        "prometric_practice",
        "test_software_2026",
    }
)
"""Topics that only help before the exam: after it, how the wait goes is what's asked."""
_DO_ONLY_TOPICS = frozenset({topics.DO_STUDENTS, topics.DO_WITHOUT_USMLE})
"""Topics that answer only osteopathic students."""
_DO_SAID_RE = quick_re.compile(
    r"\b(?:comlex|osteopath\w*|dos|d o|do (?:student|school|senior|applicant)s?|omm|oms[1-4]?|level [12])\b"
)
_DO_CAPS_RE = quick_re.compile(r"\bD\.?O\.?s?\b")
"""DO in capitals ("can a DO match without USMLE"), the word "do" being everywhere else."""
_IMG_ONLY_TOPICS = frozenset({topics.IMG, topics.ECFMG_CERTIFICATION, "ecfmg_pathways"})
"""Topics that answer only international graduates."""
_FAIL_BELIEVED_RE = quick_re.compile(
    r"\b(?:convinced|sure|certain|positive|think|thought|feel like|felt like|feeling like|feels like|pretty sure|"
    r"guess|bet|swear)\s+(?:that\s+)?i\s+(?:just\s+)?(?:failed|bombed|tanked|flunked)\b"
)
"""A fail believed, not known: "im convinced i failed", "felt like i bombed it" (the score not out yet)."""
_IMG_SAID_RE = quick_re.compile(r"\b(?:imgs?|visas?|h ?1 ?b|j ?1|ecfmg|international|foreign|non us|citizen\w*)\b")
"""Words that bring an international graduate's question into a post, whoever the writer is."""
_SHARPER_THAN_STRESS = frozenset({"worry", "panic", "disappointment", "relief", "celebration"})
"""Feelings a plain cue names more exactly than the model's broad "stress"."""


_PASS_MISREAD = ("panic", "failure", "shame")
"""Feelings the model hears in the words around a pass ("so sure i failed", "after failing the first time")."""


def _crisis_heard(norm: str, guess: Prediction, loaded: Model, entities: list[str], *, passed: bool) -> bool:
    """Whether the crisis head, past its bar, is heard: without any of the words crises are said in it must be surer
    (`CRISIS_BARE_AT`), and once the figures of speech the rules set aside ("killing myself over these nbmes lol") and
    a fear of failing ("i think im gonna fail", which the crises it learned from say beside their plans) are gone it
    must still hear a crisis, as surely as without those words when a pass is told ("passed ck 🎉 my notes are free,
    won't be needing them"). Only the few messages past the bar are read again."""
    plain = cues.without_life_superlatives(cues.without_idioms(norm))  # "the longest 9 hours of my life"
    if cues.fears_failing(plain):
        plain = cues.without_the_fear_of_failing(plain)
        if len(_WORD_RE.findall(plain)) < FEAR_REST_WORDS:
            return False  # the fear alone: met with warmth, as the feeling head's reading of it is
    bar = CRISIS_AT if cues.distress_words(plain) and not passed else CRISIS_BARE_AT
    return guess.crisis >= bar and (plain == norm or predict(loaded, plain, entities).crisis >= bar)


def _feeling(
    text: str, norm: str, guess: Prediction, loaded: Model, entities: list[str], *, passed: bool = False
) -> Feeling | None:
    """The feeling to meet (`passed`: a pass or a passing score is told, so relief may outweigh fail words)."""
    if _hopeless_by_rule(norm, text):
        return "hopeless"
    if guess.crisis >= min(CRISIS_AT, CRISIS_BARE_AT) and _crisis_heard(norm, guess, loaded, entities, passed=passed):
        return "hopeless"
    if not any(ch.isalpha() or ord(ch) > 0x2000 for ch in text):
        return None  # "245" alone: a number, no feeling to name (an emoji would be one)
    feelings = guess.feeling
    seen = dict(feelings).get("hopeless", 0.0)
    plain = cues.without_idioms(norm) if seen >= HOPELESS_AT else norm  # only past the low bar: most messages skip it
    bar = HOPELESS_AT if seen < HOPELESS_AT or cues.distress_words(plain) else HOPELESS_BARE_AT
    if bar == HOPELESS_BARE_AT and seen >= bar and cues.fears_failing(plain):
        # "i think i'm going to fail", said with none of the words crises are said in: the model hears despair in
        # the fear itself. What is left once the fear is set aside decides, as for figures of speech below: "i'm sure
        # i'll fail and i won't be here to see the score" still reaches help; the fear alone is met with warmth
        rest = cues.without_the_fear_of_failing(plain)
        alone = len(_WORD_RE.findall(rest)) < FEAR_REST_WORDS  # "i think i'm going to fail": nothing else said
        if alone or dict(predict(loaded, rest, entities).feeling).get("hopeless", 0.0) < HOPELESS_AT:
            return "panic" if dict(feelings).get("panic", 0.0) >= FEELING_AT else "worry"
    if seen >= bar:
        if plain == norm:
            return "hopeless"
        # The model read the figures of speech too ("my mom will kill me", "the death of me") and
        # learned "kill" and "death" from real crises; as for the rules, what is left once they are
        # set aside decides. Only here, so a second reading costs nothing on most messages.
        feelings = predict(loaded, plain, entities).feeling
        if dict(feelings).get("hopeless", 0.0) >= bar:
            return "hopeless"
    label, p = next(((f, q) for f, q in feelings if f != "hopeless"), ("none", 0.0))
    learned = label if label != "none" and p >= FEELING_AT else None
    felt = cues.felt(text, norm) if learned in (None, "celebration", "stress", "exhaustion", *_PASS_MISREAD) else None
    long_post = len(text) >= STRESS_SAID_FROM
    if (
        learned == "stress"
        and felt is None
        and long_post
        and cues.upbeat(text, norm)
        and not cues.hard_feeling_said(text, norm)
    ):
        # the model hears strain in any long story, an upbeat one too ("I think it went WELL?? first time walking out
        # feeling good... 3 questions"): no "this exam puts real pressure on people" for it. A long post of distress
        # in any words ("drowning", "falling apart") keeps the model's reading.
        return None
    if (
        learned in (None, "failure")
        and _FELT_LIKE_A_FAIL_RE.search(norm)
        and not cues.says_a_ck_fail(_FELT_LIKE_A_FAIL_RE.sub(" ", norm))
        and not cues.joyful(text, norm)  # "felt like i failed but got a 250!!": the news is good
    ):
        return "worry"  # "is it normal to feel like you failed when you didn't?": a fear of a fail, none told
    if learned in _STRAIN and felt is None and cues.stress_set_aside(norm):
        return None  # "im not stressed, just curious: avg for derm?", "she s way less stressed": no strain of theirs
    if (
        learned in _PASS_MISREAD
        and felt == "relief"
        and passed
        and not cues.distress_words(norm)
        # "scared to even hope... (passed 2nd try with 230)": an old pass under a fear of now
        and (cues.joyful(text, norm) or not cues.unease_said(text, norm))
        and not cues.feeling_turned(norm)
    ):
        return "relief"  # "passed. 221 but PASSED. after failing the first time I'm so relieved": the pass is the news
    if learned in _PASS_MISREAD:
        return learned  # type: ignore[return-value]
    if learned == "stress" and felt in _SHARPER_THAN_STRESS:
        return felt  # type: ignore[return-value]  # "scared of ck, is that normal": worry said plainly
    if learned == "exhaustion" and felt == "relief" and not cues.distress_words(norm):
        return "relief"  # "so relieved. it's finally over and i can sleep": the sleep is the relief's
    if learned is not None and learned != "celebration":
        return learned  # type: ignore[return-value]
    # Disappointment, relief and worry have no label of their own; a plain cue for one of them also
    # outweighs a "celebration" the model heard in "passed 🥲 but only 221".
    if felt in (None, "celebration") and learned in (None, "celebration") and cues.joy_for_someone_else(norm):
        # "happy for her but also kinda want to scream" (her 259 beside my 231): the joy is the friend's, the
        # letdown is theirs
        if cues.letdown_beside(norm):
            return "disappointment"
        if "celebration" in (learned, felt):
            return None  # no congratulations for a friend's news; a fear said beside it is still heard below
    asked = "?" in text or _QUESTION_RE.match(norm) is not None  # "is 65% on uworld first pass good for a 250"
    if felt is None and learned == "celebration" and asked and not cues.joyful(text, norm):
        return None  # a question with no joy said ("plastics avg is 255 and I got 247, chances?"): no congratulations
    if felt is None and learned == "celebration" and not cues.joyful(text, norm) and cues.unease_said(text, norm):
        return None  # "my friend got a 244 so im trying not to freak out but my nbmes say 221 😬": no joy of theirs
    if felt is None and learned is None and cues.fear_said(norm):
        return "worry"  # "im so scared ill end up with a 240 and have to give up ortho": no other feeling heard
    if felt is None and learned is None and cues.freaking_out(norm):
        return "panic"  # "is CK curved?... now i'm freaking out that i picked a bad month": said in words
    if (
        felt is None
        and learned is None
        and long_post  # a short message's strain the model hears whole; joy or a fail told has its own line
        and not cues.joyful(text, norm)
        and not cues.says_a_ck_fail(norm)
        and cues.unease_said(text, norm)
    ):
        # "...will programs hold the old 221 against me? also kinda panicking ngl": strain said in words at the end
        # of a long story, which the model only half heard; its likeliest strain is met
        strained = next((f for f, _ in feelings if f in _STRAIN), None)
        if strained is not None:
            return strained  # type: ignore[return-value]
    return felt or learned  # type: ignore[return-value]


_FELT_LIKE_A_FAIL_RE = quick_re.compile(
    r"\b(?:feel|feels|feeling|felt)\s+like\s+(?:i|you|u)\s+(?:failed|bombed|flunked)\b"
)
"""A fail felt, not told ("walked out feeling like I failed")."""
STRESS_SAID_FROM = 300
"""From this length an upbeat post's strain, heard by the model alone, is set aside: it hears strain in any story."""
_STRAIN = frozenset({"stress", "panic"})
"""Feelings that a stress word carries, so a stress word denied or said of someone else sets aside."""


def _settle(
    intent: str,
    confidence: float,
    nums: Numbers,
    specs: tuple[str, ...],
    others: tuple[str, ...],
    text: str,
    norm: str,
) -> tuple[str, float, str | None]:
    """Let the entities decide what the classifier can't see (how many specialties, which number).

    Returns the (intent, confidence) to answer with, and the FAQ topic when a rule decided it too
    (None: the model's topic stands). The number intents only ever stand with
    their entities: "invalid_score" exactly when an off-scale score was given, "score_check"
    with a score and a specialty, and so on.
    """
    has_score = nums.score is not None or nums.range is not None
    has_spec = bool(specs or others)
    unsure = confidence < CONFIDENT
    comlex_alone = (
        not has_score
        and len(text) < SPECIFIC_CHARS
        and cues.comlex_alone(norm)
        and not cues.plans_the_usmle(norm)  # "...no USMLE. too late to take CK in sept?": the exam ahead, asked
        # "my COMLEX L2 was 612 but i havent taken usmle yet, what's the average step 2 for ortho?": a field's Step 2
        # CK average asked in so many words is the averages frame, whoever asks it
        and not (has_spec and cues.asks_average(norm) and not cues.asks_comlex_figures(norm))
    )
    if comlex_alone and cues.asks_comlex_figures(norm):
        # "COMLEX L2 came back 530, no USMLE. is 530 low for FM?": COMLEX's own figures, which we don't hold; never
        # Step 2 CK's averages, another exam's scale, nor "560 can't be a Step 2 CK score"
        return "out_of_scope", 1.0, None
    if comlex_alone and (has_spec or nums.comlex is not None or nums.bad is not None):
        # "DO, COMLEX only, no USMLE. applying psych, thoughts?": a DO on COMLEX alone weighing a field is answered
        # as one (how programs read COMLEX without the USMLE). A longer post keeps its own question ("...no USMLE.
        # Is it too late to take CK in October?")
        return "faq", 1.0, topics.DO_WITHOUT_USMLE
    if nums.bad is not None and not has_score and (intent in _SCORE_INTENTS or unsure):
        return "invalid_score", 1.0, None
    if (
        not has_score
        and len(text) < SPECIFIC_CHARS
        and _SHELF_RESULT_RE.search(norm)
        and cues.names_the_exam(norm)
        and "dedicated" not in norm  # "IM shelf 85th pctl, can i get away w a shorter dedicated": how long, asked
    ):
        # "surgery shelf came back 38th percentile... will i land around there on ck": what a shelf says of CK
        return "faq", 1.0, topics.PRACTICE_TESTS
    if has_score and not has_spec and len(text) < SPECIFIC_CHARS and _SAME_AS_TODAY_RE.search(norm) and nums.past_year:
        return "faq", 1.0, topics.PERCENTILES  # "my CK from 2018 was 240. is that the same as a 240 today": the drift
    if not has_spec and len(text) < SPECIFIC_CHARS and _SCORES_INFLATED_RE.search(norm):
        # "he says his step 2 was 238 in 2019 and 'that'd be bad now'. is that true? scores inflated?": whether the
        # same number means the same across the years, whoever's it is
        return "faq", 1.0, topics.OVERALL_AVERAGE
    if not has_score and len(text) < SPECIFIC_CHARS and cues.asks_for_joke(norm):
        return "smalltalk", 1.0, None  # "tell me a joke about the krebs cycle": a joke asked, not the medicine taught
    if _BESIDES_THE_SCORE_RE.search(norm) and intent == "faq" and len(text) < SPECIFIC_CHARS:
        return "faq", 1.0, topics.BEYOND_SCORES  # "what do PDs look at besides the number": the rest of the file
    if not has_score and _NONE_TAKEN_RE.search(norm):
        return "faq", 1.0, topics.PRACTICE_TESTS  # "exam in 12 days and i have done 0 self assessments": not work done
    if not has_score and len(text) < LOG_CHARS and _SCORE_SOON_RE.search(norm) and not cues.asks_something(text, norm):
        return "vent", 1.0, None  # "score tmrw 🙃🙃🙃": the wait's last night, met, not a plan or a break
    interviews_counted = _INTERVIEWS_COUNTED_RE.search(norm) is not None and not _QBANK_WORK_RE.search(norm)
    if interviews_counted and (intent == "log_progress" or not cues.asks_something(text, norm)):
        return "vent", 1.0, None  # "exhausted from interviewing. 9 done, 3 left": interviews, not questions
    if len(text) < SPECIFIC_CHARS and not has_spec and not has_score and cues.weighing(norm) in _MET_NOT_LOOKED_UP:
        return "vent", 1.0, None  # "does a 220 mean i'm a bad doctor", "weirdly calm, is that bad": met, not looked up
    if "?" not in text and cues.just_venting(norm):
        return "vent", 1.0, None  # "i just need to vent... want gen surg still": listened to, not a field's averages
    if (
        not has_score
        and len(text) < SPECIFIC_CHARS
        and _HOW_TO_FEEL_RE.search(norm)
        and not _TOPIC_WORD_RE.search(norm)
    ):
        return "vent", 1.0, None  # "how do i stop feeling like this before my exam": comfort asked, not a topic
    if (
        intent in {"faq", "plan_break", "unknown", "smalltalk"}
        and not has_score
        and len(text) < SPECIFIC_CHARS
        and "?" not in text
        and cues.weighing(norm) in _WEIGHS_HEARD
        # (the exam named is the wait's: "waiting for CK is worse than the exam tbh")
        and (not cues.names_the_exam(norm) or cues.weighing(norm) == "waiting")
        and not _asks_in_a_clause(text, norm)  # "one of my friends got 250, how long to study": asked all the same
    ):
        return "vent", 1.0, None  # "first gen and my parents don't get why i can't come home": heard, not a topic
    if intent == "vent" and len(text) < SPECIFIC_CHARS and _ASKS_TO_DO_RE.match(norm) and not cues.weighing(norm):
        return "faq", confidence, None  # "can i void my score if i feel bad after the exam": asked, feeling or not
    if not has_score and len(text) < SPECIFIC_CHARS and cues.asks_about_accommodations(norm):
        # "do I need accommodations approved before scheduling the exam date": not a date to plan to
        return "faq", 1.0, topics.ACCOMMODATIONS
    if cues.asks_couples_match(norm) and len(text) < SPECIFIC_CHARS:
        return "faq", 1.0, topics.MATCH_RATES  # how the couples match works; a partner's field is not theirs to weigh
    if (
        intent in _ENTITY_SETTLED | {"faq", "unknown", "vent"}
        and len(text) < 2 * SPECIFIC_CHARS  # in a long post it is one question of several, offered beside the rest
        and cues.asks_to_explain_score_at_interview(norm)
    ):
        # "a PD asked why my ck (240) was below my shelves, how should i answer?": what to say, not the average
        return "faq", 1.0, topics.PROGRAM_DIRECTORS
    # no length gate here: unmatched or in SOAP, a long post's every question is about what happens now
    if intent in _ENTITY_SETTLED | {"study_plan", "faq", "unknown"} and cues.past_the_match(norm):
        # "didn't match. soap opens in 3 hours... ck 233, applied ortho": what happens now, not the ortho average
        return "faq", 1.0, topics.MATCH_RATES
    retaking = has_score and cues.says_a_ck_fail(norm)  # "failed CK (207)... help me build an 8 week schedule"
    if (
        retaking
        and nums.practice
        and intent in {"score_fit", "score_check", "log_progress", "practice_score"}
        and len(text) < SPECIFIC_CHARS
        and cues.preparing_a_retake(norm)
    ):
        # "retake in 3 weeks. first time 210. nbme now 232.": the score is the attempt behind them, and the practice
        # result now is what is told (read against the pass mark), not the old score against every field
        return "practice_score", 1.0, None
    if (
        (not (has_score and not nums.hypothetical) or retaking)
        and cues.requests_a_plan(norm)
        and not cues.plans_the_match(norm)
    ):
        # "good evening. kindly prepare for me a study timetable...": asked in words, whatever else the message
        # tells ("exam got pushed to october... can you redo a plan", "aiming for 240+... help me structure something")
        return "study_plan", 1.0, None
    if not has_score and cues.wants_reminders(norm) and not cues.wants_release_reminder(norm):
        # reminders asked in so many words hold the frame too, however many questions come before them ("...is OME
        # enough for surg? ... also can you remind me every friday to do a timed block"): the rest are offered
        return "study_plan", 1.0, None
    if intent == "study_plan" and cues.plans_the_match(norm):
        # "I passed with a 218. I need a plan for matching IM now": the match, not a study schedule
        return ("score_check", 1.0, None) if has_score and has_spec else ("faq", 1.0, topics.MATCH_WITH_AVERAGE)
    if has_score and has_spec and cues.asks_besides(norm):
        return "score_fit", 1.0, None  # "245 img what can I apply to besides IM": every field against the score
    if has_score and has_spec and not (nums.hypothetical or nums.someone) and cues.asks_which_fields(norm):
        # "Got 262 on ck. derm and ortho have both crossed my mind but what else is in range": the fit list
        return "score_fit", 1.0, None
    if has_score and not has_spec and not nums.hypothetical and cues.asks_what_fits(norm):
        return "score_fit", 1.0, None  # "my result is 236. kindly advise which residencies I should consider"
    if not has_score and len(specs) + len(others) >= 2 and cues.asks_which_is_harder(norm):
        return "compare", 1.0, None  # "is uro harder to match than ENT score-wise": the two side by side
    if cues.asks_shelf(text, norm) and not (has_score and has_spec and not nums.someone):
        # "nbme shelf for IM was 72, is that honors": a school exam, whatever field; but "my surgery shelf was rough
        # but i want ortho, is 245 ok" weighs their own Step 2 CK score against a field, the shelf its past
        return "out_of_scope", 1.0, None
    if len(text) < SPECIFIC_CHARS and cues.seeks_care(norm):
        return "out_of_scope", 1.0, None  # "a good dermatologist near me in houston": care, not derm's averages
    if (
        len(text) < SPECIFIC_CHARS
        and cues.asks_tips(norm)
        # "exam in 2 days, so nervous. any last advice?": the last days, asked; "ck is TOMORROW and i cant remember
        # anything about OB... cram tonight or just chill": the last night, whatever subject is named
        and (
            (intent in ("vent", "faq", "unknown") and cues.in_the_last_days(norm))
            or (not has_score and cues.exam_soon(norm) is not None)
        )
        and cues.out_of_scope(norm) is None
        and not cues.asks_shelf(text, norm)
    ):
        return "faq", 1.0, topics.EXAM_DAY
    if (
        cues.asks_step3(norm)
        and (len(text) < SPECIFIC_CHARS or not (has_score or has_spec))
        and not (has_spec and cues.asks_average(norm))  # "avg CK for derm? also is step 3 harder": the frame holds
    ) or cues.resident_asks_step3(text, norm):
        # Step 3 is not ours to answer, whatever scores or fields come with it; in a long post it is one
        # question among several, and the ones that are ours still get their answer
        return "out_of_scope", 1.0, None
    if _MOVE_UP_RE.search(norm) and not cues.requests_a_plan(norm):
        return "faq", 1.0, topics.TIMING  # "should i move my test up while im feeling good": an earlier date, asked
    if not has_score and cues.asks_dual_apply(norm):
        # a question of its own, not two fields' averages; "how do signals work if i dual apply": the signals
        return "faq", 1.0, (topics.SIGNALS if "signal" in norm else topics.MATCH_WITH_AVERAGE)
    if not has_score and ("?" in text or _QUESTION_RE.match(norm)) and _QBANK_ENOUGH_RE.search(norm):
        return "faq", 1.0, topics.STUDY_STRATEGIES  # "is 3200 questions enough", "60% of uworld done, enough?"
    if not has_score and cues.asks_about_leaving_early(norm):
        return (
            "faq",
            1.0,
            topics.RETAKES,
        )  # "what's the penalty for leaving the test early": an attempt, not early matches
    if not has_spec and _TOP_SHARE_RE.search(text.lower()):
        return "faq", 1.0, topics.PERCENTILES  # "top 10% is what score": a percentile asked, not the averages
    if not has_score and cues.sick_for_the_exam(norm):
        return "faq", 1.0, topics.EXAM_DAY  # what to do when ill on exam day, not a plan for tomorrow
    if (
        not has_score
        and "?" not in text
        and len(text) < LOG_CHARS
        and _LOGGED_RE.search(norm)
        # "done 1200 of uworld": a running total (too big for a day's count) the model heard as a log too
        and (
            parse_progress(text)[0] is not None
            or ((intent == "log_progress" or _RUNNING_TOTAL_RE.search(norm)) and _QBANK_WORK_RE.search(norm))
        )
        and not interviews_counted
    ):
        return "log_progress", 1.0, None  # "week 3 total 410 questions": work done, logged (not the exam's format)
    if (
        not has_score
        and "?" not in text
        and len(text) < LOG_CHARS
        and _progress_told(text, norm)
        and (
            intent == "log_progress"
            # blocks done, whatever the model heard: "half a block (20q) 85% lets gooo"
            or (intent in ("vent", "faq", "unknown") and tells_blocks(text) and not _asks_in_a_clause(text, norm))
        )
    ):
        # "40q block 54% im actually dying", "1 block, 55%... rough day": a count and a percent, told (and the
        # feeling beside them is still heard first)
        return "log_progress", 1.0, None
    if not has_score and "?" not in text and did_nothing(text):
        return (
            "log_progress",
            1.0,
            None,
        )  # "couldn't study today, sick": the day's news, answered kindly, nothing logged
    date_alone = norm.count(" ") < PLAN_TINY_WORDS - 1 and not has_spec and cues.date_alone(norm)
    if date_alone and find_exam_date(text, ANY_DAY) is not None:
        return "study_plan", 1.0, None  # "june 14" on its own: a date to plan to, not 14 questions done
    if (
        intent == "greeting"
        and norm.count(" ") >= GREETING_MAX_WORDS
        and ("?" in text or _QUESTION_RE.match(norm))
        and cues.names_the_exam(norm)
    ):
        return "faq", confidence, None  # "best time slot for ck, morning or afternoon": asked, not a hello
    if intent in {"greeting", "smalltalk", "unknown"} and not has_score and cues.just_sat_exam(norm):
        return "faq", 1.0, topics.SCORE_RELEASE  # "took ck this morning, now what": the wait, not a hello
    if (
        intent == "faq"
        and not has_score
        and len(text) < SPECIFIC_CHARS
        and cues.just_sat_exam(norm)
        and not cues.asks_something(_WHAT_NOW_SAID_RE.sub("", text), norm.replace("what now", ""))
    ):
        # "JUST FINISHED!!! 9 hrs of hell. never again. what now": the exam behind them is the news, shared, whatever
        # topic the model heard in the exam's length
        return "vent", 1.0, None
    if cues.acknowledgement(norm):
        return "unknown", 1.0, None  # "yes", "ok", "nvm" out of the blue: asked what they'd like, not a topic guessed
    if (
        holds_any(norm, ("cancel", "closed", "closing", "shut"))
        and _CENTER_CANCELLED_RE.search(norm)
        and not isinstance(find_exam_date(text, ANY_DAY), date)
    ):
        # "prometric cancelled my ck what now": the centre's cancellation, not a move of theirs or a day off
        return "faq", 1.0, topics.EXAM_DAY
    if intent in _MOVE_READS and _asks_how_to_move(norm):
        return "faq", 1.0, topics.TIMING  # how rescheduling works, not a date to move
    # the model hears practice in "retake is in 10 days... should I postpone again?"; where a practice test or a
    # percentage is named, what it tells them is read first
    delay_read = intent in _MOVE_READS | {"vent", "faq"} or (
        intent == "practice_score" and not nums.practice and "%" not in text and not PRACTICE_NAME_RE.search(norm)
    )
    own_score = has_score and not nums.hypothetical  # "should i delay to hit 250": a level to reach, no result
    if delay_read and not own_score and cues.asks_whether_to_delay(norm, text):
        return "faq", 1.0, topics.TIMING  # "should I push my exam?": whether to delay, answered (not a date moved)
    if cues.wants_release_reminder(norm) and not has_score:
        return "faq", 1.0, topics.SCORE_RELEASE  # "ping me the day my score drops": when it drops, said plainly
    if intent == "exam_moved" and not cues.moved_the_exam(norm) and _MOVE_SUPPOSED_RE.search(norm):
        return "faq", 1.0, topics.TIMING  # "if my uwsa2 is under 230, tell me to move my date": not moved yet
    if not has_score and len(text) < SPECIFIC_CHARS and cues.moved_the_exam(norm) and "?" not in text:
        return "exam_moved", 1.0, None  # "I pushed my test back 2 weeks": their date moved, news to keep
    if not has_score and cues.asks_about_someones_practice(text, norm):
        return "faq", 1.0, topics.PRACTICE_TESTS  # "my brother's uwsa2 was 245, is he ready?": what it tells them
    if not has_score and cues.school_matter(norm):
        return "out_of_scope", 1.0, None  # "petition my school for a grade change in peds": the school's, not ours
    if cues.asks_for_writing(norm) or cues.asks_to_track(norm):
        return "out_of_scope", 1.0, None  # "write my personal statement for rads": not ours, whatever field is named
    if not has_score and cues.asks_about_pay(norm) and not cues.asks_average(norm):
        return "out_of_scope", 1.0, None  # "how much do dermatologists make": a field named, but not its average
    if not has_score and cues.asks_comlex_figures(norm) and not cues.without_the_usmle(norm):
        return "out_of_scope", 1.0, None  # COMLEX's own figures: Step 2 CK averages would answer another exam
    if nums.step1 is not None and not has_score and cues.asks_what_it_weighs(norm):
        return "faq", 1.0, topics.STEP1_VS_STEP2  # a scored Step 1's weight on their chances
    if not has_score and not has_spec and cues.asks_pass_rate(norm):
        # "what is the pass rate for first time takers": how passing works (USMLE's own rates are not held: `respond`)
        return "faq", 1.0, topics.PASSING_SCORE
    if not has_spec and len(text) < SPECIFIC_CHARS and _EXPLAIN_TO_FAMILY_RE.search(norm):
        # "scored 247. mom asked if thats like an A. how do i explain": what the number means in plain terms, which
        # a percentile says best
        return "faq", 1.0, topics.PERCENTILES
    if has_score and not has_spec and cues.asks_pass(norm):
        return "faq", 1.0, topics.PASSING_SCORE  # "did i pass with 214?": the pass mark answers it
    unnamed_practice = nums.other is not None and not (nums.practice or nums.step1 or nums.comlex or nums.quoted)
    if unnamed_practice and has_spec and not has_score and intent not in _SCORE_INTENTS | _PLAN_INTENTS:
        # "got a 245 on my last practice test, good for EM?": a practice result read against the field,
        # not a topic the model heard in "practice" (the Prometric practice session)
        return "practice_score", 1.0, None
    if nums.practice and not (has_score and not nums.hypothetical) and cues.asks_whether_to_delay(norm, text):
        # "5 weeks out. my NBMEs are 231, 238. should I push my date or keep it?": whether to push, with the results
        return "faq", 1.0, topics.TIMING
    if (
        # ("my uworld avg is 67% and my classmate said that means ~250. is that legit": asked, though heard as a vent)
        intent in ("practice_score", "log_progress", "vent")
        and not (has_score or nums.practice)
        and cues.qbank_figure_asked(text, norm)
        and ("?" in text or cues.figure_judged(norm))  # "UW 58% first pass overall": told, so logged (the frame)
        and not _work_told(text, norm)  # "did 40, got 60%, is that good?", "block 12 done, 61%": logged
    ):
        return "faq", 1.0, topics.PRACTICE_TESTS  # "UWorld first pass 58% avg... am I cooked": the bank's figure, asked
    if (
        intent == "log_progress"
        and "?" in text
        and not has_score
        and cues.block_results_swing(norm)
        and not _work_told(text, norm)  # "did 40 today, scores up and down, 55% overall?": a day's work, logged
    ):
        return "faq", 1.0, topics.PRACTICE_TESTS  # "my % jumps between 55 and 80 block to block, normal?": asked
    practice_asked = (
        intent == "practice_score"
        or (intent == "log_progress" and "?" in text)
        # "NBME 236 ok for IM or FM?": the fit asked in so many words, whatever topic the model heard
        or (intent in ("faq", "unknown") and _FIT_ASKED_RE.search(norm) is not None)
    )
    if practice_asked and nums.practice and has_spec and not has_score and len(text) < SPECIFIC_CHARS:
        # "my nbme was 236, is that ok for IM": the field's averages, the practice result named beside them
        return ("compare" if len(specs) + len(others) >= 2 else "average"), 1.0, None
    if intent == "vent" and has_score and has_spec and "?" in text:
        # "spiraling... 238 and wanting EM. should I even bother?": the feeling is named first, and the
        # question a score and a field ask is still answered (the core frame holds whatever the model says).
        return "score_check", 1.0, None
    if has_score and not has_spec and cues.asks_why_real_differs(norm):
        # "practice scores 260+, got a 247 on the real thing. how is that even possible": why, not what fits
        return "faq", 1.0, topics.PRACTICE_TESTS
    if (
        intent in {"vent", "score_fit", "score_check", "unknown", "faq"}
        and not has_spec
        and "?" not in text
        and not _asks_in_a_clause(text, norm)
        and cues.weighing(norm) in _WEIGHS_HEARD
    ):
        # "my wife got 262 and I got 237... I feel pathetic": what weighs on them is heard first, not a fit list
        return "vent", 1.0, None
    goal_or_guess = (nums.hypothetical and not nums.own) or (nums.score is None and nums.other is not None)
    converting = nums.score is None and _ASKS_A_SCORE_RE.search(norm) is not None  # "58% avg = what score"
    if (
        (not has_spec or nums.goal)  # "58% first pass, ok for like a 240? want IM": the percent, not IM's average
        and not nums.practice
        and _QBANK_PERCENT_RE.search(text)
        and (goal_or_guess or converting or (nums.score is None and _PASS_ASKED_RE.search(norm) is not None))
    ):
        # "58% on my last block, is that bad for a 250 goal?", "65% on uworld = 245ish?": a block's percent
        # against a score is read by a self-assessment, not a fit list for a score they don't have
        return "faq", 1.0, topics.PRACTICE_TESTS
    if nums.practice and not has_spec and nums.score is None and _MEANS_AS_A_SCORE_RE.search(norm):
        return "practice_score", 1.0, None  # "free 120 at 78%, what does that mean score-wise": the result, read
    goal_read = intent in _GOAL_READS or unsure  # "nbme 238, 5 weeks out. can i get to 250?": heard as a question
    if (
        nums.hypothetical
        and not nums.own
        and nums.practice
        and goal_read
        and len(text) < SPECIFIC_CHARS
        # "UWSA2 was 262. if I land around 260 on the real thing, how competitive is that for derm?": the real
        # exam's score weighed against the field, the practice result only its setting
        and not (has_spec and _ON_THE_REAL_EXAM_RE.search(norm))
    ):
        # "goal 260. currently nbme 11 248, uwsa1 256. realistic?": the practice results read against the
        # goal, not the goal read against every field as if it were their score (a long post keeps its question)
        return "practice_score", 1.0, None
    if has_spec and not has_score and not cues.asks_average(norm) and cues.out_of_scope(norm) == "content":
        return "out_of_scope", 1.0, None  # "epi dose for anaphylaxis IM?": medicine itself, IM as intramuscular
    if not has_score and _ENOUGH_COUNT_RE.search(norm):
        # "is 8 interviews enough for IM": how many to rank, not the field's averages
        return "faq", 1.0, topics.MATCH_WITH_AVERAGE
    if intent in _SCORE_INTENTS or (unsure and (has_spec or has_score)) or (intent == "help" and has_spec):
        if has_score and has_spec:  # one specialty or several: the score set against each
            return "score_check", 1.0, None
        if has_score:
            return "score_fit", 1.0, None
        # a long post naming a field, with no score of its own and no average asked, that the model is sure asks
        # something else ("...my boyfriend opened a 261... applying IM. Should I be emailing NBME?"): its questions
        # are answered, not the field's averages (unsure, the averages still beat a "which did you mean?")
        if has_spec and (len(text) < ASKS_READ_FROM or cues.asks_average(norm) or unsure):
            return ("compare" if len(specs) + len(others) >= 2 else "average"), 1.0, None
        if intent in _ENTITY_SETTLED:
            intent = "unknown"  # a number intent with nothing to answer it with; the rules below may still know
    scope = None if has_score or has_spec else cues.out_of_scope(norm)
    if intent in _PLAN_INTENTS and scope != "step1":
        scope = None  # a plan's words are ours, except a plan for Step 1 ("what's a good step 1 study plan")
    if scope is not None and (scope != "shelf" or cues.asks_shelf(text, norm)):
        return "out_of_scope", 1.0, None  # Step 3, CS, COMLEX 3, shelves: a kind "not mine", never a CK answer
    if intent == "faq" and has_spec and (has_score or not nums.quoted):
        # The core frames hold whatever the model says: a score and a specialty get the comparison,
        # a specialty and an average word its averages; the question the model heard becomes a button.
        # A long post that asks a question of its own keeps its answer, and the reply sets the
        # student's score beside the averages too (`Advisor._reply`).
        if has_score:
            return "score_check", 1.0, None
        if not has_score and cues.asks_average(norm):
            return ("compare" if len(specs) + len(others) >= 2 else "average"), 1.0, None
    if (
        nums.quoted
        and not has_score
        and intent not in _PLAN_INTENTS
        and not (intent == "practice_score" and nums.practice)
        # "everyone in my class got 250+ and i feel behind": a feeling with their figures, nothing asked
        and not (intent == "vent" and "?" not in text and not _asks_in_a_clause(text, norm))
    ):
        # "is the IM average really 240": the field's averages; "is 230 the cutoff for IM" is screening, and
        # friends' scores beside "applying IM" leave the question the model heard
        if has_spec and cues.asks_average(norm) and not cues.quotes_cut_off(norm):
            return ("compare" if len(specs) + len(others) >= 2 else "average"), 1.0, None
        return "faq", 1.0, None  # a figure they heard, asked about: the topic answers it, not a fit list
    if cues.did_not_match(norm) and len(text) < SPECIFIC_CHARS:
        return "faq", 1.0, topics.MATCH_RATES  # "everyone matched except me": what happens now (SOAP), kindly
    if not has_score and not has_spec and cues.asks_extremes(norm):
        return "average", 1.0, None  # "highest step 2 avg specialty? and lowest?": the ranking (`respond`)
    if (
        not has_score
        and not has_spec
        and len(text) < SPECIFIC_CHARS
        and cues.asks_if_feeling_is_normal(text, norm)
        and text.count("?") <= 1
    ):
        return "vent", 1.0, None  # "ms1 and already scared of ck is that normal": listened to, not looked up
    if (
        intent == "faq"
        and has_score
        and not nums.practice
        and len(text) < LOG_CHARS
        and not cues.asks_something(text, norm)
        and not _QUESTION_RE.match(norm)  # "whats the percentile for a 250": asked, "?" or not
        and not _ASKS_RE.search(norm)  # "ck came back 231, will that hurt my ranking"
    ):
        return "score_fit", 1.0, None  # "wow. 254. did not expect that": the score is the news, no topic asked
    if (
        intent == "faq"
        and has_score
        and "?" not in text
        and len(text) < SPECIFIC_CHARS
        and not cues.asks_something(text, norm)
        and cues.felt(text, norm) in ("relief", "celebration")
    ):
        return "score_fit", 1.0, None  # "relief is an understatement. 261. i thought i failed": good news, told
    if (
        not has_score
        and len(text) < SPECIFIC_CHARS
        and not cues.asks_something(text, norm)
        and cues.invites_got(norm)
        and cues.joyful(text, norm)
    ):
        return "vent", 1.0, None  # "got my first interview invite!!! 🎉": good news shared, met with joy
    if intent != "thanks" and not has_score and cues.thanks_us(text, norm):
        return "thanks", 1.0, None  # "thank you, your reminders got me through dedicated": thanks, not a plan asked
    if (
        intent == "study_plan"
        and "?" not in text
        and cues.thanks_for_reminders(norm)
        # "thanks for the reminders, you can stop them now": the stop or change is what's asked
        and cues.wants_reminders_off(norm) is None
        and not cues.changes_reminders(norm)
    ):
        # "GOT A 261!!!!! ... thank u for the 7am reminders every day": thanks for the nudges sent, no plan asked
        return "thanks", 1.0, None
    if intent == "thanks" and cues.felt(text, norm) == "relief":
        # "phew, thank god": relief, not thanks to us; the numbers answer it when there are any.
        return ("score_fit" if has_score else "smalltalk"), 1.0, None
    if intent in {"unknown", "smalltalk"} and cues.asks_help(norm):
        return "help", 1.0, None
    if (
        intent != "study_plan"
        and not has_score
        and (
            questions_per_day(text, ANY_DAY) is not None
            or (cues.asks_daily_count(norm) and days_to_exam(text, ANY_DAY) is not None)
        )
    ):
        return "study_plan", 1.0, None  # "1400 left and the exam on the 28th, how many a day?": the pace, then a plan
    if intent != "study_plan" and not has_score and len(text) < SPECIFIC_CHARS and cues.dropped_weekdays(norm):
        return "study_plan", 1.0, None  # "stop the saturday pings": the plan's days changed, not a break or a pause
    if not has_score and len(text) < SPECIFIC_CHARS and cues.wants_reminders_off(norm):
        return "study_plan", 1.0, None  # "stop reminding me for a few days": the reminders, taken off (or none to)
    if not has_score and cues.wants_reminders(norm):
        # the plan is how reminders come: this frame never fails, whatever the model says, and a model that
        # says so too is no less sure for a hello beside it ("hi can u do reminders in my time zone?")
        return "study_plan", 1.0, None
    if cues.asks_interview_prep(norm) and not has_score:
        return "faq", 1.0, topics.BEYOND_SCORES  # "my peds interview is thursday, how do i get ready": the interview
    if cues.forgot_id(norm) and not has_score:
        return "faq", 1.0, topics.EXAM_DAY  # "PANIC i left my passport at home": what to do, this morning
    if cues.asks_who_we_are(norm) and cues.asks_what_we_do(norm):
        return "help", 1.0, None  # "is this bot free? what can you do?": what it does is the answer to both
    if cues.asks_for_joke(norm) or cues.asks_who_we_are(norm) or cues.asks_about_logging(norm):
        return "smalltalk", 1.0, None
    if cues.hyped(text, norm):
        return "smalltalk", 1.0, None  # "day 3 of dedicated lets gooo": cheered on, not a question about study length
    wanted = cues.asks_for_plan(norm) or cues.wants_reminders(norm)  # a plan or reminders asked for in words
    tiny = norm.count(" ") < PLAN_TINY_WORDS  # "test tomorrow", "6 weeks left": a date to plan for
    planish = (
        intent not in _PLAN_INTENTS
        or (intent != "study_plan" and (tiny or confidence < PLAN_SURE))
        or (intent == "study_plan" and unsure)  # "6 wk schedule but fridays off": a request holds the frame
    )
    # long posts: the model reads them better, unless it heard only a hello ("... give me a template")
    short = unsure or norm.count(" ") < PLAN_RULE_WORDS or intent in {"greeting", "smalltalk"}
    # "excited but also terrified, exam monday": nerves with the day said, not a plan asked for
    nerves = cues.worry_said(norm) and not cues.asks_for_plan(norm) and not cues.wants_reminders(norm)
    dated = (
        planish
        and short
        and not nerves
        and not cues.score_out(norm)  # "ck came back today!!": the result's day, the exam behind them
        and cues.wants_plan(text, norm, has_score=has_score, has_practice=bool(nums.practice))
    )
    if (dated or intent in {"study_plan", "days_left"}) and not wanted and not has_score and len(text) < SPECIFIC_CHARS:
        # the days left beside a yes/no question are its setting ("school gives us 4 wks dedicated, is that
        # enough??", "failed, retaking in 6 wks. do i still apply this cycle?"), and beside a feeling and nothing
        # asked ("3 wks out and every block feels like a coin flip"), the feeling is what to meet: no set-up
        if cues.asks_yes_or_no(text):
            return "faq", (confidence if intent == "faq" else 0.0), None
        if not cues.asks_something(text, norm) and cues.exam_soon(norm) is None and cues.felt(text, norm) is not None:
            return "vent", 1.0, None
    if dated:
        return "study_plan", 1.0, None
    told = "?" not in text and not _QUESTION_RE.match(norm) and not _CLAUSE_ASKS_RE.search(text.lower())
    # "nerves nerves nerves. 2 days": strain said, then the days left in shorthand
    strained_days = cues.bare_days_left(text, norm) is not None and cues.felt(text, norm) is not None
    if (
        (nerves or strained_days)
        and told
        and not has_score
        and intent in {"study_plan", "faq"}
        and norm.count(" ") < PLAN_RULE_WORDS
    ):
        return "vent", 1.0, None  # nerves with the day said, and nothing asked: met, not a topic or a plan
    held = _DAYS_HELD_RE.search(norm) is not None and not has_score and not _NOT_STUDY_DAYS_RE.search(norm)
    if held and (intent == "days_left" or (len(text) < SPECIFIC_CHARS and _WHAT_NOW_RE.search(norm))):
        return "study_plan", 1.0, None  # "i have 45 days. help": the days are known; a plan for them is asked
    # a retaker's practice results asked about keep their reading: "first attempt was 208... NBMEs are 226, 231, 229.
    # is that enough margin?" is about the NBMEs, not the fields a 208 fits
    retaking_practice = bool(nums.practice) and retaking  # (`retaking` needs a score, as this rule does)

    if (
        intent == "practice_score"
        and has_score
        and not retaking_practice
        and (nums.own or not (nums.practice or nums.other or nums.step1))
    ):
        return ("score_check" if specs else "score_fit"), confidence, None  # "...but got 245 on the real thing"
    told = (
        intent in _PRACTICE_READS
        or (intent in _TOPIC_HEARD and len(text) < LOG_CHARS and not _ASKS_RE.search(norm))
        or (unsure and intent in {"days_left", "vent"} and not has_score)  # "freaking out, 3 days left, nbme was 231"
        # "free 120 72% with 10 days left. ok or no": the result is what's asked about, the days are context
        or (intent == "days_left" and not has_score and _ASKS_RE.search(norm) is not None)
    )
    if told and nums.practice and not has_spec:
        # A practice result read: reported and asking nothing ("nbme 11 was 238", "UWSA2 = 258"), it is
        # progress to log (the plan keeps it with the practice scores); what it means is asked in words.
        # Short and asking nothing, it is that whatever topic the model heard in "uwsa2 was 249 yesterday".
        return ("practice_score" if _ASKS_RE.search(text.lower()) else "log_progress"), 1.0, None
    return intent, confidence, None


_ASKS_A_SCORE_RE = quick_re.compile(r"\bwhat score\b|\btranslat\w*|\bequivalent\b|\bconvert\w*|\bpredict\w*")
_HARD_TO_MATCH_RE = quick_re.compile(
    r"\b(?:hard|harder|difficult|tough|competitive)\b\s+(?:is\s+it\s+|it\s+is\s+)?(?:for\s+\w+\s+)?(?:to\s+)?"
    r"(?:match|get into|get in|land|get a spot|get a position)\b"
    r"|\b(?:matching|getting into)\s+(?:\w+\s+){0,3}?(?:is|was|gets?)\s+(?:so\s+|really\s+)?(?:hard|difficult|tough)\b"
)
"""A field called hard to get into ("how hard is it to match derm", "tough to land ortho"): the field's figures."""
_FAIL_HARDER_RE = quick_re.compile(
    r"\bfail\w*\b.*\b(?:programs?|match\w*|take me|accept me|rank me)\b.*\b(?:harder|hard)\b"
    r"|\b(?:harder|hard)\b.*\bto match\b.*\bfail\w*\b"
)
"""A fail weighed for the match ("does one fail mean no program will take me, or is it just harder"): the road
after a fail, not the exam's difficulty."""
_RESCHEDULE = "timing-reschedule"
_CS_SAID_RE = quick_re.compile(
    r"\b(?:cs|step 2 cs|step2cs|s2cs|clinical skills?|standardi[sz]ed patients?|sps?|pathways?|oet|ecfmg)\b"
)
"""Words of the clinical skills exam, or of what replaced it: without any, "step 2" is Step 2 CK."""
WEAK_AREAS_ANSWER = "ss-weak-areas"
"""The answer on finding a weak subject and bringing it up: for a weak subject said."""
BLOCK_SWINGS_ANSWER = "pt-block-swings"
"""The answer on block percents that swing: for the swing asked about, not the bank's figure."""
_WEAK_SUBJECT_READS = frozenset(
    {
        topics.STUDY_STRATEGIES,
        topics.PRACTICE_TESTS,
        topics.LOW_SCORE,
        topics.MATCH_WITH_AVERAGE,
        topics.GOOD_SCORE,
        topics.STUDY_LENGTH,
        topics.DIFFICULTY,
    }
)
"""Topics a weak subject said is heard as ("obgyn is in the red on every nbme": a practice test, a low score)."""
_SHARE_ASKED_RE = quick_re.compile(
    r"\bhow (?:much|many)\b(?:\s+\w+){0,3}?\s+(?:of|on|in)\s+(?:ck|the exam|step 2|the test|the real (?:thing|exam))\b"
    r"|\b(?:percent|share|portion|fraction) of (?:the )?(?:exam|test|ck)\b"
)
"""How much of the exam a subject is ("how much of ck is obgyn, it's my weakest"): that answer, not the weak area's."""


_FIGURE_ASKED_RE = quick_re.compile(
    r"\b(?:is|are|s)\s+(?:a\s+|an\s+|my\s+)?\d{1,3}\s*(?:percent|pct)?\s+(?:\w+\s+)?(?:ok|okay|good|bad|enough|fine|low|"
    r"decent|normal|passing|terrible|alright)\b|\bwhat percentile\b"
)
"""A share judged ("is 58% ok", "is 60% good enough"): the figure asked about, not how to work on the subject."""
_ASKED_RE = re.compile(r"(?:^|[.!?;,]\s*)(?:how|what|which|when|why|is|are|do|does|should|can|could|will|would)\b")
"""A clause that opens as a question, with no "?" ("... how accurate are the nbmes")."""


def _asks(text: str, norm: str) -> bool:
    """A question in the message (`cues.asks_something`), or a clause that opens as one with no "?"."""
    return cues.asks_something(text, norm) or _ASKED_RE.search(text.lower()) is not None


def _works_on_the_subject(text: str, norm: str, asks: list[str]) -> bool:
    """Beside a weak subject, how to work on it is what they ask: nothing else asked ("peds is killing my practice
    scores"), or a question about working on it ("any tips?") that the answer model reads as no other answer
    ("cardio is my worst, do nbmes predict well?" asks how well NBMEs predict)."""
    if _FIGURE_ASKED_RE.search(norm):
        return False  # "my surgery percent is so low on uworld, is 58% ok": the figure is what they ask about
    if not _asks(text, norm):
        return True
    if not any(cues.asks_to_work_on_it(normalize(a)) for a in asks or [text]):
        return False
    hit = answer_model.answer_model().likeliest(text)
    return hit is None or hit[1] < answer_model.SURE or hit[0] == WEAK_AREAS_ANSWER


REST_DAYS_ANSWER = "ss-rest-days"
"""The answer on days off during dedicated (prep companies' advice, and ours): for a rest day asked."""
_STILL_MATCH = "af-can-still-match"
_MOVE_DATE_RE = quick_re.compile(
    r"\b(?:move|moving|change|changing|reschedul\w*|push|pushing)\s+(?:my\s+|the\s+)?(?:exam\s+|test\s+)?"
    r"(?:exam|test|date|appointment|ck)\b"
)
"""A change of exam date named ("can i still move the date")."""
_FEE_RE = quick_re.compile(
    r"\b(?:fee|fees|charged?|charges|pay|paying|penalty|refund\w*)\b|\blos(?:e|ing)\s+(?:my|the)\s+(?:fee|money|deposit)\b"
    r"|\bhow much (?:does|would|will) (?:it|that) cost\b"
)
"""What a change of date costs, asked beside it."""
_MOVE_UP_RE = quick_re.compile(
    r"\b(?:move|moving|push|pushing|bring|bringing)\s+(?:my\s+|the\s+)?(?:exam|test|date|ck|step\s*2|test date|"
    r"exam date)\s+(?:\w+\s+)?(?:up|earlier|forward|sooner)\b(?!\s+to\s+\d)"
    r"|\bmove\s+up\s+(?:my\s+|the\s+)?(?:exam|test|date|ck)\b"
)
"""An earlier exam date asked about ("should i move my test up"): timing, not a delay."""
_ON_THE_REAL_EXAM_RE = quick_re.compile(
    r"\bon (?:the )?(?:real|actual|official) (?:thing|exam|test|deal|one|ck|step 2)\b|\bon (?:test|exam) day\b"
)
"""A supposed score tied to the real exam ("if I get 260 on the real thing"), not to the next practice test."""
_MEANS_AS_A_SCORE_RE = quick_re.compile(
    r"\bscore\s*wise\b|\bin (?:\w+ )?score terms\b"
    r"|\bwhat (?:does|would|do) (?:that|this|it) (?:\w+ )?(?:mean|translate|equal)\b"
    r"|\bno idea what (?:that|this|it) (?:means|translates to|equals)\b"
    r"|\b(?:is|was) (?:my\s+|a\s+|an\s+)?\d{3}\s+(?:\w+\s+)?close to (?:the|my) real\b"
    # "just got 262 on uwsa2... what's the real range i should expect": the real score it points to
    r"|\bwhat\s+(?:s\s+|is\s+)?(?:the\s+)?(?:real\s+|actual\s+)?(?:range|score)\s+(?:(?:should|can|do|would|will)\s+i"
    r"|i\s+(?:should|can|would|will|d))\s+(?:\w+\s+)?(?:expect|get|score)\b"
)
"""A practice result asked about as a score ("free 120 at 78%, what does that mean score-wise", "is 221 close to
the real score?")."""
_DAYS_HELD_RE = quick_re.compile(
    r"(?:\b(?:i have|i ve got|ive got|i got|only|just)|^got)\s+(?:\d+|a few|two|three|four|five|six|seven)\s+"
    r"(?:days?|weeks?)\b"
    # the exam's days, not a vacation's or those before interviews ("3 weeks of vacation", "2 weeks before interviews")
    r"(?!\s+(?:left\s+)?(?:until|till|to|before|after|of|off|in|between)\b(?!\s+(?:my|the)\s+(?:exam|test|ck|step)))"
)
"""The days left said, not asked ("i have 45 days. help"): what to do with them is the question."""
_NOT_STUDY_DAYS_RE = quick_re.compile(
    r"\b(?:rank list|rank order|interviews?|eras|match|residency|sub ?i|away|vacation)\b"
)
"""Days said with another deadline ("3 weeks. what about my rank list"): not the exam's, so no plan for them."""
_WHAT_NOW_SAID_RE = quick_re.compile(r"(?i)\b(?:now\s+)?what\s+now\b\W*|\bnow\s+what\b\W*")
"""'What now' after news: an opening for what comes next, not a question of its own."""
_WHAT_NOW_RE = quick_re.compile(r"\b(?:what do i|what should i|help|what now|where do i start|how do i)\b")
"""What to do now, asked ("what do i even do"): with the days left said, a plan for them."""
_QBANK_ENOUGH_RE = quick_re.compile(
    r"\b\d[\d ]*\s*(?:q|qs|questions)\b.{0,30}\benough\b|\benough\s+(?:questions|qs)\b"
    r"|\b(?:uworld|uw|qbank|amboss|passes|(?:one|1|two|2|first|second|a single) pass)\b.{0,40}\benough\b"
)
"""Whether a number of questions or a bank's share is enough, asked: how many questions are enough."""
_TOP_SHARE_RE = quick_re.compile(r"\b(?:top|bottom)\s+\d{1,2}\s*(?:%|percent)|\b\d{1,2}(?:st|nd|rd|th)\s+percentile\b")
"""A share of test takers ("top 10%", "90th percentile"): what percentiles answer."""
_APPLICATION_WORD_RE = quick_re.compile(
    r"\b(?:interview\w*|letters?|lors?|research|pubs?|publications?|applications?|apply\w*|programs?|pds?|"
    r"eras|holistic\w*|besides|else|other than|aways?|rotations?|sub ?is?|personal statement|ps|mspe|cv|"
    r"extracurricular\w*|volunteer\w*|leadership|aoa|grades?|honors|clerkships?|evals?|evaluations?|match\w*)\b"
)
"""Words of an application: beside the exam's eve, one of them keeps "Beyond your score" (an interview's tips)."""
_EXAM_EVE_RE = quick_re.compile(
    r"\b(?:tomorrow|tmrw|tmr|tonight|exam day|test day|last (?:minute )?tips?|night before)\b"
)
_WEIGHS_HEARD = frozenset(
    {
        "grief",
        "family",
        "first_gen",
        "impostor",
        "comparison",
        "partner",
        "numb",
        "lonely",
        "abroad",
        "body",
        "guilt",
        "opening",
        "match_wait",
        "soap",
        "known",
        "avoidance",
        "waiting",
    }
)
"""What weighs on a student, said with no question and no exam named: listened to, whatever topic the model hears."""
_HOW_TO_FEEL_RE = quick_re.compile(
    r"\bhow (?:do|can|should|would) i (?:stop feeling|stop panicking|stop freaking out|not panic|calm down|calm myself|"
    r"cope with (?:the |my |this )?(?:stress|anxiety|nerves|panic|dread|waiting|the wait)|cope$|"
    r"deal with (?:the |my |this )?(?:stress|anxiety|nerves|panic|dread))\b"
    r"|\b(?:help|treatment|cure|tips?|advice)\s+(?:for|with)\s+(?:my\s+)?(?:test\s+|exam\s+)?(?:anxiety|nerves|panic)\b"
)
"""How to bear a feeling, asked ("how do i calm down before my exam"): listened to, not answered with a topic."""
_TOPIC_WORD_RE = quick_re.compile(
    r"\b(?:low score|percentile|average|avg|retake|release date|when (?:do|will) scores)\b"
)
"""Words of a topic asked beside a feeling ("tips for anxiety about my score release?"): the topic is answered too."""
_ASKS_TO_DO_RE = quick_re.compile(
    r"(?:(?:so|ok|okay|hey|hi|quick q|question)\s+)?(?:can i|could i|is there a way|how do i|how can i|what happens if|"
    r"am i allowed|is it possible|do i have to|should i)\b(?!\s+(?:feel|be feeling|stop feeling|cope|deal|calm|relax|"
    r"just vent|vent|cry|be (?:worried|scared|nervous|concerned|stressed|freaking out|panicking)|worry|panic|freak|"
    r"(?:even\s+|really\s+)?(?:do|make|handle|survive|pass|get through)\s+(?:this|it)\b))"
)
"""A question of what to do ("can i void my score..."), not of how to feel ("how do i stop feeling like this")."""
_ENOUGH_COUNT_RE = quick_re.compile(
    r"\b\d{1,3}\s+(?:\w+\s+)?(?:interviews?|ranks?|programs? (?:ranked|on my list)|invites?)\s+(?:be\s+|is\s+)?"
    r"(?:enough|safe|a safe number|too few)\b"
)
"""A count of interviews or ranks asked about as enough: how many to rank, not a field's averages."""


_BESIDES_THE_SCORE_RE = quick_re.compile(
    r"\b(?:besides|other than|apart from|aside from|except for)\s+(?:the\s+|my\s+|their\s+)?(?:score|scores|number|"
    r"numbers|step 2|ck|usmle)\b"
)
_NONE_TAKEN_RE = quick_re.compile(
    r"\b(?:done|taken|took|did)\s+(?:0|zero|no|none of the|not a single)\s+(?:self\s*-?\s*assessments?|nbmes?|uwsas?|"
    r"practice (?:tests?|exams?))\b"
    r"|\b(?:0|zero|no)\s+(?:self\s*-?\s*assessments?|nbmes?|practice tests?)\s+(?:done|taken|yet)\b"
)
"""No self-assessment taken yet, said as a count: how many to take, not a day's work to log."""
_SCORE_SOON_RE = quick_re.compile(
    r"^(?:my\s+)?(?:score|scores|results?|ck score)\s+(?:is\s+|are\s+|comes?\s+out\s+|drops?\s+|releases?\s+)?"
    r"(?:tmrw|tomorrow|tmr|tonight|today|in \d+ (?:hours?|hrs?))\b"
)
_INTERVIEWS_COUNTED_RE = quick_re.compile(
    r"\binterview\w*\b.{0,60}\b\d{1,2}\s+(?:done|down|left|to go|so far)\b"
    r"|\b\d{1,2}\s+(?:\w+\s+)?interviews?\s+(?:done|down|left|to go|so far)\b"
)
"""Interviews counted ("exhausted from interviewing. 9 done, 3 left"): not questions to log."""
_QBANK_WORK_RE = quick_re.compile(
    r"\b(?:q|qs|questions?|blocks?|uworld|uw|amboss|qbank|nbme|uwsa|percent|pct|anki|cards|hours?|sketchy)\b"
)


def _progress_told(text: str, norm: str) -> bool:
    """A count and a percent ("40q block 54%"), or a percent beside work done ("1150/3600 done, 64% avg", "1 block,
    55%")."""
    count, percent = parse_progress(text)
    return percent is not None and (count is not None or _LOGGED_RE.search(norm) is not None or tells_blocks(text))


def _asks_in_a_clause(text: str, norm: str) -> bool:
    """A question asked anywhere, "?" or not: one of its own clause ("..., how long to study") or one
    `cues.asks_something` hears ("any tips", "is that true")."""
    return _CLAUSE_ASKS_RE.search(text.lower()) is not None or cues.asks_something(text, norm)


_CLAUSE_ASKS_RE = quick_re.compile(
    r"(?:^|[,;:.!]\s*|\n\s*|\b(?:and|but|so|anyway|ok|okay)\s+)"
    r"(?:how (?:long|many|much|do|should|can)|what (?:should|do|is|are)|"
    r"when (?:should|do|is)|should i|can i|do i|is it|are there)\b"
)
"""A question asked in a clause of its own, with or without its question mark: "..., how long to study"."""


def _work_told(text: str, norm: str) -> bool:
    """Work done told ("did 40 qs", "block 12 done", "log it"): a log, whatever is asked beside it."""
    return (
        _LOGGED_RE.search(norm) is not None
        or _TODAYS_BLOCK_RE.search(norm) is not None
        or (parse_progress(text)[0] is not None)
    )


_TODAYS_BLOCK_RE = quick_re.compile(r"\b(?:today s|todays|tonight s|this morning s)\s+block\b|\bblock\s+\d+\b")
_LOGGED_RE = quick_re.compile(r"\b(?:total|done|did|finished|completed|knocked out|cranked out|logged|log)\b")
_CENTER_CANCELLED_RE = quick_re.compile(
    r"\b(?:prometric|test(?:ing)? cent(?:er|re)s?|the cent(?:er|re))\b.{0,40}"
    r"\b(?:cancel+ed|cancel+ing|closed|closing|shut)\b"
    r"|\b(?:cancel+ed|closed)\b.{0,30}\b(?:due to|because of|bc of)\s+(?:the\s+)?"
    r"(?:weather|snow\w*|storm|hurricane|power)"
)
"""The test centre cancelled or closed ("prometric cancelled my ck", "closed due to the snowstorm")."""
_MOVE_SUPPOSED_RE = quick_re.compile(
    # within one clause, before the verb: "if it's under 230, tell me to move my date"; not "exam was may 3, had to push
    # back to june 10" nor "my exam got pushed to march 8, should i delay my nbme too"
    r"\b(?:if|unless|whether|tell me to|remind me to)\b[^.?!]{0,60}\b(?:move|push|postpone|delay|reschedule)\b"
    r"(?!\w*\s+(?:to|until|till)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
"""A move supposed or asked about ("if it's under 230, tell me to move my date"), not one made."""
_COMES_OUT_COMPARED_RE = quick_re.compile(
    # another exam named: "old step 1 score 221. do ck scores come out higher?" (not "do they come out higher if i test
    # in the morning")
    r"^(?=.*\b(?:step\s*1|s1|comlex|level\s*[12])\b)"  # (anchored: one scan, not one per position)
    r".*(?:\bcom(?:e|es|ing) out\s+(?:\w+\s+)?(?:higher|lower|better|worse|above|below)\b"
    r"|\b(?:higher|lower)\s+than\s+(?:my\s+|the\s+)?(?:step\s*1|s1|comlex|level\s*[12])\b)"
)
"""Scores set beside another exam's ("do ck scores come out higher than step 1"), not a release asked about."""
_PASS_ASKED_RE = quick_re.compile(
    r"\b(?:realistic|enough|on track|safe|ready|good sign)\b.{0,20}\bpass\w*\b"
    r"|\b(?:will|would|can|could) (?:that|this|it|i)\s+"
    r"(?:even\s+|still\s+|actually\s+)?pass\b|\bpass(?:ing)? range\b"
)
"""Passing asked about ("58% UW first pass. will that even pass?"): a question bank's percent read for it."""
_QBANK_PERCENT_RE = quick_re.compile(
    r"\b\d{2}\s*(?:%|percent)(?=.{0,40}\b(?:blocks?|uworld|uw|qbank|amboss|correct|first pass|free 120)\b)"
    r"|\b(?:blocks?|uworld|uw|qbank|amboss|correct|first pass|free 120)\b.{0,40}\b\d{2}\s*(?:%|percent)",
    re.IGNORECASE,
)
"""A question bank's percent correct: "58% on my last block"."""
_ON_THE_RETAKE_RE = quick_re.compile(
    r"\b(?:on|in) (?:the|my) (?:retake|second attempt|2nd attempt|next attempt)\b(?! score)"
)
_FAIL_MARGIN_RE = quick_re.compile(r"\bfailed (?:ck |step 2 |it |the exam )?by (?:\d+|a|one|two|three|four|five|six)\b")
"""A fail told by its margin ("failed by 4 points"): news of their own result, not a fear."""
_FAIL_FIRST_RE = quick_re.compile(
    r"\s*(?:(?:so|well|ok|okay|welp|guys|update|hi|hey|yeah|ugh)[\s,:!.]*){0,3}(?:i\s+)?(?:just\s+|officially\s+)?"
    r"(?:failed|didn'?t pass|did not pass)(?:\s+(?:step\s*2(?:\s*ck)?|ck|step2|it|the exam))?\s*(?:[.!,;]|$|[^\w\s])",
    re.IGNORECASE,
)
"""A post that opens with its fail ("I failed. I haven't told my parents yet..."): the fail is the news."""
_INTERVIEW_ANSWER = "interview-score-question"
"""The answer on what to say when an interviewer asks about the score (or a failed attempt)."""
_INTERVIEW_PENDING_ANSWER = "interview-score-pending"
"""The same, asked before the score is out."""
BELOW_MINIMUM_ANSWER = "pd-below-program-minimum"
"""Whether to apply under a program's stated minimum."""
_PROGRAM_MINIMUM_RE = quick_re.compile(
    r"\b(?:min|minimum|cutoff|cut off)\b\s*(?:of\s+|is\s+|at\s+)?(?:a\s+)?\d{3}\b"
    r"|\b\d{3}\s+(?:min|minimum|cutoff|cut off|requirement)\b"
    # a program's own rule, named as the program's: "their site requires 230" (not "ortho needs 250")
    r"|\b(?:program|programs|site|website|they|their|it)\b(?:\s+\w+){0,3}?\s+(?:requires?|required|needs|screens? at|"
    r"filters? at)\s+(?:a\s+)?\d{3}\b"
)
"""A program's own minimum, said with its number: "min 230 for IMGs", "a 240 cutoff"."""
_STILL_APPLY_RE = quick_re.compile(
    r"\b(?:still\s+apply|apply anyway|worth applying|bother applying|should i apply|apply or)\b"
)
"""Whether to apply at all, asked."""
PASSED_NO_RETAKE_ANSWER = "low-cant-retake-passed"
"""A passed Step can't be retaken: for a passing score with a retake to raise it asked."""
_RUNNING_TOTAL_RE = quick_re.compile(r"\b(?:done|did|finished|through|completed)\s+(?:\w+\s+)?\d{3,4}\s+(?:of|in|on)\b")
"""A running total of work told ("done 1200 of uworld"), whatever the model hears in it."""
_LEVEL_ASKED_RE = quick_re.compile(
    r"\b(?:line(?:s)? up with|translates? (?:in)?to|predicts?|on track for|(?:ok|okay|good|enough) for|equal to)\s+"
    r"(?:like\s+|about\s+|around\s+)?(?:an?\s+)?\d{3}"
)
"""A level asked of practice results: "does that line up with like a 250ish", "is that ok for like a 240"."""
_FEEL_A_FAILURE_RE = quick_re.compile(
    r"\b(?:feel|feeling|felt|feels)\s+(?:\w+\s+)?like\s+(?:a|such a|a total|a complete)\s+failure\b"
)
"""Feeling like a failure, said of themselves: a feeling, not an exam failed."""
_PASS_WORD_RE = quick_re.compile(r"\bpass(?:ed|ing)?\b")
USCE_ANSWER = "img-usce"
"""Whether US clinical experience matters beside the score, for an IMG."""
_USCE = r"(?:observerships?|usce|us clinical experience|externships?|clinical experience in the us)"
_USCE_RE = quick_re.compile(
    rf"\bdo i (?:still |really |even )?need (?:any |more |an? )?{_USCE}"
    rf"|\b{_USCE} (?:or|vs|versus) (?:the |my |a )?(?:score|ck|step 2|\d{{3}})\b"
    rf"|\b(?:is|are) (?:an? )?{_USCE} (?:worth|enough|needed|necessary|important|required)\b"
    rf"|\b(?:worth|need to|should i) (?:doing |getting |do |get )?(?:an? |more )?{_USCE}"
)
"""US clinical experience asked about (observerships, externships, USCE), not only told: "do i still need
observerships or is the score enough?" (not "i have 4 months USCE")."""
_WORTH_OF_A_TEST_RE = quick_re.compile(
    r"\b(?:useless|useful|worth (?:it|taking)|accurate|reliable|predict\w*|trust|mean anything)\b"
)
"""Whether a practice test tells them anything, asked."""
MISSED_DAYS_ANSWER = "ss-missed-days"
"""The answer on study days missed: no need to start over."""
PRECLINICAL_ANSWER = "s1pf-preclinical-plan"
_PRECLINICAL_STAGES = frozenset(
    {"ms1", "ms 1", "ms2", "ms 2", "m1", "m2", "first year", "1st year", "second year", "2nd year"}
)
"""The stage words `about` reads that put a student before clerkships."""
_START_PREP_NOW_RE = quick_re.compile(
    r"\b(?:should i|do i need to|is it (?:too early|smart|worth it) to|when (?:do|should) i)\s+(?:be\s+)?"
    r"(?:start\w*|do\w*|us\w*|buy\w*|get\w*)\s+(?:on\s+)?(?:uworld|uw|a qbank|qbank|amboss|ck prep|prep|studying)\b"
)
"""Whether to start Step 2 CK prep now, asked before clerkships."""
RANK_ORDER_ANSWER = "match-algorithm"
"""How to order a rank list: in true preference, as the algorithm favours the applicant."""
_RANK_ORDER_ASKED_RE = quick_re.compile(
    r"\b(?:rank|move|put)\s+(?:them|it|(?:program\s+)?\w+)\s+(?:to\s+|at\s+|as\s+)?(?:#\s*)?(?:1|no\s*1|number one|"
    r"first|1st|the top|higher|above|over)\b"
    r"|\bhow (?:do|should|would) i (?:choose|decide|order|pick)\b"
    r"|\b(?:which|who) (?:one\s+)?(?:do|should) i (?:rank|put) (?:first|higher|#\s*1|number one)\b"
    # "i keep flip flopping between two programs, help": torn over the order
    r"|\b(?:flip\s*-?\s*flop\w*|torn|going back and forth|can t decide|cant decide)\s+(?:\w+\s+)?between\b"
)
"""The order of a rank list asked: "should I move them to #1", "how do i choose", "which do i rank first"."""
_RANK_LIST_RE = quick_re.compile(
    r"\brank (?:list|order)\b|\brol\b|\brank(?:ed|ing)? (?:them|it|him|her|programs?|\w+ first)\b"
)
"""A rank list named (not "class rank", "to be frank")."""
JUST_TOOK_ANSWER = "sr-just-took"
"""What to do now, asked right after the exam."""
_NEXT_ASKED_RE = quick_re.compile(
    r"\bwhat (?:do|should|can) i (?:do|be doing)\b(?:\s+with myself|\s+now|\s+next|\s+while i wait|\s+in the meantime"
    r"|\s*(?:lol|lmao|haha)?\s*$)"
    r"|\b(?:now what|what now|what s next|whats next|what next)\b"
)
"""What to do next, asked bare: "took ck yesterday. what do i do with myself now"."""
_HOW_LONG_RE = quick_re.compile(
    r"(?:\bhow long (?:does|do|did|will|until|till|til|before|is the wait)\b"
    r"|\bhow many (?:weeks|days) (?:until|till|til|does|do|before|for)\b)"
    r"(?!.{0,30}\b(?:valid|expire\w*|last|good for|count)\b)"  # how long a score stays valid is the time limits'
)
"""How long something takes, asked: of the score, while waiting for it."""
_SCORE_PENDING_RE = quick_re.compile(
    r"\b(?:isn t|isnt|is not|not|hasn t|hasnt|has not|aren t|arent)\s+(?:back|out|released|posted)\b"
    r"|\b(?:score|result)s?\s+(?:is\s+|are\s+)?(?:still\s+)?pending\b"
    r"|\bstill waiting (?:on|for) (?:my |the )?(?:score|result|ck|step 2)"
)
"""The score not out yet: "my CK isnt back yet", "score still pending"."""
_WHAT_TO_SAY_RE = quick_re.compile(
    r"\bhow much (?:detail|to (?:say|share|explain|disclose|tell))\b"
    r"|\bwhat (?:should|do|can|would) i (?:say|tell|answer)\b"
    r"|\bhow (?:should|do|can|would) i (?:answer|explain|address|handle|word|phrase)\b"
    # "what's a decent way to answer 'tell me about your boards'"
    r"|\b(?:a|the|best|good|decent)\s+(?:\w+\s+)?way to (?:answer|explain|address|handle|word|phrase|respond)\b"
    # "can i bring up the 'drop' in interviews or is that worse": whether to raise it at all
    r"|\b(?:can|should|do) i (?:bring up|bring it up|mention|explain|address|talk about)\b"
)
"""What to say, asked: "how much detail should I give?", "what do I say if they ask?"."""
_ASKED_ABOUT_THE_SCORE_RE = quick_re.compile(
    r"\b(?:ask\w*|bring\w* up|brought up|question\w*|mention\w*)\s+(?:me\s+)?(?:about\s+)?(?:my\s+|the\s+|it\s+)?"
    r"(?:\w+\s+){0,3}?(?:score|scores|attempts?|fail\w*|step 2|ck|\d{3})\b"
    # "bring up the 'drop'": the score's fall, named as one
    r"|\b(?:bring\w* up|mention\w*)\s+(?:the\s+|my\s+|that\s+)?(?:score\s+)?(?:drop|dip)\b"
    # "asked me in an interview 'why do you think your CK was lower...'": the question quoted after it
    r"|\basked\s+(?:me\s+)?(?:in|at|during)\s+(?:an?|the|my)\s+interview\b(?:\s+\w+){0,8}?\s+"
    r"(?:score|scores|ck|step 2|fail\w*)\b"
)
"""The score or the attempts asked about, or brought up ("they asked about my 2 attempts on step 2", "bring up the
drop")."""
_TELL_THEIR_OWN_RE = quick_re.compile(
    r"\btell (?:my )?(?:parents|mom|dad|family|partner|fianc\w*|friends?|wife|husband|boyfriend|girlfriend|kids)\b"
)
"""Telling someone close to them, which is no interviewer's question."""
_RESIDENCYCAS_NAMED_RE = quick_re.compile(r"\b(?:residency ?cas|liaison|cas)\b")
"""The other application service named (ResidencyCAS, run by Liaison)."""
_SIGNAL_AS_A_SIGN_RE = quick_re.compile(r"\b(?:any|a|good|bad|mixed|some|positive|negative)\s+signals?\b")
"""A signal as a sign of something ("desperate for any signal"), not a program signal."""
_PROGRAM_SIGNAL_RE = quick_re.compile(
    r"\b(?:program|preference|gold|silver|eras|home)\s+signals?\b|\bsignal(?:s|ing|ed)?\s+(?:to|my|programs?|\d)\b"
    r"|\bhow many signals\b|\bgeograph\w*|\bsignals?\s+(?:to|for)\s+(?:programs?|my|a|the)\b"
    # a signal set beside an application: "the diff between a signal and a normal app on eras"
    r"|\bsignals?\s+(?:and|vs|versus|or)\s+(?:a\s+)?(?:normal\s+|regular\s+|plain\s+)?(?:app|application|applying)\b"
)
"""ERAS's program signals (or geographic preferences) named: the topic stands."""
_THEIR_FAIL_ON_ME = "pd-someone-elses-fail"
_JOY_SUPPOSED_RE = quick_re.compile(
    r"\b(?:would|i d|id|d)\s+(?:\w+\s+){0,2}?(?:cry|be\s+(?:so\s+)?(?:happy|relieved|thrilled|glad|ecstatic)|celebrate|"
    r"scream|die happy)\b"
)
"""Relief or joy only supposed ("would cry with relief at 230"): no news to meet with it."""
PRACTICE_DROPPED_ANSWER = "pt-score-dropped"
"""What a falling run of practice results means, and what to do about it."""
FALL_POINTS = 4
"""Points the latest practice result must sit under the first for a run to count as falling."""


def _practice_falling(nums: Numbers, norm: str) -> bool:
    """Practice results told as a run, the last said well under the first ("went 245 -> 241 -> 236"); results told
    in no order ("nbme 13 was 251 this week, nbme 10 was 238 last month") are no fall."""
    scores = [p.score for p in nums.practice if p.score is not None]
    return len(scores) >= 2 and scores[-1] <= scores[0] - FALL_POINTS and _RUN_SAID_RE.search(norm) is not None


_RUN_SAID_RE = quick_re.compile(r"\b(?:went|gone|then|now|dropped|fell|down to|from \d{3} to)\b|->|→")
"""Results told as a run in time ("went 245, 241, then 236")."""


_FELT_BADLY_RE = quick_re.compile(
    r"\b(?:felt|feel|feeling)\s+(?:like\s+)?(?:i\s+knew\s+nothing|impossible|awful|terrible|horrible|brutal|"
    r"like a disaster|so bad|like i bombed)\b"
)
"""The exam told as having gone badly, in words of feeling ("today felt like i knew nothing")."""
FELT_AWFUL_ANSWER = "diff-felt-awful"
"""The answer written for a fail felt, none told ("I walked out of Step 2 feeling like I failed")."""
_REWORK_ANSWER = "af-retake-study-differently"
_OFFSET_ANSWER = "s1s2-offset-low-step1"
"""Whether a strong Step 2 CK makes up for a weak scored Step 1."""
STEP1_LOW_BELOW = 230
"""A scored Step 1 under this is one a student asking whether CK "fixes" it is taken to call low (our reading of how
students talk, not a published cut-off); a higher one is low only when they say so."""
_INTERVIEWS_ENOUGH = "pd-interviews-enough"
_FEW_INVITES = "match-few-invites-apply-more"
RANKING_ANSWER = "pd-rank-after-interview"
"""Whether programs look at the score again when they rank."""
FAILED_ATTEMPT_ANSWER = "pd-failed-attempt"
"""How programs weigh a failed attempt: for a fail behind them with programs screening them out asked about."""
_TWO_DIGIT_ANSWER = "pass-two-digit-ended"
_OLD_TWO_DIGIT_RE = quick_re.compile(
    r"\b(?:old|2 digit|two digit|old scale|back in the day|back then)\b(?:\s+\w+){0,4}?\s+(?:7[5-9]|[89]\d)\b"
    r"|\b(?:7[5-9]|[89]\d)\b(?:\s+\w+){0,6}?\s+(?:on the old|2 digit|two digit|old scale|back in the day|back then)\b"
)
"""A two-digit score of the old scale, said as one ("an old 99 on step 2", "a 92 back in the day")."""
_PROGRAMS_RECHECK_RE = quick_re.compile(r"\b(?:programs?|pds?|they|residenc\w+)\s+(?:re-?check|re-?look|look again)\b")
_INTERVIEWS_ENOUGH_RE = quick_re.compile(
    r"\b(?!0\b)\d{1,2}\s+(?:\w+\s+){0,2}?interviews\b.{0,60}?\b(?:am i safe|safe|enough|good number|"
    r"(?:will|would|do|does) i (?:still )?match|chances|odds)\b"
)
"""A count of interviews held, asked about ("12 interviews for peds with a 233. am i safe?")."""
_LET_DOWN = frozenset({"failure", "disappointment"})
_APPLYING_SAID_RE = quick_re.compile(r"\b(?:eras|apply\w*|application\w*|programs?|interview\w*|invites?|submit\w*)\b")
_SAD_FACES = ("😞", "☹", "😔", "🙁", "😢", "😕")
"""Faces of a let-down (tears "😭" beside a pass are relief as often as not)."""

"""The answer on whether another person's fail can touch the student's own record."""
_ON_MY_RECORD_RE = quick_re.compile(
    r"\b(?:on|onto|affect\w*|reflect\w* on|hurt\w*|touch\w*|matter\w* for)\s+my\s+(?:own\s+)?"
    r"(?:record|transcript|application|file|score|chances)\b"
    r"|\b(?:end|show|turn)\w*\s+up\s+on\s+my\b|\b(?:affect|hurt|count against|reflect on)\s+me\b"
)
"""Asking whether something reaches the student's own record ("could his fail end up on my record?")."""
_FAIL_ASKED_RE = quick_re.compile(r"\bfail\w*[^.!?\n]*\?", re.IGNORECASE)
"""A question about a fail ("how much does a fail hurt compared to the 236?"); on the text as sent, for its "?"."""
_FAIL_TOPICS = frozenset({topics.AFTER_FAIL, topics.RETAKES, topics.LOW_SCORE})
"""Topics that answer a Step 2 CK fail or a low result: for a Step 1 fail behind a passing CK, not theirs."""

_SAID_OUTRIGHT = frozenset({"exhaustion", "stress", "panic"})
"""Low feelings heard even when the model is sure of a topic, if the message asks nothing (shame or a
fail told may still want the topic's answer: "ashamed to tell my program I failed")."""
_AFTER_EXAM_LOWS = frozenset({"exhaustion", "stress", "panic", "worry", "disappointment", "shame"})
_RETAKE_ASKED_IN = frozenset({"faq", "score_check", "score_fit"})
"""Readings under which "my ck was 246, should i retake?" is answered: a passed Step can't be retaken for a score."""

_MOVE_READS = frozenset({"exam_moved", "study_plan", "days_left", "faq", "unknown"})
"""Readings of "can i push my ck back 2 weeks" when it asks how moving works, not for a plan."""


def _asks_how_to_move(norm: str) -> bool:
    """How moving the exam works is asked ("is it possible to push my ck back 2 weeks"), and no plan is."""
    return cues.asks_how_to_move_the_exam(norm) and not cues.asks_for_plan(norm)


_PLAN_INTENTS = frozenset({"study_plan", "exam_moved", "days_left", "plan_break", "log_progress"})
_GOAL_READS = frozenset({"score_fit", "score_check", "practice_score", "log_progress", "unknown"})
"""Readings of a goal beside practice results that the results answer ("goal 260, nbme 248, realistic?");
a question of its own ("delay or apply pending? nbmes 235ish, i want 245") keeps its topic."""
_PRACTICE_READS = frozenset({"practice_score", "log_progress", "unknown"})
_TOPIC_HEARD = frozenset({"faq", "smalltalk", "greeting", "out_of_scope"})
"""Readings a short practice result told, asking nothing, overrides: a test's name is no topic."""
_ASKS_RE = quick_re.compile(
    r"\?|\b(?:what|whats|how|does|do|is|are|am|should|can|will|would|gonna|predict\w*|mean\w*|good|enough|ready|"
    r"trust|accurate|safe|worried|normal|fail|pass|bad)\b"
    r"|\bor (?:no|not)\b|\b(?:ok|okay|fine)\s*$"  # "free 120 72% with 10 days left. ok or no"
)
"""A question about a practice result, not a report of one."""
GREETING_MAX_WORDS = 5
"""From this many words, a question the model heard as a greeting ("morning or afternoon?") is a question."""
PLAN_SURE = 0.95
PLAN_RULE_WORDS = 12
PLAN_TINY_WORDS = 4
"""Below this, an explicit plan request or an exam date to plan for ("test in 6 weeks") wins."""


BESIDE_CHARS = 200
"""Characters under which a score-and-field message may carry a question of its own beside the comparison (longer
posts keep a confident question through `SPECIFIC_CHARS`)."""
BESIDE_SURE = 0.6
"""How sure the model must be, reading the message without its numbers, that it asks a FAQ question..."""
BESIDE_TOPIC_SURE = 0.5
"""...and of which topic."""

_ANSWERED_BY_THE_FIGURES = frozenset(
    {
        # what the comparison itself answers ("is 236 good/enough/competitive for IM?")
        topics.GOOD_SCORE,
        topics.MATCH_WITH_AVERAGE,
        topics.OVERALL_AVERAGE,
        topics.PERCENTILES,
        topics.LOW_SCORE,
        topics.WHY_STEP2_MATTERS,
        topics.PROGRAM_DIRECTORS,
        # an IMG or DO is answered with the figures and a note on whose averages they are (`respond`)
        topics.IMG,
        topics.DO_STUDENTS,
        topics.DO_WITHOUT_USMLE,
        # heard in a score and a field more often than asked: "238 enough for em" is no study-length question
        topics.STUDY_LENGTH,
        topics.DIFFICULTY,
        topics.EARLY_MATCH,
        topics.PRACTICE_TESTS,  # a practice result beside a field is read against its averages
        # with a score in hand these are heard in other words: "would a 245 get me interviews in gas?" is the
        # comparison, "260 for derm, should i do a sub-i?" an away rotation, not studying during one
        topics.SCORE_BEFORE_INTERVIEW,
        topics.STUDY_STRATEGIES,
    }
)
_GENERAL_ANSWER_FITS = frozenset({topics.MATCH_RATES, topics.SIGNALS})
"""Topics whose own answer answers a question asked beside a score ("match rate for IMGs in FM? ck 241": the rates
by group; "how do signals work for EM with a 246?"); elsewhere only a specific answer of the bank is taken."""
_DIGITS_RE = quick_re.compile(r"\d+")
_QUESTION_MARKS_RE = quick_re.compile(r"\?+")


def _asked_beside_the_score(text: str, norm: str, loaded: Model, knowledge: Knowledge) -> str | None:
    """The question a short score-and-field message asks besides the comparison ("how many programs should
    I signal for EM with a 246?"), else None. The score and the field name the frame, so the model hears a
    score check; read without the numbers or the entities it hears the question. Only a question the bank
    holds a specific answer to is taken: a topic's general answer was written for another question, and the
    plain comparison serves better than it. The frame holds: the answer comes first and the score is set
    beside the field's averages (`respond`).

    The bars and the topics left out were chosen on the development sets; on the corpus's test split no
    reading changed."""
    if not (cues.asks_something(text, norm) or _QUESTION_RE.match(norm)) or len(_QUESTION_MARKS_RE.findall(text)) > 1:
        return None  # two questions ("is 246 competitive for EM? also, when do scores come out?"): the first leads
    if cues.asks_how_many_to_apply(norm) or cues.asks_dual_apply(norm):
        topic = topics.MATCH_WITH_AVERAGE  # where the bank's answers on how many programs, and on two fields, are
    else:
        heard = predict(loaded, _DIGITS_RE.sub(" ", text), top=1)
        (intent, sure), (topic, topic_sure) = heard.intent[0], heard.topic[0]
        if intent != "faq" or sure < BESIDE_SURE or topic_sure < BESIDE_TOPIC_SURE or topic in _ANSWERED_BY_THE_FIGURES:
            return None
    if topic == topics.MATCH_RATES and not _RATES_ASKED_RE.search(norm):
        return None  # "231 in surgery, what are my chances?": the comparison, not every group's match rate
    return topic if topic in _GENERAL_ANSWER_FITS or best_answer(text, topic, knowledge) is not None else None


_RATES_ASKED_RE = quick_re.compile(
    r"\b(?:rates?|percent\w*|percentage|how many (?:img|imgs|do|dos|people|applicants))\b"
)


def _label(intent: str, topic: str) -> str:
    return f"faq:{topic}" if intent == "faq" else intent


def _readings(guess: Prediction) -> tuple[str, ...]:
    """The two or three likeliest readings worth offering (faq expands into its top topics)."""
    out: list[str] = []
    for intent, p in guess.intent:
        if p < 0.1:
            break
        if intent == "faq":
            out += [_label("faq", t) for t, tp in guess.topic[:2] if tp >= 0.2]
        elif intent not in {"unknown"}:
            out.append(intent)
    return tuple(dict.fromkeys(out))[:3]


_FOR_A_PENDING_SCORE = frozenset(
    {
        "pd-pending-score",
        "img-apply-pending",
        "pending-submit-before-score",
        "pending-wait-or-submit",
        "pending-residencycas-scores",
    }
)
"""Answers written for a score not out yet: never offered beside a score of theirs."""


def _also(
    text: str,
    asks: list[str],
    intent: str,
    topic: str | None,
    read: Callable[[str], Prediction],
    knowledge: Knowledge,
    answers: dict[str, str],
    lead: str | None = None,
    scored: bool = False,
) -> tuple[str, ...]:
    """A long post's other asks, one per question sentence that differs from the main one (`intent`, `topic`,
    and the specific answer that `lead`s, if one does): a plan, a log or another reading the model is sure of
    ("study_plan"), or the bank's answer the sentence asks for ("answer:<id>", or "faq:<topic>" for a topic's
    general answer) when `answer_model` is sure."""
    seen = {_label(intent, topic or ""), _label("faq", topic or "")}  # the topic answered first is no "also"
    if lead is not None:
        seen.add(f"answer:{lead}")
    found: list[str] = []
    if len(asks) < 2 and intent not in ("score_check", "compare"):
        return ()  # one question: the whole post's reading answers it (beside the comparison, it may not)
    norm = normalize(text)
    fail_said = cues.says_a_ck_fail(norm)
    for sentence in asks:
        guess = read(sentence) if len(asks) > 1 else None  # one: it was read with the post
        heard, p = guess.intent[0] if guess is not None else ("faq", 0.0)
        if (
            heard == "study_plan"
            and _OTHER_PLAN_RE.search(normalize(sentence))
            and not _STUDY_WORD_RE.search(normalize(sentence))
        ):
            continue  # "what does a realistic plan look like for me?" after a field's averages: no study schedule
        if heard != "faq" and p >= ALSO_AT and heard not in _NOT_ASKS:
            label = heard
        elif (outside := cues.out_of_scope(normalize(sentence))) in _DECLINED_BESIDE:
            label = f"outside:{outside}"  # "...and should I take Step 3 early?": declined in a line, kindly
        else:
            ident = answers.get(sentence)
            if ident is None:
                continue
            asked_topic = ident.removeprefix(answer_model.GENERAL) if ident not in knowledge.answers else None
            label = f"faq:{asked_topic}" if asked_topic else f"answer:{ident}"
            if _label("faq", asked_topic or knowledge.answers[ident].topic) in seen and (lead is None or asked_topic):
                # the topic answered first answers it, or should; one specific answer leading answers only its own
                # question ("is there a waiting period?" beside "would my program withdraw my match?")
                continue
            if not fail_said and _presumes_a_fail(ident, knowledge):
                continue  # "252... so what should I do next?" is no question about a fail
            if ident in knowledge.answers and not _stage_fits(knowledge.answers[ident], norm):
                continue  # an MS1's answer offered to an applicant with no interviews
            if scored and ident in _FOR_A_PENDING_SCORE:
                continue  # "CK 248... is my score the problem?": no "if your score is still pending"
        if label not in seen:
            seen.add(label)
            found.append(label)
            if len(found) == ALSO_MAX:
                break  # no more are offered: the rest need not be read
    return tuple(found)


def _short_answer(
    hit: tuple[str, float] | None,
    norm: str,
    school: str | None,
    do_said: bool,
    knowledge: Knowledge,
    at_least: float = answer_model.SURE,
) -> str | None:
    """The bank answer the answer model's `hit` names for a question (a short message whole, or a long post's one
    question sentence), where it is at least `at_least` sure; never a fail's answer unless a fail was told, nor a
    DO's or an IMG's to others."""
    if hit is None or hit[1] < at_least or hit[0] not in knowledge.answers or moot(hit[0], norm):
        return None
    topic = knowledge.answers[hit[0]].topic
    if _presumes_a_fail(hit[0], knowledge) and not cues.says_a_ck_fail(norm):
        return None
    if (topic in _DO_ONLY_TOPICS and not do_said) or (topic in _IMG_ONLY_TOPICS and school in ("us_md", "do")):
        # a DO's answer to another student: its sibling for everyone else, where the bank has one
        return _FOR_EVERYONE_ELSE.get(hit[0])
    return _FOR_A_DO.get(hit[0], hit[0]) if do_said else hit[0]


_FOR_EVERYONE_ELSE = {"do-send-only-comlex": "pd-hold-back-scores"}
"""A DO's answer and the one that answers the same question for every other student ("can I not send my USMLE
transcript?": a DO may send COMLEX alone; anyone else's programs see the whole USMLE history)."""
_FOR_A_DO = {everyone: do for do, everyone in _FOR_EVERYONE_ELSE.items()}
"""The other way: the everyone-else answer's sibling for a DO, who may leave the USMLE transcript unassigned."""


_SAYS_WHAT_GOOD_IS = frozenset({topics.GOOD_SCORE, topics.OVERALL_AVERAGE, topics.PERCENTILES, topics.LOW_SCORE})
"""Topics whose every answer is about what a score means: the comparison itself answers them."""
_AVERAGE_IS_MIDPOINT = frozenset({"mwa-average-not-cutoff", "mwa-at-average", "mwa-above-average-guarantee"})
"""Answers of "matching with an average" that only say what an average means (not how many to rank or apply)."""


def _the_comparisons(ident: str, knowledge: Knowledge) -> bool:
    """An answer model label a score-and-field comparison already answers ("is 245 good for IM?"): the general
    answer of a topic the figures answer, an answer on what a score means, or one that an average is a midpoint."""
    if ident.startswith(answer_model.GENERAL):
        return _topic_of(ident, knowledge) in _ANSWERED_BY_THE_FIGURES
    return _topic_of(ident, knowledge) in _SAYS_WHAT_GOOD_IS or ident in _AVERAGE_IS_MIDPOINT


def _topic_of(ident: str, knowledge: Knowledge) -> str:
    """The topic of an answer model label: an answer's id, or "=<topic>" for a topic's general answer."""
    answer = knowledge.answers.get(ident)
    return answer.topic if answer is not None else ident.removeprefix(answer_model.GENERAL)


def _presumes_a_fail(ident: str, knowledge: Knowledge) -> bool:
    """An answer (or a topic's general one) written for a student who failed."""
    answer = knowledge.answers.get(ident)
    return _topic_of(ident, knowledge) == topics.AFTER_FAIL or (
        answer is not None and set(answer.stages) == {"retaking"}
    )


def _asked_in_the_questions(
    asks: list[str],
    odds: list[tuple[float, str, str]],
    topic: str | None,
    norm: str,
    school: str | None,
    do_said: bool,
    read: Callable[[str], Prediction],
    knowledge: Knowledge,
    unasked: str | None,
    fail_told: bool,
) -> tuple[str | None, str | None]:
    """A long post's answer and topic from its question sentences when the `topic` its whole text was heard as is
    none of theirs: the bank answer the answer model is surest of (at least `LONG_LEAD_SURE`), else the topic of
    the first question the model places with `SENTENCE_TOPIC_SURE`; else `unasked` (the heard topic, or None where
    the comparison can answer alone)."""
    if odds and odds[0][1] == asks[0] and odds[0][0] >= MAIN_SURE:
        # the post's first question, all but surely named, names its answer whatever topic the story was heard as
        # ("incoming resident... can you even retake a passed CK?" is no question about retakes' rules)
        p, _, ident = odds[0]
        found = _short_answer((ident, p), norm, school, do_said, knowledge, MAIN_SURE)
        if found is not None and _may_lead(knowledge.answers[found], norm):
            return found, knowledge.answers[found].topic
    placed = [read(sentence).topic[0] for sentence in asks]
    if topic in {t for t, _ in placed}:
        return None, topic
    for p, _, ident in odds:
        found = _short_answer((ident, p), norm, school, do_said, knowledge, LONG_LEAD_SURE)
        # an answer only for a stage the student must say (matched, retaking) leads for none: it may not fit them
        if found is not None and _may_lead(knowledge.answers[found], norm):
            return found, knowledge.answers[found].topic
    # a question may ask about the story by a pronoun ("how do I report my scores there?" after ResidencyCAS was
    # named): with no answer sure, the heard topic holds if any question's likeliest few topics hold it
    if any(topic == t and p >= QUESTION_TOPIC_AT for sentence in asks for t, p in read(sentence).topic):
        return None, topic
    # never a fail's topic for a student who told of no fail, or whose own score passed ("266, felt like I failed
    # walking out... what now?" is no question about retakes)
    return None, next(
        (t for t, p in placed if p >= SENTENCE_TOPIC_SURE and (fail_told or t not in _FAIL_TOPICS)), unasked
    )


def _may_lead(answer: Answer, norm: str) -> bool:
    """Whether a long post's answer may lead for a student whose stage is unknown: none written only for a stage
    the student must say (matched, retaking; `fits`), nor one for a single stage they haven't said (`_stage_fits`)."""
    return fits(answer, None, None) and _stage_fits(answer, norm)


def _stage_fits(answer: Answer, norm: str) -> bool:
    """Whether an answer written for one stage only may lead here: a resident's only for a student who said they
    matched, a preclinical student's only for one who said they are one ("zero EM interviews in november... what
    can I even do at this point" is no MS1's question)."""
    if set(answer.stages) == {"incoming_resident"}:
        return cues.just_matched(norm) or _RESIDENT_SAID_RE.search(norm) is not None
    if set(answer.stages) == {"preclinical"}:
        return _PRECLINICAL_SAID_RE.search(norm) is not None
    return True


_PRECLINICAL_SAID_RE = quick_re.compile(
    r"\b(?:ms\s*[12]|m\s*[12]|oms\s*-?\s*(?:i{1,2}|[12])|first year|second year|1st year|2nd year|"
    r"preclinicals?|pre clinical)\b"
)
_RESIDENT_SAID_RE = quick_re.compile(
    r"\b(?:i\s*m|im|i am)\s+(?:an?\s+)?(?:intern|pgy\s*-?\s*\d|resident)\b|\bpgy\s*-?\s*1\b"
)


def _answer_odds(asks: list[str]) -> list[tuple[float, str, str]]:
    """Each question sentence of a post (`asks`) with the bank's answer it likeliest asks for ("=<topic>" for a
    topic's general one) and how sure the answer model is: (probability, sentence, answer). The questions the model
    is all but sure of come first, in the order the post asks them (a student's first question is most often the
    main one: "1) will 236 get me filtered? ... 3) how many programs?"), then the rest, surest first."""
    read = ((sentence, answer_model.answer_model().likeliest(sentence)) for sentence in asks)
    found = [(hit[1], sentence, hit[0]) for sentence, hit in read if hit is not None]
    return sorted(found, key=lambda odd: (0, asks.index(odd[1])) if odd[0] >= MAIN_SURE else (1, -odd[0]))


def _for_the_wait(ident: str, status: str | None, norm: str, knowledge: Knowledge) -> bool:
    """An answer written only for the wait for a score ("I walked out feeling like I failed. Does that mean I
    did?"), for a student who tells the result ("I failed and feel terrible", "took ck and failed"; not "convinced i
    failed", a fail believed while waiting). Read only for an answer found, not on every message."""
    if set(knowledge.answers[ident].stages) != {"waiting"}:
        return False
    return status in ("failed", "passed") or (
        cues.says_a_ck_fail(norm) and _FAIL_BELIEVED_RE.search(norm) is None and not cues.fears_failing(norm)
    )


MAIN_SURE = 0.8
"""From this probability a post's question is answered in the order asked, not by how sure the model is."""


_MOOT_ONCE_CERTIFIED = frozenset({"ecfmg-needed-to-apply", "ecfmg-certificate-timing", "ecfmg-school-eligible"})
"""Answers on getting ECFMG certification, for no one who says they hold it."""


def moot(ident: str, norm: str) -> bool:
    """An answer the student's own words have already settled: "I'm ECFMG certified... what else should I change
    this cycle?" needs no answer on getting certified."""
    if ident in _MOOT_ONCE_CERTIFIED:
        return cues.ecfmg_certified(norm)
    if ident == _PRACTICE_PRIVATE and _ATTEMPTS_RE.search(norm):
        # "failed in august... will programs see both attempts?": the attempts on the transcript, not the NBMEs
        return True
    if ident == _SOMEONE_ELSES_FAIL and not cues.says_a_fail(norm):
        return True  # "my co-intern wants rads, she has a 248. competitive?": nobody failed, so no fail to keep apart
    if (ident.startswith(_RESIDENCYCAS_PREFIX) or "residencycas" in ident) and ident != "rcas-what-is":
        # "...applying IM. when it posts do I need to email programs?": ERAS, unless ResidencyCAS or OB/GYN is named
        return _CAS_NAMED_RE.search(norm) is None
    # "19 days left... what should these last days look like": the last few days' answer waits
    return ident in _MOOT_WEEKS_OUT and days_out(norm) > FINAL_DAYS


FINAL_DAYS = 7
"""An exam further off than this is not in its final days."""
_PRACTICE_PRIVATE = "pt-results-private"
_SOMEONE_ELSES_FAIL = "pd-someone-elses-fail"
_ATTEMPTS_RE = quick_re.compile(
    r"\b(?:both|first|second|all|my)\s+attempts?\b|\b(?:failed|fail|retak\w*)\s+(?:ck|step\s*2|the exam|it)\b"
)
"""Attempts or a fail named: "will programs see..." asks of the transcript, not of practice results' privacy."""
_RESIDENCYCAS_PREFIX = "rcas-"
_CAS_NAMED_RE = quick_re.compile(r"\b(?:residencycas|residency cas|cas|ob\s*/?\s*gyn|obgyn|ob|gyn)\b")
"""ResidencyCAS, or the field that applies through it, named: its answers hold; elsewhere the application is ERAS."""
_MOOT_WEEKS_OUT = frozenset({"ed-final-days"})
_ABOUT_THEMSELVES_RE = quick_re.compile(r"\bwhy (?:am i (?:like this|so|this)|can t i|cant i)\b")
"""A why they ask of themselves ("why am i like this", "why can't i focus")."""
_WEIGHT_ASKED_RE = quick_re.compile(r"\b(?:important|importance|matter|matters|count|counts|weigh|weighs|weight)\b")
"""The exam's weight asked about too ("why can't i stop worrying about step 2, is it really that important?")."""


def _fits_the_score(answer: Answer, nums: Numbers, specs: tuple[str, ...], knowledge: Knowledge) -> bool:
    """Whether an answer written for a band of scores ("I passed but I'm below average") fits the student's own
    score against their first field's average; any answer fits where either is unknown."""
    own = None if nums.hypothetical or nums.someone else nums.score
    band = band_against(own, specs[0] if specs else None, knowledge)
    return in_band(answer.score_bands, band)


def _surest(odds: list[tuple[float, str, str]], at_least: float) -> dict[str, str]:
    """The sentences of `odds` the answer model is at least `at_least` sure of, each with its answer, surest first."""
    return {sentence: ident for p, sentence, ident in odds if p >= at_least}


_DECLINED_BESIDE = frozenset({"step3", "pay", "mcat"})
"""Questions outside Step 2 CK a long post may ask beside its own, each declined in a line (`talk.also`)."""


def _question_sentences(text: str) -> list[str]:
    """A post's sentences that ask something, each long enough to name a topic of its own."""
    # "couple things: how many programs should i apply to?": the question is what follows the colon
    sentences = [_NUMBERED_RE.sub("", s.rsplit(": ", 1)[-1]) for s in _SENTENCE_RE.split(text)]
    # "should I add a backup specialty, and also do programs even look at step 1 anymore?": two questions, one mark
    sentences = [part for s in sentences for part in _ALSO_ASKED_RE.split(s)]
    asks = [
        s
        for s in sentences
        if len(s) >= 12
        and (
            "?" in s
            or any(_QUESTION_RE.match(normalize(clause)) for clause in _CLAUSE_RE.split(s))
            or _MID_QUESTION_RE.search(normalize(s))  # "img 225 IM how many apps is reasonable": asked mid-sentence
        )
    ]
    # "Is that normal?", "Do they check it?": too few words to name a topic of their own; alone, the model
    # hears one in a word ("check" -> rechecks), and the button offered is one nobody asked for
    return [s for s in asks if s.count(" ") >= ALSO_MIN_WORDS - 1]


_ALSO_ASKED_RE = quick_re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+)also\s*,?\s+(?=(?:how|what|when|is|are|can|could|should|would|will|do|does|which|why)\b)",
    re.IGNORECASE,
)
"""Where a second question begins inside one sentence, after "and also" or ", also" (not "tell me also when...",
one question)."""
ALSO_SURE = 0.25
"""From this probability a long post's other question sentence is offered with its answer, in a line of its own."""
ALSO_MIN_WORDS = 5
"""A question sentence of fewer words is read only as part of the post, never offered on its own."""
ALSO_MAX = 3
"""Other questions of a long post offered as buttons, at most."""


_QUESTION_RE = quick_re.compile(
    # "and also how long do scores take": a question tacked on after "and", "also", "oh and".
    # "also totally separate but do i need a prelim year", "anyway is it worth it": the question after its lead-in
    r"(?:(?:and|also|plus|oh|btw|so|but|anyway|anyways|basically|(?:totally |completely )?(?:separate|unrelated)"
    r"(?: question| q)?|random q|quick q|side note|one more thing|last thing) )*"
    r"(?:how|what|whats|when|is|are|can|could|should|would|will|do|does|any|which|why)\b"
    # "idk if i should push my date", "wondering whether programs see it": asked without a question mark
    r"|(?:i\s+)?(?:wonder|wondering|idk|dont know|don t know|not sure)\s+(?:if|whether)\b"
)
_SHELF_RESULT_RE = quick_re.compile(
    r"\bshel(?:f|ves)\b[^.?!]{0,40}?\b\d{1,2}\s*(?:st|nd|rd|th|%|pctl|percentile|ptile)"
    r"|\b\d{1,2}\s*(?:st|nd|rd|th)?\s*(?:%\s*ile|pctl|percentile|ptile)\b[^.?!]{0,30}\bshel(?:f|ves)\b"
)
"""A shelf exam's result told as a percentile ("surgery shelf came back 38th percentile", "shelves: IM 61st pctl")."""
_YEAR_TO_YEAR = "oa-year-to-year"
_SCORES_INFLATED_RE = quick_re.compile(
    r"\b(?:scores?|averages?)\s+(?:are\s+|have\s+been\s+|getting\s+|got\s+|so\s+)?inflated\b|\bscore\s+inflation\b"
)
"""Scores asked about as inflated over the years ("scores inflated?", "is there score inflation on ck"; not
"229. deflated.", a feeling)."""
_SAME_AS_TODAY_RE = quick_re.compile(
    r"\b(?:same|equal|equivalent|comparable|worth the same|mean the same)\b.{0,30}\b(?:today|these days|nowadays)\b"
)
"""An old score set against today's ("is a 2018 240 the same as a 240 today"): how scores and percentiles drift."""
_MID_QUESTION_RE = quick_re.compile(
    # not a statement that holds the words ("i track how long each block takes", "told me how many to apply to")
    r"(?<!\btrack )(?<!\bme )(?<!\bbelieve )(?<!\bknow )(?<!\bforgot )(?<!\bsee )\bhow (?:many|much|long|soon|often)\b"
    r"|\bshould i\b"
)
"""A question begun mid-sentence, with no question mark ("img 225 IM how many apps is reasonable")."""
_STUDY_WORD_RE = quick_re.compile(
    r"\b(?:study\w*|schedule|dedicated|exam|test|ck|step|sit|weeks?|days?|months?|remind\w*|nudge\w*|qbank|uworld|"
    r"prep\w*|nbme\w*|uwsa\w*)\b"
)
"""Words that make a plan asked for in a long post's sentence a study plan."""
_OTHER_PLAN_RE = quick_re.compile(
    r"\bplan\b.{0,12}\blook like\b|\b(?:realistic|backup|back up|game|application|career|match|rank)\s+plan\b"
)
"""A plan for something else than studying ("what does a realistic plan look like for me?" beside averages)."""
_NOT_ASKS = frozenset({"unknown", "greeting", "thanks", "smalltalk", "insult", "vent", "help"})

__all__ = ["MAX_CHARS", "Intent", "Parsed", "PracticeResult", "check_model", "understand"]
