"""Random JSON instances of a JSON Schema (2020-12, as specs.translate writes OpenAPI's), aimed
at what breaks a round trip: every branch of a union in turn, `const`s and discriminator values,
null in every spelling, optional members present and absent, additional properties, dates with
0, 3, 6 and 9 fractional digits and offsets, int32/int64 extremes, strings with escapes.

Our own generator rather than hypothesis-jsonschema: it is seeded by one `random.Random` (a run
is reproduced by its seed alone, without hypothesis's database), it can aim at the edge values
above (hypothesis-jsonschema draws formats from generic strategies), it handles OpenAPI's
`discriminator`, and it never spends seconds shrinking or rejecting on a large spec. It may
propose an invalid instance (`not`, `minProperties`, two patterns…): the caller validates every
instance with `jsonschema` and keeps only valid ones.
"""
import base64
import random
import re
import string
import urllib.parse
import uuid

try:  # Python 3.11 moved the regular-expression parser (the old names warn)
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:
    import sre_constants
    import sre_parse

INT64 = (-(2 ** 63), 2 ** 63 - 1)
INT32 = (-(2 ** 31), 2 ** 31 - 1)
TEXT = string.ascii_letters + string.digits + " -_."
AWKWARD = ['"', "\\", "\n", "\t", "é", "日本", "🙂", "\u2028", "/", "\u0000"]
MAX_DEPTH = 6


class GiveUp(Exception):
    """The schema admits no value this generator can make (`false`, an empty enum)."""


