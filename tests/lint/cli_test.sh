#!/bin/sh
# Exit statuses and output shape of `parley lint`.
# usage: cli_test.sh PATH/TO/parley SOURCE_ROOT
parley=$1
root=$2
packs=$root/tests/data/packs
out=$(mktemp)
trap 'rm -f "$out"' EXIT
passed=0
failed=0

# expect STATUS DESCRIPTION -- command...: runs it and checks its exit status.
expect() {
  want=$1; what=$2; shift 3
  "$@" >"$out" 2>&1
  got=$?
  if [ "$got" -eq "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $what: exit $got, expected $want; output:"
    sed 's/^/  /' "$out"
  fi
}

# contains TEXT DESCRIPTION: the last command's output has TEXT as a line.
contains() {
  if grep -qxF -- "$1" "$out"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $2: no line '$1' in:"
    sed 's/^/  /' "$out"
  fi
}

expect 0 "clean pack" -- "$parley" lint "$packs/lint-clean"
contains "0 errors, 0 warnings in 2 files" "summary of a clean pack"
expect 0 "warnings only" -- "$parley" lint "$packs/lint-conflicts"
contains "0 errors, 4 warnings in 1 file" "summary with warnings"
contains "confusion: where each intent's misrouted examples went" "confusion table"
expect 1 "errors" -- "$parley" lint "$packs/lint-regex"
contains "$packs/lint-regex/intents.yaml:5:9: error: pattern is not a valid RE2 regular expression: missing ): (hi|hey" "error line"
expect 1 "parent folder + --locale" -- "$parley" lint "$packs" --locale lint-flows
contains "4 errors, 0 warnings in 2 files" "summary via --locale"
expect 0 "--intents flag" -- "$parley" lint --intents "$packs/lint-clean"
expect 0 "--locale naming the folder itself" -- "$parley" lint "$packs/lint-clean" --locale lint-clean
expect 1 "json" -- "$parley" lint --format=json "$packs/lint-empty"
expect 0 "help" -- "$parley" lint --help
expect 2 "no folder" -- "$parley" lint
expect 2 "missing folder" -- "$parley" lint "$packs/no-such-pack"
expect 2 "missing locale" -- "$parley" lint "$packs" --locale xx
expect 2 "unknown flag" -- "$parley" lint --frobnicate "$packs/lint-clean"
expect 2 "bad format" -- "$parley" lint --format=xml "$packs/lint-clean"
expect 2 "two folders" -- "$parley" lint "$packs/lint-clean" "$packs/lint-flows"
expect 2 "missing --store" -- "$parley" lint --store "$packs/no-such-store.db" "$packs/lint-clean"
contains "parley lint: --store $packs/no-such-store.db: no such file" "the missing store named"
[ ! -e "$packs/no-such-store.db" ] || { failed=$((failed + 1)); echo "FAIL: a missing --store was created"; }
expect 0 "the English pack has no errors" -- "$parley" lint "$root/intents/en"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
