"""The optional `deployers` of a record: the organisations that use the system. The schema
and the model judge every variant alike, and a record without the field stays valid."""

from __future__ import annotations

import copy

import pytest
from cases import TEXT, base_record, deleter, setter, verdicts
from conftest import SYSTEM
from trustlist.core.models import System

HOSPITAL = {"kk": "№ 1 аурухана", "ru": "Больница № 1", "en": "Hospital No. 1"}
VARIANTS = {
    "none named": (deleter("deployers"), True),
    "an empty list": (setter("deployers", value=[]), True),
    "a name": (setter("deployers", value=[{"name": TEXT}]), True),
    "a name and a BIN": (
        setter("deployers", value=[{"name": HOSPITAL, "bin": "050240001231"}]),
        True,
    ),
    "two": (setter("deployers", value=[{"name": TEXT}, {"name": HOSPITAL}]), True),
    "no name": (setter("deployers", value=[{"bin": "050240001231"}]), False),
    "a name in Russian only": (setter("deployers", value=[{"name": {"ru": "Больница"}}]), False),
    "a plain string": (setter("deployers", value=["Больница № 1"]), False),
    "a short BIN": (setter("deployers", value=[{"name": TEXT, "bin": "12345"}]), False),
    "a BIN as a number": (setter("deployers", value=[{"name": TEXT, "bin": 50240001231}]), False),
    "another field": (setter("deployers", value=[{"name": TEXT, "city": "Астана"}]), False),
    "an object, not a list": (setter("deployers", value={"name": TEXT}), False),
    "too many": (setter("deployers", value=[{"name": TEXT}] * 501), False),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_schema_and_model_agree_on_deployers(name: str) -> None:
    data = copy.deepcopy(base_record(SYSTEM))
    data["deployers"] = [{"name": TEXT}]
    change, valid = VARIANTS[name]
    change(data)
    assert verdicts("system", System, data) == (valid, valid)


def test_a_deployer_keeps_its_names_and_bin() -> None:
    data = copy.deepcopy(base_record(SYSTEM))
    data["deployers"] = [{"name": HOSPITAL, "bin": "050240001231"}, {"name": TEXT}]
    system = System.model_validate(data)
    assert [(d.name.en, d.bin) for d in system.deployers] == [
        ("Hospital No. 1", "050240001231"),
        (None, None),
    ]
    del data["deployers"]  # none named: nothing to export but what the record says
    assert System.model_validate(data).deployers is None
    assert "deployers" not in System.model_validate(data).model_dump(exclude_none=True)
