"""yaml_source.py: event-based safe loading with a SourceMap, YAML 1.2 core schema."""

from __future__ import annotations

import math
from typing import Any

import pytest

from pso_cli.errors import InputError, Problem
from pso_cli.loading.source_map import SourceMap
from pso_cli.loading.yaml_source import MAX_DEPTH, MAX_NUMBER_DIGITS, parse_yaml, resolve_plain


def parse(text: str) -> tuple[Any, SourceMap]:
    return parse_yaml(text, "f.yaml")


def problem(text: str) -> Problem:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "f.yaml")
    (p,) = info.value.problems
    assert p.location.path == "f.yaml"
    assert p.location.line >= 1 and p.location.column >= 1
    return p


def at(p: Problem) -> tuple[int, int]:
    return (p.location.line, p.location.column)


# --- errors -------------------------------------------------------------------------


def test_syntax_error_located() -> None:
    p = problem("a: 1\nb: [x, y\nc: 2\n")
    assert p.code == "syntax"
    assert p.message.startswith("YAML syntax error: ")
    assert at(p) == (3, 2)


def test_syntax_error_bad_indentation() -> None:
    p = problem("a:\n  b: 1\n c: 2\n")
    assert p.code == "syntax"
    assert at(p) == (3, 2)


def test_empty_file() -> None:
    p = problem("")
    assert at(p) == (1, 1)
    assert p.message == "file is empty: no YAML document"
    assert p.code == "empty"


def test_only_comments() -> None:
    p = problem("# nothing\n# here\n\n")
    assert at(p) == (1, 1)
    assert p.code == "empty"


def test_explicit_null_document_is_empty() -> None:
    assert problem("---\n~\n").code == "empty"


def test_several_documents_located_at_the_second() -> None:
    p = problem("a: 1\n---\nb: 2\n")
    assert at(p) == (2, 1)
    assert "several YAML documents" in p.message
    assert p.code == "multi-document"


def test_duplicate_key_at_depth_1_names_both_lines() -> None:
    p = problem("a: 1\nb: 2\na: 3\n")
    assert at(p) == (3, 1)
    assert "duplicate key 'a'" in p.message
    assert "first defined at line 1" in p.message
    assert p.code == "duplicate-key"


def test_duplicate_key_at_depth_3_names_both_lines_and_the_path() -> None:
    text = "a:\n  b:\n    c:\n      d: 1\n      e: 2\n      d: 3\n"
    p = problem(text)
    assert at(p) == (6, 7)
    assert "duplicate key 'a.b.c.d'" in p.message
    assert "first defined at line 4" in p.message


def test_duplicate_key_inside_a_list_item() -> None:
    p = problem("xs:\n  - k: 1\n    k: 2\n")
    assert "duplicate key 'xs[0].k'" in p.message
    assert at(p) == (3, 5)


def test_same_key_in_sibling_mappings_is_fine() -> None:
    value, _ = parse("a: {k: 1}\nb: {k: 2}\n")
    assert value == {"a": {"k": 1}, "b": {"k": 2}}


def test_alias_refused_at_the_alias() -> None:
    p = problem("a: &x 1\nb: *x\n")
    assert at(p) == (2, 4)
    assert "aliases" in p.message
    assert p.code == "alias"


def test_anchor_without_alias_is_harmless() -> None:
    assert parse("a: &x 1\n")[0] == {"a": 1}


def test_merge_key_refused() -> None:
    p = problem("base: {a: 1}\nm:\n  <<: {a: 2}\n  b: 3\n")
    assert at(p) == (3, 3)
    assert "merge keys" in p.message
    assert p.code == "merge"


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    assert parse("'<<': 1\n")[0] == {"<<": 1}


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object:os.system",
        "!!python/object/apply:os.system",
        "!!python/name:os.system",
        "!custom",
        "!!binary",
        "!!timestamp",
        "!!set",
    ],
)
def test_unsafe_or_unknown_tags_refused(tag: str) -> None:
    p = problem(f"a: 1\nb: {tag} x\n")
    assert at(p) == (2, 4)
    assert "unsupported YAML tag" in p.message
    assert p.code == "unsafe-tag"


def test_python_object_tag_on_a_mapping_never_constructs() -> None:
    p = problem("x: !!python/object/new:os.system {}\n")
    assert p.code == "unsafe-tag"


