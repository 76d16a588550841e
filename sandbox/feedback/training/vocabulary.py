"""Write the English word-frequency list the privacy features use (from wordfreq, a dev requirement).

python -m sandbox.feedback.training.vocabulary    # writes sandbox/feedback/data/english_words.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

WORDS = 60000
DATA = Path(__file__).resolve().parents[1] / "data"
TARGET = DATA / "english_words.tsv"
NAMES = DATA / "names.tsv"
NAME_LOCALES = (
    "en_US en_GB en_IE en_NZ en_IN en_NG es_MX es_ES pl_PL it_IT fr_FR fr_CA de_DE pt_BR "
    "ga_IE zh_CN vi_VN hi_IN tr_TR nl_NL yo_NG ko_KR ja_JP".split()
)
NAMES_HEADER = (
    "# Given (first) and family (last) names, lower-cased, from Faker's person providers (MIT licence) in\n"
    "# these locales: {locales}. Rebuild: python -m sandbox.feedback.training.vocabulary\n"
)
HEADER = (
    "# The 60,000 most frequent English words with their Zipf frequency x 10, from wordfreq 3.1.1\n"
    "# (Robyn Speer, https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0;\n"
    "# this derived list is under the same licence. Rebuild: python -m sandbox.feedback.training.vocabulary\n"
)


def _plain(names) -> set[str]:
    words = names.keys() if hasattr(names, "keys") else names
    return {n.lower() for n in words if n.isascii() and n.replace("'", "").replace("-", "").isalpha()}


def write_names() -> int:
    """Write names.tsv (name, 'first' or 'last') from Faker's providers; return how many lines."""
    import importlib

    first, last = set(), set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            first |= _plain(getattr(provider, attribute, None) or ())
        last |= _plain(getattr(provider, "last_names", None) or ())
    lines = [f"{n}\tfirst\n" for n in sorted(first)] + [f"{n}\tlast\n" for n in sorted(last)]
    NAMES.write_text(NAMES_HEADER.format(locales=", ".join(NAME_LOCALES)) + "".join(lines), encoding="utf-8")
    return len(lines)


def main() -> int:
    """Write the lists."""
    import wordfreq

    print(f"wrote {write_names()} names to {NAMES}")

    lines = [HEADER]
    for word in wordfreq.top_n_list("en", WORDS):
        if "\t" not in word and "\n" not in word:
            lines.append(f"{word}\t{round(wordfreq.zipf_frequency(word, 'en') * 10)}\n")
    TARGET.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(lines) - 1} words to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
