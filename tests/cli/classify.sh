#!/usr/bin/env bash
# `parley classify`: exactly one output line per input line whatever it
# holds, the documented columns, --context and --candidates.
#   classify.sh PARLEY_BINARY
set -euo pipefail
parley=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Ten lines: ordinary, empty, CRLF, invalid UTF-8, control characters, RE2
# metacharacters, a 1 MB line, emoji, only spaces, no final newline.
{
  printf 'where is my order\n\nhi there\r\n\xff\xfe\xc0 broken\n\x01\x02\x1b[31m\n'
  printf '(.*)+[a-z]{1000}\\\n'
  head -c 1000000 /dev/zero | tr '\0' 'a'; printf '\n'
  printf '\xf0\x9f\x93\xa6 where is it\n   \nthanks'
} > "$work/in.txt"

"$parley" classify < "$work/in.txt" > "$work/out.tsv"
lines=$(wc -l < "$work/out.tsv")
[ "$lines" -eq 10 ] || fail "10 input lines gave $lines output lines"
awk -F'\t' 'NF != 4 { exit 1 }' "$work/out.tsv" || fail "an output line without 4 columns"
awk -F'\t' '$2 !~ /^[01]\.[0-9][0-9][0-9]$/ { exit 1 }' "$work/out.tsv" || fail "a confidence not in [0, 1]"
[ "$(sed -n 1p "$work/out.tsv" | cut -f1)" = order_status ] || fail "line 1 is not order_status"
[ "$(sed -n 2p "$work/out.tsv" | cut -f1)" = fallback ] || fail "the empty line is not fallback"

# Yes/no intents need a pending question.
[ "$(echo 'yes please' | "$parley" classify | cut -f1)" = fallback ] || fail "'yes please' without context"
[ "$(echo 'yes please' | "$parley" classify --context question | cut -f1)" = affirm ] ||
  fail "'yes please' with --context question is not affirm"

# --candidates: a fifth column, the best candidate first.
echo 'where is my order' | "$parley" classify --candidates > "$work/c.tsv"
awk -F'\t' 'NF != 5 { exit 1 }' "$work/c.tsv" || fail "--candidates did not add a fifth column"
case "$(cut -f5 "$work/c.tsv")" in
  order_status:0.*,*) ;;
  *) fail "--candidates column: $(cut -f5 "$work/c.tsv")" ;;
esac

# A wrong flag value is a usage error (exit 2) naming the flag.
set +e
"$parley" classify --context maybe < /dev/null 2> "$work/err.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "--context maybe exited $status, not 2"
grep -q -- '--context' "$work/err.txt" || fail "the error does not name --context"
# --store: the knowledge base's categories are recognised as the bot would
# (a category only the store knows), the store is not changed, and a missing
# store is an error that creates nothing.
store_db="$work/shop.db"
printf 'hi\n' | "$parley" chat --store "$store_db" > /dev/null
# (python3's sqlite3: meson needs python3, the sqlite3 shell is not installed)
python3 - "$store_db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO categories (name, returnable) VALUES ('kites', 1)")
db.execute("INSERT INTO return_policies SELECT id, 14, 'unflown', 'original payment method', 0, 'GBP' "
           "FROM categories WHERE name = 'kites'")
db.commit()
db.close()
PY
before=$(sha256sum < "$store_db")
[ "$(echo 'can i return a kite' | "$parley" classify | cut -f1)" = fallback ] ||
  fail "'can i return a kite' without --store is not fallback"
[ "$(echo 'can i return a kite' | "$parley" classify --store "$store_db" | cut -f1)" = return_policy ] ||
  fail "'can i return a kite' with --store is not return_policy"
[ "$(sha256sum < "$store_db")" = "$before" ] || fail "--store changed the knowledge base"
set +e
"$parley" classify --store "$work/missing.db" < /dev/null 2> "$work/err.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a missing --store exited $status, not 2"
[ ! -e "$work/missing.db" ] || fail "a missing --store was created"
grep -q 'missing.db' "$work/err.txt" || fail "the error does not name the missing store"
echo "classify: all checks passed"
