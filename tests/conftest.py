import sys
from pathlib import Path

# Test helpers (ooxml.py) are imported by name.
sys.path.insert(0, str(Path(__file__).parent))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
