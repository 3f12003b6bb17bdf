"""A minimal python-telegram-bot 22 echo bot: the baseline our bot is benchmarked against.

It replies to every text message with the same text. Configuration comes from the
environment, like the real bot's:

* ``TELEGRAM_BOT_TOKEN`` - the bot token (required);
* ``TELEGRAM_BASE_URL`` - the Bot API base URL, e.g. ``http://127.0.0.1:PORT/bot`` for the
  fake server in ``tests/fake_bot_api.py`` (default: Telegram's own).

Run it as ``python tests/echo_bot.py``; it long-polls until SIGINT/SIGTERM.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

DEFAULT_BASE_URL = "https://api.telegram.org/bot"


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


def build_application(token: str, base_url: str = DEFAULT_BASE_URL) -> Application[Any, Any, Any, Any, Any, Any]:
    base_file_url = base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url
    application = ApplicationBuilder().token(token).base_url(base_url).base_file_url(base_file_url).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    return application


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "")
    if not token:
        print("TELEGRAM_BOT_TOKEN is not set", file=sys.stderr)
        return 2
    base_url = os.environ.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL
    application = build_application(token, base_url)
    print("echo bot polling", flush=True)
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
