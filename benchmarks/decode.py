"""Benchmark the barcode decoders on a labelled corpus, with cross-validation over its source sets.

Usage: ``python benchmarks/decode.py CORPUS_DIR [--json] [--only NAME ...] [--failures] [--repeat N]
[--no-cv] [--min-sources N] [--exclude WORD ...]``

CORPUS_DIR holds ``<format>/<name>.<ext>`` images with the expected text in ``<name>.txt`` beside
each, and a MANIFEST.tsv naming each image's source repository and path. Decoders: ``zxing-cpp``
(the library alone, its default options), ``fast`` (our fast path: zxing-cpp without the rotated
and inverted passes, with our acceptance rules), ``zbar``, ``opencv`` and ``combined`` (our cascade).
Per format and overall: read rate, mean and p95 wall-clock time, mean CPU time of the decoding
thread (file loading is not timed), false reads and images with extra codes.

* read: the expected text is among the returned codes (UPC-A, UPC-E and EAN-13 of the same
  number count as equal);
* false read: a 1D code of the image's own format family was returned with a different value
  and the expected value was not returned;
* extra: some other code was returned besides / instead of the expected one.

Cross-validation (unless ``--no-cv``): a *source set* is one folder of one source repository
(``zxing/upca-2``: photos of a few products taken the same way). What is tuned on the corpus is which
retry stages the cascade runs and in which order, and :meth:`Explorer.select` chooses them from
training images only, greedily: each round adds the stage that reads the most training images still
unread per millisecond, if those reads span ``--min-sources`` source sets and it adds no false read.
Leave-one-source-out: each source set is decoded with the stages chosen on all the others, and
the *held-out-source rate* pools those reads. The *whole-corpus rate* is the shipped cascade
(``DEFAULT_STAGES``, which should be the stages chosen on all sources) on every image. What each
stage buys: the reads it gained when added, and the reads lost when only it is left out.

Timing on a shared machine: wall time includes waiting for a core, CPU time (``time.thread_time``)
does not, but still rises under load. Compare decoders measured in the same run: the summary gives
each decoder's CPU mean relative to zxing-cpp alone (and to the fast path), and the load average.
``--repeat N`` decodes each image N times and keeps the fastest time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import zxingcpp

from inspector.scanning.decode import (
    BarcodeDecoder,
    DecodedCode,
    OpenCVDecoder,
    ZBarDecoder,
    load_image,
)
from inspector.scanning.decoders.combined import DEFAULT_STAGES, CascadeRun
from inspector.scanning.decoders.frames import to_gray
from inspector.scanning.decoders.symbols import RETAIL, gtin_key, normalise_retail, zxing_format_name

FOLDER_FORMATS = {"ean13": "EAN13", "ean8": "EAN8", "upca": "UPCA", "upce": "UPCE", "code128": "Code128",
                  "code39": "Code39", "itf": "ITF", "qrcode": "QRCode", "datamatrix": "DataMatrix"}
LINEAR_1D = {"EAN13", "EAN8", "UPCA", "UPCE", "Code128", "Code39", "ITF"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}
MIN_SOURCES = 1  # source sets a stage's training gain must span (2: fewer stages, 89.4 % held out)


@dataclass
class Sample:
    """One corpus image with its expected result and its source set."""

    path: Path
    folder: str
    fmt: str
    expected: str
    source: str = ""


@dataclass
class Tally:
    """Counters for one decoder on one format."""

    n: int = 0
    read: int = 0
    false: int = 0
    extra: int = 0
    ms: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, read: bool, false: bool, extra: bool, ms: float, cpu: float) -> None:
        """Count one image."""
        self.n += 1
        self.read += read
        self.false += false
        self.extra += extra
        self.ms.append(ms)
        self.cpu.append(cpu)

    def row(self) -> dict[str, float | int]:
        """Summary numbers as a dict."""
        ms = sorted(self.ms) or [0.0]
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return {"images": self.n, "read": self.read, "read_pct": round(100 * self.read / max(self.n, 1), 1),
                "mean_ms": round(statistics.fmean(ms), 2), "p95_ms": round(p95, 2),
                "cpu_mean_ms": round(statistics.fmean(self.cpu or [0.0]), 2),
                "false_reads": self.false, "extra": self.extra}


class ZXingCppDefault:
    """zxing-cpp alone, as the library reads by default (all formats, rotated and inverted passes)."""

    def decode(self, image: np.ndarray) -> list[DecodedCode]:
        """Decode with ``zxingcpp.read_barcodes`` defaults (plain text mode, as ours)."""
        out = []
        for r in zxingcpp.read_barcodes(to_gray(image), text_mode=zxingcpp.TextMode.Plain):
            fmt, text = zxing_format_name(r.format.name), r.text.lstrip("\x1d")
            if fmt in RETAIL:
                fmt, text = normalise_retail(fmt, text)
            out.append(DecodedCode(fmt, text, (), "zxing-cpp"))
        return out


def family(fmt: str) -> str:
    """EAN/UPC formats are one family (same number may be printed as either)."""
    return "RETAIL" if fmt in RETAIL else fmt


def _sources(root: Path) -> dict[str, str]:
    """Image path (relative to ``root``) -> source set ``<repo owner>/<folder>`` from MANIFEST.tsv."""
    manifest = root / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {r["file"]: f"{r['source_repo'].split('/')[0]}/{r['source_path'].rsplit('/', 2)[-2]}"
            for r in rows}


def load_corpus(root: Path) -> list[Sample]:
    """All images under ``root/<format>/`` that have a ``.txt`` expectation."""
    sources = _sources(root)
    samples = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        fmt = FOLDER_FORMATS.get(folder.name, folder.name)
        for img in sorted(folder.iterdir()):
            txt = img.with_suffix(".txt")
            if img.suffix.lower() in IMAGE_EXTS and txt.exists():
                samples.append(Sample(img, folder.name, fmt, txt.read_bytes().decode("utf-8"),
                                      sources.get(f"{folder.name}/{img.name}", folder.name)))
    return samples


def score(sample: Sample, codes: list[DecodedCode]) -> tuple[bool, bool, bool]:
    """(read, false read, extra codes) for one image."""
    want = (family(sample.fmt), gtin_key(sample.fmt, sample.expected))
    got = [(family(c.format), gtin_key(c.format, c.text)) for c in codes]
    read = want in got
    false = (not read and sample.fmt in LINEAR_1D and any(f == want[0] for f, _ in got))
    extra = any(g != want for g in got)
    return read, false, extra


@dataclass
class Outcome:
    """One decoder's result on one image."""

    read: bool
    false: bool
    extra: bool
    ms: float
    cpu: float
    codes: list[DecodedCode]


