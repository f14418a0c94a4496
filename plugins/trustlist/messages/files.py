"""Messages of reading files and documents (load, validate, documents, pdfcheck).

FILE, YAML, REG006-007, DOC003-010 and PDF.
"""

# key: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
