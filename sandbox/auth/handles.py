"""Creating accounts safely when two requests race for the same handle (or email)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from ..errors import InvalidInput
from ..extensions import db

EMAIL_TAKEN = "An account with that email already exists. Log in instead."
HANDLE_ATTEMPTS = 5  # concurrent sign-ups with one display name each take the next free handle
T = TypeVar("T")


def retrying_handle_clash(create: Callable[[], T]) -> T:
    """Run an account-creating operation; when a concurrent request took the same handle, run it again.

    A clash undoes the whole transaction, so call this before anything else in the request writes.
    """
    for attempt in range(1, HANDLE_ATTEMPTS + 1):
        try:
            return create()
        except IntegrityError as error:
            db.session.rollback()
            if "email" in str(error.orig):
                raise InvalidInput(EMAIL_TAKEN, "email") from None
            if "handle" not in str(error.orig) or attempt == HANDLE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")
