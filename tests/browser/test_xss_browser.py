"""Hostile text typed into the platforms is shown as typed and never runs, in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from sandbox.extensions import db
from sandbox.models import Persona, PostKind, Role
from sandbox.models.social import Relationship

from ..factories import PASSWORD, make_org, make_post, make_user

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">open me</a>',
    "javascript:alert(1)",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)' x='",
    '#ward"onmouseover="alert(1)" and #x<img src=x onerror=alert(1)>',
    '@nurse_joy"autofocus onfocus="alert(1) hi @x<svg onload=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "</div></article><iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62; %3Cscript%3E",
    "＜script＞alert(1)＜／script＞ java\u200bscript:alert(1)",
    "\u202e<b onclick=alert(1)>gnp.exe</b> {{ 7*7 }} ${alert(1)}",
    'http://example.test/?q=<script>alert(1)</script>&x="onmouseover=alert(1)',
]
PERSONA_NAME = '<img src=x onerror=alert("name")>'
PERSONA_HANDLE = 'x"><svg onload=alert(1)>'
PERSONA_BIO = '</textarea><script>alert("bio")</script><a href="javascript:alert(1)">site</a>'
PERSONA_AVATAR = 'x" onmouseover="alert(1)'
USER_NAME = '"><img src=x onerror=alert("me")>'
IMAGE_ALT = '"><img src=x onerror=alert("alt")> a garden bench'

# Anything that would run: a script element without src, an on* attribute, a javascript: URL.
EXECUTABLE = """() => [...document.querySelectorAll('*')].flatMap((el) => [
  ...(el.tagName === 'SCRIPT' && !el.src ? ['inline script'] : []),
  ...[...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`),
  ...[...el.attributes].filter((a) => /^\\s*javascript:/i.test(a.value))
    .map((a) => `${el.tagName} ${a.name}`),
])"""


def seed(live_app) -> dict:
    """A trainee with a hostile display name, a hostile persona they are friends with, hostile posts."""
    with live_app.app_context():
        org = make_org("XSS Test Clinic")
        trainee = make_user(org, Role.TRAINEE)
        trainee.display_name = USER_NAME
        persona = Persona(
            organisation=org,
            name=PERSONA_NAME,
            handle=PERSONA_HANDLE,
            bio=PERSONA_BIO,
            avatar=PERSONA_AVATAR,
            kind="troll",
        )
        db.session.add(persona)
        db.session.add(
            Relationship(
                platform="social", user_id=trainee.id, persona=persona, kind="friend", status="accepted"
            )
        )
        db.session.commit()
        # Enough persona posts that the feed has a second page, loaded by feed.js into the page.
        for payload in PAYLOADS * 2:
            make_post(org, persona, "social", payload)
        # One review per payload: a review takes one owner response.
        reviews = [make_post(org, persona, "reviews", p, kind=PostKind.REVIEW, rating=1) for p in PAYLOADS]
        seeded = {"email": trainee.email, "review_ids": [r.id for r in reviews], "user_id": trainee.id}
        db.session.remove()
    return seeded


def log_in(page: Page, base: str, email: str) -> None:
    """Log in through the real login page."""
    page.goto(f"{base}/login?next=/account")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/account")


def assert_inert(page: Page) -> None:
    """Nothing in the page can run: no inline script, no event handler, no javascript: URL."""
    assert page.evaluate(EXECUTABLE) == []


def publish(page: Page, text: str) -> int:
    """Submit the page's composer as it is; answer a strategic pause with "Post anyway"; the new post's id."""
    form = page.locator("form.composer")
    form.locator("textarea").fill(text)
    form.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/(posts/\d+#post-\d+|compose)$"))
    if page.url.endswith("/compose"):
        expect(page.get_by_role("heading", name="Stop and think before you post")).to_be_visible()
        assert page.locator("#pause-body").input_value() == text.strip()
        assert_inert(page)
        page.get_by_role("button", name="Post anyway (this is recorded)").click()
        page.wait_for_url(re.compile(r"/posts/\d+#post-\d+$"))
    return int(page.url.rsplit("#post-", 1)[1])


@pytest.mark.parametrize("platform_id", ["microblog", "social", "professional", "reviews"])
def test_hostile_post_text_is_shown_as_typed_and_never_runs(live_app, live_server, page, platform_id):
    seeded = seed(live_app)
    log_in(page, live_server, seeded["email"])
    if platform_id == "reviews":
        starts = [f"/p/reviews/posts/{review_id}" for review_id in seeded["review_ids"]]
    else:
        starts = [f"/p/{platform_id}/"] * len(PAYLOADS)
    posted = {}
    for start, payload in zip(starts, PAYLOADS, strict=True):
        page.goto(f"{live_server}{start}")
        posted[publish(page, payload)] = payload
        assert_inert(page)
    views = [starts[0]] + [f"/p/{platform_id}/posts/{post_id}" for post_id in list(posted)[:3]]
    for path in views:
        page.goto(f"{live_server}{path}")
        shown = [post_id for post_id in posted if page.locator(f"#post-{post_id}").count()]
        everything = path == starts[0] and platform_id != "reviews"
        assert len(shown) == (len(PAYLOADS) if everything else 1), path
        for post_id in shown:
            assert page.locator(f"#post-{post_id} .post-body").inner_text() == posted[post_id]
        assert_inert(page)


def test_hostile_alt_text_is_an_attribute_value_and_never_runs(live_app, live_server, page, tmp_path):
    from PIL import Image

    picture = tmp_path / "bench.png"
    Image.new("RGB", (48, 32), (40, 120, 90)).save(picture)
    seeded = seed(live_app)
    log_in(page, live_server, seeded["email"])
    page.goto(f"{live_server}/p/social/")
    page.get_by_text("Add a picture").click()
    page.locator('input[name="image"]').set_input_files(str(picture))
    page.get_by_label("Describe the picture (alt text)").fill(IMAGE_ALT)
    page.locator('input[name="frame"][value="none"]').check()
    post_id = publish(page, "New benches in the garden.")
    image = page.locator(f"#post-{post_id} img.attachment")
    expect(image).to_have_attribute("alt", IMAGE_ALT)
    assert image.evaluate("img => img.complete && img.naturalWidth") == 48
    page.goto(f"{live_server}/p/social/")
    expect(page.locator(f"#post-{post_id} img.attachment")).to_have_attribute("alt", IMAGE_ALT)
    assert_inert(page)


def test_hostile_persona_and_user_names_are_shown_as_typed_and_never_run(live_app, live_server, page):
    seeded = seed(live_app)
    log_in(page, live_server, seeded["email"])
    expect(page.locator("dl.facts dd").first).to_have_text(USER_NAME)
    expect(page.locator("header .whoami")).to_contain_text(USER_NAME)
    assert_inert(page)

    page.goto(f"{live_server}/p/social/")
    author = page.locator("article.post .author").first
    expect(author.locator(".name")).to_have_text(PERSONA_NAME)
    expect(author.locator(".handle")).to_have_text(f"@{PERSONA_HANDLE}")
    expect(author.locator(".avatar")).to_have_attribute("class", f"avatar {PERSONA_AVATAR}")
    page.locator(".load-more").scroll_into_view_if_needed()
    expect(page.locator("article.post")).to_have_count(len(PAYLOADS) * 2)  # page two arrived via feed.js
    for body in page.locator("article.post .post-body").all():
        assert body.inner_text() in PAYLOADS
    assert_inert(page)

    author.click()  # the persona's profile, through a link built from the hostile handle
    expect(page.locator("#profile-name")).to_have_text(f"{PERSONA_NAME} @{PERSONA_HANDLE}")
    expect(page.locator(".profile > p")).to_have_text(PERSONA_BIO)
    assert PERSONA_NAME in page.title()
    assert_inert(page)

    page.goto(f"{live_server}/p/social/messages")
    page.locator("ul.contacts").get_by_role("link", name=PERSONA_NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Messages with {PERSONA_NAME} @{PERSONA_HANDLE}"
    )
    publish_dm = page.locator("form.composer")
    publish_dm.locator("textarea").fill(PAYLOADS[1])
    publish_dm.get_by_role("button", name="Send").click()
    expect(page.locator("ol.messages li.mine .post-body")).to_have_text(PAYLOADS[1])
    assert_inert(page)

    page.goto(f"{live_server}/p/social/messages")
    expect(page.locator("ul.conversations .snippet")).to_have_text(PAYLOADS[1])
    assert_inert(page)

    page.goto(f"{live_server}/p/social/")
    page.locator("article.post footer a").first.click()  # a persona post's thread
    page.wait_for_url(re.compile(r"/p/social/posts/\d+$"))
    expect(page.locator("article.post .author .name").first).to_have_text(PERSONA_NAME)
    assert page.locator("article.post .post-body").first.inner_text() in PAYLOADS
    assert_inert(page)
