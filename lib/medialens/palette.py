"""One palette for every plot and every highlighted article, so a colour means one thing
throughout the reports: a source type, a hedge kind, a figure's modality, a frame, a measure.
Okabe-Ito hues where there are few categories (safe for colour-blind readers)."""

COLOURS = {
    "source: named_person": "#56b4e9", "source: named_org": "#0072b2",
    "source: unnamed_official": "#cc79a7", "source: anonymous": "#d55e00",
    "source: media": "#009e73", "source: vague": "#e69f00", "source: pronoun": "#9ecae1",
    "hedge": "#f0e442", "booster": "#ff9f9f", "conditional": "#c7b8ea", "weasel": "#f4a582",
    "figure: asserted": "#1b9e77", "figure: reported": "#7570b3", "figure: speculative": "#d95f02",
    "frame: conflict": "#fb8072", "frame: human_interest": "#80b1d3",
    "frame: economic": "#b3de69", "frame: morality": "#bc80bd",
    "frame: responsibility": "#fdb462", "emotive": "#fccde5",
    "measure": "#4c72b0", "actor: mentioned": "#c6dbef", "actor: subject": "#08519c",
}
GREY = "#dddddd"  # a kind with no colour of its own
