"""Tests for the contract-test server (run: python3 -m pytest Scripts/contract -q)."""

from __future__ import annotations

import base64
import glob
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import samples as S  # noqa: E402
from server import server_base_path  # noqa: E402

SEED = os.path.join(ROOT, "specs", "relay-rest.yaml")
CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "Corpus")
SIGNALWIRE = os.path.join(CORPUS, "signalwire-relay-rest.yaml")
ALL_CORPUS = sorted(glob.glob(os.path.join(CORPUS, "*.yaml")) + glob.glob(os.path.join(CORPUS, "*.json")))


# --------------------------------------------------------------------------------------------
# Server process


class Running:
    def __init__(self, spec: str, tmp_path):
        self.spec = spec
        self.doc = S.Document(spec)
        port_file = str(tmp_path / "port")
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py"), spec,
                                      "--port-file", port_file],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while not os.path.exists(port_file):
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.proc.stderr.read().decode())
            if time.time() > deadline:
                self.proc.kill()
                raise RuntimeError("server did not write its port file")
            time.sleep(0.05)
        self.port = int(open(port_file).read())
        self.base = f"http://127.0.0.1:{self.port}"
        self.server_url = self.base + server_base_path(self.doc.root)

    def get(self, path: str):
        with urllib.request.urlopen(self.base + path, timeout=60) as r:
            return json.loads(r.read())

    def stop(self):
        try:
            req = urllib.request.Request(self.base + "/__contract/shutdown", data=b"", method="POST")
            urllib.request.urlopen(req, timeout=10).read()
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001
            self.proc.terminate()
            self.proc.wait(timeout=10)
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()


@pytest.fixture
def serve(tmp_path):
    started = []

    def start(spec):
        r = Running(spec, tmp_path)
        started.append(r)
        return r

    yield start
    for r in started:
        r.stop()


# --------------------------------------------------------------------------------------------
# A tiny client: serializes a sample the way OpenAPI's default styles say


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return str(v)


def _simple(v) -> str:
    if isinstance(v, list):
        return ",".join(_scalar(x) for x in v)
    if isinstance(v, dict):
        return ",".join(f"{k},{_scalar(x)}" for k, x in v.items())
    return _scalar(v)


def _query_pairs(name, value, param) -> list[tuple[str, str]]:
    style = param.get("style", "form")
    explode = param.get("explode", style == "form")
    if "content" in param:
        return [(name, json.dumps(value))]
    if isinstance(value, list):
        if style == "form" and explode:
            return [(name, _scalar(x)) for x in value]
        sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
        return [(name, sep.join(_scalar(x) for x in value))]
    if isinstance(value, dict):
        if style == "deepObject":
            return [(f"{name}[{k}]", _scalar(x)) for k, x in value.items()]
        if explode:
            return [(k, _scalar(x)) for k, x in value.items()]
        return [(name, ",".join(f"{k},{_scalar(x)}" for k, x in value.items()))]
    return [(name, _scalar(value))]


def _auth_headers(doc: S.Document, security) -> tuple[dict, list]:
    # Basic credentials always (the seed spec has no security, only a required Authorization
    # header parameter); a scheme of the operation's first requirement may replace them.
    headers = {"Authorization": "Basic " + base64.b64encode(b"project:token").decode()}
    query = []
    if not security:
        return headers, query
    schemes = (doc.root.get("components") or {}).get("securitySchemes") or {}
    for name in security[0]:
        _, scheme = doc.deref(doc.uri, schemes.get(name, {}))
        kind = scheme.get("type")
        if kind == "http" and scheme.get("scheme", "").lower() == "basic":
            headers["Authorization"] = "Basic " + base64.b64encode(b"project:token").decode()
        elif kind == "http":
            headers["Authorization"] = scheme["scheme"] + " token"
        elif kind in ("oauth2", "openIdConnect"):
            headers["Authorization"] = "Bearer token"
        elif kind == "apiKey":
            if scheme.get("in") == "header":
                headers[scheme["name"]] = "key"
            elif scheme.get("in") == "query":
                query.append((scheme["name"], "key"))
            elif scheme.get("in") == "cookie":
                headers["Cookie"] = f"{scheme['name']}=key"
    return headers, query


def _multipart(value) -> tuple[bytes, str]:
    boundary = "contract" + uuid.UUID(int=1).hex
    out = []
    for k, v in (value or {}).items():
        out.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n"
                   f"{v if isinstance(v, str) else json.dumps(v)}\r\n")
    out.append(f"--{boundary}--\r\n")
    return "".join(out).encode(), f"multipart/form-data; boundary={boundary}"


