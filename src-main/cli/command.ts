import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What a command receives: parsed flags, positionals, the environment and the output streams. */
export interface CommandContext {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  env: NodeJS.ProcessEnv;
  workspaceDir: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a yes/no question on the terminal; false when stdin is not interactive. */
  confirm: (question: string) => Promise<boolean>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Returns the exit status. */
  run(context: CommandContext): Promise<number>;
}

export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}
