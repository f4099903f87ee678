"""Expected tables of the lead-scoring data pipeline on leadscoring_test.csv.

Applies the case study's data pipeline, step by step, in plain Python (no pandas needed), independently of the Java
code, to leadscoring_test.csv (the case study's own unit-test input; outputs next to this script) and to
leadscoring_edge_cases.csv (nulls, unknown city and level, interactions, rows to group; outputs in edge_cases/), and
writes one CSV per SQLite table:

    loaded_data.csv, city_tier_mapped.csv, categorical_variables_mapped.csv, interactions_mapped.csv, model_input.csv

Steps (as the case study describes them):
  load_data_into_db     nulls become 0 only in total_leads_droppped and referred_lead
  map_city_tier         city_tier = tier of city_mapped as a float, unknown or null city -> 3.0; city_mapped dropped;
                        city_tier is the last column
  map_categorical_vars  in the three source columns, levels not in significant_levels.csv (and null) -> 'others'
  interactions_mapping  nulls in the 37 interaction columns count as 0; each is summed into its group; rows equal on
                        the index columns are summed into one (groups in order of first appearance); columns: index
                        columns, then the five groups in alphabetical order
  model_input           the columns of model_input_schema, in its order

Run from anywhere: python3 make_expected.py
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "..", "..", "main", "resources", "leadscoring")
INPUTS = {"leadscoring_test.csv": HERE, "leadscoring_edge_cases.csv": os.path.join(HERE, "edge_cases")}


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, [row for row in reader if row]


def write_csv(folder, name, header, rows):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def number(text):
    return None if text == "" else float(text)


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


schemas = json.load(open(os.path.join(RESOURCES, "schemas.json"), encoding="utf-8"))
_, tier_rows = read_csv(os.path.join(RESOURCES, "city_tier_mapping.csv"))
tiers = {city: float(tier) for city, tier in tier_rows}
_, level_rows = read_csv(os.path.join(RESOURCES, "significant_levels.csv"))
significant = {}
for column, level in level_rows:
    significant.setdefault(column, set()).add(level)
_, mapping_rows = read_csv(os.path.join(RESOURCES, "interaction_mapping.csv"))
group_of = {interaction: group for interaction, group in mapping_rows}


def run(input_name, out):
    path = os.path.join(HERE, "..", input_name)
    header, rows = read_csv(path)
    assert header == schemas["raw_data_schema"], "the test input does not have the raw data columns"
    interactions = header[7:44]
    numeric = {"total_leads_droppped", "referred_lead", "app_complete_flag"} | set(interactions)

    # load_data_into_db
    table = []
    for row in rows:
        record = {}
        for name, text in zip(header, row):
            if name in numeric:
                value = number(text)
                if value is None and name in ("total_leads_droppped", "referred_lead"):
                    value = 0.0
                record[name] = value
            else:
                record[name] = None if text == "" else text
        table.append(record)
    columns = list(header)
    write_csv(out, "loaded_data.csv", columns, [[fmt(r[c]) for c in columns] for r in table])

    # map_city_tier
    for record in table:
        city = record.pop("city_mapped")
        record["city_tier"] = tiers.get(city, 3.0) if city is not None else 3.0
    columns = [c for c in columns if c != "city_mapped"] + ["city_tier"]
    write_csv(out, "city_tier_mapped.csv", columns, [[fmt(r[c]) for c in columns] for r in table])

    # map_categorical_vars
    for record in table:
        for name in ("first_platform_c", "first_utm_medium_c", "first_utm_source_c"):
            if record[name] is None or record[name] not in significant[name]:
                record[name] = "others"
    write_csv(out, "categorical_variables_mapped.csv", columns, [[fmt(r[c]) for c in columns] for r in table])

    # interactions_mapping
    index_columns = ["created_date", "city_tier", "first_platform_c", "first_utm_medium_c", "first_utm_source_c",
                     "total_leads_droppped", "referred_lead", "app_complete_flag"]
    group_names = sorted(set(group_of.values()))
    groups = {}
    for record in table:
        key = tuple(record[c] for c in index_columns)
        sums = groups.setdefault(key, {g: 0.0 for g in group_names})
        for name in interactions:
            sums[group_of[name]] += record[name] if record[name] is not None else 0.0
    columns = index_columns + group_names
    mapped = [list(key) + [sums[g] for g in group_names] for key, sums in groups.items()]
    write_csv(out, "interactions_mapped.csv", columns, [[fmt(v) for v in row] for row in mapped])

    # model_input
    model_columns = schemas["model_input_schema"]
    positions = [columns.index(c) for c in model_columns]
    write_csv(out, "model_input.csv", model_columns, [[fmt(row[i]) for i in positions] for row in mapped])
    print(input_name, len(rows), "rows in,", len(mapped), "rows after grouping")


for name, out in INPUTS.items():
    run(name, out)
