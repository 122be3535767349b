import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../version';
import type { Command, CommandContext } from './command';
import { COMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { defaultWorkspaceDir } from './paths';

const GLOBAL_OPTIONS = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const;

function helpText(): string {
  const lines = [
    `roster ${TOOL_VERSION}: audit the Sentry enterprise app in Microsoft Entra ID against Sentry's SCIM members and teams.`,
    '',
    'Usage: roster <command> [options]   (from the repository: npm run roster -- <command> [options])',
    '',
    'Commands:'
  ];
  for (const command of COMMANDS) lines.push(`  ${command.name.padEnd(16)}${command.summary}`);
  lines.push(
    '',
    'Every command takes --workspace DIR (default: $ROSTER_WORKSPACE, else the desktop app\'s data folder).',
    'Run `roster <command> --help` for its options.'
  );
  return lines.join('\n');
}

/** Runs one command line and returns its exit status; never throws. */
export async function runCli(argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; env: NodeJS.ProcessEnv }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout(TOOL_VERSION);
    return EXIT_OK;
  }

  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`roster: unknown command "${name}". Run \`roster --help\` for the list of commands.`);
    return EXIT_USAGE;
  }

  let context: CommandContext;
  try {
    context = parseCommandLine(command, rest, io);
  } catch (error) {
    io.stderr(`roster ${command.name}: ${describeParseError(error, command.name)}\nUsage: ${command.usage}`);
    return EXIT_USAGE;
  }
  if (context.values.help) {
    io.stdout(`Usage: ${command.usage}`);
    return EXIT_OK;
  }

  try {
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`roster ${command.name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT_USAGE;
    }
    io.stderr(`roster ${command.name}: ${oneLine(error)}`);
    if (io.env.ROSTER_DEBUG) io.stderr(String((error as Error).stack ?? error));
    return EXIT_FAILURE;
  }
}

function parseCommandLine(command: Command, args: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; env: NodeJS.ProcessEnv }): CommandContext {
  const { values, positionals } = parseArgs({
    args,
    options: { ...GLOBAL_OPTIONS, ...command.options },
    allowPositionals: true,
    strict: true
  });
  const workspace = typeof values.workspace === 'string' ? values.workspace : defaultWorkspaceDir(io.env);
  return {
    values: values as CommandContext['values'],
    positionals,
    env: io.env,
    workspaceDir: workspace,
    stdout: io.stdout,
    stderr: io.stderr,
    confirm: askOnTerminal
  };
}

async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await terminal.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}

/** Rewords node:util's parse errors, whose text quotes the option unevenly and suggests `--` tricks. */
function describeParseError(error: unknown, commandName: string): string {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? null;

  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}. Run \`roster ${commandName} --help\` for its options.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option ?? 'an option'} ${/does not take an argument/.test(message) ? 'takes no value' : 'needs a value'}.`;
  return message;
}

/** Formats an error's message on one line for stderr. */
function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.replace(/\s*\n\s*/g, ' ');
}

const isEntryPoint = process.argv[1] !== undefined && /cli[\\/]main\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isEntryPoint) {
  const status = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    env: process.env
  });
  process.exitCode = status;
}
