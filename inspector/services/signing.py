"""Ed25519 keys and signed chain heads (``cryptography``; no hand-written crypto).

Each station makes its key pair at first start: the private key is a PKCS#8 PEM file in the data
directory (``keys/station-ed25519.pem``, mode 0600, written atomically), the public key goes to the
central database at the first sync (trust on enrolment, docs/security.md). A *chain head* is a short
text naming the station, the seq and hash of its newest audit event; the station signs exactly those
bytes. Anyone can check such a signature with OpenSSL 3::

    openssl pkeyutl -verify -pubin -inkey station.pem -rawin -in head.txt -sigfile head.sig
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector.services.photo_store import write_atomically

HEAD_TITLE = "Return Inspector signed chain head v1"


class KeyProblem(Exception):
    """A key file cannot be read or is not an Ed25519 key."""


@dataclass(frozen=True)
class SigningKey:
    """An Ed25519 private key (a station's, or the notary's)."""

    private: Ed25519PrivateKey

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        """The key in ``path``; a new one is made (and stored 0600) when the file does not exist."""
        if not path.exists():
            key = Ed25519PrivateKey.generate()
            pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
            write_atomically(path, pem)  # a temporary file made 0600 (mkstemp), fsync, rename
            os.chmod(path, 0o600)
            return cls(key)
        try:
            loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise KeyProblem(f"{path}: not a readable private key ({type(exc).__name__})") from exc
        if not isinstance(loaded, Ed25519PrivateKey):
            raise KeyProblem(f"{path}: not an Ed25519 key")
        return cls(loaded)

    @property
    def public_pem(self) -> str:
        """The public key as PEM (SubjectPublicKeyInfo), what ``openssl pkeyutl -pubin`` reads."""
        return public_pem(self.private.public_key())

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the raw 32-byte public key (hex)."""
        return fingerprint(self.public_pem)

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data``."""
        return self.private.sign(data)


def public_pem(key: Ed25519PublicKey) -> str:
    """A public key as PEM text."""
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def _public(pem: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise KeyProblem(f"not a public key ({type(exc).__name__})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise KeyProblem("not an Ed25519 public key")
    return key


def fingerprint(pem: str) -> str:
    """SHA-256 of the raw public key bytes (hex); the same key gives the same fingerprint in any PEM."""
    raw = _public(pem).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def verify(pem: str, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the Ed25519 signature of ``data`` by the key ``pem``."""
    try:
        _public(pem).verify(signature, data)
    except (InvalidSignature, KeyProblem, ValueError):
        return False
    return True


def b64(data: bytes) -> str:
    """Base64 text (how signatures are stored in the databases)."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Bytes of base64 text (empty for malformed text, which then fails to verify)."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return b""


def head_text(station_id: object, station_code: str, seq: int, digest: str, signed_at: datetime) -> str:
    """The exact text a station signs for its chain head (one ``key value`` per line, ASCII)."""
    code = "".join(c if c.isascii() and c.isprintable() else "?" for c in station_code)
    return (f"{HEAD_TITLE}\nstation {station_id}\nstation_code {code}\nseq {seq}\nhash {digest}\n"
            f"signed_at {signed_at.isoformat(timespec='seconds')}\n")


def parse_head(text: str) -> dict[str, str]:
    """The ``key value`` lines of a head (or notary statement) text; {} when it is not one."""
    lines = text.split("\n")
    if not lines or not lines[0].startswith("Return Inspector "):
        return {}
    return dict(line.split(" ", 1) for line in lines[1:] if " " in line)
