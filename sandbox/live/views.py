"""Live session pages: the list, joining, the console, the projector, the report and the event stream."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from markupsafe import Markup
from wtforms.fields.choices import SelectChoice

from ..auth.views import safe_next
from ..errors import InvalidInput
from ..extensions import db
from ..feeds.forms import ActionForm
from ..models import Cohort, LiveParticipant, LiveSession, Role
from ..scenarios.runs import library_for, scenario_for
from ..security import STAFF_ROLES, role_required
from . import roleplay, sessions
from .forms import (
    CreateSessionForm,
    GroupForm,
    JoinForm,
    PersonaPostForm,
    ReleaseForm,
    ScheduleForm,
    SpeedForm,
    SpotlightForm,
)
from .presenters import current_inject, debrief, master_events, report_rows, spotlight_posts
from .stream import stream_response
from .ticker import ensure_ticker
from .wall import label_counts, wall_posts

bp = Blueprint("live", __name__)
CONTROL_ROLES = (*STAFF_ROLES, Role.ROLE_PLAYER)


@bp.before_request
def start_ticker() -> None:
    """The first live page a server process serves starts its ticker."""
    ensure_ticker(current_app._get_current_object())


def _session(session_id: int) -> LiveSession:
    live = db.session.get(LiveSession, session_id)
    if live is None or live.organisation_id != current_user.organisation_id:
        abort(404)
    return live


def _console_session(session_id: int, control: bool = False) -> LiveSession:
    live = _session(session_id)
    allowed = sessions.may_control if control else sessions.may_run
    if not allowed(current_user, live):
        abort(403)
    return live


def _my_cohorts() -> list[Cohort]:
    stmt = sa.select(Cohort).where(Cohort.organisation_id == current_user.organisation_id)
    if current_user.role == Role.INSTRUCTOR:
        stmt = stmt.where(sa.or_(Cohort.instructor_id == current_user.id, Cohort.instructor_id.is_(None)))
    return list(db.session.scalars(stmt.order_by(Cohort.name)))


def _create_form() -> CreateSessionForm:
    form = CreateSessionForm()
    library = library_for(current_user.organisation_id)
    form.scenario_id.choices = [
        SelectChoice(s.id, f"{s.title} ({s.platform})")
        for s in sorted(library.values(), key=lambda s: s.title)
    ]
    form.cohort_id.choices = [SelectChoice(c.id, c.name) for c in _my_cohorts()]
    return form


def _visible_sessions() -> list[LiveSession]:
    stmt = sa.select(LiveSession).where(LiveSession.organisation_id == current_user.organisation_id)
    if current_user.role == Role.TRAINEE:
        stmt = stmt.join(LiveParticipant).where(LiveParticipant.user_id == current_user.id)
    elif current_user.role == Role.INSTRUCTOR:
        stmt = stmt.join(Cohort).where(
            sa.or_(LiveSession.created_by_id == current_user.id, Cohort.instructor_id == current_user.id)
        )
    return list(db.session.scalars(stmt.order_by(LiveSession.created_at.desc()).limit(50)))


@bp.route("/")
@login_required
def index():
    """Sessions you run or took part in; a form to start one (staff) or to join one (everyone)."""
    staff = current_user.role in STAFF_ROLES
    return render_template(
        "live/index.html",
        live_sessions=_visible_sessions(),
        create_form=_create_form() if staff else None,
        join_form=JoinForm(),
        is_staff=staff,
    )


@bp.route("/new", methods=["POST"])
@role_required(*STAFF_ROLES)
def create():
    """Create a session in the lobby and open its console."""
    form = _create_form()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(errors[0], "error")
        return redirect(url_for("live.index"))
    cohort = db.session.get(Cohort, form.cohort_id.data)
    try:
        scenario = scenario_for(form.scenario_id.data, current_user.organisation_id)
        live = sessions.create_session(
            current_user, cohort, scenario, form.mode.data, form.allow_pseudonyms.data
        )
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("live.index"))
    db.session.commit()
    flash("Session created. Trainees can join with the cohort code while you get ready.", "success")
    return redirect(url_for("live.console", session_id=live.id))


@bp.route("/join", methods=["GET", "POST"])
@login_required
def join():
    """Join the session your cohort is running, with the code on the projector (or its QR code)."""
    prefilled = {"code": request.args.get("code", "")} if request.method in ("GET", "HEAD") else None
    form = JoinForm(data=prefilled)
    if form.validate_on_submit():
        try:
            live = sessions.session_for_code(current_user, form.code.data)
            participant = sessions.join(live, current_user, form.pseudonym.data)
        except InvalidInput as error:
            db.session.rollback()
            getattr(form, error.field, form.code).errors.append(error.message)
        else:
            db.session.commit()
            return redirect(url_for("scenarios.play", run_id=participant.run_id))
    return render_template("live/join.html", form=form), 400 if form.errors else 200


@bp.route("/<int:session_id>/play")
@login_required
def play(session_id: int):
    """Your part in the session: its feed in the platform's skin."""
    live = _session(session_id)
    participant = sessions.participant_for(live, current_user)
    if participant is None:  # the code is filled in only for those who may already see it
        code = live.cohort.join_code if sessions.may_join_by_id(current_user, live) else None
        return redirect(url_for("live.join", code=code))
    return redirect(url_for("scenarios.play", run_id=participant.run_id))


