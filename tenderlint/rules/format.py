"""Numbers as a commissioner reads them in a message."""

from __future__ import annotations

_SYMBOL = {"GBP": "£", "EUR": "€", "USD": "$"}


def money(value: float | None, currency: str | None = "GBP") -> str:
    if value is None:
        return "unknown"
    sym = _SYMBOL.get(currency or "GBP")
    amount = f"{value:,.0f}" if abs(value - round(value)) < 0.005 else f"{value:,.2f}"
    return f"{sym}{amount}" if sym else f"{amount} {currency}"


def ratio(value: float) -> str:
    return f"{value:.1f}"
