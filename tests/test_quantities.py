"""Money, durations and percentages normalised to numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tenderlint.nlp.quantities import find_durations, find_money, find_percentages, find_quantities

MONEY = [
    ("£2.5m", 2_500_000), ("GBP 2,500,000", 2_500_000), ("two million pounds (£2,000,000)", 2_000_000),
    ("£400k per annum", 400_000), ("£1.2 million", 1_200_000), ("5,000,000GBP", 5_000_000),
    ("EUR 30 000 000", 30_000_000), ("two and a half million pounds", 2_500_000), ("£1.2bn", 1_200_000_000),
    # continental notation: dots or spaces group thousands, a comma marks the decimals
    ("EUR 1.600.000", 1_600_000), ("1 600 000,00 EUR", 1_600_000), ("€2.500.000,00", 2_500_000),
    ("1,000.000,00 EUR", 1_000_000), ("€1.000,50", 1_000.5), ("£1.5m", 1_500_000),
    ("200,000.00 GPB", 200_000),  # a common slip for GBP
]


@pytest.mark.parametrize("text,value", MONEY)
def test_money(text, value):
    found = find_money(f"The value is {text} in total.")
    assert len(found) == 1 and found[0].value == value


def test_money_per_annum():
    assert find_money("£400k per annum")[0].per == "year"
    assert find_money("£400,000 p.a.")[0].per == "year"
    assert find_money("£400,000 in total")[0].per is None


DURATIONS = [
    ("36 months", [36]), ("three (3) years", [36]), ("an 18-month pilot", [18]), ("a period of 2 years", [24]),
    ("730 days", [24]), ("twenty-four months", [24]),
]


@pytest.mark.parametrize("text,months", DURATIONS)
def test_durations(text, months):
    assert [q.value for q in find_durations(text)] == months


def test_plus_notation_keeps_parts():
    (q,) = find_durations("The contract is let for 3+1+1 years.")
    assert q.value == 60 and q.parts == (36, 12, 12)


def test_repeated_extension_periods():
    qs = find_durations("an initial term of two years with the option to extend for two further periods of twelve months")
    assert [(q.value, q.count) for q in qs] == [(24, 1), (12, 2)]


@pytest.mark.parametrize("text,expected", [
    ("with up to three one-year extensions", [(12, 3)]),  # two numbers, not 'three one' = 4 years
    ("one year extensions for the financial years 2016-17, 2017-18 and 2018-19", [(12, 3)]),
    ("further one-year extensions may be offered for the contract years 2027-28 and 2028-29", [(12, 2)]),
    ("twenty one months", [(21, 1)]),
])
def test_counted_periods(text, expected):
    assert [(q.value, q.count) for q in find_durations(text)] == expected


def test_ages_and_less_than_are_not_terms():
    assert find_durations("young people aged 16-25 years old") == []
    assert [q.value for q in find_durations("less than three years")] == [36]  # a number, never 'an three'


def test_percentages():
    assert [q.value for q in find_percentages("Price 60%, Quality 30 per cent, social value ten percent")] == [60, 30, 10]


@given(st.integers(min_value=1, max_value=10**9))
def test_any_comma_grouped_pound_amount_round_trips(n):
    (q,) = find_money(f"a turnover of £{n:,} is required")
    assert q.value == n


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["months", "years"]))
def test_any_duration_round_trips(n, unit):
    (q,) = [q for q in find_quantities(f"for a period of {n} {unit}.") if q.kind == "DURATION"]
    assert q.value == (n if unit == "months" else n * 12)
