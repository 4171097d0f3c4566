"""An OpenAPI document as JSON Schema: loading (YAML 1.2 scalars, files beside the spec), the
OpenAPI 3.0 schema dialect translated for a 2020-12 validator, and the schemas to test.

The validator gets the documents translated, never the spec as written:
- 3.0 `nullable: true` → `anyOf: [{type: 'null'}, <the schema without it>]` (a `nullable` enum
  thereby admits null too, as 3.0.3 says it should);
- 3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` → the 2020-12 number form;
- 3.0 `$ref` siblings are dropped (3.0 ignores them);
- a `oneOf` with a `discriminator` → `anyOf`: OpenAPI lets the discriminator pick the branch, so
  a value that several branches accept is still valid (JSON Schema's `oneOf` would refuse it).
"""
import copy
import json
import pathlib
import re
import urllib.parse

import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012


class _Loader(yaml.SafeLoader):
    """YAML 1.2 core scalars, as the generator reads them: `yes`/`on` stay strings and dates
    stay strings (PyYAML's YAML 1.1 resolvers would make them booleans and `date`s)."""


_REPLACED = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                              list("-+0123456789"))
# `1e-08` is a float in YAML 1.2 (PyYAML's 1.1 rule wants a dot and reads it as a string).
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def _int(loader, node):
    text = loader.construct_scalar(node)
    return int(text[2:], 8) if text.startswith("0o") else int(text, 16) if text.startswith("0x") else int(text)


_Loader.add_constructor("tag:yaml.org,2002:int", _int)


def load_file(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".json"):
        return json.loads(text)
    return _stringify_keys(yaml.load(text, Loader=_Loader))


def _stringify_keys(node):
    """Mapping keys as JSON has them (`200:` is the key "200")."""
    if isinstance(node, dict):
        return {_key(k): _stringify_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_stringify_keys(v) for v in node]
    return node


def _key(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    return key if isinstance(key, str) else str(key)


def translate(node, is30):
    """The node with OpenAPI's schema dialect written as JSON Schema 2020-12 (see the module doc)."""
    if isinstance(node, list):
        return [translate(v, is30) for v in node]
    if not isinstance(node, dict):
        return node
    if is30 and "$ref" in node and isinstance(node["$ref"], str):
        return {"$ref": node["$ref"]}
    result = {k: translate(v, is30) for k, v in node.items()}
    if is30:
        for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if isinstance(result.get(bound), bool):
                flag = result.pop(bound)
                if flag and limit in result:
                    result[bound] = result.pop(limit)
    if isinstance(result.get("discriminator"), dict) and isinstance(result.get("oneOf"), list):
        result["anyOf"] = result.pop("oneOf")
    if is30 and result.get("nullable") is True:
        del result["nullable"]
        if "enum" in result and None not in result["enum"]:
            result["enum"] = result["enum"] + [None]
        return {"anyOf": [{"type": "null"}, result]}
    return result


class Spec:
    """A spec and the files it refers to, as translated JSON Schema resources."""

    def __init__(self, path):
        self.path = pathlib.Path(path).resolve()
        self.folder = self.path.parent
        self.document = load_file(self.path)
        version = str(self.document.get("openapi", ""))
        self.is30 = version.startswith("3.0")
        self.uri = self.path.as_uri()
        # OpenAPI 3.2's `$self`: references relative to it are files beside the spec.
        self_uri = self.document.get("$self")
        self.self_base = urllib.parse.urljoin(self_uri, ".") if isinstance(self_uri, str) else None
        self.registry = Registry(retrieve=self._retrieve).with_resource(self.uri, self._resource(self.document))
        if self_uri:
            self.registry = self.registry.with_resource(self_uri, self._resource(self.document))

    def _resource(self, contents):
        return Resource.from_contents(translate(contents, self.is30), default_specification=DRAFT202012)

    def _retrieve(self, uri):
        if self.self_base and uri.startswith(self.self_base):
            uri = urllib.parse.urljoin(self.folder.as_uri() + "/", uri[len(self.self_base):])
        path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(uri).path)).resolve()
        if self.folder not in path.parents:
            raise ValueError(f"reference outside the spec's folder: {uri}")
        return self._resource(load_file(path))

    def base_uri(self):
        """The root document's URI: `$self` when it has one, else its file."""
        self_uri = self.document.get("$self")
        return self_uri if isinstance(self_uri, str) else self.uri

    def lookup(self, uri):
        """The translated node at an absolute URI (a file or `$self` URI and a JSON pointer)."""
        return self.registry.resolver().lookup(uri).contents

    def targets(self):
        """Every component schema and inline JSON body schema, as `Target`s."""
        base = self.base_uri()
        found = []
        for name in (self.document.get("components") or {}).get("schemas") or {}:
            found.append(Target(f"{base}#/components/schemas/{escape(name)}", "component", name))
        for template, item in (self.document.get("paths") or {}).items():
            item, item_uri = self._follow(item, f"{base}#/paths/{escape(template)}")
            if not isinstance(item, dict):
                continue
            for method, operation in item.items():
                if method not in HTTP_METHODS:
                    continue
                operation, op_uri = self._follow(operation, f"{item_uri}/{method}")
                if not isinstance(operation, dict):
                    continue
                body, body_uri = self._follow(operation.get("requestBody"), f"{op_uri}/requestBody")
                for uri in _json_schemas(body, body_uri):
                    found.append(Target(uri, "request", (method.upper(), template, None)))
                for status, response in (operation.get("responses") or {}).items():
                    response, response_uri = self._follow(response, f"{op_uri}/responses/{escape(status)}")
                    for uri in _json_schemas(response, response_uri):
                        found.append(Target(uri, "response", (method.upper(), template, str(status))))
        return found

    def _follow(self, node, uri):
        """The node a `$ref` leads to and its URI, or the node and `uri`."""
        for _ in range(16):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            uri = urllib.parse.urljoin(uri, node["$ref"])
            if "#" not in uri:
                uri += "#"  # a whole file: pointers into it are appended
            node = self.lookup(uri)
        return node, uri

    def display(self, uri):
        """A URI as a person reads it: the pointer alone in the root document, else file#pointer."""
        for base in (self.base_uri(), self.uri):
            if uri.startswith(base + "#"):
                return uri[len(base):]
        if uri.startswith(self.folder.as_uri() + "/"):
            return urllib.parse.unquote(uri[len(self.folder.as_uri()) + 1:])
        return uri


class Target:
    """A schema to test: its absolute URI, and where the Swift type comes from (`component`
    with the component's name, or `request`/`response` with method, path and status)."""

    def __init__(self, uri, kind, detail):
        self.uri, self.kind, self.detail = uri, kind, detail


HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"}


def _json_schemas(holder, uri):
    """The URI of the schema of a request body's or response's first JSON media type, when it is
    written inline (a `$ref` to a component is tested as the component)."""
    if not isinstance(holder, dict):
        return []
    for media, content in (holder.get("content") or {}).items():
        mime = media.split(";")[0].strip().lower()
        if not (mime == "application/json" or mime.endswith("+json")) or not isinstance(content, dict):
            continue
        schema = content.get("schema")
        if not isinstance(schema, dict) or "$ref" in schema:
            return []
        return [f"{uri}/content/{escape(media)}/schema"]
    return []


def escape(token):
    return str(token).replace("~", "~0").replace("/", "~1")
