"""A sync says what it did with people (issue 10, people admin): the people changes it sent and pulled
are counted in the result, in ``inspector sync --once``'s summary line and in the station's status bar
(English and Dutch, with plural forms). Against the real PostgreSQL server, each test on its own
central database and station logins (tests/sync/conftest.py)."""

from __future__ import annotations

import io
import os
import secrets
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from inspector.services.access import COMMAND_LINE
from inspector.services.people import NewPerson
from inspector.sync.cli import run_sync
from inspector.sync.engine import SyncEngine
from inspector.sync.service import SyncService

pytestmark = pytest.mark.postgres


@pytest.fixture
def pair(station_factory, station_login):  # type: ignore[no-untyped-def]
    """Two stations of one warehouse, each with its own central login."""
    tag = secrets.token_hex(3).upper()
    return [(station_factory(f"PS-{tag}", st), station_login(f"PS-{tag}", st)) for st in ("ST-01", "ST-02")]


def _run(services, url):  # type: ignore[no-untyped-def]
    result = SyncEngine(services.database, services.photos, services.station, url).run_once()
    assert result.ok, result.error
    return result


def test_the_sync_result_counts_people_changes_sent_and_pulled(pair) -> None:  # type: ignore[no-untyped-def]
    (a, url_a), (b, url_b) = pair
    a.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
    sam = a.people.add(COMMAND_LINE, NewPerson("Sam de Boer", "supervisor", pin="8264"))
    sent = _run(a, url_a)
    assert sent.upload.people == 2 and "people: 2 sent, 0 pulled" in sent.summary()
    pulled = _run(b, url_b)
    assert pulled.download.people == 2 and "people: 0 sent, 2 pulled" in pulled.summary()
    assert "people: 0 sent, 0 pulled" in _run(b, url_b).summary()  # nothing new: nothing counted
    a.people.reset_pin(COMMAND_LINE, sam.id, "5190")  # a PIN change travels as one change
    assert _run(a, url_a).upload.people == 1
    out = io.StringIO()
    b.settings = replace(b.settings, central_url=url_b)
    assert run_sync(b, url_b, once=True, out=out) == 0
    assert "people: 0 sent, 1 pulled" in out.getvalue()
    assert b.users.verify_pin(sam.id, "5190").name == "Sam de Boer"


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 change to people pulled at ", "2 changes to people pulled at "),
    ("nl", "1 wijziging van mensen opgehaald om ", "2 wijzigingen van mensen opgehaald om "),
])
def test_the_status_bar_says_how_many_people_changes_were_pulled(pair, qapp, language, one, two) -> None:  # type: ignore[no-untyped-def]
    from inspector.ui.application import install_translator
    from inspector.ui.sync_bridge import sync_status_text

    (a, url_a), (b, url_b) = pair
    service = SyncService(SyncEngine(b.database, b.photos, b.station, url_b))
    service.run_once()
    install_translator(qapp, language)
    try:
        assert "people" not in sync_status_text(service.status()) and "mensen" not in sync_status_text(
            service.status())
        admin = a.people.add(COMMAND_LINE, NewPerson("Ada Admin", "admin", pin="402917"))
        _run(a, url_a)
        service.run_once()
        status = service.status()
        assert status.people_pulled == 1 and status.people_at is not None
        assert one in sync_status_text(status)
        a.people.add(COMMAND_LINE, NewPerson("Anna Jansen", "inspector"))
        a.people.edit(COMMAND_LINE, admin.id, language="nl")
        _run(a, url_a)
        service.run_once()
        assert two in sync_status_text(service.status())
        service.run_once()  # a later run with nothing new keeps saying when people last changed
        assert two in sync_status_text(service.status())
    finally:
        install_translator(qapp, "en")
