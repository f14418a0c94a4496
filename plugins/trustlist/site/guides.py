"""guides step: the hand-written pages (docs/<lang>/*.md) given what only the site's settings
know, before Markdown renders them: the repository's address in the auditors' commands.

A guide writes a placeholder in its own language (`git clone <repository>`, `--repo
<owner>/<repository>`); with the plugin's `repository` set, the commands name the real
repository, so an auditor can copy them as they are. Unset, the placeholders stay, as the
guide reads in the repository. Only these exact commands change: apply.md's
`cd <repository>` is the applicant's own fork and stays a placeholder.
"""

from __future__ import annotations

import re

# Each language's placeholders, as docs/<lang>/auditors.md writes them: the repository, and
# its owner and name for GitHub's command line.
PLACEHOLDERS = {
    "kk": ("<репозиторий>", "<иесі>/<репозиторий>"),
    "ru": ("<репозиторий>", "<владелец>/<репозиторий>"),
    "en": ("<repository>", "<owner>/<repository>"),
}
_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9-]+/[A-Za-z0-9._-]+?)(?:\.git)?/?$")


def github_name(repository: str) -> str | None:
    """OWNER/NAME of a GitHub repository's address, or None for another host."""
    found = _GITHUB.match(repository)
    return found[1] if found else None


def filled(markdown: str, lang: str, repository: str | None) -> str:
    """`markdown` with the auditors' commands naming `repository` (an address git clones)."""
    if not repository or lang not in PLACEHOLDERS:
        return markdown
    address, owner_and_name = PLACEHOLDERS[lang]
    name = github_name(repository)
    if name is not None:
        markdown = markdown.replace(f"--repo {owner_and_name}", f"--repo {name}")
    return markdown.replace(f"git clone {address} ", f"git clone {repository} ")
