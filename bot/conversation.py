"""One road in: a user's text (typed, a command, or a pressed button) -> a Turn.

Every transport calls `Advisor.handle`; this is where memory is read and written.
Plain data in and out, no transport types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from bot import advice, formatting, interpret, memory, parse_answers, plan_flow, progress, talk
from bot.commands import BY_NAME, PLAN_COMMANDS
from bot.plans import model, operations, schedule
from bot.plans.messages import EXAM_DAY_BUTTON, MAKE_PLAN
from bot.reply import Button, Chart, Document, Reply, escape_text
from bot.respond import FINAL_DAYS_ANSWER, respond
from bot.stage import stage_of
from bot.student import Profile
from bot.timezones import zone
from bot.understand import REST_DAYS_ANSWER, Intent, Parsed, sounds_hopeless, understand
from bot.understand.cues import (
    asks_daily_count,
    asks_for_calendar,
    asks_for_plan,
    asks_if_feeling_is_normal,
    asks_something,
    asks_target,
    asks_what_now,
    changes_reminders,
    distress_words,
    dropped_weekdays,
    exam_soon,
    joyful,
    just_passed,
    just_sat_exam,
    let_down_said,
    life_around_study,
    low_day,
    match_is_news,
    no_date_yet,
    pass_is_old,
    retake_result,
    someone_in_crisis,
    thanks_others,
    thanks_us,
    wants_fewer_nudges,
    wants_one_off_reminder,
    wants_release_reminder,
    wants_reminders,
    wants_reminders_off,
    wants_several_nudges,
)
from bot.user_store import UserStore
from knowledge import Knowledge, topics
from knowledge.text import normalize

MAX_INPUT = 4000
"""Characters of a message we read; Telegram caps text at 4096 anyway."""

SCORE_ARG = re.compile(r"-?\d+")

COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)

UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidi overrides: never part of a question, and an echo of them
could hide or reorder what a reply says. Removed at the door, so no reply repeats them."""

MAX_SCORE_DIGITS = 4
"""A /score argument longer than this is no score, and is not echoed back."""


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


def _cleaned(text: str) -> str:
    return UNSHOWABLE.sub("", text[:MAX_INPUT]).strip()


def command_name(text: str) -> str | None:
    """The command a message or button action runs, as `Advisor.handle` reads it ("forget"), else None."""
    command = COMMAND.match(_cleaned(text))
    return command.group(1).lower() if command else None


STALE_BUTTON = "That button is from an older message and no longer applies. Here's a fresh menu:"
PRIVATE_ONLY = "Let's do that in a private chat with me, so your plan and nudges stay yours."
PRIVATE_FORGET = "Send /forget to me in a private chat, and I'll erase what I remember about you there."
NO_PLAN = "You don't have a study plan yet. Send /plan and I'll build one with you."
REST_WITHOUT_A_PLAN = "With no study plan here there's nothing to pause; /plan sets one up with room for rest days."
_EXAM_BEHIND: frozenset[interpret.Road] = frozenset({"finished", "passed", "matched"})
"""Roads of a message that says the exam is behind the student: a plan set-up waiting for it is put away."""
_BEFORE_THE_EXAM_RE = re.compile(r"\b(?:day|night) before\b|\bbefore (?:the exam|ck|step 2|my exam|the test)\b")
NO_DATE = (
    "I don't know your exam date yet. Tell me (“my exam is March 3”) and I'll count the days, "
    "or set up a /plan and I'll count down with you."
)
START_INLINE = "inline"
"""The /start parameter of inline mode's button into the private chat."""
START_PLAN = "plan"
"""The /start parameter when an inline query asked about the student's own plan: /start plan opens it."""
FROM_INLINE = (
    "In any chat, type my username and a question (“derm”, “248 ortho”, “derm vs plastics”, “retakes”), "
    "then tap a result to post it there. Here in private I can also remember your score and keep your study plan."
)

