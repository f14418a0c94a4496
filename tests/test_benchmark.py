"""The benchmark's arithmetic: history's share from builds taken in turns."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from run import (
    Counted,
    Measure,
    Step,
    _paired,
    _summary,
    machine,
    table,
    turn_order,
    write_results,
)


def _measure(what: str, turns: list[float], read: float | None = None) -> Measure:
    return Measure(what, min(turns), 100.0, cpu=min(turns), history_read=read, turns=turns)


def _builds(one: list[float], three: list[float]) -> list[Measure]:
    """The five builds history's share is taken from: each with history, then without."""
    site = "trustlist site, "
    return [
        _measure(f"{site}1 language, history walked in full", one[:1]),
        _measure(f"{site}1 language", one[:1]),
        _measure(f"{site}1 language, no git history", one[1:]),
        _measure(f"{site}3 languages", three[:1]),
        _measure(f"{site}3 languages, no git history", three[1:]),
    ]


def _counts(own_without_1: int, own_without_3: int) -> list[Counted]:
    """Instructions of the builds with history and without: the own process's given without
    history (of 20 and 40 billion with it), all work 30 / 25.5 and 50 / 45 billion."""
    return [
        Counted("1 language", own=20_000_000_000, total=30_000_000_000),
        Counted("1 language, no git history", own=own_without_1, total=25_500_000_000),
        Counted("3 languages", own=40_000_000_000, total=50_000_000_000),
        Counted("3 languages, no git history", own=own_without_3, total=45_000_000_000),
    ]


def test_paired_share_is_the_median_of_each_turns_share() -> None:
    # Turn 2 met a slow minute for both builds; turn 3 a slow minute for one of them only.
    git = _measure("with", [10.0, 20.0, 10.0])
    nogit = _measure("without", [9.6, 19.2, 12.0])
    assert _paired(git, nogit) == pytest.approx(0.04)


def test_turns_go_forward_then_back() -> None:
    steps = [Step(name, ["mkdocs"], Path(".")) for name in "abc"]
    order = [step.what for turn in range(4) for step in turn_order(steps, turn)]
    assert "".join(order) == "abccbaabccba"


def test_table_gives_both_shares_and_the_logged_read() -> None:
    site = "trustlist site, "
    measures = [
        _measure(f"{site}1 language, history walked in full", [10.5, 10.6], read=0.2),
        _measure(f"{site}1 language", [10.2, 10.0], read=0.1),
        _measure(f"{site}1 language, no git history", [9.8, 9.9]),
        _measure(f"{site}3 languages", [30.0, 31.0]),
        _measure(f"{site}3 languages, no git history", [29.0, 30.69]),
    ]
    lines = table(measures, 2000, 10, 300, Path("/tmp")).splitlines()
    share = "history's share of the build"
    assert f"{share}, 1 language, from the store, best runs: 0.02" in lines  # 1 - 9.8 / 10.0
    assert f"{share}, 1 language, from the store, median of turns: 0.02" in lines
    assert f"{share}, 1 language, walked in full, best runs: 0.07" in lines
    assert f"{share}, 3 languages, from the store, best runs: 0.03" in lines
    # Turns: 1 - 29/30 = 0.033 and 1 - 30.69/31 = 0.010: their median 0.022.
    assert f"{share}, 3 languages, from the store, median of turns: 0.02" in lines
    assert "history read's share of the 1 language build, from the store: 0.01" in lines
    assert "seconds of each turn, in the order run:" in lines
    assert f"{site}3 languages, no git history: 29.00 30.69" in lines


def test_table_gives_history_share_of_instructions() -> None:
    counts = _counts(19_400_000_000, 39_000_000_000)
    lines = table(_builds([10.0, 9.8], [30.0, 29.0]), 2000, 10, 300, Path("/tmp"), counts)
    lines = lines.splitlines()
    assert (
        "| 1 language, no git history" + " " * 22 + " |  19,400,000,000 |  25,500,000,000 |"
        in lines
    )
    assert "history's share of the 1 language build, instructions, own process: 0.03" in lines
    assert "history's share of the 1 language build, instructions, all work: 0.15" in lines
    assert "history's share of the 3 languages build, instructions, own process: 0.03" in lines
    assert "history's share of the 3 languages build, instructions, all work: 0.10" in lines


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instructions_are_read_from_a_real_cachegrind_file(tmp_path: Path) -> None:
    out = tmp_path / "counts"
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
    subprocess.run([*valgrind, sys.executable, "-c", "pass"], check=True, capture_output=True)
    small = _summary(out)
    subprocess.run(
        [*valgrind, sys.executable, "-c", "sum(range(10**6))"], check=True, capture_output=True
    )
    # A million additions more: millions of instructions more, and an exact count each time.
    assert 1_000_000 < _summary(out) - small < 1_000_000_000
    # A process that exec'd another program at once leaves a file with no count.
    (tmp_path / "exec").write_text("desc: I1 cache\ncmd: git status\n", encoding="utf-8")
    assert _summary(tmp_path / "exec") == 0


