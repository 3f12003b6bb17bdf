"""The Telegram transport: PTB Application, handlers, keyboards, error handler.

Thin on purpose: every message, command and button press becomes text for
`Advisor.handle`, and every `Reply` goes back out through `send_reply`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import logging
import re
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

from aiolimiter import AsyncLimiter
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputFile,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import Forbidden, InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot import commands, quick_re, timezones
from bot.aiohttp_request import AiohttpRequest
from bot.charts import render_png
from bot.commands import WHOLE_STORE_COMMANDS
from bot.config import FREE_RATE, Settings
from bot.conversation import COMMAND, Advisor, Turn, command_name
from bot.group_commit import GroupCommit
from bot.inline import InlineAnswer, answer_inline
from bot.logging_setup import configure_logging
from bot.nudges import Nudger, workers_for
from bot.profiles import ProfileStore
from bot.render import TELEGRAM_CAPTION_LIMIT, cut_to, plain_text, split_html, telegram_length
from bot.reply import Reply
from bot.storage import StoreError
from bot.understand import preload
from bot.user_store import StoreUnavailable, open_store
from knowledge import Knowledge

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
NOT_TEXT = "I can only read text for now. Try “avg for derm” or /help."
GONE = "That message is too old for me to answer here. Send /start for a fresh menu."
STORE_AWAY = "I can't reach my memory right now, so I didn't take that in. Please try again in a minute."
"""When a turn can't be made durable (the database is unreachable): nothing of it was kept."""


CONCURRENT_UPDATES = 64
"""Updates handled at once. Turns waiting for their memory write to reach the disk share
one fsync (see GroupCommit): at 8 in flight about 2.5 writes shared each, at 64 about 15,
and the fsyncs saved took about a tenth off the bot's CPU per message under load. aiohttp
keeps a connection per send in flight and costs nothing per idle one."""


UNBOUNDED = 1 << 30

GC_YOUNG_THRESHOLD = 10_000
"""New container objects between young-generation collections (Python's default: 700).
Each message makes thousands of short-lived objects that reference counting frees; at 700
the cyclic collector still ran every few messages, for 2-4% of the bot's CPU under load."""

PLACES_WARM_UP_DELAY = 5.0
"""Seconds after start-up before the time-zone place indexes are built in a worker thread."""

PLACES_READY = "time-zone place index ready"
"""Logged (at INFO) once the place index is built; until then turns run in worker threads."""


