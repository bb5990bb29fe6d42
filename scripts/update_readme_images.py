"""Copy the README's screenshots from the latest browser-test run (build/screenshots/).

Usage: python scripts/update_readme_images.py   (after `python3 course.py test`)
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = {  # screenshot taken by a browser test -> image the README shows
    "06_october_2025-explorer.png": "lesson-06-explorer.png",
    "exercise-ex03-mistake.png": "exercise-feedback.png",
}


def main() -> int:
    missing = [name for name in IMAGES if not (ROOT / "build" / "screenshots" / name).exists()]
    if missing:
        print(f"missing {missing}: run the browser tests first (python3 course.py test -m browser)", file=sys.stderr)
        return 1
    for shot, image in IMAGES.items():
        shutil.copyfile(ROOT / "build" / "screenshots" / shot, ROOT / "docs" / "images" / image)
        print(f"docs/images/{image}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
