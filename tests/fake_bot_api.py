"""A loopback imitation of the Telegram Bot API for end-to-end tests without any network.

Start a :class:`FakeBotApi`, point a bot at ``server.base_url`` (``http://127.0.0.1:PORT/bot``;
PTB builds ``f"{base_url}{token}/{method}"``), push updates into it and look at what the bot
called. Every request is checked against the machine-readable Bot API spec
(``tests/telegram_bot_api/api.json``, a copy of ``../shared/telegram-bot-api``): the method
must exist, required fields be present, no
unknown fields, every value of the right type (nested objects validated against the spec's
types, recursively), HTML must parse the way Telegram parses it and the documented limits must
hold. A request that breaks a rule is answered exactly like Telegram answers it
(``400 {"ok": false, "error_code": 400, "description": "Bad Request: ..."}``) and a line is
added to :attr:`FakeBotApi.violations`, so a test can end with
``assert server.violations == []``.

The server is pure stdlib: an asyncio HTTP/1.1 server (keep-alive, form / multipart / JSON
bodies) running in a background thread, so it serves sync tests, pytest-asyncio tests and
subprocesses alike. It only ever listens on, and (for webhooks) connects to, loopback.

Usage::

    with FakeBotApi() as server:
        app = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
        ...
        server.push_message(42, "/start")
        server.wait_for(method="sendMessage")
        assert server.violations == []
"""

from __future__ import annotations

import asyncio
import contextlib
import email.message
import email.policy
import itertools
import json
import math
import os
import re
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from functools import lru_cache
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

try:
    from .telegram_html import HtmlParseResult, utf16_len
    from .telegram_html import parse_html as _parse_html_uncached
except ImportError:  # imported as a top-level module (tests/ on sys.path)
    from telegram_html import HtmlParseResult, utf16_len  # type: ignore[no-redef]
    from telegram_html import parse_html as _parse_html_uncached  # type: ignore[no-redef]


@lru_cache(maxsize=2048)
def parse_html(text: str) -> HtmlParseResult:
    """Cached :func:`telegram_html.parse_html` (a request's text is parsed several times)."""
    return _parse_html_uncached(text)


__all__ = [
    "DEFAULT_SPEC_PATH",
    "DEFAULT_TOKEN",
    "ApiSpec",
    "Call",
    "FakeBotApi",
    "UploadedFile",
]

DEFAULT_TOKEN = "123456:TEST-token-for-loopback-only_abcdefghijk"
PAID_BROADCAST_RATE = 1000.0
"""Sends per second Telegram allows with allow_paid_broadcast (api.json, sendMessage)."""
DEFAULT_SPEC_PATH = Path(
    os.environ.get(
        "FAKE_BOT_API_SPEC",
        str(Path(__file__).resolve().parent / "telegram_bot_api" / "api.json"),
    )
)

_TOKEN_SHAPE = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{20,}")
_API_PATH = re.compile(r"/bot([^/]*)/([^/]*)/?")
_FILE_PATH = re.compile(r"/file/bot([^/]*)/(.+)")
_INT_RE = re.compile(r"[+-]?[0-9]+")
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,64})?")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{3,31}\b")
_BOT_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
_START_PARAMETER_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_INLINE_QUERY_LIMIT = 256  # characters of an inline query's text (InlineQuery.query in api.json)
_INLINE_RESULTS_LIMIT = 50  # results per answerInlineQuery (Telegram's RESULTS_TOO_MUCH)
_DISCRIMINATOR_RE = re.compile(r"(?:always|must be)\s+[\"“]?([a-z_]+)[\"”]?")
_PRIMITIVES = frozenset({"String", "Integer", "Float", "Boolean"})
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_PARSE_MODES = frozenset({"html", "markdown", "markdownv2"})
# Default update types when allowed_updates is [] (Telegram's documented default).
_NOT_DEFAULT_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# Limits Telegram enforces on text-like fields (UTF-16 units after entity parsing).
_TEXT_LIMITS = {"text": 4096, "message_text": 4096, "caption": 1024}
_INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_BLOCKED = "Forbidden: bot was blocked by the user"
_CONFLICT_POLL = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)
_CLIENT_GONE = 499  # recorded status of a long poll whose client hung up (nginx's code)
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_MEDIA_KEYS = (
    "animation",
    "audio",
    "document",
    "photo",
    "sticker",
    "video",
    "video_note",
    "voice",
)


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request (e.g. the ``photo`` of sendPhoto)."""

    field: str
    filename: str
    content_type: str
    data: bytes

    @property
    def is_png(self) -> bool:
        return self.data.startswith(b"\x89PNG\r\n\x1a\n")

    @property
    def size(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return (
            f"UploadedFile(field={self.field!r}, filename={self.filename!r}, "
            f"content_type={self.content_type!r}, {len(self.data)} bytes)"
        )


@dataclass(eq=False)
class Call:
    """One request the server answered.

    ``params`` holds decoded values (ints, bools, dicts for JSON objects; an
    :class:`UploadedFile` for a directly uploaded file). ``time`` is ``time.monotonic()`` at
    arrival. ``response`` is the JSON body that was sent back. Calls are recorded once
    answered, except getUpdates, which is recorded on arrival (so a test can wait for the bot
    to be polling) and gets its ``status``/``response`` when the long poll returns
    (``response`` stays ``{}`` while it is pending).
    """

    method: str
    params: dict[str, Any]
    time: float
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        return self.response.get("description")

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str | None:
        """The ``text`` (or ``caption``) parameter as sent, e.g. still HTML."""
        value = self.params.get("text", self.params.get("caption"))
        return value if isinstance(value, str) else None

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        value = self.params.get("reply_markup")
        return value if isinstance(value, dict) else None

    def short(self) -> str:
        shown = {k: (v if not isinstance(v, str) or len(v) <= 120 else v[:117] + "...") for k, v in self.params.items()}
        status = "" if self.ok else f" -> {self.status} {self.description}"
        return f"{self.method}({shown}){status}"


class _ClientGone(Exception):
    """The client closed its connection while its long poll was waiting."""


class _ApiError(Exception):
    def __init__(
        self,
        status: int,
        description: str,
        *,
        violation: str | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.violation = violation
        self.parameters = parameters


# --------------------------------------------------------------------------------------------
# The spec and the request checker
# --------------------------------------------------------------------------------------------


class ApiSpec:
    """The Bot API description (api.json): methods and types with typed, required fields."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = str(data.get("version", "?"))
        self.methods: dict[str, dict[str, Any]] = {name.lower(): method for name, method in data["methods"].items()}
        self.types: dict[str, dict[str, Any]] = data["types"]
        self.method_fields: dict[str, dict[str, dict[str, Any]]] = {
            name: {f["name"]: f for f in method.get("fields", [])} for name, method in self.methods.items()
        }
        self.type_fields: dict[str, dict[str, dict[str, Any]]] = {
            name: {f["name"]: f for f in t.get("fields", [])} for name, t in self.types.items() if "fields" in t
        }
        # abstract type -> discriminator value -> concrete subtypes
        self.discriminators: dict[str, tuple[str | None, dict[str, list[str]]]] = {}
        for name, t in self.types.items():
            subtypes = t.get("subtypes")
            if not subtypes:
                continue
            key_field: str | None = None
            table: dict[str, list[str]] = {}
            for sub in subtypes:
                for key in ("type", "status", "source"):
                    f = self.type_fields.get(sub, {}).get(key)
                    if f is None:
                        continue
                    m = _DISCRIMINATOR_RE.search(f.get("description", ""))
                    if m:
                        key_field = key
                        table.setdefault(m.group(1), []).append(sub)
                        break
            self.discriminators[name] = (key_field, table)

    @classmethod
    def load(cls, path: Path | str | None = None) -> ApiSpec:
        return _load_spec(str(Path(path or DEFAULT_SPEC_PATH).resolve()))

    def method(self, name: str) -> dict[str, Any] | None:
        """The method's spec entry; Telegram method names are case-insensitive."""
        return self.methods.get(name.lower())

    def discriminator_value(self, type_name: str) -> tuple[str, str] | None:
        for key in ("type", "status", "source"):
            f = self.type_fields.get(type_name, {}).get(key)
            if f is not None:
                m = _DISCRIMINATOR_RE.search(f.get("description", ""))
                if m:
                    return key, m.group(1)
        return None


@lru_cache(maxsize=4)
def _load_spec(path: str) -> ApiSpec:
    with open(path, encoding="utf-8") as fh:
        return ApiSpec(json.load(fh))


@dataclass
class _Problem:
    description: str  # what Telegram says, without the "Bad Request: " prefix
    detail: str  # precise, for the violation log