def build_request(running: Running, key: str, sample: dict, auth: bool = True):
    doc = running.doc
    method, template = key.split(" ", 1)
    ops = {S.operation_key(m, p): (u, item, op) for m, p, u, item, op in S.iter_operations(doc)}
    uri, item, op = ops[key]
    params = {(p["in"], p["name"]): p for _, p in S.operation_parameters(doc, uri, item, op)}
    path = template
    for name, value in sample["path"].items():
        path = path.replace("{" + name + "}", urllib.parse.quote(_simple(value), safe=""))
    query = []
    for name, value in sample["query"].items():
        query += _query_pairs(name, value, params.get(("query", name), {}))
    headers = {name: _simple(value) for name, value in sample["header"].items()}
    if sample["cookie"]:
        headers["Cookie"] = "; ".join(f"{k}={_scalar(v)}" for k, v in sample["cookie"].items())
    if auth:
        h, q = _auth_headers(doc, sample["security"])
        headers.update(h)
        query += q
    data = None
    if "body" in sample:
        media = sample["bodyContentType"]
        base = media.split(";")[0].strip().lower()
        if S.is_json_media(media):
            data = json.dumps(sample["body"]).encode()
        elif base == "application/x-www-form-urlencoded":
            pairs = []
            for k, v in (sample["body"] or {}).items():
                pairs += [(k, _scalar(x)) for x in v] if isinstance(v, list) else [(k, _scalar(v))]
            data = urllib.parse.urlencode(pairs).encode()
        elif base == "multipart/form-data":
            data, media = _multipart(sample["body"])
        else:
            data = _scalar(sample["body"]).encode()
        headers["Content-Type"] = media
    url = running.server_url + path + ("?" + urllib.parse.urlencode(query) if query else "")
    return urllib.request.Request(url, data=data, headers=headers, method=method)


def send(req) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def expected_keys(doc: S.Document) -> set[str]:
    return {S.operation_key(m, p) for m, p, *_ in S.iter_operations(doc)}


def check_sample_valid(doc: S.Document, key: str, sample: dict) -> list[str]:
    ops = {S.operation_key(m, p): (u, item, op) for m, p, u, item, op in S.iter_operations(doc)}
    uri, item, op = ops[key]
    problems = []
    for puri, param in S.operation_parameters(doc, uri, item, op):
        loc, name = param["in"], param["name"]
        if loc == "header" and name.lower() in S.IGNORED_HEADERS:
            continue
        if name not in sample[loc]:
            if param.get("required") or loc == "path":
                problems.append(f"missing required {loc} parameter {name}")
            continue
        suri, schema = S.parameter_schema(doc, puri, param)
        problems += doc.errors(suri, schema, sample[loc][name], None)
    if "requestBody" in op:
        buri, body = doc.deref(uri, op["requestBody"])
        media = S.preferred_media_type(body.get("content") or {})
        if media:
            assert sample.get("bodyContentType") == media
            muri, mt = doc.deref(buri, body["content"][media])
            problems += doc.errors(muri, mt.get("schema", {}), sample["body"], "request")
    else:
        assert "body" not in sample and "bodyContentType" not in sample
    assert sample["security"] == S.operation_security(doc, op)
    return problems


# --------------------------------------------------------------------------------------------
# Tests


@pytest.mark.parametrize("spec", [SEED, SIGNALWIRE], ids=["seed", "signalwire"])
def test_samples_cover_every_operation_and_validate(serve, spec):
    running = serve(spec)
    samples = running.get("/__contract/samples")
    keys = expected_keys(running.doc)
    assert set(samples) == keys
    if spec == SIGNALWIRE:
        assert len(keys) == 69  # the MANIFEST's 70 counts the one webhook too
    bad = {k: p for k, s in samples.items() if (p := check_sample_valid(running.doc, k, s))}
    assert bad == {}


@pytest.mark.parametrize("spec", [SEED, SIGNALWIRE], ids=["seed", "signalwire"])
def test_valid_requests_record_no_errors_and_responses_validate(serve, spec):
    running = serve(spec)
    samples = running.get("/__contract/samples")
    for key, sample in samples.items():
        status, body = send(build_request(running, key, sample))
        assert 200 <= status < 300, (key, status, body[:300])
    results = running.get("/__contract/results")
    assert "unmatched" not in results
    assert set(results) == set(samples)
    errors = {k: v["errors"] for k, v in results.items() if v["errors"]}
    assert errors == {}
    assert all(v["requests"] == 1 for v in results.values())


def test_invalid_requests_are_recorded(serve):
    running = serve(SEED)
    key = "PUT /endpoints/sip/{id}"
    sample = running.get("/__contract/samples")[key]
    assert sample["path"]["id"] == S.FIXED_UUID
    assert sample["body"]
    # valid: Basic auth, body from the sample
    req = build_request(running, key, sample)
    assert req.get_header("Authorization").startswith("Basic ")
    status, body = send(req)
    assert status == 200
    returned = json.loads(body)
    assert returned["id"] and "username" in returned
    assert running.get("/__contract/results")[key] == {"requests": 1, "errors": []}
    # invalid: no Authorization header and a body of the wrong type
    bad = dict(sample, body={"caller_id": 5})
    status, _ = send(build_request(running, key, bad, auth=False))
    assert status == 200  # still the documented success response
    result = running.get("/__contract/results")[key]
    assert result["requests"] == 2
    assert any("Authorization" in e for e in result["errors"])
    assert any("caller_id" in e for e in result["errors"])
    # a path that matches no operation
    send(urllib.request.Request(running.server_url + "/nowhere"))
    assert running.get("/__contract/results")["unmatched"]["requests"] == 1


