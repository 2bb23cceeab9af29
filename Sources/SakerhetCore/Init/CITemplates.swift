/// The CI files that `init --ci` writes. docs/ci/ holds the same files, explained in
/// docs/ci.md; a test keeps them byte-identical.
public enum CITemplates {
    /// (path in the repository, contents) for `github` or `gitlab`.
    public static func file(_ system: String) -> (String, String) {
        system == "gitlab" ? (".gitlab-ci.yml", gitlab) : (".github/workflows/sakerhet.yml", github)
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
  SAKERHET_VERSION: v0.1.0          # the pinned tag of sakerhet; change it in a reviewed commit
  SAKERHET_REPO: ${{ vars.SAKERHET_REPO }}
  SAKERHET_TOKEN: ${{ secrets.SAKERHET_TOKEN }}

jobs:
  audit:
    runs-on: ubuntu-24.04
    container: swift:6.0-noble      # the Swift toolchain, with git
    timeout-minutes: 30
    steps:
      - name: Check out the plan with its full history
        uses: actions/checkout@v4
        with:
          fetch-depth: 0            # full history: the report's revision history and `sakerhet log` need it

      - name: Trust the workspace for git
        run: git config --global --add safe.directory "$GITHUB_WORKSPACE"

      - name: Restore the sakerhet build
        id: cache
        uses: actions/cache@v4
        with:
          path: .sakerhet
          key: sakerhet-${{ env.SAKERHET_VERSION }}-swift6.0-noble-x86_64

      - name: Build sakerhet ${{ env.SAKERHET_VERSION }} from source
        if: steps.cache.outputs.cache-hit != 'true'
        run: |
          test -n "$SAKERHET_REPO" || { echo "::error::Set the repository variable SAKERHET_REPO (see docs/ci.md)"; exit 1; }
          repo=$SAKERHET_REPO
          if [ -n "$SAKERHET_TOKEN" ]; then repo=$(echo "$repo" | sed "s#^https://#https://x-access-token:$SAKERHET_TOKEN@#"); fi
          git clone --quiet --depth 1 --branch "$SAKERHET_VERSION" "$repo" "$RUNNER_TEMP/sakerhet-src"
          swift build -c release --package-path "$RUNNER_TEMP/sakerhet-src"
          mkdir -p .sakerhet/bin
          cp "$(swift build -c release --package-path "$RUNNER_TEMP/sakerhet-src" --show-bin-path)/sakerhet" .sakerhet/bin/

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
# Set once, in Settings → CI/CD → Variables:
#   SAKERHET_REPO   the git URL of the sakerhet source, e.g. the municipality's
#                   own mirror: https://gitlab.example.se/sakerhet/sakerhet.git
# and, only if that project is private and on another server, a masked variable:
#   SAKERHET_TOKEN  a read-only token for it
# (On the same GitLab instance, CI_JOB_TOKEN is used when SAKERHET_TOKEN is empty;
# allow it in the sakerhet project under Settings → CI/CD → Job token permissions.)

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"            # the daily run
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_PIPELINE_SOURCE == "web"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS  # a branch with an open MR runs as the MR
      when: never
    - if: $CI_COMMIT_BRANCH

variables:
  SAKERHET_VERSION: v0.1.0   # the pinned tag of sakerhet; change it in a reviewed commit
  GIT_DEPTH: "0"             # full history: the report's revision history and `sakerhet log` need it
  GIT_STRATEGY: clone

default:
  image: swift:6.0-noble     # the Swift toolchain, with git

stages:
  - build
  - check

sakerhet:build:
  stage: build
  cache:
    key: sakerhet-$SAKERHET_VERSION-swift6.0-noble
    paths:
      - .sakerhet/
  script:
    - |
      if [ ! -x .sakerhet/bin/sakerhet ]; then
        test -n "$SAKERHET_REPO" || { echo "Set the CI/CD variable SAKERHET_REPO (see docs/ci.md)"; exit 1; }
        repo=$SAKERHET_REPO
        case $repo in
          "$CI_SERVER_URL"/*) token=${SAKERHET_TOKEN:-$CI_JOB_TOKEN} ;;
          *) token=${SAKERHET_TOKEN:-} ;;
        esac
        if [ -n "$token" ]; then repo=$(echo "$repo" | sed "s#^https://#https://gitlab-ci-token:$token@#"); fi
        git clone --quiet --depth 1 --branch "$SAKERHET_VERSION" "$repo" /tmp/sakerhet-src
        swift build -c release --package-path /tmp/sakerhet-src
        mkdir -p .sakerhet/bin
        cp "$(swift build -c release --package-path /tmp/sakerhet-src --show-bin-path)/sakerhet" .sakerhet/bin/
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