def _console_context(live: LiveSession) -> dict:
    scenario = sessions.scenario_of_session(live)
    wall = wall_posts(live)
    persona_form = PersonaPostForm()
    persona_form.persona.choices = roleplay.persona_choices(live)
    persona_form.target.choices = roleplay.target_choices(live, wall)
    return {
        "live": live,
        "scenario": scenario,
        "platform": sessions.platform_of(live),
        "injects": master_events(live, scenario),
        "participants": live.participants,
        "groups": sorted({p.group for p in live.participants if p.group}),
        "wall": wall,
        "counts": label_counts(live),
        "state": sessions.state_json(live),
        "can_control": sessions.may_control(current_user, live),
        "release_form": ReleaseForm(),
        "schedule_form": ScheduleForm(),
        "speed_form": SpeedForm(data={"speed": f"{live.speed:g}"}),
        "persona_form": persona_form,
        "group_form": GroupForm(),
        "spotlight_form": SpotlightForm(),
        "join_url": _join_url(live),
    }


def _join_url(live: LiveSession) -> str:
    return url_for("live.join", _external=True) + "?" + urlencode({"code": live.cohort.join_code})


@bp.route("/<int:session_id>")
@role_required(*CONTROL_ROLES)
def console(session_id: int):
    """The instructor's console: master events list, clock, role-play, live wall."""
    live = _console_session(session_id)
    return render_template("live/console.html", **_console_context(live))


def _act(session_id: int, action, success: str | None = None, control: bool = True):
    """Run a console action under the session lock, commit, and go back to the console."""
    live = _console_session(session_id, control=control)
    try:
        action(live)
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        if success:
            flash(success, "success")
    return redirect(safe_next(request.form.get("next")) or url_for("live.console", session_id=session_id))


def _valid(form) -> None:
    if not form.validate_on_submit():
        message = next(iter(form.errors.values()), ["That request was not valid; reload the console."])[0]
        raise InvalidInput(message, "form", status=400)


@bp.route("/<int:session_id>/start", methods=["POST"])
@role_required(*STAFF_ROLES)
def start(session_id: int):
    """Start the clock."""
    return _act(session_id, lambda live: (_valid(ActionForm()), sessions.start(live, current_user)))


@bp.route("/<int:session_id>/pause", methods=["POST"])
@role_required(*STAFF_ROLES)
def pause(session_id: int):
    """Pause the clock."""
    return _act(session_id, lambda live: (_valid(ActionForm()), sessions.pause(live, current_user)))


@bp.route("/<int:session_id>/resume", methods=["POST"])
@role_required(*STAFF_ROLES)
def resume(session_id: int):
    """Resume the clock."""
    return _act(session_id, lambda live: (_valid(ActionForm()), sessions.resume(live, current_user)))


@bp.route("/<int:session_id>/end", methods=["POST"])
@role_required(*STAFF_ROLES)
def end(session_id: int):
    """End the session for everyone."""
    return _act(
        session_id,
        lambda live: (_valid(ActionForm()), sessions.end(live, current_user)),
        "Session ended. Every run has been scored; the report is ready.",
    )


