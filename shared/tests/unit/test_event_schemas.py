"""docs/events/ must be what the models say: regenerate with `make events`."""

import json
from pathlib import Path

from ektp_shared.events import EVENT_TYPES, export_json_schemas

DOCS = Path(__file__).parents[3] / "docs" / "events"


def test_committed_schemas_match_the_models(tmp_path):
    export_json_schemas(tmp_path)
    for cls in EVENT_TYPES:
        name = f"{cls.type_name}.json"
        committed = DOCS / name
        assert committed.is_file(), f"{name} missing: run `make events`"
        assert json.loads(committed.read_text()) == json.loads((tmp_path / name).read_text()), (
            f"{name} is stale: run `make events`"
        )
