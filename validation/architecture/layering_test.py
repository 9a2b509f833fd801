#!/usr/bin/env python3
"""The library's layering, checked on every #include of lib/ (label `unit`).

Data flows one way: common -> data -> models -> train -> recipes -> analysis -> claims ->
results. A file of lib/<layer>/ may include its own layer and the layers before it, never a
later one, and lib/ never includes validation/, benchmarks/, reports/ or cli/. Prints each
offending include (file:line) and exits 1 when there is one.
"""
import pathlib
import re
import sys

LAYERS = ["common", "data", "models", "train", "recipes", "analysis", "claims", "results"]
OUTSIDE = {"validation", "benchmarks", "reports", "cli", "fuzz"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main(root: pathlib.Path) -> int:
    lib = root / "lib"
    problems, checked = [], 0
    for path in sorted(lib.rglob("*")):
        if path.suffix not in {".h", ".hpp", ".cpp", ".cc"}:
            continue
        layer = path.relative_to(lib).parts[0]
        if layer not in LAYERS:
            problems.append(f"{path.relative_to(root)}: lib/{layer}/ is not a known layer "
                            f"(add it to LAYERS in {pathlib.Path(__file__).name})")
            continue
        rank = LAYERS.index(layer)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            checked += 1
            target = match.group(1).split("/")[0]
            where = f"{path.relative_to(root)}:{number}: #include \"{match.group(1)}\""
            if target in OUTSIDE:
                problems.append(f"{where}: lib/ never includes {target}/")
            elif target in LAYERS and LAYERS.index(target) > rank:
                problems.append(f"{where}: lib/{layer}/ comes before lib/{target}/ "
                                f"({' -> '.join(LAYERS)})")
    for problem in problems:
        print(problem)
    print(f"{checked} includes of lib/ checked against {' -> '.join(LAYERS)}: "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()))
