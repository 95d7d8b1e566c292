"""Benchmark the barcode decoders on a labelled corpus.

Usage: ``python benchmarks/decode.py CORPUS_DIR [--json] [--only NAME ...] [--failures] [--repeat N]``

CORPUS_DIR holds ``<format>/<name>.<ext>`` images with the expected text in ``<name>.txt`` beside
each (and a MANIFEST.tsv). For each decoder (zxing, zbar, opencv alone, and the combined one) it
prints, per format and overall: read rate, mean and p95 wall-clock decode time, mean CPU time of
the decoding thread (file loading is not timed), false reads and images with extra codes.

Timing on a shared machine: wall time includes waiting for a core, CPU time (``time.thread_time``)
does not, but still rises under load (shared caches, SMT). Compare decoders measured in the same
run: the summary gives each decoder's CPU mean relative to zxing alone, and the load average.
``--repeat N`` decodes each image N times and keeps the fastest time (same result every time).

* read: the expected text is among the returned codes (UPC-A, UPC-E and EAN-13 of the same
  number count as equal);
* false read: a 1D code of the image's own format family was returned with a different value
  and the expected value was not returned;
* extra: some other code was returned besides / instead of the expected one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from inspector.scanning.decode import (
    BarcodeDecoder,
    DecodedCode,
    OpenCVDecoder,
    ZBarDecoder,
    ZXingDecoder,
    load_image,
)
from inspector.scanning.decoders.symbols import RETAIL, gtin_key

FOLDER_FORMATS = {"ean13": "EAN13", "ean8": "EAN8", "upca": "UPCA", "upce": "UPCE", "code128": "Code128",
                  "code39": "Code39", "itf": "ITF", "qrcode": "QRCode", "datamatrix": "DataMatrix"}
LINEAR_1D = {"EAN13", "EAN8", "UPCA", "UPCE", "Code128", "Code39", "ITF"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


@dataclass
class Sample:
    """One corpus image with its expected result."""

    path: Path
    folder: str
    fmt: str
    expected: str


@dataclass
class Tally:
    """Counters for one decoder on one format."""

    n: int = 0
    read: int = 0
    false: int = 0
    extra: int = 0
    ms: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def row(self) -> dict[str, float | int]:
        """Summary numbers as a dict."""
        ms = sorted(self.ms) or [0.0]
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return {"images": self.n, "read": self.read, "read_pct": round(100 * self.read / max(self.n, 1), 1),
                "mean_ms": round(statistics.fmean(ms), 2), "p95_ms": round(p95, 2),
                "cpu_mean_ms": round(statistics.fmean(self.cpu or [0.0]), 2),
                "false_reads": self.false, "extra": self.extra}


def family(fmt: str) -> str:
    """EAN/UPC formats are one family (same number may be printed as either)."""
    return "RETAIL" if fmt in RETAIL else fmt


def load_corpus(root: Path) -> list[Sample]:
    """All images under ``root/<format>/`` that have a ``.txt`` expectation."""
    samples = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        fmt = FOLDER_FORMATS.get(folder.name, folder.name)
        for img in sorted(folder.iterdir()):
            txt = img.with_suffix(".txt")
            if img.suffix.lower() in IMAGE_EXTS and txt.exists():
                samples.append(Sample(img, folder.name, fmt, txt.read_bytes().decode("utf-8")))
    return samples


def score(sample: Sample, codes: list[DecodedCode]) -> tuple[bool, bool, bool]:
    """(read, false read, extra codes) for one image."""
    want = (family(sample.fmt), gtin_key(sample.fmt, sample.expected))
    got = [(family(c.format), gtin_key(c.format, c.text)) for c in codes]
    read = want in got
    false = (not read and sample.fmt in LINEAR_1D and any(f == want[0] for f, _ in got))
    extra = any(g != want for g in got)
    return read, false, extra


def run(samples: list[Sample], decoders: dict[str, object], failures: bool,
        repeat: int = 1) -> dict[str, dict[str, dict]]:
    """Decode every sample with every decoder; return per-decoder, per-format summaries.

    Decoders take turns on each image (so load changes hit all alike); with ``repeat`` > 1 the
    fastest wall and CPU time of the repeats are kept.
    """
    tallies: dict[str, dict[str, Tally]] = {name: {} for name in decoders}
    for s in samples:
        image = load_image(s.path)
        for name, dec in decoders.items():
            ms = cpu = float("inf")
            for _ in range(max(1, repeat)):
                c0, t0 = time.thread_time(), time.perf_counter()
                codes = dec.decode(image)  # type: ignore[attr-defined]
                ms = min(ms, (time.perf_counter() - t0) * 1000)
                cpu = min(cpu, (time.thread_time() - c0) * 1000)
            read, false, extra = score(s, codes)
            for key in (s.folder, "ALL"):
                t = tallies[name].setdefault(key, Tally())
                t.n += 1
                t.read += read
                t.false += false
                t.extra += extra
                t.ms.append(ms)
                t.cpu.append(cpu)
            if failures and (false or not read):
                tag = "FALSE" if false else "miss"
                print(f"{name:9s} {tag:5s} {s.folder}/{s.path.name} want={s.expected[:40]!r} "
                      f"got={[(c.format, c.text[:40]) for c in codes]}", file=sys.stderr)
    return {name: {k: t.row() for k, t in per.items()} for name, per in tallies.items()}


def summary(results: dict[str, dict[str, dict]]) -> dict[str, dict[str, float | int | None]]:
    """Overall numbers per decoder, with the CPU mean relative to zxing alone measured in the same run."""
    base = results.get("zxing", {}).get("ALL", {}).get("cpu_mean_ms")
    out: dict[str, dict[str, float | int | None]] = {}
    for name, per in results.items():
        r = per["ALL"]
        out[name] = {"read_pct": r["read_pct"], "mean_ms": r["mean_ms"], "p95_ms": r["p95_ms"],
                     "cpu_mean_ms": r["cpu_mean_ms"], "false_reads": r["false_reads"],
                     "cpu_vs_zxing": round(r["cpu_mean_ms"] / base, 2) if base else None}
    return out


def _load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:  # not available on this platform
        return -1.0


def print_table(results: dict[str, dict[str, dict]]) -> None:
    """Human-readable table."""
    print(f"{'decoder':9s} {'format':11s} {'n':>4s} {'read%':>6s} {'mean ms':>8s} {'p95 ms':>7s} "
          f"{'cpu ms':>7s} {'false':>5s} {'extra':>5s}")
    for name, per in results.items():
        for key in [*sorted(k for k in per if k != "ALL"), "ALL"]:
            r = per[key]
            print(f"{name:9s} {key:11s} {r['images']:4d} {r['read_pct']:6.1f} {r['mean_ms']:8.2f} "
                  f"{r['p95_ms']:7.2f} {r['cpu_mean_ms']:7.2f} {r['false_reads']:5d} {r['extra']:5d}")
        print()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--only", nargs="*", choices=["zxing", "zbar", "opencv", "combined"],
                    help="run only these decoders")
    ap.add_argument("--failures", action="store_true", help="list misses and false reads on stderr")
    ap.add_argument("--repeat", type=int, default=1, help="decode each image N times, keep the fastest time")
    args = ap.parse_args(argv)
    samples = load_corpus(args.corpus)
    if not samples:
        print(f"no labelled images under {args.corpus}", file=sys.stderr)
        return 2
    decoders: dict[str, object] = {"zxing": ZXingDecoder(), "zbar": ZBarDecoder(), "opencv": OpenCVDecoder(),
                                   "combined": BarcodeDecoder()}
    if args.only:
        decoders = {k: v for k, v in decoders.items() if k in args.only}
    load_start = _load_average()
    results = run(samples, decoders, args.failures, args.repeat)
    load = {"start": load_start, "end": _load_average()}
    summ = summary(results)
    if args.json:
        print(json.dumps({**results, "summary": summ, "load_average_1min": load}, indent=1))
    else:
        print_table(results)
        for name, r in summ.items():
            ratio = f"  = {r['cpu_vs_zxing']:.2f}x zxing alone" if r["cpu_vs_zxing"] is not None else ""
            print(f"{name:9s} read {r['read_pct']:5.1f} %  wall mean {r['mean_ms']:.2f} ms, "
                  f"p95 {r['p95_ms']:.2f} ms  cpu mean {r['cpu_mean_ms']:.2f} ms{ratio}  "
                  f"false reads {r['false_reads']}")
        print(f"load average (1 min): {load['start']} at start, {load['end']} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
