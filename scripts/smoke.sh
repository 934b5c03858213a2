#!/usr/bin/env bash
# Smoke test of a running masthead: curl and jq only.
#   scripts/smoke.sh [BASE_URL]          (default http://127.0.0.1:3000)
# Set API_TOKEN when the server has API_TOKENS configured. Ends with "N passed, N failed"
# and exits non-zero when anything failed.
set -uo pipefail

BASE_URL="${1:-${BASE_URL:-http://127.0.0.1:3000}}"
BASE_URL="${BASE_URL%/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SEED="${SEED_PAGE:-$HERE/../test/fixtures/pages/000-de-seed/raw.txt}"
AUTH=()
[[ -n "${API_TOKEN:-}" ]] && AUTH=(-H "Authorization: Bearer $API_TOKEN")

passed=0
failed=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1${2:+: $2}"; }

# request NAME METHOD PATH [curl args...]: saves body, status and content type under $work/NAME.*
request() {
  local name="$1" method="$2" path="$3"
  shift 3
  curl -sS -X "$method" -o "$work/$name.body" -D "$work/$name.headers" \
    -w '%{http_code}\n%{content_type}\n' "$@" "$BASE_URL$path" >"$work/$name.meta" 2>"$work/$name.err" ||
    printf '000\n\n' >"$work/$name.meta"
}
status_of() { sed -n 1p "$work/$1.meta"; }
type_of() { sed -n 2p "$work/$1.meta"; }
header_of() { tr -d '\r' <"$work/$1.headers" | awk -v h="$(echo "$2" | tr 'A-Z' 'a-z'):" 'tolower($1) == h { $1 = ""; sub(/^ /, ""); print }'; }

# check DESCRIPTION NAME JQ_FILTER EXPECTED: compares jq's raw output on NAME's body
check() {
  local description="$1" name="$2" filter="$3" expected="$4" actual
  actual="$(jq -r "$filter" "$work/$name.body" 2>&1)"
  if [[ "$actual" == "$expected" ]]; then pass "$description"; else fail "$description" "expected '$expected', got '$actual'"; fi
}
check_status() {
  local description="$1" name="$2" expected="$3" actual
  actual="$(status_of "$name")"
  if [[ "$actual" == "$expected" ]]; then pass "$description"; else fail "$description" "expected HTTP $expected, got $actual $(head -c 300 "$work/$name.body" 2>/dev/null)"; fi
}
check_problem() {
  local description="$1" name="$2" status="$3"
  check_status "$description: HTTP $status" "$name" "$status"
  if [[ "$(type_of "$name")" == application/problem+json* ]]; then
    pass "$description: application/problem+json"
  else
    fail "$description: application/problem+json" "got '$(type_of "$name")'"
  fi
  check "$description: problem body" "$name" '[.status, (.type | type), (.title | type)] | @tsv' "$status	string	string"
}

echo "# masthead smoke test against $BASE_URL"

request health GET /healthz
check_status "GET /healthz" health 200
request ready GET /readyz
check "GET /readyz is ready" ready .status ready

request ingest POST /v1/articles "${AUTH[@]}" -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$SEED"
ingest_status="$(status_of ingest)"
if [[ "$ingest_status" == 201 || "$ingest_status" == 200 ]]; then pass "POST /v1/articles (HTTP $ingest_status)"; else fail "POST /v1/articles" "HTTP $ingest_status $(head -c 300 "$work/ingest.body")"; fi
id="$(jq -r '.id // empty' "$work/ingest.body" 2>/dev/null)"
[[ "$ingest_status" == 201 ]] && { [[ "$(header_of ingest Location)" == "/v1/articles/$id" ]] && pass "Location header" || fail "Location header" "$(header_of ingest Location)"; }

request again POST /v1/articles "${AUTH[@]}" -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$SEED"
check_status "same page again is idempotent" again 200
check "same page again returns the same article" again .id "$id"

request article GET "/v1/articles/${id:-0}"
check_status "GET /v1/articles/{id}" article 200
check "story has 8 paragraphs" article '.paragraphs | length' 8
check "story dateline" article .dateline SEOUL
check "story has no title" article .title null
check "story first paragraph" article '.paragraphs[0][:40]' "SEOUL - As evidence mounts of North Kore"
check "no platform text in the story" article '[.paragraphs[] | select(test("Magzter|Abonnent|Ausgabe"))] | length' 0
check "story edition summary" article '[.edition.publication, .edition.date] | @tsv' "The Straits Times	2024-10-23"

request edition GET "/v1/articles/${id:-0}/edition"
check_status "GET /v1/articles/{id}/edition" edition 200
check "edition publication" edition .publication.name "The Straits Times"
check "edition date" edition .date 2024-10-23
check "edition label" edition .label "October 23, 2024"
check "edition platform" edition .platform magzter
check "page locale" edition .page_locale de

request teasers GET "/v1/articles/${id:-0}/teasers"
check_status "GET /v1/articles/{id}/teasers" teasers 200
check "10 teasers" teasers '.items | length' 10
check "first teaser" teasers '.items[0].title' "COFFEE AND A LOOK AT NORTH KOREA"
check "last teaser" teasers '.items[9] | [.position, .title] | @tsv' "10	LIONESSES' LAST CHANCE"
check "teaser summary" teasers '.items[4].summary' "Wedding bells are set to ring for Malaysian actress Koe Yeet."
check "teasers fit one page" teasers .next_cursor null
request teaser_page GET "/v1/articles/${id:-0}/teasers?limit=4"
check "teasers page by limit" teaser_page '[(.items | length), .items[3].position] | @tsv' "4	4"
teaser_cursor="$(jq -r '.next_cursor // empty' "$work/teaser_page.body" 2>/dev/null)"
request teaser_next GET "/v1/articles/${id:-0}/teasers?limit=4&cursor=${teaser_cursor:-none}"
check "teaser cursor continues in order" teaser_next '[.items[].position] | @csv' "5,6,7,8"

