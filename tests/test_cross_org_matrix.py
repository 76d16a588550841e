"""Every readable route x every role of one organisation x another organisation's objects: nothing leaks.

Organisation A's objects all carry a marker word. A user of each role in organisation B requests every
GET route of the URL map with A's ids, handles and names filled in; no answer may contain the marker,
and none may be a server error.
"""

from __future__ import annotations

import pytest

from sandbox.extensions import db
from sandbox.models import Organisation, Role, User
from sandbox.models.review import ReviewNote

from .factories import (
    make_cohort,
    make_live_session,
    make_org,
    make_persona,
    make_post,
    make_review_post,
    make_review_run,
    make_user,
)

MARKER = "zzsecretmarker"
TAG = "northgateonly"  # a tag page names the tag it was asked for; the marker is in the posts under it
SKIP = {"static", "main.healthz", "main.help_page", "api.openapi", "auth.logout"}


def _organisation_a() -> dict[str, object]:
    org = make_org(f"Northgate {MARKER}")
    trainee = make_user(org, Role.TRAINEE)
    trainee.display_name = f"Tess {MARKER}"
    instructor = make_user(org, Role.INSTRUCTOR)
    cohort = make_cohort(org, instructor=instructor, members=(trainee,))
    cohort.name = f"Cohort {MARKER}"
    persona = make_persona(org, handle=f"p_{MARKER}")
    persona.name = f"Pat {MARKER}"
    post = make_post(org, persona, "social", body=f"Persona post #{TAG} {MARKER}")
    run = make_review_run(org, trainee)
    answer = make_review_post(run, body=f"Run answer {MARKER}", findings=[("privacy", "NAME", "block")])
    note = ReviewNote(organisation_id=org.id, run_id=run.id, author_id=instructor.id, body=f"Note {MARKER}")
    db.session.add(note)
    live = make_live_session(org, cohort, instructor)
    db.session.commit()
    return {
        "cohort_id": cohort.id,
        "user_id": trainee.id,
        "post_id": answer.id,
        "handle": persona.handle,
        "tag": TAG,
        "run_id": run.id,
        "note_id": note.id,
        "session_id": live.id,
        "participant_id": 1,
        "platform_id": "social",
        "platform": "social",
        "scenario_id": "reviews-dental-one-star-baits-phi",
        "name": "missing.png",
        "filename": "css/app.css",
        "token": "not-a-token",
        "token_id": 1,
        "request_id": 1,
        "key": "ask",
        "setting": "debrief",
        "_other_post": post.id,
    }


def _get_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint not in SKIP and "GET" in rule.methods:
            yield rule


def _text(response) -> str:
    if response.mimetype == "text/event-stream":  # a live stream never ends: its first events only
        return "".join(chunk.decode() for _n, chunk in zip(range(3), response.response, strict=False))
    return response.get_data(as_text=True)


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_no_route_shows_another_organisations_objects(app, client, login_as, role):
    ids = _organisation_a()
    login_as(role, make_org("Southfield (other)"))
    leaks, errors, asked = [], [], 0
    for rule in _get_routes(app):
        for post_id in {ids["post_id"], ids["_other_post"]} if "post_id" in rule.arguments else {None}:
            values = {arg: (post_id if arg == "post_id" else ids[arg]) for arg in rule.arguments}
            url = rule.build(values, append_unknown=False)[1]
            response = client.get(url)
            asked += 1
            text = _text(response).lower()
            response.close()
            if MARKER in text:
                leaks.append(f"{url}: {response.status_code}")
            if response.status_code >= 500:
                errors.append(f"{url}: {response.status_code}")
    assert asked >= 70  # every GET route (routes with a post id twice: a run answer and a feed post)
    assert not leaks, "another organisation's data shown:\n" + "\n".join(leaks)
    assert not errors, "\n".join(errors)


def test_the_marker_is_visible_inside_its_own_organisation(app, client, login_as):
    """The control: the same requests made from organisation A do show its objects."""
    ids = _organisation_a()
    org_a = db.session.get(Organisation, db.session.get(User, ids["user_id"]).organisation_id)
    login_as(Role.REVIEWER, org_a)
    for url in (
        f"/review/runs/{ids['run_id']}",
        f"/api/v1/posts/{ids['_other_post']}",
        f"/p/social/tags/{TAG}",
        "/review/exports/download?dataset=posts&format=csv",
    ):
        response = client.get(url)
        assert response.status_code == 200 and MARKER in response.get_data(as_text=True).lower(), url
