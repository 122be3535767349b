/**
 * The main process logger: levels, scopes and a file sink, with redaction built in.
 *
 * No Electron import, so tests run it in plain Node. `../main.ts` points the file sink at
 * `app.getPath('logs')`.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, redactValue } from './redact';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines carry `scope`, e.g. `ipc` or `window`. */
  child(scope: string): Logger;
}

export type LogSink = (line: string) => void;

export interface LoggerOptions {
  sink: LogSink;
  minLevel?: LogLevel;
  scope?: string;
  now?: () => Date;
}

/**
 * Formats one line as `<ISO time> <LEVEL> [scope] message {fields as JSON}`.
 *
 * The message and fields are redacted here, before formatting, so no sink receives a secret.
 */
export function formatLine(time: Date, level: LogLevel, scope: string, message: string, fields?: LogFields): string {
  const head = `${time.toISOString()} ${level.toUpperCase()} [${scope}] ${redactText(message).replace(/\r?\n/g, '\\n')}`;
  if (fields === undefined || Object.keys(fields).length === 0) {
    return head;
  }
  return `${head} ${JSON.stringify(redactValue(fields))}`;
}

export function createLogger(options: LoggerOptions): Logger {
  const minRank = LOG_LEVELS.indexOf(options.minLevel ?? 'info');
  const now = options.now ?? (() => new Date());

  function build(scope: string): Logger {
    const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
      if (LOG_LEVELS.indexOf(level) < minRank) return;
      options.sink(formatLine(now(), level, scope, message, fields));
    };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (childScope) => build(`${scope}:${childScope}`)
    };
  }

  return build(options.scope ?? 'main');
}

export interface FileSinkOptions {
  fileName?: string;
  /** Size in bytes after which the file is renamed to `<name>.1.log`, replacing an older one. */
  maxBytes?: number;
  /** Also write each line to stderr, for `npm start` sessions. */
  mirrorToStderr?: boolean;
}

/**
 * A sink appending to `<dir>/main.log`.
 *
 * Writes are synchronous so the last lines before a crash reach the disk. Roster logs a few lines per
 * user action, so the blocking is short. A failed write goes to stderr and never throws into the caller.
 */
export function createFileSink(dir: string, options: FileSinkOptions = {}): { sink: LogSink; filePath: string } {
  const fileName = options.fileName ?? 'main.log';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const filePath = join(dir, fileName);
  const rotatedPath = join(dir, fileName.replace(/\.log$/, '') + '.1.log');

  mkdirSync(dir, { recursive: true });
  let size = 0;
  try {
    size = statSync(filePath).size;
  } catch {
    size = 0;
  }

  const sink: LogSink = (line) => {
    const text = `${line}\n`;
    try {
      if (size + text.length > maxBytes && size > 0) {
        renameSync(filePath, rotatedPath);
        size = 0;
      }
      appendFileSync(filePath, text, 'utf8');
      size += Buffer.byteLength(text);
    } catch (error) {
      process.stderr.write(`Failed to write the log file ${filePath}: ${(error as Error).message}\n`);
    }
    if (options.mirrorToStderr) {
      process.stderr.write(text);
    }
  };
  return { sink, filePath };
}
