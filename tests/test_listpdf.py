"""The revised list as a document (issue 26): each revision of a sector's list as a dated PDF
in Kazakh, Russian and English, made from the history the site's lists are made from, the same
bytes for the same revision, signed (PAdES) with a key pair made here and verified offline.

The story, in a real git repository with fixed dates: the health list is opened (revision 1),
demo-triage is included (2), demo-new is included (3), demo-new is suspended because its audit
conclusion expired (4)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from conftest import SYSTEM, commit, edit, git
from helpers import run
from pypdf import PdfReader
from trustlist.cli.audit import history_of
from trustlist.core.findings import UsageError
from trustlist.core.history import Event, Revision
from trustlist.core.validate import validate_registry
from trustlist.site.listpdf import (
    REVISION_PDF,
    Body,
    grouped,
    list_pdf,
    listed_records,
    revision_pdf,
    revision_pdfs,
)
from trustlist.site.outputs import REVISION_PDF_CHANGES
from trustlist.site.pages import Site
from trustlist.site.pdfsign import load_signer, sign_pdf, sign_with, verify_pdf
from trustlist.site.publish import PDF_CERT_ENV, PDF_KEY_ENV, PDF_REVISIONS, list_pdfs, pdf_signer

FOLDER = "registry/health/demo-triage"
NEW = "registry/health/demo-new"
BODY = {
    "kk": "Қазақстан Республикасы Денсаулық сақтау министрлігі",
    "ru": "Министерство здравоохранения Республики Казахстан",
    "en": "Ministry of Healthcare of the Republic of Kazakhstan",
}
TRIAGE = {"kk": "Демо триаж жүйесі", "ru": "Демо-система триажа", "en": "Demo triage system"}


def story(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    system = root / FOLDER
    shutil.move(system, root / "held")
    commit(root, "health: the list is opened", when="2026-05-01T09:00:00+05:00")
    shutil.move(root / "held", system)
    commit(root, "health: include demo-triage", when="2026-05-19T10:00:00+05:00")
    shutil.copytree(system, root / NEW)
    record = root / NEW / "system.yaml"
    edit(record, "id: demo-triage", "id: demo-new")
    edit(record, "list_number: 1", "list_number: 2")
    edit(record, "kk: Демо триаж жүйесі", "kk: Жаңа демо жүйесі")
    edit(record, "ru: Демо-система триажа", "ru: Новая демо-система")
    edit(record, "en: Demo triage system", "en: New demo system")
    commit(root, "health: include demo-new", when="2026-06-12T10:00:00+05:00")
    edit(
        record,
        "state: listed\n",
        "state: suspended\n  since: 2026-08-01\n  reason: audit_expired\n",
    )
    commit(root, "health: suspend demo-new", when="2026-08-01T10:00:00+05:00")
    return root


@pytest.fixture
def told(base: Path):
    """The story's repository and its history, read as `trustlist log` reads it."""
    story(base)
    return base, history_of(str(base / "registry"))


def text_of(pdf: bytes) -> str:
    """The PDF's text as pypdf reads it, wrapped lines joined: every run of spaces one."""
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    return " ".join(text.split())


def made(history, number: int, lang: str, **kwargs) -> bytes:
    revision = history.revisions["health"][number - 1]
    body = Body.of(
        "health",
        {"name": {"kk": "Денсаулық сақтау", "ru": "Здравоохранение"}, "authority": {"name": BODY}},
    )
    return list_pdf(body, revision, listed_records(history, revision.blobs), lang, **kwargs)


