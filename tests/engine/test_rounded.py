"""aggregate.rounded is round(): same value, same type, same sign of zero."""

from __future__ import annotations

import math

from pso_cli.engine.aggregate import rounded

VALUES = [0.0, -0.0, 10.0, -50.0, 2.5, -7.125, 1 / 3, 1e300, 2.0**60, 7, -3, True, math.inf]


def test_rounded_matches_round() -> None:
    for x in VALUES:
        for ndigits in (1, 2, 3):
            got, want = rounded(x, ndigits), round(x, ndigits)
            assert type(got) is type(want) and got == want, (x, ndigits)
            assert math.copysign(1, got) == math.copysign(1, want), (x, ndigits)
    assert math.isnan(rounded(math.nan, 2))
