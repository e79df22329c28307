"""Field types shared by the proposal's sections: enumerations, answers, placeholders.

A fact the file does not state is `None`; a placeholder answer ("TBD") states nothing
and becomes `None` too. Where absence is itself a fact the format lets it be said with
the word `none` (kept as the string NONE), distinct from leaving the field out.

Annotations here are evaluated as the classes are defined (no `from __future__ import
annotations`): pydantic then reads them as objects instead of evaluating each string
again while it builds the models, which start-up pays for.
"""

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

from pso_cli.model import enums as e

NONE = "none"
"""The word a file uses to state that something does not exist (no treaty, no exit
strategy): a fact, unlike a field left out, which is unknown."""


def choice(kind: type[e.Choice], doc: str, required: bool = False) -> Any:
    values = ", ".join(f"`{m.value}`" for m in kind)
    description = f"{doc} One of: {values} (case-insensitive; '_' or space for '-')."
    return Field(description=description) if required else Field(None, description=description)


OperationType = Annotated[e.OperationType, BeforeValidator(e.OperationType.normaliser())]
Region = Annotated[e.Region, BeforeValidator(e.Region.normaliser())]
Arrangement = Annotated[e.Arrangement, BeforeValidator(e.Arrangement.normaliser())]
Chapter = Annotated[e.Chapter, BeforeValidator(e.Chapter.normaliser())]
ConsentStatus = Annotated[e.ConsentStatus, BeforeValidator(e.ConsentStatus.normaliser())]
PeaceStatus = Annotated[e.PeaceStatus, BeforeValidator(e.PeaceStatus.normaliser())]
SofaStatus = Annotated[e.SofaStatus, BeforeValidator(e.SofaStatus.normaliser())]
ForcePosture = Annotated[e.ForcePosture, BeforeValidator(e.ForcePosture.normaliser())]
Effect = Annotated[e.Effect, BeforeValidator(e.Effect.normaliser())]
RelEffect = Annotated[e.RelationshipEffect, BeforeValidator(e.RelationshipEffect.normaliser())]
HumSeverity = Annotated[e.Severity, BeforeValidator(e.Severity.normaliser())]
Backing = Annotated[e.Backing, BeforeValidator(e.Backing.normaliser())]
Level = Annotated[e.Level, BeforeValidator(e.Level.normaliser())]
Trend = Annotated[e.Trend, BeforeValidator(e.Trend.normaliser())]
Adequacy = Annotated[e.Adequacy, BeforeValidator(e.Adequacy.normaliser())]
AltType = Annotated[e.AlternativeType, BeforeValidator(e.AlternativeType.normaliser())]
Feasibility = Annotated[e.Feasibility, BeforeValidator(e.Feasibility.normaliser())]
AltEffect = Annotated[e.AlternativeEffect, BeforeValidator(e.AlternativeEffect.normaliser())]
Decision = Annotated[e.Decision, BeforeValidator(e.Decision.normaliser())]
Authority = Annotated[e.ConsentAuthority, BeforeValidator(e.ConsentAuthority.normaliser())]
ConsentForm = Annotated[e.ConsentForm, BeforeValidator(e.ConsentForm.normaliser())]
DefenceKind = Annotated[e.SelfDefenceKind, BeforeValidator(e.SelfDefenceKind.normaliser())]
ArmedAttack = Annotated[e.ArmedAttack, BeforeValidator(e.ArmedAttack.normaliser())]
Attacker = Annotated[e.Attacker, BeforeValidator(e.Attacker.normaliser())]
AreaKind = Annotated[e.AreaKind, BeforeValidator(e.AreaKind.normaliser())]
Purpose = Annotated[e.StatutoryPurpose, BeforeValidator(e.StatutoryPurpose.normaliser())]
Conclusion = Annotated[e.LegalConclusion, BeforeValidator(e.LegalConclusion.normaliser())]

