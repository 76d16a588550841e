"""Reading the platforms: feeds, threads, profiles, tags, notifications, conversations, pictures."""

from __future__ import annotations

import os

import sqlalchemy as sa
from flask import abort, render_template, request, send_from_directory
from flask_login import current_user, login_required

from ..errors import InvalidInput
from ..extensions import db
from ..models import Persona, PostKind, User, utcnow
from ..models.social import Attachment, Notification
from ..security import POSTING_ROLES
from . import bp, queries
from .forms import ActionForm, compose_form
from .images import FRAME_ITEMS, upload_folder
from .lookups import persona_by_handle
from .platforms import PLATFORMS, get_platform
from .relationships import relationship_with


def render_platform(template: str, platform, status: int = 200, **context):
    """Render a platform page with what every platform page needs."""
    context.setdefault("action_form", ActionForm())
    can_post = current_user.role in POSTING_ROLES
    return render_template(
        template,
        platform=platform,
        platforms=PLATFORMS,
        can_post=can_post,
        frame_items=FRAME_ITEMS,
        **context,
    ), status


@bp.route("/")
@login_required
def platforms():
    """Choose a platform."""
    return render_template("feeds/platforms.html", platforms=PLATFORMS)


@bp.route("/<platform_id>/")
@login_required
def feed(platform_id: str):
    """A platform's home feed, newest first, paginated with a cursor."""
    platform = get_platform(platform_id)
    page = queries.feed_page(
        current_user, platform, request.args.get("cursor"), request.args.get("limit", type=int)
    )
    if request.args.get("fragment"):
        return render_platform("feeds/_items.html", platform, page=page)
    summary = queries.review_summary(current_user) if platform.id == "reviews" else None
    return render_platform(
        "feeds/feed.html", platform, page=page, form=compose_form(platform, kind="post"), summary=summary
    )


@bp.route("/<platform_id>/posts/<int:post_id>")
@login_required
def thread(platform_id: str, post_id: int):
    """A post with its replies (a deleted post shows what was captured of it)."""
    platform = get_platform(platform_id)
    post = queries.post_for_viewer(current_user, post_id, platform)
    if post is None or post.kind == PostKind.DM:
        abort(404)
    mine = post.author_user_id == current_user.id
    findings = [f for f in post.findings if f.superseded_at is None] if mine else []
    return render_platform(
        "feeds/thread.html",
        platform,
        post=post,
        item=queries.feed_item(current_user, post),  # with its reaction count and the viewer's own reaction
        replies=queries.thread(current_user, post),
        findings=findings,
        form=compose_form(
            platform, kind=platform.reply_kind.value, parent_id=post.id, run_id=post.run_id or ""
        ),
    )


@bp.route("/<platform_id>/people/<handle>")
@login_required
def profile(platform_id: str, handle: str):
    """A persona's profile and posts."""
    platform = get_platform(platform_id)
    try:
        persona = persona_by_handle(current_user, handle)
    except InvalidInput:  # a mention of a trainee, or a handle nobody has: said in the platform's own skin
        return render_platform("feeds/no_profile.html", platform, 404)
    page = queries.profile_page(current_user, persona, platform, request.args.get("cursor"))
    return render_platform(
        "feeds/profile.html",
        platform,
        persona=persona,
        page=page,
        relationship=relationship_with(current_user, platform, persona.id),
    )


@bp.route("/<platform_id>/tags/<tag>")
@login_required
def tag(platform_id: str, tag: str):
    """Posts with a hashtag."""
    platform = get_platform(platform_id)
    page = queries.tag_page(current_user, platform, tag[:50], request.args.get("cursor"))
    return render_platform("feeds/tag.html", platform, tag=tag[:50], page=page)


@bp.route("/<platform_id>/notifications")
@login_required
def notifications(platform_id: str):
    """Mentions, replies, reactions, quotes and requests; opening the page marks them read."""
    platform = get_platform(platform_id)
    items = queries.notifications(current_user, platform)
    requests = queries.pending_requests(current_user, platform)
    response = render_platform("feeds/notifications.html", platform, items=items, requests=requests)
    db.session.execute(
        sa.update(Notification)
        .where(
            Notification.user_id == current_user.id,
            Notification.platform == platform.id,
            Notification.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )
    db.session.commit()
    return response


@bp.route("/<platform_id>/messages")
@login_required
def messages(platform_id: str):
    """Conversations, newest first, and who you can message."""
    platform = get_platform(platform_id)
    return render_platform(
        "feeds/messages.html",
        platform,
        conversations=queries.conversations(current_user, platform),
        contacts=queries.connections(current_user, platform),
    )


@bp.route("/<platform_id>/messages/<handle>")
@login_required
def conversation(platform_id: str, handle: str):
    """The messages between you and one persona."""
    platform = get_platform(platform_id)
    persona: Persona = persona_by_handle(current_user, handle)
    return render_platform(
        "feeds/conversation.html",
        platform,
        persona=persona,
        messages=queries.messages_with(current_user, persona, platform),
        form=compose_form(platform, kind="dm", recipient=persona.handle),
    )


@bp.route("/media/<name>")
@login_required
def media(name: str):
    """A stored picture, for its owner's organisation only."""
    attachment = db.session.scalar(sa.select(Attachment).where(Attachment.stored_name == name))
    if attachment is None:
        abort(404)
    owner = db.session.get(User, attachment.owner_id)
    if owner is None or owner.organisation_id != current_user.organisation_id:
        abort(404)
    response = send_from_directory(
        upload_folder(),
        os.path.basename(attachment.stored_name),
        mimetype=attachment.content_type,
        max_age=3600,
    )
    response.cache_control.public = False
    response.cache_control.private = True  # the browser may keep it; no shared cache may
    return response