NO_PROGRESS = (
    "Your progress lives in your study plan, and you don't have one yet. Send /plan to make one, "
    "then tell me your numbers as you go (“did 40 qs, got 70%”, “nbme 11 was 238”) and /progress draws them."
)
DAILY_AGAIN = "<i>🔔 You're back, so daily nudges are back on.</i>"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Advisor:
    """The conversation: understanding, advice, memory and the study-plan flow."""

    knowledge: Knowledge
    profiles: UserStore
    now: Callable[[], dt.datetime] = field(default=_utcnow)
    default_timezone: str = "UTC"
    admin_ids: tuple[int, ...] = ()

    def handle(self, user_id: int, text: str, *, private: bool = True) -> Turn:
        """Answer one message from one user; never raises for any text.

        In private, any message or button first counts as a reply to the nudges (`schedule.seen`):
        one that brings back daily nudges says so, and the nudges are rescheduled.
        """
        text = _cleaned(text)
        restored = private and self._seen(user_id)
        turn = self._handle(user_id, text, private=private)
        if not restored:
            return turn
        if command_name(text) != "plan" or "daily" not in text.lower():
            turn = replace(turn, reply=turn.reply.noted(DAILY_AGAIN))
        return replace(turn, plan_changed=True)

    def _seen(self, user_id: int) -> bool:
        """Note that the student replied today; True when that brought daily nudges back."""
        profile = self.profiles.get(user_id)
        plan = profile.plan
        if plan is None or plan.status != "active":
            return False
        updated = schedule.seen(plan, self._today(plan.tz))
        if updated is None:
            return False
        self.profiles.save_changes(profile, replace(profile, plan=updated))
        return plan.cadence != "daily"

    def _handle(self, user_id: int, text: str, *, private: bool) -> Turn:
        """Load the profile, understand, take the road `interpret.road` chooses, return the turn."""
        command = COMMAND.match(text)
        if command:
            name, args = command.group(1).lower(), (command.group(2) or "").strip()
            # A command's words are read by rule only (no model), but the same order decides.
            said = interpret.Situation("command", crisis=bool(args) and sounds_hopeless(args))
            if interpret.road(said) == "crisis":
                return Turn(talk.crisis(self.knowledge), "command", feeling="hopeless")
            return self._command(user_id, name, args, private=private)
        # In a group, replies never draw on (or change) anyone's stored memory, so
        # one member's score is never shown to the others.
        profile = self.profiles.get(user_id) if private else Profile(user_id)
        parsed = understand(text, self.knowledge)
        setup = self._setup_outcome(profile, text) if parsed.feeling != "hopeless" else None
        situation = self._situation(profile, parsed, text, setup)
        return self._take(interpret.road(situation), situation, profile, parsed, text, setup, private=private)

    def _situation(
        self, profile: Profile, parsed: Parsed, text: str, setup: model.PlanOutcome | None
    ) -> interpret.Situation:
        """The facts `interpret.road` decides on."""
        norm = normalize(text)
        matched = match_is_news(text, norm) and parsed.status != "failed"
        finished = parsed.score is None and parsed.status != "failed" and just_sat_exam(norm)
        return interpret.Situation(
            intent=parsed.intent,
            crisis=parsed.feeling == "hopeless",
            unsure=parsed.unsure,
            feeling=parsed.feeling,
            # a request for reminders is a plan request too ("ping me every night to do anki"): the frame holds,
            # whatever feeling the model heard beside it (read only where a plan is what the message is about)
            asks_plan=asks_for_plan(norm) or (parsed.intent in interpret.PLAN_READS and wants_reminders(norm)),
            asks_calendar=asks_for_calendar(norm),
            # "matched IM but just failed ck": the fail first
            matched=matched,
            # (read only beside the news they qualify: most messages skip them)
            let_down=matched and let_down_said(norm),
            feeling_asked=matched and asks_if_feeling_is_normal(text, norm),
            finished=finished,
            what_now=finished and asks_what_now(norm),
            exam_soon=parsed.feeling is not None and exam_soon(norm, nerves=True) is not None,
            passed=parsed.feeling not in talk.UNSURE_AFTER
            and (
                just_passed(norm) or (parsed.status == "passed" and retake_result(norm))  # "retake came back 229!!"
            )
            and not (pass_is_old(norm) and not joyful(text, norm)),  # "6 interviews... (passed 2nd try)": no news
            question=asks_something(text, norm),
            in_setup=profile.draft is not None,
            setup_answered=setup is not None and not (setup.plan is None and setup.draft == profile.draft),
            has_plan=profile.plan is not None,
        )

    def _take(
        self,
        road: interpret.Road,
        situation: interpret.Situation,
        profile: Profile,
        parsed: Parsed,
        text: str,
        setup: model.PlanOutcome | None,
        *,
        private: bool,
    ) -> Turn:
        """The turn for one road; memory changes happen in the road's own step."""
        norm = normalize(text)
        match road:
            case "crisis":
                # Care comes before anything else, a plan set-up waiting for an answer included:
                # nothing is planned or scored in this turn, and the set-up waits, untouched.
                return _turn(talk.crisis(self.knowledge, for_someone=someone_in_crisis(norm)), parsed)
            case "setup" if setup is not None:
                return self._save_plan(profile, setup)
            case "setup_aside":
                # Answered as if no set-up were waiting, then the set-up question again; nothing
                # collected so far is lost.
                free = replace(situation, in_setup=False)
                free_road = interpret.road(free)
                turn = self._take(free_road, free, profile, parsed, text, None, private=private)
                if free_road in _EXAM_BEHIND:
                    return self._set_up_put_away(profile.user_id, turn)
                draft = self.profiles.get(profile.user_id).draft or profile.draft
                assert draft is not None  # noqa: S101  # only taken while a set-up waits
                ask, buttons = plan_flow.question(draft)
                return replace(turn, reply=turn.reply.noted(f"<i>Back to your study plan:</i>\n{ask}", buttons=buttons))
            case "matched":
                return _turn(talk.matched(parsed, let_down=situation.let_down), parsed)
            case "passed":
                if private:
                    self._remember(profile, parsed, text)
                # "passed on the retake... just wanted to say thank you", "Passed!!! 247. Thank you for the reminders":
                # the thanks answered with the pass, the score's button kept
                passed = talk.passed(parsed)
                if (parsed.intent == "thanks" or thanks_us(text, norm)) and not thanks_others(norm):
                    passed = replace(talk.thanks(replace(parsed, status="passed")), buttons=passed.buttons)
                return _turn(passed, parsed)
            case "finished":
                if private:
                    self._remember(profile, replace(parsed, score=None), text)
                return _turn(talk.exam_finished(parsed), parsed)
            case "feeling":
                return self._free_text(profile, replace(parsed, intent="vent"), private=private, text=text)
            case "calendar":
                return self._calendar(profile, private=private)
            case "plan" | "plan_operation" if (
                private and not dropped_weekdays(norm) and (off := self._reminders_off(profile, norm))
            ):
                # "turn off all reminders", "stop reminders this week": done as asked, not a plan summary.
                if off == "pause":
                    return replace(self._plan_command(profile, "pause", text), intent="study_plan")
                return replace(self._plan_operation(profile, "plan_break", text), intent="plan_break")
            case "plan" | "plan_operation" if wants_reminders_off(norm) and self._reminders_off(profile, norm) is None:
                # "stop the reminders pls" with none running: said so, not a new plan begun
                return Turn(Reply(NO_REMINDERS_TO_STOP), "study_plan", feeling=parsed.feeling)
            case "plan" if not asks_for_plan(norm) and (when := exam_soon(norm)) is not None:
                # "exam is tomorrow, please tell me it will be ok": that day, not "no plan to build now"
                return Turn(talk.exam_soon(parsed, when), "study_plan", feeling=parsed.feeling)
            case "plan":
                if not private:
                    return Turn(Reply(PRIVATE_ONLY), "study_plan")
                if parsed.school or parsed.status or parsed.exam_date:
                    profile = self._remember(profile, replace(parsed, score=None), text)
                turn = self._plan_command(profile, "plan", text)
                draft = self.profiles.get(profile.user_id).draft
                asks_date = draft is not None and draft.step == "exam_date"
                days_kept = draft is not None and draft.study_days is not None  # "2 rest days a week": not asked
                today = self._today(self.default_timezone)
                reply = _before_set_up(
                    turn.reply, parsed, profile, norm, today, text, asks_date=asks_date, days_kept=days_kept
                )
                reply = self._target_beside(reply, parsed, norm)
                # A long post's other questions stay a tap away while the set-up asks its own.
                return replace(turn, reply=talk.also(parsed, self.knowledge, reply, text), feeling=parsed.feeling)
            case "plan_operation" if (
                parsed.intent == "log_progress" and parsed.practice and not _work_beside_results(parsed, text)
            ):
                # "nbme 11 was 238": a practice test's result, kept with the plan's scores (for /progress)
                # and read as one, not 11 questions.
                return self._free_text(profile, replace(parsed, intent="practice_score"), private=private, text=text)
            case "plan_operation":
                if not private:
                    return Turn(Reply(PRIVATE_ONLY), parsed.intent)
                if parsed.exam_date and (profile.plan is None or profile.plan.status == "stopped"):
                    # "38 days until my exam": with no plan to count from, the date said is kept and counted.
                    profile = self._remember(profile, replace(parsed, score=None), text)
                turn = self._plan_operation(profile, parsed.intent, text, parsed.feeling)
                # Joy at work done is met by the log's own praise; a second "congratulations" would gush.
                named = parsed if parsed.feeling != "celebration" else replace(parsed, feeling=None)
                return replace(turn, reply=talk.with_feeling(turn.reply, named), feeling=parsed.feeling)
        if situation.matched and parsed.feeling is None and parsed.status != "failed":
            parsed = replace(parsed, feeling="celebration")  # the news, with a question: congratulations first
        return self._free_text(profile, parsed, private=private, text=text)

    @staticmethod
    def _reminders_off(profile: Profile, norm: str) -> Literal["break", "pause"] | None:
        """Reminders asked off, with an active plan to take them off."""
        if profile.plan is None or profile.plan.status != "active":
            return None
        return wants_reminders_off(norm)

    def _setup_outcome(self, profile: Profile, text: str) -> model.PlanOutcome | None:
        """What the waiting plan set-up makes of a message; None when no set-up waits."""
        draft = profile.draft
        if draft is None:
            return None
        plan = profile.plan
        today = self._today(draft.tz or (plan.tz if plan else self.default_timezone))
        return plan_flow.step(draft, text, today, self.knowledge, existing=plan, now=self.now())

    def press(self, user_id: int, action: str, *, private: bool = True) -> Turn:
        """A pressed button. Every action the bot makes is a command (`Button`); anything else
        is from an older version of the bot: a set-up answer still counts while a set-up
        waits for one, otherwise the student hears, kindly, that it no longer applies."""
        action = action[:MAX_INPUT].strip()
        if COMMAND.match(action):
            return self.handle(user_id, action, private=private)
        if private and self.profiles.get(user_id).draft is not None:
            return self.handle(user_id, action, private=private)
        return Turn(Reply(STALE_BUTTON, advice.MENU), "stale_button")

    # -- free text ---------------------------------------------------------------

    def _free_text(
        self, profile: Profile, parsed: Parsed, *, private: bool = True, use_memory: bool = True, text: str = ""
    ) -> Turn:
        shown = profile if use_memory else Profile(profile.user_id)
        reply = respond(parsed, shown, text, self.knowledge, self._today(self.default_timezone))
        if parsed.topic == topics.SCORE_RELEASE and wants_release_reminder(normalize(text)):
            reply = reply.led_by(NO_RELEASE_PING)  # "ping me the day my score drops": what we can't, then when
        if private:
            reply = self._log_scores(profile, parsed, reply)
            updated = self._remember(profile, parsed, text)
            if parsed.own and parsed.score is not None and parsed.score == updated.score != profile.score:
                noted = "Noted: I'll remember" if profile.score is None else "Updated: I'll remember"
                reply = reply.noted(f"<i>{noted} {parsed.score} as your score.</i>")
            if updated.about.status in {"taken", "passed"}:
                reply = _without_plan_button(reply)  # no plan pushed for an exam already taken
        return _turn(reply, parsed)

    def _log_scores(self, profile: Profile, parsed: Parsed, reply: Reply) -> Reply:
        """Keep the practice-test results a message reports on the student's plan (for /progress)."""
        plan = profile.plan
        if plan is None or plan.status == "stopped":
            return reply
        entries = progress.reported_scores(parsed, self._today(plan.tz))
        if not entries:
            return reply
        kept = progress.record_scores(plan, entries)
        if kept == plan:
            return reply
        self.profiles.save_changes(profile, replace(profile, plan=kept))
        return reply.noted(progress.logged_note(entries))

    def _remember(self, profile: Profile, parsed: Parsed, text: str = "") -> Profile:
        """What the message told us about the student, kept (`memory.remember`); the same profile when nothing."""
        updated = memory.remember(profile, parsed, text, self.knowledge, self._today(self.default_timezone))
        if updated is not profile:
            self.profiles.save_changes(profile, updated)
        return updated

    # -- commands ----------------------------------------------------------------

    def _command(self, user_id: int, name: str, args: str, *, private: bool) -> Turn:
        """A command from the registry (`bot.commands`), run by its handler in `_HANDLERS`."""
        command = BY_NAME.get(name)
        if command is None or (command.name == "stats" and not (private and user_id in self.admin_ids)):
            return Turn(Reply(f"I don't know that command. {advice.help_reply().html}", advice.MENU), "unknown")
        if not private and command.kind in {"plan", "memory"}:
            # Only in private: in a group, a plan would be everyone's, and the answer to /forget
            # would tell everyone whether that member had stored data.
            if name == "forget":
                return Turn(Reply(PRIVATE_FORGET), "forget")
            return Turn(Reply(PRIVATE_ONLY), "calendar" if name == "calendar" else "study_plan")
        profile = self.profiles.get(user_id) if private else Profile(user_id)
        return _HANDLERS[name](self, profile, args, private)

    def _chart(self, profile: Profile, args: str) -> Turn:
        """/chart, with a score and specialties from its words or from memory."""
        parsed = understand(args, self.knowledge) if args else Parsed("unknown")
        score = parsed.score if parsed.score is not None else profile.score
        chart = Chart(score=score, highlight=parsed.specialties or profile.specialties)
        return Turn(advice.chart_caption(chart, self.knowledge), "chart", score=score)

    def _start(self, profile: Profile, args: str, *, private: bool) -> Turn:
        """/start, and /start with a deep-link parameter (from inline mode's button)."""
        if args == START_PLAN and private:
            return self._plan_command(profile, "plan", "/plan")
        reply = advice.welcome()
        if args == START_INLINE:
            reply = reply.noted(escape_text(FROM_INLINE))
        return Turn(reply, "greeting")

    def _calendar(self, profile: Profile, *, private: bool) -> Turn:
        """The study plan as an .ics file; without a plan, an offer to make one."""
        if not private:
            return Turn(Reply(PRIVATE_ONLY), "calendar")
        plan = profile.plan
        if plan is None:
            return Turn(Reply(NO_PLAN, MAKE_PLAN), "calendar")
        if plan.status in ("stopped", "finished"):
            text = f"Your plan is {plan.status}, so there's nothing to put in a calendar. Send /plan to make a new one."
            return Turn(Reply(text, MAKE_PLAN), "calendar")
        # Imported here: icalendar was 35 ms of the bot's start-up, for a command few students send.
        from bot import calendar_file

        data = calendar_file.plan_calendar(plan, profile.user_id, self.now())
        html = (
            "📅 <b>Your study plan as a calendar file.</b>\n"
            "Open it to add your exam day, each phase, your self-assessment days and a study block on "
            f"every study day at {formatting.fmt_time(plan.nudge_time)} ({escape_text(plan.tz)}) to Google Calendar, "
            "Apple Calendar or Outlook.\n\n"
            "Changed your plan? Send /calendar again and import the new file: the events keep their IDs, "
            "so a calendar app that matches events by ID updates them instead of adding copies."
        )
        document = Document(calendar_file.FILENAME, data, calendar_file.MIME_TYPE)
        return Turn(Reply(html, document=document), "calendar")

    def _faq(self, args: str) -> Turn:
        topic = args.strip().lower()
        if topic in self.knowledge.answers:  # a specific answer's button: "/faq prelim-vs-transitional"
            answer = self.knowledge.answers[topic]
            return Turn(advice.specific_answer(answer, self.knowledge), "faq", topic=answer.topic)
        if topic not in self.knowledge.faq and args:
            topic = understand(args, self.knowledge).topic or ""
        if topic in self.knowledge.faq:
            # a topic pressed, not a question typed: "Often, yes." only where its title asks one ("DO match without
            # USMLE?"), not under "Matching with an average"
            asked = self.knowledge.faq[topic].title.endswith("?")
            return Turn(advice.faq_answer(topic, self.knowledge, yes_no=asked), "faq", topic=topic)
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
                # A number too long to be a score is not repeated back, however long it is.
                shown = score if len(str(abs(score))) <= MAX_SCORE_DIGITS else None
                parsed = replace(parsed, intent="invalid_score", score=None, bad_score=shown)
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

    def _target_beside(self, reply: Reply, parsed: Parsed, norm: str) -> Reply:
        """A plan asked for with a target asked too ("plan for jan 24, neuro or psych, what score should i aim for"):
        the fields' averages said first, then the set-up's question."""
        if not parsed.specialties or parsed.score is not None or not asks_target(norm):
            return reply
        specs = [self.knowledge.specialties[s] for s in parsed.specialties if s in self.knowledge.specialties]
        figures = advice.numbers_section(specs, None, self.knowledge)
        return reply.led_by(f"{TARGET_YARDSTICK}\n{figures}") if figures else reply

    # -- study plan ----------------------------------------------------------------

    def _today(self, tz: str) -> dt.date:
        return self.now().astimezone(zone(tz)).date()

    def _hour(self, tz: str) -> int:
        return self.now().astimezone(zone(tz)).hour

    def _plan_command(self, profile: Profile, name: str, text: str) -> Turn:
        """/plan (and study-plan free text), /done, /snooze, /pause, /resume, /stop."""
        plan = profile.plan
        if name == "plan" and profile.draft is not None:
            return self._plan_step(profile, text)  # "/plan days 5": answers the waiting question
        if name == "plan":
            today = self._today(plan.tz if plan else self.default_timezone)
            told = profile.about.exam_date
            outcome = plan_flow.start(
                text,
                today,
                plan,
                self.knowledge,
                default_tz=self.default_timezone,
                now=self.now(),
                remembered_exam=dt.date.fromisoformat(told) if told else None,
            )
            return self._save_plan(profile, outcome)
        if plan is None:
            no_plan = NO_PROGRESS if name == "progress" else NO_PLAN
            return Turn(Reply(no_plan, MAKE_PLAN), "study_plan")
        today = self._today(plan.tz)
        match name:
            case "progress":
                return Turn(progress.progress_reply(plan, today, self.knowledge), "progress")
            case "done":
                count, percent = parse_answers.parse_progress(text.removeprefix("/done"))
                outcome = operations.record_done(plan, today, count, percent, self._hour(plan.tz))
            case "deadline":
                outcome = operations.add_deadline(plan, text.removeprefix("/deadline"), today)
            case "snooze":
                outcome = operations.snooze(plan, self.now())
            case "pause":
                outcome = operations.pause(plan)
            case "resume":
                outcome = operations.resume(plan)
            case _:
                outcome = operations.stop(plan)
        return self._save_plan(profile, outcome)

    def _plan_operation(self, profile: Profile, intent: Intent, text: str, feeling: str | None = None) -> Turn:
        """Free text about one's own plan: the exam moved, progress, days left, a break."""
        plan = profile.plan
        if intent == "log_progress" and parse_answers.did_nothing(text):
            return Turn(Reply(NOTHING_DONE), intent)  # nothing is logged: the streak stays honest
        if plan is None or plan.status not in ("active", "paused"):
            asked = (
                parse_answers.find_exam_date(text, self._today(self.default_timezone))
                if intent == "days_left"
                else None
            )
            if isinstance(asked, dt.date):
                return Turn(self._days_to_remembered_exam(asked.isoformat()), intent)  # "days till april 19?": counted
            if isinstance(asked, str):
                # "exam is monday the 23rd" when the 23rd is a Wednesday: which day, asked, not "I don't know it"
                return Turn(Reply(f"🤔 {escape_text(asked)}", MAKE_PLAN), intent)
            if intent in ("days_left", "exam_moved") and profile.about.exam_date:
                # "pushed my ck back a month, new date 10/22": the new date kept and counted, no plan needed
                return Turn(
                    self._days_to_remembered_exam(profile.about.exam_date, moved=intent == "exam_moved"), intent
                )
            if intent == "exam_moved":
                return Turn(Reply(MOVED_NO_DATE, MAKE_PLAN), intent)  # "pushed my exam 3 weeks": the new date, please
            if intent == "log_progress":
                low = feeling not in (None, "celebration", "relief") or low_day(normalize(text))  # "55% ugh"
                return Turn(_progress_without_plan(text, low=low), intent)
            if intent == "plan_break":
                return Turn(self._rest_without_a_plan(text), intent)  # "should i take a day off before the exam"
            return Turn(Reply(NO_DATE if intent == "days_left" else NO_PLAN, MAKE_PLAN), intent)
        today = self._today(plan.tz)
        match intent:
            case "exam_moved":
                found = parse_answers.find_exam_date(text, today)
                if not isinstance(found, dt.date):
                    reason = found or "I didn't catch the new date."
                    ask = f"🤔 {reason} What's the new exam date? e.g. “feb 22”."
                    edit = ((Button("📅 Change the exam date", "/plan edit exam"),),)
                    return Turn(Reply(escape_text(ask), edit), intent)
                outcome = operations.move_exam(plan, found, today, self.knowledge)
            case "log_progress":
                count, percent = parse_answers.parse_progress(text)
                outcome = operations.record_done(plan, today, count, percent, self._hour(plan.tz))
            case "days_left":
                outcome = operations.days_left_reply(plan, today)
            case _:
                outcome = operations.offer_break(plan, today, _one_day_off(text, today))
        # An operation never starts or ends a set-up: one in progress stays as it was.
        return replace(self._save_plan(profile, replace(outcome, draft=profile.draft)), intent=intent)

    def _rest_without_a_plan(self, text: str) -> Reply:
        """A day off asked with no plan: the bank's answer on rest days, or, the day before the exam, its last days'
        advice (light review, ID and route, sleep); then that there is no plan to pause."""
        before_the_exam = _BEFORE_THE_EXAM_RE.search(normalize(text)) is not None
        ident = FINAL_DAYS_ANSWER if before_the_exam else REST_DAYS_ANSWER
        answer = self.knowledge.answers.get(ident)
        if answer is None:
            return Reply(NO_PLAN, MAKE_PLAN)
        reply = advice.specific_answer(answer, self.knowledge, [], None)
        buttons = ((EXAM_DAY_BUTTON,),) if before_the_exam else MAKE_PLAN
        return replace(reply, buttons=buttons).noted(REST_WITHOUT_A_PLAN)

    def _days_to_remembered_exam(self, exam_date: str, *, moved: bool = False) -> Reply:
        """Days until the exam date a student mentioned, when they have no plan to count from (`moved`: a new date)."""
        exam = dt.date.fromisoformat(exam_date)
        days = (exam - self._today(self.default_timezone)).days
        when = formatting.fmt_day(exam, year=True)
        if days < 0:
            text = f"The exam date you mentioned, {when}, has passed. Send /plan with your new date."
        else:
            count = "It's today" if days == 0 else f"<b>{days}</b> day{'s' if days != 1 else ''} to go"
            said = "noted as your new date" if moved else "as you told me"
            text = f"🗓 {count}: your exam is on {when}, {said}. A /plan would spread the work over those days."
        return Reply(text, MAKE_PLAN)

    def _set_up_put_away(self, user_id: int, turn: Turn) -> Turn:
        """The turn, with the waiting set-up put away: the exam it was for is behind the student ("finally done with
        ck", "passed!!"), so its next question would no longer fit."""
        current = self.profiles.get(user_id)
        if current.draft is not None:
            self.profiles.save_changes(current, replace(current, draft=None))
        note = "<i>I've put the study plan set-up away, since the exam is behind you.</i>"
        return replace(turn, reply=turn.reply.noted(note))

    def _plan_step(self, profile: Profile, text: str) -> Turn:
        """A command that answers the waiting set-up question ("/plan days 5")."""
        setup = self._setup_outcome(profile, text)
        assert setup is not None  # noqa: S101  # only called while a set-up waits
        return self._save_plan(profile, setup)

    def _save_plan(self, profile: Profile, outcome: model.PlanOutcome) -> Turn:
        """Store the draft and plan an outcome leaves, in one write."""
        new_plan = outcome.plan if outcome.plan is not None else profile.plan
        updated = replace(profile, draft=outcome.draft, plan=new_plan)
        if updated != profile:
            self.profiles.save_changes(profile, updated)
        return Turn(outcome.reply, "study_plan", plan_changed=new_plan != profile.plan)

    def _stats(self) -> Reply:
        """Counts only, for admins: no one's data is shown."""
        profiles = list(self.profiles.all())
        plans_by_status: dict[str, int] = {}
        for profile in profiles:
            if profile.plan:
                status = profile.plan.status
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