@bp.route("/<int:session_id>/speed", methods=["POST"])
@role_required(*STAFF_ROLES)
def speed(session_id: int):
    """Change the clock's speed."""
    form = SpeedForm()

    def change(live):
        _valid(form)
        sessions.set_speed(live, float(form.speed.data), current_user)

    return _act(session_id, change)


@bp.route("/<int:session_id>/injects/<key>/release", methods=["POST"])
@role_required(*STAFF_ROLES)
def release(session_id: int, key: str):
    """Release an inject now, to everyone or to one group."""
    form = ReleaseForm()

    def act(live):
        _valid(form)
        sessions.release(live, key, current_user, form.group.data)

    return _act(session_id, act, f"Released {key}.")


@bp.route("/<int:session_id>/injects/<key>/schedule", methods=["POST"])
@role_required(*STAFF_ROLES)
def schedule(session_id: int, key: str):
    """Plan an inject for a time on the session clock."""
    form = ScheduleForm()

    def act(live):
        _valid(form)
        sessions.schedule(live, key, float(form.minutes.data), current_user)

    return _act(session_id, act, f"Scheduled {key}.")


@bp.route("/<int:session_id>/persona-post", methods=["POST"])
@role_required(*CONTROL_ROLES)
def persona_post(session_id: int):
    """Post as a persona, live."""
    live = _console_session(session_id)
    form = PersonaPostForm()
    form.persona.choices = roleplay.persona_choices(live)
    form.target.choices = roleplay.target_choices(live, wall_posts(live))

    def act(live):
        _valid(form)
        roleplay.persona_says(live, form.persona.data, form.target.data, form.body.data, current_user)

    return _act(session_id, act, "Posted.", control=False)


@bp.route("/<int:session_id>/participants/<int:participant_id>/group", methods=["POST"])
@role_required(*STAFF_ROLES)
def set_group(session_id: int, participant_id: int):
    """Seat a participant at a table or in a group."""
    form = GroupForm()

    def act(live):
        _valid(form)
        sessions.set_group(live, participant_id, form.group.data or "", current_user)

    return _act(session_id, act)


@bp.route("/<int:session_id>/spotlight", methods=["POST"])
@role_required(*STAFF_ROLES)
def spotlight(session_id: int):
    """Show a post on the projector, or take it down if it is shown."""
    form = SpotlightForm()

    def act(live):
        _valid(form)
        sessions.toggle_spotlight(live, form.post_id.data, current_user)

    return _act(session_id, act)


@bp.route("/<int:session_id>/projector/<setting>", methods=["POST"])
@role_required(*STAFF_ROLES)
def projector_setting(session_id: int, setting: str):
    """Switch the projector between the inject and the debrief, or show and hide authors."""

    def act(live):
        _valid(ActionForm())
        sessions.toggle_projector(live, setting, current_user)

    return _act(session_id, act)


@bp.route("/<int:session_id>/projector")
@role_required(*CONTROL_ROLES)
def projector(session_id: int):
    """Full screen, large type: the current inject, spotlighted posts, the debrief."""
    live = _console_session(session_id)
    scenario = sessions.scenario_of_session(live)
    wall = wall_posts(live)
    return render_template(
        "live/projector.html",
        live=live,
        scenario=scenario,
        current=current_inject(live, scenario),
        spotlight=spotlight_posts(live, wall),
        show_authors=live.projector.get("show_authors", False),
        debrief=debrief(live, scenario, wall) if live.projector.get("debrief") else None,
        join_url=_join_url(live),
        qr_svg=Markup(segno.make(_join_url(live), error="m").svg_inline(scale=8, dark="#000", light="#fff")),
    )


@bp.route("/<int:session_id>/report")
@role_required(*STAFF_ROLES, Role.REVIEWER)
def report(session_id: int):
    """After the session: who answered what and when, scores and findings."""
    live = _session(session_id)
    if current_user.role != Role.REVIEWER and not sessions.may_run(current_user, live):
        abort(403)
    scenario = sessions.scenario_of_session(live)
    return render_template(
        "live/report.html",
        live=live,
        scenario=scenario,
        rows=report_rows(live, scenario),
        counts=label_counts(live),
        injects=master_events(live, scenario),
    )


@bp.route("/<int:session_id>/events")
@login_required
def events(session_id: int):
    """Server-sent events: everything since Last-Event-ID (or ?after=), then live as it happens."""
    return stream_response(_session(session_id), current_user)
