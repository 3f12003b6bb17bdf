"""Parsed + Profile + Knowledge -> Reply: encouraging, sourced, never a cut-off.

Every number shown comes from the knowledge store (or is a difference of two such
numbers), and every string that did not come from this file is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

from bot.profiles import Profile
from bot.reply import Button, Chart, Reply
from bot.understand import Parsed, PracticeResult
from knowledge import Knowledge
from knowledge.models import Figure, OtherSpecialty, Specialty

MINIMUM_SCORE_FACT = "step2-passing-score"
"""The fact whose `value` is the pass mark in force now (with `as_of` the exam date it starts from)."""
EARLIER_MINIMUM_FACT = "step2-passing-score-2022"
"""The fact whose `value` is the pass mark for exams before the current one took effect."""
RETAKES = Button("Retakes", "/faq retakes")
WITHIN_REACH = 5
"""Points below an average that we still call "within reach"."""

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


def advise(parsed: Parsed, profile: Profile, knowledge: Knowledge) -> Reply:
    """Answer one parsed message, using what we remember about the student."""
    if parsed.range is not None and parsed.intent in {"score_check", "score_fit", "average", "compare"}:
        reply = score_range(parsed.range, [knowledge.specialties[s] for s in parsed.specialties], knowledge)
    elif parsed.intent == "practice_score" or (
        parsed.practice and parsed.topic not in knowledge.faq and parsed.intent in {"faq", "unknown"}
    ):
        reply = practice_reply(parsed, knowledge)
    else:
        reply = _answer(parsed, profile, knowledge)
    reply = _name_unknown_specialties(parsed, knowledge, reply)
    if parsed.practice_score is None or parsed.intent == "practice_score":
        return reply
    if parsed.practice and parsed.intent not in {"average", "compare"}:
        return reply  # practice_reply has said it
    # "my nbme was 236, ok for IM?": the averages (or their remembered score against them), and
    # the practice result named as one, not passed over.
    note = (
        named_practice_note(parsed.practice, parsed.practice_score)
        if parsed.practice
        else practice_note(parsed.practice_score)
    )
    if parsed.intent == "unknown":
        return Reply(f"{note}\n\nOr ask me about a specialty, like “avg for derm”.", MENU)
    return replace(reply, html=f"{reply.html}\n\n{note}")


def _name_unknown_specialties(parsed: Parsed, knowledge: Knowledge, reply: Reply) -> Reply:
    """Every specialty named is covered: one we hold no figure for is named as such, never dropped."""
    missing = [knowledge.other_specialties[o] for o in parsed.other_specialties if o in knowledge.other_specialties]
    shown = [m for m in missing if escape(m.name) not in reply.html]
    if not shown:
        return reply
    names = " or ".join(f"<b>{escape(m.name)}</b>" for m in shown)
    notes = [note for m in shown if (note := _match_note(m.match_note, m.match_sources, knowledge))]
    extra = "".join(f"\n{note}" for note in notes)  # how it matches, where that differs (urology: the AUA)
    return replace(
        reply, html=f"{reply.html}\n\nI don't have a sourced average for {names} yet, so I've left it out.{extra}"
    )


def score_range(span: tuple[int, int], specs: list[Specialty], knowledge: Knowledge) -> Reply:
    """A range of scores set against each specialty's average (or against the list when none is named)."""
    low, high = span
    targets = specs or knowledge.ranked_specialties()
    rows = []
    for s in targets:
        if high < s.average_step2:
            where = f"below it by {_points(s.average_step2 - high)} to {_points(s.average_step2 - low)}"
        elif low > s.average_step2:
            where = f"above it by {_points(low - s.average_step2)} to {_points(high - s.average_step2)}"
        else:
            where = "the average falls inside your range"
        rows.append(f"• <b>{escape(s.short_name)}</b> average {s.average_step2}: {where}")
    html = (
        f"A <b>{low}–{high}</b> range against the average:\n" + "\n".join(rows) + "\n\n"
        "Averages, not cut-offs: people match on both sides of them.\n" + _source_line(knowledge, targets[0])
    )
    return Reply(
        html, ((Button("📊 Chart", f"/chart {(low + high) // 2}"), Button("📋 All averages", "/specialties")),)
    )


