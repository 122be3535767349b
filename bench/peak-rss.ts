import { readFileSync, writeFileSync } from 'node:fs';

/** Measures the RSS high-water mark of this process over one step at a time. */
export interface PeakRssMeter {
  /** Description of the measurement method, for the printed report. */
  readonly method: string;
  /** Starts a new measurement window. */
  reset(): void;
  /** Returns the highest RSS since the last `reset()`, in bytes. */
  read(): number;
}

const STATUS_FILE = '/proc/self/status';
const CLEAR_REFS_FILE = '/proc/self/clear_refs';
/** Writing "5" to clear_refs resets the VmHWM peak to the current RSS (checked on Linux 6.18). */
const RESET_PEAK_RSS = '5';

function readVmHwmBytes(): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(STATUS_FILE, 'utf8'));
  if (!match?.[1]) throw new Error(`${STATUS_FILE} has no VmHWM line.`);
  return Number(match[1]) * 1024;
}

/** Uses the kernel's own high-water mark, which also captures peaks inside synchronous code that a timer would miss. */
function linuxMeter(): PeakRssMeter {
  return {
    method: 'Linux VmHWM from /proc/self/status, reset through /proc/self/clear_refs before each step',
    reset: () => writeFileSync(CLEAR_REFS_FILE, RESET_PEAK_RSS),
    read: readVmHwmBytes
  };
}

/** Falls back to `maxRSS`, which cannot be reset, so each step's peak is the process peak up to its end. */
function cumulativeMeter(): PeakRssMeter {
  return {
    method: 'process.resourceUsage().maxRSS (cannot be reset here, so a step shows the peak of all steps up to it)',
    reset: () => undefined,
    read: () => process.resourceUsage().maxRSS * 1024
  };
}

/** Returns the Linux meter when /proc allows resetting the peak, else the cumulative one. */
export function createPeakRssMeter(): PeakRssMeter {
  try {
    const meter = linuxMeter();
    meter.reset();
    meter.read();
    return meter;
  } catch {
    return cumulativeMeter();
  }
}
