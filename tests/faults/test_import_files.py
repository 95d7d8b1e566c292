"""Bad import files cost only their own rows, big files stream, imports run one at a time (§2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.services.access import COMMAND_LINE
from inspector.services.returns_import import grouping, import_returns
from tests.faults.helpers import HEADER, counts, inspector, returns_csv, rma

REPO = Path(__file__).resolve().parents[2]


def _row(n: int, comment: str = "", product: str = "Shirt", line_no: int = 1,
         number: int | None = None) -> str:
    return (f"{rma(number or 9_700_000 + n)},WS-{n},Kim de Vries,kim{n}@example.nl,1234 AB,{n % 90 + 1},NL,"
            f"2025-03-10T09:15:00+01:00,refund,NL-AMS,{line_no},SKU-{n},{product},apparel,1,19.95,"
            f"wrong_size{comment}\n")


def _csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def test_an_unclosed_quote_rejects_its_row_and_keeps_the_rows_it_swallowed(
    station: Path, tmp_path: Path
) -> None:
    rows = [_row(1), _row(2, product='"Slim fit jeans, W32/L34'), _row(3), _row(4)]
    run = inspector(station, "import-returns", str(_csv(tmp_path / "quote.csv", rows))).plain()
    assert run.status == 1, run.out
    assert ":3: " in run.out and "not closed" in run.out and "lines 4–5" in run.out
    assert "4 lines read" in run.out and "3 created" in run.out and "1 rejected" in run.out


def test_a_value_over_128_kb_is_one_rejected_row(station: Path, tmp_path: Path) -> None:
    header = HEADER.rstrip("\n") + ",customer_comment\n"
    rows = [_row(1, ","), _row(2, "," + "x" * 200_000), _row(3, ",fine")]
    run = inspector(station, "import-returns", str(_csv(tmp_path / "big.csv", rows, header))).plain()
    assert run.status == 1, run.out + run.err
    assert ":3: " in run.out and "200,000 characters" in run.out
    assert "2 created" in run.out and "1 rejected" in run.out


def test_a_deeply_nested_json_line_is_one_rejected_row(station: Path, tmp_path: Path) -> None:
    good = {"rma_number": rma(9_710_000), "order_number": "WS-1", "customer_name": "Kim", "customer_email":
            "kim@example.nl", "postcode": "1234AB", "house_number": "1", "country": "NL",
            "announced_at": "2025-03-10T09:15:00+01:00", "refund_choice": "refund", "warehouse": "NL-AMS",
            "lines": [{"sku": "A", "product_name": "Shirt", "category": "apparel", "quantity": 1,
                       "unit_price": "9.95", "reason": "wrong_size"}]}
    deep = '{"rma_number": "' + rma(9_710_001) + '", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "deep.jsonl"
    path.write_text(deep + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    run = inspector(station, "import-returns", str(path)).plain()
    assert run.status == 1, run.out + run.err
    assert ":1: " in run.out and "nested too deeply" in run.out and "1 created" in run.out


def test_a_return_with_20000_lines_is_refused_with_the_real_limit(station: Path, tmp_path: Path) -> None:
    rows = [_row(7, line_no=n, number=9_720_000) for n in range(1, 20_001)] + [_row(8)]
    run = inspector(station, "import-returns", str(_csv(tmp_path / "long.csv", rows))).plain()
    assert run.status == 1
    assert "has 20000 lines; a return may have at most 999" in run.out
    assert "is not a whole number" not in run.out and "1 created" in run.out


def test_grouping_through_a_temporary_file_gives_the_same_import(
    services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    # The second line of each return far from its first.
    rows = [_row(n, line_no=line, number=9_730_000 + n) for line in (1, 2) for n in range(60)]
    path = _csv(tmp_path / "scattered.csv", rows)
    monkeypatch.setattr(grouping, "IN_MEMORY", 10)
    spilled: list[bool] = []
    count = grouping.Groups.count
    monkeypatch.setattr(grouping.Groups, "count", lambda self: spilled.append(self.spilled) or count(self))
    report = import_returns(services.database, path, user=COMMAND_LINE)
    assert spilled == [True]
    assert (report.created, report.rejected_returns, report.lines_read) == (60, 0, 120)
    assert import_returns(services.database, path, user=COMMAND_LINE).unchanged == 60


def test_two_imports_of_the_same_file_at_once(station: Path, tmp_path: Path) -> None:
    path = returns_csv(tmp_path / "many.csv", 9_740_000, 3000)
    before = counts(station / "inspector.sqlite3")["returns"]
    command = [sys.executable, "-m", "inspector", "--data-dir", str(station), "import-returns", str(path)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    outcomes = [p.communicate(timeout=300) for p in (first, second)]
    for process, (out, err) in zip((first, second), outcomes, strict=True):
        assert "Traceback" not in err and "UNIQUE" not in err, err
        assert process.returncode in (0, 3), out + err
        if process.returncode == 3:
            assert "Another import of returns is running" in out
    assert counts(station / "inspector.sqlite3")["returns"] == before + 3000


@pytest.mark.parametrize("fault", ["import_before_commit:2", "import_after_commit:1"])
def test_kill_during_an_import_then_import_again(station: Path, tmp_path: Path, fault: str) -> None:
    path = returns_csv(tmp_path / "many.csv", 9_750_000, 1700)
    before = counts(station / "inspector.sqlite3")["returns"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    killed = subprocess.run(
        [sys.executable, "-m", "inspector", "--data-dir", str(station), "import-returns", str(path)],
        env={**env, "INSPECTOR_FAULT": fault}, cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert killed.returncode == -9
    assert counts(station / "inspector.sqlite3")["returns"] - before in (500, 1000)
    again = inspector(station, "import-returns", str(path)).plain()
    assert again.status == 0, again.out + again.err
    assert counts(station / "inspector.sqlite3")["returns"] == before + 1700
