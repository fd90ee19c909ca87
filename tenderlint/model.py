"""Plain dataclasses passed between the pipeline stages (extract -> nlp -> facts -> rules -> report)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Block:
    """One unit of text in reading order: a paragraph, heading, list item, table row or header line."""

    text: str
    kind: str  # paragraph | heading | list-item | table-row | header | footer | footnote | endnote
    document: str
    index: int  # paragraph index within the document (0-based, body blocks only)
    page: int | None = None
    end_page: int | None = None  # set when the block runs across a page break
    number: str | None = None  # clause / list number ("3.2", "1.")
    heading_path: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    cells: tuple[str, ...] = ()
    start: int = 0  # offset of the block in the document's full text
    end: int = 0
    part: str | None = None  # outside the body: "footnote 2", "endnote 1", "text box", "first-page header"
    hidden: bool = False  # Word hidden text: not printed, but part of the document
    breaks: tuple[int, ...] = ()  # offsets in `text` where a paragraph or list item starts inside a table cell


@dataclass
class Document:
    path: str  # relative to the tender (pack) root, or the file name
    format: str  # pdf | docx | txt | html
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    sha256: str = ""
    title: str | None = None
    warnings: list[InputError] = field(default_factory=list)  # parts not read: pages with no text layer ...
    unread_pages: list[int] = field(default_factory=list)
    # files attached to a PDF (a portfolio, a PDF/A-3 with its source): read as files of the pack
    attachments: list[tuple[str, bytes]] = field(default_factory=list, repr=False)


@dataclass
class InputError:
    path: str
    code: str
    message: str


@dataclass
class Quantity:
    kind: str  # MONEY | DURATION | PERCENT
    value: float  # MONEY: amount; DURATION: months; PERCENT: percent
    text: str
    start: int  # offsets within the sentence
    end: int
    currency: str | None = None
    per: str | None = None  # "year" for an annual amount
    unit: str | None = None  # DURATION: day | week | month | year
    parts: tuple[float, ...] = ()  # DURATION "3+1+1 years": (36, 12, 12)
    count: int = 1  # "two further periods of 12 months": count 2, value 12
    role: str | None = None  # what it measures (term, validity, payment, turnover, bond ...), set by the frame


@dataclass
class Cue:
    """A span of a clause that changes what it means: a condition, a consent, an exception, a negation."""

    kind: str
    start: int  # offsets within the sentence
    end: int
    text: str


@dataclass
class Frame:
    """How a clause is said: who must do it, with what force, under which conditions.

    Rules and facts read this rather than the raw words, so that "must not subcontract without
    consent" (a consent clause) and "must not subcontract" (a ban) come apart.
    """

    subject: str | None = None  # bidder | buyer | provider | None (not said)
    modality: str = "states"  # must | must_not | may | not_required | states
    modal: Cue | None = None  # the words that carry the modality
    conditions: list[Cue] = field(default_factory=list)  # condition | consent | exception | discretion
    alternatives: list[Cue] = field(default_factory=list)
    negations: list[Cue] = field(default_factory=list)  # each negation with the span it governs
    lead: str | None = None  # the lead-in of the list this item belongs to ("Bidders must:")

    def has(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.conditions)

    def negated(self, start: int, end: int) -> bool:
        """Whether the words at [start, end) fall inside a negation's scope."""
        return any(n.start <= start and end <= n.end for n in self.negations)


@dataclass
class Sentence:
    text: str
    block: Block
    start: int  # offsets within the block text
    end: int
    quantities: list[Quantity] = field(default_factory=list)
    cues: frozenset[str] = frozenset()
    frame: Frame = field(default_factory=Frame)

    @property
    def document(self) -> str:
        return self.block.document


@dataclass
class Evidence:
    text: str
    document: str
    page: int | None
    paragraph: int | None
    start: int | None
    end: int | None
    part: str | None = None  # "footnote 2", "header", "text box": where outside the body the words are
    hidden: bool = False

    @classmethod
    def of(cls, sentence: Sentence) -> Evidence:
        b = sentence.block
        return cls(sentence.text, b.document, b.page, b.index if b.index >= 0 else None, b.start + sentence.start,
                   b.start + sentence.end, b.part, b.hidden)

    def location(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.document,
            "page": self.page,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
        }
        if self.part:
            out["part"] = self.part
        if self.hidden:
            out["hidden"] = True
        return out