def test_verdicts_judge_history_by_each_measure_at_its_size() -> None:
    # Three languages: 1 - 28.2 / 30 = 6% by seconds; the own process 1 - 39.2 / 40 = 2%.
    measures = _builds([10.0, 9.7], [30.0, 28.2])
    counts = _counts(19_600_000_000, 39_200_000_000)
    lines = table(measures, 2000, 10, 300, Path("/tmp"), counts).splitlines()
    assert "issue 6's targets at 2000 systems and 300 commits:" in lines
    assert "history's share by best runs, largest case (at most 0.05): 0.060, NOT MET" in lines
    own = "history's share by instructions, own process, largest case (at most 0.05): 0.020, met"
    assert own in lines
    assert (
        "history's share by instructions, all work, largest case (at most 0.05): 0.150, NOT MET"
        in lines
    )
    # History's target names 2,000 systems and 300 commits: another size is not judged by it.
    other = table(measures, 2000, 10, 100, Path("/tmp"), counts)
    assert "history's share by" not in other


def test_verdicts_at_full_size_name_each_target_and_what_was_not_run() -> None:
    measures = [
        *_builds([20.0, 19.0], [59.0, 57.0]),
        Measure("trustlist validate, filled caches", 5.5, 300.0),
        Measure("trustlist site, 1 language, 1000 systems", 2.0, 100.0),
        Measure("mkdocs serve --dirty, 1000 systems, 3 languages: edit to page, slowest", 1.5, 1),
    ]
    measures[3].total_mb = 1100.0  # three languages: all processes together
    lines = table(measures, 10000, 10, 300, Path("/tmp")).splitlines()  # --ours-only
    assert "one language / plain MkDocs + Material (at most 0.5): not measured in this run" in lines
    assert "growth, 1000 to 10000 systems (at most 11): 10.00, met" in lines
    assert "three languages, seconds (at most 60): 59.00, met" in lines
    assert "three languages, peak MB of all processes (at most 1000): 1100.00, NOT MET" in lines
    assert "validation with filled caches, seconds (at most 5): 5.50, NOT MET" in lines
    assert "mkdocs serve, edit to page, slowest, seconds (at most 2): 1.50, met" in lines


def test_results_file_gives_command_machine_date_commit_and_the_table(tmp_path: Path) -> None:
    measures = _builds([10.0, 9.8], [30.0, 29.0])
    printed = table(measures, 2000, 10, 300, Path("/tmp"))
    command = [".venv/bin/python", "benchmarks/run.py", "--systems", "2000", "--runs", "1"]
    started = datetime(2026, 11, 27, 5, 32, 7, tzinfo=UTC)
    path = tmp_path / "bench" / "RESULTS.md"
    path.parent.mkdir()
    path.write_text("an older run's results\n", encoding="utf-8")
    write_results(path, printed, command, started, "9a976c0")
    text = path.read_text(encoding="utf-8")
    assert "older run" not in text  # overwritten
    assert text.startswith("# Benchmark results\n")
    assert "- Command: `.venv/bin/python benchmarks/run.py --systems 2000 --runs 1`" in text
    assert "- Date: 2026-11-27T05:32:07+00:00 to " in text
    assert "- Commit: 9a976c0" in text
    for line in machine():  # the CPU, cores, RAM, OS and the versions that were measured
        assert f"- {line}\n" in text
    assert "- CPU: " in text and " cores " in text and "- RAM: " in text and "- OS: " in text
    assert "mkdocs 1." in text and "mkdocs-material " in text and "Python 3." in text
    # The table exactly as `table` printed it, row by row, and what the rows mean.
    assert f"```text\n{printed}\n```" in text
    assert "| trustlist site, 3 languages, no git history " in text
    assert "What the rows mean." in text
