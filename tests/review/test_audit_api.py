"""GET /api/v1/audit: the organisation's audit log, filtered and paginated, for admins and reviewers."""

from __future__ import annotations

from sandbox import audit
from sandbox.extensions import db
from sandbox.models import Role

from ..factories import make_org, make_user


def test_filters_pages_and_scope(client, org, api_token):
    reviewer, trainee = make_user(org, Role.REVIEWER), make_user(org, Role.TRAINEE)
    for n in range(5):
        audit.record("post.override", trainee, actor=trainee, n=n)
    audit.record("run.started", trainee, actor=trainee)
    other = make_org()
    audit.record("post.override", make_user(other, Role.TRAINEE), organisation_id=other.id)
    db.session.commit()
    headers = {"Authorization": f"Bearer {api_token(reviewer)}"}
    first = client.get("/api/v1/audit?action=post.override&limit=3", headers=headers).json
    assert [e["details"]["n"] for e in first["items"]] == [4, 3, 2] and first["next_before"]
    rest = client.get(
        f"/api/v1/audit?action=post.override&before={first['next_before']}", headers=headers
    ).json
    assert [e["details"]["n"] for e in rest["items"]] == [1, 0] and rest["next_before"] is None
    mine = client.get(f"/api/v1/audit?actor_id={trainee.id}", headers=headers).json["items"]
    assert len(mine) == 6  # the other organisation's event never shows
    assert client.get("/api/v1/audit?limit=0", headers=headers).status_code == 400
    assert client.get("/api/v1/audit?since=yesterday", headers=headers).status_code == 400
    trainee_headers = {"Authorization": f"Bearer {api_token(trainee)}"}
    assert client.get("/api/v1/audit", headers=trainee_headers).status_code == 403


def test_the_short_export_names_stream_the_queue_runs(client, org, api_token):
    headers = {"Authorization": f"Bearer {api_token(make_user(org, Role.REVIEWER))}"}
    csv = client.get("/api/v1/review/export.csv", headers=headers)
    assert (
        csv.status_code == 200
        and csv.mimetype == "text/csv"
        and csv.text.splitlines()[0].startswith("run_id")
    )
    as_json = client.get("/api/v1/review/export.json", headers=headers)
    assert as_json.status_code == 200 and as_json.json == []
