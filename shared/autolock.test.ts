import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_WARNING_MS, autoLockState } from './autolock.js';
import { DEFAULT_AUTO_LOCK_MINUTES, SettingsSchema } from './model.js';

describe('autoLockState', () => {
  it('is active, then warns 30 s before, then locks at the setting', () => {
    expect(autoLockState(0, 5)).toBe('active');
    expect(autoLockState(5 * 60_000 - AUTO_LOCK_WARNING_MS - 1, 5)).toBe('active');
    expect(autoLockState(5 * 60_000 - AUTO_LOCK_WARNING_MS, 5)).toBe('warn');
    expect(autoLockState(5 * 60_000 - 1, 5)).toBe('warn');
    expect(autoLockState(5 * 60_000, 5)).toBe('lock');
  });
  it('never locks when the setting is 0', () => {
    expect(autoLockState(10 * 3_600_000, 0)).toBe('active');
  });
  it("the default is the settings' own", () => {
    expect(SettingsSchema.parse({}).autoLockMinutes).toBe(DEFAULT_AUTO_LOCK_MINUTES);
  });
});
