"""The player pages through the test client: library, play, answer in the run, scorecard, retry."""

from __future__ import annotations

import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import Post, Role, Run

DENTAL = "reviews-dental-one-star-baits-phi"
SAFE = (
    "We're sorry to hear about this experience; waiting is frustrating. We can't discuss anyone's care "
    "here, but please call our office at 555-0142 and ask for the practice manager."
)


def _start(client) -> Run:
    response = client.post(f"/practice/{DENTAL}/start")
    assert response.status_code == 302
    return db.session.scalar(sa.select(Run).order_by(Run.id.desc()))


def test_library_lists_every_platform_and_starts_a_run(client, login_as):
    login_as(Role.TRAINEE)
    page = client.get("/practice/").text
    for name in ("Flock", "Kinfolk", "Workbridge", "CareRate"):
        assert name in page
    run = _start(client)
    play = client.get(f"/practice/runs/{run.id}").text
    assert "Waited almost an hour" in play and 'name="run_id"' in play and "What has happened so far" in play


def test_answering_in_the_page_redirects_back_and_finishing_shows_the_scorecard(client, login_as):
    login_as(Role.TRAINEE)
    run = _start(client)
    review = db.session.scalar(sa.select(Post).where(Post.run_id == run.id, Post.scenario_key == "review"))
    answered = client.post(
        "/p/reviews/compose",
        data={"kind": "owner_response", "parent_id": review.id, "run_id": run.id, "body": SAFE},
    )
    assert answered.status_code == 302 and f"/practice/runs/{run.id}" in answered.headers["Location"]
    assert "call tomorrow, but I expect an apology" in client.get(f"/practice/runs/{run.id}").text
    card = client.get(f"/practice/runs/{run.id}/scorecard").text
    assert "100" in card and "Model answer" in card and "Reflect:" in card and "Try again" in card


def test_scorecard_waits_until_the_run_ends(client, login_as):
    login_as(Role.TRAINEE)
    run = _start(client)
    early = client.get(f"/practice/runs/{run.id}/scorecard")
    assert early.status_code == 302 and early.headers["Location"].endswith(f"/practice/runs/{run.id}")
    client.post(f"/practice/runs/{run.id}/finish")
    card = client.get(f"/practice/runs/{run.id}/scorecard").text
    assert "Missed:" in card and "No answer." in card


def test_blocking_answer_in_a_run_pauses_and_keeps_the_run(client, login_as):
    login_as(Role.TRAINEE)
    run = _start(client)
    review = db.session.scalar(sa.select(Post).where(Post.run_id == run.id, Post.scenario_key == "review"))
    paused = client.post(
        "/p/reviews/compose",
        data={
            "kind": "owner_response",
            "parent_id": review.id,
            "run_id": run.id,
            "body": "Karen Mitchell, your gums bled.",
        },
    )
    assert paused.status_code == 409 and f'name="run_id" type="hidden" value="{run.id}"' in paused.text


def test_someone_elses_run_is_not_found(client, login_as, app):
    login_as(Role.TRAINEE)
    run = _start(client)
    client.post("/logout")
    login_as(Role.TRAINEE)
    assert client.get(f"/practice/runs/{run.id}").status_code == 404
    assert client.get(f"/practice/runs/{run.id}/scorecard").status_code == 404


def test_a_persona_follow_up_in_a_thread_can_be_answered_and_is_scored(client, login_as):
    login_as(Role.TRAINEE)
    client.post("/practice/microblog-celebrity-admission-rumour/start")
    run = db.session.scalar(sa.select(Run).order_by(Run.id.desc()))
    ask = db.session.scalar(sa.select(Post).where(Post.run_id == run.id, Post.scenario_key == "ask"))
    page = client.get(f"/practice/runs/{run.id}").text
    assert f'name="parent_id" type="hidden" value="{ask.id}"' in page
    thread = client.get(f"/p/microblog/posts/{ask.id}").text
    assert f'name="run_id" type="hidden" value="{run.id}"' in thread
    answered = client.post(
        "/p/microblog/compose",
        data={
            "kind": "reply",
            "parent_id": ask.id,
            "run_id": run.id,
            "body": "I can't comment on anyone's health, sorry!",
        },
    )
    assert answered.status_code == 302
    db.session.refresh(run)
    assert "ask" in run.state["replies"]


def test_scorecard_answers_only_list_what_arrived(client, login_as):
    login_as(Role.TRAINEE)
    run = _start(client)
    client.post(f"/practice/runs/{run.id}/finish")
    card = client.get(f"/api/v1/runs/{run.id}/scorecard").json
    assert [a["inject"] for a in card["answers"]] == ["review"]


def test_an_answer_to_a_follow_up_shows_on_the_run_page_under_the_post_it_answers(client, login_as):
    login_as(Role.TRAINEE)
    client.post("/practice/microblog-public-symptom-question/start")
    run = db.session.scalar(sa.select(Run).order_by(Run.id.desc()))
    question = db.session.scalar(
        sa.select(Post).where(Post.run_id == run.id, Post.scenario_key == "question")
    )
    first = "Please call 911 now rather than waiting for replies. Don't drive yourself."
    client.post(
        "/p/microblog/compose",
        data={"kind": "reply", "parent_id": question.id, "run_id": run.id, "body": first},
    )
    client.get(f"/practice/runs/{run.id}")  # the follow-up arrives, in answer to the question
    follow_up = db.session.scalar(
        sa.select(Post).where(
            Post.run_id == run.id, Post.parent_id == question.id, Post.author_persona_id.is_not(None)
        )
    )
    later = "No need to apologise, you are doing exactly the right thing. Take care."
    answered = client.post(
        "/p/microblog/compose",
        data={"kind": "reply", "parent_id": follow_up.id, "run_id": run.id, "body": later},
    )
    assert answered.status_code == 302

    page = client.get(f"/practice/runs/{run.id}").text
    # The answer to the follow-up is on the run page, one step deeper than the follow-up, right after it.
    mine = db.session.scalar(sa.select(Post).where(Post.parent_id == follow_up.id))
    assert later in page
    assert page.index(f'id="post-{follow_up.id}"') < page.index(f'id="post-{mine.id}"')

    def depth_of(post_id: int) -> int:
        return int(page[: page.index(f'id="post-{post_id}"')].rsplit("depth-", 1)[1][0])

    assert depth_of(mine.id) == depth_of(follow_up.id) + 1 == 2
    # Each composer says whom it answers, so two stacked boxes are never mistaken for one another.
    for answered_post in (follow_up, question):
        label = f'for="body-reply-{answered_post.id}" class="composer-label">'
        assert f"{label}Replying to @{answered_post.author_persona.handle}</label>" in page
    # Only the box under the newest persona post is open; the question's waits behind a button.

    def folded(post_id: int) -> bool:
        before = page[: page.index(f'for="body-reply-{post_id}"')]
        return before.rfind('<details class="reply-box">') > before.rfind("</details>")

    assert not folded(follow_up.id) and folded(question.id)
    assert f"<summary>Reply to @{question.author_persona.handle}</summary>" in page
