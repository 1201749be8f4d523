import { describe, expect, it } from 'vitest';
import { chromiumSandboxOff } from './launch-with-extension';

describe('chromiumSandboxOff', () => {
  it('says, for root, that the sandbox is off and why it matters', () => {
    expect(chromiumSandboxOff(0)).toMatch(/sandbox is off: this runs as root.*--no-sandbox.*ordinary user/);
  });

  it('says nothing for an ordinary user', () => {
    expect(chromiumSandboxOff(1000)).toBeUndefined();
  });
});
