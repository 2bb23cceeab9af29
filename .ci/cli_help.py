#!/usr/bin/env python3
"""Builds the generated help section of docs/cli.md from the binary itself.

    python3 .ci/cli_help.py BIN                      print the section
    python3 .ci/cli_help.py BIN --write docs/cli.md  replace it in the file
    python3 .ci/cli_help.py BIN --check docs/cli.md  exit 1 when the file is out of date

It runs `BIN help`, then `BIN help COMMAND` for every command listed there, and
`BIN COMMAND VERB --help` for every verb in a usage line such as
`sakerhet activities [list|show|add] …`. The text is Swedish, the default.
"""
import os
import re
import subprocess
import sys

BEGIN = "<!-- BEGIN GENERATED HELP: python3 .ci/cli_help.py BIN --write docs/cli.md -->"
END = "<!-- END GENERATED HELP -->"


def run(binary, *args):
    env = dict(os.environ, NO_COLOR="1")
    out = subprocess.run([binary, *args], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)} exited {out.returncode}: {out.stderr.strip()}")
    return out.stdout.rstrip("\n")


def commands(overview):
    names, inside = [], False
    for line in overview.splitlines():
        if line.rstrip().endswith(":") and not line.startswith(" "):
            inside = line.startswith(("Kommandon", "Commands"))
            continue
        if inside:
            m = re.match(r"^  (\S+)", line)
            if m:
                names.append(m.group(1))
            elif not line.strip():
                inside = False
    return names


def section(binary):
    overview = run(binary, "help")
    parts = [BEGIN, "", "### `sakerhet help`", "", "```text", overview, "```"]
    for name in commands(overview):
        text = run(binary, "help", name)
        parts += ["", f"### `sakerhet {name}`", "", "```text", text, "```"]
        usage = text.splitlines()[0] if text else ""
        m = re.match(r"^\S+: sakerhet \S+ \[([a-z|]+)\]", usage)
        for verb in m.group(1).split("|") if m else []:
            parts += ["", f"#### `sakerhet {name} {verb}`", "", "```text", run(binary, name, verb, "--help"), "```"]
    parts += ["", END]
    return "\n".join(parts)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    generated = section(sys.argv[1])
    if len(sys.argv) == 2:
        print(generated)
        return
    mode, path = sys.argv[2], sys.argv[3]
    text = open(path, encoding="utf-8").read()
    start, stop = text.find(BEGIN), text.find(END)
    if start < 0 or stop < 0:
        sys.exit(f"{path} has no generated help section (markers missing)")
    current = text[start:stop + len(END)]
    if mode == "--check":
        sys.exit(0 if current == generated else 1)
    if mode == "--write":
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:start] + generated + text[stop + len(END):])
        return
    sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
