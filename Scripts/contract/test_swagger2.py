"""The harness's own Swagger 2.0 → OpenAPI 3.0 reading (swagger2.py)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import swagger2  # noqa: E402

DOC = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "host": "api.example.com",
    "basePath": "/v1",
    "consumes": ["application/json"],
    "securityDefinitions": {
        "basic": {"type": "basic"},
        "code": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/auth",
                 "tokenUrl": "https://a/token", "scopes": {"read": "r"}},
    },
    "parameters": {"limit": {"name": "limit", "in": "query", "type": "integer"}},
    "paths": {
        "/pets": {
            "get": {
                "parameters": [
                    {"$ref": "#/parameters/limit"},
                    {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}},
                    {"name": "ids", "in": "query", "type": "array", "collectionFormat": "multi",
                     "items": {"type": "integer"}},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}},
            },
            "post": {
                "parameters": [{"name": "photo", "in": "formData", "type": "file", "required": True}],
                "responses": {"204": {"description": "done"}},
            },
        },
    },
    "definitions": {"Pet": {"type": "object", "discriminator": "kind", "x-nullable": True,
                            "properties": {"kind": {"type": "string"}}}},
}


def test_parameters_get_the_style_of_their_collection_format():
    params = swagger2.to_openapi3(DOC)["paths"]["/pets"]["get"]["parameters"]
    assert [(p["name"], p.get("style"), p.get("explode")) for p in params] == [
        ("limit", None, None), ("tags", "form", False), ("ids", "form", True)]


def test_form_data_with_a_file_is_a_multipart_body():
    body = swagger2.to_openapi3(DOC)["paths"]["/pets"]["post"]["requestBody"]
    assert body == {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "properties": {"photo": {"type": "string", "format": "binary"}}, "required": ["photo"]}}}}


def test_schemas_servers_and_security():
    converted = swagger2.to_openapi3(DOC)
    assert converted["servers"] == [{"url": "https://api.example.com/v1"}]
    assert converted["components"]["schemas"]["Pet"]["discriminator"] == {"propertyName": "kind"}
    assert converted["components"]["schemas"]["Pet"]["nullable"] is True
    response = converted["paths"]["/pets"]["get"]["responses"]["200"]
    assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    assert converted["components"]["securitySchemes"]["code"]["flows"] == {
        "authorizationCode": {"authorizationUrl": "https://a/auth", "tokenUrl": "https://a/token", "scopes": {"read": "r"}}}
