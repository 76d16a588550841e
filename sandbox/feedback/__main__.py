"""Command line: python -m sandbox.feedback [--json | --jsonl] [TEXT]."""

from __future__ import annotations

import argparse
import json
import sys

from .engine import analyze
from .model import AUDIENCES, PLATFORMS, Report


def _report_for_line(line: str) -> dict:
    """Analyse one JSONL input line; a bad line answers an error and the batch goes on."""
    try:
        row = json.loads(line)
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise ValueError('each line needs an object with a "text" string')
    except (ValueError, json.JSONDecodeError) as exc:
        return {"id": None, "error": str(exc)}
    try:
        report = analyze(
            row["text"],
            platform=row.get("platform") or "microblog",
            audience=row.get("audience") or "public",
            facts=row.get("facts") or None,
        )
    except (TypeError, ValueError, AttributeError) as exc:
        return {"id": row.get("id"), "error": str(exc)}
    return {"id": row.get("id"), **report.to_dict()}


def _human(report: Report) -> str:
    lines = [f"{len(report.findings)} finding(s); blocking: {'yes' if report.blocking else 'no'}"]
    for f in report.findings:
        where = f" [{f.start}:{f.end}] {f.text!r}" if f.start is not None else ""
        lines.append(f"- {f.severity:5} {f.kind}/{f.label}{where}: {f.message}")
        if f.suggestion:
            lines.append(f"        instead: {f.suggestion}")
    lines.append(f"safer version: {report.safer_text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m sandbox.feedback", description=__doc__)
    parser.add_argument("text", nargs="?", help="the draft (read from standard input when omitted)")
    parser.add_argument("--platform", default="microblog", choices=PLATFORMS)
    parser.add_argument("--audience", default="public", choices=AUDIENCES)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON report")
    mode.add_argument("--jsonl", action="store_true", help="batch: JSON lines in, JSON lines out")
    args = parser.parse_args(argv)
    if args.jsonl:
        for line in sys.stdin:
            if line.strip():
                sys.stdout.write(json.dumps(_report_for_line(line)) + "\n")
        return 0
    text = args.text if args.text is not None else sys.stdin.read()
    report = analyze(text, platform=args.platform, audience=args.audience)
    print(json.dumps(report.to_dict(), indent=2) if args.json else _human(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
