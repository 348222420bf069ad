#!/usr/bin/env python3
"""Writes the request bodies the soak sends from the contract's current examples (api/openapi.yaml), one file per
endpoint, so that they follow the contract when the request shapes change. Run it after changing the examples."""
import json
import pathlib

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CONTRACT = yaml.safe_load((HERE.parent.parent / "api" / "openapi.yaml").read_text(encoding="utf-8"))
# Which example each endpoint's body is taken from: a realistic request that the service answers with 200.
BODIES = {
    "designation-request.json": ("/api/v1/designation-assessments", "o15Tracer"),
    "change-request.json": ("/api/v1/change-assessments", "networkChanges"),
}

for file_name, (path, example) in BODIES.items():
    ref = CONTRACT["paths"][path]["post"]["requestBody"]["content"]["application/json"]["examples"][example]["$ref"]
    value = CONTRACT["components"]["examples"][ref.rsplit("/", 1)[1]]["value"]
    (HERE / file_name).write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{file_name}: {path} example {example}")
