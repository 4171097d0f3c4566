#!/usr/bin/env python3
"""Contract-test server: validates every request against an OpenAPI spec with openapi-core.

    python3 Scripts/contract/server.py SPEC --port-file PATH [--port N]

Listens on 127.0.0.1 only (port 0 = any free port), writes the port number to PATH once it is
listening, and serves until SIGTERM/SIGINT or `POST /__contract/shutdown`.

  GET  /__contract/samples   {"METHOD /template": {path, query, header, cookie, [body,
                             bodyContentType], security}} for every operation under `paths`
  GET  /__contract/info      {"serverURL": the URL the client should use}
  GET  /__contract/results   {"METHOD /template": {"requests": N, "errors": [...]},
                              "unmatched": {...}}
  POST /__contract/shutdown
  anything else              validated with openapi-core (parameters, body, security) and
                             answered with the operation's first documented 2XX response and
                             a synthesized body, which is itself validated (errors recorded
                             as "server: ..."). A request that fails validation still gets the
                             success response, so the client keeps going; the error is recorded.

Server URL: the spec's servers point elsewhere (https://{space}.signalwire.com/...). The
validator gets a copy of the spec whose `servers` (document, path and operation level) are all
replaced by  http://127.0.0.1:PORT + <path of the spec's first server URL, variables
substituted with their defaults>, e.g. http://127.0.0.1:PORT/api/relay/rest. A client built
with that same URL (`serverURL` below, also printed at start-up) appends the operation paths to
it, so the client and the validator agree on every request URL.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import signal
import sys
import threading
import traceback
import urllib.parse
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.unmarshalling.schemas import (
    oas30_format_unmarshallers,
    oas31_format_unmarshallers,
)
from openapi_core.validation.response.validators import (
    V30ResponseHeadersValidator,
    V31ResponseHeadersValidator,
)
from openapi_schema_validator import OAS30Validator, OAS31Validator
from werkzeug.datastructures import Headers, ImmutableMultiDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import samples as S  # noqa: E402


# --------------------------------------------------------------------------------------------
# Spec preparation


def server_base_path(spec: dict) -> str:
    """Path part of the first server URL, with variables replaced by their defaults."""
    servers = spec.get("servers") or []
    if not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    for name, var in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str((var or {}).get("default", "")))
    path = urllib.parse.urlsplit(url).path if "://" in url else url.split("?")[0]
    return path.rstrip("/")


def prepare_spec(spec: dict, port: int) -> tuple[dict, str, dict[str, str]]:
    """The copy of the spec given to openapi-core, the server URL the client must use, and
    {template in the copy: template in the spec} for the templates that were renamed."""
    spec = copy.deepcopy(spec)
    # Some specs put a query or a fragment into a path key (Azure's
    # `/key?api-version=2021-05-01`, Mistral's `/v1/conversations#stream`); no request path can
    # match those, so the copy uses the path without it when that key is free.
    renamed: dict[str, str] = {}
    paths = spec.get("paths") or {}
    for template in list(paths):
        bare = re.split(r"[?#]", template, maxsplit=1)[0]
        if bare != template and bare not in paths:
            paths = {(bare if k == template else k): v for k, v in paths.items()}
            renamed[bare] = template
    if "paths" in spec:
        spec["paths"] = paths
    server_url = f"http://127.0.0.1:{port}{server_base_path(spec)}"
    local = [{"url": server_url}]
    spec["servers"] = local
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        if "servers" in item:
            item["servers"] = local
        for method in S.HTTP_METHODS:
            if isinstance(item.get(method), dict) and "servers" in item[method]:
                item[method]["servers"] = local
    # openapi-core 0.23.1 reads a query parameter as a list only when its schema says
    # `type: array`; Mistral's `anyOf: [{type: array, ...}, {type: 'null'}]` gets the single
    # string and fails. A parameter value is never JSON null, so in this copy such
    # "X or null" parameter schemas become X.
    def unwrap_nullable(param: Any) -> None:
        if not isinstance(param, dict) or not isinstance(param.get("schema"), dict):
            return
        schema = param["schema"]
        for kind in ("anyOf", "oneOf"):
            branches = schema.get(kind)
            if not isinstance(branches, list) or len(schema) > 4:
                continue
            rest = [b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")]
            if len(rest) == 1 and len(branches) == 2 and isinstance(rest[0], dict) \
                    and set(schema) - {kind, "title", "description", "default"} == set():
                param["schema"] = rest[0]

    for item in paths.values():
        if isinstance(item, dict):
            for p in item.get("parameters") or []:
                unwrap_nullable(p)
            for method in S.HTTP_METHODS:
                for p in (item.get(method) or {}).get("parameters") or [] \
                        if isinstance(item.get(method), dict) else []:
                    unwrap_nullable(p)
    for p in ((spec.get("components") or {}).get("parameters") or {}).values():
        unwrap_nullable(p)
    # openapi-core 0.23.1 deserializes only `application/json` as JSON; a structured-syntax
    # `+json` type (RFC 6839, e.g. application/merge-patch+json) reaches the schema as raw
    # bytes. In this copy such media types are renamed to application/json, and requests and
    # responses carrying them are presented to the validator as application/json.
    def json_media(content: Any) -> None:
        if not isinstance(content, dict):
            return
        for media in list(content):
            if is_plus_json(media) and "application/json" not in content:
                content["application/json"] = content.pop(media)

    for item in paths.values():
        if not isinstance(item, dict):
            continue
        for method in S.HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            if isinstance(operation.get("requestBody"), dict):
                json_media(operation["requestBody"].get("content"))
            for response in (operation.get("responses") or {}).values():
                if isinstance(response, dict):
                    json_media(response.get("content"))
    # openapi-core 0.23.1 reads `label` and `matrix` path parameters under keys its path
    # matcher never fills (`.id`, `;id`), so it reports them missing however they are sent.
    # In this copy they become `simple`, and `unstyle_path` turns the received label/matrix
    # text into the simple form first, refusing text without the style's prefix (RFC 6570).
    def simplify_path_styles(item: Any) -> None:
        if not isinstance(item, dict):
            return
        operations = [item.get(m) for m in S.HTTP_METHODS if isinstance(item.get(m), dict)]
        for param in list(item.get("parameters") or []) + [p for o in operations for p in o.get("parameters") or []]:
            if isinstance(param, dict) and param.get("in") == "path" and param.get("style") in ("label", "matrix"):
                param["style"] = "simple"

    for item in paths.values():
        simplify_path_styles(item)
    # A request body's `format: binary` string arrives at the validator as bytes, and
    # openapi-core 0.23.1 then fails `type: string` ("b'...' is not of type 'string'").
    # OpenAPI 3.1 describes raw bytes without a `type`; in this copy binary strings lose theirs.
    def untype_binary(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("format") == "binary" and node.get("type") == "string":
                del node["type"]
            for value in node.values():
                untype_binary(value)
        elif isinstance(node, list):
            for value in node:
                untype_binary(value)

    untype_binary(paths)
    untype_binary((spec.get("components") or {}).get("schemas"))
    # openapi-core 0.23.1 compares the request's (lowercased) auth type with the `scheme` of an
    # http security scheme exactly as written, so `scheme: Basic` (SignalWire's spelling) would
    # reject every request with "Security not found". RFC 7235 makes auth scheme names
    # case-insensitive, so lowercase them in this in-memory copy only.
    for scheme in ((spec.get("components") or {}).get("securitySchemes") or {}).values():
        if isinstance(scheme, dict) and scheme.get("type") == "http" and \
                isinstance(scheme.get("scheme"), str):
            scheme["scheme"] = scheme["scheme"].lower()
    return spec, server_url, renamed


def unstyle(raw: str, name: str, style: str, explode: bool, kind: Optional[str]) -> str:
    """`label` (`.a`, `.a,b`, `.a.b`) or `matrix` (`;n=a`, `;n=a,b`, `;n=a;n=b`) text as
    `simple` (`a`, `a,b`); objects' `k=v` pairs keep their form. Raises ValueError for text
    that is not in the style."""
    bad = ValueError(f"path parameter '{name}' is not in the {style} style{' (exploded)' if explode else ''}: {raw!r}")
    if style == "label":
        if not raw.startswith("."):
            raise bad
        rest = raw[1:]
        return rest.replace(".", ",") if explode and kind in ("array", "object") else rest
    if not raw.startswith(";"):
        raise bad
    if explode and kind == "array":
        prefix = f"{name}="
        items = raw[1:].split(";")
        if not all(i.startswith(prefix) for i in items):
            raise bad
        return ",".join(i[len(prefix):] for i in items)
    if explode and kind == "object":
        return raw[1:].replace(";", ",")
    prefix = f";{name}="
    if not raw.startswith(prefix):
        raise bad
    return raw[len(prefix):]


def is_plus_json(media: str) -> bool:
    base = media.split(";")[0].strip().lower()
    return base.startswith("application/") and base.endswith("+json")


def validator_media(media: str) -> str:
    """The media type as the validator's copy of the spec names it (see `json_media`)."""
    return "application/json" if is_plus_json(media) else media


