#!/bin/sh
# Checks a jeejio-evidence/1 bundle with OpenSSL and the shell's own tools
# (unzip, sed, od, base64, GNU date), without any of this project's code.
#   sh docs/verify-with-openssl.sh BUNDLE.zip FINGERPRINT TSA-ROOT.pem
# FINGERPRINT is the signing key's SHA-256 as the auditor gave it; TSA-ROOT.pem
# the time-stamping authority's certificate (or its CA's), as the TSA gave it.
# Exit 0: every check holds; 1: one fails; 2: usage. It checks the signer's
# key, manifest.sig, every file's SHA-256, the seal, the timestamp token, and
# that the manifest was not created after the stamp; the observation chain and
# report citations need JSON canonicalisation (RFC 8785): `verify` checks them.
set -u
[ $# -eq 3 ] || { echo "usage: $0 BUNDLE.zip FINGERPRINT TSA-ROOT.pem" >&2; exit 2; }
bundle=$1 fingerprint=$(printf %s "$2" | tr -d ' :' | tr A-F a-f) tsa_root=$3
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
failed=0
ok() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failed=1; }
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

# 2. manifest.sig: the key's signature over manifest.json's exact bytes.
openssl dgst -sha256 -verify "$work/signer.pem" -signature "$f/manifest.sig" "$f/manifest.json" >/dev/null 2>&1 \
  && ok "manifest.sig" || fail "manifest.sig does not verify over manifest.json"

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

# 4. The seal: the zip's last 117 bytes are "jeejio-evidence-seal/1 ES256 " and a base64
#    r||s signature over every byte before them. OpenSSL reads DER, so r and s are re-encoded.
size=$(wc -c < "$bundle")
head -c $((size - 117)) "$bundle" > "$work/sealed.bin"
prefix=$(tail -c 117 "$bundle" | head -c 29)
tail -c 88 "$bundle" | base64 -d > "$work/seal.raw" 2>/dev/null
r=$(head -c 32 "$work/seal.raw" | od -An -v -tx1 | tr -d ' \n')
s=$(tail -c 32 "$work/seal.raw" | od -An -v -tx1 | tr -d ' \n')
printf 'asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x%s\ns=INTEGER:0x%s\n' "$r" "$s" > "$work/seal.cnf"
openssl asn1parse -genconf "$work/seal.cnf" -out "$work/seal.der" -noout 2>/dev/null
[ "$prefix" = "jeejio-evidence-seal/1 ES256 " ] \
  && openssl dgst -sha256 -verify "$work/signer.pem" -signature "$work/seal.der" "$work/sealed.bin" >/dev/null 2>&1 \
  && ok "seal" || fail "seal does not verify: the zip changed after it was sealed"

# 5. The timestamp: a token over manifest.json's exact bytes, from a TSA the root vouches for.
if [ -f "$f/timestamp.tst" ]; then
  openssl ts -verify -token_in -in "$f/timestamp.tst" -data "$f/manifest.json" -CAfile "$tsa_root" >/dev/null 2>&1 \
    && ok "timestamp token" || fail "timestamp token does not verify over manifest.json with $tsa_root"
  # 6. The manifest was created before the stamp (allowing the token's accuracy and its whole seconds).
  openssl ts -reply -token_in -in "$f/timestamp.tst" -text > "$work/token.txt" 2>/dev/null
  stamped=$(date -u -d "$(sed -n 's/^Time stamp: //p' "$work/token.txt")" +%s)
  accuracy=$(printf %d "$(sed -n 's/^Accuracy: \(0x[0-9A-Fa-f]*\) seconds.*/\1/p' "$work/token.txt" | head -n1)" 2>/dev/null)
  created=$(date -u -d "$(sed -n 's/^  "created": "\(.*\)",$/\1/p' "$f/manifest.json")" +%s)
  [ "$created" -le $((stamped + ${accuracy:-0} + 1)) ] && ok "created before the stamp ($(date -u -d "@$stamped" +%FT%TZ))" \
    || fail "manifest created $(date -u -d "@$created" +%FT%TZ), after the stamp's $(date -u -d "@$stamped" +%FT%TZ)"
else
  fail "no timestamp.tst"
fi
exit $failed
