"""Who reaches the review pages and API: trainees are refused, other organisations see nothing."""

from __future__ import annotations

import pytest

from sandbox.models import Role

from ..factories import make_cohort, make_org, make_review_run, make_user

PAGES = ["/review/", "/review/runs/{run}"]
APIS = ["/api/v1/review/runs", "/api/v1/review/runs/{run}", "/api/v1/review/runs/{run}/audit"]
WRITES = [
    ("/review/runs/{run}/notes", {"body": "x"}),
    ("/review/runs/{run}/status", {"status": "closed"}),
    ("/review/cohorts/{cohort}/signoff", {}),
]
API_WRITES = [
    ("/api/v1/review/runs/{run}/notes", {"note": "x"}),
    ("/api/v1/review/runs/{run}/annotations", {"note": "x"}),
    ("/api/v1/review/runs/{run}/status", {"status": "closed"}),
    ("/api/v1/review/cohorts/{cohort}/signoff", {}),
]


@pytest.fixture
def target(org):
    trainee = make_user(org)
    cohort = make_cohort(org, members=(trainee,))
    return {"run": make_review_run(org, trainee).id, "cohort": cohort.id}


@pytest.mark.parametrize("role", [Role.TRAINEE, Role.ROLE_PLAYER])
def test_trainees_and_role_players_get_403_everywhere(client, login_as, target, role):
    login_as(role)
    for url in PAGES + APIS:
        assert client.get(url.format(**target)).status_code == 403, url
    for url, data in WRITES:
        assert client.post(url.format(**target), data=data).status_code == 403, url
    for url, data in API_WRITES:
        assert client.post(url.format(**target), json=data).status_code == 403, url


def test_trainee_sees_no_review_link(client, login_as):
    login_as(Role.TRAINEE)
    assert 'href="/review/"' not in client.get("/").text


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ADMIN])
def test_another_organisations_run_and_cohort_answer_404(client, login_as, target, role):
    login_as(role, make_org("Elsewhere Hospital"))
    for url in PAGES[1:] + APIS[1:]:
        assert client.get(url.format(**target)).status_code == 404, url
    for url, data in WRITES:
        assert client.post(url.format(**target), data=data).status_code == 404, url
    for url, data in API_WRITES:
        assert client.post(url.format(**target), json=data).status_code == 404, url
    assert client.get("/api/v1/review/runs").json["total"] == 0
    assert "0</strong> runs match" in client.get("/review/").text


def test_an_unfinished_run_is_not_reviewable(client, login_as, org):
    login_as(Role.REVIEWER)
    running = make_review_run(org, make_user(org), status="running", finished_at=None)
    assert client.get(f"/review/runs/{running.id}").status_code == 404


def test_instructor_reads_only_runs_of_their_own_cohorts(client, login_as, org):
    mine, theirs = make_user(org), make_user(org)
    instructor = login_as(Role.INSTRUCTOR)
    own_cohort = make_cohort(org, instructor=instructor, members=(mine,))
    other_cohort = make_cohort(org, instructor=make_user(org, Role.INSTRUCTOR), members=(theirs,))
    my_run, their_run = make_review_run(org, mine), make_review_run(org, theirs)
    assert client.get(f"/review/runs/{my_run.id}").status_code == 200
    assert client.get(f"/review/runs/{their_run.id}").status_code == 404
    assert [item["id"] for item in client.get("/api/v1/review/runs").json["items"]] == [my_run.id]
    assert client.get(f"/review/?cohort_id={other_cohort.id}").status_code == 404
    assert client.get(f"/review/?cohort_id={own_cohort.id}").status_code == 200
    assert 'href="/review/"' in client.get("/").text


def test_reviewers_still_cannot_post_in_feeds(client, login_as):
    login_as(Role.REVIEWER)
    response = client.post(
        "/api/v1/posts", json={"platform": "social", "body": "hello", "audience": "public"}
    )
    assert response.status_code == 403