# --------------------------------------------------------------------------------------------
# openapi-core request / response adapters


class ContractRequest:
    """openapi_core.protocols.Request for one received HTTP request."""

    def __init__(self, host_url: str, method: str, raw_path: str, query: str,
                 headers: Headers, body: bytes):
        self.host_url = host_url
        self.method = method.lower()
        self.path = raw_path
        self.body = body if body else None
        self.content_type = validator_media(headers.get("Content-Type") or "application/octet-stream")
        cookies = SimpleCookie()
        for c in headers.getlist("Cookie"):
            try:
                cookies.load(c)
            except Exception:  # noqa: BLE001
                pass
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(urllib.parse.parse_qsl(query, keep_blank_values=True)),
            header=headers,  # a werkzeug Headers object: the security check needs it
            cookie=ImmutableMultiDict({k: m.value for k, m in cookies.items()}),
        )


class ContractResponse:
    """openapi_core.protocols.Response for a response this server is about to send."""

    def __init__(self, status: int, content_type: str, headers: Headers, data: bytes):
        self.status_code = status
        self.content_type = validator_media(content_type)
        self.headers = headers
        self.data = data


def describe(err: BaseException) -> str:
    """A one-line account of an openapi-core error, with the schema errors behind it."""
    parts = [f"{type(err).__name__}: {err}"]
    seen = set()
    e: Optional[BaseException] = err
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if e is not err:
            parts.append(f"{type(e).__name__}: {e}")
        for se in list(getattr(e, "schema_errors", None) or [])[:5]:
            where = "/".join(str(p) for p in getattr(se, "absolute_path", [])) or "<root>"
            parts.append(f"at {where}: {getattr(se, 'message', se)}")
        e = e.__cause__
    text = " | ".join(dict.fromkeys(parts))
    return text[:2000]


