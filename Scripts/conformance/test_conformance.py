"""Tests of the conformance layer's own parts: the instances it makes are valid and reach the
values it promises, the OpenAPI 3.0 translation, and the comparison finds each kind of loss (so
that a clean run of Scripts/conformance-check means something).

Run: .build-conformance-venv/bin/python -m pytest -q -p no:cacheprovider Scripts/conformance
"""
import pathlib
import random
import re

import pytest
from jsonschema import Draft202012Validator, FormatChecker

import compare
import generate
import harness
import specs

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "Tests" / "Fixtures" / "Conformance").glob("*.yaml"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_schema_gets_valid_instances_of_every_branch(path):
    spec = specs.Spec(path)
    generator = generate.Generator(spec, random.Random(7))
    for target in spec.targets():
        validator = Draft202012Validator({"$ref": target.uri}, registry=spec.registry, format_checker=FormatChecker())
        node = spec.lookup(target.uri)
        branches = len(node.get("oneOf") or node.get("anyOf") or [None]) if isinstance(node, dict) else 1
        for branch in range(branches):
            valid = [v for v in (generator.instance(target.uri, branch=branch) for _ in range(12)) if validator.is_valid(v)]
            assert valid, f"{spec.display(target.uri)} branch {branch}: no valid instance in 12"


def test_date_times_cover_every_precision_and_offset():
    rng = random.Random(1)
    made = [generate.date_time(rng) for _ in range(400)]
    digits = {len(m.group(1) or "") for m in (re.search(r":\d\d(?:\.(\d+))?(?:Z|[+-])", t) for t in made)}
    assert digits == {0, 3, 6, 9}
    assert any(t.endswith("Z") for t in made) and any(t.endswith("+05:30") for t in made) and any(t.endswith("-08:00") for t in made)
    assert all(FormatChecker().conforms(t, "date-time") for t in made)


def test_integers_reach_the_int64_and_int32_extremes():
    spec_free = generate.Generator(None, random.Random(3))
    facts = generate.Facts()
    facts.add({"type": "integer", "format": "int64"}, "")
    values = {spec_free._integer(facts, 0) for _ in range(200)}
    assert {2 ** 63 - 1, -(2 ** 63)} <= values
    facts = generate.Facts()
    facts.add({"type": "integer", "format": "int32"}, "")
    values = {spec_free._integer(facts, 0) for _ in range(200)}
    assert {2 ** 31 - 1, -(2 ** 31)} <= values


def test_openapi30_is_translated_for_the_validator():
    translated = specs.translate({
        "type": "object",
        "properties": {
            "a": {"type": "string", "nullable": True, "enum": ["x"]},
            "b": {"type": "integer", "minimum": 0, "exclusiveMinimum": True},
            "c": {"$ref": "#/x", "description": "ignored in 3.0"},
            "d": {"oneOf": [{"type": "string"}, {"type": "string"}], "discriminator": {"propertyName": "k"}},
        },
    }, is30=True)
    validator = Draft202012Validator(translated)
    assert validator.is_valid({"a": None}) and validator.is_valid({"a": "x"}) and not validator.is_valid({"a": "y"})
    assert validator.is_valid({"b": 1}) and not validator.is_valid({"b": 0})
    assert translated["properties"]["c"] == {"$ref": "#/x"}
    assert validator.is_valid({"d": "two branches accept this"})


def test_comparison_finds_each_kind_of_loss_and_nothing_else():
    sent = {"n": 3.0, "big": 10 ** 21, "t": "2020-01-01T05:30:00.123456789+05:30", "null": None, "gone": "x",
            "p": "2020-01-01T00:00:00.978998Z", "ms": "2020-01-01T00:00:00.942Z", "list": [1, "2"]}
    back = {"n": 3, "big": 1e21, "t": "2020-01-01T00:00:00.123457Z", "p": "2020-01-01T00:00:00.978Z",
            "ms": "2020-01-01T00:00:00.941Z", "list": [1, 2], "new": None}
    found = {(kind, compare.render(path)) for kind, path, _ in compare.differences(sent, back)}
    assert found == {
        ("null-vs-absent", "$.null"), ("missing", "$.gone"), ("null-vs-absent", "$.new"),
        ("date-time-precision", "$.p"), ("date-time", "$.ms"), ("value", "$.list[1]"),
    }
    assert compare.differences({"a": [1.5, {"b": "é"}]}, {"a": [1.5, {"b": "é"}]}) == []


def test_without_and_put_edit_a_nested_member():
    assert compare.without({"a": [{"b": None, "c": 1}]}, ("a", 0, "b")) == {"a": [{"c": 1}]}
    assert compare.put({"a": [{"c": 1}, 2]}, ("a", 0, "k"), "job") == {"a": [{"c": 1, "k": "job"}, 2]}


def test_nanosecond_dates_may_round_within_a_microsecond_and_microsecond_ones_not_at_all():
    assert compare.differences("2046-01-27T10:27:26.257389444Z", "2046-01-27T10:27:26.257390Z") == []
    assert compare.differences("2046-01-27T10:27:26.257389Z", "2046-01-27T10:27:26.257390Z") != []


def test_the_harness_writes_uuid_bodies_as_the_client_sends_them():
    assert harness.wire_expression("value", "[String: [UUID]]") == \
        "value.mapValues { v0 in v0.map { v1 in v1.uuidString.lowercased() } }"
    assert harness.wire_expression("value", "Optional<UUID>") == "value.map { v0 in v0.uuidString.lowercased() }"
    assert harness.wire_expression("value", "[Pet]") is None


def test_a_client_that_loses_data_or_picks_the_wrong_branch_fails(monkeypatch, tmp_path):
    """The whole layer, on kinds-31, with the round-trip program's answers tampered with: a
    member dropped, a union's case renamed, a decode failure. Needs gen built (Scripts/test or
    `swift build --product gen` does it; GEN= names another)."""
    import importlib.machinery
    import json
    import os
    import importlib.util
    loader = importlib.machinery.SourceFileLoader("conformance_check", str(ROOT / "Scripts" / "conformance-check"))
    driver = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(driver)
    gen = pathlib.Path(os.environ.get("GEN") or ROOT / ".build" / "debug" / "gen")
    assert gen.exists(), f"{gen} is missing: build gen first (swift build --product gen)"
    real = harness.run_program
    tampered = {"dropped": 0, "renamed": 0, "failed": 0}

    def tamper(binary, lines):
        outputs = real(binary, lines)
        for position, output in enumerate(outputs):
            parts = output.split("\t", 3)
            if len(parts) < 4 or parts[1] != "ok":
                continue
            value = json.loads(parts[3])
            if parts[2]:
                parts[2] = "notTheBranch"  # every enum: the unions among them must notice
                tampered["renamed"] += 1
            elif isinstance(value, dict) and value and not tampered["dropped"]:
                value.pop(next(iter(value)))
                parts[3] = json.dumps(value)
                tampered["dropped"] += 1
            elif not tampered["failed"]:
                parts[1:] = ["decode", "DecodingError.typeMismatch: tampered"]
                tampered["failed"] += 1
            outputs[position] = "\t".join(parts)
        return outputs

    monkeypatch.setattr(harness, "run_program", tamper)
    result = driver.check_spec(ROOT / "Tests" / "Fixtures" / "Conformance" / "kinds-31.yaml", gen, 20, 2, tmp_path)
    assert tampered["dropped"] == 1 and tampered["failed"] == 1 and tampered["renamed"] > 0
    kinds = {failure.kind for failure in result.failures}
    assert "decode: DecodingError.typeMismatch: tampered" in kinds
    assert "wrong branch" in kinds and any(kind.startswith("round trip: ") for kind in kinds)
    assert result.failed
