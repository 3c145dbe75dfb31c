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
        "pskg/cli/__init__.py",
        "pskg/engines/fast/store.py",
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


def test_an_installed_wheel_keeps_its_store_outside_the_package(wheel, tmp_path):
    """Issue 19: the second query of a wheel install reads the kept store; nothing is written under the package."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    before = sorted(str(path.relative_to(site)) for path in site.rglob("*") if "__pycache__" not in path.parts)
    env = {k: v for k, v in os.environ.items() if k not in ("PSKG_ROOT", "PYTHONPATH", "PSKG_CACHE_DIR")}
    env |= {"PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "user-cache"), "PYTHONDONTWRITEBYTECODE": "1"}
    code = "import sys, pskg.cli; sys.exit(pskg.cli.main(sys.argv[1:]))"
    command = [
        sys.executable,
        "-c",
        code,
        "query",
        "members-in-year",
        "-p",
        "org=CSTO",
        "-p",
        "year=2019",
        "--no-cache",
    ]
    outputs, kept = [], []
    for _ in range(2):
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        stores = (tmp_path / "user-cache" / "pskg" / "stores").iterdir()
        kept.append({(path.name, path.stat().st_ino) for path in stores if not path.name.startswith(".")})
    assert outputs[0] == outputs[1] and "(7 rows)" in outputs[0]
    assert len(kept[0]) == 1 and kept[1] == kept[0], "the second run opened the store the first one kept"
    after = sorted(str(path.relative_to(site)) for path in site.rglob("*") if "__pycache__" not in path.parts)
    assert after == before
