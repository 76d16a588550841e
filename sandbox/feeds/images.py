"""Attaching pictures: checked, re-encoded without EXIF metadata, and asked what is in the frame."""

from __future__ import annotations

import io
import os
import secrets

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

from .. import audit
from ..errors import InvalidInput
from ..extensions import db
from ..models import User
from ..models.social import Attachment

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/png", "png"),
}
# What a photo taken at work can give away, for the "what is in the frame?" check.
FRAME_ITEMS = {
    "faces": "A face or a recognisable person (patient, visitor, colleague)",
    "wristbands": "A wristband, name band or ID badge",
    "whiteboards": "A whiteboard, census board or sign with names or room numbers",
    "screens": "A computer, monitor or phone screen",
    "documents": "A chart, label, form, prescription or any paperwork",
}


def upload_folder() -> str:
    """Where stored images live (inside the instance folder, outside static/)."""
    folder = os.path.join(current_app.instance_path, "uploads")
    os.makedirs(folder, exist_ok=True)
    return folder


def _frame_check(answers: list[str]) -> dict:
    chosen = [a for a in answers if a in FRAME_ITEMS or a == "none"]
    if not chosen:
        raise InvalidInput(
            "Answer 'what is in the frame?': tick what the picture shows, or 'none of these'.", "frame"
        )
    if "none" in chosen and len(chosen) > 1:
        raise InvalidInput("You ticked 'none of these' and something else; check the picture again.", "frame")
    flagged = [a for a in chosen if a != "none"]
    return {"answers": chosen, "identifiable": bool(flagged), "flagged": flagged}


def _decode(data: bytes) -> Image.Image:
    if len(data) > MAX_IMAGE_BYTES:
        raise InvalidInput(
            f"The picture is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB.", "image", status=413
        )
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in FORMATS:
            raise InvalidInput("Use a JPEG, PNG, WebP or GIF picture.", "image")
        if image.width * image.height > MAX_PIXELS:
            raise InvalidInput("The picture has too many pixels; use a smaller one.", "image", status=413)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise InvalidInput(
            "That file is not a picture we can read. Use a JPEG, PNG, WebP or GIF.", "image"
        ) from None
    return image


def _without_metadata(image: Image.Image) -> tuple[bytes, str, str]:
    """Re-encode only the pixels: EXIF (GPS, camera, time), XMP and comments are dropped."""
    content_type, extension = FORMATS[image.format or "PNG"]
    upright = ImageOps.exif_transpose(image)
    mode = "RGB" if extension == "jpg" else ("RGBA" if "A" in upright.getbands() else "RGB")
    clean = Image.new(mode, upright.size)
    clean.paste(upright.convert(mode))
    out = io.BytesIO()
    clean.save(out, format={"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[extension], quality=88)
    return out.getvalue(), content_type, extension


def save_image(owner: User, data: bytes, alt_text: str, frame_answers: list[str]) -> Attachment:
    """Check, strip and store an uploaded picture, not yet attached to a post."""
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise InvalidInput("Describe the picture in the alt text, for people who cannot see it.", "alt_text")
    if len(alt_text) > 1000:
        raise InvalidInput("Keep the alt text under 1000 characters.", "alt_text")
    frame = _frame_check(frame_answers)
    image = _decode(data)
    clean, content_type, extension = _without_metadata(image)
    stored_name = f"{secrets.token_hex(16)}.{extension}"
    with open(os.path.join(upload_folder(), stored_name), "wb") as handle:
        handle.write(clean)
    attachment = Attachment(
        owner_id=owner.id,
        stored_name=stored_name,
        content_type=content_type,
        width=image.width,
        height=image.height,
        alt_text=alt_text,
        frame_check=frame,
    )
    db.session.add(attachment)
    db.session.flush()
    audit.record(
        "image.uploaded",
        attachment,
        actor=owner,
        organisation_id=owner.organisation_id,
        frame=frame["answers"],
        exif_removed=bool(image.info.get("exif")),
    )
    return attachment
