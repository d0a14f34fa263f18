import sys
from pathlib import Path

# The sample service used by the plumbing tests lives beside the tests, not in a package.
sys.path.insert(0, str(Path(__file__).parent))
