from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT.parent / "shared" / "data"


def berita(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess, as a user runs it."""
    result = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"berita {' '.join(args)} failed:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds_out")
    berita("run", str(SEEDS), "--out", str(out))
    return out


@pytest.fixture(scope="session")
def seed_tables(seed_out) -> dict[str, pd.DataFrame]:
    names = ["documents", "blocks", "sentences", "tokens", "entities", "mentions", "quotes", "errors"]
    return {name: pd.read_parquet(seed_out / f"{name}.parquet") for name in names}


def require_data(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not here (../shared/data is beside the repo in CI)")
    return path
