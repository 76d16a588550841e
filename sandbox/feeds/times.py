"""How long ago a post was written, in the style of each platform's genre ("3m" on a microblog)."""

from __future__ import annotations

from datetime import UTC, datetime

from ..models.types import utcnow

MINUTE, HOUR, DAY, WEEK, MONTH, YEAR = 60, 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400
# Below each limit, a time is counted in the unit of the given size.
_STEPS = (
    (HOUR, MINUTE, "minute"),
    (DAY, HOUR, "hour"),
    (WEEK, DAY, "day"),
    (MONTH, WEEK, "week"),
    (YEAR, MONTH, "month"),
)


def _microblog(seconds: float, moment: datetime, now: datetime) -> str:
    if seconds < MINUTE:
        return f"{int(seconds)}s"
    if seconds < HOUR:
        return f"{int(seconds // MINUTE)}m"
    if seconds < DAY:
        return f"{int(seconds // HOUR)}h"
    day = f"{moment:%b} {moment.day}"
    return day if moment.year == now.year else f"{day}, {moment.year}"


def _social(seconds: float, moment: datetime, now: datetime) -> str:
    if seconds < MINUTE:
        return "Just now"
    if seconds < HOUR:
        minutes = int(seconds // MINUTE)
        return f"{minutes} min{'s' if minutes > 1 else ''}"
    if seconds < DAY:
        hours = int(seconds // HOUR)
        return f"{hours} hr{'s' if hours > 1 else ''}"
    if (now.date() - moment.date()).days == 1:
        return "Yesterday"
    day = f"{moment.day} {moment:%B}"
    return day if moment.year == now.year else f"{day} {moment.year}"


def _professional(seconds: float, moment: datetime, now: datetime) -> str:
    if seconds < MINUTE:
        return "now"
    for limit, size, unit in _STEPS:
        if seconds < limit:
            return f"{int(seconds // size)}{unit[0] if unit != 'month' else 'mo'}"
    return f"{int(seconds // YEAR)}yr"


def _reviews(seconds: float, moment: datetime, now: datetime) -> str:
    count, unit = next(
        ((max(1, int(seconds // size)), unit) for limit, size, unit in _STEPS if seconds < limit),
        (max(1, int(seconds // YEAR)), "year"),
    )
    if count > 1:
        return f"{count} {unit}s ago"
    return f"{'an' if unit == 'hour' else 'a'} {unit} ago"


STYLES = {"microblog": _microblog, "social": _social, "professional": _professional, "reviews": _reviews}


def time_ago(moment: datetime | None, platform_id: str, now: datetime | None = None) -> str:
    """How long ago `moment` was, as the platform's genre writes it; empty for no time."""
    if moment is None:
        return ""
    now = now or utcnow()
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    seconds = max(0.0, (now - moment).total_seconds())
    return STYLES.get(platform_id, _microblog)(seconds, moment.astimezone(UTC), now.astimezone(UTC))
