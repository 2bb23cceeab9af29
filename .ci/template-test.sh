#!/usr/bin/env bash
# End-to-end test of the CI files that `sakerhet init --ci github|gitlab` writes (issue 11,
# item 16): clone THIS repository from a file:// URL at a pinned commit, build it the way
# the template does (swift build -c release --static-swift-stdlib, minutes on 2 cores), and
# run the job's shell steps, taken from the generated YAML by .ci/template_steps.py (not
# retyped here), on a plan made by `sakerhet init`. Called by .ci/run; offline.
#
#   .ci/template-test.sh SAKERHET_BIN [REF]
#
# SAKERHET_BIN is a built sakerhet (for `init`); REF defaults to `git rev-parse HEAD`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ref=${2:-$(git rev-parse HEAD)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sakerhet-template.XXXXXX")
trap 'rm -rf "$tmp" /tmp/sakerhet-src' EXIT   # /tmp/sakerhet-src: the GitLab build job's clone
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
export GIT_CONFIG_GLOBAL="$tmp/gitconfig" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
git config --global user.name CI
git config --global user.email ci@example.invalid
git config --global commit.gpgsign false

# The default files name a ref that exists in this repository.
for f in docs/ci/github-actions.yml docs/ci/gitlab-ci.yml; do
    default=$(python3 .ci/template_steps.py "$f" | python3 -c 'import json,sys; print(json.load(sys.stdin)["variables"]["SAKERHET_REF"])')
    git rev-parse --verify --quiet "$default^{commit}" > /dev/null || git rev-parse --verify --quiet "origin/$default^{commit}" > /dev/null \
        || fail "$f builds '$default', which this repository does not have"
    echo "ok: $f builds '$default', which exists here"
done

# A plan as a municipality starts it, with the CI file pinned to the commit under test.
plan() {  # plan DIR SYSTEM
    "$bin" init "$1" --ci "$2" --tool-ref "$ref" --tool-repo "file://$root" > "$tmp/init-$2.txt"
    grep -q "$ref" "$tmp/init-$2.txt" || fail "init --ci $2 does not name the pinned commit in its next steps"
    git -C "$1" init -q
    git -C "$1" add -A
    git -C "$1" commit -q -m "Ny plan"
}

# Runs the steps of a CI file: each GitHub step in its own bash -eo pipefail (as GitHub
# does), GitLab's script entries of one job in one shell. Environment: the file's variables.
run_steps() {  # run_steps FILE WORKDIR STEP-NAME-FILTER
    python3 .ci/template_steps.py "$1" > "$tmp/steps.json"
    python3 - "$tmp/steps.json" "$tmp/scripts" "$3" <<'PY'
import json, os, re, sys
spec = json.load(open(sys.argv[1], encoding="utf-8"))
out, keep = sys.argv[2], re.compile(sys.argv[3])
os.makedirs(out, exist_ok=True)
for name in os.listdir(out):
    os.remove(os.path.join(out, name))
with open(os.path.join(out, "env"), "w", encoding="utf-8") as f:
    for k, v in spec["variables"].items():
        if "${{" in v:
            continue  # GitHub expressions (vars, secrets): not set here
        f.write(f"export {k}='{v}'\n")
jobs = []
for s in spec["steps"]:
    if not keep.search(s["name"]):
        continue
    job = s["name"].split("[")[0] if spec["system"] == "gitlab" else s["name"]
    if not jobs or jobs[-1][0] != job:
        jobs.append((job, []))
    jobs[-1][1].append(s["script"])
for i, (job, scripts) in enumerate(jobs):
    with open(os.path.join(out, f"{i:02}.sh"), "w", encoding="utf-8") as f:
        f.write(f"# {job}\n" + "\n".join(scripts) + "\n")
PY
    local s
    for s in "$tmp"/scripts/[0-9]*.sh; do
        printf -- '-- %s\n' "$(head -n 1 "$s" | cut -c3-)"
        ( cd "$2"
          # shellcheck disable=SC1091
          . "$tmp/scripts/env"
          if [[ -s ${GITHUB_PATH:-/nonexistent} ]]; then PATH="$(tac "$GITHUB_PATH" | paste -sd:):$PATH"; fi
          bash --noprofile --norc -eo pipefail "$s" ) || fail "step '$(head -n 1 "$s" | cut -c3-)' of $1 failed"
    done
}

