import * as crypto from 'crypto';
import * as fs from 'fs';
import nock from 'nock';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ReportArtifactError, artifactSkipReason, uploadReportArtifact } from '../../../src/action/report-artifact';

/**
 * The artifact client (@actions/artifact 5.x) against nock: the results service's Twirp JSON API
 * (CreateArtifact, FinalizeArtifact) and the signed blob URL, which @azure/storage-blob's
 * BlockBlobClient.uploadStream fills with Put Block (one block: the zip is far below the 8 MiB
 * chunk) followed by Put Block List. No real network.
 */

const RESULTS = 'http://results.nock.test';
const BLOB = 'http://blob.nock.test';
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService';
const BLOB_PATH = '/actions-results/run-1/report-artifact.zip';
const RUN_ID = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a';
const JOB_ID = 'ca395085-040a-526b-2ce8-bdc85f692774';

const b64url = (v: object | string): string =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** An unsigned JWT whose scp claim carries the Actions.Results:<run>:<job> scope the client parses. */
const TOKEN = [
  b64url({ alg: 'HS256', typ: 'JWT' }),
  b64url({ scp: `Actions.ExampleScope Actions.Results:${RUN_ID}:${JOB_ID}`, iat: 1700000000 }),
  b64url('not-a-real-signature'),
].join('.');

/** nock hands binary request bodies over hex-encoded, text ones as utf8. */
function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  const s = String(body);
  return /^504b0304/i.test(s) && /^[0-9a-f]*$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'utf8');
}