def decode_timed(decoder: object, image: np.ndarray, sample: Sample, repeat: int = 1) -> Outcome:
    """Decode (``repeat`` times, keeping the fastest wall and CPU time) and score."""
    ms = cpu = float("inf")
    codes: list[DecodedCode] = []
    for _ in range(max(1, repeat)):
        c0, t0 = time.thread_time(), time.perf_counter()
        codes = decoder.decode(image)  # type: ignore[attr-defined]
        ms = min(ms, (time.perf_counter() - t0) * 1000)
        cpu = min(cpu, (time.thread_time() - c0) * 1000)
    return Outcome(*score(sample, codes), ms, cpu, codes)


def run(samples: list[Sample], decoders: dict[str, object], failures: bool,
        repeat: int = 1) -> tuple[dict[str, dict[str, dict]], dict[str, list[Outcome]]]:
    """Decode every sample with every decoder: per-decoder, per-format summaries and the outcomes.

    Decoders take turns on each image (so load changes hit all alike).
    """
    tallies: dict[str, dict[str, Tally]] = {name: {} for name in decoders}
    outcomes: dict[str, list[Outcome]] = {name: [] for name in decoders}
    for s in samples:
        image = load_image(s.path)
        for name, dec in decoders.items():
            o = decode_timed(dec, image, s, repeat)
            outcomes[name].append(o)
            for key in (s.folder, "ALL"):
                tallies[name].setdefault(key, Tally()).add(o.read, o.false, o.extra, o.ms, o.cpu)
            if failures and (o.false or not o.read):
                print(f"{name:9s} {'FALSE' if o.false else 'miss':5s} {s.folder}/{s.path.name} [{s.source}] "
                      f"want={s.expected[:40]!r} got={[(c.format, c.text[:40]) for c in o.codes]}",
                      file=sys.stderr)
    return {name: {k: t.row() for k, t in per.items()} for name, per in tallies.items()}, outcomes


