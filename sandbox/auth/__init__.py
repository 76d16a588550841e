"""Accounts: login, logout, join codes, invitations, self-service and account management."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import account, manage, views  # noqa: E402,F401 - routes register on bp
