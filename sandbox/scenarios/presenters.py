"""What the player pages and the API show of scenarios and runs (trainee-safe: no model answers early)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from ..extensions import db
from ..feedback import natural_version, safer_version
from ..feeds.queries import FeedItem, Reply
from ..models import Finding, Post, Run
from .runs import run_post
from .schema import Scenario
from .scoring import score_run


def open_reply_box(item: FeedItem, replies: list[Reply]) -> int | None:
    """The post whose reply box a run's thread shows open: the newest persona post in it (or the top post).

    The other boxes wait behind a "Reply to …" button, so two stacked boxes are never taken for one.
    """
    posts = [item.post, *(reply.item.post for reply in replies if reply.item.post.author_persona)]
    answerable = [post for post in posts if not post.is_deleted]
    return max(answerable, key=lambda post: (post.created_at, post.id)).id if answerable else None


def scenario_summary(scenario: Scenario) -> dict[str, Any]:
    """A scenario as the library lists it, without model answers or rubric checks."""
    return {
        "id": scenario.id,
        "title": scenario.title,
        "platform": scenario.platform,
        "audience_level": scenario.audience_level,
        "roles": scenario.roles,
        "objectives": scenario.objectives,
        "minutes": scenario.minutes,
        "summary": scenario.summary,
    }


def run_timeline(run: Run, scenario: Scenario) -> list[dict[str, Any]]:
    """The injects delivered so far, in order, with when they arrived (seconds into the run)."""
    delivered = sorted(run.state.get("delivered", {}).items(), key=lambda item: item[1])
    items = []
    for key, at in delivered:
        inject = next(i for i in scenario.injects if i.key == key)
        post = run_post(run, key)
        items.append(
            {
                "key": key,
                "at_seconds": at,
                "kind": inject.kind,
                "persona": next(p.name for p in scenario.personas if p.key == inject.persona),
                "post_id": post.id if post else None,
                "body": inject.body,
            }
        )
    return items


def trainee_posts(run: Run) -> list[Post]:
    """Everything the trainee wrote in the run, deleted posts included."""
    return list(
        db.session.scalars(
            sa.select(Post).where(Post.run_id == run.id, Post.author_user_id == run.user_id).order_by(Post.id)
        )
    )


def run_json(run: Run, scenario: Scenario) -> dict[str, Any]:
    """A run's status, clock, delivered injects and the trainee's posts with their findings."""
    return {
        "id": run.id,
        "scenario_id": run.scenario_id,
        "title": run.scenario_title,
        "platform": run.platform,
        "attempt": run.attempt,
        "status": run.status,
        "score": run.score,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "injects": run_timeline(run, scenario),
        "branches": run.state.get("branches", {}),
        "posts": [_post_json(post) for post in trainee_posts(run)],
    }


def _post_json(post: Post) -> dict[str, Any]:
    findings = list(
        db.session.scalars(
            sa.select(Finding).where(Finding.post_id == post.id, Finding.superseded_at.is_(None))
        )
    )
    flagged = any(f.kind == "privacy" and f.start is not None for f in findings)
    return {
        "id": post.id,
        "body": post.body,
        "kind": post.kind.value,
        "parent_id": post.parent_id,
        "created_at": post.created_at.isoformat(),
        "deleted": post.is_deleted,
        "overridden": post.overridden,
        "traces": [{"persona": c.persona.handle, "kind": c.kind} for c in post.captures],
        "findings": [
            {
                "label": f.label,
                "severity": f.severity,
                "text": f.text,
                "rule": f.rule,
                "message": f.message,
                "suggestion": f.suggestion,
                "overridden": f.overridden,
            }
            for f in findings
        ],
        # What the post could have said (natural and bracketed); None when nothing was flagged.
        "safer_text": natural_version(post.body, findings) if flagged else None,
        "safer_placeholders": safer_version(post.body, findings) if flagged else None,
    }


def scorecard_json(run: Run, scenario: Scenario) -> dict[str, Any]:
    """The scorecard: rubric items met or missed, the trainee's answers beside the model answers."""
    card = score_run(scenario, run.state)
    answers = {key: reply for key, reply in run.state.get("replies", {}).items()}
    return {
        "run_id": run.id,
        "status": run.status,
        "score": card.score,
        "points": card.points,
        "possible": card.possible,
        "items": [item.__dict__ for item in card.items],
        "answers": [
            {"inject": i.key, "yours": answers.get(i.key, {}).get("text"), "model_answer": i.model_answer}
            for i in scenario.injects
            if i.expected and i.key in run.state.get("delivered", {})
        ],
        "model_answer": scenario.debrief.model_answer,
        "reflection_question": scenario.debrief.reflection_question,
        "teaching_points": scenario.debrief.teaching_points,
        "posts": [_post_json(post) for post in trainee_posts(run)],
    }
