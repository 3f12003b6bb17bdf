"""Parsed + Profile + Knowledge -> Reply: encouraging, sourced, never a cut-off.

Every number shown comes from the knowledge store (or is a difference of two such
numbers), and every string that did not come from this file is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from html import escape
from itertools import pairwise
from typing import Literal

from bot.commands import COMMANDS
from bot.parse_answers import ordinal_suffix
from bot.reply import Button, Chart, Reply
from bot.student import Profile
from bot.understand import Parsed, PracticeResult
from knowledge import Knowledge, topics
from knowledge.models import NEXT_STEP, Answer, FaqEntry, Figure, OtherSpecialty, Specialty, Stage
from knowledge.store import EARLIER_MINIMUM_FACT, MINIMUM_SCORE_FACT, Group

"""The fact whose `value` is the pass mark for exams before the current one took effect."""
PASS_MARK_FACTS = (MINIMUM_SCORE_FACT, EARLIER_MINIMUM_FACT, "step2-passing-score-2014")
"""Step 2 CK's pass marks, newest first, each with the exam date it took effect (`as_of`)."""
RETAKES = Button("Retakes", f"/faq {topics.RETAKES}")
WITHIN_REACH = 5
"""Points below an average that we still call "within reach"."""
NEAR_BELOW = 10
"""Points below an average up to which the next step is a stronger application, not yet a parallel plan (in a field
whose average is no higher than the middle of the fields')."""


def _under_their_group(score: int, spec: Specialty, school: str | None, knowledge: Knowledge) -> bool:
    """Their score is under their own group's figure for the field (an IMG under matched IMGs' average), where held."""
    own = knowledge.group_figure(spec.id, school) if school else None
    return own is not None and score < own.value


EXAMPLES = (
    "248 good enough for ortho?",
    "avg for rads",
    "derm vs plastics vs ENT",
    "I got 245, what fits?",
    "can IMGs match derm",
    "make me a study plan, exam in 8 weeks",
)

MENU = (
    (Button("📋 All averages", "/specialties"), Button("📊 Chart", "/chart")),
    (Button("❓ Common questions", "/faq"), Button("🗓 Study plan", "/plan")),
)


STRONG_MARGIN = 5
"""Points above a specialty's average before we call a score strong for that field."""
CLOSINGS = (
    "A score is one part of your application, not a verdict on it.",
    "Programs read the whole application, and the score is one line of it.",
    "One number never tells a program everything about you.",
    "",
)
"""Varied last lines for score replies, picked by the score and specialty (stable per question)."""


def advise(
    parsed: Parsed,
    profile: Profile,
    knowledge: Knowledge,
    stage: Stage | None = None,
    why: Answer | None = None,
    *,
    order_told: bool = False,
) -> Reply:
    """Answer one parsed message, using what we remember about the student and their stage.

    `why`: for a practice result asked about, the answer bank's answer on what practice tests tell you;
    `order_told`: the message says in which order its practice results came.
    """
    span = parsed.range if parsed.intent in {"score_check", "score_fit", "average", "compare"} else None
    practice_first = span is None and _practice_first(parsed, profile, knowledge)
    if span is not None:
        reply = score_range(span, [knowledge.specialties[s] for s in parsed.specialties], knowledge)
    elif practice_first:
        reply = practice_reply(parsed, knowledge, why, order_told=order_told)
    else:
        reply = _answer(parsed, profile, knowledge, stage)
    reply = _name_unknown_specialties(parsed, knowledge, reply)
    if parsed.practice_score is None or practice_first:
        return reply
    if parsed.practice and parsed.intent not in {"average", "compare"}:
        return reply  # practice_reply has said it
    # "my nbme was 236, ok for IM?": the averages (or their remembered score against them), and
    # the practice result named as one, not passed over.
    if parsed.practice:
        note = named_practice_note(parsed.practice, parsed.practice_score)
    elif parsed.step1 == parsed.practice_score:
        if parsed.intent not in _FIGURES_SET_OUT:
            return reply  # "failed step 2 after passing step 1 with a 238": nothing was compared, nothing to explain
        note = step1_note(parsed.practice_score)  # "my step 1 from 2019 was 221": said as Step 1, not guessed at
    else:
        note = practice_note(parsed.practice_score)
    if parsed.intent == "unknown":
        return Reply(f"{note}\n\nOr ask me about a specialty, like “avg for derm”.", MENU)
    return reply.noted(note)


def _name_unknown_specialties(parsed: Parsed, knowledge: Knowledge, reply: Reply) -> Reply:
    """Every specialty named is covered: one we hold no figure for is named as such, never dropped."""
    shown = [
        knowledge.other_specialties[o]
        for o in parsed.other_specialties
        if o in knowledge.other_specialties and o not in reply.about_others
    ]
    if not shown:
        return reply
    names = " or ".join(f"<b>{escape(m.name)}</b>" for m in shown)
    notes = [note for m in shown if (note := _match_note(m.match_note, m.match_sources, knowledge))]
    extra = "".join(f"\n{note}" for note in notes)  # how it matches, where that differs (urology: the AUA)
    return reply.noted(f"I don't have a sourced average for {names} yet, so I've left it out.{extra}")


def score_range(span: tuple[int, int], specs: list[Specialty], knowledge: Knowledge) -> Reply:
    """A range of scores set against each specialty's average (or against the list when none is named)."""
    low, high = span
    groups = knowledge.groups(s.id for s in specs) if specs else knowledge.ranking()

    def row(s: Specialty, figure: Figure) -> str:
        if high < figure.value:
            where = f"below it by {_points(figure.value - high)} to {_points(figure.value - low)}"
        elif low > figure.value:
            where = f"above it by {_points(low - figure.value)} to {_points(high - figure.value)}"
        else:
            where = "the average falls inside your range"
        return f"• <b>{escape(s.short_name)}</b> average {figure.value}: {where}"

    html = (
        f"A <b>{low}–{high}</b> range against the average:\n{_grouped(groups, row)}\n\n"
        "Averages, not cut-offs: people match on both sides of them."
    )
    return Reply(
        html, ((Button("📊 Chart", f"/chart {(low + high) // 2}"), Button("📋 All averages", "/specialties")),)
    )


def _practice_first(parsed: Parsed, profile: Profile, knowledge: Knowledge) -> bool:
    """Whether a practice result leads the reply: reported or asked about on its own, or asked against a field's
    average ("my nbme 11 was 244, is that enough for IM?": the prediction's distance to it is the answer; the
    averages alone, with the result put aside in a note, leave the question unanswered)."""
    if parsed.intent == "practice_score":
        return True
    if parsed.practice and parsed.topic not in knowledge.faq and parsed.intent in {"faq", "unknown"}:
        return True
    return (
        bool(parsed.practice)
        and parsed.intent in {"average", "compare"}
        and bool(parsed.specialties)
        and parsed.practice_score is not None  # a percent ("uwsa2 70%") has no distance to an average
        and parsed.score is None
        and profile.score is None  # a Step 2 CK score they told us stays the one set against the averages
    )


