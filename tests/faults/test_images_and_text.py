"""Scans and images (issue 13, §3): a decompression bomb is refused before decoding, in little memory;
Unicode digits in codes are read as digits; ``--json`` output is valid UTF-8 whatever the arguments.

A 173 KB PNG of 30000 x 30000 pixels made ``decode`` use 4.7 GB and 56 s; Arabic-Indic digits in an
RMA gave "RMA check digit is wrong"; a non-UTF-8 byte in an argument reached the JSON output raw.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from inspector.image_limits import MAX_DECODE_PIXELS, MAX_PHOTO_PIXELS
from inspector.scanning.decode import DecodeError, load_image
from inspector.scanning.identify import identify
from inspector.services.photo_store import PhotoError

REPO = Path(__file__).resolve().parents[2]
RMA = "RMA12345674"  # a valid RMA number (Luhn)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def png_bomb(path: Path, width: int = 30_000, height: int = 30_000) -> Path:
    """A valid all-white 1-bit PNG: a file of about 170 KB that decodes to width x height pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    packer = zlib.compressobj(6)
    blocks = [packer.compress(row * 1000) for _ in range(height // 1000)]
    body = b"".join(blocks) + packer.compress(row * (height % 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunks)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return png_bomb(tmp_path_factory.mktemp("bomb") / "bomb.png")


def _measured(*args: str | bytes) -> tuple[subprocess.CompletedProcess[bytes], int]:
    """Run ``python -m inspector ARGS`` under a small parent that reports the child's peak RSS (bytes)."""
    pytest.importorskip("resource")
    parent = ("import resource, subprocess, sys\n"
              "done = subprocess.run(sys.argv[1:])\n"
              "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
              "sys.stderr.write(f'\\nPEAK {peak * (1 if sys.platform == \"darwin\" else 1024)}\\n')\n"
              "sys.exit(done.returncode)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", parent, sys.executable, "-m", "inspector", *args],
                         capture_output=True, env=env, cwd=REPO, timeout=120)
    peak = int(run.stderr.rsplit(b"PEAK ", 1)[1])
    return run, peak


def test_a_decompression_bomb_is_refused_before_decoding(bomb: Path) -> None:
    assert bomb.stat().st_size < 300_000
    run, peak = _measured("decode", "--json", str(bomb))
    assert run.returncode == 1, run.stderr
    line = json.loads(run.stdout.decode("utf-8"))
    assert "900 megapixels" in line["error"] and "over 25 megapixels are refused" in line["error"], line
    assert b"Traceback" not in run.stderr
    assert peak < 500 * 2**20, f"peak RSS {peak / 2**20:.0f} MB"


def test_load_image_refuses_over_the_documented_limit(tmp_path: Path) -> None:
    side = int(MAX_DECODE_PIXELS ** 0.5) + 1
    with pytest.raises(DecodeError, match="megapixels"):
        load_image(png_bomb(tmp_path / "just-over.png", side, side))


def test_the_photo_store_refuses_a_bomb_and_writes_nothing(services, bomb: Path) -> None:  # type: ignore[no-untyped-def]
    assert MAX_PHOTO_PIXELS < 30_000 * 30_000
    with pytest.raises(PhotoError, match="900 megapixels"):
        services.photos.store(bomb.read_bytes())
    assert not [p for p in services.paths.photos.rglob("*") if p.is_file()]


def test_arabic_indic_and_fullwidth_digits_are_read_as_digits() -> None:
    plain = identify(RMA)
    for typed in (RMA.translate(ARABIC_INDIC), "ＲＭＡ１２３４５６７４", "rma ١٢٣٤-٥٦٧٤"):
        found = identify(typed)
        assert (found.kind, found.valid, found.normalized) == (plain.kind, True, RMA), typed
        assert found.input == typed


@pytest.mark.skipif(sys.platform == "win32", reason="arguments are UTF-16 on Windows")
def test_output_is_valid_utf8_with_non_utf8_bytes_in_arguments(tmp_path: Path) -> None:
    missing = bytes(tmp_path) + b"/missing-\xe9.png"
    # "": standard output passes escaped bytes through (surrogateescape); "utf-8": it is strict.
    identify_args = [b"identify", b"--json", b"RMA\xff\xfe12", RMA.translate(ARABIC_INDIC).encode()]
    for io_encoding, args in (("", identify_args), ("utf-8", [b"decode", b"--json", missing]),
                              ("utf-8", [b"decode", missing])):
        env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": io_encoding}
        run = subprocess.run([sys.executable.encode(), b"-m", b"inspector", *args], capture_output=True,
                             env=env, cwd=REPO, timeout=60)
        assert b"Traceback" not in run.stderr and run.stdout, run.stderr
        if b"--json" in args:  # (a human line may give a file name's own bytes back, as ls does)
            lines = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]  # strict UTF-8
            assert lines and all("\ufffd" in json.dumps(line, ensure_ascii=False) or line.get("valid")
                                 for line in lines), lines
