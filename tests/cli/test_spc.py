"""``quorate spc``: the contract in CONTRACTS.md, run in-process."""

from __future__ import annotations

import json

import pytest

from quorate.cli import main
from tests.core.spc.vectors import cases, mismatches, vectors_path


def run(capsys, *argv):
    code = main(["spc", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, document, name="cases.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def doc(*case_list):
    return {"schema": "spc-vectors/1", "cases": list(case_list)}


SERIES = {
    "id": "s1",
    "kind": "series",
    "input": {"values": [0, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1], "dates": None},
    "options": {"improvement_direction": "increase", "target": 10},
}


def test_spc_json_whole_vectors_file_matches_expected(capsys):
    code, out, err = run(capsys, str(vectors_path()), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "spc-results/1"
    results = {r["id"]: r for r in data["results"]}
    runnable = [c for c in cases() if c["kind"] != "rule"]
    assert len(results) == len(runnable) == 54
    for case in runnable:
        expected = case["expected"]
        assert set(results[case["id"]]) == {"id", *expected}  # the same keys, no more
        problems = mismatches(expected, results[case["id"]], case["tolerance"]["abs"])
        assert not problems, f"{case['id']}: {problems[:5]}"
    assert "skipped 47 rule case(s)" in err


def test_spc_json_series_case(capsys, tmp_path):
    code, out, err = run(capsys, write(tmp_path, doc(SERIES)), "--json")
    assert code == 0 and err == ""
    (result,) = json.loads(out)["results"]
    assert result["id"] == "s1"
    assert result["variation_icon"] == "concern_low"
    assert result["assurance_type"] == "consistent_fail"
    assert result["points"]["special_cause_type"][0] == "Below LCL"
    assert set(result["groups"][0]) == {
        "start",
        "end",
        "n",
        "mean",
        "lpl",
        "upl",
        "short_group_warning",
    }


def test_spc_limits_case_prints_only_the_limits(capsys, tmp_path):
    case = {"id": "l1", "kind": "limits", "input": {"values": [1, 3, 2, 4, 3]}, "options": {}}
    code, out, _ = run(capsys, write(tmp_path, doc(case)), "--json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    assert set(result) == {"id", "mean", "lpl", "upl", "nlpl", "nupl"}
    assert result["mean"] == 2.6
    assert result["upl"] == pytest.approx(2.6 + 2.66 * 1.5)


def test_spc_variant_options_change_the_result(capsys, tmp_path):
    values = [9, 11] * 10 + [15.5, 9, 15.5]
    plain = {"id": "a", "kind": "series", "input": {"values": values}, "options": {}}
    powerbi = {
        "id": "b",
        "kind": "series",
        "input": {"values": values},
        "options": {"limit_multiplier": 2.6596, "variant": {"two_in_three": "powerbi"}},
    }
    code, out, _ = run(capsys, write(tmp_path, doc(plain, powerbi)), "--json")
    assert code == 0
    a, b = json.loads(out)["results"]
    assert a["variation_icon"] == "common_cause"
    assert b["variation_icon"] == "improvement_high"


def test_spc_table_is_readable(capsys, tmp_path):
    assurance = {
        "id": "as1",
        "kind": "assurance",
        "input": {"lpl": 1, "upl": 3, "target": 4},
        "options": {"improvement_direction": "increase"},
    }
    code, out, err = run(capsys, write(tmp_path, doc(SERIES, assurance)))
    assert code == 0 and err == ""
    assert "== s1" in out and "Below LCL" in out and "variation icon: concern_low" in out
    assert "assurance: consistent_fail  (icon: fail)" in out


def test_spc_rule_cases_are_skipped_with_a_note(capsys, tmp_path):
    rule = {"id": "r1", "kind": "rule", "rule": "ptd_trend_ends", "input": {"y": []}}
    code, out, err = run(capsys, write(tmp_path, doc(rule)), "--json")
    assert code == 0
    assert json.loads(out)["results"] == []
    assert "skipped 1 rule case(s)" in err and "r1" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "invalid JSON at line 1 column 2"),
        (json.dumps({"schema": "other/1", "cases": []}), "'schema'"),
        (json.dumps({"schema": "spc-vectors/1"}), "'cases'"),
        (json.dumps(doc({"kind": "series"})), "field 'id'"),
        (json.dumps(doc({"id": "x", "kind": "series", "input": {}})), "'x': field 'input.values'"),
        (
            json.dumps(doc({"id": "x", "kind": "series", "input": {"values": [1, "a"]}})),
            "'input.values[1]'",
        ),
        (
            json.dumps(
                doc(
                    {
                        "id": "y",
                        "kind": "series",
                        "input": {"values": [1]},
                        "options": {"fix_after_n_points": 5},
                    }
                )
            ),
            "'y': field 'options.fix_after_n_points'",
        ),
        (
            json.dumps(
                doc(
                    {
                        "id": "z",
                        "kind": "series",
                        "input": {"values": [1]},
                        "options": {"variant": {"two_in_three": "sometimes"}},
                    }
                )
            ),
            "'options.variant.two_in_three'",
        ),
        (json.dumps(doc({"id": "k", "kind": "chart", "input": {}})), "'k': field 'kind'"),
    ],
)
def test_spc_bad_input_names_file_case_and_field(capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path), "--json")
    assert code == 2
    assert out == ""
    assert str(path) in err and message in err
    assert "Traceback" not in err


def test_spc_help_works(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["spc", "--help"])
    assert exit_info.value.code == 0
    assert "spc-vectors/1" in capsys.readouterr().out
