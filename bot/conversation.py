"""One road in: a user's text (typed, a command, or a pressed button) -> a Turn.

Every transport calls `Advisor.handle`; this is where memory is read and written.
Plain data in and out, no transport types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot import advice, plan_flow, plans, talk
from bot.profiles import About, Profile, ProfileStore
from bot.reply import Button, Chart, Reply
from bot.understand import Intent, Parsed, understand
from bot.understand.cues import asks_for_plan
from knowledge import Knowledge
from knowledge.text import normalize

MAX_INPUT = 4000
"""Characters of a message we read; Telegram caps text at 4096 anyway."""

MAX_INTERESTS = 5

SCORE_ARG = re.compile(r"-?\d+")

COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)


@dataclass(frozen=True)
class Turn:
    """The reply to one message, plus what was understood (for the JSON CLI and logs)."""

    reply: Reply
    intent: str
    score: int | None = None
    specialties: tuple[str, ...] = ()
    topic: str | None = None
    plan_changed: bool = False
    """The stored study plan changed: the transport reschedules its nudges."""
    feeling: str | None = None
    profile: dict[str, object] = field(default_factory=dict)
    """What the message told us about the student (school, status, own score...), for the JSON CLI."""


PLAN_COMMANDS = frozenset({"plan", "done", "snooze", "pause", "resume", "stop"})
SIDE_QUESTIONS: frozenset[Intent] = frozenset(
    {"average", "score_check", "score_fit", "compare", "faq", "invalid_score"}
)
"""Intents answered even while the plan set-up waits for an answer."""
PRIVATE_ONLY = "Let's do that in a private chat with me, so your plan and nudges stay yours."
NO_PLAN = "You don't have a study plan yet. Send /plan and I'll build one with you."


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Advisor:
    """The conversation: understanding, advice, memory and the study-plan flow."""

    knowledge: Knowledge
    profiles: ProfileStore
    now: Callable[[], dt.datetime] = field(default=_utcnow)
    default_timezone: str = "UTC"
    admin_ids: tuple[int, ...] = ()

    def handle(self, user_id: int, text: str, *, private: bool = True) -> Turn:
        """Answer one message from one user; never raises for any text."""
        text = text[:MAX_INPUT].strip()
        command = COMMAND.match(text)
        if command:
            name, args = command.group(1).lower(), (command.group(2) or "").strip()
            return self._command(user_id, name, args, private=private)
        # In a group, replies never draw on (or change) anyone's stored memory, so
        # one member's score is never shown to the others.
        profile = self.profiles.get(user_id) if private else Profile(user_id)
        if profile.draft is not None:
            return self._plan_step(profile, text)
        parsed = understand(text, self.knowledge)
        if parsed.feeling == "hopeless":
            # Care comes before anything else; nothing is planned or scored in this turn.
            return _turn(talk.crisis(self.knowledge), parsed)
        plan_intent = PLAN_INTENTS.get(parsed.intent)
        if (
            parsed.intent == "study_plan"
            and parsed.feeling not in {None, "celebration"}
            and not asks_for_plan(normalize(text))
        ):
            # "im freaking out, my exam is tomorrow": the feeling is the point, not a schedule.
            parsed, plan_intent = replace(parsed, intent="vent"), None
        if plan_intent is not None and not parsed.unsure:
            if not private:
                return Turn(Reply(PRIVATE_ONLY), parsed.intent)
            if private and (parsed.school or parsed.status or parsed.exam_date):
                self._remember(profile, replace(parsed, score=None), text)
                profile = self.profiles.get(profile.user_id)
            turn = self._plan_command(profile, plan_intent, text if plan_intent == "plan" else f"/{plan_intent} {text}")
            return replace(turn, intent=parsed.intent, feeling=parsed.feeling)
        return self._free_text(profile, parsed, private=private, text=text)

    # -- free text ---------------------------------------------------------------

    def _free_text(
        self, profile: Profile, parsed: Parsed, *, private: bool = True, use_memory: bool = True, text: str = ""
    ) -> Turn:
        shown = profile if use_memory else Profile(profile.user_id)
        reply = self._reply(parsed, shown)
        if private:
            updated = self._remember(profile, parsed, text)
            if parsed.own and parsed.score is not None and parsed.score != profile.score:
                noted = "Noted: I'll remember" if profile.score is None else "Updated: I'll remember"
                reply = replace(reply, html=f"{reply.html}\n\n<i>{noted} {parsed.score} as your score.</i>")
            if updated.about.status in {"taken", "passed"}:
                reply = _without_plan_button(reply)  # no plan pushed for an exam already taken
        return _turn(reply, parsed)

    def _reply(self, parsed: Parsed, profile: Profile) -> Reply:
        """The answer to free text: small talk, a question when unsure, else the advice."""
        k = self.knowledge
        match parsed.intent:
            case "thanks":
                return talk.thanks(parsed)
            case "insult":
                return talk.insult()
            case "smalltalk":
                return talk.smalltalk()
            case "my_score":
                return talk.my_score(profile, k)
            case "vent":
                if parsed.status == "failed" and parsed.feeling is None:
                    parsed = replace(parsed, feeling="failure")
                return talk.vent(parsed)
            case "greeting" if profile.score is not None or profile.specialties:
                return talk.greeting_again(profile)
            case "unknown" if parsed.practice_score is None:
                return talk.with_feeling(talk.fallback(parsed, k), parsed)
        if parsed.unsure:
            question = talk.clarify(parsed, k)
            if question is not None:
                return question
        if parsed.intent == "faq" and (parsed.status == "failed" or profile.about.status == "failed"):
            topic = next((t for t in ("after_fail", "retakes") if t in k.faq), None)
            if topic is not None and parsed.topic in _FAILED_READS:
                parsed = replace(parsed, topic=topic)  # a failed attempt is answered as such
        if parsed.own and parsed.feeling is None and parsed.score is not None:
            top = max((s.average_step2 for s in k.specialties.values()), default=300)
            if parsed.score >= top:
                parsed = replace(parsed, feeling="celebration")  # a high score deserves congratulations
        reply = advice.advise(parsed, profile, k)
        if parsed.school or (profile.about.school and parsed.intent in {"score_check", "score_fit", "compare"}):
            # Where it matters: when they tell us, and beside averages drawn mostly from US MD seniors.
            reply = talk.school_note(replace(profile, about=_merged_about(profile.about, parsed)), k, reply)
        reply = talk.also(parsed, k, reply)
        return talk.with_feeling(reply, parsed)

    def _remember(self, profile: Profile, parsed: Parsed, text: str = "") -> Profile:
        """Keep the student's score, what they said about themselves and the specialties asked about.

        A score they state as their own ("I got 251") replaces the remembered one; a score they
        only ask about ("is 240 good?") is kept as context only while we know no real one.
        """
        score, own = profile.score, profile.about.score_own
        if parsed.score is not None and (parsed.own or not own):
            score, own = parsed.score, parsed.own
        interests = tuple(dict.fromkeys((*parsed.specialties, *profile.specialties)))[:MAX_INTERESTS]
        about = replace(_merged_about(profile.about, parsed), score_own=own)
        if parsed.exam_date and text:
            found = plans.find_exam_date(text, self._today(self.default_timezone))
            if isinstance(found, dt.date):
                about = replace(about, exam_date=found.isoformat())
        updated = replace(profile, score=score, specialties=interests, about=about)
        if updated != profile:  # most messages change nothing: skip the disk entirely
            self.profiles.save_changes(profile, updated)
        return updated

    # -- commands ----------------------------------------------------------------

    def _command(self, user_id: int, name: str, args: str, *, private: bool) -> Turn:
        k = self.knowledge
        profile = self.profiles.get(user_id) if private else Profile(user_id)
        match name:
            case "start":
                return Turn(advice.welcome(), "greeting")
            case "help":
                return Turn(advice.help_reply(), "help")
            case "specialties":
                return Turn(advice.specialties_table(k), "average", specialties=tuple(k.specialties))
            case "faq":
                return self._faq(args)
            case "chart":
                parsed = understand(args, k) if args else Parsed("unknown")
                score = parsed.score if parsed.score is not None else profile.score
                chart = Chart(score=score, highlight=parsed.specialties or profile.specialties)
                return Turn(advice.chart_caption(chart, k), "chart", score=score)
            case "average" | "score" | "compare":
                return self._data_command(profile, name, args, private=private)
            case "forget":
                return self._forget(user_id, args)
            case "stats" if user_id in self.admin_ids and private:
                return Turn(self._stats(), "stats")
            case _ if name in PLAN_COMMANDS:
                if not private:
                    return Turn(Reply(PRIVATE_ONLY), "study_plan")
                return self._plan_command(profile, name, f"/{name} {args}".strip())
        return Turn(
            Reply(f"I don't know that command. {advice.help_reply().html}", advice.MENU),
            "unknown",
        )

    def _faq(self, args: str) -> Turn:
        topic = args.strip().lower()
        if topic not in self.knowledge.faq and args:
            topic = understand(args, self.knowledge).topic or ""
        if topic in self.knowledge.faq:
            return Turn(advice.faq_answer(topic, self.knowledge), "faq", topic=topic)
        return Turn(advice.faq_menu(self.knowledge), "faq")

    def _data_command(self, profile: Profile, name: str, args: str, *, private: bool) -> Turn:
        """/average X, /score N [X], /compare A B: the same advice as free text, made explicit."""
        parsed = understand(args, self.knowledge)
        use_memory = True
        if name == "score":
            # What the parser read ("2 48" is 248) first; after /score, any bare number is the score.
            number = SCORE_ARG.search(args)
            score = parsed.score or parsed.bad_score or (int(number.group()) if number else None)
            if score is None:
                return Turn(Reply("Send it like <code>/score 248 ortho</code> (the specialty is optional)."), "help")
            if not 1 <= score <= 300:
                parsed = replace(parsed, intent="invalid_score", score=None, bad_score=score)
            else:
                intent: Intent = "score_check" if parsed.specialties else "score_fit"
                parsed = replace(parsed, intent=intent, score=score)
        elif name == "average":
            if not parsed.specialties and not parsed.other_specialty:
                return Turn(advice.specialties_table(self.knowledge), "average")
            parsed = replace(parsed, intent="average", score=None)
            use_memory = False  # they asked for the figure, not for their score against it
        else:
            if len(parsed.specialties) < 2:
                return Turn(Reply("Name two or more, like <code>/compare derm psych peds</code>."), "help")
            parsed = replace(parsed, intent="compare")
        return self._free_text(profile, parsed, private=private, use_memory=use_memory)

    # -- study plan ----------------------------------------------------------------

    def _today(self, tz: str) -> dt.date:
        return self.now().astimezone(plans.zone(tz)).date()

    def _plan_command(self, profile: Profile, name: str, text: str) -> Turn:
        """/plan (and study-plan free text), /done, /snooze, /pause, /resume, /stop."""
        plan = plans.Plan.from_dict(profile.plan) if profile.plan else None
        if name == "plan":
            today = self._today(plan.tz if plan else self.default_timezone)
            outcome = plan_flow.start(text, today, plan, self.knowledge, default_tz=self.default_timezone)
            return self._save_plan(profile, outcome)
        if plan is None:
            return Turn(Reply(NO_PLAN, ((Button("🗓 Make a plan", "/plan"),),)), "study_plan")
        today = self._today(plan.tz)
        match name:
            case "done":
                updated, reply = plans.record_done(plan, today, plans.parse_done_count(text))
            case "snooze":
                updated, reply = plans.snooze(plan, self.now())
            case "pause":
                updated, reply = plans.pause(plan)
            case "resume":
                updated, reply = plans.resume(plan)
            case _:
                updated, reply = plans.stop(plan)
        return self._save_plan(profile, (None, updated, reply))

    def _plan_step(self, profile: Profile, text: str) -> Turn:
        """The next answer in the guided plan conversation."""
        assert profile.draft is not None  # noqa: S101  # only called with a draft
        plan = plans.Plan.from_dict(profile.plan) if profile.plan else None
        draft = plan_flow.PlanDraft.from_dict(profile.draft)
        today = self._today(draft.tz or (plan.tz if plan else self.default_timezone))
        outcome = plan_flow.step(draft, text, today, self.knowledge, existing=plan)
        next_draft, new_plan, _ = outcome
        if new_plan is None and next_draft is not None and next_draft.to_dict() == draft.to_dict():
            # Not an answer; if it is a clear question ("avg for rads"), answer it rather than
            # trap the student in set-up, and ask the plan's question again below.
            parsed = understand(text, self.knowledge)
            if parsed.intent in SIDE_QUESTIONS:
                turn = self._free_text(profile, parsed)
                ask, buttons = plan_flow.question(draft)
                html = f"{turn.reply.html}\n\n<i>Back to your study plan:</i>\n{ask}"
                reply = Reply(html, (*turn.reply.buttons, *buttons), turn.reply.chart)
                return replace(turn, reply=reply)
        return self._save_plan(profile, outcome)

    def _save_plan(self, profile: Profile, outcome: plan_flow.Outcome) -> Turn:
        """Store the draft and plan an outcome leaves, in one write."""
        draft, plan, reply = outcome
        new_plan = plan.to_dict() if plan is not None else profile.plan
        updated = replace(profile, draft=draft.to_dict() if draft is not None else None, plan=new_plan)
        if updated != profile:
            self.profiles.save_changes(profile, updated)
        return Turn(reply, "study_plan", plan_changed=new_plan != profile.plan)

    def _stats(self) -> Reply:
        """Counts only, for admins: no one's data is shown."""
        profiles = list(self.profiles.all())
        plans_by_status: dict[str, int] = {}
        for profile in profiles:
            if profile.plan:
                status = str(profile.plan.get("status", "active"))
                plans_by_status[status] = plans_by_status.get(status, 0) + 1
        lines = [f"<b>Stats</b>\nUsers stored: {len(profiles)}"]
        lines += [f"Plans {status}: {count}" for status, count in sorted(plans_by_status.items())]
        return Reply("\n".join(lines))

    def _forget(self, user_id: int, args: str) -> Turn:
        answer = args.strip().lower()
        if answer in {"yes", "y", "confirm"}:
            erased = self.profiles.forget(user_id)
            text = (
                "🧹 Done: I've erased everything I stored about you "
                "(score, specialties, what you told me about yourself, study plan)."
                if erased
                else "There was nothing stored about you; nothing to erase."
            )
            return Turn(Reply(text), "forget", plan_changed=erased)
        if answer in {"no", "n", "cancel"}:
            return Turn(Reply("Okay, I kept everything as it was."), "forget")
        ask = (
            "Erase everything I remember about you: your score, specialties, what you told me about yourself "
            "and study plan? This can't be undone."
        )
        buttons = ((Button("Yes, erase it", "/forget yes"), Button("No, keep it", "/forget no")),)
        return Turn(Reply(ask, buttons), "forget")


