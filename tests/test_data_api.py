"""alliance.data on a small synthetic package: typing, errors, citations."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from alliance import data, validate

SOURCES = """source_id,publisher,title,date,url,kind,perspective,note
dawn-1,Dawn,Border closed,2025-10-12,https://example.org/a,newspaper,Pakistani,
unhcr-1,UNHCR,Returns update,2025-06-30,https://example.org/b,UN/official,independent,
"""
COUNTS = """id,day,kind,value,share,checked,source_ids
a,2025-10-12,attack,3,0.5,true,dawn-1
b,2025-10-13,return,,1.25,False,dawn-1;unhcr-1
"""


def write_package(folder, counts=COUNTS, sources=SOURCES):
    folder.mkdir(parents=True, exist_ok=True)
    ref = {"resource": "sources", "field": "source_id"}
    package = {"name": "mini", "resources": [
        {"name": "sources", "path": "sources.csv", "profile": "tabular-data-resource", "title": "Sources",
         "description": "Bibliography.", "schema": {"primaryKey": ["source_id"], "fields": [
             {"name": "source_id", "type": "string", "constraints": {"required": True}},
             {"name": "publisher", "type": "string"}, {"name": "title", "type": "string"},
             {"name": "date", "type": "string"}, {"name": "url", "type": "string"},
             {"name": "kind", "type": "string"}, {"name": "perspective", "type": "string"},
             {"name": "note", "type": "string"}]}},
        {"name": "counts", "path": "counts.csv", "profile": "tabular-data-resource", "title": "Counts",
         "description": "Daily counts.", "schema": {"primaryKey": ["id"], "fields": [
             {"name": "id", "type": "string", "constraints": {"required": True}},
             {"name": "day", "type": "date"},
             {"name": "kind", "type": "string", "constraints": {"enum": ["attack", "return"]}},
             {"name": "value", "type": "integer", "constraints": {"minimum": 0}},
             {"name": "share", "type": "number"}, {"name": "checked", "type": "boolean"},
             {"name": "source_ids", "type": "string", "alliance:references": ref}]}},
    ]}
    (folder / "datapackage.json").write_text(json.dumps(package))
    (folder / "sources.csv").write_text(sources)
    (folder / "counts.csv").write_text(counts)
    return folder


@pytest.fixture
def mini(tmp_path, monkeypatch):
    folder = write_package(tmp_path / "course_data")
    monkeypatch.setenv(data.DATA_ENV, str(folder))
    return folder


def test_load_gives_typed_frame(mini):
    frame = data.load("counts")
    assert str(frame["value"].dtype) == "Int64"
    assert frame["value"].isna().tolist() == [False, True]  # empty stays missing, not 0
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert list(frame["kind"].cat.categories) == ["attack", "return"]
    assert str(frame["share"].dtype) == "Float64"
    assert frame["checked"].tolist() == [True, False] and str(frame["checked"].dtype) == "boolean"


def test_load_returns_a_copy(mini):
    frame = data.load("counts")
    frame.loc[0, "value"] = 999
    assert data.load("counts").loc[0, "value"] == 3


def test_unknown_name_suggests_closest(mini):
    with pytest.raises(data.DataError, match="Did you mean 'counts'"):
        data.load("count")


def test_datasets_lists_descriptions(mini):
    listing = data.datasets()
    assert list(listing["name"]) == ["sources", "counts"]
    assert listing.set_index("name").loc["counts", "description"] == "Daily counts."


def test_missing_file_names_file_and_fix(mini):
    (mini / "counts.csv").unlink()
    with pytest.raises(data.DataError) as info:
        data.load("counts")
    assert "counts.csv is missing" in str(info.value) and "git checkout" in str(info.value)


@pytest.mark.parametrize("bad_row, column, problem", [
    ("c,2025-10-14,attack,three,1,true,dawn-1", "value", "not a whole number"),
    ("c,14/10/2025,attack,3,1,true,dawn-1", "day", "not a date written YYYY-MM-DD"),
    ("c,2025-10-14,raid,3,1,true,dawn-1", "kind", "not one of"),
    ("c,2025-10-14,attack,3,x,true,dawn-1", "share", "not a number"),
    ("c,2025-10-14,attack,3,1,maybe,dawn-1", "checked", "not true or false"),
])
def test_damaged_value_names_file_row_and_problem(tmp_path, monkeypatch, bad_row, column, problem):
    folder = write_package(tmp_path / "d", counts=COUNTS + bad_row + "\n")
    monkeypatch.setenv(data.DATA_ENV, str(folder))
    with pytest.raises(data.DataError) as info:
        data.load("counts")
    message = str(info.value)
    assert "counts.csv" in message and "row 3 (line 4)" in message
    assert repr(column) in message and problem in message


def test_wrong_columns_are_named(tmp_path, monkeypatch):
    folder = write_package(tmp_path / "d", counts="id,day,kind,value,checked,source_ids\n")
    monkeypatch.setenv(data.DATA_ENV, str(folder))
    with pytest.raises(data.DataError, match=r"missing: \['share'\]"):
        data.load("counts")


def test_truncated_csv_is_reported(tmp_path, monkeypatch):
    folder = write_package(tmp_path / "d", counts='id,day,kind,value,share,checked,source_ids\na,"2025-10-12,attack\n')
    monkeypatch.setenv(data.DATA_ENV, str(folder))
    with pytest.raises(data.DataError, match="counts.csv is damaged"):
        data.load("counts")


def test_damaged_datapackage_is_reported(tmp_path, monkeypatch):
    folder = write_package(tmp_path / "d")
    (folder / "datapackage.json").write_text('{"resources": [')
    monkeypatch.setenv(data.DATA_ENV, str(folder))
    with pytest.raises(data.DataError, match="datapackage.json is damaged"):
        data.load("counts")


def test_sources_for_lists_cited_rows_in_order(mini):
    frame = data.load("counts")
    cited = data.sources_for(frame)
    assert list(cited["source_id"]) == ["dawn-1", "unhcr-1"]
    assert list(data.sources_for(frame.iloc[:1])["source_id"]) == ["dawn-1"]


def test_sources_for_needs_a_source_column(mini):
    with pytest.raises(data.DataError, match="no 'source_ids' column"):
        data.sources_for(pd.DataFrame({"x": [1]}))


def test_cite_formats_and_suggests(mini):
    assert data.cite("unhcr-1") == "UNHCR, “Returns update”, 2025-06-30. https://example.org/b"
    with pytest.raises(data.DataError, match="Did you mean 'dawn-1'"):
        data.cite("dawn-2")


def test_validate_accepts_good_package(mini):
    report = validate.validate_package(mini)
    assert report.errors == []
    assert report.tables == {"sources": 2, "counts": 2}


def test_validate_reports_unknown_and_unused_sources(tmp_path):
    folder = write_package(tmp_path / "d", counts=COUNTS.replace("dawn-1;unhcr-1", "dawn-1;nope-9"))
    errors = validate.validate_package(folder).errors
    assert any("'nope-9'" in e and "row 2" in e for e in errors)
    assert any("'unhcr-1' is listed but no data row cites it" in e for e in errors)


def test_validate_reports_frictionless_errors_with_row(tmp_path):
    folder = write_package(tmp_path / "d", counts=COUNTS + "c,2025-10-14,attack,-4,1,true,dawn-1\n")
    errors = validate.validate_package(folder).errors
    assert any("counts" in e and "row 3" in e and "minimum" in e.lower() for e in errors), errors


def test_validate_reports_missing_files(tmp_path):
    folder = write_package(tmp_path / "d")
    (folder / "sources.csv").unlink()
    assert validate.validate_package(folder).errors == ["sources.csv is missing"]
    assert validate.validate_package(tmp_path / "nowhere").errors[0].startswith("the folder")
