"""Machinery that makes a build faster without changing a byte of it: caches of verdicts and
history, the forked writer, Material's frame shared between pages, incremental rebuilds and the
cyclic GC's pauses. Each is switched off by one setting, and the tests compare the bytes."""
