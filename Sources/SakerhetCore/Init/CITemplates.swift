/// The CI files that `init --ci` writes. docs/ci/ holds the same files (with the default
/// ref and no repository), explained in docs/ci.md; a test keeps them byte-identical.
///
/// Both files fetch sakerhet's source from `SAKERHET_REPO` at `SAKERHET_REF` (a commit, or
/// a branch or tag that is looked up on each run), build it with
/// `swift build -c release --static-swift-stdlib` only when the commit is not in the cache,
/// and run `audit` and `report`. With `SAKERHET_BINARY_URL` set they download a released
/// binary instead, and run it only if its SHA-256 is `SAKERHET_BINARY_SHA256`; when the
/// download itself fails they build as above. `.ci/template-test.sh` runs their shell steps on a clone of
/// this repository.
public enum CITemplates {
    /// The ref the files name when `init` is given none: the tool's main branch, which
    /// every mirror has. docs/ci.md says how to pin a commit instead.
    public static let defaultRef = "main"
    /// The image with the Swift 6 toolchain (and git) that the jobs run in.
    public static let image = "swift:6.3-noble"

    /// (path in the repository, contents) for `github` or `gitlab`, building sakerhet at
    /// `ref` from `repo` (nil: the CI variable `SAKERHET_REPO`).
    public static func file(_ system: String, ref: String = defaultRef, repo: String? = nil) -> (String, String) {
        let gitlabCI = system == "gitlab"
        var text = gitlabCI ? gitlab : github
        // Quoted: YAML reads an unquoted 1.10 as the number 1.1, 010 as 8, yes as true.
        text = text.replacingAll("SAKERHET_REF: \"\(defaultRef)\" ", with: "SAKERHET_REF: \"\(ref)\" ")
        if let repo {
            let old = gitlabCI ? "SAKERHET_REPO: \"\"" : "SAKERHET_REPO: ${{ vars.SAKERHET_REPO }}"
            text = text.replacingAll(old, with: "SAKERHET_REPO: \"\(repo)\"")
        }
        return (gitlabCI ? ".gitlab-ci.yml" : ".github/workflows/sakerhet.yml", text)
    }

    /// A ref that can stand in the YAML, the shell and a GitLab cache key unquoted: a commit
    /// id, or a branch or tag name of ASCII letters, digits and `._-`, not starting with `-`
    /// or `.` (GitLab refuses a `/` in a cache key: pin a commit for `release/1.0`).
    public static func isValidRef(_ ref: String) -> Bool {
        !ref.isEmpty && ref.count <= 200 && !ref.hasPrefix("-") && !ref.hasPrefix(".") && !ref.includes("..")
            && ref.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// A repository address that can stand in double quotes in the YAML and in the shell:
    /// printable ASCII without spaces, quotes, backslashes, `$` or backquotes.
    public static func isValidRepo(_ repo: String) -> Bool {
        !repo.isEmpty && repo.count <= 500 && !repo.hasPrefix("-")
            && repo.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f && !"\"'\\$`".unicodeScalars.contains($0) }
    }