# --------------------------------------------------------------------------------------------
# Server state


class Contract:
    def __init__(self, spec_path: str, port: int):
        self.doc = S.Document(spec_path)
        self.port = port
        spec, self.server_url, self.renamed = prepare_spec(self.doc.root, port)
        self.host_url = f"http://127.0.0.1:{port}"
        # The corpus specs are checked elsewhere; skipping openapi-spec-validator keeps start-up
        # fast on the 1 MB specs.
        # Unknown formats (Discord's `snowflake`, ...) are accepted as their base type:
        # openapi-core 0.23.1 raises FormatterNotFoundError for a format it has neither a
        # validator nor an unmarshaller for (see its FIXME for openapi-core issue #515),
        # while JSON Schema says unknown formats are annotations only.
        unknown = {f: _accept for f in unknown_formats(spec, self.doc.is31)}
        self.openapi = OpenAPI.from_dict(
            spec, base_uri=self.doc.uri,
            config=Config(spec_validator_cls=None, extra_format_validators=unknown,
                          extra_format_unmarshallers={f: _identity for f in unknown}))
        headers_cls = V31ResponseHeadersValidator if self.doc.is31 else V30ResponseHeadersValidator
        self.headers_validator = headers_cls(self.openapi.spec, extra_format_validators=unknown)
        self.unknown_formats = sorted(unknown)
        self.finder = APICallPathFinder(self.openapi.spec, base_url=None)
        self.operations = {S.operation_key(m, p): (uri, op)
                           for m, p, uri, item, op in S.iter_operations(self.doc)}
        self.lock = threading.Lock()  # guards results and the (non thread-safe) caches
        self.validate_lock = threading.Lock()
        self.results: dict[str, dict] = {}
        self._samples: Optional[dict] = None
        self._responses: dict[str, dict] = {}

    def samples(self) -> dict:
        with self.validate_lock:
            if self._samples is None:
                self._samples, problems = S.build_samples(self.doc)
                for key, probs in problems.items():
                    print(f"contract: no valid sample for {key}: {probs[0]}", file=sys.stderr)
            return self._samples

    def response_for(self, key: str) -> dict:
        # called with validate_lock held
        if key not in self._responses:
            uri, op = self.operations[key]
            self._responses[key] = S.build_response(self.doc, uri, op)
        return self._responses[key]

    def record(self, key: str, errors: list[str]) -> None:
        with self.lock:
            entry = self.results.setdefault(key, {"requests": 0, "errors": []})
            entry["requests"] += 1
            entry["errors"].extend(errors)

    def snapshot(self) -> dict:
        with self.lock:
            return json.loads(json.dumps(self.results))

    def unstyle_path(self, key: str, pattern: str, variables: dict, errors: list) -> Optional[str]:
        """The request path with `label`/`matrix` path parameters in `simple` form, or None
        when the operation has none. Text not in the style is kept and reported in `errors`."""
        uri, op = self.operations[key]
        _, item = self.doc.deref(self.doc.uri, (self.doc.root.get("paths") or {}).get(
            key.split(" ", 1)[1]) or {})
        styled = {}
        for _, param in S.operation_parameters(self.doc, uri, item if isinstance(item, dict) else {}, op):
            if param.get("in") == "path" and param.get("style") in ("label", "matrix"):
                schema = self.doc.deref(uri, param.get("schema") or {})[1]
                kind = schema.get("type") if isinstance(schema, dict) else None
                styled[param["name"]] = (param["style"], bool(param.get("explode", False)), kind)
        if not styled:
            return None
        path = pattern
        for name, raw in variables.items():
            value = raw
            if name in styled:
                style, explode, kind = styled[name]
                try:
                    value = unstyle(raw, name, style, explode, kind)
                except ValueError as e:
                    errors.append(str(e))
            path = path.replace("{" + name + "}", value)
        return path

    # ------------------------------------------------------------------------------------------
    def handle(self, method: str, raw_path: str, query: str, headers: Headers,
               body: bytes) -> tuple[int, Headers, bytes]:
        request = ContractRequest(self.host_url, method, raw_path, query, headers, body)
        with self.validate_lock:
            try:
                found = self.finder.find(request.method, self.host_url + raw_path)
            except Exception as e:  # PathNotFound, OperationNotFound, ServerNotFound
                self.record("unmatched", [f"{method} {raw_path}: {describe(e)}"])
                return 404, Headers([("Content-Type", "application/json")]), \
                    json.dumps({"error": "no operation matches this request"}).encode()
            pattern = found.path_result.pattern
            key = S.operation_key(method, self.renamed.get(pattern, pattern))
            errors: list[str] = []
            if key in self.operations:
                simple_path = self.unstyle_path(key, pattern, found.path_result.variables or {}, errors)
                if simple_path is not None:
                    # The pattern is relative to the server URL's path; keep that prefix.
                    original = pattern
                    for name, raw in (found.path_result.variables or {}).items():
                        original = original.replace("{" + name + "}", raw)
                    simple_path = raw_path[:len(raw_path) - len(original)] + simple_path
                if simple_path is not None:
                    request = ContractRequest(self.host_url, method, simple_path, query, headers, body)
            try:
                result = self.openapi.unmarshal_request(request)
                errors += [describe(e) for e in result.errors]
            except Exception as e:  # noqa: BLE001
                errors.append(f"openapi-core crashed validating the request: {describe(e)}")
            if key not in self.operations:
                # the finder matched a template spelled differently (should not happen)
                self.record("unmatched", [f"{method} {raw_path}: matched unknown {key}"] + errors)
                return 404, Headers(), b""
            try:
                status, out_headers, data = self.respond(key, request, errors)
            except Exception as e:  # noqa: BLE001
                errors.append(f"server: building the response crashed: {describe(e)}")
                traceback.print_exc()
                status, out_headers, data = 500, Headers(), b""
        self.record(key, errors)
        return status, out_headers, data

    def respond(self, key: str, request: ContractRequest,
                errors: list[str]) -> tuple[int, Headers, bytes]:
        r = self.response_for(key)
        errors += [f"server: response sample: {p}" for p in r["problems"]]
        headers = Headers()
        for name, value in r["headers"].items():
            headers.add(name, serialize_header(value))
        status = r["status"]
        media = r["mediaType"]
        data = b""
        content_type = ""
        if media is not None and status not in (204, 304):
            content_type = media if not media.endswith("/*") and "*" not in media else "application/octet-stream"
            body = r["body"]
            if S.is_json_media(media) or not isinstance(body, (str, bytes)):
                data = json.dumps(body).encode()
            else:
                data = body.encode() if isinstance(body, str) else body
            headers.add("Content-Type", content_type)
        response = ContractResponse(status, content_type.lower(), headers, data)
        uri, op = self.operations[key]
        if not op.get("responses"):
            return status, headers, data  # nothing documented to check against
        try:
            if media is None or body_checkable(media):
                result_errors = self.openapi.unmarshal_response(request, response).errors
            else:
                result_errors = list(self.headers_validator.iter_errors(request, response))
            errors += [f"server: {describe(e)}" for e in result_errors]
        except Exception as e:  # noqa: BLE001
            errors.append(f"server: response validation crashed: {describe(e)}")
        return status, headers, data