class PerUserOrder(BaseUpdateProcessor):
    """Process updates concurrently across users, but one user's updates in order.

    PTB starts update tasks in arrival order and asyncio locks are fair, so each
    user's updates take that user's lock in the order they came in.
    """

    def __init__(self, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        # PTB takes its own semaphore before our per-user lock (process_update is final),
        # so an update waiting behind the same user's earlier ones would hold a slot. Its
        # limit is set out of reach; the real one is ours, taken once the user's turn comes.
        super().__init__(UNBOUNDED)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: defaultdict[int | None, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._waiting: defaultdict[int | None, int] = defaultdict(int)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update's handlers while holding its user's lock and one of the slots."""
        key = update.effective_user.id if isinstance(update, Update) and update.effective_user else None
        self._waiting[key] += 1
        try:
            async with self._locks[key], self._slots:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # forget idle users so the dicts don't grow forever
                del self._waiting[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard; the action travels as callback_data."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row] for row in reply.buttons]
    )


async def send_reply(bot: Bot, chat_id: int, reply: Reply, knowledge: Knowledge, *, paid: bool = False) -> None:
    """Send a Reply: a chart as a photo with its caption, text split to Telegram's limit.

    Text goes out through PTB's plain API call rather than `send_message`, which builds the
    keyboard as objects and parses Telegram's answer back into a Message: nothing here reads
    it, and the two were a quarter of the bot's CPU per message. PTB's errors, retries and
    rate limiter apply all the same. `paid` sends with allow_paid_broadcast (nudges, when
    TELEGRAM_PAID_BROADCAST is on).
    """
    if reply.document is not None:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        fits = telegram_length(reply.html) <= TELEGRAM_CAPTION_LIMIT
        document = InputFile(reply.document.data, filename=reply.document.filename)
        await bot.send_document(
            chat_id,
            document,
            caption=reply.html if fits else cut_to(plain_text(reply.html), TELEGRAM_CAPTION_LIMIT),
            parse_mode=ParseMode.HTML if fits else None,
            reply_markup=keyboard(reply),
        )
        return
    if reply.chart is not None:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
        png = await asyncio.to_thread(render_png, reply.chart, knowledge)
        fits = telegram_length(reply.html) <= TELEGRAM_CAPTION_LIMIT
        caption = reply.html if fits else cut_to(plain_text(reply.html), TELEGRAM_CAPTION_LIMIT)
        paid_broadcast = True if paid else None  # None leaves the parameter out of the request
        await bot.send_photo(
            chat_id,
            png,
            caption=caption,
            parse_mode=ParseMode.HTML if fits else None,  # the shortened caption is plain text
            reply_markup=keyboard(reply),
            allow_paid_broadcast=paid_broadcast,
        )
        return
    base: dict[str, Any] = {"chat_id": chat_id, "parse_mode": ParseMode.HTML.value, "link_preview_options": NO_PREVIEW}
    if paid:
        base["allow_paid_broadcast"] = True
    parts = split_html(reply.html)
    for i, part in enumerate(parts):
        kwargs = {**base, "text": part}
        if reply.buttons and i == len(parts) - 1:
            rows = [[{"text": b.label, "callback_data": b.action} for b in row] for row in reply.buttons]
            kwargs["reply_markup"] = {"inline_keyboard": rows}
        await bot.do_api_request("sendMessage", api_kwargs=kwargs)


NO_PREVIEW_OPTIONS = LinkPreviewOptions(is_disabled=True)
"""The link preview options every reply is sent with."""
NO_PREVIEW = NO_PREVIEW_OPTIONS.to_dict()
"""The same, as the plain API call takes it."""

# PTB suggests send_message whenever do_api_request names a method it has; send_reply
# means to (see its docstring), so that one suggestion is silenced, and nothing else.
warnings.filterwarnings("ignore", r"Please use 'Bot\.sendMessage' instead", PTBUserWarning)


def addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The text meant for us, or None when a group message is not addressed to the bot."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    command = COMMAND.match(text)
    if command:
        target = text.split(maxsplit=1)[0].partition("@")[2]
        return text if not target or target.lower() == bot_username.lower() else None
    # The username as a whole word: "@<name>fan club" and "hi@<name>" are not for us.
    mention = re.search(rf"(?<![\w@])@{re.escape(bot_username)}(?!\w)", text, re.IGNORECASE)
    if mention:
        return (text[: mention.start()] + text[mention.end() :]).strip()
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.id == bot_id:
        return text
    return None


class Handlers:
    """The bot's handlers, sharing one advisor."""

    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor
        self.commit = GroupCommit(advisor.profiles)
        """Turns and nudges write the store on the loop and share their fsyncs."""
        self.nudger: Nudger | None = None
        """Set in post_init, once the JobQueue and the event loop exist."""

    async def advise(self, user_id: int, text: str, turn: Callable[[], Turn]) -> Turn:
        """Run the advisor's turn for `text` (a message or a button's action); return once what
        it wrote to the user's memory is durable.

        Most turns are plain computing (about a millisecond at most) plus perhaps a journal
        line, so they run on the loop, and only the fsync goes to a thread. These run in a
        worker thread instead: any turn in the first seconds after start, while the time-zone
        place index may not be built yet (building it takes about a second), and the commands
        that touch every student's record (/forget rewrites the store file, /stats counts it).
        """
        store = self.advisor.profiles

        # With PostgreSQL the whole turn is one transaction holding the student's lock (see run_turn).
        def whole() -> Turn:
            return store.run_turn(user_id, turn)

        if command_name(text) in WHOLE_STORE_COMMANDS or not timezones.ready():
            return await asyncio.to_thread(whole)
        return await self.commit.run(whole)

    async def handle(self, user_id: int, text: str, private: bool) -> Turn:
        """A message's turn (see `advise`)."""
        return await self.advise(user_id, text, lambda: self.advisor.handle(user_id, text, private=private))

    async def answer(self, bot: Bot, chat_id: int, user_id: int, turn: Turn) -> None:
        """Send a turn's reply, and reschedule nudges when it changed the study plan."""
        if turn.plan_changed and self.nudger is not None:
            self.nudger.schedule(user_id)
        await send_reply(bot, chat_id, turn.reply, self.advisor.knowledge)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Free text and commands: straight to the advisor."""
        message = update.effective_message
        user = update.effective_user
        if message is None or user is None:
            return
        text = addressed_text(message, context.bot.username, context.bot.id)
        if text is None:
            return
        private = message.chat.type == ChatType.PRIVATE
        turn = await self.handle(user.id, text, private)
        await self.answer(context.bot, message.chat_id, user.id, turn)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice and the like: a friendly pointer, in private chats only."""
        message = update.effective_message
        if message is not None and message.chat.type == ChatType.PRIVATE:
            await context.bot.send_message(message.chat_id, NOT_TEXT)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A pressed inline button runs its action through the advisor; every query is answered.

        Every button the bot makes carries a command (see `bot.reply.Button`), so there is
        one road for all of them: `Advisor.press`, which also answers buttons from older
        messages, kindly, when what they did no longer applies.
        """
        query = update.callback_query
        if query is None:
            return
        if query.message is None:  # Telegram no longer has the message: nowhere to reply
            await query.answer(GONE)
            return
        await query.answer()
        action = query.data or ""
        chat = query.message.chat
        private = chat.type == ChatType.PRIVATE
        user_id = query.from_user.id
        turn = await self.advise(user_id, action, lambda: self.advisor.press(user_id, action, private=private))
        if action.startswith("/forget "):
            # Confirming or declining: replace the question, so its buttons can't be pressed twice.
            if turn.plan_changed and self.nudger is not None:
                self.nudger.schedule(query.from_user.id)
            await query.edit_message_text(
                turn.reply.html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW_OPTIONS
            )
            return
        await self.answer(context.bot, chat.id, query.from_user.id, turn)

    async def on_inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An inline query ("@bot derm" typed in any chat): articles to post, from the query alone.

        Read and answered on the loop (about a millisecond: the same understanding and advice
        as a message, with no store access), so the answer goes out at once. Nothing
        of the query is stored or logged, and no stored memory is used.
        """
        query = update.inline_query
        if query is None:
            return
        found = answer_inline(query.query, self.advisor.knowledge)
        await query.answer(
            inline_results(found),
            # The results depend on the query's text alone, never on who asks: Telegram may serve
            # them to anyone who types the same words (is_personal=False), and keep them for an
            # hour, since the figures change only when the knowledge files do (and the bot restarts).
            cache_time=INLINE_CACHE_SECONDS,
            is_personal=False,
            button=InlineQueryResultsButton(found.button, start_parameter=found.start_parameter),
        )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log with context (never the token) and apologise where a reply is possible."""
        user = update.effective_user.id if isinstance(update, Update) and update.effective_user else None
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s from user %s failed", update_id, user, exc_info=context.error)
        if isinstance(context.error, Forbidden) or not isinstance(update, Update):
            return  # a blocked user can't be answered; retrying would only fail again
        chat = update.effective_chat
        if chat is None:
            return
        try:
            await context.bot.send_message(
                chat.id, STORE_AWAY if isinstance(context.error, StoreUnavailable) else APOLOGY
            )
        except TelegramError:
            log.warning("could not send the apology to chat %s", chat.id)


INLINE_CACHE_SECONDS = 3600
"""How long Telegram may keep an inline query's results (see `Handlers.on_inline`)."""


def inline_results(found: InlineAnswer) -> list[InlineQueryResultArticle]:
    """The core's articles as Bot API results: each posts its HTML, without a link preview."""
    return [
        InlineQueryResultArticle(
            id=article.id,
            title=article.title,
            description=article.description,
            input_message_content=InputTextMessageContent(
                article.html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW_OPTIONS
            ),
        )
        for article in found.articles
    ]


def file_url(base_url: str) -> str:
    """The Bot API file URL that goes with a base URL (".../bot" -> ".../file/bot")."""
    root = base_url.removesuffix("/").removesuffix("bot")
    return f"{root}file/bot"


TOKEN_REJECTED = "Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather and update .env."  # noqa: S105  # a message
REVOKED = "token_revoked"
"""bot_data key set when getUpdates answered 401 while running."""
POLLING_TASK = "Updater:start_polling:polling_task"
"""The name PTB gives its polling task."""
_watchers: set[asyncio.Task[None]] = set()
"""Keeps the watcher task referenced (asyncio holds tasks only weakly)."""


async def _stop_on_revoked_token(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Stop the application when polling ends on InvalidToken.

    PTB's polling loop gives up on a 401 and its task ends, but the application stays
    up answering nothing, so a service manager never notices. This notices instead.
    """
    updater = app.updater
    assert updater is not None  # noqa: S101  # started only when polling
    # run_polling starts the application once start_polling has returned, so by then the
    # polling task exists, or has already ended: a 401 can come within milliseconds. (PTB
    # has no hook after start to wait on, hence the look every 0.2 s.)
    while True:
        await asyncio.sleep(0.2)
        if app.running:
            break
    task = next((t for t in asyncio.all_tasks() if t.get_name() == POLLING_TASK), None)  # unfinished ones only
    if task is not None:
        await asyncio.wait([task])
    if not updater.running:  # Updater.stop() marks it stopped before ending the task: a shutdown
        return
    # Stopping the updater awaits the ended task, which raises what ended it again. Do it
    # here, where that is expected, so the application then stops and shuts down cleanly.
    try:
        await updater.stop()
    except InvalidToken:
        app.bot_data[REVOKED] = True
        app.stop_running()


async def _post_init(
    app: Application[Any, Any, Any, Any, Any, Any],
    handlers: Handlers,
    rate: float,
    paid: bool,
    lease: dt.timedelta = dt.timedelta(seconds=60),
) -> None:
    """Start-up work: the command menu, then every study plan scheduled again (with PostgreSQL,
    nothing is restored: due nudges are claimed from the database as they fall due)."""
    await app.bot.set_my_commands([BotCommand(name, text) for name, text in commands.menu()])
    if app.updater is not None:
        _watchers.add(asyncio.get_running_loop().create_task(_stop_on_revoked_token(app)))
    advisor = handlers.advisor
    assert app.job_queue is not None  # noqa: S101  # the job-queue extra is a dependency

    async def send(user_id: int, reply: Reply) -> None:
        await send_reply(app.bot, user_id, reply, advisor.knowledge, paid=paid)

    store = advisor.profiles
    nudger: Nudger
    if not isinstance(store, ProfileStore):  # PostgreSQL: due nudges are claimed, shared with other workers
        from bot.pg_store import PostgresStore
        from bot.shared_nudges import SharedNudger

        assert isinstance(store, PostgresStore)  # noqa: S101  # the only other backend
        nudger = SharedNudger(
            store,
            advisor.knowledge,
            app.job_queue,
            send,
            rate=rate,
            now=advisor.now,
            commit=handlers.commit,
            lease=lease,
        )
    else:
        nudger = Nudger(store, advisor.knowledge, app.job_queue, send, now=advisor.now, commit=handlers.commit)
    nudger.start(workers_for(rate))
    handlers.nudger = nudger
    log.info("restored %d study plan(s)", nudger.restore())
    # The understanding model (numpy, about 0.2 s) loads in the background from here, while PTB
    # starts polling: loaded from the first line of start-up, it took the core from the restore.
    # A message that comes first waits for it (bot.understand.model).
    preload()
    if not gc.isenabled():  # run() paused collection for start-up: see there
        gc.freeze()
        gc.enable()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # The place indexes for the time-zone question take a second or so to build. Built a few
    # seconds after start, off the loop, they are ready before a student's first answer
    # without slowing start-up itself.
    loop = asyncio.get_running_loop()
    # So are the understanding patterns' pre-checks (bot/quick_re.py), which would add 0.3 s to start-up.
    loop.call_later(PLACES_WARM_UP_DELAY, lambda: loop.run_in_executor(None, _warm_up))


def _warm_up() -> None:
    """Build the time-zone place index and the patterns' pre-checks, then take their objects out of the cyclic GC's
    walks."""
    started = time.perf_counter()
    try:
        quick_re.prepare()
        timezones.warm_up()
    except Exception:  # the first time-zone answer will try again; turns stay in worker threads
        log.exception("building the time-zone place index or the patterns' pre-checks failed")
        return
    # Hundreds of thousands of objects that live as long as the process: left in the GC's
    # generations, every middle-generation collection walked them again (4 ms each, 5% of
    # the bot's CPU under load). Freezing also keeps whatever else is alive now, for good.
    gc.freeze()
    log.info("%s in %.2f s", PLACES_READY, time.perf_counter() - started)


async def _post_stop(handlers: Handlers) -> None:
    # After updates stop but before the Bot closes its HTTP client: sends under way can finish.
    if handlers.nudger is not None:
        await handlers.nudger.stop()


def _smooth(rate: float) -> tuple[float, float]:
    """A limiter's (max_rate, time_period) for `rate` per second in bursts of a quarter second.

    Telegram (and the loopback server) count with a bucket of their own; a full second's
    burst from ours would drain theirs, and the least jitter would then earn a 429 and a
    pause. Some burst is still needed: it makes up for timer wake-ups that come late.
    """
    burst = max(1.0, rate / 4)
    return burst, burst / rate


MAX_429_RETRIES = 3
"""How often PTB's rate limiter retries a send Telegram answered 429, each after its retry_after."""


class RateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, with paid-broadcast sends held to our rate too.

    PTB lets every allow_paid_broadcast send through its own limiter, fixed at 1,000/s in
    bursts of a whole second; ours smooths them like the free ones, at TELEGRAM_RATE_LIMIT.

    This is the bot's only retry of a 429 (Too Many Requests). It is the one layer every
    send goes through, replies and nudges alike, and on a 429 it holds all of them until
    Telegram's retry_after has passed, which is what Telegram asks: a retry further up
    (the nudger) would wait for one send while the others kept drawing 429s.
    """

    def __init__(self, free_rate: float, paid_rate: float) -> None:
        max_rate, period = _smooth(free_rate)
        super().__init__(overall_max_rate=max_rate, overall_time_period=period, max_retries=MAX_429_RETRIES)
        # PTB 22 keeps the paid-broadcast limiter in this attribute (pinned to <23 in pyproject).
        self._apb_limiter = AsyncLimiter(*_smooth(paid_rate))


def http_requests(settings: Settings) -> tuple[AiohttpRequest, AiohttpRequest] | None:
    """The HTTP layer for sends and for getUpdates; None for PTB's own (httpx)."""
    if settings.telegram_request != "aiohttp":
        return None
    # PTB's own timeouts; getUpdates gets its own session, as PTB gives it its own client.
    return AiohttpRequest(), AiohttpRequest(connection_pool_size=1)


def build_application(
    settings: Settings, advisor: Advisor, requests: tuple[AiohttpRequest, AiohttpRequest] | None = None
) -> Application[Any, Any, Any, Any, Any, Any]:
    """Wire the PTB Application: HTTP layer, rate limiting, per-user ordering, handlers."""
    handlers = Handlers(advisor)
    assert settings.telegram_bot_token is not None  # noqa: S101  # checked by the caller
    warning = settings.rate_limit_warning()
    if warning:
        log.warning(warning)
    # Telegram's limit is per bot: each of BOT_WORKERS processes keeps to its share of it.
    rate, paid = settings.telegram_rate_limit / settings.bot_workers, settings.telegram_paid_broadcast
    lease = dt.timedelta(seconds=settings.nudge_lease_seconds)
    # Paid broadcast lifts the limit for nudges only; replies stay within Telegram's free rate.
    limiter = RateLimiter(free_rate=min(rate, FREE_RATE / settings.bot_workers) if paid else rate, paid_rate=rate)
    # No PTB Defaults: each HTML send names its parse mode. Defaults make PTB check every argument of
    # every request, getUpdates included, against six kinds of value: 1% of a message's work.
    builder = ApplicationBuilder()
    requests = requests or http_requests(settings)
    if requests:
        builder = builder.request(requests[0]).get_updates_request(requests[1])
    if settings.bot_mode == "webhook":
        builder = builder.updater(None)  # updates come from our own server (bot/webhook.py)
    app = (
        builder.token(settings.telegram_bot_token.get_secret_value().strip())
        .base_url(settings.telegram_base_url)
        .base_file_url(file_url(settings.telegram_base_url))
        .rate_limiter(limiter)
        .concurrent_updates(PerUserOrder())
        .post_init(lambda app: _post_init(app, handlers, rate, paid, lease))
        .post_stop(lambda app: _post_stop(handlers))
        .build()
    )
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, handlers.on_text))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT, handlers.on_other))
    app.add_handler(CallbackQueryHandler(handlers.on_button))
    app.add_handler(InlineQueryHandler(handlers.on_inline))
    # Edited messages and other update types need no answer; with no handler they pass quietly.
    app.add_error_handler(handlers.on_error)
    return app


