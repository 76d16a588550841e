"""Writing in the simulated platforms: each operation validates, writes, audits and flushes."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..feedback import Report, analyze
from ..models import Audience, Finding, Post, PostKind, PostRevision, Reaction, Run, User, utcnow
from ..models.social import Attachment
from .captures import capture_if_risky
from .engagement import react_to_new_post
from .lookups import in_review_thread, is_connected, own_post, persona_by_handle, visible_post
from .platforms import Platform

REPLY_KINDS = (PostKind.REPLY, PostKind.COMMENT, PostKind.OWNER_RESPONSE)


class PauseRequired(Exception):
    """The draft has a blocking finding, or its picture shows what identifies people: the trainee must stop
    and decide (nothing was saved). `photo_flagged` names what the author said the picture shows."""

    def __init__(self, report: Report, photo_flagged: tuple[str, ...] = ()) -> None:
        super().__init__("strategic pause")
        self.report = report
        self.photo_flagged = photo_flagged


@dataclass
class Draft:
    """What someone asked to publish."""

    body: str
    audience: str = Audience.PUBLIC.value
    kind: PostKind = PostKind.POST
    parent_id: int | None = None
    shared_id: int | None = None
    recipient_handle: str | None = None
    identity: str = "personal"
    override: bool = False
    attachment_id: int | None = None
    run_id: int | None = None


def _validate_body(platform: Platform, draft: Draft) -> str:
    # Browsers send a textarea's line breaks as CR LF; counted as one character, as the composer counts them.
    body = (draft.body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body and draft.kind not in (PostKind.SHARE,):
        raise InvalidInput("Write something first: the post is empty.", "body")
    if len(body) > platform.char_limit:
        raise InvalidInput(
            f"{platform.name} allows {platform.char_limit} characters; this is {len(body)}. "
            "Shorten it before posting.",
            "body",
        )
    return body


def _shape(author: User, platform: Platform, draft: Draft, run: Run | None) -> dict:
    """Work out kind, audience, parent and recipient, refusing anything the platform does not allow."""
    fields: dict = {"kind": draft.kind, "identity": "personal"}
    if draft.kind in REPLY_KINDS:
        parent = visible_post(author, draft.parent_id, platform, run)
        if platform.id == "reviews" and not in_review_thread(parent):
            raise InvalidInput(
                "On CareRate the owner responds to a review, or to the reviewer in its thread.",
                "parent_id",
                status=409,
            )
        fields.update(kind=platform.reply_kind, parent_id=parent.id, audience=parent.audience)
    elif draft.kind == PostKind.DM:
        persona = persona_by_handle(author, draft.recipient_handle, run)
        if run is None and not is_connected(author, persona, platform):  # in a scenario, they wrote first
            raise InvalidInput(
                f"You can only message people you are connected with on {platform.name}. "
                f"@{persona.handle} is not.",
                "recipient",
                status=403,
            )
        fields.update(recipient_persona_id=persona.id, audience=Audience.PRIVATE)
    elif draft.kind in platform.share_kinds:
        shared = visible_post(author, draft.shared_id, platform, run)
        fields.update(shared_id=shared.id, audience=_audience(platform, draft.audience))
    elif draft.kind == PostKind.POST and platform.trainee_posts_top_level:
        fields.update(audience=_audience(platform, draft.audience))
        if draft.identity in platform.identities:
            fields["identity"] = draft.identity
    else:
        raise InvalidInput(f"{platform.name} does not support that kind of post here.", "kind", status=400)
    return fields


def _audience(platform: Platform, value: str) -> Audience:
    choice = platform.audience(value)
    if choice is None:
        allowed = ", ".join(a.value.value for a in platform.audiences)
        raise InvalidInput(f"Choose who can see this: one of {allowed}.", "audience")
    return choice.value


def feedback_audience(platform: Platform, audience: Audience) -> str:
    """What the feedback engine calls this audience."""
    if audience == Audience.PRIVATE:
        return "private"
    choice = platform.audience(audience.value)
    return choice.feedback_audience if choice else "public"


def pause(
    target, platform: Platform, body: str, report: Report, photo_flagged: tuple[str, ...] = (), **details
) -> None:
    """Record the paused draft (its words apart, purgeable) and its findings, then stop with PauseRequired."""
    findings = [f.to_dict() for f in report.findings]
    run_id = details.get("run_id") or getattr(target, "run_id", None)
    text = audit.keep_text(target.organisation_id, run_id, body, findings)
    audit.record(
        "post.paused",
        target,
        platform=platform.id,
        text_id=text.id,
        findings=audit.finding_marks(findings),
        photo_flagged=bool(photo_flagged),
        **details,
    )
    db.session.flush()
    raise PauseRequired(report, photo_flagged)


def record_override(post: Post, report: Report, **details) -> None:
    """Record that the author published despite blocking findings: their labels and offsets."""
    blocking = [f.to_dict() for f in report.findings if f.severity == "block"]
    audit.record("post.override", post, findings=audit.finding_marks(blocking), **details)


def check_draft(
    platform: Platform,
    body: str,
    audience: Audience,
    facts: list[dict] | None = None,
    answering: Post | None = None,
) -> Report:
    """The feedback report for a draft in its setting: a scenario's patient facts, the post it answers."""
    return analyze(
        body,
        platform=platform.id,
        audience=feedback_audience(platform, audience),
        facts=facts,
        context=answering.body if answering is not None else None,
    )


def _scenario_runs():
    # Imported when needed: scenario runs are built on the feeds, so importing them at the top is a cycle.
    from ..scenarios import runs

    return runs