Handler = Callable[["Advisor", Profile, str, bool], Turn]
"""A command's handler: (advisor, profile, the command's words, in a private chat?) -> the turn."""


def _plan_handler(name: str) -> Handler:
    return lambda a, p, args, private: a._plan_command(p, name, f"/{name} {args}".strip())


def _data_handler(name: str) -> Handler:
    return lambda a, p, args, private: a._data_command(p, name, args, private=private)


_HANDLERS: dict[str, Handler] = {
    "start": lambda a, p, args, private: a._start(p, args, private=private),
    "help": lambda a, p, args, private: Turn(advice.help_reply(), "help"),
    "specialties": lambda a, p, args, private: Turn(
        advice.specialties_table(a.knowledge), "average", specialties=tuple(a.knowledge.specialties)
    ),
    **{name: _data_handler(name) for name in ("average", "score", "compare")},
    "chart": lambda a, p, args, private: a._chart(p, args),
    "faq": lambda a, p, args, private: a._faq(args),
    "calendar": lambda a, p, args, private: a._calendar(p, private=private),
    "forget": lambda a, p, args, private: a._forget(p.user_id, args),
    "stats": lambda a, p, args, private: Turn(a._stats(), "stats"),
    **{name: _plan_handler(name) for name in PLAN_COMMANDS if name != "calendar"},
}
"""What each command in `bot.commands.COMMANDS` runs (a test holds the two to the same names).
Group chats never reach a plan or memory handler (`Advisor._command`)."""