def practice_reply(
    parsed: Parsed, knowledge: Knowledge, why: Answer | None = None, *, order_told: bool = False
) -> Reply:
    """Practice-test results are noted for the plan, never taken as the Step 2 CK score; asked what one
    means (`why`), the answer on what practice tests tell you comes first, then where the number sits.
    `order_told`: the message says the results' order, so the last said is the latest."""
    said = ", ".join(map(_practice_label, parsed.practice)) or (
        str(parsed.practice_score) if parsed.practice_score is not None else ""
    )
    noted = f"🧪 Noted: {said}. " if said else "🧪 "  # nothing named to note: no "Noted: that."
    html = (
        f"{noted}Practice tests are a guide to where you're heading, not your Step 2 CK score, "
        "so I keep them apart and use them for your study plan."
    )
    if why is not None:
        cited = "; ".join(knowledge.cite(s) for s in why.sources)
        html = f"{noted}{escape(why.short)} <i>({escape(cited)})</i>"
    specs = [knowledge.specialties[s] for s in parsed.specialties if s in knowledge.specialties]
    # the latest said (students list them in the order they took them), and their way across several
    scored = [p.score for p in parsed.practice if p.score is not None]
    # A way (up or down) only when they tell the order ("then", "->", "went"): a list of forms may be in any
    # order, so an unordered list is read as the range it spans, never by whichever came first in the text.
    ordered = len(scored) >= 2 and order_told
    spread = len(scored) >= 2 and not ordered
    low, high = (min(scored), max(scored)) if scored else (None, None)
    predicted = scored[-1] if ordered else (low if scored else parsed.practice_score)
    subject = "your latest, " if ordered else f"your results ({low} to {high})" if spread and low != high else ""
    if ordered:
        change = scored[-1] - scored[0]
        way = "up" if change >= TREND_STEP else "down" if change <= -TREND_STEP else "about level"
        turn = _turned_back(scored)
        if turn is not None:
            # "251, then 229, then 244": the dip and the climb back both said, not just "down"
            dipped = turn < scored[0]
            way = f"{'down to' if dipped else 'up to'} {turn}, then {'back up' if dipped else 'back down'}"
        # "went from": first and latest in the order taken, never a range ("240 → 243 → 241" is no "240 to 241" span)
        html += f"\n\nYour {len(scored)} results went from {scored[0]} to {scored[-1]}: {way}."
    mark = knowledge.facts.get(MINIMUM_SCORE_FACT)
    pass_mark = mark.value if mark is not None else None
    # a prediction this close to the pass mark is read against the mark first: "NBME 209, exam in 5 days, do i
    # push??" from someone applying psych is first a question of passing, and the field's average comes after it
    near_mark = pass_mark is not None and predicted is not None and predicted < pass_mark + NEAR_PASS
    field_rows = ""
    if specs and predicted is not None:
        # "is that enough for EM?": the field's average beside the prediction, both read loosely.
        rows = _grouped(
            knowledge.groups(s.id for s in specs),
            lambda s, f: f"• {escape(s.name)}: average {f.value}; {_against(f.value, predicted, high, subject)}",
        )
        if near_mark:
            field_rows = f"\n\nFor the field you named, read loosely once passing is secure:\n{rows}"
        else:
            # the distance they asked about comes first; what the bot does with the result follows it
            html = (
                f"Read as a prediction, beside the averages you asked about (a prediction carries error, "
                f"and an average is not a cut-off):\n{rows}\n\n{html}"
            )
    # "goal 245. thoughts", "am i on track for 255?": their own goal is the figure to read the result against
    goal = parsed.score if parsed.goal and parsed.score not in scored else None
    if goal is not None and predicted is not None:
        html += (
            f"\n\nAgainst the {goal} you're aiming for, {_against(goal, predicted, high, subject)}. Read that "
            "loosely: a prediction carries error either way, and the time you have left still counts."
        )
    if (
        why is not None
        and goal is None
        and mark is not None
        and predicted is not None
        and pass_mark is not None
        and (predicted >= pass_mark + NEAR_PASS)
    ):  # "uwsa1 245, what does that translate to": read at face value
        html += (
            f"\n\nRead at face value, {_against(pass_mark, predicted, high, subject, CK_MARK_NAME)} "
            f"of {pass_mark} <i>({escape(knowledge.cite(mark.source))})</i>."
        )
    # "took CK 9 days ago. my last NBME was 257": the exam is behind them, unless another sitting is ahead ("failed in
    # march, retaking in 6 weeks")
    sat = parsed.status == "taken" and not parsed.exam_date
    if near_mark and mark is not None and predicted is not None and pass_mark is not None:
        # "nbme 215, am I at risk?": the pass mark is the figure that matters this close to it
        where = "under it" if predicted < pass_mark else "this close to it"
        lead = (
            f"A prediction {where} is"
            if not subject.startswith("your results")
            else f"With the lowest, {predicted}, {where}, these are"
        )
        then = "" if sat else ": talk your date through with your advisor"  # the date can't move once it's sat
        html += (
            f"\n\nBeside the pass mark: Step 2 CK's is {pass_mark} for exams from {_day(mark.as_of)} "
            f"<i>({escape(knowledge.cite(mark.source))})</i>. {lead} worth taking seriously, "
            f"since predictions carry error either way{then}."
        )
    html += field_rows
    buttons: list[Button] = []
    asked = topics.PENDING_SCORE if sat else topics.PRACTICE_TESTS
    if asked in knowledge.faq:
        buttons.append(Button(knowledge.faq[asked].title, f"/faq {asked}"))
    if not sat:
        buttons.append(Button("🗓 Study plan", "/plan"))
    return Reply(html, (tuple(buttons),), next_step=SAT_NEXT if sat else STUDYING_NEXT)


# The next step after practice results: while studying, and once the exam is sat (they can't be studied for).
STUDYING_NEXT = (
    "Next: look at the trend across self-assessments rather than one form, and aim your review at the weakest areas."
)
SAT_NEXT = (
    "Next: the exam is behind you, so these results have done their job; your real score is the one that "
    "counts from here. Rest while you wait, and plan your application around the score when it comes."
)


CK_MARK_NAME = "Step 2 CK's pass mark"
"""What the face-value reading of a practice result is set against."""
TREND_STEP = 5
"""Points between the first and the latest practice result from which they're called up or down."""
NEAR_PASS = 10
"""Points above the pass mark within which a practice prediction is shown beside the mark."""


def _turned_back(scored: list[int]) -> int | None:
    """The low (or high) point of a run that turned back by a clear step ("251, 229, 244" turned at 229), else None."""
    inner = scored[1:-1]
    if not inner:
        return None
    low, high = min(inner), max(inner)
    if low <= min(scored[0], scored[-1]) - TREND_STEP and scored[-1] - low >= TREND_STEP:
        return low
    if high >= max(scored[0], scored[-1]) + TREND_STEP and high - scored[-1] >= TREND_STEP:
        return high
    return None


def _practice_label(result: PracticeResult) -> str:
    """A practice result as students name it: "NBME 12 238", "Free 120 75%"."""
    exam = "Free 120" if result.exam == "free120" else result.exam.upper()
    form = f" {escape(result.form)}" if result.form else ""
    return f"{exam}{form} " + (f"{result.score}" if result.score is not None else f"{result.percent}%")


def named_practice_note(results: tuple[PracticeResult, ...], number: int) -> str:
    """Why a named practice result ("NBME 236") wasn't taken as the Step 2 CK score, and how to use it."""
    said = ", ".join(map(_practice_label, results))
    return (
        f"🧪 {said}: a practice test, so I haven't taken it as your Step 2 CK score. If {number} is what "
        f"it predicts for Step 2, say “predicted {number}” and I'll set it against these averages."
    )


def practice_note(number: int) -> str:
    """Why a practice-test number wasn't taken as the Step 2 CK score, and how to use it."""
    return (
        f"🧪 {number} sounds like a practice-test (or Step 1) score, so I haven't treated it as your "
        f"Step 2 CK score. If it's what a self-assessment predicts for Step 2, say “predicted {number}” "
        "and I'll compare it."
    )


FIGURE_INTENTS = frozenset({"average", "score_check", "score_fit", "compare"})
"""Replies that show specialty averages (drawn from U.S. MD seniors: an IMG or DO is told so)."""
_FIGURES_SET_OUT = FIGURE_INTENTS | {"unknown"}
"""Replies that set out averages a number could have been compared with (or none, for a number alone)."""


def step1_note(number: int) -> str:
    """Why a scored Step 1 wasn't set against Step 2 CK's averages."""
    return (
        f"🧪 I read {number} as your Step 1 score, so I haven't set it against Step 2 CK's averages. If it's your "
        f"Step 2 CK score, say “my ck is {number}” and I'll compare it."
    )


_READ_THROUGH = frozenset({"average", "score_check", "compare"})
"""Questions on a fellowship's figures answered with the figures of the residency before it."""


