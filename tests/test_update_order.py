"""Updates from different users run concurrently; one user's stay in order."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.telegram_app import PerUserOrder
from tests.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.e2e  # the real PTB Application, polling the loopback Bot API

HOLD = 0.3


async def poll_until(app: Application[Any, Any, Any, Any, Any, Any], done: asyncio.Event) -> None:
    """Run `app` against the fake server until `done` is set."""
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await asyncio.wait_for(done.wait(), timeout=10)
        await app.updater.stop()
        await app.stop()


async def test_per_user_order_with_cross_user_concurrency() -> None:
    events: list[tuple[str, int, str]] = []
    running = 0
    peak = 0
    all_done = asyncio.Event()

    async def slow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        nonlocal running, peak
        assert update.effective_user is not None and update.effective_message is not None
        user, text = update.effective_user.id, update.effective_message.text or ""
        running += 1
        peak = max(peak, running)
        events.append(("start", user, text))
        await asyncio.sleep(HOLD)
        events.append(("end", user, text))
        running -= 1
        if len(events) == 18:
            all_done.set()

    with FakeBotApi() as api:
        app = ApplicationBuilder().token(api.token).base_url(api.base_url).concurrent_updates(PerUserOrder()).build()
        app.add_handler(MessageHandler(filters.TEXT, slow))
        for i in range(3):
            for user in (1, 2, 3):
                api.push_message(user, f"m{i}")
        await poll_until(app, all_done)

    for user in (1, 2, 3):
        mine = [(kind, text) for kind, u, text in events if u == user]
        # Strictly one at a time, in the order sent.
        assert mine == [("start", "m0"), ("end", "m0"), ("start", "m1"), ("end", "m1"), ("start", "m2"), ("end", "m2")]
    assert peak == 3  # the three users were handled at the same time


async def test_a_busy_user_cannot_take_every_slot() -> None:
    """One user sends 300 messages (more than PTB's default 256 slots) before anyone else
    writes: the others are still handled at once, and never more than `limit` together."""
    limit = 4
    started: list[int] = []
    running = 0
    peak = 0
    others = set(range(2, 2 + 2 * limit))
    others_started = asyncio.Event()
    others_done = asyncio.Event()

    async def slow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        nonlocal running, peak
        assert update.effective_user is not None
        user = update.effective_user.id
        running += 1
        peak = max(peak, running)
        started.append(user)
        if others <= set(started):
            others_started.set()
        if user == 1 and not others_started.is_set():
            # User 1's first message holds its slot until every other user has started, however
            # slowly the 300 updates arrive: the order below then depends on the slots alone.
            await asyncio.wait_for(others_started.wait(), timeout=60)
        else:
            await asyncio.sleep(0 if others_done.is_set() else HOLD / 3)  # then drain the rest fast
        running -= 1
        if others <= set(started):
            others_done.set()

    with FakeBotApi() as api:
        app = (
            ApplicationBuilder()
            .token(api.token)
            .base_url(api.base_url)
            .concurrent_updates(PerUserOrder(max_concurrent_updates=limit))
            .build()
        )
        app.add_handler(MessageHandler(filters.TEXT, slow))
        for i in range(300):
            api.push_message(1, f"m{i}")
        for user in sorted(others):
            api.push_message(user, "me too")
        await poll_until(app, others_done)

    # Every other user started before user 1's third message: its queue took no slots.
    assert set(started[: 1 + len(others)]) == {1} | others
    assert peak == limit  # the cap was reached and held
