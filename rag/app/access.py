"""Who may use the app: passwords from --auth / RAG_APP_AUTH / a users file, required on a non-loopback host."""

from __future__ import annotations

import hmac
import ipaddress
import logging
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
