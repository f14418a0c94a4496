"""Generate a synthetic registry for the benchmark: N systems over M sectors, three small real
PDFs each, and a git history of K commits that open the lists, add systems in batches, update
some and exclude others. Deterministic from the seed; every date is fixed.

    python benchmarks/generate.py OUT --systems 1000 --sectors 10 --commits 100 --seed 1

OUT also gets `plain/`: the same systems written as hand-made Markdown pages for the plain
MkDocs + Material baseline (system pages kept out of the nav, as trustlist keeps them).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
WORDS = [
    *["дерек", "жүйе", "талдау", "модель", "сурет", "мәтін", "болжам", "сапа", "қауіп", "бағалау"],
    *[
        "данные",
        "система",
        "анализ",
        "модель",
        "изображение",
        "текст",
        "прогноз",
        "качество",
        "риск",
        "оценка",
    ],
]


def bin_number(seed: int) -> str:
    """A 12-digit BIN with a valid check digit (the algorithm in shared/domain.md)."""
    n = seed
    while True:
        digits = [int(c) for c in f"{n % 10**11:011d}"]
        a = sum((i + 1) * d for i, d in enumerate(digits)) % 11
        if a == 10:
            a = sum(w * d for w, d in zip([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], digits, strict=True))
            a %= 11
        if a != 10:
            return "".join(map(str, digits)) + str(a)
        n += 1


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text, written byte by byte (about 600 bytes)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(bodies) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def sector_yaml(sector: str, index: int) -> str:
    return f"""schema_version: "1.0"
id: {sector}
demonstration: true
name:
  kk: Сала {index}
  ru: Отрасль {index}
  en: Sector {index}
authority:
  name:
    kk: Бенчмарк органы {index}
    ru: Орган бенчмарка {index}
    en: Benchmark authority {index}
  website: https://authority{index}.example.kz
reviewers:
  - "@bench/sector-{index}"
contact:
  email: list@authority{index}.example.kz
"""


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def system_yaml(
    rng: random.Random, sector: str, number: int, index: int, decided: date, docs: list
) -> str:
    submitted = decided - timedelta(days=10)
    documents = "".join(
        f"""  - kind: {kind}
    file: {name}
    sha256: {sha}
    size: {size}
    title:
      kk: Құжат {kind}
      ru: Документ {kind}
    languages: [kk, ru]
    public: true
"""
        for kind, name, sha, size in docs
    )
    return f"""schema_version: "1.0"
id: sys-{index:05d}
sector: {sector}
list_number: {number}
demonstration: true
name:
  kk: Жүйе {index} {text(rng, 2)}
  ru: Система {index} {text(rng, 2)}
  en: System {index}
owner:
  role: owner
  name:
    kk: «Ұйым {index}» ЖШС
    ru: ТОО «Организация {index}»
  bin: "{bin_number(100_000_000 + index * 7)}"
  website: https://org{index}.example.kz
description:
  purpose:
    kk: {text(rng, 12)}
    ru: {text(rng, 12)}
  methods:
    kk: {text(rng, 8)}
    ru: {text(rng, 8)}
  limitations:
    kk: {text(rng, 8)}
    ru: {text(rng, 8)}
risk_level: high
national_ai_platform:
  developed: {str(rng.random() < 0.5).lower()}
  tested: true
synthetic_content:
  produces: false
users_rights:
  notification:
    kk: {text(rng, 6)}
    ru: {text(rng, 6)}
  objection:
    kk: {text(rng, 6)}
    ru: {text(rng, 6)}
  contact:
    email: rights@org{index}.example.kz
  terms_of_use: https://org{index}.example.kz/terms
application:
  reference: APP-{index}
  submitted: {submitted.isoformat()}
copyright:
  kind: certificate
  number: "C-{index}"
  date: {(submitted - timedelta(days=30)).isoformat()}
audit:
  auditor:
    name:
      kk: «Аудит» ЖШС
      ru: ТОО «Аудит»
    bin: "{bin_number(500_000_000)}"
  report_date: {(submitted - timedelta(days=5)).isoformat()}
  conclusion: positive
  valid_until: {(decided + timedelta(days=365)).isoformat()}
decision:
  date: {decided.isoformat()}
  reference: "D-{index}"
status:
  state: listed
