"""Import of announced returns (CSV and JSON Lines) into a real, migrated station database."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector.models import (
    Category,
    Channel,
    Inspection,
    Parcel,
    RefundChoice,
    Return,
    ReturnLine,
    ReturnReason,
    ReturnSource,
    ReturnStatus,
    Warehouse,
)
from inspector.models.database import Database, open_database
from inspector.services.access import COMMAND_LINE
from inspector.services.returns_import import (
    ImportProblem,
    ImportReport,
    gs1_check_digit,
    import_returns,
    luhn_check_digit,
    normalise_postcode,
    parse_price_cents,
    run_import,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
HEADER = (
    "rma_number,order_number,customer_name,customer_email,postcode,house_number,country,announced_at,"
    "delivered_on,refund_choice,carrier,tracking_number,warehouse,line_no,sku,gtin,product_name,category,"
    "quantity,unit_price,currency,reason,customer_comment"
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database with the Tilburg warehouse."""
    db = open_database(tmp_path / "db.sqlite3")
    with db.session() as session:
        session.add(Warehouse(code="NL-TLB", name="Tilburg", time_zone="Europe/Amsterdam"))
    yield db
    db.dispose()


def load(database: Database, rma: str) -> Return | None:
    with database.session() as session:
        ret = session.scalar(select(Return).where(Return.rma_number == rma))
        if ret is not None:
            _ = ret.lines  # load before the session closes
        return ret


def count_returns(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Return)) or 0)


def rejections(report: ImportReport) -> list[tuple[int, str, str, str]]:
    return [(r.line, r.rma, r.code, r.column) for r in report.rejected]


# --- Good files ---------------------------------------------------------------------------------------


def test_good_csv_imports_every_field(database: Database) -> None:
    report = import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)

    assert report.ok
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.lines_read == 4
    assert report.returns_read == 3
    sanne = load(database, "RMA25030016")
    assert sanne is not None
    assert sanne.order_number == "WS-100231"
    assert sanne.customer_name == "Sanne de Vries"
    assert sanne.customer_name_key == "sanne de vries"
    assert sanne.customer_email == "sanne.devries@example.nl"
    assert sanne.postcode == "1234AB"
    assert sanne.house_number == "12"
    assert sanne.country == "NL"
    assert sanne.announced_at == datetime(2025, 3, 10, 8, 15, tzinfo=UTC)
    assert sanne.delivered_on == date(2025, 3, 7)
    assert sanne.refund_choice is RefundChoice.REFUND
    assert sanne.channel is Channel.PORTAL
    assert sanne.customer_segment == "regular"
    assert sanne.carrier == "postnl"
    assert sanne.tracking_number == "3SABCD1234567"
    assert sanne.status is ReturnStatus.ANNOUNCED
    assert sanne.source is ReturnSource.IMPORT
    assert len(sanne.content_hash) == 64
    first, second = sanne.lines
    assert (first.line_no, first.sku, first.gtin) == (1, "JEANS-SLIM-32", "8712345001018")
    assert first.product_name == "Slim fit jeans, donkerblauw, W32/L34"
    assert (first.category, first.quantity, first.unit_price_cents, first.currency) == (
        Category.APPAREL,
        1,
        5995,
        "EUR",
    )
    assert first.reason_code is ReturnReason.WRONG_SIZE
    assert first.customer_comment == "Te klein in de taille"
    assert (second.line_no, second.quantity, second.unit_price_cents) == (2, 2, 1250)
    assert second.reason_code is ReturnReason.NO_LONGER_NEEDED

    pieter = load(database, "RMA25030024")
    assert pieter is not None
    assert (pieter.postcode, pieter.house_number, pieter.country) == ("2000", "45 BUS 3", "BE")
    assert (pieter.refund_choice, pieter.carrier, pieter.tracking_number) == (
        RefundChoice.EXCHANGE,
        "bpost",
        "",
    )
    jurgen = load(database, "RMA25030032")
    assert jurgen is not None
    assert jurgen.customer_name == "Jürgen Müller"
    assert jurgen.refund_choice is RefundChoice.STORE_CREDIT
    assert jurgen.lines[0].customer_comment == 'Rechter Ohrhörer ohne Ton, "Knacken" beim Laden'
    assert jurgen.lines[0].category is Category.ELECTRONICS


def test_rows_of_one_return_need_not_be_adjacent(database: Database) -> None:
    # good.csv holds RMA25030016 on lines 2 and 4 with another return between them.
    import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)

    sanne = load(database, "RMA25030016")
    assert sanne is not None
    assert [line.sku for line in sanne.lines] == ["JEANS-SLIM-32", "TSHIRT-BASIC-M"]