_FAILED_READS = frozenset(
    {"low_score", "retakes", "after_fail", "score_release", "passing_score", "good_score", "percentiles", None}
)
"""Topics a student who says they failed is really asking about what to do next."""

PLAN_INTENTS: dict[str, str] = {"study_plan": "plan", "exam_moved": "plan", "days_left": "plan", "log_progress": "done"}
"""Free-text intents the study-plan code answers, and the plan command each one runs."""


def _merged_about(about: About, parsed: Parsed) -> About:
    """What we knew, updated with what this message said (a new statement wins)."""
    practice = tuple(
        f"{p.exam.upper() if p.exam != 'free120' else 'Free 120'}{' ' + p.form if p.form else ''}: "
        + (f"{p.score}" if p.score is not None else f"{p.percent}%")
        for p in parsed.practice
    )
    return replace(
        about,
        school=parsed.school or about.school,
        stage=parsed.stage or about.stage,
        status=parsed.status or about.status,
        step1=parsed.step1 or about.step1,
        practice=tuple(dict.fromkeys((*practice, *about.practice)))[:5] if practice else about.practice,
    )


def _without_plan_button(reply: Reply) -> Reply:
    rows = tuple(tuple(b for b in row if b.action != "/plan") for row in reply.buttons)
    return replace(reply, buttons=tuple(row for row in rows if row))


def recognised(parsed: Parsed) -> dict[str, object]:
    """The facts about the student this message gave, for `ask --json` (empty ones left out)."""
    facts: dict[str, object] = {
        "own_score": parsed.score if parsed.own else None,
        "range": list(parsed.range) if parsed.range else None,
        "step1": parsed.step1,
        "comlex": parsed.comlex,
        "practice": [{k: v for k, v in vars(p).items() if v not in (None, "")} for p in parsed.practice] or None,
        "school": parsed.school,
        "stage": parsed.stage,
        "status": parsed.status,
        "exam_date": parsed.exam_date or None,
    }
    return {k: v for k, v in facts.items() if v is not None}


def _turn(reply: Reply, parsed: Parsed) -> Turn:
    return Turn(
        reply,
        parsed.intent,
        parsed.score,
        parsed.specialties,
        parsed.topic,
        feeling=parsed.feeling,
        profile=recognised(parsed),
    )
