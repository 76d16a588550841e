"""The simulated platforms: feeds, threads, profiles, notifications, messages and the composer."""

from flask import Blueprint

bp = Blueprint("feeds", __name__)

from . import actions, views  # noqa: E402,F401 - routes register on bp
