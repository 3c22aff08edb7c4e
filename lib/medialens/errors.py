"""User-facing errors: one line that names the file and the problem.

The CLI prints these without a traceback; everything else is a bug and keeps its traceback.
"""


class MedialensError(Exception):
    """A problem with the user's input (a path, a file, a table, a parameter)."""

    def __init__(self, where, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where, self.problem = where, problem

    def __reduce__(self):
        # Raised in a worker process (--jobs, --engine dask), it is pickled back to the CLI.
        return MedialensError, (self.where, self.problem)


class Stopped(BaseException):
    """SIGTERM (or SIGINT) asked the program to stop. A BaseException, as KeyboardInterrupt is,
    so that no `except Exception` that keeps one article from stopping the run can take the
    signal for that article's error."""

    def __init__(self, signum: int = 15):
        super().__init__(f"signal {signum}")
        self.signum = signum