# -- cross-validation over source sets ------------------------------------------------------------------

@dataclass
class State:
    """A cascade over one fast-path miss after some stages: the run and its score so far."""

    run: CascadeRun
    read: bool = False
    false: bool = False


class Explorer:
    """Cascade states of the fast-path misses after every explored stage sequence (shared by all folds).

    Images the fast path reads never reach a stage, so only its misses are explored. A sequence's
    states come from its prefix's by one more step (:meth:`CascadeRun.fork`), so every sequence costs
    one stage per image. ``cost`` is each stage's CPU time on a fresh crop set (locating included),
    the cost model for ordering stages.
    """

    def __init__(self, samples: list[Sample], images: list[np.ndarray], fast: list[Outcome],
                 exclude: tuple[str, ...] = ()) -> None:
        self.samples = samples
        self.misses = [i for i, o in enumerate(fast) if not o.codes]
        decoder = BarcodeDecoder()
        self.names = sorted(n for n in decoder.table if not any(word in n for word in exclude))
        self.states: dict[tuple[str, ...], dict[int, State]] = {
            (): {i: State(decoder.start(images[i])) for i in self.misses}}
        self.cost: dict[str, dict[int, float]] = {}
        for name in self.names:
            self.cost[name] = {}
            for i in self.misses:
                times = []
                for _ in range(3):  # the fastest of three: CPU time still rises under load
                    run = self.states[()][i].run.fork(share=False)
                    c0 = time.thread_time()
                    run.step(name)
                    times.append((time.thread_time() - c0) * 1000)
                self.cost[name][i] = min(times)

    def after(self, stages: tuple[str, ...]) -> dict[int, State]:
        """The states after running ``stages`` in order."""
        if stages not in self.states:
            prev = self.after(stages[:-1])
            out = {}
            for i, st in prev.items():
                if st.run.result:
                    out[i] = st
                    continue
                run = st.run.fork()
                run.step(stages[-1])
                read, false, _ = score(self.samples[i], run.result)
                out[i] = State(run, read, false)
            self.states[stages] = out
        return self.states[stages]

    def select(self, train: Callable[[int], bool], min_sources: int = MIN_SOURCES
               ) -> tuple[tuple[str, ...], list[int]]:
        """Greedy forward selection on training images: (stages in order, images each one gained).

        Each round adds the stage that gains the most training reads per millisecond it spends on
        the training images still unread, among stages whose gain spans ``min_sources`` source sets
        and that add no false read on a training image; it stops when no stage qualifies.
        """
        chosen: tuple[str, ...] = ()
        gains: list[int] = []
        while True:
            current = self.after(chosen)
            best: tuple[float, str, int] | None = None
            for name in self.names:
                if name in chosen:
                    continue
                nxt = self.after((*chosen, name))
                gained = [i for i in self.misses if train(i) and nxt[i].read and not current[i].read]
                if len({self.samples[i].source for i in gained}) < min_sources or any(
                        train(i) and nxt[i].false and not current[i].false for i in self.misses):
                    continue
                ms = sum(self.cost[name][i] for i in self.misses if train(i) and not current[i].run.result)
                value = len(gained) / max(ms, 1e-3)
                if best is None or value > best[0]:
                    best = (value, name, len(gained))
            if best is None:
                return chosen, gains
            chosen, gains = (*chosen, best[1]), [*gains, best[2]]


