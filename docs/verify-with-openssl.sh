#!/bin/sh
# Checks a jeejio-evidence/1 bundle with OpenSSL 3 and the shell's own tools
# (unzip, sed, od, base64, GNU date), without any of this project's code.
#   sh docs/verify-with-openssl.sh BUNDLE.zip FINGERPRINT TSA-CERT.pem
# FINGERPRINT is the signing key's SHA-256 as the auditor gave it; TSA-CERT.pem
# (PEM) the time-stamping authority's certificate or its CA's, as the TSA gave it.
# Exit 0: every check holds; 1: one fails; 2: usage. It checks that every entry
# is stored, the signer's key, manifest.sig, every file's SHA-256, the seal, the
# timestamp token (at its own time, so an expired TSA certificate still counts),
# and that the manifest was not created after the stamp; the observation chain
# and the report's citations need JSON canonicalisation (RFC 8785): `verify`
# checks them.
set -u
[ $# -eq 3 ] && [ -f "$1" ] && [ -f "$3" ] || { echo "usage: $0 BUNDLE.zip FINGERPRINT TSA-CERT.pem (both files must exist)" >&2; exit 2; }
bundle=$1 fingerprint=$(printf %s "$2" | tr -d ' :' | tr A-F a-f) tsa_cert=$3
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
failed=0
ok() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failed=1; }
# P-256's order halved: a signature's s above it has a twin anyone can make, so only s <= it is accepted.
half_n=7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8
low_s() { [ "$(printf '%64s' "$1" | tr ' ' 0 | tr A-F a-f)" = "$1" ] && ! expr "$1" \> "$half_n" >/dev/null; }

# 0. Every entry is stored as is: nothing is inflated before the seal is checked.
entries=$(unzip -Z1 "$bundle" 2>/dev/null | wc -l)
stored=$(unzip -Zv "$bundle" 2>/dev/null | grep -c 'compression method: *none (stored)')
[ "$entries" -gt 0 ] && [ "$entries" -eq "$stored" ] && ok "$entries entries, all stored" \
  || { fail "not a bundle's zip: $stored of $entries entries stored"; exit 1; }
# A changed byte breaks an entry's CRC: unzip says so, still writes the file, and the checks go on.
unzip -qq "$bundle" -d "$work/files" > "$work/unzip.txt" 2>&1 && ok "zip reads" \
  || fail "zip: $(grep -o 'bad CRC\|cannot find[^.]*' "$work/unzip.txt" | sort -u | tr '\n' ' ')"
f=$work/files
[ -f "$f/manifest.json" ] || { fail "no manifest.json"; exit 1; }

# 1. The key in the manifest is the one the auditor's fingerprint names.
sed -n 's/^ *"spki": "\([A-Za-z0-9+/=]*\)",\{0,1\}$/\1/p' "$f/manifest.json" | base64 -d > "$work/signer.der"
openssl pkey -pubin -inform DER -in "$work/signer.der" -out "$work/signer.pem" 2>/dev/null
key=$(openssl dgst -sha256 -r "$work/signer.der" | cut -d' ' -f1)
[ "$key" = "$fingerprint" ] && ok "signing key is $fingerprint" || fail "signing key is $key, not $fingerprint"

# 2. manifest.sig: the key's signature over manifest.json's exact bytes, in its low-s form.
sig_s=$(openssl asn1parse -inform DER -in "$f/manifest.sig" 2>/dev/null | sed -n 's/.*INTEGER *://p' | sed -n 2p)
openssl dgst -sha256 -verify "$work/signer.pem" -signature "$f/manifest.sig" "$f/manifest.json" >/dev/null 2>&1 \
  && low_s "$(printf '%64s' "$sig_s" | tr ' ' 0 | tr A-F a-f)" \
  && ok "manifest.sig" || fail "manifest.sig does not verify over manifest.json (or is not in low-s form)"

