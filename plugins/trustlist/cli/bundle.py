"""cli: `trustlist bundle --sector S --out DIR`, one body's part of the site for its own
official internet resource (site/bundle.py): built from the same mkdocs.yml as the site,
verifiable with `trustlist verify DIR` like the site, signed with --key."""

from __future__ import annotations

import argparse
from pathlib import Path

LANGS = ("kk", "ru", "en")
# What the command says, in kk, ru and en: site/bundle.BundleError's keys, and what it wrote.
SAID = {
    "no_sector": (
        "сайтта «{sector}» саласы жоқ",
        "на сайте нет отрасли «{sector}»",
        "the site has no sector «{sector}»",
    ),
    "not_empty": (
        "{folder} бос емес: пакет жаңа немесе бос қалтаға жазылады",
        "{folder} не пуст: пакет записывается в новую или пустую папку",
        "{folder} is not empty: a bundle is written to a new or empty folder",
    ),
    "no_site_url": (
        "mkdocs.yml-де site_url жоқ: пакеттен шығатын сілтемелерге ұлттық сайттың мекенжайы керек",
        "в mkdocs.yml нет site_url: ссылкам из пакета нужен адрес национального сайта",
        "mkdocs.yml has no site_url: the links that leave the bundle need the national "
        "site's address",
    ),
    "not_built": (
        "{folder} — құрастырылған сайт емес (manifest.json жоқ)",
        "{folder} — не собранный сайт (нет manifest.json)",
        "{folder} is not a built site (it has no manifest.json)",
    ),
    "build": (
        "сайт құрастырылмады: {error}",
        "сайт не собран: {error}",
        "the site was not built: {error}",
    ),
    "sign": (
        "{key} кілтімен қол қойылмады: {error}",
        "не удалось подписать ключом {key}: {error}",
        "could not sign with the key {key}: {error}",
    ),
    "wrote": (
        "{folder} жазылды: «{sector}» саласының {files} файлы, ұлттық сайтқа {outward} сілтеме",
        "записан {folder}: {files} файлов отрасли «{sector}», {outward} ссылок на национальный "
        "сайт",
        "wrote {folder}: {files} files of the sector «{sector}», {outward} links to the "
        "national site",
    ),
    "signed": (
        "манифестке қол қойылды: {signature}",
        "манифест подписан: {signature}",
        "the manifest is signed: {signature}",
    ),
    "unsigned": (
        "манифестке қол қойылмаған: trustlist sign {folder} --key КІЛТ",
        "манифест не подписан: trustlist sign {folder} --key КЛЮЧ",
        "the manifest is not signed: trustlist sign {folder} --key KEY",
    ),
}


def say(said: str, lang: str, /, **values: object) -> str:
    return SAID[said][LANGS.index(lang)].format(**values)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bundle",
        help="one sector's pages, documents, exports, PDFs and feeds for its body's own site",
        description="Builds the whole site from --config (as make site does), or takes "
        "--site, a site already built, and writes into DIR what the sector's body puts on its "
        "own official internet resource: the sector's pages in every language, its "
        "documents, its exports, every revision's list and PDF, its feeds and the assets the "
        "pages load, with relative links (a link leaving the bundle leads to the national "
        "site), and its own manifest.json and files.txt, so `trustlist verify DIR` checks it "
        "(exit 3 until it is signed: --key, or trustlist sign DIR --key).",
    )
    parser.add_argument("--sector", required=True, help="the sector's id, e.g. healthcare")
    parser.add_argument("--out", required=True, metavar="DIR", help="a new or empty folder")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's MkDocs config")
    parser.add_argument(
        "--site", metavar="SITE", help="cut from this site, already built (make site), instead"
    )
    parser.add_argument("--key", metavar="KEY", help="an SSH private key to sign the manifest")
    parser.add_argument("--lang", choices=LANGS, default="en", help="of what the command says")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.findings import UsageError
    from ..site.bundle import BundleError, bundle_site
    from ..site.manifest import SIGNATURE

    out, lang = Path(args.out), args.lang
    try:
        key = Path(args.key) if args.key else None
        built = Path(args.site) if args.site else None
        made = bundle_site(Path(args.config), args.sector, out, key, built)
    except BundleError as err:
        raise UsageError(say(err.key, lang, **err.values)) from None
    print(
        say("wrote", lang, folder=out, sector=args.sector, files=made.files, outward=made.outward)
    )
    if made.signed:
        print(say("signed", lang, signature=out / SIGNATURE))
    else:
        print(say("unsigned", lang, folder=out))
    return 0
