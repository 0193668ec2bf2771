"""Benchmark: compiling a Public Document Pack against `qpdf --empty --pages` (the floor).

    .venv/bin/python bench/pack_bench.py [--repeat N] [--regenerate]

Generates 25 realistic board papers with WeasyPrint (reports with headings, paragraphs
and tables; some landscape; long appendices), 300+ pages in all, cached in bench/out/
(not timed). Then, in the same run, times:

  (a) qpdf --empty --pages <25 files> -- out.pdf      the floor: a plain concatenation
  (b) quorate assemble(): concatenation + "Page N" on every page + bookmarks + metadata
      + the parts' structure trees merged (and again without, tags=False)
  (c) the full compile: settle and render the front sheet with WeasyPrint, then (b)

and reports the median times, the ratio (b)/(a) (goal: at most 2x) and the peak memory
(maxrss) of each, each measured in a fresh child process.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SOURCES = OUT / "sources"
GENERATOR_VERSION = 2
GOAL = 2.0

_VOCABULARY = (
    "board partnership commissioning integrated care system quality assurance delivery "
    "outcomes residents services hospital discharge community primary prevention health "
    "wellbeing funding budget variance forecast quarter target trajectory performance "
    "improvement workforce capacity demand pathway provider contract review risk mitigation "
    "priority strategy plan local authority council trust voluntary sector engagement "
    "population inequalities access waiting times urgent emergency adult social children "
    "mental dementia carers reablement housing digital data reporting governance"
)
WORDS = _VOCABULARY.split()

CSS = """
@page { size: %(size)s; margin: 2cm 2cm 2.2cm 2cm;
        @bottom-left { content: "%(footer)s"; font-size: 7pt; color: #555 } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35 }
h1 { font-size: 16pt; color: #005eb8 } h2 { font-size: 12pt; margin-top: 1.2em }
table { border-collapse: collapse; width: 100%%; margin: 0.6em 0; font-size: 8.5pt }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left }
th { background: #e8edee } td.n { text-align: right }
"""


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def _table(rng: random.Random, rows: int, cols: int) -> str:
    head = "".join(f"<th>{rng.choice(WORDS).title()}</th>" for _ in range(cols))
    body = []
    for r in range(rows):
        cells = [f"<td>{html.escape(rng.choice(WORDS).title())} {r + 1}</td>"]
        cells += [f'<td class="n">{rng.uniform(-500, 5000):,.1f}</td>' for _ in range(cols - 1)]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _report_html(n: int, title: str, sections: int, landscape: bool, rng: random.Random) -> str:
    size = "A4 landscape" if landscape else "A4"
    parts = [f"<h1>{html.escape(title)}</h1>"]
    parts.append("<table><tr><th>Report of</th><td>Director of Commissioning</td></tr>"
                 "<tr><th>Key decision</th><td>No</td></tr>"
                 "<tr><th>Wards affected</th><td>All</td></tr></table>")  # fmt: skip
    for s in range(sections):
        parts.append(f"<h2>{s + 1}. {rng.choice(WORDS).title()} {rng.choice(WORDS)}</h2>")
        for _ in range(rng.randint(2, 4)):
            parts.append("<p>" + " ".join(_sentence(rng) for _ in range(rng.randint(3, 7))))
        if s % 2 == 0:
            parts.append(_table(rng, rng.randint(6, 18), 9 if landscape else 5))
    css = CSS % {"size": size, "footer": html.escape(f"Paper {n:02d}: {title}")}
    return (
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def _plan() -> list[tuple[str, int, bool]]:
    """(title, sections, landscape) for the 25 papers: reports, then some long appendices."""
    plan = []
    for n in range(25):
        if n % 6 == 5:
            plan.append((f"Appendix {n}: performance data", 60, n % 12 == 5))
        elif n % 4 == 3:
            plan.append((f"Finance schedule {n}", 10, True))
        else:
            plan.append((f"Report {n}: update on {WORDS[n * 3 % len(WORDS)]}", 5 + n % 5, False))
    return plan


def generate(regenerate: bool) -> list[Path]:
    manifest = SOURCES / "manifest.json"
    plan = _plan()
    paths = [SOURCES / f"paper_{n:02d}.pdf" for n in range(len(plan))]
    cached = manifest.exists() and all(p.exists() for p in paths)
    if (
        cached
        and not regenerate
        and json.loads(manifest.read_text()) == {"version": GENERATOR_VERSION}
    ):
        return paths
    from quorate.adapters.pdf import render_html

    SOURCES.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for n, ((title, sections, landscape), path) in enumerate(zip(plan, paths, strict=True)):
        rng = random.Random(n)
        path.write_bytes(render_html(_report_html(n, title, sections, landscape, rng)))
        print(f"  generated {path.name}", file=sys.stderr)
    manifest.write_text(json.dumps({"version": GENERATOR_VERSION}))
    print(f"  generation took {time.perf_counter() - started:.1f}s (not timed)", file=sys.stderr)
    return paths


# ---- the measured operations (each also runnable alone in a child for its memory) ----


def _items(paths: list[Path]):
    from quorate.adapters.pdf import count_pages
    from quorate.core.pagemap import PackDocument, PackItem

    items, group = [], []
    for path in paths:
        doc = PackDocument(path.stem, path.stem.replace("_", " ").title(), count_pages(path))
        group.append(doc)
        if len(group) == 2 or path == paths[-1]:  # a report and its appendix per item
            n = len(items) + 1
            items.append(PackItem(str(n), f"Agenda item {n}", group[0], tuple(group[1:])))
            group = []
    return items


def _front_sheet_html(page_map) -> str:
    rows = []
    for item in page_map.items:
        label = f" ({item.label})" if item.label else ""
        rows.append(
            f"<h2>{html.escape(item.number)} {html.escape(item.title)}{label}</h2>"
            "<table><tr><th>Lead</th><th>Item for</th><th>Attachment</th></tr>"
            "<tr><td>Chair</td><td>Discussion</td><td>Attached</td></tr></table>"
        )
    css = CSS % {"size": "A4", "footer": "Agenda"}
    return (
        f'<html lang="en-GB"><head><title>Agenda</title><style>{css}</style></head><body>'
        f"<h1>Public Document Pack</h1><p>Health and Care Partnership Board</p>"
        f"{''.join(rows)}</body></html>"
    )


def run_qpdf(paths: list[Path], target: Path) -> None:
    cmd = ["qpdf", "--empty", "--pages", *map(str, paths), "--", str(target)]
    subprocess.run(cmd, check=True)


def bench_page_map(paths: list[Path]):
    """Paper 00 stands in for the front sheet so (b) reads exactly qpdf's 25 files.

    Page counts come from the database in real life (measured at upload), so this is
    computed once, outside the timed section."""
    from quorate.adapters.pdf import count_pages
    from quorate.core.pagemap import build_page_map

    return build_page_map(_items(paths[1:]), front_sheet_pages=count_pages(paths[0]))


def run_assemble(paths: list[Path], target: Path, page_map, tags: bool = True) -> None:
    from quorate.adapters.pdf import assemble_pack

    sources = {p.stem: p for p in paths[1:]} | {"front-sheet": paths[0]}
    assemble_pack(page_map, sources, title="Bench pack", out=target, tags=tags)


def run_compile(paths: list[Path], target: Path) -> int:
    from quorate.adapters.pdf import compile_pack

    sources = {p.stem: p for p in paths}
    pack = compile_pack(
        _items(paths), sources, front_sheet_html=_front_sheet_html, title="Bench pack"
    )
    target.write_bytes(pack.data)
    return pack.front_sheet_renders


# Linux carries a process's peak RSS across fork and exec, so a child started from this
# (by then large) interpreter would report at least our own peak. Children are therefore
# started by a tiny spawner launched before anything heavy is imported.
SPAWNER = """
import json, os, subprocess, sys
for line in sys.stdin:
    proc = subprocess.Popen(json.loads(line))
    _, status, usage = os.wait4(proc.pid, 0)
    print(json.dumps([status, usage.ru_maxrss]), flush=True)
"""


class Spawner:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-c", SPAWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    def peak_rss_mb(self, argv: list[str]) -> float:
        """Run ``argv`` to completion; its own peak RSS in MB (Linux reports KiB)."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps(argv) + "\n")
        self.proc.stdin.flush()
        status, maxrss = json.loads(self.proc.stdout.readline())
        if status != 0:
            raise SystemExit(f"child failed: {' '.join(argv)}")
        return maxrss / 1024

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def _median_time(fn, repeat: int) -> float:
    fn()  # warm the page cache and imports
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _row(name: str, seconds: float | None, ratio: float | None, rss: float) -> str:
    t = f"{seconds * 1000:7.0f} ms" if seconds is not None else " " * 10
    r = f"{ratio:6.2f}x" if ratio is not None else " " * 7
    return f"{name:<58}{t}{r}{rss:8.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument(
        "--child", choices=["assemble", "untagged", "compile", "baseline"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()

    if args.child:  # memory probes: one operation in a fresh interpreter
        paths = sorted(SOURCES.glob("paper_*.pdf"))
        if args.child == "assemble":
            run_assemble(paths, OUT / "child_assemble.pdf", bench_page_map(paths))
        elif args.child == "untagged":
            run_assemble(paths, OUT / "child_untagged.pdf", bench_page_map(paths), tags=False)
        elif args.child == "compile":
            run_compile(paths, OUT / "child_compile.pdf")
        else:
            import quorate.adapters.pdf  # noqa: F401  (imports only: the interpreter's floor)
        return 0

    if shutil.which("qpdf") is None:
        print("qpdf is not installed: the benchmark needs it as its baseline.\n"
              "On Debian/Ubuntu: sudo apt-get install qpdf", file=sys.stderr)  # fmt: skip
        return 2
    spawner = Spawner()  # before anything heavy is imported (see Spawner)

    paths = generate(args.regenerate)
    from quorate.adapters.pdf import count_pages

    total_pages = sum(count_pages(p) for p in paths)
    total_mb = sum(p.stat().st_size for p in paths) / 1048576
    print(f"inputs: {len(paths)} PDFs, {total_pages} pages, {total_mb:.1f} MB; "
          f"median of {args.repeat} runs after a warm-up", flush=True)  # fmt: skip

    qpdf = ["qpdf", "--empty", "--pages", *map(str, paths), "--", str(OUT / "qpdf.pdf")]
    qpdf_copy = ["qpdf", "--remove-unreferenced-resources=no", *qpdf[1:]]
    floor = _median_time(lambda: subprocess.run(qpdf, check=True), args.repeat)
    copy_floor = _median_time(lambda: subprocess.run(qpdf_copy, check=True), args.repeat)
    page_map = bench_page_map(paths)
    ours = _median_time(lambda: run_assemble(paths, OUT / "assemble.pdf", page_map), args.repeat)
    untagged = _median_time(
        lambda: run_assemble(paths, OUT / "assemble_untagged.pdf", page_map, tags=False),
        args.repeat,
    )
    rounds: list[int] = []
    full = _median_time(
        lambda: rounds.append(run_compile(paths, OUT / "compile.pdf")), max(1, args.repeat // 2)
    )
    py = [sys.executable, __file__, "--child"]
    rss = {
        "qpdf": spawner.peak_rss_mb(qpdf),
        "qpdf_copy": spawner.peak_rss_mb(qpdf_copy),
        "base": spawner.peak_rss_mb([*py, "baseline"]),
        "assemble": spawner.peak_rss_mb([*py, "assemble"]),
        "untagged": spawner.peak_rss_mb([*py, "untagged"]),
        "compile": spawner.peak_rss_mb([*py, "compile"]),
    }
    spawner.close()

    print(f"\n{'operation':<58}{'time':>10}{'ratio':>7}{'peak RSS':>11}")
    print(_row("(a) qpdf --empty --pages ... -- out.pdf   (the floor)", floor, 1, rss["qpdf"]))
    print(_row("(a') same with --remove-unreferenced-resources=no", copy_floor,
               copy_floor / floor, rss["qpdf_copy"]))  # fmt: skip
    print(_row("(b) assemble(): merge + Page N + bookmarks + metadata", ours, ours / floor,
               rss["assemble"]))  # fmt: skip
    print(_row("(b') the same with tags=False (no structure trees)", untagged,
               untagged / floor, rss["untagged"]))  # fmt: skip
    print(_row("(c) full compile: WeasyPrint front sheet (settled) + (b)", full, full / floor,
               rss["compile"]))  # fmt: skip
    print(_row("    (python + pikepdf + weasyprint imported, doing nothing)", None, None,
               rss["base"]))  # fmt: skip
    print(
        f"\n(b) vs (a'): {ours / copy_floor:.2f}x; per page: (b) {ours / total_pages * 1e6:.0f} us,"
        f" (a) {floor / total_pages * 1e6:.0f} us; front sheet settled in {max(rounds)} renders"
    )
    verdict = "MET" if ours / floor <= GOAL else "MISSED"
    print(f"goal (b) <= {GOAL:g}x (a): {verdict} ({ours / floor:.2f}x)")
    return 0 if verdict == "MET" else 1


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    raise SystemExit(main())
