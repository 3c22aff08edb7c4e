# medialens: `make run` sets everything up and analyses seeds/; `make test` checks it.
.DEFAULT_GOAL := help
.PHONY: help setup run test lab notebooks clean

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.medialens-setup

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  make /'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name medialens --display-name "Python (medialens)" >/dev/null
	touch $@

## setup: create .venv, install medialens with its test extras, register the Jupyter kernel
setup: $(STAMP)

## run: analyse seeds/ with every notebook and write reports/ (index.html links it all)
run: setup
	$(BIN)/medialens run seeds --out reports

## test: unit tests and nbval over the committed notebooks
test: setup
	$(BIN)/pytest

# JupyterLab refuses to start as root unless told --allow-root (lab machines, containers run as
# root); in a container there is no browser and localhost is the container's own, so listen on
# every interface and print the URL with its token instead. LAB_ARGS adds flags of your own.
USER_ID ?= $(shell id -u)
IN_CONTAINER ?= $(if $(wildcard /.dockerenv /run/.containerenv),yes)
LAB_FLAGS := $(if $(filter 0,$(USER_ID)),--allow-root) $(if $(IN_CONTAINER),--ip=0.0.0.0 --no-browser) $(LAB_ARGS)

## lab: open JupyterLab on notebooks/ (the workshop is in notebooks/workshop/), as root or not
lab: setup
	$(BIN)/jupyter lab $(strip $(LAB_FLAGS) notebooks/)

## notebooks: re-execute the committed notebooks on seeds/, rebuild the workshop's and run its facilitator copies (after changing the library)
notebooks: setup
	cd notebooks && for nb in *.ipynb; do ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False "$$nb" || exit 1; done
	$(BIN)/python notebooks/workshop/build_notebooks.py --tables --guide --execute

## clean: remove reports/ and the virtual environment
clean:
	rm -rf reports $(VENV)
