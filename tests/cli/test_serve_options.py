"""The options of issue 20 refuse bad values before any work: a clear message, exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from pskg.cli import main


@pytest.mark.parametrize("value", ["0", "-1", "nan"])
def test_serve_refuses_a_timeout_that_is_no_time(value: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["serve", "--timeout", value, "--dist", str(tmp_path / "dist")]) == 2
    assert "--timeout" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists(), "refused before building"


def test_build_refuses_a_public_base_that_is_no_url(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["build", "--public-base", "ftp://example.org", "--dist", str(tmp_path / "dist")]) == 2
    assert "public base" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists(), "refused before building"


@pytest.mark.parametrize(
    ("asked", "host", "cors", "allowed", "line"),
    [
        (None, "127.0.0.1", False, True, "allowed on a loopback address (--no-allow-service refuses them)"),
        (None, "::1", False, True, "allowed on a loopback address (--no-allow-service refuses them)"),
        (None, "0.0.0.0", False, False, "refused on a non-loopback address (--allow-service allows them)"),
        (
            None,
            "127.0.0.1",
            True,
            False,
            "refused with --cors, any web page could send them (--allow-service allows them)",
        ),
        (True, "0.0.0.0", True, True, "allowed (--allow-service)"),
        (False, "127.0.0.1", False, False, "refused (--no-allow-service)"),
    ],
)
def test_serve_states_its_service_policy(asked: bool | None, host: str, cors: bool, allowed: bool, line: str) -> None:
    """Federated queries: allowed on loopback without --cors, refused elsewhere, unless the option says otherwise."""
    from pskg.cli.store import _service_policy

    assert _service_policy(asked, host, cors) == (allowed, line)
