"""The wheel carries ontology, data, shapes and queries, and works outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("*.whl")
    return path


def test_wheel_ships_the_resources(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "pskg/_resources/ontology/pss.ttl",
        "pskg/_resources/data/memberships.ttl",
        "pskg/_resources/validation/shapes.ttl",
        "pskg/_resources/queries/members-in-year.rq",
        "pskg/cli.py",
        "pskg/report/assets/post-soviet-outlines.json",
        "pskg/report/assets/README.md",
    ):
        assert expected in names


def test_installed_wheel_answers_a_query_outside_the_repository(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {k: v for k, v in os.environ.items() if k not in ("PSKG_ROOT", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    code = "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", code, "query", "members-in-year", "-p", "org=SCO", "-p", "year=2017", "-f", "csv"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "/id/IND" in result.stdout and "/id/PAK" in result.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import pskg.sources.resources as r; print(r.project_root())"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(site) in check.stdout