class _Checker:
    """Decodes and validates one request's parameters against the spec."""

    def __init__(self, spec: ApiSpec, method: str, files: dict[str, UploadedFile]) -> None:
        self.spec = spec
        self.method = method
        self.files = files
        self.problems: list[_Problem] = []

    # -- entry point ---------------------------------------------------------------------
    def check_request(self, raw: dict[str, Any], json_keys: set[str]) -> tuple[dict[str, Any], list[_Problem]]:
        fields = self.spec.method_fields[self.method.lower()]
        decoded: dict[str, Any] = {}
        attach_refs = (
            {v[len("attach://") :] for v in _iter_strings(raw) if v.startswith("attach://")} if self.files else set()
        )
        for name, f in fields.items():
            if name in raw:
                continue
            if name in self.files and "InputFile" in _flat_types(f["types"]):
                raw = {**raw, name: self.files[name]}
        for name, value in raw.items():
            spec_field = fields.get(name)
            if spec_field is None:
                self.problems.append(_Problem(f'unknown parameter "{name}"', f'unknown parameter "{name}"'))
                decoded[name] = _best_effort(value)
                continue
            decoded[name] = self.value(value, spec_field["types"], name, form=name not in json_keys)
        for name, f in fields.items():
            if f.get("required") and name not in raw:
                self.problems.append(_missing(self.method, name))
        for part in self.files:
            if part not in fields and part not in attach_refs:
                self.problems.append(
                    _Problem(
                        f'unexpected file part "{part}"',
                        f'file part "{part}" is neither a parameter nor referenced as attach://',
                    )
                )
        self.semantic(decoded, fields, path="", is_method=True)
        return decoded, self.problems

    # -- values --------------------------------------------------------------------------
    def value(self, value: Any, types: list[str], path: str, *, form: bool) -> Any:
        if len(types) == 1:
            decoded, problems = self.one(value, types[0], path, form=form, top=True)
            self.problems.extend(problems)
            return decoded
        attempts: list[tuple[str, Any, list[_Problem]]] = []
        for t in types:
            decoded, problems = self.one(value, t, path, form=form, top=True)
            if not problems:
                return decoded
            attempts.append((t, decoded, problems))
        t, decoded, problems = min(attempts, key=lambda a: (self.misfit(a[1], a[0]), len(a[2])))
        choices = ", ".join(types)
        self.problems.append(
            _Problem(
                problems[0].description,
                f"{path}: matches none of [{choices}]; closest is {t}: " + "; ".join(p.detail for p in problems[:3]),
            )
        )
        return decoded

    def one(self, value: Any, t: str, path: str, *, form: bool, top: bool) -> tuple[Any, list[_Problem]]:
        if t.startswith("Array of "):
            return self.array(value, t[len("Array of ") :], path, form=form, top=top)
        if t in _PRIMITIVES:
            return self.primitive(value, t, path, form=form)
        if t == "InputFile":
            if isinstance(value, UploadedFile):
                return value, []
            if isinstance(value, str) and value.startswith("attach://"):
                if value[len("attach://") :] in self.files:
                    return value, []
                return value, [_bad(f'{path}: "{value}" refers to a file part that was not uploaded')]
            return value, [_bad(f"{path}: expected an uploaded file (InputFile)")]
        if t in self.spec.types:
            return self.obj(value, t, path, form=form, top=top)
        return value, []  # unknown type name in the spec: accept

    def primitive(self, value: Any, t: str, path: str, *, form: bool) -> tuple[Any, list[_Problem]]:
        if isinstance(value, UploadedFile):
            return value, [_bad(f"{path}: got an uploaded file, expected {t}")]
        if t == "String":
            if isinstance(value, str):
                return value, []
        elif t == "Integer":
            if isinstance(value, int) and not isinstance(value, bool):
                return value, []
            if isinstance(value, str) and form and _INT_RE.fullmatch(value.strip()):
                return int(value), []
            if isinstance(value, float) and value.is_integer() and not form:
                return int(value), []
        elif t == "Float":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value), []
            if isinstance(value, str) and form:
                try:
                    return float(value), []
                except ValueError:
                    pass
        elif t == "Boolean":
            if isinstance(value, bool):
                return value, []
            if isinstance(value, str) and form:
                low = value.strip().lower()
                if low in ("true", "1"):
                    return True, []
                if low in ("false", "0"):
                    return False, []
        shown = value if not isinstance(value, str) or len(value) < 60 else value[:57] + "..."
        return value, [
            _Problem(
                f'field "{path}" must be of type {t}',
                f"{path}: expected {t}, got {type(value).__name__} {shown!r}",
            )
        ]

    def array(self, value: Any, inner: str, path: str, *, form: bool, top: bool) -> tuple[Any, list[_Problem]]:
        if isinstance(value, str) and (form or top):
            try:
                value = json.loads(value)
            except ValueError:
                return value, [
                    _Problem(
                        f"can't parse {path} JSON array",
                        f"{path}: not a JSON array: {value[:80]!r}",
                    )
                ]
        if not isinstance(value, list):
            return value, [
                _Problem(
                    f'field "{path}" must be an Array',
                    f"{path}: expected Array of {inner}, got {type(value).__name__}",
                )
            ]
        problems: list[_Problem] = []
        out = []
        for i, item in enumerate(value):
            decoded, item_problems = self.one(item, inner, f"{path}[{i}]", form=False, top=False)
            out.append(decoded)
            problems.extend(item_problems)
        return out, problems

    def obj(self, value: Any, t: str, path: str, *, form: bool, top: bool) -> tuple[Any, list[_Problem]]:
        if isinstance(value, str) and (form or top):
            try:
                value = json.loads(value)
            except ValueError:
                return value, [
                    _Problem(
                        f"can't parse {path} JSON object",
                        f"{path}: not a JSON object ({t}): {value[:80]!r}",
                    )
                ]
        tdef = self.spec.types[t]
        if not isinstance(value, dict):
            for sub in tdef.get("subtypes", ()):  # e.g. RichText may be a String or an Array
                if sub in _PRIMITIVES or sub.startswith("Array of "):
                    decoded, problems = self.one(value, sub, path, form=False, top=False)
                    if not problems:
                        return decoded, []
            return value, [
                _Problem(
                    f"can't parse {path} JSON object",
                    f"{path}: expected a {t} object, got {type(value).__name__}",
                )
            ]
        if tdef.get("subtypes"):
            return self.abstract(value, t, path)
        fields = self.spec.type_fields.get(t)
        if fields is None:
            return value, []  # e.g. CallbackGame: any object
        sub = _Checker(self.spec, self.method, self.files)
        out: dict[str, Any] = {}
        for key, item in value.items():
            f = fields.get(key)
            if f is None:
                sub.problems.append(
                    _Problem(
                        f'can\'t parse {path}: unknown field "{key}"',
                        f'{path}: unknown field "{key}" in {t}',
                    )
                )
                out[key] = item
                continue
            types = f["types"]
            if len(types) == 1:
                decoded, problems = sub.one(item, types[0], f"{path}.{key}", form=False, top=False)
                sub.problems.extend(problems)
            else:
                decoded = sub.nested_union(item, types, f"{path}.{key}")
            out[key] = decoded
        for key, f in fields.items():
            if f.get("required") and key not in value:
                sub.problems.append(
                    _Problem(
                        f'can\'t parse {path}: field "{key}" must be present',
                        f'{path}: {t} is missing required field "{key}"',
                    )
                )
        disc = self.spec.discriminator_value(t)
        if disc and disc[0] in value and value[disc[0]] != disc[1]:
            sub.problems.append(_bad(f'{path}.{disc[0]}: must be "{disc[1]}" for {t}, got {value[disc[0]]!r}'))
        sub.semantic(out, fields, path=path, is_method=False, type_name=t)
        return out, sub.problems

    def nested_union(self, value: Any, types: list[str], path: str) -> Any:
        attempts: list[tuple[str, Any, list[_Problem]]] = []
        for t in types:
            decoded, problems = self.one(value, t, path, form=False, top=False)
            if not problems:
                return decoded
            attempts.append((t, decoded, problems))
        _, decoded, problems = min(attempts, key=lambda a: (self.misfit(a[1], a[0]), len(a[2])))
        self.problems.extend(problems)
        return decoded

    def misfit(self, value: Any, t: str) -> int:
        """How badly an object's keys fit a type (missing required + unknown keys)."""
        fields = self.spec.type_fields.get(t)
        if fields is None or not isinstance(value, dict):
            return 0
        missing = sum(1 for name, f in fields.items() if f.get("required") and name not in value)
        return missing + sum(1 for key in value if key not in fields)

    def abstract(self, value: dict[str, Any], t: str, path: str) -> tuple[Any, list[_Problem]]:
        key, table = self.spec.discriminators.get(t, (None, {}))
        candidates: list[str]
        if key is not None and table:
            tag = value.get(key)
            if tag not in table:
                known = ", ".join(sorted(table))
                return value, [
                    _Problem(
                        f"can't parse {path}: unsupported {key} {tag!r}",
                        f'{path}: {t} needs "{key}" to be one of [{known}], got {tag!r}',
                    )
                ]
            candidates = table[tag]
        else:
            candidates = list(self.spec.types[t].get("subtypes", []))
        attempts: list[tuple[Any, list[_Problem]]] = []
        for sub in candidates:
            decoded, problems = self.one(value, sub, path, form=False, top=False)
            if not problems:
                return decoded, []
            attempts.append((decoded, problems))
        if not attempts:
            return value, []
        return min(attempts, key=lambda a: len(a[1]))

    # -- Telegram's rules beyond types -------------------------------------------------------
    def semantic(
        self,
        values: dict[str, Any],
        fields: dict[str, dict[str, Any]],
        *,
        path: str,
        is_method: bool,
        type_name: str = "",
    ) -> None:
        prefix = f"{path}." if path else ""
        # parse_mode / <x>_parse_mode -> the text field it formats
        for key, mode in values.items():
            if key != "parse_mode" and not key.endswith("_parse_mode"):
                continue
            if not isinstance(mode, str):
                continue
            if mode.lower() not in _PARSE_MODES:
                self.problems.append(_Problem("unsupported parse_mode", f"{prefix}{key}: unknown mode {mode!r}"))
                continue
            target = _parse_mode_target(key, fields)
            text = values.get(target) if target else None
            if mode.lower() == "html" and isinstance(text, str):
                result = parse_html(text)
                if result.errors:
                    self.problems.append(
                        _Problem(
                            f"can't parse entities: {result.errors[0]}",
                            f"{prefix}{target} is not valid Telegram HTML: "
                            + "; ".join(result.errors[:3])
                            + f" -- text starts {text[:160]!r}",
                        )
                    )
        # length and emptiness limits of text-like fields
        for key, limit in _TEXT_LIMITS.items():
            text = values.get(key)
            if key not in fields or not isinstance(text, str):
                continue
            if key == "text" and self.method not in ("sendMessage", "editMessageText"):
                continue  # button labels, answerCallbackQuery etc. have their own rules
            if key == "text" and not is_method:
                continue
            mode = values.get("parse_mode")
            shown = text
            if isinstance(mode, str) and mode.lower() == "html":
                shown = parse_html(text).text
            length = utf16_len(shown.strip())
            if key in ("text", "message_text") and length == 0:
                self.problems.append(_Problem("message text is empty", f"{prefix}{key}: empty after parsing"))
            elif length > limit:
                description = "message caption is too long" if key == "caption" else "message is too long"
                self.problems.append(
                    _Problem(
                        description,
                        f"{prefix}{key}: {length} UTF-16 units after entity parsing (limit {limit})",
                    )
                )
        if type_name == "InlineKeyboardButton":
            self.inline_button(values, path)
        elif type_name == "KeyboardButton":
            if not str(values.get("text", "")).strip():
                self.problems.append(_Problem("keyboard button text is empty", f"{path}: empty"))
        elif type_name == "BotCommand":
            command = values.get("command")
            label = values.get("description")
            if isinstance(command, str) and not _BOT_COMMAND_NAME.fullmatch(command):
                self.problems.append(
                    _Problem(
                        "BOT_COMMAND_INVALID",
                        f"{path}.command: {command!r} must be 1-32 of [a-z0-9_]",
                    )
                )
            if isinstance(label, str) and not 1 <= len(label) <= 256:
                self.problems.append(
                    _Problem(
                        "BOT_COMMAND_DESCRIPTION_INVALID",
                        f"{path}.description: length {len(label)} not in 1-256",
                    )
                )
        if is_method:
            self.method_rules(values)

    def inline_button(self, values: dict[str, Any], path: str) -> None:
        text = values.get("text")
        if isinstance(text, str) and not text.strip():
            self.problems.append(_Problem("BUTTON_TEXT_INVALID", f"{path}.text: empty label"))
        data = values.get("callback_data")
        if isinstance(data, str):
            size = len(data.encode("utf-8"))
            if not 1 <= size <= 64:
                self.problems.append(
                    _Problem(
                        "BUTTON_DATA_INVALID",
                        f"{path}.callback_data: {size} bytes (must be 1-64): {data!r}",
                    )
                )
        actions = [k for k in _INLINE_BUTTON_ACTIONS if k in values]
        if not actions:
            self.problems.append(
                _Problem(
                    "text buttons are unallowed in the inline keyboard",
                    f"{path}: inline button {text!r} has no action (callback_data, url, ...)",
                )
            )
        elif len(actions) > 1:
            self.problems.append(
                _Problem(
                    "can't parse inline keyboard button: exactly one action must be used",
                    f"{path}: inline button {text!r} has several actions {actions}",
                )
            )

    def method_rules(self, values: dict[str, Any]) -> None:
        method = self.method
        chat_id = values.get("chat_id")
        if isinstance(chat_id, str) and not chat_id.startswith("@"):
            self.problems.append(_Problem("chat not found", f"chat_id: {chat_id!r}"))
        if method == "answerCallbackQuery":
            text = values.get("text")
            if isinstance(text, str) and len(text) > 200:
                self.problems.append(_Problem("MESSAGE_TOO_LONG", f"text: {len(text)} characters (limit 200)"))
        elif method == "sendChatAction":
            action = values.get("action")
            if isinstance(action, str) and action not in _CHAT_ACTIONS:
                self.problems.append(_Problem("wrong parameter action in request", f"action: {action!r}"))
        elif method == "answerInlineQuery":
            self.inline_rules(values)
        elif method == "setMyCommands":
            commands = values.get("commands")
            if isinstance(commands, list) and len(commands) > 100:
                self.problems.append(_Problem("BOT_COMMANDS_TOO_MUCH", f"commands: {len(commands)} > 100"))
        elif method == "setWebhook":
            secret = values.get("secret_token")
            if isinstance(secret, str) and not _SECRET_TOKEN_RE.fullmatch(secret):
                self.problems.append(
                    _Problem(
                        "secret token contains unallowed characters",
                        f"secret_token: {secret!r}",
                    )
                )
        for key in ("entities", "caption_entities"):
            entities = values.get(key)
            text = values.get("text" if key == "entities" else "caption")
            if isinstance(entities, list) and isinstance(text, str):
                size = utf16_len(text)
                for i, entity in enumerate(entities):
                    if not isinstance(entity, dict):
                        continue
                    offset, length = entity.get("offset"), entity.get("length")
                    if (
                        isinstance(offset, int)
                        and isinstance(length, int)
                        and (offset < 0 or length <= 0 or offset + length > size)
                    ):
                        self.problems.append(
                            _Problem(
                                "can't parse entities: entity beyond the end of the text",
                                f"{key}[{i}]: offset {offset} length {length} but the text has {size} UTF-16 units",
                            )
                        )

    def inline_rules(self, values: dict[str, Any]) -> None:
        """answerInlineQuery's rules beyond types: 50 results at most, unique ids of 1-64 bytes,
        a title on each article, a valid deep-link parameter, a cache time that isn't negative."""
        results = values.get("results")
        if isinstance(results, list):
            if len(results) > _INLINE_RESULTS_LIMIT:
                self.problems.append(
                    _Problem("RESULTS_TOO_MUCH", f"results: {len(results)} (limit {_INLINE_RESULTS_LIMIT})")
                )
            seen: set[str] = set()
            for i, result in enumerate(results):
                if not isinstance(result, dict):
                    continue
                result_id = result.get("id")
                if isinstance(result_id, str):
                    size = len(result_id.encode("utf-8"))
                    if not 1 <= size <= 64:
                        self.problems.append(_Problem("RESULT_ID_INVALID", f"results[{i}].id: {size} bytes (1-64)"))
                    if result_id in seen:
                        self.problems.append(_Problem("RESULT_ID_DUPLICATE", f"results[{i}].id: {result_id!r} twice"))
                    seen.add(result_id)
                title = result.get("title")
                if result.get("type") == "article" and isinstance(title, str) and not title.strip():
                    self.problems.append(_Problem("RESULT_TITLE_EMPTY", f"results[{i}].title: empty"))
        button = values.get("button")
        if isinstance(button, dict):
            start = button.get("start_parameter")
            if isinstance(start, str) and not _START_PARAMETER_RE.fullmatch(start):
                self.problems.append(_Problem("START_PARAM_INVALID", f"button.start_parameter: {start!r}"))
            if ("start_parameter" in button) == ("web_app" in button):
                self.problems.append(
                    _Problem("BUTTON_TYPE_INVALID", "button: exactly one of start_parameter and web_app is needed")
                )
        cache_time = values.get("cache_time")
        if isinstance(cache_time, int) and cache_time < 0:
            self.problems.append(_Problem("CACHE_TIME_INVALID", f"cache_time: {cache_time}"))


