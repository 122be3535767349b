import type { Handler } from '../dispatch';
import type { ResponseOf } from '../contract';

export type AppInfo = ResponseOf<'app:info'>;

export function createAppHandlers(info: () => AppInfo): {
  'app:info': Handler<'app:info'>;
  'log:write': Handler<'log:write'>;
} {
  return {
    'app:info': () => info(),

    'log:write': ({ level, message, scope }, context) => {
      context.logger[level](message, { source: 'renderer', scope: scope ?? 'ui' });
      return { written: true };
    }
  };
}