def test_signalwire_missing_auth_and_wrong_body_type(serve):
    running = serve(SIGNALWIRE)
    samples = running.get("/__contract/samples")
    key = next(k for k, s in samples.items() if isinstance(s.get("body"), dict) and s["security"])
    sample = samples[key]
    status, _ = send(build_request(running, key, sample, auth=False))
    assert status in (200, 201, 202, 204)
    status, _ = send(build_request(running, key, dict(sample, body=["not", "an", "object"])))
    results = running.get("/__contract/results")[key]
    assert results["requests"] == 2
    assert len(results["errors"]) >= 2
    assert any("Security" in e or "security" in e for e in results["errors"])


def test_server_url_is_local_with_the_spec_base_path(serve):
    running = serve(SIGNALWIRE)
    assert running.server_url == f"http://127.0.0.1:{running.port}/api/relay/rest"


def test_shutdown_endpoint_stops_the_server(tmp_path):
    r = Running(SEED, tmp_path)
    req = urllib.request.Request(r.base + "/__contract/shutdown", data=b"", method="POST")
    assert urllib.request.urlopen(req, timeout=10).status == 200
    assert r.proc.wait(timeout=10) == 0
    r.proc.stdout.close()
    r.proc.stderr.close()


def test_sigterm_stops_the_server(tmp_path):
    r = Running(SEED, tmp_path)
    r.proc.terminate()
    assert r.proc.wait(timeout=10) == 0
    r.proc.stdout.close()
    r.proc.stderr.close()


@pytest.mark.parametrize("spec", ALL_CORPUS, ids=[os.path.basename(p) for p in ALL_CORPUS])
def test_corpus_samples_and_responses_do_not_crash(spec):
    doc = S.Document(spec)
    samples, problems = S.build_samples(doc)
    assert set(samples) == expected_keys(doc)
    crashes = {k: p for k, p in problems.items() if any("crashed" in x for x in p)}
    assert crashes == {}
    response_problems = {}
    for m, p, uri, item, op in S.iter_operations(doc):
        r = S.build_response(doc, uri, op)
        json.dumps(r)  # JSON-serializable
        if r["problems"]:
            response_problems[S.operation_key(m, p)] = r["problems"]
    for key, probs in {**problems, **{k + " (response)": v for k, v in response_problems.items()}}.items():
        print(f"{os.path.basename(spec)}: {key}: {probs[0]}")
    if spec == SIGNALWIRE:
        assert problems == {} and response_problems == {}


@pytest.mark.parametrize("spec", ALL_CORPUS, ids=[os.path.basename(p) for p in ALL_CORPUS])
def test_corpus_round_trip_has_no_harness_errors(serve, spec):
    """Every operation of every corpus spec gets a request; the server's own responses must
    validate ("server: ..." errors are harness bugs). Request-side errors that come from
    openapi-core limits or spec oddities are printed, not failed (see README.md)."""
    running = serve(spec)
    samples = running.get("/__contract/samples")
    for key, sample in samples.items():
        send(build_request(running, key, sample))
    results = running.get("/__contract/results")
    harness = {k: [e for e in v["errors"] if e.startswith("server:")] for k, v in results.items()}
    assert {k: v for k, v in harness.items() if v} == {}
    for key, v in results.items():
        if v["errors"]:
            print(f"{os.path.basename(spec)}: {key}: {v['errors'][0][:300]}")


def test_concurrent_requests_on_keep_alive_connections(serve):
    import http.client
    from concurrent.futures import ThreadPoolExecutor

    running = serve(SIGNALWIRE)
    samples = running.get("/__contract/samples")
    keys = sorted(samples)[:24]

    def worker(chunk):
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
        statuses = []
        for key in chunk:  # several requests on one connection (HTTP/1.1 keep-alive)
            req = build_request(running, key, samples[key])
            path = urllib.parse.urlsplit(req.full_url)
            conn.request(req.get_method(), path.path + ("?" + path.query if path.query else ""),
                         body=req.data, headers=dict(req.header_items()))
            resp = conn.getresponse()
            resp.read()
            statuses.append(resp.status)
        conn.close()
        return statuses

    with ThreadPoolExecutor(6) as pool:
        statuses = [s for r in pool.map(worker, [keys[i::6] for i in range(6)]) for s in r]
    assert all(200 <= s < 300 for s in statuses)
    results = running.get("/__contract/results")
    assert sum(v["requests"] for v in results.values()) == len(keys)
    assert all(v["errors"] == [] for v in results.values())
