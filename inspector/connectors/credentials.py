"""The connectors' API credentials: encrypted in the central database, the key in a private file.

A platform's credentials (bol.com client id and secret, a Shopify access token, Sendcloud's key pair, a
webhook's signing secret) are stored in ``connector_secrets`` as a Fernet token (AES-128-CBC with an
HMAC-SHA256, :mod:`cryptography`), readable by the central administrator only (row-level security, no
station grant). The key lives in ``DATA_DIR/connectors.key`` on the machine that runs the connectors,
written like ``central.pgpass`` (:func:`inspector.private_files.write_private`: atomic, mode 0600): a
copy of the database alone does not reveal a single API key. ``INSPECTOR_CONNECTORS_KEY_FILE`` names
another key file (a mounted secret).

Credentials are never logged and never printed: :func:`mask` shows the last four characters at most.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from inspector.private_files import is_private, write_private

KEY_FILE = "connectors.key"
KEY_FILE_ENV = "INSPECTOR_CONNECTORS_KEY_FILE"


class CredentialProblem(Exception):
    """The key file is missing, readable by others, or not the key the credentials were stored with."""


def key_path(data_dir: Path) -> Path:
    """Where the key is: ``$INSPECTOR_CONNECTORS_KEY_FILE`` or ``DATA_DIR/connectors.key``."""
    named = os.environ.get(KEY_FILE_ENV)
    return Path(named) if named else Path(data_dir) / KEY_FILE


class Vault:
    """Encrypts and decrypts credentials with the key of one key file."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = path
        if not path.exists():
            if not create:
                raise CredentialProblem(
                    f"The connectors' key file {path} does not exist: run the connectors on the machine "
                    "where they were added, or copy that machine's key file here (mode 0600)."
                )
            write_private(path, Fernet.generate_key() + b"\n")
        if not is_private(path):
            raise CredentialProblem(f"The connectors' key file {path} can be read by other users; "
                                    f"chmod 600 it.")
        key = path.read_bytes().strip()
        try:
            self._fernet = Fernet(key)
        except ValueError as exc:
            raise CredentialProblem(f"The connectors' key file {path} does not hold a key.") from exc
        self.key_id = hashlib.sha256(key).hexdigest()[:12]

    def seal(self, credentials: dict[str, str]) -> str:
        """The credentials as an encrypted token."""
        return self._fernet.encrypt(json.dumps(credentials, sort_keys=True).encode("utf-8")).decode("ascii")

    def open(self, token: str, key_id: str) -> dict[str, str]:
        """The credentials of a token sealed with this key."""
        if key_id != self.key_id:
            raise CredentialProblem(
                f"The credentials were stored with another key (key {key_id}, this machine has "
                f"{self.key_id}); add them again with 'inspector connectors add ... --replace'."
            )
        try:
            data: Any = json.loads(self._fernet.decrypt(token.encode("ascii")))
        except InvalidToken as exc:
            raise CredentialProblem("The stored credentials cannot be decrypted with this key.") from exc
        return {str(k): str(v) for k, v in data.items()}


def mask(value: str) -> str:
    """A secret as it may be shown: its last four characters at most."""
    if len(value) <= 8:
        return "****"
    return "****" + value[-4:]
