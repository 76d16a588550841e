"""The evaluation's measures, as FEEDBACK.md defines them (the same as shared/eval/score.py computes)."""

from __future__ import annotations

from collections import Counter

from ..model import PRIVACY_LABELS, TONE_LABELS


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(gold: list[dict], reports: list[list[dict]]) -> dict:
    """Span recall and precision, post-level recall and false alarms, tone F1 per label and macro."""
    total, found = Counter(), Counter()
    predicted = hits = with_phi = flagged = clean = false_alarms = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    for row, findings in zip(gold, reports, strict=True):
        spans = [f for f in findings if f["kind"] == "privacy" and f.get("start") is not None]
        for span in row["spans"]:
            total[span["label"]] += 1
            found[span["label"]] += any(_overlaps(span, p) for p in spans)
        predicted += len(spans)
        hits += sum(any(_overlaps(p, g) for g in row["spans"]) for p in spans)
        if row["spans"]:
            with_phi, flagged = with_phi + 1, flagged + bool(spans)
        else:
            clean, false_alarms = clean + 1, false_alarms + bool(spans)
        gold_tone, predicted_tone = set(row["tone"]), {f["label"] for f in findings if f["kind"] == "tone"}
        for label in TONE_LABELS:
            tp[label] += label in gold_tone and label in predicted_tone
            fp[label] += label in predicted_tone and label not in gold_tone
            fn[label] += label in gold_tone and label not in predicted_tone
    tone = {label: _f1(tp[label], fp[label], fn[label]) for label in TONE_LABELS}
    f1s = [value["f1"] for value in tone.values() if value["support"]]
    return {
        "drafts": len(gold),
        "span_recall": _ratio(sum(found.values()), sum(total.values())),
        "span_precision": _ratio(hits, predicted),
        "recall_by_label": {k: _ratio(found[k], total[k]) for k in PRIVACY_LABELS if total[k]},
        "post_recall": _ratio(flagged, with_phi),
        "false_alarms": _ratio(false_alarms, clean),
        "tone": tone,
        "tone_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
    }


def _f1(tp: int, fp: int, fn: int) -> dict:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1 if tp + fn else None, "support": tp + fn}