def _work_beside_results(parsed: Parsed, text: str) -> bool:
    """Questions done or a percent told beside practice results ("nbme 11 238, and 80 qs at 70%"); a count
    that is one of the results ("went from 231 to 226 today") is the result, not 226 questions."""
    done, percent = parse_answers.parse_progress(text)
    results = {p.score for p in parsed.practice}
    return percent is not None or (done is not None and done not in results)


def _before_set_up(
    reply: Reply,
    parsed: Parsed,
    profile: Profile,
    norm: str,
    today: dt.date | None = None,
    text: str = "",
    *,
    asks_date: bool = False,
    days_kept: bool = False,
) -> Reply:
    """What the plan set-up's first question says first: a feeling that weighs ("I cried in the library...
    make me a plan"), the pace they asked for, then how nudges work when more were asked for, or that none
    exist yet to change (`days_kept`: the study days were read from the message, so they won't be asked)."""
    if parsed.feeling in interpret.LISTENED_TO:
        reply = talk.with_feeling(reply, parsed)
    pace = parse_answers.questions_per_day(text, today) if today is not None and text else None
    if pace is not None:
        reply = reply.led_by(plan_flow.pace_line(*pace))
    elif asks_daily_count(norm):
        reply = reply.led_by(HOW_MANY_A_DAY)  # "38 days out, how many qs a day?": their count, divided, is the answer
    elif asks_date and no_date_yet(norm):
        reply = reply.led_by(NO_DATE_YET)  # "no date yet but remind me daily": a target date is enough
    elif asks_date and stage_of(parsed, profile.about, norm, today) == "preclinical":
        reply = reply.led_by(FAR_OFF)  # "MS2, can you make me a long-term plan": the nudges are for the last weeks
    if life_around_study(norm):
        # "I work 40 hrs/week, two kids": the plan fits them, said first
        reply = reply.led_by(AROUND_YOUR_LIFE_DAYS_KEPT if days_kept else AROUND_YOUR_LIFE)
    if parsed.status == "failed" or parsed.retake_booked:
        # their own CK fail told ("failed ck, retake in 8 weeks, i need a totally different plan"), or a retake booked:
        # not a fail feared ("i really don't want to fail") or another's. Sorry said once, and only for news
        sorry = parsed.status == "failed" and not parsed.retake_booked and not reply.feeling
        reply = reply.led_by(f"{SORRY_FIRST_ATTEMPT} {RETAKE_PLAN}" if sorry else RETAKE_PLAN)
    if wants_one_off_reminder(norm):
        return reply.led_by(NO_ONE_OFF)  # "remind me tomorrow at 6am to take uwsa2": what the nudges can do
    if wants_several_nudges(norm):
        return reply.led_by(ONE_NUDGE_A_DAY)
    if wants_fewer_nudges(norm):
        return reply.led_by(FEWER_NUDGES)  # "weekly reminders instead of daily": how to hear from us less
    # "can u change my reminder from 8am to 10am" with none yet: said so; "reminders at 7am pls" asks for them
    if (
        profile.plan is None
        and changes_reminders(norm)
        and _CHANGE_SAID_RE.search(norm)
        and not _SETTING_UP_RE.search(norm)
    ):
        return reply.led_by(NO_REMINDERS_YET)
    if profile.plan is None and wants_reminders(norm) and not asks_for_plan(norm):
        # "can u ping me daily": why questions come back; said plainly, not cheerfully, beside a hard feeling
        plain = parsed.feeling in _LOW_FEELINGS or distress_words(norm)  # "i have a plan to end it... reminders"
        return reply.led_by(REMINDERS_WITH_A_PLAN if plain else REMINDERS_COME_WITH_A_PLAN)
    return reply