def _answer(parsed: Parsed, profile: Profile, knowledge: Knowledge, stage: Stage | None = None) -> Reply:
    other = knowledge.other_specialties.get(parsed.other_specialty or "")
    fellowship = other is not None and other.residency in knowledge.specialties
    if other is not None and fellowship and not parsed.specialties and parsed.intent in _READ_THROUGH:
        # "is 245 good for cards?": a fellowship after a residency is read against that residency's figures,
        # said first, instead of "no sourced average"
        through = _answer(replace(parsed, specialties=(other.residency or "",)), profile, knowledge, stage)
        note = _match_note(other.match_note, other.match_sources, knowledge)
        return replace(through.led_by(note) if note else through, about_others=(other.id,))
    score = parsed.score if parsed.score is not None else profile.score
    specs = [knowledge.specialties[s] for s in parsed.specialties if s in knowledge.specialties]
    match parsed.intent:
        case "invalid_score":
            return invalid_score(parsed.bad_score, knowledge)
        case "faq" if parsed.topic in knowledge.faq:
            return faq_answer(
                parsed.topic or "",
                knowledge,
                specs,
                parsed.score,
                yes_no=parsed.yes_no,
                stage=stage,
                whose=whose_score(parsed),
                practice=parsed.practice,
            )
        case "compare" | "score_check" if len(specs) >= 2:
            # an IMG's score is set against their own group's averages where the store holds them (`talk`'s group
            # note, said first): no second verdict against U.S. MD seniors'
            img = (parsed.school or profile.about.school) == "img"
            verdict = not (img and any(knowledge.group_figure(s.id, "img") is not None for s in specs))
            side_by_side = compare(specs, score, knowledge, whose_score(parsed), verdict=verdict)
            if score is None and stage == "preclinical":  # as one field's averages close for them (`average`)
                return side_by_side.noted(_AVERAGE_CLOSINGS[stage])
            return side_by_side
        case "score_check" | "average" | "compare" if specs:
            # A score from earlier turns counts too: "what about psych?" after
            # "I got 250, good for derm?" should compare 250 with psychiatry.
            if score is None:
                return average(specs[0], knowledge, stage)
            school = parsed.school or profile.about.school
            return score_check(score, specs[0], knowledge, whose=whose_score(parsed), stage=stage, school=school)
        case "score_fit" if score is not None:
            theirs = parsed.someone_else and parsed.score is not None  # "my brother got 251, which residencies?"
            interests = () if theirs else profile.specialties
            return score_fit(score, knowledge, interests, theirs=theirs, surgical=not parsed.no_surgery)
        case "greeting":
            return welcome()
    if parsed.other_specialty in knowledge.other_specialties:
        other = knowledge.other_specialties[parsed.other_specialty or ""]
        return replace(no_figure(other.name, knowledge, other), about_others=(other.id,))
    if parsed.intent == "help":
        return help_reply()
    return not_understood()


def signals_line(spec: Specialty, knowledge: Knowledge) -> str:
    """A specialty's program signals in the season the store holds, with its own guidance and source; "" if none."""
    signals = spec.signals
    if signals is None:
        return ""
    if signals.total is not None:
        count = f"{signals.total} program signals"
    else:
        count = f"{signals.gold} gold and {signals.silver} silver program signals"
    note = f" {escape(signals.note)}" if signals.note else ""
    return (
        f"<b>{escape(spec.name)}</b>: {count} in the {signals.season} ERAS season, the newest table I hold "
        "(check this season's on the AAMC's page)."
        f"{note} <i>({escape(knowledge.cite(signals.source))})</i>"
    )


def _source_line(knowledge: Knowledge, spec: Specialty) -> str:
    """The label of the figure a reply about this specialty leads with."""
    return f"<i>Source: {escape(knowledge.label(knowledge.lead(spec.id)))}.</i>"


MIXED_SOURCES = (
    "No one source covers all of these, so each is under its own source, year and group, "
    "and I don't work out gaps between them."
)


def _grouped(groups: tuple[Group, ...], row: Callable[[Specialty, Figure], str]) -> str:
    """Rows under the label of the series their figures come from.

    One series (the usual case): the rows, then its label named once. Several: each group
    under its own label, then a note that figures from different groups are not set against
    each other (no group's row may state a difference with another group's figure).
    """
    if len(groups) == 1:
        return "\n".join(row(s, f) for s, f in groups[0].rows) + f"\n<i>Source: {escape(groups[0].label)}.</i>"
    blocks = (f"<i>{escape(g.label)}:</i>\n" + "\n".join(row(s, f) for s, f in g.rows) for g in groups)
    return "\n".join(blocks) + f"\n<i>{MIXED_SOURCES}</i>"


def _figure_line(figure: Figure, knowledge: Knowledge) -> str:
    """One labelled figure, with the unmatched mean beside it where the source gives one."""
    label = escape(knowledge.label(figure))
    if figure.unmatched is None:
        return f"• <b>{figure.value}</b>: {label}"
    return f"• <b>{figure.value}</b> for those who matched, <b>{figure.unmatched}</b> for those who didn't: {label}"


def _match_note(note: str | None, sources: list[str], knowledge: Knowledge) -> str:
    """How a specialty matches outside the NRMP Main Match, with its sources; "" when ordinary."""
    if not note:
        return ""
    cites = "; ".join(escape(knowledge.cite(s)) for s in sources)
    return f"ℹ️ {escape(note)}" + (f" <i>Sources: {cites}.</i>" if cites else "")


def _against(figure: int, predicted: int, high: int | None, subject: str, thing: str = "it") -> str:
    """Where a practice reading sits against a figure: "your latest, 246, is 28 points above it" for one
    result, "your results (249 to 262) are 6 points below to 7 points above it" for an unordered list."""
    if subject.startswith("your results") and high is not None and high != predicted:
        if predicted > figure or high < figure:  # both on one side: "31 to 44 points above"
            side = "above" if predicted > figure else "below"
            near, far = sorted((abs(predicted - figure), abs(high - figure)))
            return f"{subject} are {near} to {_points(far)} {side} {thing}"
        ends = [distance(v, figure) for v in (predicted, high)]
        return f"{subject} are {ends[0]} to {ends[1]} {thing}"
    where = distance(predicted, figure)
    lead = f"{subject}{predicted}{',' if subject else ''}" if subject == "your latest, " else str(predicted)
    return f"{lead} is {where} {thing}"


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def distance(score: int, figure: int) -> str:
    """Where a score sits against a figure: "6 points above", "1 point below", "right at"."""
    if score == figure:
        return "right at"
    return f"{_points(abs(score - figure))} {'above' if score > figure else 'below'}"


def score_news(score: int, knowledge: Knowledge) -> Reply:
    """A score shared as news, asking nothing ("I GOT 258!!!"): where it sits in one line, the full list a tap away."""
    # the figures the full list sets it against (the ranking's series), so the line and the list agree
    values = [figure.value for group in knowledge.ranking() for _, figure in group.rows]
    at_or_above = sum(score >= value for value in values)
    html = (
        f"Your {score} is at or above the average Step 2 CK score in {at_or_above} of the {len(values)} specialties "
        "I hold figures for (each figure's source is in the full list)."
        if at_or_above
        else f"Your {score} is under every specialty average I hold, and averages are midpoints, not cut-offs."
    )
    return Reply(html, ((Button(f"What fits a {score}?", f"/score {score}"), Button("📊 Chart", f"/chart {score}")),))


_ASK_THE_SCORE = "Tell me your score and I'll put it next to this."
_ASK_A_PRACTICE_RESULT = "Send me a practice test result like “{example}” and I'll read it against this."
_AVERAGE_CLOSINGS: dict[Stage | None, str] = {
    None: _ASK_THE_SCORE,
    "has_score": _ASK_THE_SCORE,
    "applying": _ASK_THE_SCORE,
    "interviewing": _ASK_THE_SCORE,
    "preclinical": "Nothing to measure against it yet: Step 2 CK comes after your core clerkships.",
    "studying": _ASK_A_PRACTICE_RESULT,
    "retaking": _ASK_A_PRACTICE_RESULT,
    "waiting": "When your score comes out, send it and I'll put it next to this.",
    "incoming_resident": "",
}
"""The averages' last line, by stage (every one of them): only a student who may have a score is asked for it."""


