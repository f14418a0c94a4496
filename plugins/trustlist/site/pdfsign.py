"""listpdf's signatures: a revision's PDF signed (PAdES) with a body's key, and checked
offline against the certificates a reader trusts.

pyHanko adds the signature as an incremental update over the finished bytes, so the PDF
listpdf.py made is unchanged inside it. The signature is dated when it is made (pyHanko reads
the clock), so a signed PDF is not reproducible; the unsigned one is, and the signature says
who vouched for those bytes. Verification fetches nothing: no certificate, no revocation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner


@cache
def _pyhanko() -> None:
    """Import pyHanko's signers once, quietly: they import cryptography's DSA, which it warns
    is deprecated (on every `trustlist list-pdf --key`), and no list is signed with DSA."""
    import warnings

    from cryptography.utils import CryptographyDeprecationWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        import pyhanko.sign.signers
        import pyhanko.sign.validation  # noqa: F401


class UnreadableKey(ValueError):
    """A key or certificate that cannot be read: `file` names it."""

    def __init__(self, file: str, error: str) -> None:
        super().__init__(f"{file}: {error}")
        self.file, self.error = file, error


def load_signer(key_pem: bytes, cert_pem: bytes, passphrase: bytes | None = None) -> SimpleSigner:
    """A pyHanko signer from a PEM private key and its PEM certificate (the chain after it)."""
    _pyhanko()
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        key = load_private_key_from_pemder_data(key_pem, passphrase)
    except (ValueError, TypeError) as err:
        raise UnreadableKey("key", str(err) or type(err).__name__) from None
    try:
        certs = list(load_certs_from_pemder_data(cert_pem))
    except (ValueError, TypeError) as err:
        raise UnreadableKey("cert", str(err) or type(err).__name__) from None
    if not certs:
        raise UnreadableKey("cert", "no certificate")
    return SimpleSigner(
        signing_cert=certs[0],
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs(certs[1:]),
    )


def sign_with(pdf_bytes: bytes, signer: SimpleSigner) -> bytes:
    """The PDF with a PAdES signature over all of it (an incremental update)."""
    _pyhanko()
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name="trustlist",
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes))
    out = signers.PdfSigner(meta, signer).sign_pdf(writer)
    return out.getvalue()


def sign_pdf(pdf_bytes: bytes, key_pem: bytes, cert_pem: bytes) -> bytes:
    """`pdf_bytes` signed (PAdES) with a PEM key and certificate."""
    return sign_with(pdf_bytes, load_signer(key_pem, cert_pem))


@dataclass(frozen=True)
class Verified:
    """What `verify_pdf` found: valid only when every signature is intact, made by a
    certificate the trust roots vouch for, and the last one covers the whole file."""

    valid: bool
    problem: str = ""  # why not, in English ("" when valid)
    signer: str = ""  # the last signature's certificate subject
    signed: datetime | None = None  # when it says it was signed


def verify_pdf(pdf_bytes: bytes, trust_roots: Iterable[bytes]) -> Verified:
    """Check a PDF's signatures offline (no certificate or revocation fetched) against
    `trust_roots`, PEM certificates."""
    _pyhanko()
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    roots = [cert for pem in trust_roots for cert in load_certs_from_pemder_data(pem)]
    context = ValidationContext(
        trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        reader = PdfFileReader(BytesIO(pdf_bytes))
        signatures = reader.embedded_signatures
        if not signatures:
            return Verified(False, "the PDF has no signature")
        status = None
        for signature in signatures:
            status = validate_pdf_signature(signature, context)
            if not status.intact:
                return Verified(
                    False, f"signature {signature.field_name}: the signed bytes changed"
                )
            if not status.valid:
                return Verified(False, f"signature {signature.field_name}: not valid")
            if not status.trusted:
                return Verified(False, f"signature {signature.field_name}: signer not trusted")
    except (PdfError, SignatureValidationError, ValueError, KeyError) as err:
        return Verified(False, f"the PDF cannot be read as signed: {err}")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return Verified(False, "the file was changed after the last signature")
    return Verified(
        True, signer=status.signing_cert.subject.human_friendly, signed=status.signer_reported_dt
    )
