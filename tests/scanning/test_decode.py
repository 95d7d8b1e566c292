"""Tests for the Qt-free barcode decoder (inspector.scanning.decode)."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from inspector.scanning.cli_decode import run_decode
from inspector.scanning.decode import (
    BarcodeDecoder,
    DecodedCode,
    DecodeError,
    FrameConsensus,
    OpenCVDecoder,
    ZBarDecoder,
    ZXingDecoder,
    decode_file,
    load_image,
)
from inspector.scanning.decoders.frames import Frame, bar_direction, deskewed
from inspector.scanning.decoders.locate import BarLocator, barcode_regions, scan_direction
from inspector.scanning.decoders.symbols import gtin_key, normalise_retail, upca_to_upce, upce_to_upca
from tests.assets import need_file

CORPUS = Path(os.environ.get("INSPECTOR_BARCODE_CORPUS")
              or Path(__file__).parents[2].parent / "shared" / "data" / "barcodes")


def _render(fmt: str, text: str, scale: int = 3) -> np.ndarray:
    """A clean synthetic barcode image with a white border."""
    img = zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt)),
                                          scale=scale)
    arr = np.array(img, dtype=np.uint8)
    if arr.ndim == 2 and arr.shape[0] < 20:  # 1D codes may render as a single row
        arr = np.repeat(arr, 60, axis=0)
    return cv2.copyMakeBorder(arr, 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255)


# -- synthetic images ------------------------------------------------------------------------------

def test_decodes_rendered_ean13_as_zxing_text_with_points() -> None:
    img = _render("EAN13", "4006381333931")
    codes = BarcodeDecoder().decode(img)
    assert [(c.format, c.text) for c in codes] == [("EAN13", "4006381333931")]
    assert len(codes[0].points) == 4
    xs = [p[0] for p in codes[0].points]
    assert 0 <= min(xs) < max(xs) <= img.shape[1]
    assert codes[0].symbology_id == "]E0"


def test_upca_reported_as_12_digits_and_bgr_input_accepted() -> None:
    bgr = cv2.cvtColor(_render("UPCA", "036000291452"), cv2.COLOR_GRAY2BGR)
    codes = BarcodeDecoder().decode(bgr)
    assert [(c.format, c.text) for c in codes] == [("UPCA", "036000291452")]


def test_qr_and_datamatrix_and_multiple_codes_in_one_image() -> None:
    qr = _render("QRCode", "https://example.com/return/42", scale=4)
    dm = _render("DataMatrix", "RMA-2024-0001", scale=5)
    h = max(qr.shape[0], dm.shape[0])
    pad = lambda a: cv2.copyMakeBorder(a, 0, h - a.shape[0], 0, 0, cv2.BORDER_CONSTANT, value=255)  # noqa: E731
    both = np.hstack([pad(qr), pad(dm)])
    found = {(c.format, c.text) for c in BarcodeDecoder().decode(both)}
    assert found == {("QRCode", "https://example.com/return/42"), ("DataMatrix", "RMA-2024-0001")}


def test_inverted_code_found_by_escalation() -> None:
    img = 255 - _render("Code128", "RET-0042-XY")
    assert ZXingDecoder().decode(img) == []  # the plain fast path does not read light-on-dark
    codes = BarcodeDecoder().decode(img)
    assert [(c.format, c.text) for c in codes] == [("Code128", "RET-0042-XY")]


def test_vertical_inverted_code_found_by_escalation() -> None:
    img = cv2.rotate(255 - _render("Code128", "RET-0042-XY"), cv2.ROTATE_90_CLOCKWISE)
    assert ZXingDecoder().decode(img) == []
    codes = BarcodeDecoder().decode(img)
    assert [(c.format, c.text) for c in codes] == [("Code128", "RET-0042-XY")]


def test_bar_direction_and_zbar_scan_directions() -> None:
    img = _render("EAN13", "4006381333931")
    assert bar_direction(img) > 1.5  # vertical bars: horizontal gradients dominate
    assert bar_direction(img.T.copy()) < 1 / 1.5
    assert 0.75 < bar_direction(_render("QRCode", "https://example.com/r/1", scale=4)) < 1.3
    frame = Frame(img, "gray")
    zb = ZBarDecoder()
    assert [c.text for c in zb.read(frame, rows=True, cols=False)] == ["4006381333931"]
    assert zb.read(frame, rows=False, cols=True) == []  # scanning along the bars finds nothing
    assert zb.read(frame, formats=frozenset({"QRCode"})) == []


def test_barcode_regions_box_the_code() -> None:
    canvas = np.full((500, 800), 200, np.uint8)
    code = _render("Code128", "RMA-2024-0001", scale=2)
    h, w = code.shape
    canvas[150:150 + h, 200:200 + w] = code
    (x0, y0), _, (x1, y1), _ = barcode_regions(canvas, limit=1)[0]
    # the box covers the bars (inside the code's 30 px white border), not the whole canvas
    assert 150 <= x0 <= 260 and 120 <= y0 <= 200 and 140 + w <= x1 <= 250 + w and 100 + h <= y1 <= 180 + h


def test_non_utf8_qr_payload_does_not_crash() -> None:
    code = zxingcpp.create_barcode(b"\x8d\xff\xfeRMA", zxingcpp.BarcodeFormat.QRCode)
    img = cv2.copyMakeBorder(np.array(zxingcpp.write_barcode_to_image(code, scale=4), dtype=np.uint8),
                             20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    for decoder in (BarcodeDecoder(), ZBarDecoder(), OpenCVDecoder()):
        codes = decoder.decode(img)
        assert all(isinstance(c.text, str) for c in codes)
    assert [c.text for c in BarcodeDecoder().decode(img)] == ["\x8d\xff\xfeRMA"]  # Latin-1 fallback


def test_formats_filter() -> None:
    img = _render("Code128", "ABC-123")
    assert BarcodeDecoder(formats={"QRCode"}).decode(img) == []
    assert BarcodeDecoder(formats={"Code128"}).decode(img)[0].text == "ABC-123"


def test_blank_image_gives_no_codes_and_bad_arrays_raise() -> None:
    assert BarcodeDecoder().decode(np.full((100, 100), 255, np.uint8)) == []
    with pytest.raises(ValueError):
        BarcodeDecoder().decode(np.zeros((0, 0), np.uint8))


def test_zbar_backend_normalises_upc() -> None:
    codes = ZBarDecoder().decode(_render("UPCA", "036000291452"))
    assert [(c.format, c.text, c.backend) for c in codes] == [("UPCA", "036000291452", "zbar")]


def test_gtin_helpers() -> None:
    assert upce_to_upca("04963406") == "049000006346"
    assert upca_to_upce("049000006346") == "04963406"
    assert normalise_retail("UPCE", "0049000006346") == ("UPCE", "04963406")
    assert normalise_retail("EAN13", "0036000291452") == ("UPCA", "036000291452")
    assert gtin_key("UPCE", "04963406") == gtin_key("EAN13", "0049000006346")


# -- files and CLI ---------------------------------------------------------------------------------

def test_decode_file_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20)
    text = tmp_path / "notes.jpg"
    text.write_text("this is not an image")
    for path, words in ((empty, "empty"), (corrupt, "not a readable image"), (text, "not a readable image"),
                        (tmp_path / "missing.png", "cannot read")):
        with pytest.raises(DecodeError, match=words):
            decode_file(path)
    assert issubclass(DecodeError, ValueError)


def test_decode_file_reads_png(tmp_path: Path) -> None:
    path = tmp_path / "code.png"
    cv2.imwrite(str(path), _render("Code39", "RMA42"))
    assert [(c.format, c.text) for c in decode_file(path)] == [("Code39", "RMA42")]


def test_run_decode_json_lines_with_error_line(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    cv2.imwrite(str(good), _render("QRCode", "héllo", scale=4))
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    out = io.StringIO()
    status = run_decode([str(good), str(bad)], as_json=True, out=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 1
    assert lines[0]["file"] == str(good) and lines[0]["ms"] >= 0
    assert lines[0]["codes"][0]["format"] == "QRCode" and lines[0]["codes"][0]["text"] == "héllo"
    assert len(lines[0]["codes"][0]["points"]) == 4
    assert lines[1]["file"] == str(bad) and "not a readable image" in lines[1]["error"]


def test_run_decode_human_and_exit_zero(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    cv2.imwrite(str(good), _render("EAN8", "96385074"))
    out = io.StringIO()
    assert run_decode([str(good)], as_json=False, out=out) == 0
    assert "EAN8" in out.getvalue() and "96385074" in out.getvalue()


# -- frame consensus -------------------------------------------------------------------------------

def _code(text: str, fmt: str = "EAN13", backend: str = "zxing") -> DecodedCode:
    return DecodedCode(fmt, text, ((0, 0), (1, 0), (1, 1), (0, 1)), backend)


def test_consensus_needs_n_of_k_frames_for_single_backend_1d() -> None:
    fc = FrameConsensus(n=2, k=3)
    a = _code("4006381333931")
    assert fc.feed([a]) == []
    assert fc.feed([]) == []
    assert fc.feed([a]) == [a]  # 2 of the last 3
    assert fc.feed([a]) == []  # reported once while it stays in view


def test_consensus_forgets_old_frames_and_rejects_flicker() -> None:
    fc = FrameConsensus(n=2, k=2)
    assert fc.feed([_code("4006381333931")]) == []
    assert fc.feed([_code("4006381333948")]) == []  # a different (mis)read does not add up
    assert fc.feed([]) == []
    assert fc.feed([_code("4006381333931")]) == []  # first sighting fell out of the window


def test_consensus_accepts_agreement_and_2d_immediately() -> None:
    fc = FrameConsensus()
    both = _code("4006381333931", backend="zxing+zbar")
    qr = _code("https://x", fmt="QRCode")
    assert fc.feed([both, qr]) == [both, qr]
    with pytest.raises(ValueError):
        FrameConsensus(n=3, k=2)


# -- general remedies on synthetic images ----------------------------------------------------------

def _rotated(img: np.ndarray, degrees: float) -> np.ndarray:
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    size = (int(h * sin + w * cos), int(h * cos + w * sin))
    m[0, 2] += size[0] / 2 - w / 2
    m[1, 2] += size[1] / 2 - h / 2
    return cv2.warpAffine(img, m, size, flags=cv2.INTER_LINEAR, borderValue=255)


@pytest.mark.parametrize("degrees", [30, 45, 60, 75])
def test_tilted_ean13_read_by_the_retries(degrees: int) -> None:
    img = _rotated(_render("EAN13", "4006381333931", scale=2), degrees)
    assert BarcodeDecoder().decode_fast(img) == []  # the fast path scans rows: too steep for it
    codes = BarcodeDecoder().decode(img)
    assert [(c.format, c.text) for c in codes] == [("EAN13", "4006381333931")]
    xs, ys = zip(*codes[0].points, strict=True)
    assert 0 <= min(xs) <= max(xs) <= img.shape[1] and 0 <= min(ys) <= max(ys) <= img.shape[0]


def test_uneven_light_and_noise_read_by_the_retries() -> None:
    img = _render("EAN13", "4006381333931", scale=2).astype(np.float32)
    img *= np.linspace(0.3, 1.0, img.shape[1])[None, :]  # a shadow over the left half
    img += np.random.default_rng(7).normal(0, 25, img.shape)
    img = np.clip(img, 0, 255).astype(np.uint8)
    assert BarcodeDecoder().decode_fast(img) == []
    assert [(c.format, c.text) for c in BarcodeDecoder().decode(img)] == [("EAN13", "4006381333931")]


@pytest.mark.parametrize("degrees", [0, 20, 70, 110, 160])
def test_locator_finds_the_bars_direction_and_deskews(degrees: int) -> None:
    img = _rotated(_render("UPCA", "036000291452", scale=2), degrees)
    quads = BarLocator().quads(img)
    assert quads, "OpenCV's 1D detector found nothing"
    scan = scan_direction(img, quads[0])
    angle = np.degrees(np.arctan2(-scan[1], scan[0])) % 180  # image y points down: counter-clockwise
    assert min(abs(angle - degrees % 180), 180 - abs(angle - degrees % 180)) < 4
    crop = deskewed(img, quads[0], scan, length=300)
    assert crop is not None and bar_direction(crop.image) > 3  # the bars stand upright now
    assert [c.text for c in ZBarDecoder().read(crop, rows=True, cols=False)] == ["036000291452"]
    # the crop's corners map back onto the located barcode in the input image
    h, w = crop.image.shape
    corners = np.array(crop.to_input([(0, 0), (w, 0), (w, h), (0, h)]), np.float32)
    centre = quads[0].mean(axis=0)
    assert np.linalg.norm(corners.mean(axis=0) - centre) < 3


def test_fast_path_full_cascade_and_stage_choice() -> None:
    img = 255 - _render("Code128", "RET-0042-XY")
    decoder = BarcodeDecoder()
    assert decoder.decode_fast(img) == [] and decoder.last_stage == ""
    assert [c.text for c in decoder.decode_full(img)] == ["RET-0042-XY"] and decoder.last_stage != ""
    assert BarcodeDecoder(stages=()).decode(img) == []  # no retries: the fast path only
    assert [c.text for c in BarcodeDecoder(stages=["image-zxing-inverted"]).decode(img)] == ["RET-0042-XY"]
    with pytest.raises(ValueError, match="unknown decoder stages"):
        BarcodeDecoder(stages=["no-such-stage"])


def test_forked_cascade_runs_do_not_share_their_reads() -> None:
    img = 255 - _render("Code128", "RET-0042-XY")
    run = BarcodeDecoder().start(img)
    other = run.fork()
    assert other.step("image-zxing-inverted")
    assert run.result == [] and not run.step("region-zbar-2d")  # the original saw none of it


# -- the corpus ------------------------------------------------------------------------------------

def _bench():  # type: ignore[no-untyped-def]
    """The benchmark's corpus loader and scoring rules (benchmarks/decode.py)."""
    need_file(CORPUS / "MANIFEST.tsv", "barcode corpus (set INSPECTOR_BARCODE_CORPUS)")
    spec = importlib.util.spec_from_file_location(
        "inspector_benchmarks_decode", Path(__file__).parents[2] / "benchmarks" / "decode.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses need their module registered
    spec.loader.exec_module(bench)
    return bench


# Real photos the fast path cannot read, one or two per kind of difficulty; the misread traps are
# images where zxing-cpp or zbar alone return a wrong number.
KINDS = [
    ("ean13/zx_ean13-2_17.png", "perspective and shadow"),
    ("upca/zx_upca-5_06.png", "uneven light, low contrast"),
    ("upca/zx_upca-3_03.png", "glare on a reflective can (light bars: inversion)"),
    ("upca/zx_upca-4_1.png", "small modules (1.2 px) and a misread trap for both backends"),
    ("upce/zx_upce-2_14.png", "small UPC-E, misread trap for zxing"),
    ("ean13/zx_ean13-2_24.png", "small EAN-13 in a large photo, misread trap for zxing"),
    ("qrcode/zx_qrcode-2_12.png", "noisy high-resolution QR (read at half size)"),
    ("datamatrix/zxcpp_datamatrix-5_issue794-3-2.webp", "odd Data Matrix (upsampled, binarised)"),
]


@pytest.mark.parametrize(("name", "kind"), KINDS, ids=[k for k, _ in KINDS])
def test_corpus_photo_read_by_kind(name: str, kind: str) -> None:
    bench = _bench()
    sample = next(s for s in bench.load_corpus(CORPUS) if f"{s.folder}/{s.path.name}" == name)
    image = load_image(sample.path)
    decoder = BarcodeDecoder()
    assert not bench.score(sample, decoder.decode_fast(image))[0], f"the fast path reads {kind}"
    read, false, _ = bench.score(sample, decoder.decode(image))
    assert (read, false) == (True, False), f"{kind}: not read by the cascade"


@pytest.mark.slow
def test_corpus_no_false_1d_read_and_retries_only_add() -> None:
    bench = _bench()
    samples = bench.load_corpus(CORPUS)
    assert len(samples) > 100
    decoder = BarcodeDecoder()
    false, lost, gained = [], [], {"ean13": 0, "upca": 0}
    for s in samples:
        image = load_image(s.path)
        fast, _, _ = bench.score(s, decoder.decode_fast(image))
        read, bad, _ = bench.score(s, decoder.decode(image))
        if bad:
            false.append(s.path.name)
        if fast and not read:
            lost.append(s.path.name)
        if read and not fast and s.folder in gained:
            gained[s.folder] += 1
    assert false == []
    assert lost == []  # the retries run only when the fast path accepts nothing
    assert all(gained.values()), f"the retries read no EAN-13 or no UPC-A photo: {gained}"