    /// What to do after `init --ci`, in the user's language.
    public static func nextSteps(_ system: String, ref: String, repo: String?, lang: Lang) -> String {
        let sv = lang == .sv
        let (path, _) = file(system, ref: ref, repo: repo)
        let pinned = ref.count == 40 && ref.allSatisfy(\.isHexDigit)
        var out = sv ? "\nNästa steg för CI-jobbet (\(path)), se docs/ci.md:\n" : "\nNext steps for the CI job (\(path)), see docs/ci.md:\n"
        if let repo {
            out += sv ? "  1. Jobbet hämtar sakerhet från \(repo). Spegla helst verktygets repository på er egen git-server och peka dit.\n"
                      : "  1. The job fetches sakerhet from \(repo). Preferably mirror the tool's repository on your own git server and point there.\n"
        } else {
            out += sv ? "  1. Spegla sakerhets repository på er egen git-server och ange dess adress som CI-variabeln SAKERHET_REPO\n     (\(system == "gitlab" ? "Settings → CI/CD → Variables" : "Settings → Secrets and variables → Actions → Variables")), eller kör init med --tool-repo URL.\n"
                      : "  1. Mirror sakerhet's repository on your own git server and set its address as the CI variable SAKERHET_REPO\n     (\(system == "gitlab" ? "Settings → CI/CD → Variables" : "Settings → Secrets and variables → Actions → Variables")), or run init with --tool-repo URL.\n"
        }
        if pinned {
            out += sv ? "  2. Jobbet bygger commit \(ref). Flytta låsningen genom att ändra SAKERHET_REF i en granskad commit.\n"
                      : "  2. The job builds commit \(ref). Move the pin by changing SAKERHET_REF in a reviewed commit.\n"
        } else {
            out += sv ? "  2. Jobbet bygger '\(ref)' som det ser ut vid varje körning. Lås en commit: git ls-remote URL \(ref), och skriv\n     de 40 tecknen som SAKERHET_REF (eller init --tool-ref SHA); flytta den sedan i en granskad commit.\n"
                      : "  2. The job builds '\(ref)' as it is at each run. Pin a commit: git ls-remote URL \(ref), and put the\n     40 characters in SAKERHET_REF (or init --tool-ref SHA); then move it in a reviewed commit.\n"
        }
        if system == "gitlab" {
            out += sv ? "  3. Skapa det dagliga schemat: Build → Pipeline schedules → New schedule, 0 5 * * *, standardgrenen.\n"
                      : "  3. Create the daily schedule: Build → Pipeline schedules → New schedule, 0 5 * * *, the default branch.\n"
        } else {
            out += sv ? "  3. Jobbet körs dagligen 05:00 UTC på standardgrenen (schedule i filen); kör det en gång för hand (Run workflow).\n"
                      : "  3. The job runs daily at 05:00 UTC on the default branch (schedule in the file); run it once by hand (Run workflow).\n"
        }
        out += sv ? "  4. Runnern behöver avbilden \(image) (Swift 6-verktygskedjan med git); spegla den i ert eget register om runnern saknar internet.\n"
                  : "  4. The runner needs the image \(image) (the Swift 6 toolchain, with git); mirror it in your own registry if the runner has no internet.\n"
        out += sv ? "  5. Eller hämta en släppt statisk binär i stället för att bygga: sätt CI-variablerna SAKERHET_BINARY_URL och\n     SAKERHET_BINARY_SHA256 (dess SHA-256); en fil med en annan kontrollsumma körs aldrig.\n"
                  : "  5. Or download a released static binary instead of building: set the CI variables SAKERHET_BINARY_URL and\n     SAKERHET_BINARY_SHA256 (its SHA-256); a file with another checksum is never run.\n"
        return out
    }

    public static let github = #"""
# sakerhet on GitHub Actions (also Gitea Actions and Forgejo Actions).
# Copy to .github/workflows/sakerhet.yml (Gitea/Forgejo: .gitea/workflows/ or
# .forgejo/workflows/) in the repository that holds data/. See docs/ci.md.
#
# Set once, in Settings → Secrets and variables → Actions → Variables:
#   SAKERHET_REPO   the git URL of the sakerhet source, e.g. the municipality's
#                   own mirror: https://git.example.se/sakerhet/sakerhet.git
# and, only if that repository is private, under Secrets:
#   SAKERHET_TOKEN  a read-only token for it
# Or, to download a released static binary instead of building (see docs/ci.md), Variables:
#   SAKERHET_BINARY_URL     where the binary is, e.g. https://git.example.se/…/sakerhet-linux-x86_64
#   SAKERHET_BINARY_SHA256  its SHA-256 checksum; a file with any other checksum is never run
name: sakerhet

on:
  push:
  pull_request:
  schedule:
    - cron: "0 5 * * *"   # daily at 05:00 UTC (06:00 or 07:00 in Sweden); deadlines pass without commits
  workflow_dispatch:

permissions:
  contents: read

env:
  SAKERHET_REF: "main"   # the sakerhet commit to build (or a branch or tag); move it in a reviewed commit, see docs/ci.md
  SAKERHET_REPO: ${{ vars.SAKERHET_REPO }}
  SAKERHET_TOKEN: ${{ secrets.SAKERHET_TOKEN }}
  SAKERHET_BINARY_URL: ${{ vars.SAKERHET_BINARY_URL }}
  SAKERHET_BINARY_SHA256: ${{ vars.SAKERHET_BINARY_SHA256 }}

jobs:
  audit:
    runs-on: ubuntu-24.04
    container: swift:6.3-noble      # the Swift 6 toolchain, with git
    timeout-minutes: 30
    steps:
      - name: Check out the plan with its full history
        uses: actions/checkout@v4
        with:
          fetch-depth: 0            # full history: the report's revision history and `sakerhet log` need it