def test_good_jsonl_imports_nested_lines(database: Database) -> None:
    report = import_returns(database, FIXTURES / "good.jsonl", user=COMMAND_LINE)

    assert report.ok
    assert (report.created, report.lines_read) == (2, 2)
    emma = load(database, "RMA25030040")
    assert emma is not None
    assert (emma.customer_segment, emma.postcode, emma.carrier) == ("vip", "9000", "bpost")
    assert emma.tracking_number == "323212345678901234567890"
    assert emma.announced_at == datetime(2025, 3, 13, 15, 45, tzinfo=UTC)
    lipstick, towels = emma.lines
    assert (lipstick.category, lipstick.quantity, lipstick.unit_price_cents) == (Category.COSMETICS, 2, 1499)
    assert lipstick.reason_code is ReturnReason.NOT_AS_DESCRIBED
    assert (towels.line_no, towels.gtin, towels.unit_price_cents, towels.currency) == (2, "", 2450, "EUR")
    assert towels.category is Category.HOME


def test_same_return_from_csv_and_jsonl_has_the_same_hash(database: Database) -> None:
    # RMA25030032 is in both files, spelt differently (German labels, other time zone, case).
    import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)
    report = import_returns(database, FIXTURES / "good.jsonl", user=COMMAND_LINE)

    assert (report.created, report.updated, report.unchanged) == (1, 0, 1)


def test_reimport_changes_nothing(database: Database) -> None:
    import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)
    with database.session() as session:
        before = {r.rma_number: r.updated_at for r in session.scalars(select(Return))}
        lines_before = {line.id: line.updated_at for line in session.scalars(select(ReturnLine))}

    report = import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    with database.session() as session:
        assert {r.rma_number: r.updated_at for r in session.scalars(select(Return))} == before
        assert {line.id: line.updated_at for line in session.scalars(select(ReturnLine))} == lines_before


def test_changed_rows_update_their_return(database: Database) -> None:
    import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)
    old = load(database, "RMA25030016")
    assert old is not None

    report = import_returns(database, FIXTURES / "changed.csv", user=COMMAND_LINE)

    assert (report.created, report.updated, report.unchanged) == (0, 2, 1)
    assert not report.warnings
    sanne = load(database, "RMA25030016")
    assert sanne is not None
    assert [(line.line_no, line.unit_price_cents) for line in sanne.lines] == [(1, 5495)]
    assert sanne.updated_at > old.updated_at
    assert sanne.content_hash != old.content_hash
    pieter = load(database, "RMA25030024")
    assert pieter is not None and pieter.customer_email == "p.janssens@example.be"


def test_received_return_keeps_inspected_line_and_status(database: Database) -> None:
    import_returns(database, FIXTURES / "good.csv", user=COMMAND_LINE)
    with database.session() as session:
        ret = session.scalar(select(Return).where(Return.rma_number == "RMA25030016"))
        assert ret is not None
        ret.status = ReturnStatus.RECEIVED
        parcel = Parcel(tracking_number=ret.tracking_number, return_id=ret.id)
        session.add(parcel)
        session.flush()
        session.add(Inspection(return_id=ret.id, return_line_id=ret.lines[1].id, parcel_id=parcel.id))

    report = import_returns(database, FIXTURES / "changed.csv", user=COMMAND_LINE)

    assert report.updated == 2
    assert any("RMA25030016" in w and "has inspections" in w for w in report.warnings)
    sanne = load(database, "RMA25030016")
    assert sanne is not None
    assert sanne.status is ReturnStatus.RECEIVED
    assert [(line.line_no, line.unit_price_cents) for line in sanne.lines] == [(1, 5495), (2, 1250)]
    # Importing the same file again neither changes anything nor repeats the warning.
    again = import_returns(database, FIXTURES / "changed.csv", user=COMMAND_LINE)
    assert (again.unchanged, again.warnings) == (3, [])


# --- Rejections: one fixture per reason ---------------------------------------------------------------

