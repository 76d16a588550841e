"""Typed SQLAlchemy models for the whole product."""

from .. import audit_chain  # noqa: F401 - seals audit events as their transaction commits
from .accounts import ApiToken, Cohort, CohortMembership, Invitation, Organisation, User
from .audit import AuditEvent, AuditSeal, AuditText
from .content import Finding, Persona, Post, PostRevision
from .live import LiveEvent, LiveParticipant, LiveSession
from .retention import PurgedCount, PurgedRun, PurgeRecord  # noqa: F401 - retention tables
from .review import CohortSignoff, ReviewNote, RunReview  # noqa: F401 - review tables
from .runs import Run, UploadedScenario
from .social import Attachment, Capture, Notification, Reaction, Relationship
from .types import Audience, PostKind, Role, utcnow

__all__ = [
    "Attachment",
    "Capture",
    "Notification",
    "Reaction",
    "Relationship",
    "Run",
    "UploadedScenario",
    "ApiToken",
    "Audience",
    "AuditEvent",
    "AuditSeal",
    "AuditText",
    "Cohort",
    "CohortMembership",
    "Finding",
    "Invitation",
    "LiveEvent",
    "LiveParticipant",
    "LiveSession",
    "Organisation",
    "Persona",
    "Post",
    "PostKind",
    "PostRevision",
    "Role",
    "User",
    "utcnow",
]
