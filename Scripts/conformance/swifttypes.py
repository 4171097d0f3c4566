"""Which Swift type the generated client has for a schema, from `gen --dump-context`.

A type whose context names its schema's JSON pointer (`schemaPointer`) is found by it. Otherwise a component schema's type is found by name, as the generator names it (DESIGN.md:
split on non-alphanumerics, UpperCamelCase; `Model` after a reserved name; a number after a
taken one, in document order); an inline body's by its operation's argument or response type.
"""
import re
import urllib.parse

from jsonschema import Draft202012Validator, FormatChecker

import generate

STANDARD_TYPES = {"String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "UUID", "Date", "Data", "JSONValue"}


def type_name(raw):
    pieces = re.findall(r"[^\W_]+", raw)
    name = "".join(piece[0].upper() + piece[1:] for piece in pieces)
    if not name:
        return "Unnamed"
    return "_" + name if name[0].isdigit() else name


class TypeMap:
    def __init__(self, spec, context):
        self.spec = spec
        self.types = {t["name"]: t for t in context["models"]["types"]}
        self.by_pointer = {}
        self._index_pointers(context["models"]["types"], "")
        self.components = self._component_names()
        self.spellings = self._component_spellings()
        self.operations = {(o["httpMethod"], o["path"]): o for o in context["client"]["operations"]}

    def _index_pointers(self, types, prefix):
        """`schemaPointer` (gen --dump-context) → the type's name, nested ones qualified
        (`Booking.Payment`)."""
        for t in types:
            name = prefix + t["name"]
            pointer = t.get("schemaPointer")
            if isinstance(pointer, str) and pointer:
                self.by_pointer.setdefault(urllib.parse.unquote(pointer), name)
                self.types.setdefault(name, t)
            self._index_pointers(t.get("nestedTypes") or [], name + ".")

    def _component_names(self):
        """Component name → Swift type name, claimed in document order."""
        claimed, names = set(), {}
        for name, schema in ((self.spec.document.get("components") or {}).get("schemas") or {}).items():
            base = type_name(name)
            for candidate in [base, base + "Model"] + [f"{base}{n}" for n in range(2, 9)]:
                if candidate in self.types and candidate not in claimed and self._agrees(schema, self.types[candidate]):
                    claimed.add(candidate)
                    names[name] = candidate
                    break
        return names

    def _component_spellings(self):
        """Component name → Swift spelling, for components that are no type of their own
        (`Labels` → `[String: String]`): the type of a property that refers to the component
        alone, where the spelling names only top-level and standard types."""
        components = (self.spec.document.get("components") or {}).get("schemas") or {}
        known = set(self.types) | STANDARD_TYPES
        spellings = {}
        for name, swift_name in self.components.items():
            schema = components.get(name)
            properties = schema.get("properties") if isinstance(schema, dict) else None
            for prop in self.types[swift_name].get("properties") or []:
                raw = (properties or {}).get(prop.get("jsonName"))
                ref = raw.get("$ref") if isinstance(raw, dict) and len(raw) == 1 else None
                if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
                    continue
                target = urllib.parse.unquote(ref[len("#/components/schemas/"):]).replace("~1", "/").replace("~0", "~")
                spelling = prop["type"].removesuffix("?")
                if target in components and target not in self.components and target not in spellings \
                        and set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", spelling)) <= known:
                    spellings[target] = spelling
        return spellings

    @staticmethod
    def _agrees(schema, context_type):
        """A struct for an object schema: a component that is a string or an array has no type of
        its own, so a type of its name belongs to something else."""
        if not isinstance(schema, dict):
            return False
        kinds = schema.get("type")
        kinds = {kinds} if isinstance(kinds, str) else set(kinds or [])
        if context_type.get("isStruct") and kinds and "object" not in kinds:
            return False
        return True

    def swift_type(self, target):
        """(Swift type, None) or (None, why not)."""
        pointer = urllib.parse.unquote(self.spec.display(target.uri))
        if pointer in self.by_pointer:
            return self.by_pointer[pointer], None
        if target.kind == "component":
            name = self.components.get(target.detail) or self.spellings.get(target.detail)
            return (name, None) if name else (None, "no Swift type of its own, and no property of a component type "
                                                    "refers to it alone")
        method, path, status = target.detail
        operation = self.operations.get((method, path))
        if operation is None:
            return None, "operation not generated"
        if target.kind == "request":
            if operation.get("hasBodyChoice"):
                # The body enum's JSON case holds the type.
                for case in operation.get("bodyCases") or []:
                    if case.get("isJSON"):
                        return case["type"], None
                return None, "no JSON case in the body enum"
            if not operation.get("bodyIsJSON"):
                return None, "the body is not sent as JSON"
            for argument in operation["arguments"]:
                if argument["location"] == "body":
                    return argument["type"].removesuffix("?"), None
            return None, "no body argument"
        for response in operation.get("responses", []) + operation.get("errorResponses", []):
            if response.get("statusCode") == status and response.get("isJSON") and response.get("type"):
                return response["type"].removesuffix("?"), None
        return None, "no JSON response type"

    def context_type(self, swift_type):
        return self.types.get(swift_type)


class UnionFacts:
    """A union's branches (URIs in the translated document) beside the Swift cases they become."""

    def __init__(self, spec, uri, node, keyword, context_type):
        self.spec = spec
        options = [i for i, b in enumerate(node[keyword]) if not generate._is_null(b)]
        self.branch_uris = [f"{uri}/{keyword}/{i}" for i in options]
        self.branches = [b["caseName"].strip("`") for b in context_type["branches"]]
        self.validators = [Draft202012Validator({"$ref": u}, registry=spec.registry, format_checker=FormatChecker())
                           for u in self.branch_uris]
        discriminator = node.get("discriminator") if isinstance(node.get("discriminator"), dict) else {}
        self.property = discriminator.get("propertyName")
        self.tags = []
        if self.property:
            union = generate.Union(keyword, node[keyword], uri, self.property, discriminator.get("mapping"))
            maker = generate.Generator(spec, None)
            for position, branch_uri in zip(options, self.branch_uris):
                self.tags.append(maker._discriminator_value(union, node[keyword][position], branch_uri))

    def expected_case(self, value):
        """The case `value` must decode into: the branch its discriminator value names, else the
        only branch that accepts it; `None` when that is not one branch."""
        valid = [i for i, v in enumerate(self.validators) if v.is_valid(value)]
        if self.property and isinstance(value, dict) and self.property in value:
            named = [i for i, tag in enumerate(self.tags) if tag == value[self.property] and i in valid]
            if len(named) == 1:
                return self.branches[named[0]]
        return self.branches[valid[0]] if len(valid) == 1 else None


def union_facts(spec, uri, context_type):
    """`UnionFacts` when the schema is a union whose Swift type is an enum of as many cases."""
    if not context_type or not context_type.get("isUnion"):
        return None
    node = spec.lookup(uri)
    for _ in range(8):
        if isinstance(node, dict) and "$ref" in node and len(node) == 1:
            uri = urllib.parse.urljoin(uri, node["$ref"])
            node = spec.lookup(uri)
            continue
        # A nullable union (3.0 `nullable: true`, translated to `anyOf: [null, union]`).
        alternatives = node.get("anyOf") if isinstance(node, dict) else None
        if alternatives and len(alternatives) == 2 and any(generate._is_null(a) for a in alternatives):
            position = 0 if not generate._is_null(alternatives[0]) else 1
            inner = alternatives[position]
            if isinstance(inner, dict) and ("oneOf" in inner or "anyOf" in inner or "$ref" in inner):
                uri, node = f"{uri}/anyOf/{position}", inner
                continue
        break
    if not isinstance(node, dict):
        return None
    keyword = "oneOf" if node.get("oneOf") else "anyOf" if node.get("anyOf") else None
    if keyword is None:
        return None
    count = sum(1 for b in node[keyword] if not generate._is_null(b))
    if count != len(context_type["branches"]):
        return None
    return UnionFacts(spec, uri, node, keyword, context_type)
