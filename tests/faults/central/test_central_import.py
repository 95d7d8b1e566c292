"""``inspector central import-returns`` is the station's import writing to central (issue 13, §2).

It used to read only JSON Lines with its own reader and no checks: a price of 9.95 became 0,
``wrong_size`` became ``other``, ``announced_at`` was replaced by the import time, postcodes were not
normalised, ``RMA123`` and a price "abc" were accepted and one broken line aborted the file.
"""

from __future__ import annotations

import argparse
import io
import uuid
from pathlib import Path

import psycopg
import pytest

from inspector.models.database import open_database
from inspector.models.organisation import Warehouse
from inspector.services.access import COMMAND_LINE
from inspector.services.returns_import import import_returns
from inspector.sync.cli import run_central

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


@pytest.fixture
def central(central_url: str) -> str:
    """The central database with the fixtures' warehouse (as a station of it would create it)."""
    with psycopg.connect(central_url) as conn:
        conn.execute(
            "INSERT INTO warehouses (id, code, name, time_zone) VALUES (%s, 'NL-TLB', 'Tilburg', "
            "'Europe/Amsterdam') ON CONFLICT DO NOTHING", (uuid.uuid4(),)
        )
    return central_url


def _import(central_url: str, path: Path) -> tuple[int, str]:
    out = io.StringIO()
    args = argparse.Namespace(central_command="import-returns", central=central_url, file=path,
                              warehouse=None)
    return run_central(args, out), out.getvalue()


def _central_return(central_url: str, rma: str) -> dict:  # type: ignore[type-arg]
    with psycopg.connect(central_url) as conn:
        conn.row_factory = psycopg.rows.dict_row
        ret = conn.execute("SELECT * FROM returns WHERE rma_number = %s", (rma,)).fetchone()
        assert ret is not None, rma
        ret["lines"] = conn.execute(
            "SELECT * FROM return_lines WHERE return_id = %s ORDER BY line_no", (ret["id"],)
        ).fetchall()
        return ret


def test_the_documented_csv_loses_nothing_centrally(central: str) -> None:
    status, out = _import(central, FIXTURES / "good.csv")
    assert status == 0, out
    ret = _central_return(central, "RMA25030016")
    assert ret["postcode"] == "1234AB" and ret["tracking_number"] == "3SABCD1234567"
    assert ret["announced_at"].isoformat() == "2025-03-10T08:15:00+00:00"
    assert ret["customer_email"] == "sanne.devries@example.nl"
    first, second = ret["lines"]
    assert (first["unit_price_cents"], first["reason_code"]) == (5995, "wrong_size")
    assert (second["unit_price_cents"], second["quantity"]) == (1250, 2)


def test_bad_rows_are_rejected_with_their_line_and_the_rest_imported(central: str, tmp_path: Path) -> None:
    lines = (FIXTURES / "good.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("RMA25030024", "RMA123")
    lines[4] = lines[4].replace("129.99", "abc")
    lines.insert(3, '{"this is": "not a CSV row",,,,')
    path = tmp_path / "mixed.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out = _import(central, path)
    assert status == 1, out
    assert ":3: RMA123: RMA number 'RMA123' is not valid" in out
    assert ":6: RMA25030032: Price 'abc' is not a valid amount" in out
    assert "4 returns" in out and "3 rejected" in out  # the broken line is a return of its own
    assert _central_return(central, "RMA25030016")["lines"][1]["unit_price_cents"] == 1250


def test_json_lines_and_exit_status_2_for_an_unreadable_file(central: str, tmp_path: Path) -> None:
    status, out = _import(central, FIXTURES / "good.jsonl")
    assert status == 0, out
    assert _central_return(central, "RMA25030040")["lines"][0]["unit_price_cents"] == 1499
    status, out = _import(central, tmp_path / "missing.csv")
    assert status == 2 and "no such file" in out


def test_the_same_file_gives_the_same_return_at_a_station_and_centrally(central: str, tmp_path: Path) -> None:
    status, out = _import(central, FIXTURES / "good.csv")
    assert status == 0, out
    station = open_database(tmp_path / "station.sqlite3")
    try:
        with station.session() as session:
            session.add(Warehouse(code="NL-TLB", name="Tilburg", time_zone="Europe/Amsterdam"))
        assert import_returns(station, FIXTURES / "good.csv", user=COMMAND_LINE).ok
        with station.engine.connect() as connection:
            local = dict(connection.exec_driver_sql("SELECT rma_number, content_hash FROM returns").all())
    finally:
        station.dispose()
    for rma, digest in local.items():
        assert _central_return(central, rma)["content_hash"] == digest