documents:
{documents}"""


def git(root: Path, *args: str, when: date | None = None, hour: int = 10) -> None:
    stamp = f"{(when or date(2026, 5, 1)).isoformat()}T{hour:02d}:00:00+05:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@example.kz",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@example.kz",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def generate(out: Path, systems: int, sectors: int, commits: int, seed: int) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    registry = out / "registry"
    registry.mkdir(parents=True)
    names = [f"sector-{i:02d}" for i in range(sectors)]
    for i, sector in enumerate(names):
        (registry / sector).mkdir()
        (registry / sector / "sector.yaml").write_text(sector_yaml(sector, i), encoding="utf-8")
    git(out, "init", "-q", "-b", "main")
    git(out, "add", "-A")
    git(out, "commit", "-q", "-m", "open the lists")
    # Commits 2..K: most add a batch of systems; the rest update or exclude one.
    adding = max(1, int((commits - 1) * 0.8))
    batches = [systems * (i + 1) // adding - systems * i // adding for i in range(adding)]
    kinds = ["add"] * adding + ["change"] * (commits - 1 - adding)
    rng.shuffle(kinds)
    if kinds and kinds[0] != "add":
        kinds.remove("add")
        kinds.insert(0, "add")
    added: list[Path] = []
    numbers = dict.fromkeys(names, 0)
    day = date(2026, 5, 4)
    for step, kind in enumerate(kinds, start=1):
        day += timedelta(days=1)
        if kind == "add" and batches:
            for _ in range(batches.pop(0)):
                index = len(added) + 1
                sector = names[index % sectors]
                numbers[sector] += 1
                folder = registry / sector / f"sys-{index:05d}"
                folder.mkdir()
                docs = []
                for doc_kind, name in (
                    ("application", "application.pdf"),
                    ("copyright_certificate", "certificate.pdf"),
                    ("audit_report", "audit-report.pdf"),
                ):
                    data = tiny_pdf(f"{doc_kind} of system {index}")
                    (folder / name).write_bytes(data)
                    docs.append((doc_kind, name, hashlib.sha256(data).hexdigest(), len(data)))
                record = system_yaml(rng, sector, numbers[sector], index, day, docs)
                (folder / "system.yaml").write_text(record, encoding="utf-8")
                added.append(folder)
            message = "include a batch" if batches else "include the last batch"
        elif added:
            record = rng.choice(added) / "system.yaml"
            data = record.read_text(encoding="utf-8")
            if "state: listed" in data and rng.random() < 0.3:
                data = data.replace(
                    "state: listed\n",
                    f"state: excluded\n  since: {day.isoformat()}\n  reason: owner_request\n",
                )
                message = f"exclude {record.parent.name}"
            else:
                data = data.replace("  methods:\n    kk: ", "  methods:\n    kk: Жаңартылды. ", 1)
                message = f"update {record.parent.name}"
            record.write_text(data, encoding="utf-8")
        else:
            continue
        git(out, "add", "-A")
        git(out, "commit", "-q", "-m", message, when=day, hour=10 + step % 8)
    write_plain(out, names)
    # The baseline's pages are committed too, so the git-date peer finds a history per file.
    git(out, "add", "-A")
    git(out, "commit", "-q", "-m", "plain baseline pages", when=day + timedelta(days=1))


def write_plain(out: Path, sectors: list[str]) -> None:
    """The same content as hand-written Markdown for the plain MkDocs baseline."""
    docs = out / "plain" / "docs"
    for sector in sectors:
        rows = []
        for record in sorted((out / "registry" / sector).glob("*/system.yaml")):
            data = record.read_text(encoding="utf-8")
            system = record.parent.name
            lines = [line.strip() for line in data.splitlines() if ": " in line]
            facts = "\n".join(f"| {k} | {v} |" for k, v in (line.split(": ", 1) for line in lines))
            page = docs / sector / f"{system}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(
                f"# {system}\n\n| field | value |\n|---|---|\n{facts}\n", encoding="utf-8"
            )
            rows.append(f"| [{system}]({system}.md) |")
        (docs / sector / "index.md").write_text(
            f"# {sector}\n\n| system |\n|---|\n" + "\n".join(rows) + "\n", encoding="utf-8"
        )
    (docs / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    nav = "\n".join(f"  - {s}: {s}/index.md" for s in sectors)
    base = (
        "site_name: plain\ntheme:\n  name: material\n  font: false\nmarkdown_extensions: [tables]\n"
    )
    (out / "plain" / "mkdocs.yml").write_text(f"{base}nav:\n  - index.md\n{nav}\n", "utf-8")
    git_plugin = base + "plugins:\n  - git-revision-date-localized\n"
    (out / "plain" / "mkdocs-git.yml").write_text(
        f"{git_plugin}nav:\n  - index.md\n{nav}\n", "utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--systems", type=int, default=1000)
    parser.add_argument("--sectors", type=int, default=10)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.systems, args.sectors, args.commits, args.seed)


if __name__ == "__main__":
    main()