def _accept(value: Any) -> bool:
    return True


def _identity(value: Any) -> Any:
    return value


def unknown_formats(spec: Any, is31: bool) -> set[str]:
    """`format` values in the spec that openapi-core has no validator or unmarshaller for."""
    checker = (OAS31Validator if is31 else OAS30Validator).FORMAT_CHECKER
    known = set(checker.checkers) | set(
        oas31_format_unmarshallers if is31 else oas30_format_unmarshallers)
    found: set[str] = set()
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str) and node["format"] not in known:
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


# Media types openapi-core 0.23.1 can deserialize; any other body (image/png, audio/wav,
# application/octet-stream, text/event-stream) reaches its 3.1 schema check as `bytes` and fails
# `type: string`, so such responses get their status and headers validated only.
def body_checkable(media: str) -> bool:
    base = media.split(";")[0].strip().lower()
    return S.is_json_media(base) or base in (
        "text/plain", "text/html", "application/xml", "application/xhtml+xml",
        "application/x-www-form-urlencoded", "multipart/form-data")


def serialize_header(value: Any) -> str:
    """`simple` style (the default for headers)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(serialize_header(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k},{serialize_header(v)}" for k, v in value.items())
    return str(value)


# --------------------------------------------------------------------------------------------
# HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "contract-server"
    contract: Contract  # set on the class by main()

    def log_message(self, fmt: str, *args: Any) -> None:
        if os.environ.get("CONTRACT_VERBOSE"):
            super().log_message(fmt, *args)

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                line = self.rfile.readline().strip().split(b";")[0]
                size = int(line or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass  # trailers
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status: int, headers: Headers, data: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status not in (204, 304) and not (100 <= status < 200):
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and status not in (204, 304):
            self.wfile.write(data)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, Headers([("Content-Type", "application/json")]),
                   json.dumps(value, indent=1).encode())

    def _dispatch(self) -> None:
        body = self._read_body()
        raw_path, _, query = self.path.partition("?")
        if raw_path.startswith("http://") or raw_path.startswith("https://"):
            raw_path = urllib.parse.urlsplit(raw_path).path  # absolute-form request target
        c = self.contract
        if raw_path.startswith("/__contract/"):
            name = raw_path[len("/__contract/"):]
            if name == "samples" and self.command == "GET":
                return self._json(200, c.samples())
            if name == "info" and self.command == "GET":
                return self._json(200, {"serverURL": c.server_url})
            if name == "results" and self.command == "GET":
                return self._json(200, c.snapshot())
            if name == "shutdown" and self.command == "POST":
                self._json(200, {"ok": True})
                threading.Thread(target=self.server.shutdown, daemon=True).start()
                return
            return self._json(404, {"error": "unknown contract endpoint"})
        headers = Headers()
        for name, value in self.headers.items():
            headers.add(name, value)
        status, out_headers, data = c.handle(self.command, raw_path, query, headers, body)
        self._send(status, out_headers, data)

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_TRACE = _dispatch


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("spec")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)

    httpd = Server(("127.0.0.1", args.port), Handler)
    port = httpd.server_address[1]
    Handler.contract = Contract(args.spec, port)

    def stop(signum, frame):  # noqa: ARG001
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{port}\n")
    os.replace(tmp, args.port_file)  # readers never see a half-written file
    print(f"contract: serving {args.spec} on 127.0.0.1:{port}; "
          f"serverURL {Handler.contract.server_url}", file=sys.stderr, flush=True)
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
