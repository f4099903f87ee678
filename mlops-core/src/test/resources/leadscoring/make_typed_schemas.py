"""Writes the typed lead-scoring schemas (mlops4j schema JSON, version 1) from the case study's name lists.

Run from this folder: python3 make_typed_schemas.py
Inputs: schemas.json (the case study's raw_data_schema and model_input_schema name lists) and
significant_levels.csv (the levels kept per source column; every other level becomes 'others').
Outputs: raw-data.schema.json and model-input.schema.json.
"""
import csv
import json

names = json.load(open("schemas.json"))
levels = {}
for row in csv.DictReader(open("significant_levels.csv")):
    levels.setdefault(row["column"], []).append(row["level"])
SOURCES = ["first_platform_c", "first_utm_medium_c", "first_utm_source_c"]


def raw_column(name):
    if name == "created_date":
        return {"name": name, "type": "timestamp", "nullable": False}
    if name == "city_mapped" or name in SOURCES:
        return {"name": name, "type": "categorical", "nullable": True}
    if name in ("referred_lead", "app_complete_flag"):
        return {"name": name, "type": "numeric", "nullable": name == "referred_lead", "min": 0, "max": 1}
    return {"name": name, "type": "numeric", "nullable": True, "min": 0}


def model_column(name):
    if name in SOURCES:
        return {"name": name, "type": "categorical", "nullable": False, "allowedValues": levels[name] + ["others"]}
    if name == "city_tier":
        return {"name": name, "type": "numeric", "nullable": False, "min": 1, "max": 3}
    if name in ("referred_lead", "app_complete_flag"):
        return {"name": name, "type": "numeric", "nullable": False, "min": 0, "max": 1}
    return {"name": name, "type": "numeric", "nullable": False, "min": 0}


def document(columns):
    return {"format": "mlops4j-schema", "version": 1, "missingColumns": "fail", "extraColumns": "fail",
            "strictOrder": True, "columns": columns}


with open("raw-data.schema.json", "w") as out:
    json.dump(document([raw_column(n) for n in names["raw_data_schema"]]), out, indent=2)
    out.write("\n")
with open("model-input.schema.json", "w") as out:
    json.dump(document([model_column(n) for n in names["model_input_schema"]]), out, indent=2)
    out.write("\n")
