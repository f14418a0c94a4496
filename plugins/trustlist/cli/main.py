"""cli: the `trustlist` command; each subcommand is a thin call into the core."""

from __future__ import annotations

import argparse
import json
import os
import sys
import typing
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from .. import __version__
from ..core import report
from ..core.findings import UsageError
from ..core.messages import LANGS, say
from ..core.messages.codes import MESSAGES as CODES
from ..core.models import FIRST_YEAR, LAST_YEAR, Reason
from ..core.validate import Registry, validate_registry
from ..speed.gcpause import gc_paused
from ..speed.verdicts import MEMORY
from . import audit

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # SIGPIPE, as a shell reports a tool it ended
DEFAULT_CALENDAR = "registry/calendar.yaml"
REASONS = typing.get_args(Reason)  # why the body suspends or excludes a system


def _validated(registry: Path) -> Registry:
    """The registry validated with what this machine remembers of earlier verdicts (the
    cache folder; TRUSTLIST_CACHE=off for none), the cyclic GC paused while it is read."""
    with gc_paused():
        return validate_registry(registry, memory=MEMORY)


def _validate(args: argparse.Namespace) -> int:
    registry = _validated(Path(args.registry))
    sectors, systems = len(registry.sectors), len(registry.systems)
    subject = say(
        "report.registry", args.lang, sectors=sectors, systems=systems, registry=args.registry
    )
    stats = {
        "sectors": sectors,
        "systems": systems,
        "documents": sum(len(s.files) for s in registry.systems),
    }
    found = report.Report(registry.findings, subject, args.lang, str(args.registry), stats)
    print(report.render(found, args.format), end="")
    return EXIT_FINDINGS if registry.errors else EXIT_OK


def _date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # as every date of the registry
        raise argparse.ArgumentTypeError(f"'{text}' is not a date from {FIRST_YEAR} to {LAST_YEAR}")
    return day


