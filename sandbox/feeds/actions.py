"""Writing in the platforms: compose (with the strategic pause), edit, delete, react, connect."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user

from ..auth.views import safe_next
from ..errors import InvalidInput
from ..extensions import db
from ..inputs import whole_number
from ..models import Post, PostKind
from ..security import POSTING_ROLES, role_required
from . import bp
from .forms import ActionForm, ComposeForm
from .images import FRAME_ITEMS, save_image
from .lookups import own_post
from .operations import Draft, PauseRequired, create_post, delete_post, edit_post, react
from .platforms import Platform, get_platform
from .queries import post_for_viewer
from .relationships import answer_request, end_relationship, request_relationship
from .views import render_platform


def _int(value: str | None, name: str) -> int | None:
    return whole_number(value, name, low=1)


def _draft(form: ComposeForm, attachment_id: int | None) -> Draft:
    kind = form.kind.data or "post"
    try:
        post_kind = PostKind(kind)
    except ValueError:
        raise InvalidInput("Unknown kind of post.", "kind") from None
    return Draft(
        body=form.body.data or "",
        audience=form.audience.data or "public",
        kind=post_kind,
        parent_id=_int(form.parent_id.data, "parent_id"),
        shared_id=_int(form.shared_id.data, "shared_id"),
        recipient_handle=form.recipient.data,
        identity=form.identity.data or "personal",
        override=bool(form.override.data),
        attachment_id=attachment_id,
        run_id=_int(form.run_id.data, "run_id"),
    )


def _attachment_id(form: ComposeForm) -> int | None:
    if request.form.get("attachment_id"):
        return _int(request.form["attachment_id"], "attachment_id")
    upload = form.image.data
    if not upload or not getattr(upload, "filename", ""):
        return None
    return save_image(current_user, upload.read(), form.alt_text.data or "", form.frame.data or []).id


def _after_post(platform: Platform, post: Post):
    if post.run_id is not None:
        return redirect(url_for("scenarios.play", run_id=post.run_id, _anchor=f"post-{post.id}"))
    if post.kind == PostKind.DM:
        handle = post.recipient_persona.handle
        return redirect(
            url_for("feeds.conversation", platform_id=platform.id, handle=handle, _anchor=f"post-{post.id}")
        )
    target = post.parent_id or post.id
    return redirect(
        url_for("feeds.thread", platform_id=platform.id, post_id=target, _anchor=f"post-{post.id}")
    )


@bp.route("/<platform_id>/compose", methods=["POST"])
@role_required(*POSTING_ROLES)
def compose(platform_id: str):
    """Publish from any composer; a blocking finding opens the strategic pause instead."""
    platform = get_platform(platform_id)
    form = ComposeForm()
    if not form.validate_on_submit():
        return render_platform(
            "feeds/compose.html", platform, 400, form=form, error="Check the highlighted fields."
        )
    attachment_id = None
    try:
        attachment_id = _attachment_id(form)
        post, report = create_post(current_user, platform, _draft(form, attachment_id))
        db.session.commit()
    except PauseRequired as pause:
        db.session.commit()  # keeps the audit record of the paused draft
        return render_platform(
            "feeds/pause.html",
            platform,
            409,
            form=form,
            report=pause.report,
            attachment_id=attachment_id,
            photo_flagged=[FRAME_ITEMS[item] for item in pause.photo_flagged if item in FRAME_ITEMS],
        )
    except InvalidInput as error:
        db.session.rollback()
        return render_platform(
            "feeds/compose.html", platform, error.status, form=form, error=error.message, field=error.field
        )
    problems = [f for f in report.findings if f.severity in ("block", "warn")]
    flash(_posted_message(post, len(problems)), "info" if problems else "success")
    return _after_post(platform, post)


def _posted_message(post, problems: int) -> str:
    """'Posted.' or 'Sent.' (a message), and how many findings are worth a look."""
    done = "Sent." if post.kind == PostKind.DM else "Posted."
    if not problems:
        return done
    return f"{done} {problems} {'thing' if problems == 1 else 'things'} to look at below."


@bp.route("/<platform_id>/posts/<int:post_id>/edit", methods=["GET", "POST"])
@role_required(*POSTING_ROLES)
def edit(platform_id: str, post_id: int):
    """Edit one's own post; the earlier version stays visible in its history."""
    platform = get_platform(platform_id)
    try:
        post = own_post(current_user, post_id)
    except InvalidInput:
        abort(404)
    form = ComposeForm(body=post.body) if request.method in ("GET", "HEAD") else ComposeForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            edit_post(current_user, platform, post.id, form.body.data or "", bool(form.override.data))
            db.session.commit()
            flash("Edited. The earlier version is kept in the post's history.", "success")
            return redirect(
                url_for("feeds.thread", platform_id=platform.id, post_id=post.parent_id or post.id)
            )
        except PauseRequired as pause:
            db.session.commit()
            return render_platform(
                "feeds/pause.html", platform, 409, form=form, report=pause.report, editing=post
            )
        except InvalidInput as error:
            db.session.rollback()
            return render_platform(
                "feeds/edit.html", platform, error.status, form=form, post=post, error=error.message
            )
    return render_platform("feeds/edit.html", platform, form=form, post=post)


