#!/usr/bin/env bash
# The GitHub Action's step (action.yml), run from the workspace:
#  1. mbn-cost check on the budgets file, under GITHUB_ACTIONS: ::error annotations on the lines of the
#     exceeded budgets, and its Markdown summary appended to $GITHUB_STEP_SUMMARY by mbn-cost itself;
#  2. with a baseline ref, mbn-cost diff --against it (git show, nothing checked out), in Markdown,
#     appended to the summary too, with --fail-on-increase when given;
#  3. outputs passed, check-exit-code, diff-exit-code to $GITHUB_OUTPUT; exits with check's code, or
#     with the diff's when every budget holds.
set -uo pipefail
cli=(node "${GITHUB_ACTION_PATH:-$(dirname "$0")/..}/bin/mbn-cost.js")
export GITHUB_ACTIONS=true

"${cli[@]}" check "$MBN_COST_BUDGETS"
check=$?

diff=""
if [ -n "${MBN_COST_BASELINE:-}" ]; then
  args=(diff "$MBN_COST_BUDGETS" --against "$MBN_COST_BASELINE" --format markdown)
  if [ -n "${MBN_COST_FAIL_ON_INCREASE:-}" ]; then args+=(--fail-on-increase "$MBN_COST_FAIL_ON_INCREASE"); fi
  summary=$(mktemp)
  "${cli[@]}" "${args[@]}" > "$summary"
  diff=$?
  cat "$summary"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
  rm -f "$summary"
fi

passed=false
if [ "$check" -eq 0 ] && [ "${diff:-0}" -eq 0 ]; then passed=true; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "passed=$passed"; echo "check-exit-code=$check"; echo "diff-exit-code=$diff"; } >> "$GITHUB_OUTPUT"
fi
if [ "$check" -ne 0 ]; then exit "$check"; fi
exit "${diff:-0}"