REJECTION_CASES = {
    "bad_gtin.csv": [(2, "RMA25030107", "rma_rejected", ""), (3, "RMA25030107", "bad_gtin", "gtin")],
    "missing_field.csv": [(2, "RMA25030115", "missing_field", "customer_email")],
    "formula.csv": [
        (2, "RMA25030115", "formula", "customer_comment"),
        (3, "RMA25030123", "formula", "customer_name"),
    ],
    "bad_date.csv": [
        (2, "RMA25030115", "bad_date", "announced_at"),
        (3, "RMA25030123", "bad_date", "delivered_on"),
    ],
    "unknown_refund_choice.csv": [(2, "RMA25030115", "unknown_refund_choice", "refund_choice")],
    "unknown_country.csv": [(2, "RMA25030115", "unknown_country", "country")],
    "unknown_category.csv": [(2, "RMA25030115", "unknown_category", "category")],
    "unknown_reason.csv": [(2, "RMA25030115", "unknown_reason", "reason")],
    "bad_quantity.csv": [
        (2, "RMA25030115", "bad_quantity", "quantity"),
        (3, "RMA25030123", "bad_quantity", "quantity"),
    ],
    "bad_price.csv": [
        (2, "RMA25030115", "bad_price", "unit_price"),
        (3, "RMA25030123", "bad_price", "unit_price"),
    ],
    "bad_email.csv": [
        (2, "RMA25030115", "bad_email", "customer_email"),
        (3, "RMA25030123", "bad_email", "customer_email"),
    ],
    "bad_rma.csv": [(2, "RMA25030117", "bad_rma", "rma_number"), (3, "RMA123", "bad_rma", "rma_number")],
    "conflict.csv": [(2, "RMA25030115", "rma_rejected", ""), (3, "RMA25030115", "conflict", "customer_name")],
    "duplicate_line.csv": [
        (2, "RMA25030115", "rma_rejected", ""),
        (3, "RMA25030115", "duplicate_line", "line_no"),
    ],
    "bad_postcode.csv": [(2, "RMA25030115", "bad_postcode", "postcode")],
    "unknown_warehouse.csv": [(2, "RMA25030115", "unknown_warehouse", "warehouse")],
    "bad_row.csv": [(2, "RMA25030115", "bad_row", "")],
    "duplicate_rma.jsonl": [
        (1, "RMA25030107", "duplicate_rma", "rma_number"),
        (2, "RMA25030107", "duplicate_rma", "rma_number"),
    ],
}


@pytest.mark.parametrize("name", sorted(REJECTION_CASES))
def test_rejection_reason(database: Database, name: str) -> None:
    path = FIXTURES / name

    report = import_returns(database, path, user=COMMAND_LINE)

    assert rejections(report) == REJECTION_CASES[name]
    assert {r.file for r in report.rejected} == {str(path)}
    assert all(r.reason.endswith(".") and r.reason[0].isupper() for r in report.rejected)
    assert not report.ok
    assert report.created == 0
    assert count_returns(database) == 0


def test_formula_reason_names_the_column(database: Database) -> None:
    report = import_returns(database, FIXTURES / "formula.csv", user=COMMAND_LINE)

    assert "customer_comment" in report.rejected[0].reason
    assert "formula" in report.rejected[0].reason


def test_mixed_file_imports_good_returns_and_rejects_bad_one_whole(database: Database) -> None:
    report = import_returns(database, FIXTURES / "mixed.csv", user=COMMAND_LINE)

    assert rejections(report) == [
        (3, "RMA25030115", "rma_rejected", ""),
        (6, "RMA25030115", "bad_gtin", "gtin"),
    ]
    assert "line 6" in report.rejected[0].reason
    assert (report.created, report.rejected_returns) == (2, 1)
    assert load(database, "RMA25030115") is None
    lotte = load(database, "RMA25030107")
    assert lotte is not None and [line.sku for line in lotte.lines] == ["SHIRT-A", "SHIRT-B"]
    assert load(database, "RMA25030123") is not None


def test_broken_jsonl_lines_are_rejected_with_their_line(database: Database) -> None:
    report = import_returns(database, FIXTURES / "bad.jsonl", user=COMMAND_LINE)

    assert rejections(report) == [
        (2, "RMA25030115", "bad_json", ""),
        (3, "RMA25030123", "missing_field", "lines"),
        (4, "RMA25030016", "unknown_category", "lines[2].category"),
        (4, "RMA25030016", "bad_json", "lines[2].quantity"),
    ]
    assert report.created == 1
    assert load(database, "RMA25030107") is not None


# --- Encodings, delimiters, empty files ---------------------------------------------------------------


