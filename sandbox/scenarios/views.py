"""The player: the scenario library, a run in its platform's skin, and the scorecard."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..errors import InvalidInput
from ..extensions import db
from ..feeds import queries
from ..feeds.forms import ActionForm, compose_form
from ..feeds.images import FRAME_ITEMS
from ..feeds.lookups import in_world
from ..feeds.platforms import PLATFORMS
from ..models import LiveSession, Post, PostKind, Run
from ..security import POSTING_ROLES, STAFF_ROLES, role_required
from .forms import ScenarioUploadForm
from .loader import ScenarioError
from .presenters import open_reply_box, run_timeline, scorecard_json
from .runs import advance, finish_run, library_for, own_run, scenario_for, scenario_of, start_run
from .uploads import scenario_yaml, upload_scenario, uploaded_for

bp = Blueprint("scenarios", __name__)


def _attempts(scenario_id: str) -> list[Run]:
    return list(
        db.session.scalars(
            sa.select(Run)
            .where(Run.user_id == current_user.id, Run.scenario_id == scenario_id)
            .order_by(Run.attempt)
        )
    )


@bp.route("/")
@login_required
def index():
    """The library, by platform, with the trainee's own attempts."""
    available = library_for(current_user.organisation_id).values()
    by_platform = {
        pid: sorted((s for s in available if s.platform == pid), key=lambda s: s.title) for pid in PLATFORMS
    }
    runs = db.session.scalars(
        sa.select(Run).where(Run.user_id == current_user.id).order_by(Run.started_at.desc()).limit(20)
    ).all()
    return render_template(
        "scenarios/index.html",
        by_platform=by_platform,
        platforms=PLATFORMS,
        runs=runs,
        action_form=ActionForm(),
        can_play=current_user.role in POSTING_ROLES,
    )


@bp.route("/<scenario_id>/start", methods=["POST"])
@role_required(*POSTING_ROLES)
def start(scenario_id: str):
    """Start (or retry) a scenario in a world of your own."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        run = start_run(current_user, scenario_for(scenario_id, current_user.organisation_id))
    except InvalidInput:
        abort(404)
    db.session.commit()
    return redirect(url_for("scenarios.play", run_id=run.id))


@bp.route("/runs/<int:run_id>")
@login_required
def play(run_id: int):
    """The run: its world in the platform's skin, what has arrived, and composers to answer."""
    run = own_run(current_user, run_id)
    advance(run)
    db.session.commit()
    scenario = scenario_of(run)
    platform = PLATFORMS[run.platform]
    page = queries.feed_page(current_user, platform, limit=100, run=run)
    threads = []
    for item in page.items:
        replies = queries.conversation(current_user, item.post)
        threads.append((item, replies, open_reply_box(item, replies)))
    messages = db.session.scalars(
        sa.select(Post)
        .where(
            in_world(run),
            Post.kind == PostKind.DM,
            sa.or_(Post.recipient_user_id == current_user.id, Post.author_user_id == current_user.id),
        )
        .order_by(Post.created_at, Post.id)
    ).all()
    live = db.session.get(LiveSession, run.live_session_id) if run.live_session_id else None
    return render_template(
        "scenarios/play.html",
        run=run,
        live=live,
        scenario=scenario,
        platform=platform,
        platforms=PLATFORMS,
        threads=threads,
        messages=messages,
        timeline=run_timeline(run, scenario),
        compose_form=compose_form,
        action_form=ActionForm(),
        frame_items=FRAME_ITEMS,
        can_post=run.status == "running",
    )


@bp.route("/runs/<int:run_id>/finish", methods=["POST"])
@login_required
def finish(run_id: int):
    """End the run and go to the scorecard."""
    run = own_run(current_user, run_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        finish_run(run)
        db.session.commit()
    except InvalidInput as error:
        flash(error.message, "info")
    return redirect(url_for("scenarios.scorecard", run_id=run.id))


@bp.route("/runs/<int:run_id>/scorecard")
@login_required
def scorecard(run_id: int):
    """What was met and missed, the answers beside the model answers, and how attempts compare."""
    run = own_run(current_user, run_id)
    advance(run)
    db.session.commit()
    if run.status != "finished":
        flash("Finish the run to see its scorecard.", "info")
        return redirect(url_for("scenarios.play", run_id=run.id))
    scenario = scenario_of(run)
    return render_template(
        "scenarios/scorecard.html",
        run=run,
        scenario=scenario,
        card=scorecard_json(run, scenario),
        attempts=_attempts(run.scenario_id),
        action_form=ActionForm(),
        platform=PLATFORMS[run.platform],
    )


@bp.route("/manage", methods=["GET", "POST"])
@role_required(*STAFF_ROLES)
def manage():
    """Instructors: upload a scenario file (errors in plain words), preview, download any scenario."""
    form = ScenarioUploadForm()
    problems, status = [], 200
    if form.validate_on_submit():
        upload = form.file.data
        try:
            scenario = upload_scenario(current_user, upload.filename or "upload.yaml", upload.read())
            db.session.commit()
            flash(f"{scenario.title} is valid and in your library. Preview it as a trainee below.", "success")
            return redirect(url_for("scenarios.manage"))
        except ScenarioError as error:
            db.session.rollback()
            problems, status = error.problems, 400
        except InvalidInput as error:
            db.session.rollback()
            form.file.errors.append(error.message)
            status = error.status
    elif request.method == "POST":
        status = 400
    available = sorted(
        library_for(current_user.organisation_id).values(), key=lambda s: (s.platform, s.title)
    )
    return render_template(
        "scenarios/manage.html",
        form=form,
        problems=problems,
        scenarios=available,
        uploaded={u.scenario_id: u for u in uploaded_for(current_user.organisation_id)},
        action_form=ActionForm(),
        platforms=PLATFORMS,
    ), status


@bp.route("/<scenario_id>.yaml")
@role_required(*STAFF_ROLES)
def download(scenario_id: str):
    """Any scenario of the library as its YAML file."""
    try:
        text = scenario_yaml(current_user.organisation_id, scenario_id)
    except InvalidInput:
        abort(404)
    return Response(
        text,
        mimetype="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{scenario_id}.yaml"'},
    )
