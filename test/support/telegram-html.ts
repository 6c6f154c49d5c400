import type { Json } from './fake-telegram.ts';

/** Telegram's HTML parse mode and message entities, as the fake Bot API checks and builds them. */

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'tg-emoji', 'code', 'pre', 'blockquote']);

/** Parses Telegram HTML like the Bot API: returns the visible text or the API's complaint. */
export function parseTelegramHtml(html: string): { ok: true; text: string } | { ok: false; description: string } {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const bytes = (n: number) => Buffer.byteLength(html.slice(0, n));
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[^<>]*)?)>/.exec(html.slice(i));
      if (!m) return { ok: false, description: `Bad Request: can't parse entities: Unexpected end of name token at byte offset ${bytes(i)}` };
      const [whole, closing, rawName] = m as unknown as [string, string, string];
      const name = rawName.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) {
        return { ok: false, description: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${bytes(i)}` };
      }
      if (closing) {
        const open = stack.pop();
        if (open !== name) {
          return {
            ok: false,
            description: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${bytes(i)}, expected "</${open ?? ''}>", found "</${name}>"`,
          };
        }
      } else stack.push(name);
      i += whole.length;
      continue;
    }
    if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i));
      if (m) {
        const e = m[1]!;
        text +=
          e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
        i += m[0].length;
        continue;
      }
    }
    if (ch === '>') return { ok: false, description: `Bad Request: can't parse entities: Unexpected ">" at byte offset ${bytes(i)}` };
    text += ch;
    i++;
  }
  if (stack.length > 0) return { ok: false, description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.pop()}"` };
  return { ok: true, text };
}

export function entitiesOf(text: string): Json[] {
  const entities: Json[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{5,32}/g)) {
    if (cmd && m.index! < cmd[0].length) continue;
    entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  return entities;
}