TARGET_YARDSTICK = "For a target, the field's average is a fair yardstick; it's a middle, not a cut-off."
NO_RELEASE_PING = (
    "I can't see USMLE's release, so I can't ping you the day your score drops; my reminders follow a study plan. "
    "Here's when to look instead:"
)
MOVED_NO_DATE = (
    "Got it, your exam moved. Tell me the new date (“my exam is March 3”) and I'll count the days with you, "
    "or send /plan to build a plan around it."
)
GOOD_PERCENT = 65
"""A question-bank percentage from here is praised even when they feel low ("71%, tired but ok")."""


NO_REMINDERS_TO_STOP = (
    "You have no reminders running right now, so there's nothing to stop. Take the break you need: "
    "whenever you want nudges again, /plan sets them up."
)
HOW_MANY_A_DAY = (
    "How many a day is the questions you have left divided by your study days. Once we have your exam date, "
    "tell me your count (“2,400 left”) and I'll work it out."
)
FAR_OFF = (
    "With Step 2 CK still a way off, the plan works best for the weeks before your exam. Give me the date you're "
    "aiming for, even a rough one, and move it with /plan when it's booked."
)
NO_DATE_YET = (
    "No date booked yet is fine: give me the date you're aiming for, and change it with /plan once it's booked."
)
NO_REMINDERS_YET = "You don't have reminders set up yet, so there's none to change: a plan is how they come."
SORRY_FIRST_ATTEMPT = "I'm sorry the first attempt didn't go your way."
RETAKE_PLAN = (
    "A retake plan works best built around the weakest areas on your score report, with a self-assessment early on so "
    "you can see the change."
)
NO_ONE_OFF = (
    "I can't set a one-off reminder for a single day or task. What I do is one nudge on each study day, at the time "
    "you choose, as part of your plan."
)
AROUND_YOUR_LIFE = (
    "We'll build this around the rest of your life: when I ask how many days a week, count only the days you can "
    "really study, and you can pause or take a day off any time without losing the plan."
)
AROUND_YOUR_LIFE_DAYS_KEPT = (
    "We'll build this around the rest of your life: you can pause or take a day off any time without losing the plan."
)
"""The same, once the study days were read from the message: no days question is coming."""
_CHANGE_SAID_RE = re.compile(
    r"\b(?:change|move|switch|update|edit|reschedule|push|earlier|later|instead|anymore)\b|\btoo (?:early|late)\b"
)
"""A change of reminders said in words, not only a time given for them."""
_SETTING_UP_RE = re.compile(
    r"\bset\b(?!\s+(?:back|later|earlier))"
    r"|\b(?:want|need|like|love|have|get|give me|send me|some)\b(?:\s+\w+){0,2}?\s+(?:reminders?|nudges?)\b"
)
"""With no reminders yet, "set a reminder for 7am" or "i want daily reminders at 7am" asks for one: nothing to
change."""
REMINDERS_COME_WITH_A_PLAN = (
    "Happy to nudge you! Reminders come with a study plan, so they fit your exam date and the days you study."
)
REMINDERS_WITH_A_PLAN = "Reminders come with a study plan, so they fit your exam date and the days you study."
_LOW_FEELINGS = frozenset(
    {"stress", "panic", "worry", "exhaustion", "failure", "shame", "disappointment", "frustration"}
)
"""Feelings beside which "Happy to nudge you!" would sound cheerful."""
FEWER_NUDGES = (
    "Nudges come on the study days you choose. If you'd rather hear from me less, /pause stops them any time "
    "and a weekly summary still comes on your summary day; if a few go unanswered, I ease off on my own."
)
ONE_NUDGE_A_DAY = (
    "I send one nudge on each study day, at the time you choose; you can log work with /done as often as you "
    "like in between."
)
NOTHING_DONE = (
    "A day without questions happens, and a long rotation day or feeling unwell is a real reason. I haven't "
    "logged anything for today; rest if you need it, and pick it up again tomorrow."
)