def practice_example(spec: Specialty) -> str:
    """A practice result told beside a field, as a student would send it (read as one: tests/test_advice.py)."""
    return f"NBME 12: 238 for {spec.short_name}"


def average(spec: Specialty, knowledge: Knowledge, stage: Stage | None = None) -> Reply:
    """Every figure we hold for one specialty, each with its label, framed as averages; the last line asks for
    what the student's stage lets them have (a score, a practice result, nothing yet)."""
    lead = knowledge.lead(spec.id)
    if len(knowledge.figures_of(spec.id)) == 1 and lead.unmatched is None:
        figures = (
            f"<b>{escape(spec.name)}</b>: the average Step 2 CK score is about <b>{lead.value}</b>.\n"
            "That's an average, not a minimum: some of the people it describes scored below it.\n\n"
            f"{_source_line(knowledge, spec)}"
        )
    else:
        lines = "\n".join(_figure_line(f, knowledge) for f in knowledge.figures_of(spec.id))
        figures = (
            f"<b>{escape(spec.name)}</b>: average Step 2 CK scores, each with whose it is and where it comes from:\n"
            f"{lines}\n"
            "Each is an average, not a minimum: some of the people it describes scored below it."
        )
    note = _match_note(spec.match_note, spec.match_sources, knowledge)
    closing = _AVERAGE_CLOSINGS[stage].format(example=escape(practice_example(spec)))
    html = "\n\n".join(part for part in (figures, note, closing) if part)
    buttons = ((Button("📊 Chart", "/chart"), Button("📋 All averages", "/specialties")),)
    return Reply(html, buttons)


Whose = Literal["own", "remembered", "supposed", "feared", "someone"]
"""Whose score a comparison is about: said now, remembered from earlier, hoped for or feared, another person's."""


_OWNER = {"someone": "their", "supposed": "a", "feared": "a"}
"""How a comparison names a score that isn't the student's own ("a 240", "their 240")."""


def whose_score(parsed: Parsed) -> Whose:
    """Whose the score of a message is, for how a comparison speaks of it."""
    if parsed.score is None:
        return "remembered"
    if parsed.someone_else:
        return "someone"
    if parsed.hypothetical:
        return "feared" if parsed.feared else "supposed"
    return "own"


def score_check(
    score: int,
    spec: Specialty,
    knowledge: Knowledge,
    whose: Whose = "own",
    stage: Stage | None = None,
    school: str | None = None,
) -> Reply:
    """A score set against one specialty's average, with next steps whatever the result.

    A hypothetical score ("hoping for 255") is talked about as one: "a 255 would be...", and the
    next step is the studying that gets there, not the application. Another person's score ("my
    friend got 244, is that good for IM?") is read against the average with no advice for them.
    """
    average = knowledge.lead(spec.id).value
    diff = score - average
    name = escape(spec.name)
    yours = {
        "own": f"Your {score} is",
        "remembered": f"Your {score} (from earlier) is",
        "supposed": f"A {score} would be",
        "feared": f"A {score} would be",
        "someone": f"A {score} is",
    }[whose]
    # a fail they told, under every recent pass mark: that mark is the figure to read it against, not the average
    failed = _fail_line(score, knowledge) if whose in {"own", "remembered"} and stage == "retaking" else None
    if failed is not None:
        head = failed
        meaning = (
            f"The {name} average of {average} describes people who passed, so it comes back into play once a "
            "retake passes; programs weigh that pass after a fail."
        )
        step = "Next: plan the retake around the weak areas on your score report; tap Retakes for the rules."
    elif diff >= STRONG_MARGIN:
        head = f"✅ {yours} <b>{_points(diff)} above</b> the {name} average of {average}."
        meaning = (
            "That's a strong score for this field. Programs still read the whole application, "
            "so give the rest of yours the same care."
        )
        step = "Next: put your energy into strong letters, rotations in the field and interview practice."
    elif diff > 0:
        head = f"✅ {yours} <b>{_points(diff)} above</b> the {name} average of {average}."
        meaning = "That puts you at the average, a little on the right side of it."
        step = "Next: put your energy into strong letters, rotations in the field and interview practice."
    elif diff == 0:
        head = f"✅ {yours} <b>right at</b> the {name} average of {average}."
        meaning = "An average sits in the middle of a spread of scores, so this is a typical place to be."
        step = "Next: let your letters, rotations and interviews show why you fit the specialty."
    elif -diff <= WITHIN_REACH:
        head = f"👍 {yours} <b>{_points(-diff)} below</b> the {name} average of {average}: within reach."
        meaning = (
            "An average is a midpoint, not a cut-off: by definition, some of the people it describes scored lower."
        )
        step = (
            "Next: make the rest of your application stand out, with strong letters, away rotations and interview prep."
        )
    else:
        head = f"📍 {yours} <b>{_points(-diff)} below</b> the {name} average of {average}."
        meaning = "An average is not a cut-off, and programs read the whole application, not just the number."
        # a parallel plan for a real gap, for any gap in a field whose average is over the middle of the fields' (ortho,
        # neurosurgery), or under their own group's figure (an IMG under matched IMGs'); not for a score a few points
        # under the midpoint of internal medicine or psychiatry, nor in the field with the lowest average of all
        step = (
            "Next: lean on what sets you apart (letters, research, rotations) and ask a mentor in the field how "
            "broadly to apply."
            if (-diff <= NEAR_BELOW or average <= knowledge.lowest_average())
            and average <= knowledge.typical_average()
            and not _under_their_group(score, spec, school, knowledge)
            else "Next: lean on what sets you apart (letters, research, rotations), ask a mentor in the field "
            "how broadly to apply, and keep a parallel plan in mind."
        )
    if stage is not None and failed is None:
        step = _STAGE_STEPS.get(stage, step)
    if whose == "supposed":
        # the score is still to come: earned by study, or, once the exam is sat, only waited for
        step = WAITING_STEP if stage == "waiting" else PREP_STEP
    elif whose == "feared":
        step = WAITING_STEP if stage == "waiting" else FEARED_STEP  # a fear, not a target to plan towards
    elif whose == "someone":
        meaning, step = SOMEONE_MEANING, SOMEONE_STEP  # their score: no advice about their application
    below_pass = _below_pass_note(score, knowledge) if whose in {"own", "remembered"} and failed is None else ""
    # after a fail, no list of the field's figures "to read your 210 against": the pass mark is the figure now
    other_figures = "" if failed else _more_figures(score, spec, knowledge, yours=whose in {"own", "remembered"})
    note = _match_note(spec.match_note, spec.match_sources, knowledge)
    closing = "" if whose == "someone" else CLOSINGS[(score + sum(map(ord, spec.id))) % len(CLOSINGS)]
    source = "\n\n".join(part for part in (_source_line(knowledge, spec), other_figures, note) if part)
    neighbours = knowledge.nearest(spec.id)  # the closest averages, for a "compare" follow-up
    more = RETAKES if below_pass or failed is not None else Button("What else matters?", f"/faq {topics.BEYOND_SCORES}")
    buttons = (
        (
            Button("📊 Chart", f"/chart {score}"),
            Button("⚖️ Compare", "/compare " + " ".join(_ref(s) for s in [spec, *neighbours])),
        ),
        (more,),
    )
    return Reply(f"{head}\n{meaning}", buttons, next_step=f"{below_pass}{step}", closing=closing, source=source)


