"""Messages of the calendar and the published site (deadlines.py, manifest.py): CAL, VER."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
