"""Users and PINs, the outbox, the photo store, settings and paths."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from inspector.config import Settings, SettingsError, load_settings, save_settings
from inspector.models import OutboxEntry, Parcel, Return, ReturnSource, Role, User, Warehouse
from inspector.paths import data_paths
from inspector.services.outbox import pending_count
from inspector.services.photo_store import PhotoError, PhotoStore
from inspector.services.users import AuthError, UserService, check_pin, hash_pin


def test_pin_hashes_are_salted_and_checked() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second
    assert check_pin("1234", first) and check_pin("1234", second)
    assert not check_pin("1235", first)
    assert not check_pin("1234", None) and not check_pin("1234", "garbage")


def test_badge_login_and_pin_lockout(services) -> None:  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        session.add(User(name="Eva", badge_code="BDG000002", role=Role.SUPERVISOR, pin_hash=hash_pin("4321")))
    clock = [1000.0]
    users = UserService(services.database, services.station, clock=lambda: clock[0])
    eva = users.find_by_badge(" bdg000002 ")
    assert eva.name == "Eva" and eva.needs_pin
    with pytest.raises(AuthError, match="unknown_badge"):
        users.find_by_badge("BDG999999")
    for _ in range(5):
        with pytest.raises(AuthError, match="wrong_pin"):
            users.verify_pin(eva.id, "0000")
    with pytest.raises(AuthError, match="locked_out") as locked:
        users.verify_pin(eva.id, "4321")
    assert 0 < locked.value.retry_after_s <= 60
    clock[0] += 61
    assert users.verify_pin(eva.id, "4321").role is Role.SUPERVISOR


def test_records_made_at_the_station_are_queued_for_upload_in_the_same_transaction(services) -> None:  # type: ignore[no-untyped-def]
    with services.database.session() as session:
        parcel = Parcel(tracking_number="3SABCD1234567", station_id=services.station.station_id)
        session.add(parcel)
    with services.database.session() as session:
        assert pending_count(session) == 1
        entry = session.scalars(select(OutboxEntry)).one()
        assert (entry.entity_type, entry.entity_id) == ("parcel", parcel.id)
    # A failed transaction queues nothing.
    with pytest.raises(RuntimeError), services.database.session() as session:
        session.add(Parcel(tracking_number="X"))
        session.flush()
        raise RuntimeError("power cut")
    with services.database.session() as session:
        assert pending_count(session) == 1
        # Returns pulled from central are not sent back up; unannounced ones are.
        warehouse = session.scalars(select(Warehouse)).first()
        assert warehouse is not None
        for source, rma in ((ReturnSource.CENTRAL, "RMA00000018"), (ReturnSource.UNANNOUNCED, "UNK-1")):
            session.add(
                Return(
                    warehouse_id=warehouse.id,
                    rma_number=rma,
                    order_number="1",
                    customer_name="A",
                    customer_email="a@b.nl",
                    postcode="1",
                    house_number="1",
                    country="NL",
                    channel="portal",
                    refund_choice="refund",
                    source=source,
                )
            )
    with services.database.session() as session:
        kinds = session.scalars(select(OutboxEntry.entity_type)).all()
        assert sorted(kinds) == ["parcel", "return"]


def _jpeg(width: int = 64, height: int = 48, colour: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_photos_are_stored_once_by_hash_and_verified(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos", tmp_path / "thumbs")
    data = _jpeg()
    stored = store.store(data)
    again = store.store(data)
    assert stored == again and stored.width == 64 and stored.mime_type == "image/jpeg"
    assert store.path_of(stored.relative_path).read_bytes() == data
    assert store.verify(stored.relative_path, stored.sha256)
    thumb = store.make_thumbnail(stored)
    with Image.open(thumb) as thumbnail:
        assert thumbnail.size[0] <= 320
    store.path_of(stored.relative_path).write_bytes(_jpeg(colour="blue"))
    assert not store.verify(stored.relative_path, stored.sha256)
    assert not list((tmp_path / "photos").rglob(".tmp-*"))


@pytest.mark.parametrize("data", [b"", b"not an image", _jpeg()[:100]], ids=["empty", "text", "truncated"])
def test_bad_photo_bytes_are_refused_with_a_message(tmp_path: Path, data: bytes) -> None:
    store = PhotoStore(tmp_path / "photos", tmp_path / "thumbs")
    with pytest.raises(PhotoError):
        store.store(data)
    assert not list((tmp_path / "photos").rglob("*.*"))


def test_settings_round_trip_and_environment_override(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path) == Settings()
    from dataclasses import replace

    changed = replace(Settings(), station_code="ST-07", sounds=False)
    save_settings(path, changed)
    assert load_settings(path) == changed
    overridden = load_settings(path).with_environment({"INSPECTOR_CENTRAL_URL": "postgresql://c/db"})
    assert overridden.central_url == "postgresql://c/db"


def test_a_broken_settings_file_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("sounds = 'loud'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="sounds"):
        load_settings(path)
    path.write_text("[scanner\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.toml"):
        load_settings(path)


def test_data_dir_comes_from_override_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "env"))
    assert data_paths().root == tmp_path / "env"
    assert data_paths(tmp_path / "flag").database == tmp_path / "flag" / "inspector.sqlite3"
    monkeypatch.delenv("INSPECTOR_DATA_DIR")
    assert "ReturnInspector" in str(data_paths().root)