SOMEONE_MEANING = "An average is a midpoint, not a cut-off: people match on both sides of it."
SOMEONE_STEP = "If you'd like your own score read against it, tell me yours."
PREP_STEP = (
    "Next: a target works best as a plan. /plan spreads the work to your exam date, and timed self-assessments "
    "along the way show how close you're getting."
)
FEARED_STEP = (
    "Next: a number you fear is not a forecast. Timed self-assessments show where you really stand, and a /plan "
    "gives the weeks left a shape."
)
WAITING_STEP = (
    "Next: nothing to do until it comes. When it does, tell me the number and I'll set it against these figures."
)
_STAGE_STEPS: dict[Stage, str] = {
    "preclinical": PREP_STEP,
    "studying": PREP_STEP,
    # during interviews or after them ("rank list certified"): the number is in; what is left is theirs to shape
    "interviewing": "Next: if this score posted after you applied, resend your USMLE transcript in MyERAS so "
    "programs see it; beyond that, what you can still shape is how you come across in interviews and your rank list.",
    "incoming_resident": "Next: nothing to do on the score: it has done its job for the match.",
    "retaking": "Next: build the retake plan around the weak areas on your score report; a strong pass is what "
    "programs will look for.",
}
"""A score's next step for a student whose stage makes the application advice the wrong one."""


def _more_figures(score: int, spec: Specialty, knowledge: Knowledge, *, yours: bool = True) -> str:
    """The specialty's other labelled figures (and any unmatched means) next to the score; "" if none."""
    lead, *extra = knowledge.figures_of(spec.id)
    if lead.unmatched is not None:
        extra.insert(0, lead)
    if not extra:
        return ""
    lines = "\n".join(_figure_line(f, knowledge) for f in extra)
    what = "More figures" if len(knowledge.figures_of(spec.id)) > 1 else "Matched and unmatched means"
    return f"{what} for {escape(spec.name)}, to read {'your' if yours else 'the'} {score} against:\n{lines}"