def test_the_revision_in_kazakh_and_russian(told) -> None:
    root, history = told
    digest = hashlib.sha256((root / FOLDER / "application.pdf").read_bytes()).hexdigest()
    kk, ru = text_of(made(history, 4, "kk")), text_of(made(history, 4, "ru"))
    assert "Сенімді жоғары тәуекелді жасанды интеллект жүйелерінің тізбесі" in kk
    assert "Перечень доверенных систем искусственного интеллекта высокой степени риска" in ru
    assert BODY["kk"] in kk and BODY["ru"] in ru
    assert "4-редакция, 2026-08-01 10:00 (UTC+5)" in kk
    assert "Редакция № 4 от 2026-08-01 10:00 (UTC+5)" in ru
    for text, lang in ((kk, "kk"), (ru, "ru")):
        assert f"№ 1. {TRIAGE[lang]} (demo-triage)" in text
        assert grouped(digest) in text  # each document's SHA-256, in groups of eight
        assert len(grouped(digest).split()) == 8
    assert "«Демо Клиника» ЖШС, БСН 260540001236" in kk
    assert "ТОО «Демо Клиника», БИН 260540001236" in ru
    # Status with its date and reason, in words; the suspended entry after the listed one.
    assert "Тоқтатылды: 2026-08-01 бастап, аудит қорытындысының мерзімі өтті" in kk
    assert "Приостановлена: с 2026-08-01, истёк срок аудиторского заключения" in ru
    assert ru.index("Демо-система триажа") < ru.index("Новая демо-система")
    assert "В списке: 1; приостановлено: 1; исключено: 0" in ru
    # The changes since the revision before, as the history pages say them.
    assert "3-редакциядан бергі өзгерістер" in kk and "demo-new: тоқтатылды" in kk
    assert "Изменения после редакции № 3" in ru and "demo-new: приостановлена" in ru
    assert "Демонстрационные данные" not in ru  # the body here is not marked a demonstration


def test_each_revision_shows_its_own_list(told) -> None:
    _, history = told
    first = text_of(made(history, 1, "en"))
    assert "The first revision of the list" in first and "The list was opened" in first
    assert "This list has no systems yet." in first
    second = text_of(made(history, 2, "en"))
    assert "Changes since revision 1" in second
    assert "demo-triage: included in the list" in second
    assert "Demo triage system" in second and "New demo system" not in second
    # The owner's name has no English: the Russian, said to be Russian (as the pages say it).
    assert "ТОО «Демо Клиника» (in Russian), BIN 260540001236" in second
    third = text_of(made(history, 3, "en"))
    assert "Listed: 2; suspended: 0; excluded: 0" in third
    assert "Status: Listed" in third and "Suspended" not in third


def test_the_same_revision_gives_the_same_bytes_dated_by_its_commit(told) -> None:
    _, history = told
    pdf = made(history, 3, "kk")
    assert made(history, 3, "kk") == pdf
    info = PdfReader(BytesIO(pdf)).metadata
    assert info.creation_date == datetime(2026, 6, 12, 5, 0, tzinfo=UTC)
    assert "3-редакция" in info.title


