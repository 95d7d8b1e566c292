"""Settings and the central password are private to the station's user and written safely
(issue 11 §6): atomic, fsynced, 0600, and never a password inside settings.toml."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from inspector.app import build_services
from inspector.config import Settings, load_settings, save_settings
from inspector.services.access import COMMAND_LINE
from inspector.sync.secret import pgpass_line, split_password, with_passfile

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@POSIX
def test_settings_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    old_umask = os.umask(0o022)
    try:
        save_settings(path, Settings(station_code="ST-09"))
        assert _mode(path) == 0o600
        path.chmod(0o644)  # an older version's file: saving again makes it private
        save_settings(path, Settings(station_code="ST-10"))
    finally:
        os.umask(old_umask)
    assert _mode(path) == 0o600
    assert load_settings(path).station_code == "ST-10"


def test_settings_are_fsynced_and_a_failed_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(station_code="ST-01"))
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    save_settings(path, Settings(station_code="ST-02"))
    assert len(synced) >= 1, "the new settings were not fsynced"

    def power_cut(src: object, dst: object) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        save_settings(path, Settings(station_code="ST-03"))
    assert load_settings(path).station_code == "ST-02"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"], "a temporary file was left"


def test_a_password_typed_into_the_url_goes_to_the_secret_file(tmp_path: Path) -> None:
    services = build_services(tmp_path / "data")
    try:
        url = "postgresql://inspector_st_x:s3cr%3At@db.example:5433/returns?sslmode=verify-full"
        services.save_settings(replace(services.settings, central_url=url), user=COMMAND_LINE)
        stored = services.paths.settings_file.read_text(encoding="utf-8")
        assert "s3cr" not in stored
        assert tomllib.loads(stored)["central_url"] == (
            "postgresql://inspector_st_x@db.example:5433/returns?sslmode=verify-full"
        )
        secret = services.paths.central_secret
        assert secret.read_text(encoding="utf-8") == "*:*:returns:inspector_st_x:s3cr\\:t\n"
        if os.name == "posix":
            assert _mode(secret) == 0o600
        connect_url = services.central_url()
        assert "s3cr" not in connect_url and f"passfile={secret}" in connect_url.replace("%2F", "/")
        # A password given apart (the Settings page's password field) replaces the stored one.
        services.save_settings(services.settings, central_password="n3w", user=COMMAND_LINE)
        assert secret.read_text(encoding="utf-8").endswith(":n3w\n")
    finally:
        services.close()


def test_an_old_settings_file_with_a_password_is_rewritten_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text(
        'central_url = "postgresql://st:hunter22@db/returns"\n', encoding="utf-8"
    )
    services = build_services(data)
    try:
        assert "hunter22" not in (data / "settings.toml").read_text(encoding="utf-8")
        assert services.settings.central_url == "postgresql://st@db/returns"
        assert (data / "central.pgpass").read_text(encoding="utf-8") == "*:*:returns:st:hunter22\n"
    finally:
        services.close()


def test_secret_helpers() -> None:
    assert split_password("postgresql://a:b@h/d?password=c&sslmode=require") == (
        "postgresql://a@h/d?sslmode=require", "b")
    assert split_password("postgresql://h/d?user=a&password=c") == ("postgresql://h/d?user=a", "c")
    assert split_password("postgresql://a@h/d") == ("postgresql://a@h/d", "")
    assert pgpass_line("postgresql://h/d?user=a", "x\\y") == "*:*:d:a:x\\\\y\n"
    missing = Path("/nonexistent/central.pgpass")
    assert with_passfile("postgresql://a@h/d", missing) == "postgresql://a@h/d"


@POSIX
def test_a_new_data_directory_is_private(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        services = build_services(tmp_path / "new-station")
        services.close()
    finally:
        os.umask(old_umask)
    assert _mode(tmp_path / "new-station") == 0o700
