"""decision step: the body's stage of a record, written and signed by the body alone.

A record has two stages. The applicant writes the application; the sector's body decides and
adds `list_number`, `decision` and `status` (the body's fields), and signs them with one of the
sector's decision keys (`registry/<sector>/sector.yaml: decision_keys`, SSH public keys that
only the maintainers change). The signature (`ssh-keygen -Y sign`, namespace
trustlist-decision) covers the body's fields and a digest of the applicant's, so it binds the
decision to exactly the package that was decided on: an applicant can neither write a decision
nor reuse one for changed papers. `change.py` requires a valid signature for every change of
the body's fields in a pull request; the signature stays in the record, so an auditor can
check any decision later against the record as it stood when it was signed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from .findings import UsageError

NAMESPACE = "trustlist-decision"  # ssh-keygen signatures are bound to a purpose
BODY_FIELDS = ("list_number", "decision", "status")
# Kazakhstan keeps one time zone, UTC+5: a decision is dated by the body's own calendar day.
KZ_TIME = timezone(timedelta(hours=5))


def today_in_kazakhstan() -> date:
    return datetime.now(KZ_TIME).date()


def _canonical(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def body_part(data: dict) -> dict:
    """The body's fields of a record, without the signature itself."""
    body = {key: data[key] for key in BODY_FIELDS if key in data}
    if isinstance(body.get("decision"), dict):
        body["decision"] = {k: v for k, v in body["decision"].items() if k != "signature"}
    return body


def applicant_part(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in BODY_FIELDS}


def _digest(text: object) -> str | None:
    return hashlib.sha256(text.encode()).hexdigest() if isinstance(text, str) else None


def signed_text(data: dict, previous: object = None) -> bytes:
    """What a decision's signature covers: the record's place, the body's fields, the SHA-256
    of the applicant's fields (dates stay text in our YAML, so this is stable), and the
    SHA-256 of the signature it replaces. That last link chains a record's decisions: an old
    signed state (listed, before an exclusion) cannot be put back, its signature names
    another predecessor than the record's current one."""
    statement = {
        "sector": data.get("sector"),
        "id": data.get("id"),
        "body": body_part(data),
        "application_sha256": hashlib.sha256(_canonical(applicant_part(data))).hexdigest(),
        "previous": _digest(previous),
    }
    return b"trustlist decision 1\n" + _canonical(statement) + b"\n"


def closed_text(sector: str, index: int, entry: dict) -> bytes:
    """What a closed application's signature covers: its sector, its place in the journal (an
    entry copied to another place does not verify), and the whole entry."""
    closed = {k: v for k, v in entry.items() if k != "signature"}
    statement = {"sector": sector, "index": index, "closed": closed}
    return b"trustlist closed application 1\n" + _canonical(statement) + b"\n"


