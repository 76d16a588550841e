"""Live session pages through the test client: who sees what, the forms, the errors, and escaping."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.feeds.operations import Draft, create_post
from sandbox.feeds.platforms import PLATFORMS
from sandbox.live import sessions
from sandbox.models import LiveSession, PostKind, Role
from sandbox.scenarios.runs import run_post, scenario_for

from ..factories import PASSWORD, make_cohort, make_user

SCENARIO = "microblog-celebrity-admission-rumour"  # "ask" at the start, an off-the-record DM at 4 minutes
NASTY = '<script>alert("wall")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def room(org):
    """An instructor, their cohort of two trainees, and a third trainee of the organisation."""
    instructor = make_user(org, Role.INSTRUCTOR)
    trainees = [make_user(org, Role.TRAINEE) for _ in range(3)]
    cohort = make_cohort(org, instructor, members=tuple(trainees[:2]))
    return instructor, trainees, cohort


def log_in(client, user) -> None:
    """Log the test client in as this user (replacing whoever was logged in)."""
    client.post("/logout")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.text


def new_session(room, mode: str = "parallel", start: bool = False, join: int = 0, **kwargs) -> LiveSession:
    """A session of the room's cohort, with the first `join` trainees in it, started if asked."""
    instructor, trainees, cohort = room
    live = sessions.create_session(instructor, cohort, scenario_for(SCENARIO), mode, **kwargs)
    for trainee in trainees[:join]:
        sessions.join(live, trainee)
    if start:
        sessions.start(live, instructor)
    db.session.commit()
    return live


def reply_to_ask(user, live: LiveSession, body: str):
    """The user answers the "ask" inject in their run, overriding any warning."""
    participant = sessions.participant_for(live, user)
    ask = run_post(participant.run, "ask")
    post, _ = create_post(
        user,
        PLATFORMS["microblog"],
        Draft(body=body, kind=PostKind.REPLY, parent_id=ask.id, run_id=participant.run_id, override=True),
    )
    db.session.commit()
    return post


def flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash flash-\w+">(.*?)</p>', html, re.S)


# ---- the list and creating a session ------------------------------------------------------------


def test_index_shows_staff_the_create_form_and_an_empty_state(client, room):
    log_in(client, room[0])
    page = client.get("/live/").text
    assert "Start a new session" in page and "Shared room" in page and "Parallel worlds" in page
    assert "No sessions yet" in page
    assert f'<option value="{room[2].id}">{room[2].name}</option>' in page


def test_index_shows_trainees_the_join_form_and_their_sessions_only(client, room):
    live = new_session(room, join=1)
    other = new_session(room)
    log_in(client, room[1][0])
    page = client.get("/live/").text
    assert "Start a new session" not in page and 'name="code"' in page
    assert f"/live/{live.id}/play" in page and f"/live/{other.id}/play" not in page
    log_in(client, room[1][2])
    assert "You have not joined a live session yet" in client.get("/live/").text


def test_creating_a_session_through_the_form_opens_its_console(client, room):
    instructor, _, cohort = room
    log_in(client, instructor)
    response = client.post(
        "/live/new", data={"scenario_id": SCENARIO, "cohort_id": cohort.id, "mode": "shared"}
    )
    live = db.session.scalar(sa.select(LiveSession))
    assert response.status_code == 302 and response.location.endswith(f"/live/{live.id}")
    console = client.get(response.location).text
    assert "Session created" in console and cohort.join_code in console
    assert f'data-events-url="/live/{live.id}/events"' in console
    assert f'data-poll-url="/api/v1/live/sessions/{live.id}/events"' in console
    assert f'data-last-seq="{live.event_seq}"' in console and "Start the session" in console
    assert "Nobody has joined yet" in console and "No trainee posts yet" in console


def test_creating_a_session_without_a_scenario_says_what_is_missing(client, room):
    log_in(client, room[0])
    response = client.post(
        "/live/new", data={"cohort_id": room[2].id, "mode": "shared"}, follow_redirects=True
    )
    assert "Choose a scenario." in flashes(response.text)
    assert db.session.scalar(sa.select(sa.func.count(LiveSession.id))) == 0


