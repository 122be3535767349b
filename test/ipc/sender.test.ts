import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedSender } from '../../src-main/ipc/sender';

const fileWindow: TrustedSender = { webContentsId: 7, page: { kind: 'file', indexPath: '/opt/Roster/out/renderer/index.html' } };
const devWindow: TrustedSender = { webContentsId: 9, page: { kind: 'dev-server', origin: 'http://localhost:5173' } };

describe('isTrustedSender', () => {
  it('accepts the window showing the built page', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///opt/Roster/out/renderer/index.html', isMainFrame: true }, [fileWindow])).toBe(true);
  });

  it('accepts a hash route on the built page', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///opt/Roster/out/renderer/index.html#/snapshots', isMainFrame: true }, [fileWindow])).toBe(true);
  });

  it('accepts the dev server origin', () => {
    expect(isTrustedSender({ webContentsId: 9, frameUrl: 'http://localhost:5173/index.html', isMainFrame: true }, [devWindow])).toBe(true);
  });

  it('rejects another webContents', () => {
    expect(isTrustedSender({ webContentsId: 8, frameUrl: 'file:///opt/Roster/out/renderer/index.html', isMainFrame: true }, [fileWindow])).toBe(false);
  });

  it('rejects another file', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///tmp/evil.html', isMainFrame: true }, [fileWindow])).toBe(false);
  });

  it('rejects a remote page', () => {
    expect(isTrustedSender({ webContentsId: 9, frameUrl: 'https://localhost:5173/', isMainFrame: true }, [devWindow])).toBe(false);
    expect(isTrustedSender({ webContentsId: 9, frameUrl: 'http://evil.example/', isMainFrame: true }, [devWindow])).toBe(false);
  });

  it('rejects subframes and vanished frames', () => {
    expect(isTrustedSender({ webContentsId: 7, frameUrl: 'file:///opt/Roster/out/renderer/index.html', isMainFrame: false }, [fileWindow])).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frameUrl: null, isMainFrame: true }, [fileWindow])).toBe(false);
  });

  it('decodes percent-encoded paths', () => {
    const spaced: TrustedSender = { webContentsId: 3, page: { kind: 'file', indexPath: 'C:\\Program Files\\Roster\\out\\renderer\\index.html' } };
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'file:///C:/Program%20Files/Roster/out/renderer/index.html', isMainFrame: true }, [spaced])).toBe(true);
  });
});
