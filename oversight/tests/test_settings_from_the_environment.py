import pytest

from oversight.config.env import env_bool, env_json, env_list


def test_a_local_policy_is_read_as_json(monkeypatch):
    monkeypatch.setenv("OVERSIGHT_POLICY", '{"cp_visit_working_days": 5}')
    assert env_json("OVERSIGHT_POLICY", {}) == {"cp_visit_working_days": 5}


def test_a_policy_that_is_not_json_names_the_variable(monkeypatch):
    monkeypatch.setenv("OVERSIGHT_POLICY", "cp=5")
    with pytest.raises(ValueError, match="OVERSIGHT_POLICY must be a JSON object"):
        env_json("OVERSIGHT_POLICY", {})


def test_booleans_and_lists_have_defaults_when_unset(monkeypatch):
    monkeypatch.delenv("OVERSIGHT_DEBUG", raising=False)
    monkeypatch.setenv("OVERSIGHT_ALLOWED_HOSTS", "a.example, b.example")
    assert env_bool("OVERSIGHT_DEBUG", False) is False
    assert env_list("OVERSIGHT_ALLOWED_HOSTS", []) == ["a.example", "b.example"]
