"""Inline mode ("@bot derm" typed in any chat): a query's text -> the articles offered to post.

One road in, as for a chat message: the query is read by the same `understand` and answered
by the same `bot.advice` functions, with an empty profile. Nothing about the student is read
or stored: what they pick is posted in a chat they chose, in front of others, so it may
only hold what the query itself said.

Pure, like the advice: plain data out; `bot.telegram_app` turns it into Bot API results.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from typing import cast

from bot import advice, talk
from bot.conversation import START_INLINE, START_PLAN, UNSHOWABLE
from bot.interpret import PLAN_OPERATIONS
from bot.render import TELEGRAM_TEXT_LIMIT, cut_to, plain_text, split_html
from bot.reply import Reply
from bot.student import Profile
from bot.understand import Intent, Parsed, understand
from knowledge import Knowledge, topics
from knowledge.models import Specialty

log = logging.getLogger(__name__)

MAX_RESULTS = 50
"""Telegram takes at most 50 results per answer."""
MAX_ID_BYTES = 64
"""A result id is 1-64 bytes."""
TITLE_LIMIT = 64
DESCRIPTION_LIMIT = 120
"""Telegram documents no limit for these, but a phone shows one line of title and about two of
description; longer ones are cut with "…" here rather than by the client mid-word."""

ASK_PRIVATELY = "Ask me in a private chat"
PLAN_PRIVATELY = "Study plans live in our private chat"
NO_ANSWER = "No answer to post for that: ask me privately"

POSTABLE: frozenset[str] = frozenset({"average", "score_check", "score_fit", "compare", "invalid_score"})
"""Readings answered with sourced figures (besides FAQ topics): something worth posting to a group."""
PRACTICE_TOPIC = topics.PRACTICE_TESTS


@dataclass(frozen=True)
class Article:
    """One result: what the list shows (title, description) and the HTML that is posted."""

    id: str
    title: str
    description: str
    html: str


@dataclass(frozen=True)
class InlineAnswer:
    """Every answer to an inline query: the articles, and the button into the private chat."""

    articles: tuple[Article, ...]
    button: str
    start_parameter: str


def answer_inline(query: str, knowledge: Knowledge) -> InlineAnswer:
    """The articles for one inline query (any text, up to Telegram's 256 characters); never raises."""
    try:
        return _answer(query, knowledge)
    except Exception:  # a bug must cost one empty list, never an unanswered query
        log.exception("could not answer a %d-character inline query", len(query))  # the text itself is private
        return InlineAnswer((), NO_ANSWER, START_INLINE)


def _answer(query: str, knowledge: Knowledge) -> InlineAnswer:
    text = UNSHOWABLE.sub("", query).strip()
    if not text:
        return InlineAnswer(_everyday(knowledge), ASK_PRIVATELY, START_INLINE)
    parsed = understand(text, knowledge)
    if parsed.feeling == "hopeless":
        crisis = talk.crisis(knowledge)
        article = _article(("crisis",), "You matter more than any exam", "Where to find help now", crisis)
        return InlineAnswer((article,), "Talk to me privately", START_INLINE)
    if parsed.intent in PLAN_OPERATIONS or parsed.intent == "study_plan":
        return InlineAnswer((), PLAN_PRIVATELY, START_PLAN)
    readings = [_reading(r, parsed) for r in parsed.alternatives] if parsed.unsure else [parsed]
    found: dict[str, Article] = {}
    for reading in readings:
        for article in _articles(reading, knowledge):
            found.setdefault(article.id, article)
    articles = tuple(found.values())[:MAX_RESULTS]
    return InlineAnswer(articles, ASK_PRIVATELY if articles else NO_ANSWER, START_INLINE)


def _reading(alternative: str, parsed: Parsed) -> Parsed:
    """One of an unsure message's likely readings ("average", "faq:retakes") as a Parsed of its own."""
    intent, _, topic = alternative.partition(":")
    return replace(parsed, intent=cast(Intent, intent), topic=topic or None, alternatives=())


def _articles(parsed: Parsed, knowledge: Knowledge) -> list[Article]:
    """The articles for one reading: its answer, and for a score against one field, that field's average too."""
    specs = [knowledge.specialties[s] for s in parsed.specialties if s in knowledge.specialties]
    if parsed.intent == "faq" and parsed.topic in knowledge.faq:
        return [_faq(parsed.topic or "", knowledge)]
    if parsed.practice_score is not None and parsed.score is None:
        # A practice-test number is never read as a Step 2 CK score; what they can post is
        # what practice tests do and don't predict, and the averages they named.
        topic = [_faq(PRACTICE_TOPIC, knowledge)] if PRACTICE_TOPIC in knowledge.faq else []
        return topic + [_average(s, knowledge) for s in specs]
    if parsed.intent == "unknown" and (specs or parsed.score is not None):
        parsed = replace(parsed, intent="score_check" if specs else "score_fit")  # "derm 248": the entities say it
    if not specs and parsed.other_specialty in knowledge.other_specialties:
        return [_no_figure(parsed.other_specialty or "", knowledge)]
    if parsed.intent not in POSTABLE and parsed.range is None:
        return []
    if parsed.intent == "average" and len(specs) == 1 and parsed.range is None:
        return [_average(specs[0], knowledge)]
    reply = advice.advise(parsed, Profile(0), knowledge)  # an empty profile: nothing stored is used
    if reply == advice.not_understood():
        return []
    description = _first_line(reply)
    if len(specs) >= 2 and parsed.range is None:
        description = " · ".join(f"{s.short_name} {knowledge.lead(s.id).value}" for s in specs)
    elif len(specs) == 1 and parsed.score is None and parsed.range is None:
        description = f"Source: {knowledge.label(knowledge.lead(specs[0].id))}"
    out = [_article(_key(parsed, specs), _title(parsed, specs, knowledge), description, reply)]
    if parsed.intent == "score_check" and len(specs) == 1 and parsed.range is None:
        out.append(_average(specs[0], knowledge))
    return out


def _faq(topic: str, knowledge: Knowledge) -> Article:
    entry = knowledge.faq[topic]
    return _article(("faq", topic), entry.title, _first_sentence(entry.answer), advice.faq_short(topic, knowledge))


def _title(parsed: Parsed, specs: list[Specialty], knowledge: Knowledge) -> str:
    """What the list shows for an answer: what will be posted, in a few words."""
    if parsed.range is not None:
        low, high = parsed.range
        return f"{low}–{high} against the averages"
    if parsed.intent == "invalid_score":
        return "Not a Step 2 CK score"
    if len(specs) >= 2 and parsed.intent in {"compare", "score_check", "average"}:
        return " vs ".join(s.short_name for s in specs) + ": averages side by side"
    if specs and parsed.score is not None:
        return f"{parsed.score} vs the {specs[0].short_name} average ({knowledge.lead(specs[0].id).value})"
    if specs:
        return f"{specs[0].name}: average {knowledge.lead(specs[0].id).value}"
    if parsed.score is not None:
        return f"Where {parsed.score} sits against each specialty's average"
    return "Average Step 2 CK by specialty"


def _key(parsed: Parsed, specs: list[Specialty]) -> tuple[str, ...]:
    """What identifies an answer (its id is made from this): the reading, the score and the fields."""
    score = "" if parsed.score is None else str(parsed.score)
    span = "" if parsed.range is None else f"{parsed.range[0]}-{parsed.range[1]}"
    return (parsed.intent, score, span, *(s.id for s in specs))


def _average(spec: Specialty, knowledge: Knowledge) -> Article:
    reply = advice.average(spec, knowledge)
    lead = knowledge.lead(spec.id)
    title = f"{spec.name}: average {lead.value}"
    return _article(("average", spec.id), title, f"Source: {knowledge.label(lead)}", reply)


def _no_figure(other_id: str, knowledge: Knowledge) -> Article:
    other = knowledge.other_specialties[other_id]
    reply = advice.no_figure(other.name, knowledge, other)
    title = f"{other.name}: no sourced average yet"
    return _article(("none", other.id), title, "I only quote numbers I can cite; this says so.", reply)


def _everyday(knowledge: Knowledge) -> tuple[Article, ...]:
    """For an empty query: the table of averages, then each specialty's average, highest first."""
    table = advice.specialties_table(knowledge)
    ranked = knowledge.ranked_specialties()
    described = f"{len(ranked)} specialties, each with its source"
    first = _article(("table",), "All averages, highest first", described, table)
    return (first, *(_average(s, knowledge) for s in ranked))[:MAX_RESULTS]


def _article(key: tuple[str, ...], title: str, description: str, reply: Reply) -> Article:
    """An article whose text fits one message; buttons are left off (they would act in the group)."""
    html = reply.html
    if len(html) > TELEGRAM_TEXT_LIMIT:
        html = split_html(html)[0]
    return Article(_id(key), cut_to(title, TITLE_LIMIT), cut_to(description, DESCRIPTION_LIMIT), html)


def _id(key: tuple[str, ...]) -> str:
    """A result id (1-64 bytes): the key itself when short enough, else a digest of it."""
    plain = ":".join(part for part in key if part)
    if len(plain.encode()) <= MAX_ID_BYTES:
        return plain
    return hashlib.blake2b(plain.encode(), digest_size=16).hexdigest()


def _first_line(reply: Reply) -> str:
    """The answer's first line as plain text: what the description previews."""
    return plain_text(reply.html).strip().split("\n", 1)[0]


def _first_sentence(text: str) -> str:
    """The first sentence of a FAQ answer; one that introduces a list runs on into it."""
    first = " ".join(text.split())
    end = first.find(". ")
    if end < 0 or first[:end].endswith(":") or ":" in first[:end]:
        return first
    return first[: end + 1]
