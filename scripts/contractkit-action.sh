#!/usr/bin/env bash
# The GitHub Action's work (action.yml), runnable anywhere: in a git work tree, compares $CK_SPEC at $CK_BASE_REF with
# the working copy (contractkit diff), lints it, and runs contractkit check when contractkit.json exists.
# Annotations go to stdout (GitHub workflow commands); Markdown reports are appended to $GITHUB_STEP_SUMMARY when set.
# Exit 0 when every step passed, 1 when one found something at or above its threshold, 2 on a usage or input error.
# Env: CONTRACTKIT (the command, default: contractkit), CK_SPEC (required), CK_BASE_REF (default origin/main),
#      CK_FAIL_ON (default error), CK_FAIL_ON_API (default error), CK_CHECK (true/false, default true).
set -uo pipefail

ck="${CONTRACTKIT:-contractkit}"
spec="${CK_SPEC:?CK_SPEC: the spec path from the repository root is required}"
base="${CK_BASE_REF:-origin/main}"
fail_on="${CK_FAIL_ON:-error}"
fail_on_api="${CK_FAIL_ON_API:-error}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
status=0

# The worst exit code wins: 2 (cannot run) over 1 (findings) over 0.
record() { if [ "$1" -gt "$status" ]; then status="$1"; fi; }

root="$(git rev-parse --show-toplevel 2>/dev/null)" || { echo "::error::contractkit action: not in a git work tree"; exit 2; }
cd "$root" || exit 2
if [ ! -f "$spec" ]; then
  echo "::error file=$spec::contractkit action: spec '$spec' not found"
  exit 2
fi

echo "## ContractKit: \`$spec\`" >> "$summary"

echo "### Breaking changes against \`$base\`" >> "$summary"
if git cat-file -e "$base:$spec" 2>/dev/null; then
  # Annotations once, the summary from a second (fast) run; the first run's exit code decides.
  "$ck" diff "git:$base:$spec" "$spec" --format github --fail-on "$fail_on" --fail-on-api "$fail_on_api"
  code=$?
  record "$code"
  "$ck" diff "git:$base:$spec" "$spec" --format markdown --fail-on none >> "$summary" 2>&1
else
  echo "The spec does not exist at \`$base\`: nothing to compare." >> "$summary"
fi

echo "### Lint" >> "$summary"
"$ck" lint "$spec" --format github --fail-on "$fail_on"
record $?
"$ck" lint "$spec" --format markdown --fail-on none >> "$summary" 2>&1

if [ "${CK_CHECK:-true}" = "true" ] && [ -f contractkit.json ]; then
  echo "### Generated code" >> "$summary"
  if output="$("$ck" check 2>&1)"; then
    echo "Up to date." >> "$summary"
  else
    code=$?
    record "$code"
    echo "::error::contractkit check: generated code is not up to date (run contractkit generate)"
    { echo '```'; echo "$output"; echo '```'; } >> "$summary"
  fi
fi

exit "$status"
