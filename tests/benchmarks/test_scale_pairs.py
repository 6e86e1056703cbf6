"""The scale bench's per-pair ratio (its arithmetic only; the bench itself
runs under ``make bench``)."""

import pytest

from tests.benchmarks.test_bench_scale import pair_ratios


def test_each_adjacent_pair_gives_two_workers_over_one():
    rounds = [(1, 10.0), (2, 21.7), (2, 13.8), (1, 10.0)]
    assert pair_ratios(rounds) == pytest.approx([2.17, 1.38])


def test_a_pair_that_is_not_one_and_two_workers_is_refused():
    with pytest.raises(ValueError, match="not one and two"):
        pair_ratios([(1, 10.0), (1, 11.0)])
    with pytest.raises(ValueError):
        pair_ratios([(1, 10.0), (2, 20.0), (2, 20.0)])  # an odd round out
