"""The coding form: one drop-down of labels per item of the practice article, a pseudonym box and
a Save button, so a learner codes by clicking and can save no unknown item or label.

    form = coding_form(("source", "hedge"), workspace="my_work")   # shown by the notebook
    form.choose("Critics", "vague"); form.pseudonym.value = "heron7"; form.save()   # what clicks do
"""
from __future__ import annotations

import html
from pathlib import Path

from .annotation import UNCODED, annotation_sheet, learner_id, save_annotation
from .kit import kit_data


class CodingForm:
    """The widgets of the form (`widget`), one drop-down per item (`dropdowns`), and `save()`,
    which the Save button calls and which returns the sentence it shows."""

    def __init__(self, categories, workspace, solutions: bool = False, home=None):
        import ipywidgets as widgets

        self.categories, self.workspace = tuple(categories), Path(workspace)
        self.home = Path(home) if home else Path.home()  # where this learner's id is kept
        labels = kit_data()["annotation"]["labels"]
        sheet = annotation_sheet(self.categories, solutions=solutions)
        self.dropdowns = {(category, item): widgets.Dropdown(options=[UNCODED, *labels[category]], value=value,
                                                            layout=widgets.Layout(width="180px"))
                          for category, coded in sheet.items() for item, value in coded.items()}
        self.pseudonym = widgets.Text(value="", placeholder="for example heron7", description="Pseudonym")
        self.button = widgets.Button(description="Save", button_style="primary")
        self.message = widgets.HTML("")
        self.button.on_click(lambda _: self.save())
        rows = []
        for category in self.categories:
            rows.append(widgets.HTML(f"<b>{html.escape(category)}</b>: {html.escape(', '.join(labels[category]))}"))
            rows += [widgets.HBox([dropdown, widgets.Label(item)]) for (c, item), dropdown in self.dropdowns.items()
                     if c == category]
        self.widget = widgets.VBox([*rows, self.pseudonym, widgets.HBox([self.button, self.message])])

    def choose(self, item: str, label: str) -> None:
        """Set one item's drop-down, as a click does (a label the drop-down lacks raises)."""
        category = next(c for c, i in self.dropdowns if i == item)
        self.dropdowns[(category, item)].value = label

    def sheet(self) -> dict:
        return {category: {item: dropdown.value for (c, item), dropdown in self.dropdowns.items() if c == category}
                for category in self.categories}

    def save(self) -> str:
        said = save_annotation(self.pseudonym.value, self.sheet(), self.workspace / "annotations",
                               learner=learner_id(self.home))
        self.message.value = html.escape(said)
        return said

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle = bundle[0] if isinstance(bundle, tuple) else bundle
        bundle["text/plain"] = (f"Coding form: {len(self.dropdowns)} items ({', '.join(self.categories)}); "
                                "choose a label for each, write your pseudonym, press Save.")
        return bundle


def form_ready() -> bool:
    """Whether the coding form can be shown here (ipywidgets imports)."""
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        return False
    return True


def coding_form(categories=("source", "hedge"), workspace="my_work", solutions: bool = False, home=None) -> CodingForm:
    """The form for `categories`, saving into WORKSPACE/annotations (a shared folder works: a
    pseudonym another learner saved under is refused); with solutions, the kit's labels."""
    return CodingForm(categories, workspace, solutions, home)
