"""validate step: Kazakhstan's business identification number (BIN) and its check digit."""

from __future__ import annotations

from functools import lru_cache

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def bin_check_digit(first_eleven: str) -> int | None:
    """The check digit for 11 ASCII digits, or None when no digit can be valid.

    The second weighting is used only when the first gives 10; a second 10 means the
    number cannot be issued at all.
    """
    digits = [int(c) for c in first_eleven]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        remainder = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


@lru_cache(maxsize=4096)  # an auditor's or owner's BIN recurs across many records
def bin_problem(value: str) -> tuple[str, dict[str, str]] | None:
    """Why `value` is not a valid BIN, as a message key of messages/records.py and its values,
    or None. Only ASCII digits count."""
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        return "bin.digits", {}
    expected = bin_check_digit(value[:11])
    if expected is None:
        return "bin.no_check_digit", {}
    if int(value[11]) != expected:
        return "bin.check_digit", {"expected": str(expected), "got": value[11]}
    return None