echo "== GitHub Actions: fetch, build (a cache miss), audit, report"
plan "$tmp/gh" github
gh_yml="$tmp/gh/.github/workflows/sakerhet.yml"
grep -q "SAKERHET_REF: \"$ref\" " "$gh_yml" || fail "the workflow does not pin $ref"
mkdir -p "$tmp/runner"
export RUNNER_TEMP="$tmp/runner" GITHUB_WORKSPACE="$tmp/gh" GITHUB_OUTPUT="$tmp/github_output" GITHUB_PATH="$tmp/github_path"
export GITHUB_EVENT_NAME=schedule SAKERHET_TOKEN=
: > "$GITHUB_OUTPUT"; : > "$GITHUB_PATH"
start=$SECONDS
run_steps "$gh_yml" "$tmp/gh" .
echo "fetch, build and steps: $((SECONDS - start)) s"
grep -qx "commit=$(git rev-parse "$ref^{commit}")" "$GITHUB_OUTPUT" || fail "the fetch step did not output the pinned commit (cache key)"
[[ $(cat "$tmp/gh/.sakerhet/commit") == "$(git rev-parse "$ref^{commit}")" ]] || fail ".sakerhet/commit is not the pinned commit"
for f in uppfoljning.html uppfoljning.json; do [[ -s $tmp/gh/$f ]] || fail "the report step did not write $f"; done
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["schema"] == "sakerhet.report/3"' "$tmp/gh/uppfoljning.json"
# The binary needs no Swift runtime libraries from the toolchain (--static-swift-stdlib).
if command -v ldd > /dev/null; then
    ldd "$tmp/gh/.sakerhet/bin/sakerhet" | grep -i swift && fail "the built binary links Swift libraries dynamically"
    echo "ok: no dynamic Swift libraries"
fi
# A pull request: annotations that never fail, then the time-free audit.
GITHUB_EVENT_NAME=pull_request run_steps "$gh_yml" "$tmp/gh" '^Audit$'
# A second run with the cache restored does not build again.
before=$(stat -c %Y "$tmp/gh/.sakerhet/bin/sakerhet")
start=$SECONDS
run_steps "$gh_yml" "$tmp/gh" '^(Fetch|Build)'
[[ $(stat -c %Y "$tmp/gh/.sakerhet/bin/sakerhet") == "$before" ]] || fail "the build step rebuilt a cached commit"
echo "ok: cached commit not rebuilt ($((SECONDS - start)) s)"

echo "== GitLab CI: the same build from the cache, audit and report jobs"
plan "$tmp/gl" gitlab
gl_yml="$tmp/gl/.gitlab-ci.yml"
# The build lines are GitHub's (tested above by a real build); here they find the cache.
python3 - "$gh_yml" "$gl_yml" <<'PY'
import json, subprocess, sys
def build(f):
    steps = json.loads(subprocess.check_output(["python3", ".ci/template_steps.py", f]))["steps"]
    s = next(s["script"] for s in steps if "swift build" in s["script"])
    return [l.strip() for l in s.splitlines() if "SAKERHET_SRC=" not in l.split("commit=")[0]]
gh, gl = build(sys.argv[1]), build(sys.argv[2])
assert gh == gl, f"the build steps differ:\n{gh}\n{gl}"
print("ok: GitHub and GitLab build with the same lines")
PY
cp -R "$tmp/gh/.sakerhet" "$tmp/gl/.sakerhet"
unset GITHUB_PATH
export CI_PROJECT_DIR="$tmp/gl" CI_SERVER_URL=https://gitlab.example.invalid CI_JOB_TOKEN=job-token CI_PIPELINE_SOURCE=schedule
before=$(stat -c %Y "$tmp/gl/.sakerhet/bin/sakerhet")
run_steps "$gl_yml" "$tmp/gl" .
[[ $(stat -c %Y "$tmp/gl/.sakerhet/bin/sakerhet") == "$before" ]] || fail "the GitLab build job rebuilt a cached commit"
for f in gl-code-quality-report.json audit-junit.xml uppfoljning.html uppfoljning.json; do
    [[ -s $tmp/gl/$f ]] || fail "the GitLab jobs did not write $f"
done
CI_PIPELINE_SOURCE=merge_request_event run_steps "$gl_yml" "$tmp/gl" '^sakerhet:audit'

echo "== a ref that does not exist fails the fetch step with a clear message"
sed -i "s/SAKERHET_REF: \"$ref\" /SAKERHET_REF: \"no-such-branch\" /" "$gh_yml"
if ( run_steps "$gh_yml" "$tmp/gh" '^Fetch' ) > "$tmp/missing.txt" 2>&1; then cat "$tmp/missing.txt"; fail "a missing ref was fetched"; fi
grep -q "has no commit, branch or tag 'no-such-branch'" "$tmp/missing.txt" || { cat "$tmp/missing.txt"; fail "no clear message for a missing ref"; }
echo "ok: a missing ref is named"
echo "template test passed"
