"""Post times read as each platform writes them: "3m" on a microblog, "3 days ago" on a review site."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sandbox.feeds.times import time_ago

NOW = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "microblog", "social", "professional", "reviews"),
    [
        (timedelta(seconds=5), "5s", "Just now", "now", "a minute ago"),
        (timedelta(minutes=1), "1m", "1 min", "1m", "a minute ago"),
        (timedelta(minutes=3), "3m", "3 mins", "3m", "3 minutes ago"),
        (timedelta(hours=1), "1h", "1 hr", "1h", "an hour ago"),
        (timedelta(hours=2), "2h", "2 hrs", "2h", "2 hours ago"),
        (timedelta(hours=30), "Dec 7", "Yesterday", "1d", "a day ago"),
        (timedelta(days=3), "Dec 5", "5 December", "3d", "3 days ago"),
        (timedelta(days=10), "Nov 28", "28 November", "1w", "a week ago"),
        (timedelta(days=45), "Oct 24", "24 October", "1mo", "a month ago"),
        (timedelta(days=400), "Nov 3, 2025", "3 November 2025", "1yr", "a year ago"),
        (timedelta(days=800), "Sep 29, 2024", "29 September 2024", "2yr", "2 years ago"),
    ],
)
def test_each_platform_writes_how_long_ago_in_its_own_style(ago, microblog, social, professional, reviews):
    moment = NOW - ago
    assert [time_ago(moment, p, NOW) for p in ("microblog", "social", "professional", "reviews")] == [
        microblog,
        social,
        professional,
        reviews,
    ]


def test_a_naive_time_is_taken_as_utc_and_a_future_one_as_now():
    assert time_ago(datetime(2026, 12, 8, 11, 58), "microblog", NOW) == "2m"
    assert time_ago(NOW + timedelta(minutes=5), "social", NOW) == "Just now"
    assert time_ago(None, "reviews", NOW) == ""
