"""After posting: delete keeps traces, edits keep history, reactions toggle, requests get answers."""

from __future__ import annotations

import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, Finding, Post, Reaction
from sandbox.models.social import Relationship

from .conftest import connect, make_post
from .test_posting import RISKY


def _risky_post(client):
    client.post(
        "/p/microblog/compose", data={"kind": "post", "body": RISKY, "audience": "public", "override": "y"}
    )
    return db.session.scalar(sa.select(Post))


def test_delete_is_soft_and_the_capture_stays_visible(client, trainee, crowd):
    post = _risky_post(client)
    response = client.post(f"/p/microblog/posts/{post.id}/delete")
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.deleted_at is not None and post.body == RISKY
    page = client.get(f"/p/microblog/posts/{post.id}").text
    assert "You deleted this post." in page and "took a screenshot" in page and "Mrs. Delgado" in page
    assert "Mrs. Delgado" not in client.get("/p/microblog/").text
    assert db.session.scalar(sa.select(AuditEvent.details).where(AuditEvent.action == "post.deleted")) == {
        "captures": 1
    }


def test_deleting_twice_or_someone_elses_post_fails(client, trainee, org, crowd):
    post = _risky_post(client)
    client.post(f"/p/microblog/posts/{post.id}/delete")
    assert client.post(f"/p/microblog/posts/{post.id}/delete").status_code == 409
    persona_post = make_post(org, crowd["member"], "microblog")
    assert client.post(f"/p/microblog/posts/{persona_post.id}/delete").status_code == 404


def test_edit_keeps_history_and_supersedes_old_findings(client, trainee, crowd):
    client.post(
        "/p/social/compose",
        data={"kind": "post", "body": "Saw Maria Lopez today", "audience": "public", "override": "y"},
    )
    post = db.session.scalar(sa.select(Post))
    response = client.post(f"/p/social/posts/{post.id}/edit", data={"body": "Great shift today, team!"})
    assert response.status_code == 302
    db.session.refresh(post)
    assert post.body == "Great shift today, team!" and post.edited_at is not None
    assert [r.body for r in post.revisions] == ["Saw Maria Lopez today"]
    findings = db.session.scalars(sa.select(Finding).where(Finding.post_id == post.id)).all()
    assert findings and all(f.superseded_at is not None for f in findings if f.label == "NAME")
    page = client.get(f"/p/social/posts/{post.id}").text
    assert "Edit history" in page and "Saw Maria Lopez today" in page


def test_reaction_toggles(client, trainee, org, crowd):
    post = make_post(org, crowd["member"], "social")
    client.post(f"/p/social/posts/{post.id}/react", data={"kind": "love"})
    assert db.session.scalar(sa.select(Reaction.kind)) == "love"
    client.post(f"/p/social/posts/{post.id}/react", data={"kind": "love"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reaction)) == 0
    client.post(f"/p/social/posts/{post.id}/react", data={"kind": "celebrate"})  # not a Kinfolk reaction
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reaction)) == 0


def test_a_like_on_a_posts_own_page_shows_there(client, trainee, org, crowd):
    post = make_post(org, crowd["member"], "microblog")
    liked = client.post(f"/p/microblog/posts/{post.id}/react", data={"kind": "like"})
    assert liked.headers["Location"].endswith(f"/p/microblog/posts/{post.id}")
    page = client.get(liked.headers["Location"]).text
    card = page[page.index(f'id="post-{post.id}"') :]
    assert 'chosen" aria-pressed="true"' in card
    assert '<span class="count">1</span>' in card


def test_persona_friend_request_can_be_accepted_or_declined(client, trainee, crowd):
    first = connect(trainee, crowd["patient"], "social", status="pending", requested_by="persona")
    second = connect(trainee, crowd["member"], "social", status="pending", requested_by="persona")
    page = client.get("/p/social/notifications").text
    assert "wants to be your friend" in page
    client.post(f"/p/social/requests/{first.id}", data={"accept": "1"})
    client.post(f"/p/social/requests/{second.id}", data={"accept": "0"})
    statuses = dict(db.session.execute(sa.select(Relationship.id, Relationship.status)).all())
    assert statuses == {first.id: "accepted", second.id: "declined"}
    assert client.post(f"/p/social/requests/{first.id}", data={"accept": "0"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Relationship, first.id).status == "accepted"  # answered once only


def test_following_a_persona_then_messaging(client, trainee, crowd):
    handle = crowd["member"].handle
    client.post(f"/p/microblog/people/{handle}/connect")
    response = client.post("/p/microblog/compose", data={"kind": "dm", "recipient": handle, "body": "hi!"})
    assert response.status_code == 302
    assert "hi!" in client.get(f"/p/microblog/messages/{handle}").text


def test_personas_react_to_a_visible_post_and_the_author_is_notified(client, trainee, crowd):
    client.post(
        "/p/social/compose", data={"kind": "post", "body": "Sunny walk to work", "audience": "public"}
    )
    client.post("/p/social/compose", data={"kind": "post", "body": "Note to self", "audience": "only_me"})
    public, private = db.session.scalars(sa.select(Post).order_by(Post.id)).all()
    reactors = db.session.scalars(sa.select(Reaction.persona_id).where(Reaction.post_id == public.id)).all()
    assert 1 <= len(reactors) <= 3 and len(set(reactors)) == len(reactors)
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Reaction).where(Reaction.post_id == private.id)
        )
        == 0
    )
    page = client.get("/p/social/notifications").text
    assert "reacted to your post" in page


def test_persona_replies_and_mentions_notify_the_trainee(client, trainee, crowd):
    from sandbox.feeds.personas import persona_post
    from sandbox.feeds.platforms import PLATFORMS

    client.post(
        "/p/social/compose", data={"kind": "post", "body": "Ten-hour shift done", "audience": "friends"}
    )
    mine = db.session.scalar(sa.select(Post).where(Post.author_user_id == trainee.id))
    persona_post(crowd["member"], PLATFORMS["social"], "You deserve a rest!", parent=mine)
    persona_post(crowd["patient"], PLATFORMS["social"], f"Shout-out to @{trainee.handle} for the kind words")
    persona_post(crowd["journalist"], PLATFORMS["social"], "Can we talk?", recipient=trainee)
    db.session.commit()
    page = client.get("/p/social/notifications").text
    assert "replied to you" in page and "mentioned you" in page and "sent you a message" in page
    assert "Can we talk?" in client.get(f"/p/social/messages/{crowd['journalist'].handle}").text


def test_users_get_unique_handles_from_their_names(app, org):
    from sandbox.models import User

    twins = [
        User(organisation=org, email=f"sam{n}@test.example", display_name="Sam O'Neil") for n in range(3)
    ]
    db.session.add_all(twins)
    db.session.commit()
    assert [u.handle for u in twins] == ["sam_oneil", "sam_oneil2", "sam_oneil3"]


def test_a_flock_reply_says_whom_it_replies_to(client, trainee, org, crowd):
    post = make_post(org, crowd["member"], "microblog")
    client.post("/p/microblog/compose", data={"kind": "reply", "parent_id": post.id, "body": "Lovely news!"})
    page = client.get(f"/p/microblog/posts/{post.id}").text
    reply = page[page.index("Lovely news!") - 800 : page.index("Lovely news!")]
    handle = crowd["member"].handle
    assert f'Replying to <a href="/p/microblog/people/{handle}">@{handle}</a>' in reply
    assert "Replying to" not in page[: page.index(f'id="post-{post.id}"') + 400]  # not on the post itself
