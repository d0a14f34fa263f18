import sys
from pathlib import Path

# printing_samples.py sits beside the tests, not in a package.
sys.path.insert(0, str(Path(__file__).parent))
