"""model step: typed records (Sector, System, Document) built from schema-valid data.

These models mirror `schemas/*.schema.json` rule for rule (tests/test_schema_models.py judges
every fixture with both and requires the same verdict); the schema is the published
contract, the models give the rest of the code typed access.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")


# Every date of the registry lies in these years (the schemas' date pattern says the same):
# a date far out would pass the form and then overflow the terms computed from it.
FIRST_YEAR, LAST_YEAR = 1990, 2099


def _iso_date(value: object) -> object:
    # Dates stay strings in the YAML (no implicit typing); only YYYY-MM-DD is accepted.
    if isinstance(value, str):
        if len(value) != 10 or value[4] != "-" or value[7] != "-":
            raise ValueError("must be a date written YYYY-MM-DD")
        parsed = date.fromisoformat(value)
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            raise ValueError(f"must be a date from {FIRST_YEAR} to {LAST_YEAR}")
        return parsed
    raise ValueError("must be a date written YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
Plain = Annotated[str, StringConstraints(min_length=1, max_length=5000, pattern=r"\S")]
Reference = Annotated[
    str, StringConstraints(min_length=1, max_length=200, pattern=r"^\S(?:.*\S)?$")
]
HttpsUrl = Annotated[str, StringConstraints(max_length=2000, pattern=r"^https://[^\s]+$")]
Bin = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+7 ?[0-9 ()-]{9,16}$")]
Reviewer = Annotated[
    str,
    StringConstraints(pattern=r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?$"),
]
DecisionKey = Annotated[
    str,
    StringConstraints(
        max_length=2000,
        pattern=r"^(ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|ssh-rsa)"
        r" [A-Za-z0-9+/=]+( [^\n]*)?$",
    ),
]
FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf$")]
Language = Literal["kk", "ru", "en"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Strict):
    """A text in Kazakh and Russian, with English where available."""

    kk: Plain
    ru: Plain
    en: Plain | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang, None)


class Text3(Text):
    """A text required in all three languages."""

    en: Plain


class Contact(Strict):
    """An organisational contact, never a named person's."""

    email: Email
    phone: Phone | None = None
    address: Text | None = None


class SectorContact(Contact):
    address: Text3 | None = None


class Authority(Strict):
    name: Text3
    website: HttpsUrl


class Sector(Strict):
    """registry/<sector>/sector.yaml: one sectoral state body's list."""

    schema_version: Literal["1.0"]
    id: Slug
    demonstration: bool = False
    name: Text3
    authority: Authority
    reviewers: Annotated[list[Reviewer], Field(min_length=1)]
    decision_keys: Annotated[list[DecisionKey], Field(max_length=50)] = []
    contact: SectorContact

    @model_validator(mode="after")
    def _unique_reviewers(self) -> Sector:
        if len(set(self.reviewers)) != len(self.reviewers):
            raise ValueError("reviewers must be unique")
        if len(set(self.decision_keys)) != len(self.decision_keys):
            raise ValueError("decision keys must be unique")
        return self


class Owner(Strict):
    role: Literal["owner", "possessor"]
    name: Text
    bin: Bin
    website: HttpsUrl


class Deployer(Strict):
    """An organisation that uses the system in its work, as the applicant names it."""

    name: Text
    bin: Bin | None = None


class Description(Strict):
    purpose: Text
    methods: Text
    limitations: Text


class Platform(Strict):
    developed: bool
    tested: bool


class SyntheticContent(Strict):
    produces: bool
    marking: Text | None = None

    @model_validator(mode="after")
    def _marking_when_produced(self) -> SyntheticContent:
        if self.produces and self.marking is None:
            raise ValueError("marking is required when produces is true")
        return self


class UsersRights(Strict):
    notification: Text
    objection: Text
    contact: Contact
    terms_of_use: HttpsUrl


class Return(Strict):
    """A notice of inconsistencies and the resubmission that answered it."""

    notice: IsoDate
    resubmitted: IsoDate | None = None


class Application(Strict):
    """The applicant's stage: what they applied with, and when."""

    reference: Reference
    submitted: IsoDate
    returns: Annotated[list[Return], Field(max_length=50)] = []

    @property
    def resubmitted(self) -> date | None:
        """The last resubmission, when the package was resubmitted at all."""
        return self.returns[-1].resubmitted if self.returns else None


