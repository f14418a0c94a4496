"""The cyclic garbage collector paused while a large structure that stays alive is built.

Building the registry's records and models allocates hundreds of thousands of containers,
and each time a generation fills, the collector walks everything made so far, only to find it
alive: at 10,000 systems those walks took longer than the work itself (validation's JSON
decoding went from 0.8 s to 0.3 s without them). Nothing here forms cycles that need
collecting; the collector resumes as it was when the block ends.

Switch: TRUSTLIST_GC_PAUSE=off leaves the collector as Python runs it (each function here does
nothing), to compare a build's time and memory with and without the pauses.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def _switched_off() -> bool:
    return os.environ.get("TRUSTLIST_GC_PAUSE") == "off"


@contextmanager
def gc_paused() -> Iterator[None]:
    if _switched_off():
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The build's GC policy, one function per moment of a build (build.py and plugin.py call them).


def hold() -> None:
    """What is read so far (registry, history, models) lives until the build ends: the cyclic
    GC need not scan it again each time the pages, models and exports made from it fill a
    generation. Frozen without a collection first: reading builds no cycles, so one found
    nothing to free and took 0.23 s at 2,000 systems, 0.83 s at 10,000 (tests/test_build.py
    checks there is nothing to find). Undone by `release`."""
    if _switched_off():
        return
    gc.freeze()


def collect_and_hold(full_build: bool) -> None:
    """Before the pages are written: what MkDocs made since `hold` (milliseconds to collect
    in a full build) joins the frozen data, which lives until the build ends."""
    if _switched_off():
        return
    if full_build:
        gc.collect()
    gc.freeze()


def release() -> None:
    """The build is over (or failed): its data must be free to go. Unfrozen only now: a full
    collection over everything frozen took seconds at 10,000 systems when it fell in the
    manifest's hashing."""
    if _switched_off():
        return
    gc.unfreeze()


def collect_soon() -> None:
    """`mkdocs serve`: a full collection takes a quarter of a second at 1,000 systems, done
    while the browser loads the page rather than on the way to it (the next build freezes)."""
    if _switched_off():
        return
    collector = threading.Timer(1.0, gc.collect)
    collector.daemon = True
    collector.start()


def at_exit() -> None:
    """The process is about to exit: Python's finalization would collect everything the build
    made, more than once (1.2 s of a 6 s build at 2,000 systems). Frozen, the objects are
    still freed by their reference counts, and the operating system takes the rest."""
    if _switched_off():
        return
    gc.freeze()