# 3. Every file the manifest lists has its SHA-256, and the zip holds nothing else.
grep -E '^ +"(path|hash)": ' "$f/manifest.json" | sed 's/^ *"[a-z]*": "\(.*\)",\{0,1\}$/\1/' | paste - - > "$work/listed"
while read -r path hash; do
  actual=sha256:$(openssl dgst -sha256 -r "$f/$path" 2>/dev/null | cut -d' ' -f1)
  [ "$actual" = "$hash" ] && ok "$path" || fail "$path: its SHA-256 is not the manifest's"
done < "$work/listed"
unzip -Z1 "$bundle" | while read -r name; do
  case $name in manifest.json|manifest.sig|timestamp.tst) ;; *) grep -q "^$name	" "$work/listed" || echo "$name" ;; esac
done > "$work/unlisted"
[ -s "$work/unlisted" ] && fail "files not in the manifest: $(tr '\n' ' ' < "$work/unlisted")" || ok "no unlisted file"

# 4. The seal: the zip's last 117 bytes are "jeejio-evidence-seal/1 ES256 " and the canonical base64 of
#    r||s, s in low-s form, over every byte before them. OpenSSL reads DER, so r and s are re-encoded.
size=$(wc -c < "$bundle")
head -c $((size - 117)) "$bundle" > "$work/sealed.bin"
prefix=$(tail -c 117 "$bundle" | head -c 29)
seal_text=$(tail -c 88 "$bundle")
printf %s "$seal_text" | base64 -d > "$work/seal.raw" 2>/dev/null
r=$(head -c 32 "$work/seal.raw" | od -An -v -tx1 | tr -d ' \n')
s=$(tail -c 32 "$work/seal.raw" | od -An -v -tx1 | tr -d ' \n')
printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "$r" "$s" > "$work/seal.cnf"
openssl asn1parse -genconf "$work/seal.cnf" -out "$work/seal.der" -noout 2>/dev/null
[ "$prefix" = "jeejio-evidence-seal/1 ES256 " ] && [ "$(base64 -w0 < "$work/seal.raw")" = "$seal_text" ] \
  && low_s "$s" \
  && openssl dgst -sha256 -verify "$work/signer.pem" -signature "$work/seal.der" "$work/sealed.bin" >/dev/null 2>&1 \
  && ok "seal" || fail "seal does not verify, or is not in its one canonical form: the zip changed after it was sealed"

# 5. The timestamp: a token over manifest.json's exact bytes, from a TSA the certificate given vouches
#    for, checked at the token's own time (-attime); the TSA's own certificate may be given (-partial_chain).
if [ -f "$f/timestamp.tst" ]; then
  openssl ts -reply -token_in -in "$f/timestamp.tst" -text > "$work/token.txt" 2>/dev/null
  stamped=$(date -u -d "$(sed -n 's/^Time stamp: //p' "$work/token.txt")" +%s 2>/dev/null)
  if [ -n "$stamped" ] && openssl ts -verify -token_in -in "$f/timestamp.tst" -data "$f/manifest.json" \
    -CAfile "$tsa_cert" -partial_chain -attime "$stamped" >/dev/null 2>&1; then
    ok "timestamp token ($(date -u -d "@$stamped" +%FT%TZ))"
    # 6. The manifest was created no later than the stamp allows (its accuracy, and its whole seconds).
    accuracy=$(printf %d "$(sed -n 's/^Accuracy: \(0x[0-9A-Fa-f]*\) seconds.*/\1/p' "$work/token.txt" | head -n1)" 2>/dev/null)
    created=$(date -u -d "$(sed -n 's/^  "created": "\(.*\)",$/\1/p' "$f/manifest.json")" +%s)
    [ "$created" -le $((stamped + ${accuracy:-0} + 1)) ] && ok "created no later than the stamp allows" \
      || fail "manifest created $(date -u -d "@$created" +%FT%TZ), after the stamp's $(date -u -d "@$stamped" +%FT%TZ)"
  else
    fail "timestamp token does not verify over manifest.json with $tsa_cert"
    echo "skip  created against the stamp: the token did not verify"
  fi
else
  fail "no timestamp.tst"
fi
exit $failed
