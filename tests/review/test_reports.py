"""Reports: server-drawn SVG charts that parse, tables whose numbers match the database, access rules."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from sandbox.extensions import db
from sandbox.models import Finding, LiveSession, Post, Role, Run
from sandbox.review.charts import bar_chart

from ..factories import make_cohort, make_org, make_review_post, make_review_run, make_user

SVG = "{http://www.w3.org/2000/svg}"


class _Tables(HTMLParser):
    """Collect each table (by id) as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = dict(attrs).get("id")
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables_of(html: str) -> dict[str, list[list[str]]]:
    """Every table in the page by id: header row first."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def _session(org, cohort, instructor, title="Night shift drill") -> LiveSession:
    session = LiveSession(
        organisation_id=org.id,
        cohort_id=cohort.id,
        created_by_id=instructor.id,
        scenario_id="microblog-troll",
        scenario_title=title,
        platform="microblog",
        status="ended",
    )
    db.session.add(session)
    db.session.commit()
    return session


@pytest.fixture
def cohort_world(org):
    """A cohort with a live session (two trainees) and self-paced runs; findings of several labels."""
    instructor = make_user(org, Role.INSTRUCTOR)
    alice, bob = make_user(org, Role.TRAINEE), make_user(org, Role.TRAINEE)
    cohort = make_cohort(org, instructor=instructor, members=(alice, bob))
    session = _session(org, cohort, instructor)
    live_a = make_review_run(org, alice, "microblog-troll", live_session_id=session.id)
    make_review_post(
        live_a, "Mrs Patel, bed 4", findings=[("privacy", "NAME", "block"), ("tone", "EMPATHY", "good")]
    )
    make_review_post(live_a, "Sorry", findings=[("privacy", "CLINICAL", "warn")], overridden=True)
    live_b = make_review_run(org, bob, "microblog-troll", live_session_id=session.id)
    make_review_post(live_b, "Go away", findings=[("tone", "HOSTILE", "warn")])
    solo = make_review_run(org, alice, "reviews-dental-one-star-baits-phi")
    make_review_post(solo, "Thank you for the review")
    return SimpleNamespace(instructor=instructor, alice=alice, bob=bob, cohort=cohort, session=session)


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(markup) for markup in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def test_cohort_report_draws_four_wellformed_accessible_svg_charts(client, login_as, cohort_world):
    login_as(Role.REVIEWER)
    page = client.get(f"/review/reports/cohorts/{cohort_world.cohort.id}")
    assert page.status_code == 200
    charts = _svgs(page.text)
    assert len(charts) == 4
    for chart in charts:
        title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert chart.get("role") == "img"
        assert chart.get("aria-labelledby") == f"{chart.get('id')}-title {chart.get('id')}-desc"
    assert "<script" not in page.text.split("<main", 1)[1].split("</main>")[0]
    assert 'media="print"' in page.text or "review-report.css" in page.text


def _expected_findings(run_ids) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(Finding.label, sa.func.count())
        .join(Post, Post.id == Finding.post_id)
        .join(Run, Run.id == Post.run_id)
        .where(Run.id.in_(run_ids), Post.author_user_id == Run.user_id, Finding.severity != "good")
        .group_by(Finding.label)
    )
    return dict(rows.all())


def test_cohort_report_tables_match_the_database(client, login_as, cohort_world):
    login_as(Role.REVIEWER)
    tables = tables_of(client.get(f"/review/reports/cohorts/{cohort_world.cohort.id}").text)
    header, *rows = tables["table-findings"]
    by_group = {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}
    live_runs = db.session.scalars(sa.select(Run.id).where(Run.live_session_id == cohort_world.session.id))
    expected = _expected_findings(list(live_runs))
    live_row = next(v for k, v in by_group.items() if k.startswith("Night shift drill"))
    assert {label: int(n) for label, n in live_row.items() if label != "Total" and n != "0"} == expected
    assert int(live_row["Total"]) == sum(expected.values()) == 3
    assert "EMPATHY" not in header
    assert by_group["Self-paced runs"]["Total"] == "0"
    overrides = {row[0]: row[1:] for row in tables["table-overrides"][1:]}
    assert next(v for k, v in overrides.items() if k.startswith("Night")) == ["3", "1", "33%"]
    phi = {row[0]: row[1:] for row in tables["table-phi"][1:]}
    assert next(v for k, v in phi.items() if k.startswith("Night")) == ["2", "1", "50%"]
    assert phi["Self-paced runs"] == ["1", "0", "0%"]
    scenarios = tables["table-scenarios"][1:]
    assert [row[1:] for row in scenarios] == [["2", "3", "1.5"], ["1", "0", "0.0"]]


def test_session_report_groups_by_trainee(client, login_as, cohort_world):
    login_as(Role.REVIEWER)
    page = client.get(f"/review/reports/sessions/{cohort_world.session.id}")
    assert page.status_code == 200 and len(_svgs(page.text)) == 4
    phi = {row[0]: row[1:] for row in tables_of(page.text)["table-phi"][1:]}
    assert phi == {
        cohort_world.alice.display_name: ["1", "1", "100%"],
        cohort_world.bob.display_name: ["1", "0", "0%"],
    }


def test_reports_index_lists_cohorts_and_sessions(client, login_as, cohort_world):
    login_as(Role.ADMIN)
    page = client.get("/review/reports")
    assert cohort_world.cohort.name in page.text and "Night shift drill" in page.text


def test_instructors_see_reports_of_their_own_cohorts_only(client, login_as, org, cohort_world):
    instructor = login_as(Role.INSTRUCTOR)
    own = make_cohort(org, instructor=instructor)
    assert client.get(f"/review/reports/cohorts/{own.id}").status_code == 200
    assert client.get(f"/review/reports/cohorts/{cohort_world.cohort.id}").status_code == 404
    assert client.get(f"/review/reports/sessions/{cohort_world.session.id}").status_code == 404
    index = client.get("/review/reports").text
    assert own.name in index and cohort_world.cohort.name not in index


def test_trainees_cannot_open_reports(client, login_as, cohort_world):
    login_as(Role.TRAINEE)
    assert client.get("/review/reports").status_code == 403
    assert client.get(f"/review/reports/cohorts/{cohort_world.cohort.id}").status_code == 403


def test_another_organisations_reports_answer_404(client, login_as, cohort_world):
    elsewhere = make_org("Elsewhere (reports)")
    login_as(Role.REVIEWER, elsewhere)
    assert client.get(f"/review/reports/cohorts/{cohort_world.cohort.id}").status_code == 404
    assert client.get(f"/review/reports/sessions/{cohort_world.session.id}").status_code == 404


def test_empty_report_says_so_and_still_draws_valid_svg(client, login_as, org):
    login_as(Role.REVIEWER)
    cohort = make_cohort(org)
    page = client.get(f"/review/reports/cohorts/{cohort.id}")
    assert "No finished runs yet" in page.text
    assert all(chart.find(f"{SVG}text").text == "No data yet." for chart in _svgs(page.text))


def test_chart_text_is_escaped_and_stays_wellformed():
    markup = bar_chart(
        "c1", "A <b> & 'c'", "desc", ['<script>alert(1)</script> & "x"'], {"s": [3]}, percent=False
    )
    chart = ET.fromstring(str(markup))
    assert chart.find(f"{SVG}title").text == "A <b> & 'c'"
    assert "<script>" not in str(markup)


def test_stacked_chart_draws_one_segment_per_nonzero_series():
    chart = ET.fromstring(str(bar_chart("c2", "t", "d", ["a", "b"], {"X": [1, 0], "Y": [2, 5]})))
    rows = chart.findall(f"{SVG}g")
    assert [len(row.findall(f"{SVG}rect")) for row in rows] == [2, 1]


def test_print_stylesheet_hides_navigation_and_breaks_pages(app):
    with app.open_resource("static/css/review-report.css") as handle:
        css = handle.read().decode()
    print_rules = css.split("@media print", 1)[1]
    assert ".site-header" in print_rules and "display: none" in print_rules
    assert "break-before: page" in print_rules and "#000" in print_rules
