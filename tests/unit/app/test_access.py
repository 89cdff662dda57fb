"""Logins for the app: parsing, the users file, the non-loopback rule, bearer keys; Gradio's env vars."""

import asyncio

import pytest

from rag.app.access import bearer_allowed, decide_auth, is_loopback, load_credentials, parse_credentials
from rag.cli.main import main
from rag.config import Settings
from rag.errors import RagError


def test_credentials_parse_commas_newlines_comments_and_colons_in_passwords():
    assert parse_credentials("ann:pw1, bob:a:b:c\n# a comment\n\ncy:x") == [("ann", "pw1"), ("bob", "a:b:c"),
                                                                          ("cy", "x")]
    with pytest.raises(RagError, match="item 2 is not 'user:password'"):
        parse_credentials("ann:pw,justaname")
    with pytest.raises(RagError, match="not 'user:password'"):
        parse_credentials("ann:")


def test_users_file_adds_to_the_auth_values(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text("# team\nbob:secret\ncy:other\n")
    assert load_credentials(["ann:pw"], users) == [("ann", "pw"), ("bob", "secret"), ("cy", "other")]
    assert load_credentials("ann:pw", None) == [("ann", "pw")]
    with pytest.raises(RagError, match="Cannot read the users file"):
        load_credentials(None, tmp_path / "missing.txt")
    (tmp_path / "empty.txt").write_text("# nobody\n")
    with pytest.raises(RagError, match="lists no logins"):
        load_credentials(None, tmp_path / "empty.txt")


def test_a_public_host_needs_a_password_unless_opted_out(caplog):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")
    assert decide_auth("127.0.0.1", [], require=True) is None
    assert decide_auth("0.0.0.0", [("a", "b")], require=True) == [("a", "b")]
    with pytest.raises(RagError, match="Refusing to serve on 0.0.0.0 without a password.*--no-auth"):
        decide_auth("0.0.0.0", [], require=True)
    assert decide_auth("0.0.0.0", [], require=False) is None


def test_rag_serve_on_a_public_host_without_a_password_exits_with_the_remedy(tmp_path, capsys):
    assert main(["--index-dir", str(tmp_path / "idx"), "serve", "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "Refusing to serve on 0.0.0.0" in capsys.readouterr().err


def test_bearer_key_is_one_of_the_logins():
    logins = [("ann", "pw1"), ("bob", "pw2")]
    assert bearer_allowed("Bearer bob:pw2", logins) and bearer_allowed("bearer ann:pw1", logins)
    assert not bearer_allowed("Bearer ann:pw2", logins) and not bearer_allowed(None, logins)
    assert not bearer_allowed("Basic YW5uOnB3MQ==", logins)
    assert bearer_allowed(None, None)  # an open app


def test_gradio_server_env_vars_are_honoured_and_ours_win(monkeypatch):
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9000")
    assert (Settings().app_host, Settings().app_port) == ("0.0.0.0", 9000)
    monkeypatch.setenv("RAG_APP_PORT", "9100")
    monkeypatch.setenv("RAG_APP_HOST", "127.0.0.2")
    assert (Settings().app_host, Settings().app_port) == ("127.0.0.2", 9100)
    assert Settings(app_port=9200).app_port == 9200


def test_gradio_env_beats_rag_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rag.toml").write_text("app_port = 7000\n")
    assert Settings().app_port == 7000
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9000")
    assert Settings().app_port == 9000


def test_guarded_asgi_app_answers_401_without_the_key():
    import asyncio

    from rag.app.access import guard_asgi

    reached, sent = [], []

    async def inner(scope, receive, send):
        reached.append(scope["path"])

    async def send(message):
        sent.append(message)

    guarded = guard_asgi(inner, [("ann", "pw")])
    scope = {"type": "http", "path": "/gradio_api/mcp/", "headers": [(b"authorization", b"Bearer ann:nope")]}
    _run(guarded(scope, None, send))
    assert reached == [] and sent[0]["status"] == 401
    _run(guarded(scope | {"headers": [(b"authorization", b"Bearer ann:pw")]}, None, send))
    assert reached == ["/gradio_api/mcp/"]


def _run(coroutine):
    """Run a coroutine on its own thread's event loop (a browser test earlier in the session may leave one running
    on the main thread)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_comma_in_a_users_file_password_is_part_of_the_password(tmp_path):
    users = tmp_path / "users.txt"
    users.write_text("ann:abc,def:ghi\nbob:pw2\n", encoding="utf-8")
    assert load_credentials(None, users) == [("ann", "abc,def:ghi"), ("bob", "pw2")]  # no login "def" appears


def test_a_non_ascii_login_is_compared_as_bytes_and_never_raises():
    """A login with "ë" listed first made every API request a 500 (str compare_digest raises on non-ASCII)."""
    logins = [("zoë", "pässwörd"), ("ann", "pw1")]
    utf8_as_server_reads_it = "Bearer " + "zoë:pässwörd".encode().decode("latin-1")  # curl sends UTF-8
    assert bearer_allowed(utf8_as_server_reads_it, logins)
    assert bearer_allowed("Bearer zoë:pässwörd", logins)  # Python's http clients send Latin-1
    assert bearer_allowed("Bearer ann:pw1", logins)
    assert not bearer_allowed("Bearer ann:pwé", logins) and not bearer_allowed("Bearer \u20ac:x", logins)


def test_a_user_listed_twice_keeps_only_the_last_password(tmp_path, caplog):
    """RAG_APP_AUTH=ann:oldpw plus ann:newpw in the users file: the browser login takes the last one, so the API must
    not still open with the old one."""
    users = tmp_path / "users.txt"
    users.write_text("ann:newpw\nbob:pw2\n", encoding="utf-8")
    logins = load_credentials("ann:oldpw", users)
    assert sorted(logins) == [("ann", "newpw"), ("bob", "pw2")]
    assert not bearer_allowed("Bearer ann:oldpw", logins) and bearer_allowed("Bearer ann:newpw", logins)
    assert "ann" in caplog.text and "more than once" in caplog.text


def test_an_address_guessing_passwords_is_refused_for_a_while(caplog):
    """300 wrong passwords took 0.5 s and the right one still worked at once: now the 10th failure in 5 minutes
    shuts that address out (429, logged) until its failures age out; other addresses are not affected."""
    from rag.app.access import FailedLogins, throttle_asgi

    now = [0.0]
    failures = FailedLogins(limit=3, window=60, clock=lambda: now[0])
    statuses = []

    async def login(scope, receive, send):  # a wrong password unless the path says right
        await send({"type": "http.response.start", "status": 200 if scope["path"] == "/right" else 400})
        await send({"type": "http.response.body", "body": b""})

    app = throttle_asgi(login, failures, refusals=(400, 401))

    def call(path: str, client: str = "10.0.0.9") -> int:
        async def send(message):
            if message["type"] == "http.response.start":
                statuses.append(message["status"])
        _run(app({"type": "http", "path": path, "client": (client, 5000)}, None, send))
        return statuses[-1]

    assert [call("/wrong") for _ in range(3)] == [400, 400, 400]
    assert call("/right") == 429 and "3 failed logins from 10.0.0.9" in caplog.text
    assert call("/right", client="10.0.0.7") == 200  # another address
    now[0] = 61.0
    assert call("/right") == 200  # the failures aged out
