"""Every route in the URL map x anonymous and each role: who gets in, who is refused."""

from __future__ import annotations

import pytest

from sandbox.models import Role

from .factories import make_cohort, make_live_session, make_persona, make_post, make_user

ANY_USER = set(Role)
STAFF = {Role.INSTRUCTOR, Role.ADMIN}
ADMIN = {Role.ADMIN}
POSTERS = set(Role) - {Role.REVIEWER}
REVIEW_READERS = {Role.REVIEWER, Role.ADMIN, Role.INSTRUCTOR}  # instructors: their own cohorts
REVIEWERS = {Role.REVIEWER, Role.ADMIN}
PUBLIC = "public"
CONSOLE = STAFF | {Role.ROLE_PLAYER}

# endpoint -> who may use it. A new route fails test_every_route_is_classified until it is listed here.
ACCESS = {
    "static": PUBLIC,
    "main.healthz": PUBLIC,
    "main.help_page": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.join": PUBLIC,
    "auth.accept": PUBLIC,
    "api.openapi": PUBLIC,
    "main.index": ANY_USER,
    "auth.account": ANY_USER,
    "auth.password": ANY_USER,
    "auth.join_another_cohort": ANY_USER,
    "auth.create_token": ANY_USER,
    "auth.revoke_token": ANY_USER,
    "api.me": ANY_USER,
    "api.cohorts": ANY_USER,
    "api.feedback": ANY_USER,
    "api.platforms": ANY_USER,
    "api.feed": ANY_USER,
    "api.post_detail": ANY_USER,
    "api.create": POSTERS,
    "api.edit": POSTERS,
    "api.delete": POSTERS,
    "api.reactions": POSTERS,
    "scenarios.index": ANY_USER,
    "scenarios.manage": STAFF,
    "scenarios.download": STAFF,
    "scenarios.start": POSTERS,
    "scenarios.play": ANY_USER,
    "scenarios.finish": ANY_USER,
    "scenarios.scorecard": ANY_USER,
    "api.scenarios": ANY_USER,
    "api.scenario": ANY_USER,
    "api.create_run": POSTERS,
    "api.run_detail": ANY_USER,
    "api.finish": ANY_USER,
    "api.scorecard": ANY_USER,
    "feeds.platforms": ANY_USER,
    "feeds.feed": ANY_USER,
    "feeds.thread": ANY_USER,
    "feeds.profile": ANY_USER,
    "feeds.tag": ANY_USER,
    "feeds.notifications": ANY_USER,
    "feeds.messages": ANY_USER,
    "feeds.conversation": ANY_USER,
    "feeds.media": ANY_USER,
    "feeds.compose": POSTERS,
    "feeds.edit": POSTERS,
    "feeds.delete": POSTERS,
    "feeds.react_to": POSTERS,
    "feeds.share": POSTERS,
    "feeds.connect": POSTERS,
    "feeds.answer": POSTERS,
    "auth.people": STAFF,
    "auth.invite": STAFF,
    "auth.cohorts": STAFF,
    "auth.cohort": STAFF,
    "auth.new_code": STAFF,
    "auth.set_active": ADMIN,
    "auth.set_role": ADMIN,
    "review.queue": REVIEW_READERS,
    "review.run": REVIEW_READERS,
    "review.practice": REVIEW_READERS,
    "review.add_note": REVIEWERS,
    "review.revise_note": REVIEWERS,
    "review.set_status": REVIEWERS,
    "review.sign_off": REVIEWERS,
    "api.review_runs": REVIEW_READERS,
    "api.review_run": REVIEW_READERS,
    "api.review_practice": REVIEW_READERS,
    "api.review_practice_post": REVIEW_READERS,
    "api.review_run_audit": REVIEW_READERS,
    "api.review_add_note": REVIEWERS,
    "api.review_set_status": REVIEWERS,
    "api.review_sign_off": REVIEWERS,
    "review.exports": REVIEWERS,
    "review.export_download": REVIEWERS,
    "review.reports": REVIEW_READERS,
    "review.cohort_report_page": REVIEW_READERS,
    "review.session_report_page": REVIEW_READERS,
    "review.retention": ADMIN,
    "review.retention_purge": ADMIN,
    **{f"api.review_export_{d}_{f}": REVIEWERS for d in ("runs", "posts", "audit") for f in ("csv", "json")},
}
ACCESS.update(
    {
        "live.index": ANY_USER,
        "live.create": STAFF,
        "live.join": ANY_USER,
        "live.play": ANY_USER,
        "live.console": CONSOLE,
        "live.start": STAFF,
        "live.pause": STAFF,
        "live.resume": STAFF,
        "live.end": STAFF,
        "live.speed": STAFF,
        "live.release": STAFF,
        "live.schedule": STAFF,
        "live.persona_post": CONSOLE,
        "live.set_group": STAFF,
        "live.spotlight": STAFF,
        "live.projector_setting": STAFF,
        "live.projector": CONSOLE,
        "live.report": STAFF | {Role.REVIEWER},
        "live.events": CONSOLE | {Role.REVIEWER},
        "api.live_sessions": ANY_USER,
        "api.create_live_session": STAFF,
        "api.live_session": CONSOLE | {Role.REVIEWER},
        "api.start_live_session": STAFF,
        "api.pause_live_session": STAFF,
        "api.resume_live_session": STAFF,
        "api.end_live_session": STAFF,
        "api.speed_live_session": STAFF,
        "api.release_inject": STAFF,
        # Members of the session's cohort (the matrix's trainee is one) and its staff; others need the
        # cohort's code (tests/live/test_join_access.py).
        "api.join_live_session": POSTERS,
        # Anyone may try a code; the matrix's empty body is a 400, and joining refuses reviewers.
        "api.join_with_code": ANY_USER,
        "api.audit_log": {Role.ADMIN, Role.REVIEWER},
        "api.review_export_csv": {Role.ADMIN, Role.REVIEWER},
        "api.review_export_json": {Role.ADMIN, Role.REVIEWER},
        # By the time the matrix reaches these, the trainee has joined through api.join_live_session;
        # a trainee outside the session gets 403 (tests/live/test_stream.py, test_live_api.py).
        "api.live_events": ANY_USER,
        "api.live_stream": ANY_USER,
    }
)
WHO = ["anonymous", *[role.value for role in Role]]


