"""Compliance review: the queue, run detail, reviewer actions, reports, exports and retention."""

from flask import Blueprint

bp = Blueprint("review", __name__)

# Routes register on bp: the queue and run pages (views), exports, reports, retention.
from . import export_views, reports, retention, views  # noqa: E402,F401
