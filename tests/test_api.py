"""The JSON API: auth by session or Bearer token, JSON errors, the OpenAPI document."""

from __future__ import annotations

import sqlalchemy as sa
from openapi_spec_validator import validate

from sandbox.extensions import db
from sandbox.models import AuditEvent, Role

from .factories import make_user


def test_me_needs_login_and_answers_json_401(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"


def test_me_returns_the_logged_in_user_and_role(client, login_as, org):
    user = login_as(Role.REVIEWER)
    body = client.get("/api/v1/me").json
    assert body == {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "role": "reviewer",
        "organisation": {"id": org.id, "name": org.name},
    }


def test_bearer_token_authenticates_until_revoked(client, org, api_token):
    user = make_user(org, Role.INSTRUCTOR)
    raw = api_token(user)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/me", headers=headers).json["role"] == "instructor"
    token_id = db.session.scalar(sa.text("SELECT id FROM api_tokens"))
    from sandbox.auth.operations import revoke_api_token

    revoke_api_token(user, token_id)
    db.session.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    assert {"api_token.created", "api_token.revoked"} <= set(db.session.scalars(sa.select(AuditEvent.action)))


def test_bearer_token_of_a_deactivated_user_stops_working(client, org, api_token):
    user = make_user(org)
    headers = {"Authorization": f"Bearer {api_token(user)}"}
    user.is_active_account = False
    db.session.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_garbage_bearer_token_is_401_and_token_is_not_accepted_on_pages(client, org, api_token):
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer sbx_nope"}).status_code == 401
    raw = api_token(make_user(org))
    page = client.get("/account", headers={"Authorization": f"Bearer {raw}"})
    assert page.status_code == 302 and "/login" in page.headers["Location"]


def test_token_created_on_the_account_page_is_shown_once_and_works(client, login_as):
    login_as(Role.REVIEWER)
    response = client.post("/account/tokens", data={"name": "export script"})
    assert response.status_code == 201
    raw = response.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    assert raw.startswith("sbx_") and raw not in client.get("/account").text
    client.post("/logout")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).json["role"] == "reviewer"


def test_revoking_someone_elses_token_is_404(client, login_as, org, api_token):
    other = make_user(org)
    api_token(other)
    login_as(Role.TRAINEE)
    token_id = db.session.scalar(sa.text("SELECT id FROM api_tokens"))
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 404


def test_openapi_document_is_public_valid_and_covers_every_api_route(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    validate(document)
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.endpoint != "api.openapi":
            path = rule.rule.removeprefix("/api/v1").replace("<int:", "{").replace("<", "{").replace(">", "}")
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert (path, method.lower()) in documented, f"{method} {path} is not in the OpenAPI document"


def test_unknown_api_route_is_json_404(client, login_as):
    login_as(Role.TRAINEE)
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_cohorts_lists_join_codes_only_for_staff(client, login_as, org):
    from .factories import make_cohort

    trainee = login_as(Role.TRAINEE)
    make_cohort(org, members=(trainee,))
    items = client.get("/api/v1/cohorts").json["items"]
    assert len(items) == 1 and "join_code" not in items[0] and items[0]["members"] == 1


def test_feedback_rejects_bad_input_naming_the_field(client, login_as):
    login_as(Role.TRAINEE)
    assert client.post("/api/v1/feedback", data="not json").json["error"]["field"] == "body"
    bad_platform = client.post("/api/v1/feedback", json={"text": "hi", "platform": "myspace"})
    assert bad_platform.status_code == 400 and bad_platform.json["error"]["field"] == "platform"
    too_long = client.post("/api/v1/feedback", json={"text": "x" * 20_001})
    assert too_long.status_code == 413


def test_feedback_returns_the_report_shape(client, login_as):
    login_as(Role.TRAINEE)
    body = client.post("/api/v1/feedback", json={"text": "Clinic open 8-5", "platform": "social"}).json
    keys = {"platform", "audience", "blocking", "labels", "findings", "safer_text", "safer_placeholders"}
    assert set(body) >= keys
    assert body["platform"] == "social" and body["audience"] == "public"