def practice_reply(parsed: Parsed, knowledge: Knowledge) -> Reply:
    """Practice-test results are noted for the plan, never taken as the Step 2 CK score."""
    said = ", ".join(map(_practice_label, parsed.practice)) or f"{parsed.practice_score or 'that'}"
    html = (
        f"🧪 Noted: {said}. Practice tests are a guide to where you're heading, not your Step 2 CK score, "
        "so I keep them apart and use them for your study plan."
    )
    specs = [knowledge.specialties[s] for s in parsed.specialties if s in knowledge.specialties]
    predicted = next((p.score for p in parsed.practice if p.score is not None), parsed.practice_score)
    if specs and predicted is not None:
        # "is that enough for EM?": the field's average beside the prediction, both read loosely.
        rows = "\n".join(f"• {escape(s.name)}: average {s.average_step2}" for s in specs)
        html += (
            f"\n\nBeside the averages you asked about, for a sense of distance (a prediction carries error, "
            f"and an average is not a cut-off):\n{rows}\n{_source_marks(specs, knowledge)[1]}"
        )
    html += (
        "\n\nNext: look at the trend across self-assessments rather than one form, "
        "and aim your review at the weakest areas."
    )
    buttons: list[Button] = []
    if "practice_tests" in knowledge.faq:
        buttons.append(Button(knowledge.faq["practice_tests"].title, "/faq practice_tests"))
    buttons.append(Button("🗓 Study plan", "/plan"))
    return Reply(html, (tuple(buttons),))


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


def _answer(parsed: Parsed, profile: Profile, knowledge: Knowledge) -> Reply:
    score = parsed.score if parsed.score is not None else profile.score
    specs = [knowledge.specialties[s] for s in parsed.specialties if s in knowledge.specialties]
    match parsed.intent:
        case "invalid_score":
            return invalid_score(parsed.bad_score, knowledge)
        case "faq" if parsed.topic in knowledge.faq:
            return faq_answer(parsed.topic or "", knowledge, specs)
        case "compare" | "score_check" if len(specs) >= 2:
            return compare(specs, score, knowledge)
        case "score_check" | "average" | "compare" if specs:
            # A score from earlier turns counts too: "what about psych?" after
            # "I got 250, good for derm?" should compare 250 with psychiatry.
            if score is None:
                return average(specs[0], knowledge)
            return score_check(score, specs[0], knowledge, remembered=parsed.score is None)
        case "score_fit" if score is not None:
            return score_fit(score, knowledge, interests=profile.specialties)
        case "greeting":
            return welcome()
    if parsed.other_specialty in knowledge.other_specialties:
        other = knowledge.other_specialties[parsed.other_specialty or ""]
        return no_figure(other.name, knowledge, other)
    if parsed.intent == "help":
        return help_reply()
    return not_understood()


def _source_line(knowledge: Knowledge, spec: Specialty) -> str:
    return f"<i>Source: {escape(knowledge.label(spec.primary))}.</i>"


