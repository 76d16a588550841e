"""The API's JSON bodies: one parse and type check answers bad input with a 400 naming it, saving nothing."""

from __future__ import annotations

import pytest

from sandbox.models import AuditEvent, Post, Role

from .factories import count, make_cohort, make_live_session, make_review_run, make_user

POSTS = "/api/v1/posts"


@pytest.fixture
def trainee_headers(org, api_token):
    """A trainee's Bearer token header."""
    return {"Authorization": f"Bearer {api_token(make_user(org, Role.TRAINEE))}"}


def _post_raw(client, headers, raw: str, url: str = POSTS):
    return client.post(url, data=raw, content_type="application/json", headers=headers)


@pytest.mark.parametrize(
    "raw, field, words",
    [
        ('{"platform": "microblog", "body": "hi \\ud800"}', "body", "lone surrogate"),
        ('{"platform": "microblog", "body": "hi", "\\udfff": 1}', "body", "lone surrogate"),
        ('{"platform": "microblog", "body": "hi \\u0000 there"}', "body", "NUL character"),
        ('{"platform": "microblog", "body": "hi", "recipient": ["x\\u0000"]}', "recipient[0]", "NUL"),
        ("[" * 50_000 + "]" * 50_000, "body", "nested deeper than 32 levels"),
        ('{"body": "hi", "x": ' + "[" * 40 + "]" * 40 + "}", "body", "nested deeper"),
        ('{"platform": "microblog", "body": "hi", "run_id": NaN}', "body", "not valid JSON"),
        ('{"platform": "microblog", "body": "hi", "recipient": 5}', "recipient", "must be a string"),
        ('{"platform": "microblog", "body": null}', "body", "body is required"),
        ('{"platform": "microblog", "body": 12}', "body", "must be a string"),
        ('{"platform": "microblog", "body": "hi", "run_id": "5"}', "run_id", "must be an id"),
        ('{"platform": "microblog", "body": "hi", "run_id": true}', "run_id", "must be an id"),
        ('{"platform": "microblog", "body": "hi", "parent_id": 2147483648}', "parent_id", "must be an id"),
        ('{"platform": "microblog", "body": "hi", "override": "yes"}', "override", "true or false"),
        ('["platform", "microblog"]', "body", "Send a JSON object"),
    ],
)
def test_bad_post_body_is_400_naming_the_field_and_saves_nothing(client, trainee_headers, raw, field, words):
    response = _post_raw(client, trainee_headers, raw)
    assert response.status_code == 400, response.text[:300]
    assert response.json["error"]["field"] == field and words in response.json["error"]["message"]
    assert count(Post) == 0 and count(AuditEvent) == 1  # the token's creation only


def test_bad_json_is_refused_even_by_a_route_that_reads_no_body(client, trainee_headers):
    response = _post_raw(client, trainee_headers, '{"x": "\\ud800"}', "/api/v1/runs/1/finish")
    assert response.status_code == 400 and "lone surrogate" in response.json["error"]["message"]


def test_feedback_run_id_of_the_wrong_type_is_400(client, trainee_headers):
    response = client.post("/api/v1/feedback", json={"text": "hi", "run_id": "7"}, headers=trainee_headers)
    assert response.status_code == 400 and response.json["error"]["field"] == "run_id"


def test_live_speed_that_is_not_a_finite_number_is_400(client, org, api_token):
    instructor = make_user(org, Role.INSTRUCTOR)
    headers = {"Authorization": f"Bearer {api_token(instructor)}"}
    live = make_live_session(org, make_cohort(org, instructor=instructor), instructor=instructor)
    url = f"/api/v1/live/sessions/{live.id}/speed"
    for raw in ('{"speed": 1e999}', '{"speed": "2"}', '{"speed": true}'):
        response = _post_raw(client, headers, raw, url)
        assert response.status_code == 400 and response.json["error"]["field"] == "speed", raw


def test_review_note_with_an_id_beyond_the_column_is_400(client, org, api_token):
    run = make_review_run(org, make_user(org))
    headers = {"Authorization": f"Bearer {api_token(make_user(org, Role.REVIEWER))}"}
    for field in ("post_id", "supersedes_id"):
        response = client.post(
            f"/api/v1/review/runs/{run.id}/notes", json={"note": "n", field: 2**40}, headers=headers
        )
        assert response.status_code == 400 and response.json["error"]["field"] == field


def test_each_request_reads_its_own_body_even_when_requests_share_an_app_context(app, trainee_headers):
    from flask.testing import FlaskClient

    client = FlaskClient(app)  # requests reuse the test's app context (and its g), as schemathesis's do
    for platform in ("social", "professional"):
        response = client.post(
            "/api/v1/feedback", json={"text": "hi", "platform": platform}, headers=trainee_headers
        )
        assert response.json["platform"] == platform
