"""A small FastAPI app whose OpenAPI document is the fixture `openapi.json`.

Made with FastAPI 0.115.6 (PyPI) in a venv:
    python3 -m venv venv && venv/bin/pip install fastapi==0.115.6
    venv/bin/python app.py > openapi.json
Every operation keeps FastAPI's default operationId.
"""
import json
from typing import Optional

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI(title="Shop", version="1.0.0")


class Item(BaseModel):
    item_id: str
    name: str
    price: Optional[float] = None


class ItemFilter(BaseModel):
    name_contains: Optional[str] = None
    max_price: Optional[float] = None


@app.get("/items")
def read_items(limit: int = 10) -> list[Item]:
    return []


@app.get("/users/{user_id}/items")
def read_items_of_user(user_id: str) -> list[Item]:
    return []


@app.get("/stores/{store_id}/items/{item_name}")
def read_item_by_name(store_id: str, item_name: str) -> Item:
    raise NotImplementedError


@app.post("/items/filter")
def filter_items(item_filter: ItemFilter, page_size: int = Body(20)) -> list[Item]:
    return []


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: str) -> None:
    return None


@app.get("/v1/health")
def health() -> dict[str, str]:
    return {}


@app.get("/v2/health")
def health_v2() -> dict[str, str]:
    return {}


if __name__ == "__main__":
    print(json.dumps(app.openapi(), indent=2))
