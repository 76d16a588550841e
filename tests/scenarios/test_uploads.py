"""Instructors upload scenario files, see errors in plain words, preview and download."""

from __future__ import annotations

import io

import sqlalchemy as sa
import yaml

from sandbox.extensions import db
from sandbox.models import Role, Run, UploadedScenario
from sandbox.scenarios.loader import LIBRARY, library_files, load_scenario

EXAMPLE = LIBRARY / "reviews-dental-one-star-baits-phi.yaml"


def _own_copy(**changes) -> bytes:
    data = yaml.safe_load(EXAMPLE.read_text())
    data.update(id="our-dental-review", title="Our own dental review drill", **changes)
    return yaml.safe_dump(data, sort_keys=False).encode()


def _upload(client, data: bytes, name: str = "ours.yaml"):
    return client.post(
        "/practice/manage", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def test_every_shipped_file_is_named_after_its_id():
    for path in library_files():
        assert load_scenario(path).id == path.stem


def test_instructor_uploads_previews_and_downloads(client, login_as):
    login_as(Role.INSTRUCTOR)
    assert _upload(client, _own_copy()).status_code == 302
    assert "Our own dental review drill" in client.get("/practice/manage").text
    assert "Our own dental review drill" in client.get("/practice/").text
    preview = client.post("/practice/our-dental-review/start")
    assert preview.status_code == 302 and "/practice/runs/" in preview.headers["Location"]
    download = client.get("/practice/our-dental-review.yaml")
    assert download.status_code == 200 and b"id: our-dental-review" in download.data
    assert "attachment" in download.headers["Content-Disposition"]
    shipped = client.get("/practice/reviews-dental-one-star-baits-phi.yaml")
    assert shipped.data == EXAMPLE.read_bytes()


def test_errors_are_listed_in_plain_words_and_nothing_is_saved(client, login_as):
    login_as(Role.INSTRUCTOR)
    response = _upload(client, _own_copy(platform="myspace", colour="blue"))
    assert response.status_code == 400
    assert "The file was not saved" in response.text and "line" in response.text
    assert "unknown key" in response.text and "Input should be" in response.text
    assert db.session.scalar(sa.select(sa.func.count(UploadedScenario.id))) == 0


def test_bad_files_are_refused_clearly(client, login_as):
    login_as(Role.INSTRUCTOR)
    assert "Upload a .yaml file" in _upload(client, b"hello", "notes.txt").text
    assert "not UTF-8" in _upload(client, "id: é".encode("latin-1")).text
    clash = _upload(client, EXAMPLE.read_bytes())
    assert clash.status_code == 409 and "shipped with the app" in clash.text


def test_a_played_upload_cannot_change_under_its_runs(client, login_as):
    login_as(Role.INSTRUCTOR)
    _upload(client, _own_copy())
    assert _upload(client, _own_copy(minutes=12)).status_code == 302  # unplayed: replaced
    client.post("/practice/our-dental-review/start")
    assert db.session.scalar(sa.select(sa.func.count(Run.id))) == 1
    refused = _upload(client, _own_copy(minutes=15))
    assert refused.status_code == 409 and "new id" in refused.text


def test_uploads_belong_to_their_organisation(client, login_as, app):
    login_as(Role.INSTRUCTOR)
    _upload(client, _own_copy())
    client.post("/logout")
    from ..factories import make_org

    login_as(Role.INSTRUCTOR, make_org("Another Trust"))
    assert client.get("/practice/our-dental-review.yaml").status_code == 404
    assert client.post("/practice/our-dental-review/start").status_code == 404


def test_trainees_cannot_upload(client, login_as):
    login_as(Role.TRAINEE)
    assert _upload(client, _own_copy()).status_code == 403


def test_upload_nested_5000_deep_is_a_400_naming_the_problem(client, login_as):
    login_as(Role.INSTRUCTOR)
    response = _upload(client, ("id: deep\nsummary: " + "[" * 5000 + "]" * 5000 + "\n").encode())
    assert response.status_code == 400 and "nested deeper than 16 levels" in response.text
    assert db.session.scalar(sa.select(sa.func.count(UploadedScenario.id))) == 0
