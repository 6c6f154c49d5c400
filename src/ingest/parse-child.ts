/**
 * The parse worker: a child process that parses one untrusted file at a time for
 * `isolated-parser.ts`. A file that exhausts its memory or hangs ends this process
 * only; the parent names the file as refused and starts another worker.
 */
import { LoadError } from './errors.ts';
import { loadDocument } from './loaders.ts';
import type { ParseReply, ParseRequest } from './isolated-parser.ts';

function reply(m: ParseReply): void {
  process.send?.(m);
}

async function handle(req: ParseRequest): Promise<void> {
  try {
    const doc = await loadDocument(req.path, req.data, req.text, req.limits, () => reply({ id: req.id, type: 'progress' }));
    reply({ id: req.id, type: 'done', doc });
  } catch (err) {
    if (err instanceof LoadError) reply({ id: req.id, type: 'refused', reason: err.reason, detail: err.detail });
    else reply({ id: req.id, type: 'failed', message: (err as Error).message ?? String(err) });
  }
}

process.on('message', (m) => void handle(m as ParseRequest));
// The parent went away (or closed the channel): nothing left to parse for.
process.on('disconnect', () => process.exit(0));