request parse POST /v1/parse -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$SEED"
check_status "POST /v1/parse" parse 200
check "parse finds the edition" parse '.edition.date' 2024-10-23

request listing GET "/v1/articles?publication=The%20Straits%20Times&limit=5"
check_status "GET /v1/articles?publication=" listing 200
check "listing contains the seed" listing "any(.items[]; .id == ${id:-0})" true
request search GET "/v1/articles?q=%22special%20forces%22&fields=id,title"
check_status "GET /v1/articles?q= (phrase)" search 200
check "search finds the seed with a snippet" search "[.items[] | select(.id == ${id:-0}) | .snippet | test(\"<mark>\")] | .[0]" true
request typed_search GET "/v1/articles?q=inter-Korean%20%22special%20forces&fields=id"
check_status "GET /v1/articles?q= (what people type: a hyphen, an open quote)" typed_search 200
check "typed search finds the seed" typed_search "any(.items[]; .id == ${id:-0})" true
request badsearch GET "/v1/articles?q=t*"
check_problem "one-letter prefix" badsearch 400
request markdown GET "/v1/articles/${id:-0}" -H 'Accept: text/markdown'
check_status "GET /v1/articles/{id} as Markdown" markdown 200
if grep -q "The Straits Times" "$work/markdown.body"; then pass "Markdown has the edition line"; else fail "Markdown has the edition line"; fi
request html GET "/v1/articles/${id:-0}" -H 'Accept: text/html'
if [[ "$(type_of html)" == text/html* ]] && grep -qi "<!doctype html>" "$work/html.body"; then pass "HTML reader page"; else fail "HTML reader page" "$(type_of html)"; fi
request source GET "/v1/articles/${id:-0}/source"
if cmp -s "$work/source.body" "$SEED"; then pass "source is byte-identical"; else fail "source is byte-identical"; fi
etag="$(header_of article ETag)"
request cached GET "/v1/articles/${id:-0}" -H "If-None-Match: $etag"
check_status "If-None-Match gives 304" cached 304
edition_id="$(jq -r '.id' "$work/edition.body")"
request editions GET "/v1/editions?publication=The%20Straits%20Times"
check "GET /v1/editions" editions "any(.items[]; .id == ${edition_id:-0})" true
request edition_one GET "/v1/editions/${edition_id:-0}"
check "GET /v1/editions/{id}" edition_one .label "October 23, 2024"
request edition_articles GET "/v1/editions/${edition_id:-0}/articles"
check "GET /v1/editions/{id}/articles" edition_articles "any(.items[]; .id == ${id:-0})" true
publication_id="$(jq -r '.publication.id' "$work/edition.body")"
request publication GET "/v1/publications/${publication_id:-0}"
check "GET /v1/publications/{id}" publication .name "The Straits Times"
request publications GET "/v1/publications?limit=100"
check "GET /v1/publications" publications "any(.items[]; .id == ${publication_id:-0})" true
request pub_editions GET "/v1/publications/${publication_id:-0}/editions"
check "GET /v1/publications/{id}/editions" pub_editions "any(.items[]; .id == ${edition_id:-0})" true
request teaser_search GET "/v1/teasers?q=Angkor"
check "GET /v1/teasers?q=" teaser_search "any(.items[]; .title == \"Beyond the Angkor Wat\")" true
printf '%s\n%s\n' "$(jq -Rsc '{text: .}' "$SEED")" '{"nope": true}' >"$work/batch.ndjson"
request batch POST '/v1/articles:batch' "${AUTH[@]}" -H 'Content-Type: application/x-ndjson' --data-binary "@$work/batch.ndjson"
check_status "POST /v1/articles:batch" batch 200
if [[ "$(jq -sc '[.[].status]' "$work/batch.body" 2>/dev/null)" == "[200,400]" ]]; then pass "batch: one result per line"; else fail "batch: one result per line" "$(head -c 300 "$work/batch.body")"; fi
request reparse POST /v1/admin/reparse "${AUTH[@]}" -H 'Content-Type: application/json' --data-binary '{"all": true}'
check_status "POST /v1/admin/reparse" reparse 202
job="$(jq -r '.links.self // empty' "$work/reparse.body")"
for _ in $(seq 1 50); do
  request job GET "${job:-/v1/admin/jobs/none}"
  [[ "$(jq -r '.status' "$work/job.body" 2>/dev/null)" =~ ^(succeeded|failed)$ ]] && break
  sleep 0.2
done
check "re-parse job succeeds" job .status succeeded

request missing GET /v1/articles/999999999
check_problem "unknown article" missing 404
request badid GET /v1/articles/not-a-number
check_problem "malformed id" badid 400
request badjson POST /v1/parse -H 'Content-Type: application/json' --data-binary '{"text": '
check_problem "malformed JSON" badjson 400
request wrongtype POST /v1/parse -H 'Content-Type: image/png' --data-binary 'x'
check_problem "unsupported media type" wrongtype 415
request wrongmethod DELETE /v1/parse
check_problem "wrong method" wrongmethod 405

request openapi GET /openapi.json
check "OpenAPI document" openapi .openapi 3.1.0

echo "$passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
