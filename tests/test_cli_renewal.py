"""Renewal from the command line: renew, renewal fees, lifetime credentials, trainings
limited to some credentials. Refusals exit 2 with one line and change nothing."""

from __future__ import annotations

import json

from cli_run import run


def _certifications(capsys, data_dir):
    code, out, _ = run(capsys, data_dir, "list", "certifications", "--json")
    assert code == 0
    return json.loads(out)


def _credential(capsys, data_dir, name, as_of):
    code, out, _ = run(capsys, data_dir, "status", "--json", "--as-of", as_of)
    assert code == 0
    return next(c for c in json.loads(out)["credentials"] if c["name"] == name)


def test_renew_adds_a_cycle_to_the_expiry_of_the_whole_group(capsys, data_dir):
    run(capsys, data_dir, "add", "certification", "CSM", "--earned", "2024-02-29")
    run(capsys, data_dir, "add", "certification", "CSPO", "--earned", "2024-02-29")
    # 2024-02-29 + 24 months = 2026-02-28; renewed early, + 24 months = 2028-02-28.
    code, out, err = run(capsys, data_dir, "renew", "CSPO", "--date", "2026-01-10")
    assert (code, err) == (0, "")
    assert out.startswith("Renewed CSPO, CSM until 2028-02-28 (Scrum Alliance renewal;")
    assert "fee USD 100" in out
    for name in ("CSM", "CSPO"):
        item = _credential(capsys, data_dir, name, "2026-03-01")
        assert (item["expires"], item["cycle_start"], item["status"]) == (
            "2028-02-28",
            "2026-02-28",
            "active",
        )


def test_renew_refuses_an_expired_credential_and_changes_nothing(capsys, data_dir):
    run(capsys, data_dir, "add", "certification", "CSPO", "--earned", "2023-03-01")
    before = _certifications(capsys, data_dir)
    code, out, err = run(capsys, data_dir, "renew", "CSPO", "--date", "2025-03-02")
    assert (code, out) == (2, "")
    assert err.strip() == (
        "po-tracker: error: credential: CSPO expired on 2025-03-01 and can no longer be"
        " renewed: log it again when you earn it anew"
    )
    assert _certifications(capsys, data_dir) == before


def test_a_lifetime_credential_with_an_expiry_is_refused(capsys, data_dir):
    code, out, err = run(
        capsys, data_dir, "add", "certification", "PSPO I", "--earned", "2024-01-01",
        "--expires", "2030-01-01",
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert "PSPO I is a lifetime credential: it has no expiry date" in err
    assert _certifications(capsys, data_dir) == []


def test_a_renewal_fee_of_ones_own_is_shown(capsys, data_dir):
    code, _, _ = run(
        capsys, data_dir, "add", "certification", "A-CSM", "--earned", "2025-01-01",
        "--renewal-fee", "EUR 160",
    )  # fmt: skip
    assert code == 0
    assert _credential(capsys, data_dir, "A-CSM", "2025-02-01")["renewal_fee"] == "EUR 160"


def test_a_malformed_renewal_fee_is_refused(capsys, data_dir):
    code, out, err = run(
        capsys, data_dir, "add", "certification", "CSM", "--renewal-fee", "a hundred"
    )
    assert (code, out) == (2, "")
    assert "--renewal-fee: must be a currency and an amount, such as USD 100" in err
    assert _certifications(capsys, data_dir) == []


def test_a_training_counted_toward_named_credentials(capsys, data_dir):
    run(capsys, data_dir, "add", "certification", "CSPO", "--earned", "2025-01-01")
    run(capsys, data_dir, "add", "certification", "PMP", "--earned", "2025-01-01")
    code, _, _ = run(
        capsys, data_dir, "add", "training", "PMI course", "--hours", "7", "--date",
        "2025-02-01", "--credential", "PMP",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, data_dir, "list", "trainings", "--json")
    (listed,) = json.loads(out)
    assert listed["counts_toward"] == ["PMP"]
    assert _credential(capsys, data_dir, "PMP", "2025-03-01")["credits_earned"] == 7
    assert _credential(capsys, data_dir, "CSPO", "2025-03-01")["credits_earned"] == 0


def test_a_training_naming_an_unknown_credential_is_refused(capsys, data_dir):
    code, out, err = run(
        capsys, data_dir, "add", "training", "Course", "--hours", "2", "--credential", "XYZ"
    )
    assert (code, out) == (2, "")
    assert "XYZ" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, data_dir, "list", "trainings", "--json")
    assert json.loads(out) == []
