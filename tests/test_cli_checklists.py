"""Checklists and the warehouse's policy as configuration (issue 12 §4): a folder of templates is checked
(file, line, problem), previewed as the inspector sees it, used from the data directory, and each
inspection records which version (and exact text) it was made with; return window and refund policy are
warehouse settings."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from inspector.app import build_services
from inspector.cli import main
from inspector.models import AuditEvent, Category, Channel, RefundChoice, Return, ReturnLine, ReturnReason
from inspector.services.checklists import checklists_dir

SHIPPED = checklists_dir()


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def test_check_names_every_broken_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(SHIPPED / "apparel.toml", folder)
    text = (SHIPPED / "shoes.toml").read_text(encoding="utf-8")
    (folder / "shoes.toml").write_text(text.replace('type = "yes_no"', 'type = "maybe"', 1), encoding="utf-8")
    shutil.copy(SHIPPED / "apparel.toml", folder / "copy.toml")
    (folder / "syntax.toml").write_text('id = "x"\nversion = \n', encoding="utf-8")
    code, out = _run("checklists", "check", str(folder))
    assert code == 1
    maybe_line = next(n for n, line in enumerate((folder / "shoes.toml").read_text().splitlines(), 1)
                      if "maybe" in line)
    assert f"{folder / 'shoes.toml'}:{maybe_line}: unknown question type 'maybe'" in out
    assert f"{folder / 'syntax.toml'}:2: invalid TOML" in out
    assert "template id 'apparel' is also used by" in out
    assert f"ok: {folder / 'apparel.toml'} (apparel, version 2" in out
    code, out = _run("checklists", "check", str(SHIPPED))
    assert code == 0 and out.count("ok: ") == len(list(SHIPPED.glob("*.toml")))


def test_preview_as_the_inspector_sees_it(tmp_path: Path) -> None:
    code, out = _run("checklists", "preview", str(SHIPPED / "electronics.toml"), "--language", "nl",
                     "--png", str(tmp_path / "preview.png"))
    assert code == 0
    assert out.startswith("Elektronica  (electronics, versie ") and "Vragen" in out and "alleen als" in out
    with Image.open(tmp_path / "preview.png") as image:
        assert image.width == 900 and image.height > 600  # every question, conditional ones included


def test_a_warehouse_template_replaces_the_shipped_one_and_inspections_record_its_version(
        tmp_path: Path) -> None:
    data = tmp_path / "station"
    services = build_services(data)
    services.close()
    (data / "checklists").mkdir()
    text = (SHIPPED / "apparel.toml").read_text(encoding="utf-8").replace("version = 2", "version = 7", 1)
    (data / "checklists" / "apparel.toml").write_text(text, encoding="utf-8")
    services = build_services(data)
    try:
        template = services.templates["apparel"]
        assert template.version == 7 and len(template.digest) == 64
        ret = Return(warehouse_id=services.station.warehouse_id, rma_number="RMA12345674",
                     order_number="NL-1", customer_name="Jan", customer_email="jan@example.nl",
                     postcode="1012AB", house_number="1", country="NL", delivered_on=date(2026, 11, 1),
                     channel=Channel.PORTAL, refund_choice=RefundChoice.REFUND)
        ret.lines.append(ReturnLine(line_no=1, sku="TSH", gtin="8712345678906", product_name="T-shirt",
                                    category=Category.APPAREL, quantity=1, unit_price_cents=1995,
                                    reason_code=ReturnReason.WRONG_SIZE))
        with services.database.session() as session:
            session.add(ret)
            session.flush()
            line_id = ret.lines[0].id
        services.inspections.start(return_id=ret.id, line_id=line_id, user_id=None, checklist_id="apparel",
                                   checklist_version=template.version)
        with services.database.session() as session:
            query = select(AuditEvent).where(AuditEvent.action == "inspection_started")
            started = session.scalars(query).one()
            assert started.payload["checklist_version"] == 7
            assert started.payload["checklist_sha256"] == template.digest
    finally:
        services.close()
    code, out = _run("--data-dir", str(data), "checklists", "list")
    assert code == 0
    assert "apparel        version 7   data directory" in out and "apparel version 7: 1" in out


def test_return_window_and_refund_policy_are_warehouse_settings(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    data = str(tmp_path / "station")
    code, out = _run("--data-dir", data, "warehouse", "set", "--return-window", "14", "--restocking-fee", "5",
                     "--damage-deduction", "20")
    assert code == 0 and "return_window_days: 14" in out and "restocking_fee_bp: 500" in out
    services = build_services(data)
    try:
        assert services.station.return_window_days == 14
        from inspector.models import Warehouse
        from inspector.services.grading import RefundPolicy

        with services.database.session() as session:
            policy = RefundPolicy.of(session.get(Warehouse, services.station.warehouse_id))
        assert (policy.restocking_fee_bp, policy.damage_deduction_bp) == (500, 2000)
    finally:
        services.close()
    code, out = _run("--data-dir", data, "warehouse", "set", "--return-window", "-3")
    assert code == 1 and "0 to 3650" in out
    monkeypatch.setenv("INSPECTOR_CENTRAL_URL", "postgresql://st@db/central")
    code, out = _run("--data-dir", data, "warehouse", "set", "--return-window", "30")
    assert code == 1 and "inspector central warehouse" in out
