"""Logging that never shows a secret, a student's words or their score, at any level.

What is logged: start-up and shutdown, counts (plans restored), store repairs (with the
user id of a record set aside), failed updates (update id, user id, exception type and
frames), nudge delivery problems (user id, so an operator can follow up). What is not:
message text, scores, whole updates, Bot API request parameters, exception messages
(they can quote what a student typed), the token, its secret half, the webhook secret.
"""

from __future__ import annotations

import logging
import traceback

from bot.config import Settings

REDACTED = "<secret>"

QUIET_AT_DEBUG = ("telegram",)
"""At DEBUG it logs whole updates and request parameters (setWebhook's secret_token
among them); INFO is the lowest it is allowed."""

QUIET = ("httpx", "httpcore", "matplotlib", "apscheduler", "psycopg")
"""httpx logs every request URL at INFO, each with the token; APScheduler logs every
nudge job, named after its user, twice at INFO; matplotlib logs hundreds of
font-matching lines per chart at DEBUG; psycopg's pool logs every connection lent and
returned at INFO (several lines per store transaction)."""


def traceback_without_messages(exc: BaseException) -> str:
    """The traceback of `exc` and its causes, with each exception's message withheld."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    parts = []
    for e in reversed(chain):
        frames = "".join(traceback.format_tb(e.__traceback__))
        name = f"{type(e).__module__}.{type(e).__qualname__}".removeprefix("builtins.")
        parts.append(f"Traceback (most recent call last):\n{frames}{name} (message withheld)")
    return "\n\nDuring handling of the above exception, another exception occurred:\n\n".join(parts)


class Scrub(logging.Filter):
    """Scrub secrets from every record a handler emits, and withhold exception messages.

    Raising the chatty loggers is the first line; this is the backstop.
    """

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        # Longest first, so the whole token goes before its secret half is looked for.
        self.secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        """`text` with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message now, scrub it, and drop the args it came from."""
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.scrub(traceback_without_messages(record.exc_info[1]))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        record.msg = self.scrub(message)
        record.args = None
        return True


def secrets_of(settings: Settings) -> list[str]:
    """The token, its secret half and the webhook secret: what must never be logged."""
    found = []
    if settings.telegram_bot_token is not None:
        token = settings.telegram_bot_token.get_secret_value().strip()
        found += [token, token.partition(":")[2]]
    if settings.webhook_secret is not None:
        found.append(settings.webhook_secret.get_secret_value())
    return [s for s in found if s]


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL, with chatty libraries raised and secrets scrubbed."""
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    for name in QUIET_AT_DEBUG:
        logger = logging.getLogger(name)
        logger.setLevel(max(logging.INFO, logging.getLevelName(settings.log_level)))
    scrub = Scrub(secrets_of(settings))
    for handler in logging.getLogger().handlers:
        handler.addFilter(scrub)