def test_nesting_over_max_depth_flow() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    p = problem(text)
    assert p.code == "depth"
    assert f"deeper than {MAX_DEPTH}" in p.message
    assert at(p) == (1, 4 + MAX_DEPTH - 1)


def test_nesting_over_max_depth_block() -> None:
    text = "".join("  " * i + "k:\n" for i in range(MAX_DEPTH + 5))
    p = problem(text)
    assert p.code == "depth"
    assert at(p) == (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1)


def test_nesting_at_max_depth_is_fine() -> None:
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    value, _ = parse(text)
    assert isinstance(value, list)


def test_huge_integer_refused() -> None:
    p = problem("n: " + "9" * (MAX_NUMBER_DIGITS + 20) + "\n")
    assert at(p) == (1, 4)
    assert f"more than {MAX_NUMBER_DIGITS} digits" in p.message
    assert p.code == "bad-scalar"


def test_huge_float_refused() -> None:
    assert problem("n: 1." + "0" * 100 + "\n").code == "bad-scalar"


def test_non_scalar_key_refused() -> None:
    p = problem("? [a, b]\n: c\n")
    assert p.code == "bad-key"


def test_bad_explicit_int_tag() -> None:
    p = problem("n: !!int twelve\n")
    assert "'twelve' is not a valid !!int" in p.message
    assert at(p) == (1, 4)


# --- YAML 1.2 core schema ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("NO", "NO"),
        ("No", "No"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("12", 12),
        ("-3", -3),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("2003-07-24", "2003-07-24"),  # dates stay strings; pydantic parses them
        ("012", 12),  # 1.2: no octal from a leading zero
        ("1_000", "1_000"),  # 1.1 digit separators are plain text in 1.2
        ("0b101", "0b101"),
        ("12:30", "12:30"),  # 1.1 sexagesimal is plain text in 1.2
    ],
)
def test_resolve_plain_follows_yaml_12_core(text: str, expected: Any) -> None:
    got = resolve_plain(text)
    assert got == expected
    assert type(got) is type(expected)


def test_nan_resolves_to_nan() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_country_called_no_stays_a_string() -> None:
    value, _ = parse("host: no\npartners: [NO, Yes, off]\n")
    assert value == {"host": "no", "partners": ["NO", "Yes", "off"]}


def test_quoted_scalars_are_strings() -> None:
    value, _ = parse("a: '12'\nb: \"true\"\nc: !!str 3\nd: ! 4\n")
    assert value == {"a": "12", "b": "true", "c": "3", "d": "4"}


def test_explicit_core_tags() -> None:
    value, _ = parse("a: !!int '7'\nb: !!float 2\nc: !!bool 'true'\nd: !!null ''\n")
    assert value == {"a": 7, "b": 2.0, "c": True, "d": None}
    assert isinstance(value["b"], float)


def test_bool_is_not_an_int_tag() -> None:
    assert problem("a: !!int true\n").code == "bad-scalar"


def test_non_string_keys_become_strings() -> None:
    value, _ = parse("1: a\ntrue: b\n")
    assert value == {"1": "a", "true": "b"}


# --- SourceMap ----------------------------------------------------------------------

NESTED = """\
pso_format: 1
identity:
  name: X
  id: xx
leadership:
  partners:
    - Australia
    - Fiji
legal_basis:
  security_council:
    - number: 1234
      chapter: vii
    - {number: 99, year: 2001}
matrix:
  - - a
    - b
  -   - c
"""


def test_source_map_values_and_keys_in_nested_structures() -> None:
    value, smap = parse(NESTED)
    assert value["legal_basis"]["security_council"][1] == {"number": 99, "year": 2001}
    assert smap.path == "f.yaml"
    assert smap.value(()) == (1, 1)
    assert smap.value(("pso_format",)) == (1, 13)
    assert smap.key(("pso_format",)) == (1, 1)
    assert smap.value(("identity",)) == (3, 3)
    assert smap.key(("identity",)) == (2, 1)
    assert smap.value(("identity", "id")) == (4, 7)
    assert smap.key(("identity", "id")) == (4, 3)
    assert smap.value(("leadership", "partners")) == (7, 5)
    assert smap.value(("leadership", "partners", 0)) == (7, 7)
    assert smap.value(("leadership", "partners", 1)) == (8, 7)
    sc = ("legal_basis", "security_council")
    assert smap.value((*sc, 0)) == (11, 7)
    assert smap.value((*sc, 0, "chapter")) == (12, 16)
    assert smap.key((*sc, 0, "chapter")) == (12, 7)
    assert smap.value((*sc, 1)) == (13, 7)
    assert smap.value((*sc, 1, "year")) == (13, 26)
    assert smap.key((*sc, 1, "year")) == (13, 20)
    assert smap.value(("matrix", 0, 1)) == (16, 7)
    assert smap.value(("matrix", 1, 0)) == (17, 9)