class Generator:
    def __init__(self, spec, rng):
        self.spec = spec
        self.rng = rng

    def instance(self, uri, branch=None):
        """A value for the schema at `uri`; `branch` picks the alternative of its top-level
        `oneOf`/`anyOf` (by index among the non-null ones)."""
        schema = self.spec.lookup(uri)
        return self._value(schema, uri, depth=0, branch=branch)

    # MARK: - Flattening

    def _flatten(self, schema, uri, depth):
        """One `Facts` for a schema with its `$ref`s and `allOf` parts folded in."""
        facts = Facts()
        self._fold(schema, uri, facts, depth, seen=0)
        return facts

    def _fold(self, schema, uri, facts, depth, seen):
        if seen > 24:
            return
        if schema is True or schema == {}:
            return
        if schema is False:
            facts.impossible = True
            return
        if not isinstance(schema, dict):
            return
        if isinstance(schema.get("$ref"), str):
            target = urllib.parse.urljoin(uri, schema["$ref"])
            if "#" not in target:
                target += "#"
            self._fold(self.spec.lookup(target), target, facts, depth, seen + 1)
        for index, part in enumerate(schema.get("allOf") or []):
            self._fold(part, f"{uri}/allOf/{index}", facts, depth, seen + 1)
        facts.add(schema, uri)

    # MARK: - Values

    def _value(self, schema, uri, depth, branch=None):
        return self._from_facts(self._flatten(schema, uri, depth), depth, branch)

    def _from_facts(self, facts, depth, branch=None):
        # Each union met on the way: one alternative is folded in (the one asked for, at the top).
        for index, union in enumerate(facts.unions):
            options = [(i, b) for i, b in enumerate(union.branches) if not _is_null(b)]
            nulls = len(options) < len(union.branches)
            if not options:
                continue
            if facts.enum is not None or facts.const is not _MISSING:
                # `enum: [1]` beside `allOf: [oneOf of consts]`: only the branches it allows.
                allowed = facts.enum if facts.const is _MISSING else [facts.const]
                fitting = [(i, b) for i, b in options
                           if self._constant(b, f"{union.uri}/{union.keyword}/{i}") in allowed + [_MISSING]]
                options = fitting or options
            if index == 0 and branch is not None:
                chosen = options[branch % len(options)]
            elif nulls and self.rng.random() < 0.2:
                return None
            elif depth >= MAX_DEPTH:
                # Deep in a recursive schema: a branch that does not nest again ends the value.
                chosen = min(options, key=lambda option: _nests(option[1]))
            else:
                chosen = self.rng.choice(options)
            position, choice = chosen
            choice_uri = f"{union.uri}/{union.keyword}/{position}"
            self._fold(choice, choice_uri, facts, depth, 0)
            if union.discriminator:
                tag = self._discriminator_value(union, choice, choice_uri)
                if tag is not None:
                    facts.properties.setdefault(union.discriminator, []).insert(0, ({"const": tag}, choice_uri))
                    facts.required.add(union.discriminator)
        if facts.impossible:
            raise GiveUp("a 'false' schema")
        if facts.const is not _MISSING:
            return facts.const
        if facts.enum is not None:
            values = [v for v in facts.enum if facts.allows(_json_type(v))]
            if not values:
                raise GiveUp("no enum value of an allowed type")
            if None in values and len(values) > 1 and self.rng.random() < 0.7:
                values = [v for v in values if v is not None]
            return self.rng.choice(values)
        kind = self._kind(facts, depth)
        return getattr(self, "_" + kind)(facts, depth)

    def _constant(self, schema, uri):
        """The one value a schema allows (`const`, a one-value `enum`), or `_MISSING`."""
        facts = self._flatten(schema, uri, 0)
        if facts.const is not _MISSING:
            return facts.const
        return facts.enum[0] if facts.enum is not None and len(facts.enum) == 1 else _MISSING

    def _discriminator_value(self, union, choice, choice_uri):
        """The value that selects `choice`: from the mapping, else the one its property
        allows, else the name of the component it refers to (OpenAPI's implicit value)."""
        ref = choice.get("$ref") if isinstance(choice, dict) else None
        target = urllib.parse.urljoin(choice_uri, ref) if ref else None
        for value, mapped in (union.mapping or {}).items():
            mapped_uri = urllib.parse.urljoin(union.uri, mapped if "/" in mapped or "#" in mapped
                                              else f"#/components/schemas/{mapped}")
            if target and mapped_uri == target:
                return value
        branch_facts = self._flatten(choice, choice_uri, 0)
        own = branch_facts.properties.get(union.discriminator)
        if own:
            inner = self._flatten(own[0][0], own[0][1], 0)
            if inner.const is not _MISSING:
                return inner.const
            if inner.enum and len(inner.enum) == 1:
                return inner.enum[0]
        if ref:
            return urllib.parse.unquote(ref.rsplit("/", 1)[-1]).replace("~1", "/").replace("~0", "~")
        return None

    def _kind(self, facts, depth):
        allowed = facts.types
        if allowed is None:
            if facts.properties or facts.additional is not None or facts.required:
                allowed = {"object"}
            elif facts.items is not None:
                allowed = {"array"}
            elif facts.format or facts.pattern or facts.min_length is not None:
                allowed = {"string"}
            elif facts.minimum is not None or facts.maximum is not None:
                allowed = {"number"}
            else:
                allowed = {"string", "integer", "number", "boolean", "null"} | ({"object", "array"} if depth < 3 else set())
        choices = sorted(allowed)
        if "null" in choices and len(choices) > 1 and self.rng.random() < 0.75:
            choices.remove("null")
        if not choices:
            raise GiveUp("no type")
        return self.rng.choice(choices)

    def _null(self, facts, depth):
        return None

    def _boolean(self, facts, depth):
        return self.rng.random() < 0.5

    def _integer(self, facts, depth):
        low, high = INT64
        if facts.format == "int32":
            low, high = INT32
        if facts.types and "number" in facts.types:
            # A whole number where the schema says `number`: a Double (or Float) holds it exactly
            # only up to 2^53 (2^24); beyond that no client keeps it, by the type's nature.
            bound = 2 ** 24 if facts.format == "float" else 2 ** 53
            low, high = max(low, -bound), min(high, bound)
        low = max(low, _ceil(facts.minimum), _ceil(facts.exclusive_minimum, strict=True))
        high = min(high, _floor(facts.maximum), _floor(facts.exclusive_maximum, strict=True))
        if low > high:
            raise GiveUp("empty integer range")
        roll = self.rng.random()
        if roll < 0.15:
            value = low
        elif roll < 0.3:
            value = high
        elif roll < 0.6:
            value = self.rng.randint(max(low, -1000), min(high, 1000)) if max(low, -1000) <= min(high, 1000) else low
        else:
            value = self.rng.randint(low, high)
        if facts.multiple_of and isinstance(facts.multiple_of, int) and facts.multiple_of > 0:
            value -= value % facts.multiple_of
            if value < low:
                value += facts.multiple_of
        return value

    def _number(self, facts, depth):
        if facts.format == "float":
            # Values a Float holds exactly, so that Float's shortest digits are the same number.
            candidates = [0.5, -2.25, 1024.0, 3.0, 0.0, 1.5e10, -0.125]
        else:
            candidates = [0.1, -2.5, 1e21, 1.7976931348623157e308, 5e-324, 3.0, 0.0, 123456.789, -1e-7, 2 ** 53,
                          self.rng.uniform(-1e6, 1e6)]
        lows = [v for v in (facts.minimum, facts.exclusive_minimum) if v is not None]
        highs = [v for v in (facts.maximum, facts.exclusive_maximum) if v is not None]
        fitting = [c for c in candidates if all(c >= v for v in lows) and all(c <= v for v in highs)]
        if not fitting:
            low = max(lows) if lows else (min(highs) - 100)
            high = min(highs) if highs else (low + 100)
            return low + (high - low) / 2
        value = self.rng.choice(fitting)
        if facts.multiple_of:
            value = float(round(value / facts.multiple_of) * facts.multiple_of)
        return value

    def _string(self, facts, depth):
        maker = FORMATS.get(facts.format)
        if maker:
            return maker(self.rng)
        if facts.pattern:
            try:
                return _from_pattern(facts.pattern, self.rng, facts.min_length or 0)
            except GiveUp:
                pass
        low = facts.min_length or 0
        high = facts.max_length if facts.max_length is not None else max(low, 12)
        length = self.rng.randint(low, max(low, min(high, low + 12)))
        text = "".join(self.rng.choice(TEXT) for _ in range(length))
        if length >= 1 and self.rng.random() < 0.3:
            position = self.rng.randrange(length)
            text = text[:position] + self.rng.choice(AWKWARD) + text[position + 1:]
        return text

    def _array(self, facts, depth):
        low = facts.min_items or 0
        high = facts.max_items if facts.max_items is not None else low + 3
        if depth >= MAX_DEPTH:
            high = low
        count = self.rng.randint(low, max(low, min(high, low + 3)))
        items = []
        for position in range(count):
            if position < len(facts.prefix_items):
                schema, uri = facts.prefix_items[position]
            elif facts.items:
                items.append(self._merged(facts.items, depth + 1))
                continue
            else:
                schema, uri = True, ""
            items.append(self._value(schema, uri, depth + 1))
        if facts.unique_items:
            unique = []
            for item in items:
                if item not in unique:
                    unique.append(item)
            items = unique
        return items

    def _object(self, facts, depth):
        result = {}
        for name, parts in facts.properties.items():
            present = name in facts.required or (depth < MAX_DEPTH and self.rng.random() < 0.6)
            if not present:
                continue
            if len(parts) == 1:
                schema, uri = parts[0]
                result[name] = self._value(schema, uri, depth + 1)
            else:
                result[name] = self._merged(parts, depth + 1)
        for name in facts.required:
            if name not in result:
                result[name] = self._value(True, "", depth + 1)
        additional = facts.additional
        if additional is not None and additional[0] is not False and depth < MAX_DEPTH:
            count = self.rng.randint(0 if facts.properties else 1, 2)
            for index in range(count):
                key = self.rng.choice(["extra", "x-note", "Ünïcode key", "k"]) + str(index)
                if facts.property_names is not None:
                    key = self._value(facts.property_names[0], facts.property_names[1], depth + 1)
                    if not isinstance(key, str):
                        continue
                if key not in result:
                    result[key] = self._value(additional[0], additional[1], depth + 1)
        return result

    def _merged(self, parts, depth):
        """A value for several schemas that all apply (a property described by several parts)."""
        facts = Facts()
        for schema, uri in parts:
            self._fold(schema, uri, facts, depth, 0)
        return self._from_facts(facts, depth)


