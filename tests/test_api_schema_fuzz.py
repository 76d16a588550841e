"""Schemathesis over /api/v1/openapi.json: generated requests as a trainee, an instructor and a reviewer
get no server error, and every answer has a documented status, content type and shape."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sandbox.api.openapi import spec
from sandbox.extensions import db
from sandbox.models import Post, Role
from sandbox.scenarios.runs import finish_run, scenario_for, start_run

from .factories import make_cohort, make_live_session, make_persona, make_post, make_user

# Generated examples per operation and role; schemathesis adds its own boundary and wrong-method requests:
# about 7,500 requests over 44 operations in all, about 70 s on two cores.
EXAMPLES = 8
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
ROLES = [Role.TRAINEE, Role.INSTRUCTOR, Role.REVIEWER]


@dataclass
class World:
    """The seeded organisation: a bearer header per role, and ids of real objects to aim requests at."""

    headers: dict[Role, dict[str, str]]
    real: dict[str, list]


@pytest.fixture
def world(org, api_token) -> World:
    """An organisation with a cohort, a live session, a running and a finished run, and posts."""
    users = {role: make_user(org, role) for role in ROLES}
    trainee, instructor = users[Role.TRAINEE], users[Role.INSTRUCTOR]
    cohort = make_cohort(org, instructor=instructor, members=(trainee,))
    live = make_live_session(org, cohort, instructor)
    post = make_post(org, make_persona(org), "microblog")
    run = start_run(trainee, scenario_for("microblog-troll"))
    own = Post(organisation_id=org.id, platform="microblog", author_user_id=trainee.id, body="Open at 8")
    db.session.add(own)
    db.session.commit()
    finished = start_run(trainee, scenario_for("reviews-dental-one-star-baits-phi"))
    finish_run(finished)
    db.session.commit()
    real = {
        "post_id": [post.id, own.id],
        "parent_id": [post.id],
        "run_id": [run.id, finished.id],
        "session_id": [live.id],
        "cohort_id": [cohort.id],
        "scenario_id": ["microblog-troll", live.scenario_id],
        "key": ["ask"],
        "platform": ["microblog"],
    }
    return World({role: {"Authorization": f"Bearer {api_token(user)}"} for role, user in users.items()}, real)


def one_context_per_request(app):
    """The app as a server runs it: each request in an app context of its own (own g, own db session)."""

    def wsgi(environ, start_response):
        with app.app_context():
            return app(environ, start_response)

    return wsgi


def aim_at_real_objects(case, real: dict[str, list]) -> None:
    """Swap about half the generated ids and names for real ones (chosen from the generated value itself)."""
    for values in (case.path_parameters, case.body if isinstance(case.body, dict) else None):
        for name, value in (values or {}).items():
            choices = real.get(name)
            pick = zlib.crc32(repr(value).encode())
            if choices and pick % 2 == 0:
                values[name] = choices[pick // 2 % len(choices)]


# The document /api/v1/openapi.json serves (tests/test_api.py checks it covers every route); the event
# stream never ends, so it is left out.
schema = schemathesis.openapi.from_dict(spec()).exclude(path_regex=r"/stream$")


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.value)
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)
def test_generated_requests_get_no_server_error_and_documented_answers(app, world, case, role):
    aim_at_real_objects(case, world.real)
    case.call_and_validate(app=one_context_per_request(app), headers=world.headers[role], checks=CHECKS)
