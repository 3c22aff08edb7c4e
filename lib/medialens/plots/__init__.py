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


def save_figure(fig, data: pd.DataFrame, output, name: str):
    """Write OUTPUT/figures/NAME.png and NAME.csv, close the figure, and return the PNG written
    as an IPython Image: a notebook cell that ends with this call shows the file itself.

    Showing the file, rather than drawing the figure a second time for the notebook
    (`plt.show()`), halves what a plot costs, and what the reader sees is what was saved.

    A new or empty OUTPUT is marked as a medialens output folder listing the files written, so
    `medialens run --out OUTPUT` may replace them (outputs.claim_output); one holding other files
    is never marked."""
    import matplotlib.pyplot as plt
    from IPython.display import Image

    output = Path(output)
    claim_output(output)
    folder = output / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=110, bbox_inches="tight",
                metadata={"Software": None})  # no version stamp: same input, same file
    plt.close(fig)  # or pyplot would draw it again at the end of the cell
    write_csv(data, folder / f"{name}.csv")
    record_output(output, [png, folder / f"{name}.csv"])
    return Image(filename=png)
