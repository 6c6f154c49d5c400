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
 * Parses untrusted files (PDF, DOCX, HTML, text, OCR) in a child process with a memory
 * limit and an inactivity deadline, one file at a time: a hostile or oversized file
 * fails alone with a named reason (memory, time, crash) and never takes the calling
 * process — the server or the rest of an ingest run — with it.
 */
export function createIsolatedParser(options: ParserOptions = {}): IsolatedParser {
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS, ...options.limits };
  let child: ChildProcess | null = null;
  let stderrTail = '';
  let nextId = 1;

  const start = (): ChildProcess => {
    const { file, execArgv } = workerEntry();
    const env = Object.fromEntries(WORKER_ENV.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]])));
    const c = fork(file, [], { env, execArgv: [`--max-old-space-size=${memoryMb}`, ...execArgv], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    stderrTail = '';
    c.stderr?.on('data', (d: Buffer) => (stderrTail = (stderrTail + d.toString()).slice(-4_096)));
    c.on('error', () => undefined); // reported through 'exit' to the pending parse
    return c;
  };

  const parseNow = (path: string, data: Uint8Array, text: string | null, index?: IndexRequest): Promise<ParsedForIndex> => {
    const c = (child ??= start());
    const id = nextId++;
    return new Promise<ParsedForIndex>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        c.off('message', onMessage);
        c.off('exit', onExit);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(onIdle, idleMs);
      };
      const onMessage = (m: ParseReply) => {
        if (m.id !== id) return;
        if (m.type === 'progress') return arm();
        finish();
        if (m.type === 'done') {
          const { chunks, ...doc } = m.doc;
          resolve(chunks ? { ...doc, chunks: chunks.map((c) => ({ ...c, indexText: indexTextOf(doc.title, c.heading, c.text) })) } : doc);
        }
        else if (m.type === 'refused') reject(loadRefused(m.reason, m.detail));
        else reject(new Error(m.message));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        finish();
        if (child === c) child = null;
        const oom = OUT_OF_MEMORY.test(stderrTail) || signal === 'SIGABRT' || code === 134;
        reject(oom ? loadRefused('parse_memory', `${memoryMb} MB`) : loadRefused('parse_crashed', signal ?? `kode ${code}`));
      };
      const onIdle = () => {
        finish();
        if (child === c) child = null;
        c.kill('SIGKILL');
        reject(loadRefused('parse_timeout', `${Math.round(idleMs / 1000)} detik tanpa kemajuan`));
      };
      c.on('message', onMessage);
      c.on('exit', onExit);
      arm();
      c.send({ id, path, data, text, limits, index } satisfies ParseRequest);
    });
  };

  // One file in the worker at a time: a request queued behind a long parse must not run out its idle deadline waiting.
  let tail: Promise<unknown> = Promise.resolve();
  const parse = (path: string, data: Uint8Array, text: string | null, index?: IndexRequest): Promise<ParsedForIndex> => {
    const run = tail.then(() => parseNow(path, data, text, index));
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    parse,
    start() {
      child ??= start();
    },
    close() {
      if (child?.connected) child.disconnect();
      child = null;
    },
  };
}
