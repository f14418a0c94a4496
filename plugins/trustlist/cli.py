"""cli: the `trustlist` command; each subcommand is a thin call into the core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import __version__, report
from .rules import RULES
from .validate import RegistryNotFound, validate_registry

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DEFAULT_CALENDAR = "registry/calendar.yaml"


def _validate(args: argparse.Namespace) -> int:
    registry = validate_registry(Path(args.registry))
    findings = registry.findings
    subject = f"{args.registry} ({len(registry.sectors)} sectors, {len(registry.systems)} systems)"
    if args.format == "json":
        stats = {
            "sectors": len(registry.sectors),
            "systems": len(registry.systems),
            "documents": sum(len(s.files) for s in registry.systems),
        }
        print(report.as_json(findings, str(args.registry), stats))
    elif args.format == "github":
        print(report.as_github(findings, subject))
    elif args.format == "markdown":
        print(report.as_markdown(findings, subject))
    else:
        print(report.as_text(findings, subject))
    return EXIT_FINDINGS if registry.errors else EXIT_OK


def _date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def _deadlines(args: argparse.Namespace) -> int:
    from .deadlines import WorkingCalendar, compute_deadlines, load_calendar_overrides

    overrides = None
    if Path(args.calendar).exists():
        overrides, findings = load_calendar_overrides(Path(args.calendar), args.calendar)
        if findings:
            print(report.as_text(findings, args.calendar))
            return EXIT_FINDINGS
    elif args.calendar != DEFAULT_CALENDAR:
        print(f"trustlist: {args.calendar}: no such calendar file", file=sys.stderr)
        return EXIT_USAGE
    deadlines = compute_deadlines(
        WorkingCalendar(overrides),
        args.submitted,
        args.resubmitted,
        args.decided,
        args.published,
        args.today,
    )
    if args.format == "json":
        print(json.dumps([report.deadline_dict(d) for d in deadlines], indent=2))
    elif args.format == "markdown":
        print(report.deadlines_markdown(deadlines))
    else:
        print(report.deadlines_text(deadlines))
    return EXIT_FINDINGS if any(d.state in ("missed", "overdue") for d in deadlines) else EXIT_OK


def _codeowners(args: argparse.Namespace) -> int:
    from .codeowners import codeowners

    registry = validate_registry(Path(args.registry))
    if registry.errors:
        print(report.as_text(registry.errors, args.registry))
        return EXIT_FINDINGS
    text = codeowners(registry, args.maintainers)
    target = Path(args.output)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run `trustlist codeowners` and commit it")
            return EXIT_FINDINGS
        print(f"{args.output} matches the sectors' reviewers")
        return EXIT_OK
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        print(report.rules_markdown(RULES))
    else:
        for code, rule in RULES.items():
            print(f"{code}\t{rule}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trustlist",
        description="Validate and publish Kazakhstan's lists of trusted high-risk AI systems.",
    )
    parser.add_argument("--version", action="version", version=f"trustlist {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser("validate", help="check every record and document of a registry")
    validate.add_argument(
        "registry", nargs="?", default="registry", help="registry folder (default: registry)"
    )
    validate.add_argument(
        "--format", choices=("text", "json", "github", "markdown"), default="text"
    )
    validate.set_defaults(run=_validate)

    deadlines = commands.add_parser(
        "deadlines",
        help="the Order's terms for one application, in Kazakhstan working days",
        description="Review is due 10 working days after submission, re-review 5 after "
        "resubmission, publication 5 after the decision; a term counts from the day after "
        "the event. "
        "Exit 1 when a term was missed or is overdue.",
    )
    deadlines.add_argument("--submitted", type=_date, required=True, metavar="DATE")
    deadlines.add_argument("--resubmitted", type=_date, metavar="DATE")
    deadlines.add_argument("--decided", type=_date, metavar="DATE")
    deadlines.add_argument("--published", type=_date, metavar="DATE")
    deadlines.add_argument("--today", type=_date, metavar="DATE", help="default: the system date")
    deadlines.add_argument(
        "--calendar",
        default=DEFAULT_CALENDAR,
        help=f"working-day overrides (default: {DEFAULT_CALENDAR})",
    )
    deadlines.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    deadlines.set_defaults(run=_deadlines)

    owners = commands.add_parser(
        "codeowners", help="write .github/CODEOWNERS from the sectors' reviewers"
    )
    owners.add_argument("registry", nargs="?", default="registry")
    owners.add_argument("--output", default=".github/CODEOWNERS")
    owners.add_argument(
        "--maintainers",
        default="@kz-trustlist/maintainers",
        help="owner of code, schemas and workflows (default: @kz-trustlist/maintainers)",
    )
    owners.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    owners.set_defaults(run=_codeowners)

    rules = commands.add_parser("rules", help="list the validation rules and their codes")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")
    rules.set_defaults(run=_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except RegistryNotFound as err:
        print(f"trustlist: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        print(f"trustlist: {err.filename or ''}: {err.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
