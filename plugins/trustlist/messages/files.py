"""Messages of reading files and documents (load.py, validate.py, documents.py, pdfcheck.py): FILE, YAML, REG006-007, DOC003-010, PDF."""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