def test_source_map_list_items_have_no_key_position() -> None:
    _, smap = parse(NESTED)
    path = ("leadership", "partners", 1)
    assert smap.key(path) == smap.value(path) == (8, 7)


def test_source_map_falls_back_to_the_nearest_ancestor() -> None:
    _, smap = parse(NESTED)
    assert not smap.has(("identity", "summary"))
    assert smap.value(("identity", "summary")) == smap.value(("identity",)) == (3, 3)
    assert smap.key(("identity", "summary")) == (3, 3)
    deep = ("legal_basis", "security_council", 1, "authorises_force", "x", 3)
    assert smap.value(deep) == (13, 7)
    assert smap.value(("nowhere", "at", "all")) == (1, 1)
    assert smap.value(("leadership", "partners", 7)) == (7, 5)


def test_source_map_root_of_a_document_after_comments() -> None:
    _, smap = parse("# comment\n\nkey: 1\n")
    assert smap.value(()) == (3, 1)
    assert smap.has(())


def test_source_map_unicode_columns_count_characters() -> None:
    _, smap = parse("name: Māori\nnext: x\nē: 1\n")
    assert smap.value(("next",)) == (2, 7)
    assert smap.key(("ē",)) == (3, 1)
    assert smap.value(("ē",)) == (3, 4)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("a:\n  b:\u00a0c\n  d: e\n", (2, 5), "non-breaking space"),
        ("a: \u201cx: y\u201d\n", (1, 4), "curly quote"),
        ("a:\n\tb: c\n", (2, 1), "a tab character"),
    ],
)
def test_pasted_characters_are_named_where_they_are(
    text: str, where: tuple[int, int], words: str
) -> None:
    """Word-processor pastes and tabs get a plain explanation at their own position."""
    from pso_cli.errors import InputError
    from pso_cli.loading.yaml_source import parse_yaml

    with pytest.raises(InputError) as err:
        parse_yaml(text, "p.yaml")
    (problem,) = err.value.problems
    assert (problem.location.line, problem.location.column) == where
    assert words in problem.message


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ('name: "Evil\\e]0;PWNED\\a X"\n', "001B"),
        ('name: "beep\\a"\n', "0007"),
        ('list:\n  - "ok"\n  - "cr\\r"\n', "000D"),
        ('name: "rtl \\u202e override"\n', "202E"),
        ('"c1 \\x9b"\n', "009B"),
    ],
)
def test_control_characters_in_values_are_refused_even_as_escapes(text: str, char: str) -> None:
    """They would reach the terminal and the reports as raw control sequences."""
    p = problem(text)
    assert p.code == "bad-character"
    assert f"U+{char}" in p.message


def test_tabs_and_line_breaks_in_values_are_plain_text() -> None:
    data, _ = parse('a: "x\\ty"\nb: |\n  two\n  lines\nc: "non\\u00a0breaking"\n')
    assert data == {"a": "x\ty", "b": "two\nlines\n", "c": "non\u00a0breaking"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!map x\n", "a !!map tag on the single value 'x'"),
        ("a: !!seq x\n", "a !!seq tag on the single value 'x'"),
        ("a: !!int {b: 1}\n", "YAML tag '!!int' does not fit a mapping"),
        ("a: !!map [1]\n", "YAML tag '!!map' does not fit a list"),
    ],
)
def test_a_core_tag_must_fit_its_node(text: str, message: str) -> None:
    """These were an internal error (a !!map scalar) or silently accepted."""
    p = problem(text)
    assert p.message == message
    assert at(p) == (1, 4)


def test_fitting_collection_tags_are_accepted() -> None:
    data, _ = parse("a: !!map {b: 1}\nc: !!seq [1]\n")
    assert data == {"a": {"b": 1}, "c": [1]}
