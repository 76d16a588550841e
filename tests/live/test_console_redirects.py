"""Console forms go back where `next` says only when it is a path on this site."""

from __future__ import annotations

import pytest

from sandbox.models import Role

from ..factories import PASSWORD, make_cohort, make_live_session, make_user

OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
]


@pytest.fixture
def console(client, org):
    """An instructor logged in, with a session in the lobby; the path of its console."""
    instructor = make_user(org, Role.INSTRUCTOR)
    live = make_live_session(org, make_cohort(org, instructor), instructor)
    client.post("/login", data={"email": instructor.email, "password": PASSWORD})
    return f"/live/{live.id}"


@pytest.mark.parametrize("target", OFF_SITE)
def test_speed_form_with_an_off_site_next_goes_back_to_the_console(client, console, target):
    response = client.post(f"{console}/speed", data={"speed": "2", "next": target})
    assert response.status_code == 302 and response.location == console


@pytest.mark.parametrize("action", ["start", "projector/debrief"])
def test_other_console_forms_with_an_off_site_next_go_back_to_the_console(client, console, action):
    response = client.post(f"{console}/{action}", data={"next": "https://evil.example/"})
    assert response.status_code == 302 and response.location == console


def test_console_form_with_a_path_on_this_site_as_next_goes_there(client, console):
    response = client.post(f"{console}/speed", data={"speed": "2", "next": f"{console}/projector"})
    assert response.status_code == 302 and response.location == f"{console}/projector"
