import { Command, Help, type Argument, type Option } from 'commander';
import { commandLineMessages as m } from '../messages/operator.ts';

const quoted = (message: string): string[] => [...message.matchAll(/'([^']*)'/g)].map((x) => x[1]!);

/** commander's English error (by its code) as one Indonesian sentence; unknown codes pass through. */
export function translateCommanderError(message: string, code: string | undefined, commandPath: string): string {
  const [first = '', second = ''] = quoted(message);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message)?.[1];
  let detail: string | null;
  switch (code) {
    case 'commander.missingArgument':
      detail = m.missingArgument(first);
      break;
    case 'commander.optionMissingArgument':
      detail = m.optionMissingArgument(first);
      break;
    case 'commander.missingMandatoryOptionValue':
      detail = m.missingMandatoryOption(first);
      break;
    case 'commander.unknownOption':
      detail = m.unknownOption(first);
      break;
    case 'commander.unknownCommand':
      detail = m.unknownCommand(first);
      break;
    case 'commander.excessArguments': {
      const [, expected = '0', got = '0'] = /Expected (\d+) arguments? but got (\d+)/.exec(message) ?? [];
      detail = m.excessArguments(Number(expected), Number(got), message.includes(' for ') ? first : null);
      break;
    }
    case 'commander.conflictingOption':
      detail = m.conflictingOption(quoted(message).join(', '));
      break;
    case 'commander.invalidArgument': {
      const reason = message.split(/is invalid( for argument '[^']*')?\.\s*/).at(-1)?.trim();
      const target = message.includes('command-argument') ? `argumen '${second}'` : `opsi '${first}'`;
      const value = message.includes('command-argument') ? first : second;
      detail = `${m.invalidValue(value, target)}${reason ? ` (${reason})` : ''}`;
      break;
    }
    default:
      detail = null;
  }
  if (detail === null) return message;
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
