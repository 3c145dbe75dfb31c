"""The package's layers, held: who may import whom (statically), and what the fast path loads (at run time).

Layers, lowest first: the foundation (``pskg``, ``errors``, ``atomic``,
``progress``), ``sources``, ``queries``, ``engines``, ``release``, ``stores``,
``report`` and ``wikidata``, ``api`` (the notebook functions), ``devtools``, ``cli``. A module imports its own layer
and the layers below, never one above: the library never imports the CLI, the
engines import no command, release or store. ``engines.fast`` imports neither
pySHACL, owlrl nor the reference engine, even inside a function: the hand-over
modules (``engines.validation``, ``engines.reasoning``) do that, and only when a
construct needs it. One upward import is allowed, by name: ``pskg`` re-exports the
notebook API (``pskg.graph()``) from ``pskg.api`` inside a PEP 562 ``__getattr__``,
so that ``import pskg`` loads none of it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pskg

PACKAGE = Path(pskg.__file__).resolve().parent
LAYERS = (
    ("pskg", "pskg.errors", "pskg.atomic", "pskg.progress"),
    ("pskg.sources",),
    ("pskg.queries",),
    ("pskg.engines",),
    ("pskg.release",),
    ("pskg.stores",),
    ("pskg.report", "pskg.wikidata"),
    ("pskg.api",),
    ("pskg.devtools",),
    ("pskg.cli", "pskg.__main__"),
)
FAST_PATH_FORBIDDEN = ("pyshacl", "owlrl", "pskg.engines.reference")
#: The upward imports allowed, each with its reason in the module docstring: (importer, imported).
ALLOWED_UPWARD = {("pskg", "pskg.api")}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "_resources" not in p.parts}


def imports(path: Path, top_level_only: bool = False) -> set[str]:
    """The modules ``path`` imports (``from a import b`` counts ``a`` and ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def layer(name: str) -> int | None:
    """The layer of a pskg module (the longest matching prefix), None for other packages."""
    best: tuple[int, int] | None = None
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (rank, len(prefix))
    return None if best is None or not name.startswith("pskg") else best[0]


def violations() -> list[str]:
    found = []
    known = modules()
    for name, path in known.items():
        own = layer(name)
        assert own is not None, f"{name} is in no layer: add it to LAYERS"
        for imported in sorted(imports(path)):
            target = layer(imported)
            if target is not None and imported in known and target > own and (name, imported) not in ALLOWED_UPWARD:
                found.append(f"{name} (layer {own}) imports {imported} (layer {target})")
    return found


def fast_path_violations(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted((package / "engines" / "fast").rglob("*.py")):
        for imported in sorted(imports(path)):
            if any(imported == bad or imported.startswith(bad + ".") for bad in FAST_PATH_FORBIDDEN):
                found.append(f"{module_name(path, package)} imports {imported}")
    return found


def test_every_module_imports_only_its_layer_and_below() -> None:
    assert len(modules()) > 50  # the walk found the package
    assert violations() == []


def test_import_pskg_loads_no_layer_above_the_foundation() -> None:
    """The notebook API is re-exported lazily: ``import pskg`` alone imports none of it (the CLI's start-up)."""
    code = "import sys, pskg; print(sorted(m for m in sys.modules if m.startswith('pskg.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
    code = "import sys, pskg; pskg.query; print('pskg.api' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "True", done.stderr


def test_the_library_never_imports_the_cli() -> None:
    for name, path in modules().items():
        if not name.startswith(("pskg.cli", "pskg.__main__")):
            assert not {i for i in imports(path) if i.startswith("pskg.cli")}, name


def test_the_fast_path_imports_no_reference_library() -> None:
    assert fast_path_violations() == []


def test_the_layer_rules_can_fail(tmp_path: Path) -> None:
    """A fast module that imports pySHACL in a function, and a source module that imports the CLI, are caught."""
    fast = tmp_path / "engines" / "fast"
    fast.mkdir(parents=True)
    (fast / "sneaky.py").write_text("def f():\n    import pyshacl\n    return pyshacl\n", encoding="utf-8")
    assert [v.split(" imports ")[1] for v in fast_path_violations(tmp_path)] == ["pyshacl"]
    assert layer("pskg.sources.parse") == 1 and layer("pskg.cli.query") == 9
    assert layer("pskg.cli") > layer("pskg.release.build")  # so release importing cli is reported


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "members-in-year", "--param", "org=CSTO", "--param", "year=2019", "--no-cache"],
        ["validate"],
        ["build", "--dist", "{tmp}/dist"],
    ],
    ids=["query", "validate", "build"],
)
def test_the_fast_engine_loads_neither_pyshacl_nor_owlrl(argv: list[str], tmp_path: Path) -> None:
    """On the project's own graph nothing needs a hand-over, so the reference libraries are never loaded."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code = (
        "import sys, contextlib, io\n"
        "from pskg.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({args!r})\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('pyshacl', 'owlrl'))\n"
        "print(status, loaded[:3])\n"
    )
    env = {**os.environ, "PSKG_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.stdout.strip() == "0 []", done.stderr