/** The entries of a zip, read through its central directory (archiver streams with data descriptors). */
function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(p + 10);
    const compSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compSize);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('uploadReportArtifact', () => {
  const savedEnv = { ...process.env };
  let dir: string;
  let reportPath: string;
  let reportBytes: Buffer;

  beforeAll(() => {
    nock.disableNetConnect();
  });

  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catchup-artifact-'));
    reportPath = path.join(dir, 'report.json');
    reportBytes = Buffer.from(
      `${JSON.stringify({ status: 'success', mode: 'full', files: { copied: 3, bytesCopied: 24576 } }, null, 2)}\n`,
    );
    fs.writeFileSync(reportPath, reportBytes);
    for (const k of Object.keys(process.env)) {
      if (k.startsWith('ACTIONS_') || k.startsWith('GITHUB_')) delete process.env[k];
    }
    process.env['ACTIONS_RUNTIME_TOKEN'] = TOKEN;
    process.env['ACTIONS_RESULTS_URL'] = `${RESULTS}/`;
    process.env['GITHUB_SERVER_URL'] = 'https://github.com';
    // @actions/core writes log lines and ::commands:: straight to stdout; keep the test output readable.
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
    nock.abortPendingRequests();
    nock.cleanAll();
    process.env = { ...savedEnv };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('creates the artifact, uploads the zipped report to the signed URL, finalizes it', async () => {
    let createBody: Record<string, unknown> | undefined;
    let finalizeBody: Record<string, unknown> | undefined;
    let uploaded: Buffer | undefined;
    let blockId: string | undefined;
    let blockList: string | undefined;

    const results = nock(RESULTS)
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .post(`${TWIRP}/CreateArtifact`)
      .reply(200, (_uri, body) => {
        createBody = body as Record<string, unknown>;
        return { ok: true, signed_upload_url: `${BLOB}${BLOB_PATH}?sv=2023-11-03&sr=b&sig=c2lnbmF0dXJl` };
      })
      .post(`${TWIRP}/FinalizeArtifact`)
      .reply(200, (_uri, body) => {
        finalizeBody = body as Record<string, unknown>;
        return { ok: true, artifact_id: '4242' };
      });

    const blob = nock(BLOB)
      .put(BLOB_PATH)
      .query((q) => q['comp'] === 'block' && typeof q['blockid'] === 'string' && q['sig'] === 'c2lnbmF0dXJl')
      .reply(201, function (_uri, body) {
        blockId = new URL(this.req.path, BLOB).searchParams.get('blockid') ?? undefined;
        uploaded = bodyBytes(body);
        return '';
      })
      .put(BLOB_PATH)
      .query((q) => q['comp'] === 'blocklist')
      .reply(201, (_uri, body) => {
        blockList = String(body);
        return '';
      }, { ETag: '"0x8DC"', 'Last-Modified': new Date().toUTCString() });

    const before = Date.now();
    const res = await uploadReportArtifact(reportPath, 'pg-catchup-report');

    expect(results.isDone()).toBe(true);
    expect(blob.isDone()).toBe(true);

    // CreateArtifact: the backend ids from the token, the name, v4 artifacts, a short retention.
    expect(createBody).toMatchObject({
      workflow_run_backend_id: RUN_ID,
      workflow_job_run_backend_id: JOB_ID,
      name: 'pg-catchup-report',
      version: 4,
    });
    const expiresAt = Date.parse(String(createBody?.['expires_at']));
    const days = (expiresAt - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    // The blob: one block holding a zip whose single entry is the report, byte for byte.
    expect(uploaded).toBeDefined();
    const entries = unzip(uploaded!);
    expect([...entries.keys()]).toEqual(['report.json']);
    expect(entries.get('report.json')!.equals(reportBytes)).toBe(true);
    expect(blockList).toContain(`<Latest>${blockId}</Latest>`);

    // FinalizeArtifact: same ids and name, the zip's size and sha256.
    const sha256 = crypto.createHash('sha256').update(uploaded!).digest('hex');
    expect(finalizeBody).toEqual({
      workflow_run_backend_id: RUN_ID,
      workflow_job_run_backend_id: JOB_ID,
      name: 'pg-catchup-report',
      size: String(uploaded!.length),
      hash: `sha256:${sha256}`,
    });

    expect(res).toEqual({ id: 4242, size: uploaded!.length, digest: sha256 });
  });

  test('retention is configurable', async () => {
    let createBody: Record<string, unknown> | undefined;
    nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .reply(400, (_uri, body) => {
        createBody = body as Record<string, unknown>;
        return { code: 'invalid_argument', msg: 'stop here' };
      });
    await expect(uploadReportArtifact(reportPath, 'r', { retentionDays: 1 })).rejects.toThrow(ReportArtifactError);
    const days = (Date.parse(String(createBody?.['expires_at'])) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(0.9);
    expect(days).toBeLessThan(1.1);
  });

  test('not on GitHub Actions: skipped, no request made', async () => {
    delete process.env['ACTIONS_RUNTIME_TOKEN'];
    delete process.env['ACTIONS_RESULTS_URL'];
    const res = await uploadReportArtifact(reportPath, 'pg-catchup-report');
    expect(res).toEqual({
      skipped: 'not running on GitHub Actions (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set)',
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('skip reasons: one variable missing, GHES', () => {
    expect(artifactSkipReason({ ACTIONS_RUNTIME_TOKEN: TOKEN })).toMatch(/ACTIONS_RESULTS_URL is not set/);
    expect(artifactSkipReason({ ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: RESULTS })).toBeUndefined();
    expect(
      artifactSkipReason({
        ACTIONS_RUNTIME_TOKEN: TOKEN,
        ACTIONS_RESULTS_URL: RESULTS,
        GITHUB_SERVER_URL: 'https://ghe.corp.example',
      }),
    ).toMatch(/GitHub Enterprise Server/);
    expect(
      artifactSkipReason({
        ACTIONS_RUNTIME_TOKEN: TOKEN,
        ACTIONS_RESULTS_URL: RESULTS,
        GITHUB_SERVER_URL: 'https://acme.ghe.com',
      }),
    ).toBeUndefined();
  });

  test('GHES: skipped without calling the service', async () => {
    process.env['GITHUB_SERVER_URL'] = 'https://ghe.corp.example';
    const res = await uploadReportArtifact(reportPath, 'pg-catchup-report');
    expect(res).toHaveProperty('skipped');
  });

  test('CreateArtifact 500: retried, then a clear error', async () => {
    // The client retries 5 times with 3 s+ exponential backoff; run its sleeps on fake timers.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date', 'hrtime', 'performance'] });
    const results = nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .times(5)
      .reply(500, { code: 'internal', msg: 'results service exploded' });

    let settled = false;
    const p = uploadReportArtifact(reportPath, 'pg-catchup-report', { timeoutMs: 600_000 }).finally(() => {
      settled = true;
    });
    p.catch(() => undefined);
    // Small fake-time steps, with real event-loop turns in between for the (nock) HTTP round trips.
    for (let i = 0; i < 400 && !settled; i++) {
      await jest.advanceTimersByTimeAsync(250);
      for (let j = 0; j < 5; j++) await new Promise((r) => setImmediate(r));
    }

    await expect(p).rejects.toThrow(ReportArtifactError);
    await expect(p).rejects.toThrow(
      'report artifact "pg-catchup-report" not uploaded: upload failed: Failed to CreateArtifact: ' +
        'Failed to make request after 5 attempts: Failed request: (500) Internal Server Error: results service exploded',
    );
    expect(results.isDone()).toBe(true);
  });

  test('CreateArtifact 403: fails fast with the service message, nothing uploaded', async () => {
    nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .once()
      .reply(403, { code: 'permission_denied', msg: 'token lacks Actions.Results scope' });
    const err = await uploadReportArtifact(reportPath, 'pg-catchup-report').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportArtifactError);
    expect((err as Error).message).toMatch(/^report artifact "pg-catchup-report" not uploaded: upload failed: /);
    expect((err as Error).message).toMatch(/non-retryable error: Failed request: \(403\).*token lacks Actions\.Results scope/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('blob upload refused: clear error, artifact not finalized', async () => {
    const results = nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .reply(200, { ok: true, signed_upload_url: `${BLOB}${BLOB_PATH}?sig=x` });
    const finalize = nock(RESULTS).post(`${TWIRP}/FinalizeArtifact`).reply(200, { ok: true, artifact_id: '1' });
    nock(BLOB)
      .put(BLOB_PATH)
      .query(true)
      .reply(
        403,
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signature did not match</Message></Error>',
        { 'Content-Type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' },
      );
    const err = await uploadReportArtifact(reportPath, 'pg-catchup-report').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportArtifactError);
    expect((err as Error).message).toMatch(/^report artifact "pg-catchup-report" not uploaded: upload failed: .*Signature did not match/);
    expect(results.isDone()).toBe(true);
    expect(finalize.isDone()).toBe(false);
  });

  test('missing report file: clear error before any request', async () => {
    const err = await uploadReportArtifact(path.join(dir, 'nope.json'), 'pg-catchup-report').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportArtifactError);
    expect((err as Error).message).toMatch(/not uploaded: cannot read report file .*nope\.json: ENOENT/);
  });

  test('gives up after timeoutMs', async () => {
    nock(RESULTS)
      .post(`${TWIRP}/CreateArtifact`)
      .delay(400)
      .reply(400, { code: 'invalid_argument', msg: 'late' });
    const t0 = Date.now();
    await expect(uploadReportArtifact(reportPath, 'pg-catchup-report', { timeoutMs: 50 })).rejects.toThrow(
      'report artifact "pg-catchup-report" not uploaded: timed out after 50 ms',
    );
    expect(Date.now() - t0).toBeLessThan(350);
    // let the abandoned request finish (non-retryable reply) so nothing outlives the test
    await new Promise((r) => setTimeout(r, 500));
  });
});
