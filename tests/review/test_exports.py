"""Exports: CSV and JSON of runs, posts with findings and the audit log; filtered, streamed, audited."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import AuditEvent, Post, Role, Run, User, utcnow
from sandbox.review import exports

from ..factories import make_cohort, make_org, make_review_post, make_review_run, make_user

DOWNLOAD = "/review/exports/download"


@pytest.fixture
def world(org):
    """Two trainees of a cohort with three finished runs, one unfinished run, and another organisation."""
    alice, bob = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    cohort = make_cohort(org, members=(alice,))
    old = utcnow() - timedelta(days=40)
    leak = make_review_run(org, alice, "microblog-troll")
    leak_post = make_review_post(
        leak,
        '=HYPERLINK("x") Mrs Patel in bed 4',
        findings=[("privacy", "NAME", "block"), ("privacy", "CLINICAL", "warn")],
        overridden=True,
    )
    deleted = make_review_post(leak, "I take it back", deleted_at=utcnow())
    rude = make_review_run(org, bob, started_at=old, finished_at=old)
    rude_post = make_review_post(rude, "Read the sign, people.", findings=[("tone", "HOSTILE", "warn")])
    calm = make_review_run(org, bob)
    make_review_post(calm, "Thank you, please call us.", findings=[("tone", "EMPATHY", "good")])
    unfinished = make_review_run(org, alice, status="running", finished_at=None)
    make_review_post(unfinished, "Still typing", findings=[("privacy", "NAME", "block")], overridden=True)
    other_org = make_org("Elsewhere (test)")
    stranger = make_user(other_org, Role.TRAINEE)
    foreign = make_review_run(other_org, stranger, "microblog-troll")
    make_review_post(foreign, "Secret elsewhere", findings=[("privacy", "NAME", "block")], overridden=True)
    return SimpleNamespace(
        alice=alice,
        bob=bob,
        cohort=cohort,
        leak=leak,
        rude=rude,
        calm=calm,
        unfinished=unfinished,
        foreign=foreign,
        leak_post=leak_post,
        deleted=deleted,
        rude_post=rude_post,
        old=old,
    )


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def _download(client, dataset: str, fmt: str = "csv", **args):
    return client.get(DOWNLOAD, query_string={"dataset": dataset, "format": fmt, **args})


def test_runs_csv_rows_match_the_database_for_a_filter(client, login_as, world, org):
    login_as(Role.REVIEWER)
    rows = _csv(_download(client, "runs", overridden="true"))
    expected = db.session.execute(
        sa.select(Run.id, Run.user_id, Run.scenario_id)
        .where(
            Run.organisation_id == org.id,
            Run.status == "finished",
            Run.id.in_(
                sa.select(Post.run_id).where(Post.overridden.is_(True), Post.author_user_id == Run.user_id)
            ),
        )
        .order_by(Run.id)
    ).all()
    assert [(int(r["run_id"]), int(r["trainee_id"]), r["scenario_id"]) for r in rows] == [
        tuple(row) for row in expected
    ]
    (row,) = rows
    assert row["posts"] == "2" and row["overridden_posts"] == "1" and row["deleted_posts"] == "1"
    assert row["findings"] == "2" and row["labels"] == "CLINICAL;NAME" and row["purged"] == "False"


def test_runs_export_holds_only_finished_runs_of_the_viewers_organisation(client, login_as, world):
    login_as(Role.ADMIN)
    ids = {int(r["run_id"]) for r in _csv(_download(client, "runs"))}
    assert ids == {world.leak.id, world.rude.id, world.calm.id}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"label": "HOSTILE"}, ["rude"]),
        ({"label": "name"}, ["leak"]),
        ({"severity": "good"}, ["calm"]),
        ({"deleted": "true"}, ["leak"]),
        ({"overridden": "false"}, ["rude", "calm"]),
        ({"platform": "microblog"}, ["leak"]),
        ({"scenario_id": "microblog-troll"}, ["leak"]),
        ({"trainee_id": "bob"}, ["rude", "calm"]),
        ({"cohort_id": "cohort"}, ["leak"]),
        ({"to": "old"}, ["rude"]),
        ({"from": "today"}, ["leak", "calm"]),
    ],
)
def test_run_filters_select_the_matching_runs(client, login_as, world, args, expected):
    login_as(Role.REVIEWER)
    values = {
        "bob": str(world.bob.id),
        "cohort": str(world.cohort.id),
        "old": world.old.date().isoformat(),
        "today": utcnow().date().isoformat(),
    }
    query = {name: values.get(value, value) for name, value in args.items()}
    ids = [int(r["run_id"]) for r in _csv(_download(client, "runs", **query))]
    assert ids == [getattr(world, name).id for name in expected]


def test_posts_csv_summarises_findings_one_row_per_post(client, login_as, world):
    login_as(Role.REVIEWER)
    rows = {int(r["post_id"]): r for r in _csv(_download(client, "posts"))}
    assert set(rows) == {world.leak_post.id, world.deleted.id, world.rude_post.id} | {
        p.id for p in db.session.scalars(sa.select(Post).where(Post.run_id == world.calm.id))
    }
    leak = rows[world.leak_post.id]
    assert leak["finding_count"] == "2" and leak["labels"] == "CLINICAL;NAME"
    assert leak["severities"] == "block;warn" and leak["overridden_labels"] == "NAME"
    assert leak["overridden"] == "True" and leak["trainee_id"] == str(world.alice.id)
    assert rows[world.deleted.id]["deleted_at"] != ""


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, login_as, world):
    login_as(Role.REVIEWER)
    rows = {int(r["post_id"]): r for r in _csv(_download(client, "posts"))}
    assert rows[world.leak_post.id]["body"] == '\'=HYPERLINK("x") Mrs Patel in bed 4'


def test_posts_json_parses_and_nests_the_finding_objects(client, login_as, world):
    login_as(Role.REVIEWER)
    response = _download(client, "posts", "json", label="NAME")
    assert response.mimetype == "application/json"
    items = response.get_json()
    assert [item["post_id"] for item in items] == [world.leak_post.id]
    findings = items[0]["findings"]
    assert [(f["label"], f["severity"], f["overridden"]) for f in findings] == [
        ("NAME", "block", True),
        ("CLINICAL", "warn", False),
    ]
    assert items[0]["body"].startswith("=HYPERLINK")  # JSON is data, not a spreadsheet: kept as typed


def test_post_filters_apply_to_each_post(client, login_as, world):
    login_as(Role.REVIEWER)
    deleted = [int(r["post_id"]) for r in _csv(_download(client, "posts", deleted="true"))]
    assert deleted == [world.deleted.id]
    overridden = [int(r["post_id"]) for r in _csv(_download(client, "posts", overridden="true"))]
    assert overridden == [world.leak_post.id]


def test_exports_stream_from_a_generator_in_chunks(client, login_as, world, monkeypatch):
    login_as(Role.REVIEWER)
    monkeypatch.setattr(exports, "CHUNK", 1)
    response = client.get(DOWNLOAD, query_string={"dataset": "posts", "format": "json"}, buffered=False)
    assert response.is_streamed
    pieces = [piece for piece in response.response if piece]
    response.close()
    assert len(pieces) >= 5  # "[", one piece per post (chunk of 1), "]"
    assert len(json.loads(b"".join(pieces))) == 4


def test_attachment_filename_and_no_caching(client, login_as, world):
    login_as(Role.REVIEWER)
    response = _download(client, "audit", "json")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="sandbox-audit-') and disposition.endswith('.json"')
    assert response.headers["Cache-Control"] == "no-store"


def test_other_organisations_rows_never_appear(client, login_as, world):
    login_as(Role.REVIEWER)
    for dataset in ("runs", "posts", "audit"):
        text = _download(client, dataset, "json").get_data(as_text=True)
        assert "Secret elsewhere" not in text
        items = json.loads(text)
        assert world.foreign.id not in {item.get("run_id") for item in items}
    other_org = _csv(_download(client, "runs", trainee_id=str(world.foreign.user_id)))
    assert other_org == []


def test_each_export_writes_an_audit_event_with_its_filter(client, login_as, world):
    reviewer = login_as(Role.REVIEWER)
    _download(client, "posts", "csv", label="NAME", overridden="true").close()
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "review.exported"))
    assert event.actor_id == reviewer.id and event.organisation_id == reviewer.organisation_id
    assert event.details == {
        "dataset": "posts",
        "format": "csv",
        "filter": {"label": "NAME", "overridden": "true"},
    }


def test_audit_export_filters_by_trainee_and_run(client, login_as, world):
    login_as(Role.REVIEWER)
    from sandbox import audit

    audit.record("run.finished", world.leak, actor=world.alice)
    audit.record("run.finished", world.rude, actor=world.bob)
    db.session.commit()
    by_alice = _csv(_download(client, "audit", trainee_id=str(world.alice.id)))
    assert [(r["action"], r["target_id"]) for r in by_alice] == [("run.finished", str(world.leak.id))]
    by_platform = _csv(_download(client, "audit", platform="reviews"))
    assert [r["target_id"] for r in by_platform] == [str(world.rude.id)]
    assert json.loads(by_alice[0]["details"]) == {}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"from": "yesterday"}, "from"),
        ({"cohort_id": "x"}, "cohort_id"),
        ({"label": "GOSSIP"}, "label"),
        ({"overridden": "maybe"}, "overridden"),
        ({"from": "2026-02-02", "to": "2026-01-01"}, "from"),
        ({"dataset": "secrets"}, "dataset"),
    ],
)
def test_bad_filters_answer_400_naming_the_field(client, login_as, world, args, field):
    reviewer = login_as(Role.REVIEWER)
    query = {"dataset": "runs", "format": "csv", **args}
    page = client.get(DOWNLOAD, query_string=query)
    assert page.status_code == 400 and "Nothing was exported" in page.text
    api = client.get("/api/v1/review/exports/runs.csv", query_string=args)
    api.close()
    if field != "dataset":
        assert api.status_code == 400 and api.get_json()["error"]["field"] == field
    assert db.session.scalar(
        sa.select(sa.func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "review.exported", AuditEvent.actor_id == reviewer.id)
    ) == (0 if field != "dataset" else 1)


@pytest.mark.parametrize("role", [Role.TRAINEE, Role.INSTRUCTOR, Role.ROLE_PLAYER])
def test_only_reviewers_and_admins_export(client, login_as, world, role):
    login_as(role)
    assert client.get("/review/exports").status_code == 403
    assert _download(client, "runs").status_code == 403
    response = client.get("/api/v1/review/exports/posts.json")
    assert response.status_code == 403 and response.get_json()["error"]["code"] == "forbidden"


def test_api_token_made_on_the_account_page_downloads_the_export(app, client, login_as, world):
    reviewer = login_as(Role.REVIEWER)
    page = client.post("/account/tokens", data={"name": "weekly export"})
    assert page.status_code == 201
    token = page.text.split('<code id="new-token">')[1].split("</code>")[0]
    script = app.test_client()
    response = script.get(
        "/api/v1/review/exports/runs.csv",
        query_string={"overridden": "true"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert [int(r["run_id"]) for r in _csv(response)] == [world.leak.id]
    assert script.get("/api/v1/review/exports/runs.csv").status_code == 401
    assert (
        db.session.scalar(sa.select(AuditEvent.actor_id).where(AuditEvent.action == "review.exported"))
        == reviewer.id
    )


def test_export_page_offers_the_organisations_choices(client, login_as, world):
    login_as(Role.REVIEWER)
    page = client.get("/review/exports", query_string={"overridden": "true"})
    assert page.status_code == 200
    assert world.cohort.name in page.text and world.bob.display_name in page.text
    assert '<option value="true" selected>' in page.text
    stranger = db.session.get(User, world.foreign.user_id)
    assert stranger.display_name not in page.text


def test_export_links_macro_keeps_only_the_filter(app):
    with app.test_request_context("/review/?overridden=true&page=3&sort=oldest&label=NAME"):
        from flask import render_template_string, request

        html = render_template_string(
            '{% from "review/_export_links.html" import export_links %}{{ export_links(args) }}',
            args=request.args,
        )
    assert "dataset=runs" in html and "format=csv" in html and "Download runs as CSV" in html
    assert "overridden=true" in html and "label=NAME" in html
    assert "page=" not in html and "sort=" not in html


def test_openapi_documents_the_export_routes(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for dataset in ("runs", "posts", "audit"):
        for fmt in ("csv", "json"):
            operation = paths[f"/review/exports/{dataset}.{fmt}"]["get"]
            assert {p["name"] for p in operation["parameters"]} >= {"cohort_id", "from", "to", "label"}


def test_posts_in_a_shared_rooms_world_belong_to_the_trainees_run(client, login_as, org):
    login_as(Role.REVIEWER)
    host, trainee = make_user(org, Role.INSTRUCTOR), make_user(org, Role.TRAINEE)
    world_run = make_review_run(org, host, "microblog-troll", status="running", finished_at=None)
    world_run.world_run_id = world_run.id
    own_run = make_review_run(org, trainee, "microblog-troll", world_run_id=world_run.id)
    db.session.commit()
    in_room = make_review_post(own_run, "Said in the room", findings=[("privacy", "NAME", "block")])
    in_room.run_id = world_run.id  # a shared room's posts live in its world run
    db.session.commit()
    items = _download(client, "posts", "json", trainee_id=str(trainee.id)).get_json()
    assert [(i["post_id"], i["run_id"], i["trainee_id"]) for i in items] == [
        (in_room.id, own_run.id, trainee.id)
    ]
    runs = _csv(_download(client, "runs"))
    assert [(int(r["run_id"]), r["posts"], r["labels"]) for r in runs] == [(own_run.id, "1", "NAME")]
