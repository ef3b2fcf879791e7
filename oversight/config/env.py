"""Small typed readers for settings taken from the environment."""

import json
import os


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_json(name: str, default: dict[str, object]) -> dict[str, object]:
    """A JSON object from the environment; a clear error names the variable when it is not."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        raise ValueError(f"{name} must be a JSON object: {error}") from error
    if not isinstance(parsed, dict):
        raise ValueError(f"{name} must be a JSON object, not {type(parsed).__name__}")
    return parsed


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of ``choices``; a clear error names the variable and the choices when it is not."""
    value = os.environ.get(name, default).strip().lower()
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value
