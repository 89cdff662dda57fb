"""Who may use the app: passwords from --auth / RAG_APP_AUTH / a users file, required on a non-loopback host."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import threading
import time
from collections import deque
from pathlib import Path

from ..errors import RagError

log = logging.getLogger(__name__)

Credentials = list[tuple[str, str]]


def is_loopback(host: str) -> bool:
    """Return True when host only accepts connections from this machine."""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_credentials(text: str, origin: str = "RAG_APP_AUTH", lines: bool = False) -> Credentials:
    """Return (user, password) pairs from "user:password" items separated by commas or newlines ('#' comments);
    with lines=True (a users file) by newlines only, so a password there may hold a comma."""
    pairs = []
    for number, item in enumerate((text if lines else text.replace(",", "\n")).splitlines(), 1):
        item = item.strip()
        if not item or item.startswith("#"):
            continue
        user, colon, password = item.partition(":")
        if not colon or not user.strip() or not password:
            raise RagError(f"{origin}: item {number} is not 'user:password'. Write each login as user:password "
                           "(the password may contain ':').")
        pairs.append((user.strip(), password))
    return pairs


def load_credentials(auth: list[str] | str | None, auth_file: Path | None) -> Credentials:
    """Return every login from the --auth values (or RAG_APP_AUTH) and the users file (one user:password a line)."""
    items = [auth] if isinstance(auth, str) else list(auth or [])
    pairs = [pair for item in items for pair in parse_credentials(item)]
    if auth_file is not None:
        try:
            text = Path(auth_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise RagError(f"Cannot read the users file {auth_file} ({exc.strerror}). Check RAG_APP_AUTH_FILE / "
                           "--auth-file.") from exc
        pairs += parse_credentials(text, str(auth_file), lines=True)
        if not pairs:
            raise RagError(f"The users file {auth_file} lists no logins. Add lines of user:password.")
    return unique_users(pairs)


def unique_users(pairs: Credentials) -> Credentials:
    """Return one login per user, the last one given (as the browser login reads them), warning of the others: an
    old password listed earlier must not still open the API."""
    last = dict(pairs)
    if len(last) < len(pairs):
        twice = sorted({user for user, _ in pairs if sum(u == user for u, _ in pairs) > 1})
        log.warning("user(s) %s listed more than once (--auth / RAG_APP_AUTH / the users file): only the last "
                    "password of each counts", ", ".join(twice))
    return list(last.items())


def decide_auth(host: str, credentials: Credentials, require: bool) -> Credentials | None:
    """Return the logins to enforce (None: open), refusing to serve a non-loopback host openly unless opted out."""
    if credentials:
        return credentials
    if is_loopback(host):
        return None
    if require:
        raise RagError(f"Refusing to serve on {host} without a password: anyone who can reach it could ask and "
                       "upload. Pass --auth user:password (or RAG_APP_AUTH, or --auth-file), serve on 127.0.0.1, "
                       "or pass --no-auth to serve it open on purpose.")
    log.warning("serving on %s without a password (--no-auth): anyone who can reach this machine can ask questions "
                "and upload files.", host)
    return None


def bearer_allowed(header: str | None, credentials: Credentials | None) -> bool:
    """Return True when an Authorization header carries one of the logins as 'Bearer user:password' (or when the
    app is open)."""
    if not credentials:
        return True
    scheme, _, token = (header or "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    key = _as_bytes(token.strip(), "latin-1")  # the bytes the client sent: servers decode headers as Latin-1
    return any(hmac.compare_digest(key, form) for user, password in credentials
               for form in _byte_forms(f"{user}:{password}"))


def _as_bytes(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # (text no server decoded: a caller's own)
        return text.encode()


def _byte_forms(login: str) -> set[bytes]:
    """A login as a client may send it: UTF-8 (curl, browsers), or Latin-1 (Python's http clients) when it can be;
    compared as bytes, so a non-ASCII password works instead of raising."""
    return {login.encode(), _as_bytes(login, "latin-1")}


class FailedLogins:
    """Failed logins per client address (the page's /login, API and MCP keys): an address with `limit` failures in
    the last `window` seconds is refused (429) until the oldest ages out, so passwords cannot be guessed at speed;
    the first refusal is logged with the address."""

    def __init__(self, limit: int = 10, window: float = 300.0, clock=time.monotonic, most: int = 10_000):
        self.limit, self.window, self.clock, self.most = limit, window, clock, most
        self._failures: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str) -> deque:
        failures = self._failures.get(client, deque())
        while failures and self.clock() - failures[0] > self.window:
            failures.popleft()
        return failures

    def blocked(self, client: str) -> bool:
        with self._lock:
            return len(self._recent(client)) >= self.limit

    def failed(self, client: str) -> None:
        with self._lock:
            if client not in self._failures and len(self._failures) >= self.most:  # bounded memory: the stalest
                self._failures.pop(next(iter(self._failures)))  # address is forgotten first
            failures = self._recent(client)
            failures.append(self.clock())
            self._failures[client] = failures
            if len(failures) == self.limit:
                log.warning("%d failed logins from %s in %.0f s: refusing it for a while", self.limit, client,
                            self.window)


TOO_MANY = b'{"error": "Too many failed logins from this address. Wait a few minutes, then try again."}'


def throttle_asgi(app, failures: FailedLogins, refusals: tuple[int, ...] = (401, 403)):
    """Return an ASGI app that answers 429 to an address with too many recent failed logins and counts every reply
    of app with a status in refusals (a wrong key; Gradio's /login answers a wrong password with 400) as one."""

    async def throttled(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        client = (scope.get("client") or ("?",))[0]
        if failures.blocked(client):
            await send({"type": "http.response.start", "status": 429,
                        "headers": [(b"content-type", b"application/json"), (b"retry-after", b"300")]})
            await send({"type": "http.response.body", "body": TOO_MANY})
            return

        async def counted(message):
            if message["type"] == "http.response.start" and message["status"] in refusals:
                failures.failed(client)
            await send(message)

        await app(scope, receive, counted)

    return throttled


def guard_asgi(app, credentials: Credentials):
    """Return an ASGI app that answers 401 unless the request carries 'Authorization: Bearer user:password' of one of
    the logins (for endpoints Gradio's login does not cover, such as its MCP server)."""

    async def guarded(scope, receive, send):
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            if not bearer_allowed(headers.get("authorization"), credentials):
                body = b'{"error": "Missing or wrong key: send Authorization: Bearer user:password (an app login)."}'
                await send({"type": "http.response.start", "status": 401,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"www-authenticate", b"Bearer")]})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guarded
