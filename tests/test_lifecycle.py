"""The application lifecycle end to end, as its users live it: applicants and a sector's
reviewers using `trustlist` on a real git repository (fixed dates), and the site built from it
by a real `mkdocs build`. One story, in order:

1. a correct application without a decision passes the check and awaits the body's decision;
2. an incomplete one fails with a notice in Russian, every finding of it in Russian;
3. its resubmission passes, and the re-review term runs;
4. a reviewer signs the decision, the merge records it as a revision of the list;
5. months later a renewal of the audit passes and makes a revised list;
6. a pull request rewriting the published decision date fails;
7. the listed system whose audit has expired shows it on the site and in the exports.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SECTOR, SYSTEM, build_site, edit, git
from pdf_fixtures import clean_pdf
from pypdf import PdfReader
from trustlist.core.change import check_pull_request
from trustlist.core.pdfcheck import check_pdf

TRUSTLIST = Path(sys.executable).with_name("trustlist")
TRIAGE = "registry/health/demo-triage"
CONFIG = """\
site_name: Test register
site_url: https://trustlist.example.kz/
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - trustlist:
      registry: registry
      languages: [kk, ru, en]
"""


def trustlist(*args: str, ok: bool | None = True) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it; `ok` True/False asserts exit 0 / 1."""
    result = subprocess.run(
        [str(TRUSTLIST), *args], capture_output=True, text=True, check=False, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr
    if ok is not None:
        assert result.returncode == (0 if ok else 1), result.stdout + result.stderr
    return result


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def squash_merge(root: Path, branch: str, message: str, when: str) -> None:
    """What the ruleset allows: one squash merge, one revision of the list."""
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--squash", branch, when=when)
    git(root, "commit", "-q", "-m", message, when=when)


def apply(root: Path, system: str, submitted: str) -> Path:
    """An applicant's folder: the demo system's papers under a new id, the applicant's stage."""
    folder = root / "registry/health" / system
    shutil.copytree(root / TRIAGE, folder)
    record = folder / "system.yaml"
    text = record.read_text(encoding="utf-8").replace("id: demo-triage", f"id: {system}")
    # Names of its own: with demo-triage's names, BIN and papers it is a look-alike (REG009).
    text = text.replace("  kk: Демо триаж жүйесі", f"  kk: {system} демо жүйесі")
    text = text.replace("  ru: Демо-система триажа", f"  ru: Демо-система {system}")
    text = text.replace("  en: Demo triage system", f"  en: Demo system {system}")
    text = text.replace("list_number: 1\n", "").replace(
        "submitted: 2026-05-04", f"submitted: {submitted}"
    )
    start, end = text.index("decision:\n"), text.index("documents:\n")
    record.write_text(text[:start] + text[end:], encoding="utf-8")
    return record


@pytest.fixture
def repo(base: Path, tmp_path: Path) -> tuple[Path, Path]:
    """main holds the health list with demo-triage listed and the sector's decision key."""
    key = tmp_path / "keys" / "health-reviewer"
    key.parent.mkdir()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "health@gov.kz", "-f", str(key)],
        check=True,
    )
    public = key.with_suffix(".pub").read_text(encoding="utf-8").strip()
    edit(base / SECTOR, "contact:\n", f"decision_keys:\n  - {public}\ncontact:\n")
    (base / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (base / "docs").mkdir()
    (base / "docs" / ".keep").write_text("", encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    commit(base, "health list: demo-triage", "2026-05-19T10:00:00+05:00")
    return base, key


def test_the_application_lifecycle(repo: tuple[Path, Path], tmp_path: Path) -> None:
    root, key = repo

    # 1. A complete, correct application, no decision: it passes and awaits the decision.
    git(root, "checkout", "-q", "-b", "apply-ecg")
    apply(root, "demo-ecg", "2026-06-01")
    commit(root, "apply: demo-ecg", "2026-06-01T09:00:00+05:00")
    trustlist("validate", "registry")
    check = trustlist("check", "--base", "main", "--today", "2026-06-02")
    assert "registry against main: valid" in check.stdout
    assert "demo-ecg: (the application awaits the body's decision)" in check.stdout
    assert "review  2026-06-01   10            2026-06-15  -       -      pending" in check.stdout
    notice = trustlist("notice", "--base", "main", "--lang", "en", "--today", "2026-06-02")
    assert notice.stdout.startswith("## Result of the application check: no inconsistencies\n")
    assert "The application awaits the body's decision" in notice.stdout

    # 2. An incomplete application: no audit report, a wrong BIN check digit. The notice, in
    # Russian, is a dated document with every finding in Russian.
    git(root, "checkout", "-q", "main")
    git(root, "checkout", "-q", "-b", "apply-new")
    record = apply(root, "demo-new", "2026-06-01")
    (record.parent / "audit-report.pdf").unlink()
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("  - kind: audit_report")], encoding="utf-8")
    edit(record, '"260540001236"', '"260540001237"')
    commit(root, "apply: demo-new", "2026-06-01T10:00:00+05:00")
    args = ("--base", "main", "--lang", "ru", "--pr", "7", "--today", "2026-06-03")
    notice = trustlist("notice", *args, ok=False).stdout
    noticed = git(root, "rev-parse", "HEAD").strip()
    assert notice.startswith("## Уведомление о несоответствиях\n")
    assert "**Дата:** 2026-06-03" in notice
    assert "**Запрос (pull request):** #7" in notice
    assert "**Кому:** ТОО «Демо Клиника», БИН 260540001237" in notice
    assert "**Заявление:** APP-2026-001, подано 2026-06-01" in notice
    assert "**От кого:** Министерство здравоохранения Республики Казахстан" in notice
    assert "приказом Заместителя Премьер-Министра" in notice
    assert "в течение 5 рабочих дней: при повторной подаче 2026-06-03 — до 2026-06-10" in notice
    found = check_pull_request(Path("registry"), "main").findings
    assert sorted(f.code for f in found) == ["BIN001", "DOC001"]
    for finding in found:
        assert finding.key, finding  # said in every language, not only English
        russian = finding.text("ru")
        assert russian != finding.message
        assert any("а" <= c <= "я" for c in russian), russian
        assert finding.message not in notice
    assert "контрольная цифра должна быть 6, указано 7" in notice
    assert "нет документа вида audit_report" in notice
    assert "| рассмотрение | 2026-06-01 | 10 | 2026-06-15 | - | идёт |" in notice
    # The same notice printed: a real PDF, passive, in Russian, the same bytes each time.
    printed = subprocess.run(
        [str(TRUSTLIST), "notice", *args, "--format", "pdf"], capture_output=True, check=False
    )
    assert printed.returncode == 1 and printed.stdout.startswith(b"%PDF-")
    assert check_pdf(printed.stdout) == []
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(printed.stdout)).pages)
    assert "Уведомление о несоответствиях" in " ".join(text.split())
    assert "контрольная цифра должна быть 6, указано 7" in " ".join(text.split())
    again = subprocess.run(
        [str(TRUSTLIST), "notice", *args, "--format", "pdf"], capture_output=True, check=False
    )
    assert again.stdout == printed.stdout

    # 3. The resubmission: the report added, the BIN fixed, the return recorded.
    shutil.copy(root / TRIAGE / "audit-report.pdf", record.parent / "audit-report.pdf")
    block = (root / SYSTEM).read_text(encoding="utf-8")
    record.write_text(
        record.read_text(encoding="utf-8") + block[block.index("  - kind: audit_report") :],
        encoding="utf-8",
    )
    edit(record, '"260540001237"', '"260540001236"')
    edit(
        record,
        "  submitted: 2026-06-01\n",
        "  submitted: 2026-06-01\n  returns:\n    - notice: 2026-06-03\n"
        "      resubmitted: 2026-06-08\n",
    )
    commit(root, "resubmit: demo-new", "2026-06-08T10:00:00+05:00")
    check = trustlist("check", "--base", "main", "--today", "2026-06-09").stdout
    rows = [line.split() for line in check.splitlines()]
    assert ["review", "2026-06-01", "10", "2026-06-15", "2026-06-03", "2", "met"] in rows
    assert ["re-review", "2026-06-08", "5", "2026-06-15", "-", "-", "pending"] in rows

    # 4. The decision: a reviewer signs it on the branch; the squash merge is the revision.
    decided = trustlist(
        "decide", "demo-new", "--key", str(key), "--reference", "No. 2-ИИ", "--date", "2026-06-12"
    )
    assert "list number 2" in decided.stdout
    commit(root, "decision: include demo-new", "2026-06-12T09:00:00+05:00")
    trustlist("check", "--base", "main", "--today", "2026-06-12")
    squash_merge(root, "apply-new", "Include demo-new (#7)", "2026-06-12T11:00:00+05:00")
    log = trustlist("log", "demo-new").stdout
    assert "health revision 2  2026-06-12 06:00:00Z" in log
    assert "Include demo-new (#7)" in log
    # The notice of 3 June is kept with the application: made again from its commit, later,
    # it is the same document, byte for byte.
    base = git(root, "rev-parse", "main~1").strip()
    again = trustlist("notice", "--base", base, "--head", noticed, *args[2:], ok=False).stdout
    assert again == notice

    # 5. Months later the audit is renewed: a new report dated after the decision.
    git(root, "checkout", "-q", "-b", "renew-audit")
    renewed = tmp_path / "audit-report-2027.pdf"
    renewed.write_bytes(clean_pdf("Audit report 2027"))
    record = root / "registry/health/demo-new/system.yaml"
    edit(record, "report_date: 2026-04-20", "report_date: 2027-04-01")
    edit(record, "valid_until: 2027-04-20", "valid_until: 2028-04-01")
    text = record.read_text(encoding="utf-8")
    start = text.index("  - kind: audit_report")
    record.write_text(text[:start], encoding="utf-8")
    (record.parent / "audit-report.pdf").unlink()
    trustlist(
        "add-document", str(renewed), "--system", "demo-new", "--kind", "audit_report",
        "--languages", "ru",
    )  # fmt: skip
    commit(root, "renew the audit of demo-new", "2027-04-02T10:00:00+05:00")
    trustlist("check", "--base", "main", "--today", "2027-04-02")
    squash_merge(
        root, "renew-audit", "Renew the audit of demo-new (#12)", "2027-05-03T10:00:00+05:00"
    )
    log = trustlist("log", "demo-new").stdout
    assert "health revision 3  2027-05-03 05:00:00Z" in log
    diff = trustlist("diff", "2027-01-01", "2027-05-03").stdout
    assert "demo-new" in diff

    # 6. A later pull request rewriting the published decision date fails.
    git(root, "checkout", "-q", "-b", "rewrite")
    edit(record, "  date: 2026-06-12\n", "  date: 2026-06-01\n")
    commit(root, "an earlier decision date", "2027-05-04T10:00:00+05:00")
    check = trustlist("check", "--base", "main", ok=False).stdout
    assert "error[DEC002] decision.date: the published decision's date was '2026-06-12'" in check
    git(root, "checkout", "-q", "main")

    # 7. On main (3 May 2027), demo-triage's audit (valid until 20 April 2027) has expired.
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    triage = (site / "ru/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert "Срок заключения аудита истёк" in triage
    assert "Заключение аудита действовало до 20 апреля 2027 года" in triage
    english = (site / "en/health/demo-triage/index.html").read_text(encoding="utf-8")
    assert "Audit conclusion expired" in english
    renewed_page = (site / "en/health/demo-new/index.html").read_text(encoding="utf-8")
    assert "Audit conclusion expired" not in renewed_page
    listing = (site / "kk/health/index.html").read_text(encoding="utf-8")
    assert listing.count("Аудит қорытындысының мерзімі өтті") == 1
    exported = json.loads((site / "api/v1/health.json").read_text(encoding="utf-8"))
    expired = {e["record"]["id"]: e["audit_expired"] for e in exported["systems"]}
    assert expired == {"demo-triage": True, "demo-new": False}


def test_an_application_merged_without_a_decision_is_on_no_list(
    repo: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = repo
    apply(root, "demo-ecg", "2026-06-01")
    commit(root, "merged without a decision", "2026-06-02T10:00:00+05:00")
    site = build_site(root / "mkdocs.yml", tmp_path / "site")
    assert not (site / "en/health/demo-ecg").exists()
    exported = json.loads((site / "api/v1/health.json").read_text(encoding="utf-8"))
    assert [e["record"]["id"] for e in exported["systems"]] == ["demo-triage"]
    assert os.path.exists(site / "en/health/demo-triage/index.html")