def _source_marks(specs: list[Specialty], knowledge: Knowledge) -> tuple[dict[str, str], str]:
    """A marker per specialty and the closing source note, so mixed sources are never blurred.

    With one source (the usual case) the markers are empty and the note names it once; with
    several, each figure gets " [n]" and the note lists what each n is.
    """
    labels: list[str] = []
    for spec in specs:
        if (label := knowledge.label(spec.primary)) not in labels:
            labels.append(label)
    if len(labels) == 1:
        return {s.id: "" for s in specs}, f"<i>Source: {escape(labels[0])}.</i>"
    marks = {s.id: f" [{labels.index(knowledge.label(s.primary)) + 1}]" for s in specs}
    notes = "\n".join(f"[{i}] {escape(label)}" for i, label in enumerate(labels, 1))
    return marks, f"<i>Sources, which differ in year and group, so compare loosely:\n{notes}</i>"


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


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def average(spec: Specialty, knowledge: Knowledge) -> Reply:
    """Every figure we hold for one specialty, each with its label, framed as averages."""
    if len(spec.figures) == 1 and spec.primary.unmatched is None:
        figures = (
            f"<b>{escape(spec.name)}</b>: the average Step 2 CK score is about <b>{spec.average_step2}</b>.\n"
            "That's an average, not a minimum: some of the people it describes scored below it.\n\n"
            f"{_source_line(knowledge, spec)}"
        )
    else:
        lines = "\n".join(_figure_line(f, knowledge) for f in spec.figures)
        figures = (
            f"<b>{escape(spec.name)}</b>: average Step 2 CK scores, each with whose it is and where it comes from:\n"
            f"{lines}\n"
            "Each is an average, not a minimum: some of the people it describes scored below it."
        )
    note = _match_note(spec.match_note, spec.match_sources, knowledge)
    html = f"{figures}\n\n" + (f"{note}\n\n" if note else "") + "Tell me your score and I'll put it next to this."
    buttons = ((Button("📊 Chart", "/chart"), Button("📋 All averages", "/specialties")),)
    return Reply(html, buttons)


def score_check(score: int, spec: Specialty, knowledge: Knowledge, remembered: bool = False) -> Reply:
    """A score set against one specialty's average, with next steps whatever the result."""
    diff = score - spec.average_step2
    name = escape(spec.name)
    yours = f"Your {score} (from earlier)" if remembered else f"Your {score}"
    if diff >= STRONG_MARGIN:
        head = f"✅ {yours} is <b>{_points(diff)} above</b> the {name} average of {spec.average_step2}."
        meaning = (
            "That's a strong score for this field. Programs still read the whole application, "
            "so give the rest of yours the same care."
        )
        step = "Next: put your energy into strong letters, rotations in the field and interview practice."
    elif diff > 0:
        head = f"✅ {yours} is <b>{_points(diff)} above</b> the {name} average of {spec.average_step2}."
        meaning = "That puts you at the average, a little on the right side of it."
        step = "Next: put your energy into strong letters, rotations in the field and interview practice."
    elif diff == 0:
        head = f"✅ {yours} is <b>right at</b> the {name} average of {spec.average_step2}."
        meaning = "An average sits in the middle of a spread of scores, so this is a typical place to be."
        step = "Next: let your letters, rotations and interviews show why you fit the specialty."
    elif -diff <= WITHIN_REACH:
        head = f"👍 {yours} is <b>{_points(-diff)} below</b> the {name} average of {spec.average_step2}: within reach."
        meaning = (
            "An average is a midpoint, not a cut-off: by definition, some of the people it describes scored lower."
        )
        step = (
            "Next: make the rest of your application stand out, with strong letters, away rotations and interview prep."
        )
    else:
        head = f"📍 {yours} is <b>{_points(-diff)} below</b> the {name} average of {spec.average_step2}."
        meaning = "An average is not a cut-off, and programs read the whole application, not just the number."
        step = (
            "Next: lean on what sets you apart (letters, research, rotations), ask a mentor in the field "
            "how broadly to apply, and keep a parallel plan in mind."
        )
    below_pass = _below_pass_note(score, knowledge)
    other_figures = _more_figures(score, spec, knowledge)
    note = _match_note(spec.match_note, spec.match_sources, knowledge)
    closing = CLOSINGS[(score + sum(map(ord, spec.id))) % len(CLOSINGS)]
    html = (
        f"{head}\n{meaning}\n\n{below_pass}{step}\n\n"
        + (f"{closing}\n" if closing else "")
        + _source_line(knowledge, spec)
        + (f"\n\n{other_figures}" if other_figures else "")
        + (f"\n\n{note}" if note else "")
    )
    neighbours = knowledge.nearest(spec.id)  # the closest averages, for a "compare" follow-up
    more = RETAKES if below_pass else Button("What else matters?", "/faq beyond_scores")
    buttons = (
        (
            Button("📊 Chart", f"/chart {score}"),
            Button("⚖️ Compare", "/compare " + " ".join(_ref(s) for s in [spec, *neighbours])),
        ),
        (more,),
    )
    return Reply(html, buttons, None)