def test_windows_1252_rows_are_refused_not_misdecoded(database: Database) -> None:
    report = import_returns(database, FIXTURES / "cp1252.csv", user=COMMAND_LINE)

    assert rejections(report) == [(3, "RMA25030099", "encoding", "customer_name")]
    assert "not UTF-8" in report.rejected[0].reason
    assert any("not UTF-8" in w and "Windows-1252" in w for w in report.warnings)
    assert load(database, "RMA25030099") is None
    daan = load(database, "RMA25030081")  # plain ASCII: the same in every encoding
    assert daan is not None and daan.customer_name == "Daan Visser"


def test_empty_file_imports_nothing(database: Database) -> None:
    report = import_returns(database, FIXTURES / "empty.csv", user=COMMAND_LINE)

    assert report.ok
    assert (report.lines_read, report.created) == (0, 0)
    assert any("empty" in w for w in report.warnings)


def test_header_only_file_imports_nothing(database: Database) -> None:
    report = import_returns(database, FIXTURES / "header_only.csv", user=COMMAND_LINE)

    assert report.ok
    assert (report.lines_read, report.created) == (0, 0)
    assert any("only a header" in w for w in report.warnings)


def test_csv_with_byte_order_mark_and_crlf(database: Database) -> None:
    assert (FIXTURES / "bom.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    report = import_returns(database, FIXTURES / "bom.csv", user=COMMAND_LINE)

    assert report.ok and report.created == 1
    zoe = load(database, "RMA25030073")
    assert zoe is not None
    assert zoe.customer_name == "Zoë Lambrechts"
    assert zoe.lines[0].customer_comment == "Mouwen te kort"
    assert zoe.carrier == "gls"


def test_dutch_semicolon_export(database: Database) -> None:
    report = import_returns(database, FIXTURES / "semicolon_nl.csv", user=COMMAND_LINE)

    assert report.ok, report.rejected
    assert not report.warnings
    fleur = load(database, "RMA25030065")
    assert fleur is not None
    assert (fleur.customer_name, fleur.customer_name_key) == ("Fleur Bakker", "fleur bakker")
    assert (fleur.postcode, fleur.country) == ("3511AX", "NL")
    assert fleur.refund_choice is RefundChoice.REFUND
    assert fleur.announced_at == datetime(2025, 3, 14, 9, 15, tzinfo=UTC)  # 10:15 in Amsterdam
    assert fleur.delivered_on == date(2025, 3, 12)
    dress, laptop = fleur.lines
    assert (dress.category, dress.reason_code, dress.unit_price_cents) == (
        Category.APPAREL,
        ReturnReason.WRONG_SIZE,
        4995,
    )
    assert dress.customer_comment == "Valt klein, graag een maat groter"
    assert (laptop.category, laptop.reason_code, laptop.unit_price_cents) == (
        Category.ELECTRONICS,
        ReturnReason.DEFECTIVE,
        104900,
    )
    assert laptop.product_name == 'Laptop 14" Pro'


# --- Progress, cancel, batches ------------------------------------------------------------------------


def write_many(path: Path, count: int) -> Path:
    rows = [HEADER]
    for i in range(count):
        body = f"{4000000 + i:07d}"
        rma = "RMA" + body + luhn_check_digit(body)
        gtin = f"871234{i:06d}"
        gtin += gs1_check_digit(gtin)
        rows.append(
            f"{rma},WS-{i},Klant {i},klant{i}@example.nl,5038 AB,{i % 90 + 1},NL,2025-03-10T09:15:00+01:00,"
            f"2025-03-07,refund,PostNL,,NL-TLB,1,SKU-{i},{gtin},Product {i},home,1,19.95,EUR,damaged,"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_progress_is_reported_per_return(database: Database, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    import_returns(
        database, write_many(tmp_path / "many.csv", 30), progress=lambda d, t: calls.append((d, t)),
            user=COMMAND_LINE
    )

    assert calls[0] == (0, 30)
    assert calls[-1] == (30, 30)
    assert [done for done, _ in calls] == list(range(31))


def test_cancel_midway_keeps_what_was_imported(database: Database, tmp_path: Path) -> None:
    path = write_many(tmp_path / "many.csv", 1200)
    seen: list[int] = []

    report = import_returns(
        database,
        path,
        progress=lambda done, total: seen.append(done),
        cancel=lambda: bool(seen) and seen[-1] >= 700, user=COMMAND_LINE,
    )

    assert report.cancelled
    assert report.created == 700
    assert count_returns(database) == 700
    assert "Cancelled after 700 returns" in report.summary()
    # The rest arrives with the next import; the first 700 are unchanged.
    again = import_returns(database, path, user=COMMAND_LINE)
    assert (again.created, again.unchanged) == (500, 700)


# --- Command line and unreadable files ----------------------------------------------------------------


def test_run_import_prints_rejections_and_exits_1(database: Database) -> None:
    out = io.StringIO()
    path = FIXTURES / "bad_gtin.csv"

    status = run_import(database, path, None, out)

    lines = out.getvalue().splitlines()
    assert status == 1
    assert lines[1] == f"{path}:3: RMA25030107: GTIN 8712345001019 has a wrong check digit (expected 8)."
    assert lines[0].startswith(f"{path}:2: RMA25030107: Return RMA25030107 was not imported")
    assert lines[-1] == f"{path}: 2 lines read, 1 return: 0 created, 0 updated, 0 unchanged, 1 rejected."


def test_run_import_exits_0_when_all_imported(database: Database) -> None:
    out = io.StringIO()

    assert run_import(database, FIXTURES / "good.csv", None, out) == 0
    assert "3 created" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.csv", None, "no such file"),
        ("folder.csv", "dir", "folder"),
        ("report.pdf", b"%PDF-1.7 binary", "neither CSV"),
        ("returns.xlsx", b"PK\x03\x04 workbook", "workbook"),
        ("returns.csv", b"rma_number,sku\nRMA25030016,X\n", "lacks the required columns"),
    ],
)
def test_unreadable_files_exit_2(
    database: Database, tmp_path: Path, name: str, content: object, expected: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    out = io.StringIO()

    assert run_import(database, path, "NL-TLB", out) == 2
    assert expected in out.getvalue()
    assert count_returns(database) == 0


def test_content_sniffing_for_unknown_extension(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes((FIXTURES / "good.jsonl").read_bytes())

    assert import_returns(database, path, user=COMMAND_LINE).created == 2


def test_default_warehouse_for_files_without_warehouse_column(database: Database, tmp_path: Path) -> None:
    source = (FIXTURES / "good.csv").read_text(encoding="utf-8").splitlines()
    cells = [line.split(",") for line in source[:2]]
    index = cells[0].index("warehouse")
    path = tmp_path / "no_warehouse.csv"
    path.write_text("\n".join(",".join(c[:index] + c[index + 1 :]) for c in cells) + "\n", encoding="utf-8")

    with pytest.raises(ImportProblem, match="no warehouse column"):
        import_returns(database, path, user=COMMAND_LINE)
    with pytest.raises(ImportProblem, match="does not exist"):
        import_returns(database, path, default_warehouse_code="XX-NOPE", user=COMMAND_LINE)
    assert import_returns(database, path, default_warehouse_code="nl-tlb", user=COMMAND_LINE).created == 1


# --- Small pure functions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12.95", 1295),
        ("12,95", 1295),
        ("1.049,00", 104900),
        ("1,049.00", 104900),
        ("€ 5", 500),
        ("0", 0),
        ("12.5", 1250),
        ("1234", 123400),
    ],
)
def test_prices(text: str, cents: int) -> None:
    assert parse_price_cents(text) == cents


@pytest.mark.parametrize("text", ["-5", "1.234", "12.345", "1.234.56", "12,3,4", "", "abc", "1e3"])
def test_bad_prices(text: str) -> None:
    with pytest.raises(ValueError):
        parse_price_cents(text)


def test_postcodes() -> None:
    assert normalise_postcode(" 1234 ab ", "NL") == "1234AB"
    assert normalise_postcode("10115", "DE") == "10115"
    assert normalise_postcode("sw1a  1aa", "GB") == "SW1A 1AA"


def test_utf16_with_byte_order_mark_and_tabs(database: Database, tmp_path: Path) -> None:
    # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated.
    text = (FIXTURES / "semicolon_nl.csv").read_text(encoding="utf-8").replace(";", "\t")
    path = tmp_path / "unicode.csv"
    path.write_text(text, encoding="utf-16")

    report = import_returns(database, path, user=COMMAND_LINE)

    assert report.ok and report.created == 1
    fleur = load(database, "RMA25030065")
    assert fleur is not None and len(fleur.lines) == 2


def test_excel_sep_line_keeps_physical_line_numbers(database: Database, tmp_path: Path) -> None:
    text = (FIXTURES / "bad_gtin.csv").read_text(encoding="utf-8").replace(",", ";")
    path = tmp_path / "sep.csv"
    path.write_text("sep=;\n" + text, encoding="utf-8")

    report = import_returns(database, path, user=COMMAND_LINE)

    assert rejections(report) == [
        (3, "RMA25030107", "rma_rejected", ""),
        (4, "RMA25030107", "bad_gtin", "gtin"),
    ]