def _per_symbology(samples: list[Sample], reads: Iterable[bool]) -> dict[str, str]:
    per: dict[str, list[int]] = {}
    for s, ok in zip(samples, reads, strict=True):
        per.setdefault(s.folder, [0, 0])
        per[s.folder][0] += ok
        per[s.folder][1] += 1
    return {k: f"{r}/{n} = {100 * r / n:.1f} %" for k, (r, n) in sorted(per.items())}


def cross_validate(samples: list[Sample], images: list[np.ndarray], fast: list[Outcome],
                   shipped: list[Outcome], min_sources: int = MIN_SOURCES, failures: bool = False,
                   exclude: tuple[str, ...] = ()) -> dict:
    """Leave-one-source-out held-out rate, the stages chosen on all sources, and the ablation."""
    ex = Explorer(samples, images, fast, exclude)
    everything, gains = ex.select(lambda i: True, min_sources)
    held = [o.read for o in fast]
    held_false = 0
    choices: dict[tuple[str, ...], list[str]] = {}
    for src in sorted({s.source for s in samples}):
        stages, _ = ex.select(lambda i, src=src: samples[i].source != src, min_sources)
        choices.setdefault(stages, []).append(src)
        for i, st in ex.after(stages).items():
            if samples[i].source == src:
                held[i], held_false = st.read, held_false + st.false
    if failures:
        for i, ok in enumerate(held):
            if not ok:
                print(f"held-out miss {samples[i].folder}/{samples[i].path.name} [{samples[i].source}]"
                      f"{' (read by the shipped cascade)' if shipped[i].read else ''}", file=sys.stderr)
    chosen_reads = sum(o.read for o in fast) + sum(st.read for st in ex.after(everything).values())
    ablation = {}
    for k, name in enumerate(everything):
        without = ex.after(tuple(n for n in everything if n != name))
        lost = chosen_reads - sum(o.read for o in fast) - sum(st.read for st in without.values())
        ablation[name] = {"gained_when_added": gains[k], "lost_without": lost,
                          "cpu_ms_per_image_reaching_it": round(statistics.fmean(ex.cost[name].values()), 2)}
    return {
        "held_out_read": sum(held), "held_out_pct": round(100 * sum(held) / len(samples), 1),
        "held_out_false_reads": held_false, "held_out_per_symbology": _per_symbology(samples, held),
        "whole_read": sum(o.read for o in shipped),
        "whole_pct": round(100 * sum(o.read for o in shipped) / len(samples), 1),
        "whole_false_reads": sum(o.false for o in shipped),
        "whole_per_symbology": _per_symbology(samples, [o.read for o in shipped]),
        "fast_path_read": sum(o.read for o in fast), "chosen_read": chosen_reads,
        "stages_chosen_on_all": list(everything), "matches_default": set(everything) == set(DEFAULT_STAGES),
        "same_order_as_default": everything == tuple(DEFAULT_STAGES),
        "stage_lists_per_held_out_source": {", ".join(k) or "(none)": v for k, v in choices.items()},
        "ablation": ablation,
    }


# -- output ---------------------------------------------------------------------------------------------

def summary(results: dict[str, dict[str, dict]]) -> dict[str, dict[str, float | int | None]]:
    """Overall numbers per decoder, with CPU means relative to zxing-cpp alone and to our fast path."""
    out: dict[str, dict[str, float | int | None]] = {}
    for name, per in results.items():
        r = per["ALL"]
        out[name] = {"read_pct": r["read_pct"], "mean_ms": r["mean_ms"], "p95_ms": r["p95_ms"],
                     "cpu_mean_ms": r["cpu_mean_ms"], "false_reads": r["false_reads"]}
        for ref in ("zxing-cpp", "fast"):
            base = results.get(ref, {}).get("ALL", {}).get("cpu_mean_ms")
            out[name][f"cpu_vs_{ref}"] = round(r["cpu_mean_ms"] / base, 2) if base else None
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