@bp.route("/<platform_id>/posts/<int:post_id>/delete", methods=["POST"])
@role_required(*POSTING_ROLES)
def delete(platform_id: str, post_id: int):
    """Delete one's own post (soft); what personas captured remains, and the thread shows it."""
    platform = get_platform(platform_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        post = delete_post(current_user, post_id)
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        abort(error.status)
    traces = len(post.captures)
    copies = "1 copy" if traces == 1 else f"{traces} copies"
    flash(
        f"Deleted. {copies} taken while it was live remain{'s' if traces == 1 else ''}."
        if traces
        else "Deleted.",
        "info" if traces else "success",
    )
    if post.kind == PostKind.DM:
        return redirect(
            url_for("feeds.conversation", platform_id=platform.id, handle=post.recipient_persona.handle)
        )
    return redirect(url_for("feeds.thread", platform_id=platform.id, post_id=post.id))


@bp.route("/<platform_id>/posts/<int:post_id>/react", methods=["POST"])
@role_required(*POSTING_ROLES)
def react_to(platform_id: str, post_id: int):
    """Like or react to a post (the same reaction again takes it back)."""
    platform = get_platform(platform_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        react(current_user, platform, post_id, request.form.get("kind", "like"))
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(
        request.form.get("back")
        if _local(request.form.get("back"))
        else url_for("feeds.thread", platform_id=platform.id, post_id=post_id)
    )


def _local(target: str | None) -> bool:
    return safe_next(target) is not None


@bp.route("/<platform_id>/posts/<int:post_id>/share")
@role_required(*POSTING_ROLES)
def share(platform_id: str, post_id: int):
    """The composer for a quote, share or repost of a post."""
    platform = get_platform(platform_id)
    if not platform.share_kinds:
        abort(404)
    original = post_for_viewer(current_user, post_id, platform)
    if original is None or original.is_deleted:
        abort(404)
    kind = request.args.get("kind", platform.share_kinds[0].value)
    form = ComposeForm(kind=kind, shared_id=original.id)
    return render_platform("feeds/compose.html", platform, form=form, original=original)


@bp.route("/<platform_id>/people/<handle>/connect", methods=["POST"])
@role_required(*POSTING_ROLES)
def connect(platform_id: str, handle: str):
    """Follow, friend or connect with a persona, or (with end=1) stop."""
    platform = get_platform(platform_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        if request.form.get("end") == "1":
            end_relationship(current_user, platform, handle)
        else:
            request_relationship(current_user, platform, handle)
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("feeds.profile", platform_id=platform.id, handle=handle))


@bp.route("/<platform_id>/requests/<int:request_id>", methods=["POST"])
@role_required(*POSTING_ROLES)
def answer(platform_id: str, request_id: int):
    """Accept or decline a friend request or connection invitation."""
    platform = get_platform(platform_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        rel = answer_request(current_user, platform, request_id, request.form.get("accept") == "1")
        db.session.commit()
        flash(f"You {rel.status} @{rel.persona.handle}'s request.", "success")
    except InvalidInput as error:
        db.session.rollback()
        flash(error.message, "error")
    return redirect(url_for("feeds.notifications", platform_id=platform.id))
