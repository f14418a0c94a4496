"""Messages of the semantic rules of one record (rules.py): REG, BIN, DOC001-002, PLH, AUD, DATE, DEC."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
