"""Pictures: metadata stripped, format and size checked, alt text and the frame check required."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from sandbox.extensions import db
from sandbox.models import Post
from sandbox.models.social import Attachment

from ..factories import count


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SyntheticCam"  # Make
    exif[0x9003] = "2026:03:14 03:00:00"  # DateTimeOriginal
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _post_with_image(
    client,
    data: bytes,
    filename="photo.jpg",
    alt="Sunrise over the car park",
    frame=("none",),
    body="Sunrise after a night shift",
):
    # Encode the body here: the test client spools a large upload to a temp file it never closes.
    fields = MultiDict(
        [
            ("kind", "post"),
            ("audience", "public"),
            ("body", body),
            ("alt_text", alt),
            *[("frame", answer) for answer in frame],
            ("image", FileStorage(io.BytesIO(data), filename=filename)),
        ]
    )
    boundary, payload = encode_multipart(fields)
    return client.post(
        "/p/social/compose", data=payload, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_exif_is_removed_and_the_picture_shown_with_its_alt_text(client, trainee):
    original = _jpeg_with_exif()
    assert b"SyntheticCam" in original
    assert _post_with_image(client, original).status_code == 302
    attachment = db.session.scalar(sa.select(Attachment))
    served = client.get(f"/p/media/{attachment.stored_name}")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.cache_control.private and not served.cache_control.public  # no shared cache keeps it
    assert b"SyntheticCam" not in served.data and not Image.open(io.BytesIO(served.data)).getexif()
    served.close()
    page = client.get(f"/p/social/posts/{attachment.post_id}").text
    assert 'alt="Sunrise over the car park"' in page


@pytest.mark.parametrize(
    "data, filename, status, words",
    [
        (b"GIF89a not really", "fake.gif", 400, "not a picture"),
        (b"%PDF-1.4 a document", "notes.pdf", 400, "not a picture"),
        (b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10), "huge.jpg", 413, "larger than 5 MB"),
    ],
)
def test_unsupported_or_oversized_files_are_refused_and_nothing_saved(
    client, trainee, data, filename, status, words
):
    response = _post_with_image(client, data, filename)
    assert response.status_code == status and words in response.text
    assert "Sunrise after a night shift" in response.text  # the text is kept
    assert count(Post) == 0 and count(Attachment) == 0


def test_alt_text_and_frame_answer_are_required(client, trainee):
    no_alt = _post_with_image(client, _jpeg_with_exif(), alt="")
    assert no_alt.status_code == 400 and "alt text" in no_alt.text
    no_frame = _post_with_image(client, _jpeg_with_exif(), frame=())
    assert no_frame.status_code == 400 and "what is in the frame" in no_frame.text
    assert count(Post) == 0


def test_a_picture_with_identifiable_things_in_frame_pauses(client, trainee):
    response = _post_with_image(
        client, _jpeg_with_exif(), frame=("whiteboards",), body="Quiet night on the unit"
    )
    assert response.status_code == 409 and "Stop and think" in response.text
    # The pause says why: what the picture shows, never "No findings".
    assert "A whiteboard, census board or sign with names or room numbers" in response.text
    assert "No findings" not in response.text
    assert count(Post) == 0
    attachment_id = db.session.scalar(sa.select(Attachment.id))
    anyway = client.post(
        "/p/social/compose",
        data={
            "kind": "post",
            "audience": "public",
            "override": "y",
            "body": "Quiet night on the unit",
            "attachment_id": attachment_id,
        },
    )
    assert anyway.status_code == 302
    post = db.session.scalar(sa.select(Post))
    assert post.overridden and post.attachments[0].frame_check["flagged"] == ["whiteboards"]


def test_pictures_are_not_served_to_other_organisations(client, trainee, app):
    _post_with_image(client, _jpeg_with_exif())
    name = db.session.scalar(sa.select(Attachment.stored_name))
    client.post("/logout")
    from ..factories import PASSWORD, make_org, make_user

    stranger = make_user(make_org())
    client.post("/login", data={"email": stranger.email, "password": PASSWORD})
    assert client.get(f"/p/media/{name}").status_code == 404
