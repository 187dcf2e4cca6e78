"""How long settling the speakers of a store takes (``names.settle``, the Python half of
``Store.settle_speakers``, which every ingest run ends with) as the number of distinct
speaker names grows.

    python bench/settle.py [--sizes 20000 100000]

The names are SYNTHETIC: random given names and surnames (3,000 and 30,000 of them)
combined into full names (60%), lone surnames (25%) and organisation names (15%), each with
1 to 50 mentions, so that many lone surnames fit several people, as in a large news store.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.store.names import settle  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    args = parser.parse_args(argv)
    rng = random.Random(1)

    def word(n: int) -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(n)).capitalize()

    given = [word(rng.randint(3, 8)) for _ in range(3_000)]
    surnames = [word(rng.randint(4, 9)) for _ in range(30_000)]
    print("| distinct names | speakers | seconds |")
    print("|---|---|---|")
    for size in args.sizes:
        names: set[tuple[str, str]] = set()
        while len(names) < size:
            r = rng.random()
            if r < 0.6:
                names.add((f"{rng.choice(given)} {rng.choice(surnames)}", "person"))
            elif r < 0.85:
                names.add((rng.choice(surnames), "person"))
            else:
                names.add(
                    (f"{word(6)} {rng.choice(['Ministry', 'Council', 'Party', 'Institute'])}", "organisation")
                )
        units = [(name, kind, rng.randint(1, 50)) for name, kind in sorted(names)]
        started = time.perf_counter()
        speakers = settle(units)
        print(f"| {size:,} | {len(speakers):,} | {time.perf_counter() - started:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
