import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRefused, type LoadReason } from './errors.ts';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.ts';
import type { ParsedDoc } from './loaders.ts';
import { indexTextOf, type IndexChunk } from '../retrieval/index.ts';

/** Index work the worker does after parsing: chunking and term counts, vectors with the offline embedder of this dimension. */
export interface IndexRequest {
  readonly hashingDim: number | null;
}

/** A parsed document; with `chunks` when the worker also prepared them for the index (its blocks are then left out). */
export interface ParsedForIndex extends ParsedDoc {
  readonly chunks?: readonly IndexChunk[];
}

export interface ParseRequest {
  readonly id: number;
  readonly path: string;
  readonly data: Uint8Array;
  readonly text: string | null;
  readonly limits: ParseLimits;
  readonly index?: IndexRequest;
}

/** A chunk as the worker sends it: its index text is joined again from title, heading and text. */
type SentChunk = Omit<IndexChunk, 'indexText'>;

export type ParseReply =
  | { readonly id: number; readonly type: 'progress' }
  | { readonly id: number; readonly type: 'done'; readonly doc: ParsedDoc & { readonly chunks?: readonly SentChunk[] } }
  | { readonly id: number; readonly type: 'refused'; readonly reason: LoadReason; readonly detail?: string }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

export interface ParserOptions {
  /** V8 heap of the parse worker, in MB. */
  readonly memoryMb?: number;
  /** A file is given up when the worker reports no progress for this long. */
  readonly idleTimeoutMs?: number;
  readonly limits?: Partial<ParseLimits>;
}

export interface IsolatedParser {
  parse(path: string, data: Uint8Array, text: string | null, index?: IndexRequest): Promise<ParsedForIndex>;
  /** Starts the worker now (it starts with the first parse otherwise), so it is ready when the first file comes. */
  start(): void;
  close(): void;
}

const DEFAULT_MEMORY_MB = 1536;
const DEFAULT_IDLE_TIMEOUT_MS = 120_000;
/** What the worker may see of the environment: where programs and temporary files are, the locale; no tokens. */
const WORKER_ENV = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'TESSDATA_PREFIX'];
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/i;

/** The worker's entry and how node runs it: through tsx from TypeScript sources, directly once compiled. */
function workerEntry(): { file: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const ext = extname(self);
  const file = fileURLToPath(new URL(`./parse-child${ext}`, import.meta.url));
  if (ext !== '.ts') return { file, execArgv: [] };
  return { file, execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] };
}

/**
 * Requests handed to the worker before it answers the one it is on: it starts the next file
 * as soon as it sends one back, instead of waiting idle for the parent (busy writing, or in
 * PGlite running the database on its thread) to read the answer and send another. Bounded in
 * files and in the bytes the worker holds beyond the file it parses.
 */
const AHEAD_REQUESTS = 128;
const AHEAD_REQUEST_BYTES = 16 * 1024 * 1024;

interface Job {
  readonly request: ParseRequest;
  readonly resolve: (doc: ParsedForIndex) => void;
  readonly reject: (err: Error) => void;
  sent: boolean;
}

const requestBytes = (r: ParseRequest) => r.data.byteLength + 2 * (r.text?.length ?? 0);

/**
 * Parses untrusted files (PDF, DOCX, HTML, text, OCR) in a child process with a memory
 * limit and an inactivity deadline, one file at a time: a hostile or oversized file
 * fails alone with a named reason (memory, time, crash) and never takes the calling
 * process — the server or the rest of an ingest run — with it. The worker parses the files
 * in the order asked and holds the next few (AHEAD_REQUESTS); the deadline runs only for the
 * file it is on, and when the worker dies the files queued behind that one go to a new worker.
 */
export function createIsolatedParser(options: ParserOptions = {}): IsolatedParser {
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  let child: ChildProcess | null = null;
  let stderrTail = '';
  let nextId = 1;
  /** Files asked for, in order; the first is the one the worker is on when it was sent. */
  const jobs: Job[] = [];
  let timer: NodeJS.Timeout | undefined;

  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, idleMs);
  };
  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  /** The worker parsing the first job is gone: that file fails with this error, the others wait for a new worker. */
  const dropWorker = (err: Error) => {
    disarm();
    child = null;
    const head = jobs[0];
    if (head?.sent) {
      jobs.shift();
      head.reject(err);
    }
    for (const j of jobs) j.sent = false;
    pump();
  };

  const onMessage = (c: ChildProcess, m: ParseReply) => {
    const head = jobs[0];
    if (c !== child || !head || m.id !== head.request.id) return;
    if (m.type === 'progress') return arm();
    disarm();
    jobs.shift();
    if (m.type === 'done') {
      const { chunks, ...doc } = m.doc;
      head.resolve(chunks ? { ...doc, chunks: chunks.map((c) => ({ ...c, indexText: indexTextOf(doc.title, c.heading, c.text) })) } : doc);
    }
    else if (m.type === 'refused') head.reject(loadRefused(m.reason, m.detail));
    else head.reject(new Error(m.message));
    // The worker went on to the next file as it sent this one: its deadline starts now.
    if (jobs[0]?.sent) arm();
    pump();
  };

  const onExit = (c: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (c !== child) return;
    const oom = OUT_OF_MEMORY.test(stderrTail) || signal === 'SIGABRT' || code === 134;
    dropWorker(oom ? loadRefused('parse_memory', `${memoryMb} MB`) : loadRefused('parse_crashed', signal ?? `kode ${code}`));
  };

  function onIdle(): void {
    const c = child;
    child = null;
    c?.kill('SIGKILL');
    dropWorker(loadRefused('parse_timeout', `${Math.round(idleMs / 1000)} detik tanpa kemajuan`));
  }

  const start = (): ChildProcess => {
    const { file, execArgv } = workerEntry();
    const env = Object.fromEntries(WORKER_ENV.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]])));
    const c = fork(file, [], { env, execArgv: [`--max-old-space-size=${memoryMb}`, ...execArgv], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    stderrTail = '';
    c.stderr?.on('data', (d: Buffer) => (stderrTail = (stderrTail + d.toString()).slice(-4_096)));
    c.on('error', () => undefined); // reported through 'exit' to the pending parse
    c.on('message', (m: ParseReply) => onMessage(c, m));
    c.on('exit', (code, signal) => onExit(c, code, signal));
    return c;
  };

  /** Sends the worker the first jobs not yet sent, within the window; the first one starts its deadline. */
  function pump(): void {
    if (jobs.length === 0) return;
    const c = (child ??= start());
    let bytes = 0;
    for (let k = 0; k < jobs.length && k < AHEAD_REQUESTS; k++) {
      const j = jobs[k]!;
      if (k > 0 && (bytes += requestBytes(j.request)) > AHEAD_REQUEST_BYTES) break;
      if (j.sent) continue;
      j.sent = true;
      if (k === 0) arm();
      c.send(j.request);
    }
  }

  const parse = (path: string, data: Uint8Array, text: string | null, index?: IndexRequest): Promise<ParsedForIndex> =>
    new Promise<ParsedForIndex>((resolve, reject) => {
      jobs.push({ request: { id: nextId++, path, data, text, limits, index }, resolve, reject, sent: false });
      pump();
    });

  return {
    parse,
    start() {
      child ??= start();
    },
    close() {
      const c = child;
      child = null;
      disarm();
      if (c?.connected) c.disconnect();
      for (const j of jobs.splice(0)) j.reject(loadRefused('parse_crashed', 'kode 0'));
    },
  };
}