def _parse_mode_target(key: str, fields: dict[str, dict[str, Any]]) -> str | None:
    if key == "parse_mode":
        for candidate in ("text", "message_text", "caption"):
            if candidate in fields:
                return candidate
        return None
    base = key[: -len("_parse_mode")]
    return base if base in fields else None


def _bad(detail: str) -> _Problem:
    return _Problem(detail, detail)


def _missing(method: str, name: str) -> _Problem:
    if name == "text" and method in ("sendMessage", "editMessageText"):
        description = "message text is empty"
    else:
        description = f"{name} is empty"
    return _Problem(description, f'required parameter "{name}" is missing')


def _flat_types(types: list[str]) -> set[str]:
    return {t.removeprefix("Array of ") for t in types}


def _iter_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        if value[:1] in "[{":
            with contextlib.suppress(ValueError):
                yield from _iter_strings(json.loads(value))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _iter_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _iter_strings(item)


def _best_effort(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, str) and _INT_RE.fullmatch(value):
        return int(value)
    return value


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return None


# --------------------------------------------------------------------------------------------
# Body decoding
# --------------------------------------------------------------------------------------------


def _decode_body(
    query: str, headers: dict[str, str], body: bytes
) -> tuple[dict[str, Any], set[str], dict[str, UploadedFile], str | None]:
    """(params, keys that came from a JSON body, uploaded files, error)."""
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    json_keys: set[str] = set()
    files: dict[str, UploadedFile] = {}
    if not body:
        return params, json_keys, files, None
    content_type = headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    try:
        if mime == "application/x-www-form-urlencoded":
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        elif mime == "multipart/form-data":
            fields, files = _parse_multipart(content_type, body)
            params.update(fields)
        elif mime == "application/json":
            data = json.loads(body)
            if not isinstance(data, dict):
                return params, json_keys, files, "the JSON body must be an object"
            params.update(data)
            json_keys = set(data)
        else:
            return params, json_keys, files, f"unsupported Content-Type {content_type!r}"
    except (UnicodeDecodeError, ValueError) as exc:
        return params, json_keys, files, f"can't parse request body: {exc}"
    return params, json_keys, files, None


def _parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, UploadedFile]]:
    header = email.message.Message()
    header["content-type"] = content_type
    boundary = header.get_boundary()
    if not boundary:
        raise ValueError("multipart body without boundary")
    delimiter = b"--" + boundary.encode("latin-1")
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    parser = BytesHeaderParser(policy=email.policy.compat32)
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise ValueError("malformed multipart part")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        part = parser.parsebytes(head + b"\r\n\r\n")
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise ValueError("multipart part without a name")
        filename = part.get_filename()
        if filename is None:
            fields[name] = content.decode("utf-8")
        else:
            files[name] = UploadedFile(
                field=name,
                filename=unquote(filename),
                content_type=part.get_content_type(),
                data=content,
            )
    return fields, files


# --------------------------------------------------------------------------------------------
# Rate limiting and faults
# --------------------------------------------------------------------------------------------


