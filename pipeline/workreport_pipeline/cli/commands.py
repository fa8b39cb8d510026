"""What each command module registers itself with."""

from __future__ import annotations

import argparse
from typing import TypeAlias

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""The subcommands of ``workreport-pipeline`` (argparse names the class only privately)."""