      - name: Trust the workspace for git
        run: git config --global --add safe.directory "$GITHUB_WORKSPACE"

      - name: Download a released sakerhet when SAKERHET_BINARY_URL is set
        id: binary
        run: |
          if [ -n "$SAKERHET_BINARY_URL" ]; then
            test -n "$SAKERHET_BINARY_SHA256" || { echo "::error::SAKERHET_BINARY_URL is set without SAKERHET_BINARY_SHA256, the binary's checksum (see docs/ci.md)"; exit 1; }
            mkdir -p .sakerhet/bin
            rm -f .sakerhet/download
            if curl -fsSL --retry 3 -o .sakerhet/download "$SAKERHET_BINARY_URL" || wget -q -O .sakerhet/download "$SAKERHET_BINARY_URL"; then
              echo "$SAKERHET_BINARY_SHA256  .sakerhet/download" | sha256sum -c - || { rm -f .sakerhet/download; echo "::error::$SAKERHET_BINARY_URL does not have the checksum SAKERHET_BINARY_SHA256; it was not run"; exit 1; }
              chmod 755 .sakerhet/download
              mv .sakerhet/download .sakerhet/bin/sakerhet
              echo "download $SAKERHET_BINARY_SHA256" > .sakerhet/commit
              echo "downloaded=true" >> "$GITHUB_OUTPUT"
            else
              rm -f .sakerhet/download
              echo "::warning::cannot download $SAKERHET_BINARY_URL; building sakerhet from SAKERHET_REPO instead"
            fi
          fi

      - name: Fetch sakerhet at SAKERHET_REF
        id: tool
        if: steps.binary.outputs.downloaded != 'true'
        run: |
          test -n "$SAKERHET_REPO" || { echo "::error::Set the repository variable SAKERHET_REPO (see docs/ci.md)"; exit 1; }
          repo=$SAKERHET_REPO
          if [ -n "$SAKERHET_TOKEN" ]; then repo=$(echo "$repo" | sed "s#^https://#https://x-access-token:$SAKERHET_TOKEN@#"); fi
          src="$RUNNER_TEMP/sakerhet-src"
          rm -rf "$src"
          git clone --quiet --no-checkout "$repo" "$src"
          commit=$(git -C "$src" rev-parse --verify --quiet "origin/$SAKERHET_REF^{commit}" || git -C "$src" rev-parse --verify --quiet "$SAKERHET_REF^{commit}") || { echo "::error::$SAKERHET_REPO has no commit, branch or tag '$SAKERHET_REF' (SAKERHET_REF)"; exit 1; }
          git -C "$src" checkout --quiet --detach "$commit"
          echo "sakerhet $SAKERHET_REF is commit $commit"
          echo "commit=$commit" >> "$GITHUB_OUTPUT"

      - name: Restore the sakerhet build
        id: cache
        if: steps.binary.outputs.downloaded != 'true'
        uses: actions/cache@v4
        with:
          path: .sakerhet
          key: sakerhet-${{ steps.tool.outputs.commit }}-swift6.3-noble-${{ runner.arch }}

