import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def load_reference(name: str) -> dict:
    return json.loads((DATA / name).read_text())


@pytest.fixture(scope="session", autouse=True)
def test_cache(tmp_path_factory):
    """Scene renders and the network chapter are cached in a folder of the test session's, never the user's, so
    the chapter trains once for the whole session (subprocesses inherit it). A test about an empty cache sets its
    own."""
    folder = tmp_path_factory.mktemp("optviz-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPTVIZ_CACHE", str(folder))
        yield folder
