"""The one function mapping a run's verdicts to its exit code (pso_cli.model.run.exit_code),
read by the API, the collected run and the streamed run alike."""

from __future__ import annotations

import pytest

from pso_cli.cli.run_assess import Tally
from pso_cli.exitcodes import ExitCode
from pso_cli.model.findings import Verdict
from pso_cli.model.run import exit_code, reached_fail_on

R, C, F, D = (
    Verdict.RECOMMEND,
    Verdict.WITH_CONDITIONS,
    Verdict.FURTHER_ANALYSIS,
    Verdict.DO_NOT_RECOMMEND,
)
FAIL_ON = ["recommend", "recommend-with-conditions", "further-analysis", "do-not-recommend"]


@pytest.mark.parametrize(
    ("verdicts", "fail_on", "fragile", "code"),
    [
        ([R, C], "do-not-recommend", False, ExitCode.OK),
        ([R, D], "do-not-recommend", False, ExitCode.VERDICT_FAILED),
        ([F], "further-analysis", False, ExitCode.VERDICT_FAILED),
        ([F], "do-not-recommend", False, ExitCode.OK),
        ([D], "never", False, ExitCode.OK),
        ([R], "never", True, ExitCode.VERDICT_FAILED),
        ([R, None], "never", False, ExitCode.INVALID_INPUT),
        ([D, None], "do-not-recommend", True, ExitCode.INVALID_INPUT),
        ([], "do-not-recommend", False, ExitCode.OK),
    ],
)
def test_exit_code(verdicts: list[Verdict | None], fail_on: str, fragile: bool, code: int) -> None:
    assert exit_code(verdicts, fail_on, fragile) == code


@pytest.mark.parametrize("fail_on", [*FAIL_ON, "never"])
def test_reached_fail_on_follows_the_verdict_order(fail_on: str) -> None:
    reached = [v.value for v in Verdict if reached_fail_on(v, fail_on)]
    assert reached == ([] if fail_on == "never" else FAIL_ON[FAIL_ON.index(fail_on) :])


@pytest.mark.parametrize("fail_on", [*FAIL_ON, "never"])
@pytest.mark.parametrize("fragile", [False, True])
def test_a_streamed_run_exits_as_a_collected_one(fail_on: str, fragile: bool) -> None:
    for batch in ([R, C], [F, D], [R, None], [None]):
        tally = Tally()
        for v in batch:
            tally.add(v.value if v else None, fragile)
        assert tally.exit_code(fail_on, True) == exit_code(batch, fail_on, fragile)
