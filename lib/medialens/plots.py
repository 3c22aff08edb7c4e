"""Saving a notebook's figure next to the CSV of the data behind it (The Markup's habit)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def save_figure(fig, data: pd.DataFrame, output, name: str) -> str:
    """Write OUTPUT/figures/NAME.png and NAME.csv; return the relative name for display."""
    folder = Path(output) / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    fig.savefig(folder / f"{name}.png", dpi=110, bbox_inches="tight",
                metadata={"Software": None})  # no version stamp: same input, same file
    data.to_csv(folder / f"{name}.csv", index=False)
    return f"figures/{name}.png"
