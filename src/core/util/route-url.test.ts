import { describe, expect, it } from 'vitest';
import { isRouteFragment, routeUrl } from './route-url';

describe('route URLs', () => {
  it('keeps hash routes, with or without the hashbang', () => {
    expect(routeUrl('https://www.jeejio.com/app#/profile')).toBe('https://www.jeejio.com/app#/profile');
    expect(routeUrl('https://www.jeejio.com/app#!/profile')).toBe('https://www.jeejio.com/app#!/profile');
    expect(isRouteFragment('#/')).toBe(true);
  });

  it('drops plain anchors, which only scroll the page', () => {
    expect(routeUrl('https://www.jeejio.com/docs#section-2')).toBe('https://www.jeejio.com/docs');
    expect(routeUrl('https://www.jeejio.com/docs#')).toBe('https://www.jeejio.com/docs');
    expect(routeUrl('https://www.jeejio.com/docs')).toBe('https://www.jeejio.com/docs');
    expect(isRouteFragment('#!')).toBe(false);
  });
});