Text = Annotated[str, Field(min_length=1, max_length=4000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]

# Whole answers that hold a place instead of stating a fact. Compared case-insensitively,
# with surrounding spaces and end punctuation ignored; text that merely contains one
# ("TBD after the Cabinet meeting on 3 May") is an answer and is kept.
PLACEHOLDERS = frozenset(
    {
        "tbd", "tbc", "tba", "todo", "to do", "to be determined", "to be decided",
        "to be confirmed", "to be advised", "to be agreed", "to follow", "unknown",
        "not known", "not yet known", "pending", "n/a", "na", "placeholder", "fill in",
        "xxx", "?", "??", "???", "-", "--", "...", "\u2026", "lorem ipsum",
    }
)  # fmt: skip


_LONGEST_PLACEHOLDER = max(map(len, PLACEHOLDERS))


def is_placeholder(text: str) -> bool:
    if len(text) > 2 * _LONGEST_PLACEHOLDER:  # most answers are sentences: no need to look
        return False
    if not text.isascii():  # full-width ＴＢＤ is TBD (NFKC), as a reader sees it
        text = unicodedata.normalize("NFKC", text)
    key = " ".join(text.split()).casefold()
    if key in PLACEHOLDERS:
        return True
    key = key.strip("()[]<>{}*_ ").rstrip(".:;!?").strip()  # "(TBD)", "TBD?", "*TBC*"
    return key in PLACEHOLDERS


def unstated(value: Any) -> Any:
    """A placeholder states nothing: it becomes None, so the rules report the fact as
    missing, located at the placeholder's line, instead of counting it as an answer."""
    return None if isinstance(value, str) and is_placeholder(value) else value


def _without_placeholders(value: Any) -> Any:
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, str) and is_placeholder(v))]
    return value


def _unstated_list(value: Any) -> Any:
    """Placeholder items dropped; a list of nothing but placeholders is unstated, not an
    empty list (which the format reads as "none")."""
    kept = _without_placeholders(value)
    return None if isinstance(value, list) and value and not kept else kept


def required(value: Any) -> Any:
    """Where the field cannot be left out, a placeholder is an error, not an answer."""
    if isinstance(value, str) and is_placeholder(value):
        raise ValueError(
            f"'{value.strip()}' is a placeholder; this field needs a real answer "
            "(or leave out what it belongs to until it is known)"
        )
    return value


Answer = Annotated[Text | None, BeforeValidator(unstated)]
Answers = Annotated[list[Text], BeforeValidator(_without_placeholders)]
NameAnswer = Annotated[Name | None, BeforeValidator(unstated)]
Names = Annotated[list[Name], BeforeValidator(_without_placeholders)]
NamesOrUnknown = Annotated[list[Name] | None, BeforeValidator(_unstated_list)]
RequiredText = Annotated[Text, BeforeValidator(required)]
RequiredName = Annotated[Name, BeforeValidator(required)]
Count = Annotated[int, Strict(), Field(ge=0, le=1_000_000)]
Money = Annotated[float, Strict(), Field(ge=0, le=1e12, allow_inf_nan=False)]


def none_key(value: str) -> str:
    """How `none` is recognised: surrounding whitespace dropped, any case."""
    return value.strip().casefold()


def none_word(value: Any) -> Any:
    """`none`, in any case, is the word for a stated absence; placeholders state nothing."""
    if isinstance(value, str) and none_key(value) == NONE:
        return NONE
    return unstated(value)


def none_list(value: Any) -> Any:
    """`none` for a list is the empty list: nothing of the kind exists."""
    return [] if none_word(value) == NONE else _unstated_list(value)


class _NoneWordSchema:
    """The schema of the word `none`: every spelling none_word reads (built on demand)."""

    @classmethod
    def __get_pydantic_json_schema__(cls, _core: Any, _handler: Any) -> dict[str, Any]:
        from pso_cli.model.enum_schema import none_word_schema

        return none_word_schema()


NoneWord = Annotated[Literal["none"], _NoneWordSchema]


class NoneOrList:
    """Metadata for a list field read through none_list: its schema also takes `none`."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core: Any, handler: Any) -> dict[str, Any]:
        from pso_cli.model.enum_schema import none_word_schema

        schema: dict[str, Any] = handler(core)
        branches = schema.pop("anyOf", None) or [dict(schema)]
        return {"anyOf": [*branches, none_word_schema()]} if branches else schema


AnswerOrNone = Annotated[Text | None, BeforeValidator(none_word)]
"""Text, or `none` where the absence is a fact (no exit strategy); left out: unknown."""


def empty_list() -> list[Any]:
    """A fresh empty list: the default of list fields. Equivalent to `list`, but pydantic
    reads a Python function's signature directly, where for the builtin `list` it parses a
    text signature with the tokenizer (about 1 ms per field when the models are built)."""
    return []


class Base(BaseModel):
    """Strict, frozen, unknown keys refused (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
