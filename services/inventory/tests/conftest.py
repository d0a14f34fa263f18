import sys
from pathlib import Path

# The ledger property (ledger_property.py) is shared by the unit and the integration tests.
sys.path.insert(0, str(Path(__file__).parent))
