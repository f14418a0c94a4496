"""cli: the `trustlist` command; each subcommand is a thin call into the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, report
from .rules import RULES
from .validate import RegistryNotFound, validate_registry

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


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
    validate.add_argument("registry", nargs="?", default="registry", help="registry folder (default: registry)")
    validate.add_argument("--format", choices=("text", "json", "github", "markdown"), default="text")
    validate.set_defaults(run=_validate)

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
