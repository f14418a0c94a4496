"""expiry step: listed systems whose audit conclusion has expired or soon will.

An entry stays on its list after its audit conclusion's last valid day (`audit.valid_until`)
until the body suspends it, so the public must see the expiry and the body must hear of it
first: `trustlist expiring` (run daily by .github/workflows/expiring.yml) names every entry
of the list, listed or suspended, whose conclusion expires within a number of days or has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .validate import Registry


@dataclass(frozen=True)
class Expiring:
    sector: str
    system: str
    name: str  # in Russian, which every record has
    valid_until: date
    days_left: int  # negative once expired

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    def as_dict(self) -> dict[str, object]:
        return {
            "sector": self.sector,
            "system": self.system,
            "name": self.name,
            "valid_until": self.valid_until.isoformat(),
            "days_left": self.days_left,
            "expired": self.expired,
        }


def expiring(registry: Registry, today: date, within: int) -> list[Expiring]:
    """Entries on a list (not excluded) whose audit is valid for at most `within` more days."""
    horizon = today + timedelta(days=within)
    found = []
    for entry in registry.systems:
        system = entry.model
        if system is None or system.status is None or system.status.state == "excluded":
            continue
        until = system.audit.valid_until
        if until <= horizon:
            found.append(
                Expiring(entry.sector, entry.id, system.name.ru, until, (until - today).days)
            )
    return sorted(found, key=lambda e: (e.valid_until, e.sector, e.system))


def expiring_text(rows: list[Expiring], today: date, within: int) -> str:
    if not rows:
        return f"no audit expires within {within} days of {today}\n"
    lines = [f"audits expired or expiring within {within} days of {today}:"]
    for row in rows:
        when = "expired" if row.expired else f"{row.days_left} day(s) left"
        lines.append(f"  {row.sector}/{row.system}  valid until {row.valid_until}  ({when})")
    return "\n".join(lines) + "\n"


def expiring_markdown(rows: list[Expiring], today: date, within: int) -> str:
    out = [
        f"### Аудит қорытындысының мерзімі · Срок заключения аудита · Audit expiry ({today})",
        "",
    ]
    if not rows:
        return "\n".join([*out, f"No audit expires within {within} days.", ""])
    out += ["| sector | system | valid until | days left |", "|---|---|---|---|"]
    for row in rows:
        left = "expired" if row.expired else str(row.days_left)
        name = row.name.replace("|", "\\|")
        out.append(f"| {row.sector} | {name} (`{row.system}`) | {row.valid_until} | {left} |")
    return "\n".join(out) + "\n"
