"""The generic-PII generator (data/generic_pii/) writes sound, deterministic, fictional rows."""

from __future__ import annotations

import copy
import importlib.util
import ipaddress
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "data" / "generic_pii"
CHECK_FILE = HERE / "generic_pii_check.jsonl"


def _generator():
    spec = importlib.util.spec_from_file_location("generic_pii_generate", HERE / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _generator()


@pytest.fixture(scope="module")
def templates():
    return gen.load_templates()


@pytest.fixture(scope="module")
def rows(templates):
    return gen.generate(400, seed=5, groups="all", templates=templates)


def test_cli_writes_rows_that_verify_and_the_same_bytes_twice(tmp_path):
    script = str(HERE / "generate.py")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    done = subprocess.run([sys.executable, script, "--out", str(first), "--count", "120", "--seed", "3",
                           "--groups", "train"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert gen.main(["--out", str(second), "--count", "120", "--seed", "3", "--groups", "train"]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert gen.main(["--verify", str(first)]) == 0
    lines = first.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 120
    row = json.loads(lines[0])
    for key in ("id", "platform", "audience", "context", "text", "spans", "tone", "ignore_spans", "template",
                "group"):
        assert key in row


def test_every_span_is_the_inserted_value_and_nothing_overlaps(rows, templates):
    assert gen.verify_rows(rows, templates) == []
    for row in rows:
        text = row["text"]
        slots = {(a, b): kind for kind, a, b in row["slots"]}
        for span in row["spans"]:
            inserted = text[span["start"]:span["end"]]
            assert inserted.strip() == inserted
            if (span["start"], span["end"]) not in slots:  # only a name may take a title or join a surname
                assert span["label"] == "NAME", (row["id"], inserted)


@pytest.mark.parametrize("damage", ["shift", "overlap", "touch_ignore", "outside", "drop", "relabel", "text"])
def test_the_verifier_catches_a_damaged_row(rows, templates, damage):
    row = copy.deepcopy(next(r for r in rows if len(r["spans"]) >= 2 and r["ignore_spans"]))
    spans, ignore = row["spans"], row["ignore_spans"]
    if damage == "shift":
        spans[0]["start"] += 1
    elif damage == "overlap":
        spans.append({"start": spans[0]["start"], "end": spans[0]["end"] + 1, "label": "ID"})
    elif damage == "touch_ignore":
        spans.append({"start": ignore[0]["start"], "end": ignore[0]["end"], "label": "LOCATION"})
    elif damage == "outside":
        spans[-1]["end"] = len(row["text"]) + 3
    elif damage == "drop":
        spans.pop()
    elif damage == "relabel":
        spans[0]["label"] = "AGE" if spans[0]["label"] != "AGE" else "NAME"
    else:
        row["text"] = row["text"].replace(" ", "  ", 1)
    assert gen.verify_rows([row], templates)


def test_train_and_check_split_the_groups_about_80_20(templates):
    split = gen.split_groups(templates)
    assert set(split) == {t["group"] for t in templates}
    share = sum(v == "check" for v in split.values()) / len(split)
    assert 0.17 <= share <= 0.23
    train = {r["group"] for r in gen.generate(300, seed=1, groups="train", templates=templates)}
    check = {r["group"] for r in gen.generate(300, seed=1, groups="check", templates=templates)}
    assert train and check and not train & check
    assert all(split[g] == "train" for g in train) and all(split[g] == "check" for g in check)


def test_templates_cover_registers_flavours_and_hard_negatives(templates):
    assert len(templates) >= 380
    assert {t["register"] for t in templates} == set(gen.REGISTERS)
    assert {f for t in templates for f in t["flavours"]} == set(gen.ALL_FLAVOURS)
    negatives = sum(t["negative"] for t in templates) / len(templates)
    assert 0.12 <= negatives <= 0.2


def test_the_committed_check_file_is_what_the_generator_builds(templates):
    rows = gen.generate(600, seed=2, groups="check", templates=templates)
    built = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert CHECK_FILE.read_text(encoding="utf-8") == built, (
        "rebuild it: python tests/feedback/data/generic_pii/generate.py --groups check --count 600 --seed 2 "
        "--out tests/feedback/data/generic_pii/generic_pii_check.jsonl")


FICTIONAL_PHONE = re.compile(
    r"(?:\(?\d{3}\)?[ .-]?|\+1 \d{3} |1-\d{3}-)555[ .-]?01\d\d"          # US/CA 555-01xx
    r"|(?:\+44 ?7700 ?|07700 ?)900 ?\d{3}"                                 # UK mobile drama range
    r"|(?:\+44 20 |\(?020\)? )7946 0\d{3}|01(?:61|13) 496 0\d{3}"          # UK landline drama ranges
    r"|(?:\+61 491 570 |0491 ?570 ?)\d{3}|\(?0[2378]\)? 5550 \d{4}"        # AU fictional ranges
    r"|(?:\+64 21 555 |021[ -]?555[ -]?)01\d\d"                            # NZ 021 555 01xx
)
DOC_NETS = [ipaddress.ip_network(n) for n in ("203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32")]


def test_contact_and_web_values_are_fictional(rows):
    seen = {"phone": 0, "email": 0, "ip": 0, "card": 0}
    for row in rows:
        text = row["text"]
        for kind, a, b in row["slots"]:
            value = text[a:b]
            base = re.sub(r"_[2-4]$", "", kind)
            if base in ("phone", "mobile", "landline", "fax"):
                assert FICTIONAL_PHONE.fullmatch(value), value
                seen["phone"] += 1
            elif base == "email":
                assert value.rsplit("@", 1)[1] in ("example.org", "example.com", "example.net"), value
                seen["email"] += 1
            elif base == "ip":
                assert any(ipaddress.ip_address(value) in net for net in DOC_NETS), value
                seen["ip"] += 1
            elif base == "url":
                host = re.sub(r"^https?://", "", value).split("/")[0]
                assert re.fullmatch(r"(?:[a-z0-9-]+\.)?example\.(?:org|com|net)", host), value
            elif base == "credit_card":
                assert gen.luhn_ok(re.sub(r"\D", "", value)), value
                seen["card"] += 1
            elif base == "iban":
                assert gen.iban_ok(value), value
    assert all(seen.values()), seen