class Copyright(Strict):
    kind: Literal["certificate", "agreement"]
    number: Reference
    date: IsoDate


class Auditor(Strict):
    name: Text
    bin: Bin


class Audit(Strict):
    auditor: Auditor
    report_date: IsoDate
    conclusion: Literal["positive", "negative"]
    valid_until: IsoDate


Signature = Annotated[
    str,
    StringConstraints(
        max_length=4000,
        pattern=r"^-----BEGIN SSH SIGNATURE-----\n[A-Za-z0-9+/=\n]+-----END SSH SIGNATURE-----\n?$",
    ),
]


class Decision(Strict):
    """The body's stage: written and signed by `trustlist decide`, never by the applicant."""

    date: IsoDate
    reference: Reference
    published: IsoDate | None = None
    signature: Signature | None = None


StatusState = Literal["listed", "suspended", "excluded"]
Reason = Literal[
    "audit_expired",
    "audit_withdrawn",
    "owner_request",
    "nonconformity",
    "false_information",
    "court_decision",
    "rights_terminated",
    "other",
]


class Status(Strict):
    state: StatusState
    since: IsoDate | None = None
    reason: Reason | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _dated_reason(self) -> Status:
        given = self.since is not None or self.reason is not None
        if self.state == "listed" and given:
            raise ValueError("since and reason are only for a suspended or excluded system")
        if self.state != "listed" and (self.since is None or self.reason is None):
            raise ValueError("a suspended or excluded system needs since and reason")
        return self


DocumentKind = Literal[
    "application", "copyright_certificate", "copyright_agreement", "audit_report", "other"
]


class Document(Strict):
    kind: DocumentKind
    file: FileName
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    size: Annotated[int, Field(ge=1, le=26_214_400)]
    title: Text
    languages: Annotated[list[Language], Field(min_length=1)]
    public: bool
    custodian: Text | None = None
    request: Text | None = None

    @model_validator(mode="after")
    def _custody_of_private(self) -> Document:
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("languages must be unique")
        has_custody = self.custodian is not None or self.request is not None
        if self.public and has_custody:
            raise ValueError("custodian and request are only for non-public documents")
        if not self.public and (self.custodian is None or self.request is None):
            raise ValueError("a non-public document needs custodian and request")
        return self


class System(Strict):
    """registry/<sector>/<id>/system.yaml: one entry of a sector's list."""

    schema_version: Literal["1.0"]
    id: Slug
    sector: Slug
    list_number: Annotated[int, Field(ge=1, le=999_999)] | None = None
    demonstration: bool = False
    name: Text
    owner: Owner
    # None when the record names none, so an export carries the record as written.
    deployers: Annotated[list[Deployer], Field(max_length=500)] | None = None
    description: Description
    risk_level: Literal["high"]
    national_ai_platform: Platform
    synthetic_content: SyntheticContent
    users_rights: UsersRights
    application: Application
    copyright: Copyright
    audit: Audit
    decision: Decision | None = None
    status: Status | None = None
    documents: Annotated[list[Document], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def _body_fields_together(self) -> System:
        # The body's stage comes whole: list number and status with the decision, never alone.
        body = (self.list_number is not None, self.status is not None)
        if self.decision is not None and not all(body):
            raise ValueError("a decided record needs list_number and status")
        if self.decision is None and any(body):
            raise ValueError("list_number and status come with the body's decision")
        return self

    @property
    def decided(self) -> bool:
        """Whether the body has decided: a record without a decision is an application."""
        return self.decision is not None

    def audit_expired(self, on: date | None) -> bool:
        """Whether the audit conclusion's last valid day is before `on` (None: unknown day)."""
        return on is not None and self.audit.valid_until < on


class Applicant(Strict):
    name: Text
    bin: Bin


class ClosedApplication(Strict):
    """An application the body refused, or the applicant withdrew: never on a list."""

    system: Slug
    name: Text
    applicant: Applicant
    application: Application
    outcome: Literal["refused", "withdrawn"]
    date: IsoDate
    reference: Reference | None = None
    reasons: Text
    signature: Signature | None = None


class Journal(Strict):
    """registry/<sector>/applications.yaml: the sector's applications closed without inclusion."""

    schema_version: Literal["1.0"]
    closed: Annotated[list[ClosedApplication], Field(max_length=100_000)]
