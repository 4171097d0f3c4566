"""Deterministic sample synthesis for OpenAPI 3.0 / 3.1 documents.

Used by the contract-test server (server.py) to build request samples for the Swift driver and
response bodies for the generated client. Every value it returns is checked against its schema
with openapi-schema-validator (OAS 3.1 = JSON Schema 2020-12 dialect, OAS 3.0 = the OAS30
read/write validators); when no valid value can be found the best attempt is returned together
with the validator's messages, so callers can report it instead of crashing.

    python3 Scripts/contract/samples.py SPEC [SPEC ...]   # prints a summary of problems
"""

from __future__ import annotations

import base64
import copy
import json
import math
import os
import re
import re._parser as sre_parse  # Python 3.11+: the regex parser (sre_parse is deprecated)
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Iterator, Optional

import yaml
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30Validator,
    OAS30WriteValidator,
    OAS31Validator,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import swagger2  # noqa: E402

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IGNORED_HEADERS = {"authorization", "accept", "content-type"}
MAX_DEPTH = 4  # below this depth only required properties / minItems are generated
HARD_DEPTH = 14  # a chain of required properties this deep is treated as unsatisfiable
FIXED_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

FORMAT_VALUES = {
    "uuid": FIXED_UUID,
    "date-time": "2024-05-06T07:08:09Z",
    "date": "2024-05-06",
    "time": "07:08:09Z",
    "duration": "P1D",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/x",
    "url": "https://example.com/x",
    "iri": "https://example.com/x",
    "uri-reference": "https://example.com/x",
    "iri-reference": "https://example.com/x",
    "uri-template": "https://example.com/{x}",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": base64.b64encode(b"sample").decode(),
    "binary": "sample",
    "password": "secret",
    "json-pointer": "/x",
    "relative-json-pointer": "0",
    "regex": "^x$",
}


# --------------------------------------------------------------------------------------------
# Loading


class _Loader(yaml.SafeLoader):
    """YAML 1.2-ish loading: timestamps stay strings, only true/false are booleans, and
    `1e-08` is a float (PyYAML's YAML 1.1 rules read it as a string, which then crashes
    openapi-core's `minimum` check)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool",
                         "tag:yaml.org,2002:float")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
                |[-+]?\.(?:inf|Inf|INF)
                |\.(?:nan|NaN|NAN))$""", re.X),
    list("-+0123456789."),
)


def _str_keys(value: Any) -> Any:
    """Mapping keys as strings (YAML reads `200:` as an int)."""
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else ("null" if k is None else str(k))): _str_keys(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_str_keys(v) for v in value]
    return value


def load_file(path: str) -> Any:
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    if path.endswith(".json"):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return _str_keys(yaml.load(text, Loader=_Loader))


def _pointer_get(doc: Any, pointer: str) -> Any:
    node = doc
    if not pointer or pointer == "/":
        return node if not pointer else node[""]
    for raw in pointer.lstrip("/").split("/"):
        token = urllib.parse.unquote(raw).replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        else:
            node = node[token]
    return node


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class Unsat(Exception):
    """No value satisfying the schema could be built."""


# --------------------------------------------------------------------------------------------
# Document: files, $ref resolution, validators


