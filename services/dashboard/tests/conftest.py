import sys
from pathlib import Path

# dashboard_samples.py (event builders shared by the tests) lives beside the tests.
sys.path.insert(0, str(Path(__file__).parent))
