import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_reference(name: str) -> dict:
    return json.loads((DATA / name).read_text())


@pytest.fixture(scope="session")
def book_reference() -> dict:
    return load_reference("book_trajectories.json")
