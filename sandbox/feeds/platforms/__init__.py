"""The platform registry: one module per platform, looked up by id."""

from __future__ import annotations

from werkzeug.exceptions import NotFound

from . import microblog, professional, reviews, social
from .base import AudienceChoice, Platform

PLATFORMS: dict[str, Platform] = {
    module.PLATFORM.id: module.PLATFORM for module in (microblog, social, professional, reviews)
}


def get_platform(platform_id: str) -> Platform:
    """The platform with this id, or 404."""
    try:
        return PLATFORMS[platform_id]
    except KeyError:
        raise NotFound(f"No platform called {platform_id!r}.") from None


__all__ = ["PLATFORMS", "AudienceChoice", "Platform", "get_platform"]
