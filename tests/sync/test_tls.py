"""TLS to the central database (issue 12 §3): ``sslmode=verify-full`` with the CA from the enrolment code
reaches libpq for sync and for the central review, and works end to end through a TLS front of the shared
server (it cannot be restarted to switch TLS on); a wrong CA or host name is refused."""

from __future__ import annotations

import secrets
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from tls_proxy import TlsProxy, make_test_ca

from inspector.app import build_services
from inspector.station_setup import SetupRequest, set_up_station
from inspector.sync.enrolment import EnrolmentError, enrol_station, read_enrolment
from inspector.sync.join import with_query

pytestmark = pytest.mark.postgres


@pytest.fixture
def proxy(tmp_path: Path):  # type: ignore[no-untyped-def]
    ca = make_test_ca(tmp_path / "pki")
    front = TlsProxy(ca)
    yield front, ca
    front.close()


def _database(url: str) -> str:
    return url.rpartition("/")[2]


def test_a_station_syncs_over_verify_full_tls(central_url, role_prefix, passwords_required, proxy,
                                              tmp_path: Path) -> None:
    front, ca = proxy
    warehouse = f"TLS-{secrets.token_hex(3).upper()}"
    address = f"postgresql://localhost:{front.port}/{_database(central_url)}"
    enrolment = enrol_station(central_url, warehouse, "ST-01", prefix=role_prefix, address=address,
                              sslmode="verify-full", ca_file=ca.ca, login_groups=(passwords_required,))
    data = tmp_path / "station"
    outcome = set_up_station(data, SetupRequest(
        station_code="", admin_name="Ada Admin", admin_pin="402917", admin_pin_again="402917",
        enrolment=read_enrolment(enrolment.encode())))
    assert outcome.sync_ok, outcome.sync_summary
    assert front.tls_sessions >= 2  # the enrolment and the first sync both came over TLS
    services = build_services(data)
    try:
        url = services.central_url()
        params = psycopg.conninfo.conninfo_to_dict(url)
        assert params["sslmode"] == "verify-full"
        assert params["sslrootcert"] == str(data / "central-ca.pem")
        assert params["passfile"] == str(data / "central.pgpass")
        assert (data / "central-ca.pem").read_text(encoding="ascii") == ca.ca.read_text(encoding="ascii")
        before = front.tls_sessions
        with services.source("central").database.session() as session:  # the review's SQLAlchemy path
            assert session.execute(text("SELECT current_setting('ssl', true) IS NOT NULL")).scalar()
        assert front.tls_sessions > before
        # The same login with the wrong CA, or a host name the certificate does not name: refused by libpq.
        with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
            psycopg.connect(with_query(url, sslrootcert=str(ca.other_ca)), connect_timeout=5).close()
        wrong_host = url.replace("localhost", "127.0.0.1")
        with pytest.raises(psycopg.OperationalError, match="does not match host name"):
            psycopg.connect(wrong_host, connect_timeout=5).close()
        psycopg.connect(with_query(wrong_host, sslmode="verify-ca"), connect_timeout=5).close()
    finally:
        services.close()


def test_tls_required_against_a_server_without_it(central_url, role_prefix, passwords_required,
                                                  tmp_path: Path) -> None:
    """``sslmode`` from the enrolment reaches libpq: the plain shared server is refused, nothing is set up."""
    warehouse = f"NOTLS-{secrets.token_hex(3).upper()}"
    enrolment = enrol_station(central_url, warehouse, "ST-01", prefix=role_prefix, sslmode="require",
                              login_groups=(passwords_required,))
    with pytest.raises(EnrolmentError) as refused:
        set_up_station(tmp_path / "s", SetupRequest(station_code="", admin_name="Ada Admin",
                                                    admin_pin="402917", admin_pin_again="402917",
                                                    enrolment=enrolment))
    assert refused.value.code == "unreachable"
    assert not (tmp_path / "s" / "settings.toml").exists()
