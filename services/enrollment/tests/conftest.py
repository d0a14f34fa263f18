import sys
from pathlib import Path

# Test data builders live beside the tests (enrollment_testdata.py), not in the package.
sys.path.insert(0, str(Path(__file__).parent))
