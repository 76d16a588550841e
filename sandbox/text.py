"""Turning user text into safe HTML: the only module that imports bleach."""

from __future__ import annotations

import re
import threading

import bleach
from bleach.linkifier import Linker
from markupsafe import Markup, escape

ALLOWED_TAGS = ["a", "br"]
ALLOWED_ATTRIBUTES = {"a": ["href", "rel", "class"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
_MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_]{1,30})\b")
_HASHTAG = re.compile(r"(?<![\w&#/])#([A-Za-z][A-Za-z0-9_]{0,49})\b")


def _nofollow(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


# A Linker keeps parser, tree-walker and serializer state between calls, so it is not thread-safe:
# shared between the server's threads it mixed one request's text into another's page. One per thread
# costs what the shared one did; one per call would cost more (bench/text_bench.py measures both).
_PER_THREAD = threading.local()


def _new_linker() -> Linker:
    """A Linker that links bare URLs with rel=nofollow and leaves the mention and hashtag links alone."""
    return Linker(callbacks=[_nofollow], skip_tags=["a"], parse_email=False)


def _linker() -> Linker:
    """This thread's own Linker, made on first use."""
    linker = getattr(_PER_THREAD, "linker", None)
    if linker is None:
        linker = _PER_THREAD.linker = _new_linker()
    return linker


def sanitize(html: str) -> Markup:
    """Return HTML reduced to the few tags and attributes the feeds allow."""
    # bleach.clean builds a new Cleaner on each call, so nothing is shared between threads here.
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
    )
    return Markup(cleaned)  # noqa: S704 - bleach output is the one trusted source of HTML


def linkify(text: str | None, tag_url: str = "/tags/", profile_url: str = "/people/") -> Markup:
    """Escape user text, then turn links, @mentions and #hashtags into links and newlines into <br>."""
    escaped = str(escape(text or ""))
    escaped = _MENTION.sub(lambda m: f'<a class="mention" href="{profile_url}{m[1]}">@{m[1]}</a>', escaped)
    escaped = _HASHTAG.sub(lambda m: f'<a class="hashtag" href="{tag_url}{m[1]}">#{m[1]}</a>', escaped)
    linked = _linker().linkify(escaped)
    return sanitize(linked.replace("\n", "<br>"))
