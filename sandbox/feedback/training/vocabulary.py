"""Write the English word-frequency list the privacy features use (from wordfreq, a dev requirement).

python -m sandbox.feedback.training.vocabulary    # writes sandbox/feedback/data/english_words.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

WORDS = 60000
TARGET = Path(__file__).resolve().parents[1] / "data" / "english_words.tsv"
HEADER = (
    "# The 60,000 most frequent English words with their Zipf frequency x 10, from wordfreq 3.1.1\n"
    "# (Robyn Speer, https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0;\n"
    "# this derived list is under the same licence. Rebuild: python -m sandbox.feedback.training.vocabulary\n"
)


def main() -> int:
    """Write the list."""
    import wordfreq

    lines = [HEADER]
    for word in wordfreq.top_n_list("en", WORDS):
        if "\t" not in word and "\n" not in word:
            lines.append(f"{word}\t{round(wordfreq.zipf_frequency(word, 'en') * 10)}\n")
    TARGET.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(lines) - 1} words to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
