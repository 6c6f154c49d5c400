import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../log.ts';
import { messages } from '../../messages/index.ts';

export interface ConsoleDeps {
  readonly input: Readable;
  readonly output: Writable;
  /** Answers one question as plain text (sources included). */
  ask(question: string, state: { regionCode: string | null; sessionId: string }): Promise<string>;
  /** Resolves a region typed after /wilayah; null when unknown. */
  findRegion(query: string): Promise<{ code: string; name: string } | null>;
  /** Called on /keluar or Ctrl-C at the prompt. */
  onQuit(): void;
  /** Where a failed answer is logged (with its stack); the person at the prompt sees only the apology. */
  readonly log?: Pick<Logger, 'warn'>;
}

export interface ConsoleChat {
  stop(): void;
}

/** The terminal chat used when no bot token is set: the same answers as the bots. */
export function startConsole(deps: ConsoleDeps): ConsoleChat {
  const state = { regionCode: null as string | null, sessionId: `console-${process.pid}-${Date.now()}` };
  const rl = createInterface({ input: deps.input, output: deps.output, terminal: (deps.input as { isTTY?: boolean }).isTTY === true });
  const write = (s: string) => deps.output.write(`${s}\n`);
  let stopped = false;
  write(messages.console.welcome(messages.console.regionHint));
  rl.setPrompt(messages.console.prompt);
  rl.prompt();

  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      const text = line.trim();
      if (stopped) return;
      if (text === '/keluar' || text === '/exit') {
        write(messages.console.bye);
        deps.onQuit();
        return;
      }
      if (text.startsWith('/wilayah')) {
        const query = text.slice('/wilayah'.length).trim();
        const region = query ? await deps.findRegion(query) : null;
        if (region) {
          state.regionCode = region.code;
          write(messages.console.regionSet(region.name));
        } else write(messages.cli.regionUnknown(query));
      } else if (text) {
        try {
          write(await deps.ask(text, state));
        } catch (err) {
          deps.log?.warn({ err }, 'console question failed');
          write(messages.errors.internal);
        }
      }
      if (!stopped) rl.prompt();
    });
  });
  rl.on('SIGINT', () => deps.onQuit());
  rl.on('close', () => {
    // End of input (e.g. stdin is /dev/null in a container): the server keeps running.
    stopped = true;
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      rl.close();
    },
  };
}
