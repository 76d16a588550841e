"""A shared room shows each trainee's post under the name they joined with: a pseudonym hides the account."""

from __future__ import annotations

import re

import pytest

from sandbox.extensions import db
from sandbox.feeds.operations import Draft, create_post, delete_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.live import sessions
from sandbox.models import PostKind, Role
from sandbox.scenarios.runs import run_post, scenario_for

from ..factories import PASSWORD, make_cohort, make_user

SCENARIO = "microblog-celebrity-admission-rumour"
PSEUDONYM = "pseudo-traineeb"
REAL_NAME = "Beatrice Realname"


@pytest.fixture
def room(org, api_token):
    """A started shared room: trainee A under their name, trainee B under a pseudonym; B has answered."""
    instructor = make_user(org, Role.INSTRUCTOR)
    a, b = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    b.display_name = REAL_NAME
    cohort = make_cohort(org, instructor, members=(a, b))
    live = sessions.create_session(
        instructor, cohort, scenario_for(SCENARIO), "shared", allow_pseudonyms=True
    )
    sessions.join(live, a)
    sessions.join(live, b, pseudonym=PSEUDONYM)
    sessions.start(live, instructor)
    db.session.commit()
    reply = _post(live, b, "We can't talk about anyone's care here.", kind=PostKind.REPLY, answers="ask")
    post = _post(live, b, "Thinking of everyone on the night shift today.")
    return {
        "live": live,
        "a": a,
        "b": b,
        "instructor": instructor,
        "post": post,
        "reply": reply,
        "token": api_token,
    }


def _post(live, user, body: str, kind: PostKind = PostKind.POST, answers: str | None = None):
    """The user posts in their run of the room: a public post, or an answer to an inject."""
    run = sessions.participant_for(live, user).run
    parent_id = run_post(run, answers).id if answers else None
    draft = Draft(body=body, kind=kind, parent_id=parent_id, run_id=run.id, override=True)
    post, _ = create_post(user, PLATFORMS["microblog"], draft)
    db.session.commit()
    return post


def _log_in(client, user) -> None:
    client.post("/logout")
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302


def _card(html: str, post_id: int) -> str:
    """The rendered card of one post."""
    match = re.search(rf'<article class="post[^"]*" id="post-{post_id}".*?</article>', html, re.S)
    assert match, f"post {post_id} is not on the page"
    return match.group(0)


def _run_page(client, room, user) -> str:
    run_id = sessions.participant_for(room["live"], user).run_id
    return client.get(f"/practice/runs/{run_id}").text


def test_run_page_shows_another_trainees_post_under_their_pseudonym_without_you_badge(client, room):
    _log_in(client, room["a"])
    page = _run_page(client, room, room["a"])
    card = _card(page, room["post"].id)
    assert PSEUDONYM in card and "you-badge" not in card
    assert '<span class="avatar" aria-hidden="true">p</span>' in card and REAL_NAME not in page


def test_run_page_shows_the_author_their_own_post_as_theirs(client, room):
    _log_in(client, room["b"])
    card = _card(_run_page(client, room, room["b"]), room["post"].id)
    assert REAL_NAME in card and "you-badge" in card


def test_thread_pages_show_another_trainees_post_and_reply_under_their_pseudonym(client, room):
    _log_in(client, room["a"])
    for page_of, shown in ((room["post"].id, room["post"].id), (room["reply"].parent_id, room["reply"].id)):
        response = client.get(f"/p/microblog/posts/{page_of}")
        assert response.status_code == 200
        card = _card(response.text, shown)
        assert PSEUDONYM in card and "you-badge" not in card and REAL_NAME not in response.text


def test_a_quote_of_a_pseudonymous_post_shows_the_pseudonym(client, room):
    a_run = sessions.participant_for(room["live"], room["a"]).run_id
    quote, _ = create_post(
        room["a"],
        PLATFORMS["microblog"],
        Draft(body="Well said.", kind=PostKind.QUOTE, shared_id=room["post"].id, run_id=a_run, override=True),
    )
    db.session.commit()
    _log_in(client, room["a"])
    page = client.get(f"/p/microblog/posts/{quote.id}").text
    shared = re.search(r'<blockquote class="shared">.*?</blockquote>', page, re.S).group(0)
    assert PSEUDONYM in shared and "you-badge" not in shared and REAL_NAME not in page


def test_api_post_hides_the_account_behind_a_pseudonym_from_another_trainee(client, room):
    headers = {"Authorization": f"Bearer {room['token'](room['a'])}"}
    response = client.get(f"/api/v1/posts/{room['post'].id}", headers=headers)
    assert response.status_code == 200
    assert response.json["author"] == {"type": "user", "id": None, "name": PSEUDONYM, "handle": None}
    assert REAL_NAME not in response.text
    parent = client.get(f"/api/v1/posts/{room['reply'].parent_id}", headers=headers)
    mine = [item for item in parent.json["thread"] if item["id"] == room["reply"].id]
    assert mine and mine[0]["author"]["name"] == PSEUDONYM and REAL_NAME not in parent.text


def test_api_post_shows_the_author_their_own_name(client, room):
    headers = {"Authorization": f"Bearer {room['token'](room['b'])}"}
    author = client.get(f"/api/v1/posts/{room['post'].id}", headers=headers).json["author"]
    assert author == {"type": "user", "id": room["b"].id, "name": REAL_NAME, "handle": None}


def test_api_post_gives_the_sessions_instructor_the_pseudonym_and_the_real_name(client, room):
    headers = {"Authorization": f"Bearer {room['token'](room['instructor'])}"}
    author = client.get(f"/api/v1/posts/{room['post'].id}", headers=headers).json["author"]
    assert author["name"] == PSEUDONYM and author["real_name"] == REAL_NAME and author["id"] == room["b"].id


def test_a_room_name_without_a_pseudonym_is_the_account_name(client, room):
    post = _post(room["live"], room["a"], "Please contact the hospital directly.")
    headers = {"Authorization": f"Bearer {room['token'](room['b'])}"}
    author = client.get(f"/api/v1/posts/{post.id}", headers=headers).json["author"]
    assert author == {"type": "user", "id": room["a"].id, "name": room["a"].display_name, "handle": None}


def test_events_a_trainee_receives_never_carry_another_trainees_real_name(client, room):
    headers = {"Authorization": f"Bearer {room['token'](room['a'])}"}
    response = client.get(f"/api/v1/live/sessions/{room['live'].id}/events", headers=headers)
    assert response.status_code == 200 and "feed.changed" in response.text
    assert REAL_NAME not in response.text and PSEUDONYM not in response.text


def test_another_trainees_deleted_post_is_not_called_yours(client, room):
    delete_post(room["b"], room["post"].id)
    db.session.commit()
    _log_in(client, room["a"])
    card = _card(client.get(f"/p/microblog/posts/{room['post'].id}").text, room["post"].id)
    assert "This post was deleted." in card and "You deleted" not in card
