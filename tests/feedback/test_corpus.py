"""The multi-author corpus loads, and its marks give spans that hold the marked words."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"


def _corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", CORPUS / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_author_file_loads_with_unique_ids_and_at_least_200_drafts():
    corpus = _corpus_module()
    files = corpus.author_files()
    assert len(files) >= 12
    ids = set()
    for path in files:
        rows = corpus.load(path)
        assert len(rows) >= 200, path.name
        ids.update(row["id"] for row in rows)
    assert len(ids) == sum(len(corpus.load(path)) for path in files)


def test_marks_become_spans_over_exactly_the_marked_words():
    corpus = _corpus_module()
    text, spans = corpus.unmark("Saw [[NAME|Mrs. Jones]] in [[LOCATION|room 4]] today")
    assert text == "Saw Mrs. Jones in room 4 today"
    assert [(text[s["start"] : s["end"]], s["label"]) for s in spans] == [
        ("Mrs. Jones", "NAME"),
        ("room 4", "LOCATION"),
    ]


@pytest.mark.parametrize(
    "bad", ["[[NOPE|x]] here and more", "[[NAME| padded]] text", "[[NAME|open text here"]
)
def test_bad_marks_are_refused(bad):
    corpus = _corpus_module()
    with pytest.raises(corpus.CorpusError):
        corpus.unmark(bad)
