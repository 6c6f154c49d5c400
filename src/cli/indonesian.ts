import { Command, Help, type Argument, type Option } from 'commander';
import { commandLineMessages as m } from '../messages/operator.ts';

const quoted = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((x) => x[1]!);

/** commander's errors that name one thing (an argument, an option, a command), by code. */
const NAMING: Record<string, (name: string) => string> = {
  'commander.missingArgument': m.missingArgument,
  'commander.optionMissingArgument': m.optionMissingArgument,
  'commander.missingMandatoryOptionValue': m.missingMandatoryOption,
  'commander.unknownOption': m.unknownOption,
  'commander.unknownCommand': m.unknownCommand,
};

function detailOf(message: string, code: string | undefined): string | null {
  const [first = '', second = ''] = quoted(message);
  const naming = code ? NAMING[code] : undefined;
  if (naming) return naming(first);
  if (code === 'commander.excessArguments') {
    const [, expected = '0', got = '0'] = /Expected (\d+) arguments? but got (\d+)/.exec(message) ?? [];
    return m.excessArguments(Number(expected), Number(got), message.includes(' for ') ? first : null);
  }
  if (code === 'commander.conflictingOption') return m.conflictingOption(quoted(message).join(', '));
  if (code === 'commander.invalidArgument') {
    const reason = message.split(/is invalid( for argument '[^']*')?\.\s*/).at(-1)?.trim();
    const forArgument = message.includes('command-argument');
    const detail = m.invalidValue(forArgument ? first : second, forArgument ? `argumen '${second}'` : `opsi '${first}'`);
    return `${detail}${reason ? ` (${reason})` : ''}`;
  }
  return null;
}

/** commander's English error (by its code) as one Indonesian sentence; unknown codes pass through. */
export function translateCommanderError(message: string, code: string | undefined, commandPath: string): string {
  const detail = detailOf(message, code);
  if (detail === null) return message;
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message)?.[1];
  return `${m.error(detail, commandPath)}${suggestion ? `\n${m.didYouMean(suggestion)}` : ''}`;
}

/** Help text with Indonesian headings and notes (commander writes them in English). */
export class IndonesianHelp extends Help {
  override styleTitle(str: string): string {
    return super.styleTitle(m.headings[str] ?? str);
  }

  override styleUsage(str: string): string {
    return super.styleUsage(str.replace(/\[options\]|\[command\]/g, (w) => m.usageWords[w] ?? w));
  }

  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace(/\[options\]/g, m.usageWords['[options]']!);
  }

  override optionDescription(option: Option): string {
    return this.translateExtra(super.optionDescription(option));
  }

  override argumentDescription(argument: Argument): string {
    return this.translateExtra(super.argumentDescription(argument));
  }

  private translateExtra(text: string): string {
    return text.replace(/\b(default|choices|preset|env):/g, (w) => m.extraInfo[w] ?? w);
  }
}

/**
 * A commander Command whose own messages are Indonesian, like everything else operators
 * read: usage errors, the help option and the help layout. Subcommands inherit it.
 */
export class IndonesianCommand extends Command {
  constructor(name?: string) {
    super(name);
    this.helpOption('-h, --help', m.helpOption);
  }

  override createCommand(name?: string): Command {
    return new IndonesianCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new IndonesianHelp(), this.configureHelp());
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const path = [this.name()];
    for (let c = this.parent; c; c = c.parent) path.unshift(c.name());
    return super.error(translateCommanderError(message, errorOptions?.code, path.join(' ')), errorOptions);
  }
}
