"""Every role's pages fit a phone (the navigation wraps, wide tables scroll in their own box) and a laptop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sandbox.extensions import db
from sandbox.models import Role

from ..factories import make_org, make_user
from .test_platforms_browser import log_in

pytestmark = pytest.mark.browser
PAGES = {
    Role.TRAINEE: ["/", "/p/microblog/", "/p/reviews/", "/practice/", "/live/", "/help", "/account"],
    Role.ADMIN: [
        "/", "/practice/manage", "/people", "/cohorts", "/review/", "/review/reports", "/review/exports"
    ],
}
# The page's width, the header's height, and the header controls that lie outside the window.
MEASURE = """() => ({
  width: document.documentElement.scrollWidth,
  header: document.querySelector('.site-header').getBoundingClientRect().height,
  outside: [...document.querySelectorAll('.site-header a, .site-header button, .site-header summary')]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width && (r.left < 0 || r.right > innerWidth);
    })
    .map((e) => e.textContent.trim()),
})"""


@pytest.mark.parametrize("role", list(PAGES), ids=lambda r: r.value)
def test_pages_fit_a_phone_and_the_bar_is_one_line_on_a_laptop(live_app, live_server, page, role):
    with live_app.app_context():
        email = make_user(make_org("Layout Clinic"), role).email
        db.session.remove()
    log_in(page, live_server, email, "/")
    for width, height in ((390, 844), (1366, 768)):
        page.set_viewport_size({"width": width, "height": height})
        for path in PAGES[role]:
            page.goto(live_server + path)
            figures = page.evaluate(MEASURE)
            assert figures["width"] <= width and figures["outside"] == [], (width, path, figures)
            if width == 1366:
                assert figures["header"] < 70, (path, figures)  # one line


def test_the_manage_menu_opens_with_the_keyboard_and_closes_on_escape(live_app, live_server, page):
    with live_app.app_context():
        email = make_user(make_org("Layout Clinic"), Role.ADMIN).email
        db.session.remove()
    log_in(page, live_server, email, "/")
    menu = page.locator(".nav-more summary")
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Retention")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="Retention")).to_be_hidden()
    expect(menu).to_be_focused()
    menu.click()
    page.get_by_role("link", name="People").click()
    page.wait_for_url(f"{live_server}/people")
