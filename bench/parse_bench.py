"""Pack parsing benchmark: parse throughput (pages per second) on the seeds, and for a
PDF the ratio of parse time to text-extraction time, measured in the same run.

    .venv/bin/python bench/parse_bench.py [--repeat N] [--seeds DIR]

For each seed, a PDF is made from the seed text at bench time with WeasyPrint (tabbed
lines become table rows, so the PDF has real tables); that step is not timed. Then, best
of N runs each:

- extract: ``quorate.adapters.textextract.extract`` on the PDF (pypdfium2);
- parse (pdf): ``parse_pages`` on the extracted page texts;
- parse (txt): ``parse_text`` on the seed's own text.

Goal: parsing costs no more than extraction (ratio parse/extract <= 1.0).
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from quorate.adapters.textextract import extract  # noqa: E402  (after the path set-up)
from quorate.core.packtext import parse_pages, parse_text  # noqa: E402

STYLE = (
    "@page{size:A4;margin:18mm} body{font:10pt sans-serif} p{margin:0 0 6pt}"
    " table{border-collapse:collapse;margin:0 0 4pt} td{padding:0 16pt 0 0;vertical-align:top}"
)


def _html(text: str) -> str:
    parts = []
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
            parts.append(f"<table><tr>{cells}</tr></table>")
        elif line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    import weasyprint

    shared = Path(os.environ.get("QUORATE_SHARED_DIR", REPO.parent / "shared"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=Path, default=shared / "seeds")
    args = parser.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"no seeds in {args.seeds}", file=sys.stderr)
        return 2
    header = f"{'seed':<28}{'pages':>6}{'extract s':>11}{'parse pdf s':>13}{'parse txt s':>13}"
    header += f"{'pages/s pdf':>13}{'pages/s txt':>13}{'parse/extract':>15}"
    print(header)
    totals = [0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            pdf = Path(tmp) / f"{seed.stem}.pdf"
            weasyprint.HTML(string=_html(text)).write_pdf(pdf)
            pages = extract(pdf).pages
            t_extract = _best(lambda pdf=pdf: extract(pdf), args.repeat)
            t_parse_pdf = _best(
                lambda pages=pages, seed=seed: parse_pages(pages, file=seed.name, pdf=True),
                args.repeat,
            )
            t_parse_txt = _best(
                lambda text=text, seed=seed: parse_text(text, file=seed.name), args.repeat
            )
            n = len(pages)
            totals[0] += n
            totals[1] += t_extract
            totals[2] += t_parse_pdf
            totals[3] += t_parse_txt
            print(
                f"{seed.name:<28}{n:>6}{t_extract:>11.3f}{t_parse_pdf:>13.3f}{t_parse_txt:>13.3f}"
                f"{n / t_parse_pdf:>13.0f}{n / t_parse_txt:>13.0f}{t_parse_pdf / t_extract:>15.2f}"
            )
    n, te, tp, tt = totals
    print(
        f"{'all seeds':<28}{n:>6}{te:>11.3f}{tp:>13.3f}{tt:>13.3f}"
        f"{n / tp:>13.0f}{n / tt:>13.0f}{tp / te:>15.2f}"
    )
    verdict = "met" if tp <= te else "NOT met"
    print(f"goal (parse time <= extraction time on the PDFs): {verdict}; ratio {tp / te:.2f}")
    return 0 if tp <= te else 1


if __name__ == "__main__":
    raise SystemExit(main())