def test_the_command_writes_what_the_site_publishes(told) -> None:
    root, history = told
    site = Site(validate_registry(root / "registry"), history=history)
    published = list(revision_pdfs(site, "https://lists.example.kz/"))
    assert [p.uri for p in published[:3]] == [
        "api/v1/health/revisions/1.kk.pdf",
        "api/v1/health/revisions/1.ru.pdf",
        "api/v1/health/revisions/1.en.pdf",
    ]
    assert len(published) == 4 * 3 and {p.by for p in published} == {REVISION_PDF}
    assert revision_pdf("health", 4, "ru") == "api/v1/health/revisions/4.ru.pdf"
    result = run(
        "list-pdf",
        "--sector",
        "health",
        "--revision",
        "2",
        "--lang",
        "ru",
        "--out",
        "r2.pdf",
        cwd=root,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "записан r2.pdf"
    site_pdf = next(p.content for p in published if p.uri.endswith("/2.ru.pdf"))
    assert (root / "r2.pdf").read_bytes() == site_pdf
    # Without --revision: the latest; a later edit of the work tree changes nothing in it.
    edit(root / SYSTEM, "kk: Демо триаж жүйесі", "kk: Өзгерген атау")
    result = run("list-pdf", "--sector", "health", "--lang", "kk", "--out", "latest.pdf", cwd=root)
    assert result.returncode == 0, result.stderr
    latest = next(p.content for p in published if p.uri.endswith("/4.kk.pdf"))
    assert (root / "latest.pdf").read_bytes() == latest


def test_only_the_latest_in_full_and_the_rest_as_changes(told) -> None:
    root, history = told
    site = Site(validate_registry(root / "registry"), history=history, languages=("ru",))
    published = {
        p.uri: p.content for p in revision_pdfs(site, "https://lists.example.kz/", latest=1)
    }
    assert list(published) == [f"api/v1/health/revisions/{n}.ru.pdf" for n in (1, 2, 3, 4)]
    older = text_of(published["api/v1/health/revisions/3.ru.pdf"])
    assert "demo-new: включена в список" in older and "В списке: 2;" in older
    assert "https://lists.example.kz/api/v1/health/revisions/3.json" in older
    assert "Демо-система триажа" not in older  # no entries: the JSON list has them
    assert "Демо-система триажа" in text_of(published["api/v1/health/revisions/4.ru.pdf"])
    alone = [p.uri for p in revision_pdfs(site, latest=2, changes=False)]
    assert alone == ["api/v1/health/revisions/3.ru.pdf", "api/v1/health/revisions/4.ru.pdf"]


def key_pair(tmp_path: Path, name: str = "Test body") -> tuple[Path, Path]:
    """A private key and its self-signed certificate, made for the test (PEM files)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2090, 1, 1, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = tmp_path / f"{name}.key", tmp_path / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


def test_signed_verifies_and_one_changed_byte_fails(told, tmp_path: Path) -> None:
    _, history = told
    key, cert = key_pair(tmp_path)
    pdf = made(history, 4, "ru")
    signed = sign_pdf(pdf, key.read_bytes(), cert.read_bytes())
    assert signed.startswith(pdf)  # an incremental update: the list's bytes are kept
    verified = verify_pdf(signed, [cert.read_bytes()])
    assert verified.valid, verified.problem
    assert "Test body" in verified.signer and verified.signed is not None
    assert "Демо-система триажа" in text_of(signed)
    changed = bytearray(signed)
    changed[len(pdf) // 2] ^= 0x01
    broken = verify_pdf(bytes(changed), [cert.read_bytes()])
    assert not broken.valid and "changed" in broken.problem
    appended = verify_pdf(signed + b"%\n", [cert.read_bytes()])
    assert not appended.valid and "after the last signature" in appended.problem
    _, stranger = key_pair(tmp_path, "Someone else")
    untrusted = verify_pdf(signed, [stranger.read_bytes()])
    assert not untrusted.valid and "not trusted" in untrusted.problem
    assert verify_pdf(pdf, [cert.read_bytes()]).problem == "the PDF has no signature"


def test_the_command_signs_with_the_bodys_key(told, tmp_path: Path) -> None:
    root, _ = told
    key, cert = key_pair(tmp_path)
    args = ("list-pdf", "--sector", "health", "--lang", "kk", "--out", "signed.pdf")
    result = run(*args, "--key", str(key), "--cert", str(cert), cwd=root)
    assert result.returncode == 0, result.stderr
    assert "PAdES" in result.stdout
    verified = verify_pdf((root / "signed.pdf").read_bytes(), [cert.read_bytes()])
    assert verified.valid, verified.problem


def test_the_commands_mistakes_said_in_one_line(told, tmp_path: Path) -> None:
    root, _ = told
    args = ("list-pdf", "--lang", "ru", "--out", "x.pdf")
    cases = {
        ("--sector", "transport"): "в реестре нет отрасли «transport»",
        (
            "--sector",
            "health",
            "--revision",
            "9",
        ): "у списка «health» нет редакции № 9 (последняя: 4)",
        ("--sector", "health", "--revision", "0"): "нет редакции № 0",
        ("--sector", "health", "--key", "k.pem"): "--key и --cert задаются вместе",
    }
    (tmp_path / "junk.pem").write_text("not a key\n", encoding="utf-8")
    junk = str(tmp_path / "junk.pem")
    cases[("--sector", "health", "--key", junk, "--cert", junk)] = f"{junk}: не удалось прочитать"
    for extra, said in cases.items():
        result = run(*args, *extra, cwd=root)
        assert result.returncode == 2, extra
        assert said in result.stderr, (extra, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert not (root / "x.pdf").exists()
    key, _ = key_pair(tmp_path)
    result = run(*args, "--sector", "health", "--key", str(key), "--cert", junk, cwd=root)
    assert result.returncode == 2 and f"{junk}: не удалось прочитать" in result.stderr


def test_the_same_signer_signs_many(told, tmp_path: Path) -> None:
    _, history = told
    key, cert = key_pair(tmp_path)
    signer = load_signer(key.read_bytes(), cert.read_bytes())
    for lang in ("kk", "ru", "en"):
        assert verify_pdf(sign_with(made(history, 2, lang), signer), [cert.read_bytes()]).valid


def test_a_list_of_a_thousand_entries_stays_small() -> None:
    """Measured: about 480 KB and 200 pages for 1,000 entries of three documents each (0.6 s
    on the build machine); a list of changes alone, about 30 KB. At national scale (10
    sectors of 1,000 systems, 2,460 revisions) every revision in full, in three languages,
    would be about 1.8 GB: the site publishes the latest in full (revision_pdfs' latest)."""
    records = []
    for number in range(1, 1001):
        documents = [
            {"kind": kind, "file": f"{kind}.pdf", "public": True,
             "sha256": hashlib.sha256(f"{number}{kind}".encode()).hexdigest()}
            for kind in ("application", "copyright_certificate", "audit_report")
        ]  # fmt: skip
        status = (
            {"state": "listed"}
            if number % 10
            else {"state": "excluded", "since": "2026-09-01", "reason": "court_decision"}
        )
        records.append((f"system-{number:04d}", {
            "list_number": number,
            "name": {"kk": f"Жүйе {number}: рентгенограммаларды сұрыптау", "ru": f"Система {number}: сортировка рентгенограмм"},
            "owner": {"name": {"kk": f"«Клиника {number}» ЖШС", "ru": f"ТОО «Клиника {number}»"}, "bin": "260540001236"},
            "status": status,
            "decision": {"date": "2026-05-15", "reference": f"No. {number}-ИИ"},
            "documents": documents,
        }))  # fmt: skip
    previous = Revision("health", 41, "a" * 40, 1_780_000_000, "")
    revision = Revision(
        "health",
        42,
        "b" * 40,
        1_780_300_000,
        "",
        [Event("included", "system-1000")],
        previous=previous,
    )
    body = Body.of("health", {"name": {"ru": "Здравоохранение"}, "authority": {"name": BODY}})
    pdf = list_pdf(body, revision, records, "ru")
    assert 300_000 < len(pdf) < 600_000, len(pdf)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) > 150
    last = reader.pages[-1].extract_text()  # the excluded ones come last
    assert "№ 1000. Система 1000" in last
    assert "Исключена из списка: с 2026-09-01, по решению суда" in last
    changes = list_pdf(body, revision, records, "ru", full_list="https://x.example/42.json")
    assert len(changes) < 40_000


def test_a_letter_beyond_the_cut_fonts_is_printed_with_the_whole_fonts(told) -> None:
    """The fonts are cut to Latin, Greek and Cyrillic to be quick; a name in another script
    DejaVu has (Georgian, Armenian) is printed all the same, with the whole fonts."""
    _, history = told
    revision = history.revisions["health"][1]
    records = listed_records(history, revision.blobs)
    system, record = records[0]
    named = {**record, "name": {"en": "სისტემა Համակարգ"}}
    body = Body.of("health", {"name": {"en": "Health"}, "authority": {"name": BODY}})
    text = text_of(list_pdf(body, revision, [(system, named)], "en"))
    assert "სისტემა Համակարգ" in text
    plain = text_of(list_pdf(body, revision, records, "en"))
    assert "Demo triage system" in plain


def test_the_site_publishes_the_latest_in_full_and_signs_with_the_configured_key(
    told, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """publish.list_pdfs: the latest revision in full and the PDF_REVISIONS - 1 before it as
    their changes, each language; signed where the environment names the key and the
    certificate, and a build stopped in one line where it names one alone or a bad one."""
    root, history = told
    site = Site(validate_registry(root / "registry"), history=history)
    monkeypatch.delenv(PDF_KEY_ENV, raising=False)
    monkeypatch.delenv(PDF_CERT_ENV, raising=False)
    unsigned = {p.uri: p for p in list_pdfs(site, "https://lists.example.kz/")}
    window = range(max(1, 4 - PDF_REVISIONS + 1), 5)
    assert sorted(unsigned) == sorted(
        revision_pdf("health", n, lang) for n in window for lang in ("kk", "ru", "en")
    )
    assert unsigned[revision_pdf("health", 4, "kk")].by is REVISION_PDF
    assert unsigned[revision_pdf("health", 3, "kk")].by is REVISION_PDF_CHANGES
    key, cert = key_pair(tmp_path)
    monkeypatch.setenv(PDF_KEY_ENV, str(key))
    monkeypatch.setenv(PDF_CERT_ENV, str(cert))
    for p in list_pdfs(site, "https://lists.example.kz/"):
        assert verify_pdf(p.content, [cert.read_bytes()]).valid, p.uri
        assert p.content.startswith(unsigned[p.uri].content)  # the same list, signed
    monkeypatch.delenv(PDF_CERT_ENV)
    with pytest.raises(UsageError, match="TRUSTLIST_PDF_KEY and TRUSTLIST_PDF_CERT"):
        pdf_signer(os.environ)
    monkeypatch.setenv(PDF_CERT_ENV, str(key))
    with pytest.raises(UsageError, match="not a readable PEM key or certificate"):
        pdf_signer(os.environ)


def test_each_history_page_links_the_pdfs_the_site_has(sample_site: Path) -> None:
    """Every PDF of a revision the built site has is linked from its sector's history page
    in its language, and every PDF a history page links exists."""
    revisions = sorted((sample_site / "api/v1").glob("*/revisions/*.pdf"))
    assert revisions
    for lang in ("kk", "ru", "en"):
        for history in sorted(sample_site.glob(f"{lang}/*/history/index.html")):
            sector = history.parent.parent.name
            page = history.read_text(encoding="utf-8")
            linked = set(re.findall(r'href="\.\./\.\./\.\./(api/v1/[^"]+\.pdf)"', page))
            published = {
                p.relative_to(sample_site).as_posix()
                for p in revisions
                if p.parent.parent.name == sector and p.name.endswith(f".{lang}.pdf")
            }
            assert linked == published, history


RENAMED = {
    "kk": "Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрлігі",
    "ru": "Министерство здравоохранения и социального развития Республики Казахстан",
    "en": "Ministry of Healthcare and Social Development of the Republic of Kazakhstan",
}
AGENCY = {
    "kk": "Қазақстан Республикасы Денсаулық сақтау агенттігі",
    "ru": "Агентство здравоохранения Республики Казахстан",
    "en": "Healthcare Agency of the Republic of Kazakhstan",
}


def test_an_older_revision_names_the_body_as_it_was(told) -> None:
    """The body is renamed twice after revision 4 (revisions 5 and 6, each a commit of
    sector.yaml), its website changed at the second: each revision's PDF, on the site and
    from `trustlist list-pdf` (which reads sector.yaml at the revision's commit), names the
    body of its own day."""
    root, _ = told
    sector = root / "registry/health/sector.yaml"
    for lang in ("kk", "ru", "en"):
        edit(sector, BODY[lang], RENAMED[lang])
    commit(root, "health: the ministry renamed", when="2026-09-01T10:00:00+05:00")
    for lang in ("kk", "ru", "en"):
        edit(sector, RENAMED[lang], AGENCY[lang])
    edit(sector, "https://www.gov.kz/memleket/entities/dsm", "https://agency.example.kz")
    commit(root, "health: the agency takes the list", when="2026-10-01T10:00:00+05:00")
    history = history_of(str(root / "registry"))
    assert len(history.revisions["health"]) == 6
    site = Site(validate_registry(root / "registry"), history=history)
    published = {p.uri: p.content for p in revision_pdfs(site, "https://lists.example.kz/")}
    for number, names, website in (
        (4, BODY, "https://www.gov.kz/memleket/entities/dsm"),
        (5, RENAMED, "https://www.gov.kz/memleket/entities/dsm"),
        (6, AGENCY, "https://agency.example.kz"),
    ):
        for lang in ("kk", "ru", "en"):
            pdf = published[revision_pdf("health", number, lang)]
            text = text_of(pdf)
            assert f"{names[lang]} ({website})" in text, (number, lang)
            # A later name never (the changes since the revision before say the earlier).
            later = {4: (RENAMED, AGENCY), 5: (AGENCY,), 6: ()}[number]
            assert not any(name[lang] in text for name in later), (number, lang)
            result = run(
                "list-pdf", "--sector", "health", "--revision", str(number),
                "--lang", lang, "--out", f"{number}.{lang}.pdf", cwd=root,
            )  # fmt: skip
            assert result.returncode == 0, result.stderr
            assert (root / f"{number}.{lang}.pdf").read_bytes() == pdf, (number, lang)