async def _close_requests(requests: tuple[AiohttpRequest, AiohttpRequest]) -> None:
    await asyncio.gather(*(request.shutdown() for request in requests))


def run(settings: Settings, knowledge: Knowledge) -> int:
    """Run the bot until interrupted; returns the process exit code."""
    configure_logging(settings)
    if settings.bot_mode == "webhook" and not (settings.webhook_url and settings.webhook_secret):
        print("BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET: see .env.example.", file=sys.stderr)
        return 2
    # Loading the store and restoring plans make millions of objects that live as long as the
    # process; the cyclic GC would walk them again and again meanwhile (half the load time at
    # 100,000 students). _post_init freezes them out of later collections and turns it back on.
    gc.disable()
    try:
        store = open_store(settings.database, settings.bot_data_dir, knowledge)
    except StoreError as err:
        print(f"The user store can't be opened: {err}", file=sys.stderr)
        return 2
    advisor = Advisor(knowledge, store, default_timezone=settings.default_timezone, admin_ids=settings.admin_ids)
    requests = http_requests(settings)
    app = build_application(settings, advisor, requests)
    try:
        if settings.bot_mode == "webhook":
            assert settings.webhook_url and settings.webhook_secret  # noqa: S101  # checked above
            from bot import webhook  # aiohttp's server loads only for webhooks

            webhook_run = webhook.run(
                app,
                url=settings.webhook_url,
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                path=urlparse(settings.webhook_url).path,
                secret=settings.webhook_secret.get_secret_value(),
                shared_port=settings.database is not None,  # several workers (see bot/webhook.py)
            )
            asyncio.run(webhook_run)
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        # A token refused at start fails PTB's initialize, so its shutdown skips the HTTP
        # sessions; close them here, or aiohttp complains about them after our last line.
        if requests:
            asyncio.run(_close_requests(requests))
        # PTB's own message repeats the token: say what to fix instead.
        print(TOKEN_REJECTED, file=sys.stderr)
        return 2
    finally:
        store.close()
    if app.bot_data.get(REVOKED):
        print(TOKEN_REJECTED, file=sys.stderr)
        return 2
    return 0