      - name: Build sakerhet
        if: steps.binary.outputs.downloaded != 'true' && steps.cache.outputs.cache-hit != 'true'
        run: |
          SAKERHET_SRC="$RUNNER_TEMP/sakerhet-src"
          commit=$(git -C "$SAKERHET_SRC" rev-parse HEAD)
          if [ "$(cat .sakerhet/commit 2>/dev/null)" != "$commit" ]; then
            swift build -c release --static-swift-stdlib --product sakerhet --package-path "$SAKERHET_SRC"
            mkdir -p .sakerhet/bin
            cp "$(swift build -c release --static-swift-stdlib --package-path "$SAKERHET_SRC" --show-bin-path)/sakerhet" .sakerhet/bin/
            echo "$commit" > .sakerhet/commit
          fi

      - name: Put sakerhet on PATH
        run: |
          echo "$GITHUB_WORKSPACE/.sakerhet/bin" >> "$GITHUB_PATH"
          .sakerhet/bin/sakerhet --version

      - name: Audit
        run: |
          if [ "$GITHUB_EVENT_NAME" = pull_request ]; then
            # Show late work as annotations, but block the pull request only on broken data.
            sakerhet audit --format github --fail-on never
            sakerhet audit --no-time
          else
            sakerhet audit --format github
          fi

      - name: Write the follow-up report
        if: ${{ !cancelled() }}
        run: |
          sakerhet report -o uppfoljning.html           # self-contained HTML, prints on A4
          sakerhet report --format json -o uppfoljning.json

