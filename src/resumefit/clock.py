"""The time outputs are stamped with, and the month "present" means."""

from __future__ import annotations

import os
from datetime import datetime, timezone


def now() -> datetime:
    """The time to stamp on revisions and reports; SOURCE_DATE_EPOCH makes outputs
    reproducible (the examples in the repository are made with it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
