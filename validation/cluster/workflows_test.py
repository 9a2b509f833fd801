#!/usr/bin/env python3
"""Workflows.ParseAsYamlAndRunTheCiScripts (label unit): the GitHub workflows under
.github/workflows parse as YAML (Debian's python3-yaml), the push/pull-request one runs ./ci/test
within CI's 90 minutes, the scheduled one runs ./ci/nightly-gpu on a self-hosted GPU runner, and
every ./ci/ script they name exists and is executable."""
import os
import re
import sys

import yaml

root = sys.argv[1]
folder = os.path.join(root, ".github", "workflows")
problems = []


def load(name):
    with open(os.path.join(folder, name)) as f:
        doc = yaml.safe_load(f)
    # YAML 1.1 reads the key `on` as True.
    doc["on"] = doc.pop(True, doc.get("on"))
    return doc


def runs(doc):
    for job in doc["jobs"].values():
        for step in job.get("steps", []):
            if "run" in step:
                yield job, step["run"]


ci = load("ci.yml")
if not {"push", "pull_request"} <= set(ci["on"] or {}):
    problems.append("ci.yml: not run on push and pull_request")
ci_jobs = [job for job, run in runs(ci) if re.search(r"(^|\s)\./ci/test(\s|$)", run)]
if not ci_jobs:
    problems.append("ci.yml: no step runs ./ci/test")
elif any(job.get("timeout-minutes", 360) > 90 for job in ci_jobs):
    problems.append("ci.yml: the ./ci/test job may run past CI's 90 minutes")

nightly = load("nightly-gpu.yml")
if not nightly["on"].get("schedule"):
    problems.append("nightly-gpu.yml: no schedule")
gpu_jobs = [job for job, run in runs(nightly) if "./ci/nightly-gpu" in run]
if not gpu_jobs:
    problems.append("nightly-gpu.yml: no step runs ./ci/nightly-gpu")
elif not all("self-hosted" in job["runs-on"] and "gpu" in job["runs-on"] for job in gpu_jobs):
    problems.append("nightly-gpu.yml: ./ci/nightly-gpu not on a self-hosted GPU runner")

for doc in (ci, nightly):
    for _, run in runs(doc):
        for script in re.findall(r"\./(ci/[\w.-]+)", run):
            path = os.path.join(root, script)
            if not os.access(path, os.X_OK):
                problems.append(f"a workflow runs ./{script}, which is not an executable file")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("workflows: ci.yml runs ./ci/test (timeout <= 90 min), nightly-gpu.yml ./ci/nightly-gpu")
