"""The composer counts as the server does and refuses an over-long post; links and buttons are legible."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_platforms_browser import log_in, seed_platform
from .test_run_drafts_browser import start_run
from .test_scenarios_browser import FINISH_CONFIRM, log_in_trainee

pytestmark = pytest.mark.browser

# The WCAG contrast ratio of each visible link and button's text against the background it sits on.
CONTRASTS = """
() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || c[3] > 0.9) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll("a, button")]
    .filter((el) => el.offsetParent !== null && el.textContent.trim())
    .map((el) => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      return [el.textContent.trim().slice(0, 40), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
    });
}
"""


def low_contrast(page: Page) -> list:
    return [(text, round(ratio, 2)) for text, ratio in page.evaluate(CONTRASTS) if ratio < 4.5]


def test_the_counter_counts_an_emoji_as_one_and_an_over_long_post_cannot_be_sent(live_app, live_server, page):
    seeded = seed_platform(live_app, "microblog")
    log_in(page, live_server, seeded["email"], "/p/microblog/")
    form = page.locator("form.composer").first
    box, post = form.locator("textarea"), form.locator('button[type="submit"]')
    box.fill("x" * 278 + "\n😀")  # 280 characters as the server counts them (the line break sent as CR LF)
    expect(form.locator(".counter .count")).to_have_text("280")
    expect(post).to_be_enabled()
    box.press("End")
    box.press_sequentially("!")
    expect(form.locator(".counter .count")).to_have_text("281")
    expect(form.locator(".counter")).to_have_class(re.compile("over-limit"))
    expect(post).to_be_disabled()
    box.press("Backspace")
    expect(post).to_be_enabled()
    post.click()
    expect(page.locator(".flash").first).to_contain_text("Posted.")


@pytest.mark.parametrize("platform_id", ["microblog", "social", "professional", "reviews"])
def test_every_platforms_links_and_buttons_meet_wcag_aa_contrast(live_app, live_server, page, platform_id):
    seeded = seed_platform(live_app, platform_id)
    log_in(page, live_server, seeded["email"], f"/p/{platform_id}/")
    assert low_contrast(page) == []


def test_the_scorecard_link_on_a_finished_flock_run_is_legible(live_app, live_server, browser):
    from .harness import watched_page

    with watched_page(browser, accept_confirms=(FINISH_CONFIRM,)) as page:
        log_in_trainee(live_app, page, live_server)
        run_id = start_run(page, live_server)
        page.get_by_role("button", name="Finish and see my scorecard").click()
        page.wait_for_url(re.compile(r"/scorecard$"))
        page.goto(f"{live_server}/practice/runs/{run_id}")
        link = page.get_by_role("link", name="See your scorecard and debrief")
        expect(link).to_be_visible()
        assert low_contrast(page) == []


def test_the_pause_pages_draft_box_gives_live_feedback_as_it_is_revised(live_app, live_server, page):
    seeded = seed_platform(live_app, "microblog")
    log_in(page, live_server, seeded["email"], "/p/microblog/")
    form = page.locator("form.composer").first
    form.locator("textarea").fill("Mrs. Ortega in room 12 is 93 today and still flirting with the staff!")
    form.locator('button[type="submit"]').click()
    expect(page.get_by_role("heading", name="Stop and think before you post")).to_be_visible()
    pause = page.locator("form.pause-form")
    live = pause.locator(".findings-live")
    expect(live).to_be_empty()  # the server's findings are listed above; checked again once it changes
    pause.locator("textarea").fill("A lovely patient of ours celebrated a big birthday today!")
    expect(live).not_to_be_empty()
    expect(pause.locator(".counter .count")).to_have_text("57")
    expect(live).not_to_contain_text("name")