class _Bucket:
    """Token bucket: ``rate`` tokens a second, bursts of ``max(1, rate)``."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.tokens = self.capacity
        self.stamp = time.monotonic()

    def wait_needed(self, now: float) -> float:
        if now > self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1.0


@dataclass
class _Fault:
    status: int
    retry_after: int | None
    description: str | None
    remaining: int


@dataclass
class _NetFault:
    stall: float | None
    """Seconds to hold the request; None resets the connection instead (unless `body` is set)."""
    remaining: int
    body: bytes | None = None
    """Answer with these bytes (HTTP 200, text/html) instead of handling the request."""


def _fault_response(fault: _Fault) -> _ApiError:
    status = fault.status
    if status == 429:
        retry = fault.retry_after if fault.retry_after is not None else 1
        return _ApiError(
            429,
            fault.description or f"Too Many Requests: retry after {retry}",
            parameters={"retry_after": retry},
        )
    defaults = {
        400: "Bad Request: injected failure",
        401: "Unauthorized",
        403: _BLOCKED,
        404: "Not Found",
        409: _CONFLICT_POLL,
        502: "Bad Gateway",
    }
    description = fault.description or defaults.get(
        status, "Internal Server Error" if status >= 500 else HTTPStatus(status).phrase
    )
    parameters = {"retry_after": fault.retry_after} if fault.retry_after is not None else None
    return _ApiError(status, description, parameters=parameters)


def _is_send(method: str) -> bool:
    return (
        (method.startswith("send") and method != "sendChatAction")
        or method.startswith("edit")
        or method in ("copyMessage", "copyMessages", "forwardMessage", "forwardMessages")
    )


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class _Waiter:
    __slots__ = ("conflict", "future", "kind")

    def __init__(self, future: asyncio.Future[None], kind: str) -> None:
        self.future = future
        self.kind = kind
        self.conflict = False


def _answer_once(answered: dict[str, bool], query_id: str, kind: str) -> bool:
    """Telegram takes one answer per query it sent: an unknown or answered-again id is refused."""
    done = answered.get(query_id)
    if done is None or done:
        reason = f"unknown {kind}" if done is None else "answered twice"
        raise _ApiError(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
            violation=f"{reason}: {query_id!r}",
        )
    answered[query_id] = True
    return True


class FakeBotApi:
    """An imitation Telegram Bot API on ``127.0.0.1`` (see the module docstring)."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        spec_path: Path | None = None,
        bot_username: str = "step2_advisor_bot",
        bot_first_name: str = "Step 2 CK Advisor",
        port: int = 0,
        max_poll_timeout: float = 50.0,
        inline_mode: bool = True,
    ) -> None:
        self._token = token
        self.inline_mode = inline_mode
        """What getMe says of inline mode (switched on with @BotFather's /setinline)."""
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.spec = ApiSpec.load(spec_path)
        self.max_poll_timeout = max_poll_timeout
        self.port = port
        self.host = "127.0.0.1"

        self.calls: list[Call] = []
        self.violations: list[str] = []
        self.rate_limited_count = 0
        self.stalled = 0
        """Requests being held by `stall_next` right now (received, not yet handled)."""
        self.pushed_at: dict[int, float] = {}
        self.delivered_at: dict[int, float] = {}
        self.uploads: dict[str, UploadedFile] = {}  # file_id -> file

        self._lock = threading.RLock()
        self._calls_changed = threading.Condition(self._lock)
        self._by_method: dict[str, list[Call]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._last_update_id = 0
        self._allowed_updates: frozenset[str] | None = None
        self._message_counter: dict[int, int] = {}
        self._deleted: set[tuple[int, int]] = set()
        self._bot_messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._last_bot_message: dict[int, int] = {}
        self._last_keyboard_message: dict[int, int] = {}
        self._last_user_message: dict[int, dict[str, Any]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._usernames: dict[str, int] = {}
        self._callback_ids: dict[str, bool] = {}  # id -> answered
        self._inline_query_ids: dict[str, bool] = {}  # id -> answered
        self._inline_query_counter = itertools.count(7_000_000_000_000_000_001)
        self._callback_counter = itertools.count(4_000_000_000_000_000_001)
        self._file_counter = itertools.count(1)
        self._faults: dict[str, deque[_Fault]] = {}
        self._blocked: set[int] = set()
        self._global_bucket: _Bucket | None = None
        self._paid_bucket: _Bucket | None = None
        self._net_faults: dict[str, deque[_NetFault]] = {}
        self._chat_rate: float | None = None
        self._chat_buckets: dict[int, _Bucket] = {}
        self._commands: dict[str, list[dict[str, Any]]] = {}
        self._menu_buttons: dict[Any, dict[str, Any]] = {}
        self._webhook: dict[str, Any] | None = None
        self._webhook_error: tuple[int, str] | None = None

        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._waiters: set[_Waiter] = set()
        self._webhook_task: asyncio.Task[None] | None = None
        self._wake_pending = False
        self._stopping = False

    @property
    def token(self) -> str:
        """The bot's token; a request with any other gets 401 (404 when it isn't token-shaped)."""
        return self._token

    @token.setter
    def token(self, token: str) -> None:
        """Change the token, as revoking it with @BotFather does: long polls made with the old
        one are answered 401 at once, as Telegram does, rather than when their timeout ends."""
        self._token = token
        self._schedule_wake()

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """What to give PTB's ``base_url``: ``http://127.0.0.1:PORT/bot``."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self.host}:{self.port}/file/bot"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def env(self) -> dict[str, str]:
        """Environment variables for a bot subprocess (merge into ``os.environ``)."""
        return {
            "TELEGRAM_BASE_URL": self.base_url,
            "TELEGRAM_BASE_FILE_URL": self.base_file_url,
            "TELEGRAM_BOT_TOKEN": self.token,
        }

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("FakeBotApi already started")
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            self._loop = loop
            try:
                self._server = loop.run_until_complete(
                    asyncio.start_server(self._serve_connection, self.host, self.port, reuse_address=True)
                )
                self.port = self._server.sockets[0].getsockname()[1]
            except BaseException as exc:  # report to start()
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for task in pending:
                    task.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()

        self._stopping = False
        self._thread = threading.Thread(target=run, name="FakeBotApi", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            self._thread.join(1)
            self._thread = None
            raise failure[0]

    def stop(self) -> None:
        """Answer pending long polls, close every connection and stop the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if not loop.is_closed():
            with contextlib.suppress(RuntimeError, TimeoutError):
                asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(5)
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        self._thread = None
        self._loop = None

    async def _shutdown(self) -> None:
        self._stopping = True
        answered = bool(self._waiters)
        self._resolve_waiters()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
        if answered:  # let answered long polls write their (empty) responses; otherwise stop at once
            for _ in range(5):
                await asyncio.sleep(0.01)
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        await asyncio.sleep(0)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.stop)

    # -- injecting updates -------------------------------------------------------------------
    def push_update(self, update: dict[str, Any]) -> int:
        """Queue a raw Update (``update_id`` is assigned when missing); returns its id."""
        with self._lock:
            update = dict(update)
            if "update_id" in update:
                update_id = int(update["update_id"])
                if update_id <= self._last_update_id:
                    raise ValueError(f"update_id {update_id} must be above the last one ({self._last_update_id})")
                self._update_ids = itertools.count(update_id + 1)
            else:
                update_id = next(self._update_ids)
                update["update_id"] = update_id
            self._last_update_id = update_id
            self._learn_from_update(update)
            self._updates.append(update)
            self.pushed_at[update_id] = time.monotonic()
        self._schedule_wake()
        return update_id

    def push_message(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Sam",
        username: str | None = None,
        reply_to_bot: bool = False,
        entities: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
        edited: bool = False,
        language_code: str | None = "en",
    ) -> int:
        """Queue a message from a user; returns the update_id.

        A text starting with ``/`` gets its ``bot_command`` entity (and ``@names`` their
        ``mention`` entities) unless ``entities`` is given. ``extra`` is merged into the
        Message (e.g. ``{"sticker": {...}}`` with ``text=None``). ``reply_to_bot`` makes it a
        reply to the bot's last message in the chat; ``edited`` sends an ``edited_message``
        for the user's previous message in the chat.
        """
        with self._lock:
            if chat_id is None:
                chat_id = user_id if chat_type == "private" else -(1_000_000_000_000 + user_id)
            user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
            if username:
                user["username"] = username
            if language_code:
                user["language_code"] = language_code
            if chat_type == "private":
                chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": first_name}
                if username:
                    chat["username"] = username
            else:
                chat = {"id": chat_id, "type": chat_type, "title": "Test group"}
            self._chats[chat_id] = chat
            now = int(time.time())
            previous = self._last_user_message.get(chat_id)
            edit_of = previous if edited else None
            message_id = edit_of["message_id"] if edit_of else self._next_message_id(chat_id)
            message: dict[str, Any] = {
                "message_id": message_id,
                "from": user,
                "chat": chat,
                "date": edit_of["date"] if edit_of else now,
            }
            if edited:
                message["edit_date"] = now
            if text is not None:
                message["text"] = text
                found = entities if entities is not None else _auto_entities(text)
                if found:
                    message["entities"] = found
            if reply_to_bot:
                message["reply_to_message"] = self._bot_message_for(chat_id, None)
            if extra:
                message.update(extra)
            self._last_user_message[chat_id] = message
        return self.push_update({"edited_message" if edited else "message": message})

    def push_callback(
        self,
        user_id: int,
        data: str,
        *,
        message_id: int | None = None,
        chat_id: int | None = None,
        first_name: str = "Sam",
    ) -> int:
        """Queue a button press on one of the bot's messages.

        By default the bot's latest message with an inline keyboard in the chat (else its latest
        message, else a made-up earlier bot message) is the one pressed.
        """
        with self._lock:
            chat_id = user_id if chat_id is None else chat_id
            user = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}
            if chat_id not in self._chats:
                self._chats[chat_id] = (
                    {"id": chat_id, "type": "private", "first_name": first_name}
                    if chat_id > 0
                    else {"id": chat_id, "type": "group", "title": "Test group"}
                )
            message = self._bot_message_for(chat_id, message_id)
            query_id = str(next(self._callback_counter))
            self._callback_ids[query_id] = False
            update = {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "message": message,
                    "chat_instance": str(abs(hash(("chat", chat_id))) % 10**18),
                    "data": data,
                }
            }
        return self.push_update(update)

    def push_inline_query(
        self,
        user_id: int,
        query: str,
        *,
        chat_type: str | None = "supergroup",
        offset: str = "",
        first_name: str = "Sam",
    ) -> str:
        """Queue an inline query ("@bot derm" typed in a chat of `chat_type`); returns the query's id.

        Telegram sends at most 256 characters of query text, so longer text is refused here.
        Answer it once with answerInlineQuery (see :meth:`inline_answer`).
        """
        if len(query) > _INLINE_QUERY_LIMIT:
            raise ValueError(f"an inline query holds at most {_INLINE_QUERY_LIMIT} characters, got {len(query)}")
        with self._lock:
            query_id = str(next(self._inline_query_counter))
            self._inline_query_ids[query_id] = False
            inline_query: dict[str, Any] = {
                "id": query_id,
                "from": {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"},
                "query": query,
                "offset": offset,
            }
            if chat_type is not None:
                inline_query["chat_type"] = chat_type
        self.push_update({"inline_query": inline_query})
        return query_id

    def inline_answer(self, query_id: str) -> Call | None:
        """The accepted answerInlineQuery call for a query, or None while there is none."""
        with self._lock:
            return next(
                (
                    c
                    for c in self._by_method.get("answerinlinequery", ())
                    if c.ok and c.params.get("inline_query_id") == query_id
                ),
                None,
            )

    def pending_updates(self) -> int:
        """Updates pushed but not yet confirmed by the bot (or delivered to a webhook)."""
        with self._lock:
            return len(self._updates)

    # -- observing ---------------------------------------------------------------------------
    def requests(self, method: str) -> list[Call]:
        """Calls of one method (case-insensitive), in the order they were answered."""
        with self._lock:
            return list(self._by_method.get(method.lower(), ()))

    def sent_to(self, chat_id: int | str) -> list[Call]:
        """Accepted sends and edits (sendMessage, sendPhoto, editMessageText, ...) to a chat."""
        with self._lock:
            return [
                c for c in self.calls if c.ok and _is_send(c.method) and _same_chat(c.params.get("chat_id"), chat_id)
            ]

    def chat_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages in a chat as they stand now (after edits and deletions)."""
        with self._lock:
            return [m for (chat, _), m in sorted(self._bot_messages.items()) if chat == chat_id]

    def clear_calls(self) -> None:
        with self._lock:
            self.calls.clear()
            self._by_method.clear()

    def dump(self, last: int = 30) -> str:
        with self._lock:
            lines = [c.short() for c in self.calls[-last:]]
            skipped = len(self.calls) - len(lines)
            violations = list(self.violations)
        text = f"{len(self.calls)} calls" + (f" (last {len(lines)} shown)" if skipped else "")
        text += ":\n  " + "\n  ".join(lines) if lines else ": none"
        if violations:
            text += "\nviolations:\n  " + "\n  ".join(violations)
        return text

    def assert_no_violations(self) -> None:
        if self.violations:
            raise AssertionError("Bot API violations:\n  " + "\n  ".join(self.violations))

    def wait_for(
        self,
        predicate: Callable[[list[Call]], bool] | None = None,
        *,
        method: str | None = None,
        count: int = 1,
        timeout: float = 10.0,
        since: int = 0,
    ) -> list[Call]:
        """Block until calls arrive; return the (method-filtered) calls.

        Without ``predicate``: until at least ``count`` calls (of ``method`` if given) exist
        after index ``since`` of :attr:`calls` (pass ``len(server.calls)`` to only count new
        ones). With ``predicate``: until ``predicate(calls)`` is true. Raises AssertionError
        with a dump of recent calls on timeout.
        """
        deadline = time.monotonic() + timeout
        seen = -1
        while True:
            with self._lock:
                version = len(self.calls)
                selected = self._select(method, since) if version != seen else None
            if selected is not None:
                seen = version
                if predicate(selected) if predicate is not None else len(selected) >= count:
                    return selected
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(self._timeout_message(predicate, method, count, timeout))
            with self._lock:
                if len(self.calls) == seen:
                    self._calls_changed.wait(min(remaining, 0.25))
            if predicate is not None:
                time.sleep(0.001)  # don't re-run an expensive predicate for every call

    async def await_calls(
        self,
        predicate: Callable[[list[Call]], bool] | None = None,
        *,
        method: str | None = None,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 (mirrors wait_for)
        since: int = 0,
    ) -> list[Call]:
        """:meth:`wait_for` for async tests: polls with ``asyncio.sleep`` (loop keeps running)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                selected = self._select(method, since)
            if predicate(selected) if predicate is not None else len(selected) >= count:
                return selected
            if time.monotonic() >= deadline:
                raise AssertionError(self._timeout_message(predicate, method, count, timeout))
            await asyncio.sleep(0.002)

    def _select(self, method: str | None, since: int) -> list[Call]:
        calls = self.calls[since:] if since else self.calls
        if method is None:
            return list(calls)
        key = method.lower()
        if not since:
            return list(self._by_method.get(key, ()))
        return [c for c in calls if c.method.lower() == key]

    def _timeout_message(
        self,
        predicate: Callable[[list[Call]], bool] | None,
        method: str | None,
        count: int,
        timeout: float,
    ) -> str:
        wanted = "predicate" if predicate is not None else f"{count} call(s)"
        of = f" of {method}" if method else ""
        return f"timed out after {timeout}s waiting for {wanted}{of}; {self.dump()}"

    # -- fault injection ---------------------------------------------------------------------
    def fail_next(
        self,
        method: str,
        *,
        status: int = 500,
        retry_after: int | None = None,
        description: str | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error.

        ``method="*"`` matches any method but getUpdates. 429 answers
        ``Too Many Requests: retry after N`` with ``parameters.retry_after`` (N defaults to 1);
        403 ``Forbidden: bot was blocked by the user``; 5xx ``Internal Server Error``. Only
        requests that pass the spec checks consume a fault.
        """
        with self._lock:
            self._faults.setdefault(method.lower(), deque()).append(_Fault(status, retry_after, description, times))

    def stall_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Hold the next ``times`` requests of ``method`` for ``seconds`` before handling them.

        A client whose read timeout is shorter gives up first (a timeout); the request is
        handled afterwards all the same, as Telegram may have taken a message whose answer
        never arrived. ``getUpdates`` works too: a slow long poll.
        """
        with self._lock:
            self._net_faults.setdefault(method.lower(), deque()).append(_NetFault(seconds, times))

    def reset_next(self, method: str, *, times: int = 1) -> None:
        """Reset the connection (TCP RST) on the next ``times`` requests of ``method``, unanswered
        and unhandled. ``method="*"`` matches any method but getUpdates."""
        with self._lock:
            self._net_faults.setdefault(method.lower(), deque()).append(_NetFault(None, times))

    def garble_next(self, method: str, body: bytes, *, times: int = 1) -> None:
        """Answer the next ``times`` requests of ``method`` with ``body`` (HTTP 200, text/html),
        unhandled: what a misconfigured proxy in front of a local Bot API server sends back."""
        with self._lock:
            self._net_faults.setdefault(method.lower(), deque()).append(_NetFault(None, times, body))

    def _net_fault(self, target: str) -> _NetFault | None:
        """Take the network fault queued for the method this request targets, if any."""
        match = _API_PATH.fullmatch(unquote(urlsplit(target).path))
        if match is None or not self._net_faults:
            return None
        method = match.group(2).lower()
        with self._lock:
            for key in (method, "*"):
                queue = self._net_faults.get(key)
                if queue and not (key == "*" and method == "getupdates"):
                    fault = queue[0]
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        queue.popleft()
                    return fault
        return None

    def block_user(self, chat_id: int) -> None:
        """Every send/edit/chat action to ``chat_id`` answers 403 (bot blocked by the user)."""
        with self._lock:
            self._blocked.add(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        with self._lock:
            self._blocked.discard(chat_id)

    def limit_rate(
        self,
        per_second: float | None,
        *,
        per_chat_per_second: float | None = None,
        paid_per_second: float | None = PAID_BROADCAST_RATE,
    ) -> None:
        """Enforce Telegram-like flood limits on sends (token buckets; ``None`` = unlimited).

        Over the limit a send gets ``429 Too Many Requests: retry after N``; each one counts
        in :attr:`rate_limited_count`. Telegram's real limits are about 30/s overall and 1/s
        per chat (20/min in groups). A send with ``allow_paid_broadcast`` is counted against
        ``paid_per_second`` (Telegram's 1,000/s) instead of the overall limit.
        """
        with self._lock:
            self._global_bucket = _Bucket(per_second) if per_second else None
            self._paid_bucket = _Bucket(paid_per_second) if per_second and paid_per_second else None
            self._chat_rate = per_chat_per_second or None
            self._chat_buckets = {}

    # -- wake-ups ----------------------------------------------------------------------------
    def _schedule_wake(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with self._lock:
            if self._wake_pending:
                return
            self._wake_pending = True
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(self._resolve_waiters)

    def _resolve_waiters(self) -> None:
        with self._lock:
            self._wake_pending = False
        for waiter in list(self._waiters):
            if not waiter.future.done():
                waiter.future.set_result(None)

    # -- HTTP --------------------------------------------------------------------------------
    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while not self._stopping:
                line = await reader.readline()
                if not line:
                    break
                parts = line.decode("latin-1").split()
                if len(parts) != 3:
                    break
                verb, target, version = parts
                headers: dict[str, str] = {}
                while True:
                    raw = await reader.readline()
                    if raw in (b"\r\n", b"\n", b""):
                        break
                    key, _, value = raw.decode("latin-1").partition(":")
                    headers[key.strip().lower()] = value.strip()
                if headers.get("expect", "").lower() == "100-continue":
                    writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                if "content-length" in headers:
                    body = await reader.readexactly(int(headers["content-length"]))
                elif "chunked" in headers.get("transfer-encoding", "").lower():
                    body = await _read_chunked(reader)
                else:
                    body = b""
                fault = self._net_fault(target)
                if fault is not None and fault.body is not None:
                    status, payload, content_type = 200, fault.body, "text/html"
                else:
                    if fault is not None and fault.stall is None:
                        sock = writer.get_extra_info("socket")
                        if sock is not None:  # linger 0: close() sends RST, as a dropped connection does
                            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        break
                    if fault is not None and fault.stall:
                        self.stalled += 1
                        try:
                            await asyncio.sleep(fault.stall)  # cancelled with the loop if the server stops
                        finally:
                            self.stalled -= 1
                    status, payload, content_type = await self._dispatch(verb, target, headers, body, reader)
                    if status == _CLIENT_GONE:
                        break
                keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
                head = (
                    f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
                    f"Server: fake-telegram-bot-api\r\n"
                    f"Content-Type: {content_type}\r\n"
                    f"Content-Length: {len(payload)}\r\n"
                    f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
                )
                writer.write(head.encode("latin-1") + payload)
                await writer.drain()
                if not keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()

    async def _dispatch(
        self,
        verb: str,
        target: str,
        headers: dict[str, str],
        body: bytes,
        reader: asyncio.StreamReader | None = None,
    ) -> tuple[int, bytes, str]:
        arrived = time.monotonic()
        split = urlsplit(target)
        path = unquote(split.path)  # PTB percent-encodes file URLs (the token's ":")
        file_match = _FILE_PATH.fullmatch(path)
        if file_match:
            return self._serve_file(file_match.group(1), file_match.group(2))
        match = _API_PATH.fullmatch(path)
        if match is None or not match.group(2):
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method_name = match.group(1), match.group(2)
        params, json_keys, files, body_error = _decode_body(split.query, headers, body)
        method_def = self.spec.method(method_name)
        canonical = method_def["name"] if method_def else method_name
        checked = False
        pending: Call | None = None
        try:
            if token != self.token:
                if _TOKEN_SHAPE.fullmatch(token):
                    raise _ApiError(401, "Unauthorized")
                raise _ApiError(404, "Not Found")
            if method_def is None:
                raise _ApiError(
                    404,
                    "Not Found",
                    violation=f"no such Bot API method (spec {self.spec.version})",
                )
            if body_error:
                raise _ApiError(400, f"Bad Request: {body_error}", violation=body_error)
            checker = _Checker(self.spec, canonical, files)
            decoded, problems = checker.check_request(params, json_keys)
            params, checked = decoded, True
            if problems:
                with self._lock:
                    for problem in problems:
                        self._violate(canonical, problem.detail)
                raise _ApiError(400, f"Bad Request: {problems[0].description}")
            self._gate(canonical, decoded)
            if canonical == "getUpdates":
                pending = Call(canonical, params, arrived, 200, {}, files)
                self._record(pending)
                result: Any = await self._get_updates(decoded, reader, token)
            else:
                with self._lock:
                    result = self._handle(canonical, decoded, files)
                if canonical in ("setWebhook", "deleteWebhook"):
                    self._restart_webhook_delivery()
            response: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except _ApiError as err:
            status = err.status
            response = {"ok": False, "error_code": status, "description": err.description}
            if err.parameters:
                response["parameters"] = err.parameters
            if err.violation:
                with self._lock:
                    self._violate(canonical, err.violation)
            if not checked:
                params = {k: _best_effort(v) for k, v in params.items()}
        except _ClientGone:
            status = _CLIENT_GONE
            response = {"ok": False, "error_code": status, "description": "client closed the connection"}
        except Exception as exc:  # a bug in this fake: make it loud, answer 500
            status = 500
            response = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            with self._lock:
                self._violate(canonical, f"FAKE SERVER BUG {exc!r} (see tests/fake_bot_api.py)")
        if pending is None:
            self._record(Call(canonical, params, arrived, status, response, files))
        else:
            with self._lock:
                pending.status = status
                pending.response.update(response)
                self._calls_changed.notify_all()
        return _json_response(status, response)

    def _violate(self, method: str, detail: str) -> None:
        self.violations.append(f"{method}: {detail}")

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._by_method.setdefault(call.method.lower(), []).append(call)
            self._calls_changed.notify_all()

    def _serve_file(self, token: str, path: str) -> tuple[int, bytes, str]:
        with self._lock:
            found = next((f for fid, f in self.uploads.items() if path == _file_path(fid, f)), None)
        if token != self.token or found is None:
            return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        return 200, found.data, found.content_type or "application/octet-stream"

    # -- gates: faults, blocked users, flood limits ------------------------------------------
    def _gate(self, method: str, params: dict[str, Any]) -> None:
        with self._lock:
            for key in (method.lower(), "*"):
                if key == "*" and method == "getUpdates":
                    continue
                queue = self._faults.get(key)
                if queue:
                    fault = queue[0]
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        queue.popleft()
                    raise _fault_response(fault)
            if not (_is_send(method) or method == "sendChatAction"):
                return
            chat_id = self._chat_key(params.get("chat_id"))
            if chat_id is not None and chat_id in self._blocked:
                raise _ApiError(403, _BLOCKED)
            if method == "sendChatAction" or not _is_send(method):
                return
            now = time.monotonic()
            waits = []
            bucket = self._paid_bucket if params.get("allow_paid_broadcast") is True else self._global_bucket
            if bucket is not None:
                waits.append(bucket.wait_needed(now))
            chat_bucket = None
            if self._chat_rate and chat_id is not None:
                chat_bucket = self._chat_buckets.setdefault(chat_id, _Bucket(self._chat_rate))
                waits.append(chat_bucket.wait_needed(now))
            wait = max(waits, default=0.0)
            if wait > 0:
                self.rate_limited_count += 1
                retry = max(1, math.ceil(wait))
                raise _ApiError(
                    429,
                    f"Too Many Requests: retry after {retry}",
                    parameters={"retry_after": retry},
                )
            if bucket is not None:
                bucket.take()
            if chat_bucket is not None:
                chat_bucket.take()

    # -- getUpdates --------------------------------------------------------------------------
    async def _get_updates(
        self, params: dict[str, Any], reader: asyncio.StreamReader | None = None, token: str | None = None
    ) -> list[dict[str, Any]]:
        with self._lock:
            if self._webhook is not None:
                raise _ApiError(409, _CONFLICT_WEBHOOK)
            allowed = params.get("allowed_updates")
            if isinstance(allowed, list):
                self._allowed_updates = frozenset(allowed) if allowed else None
            self._confirm(params.get("offset"))
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        timeout = min(max(float(params.get("timeout", 0)), 0.0), self.max_poll_timeout)
        for waiter in list(self._waiters):
            if waiter.kind == "poll" and not waiter.future.done():
                waiter.conflict = True
                waiter.future.set_result(None)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        # HTTP clients don't pipeline, so reading while the poll waits only ever sees EOF:
        # a client that gave up (e.g. PTB cancelling its poll on shutdown) ends the poll.
        gone: asyncio.Task[bytes] | None = None
        try:
            while True:
                batch = self._take(limit)
                if batch or self._stopping:
                    return batch
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return []
                if gone is None and reader is not None:
                    gone = loop.create_task(reader.read(1))
                waiter = _Waiter(loop.create_future(), "poll")
                self._waiters.add(waiter)
                try:
                    watched: list[asyncio.Future[Any]] = [waiter.future]
                    if gone is not None:
                        watched.append(gone)
                    await asyncio.wait(watched, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    self._waiters.discard(waiter)
                if gone is not None and gone.done():
                    raise _ClientGone
                if waiter.conflict:
                    raise _ApiError(409, _CONFLICT_POLL)
                if token is not None and token != self._token:  # revoked while this poll waited
                    raise _ApiError(401, "Unauthorized")
        finally:
            if gone is not None and not gone.done():
                gone.cancel()
                await asyncio.wait([gone])  # the reader must be free before the next request

    def _confirm(self, offset: Any) -> None:
        if not isinstance(offset, int):
            return
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _take(self, limit: int) -> list[dict[str, Any]]:
        with self._lock:
            batch = [u for u in self._updates if self._wanted(u)][:limit]
            now = time.monotonic()
            for update in batch:
                self.delivered_at.setdefault(update["update_id"], now)
            return batch

    def _wanted(self, update: dict[str, Any]) -> bool:
        kind = next((k for k in update if k != "update_id"), "")
        if self._allowed_updates is None:
            return kind not in _NOT_DEFAULT_UPDATES
        return kind in self._allowed_updates

    # -- webhooks (delivered to loopback URLs only) ------------------------------------------
    def _restart_webhook_delivery(self) -> None:
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            self._webhook_task = None
        hook = self._webhook
        if hook is not None and (urlsplit(hook["url"]).hostname or "") in _LOOPBACK_HOSTS:
            self._webhook_task = asyncio.get_running_loop().create_task(self._deliver(hook))

    async def _deliver(self, hook: dict[str, Any]) -> None:
        loop = asyncio.get_running_loop()
        while not self._stopping and self._webhook is hook:
            batch = self._take(1)
            if not batch:
                waiter = _Waiter(loop.create_future(), "webhook")
                self._waiters.add(waiter)
                try:
                    await asyncio.wait([waiter.future], timeout=1.0)
                finally:
                    self._waiters.discard(waiter)
                continue
            update = batch[0]
            error = await _post_json(hook["url"], update, hook.get("secret_token"))
            with self._lock:
                if error is None:
                    self._updates = [u for u in self._updates if u["update_id"] != update["update_id"]]
                else:
                    self._webhook_error = (int(time.time()), error)
            if error is not None:
                await asyncio.sleep(0.1)

    # -- method handlers (run under self._lock) ----------------------------------------------
    def _handle(self, method: str, p: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        handler = _HANDLERS.get(method)
        if handler is not None:
            return handler(self, p)
        returns = self.spec.methods[method.lower()].get("returns", ["Boolean"])
        if returns == ["Message"] and method.startswith("send") and "chat_id" in p:
            return self._send(method, p)
        return self._minimal_result(returns)

    def _get_me(self, p: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": self.inline_mode,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def _true(self, p: dict[str, Any]) -> bool:
        return True

    def _send_message(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send("sendMessage", p)

    def _send(self, method: str, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._resolve_chat(p["chat_id"])
        reply_to = self._reply_target(chat_id, p)
        message = self._new_message(chat_id)
        if method == "sendMessage":
            message.update(_formatted(p["text"], p.get("parse_mode"), p.get("entities")))
        else:
            kind = method[len("send") :]
            key = re.sub(r"(?<!^)(?=[A-Z])", "_", kind).lower()
            if key == "photo":
                message["photo"] = self._photo_sizes(p.get("photo"))
            elif key in _MEDIA_KEYS:
                message[key] = self._media_object(key, p.get(key))
            elif key in ("location", "venue"):
                message["location"] = {
                    "latitude": p.get("latitude", 0.0),
                    "longitude": p.get("longitude", 0.0),
                }
            elif key == "contact":
                message["contact"] = {
                    "phone_number": p.get("phone_number", ""),
                    "first_name": p.get("first_name", ""),
                }
            elif key == "dice":
                message["dice"] = {"emoji": p.get("emoji", "🎲"), "value": 1}
            if "caption" in p:
                formatted = _formatted(p["caption"], p.get("parse_mode"), p.get("caption_entities"))
                message["caption"] = formatted["text"]
                if "entities" in formatted:
                    message["caption_entities"] = formatted["entities"]
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._store(message)
        return message

    def _send_media_group(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        chat_id = self._resolve_chat(p["chat_id"])
        group_id = str(next(self._file_counter) + 10**12)
        out = []
        for item in p.get("media", []):
            message = self._new_message(chat_id)
            message["media_group_id"] = group_id
            kind = item.get("type", "photo") if isinstance(item, dict) else "photo"
            if kind == "photo":
                message["photo"] = self._photo_sizes(None)
            else:
                message[kind] = self._media_object(kind, None)
            if isinstance(item, dict) and "caption" in item:
                message["caption"] = _formatted(item["caption"], item.get("parse_mode"), None)["text"]
            self._store(message)
            out.append(message)
        return out

    def _copy_message(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._resolve_chat(p["chat_id"])
        message = self._new_message(chat_id)
        message["text"] = "(copy)"
        self._store(message)
        return {"message_id": message["message_id"]}

    def _forward_message(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._resolve_chat(p["chat_id"])
        message = self._new_message(chat_id)
        message["text"] = "(forwarded)"
        self._store(message)
        return message

    def _edit(self, method: str, p: dict[str, Any]) -> Any:
        if "inline_message_id" in p:
            return True
        if "chat_id" not in p or "message_id" not in p:
            raise _ApiError(
                400,
                "Bad Request: message identifier is not specified",
                violation="chat_id and message_id (or inline_message_id) are required",
            )
        chat_id = self._resolve_chat(p["chat_id"])
        message_id = p["message_id"]
        stored = self._bot_messages.get((chat_id, message_id))
        if stored is None:
            if self._message_exists(chat_id, message_id):
                raise _ApiError(
                    400,
                    "Bad Request: message can't be edited",
                    violation=f"message {message_id} in chat {chat_id} was not sent by the bot",
                )
            raise _ApiError(
                400,
                "Bad Request: message to edit not found",
                violation=f"no message {message_id} in chat {chat_id}",
            )
        new = dict(stored)
        if method == "editMessageText":
            if "text" not in stored:
                raise _ApiError(
                    400,
                    "Bad Request: there is no text in the message to edit",
                    violation=f"message {message_id} has no text (use editMessageCaption)",
                )
            new.pop("entities", None)
            new.update(_formatted(p["text"], p.get("parse_mode"), p.get("entities")))
        elif method == "editMessageCaption":
            new.pop("caption", None)
            new.pop("caption_entities", None)
            if "caption" in p:
                formatted = _formatted(p["caption"], p.get("parse_mode"), p.get("caption_entities"))
                new["caption"] = formatted["text"]
                if "entities" in formatted:
                    new["caption_entities"] = formatted["entities"]
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup and markup["inline_keyboard"]:
            new["reply_markup"] = markup
        else:
            new.pop("reply_markup", None)
        keys = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(new.get(k) == stored.get(k) for k in keys):
            raise _ApiError(400, _NOT_MODIFIED)
        new["edit_date"] = int(time.time())
        self._bot_messages[(chat_id, message_id)] = new
        return new

    def _edit_message_text(self, p: dict[str, Any]) -> Any:
        return self._edit("editMessageText", p)

    def _edit_message_caption(self, p: dict[str, Any]) -> Any:
        return self._edit("editMessageCaption", p)

    def _edit_message_reply_markup(self, p: dict[str, Any]) -> Any:
        return self._edit("editMessageReplyMarkup", p)

    def _delete_message(self, p: dict[str, Any]) -> bool:
        chat_id = self._resolve_chat(p["chat_id"])
        message_id = p["message_id"]
        if not self._message_exists(chat_id, message_id):
            raise _ApiError(400, "Bad Request: message to delete not found")
        self._deleted.add((chat_id, message_id))
        self._bot_messages.pop((chat_id, message_id), None)
        return True

    def _answer_callback_query(self, p: dict[str, Any]) -> bool:
        return _answer_once(self._callback_ids, p["callback_query_id"], "callback_query_id")

    def _answer_inline_query(self, p: dict[str, Any]) -> bool:
        return _answer_once(self._inline_query_ids, p["inline_query_id"], "inline_query_id")

    def _set_webhook(self, p: dict[str, Any]) -> bool:
        url = p.get("url", "")
        if p.get("drop_pending_updates"):
            self._updates.clear()
        if not url:
            self._webhook = None
            return True
        self._webhook = {
            "url": url,
            "secret_token": p.get("secret_token"),
            "max_connections": p.get("max_connections", 40),
        }
        self._webhook_error = None
        if isinstance(p.get("allowed_updates"), list):
            allowed = p["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else None
        return True

    def _delete_webhook(self, p: dict[str, Any]) -> bool:
        self._webhook = None
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, p: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook:
            info["max_connections"] = self._webhook["max_connections"]
            info["ip_address"] = "127.0.0.1"
            if self._allowed_updates is not None:
                info["allowed_updates"] = sorted(self._allowed_updates)
            if self._webhook_error:
                info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    def _set_my_commands(self, p: dict[str, Any]) -> bool:
        self._commands[_commands_key(p)] = list(p.get("commands", []))
        return True

    def _delete_my_commands(self, p: dict[str, Any]) -> bool:
        self._commands.pop(_commands_key(p), None)
        return True

    def _get_my_commands(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        return self._commands.get(_commands_key(p), [])

    def _set_chat_menu_button(self, p: dict[str, Any]) -> bool:
        self._menu_buttons[p.get("chat_id")] = p.get("menu_button") or {"type": "default"}
        return True

    def _get_chat_menu_button(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._menu_buttons.get(p.get("chat_id"), {"type": "commands"})

    def _get_chat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._resolve_chat(p["chat_id"])
        info = self._minimal_object("ChatFullInfo")
        info.update(self._chat_object(chat_id))
        return info

    def _get_file(self, p: dict[str, Any]) -> dict[str, Any]:
        file_id = p["file_id"]
        found = self.uploads.get(file_id)
        if found is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": f"U{file_id}",
            "file_size": found.size,
            "file_path": _file_path(file_id, found),
        }

    # -- helpers for handlers ----------------------------------------------------------------
    def _chat_key(self, chat_id: Any) -> int | None:
        if isinstance(chat_id, int):
            return chat_id
        if isinstance(chat_id, str):
            return self._resolve_chat(chat_id)
        return None

    def _resolve_chat(self, chat_id: int | str) -> int:
        if isinstance(chat_id, int):
            return chat_id
        name = chat_id.lower()
        if name not in self._usernames:
            new_id = -(1_000_000_000_000 + len(self._usernames) + 1)
            self._usernames[name] = new_id
            self._chats[new_id] = {"id": new_id, "type": "channel", "title": chat_id[1:], "username": chat_id[1:]}
        return self._usernames[name]

    def _chat_object(self, chat_id: int) -> dict[str, Any]:
        chat = self._chats.get(chat_id)
        if chat is not None:
            return chat
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "User"}
        if str(chat_id).startswith("-100"):
            return {"id": chat_id, "type": "supergroup", "title": "Test supergroup"}
        return {"id": chat_id, "type": "group", "title": "Test group"}

    def _next_message_id(self, chat_id: int) -> int:
        value = self._message_counter.get(chat_id, 0) + 1
        self._message_counter[chat_id] = value
        return value

    def _message_exists(self, chat_id: int, message_id: Any) -> bool:
        return (
            isinstance(message_id, int)
            and 1 <= message_id <= self._message_counter.get(chat_id, 0)
            and (chat_id, message_id) not in self._deleted
        )

    def _new_message(self, chat_id: int) -> dict[str, Any]:
        return {
            "message_id": self._next_message_id(chat_id),
            "from": self._bot_user(),
            "chat": self._chat_object(chat_id),
            "date": int(time.time()),
        }

    def _store(self, message: dict[str, Any]) -> None:
        chat_id = message["chat"]["id"]
        self._bot_messages[(chat_id, message["message_id"])] = message
        self._last_bot_message[chat_id] = message["message_id"]
        if "reply_markup" in message:
            self._last_keyboard_message[chat_id] = message["message_id"]

    def _reply_target(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any] | None:
        params = p.get("reply_parameters")
        if not isinstance(params, dict):
            return None
        target_chat = self._chat_key(params.get("chat_id", chat_id)) or chat_id
        message_id = params.get("message_id")
        if isinstance(message_id, int) and self._message_exists(target_chat, message_id):
            stored = self._bot_messages.get((target_chat, message_id))
            if stored is not None:
                return {k: v for k, v in stored.items() if k != "reply_to_message"}
            user_message = self._last_user_message.get(target_chat)
            if user_message is not None and user_message["message_id"] == message_id:
                return {k: v for k, v in user_message.items() if k != "reply_to_message"}
            return {
                "message_id": message_id,
                "chat": self._chat_object(target_chat),
                "date": int(time.time()),
            }
        if params.get("allow_sending_without_reply"):
            return None
        raise _ApiError(
            400,
            "Bad Request: message to be replied not found",
            violation=f"reply_parameters.message_id {message_id} does not exist in the chat",
        )

    def _bot_message_for(self, chat_id: int, message_id: int | None) -> dict[str, Any]:
        if message_id is None:
            message_id = self._last_keyboard_message.get(chat_id, self._last_bot_message.get(chat_id))
        if message_id is not None:
            stored = self._bot_messages.get((chat_id, message_id))
            if stored is not None:
                return stored
        if message_id is None:
            message_id = self._next_message_id(chat_id)
        elif message_id > self._message_counter.get(chat_id, 0):
            self._message_counter[chat_id] = message_id
        message = {
            "message_id": message_id,
            "from": self._bot_user(),
            "chat": self._chat_object(chat_id),
            "date": int(time.time()),
            "text": "(an earlier message from the bot)",
        }
        self._store(message)
        return message

    def _learn_from_update(self, update: dict[str, Any]) -> None:
        for key, body in update.items():
            if not isinstance(body, dict):
                continue
            if key == "callback_query" and "id" in body:
                self._callback_ids.setdefault(str(body["id"]), False)
                body = body.get("message") or {}
            chat = body.get("chat")
            if isinstance(chat, dict) and isinstance(chat.get("id"), int):
                self._chats.setdefault(chat["id"], chat)
                message_id = body.get("message_id")
                if isinstance(message_id, int) and message_id > self._message_counter.get(chat["id"], 0):
                    self._message_counter[chat["id"]] = message_id

    def _photo_sizes(self, photo: Any) -> list[dict[str, Any]]:
        if isinstance(photo, UploadedFile):
            size = _png_size(photo.data) or (1280, 720)
            data_size = photo.size
            upload: UploadedFile | None = photo
        else:
            size, data_size, upload = (1280, 720), 0, None
            if isinstance(photo, str) and photo in self.uploads:
                upload = self.uploads[photo]
                size = _png_size(upload.data) or size
                data_size = upload.size
        width, height = size
        sizes: list[dict[str, Any]] = []
        for limit in (90, 320, 800, 1280):
            scale = min(1.0, limit / max(width, height, 1))
            w, h = max(1, round(width * scale)), max(1, round(height * scale))
            if sizes and (w, h) == (sizes[-1]["width"], sizes[-1]["height"]):
                continue
            file_id = f"AgACAgIAAxkBAAI{next(self._file_counter):06d}fake"
            entry = {
                "file_id": file_id,
                "file_unique_id": f"AQAD{file_id[-10:]}",
                "width": w,
                "height": h,
            }
            if upload is not None:
                self.uploads[file_id] = upload
                entry["file_size"] = data_size if scale == 1.0 else max(1, data_size // 4)
            sizes.append(entry)
        return sizes

    def _media_object(self, key: str, value: Any) -> dict[str, Any]:
        file_id = f"BQACAgIAAxkBAAI{next(self._file_counter):06d}fake"
        obj: dict[str, Any] = {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-10:]}"}
        if isinstance(value, UploadedFile):
            self.uploads[file_id] = value
            obj["file_size"] = value.size
            if key in ("document", "audio", "animation", "video"):
                obj["file_name"] = value.filename
                obj["mime_type"] = value.content_type
        if key == "sticker":
            obj.update({"type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False})
        elif key in ("animation", "video"):
            obj.update({"width": 320, "height": 240, "duration": 1})
        elif key in ("audio", "voice"):
            obj["duration"] = 1
        elif key == "video_note":
            obj.update({"length": 240, "duration": 1})
        return obj

    def _minimal_result(self, returns: list[str]) -> Any:
        kind = returns[0] if returns else "Boolean"
        if kind == "Boolean" or "Boolean" in returns:
            return True
        if kind.startswith("Array of "):
            return []
        if kind == "Integer":
            return 1
        if kind == "String":
            return "https://t.me/+fakeInviteLink"
        if kind in self.spec.types:
            return self._minimal_object(kind)
        return True

    def _minimal_object(self, type_name: str, depth: int = 0) -> dict[str, Any]:
        """The smallest spec-conformant object of a type (required fields only)."""
        tdef = self.spec.types.get(type_name, {})
        if tdef.get("subtypes"):
            first = next((s for s in tdef["subtypes"] if s in self.spec.type_fields), None)
            return self._minimal_object(first, depth + 1) if first and depth < 6 else {}
        out: dict[str, Any] = {}
        disc = self.spec.discriminator_value(type_name)
        for name, f in self.spec.type_fields.get(type_name, {}).items():
            if not f.get("required"):
                continue
            t = f["types"][0]
            if disc and name == disc[0]:
                out[name] = disc[1]
            elif t.startswith("Array of "):
                out[name] = []
            elif t == "Integer":
                out[name] = self.bot_id if name == "id" else 0
            elif t == "Float":
                out[name] = 0.0
            elif t == "Boolean":
                out[name] = False
            elif t == "String":
                out[name] = "private" if name == "type" else ""
            elif t in self.spec.types and depth < 6:
                out[name] = self._minimal_object(t, depth + 1)
        return out


_HANDLERS: dict[str, Callable[[FakeBotApi, dict[str, Any]], Any]] = {
    "getMe": FakeBotApi._get_me,
    "sendMessage": FakeBotApi._send_message,
    "sendMediaGroup": FakeBotApi._send_media_group,
    "copyMessage": FakeBotApi._copy_message,
    "forwardMessage": FakeBotApi._forward_message,
    "editMessageText": FakeBotApi._edit_message_text,
    "editMessageCaption": FakeBotApi._edit_message_caption,
    "editMessageReplyMarkup": FakeBotApi._edit_message_reply_markup,
    "deleteMessage": FakeBotApi._delete_message,
    "answerCallbackQuery": FakeBotApi._answer_callback_query,
    "answerInlineQuery": FakeBotApi._answer_inline_query,
    "sendChatAction": FakeBotApi._true,
    "setWebhook": FakeBotApi._set_webhook,
    "deleteWebhook": FakeBotApi._delete_webhook,
    "getWebhookInfo": FakeBotApi._get_webhook_info,
    "setMyCommands": FakeBotApi._set_my_commands,
    "deleteMyCommands": FakeBotApi._delete_my_commands,
    "getMyCommands": FakeBotApi._get_my_commands,
    "setChatMenuButton": FakeBotApi._set_chat_menu_button,
    "getChatMenuButton": FakeBotApi._get_chat_menu_button,
    "getChat": FakeBotApi._get_chat,
    "getFile": FakeBotApi._get_file,
    "close": FakeBotApi._true,
    "logOut": FakeBotApi._true,
}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _json_response(status: int, body: dict[str, Any]) -> tuple[int, bytes, str]:
    return status, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json"


def _formatted(text: str, parse_mode: Any, entities: Any) -> dict[str, Any]:
    """The Message fields Telegram returns for a text sent with parse_mode/entities."""
    if isinstance(parse_mode, str) and parse_mode.lower() == "html":
        parsed = parse_html(text)
        out: dict[str, Any] = {"text": parsed.text}
        if parsed.entities:
            out["entities"] = parsed.entities
        return out
    out = {"text": text}
    if isinstance(entities, list) and entities:
        out["entities"] = entities
    return out


def _auto_entities(text: str) -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = []
    command = _COMMAND_RE.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for mention in _MENTION_RE.finditer(text):
        if command and mention.start() < command.end():
            continue
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention.group()),
            }
        )
    return entities


def _same_chat(value: Any, chat_id: int | str) -> bool:
    if value == chat_id:
        return True
    return isinstance(value, str) and isinstance(chat_id, str) and value.lower() == chat_id.lower()


def _commands_key(p: dict[str, Any]) -> str:
    scope = p.get("scope") or {"type": "default"}
    return json.dumps([scope, p.get("language_code", "")], sort_keys=True)


def _file_path(file_id: str, upload: UploadedFile) -> str:
    suffix = Path(upload.filename).suffix or ".bin"
    return f"uploads/{file_id}{suffix}"


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    body = bytearray()
    while True:
        size_line = await reader.readline()
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            return bytes(body)
        body += await reader.readexactly(size)
        await reader.readexactly(2)


async def _post_json(url: str, payload: dict[str, Any], secret: str | None) -> str | None:
    """POST an update to a loopback webhook; returns an error message or None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host not in _LOOPBACK_HOSTS:
        return "the fake server only delivers webhooks to loopback addresses"
    if parts.scheme != "http":
        return "the fake server delivers webhooks over plain http only"
    port = parts.port or 80
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    body = json.dumps(payload).encode("utf-8")
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n"
    )
    if secret:
        head += f"X-Telegram-Bot-Api-Secret-Token: {secret}\r\n"
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 2.0)
        try:
            writer.write(head.encode("latin-1") + b"\r\n" + body)
            await writer.drain()
            status_line = await asyncio.wait_for(reader.readline(), 10.0)
        finally:
            writer.close()
    except (OSError, TimeoutError) as exc:
        return f"Connection failed: {exc!r}"
    fields = status_line.decode("latin-1").split()
    if len(fields) < 2 or not fields[1].isdigit():
        return "Wrong response from the webhook: malformed status line"
    status = int(fields[1])
    if not 200 <= status < 300:
        return f"Wrong response from the webhook: {status} {HTTPStatus(status).phrase}"
    return None