def _deadlines(args: argparse.Namespace) -> int:
    from ..core.deadlines import WorkingCalendar, compute_deadlines, load_calendar_overrides

    overrides = None
    if Path(args.calendar).exists():
        overrides, findings = load_calendar_overrides(Path(args.calendar), args.calendar)
        if findings:
            print(report.render(report.Report(findings, args.calendar), args.format), end="")
            return EXIT_FINDINGS
    elif args.calendar != DEFAULT_CALENDAR:
        raise UsageError.said("usage.no_calendar", calendar=args.calendar)
    notices, answers = args.returned or [], args.resubmitted or []
    if len(answers) > len(notices):
        raise UsageError.said("usage.resubmitted")
    returns = [(n, answers[i] if i < len(answers) else None) for i, n in enumerate(notices)]
    deadlines = compute_deadlines(
        WorkingCalendar(overrides),
        args.submitted,
        returns,
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
    return EXIT_FINDINGS if any(d.late for d in deadlines) else EXIT_OK


def _codeowners(args: argparse.Namespace) -> int:
    from .codeowners import codeowners

    registry = _validated(Path(args.registry))
    if registry.errors:
        print(report.render(report.Report(registry.errors, args.registry)), end="")
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


def _check(args: argparse.Namespace) -> int:
    from ..core.change import check_pull_request
    from ..core.i18n import t

    check = check_pull_request(Path(args.registry), args.base, args.today, args.head, memory=MEMORY)
    findings = check.findings
    after = []
    if check.uncommitted:
        after.append(say("report.uncommitted", args.lang, registry=args.registry) + "\n")
    for system, terms in sorted(check.deadlines.items()):
        state = f" {t('awaiting_decision', args.lang)}" if system in check.awaiting else ""
        after.append(f"\n{system}:{state}\n{report.deadlines_text(terms)}\n")

    def notice() -> str:  # the markdown format: the Order's notice of inconsistencies
        from ..core.decisions import today_in_kazakhstan
        from ..core.notice import as_markdown, make_notice

        day = args.today or today_in_kazakhstan()
        return as_markdown(make_notice(check, args.lang, day, args.pr))

    checked = report.Report(
        findings,
        say("report.against", args.lang, base=args.base, registry=args.registry),
        args.lang,
        fields={
            "base": args.base,
            "sectors": {s: sorted(ids) for s, ids in sorted(check.change.sectors.items())},
            "added": sorted(check.change.added),
            "awaiting_decision": sorted(check.awaiting),
            "deadlines": {
                system: [report.deadline_dict(d) for d in terms]
                for system, terms in check.deadlines.items()
            },
        },
        after="".join(after),
        document=notice,
    )
    print(report.render(checked, args.format), end="")
    return EXIT_FINDINGS if any(f.is_error for f in findings) else EXIT_OK


def _notice(args: argparse.Namespace) -> int:
    from ..core.change import check_pull_request
    from ..core.decisions import today_in_kazakhstan
    from ..core.notice import as_html, as_markdown, make_notice

    check = check_pull_request(Path(args.registry), args.base, args.today, args.head, memory=MEMORY)
    notice = make_notice(check, args.lang, args.today or today_in_kazakhstan(), args.pr)
    if args.format == "pdf":
        from ..core.noticepdf import as_pdf

        sys.stdout.buffer.write(as_pdf(notice))
    else:
        print(as_html(notice) if args.format == "html" else as_markdown(notice), end="")
    return EXIT_FINDINGS if notice.blocking else EXIT_OK


def _decide(args: argparse.Namespace) -> int:
    from ..core.decisions import close_application, decide

    if args.refuse or args.withdrawn:
        reasons = {"kk": args.reasons_kk, "ru": args.reasons_ru, "en": args.reasons_en}
        if not (reasons["kk"] and reasons["ru"]):
            raise UsageError.said("usage.reasons")
        outcome = "refused" if args.refuse else "withdrawn"
        journal = close_application(
            Path(args.registry),
            args.system,
            Path(args.key),
            outcome,
            {lang: text for lang, text in reasons.items() if text},
            reference=args.reference,
            on=args.date,
        )
        print(f"{outcome}: {args.system}, recorded in {journal}; its folder is removed")
        print(f"next: trustlist check --base origin/main, then commit {journal.parent} and merge")
        return EXIT_OK

    status = None
    if args.suspend or args.exclude:
        if args.since is None:
            raise UsageError.said("usage.since")
        state, reason = ("suspended", args.suspend) if args.suspend else ("excluded", args.exclude)
        status = (state, reason, args.since)
    elif args.restore:
        status = ("listed", "", args.since)
    decided = decide(
        Path(args.registry),
        args.system,
        Path(args.key),
        reference=args.reference,
        on=args.date,
        published=args.published,
        status=status,
    )
    what = "decided" if decided.new else "updated and signed again"
    print(f"{what}: {decided.record} (list number {decided.list_number}, decision {decided.date})")
    print(f"next: trustlist check --base origin/main, then commit {decided.record} and merge")
    return EXIT_OK


def _expiring(args: argparse.Namespace) -> int:
    from ..core.decisions import today_in_kazakhstan
    from ..core.expiry import expiring, expiring_markdown, expiring_text

    registry = _validated(Path(args.registry))
    if registry.errors:
        print(report.render(report.Report(registry.errors, args.registry), args.format), end="")
        return EXIT_FINDINGS
    today = args.today or today_in_kazakhstan()
    rows = expiring(registry, today, args.within)
    if args.format == "json":
        print(report.json_text([row.as_dict() for row in rows]))
    elif args.format == "markdown":
        print(expiring_markdown(rows, today, args.within), end="")
    else:
        print(expiring_text(rows, today, args.within), end="")
    return EXIT_FINDINGS if rows else EXIT_OK


def _governance(args: argparse.Namespace) -> int:
    from .governance import check_governance

    findings = check_governance(Path(args.root), args.maintainers)
    subject = say("report.governance", args.lang, root=args.root)
    print(report.render(report.Report(findings, subject, args.lang), args.format), end="")
    return EXIT_FINDINGS if findings else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from .scaffold import new_system

    created = new_system(Path(args.registry), args.sector, args.id)
    print(f"created {created}")
    print("next:")
    print(f"  1. replace every <fill in: …> value in {created}")
    print(
        f"  2. trustlist add-document FILE.pdf --system {args.id} --kind KIND --languages kk,ru"
        "  (application, the copyright document, the audit report)"
    )
    print(f"  3. trustlist validate {args.registry}")
    print("  4. open a pull request: it is your application")
    return EXIT_OK


def _add_document(args: argparse.Namespace) -> int:
    from .scaffold import add_document

    titles = {"kk": args.title_kk, "ru": args.title_ru, "en": args.title_en}
    added = add_document(
        Path(args.registry),
        args.system,
        Path(args.file),
        args.kind,
        [code.strip() for code in args.languages.split(",") if code.strip()],
        public=not args.private,
        titles={k: v for k, v in titles.items() if v},
    )
    verb = "updated" if added.updated else "added"
    where = "copied into the folder" if added.copied else "not copied: the body keeps it"
    print(f"{verb} {added.file} in {added.record} ({where})")
    print(f"  sha256: {added.sha256}")
    print(f"  size:   {added.size}")
    print(f"next: trustlist validate {args.registry}")
    return EXIT_OK


EXIT_SIGNATURE_NOT_CHECKED = 3  # `verify`: every file as listed, the signature NOT checked


def _verify(args: argparse.Namespace) -> int:
    from ..site import verify

    max_file, max_total = (
        verify.parse_size(args.max_file_size),
        verify.parse_size(args.max_total_size),
    )
    outcome = verify.verify(
        args.site,
        into=Path(args.into) if args.into else None,
        as_of=args.as_of,
        archive=args.archive,
        allowed_signers=Path(args.allowed_signers) if args.allowed_signers else None,
        identity=args.identity,
        max_file=max_file,
        max_total=max_total,
    )
    rebuilt = []
    if args.source and outcome.valid and not verify.is_address(args.site) and not args.as_of:
        rebuilt = _rebuild_and_compare(Path(args.site), Path(args.source))
    found = report.Report(outcome.findings + rebuilt, outcome.said(args.lang), args.lang)
    print(report.render(found, args.format), end="")
    if not outcome.valid or rebuilt:
        return EXIT_FINDINGS
    return EXIT_OK if outcome.signature_checked else EXIT_SIGNATURE_NOT_CHECKED


def _rebuild_and_compare(site: Path, source: Path) -> list:
    import os
    import subprocess
    import tempfile

    from ..core import gitrepo
    from ..core.findings import Finding
    from ..site import manifest

    expected = json.loads((site / manifest.MANIFEST).read_text(encoding="utf-8"))["source"]
    head = gitrepo.open_repo(source).head.commit.hexsha
    if expected.get("commit") != head:
        return [
            Finding(
                str(source),
                0,
                0,
                "VER006",
                f"is at commit {head}; the manifest was built from {expected.get('commit')}: "
                "check that commit out first",
            )
        ]
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = dict(os.environ)
    try:  # the archive the site was built with: the archive branch's commit it names
        env["TRUSTLIST_ARCHIVE_REF"] = json.loads(
            (site / "archive" / "index.json").read_text(encoding="utf-8")
        )["commit"]
    except (OSError, ValueError, KeyError, TypeError):
        env["TRUSTLIST_ARCHIVE_REF"] = ""  # none: build none, whatever branch the clone has
    with tempfile.TemporaryDirectory() as scratch:
        rebuilt = Path(scratch) / "site"
        result = subprocess.run(
            [
                str(mkdocs),
                "build",
                "--strict",
                "-q",
                "-f",
                str(source / "mkdocs.yml"),
                "-d",
                str(rebuilt),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            last = result.stderr.strip().splitlines()[-1:] or ["mkdocs failed"]
            return [Finding(str(source), 0, 0, "VER006", f"does not build: {last[0]}")]
        return manifest.compare_sites(site, rebuilt)


def _sign(args: argparse.Namespace) -> int:
    from ..site.manifest import FILE_LIST, sign_manifest

    signature = sign_manifest(Path(args.site), Path(args.key))
    print(f"wrote {signature}")
    print(f"wrote {signature.with_name(FILE_LIST)}")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    if args.format == "markdown":
        print(report.rules_markdown(CODES))
    else:
        index = LANGS.index(args.lang)
        for code, texts in CODES.items():
            print(f"{code}\t{texts[index]}")
    return EXIT_OK


def _report_options(command: argparse.ArgumentParser) -> None:
    """--format and --lang of a command that prints findings: the formats are report's table."""
    command.add_argument("--format", choices=report.FORMATS, default="text")
    command.add_argument(
        "--lang", choices=LANGS, default="en", help="of the findings and the report's words"
    )


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
    _report_options(validate)
    validate.set_defaults(run=_validate)

    deadlines = commands.add_parser(
        "deadlines",
        help="the Order's terms for one application, in Kazakhstan working days",
        description="Review is due 10 working days after submission, re-review 5 after each "
        "resubmission, publication 5 after the decision; a notice of inconsistencies ends the "
        "review it answers; a term counts from the day after the event. "
        "Exit 1 when a term was missed or is overdue.",
    )
    deadlines.add_argument("--submitted", type=_date, required=True, metavar="DATE")
    deadlines.add_argument(
        "--returned",
        type=_date,
        action="append",
        metavar="DATE",
        help="a notice of inconsistencies (repeat for each round)",
    )
    deadlines.add_argument(
        "--resubmitted",
        type=_date,
        action="append",
        metavar="DATE",
        help="the resubmission answering the notice of the same round",
    )
    deadlines.add_argument("--decided", type=_date, metavar="DATE")
    deadlines.add_argument("--published", type=_date, metavar="DATE")
    deadlines.add_argument("--today", type=_date, metavar="DATE", help="default: the system date")
    deadlines.add_argument(
        "--calendar",
        default=DEFAULT_CALENDAR,
        help=f"working-day overrides (default: {DEFAULT_CALENDAR})",
    )
    deadlines.add_argument(
        "--format", choices=report.formats("text", "json", "markdown"), default="text"
    )
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

    check = commands.add_parser(
        "check",
        help="check a pull request: the registry now, and its change against a base",
        description="Validates the registry as committed at HEAD and the commits since BASE: "
        "no record deleted, no list number or published decision changed, the body's fields "
        "signed by the sector's decision key, nothing but registry/ changed in an application. "
        "The markdown format is the Order's notice of inconsistencies (see trustlist notice).",
    )
    check.add_argument("--base", required=True, metavar="REF", help="e.g. origin/main")
    check.add_argument(
        "--head", default="HEAD", metavar="REF", help="the commit judged (default: HEAD)"
    )
    check.add_argument("--registry", default="registry")
    check.add_argument("--today", type=_date, metavar="DATE", help="default: the system date")
    _report_options(check)
    check.add_argument("--pr", type=int, metavar="NUMBER", help="the pull request's number")
    check.set_defaults(run=_check)

    notice = commands.add_parser(
        "notice",
        help="the notice of inconsistencies of a pull request, as a dated document",
        description="The Order's notice to the applicant in Kazakh, Russian or English: its "
        "date, the application, the sector's body, the legal basis, every problem naming the "
        "file, line and field, and the terms. Exit 1 when the notice lists problems.",
    )
    notice.add_argument("--base", required=True, metavar="REF", help="e.g. origin/main")
    notice.add_argument("--lang", choices=LANGS, required=True)
    notice.add_argument(
        "--format",
        choices=("markdown", "html", "pdf"),
        default="markdown",
        help="pdf is written to standard output: redirect it to a file",
    )
    notice.add_argument("--pr", type=int, metavar="NUMBER", help="the pull request's number")
    notice.add_argument(
        "--head", default="HEAD", metavar="REF", help="the commit judged (default: HEAD)"
    )
    notice.add_argument("--registry", default="registry")
    notice.add_argument(
        "--today", type=_date, metavar="DATE", help="the notice's date (default: today, UTC+5)"
    )
    notice.set_defaults(run=_notice)

    decide = commands.add_parser(
        "decide",
        help="the body's decision on a system, written into its record and signed",
        description="For the sector's reviewers. With --reference, includes an application: "
        "gives it the next list number, the decision (dated today in Kazakhstan, or --date) "
        "and the status listed. On a decided entry, records --published, --suspend, --exclude "
        "or --restore. --refuse and --withdrawn close an application: it goes, with the "
        "reasons, to the sector's journal (registry/<sector>/applications.yaml). Every change "
        "is signed with KEY, one of the sector's decision_keys; a published decision's date "
        "and reference never change.",
    )
    decide.add_argument("system", metavar="SYSTEM", help="the system's id")
    decide.add_argument("--key", required=True, help="the reviewer's SSH private key file")
    decide.add_argument("--reference", help="the body's reference for the decision")
    decide.add_argument("--date", type=_date, metavar="DATE", help="default: today, UTC+5")
    decide.add_argument("--published", type=_date, metavar="DATE")
    which = decide.add_mutually_exclusive_group()
    which.add_argument("--suspend", choices=REASONS, metavar="REASON")
    which.add_argument("--exclude", choices=REASONS, metavar="REASON")
    which.add_argument("--restore", action="store_true", help="list a suspended system again")
    which.add_argument(
        "--refuse", action="store_true", help="refuse an application (to the sector's journal)"
    )
    which.add_argument(
        "--withdrawn", action="store_true", help="record that the applicant withdrew it"
    )
    decide.add_argument("--reasons-kk", metavar="TEXT", help="with --refuse or --withdrawn")
    decide.add_argument("--reasons-ru", metavar="TEXT")
    decide.add_argument("--reasons-en", metavar="TEXT")
    decide.add_argument(
        "--since", type=_date, metavar="DATE", help="of the suspension or exclusion"
    )
    decide.add_argument("--registry", default="registry")
    decide.set_defaults(run=_decide)

    expiring = commands.add_parser(
        "expiring",
        help="listed systems whose audit conclusion expires soon or has expired",
        description="Exit 1 when any listed or suspended system's audit expires within "
        "--within days of today or has expired.",
    )
    expiring.add_argument("--within", type=int, default=30, metavar="DAYS")
    expiring.add_argument("--today", type=_date, metavar="DATE", help="default: today, UTC+5")
    expiring.add_argument("--registry", default="registry")
    expiring.add_argument(
        "--format", choices=report.formats("text", "json", "markdown"), default="text"
    )
    expiring.set_defaults(run=_expiring)

    governance = commands.add_parser(
        "governance",
        help="check .github/ (ruleset, CODEOWNERS, required checks) against the registry",
        description="Reports, as GOV findings, any repository setting kept in .github/ that "
        "would let an application merge without the sector's review. Exit 1 on findings.",
    )
    governance.add_argument("root", nargs="?", default=".", help="the repository (default: .)")
    governance.add_argument("--maintainers", default="@kz-trustlist/maintainers")
    _report_options(governance)
    governance.set_defaults(run=_governance)

    audit.add_parsers(commands)

    new = commands.add_parser(
        "new", help="start an application: a commented system.yaml to fill in"
    )
    new.add_argument("--sector", required=True, help="the sector folder, e.g. healthcare")
    new.add_argument("--id", required=True, help="the system's id, e.g. my-triage-system")
    new.add_argument("--registry", default="registry")
    new.set_defaults(run=_new)

    add = commands.add_parser(
        "add-document",
        help="add a PDF to a system: copies it and writes its SHA-256 and size",
        description="Copies a public document into the system's folder (a --private one is "
        "only hashed: its file never enters the repository) and records it in system.yaml, "
        "keeping the file's comments and order.",
    )
    add.add_argument("file", metavar="FILE")
    add.add_argument("--system", required=True, metavar="ID")
    add.add_argument(
        "--kind",
        required=True,
        choices=(
            "application",
            "copyright_certificate",
            "copyright_agreement",
            "audit_report",
            "other",
        ),
    )
    add.add_argument("--languages", required=True, help="the document's languages, e.g. kk,ru")
    add.add_argument("--private", action="store_true", help="record only hash and size")
    add.add_argument("--title-kk")
    add.add_argument("--title-ru")
    add.add_argument("--title-en")
    add.add_argument("--registry", default="registry")
    add.set_defaults(run=_add_document)

    verify = commands.add_parser(
        "verify",
        help="check a published site (a folder or its address) against its manifest",
        description="Recomputes the SHA-256 and size of every file of SITE and compares them "
        "with its manifest.json, naming each file missing, changed or extra, and checks its "
        "files.txt. SITE is a folder, or a site's address (http:// or https://): the manifest, "
        "its signature, files.txt and every file the manifest names are fetched into --into "
        "(files already there with the listed hash are not fetched again). With "
        "--allowed-signers, checks the manifest's SSH signature too; without it the exit code "
        "is 3 and the report says that the signature was NOT checked. With --as-of, checks the "
        "folder against the state the site's archive kept for that day. With --source, "
        "rebuilds the site from that repository (at the manifest's commit) and compares the "
        "bytes. Exit codes: 0 valid and signed, 1 findings, 2 usage, 3 valid files but "
        "the signature not checked.",
    )
    verify.add_argument("site", metavar="SITE", help="a folder, or a site's http(s) address")
    verify.add_argument("--source", metavar="REPO", help="a clone at the manifest's commit")
    verify.add_argument("--allowed-signers", metavar="FILE", help="the body's public key")
    verify.add_argument("--identity", default="trustlist", help="the signer's identity")
    verify.add_argument(
        "--into", metavar="DIR", help="where an address is fetched (default: its host's name)"
    )
    verify.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="check the folder against the state published by the end of DATE (UTC+5)",
    )
    verify.add_argument(
        "--archive",
        metavar="SITE",
        help="the folder or address whose archive/ keeps the states (default: SITE)",
    )
    verify.add_argument("--max-file-size", default="256M", metavar="SIZE")
    verify.add_argument("--max-total-size", default="8G", metavar="SIZE")
    _report_options(verify)
    verify.set_defaults(run=_verify)

    sign = commands.add_parser(
        "sign", help="sign SITE/manifest.json with an SSH key and write SITE/files.txt"
    )
    sign.add_argument("site", metavar="SITE")
    sign.add_argument("--key", required=True, help="the SSH private key file")
    sign.set_defaults(run=_sign)

    rules = commands.add_parser("rules", help="list the validation rules and their codes")
    rules.add_argument("--format", choices=report.formats("text", "markdown"), default="text")
    rules.add_argument("--lang", choices=LANGS, default="en", help="of the text")
    rules.set_defaults(run=_rules)

    from .listpdf import add_parser as add_list_pdf  # its own module: a revision as a PDF

    add_list_pdf(commands)
    from .applications import add_parser as add_applications  # open applications, from GitHub

    add_applications(commands)
    from .bundle import add_parser as add_bundle  # one sector's part of the site, for its body

    add_bundle(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:  # also when argparse exits (--help, a bad argument): the reader may be gone
            sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except BrokenPipeError:
        raise
    except UsageError as err:  # the registry or repository missing, a bad argument
        print(f"trustlist: {err.text(getattr(args, 'lang', 'en'))}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        print(f"trustlist: {err.filename or ''}: {err.strerror}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _reader_gone() -> int:
    """Standard output was closed (`trustlist rules | head -1`): stop quietly, as a Unix tool
    that SIGPIPE ends, with 128 + SIGPIPE. Standard output is pointed at /dev/null first, so
    Python's own flush at exit finds no pipe to fail on and prints nothing either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE
