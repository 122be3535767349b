import type { Handler } from '../dispatch';
import type { ResponseOf } from '../contract';

export type AppInfo = ResponseOf<'app:info'>;

/** Maximum renderer log lines accepted per `RENDERER_LOG_WINDOW_MS`, so a render loop cannot fill the disk. */
export const RENDERER_LOG_LIMIT = 100;
const RENDERER_LOG_WINDOW_MS = 60_000;

export function createAppHandlers(
  info: () => AppInfo,
  now: () => number = Date.now
): {
  'app:info': Handler<'app:info'>;
  'log:write': Handler<'log:write'>;
} {
  let windowStart = now();
  let accepted = 0;
  let dropped = 0;

  return {
    'app:info': () => info(),

    'log:write': ({ level, message, scope }, context) => {
      if (now() - windowStart >= RENDERER_LOG_WINDOW_MS) {
        if (dropped > 0) context.logger.warn('dropped renderer log lines over the rate limit', { dropped, limit: RENDERER_LOG_LIMIT });
        windowStart = now();
        accepted = 0;
        dropped = 0;
      }

      if (accepted >= RENDERER_LOG_LIMIT) {
        dropped += 1;
        return { written: false };
      }

      accepted += 1;
      context.logger[level](message, { source: 'renderer', scope: scope ?? 'ui' });
      return { written: true };
    }
  };
}
