"""Logging that never shows the bot token, at any level."""

from __future__ import annotations

import logging

from bot.config import Settings

REDACTED = "<token>"


class RedactToken(logging.Filter):
    """Replace the token in every record a handler emits, tracebacks included.

    httpx logs request URLs (which carry the token) and PTB's InvalidToken message
    repeats it; silencing those loggers is the first line, this is the backstop.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message now, scrub it, and drop the args it came from."""
        message = record.getMessage()
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = formatted.replace(self.token, REDACTED)
            record.exc_info = None
        record.msg = message.replace(self.token, REDACTED)
        record.args = None
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL, with httpx quiet and the token scrubbed."""
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and each URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # matplotlib logs hundreds of font-matching lines per chart at DEBUG.
    logging.getLogger("matplotlib").setLevel(logging.WARNING)
    if settings.telegram_bot_token is None:
        return
    token = settings.telegram_bot_token.get_secret_value().strip()
    if token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactToken(token))
