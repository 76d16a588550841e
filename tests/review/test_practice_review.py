"""Free practice reaches review: overridden and deleted posts outside scenarios, in the queue and exports."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from sandbox.extensions import db
from sandbox.feeds.operations import Draft, create_post, delete_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.models import Role

from ..factories import PASSWORD, make_cohort, make_org, make_user
from .playthrough import UNSAFE, play_dental

RISKY = "Mrs. Delgado in bed 12 is 93 today and still cracking jokes"
PLAIN = "Great team huddle this morning, thanks all"
REGRETTED = "Long night on the ward, glad to be home"


def _post(user, body: str, override: bool = False, platform: str = "microblog"):
    post, _report = create_post(user, PLATFORMS[platform], Draft(body=body, override=override))
    db.session.commit()
    return post


@pytest.fixture
def practice(org):
    """Overridden, deleted and plain free-practice posts; a scenario run; another organisation's override."""
    trainee, other = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    instructor = make_user(org, Role.INSTRUCTOR)
    make_cohort(org, instructor=instructor, members=(trainee,))
    overridden = _post(trainee, RISKY, override=True)
    deleted = _post(other, REGRETTED)
    delete_post(other, deleted.id)
    db.session.commit()
    plain = _post(trainee, PLAIN)
    run, answer = play_dental(trainee, UNSAFE)
    stranger = make_user(make_org("Elsewhere (test)"), Role.TRAINEE)
    foreign = _post(stranger, "Mr. Abara in bed 3 is 97 and flirting with the nurses", override=True)
    return SimpleNamespace(
        trainee=trainee,
        other=other,
        instructor=instructor,
        overridden=overridden,
        deleted=deleted,
        plain=plain,
        run=run,
        answer=answer,
        foreign=foreign,
    )


def _practice_section(html: str) -> str:
    start = html.index('id="practice-title"')
    return html[start : html.index("</section>", start)]


def test_the_queue_lists_overridden_and_deleted_free_practice_posts(client, login_as, practice):
    login_as(Role.REVIEWER)
    section = _practice_section(client.get("/review/").text)
    assert f"/review/practice/{practice.overridden.id}" in section
    assert f"/review/practice/{practice.deleted.id}" in section
    assert f"/review/practice/{practice.plain.id}" not in section  # nothing to review
    assert f"/review/practice/{practice.foreign.id}" not in section


def test_queue_filters_narrow_free_practice_and_run_only_filters_leave_it_out(client, login_as, practice):
    login_as(Role.REVIEWER)
    mine = _practice_section(client.get(f"/review/?trainee_id={practice.trainee.id}").text)
    assert f"/review/practice/{practice.overridden.id}" in mine
    assert f"/review/practice/{practice.deleted.id}" not in mine
    deleted = _practice_section(client.get("/review/?deleted=true").text)
    assert f"/review/practice/{practice.deleted.id}" in deleted
    assert f"/review/practice/{practice.overridden.id}" not in deleted
    by_scenario = _practice_section(client.get(f"/review/?scenario_id={practice.run.scenario_id}").text)
    assert "/review/practice/" not in by_scenario and "none match these filters" in by_scenario


def test_the_free_practice_page_shows_the_words_findings_override_and_audit(client, login_as, practice):
    login_as(Role.REVIEWER)
    page = client.get(f"/review/practice/{practice.overridden.id}")
    assert page.status_code == 200
    assert "Delgado" in page.text and "Warning overridden" in page.text
    assert "post.override" in page.text and "post.created" in page.text
    deleted = client.get(f"/review/practice/{practice.deleted.id}").text
    assert "deleted post #" in deleted and "post.deleted" in deleted


def test_only_the_organisations_free_practice_posts_open(client, login_as, practice):
    login_as(Role.REVIEWER)
    assert client.get(f"/review/practice/{practice.foreign.id}").status_code == 404
    assert client.get(f"/review/practice/{practice.answer.id}").status_code == 404  # a run's post


def test_an_instructor_sees_only_their_cohorts_free_practice(client, practice):
    client.post("/login", data={"email": practice.instructor.email, "password": PASSWORD})
    section = _practice_section(client.get("/review/").text)
    assert f"/review/practice/{practice.overridden.id}" in section
    assert f"/review/practice/{practice.deleted.id}" not in section  # not in their cohort
    assert client.get(f"/review/practice/{practice.deleted.id}").status_code == 404


def test_trainees_cannot_open_free_practice_review(client, login_as, practice):
    login_as(Role.TRAINEE)
    assert client.get(f"/review/practice/{practice.overridden.id}").status_code == 403


def _posts_csv(client, **args) -> list[dict[str, str]]:
    response = client.get(
        "/review/exports/download", query_string={"dataset": "posts", "format": "csv", **args}
    )
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_posts_export_has_free_practice_rows_of_their_own_context(client, login_as, practice):
    login_as(Role.REVIEWER)
    rows = {int(row["post_id"]): row for row in _posts_csv(client)}
    row = rows[practice.overridden.id]
    assert row["context"] == "free_practice" and row["run_id"] == "" and row["overridden"] == "True"
    assert row["trainee_id"] == str(practice.trainee.id) and "NAME" in row["labels"]
    assert rows[practice.deleted.id]["deleted_at"] and practice.foreign.id not in rows
    assert {r["context"] for r in rows.values()} == {"run", "free_practice"}
    overridden = {
        int(r["post_id"]) for r in _posts_csv(client, overridden="true", trainee_id=practice.trainee.id)
    }
    assert practice.overridden.id in overridden and practice.plain.id not in overridden
    by_scenario = _posts_csv(client, scenario_id=practice.run.scenario_id)
    assert by_scenario and {r["context"] for r in by_scenario} == {"run"}


def test_the_api_lists_and_opens_free_practice_posts(client, login_as, practice):
    login_as(Role.REVIEWER)
    listed = client.get("/api/v1/review/practice").json
    assert {item["post_id"] for item in listed["items"]} == {practice.overridden.id, practice.deleted.id}
    assert listed["total"] == 2 and listed["next_cursor"] is None
    one = client.get(f"/api/v1/review/practice/{practice.overridden.id}").json
    assert one["post"]["overridden"] and "NAME" in one["post"]["labels"]
    assert one["transcript"][0]["body"] == RISKY and one["transcript"][0]["findings"]
    assert "post.override" in {event["action"] for event in one["audit"]}
    assert client.get(f"/api/v1/review/practice/{practice.foreign.id}").status_code == 404