      - name: Upload the report
        if: ${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: uppfoljning
          path: |
            uppfoljning.html
            uppfoljning.json
          retention-days: 90

"""#

    public static let gitlab = #"""
# sakerhet on GitLab CI (gitlab.com or self-managed).
# Copy to .gitlab-ci.yml in the repository that holds data/. See docs/ci.md,
# which also explains the daily pipeline schedule step by step.
#
# Set once, in Settings → CI/CD → Variables (it wins over the empty value below):
#   SAKERHET_REPO   the git URL of the sakerhet source, e.g. the municipality's
#                   own mirror: https://gitlab.example.se/sakerhet/sakerhet.git
# and, only if that project is private and on another server, a masked variable:
#   SAKERHET_TOKEN  a read-only token for it
# (On the same GitLab instance, CI_JOB_TOKEN is used when SAKERHET_TOKEN is empty;
# allow it in the sakerhet project under Settings → CI/CD → Job token permissions.)
# Or, to download a released static binary instead of building (see docs/ci.md):
#   SAKERHET_BINARY_URL     where the binary is, e.g. https://gitlab.example.se/…/sakerhet-linux-x86_64
#   SAKERHET_BINARY_SHA256  its SHA-256 checksum; a file with any other checksum is never run

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"            # the daily run
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_PIPELINE_SOURCE == "web"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS  # a branch with an open MR runs as the MR
      when: never
    - if: $CI_COMMIT_BRANCH

variables:
  SAKERHET_REF: "main"   # the sakerhet commit to build (or a branch or tag); move it in a reviewed commit, see docs/ci.md
  SAKERHET_REPO: ""          # the git URL of sakerhet, or set it as a CI/CD variable
  SAKERHET_BINARY_URL: ""    # a released binary to download instead of building (with SAKERHET_BINARY_SHA256), see docs/ci.md
  SAKERHET_BINARY_SHA256: ""
  GIT_DEPTH: "0"             # full history: the report's revision history and `sakerhet log` need it
  GIT_STRATEGY: clone

default:
  image: swift:6.3-noble     # the Swift 6 toolchain, with git

stages:
  - build
  - check

sakerhet:build:
  stage: build
  cache:
    key: sakerhet-$SAKERHET_REF-swift6.3-noble   # a branch's new commits are rebuilt: .sakerhet/commit says which one is cached
    paths:
      - .sakerhet/
  script:
    - |
      if [ -n "${SAKERHET_BINARY_URL:-}" ]; then
        test -n "${SAKERHET_BINARY_SHA256:-}" || { echo "SAKERHET_BINARY_URL is set without SAKERHET_BINARY_SHA256, the binary's checksum (see docs/ci.md)"; exit 1; }
        mkdir -p .sakerhet/bin
        rm -f .sakerhet/download
        if curl -fsSL --retry 3 -o .sakerhet/download "$SAKERHET_BINARY_URL" || wget -q -O .sakerhet/download "$SAKERHET_BINARY_URL"; then
          echo "$SAKERHET_BINARY_SHA256  .sakerhet/download" | sha256sum -c - || { rm -f .sakerhet/download; echo "$SAKERHET_BINARY_URL does not have the checksum SAKERHET_BINARY_SHA256; it was not run"; exit 1; }
          chmod 755 .sakerhet/download
          mv .sakerhet/download .sakerhet/bin/sakerhet
          echo "download $SAKERHET_BINARY_SHA256" > .sakerhet/commit
          .sakerhet/bin/sakerhet --version
          exit 0   # downloaded and verified: nothing to build
        fi
        rm -f .sakerhet/download
        echo "cannot download $SAKERHET_BINARY_URL; building sakerhet from SAKERHET_REPO instead"
      fi
    - |
      test -n "$SAKERHET_REPO" || { echo "Set the CI/CD variable SAKERHET_REPO (see docs/ci.md)"; exit 1; }
      repo=$SAKERHET_REPO
      case $repo in
        "$CI_SERVER_URL"/*) token=${SAKERHET_TOKEN:-$CI_JOB_TOKEN} ;;
        *) token=${SAKERHET_TOKEN:-} ;;
      esac
      if [ -n "$token" ]; then repo=$(echo "$repo" | sed "s#^https://#https://gitlab-ci-token:$token@#"); fi
      src=/tmp/sakerhet-src
      rm -rf "$src"
      git clone --quiet --no-checkout "$repo" "$src"
      commit=$(git -C "$src" rev-parse --verify --quiet "origin/$SAKERHET_REF^{commit}" || git -C "$src" rev-parse --verify --quiet "$SAKERHET_REF^{commit}") || { echo "$SAKERHET_REPO has no commit, branch or tag '$SAKERHET_REF' (SAKERHET_REF)"; exit 1; }
      git -C "$src" checkout --quiet --detach "$commit"
      echo "sakerhet $SAKERHET_REF is commit $commit"
    - |
      export SAKERHET_SRC=/tmp/sakerhet-src
      commit=$(git -C "$SAKERHET_SRC" rev-parse HEAD)
      if [ "$(cat .sakerhet/commit 2>/dev/null)" != "$commit" ]; then
        swift build -c release --static-swift-stdlib --product sakerhet --package-path "$SAKERHET_SRC"
        mkdir -p .sakerhet/bin
        cp "$(swift build -c release --static-swift-stdlib --package-path "$SAKERHET_SRC" --show-bin-path)/sakerhet" .sakerhet/bin/
        echo "$commit" > .sakerhet/commit
      fi
    - .sakerhet/bin/sakerhet --version
  artifacts:
    paths:
      - .sakerhet/bin/sakerhet
    expire_in: 1 day

sakerhet:audit:
  stage: check
  needs: [sakerhet:build]
  script:
    - export PATH="$CI_PROJECT_DIR/.sakerhet/bin:$PATH"
    - sakerhet audit --format gitlab --fail-on never -o gl-code-quality-report.json
    - sakerhet audit --format junit --fail-on never -o audit-junit.xml
    - |
      if [ "$CI_PIPELINE_SOURCE" = merge_request_event ]; then
        # A merge request is blocked only by broken data, never by a deadline that passed.
        sakerhet audit --no-time
      else
        sakerhet audit
      fi
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: audit-junit.xml
    paths:
      - gl-code-quality-report.json
      - audit-junit.xml
    expire_in: 30 days

sakerhet:report:
  stage: check
  needs: [sakerhet:build]
  script:
    - export PATH="$CI_PROJECT_DIR/.sakerhet/bin:$PATH"
    - sakerhet report -o uppfoljning.html          # self-contained HTML, prints on A4
    - sakerhet report --format json -o uppfoljning.json
  artifacts:
    name: uppfoljning
    when: always
    paths:
      - uppfoljning.html
      - uppfoljning.json
    expire_in: 90 days

"""#
}