_MISSING = object()


class Union:
    def __init__(self, keyword, branches, uri, discriminator, mapping):
        self.keyword, self.branches, self.uri = keyword, branches, uri
        self.discriminator, self.mapping = discriminator, mapping


class Facts:
    """What all the schemas folded so far require together."""

    def __init__(self):
        self.types = None
        self.enum = None
        self.const = _MISSING
        self.properties = {}
        self.required = set()
        self.additional = None
        self.items = None
        self.prefix_items = []
        self.property_names = None
        self.unions = []
        self.format = None
        self.pattern = None
        self.min_length = self.max_length = None
        self.minimum = self.maximum = self.exclusive_minimum = self.exclusive_maximum = None
        self.multiple_of = None
        self.min_items = self.max_items = None
        self.unique_items = False
        self.impossible = False

    def allows(self, kind):
        if self.types is None:
            return True
        return kind in self.types or (kind == "integer" and "number" in self.types)

    def add(self, schema, uri):
        kinds = schema.get("type")
        if kinds is not None:
            kinds = {kinds} if isinstance(kinds, str) else set(kinds)
            if "number" in kinds:
                kinds.add("integer")
            self.types = kinds if self.types is None else (self.types & kinds) | (
                {"integer"} if "integer" in kinds and "number" in self.types else set())
        if "enum" in schema and isinstance(schema["enum"], list):
            self.enum = list(schema["enum"]) if self.enum is None else [v for v in self.enum if v in schema["enum"]]
        if "const" in schema:
            self.const = schema["const"]
        for name, value in (schema.get("properties") or {}).items():
            self.properties.setdefault(name, []).append((value, f"{uri}/properties/{_escape(name)}"))
        self.required |= set(schema.get("required") or [])
        if "additionalProperties" in schema and self.additional is None:
            value = schema["additionalProperties"]
            if value is not False and value is not True and not isinstance(value, dict):
                value = True
            self.additional = (value, f"{uri}/additionalProperties")
        if "items" in schema:
            self.items = (self.items or []) + [(schema["items"], f"{uri}/items")]
        if "propertyNames" in schema and self.property_names is None:
            self.property_names = (schema["propertyNames"], f"{uri}/propertyNames")
        if "prefixItems" in schema and not self.prefix_items:
            self.prefix_items = [(s, f"{uri}/prefixItems/{i}") for i, s in enumerate(schema["prefixItems"])]
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list) and schema[keyword]:
                discriminator = schema.get("discriminator") if isinstance(schema.get("discriminator"), dict) else {}
                self.unions.append(Union(keyword, schema[keyword], uri, discriminator.get("propertyName"),
                                         discriminator.get("mapping")))
        self.format = self.format or schema.get("format")
        self.pattern = self.pattern or schema.get("pattern")
        for key, attribute, pick in (("minLength", "min_length", max), ("maxLength", "max_length", min),
                                     ("minimum", "minimum", max), ("maximum", "maximum", min),
                                     ("exclusiveMinimum", "exclusive_minimum", max),
                                     ("exclusiveMaximum", "exclusive_maximum", min),
                                     ("minItems", "min_items", max), ("maxItems", "max_items", min)):
            value = schema.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                current = getattr(self, attribute)
                setattr(self, attribute, value if current is None else pick(current, value))
        if isinstance(schema.get("multipleOf"), (int, float)):
            self.multiple_of = schema["multipleOf"]
        self.unique_items = self.unique_items or schema.get("uniqueItems") is True


