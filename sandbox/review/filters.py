"""The review queue's filters and sort orders, parsed from query parameters with clear errors."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..errors import InvalidInput
from ..feedback import PRIVACY_LABELS, TONE_LABELS
from ..feedback.model import SEVERITIES
from ..feeds.platforms import PLATFORMS
from ..inputs import whole_number
from ..models.review import REVIEW_STATUSES

SORTS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "score_low": "Lowest score first",
    "score_high": "Highest score first",
    "findings": "Most findings first",
}
LABELS = PRIVACY_LABELS + TONE_LABELS
TRUE_WORDS, FALSE_WORDS = {"true", "1", "on", "yes"}, {"", "false", "0", "off", "no"}


@dataclass(frozen=True)
class QueueFilters:
    """What the reviewer asked the queue to show, and in which order."""

    cohort_id: int | None = None
    session_id: int | None = None
    scenario_id: str | None = None
    platform: str | None = None
    trainee_id: int | None = None
    label: str | None = None
    severity: str | None = None
    overridden: bool = False
    deleted: bool = False
    status: str | None = None
    sort: str = "newest"

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QueueFilters:
        """Parse query parameters; a bad value raises InvalidInput naming the parameter."""
        return cls(
            cohort_id=_int(args, "cohort_id"),
            session_id=_int(args, "session_id"),
            scenario_id=(args.get("scenario_id") or "").strip()[:60] or None,
            platform=_choice(args, "platform", PLATFORMS),
            trainee_id=_int(args, "trainee_id"),
            label=_choice(args, "label", LABELS),
            severity=_choice(args, "severity", SEVERITIES),
            overridden=_flag(args, "overridden"),
            deleted=_flag(args, "deleted"),
            status=_choice(args, "status", REVIEW_STATUSES),
            sort=_choice(args, "sort", SORTS) or "newest",
        )

    def as_args(self, **changes: Any) -> dict[str, Any]:
        """The filters as query parameters (defaults left out), with some values changed."""
        values = asdict(replace(self, **changes))
        return {
            name: ("true" if value is True else value)
            for name, value in values.items()
            if value not in (None, False) and not (name == "sort" and value == "newest")
        }

    def without_status(self) -> QueueFilters:
        """The same filters for every review status (for the per-status counts)."""
        return replace(self, status=None)


def _int(args: Mapping[str, str], name: str) -> int | None:
    return whole_number(args.get(name), name)


def _choice(args: Mapping[str, str], name: str, allowed: Mapping | tuple) -> str | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    if raw not in allowed:
        raise InvalidInput(f"{name} must be one of: {', '.join(allowed)}.", name)
    return raw


def _flag(args: Mapping[str, str], name: str) -> bool:
    raw = (args.get(name) or "").strip().lower()
    if raw not in TRUE_WORDS | FALSE_WORDS:
        raise InvalidInput(f"{name} must be true or false.", name)
    return raw in TRUE_WORDS


def encode_offset(offset: int) -> str:
    """An opaque cursor for the API: where the next page starts."""
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_offset(cursor: str | None) -> int:
    """The offset inside a cursor (0 without one), or a clear error for a mangled cursor."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, number = raw.partition(":")
        if kind != "o":
            raise ValueError(raw)
        return whole_number(number, "cursor", default=0)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("That cursor is not valid; start again from the first page.", "cursor") from None


def page_number(args: Mapping[str, str], name: str = "page") -> int:
    """The 1-based page number of a list on the queue page (1 when absent)."""
    return whole_number(args.get(name), name, default=1, low=1)
