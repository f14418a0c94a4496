"""Messages of the repository's settings checked against the registry (governance.py): GOV."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
