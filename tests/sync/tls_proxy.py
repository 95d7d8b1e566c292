"""A TLS front for the shared PostgreSQL server, for the tests of ``sslmode=verify-full``.

The shared test server runs without TLS and may not be restarted, so the tests put this proxy in front
of it: it answers PostgreSQL's SSLRequest with ``S``, completes the TLS handshake with a certificate
for ``localhost`` signed by a test CA made with ``openssl``, and relays the decrypted protocol to the
real server. libpq on the station's side checks the certificate exactly as it would a real server's.
"""

from __future__ import annotations

import select
import shutil
import socket
import ssl
import struct
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

SSL_REQUEST, GSS_REQUEST = 80877103, 80877104


@dataclass(frozen=True)
class TestCA:
    """A CA certificate and a server certificate (``localhost``) it signed."""

    ca: Path
    server_cert: Path
    server_key: Path
    other_ca: Path  # a CA that signed nothing here: verification must fail with it


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_test_ca(directory: Path) -> TestCA:
    """Make the certificates with the openssl command (EC P-256, valid two days)."""
    if not shutil.which("openssl"):
        raise RuntimeError("openssl is missing: scripts/install-system-deps installs it")
    directory.mkdir(parents=True, exist_ok=True)
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    for name in ("ca", "other"):
        _openssl("req", "-x509", *ec, "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2",
                 "-subj", f"/CN=Return Inspector test {name}", cwd=directory)
    _openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost",
             cwd=directory)
    (directory / "san.ext").write_text("subjectAltName=DNS:localhost\n", encoding="ascii")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", "server.pem", "-days", "2", "-extfile", "san.ext", cwd=directory)
    return TestCA(directory / "ca.pem", directory / "server.pem", directory / "server.key",
                  directory / "other.pem")


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed during negotiation")
        data += chunk
    return data


class TlsProxy:
    """Listens on 127.0.0.1 (``port``); counts completed handshakes in ``tls_sessions``."""

    def __init__(self, ca: TestCA, upstream: tuple[str, int] = ("127.0.0.1", 5432)) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(ca.server_cert, ca.server_key)
        self._upstream = upstream
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.tls_sessions = 0
        self.refused_handshakes = 0
        self._threads: list[threading.Thread] = []
        self._closing = False
        accept = threading.Thread(target=self._accept, name="tls-proxy", daemon=True)
        accept.start()

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(30)
        try:
            while True:
                _length, code = struct.unpack("!ii", _exactly(client, 8))
                if code == GSS_REQUEST:
                    client.sendall(b"N")
                    continue
                if code != SSL_REQUEST:  # a client that does not ask for TLS: not served here
                    client.close()
                    return
                client.sendall(b"S")
                break
            try:
                secure = self._context.wrap_socket(client, server_side=True)
            except (ssl.SSLError, OSError):
                self.refused_handshakes += 1  # the client did not trust our certificate
                client.close()
                return
            self.tls_sessions += 1
            with secure, socket.create_connection(self._upstream, timeout=30) as upstream:
                self._relay(secure, upstream)
        except (OSError, ConnectionError):
            client.close()

    @staticmethod
    def _relay(secure: ssl.SSLSocket, upstream: socket.socket) -> None:
        while True:
            ready = [secure] if secure.pending() else select.select([secure, upstream], [], [], 30)[0]
            if not ready:
                return
            for source in ready:
                data = source.recv(65536)
                if not data:
                    return
                (upstream if source is secure else secure).sendall(data)

    def close(self) -> None:
        """Stop listening (connections in flight end with their clients)."""
        self._closing = True
        self._listener.close()
