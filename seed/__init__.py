"""The deterministic demo population behind `flask seed`."""

from .population import DEMO_ACCOUNTS, DEMO_PASSWORD, populate

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "populate"]
