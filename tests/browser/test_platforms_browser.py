"""A trainee uses each simulated platform in Chromium: read, reply, post, message, react, pause, delete."""

from __future__ import annotations

import os
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from sandbox.extensions import db
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import Post, PostKind, Reaction, Role
from sandbox.models.social import Capture, Relationship

from ..factories import PASSWORD, make_org, make_persona, make_post, make_user
from .harness import watched_page as open_watched_page

pytestmark = pytest.mark.browser
ARTIFACTS = os.environ.get("SANDBOX_TEST_ARTIFACTS", "test-artifacts")

PERSONA_POST = "Our ward garden got new benches this week, come and see them."
PERSONA_REVIEW = "Waited forty minutes past my slot, but the nurses were kind."
REPLY = "Thanks for sharing this, hope the week goes well."
OWNER_RESPONSE = "Thank you for the kind words about our team."
DM = "Happy to chat here about the volunteer rota."
RISKY = "Mrs. Delgado in bed 12 is 93 today"


@pytest.fixture
def watched_page(browser):
    """A watched page (see conftest) on which the "Delete this ...?" confirmation is accepted."""
    with open_watched_page(browser, accept_confirms=("Delete this",)) as page:
        yield page


def seed_platform(live_app, platform_id: str) -> dict:
    """A trainee, personas (one a journalist, one connected to the trainee) and a persona post."""
    platform = PLATFORMS[platform_id]
    with live_app.app_context():
        org = make_org(f"Platform Test Clinic {platform_id}")
        trainee = make_user(org, Role.TRAINEE)
        friend = make_persona(org, "member")
        journalist = make_persona(org, "journalist")  # the only persona who keeps copies here
        bystander = make_persona(org, "member")
        if platform_id == "reviews":
            post = make_post(org, friend, platform_id, PERSONA_REVIEW, kind=PostKind.REVIEW, rating=2)
        else:
            post = make_post(org, friend, platform_id, PERSONA_POST)
        other = make_post(
            org, bystander, platform_id, "An older post from someone else.", kind=post.kind, rating=None
        )
        db.session.add(
            Relationship(
                platform=platform_id,
                user_id=trainee.id,
                persona_id=friend.id,
                kind=platform.relationship_kind,
                status="accepted",
                requested_by="user",
            )
        )
        db.session.commit()
        seeded = {
            "email": trainee.email,
            "user_id": trainee.id,
            "friend_id": friend.id,
            "friend_name": friend.name,
            "journalist_id": journalist.id,
            "post_id": post.id,
            "post_body": post.body,
            "other_post_id": other.id,
        }
        db.session.remove()
    return seeded


def log_in(page: Page, base: str, email: str, next_path: str) -> None:
    """Log in through the real login page, landing on next_path."""
    page.goto(f"{base}/login?next={next_path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}{next_path}")


def compose(page: Page, text: str, audience: str | None = None) -> None:
    """Write in the page's composer and submit it (a thread or conversation has one composer)."""
    form = page.locator("form.composer")
    form.locator("textarea").fill(text)
    if audience:
        form.locator(f'input[name="audience"][value="{audience}"]').check()
    form.locator('button[type="submit"]').click()
    page.wait_for_url(re.compile(r"/(posts/\d+|messages/[^/]+|compose)(#post-\d+)?$"))


def new_post_id(page: Page) -> int:
    """The id of the post just published, from the #post-N anchor of the page it landed on."""
    match = re.search(r"#post-(\d+)$", page.url)
    assert match, page.url
    return int(match.group(1))


def fetch(live_app, model, **where):
    """Rows of a model matching column values, read in the live app's database."""
    with live_app.app_context():
        rows = db.session.scalars(sa.select(model).filter_by(**where)).all()
        for row in rows:
            db.session.expunge(row)
        db.session.remove()
    return rows


