"""Turning a Reply's Telegram HTML into what a transport can send or print."""

from __future__ import annotations

import re
from html import escape, unescape

TELEGRAM_TEXT_LIMIT = 4096
TELEGRAM_CAPTION_LIMIT = 1024

_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """The visible text of our HTML: tags dropped, entities decoded (for the terminal)."""
    return unescape(_TAG.sub("", html))


def telegram_length(html: str) -> int:
    """Length as Telegram counts it: UTF-16 code units of the text after entity parsing."""
    return len(plain_text(html).encode("utf-16-le")) // 2


def cut_to(text: str, limit: int) -> str:
    """Plain `text` cut to at most `limit` UTF-16 units, as Telegram counts, ending in "…" when cut."""
    units = text.encode("utf-16-le")
    if len(units) <= 2 * limit:
        return text
    # "ignore" drops half of a surrogate pair (an emoji) split by the cut.
    return units[: 2 * (limit - 1)].decode("utf-16-le", errors="ignore") + "…"


def split_html(html: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split a long reply into messages Telegram accepts, at paragraph or line breaks.

    Our replies keep every tag within one line, so cutting between lines never
    leaves a tag open. A single line longer than the limit is sent as escaped
    plain text in pieces, which is still valid HTML.
    """
    if 2 * len(html) <= limit or telegram_length(html) <= limit:
        return [html]  # (a character is at most 2 UTF-16 units, and tags and entities only shrink)
    parts: list[str] = []
    current = ""
    for line in html.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if telegram_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        current = ""
        if telegram_length(line) <= limit:
            current = line
        else:
            parts.extend(_hard_split(line, limit))
    if current:
        parts.append(current)
    return parts


def _hard_split(line: str, limit: int) -> list[str]:
    text = plain_text(line)
    # Slice by characters conservatively: a character is at most 2 UTF-16 units.
    step = limit // 2
    return [escape(text[i : i + step], quote=False) for i in range(0, len(text), step)]
