import sys
from pathlib import Path

# e2e_stack.py (the whole stack as processes) lives beside the tests.
sys.path.insert(0, str(Path(__file__).parent))

from e2e_stack import stack  # noqa: F401  (the fixture)