def print_cv(cv: dict) -> None:
    """Human-readable cross-validation result."""
    print(f"held-out-source rate {cv['held_out_pct']:.1f} % ({cv['held_out_read']} read, "
          f"{cv['held_out_false_reads']} false)   whole-corpus rate {cv['whole_pct']:.1f} % "
          f"({cv['whole_read']} read, {cv['whole_false_reads']} false)")
    for key in cv["whole_per_symbology"]:
        print(f"  {key:11s} held-out {cv['held_out_per_symbology'][key]:>18s}   "
              f"whole {cv['whole_per_symbology'][key]:>18s}")
    same = ("" if cv["same_order_as_default"] else " - the order differs from DEFAULT_STAGES"
            if cv["matches_default"] else " - DIFFERENT FROM DEFAULT_STAGES")
    print(f"what each stage buys (chosen on all sources, in cascade order{same}); the fast path alone reads "
          f"{cv['fast_path_read']}, all chosen stages {cv['chosen_read']}:")
    print("  stage                        gained when added   lost without it   cpu ms where reached")
    for name, a in cv["ablation"].items():
        print(f"  {name:28s} {a['gained_when_added']:17d} {a['lost_without']:17d} "
              f"{a['cpu_ms_per_image_reaching_it']:22.2f}")
    for stages, held in cv["stage_lists_per_held_out_source"].items():
        if stages != ", ".join(cv["stages_chosen_on_all"]):
            print(f"  without {', '.join(held)}: {stages}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--only", nargs="*", choices=["zxing-cpp", "fast", "zbar", "opencv", "combined"],
                    help="run only these decoders (the cross-validation needs fast and combined)")
    ap.add_argument("--failures", action="store_true", help="list misses and false reads on stderr")
    ap.add_argument("--repeat", type=int, default=1, help="decode each image N times, keep the fastest time")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation over source sets")
    ap.add_argument("--min-sources", type=int, default=MIN_SOURCES,
                    help="source sets a stage's gain must span to be chosen (default %(default)s)")
    ap.add_argument("--exclude", nargs="*", default=[], metavar="WORD",
                    help="leave stages whose names contain WORD out of the candidates (e.g. deskew)")
    args = ap.parse_args(argv)
    samples = load_corpus(args.corpus)
    if not samples:
        print(f"no labelled images under {args.corpus}", file=sys.stderr)
        return 2
    decoders: dict[str, object] = {
        "zxing-cpp": ZXingCppDefault(), "fast": BarcodeDecoder(escalate=False), "zbar": ZBarDecoder(),
        "opencv": OpenCVDecoder(), "combined": BarcodeDecoder()}
    if args.only:
        decoders = {k: v for k, v in decoders.items() if k in args.only}
    load_start = _load_average()
    results, outcomes = run(samples, decoders, args.failures, args.repeat)
    cv = None
    if not args.no_cv and {"fast", "combined"} <= set(decoders):
        images = [to_gray(load_image(s.path)) for s in samples]
        cv = cross_validate(samples, images, outcomes["fast"], outcomes["combined"], args.min_sources,
                            args.failures, tuple(args.exclude))
    load = {"start": load_start, "end": _load_average()}
    summ = summary(results)
    if args.json:
        print(json.dumps({**results, "summary": summ, "cross_validation": cv, "load_average_1min": load},
                         indent=1))
        return 0
    print_table(results)
    for name, r in summ.items():
        ratios = ", ".join(f"{r[f'cpu_vs_{ref}']:.2f}x {ref}" for ref in ("zxing-cpp", "fast")
                           if r[f"cpu_vs_{ref}"] is not None)
        print(f"{name:9s} read {r['read_pct']:5.1f} %  wall mean {r['mean_ms']:.2f} ms, "
              f"p95 {r['p95_ms']:.2f} ms  cpu mean {r['cpu_mean_ms']:.2f} ms = {ratios}  "
              f"false reads {r['false_reads']}")
    if cv is not None:
        print()
        print_cv(cv)
    print(f"load average (1 min): {load['start']} at start, {load['end']} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
