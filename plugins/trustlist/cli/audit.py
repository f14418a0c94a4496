"""The auditors' commands: `log`, `diff` and `show`, each read from the registry's history
(core/history_read.py, as the build reads it), each said in kk, ru or en.

`diff A B` lists every revision issued after A and up to B, with every event of each: a
system included and excluded inside the window shows both. `show --as-of` gives each list's
revision in force, its date, and each entry's status with its date and reason. A date before
the history is an answer too: nothing had been published yet.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from ..core import gitrepo, report
from ..core.decisions import KZ_TIME
from ..core.history import History, Revision
from ..core.history_read import read_history
from ..core.i18n import LANGUAGES, t
from ..core.messages import say
from ..site.wording import describe

EXIT_OK = 0


def history_of(registry: str) -> History:
    """The registry's history, read as the build reads it (a shallow clone refused)."""
    history = read_history(Path(registry))
    if history is None:  # not in a repository: open_repo says so as every command says it
        gitrepo.open_repo(Path(registry))
    return history or History()


def add_parsers(commands: argparse._SubParsersAction) -> None:
    log = commands.add_parser("log", help="the lists' numbered revisions and what each changed")
    log.add_argument("system", nargs="?", help="only this system's changes")
    log.add_argument("--sector")
    log.add_argument("--registry", default="registry")
    log.add_argument("--format", choices=report.formats("text", "json"), default="text")
    log.add_argument("--lang", choices=LANGUAGES, default="en")
    log.set_defaults(run=run_log)

    diff = commands.add_parser(
        "diff",
        help="every change of the lists after A and up to B (commits, tags or dates)",
        description="A and B are commits, tags or dates (YYYY-MM-DD: the end of that day, "
        "Kazakhstan time). Every revision issued after A and up to B is listed with all its "
        "events.",
    )
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B")
    diff.add_argument("--sector")
    diff.add_argument("--registry", default="registry")
    diff.add_argument(
        "--format", choices=report.formats("text", "json", "markdown"), default="text"
    )
    diff.add_argument("--lang", choices=LANGUAGES, default="en")
    diff.set_defaults(run=run_diff)

    show = commands.add_parser("show", help="the lists as they stood on a date or commit")
    show.add_argument("--as-of", required=True, metavar="DATE|REF")
    show.add_argument("--sector")
    show.add_argument("--registry", default="registry")
    show.add_argument("--format", choices=report.formats("text", "json"), default="text")
    show.add_argument("--lang", choices=LANGUAGES, default="en")
    show.set_defaults(run=run_show)


def run_log(args: argparse.Namespace) -> int:
    history = history_of(args.registry)
    rows = []
    for revision in _revisions(history, args.sector):
        events = [e for e in revision.events if args.system in (None, e.system)]
        if events:
            rows.append((revision, events))
    if args.format == "json":
        print(report.json_text([r.as_dict(events) for r, events in rows]))
        return EXIT_OK
    for revision, events in rows:
        when = revision.issued.strftime("%Y-%m-%d %H:%M:%SZ")
        head = f"{revision.sector} revision {revision.number}  {when}  {revision.commit[:12]}"
        print(f"{head}  {revision.subject}")
        for event in events:
            print(f"    {describe(event, args.lang)}")
    if not rows:
        print(say("audit.no_revisions", args.lang))
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo(Path(args.registry))
    sha_a, start = gitrepo.moment(repo, args.a)
    sha_b, end = gitrepo.moment(repo, args.b)
    history = history_of(args.registry)
    window = [r for r in _revisions(history, args.sector) if start < r.time <= end]
    if args.format == "json":
        payload = {
            "from": {"spec": args.a, "commit": sha_a},
            "to": {"spec": args.b, "commit": sha_b},
            "revisions": [r.as_dict() for r in window],
            "changes": [
                {"sector": r.sector, "revision": r.number, "issued": r.issued_text, **e.as_dict()}
                for r in window
                for e in r.events
            ],
        }
        print(report.json_text(payload))
        return EXIT_OK
    lang = args.lang
    heading = f"{args.a} ({_short(sha_a)}) → {args.b} ({_short(sha_b)})"
    if args.format == "markdown":
        print(f"### {heading}\n")
        for revision in window:
            print(f"- **{_revision_words(revision, lang)}**")
            print("\n".join(f"  - {describe(e, lang)}" for e in revision.events))
        if not window:
            print(say("audit.no_change", lang))
        return EXIT_OK
    print(heading)
    for revision in window:
        print(f"  {_revision_words(revision, lang)}")
        for event in revision.events:
            print(f"    {describe(event, lang)}")
    if not window:
        print(f"  {say('audit.no_change', lang)}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo(Path(args.registry))
    sha, moment = gitrepo.moment(repo, args.as_of)
    history = history_of(args.registry)
    lists = []
    for sector, revisions in sorted(history.revisions.items()):
        issued = [r for r in revisions if r.time <= moment]
        if issued and args.sector in (None, sector):
            lists.append(issued[-1])
    rows = sorted(
        (revision, data.get("list_number", 0), system, data)
        for revision in lists
        for system, data in revision.systems.items()
    )
    if args.format == "json":
        payload = {
            "as_of": args.as_of,
            "commit": sha,
            "lists": [
                {
                    "sector": r.sector,
                    "revision": r.number,
                    "issued": r.issued_text,
                    "commit": r.commit,
                }
                for r in lists
            ],
            "systems": [data for _r, _n, _id, data in rows],
        }
        print(report.json_text(payload))
        return EXIT_OK
    lang = args.lang
    if not lists:
        print(_before_history(history, args.as_of, lang))
        return EXIT_OK
    print(say("audit.as_of", lang, when=args.as_of, commit=_short(sha)))
    for revision in lists:
        print(f"  {_revision_words(revision, lang)}")
        entries = [row for row in rows if row[0] is revision]
        for _revision, number, system, data in entries:
            print(f"    {number:>4}  {system}  [{_status_words(data, lang)}]  {_name(data, lang)}")
        if not entries:
            print(f"    {say('audit.no_systems', lang)}")
    return EXIT_OK


def _revisions(history: History, sector: str | None) -> list[Revision]:
    """Every revision of every list (or of `sector`'s), in the order they were issued."""
    found = [
        revision
        for name, revisions in history.revisions.items()
        if sector in (None, name)
        for revision in revisions
    ]
    return sorted(found, key=lambda r: (r.time, r.sector, r.number))


def _revision_words(revision: Revision, lang: str) -> str:
    when = datetime.fromtimestamp(revision.time, UTC).astimezone(KZ_TIME).date().isoformat()
    return say(
        "audit.revision", lang, sector=revision.sector, number=str(revision.number), date=when
    )


def _status_words(data: dict, lang: str) -> str:
    status = data.get("status") or {}
    words = t(f"status_{status.get('state', 'listed')}", lang)
    if status.get("since"):
        words += ", " + say("audit.since", lang, date=str(status["since"]))
    if status.get("reason"):
        words += ": " + t(f"reason_{status['reason']}", lang)
    return words


def _name(data: dict, lang: str) -> str:
    names = data.get("name") or {}
    return names.get(lang) or names.get("ru") or ""


def _before_history(history: History, when: str, lang: str) -> str:
    first = _revisions(history, None)
    if not first:
        return say("audit.no_history", lang)
    return say("audit.before_history", lang, when=when, first=_revision_words(first[0], lang))


def _short(sha: str | None) -> str:
    return sha[:12] if sha else "—"
