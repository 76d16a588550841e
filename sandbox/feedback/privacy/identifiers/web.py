"""WEB: URLs and IP addresses that point at a person, and patients' or relatives' @handles."""

from __future__ import annotations

import re

from ...caseless import caseless
from ...model import Finding
from .base import make_finding
from .context import Scan
from .wordlists import FIRST_NAMES

_URL_RE = re.compile(
    r"(?<![@\w.-])(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|"
    r"io|co|us|uk|ca|au|ee|gg|tv|link|online|blog|"
    r"me|ly|app|example|info|health|care|page|site))\b(?P<path>/[^\s)\]}>\"']*)?",
    re.IGNORECASE,
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1?\d?\d)"
_TLD_HINT = re.compile(
    r"\.(?:com|org|net|edu|gov|io|co|us|uk|ca|au|ee|gg|tv|link|online|blog|me|ly|app|example|info|health|care|"
    r"page|site)\b",
    re.IGNORECASE,
)
_IP_RE = re.compile(rf"(?<![\d.])\b(?:{_OCTET}\.){{3}}{_OCTET}\b(?![.\d])")
_HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_PERSONAL_HOSTS = caseless(
    r"(?:^|\.)(?:gofundme|caringbridge|mealtrain|givesendgo|fundly|lotsahelpinghands|facebook|fb|instagram|"
    r"tiktok|twitter|x|linkedin|youtube|venmo|cash|paypal|spotfund|gogetfunding|justgiving|linktr|threads|"
    r"bsky|snapchat|crowdfunder|givealittle)\.",
)
_PERSONAL_PATH = re.compile(r"/(?:visit|u|user|users|profile|people|in|f|fundraiser|~)[/\w-]*", re.IGNORECASE)
# A slug that asks for help for someone: "/help-tommy-walk-again", "/support-ana-recovery".
_APPEAL_WORDS = re.compile(
    r"(?:^|[/_-])(?:help|support|fund|donate|recover\w*|journey|fight|beat|walk|heal|"
    r"for|miracle|prayers?|team|love|bring|home|get-well)(?:[/_-]|$)",
    re.IGNORECASE,
)
_ORG_HANDLE = re.compile(
    r"^@(?i:dr|doc)[A-Z_]|^@[A-Z0-9]{2,6}$|(?i:md|rn|np|dds|clinic|health|hospital|med|medical|medicine|peds|"
    r"dental|library|county|city|news|official|team|unit|pharmacy|pt|center|practice|gov|dept|foundation|"
    r"rehab|"
    r"hq|org|ems|fire|police|society|association|times|post|journal|magazine|tv|radio|fm|institute|care)$"
)


def find_web(scan: Scan) -> list[Finding]:
    """Return WEB spans for person-pointing links, IP addresses and patients' handles."""
    text = scan.text
    found = [
        make_finding(
            "WEB",
            "block",
            m.start(),
            m.end(),
            "privacy.web.ip",
            "An IP address can be traced to a person's home or device.",
        )
        for m in (_IP_RE.finditer(text) if text.count(".") >= 3 else ())
    ]
    for match in _URL_RE.finditer(text) if _TLD_HINT.search(text) else ():
        if _points_at_person(match):
            found.append(
                make_finding(
                    "WEB",
                    "block",
                    match.start(),
                    match.end(),
                    "privacy.web.url",
                    "This link leads to a page about a specific person.",
                )
            )
    if "@" in text and scan.care:
        for match in _HANDLE_RE.finditer(text):
            if not _ORG_HANDLE.search(match.group()) and not _own_handle(text, match.start()):
                found.append(
                    make_finding(
                        "WEB",
                        "block",
                        match.start(),
                        match.end(),
                        "privacy.web.handle",
                        "Tagging someone next to health details ties them to their care.",
                    )
                )
    return found


def _points_at_person(match: re.Match[str]) -> bool:
    path = match.group("path") or ""
    if _PERSONAL_HOSTS.search(match.group("host") + ".") and len(path) > 1:
        return True
    words = re.split(r"[/\-_.]+", path.lower())
    named = any(w in FIRST_NAMES or w[:5] in FIRST_NAMES for w in words if w)
    return named and bool(_PERSONAL_PATH.match(path) or _APPEAL_WORDS.search(path))


def _own_handle(text: str, start: int) -> bool:
    return bool(
        re.search(r"\b(?:our|my|follow|on)\s+(?:\w+\s+){0,2}$", text[max(0, start - 30) : start], re.I)
    )
