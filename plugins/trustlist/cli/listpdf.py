"""cli: `trustlist list-pdf`, a revision of a sector's list as a dated PDF, signed with --key.

Made from git alone, as `trustlist log` reads it (audit.history_of): the list as of the
revision, and the sector's body as its sector.yaml stood at the revision's commit, so the
same revision gives the same bytes whatever the work tree holds. Heavy imports (fpdf2,
pyHanko, GitPython) wait for the command to run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

LANGS = ("kk", "ru", "en")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "list-pdf",
        help="a revision of a sector's list as a dated PDF (kk, ru or en), signed with --key",
        description="The list as the Order has it published: the state body, the list's "
        "revision number and date, every entry with its list number, name, owner and BIN, "
        "status, and the SHA-256 of each document, and the changes since the revision "
        "before. Made from the git history, so the same revision gives the same bytes. With "
        "--key and --cert, the PDF is signed (PAdES) with the body's key.",
    )
    parser.add_argument("--sector", required=True, help="the sector's id, e.g. healthcare")
    parser.add_argument(
        "--revision", type=int, metavar="N", help="the list's revision (default: the latest)"
    )
    parser.add_argument("--lang", choices=LANGS, required=True, help="of the PDF")
    parser.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    parser.add_argument("--key", metavar="KEY", help="the body's private key (PEM) to sign with")
    parser.add_argument(
        "--cert", metavar="CERT", help="the key's certificate (PEM), then its chain"
    )
    parser.add_argument("--registry", default="registry")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core import gitrepo
    from ..core.findings import UsageError
    from ..core.history import SECTOR_RECORD
    from ..core.i18n import t
    from ..core.load import parse_yaml
    from ..site.listpdf import Body, list_pdf, listed_records
    from ..site.pdfsign import sign_with
    from .audit import EXIT_OK, history_of

    lang, sector = args.lang, args.sector
    signer = _signer(args) if args.key or args.cert else None
    history = history_of(args.registry)
    revisions = history.revisions.get(sector)
    if not revisions:
        known = (Path(args.registry) / sector / SECTOR_RECORD).is_file()
        key = "listpdf_no_history" if known else "listpdf_no_sector"
        raise UsageError(t(key, lang, sector=sector))
    number = len(revisions) if args.revision is None else args.revision
    if not 1 <= number <= len(revisions):
        last = len(revisions)
        raise UsageError(t("listpdf_no_revision", lang, sector=sector, number=number, last=last))
    revision = revisions[number - 1]
    repo = gitrepo.open_repo(Path(args.registry))
    path = f"{gitrepo.prefix_of(repo, args.registry)}/{sector}/{SECTOR_RECORD}"
    raw = gitrepo.read_at(repo, revision.commit, path)
    body = Body.of(sector, parse_yaml(raw, path).data if raw is not None else None)
    pdf = list_pdf(body, revision, listed_records(history, revision.blobs), lang)
    if signer is not None:
        pdf = sign_with(pdf, signer)
    Path(args.out).write_bytes(pdf)
    print(t("listpdf_wrote_signed" if signer else "listpdf_wrote", lang, file=args.out))
    return EXIT_OK


def _signer(args: argparse.Namespace):
    """The body's signer from --key and --cert; a usage error names the file it cannot read."""
    from ..core.findings import UsageError
    from ..core.i18n import t
    from ..site.pdfsign import UnreadableKey, load_signer

    if not (args.key and args.cert):
        raise UsageError(t("listpdf_key_and_cert", args.lang))
    try:
        return load_signer(Path(args.key).read_bytes(), Path(args.cert).read_bytes())
    except UnreadableKey as err:
        file = args.key if err.file == "key" else args.cert
        raise UsageError(t("listpdf_bad_key", args.lang, file=file, error=err.error)) from None