def _nests(schema):
    """Whether a branch may hold further values (a reference, an object, an array)."""
    if not isinstance(schema, dict):
        return True
    return any(key in schema for key in ("$ref", "properties", "items", "allOf", "oneOf", "anyOf", "additionalProperties"))


def _is_null(schema):
    return isinstance(schema, dict) and schema.get("type") == "null" and "$ref" not in schema


def _json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _ceil(value, strict=False):
    if value is None:
        return INT64[0]
    whole = int(value) if value == int(value) else int(value) + (1 if value > 0 else 0)
    return whole + 1 if strict and whole == value else whole


def _floor(value, strict=False):
    if value is None:
        return INT64[1]
    whole = int(value) if value == int(value) else int(value) - (1 if value < 0 else 0)
    return whole - 1 if strict and whole == value else whole


def _escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")


# MARK: - Formats

def date_time(rng):
    """RFC 3339 with 0, 3, 6 or 9 fractional digits and a `Z` or numeric offset, between 1900
    and 2100 (where a `Date`'s `Double` still holds microseconds)."""
    year = rng.randint(1900, 2100)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    text = f"{year:04d}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    digits = rng.choice([0, 3, 6, 9])
    if digits:
        text += "." + "".join(rng.choice(string.digits) for _ in range(digits))
    offset = rng.choice(["Z", "Z", "+00:00", "+05:30", "-08:00", "+14:00"])
    return text + offset


