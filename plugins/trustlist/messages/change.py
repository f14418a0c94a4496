"""Messages of a pull request judged against its base (change.py): CHG and DEC."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
