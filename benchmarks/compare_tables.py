"""Tag the same corpora before and after a change and say which tables moved.

A change meant to keep the tables (a speed change, a module split) must leave every CSV
identical; a change meant to move them should move only the tables it names. Three corpora:
seeds/, the real stories of ../shared/stories/texts (when present) and a generated corpus of 300
articles (benchmarks/out/generated-300.jsonl, made once and then kept, so later cleaning changes
do not change the input).

    python benchmarks/compare_tables.py tag /tmp/before        # on the old commit
    python benchmarks/compare_tables.py tag /tmp/after         # on the new one
    python benchmarks/compare_tables.py diff /tmp/before /tmp/after
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "benchmarks" / "out" / "generated-300.jsonl"


def corpora() -> dict[str, Path]:
    found = {"seeds": ROOT / "seeds", "stories": ROOT.parent / "shared" / "stories" / "texts",
             "generated": GENERATED}
    if not GENERATED.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), "--documents", "300",
                        "--out", str(GENERATED)], check=True)
    return {name: path for name, path in found.items() if path.exists()}


def tag(out: Path, extra: list[str]) -> None:
    for name, path in corpora().items():
        subprocess.run([sys.executable, "-m", "medialens", "tag", str(path), "--out", str(out / name), *extra],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"tagged {name} into {out / name}", flush=True)


def diff(before: Path, after: Path) -> int:
    moved = 0
    for folder in sorted(p for p in before.iterdir() if p.is_dir()):
        for table in sorted(folder.glob("*.csv")):
            other = after / folder.name / table.name
            if not other.exists():
                print(f"{folder.name}/{table.name}: missing after")
                moved += 1
                continue
            old, new = table.read_text(encoding="utf-8").splitlines(), other.read_text(encoding="utf-8").splitlines()
            if old != new:
                gone, came = len(set(old) - set(new)), len(set(new) - set(old))
                print(f"{folder.name}/{table.name}: {gone} rows gone, {came} rows new (of {len(old)} and {len(new)})")
                moved += 1
        for table in sorted((after / folder.name).glob("*.csv")):
            if not (folder / table.name).exists():
                print(f"{folder.name}/{table.name}: new table")
    print("every table identical" if not moved else f"{moved} tables differ")
    return 1 if moved else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tagging = commands.add_parser("tag", help="tag the corpora into OUT/<corpus>/")
    tagging.add_argument("out", type=Path)
    tagging.add_argument("extra", nargs=argparse.REMAINDER, help="more options for medialens tag")
    diffing = commands.add_parser("diff", help="compare two folders written by `tag`")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "tag":
        tag(args.out, args.extra)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