def date(rng):
    return f"{rng.randint(1900, 2100):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def a_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def byte(rng):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 9)))).decode()


FORMATS = {
    "date-time": date_time,
    "date": date,
    "uuid": a_uuid,
    "byte": byte,
    "email": lambda rng: f"user{rng.randint(0, 999)}@example.com",
    "uri": lambda rng: f"https://example.com/items/{rng.randint(0, 999)}?q=a%20b",
    "url": lambda rng: f"https://example.com/items/{rng.randint(0, 999)}",
    "hostname": lambda rng: f"host{rng.randint(0, 99)}.example.com",
    "ipv4": lambda rng: f"192.0.2.{rng.randint(0, 255)}",
    "ipv6": lambda rng: f"2001:db8::{rng.randint(0, 65535):x}",
    "time": lambda rng: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z",
}


def _from_pattern(pattern, rng, min_length):
    """A string matching a regular expression (Python's syntax, close to ECMA 262's for the
    patterns specs use), made from its parse tree."""
    try:
        tree = sre_parse.parse(pattern)
    except Exception as error:  # an ECMA-only construct
        raise GiveUp(f"pattern: {error}")
    text = _emit(tree, rng, 0)
    if not re.search(pattern, text):
        raise GiveUp("pattern")
    return text


def _emit(tree, rng, depth):
    if depth > 20:
        raise GiveUp("pattern too deep")
    out = []
    for op, argument in tree:
        if op == sre_constants.LITERAL:
            out.append(chr(argument))
        elif op == sre_constants.NOT_LITERAL:
            out.append("a" if argument != ord("a") else "b")
        elif op == sre_constants.ANY:
            out.append(rng.choice(string.ascii_letters))
        elif op == sre_constants.IN:
            out.append(_emit_class(argument, rng))
        elif op == sre_constants.BRANCH:
            out.append(_emit(rng.choice(argument[1]), rng, depth + 1))
        elif op == sre_constants.SUBPATTERN:
            out.append(_emit(argument[-1], rng, depth + 1))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, inner = argument
            count = rng.randint(low, min(high, low + 3))
            out.extend(_emit(inner, rng, depth + 1) for _ in range(count))
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        elif op == sre_constants.CATEGORY:
            out.append(_category(argument))
        else:
            raise GiveUp(f"pattern construct {op}")
    return "".join(out)


def _emit_class(items, rng):
    negated = any(op == sre_constants.NEGATE for op, _ in items)
    if negated:
        excluded = set()
        for op, argument in items:
            if op == sre_constants.LITERAL:
                excluded.add(chr(argument))
        for candidate in "aZ0_-":
            if candidate not in excluded:
                return candidate
        raise GiveUp("negated class")
    op, argument = rng.choice([item for item in items if item[0] != sre_constants.NEGATE])
    if op == sre_constants.LITERAL:
        return chr(argument)
    if op == sre_constants.RANGE:
        return chr(rng.randint(argument[0], argument[1]))
    if op == sre_constants.CATEGORY:
        return _category(argument)
    raise GiveUp(f"class construct {op}")


def _category(category):
    return {
        sre_constants.CATEGORY_DIGIT: "7",
        sre_constants.CATEGORY_NOT_DIGIT: "x",
        sre_constants.CATEGORY_SPACE: " ",
        sre_constants.CATEGORY_NOT_SPACE: "x",
        sre_constants.CATEGORY_WORD: "w",
        sre_constants.CATEGORY_NOT_WORD: "-",
    }.get(category, "x")
