#!/usr/bin/env python3
"""Synthesizes a bigger spec for issue 7's scaling benchmark by replicating a real one.

Usage: replicate.py SPEC FACTOR OUT   (OUT ends in .yaml/.yml or .json)

Copy 1 is the spec as it is. Copies 2..FACTOR repeat every path, webhook and component schema
with a suffix ("Copy2", ...): path `/x` becomes `/copy2/x`, schema `Foo` becomes `FooCopy2`,
operationId `getFoo` becomes `getFooCopy2`, and every schema `$ref` (and discriminator mapping)
inside a copy points at that copy's schemas, so nothing collides. Other components (parameters,
responses, headers, security schemes, ...) are shared by all copies.
"""
import copy
import json
import re
import sys

import yaml


class Loader(yaml.SafeLoader):
    """YAML 1.2-ish booleans: only true/false, so a property named `on` or `yes` stays a string."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Keep timestamps as the strings they were written as.
for k in list(Loader.yaml_implicit_resolvers):
    Loader.yaml_implicit_resolvers[k] = [
        (tag, rx) for tag, rx in Loader.yaml_implicit_resolvers[k] if tag != "tag:yaml.org,2002:timestamp"
    ]


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    def ignore_aliases(self, data):
        return True


SCHEMA_PREFIX = "#/components/schemas/"


def load(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".json"):
            return json.load(f)
        return yaml.load(f, Loader=Loader)


def rename_refs(node, schemas, suffix):
    """Points every schema reference inside `node` at the copy with `suffix` (in place)."""
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "$ref" and isinstance(value, str) and value.startswith(SCHEMA_PREFIX):
                name, _, rest = value[len(SCHEMA_PREFIX):].partition("/")
                if name in schemas:
                    node[key] = SCHEMA_PREFIX + name + suffix + ("/" + rest if rest else "")
            elif key == "discriminator" and isinstance(value, dict) and isinstance(value.get("mapping"), dict):
                mapping = value["mapping"]
                for tag, target in list(mapping.items()):
                    if isinstance(target, str):
                        if target.startswith(SCHEMA_PREFIX) and target[len(SCHEMA_PREFIX):] in schemas:
                            mapping[tag] = target + suffix
                        elif target in schemas:
                            mapping[tag] = target + suffix
            else:
                rename_refs(value, schemas, suffix)
    elif isinstance(node, list):
        for item in node:
            rename_refs(item, schemas, suffix)


def rename_operation_ids(path_item, suffix):
    for value in path_item.values():
        if isinstance(value, dict) and isinstance(value.get("operationId"), str):
            value["operationId"] += suffix


def replicate(doc, factor):
    components = doc.setdefault("components", {})
    schemas = components.get("schemas") or {}
    paths = doc.get("paths") or {}
    webhooks = doc.get("webhooks") or {}
    names = set(schemas)
    new_schemas, new_paths, new_webhooks = dict(schemas), dict(paths), dict(webhooks)
    for i in range(2, factor + 1):
        suffix = f"Copy{i}"
        for name, schema in schemas.items():
            s = copy.deepcopy(schema)
            rename_refs(s, names, suffix)
            if isinstance(s, dict) and isinstance(s.get("title"), str):
                s["title"] += f" {suffix}"
            new_schemas[name + suffix] = s
        for path, item in paths.items():
            p = copy.deepcopy(item)
            rename_refs(p, names, suffix)
            rename_operation_ids(p, suffix)
            new_paths[f"/copy{i}" + path] = p
        for hook, item in webhooks.items():
            w = copy.deepcopy(item)
            rename_refs(w, names, suffix)
            rename_operation_ids(w, suffix)
            new_webhooks[hook + suffix] = w
    if schemas:
        components["schemas"] = new_schemas
    if paths:
        doc["paths"] = new_paths
    if webhooks:
        doc["webhooks"] = new_webhooks
    return doc


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, factor, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    doc = replicate(load(src), factor)
    with open(out, "w", encoding="utf-8") as f:
        if out.endswith(".json"):
            json.dump(doc, f, indent=2, ensure_ascii=False, default=str)
            f.write("\n")
        else:
            yaml.dump(doc, f, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)


if __name__ == "__main__":
    main()
