"""The real course_data/: valid, sourced, within the minimums the course promises."""

from __future__ import annotations

import pandas as pd
import pytest

from alliance import codebook, data, validate


@pytest.fixture(scope="module")
def report():
    return validate.validate_package()


def test_package_validates(report):
    assert report.errors == []


def test_codebook_matches_datapackage():
    assert codebook.codebook_path().read_text(encoding="utf-8") == codebook.current(), \
        "CODEBOOK.md is out of date: run python -m alliance.codebook"


def test_every_table_is_documented():
    for res in data.package()["resources"]:
        assert res.get("title") and res.get("description"), res["name"]
        for field in res.get("schema", {}).get("fields", []):
            assert field.get("description"), f"{res['name']}.{field['name']} has no description"


MINIMUM_ROWS = {"sources": 100, "events": 150, "crossings": 5, "border_closures": 12, "refugees": 25,
                "claims": 35, "actors": 15, "relations": 30, "quotes": 40, "glossary": 40}


@pytest.mark.parametrize("name, minimum", MINIMUM_ROWS.items())
def test_minimum_rows(name, minimum):
    assert len(data.load(name)) >= minimum


def test_events_span_and_recent_density():
    events = data.load("events")
    years = events["date"].dt.year
    assert years.min() <= 1893 and years.max() >= 2025
    assert (years >= 2021).sum() >= 70


def test_violence_publishers_and_quarters():
    violence = data.load("violence")
    assert {"CRSS", "PIPS", "PICSS", "GTI"} <= set(violence["publisher"])
    quarters = violence[violence["period"].isin(["Q1", "Q2", "Q3", "Q4"])]
    assert set(quarters["year"]) >= {2024, 2025}


def test_a_definition_belongs_to_one_publisher():
    violence = data.load("violence")
    owners = violence.groupby("definition")["publisher"].nunique()
    assert (owners == 1).all(), owners[owners > 1]


def test_trade_keeps_data_sources_apart_and_covers_fiscal_years():
    trade = data.load("trade")
    fiscal = trade[trade["period_type"] == "fiscal_year"]
    assert fiscal["period"].nunique() >= 8
    duplicated = fiscal.duplicated(["period", "flow", "data_source", "value"])
    assert not duplicated.any()


def test_claims_have_claimants_and_three_types():
    claims = data.load("claims")
    assert claims["claimant"].notna().all() and (claims["claimant"].str.strip() != "").all()
    assert claims["claimant_type"].nunique() >= 3


def test_quotes_have_ten_speakers_and_verification_status():
    quotes = data.load("quotes")
    assert quotes["speaker"].nunique() >= 10
    assert quotes["original_located"].notna().all()


def test_every_row_has_a_source():
    for name in data.tabular_names():
        frame = data.load(name)
        if "source_ids" not in frame.columns or name == "glossary":
            continue
        empty = frame["source_ids"].isna() | (frame["source_ids"].str.strip() == "")
        assert not empty.any(), f"{name}: rows {list(frame.index[empty] + 1)} cite no source"


def test_ids_are_unique():
    for res in data.package()["resources"]:
        key = res.get("schema", {}).get("primaryKey")
        if key:
            frame = data.load(res["name"])
            assert not frame.duplicated(key).any(), f"{res['name']}: duplicate {key}"


def test_counts_are_not_negative():
    for name in data.tabular_names():
        frame = data.load(name)
        for column in frame.select_dtypes(include=["Int64", "Float64"]).columns:
            if column in ("lat", "lon"):
                continue
            assert not (frame[column] < 0).any(), f"{name}.{column} has negative values"


def test_ranges_are_ordered():
    claims = data.load("claims")
    both = claims.dropna(subset=["value_low", "value_high"])
    assert (both["value_low"] <= both["value_high"]).all()
    closures = data.load("border_closures").dropna(subset=["end_date"])
    # An end known only to the month may fall on the 1st, before a mid-month start.
    end = closures["end_date"].where(closures["end_precision"] == "day",
                                     closures["end_date"] + pd.offsets.MonthEnd(0))
    assert (closures["start_date"] <= end).all()
    events = data.load("events").dropna(subset=["end_date"])
    assert (events["date"] <= events["end_date"]).all()


PARTS = ["fatalities_security_forces", "fatalities_civilians", "fatalities_militants"]


def test_fatality_parts_do_not_exceed_totals():
    violence = data.load("violence")
    keys = ["publisher", "definition", "vintage", "release", "year", "period", "region"]
    wide = violence.pivot_table(index=keys, columns="metric", values="value", aggfunc="first", observed=True)
    if "fatalities_total" not in wide:
        pytest.fail("no fatalities_total rows")
    with_total = wide.dropna(subset=["fatalities_total"])
    for part in [p for p in PARTS if p in wide]:
        too_big = with_total[with_total[part] > with_total["fatalities_total"]]
        assert too_big.empty, too_big[[part, "fatalities_total"]]
    present = [p for p in PARTS if p in wide]
    complete = with_total.dropna(subset=present)
    assert (complete[present].sum(axis=1) <= complete["fatalities_total"] + 0.5).all()


def test_provinces_do_not_exceed_pakistan():
    violence = data.load("violence")
    keys = ["publisher", "definition", "vintage", "release", "year", "period", "metric"]
    national = violence[violence["region"] == "Pakistan"].set_index(keys)["value"]
    provinces = violence[violence["region"] != "Pakistan"]
    for row in provinces.itertuples():
        key = (row.publisher, row.definition, row.vintage, row.release, row.year, row.period, row.metric)
        if key in national.index and row.metric != "rank":
            assert row.value <= national.loc[key], f"{row.region} {key} above the national figure"


def test_latitudes_and_longitudes_are_in_the_region():
    for name in ("events", "crossings"):
        frame = data.load(name).dropna(subset=["lat", "lon"])
        assert frame["lat"].between(-90, 90).all() and frame["lon"].between(-180, 180).all()
    crossings = data.load("crossings").dropna(subset=["lat", "lon"])
    assert crossings["lat"].between(24, 38).all() and crossings["lon"].between(60, 75).all()


def test_region_map_has_both_countries():
    topo = data.read_json("region_map")
    names = {g["properties"]["name"] for g in topo["objects"]["countries"]["geometries"]}
    assert {"Afghanistan", "Pakistan"} <= names


def test_seed_article_quotes_are_present_with_status():
    quotes = data.load("quotes")
    speakers = " ".join(quotes["speaker"])
    for name in ("Imtiaz Gul", "Zabihullah Mujahid", "Sirajuddin Haqqani", "Erdoğan"):
        assert name in speakers, name
