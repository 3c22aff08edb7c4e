"""The notebooks' plots: each a function that takes tidy tables and returns (figure, table behind it).

The notebooks narrate and the library draws: one module per analysis (corpus, sources, figures,
frames, brief), each plot function documented with the columns of the table it returns, and
`save_figure` writing the PNG next to that table's CSV (The Markup's habit).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..outputs import claim_output, record_output
from ..tables import write_csv


def save_figure(fig, data: pd.DataFrame, output, name: str) -> str:
    """Write OUTPUT/figures/NAME.png and NAME.csv; return the relative name for display.

    A new or empty OUTPUT is marked as a medialens output folder listing the files written, so
    `medialens run --out OUTPUT` may replace them (outputs.claim_output); one holding other files
    is never marked."""
    output = Path(output)
    claim_output(output)
    folder = output / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    fig.savefig(folder / f"{name}.png", dpi=110, bbox_inches="tight",
                metadata={"Software": None})  # no version stamp: same input, same file
    write_csv(data, folder / f"{name}.csv")
    record_output(output, [folder / f"{name}.png", folder / f"{name}.csv"])
    return f"figures/{name}.png"
