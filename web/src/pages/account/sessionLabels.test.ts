import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { deviceLabel, toSessionViews } from './sessionLabels';

const chrome =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const now = Date.parse('2025-03-10T12:00:00Z');
const session = (id: number, current: boolean, lastUsed: string): Session => ({
  id,
  current,
  created_at: '2025-03-01T12:00:00Z',
  last_used_at: lastUsed,
  ip: '127.0.0.1',
  user_agent: chrome,
});

describe('session rows', () => {
  it('labels devices as "<browser> on <os>"', () => {
    expect(deviceLabel(chrome)).toBe('Chrome on Linux');
    expect(deviceLabel(null)).toBe('Unknown device');
  });

  it('puts the current session first, then the most recent', () => {
    const views = toSessionViews(
      [
        session(1, false, '2025-03-10T09:00:00Z'),
        session(2, true, '2025-03-10T11:59:00Z'),
        session(3, false, '2025-03-10T11:00:00Z'),
      ],
      now,
    );
    expect(views.map((v) => v.session.id)).toEqual([2, 3, 1]);
  });

  it('makes revoke button names unique even for identical devices and times', () => {
    const views = toSessionViews(
      [
        session(1, true, '2025-03-10T11:00:00Z'),
        session(2, false, '2025-03-10T11:00:00Z'),
        session(3, false, '2025-03-10T11:00:00Z'),
      ],
      now,
    );
    const labels = views.filter((v) => !v.session.current).map((v) => v.revokeLabel);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toContain('Chrome on Linux');
  });
});
