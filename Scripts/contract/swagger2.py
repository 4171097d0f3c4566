"""Swagger 2.0 → OpenAPI 3.0.3, for the contract harness: openapi-core validates 3.x only.

Written from the two specifications, independently of the generator's Swift reader, so that a
request the generated client builds from its reading of a 2.0 document is checked against a
second reading of it. Only `$ref`s inside the document are supported (`#/definitions/…`,
`#/parameters/…`, `#/responses/…`); parameter and response references are inlined, schema
references renamed to `#/components/schemas/…`.
"""
import copy
from typing import Any

# collectionFormat → (style, explode), by parameter location. 2.0's default is csv.
_QUERY_STYLES = {
    "csv": ("form", False), "multi": ("form", True), "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
}
_OAUTH_FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode"}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_NOT_SCHEMA = ("name", "in", "required", "collectionFormat", "allowEmptyValue", "description")


def _local(doc: dict, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $refs are supported in Swagger 2.0 documents: {ref}")
    node = doc
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def _follow(doc: dict, node: Any) -> Any:
    for _ in range(16):
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            node = _local(doc, node["$ref"])
        else:
            break
    return node


def schema(node: Any) -> Any:
    """A 2.0 schema in 3.0's dialect: x-nullable, type: file, a discriminator name, $refs."""
    if isinstance(node, list):
        return [schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str) and value.startswith("#/definitions/"):
            out[key] = "#/components/schemas/" + value[len("#/definitions/"):]
        elif key in ("x-nullable", "x-isnullable"):
            out["nullable"] = bool(value)
        elif key == "type" and value == "file":
            out["type"], out["format"] = "string", "binary"
        elif key == "discriminator" and isinstance(value, str):
            out[key] = {"propertyName": value}
        elif key in ("properties", "definitions"):
            out[key] = {name: schema(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "allOf", "not"):
            out[key] = schema(value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _inline_schema(param: dict) -> dict:
    """A non-body parameter's (or a header's, an items object's) own type keywords as a schema."""
    return schema({k: v for k, v in param.items() if k not in _NOT_SCHEMA})


def _parameter(param: dict) -> dict:
    out = {"name": param["name"], "in": param["in"], "required": bool(param.get("required", param["in"] == "path")),
           "schema": _inline_schema(param)}
    if "description" in param:
        out["description"] = param["description"]
    if param.get("type") == "array":
        fmt = param.get("collectionFormat", "csv")
        if param["in"] == "query":
            out["style"], out["explode"] = _QUERY_STYLES.get(fmt, ("form", False))
        else:
            out["style"], out["explode"] = "simple", False
    return out


def _request_body(params: list, consumes: list) -> Any:
    body = next((p for p in params if p["in"] == "body"), None)
    if body is not None:
        types = consumes or ["application/json"]
        return {"required": bool(body.get("required", False)),
                "content": {t: {"schema": schema(body.get("schema", {}))} for t in types}}
    fields = [p for p in params if p["in"] == "formData"]
    if not fields:
        return None
    has_file = any(p.get("type") == "file" for p in fields)
    form_types = [t for t in consumes if t in ("multipart/form-data", "application/x-www-form-urlencoded")]
    media = "multipart/form-data" if has_file else (form_types[0] if form_types else "application/x-www-form-urlencoded")
    properties = {p["name"]: _inline_schema(p) for p in fields}
    required = [p["name"] for p in fields if p.get("required")]
    form = {"type": "object", "properties": properties}
    if required:
        form["required"] = required
    return {"required": bool(required), "content": {media: {"schema": form}}}


def _response(doc: dict, response: Any, produces: list) -> dict:
    response = _follow(doc, response)
    out = {"description": response.get("description", "")}
    if "schema" in response:
        is_file = isinstance(response["schema"], dict) and response["schema"].get("type") == "file"
        types = produces or (["application/octet-stream"] if is_file else ["application/json"])
        out["content"] = {t: {"schema": schema(response["schema"])} for t in types}
    if response.get("headers"):
        out["headers"] = {name: {"schema": _inline_schema(_follow(doc, h))} for name, h in response["headers"].items()}
    return out


def _security_scheme(scheme: dict) -> dict:
    kind = scheme.get("type")
    if kind == "basic":
        out = {"type": "http", "scheme": "basic"}
    elif kind == "apiKey":
        out = {"type": "apiKey", "in": scheme["in"], "name": scheme["name"]}
    else:
        flow = {k: v for k, v in (("authorizationUrl", scheme.get("authorizationUrl")),
                                   ("tokenUrl", scheme.get("tokenUrl"))) if v}
        flow["scopes"] = scheme.get("scopes") or {}
        out = {"type": "oauth2", "flows": {_OAUTH_FLOWS[scheme["flow"]]: flow}}
    if "description" in scheme:
        out["description"] = scheme["description"]
    return out


def _servers(doc: dict) -> list:
    base = doc.get("basePath", "/")
    if "host" not in doc:
        return [{"url": base}]
    path = "" if base == "/" else base
    return [{"url": f"{scheme}://{doc['host']}{path}"} for scheme in doc.get("schemes") or ["https"]]


def to_openapi3(doc: dict) -> dict:
    """The OpenAPI 3.0.3 reading of a Swagger 2.0 document."""
    out = {"openapi": "3.0.3", "info": copy.deepcopy(doc.get("info", {})), "servers": _servers(doc), "paths": {}}
    if "security" in doc:
        out["security"] = copy.deepcopy(doc["security"])
    components = {"schemas": {name: schema(s) for name, s in (doc.get("definitions") or {}).items()}}
    if doc.get("securityDefinitions"):
        components["securitySchemes"] = {n: _security_scheme(s) for n, s in doc["securityDefinitions"].items()}
    out["components"] = components
    for path, item in (doc.get("paths") or {}).items():
        if path.startswith("x-"):
            continue
        item = _follow(doc, item)
        shared = [_follow(doc, p) for p in item.get("parameters", [])]
        converted = {}
        for method in _METHODS:
            if method not in item:
                continue
            op = item[method]
            params = {(p["name"], p["in"]): p for p in shared}
            for p in op.get("parameters", []):
                p = _follow(doc, p)
                params[(p["name"], p["in"])] = p
            params = list(params.values())
            new = {k: copy.deepcopy(v) for k, v in op.items()
                   if k in ("operationId", "summary", "description", "tags", "deprecated", "security")}
            new["parameters"] = [_parameter(p) for p in params if p["in"] not in ("body", "formData")]
            body = _request_body(params, op.get("consumes", doc.get("consumes") or []))
            if body is not None:
                new["requestBody"] = body
            produces = op.get("produces", doc.get("produces") or [])
            new["responses"] = {str(code): _response(doc, r, produces)
                                for code, r in op.get("responses", {}).items() if not str(code).startswith("x-")}
            converted[method] = new
        out["paths"][path] = converted
    return out
