"""`rag serve` / `python app.py`: loopback by default; another host is allowed with a warning."""

import logging

from rag.cli.main import build_parser
from rag.config import Settings
from rag.app.ui import warn_if_public


def test_app_binds_loopback_by_default():
    args = build_parser().parse_args(["serve"])
    assert args.host is None and Settings().app_host == "127.0.0.1" and Settings().app_port == 7860


def test_public_host_is_warned_about(caplog):
    with caplog.at_level(logging.WARNING, logger="rag.app.ui"):
        assert warn_if_public("0.0.0.0") and warn_if_public("192.168.1.5") and warn_if_public("example.org")
        assert caplog.text.count("anyone who can reach this machine") == 3
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="rag.app.ui"):
        assert not warn_if_public("127.0.0.1") and not warn_if_public("::1") and not warn_if_public("localhost")
    assert caplog.text == ""
