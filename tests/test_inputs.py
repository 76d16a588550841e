"""Bad input answers a clear 4xx, app-wide: ids in URLs, whole numbers in queries and forms, NUL bytes."""

from __future__ import annotations

import base64
import re

import pytest
from werkzeug.routing import IntegerConverter

from sandbox.inputs import MAX_ID, IdConverter, digits_up_to
from sandbox.models import Post, Role

from .factories import count, make_cohort

TOO_BIG = [str(MAX_ID + 1), "355684992660669783343104", "1" * 5000]


def _int_rules(app):
    for rule in app.url_map.iter_rules():
        names = [name for name, conv in rule._converters.items() if isinstance(conv, IntegerConverter)]
        if names:
            yield rule, names


def test_every_int_converter_in_the_url_map_is_bounded_to_the_id_column(app):
    converters = [rule._converters[name] for rule, names in _int_rules(app) for name in names]
    assert len(converters) > 40
    assert all(isinstance(conv, IdConverter) and conv.max == MAX_ID for conv in converters)


@pytest.mark.parametrize("number", TOO_BIG)
def test_id_beyond_the_column_in_any_route_is_404(app, client, login_as, number):
    login_as(Role.ADMIN)
    failures = []
    for rule, _names in _int_rules(app):
        url = re.sub(r"<[^>]+>", "x", re.sub(r"<int:\w+>", number, rule.rule))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            status = client.open(url, method=method, data={}).status_code
            if status != 404:
                failures.append(f"{method} {url[:80]}: {status}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("limit", [0, 7, 10, 99, 100, 305, 2**31 - 1])
def test_digits_up_to_matches_exactly_the_numbers_up_to_the_limit(limit):
    pattern = re.compile(digits_up_to(limit))
    for n in {*range(min(limit + 2, 1200)), limit - 1, limit, limit + 1, 10 * limit, limit * 7 // 3}:
        if n >= 0:
            assert bool(pattern.fullmatch(str(n))) == (n <= limit), n
    assert pattern.fullmatch(f"000{limit}") and not pattern.fullmatch("\u0661")  # Arabic-Indic one


def test_id_with_leading_zeros_still_finds_its_object(client, login_as, org):
    login_as(Role.ADMIN)
    cohort = make_cohort(org)
    assert client.get(f"/cohorts/{cohort.id:012d}").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/review/?page=99999999999999999999",
        "/review/?page=%C2%B2",  # '²' counts as a digit for str.isdigit but int() refuses it
        f"/review/?cohort_id={MAX_ID + 1}",
        "/people?page=99999999999999999999",
        f"/api/v1/review/runs?cohort_id={MAX_ID + 1}",
        "/api/v1/review/runs?cursor=bzo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",  # o:99999999999999999999999
        f"/api/v1/audit?actor_id={MAX_ID + 1}",
        f"/api/v1/review/exports/runs.csv?trainee_id={'9' * 5000}",
    ],
)
def test_whole_number_out_of_range_in_a_query_is_400_naming_it(client, login_as, url):
    login_as(Role.ADMIN)
    response = client.get(url)
    assert response.status_code == 400, response.text[:300]
    name = url.split("?")[1].split("=")[0]
    assert f"{name} must be a whole number" in response.text or "cursor is not valid" in response.text


def test_export_to_the_last_day_there_is_answers_instead_of_overflowing(client, login_as):
    login_as(Role.REVIEWER)
    response = client.get("/api/v1/review/exports/runs.json?from=9999-12-30&to=9999-12-31")
    assert response.status_code == 200 and response.json == []


def test_compose_form_with_a_parent_id_beyond_the_column_is_400_and_saves_nothing(client, login_as):
    login_as(Role.TRAINEE)
    response = client.post(
        "/p/microblog/compose", data={"kind": "reply", "body": "Thanks!", "parent_id": "9" * 30}
    )
    assert response.status_code == 400 and "parent_id must be a whole number" in response.text
    assert count(Post) == 0


def test_join_with_a_nul_byte_in_the_display_name_is_400_and_creates_nobody(client, org):
    from sandbox.models import User

    code = make_cohort(org).join_code
    form = {"join_code": code, "email": "ann@test.example", "password": "long enough pw", "confirm": ""}
    form["confirm"] = form["password"]
    response = client.post("/join", data={**form, "display_name": "Ann\x00Lee"})
    assert response.status_code == 400 and "display_name contains a NUL character" in response.text
    assert count(User) == 0


@pytest.mark.parametrize(
    "url", ["/api/v1/review/runs?scenario_id=a%00b", "/api/v1/scenarios/a%00b", "/review/?scenario_id=%00"]
)
def test_nul_byte_in_a_path_or_query_is_400_naming_the_field(client, login_as, url):
    login_as(Role.ADMIN)
    response = client.get(url)
    assert response.status_code == 400 and "contains a NUL character" in response.text


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "raw",
    [
        "2026-01-01T00:00:00|5",
        "0001-01-01T00:00:00+01:00|5",
        "2026-01-01T00:00:00+00:00|99999999999999999999",
    ],
)
def test_feed_cursor_without_a_zone_or_out_of_range_is_400(client, login_as, raw):
    login_as(Role.TRAINEE)
    response = client.get(f"/api/v1/platforms/microblog/feed?cursor={_cursor(raw)}")
    assert response.status_code == 400 and response.json["error"]["field"] == "cursor"


@pytest.mark.parametrize("since", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00%2B05:00"])
def test_audit_since_beyond_the_calendar_in_utc_is_400(client, login_as, since):
    login_as(Role.REVIEWER)
    response = client.get(f"/api/v1/audit?since={since}")
    assert response.status_code == 400 and "out of range" in response.json["error"]["message"]


def test_audit_since_without_a_zone_still_means_utc(client, login_as):
    login_as(Role.REVIEWER)
    assert client.get("/api/v1/audit?since=2000-01-01T00:00:00").json["items"]
