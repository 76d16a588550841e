"""sandbox.text: user text is escaped, and only links, mentions and hashtags become HTML."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from sandbox.text import linkify, sanitize

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    "@x<script>alert(1)</script>",
    '#tag"><img src=x onerror=alert(1)>',
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_come_out_inert(payload):
    parser = _Elements()
    parser.feed(str(linkify(payload)))
    for tag, attrs in parser.elements:
        assert tag in ("a", "br"), tag
        assert set(attrs) <= {"href", "rel", "class"}, attrs
        assert not attrs.get("href", "").lower().startswith("javascript"), attrs


def test_mentions_hashtags_and_links_become_links_and_the_rest_is_escaped():
    html = str(linkify("Hi @sam_lee, see https://example.org/x?a=1&b=2 #handwashing <b>now</b>\nthanks"))
    assert '<a class="mention" href="/people/sam_lee">@sam_lee</a>' in html
    assert '<a class="hashtag" href="/tags/handwashing">#handwashing</a>' in html
    assert 'href="https://example.org/x?a=1&amp;b=2"' in html and 'rel="nofollow noopener noreferrer"' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "<br>" in html


def test_email_addresses_and_html_entities_are_not_mentions_or_tags():
    html = str(linkify("write to help@example.org &#35;1"))
    assert "mention" not in html and "hashtag" not in html


def test_sanitize_strips_unknown_tags_and_attributes():
    assert (
        str(sanitize('<a href="https://x.org" onclick="evil()">x</a><iframe></iframe>'))
        == '<a href="https://x.org">x</a>'
    )