@dataclass
class Requirement:
    """A demand found in the tender (a minimum turnover, a bond, N years of trading)."""

    topic: str  # turnover | bond | trading | accounts
    sentence: Sentence
    amount: float | None = None  # money
    percent: float | None = None
    years: float | None = None
    on_demand: bool = False
    justified: bool = False  # reasons for a higher figure are stated
    alternative: bool = False  # alternative evidence for newer organisations is accepted
    audited: bool = False
    currency: str | None = None  # of `amount`, as written ("EUR 30 000 000")
    review: str | None = None  # why the clause is ambiguous (reported for review, not as a barrier)
    multiple: float | None = None  # turnover written as a multiple of the contract value ("twice the annual value")
    multiple_of: str | None = None  # "annual" | "total"


@dataclass
class StatedFact:
    """One file's own statement of a fact, with the clause it comes from."""

    document: str
    value: float
    evidence: Evidence


@dataclass
class FactConflict:
    """Files of one pack that state different figures for a fact; `chosen` is what is judged."""

    fact: str
    chosen: float
    values: list[StatedFact]


@dataclass
class Facts:
    currency: str | None = None
    estimated_total_value: float | None = None
    estimated_annual_value: float | None = None
    initial_term_months: float | None = None
    max_term_months: float | None = None
    min_turnover: float | None = None
    turnover_ratio: float | None = None
    bond_percent: float | None = None
    bond_amount: float | None = None
    min_trading_years: float | None = None
    social_value_weight_percent: float | None = None
    regime: str | None = None
    framework: bool | None = None
    # extra facts (the contract allows added keys)
    buyer_type: str | None = None
    contract_nature: str | None = None
    reserved: bool | None = None
    reserved_considered: bool = False  # the tender mentions the reserved route (mutuals, reg. 77, s.33)
    cpv_main: str | None = None  # the first CPV code stated
    award_criteria_stated: bool = False
    evidence: dict[str, Evidence] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)  # 0-1 per fact: how plainly the tender states it
    requirements: list[Requirement] = field(default_factory=list)
    conflicts: list[FactConflict] = field(default_factory=list)  # files of a pack that disagree

    def state(self, key: str, value, evidence: Evidence | None, confidence: float = 1.0) -> None:
        """Record a fact with the clause it came from and how sure the reading is."""
        setattr(self, key, value)
        if evidence is not None:
            self.evidence[key] = evidence
        self.confidence[key] = round(confidence, 2)


CONTRACT_FACTS = (
    "currency",
    "estimated_total_value",
    "estimated_annual_value",
    "initial_term_months",
    "max_term_months",
    "min_turnover",
    "turnover_ratio",
    "bond_percent",
    "bond_amount",
    "min_trading_years",
    "social_value_weight_percent",
    "regime",
    "framework",
)
EXTRA_FACTS = ("buyer_type", "contract_nature", "reserved", "cpv_main")


@dataclass
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    recommendations: list[int]
    message: str
    evidence: Evidence
    references: list[str]
    suggestion: str | None
    assessed: bool = True  # False when a needed fact was missing (SARIF kind "review")
    confidence: str = "high"  # "review" when the clause is ambiguous: a question for a person, not a barrier
    fingerprint: str = ""  # stable across re-runs and edits elsewhere in the tender (suppressions, SARIF)


@dataclass
class Suppression:
    """A finding a commissioner has justified: matched by fingerprint (and tender, when given)."""

    fingerprint: str
    rule: str
    justification: str
    by: str = ""
    date: str = ""
    tender: str | None = None
    evidence: str = ""


@dataclass
class SuppressedFinding:
    finding: Finding
    suppression: Suppression


@dataclass
class NotAssessed:
    rule: str
    reason: str


@dataclass
class TenderReport:
    source: str
    documents: list[Document]
    errors: list[InputError]
    facts: Facts
    findings: list[Finding]
    not_assessed: list[NotAssessed] = field(default_factory=list)
    suppressed: list[SuppressedFinding] = field(default_factory=list)
    source_sha256: str | None = None  # the input file itself (a document or a zip pack); None for a folder
    split_from: str | None = None  # the folder or zip this tender was one of several in
    reference: str | None = None  # the tender reference that grouped its files, when split

    @property
    def warnings(self) -> list[InputError]:
        """Parts of read documents that were not read (scanned pages, pages over the budget)."""
        return [w for d in self.documents for w in d.warnings]

    @property
    def assessment(self) -> str:
        """assessed | partly-assessed | not-assessed: whether a clean result can be trusted as clean."""
        if not any(d.blocks for d in self.documents):
            return "not-assessed"
        if self.errors or self.warnings:
            return "partly-assessed"
        return "assessed"

    def unread(self) -> list[str]:
        """What was not read, one line each, for every report format."""
        return [f"{e.path}: {e.message}" for e in self.errors] + [f"{w.path}: {w.message}" for w in self.warnings]
