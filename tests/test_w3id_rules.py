"""The w3id redirect rules (``deploy/w3id/.htaccess``): each IRI goes, path for path, where ``pskg serve`` answers it.

Apache is not run here: the rules are read line by line and applied as mod_rewrite
does in a folder's ``.htaccess`` (the path without the folder, first ``L`` rule wins).
"""

from __future__ import annotations

import re

import pytest

from pskg import __version__
from pskg.stores.resource_pages import resource_iri
from tests.conftest import REPO

RULES = REPO / "deploy" / "w3id" / ".htaccess"
HOST = "https://pskg.example.org"


def redirect(path: str) -> tuple[int, str]:
    """The status and target the rules give ``path`` (relative to the folder)."""
    environment: dict[str, str] = {}
    for line in RULES.read_text(encoding="utf-8").splitlines():
        if not line.startswith("RewriteRule "):
            continue
        pattern, target, flags = line.split()[1:4]
        match = re.search(pattern, path)
        if not match:
            continue
        if target == "-":
            environment.update(dict(re.findall(r"E=([A-Z_]+):([^,\]]+)", flags)))
            continue
        target = re.sub(r"%\{ENV:([A-Z_]+)\}", lambda m: environment[m.group(1)], target)
        groups = [match.group(0), *match.groups()]
        target = re.sub(r"\$(\d)", lambda m, groups=groups: groups[int(m.group(1))] or "", target)
        return int(re.search(r"R=(\d+)", flags).group(1)), target
    raise AssertionError(f"no rule for {path!r}")


@pytest.mark.parametrize(
    ("path", "status", "target"),
    [
        ("id/ARM", 303, "/id/ARM"),
        ("id/membership-ARM-CSTO-1992", 303, "/id/membership-ARM-CSTO-1992"),
        ("ontology", 303, "/ontology"),
        ("ontology/Membership", 303, "/ontology/Membership"),
        (f"ontology/{__version__}", 303, f"/ontology/{__version__}"),
        ("dataset", 303, "/dataset"),
        (
            f"dataset/{__version__}/postsoviet-security-kg.ttl",
            302,
            f"/dataset/{__version__}/postsoviet-security-kg.ttl",
        ),
        ("graph/facts", 303, "/dataset"),
        ("query", 307, "/query"),
        ("", 302, "/"),
        ("id/../../etc", 302, "/"),
    ],
)
def test_each_iri_goes_to_the_same_path_on_the_host(path: str, status: int, target: str) -> None:
    assert redirect(path) == (status, HOST + target)


@pytest.mark.parametrize(
    "path", ["/id/ARM", "/ontology", "/ontology/Membership", f"/ontology/{__version__}", "/dataset"]
)
def test_the_host_answers_each_resource_target(path: str) -> None:
    assert resource_iri(path) is not None
