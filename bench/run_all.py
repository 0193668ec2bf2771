"""Run every benchmark in bench/ in turn (``make bench``); each prints its own ratios.

Every benchmark runs even when an earlier one fails; the exit status is 1 when any of them
exited non-zero (a missed goal, or an error), and the failures are named at the end.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*_bench.py"))
    if not scripts:
        print("no benchmarks found in bench/", file=sys.stderr)
        return 1
    failed: list[str] = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script)], check=False).returncode
        elapsed = time.perf_counter() - start
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"=== {script.name}: {status}, {elapsed:.1f} s wall ===", flush=True)
        if code != 0:
            failed.append(f"{script.name} (exit {code})")
    print()
    if failed:
        print(f"benchmarks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"all {len(scripts)} benchmarks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
