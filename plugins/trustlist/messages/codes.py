"""Each rule's code and what it requires, in one line (docs/rules.md, `trustlist rules`).

Keyed by the code itself: "BIN001": (kk, ru, en).
"""

# code: (kk, ru, en)
MESSAGES: dict[str, tuple[str, str, str]] = {}