# ---- joining ------------------------------------------------------------------------------------


def test_join_page_takes_the_code_from_the_qr_link(client, room):
    log_in(client, room[1][0])
    page = client.get("/live/join?code=CODE1234").text
    assert 'value="CODE1234"' in page and "on the projector" in page


def test_joining_with_the_code_opens_the_live_run_page(client, room):
    live = new_session(room, start=True)
    trainee = room[1][0]
    log_in(client, trainee)
    response = client.post("/live/join", data={"code": room[2].join_code.lower()})
    participant = sessions.participant_for(live, trainee)
    assert response.status_code == 302 and response.location.endswith(f"/practice/runs/{participant.run_id}")
    page = client.get(response.location).text
    assert "Live session:" in page and "Your instructor controls the clock" in page
    assert "js/live.js" in page and "js/run.js" not in page
    assert "Finish and see my scorecard" not in page
    assert f'data-events-url="/live/{live.id}/events"' in page
    assert "can you confirm??" in page  # the inject due at the start arrived


def test_joining_with_a_wrong_code_shows_the_error_next_to_the_field(client, room):
    new_session(room)
    log_in(client, room[1][0])
    response = client.post("/live/join", data={"code": "NOPE99"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text and "No cohort has that code" in response.text


def test_joining_an_ended_session_is_refused_with_a_clear_message(client, room):
    live = new_session(room, start=True)
    sessions.end(live, room[0])
    db.session.commit()
    log_in(client, room[1][0])
    response = client.post("/live/join", data={"code": room[2].join_code})
    assert response.status_code == 400 and "the last one has ended" in response.text


def test_a_pseudonym_where_none_is_allowed_is_refused(client, room):
    new_session(room)
    log_in(client, room[1][0])
    response = client.post("/live/join", data={"code": room[2].join_code, "pseudonym": "Nightowl"})
    assert response.status_code == 400 and "pseudonyms are not allowed" in response.text


# ---- the console ---------------------------------------------------------------------------------


def test_a_trainee_cannot_open_the_console_projector_or_report(client, room):
    live = new_session(room, join=1)
    log_in(client, room[1][0])
    for path in ("", "/projector", "/report"):
        assert client.get(f"/live/{live.id}{path}").status_code == 403
    assert client.post(f"/live/{live.id}/start").status_code == 403


def test_another_instructor_is_refused_and_another_organisation_sees_nothing(client, room, org):
    from ..factories import make_org

    live = new_session(room)
    log_in(client, make_user(org, Role.INSTRUCTOR))
    assert client.get(f"/live/{live.id}").status_code == 403
    log_in(client, make_user(make_org(), Role.INSTRUCTOR))
    assert client.get(f"/live/{live.id}").status_code == 404


def test_console_controls_follow_the_session_status(client, room):
    live = new_session(room, join=2)
    log_in(client, room[0])
    page = client.get(f"/live/{live.id}").text
    assert "Start the session" in page and "Pause the clock" not in page
    response = client.post(f"/live/{live.id}/start", follow_redirects=True)
    assert "Pause the clock" in response.text and "Start the session" not in response.text
    assert re.search(r'data-status="running"', response.text)
    assert "released at 0:00" in response.text  # "ask" is due at the start
    response = client.post(f"/live/{live.id}/pause", follow_redirects=True)
    assert "Resume the clock" in response.text
    response = client.post(f"/live/{live.id}/speed", data={"speed": "4"}, follow_redirects=True)
    assert 'data-speed="4.0"' in response.text
    response = client.post(f"/live/{live.id}/end", follow_redirects=True)
    assert "Session ended" in " ".join(flashes(response.text))
    assert "End the session" not in response.text and 'data-status="ended"' in response.text


def test_end_asks_for_confirmation(client, room):
    live = new_session(room, start=True)
    log_in(client, room[0])
    page = client.get(f"/live/{live.id}").text
    assert re.search(
        r'action="/live/\d+/end" class="inline-form" data-confirm="End the session for everyone', page
    )


def test_releasing_an_inject_twice_says_it_was_already_released(client, room):
    live = new_session(room, start=True, join=1)
    log_in(client, room[0])
    first = client.post(f"/live/{live.id}/injects/off-the-record/release", data={}, follow_redirects=True)
    assert "Released off-the-record." in flashes(first.text)
    second = client.post(f"/live/{live.id}/injects/off-the-record/release", data={}, follow_redirects=True)
    assert "That inject has already been released to everyone." in flashes(second.text)
    assert 'id="inject-off-the-record" class="is-released"' in second.text


def test_releasing_before_the_start_and_a_bad_schedule_are_explained(client, room):
    live = new_session(room)
    log_in(client, room[0])
    early = client.post(f"/live/{live.id}/injects/ask/release", follow_redirects=True)
    assert "Start the session before releasing injects." in flashes(early.text)
    bad = client.post(
        f"/live/{live.id}/injects/off-the-record/schedule", data={"minutes": "-3"}, follow_redirects=True
    )
    assert "Between 0 and 1440 minutes." in flashes(bad.text)
    good = client.post(
        f"/live/{live.id}/injects/off-the-record/schedule", data={"minutes": "2.5"}, follow_redirects=True
    )
    assert "scheduled for 2:30" in good.text


def test_console_lists_participants_groups_and_the_wall_with_findings(client, room):
    live = new_session(room, start=True, join=2)
    trainee = room[1][0]
    participant = sessions.participant_for(live, trainee)
    reply_to_ask(trainee, live, "Yes Luma Vey came in last night with dehydration, she is on Ward 7")
    log_in(client, room[0])
    client.post(f"/live/{live.id}/participants/{participant.id}/group", data={"group": "Table 1"})
    page = client.get(f"/live/{live.id}").text
    assert 'value="Table 1"' in page and '<option value="Table 1">' in page
    assert "Warning overridden" in page and 'class="badge sev-block"' in page
    assert f'data-participant="{participant.id}" data-group="Table 1"' in page
    assert re.search(r'<li data-label="\w+"><span class="count-label">', page)  # counts by label
    assert 'name="post_id" value="' in page and "Spotlight" in page


def test_a_role_player_gets_the_persona_composer_but_no_controls(client, room, org):
    live = new_session(room, start=True, join=1)
    log_in(client, make_user(org, Role.ROLE_PLAYER))
    page = client.get(f"/live/{live.id}").text
    assert "Post as this persona" in page and "You are a role-player here" in page
    assert "Pause the clock" not in page and "/injects/ask/release" not in page and "Spotlight" not in page
    response = client.post(
        f"/live/{live.id}/persona-post",
        data={"persona": "jordanpike_rn", "target": "feed", "body": "anyone else hear about this??"},
        follow_redirects=True,
    )
    assert "Posted." in flashes(response.text)


def test_persona_post_without_a_message_is_refused(client, room):
    live = new_session(room, start=True, join=1)
    log_in(client, room[0])
    response = client.post(
        f"/live/{live.id}/persona-post",
        data={"persona": "jordanpike_rn", "target": "feed", "body": ""},
        follow_redirects=True,
    )
    assert "Write something to post." in flashes(response.text)


# ---- the projector and the report ----------------------------------------------------------------


def test_projector_shows_the_join_code_qr_and_current_inject_with_authors_hidden(client, room):
    live = new_session(room, start=True, join=1)
    trainee = room[1][0]
    post = reply_to_ask(trainee, live, "I never comment on whether anyone is a patient.")
    log_in(client, room[0])
    client.post(f"/live/{live.id}/spotlight", data={"post_id": post.id})
    page = client.get(f"/live/{live.id}/projector").text
    assert "<svg" in page and room[2].join_code in page and "/live/join?code=" in page
    assert "can you confirm??" in page and "I never comment" in page
    assert "A trainee" in page and trainee.display_name not in page
    client.post(f"/live/{live.id}/projector/authors")
    assert trainee.display_name in client.get(f"/live/{live.id}/projector").text


def test_projector_debrief_puts_answers_side_by_side_with_the_model_answer(client, room):
    live = new_session(room, start=True, join=2)
    reply_to_ask(room[1][0], live, "I never comment on whether anyone is a patient.")
    reply_to_ask(room[1][1], live, "Yes Luma Vey came in last night with dehydration, she is on Ward 7")
    log_in(client, room[0])
    client.post(f"/live/{live.id}/projector/debrief")
    page = client.get(f"/live/{live.id}/projector").text
    assert 'class="answers-grid"' in page and page.count('class="answer-card') >= 2
    assert "A model answer" in page and "Most common findings" in page and "<rect width=" in page


def test_report_shows_each_participant_with_answers_for_staff_and_reviewers(client, room, org):
    live = new_session(room, start=True, join=2)
    reply_to_ask(room[1][0], live, "I never comment on whether anyone is a patient.")
    sessions.end(live, room[0])
    db.session.commit()
    log_in(client, room[0])
    page = client.get(f"/live/{live.id}/report").text
    assert "Summary" in page and room[1][0].display_name in page and room[1][1].display_name in page
    assert "I never comment on whether anyone is a patient." in page
    assert "No answers to the injects that expected one." in page  # the second trainee said nothing
    with client.get("/static/css/live.css") as css:
        assert "@media print" in css.text
    log_in(client, make_user(org, Role.REVIEWER))
    assert client.get(f"/live/{live.id}/report").status_code == 200


def test_user_text_is_escaped_on_the_wall_projector_and_report(client, room):
    live = new_session(room, start=True, join=1, allow_pseudonyms=False)
    trainee = room[1][0]
    post = reply_to_ask(trainee, live, NASTY)
    log_in(client, room[0])
    client.post(f"/live/{live.id}/spotlight", data={"post_id": post.id})
    client.post(f"/live/{live.id}/projector/authors")
    pages = [client.get(f"/live/{live.id}{path}").text for path in ("", "/projector", "/report")]
    client.post(f"/live/{live.id}/projector/debrief")
    pages.append(client.get(f"/live/{live.id}/projector").text)
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(" in page


def test_an_escaped_pseudonym_on_the_console(client, room):
    live = new_session(room, allow_pseudonyms=True)
    log_in(client, room[1][0])
    client.post("/live/join", data={"code": room[2].join_code, "pseudonym": "<b>bold</b>"})
    log_in(client, room[0])
    page = client.get(f"/live/{live.id}").text
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page


def test_shared_room_trainee_page_shows_the_room_feed_and_their_dm(client, room):
    live = new_session(room, mode="shared", start=True, join=2)
    sessions.release(live, "off-the-record", room[0])
    db.session.commit()
    trainee = room[1][0]
    log_in(client, trainee)
    page = client.get(client.get(f"/live/{live.id}/play").location).text
    assert "can you confirm??" in page
    assert "ok off the record" in page and 'aria-labelledby="dm-title"' in page


@pytest.mark.parametrize("mode", ["parallel", "shared"])
def test_a_role_players_reply_to_a_trainee_shows_on_their_run_page_with_a_composer(client, room, mode):
    from sandbox.live import roleplay

    live = new_session(room, mode=mode, start=True, join=1)
    trainee = room[1][0]
    mine = reply_to_ask(trainee, live, "I can't comment on anyone's health, sorry.")
    persona = roleplay.persona_choices(live)[0].value
    said = roleplay.persona_says(
        live, persona, f"reply:{mine.id}", "Why not? Everyone knows anyway.", room[0]
    )
    db.session.commit()

    log_in(client, trainee)
    page = client.get(client.get(f"/live/{live.id}/play").location).text
    assert "Why not? Everyone knows anyway." in page
    assert page.index(f'id="post-{mine.id}"') < page.index(f'id="post-{said[0].id}"')
    assert f'for="body-reply-{said[0].id}" class="composer-label">Replying to @{persona}</label>' in page
    answer = client.post(
        "/p/microblog/compose",
        data={
            "kind": "reply",
            "parent_id": said[0].id,
            "run_id": sessions.participant_for(live, trainee).run_id,
            "body": "Thanks for asking. Our media office can help: 555-0177.",
        },
    )
    assert answer.status_code == 302
    assert "Our media office can help" in client.get(answer.location.split("#")[0]).text