_ONE_DAY_RE = re.compile(r"\b(?:today|tonight|tomorrow|tmrw|tmr)\b")
_MORE_DAYS_RE = re.compile(
    r"\b(?:weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
)


def _one_day_off(text: str, today: dt.date) -> dt.date | None:
    """The one day a break asked for names ("no reminders today", "day off tomorrow"), else None (the weekend)."""
    norm = normalize(text)
    said = _ONE_DAY_RE.search(norm)
    if said is None or _MORE_DAYS_RE.search(norm):
        return None  # "no reminders this weekend pls, tomorrow i travel": the weekend asked for
    return today if said.group() in ("today", "tonight") else today + dt.timedelta(days=1)


def _progress_without_plan(text: str, *, low: bool = False) -> Reply:
    """Work reported with no plan to log it in: the work acknowledged first, then where a log would live.

    `low`: they feel bad about it ("feel so dumb after today's block. 48%"), so no "good work" after the comfort.
    """
    count, percent = parse_answers.parse_progress(text)
    did = f"{count} questions" if count else ""
    if percent is not None:
        did = f"{did} at {percent}%" if did else f"{percent}% correct"
    if low and (percent is None or percent < GOOD_PERCENT):
        praise = f"{did} still counts: every block shows you where to look next." if did else "It still counts."
        praise = praise[:1].upper() + praise[1:]
    else:
        praise = f"💪 {did}: good work." if did else "💪 Good work."
    return Reply(
        f"{praise} I keep a log, a streak and a progress chart inside a study plan, and you don't have one "
        "yet. /plan sets one up in a minute, and I'll count from there.",
        MAKE_PLAN,
    )


def _without_plan_button(reply: Reply) -> Reply:
    if not any(b.action == "/plan" for row in reply.buttons for b in row):
        return reply
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
        tuple(dict.fromkeys((*parsed.specialties, *parsed.other_specialties))),  # every one named
        parsed.topic,
        feeling=parsed.feeling,
        profile=recognised(parsed),
    )
