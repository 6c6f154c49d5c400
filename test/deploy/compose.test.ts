import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/index.ts';
import { ROOT } from '../support/process.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The environment variables named in the README's configuration table. */
function readmeVariables(): string[] {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
  const names = table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
  return [...new Set(names)];
}

/** Issue 16 item 7: a compose deployment can set everything the README documents. */
describe('deployment files', () => {
  it('docker-compose.yml and .env.example carry every variable the README lists', () => {
    const names = readmeVariables();
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'SLACK_STAFF_USERS', 'SLACK_DIGEST_CRON', 'TELEGRAM_WEBHOOK_SECRET', 'METRICS_TOKEN']));
    const compose = parse(read('docker-compose.yml'), { uniqueKeys: true }) as { services: { pandu: { environment: Record<string, string> } } };
    const environment = compose.services.pandu.environment;
    const example = read('.env.example');
    const missingInCompose = names.filter((n) => !(n in environment));
    const missingInExample = names.filter((n) => !new RegExp(`^#? ?${n}=`, 'm').test(example));
    expect({ missingInCompose, missingInExample }).toEqual({ missingInCompose: [], missingInExample: [] });
  });

  it('.env.example as shipped is a valid configuration', () => {
    const env = Object.fromEntries(
      read('.env.example')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(() => loadConfig(env)).not.toThrow();
  });
});
