"""The results' mean and population standard deviation give exactly what the statistics
module gives (it works in Fractions, too slow for a province's table), before and after
rounding to two places."""

import random
import statistics
from decimal import Decimal

from evaluations.results import mean, pstdev, quantize


def _samples():
    rng = random.Random(20)
    for _ in range(1500):
        places = rng.choice([0, 1, 2])
        size = rng.randint(1, 12)
        yield [Decimal(rng.randint(0, 10000 if places == 2 else 100 * 10**places)).scaleb(-places) for _ in range(size)]
    yield [Decimal("85.00")] * 5
    yield [Decimal("0")]
    yield [Decimal("100"), Decimal("0")]
    yield [Decimal("33.33"), Decimal("66.67"), Decimal("50")]
    yield [Decimal("12.5"), Decimal("17.25"), Decimal("19.75"), Decimal("20")]


def test_mean_and_pstdev_equal_the_statistics_module():
    for values in _samples():
        assert mean(values) == statistics.mean(values), values
        assert pstdev(values) == statistics.pstdev(values), values
        assert quantize(pstdev(values)) == quantize(statistics.pstdev(values)), values
