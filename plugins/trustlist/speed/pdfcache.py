"""pdfcache: the revisions' PDFs kept between builds, by what makes their bytes.

A revision's PDF follows from its commit, its sector's body, its language, its link and the
code that prints it (records_fingerprint covers the code and the libraries): a revision never
changes once issued, so a later build takes the bytes from the cache folder instead of
printing them again (about 65 ms a PDF). Signed PDFs are never kept (a signature is dated when
made). `TRUSTLIST_CACHE=off`, and the deploy job, which keeps no cache, print every one.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from .verdicts import cache_folder, records_fingerprint, write_cache_file

log = logging.getLogger("trustlist")


def remembered(what: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
    """The bytes `make` gives for `what` (a tuple whose repr names every input), from the
    cache folder when an earlier build kept them."""
    folder = cache_folder()
    if folder is None:
        return make()
    key = hashlib.sha256(repr((records_fingerprint(), *what)).encode("utf-8")).hexdigest()
    path = folder / "pdfs" / f"{key}.pdf"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("cache %s not read (%s): the PDF is printed again", path, error.strerror)
    data = make()
    write_cache_file(path, data)
    return data
