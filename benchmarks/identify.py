"""Carrier detection rate of ``identify()`` (and how often other codes are taken for tracking numbers).

Usage: ``python benchmarks/identify.py [--per-carrier N] [--seed S] [--json]``

* sample: the real tracking numbers of ``tracking_numbers_sample.tsv`` (shared data, else the copy in
  tests/scanning): identified as ``tracking`` with the listed courier, service and validity;
* generated: N random numbers per carrier of ``inspector.scanning.samples`` (the raw generator, before
  its own identify() check): identified as a valid tracking number of that carrier;
* product codes: N random EAN-13s, SSCCs and raw GS1 element strings (GTIN + expiry + batch, no AIM
  prefix): identified as ``gtin`` / ``sscc`` / ``gs1`` (a product code taken for a parcel is a miss).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from inspector.scanning.checkdigits import gs1_check_digit
from inspector.scanning.identify import identify
from inspector.scanning.samples import CARRIERS, _raw_tracking, make_gtin13, make_sscc

SAMPLES = [Path("/work/shared/data/identifiers/tracking_numbers_sample.tsv"),
           Path(__file__).parents[1] / "tests" / "scanning" / "tracking_numbers_sample.tsv"]


def sample_rate() -> tuple[int, int]:
    """(correct, total) over the sample TSV."""
    path = next(p for p in SAMPLES if p.exists())
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    good = 0
    for row in rows:
        r = identify(row["number"])
        top = r.candidates[0] if r.candidates else None
        good += (r.kind == "tracking" and top is not None and r.valid == (row["expected_valid"] == "true")
                 and (top.carrier, top.service) == (row["courier"], row["service"]))
    return good, len(rows)


def generated_rates(n: int, rng: random.Random) -> dict[str, tuple[int, int]]:
    """Per carrier: (identified as a valid tracking number of that carrier, total)."""
    out = {}
    for carrier in CARRIERS:
        good = 0
        for _ in range(n):
            r = identify(_raw_tracking(carrier, rng))
            good += r.kind == "tracking" and r.valid and r.candidates[0].carrier == carrier
        out[carrier] = (good, n)
    return out


def _raw_gs1(rng: random.Random) -> str:
    gtin = make_gtin13(rng).zfill(14)
    date = f"{rng.randint(20, 35):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return f"01{gtin}17{date}10{rng.randint(0, 10**6 - 1)}"


def product_rates(n: int, rng: random.Random) -> dict[str, tuple[int, int]]:
    """Per product-code kind: (identified as that kind and valid, total)."""
    kinds = {"gtin": lambda: make_gtin13(rng, prefix=str(rng.randint(30, 99))),
             "sscc": lambda: make_sscc(rng, company=str(rng.randint(10**8, 10**9 - 1))),
             "gs1": lambda: _raw_gs1(rng),
             "gs1-gtin-only": lambda: "01" + make_gtin13(rng).zfill(14)}
    out = {}
    for name, make in kinds.items():
        want = name.split("-")[0]
        good = sum(1 for _ in range(n) if (r := identify(make())).kind == want and r.valid)
        out[name] = (good, n)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the rates."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-carrier", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20240917)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    assert gs1_check_digit("590123412345") == "7"  # the generators rely on the GS1 check digit
    result = {"sample": sample_rate(), "generated": generated_rates(args.per_carrier, rng),
              "products": product_rates(args.per_carrier, rng)}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    good, total = result["sample"]
    print(f"sample tracking numbers: {good}/{total} identified with courier, service and validity")
    gen_good = sum(g for g, _ in result["generated"].values())
    gen_total = sum(t for _, t in result["generated"].values())
    print(f"generated tracking numbers: {gen_good}/{gen_total} = {100 * gen_good / gen_total:.2f} %")
    for carrier, (g, t) in result["generated"].items():
        print(f"  {carrier:8s} {g}/{t}")
    for name, (g, t) in result["products"].items():
        print(f"product codes {name:14s} {g}/{t} identified as such")
    return 0


if __name__ == "__main__":
    sys.exit(main())