def _routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_every_route_is_classified(app):
    unlisted = {rule.endpoint for rule, _ in _routes(app)} - set(ACCESS)
    assert not unlisted, f"add these endpoints to ACCESS: {sorted(unlisted)}"


def _url_for_rule(rule, ids: dict[str, object]) -> str:
    values = {arg: ids[arg] for arg in rule.arguments}
    return rule.build(values, append_unknown=False)[1]


@pytest.mark.parametrize("who", WHO)
def test_access_matrix(app, client, org, login_as, who):
    """Anonymous users go to log in (pages) or get 401 (API); wrong roles get 403; right roles get in."""
    user = None if who == "anonymous" else login_as(who)
    other = make_user(org, Role.TRAINEE)
    members = (other, user) if who == Role.TRAINEE.value else (other,)  # joins the session by its number
    cohort = make_cohort(org, instructor=user if who == Role.INSTRUCTOR.value else None, members=members)
    persona = make_persona(org)
    post = make_post(org, persona, "social")
    live = make_live_session(org, cohort, user if who == Role.INSTRUCTOR.value else None)
    ids = {
        "cohort_id": cohort.id,
        "user_id": other.id,
        "token_id": 999999,
        "token": "not-a-token",
        "filename": "css/app.css",
        "platform_id": "social",
        "post_id": post.id,
        "handle": persona.handle,
        "tag": "flu",
        "name": "missing.png",
        "request_id": 999999,
        "platform": "social",
        "scenario_id": "reviews-dental-one-star-baits-phi",
        "run_id": 999999,
        "note_id": 999999,
        "session_id": live.id,
        "key": "ask",
        "participant_id": 999999,
        "setting": "debrief",
    }
    failures = []
    for rule, method in _routes(app):
        if rule.endpoint == "auth.logout":
            continue  # logging out mid-matrix would change who we are; covered in test_auth
        allowed = ACCESS[rule.endpoint]
        response = client.open(_url_for_rule(rule, ids), method=method, data={})
        status, location = response.status_code, response.headers.get("Location", "")
        response.close()
        if allowed == PUBLIC:
            ok = status not in (401, 403)
        elif user is None:
            ok = status == 401 if rule.rule.startswith("/api/") else (status == 302 and "/login" in location)
        elif user.role in allowed:
            ok = status not in (401, 403) and "/login" not in location
        else:
            ok = status == 403
        if not ok:
            failures.append(f"{method} {rule.rule} as {who}: {status} {location}")
    assert not failures, "\n".join(failures)
