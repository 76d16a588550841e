"""Browser test helpers shared by the fixtures and the tests."""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def watched_page(browser, accept_confirms: tuple[str, ...] = ()):
    """A fresh context and page that fail the test on a script error, a dialog or a missing resource.

    A page answered with 4xx on purpose (a form shown again with its errors) is not a problem; a missing
    stylesheet, script or icon is. Confirm dialogs whose message starts with one of `accept_confirms` are
    accepted, as a person who means it would; any other dialog is a problem.
    """
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []

    def on_console(msg):
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            problems.append(msg.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} {response.url}")

    def on_dialog(dialog):
        if dialog.type == "confirm" and dialog.message.startswith(accept_confirms or ("\0",)):
            dialog.accept()
        else:
            problems.append(f"dialog: {dialog.type} {dialog.message}")
            dialog.dismiss()

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", on_dialog)
    yield page
    context.close()
    assert not problems, problems
