#!/usr/bin/env python3
"""Prints, as JSON, what a CI file written by `sakerhet init --ci` runs:

    {"system": "github"|"gitlab", "variables": {...}, "steps": [{"name": ..., "script": ...}]}

GitHub: the workflow's `env`, and each step of the `audit` job that has `run`, in order.
GitLab: the global `variables`, and one step per `script` entry of each job, in stage order.
Used by .ci/template-test.sh, which runs the steps, and by CITemplateTests, which checks
that the steps are exactly the shell lines in the file.

    python3 .ci/template_steps.py FILE
"""
import json
import sys

import yaml


def steps(doc):
    if "jobs" in doc:
        job = doc["jobs"]["audit"]
        out = [{"name": s.get("name", ""), "script": s["run"], "if": s.get("if")} for s in job["steps"] if "run" in s]
        return "github", doc.get("env", {}), out
    out = []
    for stage in doc["stages"]:
        for name, job in doc.items():
            if isinstance(job, dict) and job.get("stage") == stage:
                for i, line in enumerate(job["script"]):
                    out.append({"name": f"{name}[{i}]", "script": line, "if": None})
    return "gitlab", doc.get("variables", {}), out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    system, variables, out = steps(doc)
    json.dump({"system": system, "variables": {k: str(v) for k, v in variables.items()}, "steps": out},
              sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
