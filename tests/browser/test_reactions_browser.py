"""Kinfolk shows one reaction button and a picker for the others; the chosen reaction takes the button."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_platforms_browser import log_in, seed_platform

pytestmark = pytest.mark.browser


def test_a_reaction_is_picked_from_the_picker_and_then_shows_on_the_button(live_app, live_server, page):
    seeded = seed_platform(live_app, "social")
    log_in(page, live_server, seeded["email"], "/p/social/")
    card = page.locator(f"#post-{seeded['post_id']}")
    expect(card.locator("footer > form button.reaction:visible")).to_have_count(1)  # "Like" alone
    expect(card.get_by_role("button", name="Love")).to_be_hidden()
    card.locator(".reaction-picker summary").click()
    card.get_by_role("button", name="Love").click()
    card = page.locator(f"#post-{seeded['post_id']}")
    chosen = card.locator("footer > form > button.reaction")
    expect(chosen).to_have_text("Love")
    expect(chosen).to_have_attribute("aria-pressed", "true")
    expect(card.locator(".reactions .count")).to_have_text("1")
    chosen.click()  # the same reaction again takes it back
    expect(page.locator(f"#post-{seeded['post_id']} footer > form > button.reaction")).to_have_text("Like")