class Document:
    def __init__(self, path: str):
        self.path = os.path.abspath(path)
        self.uri = Path(self.path).as_uri()
        self.root = load_file(self.path)
        if "swagger" in self.root:
            # openapi-core validates 3.x only: a 2.0 document is checked in its 3.0 reading.
            self.root = swagger2.to_openapi3(self.root)
        self.version = str(self.root.get("openapi", "3.1.0"))
        self.is31 = not self.version.startswith("3.0")
        self._docs: dict[str, Any] = {self.uri: self.root}
        self._spec = DRAFT202012 if self.is31 else DRAFT4
        self.registry = Registry(retrieve=self._retrieve).with_resource(
            self.uri, Resource(self.root, self._spec))
        self._validators: dict[tuple, tuple] = {}

    # files beside the spec ------------------------------------------------------------------
    def _retrieve(self, uri: str) -> Resource:
        return Resource(self.doc(uri), self._spec)

    def doc(self, uri: str) -> Any:
        uri = urllib.parse.urldefrag(uri)[0]
        if uri not in self._docs:
            parsed = urllib.parse.urlsplit(uri)
            if parsed.scheme != "file":
                raise Unsat(f"external reference {uri} is not a local file")
            self._docs[uri] = load_file(urllib.request.url2pathname(parsed.path))
        return self._docs[uri]

    def resolve(self, base_uri: str, ref: str) -> tuple[str, Any]:
        target = urllib.parse.urljoin(base_uri, ref)
        doc_uri, fragment = urllib.parse.urldefrag(target)
        try:
            return doc_uri, _pointer_get(self.doc(doc_uri), fragment)
        except (KeyError, IndexError, ValueError, TypeError) as e:
            raise Unsat(f"unresolvable $ref {ref}") from e

    def deref(self, uri: str, node: Any) -> tuple[str, Any]:
        """Follow `$ref` of non-schema objects (parameters, responses, ...)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 50:
            uri, node = self.resolve(uri, node["$ref"])
            seen += 1
        return uri, node

    # validation ------------------------------------------------------------------------------
    def validator(self, uri: str, node: Any, mode: Optional[str]):
        if self.is31:
            cls = OAS31Validator
        elif mode == "request":
            cls = OAS30WriteValidator
        elif mode == "response":
            cls = OAS30ReadValidator
        else:
            cls = OAS30Validator
        key = (id(node), uri, cls)
        hit = self._validators.get(key)
        if hit is None or hit[0] is not node:
            v = cls(node, registry=self.registry, format_checker=cls.FORMAT_CHECKER,
                    _resolver=self.registry.resolver(base_uri=uri))
            hit = (node, v)
            self._validators[key] = hit
        return hit[1]

    def errors(self, uri: str, node: Any, value: Any, mode: Optional[str]) -> list[str]:
        try:
            v = self.validator(uri, node, mode)
            out = []
            for e in v.iter_errors(value):
                where = "/".join(str(p) for p in e.absolute_path)
                out.append(f"{where or '<root>'}: {e.message}"[:500])
                if len(out) >= 5:
                    break
            return out
        except Exception as e:  # noqa: BLE001 - a validator crash is reported, not raised
            return [f"validator failed: {type(e).__name__}: {e}"]

    def valid(self, uri: str, node: Any, value: Any, mode: Optional[str]) -> bool:
        return not self.errors(uri, node, value, mode)


# --------------------------------------------------------------------------------------------
# Schema flattening


class Flat:
    """A schema with $ref and allOf merged; oneOf/anyOf kept as pending choices."""

    def __init__(self, parts: list[tuple[str, Any]]):
        self.parts = parts  # the original schemas: the value must validate against each
        self.false = False
        self.types: Optional[list[str]] = None
        self.candidates: list[Any] = []
        self.enum: Optional[list] = None
        self.props: dict[str, list[tuple[str, Any]]] = {}
        self.required: list[str] = []
        self.additional: Any = None  # None, False, or list of (uri, schema)
        self.property_names: list[tuple[str, Any]] = []  # `propertyNames` schemas: what a key must be
        self.items: list[tuple[str, Any]] = []
        self.prefix: Optional[list[tuple[str, Any]]] = None
        self.kw: dict[str, Any] = {}
        self.format: Optional[str] = None
        self.patterns: list[str] = []
        self.choices: list[tuple[str, str, list, Any]] = []  # (kind, uri, branches, discriminator)
        self.forced: dict[str, Any] = {}
        self.read_only = False
        self.write_only = False

    def clone(self) -> "Flat":
        c = copy.copy(self)
        c.types = list(self.types) if self.types is not None else None
        c.candidates = list(self.candidates)
        c.props = {k: list(v) for k, v in self.props.items()}
        c.property_names = list(self.property_names)
        c.required = list(self.required)
        c.items = list(self.items)
        c.kw = dict(self.kw)
        c.patterns = list(self.patterns)
        c.choices = list(self.choices)
        c.forced = dict(self.forced)
        return c


_MIN_KEYS = ("minLength", "minItems", "minProperties", "minimum")
_MAX_KEYS = ("maxLength", "maxItems", "maxProperties", "maximum")


class Synthesizer:
    def __init__(self, doc: Document, mode: Optional[str] = None):
        self.doc = doc
        self.mode = mode  # "request" (skip readOnly), "response" (skip writeOnly) or None
        self.budget = 0

    # public -------------------------------------------------------------------------------------
    def sample(self, uri: str, schema: Any, preferred: list[Any] = ()) -> tuple[Any, list[str]]:
        """A value for `schema` (at base `uri`) and the validation errors it still has."""
        for value in preferred:
            if self.doc.valid(uri, schema, value, self.mode):
                return value, []
        self.budget = 3000
        try:
            value = self.gen(self.flatten_all([(uri, schema)]), 0)
        except Unsat as e:
            return None, [f"could not synthesize: {e}"]
        except RecursionError:
            return None, ["could not synthesize: recursion too deep"]
        return value, self.doc.errors(uri, schema, value, self.mode)

    # flattening ---------------------------------------------------------------------------------
    def flatten_all(self, parts: list[tuple[str, Any]]) -> Flat:
        flat = Flat(parts)
        for uri, node in parts:
            self.flatten(uri, node, flat, ())
        return flat

    def flatten(self, uri: str, node: Any, flat: Flat, chain: tuple) -> None:
        if node is True or node is None:
            return
        if node is False:
            flat.false = True
            return
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            key = (uri, node["$ref"])
            if key in chain:
                return  # allOf/$ref cycle: nothing more to merge
            turi, target = self.doc.resolve(uri, node["$ref"])
            self.flatten(turi, target, flat, chain + (key,))
            if not self.doc.is31:
                return  # OAS 3.0: siblings of $ref are ignored
        if node.get("readOnly"):
            flat.read_only = True
        if node.get("writeOnly"):
            flat.write_only = True
        # candidate literal values, most specific first
        if "const" in node:
            flat.candidates.append(node["const"])
        if "example" in node:
            flat.candidates.append(node["example"])
        if isinstance(node.get("examples"), list):
            flat.candidates.extend(node["examples"])
        if "default" in node:
            flat.candidates.append(node["default"])
        if isinstance(node.get("enum"), list):
            flat.candidates.extend(node["enum"])
            flat.enum = list(node["enum"]) if flat.enum is None else [
                v for v in flat.enum if v in node["enum"]]
        if "const" in node:
            flat.enum = [node["const"]]
        t = node.get("type")
        if t is not None:
            ts = [t] if isinstance(t, str) else list(t)
            if node.get("nullable") is True and "null" not in ts:
                ts.append("null")
            if flat.types is None:
                flat.types = ts
            else:
                flat.types = [x for x in flat.types if x in ts or (x == "number" and "integer" in ts)]
                if "integer" in ts and "number" in flat.types:
                    flat.types = ["integer" if x == "number" else x for x in flat.types]
        for name, sub in (node.get("properties") or {}).items():
            flat.props.setdefault(name, []).append((uri, sub))
        for name in node.get("required") or []:
            if name not in flat.required:
                flat.required.append(name)
        if isinstance(node.get("propertyNames"), dict):
            flat.property_names.append((uri, node["propertyNames"]))
        if "additionalProperties" in node:
            ap = node["additionalProperties"]
            if ap is False:
                flat.additional = False
            elif isinstance(ap, dict) and flat.additional is not False:
                flat.additional = (flat.additional or []) + [(uri, ap)]
        if "items" in node:
            items = node["items"]
            if isinstance(items, list):  # draft-4 style tuple
                flat.prefix = flat.prefix or [(uri, s) for s in items]
            elif isinstance(items, dict) or items is True:
                flat.items.append((uri, items))
            elif items is False:
                flat.kw["maxItems"] = min(flat.kw.get("maxItems", math.inf), len(flat.prefix or []))
        if isinstance(node.get("prefixItems"), list):
            flat.prefix = flat.prefix or [(uri, s) for s in node["prefixItems"]]
        for k in _MIN_KEYS:
            if isinstance(node.get(k), (int, float)) and not isinstance(node.get(k), bool):
                flat.kw[k] = max(flat.kw.get(k, -math.inf), node[k])
        for k in _MAX_KEYS:
            if isinstance(node.get(k), (int, float)) and not isinstance(node.get(k), bool):
                flat.kw[k] = min(flat.kw.get(k, math.inf), node[k])
        for k in ("exclusiveMinimum", "exclusiveMaximum"):
            v = node.get(k)
            if isinstance(v, bool):  # OAS 3.0 / draft 4 form
                if v:
                    flat.kw[k + "Flag"] = True
            elif isinstance(v, (int, float)):
                cmp = max if k == "exclusiveMinimum" else min
                flat.kw[k] = cmp(flat.kw.get(k, v), v)
        if isinstance(node.get("multipleOf"), (int, float)):
            flat.kw["multipleOf"] = node["multipleOf"]
        if node.get("uniqueItems"):
            flat.kw["uniqueItems"] = True
        if isinstance(node.get("format"), str) and flat.format is None:
            flat.format = node["format"]
        if isinstance(node.get("pattern"), str):
            flat.patterns.append(node["pattern"])
        for sub in node.get("allOf") or []:
            self.flatten(uri, sub, flat, chain)
        for kind in ("oneOf", "anyOf"):
            if isinstance(node.get(kind), list) and node[kind]:
                flat.choices.append((kind, uri, node[kind], node.get("discriminator")))

    # generation ---------------------------------------------------------------------------------
    def _valid_all(self, parts: list, value: Any) -> bool:
        return all(self.doc.valid(u, s, value, self.mode) for u, s in parts)

    def gen(self, flat: Flat, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise Unsat("search budget exhausted")
        if depth > HARD_DEPTH:
            raise Unsat("required properties recurse without end")
        if flat.false:
            raise Unsat("schema is `false`")
        seen = []
        for c in flat.candidates:
            if c in seen:
                continue
            seen.append(c)
            if not flat.choices and self._valid_all(flat.parts, c):
                return c
            if flat.choices and self._valid_all(flat.parts, c):
                return c
        if flat.choices:
            return self.gen_choice(flat, depth)
        if flat.enum is not None:
            raise Unsat("no enum value satisfies the schema")
        types = flat.types
        if types is None:
            types = self.infer_types(flat)
        if not types:
            raise Unsat("no type is allowed")
        non_null = [t for t in types if t != "null"]
        order = non_null + (["null"] if "null" in types else [])
        last_error: Optional[Exception] = None
        for i, t in enumerate(order):
            try:
                value = self.gen_type(t, flat, depth)
            except Unsat as e:
                last_error = e
                continue
            if i == len(order) - 1 or self._valid_all(flat.parts, value):
                return value
        raise last_error or Unsat("no type produced a valid value")

    def infer_types(self, flat: Flat) -> list[str]:
        if flat.props or flat.required or flat.additional is not None or "minProperties" in flat.kw:
            return ["object"]
        if flat.items or flat.prefix is not None or "minItems" in flat.kw or "maxItems" in flat.kw:
            return ["array"]
        if flat.patterns or "minLength" in flat.kw or "maxLength" in flat.kw:
            return ["string"]
        if flat.format in ("int32", "int64"):
            return ["integer"]
        if flat.format in ("float", "double"):
            return ["number"]
        if flat.format:
            return ["string"]
        if any(k in flat.kw for k in ("minimum", "maximum", "multipleOf", "exclusiveMinimum",
                                       "exclusiveMaximum")):
            return ["number"]
        return ["string"]  # free-form value: any JSON value is fine

    def gen_choice(self, flat: Flat, depth: int) -> Any:
        kind, uri, branches, disc = flat.choices[0]
        rest = flat.clone()
        rest.choices = flat.choices[1:]
        # prefer non-null branches
        ordered = sorted(enumerate(branches), key=lambda ib: 1 if self._is_null_schema(uri, ib[1]) else 0)
        last = "no branch of %s produced a valid value" % kind
        for _, branch in ordered:
            attempt = rest.clone()
            try:
                self.flatten(uri, branch, attempt, ())
            except Unsat as e:
                last = str(e)
                continue
            forced = self._discriminator_value(uri, branch, disc)
            if forced:
                attempt.forced.update(forced)
            try:
                value = self.gen(attempt, depth)
            except Unsat as e:
                last = str(e)
                continue
            if self._valid_all(flat.parts, value):
                return value
            if forced:  # retry without the forced discriminator value
                attempt.forced = dict(rest.forced)
                try:
                    value = self.gen(attempt, depth)
                except Unsat:
                    continue
                if self._valid_all(flat.parts, value):
                    return value
        raise Unsat(last)

    def _is_null_schema(self, uri: str, node: Any) -> bool:
        try:
            uri, node = self.doc.deref(uri, node)
        except Unsat:
            return False
        return isinstance(node, dict) and (node.get("type") == "null" or node.get("enum") == [None])

    def _discriminator_value(self, uri: str, branch: Any, disc: Any) -> dict:
        if not isinstance(disc, dict) or not isinstance(branch, dict) or "$ref" not in branch:
            return {}
        prop = disc.get("propertyName")
        if not prop:
            return {}
        target = urllib.parse.urljoin(uri, branch["$ref"])
        for key, ref in (disc.get("mapping") or {}).items():
            ref_uri = urllib.parse.urljoin(uri, ref if ("/" in ref or "#" in ref)
                                           else "#/components/schemas/" + ref)
            if ref_uri == target:
                return {prop: key}
        return {prop: branch["$ref"].rsplit("/", 1)[-1]}

    def gen_type(self, t: str, flat: Flat, depth: int) -> Any:
        if t == "null":
            return None
        if t == "boolean":
            return True
        if t == "integer":
            return self.gen_number(flat, True)
        if t == "number":
            return self.gen_number(flat, False)
        if t == "string":
            return self.gen_string(flat)
        if t == "array":
            return self.gen_array(flat, depth)
        if t == "object":
            return self.gen_object(flat, depth)
        raise Unsat(f"unknown type {t}")

    def gen_number(self, flat: Flat, integer: bool) -> Any:
        kw = flat.kw
        lo, hi = kw.get("minimum"), kw.get("maximum")
        lo_ex = kw.get("exclusiveMinimumFlag", False)
        hi_ex = kw.get("exclusiveMaximumFlag", False)
        if "exclusiveMinimum" in kw and (lo is None or kw["exclusiveMinimum"] >= lo):
            lo, lo_ex = kw["exclusiveMinimum"], True
        if "exclusiveMaximum" in kw and (hi is None or kw["exclusiveMaximum"] <= hi):
            hi, hi_ex = kw["exclusiveMaximum"], True
        step = kw.get("multipleOf")
        if integer:
            if isinstance(step, float) and step.is_integer():
                step = int(step)
            if step is not None and not isinstance(step, int):
                step = None  # integer values with a fractional multipleOf: check at the end
            low = None if lo is None else (math.floor(lo) + 1 if lo_ex else math.ceil(lo))
            high = None if hi is None else (math.ceil(hi) - 1 if hi_ex else math.floor(hi))
            v = 1  # a plain value when the bounds allow it, else the nearest bound
            if low is not None and v < low:
                v = low
            if high is not None and v > high:
                v = high
            if step:
                v = -(-v // step) * step
            if high is not None and v > high:
                raise Unsat("no integer within bounds")
            return int(v)
        v = 1.5
        if lo is not None and (v < lo or (lo_ex and v <= lo)):
            v = lo if not lo_ex else (lo + 1 if hi is None else (lo + hi) / 2)
        if hi is not None and (v > hi or (hi_ex and v >= hi)):
            v = hi if not hi_ex else (hi - 1 if lo is None else (lo + hi) / 2)
        if step:
            k = math.ceil(v / step - 1e-9)
            if lo is not None and lo_ex and k * step <= lo:
                k += 1
            v = k * step
            if isinstance(step, int):
                v = int(v)
            else:
                v = float(repr(round(v, 10)))
        if isinstance(v, float) and v.is_integer() and flat.format in ("int32", "int64"):
            v = int(v)
        return v

    def gen_string(self, flat: Flat) -> str:
        lo = int(flat.kw.get("minLength", 0))
        hi = flat.kw.get("maxLength", math.inf)
        candidates: list[str] = []
        if flat.format in FORMAT_VALUES:
            candidates.append(FORMAT_VALUES[flat.format])
        if flat.patterns:
            for p in flat.patterns:
                candidates.extend(pattern_samples(p, lo, hi))
        candidates += ["sample", "a", "1", "A1", "abc", "x" * max(lo, 1)]
        for c in candidates:
            s = c
            if len(s) < lo and not flat.patterns and flat.format not in FORMAT_VALUES:
                s = s + "x" * (lo - len(s))
            if len(s) > hi and not flat.patterns and flat.format not in FORMAT_VALUES:
                s = s[: int(hi)]
            if not (lo <= len(s) <= hi):
                continue
            if all(_search(p, s) for p in flat.patterns):
                return s
        raise Unsat("no string satisfies length/pattern/format")

    def gen_array(self, flat: Flat, depth: int) -> list:
        lo = int(flat.kw.get("minItems", 0))
        hi = flat.kw.get("maxItems", math.inf)
        n = max(lo, 1 if depth < MAX_DEPTH else 0)
        n = int(min(n, hi))
        out: list = []
        prefix = flat.prefix or []
        for i in range(n):
            if i < len(prefix):
                parts = [prefix[i]]
            elif flat.items:
                parts = flat.items
            else:
                parts = []
            if not parts:
                item = "sample" if not flat.kw.get("uniqueItems") else f"sample{i}"
            else:
                item = self.gen(self.flatten_all(parts), depth + 1)
                if flat.kw.get("uniqueItems") and item in out:
                    item = self._distinct(parts, out, item)
            out.append(item)
        return out

    def _distinct(self, parts, taken, item):
        variants: list[Any] = []
        if isinstance(item, str):
            variants = ([item + str(i) for i in range(2, 6)] + [str(i) for i in range(1, 10)]
                        + ["b", "c", "d", "sample2", FIXED_UUID[:-1] + "7"])
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            variants = [item + i for i in range(1, 5)]
        elif isinstance(item, bool):
            variants = [not item]
        flat = self.flatten_all(parts)
        variants = [c for c in flat.candidates if c not in taken] + variants
        for v in variants:
            if v not in taken and self._valid_all(parts, v):
                return v
        return item

    def gen_object(self, flat: Flat, depth: int) -> dict:
        obj: dict[str, Any] = {}
        required = list(flat.required)
        optional = [name for name in flat.props if name not in required]
        limit = 12 if depth <= 1 else 3 if depth < MAX_DEPTH else 0
        max_props = flat.kw.get("maxProperties", math.inf)
        for name in required:
            if name in flat.forced:
                obj[name] = flat.forced[name]
                continue
            parts = flat.props.get(name) or (flat.additional if isinstance(flat.additional, list) else [])
            if not parts:
                obj[name] = "sample"
                continue
            sub = self.flatten_all(parts)
            if not self.doc.is31 and self._skip(sub):
                continue  # OAS 3.0: required readOnly (writeOnly) props are not sent in requests (responses)
            obj[name] = self.gen(sub, depth + 1)
        for name in optional:
            if len(obj) >= max_props:
                break
            if name in flat.forced:
                obj[name] = flat.forced[name]
                continue
            if limit <= 0:
                continue
            sub = self.flatten_all(flat.props[name])
            if self._skip(sub):
                continue
            saved = self.budget
            try:
                value = self.gen(sub, depth + 1)
            except Unsat:
                self.budget = saved
                continue
            if self._valid_all(sub.parts, value):
                obj[name] = value
                limit -= 1
        for name, value in flat.forced.items():
            obj.setdefault(name, value)
        if not flat.props and isinstance(flat.additional, list) and depth < MAX_DEPTH and not obj \
                and max_props >= 1:
            try:
                obj[self._key(flat, "key", depth)] = self.gen(self.flatten_all(flat.additional), depth + 1)
            except Unsat:
                pass
        i = 1
        while len(obj) < flat.kw.get("minProperties", 0) and flat.additional is not False:
            extra = "sample"
            if isinstance(flat.additional, list):
                extra = self.gen(self.flatten_all(flat.additional), depth + 1)
            obj[self._key(flat, f"key{i}", depth)] = extra
            i += 1
        return obj

    def _key(self, flat: "Flat", fallback: str, depth: int) -> str:
        """A key for an unnamed member: `fallback`, or one `propertyNames` allows (a uuid, a
        pattern's match, an enum's value) when the schema says what a key must be."""
        if not flat.property_names:
            return fallback
        names = self.flatten_all(flat.property_names)
        names.types = ["string"]
        try:
            key = self.gen(names, depth + 1)
        except Unsat:
            return fallback
        return key if isinstance(key, str) else fallback

    def _skip(self, sub: Flat) -> bool:
        return (self.mode == "request" and sub.read_only) or (self.mode == "response" and sub.write_only)


# --------------------------------------------------------------------------------------------
# Regex-driven string generation


def _search(pattern: str, s: str) -> bool:
    try:
        return re.search(pattern, s) is not None
    except re.error:
        return True  # a pattern Python cannot compile is left to the validator


def pattern_samples(pattern: str, lo: int, hi: float) -> list[str]:
    out = []
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001
        return out
    for extra in (0, 1, 3, max(0, lo)):
        try:
            s = _emit(parsed, extra)
        except Exception:  # noqa: BLE001
            continue
        if s not in out:
            out.append(s)
    return [s for s in out if _search(pattern, s)]


def _emit(parsed, extra: int) -> str:
    out = []
    for op, av in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append("a" if av != ord("a") else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_emit_in(av))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            mn, mx, sub = av
            count = mn + extra if mx is sre_parse.MAXREPEAT or mx >= mn + extra else mx
            count = max(count, mn)
            out.append("".join(_emit(sub, extra) for _ in range(count)))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            sub = av[-1]
            out.append(_emit(sub, extra))
        elif name == "BRANCH":
            out.append(_emit(av[1][0], extra))
        elif name == "CATEGORY":
            out.append(_category(str(av)))
        elif name in ("AT", "ASSERT", "ASSERT_NOT", "GROUPREF"):
            continue
        else:
            raise ValueError(name)
    return "".join(out)


def _category(name: str) -> str:
    return {"CATEGORY_DIGIT": "0", "CATEGORY_NOT_DIGIT": "a", "CATEGORY_SPACE": " ",
            "CATEGORY_NOT_SPACE": "a", "CATEGORY_WORD": "a", "CATEGORY_NOT_WORD": "-"}.get(name, "a")


def _emit_in(items) -> str:
    negate = any(str(op) == "NEGATE" for op, _ in items)
    if negate:
        banned = set()
        for op, av in items:
            if str(op) == "LITERAL":
                banned.add(chr(av))
            elif str(op) == "RANGE":
                banned.update(chr(c) for c in range(av[0], min(av[1], 0x7f) + 1))
        for c in "aA0-_x":
            if c not in banned:
                return c
        return "~"
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return chr(av)
        if name == "RANGE":
            lo, hi = av
            for c in ("a", "A", "0"):
                if lo <= ord(c) <= hi:
                    return c
            return chr(lo)
        if name == "CATEGORY":
            return _category(str(av))
    return "a"


# --------------------------------------------------------------------------------------------
# Operations


def iter_operations(doc: Document) -> Iterator[tuple[str, str, str, dict, dict]]:
    """(METHOD, path template, base uri of the path item, path item, operation)."""
    for path, item in (doc.root.get("paths") or {}).items():
        uri, item = doc.deref(doc.uri, item)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield method.upper(), path, uri, item, op


def operation_key(method: str, path: str) -> str:
    return f"{method.upper()} {path}"


def operation_parameters(doc: Document, uri: str, item: dict, op: dict) -> list[tuple[str, dict]]:
    merged: dict[tuple[str, str], tuple[str, dict]] = {}
    for source in (item.get("parameters") or [], op.get("parameters") or []):
        for p in source:
            puri, param = doc.deref(uri, p)
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(param["name"], param["in"])] = (puri, param)
    return list(merged.values())


def preferred_media_type(content: dict) -> Optional[str]:
    if not content:
        return None
    keys = list(content)
    for k in keys:
        if k.split(";")[0].strip().lower() == "application/json":
            return k
    for k in keys:
        base = k.split(";")[0].strip().lower()
        if base.endswith("+json") or base.endswith("/json"):
            return k
    return keys[0]


def is_json_media(media: Optional[str]) -> bool:
    if not media:
        return False
    base = media.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base.endswith("/json")


def _example_values(doc: Document, uri: str, obj: dict) -> list[Any]:
    """Values from `example` / `examples` of a parameter or media type object."""
    out = []
    if "example" in obj:
        out.append(obj["example"])
    exs = obj.get("examples")
    if isinstance(exs, dict):
        for ex in exs.values():
            try:
                _, ex = doc.deref(uri, ex)
            except Unsat:
                continue
            if isinstance(ex, dict) and "value" in ex:
                out.append(ex["value"])
    return out


def parameter_schema(doc: Document, uri: str, param: dict) -> tuple[str, Any]:
    if "schema" in param:
        return uri, param["schema"]
    content = param.get("content") or {}
    media = preferred_media_type(content)
    if media:
        muri, mt = doc.deref(uri, content[media])
        return muri, (mt or {}).get("schema", {})
    return uri, {}


def operation_security(doc: Document, op: dict) -> Any:
    if "security" in op:
        return op["security"]
    return doc.root.get("security")


def build_sample(doc: Document, method: str, path: str, uri: str, item: dict, op: dict,
                 optional: bool = True) -> tuple[dict, list[str]]:
    """The sample for one operation and the problems found (empty when every value is valid)."""
    problems: list[str] = []
    synth = Synthesizer(doc, None)
    sample: dict[str, Any] = {"path": {}, "query": {}, "header": {}, "cookie": {}}
    for puri, param in operation_parameters(doc, uri, item, op):
        loc, name = param["in"], param["name"]
        if loc not in sample:
            continue
        if loc == "header" and name.lower() in IGNORED_HEADERS:
            continue
        required = bool(param.get("required")) or loc == "path"
        if not required and (not optional or param.get("deprecated")):
            continue
        suri, schema = parameter_schema(doc, puri, param)
        value, errs = synth.sample(suri, schema, _example_values(doc, puri, param))
        if errs:
            if required:
                problems += [f"{loc} parameter {name}: {e}" for e in errs]
                sample[loc][name] = value
            continue
        if loc in ("path", "header") and value in (None, "", [], {}):
            if required:
                problems.append(f"{loc} parameter {name}: empty value")
            else:
                continue
        sample[loc][name] = value
    body = op.get("requestBody")
    if body is not None:
        buri, body = doc.deref(uri, body)
        content = (body or {}).get("content") or {}
        media = preferred_media_type(content)
        if media:
            muri, mt = doc.deref(buri, content[media])
            mt = mt or {}
            rsynth = Synthesizer(doc, "request")
            value, errs = rsynth.sample(muri, mt.get("schema", {}), _example_values(doc, muri, mt))
            problems += [f"body ({media}): {e}" for e in errs]
            sample["body"] = value
            sample["bodyContentType"] = media
    sample["security"] = operation_security(doc, op)
    return sample, problems


def build_samples(doc: Document) -> tuple[dict, dict]:
    samples: dict[str, dict] = {}
    problems: dict[str, list[str]] = {}
    for method, path, uri, item, op in iter_operations(doc):
        key = operation_key(method, path)
        try:
            sample, probs = build_sample(doc, method, path, uri, item, op)
        except Exception as e:  # noqa: BLE001 - never let one operation break the others
            sample, probs = {"path": {}, "query": {}, "header": {}, "cookie": {},
                             "security": operation_security(doc, op)}, [
                f"synthesizer crashed: {type(e).__name__}: {e}"]
        samples[key] = sample
        if probs:
            problems[key] = probs
    return samples, problems


def success_response(doc: Document, uri: str, op: dict) -> tuple[int, Optional[str], Optional[dict]]:
    """(status, response key in the spec, response object) of the first documented 2XX.

    `2XX` answers 200; with no 2XX, `default` answers 200; with neither, the first documented
    code is used; with no responses at all, 200 and no body."""
    responses = op.get("responses") or {}
    for code in responses:
        c = str(code)
        if re.fullmatch(r"2\d\d", c):
            return int(c), c, doc.deref(uri, responses[code])
        if c.upper() == "2XX":
            return 200, c, doc.deref(uri, responses[code])
    if "default" in responses:
        return 200, "default", doc.deref(uri, responses["default"])
    for code in responses:  # no success documented (Twilio's 307-only operation): first code
        c = str(code)
        if re.fullmatch(r"[1-5](\d\d|XX|xx)", c):
            return int(c[0] + c[1:].upper().replace("X", "0")), c, doc.deref(uri, responses[code])
    return 200, None, None


def build_response(doc: Document, uri: str, op: dict) -> dict:
    """{status, mediaType, body (JSON value or str), headers, problems}."""
    status, key, resolved = success_response(doc, uri, op)
    out: dict[str, Any] = {"status": status, "mediaType": None, "body": None, "headers": {},
                           "problems": []}
    if resolved is None:
        return out
    ruri, resp = resolved
    resp = resp or {}
    synth = Synthesizer(doc, "response")
    for name, h in (resp.get("headers") or {}).items():
        if name.lower() == "content-type":
            continue
        huri, h = doc.deref(ruri, h)
        suri, schema = parameter_schema(doc, huri, h or {})
        value, errs = synth.sample(suri, schema, _example_values(doc, huri, h or {}))
        if errs:
            if (h or {}).get("required"):
                out["problems"] += [f"header {name}: {e}" for e in errs]
            else:
                continue
        out["headers"][name] = value
    content = resp.get("content") or {}
    media = preferred_media_type(content)
    if media and status not in (204, 304):
        muri, mt = doc.deref(ruri, content[media])
        mt = mt or {}
        value, errs = synth.sample(muri, mt.get("schema", {}), _example_values(doc, muri, mt))
        out["problems"] += [f"body ({media}): {e}" for e in errs]
        out["mediaType"] = media
        out["body"] = value
    return out


def main(argv: list[str]) -> int:
    total_bad = 0
    for path in argv:
        doc = Document(path)
        samples, problems = build_samples(doc)
        resp_problems = {}
        for method, p, uri, item, op in iter_operations(doc):
            r = build_response(doc, uri, op)
            if r["problems"]:
                resp_problems[operation_key(method, p)] = r["problems"]
        print(f"{path}: {len(samples)} operations, {len(problems)} without a valid request sample, "
              f"{len(resp_problems)} without a valid response")
        for key, probs in list(problems.items()) + [(k + " (response)", v) for k, v in resp_problems.items()]:
            print(f"  {key}: {probs[0]}" + (f" (+{len(probs) - 1} more)" if len(probs) > 1 else ""))
        total_bad += len(problems) + len(resp_problems)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