def sign(text: bytes, key: Path) -> str:
    """An SSH signature of `text` (a `signed_text` or `closed_text`) made with the private
    key `key`."""
    with tempfile.TemporaryDirectory() as scratch:
        statement = Path(scratch) / "decision"
        statement.write_bytes(text)
        result = subprocess.run(
            ["ssh-keygen", "-Y", "sign", "-q", "-f", str(key), "-n", NAMESPACE, str(statement)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            why = (result.stderr or result.stdout).strip().splitlines()
            raise UsageError(f"{key}: cannot sign: {why[-1] if why else 'ssh-keygen failed'}")
        return Path(f"{statement}.sig").read_text(encoding="ascii")


@dataclass(frozen=True)
class Verdict:
    valid: bool
    signer: str  # the key's comment (or its position) when valid; why not, otherwise


def verify(data: dict, keys: list[str], previous: object = None) -> Verdict:
    """Whether the record's decision signature was made by one of `keys` over this record,
    replacing the signature `previous` (the one it had before)."""
    decision = data.get("decision")
    signature = decision.get("signature") if isinstance(decision, dict) else None
    return verify_text(signed_text(data, previous), signature, keys)


def verify_text(text: bytes, signature: object, keys: list[str]) -> Verdict:
    """Whether `signature` is one of `keys`' over `text`."""
    if not isinstance(signature, str):
        return Verdict(False, "unsigned")
    if not keys:
        return Verdict(False, "no_keys")
    names = [f"key-{n}" for n in range(1, len(keys) + 1)]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        allowed, sig = folder / "allowed", folder / "sig"
        allowed.write_text(
            "".join(
                f'{name} namespaces="{NAMESPACE}" {key}\n'
                for name, key in zip(names, keys, strict=True)
            ),
            encoding="utf-8",
        )
        sig.write_text(signature, encoding="ascii")
        found = _ssh(["find-principals", "-s", str(sig), "-f", str(allowed)])
        lines = found.stdout.decode(errors="replace").split() if found.returncode == 0 else []
        principal = lines[0] if lines else ""
        if principal not in names:
            return Verdict(False, "unknown_key")
        checked = _ssh(
            ["verify", "-f", str(allowed), "-I", principal, "-n", NAMESPACE, "-s", str(sig)],
            text,
        )
    if checked.returncode != 0:
        return Verdict(False, "mismatch")
    key = keys[names.index(principal)]
    comment = key.split(" ", 2)[2] if key.count(" ") >= 2 else principal
    return Verdict(True, comment)


def _ssh(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["ssh-keygen", "-Y", *args], input=stdin, capture_output=True, check=False
    )


@dataclass(frozen=True)
class Decided:
    record: Path
    list_number: int
    date: str  # the decision's date, as the record gives it
    new: bool  # this call made the decision (rather than a later change of the body's fields)


def decide(
    registry: Path,
    system_id: str,
    key: Path,
    *,
    reference: str | None = None,
    on: date | None = None,
    published: date | None = None,
    status: tuple[str, str, date] | None = None,  # (state, reason, since); listed: ("listed",…)
) -> Decided:
    """Write the body's stage into a system's record and sign it: a new decision (list number,
    decision, status listed) when `reference` is given for an application, or a later change
    of a decided entry (publication date, suspension, exclusion, restoring). The record keeps
    its comments and order; a published decision's date and reference are never rewritten."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    from .edit import find_system, round_trip_yaml
    from .load import parse_yaml

    record = find_system(registry, system_id)
    yaml = round_trip_yaml()
    document = yaml.load(record.read_text(encoding="utf-8"))
    decision = document.get("decision")
    new = decision is None
    if new:
        if not reference:
            raise UsageError(f"{record}: an application awaits its decision: give --reference")
        number = _next_list_number(record.parent.parent, record)
        document.insert(_after(document, "sector"), "list_number", number)
        # A date object is written plain (2026-06-01); the registry's loader reads it as text.
        decision = CommentedMap(date=on or today_in_kazakhstan(), reference=reference)
        document.insert(_after(document, "audit"), "decision", decision)
        document.insert(_after(document, "decision"), "status", CommentedMap(state="listed"))
    elif reference is not None and reference != decision.get("reference"):
        raise UsageError(
            f"{record}: decided on {decision.get('date')} with reference "
            f"{decision.get('reference')}; a published decision never changes"
        )
    elif on is not None and on.isoformat() != str(decision.get("date")):
        raise UsageError(f"{record}: decided on {decision.get('date')}; its date never changes")
    if published is not None:
        decision["published"] = published
    if status is not None:
        state, reason, since = status
        document["status"] = (
            CommentedMap(state="listed")
            if state == "listed"
            else CommentedMap(state=state, since=since, reason=reason)
        )
    previous = decision.pop("signature", None)
    data = parse_yaml(_dumped(yaml, document).encode(), str(record)).data
    if not isinstance(data, dict):
        raise UsageError(f"{record}: is not a record; fix it with `trustlist validate` first")
    text = signed_text(data, str(previous) if previous is not None else None)
    decision["signature"] = LiteralScalarString(sign(text, key))
    record.write_text(_dumped(yaml, document), encoding="utf-8")
    return Decided(record, int(document["list_number"]), str(decision["date"]), new)


def _after(document, key: str) -> int:
    keys = list(document)
    return keys.index(key) + 1 if key in keys else len(keys)


def _dumped(yaml, document) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _next_list_number(sector_folder: Path, record: Path) -> int:
    """One more than the highest number the sector's list has given (numbers are never reused:
    an excluded system keeps its number)."""
    numbers = [0]
    for other in sector_folder.glob(f"*/{record.name}"):
        match = re.search(r"^list_number:\s*(\d+)\s*$", other.read_text("utf-8"), re.MULTILINE)
        if match and other != record:
            numbers.append(int(match[1]))
    return max(numbers) + 1


def close_application(
    registry: Path,
    system_id: str,
    key: Path,
    outcome: str,
    reasons: dict[str, str],
    *,
    reference: str | None = None,
    on: date | None = None,
) -> Path:
    """The body refuses an application, or records its withdrawal: the application's facts,
    the outcome, its date and the reasons go to the sector's journal (journal.py), signed, and
    the application's folder leaves the pull request. Returns the journal's path."""
    import shutil

    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    from .edit import find_system, round_trip_yaml
    from .journal import JOURNAL_FILE
    from .load import load_yaml

    record = find_system(registry, system_id)
    data = load_yaml(record, str(record)).data
    if not isinstance(data, dict) or not isinstance(data.get("owner"), dict):
        raise UsageError(f"{record}: is not a record; fix it with `trustlist validate` first")
    if "decision" in data:
        raise UsageError(
            f"{record}: is decided; an entry of the list is suspended or excluded, not refused"
        )
    entry = {
        "system": system_id,
        "name": data.get("name"),
        "applicant": {"name": data["owner"].get("name"), "bin": data["owner"].get("bin")},
        "application": data.get("application"),
        "outcome": outcome,
        "date": (on or today_in_kazakhstan()).isoformat(),
        **({"reference": reference} if reference else {}),
        "reasons": reasons,
    }
    sector = record.parent.parent.name
    journal = record.parent.parent / JOURNAL_FILE
    yaml = round_trip_yaml()
    if journal.exists():
        document = yaml.load(journal.read_text(encoding="utf-8"))
    else:
        document = CommentedMap(schema_version="1.0", closed=CommentedSeq())
    index = len(document["closed"])
    signature = sign(closed_text(sector, index, entry), key)
    document["closed"].append(CommentedMap({**entry, "signature": LiteralScalarString(signature)}))
    journal.write_text(_dumped(yaml, document), encoding="utf-8")
    written = load_yaml(journal, str(journal)).data["closed"][index]
    if closed_text(sector, index, written) != closed_text(sector, index, entry):
        raise UsageError(f"{journal}: the entry did not read back as signed; nothing removed")
    shutil.rmtree(record.parent)
    return journal
