"""Print the salted hash of answers, for an answer key (alliance/answer_keys/*.py).

Usage: python scripts/answer_hash.py SALT VALUE [VALUE ...]
Values are read as numbers when they parse as numbers, else as text; prefix with s:
to force text (s:2024). Numbers are rounded to 2 decimals before hashing, as checks do.
"""

import sys

from alliance.checks import digest


def parse(text: str):
    if text.startswith("s:"):
        return text[2:]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    salt = argv[0]
    for text in argv[1:]:
        print(f"{text!r:>24}  {digest(parse(text), salt)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