def create_post(author: User, platform: Platform, draft: Draft) -> tuple[Post, Report]:
    """Publish a post, reply, DM, share or owner response; pause on a blocking finding unless overridden."""
    body = _validate_body(platform, draft)
    runs = _scenario_runs()
    run = runs.running_run(author, draft.run_id, platform) if draft.run_id else None
    fields = _shape(author, platform, draft, run)
    attachment = _own_attachment(author, draft.attachment_id)
    answering = _answered(author, platform, fields)
    report = check_draft(platform, body, fields["audience"], runs.facts_of(run) if run else None, answering)
    photo_blocks = attachment is not None and attachment.frame_check.get("identifiable", False)
    blocking = report.blocking or photo_blocks
    if blocking and not draft.override:
        flagged = tuple(attachment.frame_check.get("flagged", ())) if photo_blocks else ()
        pause(author, platform, body, report, flagged, run_id=run.id if run else None)
    post = Post(
        organisation_id=author.organisation_id,
        platform=platform.id,
        author_user_id=author.id,
        body=body,
        overridden=blocking,
        run_id=run.id if run else None,
        **fields,
    )
    db.session.add(post)
    db.session.flush()
    if attachment is not None:
        attachment.post_id = post.id
    store_findings(post, author, report, overridden=blocking)
    audit.record(
        "post.created", post, platform=platform.id, kind=post.kind.value, audience=post.audience.value
    )
    if blocking:
        record_override(post, report, photo_flagged=photo_blocks)
    capture_if_risky(post, report)
    react_to_new_post(post, platform)
    if run is not None:
        runs.record_trainee_post(run, post, report)
    db.session.flush()
    return post, report


def _answered(author: User, platform: Platform, fields: dict) -> Post | None:
    """The post a draft answers: its parent, or for a DM the persona's latest message to the author."""
    if fields.get("parent_id"):
        return db.session.get(Post, fields["parent_id"])
    if fields.get("recipient_persona_id"):
        return db.session.scalar(
            sa.select(Post)
            .where(
                Post.platform == platform.id,
                Post.author_persona_id == fields["recipient_persona_id"],
                Post.recipient_user_id == author.id,
                Post.deleted_at.is_(None),
            )
            .order_by(Post.created_at.desc(), Post.id.desc())
            .limit(1)
        )
    return None


def _own_attachment(author: User, attachment_id: int | None) -> Attachment | None:
    if not attachment_id:
        return None
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.owner_id != author.id or attachment.post_id is not None:
        raise InvalidInput("That image is not available; upload it again.", "image", status=400)
    return attachment


def store_findings(post: Post, author: User, report: Report, overridden: bool = False) -> None:
    """Keep the findings as they are now, so review never re-runs history with a newer engine."""
    for f in report.findings:
        db.session.add(
            Finding(
                post_id=post.id,
                user_id=author.id,
                kind=f.kind,
                label=f.label,
                severity=f.severity,
                start=f.start,
                end=f.end,
                text=f.text,
                rule=f.rule,
                message=f.message,
                suggestion=f.suggestion,
                source=f.source,
                overridden=overridden and f.severity == "block",
            )
        )


def edit_post(author: User, platform: Platform, post_id: int, body: str, override: bool = False) -> Report:
    """Change a post's words, keeping the old version and its findings for review."""
    post = own_post(author, post_id)
    if post.is_deleted:
        raise InvalidInput("A deleted post cannot be edited.", "post", status=409)
    new_body = _validate_body(platform, Draft(body=body, kind=post.kind))
    answering = db.session.get(Post, post.parent_id) if post.parent_id else None
    report = check_draft(platform, new_body, post.audience, answering=answering)
    if report.blocking and not override:
        pause(post, platform, new_body, report, editing=True)
    now = utcnow()
    db.session.add(PostRevision(post_id=post.id, body=post.body, replaced_at=now))
    db.session.execute(
        sa.update(Finding)
        .where(Finding.post_id == post.id, Finding.superseded_at.is_(None))
        .values(superseded_at=now)
    )
    post.body, post.edited_at = new_body, now
    post.overridden = post.overridden or report.blocking
    store_findings(post, author, report, overridden=report.blocking)
    audit.record("post.edited", post, previous_revisions=len(post.revisions))
    if report.blocking:
        record_override(post, report)
    db.session.flush()
    return report


def delete_post(author: User, post_id: int) -> Post:
    """Soft-delete a post; its record and any captures of it remain."""
    post = own_post(author, post_id)
    if post.is_deleted:
        raise InvalidInput("That post is already deleted.", "post", status=409)
    post.deleted_at = utcnow()
    if post.run_id is not None:
        _scenario_runs().record_trainee_delete(db.session.get(Run, post.run_id), post)
    audit.record("post.deleted", post, captures=len(post.captures))
    db.session.flush()
    return post


def react(user: User, platform: Platform, post_id: int, kind: str) -> Reaction | None:
    """Add, change or (same kind again) remove the user's reaction; returns the reaction or None."""
    if kind not in platform.reactions:
        raise InvalidInput(f"Choose one of: {', '.join(platform.reactions)}.", "kind")
    post = visible_post(user, post_id, platform)
    reaction = db.session.scalar(
        sa.select(Reaction).where(Reaction.post_id == post.id, Reaction.user_id == user.id)
    )
    if reaction is not None and reaction.kind == kind:
        db.session.delete(reaction)
        db.session.flush()
        return None
    if reaction is None:
        reaction = Reaction(post_id=post.id, user_id=user.id, kind=kind)
        db.session.add(reaction)
    reaction.kind = kind
    audit.record("post.reacted", post, kind=kind)
    db.session.flush()
    return reaction
