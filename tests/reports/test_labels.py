"""Item labels: LPNs, PDFs whose barcode scans, ZPL, and sending ZPL to a printer."""

from __future__ import annotations

import io
import re
import socket
import subprocess
import threading
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from inspector.reports.labels import (
    STOCKS,
    LabelData,
    LabelPrinterError,
    lpn_check_character,
    lpn_valid,
    make_lpn,
    render_label_pdf,
    render_label_zpl,
    send_zpl,
)
from tests.assets import need_tool

DATA = LabelData(
    lpn=make_lpn("ST-01", 4711), grade="refurbish", destination="RFB-ELEC", rma="RMA-2026-004211",
    sku="PHN-X-128-BLK", product_name="Smartphone X 128 GB, black", station="ST-01",
    inspected_at=datetime(2026, 5, 12, 14, 3),
)


# --- LPN ------------------------------------------------------------------------------------------------

def test_lpn_is_deterministic_and_carries_station_and_sequence() -> None:
    assert make_lpn("ST-01", 4711) == make_lpn("st01", 4711)
    assert make_lpn("ST-01", 4711).startswith("LPNST010004711")
    assert len(make_lpn("ST-01", 9_999_999)) == 15


def test_lpns_are_unique_across_stations_and_counters() -> None:
    lpns = {make_lpn(station, n) for station in ("ST-01", "ST-02", "ST-1", "AMS1") for n in range(1, 2001)}
    assert len(lpns) == 4 * 2000
    # The fixed-width sequence keeps "ST-1" #10 apart from "ST-10" #... (no shared prefix ambiguity).
    assert make_lpn("ST-1", 10) != make_lpn("ST-10", 1)


def test_check_character_catches_typos_and_swaps() -> None:
    lpn = make_lpn("ST-01", 4711)
    assert lpn_valid(lpn)
    body = lpn[:-1]
    for i in range(3, len(body)):
        for replacement in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            if replacement != body[i]:
                changed = body[:i] + replacement + body[i + 1:] + lpn[-1]
                assert not lpn_valid(changed), changed
        if i + 1 < len(body) and body[i] != body[i + 1]:
            swapped = body[:i] + body[i + 1] + body[i] + body[i + 2:] + lpn[-1]
            assert not lpn_valid(swapped), swapped
    assert lpn_check_character("LPNST010004711") == lpn[-1]
    assert not lpn_valid("LPN" + lpn[3:].lower())


def test_make_lpn_refuses_bad_input() -> None:
    with pytest.raises(ValueError):
        make_lpn("ST-01", 0)
    with pytest.raises(ValueError):
        make_lpn("ST-01", 10_000_000)
    with pytest.raises(ValueError):
        make_lpn("--", 1)


# --- PDF ------------------------------------------------------------------------------------------------

def _pdf(stock: str) -> bytes:
    buffer = io.BytesIO()
    render_label_pdf(DATA, stock, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("stock", "size"), [("62x29mm", (175.748, 82.205)), ("4x6in", (288, 432))])
def test_pdf_page_has_the_label_stock_size(stock: str, size: tuple[float, float]) -> None:
    pdf = _pdf(stock)
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", pdf)
    assert len(boxes) == 1
    x0, y0, x1, y1 = (float(v) for v in boxes[0].split())
    assert (x0, y0) == (0, 0)
    assert (x1, y1) == pytest.approx(size, abs=0.01)
    assert STOCKS[stock] == pytest.approx(size, abs=0.01)


def test_pdf_can_be_written_to_a_path(tmp_path: Path) -> None:
    path = tmp_path / "label.pdf"
    render_label_pdf(DATA, "62x29mm", str(path))
    assert path.read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match="unknown label stock"):
        render_label_pdf(DATA, "A4", io.BytesIO())


@pytest.mark.parametrize("stock", ["62x29mm", "4x6in"])
def test_pdf_barcode_scans_back_to_the_lpn(tmp_path: Path, stock: str) -> None:
    pdftoppm = need_tool("pdftoppm", "poppler-utils")
    pdf = tmp_path / "label.pdf"
    pdf.write_bytes(_pdf(stock))
    command = [pdftoppm, "-png", "-r", "150", str(pdf), str(tmp_path / "page")]
    subprocess.run(command, check=True, timeout=60)
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        results = zxingcpp.read_barcodes(image)
    assert [(r.text, r.format) for r in results] == [(DATA.lpn, zxingcpp.BarcodeFormat.Code128)]


# --- ZPL ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("stock", "width", "height"), [("62x29mm", 496, 232), ("4x6in", 812, 1218)])
def test_zpl_has_the_stock_size_in_dots_and_the_lpn_as_code128(stock: str, width: int, height: int) -> None:
    zpl = render_label_zpl(DATA, stock)
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert f"^PW{width}" in zpl and f"^LL{height}" in zpl
    barcode = re.search(r"\^FO(\d+),\d+\^BY(\d+),[\d.]+,\d+\^BC[^\^]*\^FD([^\^]+)\^FS", zpl)
    assert barcode is not None and barcode.group(3) == DATA.lpn
    left, module = int(barcode.group(1)), int(barcode.group(2))
    assert left >= 10 * module  # a quiet zone of at least ten modules
    assert "REFURBISH" in zpl and "RFB-ELEC" in zpl and DATA.rma in zpl and DATA.sku in zpl


def test_zpl_escapes_control_characters_in_field_data() -> None:
    data = LabelData(DATA.lpn, "restock", "A-12", "RMA^1", "SKU~2_3", "Mug ^XZ")
    zpl = render_label_zpl(data, "4x6in")
    assert "RMA_5E1" in zpl and "SKU_7E2_5F3" in zpl and "Mug _5EXZ" in zpl
    assert zpl.count("^XZ") == 1


def _receiver() -> tuple[socket.socket, list[bytes], threading.Thread]:
    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(4096):
                received.append(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, received, thread


def test_send_zpl_delivers_the_label_to_the_printer_port() -> None:
    server, received, thread = _receiver()
    with server:
        zpl = render_label_zpl(DATA, "62x29mm")
        send_zpl("127.0.0.1", server.getsockname()[1], zpl, timeout=5)
        thread.join(timeout=5)
    assert b"".join(received).decode("utf-8") == zpl
    assert DATA.lpn in zpl


def test_unreachable_printer_raises_a_plain_error() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(LabelPrinterError, match=rf"127\.0\.0\.1:{port} refused the connection"):
        send_zpl("127.0.0.1", port, "^XA^XZ", timeout=2)


def test_printer_timeout_raises_a_plain_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> socket.socket:
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", slow)
    with pytest.raises(LabelPrinterError, match="did not answer within 5 s"):
        send_zpl("192.0.2.10", 9100, "^XA^XZ")
