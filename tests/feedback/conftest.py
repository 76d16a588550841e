"""Fixtures for the feedback engine's tests."""

from __future__ import annotations

import pytest

from sandbox.feedback.learned import registry


@pytest.fixture
def rules_only():
    """Analyse with the rules alone: for tests of a rule's own behaviour, whatever the trained models say."""
    with registry.use(registry.Models()):
        yield