def _more_figures(score: int, spec: Specialty, knowledge: Knowledge) -> str:
    """The specialty's other labelled figures (and any unmatched means) next to the score; "" if none."""
    extra = list(spec.figures[1:])
    if spec.primary.unmatched is not None:
        extra.insert(0, spec.primary)
    if not extra:
        return ""
    lines = "\n".join(_figure_line(f, knowledge) for f in extra)
    what = "More figures" if len(spec.figures) > 1 else "Matched and unmatched means"
    return f"{what} for {escape(spec.name)}, to read your {score} against:\n{lines}"


def _day(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


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


def score_fit(score: int, knowledge: Knowledge, interests: tuple[str, ...] = ()) -> Reply:
    """Which specialties a score is at or above, and which are within reach."""
    ranked = knowledge.ranked_specialties()
    # A phone screen holds a few lines per group: the fields nearest the score, the rest behind a button.
    nearest = sorted(ranked, key=lambda s: abs(score - s.average_step2))
    at_or_above = [s for s in nearest if score >= s.average_step2]
    reach = [s for s in nearest if 0 < s.average_step2 - score <= WITHIN_REACH]
    further = [s for s in nearest if s.average_step2 - score > WITHIN_REACH]
    shown = [s for group in (at_or_above, reach, further) for s in _keep(group, interests)]
    hidden = len(ranked) - len(shown)

    marks, sources = _source_marks(shown, knowledge)

    def line(s: Specialty) -> str:
        star = " ⭐" if s.id in interests else ""
        return f"• {escape(s.short_name)} {s.average_step2}{marks[s.id]}{star}"

    def group(title: str, specs: list[Specialty]) -> str:
        kept = _keep(specs, interests)
        more = f"\n… and {len(specs) - len(kept)} more" if len(specs) > len(kept) else ""
        return f"<b>{title}</b>\n" + "\n".join(line(s) for s in kept) + more

    parts = [f"With a <b>{score}</b>, here's how you sit against each specialty's average:"]
    below_pass = _below_pass_note(score, knowledge)
    if below_pass:
        parts.append(below_pass.rstrip())
    if at_or_above:
        parts.append(group("At or above the average (nearest first)", at_or_above))
    if reach:
        parts.append(group(f"Within {WITHIN_REACH} points", reach))
    if further:
        parts.append(group("Further above your score (nearest first)", further))
    parts.append("These are averages, not cut-offs: each sits in the middle of a spread of scores.\n" + sources)
    if interests:
        parts.append("⭐ = a specialty you asked about.")
    buttons: list[Button] = [Button("📊 Chart", f"/chart {score}")]
    if hidden:
        buttons.append(Button("📋 All averages", "/specialties"))
    if not at_or_above:
        parts.append(
            "Next: name the field you're weighing (e.g. “235 for peds?”) and I'll go through it with you. "
            "Strong letters, rotations and interviews carry real weight wherever your score sits."
        )
        buttons.append(RETAKES if below_pass else Button("Score lower?", "/faq low_score"))
    return Reply("\n\n".join(parts), (tuple(buttons),))


FIT_LINES = 4
"""Specialties listed per group in a score-fit reply; the rest are counted and a button away."""


def _keep(specs: list[Specialty], interests: tuple[str, ...]) -> list[Specialty]:
    """The first FIT_LINES of a group, plus any the student asked about (never hidden)."""
    return [s for i, s in enumerate(specs) if i < FIT_LINES or s.id in interests]


def compare(specs: list[Specialty], score: int | None, knowledge: Knowledge) -> Reply:
    """Specialties side by side, highest average first, with the student's score if known."""
    unique = {s.id: s for s in specs}.values()
    ranked = sorted(unique, key=lambda s: -s.average_step2)
    marks, sources = _source_marks(ranked, knowledge)
    rows = []
    for s in ranked:
        row = f"• <b>{escape(s.name)}</b>: {s.average_step2}{marks[s.id]}"
        if score is not None:
            diff = score - s.average_step2
            row += f" (your {score}: {'+' if diff > 0 else ''}{diff})"
        rows.append(row)
    spread = ranked[0].average_step2 - ranked[-1].average_step2
    html = (
        "<b>Average Step 2 CK, side by side</b>\n"
        + "\n".join(rows)
        + f"\n\nA {_points(spread)} spread between the highest and the lowest here. "
        "Averages, not minimums.\n" + sources
    )
    chart = f"/chart {score}" if score is not None else "/chart"
    return Reply(html, ((Button("📊 Chart", chart), Button("📋 All averages", "/specialties")),))


def faq_answer(topic: str, knowledge: Knowledge, specs: list[Specialty] | None = None) -> Reply:
    """A FAQ answer in our words, its sources, and related topics as buttons."""
    entry = knowledge.faq[topic]
    answer = escape(entry.answer)
    cites = "; ".join(escape(knowledge.cite(s)) for s in entry.sources)
    extra = ""
    for spec in specs or []:
        figures = "; ".join(f"{f.value} ({escape(knowledge.label(f))})" for f in spec.figures)
        extra += f"\n\nFor reference, the {escape(spec.name)} average is about {figures}."
    html = f"<b>{escape(entry.title)}</b>\n\n{answer}{extra}\n\n<i>Sources: {cites}.</i>"
    related = [knowledge.faq[t] for t in entry.related if t in knowledge.faq]
    buttons = tuple((Button(r.title, f"/faq {r.topic}"),) for r in related)
    return Reply(html, buttons)


def faq_menu(knowledge: Knowledge) -> Reply:
    """Every FAQ topic as a button."""
    entries = list(knowledge.faq.values())
    rows = tuple(
        tuple(Button(e.title, f"/faq {e.topic}") for e in entries[i : i + 2]) for i in range(0, len(entries), 2)
    )
    return Reply("<b>Common questions</b>\nPick one, or just ask me in your own words.", rows)


def specialties_table(knowledge: Knowledge) -> Reply:
    """All the averages as a table, highest first, with the source."""
    ranked = knowledge.ranked_specialties()
    marks, sources = _source_marks(ranked, knowledge)
    width = max(len(s.short_name) for s in ranked)
    rows = "\n".join(f"{escape(s.short_name.ljust(width))}  {s.average_step2}{marks[s.id]}" for s in ranked)
    html = (
        "<b>Average Step 2 CK by specialty</b>\n"
        f"<pre>{rows}</pre>\n"
        "Averages, not minimums. /average NAME shows every figure I hold for a field.\n" + sources
    )
    return Reply(html, ((Button("📊 Chart", "/chart"),),))


def chart_caption(chart: Chart, knowledge: Knowledge) -> Reply:
    """The caption for the averages chart, and the chart request itself."""
    ranked = knowledge.ranked_specialties()
    mine = f" The line is your {chart.score}." if chart.score is not None else ""
    _, sources = _source_marks(ranked, knowledge)
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
    names = ", ".join(escape(s.short_name) for s in knowledge.ranked_specialties())
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


def help_reply() -> Reply:
    """What the bot can do and how to ask."""
    html = (
        "<b>What I can do</b>\n"
        "• Average Step 2 CK by specialty, with the source\n"
        "• Put your score next to a specialty, or several side by side\n"
        "• Answer common questions (Step 1 vs Step 2, IMGs, low scores…)\n"
        "• Build a study plan and nudge you daily at your local time\n\n"
        f"Ask things like:\n{_examples()}\n\n"
        "<b>Commands</b>\n"
        "/specialties · /average derm · /score 248 ortho · /compare derm psych · /faq · /chart\n"
        "/plan (your study plan) · /done 40 (log questions) · /progress (your chart) · /pause · /resume · /stop\n"
        "/deadline ERAS sep 25 (a reminder) · /forget (erase what I remember) · /start · /help"
    )
    return Reply(html, MENU)


def not_understood() -> Reply:
    """A friendly reply when nothing in the message is recognisable: short, with things to try."""
    html = (
        "I didn't quite catch that. I'm best with Step 2 CK scores, specialties and study plans: "
        "try “avg for derm”, “I got 245, what fits?” or “how long should I study?”."
    )
    return Reply(html, MENU)
