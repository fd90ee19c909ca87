"""The category vocabulary of the JSON contract (docs/contract.md): five core barriers and five more."""

from __future__ import annotations

CORE = ("performance-bond", "turnover-threshold", "trading-history", "contract-term", "social-value")
OTHER = ("financial-standing", "insurance", "track-record", "market-access", "reserved-contract")
CATEGORIES = CORE + OTHER
