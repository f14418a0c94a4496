"""Messages of one record's semantic rules (rules.py): REG, BIN, DOC001-002, PLH, AUD, DATE."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
