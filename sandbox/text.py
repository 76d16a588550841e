"""Turning user text into safe HTML: the only module that imports bleach."""

from __future__ import annotations

import re

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


_LINKER = Linker(callbacks=[_nofollow], skip_tags=["a"], parse_email=False)


def sanitize(html: str) -> Markup:
    """Return HTML reduced to the few tags and attributes the feeds allow."""
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
    )
    return Markup(cleaned)  # noqa: S704 - bleach output is the one trusted source of HTML


def linkify(text: str | None, tag_url: str = "/tags/", profile_url: str = "/people/") -> Markup:
    """Escape user text, then turn links, @mentions and #hashtags into links and newlines into <br>."""
    escaped = str(escape(text or ""))
    escaped = _MENTION.sub(lambda m: f'<a class="mention" href="{profile_url}{m[1]}">@{m[1]}</a>', escaped)
    escaped = _HASHTAG.sub(lambda m: f'<a class="hashtag" href="{tag_url}{m[1]}">#{m[1]}</a>', escaped)
    linked = _LINKER.linkify(escaped)
    return sanitize(linked.replace("\n", "<br>"))
