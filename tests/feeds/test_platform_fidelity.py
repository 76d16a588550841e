"""CareRate reads as a review site, Workbridge as a professional network (headlines, connection degree)."""

from __future__ import annotations

import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import Post, PostKind

from ..factories import make_post

RESPONSE = "Thank you for the feedback. Please call our office at 555-0142 so we can look into this."


def test_the_review_feed_opens_with_the_business_its_average_and_its_count(client, trainee, org, crowd):
    for rating in (5, 4, 2):
        make_post(org, crowd["patient"], "reviews", "A review.", kind=PostKind.REVIEW, rating=rating)
    page = client.get("/p/reviews/").text
    header = page[page.index('class="card business-header"') :][:1200]
    assert org.name in header and '<span class="average">3.7</span>' in header and "3 reviews" in header


def test_an_empty_review_site_says_so(client, trainee, org):
    assert "No reviews yet." in client.get("/p/reviews/").text


def test_the_owner_response_is_signed_by_the_business_and_answered_once(client, trainee, org, crowd):
    review = make_post(org, crowd["patient"], "reviews", "Waited an hour.", kind=PostKind.REVIEW, rating=2)
    before = client.get(f"/p/reviews/posts/{review.id}").text
    assert 'class="card compose-card"' in before
    sent = client.post(
        "/p/reviews/compose", data={"kind": "owner_response", "parent_id": review.id, "body": RESPONSE}
    )
    assert sent.status_code == 302
    page = client.get(f"/p/reviews/posts/{review.id}").text
    response = db.session.scalar(sa.select(Post).where(Post.parent_id == review.id))
    card = page[page.index(f'id="post-{response.id}"') :][:600]
    assert "Response from the owner" in card and trainee.display_name not in card
    # One owner response per review: the composer gives way to a link to edit it.
    assert 'class="card compose-card"' not in page
    assert f'href="/p/reviews/posts/{response.id}/edit">edit your response</a>' in page


def test_workbridge_shows_a_headline_under_each_name_and_the_connection_degree(client, trainee, org, crowd):
    from .conftest import connect

    crowd["member"].bio = "Charge nurse and preceptor. Proud of new grads."
    connected = make_post(org, crowd["member"], "professional", "Our unit cut discharge delays.")
    other = make_post(org, crowd["journalist"], "professional", "Reporting on rural clinics this week.")
    connect(trainee, crowd["member"], "professional")
    page = client.get("/p/professional/").text
    first = page[page.index(f'id="post-{connected.id}"') :][:1500]
    third = page[page.index(f'id="post-{other.id}"') :][:1500]
    assert '<span class="degree" title="Connection degree">1st</span>' in first
    assert '<p class="headline">Charge nurse and preceptor. Proud of new grads.</p>' in first
    assert '<span class="degree" title="Connection degree">3rd+</span>' in third


def test_a_post_on_the_practices_page_speaks_as_the_practice(client, trainee, org):
    sent = client.post(
        "/p/social/compose",
        data={"kind": "post", "audience": "public", "identity": "page", "body": "Flu clinics start Monday."},
    )
    assert sent.status_code == 302
    post = db.session.scalar(sa.select(Post).where(Post.body == "Flu clinics start Monday."))
    assert post.identity == "page"
    page = client.get("/p/social/").text
    header = page[page.index(f'id="post-{post.id}-by"') :][:700]
    assert f'<span class="name">{org.name}</span> <span class="page-badge">Page</span>' in header
    assert "posted by you" in header and trainee.display_name not in header


def test_a_mention_of_someone_without_a_profile_says_so_in_the_platforms_skin(client, trainee):
    response = client.get("/p/microblog/people/taylor_trainee")
    assert response.status_code == 404
    assert "This account doesn't have a profile here" in response.text
    assert "taylor_trainee" not in response.text  # nothing of the request is echoed (nor of anyone's handle)
    assert 'class="platform platform-microblog"' in response.text
    escaped = client.get("/p/microblog/people/%3Cb%3Ex%3C%2Fb%3E")
    assert escaped.status_code == 404 and "<b>x</b>" not in escaped.text
