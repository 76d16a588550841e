"""Joining a live session by its number needs a place in its cohort or its code, and enrols nobody."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import CohortMembership, LiveParticipant, Role

from ..factories import PASSWORD, make_cohort, make_live_session, make_user


@pytest.fixture
def room(org, api_token):
    """A session in the lobby for a cohort of one trainee, and a trainee of the organisation outside it."""
    instructor = make_user(org, Role.INSTRUCTOR)
    member, outsider = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    cohort = make_cohort(org, instructor, members=(member,))
    live = make_live_session(org, cohort, instructor)
    token = {user: {"Authorization": f"Bearer {api_token(user)}"} for user in (member, outsider)}
    return {"live": live, "cohort": cohort, "member": member, "outsider": outsider, "headers": token}


def _rows(model, user) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(model.user_id == user.id))


def _join_by_id(client, room, user, body=None):
    return client.post(
        f"/api/v1/live/sessions/{room['live'].id}/join", json=body or {}, headers=room["headers"][user]
    )


def test_join_by_id_outside_the_cohort_is_refused_and_enrols_nobody(client, room):
    response = _join_by_id(client, room, room["outsider"])
    assert response.status_code == 403
    assert response.json["error"]["field"] == "code" and "cohort code" in response.json["error"]["message"]
    assert _rows(CohortMembership, room["outsider"]) == 0 and _rows(LiveParticipant, room["outsider"]) == 0


def test_join_by_id_with_a_wrong_code_is_refused_and_enrols_nobody(client, room):
    response = _join_by_id(client, room, room["outsider"], {"code": "NOTTHIS1"})
    assert response.status_code == 403 and response.json["error"]["field"] == "code"
    assert _rows(CohortMembership, room["outsider"]) == 0 and _rows(LiveParticipant, room["outsider"]) == 0


@pytest.mark.parametrize("code", ["ÄÖÜ-CODE", "𝟘𝟙𝟚", ""])
def test_join_by_id_with_a_code_in_any_script_is_refused_not_a_crash(client, room, code):
    response = _join_by_id(client, room, room["outsider"], {"code": code})
    assert response.status_code == 403 and response.json["error"]["field"] == "code"


def test_join_by_id_with_the_code_typed_loosely_still_joins(client, room):
    typed = " " + "-".join(room["cohort"].join_code.lower()[i : i + 4] for i in (0, 4))
    assert _join_by_id(client, room, room["outsider"], {"code": typed}).status_code == 200


def test_join_by_id_with_a_code_that_is_not_text_is_a_bad_request(client, room):
    response = _join_by_id(client, room, room["outsider"], {"code": 1234})
    assert response.status_code == 400 and response.json["error"]["field"] == "code"


def test_a_cohort_member_joins_by_id(client, room):
    response = _join_by_id(client, room, room["member"])
    assert response.status_code == 200 and response.json["session_id"] == room["live"].id
    assert _rows(CohortMembership, room["member"]) == 1 and _rows(LiveParticipant, room["member"]) == 1


def test_join_by_id_with_the_cohort_code_works_like_joining_with_the_code(client, room):
    response = _join_by_id(client, room, room["outsider"], {"code": room["cohort"].join_code.lower()})
    assert response.status_code == 200 and response.json["session_id"] == room["live"].id
    assert _rows(LiveParticipant, room["outsider"]) == 1


def test_joining_with_the_code_still_enrols_in_the_cohort(client, room):
    response = client.post(
        "/api/v1/live/join",
        json={"code": room["cohort"].join_code},
        headers=room["headers"][room["outsider"]],
    )
    assert response.status_code == 200 and _rows(CohortMembership, room["outsider"]) == 1


def test_play_link_of_a_session_does_not_hand_an_outsider_the_cohort_code(client, room):
    client.post("/login", data={"email": room["outsider"].email, "password": PASSWORD})
    response = client.get(f"/live/{room['live'].id}/play")
    assert response.status_code == 302 and response.location.endswith("/live/join")
    assert room["cohort"].join_code not in client.get(response.location).text


def test_play_link_of_a_session_fills_in_the_code_for_a_cohort_member(client, room):
    client.post("/login", data={"email": room["member"].email, "password": PASSWORD})
    response = client.get(f"/live/{room['live'].id}/play")
    assert response.status_code == 302 and f"code={room['cohort'].join_code}" in response.location
