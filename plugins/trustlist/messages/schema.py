"""Messages of the JSON Schema stage (schema.py): SCH, LINK, MOD, and the words its messages use."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
