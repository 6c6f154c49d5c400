// sastrawijs ships types that its package.json "exports" does not expose.
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
  export class Tokenizer {
    tokenize(text: string): string[];
  }
}
