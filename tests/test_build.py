"""Real MkDocs builds: a valid registry builds; an invalid one fails with the validator's
lines and writes no site."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import SYSTEM, edit
from helpers import build, build_hooked

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from generate import generate


def test_valid_registry_builds(base: Path) -> None:
    result = build(base)
    assert result.returncode == 0, result.stderr
    assert (base / "site" / "index.html").is_file()
    # Outside git there is no history: a system page has no history section, and nothing of
    # one is left where it would stand, between the documents and the machine-readable data.
    page = (base / "site/en/health/demo-triage/index.html").read_text("utf-8")
    assert 'id="history"' not in page
    assert '</table>\n</div>\n\n\n<h2 id="data">' in page
    assert "history parts rendered by the writer" not in result.stderr


def test_invalid_registry_fails_the_build_and_writes_nothing(base: Path) -> None:
    edit(base / SYSTEM, '"260540001236"', '"260540001237"')
    result = build(base)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{SYSTEM}:15:8: error[BIN001] owner.bin: check digit must be 6, got 7" in result.stderr
    assert not (base / "site").exists()


def test_a_build_leaves_its_objects_to_the_exit_uncollected(base: Path) -> None:
    """The plugin freezes the build's objects when MkDocs shuts down, so Python's exit does
    not collect them all again (1.2 s of a 6 s build at 2,000 systems)."""
    # A hook that runs after the build, at the exit.
    hook = "import atexit, gc\natexit.register(lambda: print('frozen', gc.get_freeze_count()))\n"
    result = build_hooked(base, hook)
    assert result.returncode == 0, result.stderr
    frozen = int(result.stdout.split("frozen ")[-1])
    assert frozen > 10_000  # the build's objects, not a handful


def _garbage_at_freeze(root: Path) -> tuple[int, int]:
    """Cyclic garbage, and objects, when the build of `root` freezes what it has read: a
    collection run just before plugin.on_config's gc.freeze, which does none itself."""
    hook = (
        "import gc\n"
        "freeze = gc.freeze\n"
        "def collect_then_freeze():\n"
        "    print('garbage', gc.collect(), len(gc.get_objects()))\n"
        "    gc.freeze = freeze\n"
        "    freeze()\n"
        "gc.freeze = collect_then_freeze\n"
    )
    result = build_hooked(root, hook)
    assert result.returncode == 0, result.stderr
    _, garbage, objects = result.stdout.split()[:3]
    return int(garbage), int(objects)


def test_reading_a_registry_leaves_no_garbage_to_freeze(tmp_path: Path) -> None:
    """The build freezes what it has read without collecting first (a collection that found
    nothing took 0.23 s at 2,000 systems): that holds while reading leaves no cyclic garbage,
    which would stay to the end of the build. MkDocs' own start (its plugins looked up by
    importlib.metadata) leaves a few dozen objects in cycles, whatever the registry; a
    registry three times as large, with its history, must leave not one more."""
    small, large = tmp_path / "small", tmp_path / "large"
    generate(small, systems=10, sectors=2, commits=4, seed=1)
    generate(large, systems=30, sectors=2, commits=8, seed=1)
    garbage_small, objects_small = _garbage_at_freeze(small)
    garbage_large, objects_large = _garbage_at_freeze(large)
    assert objects_large > objects_small + 1_000  # the larger registry was read
    assert garbage_large == garbage_small < 200
