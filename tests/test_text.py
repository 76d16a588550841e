"""sandbox.text: user text is escaped, and only links, mentions and hashtags become HTML."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
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


def test_linkify_called_from_many_threads_at_once_returns_each_caller_its_own_text():
    threads, texts_per_thread = 8, 300
    texts = [
        [
            f"caller {t} text {i}: see https://t{t}.example/{i} @user_{t}_{i} #tag{t}x{i} <b>{t}/{i}</b>"
            for i in range(texts_per_thread)
        ]
        for t in range(threads)
    ]
    expected = [[str(linkify(text)) for text in row] for row in texts]
    start = threading.Barrier(threads)

    def run(row: list[str]) -> list[str]:
        start.wait()
        outputs = []
        for text in row:
            try:
                outputs.append(str(linkify(text)))
            except Exception as error:  # noqa: BLE001 - a crash is one more wrong answer
                outputs.append(repr(error))
        return outputs

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(run, texts))
    wrong = [
        (t, i, out) for t, row in enumerate(results) for i, out in enumerate(row) if out != expected[t][i]
    ]
    assert wrong == [], f"{len(wrong)} of {threads * texts_per_thread} outputs wrong, e.g. {wrong[:2]}"
