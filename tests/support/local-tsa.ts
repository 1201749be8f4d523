import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A time-stamping authority on loopback made with `openssl ts` alone: its own
 * root CA, a TSA certificate with the critical timeStamping usage RFC 3161
 * requires, and `openssl ts -reply` answering each request. Nothing here is
 * this project's code, so a token it issues is what a real TSA would send.
 */
export interface LocalTsa {
  /** The root CA's certificate, PEM: the trust list a checker gives (`--tsa-cert`). */
  caPath: string;
  /** The folder of its keys, certificates and configuration. */
  dir: string;
  /** Answers a DER TimeStampReq with a DER TimeStampResp, as `openssl ts -reply` does. */
  reply(request: Uint8Array): Promise<Uint8Array>;
  /** Serves `reply` over HTTP (RFC 3161 §3.4) on 127.0.0.1 and returns its URL. */
  serve(): Promise<string>;
  /** How many requests it answered over HTTP. */
  served(): number;
  close(): Promise<void>;
}

const CONFIG = `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = .
serial = ./serial
crypto_device = builtin
signer_cert = ./tsa.crt
certs = ./tsa.crt
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ ca ]
default_ca = ca_config
[ ca_config ]
dir = .
database = ./index.txt
new_certs_dir = .
serial = ./caserial
default_md = sha256
policy = policy_any
unique_subject = no
[ policy_any ]
commonName = supplied
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/**
 * A new TSA in a temporary folder; `name` goes into its certificates' common names. With
 * `signerValidSeconds`, its own certificate (not its CA's) expires that long after it is made, as
 * real TSA certificates expire long before the evidence they stamped stops mattering.
 */
export async function startLocalTsa(
  name = 'Local Test TSA',
  options: { signerValidSeconds?: number } = {},
): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'jeejio-tsa-'));
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await writeFile(join(dir, 'tsa.cnf'), CONFIG);
  await writeFile(join(dir, 'serial'), '01\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  // A century: test vectors made with it stay valid wherever and whenever they are checked.
  await openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '36500',
    '-subj',
    `/CN=${name} Root`,
    '-config',
    'tsa.cnf',
    '-extensions',
    'v3_ca',
  ]);
  await openssl(['req', '-new', ...ec, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', `/CN=${name}`]);
  if (options.signerValidSeconds === undefined) {
    await openssl([
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.crt',
      '-days',
      '36500',
      '-extfile',
      'tsa.cnf',
      '-extensions',
      'v3_tsa',
    ]);
  } else {
    // `openssl ca` takes exact dates, which `x509 -req` (whole days from now) does not.
    const at = (ms: number) => `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
    await writeFile(join(dir, 'index.txt'), '');
    await writeFile(join(dir, 'caserial'), '1000\n');
    await openssl([
      'ca',
      '-batch',
      '-config',
      'tsa.cnf',
      '-cert',
      'ca.crt',
      '-keyfile',
      'ca.key',
      '-in',
      'tsa.csr',
      '-out',
      'tsa.crt',
      '-startdate',
      at(Date.now() - 3600_000),
      '-enddate',
      at(Date.now() + options.signerValidSeconds * 1000),
      '-extfile',
      'tsa.cnf',
      '-extensions',
      'v3_tsa',
      '-notext',
    ]);
  }
  let queue = Promise.resolve();
  let count = 0;
  let server: Server | undefined;
  const reply = (request: Uint8Array): Promise<Uint8Array> => {
    // One at a time: openssl ts keeps its serial number in a file.
    const answer = queue.then(async () => {
      const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      await writeFile(join(dir, `${id}.tsq`), request);
      await openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `${id}.tsq`, '-out', `${id}.tsr`]);
      return new Uint8Array(await readFile(join(dir, `${id}.tsr`)));
    });
    queue = answer.then(
      () => undefined,
      () => undefined,
    );
    return answer;
  };
  return {
    caPath: join(dir, 'ca.crt'),
    dir,
    reply,
    served: () => count,
    async serve() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
            res.writeHead(400, { 'content-type': 'text/plain' }).end('POST an application/timestamp-query');
            return;
          }
          reply(Buffer.concat(chunks)).then(
            (answer) => {
              count += 1;
              res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(answer);
            },
            (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
          );
        });
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    },
    async close() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
