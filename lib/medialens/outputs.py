"""Output folders: they appear whole or not at all, and replacing one deletes only what this tool wrote.

Every command writes into a temporary folder beside --out (`.OUT.tmp-XXXX`) and renames it to
OUT when done. The marker file MARKER is the folder's manifest, JSON
{"medialens": 1, "pid": ..., "host": ..., "files": [...]}: "files" lists every file and folder
the tool wrote (relative paths, folders ending in "/"), and is null while a run is still
writing its temporary folder. An existing OUT is replaced only when everything in it is listed;
a file of anyone else's (notes saved among the reports), a folder without a manifest or one an
older version marked without a list is refused with one line. A run killed with SIGKILL leaves
its temporary folder behind: the next run with the same --out removes it (only a folder whose
marker names a process of this machine that is gone) and says so.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from .errors import MedialensError
from .stopping import stop_if_signalled

MARKER = ".medialens-output"


def read_manifest(folder: Path) -> dict | None:
    """The marker of `folder` as a dict, or None when there is none or it is no manifest (an
    older version's empty marker)."""
    try:
        manifest = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("medialens") == 1 else None


def write_manifest(folder: Path, files: list[str] | None) -> None:
    manifest = {"medialens": 1, "pid": os.getpid(), "host": socket.gethostname(), "files": files}
    (folder / MARKER).write_text(json.dumps(manifest, indent=0), encoding="utf-8")


def listing(folder: Path) -> list[str]:
    """Every file, link and folder under `folder` (relative, folders ending in "/"), links not
    followed, the marker left out."""
    entries = []
    for parent, folders, files in os.walk(folder):
        base = Path(parent).relative_to(folder)
        for name in folders:
            path = folder / base / name
            entries.append(f"{(base / name).as_posix()}" + ("" if path.is_symlink() else "/"))
        entries += [(base / name).as_posix() for name in files]
    return sorted(e for e in entries if e != MARKER)


def foreign_entries(folder: Path) -> list[str] | None:
    """What in `folder` this tool did not write; None when the folder has no manifest."""
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("files") is None:
        return None
    listed = set(manifest["files"])
    return [entry for entry in listing(folder) if entry not in listed]


def check_replaceable(out: Path) -> None:
    """Refuse, in one line, an `out` whose replacement would delete anything of the user's."""
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise MedialensError(out, "exists and is not a folder; choose another --out")
    if not any(out.iterdir()):
        return
    if not (out / MARKER).exists():
        raise MedialensError(out, "exists and is not a medialens output folder; choose another --out")
    foreign = foreign_entries(out)
    if foreign is None:
        raise MedialensError(out, "was written by an older medialens, which kept no list of its "
                                  "files; delete it yourself or choose another --out")
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise MedialensError(out, f"holds files medialens did not write ({printable(foreign[0])}"
                                  f"{more}); move them out or choose another --out")


def printable(name: str) -> str:
    """A file name as text every writer accepts: undecodable bytes shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@contextlib.contextmanager
def atomic_folder(out: str | Path, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Yield a temporary folder beside `out`; on success it replaces `out`, on error (or a
    signal, which the CLI turns into an exception) it vanishes. An `out` that is or holds one
    of `inputs` (the corpus, a lexicon, an analysis module) is refused, since replacing it
    would delete the input; so is an `out` holding anything medialens did not write."""
    out = Path(out).resolve()
    for given in inputs:
        path = Path(given).expanduser().resolve()
        if path == out or out in path.parents:
            raise MedialensError(out, f"holds an input of this run ({given}); choose another --out")
    check_replaceable(out)
    remove_stale(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as error:
        blocker = next((p for p in out.parents if p.exists()), None)
        reason = f"{blocker} is a file" if blocker and not blocker.is_dir() else error.strerror or error
        raise MedialensError(out, f"cannot create this folder ({reason})") from None
    try:
        work.chmod(0o755)  # mkdtemp makes it private; the result is an ordinary folder
        write_manifest(work, None)
        yield work
        write_manifest(work, listing(work))
        stop_if_signalled()
        check_replaceable(out)  # again: the user may have saved a file there meanwhile
        _replace(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _replace(out: Path, work: Path) -> None:
    old = out.with_name(f".{out.name}.old-{os.getpid()}") if out.exists() else None
    try:
        if old:
            out.rename(old)
        work.rename(out)
    except OSError as error:
        if old and old.exists() and not out.exists():
            old.rename(out)  # the previous output stays as it was
        raise MedialensError(out, f"cannot replace this folder ({error.strerror or error})") from None
    if old:
        remove_listed(old)


def remove_listed(folder: Path) -> None:
    """Delete what the manifest of `folder` lists, then the folder if nothing else is left;
    anything else stays, and a warning names it."""
    manifest = read_manifest(folder) or {}
    listed = manifest.get("files") or []
    for entry in sorted(listed, reverse=True):  # a folder's files before the folder
        path = folder / entry.rstrip("/")
        with contextlib.suppress(OSError):
            path.rmdir() if entry.endswith("/") and not path.is_symlink() else path.unlink()
    with contextlib.suppress(OSError):
        (folder / MARKER).unlink()
    with contextlib.suppress(OSError):  # also when it had no marker: an empty folder given as --out
        folder.rmdir()
    if folder.exists():
        print(f"medialens: warning: {printable(str(folder))} keeps files medialens did not write",
              file=sys.stderr)


def _alive(manifest: dict, pid: int | None = None) -> bool:
    """Whether the process that wrote `manifest` (or `pid`) may still be running: any process
    of another machine counts as running, since its pid cannot be checked from here."""
    if manifest.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(pid if pid is not None else manifest.get("pid")), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, TypeError, ValueError, OverflowError):
        return True
    return True


def remove_stale(out: Path) -> list[Path]:
    """Remove the temporary folders an earlier run with this --out left when it was killed:
    `.OUT.tmp-*` whose marker names a process that is gone; a `.OUT.old-PID` (the previous
    output, moved aside just before the kill) goes back to OUT if OUT is missing, else only
    its listed files are removed. Says which, one line each; nothing without a marker is touched."""
    removed = []
    for path in sorted(out.parent.glob(f".{out.name}.tmp-*")) + sorted(out.parent.glob(f".{out.name}.old-*")):
        manifest = read_manifest(path) if path.is_dir() and not path.is_symlink() else None
        if manifest is None:
            continue
        is_old = path.name.startswith(f".{out.name}.old-")
        pid = path.name.rsplit("-", 1)[-1] if is_old else None
        if _alive(manifest if not is_old else {**manifest, "host": socket.gethostname()},
                  int(pid) if pid and pid.isdigit() else None):
            continue
        if is_old and not out.exists():
            path.rename(out)
            print(f"medialens: restored {out} from {path.name}, left by a run that was killed",
                  file=sys.stderr)
            continue
        remove_listed(path) if is_old else shutil.rmtree(path, ignore_errors=True)
        print(f"medialens: removed {printable(str(path))}, left by a run that was killed", file=sys.stderr)
        removed.append(path)
    return removed


def claim_output(folder: str | Path) -> bool:
    """Mark `folder` as a medialens output (a notebook's `output` parameter) when it is new or
    empty, so a later `medialens run --out` may replace it; a folder that already holds other
    files is written into but never marked, so medialens never deletes from it. Returns whether
    the folder is (now) marked."""
    folder = Path(folder)
    if read_manifest(folder) is not None:
        return True
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    write_manifest(folder, [])
    return True


def record_output(folder: str | Path, paths: Iterable[str | Path]) -> None:
    """Add `paths` (files written under `folder`) to its manifest, if it has a finished one (a
    run's temporary folder lists everything when it is done)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("files") is None:
        return
    entries = set(manifest["files"])
    for path in paths:
        relative = Path(path).resolve().relative_to(folder.resolve())
        entries.add(relative.as_posix())
        entries.update(f"{parent.as_posix()}/" for parent in relative.parents if parent != Path("."))
    if entries != set(manifest["files"]):
        (folder / MARKER).write_text(json.dumps({**manifest, "files": sorted(entries)}, indent=0),
                                     encoding="utf-8")
