"""Posting on the platforms: audiences, findings stored, the strategic pause, bad input saves nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from markupsafe import escape

from sandbox import audit
from sandbox.extensions import db
from sandbox.feedback import analyze
from sandbox.models import AuditEvent, AuditText, Finding, Post, PostKind

from ..factories import count, make_org, make_persona, make_user
from .conftest import connect, make_post

RISKY = "Mrs. Delgado in bed 12 is 93 today and still cracking jokes"


def _compose(client, platform, **data):
    return client.post(f"/p/{platform}/compose", data={"kind": "post", **data})


@pytest.mark.parametrize(
    "platform, audiences",
    [
        ("microblog", ["public", "followers"]),
        ("social", ["public", "friends", "only_me"]),
        ("professional", ["public", "connections"]),
    ],
)
def test_trainee_posts_with_each_audience(client, trainee, crowd, platform, audiences):
    for audience in audiences:
        response = _compose(client, platform, body=f"Team huddle went well ({audience})", audience=audience)
        assert response.status_code == 302, response.text
    stored = db.session.scalars(sa.select(Post.audience).where(Post.author_user_id == trainee.id)).all()
    assert sorted(a.value for a in stored) == sorted(audiences)


def test_audience_the_platform_does_not_offer_is_refused(client, trainee):
    response = _compose(client, "microblog", body="hello", audience="friends")
    assert response.status_code == 400 and "Choose who can see this" in response.text
    assert count(Post) == 0


def test_findings_are_stored_with_the_post(client, trainee, crowd):
    _compose(client, "social", body="Our patient Maria Lopez in room 4 had a rough night", override="y")
    post = db.session.scalar(sa.select(Post))
    labels = {f.label for f in db.session.scalars(sa.select(Finding).where(Finding.post_id == post.id))}
    assert {"NAME", "LOCATION"} <= labels


def test_blocking_draft_pauses_and_saves_nothing_but_the_audit(client, trainee, crowd):
    response = _compose(client, "microblog", body=RISKY, audience="public")
    assert response.status_code == 409
    assert "Stop and think" in response.text and "Who is the audience?" in response.text
    assert RISKY in response.text  # the draft is kept for revising
    assert count(Post) == 0
    paused = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "post.paused"))
    assert paused.details["findings"] and "text" not in paused.details["findings"][0]
    kept = db.session.get(AuditText, paused.details["text_id"])  # the words live apart, purgeable
    assert kept.body == RISKY and kept.findings[0]["text"]
    assert "body" not in paused.details and RISKY not in str(paused.details)


def test_pause_page_shows_the_safer_version_as_a_post_and_what_it_leaves_out(client, trainee, crowd):
    page = _compose(client, "microblog", body=RISKY, audience="public").text
    report = analyze(RISKY, platform="microblog", audience="public")
    safer = page.split('<p class="safer">', 1)[1].split("</p>", 1)[0]
    assert str(escape(report.safer_text)) in safer
    assert "Delgado" not in safer and "[" not in safer
    left_out = page.split('class="safer-placeholders"', 1)[1].split("</details>", 1)[0]
    assert "[name]" in left_out and str(escape(report.safer_placeholders)) in left_out


def test_posting_anyway_records_the_override_and_a_capture(client, trainee, crowd):
    response = _compose(client, "microblog", body=RISKY, audience="public", override="y")
    assert response.status_code == 302
    post = db.session.scalar(sa.select(Post))
    assert post.overridden
    assert any(f.overridden for f in post.findings)
    override = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "post.override"))
    assert override.target_id == post.id and override.details["findings"]
    assert all(set(f) == set(audit.MARK_FIELDS) for f in override.details["findings"])  # no words
    assert [c.kind for c in post.captures] == ["screenshot"]


@pytest.mark.parametrize("platform, limit", [("microblog", 280), ("professional", 3000)])
def test_over_limit_post_is_refused_with_the_limit_named_and_text_kept(client, trainee, platform, limit):
    body = "x" * (limit + 1)
    response = _compose(client, platform, body=body, audience="public")
    assert response.status_code == 400
    assert f"allows {limit} characters" in response.text and body in response.text
    assert count(Post) == 0


def test_empty_post_is_refused(client, trainee):
    response = _compose(client, "social", body="   ", audience="public")
    assert response.status_code == 400 and "empty" in response.text
    assert count(Post) == 0


def test_reply_to_a_deleted_post_is_refused(client, trainee, org, crowd):
    post = make_post(org, crowd["member"], "social")
    post.deleted_at = post.created_at
    db.session.commit()
    response = client.post(
        "/p/social/compose", data={"kind": "comment", "parent_id": post.id, "body": "Nice!"}
    )
    assert response.status_code == 409 and "deleted" in response.text
    assert count(Post) == 1


def test_reply_to_another_organisations_or_users_post_is_refused(client, trainee, org):
    foreign_org = make_org()
    foreign = make_post(foreign_org, make_persona(foreign_org), "social")
    someone_elses = Post(organisation=org, platform="social", body="mine", author_user=make_user(org))
    db.session.add(someone_elses)
    db.session.commit()
    for parent in (foreign, someone_elses):
        response = client.post(
            "/p/social/compose", data={"kind": "comment", "parent_id": parent.id, "body": "Hi"}
        )
        assert response.status_code == 404
    assert count(Post) == 2


def test_owner_response_only_answers_a_review(client, trainee, org, crowd):
    review = make_post(
        org, crowd["patient"], "reviews", body="Great hygienist!", kind=PostKind.REVIEW, rating=5
    )
    ok = client.post(
        "/p/reviews/compose",
        data={"kind": "owner_response", "parent_id": review.id, "body": "Thank you for the kind words!"},
    )
    assert ok.status_code == 302
    response = db.session.scalar(sa.select(Post).where(Post.parent_id == review.id))
    assert response.kind == PostKind.OWNER_RESPONSE
    top = _compose(client, "reviews", body="A review of my own practice", audience="public")
    assert top.status_code == 400
    follow_up = make_post(
        org, crowd["patient"], "reviews", body="Thanks, will do.", kind=PostKind.REPLY, parent_id=review.id
    )
    assert (
        client.post(
            "/p/reviews/compose",
            data={"kind": "owner_response", "parent_id": follow_up.id, "body": "You're welcome!"},
        ).status_code
        == 302
    )
    own = db.session.scalar(
        sa.select(Post).where(Post.author_user_id == trainee.id, Post.parent_id == review.id)
    )
    refused = client.post(
        "/p/reviews/compose", data={"kind": "owner_response", "parent_id": own.id, "body": "Me again"}
    )
    assert refused.status_code == 409


def test_dm_needs_a_connection(client, trainee, crowd):
    patient = crowd["patient"]
    refused = client.post(
        "/p/professional/compose", data={"kind": "dm", "recipient": patient.handle, "body": "Hello there"}
    )
    assert refused.status_code == 403 and "connected" in refused.text
    assert count(Post) == 0
    connect(trainee, patient, "professional")
    sent = client.post(
        "/p/professional/compose", data={"kind": "dm", "recipient": patient.handle, "body": "Hello there"}
    )
    assert sent.status_code == 302 and f"/messages/{patient.handle}" in sent.headers["Location"]
    dm = db.session.scalar(sa.select(Post))
    assert dm.kind == PostKind.DM and dm.recipient_persona_id == patient.id and dm.audience.value == "private"
    assert "Sent." in client.get(sent.headers["Location"]).text


def test_line_breaks_sent_as_cr_lf_count_once_and_are_stored_as_one(client, trainee):
    body = "x" * 278 + "\r\n!"  # 280 characters as the composer counts them
    assert _compose(client, "microblog", body=body, audience="public").status_code == 302
    assert db.session.scalar(sa.select(Post.body)) == "x" * 278 + "\n!"


def test_reviewers_read_but_cannot_post(client, login_as, org, crowd):
    login_as("reviewer")
    make_post(org, crowd["member"], "social", body="Visible to reviewers too")
    assert "Visible to reviewers too" in client.get("/p/social/").text
    assert _compose(client, "social", body="hello", audience="public").status_code == 403


RED_FLAG_DM = "my chest has been tight for an hour and my left arm is numb, can I just sleep it off?"
REASSURANCE = "Sounds like indigestion to me, take an antacid and lie down, you'll be fine!"


def test_reassurance_answering_a_dm_about_red_flags_pauses_as_a_blocking_finding(client, trainee, crowd):
    patient = crowd["patient"]
    connect(trainee, patient, "social")
    make_post(
        trainee.organisation, patient, "social", RED_FLAG_DM, kind=PostKind.DM, recipient_user_id=trainee.id
    )
    response = _compose(client, "social", kind="dm", recipient=patient.handle, body=REASSURANCE)
    assert response.status_code == 409 and count(Post) == 1  # only the persona's message
    paused = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "post.paused"))
    advice = [f for f in paused.details["findings"] if f["label"] == "MEDICAL_ADVICE"]
    assert advice and advice[0]["severity"] == "block" and advice[0]["rule"].endswith(".red_flag")