def _day(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def _fail_line(score: int, knowledge: Knowledge) -> str | None:
    """ "📍 Your 209 is under Step 2 CK's pass mark: 218 for exams from ..., 214 before that (cited)", when `score`
    is under every recent mark (a fail whatever the exam date); else None. Both marks, as the date isn't known."""
    now, before = knowledge.facts.get(MINIMUM_SCORE_FACT), knowledge.facts.get(EARLIER_MINIMUM_FACT)
    if now is None or now.value is None or before is None or before.value is None or score >= before.value:
        return None
    sources = dict.fromkeys((now.source, before.source))
    cites = "; ".join(escape(knowledge.cite(source)) for source in sources)
    return (
        f"📍 Your {score} is <b>under Step 2 CK's pass mark</b>: {now.value} for exams from {_day(now.as_of)}, "
        f"{before.value} before that <i>({cites})</i>."
    )


def feared_still_passes(score: int, knowledge: Knowledge) -> str | None:
    """ "A 220 would still pass: ...", for a score they fear just over the current pass mark (cited); else None."""
    now = knowledge.facts.get(MINIMUM_SCORE_FACT)
    if now is None or now.value is None or not now.value <= score < now.value + NEAR_PASS:
        return None  # "terrified i'll get a 250": no one feared failing at 250
    return (
        f"For what it's worth, a {score} would still pass: Step 2 CK's mark is {now.value} for exams from "
        f"{_day(now.as_of)} <i>({escape(knowledge.cite(now.source))})</i>."
    )


def _below_pass_note(score: int, knowledge: Knowledge) -> str:
    """A kind word, ending in a blank line, when a score may be under the pass mark; else "".

    The mark depends on the exam date, which we don't know, so the note asks rather than assumes.
    """
    now = knowledge.facts.get(MINIMUM_SCORE_FACT)
    if now is None or now.value is None or score >= now.value:
        return ""
    before = knowledge.facts.get(EARLIER_MINIMUM_FACT)
    sources = [now.source] + ([before.source] if before and before.source != now.source else [])
    cites = "; ".join(escape(knowledge.cite(s)) for s in sources)
    if before is not None and before.value is not None and score >= before.value:
        rule = (
            f"whether it passes depends on your exam date. The pass mark is {now.value} for exams taken from "
            f"{_day(now.as_of)}, and it was {before.value} before that. When did you sit it?"
        )
    else:
        earlier = f", and {before.value} before that" if before is not None and before.value is not None else ""
        rule = f"it's under the pass mark for recent exam dates: {now.value} for exams from {_day(now.as_of)}{earlier}."
    return (
        f"⚠️ If {score} is your Step 2 CK result, {rule} <i>Source: {cites}.</i> "
        "If it's under the mark for your date, a retake is possible if you have attempts left: "
        "tap Retakes for the rules and how to plan one. If it's a practice score, there's room to build "
        "before test day.\n\n"
    )


def _ref(spec: Specialty) -> str:
    """A short, unambiguous name for a button action (callback_data is <= 64 bytes)."""
    return spec.short_name


def score_fit(
    score: int,
    knowledge: Knowledge,
    interests: tuple[str, ...] = (),
    *,
    theirs: bool = False,
    surgical: bool = True,
) -> Reply:
    """Every specialty against the score, per source: all those at or below it named, grouped by average;
    `theirs`: someone else's score, asked about for them, so it is "the score", never "your score";
    `surgical=False`: surgery ruled out ("nothing surgical"), so the surgical fields are left out, and it says so.

    Nothing is dropped to keep it short: specialties sharing an average share a line, each series
    is named once above its own list, and figures no other specialty shares a source with are
    listed together, each with its own label.
    """
    groups = [replace(g, rows=tuple(r for r in g.rows if surgical or not r[0].surgical)) for g in knowledge.ranking()]
    groups = [g for g in groups if g.rows]
    shared = [g for g in groups if len(g.rows) > 1]
    single = [(g.rows[0], g.label) for g in groups if len(g.rows) == 1]

    def name(s: Specialty) -> str:
        return escape(s.short_name) + (" ⭐" if s.id in interests else "")

    the_score = "the score" if theirs else "your score"
    parts = [
        f"A <b>{score}</b> against each specialty's average:"
        if theirs
        else f"With a <b>{score}</b>, here's how you sit against each specialty's average:"
    ]
    below_pass = _below_pass_note(score, knowledge)
    if below_pass:
        parts.append(below_pass.rstrip())
    if not surgical:
        parts.append(NO_SURGICAL)
    for group in shared:
        bands = []
        for title, rows in _fit_bands(score, group.rows, the_score):
            values = list(dict.fromkeys(f.value for _, f in rows))
            if title.startswith(FURTHER) and len(values) > 1:
                # Far from the score, each field's own figure matters less than that it is there: one
                # line for the whole band keeps the reply short on a phone, and drops no field.
                shown = [f"• {min(values)}–{max(values)}: " + ", ".join(name(s) for s, _ in rows)]
            elif len(values) > AT_OR_ABOVE_LINES:
                # Well above many averages: the nearest ones each on a line, the rest (further below the
                # score) together on one, every field still named.
                near, rest = values[: AT_OR_ABOVE_LINES - 1], values[AT_OR_ABOVE_LINES - 1 :]
                shown = [f"• {v}: " + ", ".join(name(s) for s, f in rows if f.value == v) for v in near]
                shown.append(f"• {min(rest)}–{max(rest)}: " + ", ".join(name(s) for s, f in rows if f.value in rest))
            else:
                shown = [f"• {v}: " + ", ".join(name(s) for s, f in rows if f.value == v) for v in values]
            bands.append(f"<b>{title}</b>\n" + "\n".join(shown))
        parts.append(f"<i>{escape(group.label)}:</i>\n" + "\n".join(bands))
    if single:
        lines = (
            f"• {name(s)} {f.value}, {title[0].lower()}{title[1:]} ({escape(label)})"
            for ((s, f), label) in single
            for title, _ in _fit_bands(score, ((s, f),), the_score)
        )
        parts.append("<i>Each from its own source:</i>\n" + "\n".join(lines))
    parts.append("These are averages, not cut-offs: each sits in the middle of a spread of scores.")
    if interests:
        parts.append("⭐ = a specialty you asked about.")
    buttons: list[Button] = [Button("📊 Chart", f"/chart {score}"), Button("📋 All averages", "/specialties")]
    ask = f"name the field you're weighing (e.g. “{score} for peds?”) and I'll go through it with you."
    if theirs:
        ask = f"name the field they're weighing (e.g. “{score} for peds?”) and I'll set the score against it."
    if any(f.value <= score for g in groups for _, f in g.rows):
        step = (
            f"Next: the fields at or near {the_score} are the most direct fits, and the others stay open with "
            f"a strong application and a broader list: {ask}"
        )
    else:
        step = f"Next: {ask} Strong letters, rotations and interviews carry real weight wherever your score sits."
        buttons.append(RETAKES if below_pass else Button("Score lower?", f"/faq {topics.LOW_SCORE}"))
    return Reply("\n\n".join(parts), (tuple(buttons),), next_step=step)


NO_SURGICAL = "Surgical fields left out, as you asked (OB/GYN and ophthalmology count as surgical here)."
AT_OR_ABOVE_LINES = 4
"""Lines for the averages a score is at or above; past it, the furthest below share one line."""
FURTHER = "Further above"
CLOSEST = "Closest to"


def _fit_bands(
    score: int, rows: tuple[tuple[Specialty, Figure], ...], the_score: str = "your score"
) -> list[tuple[str, list[tuple[Specialty, Figure]]]]:
    """The non-empty bands of a score-fit list, each nearest the score first: at or above, close, further."""
    upward = sorted(rows, key=lambda r: r[1].value)  # ties keep the series' order
    bands = [
        ("At or above the average", [r for r in rows if r[1].value <= score]),
        (
            f"Within {WITHIN_REACH} points above {the_score}",
            [r for r in upward if 0 < r[1].value - score <= WITHIN_REACH],
        ),
        (f"{FURTHER} {the_score}", [r for r in upward if r[1].value - score > WITHIN_REACH]),
    ]
    if not bands[0][1] and not bands[1][1] and len({r[1].value for r in bands[2][1]}) > 1:
        # Every average far above: the nearest of them still say where to look first ("232, what can I
        # apply to?" got one line of every field).
        nearest = bands[2][1][0][1].value
        bands[1] = (f"{CLOSEST} {the_score}", [r for r in upward if r[1].value - nearest <= WITHIN_REACH])
        bands[2] = (f"{FURTHER} {the_score}", [r for r in upward if r[1].value - nearest > WITHIN_REACH])
    return [(title, band) for title, band in bands if band]


def compare(
    specs: list[Specialty], score: int | None, knowledge: Knowledge, whose: Whose = "own", *, verdict: bool = True
) -> Reply:
    """Specialties side by side from one source, highest first, with the student's score if known (`whose`:
    someone else's, or one only supposed, is not called "your"), and which averages it reaches (`verdict`).

    Where no one source covers them all, each group is shown under its own label and no spread
    across groups is worked out.
    """
    groups = knowledge.groups(s.id for s in specs)

    def row(s: Specialty, figure: Figure) -> str:
        text = f"• <b>{escape(s.name)}</b>: {figure.value}"
        if score is not None:
            diff = score - figure.value
            text += f" ({_OWNER.get(whose, 'your')} {score}: {'+' if diff > 0 else ''}{diff})"
        return text

    if len(groups) == 1:
        rows = groups[0].rows
        spread = rows[0][1].value - rows[-1][1].value
        if not spread:
            gap = "The same average for each of these, from one source."
        elif len(rows) == 2:
            # "which is harder to match, derm or plastics?": which is higher, said, not left to be read off
            gap = (
                f"Of the two, {escape(rows[0][0].name)} has the higher average, by {_points(spread)}, from one source."
            )
        else:
            gap = f"The highest and the lowest here are {_points(spread)} apart, all from one source."
        body = (
            "\n".join(row(s, f) for s, f in rows)
            + f"\n\n{gap} Averages, not minimums.\n<i>Source: {escape(groups[0].label)}.</i>"
        )
    else:
        body = _grouped(groups, row) + "\n\nAverages, not minimums."
    fail_mark = knowledge.fail_mark()
    if score is not None and fail_mark is not None and score < fail_mark:
        # "got 205, ok for fm or peds?": the pass mark first; these averages are of people who passed
        fail = _fail_line(score, knowledge) if whose == "own" else None
        body = f"{fail}\n\n{body}" if fail else body
    elif score is not None and verdict:
        body = f"{_where_it_sits(score, [r for g in groups for r in g.rows], whose)}\n\n{body}"
    html = "<b>Average Step 2 CK, side by side</b>\n" + body
    chart = f"/chart {score}" if score is not None else "/chart"
    return Reply(html, ((Button("📊 Chart", chart), Button("📋 All averages", "/specialties")),))


def _where_it_sits(score: int, rows: Sequence[tuple[Specialty, Figure]], whose: Whose) -> str:
    """The comparison's answer in a line: which of the averages a score reaches ("is 233 enough for peds or fm?").

    Each gap is the score against one field's own figure, as its row shows, never one source's figure against
    another's."""
    owner = _OWNER.get(whose, "your")
    said = f"{owner.capitalize()} {score}"
    reached = [s.name for s, f in rows if score >= f.value]
    short = [(f.value - score, s.name) for s, f in rows if score < f.value]
    every = "both averages" if len(rows) == 2 else "each of these averages"
    if not short:
        return f"{said} is at or above {every}."
    if not reached:
        gap = min(short)[0]
        nearest = [n for g, n in short if g == gap]
        if len(nearest) == len(short):  # the same average for each: no nearest to name
            return f"{said} is {_points(gap)} under {every}."
        closest = f"{escape(joined(nearest))} averages" if len(nearest) > 1 else f"{escape(nearest[0])} average"
        each = " each" if len(nearest) > 1 else ""
        return f"{said} is under {every}, closest to the {closest} ({_points(gap)} under{each})."
    return (
        f"{said} is at or above the {escape(joined(reached))} average{'s' if len(reached) > 1 else ''}"
        f" and under the {escape(joined([n for _, n in sorted(short)]))} one{'s' if len(short) > 1 else ''}."
    )


def joined(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" ("" for none)."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


_BARE_OPENER_RE = re.compile(
    r"^(?:for (?:many|most) (?:students|people)[, ]+(?:yes|no)[.:]"
    r"|(?:(?:often|usually|mostly|generally|probably|sometimes)[, ]+)?"
    r"(?:yes|no|not (?:yet|necessarily|automatically|usually|always)|often not)\.)\s+",
    re.IGNORECASE,
)


def _opened(answer: str, yes_no: bool) -> str:
    """The answer, without a bare "Yes." or "For many students, yes:" opening when the question wasn't yes or no."""
    if yes_no:
        return answer
    rest = _BARE_OPENER_RE.sub("", answer, count=1)
    return rest[:1].upper() + rest[1:] if rest != answer else answer


def faq_answer(
    topic: str,
    knowledge: Knowledge,
    specs: list[Specialty] | None = None,
    score: int | None = None,
    yes_no: bool = True,
    stage: Stage | None = None,
    *,
    whose: Whose = "own",
    practice: tuple[PracticeResult, ...] = (),
) -> Reply:
    """A FAQ answer in our words, its sources, related topics as buttons, and the next step for the stage
    (`practice`: their practice results, read against the fields named when no real score is told)."""
    entry = knowledge.faq[topic]
    body, _, closing = entry.answer.rpartition("\n\n")
    if not closing.startswith(NEXT_STEP):
        body, closing = entry.answer, ""
    next_step = entry.next_steps.get(stage, closing) if stage is not None else closing
    answer = escape(_opened(body, yes_no))
    cites = "; ".join(escape(knowledge.cite(s)) for s in entry.sources)
    related = [knowledge.faq[t] for t in entry.related if t in knowledge.faq]
    buttons = tuple((Button(r.title, f"/faq {r.topic}"),) for r in related)
    reply = Reply(
        f"<b>{escape(entry.title)}</b>\n\n{answer}",
        buttons,
        numbers=numbers_section(specs or [], score, knowledge, entry, stage, whose=whose, practice=practice),
        next_step=escape(next_step),
        source=f"<i>Sources: {cites}.</i>",
    )
    if topic == topics.GOOD_SCORE and score is not None and not specs:
        # "is 243 a good score in general": the score is told, so only the field is left to ask for
        reply = replace(
            reply, next_step=f"Next step: tell me the field you want, and I'll set your {score} beside its figures."
        )
    verdict = pass_verdict(score, knowledge) if topic == topics.PASSING_SCORE and score is not None else ""
    if verdict and stage is None and whose == "own" and score is not None:
        # "216 is that a pass??": a result in hand, so no self-assessment to take before the exam; under every
        # recent mark ("210 is that a pass??"), the retaker's step
        mark = knowledge.fail_mark()
        then = "retaking" if mark is not None and score < mark else "has_score"
        if then in entry.next_steps:
            reply = replace(reply, next_step=escape(entry.next_steps[then]))
    return reply.led_by(verdict) if verdict else reply


PERCENTILE_TABLE_FACT = "ck-percentile-table"


def percentile_line(score: int, knowledge: Knowledge, whose: Whose = "own") -> str:
    """Where `score` sat on USMLE's percentile table: its row, or between the two rows around it; "" off the table
    (or without it)."""
    table = knowledge.facts.get(PERCENTILE_TABLE_FACT)
    if table is None or not table.percentiles or score < max(table.percentiles[0][0], knowledge.pass_mark() or 0):
        return ""  # under the pass mark, passing is what matters, not how few scored lower
    rows = table.percentiles
    subject = f"your {score}" if whose in ("own", "remembered") else f"a {score}"
    exact = dict(rows).get(score)
    if exact is not None:
        where = f"{subject} sat at the {_nth(exact)} percentile"
    elif score > rows[-1][0]:
        where = f"{subject} was above its top row ({rows[-1][0]}, the {_nth(rows[-1][1])} percentile)"
    else:
        (low, low_p), (high, high_p) = next((a, b) for a, b in pairwise(rows) if a[0] < score < b[0])
        where = f"{subject} fell between the {_nth(low_p)} percentile ({low}) and the {_nth(high_p)} ({high})"
    return _on_the_table(where, "the same score likely sits a little lower", knowledge.cite(table.source))


def percentile_score_line(percentile: int, knowledge: Knowledge) -> str:
    """The score at a percentile on USMLE's table ("is the 90th percentile like 260?"): the row, or the two rows
    around it; "" off the table (or without it)."""
    table = knowledge.facts.get(PERCENTILE_TABLE_FACT)
    if table is None or not 0 < percentile < 100:
        return ""
    rows = table.percentiles
    above = next((i for i, (_, p) in enumerate(rows) if p >= percentile), None)
    if above is None:
        return ""
    score, at = rows[above]
    if at == percentile or above == 0:
        where = f"the {_nth(at)} percentile was a {score}"
    else:
        low, low_p = rows[above - 1]
        where = f"the {_nth(percentile)} percentile fell between {low} ({_nth(low_p)}) and {score} ({_nth(at)})"
    return _on_the_table(where, "the same percentile likely takes a little more", knowledge.cite(table.source))


def _on_the_table(where: str, today: str, cite: str) -> str:
    return (
        f"📍 On USMLE's table for July 2017 to June 2020 takers, {where}. Recent takers score higher, so today {today}."
        f" <i>({escape(cite)})</i>"
    )


def _nth(n: int) -> str:
    return f"{n}{ordinal_suffix(n)}"


def pass_verdict(score: int, knowledge: Knowledge) -> str:
    """ "Is 214 a pass?" answered first, for the exam dates each pass mark covers (the facts' own figures)."""
    marks = [f for f in (knowledge.facts.get(i) for i in PASS_MARK_FACTS) if f is not None and f.value is not None]
    if not marks:
        return ""
    now = marks[0]
    if score >= (now.value or 0):
        return f"✅ <b>A {score} is a pass</b>: at or above the current pass mark of {now.value}."
    for newer, older in pairwise(marks):
        if score >= (older.value or 0):
            return (
                f"<b>A {score} passes if you sat the exam before {_day(newer.as_of)}</b>, when the mark was "
                f"{older.value}; for exams from {_day(now.as_of)} the mark is {now.value}."
            )
    earlier = "".join(f", {m.value} from {_day(m.as_of)}" for m in marks[1:])
    return f"<b>A {score} is under the pass mark</b>: {now.value} for exams from {_day(now.as_of)}{earlier}."


def specific_answer(
    answer: Answer,
    knowledge: Knowledge,
    specs: list[Specialty] | None = None,
    score: int | None = None,
    yes_no: bool = True,
    stage: Stage | None = None,
    *,
    whose: Whose = "own",
    practice: tuple[PracticeResult, ...] = (),
) -> Reply:
    """One specific answer, first and short, with its sources; the topic's general answer behind a button.
    `whose`: whose the score is (another person's, asked about for them, or one hoped for); `practice`: their
    practice results, read against the fields named when no real score is told."""
    topic = knowledge.faq[answer.topic]
    cites = "; ".join(escape(knowledge.cite(s)) for s in answer.sources)
    return Reply(
        f"<b>{escape(answer.question)}</b>\n\n{escape(_opened(answer.answer, yes_no))}",
        ((Button(f"More: {topic.title}", f"/faq {topic.topic}"),),),
        numbers=numbers_section(specs or [], score, knowledge, topic, stage, whose=whose, practice=practice),
        source=f"<i>Sources: {cites}.</i>",
    )


def numbers_section(
    specs: list[Specialty],
    score: int | None,
    knowledge: Knowledge,
    topic: FaqEntry | None = None,
    stage: Stage | None = None,
    *,
    whose: Whose = "own",
    practice: tuple[PracticeResult, ...] = (),
) -> str:
    """Beside an answer: the student's score against each specialty's lead figure, or the figure alone
    (not under a logistics topic, where a figure nobody asked for is noise: `FaqEntry.averages_beside`).
    With no real score, their practice results are read against it as a prediction ("is 238 on an nbme in
    range for gas?" asked inside a post about something else)."""
    scored = [r.score for r in practice if r.score is not None]
    mark = knowledge.facts.get(MINIMUM_SCORE_FACT)
    # "nbme 11 = 231, test in 9 days. push or no": whether they're ready is asked, and the pass mark is the one figure
    # to read their prediction against, however far above it
    readiness = not specs and topic is not None and topic.topic in _READINESS_TOPICS
    if score is None and topic is not None and not topic.averages_beside and not (readiness and scored):
        return ""
    if stage == "incoming_resident":
        return ""  # matched: the field's averages no longer weigh on them (as for a specific answer, `respond`)
    if not specs and score is not None and topic is not None and topic.topic == topics.GOOD_SCORE:
        return percentile_line(score, knowledge, whose)  # "is 243 a good score in general": one yardstick, applied
    if specs and stage == "retaking" and score is not None and score < (knowledge.pass_mark() or 0):
        # a fail: the pass mark is the figure that matters now, not how far below a field's average it is; a score
        # under today's mark only ("got a 215 and passing was 218") gets no line on both marks
        failed = _fail_line(score, knowledge)
        again = "The field's averages matter again once a retake passes."
        return f"{failed} {again}" if failed else again
    if score is None and scored and whose in ("own", "remembered") and mark is not None and mark.value is not None:
        low, high = min(scored), max(scored)
        # by the latest said (students list them in the order taken): "226, 241, 250" has climbed away from the mark
        if scored[-1] < mark.value + NEAR_PASS or readiness:
            # "NBME 216, is this even passable?": this close, the pass mark is the figure to read it against, not
            # how far it sits from a field's average
            named = ", ".join(map(_practice_label, (r for r in practice if r.score is not None)))
            subject = f"your results ({low} to {high})" if low != high else ""
            where = _against(mark.value, low, high if low != high else None, subject, f"{CK_MARK_NAME} of")
            close = scored[-1] < mark.value + NEAR_PASS
            why = (
                "this close, passing is the figure that matters, and a prediction carries error either way."
                if close
                else "a prediction carries error either way, so your trend across forms and the score your field "
                "asks for weigh more than one result."
            )
            return (
                f"🧪 Read as a prediction ({named}), {where} {mark.value} <i>({escape(knowledge.cite(mark.source))})"
                f"</i>: {why}"
            )
    lines: list[str] = []
    # someone else's score, read for them; one hoped for or feared ("if i retake and get 240"), as one
    said = {"someone": "A {} is", "supposed": "A {} would be", "feared": "A {} would be"}.get(whose, "Your {} is")
    for spec in specs[:2]:
        lead = knowledge.lead(spec.id)
        where = f"{escape(spec.name)} average of {lead.value} ({escape(knowledge.label(lead))})"
        if score is None and scored and whose in ("own", "remembered"):
            low, high = min(scored), max(scored)
            said = ", ".join(map(_practice_label, (r for r in practice if r.score is not None)))
            subject = f"your results ({low} to {high})" if low != high else ""
            distance = _against(lead.value, low, high if low != high else None, subject, f"the {where}")
            lines.append(f"🧪 Read as a prediction ({said}), {distance}: a prediction carries error either way.")
        elif score is None:
            label = escape(knowledge.label(lead))
            lines.append(f"For reference, the {escape(spec.name)} average is {lead.value} ({label}).")
        elif score == lead.value:
            lines.append(f"📍 {said.format(score)} the same as the {where}.")
        else:
            side = "above" if score > lead.value else "below"
            lines.append(f"📍 {said.format(score)} {_points(abs(score - lead.value))} {side} the {where}.")
    return "\n\n".join(lines)


_READINESS_TOPICS = frozenset({topics.TIMING, topics.STUDY_LENGTH})
"""Topics where a practice result answers whether they're ready (to sit, or to stop studying)."""


SHORT_FAQ = 450
"""Characters of a FAQ answer's short form (inline mode posts it into a group chat)."""


def faq_short(topic: str, knowledge: Knowledge) -> Reply:
    """A FAQ answer's short form: its first paragraphs (up to about SHORT_FAQ characters) and its sources."""
    entry = knowledge.faq[topic]
    kept: list[str] = []
    for paragraph in entry.answer.split("\n\n"):
        if kept and sum(map(len, kept)) + len(paragraph) > SHORT_FAQ and not kept[-1].endswith(":"):
            break
        kept.append(paragraph)
    cites = "; ".join(escape(knowledge.cite(s)) for s in entry.sources)
    body = escape("\n\n".join(kept))
    return Reply(f"<b>{escape(entry.title)}</b>\n\n{body}\n\n<i>Sources: {cites}.</i>")


def faq_menu(knowledge: Knowledge) -> Reply:
    """Every FAQ topic as a button."""
    entries = list(knowledge.faq.values())
    rows = tuple(
        tuple(Button(e.title, f"/faq {e.topic}") for e in entries[i : i + 2]) for i in range(0, len(entries), 2)
    )
    return Reply("<b>Common questions</b>\nPick one, or just ask me in your own words.", rows)


def specialties_table(knowledge: Knowledge) -> Reply:
    """All the averages, a table per source (highest first) named once, and lone figures each labelled."""
    groups = knowledge.ranking()
    width = max(len(s.short_name) for g in groups for s, _ in g.rows)
    blocks = []
    singles = []
    for group in groups:
        rows = "\n".join(f"{escape(s.short_name.ljust(width))}  {f.value}" for s, f in group.rows)
        if len(groups) == 1:
            blocks.append(f"<pre>{rows}</pre>\n<i>Source: {escape(group.label)}.</i>")
        elif len(group.rows) > 1:
            blocks.append(f"<i>{escape(group.label)}:</i>\n<pre>{rows}</pre>")
        else:
            ((spec, figure),) = group.rows
            singles.append(f"• {escape(spec.short_name)} {figure.value}: {escape(group.label)}")
    if singles:
        blocks.append("<i>Each from its own source:</i>\n" + "\n".join(singles))
    html = (
        "<b>Average Step 2 CK by specialty</b>\n"
        + "\n".join(blocks)
        + "\n\nAverages, not minimums. /average NAME shows every figure I hold for a field."
        + ("" if len(groups) == 1 else f"\n<i>{MIXED_SOURCES}</i>")
    )
    return Reply(html, ((Button("📊 Chart", "/chart"),),))


def chart_caption(chart: Chart, knowledge: Knowledge) -> Reply:
    """The caption for the averages chart (one panel per source, each named), and the chart request itself."""
    groups = knowledge.ranking()
    mine = f" The line is your {chart.score}." if chart.score is not None else ""
    if len(groups) == 1:
        sources = f"<i>Source: {escape(groups[0].label)}.</i>"
    else:
        labels = "\n".join(f"{i}. {escape(g.label)}" for i, g in enumerate(groups, 1))
        sources = f"<i>One panel per source, year and group, which I don't set against each other:\n{labels}</i>"
    html = f"Average Step 2 CK by specialty.{mine}\nAverages, not cut-offs. {sources}"
    return Reply(html, (), chart)


def fact_line(fact_id: str, knowledge: Knowledge) -> str:
    """A sourced fact as one HTML line, or "" when the store lacks it."""
    fact = knowledge.facts.get(fact_id)
    if fact is None:
        return ""
    return f"{escape(fact.text)} <i>({escape(knowledge.cite(fact.source))})</i>"


def invalid_score(bad: int | None, knowledge: Knowledge) -> Reply:
    """Explain the score scale when a number can't be a Step 2 CK score."""
    number = f"{bad} can't be" if bad is not None else "That doesn't look like"
    scale = fact_line("score-scale", knowledge)
    html = f"🤔 {number} a Step 2 CK score.\n{scale}\n\nSend the three-digit score, like “I got 248, good for ortho?”"
    return Reply(html)


def no_figure(name: str, knowledge: Knowledge, other: OtherSpecialty | None = None) -> Reply:
    """Say honestly that we hold no sourced average for a specialty, and offer the list."""
    names = ", ".join(escape(s.short_name) for g in knowledge.ranking() for s, _ in g.rows)
    note = _match_note(other.match_note, other.match_sources, knowledge) if other else ""
    html = (
        f"I don't have a sourced average for <b>{escape(name)}</b> yet, and I only quote "
        f"numbers I can cite.\n\n"
        + (f"{note}\n\n" if note else "")
        + f"The {len(knowledge.specialties)} I have: {names}."
    )
    return Reply(html, ((Button("📋 All averages", "/specialties"),),))


def _examples() -> str:
    return "\n".join(f"• {escape(e)}" for e in EXAMPLES)


def welcome() -> Reply:
    """The /start and greeting reply: what the bot does, with examples and a menu."""
    html = (
        "👋 Hi! I'm <b>Step 2 CK Advisor</b>. Ask me about Step 2 CK scores the way you'd "
        "text a friend, and I'll answer with sourced averages (never cut-offs).\n"
        "I can also keep your study plan going with a daily nudge.\n\n"
        f"Try:\n{_examples()}"
    )
    return Reply(html, MENU)


_HELP_LINES = (("Averages", {"data"}), ("Your plan", {"plan"}), ("And", {"memory", "help"}))


def help_reply() -> Reply:
    """What the bot can do and how to ask, with every command in the menu (from `bot.commands`)."""
    lines = []
    for title, kinds in _HELP_LINES:
        calls = [escape(c.example or f"/{c.name}") for c in COMMANDS if c.kind in kinds and c.menu]
        lines.append(f"{title}: " + " · ".join(calls))
    html = (
        "<b>What I can do</b>\n"
        "• Average Step 2 CK by specialty, with the source\n"
        "• Put your score next to a specialty, or several side by side\n"
        "• Answer common questions (Step 1 vs Step 2, IMGs, low scores…)\n"
        "• Build a study plan and nudge you daily at your local time\n\n"
        f"Ask things like:\n{_examples()}\n\n"
        "<b>Commands</b>\n" + "\n".join(lines)
    )
    return Reply(html, MENU)


def not_understood() -> Reply:
    """A friendly reply when nothing in the message is recognisable: short, with things to try."""
    html = (
        "I didn't quite catch that. I'm best with Step 2 CK scores, specialties and study plans: "
        "try “avg for derm”, “I got 245, what fits?” or “how long should I study?”."
    )
    return Reply(html, MENU)
