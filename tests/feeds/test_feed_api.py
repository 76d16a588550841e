"""The posts API and feed pagination."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import Post, utcnow

from ..factories import count
from .conftest import make_post
from .test_posting import RISKY


def _many_posts(org, persona, n: int, platform: str = "microblog") -> list[Post]:
    now = utcnow()
    posts = [
        Post(
            organisation=org,
            platform=platform,
            author_persona=persona,
            body=f"post {i}",
            created_at=now - timedelta(minutes=i),
        )
        for i in range(n)
    ]
    db.session.add_all(posts)
    db.session.commit()
    return posts


def test_feed_pages_follow_the_cursor_without_gaps_or_repeats(client, trainee, org, crowd):
    _many_posts(org, crowd["member"], 45)
    seen, cursor = [], None
    while True:
        page = client.get(
            "/api/v1/platforms/microblog/feed", query_string={"limit": 20, "cursor": cursor}
        ).json
        seen += [item["body"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"post {i}" for i in range(45)]


def test_bad_cursor_and_unknown_platform_are_clear_errors(client, trainee):
    bad = client.get("/api/v1/platforms/microblog/feed?cursor=%%%nonsense")
    assert bad.status_code == 400 and bad.json["error"]["field"] == "cursor"
    assert client.get("/api/v1/platforms/myspace/feed").status_code == 404


def test_html_feed_has_a_load_more_link_that_works_without_javascript(client, trainee, org, crowd):
    _many_posts(org, crowd["member"], 25)
    first = client.get("/p/microblog/").text
    assert "post 0" in first and "post 24" not in first and 'rel="next"' in first
    next_href = first.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert "post 24" in client.get(next_href).text


def test_api_post_answers_409_with_findings_then_201_with_override(client, trainee, crowd):
    draft = {"platform": "microblog", "body": RISKY, "audience": "public"}
    paused = client.post("/api/v1/posts", json=draft)
    assert paused.status_code == 409
    assert {f["label"] for f in paused.json["findings"]} >= {"NAME"} and count(Post) == 0
    created = client.post("/api/v1/posts", json={**draft, "override": True})
    assert created.status_code == 201
    body = created.json
    assert body["overridden"] and body["findings"] and body["traces"][0]["kind"] == "screenshot"


def test_api_pause_answer_carries_the_natural_and_the_bracketed_safer_versions(client, trainee, crowd):
    paused = client.post("/api/v1/posts", json={"platform": "microblog", "body": RISKY, "audience": "public"})
    assert paused.status_code == 409
    natural, bracketed = paused.json["safer_text"], paused.json["safer_placeholders"]
    assert "Delgado" not in natural and "[" not in natural
    assert "Delgado" not in bracketed and "[name]" in bracketed


def test_api_edit_delete_react_and_read_back(client, trainee, org, crowd):
    made = client.post(
        "/api/v1/posts", json={"platform": "social", "body": "Lovely day", "audience": "friends"}
    ).json
    client.patch(f"/api/v1/posts/{made['id']}", json={"body": "Lovely day for a walk"})
    detail = client.get(f"/api/v1/posts/{made['id']}").json
    assert detail["body"] == "Lovely day for a walk" and detail["history"][0]["body"] == "Lovely day"
    persona_post = make_post(org, crowd["member"], "social")
    assert client.post(f"/api/v1/posts/{persona_post.id}/reactions", json={"kind": "care"}).json == {
        "kind": "care"
    }
    deleted = client.delete(f"/api/v1/posts/{made['id']}").json
    assert deleted["deleted_at"] and deleted["body"] is None
    assert db.session.scalar(sa.select(Post.body).where(Post.id == made["id"])) == "Lovely day for a walk"


def test_api_bad_input_names_the_field(client, trainee):
    over = client.post("/api/v1/posts", json={"platform": "microblog", "body": "y" * 281})
    assert over.status_code == 400 and over.json["error"]["field"] == "body"
    empty = client.post("/api/v1/posts", json={"platform": "social", "body": ""})
    assert empty.status_code == 400 and empty.json["error"]["field"] == "body"
    dm = client.post("/api/v1/posts", json={"platform": "social", "body": "hi", "recipient": "nobody_here"})
    assert dm.status_code == 404 and dm.json["error"]["field"] == "recipient"
    assert client.post("/api/v1/posts", data="nope").status_code == 400
    assert count(Post) == 0


def test_feed_page_runs_a_fixed_number_of_queries_whatever_the_page_size(app, client, trainee, org, crowd):
    posts = _many_posts(org, crowd["member"], 60, platform="social")
    for post in posts[:30:3]:
        make_post(org, crowd["patient"], "social", body="reply", parent_id=post.id)
        client.post(f"/p/social/posts/{post.id}/react", data={"kind": "like"})
    counts = {}
    for limit in (5, 20, 50):
        statements = []

        def record(conn, cursor, statement, *args, statements=statements, **kwargs):
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", record)
        try:
            assert client.get(f"/api/v1/platforms/social/feed?limit={limit}").status_code == 200
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", record)
        counts[limit] = len(statements)
    assert counts[5] == counts[20] == counts[50], counts
    assert counts[50] <= 4, counts


def test_post_answers_carry_integer_counts_as_the_schema_says(client, trainee, org, crowd):
    from openapi_schema_validator import OAS30Validator

    from sandbox.api.schemas import POST_SCHEMA

    created = client.post("/api/v1/posts", json={"platform": "microblog", "body": "Flu clinic opens at 8"})
    assert created.status_code == 201
    post_id = created.json["id"]
    client.post(f"/api/v1/posts/{post_id}/reactions", json={"kind": "like"})
    answers = [
        created.json,
        client.get(f"/api/v1/posts/{post_id}").json,
        client.patch(f"/api/v1/posts/{post_id}", json={"body": "Flu clinic opens at 9"}).json,
        client.delete(f"/api/v1/posts/{post_id}").json,
    ]
    for answer in answers:
        OAS30Validator(POST_SCHEMA).validate(answer)
    first = created.json["reactions"]  # the crowd may react to a new post at once
    assert [(a["replies"], a["reactions"]) for a in answers] == [(0, first)] + [(0, first + 1)] * 3
