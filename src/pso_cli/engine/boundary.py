"""The rule boundary: whatever a rule does, it ends as its findings or one error finding.

A rule may raise anything, `SystemExit`, `KeyboardInterrupt` and `GeneratorExit`
included; return what is not a finding, an effect that is not a finite number, or text
with control characters; or change the proposal it was given. None of it may end the
run, reach a report raw, or change what later rules read:

- any BaseException from the rule becomes that rule's error finding, except a stop
  signal that really arrived (Ctrl-C, SIGTERM, SIGHUP; see pso_cli.stop), which ends the
  run even if the rule caught it;
- findings are checked (type, finite effect) and their text made inert;
- a rule from a third-party pack reads a private copy of the proposal (lists and
  mappings copied, immutable values shared: about 70 µs a proposal, against 250 µs for
  copy.deepcopy); pso's own rules, which never mutate it (tests hold them to that),
  share the validated model at no cost.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel

from pso_cli import stop
from pso_cli.escape import one_line, text
from pso_cli.model.findings import Finding

_new = object.__new__
_set = object.__setattr__
_MUTABLE = (BaseModel, list, dict, set)
MAX_MESSAGE = 500  # characters of a failing rule's exception shown in its error finding


def private_copy(value: Any) -> Any:
    """A copy sharing nothing mutable with `value`: lists, dicts and sets copied, frozen
    models copied when they hold any, immutable leaves shared."""
    if isinstance(value, BaseModel):
        fields = value.__dict__
        changed: dict[str, Any] | None = None
        for key, item in fields.items():
            if isinstance(item, _MUTABLE):
                copied = private_copy(item)
                if copied is not item:
                    changed = dict(fields) if changed is None else changed
                    changed[key] = copied
        if changed is None:
            return value
        model = _new(type(value))
        _set(model, "__dict__", changed)
        for slot in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
            _set(model, slot, getattr(value, slot, None))
        return model
    if isinstance(value, list):
        return [private_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: private_copy(v) for k, v in value.items()}
    if isinstance(value, set):
        return {private_copy(v) for v in value}
    return value


def describe(exc: BaseException) -> str:
    """`Type: message`, one line and bounded, even if the exception's str() fails."""
    kind = type(exc).__name__
    try:
        detail = str(exc)
    except BaseException:  # a hostile __str__ must not escape the boundary either
        detail = ""
    detail = one_line(detail[: MAX_MESSAGE + 1])
    if len(detail) > MAX_MESSAGE:
        detail = detail[:MAX_MESSAGE] + "..."
    return f"{kind}: {detail}" if detail else kind


def failed(exc: BaseException) -> str:
    """The error message for a rule that raised; re-raises a real stop signal."""
    if stop.received() is not None:
        raise exc
    if isinstance(exc, RecursionError):
        return "rule failed: RecursionError"
    return f"rule failed: {describe(exc)}"


def bad_result(produced: list[Any]) -> str | None:
    """Why a rule's result is refused, if it is (the whole result is then discarded)."""
    for f in produced:
        if type(f) is not Finding and not isinstance(f, Finding):
            return f"rule returned {type(f).__name__}, not a Finding; result discarded"
        effect = f.effect
        if type(effect) is not float and (
            isinstance(effect, bool) or not isinstance(effect, int | float)
        ):
            return f"rule returned an effect that is not a number ({type(effect).__name__})"
        if not math.isfinite(effect):
            return f"rule returned a non-finite effect ({effect}); result discarded"
        if not isinstance(f.message, str) or not isinstance(f.field, str):
            return "rule returned a finding whose message or field is not text"
    return None


def inert(f: Finding) -> Finding:
    """The finding with control characters in its text escaped (a rule pack's message
    holding ESC must not drive the terminal, nor make the JUnit XML invalid)."""
    message, condition = f.message, f.condition
    if message.isprintable() and (condition is None or condition.isprintable()):
        return f
    from dataclasses import replace

    safe_condition = None if condition is None else text(str(condition))
    return replace(f, message=text(message), condition=safe_condition)
