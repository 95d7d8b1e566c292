"""Photo capture speed: a 12-megapixel camera frame stored (atomically, by SHA-256) with its thumbnail.

Usage: ``python benchmarks/photo.py [--runs N] [--json]``. Each run takes a different 4000x3000 BGR
frame (a real barcode photo scaled up, with noise so every frame is unique), encodes it as JPEG the
way the camera panel does (cv2.imencode, quality 92) and stores it through
:meth:`inspector.services.inspection.InspectionService.add_photo` (original, thumbnail, database row
and audit event), timing the whole path from frame to thumbnail on disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

from inspector.app import build_services
from inspector.models import Category, Channel, RefundChoice, Return, ReturnLine, ReturnReason

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "barcodes" / "ean13"


def _frames(runs: int) -> list[np.ndarray]:
    source = next(iter(sorted(CORPUS.glob("*.png"))), None) if CORPUS.exists() else None
    base = cv2.imread(str(source)) if source else np.full((600, 800, 3), 180, np.uint8)
    big = cv2.resize(base, (4000, 3000), interpolation=cv2.INTER_CUBIC)
    rng = np.random.default_rng(1)
    return [cv2.add(big, rng.integers(0, 12, big.shape, dtype=np.uint8)) for _ in range(runs)]


def main(argv: list[str] | None = None) -> int:
    """Store ``--runs`` 12 MP photos and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    frames = _frames(args.runs)
    with tempfile.TemporaryDirectory() as scratch:
        services = build_services(scratch)
        try:
            ret = Return(
                warehouse_id=services.station.warehouse_id,
                rma_number="RMA12345674",
                order_number="1",
                customer_name="A",
                customer_email="a@example.nl",
                postcode="1012AB",
                house_number="1",
                country="NL",
                channel=Channel.PORTAL,
                refund_choice=RefundChoice.REFUND,
            )
            ret.lines.append(
                ReturnLine(
                    line_no=1,
                    sku="S",
                    gtin="8712345678906",
                    product_name="P",
                    category=Category.APPAREL,
                    reason_code=ReturnReason.WRONG_SIZE,
                )
            )
            with services.database.session() as session:
                session.add(ret)
                session.flush()
                line_id = ret.lines[0].id
            state = services.inspections.start(
                return_id=ret.id, line_id=line_id, user_id=None, checklist_id="apparel", checklist_version=1
            )
            timings, encode, sizes = [], [], []
            for frame in frames:
                t0 = time.perf_counter()
                ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
                t1 = time.perf_counter()
                assert ok
                photo = services.inspections.add_photo(state.id, jpeg.tobytes(), "front", None)
                timings.append((time.perf_counter() - t0) * 1000)
                encode.append((t1 - t0) * 1000)
                sizes.append(len(jpeg))
                assert (services.paths.thumbnails / photo.thumbnail_path).exists()
        finally:
            services.close()
    report = {
        "megapixels": 12.0,
        "runs": len(timings),
        "mean_jpeg_mb": round(statistics.mean(sizes) / 1e6, 2),
        "encode_ms_mean": round(statistics.mean(encode), 1),
        "frame_to_thumbnail_ms_mean": round(statistics.mean(timings), 1),
        "frame_to_thumbnail_ms_max": round(max(timings), 1),
        "target_ms": 300,
    }
    print(json.dumps(report) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