@pytest.mark.parametrize("platform_id", list(PLATFORMS))
def test_trainee_uses_the_platform_end_to_end(live_app, live_server, watched_page, platform_id):
    page, platform = watched_page, PLATFORMS[platform_id]
    seeded = seed_platform(live_app, platform_id)
    home = f"/p/{platform_id}/"
    log_in(page, live_server, seeded["email"], home)

    # The feed shows the persona's post (a star rating on the reviews platform).
    card = page.locator(f"#post-{seeded['post_id']}")
    expect(card).to_contain_text(seeded["post_body"])
    if platform_id == "reviews":
        expect(card.locator(".stars")).to_have_attribute("aria-label", "2 out of 5 stars")

    # React from the feed: the button comes back pressed.
    card.locator("button.reaction").first.click()
    page.wait_for_url(f"{live_server}{home}")
    expect(page.locator(f"#post-{seeded['post_id']} button.reaction").first).to_have_attribute(
        "aria-pressed", "true"
    )

    # Open the thread and reply (on reviews: respond as the owner).
    page.locator(f"#post-{seeded['post_id']} footer a").first.click()
    page.wait_for_url(f"{live_server}/p/{platform_id}/posts/{seeded['post_id']}")
    answer = OWNER_RESPONSE if platform_id == "reviews" else REPLY
    expect(page.locator("form.composer button[type=submit]")).to_have_text(platform.word("reply"))
    compose(page, answer)
    expect(page.locator(".replies")).to_contain_text(answer)
    reply_id = new_post_id(page)

    # Post once with each audience the platform offers (reviews has no top-level posts).
    if platform.trainee_posts_top_level:
        for choice in platform.audiences:
            page.goto(f"{live_server}{home}")
            compose(page, f"Sunny morning at the community garden ({choice.value}).", choice.value)
            expect(page.locator(f"#post-{new_post_id(page)} .audience-badge")).to_have_text(choice.label)
    else:
        expect(page.get_by_role("textbox", name="What do you want to say?")).to_have_count(0)

    # Message the connected persona from the Messages page.
    page.get_by_role("navigation", name=platform.name).get_by_role("link", name="Messages").click()
    page.locator("ul.contacts").get_by_role("link", name=seeded["friend_name"]).click()
    compose(page, DM)
    expect(page.locator("ol.messages li.mine")).to_contain_text(DM)

    # Feedback while typing, then the strategic pause, then post anyway.
    page.goto(
        f"{live_server}{home}"
        if platform.trainee_posts_top_level
        else f"{live_server}/p/{platform_id}/posts/{seeded['other_post_id']}"  # one owner response a review
    )
    page.locator("form.composer textarea").fill(RISKY)
    expect(page.locator(".findings-live .finding").first).to_be_visible()
    page.locator("form.composer button[type=submit]").click()
    expect(page.get_by_role("heading", name="Stop and think before you post")).to_be_visible()
    page.get_by_role("button", name="Post anyway (this is recorded)").click()
    page.wait_for_url(re.compile(r"#post-\d+$"))
    risky_id = new_post_id(page)

    # Delete it (accepting the confirmation): the post goes, the screenshot stays.
    page.locator(f"#post-{risky_id}").get_by_role("button", name="Delete").click()
    page.wait_for_url(f"{live_server}/p/{platform_id}/posts/{risky_id}")
    expect(page.get_by_text("You deleted this post.")).to_be_visible()
    expect(page.get_by_role("heading", name="Copies that exist")).to_be_visible()
    expect(page.locator("li.trace")).to_contain_text("took a screenshot")
    expect(page.locator("li.trace q")).to_have_text(RISKY)

    page.goto(f"{live_server}{home}")
    expect(page.get_by_text(RISKY)).to_have_count(0)
    os.makedirs(ARTIFACTS, exist_ok=True)
    page.screenshot(path=os.path.join(ARTIFACTS, f"platform-{platform_id}.png"), full_page=True)

    # What the database kept.
    [risky] = fetch(live_app, Post, id=risky_id)
    assert risky.body == RISKY and risky.overridden and risky.deleted_at is not None
    [capture] = fetch(live_app, Capture, post_id=risky_id)
    assert (capture.kind, capture.persona_id, capture.snapshot) == (
        "screenshot",
        seeded["journalist_id"],
        RISKY,
    )
    [reply] = fetch(live_app, Post, id=reply_id)
    assert (reply.kind, reply.parent_id, reply.body) == (platform.reply_kind, seeded["post_id"], answer)
    [dm] = fetch(live_app, Post, author_user_id=seeded["user_id"], kind=PostKind.DM)
    assert dm.recipient_persona_id == seeded["friend_id"] and dm.body == DM
    [reaction] = fetch(live_app, Reaction, post_id=seeded["post_id"], user_id=seeded["user_id"])
    assert reaction.kind == platform.reactions[0]
    posted = fetch(live_app, Post, author_user_id=seeded["user_id"], kind=PostKind.POST)
    assert {p.audience for p in posted if p.id != risky_id} == (
        {c.value for c in platform.audiences} if platform.trainee_posts_top_level else set()
    )
